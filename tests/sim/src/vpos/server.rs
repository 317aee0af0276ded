//! HTTP: NestPay (`/fim/api`, `/fim/est3Dgate`, `/fim/page/<token>`), Garanti (`/VPServlet`)
//! and the unauthenticated `/admin/vpos/*` controls. An accept loop of our own, so the
//! `drop_answers` fault can close a connection after the call took effect.

use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Extension, Path, Query, RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use hyper_util::rt::TokioIo;
use serde::Deserialize;
use serde_json::json;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify};
use tower::ServiceExt;

use super::gate::{self, Action, PageError};
use super::nestpay::percent_decode;
use super::{garanti, nestpay, xml, Bank, VposFaults, VposSim};

#[derive(Clone)]
pub(crate) struct Cut(Arc<Notify>);

pub(crate) async fn serve(listener: TcpListener, sim: VposSim, mut shutdown: watch::Receiver<bool>) {
    let app = router(sim);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    tracing::warn!("vpos accept: {e}");
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
        done = conn => if let Err(e) = done { tracing::debug!("vpos connection: {e}") },
        _ = cut.0.notified() => tracing::info!("vpos: connection cut"),
        _ = shutdown.changed() => {}
    }
}

fn router(sim: VposSim) -> Router {
    Router::new()
        .route("/fim/api", post(nestpay_api))
        .route("/VPServlet", post(garanti_api))
        .route("/fim/est3Dgate", get(gate_get).post(gate_post))
        .route("/fim/page/{token}", get(page_get).post(page_post))
        .route("/admin/vpos/transactions", get(admin_transactions))
        .route("/admin/vpos/links", get(admin_links))
        .route("/admin/vpos/callbacks", get(admin_callbacks))
        .route("/admin/vpos/faults", get(admin_get_faults).post(admin_set_faults))
        .route("/admin/vpos/close-batch", post(admin_close_batch))
        .route("/admin/vpos/clock", post(admin_clock))
        .route("/admin/vpos/export", get(admin_export))
        .route("/admin/vpos/pay", post(admin_pay))
        .route("/admin/vpos/cancel", post(admin_cancel))
        .route("/admin/vpos/abandon", post(admin_abandon))
        .route("/admin/vpos/calls", get(admin_calls))
        .fallback(|| async { (StatusCode::NOT_FOUND, "Not Found") })
        .with_state(sim)
}

async fn nestpay_api(State(sim): State<VposSim>, Extension(cut): Extension<Cut>, body: Bytes) -> Response {
    api(sim, cut, "/fim/api", body, nestpay::handle).await
}

async fn garanti_api(State(sim): State<VposSim>, Extension(cut): Extension<Cut>, body: Bytes) -> Response {
    api(sim, cut, "/VPServlet", body, garanti::handle).await
}

async fn api(sim: VposSim, cut: Cut, path: &str, body: Bytes, handle: fn(&VposSim, &[u8]) -> nestpay::Handled) -> Response {
    sim.count_call(path);
    let slow = sim.faults().slow_ms;
    if slow > 0 {
        tokio::time::sleep(Duration::from_millis(slow)).await;
    }
    if take(&sim, |f| &mut f.fail_500) {
        return (StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error").into_response();
    }
    let handled = {
        let sim = sim.clone();
        tokio::task::spawn_blocking(move || handle(&sim, &body)).await.expect("the call")
    };
    if take(&sim, |f| &mut f.garbage) {
        return ([(header::CONTENT_TYPE, "text/xml; charset=ISO-8859-9")], "<?xml version=\"1.0\"?><CC5Resp<<Response>Appr")
            .into_response();
    }
    if handled.approved && take(&sim, |f| &mut f.drop_answers) {
        cut.0.notify_one();
        std::future::pending::<()>().await;
    }
    ([(header::CONTENT_TYPE, "text/xml; charset=ISO-8859-9")], xml::encode_8859_9(&handled.xml)).into_response()
}

/// Decrements a fault counter; true when it was on.
fn take(sim: &VposSim, field: impl FnOnce(&mut VposFaults) -> &mut u32) -> bool {
    let mut g = sim.lock();
    let n = field(&mut g.faults);
    if *n > 0 {
        *n -= 1;
        true
    } else {
        false
    }
}

/// `k=v&…` percent-decoded (`+` = space), in order; UTF-8, else ISO-8859-9.
pub(crate) fn parse_form(raw: &[u8]) -> Vec<(String, String)> {
    let dec = |b: &[u8]| {
        let bytes = percent_decode(b);
        match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => encoding_rs::WINDOWS_1254.decode_without_bom_handling(e.as_bytes()).0.into_owned(),
        }
    };
    raw.split(|b| *b == b'&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.iter().position(|b| *b == b'=') {
            Some(i) => (dec(&p[..i]), dec(&p[i + 1..])),
            None => (dec(p), String::new()),
        })
        .collect()
}

fn html(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
}

fn error_page(status: StatusCode, message: &str) -> Response {
    let m = message.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    html(
        status,
        format!("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Error</title></head><body><h1>Payment error</h1><p id=\"ErrMsg\">{m}</p></body></html>\n"),
    )
}

fn gate_answer(sim: &VposSim, pairs: Vec<(String, String)>) -> Response {
    sim.count_call("/fim/est3Dgate");
    match gate::gate(sim, &pairs) {
        Ok(url) => (StatusCode::FOUND, [(header::LOCATION, url)], "").into_response(),
        Err(m) => error_page(StatusCode::BAD_REQUEST, &m),
    }
}

async fn gate_get(State(sim): State<VposSim>, RawQuery(q): RawQuery) -> Response {
    gate_answer(&sim, parse_form(q.unwrap_or_default().as_bytes()))
}

async fn gate_post(State(sim): State<VposSim>, body: Bytes) -> Response {
    gate_answer(&sim, parse_form(&body))
}

async fn page_get(State(sim): State<VposSim>, Path(token): Path<String>) -> Response {
    match gate::page_html(&sim, &token, None) {
        Ok(h) => html(StatusCode::OK, h),
        Err(m) => error_page(StatusCode::GONE, &m),
    }
}

async fn page_post(State(sim): State<VposSim>, Path(token): Path<String>, body: Bytes) -> Response {
    let form = parse_form(&body);
    let f = |k: &str| form.iter().find(|(fk, _)| fk == k).map(|(_, v)| v.clone()).unwrap_or_default();
    let (action, pan, expiry, cvv, md) = (f("action"), f("pan"), f("expiry"), f("cvv"), f("md"));
    let md = if md.is_empty() { "1".to_string() } else { md };
    let run = {
        let sim = sim.clone();
        let token = token.clone();
        tokio::task::spawn_blocking(move || {
            let act = if action == "cancel" { Action::Cancel } else { Action::Pay { number: &pan, expiry: &expiry, cvv: &cvv, md: &md } };
            match gate::finish(&sim, &token, act) {
                Ok((result, out)) => {
                    let rx = gate::send(&sim, out);
                    // The browser moves on once the first attempt is done (or 15 s).
                    let _ = rx.recv_timeout(Duration::from_secs(15));
                    Ok(result)
                }
                Err(e) => Err(e),
            }
        })
        .await
        .expect("the page")
    };
    match run {
        Ok(result) => (StatusCode::FOUND, [(header::LOCATION, result.redirect)], "").into_response(),
        Err(PageError::Input(m)) => match gate::page_html(&sim, &token, Some(&m)) {
            Ok(h) => html(StatusCode::OK, h),
            Err(m) => error_page(StatusCode::GONE, &m),
        },
        Err(PageError::Gone(m)) => error_page(StatusCode::GONE, &m),
    }
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

async fn admin_transactions(State(sim): State<VposSim>) -> Response {
    Json(json!({"batch": sim.batch_no(), "transactions": sim.transactions()})).into_response()
}

async fn admin_links(State(sim): State<VposSim>) -> Response {
    Json(json!({"links": sim.links()})).into_response()
}

async fn admin_callbacks(State(sim): State<VposSim>) -> Response {
    Json(json!({"callbacks": sim.callbacks()})).into_response()
}

async fn admin_get_faults(State(sim): State<VposSim>) -> Response {
    Json(sim.faults()).into_response()
}

async fn admin_set_faults(State(sim): State<VposSim>, body: Bytes) -> Response {
    match parse::<VposFaults>(&body) {
        Ok(f) => {
            sim.set_faults(f.clone());
            Json(f).into_response()
        }
        Err(r) => r,
    }
}

async fn admin_close_batch(State(sim): State<VposSim>) -> Response {
    sim.close_batch();
    Json(json!({"batch": sim.batch_no()})).into_response()
}

/// `{"secs": N}`: moves the clock on.
async fn admin_clock(State(sim): State<VposSim>, body: Bytes) -> Response {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct C {
        secs: i64,
    }
    match parse::<C>(&body) {
        Ok(c) => {
            sim.advance_clock(c.secs);
            Json(json!({"now": sim.now(), "local": sim.local_now().to_rfc3339(), "batch": sim.batch_no()})).into_response()
        }
        Err(r) => r,
    }
}

#[derive(Deserialize)]
struct ExportQuery {
    day: String,
    bank: Option<String>,
}

async fn admin_export(State(sim): State<VposSim>, Query(q): Query<ExportQuery>) -> Response {
    let Ok(day) = chrono::NaiveDate::parse_from_str(&q.day, "%Y-%m-%d") else { return bad("day: YYYY-MM-DD") };
    let bank = match q.bank.as_deref() {
        None => Bank::Nestpay,
        Some(b) => match Bank::parse(b) {
            Some(b) => b,
            None => return bad("bank: nestpay|garanti"),
        },
    };
    ([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], sim.export_csv_of(bank, day)).into_response()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Pay {
    order_id: String,
    card: Option<String>,
    expiry: Option<String>,
    cvv: Option<String>,
    md_status: Option<String>,
}

/// `{"order_id", "card"?, "expiry"?, "cvv"?, "md_status"?}`: the cardholder pays the live page
/// (defaults: the approved test card, a future expiry, CVV 123, mdStatus 1).
async fn admin_pay(State(sim): State<VposSim>, body: Bytes) -> Response {
    let p: Pay = match parse(&body) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let yy = (chrono::Datelike::year(&sim.today()) + 5) % 100;
    let r = tokio::task::spawn_blocking(move || {
        sim.pay_link_with(
            &p.order_id,
            p.card.as_deref().unwrap_or(super::APPROVED_CARD),
            p.expiry.as_deref().unwrap_or(&format!("12/{yy:02}")),
            p.cvv.as_deref().unwrap_or("123"),
            p.md_status.as_deref().unwrap_or("1"),
        )
    })
    .await
    .expect("pay");
    match r {
        Ok(r) => Json(r).into_response(),
        Err(e) => (StatusCode::CONFLICT, Json(json!({"error": e}))).into_response(),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Oid {
    order_id: String,
}

async fn admin_cancel(State(sim): State<VposSim>, body: Bytes) -> Response {
    let o: Oid = match parse(&body) {
        Ok(o) => o,
        Err(r) => return r,
    };
    match tokio::task::spawn_blocking(move || sim.cancel_link(&o.order_id)).await.expect("cancel") {
        Ok(r) => Json(r).into_response(),
        Err(e) => (StatusCode::CONFLICT, Json(json!({"error": e}))).into_response(),
    }
}

async fn admin_abandon(State(sim): State<VposSim>, body: Bytes) -> Response {
    match parse::<Oid>(&body) {
        Ok(o) => Json(json!({"abandoned": sim.abandon(&o.order_id)})).into_response(),
        Err(r) => r,
    }
}

async fn admin_calls(State(sim): State<VposSim>) -> Response {
    Json(sim.calls()).into_response()
}
