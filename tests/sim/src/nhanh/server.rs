//! HTTP: the Open API under `/v3.0/{resource}/{action}` (an accept loop of our own, so the
//! `drop_answers` fault can close a connection after the call took effect), and the
//! unauthenticated `/admin/nhanh/*` controls for `make run` and WebDriver tests.

use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Extension, Path, RawQuery, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::{Json, Router};
use hyper_util::rt::TokioIo;
use serde::Deserialize;
use serde_json::{json, Value};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify};
use tower::ServiceExt;

use super::state::ENDPOINTS;
use super::{api, ChannelOrder, NhanhFaults, NhanhGrant, NhanhProduct, NhanhSim, SendOptions, WebhookVersion};

/// Lets a handler close its own connection without a response.
#[derive(Clone)]
pub(crate) struct Cut(Arc<Notify>);

pub(crate) async fn serve(listener: TcpListener, sim: NhanhSim, mut shutdown: watch::Receiver<bool>) {
    let app = router(sim);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    tracing::warn!("nhanh accept: {e}");
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
    tokio::select! {
        done = conn => if let Err(e) = done { tracing::debug!("nhanh connection: {e}") },
        _ = cut.0.notified() => tracing::info!("nhanh: connection cut"),
        _ = shutdown.changed() => {}
    }
}

fn router(sim: NhanhSim) -> Router {
    Router::new()
        .route("/v3.0/{resource}/{action}", any(api_call))
        .route("/admin/nhanh/access-code", post(admin_access_code))
        .route("/admin/nhanh/token", post(admin_token))
        .route("/admin/nhanh/tokens/expire", post(admin_expire))
        .route("/admin/nhanh/products", get(admin_products).post(admin_product_upsert))
        .route("/admin/nhanh/products/delete", post(admin_product_delete))
        .route("/admin/nhanh/price", post(admin_price))
        .route("/admin/nhanh/stock", post(admin_stock))
        .route("/admin/nhanh/orders", get(admin_orders))
        .route("/admin/nhanh/channel-order", post(admin_channel_order))
        .route("/admin/nhanh/orders/{id}/status", post(admin_order_status))
        .route("/admin/nhanh/customers", get(admin_customers))
        .route("/admin/nhanh/webhook", get(admin_get_webhook).post(admin_set_webhook))
        .route("/admin/nhanh/webhooks/send", post(admin_send))
        .route("/admin/nhanh/webhooks/deliveries", get(admin_deliveries))
        .route("/admin/nhanh/faults", get(admin_get_faults).post(admin_set_faults))
        .route("/admin/nhanh/clock", post(admin_clock))
        .route("/admin/nhanh/calls", get(admin_calls))
        .fallback(|| async { (StatusCode::NOT_FOUND, "Not Found") })
        .with_state(sim)
}

async fn api_call(
    State(sim): State<NhanhSim>,
    Extension(cut): Extension<Cut>,
    method: Method,
    Path((resource, action)): Path<(String, String)>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = format!("{resource}/{action}");
    if !ENDPOINTS.contains(&path.as_str()) {
        return (StatusCode::NOT_FOUND, "Not Found").into_response();
    }
    if method != Method::POST {
        return (StatusCode::METHOD_NOT_ALLOWED, [(header::ALLOW, "POST")], "Method Not Allowed").into_response();
    }
    sim.count_call(&path);
    let (slow, drop) = {
        let f = sim.faults();
        (f.slow_ms + f.slow_paths.get(&path).copied().unwrap_or(0), f.drop_answers.get(&path).copied().unwrap_or(0) > 0)
    };
    if slow > 0 {
        tokio::time::sleep(Duration::from_millis(slow)).await;
    }
    let auth = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).map(str::to_string);
    let handled = {
        let sim = sim.clone();
        let path = path.clone();
        let query = query.unwrap_or_default();
        tokio::task::spawn_blocking(move || api::handle(&sim, &path, &query, auth.as_deref(), &body)).await.expect("the call")
    };
    for (event, data) in handled.events {
        sim.notify(&event, Some(data));
    }
    if drop {
        let mut f = sim.faults();
        if let Some(n) = f.drop_answers.get_mut(&path).filter(|n| **n > 0) {
            *n -= 1;
            sim.set_faults(f);
            cut.0.notify_one();
            std::future::pending::<()>().await;
        }
    }
    Json(handled.answer).into_response()
}

fn bad(e: impl std::fmt::Display) -> Response {
    (StatusCode::BAD_REQUEST, Json(json!({"error": e.to_string()}))).into_response()
}

#[allow(clippy::result_large_err)]
fn parse<T: for<'de> Deserialize<'de>>(body: &Bytes) -> Result<T, Response> {
    if body.is_empty() {
        serde_json::from_str("{}").map_err(bad)
    } else {
        serde_json::from_slice(body).map_err(bad)
    }
}

/// `{}` or `{"permissions": [...], "depotIds": [...]}` → `{"accessCode": C}`.
async fn admin_access_code(State(sim): State<NhanhSim>, body: Bytes) -> Response {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    struct G {
        permissions: Option<Vec<String>>,
        depot_ids: Option<Vec<i64>>,
    }
    let g: G = match parse(&body) {
        Ok(g) => g,
        Err(r) => return r,
    };
    let mut grant: NhanhGrant = sim.config().grant.clone();
    if let Some(p) = g.permissions {
        grant.permissions = p;
    }
    if let Some(d) = g.depot_ids {
        grant.depot_ids = d;
    }
    Json(json!({"accessCode": sim.issue_access_code_with(grant)})).into_response()
}

async fn admin_token(State(sim): State<NhanhSim>) -> Response {
    Json(json!({"accessToken": sim.grant_token()})).into_response()
}

async fn admin_expire(State(sim): State<NhanhSim>) -> Response {
    sim.expire_tokens();
    Json(json!({"expired": true})).into_response()
}

async fn admin_products(State(sim): State<NhanhSim>) -> Response {
    let depots = sim.config().grant.depot_ids.clone();
    Json(json!({"products": sim.products().iter().map(|p| p.row(&depots)).collect::<Vec<_>>()})).into_response()
}

/// A whole `NhanhProduct` (snake_case fields; id 0 or absent = new) → its row.
async fn admin_product_upsert(State(sim): State<NhanhSim>, body: Bytes) -> Response {
    let p: NhanhProduct = match parse(&body) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let depots = sim.config().grant.depot_ids.clone();
    Json(sim.product_upsert(p).row(&depots)).into_response()
}

async fn admin_product_delete(State(sim): State<NhanhSim>, body: Bytes) -> Response {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct D {
        ids: Vec<i64>,
    }
    match parse::<D>(&body) {
        Ok(d) => Json(json!({"deleted": sim.product_delete(&d.ids)})).into_response(),
        Err(r) => r,
    }
}

/// `{"productId": N, "retail": VND}`.
async fn admin_price(State(sim): State<NhanhSim>, body: Bytes) -> Response {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    struct P {
        product_id: i64,
        retail: i64,
    }
    let p: P = match parse(&body) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let depots = sim.config().grant.depot_ids.clone();
    match sim.set_price(p.product_id, p.retail) {
        Some(p) => Json(p.row(&depots)).into_response(),
        None => (StatusCode::NOT_FOUND, Json(json!({"error": "no such product"}))).into_response(),
    }
}

/// `{"productId": N, "depotId": D, "remain": Q, "holding": Q?}`.
async fn admin_stock(State(sim): State<NhanhSim>, body: Bytes) -> Response {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    struct S {
        product_id: i64,
        depot_id: i64,
        remain: f64,
        #[serde(default)]
        holding: f64,
    }
    let s: S = match parse(&body) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let depots = sim.config().grant.depot_ids.clone();
    match sim.set_stock(s.product_id, s.depot_id, s.remain, s.holding) {
        Some(p) => Json(p.stock_row(&depots)).into_response(),
        None => (StatusCode::NOT_FOUND, Json(json!({"error": "no such product"}))).into_response(),
    }
}

async fn admin_orders(State(sim): State<NhanhSim>) -> Response {
    let rows: Vec<Value> = sim.orders().iter().filter_map(|o| sim.order_row(o.id)).collect();
    Json(json!({"orders": rows})).into_response()
}

/// A `ChannelOrder` (snake_case; missing fields = its defaults) → the order's row.
async fn admin_channel_order(State(sim): State<NhanhSim>, body: Bytes) -> Response {
    let spec: ChannelOrder = match parse(&body) {
        Ok(s) => s,
        Err(r) => return r,
    };
    match sim.channel_order(spec) {
        Ok(o) => Json(sim.order_row(o.id).unwrap_or(Value::Null)).into_response(),
        Err(e) => bad(e),
    }
}

/// `{"status": N}`: the merchant moves the order (any status).
async fn admin_order_status(State(sim): State<NhanhSim>, Path(id): Path<i64>, body: Bytes) -> Response {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct S {
        status: i64,
    }
    let s: S = match parse(&body) {
        Ok(s) => s,
        Err(r) => return r,
    };
    match sim.merchant_set_order_status(id, s.status) {
        Some(o) => Json(sim.order_row(o.id).unwrap_or(Value::Null)).into_response(),
        None => (StatusCode::NOT_FOUND, Json(json!({"error": "no such order"}))).into_response(),
    }
}

async fn admin_customers(State(sim): State<NhanhSim>) -> Response {
    Json(json!({"customers": sim.customers().iter().map(|c| c.row()).collect::<Vec<_>>()})).into_response()
}

async fn admin_get_webhook(State(sim): State<NhanhSim>) -> Response {
    Json(json!({"webhook": sim.webhook()})).into_response()
}

/// `{"url": U, "token": T, "version": "3"|"2"}`, or `{"url": null}` to stop sending.
async fn admin_set_webhook(State(sim): State<NhanhSim>, body: Bytes) -> Response {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct W {
        url: Option<String>,
        #[serde(default)]
        token: String,
        #[serde(default)]
        version: WebhookVersion,
    }
    let w: W = match parse(&body) {
        Ok(w) => w,
        Err(r) => return r,
    };
    match w.url {
        Some(u) => sim.set_webhook(&u, &w.token, w.version),
        None => sim.clear_webhook(),
    }
    Json(json!({"webhook": sim.webhook()})).into_response()
}

/// `{"event": E, "data"?: any, "orderId"?: N, "productId"?: N, "productIds"?: [..],
/// "wrongToken"?: bool, "copies"?: N}` → `{"deliveries": [...]}` once delivered.
/// `orderId` / `productId` fill `data` with the row; inventoryChange with `productIds`
/// goes in batches of 100.
async fn admin_send(State(sim): State<NhanhSim>, body: Bytes) -> Response {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    struct S {
        event: String,
        data: Option<Value>,
        order_id: Option<i64>,
        product_id: Option<i64>,
        product_ids: Option<Vec<i64>>,
        #[serde(default)]
        wrong_token: bool,
        #[serde(default)]
        copies: u32,
    }
    let s: S = match parse(&body) {
        Ok(s) => s,
        Err(r) => return r,
    };
    if sim.webhook().is_none() {
        return (StatusCode::CONFLICT, Json(json!({"error": "no webhook configured"}))).into_response();
    }
    let opts = SendOptions { wrong_token: s.wrong_token, copies: s.copies };
    let depots = sim.config().grant.depot_ids.clone();
    let s2 = sim.clone();
    let out = tokio::task::spawn_blocking(move || {
        let data = if let Some(id) = s.order_id {
            s2.order_row(id)
        } else if let Some(id) = s.product_id {
            s2.product(id).map(|p| p.row(&depots))
        } else {
            s.data.clone()
        };
        if let (Some(ids), "inventoryChange") = (&s.product_ids, s.event.as_str()) {
            let rows: Vec<Value> = ids.iter().filter_map(|id| s2.product(*id)).map(|p| p.stock_row(&depots)).collect();
            return rows.chunks(100).flat_map(|c| s2.send_event_with("inventoryChange", Some(json!(c)), opts.clone())).collect();
        }
        s2.send_event_with(&s.event, data, opts)
    })
    .await
    .unwrap_or_default();
    Json(json!({"deliveries": out})).into_response()
}

async fn admin_deliveries(State(sim): State<NhanhSim>) -> Response {
    Json(json!({"deliveries": sim.deliveries()})).into_response()
}

async fn admin_get_faults(State(sim): State<NhanhSim>) -> Response {
    Json(sim.faults()).into_response()
}

async fn admin_set_faults(State(sim): State<NhanhSim>, body: Bytes) -> Response {
    match parse::<NhanhFaults>(&body) {
        Ok(f) => {
            sim.set_faults(f);
            Json(sim.faults()).into_response()
        }
        Err(r) => r,
    }
}

/// `{"advanceSecs": N}` → `{"now": unix}`.
async fn admin_clock(State(sim): State<NhanhSim>, body: Bytes) -> Response {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    struct C {
        advance_secs: i64,
    }
    match parse::<C>(&body) {
        Ok(c) => {
            sim.advance_clock(c.advance_secs);
            Json(json!({"now": sim.now()})).into_response()
        }
        Err(r) => r,
    }
}

async fn admin_calls(State(sim): State<NhanhSim>) -> Response {
    let calls: serde_json::Map<String, Value> = ENDPOINTS.iter().map(|p| (p.to_string(), json!(sim.calls(p)))).collect();
    Json(json!({"calls": calls})).into_response()
}
