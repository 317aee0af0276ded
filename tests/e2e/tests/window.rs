//! The real Quay window, driven through tauri-driver and WebKitWebDriver under Xvfb:
//! search, ring two items (one with an option), pay cash with change, find the sale in
//! "Sales today", then switch to Arabic. A screenshot of each screen is kept in
//! `tests/e2e/output/`. Run by `make test` (`make test-e2e`), which provides the driver
//! and the display.

mod common;

use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;
use thirtyfour::prelude::*;

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs tauri-driver, WebKitWebDriver and a display: run by `make test` (make test-e2e)"]
async fn cashier_sale_and_arabic() -> WebDriverResult<()> {
    let out = output_dir();
    let data = tempfile::tempdir().unwrap();
    // The counter is connected to the hub simulator, as `make run` does it.
    let sim = Sim::start();
    counter_on_hub(data.path(), &sim);
    card_on_viva(data.path(), &sim);
    let menu: Value = serde_json::from_str(&std::fs::read_to_string(root().join("assets/demo-menu.json")).unwrap()).unwrap();
    let price = |id: &str| menu["items"].as_array().unwrap().iter().find(|i| i["id"] == id).unwrap()["price"].as_i64().unwrap();
    let egg = menu["option_groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["options"].as_array().unwrap())
        .find(|o| o["id"] == "o-pho-egg")
        .unwrap()["price_delta"]
        .as_i64()
        .unwrap();
    let total = price("i-phobo") + egg + price("i-croissant");

    let driver = Driver::start(&out);
    let d = open_window(&driver, data.path()).await?;
    let result = async {
        // At the window's minimum size: the cart and its buttons must still be whole.
        set_size(&d, SIZES[0]).await?;
        let search = by_testid(&d, "search-input").await?;
        by_testid(&d, "item-i-cfsd").await?;
        shot(&d, &out, "01-register").await?;

        // "pho" finds Phở bò; it has an optional extra: add a poached egg.
        search.send_keys("pho").await?;
        click(&d, "item-i-phobo").await?;
        by_testid(&d, "options-dialog").await?;
        shot(&d, &out, "02-options").await?;
        click(&d, "option-o-pho-egg").await?;
        click(&d, "options-confirm").await?;

        // A pastry without options goes straight into the cart.
        search.clear().await?;
        search.send_keys("banh sung bo").await?;
        click(&d, "item-i-croissant").await?;
        wait_count(&d, "[data-testid='cart-line']", 2).await?;
        assert_eq!(by_testid(&d, "cart-total").await?.text().await?, vnd_en(total));
        shot(&d, &out, "03-cart").await?;

        // Cash: 200,000 typed on the numpad, change shown before closing.
        click(&d, "pay-cash").await?;
        by_testid(&d, "cash-dialog").await?;
        for k in ["numpad-2", "numpad-0", "numpad-0", "numpad-000"] {
            click(&d, k).await?;
        }
        let change = vnd_en(200_000 - total);
        d.query(By::Css("[data-testid='cash-change']")).with_text(change.clone()).wait(Duration::from_secs(10), Duration::from_millis(100)).first().await?;
        assert_eq!(by_testid(&d, "cash-tendered").await?.text().await?, vnd_en(200_000));
        shot(&d, &out, "04-cash").await?;
        click(&d, "cash-confirm").await?;

        let text = wait_text(&d, "receipt-dialog", "C1-000001").await?;
        assert!(text.contains(&change), "{text}");
        shot(&d, &out, "05-receipt").await?;
        click(&d, "receipt-close").await?;
        assert_eq!(by_testid(&d, "cart-empty").await?.text().await?, ftl("en", "cart-empty"));

        click(&d, "nav-sales").await?;
        let row = d.query(By::Css("[data-testid='sale-row'][data-receipt='C1-000001']")).wait(Duration::from_secs(10), Duration::from_millis(100)).first().await?;
        assert_eq!(row.attr("data-status").await?.as_deref(), Some("closed"));
        assert!(row.text().await?.contains(&vnd_en(total)));
        shot(&d, &out, "06-sales-today").await?;

        // The background sync sends the sale to the hub; the header says so.
        d.query(By::Css("[data-testid='sync-badge']")).with_text(ftl("en", "sync-all-sent")).wait(Duration::from_secs(20), Duration::from_millis(200)).first().await?;
        assert_eq!(sim.stats()["stored"], 1);
        click(&d, "nav-hub").await?;
        click(&d, "menu-compare").await?;
        let status = d.query(By::Css("[data-testid='menu-status']")).wait(Duration::from_secs(15), Duration::from_millis(100)).first().await?;
        assert_eq!(status.attr("data-in-sync").await?.as_deref(), Some("true"));
        shot(&d, &out, "07-hub").await?;
        // Void it from "Sales today": a void record appears, the sale is marked voided.
        click(&d, "nav-sales").await?;
        click(&d, "sale-void").await?;
        by_testid(&d, "void-dialog").await?;
        by_testid(&d, "void-reason").await?.send_keys("khách đổi ý").await?;
        shot(&d, &out, "08-void").await?;
        click(&d, "void-confirm").await?;
        d.query(By::Css("[data-testid='sale-row'][data-receipt='C1-000001'][data-status='voided']")).wait(Duration::from_secs(10), Duration::from_millis(100)).first().await?;
        d.query(By::Css("[data-testid='sale-row'][data-receipt='C1-000002'][data-status='void']")).wait(Duration::from_secs(10), Duration::from_millis(100)).first().await?;
        let deadline = Instant::now() + Duration::from_secs(20);
        while sim.stats()["stored"] != 2 {
            assert!(Instant::now() < deadline, "the void did not reach the hub: {}", sim.stats());
            tokio::time::sleep(Duration::from_millis(200)).await;
        }

        // A card sale: the order goes to the Viva terminal, which pays it.
        click(&d, "nav-register").await?;
        click(&d, "item-i-croissant").await?;
        wait_count(&d, "[data-testid='cart-line']", 1).await?;
        click(&d, "pay-card").await?;
        by_testid(&d, "card-dialog").await?;
        shot(&d, &out, "09-card").await?;
        click(&d, "card-start").await?;
        let text = wait_text(&d, "receipt-dialog", "C1-000003").await?;
        assert!(text.contains(&ftl_receipt("en", "receipt-tender-card")), "{text}");
        shot(&d, &out, "10-card-receipt").await?;
        click(&d, "receipt-close").await?;
        click(&d, "nav-sales").await?;

        // Arabic, without a restart: right to left and translated.
        d.execute(
            "const s = document.querySelector(\"[data-testid='locale-select']\"); s.value = 'ar'; s.dispatchEvent(new Event('change', {bubbles: true}));",
            Vec::<Value>::new(),
        )
        .await?;
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let dir: String = d.execute("return document.documentElement.dir;", Vec::<Value>::new()).await?.convert()?;
            if dir == "rtl" {
                break;
            }
            assert!(Instant::now() < deadline, "dir stayed {dir}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let lang: String = d.execute("return document.documentElement.lang;", Vec::<Value>::new()).await?.convert()?;
        assert_eq!(lang, "ar");
        d.query(By::Css("[data-testid='nav-sales']")).with_text(ftl("ar", "nav-sales")).wait(Duration::from_secs(10), Duration::from_millis(100)).first().await?;
        shot(&d, &out, "11-sales-today-ar").await?;
        click(&d, "nav-register").await?;
        by_testid(&d, "item-i-cfsd").await?;
        shot(&d, &out, "12-register-ar").await?;
        Ok::<_, WebDriverError>(())
    }
    .await;
    if result.is_err() {
        let _ = shot(&d, &out, "failure").await;
    }
    d.quit().await?;
    drop(driver);
    result?;

    // What the window did is on disk, whole: the sale paid in cash with the change, and
    // its void record; the hub received both.
    let sales: Value = serde_json::from_str(&quay(data.path(), &["sales", "list", "--json"])).unwrap();
    assert_eq!(sales.as_array().unwrap().len(), 3);
    let sale = &sales.as_array().unwrap()[0];
    let void = &sales.as_array().unwrap()[1];
    assert_eq!((void["status"].as_str(), void["void_of"].as_str()), (Some("voided"), sale["id"].as_str()));
    assert_eq!(void["total"], -total);
    assert_eq!(sales[2]["tenders"][0]["kind"], "card");
    let payments: Value = serde_json::from_str(&quay(data.path(), &["payments", "list", "--json"])).unwrap();
    assert_eq!(payments[0]["state"], "approved");
    assert_eq!(sale["total"], total);
    assert_eq!(sale["tenders"][0]["tendered"], 200_000);
    assert_eq!(sale["tenders"][0]["change"], 200_000 - total);
    assert_eq!(sale["lines"][0]["options"][0]["option_id"], "o-pho-egg");
    Ok(())
}

/// Staff at the window: a cashier signs in with the PIN pad, pays part of a sale with a
/// MoMo voucher checked and redeemed through the hub simulator and the rest in cash; the
/// void needs the manager's PIN typed at the cashier's screen (a cashier's own PIN is
/// refused); the hub receives the sale with its voucher tender and reverses the voucher.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs tauri-driver, WebKitWebDriver and a display: run by `make test` (make test-e2e)"]
async fn staff_voucher_and_manager_void() -> WebDriverResult<()> {
    let out = output_dir();
    let data = tempfile::tempdir().unwrap();
    let p = data.path();
    let sim = Sim::start();
    let (manager, cashier) = (MANAGER, CASHIER);
    counter_on_hub(p, &sim);
    add_staff(p);

    let driver = Driver::start(&out);
    let d = open_window(&driver, p).await?;
    let result = async {
        // On a full-HD counter screen.
        set_size(&d, SIZES[2]).await?;
        // Nobody is signed in: the PIN pad takes the whole window.
        by_testid(&d, "signin-screen").await?;
        type_pin(&d, "signin", "0000").await?;
        click(&d, "signin-submit").await?;
        wait_text(&d, "signin-error", &ftl_in("errors.ftl", "en", "err-auth-wrong-pin")).await?;
        shot(&d, &out, "20-signin").await?;
        type_pin(&d, "signin", cashier).await?;
        click(&d, "signin-submit").await?;
        wait_text(&d, "header-staff", "Lan").await?;

        // 2 × croissant = 70,000; a MoMo voucher of 50,000 pays part of it.
        let search = by_testid(&d, "search-input").await?;
        search.send_keys("banh sung bo").await?;
        click(&d, "item-i-croissant").await?;
        click(&d, "item-i-croissant").await?;
        wait_count(&d, "[data-testid='cart-line']", 2).await?;
        click(&d, "pay-voucher").await?;
        by_testid(&d, "voucher-dialog").await?;
        by_testid(&d, "voucher-code").await?.send_keys("MOMO-50K").await?;
        click(&d, "voucher-check").await?;
        let result = d
            .query(By::Css("[data-testid='voucher-result'][data-status='valid']"))
            .wait(Duration::from_secs(15), Duration::from_millis(100))
            .first()
            .await?;
        assert!(result.text().await?.contains(&vnd_en(50_000)));
        shot(&d, &out, "21-voucher").await?;
        click(&d, "voucher-apply").await?;
        d.query(By::Css("[data-testid='applied-voucher'][data-code='MOMO-50K']"))
            .wait(Duration::from_secs(10), Duration::from_millis(100))
            .first()
            .await?;
        let total_text = by_testid(&d, "cart-total").await?.text().await?;
        let total: i64 = total_text.chars().filter(|c| c.is_ascii_digit()).collect::<String>().parse().unwrap();
        wait_text(&d, "payment-due", &vnd_en(total - 50_000)).await?;

        click(&d, "pay-cash").await?;
        by_testid(&d, "cash-dialog").await?;
        wait_text(&d, "cash-due", &vnd_en(total - 50_000)).await?;
        assert_eq!(total - 50_000, 20_000);
        for k in ["numpad-2", "numpad-0", "numpad-000"] {
            click(&d, k).await?;
        }
        click(&d, "cash-confirm").await?;
        wait_text(&d, "receipt-dialog", "C1-000001").await?;
        shot(&d, &out, "22-voucher-receipt").await?;
        click(&d, "receipt-close").await?;

        // The void: the cashier asks, the manager's PIN approves.
        click(&d, "nav-sales").await?;
        click(&d, "sale-void").await?;
        by_testid(&d, "void-dialog").await?;
        by_testid(&d, "void-reason").await?.send_keys("wrong table").await?;
        type_pin(&d, "void-approver", cashier).await?;
        click(&d, "void-confirm").await?;
        by_testid(&d, "void-error").await?;
        shot(&d, &out, "23-void-refused").await?;
        click(&d, "void-approver-pad-clear").await?;
        type_pin(&d, "void-approver", manager).await?;
        click(&d, "void-confirm").await?;
        d.query(By::Css("[data-testid='sale-row'][data-receipt='C1-000001'][data-status='voided']"))
            .wait(Duration::from_secs(15), Duration::from_millis(100))
            .first()
            .await?;
        shot(&d, &out, "24-voided").await?;
        click(&d, "sign-out").await?;
        by_testid(&d, "signin-screen").await?;
        WebDriverResult::Ok(())
    }
    .await;
    let _ = d.quit().await;
    result?;

    // The sale carries its voucher tender; the audit log (sign-ins, the void) verifies.
    let sales: Value = serde_json::from_str(&quay_with_pin(p, manager, &["sales", "export", "--format", "json"])).unwrap();
    let sale = &sales.as_array().unwrap()[0];
    assert!(sale["tenders"].as_array().unwrap().iter().any(|t| t["kind"] == "voucher" && t["partner"] == "momo" && t["amount"] == 50_000));
    assert!(sale["cashier"].is_string());
    let audit = quay_with_pin(p, manager, &["audit", "verify"]);
    assert!(audit.contains("intact"), "{audit}");
    Ok(())
}
