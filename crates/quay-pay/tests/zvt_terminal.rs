//! The ZVT driver against the simulated terminal on a pseudo-terminal pair, with short
//! T3/T4 so the fault cases run in well under a second each. The simulator is strict: it
//! refuses commands with `84 6B` until the driver has registered with its password.
#![cfg(unix)]

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use quay_pay::zvt::{Config, Notice, Outcome, ZvtError, ZvtTerminal};
use quay_sim::zvt::{Approve, Faults, Script, ZvtSim, ZvtSimConfig};
use serialport::TTYPort;

const T3: Duration = Duration::from_millis(200);
const T4: Duration = Duration::from_millis(600);

const PASSWORD: u32 = 123456;

/// A terminal with password 123456 and the driver on its line, not registered yet.
fn unregistered() -> (ZvtSim, ZvtTerminal<TTYPort>) {
    let (sim, port) = ZvtSim::start_with(ZvtSimConfig { password: PASSWORD, ..ZvtSimConfig::default() }).expect("pty pair");
    let cfg = Config { password: PASSWORD, currency: 978, t3: T3, t4: T4, ..Config::default() };
    let zvt = ZvtTerminal::on_tty(port, cfg).expect("driver on the pty");
    (sim, zvt)
}

/// …registered when the line is opened, as the counter does.
fn setup() -> (ZvtSim, ZvtTerminal<TTYPort>) {
    let (sim, mut zvt) = unregistered();
    assert_eq!(zvt.register(PASSWORD, 978).unwrap().outcome, Outcome::Completed);
    (sim, zvt)
}

/// The commands the terminal received (not the ECR's `80 00 00` answers), as class+instr.
fn commands(sim: &ZvtSim) -> Vec<[u8; 2]> {
    sim.stats().received.iter().filter(|a| a[0] != 0x80).map(|a| [a[0], a[1]]).collect()
}

const AUTH: [u8; 2] = [0x06, 0x01];
const REG: [u8; 2] = [0x06, 0x00];

#[test]
fn registers_and_approves_with_details_prompts_and_receipt() {
    let (sim, mut zvt) = setup();
    assert!(sim.is_registered());
    let seen = Arc::new(Mutex::new(vec![]));
    let s2 = seen.clone();
    zvt.on_notice(move |n| s2.lock().unwrap().push(n.clone()));
    sim.script(Script::Approve(Approve {
        brand: "Mastercard".into(),
        pan: "5555********4444".into(),
        auth_code: "AB12CD".into(),
        trace: Some(982),
        receipt_no: Some(233),
    }));
    let tx = zvt.authorise(1250).unwrap();
    let Outcome::Approved(a) = tx.outcome else { panic!("not approved: {:?}", tx.outcome) };
    assert_eq!(a.amount, 1250);
    assert_eq!(a.currency, Some(978));
    assert_eq!(a.trace, Some(982));
    assert_eq!(a.receipt_no, Some(233));
    assert_eq!(a.brand.as_deref(), Some("Mastercard"));
    assert_eq!(a.masked_pan.as_deref(), Some("************4444"));
    assert_eq!(a.auth_code.as_deref(), Some("AB12CD"));
    assert_eq!(a.terminal_id, Some(sim.terminal_id()));
    assert!(a.time.is_some() && a.date.is_some());
    assert_eq!(a.rrn, None);
    let hints: Vec<&str> = tx.hints.iter().map(|h| h.text).collect();
    assert_eq!(hints, ["insert card", "enter PIN", "waiting for the bank"]);
    assert_eq!(tx.receipt.len(), 3);
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 6, "3 prompts + 3 print lines, live");
    assert!(matches!(seen[0], Notice::Status(h) if h.id == "zvt-status-insert-card"));
}

#[test]
fn issuer_decline_51() {
    let (sim, mut zvt) = setup();
    sim.script(Script::Decline { result_code: 0x33 });
    let tx = zvt.authorise(5000).unwrap();
    assert!(matches!(tx.outcome, Outcome::Declined { result_code: 51, .. }), "{:?}", tx.outcome);
}

#[test]
fn terminal_abort_is_a_terminal_error_not_a_decline() {
    let (sim, mut zvt) = setup();
    sim.script(Script::Decline { result_code: 0x6C });
    assert_eq!(zvt.authorise(5000).unwrap().outcome, Outcome::TerminalError { code: 0x6C });
}

#[test]
fn silent_terminal_is_not_delivered_after_three_t3() {
    let (sim, mut zvt) = setup();
    sim.script(Script::Silent);
    let t0 = Instant::now();
    let err = zvt.authorise(1000).unwrap_err();
    assert!(matches!(err, ZvtError::NotDelivered(_)), "{err}");
    assert!(t0.elapsed() >= T3 * 3, "three sends, each waiting T3");
    assert_eq!(commands(&sim), [REG, AUTH, AUTH, AUTH]);
    // The terminal is back for the next command.
    assert!(matches!(zvt.authorise(1000).unwrap().outcome, Outcome::Approved(_)));
}

#[test]
fn corrupt_crc_is_naked_and_the_resend_succeeds() {
    let (sim, mut zvt) = setup();
    sim.set_faults(Faults { corrupt_crc: 2, ..Faults::default() });
    let tx = zvt.authorise(700).unwrap();
    assert!(matches!(tx.outcome, Outcome::Approved(ref a) if a.amount == 700), "{:?}", tx.outcome);
    assert_eq!(sim.stats().naks_received, 2);
}

#[test]
fn withheld_ack_resends_up_to_three_times() {
    let (sim, mut zvt) = setup();
    sim.set_faults(Faults { withhold_ack: 2, ..Faults::default() });
    assert!(matches!(zvt.authorise(100).unwrap().outcome, Outcome::Approved(_)));
    assert_eq!(sim.stats().acks_withheld, 2);

    sim.set_faults(Faults { withhold_ack: 3, ..Faults::default() });
    let err = zvt.authorise(100).unwrap_err();
    assert!(matches!(err, ZvtError::NotDelivered(_)), "{err}");
    assert_eq!(sim.stats().acks_withheld, 5);
    assert_eq!(sim.journal().len(), 1, "the undelivered command was not booked");
}

#[test]
fn naks_resend_then_give_up() {
    let (sim, mut zvt) = setup();
    sim.set_faults(Faults { nak: 2, ..Faults::default() });
    assert!(matches!(zvt.authorise(100).unwrap().outcome, Outcome::Approved(_)));
    sim.set_faults(Faults { nak: 3, ..Faults::default() });
    let err = zvt.authorise(100).unwrap_err();
    assert!(err.to_string().contains("NAK"), "{err}");
    assert_eq!(sim.stats().naks_sent, 5);
}

#[test]
fn drop_mid_transaction_is_unknown_then_the_enquiry_tells() {
    let (sim, mut zvt) = setup();
    sim.script(Script::Drop { after_statuses: 2, then: Box::new(Script::Approve(Approve::brand("Visa"))) });
    let t0 = Instant::now();
    let tx = zvt.authorise(4200).unwrap();
    assert!(matches!(tx.outcome, Outcome::Unknown { .. }), "never assume declined: {:?}", tx.outcome);
    assert!(t0.elapsed() >= T4);
    assert_eq!(tx.hints.len(), 2);
    let booked = sim.last().unwrap();

    let q = zvt.status_enquiry().unwrap();
    let Outcome::Approved(a) = q.outcome else { panic!("{:?}", q.outcome) };
    assert_eq!((a.amount, a.receipt_no, a.trace), (4200, Some(booked.receipt_no), Some(booked.trace)));

    // The same when the terminal in fact declined.
    sim.script(Script::Drop { after_statuses: 1, then: Box::new(Script::Decline { result_code: 0x33 }) });
    assert!(matches!(zvt.authorise(4200).unwrap().outcome, Outcome::Unknown { .. }));
    assert!(matches!(zvt.repeat_receipt().unwrap().outcome, Outcome::Declined { result_code: 51, .. }));
}

#[test]
fn reversal_refund_and_end_of_day_totals() {
    let (sim, mut zvt) = setup();
    for (brand, amount) in [("Mastercard", 479), ("Mastercard", 479), ("Visa", 1000), ("girocard", 250), ("Visa", 300)] {
        sim.script(Script::Approve(Approve::brand(brand)));
        assert!(matches!(zvt.authorise(amount).unwrap().outcome, Outcome::Approved(_)));
    }
    // Reverse the last Visa payment by its receipt number.
    let last = sim.last().unwrap();
    let rev = zvt.reverse(last.receipt_no).unwrap();
    assert!(matches!(rev.outcome, Outcome::Approved(ref a) if a.amount == 300), "{:?}", rev.outcome);
    assert_eq!(zvt.reverse(999).unwrap().outcome, Outcome::TerminalError { code: 0x64 });
    assert!(matches!(zvt.refund(100).unwrap().outcome, Outcome::Approved(ref a) if a.amount == 100));
    sim.script(Script::Decline { result_code: 0x05 });
    assert!(matches!(zvt.authorise(9999).unwrap().outcome, Outcome::Declined { result_code: 5, .. }));

    let eod = zvt.end_of_day().unwrap();
    assert_eq!(eod.total, 479 * 2 + 1000 + 250);
    assert_eq!(eod.per_brand, vec![("girocard".to_string(), 1, 250), ("Eurocard".to_string(), 2, 958), ("Visa".to_string(), 1, 1000)]);
    assert_eq!(eod.receipt_range, Some((1, 8)));
    // A new day starts empty.
    let eod = zvt.end_of_day().unwrap();
    assert_eq!((eod.total, eod.per_brand.len()), (0, 0));
}

#[test]
fn abort_is_acknowledged() {
    let (_sim, mut zvt) = setup();
    assert_eq!(zvt.abort().unwrap().outcome, Outcome::Completed);
}

#[test]
fn accepted_then_silent_is_unknown_after_t4() {
    let (sim, mut zvt) = setup();
    sim.script(Script::Drop { after_statuses: 0, then: Box::new(Script::Approve(Approve::default())) });
    let t0 = Instant::now();
    let tx = zvt.authorise(1000).unwrap();
    assert_eq!(tx.outcome, Outcome::Unknown { reason: "T4 expired" });
    assert!(t0.elapsed() >= T4 && t0.elapsed() < T4 * 3);
}

#[test]
fn opens_a_device_by_path_8n2() {
    use quay_pay::zvt::Line;
    use serialport::SerialPort;
    let (sim, port) = ZvtSim::start_with(ZvtSimConfig { password: PASSWORD, ..ZvtSimConfig::default() }).expect("pty pair");
    let path = port.name().expect("the slave has a path");
    drop(port);
    let cfg = Config { password: PASSWORD, t3: T3, t4: T4, ..Config::default() };
    let mut zvt = ZvtTerminal::open(&path, &Line::default(), cfg).expect("open by path");
    assert_eq!(zvt.register(PASSWORD, 978).unwrap().outcome, Outcome::Completed);
    sim.script(Script::Approve(Approve::brand("girocard")));
    let Outcome::Approved(a) = zvt.authorise(2590).unwrap().outcome else { panic!() };
    assert_eq!((a.amount, a.brand.as_deref()), (2590, Some("girocard")));
}

#[test]
fn domain_money_is_checked_before_sending() {
    use quay_core::money::{Currency, Money};
    let (sim, mut zvt) = setup();
    assert!(matches!(zvt.pay(Money::new(100, Currency::Vnd)), Err(ZvtError::Amount { .. })));
    assert!(matches!(zvt.pay(Money::new(-100, Currency::Eur)), Err(ZvtError::Amount { .. })));
    assert_eq!(commands(&sim), [REG], "nothing but the registration reached the terminal");
    assert!(matches!(zvt.pay(Money::new(958, Currency::Eur)).unwrap().outcome, Outcome::Approved(ref a) if a.amount == 958));
}

#[test]
fn a_borrowing_callback_sees_the_prompts() {
    use quay_core::money::{Currency, Money};
    let (_sim, mut zvt) = setup();
    let mut texts = vec![];
    let tx = zvt
        .pay_with(Money::new(300, Currency::Eur), &mut |n| {
            if let Notice::Status(h) = n {
                texts.push(h.text)
            }
        })
        .unwrap();
    assert!(matches!(tx.outcome, Outcome::Approved(_)));
    assert_eq!(texts, ["insert card", "enter PIN", "waiting for the bank"]);
}

#[test]
fn a_repeated_completion_does_not_answer_the_next_payment() {
    let (sim, mut zvt) = setup();
    sim.set_faults(Faults { repeat_completion: 1, ..Faults::default() });
    assert!(matches!(zvt.authorise(100).unwrap().outcome, Outcome::Approved(_)));
    std::thread::sleep(Duration::from_millis(50)); // the repeat is on the line
    sim.script(Script::Decline { result_code: 0x33 });
    let tx = zvt.authorise(200).unwrap();
    assert!(matches!(tx.outcome, Outcome::Declined { result_code: 51, .. }), "{:?}", tx.outcome);
}

// ---- registration ----------------------------------------------------------------------

#[test]
fn the_strict_terminal_refuses_everything_but_enquiry_and_abort_until_registered() {
    let (sim, mut zvt) = unregistered();
    // Answered unregistered: status enquiry and abort.
    assert_eq!(zvt.status_enquiry().unwrap().outcome, Outcome::NoTransaction);
    assert_eq!(zvt.abort().unwrap().outcome, Outcome::Completed);
    assert_eq!(sim.stats().refused_unregistered, 0);
    assert!(!sim.is_registered());
    // A refused registration (another password) changes nothing.
    let r = zvt.register(654321, 978).unwrap();
    assert_eq!((r.outcome, r.refused), (Outcome::TerminalError { code: 0x83 }, Some(0x83)));
    assert!(!sim.is_registered());
    // A payment is refused `84 6B` before anything happens; registering again with the
    // same wrong password fails, so the refusal stands and nothing was sent twice.
    let tx = zvt.authorise(1000).unwrap();
    assert_eq!((tx.outcome, tx.refused, tx.registered_again), (Outcome::TerminalError { code: 0x6B }, Some(0x6B), false));
    assert_eq!(commands(&sim).iter().filter(|c| **c == AUTH).count(), 1, "{:02X?}", commands(&sim));
    assert!(sim.journal().is_empty(), "nothing booked");
    // With the right password everything is served.
    assert_eq!(zvt.register(PASSWORD, 978).unwrap().outcome, Outcome::Completed);
    assert!(matches!(zvt.authorise(1000).unwrap().outcome, Outcome::Approved(_)));
    assert!(matches!(zvt.refund(100).unwrap().outcome, Outcome::Approved(_)));
    assert_eq!(zvt.end_of_day().unwrap().total, 1000);
    assert_eq!(sim.stats().refused_unregistered, 1);
}

#[test]
fn a_forgotten_registration_is_renewed_and_the_refused_payment_sent_once_more() {
    let (sim, mut zvt) = setup();
    assert!(matches!(zvt.authorise(1000).unwrap().outcome, Outcome::Approved(_)));
    sim.forget_registration(); // the terminal was switched off and on
    let seen = Arc::new(Mutex::new(vec![]));
    let s2 = seen.clone();
    zvt.on_notice(move |n| s2.lock().unwrap().push(n.clone()));
    let before = commands(&sim).len();
    let tx = zvt.authorise(2500).unwrap();
    assert!(matches!(tx.outcome, Outcome::Approved(ref a) if a.amount == 2500), "{:?}", tx.outcome);
    assert!(tx.registered_again);
    assert_eq!(commands(&sim)[before..], [AUTH, REG, AUTH], "refused, registered, sent once more");
    assert_eq!(sim.journal().len(), 2, "exactly one payment of 2500 on the terminal");
    assert_eq!(sim.journal()[1].amount, 2500);
    {
        let seen = seen.lock().unwrap();
        assert_eq!(seen[0], Notice::RegisteredAgain, "told before the second send");
        assert!(matches!(seen[1], Notice::Status(_)));
    }
    // The same for the end-of-day, a reversal and an enquiry by repeat receipt.
    for run in 0..3 {
        sim.forget_registration();
        let refused = sim.stats().refused_unregistered;
        match run {
            0 => assert!(matches!(zvt.repeat_receipt().unwrap().outcome, Outcome::Approved(ref a) if a.amount == 2500)),
            1 => assert!(matches!(zvt.reverse(sim.last().unwrap().receipt_no).unwrap().outcome, Outcome::Approved(_))),
            _ => assert_eq!(zvt.end_of_day().unwrap().total, 1000),
        }
        assert_eq!(sim.stats().refused_unregistered, refused + 1);
    }
}

#[test]
fn a_6b_after_the_terminal_started_is_the_outcome_never_a_resend() {
    let (sim, mut zvt) = setup();
    // The terminal takes the payment, shows its prompts, then aborts with 6B.
    sim.script(Script::Decline { result_code: 0x6B });
    let before = commands(&sim).len();
    let tx = zvt.authorise(1000).unwrap();
    assert_eq!((tx.outcome, tx.refused, tx.registered_again), (Outcome::TerminalError { code: 0x6B }, None, false));
    assert!(!tx.hints.is_empty(), "it had started");
    assert_eq!(commands(&sim)[before..], [AUTH], "sent once, no registration, no re-send");
    assert_eq!(sim.journal().len(), 1);
}

#[test]
fn a_payment_refused_twice_is_sent_only_twice() {
    // A terminal that forgets each registration at once: the payment is refused, the
    // driver registers, the re-send is refused again — and there it stops.
    let (sim, mut zvt) = setup();
    sim.forget_registration();
    sim.set_faults(Faults { forget_registrations: 5, ..Faults::default() });
    let tx = zvt.authorise(1000).unwrap();
    assert_eq!((tx.outcome, tx.refused, tx.registered_again), (Outcome::TerminalError { code: 0x6B }, Some(0x6B), true));
    assert_eq!(commands(&sim)[1..], [AUTH, REG, AUTH], "one re-send, not a loop");
    assert!(sim.journal().is_empty());
}
