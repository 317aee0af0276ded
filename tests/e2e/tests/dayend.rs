//! The manager's day end in the real window: the day's totals, the terminal's batch
//! compared with the journal, a new bank's file mapped by hand on the mapping screen
//! (tried, then saved as a preset), the file imported and reconciled line by line, a line
//! the counter never saw entered by hand with a reason, the report written, the day
//! closed with a cash difference explained, and the mapping screen again in Arabic.
//! Screenshots go to `tests/e2e/output/`. Run by `make test` (`make test-e2e`).

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::*;
use serde_json::{json, Value};
use thirtyfour::prelude::*;

/// Chooses `value` in a `<select>` as a person would, and lets Svelte see the change.
/// (WebKitGTK draws a native popup for a select, which WebDriver cannot click reliably.)
async fn choose(d: &WebDriver, el: &WebElement, value: &str) -> WebDriverResult<()> {
    let js = "const [s, v] = arguments; \
              if (![...s.options].some(o => o.value === v)) return false; \
              s.value = v; s.dispatchEvent(new Event('change', { bubbles: true })); return true;";
    let ok = d.execute(js, vec![el.to_json()?, json!(value)]).await?.json().clone();
    assert_eq!(ok, json!(true), "no option {value:?}");
    Ok(())
}

async fn choose_css(d: &WebDriver, css: &str, value: &str) -> WebDriverResult<()> {
    let el = d.query(By::Css(css)).wait(Duration::from_secs(10), Duration::from_millis(100)).first().await?;
    choose(d, &el, value).await
}

/// Picks `path` in a file input: the driver's own way, or else (WebKitWebDriver may not
/// take keys for a file input) a `File` with the same bytes put in it from script.
async fn pick_file(d: &WebDriver, testid: &str, path: &Path) -> WebDriverResult<()> {
    let input =
        d.query(By::Css(format!("[data-testid='{testid}']"))).wait(Duration::from_secs(10), Duration::from_millis(100)).first().await?;
    let _ = input.send_keys(path.to_str().unwrap()).await;
    let picked = d.execute("return arguments[0].files.length", vec![input.to_json()?]).await?.json().as_u64();
    if picked != Some(1) {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        let js = "const [i, text, name] = arguments; const dt = new DataTransfer(); \
                  dt.items.add(new File([text], name, { type: 'text/csv' })); i.files = dt.files; \
                  i.dispatchEvent(new Event('change', { bubbles: true }));";
        d.execute(js, vec![input.to_json()?, json!(text), json!(name)]).await?;
    }
    Ok(())
}

/// Waits until the element with `css` has attribute `attr` equal to `want` (for "value",
/// the live property: a select or input has no such attribute).
async fn wait_attr(d: &WebDriver, css: &str, attr: &str, want: &str) -> WebDriverResult<()> {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let got = match d.find(By::Css(css)).await {
            Ok(el) if attr == "value" => el.value().await?,
            Ok(el) => el.attr(attr).await?,
            Err(_) => None,
        };
        if got.as_deref() == Some(want) {
            return Ok(());
        }
        if Instant::now() > deadline {
            let error = match d.find(By::Css("[role='alert']")).await {
                Ok(e) => e.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            panic!("{css}[{attr}] is {got:?}, expected {want:?}; on screen: {error:?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn count_of(d: &WebDriver, category: &str, n: usize) -> WebDriverResult<()> {
    wait_attr(d, &format!("[data-testid='dayend-bank-count'][data-category='{category}']"), "data-count", &n.to_string()).await
}

/// Waits for `ok` to show; fails with the text of `err` if that shows instead.
async fn settled(d: &WebDriver, ok: &str, err: &str) -> WebDriverResult<()> {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if d.find(By::Css(format!("[data-testid='{ok}']"))).await.is_ok() {
            return Ok(());
        }
        if let Ok(e) = d.find(By::Css(format!("[data-testid='{err}']"))).await {
            panic!("{err}: {}", e.text().await?);
        }
        if Instant::now() > deadline {
            let _ = d.screenshot(&root().join("tests/e2e/output/failure.png")).await;
            panic!("neither {ok} nor {err} showed (tests/e2e/output/failure.png)");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Scrolls the element into the middle of the window, for the screenshot.
async fn show(d: &WebDriver, testid: &str) -> WebDriverResult<()> {
    let el = by_testid(d, testid).await?;
    d.execute("arguments[0].scrollIntoView({ block: 'start' })", vec![el.to_json()?]).await?;
    Ok(())
}

/// "2026-11-22T15:40:12.345+07:00" → "22.11.2026 15:40", the new bank's local layout.
fn bank_time(rfc3339: &str) -> String {
    let (y, m, day, hm) = (&rfc3339[0..4], &rfc3339[5..7], &rfc3339[8..10], &rfc3339[11..16]);
    format!("{day}.{m}.{y} {hm}")
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs tauri-driver, WebKitWebDriver and a display: run by `make test` (make test-e2e)"]
async fn manager_day_end() -> WebDriverResult<()> {
    let out = output_dir();
    let data = tempfile::tempdir().unwrap();
    let p = data.path();
    let sim = Sim::start();
    let (manager, cashier) = (MANAGER, CASHIER);
    counter_on_hub(p, &sim);
    card_on_viva(p, &sim);
    add_staff(p);

    // The day: a cash sale and a card sale (the Viva sandbox terminal pays by itself),
    // both sent to the hub so that the day can close.
    let cash: Value = serde_json::from_str(&quay_with_pin(p, cashier, &["sales", "ring", "i-phobo", "--pay", "cash", "--json"])).unwrap();
    let card: Value =
        serde_json::from_str(&quay_with_pin(p, cashier, &["sales", "ring", "i-croissant", "--pay", "card", "--json"])).unwrap();
    quay(p, &["sync", "push"]);
    let payments: Value = serde_json::from_str(&quay_with_pin(p, manager, &["payments", "list", "--json"])).unwrap();
    let pay = payments.as_array().unwrap().iter().find(|x| x["state"] == "approved").expect("the card payment");
    let (key, amount, at) = (pay["key"].as_str().unwrap(), pay["amount"].as_i64().unwrap(), pay["created_at"].as_str().unwrap());
    assert_eq!(amount, card["total"].as_i64().unwrap());

    // A bank the counter has no preset for: semicolons, local times, its own words.
    let when = bank_time(at);
    let bank = p.join("ngan-hang-22-11.csv");
    std::fs::write(
        &bank,
        format!(
            "Datum;Terminal;Betrag;Art;Ref\n\
             {when};E2E-TERMINAL;{amount};Kauf;{key}\n\
             {when};E2E-TERMINAL;12000;Kauf;\n\
             {when};;-1500;Gebühr;\n"
        ),
    )
    .unwrap();

    let driver = Driver::start(&out);
    let d = open_window(&driver, p).await?;
    let result = async {
        by_testid(&d, "signin-screen").await?;
        type_pin(&d, "signin", manager).await?;
        click(&d, "signin-submit").await?;
        wait_text(&d, "header-staff", "Hoa").await?;
        click(&d, "nav-dayend").await?;

        // The day's totals: two sales, the cash one expected in the drawer.
        let cash_total = cash["total"].as_i64().unwrap();
        wait_text(&d, "dayend-total-sales", &vnd_en(cash_total + amount)).await?;
        wait_text(&d, "dayend-total-cash-expected", &vnd_en(cash_total)).await?;

        // The terminal's batch (Viva: the day's transactions) agrees with the journal.
        click(&d, "dayend-terminal-run").await?;
        wait_attr(&d, "[data-testid='dayend-terminal-result']", "data-agrees", "true").await?;

        // The mapping screen: the suggestion found the date, terminal and amount; the
        // manager maps the reference and the type column and its words.
        click(&d, "dayend-preset-new").await?;
        by_testid(&d, "dayend-preset-dialog").await?;
        pick_file(&d, "dayend-preset-file", &bank).await?;
        wait_attr(&d, "[data-testid='dayend-preset-rows']", "data-rows", "3").await?;
        let field = |f: &str| format!("[data-testid='dayend-preset-field'][data-field='{f}']");
        wait_attr(&d, &field("date_time"), "value", "0").await?;
        wait_attr(&d, &field("amount"), "value", "2").await?;
        wait_attr(&d, &field("terminal_id"), "value", "1").await?;
        assert_eq!(by_testid(&d, "dayend-preset-date").await?.value().await?.as_deref(), Some("pattern"));
        assert_eq!(by_testid(&d, "dayend-preset-date-pattern").await?.value().await?.as_deref(), Some("%d.%m.%Y %H:%M"));
        choose_css(&d, &field("merchant_reference"), "4").await?;
        choose_css(&d, &field("kind"), "3").await?;
        choose_css(&d, "[data-testid='dayend-preset-type'][data-value='Kauf']", "sale").await?;
        choose_css(&d, "[data-testid='dayend-preset-type'][data-value='Gebühr']", "fee").await?;
        by_testid(&d, "dayend-preset-name").await?.send_keys("Ngân hàng A").await?;
        click(&d, "dayend-preset-try").await?;
        wait_attr(&d, "[data-testid='dayend-preset-preview']", "data-lines", "3").await?;
        shot(&d, &out, "30-bank-mapping").await?;
        click(&d, "dayend-preset-save").await?;
        wait_attr(&d, "[data-testid='dayend-bank-preset']", "value", "Ngân hàng A").await?;

        // The file through the saved preset: the card sale matched by its reference, the
        // unknown sale missing at the counter, the fee apart.
        pick_file(&d, "dayend-bank-file", &bank).await?;
        click(&d, "dayend-bank-import").await?;
        settled(&d, "dayend-bank-imported", "dayend-bank-error").await?;
        wait_text(&d, "dayend-bank-imports", "Hoa").await?; // by name, not by staff id
        count_of(&d, "matched", 2).await?;
        count_of(&d, "missing_at_counter", 1).await?;
        count_of(&d, "fee_or_chargeback", 1).await?;
        let line = d.find(By::Css("[data-testid='dayend-line'][data-category='missing_at_counter']")).await?;
        let id = line.attr("data-id").await?.unwrap();
        show(&d, "dayend-bank").await?;
        shot(&d, &out, "31-bank-reconciled").await?;

        // Entered by hand: a reason is required, then the line is settled (and audited).
        click(&d, &format!("dayend-settle-enter-{id}")).await?;
        by_testid(&d, "dayend-settle-dialog").await?;
        assert!(!by_testid(&d, "dayend-settle-confirm").await?.is_enabled().await?, "no reason yet");
        by_testid(&d, "dayend-settle-reason").await?.send_keys("taken on the old terminal").await?;
        click(&d, "dayend-settle-confirm").await?;
        count_of(&d, "missing_at_counter", 0).await?;
        wait_attr(&d, &format!("[data-testid='dayend-line'][data-id='{id}']"), "data-category", "matched").await?;

        // The report, then the close: 1,000 short in the drawer, explained.
        click(&d, "dayend-report-run").await?;
        let pdf = by_testid(&d, "dayend-report-pdf").await?.text().await?;
        assert!(std::fs::read(pdf.trim()).unwrap().starts_with(b"%PDF"), "{pdf}");
        let counted = by_testid(&d, "dayend-cash-counted").await?;
        counted.send_keys((cash_total - 1_000).to_string()).await?;
        wait_attr(&d, "[data-testid='dayend-cash-difference']", "data-difference", "-1000").await?;
        by_testid(&d, "dayend-close-reason").await?.send_keys("change given twice").await?;
        click(&d, "dayend-close-run").await?;
        click(&d, "dayend-close-confirm").await?;
        wait_text(&d, "dayend-closed", "Hoa").await?;
        show(&d, "dayend-close").await?;
        shot(&d, &out, "32-day-closed").await?;

        // In Arabic the screen and the mapping dialog run right to left, translated.
        choose_css(&d, "[data-testid='locale-select']", "ar").await?;
        let deadline = Instant::now() + Duration::from_secs(10);
        while d.execute("return document.documentElement.dir;", Vec::<Value>::new()).await?.json() != &json!("rtl") {
            assert!(Instant::now() < deadline, "the window stayed left to right");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        wait_text(&d, "dayend-preset-new", &ftl("ar", "dayend-ui-preset-new")).await?;
        click(&d, "dayend-preset-new").await?;
        let dialog = by_testid(&d, "dayend-preset-dialog").await?;
        pick_file(&d, "dayend-preset-file", &bank).await?;
        wait_attr(&d, "[data-testid='dayend-preset-rows']", "data-rows", "3").await?;
        let dir = d.execute("return getComputedStyle(arguments[0]).direction;", vec![dialog.to_json()?]).await?.json().clone();
        assert_eq!(dir, json!("rtl"));
        shot(&d, &out, "33-bank-mapping-ar").await?;
        click(&d, "dayend-preset-cancel").await?;
        WebDriverResult::Ok(())
    }
    .await;
    let _ = d.quit().await;
    result?;

    // What the window did is on record: the preset, the import, the hand entry, the close.
    // (The window left the counter in Arabic: the checks below read English.)
    let rec: Value = serde_json::from_str(&quay_with_pin(p, manager, &["dayend", "reconcile", "--json"])).unwrap();
    assert_eq!(rec["imports"][0]["preset"], "Ngân hàng A");
    assert_eq!(rec["settlements"], 1);
    let audit = quay_with_pin(p, manager, &["--lang", "en", "audit", "verify"]);
    assert!(audit.contains("intact"), "{audit}");
    let again = std::process::Command::new(app_binary())
        .arg("--data-dir")
        .arg(p)
        .args(["--lang", "en", "dayend", "close"])
        .env("QUAY_PIN", manager)
        .output()
        .unwrap();
    assert!(!again.status.success() && String::from_utf8_lossy(&again.stderr).contains("already closed"), "closed once, by the window");
    Ok(())
}
