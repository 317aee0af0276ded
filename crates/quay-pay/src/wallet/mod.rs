//! Vietnamese e-wallets: MoMo POS (the cashier scans the customer's code), ZaloPay v2 and
//! VNPAY-QR (the till shows a dynamic QR the customer scans). The wire follows
//! `partners-contracts.md` §0–§3; where the partners' documents are silent the choices
//! are written down in `docs/WALLETS.md`.
//!
//! - `amount`: `Money` ↔ integer đồng, the one place a non-VND amount is refused;
//! - `cny`: `Money` / fen ↔ Alipay's yuan strings (trades) and integer fen (item prices),
//!   the one place a non-CNY amount is refused for Alipay;
//! - `code`: what a scanned code is (MoMo, Alipay, WeChat Pay) before anything is sent;
//! - `order_id`: merchant order ids per sale attempt, within each wallet's charset;
//! - `sign`: HMAC-SHA256 / MD5 helpers and a constant-time comparison;
//! - `listener`: the callbacks' server (MoMo IPN, ZaloPay callback, VNPAY IPN), each
//!   verified and handed on as a hint only;
//! - `alipay`: Alipay face-to-face on the classic gateway (RSA2, contract §4);
//! - `momo`, `zalopay`, `vnpay`: one client each, plus the pure pieces (signature strings,
//!   answer verification, result code → `WalletStatus`, callback/IPN checks and replies).
//!
//! The same rules hold for all three: the outcome is the body's result code (HTTP 200
//! even for refusals); nothing here retries or reads a clock (times come in as
//! parameters); an answer that fails its signature is `WalletError::BadSignature`,
//! which the caller treats as "unknown, query again" and never as paid.

pub mod alipay;
pub mod amount;
pub mod cny;
pub mod code;
pub mod listener;
pub mod momo;
pub mod order_id;
pub mod sign;
pub mod vnpay;
pub mod zalopay;

use std::time::Duration;

pub use amount::AmountError;
pub use code::{CodeError, CodeKind};

/// Which wallet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Wallet {
    Momo,
    ZaloPay,
    Vnpay,
    /// Alipay face-to-face (classic gateway): code scan and dynamic QR, in CNY.
    Alipay,
}

impl Wallet {
    pub const ALL: [Wallet; 4] = [Wallet::Momo, Wallet::ZaloPay, Wallet::Vnpay, Wallet::Alipay];

    /// The name stored in the payment journal and in settings.
    pub fn as_str(self) -> &'static str {
        match self {
            Wallet::Momo => "momo",
            Wallet::ZaloPay => "zalopay",
            Wallet::Vnpay => "vnpay",
            Wallet::Alipay => "alipay",
        }
    }

    pub fn parse(s: &str) -> Option<Wallet> {
        Wallet::ALL.into_iter().find(|w| w.as_str() == s)
    }
}

impl std::fmt::Display for Wallet {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a wallet said about one order (or refund), decided purely from its verified
/// answer. `code` is the wallet's own result code as text, kept for the journal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WalletStatus {
    /// Paid (or refunded, for a refund call). `reference` is the wallet's id: MoMo
    /// `transId`, ZaloPay `zp_trans_id` (refund: `refund_id`), VNPAY `qrTrace`
    /// (refund: `qrTraceRefund`). The caller still checks `amount` against the journal:
    /// a success in another amount is an anomaly, not a payment (contract §0).
    Paid { reference: String, amount: i64 },
    /// MoMo 9000: the money is held and must be confirmed (capture) or cancelled.
    Authorized { reference: String, amount: i64 },
    /// Not final: the customer is confirming, the wallet is processing, not paid yet, or
    /// a duplicate request whose first outcome must be queried. Keep polling.
    Waiting { code: String },
    /// Final, nothing charged: declined, expired, cancelled by the customer.
    Declined { code: String, message: String },
    /// The wallet has no such order: never created, so the same id may be created again.
    /// (VNPAY's 01 also means "not paid yet": see `vnpay::VnpayAnswer::status`.)
    NotFound { code: String },
    /// The request itself was refused (bad parameters, credentials, maintenance):
    /// nothing was done, nothing charged.
    Refused { code: String, message: String },
}

impl WalletStatus {
    /// Paid, declined, refused: nothing more will change for this request.
    pub fn is_final(&self) -> bool {
        matches!(self, WalletStatus::Paid { .. } | WalletStatus::Declined { .. } | WalletStatus::Refused { .. })
    }
}

/// Why a wallet call gave no usable answer. `Display` never shows keys or signatures.
#[derive(Debug, thiserror::Error)]
pub enum WalletError {
    /// No answer: connect failure, timeout, dropped connection. The request may have
    /// reached the wallet: outcome unknown, query before anything else.
    #[error("network: {detail}")]
    Network { detail: String, timed_out: bool },
    /// A non-2xx status (these partners answer business errors with HTTP 200, so this
    /// is a proxy, an outage or a wrong URL).
    #[error("HTTP {status}")]
    Http { status: u16, body: String },
    /// An answer we could not read.
    #[error("unreadable answer: {0}")]
    Decode(String),
    /// The answer's or callback's signature does not match: treat it as unknown and
    /// query — never as paid. Also the answer to a misconfigured key.
    #[error("the wallet's answer failed its signature check")]
    BadSignature,
    /// An amount in another currency than the wallet's (VND; CNY for Alipay): not
    /// comparable, never a payment.
    #[error("this wallet does not take {found}")]
    Currency { found: String },
    #[error(transparent)]
    Amount(AmountError),
    /// The scanned code is not one this wallet takes (nothing was sent).
    #[error(transparent)]
    Code(#[from] CodeError),
    /// VNPAY answered the refund path with 404: this merchant has no refund API;
    /// refund in VNPAY's portal.
    #[error("no refund API for this merchant: refund in the wallet's portal")]
    NoRefundApi,
    /// A setting is unusable (bad public key, empty credentials, bad URL).
    #[error("wallet settings: {0}")]
    Config(String),
    /// An argument we refuse to send (order id outside the charset, bad length, …).
    #[error("invalid request: {0}")]
    Invalid(String),
    /// The wallet refused a request that has no `WalletStatus` of its own (a VNPAY
    /// create that is not 00, a ZaloPay create that is not 1): nothing created.
    #[error("the wallet refused: {code} {message}")]
    Refused { code: String, message: String },
}

impl From<AmountError> for WalletError {
    fn from(e: AmountError) -> WalletError {
        match e {
            AmountError::NotVnd { found } | AmountError::NotCny { found } => WalletError::Currency { found },
            other => WalletError::Amount(other),
        }
    }
}

impl WalletError {
    /// Worth repeating later (network, 5xx, 429). Every repeat of a payment request
    /// reuses its ids (MoMo requestId, ZaloPay app_trans_id, VNPAY txnId), so the wallet
    /// answers the first attempt instead of making a second one.
    pub fn retryable(&self) -> bool {
        match self {
            WalletError::Network { .. } => true,
            WalletError::Http { status, .. } => *status >= 500 || *status == 429,
            _ => false,
        }
    }

    /// The request may have been acted on: the caller must query before deciding
    /// anything (never start a new attempt on this alone).
    pub fn outcome_unknown(&self) -> bool {
        matches!(self, WalletError::Network { .. } | WalletError::Http { .. } | WalletError::Decode(_) | WalletError::BadSignature)
    }
}

/// The body and status of one HTTP exchange.
pub(crate) struct Reply {
    pub status: u16,
    pub bytes: Vec<u8>,
}

pub(crate) fn http_client() -> reqwest::Client {
    reqwest::Client::builder().connect_timeout(Duration::from_secs(10)).build().expect("reqwest client (rustls) builds")
}

/// One POST, no retry. Non-2xx statuses are returned to the caller (VNPAY's refund 404
/// means something); transport failures become `Network`.
pub(crate) async fn post(
    http: &reqwest::Client,
    url: &str,
    content_type: &str,
    body: Vec<u8>,
    timeout: Duration,
) -> Result<Reply, WalletError> {
    let res = http
        .post(url)
        .header(reqwest::header::CONTENT_TYPE, content_type)
        .header(reqwest::header::ACCEPT, "application/json")
        .body(body)
        .timeout(timeout)
        .send()
        .await
        .map_err(net_error)?;
    let status = res.status().as_u16();
    let bytes = res.bytes().await.map_err(net_error)?.to_vec();
    Ok(Reply { status, bytes })
}

pub(crate) fn net_error(e: reqwest::Error) -> WalletError {
    WalletError::Network { timed_out: e.is_timeout(), detail: e.without_url().to_string() }
}

impl Reply {
    /// The body as JSON, whatever the Content-Type; non-2xx → `Http`.
    pub(crate) fn json(self) -> Result<serde_json::Value, WalletError> {
        if !(200..300).contains(&self.status) {
            let body = String::from_utf8_lossy(&self.bytes).chars().take(200).collect();
            return Err(WalletError::Http { status: self.status, body });
        }
        serde_json::from_slice(&self.bytes).map_err(|e| WalletError::Decode(e.to_string()))
    }
}

/// Joins a base URL and a path with exactly one slash.
pub(crate) fn join(base: &str, path: &str) -> String {
    format!("{}/{}", base.trim_end_matches('/'), path.trim_start_matches('/'))
}

/// A JSON field's text as the partners sign it: strings as they are, numbers in their
/// JSON text (35000 → "35000"), absent/null → "", booleans "true"/"false".
pub(crate) fn field_text(v: Option<&serde_json::Value>) -> String {
    use serde_json::Value;
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(other) => other.to_string(),
    }
}

/// An integer amount or id from a JSON number or a string of digits (with an optional
/// minus sign); anything else (decimals, exponents, text) is `None` — never rounded.
pub(crate) fn int_field(v: Option<&serde_json::Value>) -> Option<i64> {
    use serde_json::Value;
    match v? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => {
            let t = s.trim();
            let digits = t.strip_prefix('-').unwrap_or(t);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            t.parse().ok()
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn wallet_names_round_trip() {
        for w in Wallet::ALL {
            assert_eq!(Wallet::parse(w.as_str()), Some(w));
        }
        assert_eq!(Wallet::parse("MoMo"), None);
        assert_eq!(Wallet::ZaloPay.to_string(), "zalopay");
    }

    #[test]
    fn field_texts_as_signed() {
        let v = json!({"a": 35000, "b": "x y", "c": null, "d": true, "e": 0});
        let t: Vec<String> = ["a", "b", "c", "d", "e", "missing"].iter().map(|k| field_text(v.get(*k))).collect();
        assert_eq!(t, ["35000", "x y", "", "true", "0", ""]);
    }

    #[test]
    fn integer_fields_never_rounded() {
        let cases = [
            (json!(35000), Some(35000)),
            (json!("35000"), Some(35000)),
            (json!(" 12 "), Some(12)),
            (json!(-5), Some(-5)),
            (json!(1.5), None),
            (json!("1.5"), None),
            (json!("1e3"), None),
            (json!(""), None),
            (json!(null), None),
        ];
        for (v, want) in cases {
            assert_eq!(int_field(Some(&v)), want, "{v}");
        }
    }

    #[test]
    fn errors_classified() {
        assert!(WalletError::Network { detail: "x".into(), timed_out: true }.retryable());
        assert!(WalletError::Http { status: 503, body: String::new() }.retryable());
        assert!(!WalletError::Http { status: 400, body: String::new() }.retryable());
        assert!(!WalletError::BadSignature.retryable());
        assert!(WalletError::BadSignature.outcome_unknown());
        assert!(!WalletError::NoRefundApi.outcome_unknown());
        let e: WalletError = AmountError::NotVnd { found: "EUR".into() }.into();
        assert!(matches!(e, WalletError::Currency { ref found } if found == "EUR"));
        let e: WalletError = AmountError::NotCny { found: "VND".into() }.into();
        assert!(matches!(e, WalletError::Currency { ref found } if found == "VND"));
    }

    #[test]
    fn status_finality() {
        assert!(WalletStatus::Paid { reference: "1".into(), amount: 1 }.is_final());
        assert!(!WalletStatus::Waiting { code: "1000".into() }.is_final());
        assert!(!WalletStatus::NotFound { code: "42".into() }.is_final());
        assert!(!WalletStatus::Authorized { reference: "1".into(), amount: 1 }.is_final());
    }
}
