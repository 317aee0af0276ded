//! The client and the listener against a tiny in-test Nhanh on loopback (not the
//! simulator): request shape, envelopes, paging, the rate gate, duplicates, transport
//! faults, and the webhook answers.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use quay_nhanh::client::{Config, NhanhClient, ProductFilters};
use quay_nhanh::listener::{self, Delivery, ListenerConfig};
use quay_nhanh::wire::Message;
use quay_nhanh::{order, Event, Mobile, NewOrder, NhanhError, OrderFilters};
use serde_json::{json, Value};

const TOKEN: &str = "TokenTokenTokenTokenTokenTokenTokenToken";

#[derive(Clone, Debug)]
struct Seen {
    path: String,
    query: String,
    auth: Option<String>,
    body: Value,
    at_ms: u128,
}

type Answer = Box<dyn Fn(&Seen, usize) -> (u16, String) + Send + Sync>;

struct Fake {
    seen: Mutex<Vec<Seen>>,
    answer: Answer,
}

fn now_ms() -> u128 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_millis()
}

async fn handle(State(f): State<Arc<Fake>>, method: Method, uri: Uri, headers: HeaderMap, body: Bytes) -> Response {
    assert_eq!(method, Method::POST);
    let seen = Seen {
        path: uri.path().to_string(),
        query: uri.query().unwrap_or("").to_string(),
        auth: headers.get("authorization").map(|v| v.to_str().unwrap().to_string()),
        body: serde_json::from_slice(&body).unwrap_or(Value::Null),
        at_ms: now_ms(),
    };
    let n = {
        let mut s = f.seen.lock().unwrap();
        s.push(seen.clone());
        s.iter().filter(|x| x.path == seen.path).count()
    };
    let (status, text) = (f.answer)(&seen, n);
    (StatusCode::from_u16(status).unwrap(), [("content-type", "application/json")], text).into_response()
}

async fn fake(answer: impl Fn(&Seen, usize) -> (u16, String) + Send + Sync + 'static) -> (Arc<Fake>, String) {
    let f = Arc::new(Fake { seen: Mutex::new(vec![]), answer: Box::new(answer) });
    let app = Router::new().fallback(handle).with_state(f.clone());
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", l.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(l, app).await.unwrap() });
    (f, url)
}

fn client(url: &str) -> NhanhClient {
    NhanhClient::new(Config {
        base_url: url.to_string(),
        app_id: "app 1".into(),
        business_id: Some("42".into()),
        access_token: Some(TOKEN.into()),
        timeout: Duration::from_secs(5),
    })
}

fn ok(data: Value) -> (u16, String) {
    (200, json!({"code": 1, "data": data}).to_string())
}

fn seen(f: &Fake) -> Vec<Seen> {
    f.seen.lock().unwrap().clone()
}

#[tokio::test]
async fn request_shape_token_and_header() {
    let (f, url) = fake(|s, _| match s.path.as_str() {
        "/v3.0/app/getaccesstoken" => ok(json!({"accessToken": TOKEN, "version": "3.0", "expiredAt": 1796275200, "businessId": 42,
            "depotIds": [7], "pageIds": [], "permissions": ["product/list", "order/add"]})),
        "/v3.0/app/checkaccesstoken" => {
            ok(json!({"version": "3.0", "expiredAt": 1796275200, "businessId": 42, "depotIds": [], "permissions": []}))
        }
        _ => ok(json!([])),
    })
    .await;
    let anonymous = NhanhClient::new(Config { access_token: None, business_id: None, ..Config::new("app 1") }.with_base(&url));
    let t = anonymous.get_access_token("code-1", "s3cret").await.unwrap();
    assert_eq!((t.access_token.as_str(), t.business_id.as_str(), t.expired_at), (TOKEN, "42", 1_796_275_200));
    assert_eq!(t.depot_ids, vec![7]);
    assert!(!format!("{t:?}").contains(TOKEN));
    let c = anonymous.with_access(t.business_id.clone(), t.access_token.clone());
    let checked = c.check_access_token("s3cret").await.unwrap();
    assert_eq!(checked.access_token, TOKEN, "the token in use when the answer omits it");
    let page = c.products_page(&ProductFilters { ids: vec![5], ..Default::default() }, None, 500).await.unwrap();
    assert!(page.rows.is_empty() && page.next.is_none());

    let s = seen(&f);
    assert_eq!(s[0].path, "/v3.0/app/getaccesstoken");
    assert_eq!(s[0].query, "appId=app+1");
    assert_eq!(s[0].auth, None);
    assert_eq!(s[0].body, json!({"accessCode": "code-1", "secretKey": "s3cret"}));
    assert_eq!(s[1].path, "/v3.0/app/checkaccesstoken");
    assert_eq!(s[1].auth.as_deref(), Some(TOKEN), "raw token, no Bearer");
    assert_eq!(s[1].body, json!({"secretKey": "s3cret"}));
    assert_eq!(s[2].path, "/v3.0/product/list");
    assert_eq!(s[2].query, "appId=app+1&businessId=42");
    assert_eq!(s[2].auth.as_deref(), Some(TOKEN));
    assert_eq!(s[2].body, json!({"filters": {"ids": [5]}, "paginator": {"size": 100}}));

    // Without a token or business, nothing is sent.
    let before = seen(&f).len();
    assert_eq!(anonymous.categories().await.unwrap_err(), NhanhError::NotConfigured { missing: "businessId" });
    assert_eq!(seen(&f).len(), before);
}

trait WithBase {
    fn with_base(self, url: &str) -> Config;
}
impl WithBase for Config {
    fn with_base(mut self, url: &str) -> Config {
        self.base_url = url.to_string();
        self
    }
}

#[tokio::test]
async fn error_envelopes_in_all_three_message_shapes() {
    let (_f, url) = fake(|s, _| {
        let body = match s.path.as_str() {
            "/v3.0/app/getaccesstoken" => json!({"code": 0, "errorCode": "ERR_INVALID_FORM_FIELDS", "messages": "secretKey: secret key is wrong; accessCode: expired"}),
            "/v3.0/customer/add" => json!({"code": 0, "errorCode": "ERR_INVALID_FORM_FIELDS", "messages": {"0.mobile": "invalid mobile"}}),
            "/v3.0/order/edit" => json!({"code": 0, "errorCode": "ERR_403", "messages": ["order/edit: permission not granted"]}),
            _ => json!({"code": 0, "errorCode": "ERR_INVALID_ACCESS_TOKEN", "messages": "Access token is invalid"}),
        };
        (200, body.to_string())
    })
    .await;
    let c = client(&url);
    match c.get_access_token("x", "y").await.unwrap_err() {
        NhanhError::Api { code, messages, path, .. } => {
            assert_eq!((code.as_str(), path.as_str()), ("ERR_INVALID_FORM_FIELDS", "app/getaccesstoken"));
            assert_eq!(messages, vec![Message::new(Some("secretKey"), "secret key is wrong"), Message::new(Some("accessCode"), "expired")]);
        }
        e => panic!("{e:?}"),
    }
    let m = Mobile::parse("0988999999").unwrap();
    match c.add_customer("Lan", &m).await.unwrap_err() {
        NhanhError::Api { messages, .. } => assert_eq!(messages, vec![Message::new(Some("0.mobile"), "invalid mobile")]),
        e => panic!("{e:?}"),
    }
    let e = c.edit_order_status(9, 56).await.unwrap_err();
    assert!(e.forbidden());
    assert_eq!(e.permission_needed(), Some(("order/edit".to_string(), "nhanh-job-orders")));
    match &e {
        NhanhError::Api { messages, .. } => assert_eq!(messages, &vec![Message::new(None, "order/edit: permission not granted")]),
        e => panic!("{e:?}"),
    }
    let e = c.categories().await.unwrap_err();
    assert!(e.is_auth() && !e.is_unknown_outcome());
}

#[tokio::test]
async fn paging_follows_next_verbatim() {
    let (f, url) = fake(|s, n| {
        let rows =
            |ids: &[i64]| Value::Array(ids.iter().map(|i| json!({"id": i, "name": format!("P{i}"), "prices": {"retail": 1000}})).collect());
        let (data, next) = match n {
            1 => (rows(&[9, 8]), json!({"updatedAt": 1764739200, "id": 8, "extra": [1, {"k": "v"}]})),
            2 => (rows(&[7]), json!({"id": 7})), // a short page may still have next
            _ => (rows(&[]), Value::Null),
        };
        assert_eq!(s.body["paginator"]["size"], 100);
        (200, json!({"code": 1, "data": data, "paginator": {"next": next}}).to_string())
    })
    .await;
    let mut progress = vec![];
    let all = client(&url).products_all(&ProductFilters::default(), |n| progress.push(n)).await.unwrap();
    assert_eq!(all.iter().map(|p| p.id).collect::<Vec<_>>(), vec![9, 8, 7]);
    assert_eq!(progress, vec![2, 3, 3]);
    let s = seen(&f);
    assert_eq!(s.len(), 3);
    assert!(s[0].body["paginator"].get("next").is_none());
    assert_eq!(s[1].body["paginator"]["next"], json!({"updatedAt": 1764739200, "id": 8, "extra": [1, {"k": "v"}]}));
    assert_eq!(s[2].body["paginator"]["next"], json!({"id": 7}));
    assert_eq!(s[0].body["filters"], json!({}));
}

#[tokio::test]
async fn a_repeating_next_is_an_error_not_a_loop() {
    let (_f, url) = fake(|_, _| (200, json!({"code": 1, "data": [{"id": 1}], "paginator": {"next": {"id": 1}}}).to_string())).await;
    let e = client(&url).products_all(&ProductFilters::default(), |_| {}).await.unwrap_err();
    assert!(matches!(e, NhanhError::Decode { .. }), "{e:?}");
}

/// The fake's lock: 1 s from the first call, `unlockedAt` rounded up to a second. A call
/// arriving while locked is counted as a violation (and would extend Nhanh's lock).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_gate_sleeps_until_unlocked_and_never_sends_while_locked() {
    let unlock_ms: Arc<Mutex<Option<u128>>> = Arc::new(Mutex::new(None));
    let violations = Arc::new(Mutex::new(0usize));
    let (u, v) = (unlock_ms.clone(), violations.clone());
    let (f, url) = fake(move |s, _| {
        if s.path != "/v3.0/product/list" {
            return ok(json!([]));
        }
        let mut lock = u.lock().unwrap();
        match *lock {
            None => {
                let unlocked_at = (s.at_ms + 1000).div_ceil(1000) as u64; // seconds, rounded up
                *lock = Some(unlocked_at as u128 * 1000);
                let body = json!({"code": 0, "errorCode": "ERR_429", "message": "Too many requests",
                    "data": {"lockedSeconds": 1, "unlockedAt": unlocked_at}});
                (200, body.to_string())
            }
            Some(until) if s.at_ms < until => {
                *v.lock().unwrap() += 1;
                (200, json!({"code": 0, "errorCode": "ERR_429", "message": "locked", "data": {"lockedSeconds": 2, "unlockedAt": (until / 1000) + 2}}).to_string())
            }
            Some(_) => ok(json!([{"id": 1}])),
        }
    })
    .await;
    let c = client(&url);
    let started = Instant::now();
    let first = {
        let c = c.clone();
        tokio::spawn(async move { c.products_page(&ProductFilters::default(), None, 50).await })
    };
    // Let the first call meet the lock, then call the same path and another path.
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert!(c.locked_until("product/list").is_some());
    let second = {
        let c = c.clone();
        tokio::spawn(async move { c.products_page(&ProductFilters::default(), None, 50).await })
    };
    let other_path = c.orders_page(&OrderFilters::default(), None).await.unwrap();
    assert!(other_path.rows.is_empty());
    assert!(started.elapsed() < Duration::from_millis(900), "another path is not locked");

    let a = first.await.unwrap().unwrap();
    let b = second.await.unwrap().unwrap();
    assert_eq!((a.rows.len(), b.rows.len()), (1, 1));
    assert_eq!(*violations.lock().unwrap(), 0, "no call was sent while locked");
    let until = unlock_ms.lock().unwrap().unwrap();
    let list_calls: Vec<Seen> = seen(&f).into_iter().filter(|s| s.path == "/v3.0/product/list").collect();
    assert_eq!(list_calls.len(), 3, "the 429'd call once, then each call once after the unlock");
    assert!(list_calls[1..].iter().all(|s| s.at_ms >= until));
    assert_eq!(c.locked_until("product/list"), None);
}

#[tokio::test]
async fn rate_gate_gives_up_beyond_the_max_wait_without_sending() {
    let (f, url) = fake(|s, _| {
        let at = (s.at_ms / 1000) as u64 + 30;
        (200, json!({"code": 0, "errorCode": "ERR_429", "message": "locked", "data": {"lockedSeconds": 30, "unlockedAt": at}}).to_string())
    })
    .await;
    let c = client(&url).with_max_rate_wait(Duration::from_millis(300));
    let started = Instant::now();
    let e = c.categories().await.unwrap_err();
    match &e {
        NhanhError::RateLimited { path, unlocked_at } => {
            assert_eq!(path, "product/category");
            assert!(*unlocked_at > (now_ms() / 1000) as i64 + 20);
        }
        e => panic!("{e:?}"),
    }
    assert!(!e.is_unknown_outcome() && e.retryable());
    let e2 = c.categories().await.unwrap_err();
    assert!(matches!(e2, NhanhError::RateLimited { .. }));
    assert!(started.elapsed() < Duration::from_secs(2), "no sleep beyond the max wait");
    assert_eq!(seen(&f).len(), 1, "nothing sent while locked");
}

#[tokio::test]
async fn add_order_and_its_duplicate() {
    let (f, url) = fake(|s, n| match (s.path.as_str(), n) {
        ("/v3.0/order/add", 1) => ok(json!({"id": 91, "trackingUrl": "https://nhanh.vn/t/91"})),
        ("/v3.0/order/add", _) => (
            200,
            json!({"code": 0, "errorCode": "ERR_INVALID_FORM_FIELDS",
                "messages": "channel.appOrderId: appOrderId S-1 already exists (order 91)",
                "data": {"id": 91, "appOrderId": "S-1"}})
            .to_string(),
        ),
        _ => ok(json!([])),
    })
    .await;
    let c = client(&url);
    let m = Mobile::parse("+84 988 999 999").unwrap();
    let order =
        NewOrder::counter_sale("S-1", Some(7), order::DEFAULT_STATUS, vec![]).line(5012, 29000, 2, 0).customer(Some("Lan"), &m, None);
    let first = c.add_order(&order).await.unwrap();
    assert_eq!((first.id, first.tracking_url.as_deref(), first.duplicate), (91, Some("https://nhanh.vn/t/91"), false));
    let again = c.add_order(&order).await.unwrap();
    assert_eq!((again.id, again.tracking_url, again.duplicate), (91, None, true));
    let s = seen(&f);
    assert_eq!(s[0].body, order.to_json());
    assert_eq!(s[0].body["products"][0], json!({"id": 5012, "price": 29000, "quantity": 2, "discount": 0}));
    // An invalid order is refused before sending.
    let bad = NewOrder::counter_sale("S-2", Some(7), order::DEFAULT_STATUS, vec![]);
    assert!(matches!(c.add_order(&bad).await, Err(NhanhError::InvalidOrder { .. })));
    assert_eq!(seen(&f).len(), 2);
}

#[tokio::test]
async fn customers_by_mobile_and_added() {
    let (f, url) = fake(|s, _| match s.path.as_str() {
        "/v3.0/customer/list" => {
            ok(json!([{"id": 3, "name": "Other", "mobile": "0988999990"}, {"id": 4, "name": "Lan", "mobile": "0988 999 999"}]))
        }
        "/v3.0/customer/add" => ok(json!([{"id": 12, "mobile": "0977000111"}])),
        _ => ok(json!([])),
    })
    .await;
    let c = client(&url);
    let found = c.customer_by_mobile(&Mobile::parse("0988999999").unwrap()).await.unwrap().unwrap();
    assert_eq!(found.id, 4);
    let id = c.add_customer(" Minh ", &Mobile::parse("0977-000-111").unwrap()).await.unwrap();
    assert_eq!(id, 12);
    let s = seen(&f);
    assert_eq!(s[0].body, json!({"filters": {"mobile": "0988999999"}}));
    assert_eq!(s[1].body, json!([{"name": "Minh", "mobile": "0977000111"}]));
}

#[tokio::test]
async fn detail_edit_and_order_pages() {
    let (f, url) = fake(|s, _| match s.path.as_str() {
        "/v3.0/product/detail" if s.body["filters"]["id"] == 5012 => ok(json!({"id": 5012, "name": "Cà phê", "prices": {"retail": 29000}})),
        "/v3.0/product/detail" => ok(Value::Null),
        "/v3.0/order/list" => (
            200,
            json!({"code": 1, "data": [{"info": {"id": 91, "status": 54}, "channel": {"appOrderId": null, "saleChannel": 10}}], "paginator": {"next": null}})
                .to_string(),
        ),
        "/v3.0/product/category" => ok(json!([{"id": 1, "name": "A", "children": [{"id": 2, "name": "B"}]}])),
        _ => ok(Value::Null),
    })
    .await;
    let c = client(&url);
    assert_eq!(c.product_detail(5012).await.unwrap().unwrap().name.as_deref(), Some("Cà phê"));
    assert_eq!(c.product_detail(1).await.unwrap(), None);
    c.edit_order_status(91, 56).await.unwrap();
    let page = c.orders_page(&OrderFilters { ids: vec![91], ..Default::default() }, None).await.unwrap();
    assert_eq!((page.rows[0].id(), page.rows[0].status(), page.next.clone()), (91, 54, None));
    assert_eq!(c.categories().await.unwrap().len(), 2);
    let s = seen(&f);
    assert_eq!(s[0].body, json!({"filters": {"id": 5012}}));
    assert_eq!(s[2].body, json!({"info": {"id": 91, "status": 56}}));
    assert_eq!(s[3].body, json!({"filters": {"ids": [91]}, "paginator": {"size": 100}}));
}

#[tokio::test]
async fn transport_http_and_decode_faults() {
    let (_f, url) = fake(|s, _| match s.path.as_str() {
        "/v3.0/order/list" => (200, "<html>oops</html>".into()),
        "/v3.0/order/edit" => (502, "bad gateway".into()),
        "/v3.0/customer/list" => (404, "".into()),
        _ => (500, json!({"code": 0, "errorCode": "ERR_INVALID_DATA", "messages": "body is not JSON"}).to_string()),
    })
    .await;
    let c = client(&url);
    let e = c.orders_page(&OrderFilters::default(), None).await.unwrap_err();
    assert!(matches!(e, NhanhError::Decode { .. }) && e.is_unknown_outcome(), "{e:?}");
    let e = c.edit_order_status(1, 56).await.unwrap_err();
    assert_eq!(e, NhanhError::Http { path: "order/edit".into(), status: 502 });
    assert!(e.is_unknown_outcome());
    let e = c.customer_by_mobile(&Mobile::parse("0988999999").unwrap()).await.unwrap_err();
    assert_eq!(e, NhanhError::Http { path: "customer/list".into(), status: 404 });
    assert!(!e.is_unknown_outcome());
    let e = c.categories().await.unwrap_err();
    assert_eq!(e.error_code(), Some("ERR_INVALID_DATA"), "an envelope is read whatever the status");

    // Nobody listening: the outcome is unknown.
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead = format!("http://{}", l.local_addr().unwrap());
    drop(l);
    let e = client(&dead)
        .add_order(&NewOrder::counter_sale("S-9", Some(7), 56, vec![order::OrderLine { id: 1, price: 1, quantity: 1, discount: 0 }]))
        .await
        .unwrap_err();
    assert!(matches!(e, NhanhError::Transport { .. }) && e.is_unknown_outcome(), "{e:?}");
    assert!(!format!("{e:?} {e}").contains(TOKEN));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn listener_answers() {
    let got: Arc<Mutex<Vec<Delivery>>> = Arc::new(Mutex::new(vec![]));
    let fail = Arc::new(Mutex::new(false));
    let (g, fl) = (got.clone(), fail.clone());
    let on: listener::OnDelivery = Arc::new(move |d: Delivery| {
        if *fl.lock().unwrap() {
            return Err("disk full".into());
        }
        g.lock().unwrap().push(d);
        Ok(())
    });
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}{}", l.local_addr().unwrap(), listener::PATH);
    let refused = Arc::new(Mutex::new(0usize));
    let r = refused.clone();
    let config =
        ListenerConfig { token: "VerifyToken123456".into(), on_delivery: on, on_refused: Arc::new(move || *r.lock().unwrap() += 1) };
    assert!(!format!("{config:?}").contains("VerifyToken123456"));
    tokio::spawn(listener::serve(l, config));
    let http = reqwest::Client::new();
    let post = |auth: Option<&str>, body: Value| {
        let mut r = http.post(&base).header("content-type", "application/json").body(body.to_string());
        if let Some(a) = auth {
            r = r.header("authorization", a.to_string());
        }
        async move {
            let resp = r.send().await.unwrap();
            let status = resp.status().as_u16();
            (status, resp.text().await.unwrap())
        }
    };
    let v3 = json!({"event": "orderAdd", "businessId": 42, "data": {"info": {"id": 91, "status": 54, "updatedAt": 5}, "channel": {"appOrderId": "S-1"}}});
    assert_eq!(post(None, v3.clone()).await.0, 401);
    assert_eq!(post(Some("wrong"), v3.clone()).await.0, 401);
    assert!(got.lock().unwrap().is_empty(), "nothing done without the token");
    assert_eq!(*refused.lock().unwrap(), 2);
    assert_eq!(post(Some("VerifyToken123456"), json!({"no": "event"})).await.0, 400);
    assert_eq!(post(Some("VerifyToken123456"), v3.clone()).await, (200, r#"{"ok":true}"#.to_string()));
    let v2 = json!({"event": "orderDelete", "businessId": 42, "webhooksVerifyToken": "VerifyToken123456", "data": [91]});
    assert_eq!(post(None, v2).await.0, 200);
    *fail.lock().unwrap() = true;
    assert_eq!(post(Some("VerifyToken123456"), v3.clone()).await.0, 500);
    let got = got.lock().unwrap().clone();
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].dedupe_key, "orderAdd|42|91|5");
    assert!(matches!(&got[0].event, Event::OrderAdd(o) if o.app_order_id() == Some("S-1")));
    assert_eq!(got[0].received_body, v3.to_string());
    assert_eq!(got[1].event, Event::OrderDelete(vec![91]));
}
