//! Card payments on a ZVT terminal (the simulator on a pseudo-terminal pair) through the
//! counter's journal: approval with the terminal's details, an issuer decline, and a
//! transaction whose answer is lost, settled after a restart by asking the terminal. The
//! simulator is strict: it refuses commands (`84 6B`) until the counter has registered.

use std::time::Duration;

use quay_app::terminals::ZvtCardTerminal;
use quay_app::Counter;
use quay_core::payment::PaymentState;
use quay_core::tender::TenderKind;
use quay_pay::zvt::{Config, ZvtTerminal};
use quay_sim::zvt::{Approve, Faults, Script, ZvtSim};

const DEMO: &[u8] = include_bytes!("../../../assets/demo-menu.json");

fn config() -> Config {
    Config { currency: 704, t3: Duration::from_millis(300), t4: Duration::from_millis(800), ..Config::default() }
}

/// The terminal and the counter's driver on its line, registered when opened.
fn terminal() -> (ZvtSim, ZvtCardTerminal<serialport::TTYPort>) {
    let (sim, tty) = ZvtSim::start().unwrap();
    let mut driver = ZvtTerminal::on_tty(tty, config()).unwrap();
    quay_app::terminals::register_zvt(&mut driver, "pty").unwrap();
    (sim, ZvtCardTerminal::new(driver))
}

/// The commands the terminal received (not the counter's `80 00 00` answers).
fn commands(sim: &ZvtSim) -> Vec<[u8; 2]> {
    sim.stats().received.iter().filter(|a| a[0] != 0x80).map(|a| [a[0], a[1]]).collect()
}
const AUTH: [u8; 2] = [0x06, 0x01];
const REG: [u8; 2] = [0x06, 0x00];

/// A counter whose configured terminal (`terminal.kind`, `zvt.port`) is the simulator.
fn configured(dir: &std::path::Path, extra: &[(&str, &str)]) -> (ZvtSim, Counter, quay_app::Checkout) {
    use serialport::SerialPort;
    let (sim, tty) = ZvtSim::start().unwrap();
    let port = tty.name().unwrap();
    drop(tty); // the counter opens the device by its name
    let (c, co) = counter(dir);
    let mut settings = vec![("terminal.kind".to_string(), "zvt".to_string()), ("zvt.port".to_string(), port)];
    settings.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    c.save_settings(&quay_app::Who::Setup, &settings).unwrap();
    (sim, c, co)
}

/// A counter with the demo menu and, on its first opening, a Phở bò in the cart of the
/// returned checkout.
fn counter(dir: &std::path::Path) -> (Counter, quay_app::Checkout) {
    let c = Counter::open(dir).unwrap();
    let co = c.checkout();
    if c.menu().is_err() {
        c.import_menu(&quay_app::Who::Setup, DEMO).unwrap();
        c.edit_cart(&co, &quay_app::Who::Setup, |cart, m, now| Ok(cart.add(m, "i-phobo", &[], 1, None, now)?)).unwrap();
    }
    (c, co)
}

#[test]
fn approved_on_the_terminal_with_its_details_in_the_journal() {
    let (sim, t) = terminal();
    sim.script(Script::Approve(Approve { brand: "Mastercard".into(), ..Approve::default() }));
    let dir = tempfile::tempdir().unwrap();
    let (c, co) = counter(dir.path());
    let seen = std::sync::Mutex::new(Vec::new());
    let r = c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|s| seen.lock().unwrap().push(s.to_string())).unwrap();
    let sale = r.sale.unwrap();
    assert_eq!(sale.tenders[0].kind, TenderKind::Card);
    assert_eq!(sale.tenders[0].partner.as_deref(), Some("Mastercard"));
    let p = &c.payments_on(&quay_app::Who::Setup, c.today()).unwrap()[0];
    assert_eq!(p.state, PaymentState::Approved);
    assert!(p.details.trace.is_some() && p.details.receipt_no.is_some() && p.details.terminal_id.is_some(), "{:?}", p.details);
    assert_eq!(p.details.masked_pan.as_deref().map(|m| m.ends_with("1234")), Some(true));
    assert!(!seen.lock().unwrap().is_empty(), "the terminal's prompts reached the cashier");
    assert!(!p.details.print_lines.is_empty(), "the terminal's slip is kept with the payment");
    // …and survives a reopen (it is a column, not memory).
    drop(c);
    let (again, _) = counter(dir.path());
    assert_eq!(again.payments_on(&quay_app::Who::Setup, again.today()).unwrap()[0].details.print_lines, p.details.print_lines);
}

#[test]
fn an_issuer_decline_is_explained() {
    let (sim, t) = terminal();
    sim.script(Script::Decline { result_code: 0x33 }); // 51
    let dir = tempfile::tempdir().unwrap();
    let (c, co) = counter(dir.path());
    let err = c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).unwrap_err();
    assert_eq!(err.code, "decline-insufficient-funds");
    // The reason and the issuer's code: the bank asks for the code.
    assert_eq!(c.message(&err), "Declined: insufficient funds (51).");
    let p = &c.payments_on(&quay_app::Who::Setup, c.today()).unwrap()[0];
    assert_eq!((p.state, p.details.result_code.as_deref()), (PaymentState::Declined, Some("51")));
    assert_eq!(c.decline_view(p).unwrap().text, "Declined: insufficient funds (51).");
}

/// The terminal's own refusal (here 0x6E, card on the blocked list) is said with its code
/// too, marked as the terminal's so that it is not read as an issuer's code.
#[test]
fn a_terminal_refusal_is_explained_with_its_code() {
    let (sim, t) = terminal();
    sim.script(Script::Decline { result_code: 0x6E });
    let dir = tempfile::tempdir().unwrap();
    let (c, co) = counter(dir.path());
    let err = c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).unwrap_err();
    assert_eq!((err.code, c.message(&err).as_str()), ("zvt-error-card-blocked", "The card is blocked (ZVT 6E)."));
}

#[test]
fn a_lost_answer_is_asked_after_restart_never_charged_twice() {
    let (sim, t) = terminal();
    // The terminal books the payment, then the line goes quiet: T4 expires.
    sim.script(Script::Drop { after_statuses: 1, then: Box::new(Script::Approve(Approve::default())) });
    let dir = tempfile::tempdir().unwrap();
    {
        let (c, co) = counter(dir.path());
        assert_eq!(c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).unwrap_err().code, "err-card-unknown");
    }
    let (c, _) = counter(dir.path());
    let settled = c.resolve_payments(&quay_app::Who::Setup, &t).unwrap();
    assert_eq!(settled.iter().map(|p| p.state).collect::<Vec<_>>(), [PaymentState::Approved]);
    let rows = c.sales_on(&quay_app::Who::Setup, c.today()).unwrap();
    assert_eq!(rows.len(), 1, "the sale was completed from the journal");
    assert_eq!(sim.journal().len(), 1, "the terminal charged once");
}

#[test]
fn voiding_a_card_sale_reverses_it_on_the_terminal() {
    let (sim, t) = terminal();
    sim.script(Script::Approve(Approve::default()));
    let dir = tempfile::tempdir().unwrap();
    let (c, co) = counter(dir.path());
    let sale = c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).unwrap().sale.unwrap();
    let void = c.void_sale_refunding(sale.id, "customer changed their mind", &t, &quay_app::Who::Setup, &quay_app::Who::Setup).unwrap();
    assert_eq!(void.total, -sale.total);
    let refund = c
        .payments_on(&quay_app::Who::Setup, c.today())
        .unwrap()
        .into_iter()
        .find(|p| p.kind == quay_core::payment::PaymentKind::Refund)
        .unwrap();
    assert_eq!(refund.state, PaymentState::Approved);
    assert_eq!(sim.journal().len(), 2, "the payment and its reversal");
}

// ---- registration ----------------------------------------------------------------------

#[test]
fn the_configured_terminal_is_registered_when_its_line_opens() {
    let dir = tempfile::tempdir().unwrap();
    let (sim, c, co) = configured(dir.path(), &[("zvt.config", "ba")]);
    let t = c.card_terminal().unwrap();
    assert!(sim.is_registered(), "registered on opening, before any payment");
    let r = c.pay_card(&co, &quay_app::Who::Setup, t.as_ref(), None, &|_| {}).unwrap();
    assert!(r.sale.is_some());
    assert_eq!(commands(&sim), [REG, AUTH]);
    let reg = &sim.stats().received[0];
    assert_eq!(reg[3..], [0x00, 0x00, 0x00, 0xBA, 0x07, 0x04], "password 000000, config BA, currency 704 (VND)");
    assert_eq!(sim.stats().refused_unregistered, 0);
    let p = &c.payments_on(&quay_app::Who::Setup, c.today()).unwrap()[0];
    assert_eq!((p.state, p.attempt, p.details.message.as_deref()), (PaymentState::Approved, 1, None));
}

#[test]
fn a_wrong_password_is_refused_at_opening_and_nothing_is_journaled() {
    let dir = tempfile::tempdir().unwrap();
    let (sim, c, _) = configured(dir.path(), &[("zvt.password", "123456")]);
    let e = c.card_terminal().err().expect("refused");
    assert_eq!(e.code, "err-terminal-registration");
    assert!(quay_i18n::Localizer::new().unwrap().error(quay_i18n::Lang::En, &e).contains("83"));
    assert!(c.payments_on(&quay_app::Who::Setup, c.today()).unwrap().is_empty());
    assert!(!sim.is_registered() && sim.journal().is_empty());
}

#[test]
fn a_terminal_that_forgot_its_registration_gets_the_payment_once_as_one_attempt() {
    let dir = tempfile::tempdir().unwrap();
    let (sim, c, co) = configured(dir.path(), &[]);
    let t = c.card_terminal().unwrap();
    sim.forget_registration(); // switched off and on while the line was open
    let r = c.pay_card(&co, &quay_app::Who::Setup, t.as_ref(), None, &|_| {}).unwrap();
    assert!(r.sale.is_some(), "paid");
    assert_eq!(commands(&sim), [REG, AUTH, REG, AUTH], "refused before it ran, registered, sent once more");
    assert_eq!(sim.journal().len(), 1, "exactly one payment on the terminal");
    let payments = c.payments_on(&quay_app::Who::Setup, c.today()).unwrap();
    assert_eq!(payments.len(), 1, "one attempt");
    let p = &payments[0];
    assert_eq!((p.state, p.attempt), (PaymentState::Approved, 1));
    assert_eq!(p.details.message.as_deref(), Some(quay_app::terminals::REGISTERED_AGAIN));
    // The journal tells it in order: the note is written while the attempt is `sent`,
    // before the second send.
    let log = c.payment_log(&quay_app::Who::Setup, &p.key).unwrap();
    let states: Vec<&str> = log.iter().map(|e| e.state.as_str()).collect();
    assert_eq!(states, ["pending", "sent", "sent", "approved"]);
    assert_eq!(log[2].detail.as_ref().unwrap()["message"], quay_app::terminals::REGISTERED_AGAIN);
    assert_eq!(c.sales_on(&quay_app::Who::Setup, c.today()).unwrap().len(), 1);
}

#[test]
fn a_6b_after_the_terminal_started_is_a_decline_never_sent_again() {
    let (sim, t) = terminal();
    // The terminal takes the payment, prompts, then aborts with 6B.
    sim.script(Script::Decline { result_code: 0x6B });
    let dir = tempfile::tempdir().unwrap();
    let (c, co) = counter(dir.path());
    assert!(c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).is_err());
    assert_eq!(commands(&sim), [REG, AUTH], "sent once; no registration, no re-send");
    let p = &c.payments_on(&quay_app::Who::Setup, c.today()).unwrap()[0];
    assert_eq!((p.state, p.details.result_code.as_deref(), p.details.message.as_deref()), (PaymentState::Declined, Some("6B"), None));
    assert_eq!(c.payment_log(&quay_app::Who::Setup, &p.key).unwrap().len(), 3, "pending, sent, declined");
    assert_eq!(sim.journal().len(), 1);
}

#[test]
fn a_payment_still_refused_after_registering_again_is_declined_not_retried_again() {
    let (sim, t) = terminal();
    sim.forget_registration();
    sim.set_faults(Faults { forget_registrations: 3, ..Faults::default() });
    let dir = tempfile::tempdir().unwrap();
    let (c, co) = counter(dir.path());
    assert!(c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).is_err());
    assert_eq!(commands(&sim), [REG, AUTH, REG, AUTH]);
    let p = &c.payments_on(&quay_app::Who::Setup, c.today()).unwrap()[0];
    assert_eq!((p.state, p.details.result_code.as_deref()), (PaymentState::Declined, Some("6B")));
    assert!(sim.journal().is_empty(), "nothing ran on the terminal");
}

#[test]
fn after_a_restart_of_both_the_lost_answer_is_asked_after_registering_again() {
    let (sim, t) = terminal();
    sim.script(Script::Drop { after_statuses: 1, then: Box::new(Script::Approve(Approve::default())) });
    let dir = tempfile::tempdir().unwrap();
    {
        let (c, co) = counter(dir.path());
        assert_eq!(c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).unwrap_err().code, "err-card-unknown");
    }
    sim.forget_registration(); // the terminal restarted too
    let (c, _) = counter(dir.path());
    let settled = c.resolve_payments(&quay_app::Who::Setup, &t).unwrap();
    assert_eq!(settled.iter().map(|p| p.state).collect::<Vec<_>>(), [PaymentState::Approved]);
    assert_eq!(sim.journal().len(), 1, "charged once");
    assert_eq!(c.sales_on(&quay_app::Who::Setup, c.today()).unwrap().len(), 1);
}

#[test]
fn a_refused_repeat_receipt_is_never_read_as_a_decline() {
    let (sim, tty) = ZvtSim::start().unwrap();
    let second = tty.try_clone_native().unwrap();
    let mut driver = ZvtTerminal::on_tty(tty, config()).unwrap();
    quay_app::terminals::register_zvt(&mut driver, "pty").unwrap();
    let t = ZvtCardTerminal::new(driver);
    sim.script(Script::Drop { after_statuses: 1, then: Box::new(Script::Approve(Approve::default())) });
    let dir = tempfile::tempdir().unwrap();
    let (c, co) = counter(dir.path());
    assert_eq!(c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).unwrap_err().code, "err-card-unknown");
    drop(t);
    // Restarted, and the counter now has the wrong password: the repeat receipt is refused
    // `84 6B` and registering again fails. That refusal says nothing about the payment:
    // the status enquiry (answered unregistered) does.
    sim.forget_registration();
    let wrong = ZvtCardTerminal::new(ZvtTerminal::on_tty(second, Config { password: 999_999, ..config() }).unwrap());
    let settled = c.resolve_payments(&quay_app::Who::Setup, &wrong).unwrap();
    assert_eq!(settled.iter().map(|p| p.state).collect::<Vec<_>>(), [PaymentState::Approved], "never declined by a refusal");
    assert_eq!(sim.journal().len(), 1, "charged once");
    assert_eq!(c.sales_on(&quay_app::Who::Setup, c.today()).unwrap().len(), 1);
}

/// A terminal still busy with the killed counter's transaction may not answer the
/// registration of the restarted one: the open attempt is asked about all the same (the
/// enquiry is answered), where opening the terminal for a new payment is refused.
#[test]
fn open_attempts_are_asked_about_even_when_the_registration_is_not_answered() {
    let (sim, tty) = ZvtSim::start().unwrap();
    let mut driver = ZvtTerminal::on_tty(tty, config()).unwrap();
    quay_app::terminals::register_zvt(&mut driver, "pty").unwrap();
    sim.script(Script::Drop { after_statuses: 1, then: Box::new(Script::Approve(Approve::default())) });
    let dir = tempfile::tempdir().unwrap();
    let t = ZvtCardTerminal::new(driver);
    {
        let (c, co) = counter(dir.path());
        assert_eq!(c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).unwrap_err().code, "err-card-unknown");
    }
    let mut driver = t.into_driver();
    // The registration's frame and the link's two resends go unanswered.
    sim.set_faults(Faults { withhold_ack: 3, ..Faults::default() });
    assert_eq!(quay_app::terminals::register_zvt(&mut driver, "pty").unwrap_err().code, "err-terminal-unanswered");
    sim.set_faults(Faults { withhold_ack: 3, ..Faults::default() });
    quay_app::terminals::register_zvt_to_ask(&mut driver, "pty").unwrap();
    // A refusal is still one.
    let (_other, other_tty) = ZvtSim::start().unwrap();
    let mut wrong = ZvtTerminal::on_tty(other_tty, Config { password: 123456, ..config() }).unwrap();
    assert_eq!(quay_app::terminals::register_zvt_to_ask(&mut wrong, "pty").unwrap_err().code, "err-terminal-registration");

    let (c, _) = counter(dir.path());
    let settled = c.resolve_payments(&quay_app::Who::Setup, &ZvtCardTerminal::new(driver)).unwrap();
    assert_eq!(settled.iter().map(|p| p.state).collect::<Vec<_>>(), [PaymentState::Approved]);
    assert_eq!(sim.journal().len(), 1, "charged once");
    assert_eq!(c.sales_on(&quay_app::Who::Setup, c.today()).unwrap().len(), 1, "the sale completed from the journal");
}
