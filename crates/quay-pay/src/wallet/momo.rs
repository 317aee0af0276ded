//! MoMo POS (API v2, contract §1): the cashier scans the customer's MoMo code and the
//! till calls `pos`; the outcome is the answer's `resultCode`, confirmed by `query` and
//! by the IPN. Every request is signed with HMAC-SHA256(secretKey, `k=v&…`, keys a–z)
//! and every answer is verified the same way before its result code means anything.
//!
//! `requestId` is MoMo's idempotency key: a repeat of a request whose answer was lost
//! (same requestId, same fields) replays the final answer instead of charging twice.
//! The caller keeps one requestId per (order, call) and reuses it on retry.

use std::fmt;
use std::time::Duration;

use base64::Engine;
use rsa::pkcs1::DecodeRsaPublicKey;
use rsa::pkcs8::DecodePublicKey;
use rsa::{Pkcs1v15Encrypt, RsaPublicKey};
use serde_json::{json, Map, Value};

use super::sign::{hex_eq, hmac_sha256_hex};
use super::{amount, code, field_text, int_field, join, WalletError, WalletStatus};

/// MoMo asks integrators to wait at least 30 s for `pos` (contract §1); the other calls
/// use the same limit.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(30);

pub const PATH_POS: &str = "/v2/gateway/api/pos";
pub const PATH_QUERY: &str = "/v2/gateway/api/query";
pub const PATH_CONFIRM: &str = "/v2/gateway/api/confirm";
pub const PATH_REFUND: &str = "/v2/gateway/api/refund";

/// The fields MoMo signs in pos, query and IPN answers (besides accessKey, which is
/// ours), contract §1.
pub const PAYMENT_ANSWER_FIELDS: &[&str] = &[
    "amount",
    "extraData",
    "message",
    "orderId",
    "orderInfo",
    "orderType",
    "partnerCode",
    "payType",
    "requestId",
    "responseTime",
    "resultCode",
    "transId",
];
/// confirm answers.
pub const CONFIRM_ANSWER_FIELDS: &[&str] =
    &["amount", "message", "orderId", "partnerCode", "requestId", "requestType", "responseTime", "resultCode", "transId"];
/// refund answers and error answers of any call (transId 0).
pub const ERROR_ANSWER_FIELDS: &[&str] =
    &["amount", "message", "orderId", "partnerCode", "requestId", "responseTime", "resultCode", "transId"];

/// MoMo expects the IPN to be answered with HTTP 204 (no body); any 2xx counts as received.
pub const IPN_REPLY_STATUS: u16 = 204;

/// Result codes MoMo sends unsigned: 13 (merchant authentication failed) and 20 when a
/// field is missing.
pub const UNSIGNED_CODES: &[i64] = &[13, 20];

#[derive(Clone)]
pub struct MomoConfig {
    /// `https://test-payment.momo.vn` or `https://payment.momo.vn`.
    pub url: String,
    pub partner_code: String,
    pub access_key: String,
    pub secret_key: String,
    /// MoMo's RSA public key: one-line base64 SubjectPublicKeyInfo DER, or PEM.
    pub public_key: String,
    /// Required when MoMo issued one (else 11).
    pub store_id: Option<String>,
    pub store_name: Option<String>,
    /// Where MoMo posts the IPN for `pos`.
    pub ipn_url: Option<String>,
}

impl fmt::Debug for MomoConfig {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("MomoConfig")
            .field("url", &self.url)
            .field("partner_code", &self.partner_code)
            .field("access_key", &"********")
            .field("secret_key", &"********")
            .field("store_id", &self.store_id)
            .field("store_name", &self.store_name)
            .field("ipn_url", &self.ipn_url)
            .finish_non_exhaustive()
    }
}

/// Which call an answer belongs to: decides the signed fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerKind {
    /// pos, query and the IPN.
    Payment,
    Confirm,
    Refund,
}

impl AnswerKind {
    fn fields(self) -> &'static [&'static str] {
        match self {
            AnswerKind::Payment => PAYMENT_ANSWER_FIELDS,
            AnswerKind::Confirm => CONFIRM_ANSWER_FIELDS,
            AnswerKind::Refund => ERROR_ANSWER_FIELDS,
        }
    }
}

/// A verified MoMo answer (pos, query, confirm, refund or IPN).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MomoAnswer {
    pub result_code: i64,
    pub message: String,
    /// MoMo's transaction id — the payment's reference (for a refund: the refund's).
    /// `None` when absent or 0 (error answers).
    pub trans_id: Option<String>,
    pub amount: Option<i64>,
    pub order_id: String,
    pub request_id: String,
    pub partner_code: String,
    pub response_time: Option<i64>,
    pub pay_type: Option<String>,
    pub request_type: Option<String>,
    pub extra_data: String,
    /// Whether MoMo signed it (false only for the unsigned 13 / missing-field 20).
    pub signed: bool,
}

impl MomoAnswer {
    /// The result code as a `WalletStatus` (contract §1): 0 paid · 9000 authorized ·
    /// 1000/7000/7002 (and 8000, re-confirm) waiting · 40/41 duplicate → waiting, the
    /// caller queries that orderId · 42 not found · 1001–1007, 1017, 1026 and the other
    /// final customer-side codes declined · 10, 11, 13, 20, 21, 22, 99 and the refund
    /// refusals 1080/1081/1088 refused. An unknown code is `Waiting`: query, never paid.
    /// A 0 or 9000 without transId or amount is `Waiting` too (query for the full answer).
    pub fn status(&self) -> WalletStatus {
        let code = self.result_code.to_string();
        let message = self.message.clone();
        match self.result_code {
            0 | 9000 => match (&self.trans_id, self.amount) {
                (Some(reference), Some(amount)) if self.result_code == 0 => WalletStatus::Paid { reference: reference.clone(), amount },
                (Some(reference), Some(amount)) => WalletStatus::Authorized { reference: reference.clone(), amount },
                _ => WalletStatus::Waiting { code },
            },
            1000 | 7000 | 7002 | 8000 | 40 | 41 => WalletStatus::Waiting { code },
            42 => WalletStatus::NotFound { code },
            1001..=1007 | 1017 | 1026 | 4001 | 4002 | 4100 | 98 => WalletStatus::Declined { code, message },
            10 | 11 | 12 | 13 | 20 | 21 | 22 | 99 | 1080 | 1081 | 1088 => WalletStatus::Refused { code, message },
            _ => WalletStatus::Waiting { code },
        }
    }
}

/// `k=v&…` with keys a–z, values as given (the string MoMo signs).
pub fn raw_signature(fields: &[(&str, &str)]) -> String {
    let mut sorted: Vec<&(&str, &str)> = fields.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    sorted.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&")
}

/// HMAC-SHA256(secret, raw_signature(fields)), lowercase hex.
pub fn sign(secret: &[u8], fields: &[(&str, &str)]) -> String {
    hmac_sha256_hex(secret, &raw_signature(fields))
}

/// Verifies an answer of `kind` and reads it. The signed string is accessKey + the
/// kind's fields (absent → empty); error answers of any call sign the shorter error list,
/// so that one is accepted too. Only 13 and 20 may come unsigned.
pub fn verify_answer(secret: &[u8], access_key: &str, kind: AnswerKind, body: &Value) -> Result<MomoAnswer, WalletError> {
    let obj = body.as_object().ok_or_else(|| WalletError::Decode("MoMo answer is not a JSON object".into()))?;
    let result_code = int_field(obj.get("resultCode")).ok_or_else(|| WalletError::Decode("MoMo answer without resultCode".into()))?;
    let received = obj.get("signature").and_then(Value::as_str).unwrap_or("");
    let signed = if received.is_empty() {
        if !UNSIGNED_CODES.contains(&result_code) {
            return Err(WalletError::BadSignature);
        }
        false
    } else {
        let ok = [kind.fields(), ERROR_ANSWER_FIELDS].iter().any(|names| {
            let expected = sign(secret, &answer_fields(access_key, obj, names).iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>());
            hex_eq(&expected, received)
        });
        if !ok {
            return Err(WalletError::BadSignature);
        }
        true
    };
    let text = |k: &str| field_text(obj.get(k));
    let opt = |k: &str| Some(text(k)).filter(|s| !s.is_empty());
    let trans_id = opt("transId").filter(|t| t != "0");
    Ok(MomoAnswer {
        result_code,
        message: text("message"),
        trans_id,
        amount: int_field(obj.get("amount")),
        order_id: text("orderId"),
        request_id: text("requestId"),
        partner_code: text("partnerCode"),
        response_time: int_field(obj.get("responseTime")),
        pay_type: opt("payType"),
        request_type: opt("requestType"),
        extra_data: text("extraData"),
        signed,
    })
}

fn answer_fields<'a>(access_key: &str, obj: &Map<String, Value>, names: &[&'a str]) -> Vec<(&'a str, String)> {
    let mut out = vec![("accessKey", access_key.to_string())];
    out.extend(names.iter().map(|k| (*k, field_text(obj.get(*k)))));
    out
}

/// Verifies an IPN body (the pos's final outcome) with the IPN string. The caller then
/// matches orderId and amount to its journal, answers HTTP 204, and queries.
pub fn verify_ipn(secret: &[u8], access_key: &str, body: &Value) -> Result<MomoAnswer, WalletError> {
    let answer = verify_answer(secret, access_key, AnswerKind::Payment, body)?;
    if !answer.signed {
        // An IPN is never one of the unsigned refusals.
        return Err(WalletError::BadSignature);
    }
    Ok(answer)
}

/// Parses MoMo's public key: PEM (`PUBLIC KEY` or `RSA PUBLIC KEY`), or one-line base64
/// of SubjectPublicKeyInfo DER (PKCS#1 DER accepted too).
pub fn parse_public_key(text: &str) -> Result<RsaPublicKey, WalletError> {
    let t = text.trim();
    let bad = |why: &str| WalletError::Config(format!("MoMo public key: {why}"));
    if t.is_empty() {
        return Err(bad("empty"));
    }
    if t.starts_with("-----BEGIN") {
        return RsaPublicKey::from_public_key_pem(t)
            .or_else(|_| RsaPublicKey::from_pkcs1_pem(t))
            .map_err(|_| bad("not an RSA public key in PEM"));
    }
    let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let der = base64::engine::general_purpose::STANDARD.decode(compact).map_err(|_| bad("not base64"))?;
    RsaPublicKey::from_public_key_der(&der).or_else(|_| RsaPublicKey::from_pkcs1_der(&der)).map_err(|_| bad("not an RSA public key"))
}

/// paymentCode: base64(RSA PKCS#1 v1.5(MoMo's key, the code as scanned)). Random
/// padding, so two encryptions differ; MoMo decrypts and the signature covers this text.
pub fn encrypt_payment_code(key: &RsaPublicKey, code: &str) -> Result<String, WalletError> {
    let mut rng = rand::rngs::OsRng;
    let sealed = key.encrypt(&mut rng, Pkcs1v15Encrypt, code.as_bytes()).map_err(|e| WalletError::Config(format!("RSA: {e}")))?;
    Ok(base64::engine::general_purpose::STANDARD.encode(sealed))
}

/// The pos request body, signed (pure: the paymentCode is already encrypted).
pub fn pos_body(cfg: &MomoConfig, order_id: &str, request_id: &str, amount: i64, payment_code: &str, order_info: &str) -> Value {
    let amount_text = amount.to_string();
    let signature = sign(
        cfg.secret_key.as_bytes(),
        &[
            ("accessKey", &cfg.access_key),
            ("amount", &amount_text),
            ("extraData", ""),
            ("orderId", order_id),
            ("orderInfo", order_info),
            ("partnerCode", &cfg.partner_code),
            ("paymentCode", payment_code),
            ("requestId", request_id),
        ],
    );
    let mut body = json!({
        "partnerCode": cfg.partner_code,
        "requestId": request_id,
        "amount": amount,
        "orderId": order_id,
        "orderInfo": order_info,
        "paymentCode": payment_code,
        "autoCapture": true,
        "extraData": "",
        "lang": "vi",
        "signature": signature,
    });
    let m = body.as_object_mut().expect("object");
    if let Some(s) = &cfg.store_id {
        m.insert("storeId".into(), json!(s));
    }
    if let Some(s) = &cfg.store_name {
        m.insert("storeName".into(), json!(s));
    }
    if let Some(s) = &cfg.ipn_url {
        m.insert("ipnUrl".into(), json!(s));
    }
    body
}

pub fn query_body(cfg: &MomoConfig, order_id: &str, request_id: &str) -> Value {
    let signature = sign(
        cfg.secret_key.as_bytes(),
        &[("accessKey", &cfg.access_key), ("orderId", order_id), ("partnerCode", &cfg.partner_code), ("requestId", request_id)],
    );
    json!({"partnerCode": cfg.partner_code, "requestId": request_id, "orderId": order_id, "lang": "vi", "signature": signature})
}

/// confirm: requestType `capture` or `cancel`, the authorized amount, description empty.
pub fn confirm_body(cfg: &MomoConfig, order_id: &str, request_id: &str, amount: i64, capture: bool) -> Value {
    let request_type = if capture { "capture" } else { "cancel" };
    let amount_text = amount.to_string();
    let signature = sign(
        cfg.secret_key.as_bytes(),
        &[
            ("accessKey", &cfg.access_key),
            ("amount", &amount_text),
            ("description", ""),
            ("orderId", order_id),
            ("partnerCode", &cfg.partner_code),
            ("requestId", request_id),
            ("requestType", request_type),
        ],
    );
    json!({
        "partnerCode": cfg.partner_code, "requestId": request_id, "orderId": order_id,
        "requestType": request_type, "amount": amount, "description": "", "lang": "vi", "signature": signature,
    })
}

/// refund: a new orderId, the payment's transId (sent as a JSON number when it is one,
/// as MoMo's transIds are; signed as its text either way).
pub fn refund_body(cfg: &MomoConfig, order_id: &str, request_id: &str, amount: i64, trans_id: &str, description: &str) -> Value {
    let amount_text = amount.to_string();
    let signature = sign(
        cfg.secret_key.as_bytes(),
        &[
            ("accessKey", &cfg.access_key),
            ("amount", &amount_text),
            ("description", description),
            ("orderId", order_id),
            ("partnerCode", &cfg.partner_code),
            ("requestId", request_id),
            ("transId", trans_id),
        ],
    );
    let trans: Value = match trans_id.parse::<i64>() {
        Ok(n) if n.to_string() == trans_id => json!(n),
        _ => json!(trans_id),
    };
    json!({
        "partnerCode": cfg.partner_code, "orderId": order_id, "requestId": request_id, "amount": amount,
        "transId": trans, "lang": "vi", "description": description, "signature": signature,
    })
}

/// orderId / requestId: ≤ 50 of `^[0-9a-zA-Z]([-_.]*[0-9a-zA-Z]+)*$`.
pub fn check_id(what: &str, id: &str) -> Result<(), WalletError> {
    let b = id.as_bytes();
    let ok = !b.is_empty()
        && b.len() <= 50
        && b.iter().all(|c| c.is_ascii_alphanumeric() || b"-_.".contains(c))
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric();
    if ok {
        Ok(())
    } else {
        Err(WalletError::Invalid(format!("MoMo {what} {id:?}: 1–50 of [0-9a-zA-Z-_.], alphanumeric at both ends")))
    }
}

/// The client. `Debug` never shows the secret key nor the access key.
#[derive(Clone)]
pub struct MomoClient {
    http: reqwest::Client,
    cfg: MomoConfig,
    key: RsaPublicKey,
    timeout: Duration,
}

impl fmt::Debug for MomoClient {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("MomoClient").field("cfg", &self.cfg).field("timeout", &self.timeout).finish()
    }
}

impl MomoClient {
    /// Parses MoMo's public key now, so a bad key is a settings error at start-up, not
    /// a failed sale.
    pub fn new(cfg: MomoConfig) -> Result<MomoClient, WalletError> {
        if cfg.partner_code.is_empty() || cfg.access_key.is_empty() || cfg.secret_key.is_empty() {
            return Err(WalletError::Config("MoMo partnerCode, accessKey and secretKey are required".into()));
        }
        let key = parse_public_key(&cfg.public_key)?;
        Ok(MomoClient { http: super::http_client(), cfg, key, timeout: CALL_TIMEOUT })
    }

    /// Replaces the 30 s limit (tests).
    pub fn with_timeout(mut self, timeout: Duration) -> MomoClient {
        self.timeout = timeout;
        self
    }

    pub fn config(&self) -> &MomoConfig {
        &self.cfg
    }

    /// `pos`: charge the scanned code. The code must be MoMo-shaped (else nothing is
    /// sent); the amount 1,000–5,000,000 ₫. A lost answer (`Network`) is settled by
    /// repeating with the same requestId or by `query`.
    pub async fn pos(
        &self,
        order_id: &str,
        request_id: &str,
        amount: i64,
        scanned_code: &str,
        order_info: &str,
    ) -> Result<MomoAnswer, WalletError> {
        check_id("orderId", order_id)?;
        check_id("requestId", request_id)?;
        amount::momo_pos(amount)?;
        let code = code::momo_code(scanned_code)?;
        let payment_code = encrypt_payment_code(&self.key, code)?;
        let body = pos_body(&self.cfg, order_id, request_id, amount, &payment_code, order_info);
        self.call(PATH_POS, body, AnswerKind::Payment).await
    }

    /// `query`: the order's current state (read-only; unknown → 42).
    pub async fn query(&self, order_id: &str, request_id: &str) -> Result<MomoAnswer, WalletError> {
        check_id("orderId", order_id)?;
        check_id("requestId", request_id)?;
        self.call(PATH_QUERY, query_body(&self.cfg, order_id, request_id), AnswerKind::Payment).await
    }

    /// `confirm`, only after 9000: capture (true) or cancel the authorized amount.
    pub async fn confirm(&self, order_id: &str, request_id: &str, amount: i64, capture: bool) -> Result<MomoAnswer, WalletError> {
        check_id("orderId", order_id)?;
        check_id("requestId", request_id)?;
        amount::positive(amount)?;
        self.call(PATH_CONFIRM, confirm_body(&self.cfg, order_id, request_id, amount, capture), AnswerKind::Confirm).await
    }

    /// `refund`: `refund_order_id` is new (`order_id::momo_refund`), `trans_id` the
    /// payment's. The answer's transId is the refund's own.
    pub async fn refund(
        &self,
        refund_order_id: &str,
        request_id: &str,
        amount: i64,
        trans_id: &str,
        description: &str,
    ) -> Result<MomoAnswer, WalletError> {
        check_id("orderId", refund_order_id)?;
        check_id("requestId", request_id)?;
        amount::positive(amount)?;
        if trans_id.is_empty() || !trans_id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(WalletError::Invalid(format!("MoMo transId {trans_id:?} is not a number")));
        }
        let body = refund_body(&self.cfg, refund_order_id, request_id, amount, trans_id, description);
        self.call(PATH_REFUND, body, AnswerKind::Refund).await
    }

    async fn call(&self, path: &str, body: Value, kind: AnswerKind) -> Result<MomoAnswer, WalletError> {
        let bytes = serde_json::to_vec(&body).map_err(|e| WalletError::Decode(e.to_string()))?;
        let reply = super::post(&self.http, &join(&self.cfg.url, path), "application/json; charset=UTF-8", bytes, self.timeout).await?;
        let value = reply.json()?;
        verify_answer(self.cfg.secret_key.as_bytes(), &self.cfg.access_key, kind, &value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) const ACCESS: &str = "F8BBA842ECF85";
    pub(crate) const SECRET: &str = "K951B6PE1waDMi640xX08PD3vg6EkVlz";

    fn answer(code: i64, trans: Option<&str>, amount: Option<i64>) -> MomoAnswer {
        MomoAnswer {
            result_code: code,
            message: "m".into(),
            trans_id: trans.map(String::from),
            amount,
            order_id: "o".into(),
            request_id: "r".into(),
            partner_code: "MOMO".into(),
            response_time: None,
            pay_type: None,
            request_type: None,
            extra_data: String::new(),
            signed: true,
        }
    }

    #[test]
    fn result_codes_to_status() {
        use WalletStatus::*;
        let paid = Paid { reference: "2312".into(), amount: 35000 };
        assert_eq!(answer(0, Some("2312"), Some(35000)).status(), paid);
        assert_eq!(answer(9000, Some("2312"), Some(35000)).status(), Authorized { reference: "2312".into(), amount: 35000 });
        assert_eq!(answer(0, None, Some(35000)).status(), Waiting { code: "0".into() });
        assert_eq!(answer(0, Some("1"), None).status(), Waiting { code: "0".into() });
        for c in [1000, 7000, 7002, 8000, 40, 41] {
            assert_eq!(answer(c, None, None).status(), Waiting { code: c.to_string() }, "{c}");
        }
        assert_eq!(answer(42, None, None).status(), NotFound { code: "42".into() });
        for c in [1001, 1002, 1003, 1004, 1005, 1006, 1007, 1017, 1026, 4001, 4002, 4100, 98] {
            assert_eq!(answer(c, None, None).status(), Declined { code: c.to_string(), message: "m".into() }, "{c}");
        }
        for c in [10, 11, 13, 20, 21, 22, 99, 1080, 1081, 1088] {
            assert_eq!(answer(c, None, None).status(), Refused { code: c.to_string(), message: "m".into() }, "{c}");
        }
        for c in [1, 1008, 5000, -1] {
            assert_eq!(answer(c, Some("1"), Some(1)).status(), Waiting { code: c.to_string() }, "{c}");
        }
    }

    /// The signed strings, field by field (contract §1), and their HMACs with MoMo's
    /// public sandbox secret, computed independently with
    /// `printf '%s' "$RAW" | openssl dgst -sha256 -hmac K951B6PE1waDMi640xX08PD3vg6EkVlz`.
    #[test]
    fn request_signature_strings() {
        let raw = raw_signature(&[("requestId", "r1"), ("partnerCode", "MOMO"), ("accessKey", ACCESS), ("orderId", "o1")]);
        assert_eq!(raw, "accessKey=F8BBA842ECF85&orderId=o1&partnerCode=MOMO&requestId=r1");
        assert_eq!(
            sign(SECRET.as_bytes(), &[("accessKey", ACCESS), ("orderId", "o1"), ("partnerCode", "MOMO"), ("requestId", "r1")]),
            QUERY_HMAC
        );

        let pos = raw_signature(&[
            ("accessKey", ACCESS),
            ("amount", "35000"),
            ("extraData", ""),
            ("orderId", "o1"),
            ("orderInfo", "Quay 1"),
            ("partnerCode", "MOMO"),
            ("paymentCode", "QUJD"),
            ("requestId", "r1"),
        ]);
        assert_eq!(pos, POS_RAW);
        assert_eq!(hmac_sha256_hex(SECRET.as_bytes(), POS_RAW), POS_HMAC);
    }

    pub(crate) const QUERY_HMAC: &str = "760eb1c5a7842a14380c23d40e391f3e6f2333c9660e77ffe82ab0242cd43633";
    pub(crate) const POS_RAW: &str =
        "accessKey=F8BBA842ECF85&amount=35000&extraData=&orderId=o1&orderInfo=Quay 1&partnerCode=MOMO&paymentCode=QUJD&requestId=r1";
    pub(crate) const POS_HMAC: &str = "d810eee1133b863444242a022f126f9787f83a06ce69f1320c563c4cb06a68e9";
}
