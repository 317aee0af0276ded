//! Reconcile 100k × 100k and 200k × 200k synthetic days (every category present), and
//! parse a 100k-line generic file.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use quay_dayend::bank::{parse, Expect, Preset};
use quay_dayend::matcher::{reconcile, MatchConfig};
use quay_dayend::synth;

fn bench_reconcile(c: &mut Criterion) {
    let config = MatchConfig::default();
    for n in [50_000usize, 100_000, 200_000] {
        let (pays, lines) = synth::generate(n);
        c.bench_function(&format!("reconcile/{}k", n / 1000), |b| {
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
