//! A change set on a generated 20,000-item menu, in memory only (no store): the in-place
//! patch (`Menu::apply`) against rebuilding the menu whole (`MenuSnapshot::apply` then
//! `Menu::new`, the path before issue 16), for a 100-item and a 1-item stock update.
//! docs/PERFORMANCE.md states the figures.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use quay_core::{synth, Currency, Menu};

fn benches(c: &mut Criterion) {
    let menu = Menu::new(synth::menu(20_000, 1), Currency::Vnd).unwrap();
    let c100 = synth::stock_changes(menu.snapshot(), 100);
    let c1 = synth::stock_changes(menu.snapshot(), 1);
    let mut g = c.benchmark_group("menu_20k");
    g.sample_size(20).measurement_time(Duration::from_secs(10));
    g.bench_function("new (validate, hash, index)", |b| {
        b.iter_batched(|| menu.snapshot().clone(), |s| Menu::new(s, Currency::Vnd).unwrap(), BatchSize::LargeInput)
    });
    g.bench_function("rebuild with 100 changes", |b| b.iter(|| Menu::new(menu.snapshot().apply(&c100).unwrap(), Currency::Vnd).unwrap()));
    for (name, changes) in [("apply 100 changes in place", &c100), ("apply 1 change in place", &c1)] {
        // The copy of the menu each iteration patches is made outside the timing.
        g.bench_function(name, |b| b.iter_batched(|| menu.clone(), |mut m| m.apply(changes).map(|_| m).unwrap(), BatchSize::LargeInput));
    }
    g.bench_function("check 100 changes", |b| b.iter(|| menu.check(&c100).unwrap().content_hash().len()));
    g.bench_function("content_hash", |b| b.iter(|| menu.content_hash()));
    g.finish();
}

criterion_group!(group, benches);
criterion_main!(group);
