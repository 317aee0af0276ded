//! The wallets' callbacks (MoMo IPN, ZaloPay callback, VNPAY IPN, Alipay notify), an adapter around the
//! pure verification of each wallet's module: axum on a bound address, each request
//! verified (signature, mac, checksum) before anything else, answered exactly as the
//! wallet requires, and a verified one handed to the counter only as a *hint* naming an
//! order — the counter asks the wallet itself before journaling anything. Refusals are
//! logged with the order id and the reason, never the body or a key.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use tokio::net::TcpListener;

use super::{alipay, momo, vnpay, zalopay, Wallet};

/// The paths each wallet is configured to call (`http(s)://<public address><PATH>`).
pub const MOMO_PATH: &str = "/momo/ipn";
pub const ZALOPAY_PATH: &str = "/zalopay/callback";
pub const VNPAY_PATH: &str = "/vnpay/ipn";
pub const ALIPAY_PATH: &str = "/alipay/notify";

/// One wallet's listener: where, and the keys that verify what arrives. `Debug` shows
/// neither key.
#[derive(Clone)]
pub struct CallbackConfig {
    pub listen: SocketAddr,
    pub wallet: Wallet,
    /// MoMo: the secret key; ZaloPay: Key2; VNPAY: the secret; Alipay: Alipay's public
    /// key (PEM or one-line base64).
    pub secret: String,
    /// MoMo's access key (part of the IPN's signed string); Alipay: our app_id (a
    /// notification for another app is refused); empty for the others.
    pub access_key: String,
}

impl std::fmt::Debug for CallbackConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CallbackConfig").field("listen", &self.listen).field("wallet", &self.wallet).finish_non_exhaustive()
    }
}

/// What the counter says about a verified hint's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Known {
    /// An order of this counter: it is being asked about.
    Yes,
    /// Not an order of this counter.
    No,
}

/// What the counter does with a verified hint (wallet, merchant order id, the amount the
/// callback names in minor units — MoMo `amount`, ZaloPay `amount`, VNPAY `amount`,
/// Alipay `total_amount` in fen — when it carries one); runs on the blocking pool. The
/// counter answers `Known::No` for an order that is not its own or whose amount differs
/// from the journal's. An error answers so the wallet retries (harmless: a hint only).
pub type OnHint = Arc<dyn Fn(Wallet, String, Option<i64>) -> Result<Known, String> + Send + Sync>;

struct Listener {
    config: CallbackConfig,
    on_hint: OnHint,
}

/// Binds the configured address.
pub async fn bind(config: &CallbackConfig) -> std::io::Result<TcpListener> {
    TcpListener::bind(config.listen).await
}

/// Serves the wallet's callback path on `listener` until `stop` resolves.
pub async fn serve(
    listener: TcpListener,
    config: CallbackConfig,
    on_hint: OnHint,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let wallet = config.wallet;
    let state = Arc::new(Listener { config, on_hint });
    let app = match wallet {
        Wallet::Momo => Router::new().route(MOMO_PATH, post(momo_ipn)),
        Wallet::ZaloPay => Router::new().route(ZALOPAY_PATH, post(zalopay_callback)),
        Wallet::Vnpay => Router::new().route(VNPAY_PATH, post(vnpay_ipn)),
        Wallet::Alipay => Router::new().route(ALIPAY_PATH, post(alipay_notify)),
    }
    .with_state(state);
    tracing::info!(addr = %listener.local_addr()?, wallet = %wallet, "wallet callback listener");
    axum::serve(listener, app).with_graceful_shutdown(stop).await
}

/// Hands a verified order to the counter, off the async workers.
async fn hint(l: &Arc<Listener>, order_id: String, amount: Option<i64>) -> Result<Known, String> {
    let (l, wallet) = (l.clone(), l.config.wallet);
    tokio::task::spawn_blocking(move || (l.on_hint)(wallet, order_id, amount)).await.map_err(|e| e.to_string())?
}

/// MoMo's IPN: answered 204 once verified and known (contract §1); a bad signature or
/// an unknown order is refused (MoMo retries, nothing is recorded).
async fn momo_ipn(State(l): State<Arc<Listener>>, body: Bytes) -> Response {
    let answer = serde_json::from_slice(&body)
        .map_err(|e| super::WalletError::Decode(e.to_string()))
        .and_then(|v| momo::verify_ipn(l.config.secret.as_bytes(), &l.config.access_key, &v));
    match answer {
        Err(e) => {
            tracing::warn!(wallet = "momo", error = %e, "IPN refused");
            StatusCode::BAD_REQUEST.into_response()
        }
        Ok(a) => match hint(&l, a.order_id.clone(), a.amount).await {
            Ok(Known::Yes) => StatusCode::from_u16(momo::IPN_REPLY_STATUS).unwrap_or(StatusCode::NO_CONTENT).into_response(),
            Ok(Known::No) => {
                tracing::warn!(wallet = "momo", order_id = %a.order_id, "IPN for an order this counter does not know");
                StatusCode::NOT_FOUND.into_response()
            }
            Err(e) => {
                tracing::warn!(wallet = "momo", order_id = %a.order_id, error = %e, "IPN not acted on; MoMo will retry");
                StatusCode::SERVICE_UNAVAILABLE.into_response()
            }
        },
    }
}

/// ZaloPay's callback: `{return_code: 1, return_message: "success"}` once verified with
/// Key2; -1 on a bad mac (contract §2); 0 for an order we do not know (ZaloPay retries).
async fn zalopay_callback(State(l): State<Arc<Listener>>, body: Bytes) -> Response {
    match zalopay::verify_callback(&l.config.secret, &body) {
        Err(e) => {
            tracing::warn!(wallet = "zalopay", error = %e, "callback refused");
            Json(zalopay::callback_reply(zalopay::CallbackReply::BadMac)).into_response()
        }
        Ok(c) => match hint(&l, c.app_trans_id.clone(), Some(c.amount)).await {
            Ok(Known::Yes) => Json(zalopay::callback_reply(zalopay::CallbackReply::Received)).into_response(),
            Ok(Known::No) => {
                tracing::warn!(wallet = "zalopay", order_id = %c.app_trans_id, "callback for an order this counter does not know");
                Json(serde_json::json!({"return_code": 0, "return_message": "unknown order"})).into_response()
            }
            Err(e) => {
                tracing::warn!(wallet = "zalopay", order_id = %c.app_trans_id, error = %e, "callback not acted on; ZaloPay will retry");
                Json(serde_json::json!({"return_code": 0, "return_message": "retry"})).into_response()
            }
        },
    }
}

/// VNPAY's IPN: `{code: "00"}` once verified (contract §3); 06 for a bad checksum, 04
/// for an order we do not know.
async fn vnpay_ipn(State(l): State<Arc<Listener>>, body: Bytes) -> Response {
    match vnpay::verify_ipn(&l.config.secret, &body) {
        Err(e) => {
            tracing::warn!(wallet = "vnpay", error = %e, "IPN refused");
            let reply = match e {
                super::WalletError::BadSignature => vnpay::IpnReply::BadChecksum,
                _ => vnpay::IpnReply::NotMatched,
            };
            Json(vnpay::ipn_reply(reply)).into_response()
        }
        Ok(ipn) => match hint(&l, ipn.txn_id.clone(), Some(ipn.amount)).await {
            Ok(Known::Yes) => Json(vnpay::ipn_reply(vnpay::IpnReply::Received)).into_response(),
            Ok(Known::No) => {
                tracing::warn!(wallet = "vnpay", order_id = %ipn.txn_id, "IPN for an order this counter does not know");
                Json(vnpay::ipn_reply(vnpay::IpnReply::NotMatched)).into_response()
            }
            Err(e) => {
                tracing::warn!(wallet = "vnpay", order_id = %ipn.txn_id, error = %e, "IPN not acted on; VNPAY will retry");
                StatusCode::SERVICE_UNAVAILABLE.into_response()
            }
        },
    }
}

/// Alipay's notify (a form POST): the literal `success` (HTTP 200, text/plain) once
/// verified with Alipay's public key, for our app_id, and taken by the counter; `fail`
/// otherwise — bad signature, another app, an order this counter does not know or whose
/// amount differs (`Known::No`), or the counter could not act (Alipay resends).
async fn alipay_notify(State(l): State<Arc<Listener>>, body: Bytes) -> Response {
    let reply = |text: &'static str| (StatusCode::OK, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response();
    match alipay::verify_notify(&l.config.secret, &l.config.access_key, &body) {
        Err(e) => {
            tracing::warn!(wallet = "alipay", error = %e, "notify refused");
            reply(alipay::NOTIFY_REFUSE)
        }
        Ok(n) => match hint(&l, n.out_trade_no.clone(), Some(n.total_fen)).await {
            Ok(Known::Yes) => reply(alipay::NOTIFY_REPLY),
            Ok(Known::No) => {
                tracing::warn!(wallet = "alipay", order_id = %n.out_trade_no, "notify for an order this counter does not know, or in another amount");
                reply(alipay::NOTIFY_REFUSE)
            }
            Err(e) => {
                tracing::warn!(wallet = "alipay", order_id = %n.out_trade_no, error = %e, "notify not acted on; Alipay will resend");
                reply(alipay::NOTIFY_REFUSE)
            }
        },
    }
}
