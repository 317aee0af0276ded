//! The Online orders screen in the real window, on the Nhanh simulator (`quay-sim
//! --nhanh`): a counter connected from the command line (`quay nhanh connect`) with its
//! menu from Nhanh; an order placed on Nhanh's website appears with its customer and
//! lines; the cashier confirms it and rings it up, pays cash at pickup — and Nhanh has the
//! order handed over, never a second order. In Arabic the screen runs right to left and
//! nothing covers a control.

mod common;

use std::io::BufRead;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::{json, Value};
use thirtyfour::prelude::*;

/// `quay-sim --nhanh` on free ports; stopped on drop.
struct NhanhSim {
    child: Child,
    url: String,
    app_id: String,
    secret: String,
    code: String,
}

impl NhanhSim {
    fn start() -> NhanhSim {
        let menu = root().join("assets/demo-menu.json");
        let mut child = Command::new(sim_binary())
            .args(["--port", "0", "--menu", menu.to_str().unwrap(), "--nhanh"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("quay-sim (built by cargo test --workspace)");
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut seen = std::collections::HashMap::new();
        let mut line = String::new();
        while !seen.contains_key("nhanh-code") && out.read_line(&mut line).unwrap() > 0 {
            if let Some((k, v)) = line.trim().split_once(": ") {
                seen.insert(k.to_string(), v.to_string());
            }
            line.clear();
        }
        std::thread::spawn(move || {
            let mut line = String::new();
            while out.read_line(&mut line).is_ok_and(|n| n > 0) {
                line.clear();
            }
        });
        let get = |k: &str| seen.get(k).cloned().unwrap_or_else(|| panic!("the simulator printed no {k:?} line"));
        NhanhSim { url: get("nhanh"), app_id: get("nhanh-app-id"), secret: get("nhanh-secret"), code: get("nhanh-code"), child }
    }

    fn authority(&self) -> String {
        self.url.trim_start_matches("http://").split('/').next().unwrap().to_string()
    }

    fn admin(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        let (status, v) = http_json(&self.authority(), method, path, body);
        assert_eq!(status, 200, "{method} {path}: {v}");
        v
    }
}

impl Drop for NhanhSim {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn sign_in_as(d: &WebDriver, pin: &str) -> WebDriverResult<()> {
    by_testid(d, "signin-screen").await?;
    type_pin(d, "signin", pin).await?;
    click(d, "signin-submit").await?;
    by_testid(d, "header-staff").await?;
    Ok(())
}

/// Waits for the order's row to show `stage` (read in the page: the list re-renders as
/// events arrive, so a held element can go stale).
async fn wait_stage(d: &WebDriver, id: i64, stage: &str) -> WebDriverResult<()> {
    let deadline = Instant::now() + Duration::from_secs(20);
    let script = format!("const e = document.querySelector(\"[data-testid='online-order-{id}']\"); return e ? e.dataset.stage : null;");
    loop {
        let now: Value = d.execute(&script, Vec::<Value>::new()).await?.json().clone();
        if now.as_str() == Some(stage) {
            return Ok(());
        }
        assert!(Instant::now() < deadline, "order {id} never reached {stage} (it is {now})");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The row's text, read in the page.
async fn row_text(d: &WebDriver, id: i64) -> WebDriverResult<String> {
    let script = format!("const e = document.querySelector(\"[data-testid='online-order-{id}']\"); return e ? e.innerText : '';");
    Ok(d.execute(&script, Vec::<Value>::new()).await?.json().as_str().unwrap_or_default().to_string())
}

fn counter_on_nhanh(p: &Path, sim: &NhanhSim) {
    quay(p, &["config", "set", "counter.locale", "en"]);
    for (k, v) in [
        ("nhanh.url", &sim.url),
        ("nhanh.app_id", &sim.app_id),
        ("nhanh.depot_id", &"101".to_string()),
        ("menu.source", &"nhanh".to_string()),
    ] {
        quay(p, &["config", "set", k, v]);
    }
    quay_stdin(p, &["config", "set", "nhanh.secret_key", "-"], &format!("{}\n", sim.secret));
    let out = quay(p, &["nhanh", "connect", "--access-code", &sim.code]);
    assert!(out.contains("42861"), "{out}");
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs tauri-driver, WebKitWebDriver and a display: run by `make test` (make test-e2e)"]
async fn online_orders_confirmed_rung_up_and_handed_over() -> WebDriverResult<()> {
    let out = output_dir();
    let data = tempfile::tempdir().unwrap();
    let p: &Path = data.path();
    let sim = NhanhSim::start();
    counter_on_nhanh(p, &sim);
    // An order on Nhanh's website: two iced milk coffees for Lê Minh Châu.
    let order = sim.admin("POST", "/admin/nhanh/channel-order", Some(&json!({"products": [[5001, 2]]})));
    let id = order["info"]["id"].as_i64().unwrap_or_else(|| panic!("{order}"));
    let total = order["payment"]["amount"].as_i64().unwrap_or(58_000);
    quay(p, &["nhanh", "push"]);
    let listed = quay(p, &["nhanh", "orders", "--json"]);
    assert!(listed.contains(&id.to_string()), "{listed}");
    add_staff(p);
    let driver = Driver::start(&out);
    let d = open_window(&driver, p).await?;
    let result = async {
        sign_in_as(&d, CASHIER).await?;
        set_size(&d, SIZES[0]).await?;
        by_testid(&d, "online-orders-badge").await?;
        click(&d, "online-orders-button").await?;
        by_testid(&d, "online-orders").await?;
        wait_stage(&d, id, "new").await?;
        let row = row_text(&d, id).await?;
        assert!(row.contains("Lê Minh Châu") && row.contains("0903123456"), "{row}");
        shot(&d, &out, "online-01-new").await?;
        assert_nothing_covers(&d, &out, "online-orders-en").await?;

        click(&d, &format!("online-order-{id}-confirm")).await?;
        wait_stage(&d, id, "confirmed").await?;
        // Right to left in Arabic, nothing covering a control.
        set_locale(&d, "ar").await?;
        let dir: Value = d.execute("return document.documentElement.dir;", Vec::<Value>::new()).await?.json().clone();
        assert_eq!(dir, json!("rtl"));
        wait_stage(&d, id, "confirmed").await?;
        shot(&d, &out, "online-02-ar").await?;
        assert_nothing_covers(&d, &out, "online-orders-ar").await?;
        set_locale(&d, "en").await?;

        // Rung up: the register with the order in the cart, paid in cash at pickup.
        click(&d, &format!("online-order-{id}-ring")).await?;
        by_testid(&d, "cart-online-order").await?;
        assert_eq!(by_testid(&d, "cart-total").await?.text().await?, vnd_en(total));
        shot(&d, &out, "online-03-cart").await?;
        click(&d, "pay-cash").await?;
        by_testid(&d, "cash-dialog").await?;
        for k in total.to_string().chars().map(|c| format!("numpad-{c}")) {
            click(&d, &k).await?;
        }
        click(&d, "cash-confirm").await?;
        wait_text(&d, "receipt-dialog", "C1-000001").await?;
        click(&d, "receipt-close").await?;
        Ok::<_, WebDriverError>(())
    }
    .await;
    if result.is_err() {
        let _ = shot(&d, &out, "failure-online-orders").await;
    }
    d.quit().await?;
    result?;
    // The background worker (or a push) hands the order over at Nhanh: status 60, and the
    // sale never became a second order.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let orders = sim.admin("GET", "/admin/nhanh/orders", None);
        let rows = orders.as_array().cloned().or_else(|| orders["orders"].as_array().cloned()).unwrap_or_default();
        let status = rows
            .iter()
            .find(|o| o["info"]["id"].as_i64() == Some(id) || o["id"].as_i64() == Some(id))
            .map(|o| o["info"]["status"].as_i64().or_else(|| o["status"].as_i64()).unwrap_or_default());
        if status == Some(60) {
            assert_eq!(rows.len(), 1, "one order at Nhanh: {orders}");
            break;
        }
        assert!(Instant::now() < deadline, "order {id} not handed over: {orders}");
        quay_with_pin(p, CASHIER, &["nhanh", "push"]);
        std::thread::sleep(Duration::from_millis(500));
    }
    Ok(())
}
