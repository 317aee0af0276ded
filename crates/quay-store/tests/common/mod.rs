//! Shared by the store's tests: a small menu and a sale maker that goes through the same
//! core path as the counter (cart → cash tender → Sale::close).
#![allow(dead_code)]

use chrono::{DateTime, FixedOffset};
use quay_core::sale::Stamp;
use quay_core::tender::Tender;
use quay_core::{synth, Cart, Currency, Menu, Money, Sale};
use quay_store::Store;
use uuid::Uuid;

pub fn menu() -> Menu {
    Menu::new(synth::menu(300, 1), Currency::Vnd).unwrap()
}

pub fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// A cart of `lines` lines (items with and without options).
pub fn cart(menu: &Menu, lines: usize, seed: usize) -> Cart {
    let mut c = Cart::new(Currency::Vnd);
    for k in 0..lines {
        let i = (seed * 31 + k * 7) % 300;
        let i = if i.is_multiple_of(50) { i + 1 } else { i }; // every 50th item is sold out
        let opts: Vec<String> = match i % 3 {
            0 => vec!["o-l".into(), "o-s50".into(), "o-pearl".into()],
            1 => vec!["o-m".into()],
            _ => vec![],
        };
        c.add(menu, &format!("i-{i}"), &opts, 1 + (k as i64 % 3), None, at("2026-11-22T09:00:00+07:00")).unwrap();
    }
    c
}

pub fn ring(store: &mut Store, menu: &Menu, lines: usize, seed: usize, id: Uuid) -> Sale {
    let c = cart(menu, lines, seed);
    let due = c.totals().unwrap().total;
    let tendered = Money::new((due.minor / 100_000 + 1) * 100_000, Currency::Vnd);
    store
        .insert_sale("C1", |receipt_no| {
            let t = Tender::cash(due, tendered)?;
            Sale::close(&c, vec![t], Stamp { id, receipt_no, at: at("2026-11-22T09:05:00+07:00"), cashier: "Lan".into() })
        })
        .unwrap()
}
