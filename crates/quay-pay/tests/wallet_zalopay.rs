//! ZaloPay v2: the mac strings and their HMACs with the public sandbox keys (app_id 2553),
//! computed independently with `printf '%s' "$RAW" | openssl dgst -sha256 -hmac KEY`;
//! query answers → status; callbacks verified over data as received; the replies.

use quay_pay::wallet::zalopay::{self, CallbackReply, ZaloPayClient, ZaloPayConfig};
use quay_pay::wallet::{WalletError, WalletStatus};
use serde_json::json;

const KEY1: &str = "PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL";
const KEY2: &str = "kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz";
const TRANS: &str = "260309_0190f3a27b1c7def8a12_1";

fn config(url: &str) -> ZaloPayConfig {
    ZaloPayConfig {
        url: url.into(),
        app_id: "2553".into(),
        key1: KEY1.into(),
        key2: KEY2.into(),
        callback_url: Some("https://quay.example/cb".into()),
    }
}

#[test]
fn mac_inputs_and_values() {
    let create = zalopay::create_mac_input("2553", TRANS, "quay", 50000, 1773036000000, "{}", "[]");
    assert_eq!(create, "2553|260309_0190f3a27b1c7def8a12_1|quay|50000|1773036000000|{}|[]");
    assert_eq!(zalopay::mac(KEY1, &create), "a79df9ca0d863ab820ad67f6dd39ada6aa5e817017d7f520768af575cebe01fd");

    let query = zalopay::query_mac_input("2553", TRANS, KEY1);
    assert_eq!(query, "2553|260309_0190f3a27b1c7def8a12_1|PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL");
    assert_eq!(zalopay::mac(KEY1, &query), "86785b17edc4a3e0493255cc7d419e4586af3e922f46ff250bf3ea1be3306916");

    let refund = zalopay::refund_mac_input("2553", "260309000000123", 50000, "Quay refund", 1773036000000);
    assert_eq!(refund, "2553|260309000000123|50000|Quay refund|1773036000000");
    assert_eq!(zalopay::mac(KEY1, &refund), "29a30489c51e2d5f514ee473b0bcea971b8953649198aa963a976fc992b551fd");

    let qr = zalopay::query_refund_mac_input("2553", "260309_2553_0190f3a27b1c7def-r1", 1773036000000);
    assert_eq!(zalopay::mac(KEY1, &qr), "ae5775d7621a719835f0354216c29516b477a992185f04712bcc0427014160bb");
}

#[test]
fn create_form_carries_the_signed_fields() {
    let client = ZaloPayClient::new(config("http://127.0.0.1:1")).unwrap();
    let form = client.create_form(TRANS, 50000, "Quay #1", "quay", 1773036000000, 300);
    let get = |k: &str| form.iter().find(|(n, _)| *n == k).map(|(_, v)| v.as_str());
    assert_eq!(get("mac"), Some("a79df9ca0d863ab820ad67f6dd39ada6aa5e817017d7f520768af575cebe01fd"));
    assert_eq!(
        (get("item"), get("embed_data"), get("amount"), get("app_time")),
        (Some("[]"), Some("{}"), Some("50000"), Some("1773036000000"))
    );
    assert_eq!((get("expire_duration_seconds"), get("callback_url")), (Some("300"), Some("https://quay.example/cb")));
    let shown = format!("{client:?}");
    assert!(!shown.contains(KEY1) && !shown.contains(KEY2), "{shown}");
}

#[test]
fn query_answers_to_status() {
    use WalletStatus::*;
    let cases = [
        (
            json!({"return_code": 1, "return_message": "OK", "sub_return_code": 1, "is_processing": false, "amount": 50000, "zp_trans_id": 260309000000123u64}),
            Paid { reference: "260309000000123".into(), amount: 50000 },
        ),
        (json!({"return_code": 1, "sub_return_code": 1, "amount": 50000, "zp_trans_id": 0}), Waiting { code: "1".into() }),
        (
            json!({"return_code": 3, "sub_return_code": 3, "is_processing": true, "amount": 0, "zp_trans_id": 0}),
            Waiting { code: "3".into() },
        ),
        (json!({"return_code": 2, "sub_return_code": -92, "return_message": "x"}), NotFound { code: "2/-92".into() }),
        (
            json!({"return_code": 2, "sub_return_code": -54, "sub_return_message": "expired"}),
            Declined { code: "2/-54".into(), message: "expired".into() },
        ),
        (
            json!({"return_code": 2, "sub_return_code": -329, "sub_return_message": "cancelled"}),
            Declined { code: "2/-329".into(), message: "cancelled".into() },
        ),
        (
            json!({"return_code": 2, "sub_return_code": -402, "sub_return_message": "mac"}),
            Refused { code: "2/-402".into(), message: "mac".into() },
        ),
        (
            json!({"return_code": 2, "sub_return_code": -401, "sub_return_message": "params"}),
            Refused { code: "2/-401".into(), message: "params".into() },
        ),
        (json!({"return_code": 7}), Waiting { code: "7".into() }),
    ];
    for (v, want) in cases {
        assert_eq!(zalopay::read_query(&v).unwrap().status(), want, "{v}");
    }
    assert!(matches!(zalopay::read_query(&json!({"x": 1})), Err(WalletError::Decode(_))));
}

#[test]
fn create_and_refund_answers() {
    let ok = json!({"return_code": 1, "return_message": "Giao dịch thành công", "sub_return_code": 1, "zp_trans_token": "AC1", "order_url": "https://qcgateway.zalopay.vn/openinapp?order=x", "order_token": "AC1", "qr_code": "00020101021226520010vn.zalopay"});
    let a = zalopay::read_create(&ok).unwrap();
    assert_eq!(a.created.as_ref().unwrap().qr_code, "00020101021226520010vn.zalopay");
    assert_eq!(a.status(), WalletStatus::Waiting { code: "1".into() });
    let dup = zalopay::read_create(&json!({"return_code": 2, "sub_return_code": -68})).unwrap();
    assert_eq!((dup.created.is_none(), dup.status()), (true, WalletStatus::Waiting { code: "2/-68".into() }));
    let bad = zalopay::read_create(&json!({"return_code": 2, "sub_return_code": -401, "sub_return_message": "amount"})).unwrap();
    assert_eq!(bad.status(), WalletStatus::Refused { code: "2/-401".into(), message: "amount".into() });

    let r = zalopay::read_refund(&json!({"return_code": 1, "refund_id": 1234567u64}), "260309_2553_x-r1", Some(50000)).unwrap();
    assert_eq!(r.status(), WalletStatus::Paid { reference: "1234567".into(), amount: 50000 });
    let r = zalopay::read_refund(&json!({"return_code": 3}), "m", Some(50000)).unwrap();
    assert_eq!(r.status(), WalletStatus::Waiting { code: "3".into() });
    let r = zalopay::read_refund(&json!({"return_code": 2, "sub_return_code": -92}), "m", None).unwrap();
    assert_eq!(r.status(), WalletStatus::NotFound { code: "2/-92".into() });
    let r = zalopay::read_refund(&json!({"return_code": 2, "sub_return_code": -401, "return_message": "no"}), "m", Some(1)).unwrap();
    assert_eq!(r.status(), WalletStatus::Refused { code: "2/-401".into(), message: "no".into() });
}

const DATA: &str = r#"{"app_id":2553,"app_trans_id":"260309_0190f3a27b1c7def8a12_1","app_time":1773036000000,"app_user":"quay","amount":50000,"embed_data":"{}","item":"[]","zp_trans_id":260309000000123,"server_time":1773036060000,"channel":38,"merchant_user_id":"x","user_fee_amount":0,"discount_amount":0}"#;
const DATA_MAC: &str = "0608247e3c9ca86929dd21db8dcb4d62c707f035cca2ad0db630d349c8c0bc23";

#[test]
fn callbacks_verified_over_data_as_received() {
    let body = serde_json::to_vec(&json!({"data": DATA, "mac": DATA_MAC, "type": 1})).unwrap();
    let cb = zalopay::verify_callback(KEY2, &body).unwrap();
    assert_eq!((cb.app_trans_id.as_str(), cb.amount, cb.zp_trans_id.as_str()), (TRANS, 50000, "260309000000123"));
    assert_eq!((cb.app_id.as_str(), cb.channel), ("2553", Some(38)));

    // key1 is not the callback key; a changed amount or a re-spaced data fails.
    assert!(matches!(zalopay::verify_callback(KEY1, &body), Err(WalletError::BadSignature)));
    let changed = DATA.replace("50000", "5000");
    let body = serde_json::to_vec(&json!({"data": changed, "mac": DATA_MAC, "type": 1})).unwrap();
    assert!(matches!(zalopay::verify_callback(KEY2, &body), Err(WalletError::BadSignature)));
    let respaced = DATA.replace(",", ", ");
    let body = serde_json::to_vec(&json!({"data": respaced, "mac": DATA_MAC, "type": 1})).unwrap();
    assert!(matches!(zalopay::verify_callback(KEY2, &body), Err(WalletError::BadSignature)));
    assert!(matches!(zalopay::verify_callback(KEY2, b"not json"), Err(WalletError::Decode(_))));
}

#[test]
fn callback_replies() {
    assert_eq!(zalopay::callback_reply(CallbackReply::Received), json!({"return_code": 1, "return_message": "success"}));
    assert_eq!(zalopay::callback_reply(CallbackReply::AlreadyDone)["return_code"], 2);
    assert_eq!(zalopay::callback_reply(CallbackReply::BadMac)["return_code"], -1);
}

#[tokio::test]
async fn arguments_refused_before_sending() {
    let client = ZaloPayClient::new(config("http://127.0.0.1:1")).unwrap();
    assert!(matches!(client.create("bad", 50000, "d", "u", 1, 300).await, Err(WalletError::Invalid(_))));
    assert!(matches!(client.create(TRANS, 0, "d", "u", 1, 300).await, Err(WalletError::Amount(_))));
    assert!(matches!(client.create(TRANS, 1, "d", "u", 1, 0).await, Err(WalletError::Invalid(_))));
    assert!(matches!(client.query(TRANS).await, Err(WalletError::Network { .. })));
    assert!(ZaloPayClient::new(ZaloPayConfig { app_id: "x".into(), ..config("u") }).is_err());
}

/// A tiny ZaloPay reading the form: checks create's and query's macs, answers.
#[tokio::test]
async fn client_against_a_tiny_zalopay() {
    use axum::routing::post;
    use axum::{Form, Json, Router};
    use std::collections::HashMap;

    let app = Router::new()
        .route(
            zalopay::PATH_CREATE,
            post(|Form(f): Form<HashMap<String, String>>| async move {
                let input = zalopay::create_mac_input(&f["app_id"], &f["app_trans_id"], &f["app_user"], f["amount"].parse().unwrap(), f["app_time"].parse().unwrap(), &f["embed_data"], &f["item"]);
                let ok = zalopay::mac(KEY1, &input) == f["mac"] && f["description"] == "Quay #1 – bàn 4";
                Json(if ok {
                    json!({"return_code": 1, "return_message": "OK", "sub_return_code": 1, "zp_trans_token": "T", "order_url": "u", "order_token": "T", "qr_code": "QR"})
                } else {
                    json!({"return_code": 2, "sub_return_code": -402, "sub_return_message": "mac"})
                })
            }),
        )
        .route(
            zalopay::PATH_QUERY,
            post(|Form(f): Form<HashMap<String, String>>| async move {
                let ok = zalopay::mac(KEY1, &zalopay::query_mac_input(&f["app_id"], &f["app_trans_id"], KEY1)) == f["mac"];
                Json(if ok {
                    json!({"return_code": 1, "sub_return_code": 1, "is_processing": false, "amount": 50000, "zp_trans_id": 260309000000123u64})
                } else {
                    json!({"return_code": 2, "sub_return_code": -402})
                })
            }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let client = ZaloPayClient::new(config(&url)).unwrap();
    let created = client.create(TRANS, 50000, "Quay #1 – bàn 4", "quay", 1773036000000, 300).await.unwrap();
    assert_eq!(created.created.map(|c| c.qr_code).as_deref(), Some("QR"));
    let q = client.query(TRANS).await.unwrap();
    assert_eq!(q.status(), WalletStatus::Paid { reference: "260309000000123".into(), amount: 50000 });
}
