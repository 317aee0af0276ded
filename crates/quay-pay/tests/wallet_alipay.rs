//! Alipay (classic gateway): RSA2 vectors from the fixed keys in tests/sim/keys, computed
//! independently with `printf '%s' "$TEXT" | openssl dgst -sha256 -sign KEY | base64 -w0`
//! (PKCS#1 v1.5 is deterministic) — the request's signature with the app key, answers and
//! a notification signed with the gateway key; then the status tables, the cancel
//! outcomes, the listener and the client against a tiny in-test gateway.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::NaiveDateTime;
use quay_pay::wallet::alipay::{
    self, AlipayAnswer, AlipayClient, AlipayConfig, AlipayKey, AppKey, CancelAnswer, CancelOutcome, RefundAnswer, TradeAnswer,
};
use quay_pay::wallet::{WalletError, WalletStatus};
use serde_json::{json, Value};

const APP_PRIVATE: &str = include_str!("../../../tests/sim/keys/alipay-app-private.pem");
const APP_PUBLIC: &str = include_str!("../../../tests/sim/keys/alipay-app-public.pem");
const GATEWAY_PRIVATE: &str = include_str!("../../../tests/sim/keys/alipay-gateway-private.pem");
const GATEWAY_PUBLIC: &str = include_str!("../../../tests/sim/keys/alipay-gateway-public.pem");

const APP_ID: &str = "2021000123456789";
const ORDER: &str = "0190f3a27b1c7def8a12345678901234_1";

fn ts() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-03-09 10:00:00", "%Y-%m-%d %H:%M:%S").unwrap()
}

fn config(url: &str) -> AlipayConfig {
    AlipayConfig {
        url: url.into(),
        app_id: APP_ID.into(),
        app_private_key: APP_PRIVATE.into(),
        alipay_public_key: GATEWAY_PUBLIC.into(),
        notify_url: Some("https://quay.example/alipay/notify".into()),
        store_id: Some("HCM_01".into()),
        terminal_id: Some("till_1".into()),
        timeout: Duration::from_secs(5),
    }
}

fn gateway_key() -> AlipayKey {
    AlipayKey::parse(GATEWAY_PUBLIC).unwrap()
}

// ---- request signing ----

const PAY_BIZ: &str = r#"{"auth_code":"281234567890123456","out_trade_no":"0190f3a27b1c7def8a12345678901234_1","product_code":"FACE_TO_FACE_PAYMENT","scene":"bar_code","store_id":"HCM_01","subject":"Quay sale 1","terminal_id":"till_1","timeout_express":"3m","total_amount":"24.06"}"#;
const PAY_SIGN_CONTENT: &str = r#"app_id=2021000123456789&biz_content={"auth_code":"281234567890123456","out_trade_no":"0190f3a27b1c7def8a12345678901234_1","product_code":"FACE_TO_FACE_PAYMENT","scene":"bar_code","store_id":"HCM_01","subject":"Quay sale 1","terminal_id":"till_1","timeout_express":"3m","total_amount":"24.06"}&charset=utf-8&method=alipay.trade.pay&notify_url=https://quay.example/alipay/notify&sign_type=RSA2&timestamp=2026-03-09 10:00:00&version=1.0"#;
const PAY_REQUEST_SIGN: &str = "n7dt2rZoWeYcrQJkcyIGrb8s69a2/C8PEjzvQ615zxn0aFmxmbcpmfj2ZsDQUvxUnrAj9iYGvT47dLO3rYBBSZjd0Y0bgM8pD3FwbgAiJ6HK6RDSkkuSf4ktbUnCp7dFgd3VbLGFZ1HH8s8XkVCDlOKSoymdn/6CvUgBV82QUPKdNzKLj9T08Ltm7/97Nq4gcJ1rAPdxuAoQVANXgRqc5cIOmjjL8pFe6424l+FlIfW0BYg1VMCw1v5T3sKktKTqsrXChAeItz7Sk89kXqhJgU3hrs3XdxrwNPQDfSjK62L3hTno9yAyZA0jMjNpCAr2R851XYTeKdZw7emPO84frw==";

#[test]
fn request_signature_vector() {
    let client = AlipayClient::new(config("http://127.0.0.1:1")).unwrap();
    let biz = alipay::biz_text(&alipay::pay_biz(client.config(), ORDER, "281234567890123456", "Quay sale 1", "24.06"));
    assert_eq!(biz, PAY_BIZ);
    let params = client.signed_params(alipay::METHOD_PAY, &biz, true, ts());
    assert_eq!(alipay::sign_content(&params), PAY_SIGN_CONTENT);
    assert_eq!(params["sign"], PAY_REQUEST_SIGN);
    // The app's public key verifies it (what the gateway does).
    assert!(AlipayKey::parse(APP_PUBLIC).unwrap().verify(PAY_SIGN_CONTENT.as_bytes(), PAY_REQUEST_SIGN));
    // Without notify_url when not asked (query, cancel, refund).
    let q = client.signed_params(alipay::METHOD_QUERY, "{}", false, ts());
    assert!(!q.contains_key("notify_url"));
}

#[test]
fn sign_content_drops_sign_and_empty_values() {
    let mut p = BTreeMap::new();
    for (k, v) in [("b", "2"), ("a", "1 2"), ("sign", "x"), ("empty", ""), ("c", "a&b=c")] {
        p.insert(k.to_string(), v.to_string());
    }
    assert_eq!(alipay::sign_content(&p), "a=1 2&b=2&c=a&b=c");
}

#[test]
fn keys_in_every_accepted_form() {
    // One-line base64 SPKI, as Alipay's console shows the public key.
    let one_line: String = GATEWAY_PUBLIC.lines().filter(|l| !l.starts_with("-----")).collect();
    let k = AlipayKey::parse(&one_line).unwrap();
    let content = PAY_SIGN_CONTENT.as_bytes();
    assert!(!k.verify(content, PAY_REQUEST_SIGN)); // the gateway key does not verify the app's signature
    assert!(AppKey::parse(APP_PRIVATE).is_ok());
    let one_line_private: String = APP_PRIVATE.lines().filter(|l| !l.starts_with("-----")).collect();
    assert_eq!(AppKey::parse(&one_line_private).unwrap().sign(PAY_SIGN_CONTENT), PAY_REQUEST_SIGN);
    for bad in ["", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", "not base64 !"] {
        assert!(matches!(AppKey::parse(bad), Err(WalletError::Config(_))), "{bad:?}");
        assert!(matches!(AlipayKey::parse(bad), Err(WalletError::Config(_))), "{bad:?}");
    }
    let mut cfg = config("http://x");
    cfg.alipay_public_key = "garbage".into();
    assert!(matches!(AlipayClient::new(cfg), Err(WalletError::Config(_))));
    let shown = format!("{:?}", AlipayClient::new(config("http://x")).unwrap());
    assert!(!shown.contains("MIIE") && !shown.contains("PRIVATE"), "{shown}");
}

// ---- answer verification ----

const PAY_ANSWER_INNER: &str = r#"{"code":"10000","msg":"Success","buyer_logon_id":"159****5620","buyer_pay_amount":"20.06","gmt_payment":"2026-03-09 10:00:03","out_trade_no":"0190f3a27b1c7def8a12345678901234_1","receipt_amount":"24.06","total_amount":"24.06","trade_no":"2026030922001400001234567890","voucher_detail_list":[{"amount":"4.00","id":"2026030900073002039000000001","merchant_contribute":"0.00","name":"满20减4","other_contribute":"4.00","type":"ALIPAY_FIX_VOUCHER"}]}"#;
const PAY_ANSWER_SIGN: &str = "k97NMVK2z1q6hON6DjOKcFJp69vODGJPd3LDr1ADJQfM+SB3MwIYxA9JJFskSyKEEXQvrRfogHVwY/5qZjPcOAtL0LFajRycyUR4Jej/Scsv9+1RvA10h7XSFJSK7+dInYLiiQJp4GnHigIQvc8NEkK+B0EkC0S8SyAgB0FzO6/MUwmncqo5MHrEj5FWSFYqijSvHQUtU/+X44It5PmNBHwfhoxqa1vrBHtnpWJ1Kra44UDIO6Hg/F7y4joJw/lRn4JpfbW2fNWY5BcPpe5WR18x0Toapl23CL05sfep37XPTxRK97S7/FNTfoXLjgyWjXDgnYVKv1Ddod9iWF5eJA==";
/// The same inner object signed with the app key (not Alipay's).
const PAY_ANSWER_SIGN_OTHER_KEY: &str = "CAClLQ0ghZ1BnimTZ8kYfr96D5JMplBbdpSueG5Yudw2+4UEPPUPfq75P9gpU/CRRNjFJsSATEYmCK/uq3C/GlPsMA37iC2N5gEMiQAPByPZNLLvocxiTdM6DHlWmgmz/glNTtHY0CLfX+k8GP5bHTkyQI0ctW4X9Q5YlgIJn9ahA6DcDQjn91lzkRcmivdMbj/+Y3SCg5ZoS9L2PoA10oFdxOg89wa2aVx3F3K6HgPtcHzs1OTXuoG/ZvXgQbXAMC3eU69NP6fjL90MkOxp0P9Je8Sapqr4mgLykj0/UoIPmuLw0mWA/FFp8BQCLQV3VQP1BomnU3XoAqH1GTu59Q==";
/// precreate's inner object with `/` as Alipay signs it; sent with `\/`.
const QR_ANSWER_SIGN: &str = "yS8FRRPfL4nBu8ycYxKnqvFhr1V0XLWzvm6h1MqmiaPn/cMsyGwM+I0tUybbHPY7BP29+oFOeW+OHkQVQJAfNCTJhgy1d9XzOPxRQ2bjgeLSYw1Ymvb0U0tWrvRkrtZRAYN7MF6wa2+cCJ7WjOuW90egBnVnHa/X0sc8iRtCBvi0e9x+0G2Q7bg9qs/2uGbKmVc+uNFGZ7lavcaJ2L9GOP0T7qiHgmDjerZ4FBng64gmCOSgUIbTE2vQT86bp47PNWLMVtEKADiyw0A7kUvaONsfB9DyKTgl0DHKVpsPwx2vy4H1PWvjdFDtWM3HnZs1irUIvlpP3aMNLXzV+bbVSg==";

#[test]
fn signed_pay_answer_verifies_and_reads() {
    let raw = format!(r#"{{"alipay_trade_pay_response":{PAY_ANSWER_INNER},"sign":"{PAY_ANSWER_SIGN}"}}"#);
    let a = alipay::verify_response(&gateway_key(), alipay::METHOD_PAY, &raw).unwrap();
    assert!(a.signed && a.is_success());
    let t = TradeAnswer::from_answer(&a);
    assert_eq!(t.status(), WalletStatus::Paid { reference: "2026030922001400001234567890".into(), amount: 2406 });
    assert_eq!((t.receipt_fen, t.buyer_pay_fen, t.buyer_logon_id.as_deref()), (Some(2406), Some(2006), Some("159****5620")));
    assert_eq!(t.voucher_detail_list.len(), 1);
    let v = &t.voucher_detail_list[0];
    assert_eq!(
        (v.id.as_str(), v.name.as_str(), v.kind.as_str(), v.amount_fen, v.merchant_contribute_fen, v.other_contribute_fen),
        ("2026030900073002039000000001", "满20减4", "ALIPAY_FIX_VOUCHER", Some(400), Some(0), Some(400))
    );

    // The sign first, whitespace around: the same bytes are found.
    let raw = format!("{{ \"sign\" : \"{PAY_ANSWER_SIGN}\",\n \"alipay_trade_pay_response\" : {PAY_ANSWER_INNER} }}");
    assert!(alipay::verify_response(&gateway_key(), alipay::METHOD_PAY, &raw).unwrap().signed);
}

#[test]
fn a_second_response_object_after_the_signed_one_is_never_read() {
    // A genuinely signed answer, then the same key again with other contents: JSON maps
    // keep the last, but what is read must be what was verified.
    let forged = PAY_ANSWER_INNER.replace("\"total_amount\":\"24.06\"", "\"total_amount\":\"99.00\"");
    let raw =
        format!(r#"{{"alipay_trade_pay_response":{PAY_ANSWER_INNER},"sign":"{PAY_ANSWER_SIGN}","alipay_trade_pay_response":{forged}}}"#);
    let a = alipay::verify_response(&gateway_key(), alipay::METHOD_PAY, &raw).unwrap();
    assert_eq!(TradeAnswer::from_answer(&a).total_fen, Some(2406), "the signed object, not the appended one");
}

#[test]
fn escaped_slashes_are_retried_unescaped() {
    let inner = r#"{"code":"10000","msg":"Success","out_trade_no":"0190f3a27b1c7def8a12345678901234_2","qr_code":"https:\/\/qr.alipay.com\/bax01234abcd"}"#;
    let raw = format!(r#"{{"alipay_trade_precreate_response":{inner},"sign":"{QR_ANSWER_SIGN}"}}"#);
    let a = alipay::verify_response(&gateway_key(), alipay::METHOD_PRECREATE, &raw).unwrap();
    let t = TradeAnswer::from_answer(&a);
    assert_eq!(t.qr_code.as_deref(), Some("https://qr.alipay.com/bax01234abcd"));
    assert_eq!(t.status(), WalletStatus::Waiting { code: "10000".into() });
}

#[test]
fn unsigned_refusals_accepted_anything_else_is_bad_signature() {
    let key = gateway_key();
    let raw = r#"{"error_response":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-signature","sub_msg":"验签出错"}}"#;
    let a = alipay::verify_response(&key, alipay::METHOD_PAY, raw).unwrap();
    assert!(!a.signed);
    assert_eq!(
        TradeAnswer::from_answer(&a).status(),
        WalletStatus::Refused { code: "isv.invalid-signature".into(), message: "验签出错".into() }
    );
    let raw = r#"{"alipay_trade_query_response":{"code":"40001","msg":"Missing Required Arguments","sub_code":"isv.missing-app-id","sub_msg":"缺少appId参数"}}"#;
    assert!(!alipay::verify_response(&key, alipay::METHOD_QUERY, raw).unwrap().signed);

    // A success signed by another key, unsigned, tampered, or a 40004 unsigned.
    let other = format!(r#"{{"alipay_trade_pay_response":{PAY_ANSWER_INNER},"sign":"{PAY_ANSWER_SIGN_OTHER_KEY}"}}"#);
    let unsigned = format!(r#"{{"alipay_trade_pay_response":{PAY_ANSWER_INNER}}}"#);
    let tampered = format!(r#"{{"alipay_trade_pay_response":{},"sign":"{PAY_ANSWER_SIGN}"}}"#, PAY_ANSWER_INNER.replace("24.06", "24.60"));
    let failure =
        r#"{"alipay_trade_pay_response":{"code":"40004","msg":"Business Failed","sub_code":"ACQ.PAYMENT_FAIL","sub_msg":"x"},"sign":""}"#;
    for raw in [other.as_str(), unsigned.as_str(), tampered.as_str(), failure] {
        assert!(matches!(alipay::verify_response(&key, alipay::METHOD_PAY, raw), Err(WalletError::BadSignature)), "{raw}");
    }
    // The answer to another method is not this one's.
    let raw = format!(r#"{{"alipay_trade_pay_response":{PAY_ANSWER_INNER},"sign":"{PAY_ANSWER_SIGN}"}}"#);
    assert!(matches!(alipay::verify_response(&key, alipay::METHOD_QUERY, &raw), Err(WalletError::Decode(_))));
    assert!(matches!(alipay::verify_response(&key, alipay::METHOD_PAY, "<html>"), Err(WalletError::Decode(_))));
}

// ---- status tables ----

fn answer(v: Value) -> AlipayAnswer {
    AlipayAnswer::from_fields(v.as_object().unwrap().clone(), true).unwrap()
}

fn trade(v: Value) -> WalletStatus {
    TradeAnswer::from_answer(&answer(v)).status()
}

fn fail(code: &str, sub: &str) -> Value {
    json!({"code": code, "msg": "Business Failed", "sub_code": sub, "sub_msg": "m", "total_amount": "0.00", "receipt_amount": "0.00"})
}

#[test]
fn trade_answers_to_status() {
    use WalletStatus::*;
    let paid = Paid { reference: "2026030922001400001234567890".into(), amount: 2406 };
    let q = |status: &str| json!({"code": "10000", "msg": "Success", "trade_no": "2026030922001400001234567890", "out_trade_no": ORDER, "trade_status": status, "total_amount": "24.06"});
    assert_eq!(trade(q("TRADE_SUCCESS")), paid);
    assert_eq!(trade(q("TRADE_FINISHED")), paid);
    assert_eq!(trade(q("WAIT_BUYER_PAY")), Waiting { code: "WAIT_BUYER_PAY".into() });
    assert!(matches!(trade(q("TRADE_CLOSED")), Declined { ref code, .. } if code == "TRADE_CLOSED"));
    assert_eq!(trade(q("SOMETHING_NEW")), Waiting { code: "SOMETHING_NEW".into() });
    // Paid readings without a reference or a positive amount: query again.
    assert_eq!(
        trade(json!({"code": "10000", "trade_status": "TRADE_SUCCESS", "total_amount": "24.06"})),
        Waiting { code: "TRADE_SUCCESS".into() }
    );
    assert_eq!(trade(json!({"code": "10000", "trade_no": "1", "total_amount": "0.00"})), Waiting { code: "10000".into() });
    assert_eq!(trade(json!({"code": "10000", "trade_no": "1", "total_amount": 24.06})), Waiting { code: "10000".into() });
    // pay 10000.
    assert_eq!(trade(json!({"code": "10000", "trade_no": "2026030922001400001234567890", "total_amount": "24.06"})), paid);
    // Waiting codes.
    for (code, sub, want) in [
        ("10003", None, "10003"),
        ("20000", Some("isp.unknow-error"), "isp.unknow-error"),
        ("20000", None, "20000"),
        ("40004", Some("ACQ.SYSTEM_ERROR"), "ACQ.SYSTEM_ERROR"),
        ("40004", Some("ACQ.TRADE_HAS_SUCCESS"), "ACQ.TRADE_HAS_SUCCESS"),
        ("40004", Some("ACQ.SOMETHING_NEW"), "ACQ.SOMETHING_NEW"),
        ("40004", None, "40004"),
        ("99999", None, "99999"),
    ] {
        let mut v = json!({"code": code, "msg": "m", "total_amount": "0.00"});
        if let Some(s) = sub {
            v["sub_code"] = json!(s);
        }
        assert_eq!(trade(v), Waiting { code: want.into() }, "{code} {sub:?}");
    }
    assert_eq!(trade(fail("40004", "ACQ.TRADE_NOT_EXIST")), NotFound { code: "ACQ.TRADE_NOT_EXIST".into() });
    for sub in [
        "ACQ.BUYER_BALANCE_NOT_ENOUGH",
        "ACQ.PAYMENT_FAIL",
        "ACQ.TRADE_HAS_CLOSE",
        "ACQ.PAYMENT_AUTH_CODE_INVALID",
        "ACQ.PAYMENT_REQUEST_HAS_RISK",
        "ACQ.TOTAL_FEE_EXCEED",
        "ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR",
        "ACQ.BUYER_ENABLE_STATUS_FORBID",
        "ACQ.TRADE_BUYER_NOT_MATCH",
        "ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH",
    ] {
        assert_eq!(trade(fail("40004", sub)), Declined { code: sub.into(), message: "m".into() }, "{sub}");
    }
    for sub in
        ["ACQ.INVALID_PARAMETER", "ACQ.ACCESS_FORBIDDEN", "ACQ.CONTEXT_INCONSISTENT", "ACQ.CURRENCY_NOT_SUPPORT", "ACQ.INVALID_STORE_ID"]
    {
        assert_eq!(trade(fail("40004", sub)), Refused { code: sub.into(), message: "m".into() }, "{sub}");
    }
    for (code, sub) in [("40001", "isv.missing-auth-code"), ("40002", "isv.invalid-parameter"), ("40005", "aop.ACQ.rate-limit")] {
        assert_eq!(trade(fail(code, sub)), Refused { code: sub.into(), message: "m".into() }, "{code}");
    }
    assert_eq!(
        trade(json!({"code": "40002", "msg": "Invalid Arguments"})),
        Refused { code: "40002".into(), message: "Invalid Arguments".into() }
    );
}

#[test]
fn cancel_outcomes() {
    let c = |v: Value| CancelAnswer::from_answer(&answer(v)).outcome();
    assert_eq!(c(json!({"code": "10000", "action": "close", "retry_flag": "N"})), CancelOutcome::Closed);
    assert_eq!(c(json!({"code": "10000", "action": "refund", "retry_flag": "N", "trade_no": "1"})), CancelOutcome::Refunded);
    assert_eq!(c(json!({"code": "10000", "retry_flag": "N"})), CancelOutcome::Closed);
    assert!(matches!(c(json!({"code": "10000", "action": "odd"})), CancelOutcome::Failed { .. }));
    assert_eq!(c(json!({"code": "40004", "sub_code": "ACQ.TRADE_STATUS_ERROR", "retry_flag": "Y"})), CancelOutcome::Retry);
    assert_eq!(c(json!({"code": "20000", "sub_code": "isp.unknow-error"})), CancelOutcome::Retry);
    assert_eq!(c(json!({"code": "40004", "sub_code": "ACQ.SYSTEM_ERROR", "retry_flag": "N"})), CancelOutcome::Retry);
    assert_eq!(
        c(json!({"code": "40004", "sub_code": "ACQ.TRADE_CANCEL_TIME_OUT", "sub_msg": "too late", "retry_flag": "N"})),
        CancelOutcome::Failed { code: "ACQ.TRADE_CANCEL_TIME_OUT".into(), message: "too late".into() }
    );
    assert!(matches!(c(json!({"code": "40004", "sub_code": "ACQ.REASON_TRADE_REFUND_FEE_ERR"})), CancelOutcome::Failed { .. }));
    assert!(matches!(c(json!({"code": "40002", "sub_code": "isv.invalid-signature"})), CancelOutcome::Failed { .. }));
}

#[test]
fn refund_answers_to_status() {
    use WalletStatus::*;
    let r = |v: Value| RefundAnswer::from_answer(&answer(v), "0190f3a27b1c7def8a12345678901234_r1", Some(1000), false);
    let q = |v: Value| RefundAnswer::from_answer(&answer(v), "0190f3a27b1c7def8a12345678901234_r1", None, true);
    let done = r(json!({"code": "10000", "fund_change": "Y", "refund_fee": "10.00", "send_back_fee": "10.00", "trade_no": "1"}));
    assert_eq!(done.status(), Paid { reference: "0190f3a27b1c7def8a12345678901234_r1".into(), amount: 1000 });
    assert_eq!((done.refund_fee_fen, done.send_back_fee_fen, done.fund_change), (Some(1000), Some(1000), Some(true)));
    // A second partial refund: refund_fee is the cumulative total; the amount is this one's.
    let second = r(json!({"code": "10000", "fund_change": "Y", "refund_fee": "20.00"}));
    assert_eq!(
        (second.status(), second.refund_fee_fen),
        (Paid { reference: "0190f3a27b1c7def8a12345678901234_r1".into(), amount: 1000 }, Some(2000))
    );
    assert_eq!(r(json!({"code": "10000", "fund_change": "N", "refund_fee": "10.00"})).status(), Waiting { code: "FUND_CHANGE_N".into() });
    assert_eq!(r(fail("40004", "ACQ.SYSTEM_ERROR")).status(), Waiting { code: "ACQ.SYSTEM_ERROR".into() });
    assert_eq!(r(fail("40004", "ACQ.TRADE_NOT_EXIST")).status(), NotFound { code: "ACQ.TRADE_NOT_EXIST".into() });
    for sub in ["ACQ.TRADE_STATUS_ERROR", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "ACQ.DISCORDANT_REPEAT_REQUEST", "ACQ.TRADE_HAS_CLOSE"] {
        assert_eq!(r(fail("40004", sub)).status(), Refused { code: sub.into(), message: "m".into() }, "{sub}");
    }
    assert_eq!(
        q(json!({"code": "10000", "refund_status": "REFUND_SUCCESS", "refund_amount": "10.00"})).status(),
        Paid { reference: "0190f3a27b1c7def8a12345678901234_r1".into(), amount: 1000 }
    );
    assert_eq!(q(json!({"code": "10000", "out_trade_no": ORDER})).status(), NotFound { code: "10000".into() });
}

#[test]
fn message_ids_for_sub_codes() {
    assert_eq!(alipay::sub_code_message_id("ACQ.BUYER_BALANCE_NOT_ENOUGH"), "alipay-acq-buyer-balance-not-enough");
    assert_eq!(alipay::sub_code_message_id("BUYER_BALANCE_NOT_ENOUGH"), "alipay-acq-buyer-balance-not-enough");
    assert_eq!(alipay::sub_code_message_id("ACQ.PAYMENT_AUTH_CODE_INVALID"), "alipay-acq-payment-auth-code-invalid");
    assert_eq!(alipay::sub_code_message_id("ACQ.NEW_THING"), "alipay-acq-other");
    assert_eq!(alipay::sub_code_message_id(""), "alipay-acq-other");
    // Every id is the code's own, lower-case with dashes, and unique.
    let mut seen = std::collections::HashSet::new();
    for (code, id) in alipay::trade::SUB_CODE_IDS {
        assert_eq!(*id, format!("alipay-acq-{}", code.to_lowercase().replace('_', "-")));
        assert!(seen.insert(*id));
    }
    for code in alipay::trade::DECLINED.iter().chain(alipay::trade::REFUSED) {
        assert_ne!(alipay::sub_code_message_id(code), "alipay-acq-other", "{code}");
    }
}

#[test]
fn query_then_cancel_plan() {
    let secs: Vec<u64> = alipay::query_offsets().iter().map(Duration::as_secs).collect();
    assert_eq!(secs, [5, 8, 11, 14, 17, 20, 23, 26, 29]);
    let retries: Vec<u64> = alipay::cancel_retry_offsets().iter().map(Duration::as_secs).collect();
    assert_eq!(retries, [2, 4, 6]);
    assert_eq!((alipay::QUERY_UNTIL.as_secs(), alipay::CANCEL_RETRIES), (30, 3));
}

#[test]
fn request_checks_before_sending() {
    assert!(alipay::check_no("out_trade_no", ORDER).is_ok());
    for bad in ["", "a-b", "a b", &"x".repeat(65)] {
        assert!(alipay::check_no("out_trade_no", bad).is_err(), "{bad:?}");
    }
    assert!(alipay::check_subject("Quay sale 1").is_ok());
    for bad in ["", "a/b", "a=b", "a&b", &"x".repeat(257)] {
        assert!(alipay::check_subject(bad).is_err(), "{bad:?}");
    }
    for ok in ["1m", "3m", "90m", "2h", "15d", "1c", "21600m"] {
        assert!(alipay::check_timeout_express(ok).is_ok(), "{ok}");
    }
    for bad in ["", "0m", "16d", "21601m", "3", "m", "3s", "03m", "2c", "-1m", "1.5h"] {
        assert!(alipay::check_timeout_express(bad).is_err(), "{bad}");
    }
}

// ---- notify ----

/// The notify's signing string (fields a–z, no sign/sign_type) and its signature with
/// the gateway key.
const NOTIFY_CONTENT: &str = "app_id=2021000123456789&buyer_logon_id=159****5620&gmt_payment=2026-03-09 10:00:03&notify_id=2026030900222100003000000001&notify_time=2026-03-09 10:00:04&notify_type=trade_status_sync&out_trade_no=0190f3a27b1c7def8a12345678901234_2&receipt_amount=24.06&subject=Quay sale 1&total_amount=24.06&trade_no=2026030922001400001234567891&trade_status=TRADE_SUCCESS";
const NOTIFY_SIGN: &str = "jCcHCaEkHhG5ahoGBhGGMceFl7+tb+a6hKX8NfeJV2SvGfB1RiF7pgyHoLMV8WI8FuQY868E3PdBdtJshZkOW+rXNPz6UScbGYd3o+PjPfSnZ3au70XfdYDNk/7xqcdv1oqznwkIrEtJkZvWS8kW65InKCHpAmZ1/Wn8ZXikkfI3UPFBUU+TSNZxnXRKy8A+vKnPGEkuZT7kiZRMygpPPSNgZoWbiGCrpRc/cwWJBEGFxAcOhXawJx+wBdIX4JWO+R5rz03xT4+Hq64d7/KqxuttMpTr7Pq6NiXsZX+c/MwwC0Xi3nbXHSBXZx3itzej1OCe3nvmkEHulSWiGAoNYg==";

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            b' ' => "+".into(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn notify_body(total: &str, sign: &str) -> String {
    let mut pairs: Vec<(String, String)> = NOTIFY_CONTENT
        .split('&')
        .map(|p| p.split_once('=').unwrap())
        .map(|(k, v)| (k.to_string(), if k == "total_amount" { total.to_string() } else { v.to_string() }))
        .collect();
    pairs.push(("sign_type".into(), "RSA2".into()));
    pairs.push(("sign".into(), sign.into()));
    pairs.reverse(); // order on the wire does not matter
    pairs.iter().map(|(k, v)| format!("{}={}", enc(k), enc(v))).collect::<Vec<_>>().join("&")
}

#[test]
fn notify_verified() {
    let n = alipay::verify_notify(GATEWAY_PUBLIC, APP_ID, notify_body("24.06", NOTIFY_SIGN).as_bytes()).unwrap();
    assert_eq!(
        (n.out_trade_no.as_str(), n.total_fen, n.trade_status.as_str()),
        ("0190f3a27b1c7def8a12345678901234_2", 2406, "TRADE_SUCCESS")
    );
    assert_eq!(n.status(), WalletStatus::Paid { reference: "2026030922001400001234567891".into(), amount: 2406 });
    assert_eq!(n.fields.get("subject").map(String::as_str), Some("Quay sale 1"));
    assert_eq!(alipay::NOTIFY_REPLY, "success");
    // Another amount (the signature no longer matches), another app, no signature.
    assert!(matches!(
        alipay::verify_notify(GATEWAY_PUBLIC, APP_ID, notify_body("2406", NOTIFY_SIGN).as_bytes()),
        Err(WalletError::BadSignature)
    ));
    assert!(matches!(
        alipay::verify_notify(GATEWAY_PUBLIC, "2021000000000000", notify_body("24.06", NOTIFY_SIGN).as_bytes()),
        Err(WalletError::Invalid(_))
    ));
    assert!(matches!(alipay::verify_notify(GATEWAY_PUBLIC, APP_ID, notify_body("24.06", "").as_bytes()), Err(WalletError::BadSignature)));
    assert!(matches!(
        alipay::verify_notify(APP_PUBLIC, APP_ID, notify_body("24.06", NOTIFY_SIGN).as_bytes()),
        Err(WalletError::BadSignature)
    ));
}

// ---- the listener ----

#[tokio::test]
async fn listener_answers_success_only_for_known_orders_in_their_amount() {
    use quay_pay::wallet::listener::{self, CallbackConfig, Known};
    use quay_pay::wallet::Wallet;
    type Hints = Arc<Mutex<Vec<(Wallet, String, Option<i64>)>>>;
    let seen: Hints = Arc::default();
    let log = seen.clone();
    let on_hint: listener::OnHint = Arc::new(move |w, order, amount| {
        log.lock().unwrap().push((w, order.clone(), amount));
        match (order.as_str(), amount) {
            ("0190f3a27b1c7def8a12345678901234_2", Some(2406)) => Ok(Known::Yes),
            ("0190f3a27b1c7def8a12345678901234_2", _) => Ok(Known::No), // amount changed
            ("busy", _) => Err("busy".into()),
            _ => Ok(Known::No),
        }
    });
    let config = CallbackConfig {
        listen: "127.0.0.1:0".parse().unwrap(),
        wallet: Wallet::Alipay,
        secret: GATEWAY_PUBLIC.into(),
        access_key: APP_ID.into(),
    };
    let l = listener::bind(&config).await.unwrap();
    let url = format!("http://{}{}", l.local_addr().unwrap(), listener::ALIPAY_PATH);
    tokio::spawn(listener::serve(l, config, on_hint, std::future::pending()));
    let http = reqwest::Client::new();
    let post = |body: String| {
        let (http, url) = (http.clone(), url.clone());
        async move {
            let r = http.post(&url).header("content-type", "application/x-www-form-urlencoded").body(body).send().await.unwrap();
            assert_eq!(r.status(), 200);
            assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/plain"));
            r.text().await.unwrap()
        }
    };
    assert_eq!(post(notify_body("24.06", NOTIFY_SIGN)).await, "success");
    assert_eq!(post(notify_body("24.60", NOTIFY_SIGN)).await, "fail"); // bad signature: no hint
    assert_eq!(post("garbage".into()).await, "fail");
    assert_eq!(seen.lock().unwrap().clone(), vec![(Wallet::Alipay, "0190f3a27b1c7def8a12345678901234_2".to_string(), Some(2406))]);
}

// ---- the client against an in-test gateway ----

/// A gateway that checks the request's signature with the app's public key, records it,
/// and answers `inner` signed with Alipay's key (or `raw` as given).
async fn gateway(answers: Vec<(&'static str, Value)>) -> (String, Arc<Mutex<Vec<BTreeMap<String, String>>>>) {
    use axum::extract::{Query, State};
    use axum::routing::post;
    type Seen = Arc<Mutex<Vec<BTreeMap<String, String>>>>;
    type Answers = Arc<Vec<(&'static str, Value)>>;
    let seen: Seen = Arc::default();
    let answers = Arc::new(answers);
    async fn handle(State((seen, answers)): State<(Seen, Answers)>, Query(q): Query<BTreeMap<String, String>>, body: String) -> String {
        let mut params = q.clone();
        for pair in body.split('&') {
            let (k, v) = pair.split_once('=').unwrap();
            let v: String = serde_json::from_value(json!(percent(v))).unwrap();
            params.insert(k.to_string(), v);
        }
        let ok = AlipayKey::parse(APP_PUBLIC).unwrap().verify(alipay::sign_content(&params).as_bytes(), &params["sign"]);
        let method = params["method"].clone();
        seen.lock().unwrap().push(params);
        if !ok {
            return r#"{"error_response":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-signature","sub_msg":"bad"}}"#
                .into();
        }
        let inner = answers.iter().find(|(m, _)| *m == method).map(|(_, v)| v.clone()).unwrap();
        let text = alipay::biz_text(&inner);
        let sign = AppKey::parse(GATEWAY_PRIVATE).unwrap().sign(&text);
        format!(r#"{{"{}":{text},"sign":"{sign}"}}"#, alipay::response_key(&method))
    }
    fn percent(s: &str) -> String {
        let b = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'+' => out.push(b' '),
                b'%' => {
                    out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
                    i += 2;
                }
                c => out.push(c),
            }
            i += 1;
        }
        String::from_utf8(out).unwrap()
    }
    let app = axum::Router::new().route("/gateway.do", post(handle)).with_state((seen.clone(), answers));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, seen)
}

#[tokio::test]
async fn client_round_trips() {
    let (url, seen) = gateway(vec![
        (alipay::METHOD_PAY, json!({"code": "10003", "msg": "Waiting", "out_trade_no": ORDER, "total_amount": "24.06"})),
        (alipay::METHOD_QUERY, json!({"code": "10000", "msg": "Success", "out_trade_no": ORDER, "trade_no": "2026030922001400001234567890", "trade_status": "TRADE_SUCCESS", "total_amount": "24.06"})),
        (alipay::METHOD_CANCEL, json!({"code": "10000", "msg": "Success", "action": "refund", "retry_flag": "N"})),
        (alipay::METHOD_REFUND, json!({"code": "10000", "msg": "Success", "fund_change": "Y", "refund_fee": "5.00"})),
        (alipay::store::METHOD_VOUCHER_QUERY, json!({"code": "10000", "msg": "Success", "voucher_code": "V1", "status": "UNUSED", "amount": "4.00", "floor_amount": "20.00", "activity_id": "A1", "name": "满20减4"})),
    ])
    .await;
    let client = AlipayClient::new(config(&url)).unwrap();
    let pay = client.pay(ORDER, " 281234567890123456\r\n", "Quay sale 1", 2406, ts()).await.unwrap();
    assert_eq!(pay.status(), WalletStatus::Waiting { code: "10003".into() });
    let q = client.query(ORDER, ts()).await.unwrap();
    assert_eq!(q.status(), WalletStatus::Paid { reference: "2026030922001400001234567890".into(), amount: 2406 });
    assert_eq!(client.cancel(ORDER, ts()).await.unwrap().outcome(), CancelOutcome::Refunded);
    let r = client.refund(ORDER, "0190f3a27b1c7def8a12345678901234_r1", 500, "return", ts()).await.unwrap();
    assert_eq!(r.status(), WalletStatus::Paid { reference: "0190f3a27b1c7def8a12345678901234_r1".into(), amount: 500 });
    let v = client.voucher_query("V1", ts()).await.unwrap();
    assert!(v.usable());
    assert_eq!((v.amount_fen, v.floor_amount_fen, v.activity_id.as_deref()), (Some(400), Some(2000), Some("A1")));

    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 5);
    let pay_req = &seen[0];
    assert_eq!(pay_req["biz_content"], PAY_BIZ); // the scanned code cleaned
    assert_eq!(pay_req["timestamp"], "2026-03-09 10:00:00");
    assert_eq!(pay_req["notify_url"], "https://quay.example/alipay/notify");
    assert_eq!(pay_req["sign"], PAY_REQUEST_SIGN);
    assert!(!seen[1].contains_key("notify_url"));
    assert_eq!(
        seen[3]["biz_content"],
        r#"{"out_request_no":"0190f3a27b1c7def8a12345678901234_r1","out_trade_no":"0190f3a27b1c7def8a12345678901234_1","refund_amount":"5.00","refund_reason":"return"}"#
    );

    // Refused before sending: a WeChat code, a bad amount, a bad subject.
    assert!(matches!(client.pay(ORDER, "134567890123456789", "s", 2406, ts()).await, Err(WalletError::Code(_))));
    assert!(matches!(client.pay(ORDER, "281234567890123456", "s", 0, ts()).await, Err(WalletError::Amount(_))));
    assert!(matches!(client.pay(ORDER, "281234567890123456", "a/b", 1, ts()).await, Err(WalletError::Invalid(_))));
    assert!(matches!(client.precreate(ORDER, "s", 1, "0m", ts()).await, Err(WalletError::Invalid(_))));
}

// ---- smart-store bodies ----

#[test]
fn item_prices_are_fen_and_order_amounts_yuan() {
    use alipay::{Item, OrderLine, OrderSync, Sku};
    let item = Item {
        out_item_id: "SKU-TEA".into(),
        title: "Jasmine tea".into(),
        category_id: "C001".into(),
        skus: vec![
            Sku { out_sku_id: "TEA-S".into(), sale_price_fen: 1000, stock_num: 5, available: true },
            Sku { out_sku_id: "TEA-L".into(), sale_price_fen: 1550, stock_num: 0, available: false },
        ],
    };
    assert_eq!(
        alipay::biz_text(&alipay::store::item_biz(&item).unwrap()),
        r#"{"category_id":"C001","out_item_id":"SKU-TEA","skus":[{"out_sku_id":"TEA-S","sale_price":1000,"sale_status":"AVAILABLE","stock_num":5},{"out_sku_id":"TEA-L","sale_price":1550,"sale_status":"DELISTING","stock_num":0}],"title":"Jasmine tea"}"#
    );
    let mut twice = item.clone();
    twice.skus[1].out_sku_id = "TEA-S".into();
    assert!(alipay::store::item_biz(&twice).is_err());
    let mut short = item.clone();
    short.title = "ab".into();
    assert!(alipay::store::item_biz(&short).is_err());
    let mut negative = item;
    negative.skus[0].sale_price_fen = -1;
    assert!(alipay::store::item_biz(&negative).is_err());

    let order = OrderSync {
        out_biz_no: "0190f3a27b1c7def8a12345678901234".into(),
        trade_no: "2026030922001400001234567890".into(),
        amount_fen: 2406,
        pay_amount_fen: 2006,
        items: vec![OrderLine {
            item_name: "Jasmine tea".into(),
            quantity: 2,
            unit_price_fen: 1203,
            out_item_id: Some("SKU-TEA".into()),
            out_sku_id: None,
        }],
        shop_id: Some("2015051100077000000000000300".into()),
        order_status: None,
    };
    assert_eq!(
        alipay::biz_text(&alipay::store::order_sync_biz(&order).unwrap()),
        r#"{"amount":"24.06","item_order_list":[{"item_id":"SKU-TEA","item_name":"Jasmine tea","quantity":2,"unit_price":"12.03"}],"order_type":"TRADE_ORDER","out_biz_no":"0190f3a27b1c7def8a12345678901234","pay_amount":"20.06","shop_info":{"shop_id":"2015051100077000000000000300"},"trade_no":"2026030922001400001234567890"}"#
    );
    let refunded = OrderSync { order_status: Some("REFUNDED".into()), ..order };
    assert!(alipay::biz_text(&alipay::store::order_sync_biz(&refunded).unwrap()).contains(r#""order_status":"REFUNDED""#));
}

#[test]
fn shop_review_states() {
    use alipay::{ShopOrderAnswer, ShopReview};
    let s = |v: Value| ShopOrderAnswer::from_answer(answer(v)).review();
    assert_eq!(s(json!({"code": "10000", "status": "031"})), Some(ShopReview::Reviewing));
    assert_eq!(
        s(json!({"code": "10000", "status": "99", "ext_info": "{\"shop_id\":\"2015\"}"})),
        Some(ShopReview::Approved { shop_id: Some("2015".into()) })
    );
    assert_eq!(
        s(json!({"code": "10000", "status": "99", "ext_info": {"shop_id": "2016"}})),
        Some(ShopReview::Approved { shop_id: Some("2016".into()) })
    );
    assert_eq!(s(json!({"code": "10000", "status": "-1"})), Some(ShopReview::Rejected));
    assert_eq!(s(json!({"code": "40004", "sub_code": "INVALID_PARAMETER"})), None);
    let shop = alipay::ShopInfo {
        store_id: "HCM_01".into(),
        shop_name: "Quay Saigon".into(),
        shop_category: "B0001".into(),
        shop_type: "01".into(),
        province_code: String::new(),
        city_code: "310100".into(),
        district_code: "310101".into(),
        address: "1 Le Loi".into(),
        contact_mobile: None,
        ip_role_id: None,
        ..Default::default()
    };
    assert_eq!(
        alipay::biz_text(&alipay::store::shop_create_biz(&shop).unwrap()),
        r#"{"business_address":{"address":"1 Le Loi","city_code":"310100","district_code":"310101"},"shop_category":"B0001","shop_name":"Quay Saigon","shop_type":"01","store_id":"HCM_01"}"#
    );
    let mut bad = shop;
    bad.shop_type = "03".into();
    assert!(alipay::store::shop_create_biz(&bad).is_err());
}
