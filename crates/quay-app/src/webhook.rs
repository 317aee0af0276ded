//! Viva's webhook listener: optional, off unless `viva.webhook.listen` is set (a shop
//! rarely has a public address; polling is the default). Viva signs nothing, so our own
//! secret token must be in the URL's query string (`?token=…`); a request without it is
//! refused and logged (never the token itself). A POST is only a *hint*: it wakes the
//! poll of a payment in progress, and an attempt left open by a crash is re-fetched from
//! Viva before anything is journaled. Duplicated and retried events find the attempt
//! already settled and change nothing.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use quay_core::payment::PaymentState;
use quay_pay::viva::webhook::{parse_event, token_ok, verification_body, Hint};
use tokio::net::TcpListener;

use crate::card::{outcome_state, TerminalOutcome};
use crate::{AppError, Counter, Result};

/// Where to listen, e.g. `0.0.0.0:8787`; empty or unset: no listener.
pub const LISTEN: &str = "viva.webhook.listen";
/// Our secret, expected as `?token=` on every request (a secret setting).
pub const TOKEN: &str = "viva.webhook.token";
/// Viva's verification key (`GET /api/messages/config/token`), echoed to its GET check.
pub const KEY: &str = "viva.webhook.key";
/// The path Viva is configured to call: `http(s)://<public address>/viva/webhook?token=…`.
pub const PATH: &str = "/viva/webhook";

#[derive(Clone)]
pub struct WebhookConfig {
    pub listen: SocketAddr,
    token: String,
    key: String,
}

impl std::fmt::Debug for WebhookConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebhookConfig").field("listen", &self.listen).finish_non_exhaustive()
    }
}

impl Counter {
    /// The listener's configuration, or `None` when it is off.
    pub fn webhook_config(&self) -> Result<Option<WebhookConfig>> {
        let Some(listen) = self.setting(LISTEN)?.filter(|v| !v.trim().is_empty()) else { return Ok(None) };
        let bad = |k: &str| AppError::new("err-terminal-not-configured", vec![("missing", k.into())]);
        let listen = listen.trim().parse::<SocketAddr>().map_err(|_| bad(LISTEN))?;
        let token = self.store().secret(TOKEN)?.filter(|t| !t.is_empty()).ok_or_else(|| bad(TOKEN))?;
        let key = self.store().secret(KEY)?.unwrap_or_default();
        Ok(Some(WebhookConfig { listen, token, key }))
    }

    /// Acts on a webhook's hint: wakes the poll of the payment in progress; an attempt
    /// left open (sent or unknown, no poll running) is settled from what Viva says now.
    /// Returns the attempts it settled.
    pub fn viva_hint(&self, hint: &Hint) -> Result<Vec<String>> {
        self.viva_hint.notify_one();
        let charging = self.charging.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let order = hint.order_code.map(|o| o.to_string());
        let open: Vec<_> = self
            .store()
            .payments_unresolved()?
            .into_iter()
            .filter(|p| p.terminal == "viva" && p.state != PaymentState::Pending)
            .filter(|p| Some(&p.key) != charging.as_ref())
            .filter(|p| (order.is_some() && p.details.provider_ref == order) || hint.merchant_trns.as_deref() == Some(p.key.as_str()))
            .collect();
        if open.is_empty() {
            return Ok(vec![]);
        }
        let viva = self.viva_terminal()?;
        let mut settled = Vec::new();
        for p in open {
            let Some(outcome) = viva.look(&p) else { continue };
            // A decline leaves the order open for another card: not final for the journal
            // of an attempt nobody is polling; the start-up resolution settles it.
            if matches!(outcome, TerminalOutcome::Declined(_)) {
                continue;
            }
            let (state, details) = outcome_state(outcome);
            let r = self.store().payment_transition(&p.key, state, &details, &self.now().to_rfc3339())?;
            tracing::info!(key = %r.key, state = r.state.as_str(), "settled from a Viva webhook");
            if r.state == PaymentState::Approved && self.find_sale(r.sale_id).is_err() {
                self.complete_from_journal(&r)?;
            }
            settled.push(r.key);
        }
        Ok(settled)
    }
}

struct Listener {
    counter: Arc<Counter>,
    config: WebhookConfig,
}

/// Binds the configured address.
pub async fn bind(config: &WebhookConfig) -> std::io::Result<TcpListener> {
    TcpListener::bind(config.listen).await
}

/// Binds and serves the configured webhook until the process ends; a failure is logged
/// (the counter works without it: the payment's poll finds the outcome anyway).
pub async fn listen(counter: Arc<Counter>, config: WebhookConfig) {
    match bind(&config).await {
        Ok(l) => {
            if let Err(e) = serve(l, counter, config, std::future::pending()).await {
                tracing::error!(error = %e, "the Viva webhook listener stopped");
            }
        }
        Err(e) => tracing::error!(addr = %config.listen, error = %e, "the Viva webhook listener cannot bind"),
    }
}

/// Serves the webhook on `listener` until `stop` resolves.
pub async fn serve(
    listener: TcpListener,
    counter: Arc<Counter>,
    config: WebhookConfig,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let state = Arc::new(Listener { counter, config });
    let app = Router::new().route(PATH, get(verify).post(event)).with_state(state);
    tracing::info!(addr = %listener.local_addr()?, "Viva webhook listener");
    axum::serve(listener, app).with_graceful_shutdown(stop).await
}

fn refused(what: &str) -> Response {
    // Logged without the query: it may hold a wrong guess of the secret.
    tracing::warn!(request = what, "Viva webhook refused: wrong or missing token");
    StatusCode::FORBIDDEN.into_response()
}

/// Viva's verification: `{"Key": "<the key Viva gave us>"}`.
async fn verify(State(s): State<Arc<Listener>>, RawQuery(q): RawQuery) -> Response {
    if !token_ok(q.as_deref(), &s.config.token) {
        return refused("GET");
    }
    ([("content-type", "application/json")], verification_body(&s.config.key)).into_response()
}

async fn event(State(s): State<Arc<Listener>>, RawQuery(q): RawQuery, body: axum::body::Bytes) -> Response {
    if !token_ok(q.as_deref(), &s.config.token) {
        return refused("POST");
    }
    let hint = match parse_event(&body) {
        Ok(h) => h,
        Err(e) => {
            tracing::warn!(error = %e, "Viva webhook: not an event");
            return StatusCode::BAD_REQUEST.into_response();
        }
    };
    let counter = s.counter.clone();
    // The journal and Viva are called with blocking APIs: off the listener's threads.
    match tokio::task::spawn_blocking(move || counter.viva_hint(&hint)).await {
        Ok(Ok(_)) => StatusCode::OK.into_response(),
        Ok(Err(e)) => {
            tracing::error!(error = %e, "Viva webhook: could not act on the hint");
            // 5xx: Viva retries, and a retry is harmless.
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
