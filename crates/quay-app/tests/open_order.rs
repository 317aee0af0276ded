//! The order open on the window's screen survives a restart or a crash: its cart and the
//! sale id it reserved come back, so the kitchen is neither sent its tickets again nor
//! left cooking an order nobody can see, and the sale closes under the id its tickets
//! carry. A headless ring's checkout keeps nothing; an order emptied, paid, or no longer
//! readable as this counter's cart does not come back.

use std::path::Path;

use quay_app::{Counter, Who};
use quay_sim::escpos::{start_in_thread, PrinterConfig, PrinterSim, RunningPrinter};
use quay_store::print::JobKind;

const DEMO: &[u8] = include_bytes!("../../../assets/demo-menu.json");

fn open(dir: &Path, hot: &RunningPrinter) -> Counter {
    let c = Counter::open(dir).unwrap();
    if c.menu().is_err() {
        c.import_menu(&Who::Setup, DEMO).unwrap();
    }
    let set = [("printer.kitchen.hot".to_string(), hot.url.clone()), ("printer.kitchen.hot.categories".to_string(), "c-food".to_string())];
    c.save_settings(&Who::Setup, &set).unwrap();
    c
}

/// The kitchen's jobs, oldest first: (kind, sale id, order number, payload).
fn kitchen_jobs(c: &Counter) -> Vec<(JobKind, Option<String>, String)> {
    let mut all: Vec<_> = c
        .print_jobs(&Who::Setup, 100)
        .unwrap()
        .into_iter()
        .filter(|j| matches!(j.job.kind, JobKind::Kitchen | JobKind::KitchenCancel))
        .map(|j| (j.job.kind, j.job.sale_id.clone(), j.job.payload.clone()))
        .collect();
    all.reverse();
    all
}

fn order_no(payload: &str) -> String {
    serde_json::from_str::<serde_json::Value>(payload).unwrap()["order"].as_str().unwrap().to_string()
}

#[test]
fn the_order_on_the_screen_comes_back_after_a_restart_and_closes_under_its_tickets_id() {
    let dir = tempfile::tempdir().unwrap();
    let hot = start_in_thread(PrinterSim::new(PrinterConfig::new("hot")));
    {
        let c = open(dir.path(), &hot);
        let co = c.screen_checkout();
        c.edit_cart(&co, &Who::Setup, |cart, m, now| Ok(cart.add(m, "i-phobo", &[], 2, Some("no onion"), now)?)).unwrap();
        c.edit_cart(&co, &Who::Setup, |cart, m, now| Ok(cart.add(m, "i-croissant", &[], 1, None, now)?)).unwrap();
        assert_eq!(c.send_to_kitchen(&co, &Who::Setup).unwrap(), 1);
        // The process dies here: nothing is closed in order.
    }
    let sent = kitchen_jobs(&Counter::open(dir.path()).unwrap());
    assert_eq!(sent.len(), 1);
    let (ticket_sale, ticket_order) = (sent[0].1.clone().unwrap(), order_no(&sent[0].2));

    let c = open(dir.path(), &hot);
    // A headless ring's checkout is not the screen's: it starts empty.
    assert!(c.cart_view(&c.checkout(), &Who::Setup).unwrap().lines.is_empty());
    let co = c.screen_checkout();
    let back = c.cart_view(&co, &Who::Setup).unwrap();
    let lines: Vec<(&str, i64, Option<&str>)> = back.lines.iter().map(|l| (l.item_id.as_str(), l.qty, l.note.as_deref())).collect();
    assert_eq!(lines, [("i-phobo", 2, Some("no onion")), ("i-croissant", 1, None)]);
    // The same order for the kitchen: nothing it has not had.
    assert_eq!(c.send_to_kitchen(&co, &Who::Setup).unwrap_err().code, "err-kitchen-nothing-new");
    // A bowl taken off: the kitchen hears it under the number it knows the order by.
    let pho = co.cart_snapshot().lines[0].line_id;
    c.edit_cart(&co, &Who::Setup, |cart, _, _| Ok(cart.set_qty(pho, 1)?)).unwrap();
    let now = kitchen_jobs(&c);
    assert_eq!(now.len(), 2);
    assert_eq!((now[1].0, now[1].1.as_deref(), order_no(&now[1].2)), (JobKind::KitchenCancel, Some(ticket_sale.as_str()), ticket_order));
    // Another restart keeps the change; paid, the sale has the id its tickets carry and
    // the kitchen gets nothing more.
    drop(co);
    drop(c);
    let c = open(dir.path(), &hot);
    let co = c.screen_checkout();
    assert_eq!(c.cart_view(&co, &Who::Setup).unwrap().lines[0].qty, 1);
    let sale = c.pay_cash(&co, &Who::Setup, None).unwrap();
    assert_eq!(sale.id.to_string(), ticket_sale);
    assert_eq!(kitchen_jobs(&c).len(), 2);
    // Paid: nothing comes back.
    drop(co);
    drop(c);
    let c = open(dir.path(), &hot);
    assert!(c.cart_view(&c.screen_checkout(), &Who::Setup).unwrap().lines.is_empty());
}

#[test]
fn an_order_emptied_or_unreadable_does_not_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let hot = start_in_thread(PrinterSim::new(PrinterConfig::new("hot")));
    {
        let c = open(dir.path(), &hot);
        let co = c.screen_checkout();
        c.edit_cart(&co, &Who::Setup, |cart, m, now| Ok(cart.add(m, "i-phobo", &[], 1, None, now)?)).unwrap();
        c.send_to_kitchen(&co, &Who::Setup).unwrap();
        c.edit_cart(&co, &Who::Setup, |cart, _, _| {
            cart.clear();
            Ok(())
        })
        .unwrap();
        // Emptied: the kitchen had its cancellation at once.
        let kinds: Vec<JobKind> = kitchen_jobs(&c).into_iter().map(|j| j.0).collect();
        assert_eq!(kinds, [JobKind::Kitchen, JobKind::KitchenCancel]);
    }
    {
        let c = open(dir.path(), &hot);
        assert!(c.cart_view(&c.screen_checkout(), &Who::Setup).unwrap().lines.is_empty());
        assert_eq!(kitchen_jobs(&c).len(), 2, "nothing sent again");
    }
    // A kept cart of another currency (the counter's changed since) or not a cart at all:
    // forgotten, never rung.
    {
        let c = open(dir.path(), &hot);
        let co = c.screen_checkout();
        c.edit_cart(&co, &Who::Setup, |cart, m, now| Ok(cart.add(m, "i-croissant", &[], 1, None, now)?)).unwrap();
    }
    let db = dir.path().join("quay.db");
    let kept = quay_store::Store::open(&db).unwrap().open_order("screen").unwrap().unwrap().cart;
    assert!(kept.contains("\"currency\":\"VND\"") && kept.contains("i-croissant"), "{kept}");
    for cart in [kept.replace("\"currency\":\"VND\"", "\"currency\":\"CNY\""), r#"{"not":"a cart"}"#.to_string()] {
        quay_store::Store::open(&db).unwrap().open_order_keep("screen", None, &cart, "2026-12-03T10:00:00+07:00").unwrap();
        let c = open(dir.path(), &hot);
        assert!(c.cart_view(&c.screen_checkout(), &Who::Setup).unwrap().lines.is_empty(), "{cart}");
        drop(c);
        assert_eq!(quay_store::Store::open(&db).unwrap().open_order("screen").unwrap(), None, "{cart}");
    }
}

#[test]
fn a_second_window_on_the_same_counter_keeps_no_order_over_the_first_ones() {
    let dir = tempfile::tempdir().unwrap();
    let hot = start_in_thread(PrinterSim::new(PrinterConfig::new("hot")));
    let c = open(dir.path(), &hot);
    let first = c.screen_checkout();
    let second = c.screen_checkout();
    c.edit_cart(&first, &Who::Setup, |cart, m, now| Ok(cart.add(m, "i-croissant", &[], 1, None, now)?)).unwrap();
    c.edit_cart(&second, &Who::Setup, |cart, m, now| Ok(cart.add(m, "i-phobo", &[], 1, None, now)?)).unwrap();
    c.edit_cart(&second, &Who::Setup, |cart, _, _| {
        cart.clear();
        Ok(())
    })
    .unwrap();
    drop(first);
    drop(second);
    // The first window's order is the one kept: the second's neither replaced nor erased it.
    let back = c.cart_view(&c.screen_checkout(), &Who::Setup).unwrap();
    assert_eq!(back.lines.iter().map(|l| l.item_id.as_str()).collect::<Vec<_>>(), ["i-croissant"]);
}
