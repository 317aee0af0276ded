//! Reconcile 100k × 100k and 200k × 200k synthetic days (every category present), and
//! parse a 100k-line generic file.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use quay_dayend::bank::{parse, Expect, Preset};
use quay_dayend::matcher::{reconcile, MatchConfig};
use quay_dayend::synth;

// The allocator of the `quay` binary, which runs the reconciliation (src-tauri main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `reconcile/N`: the call, its result kept until the batch ends (as the app keeps it to
/// build its views), so every call works in fresh memory as a day-end does.
/// `reconcile+drop/N`: the result freed inside the loop, so the allocator's reuse of the freed
/// memory from one call to the next is in the figure.
fn bench_reconcile(c: &mut Criterion) {
    let config = MatchConfig::default();
    for n in [50_000usize, 100_000, 200_000] {
        let (pays, lines) = synth::generate(n);
        c.bench_function(&format!("reconcile/{}k", n / 1000), |b| {
            b.iter_with_large_drop(|| reconcile(black_box(&pays), black_box(&lines), &config))
        });
        c.bench_function(&format!("reconcile+drop/{}k", n / 1000), |b| {
            b.iter(|| black_box(reconcile(black_box(&pays), black_box(&lines), &config)))
        });
    }
}

fn bench_parse(c: &mut Criterion) {
    let (_, lines) = synth::generate(100_000);
    let csv = synth::generic_csv(&lines);
    let preset = Preset::generic();
    let expect = Expect::default();
    c.bench_function("parse/generic_100k", |b| b.iter(|| black_box(parse(black_box(&csv), &preset, &expect))));
}

criterion_group!(benches, bench_reconcile, bench_parse);
criterion_main!(benches);
