//! quay-sim's Viva on the wire, seen byte for byte through a minimal blocking client:
//! Basic auth, integer cents in, decimal major units out, the terminal, refunds, admin
//! controls and faults.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use quay_sim::viva::{start_viva_in_thread, RunningViva, TerminalOutcome, VivaConfig, VivaFaults};
use serde_json::{json, Value};

/// RFC 7617's example credentials, so the header is a known constant.
const AUTH: &str = "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==";

fn sim() -> RunningViva {
    start_viva_in_thread(VivaConfig { merchant_id: "Aladdin".into(), api_key: "open sesame".into(), ..VivaConfig::sandbox() })
}

/// One request per connection; `None` when the connection closed without an answer.
fn req(addr: SocketAddr, method: &str, path: &str, auth: Option<&str>, body: Option<&Value>) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let auth = auth.map(|a| format!("Authorization: {a}\r\n")).unwrap_or_default();
    write!(s, "{method} {path} HTTP/1.1\r\nHost: x\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()).unwrap();
    let mut raw = String::new();
    let _ = s.read_to_string(&mut raw);
    if raw.is_empty() {
        return None;
    }
    let status = raw.split_whitespace().nth(1).unwrap().parse().unwrap();
    let body = raw.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    Some((status, body))
}

fn api(v: &RunningViva, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
    let (status, text) = req(v.addr, method, path, Some(AUTH), body.as_ref()).expect("an answer");
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

#[test]
fn basic_auth_is_required() {
    let v = sim();
    for auth in [None, Some("Basic QWxhZGRpbjp3cm9uZw=="), Some("Bearer x")] {
        let (status, _) = req(v.addr, "POST", "/api/orders", auth, Some(&json!({"Amount": 100, "SourceCode": "A3"}))).unwrap();
        assert_eq!(status, 401, "{auth:?}");
    }
    assert!(v.orders().is_empty());
    assert_eq!(v.stats().unauthorized, 3);
}

#[test]
fn order_paid_by_the_terminal_lists_a_decimal_amount() {
    let v = sim();
    let (status, created) = api(&v, "POST", "/api/orders", Some(json!({"Amount": 1000, "SourceCode": "A3", "MerchantTrns": "sale-1"})));
    assert_eq!((status, &created["ErrorCode"]), (200, &json!(0)));
    let code = created["OrderCode"].as_u64().unwrap();
    // A decimal Amount in the create call is refused: it takes cents.
    let (status, refused) = api(&v, "POST", "/api/orders", Some(json!({"Amount": 10.5, "SourceCode": "A3"})));
    assert_eq!((status, refused["ErrorCode"].as_i64()), (400, Some(400)));

    let tx = v.pay_newest("A3", TerminalOutcome::Approve).unwrap();
    let (_, raw) = req(v.addr, "GET", &format!("/api/transactions/?ordercode={code}"), Some(AUTH), None).unwrap();
    assert!(raw.contains("\"Amount\":10.0"), "major units on the wire: {raw}");
    let list: Value = serde_json::from_str(&raw).unwrap();
    let t = &list["Transactions"][0];
    assert_eq!((t["StatusId"].as_str(), t["Order"]["OrderCode"].as_u64()), (Some("F"), Some(code)));
    assert_eq!(t["TransactionId"].as_str(), Some(tx.transaction_id.as_str()));
    assert_eq!(t["MerchantTrns"], "sale-1");
    let (_, order) = api(&v, "GET", &format!("/api/orders/{code}"), None);
    assert_eq!((order["StateId"].as_i64(), order["RequestAmount"].as_f64()), (Some(3), Some(10.0)));
    let (_, by_date) = api(&v, "GET", &format!("/api/transactions/?date={}", v.today()), None);
    assert_eq!(by_date["Transactions"].as_array().unwrap().len(), 1);
}

#[test]
fn admin_terminal_pays_the_newest_order_of_its_source() {
    let v = sim();
    api(&v, "POST", "/api/orders", Some(json!({"Amount": 100, "SourceCode": "A3", "MerchantTrns": "old"})));
    api(&v, "POST", "/api/orders", Some(json!({"Amount": 200, "SourceCode": "A3", "MerchantTrns": "new"})));
    let (status, body) = req(v.addr, "POST", "/admin/viva/pay", None, Some(&json!({"source": "A3", "outcome": "decline"}))).unwrap();
    assert_eq!(status, 200, "{body}");
    let (status, body) = req(v.addr, "POST", "/admin/viva/pay", None, Some(&json!({"source": "A3", "outcome": "approve"}))).unwrap();
    assert_eq!(status, 200);
    let tx: Value = serde_json::from_str(&body).unwrap();
    assert_eq!((tx["merchant_trns"].as_str(), tx["status_id"].as_str()), (Some("new"), Some("F")));
    // Paid: nothing pending is the newest any more; another source has nothing at all.
    assert_eq!(req(v.addr, "POST", "/admin/viva/pay", None, Some(&json!({"source": "A3", "outcome": "approve"}))).unwrap().0, 404);
    assert_eq!(req(v.addr, "POST", "/admin/viva/pay", None, Some(&json!({"source": "Z9", "outcome": "approve"}))).unwrap().0, 404);
}

/// A failed payment says why, as Viva does: `ResponseEventId` (its Event ID, 10051 for
/// the issuer's 51) and the issuer's `ResponseCode`, in the transaction list and in the
/// Transaction Failed webhook's EventData; a success has ResponseCode "00" and no event.
#[test]
fn a_decline_states_its_reason_on_the_wire() {
    let v = sim();
    let (_, c) = api(&v, "POST", "/api/orders", Some(json!({"Amount": 700, "SourceCode": "A3"})));
    let code = c["OrderCode"].as_u64().unwrap();
    v.pay_newest("A3", TerminalOutcome::Decline).unwrap();
    let pay = |outcome: Value| req(v.addr, "POST", "/admin/viva/pay", None, Some(&json!({"source": "A3", "outcome": outcome}))).unwrap();
    assert_eq!(pay(json!({"decline_with": {"event_id": 10005, "response_code": 5}})).0, 200);
    assert_eq!(pay(json!({"decline_with": {"event_id": 10301, "response_code": null}})).0, 200);
    let paid = v.pay_newest("A3", TerminalOutcome::Approve).unwrap();
    let (_, list) = api(&v, "GET", &format!("/api/transactions/?ordercode={code}"), None);
    let seen: Vec<(Value, Value, Value)> = list["Transactions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["StatusId"].clone(), t["ResponseEventId"].clone(), t["ResponseCode"].clone()))
        .collect();
    assert_eq!(
        seen,
        [
            (json!("E"), json!(10051), json!("51")),
            (json!("E"), json!(10005), json!("05")),
            (json!("E"), json!(10301), Value::Null),
            (json!("F"), Value::Null, json!("00")),
        ]
    );
    let failed = v.transactions().into_iter().find(|t| t.status_id == "E").unwrap();
    let event = quay_sim::viva::envelope(v.viva(), &failed, quay_sim::viva::TRANSACTION_FAILED);
    assert_eq!((&event["EventData"]["ResponseEventId"], &event["EventData"]["ResponseCode"]), (&json!(10051), &json!("51")));
    let event = quay_sim::viva::envelope(v.viva(), &paid, quay_sim::viva::PAYMENT_CREATED);
    assert_eq!((&event["EventData"]["ResponseEventId"], &event["EventData"]["ResponseCode"]), (&Value::Null, &json!("00")));
}

#[test]
fn cancel_and_refund() {
    let v = sim();
    let (_, c) = api(&v, "POST", "/api/orders", Some(json!({"Amount": 500, "SourceCode": "A3"})));
    let code = c["OrderCode"].as_u64().unwrap();
    assert_eq!(api(&v, "DELETE", &format!("/api/orders/{code}"), None).0, 200);
    assert!(v.pay_newest("A3", TerminalOutcome::Approve).is_none());

    api(&v, "POST", "/api/orders", Some(json!({"Amount": 1250, "SourceCode": "A3"})));
    let tx = v.pay_newest("A3", TerminalOutcome::Approve).unwrap();
    assert_eq!(api(&v, "DELETE", &format!("/api/transactions/{}?amount=2000", tx.transaction_id), None).0, 400, "more than paid");
    let (status, rev) = api(&v, "DELETE", &format!("/api/transactions/{}?amount=1250", tx.transaction_id), None);
    assert_eq!((status, rev["ParentId"].as_str(), rev["Amount"].as_f64()), (200, Some(tx.transaction_id.as_str()), Some(12.5)));
    let (status, again) = api(&v, "DELETE", &format!("/api/transactions/{}?amount=1250", tx.transaction_id), None);
    assert_eq!((status, again["ErrorCode"].as_i64(), again["ErrorText"].as_str()), (403, Some(403), Some("Non reversible transaction")));
}

#[test]
fn faults_5xx_slow_and_lost_answers() {
    let v = sim();
    let order = json!({"Amount": 100, "SourceCode": "A3", "MerchantTrns": "lost"});
    // Over HTTP, like a script would.
    let (status, _) = req(v.addr, "POST", "/admin/viva/faults", None, Some(&json!({"fail_5xx": 1}))).unwrap();
    assert_eq!(status, 200);
    assert_eq!(api(&v, "POST", "/api/orders", Some(order.clone())).0, 500);
    assert!(v.orders().is_empty());

    v.set_faults(VivaFaults { lose_create_responses: 1, ..Default::default() });
    assert!(req(v.addr, "POST", "/api/orders", Some(AUTH), Some(&order)).is_none(), "the answer is lost");
    assert_eq!(v.orders_by_merchant_trns("lost").len(), 1, "but the order exists");
    assert_eq!(api(&v, "POST", "/api/orders", Some(order)).0, 200, "one loss only");

    v.set_faults(VivaFaults { slow_ms: 300, ..Default::default() });
    let t = std::time::Instant::now();
    assert_eq!(api(&v, "GET", "/api/messages/config/token", None).1, json!({"Key": VivaConfig::SANDBOX_WEBHOOK_KEY}));
    assert!(t.elapsed() >= Duration::from_millis(300));
    let stats: Value = serde_json::from_str(&req(v.addr, "GET", "/admin/viva/stats", None, None).unwrap().1).unwrap();
    assert_eq!((stats["responses_lost"].as_u64(), stats["answered_5xx"].as_u64()), (Some(1), Some(1)));
}
