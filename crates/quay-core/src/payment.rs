//! Card payment attempts: the state machine the payment journal enforces, and what a
//! decline means for the cashier. Pure; the journal (quay-store) writes every step before
//! the terminal or Viva is called, so that after a crash the counter knows what it asked.
//!
//! ```text
//! pending ──► sent ──► approved | declined | cancelled
//!    │          └────► unknown ──► approved | declined | cancelled   (resolved by asking)
//!    └──► cancelled (never sent)
//! ```
//! `unknown` is a state, not a failure: the outcome is asked of the terminal or Viva
//! (status enquiry, transactions of the order); a payment is never re-sent automatically.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::{Arg, Localized};

/// What a journaled payment does: takes money for a sale, or pays it back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentKind {
    Sale,
    /// Money paid back (a void's refund or reversal).
    Refund,
}

impl PaymentKind {
    /// The journal's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentKind::Sale => "sale",
            PaymentKind::Refund => "refund",
        }
    }

    /// The journal's spelling back; a reversal is money paid back too.
    pub fn parse(s: &str) -> Option<PaymentKind> {
        match s {
            "sale" => Some(PaymentKind::Sale),
            "refund" | "reversal" => Some(PaymentKind::Refund),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentState {
    /// Journaled, not yet handed to the terminal.
    Pending,
    /// Handed to the terminal / Viva; the answer has not come.
    Sent,
    Approved,
    Declined,
    /// The answer was lost (timeout, crash, T4 expiry): ask before doing anything else.
    Unknown,
    Cancelled,
}

impl PaymentState {
    pub const ALL: [PaymentState; 6] = [
        PaymentState::Pending,
        PaymentState::Sent,
        PaymentState::Approved,
        PaymentState::Declined,
        PaymentState::Unknown,
        PaymentState::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PaymentState::Pending => "pending",
            PaymentState::Sent => "sent",
            PaymentState::Approved => "approved",
            PaymentState::Declined => "declined",
            PaymentState::Unknown => "unknown",
            PaymentState::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<PaymentState> {
        PaymentState::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// Approved, declined and cancelled never change again.
    pub fn is_final(self) -> bool {
        matches!(self, PaymentState::Approved | PaymentState::Declined | PaymentState::Cancelled)
    }

    /// Whether the journal may move an attempt from `self` to `to`.
    pub fn can_become(self, to: PaymentState) -> bool {
        use PaymentState::*;
        matches!(
            (self, to),
            (Pending, Sent)
                | (Pending, Cancelled)
                | (Sent, Approved | Declined | Unknown | Cancelled)
                | (Unknown, Approved | Declined | Cancelled)
        )
    }
}

#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum PaymentError {
    #[error("payment {key}: {from} cannot become {to}")]
    Transition { key: String, from: &'static str, to: &'static str },
    #[error("sale {sale} has a payment whose outcome is not known yet")]
    Unresolved { sale: String },
}

impl Localized for PaymentError {
    fn code(&self) -> &'static str {
        match self {
            PaymentError::Transition { .. } => "err-payment-transition",
            PaymentError::Unresolved { .. } => "err-payment-unresolved",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self.clone() {
            PaymentError::Transition { key, from, to } => crate::args![("key", key), ("from", from), ("to", to)],
            PaymentError::Unresolved { sale } => crate::args![("sale", sale)],
        }
    }
}

/// The idempotency key of an attempt: the sale's UUID and the attempt number. It is sent
/// to Viva as the merchant reference, so a lost answer can be found again.
pub fn attempt_key(sale: Uuid, attempt: u32) -> String {
    format!("{sale}-{attempt}")
}

/// A new attempt for a sale is allowed only once every earlier one is settled: never two
/// payments in flight for one sale, never a second charge while the first is unknown.
pub fn may_start_attempt(sale: Uuid, earlier: &[PaymentState]) -> Result<u32, PaymentError> {
    if earlier.iter().any(|s| !s.is_final()) {
        return Err(PaymentError::Unresolved { sale: sale.to_string() });
    }
    Ok(earlier.len() as u32 + 1)
}

/// Where a decline code comes from: the issuer (ISO 8583 field 39, also carried in ZVT's
/// result code as a binary 01–63), the terminal itself (ZVT's own codes from 0x64), or Viva
/// (its Event IDs, `ResponseEventId`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeSource {
    Iso8583,
    Zvt,
    Viva,
}

impl CodeSource {
    /// The journal's `result_source`.
    pub fn as_str(self) -> &'static str {
        match self {
            CodeSource::Iso8583 => "iso8583",
            CodeSource::Zvt => "zvt",
            CodeSource::Viva => "viva",
        }
    }

    pub fn parse(s: &str) -> Option<CodeSource> {
        [CodeSource::Iso8583, CodeSource::Zvt, CodeSource::Viva].into_iter().find(|c| c.as_str() == s)
    }
}

/// The Fluent id that explains an issuer's response code (ISO 8583 field 39) to the
/// cashier, or None for a code we have no words for (a generic "declined by the bank"
/// with the code is shown then). Each of these messages takes the code as `$code`.
pub fn decline_message(code: &str) -> Option<&'static str> {
    Some(match code.trim().to_ascii_uppercase().as_str() {
        "01" | "02" => "decline-refer-to-issuer",
        "03" => "decline-invalid-merchant",
        "04" | "07" => "decline-pick-up",
        "05" => "decline-do-not-honour",
        "09" => "decline-try-again",
        "12" => "decline-invalid-transaction",
        "13" => "decline-invalid-amount",
        "14" | "15" => "decline-invalid-card",
        "33" | "54" => "decline-expired-card",
        "34" => "decline-fraud-suspected",
        "41" | "43" => "decline-lost-stolen",
        "51" => "decline-insufficient-funds",
        "55" => "decline-wrong-pin",
        "57" | "62" => "decline-not-permitted",
        "58" => "decline-terminal-not-permitted",
        "61" | "65" => "decline-over-limit",
        "75" => "decline-pin-tries-exceeded",
        // 82 is NestPay's (EST) CVV refusal, 84 the common "invalid CVC2" (wave2 §3).
        "82" | "84" => "decline-bad-cvv",
        "91" => "decline-issuer-unavailable",
        "94" => "decline-duplicate",
        "96" => "decline-system-error",
        // Visa's soft decline: the issuer wants strong customer authentication.
        "1A" => "decline-sca-required",
        _ => return None,
    })
}

/// The Fluent id for a ZVT terminal's own error (result codes from 0x64, as two hex
/// digits): the card or the terminal failed, not the issuer. None: show the code.
pub fn terminal_error_message(code: &str) -> Option<&'static str> {
    Some(match code.to_ascii_uppercase().as_str() {
        "64" => "zvt-error-card-unreadable",
        "65" => "zvt-error-card-data-missing",
        "66" => "zvt-error-processing",
        "6A" => "zvt-error-turnover-full",
        // Still refused after registering again (the driver retries once).
        "6B" => "zvt-error-not-registered",
        "6C" => "zvt-error-aborted",
        "6E" => "zvt-error-card-blocked",
        "6F" => "zvt-error-wrong-currency",
        "77" => "zvt-error-end-of-day-impossible",
        "78" => "zvt-error-card-expired",
        "79" => "zvt-error-card-not-yet-valid",
        "7A" => "zvt-error-card-unknown",
        "7D" => "zvt-error-communication",
        "83" => "zvt-error-not-possible",
        "9A" => "zvt-error-protocol",
        "9C" => "zvt-error-busy",
        "FF" => "zvt-error-system",
        _ => return None,
    })
}

/// The Fluent id for one of Viva's Event IDs (`ResponseEventId`, Viva's "Response
/// information" page). 10001–10099 are the issuer's ISO codes 01–99 plus 10000 (10051 is
/// the issuer's 51, insufficient funds), so they say what the ISO code says; Viva's own
/// ones are listed. None: a generic "declined by the bank" with the code.
pub fn viva_event_message(event: &str) -> Option<&'static str> {
    let n: u32 = event.trim().parse().ok()?;
    match n {
        10_001..=10_099 => decline_message(&format!("{:02}", n - 10_000)),
        // Soft decline: the issuer asks for strong customer authentication.
        10_301 => Some("decline-sca-required"),
        // Payments Policy Acquiring Restriction.
        2108 => Some("decline-viva-policy"),
        // The link to the card scheme failed or timed out (IsoTransport… events).
        6614 | 6624 | 6650 => Some("decline-issuer-unavailable"),
        _ => None,
    }
}

/// Lost, stolen or "pick up": the cashier must keep the card, as the issuer asks.
pub fn keep_card(code: &str) -> bool {
    matches!(code, "04" | "07" | "41" | "43")
}

/// One code of a decline: who gave it, the code exactly as given, and its reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DeclineCode {
    pub source: CodeSource,
    /// As the partner gave it: "51", "6E", "10051".
    pub code: String,
    /// The reason's Fluent id (every one takes `$code`).
    pub reason: &'static str,
}

impl DeclineCode {
    fn new(source: CodeSource, code: &str) -> DeclineCode {
        let reason = match source {
            CodeSource::Iso8583 => decline_message(code).unwrap_or("decline-code"),
            CodeSource::Zvt => terminal_error_message(code).unwrap_or("decline-terminal-code"),
            CodeSource::Viva => viva_event_message(code).unwrap_or("decline-code"),
        };
        DeclineCode { source, code: code.to_string(), reason }
    }

    /// The code as the cashier reads it out to the bank: the issuer's code bare, the
    /// others with whose code it is ("Viva 10051", "ZVT 6E").
    pub fn shown(&self) -> String {
        match self.source {
            CodeSource::Iso8583 => self.code.clone(),
            CodeSource::Zvt => format!("ZVT {}", self.code),
            CodeSource::Viva => format!("Viva {}", self.code),
        }
    }
}

/// A decline as the cashier and the bank need it: the partner's code with its reason and,
/// for Viva, the issuer's own response code where the transaction carries it. Pure: built
/// from what the journal holds, said through `Localized` (reason and code in one sentence).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Decline {
    /// ZVT: the issuer's or the terminal's code; Viva: its Event ID.
    pub code: Option<DeclineCode>,
    /// Viva: the issuer's ISO 8583 response code (`ResponseCode`).
    pub issuer: Option<DeclineCode>,
}

impl Decline {
    /// `code` and `source` as journaled (`result_code`, `result_source`), `issuer_code`
    /// the issuer's code Viva passes on. Codes that say nothing (empty, Viva's 0, a
    /// StatusId letter journaled by older versions instead of an Event ID) are no code.
    pub fn explain(source: Option<CodeSource>, code: Option<&str>, issuer_code: Option<&str>) -> Decline {
        fn given(c: Option<&str>) -> Option<&str> {
            c.map(str::trim).filter(|c| !c.is_empty() && *c != "0")
        }
        let code = given(code).and_then(|c| match source.unwrap_or(CodeSource::Iso8583) {
            CodeSource::Viva if !c.bytes().all(|b| b.is_ascii_digit()) => None,
            s => Some(DeclineCode::new(s, c)),
        });
        let issuer = given(issuer_code).filter(|c| *c != "00").map(|c| DeclineCode::new(CodeSource::Iso8583, c));
        match (code, issuer) {
            // Only the issuer's code: it is the reason.
            (None, Some(i)) => Decline { code: Some(i), issuer: None },
            (code, issuer) => Decline { code, issuer },
        }
    }

    /// Keep the card: the issuer says lost, stolen or pick up.
    pub fn keep_card(&self) -> bool {
        [&self.code, &self.issuer].into_iter().flatten().any(|c| match c.source {
            CodeSource::Iso8583 => keep_card(&c.code),
            CodeSource::Viva => c.code.strip_prefix("100").is_some_and(keep_card),
            CodeSource::Zvt => false,
        })
    }
}

impl std::fmt::Display for Decline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.code, &self.issuer) {
            (Some(c), Some(i)) => write!(f, "declined: {} ({}), issuer {} ({})", c.reason, c.shown(), i.reason, i.code),
            (Some(c), None) => write!(f, "declined: {} ({})", c.reason, c.shown()),
            _ => write!(f, "declined without a code"),
        }
    }
}

impl Localized for Decline {
    fn code(&self) -> &'static str {
        match (&self.code, &self.issuer) {
            (Some(c), Some(i)) if c.reason != i.reason => "decline-two-reasons",
            (Some(c), _) => c.reason,
            (None, _) => "decline-no-code",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        let with_code = |c: &DeclineCode, shown: String| Arg::Message(c.reason, vec![("code", Arg::Text(shown))]);
        match (&self.code, &self.issuer) {
            // Two meanings: both said, each with its code.
            (Some(c), Some(i)) if c.reason != i.reason => {
                vec![("first", with_code(c, c.shown())), ("second", with_code(i, i.code.clone()))]
            }
            // One meaning, two codes: Viva's and the issuer's.
            (Some(c), Some(i)) => {
                vec![(
                    "code",
                    Arg::Message("decline-code-and-bank", vec![("code", Arg::Text(c.shown())), ("bank", Arg::Text(i.code.clone()))]),
                )]
            }
            (Some(c), None) => vec![("code", Arg::Text(c.shown()))],
            (None, _) => vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PaymentState::*;

    #[test]
    fn terminal_errors_are_not_issuer_declines() {
        for (code, id) in [
            ("64", Some("zvt-error-card-unreadable")),
            ("6c", Some("zvt-error-aborted")),
            ("7D", Some("zvt-error-communication")),
            ("C3", None),
        ] {
            assert_eq!(terminal_error_message(code), id, "{code}");
        }
        // "05" from the terminal is not "do not honour": the two tables never mix.
        assert_eq!(terminal_error_message("05"), None);
    }

    #[test]
    fn transitions_table() {
        let allowed = [
            (Pending, Sent),
            (Pending, Cancelled),
            (Sent, Approved),
            (Sent, Declined),
            (Sent, Unknown),
            (Sent, Cancelled),
            (Unknown, Approved),
            (Unknown, Declined),
            (Unknown, Cancelled),
        ];
        for from in PaymentState::ALL {
            for to in PaymentState::ALL {
                assert_eq!(from.can_become(to), allowed.contains(&(from, to)), "{from:?} → {to:?}");
            }
        }
        for s in PaymentState::ALL {
            assert_eq!(PaymentState::parse(s.as_str()), Some(s));
            if s.is_final() {
                assert!(PaymentState::ALL.iter().all(|t| !s.can_become(*t)), "{s:?} is final");
            }
        }
        // Unknown is never silently final: it must be resolved.
        assert!(!Unknown.is_final());
    }

    #[test]
    fn one_attempt_in_flight_per_sale() {
        let sale = Uuid::from_u128(7);
        assert_eq!(may_start_attempt(sale, &[]), Ok(1));
        assert_eq!(may_start_attempt(sale, &[Declined, Cancelled]), Ok(3));
        for open in [Pending, Sent, Unknown] {
            assert!(may_start_attempt(sale, &[Declined, open]).is_err(), "{open:?}");
        }
        assert_eq!(attempt_key(sale, 2), "00000000-0000-0000-0000-000000000007-2");
    }

    #[test]
    fn decline_codes() {
        let cases = [
            ("05", Some("decline-do-not-honour")),
            ("51", Some("decline-insufficient-funds")),
            ("54", Some("decline-expired-card")),
            ("33", Some("decline-expired-card")),
            ("55", Some("decline-wrong-pin")),
            ("41", Some("decline-lost-stolen")),
            ("43", Some("decline-lost-stolen")),
            ("04", Some("decline-pick-up")),
            ("01", Some("decline-refer-to-issuer")),
            ("75", Some("decline-pin-tries-exceeded")),
            ("91", Some("decline-issuer-unavailable")),
            ("1a", Some("decline-sca-required")),
            // Bank virtual POS codes (wave2 §3).
            ("09", Some("decline-try-again")),
            ("34", Some("decline-fraud-suspected")),
            ("58", Some("decline-terminal-not-permitted")),
            ("82", Some("decline-bad-cvv")),
            ("84", Some("decline-bad-cvv")),
            ("65", Some("decline-over-limit")),
            ("77", None),
            ("", None),
        ];
        for (code, id) in cases {
            assert_eq!(decline_message(code), id, "{code}");
        }
        assert!(keep_card("43") && keep_card("04") && !keep_card("51"));
    }

    /// Viva's Event IDs 100NN say what the issuer's NN says; Viva's own ones have their
    /// own words; anything else is "declined by the bank" with the code.
    #[test]
    fn viva_event_ids() {
        let cases = [
            ("10051", Some("decline-insufficient-funds")),
            ("10005", Some("decline-do-not-honour")),
            ("10054", Some("decline-expired-card")),
            ("10041", Some("decline-lost-stolen")),
            ("10001", Some("decline-refer-to-issuer")),
            ("10301", Some("decline-sca-required")),
            ("2108", Some("decline-viva-policy")),
            ("6614", Some("decline-issuer-unavailable")),
            // 100NN for an NN we have no words for, and codes Viva did not document.
            ("10077", None),
            ("10200", None),
            ("10000", None),
            ("10100", None),
            ("E", None),
            ("", None),
        ];
        for (event, id) in cases {
            assert_eq!(viva_event_message(event), id, "{event}");
        }
        // Every 100NN maps exactly as NN does.
        for nn in 1..=99u32 {
            assert_eq!(viva_event_message(&(10_000 + nn).to_string()), decline_message(&format!("{nn:02}")), "{nn}");
        }
    }

    /// What the cashier is told for each journaled decline: the Fluent id and the code
    /// exactly as the partner gave it (the bank asks for it).
    #[test]
    fn declines_say_their_reason_and_code() {
        use CodeSource::*;
        let text = |s: &str| Arg::Text(s.into());
        let msg = |id: &'static str, code: &str| Arg::Message(id, vec![("code", Arg::Text(code.into()))]);
        type Case<'a> = (Option<CodeSource>, Option<&'a str>, Option<&'a str>, &'a str, Vec<(&'a str, Arg)>);
        #[rustfmt::skip]
        let cases: Vec<Case> = vec![
            // ZVT: the issuer's code bare, the terminal's own prefixed.
            (Some(Iso8583), Some("51"), None, "decline-insufficient-funds", vec![("code", text("51"))]),
            (Some(Iso8583), Some("05"), None, "decline-do-not-honour", vec![("code", text("05"))]),
            (Some(Iso8583), Some("Q7"), None, "decline-code", vec![("code", text("Q7"))]),
            (Some(Zvt), Some("6E"), None, "zvt-error-card-blocked", vec![("code", text("ZVT 6E"))]),
            (Some(Zvt), Some("C3"), None, "decline-terminal-code", vec![("code", text("ZVT C3"))]),
            // Viva: the Event ID, and the issuer's code beside it when it means the same.
            (Some(Viva), Some("10051"), None, "decline-insufficient-funds", vec![("code", text("Viva 10051"))]),
            (Some(Viva), Some("10051"), Some("51"), "decline-insufficient-funds",
                vec![("code", Arg::Message("decline-code-and-bank", vec![("code", text("Viva 10051")), ("bank", text("51"))]))]),
            // Two meanings: both, each with its code.
            (Some(Viva), Some("10301"), Some("65"), "decline-two-reasons",
                vec![("first", msg("decline-sca-required", "Viva 10301")), ("second", msg("decline-over-limit", "65"))]),
            // Neither known: "declined by the bank" once, with both codes.
            (Some(Viva), Some("10999"), Some("N7"), "decline-code",
                vec![("code", Arg::Message("decline-code-and-bank", vec![("code", text("Viva 10999")), ("bank", text("N7"))]))]),
            (Some(Viva), Some("10999"), None, "decline-code", vec![("code", text("Viva 10999"))]),
            // Only the issuer's code: it is the reason.
            (Some(Viva), None, Some("51"), "decline-insufficient-funds", vec![("code", text("51"))]),
            (Some(Viva), Some("0"), Some("05"), "decline-do-not-honour", vec![("code", text("05"))]),
            // No code at all (a StatusId letter journaled by an older version is none).
            (Some(Viva), Some("E"), None, "decline-no-code", vec![]),
            (Some(Viva), None, Some("00"), "decline-no-code", vec![]),
            (None, None, None, "decline-no-code", vec![]),
            (None, Some("51"), None, "decline-insufficient-funds", vec![("code", text("51"))]),
        ];
        for (source, code, issuer, id, args) in cases {
            let d = Decline::explain(source, code, issuer);
            assert_eq!((d.code(), d.args()), (id, args), "{source:?} {code:?} {issuer:?}");
        }
        assert!(Decline::explain(Some(Viva), Some("10043"), None).keep_card());
        assert!(Decline::explain(Some(Iso8583), Some("04"), None).keep_card());
        assert!(!Decline::explain(Some(Zvt), Some("6E"), None).keep_card());
        assert_eq!(CodeSource::parse("viva"), Some(Viva));
        assert_eq!(CodeSource::parse("manual"), None);
    }
}
