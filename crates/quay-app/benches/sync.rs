//! Hub sync end to end against the simulator on loopback (signing, HTTP, validation,
//! SQLite with synchronous=FULL), the figures of docs/PERFORMANCE.md:
//! - full sync of a generated 20,000-item menu with option groups (goal < 1.5 s);
//! - a change set of 100 items applied to that menu (goal < 100 ms);
//! - draining 10,000 queued sales after reconnecting (goal < 10 s);
//! - a stock update (price and availability) of 100 items, and of 1 item, patched into
//!   that menu through `Counter::patch_menu` — validation, the rows in SQLite, the menu
//!   in memory — as the Nhanh connector sends them (goals < 10 ms and < 2 ms).
//!
//! Each iteration starts from a copy of a prepared counter, made outside the timing
//! (the patches: one counter, each iteration the next version).

use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, BatchSize, Criterion};
use quay_app::ring::{parse_line, Pay};
use quay_app::{sync, Counter};
use quay_sim::{HubConfig, RunningHub};
use tempfile::TempDir;

fn configure(c: &Counter, hub: &RunningHub) {
    c.set_setting(sync::HUB_URL, &hub.url).unwrap();
    c.set_setting(sync::HUB_POS_PARENT, HubConfig::SANDBOX_POS_PARENT).unwrap();
    c.set_setting(sync::HUB_POS_ID, HubConfig::SANDBOX_POS_ID).unwrap();
    c.set_secret(sync::HUB_KEY1, std::str::from_utf8(HubConfig::SANDBOX_KEY1).unwrap()).unwrap();
    c.set_secret(sync::HUB_KEY2, std::str::from_utf8(HubConfig::SANDBOX_KEY2).unwrap()).unwrap();
}

/// A copy of a prepared counter's data directory, pointed at `hub`.
fn copy_of(template: &Path, hub: &RunningHub) -> (TempDir, Counter) {
    let dir = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(template).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.path().join(e.file_name())).unwrap();
    }
    let c = Counter::open(dir.path()).unwrap();
    c.set_setting(sync::HUB_URL, &hub.url).unwrap();
    (dir, c)
}

fn benches(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let big = quay_core::synth::menu(20_000, 1);
    let hub = rt.block_on(quay_sim::start(HubConfig::sandbox(big.clone())));

    let mut g = c.benchmark_group("hub_sync");
    g.sample_size(10).measurement_time(Duration::from_secs(20));

    g.bench_function("full_menu_20k_items", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let counter = Counter::open(dir.path()).unwrap();
                configure(&counter, &hub);
                (dir, counter)
            },
            // Returning the counter keeps its drop (and the temp dir's removal) out of the timing.
            |(dir, counter)| {
                rt.block_on(counter.sync_menu()).unwrap();
                (dir, counter)
            },
            BatchSize::PerIteration,
        )
    });

    // A counter at v1 of the big menu; the hub then publishes v2 with 100 items changed.
    let template = tempfile::tempdir().unwrap();
    {
        let counter = Counter::open(template.path()).unwrap();
        configure(&counter, &hub);
        rt.block_on(counter.sync_menu()).unwrap();
    }
    let mut v2 = big.clone();
    for i in v2.items.iter_mut().step_by(200).take(100) {
        i.price += 1_000;
        i.available = !i.available;
    }
    hub.publish_menu(v2);
    g.bench_function("changes_100_items_on_20k_menu", |b| {
        b.iter_batched(
            || copy_of(template.path(), &hub),
            |(dir, counter)| {
                let out = rt.block_on(counter.sync_menu()).unwrap();
                assert!(matches!(out, sync::MenuSyncOutcome::Changed { full: false, items: 100, .. }), "{out:?}");
                (dir, counter)
            },
            BatchSize::PerIteration,
        )
    });

    // Stock updates on one copy of the v1 counter, each iteration the next version. The
    // change set is made outside the timing; the patched menu is released inside it, so
    // that no iteration finds a reader holding the menu (which would make it copy).
    let (_patched_dir, patched) = copy_of(template.path(), &hub);
    for (name, n) in [("patch_100_items_on_20k_menu", 100), ("patch_1_item_on_20k_menu", 1)] {
        g.bench_function(name, |b| {
            b.iter_batched(
                || quay_core::synth::stock_changes(patched.menu().unwrap().snapshot(), n),
                |changes| {
                    patched.patch_menu(&changes, "bench").unwrap();
                },
                BatchSize::PerIteration,
            )
        });
    }

    // 10,000 sales rung while the hub was unreachable, then the connection returns.
    let demo = quay_core::MenuSnapshot::from_json(include_bytes!("../../../assets/demo-menu.json")).unwrap();
    let queued = tempfile::tempdir().unwrap();
    {
        let counter = Counter::open(queued.path()).unwrap();
        counter.import_menu(&quay_app::Who::Setup, include_bytes!("../../../assets/demo-menu.json")).unwrap();
        configure(&counter, &hub);
        let lines = [
            parse_line("i-phobo*2+o-pho-egg").unwrap(),
            parse_line("i-cfsd+o-size-l+o-sugar-50+o-ice-less").unwrap(),
            parse_line("i-biasaigon").unwrap(),
        ];
        for _ in 0..10_000 {
            counter.ring(&quay_app::Who::Setup, &lines, &Pay::Cash(None)).unwrap();
        }
    }
    g.bench_function("drain_10k_queued_sales", |b| {
        b.iter_batched(
            || {
                let fresh = rt.block_on(quay_sim::start(HubConfig::sandbox(demo.clone())));
                let (dir, counter) = copy_of(queued.path(), &fresh);
                (dir, counter, fresh)
            },
            |(dir, counter, fresh)| {
                let out = rt.block_on(counter.push_outbox()).unwrap();
                assert_eq!((out.stored, out.remaining), (10_000, 0));
                (dir, counter, fresh)
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(group, benches);

fn main() {
    group();
    Criterion::default().configure_from_args().final_summary();
}
