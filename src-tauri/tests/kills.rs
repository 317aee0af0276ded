//! A card payment killed (SIGKILL) in each state of the journal, with the simulators
//! running, then the app restarted: no double charge, the sale completes or is cleanly
//! abandoned, and the journal tells what happened. The app is stopped at an exact state
//! by a pause point (`QUAY_PAUSE_AT`, see quay-app's `failpoint`) or, for "sent" with
//! the customer still at the terminal, once the terminal holds the payment.

use crate::common;

use std::path::Path;
use std::process::{Command, Stdio};

use quay_sim::viva::{RunningViva, TerminalOutcome as VivaDoes, VivaConfig, VivaFaults};
use quay_sim::zvt::{Approve, Script, ZvtSim};
use serde_json::Value;

use common::{sigkill, wait_for, wait_paused, zvt_counter, Killed};

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/demo-menu.json");

fn quay(d: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_quay")).arg("--data-dir").arg(d).args(args).env("QUAY_LOG", "error").output().unwrap()
}

fn ok(d: &Path, args: &[&str]) -> String {
    let out = quay(d, args);
    assert!(out.status.success(), "quay {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn json(d: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(d, args)).unwrap()
}

/// `quay sales ring i-phobo --pay card`, paused at `pause` if given.
fn ring_card(d: &Path, pause: Option<&str>) -> Killed {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quay"));
    cmd.arg("--data-dir").arg(d).args(["sales", "ring", "i-phobo", "--pay", "card"]).env("QUAY_LOG", "error");
    if let Some(p) = pause {
        cmd.env("QUAY_PAUSE_AT", p);
    }
    Killed(cmd.stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap())
}

/// After the restart: the journal's single attempt and the sales on disk.
struct After {
    state: String,
    sales: usize,
    log: Vec<String>,
}

fn restart_and_settle(d: &Path) -> After {
    let before: Value = json(d, &["sales", "list", "--json"]);
    let sales_before = before.as_array().unwrap().len();
    ok(d, &["payments", "resolve"]);
    // A second restart changes nothing: settling is idempotent.
    ok(d, &["payments", "resolve"]);
    let payments = json(d, &["payments", "list", "--json"]);
    let p = payments.as_array().unwrap();
    assert_eq!(p.len(), 1, "one attempt, never a second: {payments}");
    let sales = json(d, &["sales", "list", "--json"]);
    let sales = sales.as_array().unwrap();
    for s in sales {
        assert_eq!(s["tenders"][0]["kind"], "card");
        assert_eq!(s["total"], p[0]["amount"], "the sale is paid by exactly the approved amount");
    }
    assert!(sales.len() >= sales_before);
    let log = p[0]["log"].as_array().map(|l| l.iter().map(|e| e["state"].as_str().unwrap_or("").to_string()).collect()).unwrap_or_default();
    After { state: p[0]["state"].as_str().unwrap().to_string(), sales: sales.len(), log }
}

/// The journal starts at `pending` and ends at the final state, one line per change.
fn journal_tells(after: &After, name: &str) {
    assert_eq!(after.log.first().map(String::as_str), Some("pending"), "{name}: {:?}", after.log);
    assert_eq!(after.log.last(), Some(&after.state), "{name}: {:?}", after.log);
}

fn approvals_at_terminal(sim: &ZvtSim) -> usize {
    sim.journal().iter().filter(|t| t.result_code == 0 && !t.reversed).count()
}

#[test]
fn zvt_killed_in_each_state() {
    struct Case {
        name: &'static str,
        pause: &'static str,
        script: fn() -> Script,
        state: &'static str,
        sales: usize,
        charged: usize,
    }
    let cases = [
        // Journaled, the terminal never called: nothing happened anywhere.
        Case {
            name: "pending",
            pause: "card.pending",
            script: || Script::Approve(Approve::default()),
            state: "cancelled",
            sales: 0,
            charged: 0,
        },
        // Marked sent, killed before the first byte: the terminal has no such payment.
        Case {
            name: "sent, never delivered",
            pause: "card.sent",
            script: || Script::Approve(Approve::default()),
            state: "cancelled",
            sales: 0,
            charged: 0,
        },
        // The terminal approved; the app died before closing the sale.
        Case {
            name: "approved, sale not closed",
            pause: "card.outcome",
            script: || Script::Approve(Approve::default()),
            state: "approved",
            sales: 1,
            charged: 1,
        },
        // The terminal declined; the app died right after journaling it.
        Case {
            name: "declined",
            pause: "card.outcome",
            script: || Script::Decline { result_code: 0x33 },
            state: "declined",
            sales: 0,
            charged: 0,
        },
    ];
    for case in cases {
        let (sim, dir) = zvt_counter();
        let d = dir.path();
        sim.script((case.script)());
        let mut child = ring_card(d, Some(case.pause));
        wait_paused(&mut child, case.pause);
        sigkill(child);
        let after = restart_and_settle(d);
        assert_eq!(after.state, case.state, "{}: {:?}", case.name, after.log);
        journal_tells(&after, case.name);
        assert_eq!(after.sales, case.sales, "{}", case.name);
        assert_eq!(approvals_at_terminal(&sim), case.charged, "{}: charged at the terminal", case.name);
    }
}

#[test]
fn zvt_killed_while_the_customer_is_at_the_terminal() {
    let (sim, dir) = zvt_counter();
    let d = dir.path();
    // The terminal takes the payment, books it, and goes quiet (the app waits for T4).
    sim.script(Script::Drop { after_statuses: 1, then: Box::new(Script::Approve(Approve::default())) });
    let child = ring_card(d, None);
    wait_for("the terminal to book the payment", || approvals_at_terminal(&sim) == 1);
    sigkill(child);
    let sales = json(d, &["sales", "list", "--json"]);
    assert_eq!(sales, Value::Array(vec![]), "no sale before the outcome is known");
    let after = restart_and_settle(d);
    assert_eq!(after.state, "approved");
    assert_eq!(after.sales, 1, "the sale completed from the journal");
    assert_eq!(approvals_at_terminal(&sim), 1, "charged once");
}

fn viva_counter(viva: &RunningViva) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["menu", "import", DEMO]);
    ok(d, &["config", "set", "terminal.kind", "viva"]);
    ok(d, &["config", "set", "viva.url", &viva.url]);
    ok(d, &["config", "set", "viva.merchant_id", VivaConfig::SANDBOX_MERCHANT_ID]);
    ok(d, &["config", "set", "viva.source_code", "T1"]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_quay"))
        .arg("--data-dir")
        .arg(d)
        .args(["config", "set", "viva.api_key", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(VivaConfig::SANDBOX_API_KEY.as_bytes()).unwrap();
    assert!(child.wait().unwrap().success());
    dir
}

fn paid_at_viva(viva: &RunningViva) -> usize {
    viva.transactions().iter().filter(|t| t.status_id == "F").count()
}

#[test]
fn viva_killed_in_each_state() {
    #[derive(Clone, Copy)]
    enum Terminal {
        /// Nobody pays the order.
        Idle,
        /// The terminal pays the newest order as soon as there is one.
        Pays,
        Declines,
        /// The terminal pays only after the app is dead (the customer was slow).
        PaysAfterKill,
    }
    struct Case {
        name: &'static str,
        pause: Option<&'static str>,
        faults: VivaFaults,
        wait_s: Option<&'static str>,
        terminal: Terminal,
        state: &'static str,
        sales: usize,
        charged: usize,
    }
    let lost = VivaFaults { lose_create_responses: 1, ..VivaFaults::default() };
    let none = VivaFaults::default;
    let cases = [
        Case {
            name: "pending",
            pause: Some("card.pending"),
            faults: none(),
            wait_s: None,
            terminal: Terminal::Pays,
            state: "cancelled",
            sales: 0,
            charged: 0,
        },
        // Marked sent, killed before the order was created: Viva cannot be asked about an
        // order it never named, so the attempt stays unknown until a person looks.
        Case {
            name: "sent, no order",
            pause: Some("card.sent"),
            faults: none(),
            wait_s: None,
            terminal: Terminal::Pays,
            state: "unknown",
            sales: 0,
            charged: 0,
        },
        // The order waits at the terminal; the app dies; the customer pays; restart.
        Case {
            name: "sent, paid meanwhile",
            pause: None,
            faults: none(),
            wait_s: None,
            terminal: Terminal::PaysAfterKill,
            state: "approved",
            sales: 1,
            charged: 1,
        },
        // The order waits; the app dies; nobody pays: the order is cancelled at Viva.
        Case {
            name: "sent, abandoned",
            pause: None,
            faults: none(),
            wait_s: None,
            terminal: Terminal::Idle,
            state: "cancelled",
            sales: 0,
            charged: 0,
        },
        // The create answer was lost: the order exists but has no name on our side. The
        // customer pays it after the app died: found by our merchant reference.
        Case {
            name: "sent, answer lost, paid",
            pause: None,
            faults: lost.clone(),
            wait_s: None,
            terminal: Terminal::PaysAfterKill,
            state: "approved",
            sales: 1,
            charged: 1,
        },
        Case {
            name: "sent, answer lost, abandoned",
            pause: None,
            faults: lost.clone(),
            wait_s: None,
            terminal: Terminal::Idle,
            state: "unknown",
            sales: 0,
            charged: 0,
        },
        // The wait ran out with the answer lost (unknown journaled), then the app died and
        // the customer paid after all.
        Case {
            name: "unknown, paid",
            pause: Some("card.outcome"),
            faults: lost,
            wait_s: Some("1"),
            terminal: Terminal::PaysAfterKill,
            state: "approved",
            sales: 1,
            charged: 1,
        },
        Case {
            name: "approved, sale not closed",
            pause: Some("card.outcome"),
            faults: none(),
            wait_s: None,
            terminal: Terminal::Pays,
            state: "approved",
            sales: 1,
            charged: 1,
        },
        Case {
            name: "declined",
            pause: Some("card.outcome"),
            faults: none(),
            wait_s: None,
            terminal: Terminal::Declines,
            state: "declined",
            sales: 0,
            charged: 0,
        },
    ];
    for case in cases {
        let viva = quay_sim::viva::start_viva_in_thread(VivaConfig::sandbox());
        let dir = viva_counter(&viva);
        let d = dir.path();
        viva.set_faults(case.faults.clone());
        if let Some(w) = case.wait_s {
            ok(d, &["config", "set", "viva.wait_s", w]);
        }
        let mut child = ring_card(d, case.pause);
        let has_order = || viva.orders().iter().any(|o| o.state_id == 0);
        match case.terminal {
            Terminal::Pays | Terminal::Declines if case.pause != Some("card.pending") && case.pause != Some("card.sent") => {
                wait_for("an order at the terminal", has_order);
                let does = if matches!(case.terminal, Terminal::Pays) { VivaDoes::Approve } else { VivaDoes::Decline };
                assert!(viva.pay_newest("T1", does).is_some(), "{}", case.name);
            }
            _ => {}
        }
        match case.pause {
            Some(p) => wait_paused(&mut child, p),
            None => {
                wait_for("an order at the terminal", has_order);
                // Killed once the order's code is journaled when its answer arrives: a kill
                // between Viva creating the order and the journal naming it is the "create
                // answer lost" case, which has its own rows.
                if case.faults.lose_create_responses == 0 {
                    let code = viva.orders().iter().find(|o| o.state_id == 0).map(|o| o.order_code.to_string()).unwrap_or_default();
                    wait_for("the order code journaled", || json(d, &["payments", "list", "--json"]).to_string().contains(&code));
                }
            }
        }
        sigkill(child);
        if matches!(case.terminal, Terminal::PaysAfterKill) {
            assert!(viva.pay_newest("T1", VivaDoes::Approve).is_some(), "{}: the order is payable", case.name);
        }
        let after = restart_and_settle(d);
        assert_eq!(after.state, case.state, "{}: {:?}", case.name, after.log);
        journal_tells(&after, case.name);
        assert_eq!(after.sales, case.sales, "{}", case.name);
        assert_eq!(paid_at_viva(&viva), case.charged, "{}: charged at Viva", case.name);
        if after.state == "unknown" {
            // It stays visible and blocks card payments until a manager, having looked
            // at the terminal, settles it by hand.
            let key = json(d, &["payments", "list", "--json"])[0]["key"].as_str().unwrap().to_string();
            let out = quay(d, &["sales", "ring", "i-croissant", "--pay", "card"]);
            assert!(!out.status.success(), "{}: a new charge while one is unknown", case.name);
            ok(d, &["payments", "settle", &key, "--not-charged", "--reason", "the terminal shows nothing"]);
            let log = json(d, &["payments", "list", "--json"]);
            assert_eq!(log[0]["state"], "cancelled", "{}", case.name);
            assert_eq!(log[0]["message"], "settled by hand: the terminal shows nothing", "{}", case.name);
            assert_eq!(paid_at_viva(&viva), 0, "{}", case.name);
            continue;
        }
        // Nothing is left open at the terminal for a later customer to pay by mistake.
        assert!(viva.pay_newest("T1", VivaDoes::Approve).is_none(), "{}: an order was left open", case.name);
    }
}
