//! The permission table through the window's commands: the real window, a sample of its
//! Tauri commands invoked as the webview invokes them, signed in as each role (and with
//! nobody signed in). Who may comes from `quay_core::auth::Action::roles`: a command
//! that skipped its use case's check, or a face that added one of its own, fails here.
//! The use cases themselves are covered one by one in crates/quay-app/tests/permissions.rs.

mod common;

use common::*;
use quay_core::auth::{Action, Role};
use serde_json::{json, Value};
use thirtyfour::prelude::*;

/// Invokes a command of the window like the webview does; `{ok}` or `{ok: false, code}`.
async fn invoke(d: &WebDriver, cmd: &str, args: Value) -> WebDriverResult<Value> {
    let js = "const [cmd, args, done] = arguments; \
        window.__TAURI_INTERNALS__.invoke(cmd, args).then(() => done({ok: true}), (e) => done({ok: false, code: e && e.code}));";
    Ok(d.execute_async(js, vec![json!(cmd), args]).await?.json().clone())
}

/// A sample of the window's commands, each with the action its use case needs.
fn sample() -> Vec<(&'static str, Value, Action)> {
    vec![
        ("cart_view", json!({}), Action::RingSale),
        ("payment_view", json!({}), Action::RingSale),
        ("cash_preview", json!({"tendered": "1"}), Action::RingSale),
        ("sales_today", json!({}), Action::ViewSales),
        ("open_payments", json!({}), Action::ViewSales),
        ("dayend_totals", json!({}), Action::Reconcile),
        ("dayend_presets", json!({}), Action::Reconcile),
        ("dayend_settle", json!({"action": "enter", "bankId": "no-such-line", "reason": "the bank's list"}), Action::ManualBankEntry),
        ("dayend_close", json!({"cashCounted": "1"}), Action::CloseDay),
        ("settings_view", json!({}), Action::ConfigureSettings),
        ("settings_save", json!({"changes": [["store.name", "Quán Lan"]]}), Action::ConfigureSettings),
        ("connection_test", json!({"target": "terminal"}), Action::TestConnection),
    ]
}

const REFUSALS: [&str; 2] = ["err-auth-not-allowed", "err-auth-signed-out"];

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs tauri-driver, WebKitWebDriver and a display: run by `make test` (make test-e2e)"]
async fn window_commands_apply_the_permission_table() -> WebDriverResult<()> {
    let out = output_dir();
    let data = tempfile::tempdir().unwrap();
    let p = data.path();
    quay(p, &["menu", "import", root().join("assets/demo-menu.json").to_str().unwrap()]);
    add_staff(p);
    let driver = Driver::start(&out);
    let d = open_window(&driver, p).await?;
    let result = async {
        by_testid(&d, "signin-screen").await?;
        let people = [
            (Some(CASHIER), Some(Role::Cashier)),
            (Some(MANAGER), Some(Role::Manager)),
            (Some(TECH), Some(Role::Technician)),
            (None, None),
        ];
        let mut failures = Vec::new();
        for (pin, role) in people {
            invoke(&d, "sign_out", json!({})).await?;
            if let Some(pin) = pin {
                let signed = invoke(&d, "sign_in", json!({"pin": pin})).await?;
                assert_eq!(signed["ok"], json!(true), "{signed}");
            }
            for (cmd, args, action) in sample() {
                let allowed = role.is_some_and(|r| action.roles().contains(&r));
                let r = invoke(&d, cmd, args).await?;
                let code = r["code"].as_str().unwrap_or("");
                let who = role.map_or("nobody", |r| r.as_str());
                let want = if role.is_some() { "err-auth-not-allowed" } else { "err-auth-signed-out" };
                if allowed && REFUSALS.contains(&code) {
                    failures.push(format!("{cmd}: {who} may ({}) but was refused {code}", action.as_str()));
                } else if !allowed && code != want {
                    failures.push(format!("{cmd}: {who} must be refused {want} ({}), got {r}", action.as_str()));
                }
            }
        }
        assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
        Ok(())
    }
    .await;
    d.quit().await?;
    result
}
