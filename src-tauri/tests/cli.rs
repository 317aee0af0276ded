//! The headless face, as a script or a technician uses it: real binary, real database.

use crate::common;

use std::process::Command;

use common::*;
use serde_json::Value;

#[test]
fn db_menu_ring_list_export_void() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let check: Value = serde_json::from_str(&ok(d, &["db", "check", "--json"])).unwrap();
    assert_eq!(check["ok"], true);
    assert_eq!(check["integrity"], "ok");
    assert_eq!(check["journal_mode"], "wal");

    refused(d, &["menu", "search", "pho"]); // no menu yet
    assert!(ok(d, &["menu", "import", DEMO]).contains("52 items"));
    let hits: Value = serde_json::from_str(&ok(d, &["menu", "search", "ca phe sua", "--json"])).unwrap();
    assert!(hits.as_array().unwrap().iter().any(|h| h["name"] == "Cà phê sữa đá"));

    let sale: Value = serde_json::from_str(&ok(
        d,
        &["sales", "ring", "i-phobo*2+o-pho-egg", "i-cfsd+o-size-l+o-sugar-50+o-ice-less", "--pay", "cash:300000", "--json"],
    ))
    .unwrap();
    assert_eq!(sale["receipt_no"], "C1-000001");
    assert_eq!(sale["status"], "closed");
    let total = sale["total"].as_i64().unwrap();
    assert_eq!(sale["tenders"][0]["change"], 300_000 - total);
    assert_eq!(sale["lines"][1]["options"].as_array().unwrap().len(), 3);
    assert!(uuid_v7(sale["id"].as_str().unwrap()));

    let list: Value = serde_json::from_str(&ok(d, &["sales", "list", "--json"])).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    let csv = ok(d, &["sales", "export", "--format", "csv"]);
    assert_eq!(csv.lines().count(), 3, "header + two lines");
    assert!(csv.lines().next().unwrap().starts_with("sale_id,receipt_no,"));
    let json: Value = serde_json::from_str(&ok(d, &["sales", "export", "--format", "json", "--date", "2001-01-01"])).unwrap();
    assert_eq!(json, Value::Array(vec![]));

    let payments: Value = serde_json::from_str(&ok(d, &["payments", "list", "--json"])).unwrap();
    assert_eq!(payments, Value::Array(vec![]), "a cash sale makes no card attempt");

    let id = sale["id"].as_str().unwrap();
    let void: Value = serde_json::from_str(&ok(d, &["sales", "void", id, "--reason", "wrong table", "--json"])).unwrap();
    assert_eq!(void["void_of"], id);
    assert_eq!(void["total"], -total);
    assert!(refused(d, &["sales", "void", id, "--reason", "again"]).contains("already voided"));
}

#[test]
fn terminal_settings_are_checked_and_secrets_masked() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(refused(d, &["config", "set", "terminal.kind", "paypal"]).contains("terminal.kind"));
    assert!(refused(d, &["config", "set", "zvt.baud", "1234"]).contains("zvt.baud"));
    ok(d, &["config", "set", "terminal.kind", "zvt"]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_quay"))
        .arg("--data-dir")
        .arg(d)
        .args(["config", "set", "viva.api_key", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"viva-secret-api-key\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stdout).contains("viva-secret"), "never echoed");
    assert_eq!(ok(d, &["config", "get", "viva.api_key"]).trim(), "********");
    assert_eq!(ok(d, &["config", "get", "terminal.kind"]).trim(), "zvt");
}

fn uuid_v7(s: &str) -> bool {
    s.len() == 36 && s.as_bytes()[14] == b'7'
}

#[test]
fn bad_input_is_refused_in_the_counters_language_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["menu", "import", DEMO]);
    let bad = dir.path().join("bad.json");
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(DEMO).unwrap()).unwrap();
    v["items"][3]["price"] = (-1000).into();
    v["version"] = 2.into();
    std::fs::write(&bad, v.to_string()).unwrap();
    let err = refused(d, &["menu", "import", bad.to_str().unwrap()]);
    assert!(err.contains("negative price"), "{err}");
    std::fs::write(&bad, "{\"version\": 3, \"currency\": \"VND\", \"categ").unwrap();
    assert!(refused(d, &["menu", "import", bad.to_str().unwrap()]).contains("not valid"));
    assert!(ok(d, &["db", "check"]).contains("integrity: ok"));
    let hits: Value = serde_json::from_str(&ok(d, &["menu", "search", "pho", "--json"])).unwrap();
    assert!(!hits.as_array().unwrap().is_empty(), "the old menu is still there");

    let cases: &[(&[&str], &str)] = &[
        (&["sales", "ring", "i-phobo", "--pay", "cash:1000"], "less than"),
        (&["sales", "ring", "i-phobo", "--pay", "cash:65000.5"], "decimals"),
        (&["sales", "ring", "i-phobo*0", "--pay", "cash"], "Quantity"),
        (&["sales", "ring", "i-phobo*-3", "--pay", "cash"], "Quantity"),
        (&["sales", "ring", "i-phobo*5000", "--pay", "cash"], "Quantity"),
        (&["sales", "ring", "i-nope", "--pay", "cash"], "not on the menu"),
        (&["sales", "ring", "i-phobo", "--pay", "voucher"], "not a payment"),
        (&["sales", "ring", "i-phobo", "--pay", "card"], "not set up"),
        (&["sales", "list", "--date", "22/11/2026"], "not a date"),
    ];
    for (args, needle) in cases {
        let err = refused(d, args);
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    let vi = refused(d, &["--lang", "vi", "sales", "ring", "i-phobo", "--pay", "cash:1000"]);
    assert!(vi.contains("1.000") && vi.contains("65.000"), "{vi}");
    // An option refused is one sentence in the counter's language, naming the group as
    // the menu does in that language ("Độ cay" is the menu's own, Vietnamese name).
    for (locale, want) in [
        ("en", "quay: Choose 1 option for Spice level (you chose 0).\n"),
        ("vi", "quay: Hãy chọn đúng 1 tùy chọn cho Độ cay (đã chọn 0).\n"),
        ("zh-CN", "quay: 请为“辣度”选择 1 项（已选 0 项）。\n"),
    ] {
        ok(d, &["config", "set", "counter.locale", locale]);
        assert_eq!(refused(d, &["sales", "ring", "i-bunbohue", "--pay", "cash"]), want);
    }
    ok(d, &["config", "set", "counter.locale", "en"]);
    let list: Value = serde_json::from_str(&ok(d, &["sales", "list", "--json"])).unwrap();
    assert_eq!(list, Value::Array(vec![]), "nothing was written");
    assert!(ok(d, &["sales", "ring", "i-phobo", "--pay", "cash"]).starts_with("C1-000001"), "no receipt number was used up");
}

#[test]
fn card_payments_headless_through_viva() {
    use quay_sim::viva::{start_viva_in_thread, TerminalOutcome, VivaConfig};
    let viva = start_viva_in_thread(VivaConfig::sandbox());
    let dir = viva_counter(&viva.url, "A3", &[]);
    let d = dir.path();

    // Split: 50,000 by card (the cashier presses F1 on terminal A3), the rest in cash.
    let ring = std::thread::scope(|s| {
        s.spawn(|| {
            for _ in 0..300 {
                if viva.pay_newest("A3", TerminalOutcome::Approve).is_some() {
                    return;
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        });
        ok(d, &["sales", "ring", "i-phobo*2", "--pay", "card:50000", "--pay", "cash", "--json"])
    });
    let sale: Value = serde_json::from_str(&ring).unwrap();
    let tenders = sale["tenders"].as_array().unwrap();
    assert_eq!((tenders[0]["kind"].as_str(), tenders[0]["amount"].as_i64()), (Some("card"), Some(50_000)));
    assert_eq!(tenders[1]["kind"], "cash");
    assert_eq!(tenders[0]["amount"].as_i64().unwrap() + tenders[1]["amount"].as_i64().unwrap(), sale["total"].as_i64().unwrap());
    let payments: Value = serde_json::from_str(&ok(d, &["payments", "list", "--json"])).unwrap();
    assert_eq!(payments[0]["state"], "approved");
    assert_eq!(payments[0]["terminal"], "viva");
    assert!(ok(d, &["payments", "resolve"]).is_empty(), "nothing open");
}

/// A decline reaches the command line as the cashier reads it — the reason in the
/// counter's language and the code as the partner gave it, which the bank asks for — and
/// so does the payments list, in text and in JSON. ZVT (the issuer's code) and Viva (its
/// Event ID beside the issuer's code).
#[test]
fn declines_are_told_with_their_reason_and_code() {
    use quay_sim::viva::{start_viva_in_thread, TerminalOutcome, VivaConfig};
    use quay_sim::zvt::Script;

    let (sim, dir) = zvt_counter();
    let d = dir.path();
    sim.script(Script::Decline { result_code: 0x33 });
    let err = refused(d, &["sales", "ring", "i-phobo", "--pay", "card"]);
    assert_eq!(err.trim_end(), "quay: Declined: insufficient funds (51).");
    let list = ok(d, &["payments", "list"]);
    assert!(list.contains("declined") && list.trim_end().ends_with("\tDeclined: insufficient funds (51)."), "{list}");
    let vi = ok(d, &["--lang", "vi", "payments", "list"]);
    assert!(vi.trim_end().ends_with("Bị từ chối: số dư không đủ (51)."), "{vi}");
    let payments = json(d, &["payments", "list", "--json"]);
    let decline = &payments[0]["decline"];
    assert_eq!((decline["reason"].as_str(), decline["code"].as_str()), (Some("decline-insufficient-funds"), Some("51")), "{payments}");

    let viva = start_viva_in_thread(VivaConfig::sandbox());
    let dir = viva_counter(&viva.url, "A3", &[]);
    let d = dir.path();
    let err = std::thread::scope(|s| {
        s.spawn(|| {
            for _ in 0..300 {
                if viva.pay_newest("A3", TerminalOutcome::Decline).is_some() {
                    return;
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        });
        refused(d, &["sales", "ring", "i-phobo", "--pay", "card"])
    });
    assert_eq!(err.trim_end(), "quay: Declined: insufficient funds (Viva 10051, bank code 51).", "not the StatusId E");
    let list = ok(d, &["payments", "list"]);
    assert!(list.trim_end().ends_with("\tDeclined: insufficient funds (Viva 10051, bank code 51)."), "{list}");
    let payments = json(d, &["payments", "list", "--json"]);
    assert_eq!((payments[0]["result_code"].as_str(), payments[0]["issuer_code"].as_str()), (Some("10051"), Some("51")));
    assert_eq!(payments[0]["decline"]["code"].as_str(), Some("Viva 10051"));
}

#[test]
fn zvt_terminal_headless_for_technicians() {
    use quay_sim::zvt::{Approve, Script, ZvtSim};
    use serialport::SerialPort;
    let (sim, tty) = ZvtSim::start().unwrap();
    let port = tty.name().expect("a pty has a name");
    drop(tty); // the command opens the device itself
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    sim.script(Script::Approve(Approve::brand("Visa")));
    let sale: Value = serde_json::from_str(&ok(d, &["terminal", "sale", "12000", "--port", &port, "--json"])).unwrap();
    assert_eq!(sale["state"], "approved");
    assert_eq!(sale["amount"], 12_000);
    assert_eq!(sale["brand"], "Visa");
    sim.script(Script::Decline { result_code: 0x33 });
    let declined: Value = serde_json::from_str(&ok(d, &["terminal", "sale", "5000", "--port", &port, "--json"])).unwrap();
    assert_eq!((declined["state"].as_str(), declined["result_code"].as_str()), (Some("declined"), Some("51")));
    let status: Value = serde_json::from_str(&ok(d, &["terminal", "status", "--port", &port, "--json"])).unwrap();
    assert!(status["last_transaction"].is_string(), "{status}");
    let eod: Value = serde_json::from_str(&ok(d, &["terminal", "end-of-day", "--port", &port, "--json"])).unwrap();
    assert_eq!(eod["total"], 12_000, "only the approved sale is in the batch: {eod}");
    assert_eq!(eod["per_brand"][0]["brand"], "Visa");
    assert_eq!(eod["per_brand"][0]["count"], 1);
    let payments: Value = serde_json::from_str(&ok(d, &["payments", "list", "--json"])).unwrap();
    assert_eq!(payments.as_array().unwrap().len(), 2, "both attempts are in the journal");
    assert!(refused(d, &["terminal", "status"]).contains("zvt.port"));
    // Each command registered when it opened the line: the strict terminal refused nothing.
    let stats = sim.stats();
    assert_eq!((stats.registrations, stats.refused_unregistered), (4, 0));
    // A terminal restarted since: the end-of-day still registers first.
    sim.forget_registration();
    ok(d, &["terminal", "end-of-day", "--port", &port, "--json"]);
    assert_eq!((sim.stats().registrations, sim.stats().refused_unregistered), (5, 0));
}

/// The app is SIGKILLed while the terminal is working on a payment (the journal says
/// `sent`). After the restart the attempt is settled by asking the terminal — which
/// booked it — and the sale is completed from the journal: charged once, sold once.
#[test]
fn sigkill_during_a_card_payment_then_restart() {
    use quay_sim::zvt::{Approve, Script};

    let (sim, dir) = zvt_counter();
    let d = dir.path();
    // The terminal takes the payment, books it, and goes quiet: the app waits for T4.
    sim.script(Script::Drop { after_statuses: 1, then: Box::new(Script::Approve(Approve::default())) });
    let mut child = Command::new(env!("CARGO_BIN_EXE_quay"))
        .arg("--data-dir")
        .arg(d)
        .args(["sales", "ring", "i-phobo", "--pay", "card"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let p: Value = serde_json::from_str(&ok(d, &["payments", "list", "--json"])).unwrap();
        if p.as_array().is_some_and(|a| a.first().is_some_and(|x| x["state"] == "sent")) && sim.journal().len() == 1 {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the payment never reached the terminal");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.kill().unwrap(); // SIGKILL, mid-payment
    child.wait().unwrap();
    let sales: Value = serde_json::from_str(&ok(d, &["sales", "list", "--json"])).unwrap();
    assert_eq!(sales, Value::Array(vec![]), "no sale yet: the outcome is not known");

    let settled = ok(d, &["payments", "resolve"]);
    assert!(settled.contains("approved"), "{settled}");
    let sales: Value = serde_json::from_str(&ok(d, &["sales", "list", "--json"])).unwrap();
    assert_eq!(sales.as_array().unwrap().len(), 1, "the sale completed from the journal");
    assert_eq!(sales[0]["tenders"][0]["kind"], "card");
    assert_eq!(sim.journal().len(), 1, "the terminal charged once");
    let log: Value = serde_json::from_str(&ok(d, &["payments", "list", "--json"])).unwrap();
    assert_eq!(log[0]["state"], "approved");
}

#[test]
fn a_receipt_prints_to_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["menu", "import", DEMO]);
    ok(d, &["config", "set", "counter.locale", "ar"]);
    let sale: Value = serde_json::from_str(&ok(d, &["sales", "ring", "i-phobo*2", "--pay", "cash", "--json"])).unwrap();
    let pdf = d.join("receipt.pdf");
    ok(d, &["sales", "receipt", sale["id"].as_str().unwrap(), "--pdf", pdf.to_str().unwrap()]);
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    assert!(bytes.windows(14).any(|w| w == b"NotoSansArabic"), "the Arabic font is embedded");
}
