//! Printers in the real window (issue 19), on two simulated ESC/POS printers: the receipt
//! printer (the cash drawer on it) and the kitchen station `hot` (c-food), out of paper.
//! The cashier rings a phở, sends it to the kitchen and takes cash: the receipt prints and
//! the drawer opens once; the kitchen ticket waits, and the status line says why. In the
//! print jobs the ticket waits; with paper back, "Send now" prints it, once.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::*;
use quay_sim::escpos::{self, PrinterConfig, PrinterFaults, PrinterSim};
use serde_json::{json, Value};
use thirtyfour::prelude::*;

async fn wait_css(d: &WebDriver, css: &str) -> WebDriverResult<WebElement> {
    d.query(By::Css(css)).wait(Duration::from_secs(15), Duration::from_millis(100)).first().await
}

/// The kitchen tickets the jobs dialog lists, as (job id, state).
async fn kitchen_jobs(d: &WebDriver) -> WebDriverResult<Vec<(String, String)>> {
    d.execute(
        "return [...document.querySelectorAll(\"[data-testid='print-job'][data-kind='kitchen']\")].map((e) => [e.dataset.job, e.dataset.state]);",
        Vec::<Value>::new(),
    )
    .await?
    .convert()
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs tauri-driver, WebKitWebDriver and a display: run by `make test` (make test-e2e)"]
async fn printing_jobs_drawer_and_kitchen() -> WebDriverResult<()> {
    let out = output_dir();
    let data = tempfile::tempdir().unwrap();
    let p: &Path = data.path();
    let sim = Sim::start();
    counter_on_hub(p, &sim);
    add_staff(p);
    let receipt = escpos::start(PrinterSim::new(PrinterConfig::new("receipt"))).await;
    let kitchen = escpos::start(PrinterSim::new(PrinterConfig::new("hot"))).await;
    kitchen.set_faults(PrinterFaults { paper_out: true, ..Default::default() });
    quay_with_pin(p, TECH, &["config", "set", "printer.receipt", &receipt.url]);
    quay_with_pin(p, TECH, &["config", "set", "printer.kitchen.hot", &kitchen.url]);
    quay_with_pin(p, TECH, &["config", "set", "printer.kitchen.hot.categories", "c-food"]);

    let driver = Driver::start(&out);
    let d = open_window(&driver, p).await?;
    let result = async {
        by_testid(&d, "signin-screen").await?;
        type_pin(&d, "signin", CASHIER).await?;
        click(&d, "signin-submit").await?;
        by_testid(&d, "header-staff").await?;
        click(&d, "nav-register").await?;

        // A phở (food: the kitchen's), sent to the kitchen before it is paid.
        click(&d, "item-i-phobo").await?;
        by_testid(&d, "options-dialog").await?;
        click(&d, "options-confirm").await?;
        wait_count(&d, "[data-testid='cart-line']", 1).await?;
        click(&d, "kitchen-send").await?;
        wait_text(&d, "notice-toast", "kitchen").await?;

        // Cash: the receipt and the drawer's pulse on the receipt printer.
        click(&d, "pay-cash").await?;
        by_testid(&d, "cash-dialog").await?;
        click(&d, "quick-cash-0").await?;
        click(&d, "cash-confirm").await?;
        by_testid(&d, "receipt-dialog").await?;
        wait_css(&d, "[data-testid='receipt-row']").await?;
        shot(&d, &out, "print-01-receipt").await?;
        click(&d, "receipt-close").await?;

        // The status line names the kitchen printer, out of paper, its ticket waiting.
        let line = wait_css(&d, "[data-testid='print-problem-kitchen-hot'][data-code='err-print-paper-out'][data-waiting='1']").await?;
        // Without Fluent's isolation marks around the placeables.
        let text = line.text().await?.replace(['\u{2068}', '\u{2069}'], "");
        assert!(text.contains("Kitchen printer (hot)") && text.contains("paper out") && text.contains("1 waiting"), "{text}");
        assert!(receipt.wait_pages(1, Duration::from_secs(10)).len() == 1, "the receipt printed");
        assert_eq!(kitchen.pages().len(), 0, "nothing prints without paper");

        // The jobs: the one kitchen ticket waits, saying why.
        click(&d, "print-jobs-open").await?;
        by_testid(&d, "print-jobs-dialog").await?;
        let waiting = wait_css(&d, "[data-testid='print-job'][data-kind='kitchen'][data-state='queued']").await?;
        let problem = waiting.find(By::Css("[data-testid='print-job-problem']")).await?.text().await?;
        assert!(problem.contains("out of paper"), "{problem}");
        let jobs = kitchen_jobs(&d).await?;
        assert_eq!(jobs.len(), 1, "one kitchen ticket, sent before payment, not again with it: {jobs:?}");
        let job = jobs[0].0.clone();
        shot(&d, &out, "print-02-jobs-waiting").await?;

        // Paper back: "Send now" prints it, once.
        kitchen.set_faults(PrinterFaults::default());
        click(&d, &format!("print-job-retry-{job}")).await?;
        // The window's worker, woken, sends it; the list shows it printed once read again.
        let pages = kitchen.wait_pages(1, Duration::from_secs(10));
        assert_eq!(pages.len(), 1, "the ticket printed");
        let done = format!("[data-testid='print-job'][data-job='{job}'][data-state='done']");
        let deadline = Instant::now() + Duration::from_secs(10);
        while d.find_all(By::Css(&done)).await?.is_empty() {
            assert!(Instant::now() < deadline, "the ticket is not shown printed: {:?}", kitchen_jobs(&d).await?);
            click(&d, "print-jobs-refresh").await?;
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
        // The drawer's pulse is not offered again: that is "Open drawer".
        let drawer = wait_css(&d, "[data-testid='print-job'][data-kind='drawer']").await?;
        assert!(drawer.find_all(By::Css("[data-testid^='print-job-again-']")).await?.is_empty(), "a drawer pulse offered again");
        shot(&d, &out, "print-03-jobs-done").await?;
        click(&d, "print-jobs-close").await?;
        // The status line clears (no job waits) and the window's worker prints nothing more.
        let deadline = Instant::now() + Duration::from_secs(10);
        while !d.find_all(By::Css("[data-testid='print-problem-kitchen-hot']")).await?.is_empty() {
            assert!(Instant::now() < deadline, "the status line still shows the kitchen printer");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let status = invoke_cmd(&d, "print_status", json!({})).await?.unwrap_or_else(|e| panic!("print_status: {e}"));
        assert!(status.as_array().unwrap().iter().all(|p| p["waiting"] == 0), "{status}");
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(kitchen.pages().len(), 1, "the ticket printed once");
        assert_eq!(receipt.pages().len(), 1, "the receipt printed once");
        assert_eq!(receipt.pulses().len(), 1, "the drawer opened once");
        assert_eq!(kitchen.pulses().len(), 0, "no drawer on the kitchen printer");
        Ok::<_, WebDriverError>(())
    }
    .await;
    if result.is_err() {
        let _ = shot(&d, &out, "failure-printing").await;
    }
    d.quit().await?;
    drop(driver);
    result
}
