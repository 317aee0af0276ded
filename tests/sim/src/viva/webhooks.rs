//! Webhook events as Viva sends them: the envelope around EventData, POSTed to the
//! configured URL from a thread of its own (Viva does not wait for the till). With the
//! `webhook_copies` fault the same event is POSTed several times, as a retrying sender
//! does; the receiver must be idempotent.

use std::sync::Arc;

use serde_json::{json, Value};

use super::outbound::http;
use super::state::{SimTransaction, Viva};

pub const PAYMENT_CREATED: i64 = 1796;
pub const REVERSAL_CREATED: i64 = 1797;
pub const TRANSACTION_FAILED: i64 = 1798;

/// The envelope of one event.
pub fn envelope(viva: &Viva, tx: &SimTransaction, event_type: i64) -> Value {
    json!({
        "Url": viva.config().webhook_url,
        "EventData": tx.event_data(&viva.config().merchant_id),
        "Created": chrono::Utc::now().to_rfc3339(),
        "CorrelationId": uuid::Uuid::new_v4().to_string(),
        "EventTypeId": event_type,
        "Delay": null,
        "RetryCount": 0,
        "RetryDelay": null,
        "MessageId": uuid::Uuid::new_v4().to_string(),
        "RecipientId": viva.config().merchant_id,
        "MessageTypeId": 512,
    })
}

/// Sends the event (and its duplicates) in the background, if a URL is configured.
pub(crate) fn deliver(viva: &Arc<Viva>, tx: &SimTransaction, event_type: i64) {
    let Some(url) = viva.config().webhook_url.clone() else { return };
    let body = serde_json::to_vec(&envelope(viva, tx, event_type)).expect("json");
    let copies = viva.faults().webhook_copies.max(1);
    let viva = viva.clone();
    std::thread::spawn(move || {
        for _ in 0..copies {
            viva.count(|s| s.webhooks_sent += 1);
            match http("POST", &url, Some(&body)) {
                Ok((status, _)) if (200..300).contains(&status) => viva.count(|s| s.webhooks_acknowledged += 1),
                Ok((status, _)) => tracing::info!("viva webhook answered {status}"),
                Err(e) => tracing::info!("viva webhook: {e}"),
            }
        }
    });
}
