//! The webhook listener itself, an adapter around the pure pieces of `webhook`: axum on a
//! bound address, our secret token checked on every request (refused and logged without
//! the query, which may hold a wrong guess of it), Viva's verification GET answered with
//! its key, and each POSTed event handed to the counter as a hint — on the blocking pool,
//! since what the counter does with it (the journal, asking Viva) blocks.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio::net::TcpListener;

use super::webhook::{parse_event, token_ok, verification_body, Hint};

/// The path Viva is configured to call: `http(s)://<public address>/viva/webhook?token=…`.
pub const PATH: &str = "/viva/webhook";

/// Where to listen and the two secrets (never printed by `Debug`).
#[derive(Clone)]
pub struct ListenerConfig {
    pub listen: SocketAddr,
    pub token: String,
    pub key: String,
}

impl std::fmt::Debug for ListenerConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ListenerConfig").field("listen", &self.listen).finish_non_exhaustive()
    }
}

/// What the counter does with a hint; an error answers 5xx, so Viva retries (harmless).
pub type OnHint = Arc<dyn Fn(Hint) -> Result<(), String> + Send + Sync>;

struct Listener {
    config: ListenerConfig,
    on_hint: OnHint,
}

/// Binds the configured address.
pub async fn bind(config: &ListenerConfig) -> std::io::Result<TcpListener> {
    TcpListener::bind(config.listen).await
}

/// Serves the webhook on `listener` until `stop` resolves.
pub async fn serve(
    listener: TcpListener,
    config: ListenerConfig,
    on_hint: OnHint,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let state = Arc::new(Listener { config, on_hint });
    let app = Router::new().route(PATH, get(verify).post(event)).with_state(state);
    tracing::info!(addr = %listener.local_addr()?, "Viva webhook listener");
    axum::serve(listener, app).with_graceful_shutdown(stop).await
}

fn refused(what: &str) -> Response {
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
    let on_hint = s.on_hint.clone();
    match tokio::task::spawn_blocking(move || on_hint(hint)).await {
        Ok(Ok(())) => StatusCode::OK.into_response(),
        Ok(Err(e)) => {
            tracing::error!(error = %e, "Viva webhook: could not act on the hint");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
