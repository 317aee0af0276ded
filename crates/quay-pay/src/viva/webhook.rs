//! Pure pieces of the optional webhook listener (seed 004: "a webhook tells the
//! merchant's URL"). Viva signs nothing, so — as Odoo does — our own secret token sits in
//! the URL's query string, and an event is only a *hint*: the listener re-fetches the
//! order's transactions and decides with `poll::decide`. A duplicated or retried event
//! therefore yields the same hint and the same decision; nothing here changes state.

use serde::Deserialize;
use serde_json::Value;

use super::client::opt_text;
use super::OrderCode;

/// The query parameter holding our secret, e.g. `https://till.example/viva?token=…`.
pub const TOKEN_PARAM: &str = "token";

/// True when the query string carries `token=<expected>`. The comparison takes the
/// same time whatever the first differing byte (no timing oracle on the secret).
pub fn token_ok(query: Option<&str>, expected: &str) -> bool {
    if expected.is_empty() {
        return false; // an unset secret must not accept an empty token
    }
    let found = query.unwrap_or("").split('&').filter_map(|kv| kv.split_once('=')).find(|(k, _)| *k == TOKEN_PARAM).map(|(_, v)| v);
    match found {
        Some(given) => constant_time_eq(given.as_bytes(), expected.as_bytes()),
        None => false,
    }
}

/// Compares without an early exit; only the length leaks (the token's length is public).
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut diff = 0u8;
    for (x, y) in a.iter().zip(b) {
        diff |= x ^ y;
    }
    std::hint::black_box(diff) == 0
}

/// The body Viva's GET verification expects: `{"Key": "<key from /api/messages/config/token>"}`.
pub fn verification_body(key: &str) -> String {
    serde_json::json!({ "Key": key }).to_string()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// 1796 Transaction Payment Created.
    PaymentCreated,
    /// 1797 Reversal Created (a refund).
    ReversalCreated,
    /// 1798 Transaction Failed.
    TransactionFailed,
    Other(i64),
}

impl EventKind {
    pub fn from_id(id: i64) -> EventKind {
        match id {
            1796 => EventKind::PaymentCreated,
            1797 => EventKind::ReversalCreated,
            1798 => EventKind::TransactionFailed,
            n => EventKind::Other(n),
        }
    }
}

/// What an event points at. Equal events give equal hints, so a set of hints collapses
/// duplicates; acting on a hint is re-fetching, never trusting its payload.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Hint {
    pub kind: EventKind,
    pub order_code: Option<OrderCode>,
    pub transaction_id: Option<String>,
    /// Our reference, to find the payment when the order code is not ours (yet).
    pub merchant_trns: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebhookError {
    #[error("webhook body is not Viva's event envelope: {0}")]
    Malformed(String),
    #[error("webhook event names neither an order nor a transaction")]
    NoReference,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Envelope {
    event_type_id: i64,
    event_data: EventData,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct EventData {
    #[serde(default)]
    order_code: Option<Value>,
    #[serde(default, deserialize_with = "opt_text")]
    transaction_id: Option<String>,
    #[serde(default, deserialize_with = "opt_text")]
    merchant_trns: Option<String>,
}

/// Parses a POST body into a hint. Amount, status and card fields are deliberately not
/// read: the re-fetched transaction is the truth.
pub fn parse_event(body: &[u8]) -> Result<Hint, WebhookError> {
    let env: Envelope = serde_json::from_slice(body).map_err(|e| WebhookError::Malformed(e.to_string()))?;
    let order_code = match env.event_data.order_code {
        Some(Value::Number(n)) => n.as_u64().map(OrderCode),
        Some(Value::String(s)) => s.parse().ok().map(OrderCode),
        _ => None,
    };
    if order_code.is_none() && env.event_data.transaction_id.is_none() {
        return Err(WebhookError::NoReference);
    }
    Ok(Hint {
        kind: EventKind::from_id(env.event_type_id),
        order_code,
        transaction_id: env.event_data.transaction_id,
        merchant_trns: env.event_data.merchant_trns,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn token_check() {
        let cases: &[(Option<&str>, &str, bool)] = &[
            (Some("token=abc123"), "abc123", true),
            (Some("x=1&token=abc123"), "abc123", true),
            (Some("token=abc124"), "abc123", false),
            (Some("token=abc12"), "abc123", false),
            (Some("token="), "abc123", false),
            (Some("Token=abc123"), "abc123", false),
            (Some("tokenx=abc123"), "abc123", false),
            (None, "abc123", false),
            (Some("token="), "", false),
        ];
        for (q, expected, ok) in cases {
            assert_eq!(token_ok(*q, expected), *ok, "{q:?} vs {expected}");
        }
    }

    #[test]
    fn verification() {
        let v: Value = serde_json::from_str(&verification_body("K\"ey")).unwrap();
        assert_eq!(v, json!({"Key": "K\"ey"}));
    }

    #[test]
    fn events_become_hints_and_duplicates_are_equal() {
        let body = json!({
            "Url": "https://till/viva?token=t", "Created": "2026-11-22T10:00:00+00:00", "CorrelationId": "c",
            "EventTypeId": 1796, "Delay": null, "RetryCount": 0, "MessageId": "m1", "MessageTypeId": 512,
            "EventData": {"Amount": 12.5, "TerminalId": 1234, "OrderCode": 1272214778972604u64, "StatusId": "F",
                          "CardNumber": "414746******0133", "TransactionId": "tx-1", "MerchantTrns": "sale-1"}
        });
        let bytes = serde_json::to_vec(&body).unwrap();
        let h = parse_event(&bytes).unwrap();
        assert_eq!(h.kind, EventKind::PaymentCreated);
        assert_eq!(h.order_code, Some(OrderCode(1272214778972604)));
        assert_eq!(h.transaction_id.as_deref(), Some("tx-1"));
        // A retry differs in RetryCount/MessageId but points at the same thing.
        let mut retry = body.clone();
        retry["RetryCount"] = json!(1);
        retry["MessageId"] = json!("m2");
        assert_eq!(parse_event(&serde_json::to_vec(&retry).unwrap()).unwrap(), h);
        let set: std::collections::HashSet<Hint> = [h.clone(), h.clone()].into_iter().collect();
        assert_eq!(set.len(), 1);
    }

    #[test]
    fn bad_events() {
        assert!(matches!(parse_event(b"not json"), Err(WebhookError::Malformed(_))));
        assert!(matches!(parse_event(br#"{"EventTypeId":1798,"EventData":{}}"#), Err(WebhookError::NoReference)));
        let h = parse_event(br#"{"EventTypeId":1798,"EventData":{"OrderCode":"42"}}"#).unwrap();
        assert_eq!((h.kind, h.order_code), (EventKind::TransactionFailed, Some(OrderCode(42))));
    }
}
