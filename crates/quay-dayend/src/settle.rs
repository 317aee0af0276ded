//! A manager's manual settlements, applied on top of a matcher result. The matcher's
//! links stand: a settlement only resolves what the matcher left open, so a list of
//! settlements saved yesterday means the same thing when re-applied today.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::bank::{BankLine, LineKind};
use crate::error::SettleError;
use crate::matcher::{bank_item, compare, counter_item, line_u32, summarize, Category, CounterPayment, Item, Reconciliation, Rule};

/// Bank lines are named by their stable id (`BankLine::id`); when duplicates share it,
/// the first line with that id is meant. A `duplicate` line is never settled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Settlement {
    /// This bank line is that counter payment.
    Link { bank_id: String, payment_id: String, reason: Option<String> },
    /// The payment will be in a later batch.
    NextBatch { payment_id: String, reason: Option<String> },
    /// The bank line's sale was taken outside Quay and is entered by hand.
    EnterByHand { bank_id: String, reason: String },
}

fn settled(c: Category) -> bool {
    matches!(c, Category::Matched | Category::MatchedWithDifference)
}

/// Applies `settlements` to `rec`, which `reconcile(counter, bank, _)` produced. All or
/// nothing: any invalid settlement refuses the whole list.
pub fn apply(
    rec: &Reconciliation,
    counter: &[CounterPayment],
    bank: &[BankLine],
    settlements: &[Settlement],
) -> Result<Reconciliation, SettleError> {
    // id -> (index in `bank` or `counter`, index in the result's `bank` or `counter`)
    let mut bank_at: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut pay_at: HashMap<&str, (usize, usize)> = HashMap::new();
    let bank_pos: HashMap<(u32, &str), usize> = bank.iter().enumerate().map(|(i, l)| ((line_u32(l.line), l.id.as_str()), i)).collect();
    let pay_pos: HashMap<&str, usize> = counter.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    for (oi, o) in rec.bank.iter().enumerate() {
        if let Item::Bank { line, id } = &o.item {
            if let Some(&bi) = bank_pos.get(&(*line, &**id)) {
                bank_at.entry(bank[bi].id.as_str()).or_insert((bi, oi));
            }
        }
    }
    for (oi, o) in rec.counter.iter().enumerate() {
        if let Item::Counter { id } = &o.item {
            if let Some(&ci) = pay_pos.get(&**id) {
                pay_at.entry(counter[ci].id.as_str()).or_insert((ci, oi));
            }
        }
    }
    let mut used_bank: HashSet<usize> = HashSet::new();
    let mut used_pay: HashSet<usize> = HashSet::new();
    let find_bank = |id: &str, used: &mut HashSet<usize>| -> Result<(usize, usize), SettleError> {
        let &(bi, oi) = bank_at.get(id).ok_or_else(|| SettleError::UnknownLine { id: id.to_string() })?;
        if !used.insert(bi) {
            return Err(SettleError::LineTwice { id: id.to_string() });
        }
        if matches!(bank[bi].kind, LineKind::Fee | LineKind::Chargeback) {
            return Err(SettleError::FeeLine { id: id.to_string() });
        }
        // The bank listed a payment twice: the first line stands for it; the copy is for
        // the manager to tell the bank, not to settle (it would count the money twice).
        if rec.bank[oi].category == Category::Duplicate {
            return Err(SettleError::DuplicateLine { id: id.to_string() });
        }
        if settled(rec.bank[oi].category) {
            return Err(SettleError::LineAlreadyMatched { id: id.to_string() });
        }
        Ok((bi, oi))
    };
    let find_pay = |id: &str, used: &mut HashSet<usize>| -> Result<(usize, usize), SettleError> {
        let &(ci, oi) = pay_at.get(id).ok_or_else(|| SettleError::UnknownPayment { id: id.to_string() })?;
        if !used.insert(ci) {
            return Err(SettleError::PaymentTwice { id: id.to_string() });
        }
        if settled(rec.counter[oi].category) {
            return Err(SettleError::PaymentAlreadyMatched { id: id.to_string() });
        }
        Ok((ci, oi))
    };

    let mut out = rec.clone();
    for s in settlements {
        match s {
            Settlement::Link { bank_id, payment_id, reason } => {
                let (bi, boi) = find_bank(bank_id, &mut used_bank)?;
                let (ci, coi) = find_pay(payment_id, &mut used_pay)?;
                let (cat, diff) = compare(&bank[bi], &counter[ci]);
                for (o, other) in [(&mut out.bank[boi], counter_item(&counter[ci])), (&mut out.counter[coi], bank_item(&bank[bi]))] {
                    o.category = cat;
                    o.difference = diff;
                    o.rule = Some(Rule::Manual);
                    o.matched_to = Some(other);
                    o.candidates = Box::default();
                    o.note = reason.as_deref().map(Box::from);
                }
            }
            Settlement::NextBatch { payment_id, reason } => {
                let (_, oi) = find_pay(payment_id, &mut used_pay)?;
                let o = &mut out.counter[oi];
                o.category = Category::NextBatch;
                o.rule = Some(Rule::Manual);
                o.matched_to = None;
                o.candidates = Box::default();
                o.note = reason.as_deref().map(Box::from);
            }
            Settlement::EnterByHand { bank_id, reason } => {
                if reason.trim().is_empty() {
                    return Err(SettleError::NoReason);
                }
                let (_, oi) = find_bank(bank_id, &mut used_bank)?;
                let o = &mut out.bank[oi];
                o.category = Category::Matched;
                o.rule = Some(Rule::Manual);
                o.matched_to = None;
                o.difference = None;
                o.candidates = Box::default();
                o.note = Some(Box::from(reason.as_str()));
            }
        }
    }
    out.summary = summarize(&out, counter, bank);
    Ok(out)
}
