//! Printers (issue 19) against the strict ESC/POS simulator: a cash sale prints its drawer
//! pulse, its receipt and a ticket per kitchen station with that station's lines; a card
//! sale opens no drawer; a void prints cancellations; an out-of-paper printer keeps its
//! jobs (the others print) and prints each once when paper returns; a job caught sending
//! is printed again as a reprint; bad printer addresses are refused and a job for a
//! removed printer waits without blocking anyone.

use quay_app::ring::{parse_line, Pay};
use quay_app::{Counter, Who};
use quay_sim::escpos::{start_in_thread, PrinterConfig, PrinterFaults, PrinterSim, RunningPrinter};
use quay_store::print::{JobKind, JobState};

const DEMO: &[u8] = include_bytes!("../../../assets/demo-menu.json");

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

struct Shop {
    counter: Counter,
    receipt: RunningPrinter,
    hot: RunningPrinter,
    bar: RunningPrinter,
    _dir: tempfile::TempDir,
}

fn shop() -> Shop {
    let dir = tempfile::tempdir().unwrap();
    let c = Counter::open(dir.path()).unwrap();
    c.import_menu(&Who::Setup, DEMO).unwrap();
    let receipt = start_in_thread(PrinterSim::new(PrinterConfig::new("receipt")));
    let hot = start_in_thread(PrinterSim::new(PrinterConfig::new("hot")));
    let bar = start_in_thread(PrinterSim::new(PrinterConfig { width_dots: 384, ..PrinterConfig::new("bar") }));
    c.save_settings(
        &Who::Setup,
        &pairs(&[
            ("store.name", "Quán Lan"),
            ("printer.receipt", &receipt.url),
            ("printer.kitchen.hot", &hot.url),
            ("printer.kitchen.hot.categories", "c-food"),
            ("printer.kitchen.bar", &bar.url),
            ("printer.kitchen.bar.width", "58"),
            ("printer.kitchen.bar.categories", "c-coffee, c-tea"),
        ]),
    )
    .unwrap();
    Shop { counter: c, receipt, hot, bar, _dir: dir }
}

fn ring(c: &Counter, lines: &[&str], pay: Pay) -> quay_core::Sale {
    let lines: Vec<_> = lines.iter().map(|l| parse_line(l).unwrap()).collect();
    c.ring(&Who::Setup, &lines, &pay).unwrap()
}

fn jobs(c: &Counter) -> Vec<(JobKind, String, JobState)> {
    let mut all: Vec<_> =
        c.print_jobs(&Who::Setup, 100).unwrap().into_iter().map(|j| (j.job.kind, j.job.printer.clone(), j.job.state)).collect();
    all.reverse();
    all
}

#[test]
fn a_cash_sale_opens_the_drawer_prints_its_receipt_and_each_station_its_lines() {
    let s = shop();
    let c = &s.counter;
    let sale = ring(c, &["i-phobo*2", "i-cfsd+o-size-m+o-sugar-50+o-ice-less", "i-croissant"], Pay::Cash(None));
    // Journaled with the sale, before any printer heard of it.
    assert_eq!(
        jobs(c),
        [
            (JobKind::Drawer, "receipt".into(), JobState::Queued),
            (JobKind::Receipt, "receipt".into(), JobState::Queued),
            (JobKind::Kitchen, "kitchen.bar".into(), JobState::Queued),
            (JobKind::Kitchen, "kitchen.hot".into(), JobState::Queued),
        ]
    );
    let round = c.print_pending().unwrap();
    assert_eq!((round.done, round.failed, round.waiting), (4, 0, 0));
    assert!(jobs(c).iter().all(|j| j.2 == JobState::Done));

    // The receipt printer: one pulse on pin 2, one page (the receipt, raster, cut).
    let pulses = s.receipt.pulses();
    assert_eq!(pulses.len(), 1);
    assert_eq!(pulses[0].pin, 2);
    let pages = s.receipt.wait_pages(1, std::time::Duration::from_secs(5));
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0].width_dots, 576);
    assert!(pages[0].cut.is_some());
    assert!(!pages[0].images.is_empty(), "the receipt is a raster image");
    assert!(pages[0].height_dots > 400, "header, lines, totals and the QR: {}", pages[0].height_dots);
    // Each station got one ticket; the bar's at its 58 mm width.
    assert_eq!(s.hot.wait_pages(1, std::time::Duration::from_secs(5)).len(), 1);
    let bar = s.bar.wait_pages(1, std::time::Duration::from_secs(5));
    assert_eq!(bar[0].width_dots, 384);
    assert!(s.hot.errors().is_empty() && s.bar.errors().is_empty() && s.receipt.errors().is_empty());

    // A sale with no kitchen item makes no ticket (a card sale's missing drawer pulse is
    // the routing's unit test: this counter has no card terminal).
    let before = jobs(c).len();
    ring(c, &["i-croissant"], Pay::Cash(None));
    assert_eq!(jobs(c).len(), before + 2, "drawer and receipt only");
    c.print_pending().unwrap();

    // A void sends each station that cooked a cancellation.
    c.void_sale(sale.id, "customer left", &Who::Setup, &Who::Setup).unwrap();
    let cancels: Vec<_> = jobs(c).into_iter().filter(|j| j.0 == JobKind::KitchenCancel).map(|j| j.1).collect();
    assert_eq!(cancels, ["kitchen.bar", "kitchen.hot"]);
    c.print_pending().unwrap();
    assert_eq!(s.hot.wait_pages(2, std::time::Duration::from_secs(5)).len(), 2);
    assert_eq!(s.receipt.pulses().len(), 2, "the croissant's cash, and no pulse for the void");
}

#[test]
fn out_of_paper_keeps_the_jobs_the_others_print_and_each_prints_once_when_paper_returns() {
    let s = shop();
    let c = &s.counter;
    s.hot.set_faults(PrinterFaults { paper_out: true, ..PrinterFaults::default() });
    ring(c, &["i-phobo", "i-cfsd+o-size-m+o-sugar-50+o-ice-less"], Pay::Cash(None));
    ring(c, &["i-phobo*3"], Pay::Cash(None));
    let round = c.print_pending().unwrap();
    assert_eq!(round.waiting, 2, "both kitchen tickets wait: {round:?}");
    // The receipt printer and the bar did not wait for the kitchen.
    assert_eq!(s.receipt.wait_pages(2, std::time::Duration::from_secs(5)).len(), 2);
    assert_eq!(s.bar.wait_pages(1, std::time::Duration::from_secs(5)).len(), 1);
    // The window's line: the kitchen printer, out of paper, two tickets waiting.
    let status = c.printer_status(&Who::Setup).unwrap();
    let hot = status.iter().find(|p| p.name == "kitchen.hot").unwrap();
    assert_eq!(hot.waiting, 2);
    assert_eq!(hot.problem_code.as_deref(), Some("err-print-paper-out"));
    assert!(hot.problem.as_deref().is_some_and(|p| !p.contains("err-")), "{hot:?}");
    // Passes while the paper is out print nothing and lose nothing.
    c.print_pending().unwrap();
    assert!(s.hot.pages().is_empty());
    s.hot.set_faults(PrinterFaults::default());
    let round = c.print_pending().unwrap();
    assert_eq!((round.done, round.waiting), (2, 0));
    assert_eq!(s.hot.wait_pages(2, std::time::Duration::from_secs(5)).len(), 2);
    c.print_pending().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(s.hot.pages().len(), 2, "each ticket printed once");
}

#[test]
fn the_till_opens_for_the_change_while_the_receipt_printer_waits_for_paper() {
    let s = shop();
    let c = &s.counter;
    for fault in
        [PrinterFaults { paper_out: true, ..PrinterFaults::default() }, PrinterFaults { cover_open: true, ..PrinterFaults::default() }]
    {
        s.receipt.set_faults(fault.clone());
        let before = s.receipt.pulses().len();
        let pages = s.receipt.pages().len();
        ring(c, &["i-croissant"], Pay::Cash(None));
        let round = c.print_pending().unwrap();
        assert_eq!((round.done, round.waiting), (1, 1), "the pulse went, the receipt waits: {fault:?} {round:?}");
        // A real-time pulse (DLE DC4 1): the printer carries it out though stopped.
        let pulses = s.receipt.pulses();
        assert_eq!(pulses.len(), before + 1, "{fault:?}");
        assert!(pulses.last().is_some_and(|p| p.realtime && p.pin == 2), "{pulses:?}");
        // The next cash sale's pulse is queued behind the waiting receipt: it goes too.
        ring(c, &["i-croissant"], Pay::Cash(None));
        let round = c.print_pending().unwrap();
        assert_eq!((round.done, round.waiting), (1, 2), "{fault:?} {round:?}");
        assert_eq!(s.receipt.pulses().len(), before + 2, "{fault:?}");
        assert!(s.receipt.errors().is_empty(), "{:?}", s.receipt.errors());
        // Paper loaded (cover closed): the receipts print once each, in order; the till
        // does not open again.
        s.receipt.set_faults(PrinterFaults::default());
        let round = c.print_pending().unwrap();
        assert_eq!((round.done, round.waiting), (2, 0), "{fault:?}");
        assert_eq!(s.receipt.wait_pages(pages + 2, std::time::Duration::from_secs(5)).len(), pages + 2);
        assert_eq!(s.receipt.pulses().len(), before + 2);
    }
    // Switched off: the pulse waits like any job (and is dropped after a minute).
    s.receipt.set_faults(PrinterFaults { offline: true, ..PrinterFaults::default() });
    ring(c, &["i-croissant"], Pay::Cash(None));
    let round = c.print_pending().unwrap();
    assert_eq!((round.done, round.waiting), (0, 2));
    assert_eq!(s.receipt.pulses().len(), 4);
}

#[test]
fn a_drawer_pulse_that_may_have_fired_is_never_fired_again() {
    let s = shop();
    let c = &s.counter;
    // The printer takes the pulse (and the status questions before it), then drops the
    // line before answering the questions after: the pulse may or may not have fired.
    s.receipt.set_faults(PrinterFaults { drop_after_bytes: Some(14), ..PrinterFaults::default() });
    ring(c, &["i-croissant"], Pay::Cash(None));
    c.print_pending().unwrap();
    assert_eq!(s.receipt.pulses().len(), 1);
    s.receipt.set_faults(PrinterFaults::default());
    c.print_pending().unwrap();
    c.print_pending().unwrap();
    assert_eq!(s.receipt.pulses().len(), 1, "not fired twice");
    let drawer = c.print_jobs(&Who::Setup, 10).unwrap().into_iter().find(|j| j.job.kind == JobKind::Drawer).unwrap();
    assert_eq!((drawer.job.state, drawer.job.last_code.as_deref()), (JobState::Cancelled, Some("err-print-drawer-again")));
    // The receipt behind it printed.
    assert_eq!(s.receipt.wait_pages(1, std::time::Duration::from_secs(5)).len(), 1);
}

#[test]
fn a_job_caught_sending_is_printed_again_as_a_reprint_and_bad_printers_block_nobody() {
    let s = shop();
    let c = &s.counter;
    ring(c, &["i-phobo"], Pay::Cash(None));
    // A crash after the journal said `sending`: the ticket may have printed.
    let ticket = c.print_jobs(&Who::Setup, 10).unwrap().into_iter().find(|j| j.job.kind == JobKind::Kitchen).unwrap().job;
    let dir = s._dir.path().join("quay.db");
    quay_store::Store::open(&dir).unwrap().print_job_sending(ticket.id, "2026-12-03T10:00:00+07:00").unwrap();
    c.print_pending().unwrap();
    let again = c.print_jobs(&Who::Setup, 10).unwrap().into_iter().find(|j| j.job.id == ticket.id).unwrap().job;
    assert!(again.reprint, "said as a reprint, never as if new");
    assert_eq!(again.state, JobState::Done);
    assert_eq!(again.attempts, 2);

    // A bad address is refused when set; a removed printer's job waits, others print.
    let e = c.save_settings(&Who::Setup, &pairs(&[("printer.kitchen.hot", "lpt1")])).unwrap_err();
    assert_eq!(e.code, "err-setting-printer");
    let e = c.save_settings(&Who::Setup, &pairs(&[("printer.kitchen.Hot Kitchen", "tcp://127.0.0.1:1")])).unwrap_err();
    assert_eq!(e.code, "err-config-key");
    c.save_settings(&Who::Setup, &pairs(&[("printer.kitchen.hot", "")])).unwrap();
    s.hot.set_faults(PrinterFaults::default());
    let id = c.print_test(&Who::Setup, "receipt").unwrap();
    let orphan = quay_store::Store::open(&dir)
        .unwrap()
        .enqueue_print_jobs(
            None,
            &[quay_store::print::NewPrintJob { kind: JobKind::Test, printer: "kitchen.hot".into(), payload: "{}".into() }],
            "t",
        )
        .unwrap()[0];
    c.print_pending().unwrap();
    let all = c.print_jobs(&Who::Setup, 20).unwrap();
    let state = |id: i64| all.iter().find(|j| j.job.id == id).unwrap();
    assert_eq!(state(id).job.state, JobState::Done, "the receipt printer printed its test page");
    assert_eq!(state(orphan).job.state, JobState::Queued);
    assert_eq!(state(orphan).job.last_code.as_deref(), Some("err-print-no-printer"));
    // Redirected to the bar, it prints there.
    c.print_redirect(&Who::Setup, orphan, "kitchen.bar").unwrap();
    c.print_pending().unwrap();
    assert_eq!(c.print_jobs(&Who::Setup, 20).unwrap().iter().find(|j| j.job.id == orphan).unwrap().job.state, JobState::Done);
    // The manager's drawer: a reason is needed, and it is audited.
    assert_eq!(c.open_drawer(&Who::Setup, "  ").unwrap_err().code, "err-drawer-reason");
    let pulses = s.receipt.pulses().len();
    c.open_drawer(&Who::Setup, "change for the float").unwrap();
    c.print_pending().unwrap();
    assert_eq!(s.receipt.pulses().len(), pulses + 1);
}

#[test]
fn an_order_sent_to_the_kitchen_before_payment_is_not_cooked_twice() {
    let s = shop();
    let c = &s.counter;
    let co = c.checkout();
    let add = |item: &str, qty: i64| {
        c.edit_cart(&co, &Who::Setup, |cart, m, now| Ok(cart.add(m, item, &[], qty, None, now)?)).unwrap();
    };
    assert_eq!(c.send_to_kitchen(&co, &Who::Setup).unwrap_err().code, "err-kitchen-empty");
    add("i-phobo", 2);
    add("i-croissant", 1);
    assert_eq!(c.send_to_kitchen(&co, &Who::Setup).unwrap(), 1, "the hot kitchen's ticket");
    assert_eq!(c.send_to_kitchen(&co, &Who::Setup).unwrap_err().code, "err-kitchen-nothing-new");
    c.print_pending().unwrap();
    assert_eq!(s.hot.wait_pages(1, std::time::Duration::from_secs(5)).len(), 1);
    // One more bowl, then one taken off again before paying: the kitchen hears each.
    add("i-phobo", 1);
    assert_eq!(c.send_to_kitchen(&co, &Who::Setup).unwrap(), 1);
    let line = co.cart_snapshot().lines.iter().find(|l| l.item_id == "i-phobo" && l.qty == 1).unwrap().line_id;
    c.edit_cart(&co, &Who::Setup, |cart, _, _| Ok(cart.remove(line)?)).unwrap();
    // The kitchen hears of the removed bowl at once, not at payment.
    let last = jobs(c).pop().unwrap();
    assert_eq!((last.0, last.1.as_str()), (JobKind::KitchenCancel, "kitchen.hot"));
    assert_eq!(c.send_to_kitchen(&co, &Who::Setup).unwrap_err().code, "err-kitchen-nothing-new");
    // Paid: the drawer and the receipt; the kitchen gets nothing it already had.
    c.pay_cash(&co, &Who::Setup, None).unwrap();
    c.print_pending().unwrap();
    let kinds: Vec<(JobKind, String)> = jobs(c).into_iter().map(|j| (j.0, j.1)).collect();
    assert_eq!(
        kinds,
        [
            (JobKind::Kitchen, "kitchen.hot".into()),
            (JobKind::Kitchen, "kitchen.hot".into()),
            (JobKind::KitchenCancel, "kitchen.hot".into()),
            (JobKind::Drawer, "receipt".into()),
            (JobKind::Receipt, "receipt".into()),
        ]
    );
    assert_eq!(s.hot.wait_pages(3, std::time::Duration::from_secs(5)).len(), 3);
    assert!(jobs(c).iter().all(|j| j.2 == JobState::Done));
}

#[test]
fn a_dish_changed_after_the_kitchen_had_it_is_cancelled_and_sent_again_at_once() {
    let s = shop();
    let c = &s.counter;
    let co = c.checkout();
    c.edit_cart(&co, &Who::Setup, |cart, m, now| Ok(cart.add(m, "i-phobo", &[], 2, None, now)?)).unwrap();
    c.send_to_kitchen(&co, &Who::Setup).unwrap();
    let line = co.cart_snapshot().lines[0].line_id;
    c.edit_cart(&co, &Who::Setup, |cart, _, _| Ok(cart.set_note(line, Some("no onion"))?)).unwrap();
    // At once, not at payment: the two bowls as first sent are cancelled, two without
    // onion take their place.
    let payloads = || -> Vec<(JobKind, String)> {
        let mut all: Vec<_> = c.print_jobs(&Who::Setup, 100).unwrap().into_iter().map(|j| (j.job.kind, j.job.payload)).collect();
        all.reverse();
        all
    };
    let now = payloads();
    assert_eq!(now.iter().map(|j| j.0).collect::<Vec<_>>(), [JobKind::Kitchen, JobKind::KitchenCancel, JobKind::Kitchen]);
    assert!(!now[1].1.contains("no onion") && now[1].1.contains("\"qty\":2"), "{}", now[1].1);
    assert!(now[2].1.contains("no onion") && now[2].1.contains("\"qty\":2"), "{}", now[2].1);
    assert_eq!(c.send_to_kitchen(&co, &Who::Setup).unwrap_err().code, "err-kitchen-nothing-new");
    // Paid: nothing more for the kitchen.
    c.pay_cash(&co, &Who::Setup, None).unwrap();
    let kinds: Vec<JobKind> = payloads().into_iter().map(|j| j.0).collect();
    assert_eq!(kinds, [JobKind::Kitchen, JobKind::KitchenCancel, JobKind::Kitchen, JobKind::Drawer, JobKind::Receipt]);
    c.print_pending().unwrap();
    assert_eq!(s.hot.wait_pages(3, std::time::Duration::from_secs(5)).len(), 3);
}

#[test]
fn an_order_cleared_after_the_kitchen_had_it_is_cancelled_there() {
    let s = shop();
    let c = &s.counter;
    let co = c.checkout();
    c.edit_cart(&co, &Who::Setup, |cart, m, now| Ok(cart.add(m, "i-phobo", &[], 2, None, now)?)).unwrap();
    c.send_to_kitchen(&co, &Who::Setup).unwrap();
    c.edit_cart(&co, &Who::Setup, |cart, _, _| {
        cart.clear();
        Ok(())
    })
    .unwrap();
    let kinds: Vec<JobKind> = jobs(c).into_iter().map(|j| j.0).collect();
    assert_eq!(kinds, [JobKind::Kitchen, JobKind::KitchenCancel]);
    c.print_pending().unwrap();
    assert_eq!(s.hot.wait_pages(2, std::time::Duration::from_secs(5)).len(), 2);
}

#[test]
fn a_ticket_printed_again_is_not_counted_as_food_and_a_drawer_pulse_is_never_repeated() {
    let s = shop();
    let c = &s.counter;
    let co = c.checkout();
    c.edit_cart(&co, &Who::Setup, |cart, m, now| Ok(cart.add(m, "i-phobo", &[], 2, None, now)?)).unwrap();
    c.send_to_kitchen(&co, &Who::Setup).unwrap();
    c.print_pending().unwrap();
    let ticket = c.print_jobs(&Who::Setup, 10).unwrap()[0].job.id;
    // The kitchen lost the ticket: printed again, marked; the order is still 2 bowls.
    c.print_retry(&Who::Setup, ticket).unwrap();
    c.print_pending().unwrap();
    assert_eq!(s.hot.wait_pages(2, std::time::Duration::from_secs(5)).len(), 2);
    c.pay_cash(&co, &Who::Setup, None).unwrap();
    let kinds: Vec<JobKind> = jobs(c).into_iter().map(|j| j.0).collect();
    assert_eq!(kinds, [JobKind::Kitchen, JobKind::Kitchen, JobKind::Drawer, JobKind::Receipt], "no cancellation, no second ticket");
    c.print_pending().unwrap();
    let drawer = c.print_jobs(&Who::Setup, 10).unwrap().into_iter().find(|j| j.job.kind == JobKind::Drawer).unwrap().job.id;
    assert_eq!(c.print_retry(&Who::Setup, drawer).unwrap_err().code, "err-print-drawer-again");
    assert_eq!(c.print_redirect(&Who::Setup, drawer, "kitchen.hot").unwrap_err().code, "err-print-drawer-again");
    // A done job is not redirected.
    assert_eq!(c.print_redirect(&Who::Setup, ticket, "kitchen.bar").unwrap_err().code, "err-print-job-closed");
}

#[test]
fn a_printer_answering_garbage_keeps_its_job_and_blocks_nobody() {
    let s = shop();
    let c = &s.counter;
    s.hot.set_faults(PrinterFaults { garbage_status: true, ..PrinterFaults::default() });
    ring(c, &["i-phobo"], Pay::Cash(None));
    let round = c.print_pending().unwrap();
    assert_eq!(round.waiting, 1, "{round:?}");
    assert_eq!(s.receipt.wait_pages(1, std::time::Duration::from_secs(5)).len(), 1, "the receipt did not wait");
    let hot = c.printer_status(&Who::Setup).unwrap().into_iter().find(|p| p.name == "kitchen.hot").unwrap();
    assert_eq!(hot.problem_code.as_deref(), Some("err-print-status-unknown"));
    for lang in quay_i18n::Lang::ALL {
        let job = c.print_jobs(&Who::Setup, 10).unwrap().into_iter().find(|j| j.job.printer == "kitchen.hot").unwrap().job;
        let text = c.problem_text("err-print-status-unknown", &job, lang);
        assert!(!text.contains("err-print") && !text.contains("{$"), "{lang}: {text}");
    }
    assert!(s.hot.pages().is_empty());
    s.hot.set_faults(PrinterFaults::default());
    c.print_pending().unwrap();
    assert_eq!(s.hot.wait_pages(1, std::time::Duration::from_secs(5)).len(), 1);
}
