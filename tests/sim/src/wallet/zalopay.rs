//! ZaloPay v2: `/v2/{create,query,refund,query_refund}`, contract §2. Parameters come as
//! a form, JSON or a query string (merged; the body wins).

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use serde_json::{json, Value};

use super::server::Reply;
use super::{gmt7, hmac_hex, now_ms, text, Order, OrderState, Script, SimWallet, WalletSim, ZaloRefund};

const W: SimWallet = SimWallet::ZaloPay;
/// ZaloPay's default QR lifetime when create sends no expire_duration_seconds.
const DEFAULT_EXPIRY_SECS: i64 = 900;
const MAX_EXPIRY_SECS: i64 = 2_592_000;
/// app_time and refund timestamps must be this close to the wallet's clock.
const SKEW_MS: i64 = 15 * 60 * 1000;

type Params = HashMap<String, String>;

pub(crate) fn params(query: Option<&str>, ctype: &str, body: &[u8]) -> Result<Params, ()> {
    let mut m = Params::new();
    if let Some(q) = query {
        form_into(q, &mut m)?;
    }
    let trimmed = body.iter().skip_while(|b| b.is_ascii_whitespace()).copied().collect::<Vec<u8>>();
    if ctype.contains("json") || trimmed.first() == Some(&b'{') {
        if !trimmed.is_empty() {
            let Ok(Value::Object(o)) = serde_json::from_slice::<Value>(&trimmed) else { return Err(()) };
            for (k, v) in o {
                m.insert(k, text(Some(&v)));
            }
        }
    } else if !body.is_empty() {
        form_into(std::str::from_utf8(body).map_err(|_| ())?, &mut m)?;
    }
    Ok(m)
}

fn form_into(s: &str, m: &mut Params) -> Result<(), ()> {
    for pair in s.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        m.insert(decode(k)?, decode(v)?);
    }
    Ok(())
}

fn decode(s: &str) -> Result<String, ()> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let h =
                    b.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok()).ok_or(())?;
                out.push(h);
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| ())
}

fn answer(rc: i64, sub: i64, msg: &str) -> Value {
    json!({"return_code": rc, "return_message": msg, "sub_return_code": sub, "sub_return_message": msg})
}

/// return_code 2 with that sub_return_code.
pub(crate) fn refused(sub: i64, msg: &str) -> Value {
    answer(2, sub, msg)
}

fn get<'a>(p: &'a Params, k: &str) -> &'a str {
    p.get(k).map(String::as_str).unwrap_or("")
}

/// Required fields present, app_id ours, mac = HMAC(key1, the fields joined by `|`).
fn authenticate(sim: &WalletSim, p: &Params, required: &[&str], mac_of: &[&str]) -> Result<(), Value> {
    if required.iter().any(|k| get(p, k).is_empty()) {
        return Err(refused(-401, "missing parameters"));
    }
    let cfg = &sim.config().zalopay;
    if get(p, "app_id") != cfg.app_id.to_string() {
        return Err(refused(-402, "invalid app_id"));
    }
    let data: Vec<&str> = mac_of.iter().map(|k| if *k == "key1" { cfg.key1.as_str() } else { get(p, k) }).collect();
    if get(p, "mac") != hmac_hex(&cfg.key1, &data.join("|")) {
        return Err(refused(-402, "invalid mac"));
    }
    Ok(())
}

fn digits(s: &str) -> Option<i64> {
    (!s.is_empty() && s.len() <= 18 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

fn suffix_ok(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// `yymmdd` within a day of today in GMT+7.
fn date_ok(yymmdd: &str) -> bool {
    let Ok(d) = NaiveDate::parse_from_str(&format!("20{yymmdd}"), "%Y%m%d") else { return false };
    yymmdd.len() == 6 && yymmdd.bytes().all(|b| b.is_ascii_digit()) && (d - gmt7(Utc::now()).date_naive()).num_days().abs() <= 1
}

fn fresh(ms: &str) -> bool {
    digits(ms).is_some_and(|t| (now_ms() - t).abs() <= SKEW_MS)
}

pub(crate) fn create(sim: &WalletSim, p: &Params) -> Reply {
    if let Err(a) = authenticate(
        sim,
        p,
        &["app_id", "app_user", "app_trans_id", "app_time", "amount", "description", "item", "embed_data", "mac"],
        &["app_id", "app_trans_id", "app_user", "amount", "app_time", "embed_data", "item"],
    ) {
        return Reply::Send(a);
    }
    let id = get(p, "app_trans_id").to_string();
    let id_ok = id.len() <= 40 && id.len() > 7 && id.as_bytes()[6] == b'_' && date_ok(&id[..6]) && suffix_ok(&id[7..]);
    let amount = digits(get(p, "amount")).filter(|a| *a > 0);
    let item_ok = matches!(serde_json::from_str::<Value>(get(p, "item")), Ok(Value::Array(_)));
    let embed_ok = matches!(serde_json::from_str::<Value>(get(p, "embed_data")), Ok(Value::Object(_)));
    let expiry = match p.get("expire_duration_seconds").map(String::as_str) {
        None | Some("") => Some(DEFAULT_EXPIRY_SECS),
        Some(s) => digits(s).filter(|e| (1..=MAX_EXPIRY_SECS).contains(e)),
    };
    let (Some(amount), Some(expiry), true, true, true, true) = (amount, expiry, id_ok, item_ok, embed_ok, fresh(get(p, "app_time"))) else {
        return Reply::Send(refused(-401, "invalid parameters"));
    };
    let (script, token) = {
        let mut g = sim.lock();
        if let Some(o) = g.book(W).get(&id) {
            o.requests += 1;
            return Reply::Send(refused(-68, "duplicate app_trans_id"));
        }
        let script = g.book(W).scripts.pop_front();
        let fields: serde_json::Map<String, Value> = p.iter().map(|(k, v)| (k.clone(), json!(v))).collect();
        let mut o = Order::new(&id, amount, Value::Object(fields));
        o.deadline = Some(o.created + chrono::Duration::seconds(expiry));
        o.bad_callback = script == Some(Script::CallbackBadSignature);
        let token = format!("AC{}", uuid::Uuid::new_v4().simple().to_string()[..20].to_ascii_uppercase());
        o.answer = json!(token);
        g.book(W).orders.push(o);
        (script, token)
    };
    sim.start_qr(W, &id, script.as_ref());
    let mut a = answer(1, 1, "Giao dịch thành công");
    a["zp_trans_token"] = json!(token);
    a["order_url"] = json!(format!("https://qcgateway.zalopay.vn/openinapp?order={token}"));
    a["order_token"] = json!(token);
    a["qr_code"] = json!(qr_code(&token, amount));
    match script {
        Some(Script::NeverAnswer) => Reply::Hold,
        Some(Script::LoseAnswerAfterSuccess) => Reply::Cut,
        _ => Reply::Send(a),
    }
}

/// A VietQR-style EMVCo payload pointing at the order (what the counter renders).
fn qr_code(token: &str, amount: i64) -> String {
    let tlv = |tag: &str, v: &str| format!("{tag}{:02}{v}", v.len());
    let account = tlv("00", "A000000727") + &tlv("01", &(tlv("00", "970454") + &tlv("01", "99ZP"))) + &tlv("02", "QRIBFTTA");
    let body = tlv("00", "01")
        + &tlv("01", "12")
        + &tlv("38", &account)
        + &tlv("53", "704")
        + &tlv("54", &amount.to_string())
        + &tlv("58", "VN")
        + &tlv("62", &tlv("08", token))
        + "6304";
    let crc = super::vnpay::crc16(body.as_bytes());
    format!("{body}{crc:04X}")
}

pub(crate) fn query(sim: &WalletSim, p: &Params) -> Reply {
    if let Err(a) = authenticate(sim, p, &["app_id", "app_trans_id", "mac"], &["app_id", "app_trans_id", "key1"]) {
        return Reply::Send(a);
    }
    let o = sim.lock().book(W).get(get(p, "app_trans_id")).cloned();
    let Some(o) = o else { return Reply::Send(refused(-92, "order not found")) };
    let mut a = match o.state {
        OrderState::Paid | OrderState::Refunded => answer(1, 1, "Giao dịch thành công"),
        OrderState::Waiting | OrderState::Authorized => answer(3, 3, "Giao dịch chưa được thực hiện"),
        OrderState::Expired => refused(-54, "Giao dịch hết hạn"),
        OrderState::Declined => refused(o.code, "Giao dịch thất bại"),
    };
    a["is_processing"] = json!(false);
    a["amount"] = json!(o.amount);
    a["discount_amount"] = json!(0);
    a["zp_trans_id"] = json!(o.reference.parse::<i64>().unwrap_or(0));
    a["server_time"] = json!(o.paid_at.map(|t| t.timestamp_millis()).unwrap_or_else(now_ms));
    Reply::Send(a)
}

/// The callback: {data (JSON text), mac = HMAC(key2, data), type 1}.
pub(crate) fn callback_body(sim: &WalletSim, o: &Order, bad: bool) -> Value {
    let cfg = &sim.config().zalopay;
    let data = json!({
        "app_id": cfg.app_id,
        "app_trans_id": o.id,
        "app_time": o.field("app_time").parse::<i64>().unwrap_or(0),
        "app_user": o.field("app_user"),
        "amount": o.amount,
        "embed_data": o.field("embed_data"),
        "item": o.field("item"),
        "zp_trans_id": o.reference.parse::<i64>().unwrap_or(0),
        "server_time": o.paid_at.map(|t| t.timestamp_millis()).unwrap_or_else(now_ms),
        "channel": 38,
        "merchant_user_id": "",
        "user_fee_amount": 0,
        "discount_amount": 0,
    })
    .to_string();
    let mac = hmac_hex(if bad { "not-key2" } else { &cfg.key2 }, &data);
    json!({"data": data, "mac": mac, "type": 1})
}

fn refund_answer(r: &ZaloRefund) -> Value {
    let mut a = if r.done { answer(1, 1, "Hoàn tiền thành công") } else { answer(3, 3, "Đang xử lý hoàn tiền") };
    a["refund_id"] = json!(r.refund_id);
    a
}

pub(crate) fn refund(sim: &WalletSim, p: &Params) -> Reply {
    if let Err(a) = authenticate(
        sim,
        p,
        &["app_id", "m_refund_id", "zp_trans_id", "amount", "timestamp", "description", "mac"],
        &["app_id", "zp_trans_id", "amount", "description", "timestamp"],
    ) {
        return Reply::Send(a);
    }
    let app_id = sim.config().zalopay.app_id.to_string();
    let m_refund_id = get(p, "m_refund_id").to_string();
    let parts: Vec<&str> = m_refund_id.splitn(3, '_').collect();
    let id_ok = m_refund_id.len() <= 45 && parts.len() == 3 && date_ok(parts[0]) && parts[1] == app_id && suffix_ok(parts[2]);
    if !id_ok || !fresh(get(p, "timestamp")) {
        return Reply::Send(refused(-401, "invalid parameters"));
    }
    let mut g = sim.lock();
    if let Some(r) = g.zalo_refunds.iter().find(|r| r.m_refund_id == m_refund_id) {
        return Reply::Send(refund_answer(r));
    }
    let seq = g.next();
    let zp = get(p, "zp_trans_id").to_string();
    let amount = digits(get(p, "amount")).filter(|a| *a > 0);
    let Some(o) = g.book(W).orders.iter_mut().find(|o| !zp.is_empty() && o.reference == zp) else {
        return Reply::Send(refused(-401, "zp_trans_id not found"));
    };
    o.refresh();
    let left = o.amount - o.refunded;
    let paid = matches!(o.state, OrderState::Paid | OrderState::Refunded);
    let Some(amount) = amount.filter(|a| paid && *a <= left) else {
        return Reply::Send(refused(-401, "invalid refund amount"));
    };
    o.refunded += amount;
    if o.refunded == o.amount {
        o.state = OrderState::Refunded;
    }
    let r = ZaloRefund { m_refund_id, refund_id: 5_000_000_000 + seq, amount, done: false };
    g.zalo_refunds.push(r.clone());
    Reply::Send(refund_answer(&r))
}

pub(crate) fn query_refund(sim: &WalletSim, p: &Params) -> Reply {
    if let Err(a) = authenticate(sim, p, &["app_id", "m_refund_id", "timestamp", "mac"], &["app_id", "m_refund_id", "timestamp"]) {
        return Reply::Send(a);
    }
    if !fresh(get(p, "timestamp")) {
        return Reply::Send(refused(-401, "invalid timestamp"));
    }
    let mut g = sim.lock();
    let Some(r) = g.zalo_refunds.iter_mut().find(|r| r.m_refund_id == get(p, "m_refund_id")) else {
        return Reply::Send(refused(-92, "refund not found"));
    };
    // Processing when asked for, done by the next look.
    r.done = true;
    let mut a = refund_answer(r);
    a["amount"] = json!(r.amount);
    Reply::Send(a)
}
