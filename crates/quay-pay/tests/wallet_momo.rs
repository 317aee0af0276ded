//! MoMo POS: answer verification (and refusal of tampered answers), the IPN, the RSA
//! payment code, and the client against a tiny in-test MoMo that decrypts and checks.
//! HMAC constants were computed independently with
//! `printf '%s' "$RAW" | openssl dgst -sha256 -hmac K951B6PE1waDMi640xX08PD3vg6EkVlz`
//! (MoMo's public sandbox secret).

use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use base64::Engine;
use quay_pay::wallet::momo::{self, AnswerKind, MomoClient, MomoConfig};
use quay_pay::wallet::{CodeError, CodeKind, WalletError, WalletStatus};
use rsa::pkcs8::{EncodePublicKey, LineEnding};
use rsa::{Pkcs1v15Encrypt, RsaPrivateKey};
use serde_json::{json, Value};

const ACCESS: &str = "F8BBA842ECF85";
const SECRET: &str = "K951B6PE1waDMi640xX08PD3vg6EkVlz";

/// `accessKey=F8BBA842ECF85&amount=35000&extraData=&message=Thành công.&orderId=o1&orderInfo=Quay 1&orderType=momo_wallet&partnerCode=MOMO&payType=pos&requestId=r1&responseTime=1773036000000&resultCode=0&transId=4088878653`
const POS_ANSWER_HMAC: &str = "63ffc706b83edd3a07c74fd9b17c5bf89be0fb05655b945834bd392d7821ca4d";
/// `accessKey=F8BBA842ECF85&amount=35000&message=Không tìm thấy&orderId=o1&partnerCode=MOMO&requestId=r2&responseTime=1773036000000&resultCode=42&transId=0`
const ERROR_ANSWER_HMAC: &str = "fcbcd075b7c37a0195f01ce9836e487f635645fac6e44505cf58d76d51c12e77";
/// `accessKey=…&amount=35000&message=Thành công.&orderId=o1&partnerCode=MOMO&requestId=r3&requestType=capture&responseTime=1773036000000&resultCode=0&transId=4088878653`
const CONFIRM_ANSWER_HMAC: &str = "e4d60a823e6e7249ca901373ab567ba6c6d745f9a136e4e1f87c0698d04370ae";

fn pos_answer() -> Value {
    json!({
        "partnerCode": "MOMO", "orderId": "o1", "requestId": "r1", "amount": 35000, "orderInfo": "Quay 1",
        "orderType": "momo_wallet", "transId": 4088878653u64, "resultCode": 0, "message": "Thành công.",
        "payType": "pos", "responseTime": 1773036000000u64, "extraData": "", "signature": POS_ANSWER_HMAC
    })
}

#[test]
fn a_signed_pos_answer_is_paid() {
    let a = momo::verify_answer(SECRET.as_bytes(), ACCESS, AnswerKind::Payment, &pos_answer()).unwrap();
    assert!(a.signed);
    assert_eq!((a.result_code, a.trans_id.as_deref(), a.amount, a.order_id.as_str()), (0, Some("4088878653"), Some(35000), "o1"));
    assert_eq!(a.status(), WalletStatus::Paid { reference: "4088878653".into(), amount: 35000 });
    // The IPN carries the same fields and signature.
    let ipn = momo::verify_ipn(SECRET.as_bytes(), ACCESS, &pos_answer()).unwrap();
    assert_eq!(ipn, a);
}

#[test]
fn a_tampered_answer_is_refused() {
    let tampers: &[(&str, Value)] = &[
        ("amount", json!(3500)),
        ("resultCode", json!(9000)),
        ("transId", json!(4088878654u64)),
        ("orderId", json!("o2")),
        ("message", json!("Thành công")),
        ("extraData", json!("x")),
        ("signature", json!("00")),
    ];
    for (field, value) in tampers {
        let mut v = pos_answer();
        v[*field] = value.clone();
        let r = momo::verify_answer(SECRET.as_bytes(), ACCESS, AnswerKind::Payment, &v);
        assert!(matches!(r, Err(WalletError::BadSignature)), "{field}: {r:?}");
    }
    // Another secret or access key.
    assert!(matches!(momo::verify_answer(b"other", ACCESS, AnswerKind::Payment, &pos_answer()), Err(WalletError::BadSignature)));
    assert!(matches!(momo::verify_answer(SECRET.as_bytes(), "X", AnswerKind::Payment, &pos_answer()), Err(WalletError::BadSignature)));
    // Unsigned: only 13 and 20 may be.
    let mut v = pos_answer();
    v.as_object_mut().unwrap().remove("signature");
    assert!(matches!(momo::verify_answer(SECRET.as_bytes(), ACCESS, AnswerKind::Payment, &v), Err(WalletError::BadSignature)));
    assert!(matches!(
        momo::verify_ipn(SECRET.as_bytes(), ACCESS, &json!({"resultCode": 13, "message": "x"})),
        Err(WalletError::BadSignature)
    ));
}

#[test]
fn unsigned_refusals_are_read_as_refused() {
    for code in [13, 20] {
        let v = json!({"partnerCode": "MOMO", "requestId": "r1", "orderId": "o1", "resultCode": code, "message": "bad"});
        let a = momo::verify_answer(SECRET.as_bytes(), ACCESS, AnswerKind::Payment, &v).unwrap();
        assert!(!a.signed);
        assert_eq!(a.status(), WalletStatus::Refused { code: code.to_string(), message: "bad".into() });
    }
}

#[test]
fn error_and_confirm_answers_verify_with_their_field_lists() {
    let err = json!({
        "partnerCode": "MOMO", "orderId": "o1", "requestId": "r2", "amount": 35000, "transId": 0,
        "resultCode": 42, "message": "Không tìm thấy", "responseTime": 1773036000000u64, "signature": ERROR_ANSWER_HMAC
    });
    let a = momo::verify_answer(SECRET.as_bytes(), ACCESS, AnswerKind::Payment, &err).unwrap();
    assert_eq!((a.trans_id.clone(), a.status()), (None, WalletStatus::NotFound { code: "42".into() }));
    let confirm = json!({
        "partnerCode": "MOMO", "orderId": "o1", "requestId": "r3", "amount": 35000, "transId": 4088878653u64,
        "resultCode": 0, "message": "Thành công.", "requestType": "capture", "responseTime": 1773036000000u64,
        "signature": CONFIRM_ANSWER_HMAC
    });
    let a = momo::verify_answer(SECRET.as_bytes(), ACCESS, AnswerKind::Confirm, &confirm).unwrap();
    assert_eq!(a.request_type.as_deref(), Some("capture"));
    assert_eq!(a.status(), WalletStatus::Paid { reference: "4088878653".into(), amount: 35000 });
    // The confirm list does not verify a payment answer's signature.
    assert!(momo::verify_answer(SECRET.as_bytes(), ACCESS, AnswerKind::Confirm, &pos_answer()).is_err());
}

#[test]
fn request_bodies_sign_the_contract_fields() {
    let cfg = config("http://127.0.0.1:1", "unused");
    let q = momo::query_body(&cfg, "o1", "r1");
    assert_eq!(q["signature"], "760eb1c5a7842a14380c23d40e391f3e6f2333c9660e77ffe82ab0242cd43633");
    let p = momo::pos_body(&cfg, "o1", "r1", 35000, "QUJD", "Quay 1");
    assert_eq!(p["signature"], "d810eee1133b863444242a022f126f9787f83a06ce69f1320c563c4cb06a68e9");
    assert_eq!(p["amount"], json!(35000));
    assert_eq!(p["storeId"], "S1");
    let c = momo::confirm_body(&cfg, "o1", "r3", 35000, true);
    let raw = "accessKey=F8BBA842ECF85&amount=35000&description=&orderId=o1&partnerCode=MOMO&requestId=r3&requestType=capture";
    assert_eq!(c["signature"], json!(quay_pay::wallet::sign::hmac_sha256_hex(SECRET.as_bytes(), raw)));
    let r = momo::refund_body(&cfg, "o1-r1", "r4", 10000, "4088878653", "");
    assert_eq!(r["transId"], json!(4088878653u64));
    let raw = "accessKey=F8BBA842ECF85&amount=10000&description=&orderId=o1-r1&partnerCode=MOMO&requestId=r4&transId=4088878653";
    assert_eq!(r["signature"], json!(quay_pay::wallet::sign::hmac_sha256_hex(SECRET.as_bytes(), raw)));
}

fn test_key() -> RsaPrivateKey {
    RsaPrivateKey::new(&mut rand::rngs::OsRng, 1024).unwrap()
}

fn config(url: &str, public_key: &str) -> MomoConfig {
    MomoConfig {
        url: url.into(),
        partner_code: "MOMO".into(),
        access_key: ACCESS.into(),
        secret_key: SECRET.into(),
        public_key: public_key.into(),
        store_id: Some("S1".into()),
        store_name: Some("Quay".into()),
        ipn_url: None,
    }
}

#[test]
fn payment_code_round_trip_and_key_forms() {
    let private = test_key();
    let public = private.to_public_key();
    let der = public.to_public_key_der().unwrap();
    let one_line = base64::engine::general_purpose::STANDARD.encode(der.as_bytes());
    let pem = public.to_public_key_pem(LineEnding::LF).unwrap();
    for text in [one_line.as_str(), pem.as_str(), &format!("  {one_line}\n")] {
        let key = momo::parse_public_key(text).unwrap();
        assert_eq!(key, public);
        let sealed = momo::encrypt_payment_code(&key, "MM123456789012345678").unwrap();
        let bytes = base64::engine::general_purpose::STANDARD.decode(&sealed).unwrap();
        assert_eq!(private.decrypt(Pkcs1v15Encrypt, &bytes).unwrap(), b"MM123456789012345678");
    }
    for bad in ["", "not base64!", "QUJD", "-----BEGIN PUBLIC KEY-----\nQUJD\n-----END PUBLIC KEY-----\n"] {
        assert!(matches!(momo::parse_public_key(bad), Err(WalletError::Config(_))), "{bad:?}");
        assert!(MomoClient::new(config("http://x", bad)).is_err());
    }
}

#[test]
fn debug_hides_the_secret() {
    let private = test_key();
    let pem = private.to_public_key().to_public_key_pem(LineEnding::LF).unwrap();
    let client = MomoClient::new(config("http://127.0.0.1:1", &pem)).unwrap();
    let shown = format!("{client:?}");
    assert!(!shown.contains(SECRET), "{shown}");
    // The access key is stored as a secret too (and signed into every request).
    assert!(!shown.contains(ACCESS), "{shown}");
    assert!(shown.contains("MOMO"));
}

/// A tiny MoMo: checks the pos signature over the encrypted code, decrypts it, answers a
/// signed 0 (or a tampered one when asked).
#[derive(Clone)]
struct Mini {
    key: Arc<RsaPrivateKey>,
    seen: Arc<Mutex<Vec<String>>>,
    tamper: bool,
}

async fn pos(State(m): State<Mini>, Json(body): Json<Value>) -> Json<Value> {
    let t = |k: &str| match &body[k] {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let fields = [
        ("accessKey", ACCESS.to_string()),
        ("amount", t("amount")),
        ("extraData", t("extraData")),
        ("orderId", t("orderId")),
        ("orderInfo", t("orderInfo")),
        ("partnerCode", t("partnerCode")),
        ("paymentCode", t("paymentCode")),
        ("requestId", t("requestId")),
    ];
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    if momo::sign(SECRET.as_bytes(), &pairs) != t("signature") {
        return Json(json!({"resultCode": 13, "message": "bad signature", "orderId": t("orderId"), "requestId": t("requestId")}));
    }
    let sealed = base64::engine::general_purpose::STANDARD.decode(t("paymentCode")).unwrap();
    let code = String::from_utf8(m.key.decrypt(Pkcs1v15Encrypt, &sealed).unwrap()).unwrap();
    m.seen.lock().unwrap().push(code);
    let mut answer = json!({
        "partnerCode": "MOMO", "orderId": t("orderId"), "requestId": t("requestId"), "amount": body["amount"],
        "orderInfo": t("orderInfo"), "orderType": "momo_wallet", "transId": 4088878653u64, "resultCode": 0,
        "message": "Thành công.", "payType": "pos", "responseTime": 1773036000000u64, "extraData": ""
    });
    let names = [
        "amount",
        "extraData",
        "message",
        "orderId",
        "orderInfo",
        "orderType",
        "partnerCode",
        "payType",
        "requestId",
        "responseTime",
        "resultCode",
        "transId",
    ];
    let mut signed = vec![("accessKey".to_string(), ACCESS.to_string())];
    signed.extend(names.iter().map(|k| {
        (
            k.to_string(),
            match &answer[*k] {
                Value::String(s) => s.clone(),
                o => o.to_string(),
            },
        )
    }));
    let pairs: Vec<(&str, &str)> = signed.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    answer["signature"] = json!(momo::sign(SECRET.as_bytes(), &pairs));
    if m.tamper {
        answer["amount"] = json!(1000);
    }
    Json(answer)
}

async fn serve(mini: Mini) -> String {
    let app = Router::new().route("/v2/gateway/api/pos", post(pos)).with_state(mini);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    url
}

#[tokio::test]
async fn pos_against_a_tiny_momo() {
    let private = test_key();
    let pem = private.to_public_key().to_public_key_pem(LineEnding::LF).unwrap();
    let mini = Mini { key: Arc::new(private), seen: Arc::default(), tamper: false };
    let url = serve(mini.clone()).await;
    let client = MomoClient::new(config(&url, &pem)).unwrap();

    let a = client.pos("o1", "r1", 35000, " MM123456789012345678\r\n", "Quay 1").await.unwrap();
    assert_eq!(a.status(), WalletStatus::Paid { reference: "4088878653".into(), amount: 35000 });
    assert_eq!(mini.seen.lock().unwrap().as_slice(), ["MM123456789012345678"]);

    // Refused before sending: WeChat code, out-of-range amount, bad order id.
    let e = client.pos("o1", "r2", 35000, "134567890123456789", "Quay 1").await.unwrap_err();
    assert!(matches!(e, WalletError::Code(CodeError::Unsupported(CodeKind::WeChat))), "{e:?}");
    assert!(matches!(client.pos("o1", "r2", 999, "MM123456789012345678", "x").await, Err(WalletError::Amount(_))));
    assert!(matches!(client.pos("-o1", "r2", 35000, "MM123456789012345678", "x").await, Err(WalletError::Invalid(_))));
    assert_eq!(mini.seen.lock().unwrap().len(), 1);

    // A tampered answer is never paid.
    let private = test_key();
    let pem = private.to_public_key().to_public_key_pem(LineEnding::LF).unwrap();
    let url = serve(Mini { key: Arc::new(private), seen: Arc::default(), tamper: true }).await;
    let client = MomoClient::new(config(&url, &pem)).unwrap();
    let e = client.pos("o1", "r1", 35000, "MM123456789012345678", "Quay 1").await.unwrap_err();
    assert!(matches!(e, WalletError::BadSignature) && e.outcome_unknown());
}

#[tokio::test]
async fn no_answer_is_a_network_error() {
    let private = test_key();
    let pem = private.to_public_key().to_public_key_pem(LineEnding::LF).unwrap();
    let client = MomoClient::new(config("http://127.0.0.1:1", &pem)).unwrap();
    let e = client.query("o1", "r1").await.unwrap_err();
    assert!(matches!(e, WalletError::Network { .. }) && e.retryable(), "{e:?}");
}
