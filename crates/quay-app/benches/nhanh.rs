//! Nhanh.vn against the simulator on loopback, the figures of docs/PERFORMANCE.md:
//! - a full product sync of 20,000 Nhanh products (200 pages of 100), HTTP, paging, the
//!   menu import, validation and the atomic swap into SQLite (goal < 3 s);
//! - one `inventoryChange` delivery of 100 products applied to that 20,000-item menu —
//!   persisted as the listener does, parsed, the stock rows turned into a change set,
//!   validated and written in place (goal < 10 ms), and of a single product (< 2 ms);
//!   end to end (kept in the inbox as the listener does, applied, marked done: three
//!   commits) and the apply alone.

use std::time::Duration;

use criterion::{criterion_group, BatchSize, Criterion};
use quay_app::{Counter, Who};
use quay_nhanh::listener::Delivery;
use quay_nhanh::webhook;
use quay_sim::nhanh::{start_nhanh_in_thread, NhanhSimConfig, NhanhSimHandle};

const PRODUCTS: usize = 20_000;

fn connected(sim: &NhanhSimHandle) -> (tempfile::TempDir, Counter) {
    let dir = tempfile::tempdir().unwrap();
    let c = Counter::open(dir.path()).unwrap();
    for (k, v) in [
        ("nhanh.url", sim.url.as_str()),
        ("nhanh.app_id", NhanhSimConfig::SANDBOX_APP_ID),
        ("nhanh.depot_id", "101"),
        ("menu.source", "nhanh"),
    ] {
        c.set_setting(k, v).unwrap();
    }
    c.set_secret("nhanh.secret_key", NhanhSimConfig::SANDBOX_SECRET_KEY).unwrap();
    // Connecting makes the first full sync.
    c.nhanh_connect(&Who::Setup, Some(&sim.issue_access_code())).unwrap();
    (dir, c)
}

/// An `inventoryChange` delivery for products `ids`: round `n` makes each sold out (even
/// rounds) or available again (odd), with quantities unique to the round so no two
/// deliveries share a dedupe key.
fn stock_delivery(ids: &[i64], n: u64) -> Delivery {
    let rows: Vec<_> = ids
        .iter()
        .map(|id| {
            let (remain, holding) = if n % 2 == 0 { (0, n) } else { (n + 1, 0) };
            serde_json::json!({"id": id, "remain": remain, "holding": holding, "available": remain as i64 - holding as i64,
                "depots": [{"id": 101, "remain": remain, "holding": holding, "available": remain as i64 - holding as i64}]})
        })
        .collect();
    let body = serde_json::json!({"event": "inventoryChange", "businessId": NhanhSimConfig::SANDBOX_BUSINESS_ID, "data": rows}).to_string();
    let hook = webhook::parse(body.as_bytes()).unwrap();
    Delivery { dedupe_key: webhook::dedupe_key(&hook), business_id: hook.business_id.clone(), event: hook.event, received_body: body }
}

fn benches(c: &mut Criterion) {
    let sim = start_nhanh_in_thread(NhanhSimConfig::generated(PRODUCTS));
    // Nhanh's own limit — 150 calls per 30 s on a path — makes 200 pages wait out one
    // lock at least, whatever the counter does: once, timed, for the record.
    {
        let t = std::time::Instant::now();
        let (_dir, counter) = connected(&sim);
        eprintln!("nhanh: connect + full sync of {PRODUCTS} products at Nhanh's rate limit: {:?}", t.elapsed());
        drop(counter);
    }
    // The counter's own cost: the simulator's limit lifted.
    sim.set_rate_limit(1_000_000);
    let mut g = c.benchmark_group("nhanh");
    g.sample_size(10).measurement_time(Duration::from_secs(30));
    g.bench_function("full_product_sync_20k", |b| {
        let (_dir, counter) = connected(&sim);
        b.iter(|| counter.nhanh_sync_products(&Who::Setup).unwrap())
    });
    g.finish();

    let (_dir, counter) = connected(&sim);
    assert!(counter.menu().unwrap().items().len() > 19_000);
    // Products on the menu (not the inactive ones), spread over it.
    let on_menu: Vec<i64> = (1..=PRODUCTS as i64).filter(|i| i % 97 != 0).collect();
    let hundred: Vec<i64> = on_menu.iter().step_by(on_menu.len() / 100).take(100).copied().collect();
    let mut g = c.benchmark_group("nhanh_stock");
    g.sample_size(50);
    for (name, ids) in [("inventory_change_100_on_20k", hundred), ("inventory_change_1_on_20k", vec![on_menu[777]])] {
        let mut n = 0u64;
        g.bench_function(name, |b| {
            b.iter_batched(
                || {
                    n += 1;
                    stock_delivery(&ids, n)
                },
                |d| {
                    assert!(counter.nhanh_keep_delivery(&d).unwrap());
                    let r = counter.nhanh_process_inbox().unwrap();
                    assert_eq!(r.processed, 1);
                },
                BatchSize::SmallInput,
            )
        });
    }
    // The apply alone (what the delivery's rows do to the menu and its rows), without
    // the inbox's own writes around it.
    for (name, ids) in [
        ("stock_apply_100_on_20k", on_menu.iter().step_by(on_menu.len() / 100).take(100).copied().collect::<Vec<_>>()),
        ("stock_apply_1_on_20k", vec![on_menu[778]]),
    ] {
        let mut n = 1_000u64;
        g.bench_function(name, |b| {
            b.iter_batched(
                || {
                    n += 1;
                    match stock_delivery(&ids, n).event {
                        quay_nhanh::webhook::Event::InventoryChange(rows) => rows,
                        _ => unreachable!("a stock delivery"),
                    }
                },
                |rows| counter.nhanh_stock_changed(&rows).unwrap(),
                BatchSize::SmallInput,
            )
        });
    }
    g.finish();
}

criterion_group!(nhanh, benches);

fn main() {
    nhanh();
    Criterion::default().configure_from_args().final_summary();
}
