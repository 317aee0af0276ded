//! `quay print …`, `quay drawer open` and `quay connect test printer:NAME` through the real
//! binary against the ESC/POS simulator (issue 19): a sale's jobs written with it and
//! printed once; the process SIGKILLed after the journal said "sending" and before a byte
//! went out, then the job printed as a reprint, once; an out-of-paper printer keeping its
//! job with a translated reason; the drawer for managers only, with a reason; a bad
//! address refused.

use crate::common;

use std::process::{Command, Stdio};

use common::*;
use quay_sim::escpos::{start_in_thread, PrinterConfig, PrinterFaults, PrinterSim, RunningPrinter};
use serde_json::Value;

fn counter(receipt: &RunningPrinter, kitchen: &RunningPrinter) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["menu", "import", concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/demo-menu.json")]);
    for (k, v) in [
        ("printer.receipt", receipt.url.as_str()),
        ("printer.kitchen.hot", kitchen.url.as_str()),
        ("printer.kitchen.hot.categories", "c-food"),
    ] {
        ok(d, &["config", "set", k, v]);
    }
    dir
}

fn jobs(d: &std::path::Path) -> Vec<Value> {
    json(d, &["print", "jobs", "--json"]).as_array().unwrap().clone()
}

#[test]
fn a_job_killed_while_sending_prints_once_as_a_reprint() {
    let receipt = start_in_thread(PrinterSim::new(PrinterConfig::new("receipt")));
    let kitchen = start_in_thread(PrinterSim::new(PrinterConfig::new("hot")));
    let dir = counter(&receipt, &kitchen);
    let d = dir.path();
    // The sale's drawer, receipt and kitchen ticket are journaled with it and printed.
    ok(d, &["sales", "ring", "i-phobo*2", "--pay", "cash"]);
    let printed = jobs(d);
    assert_eq!(printed.len(), 3, "{printed:#?}");
    assert!(printed.iter().all(|j| j["state"] == "done"), "{printed:#?}");
    let kinds: Vec<_> = printed.iter().rev().map(|j| j["kind"].as_str().unwrap().to_string()).collect();
    assert_eq!(kinds, ["drawer", "receipt", "kitchen"]);
    let sale = printed[0]["sale_id"].as_str().unwrap().to_string();
    assert_eq!(kitchen.wait_pages(1, std::time::Duration::from_secs(5)).len(), 1);

    // A test page asked for; the process killed after the journal said "sending",
    // before a byte went out.
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quay"));
    cmd.arg("--data-dir").arg(d).args(["print", "test", "kitchen.hot"]);
    cmd.env_remove("QUAY_DATA_DIR").env_remove("QUAY_PIN").env("QUAY_LOG", "error").env("QUAY_PAUSE_AT", "print.sending");
    let mut child = Killed(cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap());
    wait_paused(&mut child, "print.sending");
    sigkill(child);
    let sending: Vec<_> = jobs(d).into_iter().filter(|j| j["state"] == "sending").collect();
    assert_eq!(sending.len(), 1, "the job caught sending is kept");
    assert_eq!(kitchen.pages().len(), 1, "the test page never reached the printer");

    // Sent again after asking the printer: once, said as a reprint.
    let id = sending[0]["id"].as_i64().unwrap();
    let out = ok(d, &["print", "retry", &id.to_string()]);
    assert!(out.contains(&id.to_string()), "{out}");
    let all = jobs(d);
    assert!(all.iter().all(|j| j["state"] == "done"), "{all:#?}");
    let again = all.iter().find(|j| j["id"] == id).unwrap();
    assert_eq!(again["reprint"], true);
    assert_eq!(receipt.wait_pages(1, std::time::Duration::from_secs(5)).len(), 1);
    assert_eq!(receipt.pulses().len(), 1, "the cash tender's drawer pulse, once");
    assert_eq!(kitchen.wait_pages(2, std::time::Duration::from_secs(5)).len(), 2, "the ticket and the test page, once each");
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(kitchen.pages().len(), 2);

    // A copy of the receipt asked for later is a new job, marked as a copy.
    ok(d, &["print", "receipt", &sale]);
    assert_eq!(receipt.wait_pages(2, std::time::Duration::from_secs(5)).len(), 2);
}

#[test]
fn an_out_of_paper_printer_keeps_its_job_and_says_why() {
    let receipt = start_in_thread(PrinterSim::new(PrinterConfig::new("receipt")));
    let kitchen = start_in_thread(PrinterSim::new(PrinterConfig::new("hot")));
    let dir = counter(&receipt, &kitchen);
    let d = dir.path();
    kitchen.set_faults(PrinterFaults { paper_out: true, ..PrinterFaults::default() });
    let out = run(d, None, &["--lang", "vi", "print", "test", "kitchen.hot"], "");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("quay: ") && !err.contains("err-print"), "{err}");
    let status = json(d, &["print", "status", "--json"]);
    let hot = status.as_array().unwrap().iter().find(|p| p["name"] == "kitchen.hot").unwrap().clone();
    assert_eq!(hot["waiting"], 1);
    assert_eq!(hot["problem_code"], "err-print-paper-out");
    // The connection test says so too, and passes once paper is back.
    assert_eq!(run(d, None, &["connect", "test", "printer:kitchen.hot"], "").status.code(), Some(1));
    kitchen.set_faults(PrinterFaults::default());
    let out = ok(d, &["connect", "test", "printer:kitchen.hot"]);
    assert!(out.contains("kitchen.hot"), "{out}");
    // Every test page asked for printed now, each once (the waiting ones first).
    assert!(jobs(d).iter().all(|j| j["state"] == "done"));
    assert_eq!(kitchen.wait_pages(2, std::time::Duration::from_secs(5)).len(), 2, "the waiting page and the test's own");

    // Bad input: an address that is none, a drawer without a reason.
    let err = refused(d, &["config", "set", "printer.kitchen.bar", "printer-in-the-back"]);
    assert!(err.contains("printer.kitchen.bar"), "{err}");
    let err = refused(d, &["drawer", "open", "--reason", " "]);
    assert!(!err.contains("err-"), "{err}");
    ok(d, &["drawer", "open", "--reason", "change for the float"]);
    assert_eq!(receipt.pulses().len(), 1);
}
