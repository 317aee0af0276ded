//! The bank virtual POS in the real window, on the NestPay simulator (`quay-sim --vpos`):
//! the technician adds a NestPay definition on the definitions screen (its secrets masked
//! once saved) and tests its connection; then a cashier takes two card payments by phone —
//! the approved test card and a card the issuer declines (51) — the card fields empty after
//! each, the outcome in the status bar, and the day's log lists both with their codes. The
//! full card number and CVV are nowhere in the counter's data directory afterwards.

mod common;

use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::{json, Value};
use thirtyfour::prelude::*;

const APPROVED_CARD: &str = "4508034508034509";
const DECLINED_CARD: &str = "4000000000000515"; // the simulator's issuer answers 51
const EXPIRY: &str = "12/30";
const CVV: &str = "123";

/// `quay-sim --vpos` in the demo counter's currency (VND), with the hub for the menu, on
/// free ports; stopped on drop.
struct VposSim {
    child: Child,
    lines: HashMap<String, String>,
}

impl VposSim {
    fn start() -> VposSim {
        const WANTED: [&str; 7] = [
            "hub",
            "vpos-nestpay",
            "vpos-nestpay-gate",
            "vpos-nestpay-client-id",
            "vpos-nestpay-user",
            "vpos-nestpay-password",
            "vpos-nestpay-store-key",
        ];
        let menu = root().join("assets/demo-menu.json");
        let mut child = Command::new(sim_binary())
            .args(["--port", "0", "--menu", menu.to_str().unwrap(), "--vpos", "--vpos-currency", "VND"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("quay-sim (built by cargo test --workspace)");
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut lines = HashMap::new();
        let mut line = String::new();
        while !WANTED.iter().all(|k| lines.contains_key(*k)) && out.read_line(&mut line).unwrap() > 0 {
            if let Some((k, v)) = line.trim().split_once(": ") {
                lines.insert(k.to_string(), v.trim().to_string());
            }
            line.clear();
        }
        // Keep reading what the simulator prints after, so it never writes into a closed pipe.
        std::thread::spawn(move || {
            let mut line = String::new();
            while out.read_line(&mut line).is_ok_and(|n| n > 0) {
                line.clear();
            }
        });
        for k in WANTED {
            assert!(lines.contains_key(k), "the simulator printed no {k:?} line: {lines:?}");
        }
        VposSim { child, lines }
    }

    fn get(&self, k: &str) -> &str {
        &self.lines[k]
    }
}

impl Drop for VposSim {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A counter in English on the hub simulator, its menu synced (the register as usual).
fn counter(p: &Path, sim: &VposSim) {
    quay(p, &["config", "set", "counter.locale", "en"]);
    quay(p, &["config", "set", "hub.url", sim.get("hub")]);
    quay(p, &["config", "set", "hub.pos_parent", "SANDBOX"]);
    quay(p, &["config", "set", "hub.pos_id", "SANDBOX-01"]);
    quay_stdin(p, &["config", "set", "hub.key1", "-"], "sandbox-key1-0123456789abcdef\n");
    quay_stdin(p, &["config", "set", "hub.key2", "-"], "sandbox-key2-0123456789abcdef\n");
    quay(p, &["menu", "sync"]);
}

async fn sign_in(d: &WebDriver, pin: &str) -> WebDriverResult<()> {
    by_testid(d, "signin-screen").await?;
    type_pin(d, "signin", pin).await?;
    click(d, "signin-submit").await?;
    by_testid(d, "header-staff").await?;
    Ok(())
}

async fn sign_out(d: &WebDriver) -> WebDriverResult<()> {
    click(d, "sign-out").await?;
    by_testid(d, "signin-screen").await?;
    Ok(())
}

/// Types `text` into the input as a person does, after emptying it (and letting Svelte see
/// the empty field: the driver's clear sends no input event).
async fn fill(d: &WebDriver, testid: &str, text: &str) -> WebDriverResult<()> {
    let el = by_testid(d, testid).await?;
    d.execute("const e = arguments[0]; e.value = ''; e.dispatchEvent(new Event('input', { bubbles: true }));", vec![el.to_json()?]).await?;
    el.send_keys(text).await
}

/// Chooses `value` in a `<select>` from script (WebKitGTK's native popup cannot be clicked).
async fn choose(d: &WebDriver, testid: &str, value: &str) -> WebDriverResult<()> {
    let el = by_testid(d, testid).await?;
    let js = "const [s, v] = arguments; \
              if (![...s.options].some(o => o.value === v)) return false; \
              s.value = v; s.dispatchEvent(new Event('change', { bubbles: true })); return true;";
    let ok = d.execute(js, vec![el.to_json()?, json!(value)]).await?.json().clone();
    assert_eq!(ok, json!(true), "{testid}: no option {value:?}");
    Ok(())
}

/// Runs `script` in the page until it returns `want`.
async fn wait_js(d: &WebDriver, script: &str, want: Value, what: &str) -> WebDriverResult<()> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let got = d.execute(script, Vec::<Value>::new()).await?.json().clone();
        if got == want {
            return Ok(());
        }
        if Instant::now() > deadline {
            let toast: Value = d
                .execute(
                    "const e = document.querySelector(\"[data-testid='status-bar']\"); return e ? e.innerText : '';",
                    Vec::<Value>::new(),
                )
                .await?
                .json()
                .clone();
            panic!("{what}: {got} (wanted {want}); status bar: {toast}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// What the three card inputs hold now.
async fn card_fields(d: &WebDriver) -> WebDriverResult<Value> {
    Ok(d
        .execute(
            "return ['phone-card-number', 'phone-card-expiry', 'phone-card-cvv'].map(id => document.querySelector(`[data-testid='${id}']`).value);",
            Vec::<Value>::new(),
        )
        .await?
        .json()
        .clone())
}

/// One phone payment of `amount` with `card`: typed, paid, the card fields empty after.
async fn phone_payment(d: &WebDriver, amount: &str, reference: &str, card: &str) -> WebDriverResult<()> {
    click(d, "phone-use-amount").await?;
    fill(d, "phone-amount", amount).await?;
    fill(d, "phone-reference", reference).await?;
    fill(d, "phone-customer-phone", "0532 000 00 00").await?;
    fill(d, "phone-note", "Catering deposit").await?;
    fill(d, "phone-card-number", card).await?;
    fill(d, "phone-card-expiry", &EXPIRY.replace('/', "")).await?;
    fill(d, "phone-card-cvv", CVV).await?;
    assert_eq!(card_fields(d).await?, json!([card, EXPIRY, CVV]));
    click(d, "phone-pay").await?;
    // The answer is in the status bar; the card is gone from the screen whatever it was.
    wait_js(
        d,
        "return !!document.querySelector(\"[data-testid='notice-toast'], [data-testid='error-toast']\") && \
         !document.querySelector(\"[data-testid='phone-pay'][aria-busy='true']\");",
        json!(true),
        "the bank's answer",
    )
    .await?;
    assert_eq!(card_fields(d).await?, json!(["", "", ""]), "the card fields are emptied after paying");
    Ok(())
}

/// Every file under `dir` (the counter's database, its WAL, logs, reports).
fn files_under(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let path = e.path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs tauri-driver, WebKitWebDriver and a display: run by `make test` (make test-e2e)"]
async fn vpos_phone_order_and_definitions() -> WebDriverResult<()> {
    let out = output_dir();
    let data = tempfile::tempdir().unwrap();
    let p: &Path = data.path();
    let sim = VposSim::start();
    counter(p, &sim);
    add_staff(p);
    let driver = Driver::start(&out);
    let d = open_window(&driver, p).await?;
    let result = async {
        // The technician defines the bank on the screen.
        sign_in(&d, TECH).await?;
        set_size(&d, SIZES[0]).await?;
        click(&d, "vpos-open").await?;
        by_testid(&d, "vpos-definitions").await?;
        click(&d, "vpos-def-add").await?;
        by_testid(&d, "vpos-def-form").await?;
        choose(&d, "vpos-def-input-kind", "nestpay").await?;
        fill(&d, "vpos-def-input-name", "Akbank").await?;
        fill(&d, "vpos-def-input-api-url", sim.get("vpos-nestpay")).await?;
        fill(&d, "vpos-def-input-gate-url", sim.get("vpos-nestpay-gate")).await?;
        fill(&d, "vpos-def-input-currency", "VND").await?;
        fill(&d, "vpos-def-input-static-ip", "203.0.113.7").await?;
        fill(&d, "vpos-def-input-client_id", sim.get("vpos-nestpay-client-id")).await?;
        fill(&d, "vpos-def-input-username", sim.get("vpos-nestpay-user")).await?;
        fill(&d, "vpos-def-input-password", sim.get("vpos-nestpay-password")).await?;
        fill(&d, "vpos-def-input-store_key", sim.get("vpos-nestpay-store-key")).await?;
        shot(&d, &out, "vpos-01-definition-form").await?;
        click(&d, "vpos-def-form-save").await?;
        wait_count(&d, "[data-testid='vpos-def'][data-name='Akbank'][data-kind='nestpay']", 1).await?;
        wait_count(&d, "[data-testid='vpos-def-form']", 0).await?;
        // Saved, the secrets are masked on the screen.
        let listed = by_testid(&d, "vpos-definitions").await?.text().await?;
        assert!(listed.contains("203.0.113.7") && listed.contains(sim.get("vpos-nestpay-client-id")), "{listed}");
        for secret in [sim.get("vpos-nestpay-password"), sim.get("vpos-nestpay-store-key")] {
            assert!(!listed.contains(secret), "a secret on the screen: {listed}");
        }
        // Its connection test passes.
        click(&d, "connect-test-vpos:Akbank").await?;
        wait_js(
            &d,
            "const r = document.querySelector(\"[data-testid='connect-vpos:Akbank'] [data-testid='connect-report']\"); \
             return r && !document.querySelector(\"[data-testid='connect-test-vpos:Akbank'][aria-busy='true']\") ? r.dataset.ok : null;",
            json!("true"),
            "the connection test of vpos:Akbank",
        )
        .await?;
        shot(&d, &out, "vpos-02-connection-test").await?;
        assert_nothing_covers(&d, &out, "vpos-definitions").await?;
        sign_out(&d).await?;

        // The cashier takes two payments by phone.
        sign_in(&d, CASHIER).await?;
        click(&d, "phone-payment-button").await?;
        by_testid(&d, "phone-payment").await?;
        choose(&d, "phone-definition", "Akbank").await?;
        phone_payment(&d, "125000", "Catering 12", APPROVED_CARD).await?;
        let said = wait_text(&d, "notice-toast", "Approved").await?;
        assert!(said.contains("450803") && said.contains("4509") && !said.contains(APPROVED_CARD), "{said}");
        shot(&d, &out, "vpos-03-approved").await?;

        phone_payment(&d, "80000", "Catering 13", DECLINED_CARD).await?;
        let said = wait_text(&d, "error-toast", "51").await?;
        assert!(!said.contains(DECLINED_CARD), "{said}");
        shot(&d, &out, "vpos-04-declined").await?;

        // The day's log lists both, with the bank's codes and who took them.
        wait_count(&d, "[data-testid='phone-log-row']", 2).await?;
        wait_count(&d, "[data-testid='phone-log-row'][data-state='approved'][data-code='00']", 1).await?;
        wait_count(&d, "[data-testid='phone-log-row'][data-state='declined'][data-code='51']", 1).await?;
        let log = by_testid(&d, "phone-log").await?.text().await?;
        assert!(log.contains("Lan"), "who took them: {log}");
        assert!(!log.contains(APPROVED_CARD) && !log.contains(DECLINED_CARD), "{log}");
        assert_nothing_covers(&d, &out, "vpos-phone-payment").await?;
        shot(&d, &out, "vpos-05-log").await?;
        Ok::<_, WebDriverError>(())
    }
    .await;
    if result.is_err() {
        let _ = shot(&d, &out, "failure-vpos").await;
    }
    d.quit().await?;
    result?;

    // The log from the command line agrees; nothing of either card is in the data directory.
    let log = quay_with_pin(p, MANAGER, &["vpos", "log", "--json"]);
    assert!(log.contains("\"00\"") && log.contains("\"51\""), "{log}");
    let mut files = Vec::new();
    files_under(p, &mut files);
    for f in files {
        let bytes = std::fs::read(&f).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        for card in [APPROVED_CARD, DECLINED_CARD] {
            assert!(!text.contains(card), "{} holds a full card number", f.display());
        }
    }
    Ok(())
}
