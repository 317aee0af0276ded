//! Voucher calls against the hub simulator on loopback: every state of the sandbox table,
//! redeem and its idempotency, a lost answer, conflicts, reversal, a partner that does
//! not answer and answers not signed by our hub.

use chrono::{DateTime, FixedOffset};
use quay_core::voucher::{self, Partner, VoucherError, VoucherKind, VoucherStatus};
use quay_core::{Currency, Localized, Money};
use quay_hub::{voucher_error, Credentials, HubClient, HubError, RedeemRequest, RedemptionStatus};
use quay_sim::vouchers::VoucherSpec;
use quay_sim::{Faults, HubConfig, RunningHub};
use uuid::Uuid;

fn vnd(minor: i64) -> Money {
    Money::new(minor, Currency::Vnd)
}

fn now() -> DateTime<FixedOffset> {
    chrono::Utc::now().fixed_offset()
}

async fn hub() -> (RunningHub, HubClient) {
    let hub = quay_sim::start(HubConfig::sandbox(quay_core::synth::menu(5, 1))).await;
    let creds = Credentials {
        pos_parent: HubConfig::SANDBOX_POS_PARENT.into(),
        pos_id: HubConfig::SANDBOX_POS_ID.into(),
        key1: HubConfig::SANDBOX_KEY1.to_vec(),
        key2: HubConfig::SANDBOX_KEY2.to_vec(),
    };
    let client = HubClient::new(&hub.url, creds).unwrap();
    (hub, client)
}

fn request(partner: Partner, code: &str, sale: Uuid, amount: i64) -> RedeemRequest {
    RedeemRequest {
        partner,
        code: code.into(),
        sale_id: sale,
        amount_applied: vnd(amount),
        idempotency_key: voucher::redemption_key(sale, partner, code, 1),
    }
}

#[tokio::test]
async fn every_state_of_the_sandbox_table() {
    let (_hub, client) = hub().await;
    let sale = Uuid::now_v7();
    let total = vnd(120_000);
    // (partner, code, status, what it pays toward 120,000 ₫ or the error id)
    let cases: &[(Partner, &str, VoucherStatus, Result<i64, &str>)] = &[
        (Partner::Momo, "MOMO-50K", VoucherStatus::Valid, Ok(50_000)),
        (Partner::Momo, "MOMO-10PCT", VoucherStatus::Valid, Ok(12_000)),
        (Partner::Momo, "MOMO-USED", VoucherStatus::Used, Err("err-voucher-used")),
        (Partner::Momo, "MOMO-EXPIRED", VoucherStatus::Expired, Err("err-voucher-expired")),
        (Partner::Momo, "MOMO-OTHERSTORE", VoucherStatus::WrongStore, Err("err-voucher-wrong-store")),
        (Partner::Momo, "MOMO-INACTIVE", VoucherStatus::Inactive, Err("err-voucher-inactive")),
        (Partner::Momo, "MOMO-NOSUCH", VoucherStatus::NotFound, Err("err-voucher-not-found")),
        (Partner::Giftpop, "GIFT-100K", VoucherStatus::Valid, Ok(100_000)),
        (Partner::Giftpop, "GIFT-BIG", VoucherStatus::Valid, Ok(120_000)), // the rest is forfeited
        (Partner::Giftpop, "GIFT-20PCT", VoucherStatus::Valid, Ok(24_000)),
        (Partner::Giftpop, "GIFT-USED", VoucherStatus::Used, Err("err-voucher-used")),
        (Partner::Giftpop, "GIFT-EXPIRED", VoucherStatus::Expired, Err("err-voucher-expired")),
        (Partner::Giftpop, "GIFT-OTHERSTORE", VoucherStatus::WrongStore, Err("err-voucher-wrong-store")),
        (Partner::Giftpop, "GIFT-INACTIVE", VoucherStatus::Inactive, Err("err-voucher-inactive")),
        (Partner::Giftpop, "MOMO-50K", VoucherStatus::NotFound, Err("err-voucher-not-found")),
    ];
    for (partner, code, status, pays) in cases {
        let c = client.check_voucher(*partner, code, sale, total).await.unwrap_or_else(|e| panic!("{code}: {e}"));
        assert_eq!((c.partner, c.code.as_str(), c.status), (*partner, *code, *status));
        let got = voucher::applicable(&c, total, vnd(0), now());
        match (got, pays) {
            (Ok(m), Ok(w)) => assert_eq!(m, vnd(*w), "{code}"),
            (Err(e), Err(id)) => assert_eq!(e.code(), *id, "{code}"),
            (got, want) => panic!("{code}: got {got:?}, want {want:?}"),
        }
    }
    // The percent voucher's minimum spend.
    let c = client.check_voucher(Partner::Momo, "MOMO-10PCT", sale, vnd(90_000)).await.unwrap();
    assert_eq!(c.kind, Some(VoucherKind::Percent { bp: 1_000 }));
    assert_eq!(
        voucher::applicable(&c, vnd(90_000), vnd(0), now()),
        Err(VoucherError::MinSpend { code: "MOMO-10PCT".into(), min: vnd(100_000) })
    );
}

#[tokio::test]
async fn redeem_is_idempotent_and_marks_the_voucher_used() {
    let (hub, client) = hub().await;
    let code = hub.add_voucher(VoucherSpec::amount(Partner::Momo, "", 50_000));
    let sale = Uuid::now_v7();
    let req = request(Partner::Momo, &code, sale, 45_000);
    let first = client.redeem_voucher(&req).await.unwrap();
    assert_eq!((first.status, first.amount_applied), (RedemptionStatus::Redeemed, 45_000));
    assert_eq!(client.redeem_voucher(&req).await.unwrap(), first);
    assert_eq!(client.redemption(&req.idempotency_key).await.unwrap(), Some(first.clone()));
    assert_eq!(client.check_voucher(Partner::Momo, &code, Uuid::now_v7(), vnd(100_000)).await.unwrap().status, VoucherStatus::Used);
    assert_eq!(hub.voucher_redemptions().len(), 1);
    assert_eq!(client.redemption("0123456789abcdef0123456789abcdef").await.unwrap(), None);
}

#[tokio::test]
async fn a_lost_answer_is_found_by_its_key_and_never_redeemed_twice() {
    let (hub, client) = hub().await;
    let code = hub.add_voucher(VoucherSpec::amount(Partner::Giftpop, "", 100_000));
    let req = request(Partner::Giftpop, &code, Uuid::now_v7(), 100_000);
    hub.set_faults(Faults { lose_redeem_response: 1, ..Faults::default() });
    let lost = client.redeem_voucher(&req).await.unwrap_err();
    assert!(matches!(lost, HubError::Network { .. }), "{lost:?}");
    assert!(lost.retryable());
    assert_eq!(voucher_error(&lost), Some(VoucherError::Offline));
    // The hub kept it: ask, then a retry with the same key returns the same redemption.
    let found = client.redemption(&req.idempotency_key).await.unwrap().expect("stored before the cut");
    assert_eq!((found.status, found.amount_applied), (RedemptionStatus::Redeemed, 100_000));
    assert_eq!(client.redeem_voucher(&req).await.unwrap(), found);
    assert_eq!(hub.voucher_redemptions().len(), 1);
}

#[tokio::test]
async fn conflicts_are_their_own_error() {
    let (hub, client) = hub().await;
    let code = hub.add_voucher(VoucherSpec::amount(Partner::Momo, "", 50_000));
    let sale = Uuid::now_v7();
    let req = request(Partner::Momo, &code, sale, 50_000);
    client.redeem_voucher(&req).await.unwrap();
    // The same key with other data.
    let other_data = RedeemRequest { amount_applied: vnd(40_000), ..req.clone() };
    let e = client.redeem_voucher(&other_data).await.unwrap_err();
    assert!(matches!(&e, HubError::Conflict { code: c, .. } if *c == code), "{e:?}");
    assert!(!e.retryable());
    assert_eq!(voucher_error(&e), Some(VoucherError::Conflict { code: code.clone() }));
    // Another sale (another key) wants the used voucher.
    let e = client.redeem_voucher(&request(Partner::Momo, &code, Uuid::now_v7(), 50_000)).await.unwrap_err();
    assert!(matches!(e, HubError::Conflict { .. }), "{e:?}");
    assert_eq!(hub.voucher_redemptions().len(), 1);
}

#[tokio::test]
async fn reverse_is_idempotent_and_frees_the_voucher() {
    let (hub, client) = hub().await;
    let code = hub.add_voucher(VoucherSpec::percent(Partner::Momo, "", 10, Some(100_000)));
    let sale = Uuid::now_v7();
    let check = client.check_voucher(Partner::Momo, &code, sale, vnd(150_000)).await.unwrap();
    let pays = voucher::applicable(&check, vnd(150_000), vnd(0), now()).unwrap();
    assert_eq!(pays, vnd(15_000));
    let req = request(Partner::Momo, &code, sale, pays.minor);
    let r = client.redeem_voucher(&req).await.unwrap();
    for _ in 0..2 {
        client.reverse_voucher(Partner::Momo, &r.redemption_id, "sale voided").await.unwrap();
    }
    assert_eq!(client.check_voucher(Partner::Momo, &code, sale, vnd(150_000)).await.unwrap().status, VoucherStatus::Valid);
    // The reversed key answers the reversed redemption; the next attempt redeems anew.
    assert_eq!(client.redemption(&req.idempotency_key).await.unwrap().unwrap().status, RedemptionStatus::Reversed);
    let again = RedeemRequest { idempotency_key: voucher::redemption_key(sale, Partner::Momo, &code, 2), ..req };
    let r2 = client.redeem_voucher(&again).await.unwrap();
    assert_ne!(r2.redemption_id, r.redemption_id);
    let e = client.reverse_voucher(Partner::Momo, "no-such-redemption", "x").await.unwrap_err();
    assert!(matches!(e, HubError::Refused { status: 404, .. }), "{e:?}");
}

#[tokio::test]
async fn a_partner_that_does_not_answer_is_retryable() {
    let (hub, client) = hub().await;
    let sale = Uuid::now_v7();
    let req = request(Partner::Giftpop, "GIFT-100K", sale, 100_000);
    hub.set_faults(Faults { partner_down: true, ..Faults::default() });
    let e = client.check_voucher(Partner::Giftpop, "GIFT-100K", sale, vnd(120_000)).await.unwrap_err();
    assert!(matches!(&e, HubError::PartnerUnavailable { partner, .. } if partner == "giftpop"), "{e:?}");
    assert!(e.retryable());
    assert_eq!(voucher_error(&e), Some(VoucherError::Unavailable { partner: "giftpop".into() }));
    assert!(matches!(client.redeem_voucher(&req).await, Err(HubError::PartnerUnavailable { .. })));
    // The lookup is the hub's own: it answers.
    assert_eq!(client.redemption(&req.idempotency_key).await.unwrap(), None);
    hub.set_faults(Faults::default());
    assert_eq!(client.redeem_voucher(&req).await.unwrap().status, RedemptionStatus::Redeemed);
}

#[tokio::test]
async fn answers_not_signed_by_our_hub_are_refused() {
    let (hub, client) = hub().await;
    let sale = Uuid::now_v7();
    hub.set_faults(Faults { bad_response_signature: true, ..Faults::default() });
    let e = client.check_voucher(Partner::Momo, "MOMO-50K", sale, vnd(120_000)).await.unwrap_err();
    assert_eq!(e, HubError::BadSignature);
    assert_eq!(voucher_error(&e), Some(VoucherError::Offline));
    // A redeem whose answer is refused may have happened: the key finds it afterwards.
    let req = request(Partner::Momo, "MOMO-50K", sale, 50_000);
    assert_eq!(client.redeem_voucher(&req).await.unwrap_err(), HubError::BadSignature);
    hub.set_faults(Faults::default());
    let found = client.redemption(&req.idempotency_key).await.unwrap().expect("the hub stored it");
    assert_eq!(client.redeem_voucher(&req).await.unwrap(), found);
}

#[tokio::test]
async fn no_hub_means_offline() {
    let (hub, client) = hub().await;
    drop(hub);
    let e = client.check_voucher(Partner::Momo, "MOMO-50K", Uuid::now_v7(), vnd(1)).await.unwrap_err();
    assert!(matches!(e, HubError::Network { .. }), "{e:?}");
    assert_eq!(voucher_error(&e).map(|v| v.code()), Some("err-voucher-offline"));
}

#[tokio::test]
async fn the_admin_endpoint_makes_fresh_codes() {
    let (hub, client) = hub().await;
    let http = reqwest::Client::new();
    let admin = format!("http://{}/admin/vouchers", hub.addr);
    let spec = serde_json::json!({"partner": "giftpop", "kind": "amount", "value": 30000, "conditions": "test"});
    let made: serde_json::Value = http.post(&admin).json(&spec).send().await.unwrap().json().await.unwrap();
    let code = made["code"].as_str().unwrap().to_string();
    assert!(code.starts_with("GIFT-T"), "{made}");
    let c = client.check_voucher(Partner::Giftpop, &code, Uuid::now_v7(), vnd(20_000)).await.unwrap();
    assert_eq!((c.status, c.kind, c.conditions.as_str()), (VoucherStatus::Valid, Some(VoucherKind::Amount(vnd(30_000))), "test"));
    let bad = http.post(&admin).json(&serde_json::json!({"partner": "momo", "value": -1})).send().await.unwrap();
    assert_eq!(bad.status(), 400);
    let listed: serde_json::Value = http.get(&admin).send().await.unwrap().json().await.unwrap();
    assert!(listed["vouchers"].as_array().unwrap().iter().any(|v| v["code"] == code.as_str()));
}
