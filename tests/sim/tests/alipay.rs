//! quay-sim's Alipay classic gateway on the wire, driven by a raw client that signs by hand
//! (SHA256withRSA with the app's private key) and verifies answers and notifications with
//! Alipay's public key, per partners-contracts.md §4.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use quay_sim::wallet::{
    start_wallets, AlipayScript, NotifyForgery, ShopStatus, TradeStatus, WalletConfig, WalletSimHandle, ALIPAY_APP_PRIVATE_KEY,
    ALIPAY_GATEWAY_PUBLIC_KEY,
};
use serde_json::{json, Value};
use sha2::Digest;

const APP_ID: &str = "2021000000000001";
const CODE: &str = "286612345678901234";

// ---- our own signing ----

fn padding() -> rsa::Pkcs1v15Sign {
    let prefix = [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20];
    rsa::Pkcs1v15Sign { hash_len: Some(32), prefix: Box::new(prefix) }
}

fn sign(text: &str) -> String {
    use rsa::pkcs8::DecodePrivateKey;
    let key = rsa::RsaPrivateKey::from_pkcs8_pem(ALIPAY_APP_PRIVATE_KEY).unwrap();
    let sig = key.sign(padding(), &sha2::Sha256::digest(text.as_bytes())).unwrap();
    base64::engine::general_purpose::STANDARD.encode(sig)
}

fn verify(text: &str, sig: &str) -> bool {
    use rsa::pkcs8::DecodePublicKey;
    let key = rsa::RsaPublicKey::from_public_key_pem(ALIPAY_GATEWAY_PUBLIC_KEY).unwrap();
    let Ok(sig) = base64::engine::general_purpose::STANDARD.decode(sig) else { return false };
    key.verify(padding(), &sha2::Sha256::digest(text.as_bytes()), &sig).is_ok()
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

fn dec(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => {
                out.push(u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).unwrap(), 16).unwrap());
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out).unwrap()
}

fn beijing_now() -> String {
    (chrono::Utc::now() + chrono::Duration::hours(8)).format("%Y-%m-%d %H:%M:%S").to_string()
}

/// The common params + biz_content, signed.
fn signed_params(method: &str, biz: &str, extra: &[(&str, &str)]) -> BTreeMap<String, String> {
    let mut p: BTreeMap<String, String> = [
        ("app_id", APP_ID),
        ("method", method),
        ("format", "JSON"),
        ("charset", "utf-8"),
        ("sign_type", "RSA2"),
        ("timestamp", &beijing_now()),
        ("version", "1.0"),
        ("biz_content", biz),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (k, v) in extra {
        p.insert(k.to_string(), v.to_string());
    }
    let content: Vec<String> = p.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| format!("{k}={v}")).collect();
    p.insert("sign".into(), sign(&content.join("&")));
    p
}

fn form(p: &BTreeMap<String, String>) -> String {
    p.iter().map(|(k, v)| format!("{}={}", enc(k), enc(v))).collect::<Vec<_>>().join("&")
}

fn client() -> reqwest::Client {
    reqwest::Client::builder().timeout(Duration::from_secs(5)).build().unwrap()
}

/// Common params in the query, biz_content in the body (the Node SDK's way).
async fn send(w: &WalletSimHandle, p: &BTreeMap<String, String>) -> Result<String, reqwest::Error> {
    let mut q = p.clone();
    let biz = q.remove("biz_content").unwrap_or_default();
    let url = format!("{}/gateway.do?{}", w.alipay_url, form(&q));
    let resp = client()
        .post(url)
        .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
        .body(format!("biz_content={}", enc(&biz)))
        .send()
        .await?;
    assert_eq!(resp.status(), 200);
    resp.text().await
}

/// The inner object's exact text and the sign, as a strict client cuts them.
fn split(raw: &str, key: &str) -> (String, Option<String>) {
    let start = raw.find(&format!("\"{key}\":")).unwrap_or_else(|| panic!("{key} in {raw}")) + key.len() + 3;
    match raw.rfind(",\"sign\":\"") {
        Some(end) => {
            let sig = raw[end + 9..].trim_end_matches('}').trim_end_matches('"').to_string();
            (raw[start..end].to_string(), Some(sig))
        }
        None => (raw[start..raw.len() - 1].to_string(), None),
    }
}

struct Answer {
    inner: Value,
    text: String,
    /// None: unsigned; Some(as_is, after unescaping `\/`).
    verified: Option<(bool, bool)>,
}

fn read(raw: &str, method: &str) -> Answer {
    let key = if raw.starts_with("{\"error_response\"") {
        "error_response".to_string()
    } else {
        format!("{}_response", method.replace('.', "_"))
    };
    let (text, sig) = split(raw, &key);
    let verified = sig.map(|s| (verify(&text, &s), verify(&text.replace("\\/", "/"), &s)));
    Answer { inner: serde_json::from_str(&text).unwrap(), text, verified }
}

async fn call(w: &WalletSimHandle, method: &str, biz: Value) -> Value {
    call_with(w, method, biz, &[]).await
}

/// A signed call; asserts the answer is signed correctly (after `\/` → `/` if needed).
async fn call_with(w: &WalletSimHandle, method: &str, biz: Value, extra: &[(&str, &str)]) -> Value {
    let raw = send(w, &signed_params(method, &biz.to_string(), extra)).await.unwrap();
    let a = read(&raw, method);
    let (as_is, unescaped) = a.verified.unwrap_or_else(|| panic!("unsigned: {raw}"));
    assert!(as_is || (unescaped && a.text.contains("\\/")), "bad signature: {raw}");
    a.inner
}

fn pay_biz(out: &str, amount: &str, code: &str) -> Value {
    json!({"out_trade_no": out, "scene": "bar_code", "auth_code": code, "subject": "Quay 收银 sale", "total_amount": amount, "store_id": "QUAY01"})
}

fn sub(v: &Value) -> (&str, &str) {
    (v["code"].as_str().unwrap_or(""), v["sub_code"].as_str().unwrap_or(""))
}

async fn sim() -> WalletSimHandle {
    start_wallets(WalletConfig::sandbox()).await
}

// ---- envelope ----

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_envelope_refuses_unsigned_and_malformed_requests_unsigned() {
    let w = sim().await;
    let biz = pay_biz("E1_1", "10.00", CODE).to_string();
    // A bad signature: 40002, no sign.
    let mut p = signed_params("alipay.trade.pay", &biz, &[]);
    p.insert("biz_content".into(), pay_biz("E1_1", "99.00", CODE).to_string());
    let raw = send(&w, &p).await.unwrap();
    let a = read(&raw, "alipay.trade.pay");
    assert_eq!(sub(&a.inner), ("40002", "isv.invalid-signature"), "{raw}");
    assert!(a.verified.is_none() && !raw.contains("\"sign\""), "{raw}");
    // Missing params: 40001.
    for (k, name) in [("sign", "signature"), ("app_id", "app-id"), ("timestamp", "timestamp"), ("biz_content", "biz-content")] {
        let mut p = signed_params("alipay.trade.pay", &biz, &[]);
        p.remove(k);
        let a = read(&send(&w, &p).await.unwrap(), "alipay.trade.pay");
        assert_eq!(sub(&a.inner), ("40001", format!("isv.missing-{name}").as_str()));
        assert!(a.verified.is_none());
    }
    // Wrong app_id, sign_type, a UTC timestamp (8 h off Beijing), biz_content not an object.
    let bad: [(&str, &str, &str); 3] = [
        ("app_id", "2021000000000002", "isv.invalid-app-id"),
        ("sign_type", "RSA", "isv.invalid-signature-type"),
        ("version", "2.0", "isv.invalid-version"),
    ];
    for (k, v, code) in bad {
        let a = read(&send(&w, &signed_params("alipay.trade.pay", &biz, &[(k, v)])).await.unwrap(), "alipay.trade.pay");
        assert_eq!(sub(&a.inner), ("40002", code));
    }
    let utc = chrono::Utc::now().format("%Y-%m-%d %H:%M:%S").to_string();
    let a = read(&send(&w, &signed_params("alipay.trade.pay", &biz, &[("timestamp", &utc)])).await.unwrap(), "alipay.trade.pay");
    assert_eq!(sub(&a.inner), ("40002", "isv.invalid-timestamp"));
    let a = read(&send(&w, &signed_params("alipay.trade.pay", "[1]", &[])).await.unwrap(), "alipay.trade.pay");
    assert_eq!(sub(&a.inner), ("40002", "isv.invalid-parameter"));
    // A key twice with two values.
    let p = signed_params("alipay.trade.pay", &biz, &[]);
    let url = format!("{}/gateway.do?{}&biz_content={}", w.alipay_url, form(&p), enc(&pay_biz("E1_1", "1.00", CODE).to_string()));
    let raw = client().post(url).send().await.unwrap().text().await.unwrap();
    assert_eq!(sub(&read(&raw, "alipay.trade.pay").inner), ("40002", "isv.invalid-parameter"), "{raw}");
    // No / unknown method: under error_response.
    let mut p = signed_params("alipay.trade.pay", &biz, &[]);
    p.remove("method");
    let raw = send(&w, &p).await.unwrap();
    assert!(raw.starts_with("{\"error_response\":"), "{raw}");
    assert_eq!(sub(&read(&raw, "x").inner), ("40001", "isv.missing-method"));
    let raw = send(&w, &signed_params("alipay.trade.nope", &biz, &[])).await.unwrap();
    assert_eq!(sub(&read(&raw, "x").inner), ("40002", "isv.invalid-method"));
    assert!(w.alipay().trades().is_empty());
    // All in one body (no query) works; so does all in the query string.
    let p = signed_params("alipay.trade.pay", &biz, &[]);
    let raw = client().post(format!("{}/gateway.do", w.alipay_url)).body(form(&p)).send().await.unwrap().text().await.unwrap();
    assert_eq!(read(&raw, "alipay.trade.pay").inner["code"], "10000", "{raw}");
    let p = signed_params("alipay.trade.query", &json!({"out_trade_no": "E1_1"}).to_string(), &[]);
    let raw = client().get(format!("{}/gateway.do?{}", w.alipay_url, form(&p))).send().await.unwrap().text().await.unwrap();
    assert_eq!(read(&raw, "alipay.trade.query").inner["trade_status"], "TRADE_SUCCESS", "{raw}");
}

// ---- pay ----

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pay_at_once_validates_and_applies_the_repeat_rules() {
    let w = sim().await;
    let a = call(&w, "alipay.trade.pay", pay_biz("P1_1", "24.06", CODE)).await;
    assert_eq!(a["code"], "10000", "{a}");
    let trade_no = a["trade_no"].as_str().unwrap().to_string();
    assert!(trade_no.len() == 28 && trade_no.bytes().all(|b| b.is_ascii_digit()), "{trade_no}");
    assert_eq!((a["total_amount"].as_str(), a["receipt_amount"].as_str()), (Some("24.06"), Some("24.06")));
    assert!(a["buyer_logon_id"].as_str().unwrap().contains("****"));
    assert!(a["gmt_payment"].as_str().unwrap().len() == 19);
    // Repeats: identical → TRADE_HAS_SUCCESS + trade_no (timeout_express may change).
    let mut again = pay_biz("P1_1", "24.06", CODE);
    again["timeout_express"] = json!("5m");
    let r = call(&w, "alipay.trade.pay", again).await;
    assert_eq!(sub(&r), ("40004", "ACQ.TRADE_HAS_SUCCESS"));
    assert_eq!(r["trade_no"].as_str(), Some(trade_no.as_str()));
    assert_eq!(r["total_amount"], "0.00", "failures echo 0.00");
    let r = call(&w, "alipay.trade.pay", pay_biz("P1_1", "24.06", "287777777777777777")).await;
    assert_eq!(sub(&r), ("40004", "ACQ.TRADE_BUYER_NOT_MATCH"));
    let r = call(&w, "alipay.trade.pay", pay_biz("P1_1", "24.07", CODE)).await;
    assert_eq!(sub(&r), ("40004", "ACQ.CONTEXT_INCONSISTENT"));
    assert_eq!(w.alipay().calls("P1_1"), (4, 0));
    // The code is spent: another out_trade_no with it → PAYMENT_AUTH_CODE_INVALID.
    let r = call(&w, "alipay.trade.pay", pay_biz("P1_2", "24.06", CODE)).await;
    assert_eq!(sub(&r), ("40004", "ACQ.PAYMENT_AUTH_CODE_INVALID"));
    // Field checks.
    let code = "250000000000000001";
    for amount in [json!(10), json!("10.005"), json!("1e3"), json!("0"), json!("-1")] {
        let mut b = pay_biz("P1_3", "1.00", code);
        b["total_amount"] = amount.clone();
        assert_eq!(sub(&call(&w, "alipay.trade.pay", b).await), ("40004", "ACQ.INVALID_PARAMETER"), "{amount}");
    }
    assert_eq!(sub(&call(&w, "alipay.trade.pay", pay_biz("P1_3", "100000000.01", code)).await), ("40004", "ACQ.TOTAL_FEE_EXCEED"));
    let mut b = pay_biz("P1_3", "1.00", code);
    b["product_code"] = json!("QUICK_MSECURITY_PAY");
    assert_eq!(sub(&call(&w, "alipay.trade.pay", b).await), ("40004", "ACQ.ACCESS_FORBIDDEN"));
    let mut b = pay_biz("P1_3", "1.00", code);
    b["trans_currency"] = json!("USD");
    assert_eq!(sub(&call(&w, "alipay.trade.pay", b).await), ("40004", "ACQ.CURRENCY_NOT_SUPPORT"));
    for bad in ["134567890123456789", "2512345", "31123456789012345678"] {
        assert_eq!(sub(&call(&w, "alipay.trade.pay", pay_biz("P1_3", "1.00", bad)).await), ("40004", "ACQ.PAYMENT_AUTH_CODE_INVALID"));
    }
    for (k, v) in
        [("out_trade_no", json!("P1-3")), ("subject", json!("a/b")), ("scene", json!("wave_code")), ("timeout_express", json!("16d"))]
    {
        let mut b = pay_biz("P1_3", "1.00", code);
        b[k] = v;
        assert_eq!(sub(&call(&w, "alipay.trade.pay", b).await), ("40004", "ACQ.INVALID_PARAMETER"), "{k}");
    }
    let mut b = pay_biz("P1_3", "1.00", code);
    b["product_code"] = json!("FACE_TO_FACE_PAYMENT");
    b["timeout_express"] = json!("1c");
    assert_eq!(call(&w, "alipay.trade.pay", b).await["code"], "10000");
    assert_eq!(w.alipay().net_taken_fen(), 2406 + 100);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scripted_buyers() {
    let w = sim().await;
    let s = w.alipay();
    let pay = |out: &str, code: &str| pay_biz(out, "50.00", code);
    // Confirms on the phone after 600 ms.
    s.script_next(AlipayScript::ConfirmAfter(Duration::from_millis(600)));
    let a = call(&w, "alipay.trade.pay", pay("S1_1", "251111111111111111")).await;
    assert_eq!(a["code"], "10003", "{a}");
    assert_eq!(call(&w, "alipay.trade.query", json!({"out_trade_no": "S1_1"})).await["trade_status"], "WAIT_BUYER_PAY");
    assert_eq!(call(&w, "alipay.trade.pay", pay("S1_1", "251111111111111111")).await["code"], "10003", "waiting → 10003");
    tokio::time::sleep(Duration::from_millis(900)).await;
    let q = call(&w, "alipay.trade.query", json!({"trade_no": a["trade_no"]})).await;
    assert_eq!((q["trade_status"].as_str(), q["total_amount"].as_str()), (Some("TRADE_SUCCESS"), Some("50.00")));
    // Insufficient balance: declined, closed; a repeat → TRADE_HAS_CLOSE.
    s.script_next(AlipayScript::InsufficientBalance);
    let a = call(&w, "alipay.trade.pay", pay("S1_2", "252222222222222222")).await;
    assert_eq!(sub(&a), ("40004", "ACQ.BUYER_BALANCE_NOT_ENOUGH"));
    assert_eq!(a["receipt_amount"], "0.00");
    assert_eq!(call(&w, "alipay.trade.query", json!({"out_trade_no": "S1_2"})).await["trade_status"], "TRADE_CLOSED");
    assert_eq!(sub(&call(&w, "alipay.trade.pay", pay("S1_2", "252222222222222222")).await).1, "ACQ.TRADE_HAS_CLOSE");
    // Pays between the last query and the cancel: the cancel refunds.
    s.script_next(AlipayScript::PaysBeforeCancel);
    assert_eq!(call(&w, "alipay.trade.pay", pay("S1_3", "253333333333333333")).await["code"], "10003");
    assert_eq!(call(&w, "alipay.trade.query", json!({"out_trade_no": "S1_3"})).await["trade_status"], "WAIT_BUYER_PAY");
    let c = call(&w, "alipay.trade.cancel", json!({"out_trade_no": "S1_3"})).await;
    assert_eq!((c["code"].as_str(), c["action"].as_str(), c["retry_flag"].as_str()), (Some("10000"), Some("refund"), Some("N")), "{c}");
    let t = s.trade("S1_3").unwrap();
    assert_eq!((t.status, t.paid_fen, t.refunded_fen, t.refunded_by_cancel), (TradeStatus::TradeClosed, 5000, 5000, true));
    // Never pays: cancel closes it.
    s.script_next(AlipayScript::NeverPays);
    assert_eq!(call(&w, "alipay.trade.pay", pay("S1_4", "254444444444444444")).await["code"], "10003");
    let c = call(&w, "alipay.trade.cancel", json!({"out_trade_no": "S1_4"})).await;
    assert_eq!(c["action"], "close");
    assert_eq!(s.trade("S1_4").unwrap().status, TradeStatus::TradeClosed);
    // The answer is lost after the payment: the query finds it paid; a repeat → TRADE_HAS_SUCCESS.
    s.script_next(AlipayScript::LoseAnswerAfterSuccess);
    assert!(send(&w, &signed_params("alipay.trade.pay", &pay("S1_5", "255555555555555555").to_string(), &[])).await.is_err());
    assert_eq!(call(&w, "alipay.trade.query", json!({"out_trade_no": "S1_5"})).await["trade_status"], "TRADE_SUCCESS");
    assert_eq!(sub(&call(&w, "alipay.trade.pay", pay("S1_5", "255555555555555555")).await).1, "ACQ.TRADE_HAS_SUCCESS");
    // 20000 once: nothing recorded, the repeat goes through.
    s.script_next(AlipayScript::SystemError);
    assert_eq!(sub(&call(&w, "alipay.trade.pay", pay("S1_6", "256666666666666666")).await), ("20000", "ACQ.SYSTEM_ERROR"));
    assert_eq!(sub(&call(&w, "alipay.trade.query", json!({"out_trade_no": "S1_6"})).await).1, "ACQ.TRADE_NOT_EXIST");
    assert_eq!(call(&w, "alipay.trade.pay", pay("S1_6", "256666666666666666")).await["code"], "10000");
    // Signed with another key: verification fails both ways.
    s.script_next(AlipayScript::BadSignature);
    let raw = send(&w, &signed_params("alipay.trade.pay", &pay("S1_7", "257777777777777777").to_string(), &[])).await.unwrap();
    let a = read(&raw, "alipay.trade.pay");
    assert_eq!((a.inner["code"].as_str(), a.verified), (Some("10000"), Some((false, false))));
    // A coupon inside the payment.
    s.script_next(AlipayScript::Coupon { amount_fen: 1000, merchant_contribute_fen: 1000 });
    let a = call(&w, "alipay.trade.pay", pay("S1_8", "258888888888888888")).await;
    assert_eq!(
        (a["total_amount"].as_str(), a["receipt_amount"].as_str(), a["buyer_pay_amount"].as_str()),
        (Some("50.00"), Some("40.00"), Some("40.00"))
    );
    let v = &a["voucher_detail_list"][0];
    assert_eq!((v["amount"].as_str(), v["merchant_contribute"].as_str()), (Some("10.00"), Some("10.00")));
    assert!(v["id"].is_string() && v["name"].is_string() && v["type"].is_string());
    assert_eq!(call(&w, "alipay.trade.query", json!({"out_trade_no": "S1_8"})).await["voucher_detail_list"][0]["amount"], "10.00");
    // S1_1, S1_5, S1_6, S1_7, S1_8 paid; S1_3 refunded.
    assert_eq!(s.net_taken_fen(), 5 * 5000);
}

// ---- precreate and `\/` ----

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn precreate_answers_escaped_slashes_that_verify_only_unescaped() {
    let w = sim().await;
    let biz = json!({"out_trade_no": "Q1_1", "subject": "二维码", "total_amount": "88.00"});
    let raw = send(&w, &signed_params("alipay.trade.precreate", &biz.to_string(), &[])).await.unwrap();
    assert!(raw.contains("https:\\/\\/qr.alipay.com\\/"), "{raw}");
    let a = read(&raw, "alipay.trade.precreate");
    assert_eq!(a.verified, Some((false, true)), "signed over the plain `/`");
    let qr = a.inner["qr_code"].as_str().unwrap().to_string();
    assert!(qr.starts_with("https://qr.alipay.com/"));
    // Same fields while unpaid: the same QR; other fields: CONTEXT_INCONSISTENT.
    assert_eq!(call(&w, "alipay.trade.precreate", biz.clone()).await["qr_code"].as_str(), Some(qr.as_str()));
    let mut other = biz.clone();
    other["total_amount"] = json!("88.01");
    assert_eq!(sub(&call(&w, "alipay.trade.precreate", other).await).1, "ACQ.CONTEXT_INCONSISTENT");
    // Not scanned yet: query/refund say TRADE_NOT_EXIST.
    assert_eq!(sub(&call(&w, "alipay.trade.query", json!({"out_trade_no": "Q1_1"})).await).1, "ACQ.TRADE_NOT_EXIST");
    assert!(w.alipay().customer_scans("Q1_1"));
    assert_eq!(call(&w, "alipay.trade.query", json!({"out_trade_no": "Q1_1"})).await["trade_status"], "WAIT_BUYER_PAY");
    assert!(w.alipay().customer_pays("Q1_1"));
    assert_eq!(call(&w, "alipay.trade.query", json!({"out_trade_no": "Q1_1"})).await["trade_status"], "TRADE_SUCCESS");
    assert_eq!(sub(&call(&w, "alipay.trade.precreate", biz).await).1, "ACQ.TRADE_HAS_SUCCESS");
    // ≤ 20 precreates per number.
    let biz = json!({"out_trade_no": "Q1_2", "subject": "qr", "total_amount": "1.00", "timeout_express": "90m"});
    for _ in 0..20 {
        assert_eq!(call(&w, "alipay.trade.precreate", biz.clone()).await["code"], "10000");
    }
    assert_eq!(call(&w, "alipay.trade.precreate", biz).await["code"], "40004");
    assert_eq!(w.alipay().calls("Q1_2"), (0, 21));
    // Without escaping: the bytes verify as they are.
    let mut config = WalletConfig::sandbox();
    config.alipay.escape_slashes = false;
    config.autopay_after = Some(Duration::from_millis(200));
    let w2 = start_wallets(config).await;
    let raw = send(
        &w2,
        &signed_params(
            "alipay.trade.precreate",
            &json!({"out_trade_no": "Q2_1", "subject": "qr", "total_amount": "3.00"}).to_string(),
            &[],
        ),
    )
    .await
    .unwrap();
    assert_eq!(read(&raw, "alipay.trade.precreate").verified, Some((true, true)), "{raw}");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(w2.alipay().trade("Q2_1").unwrap().status, TradeStatus::TradeSuccess, "autopay");
}

// ---- refunds, cancel, close ----

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refunds_replay_and_refuse_discordant_or_excess_amounts() {
    let w = sim().await;
    assert_eq!(call(&w, "alipay.trade.pay", pay_biz("R1_1", "100.00", CODE)).await["code"], "10000");
    let refund = |amount: &str, req: Option<&str>| {
        let mut b = json!({"out_trade_no": "R1_1", "refund_amount": amount, "refund_reason": "退货"});
        if let Some(r) = req {
            b["out_request_no"] = json!(r);
        }
        b
    };
    let a = call(&w, "alipay.trade.refund", refund("30.00", Some("R1_1_r1"))).await;
    assert_eq!(
        (a["fund_change"].as_str(), a["refund_fee"].as_str(), a["send_back_fee"].as_str()),
        (Some("Y"), Some("30.00"), Some("30.00")),
        "{a}"
    );
    let a = call(&w, "alipay.trade.refund", refund("30.00", Some("R1_1_r1"))).await;
    assert_eq!((a["code"].as_str(), a["fund_change"].as_str(), a["refund_fee"].as_str()), (Some("10000"), Some("N"), Some("30.00")));
    assert_eq!(sub(&call(&w, "alipay.trade.refund", refund("20.00", Some("R1_1_r1"))).await).1, "ACQ.DISCORDANT_REPEAT_REQUEST");
    assert_eq!(sub(&call(&w, "alipay.trade.refund", refund("70.01", Some("R1_1_r2"))).await).1, "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL");
    assert_eq!(sub(&call(&w, "alipay.trade.refund", refund("10.001", Some("R1_1_r2"))).await).1, "ACQ.INVALID_PARAMETER");
    let a = call(&w, "alipay.trade.refund", refund("20.00", Some("R1_1_r2"))).await;
    assert_eq!((a["fund_change"].as_str(), a["refund_fee"].as_str()), (Some("Y"), Some("50.00")));
    let q = call(&w, "alipay.trade.fastpay.refund.query", json!({"out_trade_no": "R1_1", "out_request_no": "R1_1_r2"})).await;
    assert_eq!((q["refund_status"].as_str(), q["refund_amount"].as_str()), (Some("REFUND_SUCCESS"), Some("20.00")));
    let q = call(&w, "alipay.trade.fastpay.refund.query", json!({"out_trade_no": "R1_1", "out_request_no": "R1_1_r9"})).await;
    assert_eq!(q["code"], "10000");
    assert!(q.get("refund_status").is_none(), "not refunded: {q}");
    // The rest, without out_request_no (= out_trade_no): the trade closes.
    let a = call(&w, "alipay.trade.refund", refund("50.00", None)).await;
    assert_eq!(a["refund_fee"], "100.00");
    assert_eq!(call(&w, "alipay.trade.query", json!({"out_trade_no": "R1_1"})).await["trade_status"], "TRADE_CLOSED");
    assert_eq!(call(&w, "alipay.trade.refund", refund("50.00", None)).await["fund_change"], "N", "a replay still answers");
    assert_eq!(sub(&call(&w, "alipay.trade.refund", refund("1.00", Some("R1_1_r3"))).await).1, "ACQ.TRADE_STATUS_ERROR");
    assert_eq!(
        sub(&call(&w, "alipay.trade.refund", json!({"out_trade_no": "NOPE", "refund_amount": "1.00"})).await).1,
        "ACQ.TRADE_NOT_EXIST"
    );
    let t = w.alipay().trade("R1_1").unwrap();
    assert_eq!((t.paid_fen, t.refunded_fen), (10000, 10000));
    assert_eq!(w.alipay().net_taken_fen(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancel_closes_refunds_burns_and_times_out() {
    let w = sim().await;
    let s = w.alipay();
    // Paid → refund; a repeat answers the same.
    assert_eq!(call(&w, "alipay.trade.pay", pay_biz("C1_1", "10.00", "261111111111111111")).await["code"], "10000");
    let c = call(&w, "alipay.trade.cancel", json!({"out_trade_no": "C1_1"})).await;
    assert_eq!(c["action"], "refund", "{c}");
    let again = call(&w, "alipay.trade.cancel", json!({"out_trade_no": "C1_1"})).await;
    assert_eq!(again, c);
    assert_eq!(s.net_taken_fen(), 0);
    // Never seen → close, the number is burnt.
    let c = call(&w, "alipay.trade.cancel", json!({"out_trade_no": "C1_2"})).await;
    assert_eq!((c["code"].as_str(), c["action"].as_str()), (Some("10000"), Some("close")));
    assert_eq!(sub(&call(&w, "alipay.trade.pay", pay_biz("C1_2", "10.00", "262222222222222222")).await).1, "ACQ.TRADE_HAS_CLOSE");
    assert_eq!(s.burnt(), vec!["C1_2".to_string()]);
    // Partly refunded → REASON_TRADE_REFUND_FEE_ERR; close on a paid trade → TRADE_STATUS_ERROR.
    assert_eq!(call(&w, "alipay.trade.pay", pay_biz("C1_3", "10.00", "263333333333333333")).await["code"], "10000");
    call(&w, "alipay.trade.refund", json!({"out_trade_no": "C1_3", "refund_amount": "1.00", "out_request_no": "C1_3_r1"})).await;
    assert_eq!(sub(&call(&w, "alipay.trade.cancel", json!({"out_trade_no": "C1_3"})).await).1, "ACQ.REASON_TRADE_REFUND_FEE_ERR");
    assert_eq!(sub(&call(&w, "alipay.trade.close", json!({"out_trade_no": "C1_3"})).await).1, "ACQ.TRADE_STATUS_ERROR");
    // Finished → TRADE_HAS_FINISHED; later than 24 h → TRADE_CANCEL_TIME_OUT.
    assert_eq!(call(&w, "alipay.trade.pay", pay_biz("C1_4", "10.00", "264444444444444444")).await["code"], "10000");
    assert_eq!(call(&w, "alipay.trade.pay", pay_biz("C1_5", "10.00", "265555555555555555")).await["code"], "10000");
    assert!(s.finish_trade("C1_4"));
    assert_eq!(sub(&call(&w, "alipay.trade.cancel", json!({"out_trade_no": "C1_4"})).await).1, "ACQ.TRADE_HAS_FINISHED");
    s.advance_clock(Duration::from_secs(25 * 3600));
    assert_eq!(sub(&call(&w, "alipay.trade.cancel", json!({"out_trade_no": "C1_5"})).await).1, "ACQ.TRADE_CANCEL_TIME_OUT");
    // close on a waiting trade.
    s.script_next(AlipayScript::NeverPays);
    assert_eq!(call(&w, "alipay.trade.pay", pay_biz("C1_6", "10.00", "266666666666666666")).await["code"], "10003");
    assert_eq!(call(&w, "alipay.trade.close", json!({"out_trade_no": "C1_6"})).await["code"], "10000");
    assert_eq!(s.trade("C1_6").unwrap().status, TradeStatus::TradeClosed);
    // A waiting trade past its 3 h expiry is closed.
    s.script_next(AlipayScript::NeverPays);
    assert_eq!(call(&w, "alipay.trade.pay", pay_biz("C1_7", "10.00", "267777777777777777")).await["code"], "10003");
    s.advance_clock(Duration::from_secs(3 * 3600 + 1));
    assert_eq!(call(&w, "alipay.trade.query", json!({"out_trade_no": "C1_7"})).await["trade_status"], "TRADE_CLOSED");
}

// ---- smart store ----

fn shop_biz(store_id: &str) -> Value {
    json!({
        "store_id": store_id, "shop_name": "Quay 码头店", "shop_category": "B0001", "shop_type": "01", "contact_mobile": "13800000000",
        "business_address": {"province_code": "310000", "city_code": "310100", "district_code": "310101", "address": "外滩1号"},
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shops_are_approved_asynchronously() {
    let mut config = WalletConfig::sandbox();
    config.alipay.store_approval_after = Duration::from_millis(400);
    let w = start_wallets(config).await;
    let a = call(&w, "ant.merchant.expand.shop.create", shop_biz("QUAY-01")).await;
    let order_id = a["order_id"].as_str().unwrap().to_string();
    assert!(a.get("exist_shop_id").is_none());
    let q = call(&w, "ant.merchant.expand.order.query", json!({"order_id": order_id})).await;
    assert_eq!(q["status"], "031");
    assert_eq!(sub(&call(&w, "ant.merchant.expand.shop.query", json!({"store_id": "QUAY-01"})).await).1, "SHOP_NOT_EXIST");
    assert_eq!(call(&w, "ant.merchant.expand.shop.create", shop_biz("QUAY-01")).await["order_id"].as_str(), Some(order_id.as_str()));
    tokio::time::sleep(Duration::from_millis(600)).await;
    let q = call(&w, "ant.merchant.expand.order.query", json!({"order_id": order_id})).await;
    assert_eq!(q["status"], "99");
    let ext: Value = serde_json::from_str(q["ext_info"].as_str().unwrap()).unwrap();
    let shop_id = ext["shop_id"].as_str().unwrap().to_string();
    let a = call(&w, "ant.merchant.expand.shop.create", shop_biz("QUAY-01")).await;
    assert_eq!((a["order_id"].as_str(), a["exist_shop_id"].as_str()), (Some(order_id.as_str()), Some(shop_id.as_str())));
    let q = call(&w, "ant.merchant.expand.shop.query", json!({"shop_id": shop_id})).await;
    assert_eq!((q["store_id"].as_str(), q["shop_name"].as_str()), (Some("QUAY-01"), Some("Quay 码头店")));
    let shop = w.alipay().shop("QUAY-01").unwrap();
    assert_eq!((shop.status, shop.creates), (ShopStatus::Approved, 3));
    // Bad fields: INVALID_PARAMETER (no ACQ. prefix).
    let mut b = shop_biz("QUAY 02");
    assert_eq!(sub(&call(&w, "ant.merchant.expand.shop.create", b.clone()).await), ("40004", "INVALID_PARAMETER"));
    b["store_id"] = json!("QUAY-02");
    b["shop_type"] = json!("03");
    assert_eq!(sub(&call(&w, "ant.merchant.expand.shop.create", b).await).1, "INVALID_PARAMETER");
    // Rejection over the admin: -1.
    let a = call(&w, "ant.merchant.expand.shop.create", shop_biz("QUAY-03")).await;
    let r = client()
        .post(format!("{}/admin/wallet/alipay/shops/QUAY-03/reject", w.url))
        .body(r#"{"reason":"照片不清晰"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(call(&w, "ant.merchant.expand.order.query", json!({"order_id": a["order_id"]})).await["status"], "-1");
}

fn item_biz(out: &str, price: Value) -> Value {
    json!({
        "out_item_id": out, "title": "拿铁咖啡 Latte", "category_id": "C001", "item_type": "STANDARD_GOODS",
        "skus": [{"out_sku_id": format!("{out}-M"), "sale_price": price, "stock_num": 100, "sale_status": "AVAILABLE"},
                 {"out_sku_id": format!("{out}-L"), "sale_price": 3200, "stock_num": 100, "sale_status": "DELISTING"}],
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn items_create_modify_refuse_duplicates_and_order_sync_upserts() {
    let w = sim().await;
    let s = w.alipay();
    let a = call(&w, "alipay.open.app.item.create", item_biz("LATTE", json!(2800))).await;
    let item_id = a["item_id"].as_str().unwrap().to_string();
    assert_eq!(a["skus"].as_array().unwrap().len(), 2);
    let dup = call(&w, "alipay.open.app.item.create", item_biz("LATTE", json!(2800))).await;
    assert_eq!((sub(&dup).1, dup["item_id"].as_str()), ("OUT_ITEM_ID_EXIST", Some(item_id.as_str())));
    for bad in [json!("2800"), json!(28.5)] {
        assert_eq!(sub(&call(&w, "alipay.open.app.item.create", item_biz("MOCHA", bad)).await).1, "INVALID_PARAMETER");
    }
    let mut b = item_biz("MOCHA", json!(1));
    b["title"] = json!("ab");
    assert_eq!(sub(&call(&w, "alipay.open.app.item.create", b).await).1, "INVALID_PARAMETER");
    let m = call(
        &w,
        "alipay.open.app.item.modify",
        json!({"out_item_id": "LATTE", "skus": [{"out_sku_id": "LATTE-M", "sale_price": 2900, "sale_status": "AVAILABLE"}]}),
    )
    .await;
    assert_eq!(m["skus"][0]["sku_id"], a["skus"][0]["sku_id"], "a kept sku keeps its id");
    let it = s.item("LATTE").unwrap();
    assert_eq!((it.creates, it.modifies, it.title.as_str()), (2, 1, "拿铁咖啡 Latte"));
    assert_eq!((it.skus.as_array().unwrap().len(), it.skus[0]["sale_price"].as_i64()), (1, Some(2900)), "skus replaced whole");
    assert_eq!(sub(&call(&w, "alipay.open.app.item.modify", json!({"out_item_id": "NOPE", "title": "abcd"})).await).1, "ITEM_NOT_EXIST");
    assert_eq!(s.item_calls(), (5, 2));
    // order.sync: out_biz_no is the upsert key.
    let order = |amount: &str| {
        json!({"out_biz_no": "SALE_42", "amount": amount, "pay_amount": amount, "trade_no": "2026010122000000000000000001",
               "item_order_list": [{"item_name": "拿铁", "quantity": 2, "unit_price": "14.00"}], "shop_info": {"shop_id": "x"}})
    };
    let a = call(&w, "alipay.merchant.order.sync", order("28.00")).await;
    let b = call(&w, "alipay.merchant.order.sync", order("26.00")).await;
    assert_eq!(a["order_id"], b["order_id"]);
    assert_ne!(a["record_id"], b["record_id"]);
    let o = s.synced_order("SALE_42").unwrap();
    assert_eq!((o.syncs, o.amount_fen, s.synced_orders().len()), (2, 2600, 1));
    assert_eq!(sub(&call(&w, "alipay.merchant.order.sync", json!({"out_biz_no": "SALE_43", "amount": 26})).await).1, "INVALID_PARAMETER");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn coupons_query_use_idempotently_and_refund() {
    let w = sim().await;
    let s = w.alipay();
    let q = call(&w, "alipay.marketing.activity.ordervoucher.query", json!({"voucher_code": "ALIQ10"})).await;
    assert_eq!((q["status"].as_str(), q["amount"].as_str(), q["floor_amount"].as_str()), (Some("UNUSED"), Some("10.00"), Some("50.00")));
    assert_eq!(
        sub(&call(&w, "alipay.marketing.activity.ordervoucher.query", json!({"voucher_code": "NOPE"})).await).1,
        "VOUCHER_NOT_EXIST"
    );
    call(&w, "ant.merchant.expand.shop.create", shop_biz("QUAY-01")).await;
    let use_biz = |store: &str, dt: &str| json!({"activity_id": "ACT-QUAY-10", "voucher_code": "ALIQ10", "out_biz_no": "USE_1", "store_id": store, "biz_dt": dt});
    assert_eq!(
        sub(&call(&w, "alipay.marketing.activity.ordervoucher.use", use_biz("QUAY-01", "2026-01-01 12:00:00")).await).1,
        "SHOP_NOT_EXIST"
    );
    let r = client().post(format!("{}/admin/wallet/alipay/shops/QUAY-01/approve", w.url)).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let shop_id = s.shop("QUAY-01").unwrap().shop_id.unwrap();
    let a = call(&w, "alipay.marketing.activity.ordervoucher.use", use_biz(&shop_id, "2026-01-01 12:00:00")).await;
    assert_eq!(a["code"], "10000", "{a}");
    let again = call(&w, "alipay.marketing.activity.ordervoucher.use", use_biz(&shop_id, "2026-01-01 12:00:09")).await;
    assert_eq!(again, a, "biz_dt aside, the same answer");
    let mut other = use_biz(&shop_id, "2026-01-01 12:00:00");
    other["trade_no"] = json!("2026010122000000000000000009");
    assert_eq!(sub(&call(&w, "alipay.marketing.activity.ordervoucher.use", other).await).1, "DISCORDANT_REPEAT_REQUEST");
    assert_eq!(call(&w, "alipay.marketing.activity.ordervoucher.query", json!({"voucher_code": "ALIQ10"})).await["status"], "USED");
    let mut second = use_biz(&shop_id, "2026-01-01 12:00:00");
    second["out_biz_no"] = json!("USE_2");
    assert_eq!(sub(&call(&w, "alipay.marketing.activity.ordervoucher.use", second).await).1, "VOUCHER_ALREADY_USED");
    let expired = json!({"activity_id": "ACT-QUAY-5", "voucher_code": "ALIQEXP", "out_biz_no": "USE_3", "store_id": shop_id});
    assert_eq!(sub(&call(&w, "alipay.marketing.activity.ordervoucher.use", expired).await).1, "VOUCHER_EXPIRED");
    // Refund the use: UNUSED again; a replay answers the same.
    let refund = json!({"activity_id": "ACT-QUAY-10", "voucher_code": "ALIQ10", "out_biz_no": "USE_1"});
    let r = call(&w, "alipay.marketing.activity.ordervoucher.refund", refund.clone()).await;
    assert_eq!(r["code"], "10000");
    assert_eq!(call(&w, "alipay.marketing.activity.ordervoucher.refund", refund).await, r);
    assert_eq!(s.coupon("ALIQ10").unwrap().status, quay_sim::wallet::CouponStatus::Unused);
    assert!(s.coupon_uses()[0].refunded);
    // A coupon added over the admin.
    let r = client()
        .post(format!("{}/admin/wallet/alipay/coupons", w.url))
        .body(r#"{"voucher_code":"ALIQ20","activity_id":"ACT-20","amount_fen":2000,"floor_amount_fen":10000}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(call(&w, "alipay.marketing.activity.ordervoucher.query", json!({"voucher_code": "ALIQ20"})).await["floor_amount"], "100.00");
}

// ---- notifications and the HTTP admin ----

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notifications_are_signed_retried_until_success_and_can_be_forged() {
    let got: Arc<Mutex<Vec<String>>> = Arc::default();
    let sink = got.clone();
    let app = axum::Router::new().route(
        "/notify",
        axum::routing::post(move |body: String| {
            let sink = sink.clone();
            async move {
                let mut g = sink.lock().unwrap();
                g.push(body);
                // The first delivery is not acknowledged.
                if g.len() == 1 {
                    "fail"
                } else {
                    "success"
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/notify", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let w = sim().await;
    // Scripted over the admin: confirms after 300 ms.
    let r = client().post(format!("{}/admin/wallet/alipay/script", w.url)).body(r#"{"confirm_after_ms": 300}"#).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let a = call_with(&w, "alipay.trade.pay", pay_biz("N1_1", "66.60", CODE), &[("notify_url", &url)]).await;
    assert_eq!(a["code"], "10003");
    for _ in 0..60 {
        if got.lock().unwrap().len() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let bodies = got.lock().unwrap().clone();
    assert_eq!(bodies.len(), 2, "resent after a non-`success` answer");
    let fields = |body: &str| -> BTreeMap<String, String> {
        body.split('&').map(|p| p.split_once('=').unwrap()).map(|(k, v)| (dec(k), dec(v))).collect()
    };
    let check = |f: &BTreeMap<String, String>| {
        let content: Vec<String> =
            f.iter().filter(|(k, v)| *k != "sign" && *k != "sign_type" && !v.is_empty()).map(|(k, v)| format!("{k}={v}")).collect();
        verify(&content.join("&"), f.get("sign").map(String::as_str).unwrap_or(""))
    };
    let f = fields(&bodies[1]);
    assert!(check(&f), "{f:?}");
    assert_eq!(
        (
            f["out_trade_no"].as_str(),
            f["total_amount"].as_str(),
            f["app_id"].as_str(),
            f["trade_status"].as_str(),
            f["notify_type"].as_str()
        ),
        ("N1_1", "66.60", APP_ID, "TRADE_SUCCESS", "trade_status_sync")
    );
    assert_eq!((f["sign_type"].as_str(), f["charset"].as_str(), f["version"].as_str()), ("RSA2", "utf-8", "1.0"));
    let n = w.alipay().notifications();
    assert_eq!(n.iter().map(|d| d.acknowledged).collect::<Vec<_>>(), vec![false, true]);
    // Forged: a bad signature, and a genuine signature over another amount.
    assert!(w.alipay().send_notify("N1_1", None, NotifyForgery::BadSignature));
    let r = client()
        .post(format!("{}/admin/wallet/alipay/notify/N1_1", w.url))
        .body(r#"{"forgery": {"other_amount": 100}}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    for _ in 0..60 {
        if got.lock().unwrap().len() >= 4 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let bodies = got.lock().unwrap().clone();
    let forged: Vec<BTreeMap<String, String>> = bodies[2..].iter().map(|b| fields(b)).collect();
    let bad = forged.iter().find(|f| f["total_amount"] == "66.60").unwrap();
    let other = forged.iter().find(|f| f["total_amount"] == "1.00").unwrap();
    assert!(!check(bad) && check(other));
    // The admin lists the trades.
    let v: Value = client().get(format!("{}/admin/wallet/alipay/trades", w.url)).send().await.unwrap().json().await.unwrap();
    assert_eq!((v["trades"][0]["status"].as_str(), v["net_taken_fen"].as_i64()), (Some("TRADE_SUCCESS"), Some(6660)));
}
