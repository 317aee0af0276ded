//! HTTP: Viva's classic API under `/api` (Basic auth, faults), the unauthenticated
//! `/admin/viva/*` controls, and an accept loop of our own so a fault can drop a
//! connection after the work is done but before the answer (the lost response).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Extension, Path, Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use hyper_util::rt::TokioIo;
use quay_core::Currency;
use serde_json::{json, Value};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify};
use tower::ServiceExt;

use super::state::{SimTransaction, TerminalOutcome, Viva, VivaFaults};
use super::webhooks;

/// Lets a handler close its own connection without a response.
#[derive(Clone)]
pub(crate) struct Cut(Arc<Notify>);

pub(crate) async fn serve(listener: TcpListener, viva: Arc<Viva>, mut shutdown: watch::Receiver<bool>) {
    let app = router(viva);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    tracing::warn!("viva accept: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = shutdown.changed() => break,
        };
        let _ = stream.set_nodelay(true);
        tokio::spawn(connection(stream, app.clone(), shutdown.clone()));
    }
}

async fn connection(stream: TcpStream, app: Router, mut shutdown: watch::Receiver<bool>) {
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
        done = conn => if let Err(e) = done { tracing::debug!("viva connection: {e}") },
        _ = cut.0.notified() => tracing::info!("viva: connection cut"),
        _ = shutdown.changed() => {}
    }
}

fn router(viva: Arc<Viva>) -> Router {
    let api = Router::new()
        .route("/api/orders", post(create_order))
        .route("/api/orders/{code}", get(get_order).delete(cancel_order))
        .route("/api/transactions", get(list_transactions))
        .route("/api/transactions/", get(list_transactions))
        .route("/api/transactions/{id}", get(get_transaction).delete(refund))
        .route("/api/messages/config/token", get(webhook_token))
        .route_layer(middleware::from_fn_with_state(viva.clone(), gate));
    let admin = Router::new()
        .route("/admin/viva/pay", post(admin_pay))
        .route("/admin/viva/faults", get(admin_get_faults).post(admin_set_faults))
        .route("/admin/viva/orders", get(admin_orders))
        .route("/admin/viva/transactions", get(admin_transactions))
        .route("/admin/viva/stats", get(admin_stats));
    api.merge(admin).with_state(viva)
}

/// Viva's error envelope.
fn viva_error(status: StatusCode, code: i64, text: &str) -> Response {
    (status, Json(json!({"ErrorCode": code, "ErrorText": text, "TimeStamp": now(), "Success": false}))).into_response()
}

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3f%:z").to_string()
}

fn ok(mut body: Value) -> Response {
    body["ErrorCode"] = json!(0);
    body["ErrorText"] = Value::Null;
    body["TimeStamp"] = json!(now());
    body["Success"] = json!(true);
    Json(body).into_response()
}

/// Every API request: counted, Basic auth checked, then the slow and 5xx faults.
async fn gate(State(viva): State<Arc<Viva>>, req: Request, next: Next) -> Response {
    viva.count(|s| s.api_requests += 1);
    let cfg = viva.config();
    let expected = format!("Basic {}", base64(format!("{}:{}", cfg.merchant_id, cfg.api_key).as_bytes()));
    let given = req.headers().get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).unwrap_or("");
    if given != expected {
        viva.count(|s| s.unauthorized += 1);
        return (StatusCode::UNAUTHORIZED, [(header::WWW_AUTHENTICATE, "Basic")], "").into_response();
    }
    let slow = viva.faults().slow_ms;
    if slow > 0 {
        tokio::time::sleep(Duration::from_millis(slow)).await;
    }
    if viva.take_fault(|f| &mut f.fail_5xx) {
        viva.count(|s| s.answered_5xx += 1);
        return (StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error").into_response();
    }
    next.run(req).await
}

async fn create_order(State(viva): State<Arc<Viva>>, Extension(cut): Extension<Cut>, body: Bytes) -> Response {
    let Ok(v) = serde_json::from_slice::<Value>(&body) else {
        return viva_error(StatusCode::BAD_REQUEST, 400, "Invalid request body");
    };
    // Amount is an integer in cents: a decimal here is the classic mistake, refused.
    let Some(amount) = v.get("Amount").and_then(Value::as_i64).filter(|a| *a > 0) else {
        return viva_error(StatusCode::BAD_REQUEST, 400, "Amount must be a positive integer (cents)");
    };
    let source = v.get("SourceCode").and_then(Value::as_str).unwrap_or("Default");
    let trns = v.get("MerchantTrns").and_then(Value::as_str).unwrap_or("");
    // Viva takes the ISO 4217 numeric code as text or number; none means the account's
    // own currency (euro here). One it does not know is refused, as Viva does.
    let currency = match v.get("CurrencyCode") {
        None | Some(Value::Null) => Currency::Eur,
        Some(c) => {
            let text = c.as_str().map(str::to_string).unwrap_or_else(|| c.to_string());
            match text.trim().parse::<u16>().ok().and_then(Currency::from_numeric) {
                Some(cur) => cur,
                None => return viva_error(StatusCode::BAD_REQUEST, 400, "Invalid CurrencyCode"),
            }
        }
    };
    let code = viva.create_order(amount, currency, source, trns);
    if viva.take_fault(|f| &mut f.lose_create_responses) {
        viva.count(|s| s.responses_lost += 1);
        cut.0.notify_one();
        std::future::pending::<()>().await;
    }
    ok(json!({ "OrderCode": code }))
}

fn parse_code(code: &str) -> Option<u64> {
    code.parse().ok()
}

async fn get_order(State(viva): State<Arc<Viva>>, Path(code): Path<String>) -> Response {
    match parse_code(&code).and_then(|c| viva.order(c)) {
        Some(o) => ok(o.to_wire()),
        None => viva_error(StatusCode::NOT_FOUND, 404, "Order not found"),
    }
}

async fn cancel_order(State(viva): State<Arc<Viva>>, Path(code): Path<String>) -> Response {
    let Some(c) = parse_code(&code) else {
        return viva_error(StatusCode::NOT_FOUND, 404, "Order not found");
    };
    match viva.cancel_order(c) {
        Ok(()) => ok(json!({ "OrderCode": c })),
        Err(r) => viva_error(StatusCode::from_u16(r.http).unwrap_or(StatusCode::BAD_REQUEST), r.code, &r.text),
    }
}

fn list(txs: Vec<SimTransaction>) -> Response {
    ok(json!({ "Transactions": txs.iter().map(SimTransaction::to_wire).collect::<Vec<_>>() }))
}

async fn list_transactions(State(viva): State<Arc<Viva>>, Query(q): Query<HashMap<String, String>>) -> Response {
    let q: HashMap<String, String> = q.into_iter().map(|(k, v)| (k.to_ascii_lowercase(), v)).collect();
    if let Some(code) = q.get("ordercode") {
        let Some(c) = parse_code(code) else {
            return viva_error(StatusCode::BAD_REQUEST, 400, "Invalid ordercode");
        };
        return list(viva.transactions_where(|t| t.order_code == c));
    }
    if let Some(date) = q.get("date") {
        return list(viva.transactions_where(|t| &t.date == date));
    }
    viva_error(StatusCode::BAD_REQUEST, 400, "Give ordercode or date")
}

async fn get_transaction(State(viva): State<Arc<Viva>>, Path(id): Path<String>) -> Response {
    list(viva.transactions_where(|t| t.transaction_id == id))
}

async fn refund(State(viva): State<Arc<Viva>>, Path(id): Path<String>, Query(q): Query<HashMap<String, String>>) -> Response {
    let Some(amount) = q.get("amount").and_then(|a| a.parse::<i64>().ok()) else {
        return viva_error(StatusCode::BAD_REQUEST, 400, "amount (cents) is required");
    };
    match viva.refund(&id, amount) {
        Ok(reversal) => {
            webhooks::deliver(&viva, &reversal, webhooks::REVERSAL_CREATED);
            ok(reversal.to_wire())
        }
        Err(r) => viva_error(StatusCode::from_u16(r.http).unwrap_or(StatusCode::BAD_REQUEST), r.code, &r.text),
    }
}

async fn webhook_token(State(viva): State<Arc<Viva>>) -> Response {
    Json(json!({ "Key": viva.config().webhook_key })).into_response()
}

// ---- admin (no auth; loopback only) ----

async fn admin_pay(State(viva): State<Arc<Viva>>, _headers: HeaderMap, body: Bytes) -> Response {
    #[derive(serde::Deserialize)]
    struct Pay {
        source: String,
        outcome: TerminalOutcome,
    }
    let pay: Pay = match serde_json::from_slice(&body) {
        Ok(p) => p,
        Err(e) => {
            return (StatusCode::BAD_REQUEST, Json(json!({"error": format!("{{\"source\", \"outcome\": approve|decline|{{\"decline_with\": {{\"event_id\", \"response_code\"}}}}}}: {e}")})))
                .into_response()
        }
    };
    match super::pay_and_notify(&viva, &pay.source, pay.outcome) {
        Some(tx) => Json(serde_json::to_value(tx).unwrap_or(Value::Null)).into_response(),
        None => (StatusCode::NOT_FOUND, Json(json!({"error": "no pending order is the newest of this source"}))).into_response(),
    }
}

async fn admin_get_faults(State(viva): State<Arc<Viva>>) -> Response {
    Json(viva.faults()).into_response()
}

async fn admin_set_faults(State(viva): State<Arc<Viva>>, body: Bytes) -> Response {
    match serde_json::from_slice::<VivaFaults>(&body) {
        Ok(f) => {
            viva.set_faults(f.clone());
            Json(f).into_response()
        }
        Err(e) => (StatusCode::BAD_REQUEST, Json(json!({"error": e.to_string()}))).into_response(),
    }
}

async fn admin_orders(State(viva): State<Arc<Viva>>) -> Response {
    Json(viva.orders()).into_response()
}

async fn admin_transactions(State(viva): State<Arc<Viva>>) -> Response {
    Json(viva.transactions()).into_response()
}

async fn admin_stats(State(viva): State<Arc<Viva>>) -> Response {
    Json(viva.stats()).into_response()
}

/// Standard base64 with padding (for the expected Basic header; no dependency needed).
pub(crate) fn base64(input: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(input.len().div_ceil(3) * 4);
    for chunk in input.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        out.push(A[(n >> 18) as usize & 63] as char);
        out.push(A[(n >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 { A[(n >> 6) as usize & 63] as char } else { '=' });
        out.push(if chunk.len() > 2 { A[n as usize & 63] as char } else { '=' });
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_known_values() {
        for (i, o) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("Aladdin:open sesame", "QWxhZGRpbjpvcGVuIHNlc2FtZQ==")] {
            assert_eq!(super::base64(i.as_bytes()), o);
        }
    }
}
