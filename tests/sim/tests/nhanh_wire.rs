//! quay-sim's Nhanh.vn Open API v3 on the wire, through a minimal blocking client written
//! here from partners-contracts.md §5: the check order, the three `messages` shapes,
//! paging with cursors, the rate limit's lock, order/add idempotency, order/edit's table,
//! customers, the token exchange and the webhook sender.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use quay_sim::nhanh::{
    start_nhanh_in_thread, ChannelOrder, MessagesMode, NhanhGrant, NhanhProduct, NhanhSimConfig, NhanhSimHandle, SendOptions,
    WebhookVersion,
};
use serde_json::{json, Value};

const APP: &str = NhanhSimConfig::SANDBOX_APP_ID;
const SECRET: &str = NhanhSimConfig::SANDBOX_SECRET_KEY;
const BIZ: i64 = NhanhSimConfig::SANDBOX_BUSINESS_ID;

/// One request per connection; None when the connection closed without an answer.
fn raw(addr: SocketAddr, method: &str, target: &str, auth: Option<&str>, body: &[u8]) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let auth = auth.map(|a| format!("Authorization: {a}\r\n")).unwrap_or_default();
    write!(
        s,
        "{method} {target} HTTP/1.1\r\nHost: x\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .unwrap();
    s.write_all(body).unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out).to_string();
    if text.is_empty() {
        return None;
    }
    let status = text.split_whitespace().nth(1).unwrap().parse().unwrap();
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    Some((status, body))
}

fn target(path: &str) -> String {
    format!("/v3.0/{path}?appId={APP}&businessId={BIZ}")
}

fn call(n: &NhanhSimHandle, path: &str, token: &str, body: Value) -> Value {
    let (status, text) = raw(n.addr, "POST", &target(path), Some(token), body.to_string().as_bytes()).expect("an answer");
    assert_eq!(status, 200, "{path}: {text}");
    serde_json::from_str(&text).unwrap()
}

fn sim() -> NhanhSimHandle {
    start_nhanh_in_thread(NhanhSimConfig::sandbox())
}

/// The fields an error's `messages` names, whatever its shape.
fn fields(answer: &Value) -> Vec<String> {
    let split = |s: &str| s.split_once(':').map(|(f, _)| f.trim().to_string()).unwrap_or_default();
    match &answer["messages"] {
        Value::String(s) => s.split("; ").map(split).collect(),
        Value::Object(m) => m.keys().cloned().collect(),
        Value::Array(a) => a.iter().map(|v| split(v.as_str().unwrap())).collect(),
        other => panic!("messages: {other}"),
    }
}

fn err(answer: &Value) -> (&str, Vec<String>) {
    assert_eq!(answer["code"], 0, "{answer}");
    (answer["errorCode"].as_str().unwrap(), fields(answer))
}

fn exchange(n: &NhanhSimHandle, code: &str) -> Value {
    let (_, text) = raw(
        n.addr,
        "POST",
        &format!("/v3.0/app/getaccesstoken?appId={APP}"),
        None,
        json!({"accessCode": code, "secretKey": SECRET}).to_string().as_bytes(),
    )
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn token_exchange_is_single_use_and_checks_the_secret_first() {
    let n = sim();
    let code = n.issue_access_code();
    let (_, text) = raw(
        n.addr,
        "POST",
        &format!("/v3.0/app/getaccesstoken?appId={APP}"),
        None,
        json!({"accessCode": code, "secretKey": "nope"}).to_string().as_bytes(),
    )
    .unwrap();
    let a: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(err(&a), ("ERR_INVALID_FORM_FIELDS", vec!["secretKey".to_string()]));
    // The code was kept.
    let ok = exchange(&n, &code);
    assert_eq!(ok["code"], 1, "{ok}");
    let d = &ok["data"];
    let token = d["accessToken"].as_str().unwrap();
    assert_eq!(token.len(), 160);
    assert!(token.bytes().all(|b| b.is_ascii_alphanumeric()));
    assert_eq!(d["version"], "3.0");
    assert_eq!(d["businessId"], BIZ);
    assert_eq!(d["depotIds"], json!([101, 102]));
    assert!(d["permissions"].as_array().unwrap().contains(&json!("order/add")));
    assert!((d["expiredAt"].as_i64().unwrap() - n.now() - 365 * 86_400).abs() < 5);
    // Used, unknown, expired codes: accessCode.
    assert_eq!(err(&exchange(&n, &code)), ("ERR_INVALID_FORM_FIELDS", vec!["accessCode".to_string()]));
    assert_eq!(err(&exchange(&n, "unknown")), ("ERR_INVALID_FORM_FIELDS", vec!["accessCode".to_string()]));
    let late = n.issue_access_code();
    n.advance_clock(601);
    assert_eq!(err(&exchange(&n, &late)), ("ERR_INVALID_FORM_FIELDS", vec!["accessCode".to_string()]));
    // The sandbox's ready code works once (before its 10 minutes: a fresh simulator).
    let n2 = sim();
    assert_eq!(exchange(&n2, NhanhSimConfig::SANDBOX_ACCESS_CODE)["code"], 1);
    // checkaccesstoken: the same data; the secret is checked.
    let check = call(&n, "app/checkaccesstoken", token, json!({"secretKey": SECRET}));
    assert_eq!(check["data"]["accessToken"], token);
    assert_eq!(check["data"]["permissions"], d["permissions"]);
    assert_eq!(err(&call(&n, "app/checkaccesstoken", token, json!({"secretKey": "x"}))).1, vec!["secretKey"]);
}

#[test]
fn a_new_grant_invalidates_the_old_token_15_minutes_later() {
    let n = sim();
    let old = n.grant_token();
    let new = exchange(&n, &n.issue_access_code())["data"]["accessToken"].as_str().unwrap().to_string();
    assert_eq!(call(&n, "product/category", &old, json!({}))["code"], 1);
    n.advance_clock(14 * 60);
    assert_eq!(call(&n, "product/category", &old, json!({}))["code"], 1);
    n.advance_clock(61);
    assert_eq!(err(&call(&n, "product/category", &old, json!({}))).0, "ERR_INVALID_ACCESS_TOKEN");
    assert_eq!(call(&n, "product/category", &new, json!({}))["code"], 1);
    // Steered: end the grace at once.
    let newer = n.grant_token();
    n.end_replaced_grace();
    assert_eq!(err(&call(&n, "product/category", &new, json!({}))).0, "ERR_INVALID_ACCESS_TOKEN");
    assert_eq!(call(&n, "product/category", &newer, json!({}))["code"], 1);
    n.expire_tokens();
    assert_eq!(err(&call(&n, "product/category", &newer, json!({}))).0, "ERR_INVALID_ACCESS_TOKEN");
}

/// what, path and query, Authorization, body, errorCode, field.
type Refusal<'a> = (&'a str, String, Option<&'a str>, Vec<u8>, &'a str, &'a str);

#[test]
fn each_refusal_in_the_contracts_order() {
    let n = sim();
    let token = n.grant_token();
    let v2 = n.issue_v2_token();
    let bearer = format!("Bearer {token}");
    let limited = n.grant_token_with(NhanhGrant { permissions: vec!["product/list".into()], ..NhanhGrant::default() });
    // `limited` replaced `token`, which stays valid 15 minutes.
    let order = json!({"channel": {"appOrderId": "T-1"}, "info": {"type": 2}, "products": [{"id": 5001, "price": 29000, "quantity": 1}]});
    let rows: Vec<Refusal> = vec![
        ("no appId", format!("/v3.0/order/add?businessId={BIZ}"), Some(&token), order.to_string().into_bytes(), "ERR_INVALID_APP_ID", "appId"),
        ("wrong appId", format!("/v3.0/order/add?appId=1&businessId={BIZ}"), Some(&token), b"not json".to_vec(), "ERR_INVALID_APP_ID", "appId"),
        ("no business", format!("/v3.0/order/add?appId={APP}"), Some(&token), b"x".to_vec(), "ERR_INVALID_BUSINESS_ID", "businessId"),
        ("wrong business", format!("/v3.0/order/add?appId={APP}&businessId=7"), None, b"x".to_vec(), "ERR_INVALID_BUSINESS_ID", "businessId"),
        ("not json", target("order/add"), None, b"{oops".to_vec(), "ERR_INVALID_DATA", "data"),
        ("empty body", target("order/add"), Some(&token), Vec::new(), "ERR_INVALID_DATA", "data"),
        ("no token", target("order/add"), None, order.to_string().into_bytes(), "ERR_INVALID_ACCESS_TOKEN", "accessToken"),
        ("unknown token", target("order/add"), Some("abc"), order.to_string().into_bytes(), "ERR_INVALID_ACCESS_TOKEN", "accessToken"),
        ("Bearer", target("order/add"), Some(&bearer), order.to_string().into_bytes(), "ERR_INVALID_ACCESS_TOKEN", "accessToken"),
        ("v2 token", target("order/add"), Some(&v2), order.to_string().into_bytes(), "ERR_INVALID_VERSION", "version"),
        ("no permission", target("order/add"), Some(&limited), b"{}".to_vec(), "ERR_403", "permissions"),
        ("form", target("order/add"), Some(&token), json!({"channel": {}}).to_string().into_bytes(), "ERR_INVALID_FORM_FIELDS", "channel.appOrderId"),
        (
            "depot",
            target("order/add"),
            Some(&token),
            json!({"channel": {"appOrderId": "T-2"}, "info": {"type": 2, "depotId": 103}, "products": [{"id": 5001, "price": 1, "quantity": 1}]})
                .to_string()
                .into_bytes(),
            "ERR_INVALID_DEPOT_ID",
            "info.depotId",
        ),
    ];
    for (what, t, auth, body, code, field) in rows {
        let (status, text) = raw(n.addr, "POST", &t, auth, &body).unwrap();
        assert_eq!(status, 200, "{what}");
        let a: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(err(&a), (code, vec![field.to_string()]), "{what}: {a}");
    }
    // Business not enabled: after the rate limit, before the body.
    n.set_business_enabled(false);
    let a = serde_json::from_str::<Value>(&raw(n.addr, "POST", &target("order/add"), None, b"x").unwrap().1).unwrap();
    assert_eq!(err(&a).0, "ERR_BUSINESS_NOT_ENABLE_API");
    n.set_business_enabled(true);
    // The rate limit comes before business-not-enabled and everything after it.
    n.force_lock("order/add", 30);
    n.set_business_enabled(false);
    let a = serde_json::from_str::<Value>(&raw(n.addr, "POST", &target("order/add"), None, b"x").unwrap().1).unwrap();
    assert_eq!(a["errorCode"], "ERR_429");
    // ... but after the app id and business id.
    let a =
        serde_json::from_str::<Value>(&raw(n.addr, "POST", &format!("/v3.0/order/add?appId={APP}&businessId=9"), None, b"x").unwrap().1)
            .unwrap();
    assert_eq!(a["errorCode"], "ERR_INVALID_BUSINESS_ID");
    // Nothing was stored.
    assert!(n.orders().is_empty());
}

#[test]
fn paths_and_methods() {
    let n = sim();
    let token = n.grant_token();
    assert_eq!(raw(n.addr, "POST", &target("order/remove"), Some(&token), b"{}").unwrap().0, 404);
    assert_eq!(raw(n.addr, "POST", "/v2.0/order/add", Some(&token), b"{}").unwrap().0, 404);
    assert_eq!(raw(n.addr, "GET", &target("order/list"), Some(&token), b"").unwrap().0, 405);
    assert_eq!(raw(n.addr, "PUT", &target("order/add"), Some(&token), b"{}").unwrap().0, 405);
    assert_eq!(n.calls("order/list"), 0);
    call(&n, "order/list", &token, json!({}));
    assert_eq!(n.calls("order/list"), 1);
}

#[test]
fn messages_take_each_shape_and_name_the_field() {
    let n = sim();
    let token = n.grant_token();
    let bad = json!({"channel": {"appOrderId": "M-1"}, "info": {"type": 1}, "products": [{"id": 5001, "price": "29000", "quantity": 1}]});
    let want = vec!["shippingAddress.name".to_string(), "shippingAddress.mobile".into(), "products.0.price".into()];
    // Rotation (default): text, object, array.
    let shapes: Vec<Value> = (0..3)
        .map(|_| {
            // A success in between does not move the rotation.
            assert_eq!(call(&n, "product/category", &token, json!({}))["code"], 1);
            call(&n, "order/add", &token, bad.clone())
        })
        .collect();
    assert!(shapes[0]["messages"].is_string(), "{}", shapes[0]);
    assert!(shapes[1]["messages"].is_object(), "{}", shapes[1]);
    assert!(shapes[2]["messages"].is_array(), "{}", shapes[2]);
    for s in &shapes {
        let mut f = fields(s);
        f.sort();
        let mut w = want.clone();
        w.sort();
        assert_eq!(f, w, "{s}");
    }
    assert_eq!(shapes[0]["messages"].as_str().unwrap().matches("; ").count(), 2);
    for (mode, check) in [
        (MessagesMode::Text, Value::is_string as fn(&Value) -> bool),
        (MessagesMode::Object, Value::is_object),
        (MessagesMode::Array, Value::is_array),
    ] {
        n.set_messages_mode(mode);
        for _ in 0..2 {
            let a = call(&n, "order/add", &token, bad.clone());
            assert!(check(&a["messages"]), "{mode:?}: {a}");
        }
    }
}

#[test]
fn paging_through_all_products_and_a_forged_next() {
    let n = start_nhanh_in_thread(NhanhSimConfig::generated(1_234));
    let token = n.grant_token();
    for sort in [json!({"id": "desc"}), json!({"id": "asc"}), json!({"updatedAt": "desc"}), json!({"createdAt": "asc"})] {
        let mut seen = Vec::new();
        let mut next = Value::Null;
        let mut pages = 0;
        loop {
            let a = call(&n, "product/list", &token, json!({"filters": {}, "paginator": {"size": 100, "sort": sort, "next": next}}));
            assert_eq!(a["code"], 1, "{a}");
            pages += 1;
            seen.extend(a["data"].as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap()));
            next = a["paginator"]["next"].clone();
            if next.is_null() {
                break;
            }
            assert!(next.is_object());
        }
        assert_eq!(pages, 13, "{sort}");
        let mut sorted = seen.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted, (1..=1_234).collect::<Vec<_>>(), "{sort}");
        if sort == json!({"id": "desc"}) {
            assert_eq!(seen[0], 1_234);
        }
    }
    // Default: 50 per page, id desc, next = {"id": last}.
    let a = call(&n, "product/list", &token, json!({}));
    assert_eq!(a["data"].as_array().unwrap().len(), 50);
    assert_eq!(a["paginator"]["next"], json!({"id": 1_185}));
    let next = a["paginator"]["next"].clone();
    let by_time = call(&n, "product/list", &token, json!({"paginator": {"sort": {"updatedAt": "desc"}}}));
    let tnext = by_time["paginator"]["next"].clone();
    assert_eq!(tnext.as_object().unwrap().len(), 2, "{tnext}");
    // First page forms.
    for first in [json!(null), json!(""), json!({})] {
        assert_eq!(call(&n, "product/list", &token, json!({"paginator": {"next": first}}))["data"][0]["id"], 1_234);
    }
    // Forged cursors, a cursor of another sort, bad sizes and sorts.
    for (body, field) in [
        (json!({"paginator": {"next": {"id": 700}}}), "paginator.next"),
        (json!({"paginator": {"next": "abc"}}), "paginator.next"),
        (json!({"paginator": {"next": 5}}), "paginator.next"),
        (json!({"paginator": {"next": next, "sort": {"updatedAt": "desc"}}}), "paginator.next"),
        (json!({"paginator": {"next": tnext}}), "paginator.next"),
        (json!({"paginator": {"size": 101}}), "paginator.size"),
        (json!({"paginator": {"size": 0}}), "paginator.size"),
        (json!({"paginator": {"size": "10"}}), "paginator.size"),
        (json!({"paginator": {"sort": {"name": "asc"}}}), "paginator.sort"),
        (json!({"paginator": {"sort": {"id": "asc", "updatedAt": "desc"}}}), "paginator.sort"),
        (json!({"paginator": {"sort": {"id": "up"}}}), "paginator.sort"),
    ] {
        assert_eq!(err(&call(&n, "product/list", &token, body.clone())), ("ERR_INVALID_FORM_FIELDS", vec![field.to_string()]), "{body}");
    }
    // Customers sort only by id.
    assert_eq!(err(&call(&n, "customer/list", &token, json!({"paginator": {"sort": {"updatedAt": "desc"}}}))).1, vec!["paginator.sort"]);
    // Short pages still carry a next.
    let mut f = n.faults();
    f.short_pages = true;
    n.set_faults(f);
    let a = call(&n, "product/list", &token, json!({"paginator": {"size": 100}}));
    assert_eq!(a["data"].as_array().unwrap().len(), 50);
    assert!(a["paginator"]["next"].is_object());
}

#[test]
fn product_rows_filters_detail_and_categories() {
    let n = sim();
    let token = n.grant_token();
    let all = call(&n, "product/list", &token, json!({"paginator": {"size": 100}}));
    assert_eq!(all["data"].as_array().unwrap().len(), 8);
    assert!(all["paginator"]["next"].is_null());
    let detail = call(&n, "product/detail", &token, json!({"filters": {"id": 5001}}))["data"].clone();
    assert_eq!(detail["prices"], json!({"retail": 29000, "retailVat": 31320}));
    assert_eq!(detail["priceVatMode"], 2);
    assert_eq!(detail["vat"], 8);
    // Only the granted depots (101, 102), totals over them.
    assert_eq!(detail["inventory"]["remain"], 200);
    assert_eq!(detail["inventory"]["depots"].as_array().unwrap().len(), 2);
    let weighed = call(&n, "product/detail", &token, json!({"filters": {"id": 5008}}))["data"].clone();
    assert_eq!(weighed["inventory"]["remain"], 15.75);
    assert_eq!(weighed["type"], 3);
    let incl = call(&n, "product/detail", &token, json!({"filters": {"id": 5002}}))["data"].clone();
    assert_eq!(incl["prices"]["retailVat"], 35000);
    assert_eq!(err(&call(&n, "product/detail", &token, json!({"filters": {"id": 1}}))).1, vec!["filters.id"]);
    let by = |f: Value| -> Vec<i64> {
        call(&n, "product/list", &token, json!({"filters": f}))["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(by(json!({"name": "trà"})), vec![5005, 5004]);
    assert_eq!(by(json!({"name": "CF-BAC"})), vec![5002]);
    assert_eq!(by(json!({"categoryIds": [13]})), vec![5007, 5006]);
    assert_eq!(by(json!({"status": [3, 4]})), vec![5007, 5005]);
    assert_eq!(by(json!({"ids": [5003, 5001, 42]})), vec![5003, 5001]);
    assert_eq!(err(&call(&n, "product/list", &token, json!({"filters": {"ids": "5001"}}))).1, vec!["filters.ids"]);
    // Stock does not move updatedAt; a price does.
    let before = n.product(5001).unwrap().updated_at;
    n.advance_clock(100);
    n.set_stock(5001, 101, 7.0, 2.0);
    assert_eq!(n.product(5001).unwrap().updated_at, before);
    let since = by(json!({"updatedAtFrom": before + 50}));
    assert!(since.is_empty());
    n.set_price(5001, 30_000);
    assert_eq!(by(json!({"updatedAtFrom": before + 50})), vec![5001]);
    let d = call(&n, "product/detail", &token, json!({"filters": {"id": 5001}}))["data"].clone();
    assert_eq!(d["inventory"]["depots"][0], json!({"id": 101, "remain": 7, "holding": 2, "available": 5}));
    let cats = call(&n, "product/category", &token, json!({}));
    assert_eq!(cats["data"].as_array().unwrap().len(), 3);
    assert!(cats.get("paginator").is_none());
    assert_eq!(cats["data"][2], json!({"id": 13, "parentId": null, "code": "BANH", "name": "Bánh ngọt", "order": 3, "status": 2}));
    let inv = call(&n, "product/inventory", &token, json!({"filters": {"ids": [5001]}}));
    assert_eq!(inv["data"][0]["available"], 85);
    assert_eq!(err(&call(&n, "product/inventory", &token, json!({"filters": {"depotIds": [103]}}))).0, "ERR_INVALID_DEPOT_ID");
}

#[test]
fn rate_limit_locks_and_doubles() {
    let mut c = NhanhSimConfig::sandbox();
    c.rate_limit = 5;
    let n = start_nhanh_in_thread(c);
    let token = n.grant_token();
    for _ in 0..5 {
        assert_eq!(call(&n, "product/category", &token, json!({}))["code"], 1);
    }
    // Another path has its own budget.
    assert_eq!(call(&n, "customer/list", &token, json!({}))["code"], 1);
    let t0 = n.now();
    let a = call(&n, "product/category", &token, json!({}));
    assert_eq!(a["errorCode"], "ERR_429", "{a}");
    assert!(a.get("messages").is_none() && a["message"].is_string(), "{a}");
    assert_eq!(a["data"]["lockedSeconds"], 10);
    let u1 = a["data"]["unlockedAt"].as_i64().unwrap();
    assert!(u1 >= t0 + 10 && u1 <= t0 + 12, "{u1} vs {t0}");
    let b = call(&n, "product/category", &token, json!({}));
    assert_eq!(b["data"]["lockedSeconds"], 20);
    let c = call(&n, "product/category", &token, json!({}));
    assert_eq!(c["data"]["lockedSeconds"], 40);
    let u3 = c["data"]["unlockedAt"].as_i64().unwrap();
    assert!(u3 >= t0 + 40);
    // Even a refused-for-everything call is locked first (rate limit before the token).
    assert_eq!(call(&n, "product/category", "bad", json!({}))["data"]["lockedSeconds"], 80);
    n.advance_clock(81);
    assert_eq!(call(&n, "product/category", &token, json!({}))["code"], 1);
    // Forced lock on a path; the limit lowered at run time.
    let until = n.force_lock("order/list", 10);
    let l = call(&n, "order/list", &token, json!({}));
    assert_eq!(l["data"]["lockedSeconds"], 20);
    assert!(until >= n.now() + 9);
    n.advance_clock(21);
    n.set_rate_limit(1);
    assert_eq!(call(&n, "order/list", &token, json!({}))["code"], 1);
    assert_eq!(call(&n, "order/list", &token, json!({}))["errorCode"], "ERR_429");
}

fn counter_sale(id: &str) -> Value {
    json!({
        "info": {"type": 2, "depotId": 101, "status": 56},
        "channel": {"appOrderId": id},
        "products": [{"id": 5001, "price": 29000, "quantity": 2, "discount": 5000}, {"id": 5008, "price": 260000, "quantity": 0.5}],
        "payment": {"transferAmount": 183000},
    })
}

#[test]
fn order_add_is_idempotent_by_app_order_id() {
    let n = sim();
    let token = n.grant_token();
    let a = call(&n, "order/add", &token, counter_sale("S-0001-1"));
    assert_eq!(a["code"], 1, "{a}");
    let id = a["data"]["id"].as_i64().unwrap();
    assert!(a["data"]["trackingUrl"].as_str().unwrap().contains(&id.to_string()));
    for mode in [MessagesMode::Text, MessagesMode::Object, MessagesMode::Array] {
        n.set_messages_mode(mode);
        // A repeat, even with other (bad) content: the appOrderId is checked first.
        let again = call(&n, "order/add", &token, json!({"channel": {"appOrderId": "S-0001-1"}, "products": []}));
        assert_eq!(err(&again), ("ERR_INVALID_FORM_FIELDS", vec!["channel.appOrderId".to_string()]));
        assert_eq!(again["data"], json!({"id": id, "appOrderId": "S-0001-1"}));
        let text = again["messages"].to_string();
        assert!(text.contains(&format!("appOrderId S-0001-1 already exists (order {id})")), "{text}");
    }
    assert_eq!(n.orders().len(), 1);
    let o = n.order_by_app_id("S-0001-1").unwrap();
    assert_eq!((o.sale_channel, o.kind, o.status, o.depot_id), (10, 2, 56, Some(101)));
    assert_eq!(o.amount(), 183_000.0);
    assert!(n.customers().len() == 2, "order/add creates no customer");
    // Lengths and types.
    assert_eq!(err(&call(&n, "order/add", &token, counter_sale(&"x".repeat(65)))).1, vec!["channel.appOrderId"]);
    assert_eq!(call(&n, "order/add", &token, counter_sale(&"x".repeat(64)))["code"], 1);
    assert_eq!(err(&call(&n, "order/add", &token, json!({"channel": {"appOrderId": 5}}))).1, vec!["channel.appOrderId"]);
}

#[test]
fn order_add_validation() {
    let n = sim();
    let token = n.grant_token();
    let base = |f: &dyn Fn(&mut Value)| {
        let mut v = counter_sale("V-1");
        f(&mut v);
        v
    };
    let rows: Vec<(Value, &str)> = vec![
        (base(&|v| v["info"]["status"] = json!(58)), "info.status"),
        (base(&|v| v["info"]["status"] = json!("54")), "info.status"),
        (base(&|v| v["info"]["type"] = json!(4)), "info.type"),
        (base(&|v| v["products"] = json!([])), "products"),
        (base(&|v| v["products"] = json!(vec![json!({"id": 5001, "price": 1, "quantity": 1}); 501])), "products"),
        (base(&|v| v["products"][0]["id"] = json!(1)), "products.0.id"),
        (base(&|v| v["products"][1]["price"] = json!(-1)), "products.1.price"),
        (base(&|v| v["products"][1]["quantity"] = json!(0)), "products.1.quantity"),
        (base(&|v| v["products"][1]["quantity"] = json!("1")), "products.1.quantity"),
        (base(&|v| v["products"][0]["discount"] = json!(58001)), "products.0.discount"),
        (base(&|v| v["info"]["type"] = json!(1)), "shippingAddress.name"),
        (base(&|v| v["shippingAddress"] = json!({"name": "A", "mobile": "0123456789"})), "shippingAddress.mobile"),
    ];
    for (body, field) in rows {
        let a = call(&n, "order/add", &token, body.clone());
        assert_eq!(err(&a).0, "ERR_INVALID_FORM_FIELDS", "{body}");
        assert!(err(&a).1.contains(&field.to_string()), "{field}: {a}");
    }
    // A delivery needs name + mobile; mobiles normalised; 500 lines are fine.
    let mut d = counter_sale("V-2");
    d["info"]["type"] = json!(1);
    d["shippingAddress"] = json!({"name": "Chị Hoa", "mobile": "+84 903 123 456", "address": "1 Lý Tự Trọng"});
    assert_eq!(call(&n, "order/add", &token, d)["code"], 1);
    assert_eq!(n.order_by_app_id("V-2").unwrap().ship_mobile.as_deref(), Some("0903123456"));
    let mut big = counter_sale("V-3");
    big["products"] = json!(vec![json!({"id": 5001, "price": 1, "quantity": 1}); 500]);
    assert_eq!(call(&n, "order/add", &token, big)["code"], 1);
    // A depot outside the grant, or unknown.
    for depot in [103, 999] {
        let mut v = counter_sale("V-4");
        v["info"]["depotId"] = json!(depot);
        assert_eq!(err(&call(&n, "order/add", &token, v)).0, "ERR_INVALID_DEPOT_ID");
    }
    assert!(n.order_by_app_id("V-4").is_none());
}

#[test]
fn order_list_window_filters_and_rows() {
    let n = sim();
    let token = n.grant_token();
    call(&n, "order/add", &token, counter_sale("L-1"));
    let web = n.channel_order(ChannelOrder::default()).unwrap();
    let rows = call(&n, "order/list", &token, json!({}))["data"].clone();
    assert_eq!(rows.as_array().unwrap().len(), 2);
    let api_row = &rows[1];
    assert_eq!(api_row["channel"], json!({"saleChannel": 10, "appOrderId": "L-1"}));
    assert_eq!(api_row["info"]["status"], 56);
    assert_eq!(
        api_row["products"][1],
        json!({"id": 5008, "name": "Cà phê hạt Robusta (kg)", "code": "CF-HAT-500", "price": 260000, "quantity": 0.5, "discount": 0})
    );
    let web_row = &rows[0];
    assert_eq!(web_row["channel"], json!({"saleChannel": 2}));
    assert_eq!(web_row["customer"]["mobile"], "0903123456");
    assert!(n.customer_by_mobile("0903123456").is_some(), "a channel order brings its customer");
    // Filters.
    let ids = |f: Value| -> Vec<i64> {
        call(&n, "order/list", &token, json!({"filters": f}))["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["info"]["id"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(ids(json!({"shippingAddress": {"mobile": "84903123456"}})), vec![web.id]);
    assert_eq!(ids(json!({"statuses": [54]})), vec![web.id]);
    let now = n.now();
    assert_eq!(ids(json!({"updatedAtFrom": now - 86_400, "updatedAtTo": now + 5})).len(), 2);
    assert_eq!(
        err(&call(&n, "order/list", &token, json!({"filters": {"updatedAtFrom": now - 40 * 86_400}}))).1,
        vec!["filters.updatedAtFrom"]
    );
    assert_eq!(
        err(&call(&n, "order/list", &token, json!({"filters": {"updatedAtFrom": now - 40 * 86_400, "updatedAtTo": now}}))).1,
        vec!["filters.updatedAtFrom"]
    );
    // Older than 31 days: out of the default window, found by id or mobile.
    n.advance_clock(40 * 86_400);
    assert!(ids(json!({})).is_empty());
    assert_eq!(ids(json!({"ids": [web.id]})), vec![web.id]);
    assert_eq!(ids(json!({"shippingAddress": {"mobile": "0903123456"}})), vec![web.id]);
    assert_eq!(ids(json!({"ids": [web.id], "updatedAtFrom": 0})), vec![web.id]);
}

#[test]
fn order_edit_follows_the_transition_table() {
    // 162 edits: above Nhanh's 150 calls / 30 s.
    let n = start_nhanh_in_thread(NhanhSimConfig { rate_limit: 1_000, ..NhanhSimConfig::sandbox() });
    let token = n.grant_token();
    let all = [40, 42, 43, 54, 55, 56, 57, 58, 59, 60, 61, 63, 64, 68, 71, 72, 73, 74];
    let targets = [54, 56, 57, 59, 60, 63, 64, 72, 74];
    let allowed = |from: i64, to: i64| -> bool {
        let open = [54, 55, 56, 57, 42, 40, 43];
        match to {
            56 => [54, 55, 57].contains(&from),
            60 => open.contains(&from),
            63 | 64 => open.contains(&from) || from == 68,
            72 | 74 => [59, 61, 71].contains(&from),
            _ => false,
        }
    };
    let mut checked = 0;
    for from in all {
        for to in targets {
            let o = n.channel_order(ChannelOrder::default()).unwrap();
            n.merchant_set_order_status(o.id, from);
            let a = call(&n, "order/edit", &token, json!({"info": {"id": o.id, "status": to}}));
            let want = from == to || allowed(from, to);
            if want {
                assert_eq!(a["code"], 1, "{from} → {to}: {a}");
                assert_eq!(n.order(o.id).unwrap().status, to);
            } else {
                assert_eq!(err(&a), ("ERR_INVALID_FORM_FIELDS", vec!["info.status".to_string()]), "{from} → {to}");
                assert_eq!(n.order(o.id).unwrap().status, from);
            }
            checked += 1;
        }
    }
    assert_eq!(checked, all.len() * targets.len());
    // After the carrier took it, only 72/74 (even from a status that would allow 63).
    let o = n.channel_order(ChannelOrder::default()).unwrap();
    n.merchant_set_order_status(o.id, 59);
    n.merchant_set_order_status(o.id, 43);
    assert_eq!(err(&call(&n, "order/edit", &token, json!({"info": {"id": o.id, "status": 63}}))).1, vec!["info.status"]);
    n.merchant_set_order_status(o.id, 71);
    assert_eq!(call(&n, "order/edit", &token, json!({"info": {"id": o.id, "status": 72}}))["code"], 1);
    assert_eq!(err(&call(&n, "order/edit", &token, json!({"info": {"id": 1, "status": 63}}))).1, vec!["info.id"]);
}

#[test]
fn customers_lookup_and_all_or_nothing_add() {
    let n = sim();
    let token = n.grant_token();
    let found = call(&n, "customer/list", &token, json!({"filters": {"mobile": "0988999999"}}));
    assert_eq!(found["data"].as_array().unwrap().len(), 1);
    let c = &found["data"][0];
    assert_eq!((c["id"].as_i64(), c["name"].as_str(), c["points"].as_i64()), (Some(9001), Some("Nguyễn Văn An"), Some(120)));
    for k in ["level", "group", "updatedAt"] {
        assert!(c.get(k).is_some(), "{k}");
    }
    assert!(call(&n, "customer/list", &token, json!({"filters": {"mobile": "0977000000"}}))["data"].as_array().unwrap().is_empty());
    // A bad mobile fails the whole batch.
    let bad = call(&n, "customer/add", &token, json!([{"name": "A", "mobile": "0977000001"}, {"name": "B", "mobile": "12345"}]));
    assert_eq!(err(&bad), ("ERR_INVALID_FORM_FIELDS", vec!["1.mobile".to_string()]));
    assert_eq!(n.customers().len(), 2);
    // An object body is not a batch; neither is an empty or a 101-long one.
    assert_eq!(err(&call(&n, "customer/add", &token, json!({"name": "A", "mobile": "0977000001"}))).0, "ERR_INVALID_DATA");
    assert_eq!(err(&call(&n, "customer/add", &token, json!([]))).0, "ERR_INVALID_FORM_FIELDS");
    let many: Vec<Value> = (0..101).map(|i| json!({"name": "X", "mobile": format!("09770{i:05}")})).collect();
    assert_eq!(err(&call(&n, "customer/add", &token, json!(many))).0, "ERR_INVALID_FORM_FIELDS");
    // Good batch: a new one and an existing mobile (its id).
    let ok = call(&n, "customer/add", &token, json!([{"name": "A", "mobile": "+84977000001"}, {"name": "An", "mobile": "0988 999 999"}]));
    assert_eq!(ok["code"], 1, "{ok}");
    let rows = ok["data"].as_array().unwrap();
    assert_eq!(rows[0]["mobile"], "0977000001");
    assert_eq!(rows[1], json!({"id": 9001, "mobile": "0988999999"}));
    assert_eq!(n.customers().len(), 3);
}

#[test]
fn dropped_answers_take_effect() {
    let n = sim();
    let token = n.grant_token();
    n.drop_answers("order/add", 1);
    let body = counter_sale("D-1").to_string();
    assert!(raw(n.addr, "POST", &target("order/add"), Some(&token), body.as_bytes()).is_none());
    assert!(n.order_by_app_id("D-1").is_some());
    // The retry is the duplicate answer, carrying the order.
    let again = call(&n, "order/add", &token, counter_sale("D-1"));
    assert_eq!(again["data"]["id"], n.order_by_app_id("D-1").unwrap().id);
    n.set_slow(Some("order/list"), 300);
    let t = std::time::Instant::now();
    call(&n, "order/list", &token, json!({}));
    assert!(t.elapsed() >= Duration::from_millis(300));
}

/// What the receiver got: the Authorization header and the body.
type Got = Arc<Mutex<Vec<(Option<String>, Value)>>>;

/// A webhook receiver on loopback: answers 200 when the token matches (header for v3,
/// body for v2), else 401; records each request.
struct Receiver {
    url: String,
    got: Got,
}

fn receiver(token: &'static str) -> Receiver {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hooks/nhanh", listener.local_addr().unwrap());
    let got: Got = Arc::default();
    let g = got.clone();
    std::thread::spawn(move || {
        for s in listener.incoming() {
            let Ok(mut s) = s else { continue };
            let mut buf = Vec::new();
            let mut chunk = [0u8; 4096];
            let (head, body) = loop {
                let n = s.read(&mut chunk).unwrap_or(0);
                if n == 0 {
                    break (String::new(), Vec::new());
                }
                buf.extend_from_slice(&chunk[..n]);
                if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                    let head = String::from_utf8_lossy(&buf[..i]).to_string();
                    let len: usize = head
                        .lines()
                        .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse().unwrap()))
                        .unwrap_or(0);
                    while buf.len() < i + 4 + len {
                        let n = s.read(&mut chunk).unwrap_or(0);
                        if n == 0 {
                            break;
                        }
                        buf.extend_from_slice(&chunk[..n]);
                    }
                    break (head, buf[i + 4..].to_vec());
                }
            };
            let auth = head.lines().find_map(|l| l.strip_prefix("Authorization: ").map(str::to_string));
            let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
            let ok = auth.as_deref() == Some(token) || body["webhooksVerifyToken"] == token;
            g.lock().unwrap().push((auth, body));
            let status = if ok { "200 OK" } else { "401 Unauthorized" };
            let _ = write!(s, "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }
    });
    Receiver { url, got }
}

#[test]
fn webhooks_are_delivered_and_statuses_recorded() {
    let mut c = NhanhSimConfig::sandbox();
    c.webhook_retry_delays = vec![Duration::from_millis(20); 3];
    let n = start_nhanh_in_thread(c);
    let r = receiver("VerifyToken123456789");
    n.set_webhook(&r.url, "VerifyToken123456789", WebhookVersion::V3);
    let d = n.send_webhooks_enabled(&["orderAdd", "inventoryChange"]);
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].statuses.clone(), d[0].acknowledged), (vec![Some(200)], true));
    assert_eq!(
        d[0].body,
        json!({"event": "webhooksEnabled", "businessId": BIZ, "data": {"registeredEvents": ["orderAdd", "inventoryChange"]}})
    );
    // A wrong token: 401, retried 3 times, never acknowledged.
    let w = n.send_event_with("appUninstalled", None, SendOptions { wrong_token: true, copies: 1 });
    assert_eq!(w[0].statuses, vec![Some(401); 4]);
    assert!(!w[0].acknowledged);
    assert!(w[0].body.get("data").is_none());
    // Duplicates.
    let dup = n.send_product_event("productUpdate", 5001, SendOptions { wrong_token: false, copies: 2 }).unwrap();
    assert_eq!(dup.len(), 2);
    assert_eq!(dup[0].body, dup[1].body);
    assert_eq!(dup[0].body["data"]["prices"]["retailVat"], 31320);
    // Mutations send their events (in order).
    let before = n.deliveries().len();
    let o = n.channel_order(ChannelOrder { sale_channel: 20, ..ChannelOrder::default() }).unwrap();
    n.merchant_set_order_status(o.id, 56);
    n.set_stock(5001, 101, 3.0, 0.0);
    n.set_price(5002, 36_000);
    n.product_delete(&[5007]);
    let all = n.wait_deliveries(before + 5, Duration::from_secs(10));
    let events: Vec<&str> = all[before..].iter().map(|d| d.event.as_str()).collect();
    assert_eq!(events, ["orderAdd", "orderUpdate", "inventoryChange", "productUpdate", "productDelete"]);
    let rows = &all[before..];
    assert_eq!(rows[0].body["data"]["channel"]["saleChannel"], 20);
    assert_eq!(rows[1].body["data"]["info"]["status"], 56);
    assert_eq!(rows[2].body["data"][0]["depots"][0], json!({"id": 101, "remain": 3, "holding": 0, "available": 3}));
    assert_eq!(rows[4].body["data"], json!([5007]));
    assert!(rows.iter().all(|d| d.acknowledged && d.authorization.as_deref() == Some("VerifyToken123456789")));
    // API-made orders are echoed.
    let token = n.grant_token();
    call(&n, "order/add", &token, counter_sale("E-1"));
    let all = n.wait_deliveries(before + 6, Duration::from_secs(10));
    assert_eq!(all[before + 5].body["data"]["channel"]["appOrderId"], "E-1");
    // Batches of 100 inventory rows.
    let big = start_nhanh_in_thread(NhanhSimConfig {
        webhook_retry_delays: vec![Duration::from_millis(20); 3],
        ..NhanhSimConfig::generated(250)
    });
    big.set_webhook(&r.url, "VerifyToken123456789", WebhookVersion::V3);
    let ids: Vec<i64> = (1..=250).collect();
    let batches = big.send_inventory_change(&ids);
    assert_eq!(batches.iter().map(|d| d.body["data"].as_array().unwrap().len()).collect::<Vec<_>>(), vec![100, 100, 50]);
    assert!(batches.iter().all(|d| d.acknowledged));
    // v2: the token in the body, flat data.
    n.set_webhook(&r.url, "VerifyToken123456789", WebhookVersion::V2);
    let v2 = n.send_order_event("orderAdd", o.id, SendOptions::default()).unwrap();
    assert!(v2[0].acknowledged);
    assert_eq!(v2[0].authorization, None);
    assert_eq!(v2[0].body["webhooksVerifyToken"], "VerifyToken123456789");
    assert_eq!(v2[0].body["data"]["orderId"], o.id);
    let bad_v2 = n.send_order_event("orderAdd", o.id, SendOptions { wrong_token: true, copies: 1 }).unwrap();
    assert_eq!(bad_v2[0].statuses.len(), 4);
    // Nobody listening: no status, retried.
    n.set_webhook("http://127.0.0.1:9/x", "t", WebhookVersion::V3);
    let gone = n.send_app_uninstalled();
    assert_eq!(gone[0].statuses, vec![None; 4]);
    assert!(r.got.lock().unwrap().len() >= 10);
}

#[test]
fn admin_endpoints() {
    let n = sim();
    let post = |path: &str, body: Value| -> (u16, Value) {
        let (s, t) = raw(n.addr, "POST", path, None, body.to_string().as_bytes()).unwrap();
        (s, serde_json::from_str(&t).unwrap_or(Value::Null))
    };
    let (s, code) = post("/admin/nhanh/access-code", json!({}));
    assert_eq!(s, 200);
    let token = exchange(&n, code["accessCode"].as_str().unwrap())["data"]["accessToken"].as_str().unwrap().to_string();
    let (s, order) = post(
        "/admin/nhanh/channel-order",
        json!({"sale_channel": 20, "customer_name": "Phạm Hùng", "customer_mobile": "0934567890", "products": [[5004, 1]]}),
    );
    assert_eq!(s, 200, "{order}");
    let id = order["info"]["id"].as_i64().unwrap();
    assert_eq!(post(&format!("/admin/nhanh/orders/{id}/status"), json!({"status": 63})).1["info"]["status"], 63);
    assert_eq!(post("/admin/nhanh/stock", json!({"productId": 5004, "depotId": 101, "remain": 9})).1["depots"][0]["remain"], 9);
    assert_eq!(post("/admin/nhanh/price", json!({"productId": 5004, "retail": 47000})).1["prices"]["retail"], 47000);
    assert_eq!(post("/admin/nhanh/price", json!({"productId": 5004, "retail": "x"})).0, 400);
    assert_eq!(post("/admin/nhanh/webhooks/send", json!({"event": "webhooksEnabled"})).0, 409);
    let (s, f) = post("/admin/nhanh/faults", json!({"business_not_enabled": true}));
    assert_eq!((s, f["business_not_enabled"].as_bool()), (200, Some(true)));
    assert_eq!(err(&call(&n, "order/list", &token, json!({}))).0, "ERR_BUSINESS_NOT_ENABLE_API");
    post("/admin/nhanh/faults", json!({}));
    let rows = call(&n, "order/list", &token, json!({}))["data"].clone();
    assert_eq!(rows[0]["info"]["status"], 63);
    let now = n.now();
    assert!(post("/admin/nhanh/clock", json!({"advanceSecs": 3600})).1["now"].as_i64().unwrap() >= now + 3600);
    let mut p = NhanhProduct { name: "Sinh tố bơ".into(), code: "ST-BO".into(), retail: 55_000, ..Default::default() };
    p.category_id = Some(12);
    let (s, made) = post("/admin/nhanh/products", serde_json::to_value(&p).unwrap());
    assert_eq!(s, 200, "{made}");
    assert_eq!(made["id"], 5009);
    let (_, calls) = raw(n.addr, "GET", "/admin/nhanh/calls", None, b"").unwrap();
    assert!(calls.contains("\"order/list\":2"), "{calls}");
}

#[test]
fn twenty_thousand_products_in_200_pages() {
    let n = start_nhanh_in_thread(NhanhSimConfig { rate_limit: 10_000, ..NhanhSimConfig::generated(20_000) });
    let token = n.grant_token();
    let (mut next, mut pages, mut rows) = (Value::Null, 0, 0);
    loop {
        let a = call(&n, "product/list", &token, json!({"paginator": {"size": 100, "next": next}}));
        pages += 1;
        rows += a["data"].as_array().unwrap().len();
        next = a["paginator"]["next"].clone();
        if next.is_null() {
            break;
        }
    }
    assert_eq!((pages, rows), (200, 20_000));
    assert_eq!(n.calls("product/list"), 200);
}
