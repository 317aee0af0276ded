//! Wallet payments at the real window, on the wallets' simulators (`quay-sim --wallets`):
//! a WeChat Pay code scanned into the MoMo field is refused before anything is sent; a
//! MoMo code typed as a scanner types it (the wallet recognised first) closes the sale and
//! MoMo charges its total once; a ZaloPay sale shows its QR code (amount, countdown) in the
//! dialog — there is no second screen under Xvfb — and the customer display says the same
//! through its backend command; the customer pays on the simulator and the sale closes; a
//! VNPAY-QR sale the same; the customer's page then thanks them. Each sale is on disk with
//! its wallet's transaction id. Screenshots: `tests/e2e/output/wallets-*.png`. Run by
//! `make test` (`make test-e2e`).

mod common;

use std::time::{Duration, Instant};

use common::*;
use serde_json::{json, Value};
use thirtyfour::prelude::*;

/// What the customer display shows now, from the backend as the customer's window reads it.
async fn display(d: &WebDriver) -> WebDriverResult<Value> {
    Ok(invoke_cmd(d, "customer_display", json!({})).await?.unwrap_or_else(|e| panic!("customer_display: {e}")))
}

/// The amount on the screen, in đồng: "₫70,000" → 70000.
fn amount_of(text: &str) -> i64 {
    text.chars().filter(|c| c.is_ascii_digit()).collect::<String>().parse().unwrap_or_else(|_| panic!("no amount in {text:?}"))
}

/// A screenshot once the page has painted what it holds (WebKit's screenshot may otherwise
/// be a frame or more behind the DOM just changed).
async fn snap(d: &WebDriver, out: &std::path::Path, name: &str) -> WebDriverResult<()> {
    d.execute_async(
        "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 150)));",
        Vec::<Value>::new(),
    )
    .await?;
    shot(d, out, name).await
}

/// Waits until `css` matches an element (displayed or not).
async fn wait_css(d: &WebDriver, css: &str) -> WebDriverResult<WebElement> {
    d.query(By::Css(css)).wait(Duration::from_secs(15), Duration::from_millis(100)).first().await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs tauri-driver, WebKitWebDriver and a display: run by `make test` (make test-e2e)"]
async fn wallet_payments_scan_and_qr() -> WebDriverResult<()> {
    let started = Instant::now();
    let out = output_dir();
    let data = tempfile::tempdir().unwrap();
    let p = data.path();
    let sim = Sim::start_with_wallets();
    counter_on_hub(p, &sim);
    wallets_on_sim(p, &sim);

    let driver = Driver::start(&out);
    let d = open_window(&driver, p).await?;
    let mut totals = (0, 0, 0);
    let mut refs = (String::new(), String::new(), String::new());
    let result = async {
        set_size(&d, SIZES[1]).await?;
        let search = by_testid(&d, "search-input").await?;
        by_testid(&d, "item-i-cfsd").await?;
        // Nothing rung yet: the customer sees the welcome.
        assert_eq!(display(&d).await?["mode"], "idle");

        // ---- Sale 1: one pastry, paid by MoMo (the cashier scans the customer's code).
        search.send_keys("banh sung bo").await?;
        click(&d, "item-i-croissant").await?;
        wait_count(&d, "[data-testid='cart-line']", 1).await?;
        let total = amount_of(&by_testid(&d, "cart-total").await?.text().await?);
        totals.0 = total;
        let shown = display(&d).await?;
        assert_eq!(shown["mode"], "cart", "{shown}");
        assert_eq!(shown["total"]["text"], vnd_en(total), "{shown}");

        click(&d, "pay-wallet").await?;
        by_testid(&d, "wallet-dialog").await?;
        for w in ["wallet-momo", "wallet-zalopay", "wallet-vnpay"] {
            by_testid(&d, w).await?;
        }
        wait_text(&d, "wallet-due", &vnd_en(total)).await?;
        snap(&d, &out, "wallets-01-choose").await?;
        click(&d, "wallet-momo").await?;
        let code = by_testid(&d, "wallet-code").await?;
        let focused: bool = d
            .execute("return document.activeElement === document.querySelector(\"[data-testid='wallet-code']\");", Vec::<Value>::new())
            .await?
            .convert()?;
        assert!(focused, "the code field has the focus, ready for the scanner");

        // A WeChat Pay code (18 digits starting 13), scanned: the digits, then Enter.
        code.send_keys("134567890123456789" + Key::Enter).await?;
        let refused = wait_css(&d, "[data-testid='wallet-code-kind'][data-supported='false']").await?;
        let msg = refused.text().await?;
        assert!(msg.contains("WeChat Pay") && msg.contains("not accepted"), "{msg}");
        tokio::time::sleep(Duration::from_millis(600)).await; // what Enter might have started
        assert!(d.find_all(By::Css("[data-testid='wallet-waiting']")).await?.is_empty(), "a refused code started a payment");
        let charge = by_testid(&d, "wallet-charge").await?;
        assert!(!charge.is_enabled().await?, "Charge stays off for a refused code");
        let momo = sim.wallet_orders("momo");
        assert_eq!(momo["orders"].as_array().unwrap().len(), 0, "MoMo received the WeChat code: {momo}");
        snap(&d, &out, "wallets-02-wechat-refused").await?;

        // The refused code stays selected: the next scan replaces it. A MoMo code, typed as
        // the scanner types it: the wallet is named before Enter.
        code.send_keys("MM100000000000000042").await?;
        assert_eq!(code.prop("value").await?.as_deref(), Some("MM100000000000000042"), "the next scan replaces the refused code");
        let ok = wait_css(&d, "[data-testid='wallet-code-kind'][data-supported='true']").await?;
        let msg = ok.text().await?;
        assert!(msg.contains("MoMo"), "{msg}");
        assert!(by_testid(&d, "wallet-charge").await?.is_enabled().await?);
        snap(&d, &out, "wallets-03-momo-code").await?;
        code.send_keys(Key::Enter).await?;
        let receipt = wait_text(&d, "receipt-dialog", "C1-000001").await?;
        // The notice says the sale closed.
        wait_text(&d, "notice-toast", "C1-000001").await?;
        assert!(receipt.contains(&ftl_receipt("en", "receipt-tender-wallet")), "{receipt}");
        assert!(receipt.contains(&vnd_en(total)), "{receipt}");
        snap(&d, &out, "wallets-04-momo-receipt").await?;
        let momo = sim.wallet_orders("momo");
        let orders = momo["orders"].as_array().unwrap();
        assert_eq!(orders.len(), 1, "{momo}");
        assert_eq!(
            (orders[0]["amount"].as_i64(), orders[0]["state"].as_str(), orders[0]["requests"].as_i64()),
            (Some(total), Some("paid"), Some(1)),
            "{momo}"
        );
        assert_eq!(momo["total_charged"], total, "{momo}");
        refs.0 = orders[0]["reference"].as_str().unwrap().to_string();
        let shown = display(&d).await?;
        assert_eq!(shown["mode"], "thanks", "{shown}");
        assert_eq!(shown["thanks"]["amount"]["text"], vnd_en(total), "{shown}");
        click(&d, "receipt-close").await?;
        by_testid(&d, "cart-empty").await?;

        // ---- Sale 2: two pastries, paid by ZaloPay (the customer scans our QR code).
        click(&d, "item-i-croissant").await?;
        click(&d, "item-i-croissant").await?;
        wait_count(&d, "[data-testid='cart-line']", 2).await?;
        let total = amount_of(&by_testid(&d, "cart-total").await?.text().await?);
        totals.1 = total;
        assert_eq!(total, 2 * totals.0);
        assert_eq!(display(&d).await?["mode"], "cart");
        click(&d, "pay-wallet").await?;
        by_testid(&d, "wallet-dialog").await?;
        click(&d, "wallet-zalopay").await?;
        // No second screen under Xvfb: the dialog shows the QR code itself.
        wait_css(&d, "[data-testid='wallet-qr'] svg").await?;
        let svg: String =
            d.execute("return document.querySelector(\"[data-testid='wallet-qr']\").innerHTML;", Vec::<Value>::new()).await?.convert()?;
        assert!(svg.contains("<svg") && (svg.contains("<path") || svg.contains("<rect")), "{svg:.200}");
        wait_text(&d, "wallet-qr-amount", &vnd_en(total)).await?;
        let countdown = by_testid(&d, "wallet-countdown").await?;
        let first: i64 = countdown.attr("data-seconds").await?.unwrap().parse().unwrap();
        assert!(first > 0, "the QR's countdown: {first}");
        assert!(countdown.text().await?.contains(':'));
        snap(&d, &out, "wallets-05-zalopay-qr").await?;

        // The customer display shows the same QR, amount and deadline.
        let shown = display(&d).await?;
        assert_eq!(shown["mode"], "qr", "{shown}");
        assert_eq!(shown["qr"]["wallet"], "zalopay", "{shown}");
        assert!(shown["qr"]["svg"].as_str().is_some_and(|s| s.contains("<svg")), "{shown}");
        assert!(!shown["qr"]["content"].as_str().unwrap_or("").is_empty(), "{shown}");
        assert_eq!(shown["qr"]["amount"]["text"], vnd_en(total), "{shown}");

        // The countdown runs.
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let now: i64 = by_testid(&d, "wallet-countdown").await?.attr("data-seconds").await?.unwrap().parse().unwrap();
            if now < first {
                break;
            }
            assert!(Instant::now() < deadline, "the countdown stays at {now}");
            tokio::time::sleep(Duration::from_millis(250)).await;
        }

        // The customer pays the waiting order with the ZaloPay app.
        let zalo = sim.wallet_orders("zalopay");
        let waiting: Vec<&Value> = zalo["orders"].as_array().unwrap().iter().filter(|o| o["state"] == "waiting").collect();
        assert_eq!(waiting.len(), 1, "{zalo}");
        assert_eq!(waiting[0]["amount"], total, "{zalo}");
        let order_id = waiting[0]["order_id"].as_str().unwrap().to_string();
        sim.wallet_customer_pays("zalopay", &order_id);
        let receipt = wait_text(&d, "receipt-dialog", "C1-000002").await?;
        wait_text(&d, "notice-toast", "C1-000002").await?;
        assert!(receipt.contains(&vnd_en(total)), "{receipt}");
        snap(&d, &out, "wallets-06-zalopay-receipt").await?;
        let zalo = sim.wallet_orders("zalopay");
        assert_eq!(zalo["total_charged"], total, "{zalo}");
        assert_eq!(zalo["orders"].as_array().unwrap().len(), 1, "{zalo}");
        refs.1 = zalo["orders"][0]["reference"].as_str().unwrap().to_string();
        assert_eq!(sim.wallet_orders("momo")["total_charged"], totals.0);
        assert_eq!(sim.wallet_orders("vnpay")["orders"].as_array().unwrap().len(), 0, "VNPAY received nothing");
        let shown = display(&d).await?;
        assert_eq!(shown["mode"], "thanks", "{shown}");
        assert!(shown["qr"].is_null(), "{shown}");
        assert_eq!(shown["thanks"]["amount"]["text"], vnd_en(total), "{shown}");
        click(&d, "receipt-close").await?;
        by_testid(&d, "cart-empty").await?;

        // ---- Sale 3: three pastries by VNPAY-QR, the same way.
        for _ in 0..3 {
            click(&d, "item-i-croissant").await?;
        }
        wait_count(&d, "[data-testid='cart-line']", 3).await?;
        let total = amount_of(&by_testid(&d, "cart-total").await?.text().await?);
        totals.2 = total;
        click(&d, "pay-wallet").await?;
        by_testid(&d, "wallet-dialog").await?;
        click(&d, "wallet-vnpay").await?;
        wait_css(&d, "[data-testid='wallet-qr'] svg").await?;
        wait_text(&d, "wallet-qr-amount", &vnd_en(total)).await?;
        let shown = display(&d).await?;
        assert_eq!((shown["mode"].as_str(), shown["qr"]["wallet"].as_str()), (Some("qr"), Some("vnpay")), "{shown}");
        assert_eq!(shown["qr"]["amount"]["text"], vnd_en(total), "{shown}");
        // VNPAY-QR is an EMVCo payload (it starts with the format indicator 000201).
        assert!(shown["qr"]["content"].as_str().is_some_and(|c| c.starts_with("000201")), "{shown}");
        snap(&d, &out, "wallets-07-vnpay-qr").await?;
        let vnpay = sim.wallet_orders("vnpay");
        let waiting: Vec<&Value> = vnpay["orders"].as_array().unwrap().iter().filter(|o| o["state"] == "waiting").collect();
        assert_eq!(waiting.len(), 1, "{vnpay}");
        assert_eq!(waiting[0]["amount"], total, "{vnpay}");
        sim.wallet_customer_pays("vnpay", waiting[0]["order_id"].as_str().unwrap());
        wait_text(&d, "receipt-dialog", "C1-000003").await?;
        let vnpay = sim.wallet_orders("vnpay");
        assert_eq!(vnpay["total_charged"], total, "{vnpay}");
        refs.2 = vnpay["orders"][0]["reference"].as_str().unwrap().to_string();
        click(&d, "receipt-close").await?;
        by_testid(&d, "cart-empty").await?;

        // The customer's page (the second screen's window) in this webview: it thanks too.
        let here = d.current_url().await?;
        let mut customer = here.clone();
        customer.set_query(Some("view=customer"));
        d.goto(customer.as_str()).await?;
        by_testid(&d, "customer-display").await?;
        wait_css(&d, "[data-testid='cd-mode'][data-mode='thanks']").await?;
        wait_text(&d, "cd-thanks", &vnd_en(total)).await?;
        snap(&d, &out, "wallets-08-customer-thanks").await?;
        d.goto(here.as_str()).await?;
        by_testid(&d, "search-input").await?;
        WebDriverResult::Ok(())
    }
    .await;
    if result.is_err() {
        let _ = shot(&d, &out, "wallets-failure").await;
    }
    let _ = d.quit().await;
    drop(driver);
    result?;

    // On disk: three sales closed with one wallet tender each: MoMo's, ZaloPay's, VNPAY's.
    let sales: Value = serde_json::from_str(&quay(p, &["sales", "list", "--json"])).unwrap();
    let sales = sales.as_array().unwrap();
    assert_eq!(sales.len(), 3, "{sales:?}");
    let expected = [("momo", totals.0, refs.0), ("zalopay", totals.1, refs.1), ("vnpay", totals.2, refs.2)];
    for (sale, (partner, total, reference)) in sales.iter().zip(expected) {
        assert_eq!(sale["total"], total, "{sale}");
        let tenders = sale["tenders"].as_array().unwrap();
        assert_eq!(tenders.len(), 1, "{sale}");
        assert_eq!(
            (tenders[0]["kind"].as_str(), tenders[0]["partner"].as_str(), tenders[0]["amount"].as_i64()),
            (Some("wallet"), Some(partner), Some(total)),
            "{sale}"
        );
        assert_eq!(tenders[0]["reference"].as_str(), Some(reference.as_str()), "the wallet's transaction id: {sale}");
    }
    eprintln!("wallet_payments_scan_and_qr: {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}
