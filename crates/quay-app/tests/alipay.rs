//! Alipay at a CNY counter, against the strict Alipay simulator: each scripted buyer
//! through the use cases (code scan and dynamic QR), the query→cancel discipline, refunds,
//! what is refused before anything is sent, the notification listener, and the smart
//! store's onboarding (shop, products, order syncs).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use quay_app::{Checkout, Counter, Event, Who};
use quay_core::payment::{PaymentKind, PaymentState};
use quay_core::tender::TenderKind;
use quay_pay::wallet::Wallet;
use quay_sim::wallet::{
    start_wallets_in_thread, AlipayScript, NotifyForgery, TradeStatus, WalletConfig, WalletSimHandle, ALIPAY_APP_PRIVATE_KEY,
    ALIPAY_GATEWAY_PUBLIC_KEY, ALIPAY_SANDBOX_APP_ID,
};

const MENU: &[u8] = include_bytes!("../../../assets/demo-menu-cny.json");
/// An Alipay payment code as the customer's app shows it (18 digits starting 28).
const CODE: &str = "286612345678901234";

struct Shop {
    sim: WalletSimHandle,
    counter: Arc<Counter>,
    co: Checkout,
    qrs: Arc<Mutex<Vec<quay_app::wallets::ShownQr>>>,
    _dir: tempfile::TempDir,
}

fn shop() -> Shop {
    shop_with(|_| {})
}

fn shop_with(tune: impl FnOnce(&Counter)) -> Shop {
    shop_on(None, tune)
}

/// A clock the test moves (the counter's days).
struct TestClock(Arc<Mutex<chrono::DateTime<chrono::FixedOffset>>>);

impl quay_app::Clock for TestClock {
    fn now(&self) -> chrono::DateTime<chrono::FixedOffset> {
        *self.0.lock().unwrap()
    }
}

fn shop_on(clock: Option<Box<dyn quay_app::Clock>>, tune: impl FnOnce(&Counter)) -> Shop {
    let sim = start_wallets_in_thread(WalletConfig::sandbox());
    let dir = tempfile::tempdir().unwrap();
    {
        let c = Counter::open(dir.path()).unwrap();
        c.set_setting("counter.currency", "CNY").unwrap();
    }
    let c = match clock {
        Some(clock) => Counter::open_with(dir.path(), clock).unwrap(),
        None => Counter::open(dir.path()).unwrap(),
    };
    c.import_menu(&Who::Setup, MENU).unwrap();
    for (k, v) in [
        ("wallet.poll_s", "1"),
        ("wallet.qr_deadline_s", "4"),
        ("wallet.alipay.confirm_s", "10"),
        ("wallet.alipay.enabled", "true"),
        ("wallet.alipay.url", sim.alipay_url.as_str()),
        ("wallet.alipay.app_id", ALIPAY_SANDBOX_APP_ID),
        ("wallet.alipay.public_key", ALIPAY_GATEWAY_PUBLIC_KEY),
        ("wallet.alipay.store_code", "QUAY-SH-01"),
    ] {
        c.set_setting(k, v).unwrap();
    }
    c.set_secret("wallet.alipay.app_private_key", ALIPAY_APP_PRIVATE_KEY).unwrap();
    tune(&c);
    let qrs = Arc::new(Mutex::new(Vec::new()));
    let seen = qrs.clone();
    c.set_listener(move |e| {
        if let Event::WalletQr(q) = e {
            seen.lock().unwrap().push(q);
        }
    });
    let co = c.checkout();
    Shop { sim, counter: Arc::new(c), co, qrs, _dir: dir }
}

impl Shop {
    /// Two croissants: ¥19.00.
    fn ring(&self) {
        self.counter
            .edit_cart(&self.co, &Who::Setup, |cart, m, now| Ok(cart.add(m, "i-croissant", &[], 2, None, now).map(|_| ())?))
            .unwrap();
    }

    fn payments(&self) -> Vec<quay_store::PaymentRecord> {
        self.counter.payments_on(&Who::Setup, self.counter.today()).unwrap()
    }

    fn pay(&self, code: Option<&str>) -> quay_app::Result<quay_app::card::CardResult> {
        self.counter.pay_wallet(&self.co, &Who::Setup, Wallet::Alipay, code, None)
    }

    fn net(&self) -> i64 {
        self.sim.alipay().net_taken_fen()
    }

    fn wait_qr(&self) -> quay_app::wallets::ShownQr {
        for _ in 0..200 {
            if let Some(q) = self.qrs.lock().unwrap().last().cloned() {
                return q;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        panic!("no QR shown");
    }
}

#[test]
fn a_scanned_code_pays_once_confirmed_by_a_query_and_the_tender_carries_the_trade_no() {
    let s = shop();
    assert_eq!(
        s.counter.wallets(&Who::Setup).unwrap().iter().map(|w| (w.name, w.scan, w.qr)).collect::<Vec<_>>(),
        [("alipay", true, true)]
    );
    let kind = s.counter.code_kind(&Who::Setup, CODE).unwrap();
    assert_eq!((kind.wallet, kind.supported), (Some("alipay"), true), "{}", kind.message);
    s.ring();
    let sale = s.pay(Some(&format!(" {CODE}\r\n"))).unwrap().sale.expect("Alipay paid it all");
    assert_eq!(sale.total, 1900);
    let t = &sale.tenders[0];
    assert_eq!((t.kind, t.partner.as_deref(), t.amount), (TenderKind::Wallet, Some("alipay"), 1900));
    let p = &s.payments()[0];
    let order = p.order_id.clone().expect("the out_trade_no is journaled");
    assert!(order.len() <= 64 && order.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'), "{order}");
    let trade = s.sim.alipay().trade(&order).expect("Alipay knows the trade by the journaled number");
    assert_eq!(t.reference.as_deref(), Some(trade.trade_no.as_str()), "the tender carries Alipay's trade_no");
    assert_eq!((trade.paid_fen, s.net(), s.sim.alipay().calls(&order).0), (1900, 1900, 1));
    let log: Vec<String> = s.counter.payment_log(&Who::Setup, &p.key).unwrap().into_iter().map(|e| e.state).collect();
    assert_eq!(log, ["pending", "sent", "approved"]);
}

#[test]
fn the_customer_confirming_on_the_phone_is_polled_until_paid() {
    let s = shop();
    s.ring();
    s.sim.alipay().script_next(AlipayScript::ConfirmAfter(Duration::from_secs(2)));
    let sale = s.pay(Some(CODE)).unwrap().sale.expect("paid after the customer confirmed");
    assert_eq!(sale.tenders[0].amount, 1900);
    assert_eq!(s.net(), 1900);
}

#[test]
fn a_decline_is_explained_with_its_acq_code_and_a_new_attempt_gets_a_new_trade_number() {
    let s = shop();
    s.ring();
    s.sim.alipay().script_next(AlipayScript::InsufficientBalance);
    let e = s.pay(Some(CODE)).unwrap_err();
    assert_eq!(e.code, "alipay-acq-buyer-balance-not-enough");
    assert!(s.counter.message(&e).contains("ACQ.BUYER_BALANCE_NOT_ENOUGH"), "{}", s.counter.message(&e));
    assert_eq!(s.net(), 0);
    // A new code (the customer refreshed it): a new attempt, a new out_trade_no.
    let sale = s.pay(Some("286612345678901299")).unwrap().sale.unwrap();
    let orders: Vec<String> = s.payments().iter().filter_map(|p| p.order_id.clone()).collect();
    assert_eq!(orders.len(), 2);
    assert_ne!(orders[0], orders[1]);
    assert_eq!((sale.total, s.net()), (1900, 1900));
}

#[test]
fn a_customer_who_never_pays_is_cancelled_at_alipay_and_nothing_is_charged() {
    let s = shop();
    s.ring();
    s.sim.alipay().script_next(AlipayScript::NeverPays);
    let e = s.pay(Some(CODE)).unwrap_err();
    assert_eq!(e.code, "err-wallet-expired", "{e:?}");
    let p = &s.payments()[0];
    assert_eq!(p.state, PaymentState::Cancelled);
    let trade = s.sim.alipay().trade(p.order_id.as_deref().unwrap()).unwrap();
    assert_eq!(trade.status, TradeStatus::TradeClosed, "every trade ends paid or cancelled");
    assert_eq!(s.net(), 0);
}

#[test]
fn a_payment_made_as_the_cancel_arrives_is_refunded_and_never_shown_paid() {
    let s = shop();
    s.ring();
    s.sim.alipay().script_next(AlipayScript::PaysBeforeCancel);
    let e = s.pay(Some(CODE)).unwrap_err();
    assert_eq!(e.code, "err-wallet-refunded-on-cancel");
    let p = &s.payments()[0];
    assert_eq!(p.state, PaymentState::Declined);
    assert!(s.sim.alipay().trade(p.order_id.as_deref().unwrap()).unwrap().refunded_by_cancel);
    assert_eq!(s.net(), 0, "Alipay gave the money back");
    assert!(s.counter.sales_on(&Who::Setup, s.counter.today()).unwrap().is_empty(), "no sale closed");
}

#[test]
fn a_lost_or_unverifiable_answer_is_settled_by_a_query_never_by_a_second_pay() {
    for script in [AlipayScript::LoseAnswerAfterSuccess, AlipayScript::BadSignature] {
        let s = shop();
        s.ring();
        s.sim.alipay().script_next(script.clone());
        let sale = s.pay(Some(CODE)).unwrap_or_else(|e| panic!("{script:?}: {e:?}")).sale.expect("paid");
        let order = s.payments()[0].order_id.clone().unwrap();
        assert_eq!(s.sim.alipay().calls(&order).0, 1, "{script:?}: pay sent once");
        assert_eq!((sale.total, s.net()), (1900, 1900), "{script:?}");
    }
}

#[test]
fn a_system_error_without_a_trade_ends_cancelled_and_the_number_is_spent() {
    let s = shop();
    s.ring();
    s.sim.alipay().script_next(AlipayScript::SystemError);
    let e = s.pay(Some(CODE)).unwrap_err();
    assert_eq!(e.code, "err-wallet-expired");
    let order = s.payments()[0].order_id.clone().unwrap();
    assert!(s.sim.alipay().burnt().contains(&order), "the cancel spent the number");
    assert_eq!(s.net(), 0);
}

#[test]
fn a_coupon_alipay_applied_inside_the_payment_is_kept_with_it() {
    let s = shop();
    s.ring();
    s.sim.alipay().script_next(AlipayScript::Coupon { amount_fen: 500, merchant_contribute_fen: 500 });
    let sale = s.pay(Some(CODE)).unwrap().sale.unwrap();
    assert_eq!(sale.tenders[0].amount, 1900, "the order's amount is what the sale was paid");
    let p = &s.payments()[0];
    assert!(p.details.print_lines.iter().any(|l| l.contains("\"amount_fen\":500")), "{:?}", p.details.print_lines);
    // The receipt shows it under the Alipay tender, in the counter's language.
    let receipt = s.counter.receipt_view(&Who::Setup, sale.id).unwrap();
    let row = receipt.rows.iter().find(|r| r.text.contains("coupon")).unwrap_or_else(|| panic!("{:?}", receipt.rows));
    assert!(row.amount.as_deref().is_some_and(|a| a.contains("5.00")), "{row:?}");
}

#[test]
fn the_dynamic_qr_is_shown_and_paid_or_cancelled_at_its_deadline() {
    let s = shop();
    s.ring();
    let paid = std::thread::scope(|scope| {
        let paying = scope.spawn(|| s.pay(None));
        let qr = s.wait_qr();
        assert_eq!(qr.wallet, "alipay");
        assert!(qr.content.starts_with("https://qr.alipay.com/"), "{}", qr.content);
        assert!(qr.svg.starts_with("<?xml") || qr.svg.contains("<svg"), "drawn locally");
        let order = s.payments()[0].order_id.clone().unwrap();
        assert!(s.sim.alipay().customer_pays(&order));
        paying.join().unwrap()
    });
    assert_eq!(paid.unwrap().sale.unwrap().total, 1900);
    assert_eq!(s.net(), 1900);

    // Nobody scans: at the deadline the trade is cancelled, then a retry is offered.
    let s = shop();
    s.ring();
    let e = s.pay(None).unwrap_err();
    assert_eq!(e.code, "err-wallet-expired");
    let first = s.payments()[0].clone();
    assert_eq!(first.state, PaymentState::Cancelled);
    assert!(
        s.sim.alipay().burnt().contains(first.order_id.as_ref().unwrap())
            || s.sim.alipay().trade(first.order_id.as_ref().unwrap()).is_some_and(|t| t.status == TradeStatus::TradeClosed)
    );
    std::thread::scope(|scope| {
        let paying = scope.spawn(|| s.pay(None));
        s.qrs.lock().unwrap().clear();
        let _ = s.wait_qr();
        let orders: Vec<String> = s.payments().iter().filter_map(|p| p.order_id.clone()).collect();
        assert_eq!(orders.len(), 2, "a new trade number only after the old one was closed");
        assert!(s.sim.alipay().customer_pays(&orders[1]));
        assert!(paying.join().unwrap().unwrap().sale.is_some());
    });
    assert_eq!(s.net(), 1900);
}

#[test]
fn a_void_refunds_through_alipay_with_its_journaled_request_number() {
    let s = shop();
    s.ring();
    let sale = s.pay(Some(CODE)).unwrap().sale.unwrap();
    s.counter.void_paying_back(sale.id, "wrong table", &Who::Setup, &Who::Setup).unwrap();
    assert_eq!(s.net(), 0, "refunded");
    let refund = s.payments().into_iter().find(|p| p.kind == PaymentKind::Refund).expect("the refund is journaled");
    assert_eq!(refund.state, PaymentState::Approved);
    let request = refund.order_id.clone().unwrap();
    assert!(request.ends_with("_r1"), "{request}");
    let trade = s.sim.alipay().trade(s.payments()[0].order_id.as_deref().unwrap()).unwrap();
    assert_eq!(trade.refunded_fen, 1900);
}

#[test]
fn bad_input_is_refused_before_anything_is_sent() {
    let s = shop();
    s.ring();
    // A WeChat Pay code, a MoMo code, text: refused with words, nothing sent or journaled.
    for (code, id) in [
        ("134567890123456789", "err-wallet-code-unsupported"),
        ("MM123456789012345678", "err-wallet-code-other"),
        ("hello", "err-wallet-code-unknown"),
    ] {
        let e = s.pay(Some(code)).unwrap_err();
        assert_eq!(e.code, id, "{code}");
    }
    // Above Alipay's limit of 100,000,000 yuan.
    let e = s.counter.pay_wallet(
        &s.co,
        &Who::Setup,
        Wallet::Alipay,
        Some(CODE),
        Some(quay_core::Money::new(10_000_000_001, quay_core::Currency::Cny)),
    );
    assert_eq!(e.unwrap_err().code, "err-wallet-amount-limits");
    assert!(s.payments().is_empty());
    assert!(s.sim.alipay().trades().is_empty(), "nothing reached Alipay");
    // A VND counter does not offer Alipay.
    let dir = tempfile::tempdir().unwrap();
    let c = Counter::open(dir.path()).unwrap();
    c.set_setting("wallet.alipay.enabled", "true").unwrap();
    let e = c.pay_wallet(&c.checkout(), &Who::Setup, Wallet::Alipay, Some(CODE), None).unwrap_err();
    assert_eq!(e.code, "err-wallet-currency");
}

#[test]
fn a_key_signed_by_someone_else_fails_the_connection_test() {
    let s = shop();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let ok = rt.block_on(s.counter.test_connection(&Who::Setup, quay_app::setup::Target::Alipay)).unwrap();
    assert!(ok.ok, "{:?}", ok.steps);
    // Alipay's public key replaced by the app's own: every answer fails verification.
    s.counter.set_setting("wallet.alipay.public_key", quay_sim::wallet::ALIPAY_APP_PUBLIC_KEY).unwrap();
    let bad = rt.block_on(s.counter.test_connection(&Who::Setup, quay_app::setup::Target::Alipay)).unwrap();
    assert!(!bad.ok);
}

#[test]
fn notifications_are_verified_matched_and_answered_exactly() {
    let s = shop_with(|c| {
        c.set_setting("wallet.alipay.callback.listen", "127.0.0.1:0").unwrap();
    });
    let config =
        s.counter.wallet_callback_configs().unwrap().into_iter().find(|c| c.wallet == Wallet::Alipay).expect("listener configured");
    let listener = quay_app::rt::block_on(quay_pay::wallet::listener::bind(&config)).unwrap();
    let url = format!("http://{}{}", listener.local_addr().unwrap(), quay_pay::wallet::listener::ALIPAY_PATH);
    let counter = s.counter.clone();
    quay_app::rt::runtime().spawn(quay_app::wallets::serve(listener, counter, config, std::future::pending()));
    s.ring();
    std::thread::scope(|scope| {
        let paying = scope.spawn(|| s.pay(None));
        let _ = s.wait_qr();
        let order = s.payments()[0].order_id.clone().unwrap();
        for forgery in [NotifyForgery::BadSignature, NotifyForgery::OtherAmount(100), NotifyForgery::OtherAppId("2021000000000999".into())]
        {
            assert!(!s.sim.alipay().send_notify(&order, Some(&url), forgery.clone()), "{forgery:?} must not be answered `success`");
        }
        assert!(s.sim.alipay().customer_pays(&order));
        assert!(s.sim.alipay().send_notify(&order, Some(&url), NotifyForgery::Genuine), "a genuine one is answered `success`");
        assert!(paying.join().unwrap().unwrap().sale.is_some());
    });
}

/// The smart store's settings a shop needs.
fn store_settings(c: &Counter) {
    for (k, v) in [
        ("store.name", "Quay Café Shanghai"),
        ("store.address", "88 Century Avenue"),
        ("store.contact_name", "Li Wei"),
        ("store.contact_phone", "13800138000"),
        ("wallet.alipay.shop_category", "2015050700000000"),
        ("wallet.alipay.item_category", "201905210001"),
        ("wallet.alipay.province_code", "310000"),
        ("wallet.alipay.city_code", "310100"),
        ("wallet.alipay.district_code", "310115"),
    ] {
        c.set_setting(k, v).unwrap();
    }
}

#[test]
fn the_onboarding_checklist_is_asked_of_alipay_and_the_shop_is_published_once() {
    let s = shop_with(store_settings);
    let status = s.counter.alipay_status(&Who::Setup).unwrap();
    let step = |st: &quay_app::alipay::AlipayStatus, id: &str| st.steps.iter().find(|x| x.id == id).unwrap().ok;
    assert!(step(&status, "keys"));
    assert!(!step(&status, "store") && !status.ready);
    let first = s.counter.alipay_store_publish(&Who::Setup).unwrap();
    assert!(first.shop_id.is_none(), "asynchronous: approved after review");
    let again = s.counter.alipay_store_publish(&Who::Setup).unwrap();
    assert_eq!(first.order_id, again.order_id, "a repeat is the same request");
    assert_eq!(s.sim.alipay().shops().len(), 1);
    std::thread::sleep(Duration::from_millis(2200));
    let status = s.counter.alipay_status(&Who::Setup).unwrap();
    assert!(step(&status, "store"), "{:?}", status.steps);
    assert!(!step(&status, "trade_switch"), "the portal's switch is confirmed by a person");
    s.counter.alipay_confirm(&Who::Setup, "trade_switch").unwrap();
    assert!(step(&s.counter.alipay_status(&Who::Setup).unwrap(), "trade_switch"));
    assert_eq!(s.counter.alipay_confirm(&Who::Setup, "switch").unwrap_err().code, "err-alipay-confirm-what");
}

#[test]
fn products_are_published_by_sku_in_fen_and_only_changes_are_sent_again() {
    let s = shop_with(store_settings);
    let dry = s.counter.alipay_products_publish(&Who::Setup, true).unwrap();
    assert_eq!(dry.sent.len(), 52);
    assert_eq!(s.sim.alipay().item_calls(), (0, 0), "a dry run sends nothing");
    let r = s.counter.alipay_products_publish(&Who::Setup, false).unwrap();
    assert_eq!((r.sent.len(), r.refused.len()), (52, 0), "{:?}", r.refused);
    let item = s.sim.alipay().item("i-cfsd").expect("published under the item's id");
    assert_eq!(item.skus[0]["out_sku_id"], "CF-SD");
    assert_eq!(item.skus[0]["sale_price"], 950, "integer fen");
    let again = s.counter.alipay_products_publish(&Who::Setup, false).unwrap();
    assert_eq!((again.sent.len(), again.unchanged), (0, 52));
    assert_eq!(s.sim.alipay().item_calls(), (52, 0), "nothing sent again");
    let status = s.counter.alipay_status(&Who::Setup).unwrap();
    assert!(status.steps.iter().find(|x| x.id == "products").unwrap().ok);
}

#[test]
fn each_alipay_sale_is_synced_once_through_its_outbox_and_again_when_voided() {
    let s = shop();
    s.ring();
    let sale = s.pay(Some(CODE)).unwrap().sale.unwrap();
    // Alipay unreachable: the sync stays queued.
    s.sim.alipay().set_down(true);
    let r = s.counter.alipay_sync(&Who::Setup).unwrap();
    assert_eq!((r.synced, r.pending), (0, 1));
    s.sim.alipay().set_down(false);
    let r = s.counter.alipay_sync(&Who::Setup).unwrap();
    assert_eq!((r.synced, r.pending), (1, 0));
    let out_biz_no = sale.id.simple().to_string();
    let synced = s.sim.alipay().synced_order(&out_biz_no).expect("synced by the sale id");
    assert_eq!(synced.syncs, 1);
    assert_eq!(s.counter.alipay_sync(&Who::Setup).unwrap().synced, 0, "exactly once");
    s.counter.void_paying_back(sale.id, "wrong table", &Who::Setup, &Who::Setup).unwrap();
    assert_eq!(s.counter.alipay_sync(&Who::Setup).unwrap().synced, 1);
    let synced = s.sim.alipay().synced_order(&out_biz_no).unwrap();
    assert_eq!(synced.syncs, 2, "the same order, upserted");
}

#[test]
fn a_managers_partial_refund_goes_back_through_alipay_and_a_void_refunds_the_rest() {
    let s = shop();
    s.ring();
    let sale = s.pay(Some(CODE)).unwrap().sale.unwrap();
    let key = s.payments()[0].key.clone();
    let cny = |fen| quay_core::Money::new(fen, quay_core::Currency::Cny);
    assert_eq!(s.counter.refund_part(&Who::Setup, &Who::Setup, &key, cny(500), " ").unwrap_err().code, "err-refund-reason");
    let r = s.counter.refund_part(&Who::Setup, &Who::Setup, &key, cny(500), "cold croissant").unwrap();
    assert_eq!((r.state, r.amount), (PaymentState::Approved, 500));
    assert!(r.order_id.as_deref().unwrap().ends_with("_r1"), "its own out_request_no");
    assert_eq!(s.net(), 1400);
    // Never more than what is left.
    let e = s.counter.refund_part(&Who::Setup, &Who::Setup, &key, cny(1500), "again").unwrap_err();
    assert_eq!(e.code, "err-refund-amount");
    assert!(s.counter.message(&e).contains("14.00"), "{}", s.counter.message(&e));
    assert_eq!(s.net(), 1400, "nothing sent");
    // The day's totals count it against Alipay, apart from voids.
    let t = s.counter.day_totals(&Who::Setup, s.counter.today()).unwrap();
    assert_eq!((t.partial_refunds.count, t.partial_refunds.amount), (1, -500));
    assert_eq!((t.wallets["alipay"].amount, t.net), (1400, 1400));
    // A void gives back what is left, with a new request number.
    s.counter.void_paying_back(sale.id, "customer left", &Who::Setup, &Who::Setup).unwrap();
    assert_eq!(s.net(), 0);
    let refunds: Vec<_> = s.payments().into_iter().filter(|p| p.kind == PaymentKind::Refund).collect();
    assert_eq!(refunds.iter().map(|r| r.amount).collect::<Vec<_>>(), [500, 1400]);
    let t = s.counter.day_totals(&Who::Setup, s.counter.today()).unwrap();
    // The partial refund happened that day; the void counts only the 14.00 it gave back.
    assert_eq!((t.wallets["alipay"].amount, t.net, t.partial_refunds.count), (0, 0, 1));
    // Nothing left: a voided sale takes no partial refund.
    assert_eq!(s.counter.refund_part(&Who::Setup, &Who::Setup, &key, cny(100), "x").unwrap_err().code, "err-refund-sale-not-open");
}

#[test]
fn a_refused_question_declines_nothing_and_the_payment_is_still_found() {
    let s = shop();
    s.ring();
    std::thread::scope(|scope| {
        let paying = scope.spawn(|| s.pay(None));
        let _ = s.wait_qr();
        s.counter.wallet_give_up(&Who::Setup).unwrap();
        assert_eq!(paying.join().unwrap().unwrap_err().code, "err-wallet-gave-up");
    });
    let key = s.payments()[0].key.clone();
    let order = s.payments()[0].order_id.clone().unwrap();
    // A key changed by mistake: Alipay refuses every question (an unsigned 40002).
    s.counter.set_secret("wallet.alipay.app_private_key", quay_sim::wallet::ALIPAY_GATEWAY_PRIVATE_KEY).unwrap();
    s.counter.ask_wallets_again(&Who::Setup).unwrap();
    let p = s.payments().into_iter().find(|p| p.key == key).unwrap();
    assert!(!p.state.is_final(), "a refused question says nothing of the trade: {:?}", p.state);
    // The key put right, the customer paid after all: the sale completes from the journal.
    s.counter.set_secret("wallet.alipay.app_private_key", ALIPAY_APP_PRIVATE_KEY).unwrap();
    assert!(s.sim.alipay().customer_pays(&order));
    s.counter.ask_wallets_again(&Who::Setup).unwrap();
    let p = s.payments().into_iter().find(|p| p.key == key).unwrap();
    assert_eq!(p.state, PaymentState::Approved);
    assert_eq!(s.counter.sales_on(&Who::Setup, s.counter.today()).unwrap().len(), 1);
    assert_eq!(s.net(), 1900);
}

#[test]
fn a_partial_refund_counts_on_its_day_and_a_later_void_only_what_it_gave_back() {
    // The counter's clock is the real instant (Alipay checks request times) seen from an
    // offset where it is two minutes to midnight: five minutes on, it is the next day.
    let real = chrono::Utc::now();
    let secs = chrono::Timelike::num_seconds_from_midnight(&real) as i32;
    let offset = (23 * 3600 + 58 * 60 - secs).rem_euclid(86_400);
    let offset = if offset > 43_200 { offset - 86_400 } else { offset };
    let now = Arc::new(Mutex::new(real.with_timezone(&chrono::FixedOffset::east_opt(offset).unwrap())));
    let s = shop_on(Some(Box::new(TestClock(now.clone()))), |_| {});
    s.ring();
    let sale = s.pay(Some(CODE)).unwrap().sale.unwrap();
    let key = s.payments()[0].key.clone();
    let day1 = s.counter.today();
    s.counter.refund_part(&Who::Setup, &Who::Setup, &key, quay_core::Money::new(500, quay_core::Currency::Cny), "cold").unwrap();
    // Past midnight, the sale is voided: 14.00 goes back.
    *now.lock().unwrap() += chrono::Duration::minutes(5);
    s.counter.void_paying_back(sale.id, "complaint", &Who::Setup, &Who::Setup).unwrap();
    assert_eq!(s.net(), 0);
    let day2 = s.counter.today();
    assert_ne!(day1, day2);
    let t1 = s.counter.day_totals(&Who::Setup, day1).unwrap();
    let t2 = s.counter.day_totals(&Who::Setup, day2).unwrap();
    assert_eq!((t1.wallets["alipay"].amount, t1.net, t1.partial_refunds.amount), (1400, 1400, -500), "day 1 as it was closed");
    assert_eq!((t2.wallets["alipay"].amount, t2.net), (-1400, -1400), "the void counts what it gave back");
}

#[test]
fn the_refundable_payments_are_the_tenders_with_something_left() {
    let s = shop();
    s.ring();
    s.pay(Some(CODE)).unwrap();
    let list = s.counter.refundable_payments(&Who::Setup, s.counter.today()).unwrap();
    assert_eq!(list.iter().map(|r| r.left).collect::<Vec<_>>(), [1900]);
    let key = list[0].payment.key.clone();
    s.counter.refund_part(&Who::Setup, &Who::Setup, &key, quay_core::Money::new(1900, quay_core::Currency::Cny), "all of it").unwrap();
    assert!(s.counter.refundable_payments(&Who::Setup, s.counter.today()).unwrap().is_empty(), "nothing left");
}
