//! MoMo POS (API v2): `/v2/gateway/api/{pos,query,confirm,refund}`, contract §1.

use std::time::Duration;

use serde_json::{json, Map, Value};

use super::server::Reply;
use super::{callbacks, hmac_hex, now_ms, text, MomoRefund, Order, OrderState, Outcome, Script, SimWallet, WalletSim};

const W: SimWallet = SimWallet::Momo;
pub(crate) const MIN_AMOUNT: i64 = 1_000;
pub(crate) const MAX_AMOUNT: i64 = 5_000_000;
/// PayLate: the customer confirms this long after the pos call.
const LATE: Duration = Duration::from_secs(35);

pub(crate) fn message(code: i64) -> &'static str {
    match code {
        0 => "Successful.",
        9000 => "Transaction is authorized successfully.",
        1000 => "Transaction is initiated, waiting for user confirmation.",
        10 => "System is under maintenance.",
        11 => "Access denied.",
        13 => "Merchant authentication failed.",
        20 => "Bad format request.",
        21 => "Invalid amount.",
        22 => "Transaction amount is out of range.",
        40 => "Duplicated requestId.",
        41 => "Duplicated orderId.",
        42 => "Invalid orderId or orderId is not found.",
        1001 => "Insufficient funds.",
        1002 => "Rejected by the issuer.",
        1003 => "Transaction cancelled.",
        1004 => "Amount exceeds the payment limit.",
        1005 => "Payment code expired or already used.",
        1006 => "User denied the payment.",
        1007 => "Account inactive.",
        1017 => "Cancelled by the partner.",
        1026 => "Restricted by promotion rules.",
        1080 => "Refund attempt failed.",
        1081 => "Refund amount exceeds what is left.",
        1088 => "Transaction not refundable.",
        _ => "Unknown error.",
    }
}

/// Answers a repeated requestId replays (contract §1).
pub(crate) fn is_final(code: i64) -> bool {
    matches!(code, 0 | 1001..=1007 | 1017 | 1026 | 1080 | 1081 | 1088 | 4001 | 4002 | 4100 | 98 | 99)
}

/// MoMo's signature: HMAC-SHA256(secretKey, `k=v&…`) over every field but signature plus
/// accessKey, keys a–z.
pub(crate) fn sign_map(sim: &WalletSim, body: &Map<String, Value>, secret: &str) -> String {
    let mut pairs: Vec<(String, String)> =
        body.iter().filter(|(k, _)| *k != "signature").map(|(k, v)| (k.clone(), text(Some(v)))).collect();
    pairs.push(("accessKey".into(), sim.config().momo.access_key.clone()));
    pairs.sort();
    let raw: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
    hmac_hex(secret, &raw.join("&"))
}

fn signed(sim: &WalletSim, body: Value) -> Value {
    let Value::Object(mut m) = body else { return body };
    let sig = sign_map(sim, &m, &sim.config().momo.secret_key);
    m.insert("signature".into(), json!(sig));
    Value::Object(m)
}

/// The answer of pos/query and the IPN: the IPN string's fields but accessKey.
pub(crate) fn order_answer(sim: &WalletSim, o: &Order, request_id: &str) -> Value {
    let code = result_of(o);
    signed(
        sim,
        json!({
            "partnerCode": sim.config().momo.partner_code,
            "orderId": o.id,
            "requestId": request_id,
            "amount": o.amount,
            "orderInfo": o.field("orderInfo"),
            "orderType": "momo_wallet",
            "transId": o.reference.parse::<i64>().unwrap_or(0),
            "resultCode": code,
            "message": message(code),
            "payType": "pos",
            "responseTime": now_ms(),
            "extraData": o.field("extraData"),
        }),
    )
}

/// The IPN body of a final order; with a wrong signature when `bad`.
pub(crate) fn ipn_body(sim: &WalletSim, o: &Order, bad: bool) -> Value {
    let mut v = order_answer(sim, o, &o.field("requestId"));
    if bad {
        let m = v.as_object().cloned().unwrap_or_default();
        v["signature"] = json!(sign_map(sim, &m, "not-the-secret-key"));
    }
    v
}

pub(crate) fn result_of(o: &Order) -> i64 {
    match o.state {
        OrderState::Paid | OrderState::Refunded => 0,
        OrderState::Waiting => 1000,
        OrderState::Authorized => 9000,
        OrderState::Declined => o.code,
        OrderState::Expired => 1005,
    }
}

/// Refusals and refunds: partnerCode, orderId, requestId, amount, transId, resultCode,
/// message, responseTime (+ requestType for confirm), signed.
fn short_answer(sim: &WalletSim, req: &Map<String, Value>, code: i64, trans_id: i64, amount: Option<Value>) -> Value {
    signed(
        sim,
        json!({
            "partnerCode": sim.config().momo.partner_code,
            "orderId": text(req.get("orderId")),
            "requestId": text(req.get("requestId")),
            "amount": amount.unwrap_or_else(|| req.get("amount").cloned().unwrap_or(json!(0))),
            "transId": trans_id,
            "resultCode": code,
            "message": message(code),
            "responseTime": now_ms(),
        }),
    )
}

fn error(sim: &WalletSim, req: &Map<String, Value>, code: i64) -> Value {
    short_answer(sim, req, code, 0, None)
}

/// 13 and missing-field 20: unsigned.
fn unsigned(req: &Map<String, Value>, code: i64) -> Value {
    json!({
        "partnerCode": text(req.get("partnerCode")),
        "orderId": text(req.get("orderId")),
        "requestId": text(req.get("requestId")),
        "amount": req.get("amount").cloned().unwrap_or(json!(0)),
        "responseTime": now_ms(),
        "message": message(code),
        "resultCode": code,
    })
}

/// Parses the body and runs the checks common to every call: JSON object, required fields
/// present, partnerCode, signature. Err = the (unsigned) answer.
fn authenticate(sim: &WalletSim, body: &[u8], required: &[&str], signed_fields: &[&str]) -> Result<Map<String, Value>, Value> {
    let Ok(Value::Object(req)) = serde_json::from_slice::<Value>(body) else {
        return Err(unsigned(&Map::new(), 20));
    };
    let missing = |k: &&str| match req.get(*k) {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty(),
        _ => false,
    };
    if required.iter().any(missing) {
        return Err(unsigned(&req, 20));
    }
    let cfg = &sim.config().momo;
    if req.get("partnerCode").and_then(Value::as_str) != Some(cfg.partner_code.as_str()) {
        return Err(unsigned(&req, 13));
    }
    let raw: Vec<String> = signed_fields
        .iter()
        .map(|k| if *k == "accessKey" { format!("accessKey={}", cfg.access_key) } else { format!("{k}={}", text(req.get(*k))) })
        .collect();
    if req.get("signature").and_then(Value::as_str) != Some(hmac_hex(&cfg.secret_key, &raw.join("&")).as_str()) {
        return Err(unsigned(&req, 13));
    }
    Ok(req)
}

/// requestId idempotency: a repeat replays a final answer, else 40.
fn replay(sim: &WalletSim, req: &Map<String, Value>) -> Option<Value> {
    let g = sim.lock();
    let (answer, fin) = g.momo_requests.get(&text(req.get("requestId")))?;
    Some(if *fin { answer.clone() } else { error(sim, req, 40) })
}

fn remember(sim: &WalletSim, req: &Map<String, Value>, answer: &Value) -> Reply {
    let code = answer.get("resultCode").and_then(Value::as_i64).unwrap_or(99);
    sim.lock().momo_requests.insert(text(req.get("requestId")), (answer.clone(), is_final(code)));
    Reply::Send(answer.clone())
}

/// `^[0-9a-zA-Z]([-_.]*[0-9a-zA-Z]+)*$`, ≤ 50.
pub(crate) fn valid_order_id(s: &str) -> bool {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 50 || !b[0].is_ascii_alphanumeric() || !b[b.len() - 1].is_ascii_alphanumeric() {
        return false;
    }
    b.iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
}

fn ids_ok(req: &Map<String, Value>) -> bool {
    let rid = req.get("requestId").and_then(Value::as_str).unwrap_or("");
    req.get("orderId").and_then(Value::as_str).is_some_and(valid_order_id) && !rid.is_empty() && rid.len() <= 50
}

/// The payment code as scanned: base64 → RSA PKCS#1 v1.5 → 18 digits, optionally `MM`-prefixed.
/// Returns the 18 digits.
fn decrypt_code(sim: &WalletSim, b64: &str) -> Option<String> {
    use base64::Engine;
    let ct = base64::engine::general_purpose::STANDARD.decode(b64.trim()).ok()?;
    let pt = sim.0.momo_key.decrypt(rsa::Pkcs1v15Encrypt, &ct).ok()?;
    let code = String::from_utf8(pt).ok()?;
    let digits = code.strip_prefix("MM").unwrap_or(&code);
    (digits.len() == 18 && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.to_string())
}

fn integer(v: Option<&Value>) -> Option<i64> {
    match v {
        Some(Value::Number(n)) => n.as_i64(),
        _ => None,
    }
}

pub(crate) fn pos(sim: &WalletSim, body: &[u8]) -> Reply {
    let req = match authenticate(
        sim,
        body,
        &["partnerCode", "requestId", "orderId", "amount", "orderInfo", "paymentCode", "signature"],
        &["accessKey", "amount", "extraData", "orderId", "orderInfo", "partnerCode", "paymentCode", "requestId"],
    ) {
        Ok(r) => r,
        Err(a) => return Reply::Send(a),
    };
    if let Some(a) = replay(sim, &req) {
        if let Some(o) = sim.lock().book(W).get(&text(req.get("orderId"))) {
            o.requests += 1;
        }
        return Reply::Send(a);
    }
    let strings_ok = ["orderInfo", "paymentCode", "extraData", "ipnUrl", "storeId"]
        .iter()
        .all(|k| matches!(req.get(*k), None | Some(Value::Null) | Some(Value::String(_))));
    let auto_capture = match req.get("autoCapture") {
        None | Some(Value::Null) => Some(true),
        Some(Value::Bool(b)) => Some(*b),
        _ => None,
    };
    let Some(auto_capture) = auto_capture else {
        return Reply::Send(error(sim, &req, 20));
    };
    if !ids_ok(&req) || !strings_ok {
        return Reply::Send(error(sim, &req, 20));
    }
    if let Some(store) = &sim.config().momo.store_id {
        if req.get("storeId").and_then(Value::as_str) != Some(store.as_str()) {
            return Reply::Send(error(sim, &req, 11));
        }
    }
    let Some(amount) = integer(req.get("amount")) else {
        return remember(sim, &req, &error(sim, &req, 21));
    };
    if !(MIN_AMOUNT..=MAX_AMOUNT).contains(&amount) {
        return remember(sim, &req, &error(sim, &req, 22));
    }
    let Some(code) = decrypt_code(sim, &text(req.get("paymentCode"))) else {
        return Reply::Send(error(sim, &req, 20));
    };
    let order_id = text(req.get("orderId"));
    let request_id = text(req.get("requestId"));
    let script = {
        let mut g = sim.lock();
        let taken = g.momo_refunds.iter().any(|r| r.order_id == order_id);
        if let Some(o) = g.book(W).get(&order_id) {
            o.requests += 1;
            drop(g);
            return remember(sim, &req, &error(sim, &req, 41));
        }
        if taken {
            drop(g);
            return remember(sim, &req, &error(sim, &req, 41));
        }
        let used =
            g.momo_codes.get(&code).cloned().is_some_and(|other| g.book(W).get(&other).is_some_and(|o| o.state != OrderState::Declined));
        let trans_id = 3_000_000_000i64 + g.next();
        let mut o = Order::new(&order_id, amount, Value::Object(req.clone()));
        o.reference = trans_id.to_string();
        if used {
            // Declined at once; the code stays with the order that holds it.
            o.state = OrderState::Declined;
            o.code = 1005;
            g.book(W).orders.push(o.clone());
            drop(g);
            if let Some(cb) = callbacks::build(sim, W, &o) {
                callbacks::send(sim, cb);
            }
            return remember(sim, &req, &order_answer(sim, &o, &request_id));
        }
        let script = g.book(W).scripts.pop_front();
        o.bad_callback = script == Some(Script::CallbackBadSignature);
        g.book(W).orders.push(o);
        g.momo_codes.insert(code, order_id.clone());
        script
    };
    match &script {
        Some(Script::PayAfter(d)) => sim.schedule(W, &order_id, *d, Outcome::Pay, false),
        Some(Script::PayLate) => sim.schedule(W, &order_id, LATE, Outcome::Pay, true),
        Some(Script::Decline(c)) => {
            sim.settle(W, &order_id, Outcome::Decline(*c), false);
        }
        // autoCapture false: MoMo holds the money (9000) until confirm.
        _ if !auto_capture || script == Some(Script::Authorize) => {
            if let Some(o) = sim.lock().book(W).get(&order_id) {
                o.state = OrderState::Authorized;
            }
        }
        _ => {
            sim.settle(W, &order_id, Outcome::Pay, false);
        }
    }
    let answer = {
        let mut g = sim.lock();
        let o = g.book(W).get(&order_id).cloned().expect("just created");
        drop(g);
        order_answer(sim, &o, &request_id)
    };
    let reply = remember(sim, &req, &answer);
    match script {
        Some(Script::NeverAnswer) => Reply::Hold,
        Some(Script::LoseAnswerAfterSuccess) => Reply::Cut,
        Some(Script::DuplicateRequestId) => Reply::Send(error(sim, &req, 40)),
        _ => reply,
    }
}

pub(crate) fn query(sim: &WalletSim, body: &[u8]) -> Reply {
    let req = match authenticate(
        sim,
        body,
        &["partnerCode", "requestId", "orderId", "signature"],
        &["accessKey", "orderId", "partnerCode", "requestId"],
    ) {
        Ok(r) => r,
        Err(a) => return Reply::Send(a),
    };
    let order_id = text(req.get("orderId"));
    let request_id = text(req.get("requestId"));
    let (order, refund) = {
        let mut g = sim.lock();
        let o = g.book(W).get(&order_id).cloned();
        let r = g.momo_refunds.iter().find(|r| r.order_id == order_id).cloned();
        (o, r)
    };
    if let Some(o) = order {
        return Reply::Send(order_answer(sim, &o, &request_id));
    }
    if let Some(r) = refund {
        return Reply::Send(signed(
            sim,
            json!({
                "partnerCode": sim.config().momo.partner_code,
                "orderId": r.order_id,
                "requestId": request_id,
                "amount": r.amount,
                "orderInfo": r.description,
                "orderType": "momo_wallet",
                "transId": r.trans_id,
                "resultCode": 0,
                "message": message(0),
                "payType": "pos",
                "responseTime": now_ms(),
                "extraData": "",
            }),
        ));
    }
    Reply::Send(error(sim, &req, 42))
}

pub(crate) fn confirm(sim: &WalletSim, body: &[u8]) -> Reply {
    let req = match authenticate(
        sim,
        body,
        &["partnerCode", "requestId", "orderId", "requestType", "amount", "signature"],
        &["accessKey", "amount", "description", "orderId", "partnerCode", "requestId", "requestType"],
    ) {
        Ok(r) => r,
        Err(a) => return Reply::Send(a),
    };
    if let Some(a) = replay(sim, &req) {
        return Reply::Send(a);
    }
    let kind = text(req.get("requestType"));
    if !ids_ok(&req) || !matches!(kind.as_str(), "capture" | "cancel") {
        return Reply::Send(error(sim, &req, 20));
    }
    let Some(amount) = integer(req.get("amount")) else {
        return remember(sim, &req, &error(sim, &req, 21));
    };
    let order_id = text(req.get("orderId"));
    let settled = {
        let mut g = sim.lock();
        match g.book(W).get(&order_id) {
            Some(o) if o.state == OrderState::Authorized => {
                if o.amount != amount {
                    Err(22)
                } else {
                    if kind == "capture" {
                        o.state = OrderState::Paid;
                        o.paid_at = Some(chrono::Utc::now());
                    } else {
                        o.state = OrderState::Declined;
                        o.code = 1003;
                    }
                    Ok(o.clone())
                }
            }
            _ => Err(42),
        }
    };
    let o = match settled {
        Ok(o) => o,
        Err(code) => return remember(sim, &req, &error(sim, &req, code)),
    };
    if let Some(cb) = callbacks::build(sim, W, &o) {
        callbacks::send(sim, cb);
    }
    let answer = signed(
        sim,
        json!({
            "partnerCode": sim.config().momo.partner_code,
            "orderId": o.id,
            "requestId": text(req.get("requestId")),
            "amount": o.amount,
            "transId": o.reference.parse::<i64>().unwrap_or(0),
            "resultCode": 0,
            "message": message(0),
            "requestType": kind,
            "responseTime": now_ms(),
        }),
    );
    remember(sim, &req, &answer)
}

pub(crate) fn refund(sim: &WalletSim, body: &[u8]) -> Reply {
    let req = match authenticate(
        sim,
        body,
        &["partnerCode", "requestId", "orderId", "amount", "transId", "signature"],
        &["accessKey", "amount", "description", "orderId", "partnerCode", "requestId", "transId"],
    ) {
        Ok(r) => r,
        Err(a) => return Reply::Send(a),
    };
    if let Some(a) = replay(sim, &req) {
        return Reply::Send(a);
    }
    if !ids_ok(&req) {
        return Reply::Send(error(sim, &req, 20));
    }
    let order_id = text(req.get("orderId"));
    let amount = integer(req.get("amount"));
    let outcome = {
        let mut g = sim.lock();
        let seq = g.next();
        let exists = g.momo_refunds.iter().any(|r| r.order_id == order_id) || g.book(W).get(&order_id).is_some();
        let trans = text(req.get("transId"));
        if exists {
            Err(41)
        } else {
            match g.book(W).orders.iter_mut().find(|o| o.reference == trans) {
                None => Err(42),
                Some(o) => {
                    o.refresh();
                    let left = o.amount - o.refunded;
                    if !matches!(o.state, OrderState::Paid | OrderState::Refunded) {
                        Err(1088)
                    } else {
                        match amount {
                            None => Err(21),
                            Some(a) if a <= 0 => Err(21),
                            Some(a) if a > left => Err(1081),
                            Some(a) => {
                                o.refunded += a;
                                if o.refunded == o.amount {
                                    o.state = OrderState::Refunded;
                                }
                                let r = MomoRefund {
                                    order_id: order_id.clone(),
                                    amount: a,
                                    trans_id: 3_500_000_000i64 + seq,
                                    description: text(req.get("description")),
                                };
                                g.momo_refunds.push(r.clone());
                                Ok(r)
                            }
                        }
                    }
                }
            }
        }
    };
    let answer = match outcome {
        Ok(r) => short_answer(sim, &req, 0, r.trans_id, Some(json!(r.amount))),
        Err(code) => error(sim, &req, code),
    };
    remember(sim, &req, &answer)
}
