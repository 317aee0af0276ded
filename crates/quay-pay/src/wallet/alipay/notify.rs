//! Alipay's asynchronous notification (a form POST to `notify_url`, sent only when the
//! request carried one): verified with Alipay's public key over every field but `sign`
//! and `sign_type`, URL-decoded, keys sorted, `k=v&…` raw; `app_id` must be ours. The
//! reply is the literal `success` (anything else and Alipay resends, ~8× over 25 h).

use std::collections::BTreeMap;

use super::super::{cny, WalletError, WalletStatus};
use super::sign::AlipayKey;

/// The exact body that tells Alipay the notification was taken.
pub const NOTIFY_REPLY: &str = "success";
/// The body for a notification not taken (bad signature, not our order, amount
/// changed): Alipay resends.
pub const NOTIFY_REFUSE: &str = "fail";

/// A verified notification.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlipayNotify {
    pub app_id: String,
    pub notify_id: String,
    pub notify_time: String,
    pub notify_type: String,
    pub out_trade_no: String,
    pub trade_no: String,
    /// `WAIT_BUYER_PAY`, `TRADE_SUCCESS`, `TRADE_FINISHED`, `TRADE_CLOSED`.
    pub trade_status: String,
    /// `total_amount` in fen.
    pub total_fen: i64,
    pub receipt_fen: Option<i64>,
    pub buyer_logon_id: Option<String>,
    pub gmt_payment: Option<String>,
    /// Every field as received (decoded), `sign` and `sign_type` included.
    pub fields: BTreeMap<String, String>,
}

impl AlipayNotify {
    /// `TRADE_SUCCESS`/`TRADE_FINISHED` → `Paid {trade_no, total}` · `TRADE_CLOSED` →
    /// `Declined` · other → `Waiting`. A hint only: the counter queries before deciding.
    pub fn status(&self) -> WalletStatus {
        match self.trade_status.as_str() {
            "TRADE_SUCCESS" | "TRADE_FINISHED" if !self.trade_no.is_empty() => {
                WalletStatus::Paid { reference: self.trade_no.clone(), amount: self.total_fen }
            }
            "TRADE_CLOSED" => WalletStatus::Declined { code: "TRADE_CLOSED".into(), message: "the trade is closed".into() },
            other => WalletStatus::Waiting { code: other.to_string() },
        }
    }
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// `application/x-www-form-urlencoded` decoding (`+` is a space); bad escapes or UTF-8
/// are refused.
pub fn url_decode(s: &str) -> Result<String, WalletError> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let (h, l) = (b.get(i + 1).copied().and_then(hex), b.get(i + 2).copied().and_then(hex));
                match (h, l) {
                    (Some(h), Some(l)) => out.push(h << 4 | l),
                    _ => return Err(WalletError::Decode("notify: bad %-escape".into())),
                }
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| WalletError::Decode("notify: not UTF-8".into()))
}

/// The form's fields, decoded. A key given twice is refused (which one was signed?).
pub fn parse_form(body: &[u8]) -> Result<BTreeMap<String, String>, WalletError> {
    let text = std::str::from_utf8(body).map_err(|_| WalletError::Decode("notify: not UTF-8".into()))?;
    let mut out = BTreeMap::new();
    for pair in text.trim().split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let (k, v) = (url_decode(k)?, url_decode(v)?);
        if out.insert(k.clone(), v).is_some() {
            return Err(WalletError::Decode(format!("notify: {k} twice")));
        }
    }
    Ok(out)
}

/// The notification's signing string: every field but `sign` and `sign_type`, sorted,
/// `k=v&…` raw; `with_empty` keeps fields whose value is empty (Alipay's SDKs drop them;
/// both readings are tried, neither can be forged without Alipay's key).
pub fn notify_sign_content(fields: &BTreeMap<String, String>, with_empty: bool) -> String {
    fields
        .iter()
        .filter(|(k, v)| k.as_str() != "sign" && k.as_str() != "sign_type" && (with_empty || !v.is_empty()))
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// Verifies a notification with a parsed key.
pub fn verify_notify_with(key: &AlipayKey, app_id: &str, body: &[u8]) -> Result<AlipayNotify, WalletError> {
    let fields = parse_form(body)?;
    let sign = fields.get("sign").map(String::as_str).unwrap_or("");
    if sign.is_empty() {
        return Err(WalletError::BadSignature);
    }
    let ok = key.verify(notify_sign_content(&fields, false).as_bytes(), sign)
        || (fields.values().any(String::is_empty) && key.verify(notify_sign_content(&fields, true).as_bytes(), sign));
    if !ok {
        return Err(WalletError::BadSignature);
    }
    let get = |k: &str| fields.get(k).cloned().unwrap_or_default();
    let opt = |k: &str| fields.get(k).filter(|v| !v.is_empty()).cloned();
    if get("app_id") != app_id {
        return Err(WalletError::Invalid(format!("notify for app_id {:?}, not ours", get("app_id"))));
    }
    let out_trade_no = get("out_trade_no");
    if out_trade_no.is_empty() {
        return Err(WalletError::Decode("notify without out_trade_no".into()));
    }
    let total_fen = cny::parse_trade_yuan(&get("total_amount")).map_err(|e| WalletError::Decode(format!("notify total_amount: {e}")))?;
    Ok(AlipayNotify {
        app_id: get("app_id"),
        notify_id: get("notify_id"),
        notify_time: get("notify_time"),
        notify_type: get("notify_type"),
        trade_no: get("trade_no"),
        trade_status: get("trade_status"),
        receipt_fen: opt("receipt_amount").and_then(|v| cny::parse_yuan(&v).ok()),
        buyer_logon_id: opt("buyer_logon_id"),
        gmt_payment: opt("gmt_payment"),
        out_trade_no,
        total_fen,
        fields,
    })
}

/// Verifies a notification body with Alipay's public key (PEM or one-line base64) and
/// our app_id: bad or missing signature → `BadSignature`; another app_id → `Invalid`;
/// `total_amount` → fen. The caller matches out_trade_no and the amount to its journal,
/// replies `NOTIFY_REPLY`, then queries.
pub fn verify_notify(alipay_public_key: &str, app_id: &str, body: &[u8]) -> Result<AlipayNotify, WalletError> {
    let key = AlipayKey::parse(alipay_public_key)?;
    verify_notify_with(&key, app_id, body)
}
