//! Roles through the real binary: the first technician, PINs from `QUAY_PIN`, every
//! command checking its role, a manager's PIN approving a void, the lockout, and the
//! hash-chained audit log catching an edit made behind the app's back.

use crate::common;

use std::path::Path;
use std::process::Output;

use common::*;
use serde_json::Value;

const TECH: &str = "2468";
const MANAGER: &str = "5678";
const CASHIER: &str = "1357";

fn add_staff(dir: &Path, by: Option<&str>, name: &str, role: &str, pin: &str) -> Output {
    run(dir, by, &["staff", "add", "--name", name, "--role", role], &format!("{pin}\n"))
}

#[test]
fn roles_are_checked_by_the_backend_and_approvals_are_audited() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok_as(d, None, &["menu", "import", DEMO]); // setup: nobody to ask yet

    // The first member must be a technician, and needs no PIN.
    let out = add_staff(d, None, "Lan", "cashier", CASHIER);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("technician"), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(add_staff(d, None, "Tuấn (tech)", "technician", TECH).status.success());
    // From now on every command checks its role.
    assert!(!add_staff(d, None, "Mallory", "manager", "9999").status.success(), "no PIN, no new staff");
    assert!(!add_staff(d, Some("0000"), "Mallory", "manager", "9999").status.success(), "wrong PIN");
    assert!(add_staff(d, Some(TECH), "Hoa", "manager", MANAGER).status.success());
    assert!(add_staff(d, Some(TECH), "Lan", "cashier", CASHIER).status.success());
    let dup = add_staff(d, Some(TECH), "Minh", "cashier", CASHIER);
    assert!(!dup.status.success(), "a PIN already in use is refused");

    // Settings: a technician's job, and secrets stay masked.
    let e = refused_as(d, None, &["config", "set", "store.name", "Quán Lan"]);
    assert!(e.contains("PIN"), "{e}");
    refused_as(d, Some(MANAGER), &["config", "set", "store.name", "Quán Lan"]);
    ok_as(d, Some(TECH), &["config", "set", "store.name", "Quán Lan"]);
    let out = run(d, Some(TECH), &["config", "set", "hub.key1", "-"], "super-secret-key1\n");
    assert!(out.status.success());
    assert_eq!(ok_as(d, Some(TECH), &["config", "get", "hub.key1"]).trim(), "********");
    refused_as(d, Some(CASHIER), &["config", "get", "hub.key1"]);

    // Selling: cashiers and managers, not technicians, not nobody.
    refused_as(d, None, &["sales", "ring", "i-phobo", "--pay", "cash"]);
    refused_as(d, Some(TECH), &["sales", "ring", "i-phobo", "--pay", "cash"]);
    let sale: Value = serde_json::from_str(&ok_as(d, Some(CASHIER), &["sales", "ring", "i-phobo", "--pay", "cash", "--json"])).unwrap();
    let id = sale["id"].as_str().unwrap().to_string();

    // A void needs a manager's PIN; the void record names the approver.
    let e = refused_as(d, Some(CASHIER), &["sales", "void", &id, "--reason", "wrong table"]);
    assert!(e.contains("cashier") || e.contains("Cashier") || e.contains("not"), "{e}");
    ok_as(d, Some(MANAGER), &["sales", "void", &id, "--reason", "wrong table"]);
    let list: Value = serde_json::from_str(&ok_as(d, Some(CASHIER), &["sales", "list", "--json"])).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 2);

    // The audit log holds the staff, the settings (masked) and the void, and verifies.
    let v = ok_as(d, Some(CASHIER), &["audit", "verify"]);
    assert!(v.contains("intact"), "{v}");
    let conn = rusqlite::Connection::open(d.join("quay.db")).unwrap();
    let actions: Vec<(String, Option<String>)> = conn
        .prepare("SELECT action, after FROM audit_log ORDER BY seq")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let names: Vec<&str> = actions.iter().map(|(a, _)| a.as_str()).collect();
    for wanted in ["setting.set", "sale.void"] {
        assert!(names.contains(&wanted), "{wanted} audited: {names:?}");
    }
    let key1 = actions.iter().find(|(a, after)| a == "setting.set" && after.as_deref() == Some("********"));
    assert!(key1.is_some(), "a secret is audited masked");
    assert!(!actions.iter().any(|(_, after)| after.as_deref().is_some_and(|a| a.contains("super-secret"))), "never the secret");

    // Someone with the database file edits a row behind the app's back.
    conn.execute_batch("DROP TRIGGER IF EXISTS audit_log_u; DROP TRIGGER IF EXISTS audit_log_no_update;").unwrap();
    let triggers: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    for t in triggers {
        conn.execute_batch(&format!("DROP TRIGGER {t}")).unwrap();
    }
    let seq: i64 = conn.query_row("SELECT seq FROM audit_log WHERE action = 'sale.void'", [], |r| r.get(0)).unwrap();
    conn.execute("UPDATE audit_log SET actor = 'someone-else' WHERE seq = ?1", [seq]).unwrap();
    let out = run(d, Some(CASHIER), &["audit", "verify"], "");
    assert!(!out.status.success(), "an edited row is detected");
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(e.contains(&seq.to_string()), "names the first bad row {seq}: {e}");
}

#[test]
fn repeated_wrong_pins_lock_the_pin_pad() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok_as(d, None, &["menu", "import", DEMO]);
    assert!(add_staff(d, None, "Tech", "technician", TECH).status.success());
    assert!(add_staff(d, Some(TECH), "Lan", "cashier", CASHIER).status.success());
    for guess in ["0001", "0002", "0003", "0004", "0005"] {
        let e = refused_as(d, Some(guess), &["sales", "list"]);
        assert!(e.contains("Wrong PIN") || e.contains("min"), "{e}");
    }
    // Locked: even the right PIN waits, and the message says for how long.
    let e = refused_as(d, Some(CASHIER), &["sales", "list"]);
    assert!(e.contains("min"), "{e}");
}

/// Every sale records the person whose PIN rang it: before anyone can sign in, the
/// counter's label (`counter.cashier`); then the member the PIN names. A void records the
/// manager who voided and approved it (one PIN on the command line), and the export too.
#[test]
fn sales_record_whose_pin_rang_them() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok_as(d, None, &["menu", "import", DEMO]);
    ok_as(d, None, &["config", "set", "counter.cashier", "Quầy 1"]);
    let ring = |pin: Option<&str>| -> Value {
        serde_json::from_str(&ok_as(d, pin, &["sales", "ring", "i-phobo", "--pay", "cash", "--json"])).unwrap()
    };
    let mut rung = vec![(ring(None), "Quầy 1")]; // setup: nobody to sign in yet
    assert!(add_staff(d, None, "Tuấn", "technician", TECH).status.success());
    assert!(add_staff(d, Some(TECH), "Hoa", "manager", MANAGER).status.success());
    assert!(add_staff(d, Some(TECH), "Lan", "cashier", CASHIER).status.success());
    for (pin, name) in [(CASHIER, "Lan"), (MANAGER, "Hoa")] {
        rung.push((ring(Some(pin)), name));
    }
    for (sale, name) in &rung {
        assert_eq!(sale["cashier"], *name, "{sale}");
    }
    let lans = rung[1].0["id"].as_str().unwrap();
    let void: Value =
        serde_json::from_str(&ok_as(d, Some(MANAGER), &["sales", "void", lans, "--reason", "wrong table", "--json"])).unwrap();
    assert_eq!(void["cashier"], "Hoa");

    let list: Value = serde_json::from_str(&ok_as(d, Some(CASHIER), &["sales", "list", "--json"])).unwrap();
    let by_id = |id: &Value| list.as_array().unwrap().iter().find(|r| r["id"] == *id).unwrap().clone();
    for (sale, name) in &rung {
        assert_eq!(by_id(&sale["id"])["cashier"], *name);
    }
    assert_eq!(by_id(&void["id"])["approved_by"], "Hoa", "the approving manager");
    let export: Value = serde_json::from_str(&ok_as(d, Some(CASHIER), &["sales", "export", "--format", "json"])).unwrap();
    let names: Vec<&str> = export.as_array().unwrap().iter().map(|s| s["cashier"].as_str().unwrap()).collect();
    assert_eq!(names, ["Quầy 1", "Lan", "Hoa", "Hoa"]);
    let csv = ok_as(d, Some(CASHIER), &["sales", "export", "--format", "csv"]);
    for name in ["Quầy 1", "Lan", "Hoa"] {
        assert!(csv.contains(&format!(",{name},")), "{csv}");
    }
}
