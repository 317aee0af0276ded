//! The window's start-up, measured (not asserted): from asking tauri-driver for a session
//! (which starts `quay`) to the register drawn with its fonts loaded, over several starts.
//! `make bench-startup` runs it; the figures go to docs/PERFORMANCE.md.

mod common;

use std::time::{Duration, Instant};

use common::*;
use thirtyfour::prelude::*;

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a measurement, not a test: make bench-startup"]
async fn window_start_up() -> WebDriverResult<()> {
    let out = output_dir();
    let data = tempfile::tempdir().unwrap();
    let sim = Sim::start();
    counter_on_hub(data.path(), &sim);
    let driver = Driver::start(&out);
    let runs: usize = std::env::var("STARTUP_RUNS").ok().and_then(|n| n.parse().ok()).unwrap_or(7);
    let mut ms = Vec::new();
    for _ in 0..runs {
        let t0 = Instant::now();
        let d = open_window(&driver, data.path()).await?;
        by_testid(&d, "item-i-cfsd").await?;
        loop {
            let ready: bool = d
                .execute("return document.fonts.status === 'loaded' && [...document.fonts].some((f) => f.status === 'loaded') || ![...document.fonts].length;", Vec::<serde_json::Value>::new())
                .await?
                .convert()?;
            if ready {
                break;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        ms.push(t0.elapsed().as_millis());
        if ms.len() == runs {
            // Where the time went in the page of the last start: navigation and each font.
            let detail: serde_json::Value = d
                .execute(
                    "return {now: performance.now(), fonts: performance.getEntriesByType('resource').filter((r) => /\\.(ttf|otf)$/.test(r.name)).map((r) => [r.name.split('/').pop(), Math.round(r.startTime), Math.round(r.duration)])};",
                    Vec::<serde_json::Value>::new(),
                )
                .await?
                .json()
                .clone();
            println!("last start, in the page (ms since navigation): {detail}");
        }
        d.quit().await?;
    }
    let mut sorted = ms.clone();
    sorted.sort();
    println!("window start-up to the register with fonts loaded, ms: {ms:?}; median {}", sorted[sorted.len() / 2]);
    Ok(())
}
