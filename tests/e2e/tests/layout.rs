//! Messages never cover a control, in every language at every window size: one window,
//! resized in place (1024×640, the window's minimum; 1280×800; 1920×1080) and switched
//! live through en, vi, ar, el and zh-CN. In each, a cash sale (its "sale closed" notice
//! stays on screen with the receipt dialog and after it), then every screen of the
//! navigation, each checked for anything covering a control and kept as a screenshot in
//! `tests/e2e/output/<locale>/<size>/`.

mod common;

use std::time::Duration;

use common::*;
use thirtyfour::prelude::*;

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs tauri-driver, WebKitWebDriver and a display: run by `make test` (make test-e2e)"]
async fn messages_never_cover_a_control() -> WebDriverResult<()> {
    let out = output_dir();
    let data = tempfile::tempdir().unwrap();
    let sim = Sim::start();
    counter_on_hub(data.path(), &sim);
    card_on_viva(data.path(), &sim);

    let driver = Driver::start(&out);
    let d = open_window(&driver, data.path()).await?;
    let result = async {
        by_testid(&d, "item-i-croissant").await?;
        // The window's own fonts, not the machine's: every language lays out the same.
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            let fonts: Vec<String> = d
                .execute(
                    "return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replaceAll('\"', ''));",
                    Vec::<serde_json::Value>::new(),
                )
                .await?
                .convert()?;
            if fonts.iter().any(|f| f == "Quay Sans") {
                break;
            }
            assert!(std::time::Instant::now() < deadline, "the app's font is not in use: {fonts:?}");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        let mut sale = 0;
        for size in SIZES {
            set_size(&d, size).await?;
            for lang in LOCALES {
                set_locale(&d, lang).await?;
                let dir = out.join(lang).join(format!("{}x{}", size.0, size.1));
                std::fs::create_dir_all(&dir).unwrap();
                let shot_in = |name: &'static str| {
                    let (d, dir) = (&d, dir.clone());
                    async move { d.screenshot(&dir.join(format!("{name}.png"))).await }
                };
                let place = format!("{lang} {}x{}", size.0, size.1);

                click(&d, "nav-register").await?;
                click(&d, "item-i-croissant").await?;
                wait_count(&d, "[data-testid='cart-line']", 1).await?;
                // The cart, its total and the three ways to pay are whole on screen.
                for id in ["cart-total", "pay-cash", "pay-card", "pay-voucher"] {
                    assert_inside_viewport(&d, id, &place).await?;
                }
                assert_nothing_covers(&d, &out, &format!("{place} register")).await?;
                shot_in("register").await?;
                click(&d, "pay-cash").await?;
                by_testid(&d, "cash-dialog").await?;
                click(&d, "quick-cash-0").await?;
                click(&d, "cash-confirm").await?;
                sale += 1;
                wait_text(&d, "receipt-dialog", &format!("C1-{sale:06}")).await?;
                by_testid(&d, "notice-toast").await?;
                assert_nothing_covers(&d, &out, &format!("{place} receipt")).await?;
                shot_in("receipt").await?;
                click(&d, "receipt-close").await?;
                // The notice outlives the dialog: it must not cover the register either.
                if d.find_all(By::Css("[data-testid='notice-toast']")).await?.is_empty() {
                    eprintln!("{place}: the notice was gone before the check");
                }
                assert_nothing_covers(&d, &out, &format!("{place} after sale")).await?;

                for (nav, view) in [("nav-sales", "sales"), ("nav-dayend", "dayend"), ("nav-hub", "hub")] {
                    click(&d, nav).await?;
                    tokio::time::sleep(Duration::from_millis(300)).await;
                    assert_nothing_covers(&d, &out, &format!("{place} {view}")).await?;
                    shot_in(view).await?;
                }
            }
        }
        Ok::<_, WebDriverError>(())
    }
    .await;
    if result.is_err() {
        let _ = shot(&d, &out, "failure-layout").await;
    }
    d.quit().await?;
    drop(driver);
    result
}

async fn assert_inside_viewport(d: &WebDriver, id: &str, place: &str) -> WebDriverResult<()> {
    let r: Vec<f64> = d
        .execute(
            "const r = document.querySelector(`[data-testid='${arguments[0]}']`).getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, innerWidth, innerHeight];",
            vec![serde_json::json!(id)],
        )
        .await?
        .convert()?;
    assert!(r[0] >= 0.0 && r[1] >= 0.0 && r[2] <= r[4] + 0.5 && r[3] <= r[5] + 0.5, "{place}: {id} is outside the window: {r:?}");
    Ok(())
}
