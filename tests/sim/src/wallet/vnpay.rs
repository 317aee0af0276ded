//! VNPAY-QR: create (`/QRCreateAPIRestV2/rest/CreateQrcodeApi/createQrcode`), CheckTrans
//! (`/CheckTransaction/rest/api/CheckTrans`), refund (`/mms/refund`) and the IPN,
//! contract §3. Bodies are read as JSON whatever the Content-Type.

use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde_json::{json, Map, Value};

use super::server::Reply;
use super::{gmt7, md5_upper, text, Order, OrderState, Script, SimWallet, WalletSim};

const W: SimWallet = SimWallet::Vnpay;
pub(crate) const MASTER_MER_CODE: &str = "A000000775";
const BANK_CODE: &str = "NCB";

/// CRC-16/CCITT-FALSE, as EMVCo's tag 63.
pub(crate) fn crc16(data: &[u8]) -> u16 {
    let mut crc: u16 = 0xFFFF;
    for &b in data {
        crc ^= (b as u16) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 { (crc << 1) ^ 0x1021 } else { crc << 1 };
        }
    }
    crc
}

fn object(body: &[u8]) -> Option<Map<String, Value>> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(m)) => Some(m),
        _ => None,
    }
}

fn field(m: &Map<String, Value>, k: &str) -> String {
    text(m.get(k))
}

fn is_null(m: &Map<String, Value>, k: &str) -> bool {
    matches!(m.get(k), None | Some(Value::Null))
}

/// `a|b|…|secret` with each null hashed as `null_as`.
fn joined(m: &Map<String, Value>, keys: &[&str], null_as: &str, secret: &str) -> String {
    let mut parts: Vec<String> = keys.iter().map(|k| if is_null(m, k) { null_as.to_string() } else { field(m, k) }).collect();
    parts.push(secret.to_string());
    parts.join("|")
}

fn digits(s: &str) -> Option<i64> {
    (!s.is_empty() && s.len() <= 15 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

fn create_answer(sim: &WalletSim, code: &str, message: &str, data: Option<String>, id: Option<String>) -> Value {
    let mut a = json!({"code": code, "message": message, "data": data, "url": null, "isDelete": data.is_some(), "idQrcode": id});
    let m = a.as_object().cloned().unwrap_or_default();
    a["checksum"] = json!(md5_upper(&joined(&m, &["code", "message", "data", "url"], "null", &sim.config().vnpay.secret)));
    a
}

/// The end of expDate's minute (yyMMddHHmm, GMT+7).
fn exp_deadline(s: &str) -> Option<chrono::DateTime<Utc>> {
    if s.len() != 10 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let naive = NaiveDateTime::parse_from_str(&format!("20{s}00"), "%Y%m%d%H%M%S").ok()?;
    let local = chrono::FixedOffset::east_opt(7 * 3600)?.from_local_datetime(&naive).single()?;
    Some(local.with_timezone(&Utc) + chrono::Duration::seconds(59) + chrono::Duration::milliseconds(999))
}

fn id_ok(s: &str) -> bool {
    (1..=20).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
}

pub(crate) fn create(sim: &WalletSim, body: &[u8]) -> Reply {
    let cfg = &sim.config().vnpay;
    let Some(m) = object(body) else {
        return Reply::Send(create_answer(sim, "01", "Format error", None, None));
    };
    const HASHED: [&str; 15] = [
        "appId",
        "merchantName",
        "serviceCode",
        "countryCode",
        "masterMerCode",
        "merchantType",
        "merchantCode",
        "terminalId",
        "payType",
        "productId",
        "txnId",
        "amount",
        "tipAndFee",
        "ccy",
        "expDate",
    ];
    let empty = |k: &str| field(&m, k).is_empty();
    if empty("masterMerCode") {
        return Reply::Send(create_answer(sim, "12", "masterMerCode is invalid", None, None));
    }
    if HASHED.iter().chain(["checksum"].iter()).filter(|k| !matches!(**k, "productId" | "tipAndFee" | "expDate")).any(|k| empty(k)) {
        return Reply::Send(create_answer(sim, "01", "Format error", None, None));
    }
    let given = field(&m, "checksum");
    if given != md5_upper(&joined(&m, &HASHED, "", &cfg.secret)) && given != md5_upper(&joined(&m, &HASHED, "null", &cfg.secret)) {
        return Reply::Send(create_answer(sim, "06", "Wrong checksum", None, None));
    }
    if field(&m, "merchantCode") != cfg.merchant_code {
        return Reply::Send(create_answer(sim, "07", "Merchant is not exist", None, None));
    }
    if field(&m, "terminalId") != cfg.terminal_id {
        return Reply::Send(create_answer(sim, "21", "Terminal is invalid", None, None));
    }
    if field(&m, "masterMerCode") != MASTER_MER_CODE {
        return Reply::Send(create_answer(sim, "12", "masterMerCode is invalid", None, None));
    }
    let amount = digits(&field(&m, "amount")).filter(|a| *a > 0);
    let exp = field(&m, "expDate");
    let deadline = exp_deadline(&exp);
    let tip = field(&m, "tipAndFee");
    let txn = field(&m, "txnId");
    let formats_ok = field(&m, "serviceCode") == "03"
        && field(&m, "countryCode") == "VN"
        && field(&m, "payType") == "03"
        && field(&m, "merchantType") == cfg.merchant_type
        && field(&m, "ccy") == "704"
        && (tip.is_empty() || digits(&tip).is_some())
        && id_ok(&txn)
        && (exp.is_empty() || deadline.is_some_and(|d| d >= Utc::now()));
    let Some(amount) = amount.filter(|_| formats_ok) else {
        return Reply::Send(create_answer(sim, "01", "Format error", None, None));
    };
    let (script, answer) = {
        let mut g = sim.lock();
        let seq = g.next();
        if let Some(o) = g.book(W).get(&txn) {
            o.requests += 1;
            return Reply::Send(if o.amount == amount {
                o.answer.clone()
            } else {
                create_answer(sim, "04", "Insert failed: txnId exists", None, None)
            });
        }
        let script = g.book(W).scripts.pop_front();
        let mut o = Order::new(&txn, amount, Value::Object(m.clone()));
        o.deadline = deadline;
        o.bad_callback = script == Some(Script::CallbackBadSignature);
        o.answer = create_answer(
            sim,
            "00",
            "Success",
            Some(emv(sim, &txn, amount, &field(&m, "merchantName"))),
            Some(format!("{}", 40_000_000 + seq)),
        );
        let answer = o.answer.clone();
        g.book(W).orders.push(o);
        (script, answer)
    };
    sim.start_qr(W, &txn, script.as_ref());
    match script {
        Some(Script::NeverAnswer) => Reply::Hold,
        Some(Script::LoseAnswerAfterSuccess) => Reply::Cut,
        _ => Reply::Send(answer),
    }
}

/// The EMVCo payload (tag 63 = CRC16 over everything before it, `6304` included).
fn emv(sim: &WalletSim, txn: &str, amount: i64, name: &str) -> String {
    let cfg = &sim.config().vnpay;
    let tlv = |tag: &str, v: &str| format!("{tag}{:02}{v}", v.len());
    let name: String = name.chars().filter(char::is_ascii).take(25).collect();
    let body = tlv("00", "01")
        + &tlv("01", "12")
        + &tlv("26", &(tlv("00", MASTER_MER_CODE) + &tlv("01", &cfg.merchant_code)))
        + &tlv("52", &cfg.merchant_type)
        + &tlv("53", "704")
        + &tlv("54", &amount.to_string())
        + &tlv("58", "VN")
        + &tlv("59", if name.is_empty() { "VNPAY" } else { &name })
        + &tlv("60", "HA NOI")
        + &tlv("62", &(tlv("01", txn) + &tlv("07", &cfg.terminal_id)))
        + "6304";
    let crc = crc16(body.as_bytes());
    format!("{body}{crc:04X}")
}

const CHECK_HASHED: [&str; 9] =
    ["masterMerchantCode", "merchantCode", "terminalID", "txnId", "payDate", "bankCode", "qrTrace", "debitAmount", "realAmount"];

fn check_answer(sim: &WalletSim, code: &str, message: &str, o: Option<&Order>) -> Value {
    let cfg = &sim.config().vnpay;
    let mut a = match o {
        Some(o) => json!({
            "masterMerchantCode": MASTER_MER_CODE,
            "merchantCode": cfg.merchant_code,
            "terminalID": cfg.terminal_id,
            "txnId": o.id,
            "payDate": o.paid_at.map(|t| gmt7(t).format("%d/%m/%Y %H:%M:%S").to_string()),
            "bankCode": BANK_CODE,
            "qrTrace": o.reference,
            "debitAmount": o.amount.to_string(),
            "realAmount": o.amount.to_string(),
            "billNumber": o.id,
        }),
        None => {
            let mut m = Map::new();
            for k in CHECK_HASHED.iter().chain(["billNumber"].iter()) {
                m.insert(k.to_string(), Value::Null);
            }
            Value::Object(m)
        }
    };
    a["code"] = json!(code);
    a["message"] = json!(message);
    let m = a.as_object().cloned().unwrap_or_default();
    a["checkSum"] = json!(md5_upper(&joined(&m, &CHECK_HASHED, "null", &cfg.secret)));
    a
}

pub(crate) fn check(sim: &WalletSim, body: &[u8]) -> Reply {
    let cfg = &sim.config().vnpay;
    let Some(m) = object(body) else {
        return Reply::Send(check_answer(sim, "11", "Invalid input", None));
    };
    if field(&m, "txnId").is_empty() {
        return Reply::Send(check_answer(sim, "03", "txnId is empty", None));
    }
    if ["merchantCode", "terminalID", "payDate", "checkSum"].iter().any(|k| field(&m, k).is_empty()) {
        return Reply::Send(check_answer(sim, "11", "Invalid input", None));
    }
    let raw =
        format!("{}|{}|{}|{}|{}", field(&m, "payDate"), field(&m, "txnId"), field(&m, "merchantCode"), field(&m, "terminalID"), cfg.secret);
    if field(&m, "checkSum") != md5_upper(&raw) {
        return Reply::Send(check_answer(sim, "11", "Wrong checkSum", None));
    }
    let Ok(day) = NaiveDate::parse_from_str(&field(&m, "payDate"), "%d/%m/%Y") else {
        return Reply::Send(check_answer(sim, "02", "payDate is invalid", None));
    };
    if field(&m, "merchantCode") != cfg.merchant_code || field(&m, "terminalID") != cfg.terminal_id {
        return Reply::Send(check_answer(sim, "01", "Transaction not found", None));
    }
    let o = sim.lock().book(W).get(&field(&m, "txnId")).cloned();
    let Some(o) = o else {
        return Reply::Send(check_answer(sim, "01", "Transaction not found", None));
    };
    let near = |t: Option<chrono::DateTime<Utc>>| t.is_some_and(|t| (gmt7(t).date_naive() - day).num_days().abs() <= 1);
    if !near(Some(o.created)) && !near(o.paid_at) {
        return Reply::Send(check_answer(sim, "01", "Transaction not found", None));
    }
    Reply::Send(match o.state {
        OrderState::Paid | OrderState::Refunded => check_answer(sim, "00", "Success", Some(&o)),
        OrderState::Declined => check_answer(sim, "04", "Transaction failed", None),
        _ => check_answer(sim, "01", "Transaction not found", None),
    })
}

/// The IPN of a paid order; with a wrong checksum when `bad`.
pub(crate) fn ipn_body(sim: &WalletSim, o: &Order, bad: bool) -> Value {
    let cfg = &sim.config().vnpay;
    let pay_date = o.paid_at.map(|t| gmt7(t).format("%Y%m%d%H%M%S").to_string()).unwrap_or_default();
    let mut a = json!({
        "code": "00",
        "message": "Tru tien thanh cong, so trace 100550",
        "msgType": "1",
        "txnId": o.id,
        "qrTrace": o.reference,
        "bankCode": BANK_CODE,
        "mobile": "0912345678",
        "accountNo": "",
        "amount": o.amount.to_string(),
        "payDate": pay_date,
        "masterMerCode": MASTER_MER_CODE,
        "merchantCode": cfg.merchant_code,
        "terminalId": cfg.terminal_id,
        "addData": [{
            "merchantType": cfg.merchant_type,
            "serviceCode": "03",
            "masterMerCode": MASTER_MER_CODE,
            "merchantCode": cfg.merchant_code,
            "terminalId": cfg.terminal_id,
            "productId": "",
            "amount": o.amount.to_string(),
            "ccy": "704",
            "qty": "1",
            "note": ""
        }],
        "ccy": "704",
    });
    let m = a.as_object().cloned().unwrap_or_default();
    let keys = ["code", "msgType", "txnId", "qrTrace", "bankCode", "mobile", "accountNo", "amount", "payDate", "merchantCode"];
    a["checksum"] = json!(md5_upper(&joined(&m, &keys, "", if bad { "not-the-secret" } else { &cfg.secret })));
    a
}

fn refund_answer(sim: &WalletSim, code: &str, message: &str, trace: Option<&str>, date: Option<&str>) -> Value {
    let raw = format!("{}{code}{}{}", sim.config().vnpay.secret, trace.unwrap_or(""), date.unwrap_or(""));
    json!({"code": code, "message": message, "qrTraceRefund": trace, "refundDate": date, "checkSum": md5_upper(&raw)})
}

pub(crate) fn refund(sim: &WalletSim, body: &[u8]) -> Reply {
    let cfg = &sim.config().vnpay;
    let Some(m) = object(body) else {
        return Reply::Send(refund_answer(sim, "02", "Invalid parameters", None, None));
    };
    const REQUIRED: [&str; 8] = ["merchantCode", "qrTrace", "payTxnId", "refundTxnId", "typeRefund", "amount", "payDate", "checkSum"];
    if REQUIRED.iter().any(|k| field(&m, k).is_empty()) {
        return Reply::Send(refund_answer(sim, "02", "Invalid parameters", None, None));
    }
    let raw: String = std::iter::once(cfg.secret.clone()).chain(REQUIRED[..7].iter().map(|k| field(&m, k))).collect();
    if field(&m, "checkSum") != md5_upper(&raw) {
        return Reply::Send(refund_answer(sim, "01", "Wrong checkSum", None, None));
    }
    let refund_txn = field(&m, "refundTxnId");
    let mut g = sim.lock();
    if let Some(first) = g.vnpay_refunds.get(&refund_txn) {
        return Reply::Send(first.clone());
    }
    let kind = field(&m, "typeRefund");
    let amount = digits(&field(&m, "amount")).filter(|a| *a > 0);
    let pay_date_ok = NaiveDateTime::parse_from_str(&field(&m, "payDate"), "%Y%m%d%H%M%S").is_ok() && field(&m, "payDate").len() == 14;
    let (Some(amount), true, true) = (amount, matches!(kind.as_str(), "1" | "2"), pay_date_ok && id_ok(&refund_txn)) else {
        return Reply::Send(refund_answer(sim, "02", "Invalid parameters", None, None));
    };
    let seq = g.next();
    let found = if field(&m, "merchantCode") == cfg.merchant_code {
        g.book(W).get(&field(&m, "payTxnId")).filter(|o| o.reference == field(&m, "qrTrace"))
    } else {
        None
    };
    let Some(o) = found else {
        return Reply::Send(refund_answer(sim, "04", "Transaction not found", None, None));
    };
    if !matches!(o.state, OrderState::Paid | OrderState::Refunded) {
        return Reply::Send(refund_answer(sim, "19", "Transaction is not paid", None, None));
    }
    let left = o.amount - o.refunded;
    if amount > left {
        return Reply::Send(refund_answer(sim, "20", "Amount exceeds what is left", None, None));
    }
    if kind == "1" && amount != left {
        return Reply::Send(refund_answer(sim, "02", "typeRefund 1 refunds exactly what is left", None, None));
    }
    o.refunded += amount;
    if o.refunded == o.amount {
        o.state = OrderState::Refunded;
    }
    let trace = format!("{:09}", 800_000_000 + seq);
    let date = gmt7(Utc::now()).format("%Y%m%d%H%M%S").to_string();
    let a = refund_answer(sim, "00", "Success", Some(&trace), Some(&date));
    g.vnpay_refunds.insert(refund_txn, a.clone());
    Reply::Send(a)
}
