//! Card payments through Viva eftPOS orders against the Viva simulator: the counter's
//! journal, the order for the terminal's source, polling, and the enquiry after a crash.

use std::time::Duration;

use quay_app::terminals::VivaTerminal;
use quay_app::Counter;
use quay_core::payment::PaymentState;
use quay_core::tender::TenderKind;
use quay_pay::viva::VivaClient;
use quay_sim::viva::{start_viva_in_thread, RunningViva, TerminalOutcome as Pay, VivaConfig};

const DEMO: &[u8] = include_bytes!("../../../assets/demo-menu.json");
const SOURCE: &str = "A3-SN-0042";

fn terminal(viva: &RunningViva) -> VivaTerminal {
    let client =
        VivaClient::new(&viva.url, VivaConfig::SANDBOX_MERCHANT_ID, VivaConfig::SANDBOX_API_KEY).with_currency(quay_core::Currency::Vnd);
    VivaTerminal::new(client, SOURCE).with_timing(Duration::from_millis(50), Duration::from_secs(5))
}

/// A counter with the demo menu and, on its first opening, 2 × Phở bò in the cart of
/// the returned checkout.
fn counter(dir: &std::path::Path) -> (Counter, quay_app::Checkout) {
    let c = Counter::open(dir).unwrap();
    let co = c.checkout();
    if c.menu().is_err() {
        c.import_menu(&quay_app::Who::Setup, DEMO).unwrap();
        c.edit_cart(&co, &quay_app::Who::Setup, |cart, m, now| Ok(cart.add(m, "i-phobo", &[], 2, None, now)?)).unwrap();
    }
    (c, co)
}

/// The cashier presses F1 on terminal A3 once the order is there.
fn press_f1(viva: &RunningViva, outcome: Pay) {
    for _ in 0..100 {
        if viva.pay_newest(SOURCE, outcome).is_some() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("no order reached the terminal");
}

#[test]
fn an_order_for_the_source_paid_at_the_terminal_closes_the_sale() {
    let viva = start_viva_in_thread(VivaConfig::sandbox());
    let dir = tempfile::tempdir().unwrap();
    let (c, co) = counter(dir.path());
    let total = co.cart_snapshot().totals().unwrap().total.minor;
    let t = terminal(&viva);
    let result = std::thread::scope(|s| {
        s.spawn(|| press_f1(&viva, Pay::Approve));
        c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).unwrap()
    });
    let sale = result.sale.expect("paid in full");
    assert_eq!((sale.tenders[0].kind, sale.tenders[0].amount), (TenderKind::Card, total));
    let orders = viva.orders();
    assert_eq!(orders.len(), 1);
    assert_eq!(orders[0].amount_minor, total, "the order carries the exact amount");
    assert!(orders[0].merchant_trns.starts_with(&sale.id.to_string()), "keyed by the attempt");
    let p = &c.payments_on(&quay_app::Who::Setup, c.today()).unwrap()[0];
    assert_eq!(p.state, PaymentState::Approved);
    assert_eq!(p.details.provider_ref.as_deref(), Some(orders[0].order_code.to_string().as_str()));
}

#[test]
fn a_decline_cancels_the_order_and_the_next_attempt_pays() {
    let viva = start_viva_in_thread(VivaConfig::sandbox());
    let dir = tempfile::tempdir().unwrap();
    let (c, co) = counter(dir.path());
    let t = terminal(&viva);
    let err = std::thread::scope(|s| {
        s.spawn(|| press_f1(&viva, Pay::Decline));
        c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).unwrap_err()
    });
    assert!(err.code.starts_with("decline"), "{}", err.code);
    let sale = std::thread::scope(|s| {
        s.spawn(|| {
            // Wait for the second order, then pay it.
            for _ in 0..200 {
                if viva.orders().len() == 2 {
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            press_f1(&viva, Pay::Approve)
        });
        c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).unwrap().sale.unwrap()
    });
    assert_eq!(sale.tenders.len(), 1);
    let states: Vec<_> = c.payments_on(&quay_app::Who::Setup, c.today()).unwrap().iter().map(|p| p.state).collect();
    assert_eq!(states, [PaymentState::Declined, PaymentState::Approved]);
}

/// Viva says why a payment failed in ResponseEventId and the issuer's ResponseCode; the
/// cashier is told the reason and both codes (the bank asks for them), the journal keeps
/// them, and the payments list shows them. StatusId E is not a reason.
#[test]
fn a_viva_decline_is_told_with_its_reason_and_codes() {
    let viva = start_viva_in_thread(VivaConfig::sandbox());
    let dir = tempfile::tempdir().unwrap();
    let (c, co) = counter(dir.path());
    let t = terminal(&viva);
    let decline = |outcome: Pay, orders: usize| {
        std::thread::scope(|s| {
            s.spawn(|| {
                for _ in 0..200 {
                    if viva.orders().len() == orders {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                press_f1(&viva, outcome)
            });
            c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).unwrap_err()
        })
    };
    let err = decline(Pay::Decline, 1);
    assert_eq!(err.code, "decline-insufficient-funds");
    assert_eq!(c.message(&err), "Declined: insufficient funds (Viva 10051, bank code 51).");
    let p = &c.payments_on(&quay_app::Who::Setup, c.today()).unwrap()[0];
    assert_eq!(p.state, PaymentState::Declined);
    let d = &p.details;
    assert_eq!(
        (d.result_source.as_deref(), d.result_code.as_deref(), d.issuer_code.as_deref()),
        (Some("viva"), Some("10051"), Some("51")),
        "Viva's Event ID and the issuer's code are journaled, not the StatusId"
    );
    let view = c.decline_view(p).unwrap();
    assert_eq!(
        (view.reason, view.code.as_deref(), view.issuer_code.as_deref()),
        ("decline-insufficient-funds", Some("Viva 10051"), Some("51"))
    );

    // Viva's reason and the issuer's differ: both are said, each with its code, in the
    // counter's language.
    c.set_lang(quay_i18n::Lang::Vi).unwrap();
    let err = decline(Pay::DeclineWith { event_id: 10_301, response_code: Some(65) }, 2);
    assert_eq!(err.code, "decline-two-reasons");
    let text = c.message(&err);
    assert!(text.contains("(Viva 10301)") && text.contains("(65)") && text.contains("vượt hạn mức"), "{text}");
    // An Event ID we have no words for: declined by the bank, with the code.
    let err = decline(Pay::DeclineWith { event_id: 10_200, response_code: None }, 3);
    assert_eq!((err.code, c.message(&err).as_str()), ("decline-code", "Ngân hàng từ chối giao dịch (Viva 10200)."));
}

#[test]
fn after_a_crash_the_order_is_asked_not_charged_again() {
    let viva = start_viva_in_thread(VivaConfig::sandbox());
    let dir = tempfile::tempdir().unwrap();
    {
        // Nobody presses F1 within the (short) wait: the attempt ends cancelled or unknown,
        // never charged twice.
        let (c, co) = counter(dir.path());
        let t = VivaTerminal::new(
            VivaClient::new(&viva.url, VivaConfig::SANDBOX_MERCHANT_ID, VivaConfig::SANDBOX_API_KEY)
                .with_currency(quay_core::Currency::Vnd),
            SOURCE,
        )
        .with_timing(Duration::from_millis(20), Duration::from_millis(200));
        let err = c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).unwrap_err();
        assert!(err.code == "err-card-cancelled" || err.code == "err-card-unknown", "{}", err.code);
    }
    let (c, _) = counter(dir.path());
    let settled = c.resolve_payments(&quay_app::Who::Setup, &terminal(&viva)).unwrap();
    assert!(settled.iter().all(|p| p.state != PaymentState::Approved));
    assert_eq!(viva.orders().len(), 1, "no second order was created");
    assert!(c.sales_on(&quay_app::Who::Setup, c.today()).unwrap().is_empty());
}

#[test]
fn wrong_api_key_is_refused_and_nothing_is_charged() {
    let viva = start_viva_in_thread(VivaConfig::sandbox());
    let dir = tempfile::tempdir().unwrap();
    let (c, co) = counter(dir.path());
    let t = VivaTerminal::new(
        VivaClient::new(&viva.url, VivaConfig::SANDBOX_MERCHANT_ID, "wrong").with_currency(quay_core::Currency::Vnd),
        SOURCE,
    );
    assert_eq!(c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).unwrap_err().code, "err-card-cancelled");
    assert!(viva.orders().is_empty());
    assert!(c.resolve_payments(&quay_app::Who::Setup, &t).unwrap().is_empty(), "the failed attempt is final (cancelled)");
}

#[test]
fn voiding_a_viva_sale_refunds_the_transaction_once() {
    let viva = start_viva_in_thread(VivaConfig::sandbox());
    let dir = tempfile::tempdir().unwrap();
    let (c, co) = counter(dir.path());
    let t = terminal(&viva);
    let sale = std::thread::scope(|s| {
        s.spawn(|| press_f1(&viva, Pay::Approve));
        c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).unwrap().sale.unwrap()
    });
    let void = c.void_sale_refunding(sale.id, "wrong order", &t, &quay_app::Who::Setup, &quay_app::Who::Setup).unwrap();
    assert_eq!(void.total, -sale.total);
    assert_eq!(
        c.void_sale_refunding(sale.id, "again", &t, &quay_app::Who::Setup, &quay_app::Who::Setup).unwrap_err().code,
        "err-already-voided"
    );
    let refunds = viva.transactions().into_iter().filter(|t| t.parent_id.is_some()).count();
    assert_eq!(refunds, 1, "one refund at Viva");
}
