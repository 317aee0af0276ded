//! `quay connect test …` through the real binary against the hub simulator: each step
//! printed with its result, the PDF report written, a failure exiting 1 after the steps,
//! and the role the command needs.

use crate::common;

use common::*;
use quay_sim::HubConfig;
use serde_json::Value;

const DEMO: &[u8] = include_bytes!("../../assets/demo-menu.json");

fn configured(hub: &quay_sim::RunningHub) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (k, v) in [
        ("store.name", "Quán Lan"),
        ("store.address", "12 Lý Tự Trọng, Quận 1"),
        ("hub.url", hub.url.as_str()),
        ("hub.pos_parent", HubConfig::SANDBOX_POS_PARENT),
        ("hub.pos_id", HubConfig::SANDBOX_POS_ID),
    ] {
        ok(d, &["config", "set", k, v]);
    }
    set_secret(d, "hub.key1", HubConfig::SANDBOX_KEY1);
    set_secret(d, "hub.key2", HubConfig::SANDBOX_KEY2);
    dir
}

fn sim() -> quay_sim::RunningHub {
    quay_sim::start_in_thread(HubConfig::sandbox(quay_core::menu::MenuSnapshot::from_json(DEMO).unwrap()))
}

#[test]
fn the_hub_test_prints_its_steps_and_writes_the_report() {
    let hub = sim();
    let dir = configured(&hub);
    let d = dir.path();
    let pdf = d.join("hub.pdf");
    let out = ok(d, &["connect", "test", "hub", "--pdf", pdf.to_str().unwrap()]);
    assert_eq!(out.matches('✓').count(), 4, "{out}");
    for want in ["Quán Lan", "SANDBOX-01", "Quay sandbox café", "GET /ping", "Connection successful"] {
        assert!(out.contains(want), "{want} in {out}");
    }
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    // In Arabic, and as JSON.
    let ar = d.join("hub-ar.pdf");
    let out = ok(d, &["--lang", "ar", "connect", "test", "hub", "--pdf", ar.to_str().unwrap()]);
    assert!(out.contains("تم الاتصال بنجاح"), "{out}");
    assert!(std::fs::read(&ar).unwrap().starts_with(b"%PDF"));
    let v: Value = serde_json::from_str(&ok(d, &["connect", "test", "hub", "--json"])).unwrap();
    assert_eq!(v["ok"], true);
    assert_eq!(v["report"]["steps"].as_array().unwrap().len(), 4);
    // Each run is in the audit log.
    assert!(ok(d, &["audit", "verify"]).chars().any(|c| c.is_ascii_digit()));
}

#[test]
fn a_failed_test_prints_the_steps_then_exits_1() {
    let hub = sim();
    let dir = configured(&hub);
    let d = dir.path();
    let pdf = d.join("momo.pdf");
    let out = run(d, None, &["connect", "test", "momo", "--pdf", pdf.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stdout.contains('✗') && stdout.contains("MoMo"), "{stdout}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("quay: ") && stderr.contains("MoMo"), "{stderr}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"), "the report of a failure is written too");

    ok(d, &["config", "set", "partner.momo.enabled", "true"]);
    ok(d, &["config", "set", "partner.momo.point_code", "MOMO-QL-001"]);
    let out = ok(d, &["connect", "test", "momo"]);
    assert!(out.contains("not_found") && out.contains("MOMO-QL-001"), "{out}");

    // A bad target is a usage error.
    assert_eq!(run(d, None, &["connect", "test", "paypal"], "").status.code(), Some(2));
}

#[test]
fn only_a_technician_may_test_connections() {
    let hub = sim();
    let dir = configured(&hub);
    let d = dir.path();
    assert!(run(d, None, &["staff", "add", "--name", "Tech", "--role", "technician"], "2468\n").status.success());
    let out = run(d, Some("2468"), &["staff", "add", "--name", "Cash", "--role", "cashier"], "1357\n");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(run(d, Some("1357"), &["connect", "test", "hub"], "").status.code(), Some(1));
    let out = run(d, Some("2468"), &["connect", "test", "hub"], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

// ---- partner connection records (seed 000) ------------------------------------------

fn as_refs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn a_connection_is_recorded_step_by_step_with_its_note_proof_and_month_list() {
    let hub = sim();
    let dir = configured(&hub);
    let d = dir.path();
    ok(d, &["config", "set", "partner.momo.enabled", "true"]);
    ok(d, &["config", "set", "partner.momo.point_code", "MOMO-QL-001"]);
    let record = |args: &[&str]| {
        let mut all = vec!["connect", "record", "momo"];
        all.extend_from_slice(args);
        all.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };

    // Out of order, missing evidence, a bad phone: a translated line, exit 1, nothing kept.
    for (args, lang, want) in [
        (record(&["--step", "deployed"]), "en", "cannot be skipped"),
        (record(&["--step", "requested"]), "vi", "momo"),
        (record(&["--step", "requested", "--ref", "mail", "--phone", "call me"]), "en", "not a phone number"),
    ] {
        let mut all = vec!["--lang", lang];
        all.extend(as_refs(&args));
        let err = refused(d, &all);
        assert!(err.starts_with("quay: ") && !err.contains("err-conn"), "{err}");
        if lang == "en" {
            assert!(err.contains(want), "{want} in {err}");
        }
    }
    assert_eq!(json(d, &["connect", "show", "momo", "--json"])["status"], Value::Null, "nothing was recorded");

    ok(d, &as_refs(&record(&["--step", "requested", "--ref", "mail 2026-11-02 MoMo"])));
    let err = refused(d, &as_refs(&record(&["--step", "confirmed", "--confirmation", "merchant"])));
    assert!(err.contains("leader"), "MoMo needs its team leader too: {err}");
    ok(d, &as_refs(&record(&["--step", "confirmed", "--confirmation", "leader", "--confirmation", "merchant"])));
    ok(d, &as_refs(&record(&["--step", "deployed", "--contact", "Nguyễn Thị Lan", "--phone", "0901 234 567"])));
    ok(d, &as_refs(&record(&["--step", "approved", "--ref", "CMS-778"])));
    let out = ok(d, &as_refs(&record(&["--step", "connected"])));
    assert!(out.contains("MoMo"), "{out}");

    let row = json(d, &["connect", "show", "momo", "--json"]);
    assert_eq!(row["status"], "connected");
    assert_eq!(row["steps"].as_array().unwrap().len(), 5);
    assert_eq!(row["has_proof"], true);
    let shown = ok(d, &["connect", "show", "momo"]);
    assert!(shown.contains("CMS-778") && shown.contains("leader,merchant"), "{shown}");

    // The note as text (never the keys' values) and as a PDF; the proof as PDF and PNG.
    let note_pdf = d.join("note.pdf");
    let note = ok(d, &["connect", "note", "momo", "--pdf", note_pdf.to_str().unwrap()]);
    for want in ["Quán Lan", "SANDBOX", "SANDBOX-01", "Nguyễn Thị Lan", "0901 234 567", "CMS-778", "MOMO-QL-001"] {
        assert!(note.contains(want), "{want} in {note}");
    }
    assert!(!note.contains(std::str::from_utf8(HubConfig::SANDBOX_KEY1).unwrap()));
    assert!(std::fs::read(&note_pdf).unwrap().starts_with(b"%PDF"));
    let (pdf, png) = (d.join("proof.pdf"), d.join("proof.png"));
    ok(d, &["connect", "proof", "momo", "--pdf", pdf.to_str().unwrap(), "--png", png.to_str().unwrap()]);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));

    // The month's list from the hub, as .xlsx, CSV and JSON.
    let month = chrono::Local::now().format("%Y-%m").to_string();
    let (xlsx, csv) = (d.join("points.xlsx"), d.join("points.csv"));
    let out = ok(d, &["connect", "points", "--month", &month, "--xlsx", xlsx.to_str().unwrap(), "--csv", csv.to_str().unwrap()]);
    assert!(out.contains("SANDBOX-01") && out.contains("momo"), "{out}");
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"), "an .xlsx is a zip");
    assert!(std::fs::read_to_string(&csv).unwrap().contains("mail 2026-11-02 MoMo"));
    let v = json(d, &["connect", "points", "--month", &month, "--json"]);
    assert_eq!(v["source"], "hub");
    assert_eq!(v["rows"].as_array().unwrap().len(), 1);
    for bad in ["2026-13", "next month", "2999-01"] {
        let err = refused(d, &["connect", "points", "--month", bad]);
        assert!(err.contains(bad), "{err}");
    }
}
