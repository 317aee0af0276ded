//! Card payments on a ZVT terminal (the simulator on a pseudo-terminal pair) through the
//! counter's journal: approval with the terminal's details, an issuer decline, and a
//! transaction whose answer is lost, settled after a restart by asking the terminal.

use std::time::Duration;

use quay_app::terminals::ZvtCardTerminal;
use quay_app::Counter;
use quay_core::payment::PaymentState;
use quay_core::tender::TenderKind;
use quay_pay::zvt::{Config, ZvtTerminal};
use quay_sim::zvt::{Approve, Script, ZvtSim};

const DEMO: &[u8] = include_bytes!("../../../assets/demo-menu.json");

fn terminal() -> (ZvtSim, ZvtCardTerminal<serialport::TTYPort>) {
    let (sim, tty) = ZvtSim::start().unwrap();
    let config = Config { currency: 704, t3: Duration::from_millis(300), t4: Duration::from_millis(800), ..Config::default() };
    (sim, ZvtCardTerminal::new(ZvtTerminal::on_tty(tty, config).unwrap()))
}

fn counter(dir: &std::path::Path) -> Counter {
    let c = Counter::open(dir).unwrap();
    if c.menu().is_err() {
        c.import_menu(DEMO).unwrap();
        c.edit_cart(|cart, m, now| Ok(cart.add(m, "i-phobo", &[], 1, None, now)?)).unwrap();
    }
    c
}

#[test]
fn approved_on_the_terminal_with_its_details_in_the_journal() {
    let (sim, t) = terminal();
    sim.script(Script::Approve(Approve { brand: "Mastercard".into(), ..Approve::default() }));
    let dir = tempfile::tempdir().unwrap();
    let c = counter(dir.path());
    let seen = std::sync::Mutex::new(Vec::new());
    let r = c.pay_card(&t, None, &|s| seen.lock().unwrap().push(s.to_string())).unwrap();
    let sale = r.sale.unwrap();
    assert_eq!(sale.tenders[0].kind, TenderKind::Card);
    assert_eq!(sale.tenders[0].partner.as_deref(), Some("Mastercard"));
    let p = &c.payments_on(c.today()).unwrap()[0];
    assert_eq!(p.state, PaymentState::Approved);
    assert!(p.details.trace.is_some() && p.details.receipt_no.is_some() && p.details.terminal_id.is_some(), "{:?}", p.details);
    assert_eq!(p.details.masked_pan.as_deref().map(|m| m.ends_with("1234")), Some(true));
    assert!(!seen.lock().unwrap().is_empty(), "the terminal's prompts reached the cashier");
    assert!(!p.details.print_lines.is_empty(), "the terminal's slip is kept with the payment");
    // …and survives a reopen (it is a column, not memory).
    drop(c);
    let again = counter(dir.path());
    assert_eq!(again.payments_on(again.today()).unwrap()[0].details.print_lines, p.details.print_lines);
}

#[test]
fn an_issuer_decline_is_explained() {
    let (sim, t) = terminal();
    sim.script(Script::Decline { result_code: 0x33 }); // 51
    let dir = tempfile::tempdir().unwrap();
    let c = counter(dir.path());
    assert_eq!(c.pay_card(&t, None, &|_| {}).unwrap_err().code, "decline-insufficient-funds");
    let p = &c.payments_on(c.today()).unwrap()[0];
    assert_eq!((p.state, p.details.result_code.as_deref()), (PaymentState::Declined, Some("51")));
}

#[test]
fn a_lost_answer_is_asked_after_restart_never_charged_twice() {
    let (sim, t) = terminal();
    // The terminal books the payment, then the line goes quiet: T4 expires.
    sim.script(Script::Drop { after_statuses: 1, then: Box::new(Script::Approve(Approve::default())) });
    let dir = tempfile::tempdir().unwrap();
    {
        let c = counter(dir.path());
        assert_eq!(c.pay_card(&t, None, &|_| {}).unwrap_err().code, "err-card-unknown");
    }
    let c = counter(dir.path());
    let settled = c.resolve_payments(&t).unwrap();
    assert_eq!(settled.iter().map(|p| p.state).collect::<Vec<_>>(), [PaymentState::Approved]);
    let rows = c.sales_on(c.today()).unwrap();
    assert_eq!(rows.len(), 1, "the sale was completed from the journal");
    assert_eq!(sim.journal().len(), 1, "the terminal charged once");
}

#[test]
fn voiding_a_card_sale_reverses_it_on_the_terminal() {
    let (sim, t) = terminal();
    sim.script(Script::Approve(Approve::default()));
    let dir = tempfile::tempdir().unwrap();
    let c = counter(dir.path());
    let sale = c.pay_card(&t, None, &|_| {}).unwrap().sale.unwrap();
    let void = c.void_sale_refunding(sale.id, "customer changed their mind", &t, &quay_app::Who::Setup).unwrap();
    assert_eq!(void.total, -sale.total);
    let refund = c.payments_on(c.today()).unwrap().into_iter().find(|p| p.kind == "refund").unwrap();
    assert_eq!(refund.state, PaymentState::Approved);
    assert_eq!(sim.journal().len(), 2, "the payment and its reversal");
}
