//! Closing a 5-line sale durably (WAL, synchronous=FULL, one transaction) through the
//! store, beside the floor: the same rows inserted by a bare rusqlite transaction with
//! the same pragmas and no domain work. Goal: within 1.5× of the floor.
//! Criterion reports the mean/median; a second pass prints p50/p99 of single closes.

use std::time::{Duration, Instant};

use chrono::DateTime;
use criterion::{criterion_group, Criterion};
use quay_core::sale::Stamp;
use quay_core::{synth, Cart, Currency, Menu, Money, Sale, Tender};
use quay_store::Store;
use rusqlite::{params, Connection};
use uuid::Uuid;

fn cart(menu: &Menu) -> Cart {
    let now = DateTime::parse_from_rfc3339("2026-11-22T09:00:00+07:00").unwrap();
    let mut c = Cart::new(Currency::Vnd);
    c.add(menu, "i-3", &["o-l".into(), "o-s50".into(), "o-pearl".into()], 2, Some("ít đá"), now).unwrap();
    c.add(menu, "i-4", &["o-m".into()], 1, None, now).unwrap();
    c.add(menu, "i-5", &[], 1, None, now).unwrap();
    c.add(menu, "i-7", &["o-s".into()], 3, None, now).unwrap();
    c.add(menu, "i-8", &[], 1, None, now).unwrap();
    c
}

/// The store's path: domain close (totals, tender, checks) + receipt number + 3 tables.
fn close(store: &mut Store, c: &Cart) -> Sale {
    let due = c.totals().unwrap().total;
    let at = DateTime::parse_from_rfc3339("2026-11-22T09:05:00+07:00").unwrap();
    store
        .insert_sale("C1", |receipt_no| {
            let t = Tender::cash(due, Money::new(500_000, Currency::Vnd))?;
            Sale::close(c, vec![t], Stamp { id: Uuid::now_v7(), receipt_no, at, cashier: "bench".into() })
        })
        .unwrap()
}

/// The floor: the same rows of a prepared sale, inserted with nothing else.
fn bare(conn: &mut Connection, s: &Sale, n: &mut i64) {
    *n += 1;
    let tx = conn.transaction().unwrap();
    let id = Uuid::now_v7().to_string();
    tx.prepare_cached(
        "INSERT INTO sales(id, receipt_no, status, void_of, business_date, opened_at, closed_at, currency, total, tax_total, cashier, void_reason, approved_by)
         VALUES (?1, ?2, 'closed', NULL, '2026-11-22', ?3, ?3, 'VND', ?4, ?5, 'bench', NULL, NULL)",
    )
    .unwrap()
    .execute(params![id, format!("B-{n}"), "2026-11-22T09:05:00+07:00", s.total, s.tax_total])
    .unwrap();
    let mut line = tx
        .prepare_cached(
            "INSERT INTO sale_lines(sale_id, line_no, item_id, sku, name, qty, unit_price, tax_rate_bp, line_total, note, options)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )
        .unwrap();
    for (i, l) in s.lines.iter().enumerate() {
        line.execute(params![id, i as i64, l.item_id, l.sku, l.name, l.qty, l.unit_price, l.tax_rate_bp, l.line_total, l.note, "[]"])
            .unwrap();
    }
    drop(line);
    tx.prepare_cached("INSERT INTO sale_tenders(sale_id, seq, kind, amount, tendered, change) VALUES (?1, 0, 'cash', ?2, 500000, ?3)")
        .unwrap()
        .execute(params![id, s.total, 500_000 - s.total])
        .unwrap();
    tx.commit().unwrap();
}

fn setup() -> (tempfile::TempDir, Store, Connection, Menu) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("store.db")).unwrap();
    // The floor gets its own file with the same schema and pragmas.
    drop(Store::open(&dir.path().join("floor.db")).unwrap());
    let conn = Connection::open(dir.path().join("floor.db")).unwrap();
    quay_store::configure(&conn).unwrap();
    let menu = Menu::new(synth::menu(50, 1), Currency::Vnd).unwrap();
    (dir, store, conn, menu)
}

fn benches(c: &mut Criterion) {
    let (_dir, mut store, mut conn, menu) = setup();
    let cart = cart(&menu);
    let sample = close(&mut store, &cart);
    let mut n = 0;
    let mut g = c.benchmark_group("close_5_line_sale");
    g.measurement_time(Duration::from_secs(8));
    g.bench_function("store", |b| b.iter(|| close(&mut store, &cart)));
    g.bench_function("floor_bare_rusqlite", |b| b.iter(|| bare(&mut conn, &sample, &mut n)));
    g.finish();
}

fn percentiles() {
    let (_dir, mut store, mut conn, menu) = setup();
    let cart = cart(&menu);
    let sample = close(&mut store, &cart);
    let mut n = 0;
    let (mut a, mut b) = (Vec::new(), Vec::new());
    // Interleaved so both see the same disk weather.
    for _ in 0..1_000 {
        let t = Instant::now();
        close(&mut store, &cart);
        a.push(t.elapsed());
        let t = Instant::now();
        bare(&mut conn, &sample, &mut n);
        b.push(t.elapsed());
    }
    for (name, v) in [("store", &mut a), ("floor", &mut b)] {
        v.sort();
        let p = |q: f64| v[((v.len() as f64 * q) as usize).min(v.len() - 1)];
        println!("close_5_line_sale {name}: p50 {:?}, p99 {:?} over {} closes", p(0.5), p(0.99), v.len());
    }
    let ratio = a[a.len() / 2].as_secs_f64() / b[b.len() / 2].as_secs_f64();
    println!("close_5_line_sale median ratio store/floor: {ratio:.2}");
}

criterion_group!(group, benches);

fn main() {
    group();
    Criterion::default().configure_from_args().final_summary();
    percentiles();
}
