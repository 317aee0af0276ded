//! The inputs projected once, in input order, into compact columns. A `BankLine` is
//! about 312 bytes and a `CounterPayment` 256, each with its strings elsewhere on the
//! heap; after this one sequential pass the rules read only the columns, a few bytes
//! per row, so their cost follows the row count and not how the inputs lie in memory
//! (see BENCH.md).

use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use quay_core::money::Currency;

use super::join::{key, Keys};
use super::{nonempty, trim, CounterPayment, PaymentKind};
use crate::bank::{BankLine, LineKind};
use crate::fxhash::{fx_pair, fx_str};

/// One optional key string per row (trimmed; absent if empty), all in one buffer.
pub(super) struct KeyCol {
    text: String,
    /// Row `r` is `text[end[r - 1]..end[r]]`.
    end: Vec<usize>,
}

impl KeyCol {
    fn with_capacity(rows: usize) -> Self {
        KeyCol { text: String::new(), end: Vec::with_capacity(rows) }
    }

    fn push(&mut self, s: Option<&str>) {
        if let Some(s) = s {
            self.text.push_str(s);
        }
        self.end.push(self.text.len());
    }

    pub fn get(&self, row: usize) -> Option<&str> {
        let start = if row == 0 { 0 } else { self.end[row - 1] };
        Some(&self.text[start..self.end[row]]).filter(|s| !s.is_empty())
    }

    /// The join keys of the rows that have a string and pass `take`. Hashing here, from
    /// the compact buffer, proved cheaper than hashing during the projection.
    pub fn keys(&self, take: impl Fn(usize) -> bool) -> Keys {
        (0..self.end.len()).filter(|&r| take(r)).filter_map(|r| Some(key(fx_str(self.get(r)?), r))).collect()
    }
}

/// The join keys of the rows that have both strings and pass `take`.
pub(super) fn pair_keys(a: &KeyCol, b: &KeyCol, take: impl Fn(usize) -> bool) -> Keys {
    (0..a.end.len()).filter(|&r| take(r)).filter_map(|r| Some(key(fx_pair(a.get(r)?, b.get(r)?), r))).collect()
}

pub(super) struct BankCols {
    /// Unix seconds.
    pub t: Vec<i64>,
    /// Signed as in the file.
    pub minor: Vec<i64>,
    pub cur: Vec<Currency>,
    pub kind: Vec<LineKind>,
    pub line: Vec<u32>,
    /// The stable ids, allocated once here and moved into the outcomes.
    pub id: Vec<Arc<str>>,
    /// Of every line: its stable id, for duplicates.
    pub id_keys: Keys,
    /// The latest `date_time` (the last of equal ones, as `Iterator::max`).
    pub latest: Option<DateTime<FixedOffset>>,
    // Of sales and refunds only: the other lines never match.
    pub merchant_ref: KeyCol,
    pub transaction_id: KeyCol,
    pub order_code: KeyCol,
    pub terminal: KeyCol,
    pub auth: KeyCol,
    pub rrn: KeyCol,
    pub stan: KeyCol,
}

/// Approved counter payments only; row `c` is the `c`-th approved payment.
pub(super) struct PayCols {
    pub t: Vec<i64>,
    /// Magnitude: a refund may be journaled with either sign.
    pub mag: Vec<i64>,
    pub cur: Vec<Currency>,
    pub kind: Vec<PaymentKind>,
    /// The ids as the outcomes show them, allocated once here.
    pub id: Vec<Arc<str>>,
    /// The ids as keys (trimmed).
    pub id_key: KeyCol,
    pub provider_ref: KeyCol,
    pub receipt_no: KeyCol,
    pub terminal: KeyCol,
    pub auth: KeyCol,
    pub rrn: KeyCol,
    pub stan: KeyCol,
}

pub(super) fn bank_cols(bank: &[BankLine]) -> BankCols {
    let n = bank.len();
    let mut c = BankCols {
        t: Vec::with_capacity(n),
        minor: Vec::with_capacity(n),
        cur: Vec::with_capacity(n),
        kind: Vec::with_capacity(n),
        line: Vec::with_capacity(n),
        id: Vec::with_capacity(n),
        id_keys: Vec::with_capacity(n),
        latest: None,
        merchant_ref: KeyCol::with_capacity(n),
        transaction_id: KeyCol::with_capacity(n),
        order_code: KeyCol::with_capacity(n),
        terminal: KeyCol::with_capacity(n),
        auth: KeyCol::with_capacity(n),
        rrn: KeyCol::with_capacity(n),
        stan: KeyCol::with_capacity(n),
    };
    for (b, l) in bank.iter().enumerate() {
        c.t.push(l.date_time.timestamp());
        c.minor.push(l.amount.minor);
        c.cur.push(l.amount.currency);
        c.kind.push(l.kind);
        c.line.push(super::line_u32(l.line));
        c.id.push(Arc::from(l.id.as_str()));
        c.id_keys.push(key(fx_str(&l.id), b));
        if c.latest.is_none_or(|m| l.date_time >= m) {
            c.latest = Some(l.date_time);
        }
        let matches = matches!(l.kind, LineKind::Sale | LineKind::Refund);
        let value = |s| nonempty(s).filter(|_| matches);
        c.merchant_ref.push(value(&l.merchant_reference));
        c.transaction_id.push(value(&l.transaction_id));
        c.order_code.push(value(&l.order_code));
        c.terminal.push(value(&l.terminal_id));
        c.auth.push(value(&l.auth_code));
        c.rrn.push(value(&l.rrn));
        c.stan.push(value(&l.stan));
    }
    c
}

pub(super) fn pay_cols(counter: &[CounterPayment]) -> PayCols {
    let n = counter.len();
    let mut c = PayCols {
        t: Vec::with_capacity(n),
        mag: Vec::with_capacity(n),
        cur: Vec::with_capacity(n),
        kind: Vec::with_capacity(n),
        id: Vec::with_capacity(n),
        id_key: KeyCol::with_capacity(n),
        provider_ref: KeyCol::with_capacity(n),
        receipt_no: KeyCol::with_capacity(n),
        terminal: KeyCol::with_capacity(n),
        auth: KeyCol::with_capacity(n),
        rrn: KeyCol::with_capacity(n),
        stan: KeyCol::with_capacity(n),
    };
    for p in counter.iter().filter(|p| p.approved) {
        c.t.push(p.at.timestamp());
        c.mag.push(p.amount.minor.abs());
        c.cur.push(p.amount.currency);
        c.kind.push(p.kind);
        c.id.push(Arc::from(p.id.as_str()));
        c.id_key.push(Some(trim(&p.id)));
        c.provider_ref.push(nonempty(&p.provider_ref));
        c.receipt_no.push(nonempty(&p.receipt_no));
        c.terminal.push(nonempty(&p.terminal_id));
        c.auth.push(nonempty(&p.auth_code));
        c.rrn.push(nonempty(&p.rrn));
        c.stan.push(nonempty(&p.stan));
    }
    c
}
