//! Wallet payments against the wallets' simulator (MoMo POS, ZaloPay, VNPAY-QR on
//! loopback, strict about signatures and ids): each scripted outcome through the use
//! cases, the journal's order ids, giving up and a late payment, refunds, and what is
//! refused before anything is sent.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use quay_app::{Checkout, Counter, Event, Who};
use quay_core::payment::{PaymentKind, PaymentState};
use quay_core::tender::TenderKind;
use quay_core::{Currency, Money};
use quay_pay::wallet::Wallet;
use quay_sim::wallet::{start_wallets_in_thread, Script, SimWallet, WalletConfig, WalletSimHandle, MOMO_SANDBOX_PUBLIC_KEY};

const DEMO: &[u8] = include_bytes!("../../../assets/demo-menu.json");
/// A MoMo payment code as the customer's app shows it.
const MOMO_CODE: &str = "MM123456789012345678";

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
    shop_on(WalletConfig::sandbox(), tune)
}

fn shop_on(config: WalletConfig, tune: impl FnOnce(&Counter)) -> Shop {
    let sim = start_wallets_in_thread(config);
    let dir = tempfile::tempdir().unwrap();
    let c = Counter::open(dir.path()).unwrap();
    c.import_menu(&Who::Setup, DEMO).unwrap();
    let cfg = WalletConfig::sandbox();
    for (k, v) in [
        ("wallet.poll_s", "1"),
        ("wallet.qr_deadline_s", "4"),
        ("wallet.momo.enabled", "true"),
        ("wallet.momo.url", sim.momo_url.as_str()),
        ("wallet.momo.partner_code", cfg.momo.partner_code.as_str()),
        ("wallet.momo.public_key", MOMO_SANDBOX_PUBLIC_KEY.trim()),
        ("wallet.momo.store_id", "QUAY01"),
        ("wallet.zalopay.enabled", "true"),
        ("wallet.zalopay.url", sim.zalopay_url.as_str()),
        ("wallet.zalopay.app_id", "2553"),
        ("wallet.vnpay.enabled", "true"),
        ("wallet.vnpay.url", sim.vnpay_url.as_str()),
        ("wallet.vnpay.merchant_code", cfg.vnpay.merchant_code.as_str()),
        ("wallet.vnpay.terminal_id", cfg.vnpay.terminal_id.as_str()),
    ] {
        c.set_setting(k, v).unwrap();
    }
    for (k, v) in [
        ("wallet.momo.access_key", cfg.momo.access_key.as_str()),
        ("wallet.momo.secret_key", cfg.momo.secret_key.as_str()),
        ("wallet.zalopay.key1", cfg.zalopay.key1.as_str()),
        ("wallet.zalopay.key2", cfg.zalopay.key2.as_str()),
        ("wallet.vnpay.secret", cfg.vnpay.secret.as_str()),
    ] {
        c.set_secret(k, v).unwrap();
    }
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
    /// Two iced coffees with milk: 70,000 ₫.
    fn ring(&self) {
        self.counter.edit_cart(&self.co, &Who::Setup, |cart, m, now| Ok(cart.add(m, "i-phoga", &[], 1, None, now).map(|_| ())?)).unwrap();
    }

    fn payments(&self) -> Vec<quay_store::PaymentRecord> {
        self.counter.payments_on(&Who::Setup, self.counter.today()).unwrap()
    }

    /// The QR shown last, waiting for it to appear.
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

fn vnd(minor: i64) -> Money {
    Money::new(minor, Currency::Vnd)
}

#[test]
fn momo_code_scan_pays_once_and_closes_the_sale_with_a_wallet_tender() {
    let s = shop();
    s.ring();
    let r = s.counter.pay_wallet(&s.co, &Who::Setup, Wallet::Momo, Some(&format!(" {MOMO_CODE}\r\n")), None).unwrap();
    let sale = r.sale.expect("the wallet paid it all");
    assert_eq!(sale.total, 60_000);
    let t = &sale.tenders[0];
    assert_eq!((t.kind, t.partner.as_deref(), t.amount), (TenderKind::Wallet, Some("momo"), 60_000));
    let p = &s.payments()[0];
    assert_eq!(p.state, PaymentState::Approved);
    let order = p.order_id.clone().expect("the merchant order id is journaled");
    let sim = s.sim.sim().order(SimWallet::Momo, &order).expect("MoMo knows the order by the journaled id");
    assert_eq!(t.reference.as_deref(), Some(sim.reference.as_str()), "the tender carries MoMo's transId");
    assert_eq!(s.sim.sim().total_charged(SimWallet::Momo), 60_000);
    // The receipt names the wallet and its transaction id, as the customer's app shows them.
    let receipt = s.counter.receipt_view(&Who::Setup, sale.id).unwrap();
    let text: Vec<String> = receipt.rows.iter().map(|r| format!("{:?}", r)).collect();
    assert!(text.iter().any(|r| r.contains("Wallet (MoMo)")), "{text:?}");
    assert!(text.iter().any(|r| r.contains(&sim.reference)), "{text:?}");
    // The journal tells each step.
    let log: Vec<String> = s.counter.payment_log(&Who::Setup, &p.key).unwrap().into_iter().map(|e| e.state).collect();
    assert_eq!(log, ["pending", "sent", "approved"]);
}

#[test]
fn a_decline_is_explained_with_its_code_and_a_new_attempt_gets_a_new_order_id() {
    let s = shop();
    s.ring();
    s.sim.sim().script_next(SimWallet::Momo, Script::Decline(1001));
    let e = s.counter.pay_wallet(&s.co, &Who::Setup, Wallet::Momo, Some(MOMO_CODE), None).unwrap_err();
    assert_eq!(e.code, "err-wallet-insufficient-funds");
    assert!(s.counter.message(&e).contains("1001"), "{}", s.counter.message(&e));
    assert_eq!(s.sim.sim().total_charged(SimWallet::Momo), 0);
    assert!(s.counter.sales_on(&Who::Setup, s.counter.today()).unwrap().is_empty(), "nothing closed");
    // The customer refreshes the code: attempt 2, under its own order id.
    let r = s.counter.pay_wallet(&s.co, &Who::Setup, Wallet::Momo, Some("MM876543210987654321"), None).unwrap();
    assert!(r.sale.is_some());
    let p = s.payments();
    assert_eq!(p.len(), 2);
    assert_ne!(p[0].order_id, p[1].order_id);
    assert_eq!(p[0].sale_id, p[1].sale_id, "one sale, two attempts");
    assert_eq!(s.sim.sim().total_charged(SimWallet::Momo), 60_000);
}

#[test]
fn lost_answers_and_repeats_are_settled_by_asking_the_same_order() {
    for script in
        [Script::LoseAnswerAfterSuccess, Script::DuplicateRequestId, Script::Authorize, Script::PayAfter(Duration::from_millis(1500))]
    {
        let s = shop();
        s.ring();
        s.sim.sim().script_next(SimWallet::Momo, script.clone());
        let r =
            s.counter.pay_wallet(&s.co, &Who::Setup, Wallet::Momo, Some(MOMO_CODE), None).unwrap_or_else(|e| panic!("{script:?}: {e:?}"));
        assert!(r.sale.is_some(), "{script:?}");
        assert_eq!(s.sim.sim().total_charged(SimWallet::Momo), 60_000, "{script:?}: charged once");
        assert_eq!(s.sim.sim().orders(SimWallet::Momo).len(), 1, "{script:?}: one order");
    }
}

#[test]
fn zalopay_and_vnpay_show_a_qr_the_customer_pays() {
    for (wallet, sim_wallet) in [(Wallet::ZaloPay, SimWallet::ZaloPay), (Wallet::Vnpay, SimWallet::Vnpay)] {
        let s = shop();
        s.ring();
        std::thread::scope(|scope| {
            let paying = scope.spawn(|| s.counter.pay_wallet(&s.co, &Who::Setup, wallet, None, None));
            let qr = s.wait_qr();
            assert!(qr.svg.starts_with("<?xml") || qr.svg.contains("<svg"), "the QR is drawn locally");
            assert_eq!(qr.amount.minor, 60_000);
            assert!(!qr.content.is_empty());
            // The customer display shows the QR while the payment waits.
            if s.counter.display_view(&s.co).mode != quay_app::display::Mode::Qr {
                panic!("{wallet:?}: no QR on the display; the payment ended {:?}", paying.join().unwrap().map(|r| r.key));
            }
            let order = s.counter.payments_on(&Who::Setup, s.counter.today()).unwrap()[0].order_id.clone().unwrap();
            assert!(s.sim.sim().customer_pays(sim_wallet, &order), "{wallet:?}: the customer pays {order}");
            let r = paying.join().unwrap().unwrap();
            assert!(r.sale.is_some(), "{wallet:?}");
        });
        assert_eq!(s.sim.sim().total_charged(sim_wallet), 60_000);
        let view = s.counter.display_view(&s.co);
        assert_eq!(view.mode, quay_app::display::Mode::Thanks, "{wallet:?}: thank you, with the amount");
        assert_eq!(view.thanks.unwrap().amount.minor, 60_000);
    }
}

#[test]
fn an_unpaid_qr_expires_at_the_wallet_before_a_retry() {
    let s = shop();
    s.ring();
    let e = s.counter.pay_wallet(&s.co, &Who::Setup, Wallet::ZaloPay, None, None).unwrap_err();
    assert_eq!(e.code, "err-wallet-expired", "{e:?}");
    let p = &s.payments()[0];
    assert!(p.state.is_final(), "the wallet closed it: {:?}", p.state);
    assert_eq!(s.sim.sim().total_charged(SimWallet::ZaloPay), 0);
    // Only now a new attempt (a new order id) may start.
    s.sim.sim().script_next(SimWallet::ZaloPay, Script::Pay);
    let r = s.counter.pay_wallet(&s.co, &Who::Setup, Wallet::ZaloPay, None, None).unwrap();
    assert!(r.sale.is_some());
}

#[test]
fn a_late_payment_after_giving_up_is_kept_and_refunded_by_a_manager() {
    let s = shop();
    s.ring();
    s.sim.sim().script_next(SimWallet::ZaloPay, Script::PayLate);
    std::thread::scope(|scope| {
        let paying = scope.spawn(|| s.counter.pay_wallet(&s.co, &Who::Setup, Wallet::ZaloPay, None, None));
        s.wait_qr();
        // The customer cannot pay by wallet now: cash is refused while the QR is live…
        s.counter.wallet_give_up(&Who::Setup).unwrap();
        let e = paying.join().unwrap().unwrap_err();
        assert_eq!(e.code, "err-wallet-gave-up");
    });
    // …but allowed once the cashier stopped waiting.
    let sale = s.counter.pay_cash(&s.co, &Who::Setup, Some(vnd(100_000))).unwrap();
    assert_eq!(sale.tenders[0].kind, TenderKind::Cash);
    // The wallet takes the late payment; the background asks and finds it.
    std::thread::sleep(Duration::from_secs(6));
    s.counter.ask_wallets_again(&Who::Setup).unwrap();
    let unused = s.counter.paid_unused(&Who::Setup).unwrap();
    assert_eq!(unused.len(), 1, "paid, not used: {:?}", s.payments());
    // The manager sees it among the open payments, to refund (not to settle by hand).
    let open = s.counter.open_payments(&Who::Setup).unwrap();
    assert!(open.iter().any(|p| p.key == unused[0].key && p.refund && p.state == "paid_unused"), "{open:?}");
    assert_eq!(s.sim.sim().total_charged(SimWallet::ZaloPay), 60_000);
    let refund = s.counter.refund_unused(&Who::Setup, &Who::Setup, &unused[0].key).unwrap();
    assert_eq!((refund.kind, refund.state), (PaymentKind::Refund, PaymentState::Approved));
    assert_eq!(s.sim.sim().total_charged(SimWallet::ZaloPay), 0, "given back through ZaloPay");
    assert!(s.counter.paid_unused(&Who::Setup).unwrap().is_empty());
}

#[test]
fn an_unknown_outcome_blocks_cash_until_the_wallet_answers() {
    let s = shop();
    s.ring();
    std::thread::scope(|scope| {
        let paying = scope.spawn(|| s.counter.pay_wallet(&s.co, &Who::Setup, Wallet::ZaloPay, None, None));
        s.wait_qr();
        // ZaloPay stops answering while the customer looks at the QR.
        s.sim.sim().set_down(SimWallet::ZaloPay, true);
        let e = paying.join().unwrap().unwrap_err();
        assert_eq!(e.code, "err-wallet-unknown", "{e:?}");
    });
    assert_eq!(s.payments()[0].state, PaymentState::Unknown);
    // The customer may have paid: closing the sale another way now could take twice.
    let e = s.counter.pay_cash(&s.co, &Who::Setup, None).unwrap_err();
    assert_eq!(e.code, "err-payment-unresolved");
    // ZaloPay is back and says the order expired unpaid: the sale may be paid now.
    s.sim.sim().set_down(SimWallet::ZaloPay, false);
    s.counter.ask_wallets_again(&Who::Setup).unwrap();
    assert!(s.payments()[0].state.is_final(), "{:?}", s.payments()[0]);
    s.counter.pay_cash(&s.co, &Who::Setup, None).unwrap();
    assert_eq!(s.sim.sim().total_charged(SimWallet::ZaloPay), 0);
}

#[test]
fn voiding_a_wallet_sale_refunds_through_the_wallet() {
    for (wallet, sim_wallet) in [(Wallet::Momo, SimWallet::Momo), (Wallet::ZaloPay, SimWallet::ZaloPay), (Wallet::Vnpay, SimWallet::Vnpay)]
    {
        let s = shop();
        s.ring();
        let sale = if wallet == Wallet::Momo {
            s.counter.pay_wallet(&s.co, &Who::Setup, wallet, Some(MOMO_CODE), None).unwrap().sale.unwrap()
        } else {
            s.sim.sim().script_next(sim_wallet, Script::Pay);
            s.counter.pay_wallet(&s.co, &Who::Setup, wallet, None, None).unwrap().sale.unwrap()
        };
        assert_eq!(s.sim.sim().total_charged(sim_wallet), 60_000);
        s.counter.void_paying_back(sale.id, "wrong table", &Who::Setup, &Who::Setup).unwrap_or_else(|e| panic!("{wallet:?}: {e:?}"));
        assert_eq!(s.sim.sim().total_charged(sim_wallet), 0, "{wallet:?}: given back through the wallet");
        let refund = s.payments().into_iter().find(|p| p.kind == PaymentKind::Refund).unwrap();
        assert_eq!(refund.state, PaymentState::Approved, "{wallet:?}");
        assert!(refund.order_id.is_some(), "a refund has its own id");
        assert_ne!(refund.order_id, s.payments()[0].order_id);
        assert_eq!(refund.refund_of.as_deref(), Some(s.payments()[0].key.as_str()));
    }
}

#[test]
fn a_late_payment_completes_the_sale_when_it_is_still_open() {
    let s = shop();
    s.ring();
    s.sim.sim().script_next(SimWallet::ZaloPay, Script::PayLate);
    std::thread::scope(|scope| {
        let paying = scope.spawn(|| s.counter.pay_wallet(&s.co, &Who::Setup, Wallet::ZaloPay, None, None));
        s.wait_qr();
        s.counter.wallet_give_up(&Who::Setup).unwrap();
        assert_eq!(paying.join().unwrap().unwrap_err().code, "err-wallet-gave-up");
    });
    // The customer pays after all, while the cart is still on the screen.
    std::thread::sleep(Duration::from_secs(6));
    s.counter.ask_wallets_again(&Who::Setup).unwrap();
    let sales = s.counter.sales_on(&Who::Setup, s.counter.today()).unwrap();
    assert_eq!(sales.len(), 1, "the sale is completed from the journal");
    assert_eq!(sales[0].sale.tenders[0].kind, TenderKind::Wallet);
    assert!(s.counter.paid_unused(&Who::Setup).unwrap().is_empty());
    // The screen starts afresh: its cart's sale is closed.
    assert!(s.counter.cart_view(&s.co, &Who::Setup).unwrap().lines.is_empty());
    assert_eq!(s.sim.sim().total_charged(SimWallet::ZaloPay), 60_000);
}

#[test]
fn bad_input_sends_nothing_and_journals_nothing() {
    let s = shop();
    s.ring();
    let cases: [(Wallet, Option<&str>, Option<Money>, &str); 6] = [
        (Wallet::Momo, Some("281234567890123456"), None, "err-wallet-code-unsupported"), // Alipay
        (Wallet::Momo, Some("134567890123456789"), None, "err-wallet-code-unsupported"), // WeChat Pay
        (Wallet::Momo, Some("hello"), None, "err-wallet-code-unknown"),
        (Wallet::Momo, None, None, "err-wallet-code-required"),
        (Wallet::Momo, Some(MOMO_CODE), Some(vnd(500)), "err-wallet-amount-limits"),
        (Wallet::ZaloPay, Some(MOMO_CODE), None, "err-wallet-no-code-scan"),
    ];
    for (w, code, amount, want) in cases {
        let e = s.counter.pay_wallet(&s.co, &Who::Setup, w, code, amount).unwrap_err();
        assert_eq!(e.code, want, "{w:?} {code:?}");
        assert!(!s.counter.message(&e).contains("err-"), "translated: {}", s.counter.message(&e));
    }
    assert!(s.payments().is_empty(), "nothing journaled");
    for w in [SimWallet::Momo, SimWallet::ZaloPay, SimWallet::Vnpay] {
        assert!(s.sim.sim().orders(w).is_empty(), "nothing sent to {w:?}");
    }
    // The kind of a code is said before sending.
    let v = s.counter.code_kind(&Who::Setup, "281234567890123456").unwrap();
    assert_eq!((v.wallet, v.supported), (Some("alipay"), false));
    let v = s.counter.code_kind(&Who::Setup, MOMO_CODE).unwrap();
    assert_eq!((v.wallet, v.supported), (Some("momo"), true));
}

#[test]
fn wallets_on_offer_and_their_connection_tests() {
    let s = shop();
    let names: Vec<&str> = s.counter.wallets(&Who::Setup).unwrap().iter().map(|w| w.name).collect();
    assert_eq!(names, ["momo", "zalopay", "vnpay"]);
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    for t in [quay_app::setup::Target::MomoPay, quay_app::setup::Target::Zalopay, quay_app::setup::Target::Vnpay] {
        let r = rt.block_on(s.counter.test_connection(&Who::Setup, t)).unwrap();
        assert!(r.ok, "{t:?}: {:?}", r.steps);
    }
    // A wrong key fails the test on the signed question.
    s.counter.set_secret("wallet.zalopay.key1", "not-the-key").unwrap();
    let r = rt.block_on(s.counter.test_connection(&Who::Setup, quay_app::setup::Target::Zalopay)).unwrap();
    assert!(!r.ok);
    assert_eq!(r.failed_step().unwrap().id, "setup-step-wallet-keys");
    // Disabled or unconfigured: not offered.
    s.counter.set_setting("wallet.vnpay.enabled", "false").unwrap();
    let names: Vec<&str> = s.counter.wallets(&Who::Setup).unwrap().iter().map(|w| w.name).collect();
    assert_eq!(names, ["momo", "zalopay"]);
}

/// POSTs `body` to the listener and returns the JSON answer.
fn post_json(url: &str, body: &str) -> serde_json::Value {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(async { reqwest::Client::new().post(url).body(body.to_string()).send().await.unwrap().json().await.unwrap() })
}

#[test]
fn a_callback_is_verified_answered_as_zalopay_requires_and_only_a_hint() {
    let key2 = WalletConfig::sandbox().zalopay.key2;
    let s = shop();
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
    let l = rt.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let addr = l.local_addr().unwrap();
    s.counter.set_setting("wallet.zalopay.callback.listen", &addr.to_string()).unwrap();
    let config = s.counter.wallet_callback_configs().unwrap().pop().expect("the ZaloPay listener is configured");
    rt.spawn(quay_app::wallets::serve(l, s.counter.clone(), config, std::future::pending()));
    let url = format!("http://{addr}{}", quay_pay::wallet::listener::ZALOPAY_PATH);
    let signed =
        |data: &str, key: &str| serde_json::json!({"data": data, "mac": quay_pay::wallet::zalopay::mac(key, data), "type": 1}).to_string();
    let data = |order: &str| {
        serde_json::json!({"app_id": 2553, "app_trans_id": order, "app_time": 1, "app_user": "quay", "amount": 60_000,
            "embed_data": "{}", "item": "[]", "zp_trans_id": 240101000001_i64, "server_time": 1, "channel": 38,
            "merchant_user_id": "", "user_fee_amount": 0, "discount_amount": 0})
        .to_string()
    };
    // A forged callback (not Key2's mac) is refused with -1 and changes nothing.
    let r = post_json(&url, &signed(&data("261202_deadbeef_1"), "not-key2"));
    assert_eq!(r["return_code"], -1);
    // A genuine callback for an order this counter never made: not ours, nothing recorded.
    let r = post_json(&url, &signed(&data("261202_deadbeef_1"), &key2));
    assert_eq!(r["return_code"], 0, "{r}");
    assert!(s.payments().is_empty());
    // A genuine callback for our order that claims a payment the wallet does not confirm:
    // the counter asks ZaloPay, which says it is still waiting — nothing is approved.
    s.ring();
    std::thread::scope(|scope| {
        let paying = scope.spawn(|| s.counter.pay_wallet(&s.co, &Who::Setup, Wallet::ZaloPay, None, None));
        s.wait_qr();
        let order = s.payments()[0].order_id.clone().unwrap();
        let r = post_json(&url, &signed(&data(&order), &key2));
        assert_eq!(r["return_code"], 1, "{r}");
        assert!(!s.payments()[0].state.is_final(), "a callback alone approves nothing");
        // The customer really pays; the poll finds it.
        assert!(s.sim.sim().customer_pays(SimWallet::ZaloPay, &order));
        assert!(paying.join().unwrap().unwrap().sale.is_some());
    });
    // A repeat of the callback after the sale closed changes nothing.
    let order = s.payments()[0].order_id.clone().unwrap();
    assert_eq!(post_json(&url, &signed(&data(&order), &key2))["return_code"], 1);
    assert_eq!(s.counter.sales_on(&Who::Setup, s.counter.today()).unwrap().len(), 1);
}

#[test]
fn day_end_counts_wallets_apart_from_cards_and_matches_a_statement_by_order_id() {
    let s = shop();
    s.ring();
    s.counter.pay_wallet(&s.co, &Who::Setup, Wallet::Momo, Some(MOMO_CODE), None).unwrap();
    let today = s.counter.today();
    let t = s.counter.day_totals(&Who::Setup, today).unwrap();
    assert_eq!(t.wallets["momo"].count, 1);
    assert_eq!(t.wallets["momo"].amount, 60_000);
    assert!(t.card_brands.is_empty(), "a wallet is not a card: {:?}", t.card_brands);
    // The report says it too.
    let csv = s.counter.day_report_csv(&Who::Setup, today).unwrap();
    assert!(csv.lines().any(|l| l.starts_with("wallet,momo,1,")), "{csv}");

    // MoMo's statement, mapped once by the manager: its order id column is our merchant
    // order id (the order code), its transaction id MoMo's.
    let p = &s.payments()[0];
    let mut preset = quay_app::dayend::Preset::builtin("generic").unwrap();
    preset.name = "momo-statement".into();
    preset.columns.order_code = Some(quay_app::dayend::Column::named(&["order_id"]));
    preset.columns.merchant_reference = None;
    s.counter.save_bank_preset(&Who::Setup, "momo-statement", &serde_json::to_string(&preset).unwrap()).unwrap();
    let file = format!(
        "transaction_id,order_id,terminal_id,date_time,card_scheme,masked_pan,amount,currency,auth_code,rrn,stan,type\n\
         MOMO-OTHER,some-other-order,,{at},MoMo,,60000,VND,,,,sale\n\
         {tx},{order},,{at},MoMo,,60000,VND,,,,sale\n",
        tx = "not-the-trans-id",
        order = p.order_id.as_deref().unwrap(),
        at = p.created_at,
    );
    s.counter.import_bank_file(&Who::Setup, today, file.as_bytes(), "momo-statement", Some("momo.csv")).unwrap();
    let rec = s.counter.bank_reconciliation(&Who::Setup, today).unwrap();
    let ours = rec.bank_lines.iter().find(|l| l.order_code == p.order_id).unwrap();
    assert_eq!(ours.outcome.category, quay_app::dayend::Category::Matched, "{:?}", ours.outcome);
    assert_eq!(ours.outcome.rule, Some(quay_app::dayend::Rule::Reference));
}

#[test]
fn without_vnpays_refund_api_the_void_waits_for_a_refund_made_in_the_portal() {
    let mut config = WalletConfig::sandbox();
    config.vnpay.refund_api = false;
    let s = shop_on(config, |_| {});
    s.ring();
    s.sim.sim().script_next(SimWallet::Vnpay, Script::Pay);
    let sale = s.counter.pay_wallet(&s.co, &Who::Setup, Wallet::Vnpay, None, None).unwrap().sale.unwrap();
    let e = s.counter.void_paying_back(sale.id, "wrong table", &Who::Setup, &Who::Setup).unwrap_err();
    assert_eq!(e.code, "err-wallet-refund-in-portal");
    assert!(s.counter.message(&e).contains("portal"), "{}", s.counter.message(&e));
    assert_eq!(s.counter.sale(&Who::Setup, sale.id).unwrap().status, quay_core::SaleStatus::Closed, "not voided yet");
    // The manager refunds in VNPAY's portal, then says so here (audited, with their PIN).
    let refund = s.payments().into_iter().find(|p| p.kind == PaymentKind::Refund).unwrap();
    assert_eq!(refund.state, PaymentState::Unknown);
    s.counter.settle_payment(&Who::Setup, &Who::Setup, &refund.key, true, "refunded in the VNPAY portal").unwrap();
    s.counter.void_paying_back(sale.id, "wrong table", &Who::Setup, &Who::Setup).unwrap();
    assert_eq!(s.payments().iter().filter(|p| p.kind == PaymentKind::Refund).count(), 1, "no second refund");
    // Who confirmed it is in the audit log (read straight from the database).
    let db = rusqlite::Connection::open(s._dir.path().join("quay.db")).unwrap();
    let settled: i64 = db
        .query_row("SELECT count(*) FROM audit_log WHERE action = 'payment.settle' AND subject = ?1", [&refund.key], |r| r.get(0))
        .unwrap();
    assert_eq!(settled, 1, "who confirmed the refund is recorded");
}

#[test]
fn a_counter_in_another_currency_offers_no_wallet() {
    let dir = tempfile::tempdir().unwrap();
    {
        let c = Counter::open(dir.path()).unwrap();
        c.set_setting("counter.currency", "EUR").unwrap();
        c.set_setting("wallet.momo.enabled", "true").unwrap();
    }
    let c = Counter::open(dir.path()).unwrap();
    assert!(c.wallets(&Who::Setup).unwrap().is_empty());
    let co = c.checkout();
    let e = c.pay_wallet(&co, &Who::Setup, Wallet::Momo, Some(MOMO_CODE), None).unwrap_err();
    assert_eq!(e.code, "err-wallet-currency");
    assert!(c.payments_on(&Who::Setup, c.today()).unwrap().is_empty());
}

#[test]
fn a_refused_question_is_not_a_declined_order() {
    let s = shop();
    s.ring();
    let order = std::thread::scope(|scope| {
        let paying = scope.spawn(|| s.counter.pay_wallet(&s.co, &Who::Setup, Wallet::ZaloPay, None, None));
        s.wait_qr();
        s.counter.wallet_give_up(&Who::Setup).unwrap();
        assert_eq!(paying.join().unwrap().unwrap_err().code, "err-wallet-gave-up");
        s.payments()[0].order_id.clone().unwrap()
    });
    // Key1 changed by mistake while the QR is still out: ZaloPay refuses the *question*
    // (-402); the order itself is still payable, so nothing is decided.
    s.counter.set_secret("wallet.zalopay.key1", "not-the-key").unwrap();
    s.counter.ask_wallets_again(&Who::Setup).unwrap();
    let p = &s.payments()[0];
    assert!(!p.state.is_final(), "a refused query declined the order: {p:?}");
    // The customer pays; with the right key back, the payment is found and the sale closes.
    assert!(s.sim.sim().customer_pays(SimWallet::ZaloPay, &order));
    s.counter.set_secret("wallet.zalopay.key1", &WalletConfig::sandbox().zalopay.key1).unwrap();
    s.counter.ask_wallets_again(&Who::Setup).unwrap();
    assert_eq!(s.payments()[0].state, PaymentState::Approved);
    assert_eq!(s.counter.sales_on(&Who::Setup, s.counter.today()).unwrap().len(), 1);
}

#[test]
fn zalopays_callback_with_a_bad_mac_is_refused_and_the_good_one_acknowledged() {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
    let l = rt.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let addr = l.local_addr().unwrap();
    let s = shop_with(|c| {
        c.set_setting("wallet.zalopay.callback.listen", &addr.to_string()).unwrap();
        let url = format!("http://{addr}{}", quay_pay::wallet::listener::ZALOPAY_PATH);
        c.set_setting("wallet.zalopay.callback.url", &url).unwrap();
    });
    let config = s.counter.wallet_callback_configs().unwrap().pop().unwrap();
    rt.spawn(quay_app::wallets::serve(l, s.counter.clone(), config, std::future::pending()));
    s.ring();
    s.sim.sim().script_next(SimWallet::ZaloPay, Script::CallbackBadSignature);
    std::thread::scope(|scope| {
        let paying = scope.spawn(|| s.counter.pay_wallet(&s.co, &Who::Setup, Wallet::ZaloPay, None, None));
        s.wait_qr();
        let order = s.payments()[0].order_id.clone().unwrap();
        assert!(s.sim.sim().customer_pays(SimWallet::ZaloPay, &order));
        assert!(paying.join().unwrap().unwrap().sale.is_some());
    });
    // ZaloPay's copy with a forged mac was answered -1 (not acknowledged), the genuine one 1.
    for _ in 0..100 {
        if s.sim.sim().deliveries().iter().any(|d| d.acknowledged) {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let d = s.sim.sim().deliveries();
    assert_eq!(d.first().map(|d| (d.bad_signature, d.acknowledged)), Some((true, false)), "{d:?}");
    assert!(d.iter().any(|d| !d.bad_signature && d.acknowledged), "{d:?}");
    assert_eq!(s.sim.sim().total_charged(SimWallet::ZaloPay), 60_000);
}
