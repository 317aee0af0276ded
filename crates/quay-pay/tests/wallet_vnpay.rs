//! VNPAY-QR: checksums (the published create vector lives in `vnpay.rs`; the others were
//! computed independently with `printf '%s' "$RAW" | openssl dgst -md5`, uppercased),
//! answer verification and tampering, CheckTrans codes → status, the IPN, refunds, and
//! the client against a tiny in-test VNPAY.

use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use chrono::NaiveDate;
use quay_pay::wallet::vnpay::{self, IpnReply, VnpayClient, VnpayConfig};
use quay_pay::wallet::{WalletError, WalletStatus};
use serde_json::{json, Value};

const SECRET: &str = "vnpay@MERCHANT";
const EMV: &str = "00020101021226280010A000000775011001234567895204999953037045406100000";

fn create_answer() -> Value {
    json!({"code": "00", "message": "Success", "data": EMV, "url": null,
           "checksum": "BEBAA96C0DEECC16C672B3BAE9A04309", "isDelete": true, "idQrcode": "12345"})
}

fn paid_check() -> Value {
    json!({"code": "00", "message": "Success", "masterMerchantCode": "A000000775", "merchantCode": "88888888",
           "terminalID": "PSSTEST", "txnId": "VNP_TEST888", "payDate": "09/03/2026 14:05:59", "bankCode": "NCB",
           "qrTrace": "123456789", "debitAmount": 100000, "realAmount": "100000", "billNumber": "B1",
           "checkSum": "E1994EE8945E14DB2A122F4C561630F5"})
}

fn ipn() -> Value {
    json!({"code": "00", "message": "Tru tien thanh cong", "msgType": "1", "txnId": "VNP_TEST888", "qrTrace": "123456789",
           "bankCode": "NCB", "mobile": "0912345678", "accountNo": "9704001234", "amount": "100000",
           "payDate": "20260309140559", "merchantCode": "88888888", "masterMerCode": "A000000775", "terminalId": "PSSTEST",
           "addData": [{"merchantType": "9999"}], "ccy": "704", "checksum": "BE28C8A908E5124BB9804B461396B938"})
}

#[test]
fn create_answer_verified_null_url_as_null() {
    let qr = vnpay::read_create(SECRET, &create_answer()).unwrap();
    assert_eq!((qr.data.as_str(), qr.url, qr.id_qrcode.as_deref()), (EMV, None, Some("12345")));
    let mut v = create_answer();
    v["data"] = json!(EMV.replace("100000", "100001"));
    assert!(matches!(vnpay::read_create(SECRET, &v), Err(WalletError::BadSignature)));
    assert!(matches!(vnpay::read_create("other", &create_answer()), Err(WalletError::BadSignature)));
    let refused = vnpay::read_create(SECRET, &json!({"code": "04", "message": "insert failed", "data": null}));
    assert!(matches!(refused, Err(WalletError::Refused { ref code, .. }) if code == "04"), "{refused:?}");
}

#[test]
fn check_request_checksum() {
    let input = vnpay::check_checksum_input("09/03/2026", "VNP_TEST888", "88888888", "PSSTEST", SECRET);
    assert_eq!(input, "09/03/2026|VNP_TEST888|88888888|PSSTEST|vnpay@MERCHANT");
    assert_eq!(quay_pay::wallet::sign::md5_upper(&input), "B56346FCFF124583A5E782B37ECB752A");
}

#[test]
fn paid_check_verified_and_tamper_refused() {
    let a = vnpay::read_check(SECRET, &paid_check()).unwrap();
    assert_eq!(a.status(), WalletStatus::Paid { reference: "123456789".into(), amount: 100000 });
    assert_eq!((a.debit_amount, a.bill_number.as_deref()), (Some(100000), Some("B1")));
    for (field, value) in
        [("realAmount", json!("10000")), ("qrTrace", json!("123456780")), ("txnId", json!("VNP_TEST889")), ("checkSum", json!(null))]
    {
        let mut v = paid_check();
        v[field] = value;
        assert!(matches!(vnpay::read_check(SECRET, &v), Err(WalletError::BadSignature)), "{field}");
    }
}

#[test]
fn check_codes_to_status() {
    use WalletStatus::*;
    let nf = json!({"code": "01", "message": "not found", "masterMerchantCode": null, "merchantCode": null, "terminalID": null,
                    "txnId": null, "payDate": null, "bankCode": null, "qrTrace": null, "debitAmount": null, "realAmount": null,
                    "checkSum": "360D133C8F897D1169EFC8B73DBC074C"});
    assert_eq!(vnpay::read_check(SECRET, &nf).unwrap().status(), NotFound { code: "01".into() });
    let mut forged = nf.clone();
    forged["code"] = json!("04");
    forged["checkSum"] = json!("00");
    assert!(matches!(vnpay::read_check(SECRET, &forged), Err(WalletError::BadSignature)));
    let cases = [
        ("05", Waiting { code: "05".into() }),
        ("04", Declined { code: "04".into(), message: "m".into() }),
        ("02", Refused { code: "02".into(), message: "m".into() }),
        ("03", Refused { code: "03".into(), message: "m".into() }),
        ("11", Refused { code: "11".into(), message: "m".into() }),
        ("01", NotFound { code: "01".into() }),
        ("77", Waiting { code: "77".into() }),
    ];
    for (code, want) in cases {
        // Unsigned non-00 answers are read (they can only delay, never pay).
        assert_eq!(vnpay::read_check(SECRET, &json!({"code": code, "message": "m"})).unwrap().status(), want, "{code}");
    }
    // A 00 must be signed.
    let mut v = paid_check();
    v.as_object_mut().unwrap().remove("checkSum");
    assert!(matches!(vnpay::read_check(SECRET, &v), Err(WalletError::BadSignature)));
}

#[test]
fn ipn_verified() {
    let body = serde_json::to_vec(&ipn()).unwrap();
    let i = vnpay::verify_ipn(SECRET, &body).unwrap();
    assert_eq!(
        (i.txn_id.as_str(), i.qr_trace.as_str(), i.amount, i.merchant_code.as_str()),
        ("VNP_TEST888", "123456789", 100000, "88888888")
    );
    assert_eq!(i.terminal_id.as_deref(), Some("PSSTEST"));
    let mut v = ipn();
    v["amount"] = json!("1000000");
    assert!(matches!(vnpay::verify_ipn(SECRET, &serde_json::to_vec(&v).unwrap()), Err(WalletError::BadSignature)));
    let mut v = ipn();
    v["ccy"] = json!("840");
    assert!(matches!(vnpay::verify_ipn(SECRET, &serde_json::to_vec(&v).unwrap()), Err(WalletError::Currency { .. })));
    assert_eq!(vnpay::ipn_reply(IpnReply::Received)["code"], "00");
    assert_eq!(vnpay::ipn_reply(IpnReply::AlreadyDone)["code"], "03");
}

#[test]
fn refund_checksums() {
    let input = vnpay::refund_checksum_input(SECRET, "88888888", "123456789", "VNP_TEST888", "RF-1", "1", "100000", "20260309140559");
    assert_eq!(quay_pay::wallet::sign::md5_upper(&input), "813064BD3C67F0ACE3DFC95A1CCEA8DF");
    let ok = json!({"code": "00", "message": "ok", "qrTraceRefund": "RF123", "refundDate": "20260309150000", "checkSum": "D4477E4F1132255E9A9C1D05722AB52B"});
    let a = vnpay::read_refund(SECRET, &ok, 100000).unwrap();
    assert_eq!(a.status(), WalletStatus::Paid { reference: "RF123".into(), amount: 100000 });
    let mut bad = ok.clone();
    bad["qrTraceRefund"] = json!("RF124");
    assert!(matches!(vnpay::read_refund(SECRET, &bad, 100000), Err(WalletError::BadSignature)));
    let above = vnpay::read_refund(SECRET, &json!({"code": "20", "message": "above"}), 1).unwrap();
    assert_eq!(above.status(), WalletStatus::Refused { code: "20".into(), message: "above".into() });
}

fn config(url: &str) -> VnpayConfig {
    VnpayConfig::new(url, "88888888", "PSSTEST", SECRET, "VNPAY TEST")
}

async fn serve(app: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    url
}

#[tokio::test]
async fn client_against_a_tiny_vnpay() {
    let app = Router::new()
        .route(
            vnpay::PATH_CREATE,
            post(|Json(b): Json<Value>| async move {
                // The published vector's request, checksum included.
                assert_eq!(b["checksum"], "A8833240FA23EE9FA5D5D081EA8A7540", "{b}");
                assert_eq!(b["amount"], "100000");
                Json(create_answer())
            }),
        )
        .route(
            vnpay::PATH_CHECK,
            post(|Json(b): Json<Value>| async move {
                assert_eq!(b["checkSum"], "B56346FCFF124583A5E782B37ECB752A", "{b}");
                assert_eq!(b["terminalID"], "PSSTEST");
                Json(paid_check())
            }),
        );
    let url = serve(app).await;
    let client = VnpayClient::new(config(&url)).unwrap();
    let qr = client.create("VNP_TEST888", 100000, None).await.unwrap();
    assert_eq!(qr.data, EMV);
    let a = client.check("VNP_TEST888", NaiveDate::from_ymd_opt(2026, 3, 9).unwrap()).await.unwrap();
    assert_eq!(a.status(), WalletStatus::Paid { reference: "123456789".into(), amount: 100000 });

    // No refund route: 404 = no refund API.
    let pay_date = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap().and_hms_opt(14, 5, 59).unwrap();
    let e = client.refund("123456789", "VNP_TEST888", "RF-1", true, 100000, "refund", pay_date).await.unwrap_err();
    assert!(matches!(e, WalletError::NoRefundApi), "{e:?}");

    let shown = format!("{client:?}");
    assert!(!shown.contains(SECRET), "{shown}");
}

#[tokio::test]
async fn refund_against_a_tiny_vnpay() {
    let app = Router::new().route(
        vnpay::PATH_REFUND,
        post(|Json(b): Json<Value>| async move {
            assert_eq!(b["checkSum"], "813064BD3C67F0ACE3DFC95A1CCEA8DF", "{b}");
            (StatusCode::OK, Json(json!({"code": "00", "message": "ok", "qrTraceRefund": "RF123", "refundDate": "20260309150000", "checkSum": "D4477E4F1132255E9A9C1D05722AB52B"})))
        }),
    );
    let client = VnpayClient::new(config(&serve(app).await)).unwrap();
    let pay_date = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap().and_hms_opt(14, 5, 59).unwrap();
    let a = client.refund("123456789", "VNP_TEST888", "RF-1", true, 100000, "refund", pay_date).await.unwrap();
    assert_eq!(a.status(), WalletStatus::Paid { reference: "RF123".into(), amount: 100000 });
}
