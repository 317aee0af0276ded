//! Search over a generated 20,000-item menu, one query per keystroke as a cashier types.
//! Criterion measures each prefix; a second pass prints p50/p99 over every keystroke of
//! many queries, the figure docs/PERFORMANCE.md states (goal: p99 < 5 ms).

use std::time::{Duration, Instant};

use criterion::{criterion_group, BenchmarkId, Criterion};
use quay_core::{synth, Currency, Menu};

const QUERIES: &[&str] = &["ca phe sua da", "tra dao cam sa", "pho bo", "banh mi thit", "sku-1234", "item 19999"];

fn menu() -> Menu {
    Menu::new(synth::menu(20_000, 1), Currency::Vnd).unwrap()
}

fn keystrokes(c: &mut Criterion) {
    let m = menu();
    let mut g = c.benchmark_group("search_20k");
    for q in ["c", "ca", "ca phe", "ca phe sua da", "pho", "sku-12345"] {
        g.bench_with_input(BenchmarkId::from_parameter(q), q, |b, q| b.iter(|| m.search(q, 60).len()));
    }
    g.finish();
}

fn percentiles() {
    let m = menu();
    let mut times: Vec<Duration> = Vec::new();
    for _ in 0..20 {
        for q in QUERIES {
            for end in q.char_indices().map(|(i, c)| i + c.len_utf8()) {
                let t = Instant::now();
                std::hint::black_box(m.search(&q[..end], 60).len());
                times.push(t.elapsed());
            }
        }
    }
    times.sort();
    let p = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    println!(
        "search_20k per keystroke over {} keystrokes: p50 {:?}, p99 {:?}, max {:?}",
        times.len(),
        p(0.5),
        p(0.99),
        times[times.len() - 1]
    );
}

criterion_group!(benches, keystrokes);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    percentiles();
}
