//! The permission table through the command line: a sample of commands, each with the
//! action its use case needs, run as each role (by `QUAY_PIN`) and with no PIN. Who may
//! comes from `quay_core::auth::Action::roles`, so the command line cannot grant or
//! refuse anything the table does not say; a refusal says so in the counter's language
//! and changes nothing (the audit chain's length is the same). The use cases themselves
//! are covered one by one in `crates/quay-app/tests/permissions.rs`.

use crate::common;

use std::path::Path;

use common::{ok, ok_as, ok_with, run, DEMO};
use quay_core::auth::{Action, Role};

const TECH: &str = "2468";
const MANAGER: &str = "5678";
const CASHIER: &str = "1357";

fn audit_len(d: &Path) -> String {
    ok_as(d, Some(TECH), &["audit", "verify"])
}

#[test]
fn the_command_line_applies_the_permission_table() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["menu", "import", DEMO]);
    ok(d, &["config", "set", "counter.locale", "en"]);
    let sale: serde_json::Value = serde_json::from_str(&ok(d, &["sales", "ring", "i-phobo", "--pay", "cash", "--json"])).unwrap();
    let sale_id = sale["id"].as_str().unwrap().to_string();
    ok_with(d, None, &["staff", "add", "--name", "Tuấn", "--role", "technician"], &format!("{TECH}\n"));
    ok_with(d, Some(TECH), &["staff", "add", "--name", "Hoa", "--role", "manager"], &format!("{MANAGER}\n"));
    ok_with(d, Some(TECH), &["staff", "add", "--name", "Lan", "--role", "cashier"], &format!("{CASHIER}\n"));

    let sample: Vec<(Action, Vec<&str>)> = vec![
        (Action::ViewSales, vec!["sales", "list"]),
        (Action::ViewSales, vec!["payments", "list"]),
        (Action::RingSale, vec!["voucher", "resolve"]),
        (Action::Reconcile, vec!["dayend", "totals"]),
        (Action::Reconcile, vec!["dayend", "preset", "list"]),
        (Action::ManualBankEntry, vec!["dayend", "settle", "enter", "--bank-line", "no-such-line", "--reason", "bank list"]),
        (Action::SettlePayment, vec!["payments", "settle", "no-such-key", "--not-charged", "--reason", "checked"]),
        (Action::ApproveVoid, vec!["sales", "void", &sale_id, "--reason", "wrong table"]),
        (Action::CloseDay, vec!["dayend", "close", "--cash-counted", "1"]),
        (Action::ConfigureSettings, vec!["config", "get", "counter.id"]),
        (Action::ConfigureSettings, vec!["config", "set", "store.name", "Quán Lan"]),
        (Action::TestConnection, vec!["terminal", "status", "--port", "/nonexistent/tty"]),
        (Action::ManageStaff, vec!["staff", "list"]),
    ];
    let people =
        [(Some(CASHIER), Some(Role::Cashier)), (Some(MANAGER), Some(Role::Manager)), (Some(TECH), Some(Role::Technician)), (None, None)];
    let mut failures = Vec::new();
    for (action, args) in &sample {
        for (pin, role) in people {
            let allowed = role.is_some_and(|r| action.roles().contains(&r));
            let before = audit_len(d);
            let out = run(d, pin, args, "");
            let err = String::from_utf8_lossy(&out.stderr).to_string();
            let refusal = err.contains("may not do this") || err.contains("A PIN is needed");
            let who = role.map_or("no PIN", |r| r.as_str());
            if allowed && refusal {
                failures.push(format!("{args:?}: {who} is allowed ({}) but was refused: {err}", action.as_str()));
            } else if !allowed {
                let want = if role.is_some() { "may not do this" } else { "A PIN is needed" };
                if out.status.code() != Some(1) || !err.contains(want) {
                    failures.push(format!("{args:?}: {who} must be refused ({}): {:?} {err}", action.as_str(), out.status.code()));
                } else if audit_len(d) != before {
                    failures.push(format!("{args:?}: refused for {who}, but the audit log grew"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
