//! Deterministic counter payments and bank lines of any size with every category present:
//! for the benchmark and for tests of the matcher at scale. Amounts are VND.
//!
//! Per block of 20 slots: 9 reference matches, 1 provider-ref match, 2 terminal+auth
//! matches, 1 amount-window match, 1 tip (matched with difference), 1 missing at bank
//! plus 1 missing at counter, 1 duplicate plus 1 next-batch payment, 1 matched refund,
//! 1 unmatched refund on each side, 1 fee or chargeback plus 1 declined payment, and
//! 1 ambiguous payment with two equal bank lines.

use chrono::{DateTime, Duration, FixedOffset};
use quay_core::money::{Currency, Money};

use crate::bank::{BankLine, LineKind};
use crate::matcher::{CounterPayment, PaymentKind};

fn base() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-21T07:00:00+07:00").expect("a constant date parses")
}

fn vnd(minor: i64) -> Money {
    Money::new(minor, Currency::Vnd)
}

fn payment(id: String, at: DateTime<FixedOffset>, amount: i64) -> CounterPayment {
    CounterPayment {
        id,
        kind: PaymentKind::Sale,
        amount: vnd(amount),
        at,
        terminal_id: None,
        auth_code: None,
        rrn: None,
        stan: None,
        receipt_no: None,
        provider_ref: None,
        brand: Some("VISA".into()),
        masked_pan: Some("411111******1111".into()),
        approved: true,
    }
}

fn line(tx: String, at: DateTime<FixedOffset>, amount: i64, kind: LineKind) -> BankLine {
    BankLine {
        line: 0,
        id: String::new(),
        transaction_id: Some(tx),
        merchant_reference: None,
        order_code: None,
        merchant_id: None,
        terminal_id: Some("T0001".into()),
        date_time: at + Duration::seconds(40),
        scheme: Some("visa".into()),
        masked_pan: Some("411111******1111".into()),
        amount: vnd(amount),
        currency: Currency::Vnd,
        auth_code: None,
        rrn: None,
        stan: None,
        kind,
    }
}

/// `n` approved-or-declined counter payments and `n` bank lines.
pub fn generate(n: usize) -> (Vec<CounterPayment>, Vec<BankLine>) {
    let start = base();
    let step = (14 * 3600 * 1000 / n.max(1) as i64).max(1); // spread over 14 hours, in ms
    let mut pays = Vec::with_capacity(n);
    let mut lines: Vec<BankLine> = Vec::with_capacity(n + n / 10);
    let mut i = 0usize;
    while pays.len() < n {
        let at = start + Duration::milliseconds(step * i as i64);
        let amount = 20_000 + 1_000 * i as i64; // unique per slot: rule 3 never collides by chance
        let id = format!("pay-{i:07}");
        let tx = format!("tx-{i:07}");
        let auth = format!("{:06}", i % 1_000_000);
        match i % 20 {
            0..=8 | 13 => {
                pays.push(payment(id.clone(), at, amount));
                let tip = if i % 20 == 13 { 5_000 } else { 0 };
                let mut l = line(tx, at, amount + tip, LineKind::Sale);
                l.merchant_reference = Some(id);
                l.auth_code = Some(auth);
                lines.push(l);
            }
            9 => {
                let mut p = payment(id, at, amount);
                p.provider_ref = Some(tx.clone());
                pays.push(p);
                lines.push(line(tx, at, amount, LineKind::Sale));
            }
            10 | 11 => {
                let mut p = payment(id, at, amount);
                p.terminal_id = Some("T0001".into());
                p.auth_code = Some(auth.clone());
                p.stan = Some(format!("{:06}", i % 999_999));
                pays.push(p);
                let mut l = line(tx, at, amount, LineKind::Sale);
                l.auth_code = Some(auth);
                l.rrn = Some(format!("6325{i:08}"));
                lines.push(l);
            }
            12 => {
                pays.push(payment(id, at, amount));
                lines.push(line(tx, at, amount, LineKind::Sale));
            }
            14 => {
                pays.push(payment(id, at, amount + 1));
                lines.push(line(tx, at, amount + 2, LineKind::Sale));
            }
            15 => {
                let first = lines.iter().rev().find(|l| l.merchant_reference.is_some()).cloned();
                if let Some(d) = first {
                    lines.push(d);
                }
                let late = start + Duration::days(2) + Duration::milliseconds(step * i as i64);
                pays.push(payment(id, late, amount + 3));
            }
            16 => {
                let mut p = payment(id.clone(), at, amount);
                p.kind = PaymentKind::Refund;
                pays.push(p);
                let mut l = line(tx, at, -amount, LineKind::Refund);
                l.merchant_reference = Some(id);
                lines.push(l);
            }
            17 => {
                let mut p = payment(id, at, amount + 5);
                p.kind = PaymentKind::Refund;
                pays.push(p);
                lines.push(line(tx, at, -(amount + 4), LineKind::Refund));
            }
            18 => {
                let mut p = payment(id, at, amount);
                p.approved = false;
                pays.push(p);
                let kind = if (i / 20).is_multiple_of(2) { LineKind::Fee } else { LineKind::Chargeback };
                lines.push(line(tx, at, -(amount / 100), kind));
            }
            _ => {
                pays.push(payment(id, at, amount));
                lines.push(line(tx.clone(), at, amount, LineKind::Sale));
                lines.push(line(format!("{tx}-b"), at + Duration::minutes(5), amount, LineKind::Sale));
            }
        }
        i += 1;
    }
    lines.truncate(n);
    for (k, l) in lines.iter_mut().enumerate() {
        l.line = k as u64 + 2;
        l.compute_id();
    }
    (pays, lines)
}

/// The lines as a file in the `generic` preset's format.
pub fn generic_csv(lines: &[BankLine]) -> Vec<u8> {
    let mut out = String::with_capacity(lines.len() * 140);
    out.push_str(
        "transaction_id,merchant_reference,terminal_id,date_time,card_scheme,masked_pan,amount,currency,auth_code,rrn,stan,type\n",
    );
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    for l in lines {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{},{}\n",
            o(&l.transaction_id),
            o(&l.merchant_reference),
            o(&l.terminal_id),
            l.date_time.to_rfc3339(),
            o(&l.scheme),
            o(&l.masked_pan),
            l.amount.to_major_string(),
            l.currency.code(),
            o(&l.auth_code),
            o(&l.rrn),
            o(&l.stan),
            l.kind.as_str(),
        ));
    }
    out.into_bytes()
}
