//! The Alipay client against quay-sim's strict classic gateway (its own signing and
//! verification, contract §4 readings): the wire as a whole — query + form body, RSA2
//! both ways, `\/` in answers — and the flows the counter runs.

use std::time::Duration;

use chrono::NaiveDateTime;
use quay_pay::wallet::alipay::{AlipayClient, AlipayConfig, CancelOutcome, ShopInfo};
use quay_pay::wallet::{WalletError, WalletStatus};
use quay_sim::wallet::{start_wallets, AlipayScript, WalletConfig, WalletSimHandle, ALIPAY_APP_PRIVATE_KEY, ALIPAY_GATEWAY_PUBLIC_KEY};

fn beijing_now() -> NaiveDateTime {
    (chrono::Utc::now() + chrono::Duration::hours(8)).naive_utc()
}

async fn setup() -> (WalletSimHandle, AlipayClient) {
    let w = start_wallets(WalletConfig::sandbox()).await;
    let client = AlipayClient::new(AlipayConfig {
        url: w.alipay_url.clone(),
        app_id: w.alipay().config().app_id.clone(),
        app_private_key: ALIPAY_APP_PRIVATE_KEY.into(),
        alipay_public_key: ALIPAY_GATEWAY_PUBLIC_KEY.into(),
        notify_url: None,
        store_id: Some("QUAY01".into()),
        terminal_id: Some("till_1".into()),
        timeout: Duration::from_secs(5),
    })
    .unwrap();
    (w, client)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pay_query_refund_against_the_simulator() {
    let (w, c) = setup().await;
    let ts = beijing_now;
    w.alipay().script_next(AlipayScript::Pay);
    let pay = c.pay("S1_1", "286612345678901234", "Quay sale", 2406, ts()).await.unwrap();
    let WalletStatus::Paid { reference, amount } = pay.status() else { panic!("{pay:?}") };
    assert_eq!(amount, 2406);
    assert_eq!(c.query("S1_1", ts()).await.unwrap().status(), WalletStatus::Paid { reference: reference.clone(), amount: 2406 });

    let r = c.refund("S1_1", "S1_r1", 500, "return", ts()).await.unwrap();
    assert_eq!(r.status(), WalletStatus::Paid { reference: "S1_r1".into(), amount: 500 });
    assert_eq!(r.refund_fee_fen, Some(500));
    // A replay moves nothing: asked with the refund query, which says it is done.
    let again = c.refund("S1_1", "S1_r1", 500, "return", ts()).await.unwrap();
    assert_eq!(again.status(), WalletStatus::Waiting { code: "FUND_CHANGE_N".into() });
    assert!(matches!(c.refund_query("S1_1", "S1_r1", ts()).await.unwrap().status(), WalletStatus::Paid { .. }));
    assert!(matches!(c.refund_query("S1_1", "S1_r9", ts()).await.unwrap().status(), WalletStatus::NotFound { .. }));
    // Another amount under the same number.
    let other = c.refund("S1_1", "S1_r1", 600, "return", ts()).await.unwrap();
    assert!(matches!(other.status(), WalletStatus::Refused { ref code, .. } if code == "ACQ.DISCORDANT_REPEAT_REQUEST"), "{other:?}");
    // A second partial refund: refund_fee is cumulative.
    let second = c.refund("S1_1", "S1_r2", 300, "", ts()).await.unwrap();
    assert_eq!(second.refund_fee_fen, Some(800));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn confirming_then_cancel() {
    let (w, c) = setup().await;
    let ts = beijing_now;
    w.alipay().script_next(AlipayScript::PaysBeforeCancel);
    let pay = c.pay("S2_1", "286612345678901235", "Quay sale", 1000, ts()).await.unwrap();
    assert_eq!(pay.status(), WalletStatus::Waiting { code: "10003".into() });
    assert_eq!(c.query("S2_1", ts()).await.unwrap().status(), WalletStatus::Waiting { code: "WAIT_BUYER_PAY".into() });
    assert_eq!(c.cancel("S2_1", ts()).await.unwrap().outcome(), CancelOutcome::Refunded);

    w.alipay().script_next(AlipayScript::NeverPays);
    c.pay("S3_1", "286612345678901236", "Quay sale", 1000, ts()).await.unwrap();
    assert_eq!(c.cancel("S3_1", ts()).await.unwrap().outcome(), CancelOutcome::Closed);
    assert!(matches!(c.query("S3_1", ts()).await.unwrap().status(), WalletStatus::Declined { .. }));

    w.alipay().script_next(AlipayScript::InsufficientBalance);
    let d = c.pay("S4_1", "286612345678901237", "Quay sale", 1000, ts()).await.unwrap();
    assert!(matches!(d.status(), WalletStatus::Declined { ref code, .. } if code == "ACQ.BUYER_BALANCE_NOT_ENOUGH"), "{d:?}");

    w.alipay().script_next(AlipayScript::BadSignature);
    assert!(matches!(c.pay("S5_1", "286612345678901238", "Quay sale", 1000, ts()).await, Err(WalletError::BadSignature)));

    w.alipay().script_next(AlipayScript::Coupon { amount_fen: 400, merchant_contribute_fen: 0 });
    let p = c.pay("S6_1", "286612345678901239", "Quay sale", 2406, ts()).await.unwrap();
    assert!(matches!(p.status(), WalletStatus::Paid { amount: 2406, .. }), "{p:?}");
    assert_eq!(p.voucher_detail_list.len(), 1);
    assert_eq!(p.voucher_detail_list[0].amount_fen, Some(400));
    assert_eq!(p.buyer_pay_fen, Some(2006));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dynamic_qr_and_store_apis() {
    let (w, c) = setup().await;
    let ts = beijing_now;
    let qr = c.precreate("Q1_1", "Quay sale", 1500, "3m", ts()).await.unwrap();
    assert!(qr.qr_code.as_deref().is_some_and(|q| q.starts_with("https://")), "{qr:?}");
    assert_eq!(qr.status(), WalletStatus::Waiting { code: "10000".into() });
    assert!(matches!(c.query("Q1_1", ts()).await.unwrap().status(), WalletStatus::NotFound { .. }));
    assert!(w.alipay().customer_pays("Q1_1"));
    assert!(matches!(c.query("Q1_1", ts()).await.unwrap().status(), WalletStatus::Paid { amount: 1500, .. }));

    let v = c.voucher_query("ALIQ10", ts()).await.unwrap();
    assert!(v.usable(), "{v:?}");
    assert_eq!((v.amount_fen, v.floor_amount_fen), (Some(1000), Some(5000)));
    assert_eq!(c.voucher_query("ALIQEXP", ts()).await.unwrap().status.as_deref(), Some("EXPIRED"));

    let shop = ShopInfo {
        store_id: "QUAY01".into(),
        shop_name: "Quay Saigon".into(),
        shop_category: "B0001".into(),
        shop_type: "01".into(),
        province_code: "310000".into(),
        city_code: "310100".into(),
        district_code: "310101".into(),
        address: "1 Le Loi".into(),
        contact_mobile: Some("13800000000".into()),
        ip_role_id: None,
        ..Default::default()
    };
    let created = c.shop_create(&shop, ts()).await.unwrap();
    assert!(created.is_success(), "{created:?}");
    let order_id = created.order_id.clone().unwrap();
    let review = c.shop_order_query(&order_id, ts()).await.unwrap();
    assert!(review.review().is_some(), "{review:?}");
    let q = c.shop_query("QUAY01", ts()).await.unwrap();
    assert!(q.is_success() || q.sub_code.as_deref() == Some("SHOP_NOT_EXIST"), "{q:?}");
}
