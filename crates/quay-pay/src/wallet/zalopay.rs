//! ZaloPay v2 (contract §2): the till creates an order and renders its `qr_code`; the
//! customer pays in the ZaloPay app; the till polls `query` (the outcome) and takes the
//! callback as a hint. key1 signs requests (HMAC-SHA256, `|`-joined fields), key2
//! verifies callbacks. ZaloPay's answers to create/query/refund carry no mac: they are
//! trusted through TLS only, and never enough on their own for a payment to be taken
//! against another amount (the caller checks the amount against its journal).
//!
//! There is no cancel: past the QR's deadline the caller keeps querying until 1 or 2 (a
//! late 1 is a late payment). `expire_duration_seconds` is sent as that deadline.

use std::fmt;
use std::time::Duration;

use serde_json::{json, Value};

use super::sign::{hex_eq, hmac_sha256_hex};
use super::{amount, field_text, int_field, join, WalletError, WalletStatus};

/// One HTTP call's limit.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(15);

pub const PATH_CREATE: &str = "/v2/create";
pub const PATH_QUERY: &str = "/v2/query";
pub const PATH_REFUND: &str = "/v2/refund";
pub const PATH_QUERY_REFUND: &str = "/v2/query_refund";

/// `item` and `embed_data` as sent (and signed): an empty list and an empty object.
pub const ITEM: &str = "[]";
pub const EMBED_DATA: &str = "{}";

#[derive(Clone)]
pub struct ZaloPayConfig {
    /// `https://sb-openapi.zalopay.vn` or `https://openapi.zalopay.vn`.
    pub url: String,
    pub app_id: String,
    pub key1: String,
    pub key2: String,
    pub callback_url: Option<String>,
}

impl fmt::Debug for ZaloPayConfig {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("ZaloPayConfig")
            .field("url", &self.url)
            .field("app_id", &self.app_id)
            .field("key1", &"********")
            .field("key2", &"********")
            .field("callback_url", &self.callback_url)
            .finish()
    }
}

/// create's mac input: `app_id|app_trans_id|app_user|amount|app_time|embed_data|item`.
pub fn create_mac_input(
    app_id: &str,
    app_trans_id: &str,
    app_user: &str,
    amount: i64,
    app_time_ms: i64,
    embed_data: &str,
    item: &str,
) -> String {
    format!("{app_id}|{app_trans_id}|{app_user}|{amount}|{app_time_ms}|{embed_data}|{item}")
}

/// query's mac input: `app_id|app_trans_id|key1`.
pub fn query_mac_input(app_id: &str, app_trans_id: &str, key1: &str) -> String {
    format!("{app_id}|{app_trans_id}|{key1}")
}

/// refund's mac input: `app_id|zp_trans_id|amount|description|timestamp`.
pub fn refund_mac_input(app_id: &str, zp_trans_id: &str, amount: i64, description: &str, timestamp_ms: i64) -> String {
    format!("{app_id}|{zp_trans_id}|{amount}|{description}|{timestamp_ms}")
}

/// query_refund's mac input: `app_id|m_refund_id|timestamp`.
pub fn query_refund_mac_input(app_id: &str, m_refund_id: &str, timestamp_ms: i64) -> String {
    format!("{app_id}|{m_refund_id}|{timestamp_ms}")
}

pub fn mac(key: &str, input: &str) -> String {
    hmac_sha256_hex(key.as_bytes(), input)
}

/// What create gave back when it worked (return_code 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZaloCreated {
    /// The text to render as the QR.
    pub qr_code: String,
    pub order_url: String,
    pub zp_trans_token: String,
    pub order_token: Option<String>,
}

/// create's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZaloCreateAnswer {
    pub return_code: i64,
    pub return_message: String,
    pub sub_return_code: Option<i64>,
    pub sub_return_message: String,
    /// Set for return_code 1 (with a qr_code).
    pub created: Option<ZaloCreated>,
}

impl ZaloCreateAnswer {
    /// 1 → `Waiting` (shown, not paid) · 2/-68 (app_trans_id already used) → `Waiting`,
    /// query it · other 2 → `Refused`, nothing created · unknown → `Waiting` (query).
    pub fn status(&self) -> WalletStatus {
        let code = code_text(self.return_code, self.sub_return_code);
        match (self.return_code, self.sub_return_code) {
            (1, _) if self.created.is_some() => WalletStatus::Waiting { code },
            (2, Some(-68)) => WalletStatus::Waiting { code },
            (2, _) => WalletStatus::Refused { code, message: self.message() },
            _ => WalletStatus::Waiting { code },
        }
    }

    fn message(&self) -> String {
        if self.sub_return_message.is_empty() {
            self.return_message.clone()
        } else {
            self.sub_return_message.clone()
        }
    }
}

/// `return_code` or `return_code/sub_return_code` as the journal keeps it.
fn code_text(return_code: i64, sub: Option<i64>) -> String {
    match sub {
        Some(s) if s != return_code => format!("{return_code}/{s}"),
        _ => return_code.to_string(),
    }
}

/// query's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZaloAnswer {
    pub return_code: i64,
    pub return_message: String,
    pub sub_return_code: Option<i64>,
    pub sub_return_message: String,
    pub is_processing: bool,
    pub amount: Option<i64>,
    /// The payment's reference (absent or 0 until paid).
    pub zp_trans_id: Option<String>,
    pub server_time: Option<i64>,
    pub discount_amount: Option<i64>,
}

impl ZaloAnswer {
    /// 1 paid (zp_trans_id, amount) · 3 waiting (is_processing: the customer is
    /// confirming) · 2/-92 never created → `NotFound` · 2/-401, -402 → `Refused` (our
    /// request) · other 2 (-54 expired, -329 cancelled, …) → `Declined` · unknown →
    /// `Waiting`. A 1 without zp_trans_id or amount is `Waiting` (query again).
    pub fn status(&self) -> WalletStatus {
        let code = code_text(self.return_code, self.sub_return_code);
        let message = if self.sub_return_message.is_empty() { self.return_message.clone() } else { self.sub_return_message.clone() };
        match (self.return_code, self.sub_return_code) {
            (1, _) => match (&self.zp_trans_id, self.amount) {
                (Some(reference), Some(amount)) => WalletStatus::Paid { reference: reference.clone(), amount },
                _ => WalletStatus::Waiting { code },
            },
            (3, _) => WalletStatus::Waiting { code },
            (2, Some(-92)) => WalletStatus::NotFound { code },
            (2, Some(-401 | -402)) => WalletStatus::Refused { code, message },
            (2, _) => WalletStatus::Declined { code, message },
            _ => WalletStatus::Waiting { code },
        }
    }
}

/// refund's and query_refund's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZaloRefundAnswer {
    pub return_code: i64,
    pub return_message: String,
    pub sub_return_code: Option<i64>,
    pub sub_return_message: String,
    /// ZaloPay's refund id, when given.
    pub refund_id: Option<String>,
    /// Our m_refund_id (the reference when ZaloPay gives no refund_id).
    pub m_refund_id: String,
    /// The refunded amount: the requested one for `refund`; for `query_refund` the
    /// answer's `amount`, else 0 (ZaloPay did not say: the journal's amount applies).
    pub amount: i64,
}

impl ZaloRefundAnswer {
    /// 1 done → `Paid` (reference = refund_id, else m_refund_id) · 3 processing →
    /// `Waiting` (query_refund) · 2/-92 → `NotFound` · other 2 → `Refused` · unknown →
    /// `Waiting`.
    pub fn status(&self) -> WalletStatus {
        let code = code_text(self.return_code, self.sub_return_code);
        let message = if self.sub_return_message.is_empty() { self.return_message.clone() } else { self.sub_return_message.clone() };
        match (self.return_code, self.sub_return_code) {
            (1, _) => {
                WalletStatus::Paid { reference: self.refund_id.clone().unwrap_or_else(|| self.m_refund_id.clone()), amount: self.amount }
            }
            (3, _) => WalletStatus::Waiting { code },
            (2, Some(-92)) => WalletStatus::NotFound { code },
            (2, _) => WalletStatus::Refused { code, message },
            _ => WalletStatus::Waiting { code },
        }
    }
}

/// Reads a query answer (pure).
pub fn read_query(v: &Value) -> Result<ZaloAnswer, WalletError> {
    let (return_code, return_message, sub_return_code, sub_return_message) = common(v)?;
    let text = |k: &str| Some(field_text(v.get(k))).filter(|s| !s.is_empty() && s != "0");
    Ok(ZaloAnswer {
        return_code,
        return_message,
        sub_return_code,
        sub_return_message,
        is_processing: v.get("is_processing").and_then(Value::as_bool).unwrap_or(false),
        amount: int_field(v.get("amount")).filter(|a| *a > 0),
        zp_trans_id: text("zp_trans_id"),
        server_time: int_field(v.get("server_time")),
        discount_amount: int_field(v.get("discount_amount")),
    })
}

/// Reads a create answer (pure).
pub fn read_create(v: &Value) -> Result<ZaloCreateAnswer, WalletError> {
    let (return_code, return_message, sub_return_code, sub_return_message) = common(v)?;
    let text = |k: &str| field_text(v.get(k));
    let created = (return_code == 1 && !text("qr_code").is_empty()).then(|| ZaloCreated {
        qr_code: text("qr_code"),
        order_url: text("order_url"),
        zp_trans_token: text("zp_trans_token"),
        order_token: Some(text("order_token")).filter(|s| !s.is_empty()),
    });
    Ok(ZaloCreateAnswer { return_code, return_message, sub_return_code, sub_return_message, created })
}

/// Reads a refund / query_refund answer (pure).
pub fn read_refund(v: &Value, m_refund_id: &str, requested: Option<i64>) -> Result<ZaloRefundAnswer, WalletError> {
    let (return_code, return_message, sub_return_code, sub_return_message) = common(v)?;
    Ok(ZaloRefundAnswer {
        return_code,
        return_message,
        sub_return_code,
        sub_return_message,
        refund_id: Some(field_text(v.get("refund_id"))).filter(|s| !s.is_empty() && s != "0"),
        m_refund_id: m_refund_id.to_string(),
        amount: requested.or_else(|| int_field(v.get("amount"))).unwrap_or(0),
    })
}

fn common(v: &Value) -> Result<(i64, String, Option<i64>, String), WalletError> {
    let return_code = int_field(v.get("return_code")).ok_or_else(|| WalletError::Decode("ZaloPay answer without return_code".into()))?;
    Ok((return_code, field_text(v.get("return_message")), int_field(v.get("sub_return_code")), field_text(v.get("sub_return_message"))))
}

/// A verified payment callback's data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZaloCallback {
    pub app_id: String,
    pub app_trans_id: String,
    pub app_time: Option<i64>,
    pub app_user: String,
    pub amount: i64,
    pub zp_trans_id: String,
    pub server_time: Option<i64>,
    pub channel: Option<i64>,
    pub user_fee_amount: Option<i64>,
    pub discount_amount: Option<i64>,
    pub embed_data: String,
    pub item: String,
}

/// Verifies a callback body `{data, mac, type}`: mac = HMAC-SHA256(key2, data) over data
/// *as received* (never re-serialised). Bad mac → `BadSignature` (reply -1).
pub fn verify_callback(key2: &str, body: &[u8]) -> Result<ZaloCallback, WalletError> {
    let outer: Value = serde_json::from_slice(body).map_err(|e| WalletError::Decode(format!("callback: {e}")))?;
    let data = outer.get("data").and_then(Value::as_str).ok_or_else(|| WalletError::Decode("callback without data".into()))?;
    let received = outer.get("mac").and_then(Value::as_str).unwrap_or("");
    if !hex_eq(&mac(key2, data), received) {
        return Err(WalletError::BadSignature);
    }
    let d: Value = serde_json::from_str(data).map_err(|e| WalletError::Decode(format!("callback data: {e}")))?;
    let need =
        |k: &str| Some(field_text(d.get(k))).filter(|s| !s.is_empty()).ok_or_else(|| WalletError::Decode(format!("callback without {k}")));
    Ok(ZaloCallback {
        app_id: need("app_id")?,
        app_trans_id: need("app_trans_id")?,
        app_time: int_field(d.get("app_time")),
        app_user: field_text(d.get("app_user")),
        amount: int_field(d.get("amount")).ok_or_else(|| WalletError::Decode("callback amount is not an integer".into()))?,
        zp_trans_id: need("zp_trans_id")?,
        server_time: int_field(d.get("server_time")),
        channel: int_field(d.get("channel")),
        user_fee_amount: int_field(d.get("user_fee_amount")),
        discount_amount: int_field(d.get("discount_amount")),
        embed_data: field_text(d.get("embed_data")),
        item: field_text(d.get("item")),
    })
}

/// How the callback was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallbackReply {
    /// Verified and recorded: 1 "success".
    Received,
    /// Already recorded before: 2.
    AlreadyDone,
    /// The mac did not match: -1 (ZaloPay retries).
    BadMac,
}

/// The JSON body to answer a callback with (HTTP 200).
pub fn callback_reply(reply: CallbackReply) -> Value {
    match reply {
        CallbackReply::Received => json!({"return_code": 1, "return_message": "success"}),
        CallbackReply::AlreadyDone => json!({"return_code": 2, "return_message": "already done"}),
        CallbackReply::BadMac => json!({"return_code": -1, "return_message": "mac not equal"}),
    }
}

/// `application/x-www-form-urlencoded` of the pairs (what ZaloPay's samples send).
pub fn form_encode(pairs: &[(&str, String)]) -> String {
    fn enc(s: &str, out: &mut String) {
        for b in s.bytes() {
            match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => out.push(b as char),
                b' ' => out.push('+'),
                _ => out.push_str(&format!("%{b:02X}")),
            }
        }
    }
    let mut out = String::new();
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        enc(k, &mut out);
        out.push('=');
        enc(v, &mut out);
    }
    out
}

/// app_trans_id: `yymmdd_` + `[0-9A-Za-z._-]`, ≤ 40.
fn check_app_trans_id(id: &str) -> Result<(), WalletError> {
    let b = id.as_bytes();
    let ok = b.len() > 7
        && b.len() <= 40
        && b[..6].iter().all(u8::is_ascii_digit)
        && b[6] == b'_'
        && b[7..].iter().all(|c| c.is_ascii_alphanumeric() || b"._-".contains(c));
    if ok {
        Ok(())
    } else {
        Err(WalletError::Invalid(format!("ZaloPay app_trans_id {id:?}: yymmdd_ + [0-9A-Za-z._-], ≤ 40")))
    }
}

/// The client. `Debug` never shows key1/key2.
#[derive(Clone)]
pub struct ZaloPayClient {
    http: reqwest::Client,
    cfg: ZaloPayConfig,
    timeout: Duration,
}

impl fmt::Debug for ZaloPayClient {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("ZaloPayClient").field("cfg", &self.cfg).field("timeout", &self.timeout).finish()
    }
}

impl ZaloPayClient {
    pub fn new(cfg: ZaloPayConfig) -> Result<ZaloPayClient, WalletError> {
        if cfg.app_id.is_empty() || !cfg.app_id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(WalletError::Config("ZaloPay app_id must be a number".into()));
        }
        if cfg.key1.is_empty() || cfg.key2.is_empty() {
            return Err(WalletError::Config("ZaloPay key1 and key2 are required".into()));
        }
        Ok(ZaloPayClient { http: super::http_client(), cfg, timeout: CALL_TIMEOUT })
    }

    pub fn with_timeout(mut self, timeout: Duration) -> ZaloPayClient {
        self.timeout = timeout;
        self
    }

    pub fn config(&self) -> &ZaloPayConfig {
        &self.cfg
    }

    /// The create request's form pairs, signed (pure; `app_time_ms` from the caller's clock).
    pub fn create_form(
        &self,
        app_trans_id: &str,
        amount: i64,
        description: &str,
        app_user: &str,
        app_time_ms: i64,
        expire_s: u64,
    ) -> Vec<(&'static str, String)> {
        let c = &self.cfg;
        let m = mac(&c.key1, &create_mac_input(&c.app_id, app_trans_id, app_user, amount, app_time_ms, EMBED_DATA, ITEM));
        let mut pairs = vec![
            ("app_id", c.app_id.clone()),
            ("app_user", app_user.to_string()),
            ("app_trans_id", app_trans_id.to_string()),
            ("app_time", app_time_ms.to_string()),
            ("amount", amount.to_string()),
            ("item", ITEM.to_string()),
            ("embed_data", EMBED_DATA.to_string()),
            ("description", description.to_string()),
            ("expire_duration_seconds", expire_s.to_string()),
        ];
        if let Some(cb) = &c.callback_url {
            pairs.push(("callback_url", cb.clone()));
        }
        pairs.push(("mac", m));
        pairs
    }

    /// `create`: an order to show as a QR. `expire_s` = the QR's deadline (1–2,592,000 s).
    /// A lost answer is settled by `query` (never-created → 2/-92: create again with the
    /// same app_trans_id, which is still today's).
    pub async fn create(
        &self,
        app_trans_id: &str,
        amount: i64,
        description: &str,
        app_user: &str,
        app_time_ms: i64,
        expire_s: u64,
    ) -> Result<ZaloCreateAnswer, WalletError> {
        check_app_trans_id(app_trans_id)?;
        amount::positive(amount)?;
        if !(1..=2_592_000).contains(&expire_s) {
            return Err(WalletError::Invalid(format!("ZaloPay expire_duration_seconds {expire_s} outside 1–2592000")));
        }
        if app_user.is_empty() || description.is_empty() {
            return Err(WalletError::Invalid("ZaloPay app_user and description are required".into()));
        }
        let form = self.create_form(app_trans_id, amount, description, app_user, app_time_ms, expire_s);
        read_create(&self.call(PATH_CREATE, &form).await?)
    }

    /// `query`: the order's state.
    pub async fn query(&self, app_trans_id: &str) -> Result<ZaloAnswer, WalletError> {
        check_app_trans_id(app_trans_id)?;
        let c = &self.cfg;
        let m = mac(&c.key1, &query_mac_input(&c.app_id, app_trans_id, &c.key1));
        let form = [("app_id", c.app_id.clone()), ("app_trans_id", app_trans_id.to_string()), ("mac", m)];
        read_query(&self.call(PATH_QUERY, &form).await?)
    }

    /// `refund` of (part of) a paid order: `m_refund_id` from `order_id::zalopay_refund`,
    /// `timestamp_ms` from the caller's clock. Usually answers 3 first: `query_refund`.
    pub async fn refund(
        &self,
        m_refund_id: &str,
        zp_trans_id: &str,
        amount: i64,
        description: &str,
        timestamp_ms: i64,
    ) -> Result<ZaloRefundAnswer, WalletError> {
        amount::positive(amount)?;
        if m_refund_id.is_empty() || m_refund_id.len() > 45 {
            return Err(WalletError::Invalid(format!("ZaloPay m_refund_id {m_refund_id:?}: 1–45 characters")));
        }
        let c = &self.cfg;
        let m = mac(&c.key1, &refund_mac_input(&c.app_id, zp_trans_id, amount, description, timestamp_ms));
        let form = [
            ("app_id", c.app_id.clone()),
            ("m_refund_id", m_refund_id.to_string()),
            ("zp_trans_id", zp_trans_id.to_string()),
            ("amount", amount.to_string()),
            ("timestamp", timestamp_ms.to_string()),
            ("description", description.to_string()),
            ("mac", m),
        ];
        read_refund(&self.call(PATH_REFUND, &form).await?, m_refund_id, Some(amount))
    }

    /// `query_refund`: the refund's state.
    pub async fn query_refund(&self, m_refund_id: &str, timestamp_ms: i64) -> Result<ZaloRefundAnswer, WalletError> {
        let c = &self.cfg;
        let m = mac(&c.key1, &query_refund_mac_input(&c.app_id, m_refund_id, timestamp_ms));
        let form =
            [("app_id", c.app_id.clone()), ("m_refund_id", m_refund_id.to_string()), ("timestamp", timestamp_ms.to_string()), ("mac", m)];
        read_refund(&self.call(PATH_QUERY_REFUND, &form).await?, m_refund_id, None)
    }

    async fn call(&self, path: &str, form: &[(&str, String)]) -> Result<Value, WalletError> {
        let body = form_encode(form).into_bytes();
        let reply = super::post(&self.http, &join(&self.cfg.url, path), "application/x-www-form-urlencoded", body, self.timeout).await?;
        reply.json()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_encoding() {
        let s = form_encode(&[("a b", "x&y=z".into()), ("d", "Thanh toán #1".into()), ("e", "{}".into())]);
        assert_eq!(s, "a+b=x%26y%3Dz&d=Thanh+to%C3%A1n+%231&e=%7B%7D");
    }

    #[test]
    fn app_trans_ids() {
        assert!(check_app_trans_id("260309_abc-1.x_2").is_ok());
        for bad in ["", "260309_", "26039_abc", "260309-abc", "260309_a b", &format!("260309_{}", "a".repeat(34))] {
            assert!(check_app_trans_id(bad).is_err(), "{bad}");
        }
        assert!(check_app_trans_id(&format!("260309_{}", "a".repeat(33))).is_ok());
    }
}
