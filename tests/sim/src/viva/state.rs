//! The simulated Viva account: orders per source, their transactions, the scripted
//! terminals and the faults. Plain data behind one mutex; the HTTP layer and the tests
//! both go through these methods.

use std::sync::Mutex;

use quay_core::Currency;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// How the simulator is set up. `sandbox()` gives working defaults.
#[derive(Clone, Debug)]
pub struct VivaConfig {
    pub merchant_id: String,
    pub api_key: String,
    /// What `GET /api/messages/config/token` answers, and what the webhook's GET
    /// verification must echo.
    pub webhook_key: String,
    /// Where payment events are POSTed (plain `http://` on loopback), if anywhere.
    pub webhook_url: Option<String>,
}

impl VivaConfig {
    pub const SANDBOX_MERCHANT_ID: &'static str = "1b2d3f4a-0000-4000-8000-00000000a3a3";
    pub const SANDBOX_API_KEY: &'static str = "sandbox-api-key";
    pub const SANDBOX_WEBHOOK_KEY: &'static str = "5A7B2C1D3E4F";

    pub fn sandbox() -> VivaConfig {
        VivaConfig {
            merchant_id: Self::SANDBOX_MERCHANT_ID.into(),
            api_key: Self::SANDBOX_API_KEY.into(),
            webhook_key: Self::SANDBOX_WEBHOOK_KEY.into(),
            webhook_url: None,
        }
    }
}

/// Switchable faults (also `GET|POST /admin/viva/faults`). Counters count down.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VivaFaults {
    /// Every API answer waits this long first.
    pub slow_ms: u64,
    /// The next N API requests answer 500 without doing anything.
    pub fail_5xx: u32,
    /// The next N create-order requests create the order, then drop the connection
    /// without an answer (the "lost response").
    pub lose_create_responses: u32,
    /// Each webhook event is POSTed this many times (0 or 1: once).
    pub webhook_copies: u32,
}

/// What the scripted terminal does with the newest order of its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TerminalOutcome {
    /// The card is charged: a transaction F, the order paid.
    Approve,
    /// The card is declined for insufficient funds: a transaction E with ResponseEventId
    /// 10051 and ResponseCode "51"; the order stays open for another card.
    Decline,
    /// Declined with this Event ID and, if the issuer answered, its (numeric) response
    /// code: `{"decline_with": {"event_id": 10005, "response_code": 5}}` over HTTP.
    DeclineWith { event_id: u32, response_code: Option<u8> },
}

impl TerminalOutcome {
    /// The reason of a decline as Viva states it on the transaction: `ResponseEventId`
    /// and the issuer's `ResponseCode`. An approval is ("00", no event).
    pub fn response(self) -> (Option<u32>, Option<String>) {
        match self {
            TerminalOutcome::Approve => (None, Some("00".into())),
            TerminalOutcome::Decline => (Some(10_051), Some("51".into())),
            TerminalOutcome::DeclineWith { event_id, response_code } => (Some(event_id), response_code.map(|c| format!("{c:02}"))),
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct SimOrder {
    pub order_code: u64,
    pub amount_minor: i64,
    /// The order's `CurrencyCode` (EUR when the request names none, as for a euro
    /// account); its transactions are in it and their amounts use its exponent.
    pub currency: Currency,
    pub source_code: String,
    pub merchant_trns: String,
    /// 0 pending, 1 expired, 2 cancelled, 3 paid.
    pub state_id: i64,
}

#[derive(Clone, Debug, Serialize)]
pub struct SimTransaction {
    pub transaction_id: String,
    pub order_code: u64,
    pub amount_minor: i64,
    pub currency: Currency,
    pub status_id: String,
    pub card_number: String,
    pub terminal_id: u64,
    pub authorization_id: String,
    pub retrieval_reference_number: String,
    pub reference_number: u64,
    pub merchant_trns: String,
    pub source_code: String,
    /// YYYY-MM-DD (UTC) for `?date=` searches.
    pub date: String,
    pub ins_date: String,
    pub parent_id: Option<String>,
    /// Why a payment failed (Viva's Event ID); none on a success.
    pub response_event_id: Option<u32>,
    /// The issuer's response code: "00" on a success, e.g. "51" on a decline, none when
    /// the issuer never answered.
    pub response_code: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct VivaStats {
    pub api_requests: u64,
    pub unauthorized: u64,
    pub orders_created: u64,
    pub responses_lost: u64,
    pub answered_5xx: u64,
    pub webhooks_sent: u64,
    pub webhooks_acknowledged: u64,
}

#[derive(Default)]
struct Inner {
    orders: Vec<SimOrder>,
    transactions: Vec<SimTransaction>,
    faults: VivaFaults,
    stats: VivaStats,
    seq: u64,
}

/// The account. Shared by the server, the terminals and the tests.
pub struct Viva {
    config: VivaConfig,
    inner: Mutex<Inner>,
}

/// A refund the simulator refused, with Viva's error code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub http: u16,
    pub code: i64,
    pub text: String,
}

const FIRST_ORDER_CODE: u64 = 1_272_214_778_970_000;

impl Viva {
    pub fn new(config: VivaConfig) -> Viva {
        Viva { config, inner: Mutex::new(Inner::default()) }
    }

    pub fn config(&self) -> &VivaConfig {
        &self.config
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn faults(&self) -> VivaFaults {
        self.lock().faults.clone()
    }

    pub fn set_faults(&self, f: VivaFaults) {
        self.lock().faults = f;
    }

    pub fn stats(&self) -> VivaStats {
        self.lock().stats.clone()
    }

    pub(crate) fn count(&self, f: impl FnOnce(&mut VivaStats)) {
        f(&mut self.lock().stats)
    }

    /// Takes one from a fault counter; true if it was set.
    pub(crate) fn take_fault(&self, pick: impl FnOnce(&mut VivaFaults) -> &mut u32) -> bool {
        let mut g = self.lock();
        let n = pick(&mut g.faults);
        if *n > 0 {
            *n -= 1;
            true
        } else {
            false
        }
    }

    pub fn orders(&self) -> Vec<SimOrder> {
        self.lock().orders.clone()
    }

    pub fn orders_by_merchant_trns(&self, merchant_trns: &str) -> Vec<SimOrder> {
        self.lock().orders.iter().filter(|o| o.merchant_trns == merchant_trns).cloned().collect()
    }

    pub fn transactions(&self) -> Vec<SimTransaction> {
        self.lock().transactions.clone()
    }

    pub fn create_order(&self, amount_minor: i64, currency: Currency, source_code: &str, merchant_trns: &str) -> u64 {
        let mut g = self.lock();
        g.seq += 1;
        let code = FIRST_ORDER_CODE + g.seq;
        g.orders.push(SimOrder {
            order_code: code,
            amount_minor,
            currency,
            source_code: source_code.into(),
            merchant_trns: merchant_trns.into(),
            state_id: 0,
        });
        g.stats.orders_created += 1;
        code
    }

    pub fn order(&self, code: u64) -> Option<SimOrder> {
        self.lock().orders.iter().find(|o| o.order_code == code).cloned()
    }

    /// Cancels a pending order; a paid or unknown one is refused.
    pub fn cancel_order(&self, code: u64) -> Result<(), Refused> {
        let mut g = self.lock();
        match g.orders.iter_mut().find(|o| o.order_code == code) {
            None => Err(Refused { http: 404, code: 404, text: "Order not found".into() }),
            Some(o) if o.state_id == 3 => Err(Refused { http: 409, code: 409, text: "Order is paid".into() }),
            Some(o) => {
                o.state_id = 2;
                Ok(())
            }
        }
    }

    /// The terminal of `source` takes the newest order of its source (seed 004). None
    /// when the source has no order or its newest is no longer pending.
    pub fn pay_newest(&self, source: &str, outcome: TerminalOutcome) -> Option<SimTransaction> {
        let mut g = self.lock();
        let g = &mut *g;
        let order = g.orders.iter_mut().rev().find(|o| o.source_code == source)?;
        if order.state_id != 0 {
            return None;
        }
        g.seq += 1;
        let n = g.seq;
        let now = chrono::Utc::now();
        let status = match outcome {
            TerminalOutcome::Approve => {
                order.state_id = 3;
                "F"
            }
            TerminalOutcome::Decline | TerminalOutcome::DeclineWith { .. } => "E",
        };
        let (response_event_id, response_code) = outcome.response();
        let tx = SimTransaction {
            transaction_id: uuid::Uuid::new_v4().to_string(),
            order_code: order.order_code,
            amount_minor: order.amount_minor,
            currency: order.currency,
            status_id: status.into(),
            card_number: "414746******0133".into(),
            // A numeric terminal id derived from the source, stable per terminal.
            terminal_id: 16_000_000 + source.bytes().fold(0u64, |a, b| (a * 31 + b as u64) % 1_000_000),
            authorization_id: if status == "F" { format!("{:06}", 100_000 + n % 900_000) } else { String::new() },
            retrieval_reference_number: format!("{}{:06}", now.format("%y%j"), n % 1_000_000),
            reference_number: n % 1_000_000,
            merchant_trns: order.merchant_trns.clone(),
            source_code: order.source_code.clone(),
            date: now.format("%Y-%m-%d").to_string(),
            ins_date: now.format("%Y-%m-%dT%H:%M:%S%.3f").to_string(),
            parent_id: None,
            response_event_id,
            response_code,
        };
        g.transactions.push(tx.clone());
        Some(tx)
    }

    pub fn transactions_where(&self, keep: impl Fn(&SimTransaction) -> bool) -> Vec<SimTransaction> {
        self.lock().transactions.iter().filter(|t| keep(t)).cloned().collect()
    }

    /// Refunds `amount_minor` of a paid transaction: the original turns R and a
    /// reversal (ParentId = original) is recorded. Our choice: any refund, full or
    /// partial, makes the original non reversible, so a second one gets 403.
    pub fn refund(&self, id: &str, amount_minor: i64) -> Result<SimTransaction, Refused> {
        let mut g = self.lock();
        let g = &mut *g;
        g.seq += 1;
        let n = g.seq;
        let Some(orig) = g.transactions.iter_mut().find(|t| t.transaction_id == id) else {
            return Err(Refused { http: 404, code: 404, text: "Transaction not found".into() });
        };
        if !(orig.status_id == "F" || orig.status_id == "C") || orig.parent_id.is_some() {
            return Err(Refused { http: 403, code: 403, text: "Non reversible transaction".into() });
        }
        if amount_minor <= 0 || amount_minor > orig.amount_minor {
            return Err(Refused { http: 400, code: 400, text: "Invalid amount".into() });
        }
        orig.status_id = "R".into();
        let reversal = SimTransaction {
            transaction_id: uuid::Uuid::new_v4().to_string(),
            amount_minor,
            status_id: "F".into(),
            authorization_id: String::new(),
            reference_number: n % 1_000_000,
            parent_id: Some(orig.transaction_id.clone()),
            ..orig.clone()
        };
        g.transactions.push(reversal.clone());
        Ok(reversal)
    }
}

/// Minor units as Viva's JSON decimal in major units: 1000 EUR cents → 10.0, 45000 VND →
/// 45000. The division is IEEE-exact-rounded, so the printed shortest form is the decimal.
pub fn major_number(minor: i64, currency: Currency) -> Value {
    if currency.exponent() == 0 {
        return Value::from(minor);
    }
    serde_json::Number::from_f64(minor as f64 / currency.scale() as f64).map(Value::Number).unwrap_or(Value::Null)
}

impl SimTransaction {
    /// The transaction as `GET /api/transactions` lists it.
    pub fn to_wire(&self) -> Value {
        json!({
            "TransactionId": self.transaction_id,
            "Amount": major_number(self.amount_minor, self.currency),
            "StatusId": self.status_id,
            "Order": {"OrderCode": self.order_code},
            "CardNumber": self.card_number,
            "TerminalId": self.terminal_id,
            "AuthorizationId": self.authorization_id,
            "RetrievalReferenceNumber": self.retrieval_reference_number,
            "ReferenceNumber": self.reference_number,
            "MerchantTrns": self.merchant_trns,
            "SourceCode": self.source_code,
            "InsDate": self.ins_date,
            "CurrencyCode": self.currency.numeric().to_string(),
            "ParentId": self.parent_id,
            "ResponseEventId": self.response_event_id,
            "ResponseCode": self.response_code,
        })
    }

    /// EventData of a webhook for this transaction.
    pub fn event_data(&self, merchant_id: &str) -> Value {
        json!({
            "Amount": major_number(self.amount_minor, self.currency),
            "TerminalId": self.terminal_id,
            "MerchantId": merchant_id,
            "OrderCode": self.order_code,
            "StatusId": self.status_id,
            "InsDate": self.ins_date,
            "CardNumber": self.card_number,
            "SourceCode": self.source_code,
            "TransactionId": self.transaction_id,
            "ReferenceNumber": self.reference_number,
            "CurrencyCode": self.currency.numeric().to_string(),
            "MerchantTrns": self.merchant_trns,
            "TransactionTypeId": if self.parent_id.is_some() { 7 } else { 5 },
            "RetrievalReferenceNumber": self.retrieval_reference_number,
            "AuthorizationId": self.authorization_id,
            "ParentId": self.parent_id,
            "ResponseEventId": self.response_event_id,
            "ResponseCode": self.response_code,
        })
    }
}

impl SimOrder {
    pub fn to_wire(&self) -> Value {
        json!({
            "OrderCode": self.order_code,
            "RequestAmount": major_number(self.amount_minor, self.currency),
            "StateId": self.state_id,
            "SourceCode": self.source_code,
            "MerchantTrns": self.merchant_trns,
            "RequestLang": "en-US",
            "CustomerTrns": null,
            "Tags": [],
            "ErrorCode": 0, "ErrorText": null,
        })
    }
}
