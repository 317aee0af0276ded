//! Viva eftPOS through the classic REST API (seed 004): each terminal is a *source* whose
//! code is its serial number; the till creates an *order* for that source, the terminal
//! shows the newest order of its source, and the outcome comes back by webhook (a hint)
//! or by polling the order's transactions. There is no cable and no session to resume:
//! the order code is the whole state, so the app journals it before anything else.
//!
//! - `amount`: Viva's decimal major-unit amounts → integer minor units, exactly;
//! - `client`: `VivaClient`, the HTTP calls (Basic auth, 10 s per call, `VivaError`);
//! - `poll`: the pure decision "pending / approved / declined / cancelled" for an order;
//! - `webhook`: pure pieces of a webhook listener (token check, verification answer,
//!   event → hint to re-fetch); `listener`: the listener itself (axum), handing each
//!   hint to the counter.
//!
//! A create-order whose answer is lost (`VivaError::Network`) may still have made the
//! order. Never re-send blindly: keep the same `MerchantTrns` (our payment id), look for
//! a payment with `find_by_merchant_trns(today, trns)`; if there is one, that is the
//! outcome. If not, a new order is safe — the terminal offers only the newest order of
//! its source — but keep checking by reference while polling the new order, since the
//! lost one could have been paid in the moment before the new one existed. (`?date=`
//! is Viva's account date; around midnight search both days.)

pub mod amount;
pub mod client;
pub mod listener;
pub mod poll;
pub mod webhook;

use std::fmt;

pub use client::{VivaClient, VivaError};
pub use poll::{decide, OrderOutcome};

/// Viva's order code: a 16-digit number, in JSON as a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct OrderCode(pub u64);

impl fmt::Display for OrderCode {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// `StatusId` of a transaction. Unknown letters (the M* dispute states) are kept, not
/// guessed: the decision treats them as "not an outcome".
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TxStatus {
    /// F: paid.
    Paid,
    /// A: pending.
    Pending,
    /// C: captured (a paid pre-authorisation).
    Captured,
    /// E: error — the card was declined or the payment failed.
    Error,
    /// R: refunded.
    Refunded,
    /// X: cancelled.
    Cancelled,
    Other(String),
}

impl TxStatus {
    pub fn from_code(code: &str) -> TxStatus {
        match code {
            "F" => TxStatus::Paid,
            "A" => TxStatus::Pending,
            "C" => TxStatus::Captured,
            "E" => TxStatus::Error,
            "R" => TxStatus::Refunded,
            "X" => TxStatus::Cancelled,
            other => TxStatus::Other(other.to_string()),
        }
    }

    pub fn code(&self) -> &str {
        match self {
            TxStatus::Paid => "F",
            TxStatus::Pending => "A",
            TxStatus::Captured => "C",
            TxStatus::Error => "E",
            TxStatus::Refunded => "R",
            TxStatus::Cancelled => "X",
            TxStatus::Other(s) => s,
        }
    }
}

/// One card transaction of an order, with the amount already in minor units. The ids
/// are what day-end reconciliation matches against the bank (seed 001).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transaction {
    /// Viva's transaction id (a GUID): the key for refunds and reconciliation.
    pub transaction_id: String,
    pub order_code: Option<OrderCode>,
    pub amount_minor: i64,
    pub status: TxStatus,
    /// Masked PAN as Viva sends it ("414746******0133").
    pub card_number: Option<String>,
    pub terminal_id: Option<String>,
    pub authorization_id: Option<String>,
    /// RRN, as printed on the slip.
    pub retrieval_reference: Option<String>,
    /// ReferenceNumber (the terminal's STAN).
    pub reference_number: Option<String>,
    pub merchant_trns: Option<String>,
    pub source_code: Option<String>,
    /// Viva's timestamp text, kept as received (ISO 8601 local time).
    pub inserted: Option<String>,
    /// Set on a reversal (refund): the transaction it reverses. A reversal is not a
    /// payment of the order even when its own status is F.
    pub parent_id: Option<String>,
    /// Why a payment failed: Viva's Event ID (`ResponseEventId`, e.g. 10051 for the
    /// issuer's 51). `StatusId` E only says that it failed.
    pub response_event_id: Option<String>,
    /// The issuer's ISO 8583 response code (`ResponseCode`, "00" when approved), where
    /// the transaction carries it.
    pub response_code: Option<String>,
}

/// `GET /api/orders/{code}`: `StateId` 0 pending, 1 expired, 2 cancelled, 3 paid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Order {
    pub order_code: OrderCode,
    pub amount_minor: i64,
    pub state: OrderState,
    pub source_code: Option<String>,
    pub merchant_trns: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrderState {
    Pending,
    Expired,
    Cancelled,
    Paid,
    Other(i64),
}

impl OrderState {
    pub fn from_id(id: i64) -> OrderState {
        match id {
            0 => OrderState::Pending,
            1 => OrderState::Expired,
            2 => OrderState::Cancelled,
            3 => OrderState::Paid,
            n => OrderState::Other(n),
        }
    }
}
