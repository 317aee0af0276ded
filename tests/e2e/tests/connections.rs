//! The technician's partner connection records in the real window (issue 18), on the hub
//! simulator: MoMo is requested with its reference (the step in the timeline); `confirmed`
//! with only the merchant ticked is refused in the status bar, in words, covering no
//! control, and nothing is recorded; with both ticked it is; the deployment note shows the
//! point's name and its Pos ID; the month's list of the current month (chosen with the
//! month picker's buttons) is exported from the hub, its spreadsheet's path shown.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::*;
use serde_json::{json, Value};
use thirtyfour::prelude::*;

const POINT_NAME: &str = "Quay Café Lê Lợi";
const REQUEST_REF: &str = "mail 2026-11-02 MoMo";

async fn sign_in(d: &WebDriver, pin: &str) -> WebDriverResult<()> {
    by_testid(d, "signin-screen").await?;
    type_pin(d, "signin", pin).await?;
    click(d, "signin-submit").await?;
    by_testid(d, "header-staff").await?;
    Ok(())
}

/// Types `text` into the input as a person does, after emptying it (and letting Svelte see
/// the empty field: the driver's clear sends no input event).
async fn fill(d: &WebDriver, testid: &str, text: &str) -> WebDriverResult<()> {
    let el = by_testid(d, testid).await?;
    d.execute("const e = arguments[0]; e.value = ''; e.dispatchEvent(new Event('input', { bubbles: true }));", vec![el.to_json()?]).await?;
    el.send_keys(text).await
}

/// Runs `script` in the page until it returns `want`.
async fn wait_js(d: &WebDriver, script: &str, want: Value, what: &str) -> WebDriverResult<()> {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let got = d.execute(script, Vec::<Value>::new()).await?.json().clone();
        if got == want {
            return Ok(());
        }
        if Instant::now() > deadline {
            let bar: Value = d
                .execute(
                    "const e = document.querySelector(\"[data-testid='status-bar']\"); return e ? e.innerText : '';",
                    Vec::<Value>::new(),
                )
                .await?
                .json()
                .clone();
            panic!("{what}: {got} (wanted {want}); status bar: {bar}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// MoMo's status as its row in the list shows it.
async fn momo_status(d: &WebDriver) -> WebDriverResult<String> {
    by_testid(d, "conn-row-momo").await?.attr("data-status").await.map(|s| s.unwrap_or_default())
}

/// Waits until the record button is idle again (the backend answered).
async fn record_done(d: &WebDriver) -> WebDriverResult<()> {
    wait_js(
        d,
        "return !document.querySelector(\"[data-testid='conn-record'][aria-busy='true'], [data-testid='conn-record'][disabled]\");",
        json!(true),
        "the record button idle",
    )
    .await
}

/// The current month as the counter's clock has it (`YYYY-MM`, local time).
fn this_month() -> String {
    let out = std::process::Command::new("date").arg("+%Y-%m").output().unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs tauri-driver, WebKitWebDriver and a display: run by `make test` (make test-e2e)"]
async fn partner_connections_record_note_and_month_list() -> WebDriverResult<()> {
    let started = Instant::now();
    let out = output_dir();
    let data = tempfile::tempdir().unwrap();
    let p: &Path = data.path();
    let sim = Sim::start();
    counter_on_hub(p, &sim);
    add_staff(p);
    let driver = Driver::start(&out);
    let d = open_window(&driver, p).await?;
    let result = async {
        sign_in(&d, TECH).await?;
        set_size(&d, SIZES[0]).await?;
        click(&d, "conn-open").await?;
        by_testid(&d, "partner-connections").await?;
        let identity = wait_text(&d, "conn-identity", "SANDBOX-01").await?;
        assert!(identity.contains("SANDBOX"), "{identity}");
        assert!(!exists(&d, "conn-keys-missing").await?, "the hub's keys are set");
        assert_eq!(momo_status(&d).await?, "never");

        // MoMo requested, with the partner's mail as its reference and the point's name.
        click(&d, "conn-row-momo").await?;
        wait_count(&d, "[data-testid='conn-detail'][data-partner='momo']", 1).await?;
        wait_count(&d, "[data-testid='conn-next'][data-next='requested']", 1).await?;
        fill(&d, "conn-detail-point_name", POINT_NAME).await?;
        fill(&d, "conn-reference", REQUEST_REF).await?;
        click(&d, "conn-record").await?;
        record_done(&d).await?;
        wait_count(&d, "[data-testid='conn-step'][data-step='requested']", 1).await?;
        wait_text(&d, "conn-step-reference", REQUEST_REF).await?;
        wait_text(&d, "notice-toast", "recorded").await?;
        assert_eq!(momo_status(&d).await?, "requested");
        wait_count(&d, "[data-testid='conn-next'][data-next='confirmed']", 1).await?;
        shot(&d, &out, "conn-01-requested").await?;

        // Confirmed with only the merchant's confirmation: refused, in words, nothing recorded.
        by_testid(&d, "conn-confirmations").await?;
        click(&d, "conn-confirm-merchant").await?;
        assert!(by_testid(&d, "conn-confirm-merchant").await?.is_selected().await?);
        assert!(!by_testid(&d, "conn-confirm-leader").await?.is_selected().await?);
        click(&d, "conn-record").await?;
        record_done(&d).await?;
        let said = wait_text(&d, "error-toast", "needs the confirmation of").await?;
        assert!(said.contains("MoMo") && said.contains("leader") && !said.contains("err-conn"), "{said}");
        assert_nothing_covers(&d, &out, "conn-refused").await?;
        shot(&d, &out, "conn-02-refused").await?;
        wait_count(&d, "[data-testid='conn-step']", 1).await?;
        assert_eq!(momo_status(&d).await?, "requested");
        let shown = quay_with_pin(p, TECH, &["connect", "show", "momo", "--json"]);
        let shown: Value = serde_json::from_str(&shown).unwrap();
        assert_eq!(shown["status"], "requested", "{shown}");
        // The form kept what was ticked.
        assert!(by_testid(&d, "conn-confirm-merchant").await?.is_selected().await?);

        // With both: recorded.
        click(&d, "conn-confirm-leader").await?;
        click(&d, "conn-record").await?;
        record_done(&d).await?;
        wait_count(&d, "[data-testid='conn-step'][data-step='confirmed']", 1).await?;
        assert_eq!(momo_status(&d).await?, "confirmed");
        let confirmed = by_testid(&d, "conn-step-confirmations").await?.text().await?;
        let (leader, merchant) =
            (ftl_in("connections-ui.ftl", "en", "conn-ui-confirm-leader"), ftl_in("connections-ui.ftl", "en", "conn-ui-confirm-merchant"));
        assert!(confirmed.contains(&leader) && confirmed.contains(&merchant), "{confirmed}");
        wait_count(&d, "[data-testid='conn-next'][data-next='deployed']", 1).await?;
        shot(&d, &out, "conn-03-confirmed").await?;

        // The deployment note: the point's name and its Pos ID, and its PDF.
        click(&d, "conn-note-open").await?;
        by_testid(&d, "conn-note-dialog").await?;
        let note = wait_text(&d, "conn-note-text", POINT_NAME).await?;
        assert!(note.contains("SANDBOX-01") && note.contains(REQUEST_REF), "{note}");
        let pdf = by_testid(&d, "conn-note-pdf").await?.text().await?;
        assert!(pdf.ends_with(".pdf") && Path::new(&pdf).is_file(), "{pdf}");
        assert_nothing_covers(&d, &out, "conn-note").await?;
        shot(&d, &out, "conn-04-note").await?;
        click(&d, "conn-note-close").await?;
        wait_count(&d, "[data-testid='conn-note-dialog']", 0).await?;

        // The month's list: the picker opens on last month; its "next" button brings this one.
        let month = this_month();
        let field = by_testid(&d, "conn-month-field-field").await?;
        assert_ne!(field.attr("data-value").await?.as_deref(), Some(month.as_str()), "the picker starts on the month before");
        click(&d, "conn-month-field-next").await?;
        wait_count(&d, &format!("[data-testid='conn-month-field-field'][data-value='{month}']"), 1).await?;
        click(&d, "conn-export").await?;
        wait_count(&d, &format!("[data-testid='conn-points'][data-month='{month}']"), 1).await?;
        wait_count(&d, "[data-testid='conn-points'][data-source='hub']", 1).await?;
        wait_text(&d, "conn-points-source", &ftl_in("connections-ui.ftl", "en", "conn-ui-source-hub")).await?;
        let xlsx = by_testid(&d, "conn-points-xlsx").await?.text().await?;
        assert!(xlsx.ends_with(".xlsx") && xlsx.contains(&month) && Path::new(&xlsx).is_file(), "{xlsx}");
        // Nothing is connected yet: no row.
        by_testid(&d, "conn-points-empty").await?;
        let points = by_testid(&d, "conn-points").await?;
        d.execute("arguments[0].scrollIntoView({ block: 'center' })", vec![points.to_json()?]).await?;
        assert_nothing_covers(&d, &out, "conn-points").await?;
        shot(&d, &out, "conn-05-month-list").await?;
        Ok::<_, WebDriverError>(())
    }
    .await;
    if result.is_err() {
        let _ = shot(&d, &out, "failure-connections").await;
    }
    d.quit().await?;
    result?;

    // The hub holds the record at its last step (sent at each step).
    let authority = sim.url.trim_start_matches("http://").split('/').next().unwrap().to_string();
    let (status, stored) = http_json(&authority, "GET", "/admin/connections", None);
    assert_eq!(status, 200, "{stored}");
    let text = stored.to_string();
    assert!(text.contains("\"confirmed\"") && text.contains("SANDBOX-01") && text.contains(REQUEST_REF), "{text}");
    eprintln!("partner connections: {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}

async fn exists(d: &WebDriver, id: &str) -> WebDriverResult<bool> {
    Ok(!d.find_all(By::Css(format!("[data-testid='{id}']"))).await?.is_empty())
}
