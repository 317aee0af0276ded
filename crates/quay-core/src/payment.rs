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
/// result code as a binary 01–63), the terminal itself (ZVT's own codes from 0x64), or Viva.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeSource {
    Iso8583,
    Zvt,
    Viva,
}

/// The Fluent id that explains an issuer's response code to the cashier, or None for a
/// code we have no words for (the screen then shows the code itself).
pub fn decline_message(code: &str) -> Option<&'static str> {
    Some(match code {
        "05" => "decline-do-not-honour",
        "12" => "decline-invalid-transaction",
        "13" => "decline-invalid-amount",
        "14" => "decline-invalid-card",
        "41" | "43" => "decline-lost-stolen",
        "51" => "decline-insufficient-funds",
        "54" => "decline-expired-card",
        "55" => "decline-wrong-pin",
        "57" => "decline-not-permitted",
        "61" | "65" => "decline-over-limit",
        "91" => "decline-issuer-unavailable",
        "94" => "decline-duplicate",
        "96" => "decline-system-error",
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

/// Lost or stolen: the cashier must keep the card, as the issuer asks.
pub fn keep_card(code: &str) -> bool {
    matches!(code, "41" | "43")
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
            ("55", Some("decline-wrong-pin")),
            ("41", Some("decline-lost-stolen")),
            ("43", Some("decline-lost-stolen")),
            ("91", Some("decline-issuer-unavailable")),
            ("77", None),
            ("", None),
        ];
        for (code, id) in cases {
            assert_eq!(decline_message(code), id, "{code}");
        }
        assert!(keep_card("43") && !keep_card("51"));
    }
}
