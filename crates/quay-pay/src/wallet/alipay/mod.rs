//! Alipay face-to-face on the classic gateway (contract §4, wave2 §2): the cashier scans
//! the customer's code (`alipay.trade.pay`, scene `bar_code`) or the till shows a dynamic
//! QR (`alipay.trade.precreate`); `query`, `cancel`, `close`, `refund` and the refund
//! query settle the trade; the smart-store APIs register the shop, items, orders and
//! vouchers. Amounts are CNY: yuan strings on trades, integer fen on item prices — both
//! through `wallet::cny`.
//!
//! Every request is signed RSA2 (SHA256withRSA) with the app's private key over its
//! sorted, non-empty parameters; every answer is verified with Alipay's public key over
//! its raw text before its code means anything (`sign`). Common parameters go in the
//! query string of `POST {url}/gateway.do`, `biz_content` in the form body. `ts` is the
//! request time in Beijing time (`yyyy-MM-dd HH:mm:ss`), a parameter: nothing here reads
//! a clock, and nothing retries. Choices where the documents are silent: docs/ALIPAY.md.

pub mod notify;
pub mod sign;
pub mod store;
pub mod trade;

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

use chrono::NaiveDateTime;
use serde_json::{json, Value};

use super::{cny, code, join, WalletError};

pub use notify::{verify_notify, verify_notify_with, AlipayNotify, NOTIFY_REFUSE, NOTIFY_REPLY};
pub use sign::{response_key, sign_content, verify_response, AlipayAnswer, AlipayKey, AppKey};
pub use store::{Item, OrderLine, OrderSync, ShopInfo, ShopOrderAnswer, ShopReview, Sku, VoucherAnswer};
pub use trade::{
    cancel_retry_offsets, query_offsets, sub_code_message_id, CancelAnswer, CancelOutcome, RefundAnswer, TradeAnswer, VoucherDetail,
    CANCEL_RETRIES, CANCEL_RETRY_EVERY, FIRST_QUERY_AFTER, PAY_TIMEOUT_EXPRESS, QUERY_EVERY, QUERY_UNTIL,
};

pub const METHOD_PAY: &str = "alipay.trade.pay";
pub const METHOD_PRECREATE: &str = "alipay.trade.precreate";
pub const METHOD_QUERY: &str = "alipay.trade.query";
pub const METHOD_CANCEL: &str = "alipay.trade.cancel";
pub const METHOD_CLOSE: &str = "alipay.trade.close";
pub const METHOD_REFUND: &str = "alipay.trade.refund";
pub const METHOD_REFUND_QUERY: &str = "alipay.trade.fastpay.refund.query";

/// The gateway's path under the configured base URL.
pub const GATEWAY_PATH: &str = "gateway.do";

/// A reasonable per-call limit for `AlipayConfig::timeout` (the app sets its own).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);

/// The request time's format (Beijing time).
pub const TIMESTAMP_FORMAT: &str = "%Y-%m-%d %H:%M:%S";

#[derive(Clone)]
pub struct AlipayConfig {
    /// The gateway's base: the client posts to `{url}/gateway.do` (a URL already ending
    /// in `/gateway.do` is used as it is).
    pub url: String,
    pub app_id: String,
    /// The app's RSA private key: PEM (`PRIVATE KEY` PKCS#8, or `RSA PRIVATE KEY`), or
    /// one line of base64.
    pub app_private_key: String,
    /// Alipay's public key: PEM `PUBLIC KEY`, or one line of base64 as the console shows.
    pub alipay_public_key: String,
    /// Sent as `notify_url` with pay and precreate when set.
    pub notify_url: Option<String>,
    /// The merchant's store code, sent as `store_id` with pay and precreate.
    pub store_id: Option<String>,
    /// Sent as `terminal_id` with pay and precreate.
    pub terminal_id: Option<String>,
    /// One HTTP call's limit.
    pub timeout: Duration,
}

impl fmt::Debug for AlipayConfig {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("AlipayConfig")
            .field("url", &self.url)
            .field("app_id", &self.app_id)
            .field("app_private_key", &"********")
            .field("alipay_public_key", &"(set)")
            .field("notify_url", &self.notify_url)
            .field("store_id", &self.store_id)
            .field("terminal_id", &self.terminal_id)
            .field("timeout", &self.timeout)
            .finish()
    }
}

/// out_trade_no / out_request_no / out_biz_no: 1–64 of `[A-Za-z0-9_]`.
pub fn check_no(what: &str, id: &str) -> Result<(), WalletError> {
    if (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        Ok(())
    } else {
        Err(WalletError::Invalid(format!("Alipay {what} {id:?}: 1–64 of [A-Za-z0-9_]")))
    }
}

/// subject: 1–256 characters, none of `/ = &`.
pub fn check_subject(subject: &str) -> Result<(), WalletError> {
    let n = subject.chars().count();
    if (1..=256).contains(&n) && !subject.contains(['/', '=', '&']) {
        Ok(())
    } else {
        Err(WalletError::Invalid("Alipay subject: 1–256 characters, no / = &".into()))
    }
}

/// timeout_express: `<n>m|h|d` from 1m to 15d, or `1c` (end of the day).
pub fn check_timeout_express(t: &str) -> Result<(), WalletError> {
    let bad = || WalletError::Invalid(format!("Alipay timeout_express {t:?}: 1m–15d as <n>m|h|d, or 1c"));
    if t == "1c" {
        return Ok(());
    }
    let (n, unit) = t.split_at(t.len().saturating_sub(1));
    if n.is_empty() || n.len() > 5 || !n.bytes().all(|b| b.is_ascii_digit()) || n.starts_with('0') {
        return Err(bad());
    }
    let n: u32 = n.parse().map_err(|_| bad())?;
    let minutes = match unit {
        "m" => n,
        "h" => n * 60,
        "d" => n * 1440,
        _ => return Err(bad()),
    };
    if (1..=15 * 1440).contains(&minutes) {
        Ok(())
    } else {
        Err(bad())
    }
}

/// The Beijing request time as Alipay wants it.
pub fn timestamp(ts: NaiveDateTime) -> String {
    ts.format(TIMESTAMP_FORMAT).to_string()
}

/// biz_content's text: compact JSON with every object's keys sorted a–z, whatever
/// serde_json's map order is in this build (so the signed text is reproducible).
pub fn biz_text(v: &Value) -> String {
    let mut out = String::new();
    write_sorted(v, &mut out);
    out
}

fn write_sorted(v: &Value, out: &mut String) {
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                write_sorted(&m[k], out);
            }
            out.push('}');
        }
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_sorted(x, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// pay's biz_content (pure; the code already checked).
pub fn pay_biz(cfg: &AlipayConfig, out_trade_no: &str, auth_code: &str, subject: &str, total_yuan: &str) -> Value {
    let mut biz = json!({
        "out_trade_no": out_trade_no,
        "scene": "bar_code",
        "auth_code": auth_code,
        "product_code": "FACE_TO_FACE_PAYMENT",
        "subject": subject,
        "total_amount": total_yuan,
        "timeout_express": PAY_TIMEOUT_EXPRESS,
    });
    add_store(cfg, &mut biz);
    biz
}

/// precreate's biz_content (pure).
pub fn precreate_biz(cfg: &AlipayConfig, out_trade_no: &str, subject: &str, total_yuan: &str, timeout_express: &str) -> Value {
    let mut biz = json!({
        "out_trade_no": out_trade_no,
        "subject": subject,
        "total_amount": total_yuan,
        "product_code": "FACE_TO_FACE_PAYMENT",
        "timeout_express": timeout_express,
    });
    add_store(cfg, &mut biz);
    biz
}

fn add_store(cfg: &AlipayConfig, biz: &mut Value) {
    let m = biz.as_object_mut().expect("object");
    if let Some(s) = cfg.store_id.as_ref().filter(|s| !s.is_empty()) {
        m.insert("store_id".into(), json!(s));
    }
    if let Some(t) = cfg.terminal_id.as_ref().filter(|s| !s.is_empty()) {
        m.insert("terminal_id".into(), json!(t));
    }
}

/// The client. `Debug` never shows the keys.
#[derive(Clone)]
pub struct AlipayClient {
    http: reqwest::Client,
    cfg: AlipayConfig,
    app_key: AppKey,
    alipay_key: AlipayKey,
}

impl fmt::Debug for AlipayClient {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("AlipayClient").field("cfg", &self.cfg).finish_non_exhaustive()
    }
}

impl AlipayClient {
    /// Parses both keys now: a bad key is a settings error at start-up, not a failed sale.
    pub fn new(cfg: AlipayConfig) -> Result<AlipayClient, WalletError> {
        if cfg.app_id.trim().is_empty() {
            return Err(WalletError::Config("Alipay app_id is required".into()));
        }
        if !(cfg.url.starts_with("http://") || cfg.url.starts_with("https://")) {
            return Err(WalletError::Config("Alipay URL must start with http:// or https://".into()));
        }
        let app_key = AppKey::parse(&cfg.app_private_key)?;
        let alipay_key = AlipayKey::parse(&cfg.alipay_public_key)?;
        Ok(AlipayClient { http: super::http_client(), cfg, app_key, alipay_key })
    }

    pub fn config(&self) -> &AlipayConfig {
        &self.cfg
    }

    /// The gateway URL calls go to.
    pub fn gateway_url(&self) -> String {
        if self.cfg.url.trim_end_matches('/').ends_with("/gateway.do") {
            self.cfg.url.trim_end_matches('/').to_string()
        } else {
            join(&self.cfg.url, GATEWAY_PATH)
        }
    }

    /// The signed parameters of one call (pure): app_id, method, charset utf-8,
    /// sign_type RSA2, timestamp, version 1.0, notify_url (when asked and configured),
    /// biz_content, sign.
    pub fn signed_params(&self, method: &str, biz_content: &str, with_notify: bool, ts: NaiveDateTime) -> BTreeMap<String, String> {
        let mut p = BTreeMap::new();
        p.insert("app_id".to_string(), self.cfg.app_id.clone());
        p.insert("method".to_string(), method.to_string());
        p.insert("charset".to_string(), "utf-8".to_string());
        p.insert("sign_type".to_string(), "RSA2".to_string());
        p.insert("timestamp".to_string(), timestamp(ts));
        p.insert("version".to_string(), "1.0".to_string());
        if with_notify {
            if let Some(u) = self.cfg.notify_url.as_ref().filter(|u| !u.is_empty()) {
                p.insert("notify_url".to_string(), u.clone());
            }
        }
        p.insert("biz_content".to_string(), biz_content.to_string());
        let sign = self.app_key.sign(&sign_content(&p));
        p.insert("sign".to_string(), sign);
        p
    }

    /// One call: common parameters in the query, biz_content in the form body; the
    /// answer verified (`verify_response`).
    async fn call(&self, method: &str, biz: &Value, with_notify: bool, ts: NaiveDateTime) -> Result<AlipayAnswer, WalletError> {
        let biz_content = biz_text(biz);
        let params = self.signed_params(method, &biz_content, with_notify, ts);
        let query: Vec<(&str, String)> =
            params.iter().filter(|(k, _)| k.as_str() != "biz_content").map(|(k, v)| (k.as_str(), v.clone())).collect();
        let url = format!("{}?{}", self.gateway_url(), super::zalopay::form_encode(&query));
        let body = super::zalopay::form_encode(&[("biz_content", biz_content)]);
        let reply =
            super::post(&self.http, &url, "application/x-www-form-urlencoded;charset=utf-8", body.into_bytes(), self.cfg.timeout).await?;
        if !(200..300).contains(&reply.status) {
            let body = String::from_utf8_lossy(&reply.bytes).chars().take(200).collect();
            return Err(WalletError::Http { status: reply.status, body });
        }
        let raw = std::str::from_utf8(&reply.bytes).map_err(|_| WalletError::Decode("Alipay answer is not UTF-8".into()))?;
        verify_response(&self.alipay_key, method, raw)
    }

    /// `alipay.trade.pay`, scene `bar_code`: charge the scanned code (16–24 digits
    /// starting 25–30, else nothing is sent), `total_fen` 0.01–100,000,000 yuan,
    /// `timeout_express` `PAY_TIMEOUT_EXPRESS`, store/terminal/notify_url when configured.
    pub async fn pay(
        &self,
        out_trade_no: &str,
        auth_code: &str,
        subject: &str,
        total_fen: i64,
        ts: NaiveDateTime,
    ) -> Result<TradeAnswer, WalletError> {
        check_no("out_trade_no", out_trade_no)?;
        check_subject(subject)?;
        let total = cny::yuan_fen(total_fen)?;
        let code = code::alipay_code(auth_code)?;
        let biz = pay_biz(&self.cfg, out_trade_no, code, subject, &total);
        Ok(TradeAnswer::from_answer(&self.call(METHOD_PAY, &biz, true, ts).await?))
    }

    /// `alipay.trade.precreate`: a dynamic QR (`qr_code`) for the trade.
    pub async fn precreate(
        &self,
        out_trade_no: &str,
        subject: &str,
        total_fen: i64,
        timeout_express: &str,
        ts: NaiveDateTime,
    ) -> Result<TradeAnswer, WalletError> {
        check_no("out_trade_no", out_trade_no)?;
        check_subject(subject)?;
        check_timeout_express(timeout_express)?;
        let total = cny::yuan_fen(total_fen)?;
        let biz = precreate_biz(&self.cfg, out_trade_no, subject, &total, timeout_express);
        Ok(TradeAnswer::from_answer(&self.call(METHOD_PRECREATE, &biz, true, ts).await?))
    }

    /// `alipay.trade.query` by out_trade_no.
    pub async fn query(&self, out_trade_no: &str, ts: NaiveDateTime) -> Result<TradeAnswer, WalletError> {
        check_no("out_trade_no", out_trade_no)?;
        Ok(TradeAnswer::from_answer(&self.call(METHOD_QUERY, &json!({"out_trade_no": out_trade_no}), false, ts).await?))
    }

    /// `alipay.trade.cancel`: for an unknown outcome only (a paid trade is refunded by it).
    pub async fn cancel(&self, out_trade_no: &str, ts: NaiveDateTime) -> Result<CancelAnswer, WalletError> {
        check_no("out_trade_no", out_trade_no)?;
        Ok(CancelAnswer::from_answer(&self.call(METHOD_CANCEL, &json!({"out_trade_no": out_trade_no}), false, ts).await?))
    }

    /// `alipay.trade.close`: a trade known unpaid. 10000 = closed; `ACQ.TRADE_STATUS_ERROR`
    /// = it is paid (refund it instead); `ACQ.TRADE_NOT_EXIST` = never created.
    pub async fn close(&self, out_trade_no: &str, ts: NaiveDateTime) -> Result<AlipayAnswer, WalletError> {
        check_no("out_trade_no", out_trade_no)?;
        self.call(METHOD_CLOSE, &json!({"out_trade_no": out_trade_no}), false, ts).await
    }

    /// `alipay.trade.refund`: `out_request_no` is the refund's idempotency key (the same
    /// on every repeat of this refund; a new one per partial refund).
    pub async fn refund(
        &self,
        out_trade_no: &str,
        out_request_no: &str,
        refund_fen: i64,
        reason: &str,
        ts: NaiveDateTime,
    ) -> Result<RefundAnswer, WalletError> {
        check_no("out_trade_no", out_trade_no)?;
        check_no("out_request_no", out_request_no)?;
        let amount = cny::yuan_fen(refund_fen)?;
        let mut biz = json!({"out_trade_no": out_trade_no, "refund_amount": amount, "out_request_no": out_request_no});
        if !reason.is_empty() {
            biz.as_object_mut().expect("object").insert("refund_reason".into(), json!(reason));
        }
        let a = self.call(METHOD_REFUND, &biz, false, ts).await?;
        Ok(RefundAnswer::from_answer(&a, out_request_no, Some(refund_fen), false))
    }

    /// `alipay.trade.fastpay.refund.query`: `REFUND_SUCCESS`, or no refund_status = not
    /// (yet) refunded.
    pub async fn refund_query(&self, out_trade_no: &str, out_request_no: &str, ts: NaiveDateTime) -> Result<RefundAnswer, WalletError> {
        check_no("out_trade_no", out_trade_no)?;
        check_no("out_request_no", out_request_no)?;
        let biz = json!({"out_trade_no": out_trade_no, "out_request_no": out_request_no});
        let a = self.call(METHOD_REFUND_QUERY, &biz, false, ts).await?;
        Ok(RefundAnswer::from_answer(&a, out_request_no, None, true))
    }

    /// `ant.merchant.expand.shop.create` (asynchronous): the answer's `order_id` is
    /// followed with `shop_order_query`; a repeat of the same store_id answers the same
    /// order_id (and `exist_shop_id` once approved).
    pub async fn shop_create(&self, shop: &ShopInfo, ts: NaiveDateTime) -> Result<AlipayAnswer, WalletError> {
        let biz = store::shop_create_biz(shop)?;
        self.call(store::METHOD_SHOP_CREATE, &biz, false, ts).await
    }

    /// `ant.merchant.expand.order.query`: status `031` reviewing, `99` approved
    /// (ext_info's shop_id), `-1` rejected.
    pub async fn shop_order_query(&self, order_id: &str, ts: NaiveDateTime) -> Result<ShopOrderAnswer, WalletError> {
        store::need("order_id", order_id)?;
        Ok(ShopOrderAnswer::from_answer(self.call(store::METHOD_SHOP_ORDER_QUERY, &json!({"order_id": order_id}), false, ts).await?))
    }

    /// `ant.merchant.expand.shop.query` by our store code: `SHOP_NOT_EXIST` until approved.
    pub async fn shop_query(&self, store_id: &str, ts: NaiveDateTime) -> Result<AlipayAnswer, WalletError> {
        store::shop_code(store_id)?;
        self.call(store::METHOD_SHOP_QUERY, &json!({"store_id": store_id}), false, ts).await
    }

    /// `alipay.open.app.item.create` (`OUT_ITEM_ID_EXIST` + item_id on a repeat: modify).
    pub async fn item_create(&self, item: &Item, ts: NaiveDateTime) -> Result<AlipayAnswer, WalletError> {
        self.call(store::METHOD_ITEM_CREATE, &store::item_biz(item)?, false, ts).await
    }

    /// `alipay.open.app.item.modify`: replaces what it names (the SKU list whole).
    pub async fn item_modify(&self, item: &Item, ts: NaiveDateTime) -> Result<AlipayAnswer, WalletError> {
        self.call(store::METHOD_ITEM_MODIFY, &store::item_biz(item)?, false, ts).await
    }

    /// `alipay.merchant.order.sync` (an upsert by out_biz_no).
    pub async fn order_sync(&self, order: &OrderSync, ts: NaiveDateTime) -> Result<AlipayAnswer, WalletError> {
        self.call(store::METHOD_ORDER_SYNC, &store::order_sync_biz(order)?, false, ts).await
    }

    /// `alipay.marketing.activity.ordervoucher.query {voucher_code}` (our reading [I]).
    pub async fn voucher_query(&self, code: &str, ts: NaiveDateTime) -> Result<VoucherAnswer, WalletError> {
        store::need("voucher_code", code)?;
        Ok(VoucherAnswer::from_answer(self.call(store::METHOD_VOUCHER_QUERY, &json!({"voucher_code": code}), false, ts).await?))
    }

    /// `alipay.marketing.activity.ordervoucher.use`: an out_biz_no replay gets the same
    /// answer. `biz_dt` is `ts`.
    #[allow(clippy::too_many_arguments)]
    pub async fn voucher_use(
        &self,
        activity_id: &str,
        code: &str,
        out_biz_no: &str,
        shop_id: &str,
        trade_no: Option<&str>,
        ts: NaiveDateTime,
    ) -> Result<AlipayAnswer, WalletError> {
        let biz = store::voucher_use_biz(activity_id, code, out_biz_no, shop_id, trade_no, &timestamp(ts))?;
        self.call(store::METHOD_VOUCHER_USE, &biz, false, ts).await
    }

    /// `alipay.marketing.activity.ordervoucher.refund`: gives a used voucher back.
    pub async fn voucher_refund(
        &self,
        activity_id: &str,
        code: &str,
        out_biz_no: &str,
        ts: NaiveDateTime,
    ) -> Result<AlipayAnswer, WalletError> {
        let biz = store::voucher_refund_biz(activity_id, code, out_biz_no, &timestamp(ts))?;
        self.call(store::METHOD_VOUCHER_REFUND, &biz, false, ts).await
    }
}
