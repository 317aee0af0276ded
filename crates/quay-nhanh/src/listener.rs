//! The webhook listener (axum): checks the verify token (header or body, constant time),
//! parses the body, hands the delivery to the counter to persist, and answers — 401
//! without the token (nothing done), 400 for a body that is not a webhook, 500 when the
//! counter could not persist it (Nhanh retries), 200 `{"ok":true}` once persisted. Nhanh
//! counts only a 200 within 5 s: the callback only persists; the work is done later.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use tokio::net::TcpListener;

use crate::webhook::{self, Event};

/// Where Nhanh is configured to call: `https://<public address>/nhanh/webhook`.
pub const PATH: &str = "/nhanh/webhook";

/// Persists a delivery; an error answers 500 so Nhanh sends it again.
pub type OnDelivery = Arc<dyn Fn(Delivery) -> Result<(), String> + Send + Sync>;
/// Told of each delivery refused for its token (a count for the status screen).
pub type OnRefused = Arc<dyn Fn() + Send + Sync>;

/// The verify token and what to do with deliveries. Served on `PATH`. `Debug` masks
/// the token.
#[derive(Clone)]
pub struct ListenerConfig {
    pub token: String,
    pub on_delivery: OnDelivery,
    pub on_refused: OnRefused,
}

impl ListenerConfig {
    /// A listener that only persists (refusals are logged, not counted).
    pub fn new(token: impl Into<String>, on_delivery: OnDelivery) -> ListenerConfig {
        ListenerConfig { token: token.into(), on_delivery, on_refused: Arc::new(|| {}) }
    }
}

impl std::fmt::Debug for ListenerConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ListenerConfig").field("path", &PATH).field("token", &"********").finish_non_exhaustive()
    }
}

/// One delivery, verified and parsed, with the body as received (to persist).
#[derive(Clone, Debug, PartialEq)]
pub struct Delivery {
    pub event: Event,
    pub business_id: Option<String>,
    pub dedupe_key: String,
    pub received_body: String,
}

/// Serves the webhook on `listener` (at `PATH`) until the task is dropped.
pub async fn serve(listener: TcpListener, config: ListenerConfig) -> std::io::Result<()> {
    serve_until(listener, config, std::future::pending()).await
}

/// Serves the webhook on `listener` (at `PATH`) until `stop` resolves.
pub async fn serve_until(
    listener: TcpListener,
    config: ListenerConfig,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let state = Arc::new(config);
    let app = Router::new().route(PATH, post(deliver)).with_state(state);
    tracing::info!(addr = %listener.local_addr()?, path = PATH, "Nhanh webhook listener");
    axum::serve(listener, app).with_graceful_shutdown(stop).await
}

async fn deliver(State(s): State<Arc<ListenerConfig>>, headers: HeaderMap, body: axum::body::Bytes) -> Response {
    let auth = headers.get(axum::http::header::AUTHORIZATION).and_then(|v| v.to_str().ok());
    if !webhook::verify(&s.token, auth, &body) {
        // Never the token or the body: they may hold a wrong guess of the secret.
        tracing::warn!(len = body.len(), "Nhanh webhook refused: wrong or missing verify token");
        (s.on_refused)();
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let parsed = match webhook::parse(&body) {
        Ok(w) => w,
        Err(e) => {
            tracing::warn!(error = %e, "Nhanh webhook: not an event");
            return StatusCode::BAD_REQUEST.into_response();
        }
    };
    let delivery = Delivery {
        dedupe_key: webhook::dedupe_key(&parsed),
        business_id: parsed.business_id,
        event: parsed.event,
        received_body: String::from_utf8_lossy(&body).into_owned(),
    };
    let on_delivery = s.on_delivery.clone();
    match tokio::task::spawn_blocking(move || on_delivery(delivery)).await {
        Ok(Ok(())) => ([("content-type", "application/json")], r#"{"ok":true}"#).into_response(),
        Ok(Err(e)) => {
            tracing::error!(error = %e, "Nhanh webhook: could not persist the delivery");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
