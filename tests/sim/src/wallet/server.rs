//! HTTP for the three wallets: one accept loop of our own (so a script can drop a
//! connection after the work is done but before the answer), the wallets' routes under
//! `/momo`, `/zalopay`, `/vnpay`, and the unsigned `/admin/wallet/*` controls.

use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Extension, Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use hyper_util::rt::TokioIo;
use serde_json::{json, Value};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify};
use tower::ServiceExt;

use super::{alipay, momo, vnpay, zalopay, AlipayCoupon, NotifyForgery, Script, SimWallet, WalletSim, WireAlipayScript, WireScript};

/// Lets a handler close its own connection without a response.
#[derive(Clone)]
pub(crate) struct Cut(Arc<Notify>);

/// What a wallet's handler does with its answer.
pub(crate) enum Reply {
    Send(Value),
    /// A JSON text sent as is (Alipay: the signed inner object's exact bytes).
    Raw(String),
    /// Never answer (the connection stays open until the client gives up).
    Hold,
    /// Close the connection without an answer.
    Cut,
}

pub(crate) async fn serve(listener: TcpListener, sim: WalletSim, mut shutdown: watch::Receiver<bool>) {
    let app = router(sim);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    tracing::warn!("wallets accept: {e}");
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
        done = conn => if let Err(e) = done { tracing::debug!("wallets connection: {e}") },
        _ = cut.0.notified() => tracing::info!("wallets: connection cut"),
        _ = shutdown.changed() => {}
    }
}

fn router(sim: WalletSim) -> Router {
    Router::new()
        .route("/momo/v2/gateway/api/{op}", post(momo_api))
        .route("/zalopay/v2/{op}", post(zalopay_api).get(zalopay_api))
        .route("/vnpay/QRCreateAPIRestV2/rest/CreateQrcodeApi/createQrcode", post(vnpay_create))
        .route("/vnpay/CheckTransaction/rest/api/CheckTrans", post(vnpay_check))
        .route("/vnpay/mms/refund", post(vnpay_refund))
        .route("/alipay/gateway.do", post(alipay_gateway).get(alipay_gateway))
        .route("/admin/wallet/alipay/script", post(alipay_admin_script))
        .route("/admin/wallet/alipay/scan/{out_trade_no}", post(alipay_admin_scan))
        .route("/admin/wallet/alipay/pay/{out_trade_no}", post(alipay_admin_pay))
        .route("/admin/wallet/alipay/finish/{out_trade_no}", post(alipay_admin_finish))
        .route("/admin/wallet/alipay/notify/{out_trade_no}", post(alipay_admin_notify))
        .route("/admin/wallet/alipay/trades", get(alipay_admin_trades))
        .route("/admin/wallet/alipay/orders", get(alipay_admin_trades))
        .route("/admin/wallet/alipay/shops", get(alipay_admin_shops))
        .route("/admin/wallet/alipay/shops/{store_id}/approve", post(alipay_admin_approve))
        .route("/admin/wallet/alipay/shops/{store_id}/reject", post(alipay_admin_reject))
        .route("/admin/wallet/alipay/items", get(alipay_admin_items))
        .route("/admin/wallet/alipay/synced-orders", get(alipay_admin_synced))
        .route("/admin/wallet/alipay/coupons", get(alipay_admin_coupons).post(alipay_admin_add_coupon))
        .route("/admin/wallet/alipay/notifications", get(alipay_admin_notifications))
        .route("/admin/wallet/alipay/clock", post(alipay_admin_clock))
        .route("/admin/wallet/alipay/down", post(alipay_admin_down))
        .route("/admin/wallet/{wallet}/script", post(admin_script))
        .route("/admin/wallet/{wallet}/pay/{order_id}", post(admin_pay))
        .route("/admin/wallet/{wallet}/decline/{order_id}", post(admin_decline))
        .route("/admin/wallet/{wallet}/orders", get(admin_orders))
        .route("/admin/wallet/{wallet}/down", post(admin_down))
        .with_state(sim)
}

async fn finish(reply: Reply, cut: Cut) -> Response {
    match reply {
        Reply::Send(v) => Json(v).into_response(),
        Reply::Raw(text) => ([(axum::http::header::CONTENT_TYPE, "application/json;charset=utf-8")], text).into_response(),
        Reply::Hold => {
            tokio::time::sleep(Duration::from_secs(600)).await;
            StatusCode::GATEWAY_TIMEOUT.into_response()
        }
        Reply::Cut => {
            cut.0.notify_one();
            std::future::pending::<()>().await;
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

fn down() -> Response {
    (StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable").into_response()
}

async fn momo_api(State(sim): State<WalletSim>, Extension(cut): Extension<Cut>, Path(op): Path<String>, body: Bytes) -> Response {
    if sim.is_down(SimWallet::Momo) {
        return down();
    }
    let reply = match op.as_str() {
        "pos" => momo::pos(&sim, &body),
        "query" => momo::query(&sim, &body),
        "confirm" => momo::confirm(&sim, &body),
        "refund" => momo::refund(&sim, &body),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    finish(reply, cut).await
}

async fn zalopay_api(
    State(sim): State<WalletSim>,
    Extension(cut): Extension<Cut>,
    Path(op): Path<String>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if sim.is_down(SimWallet::ZaloPay) {
        return down();
    }
    let ctype = headers.get(axum::http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let params = match zalopay::params(q.as_deref(), ctype, &body) {
        Ok(p) => p,
        Err(()) => return finish(Reply::Send(zalopay::refused(-401, "invalid parameters")), cut).await,
    };
    let reply = match op.as_str() {
        "create" => zalopay::create(&sim, &params),
        "query" => zalopay::query(&sim, &params),
        "refund" => zalopay::refund(&sim, &params),
        "query_refund" => zalopay::query_refund(&sim, &params),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    finish(reply, cut).await
}

async fn vnpay_create(State(sim): State<WalletSim>, Extension(cut): Extension<Cut>, body: Bytes) -> Response {
    if sim.is_down(SimWallet::Vnpay) {
        return down();
    }
    finish(vnpay::create(&sim, &body), cut).await
}

async fn vnpay_check(State(sim): State<WalletSim>, Extension(cut): Extension<Cut>, body: Bytes) -> Response {
    if sim.is_down(SimWallet::Vnpay) {
        return down();
    }
    finish(vnpay::check(&sim, &body), cut).await
}

async fn vnpay_refund(State(sim): State<WalletSim>, Extension(cut): Extension<Cut>, body: Bytes) -> Response {
    if sim.is_down(SimWallet::Vnpay) {
        return down();
    }
    if !sim.config().vnpay.refund_api {
        return StatusCode::NOT_FOUND.into_response();
    }
    finish(vnpay::refund(&sim, &body), cut).await
}

// ---- admin (no auth; loopback only) ----

fn bad(status: StatusCode, msg: String) -> Response {
    (status, Json(json!({ "error": msg }))).into_response()
}

fn unknown(name: &str) -> Response {
    bad(StatusCode::NOT_FOUND, format!("unknown wallet {name:?} (momo|zalopay|vnpay|alipay)"))
}

async fn admin_script(State(sim): State<WalletSim>, Path(name): Path<String>, body: Bytes) -> Response {
    let Some(w) = SimWallet::parse(&name) else { return unknown(&name) };
    match serde_json::from_slice::<WireScript>(&body) {
        Ok(s) => {
            let s: Script = s.into();
            sim.script_next(w, s.clone());
            Json(json!({ "queued": format!("{s:?}") })).into_response()
        }
        Err(e) => bad(
            StatusCode::BAD_REQUEST,
            format!("a script: \"pay\" | {{\"pay_after_ms\": N}} | {{\"decline\": CODE}} | \"pay_late\" | \"never_answer\" | \"lose_answer_after_success\" | \"duplicate_request_id\" | \"callback_bad_signature\" | \"authorize\": {e}"),
        ),
    }
}

async fn admin_pay(State(sim): State<WalletSim>, Path((name, order_id)): Path<(String, String)>) -> Response {
    let Some(w) = SimWallet::parse(&name) else { return unknown(&name) };
    if sim.customer_pays(w, &order_id) {
        Json(json!({ "paid": true, "order": sim.order(w, &order_id) })).into_response()
    } else {
        bad(StatusCode::CONFLICT, format!("{order_id} is not waiting for the customer: {:?}", sim.order(w, &order_id)))
    }
}

async fn admin_decline(State(sim): State<WalletSim>, Path((name, order_id)): Path<(String, String)>, body: Bytes) -> Response {
    let Some(w) = SimWallet::parse(&name) else { return unknown(&name) };
    let code = serde_json::from_slice::<Value>(&body).ok().and_then(|v| v.get("code").and_then(Value::as_i64));
    let Some(code) = code else {
        return bad(StatusCode::BAD_REQUEST, "{\"code\": N}".into());
    };
    if sim.customer_declines(w, &order_id, code) {
        Json(json!({ "declined": true, "order": sim.order(w, &order_id) })).into_response()
    } else {
        bad(StatusCode::CONFLICT, format!("{order_id} is not waiting for the customer"))
    }
}

async fn admin_orders(State(sim): State<WalletSim>, Path(name): Path<String>) -> Response {
    let Some(w) = SimWallet::parse(&name) else { return unknown(&name) };
    let orders: Vec<Value> = sim
        .orders(w)
        .into_iter()
        .map(|(id, o)| {
            let mut v = serde_json::to_value(o).unwrap_or(Value::Null);
            v["order_id"] = json!(id);
            v
        })
        .collect();
    Json(json!({ "orders": orders, "total_charged": sim.total_charged(w) })).into_response()
}

async fn admin_down(State(sim): State<WalletSim>, Path(name): Path<String>, body: Bytes) -> Response {
    let Some(w) = SimWallet::parse(&name) else { return unknown(&name) };
    let Some(d) = serde_json::from_slice::<Value>(&body).ok().and_then(|v| v.get("down").and_then(Value::as_bool)) else {
        return bad(StatusCode::BAD_REQUEST, "{\"down\": true|false}".into());
    };
    sim.set_down(w, d);
    Json(json!({ "down": d })).into_response()
}

// ---- Alipay ----

async fn alipay_gateway(State(sim): State<WalletSim>, Extension(cut): Extension<Cut>, RawQuery(q): RawQuery, body: Bytes) -> Response {
    if sim.alipay().is_down() {
        return down();
    }
    finish(alipay::gateway(&sim, q.as_deref(), &body), cut).await
}

async fn alipay_admin_script(State(sim): State<WalletSim>, body: Bytes) -> Response {
    match serde_json::from_slice::<WireAlipayScript>(&body) {
        Ok(s) => {
            let s: alipay::AlipayScript = s.into();
            sim.alipay().script_next(s.clone());
            Json(json!({ "queued": format!("{s:?}") })).into_response()
        }
        Err(e) => bad(
            StatusCode::BAD_REQUEST,
            format!("a script: \"pay\" | {{\"confirm_after_ms\": N}} | \"insufficient_balance\" | \"pays_before_cancel\" | \"never_pays\" | \"lose_answer_after_success\" | \"system_error\" | \"bad_signature\" | {{\"coupon\": {{\"amount_fen\": N, \"merchant_contribute_fen\": N}}}}: {e}"),
        ),
    }
}

async fn alipay_admin_scan(State(sim): State<WalletSim>, Path(out): Path<String>) -> Response {
    let a = sim.alipay();
    if a.customer_scans(&out) {
        Json(json!({ "scanned": true, "trade": a.trade(&out) })).into_response()
    } else {
        bad(StatusCode::CONFLICT, format!("{out} is not waiting for the buyer: {:?}", a.trade(&out)))
    }
}

async fn alipay_admin_pay(State(sim): State<WalletSim>, Path(out): Path<String>) -> Response {
    let a = sim.alipay();
    if a.customer_pays(&out) {
        Json(json!({ "paid": true, "trade": a.trade(&out) })).into_response()
    } else {
        bad(StatusCode::CONFLICT, format!("{out} is not waiting for the buyer: {:?}", a.trade(&out)))
    }
}

async fn alipay_admin_finish(State(sim): State<WalletSim>, Path(out): Path<String>) -> Response {
    let a = sim.alipay();
    if a.finish_trade(&out) {
        Json(json!({ "finished": true, "trade": a.trade(&out) })).into_response()
    } else {
        bad(StatusCode::CONFLICT, format!("{out} is not TRADE_SUCCESS"))
    }
}

/// `{"forgery": "genuine" | "bad_signature" | "unsigned" | {"other_amount": FEN} | {"other_app_id": "…"}, "url": "…"}`
async fn alipay_admin_notify(State(sim): State<WalletSim>, Path(out): Path<String>, body: Bytes) -> Response {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Req {
        #[serde(default)]
        forgery: Option<NotifyForgery>,
        #[serde(default)]
        url: Option<String>,
    }
    let req = if body.is_empty() { Ok(Req { forgery: None, url: None }) } else { serde_json::from_slice::<Req>(&body) };
    let req = match req {
        Ok(r) => r,
        Err(e) => return bad(StatusCode::BAD_REQUEST, format!("{{\"forgery\": \"genuine\"|\"bad_signature\"|\"unsigned\"|{{\"other_amount\": FEN}}|{{\"other_app_id\": \"…\"}}, \"url\": \"…\"}}: {e}")),
    };
    if sim.alipay().send_notify(&out, req.url.as_deref(), req.forgery.unwrap_or(NotifyForgery::Genuine)) {
        Json(json!({ "sent": true })).into_response()
    } else {
        bad(StatusCode::CONFLICT, format!("{out}: not a paid trade, or no notify URL"))
    }
}

async fn alipay_admin_trades(State(sim): State<WalletSim>) -> Response {
    let a = sim.alipay();
    Json(json!({ "trades": a.trades(), "net_taken_fen": a.net_taken_fen(), "burnt": a.burnt() })).into_response()
}

async fn alipay_admin_shops(State(sim): State<WalletSim>) -> Response {
    Json(json!({ "shops": sim.alipay().shops() })).into_response()
}

async fn alipay_admin_approve(State(sim): State<WalletSim>, Path(store_id): Path<String>) -> Response {
    let a = sim.alipay();
    if a.approve_shop(&store_id) {
        Json(json!({ "shop": a.shop(&store_id) })).into_response()
    } else {
        bad(StatusCode::CONFLICT, format!("{store_id} is not under review"))
    }
}

async fn alipay_admin_reject(State(sim): State<WalletSim>, Path(store_id): Path<String>, body: Bytes) -> Response {
    let a = sim.alipay();
    let reason = serde_json::from_slice::<Value>(&body).ok().and_then(|v| v.get("reason").and_then(Value::as_str).map(str::to_string));
    if a.reject_shop(&store_id, reason.as_deref().unwrap_or("资料不全")) {
        Json(json!({ "shop": a.shop(&store_id) })).into_response()
    } else {
        bad(StatusCode::CONFLICT, format!("{store_id} is not under review"))
    }
}

async fn alipay_admin_items(State(sim): State<WalletSim>) -> Response {
    let a = sim.alipay();
    let (creates, modifies) = a.item_calls();
    Json(json!({ "items": a.items(), "creates": creates, "modifies": modifies })).into_response()
}

async fn alipay_admin_synced(State(sim): State<WalletSim>) -> Response {
    Json(json!({ "orders": sim.alipay().synced_orders() })).into_response()
}

async fn alipay_admin_coupons(State(sim): State<WalletSim>) -> Response {
    let a = sim.alipay();
    Json(json!({ "coupons": a.coupons(), "uses": a.coupon_uses() })).into_response()
}

async fn alipay_admin_add_coupon(State(sim): State<WalletSim>, body: Bytes) -> Response {
    match serde_json::from_slice::<AlipayCoupon>(&body) {
        Ok(c) => {
            let code = c.voucher_code.clone();
            if sim.alipay().add_coupon(c) {
                Json(json!({ "coupon": sim.alipay().coupon(&code) })).into_response()
            } else {
                bad(StatusCode::CONFLICT, format!("{code:?} exists (or amount_fen is not > 0)"))
            }
        }
        Err(e) => bad(
            StatusCode::BAD_REQUEST,
            format!("{{\"voucher_code\", \"activity_id\", \"amount_fen\", \"floor_amount_fen\"?, \"name\"?, \"status\"?: UNUSED|USED|EXPIRED}}: {e}"),
        ),
    }
}

async fn alipay_admin_notifications(State(sim): State<WalletSim>) -> Response {
    Json(json!({ "notifications": sim.alipay().notifications() })).into_response()
}

async fn alipay_admin_clock(State(sim): State<WalletSim>, body: Bytes) -> Response {
    let Some(secs) = serde_json::from_slice::<Value>(&body).ok().and_then(|v| v.get("advance_secs").and_then(Value::as_u64)) else {
        return bad(StatusCode::BAD_REQUEST, "{\"advance_secs\": N}".into());
    };
    sim.alipay().advance_clock(Duration::from_secs(secs));
    Json(json!({ "advanced_secs": secs })).into_response()
}

async fn alipay_admin_down(State(sim): State<WalletSim>, body: Bytes) -> Response {
    let Some(d) = serde_json::from_slice::<Value>(&body).ok().and_then(|v| v.get("down").and_then(Value::as_bool)) else {
        return bad(StatusCode::BAD_REQUEST, "{\"down\": true|false}".into());
    };
    sim.alipay().set_down(d);
    Json(json!({ "down": d })).into_response()
}
