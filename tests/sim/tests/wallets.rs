//! quay-sim's wallets on the wire (MoMo POS, ZaloPay v2, VNPAY-QR), driven by a raw HTTP
//! client that signs by hand, per partners-contracts.md §1–§3.

use std::time::Duration;

use base64::Engine;
use hmac::{Hmac, Mac};
use quay_sim::wallet::{start_wallets, OrderState, Script, SimWallet, WalletConfig, WalletSimHandle, MOMO_SANDBOX_PUBLIC_KEY};
use serde_json::{json, Value};

const ACCESS_KEY: &str = "F8BBA842ECF85";
const SECRET_KEY: &str = "K951B6PE1waDMi640xX08PD3vg6EkVlz";
const KEY1: &str = "PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL";
const KEY2: &str = "kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz";
const VNPAY_SECRET: &str = "vnpay@MERCHANT";

fn hmac_hex(key: &str, data: &str) -> String {
    let mut m = Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes()).unwrap();
    m.update(data.as_bytes());
    m.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

fn md5(data: &str) -> String {
    use md5::Digest;
    md5::Md5::digest(data.as_bytes()).iter().map(|b| format!("{b:02X}")).collect()
}

fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder().timeout(Duration::from_secs(5)).build().unwrap()
}

async fn post(url: &str, body: &Value) -> Value {
    let resp = client().post(url).json(body).send().await.unwrap();
    assert_eq!(resp.status(), 200, "{url}");
    resp.json().await.unwrap()
}

async fn sim() -> WalletSimHandle {
    start_wallets(WalletConfig::sandbox()).await
}

// ---- MoMo ----

fn encrypt(code: &str) -> String {
    use rsa::pkcs8::DecodePublicKey;
    let der = base64::engine::general_purpose::STANDARD.decode(MOMO_SANDBOX_PUBLIC_KEY).unwrap();
    let key = rsa::RsaPublicKey::from_public_key_der(&der).unwrap();
    let ct = key.encrypt(&mut rsa::rand_core::OsRng, rsa::Pkcs1v15Encrypt, code.as_bytes()).unwrap();
    base64::engine::general_purpose::STANDARD.encode(ct)
}

/// Signs `fields` (a–z, accessKey added) into `body["signature"]`.
fn momo_sign(body: &mut Value, fields: &[&str]) {
    let raw: Vec<String> = fields
        .iter()
        .map(|k| if *k == "accessKey" { format!("accessKey={ACCESS_KEY}") } else { format!("{k}={}", text(&body[*k])) })
        .collect();
    body["signature"] = json!(hmac_hex(SECRET_KEY, &raw.join("&")));
}

/// An answer's signature: every field but signature, plus accessKey, a–z.
fn momo_answer_signed(v: &Value) -> bool {
    let mut pairs: Vec<(String, String)> =
        v.as_object().unwrap().iter().filter(|(k, _)| *k != "signature").map(|(k, v)| (k.clone(), text(v))).collect();
    pairs.push(("accessKey".into(), ACCESS_KEY.into()));
    pairs.sort();
    let raw: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
    v["signature"].as_str() == Some(hmac_hex(SECRET_KEY, &raw.join("&")).as_str())
}

fn pos_body(request_id: &str, order_id: &str, amount: Value, code: &str) -> Value {
    let mut b = json!({
        "partnerCode": "MOMO", "storeId": "QUAY01", "requestId": request_id, "orderId": order_id, "amount": amount,
        "orderInfo": "Quay sale", "paymentCode": encrypt(code), "extraData": "", "autoCapture": true, "lang": "vi",
    });
    momo_sign(&mut b, &["accessKey", "amount", "extraData", "orderId", "orderInfo", "partnerCode", "paymentCode", "requestId"]);
    b
}

async fn momo_query(w: &WalletSimHandle, request_id: &str, order_id: &str) -> Value {
    let mut b = json!({"partnerCode": "MOMO", "requestId": request_id, "orderId": order_id, "lang": "vi"});
    momo_sign(&mut b, &["accessKey", "orderId", "partnerCode", "requestId"]);
    post(&format!("{}/v2/gateway/api/query", w.momo_url), &b).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn momo_pos_pays_once_and_a_repeated_request_id_replays() {
    let w = sim().await;
    let url = format!("{}/v2/gateway/api/pos", w.momo_url);
    let body = pos_body("req-1", "S1-1", json!(35000), "MM123456789012345678");
    let a = post(&url, &body).await;
    assert_eq!(a["resultCode"], 0, "{a}");
    assert!(momo_answer_signed(&a), "{a}");
    assert_eq!((a["orderType"].as_str(), a["payType"].as_str(), a["amount"].as_i64()), (Some("momo_wallet"), Some("pos"), Some(35000)));
    let again = post(&url, &body).await;
    assert_eq!(again, a);
    let o = w.sim().order(SimWallet::Momo, "S1-1").unwrap();
    assert_eq!((o.state, o.reference.clone()), (OrderState::Paid, a["transId"].to_string()));
    assert_eq!(w.sim().total_charged(SimWallet::Momo), 35000);
    assert_eq!(w.sim().orders(SimWallet::Momo).len(), 1);
    assert_eq!(o.requests, 2, "the replay named it too");
    // A new requestId for the same orderId: 41; the code, held by a paid order: 1005.
    let a = post(&url, &pos_body("req-2", "S1-1", json!(35000), "123456789012345678")).await;
    assert_eq!(a["resultCode"], 41);
    let a = post(&url, &pos_body("req-3", "S1-2", json!(35000), "123456789012345678")).await;
    assert_eq!(a["resultCode"], 1005);
    assert!(momo_answer_signed(&a));
    // Not 18 digits: 20.
    let a = post(&url, &pos_body("req-4", "S1-3", json!(35000), "12345")).await;
    assert_eq!(a["resultCode"], 20);
    let q = momo_query(&w, "q-1", "S1-1").await;
    assert_eq!((q["resultCode"].as_i64(), momo_answer_signed(&q)), (Some(0), true));
    assert_eq!(w.sim().total_charged(SimWallet::Momo), 35000);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn momo_refuses_bad_signatures_fields_amounts_and_stores() {
    let w = sim().await;
    let url = format!("{}/v2/gateway/api/pos", w.momo_url);
    let mut b = pos_body("r-1", "S2-1", json!(35000), "111111111111111111");
    b["orderInfo"] = json!("changed after signing");
    let a = post(&url, &b).await;
    assert_eq!(a["resultCode"], 13);
    assert!(a.get("signature").is_none(), "13 is unsigned");
    let mut b = pos_body("r-2", "S2-1", json!(35000), "111111111111111111");
    b.as_object_mut().unwrap().remove("orderInfo");
    assert_eq!(post(&url, &b).await["resultCode"], 20);
    for (i, amount) in [json!(999), json!(5_000_001)].into_iter().enumerate() {
        let a = post(&url, &pos_body(&format!("r-a{i}"), &format!("S2-a{i}"), amount, "111111111111111111")).await;
        assert_eq!(a["resultCode"], 22, "{a}");
        assert!(momo_answer_signed(&a));
    }
    let a = post(&url, &pos_body("r-3", "S2-3", json!(35000.5), "111111111111111111")).await;
    assert_eq!(a["resultCode"], 21);
    // 21 and 22 are remembered (not final): the same requestId again → 40.
    let a = post(&url, &pos_body("r-3", "S2-3", json!(35000), "111111111111111111")).await;
    assert_eq!(a["resultCode"], 40);
    let mut b = pos_body("r-4", "S2-4", json!(35000), "111111111111111111");
    b["storeId"] = json!("OTHER");
    assert_eq!(post(&url, &b).await["resultCode"], 11);
    assert!(w.sim().orders(SimWallet::Momo).is_empty());
    let q = momo_query(&w, "q-1", "NOPE-1").await;
    assert_eq!(q["resultCode"], 42);
    assert!(momo_answer_signed(&q), "42 is signed: {q}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn momo_scripts_decline_authorize_lost_answer_and_refunds() {
    let w = sim().await;
    let s = w.sim();
    let url = format!("{}/v2/gateway/api/pos", w.momo_url);
    s.script_next(SimWallet::Momo, Script::Decline(1006));
    s.script_next(SimWallet::Momo, Script::Authorize);
    s.script_next(SimWallet::Momo, Script::LoseAnswerAfterSuccess);
    assert_eq!(post(&url, &pos_body("d-1", "S3-1", json!(50000), "222222222222222222")).await["resultCode"], 1006);
    // A declined order frees its code.
    let a = post(&url, &pos_body("d-2", "S3-2", json!(50000), "222222222222222222")).await;
    assert_eq!(a["resultCode"], 9000);
    let mut c = json!({"partnerCode": "MOMO", "requestId": "c-1", "orderId": "S3-2", "requestType": "capture", "amount": 40000, "description": "", "lang": "vi"});
    momo_sign(&mut c, &["accessKey", "amount", "description", "orderId", "partnerCode", "requestId", "requestType"]);
    assert_eq!(post(&format!("{}/v2/gateway/api/confirm", w.momo_url), &c).await["resultCode"], 22);
    c["requestId"] = json!("c-2");
    c["amount"] = json!(50000);
    momo_sign(&mut c, &["accessKey", "amount", "description", "orderId", "partnerCode", "requestId", "requestType"]);
    let a = post(&format!("{}/v2/gateway/api/confirm", w.momo_url), &c).await;
    assert_eq!(a["resultCode"], 0);
    assert!(momo_answer_signed(&a));
    assert_eq!(s.order(SimWallet::Momo, "S3-2").unwrap().state, OrderState::Paid);
    // The answer is lost, the order paid; the same requestId again replays the 0.
    let lost = pos_body("l-1", "S3-3", json!(20000), "333333333333333333");
    assert!(client().post(&url).json(&lost).send().await.is_err());
    assert_eq!(s.order(SimWallet::Momo, "S3-3").unwrap().state, OrderState::Paid);
    assert_eq!(post(&url, &lost).await["resultCode"], 0);
    // autoCapture false: 9000 too; cancel → the order is 1003, nothing charged.
    let mut b = pos_body("d-3", "S3-4", json!(8000), "888888888888888888");
    b["autoCapture"] = json!(false);
    assert_eq!(post(&url, &b).await["resultCode"], 9000);
    let mut c =
        json!({"partnerCode": "MOMO", "requestId": "c-3", "orderId": "S3-4", "requestType": "cancel", "amount": 8000, "lang": "vi"});
    momo_sign(&mut c, &["accessKey", "amount", "description", "orderId", "partnerCode", "requestId", "requestType"]);
    assert_eq!(post(&format!("{}/v2/gateway/api/confirm", w.momo_url), &c).await["resultCode"], 0);
    assert_eq!(momo_query(&w, "q-8", "S3-4").await["resultCode"], 1003);
    // Refunds: new orderId + transId.
    let trans = s.order(SimWallet::Momo, "S3-2").unwrap().reference;
    let refund = |rid: &str, oid: &str, amount: i64, trans: &str| {
        let mut b = json!({"partnerCode": "MOMO", "requestId": rid, "orderId": oid, "amount": amount, "transId": trans.parse::<i64>().unwrap(), "lang": "vi", "description": "void"});
        momo_sign(&mut b, &["accessKey", "amount", "description", "orderId", "partnerCode", "requestId", "transId"]);
        b
    };
    let rurl = format!("{}/v2/gateway/api/refund", w.momo_url);
    let a = post(&rurl, &refund("f-1", "S3-2-R1", 30000, &trans)).await;
    assert_eq!(a["resultCode"], 0, "{a}");
    assert!(momo_answer_signed(&a));
    assert_ne!(a["transId"].to_string(), trans);
    assert_eq!(post(&rurl, &refund("f-2", "S3-2-R2", 30000, &trans)).await["resultCode"], 1081);
    assert_eq!(post(&rurl, &refund("f-3", "S3-2-R1", 1000, &trans)).await["resultCode"], 41);
    assert_eq!(post(&rurl, &refund("f-4", "S3-2-R3", 1000, "999")).await["resultCode"], 42);
    assert_eq!(post(&rurl, &refund("f-5", "S3-2-R4", 0, &trans)).await["resultCode"], 21);
    let q = momo_query(&w, "q-9", "S3-2-R1").await;
    assert_eq!((q["resultCode"].as_i64(), q["amount"].as_i64()), (Some(0), Some(30000)));
    assert_eq!(s.order(SimWallet::Momo, "S3-2").unwrap().refunded, 30000);
    assert_eq!(s.total_charged(SimWallet::Momo), 20000 + 20000);
}

// ---- ZaloPay ----

fn today7() -> String {
    (chrono::Utc::now() + chrono::Duration::hours(7)).format("%y%m%d").to_string()
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

fn zp_create(app_trans_id: &str, amount: i64, expire: Option<i64>) -> Value {
    let (app_time, item, embed) = (now_ms(), "[]", "{}");
    let data = format!("2553|{app_trans_id}|quay|{amount}|{app_time}|{embed}|{item}");
    let mut b = json!({
        "app_id": 2553, "app_user": "quay", "app_trans_id": app_trans_id, "app_time": app_time, "amount": amount,
        "description": "Quay - sale", "item": item, "embed_data": embed, "mac": hmac_hex(KEY1, &data),
    });
    if let Some(e) = expire {
        b["expire_duration_seconds"] = json!(e);
    }
    b
}

async fn zp_query(w: &WalletSimHandle, id: &str) -> Value {
    let mac = hmac_hex(KEY1, &format!("2553|{id}|{KEY1}"));
    // Form-encoded, as ZaloPay's samples send it.
    let resp = client()
        .post(format!("{}/v2/query", w.zalopay_url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(format!("app_id=2553&app_trans_id={id}&mac={mac}"))
        .send()
        .await
        .unwrap();
    resp.json().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zalopay_create_waits_for_the_customer_then_refunds() {
    let w = sim().await;
    let id = format!("{}_S4-1", today7());
    let a = post(&format!("{}/v2/create", w.zalopay_url), &zp_create(&id, 120000, Some(300))).await;
    assert_eq!((a["return_code"].as_i64(), a["sub_return_code"].as_i64()), (Some(1), Some(1)), "{a}");
    assert!(a["qr_code"].as_str().unwrap().starts_with("000201"));
    let q = zp_query(&w, &id).await;
    assert_eq!((q["return_code"].as_i64(), q["sub_return_code"].as_i64()), (Some(3), Some(3)), "{q}");
    assert!(w.sim().customer_pays(SimWallet::ZaloPay, &id));
    let q = zp_query(&w, &id).await;
    assert_eq!((q["return_code"].as_i64(), q["amount"].as_i64()), (Some(1), Some(120000)));
    let zp = q["zp_trans_id"].as_i64().unwrap();
    assert_eq!(w.sim().order(SimWallet::ZaloPay, &id).unwrap().reference, zp.to_string());
    // Duplicate app_trans_id → -68; bad mac → -402; unknown → -92.
    let a = post(&format!("{}/v2/create", w.zalopay_url), &zp_create(&id, 120000, None)).await;
    assert_eq!((a["return_code"].as_i64(), a["sub_return_code"].as_i64()), (Some(2), Some(-68)));
    let mut bad = zp_create(&format!("{}_S4-2", today7()), 1000, None);
    bad["mac"] = json!(hmac_hex(KEY2, "x"));
    let a = post(&format!("{}/v2/create", w.zalopay_url), &bad).await;
    assert_eq!((a["return_code"].as_i64(), a["sub_return_code"].as_i64()), (Some(2), Some(-402)));
    assert_eq!(zp_query(&w, &format!("{}_NOPE", today7())).await["sub_return_code"], -92);
    let a = post(&format!("{}/v2/create", w.zalopay_url), &zp_create("990101_S4-3", 1000, None)).await;
    assert_eq!(a["sub_return_code"], -401, "a date far from today");
    // Refund: 3 first, then 1 on query_refund.
    let m_refund_id = format!("{}_2553_R1", today7());
    let ts = now_ms();
    let mac = hmac_hex(KEY1, &format!("2553|{zp}|50000|void|{ts}"));
    let r = json!({"app_id": 2553, "m_refund_id": m_refund_id, "zp_trans_id": zp.to_string(), "amount": 50000, "timestamp": ts, "description": "void", "mac": mac});
    let a = post(&format!("{}/v2/refund", w.zalopay_url), &r).await;
    assert_eq!(a["return_code"], 3, "{a}");
    assert_eq!(post(&format!("{}/v2/refund", w.zalopay_url), &r).await["return_code"], 3, "a repeat answers the same refund");
    let ts = now_ms();
    let qr =
        json!({"app_id": 2553, "m_refund_id": m_refund_id, "timestamp": ts, "mac": hmac_hex(KEY1, &format!("2553|{m_refund_id}|{ts}"))});
    assert_eq!(post(&format!("{}/v2/query_refund", w.zalopay_url), &qr).await["return_code"], 1);
    assert_eq!(w.sim().total_charged(SimWallet::ZaloPay), 70000);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zalopay_scripts_pay_late_and_decline() {
    let w = sim().await;
    w.sim().script_next(SimWallet::ZaloPay, Script::PayLate);
    w.sim().script_next(SimWallet::ZaloPay, Script::Decline(-329));
    let late = format!("{}_S5-1", today7());
    let declined = format!("{}_S5-2", today7());
    assert_eq!(post(&format!("{}/v2/create", w.zalopay_url), &zp_create(&late, 5000, Some(1))).await["return_code"], 1);
    assert_eq!(post(&format!("{}/v2/create", w.zalopay_url), &zp_create(&declined, 5000, Some(60))).await["return_code"], 1);
    assert_eq!(zp_query(&w, &late).await["return_code"], 3);
    tokio::time::sleep(Duration::from_millis(1300)).await;
    assert_eq!(zp_query(&w, &late).await["sub_return_code"], -54, "expired");
    let q = zp_query(&w, &declined).await;
    assert_eq!((q["return_code"].as_i64(), q["sub_return_code"].as_i64()), (Some(2), Some(-329)));
    tokio::time::sleep(Duration::from_millis(1300)).await;
    assert_eq!(zp_query(&w, &late).await["return_code"], 1, "the late payment");
    assert!(w.sim().order(SimWallet::ZaloPay, &late).unwrap().paid_late);
}

// ---- VNPAY ----

fn vn_create(txn: &str, amount: &str, exp: &str) -> Value {
    let raw = format!("MERCHANT|VNPAY TEST|03|VN|A000000775|9999|88888888|PSSTEST|03||{txn}|{amount}||704|{exp}|{VNPAY_SECRET}");
    json!({
        "appId": "MERCHANT", "merchantName": "VNPAY TEST", "serviceCode": "03", "countryCode": "VN", "masterMerCode": "A000000775",
        "merchantType": "9999", "merchantCode": "88888888", "terminalId": "PSSTEST", "payType": "03", "productId": "", "txnId": txn,
        "amount": amount, "tipAndFee": "", "ccy": "704", "expDate": exp, "desc": "Quay sale", "checksum": md5(&raw),
    })
}

fn check_body(txn: &str) -> Value {
    let pay_date = (chrono::Utc::now() + chrono::Duration::hours(7)).format("%d/%m/%Y").to_string();
    let sum = md5(&format!("{pay_date}|{txn}|88888888|PSSTEST|{VNPAY_SECRET}"));
    json!({"txnId": txn, "merchantCode": "88888888", "terminalID": "PSSTEST", "payDate": pay_date, "checkSum": sum})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn vnpay_create_check_and_refund() {
    let w = sim().await;
    let create = format!("{}/QRCreateAPIRestV2/rest/CreateQrcodeApi/createQrcode", w.vnpay_url);
    let check = format!("{}/CheckTransaction/rest/api/CheckTrans", w.vnpay_url);
    let body = vn_create("VNP_TEST888", "100000", "");
    assert_eq!(body["checksum"], "A8833240FA23EE9FA5D5D081EA8A7540", "partners.md's vector");
    let a = post(&create, &body).await;
    assert_eq!(a["code"], "00", "{a}");
    let data = a["data"].as_str().unwrap();
    assert!(data.starts_with("000201") && data.contains("5303704"));
    assert_eq!(a["checksum"].as_str().unwrap(), md5(&format!("00|{}|{data}|null|{VNPAY_SECRET}", a["message"].as_str().unwrap())));
    // Same txnId + amount: the same QR; another amount: 04; bad checksum: 06.
    assert_eq!(post(&create, &body).await, a);
    assert_eq!(post(&create, &vn_create("VNP_TEST888", "100001", "")).await["code"], "04");
    let mut bad = vn_create("VNP_TEST889", "100000", "");
    bad["checksum"] = json!("A8833240FA23EE9FA5D5D081EA8A7540");
    assert_eq!(post(&create, &bad).await["code"], "06");
    assert_eq!(post(&create, &vn_create("VNP_TEST890", "100000", "2001011200")).await["code"], "01", "expDate passed");
    // CheckTrans: 01 before the payment, 00 after with its checkSum.
    let c = post(&check, &check_body("VNP_TEST888")).await;
    assert_eq!(c["code"], "01");
    let mut wrong = check_body("VNP_TEST888");
    wrong["checkSum"] = json!("00");
    assert_eq!(post(&check, &wrong).await["code"], "11");
    assert!(w.sim().customer_pays(SimWallet::Vnpay, "VNP_TEST888"));
    let c = post(&check, &check_body("VNP_TEST888")).await;
    assert_eq!(c["code"], "00", "{c}");
    let fields =
        ["masterMerchantCode", "merchantCode", "terminalID", "txnId", "payDate", "bankCode", "qrTrace", "debitAmount", "realAmount"];
    let raw: Vec<String> = fields.iter().map(|k| text(&c[*k])).chain([VNPAY_SECRET.to_string()]).collect();
    assert_eq!(c["checkSum"].as_str().unwrap(), md5(&raw.join("|")));
    let trace = c["qrTrace"].as_str().unwrap().to_string();
    // Refund: type 2 (part), then type 1 (all that is left, exactly).
    let refund = |rid: &str, kind: &str, amount: &str| {
        let pay_date = "20260101120000";
        let sum = md5(&format!("{VNPAY_SECRET}88888888{trace}VNP_TEST888{rid}{kind}{amount}{pay_date}"));
        json!({"merchantCode": "88888888", "qrTrace": trace, "payTxnId": "VNP_TEST888", "refundTxnId": rid, "typeRefund": kind, "amount": amount, "refundContent": "void", "payDate": pay_date, "checkSum": sum})
    };
    let rurl = format!("{}/mms/refund", w.vnpay_url);
    let a = post(&rurl, &refund("RF1", "2", "40000")).await;
    assert_eq!(a["code"], "00", "{a}");
    let sum = md5(&format!("{VNPAY_SECRET}00{}{}", a["qrTraceRefund"].as_str().unwrap(), a["refundDate"].as_str().unwrap()));
    assert_eq!(a["checkSum"].as_str().unwrap(), sum);
    assert_eq!(post(&rurl, &refund("RF1", "2", "40000")).await, a, "a repeated refundTxnId answers the first");
    assert_eq!(post(&rurl, &refund("RF2", "1", "10000")).await["code"], "02", "type 1 = exactly what is left");
    assert_eq!(post(&rurl, &refund("RF3", "2", "70000")).await["code"], "20");
    assert_eq!(post(&rurl, &refund("RF4", "1", "60000")).await["code"], "00");
    assert_eq!(w.sim().order(SimWallet::Vnpay, "VNP_TEST888").unwrap().state, OrderState::Refunded);
    assert_eq!(w.sim().total_charged(SimWallet::Vnpay), 0);
}

// ---- callbacks and the HTTP admin ----

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn callbacks_are_signed_and_the_admin_scripts_and_pays() {
    use std::sync::{Arc, Mutex};
    let got: Arc<Mutex<Vec<Value>>> = Arc::default();
    let sink = got.clone();
    let app = axum::Router::new().route(
        "/cb",
        axum::routing::post(move |axum::Json(v): axum::Json<Value>| {
            let sink = sink.clone();
            async move {
                sink.lock().unwrap().push(v);
                axum::Json(json!({"return_code": 1, "return_message": "success"}))
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let cb_url = format!("http://{}/cb", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let w = sim().await;
    let r = client().post(format!("{}/admin/wallet/zalopay/script", w.url)).body(r#""callback_bad_signature""#).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let id = format!("{}_S7-1", today7());
    let mut body = zp_create(&id, 15000, None);
    body["callback_url"] = json!(cb_url);
    assert_eq!(post(&format!("{}/v2/create", w.zalopay_url), &body).await["return_code"], 1);
    let r = client().post(format!("{}/admin/wallet/zalopay/pay/{id}", w.url)).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let orders: Value = client().get(format!("{}/admin/wallet/zalopay/orders", w.url)).send().await.unwrap().json().await.unwrap();
    assert_eq!((orders["orders"][0]["state"].as_str(), orders["total_charged"].as_i64()), (Some("paid"), Some(15000)));
    for _ in 0..50 {
        if got.lock().unwrap().len() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let got = got.lock().unwrap().clone();
    assert_eq!(got.len(), 2, "the bad copy, then the good one");
    let ok = |v: &Value| v["mac"].as_str() == Some(hmac_hex(KEY2, v["data"].as_str().unwrap()).as_str());
    assert!(!ok(&got[0]) && ok(&got[1]));
    let data: Value = serde_json::from_str(got[1]["data"].as_str().unwrap()).unwrap();
    assert_eq!((data["app_trans_id"].as_str(), data["amount"].as_i64()), (Some(id.as_str()), Some(15000)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn momo_waiting_unanswered_and_duplicate_request_id_end_in_a_query_and_an_ipn() {
    use std::sync::{Arc, Mutex};
    let got: Arc<Mutex<Vec<Value>>> = Arc::default();
    let sink = got.clone();
    let app = axum::Router::new().route(
        "/ipn",
        axum::routing::post(move |axum::Json(v): axum::Json<Value>| {
            let sink = sink.clone();
            async move {
                sink.lock().unwrap().push(v);
                axum::http::StatusCode::NO_CONTENT
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let ipn = format!("http://{}/ipn", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let w = sim().await;
    let s = w.sim();
    let url = format!("{}/v2/gateway/api/pos", w.momo_url);
    s.script_next(SimWallet::Momo, Script::PayAfter(Duration::from_millis(600)));
    s.script_next(SimWallet::Momo, Script::NeverAnswer);
    s.script_next(SimWallet::Momo, Script::DuplicateRequestId);
    let mut b = pos_body("w-1", "S8-1", json!(10000), "444444444444444444");
    b["ipnUrl"] = json!(ipn);
    momo_sign(&mut b, &["accessKey", "amount", "extraData", "orderId", "orderInfo", "partnerCode", "paymentCode", "requestId"]);
    assert_eq!(post(&url, &b).await["resultCode"], 1000);
    assert_eq!(momo_query(&w, "wq-1", "S8-1").await["resultCode"], 1000);
    assert_eq!(post(&url, &b).await["resultCode"], 40, "a repeat of a non-final answer");
    // Unanswered: the client times out, the order is paid.
    let held = pos_body("w-2", "S8-2", json!(10000), "555555555555555555");
    let r = reqwest::Client::builder().timeout(Duration::from_millis(500)).build().unwrap().post(&url).json(&held).send().await;
    assert!(r.is_err());
    assert_eq!(momo_query(&w, "wq-2", "S8-2").await["resultCode"], 0);
    let a = post(&url, &pos_body("w-3", "S8-3", json!(10000), "666666666666666666")).await;
    assert_eq!(a["resultCode"], 40);
    assert_eq!(momo_query(&w, "wq-3", "S8-3").await["resultCode"], 0);
    tokio::time::sleep(Duration::from_millis(800)).await;
    let q = momo_query(&w, "wq-4", "S8-1").await;
    assert_eq!(q["resultCode"], 0);
    for _ in 0..40 {
        if !got.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let got = got.lock().unwrap().clone();
    assert_eq!(got.len(), 1, "one IPN, acknowledged by 204");
    assert_eq!(
        (got[0]["orderId"].as_str(), got[0]["resultCode"].as_i64(), got[0]["requestId"].as_str()),
        (Some("S8-1"), Some(0), Some("w-1"))
    );
    assert!(momo_answer_signed(&got[0]));
    assert_eq!(s.total_charged(SimWallet::Momo), 30000);
    // Down: every call fails.
    s.set_down(SimWallet::Momo, true);
    let r = client().post(&url).json(&pos_body("w-5", "S8-5", json!(10000), "777777777777777777")).send().await.unwrap();
    assert_eq!(r.status(), 503);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn vnpay_sends_its_ipn_to_the_registered_url_and_expires_by_the_minute() {
    use std::sync::{Arc, Mutex};
    let got: Arc<Mutex<Vec<Value>>> = Arc::default();
    let sink = got.clone();
    let app = axum::Router::new().route(
        "/vnpay-ipn",
        axum::routing::post(move |axum::Json(v): axum::Json<Value>| {
            let sink = sink.clone();
            async move {
                sink.lock().unwrap().push(v);
                axum::Json(json!({"code": "00", "message": "ok"}))
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let mut config = WalletConfig::sandbox();
    config.vnpay.ipn_url = Some(format!("http://{}/vnpay-ipn", listener.local_addr().unwrap()));
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let w = start_wallets(config).await;
    w.sim().script_next(SimWallet::Vnpay, Script::Pay);
    let create = format!("{}/QRCreateAPIRestV2/rest/CreateQrcodeApi/createQrcode", w.vnpay_url);
    // expDate (GMT+7, minute resolution): payable until that minute ends.
    let exp = (chrono::Utc::now() + chrono::Duration::hours(7) + chrono::Duration::minutes(1)).format("%y%m%d%H%M").to_string();
    assert_eq!(post(&create, &vn_create("S9-1", "25000", &exp)).await["code"], "00");
    for _ in 0..40 {
        if !got.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let got = got.lock().unwrap().clone();
    assert_eq!(got.len(), 1);
    let v = &got[0];
    let keys = ["code", "msgType", "txnId", "qrTrace", "bankCode", "mobile", "accountNo", "amount", "payDate", "merchantCode"];
    let raw: Vec<String> = keys.iter().map(|k| text(&v[*k])).chain([VNPAY_SECRET.to_string()]).collect();
    assert_eq!(v["checksum"].as_str().unwrap(), md5(&raw.join("|")));
    assert_eq!((v["txnId"].as_str(), v["amount"].as_str()), (Some("S9-1"), Some("25000")));
    assert_eq!(w.sim().total_charged(SimWallet::Vnpay), 25000);
}
