//! HTTP: the signed API under the base path, the unsigned `/admin/*` controls, and an
//! accept loop of our own so faults can drop connections without answering.

use std::sync::Arc;
use std::time::Duration;

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use hyper_util::rt::TokioIo;
use quay_core::menu::MenuSnapshot;
use serde_json::{json, Value};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify};
use tower::ServiceExt;

use crate::config::PointConfig;
use crate::connections::Pushed;
use crate::faults::{spoil_changes, spoil_menu, Faults, InvalidMenu};
use crate::hub::{Hub, Point};
use crate::menu_versions::{change_set, ChangesError};
use crate::signing::{self, response_signature, verify_request};
use crate::vouchers::{Redeemed, Refused, VoucherSpec};

/// Large enough for 500 sales of many lines; a bigger body is refused, not buffered.
const MAX_BODY: usize = 32 * 1024 * 1024;
const MAX_SALES_PER_BATCH: usize = 500;

/// Lets a handler close its own connection without a response.
#[derive(Clone)]
struct Cut(Arc<Notify>);

/// Serves `listener` until `shutdown` turns true (or its sender is dropped).
pub(crate) async fn serve(listener: TcpListener, hub: Arc<Hub>, mut shutdown: watch::Receiver<bool>) {
    let app = router(hub.clone());
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors and the like: wait instead of spinning.
                    tracing::warn!("accept: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = shutdown.changed() => break,
        };
        let _ = stream.set_nodelay(true);
        tokio::spawn(connection(stream, app.clone(), hub.clone(), shutdown.clone()));
    }
}

async fn connection(stream: TcpStream, app: Router, hub: Arc<Hub>, mut shutdown: watch::Receiver<bool>) {
    if hub.faults().down && !is_admin_request(&stream).await {
        tracing::info!("down: connection dropped");
        return;
    }
    let cut = Cut(Arc::new(Notify::new()));
    let on_request = cut.clone();
    let svc = hyper::service::service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
        let mut req = req.map(Body::new);
        req.extensions_mut().insert(on_request.clone());
        app.clone().oneshot(req)
    });
    let conn = hyper::server::conn::http1::Builder::new().serve_connection(TokioIo::new(stream), svc);
    // Dropping the connection future closes the socket with nothing more written.
    tokio::select! {
        done = conn => if let Err(e) = done { tracing::debug!("connection: {e}") },
        _ = cut.0.notified() => tracing::info!("connection cut"),
        _ = shutdown.changed() => {}
    }
}

/// While the hub is down, the admin controls must still answer (or nobody could bring
/// it back up over HTTP): peek at the request line without consuming it.
async fn is_admin_request(stream: &TcpStream) -> bool {
    let look = async {
        let mut buf = [0u8; 24];
        loop {
            let n = stream.peek(&mut buf).await.ok()?;
            if n == 0 {
                return None;
            }
            let head = &buf[..n];
            if let Some(space) = head.iter().position(|b| *b == b' ') {
                let target = &head[space + 1..];
                if target.len() >= 7 || !b"/admin/".starts_with(target) {
                    return Some(target.starts_with(b"/admin/"));
                }
            } else if n == buf.len() {
                return Some(false);
            }
            // Only part of the request line has arrived; peek again shortly.
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(1), look).await.ok().flatten().unwrap_or(false)
}

fn router(hub: Arc<Hub>) -> Router {
    Router::new()
        .route("/admin/stats", get(admin_stats))
        .route("/admin/faults", get(admin_get_faults).post(admin_set_faults))
        .route("/admin/sales", get(admin_sales))
        .route("/admin/menu", post(admin_publish_menu))
        .route("/admin/forget-versions-before", post(admin_forget))
        .route("/admin/clock-offset", post(admin_clock))
        .route("/admin/vouchers", get(admin_vouchers).post(admin_add_voucher))
        .route("/admin/connections", get(admin_connections))
        .route("/admin/points", post(admin_add_point))
        .fallback(entry)
        .with_state(hub)
}

// ---- admin (unsigned; loopback only since the listener is bound to 127.0.0.1) ----

fn admin_error(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(json!({"error": {"code": "invalid", "message": message.into()}}))).into_response()
}

async fn admin_stats(State(hub): State<Arc<Hub>>) -> Response {
    Json(hub.stats()).into_response()
}

async fn admin_get_faults(State(hub): State<Arc<Hub>>) -> Response {
    Json(hub.faults()).into_response()
}

async fn admin_set_faults(State(hub): State<Arc<Hub>>, body: Bytes) -> Response {
    let faults: Faults = match serde_json::from_slice(&body) {
        Ok(f) => f,
        Err(e) => return admin_error(StatusCode::BAD_REQUEST, format!("faults: {e}")),
    };
    match hub.set_faults(faults.clone()) {
        Ok(()) => Json(faults).into_response(),
        Err(e) => admin_error(StatusCode::BAD_REQUEST, e),
    }
}

async fn admin_sales(State(hub): State<Arc<Hub>>) -> Response {
    Json(hub.stored_sales()).into_response()
}

async fn admin_publish_menu(State(hub): State<Arc<Hub>>, body: Bytes) -> Response {
    let published = MenuSnapshot::from_json(&body).map_err(|e| e.to_string()).and_then(|m| hub.publish_menu(m));
    match published {
        Ok(version) => Json(json!({"version": version})).into_response(),
        Err(e) => admin_error(StatusCode::BAD_REQUEST, e),
    }
}

async fn admin_forget(State(hub): State<Arc<Hub>>, body: Bytes) -> Response {
    match serde_json::from_slice::<Value>(&body).ok().and_then(|v| v["version"].as_u64()) {
        Some(v) => {
            hub.forget_versions_before(v);
            Json(json!({"forgotten_before": v})).into_response()
        }
        None => admin_error(StatusCode::BAD_REQUEST, "body: {\"version\": N}"),
    }
}

async fn admin_clock(State(hub): State<Arc<Hub>>, body: Bytes) -> Response {
    match serde_json::from_slice::<Value>(&body).ok().and_then(|v| v["secs"].as_i64()) {
        Some(s) => {
            hub.set_clock_offset(s);
            Json(json!({"clock_offset": s, "now": hub.now()})).into_response()
        }
        None => admin_error(StatusCode::BAD_REQUEST, "body: {\"secs\": N}"),
    }
}

async fn admin_vouchers(State(hub): State<Arc<Hub>>) -> Response {
    Json(json!({"vouchers": hub.vouchers(), "redemptions": hub.voucher_redemptions()})).into_response()
}

async fn admin_add_voucher(State(hub): State<Arc<Hub>>, body: Bytes) -> Response {
    let added = serde_json::from_slice::<VoucherSpec>(&body).map_err(|e| format!("voucher: {e}")).and_then(|spec| hub.add_voucher(spec));
    match added {
        Ok(spec) => Json(spec).into_response(),
        Err(e) => admin_error(StatusCode::BAD_REQUEST, e),
    }
}

async fn admin_connections(State(hub): State<Arc<Hub>>) -> Response {
    Json(hub.stored_connections()).into_response()
}

/// `POST /admin/points`: `{"pos_id", "key1", "key2", "point_name"?, "pos_parent"?}` (keys
/// as text, used as their UTF-8 bytes; `pos_parent` defaults to the hub's brand).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct NewPoint {
    pos_id: String,
    key1: String,
    key2: String,
    #[serde(default)]
    point_name: Option<String>,
    #[serde(default)]
    pos_parent: Option<String>,
}

async fn admin_add_point(State(hub): State<Arc<Hub>>, body: Bytes) -> Response {
    let p: NewPoint = match serde_json::from_slice(&body) {
        Ok(p) => p,
        Err(e) => return admin_error(StatusCode::BAD_REQUEST, format!("point: {e}")),
    };
    let name = p.point_name.filter(|n| !n.is_empty()).unwrap_or_else(|| p.pos_id.clone());
    let point = PointConfig::new(&p.pos_id, p.key1.as_bytes(), p.key2.as_bytes(), &name);
    match hub.add_point(p.pos_parent.as_deref(), point) {
        Ok(()) => {
            let parent = p.pos_parent.unwrap_or_else(|| hub.config.pos_parent.clone());
            Json(json!({"pos_parent": parent, "pos_id": p.pos_id, "point_name": name})).into_response()
        }
        Err(e) => admin_error(StatusCode::BAD_REQUEST, e),
    }
}

// ---- the signed API ----

/// What a route answers before signing.
struct Reply {
    status: StatusCode,
    body: Bytes,
    etag: Option<String>,
    allow: Option<&'static str>,
    /// Signed with a wrong key (the `bad_signature` menu fault).
    wrong_key: bool,
}

enum Answer {
    Reply(Reply),
    /// Close the connection without a response.
    Cut,
}

impl Reply {
    fn json(status: StatusCode, value: &Value) -> Reply {
        Reply::bytes(status, Bytes::from(serde_json::to_vec(value).expect("values serialize")))
    }

    fn bytes(status: StatusCode, body: Bytes) -> Reply {
        Reply { status, body, etag: None, allow: None, wrong_key: false }
    }

    fn error(status: StatusCode, code: &str, message: impl Into<String>) -> Reply {
        Reply::json(status, &json!({"error": {"code": code, "message": message.into()}}))
    }
}

async fn entry(State(hub): State<Arc<Hub>>, req: Request) -> Response {
    let base = hub.config.base_path();
    let path = req.uri().path();
    let under_base = path.strip_prefix(base).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
    if !under_base {
        return (StatusCode::NOT_FOUND, Json(json!({"error": {"code": "not_found", "message": "not under the API base path"}})))
            .into_response();
    }
    api(hub, req).await
}

async fn api(hub: Arc<Hub>, req: Request) -> Response {
    let cut = req.extensions().get::<Cut>().cloned();
    let faults = hub.faults();
    if faults.down {
        return cut_connection(cut).await;
    }
    if faults.slow_ms > 0 {
        tokio::time::sleep(Duration::from_millis(faults.slow_ms)).await;
    }
    let (parts, body) = req.into_parts();
    // Errors are signed over the nonce as sent, even a malformed one ("" if absent).
    let sent_nonce = parts.headers.get(signing::NONCE).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    // Answers are signed with the Key2 of the point the request names (the configured
    // point's when it names none the hub knows), refusals included.
    let claimed = signing::claimed_point(&parts.headers).and_then(|(parent, id)| hub.point(parent, id));
    let key2 = claimed.as_ref().map(|p| p.key2.clone()).unwrap_or_else(|| hub.config.key2.clone());
    let Ok(body) = to_bytes(body, MAX_BODY).await else {
        let too_big = Reply::error(StatusCode::PAYLOAD_TOO_LARGE, "invalid", format!("the body is over {MAX_BODY} bytes"));
        return finish(&hub, &key2, &sent_nonce, too_big, &faults);
    };
    let path_and_query = parts.uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    let key1_of = |parent: &str, id: &str| hub.point(parent, id).map(|p| p.key1);
    let verified = verify_request(key1_of, &hub.nonces, &parts.headers, parts.method.as_str(), path_and_query, &body, hub.now());
    let (nonce, point) = match (verified, claimed) {
        (Ok(nonce), Some(point)) => (nonce, point),
        // A point added by /admin/points between the lookup and the verification: the
        // request was checked against it, but its answer key was not looked up. Refuse.
        (Ok(_), None) => {
            let refused = Reply::error(StatusCode::UNAUTHORIZED, "signature", "the point was added while this request was checked");
            return finish(&hub, &key2, &sent_nonce, refused, &faults);
        }
        (Err(refusal), _) => {
            tracing::info!("{} {path_and_query}: 401 {}: {}", parts.method, refusal.code(), refusal.message());
            hub.count_refusal(&refusal);
            let refused = Reply::error(StatusCode::UNAUTHORIZED, refusal.code(), refusal.message());
            return finish(&hub, &key2, &sent_nonce, refused, &faults);
        }
    };
    // After authentication, as an overloaded hub would fail: the nonce is spent.
    if hub.take_fail_500() {
        tracing::info!("{} {path_and_query}: fail_500", parts.method);
        let failed = Reply::error(StatusCode::INTERNAL_SERVER_ERROR, "unavailable", "the hub is unavailable (simulated); retry");
        return finish(&hub, &key2, &nonce, failed, &faults);
    }
    let route = &parts.uri.path()[hub.config.base_path().len()..];
    let answer = match (route, &parts.method) {
        ("/ping", &Method::GET) => Answer::Reply(ping(&hub, &point)),
        ("/partners/connections", &Method::POST) => push_connection(&hub, &body, &point),
        ("/partners/connections", &Method::GET) => Answer::Reply(connections_of_month(&hub, &point, parts.uri.query())),
        ("/partners/connections", _) => Answer::Reply(not_allowed("GET, POST")),
        ("/menu", &Method::GET) => Answer::Reply(menu(&hub, &parts.headers, &faults)),
        ("/menu/changes", &Method::GET) => Answer::Reply(menu_changes(&hub, parts.uri.query(), &faults)),
        ("/sales/batch", &Method::POST) => sales_batch(&hub, &body),
        ("/vouchers/check", &Method::POST) => Answer::Reply(voucher_check(&hub, &body, &faults)),
        ("/vouchers/redeem", &Method::POST) => voucher_redeem(&hub, &body, &faults),
        ("/vouchers/reverse", &Method::POST) => Answer::Reply(voucher_reverse(&hub, &body, &faults)),
        (r, &Method::GET) if r.starts_with(REDEMPTIONS) => Answer::Reply(voucher_redemption(&hub, &r[REDEMPTIONS.len()..])),
        ("/vouchers/check" | "/vouchers/redeem" | "/vouchers/reverse", _) => Answer::Reply(not_allowed("POST")),
        (r, _) if r.starts_with(REDEMPTIONS) => Answer::Reply(not_allowed("GET")),
        ("/ping" | "/menu" | "/menu/changes", _) => Answer::Reply(not_allowed("GET")),
        ("/sales/batch", _) => Answer::Reply(not_allowed("POST")),
        _ => Answer::Reply(Reply::error(StatusCode::NOT_FOUND, "not_found", format!("no such endpoint: {route}"))),
    };
    match answer {
        Answer::Reply(reply) => finish(&hub, &key2, &nonce, reply, &faults),
        Answer::Cut => cut_connection(cut).await,
    }
}

fn not_allowed(allow: &'static str) -> Reply {
    Reply { allow: Some(allow), ..Reply::error(StatusCode::METHOD_NOT_ALLOWED, "invalid", format!("use {allow}")) }
}

/// Signs a reply with the point's key2 (or a wrong key when a fault asks) over the
/// request's nonce.
fn finish(hub: &Hub, key2: &[u8], nonce: &str, reply: Reply, faults: &Faults) -> Response {
    let timestamp = hub.now().to_string();
    let key: Vec<u8> = if faults.bad_response_signature || reply.wrong_key { [key2, b"-not-the-hub"].concat() } else { key2.to_vec() };
    let signature = response_signature(&key, &timestamp, nonce, &reply.body);
    let mut headers = HeaderMap::new();
    headers.insert(signing::TIMESTAMP, HeaderValue::from_str(&timestamp).expect("digits"));
    headers.insert(signing::SIGNATURE, HeaderValue::from_str(&signature).expect("hex"));
    if !reply.body.is_empty() {
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8"));
    }
    if let Some(tag) = reply.etag.as_deref().and_then(|t| HeaderValue::from_str(t).ok()) {
        headers.insert(header::ETAG, tag);
    }
    if let Some(allow) = reply.allow {
        headers.insert(header::ALLOW, HeaderValue::from_static(allow));
    }
    (reply.status, headers, reply.body).into_response()
}

async fn cut_connection(cut: Option<Cut>) -> Response {
    match cut {
        Some(cut) => {
            cut.0.notify_one();
            // The connection task drops this future together with the connection.
            std::future::pending().await
        }
        None => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

fn ping(hub: &Hub, point: &Point) -> Reply {
    Reply::json(
        StatusCode::OK,
        &json!({
            "server_time": hub.now_rfc3339(),
            "pos_parent": point.pos_parent,
            "pos_id": point.pos_id,
            "point_name": point.point_name,
            "menu_version": hub.menu_version(),
            "partners": [{"partner": "momo", "status": "connected"}, {"partner": "giftpop", "status": "connected"}],
        }),
    )
}

fn etag(version: u64) -> String {
    format!("\"{version}\"")
}

/// `If-None-Match` holds `tag` (weak or strong, in a list) or `*`.
fn none_match(headers: &HeaderMap, tag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.split(',').map(str::trim).any(|t| t == "*" || t.strip_prefix("W/").unwrap_or(t) == tag))
}

fn menu(hub: &Hub, headers: &HeaderMap, faults: &Faults) -> Reply {
    let current = hub.current_menu();
    let tag = etag(current.snapshot.version);
    let spoil = faults.invalid_menu();
    let wrong_key = spoil == Some(InvalidMenu::BadSignature);
    // A 304 carries no document to spoil; only its signature can be wrong.
    if none_match(headers, &tag) {
        return Reply { etag: Some(tag), wrong_key, ..Reply::bytes(StatusCode::NOT_MODIFIED, Bytes::new()) };
    }
    let body = match spoil {
        Some(kind) => spoil_menu(kind, &current.snapshot, &current.body, &hub.config.currency),
        None => current.body,
    };
    Reply { etag: Some(tag), wrong_key, ..Reply::bytes(StatusCode::OK, body) }
}

/// `since` exactly once, as plain digits.
fn since_param(query: Option<&str>) -> Result<u64, String> {
    let mut values = query.unwrap_or("").split('&').filter_map(|p| p.strip_prefix("since="));
    match (values.next(), values.next()) {
        (Some(v), None) if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) => {
            v.parse().map_err(|_| format!("since {v} is out of range"))
        }
        (Some(v), None) => Err(format!("since {v:?} is not a version number")),
        (None, _) => Err("since is missing".into()),
        (Some(_), Some(_)) => Err("since appears more than once".into()),
    }
}

fn menu_changes(hub: &Hub, query: Option<&str>, faults: &Faults) -> Reply {
    let since = match since_param(query) {
        Ok(v) => v,
        Err(e) => return Reply::error(StatusCode::BAD_REQUEST, "invalid", e),
    };
    let (old, new) = match hub.menus_since(since) {
        Ok(pair) => pair,
        Err(ChangesError::Ahead { current }) => {
            return Reply::error(StatusCode::BAD_REQUEST, "invalid", format!("since {since} is after the current version {current}"))
        }
        Err(ChangesError::Gone { oldest }) => return gone(since, oldest),
    };
    let changes = change_set(&old, &new);
    let spoil = faults.invalid_menu();
    let body = match spoil {
        Some(kind) => match spoil_changes(kind, changes, &new) {
            Some(body) => body,
            None => return gone(since, new.version),
        },
        None => Bytes::from(serde_json::to_vec(&changes).expect("values serialize")),
    };
    Reply { wrong_key: spoil == Some(InvalidMenu::BadSignature), ..Reply::bytes(StatusCode::OK, body) }
}

fn gone(since: u64, oldest: u64) -> Reply {
    Reply::error(StatusCode::GONE, "gone", format!("changes since {since} are no longer kept (oldest {oldest}); fetch the full menu"))
}

fn sales_batch(hub: &Hub, body: &[u8]) -> Answer {
    let bad = |m: String| Answer::Reply(Reply::error(StatusCode::BAD_REQUEST, "invalid", m));
    let doc: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => return bad(format!("the body is not JSON: {e}")),
    };
    let Some(Value::Array(sales)) = doc.as_object().and_then(|o| o.get("sales")).cloned() else {
        return bad("the body must be {\"sales\": [...]}".into());
    };
    if sales.is_empty() || sales.len() > MAX_SALES_PER_BATCH {
        return bad(format!("a batch holds 1 to {MAX_SALES_PER_BATCH} sales, not {}", sales.len()));
    }
    let results = hub.store_batch(sales);
    if hub.take_drop_after_store() {
        tracing::info!("drop_after_store: batch stored, connection cut");
        return Answer::Cut;
    }
    Answer::Reply(Reply::json(StatusCode::OK, &results))
}

// ---- partner connections ----

fn push_connection(hub: &Hub, body: &[u8], point: &Point) -> Answer {
    match hub.push_connection(body, point) {
        Ok(pushed) => {
            if matches!(pushed, Pushed::Stored { .. }) && hub.take_connections_drop_after_store() {
                tracing::info!("connections_drop_after_store: record stored, connection cut");
                return Answer::Cut;
            }
            Answer::Reply(Reply::json(StatusCode::OK, &pushed.answer()))
        }
        Err(r) => Answer::Reply(connection_refusal(r)),
    }
}

fn connections_of_month(hub: &Hub, point: &Point, query: Option<&str>) -> Reply {
    match hub.connections_of_month(point, query) {
        Ok(list) => Reply::json(StatusCode::OK, &list),
        Err(r) => connection_refusal(r),
    }
}

fn connection_refusal(r: crate::connections::Refused) -> Reply {
    let status = StatusCode::from_u16(r.status).unwrap_or(StatusCode::BAD_REQUEST);
    Reply::error(status, r.code, r.message)
}

// ---- vouchers ----

const REDEMPTIONS: &str = "/vouchers/redemptions/";

fn refusal(r: Refused) -> Reply {
    let status = StatusCode::from_u16(r.status).unwrap_or(StatusCode::BAD_REQUEST);
    Reply::error(status, r.code, r.message)
}

fn partner_down() -> Reply {
    Reply::error(StatusCode::SERVICE_UNAVAILABLE, "unavailable", "the voucher partner does not answer (simulated); retry")
}

fn voucher_check(hub: &Hub, body: &[u8], faults: &Faults) -> Reply {
    if faults.partner_down {
        return partner_down();
    }
    match hub.check_voucher(body) {
        Ok(answer) => Reply::json(StatusCode::OK, &answer),
        Err(r) => refusal(r),
    }
}

fn voucher_redeem(hub: &Hub, body: &[u8], faults: &Faults) -> Answer {
    if faults.partner_down {
        return Answer::Reply(partner_down());
    }
    match hub.redeem_voucher(body) {
        Ok(Redeemed::New(answer)) => {
            if hub.take_lose_redeem_response() {
                tracing::info!("lose_redeem_response: redemption stored, connection cut");
                return Answer::Cut;
            }
            Answer::Reply(Reply::json(StatusCode::OK, &answer))
        }
        Ok(Redeemed::Again(answer)) => Answer::Reply(Reply::json(StatusCode::OK, &answer)),
        Err(r) => Answer::Reply(refusal(r)),
    }
}

fn voucher_redemption(hub: &Hub, key: &str) -> Reply {
    match hub.voucher_redemption(key) {
        Some(answer) => Reply::json(StatusCode::OK, &answer),
        None => Reply::error(StatusCode::NOT_FOUND, "not_found", format!("no redemption with idempotency_key {key:?}")),
    }
}

fn voucher_reverse(hub: &Hub, body: &[u8], faults: &Faults) -> Reply {
    if faults.partner_down {
        return partner_down();
    }
    match hub.reverse_voucher(body) {
        Ok(answer) => Reply::json(StatusCode::OK, &answer),
        Err(r) => refusal(r),
    }
}
