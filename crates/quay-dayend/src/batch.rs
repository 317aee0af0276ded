//! The card terminal's batch compared per brand with the counter's own approved card
//! payments of the day; a difference is shown, never hidden. Pure: the counter closes
//! the batch and reads the journal, this does the arithmetic.
//!
//! ZVT totals come in the fixed brand slots of field 60 (girocard, JCB, Eurocard — which
//! is Mastercard —, Amex, Visa, Diners, others), so the counter's brands are put into the
//! same slots (`zvt_slot`). A reversal takes a payment out of the terminal's batch, so the
//! counter counts approved sales that were not reversed (`zvt_counter`). Viva's
//! transactions carry no brand: both sides take the brand from the card number's range
//! (`viva_counter`).

use std::collections::{BTreeMap, HashSet};

use quay_core::payment::PaymentState;
use serde::{Deserialize, Serialize};

use crate::matcher::PaymentKind;
use crate::totals::{brand_of, card_movements, DayPayment, Tally};

/// One brand, both sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BrandComparison {
    pub brand: String,
    pub counter: Tally,
    pub terminal: Tally,
    /// Terminal − counter.
    pub difference: i64,
}

/// Both sides of a batch, brand by brand, and their totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub counter_total: i64,
    pub terminal_total: i64,
    /// Terminal − counter.
    pub difference: i64,
    /// True when every brand agrees in count and amount.
    pub agrees: bool,
    /// Every brand either side has, by name.
    pub brands: Vec<BrandComparison>,
}

/// The ZVT field-60 slot a brand's totals are in.
pub fn zvt_slot(brand: &str) -> &'static str {
    let b = brand.to_ascii_lowercase();
    if b.contains("giro") {
        "girocard"
    } else if b.contains("jcb") {
        "JCB"
    } else if b.contains("master") || b.contains("euro") || b.contains("maestro") {
        "Eurocard"
    } else if b.contains("amex") || b.contains("american") {
        "Amex"
    } else if b.contains("visa") {
        "Visa"
    } else if b.contains("diners") {
        "Diners"
    } else {
        "others"
    }
}

/// The counter's side of a ZVT batch: approved sales not reversed (an approved payment
/// of any other kind for the same sale takes it out), per field-60 slot.
pub fn zvt_counter(payments: &[DayPayment]) -> BTreeMap<String, Tally> {
    let approved = |p: &&DayPayment| p.state == PaymentState::Approved;
    let reversed: HashSet<u128> = payments.iter().filter(approved).filter(|p| p.kind != Some(PaymentKind::Sale)).map(|p| p.sale).collect();
    let mut counter: BTreeMap<String, Tally> = BTreeMap::new();
    for p in payments.iter().filter(approved).filter(|p| p.kind == Some(PaymentKind::Sale) && !reversed.contains(&p.sale)) {
        counter.entry(zvt_slot(&p.brand()).to_string()).or_default().add(p.amount);
    }
    counter
}

/// The terminal's side of a ZVT batch: its totals per brand (name, count, amount) summed
/// per field-60 slot.
pub fn zvt_terminal<'a>(per_brand: impl IntoIterator<Item = (&'a str, u32, u64)>) -> BTreeMap<String, Tally> {
    let mut terminal: BTreeMap<String, Tally> = BTreeMap::new();
    for (brand, n, amount) in per_brand {
        let t = terminal.entry(zvt_slot(brand).to_string()).or_default();
        t.count += u64::from(n);
        t.amount += amount as i64;
    }
    terminal
}

/// The counter's side of a Viva day: its card movements (sales positive, refunds
/// negative) per brand of the card number's range.
pub fn viva_counter(payments: &[DayPayment]) -> BTreeMap<String, Tally> {
    let mut counter: BTreeMap<String, Tally> = BTreeMap::new();
    for (_, amount, p) in card_movements(payments) {
        counter.entry(brand_of(None, p.masked_pan.as_deref())).or_default().add(amount);
    }
    counter
}

/// The terminal's side of a Viva day: (card number, signed amount) per transaction that
/// moved money, per brand of the card number's range.
pub fn viva_terminal<'a>(txs: impl IntoIterator<Item = (Option<&'a str>, i64)>) -> BTreeMap<String, Tally> {
    let mut terminal: BTreeMap<String, Tally> = BTreeMap::new();
    for (card_number, amount) in txs {
        terminal.entry(brand_of(None, card_number)).or_default().add(amount);
    }
    terminal
}

/// Both sides brand by brand (every brand either has, sorted by name; a side without it
/// counts zero) and their totals.
pub fn compare(counter: &BTreeMap<String, Tally>, terminal: &BTreeMap<String, Tally>) -> Comparison {
    let mut brands: Vec<String> = counter.keys().chain(terminal.keys()).cloned().collect();
    brands.sort();
    brands.dedup();
    let brands: Vec<BrandComparison> = brands
        .into_iter()
        .map(|b| {
            let c = counter.get(&b).cloned().unwrap_or_default();
            let t = terminal.get(&b).cloned().unwrap_or_default();
            BrandComparison { difference: t.amount - c.amount, brand: b, counter: c, terminal: t }
        })
        .collect();
    let counter_total: i64 = brands.iter().map(|b| b.counter.amount).sum();
    let terminal_total: i64 = brands.iter().map(|b| b.terminal.amount).sum();
    Comparison {
        counter_total,
        terminal_total,
        difference: terminal_total - counter_total,
        agrees: brands.iter().all(|b| b.counter == b.terminal),
        brands,
    }
}
