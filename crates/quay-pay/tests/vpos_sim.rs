//! VposClient against the bank simulator (tests/sim, written from the contract and
//! docs/VPOS.md, not from this client): the two readings meet here.

use std::time::Duration;

use chrono::NaiveDate;
use quay_core::money::{Currency, Money};
use quay_pay::vpos::{
    after_refusal, cancel_plan, CancelKind, CardEntry, Credentials, Gateway, Kind, Status, TransStat, VposClient, VposError,
};
use quay_sim::vpos::{self as sim, VposCurrency, VposSim, VposSimConfig};

fn eur(minor: i64) -> Money {
    Money::new(minor, Currency::Eur)
}

fn card(number: &str) -> CardEntry {
    CardEntry::parse(number, "12/30", Some(if number.len() == 15 { "1234" } else { "123" }), NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())
        .unwrap()
}

fn client(kind: Kind, running: &sim::RunningVpos, wrong_password: bool) -> VposClient {
    let (api, gate, values): (String, Option<String>, Vec<(&str, &str)>) = match kind {
        Kind::Nestpay => (
            running.nestpay_api.clone(),
            Some(running.nestpay_gate.clone()),
            vec![
                ("client_id", sim::NESTPAY_CLIENT_ID),
                ("username", sim::NESTPAY_USER),
                ("password", if wrong_password { "wrong" } else { sim::NESTPAY_PASSWORD }),
                ("store_key", sim::NESTPAY_STORE_KEY),
            ],
        ),
        _ => (
            running.garanti_api.clone(),
            None,
            vec![
                ("merchant_id", sim::GARANTI_MERCHANT_ID),
                ("terminal_id", sim::GARANTI_TERMINAL_ID),
                ("prov_user", sim::GARANTI_PROV_USER),
                ("prov_password", if wrong_password { "wrong" } else { sim::GARANTI_PROV_PASSWORD }),
                ("refund_user", sim::GARANTI_REFUND_USER),
                ("refund_password", sim::GARANTI_REFUND_PASSWORD),
                ("store_key", sim::GARANTI_STORE_KEY),
            ],
        ),
    };
    let credentials = Credentials::new(kind, values.into_iter().map(|(a, b)| (a.to_string(), b.to_string()))).unwrap();
    VposClient::new(Gateway { kind, api_url: api, gate_url: gate, credentials, currency: Currency::Eur })
        .unwrap()
        .with_timeout(Duration::from_secs(10))
}

fn start() -> (VposSim, sim::RunningVpos) {
    let s = VposSim::new(VposSimConfig::sandbox_in(VposCurrency::Eur));
    let running = sim::start_in_thread(s.clone());
    (s, running)
}

async fn batch_rules(kind: Kind) {
    let (s, running) = start();
    let c = client(kind, &running, false);
    let tag = kind.as_str();

    // The connection test, then the wrong password.
    c.check("r1").await.unwrap();
    assert_eq!(client(kind, &running, true).check("r2").await.unwrap_err(), VposError::Credentials, "{tag}");

    // Approved, then the same order id again → duplicate.
    let a = c.auth("sale1-1", eur(10_025), &card("4508034508034509")).await.unwrap();
    assert!(a.approved, "{tag} {a:?}");
    let dup = c.auth("sale1-1", eur(10_025), &card("4508034508034509")).await.unwrap();
    assert!(dup.is_duplicate_order(), "{tag} {dup:?}");

    // Issuer declines carry the ISO code.
    for (number, code) in [("4000000000000515", "51"), ("4000000000000051", "05")] {
        let d = c.auth(&format!("dec{code}-1"), eur(500), &card(number)).await.unwrap();
        assert!(!d.approved, "{tag} {code}");
        assert_eq!(d.proc_return_code, code, "{tag}");
        assert_eq!(d.code(), format!("ISO8583-{code}"), "{tag}");
    }

    // Open batch: A → void; a refund now is refused CORE-2508 → void.
    match c.status("sale1-1").await.unwrap() {
        Status::Found { stat, amount, .. } => {
            assert_eq!(stat, TransStat::Approved, "{tag}");
            assert_eq!(cancel_plan(stat), Some(CancelKind::Void));
            assert_eq!(amount, Some(eur(10_025)), "{tag}");
        }
        s => panic!("{tag} {s:?}"),
    }
    let early = c.refund("sale1-1", eur(10_025), a.host_ref.as_deref()).await.unwrap();
    assert_eq!(after_refusal(&early), Some(CancelKind::Void), "{tag} {early:?}");
    assert!(c.void("sale1-1", a.host_ref.as_deref()).await.unwrap().approved, "{tag}");
    assert!(matches!(c.status("sale1-1").await.unwrap(), Status::Found { stat: TransStat::Voided, .. }), "{tag}");

    // Closed batch: C → refund; a void now is refused CORE-2008 → refund.
    let b = c.auth("sale2-1", eur(2_000), &card("5406675406675403")).await.unwrap();
    assert!(b.approved, "{tag}");
    s.close_batch();
    assert!(matches!(c.status("sale2-1").await.unwrap(), Status::Found { stat: TransStat::Captured, .. }), "{tag}");
    let late = c.void("sale2-1", b.host_ref.as_deref()).await.unwrap();
    assert_eq!(after_refusal(&late), Some(CancelKind::Refund), "{tag} {late:?}");
    let r = c.refund("sale2-1", eur(2_000), b.host_ref.as_deref()).await.unwrap();
    assert!(r.approved, "{tag} {r:?}");

    assert_eq!(c.status("never-1").await.unwrap(), Status::NotFound, "{tag}");
}

#[tokio::test]
async fn vpos_sim_nestpay_batch_rules() {
    batch_rules(Kind::Nestpay).await;
}

#[tokio::test]
async fn vpos_sim_garanti_batch_rules() {
    batch_rules(Kind::Garanti).await;
}

#[tokio::test]
async fn vpos_sim_garanti_day_report() {
    let (s, running) = start();
    let c = client(Kind::Garanti, &running, false);
    assert!(c.auth("rep-1", eur(1_500), &card("4508034508034509")).await.unwrap().approved);
    let day = s.today();
    let rows = c.day_report(day).await.unwrap().unwrap();
    assert!(rows.iter().any(|r| r.order_id == "rep-1" && r.amount == eur(1_500)), "{rows:?}");
}

/// The till's callback endpoint: answers 200 to anything.
async fn callback_sink() -> String {
    let app = axum::Router::new().fallback(|| async { "OK" });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/cb", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    url
}

#[tokio::test(flavor = "multi_thread")]
async fn vpos_sim_nestpay_link_and_callback() {
    let (s, running) = start();
    let c = client(Kind::Nestpay, &running, false);
    let cb = callback_sink().await;
    let req = |oid: &'static str, minor: i64| quay_pay::vpos::LinkRequest {
        order_id: oid,
        amount: eur(minor),
        ok_url: "https://till/ok",
        fail_url: "https://till/fail",
        callback_url: None,
        rnd: "r1",
        lang: "en",
    };
    let paid = quay_pay::vpos::LinkRequest { callback_url: Some(&cb), ..req("link-1", 4_250) };
    let url = c.payment_link(&paid).await.unwrap();
    assert!(url.starts_with("http"), "{url}");
    // Same oid + amount while pending → the same link.
    assert_eq!(c.payment_link(&paid).await.unwrap(), url);
    assert!(matches!(c.status("link-1").await.unwrap(), Status::NotFound));

    let s2 = s.clone();
    let deliveries = tokio::task::spawn_blocking(move || {
        s2.pay_link("link-1", "4508034508034509", "12/30", "123").unwrap();
        s2.wait_callbacks(1, Duration::from_secs(10))
    })
    .await
    .unwrap();
    let form = &deliveries.last().expect("a callback").fields;
    let gateway = c.gateway().clone();
    let cb = quay_pay::vpos::verify_callback(&gateway, form).unwrap();
    assert_eq!((cb.order_id.as_str(), cb.amount, cb.md_status.as_str()), ("link-1", eur(4_250), "1"));
    assert!(cb.answer.approved, "{:?}", cb.answer);
    assert!(matches!(c.status("link-1").await.unwrap(), Status::Found { stat: TransStat::Approved, .. }));

    // A failed 3-D step: not approved, whatever else the form says.
    let failed = quay_pay::vpos::LinkRequest { callback_url: Some(&cb_url_of(&deliveries)), ..req("link-2", 1_000) };
    c.payment_link(&failed).await.unwrap();
    let s3 = s.clone();
    let deliveries = tokio::task::spawn_blocking(move || {
        s3.md_status("link-2", "5").unwrap();
        s3.wait_callbacks(2, Duration::from_secs(10))
    })
    .await
    .unwrap();
    let form = &deliveries.iter().rev().find(|d| d.order_id == "link-2").expect("a callback").fields;
    let cb = quay_pay::vpos::verify_callback(&gateway, form).unwrap();
    assert!(!cb.answer.approved);
    assert_eq!(cb.answer.reason(), "vpos-code-3d-failed");

    // A tampered form does not verify.
    let mut bad = form.clone();
    bad.iter_mut().find(|(k, _)| k == "amount").unwrap().1 = "1.00".into();
    assert_eq!(quay_pay::vpos::verify_callback(&gateway, &bad).unwrap_err(), VposError::BadSignature);

    // The gate's refusal (an amount in another currency than the terminal's is refused here
    // already; a bad URL reaches the gate).
    let refused = quay_pay::vpos::LinkRequest { ok_url: "http://", ..req("link-3", 1_000) };
    let e = c.payment_link(&refused).await.unwrap_err();
    assert!(matches!(e, VposError::Refused { .. }), "{e:?}");
}

fn cb_url_of(d: &[sim::CallbackDelivery]) -> String {
    d.last().unwrap().url.clone()
}
