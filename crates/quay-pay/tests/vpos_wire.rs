//! VposClient against a local stub bank: what goes on the wire (encoding, content type, the
//! users and hashes), how each answer shape comes back, and which failures leave the outcome
//! unknown. The full behaviour of the banks is tested against the simulator (tests/sim).

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use chrono::NaiveDate;
use quay_core::error::Localized;
use quay_core::money::{Currency, Money};
use quay_pay::vpos::{nestpay, CardEntry, Credentials, Gateway, Kind, LinkRequest, ReportKind, Status, TransStat, VposClient, VposError};

#[derive(Clone)]
struct Canned {
    status: u16,
    location: Option<&'static str>,
    body: Vec<u8>,
    delay: Duration,
}

fn xml(status: u16, body: &str) -> Canned {
    Canned { status, location: None, body: iso_8859_9(body), delay: Duration::ZERO }
}

/// The bank's answers are ISO-8859-9: encode the few Turkish letters the tests use.
fn iso_8859_9(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            'İ' => 0xDD,
            'ş' => 0xFE,
            'ı' => 0xFD,
            'ğ' => 0xF0,
            c if c.is_ascii() => c as u8,
            c => panic!("not in the test table: {c}"),
        })
        .collect()
}

#[derive(Clone, Default)]
struct Stub {
    answers: Arc<Mutex<VecDeque<Canned>>>,
    seen: Arc<Mutex<Vec<(String, String, Vec<u8>)>>>,
}

impl Stub {
    fn push(&self, c: Canned) {
        self.answers.lock().unwrap().push_back(c);
    }
    fn last(&self) -> (String, String, String) {
        let (path, ct, body) = self.seen.lock().unwrap().last().cloned().expect("a request");
        (path, ct, String::from_utf8(body).expect("ASCII body"))
    }
}

async fn start(stub: Stub) -> String {
    let s = stub.clone();
    let app = Router::new().fallback(move |uri: Uri, headers: HeaderMap, body: Bytes| {
        let s = s.clone();
        async move {
            let ct = headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
            s.seen.lock().unwrap().push((uri.path().to_string(), ct, body.to_vec()));
            let canned = s.answers.lock().unwrap().pop_front().expect("a canned answer");
            tokio::time::sleep(canned.delay).await;
            let mut r: Response = (StatusCode::from_u16(canned.status).unwrap(), canned.body).into_response();
            if let Some(l) = canned.location {
                r.headers_mut().insert("location", l.parse().unwrap());
            }
            r
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    url
}

fn creds(kind: Kind) -> Credentials {
    let v: &[(&str, &str)] = match kind {
        Kind::Nestpay => &[("client_id", "100200127"), ("username", "api"), ("password", "Pa55"), ("store_key", "TEST1234")],
        Kind::Garanti => &[
            ("merchant_id", "7000679"),
            ("terminal_id", "30691298"),
            ("prov_user", "PROVAUT"),
            ("prov_password", "123qweASD/"),
            ("refund_user", "PROVRFN"),
            ("refund_password", "RFN-pass1"),
            ("store_key", "12345678"),
        ],
        Kind::Posnet => &[("merchant_id", "6706598320"), ("terminal_id", "67005551"), ("posnet_id", "27426"), ("store_key", "10,10,10")],
    };
    Credentials::new(kind, v.iter().map(|(a, b)| (a.to_string(), b.to_string()))).unwrap()
}

fn client(kind: Kind, base: &str) -> VposClient {
    let api = match kind {
        Kind::Garanti => format!("{base}/VPServlet"),
        _ => format!("{base}/fim/api"),
    };
    VposClient::new(Gateway {
        kind,
        api_url: api,
        gate_url: Some(format!("{base}/fim/est3Dgate")),
        credentials: creds(kind),
        currency: Currency::Eur,
    })
    .unwrap()
    .with_timeout(Duration::from_secs(5))
}

fn card() -> CardEntry {
    CardEntry::parse("4508 0345 0803 4509", "12/30", Some("000"), NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()).unwrap()
}

fn eur(minor: i64) -> Money {
    Money::new(minor, Currency::Eur)
}

fn cc5(response: &str, proc: &str, error_code: &str, msg: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"ISO-8859-9\"?><CC5Response><OrderId>abc-1</OrderId><GroupId>abc-1</GroupId>\
         <Response>{response}</Response><AuthCode>{auth}</AuthCode><HostRefNum>612345678901</HostRefNum><ProcReturnCode>{proc}</ProcReturnCode>\
         <TransId>t1</TransId><ErrMsg>{msg}</ErrMsg><Extra><ERRORCODE>{error_code}</ERRORCODE></Extra></CC5Response>",
        auth = if proc == "00" { "123456" } else { "" }
    )
}

#[tokio::test]
async fn vpos_nestpay_auth_and_answers() {
    let stub = Stub::default();
    let base = start(stub.clone()).await;
    let c = client(Kind::Nestpay, &base);

    stub.push(xml(200, &cc5("Approved", "00", "", "")));
    let a = c.auth("abc-1", eur(10_025), &card()).await.unwrap();
    assert!(a.approved);
    assert_eq!((a.auth_code.as_deref(), a.host_ref.as_deref()), (Some("123456"), Some("612345678901")));
    let (path, ct, body) = stub.last();
    assert_eq!(path, "/fim/api");
    assert_eq!(ct, "text/xml; charset=ISO-8859-9");
    assert!(body.starts_with("<?xml version=\"1.0\" encoding=\"ISO-8859-9\"?>"));
    assert!(body.contains("<Type>Auth</Type><OrderId>abc-1</OrderId><Total>100.25</Total><Currency>978</Currency>"));
    assert!(body.contains("<Number>4508034508034509</Number><Expires>12/30</Expires><Cvv2Val>000</Cvv2Val>"));

    stub.push(xml(200, &cc5("Declined", "51", "ISO8583-51", "Yetersiz bakiye")));
    let a = c.auth("abc-2", eur(10_025), &card()).await.unwrap();
    assert!(!a.approved);
    assert_eq!(a.reason(), "decline-insufficient-funds");

    stub.push(xml(200, &cc5("Error", "99", "CORE-2012", "İşlem başarısız")));
    let a = c.auth("abc-3", eur(10_025), &card()).await.unwrap();
    assert_eq!(a.err_msg.as_deref(), Some("İşlem başarısız"));
    assert_eq!(a.reason(), "vpos-code-bad-card");

    stub.push(xml(200, &cc5("Error", "99", "ORDER-DUPLICATE", "Duplicate order: abc-1 already has an approved authorization")));
    assert!(c.auth("abc-1", eur(10_025), &card()).await.unwrap().is_duplicate_order());

    // Refused before sending: nothing reaches the bank.
    let before = stub.seen.lock().unwrap().len();
    assert!(matches!(c.auth("abc 1", eur(1), &card()).await, Err(VposError::OrderId { .. })));
    assert!(matches!(c.auth("abc-1", Money::new(1, Currency::Usd), &card()).await, Err(VposError::CurrencyMismatch { .. })));
    assert!(matches!(c.auth("abc-1", eur(0), &card()).await, Err(VposError::Amount { .. })));
    assert_eq!(stub.seen.lock().unwrap().len(), before);
}

#[tokio::test]
async fn vpos_nestpay_void_credit_status_check() {
    let stub = Stub::default();
    let base = start(stub.clone()).await;
    let c = client(Kind::Nestpay, &base);

    stub.push(xml(200, &cc5("Error", "99", "CORE-2008", "")));
    let a = c.void("abc-1", Some("612345678901")).await.unwrap();
    assert_eq!(quay_pay::vpos::after_refusal(&a), Some(quay_pay::vpos::CancelKind::Refund));
    assert!(stub.last().2.contains("<Type>Void</Type><OrderId>abc-1</OrderId></CC5Request>"));

    stub.push(xml(200, &cc5("Approved", "00", "", "")));
    assert!(c.refund("abc-1", eur(500), None).await.unwrap().approved);
    assert!(stub.last().2.contains("<Type>Credit</Type><OrderId>abc-1</OrderId><Total>5.00</Total><Currency>978</Currency>"));

    stub.push(xml(
        200,
        "<CC5Response><OrderId>abc-1</OrderId><Response>Approved</Response><ProcReturnCode>00</ProcReturnCode><ErrMsg></ErrMsg>\
         <Extra><TRANS_STAT>C</TRANS_STAT><PROC_RET_CD>00</PROC_RET_CD><ORIG_TRANS_AMT>10025</ORIG_TRANS_AMT><AUTH_CODE>123456</AUTH_CODE></Extra></CC5Response>",
    ));
    match c.status("abc-1").await.unwrap() {
        Status::Found { stat, amount, .. } => assert_eq!((stat, amount), (TransStat::Captured, Some(eur(10_025)))),
        s => panic!("{s:?}"),
    }
    assert!(stub.last().2.contains("<OrderId>abc-1</OrderId><Extra><ORDERSTATUS>QUERY</ORDERSTATUS></Extra>"));

    stub.push(xml(200, &cc5("Declined", "99", "", "No record found for quay-check-r1")));
    c.check("r1").await.unwrap();
    assert!(stub.last().2.contains("<OrderId>quay-check-r1</OrderId>"));

    stub.push(xml(200, &cc5("Error", "99", "", "Insufficient permissions to perform requested operation")));
    let e = c.check("r2").await.unwrap_err();
    assert_eq!(e, VposError::Credentials);
    assert_eq!(e.code(), "err-vpos-credentials");

    assert_eq!(c.day_report(NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()).await.unwrap(), None);
}

#[tokio::test]
async fn vpos_nestpay_payment_link() {
    let stub = Stub::default();
    let base = start(stub.clone()).await;
    let c = client(Kind::Nestpay, &base);
    let req = LinkRequest {
        order_id: "abc-1",
        amount: eur(10_025),
        ok_url: "https://till/ok",
        fail_url: "https://till/fail",
        callback_url: Some("https://till/cb"),
        rnd: "r1",
        lang: "tr",
    };
    stub.push(Canned { status: 302, location: Some("https://bank/fim/page/tok1"), body: vec![], delay: Duration::ZERO });
    assert_eq!(c.payment_link(&req).await.unwrap(), "https://bank/fim/page/tok1");
    let (path, ct, body) = stub.last();
    assert_eq!((path.as_str(), ct.as_str()), ("/fim/est3Dgate", "application/x-www-form-urlencoded"));
    let form: Vec<(String, String)> = serde_urlencoded::from_str(&body).unwrap();
    let hash = form.iter().find(|(k, _)| k == "hash").unwrap().1.clone();
    assert!(nestpay::hash::verify(&form, "TEST1234", &hash), "the gate can verify the form's hash");
    assert!(form.contains(&("amount".into(), "100.25".into())) && form.contains(&("storetype".into(), "3d_pay_hosting".into())));

    stub.push(Canned {
        status: 400,
        location: None,
        body: b"<html><body><p id=\"ErrMsg\">Invalid amount</p></body></html>".to_vec(),
        delay: Duration::ZERO,
    });
    assert_eq!(c.payment_link(&req).await.unwrap_err(), VposError::Refused { message: "Invalid amount".into() });
}

#[tokio::test]
async fn vpos_failures_and_unknown_outcomes() {
    let stub = Stub::default();
    let base = start(stub.clone()).await;
    let c = client(Kind::Nestpay, &base);

    stub.push(xml(500, "oops"));
    let e = c.auth("abc-1", eur(100), &card()).await.unwrap_err();
    assert_eq!(e, VposError::Http { status: 500 });
    assert!(e.outcome_unknown());

    stub.push(xml(200, "<html>gateway</html>"));
    let e = c.auth("abc-1", eur(100), &card()).await.unwrap_err();
    assert!(matches!(e, VposError::Decode { .. }) && e.outcome_unknown(), "{e:?}");

    stub.push(Canned { delay: Duration::from_secs(2), ..xml(200, &cc5("Approved", "00", "", "")) });
    let slow = client(Kind::Nestpay, &base).with_timeout(Duration::from_millis(300));
    let e = slow.auth("abc-1", eur(100), &card()).await.unwrap_err();
    assert!(matches!(e, VposError::Transport { timed_out: true, sent: true, .. }), "{e:?}");
    assert!(e.outcome_unknown());
    assert_eq!(e.code(), "err-vpos-timeout");

    // Nobody listening: nothing was sent.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", l.local_addr().unwrap())
    };
    let e = client(Kind::Nestpay, &closed).auth("abc-1", eur(100), &card()).await.unwrap_err();
    assert!(matches!(e, VposError::Transport { sent: false, .. }), "{e:?}");
    assert!(!e.outcome_unknown());
    // No card digits in what an error says.
    assert!(!format!("{e:?} {e}").contains("4508034508034509"));
}

fn gvps(code: &str, reason: &str, message: &str, sys: &str, err: &str, order: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"ISO-8859-9\"?><GVPSResponse><Mode></Mode><Order><OrderID>abc-1</OrderID><GroupID></GroupID>{order}</Order>\
         <Transaction><Response><Source>HOST</Source><Code>{code}</Code><ReasonCode>{reason}</ReasonCode><Message>{message}</Message>\
         <ErrorMsg>{err}</ErrorMsg><SysErrMsg>{sys}</SysErrMsg></Response><RetrefNum>612345678901</RetrefNum><AuthCode>123456</AuthCode>\
         <BatchNum>000001</BatchNum><SequenceNum>000042</SequenceNum><ProvDate>20261203 14:05:09</ProvDate></Transaction></GVPSResponse>"
    )
}

#[tokio::test]
async fn vpos_garanti_end_to_end() {
    let stub = Stub::default();
    let base = start(stub.clone()).await;
    let c = client(Kind::Garanti, &base);

    stub.push(xml(200, &gvps("00", "00", "Approved", "", "", "")));
    let a = c.auth("abc-1", eur(10_025), &card()).await.unwrap();
    assert!(a.approved && a.host_ref.as_deref() == Some("612345678901"));
    let (path, _, body) = stub.last();
    assert_eq!(path, "/VPServlet");
    assert!(body.contains("<ProvUserID>PROVAUT</ProvUserID>"));
    assert!(body.contains("<Card><Number>4508034508034509</Number><ExpireDate>1230</ExpireDate><CVV2>000</CVV2></Card>"));
    assert!(body.contains("<Type>sales</Type><InstallmentCnt></InstallmentCnt><Amount>10025</Amount><CurrencyCode>978</CurrencyCode>"));

    stub.push(xml(200, &gvps("99", "99", "Error", "CORE-2508", "", "")));
    let a = c.refund("abc-1", eur(10_025), Some("612345678901")).await.unwrap();
    assert_eq!(quay_pay::vpos::after_refusal(&a), Some(quay_pay::vpos::CancelKind::Void));
    let body = stub.last().2;
    assert!(body.contains("<ProvUserID>PROVRFN</ProvUserID>") && body.contains("<OriginalRetrefNum>612345678901</OriginalRetrefNum>"));

    stub.push(xml(200, &gvps("00", "00", "Approved", "", "", "")));
    assert!(c.void("abc-1", None).await.unwrap().approved);
    assert!(stub.last().2.contains("<Type>void</Type>"));

    stub.push(xml(200, &gvps("99", "99", "Declined", "", "No record found for quay-check-r1", "")));
    c.check("r1").await.unwrap();

    stub.push(xml(200, &gvps("99", "05", "Declined", "ISO8583-05", "İşlem onaylanmadı", "")));
    let a = c.auth("abc-2", eur(100), &card()).await.unwrap();
    assert_eq!((a.err_msg.as_deref(), a.reason()), (Some("İşlem onaylanmadı"), "decline-do-not-honour"));

    let rows = "<OrderListInqResult><OrderTxnList><OrderTxn><OrderID>abc-1</OrderID><Type>sales</Type><Amount>10025</Amount>\
                <CurrencyCode>978</CurrencyCode><ProvDate>20261203 14:05:09</ProvDate><AuthCode>123456</AuthCode><ReasonCode>00</ReasonCode>\
                <CardNumberMasked>450803******4509</CardNumberMasked></OrderTxn></OrderTxnList></OrderListInqResult>";
    stub.push(xml(200, &gvps("00", "00", "Approved", "", "", rows)));
    let report = c.day_report(NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()).await.unwrap().unwrap();
    assert_eq!(report.len(), 1);
    assert_eq!((report[0].kind, report[0].amount), (ReportKind::Sale, eur(10_025)));
    assert!(stub.last().2.contains("<Type>orderlistinq</Type>"));

    assert!(matches!(
        c.payment_link(&LinkRequest {
            order_id: "abc-1",
            amount: eur(1),
            ok_url: "https://x/ok",
            fail_url: "https://x/f",
            callback_url: None,
            rnd: "r",
            lang: "en"
        })
        .await,
        Err(VposError::NotImplemented { kind: "garanti" })
    ));
}

#[tokio::test]
async fn vpos_posnet_is_credentials_only() {
    let c = client(Kind::Posnet, "http://127.0.0.1:9");
    assert_eq!(c.auth("abc-1", eur(1), &card()).await.unwrap_err(), VposError::NotImplemented { kind: "posnet" });
    assert_eq!(c.status("abc-1").await.unwrap_err(), VposError::NotImplemented { kind: "posnet" });
    assert_eq!(c.check("r").await.unwrap_err(), VposError::NotImplemented { kind: "posnet" });
    assert!(c.day_report(NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()).await.is_err());
}
