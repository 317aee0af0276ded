//! VNPAY-QR (contract §3): the till creates a dynamic QR (EMVCo text) for a txnId and
//! renders it; any banking app pays it; the till polls `CheckTrans` and takes the IPN as
//! a hint. Checksums are uppercase MD5 hex over `|`-joined fields ending with the secret
//! (refund: concatenated, secret first). One secret signs everything.
//!
//! There is no cancel: a QR stays payable until its expDate minute ends (no expDate, no
//! expiry). The caller checks until expDate has passed; a later 00 is a late payment.
//! All dates are GMT+7 and come in as parameters.

use std::fmt;
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::{json, Map, Value};

use super::sign::{hex_eq, md5_upper};
use super::{amount, field_text, int_field, join, WalletError, WalletStatus};

pub const CALL_TIMEOUT: Duration = Duration::from_secs(15);

pub const PATH_CREATE: &str = "/QRCreateAPIRestV2/rest/CreateQrcodeApi/createQrcode";
pub const PATH_CHECK: &str = "/CheckTransaction/rest/api/CheckTrans";
pub const PATH_REFUND: &str = "/mms/refund";

/// VND's ISO 4217 numeric code, as VNPAY's `ccy`.
pub const CCY_VND: &str = "704";

#[derive(Clone)]
pub struct VnpayConfig {
    /// VNPAY's base URL; the three paths are appended.
    pub url: String,
    pub merchant_code: String,
    pub terminal_id: String,
    pub secret: String,
    /// The store's name as registered (shown in the customer's app).
    pub merchant_name: String,
    /// The MCC VNPAY registered (example `9999`).
    pub merchant_type: String,
    /// `MERCHANT` unless VNPAY issued one.
    pub app_id: String,
    /// `A000000775`.
    pub master_mer_code: String,
}

impl VnpayConfig {
    /// A configuration with VNPAY's defaults (merchant_type 9999, appId MERCHANT,
    /// masterMerCode A000000775).
    pub fn new(url: &str, merchant_code: &str, terminal_id: &str, secret: &str, merchant_name: &str) -> VnpayConfig {
        VnpayConfig {
            url: url.to_string(),
            merchant_code: merchant_code.to_string(),
            terminal_id: terminal_id.to_string(),
            secret: secret.to_string(),
            merchant_name: merchant_name.to_string(),
            merchant_type: "9999".into(),
            app_id: "MERCHANT".into(),
            master_mer_code: "A000000775".into(),
        }
    }
}

impl fmt::Debug for VnpayConfig {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("VnpayConfig")
            .field("url", &self.url)
            .field("merchant_code", &self.merchant_code)
            .field("terminal_id", &self.terminal_id)
            .field("secret", &"********")
            .field("merchant_name", &self.merchant_name)
            .field("merchant_type", &self.merchant_type)
            .field("app_id", &self.app_id)
            .field("master_mer_code", &self.master_mer_code)
            .finish()
    }
}

/// The create request's fields, in checksum order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreateFields {
    pub app_id: String,
    pub merchant_name: String,
    pub service_code: String,
    pub country_code: String,
    pub master_mer_code: String,
    pub merchant_type: String,
    pub merchant_code: String,
    pub terminal_id: String,
    pub pay_type: String,
    pub product_id: String,
    pub txn_id: String,
    pub amount: String,
    pub tip_and_fee: String,
    pub ccy: String,
    pub exp_date: String,
}

impl CreateFields {
    /// `appId|merchantName|…|expDate|secretKey` (the checksum's input).
    pub fn checksum_input(&self, secret: &str) -> String {
        let parts: [&str; 16] = [
            &self.app_id,
            &self.merchant_name,
            &self.service_code,
            &self.country_code,
            &self.master_mer_code,
            &self.merchant_type,
            &self.merchant_code,
            &self.terminal_id,
            &self.pay_type,
            &self.product_id,
            &self.txn_id,
            &self.amount,
            &self.tip_and_fee,
            &self.ccy,
            &self.exp_date,
            secret,
        ];
        parts.join("|")
    }

    pub fn checksum(&self, secret: &str) -> String {
        md5_upper(&self.checksum_input(secret))
    }

    /// The JSON body, with its checksum.
    pub fn body(&self, secret: &str) -> Value {
        json!({
            "appId": self.app_id, "merchantName": self.merchant_name, "serviceCode": self.service_code,
            "countryCode": self.country_code, "masterMerCode": self.master_mer_code, "merchantType": self.merchant_type,
            "merchantCode": self.merchant_code, "terminalId": self.terminal_id, "payType": self.pay_type,
            "productId": self.product_id, "txnId": self.txn_id, "amount": self.amount, "tipAndFee": self.tip_and_fee,
            "ccy": self.ccy, "expDate": self.exp_date, "checksum": self.checksum(secret),
        })
    }
}

/// The create fields for a txnId and amount. `exp_date` is GMT+7 (`yyMMddHHmm`).
pub fn create_fields(cfg: &VnpayConfig, txn_id: &str, amount: i64, exp_date: Option<NaiveDateTime>) -> CreateFields {
    CreateFields {
        app_id: cfg.app_id.clone(),
        merchant_name: cfg.merchant_name.clone(),
        service_code: "03".into(),
        country_code: "VN".into(),
        master_mer_code: cfg.master_mer_code.clone(),
        merchant_type: cfg.merchant_type.clone(),
        merchant_code: cfg.merchant_code.clone(),
        terminal_id: cfg.terminal_id.clone(),
        pay_type: "03".into(),
        product_id: String::new(),
        txn_id: txn_id.to_string(),
        amount: amount.to_string(),
        tip_and_fee: String::new(),
        ccy: CCY_VND.into(),
        exp_date: exp_date.map(|d| d.format("%y%m%d%H%M").to_string()).unwrap_or_default(),
    }
}

/// The texts a null may hash as: `null` (VNPAY's published example) or empty.
fn null_readings(v: Option<&Value>) -> Vec<String> {
    match v {
        None | Some(Value::Null) => vec!["null".into(), String::new()],
        other => vec![field_text(other)],
    }
}

/// Does `received` match MD5(fields… | secret) for some reading of the nulls?
fn checksum_matches(obj: &Map<String, Value>, names: &[&str], secret: &str, received: &str) -> bool {
    let mut inputs = vec![String::new()];
    for (i, name) in names.iter().enumerate() {
        let readings = null_readings(obj.get(*name));
        inputs = inputs
            .iter()
            .flat_map(|prefix| readings.iter().map(move |r| if i == 0 { r.clone() } else { format!("{prefix}|{r}") }))
            .collect();
    }
    inputs.iter().any(|input| hex_eq(&md5_upper(&format!("{input}|{secret}")), received))
}

/// A created QR.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VnpayQr {
    /// The EMVCo text to render as the QR.
    pub data: String,
    pub url: Option<String>,
    pub id_qrcode: Option<String>,
}

/// Reads and verifies a create answer: 00 with a matching checksum
/// (`code|message|data|url|secret`, null → `null`) → the QR; 00 failing it →
/// `BadSignature`; any other code → `Refused` (nothing created; 04 = this txnId exists
/// with another amount).
pub fn read_create(secret: &str, v: &Value) -> Result<VnpayQr, WalletError> {
    let obj = v.as_object().ok_or_else(|| WalletError::Decode("VNPAY answer is not an object".into()))?;
    let code = field_text(obj.get("code"));
    if code.is_empty() {
        return Err(WalletError::Decode("VNPAY answer without code".into()));
    }
    if code != "00" {
        return Err(WalletError::Refused { code, message: field_text(obj.get("message")) });
    }
    let received = field_text(obj.get("checksum"));
    if !checksum_matches(obj, &["code", "message", "data", "url"], secret, &received) {
        return Err(WalletError::BadSignature);
    }
    let data = field_text(obj.get("data"));
    if data.is_empty() {
        return Err(WalletError::Decode("VNPAY 00 without data".into()));
    }
    let opt = |k: &str| Some(field_text(obj.get(k))).filter(|s| !s.is_empty());
    Ok(VnpayQr { data, url: opt("url"), id_qrcode: opt("idQrcode") })
}

/// CheckTrans's request checksum input: `payDate|txnId|merchantCode|terminalID|secret`.
pub fn check_checksum_input(pay_date: &str, txn_id: &str, merchant_code: &str, terminal_id: &str, secret: &str) -> String {
    format!("{pay_date}|{txn_id}|{merchant_code}|{terminal_id}|{secret}")
}

/// The fields of a 00 CheckTrans answer's checkSum, in order.
pub const CHECK_ANSWER_FIELDS: &[&str] =
    &["masterMerchantCode", "merchantCode", "terminalID", "txnId", "payDate", "bankCode", "qrTrace", "debitAmount", "realAmount"];

/// A verified CheckTrans answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VnpayAnswer {
    pub code: String,
    pub message: String,
    pub txn_id: Option<String>,
    /// The payment's reference.
    pub qr_trace: Option<String>,
    pub bank_code: Option<String>,
    /// What the customer's account was debited (after any bank promotion).
    pub debit_amount: Option<i64>,
    /// The order's amount (before promotion): the one matched to the journal.
    pub real_amount: Option<i64>,
    /// `dd/MM/yyyy HH:mm:ss`, GMT+7, as VNPAY sent it.
    pub pay_date: Option<String>,
    pub bill_number: Option<String>,
}

impl VnpayAnswer {
    /// 00 paid (qrTrace, realAmount) · 01 → `NotFound`: never created, *or not paid
    /// yet, expired, another merchant's* — so a 01 does not close a QR: it stays payable
    /// until its expDate, and the caller keeps checking until then · 05 waiting (customer
    /// confirming) · 04 declined · 02, 03, 11 refused (our request) · unknown → waiting.
    /// A 00 without qrTrace or amount is `Waiting`.
    pub fn status(&self) -> WalletStatus {
        let code = self.code.clone();
        match self.code.as_str() {
            "00" => match (&self.qr_trace, self.real_amount.or(self.debit_amount)) {
                (Some(reference), Some(amount)) => WalletStatus::Paid { reference: reference.clone(), amount },
                _ => WalletStatus::Waiting { code },
            },
            "01" => WalletStatus::NotFound { code },
            "05" => WalletStatus::Waiting { code },
            "04" => WalletStatus::Declined { code, message: self.message.clone() },
            "02" | "03" | "11" => WalletStatus::Refused { code, message: self.message.clone() },
            _ => WalletStatus::Waiting { code },
        }
    }
}

/// Reads a CheckTrans answer. The checkSum is required on 00 and verified whenever
/// present (not-found answers hash their nulls as `null`); a mismatch is `BadSignature`.
pub fn read_check(secret: &str, v: &Value) -> Result<VnpayAnswer, WalletError> {
    let obj = v.as_object().ok_or_else(|| WalletError::Decode("VNPAY answer is not an object".into()))?;
    let code = field_text(obj.get("code"));
    if code.is_empty() {
        return Err(WalletError::Decode("VNPAY answer without code".into()));
    }
    let received = field_text(obj.get("checkSum"));
    if (code == "00" || !received.is_empty()) && !checksum_matches(obj, CHECK_ANSWER_FIELDS, secret, &received) {
        return Err(WalletError::BadSignature);
    }
    let opt = |k: &str| Some(field_text(obj.get(k))).filter(|s| !s.is_empty());
    let amount = |k: &str| -> Result<Option<i64>, WalletError> {
        match obj.get(k) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.is_empty() => Ok(None),
            other => int_field(other).map(Some).ok_or_else(|| WalletError::Decode(format!("VNPAY {k} is not an integer"))),
        }
    };
    Ok(VnpayAnswer {
        message: field_text(obj.get("message")),
        txn_id: opt("txnId"),
        qr_trace: opt("qrTrace"),
        bank_code: opt("bankCode"),
        debit_amount: amount("debitAmount")?,
        real_amount: amount("realAmount")?,
        pay_date: opt("payDate"),
        bill_number: opt("billNumber"),
        code,
    })
}

/// Refund's request checksum input: secret + merchantCode + qrTrace + payTxnId +
/// refundTxnId + typeRefund + amount + payDate, no separators.
#[allow(clippy::too_many_arguments)]
pub fn refund_checksum_input(
    secret: &str,
    merchant_code: &str,
    qr_trace: &str,
    pay_txn_id: &str,
    refund_txn_id: &str,
    type_refund: &str,
    amount: &str,
    pay_date: &str,
) -> String {
    format!("{secret}{merchant_code}{qr_trace}{pay_txn_id}{refund_txn_id}{type_refund}{amount}{pay_date}")
}

/// A refund's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VnpayRefundAnswer {
    pub code: String,
    pub message: String,
    pub qr_trace_refund: Option<String>,
    pub refund_date: Option<String>,
    /// The amount asked for (VNPAY does not repeat it).
    pub amount: i64,
}

impl VnpayRefundAnswer {
    /// 00 → `Paid` (reference qrTraceRefund) · 04 → `NotFound` · 01, 02, 19, 20 and any
    /// other code → `Refused` (nothing refunded).
    pub fn status(&self) -> WalletStatus {
        match self.code.as_str() {
            "00" => WalletStatus::Paid { reference: self.qr_trace_refund.clone().unwrap_or_default(), amount: self.amount },
            "04" => WalletStatus::NotFound { code: self.code.clone() },
            _ => WalletStatus::Refused { code: self.code.clone(), message: self.message.clone() },
        }
    }
}

/// Reads a refund answer; checkSum = MD5(secret+code+qrTraceRefund+refundDate), nulls as
/// empty, required on 00 and verified whenever present.
pub fn read_refund(secret: &str, v: &Value, amount: i64) -> Result<VnpayRefundAnswer, WalletError> {
    let obj = v.as_object().ok_or_else(|| WalletError::Decode("VNPAY answer is not an object".into()))?;
    let code = field_text(obj.get("code"));
    if code.is_empty() {
        return Err(WalletError::Decode("VNPAY answer without code".into()));
    }
    let received = field_text(obj.get("checkSum"));
    let expected = md5_upper(&format!("{secret}{code}{}{}", field_text(obj.get("qrTraceRefund")), field_text(obj.get("refundDate"))));
    if (code == "00" || !received.is_empty()) && !hex_eq(&expected, &received) {
        return Err(WalletError::BadSignature);
    }
    let opt = |k: &str| Some(field_text(obj.get(k))).filter(|s| !s.is_empty());
    Ok(VnpayRefundAnswer {
        message: field_text(obj.get("message")),
        qr_trace_refund: opt("qrTraceRefund"),
        refund_date: opt("refundDate"),
        amount,
        code,
    })
}

/// The IPN's checksum fields, in order (then the secret).
pub const IPN_FIELDS: &[&str] =
    &["code", "msgType", "txnId", "qrTrace", "bankCode", "mobile", "accountNo", "amount", "payDate", "merchantCode"];

/// A verified IPN.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VnpayIpn {
    pub code: String,
    pub message: String,
    pub msg_type: String,
    pub txn_id: String,
    pub qr_trace: String,
    pub bank_code: String,
    pub mobile: String,
    pub account_no: String,
    pub amount: i64,
    /// `yyyyMMddHHmmss`, GMT+7.
    pub pay_date: String,
    pub merchant_code: String,
    pub master_mer_code: Option<String>,
    pub terminal_id: Option<String>,
    pub add_data: Option<Value>,
}

/// Verifies an IPN body (JSON): the checksum over `IPN_FIELDS|secret`; a `ccy` other
/// than 704 is `Currency` (never a payment). The caller matches txnId, amount and
/// merchantCode to its journal, answers with `ipn_reply`, then checks.
pub fn verify_ipn(secret: &str, body: &[u8]) -> Result<VnpayIpn, WalletError> {
    let v: Value = serde_json::from_slice(body).map_err(|e| WalletError::Decode(format!("IPN: {e}")))?;
    let obj = v.as_object().ok_or_else(|| WalletError::Decode("IPN is not an object".into()))?;
    let received = field_text(obj.get("checksum"));
    if !checksum_matches(obj, IPN_FIELDS, secret, &received) {
        return Err(WalletError::BadSignature);
    }
    let ccy = field_text(obj.get("ccy"));
    if !ccy.is_empty() && ccy != CCY_VND {
        return Err(WalletError::Currency { found: ccy });
    }
    let t = |k: &str| field_text(obj.get(k));
    let opt = |k: &str| Some(t(k)).filter(|s| !s.is_empty());
    Ok(VnpayIpn {
        code: t("code"),
        message: t("message"),
        msg_type: t("msgType"),
        txn_id: t("txnId"),
        qr_trace: t("qrTrace"),
        bank_code: t("bankCode"),
        mobile: t("mobile"),
        account_no: t("accountNo"),
        amount: int_field(obj.get("amount")).ok_or_else(|| WalletError::Decode("IPN amount is not an integer".into()))?,
        pay_date: t("payDate"),
        merchant_code: t("merchantCode"),
        master_mer_code: opt("masterMerCode"),
        terminal_id: opt("terminalId"),
        add_data: obj.get("addData").filter(|v| !v.is_null()).cloned(),
    })
}

/// How the IPN was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IpnReply {
    /// 00: received.
    Received,
    /// 03: already recorded (also "received" for VNPAY).
    AlreadyDone,
    /// 06: checksum wrong (VNPAY retries).
    BadChecksum,
    /// 04: the order is not ours or does not match (amount, merchant).
    NotMatched,
}

impl IpnReply {
    pub fn code(self) -> &'static str {
        match self {
            IpnReply::Received => "00",
            IpnReply::AlreadyDone => "03",
            IpnReply::BadChecksum => "06",
            IpnReply::NotMatched => "04",
        }
    }
}

/// The JSON to answer an IPN with: `{code, message}`.
pub fn ipn_reply(reply: IpnReply) -> Value {
    let message = match reply {
        IpnReply::Received => "Success",
        IpnReply::AlreadyDone => "Already processed",
        IpnReply::BadChecksum => "Invalid checksum",
        IpnReply::NotMatched => "Order not found",
    };
    json!({"code": reply.code(), "message": message})
}

/// txnId / refundTxnId: 1–20 of `[0-9A-Za-z_.-]`.
fn check_txn_id(what: &str, id: &str) -> Result<(), WalletError> {
    if (1..=20).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b)) {
        Ok(())
    } else {
        Err(WalletError::Invalid(format!("VNPAY {what} {id:?}: 1–20 of [0-9A-Za-z_.-]")))
    }
}

/// The client. `Debug` never shows the secret.
#[derive(Clone)]
pub struct VnpayClient {
    http: reqwest::Client,
    cfg: VnpayConfig,
    timeout: Duration,
}

impl fmt::Debug for VnpayClient {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("VnpayClient").field("cfg", &self.cfg).field("timeout", &self.timeout).finish()
    }
}

impl VnpayClient {
    pub fn new(cfg: VnpayConfig) -> Result<VnpayClient, WalletError> {
        for (name, v) in [
            ("merchant_code", &cfg.merchant_code),
            ("terminal_id", &cfg.terminal_id),
            ("secret", &cfg.secret),
            ("merchant_name", &cfg.merchant_name),
        ] {
            if v.trim().is_empty() {
                return Err(WalletError::Config(format!("VNPAY {name} is required")));
            }
        }
        Ok(VnpayClient { http: super::http_client(), cfg, timeout: CALL_TIMEOUT })
    }

    pub fn with_timeout(mut self, timeout: Duration) -> VnpayClient {
        self.timeout = timeout;
        self
    }

    pub fn config(&self) -> &VnpayConfig {
        &self.cfg
    }

    /// Create the QR for `txn_id`. Repeating with the same txnId and amount gives the
    /// same QR (how a lost answer is settled). `exp_date` in GMT+7; None = no expiry.
    pub async fn create(&self, txn_id: &str, amount: i64, exp_date: Option<NaiveDateTime>) -> Result<VnpayQr, WalletError> {
        check_txn_id("txnId", txn_id)?;
        amount::positive(amount)?;
        let body = create_fields(&self.cfg, txn_id, amount, exp_date).body(&self.cfg.secret);
        read_create(&self.cfg.secret, &self.call(PATH_CREATE, &body).await?.json()?)
    }

    /// CheckTrans for `txn_id`. `pay_date` = the QR's creation day (GMT+7).
    pub async fn check(&self, txn_id: &str, pay_date: NaiveDate) -> Result<VnpayAnswer, WalletError> {
        check_txn_id("txnId", txn_id)?;
        let c = &self.cfg;
        let date = pay_date.format("%d/%m/%Y").to_string();
        let sum = md5_upper(&check_checksum_input(&date, txn_id, &c.merchant_code, &c.terminal_id, &c.secret));
        let body = json!({"txnId": txn_id, "merchantCode": c.merchant_code, "terminalID": c.terminal_id, "payDate": date, "checkSum": sum});
        read_check(&c.secret, &self.call(PATH_CHECK, &body).await?.json()?)
    }

    /// Refund `amount` of a paid QR. `full` = typeRefund 1 (exactly what is left), else 2.
    /// `pay_date` = the payment's date (GMT+7). HTTP 404 → `NoRefundApi` (portal only).
    #[allow(clippy::too_many_arguments)]
    pub async fn refund(
        &self,
        qr_trace: &str,
        pay_txn_id: &str,
        refund_txn_id: &str,
        full: bool,
        amount: i64,
        content: &str,
        pay_date: NaiveDateTime,
    ) -> Result<VnpayRefundAnswer, WalletError> {
        check_txn_id("refundTxnId", refund_txn_id)?;
        amount::positive(amount)?;
        let c = &self.cfg;
        let type_refund = if full { "1" } else { "2" };
        let amount_text = amount.to_string();
        let date = pay_date.format("%Y%m%d%H%M%S").to_string();
        let sum = md5_upper(&refund_checksum_input(
            &c.secret,
            &c.merchant_code,
            qr_trace,
            pay_txn_id,
            refund_txn_id,
            type_refund,
            &amount_text,
            &date,
        ));
        let body = json!({
            "merchantCode": c.merchant_code, "qrTrace": qr_trace, "payTxnId": pay_txn_id, "refundTxnId": refund_txn_id,
            "typeRefund": type_refund, "amount": amount_text, "refundContent": content, "payDate": date, "checkSum": sum,
        });
        let reply = self.call(PATH_REFUND, &body).await?;
        if reply.status == 404 {
            return Err(WalletError::NoRefundApi);
        }
        read_refund(&c.secret, &reply.json()?, amount)
    }

    async fn call(&self, path: &str, body: &Value) -> Result<super::Reply, WalletError> {
        let bytes = serde_json::to_vec(body).map_err(|e| WalletError::Decode(e.to_string()))?;
        super::post(&self.http, &join(&self.cfg.url, path), "application/json", bytes, self.timeout).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// partners.md's published example [V].
    #[test]
    fn create_checksum_published_vector() {
        let f = CreateFields {
            app_id: "MERCHANT".into(),
            merchant_name: "VNPAY TEST".into(),
            service_code: "03".into(),
            country_code: "VN".into(),
            master_mer_code: "A000000775".into(),
            merchant_type: "9999".into(),
            merchant_code: "88888888".into(),
            terminal_id: "PSSTEST".into(),
            pay_type: "03".into(),
            product_id: String::new(),
            txn_id: "VNP_TEST888".into(),
            amount: "100000".into(),
            tip_and_fee: String::new(),
            ccy: "704".into(),
            exp_date: String::new(),
        };
        assert_eq!(
            f.checksum_input("vnpay@MERCHANT"),
            "MERCHANT|VNPAY TEST|03|VN|A000000775|9999|88888888|PSSTEST|03||VNP_TEST888|100000||704||vnpay@MERCHANT"
        );
        assert_eq!(f.checksum("vnpay@MERCHANT"), "A8833240FA23EE9FA5D5D081EA8A7540");
        // The same fields built from a configuration with VNPAY's defaults.
        let cfg = VnpayConfig::new("http://x", "88888888", "PSSTEST", "vnpay@MERCHANT", "VNPAY TEST");
        assert_eq!(create_fields(&cfg, "VNP_TEST888", 100000, None), f);
    }

    #[test]
    fn exp_date_format() {
        let cfg = VnpayConfig::new("http://x", "m", "t", "s", "n");
        let exp = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap().and_hms_opt(14, 5, 59).unwrap();
        assert_eq!(create_fields(&cfg, "a", 1, Some(exp)).exp_date, "2603091405");
    }

    #[test]
    fn txn_ids() {
        assert!(check_txn_id("txnId", "0190f3a27b1c7def-1").is_ok());
        assert!(check_txn_id("txnId", &"a".repeat(20)).is_ok());
        for bad in ["", "a b", &"a".repeat(21), "a/b"] {
            assert!(check_txn_id("txnId", bad).is_err(), "{bad}");
        }
    }
}
