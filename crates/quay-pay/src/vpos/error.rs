//! `VposError`: what went wrong before, while or after talking to a bank's virtual POS, as a
//! Fluent id (`err-vpos-*`, in `locales/*/vpos-errors.ftl`) and its arguments. Bank refusals
//! that are answers (Declined/Error with a code) are `BankAnswer`s, not errors; they become
//! `VposError::Bank` only where a call cannot return an answer (status, check, report).

use quay_core::error::{Arg, Localized};

use super::BankAnswer;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VposError {
    /// The family is known but Quay does not talk to it yet (PosNet).
    #[error("{kind} is not implemented")]
    NotImplemented { kind: &'static str },
    /// A credential field or gateway setting is absent or empty.
    #[error("{field} is missing")]
    MissingField { field: String },
    /// A credential field or gateway setting has the wrong shape (digits, length, URL).
    #[error("{field} is not valid")]
    InvalidField { field: String },
    /// Not a card number: length, digits or Luhn. The number itself is never kept here.
    #[error("invalid card number")]
    CardNumber,
    /// Not `MM/YY`.
    #[error("invalid expiry date")]
    Expiry,
    /// The card's last valid month is over.
    #[error("card expired ({expiry})")]
    CardExpired { expiry: String },
    /// The security code must have `digits` digits for this card.
    #[error("invalid security code ({digits} digits expected)")]
    Cvv { digits: u8 },
    /// An amount the bank cannot take (zero, negative, too large) or a `Total` we cannot read.
    #[error("invalid amount {amount:?}")]
    Amount { amount: String },
    /// The amount is in another currency than the gateway's.
    #[error("amount in {found}, the gateway takes {expected}")]
    CurrencyMismatch { expected: String, found: String },
    /// An order id outside 1–64 `[A-Za-z0-9_-]`.
    #[error("invalid order id {order_id:?}")]
    OrderId { order_id: String },
    /// The bank says "Insufficient permissions": wrong client id, user, password or terminal.
    #[error("the bank refused the credentials")]
    Credentials,
    /// The 3-D gate refused the payment form (HTTP 400 with `<p id="ErrMsg">`).
    #[error("the bank refused the payment page: {message}")]
    Refused { message: String },
    /// A refusal where the call needs a result (status, report), with the bank's answer.
    #[error("the bank refused: {} {}", .0.response, .0.proc_return_code)]
    Bank(Box<BankAnswer>),
    /// No answer. `sent`: the connection was made, so the bank may have acted.
    #[error("cannot reach the bank: {detail}")]
    Transport { detail: String, sent: bool, timed_out: bool },
    /// An HTTP status other than the expected one.
    #[error("the bank answered HTTP {status}")]
    Http { status: u16 },
    /// An answer (or a callback form) we could not read.
    #[error("unreadable answer: {detail}")]
    Decode { detail: String },
    /// A callback whose HASH does not verify with the store key.
    #[error("bad signature")]
    BadSignature,
}

impl VposError {
    /// The request may have reached the bank (timeout, dropped connection, 5xx, unreadable
    /// answer): the caller must query the order before anything else. False when nothing was
    /// sent (connect refused, bad input) or the bank answered clearly.
    pub fn outcome_unknown(&self) -> bool {
        match self {
            VposError::Transport { sent, .. } => *sent,
            VposError::Http { status } => *status >= 500,
            VposError::Decode { .. } => true,
            _ => false,
        }
    }

    pub(crate) fn transport(e: &reqwest::Error) -> VposError {
        // A connect error means no byte of the request left: safe to try again. Anything
        // else (timeout after connecting, reset while reading) may have been acted upon.
        let sent = !e.is_connect();
        VposError::Transport { detail: without_url(e), sent, timed_out: e.is_timeout() }
    }

    pub(crate) fn decode(detail: impl Into<String>) -> VposError {
        VposError::Decode { detail: detail.into() }
    }
}

/// reqwest's message without the URL (it may carry a query; ours never do, but stay safe).
fn without_url(e: &reqwest::Error) -> String {
    let mut text = e.to_string();
    if let Some(url) = e.url() {
        text = text.replace(url.as_str(), "…");
    }
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

impl Localized for VposError {
    fn code(&self) -> &'static str {
        match self {
            VposError::NotImplemented { .. } => "err-vpos-not-implemented",
            VposError::MissingField { .. } => "err-vpos-missing-field",
            VposError::InvalidField { .. } => "err-vpos-invalid-field",
            VposError::CardNumber => "err-vpos-card-number",
            VposError::Expiry => "err-vpos-expiry",
            VposError::CardExpired { .. } => "err-vpos-card-expired",
            VposError::Cvv { .. } => "err-vpos-cvv",
            VposError::Amount { .. } => "err-vpos-amount",
            VposError::CurrencyMismatch { .. } => "err-vpos-currency-mismatch",
            VposError::OrderId { .. } => "err-vpos-order-id",
            VposError::Credentials => "err-vpos-credentials",
            VposError::Refused { .. } => "err-vpos-refused",
            VposError::Bank(_) => "err-vpos-bank",
            VposError::Transport { timed_out: true, .. } => "err-vpos-timeout",
            VposError::Transport { .. } => "err-vpos-transport",
            VposError::Http { .. } => "err-vpos-http",
            VposError::Decode { .. } => "err-vpos-decode",
            VposError::BadSignature => "err-vpos-bad-signature",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        let text = |s: &str| Arg::Text(s.to_string());
        match self {
            VposError::NotImplemented { kind } => vec![("kind", text(kind))],
            VposError::MissingField { field } | VposError::InvalidField { field } => vec![("field", text(field))],
            VposError::CardExpired { expiry } => vec![("expiry", text(expiry))],
            VposError::Cvv { digits } => vec![("digits", Arg::Int(*digits as i64))],
            VposError::Amount { amount } => vec![("amount", text(amount))],
            VposError::CurrencyMismatch { expected, found } => vec![("expected", text(expected)), ("found", text(found))],
            VposError::OrderId { order_id } => vec![("order_id", text(order_id))],
            VposError::Refused { message } => vec![("message", text(message))],
            VposError::Bank(answer) => {
                let code = answer.code().to_string();
                vec![("code", Arg::Text(code.clone())), ("reason", Arg::Message(answer.reason(), vec![("code", Arg::Text(code))]))]
            }
            VposError::Transport { detail, .. } | VposError::Decode { detail } => vec![("detail", text(detail))],
            VposError::Http { status } => vec![("status", Arg::Int(*status as i64))],
            VposError::CardNumber | VposError::Expiry | VposError::Credentials | VposError::BadSignature => vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(code: &str, error_code: Option<&str>) -> BankAnswer {
        BankAnswer {
            approved: false,
            response: "Error".into(),
            proc_return_code: code.into(),
            error_code: error_code.map(str::to_string),
            err_msg: None,
            auth_code: None,
            host_ref: None,
            trans_id: None,
            order_id: None,
        }
    }

    #[test]
    fn ids_and_outcome() {
        let cases: Vec<(VposError, &str, bool)> = vec![
            (VposError::NotImplemented { kind: "posnet" }, "err-vpos-not-implemented", false),
            (VposError::MissingField { field: "client_id".into() }, "err-vpos-missing-field", false),
            (VposError::InvalidField { field: "terminal_id".into() }, "err-vpos-invalid-field", false),
            (VposError::CardNumber, "err-vpos-card-number", false),
            (VposError::Expiry, "err-vpos-expiry", false),
            (VposError::CardExpired { expiry: "01/20".into() }, "err-vpos-card-expired", false),
            (VposError::Cvv { digits: 4 }, "err-vpos-cvv", false),
            (VposError::Amount { amount: "0".into() }, "err-vpos-amount", false),
            (VposError::CurrencyMismatch { expected: "TRY".into(), found: "EUR".into() }, "err-vpos-currency-mismatch", false),
            (VposError::OrderId { order_id: "a b".into() }, "err-vpos-order-id", false),
            (VposError::Credentials, "err-vpos-credentials", false),
            (VposError::Refused { message: "x".into() }, "err-vpos-refused", false),
            (VposError::Bank(Box::new(answer("99", Some("CORE-2008")))), "err-vpos-bank", false),
            (VposError::Transport { detail: "refused".into(), sent: false, timed_out: false }, "err-vpos-transport", false),
            (VposError::Transport { detail: "reset".into(), sent: true, timed_out: false }, "err-vpos-transport", true),
            (VposError::Transport { detail: "timeout".into(), sent: true, timed_out: true }, "err-vpos-timeout", true),
            (VposError::Http { status: 404 }, "err-vpos-http", false),
            (VposError::Http { status: 502 }, "err-vpos-http", true),
            (VposError::Decode { detail: "eof".into() }, "err-vpos-decode", true),
            (VposError::BadSignature, "err-vpos-bad-signature", false),
        ];
        for (e, id, unknown) in cases {
            assert_eq!(e.code(), id, "{e:?}");
            assert_eq!(e.outcome_unknown(), unknown, "{e:?}");
        }
    }

    #[test]
    fn bank_error_names_its_reason() {
        let e = VposError::Bank(Box::new(answer("99", Some("CORE-2008"))));
        assert_eq!(
            e.args(),
            vec![
                ("code", Arg::Text("CORE-2008".into())),
                ("reason", Arg::Message("vpos-code-void-too-late", vec![("code", Arg::Text("CORE-2008".into()))]))
            ]
        );
    }
}
