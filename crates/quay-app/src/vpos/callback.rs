//! The bank's 3-D result, received at `vpos.callback.listen`: the form the bank POSTs to
//! `callbackUrl` (or the customer's browser brings to `okUrl`/`failUrl`). It is a hint,
//! never a payment on its own: the HASH is verified with the definition's store key, the
//! order id and amount must be a journaled link attempt's, the 3-D status is noted, and
//! the link's wait is woken to ask the bank. Anything else is logged and changes nothing.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use quay_core::error::Arg;
use tokio::net::TcpListener;

use super::definition_of;
use crate::{keys, Counter};

/// What a callback was found to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Received {
    /// Verified and matching a journaled attempt: its wait was woken.
    Hint { order_id: String },
    /// Refused: the reason, for the log (nothing changed).
    Refused(&'static str),
}

impl Counter {
    /// Handles one result form (`application/x-www-form-urlencoded` body).
    pub fn vpos_callback(&self, body: &[u8]) -> Received {
        let form: Vec<(String, String)> = match serde_urlencoded::from_bytes(body) {
            Ok(f) => f,
            Err(_) => return Received::Refused("not a form"),
        };
        let field = |k: &str| form.iter().find(|(n, _)| n.eq_ignore_ascii_case(k)).map(|(_, v)| v.clone());
        let Some(order_id) = field("oid").or_else(|| field("ReturnOid")) else { return Received::Refused("no order id") };
        let Ok(Some(p)) = self.store().payment_by_any_order(&order_id) else { return Received::Refused("unknown order") };
        let Some(name) = definition_of(&p.terminal).map(str::to_string) else { return Received::Refused("not a virtual POS order") };
        let Ok((_, gateway)) = self.vpos_gateway(&name) else { return Received::Refused("definition gone") };
        let cb = match quay_pay::vpos::verify_callback(&gateway, &form) {
            Ok(cb) => cb,
            Err(e) => {
                tracing::warn!(order = %order_id, error = %e, "virtual POS callback refused");
                return Received::Refused("hash");
            }
        };
        if cb.order_id != order_id || cb.amount.minor != p.amount || cb.amount.currency.code() != p.currency {
            tracing::warn!(order = %order_id, "virtual POS callback for another order or amount: ignored");
            return Received::Refused("other order or amount");
        }
        if let Err(e) = self.store().vpos_note_answer(&p.key, cb.answer.error_code.as_deref(), Some(&cb.md_status)) {
            tracing::error!(key = %p.key, error = %e, "could not note the 3-D status");
        }
        tracing::info!(order = %order_id, md = %cb.md_status, approved = cb.answer.approved, "virtual POS callback: asking the bank");
        self.vpos_hint(&order_id);
        Received::Hint { order_id }
    }

    /// The listener's address, when one is configured.
    pub fn vpos_callback_listen(&self) -> crate::Result<Option<SocketAddr>> {
        let Some(addr) = self.setting(keys::VPOS_CALLBACK_LISTEN)?.filter(|a| !a.trim().is_empty()) else { return Ok(None) };
        addr.trim().parse().map(Some).map_err(|_| {
            crate::AppError::new(
                "err-vpos-field",
                vec![("field", Arg::Text(keys::VPOS_CALLBACK_LISTEN.into())), ("value", Arg::Text(addr))],
            )
        })
    }
}

async fn page(counter: Arc<Counter>, body: Bytes, ok: bool) -> Response {
    let c = counter.clone();
    let got = tokio::task::spawn_blocking(move || c.vpos_callback(&body)).await.unwrap_or(Received::Refused("panicked"));
    let lang = counter.lang();
    let text = counter.i18n().t(lang, if ok { "vpos-page-ok" } else { "vpos-page-fail" }, &[]);
    let status = match got {
        Received::Refused("hash") => StatusCode::BAD_REQUEST,
        _ => StatusCode::OK,
    };
    let html = format!(
        "<!doctype html><html lang=\"{}\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>Quay</title><p>{}</p></html>",
        lang.tag(),
        html_escape(&text)
    );
    (status, Html(html)).into_response()
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Serves `/vpos/callback`, `/vpos/ok` and `/vpos/fail` until the process ends.
pub async fn listen(counter: Arc<Counter>, addr: SocketAddr) {
    let listener = match TcpListener::bind(addr).await {
        Ok(l) => l,
        Err(e) => {
            tracing::error!(%addr, error = %e, "the virtual POS callback listener could not bind");
            return;
        }
    };
    let app = Router::new()
        .route("/vpos/callback", post(|State(c): State<Arc<Counter>>, body: Bytes| async move { page(c, body, true).await }))
        .route(
            "/vpos/ok",
            post(|State(c): State<Arc<Counter>>, body: Bytes| async move { page(c, body, true).await })
                .get(|State(c): State<Arc<Counter>>| async move { page(c, Bytes::new(), true).await }),
        )
        .route(
            "/vpos/fail",
            post(|State(c): State<Arc<Counter>>, body: Bytes| async move { page(c, body, false).await })
                .get(|State(c): State<Arc<Counter>>| async move { page(c, Bytes::new(), false).await }),
        )
        .with_state(counter);
    tracing::info!(%addr, "virtual POS callbacks listening");
    if let Err(e) = axum::serve(listener, app).await {
        tracing::error!(error = %e, "the virtual POS callback listener stopped");
    }
}
