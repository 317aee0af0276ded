//! Alipay merchant coupons against the wallets' simulator (Alipay's gateway on loopback,
//! `ordervoucher.query/use/refund` per contract §4): checked and applied like a hub
//! voucher, used once by `out_biz_no` at the close, the same use sent again after a lost
//! answer, refunded on a void or when the sale never closed; refusals use nothing; a
//! counter in đồng does not take them.

use quay_app::ring::{parse_line, Pay};
use quay_app::{keys, Checkout, Counter, Who};
use quay_core::tender::TenderKind;
use quay_core::voucher::{self, Partner};
use quay_core::{Currency, Money};
use quay_pay::wallet::alipay::{AlipayClient, AlipayConfig, DEFAULT_TIMEOUT};
use quay_sim::wallet::{
    start_wallets_in_thread, AlipayCoupon, CouponStatus, WalletConfig, WalletSimHandle, ALIPAY_APP_PRIVATE_KEY, ALIPAY_GATEWAY_PUBLIC_KEY,
    ALIPAY_SANDBOX_APP_ID,
};

const CNY_MENU: &[u8] = include_bytes!("../../../assets/demo-menu-cny.json");
const VND_MENU: &[u8] = include_bytes!("../../../assets/demo-menu.json");
const STORE_CODE: &str = "QUAY_SH01";

struct Shop {
    sim: WalletSimHandle,
    counter: Counter,
    co: Checkout,
    dir: tempfile::TempDir,
}

fn cny(fen: i64) -> Money {
    Money::new(fen, Currency::Cny)
}

/// A counter in yuan with Alipay configured against the simulator, its shop published
/// and (when `approved`) approved by Alipay.
fn shop_with(approved: bool) -> Shop {
    let sim = start_wallets_in_thread(WalletConfig::sandbox());
    let dir = tempfile::tempdir().unwrap();
    {
        // The currency is read when the counter opens.
        let c = Counter::open(dir.path()).unwrap();
        c.set_setting(keys::CURRENCY, "CNY").unwrap();
    }
    let c = Counter::open(dir.path()).unwrap();
    assert_eq!(c.config().currency, Currency::Cny);
    c.import_menu(&Who::Setup, CNY_MENU).unwrap();
    for (k, v) in [
        (keys::ALIPAY_ENABLED, "true"),
        (keys::ALIPAY_URL, sim.alipay_url.as_str()),
        (keys::ALIPAY_APP_ID, ALIPAY_SANDBOX_APP_ID),
        (keys::ALIPAY_PUBLIC_KEY, ALIPAY_GATEWAY_PUBLIC_KEY),
        (keys::ALIPAY_STORE_CODE, STORE_CODE),
        (keys::STORE_NAME, "Quay Tea House"),
        (keys::STORE_ADDRESS, "1 Nanjing Road"),
        (keys::STORE_CONTACT_NAME, "Li Wei"),
        (keys::STORE_CONTACT_PHONE, "13800001234"),
        (keys::ALIPAY_SHOP_CATEGORY, "B0001"),
        (keys::ALIPAY_PROVINCE, "310000"),
        (keys::ALIPAY_CITY, "310100"),
        (keys::ALIPAY_DISTRICT, "310101"),
    ] {
        c.set_setting(k, v).unwrap();
    }
    c.set_secret(keys::ALIPAY_APP_PRIVATE_KEY, ALIPAY_APP_PRIVATE_KEY).unwrap();
    c.alipay_store_publish(&Who::Setup).unwrap();
    if approved {
        assert!(sim.alipay().approve_shop(STORE_CODE));
        c.alipay_status(&Who::Setup).unwrap();
    }
    let co = c.checkout();
    Shop { sim, counter: c, co, dir }
}

fn shop() -> Shop {
    shop_with(true)
}

impl Shop {
    /// `n` passion-fruit cheesecakes at ¥12.00: n = 5 is ¥60.00.
    fn ring(&self, n: i64) {
        self.counter
            .edit_cart(&self.co, &Who::Setup, |cart, m, now| Ok(cart.add(m, "i-cheesecake", &[], n, None, now).map(|_| ())?))
            .unwrap();
    }

    fn shop_id(&self) -> String {
        self.sim.alipay().shop(STORE_CODE).and_then(|s| s.shop_id).expect("approved")
    }

    /// A client of our own, to act as another till (or as the answer that got lost).
    fn client(&self) -> AlipayClient {
        AlipayClient::new(AlipayConfig {
            url: self.sim.alipay_url.clone(),
            app_id: ALIPAY_SANDBOX_APP_ID.into(),
            app_private_key: ALIPAY_APP_PRIVATE_KEY.into(),
            alipay_public_key: ALIPAY_GATEWAY_PUBLIC_KEY.into(),
            notify_url: None,
            store_id: None,
            terminal_id: None,
            timeout: DEFAULT_TIMEOUT,
        })
        .unwrap()
    }

    /// Uses a coupon elsewhere (another till, another sale) under `out_biz_no`.
    fn use_elsewhere(&self, code: &str, out_biz_no: &str) {
        let activity = self.sim.alipay().coupon(code).unwrap().activity_id;
        let ts = quay_app::adapters::wallet::beijing(self.counter.now());
        let rt = tokio::runtime::Runtime::new().unwrap();
        let a = rt.block_on(self.client().voucher_use(&activity, code, out_biz_no, &self.shop_id(), None, ts)).unwrap();
        assert!(a.is_success(), "{a:?}");
    }

    fn uses(&self) -> Vec<quay_sim::wallet::AlipayCouponUse> {
        self.sim.alipay().coupon_uses()
    }
}

#[test]
fn a_coupon_pays_its_value_and_is_used_once_at_an_approved_shop() {
    let s = shop();
    s.ring(5); // ¥60.00
    let v = s.counter.check_voucher(&s.co, &Who::Setup, "alipay", "ALIQ10").unwrap();
    assert_eq!((v.partner, v.status, v.applies.as_ref().map(|m| m.minor)), ("alipay", "valid", Some(1_000)));
    assert_eq!(v.min_spend.as_ref().map(|m| m.minor), Some(5_000));
    assert!(s.uses().is_empty(), "a check uses nothing");
    s.counter.apply_voucher(&s.co, &Who::Setup, "alipay", "ALIQ10").unwrap();
    assert!(s.uses().is_empty(), "applying uses nothing");
    let pv = s.counter.payment_view(&s.co, &Who::Setup).unwrap();
    assert_eq!((pv.due.minor, pv.vouchers.len()), (5_000, 1));
    let sale = s.counter.pay_cash(&s.co, &Who::Setup, Some(cny(5_000))).unwrap();
    let t: Vec<_> = sale.tenders.iter().map(|t| (t.kind, t.amount, t.partner.clone())).collect();
    assert_eq!(t, vec![(TenderKind::Voucher, 1_000, Some("alipay".into())), (TenderKind::Cash, 5_000, None)]);
    let uses = s.uses();
    assert_eq!(uses.len(), 1);
    assert_eq!((uses[0].voucher_code.as_str(), uses[0].store_id.clone(), uses[0].refunded), ("ALIQ10", s.shop_id(), false));
    // out_biz_no is the redemption key, and the tender's reference.
    let key = voucher::redemption_key(sale.id, Partner::Alipay, "ALIQ10", 1);
    assert_eq!(uses[0].out_biz_no, key);
    assert_eq!(sale.tenders[0].reference.as_deref(), Some(key.as_str()));
    assert_eq!(s.sim.alipay().coupon("ALIQ10").unwrap().status, CouponStatus::Used);
    // Used now: checked again, it says so.
    let again = s.counter.check_voucher_code(&Who::Setup, "alipay", "ALIQ10", None).unwrap();
    assert_eq!(again.status, "used");
    assert!(again.refused.is_some_and(|m| m.contains("ALIQ10")));
}

#[test]
fn a_second_close_attempt_uses_nothing_twice() {
    let s = shop();
    s.ring(5);
    s.counter.apply_voucher(&s.co, &Who::Setup, "alipay", "ALIQ10").unwrap();
    s.counter.apply_voucher(&s.co, &Who::Setup, "alipay", "ALIQ5").unwrap();
    // ALIQ5 is used at another till between its check and this close.
    s.use_elsewhere("ALIQ5", "OTHER_TILL_1");
    let e = s.counter.pay_cash(&s.co, &Who::Setup, None).unwrap_err();
    assert_eq!(e.code, "err-voucher-used");
    assert!(s.counter.message(&e).contains("ALIQ5"));
    // ALIQ10 was used for this sale; the refused one is off the payment.
    assert_eq!(s.uses().iter().filter(|u| u.voucher_code == "ALIQ10").count(), 1);
    let pv = s.counter.payment_view(&s.co, &Who::Setup).unwrap();
    assert_eq!(pv.vouchers.iter().map(|v| v.code.as_str()).collect::<Vec<_>>(), ["ALIQ10"]);
    let sale = s.counter.pay_cash(&s.co, &Who::Setup, None).unwrap();
    assert_eq!(
        sale.tenders.iter().map(|t| (t.kind, t.amount)).collect::<Vec<_>>(),
        [(TenderKind::Voucher, 1_000), (TenderKind::Cash, 5_000)]
    );
    let ours: Vec<_> = s.uses().into_iter().filter(|u| u.voucher_code == "ALIQ10").collect();
    assert_eq!(ours.len(), 1, "the second close reused the first use");
    assert_eq!(sale.tenders[0].reference.as_deref(), Some(ours[0].out_biz_no.as_str()));
}

#[test]
fn a_lost_answer_is_settled_by_sending_the_same_use_again() {
    let s = shop();
    let sale_id = uuid::Uuid::now_v7();
    let heard_nothing = voucher::redemption_key(sale_id, Partner::Alipay, "ALIQ10", 1);
    {
        // The counter journaled the use and died; Alipay used the coupon, its answer lost.
        let mut store = quay_store::Store::open(&s.dir.path().join("quay.db")).unwrap();
        store.begin_redemption(&heard_nothing, sale_id, "alipay", "ALIQ10", 1_000, "CNY", "2026-11-22T10:00:00+08:00").unwrap();
    }
    s.use_elsewhere("ALIQ10", &heard_nothing);
    let settled = s.counter.resolve_vouchers(&Who::Setup).unwrap();
    let states: Vec<_> = settled.iter().filter(|r| r.key == heard_nothing).map(|r| r.state.as_str()).collect();
    // The same use answered "used" (nothing new), and its sale never closed: refunded.
    assert_eq!(states, ["redeemed", "reversed"]);
    let uses = s.uses();
    assert_eq!(uses.len(), 1, "the repeat used nothing more");
    assert!(uses[0].refunded);
    assert_eq!(s.sim.alipay().coupon("ALIQ10").unwrap().status, CouponStatus::Unused);
    assert!(s.counter.resolve_vouchers(&Who::Setup).unwrap().is_empty(), "settling twice changes nothing");
}

#[test]
fn a_void_refunds_the_coupons_use() {
    let s = shop();
    s.ring(5);
    s.counter.apply_voucher(&s.co, &Who::Setup, "alipay", "ALIQ10").unwrap();
    let sale = s.counter.pay_cash(&s.co, &Who::Setup, None).unwrap();
    let void = s.counter.void_sale(sale.id, "customer changed their mind", &Who::Setup, &Who::Setup).unwrap();
    assert!(void.tenders.iter().any(|t| t.kind == TenderKind::Voucher && t.amount == -1_000));
    let uses = s.uses();
    assert_eq!(uses.len(), 1);
    assert!(uses[0].refunded, "refunded at Alipay");
    assert_eq!(s.counter.check_voucher_code(&Who::Setup, "alipay", "ALIQ10", None).unwrap().status, "valid");
}

#[test]
fn refused_coupons_say_why_and_use_nothing() {
    let s = shop();
    assert!(s.sim.alipay().add_coupon(AlipayCoupon {
        voucher_code: "ALIQUSED".into(),
        activity_id: "ACT-QUAY-5".into(),
        name: "立减5元".into(),
        amount_fen: 500,
        floor_amount_fen: 0,
        status: CouponStatus::Used,
    }));
    s.ring(4); // ¥48.00: below ALIQ10's ¥50.00
    let cases = [
        ("ALIQEXP", "err-voucher-expired"),
        ("ALIQUSED", "err-voucher-used"),
        ("ALIQ10", "err-voucher-min-spend"),
        ("NOSUCHCOUPON", "err-voucher-not-found"),
    ];
    for (code, id) in cases {
        let e = s.counter.apply_voucher(&s.co, &Who::Setup, "alipay", code).unwrap_err();
        assert_eq!(e.code, id, "{code}");
        let text = s.counter.message(&e);
        assert!(text.contains(code) && !text.contains("err-"), "{code}: {text}");
        let v = s.counter.check_voucher(&s.co, &Who::Setup, "alipay", code).unwrap();
        assert!(v.applies.is_none() && v.refused.is_some(), "{code}");
    }
    assert!(s.counter.message(&s.counter.apply_voucher(&s.co, &Who::Setup, "alipay", "ALIQ10").unwrap_err()).contains("¥50.00"));
    assert!(s.counter.payment_view(&s.co, &Who::Setup).unwrap().vouchers.is_empty());
    assert!(s.uses().is_empty());
    assert_eq!(s.sim.alipay().coupon("ALIQ10").unwrap().status, CouponStatus::Unused);
}

#[test]
fn without_an_approved_shop_nothing_is_used() {
    let s = shop_with(false);
    s.ring(5);
    s.counter.apply_voucher(&s.co, &Who::Setup, "alipay", "ALIQ10").unwrap();
    let e = s.counter.pay_cash(&s.co, &Who::Setup, None).unwrap_err();
    assert_eq!(e.code, "err-coupon-no-shop");
    assert!(!s.counter.message(&e).contains("err-"));
    assert!(s.uses().is_empty());
    assert!(s.counter.resolve_vouchers(&Who::Setup).unwrap().is_empty(), "nothing was journaled");
}

#[test]
fn ringing_with_a_coupon_and_checking_one_from_the_command_line() {
    let s = shop();
    let lines = [parse_line("i-cheesecake*5").unwrap()];
    let pays = [quay_app::ring::parse_pay("voucher:alipay:ALIQ10").unwrap(), Pay::Cash(None)];
    assert_eq!(pays[0], Pay::Voucher("alipay".into(), "ALIQ10".into()));
    let sale = s.counter.ring_pays(&Who::Setup, &lines, &pays, None).unwrap();
    assert_eq!(
        sale.tenders.iter().map(|t| (t.kind, t.amount)).collect::<Vec<_>>(),
        [(TenderKind::Voucher, 1_000), (TenderKind::Cash, 5_000)]
    );
    assert_eq!(s.uses().len(), 1);
    let v = s.counter.check_voucher_code(&Who::Setup, "alipay", "ALIQ5", Some(cny(2_000))).unwrap();
    assert_eq!((v.status, v.value.map(|m| m.minor), v.applies.map(|m| m.minor)), ("valid", Some(500), Some(500)));
    assert_eq!(v.conditions, "立减5元");
}

#[test]
fn a_counter_in_dong_does_not_take_alipay_coupons() {
    let sim = start_wallets_in_thread(WalletConfig::sandbox());
    let dir = tempfile::tempdir().unwrap();
    let c = Counter::open(dir.path()).unwrap();
    c.import_menu(&Who::Setup, VND_MENU).unwrap();
    c.set_setting(keys::ALIPAY_ENABLED, "true").unwrap();
    c.set_setting(keys::ALIPAY_URL, &sim.alipay_url).unwrap();
    c.set_setting(keys::ALIPAY_APP_ID, ALIPAY_SANDBOX_APP_ID).unwrap();
    c.set_setting(keys::ALIPAY_PUBLIC_KEY, ALIPAY_GATEWAY_PUBLIC_KEY).unwrap();
    c.set_secret(keys::ALIPAY_APP_PRIVATE_KEY, ALIPAY_APP_PRIVATE_KEY).unwrap();
    let co = c.checkout();
    c.edit_cart(&co, &Who::Setup, |cart, m, now| Ok(cart.add(m, "i-phobo", &[], 1, None, now).map(|_| ())?)).unwrap();
    let e = c.apply_voucher(&co, &Who::Setup, "alipay", "ALIQ10").unwrap_err();
    assert_eq!(e.code, "err-coupon-alipay-off");
    assert!(!c.message(&e).contains("err-"));
    assert_eq!(c.check_voucher_code(&Who::Setup, "alipay", "ALIQ10", None).unwrap_err().code, "err-coupon-alipay-off");
    assert!(sim.alipay().coupon_uses().is_empty());
}
