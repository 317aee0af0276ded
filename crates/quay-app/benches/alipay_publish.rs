//! Alipay product publishing (`Counter::alipay_products_publish`) against the wallets'
//! simulator on loopback, end to end — the items built from the menu, their content
//! hashes, a signed `alipay.open.app.item.create|modify` per item sent 8 at a time
//! (`publish_all`), the simulator's verification and signed answer, the app's verification,
//! the SQLite record of what was published. The figures of docs/PERFORMANCE.md ("Alipay:
//! publishing the menu"); the goal is "under 5 s, resending only changed items":
//! - (a) the first publish of a generated 20,000-item menu (CNY), every item created;
//! - (b) a re-publish with nothing changed: 0 items sent (the simulator's call counts);
//! - (c) 1 % of the items changed (a new price): only those are sent (as modifies);
//! - (d) one item changed: one round trip, the floor of any publish.
//!
//! A plain `main` (`harness = false`): (a) costs minutes in the dev profile, too long for
//! criterion's samples. It also times the RSA work each call costs (SHA256withRSA with a
//! 2048-bit key: the app signs each request, the simulator signs each answer) and how the
//! CPU time of (a) splits between the thread that runs `publish_all` (the app's signing
//! and verification) and the others (the simulator, HTTP). `ALIPAY_PUBLISH_ITEMS` changes
//! the menu's size (default 20,000).
//!
//! `cargo bench --profile dev -p quay-app --bench alipay_publish` measures what the
//! tests and `make run` run (dependencies at opt-level 1); `cargo bench` the release build.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use quay_app::{Counter, Who};
use quay_pay::wallet::alipay::sign::{AlipayKey, AppKey};
use quay_sim::wallet::{
    start_wallets_in_thread, WalletConfig, ALIPAY_APP_PRIVATE_KEY, ALIPAY_APP_PUBLIC_KEY, ALIPAY_GATEWAY_PUBLIC_KEY, ALIPAY_SANDBOX_APP_ID,
};

/// The generated menu in yuan: prices and option deltas a tenth of the đồng ones (¥20–79),
/// item `k` dearer by `bump[k]` fen.
fn cny_menu(n: usize, version: u64, bump: &[i64]) -> Vec<u8> {
    let mut m = quay_core::synth::menu(n, version);
    m.currency = "CNY".into();
    for g in &mut m.option_groups {
        for o in &mut g.options {
            o.price_delta /= 10;
        }
    }
    for (i, b) in m.items.iter_mut().zip(bump) {
        i.price = i.price / 10 + b;
    }
    serde_json::to_vec(&m).unwrap()
}

/// CPU seconds (user + system) of each thread of this process, by thread name.
fn cpu_by_thread() -> BTreeMap<String, f64> {
    let tick = 100.0; // USER_HZ on Linux
    let main = std::process::id().to_string();
    let mut out = BTreeMap::new();
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else { return out };
    for t in tasks.flatten() {
        let Ok(stat) = std::fs::read_to_string(t.path().join("stat")) else { continue };
        let Some((head, rest)) = stat.rsplit_once(')') else { continue };
        let f: Vec<&str> = rest.split_whitespace().collect();
        let secs = (f[11].parse::<f64>().unwrap_or(0.0) + f[12].parse::<f64>().unwrap_or(0.0)) / tick;
        let name = if t.file_name().to_string_lossy() == main {
            "main (publish_all: the app's signing and verification)".to_string()
        } else {
            head.split_once('(').map(|(_, n)| n.to_string()).unwrap_or_default()
        };
        *out.entry(name).or_insert(0.0) += secs;
    }
    out
}

fn diff(after: &BTreeMap<String, f64>, before: &BTreeMap<String, f64>) -> BTreeMap<String, f64> {
    after.iter().map(|(k, v)| (k.clone(), v - before.get(k).copied().unwrap_or(0.0))).filter(|(_, v)| *v > 0.005).collect()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let n: usize = std::env::var("ALIPAY_PUBLISH_ITEMS").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000);
    let profile = if cfg!(debug_assertions) { "dev (dependencies at opt-level 1)" } else { "release" };
    println!("alipay_publish: {n} items, {profile} profile, {} CPUs", std::thread::available_parallelism().map_or(0, |p| p.get()));

    // ---- the RSA work of one call, alone ----
    let app_key = AppKey::parse(ALIPAY_APP_PRIVATE_KEY).unwrap();
    let app_public = AlipayKey::parse(ALIPAY_APP_PUBLIC_KEY).unwrap();
    let content = format!(
        "app_id={ALIPAY_SANDBOX_APP_ID}&biz_content={}&charset=utf-8&method=alipay.open.app.item.create&sign_type=RSA2&timestamp=2026-12-01 12:00:00&version=1.0",
        r#"{"category_id":"C001","out_item_id":"i-12345","skus":[{"out_sku_id":"SKU-12345","sale_price":4500,"sale_status":"AVAILABLE","stock_num":9999}],"title":"Cà phê sữa đá 12345"}"#
    );
    let rounds = 40;
    let t = Instant::now();
    let mut sig = String::new();
    for _ in 0..rounds {
        sig = app_key.sign(&content);
    }
    let sign = t.elapsed() / rounds;
    let t = Instant::now();
    for _ in 0..rounds {
        assert!(app_public.verify(content.as_bytes(), &sig));
    }
    let verify = t.elapsed() / rounds;
    println!(
        "RSA-2048 SHA256withRSA: sign {} (private key: the app per request, the simulator per answer), verify {}",
        ms(sign),
        ms(verify)
    );

    // ---- a CNY counter, Alipay on the simulator ----
    let sim = start_wallets_in_thread(WalletConfig::sandbox());
    let ali = sim.alipay();
    let dir = tempfile::tempdir().unwrap();
    Counter::open(dir.path()).unwrap().set_setting("counter.currency", "CNY").unwrap();
    let counter = Counter::open(dir.path()).unwrap();
    for (k, v) in [
        ("wallet.alipay.enabled", "true"),
        ("wallet.alipay.url", sim.alipay_url.as_str()),
        ("wallet.alipay.app_id", ALIPAY_SANDBOX_APP_ID),
        ("wallet.alipay.public_key", ALIPAY_GATEWAY_PUBLIC_KEY),
        ("wallet.alipay.store_code", "QUAYSH01"),
        ("wallet.alipay.item_category", "C001"),
    ] {
        counter.set_setting(k, v).unwrap();
    }
    counter.set_secret("wallet.alipay.app_private_key", ALIPAY_APP_PRIVATE_KEY).unwrap();
    let t = Instant::now();
    let mut bump = vec![0i64; n];
    counter.import_menu(&Who::Setup, &cny_menu(n, 1, &bump)).unwrap();
    println!("menu of {n} items imported in {}", ms(t.elapsed()));

    // The local work alone: items from the menu, hashes, the comparison (nothing sent).
    let t = Instant::now();
    let dry = counter.alipay_products_publish(&Who::Setup, true).unwrap();
    println!("dry run (items, hashes, what changed; nothing sent): {} → {} to send", ms(t.elapsed()), dry.sent.len());
    assert_eq!(dry.sent.len(), n, "every item has a SKU and a CNY price: {:?}", dry.not_publishable.first());

    // ---- (a) the first publish ----
    let cpu0 = cpu_by_thread();
    let t = Instant::now();
    let r = counter.alipay_products_publish(&Who::Setup, false).unwrap();
    let first = t.elapsed();
    let cpu = diff(&cpu_by_thread(), &cpu0);
    assert!(r.refused.is_empty(), "refused: {:?}", r.refused.first());
    assert_eq!(r.sent.len(), n);
    assert_eq!(ali.item_calls(), (n as u32, 0), "each item created once");
    let total_cpu: f64 = cpu.values().sum();
    println!(
        "(a) first publish, {n} items: {:.1} s wall ({:.2} ms an item), CPU {total_cpu:.1} s ({:.0} % of one core, {:.0} % of two)",
        first.as_secs_f64(),
        first.as_secs_f64() * 1e3 / n as f64,
        100.0 * total_cpu / first.as_secs_f64(),
        50.0 * total_cpu / first.as_secs_f64()
    );
    for (thread, secs) in &cpu {
        println!("    CPU {secs:7.1} s  {thread}");
    }
    println!(
        "    RSA floor: {n} × (sign {} + verify {}) app side = {:.1} s; the simulator as much again for its signatures",
        ms(sign),
        ms(verify),
        n as f64 * (sign + verify).as_secs_f64()
    );

    // ---- (b) nothing changed ----
    let mut again = Vec::new();
    for _ in 0..5 {
        let calls = ali.item_calls();
        let t = Instant::now();
        let r = counter.alipay_products_publish(&Who::Setup, false).unwrap();
        again.push(t.elapsed());
        assert!(r.sent.is_empty(), "nothing changed, nothing sent: {}", r.sent.len());
        assert_eq!(r.unchanged, n);
        assert_eq!(ali.item_calls(), calls, "no item call at all");
    }
    println!(
        "(b) re-publish, nothing changed: 0 items sent, median {} of 5 (min {}, max {})",
        ms(median(again.clone())),
        ms(*again.iter().min().unwrap()),
        ms(*again.iter().max().unwrap())
    );

    // ---- (c) 1 % changed, (d) one item changed ----
    let mut run_changed = |label: &str, changed: Vec<usize>, runs: u64, version0: u64| {
        let mut times = Vec::new();
        for r in 0..runs {
            // Each round prices these items anew: exactly they differ from what Alipay has.
            for &k in &changed {
                bump[k] += 100;
            }
            counter.import_menu(&Who::Setup, &cny_menu(n, version0 + r, &bump)).unwrap();
            let (creates, modifies) = ali.item_calls();
            let t = Instant::now();
            let rep = counter.alipay_products_publish(&Who::Setup, false).unwrap();
            times.push(t.elapsed());
            assert!(rep.refused.is_empty());
            assert_eq!(rep.sent.len(), changed.len(), "only the changed items are sent");
            assert_eq!(ali.item_calls(), (creates, modifies + changed.len() as u32), "each changed item modified once, nothing else");
        }
        println!(
            "{label}: {} items sent (modifies), median {} of {runs} (min {}, max {})",
            changed.len(),
            ms(median(times.clone())),
            ms(*times.iter().min().unwrap()),
            ms(*times.iter().max().unwrap())
        );
    };
    run_changed("(c) 1 % changed", (0..n).step_by(100).collect(), 3, 10);
    run_changed("(d) one item changed", vec![n / 2], 5, 20);
    drop(counter);
    drop(sim);
}
