//! Matches the counter's card payments with the bank's lines. A pure function of its
//! inputs; every link says which rule made it.
//!
//! Rules run as whole passes, in order, so the first rule wins for every line:
//! 1. `reference`: bank merchant reference == counter id, or bank transaction id ==
//!    counter provider ref / receipt no, or bank order code == counter provider ref;
//! 2. `terminal_auth`: same terminal id and auth code, RRN equal where both sides have
//!    one (a ZVT terminal gives none), bank time inside the date window;
//! 3. `amount_window`: same kind, currency and amount, bank time inside the window
//!    (default counter time −1 … +3 days).
//!
//! A link is made only when the bank line has exactly one candidate and that payment
//! has exactly one candidate line; otherwise all of them are `ambiguous`, never guessed,
//! and later (weaker) rules do not look at them. Ties within rules 1 and 2 are narrowed
//! first by equal amount, then (rule 2 only) by equal STAN. STAN is never a key by
//! itself and does not break rule-3 ties: it is a six-digit counter that repeats.
//!
//! Declined (not approved) counter payments are left out: they get no outcome and no
//! total, only a count in the summary. A bank line for a payment the counter saw
//! declined therefore shows as `missing_at_counter`, which is what the manager must see.
//!
//! Amounts are compared as magnitudes (a refund may come in signed either way); totals
//! are signed: sales positive, refunds, fees and chargebacks negative.
//!
//! Before the rules: a bank line whose stable id (`BankLine::id`) equals an earlier
//! line's is a `duplicate` of it (whether or not the first one matches) and is left out
//! of matching and of the bank total; fee and chargeback lines are `fee_or_chargeback`.
//! After the rules: an unmatched counter payment later than the cut-off (the caller's,
//! or else the latest bank line time) is `next_batch`; unmatched refunds on either side
//! are `refund_unmatched`. A sale only ever matches a sale and a refund a refund. A pair
//! linked by keys whose currencies differ is `matched_with_difference` without a
//! difference amount; the amount rule never crosses currencies.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use quay_core::money::{Currency, Money};
use serde::{Deserialize, Serialize};

use crate::bank::{BankLine, LineKind};
use crate::fxhash::{fx_str, map_with_capacity, FxMap};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentKind {
    Sale,
    Refund,
}

/// A card payment as the counter journaled it. The lead maps quay-store rows into it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CounterPayment {
    /// The counter's attempt key; Viva returns it as the merchant reference.
    pub id: String,
    pub kind: PaymentKind,
    pub amount: Money,
    pub at: DateTime<FixedOffset>,
    pub terminal_id: Option<String>,
    pub auth_code: Option<String>,
    pub rrn: Option<String>,
    /// ZVT trace number / Viva reference number.
    pub stan: Option<String>,
    pub receipt_no: Option<String>,
    /// Viva order code or transaction id.
    pub provider_ref: Option<String>,
    pub brand: Option<String>,
    pub masked_pan: Option<String>,
    pub approved: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchConfig {
    /// How much earlier than the counter time a bank line may be (clocks differ).
    pub window_before_secs: i64,
    /// How much later than the counter time a bank line may be (settlement delay).
    pub window_after_secs: i64,
    /// Counter payments after this, unmatched, are `next_batch`. Default: the latest
    /// bank line time.
    pub cutoff: Option<DateTime<FixedOffset>>,
}

impl Default for MatchConfig {
    fn default() -> Self {
        MatchConfig { window_before_secs: 86_400, window_after_secs: 3 * 86_400, cutoff: None }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Matched,
    MatchedWithDifference,
    MissingAtBank,
    MissingAtCounter,
    Duplicate,
    RefundUnmatched,
    NextBatch,
    FeeOrChargeback,
    Ambiguous,
}

impl Category {
    pub const ALL: [Category; 9] = [
        Category::Matched,
        Category::MatchedWithDifference,
        Category::MissingAtBank,
        Category::MissingAtCounter,
        Category::Duplicate,
        Category::RefundUnmatched,
        Category::NextBatch,
        Category::FeeOrChargeback,
        Category::Ambiguous,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    Reference,
    TerminalAuth,
    AmountWindow,
    Manual,
}

/// One side of a match: a bank line (its line number and stable id) or a counter payment.
/// Ids are shared (`Arc<str>`): each id is allocated once per result, however many
/// outcomes name it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "side", rename_all = "snake_case")]
pub enum Item {
    Bank { line: u64, id: Arc<str> },
    Counter { id: Arc<str> },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub item: Item,
    pub category: Category,
    pub rule: Option<Rule>,
    /// The other side of a match; for a duplicate, the line it duplicates.
    pub matched_to: Option<Item>,
    /// Bank magnitude − counter magnitude on `matched_with_difference` (a tip is
    /// positive); `None` there when the currencies differ.
    pub difference: Option<Money>,
    /// The contenders on `ambiguous` (at most `MAX_CANDIDATES`).
    pub candidates: Vec<Item>,
    /// A manager's reason, on manual settlements.
    pub note: Option<String>,
}

pub const MAX_CANDIDATES: usize = 10;

/// Money per currency. Signed: sales positive, refunds/fees/chargebacks negative.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub currency: Currency,
    /// Approved counter payments.
    pub counter: Money,
    /// Bank sales and refunds, duplicates left out.
    pub bank: Money,
    /// Bank fees and chargebacks.
    pub fees: Money,
    /// The part of `counter` expected in the next batch.
    pub next_batch: Money,
    /// `bank − counter`.
    pub difference: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Every category, zero included.
    pub counts: BTreeMap<Category, usize>,
    pub totals: Vec<Totals>,
    pub declined_ignored: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reconciliation {
    /// Bank lines in input order, then approved counter payments in input order.
    pub outcomes: Vec<Outcome>,
    pub summary: Summary,
    pub cutoff: Option<DateTime<FixedOffset>>,
}

pub(crate) fn bank_item(l: &BankLine) -> Item {
    Item::Bank { line: l.line, id: Arc::from(l.id.as_str()) }
}

pub(crate) fn counter_item(p: &CounterPayment) -> Item {
    Item::Counter { id: Arc::from(p.id.as_str()) }
}

fn kind_of(l: &BankLine) -> Option<PaymentKind> {
    match l.kind {
        LineKind::Sale => Some(PaymentKind::Sale),
        LineKind::Refund => Some(PaymentKind::Refund),
        LineKind::Fee | LineKind::Chargeback => None,
    }
}

fn nonempty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// The contenders of an ambiguous item. Boxed so that the slot of every other item costs
/// 8 bytes, not 24: at 200k lines the state must stay small to stay in cache.
#[allow(clippy::box_collection)]
type Cands = Option<Box<Vec<usize>>>;

/// Matching state, indexed by position in the bank slice and the approved-counter list.
struct State<'a> {
    bank: &'a [BankLine],
    pay: Vec<&'a CounterPayment>,
    bank_t: Vec<i64>,
    pay_t: Vec<i64>,
    /// Bank lines that take part (sales and refunds, not duplicates).
    bank_open: Vec<bool>,
    // Compact (u32, boxed) so that the state of 200k lines stays small in cache.
    bank_link: Vec<Option<(u32, Rule)>>,
    pay_link: Vec<Option<(u32, Rule)>>,
    bank_amb: Vec<Cands>,
    pay_amb: Vec<Cands>,
    before: i64,
    after: i64,
}

impl State<'_> {
    fn bank_free(&self, b: usize) -> bool {
        self.bank_open[b] && self.bank_link[b].is_none() && self.bank_amb[b].is_none()
    }
    fn pay_free(&self, c: usize) -> bool {
        self.pay_link[c].is_none() && self.pay_amb[c].is_none()
    }
    fn in_window(&self, b: usize, c: usize) -> bool {
        let d = self.bank_t[b] - self.pay_t[c];
        -self.before <= d && d <= self.after
    }
    fn same_amount(&self, b: usize, c: usize) -> bool {
        let (l, p) = (&self.bank[b], self.pay[c]);
        l.amount.currency == p.amount.currency && l.amount.minor.abs() == p.amount.minor.abs()
    }
    fn same_stan(&self, b: usize, c: usize) -> bool {
        matches!((nonempty(&self.bank[b].stan), nonempty(&self.pay[c].stan)), (Some(x), Some(y)) if x == y)
    }
    fn pair_ok(&self, b: usize, c: usize) -> bool {
        self.bank_free(b) && self.pay_free(c) && kind_of(&self.bank[b]) == Some(self.pay[c].kind)
    }

    /// Links unique pairs, marks contested ones ambiguous (see the module comment).
    fn resolve(&mut self, mut pairs: Vec<(usize, usize)>, rule: Rule) {
        pairs.sort_unstable();
        pairs.dedup();
        let n = pairs.len();
        let mut cb = vec![0u32; self.bank.len()];
        let mut cc = vec![0u32; self.pay.len()];
        for &(b, c) in &pairs {
            cb[b] += 1;
            cc[c] += 1;
        }
        // Narrow contested groups only: each bank line's (contiguous, pairs are sorted by
        // line), then each payment's. A pair must survive both.
        let mut keep_b = vec![true; n];
        let mut start = 0;
        while start < n {
            let end = start + cb[pairs[start].0] as usize;
            if end - start > 1 {
                let group: Vec<usize> = (start..end).collect();
                self.narrow_group(&pairs, &group, &mut keep_b, rule);
            }
            start = end;
        }
        let mut keep_c = vec![true; n];
        let mut order: Vec<usize> = (0..n).filter(|&i| cc[pairs[i].1] > 1).collect();
        order.sort_by_key(|&i| pairs[i].1);
        for group in order.chunk_by(|&x, &y| pairs[x].1 == pairs[y].1) {
            self.narrow_group(&pairs, group, &mut keep_c, rule);
        }
        cb.fill(0);
        cc.fill(0);
        for (i, &(b, c)) in pairs.iter().enumerate() {
            if keep_b[i] && keep_c[i] {
                cb[b] += 1;
                cc[c] += 1;
            }
        }
        for (i, &(b, c)) in pairs.iter().enumerate() {
            if keep_b[i] && keep_c[i] && cb[b] == 1 && cc[c] == 1 {
                self.bank_link[b] = Some((c as u32, rule));
                self.pay_link[c] = Some((b as u32, rule));
            }
        }
        // Contested pairs where neither side found its match are ambiguous; a side that
        // lost a tie to a linked pair (narrowed away) is free for the later rules.
        for &(b, c) in &pairs {
            if self.bank_link[b].is_none() && self.pay_link[c].is_none() {
                push_candidate(&mut self.bank_amb[b], c);
                push_candidate(&mut self.pay_amb[c], b);
            }
        }
    }

    fn narrow_group(&self, pairs: &[(usize, usize)], group: &[usize], keep: &mut [bool], rule: Rule) {
        self.narrow(pairs, group, keep, |s, b, c| s.same_amount(b, c));
        if rule == Rule::TerminalAuth {
            self.narrow(pairs, group, keep, |s, b, c| s.same_stan(b, c));
        }
    }

    /// Within one contested group, keeps only the pairs passing `test`, if any do.
    fn narrow(&self, pairs: &[(usize, usize)], group: &[usize], keep: &mut [bool], test: impl Fn(&Self, usize, usize) -> bool) {
        let live: Vec<usize> = group.iter().copied().filter(|&i| keep[i]).collect();
        if live.len() < 2 {
            return;
        }
        let pass: Vec<bool> = live.iter().map(|&i| test(self, pairs[i].0, pairs[i].1)).collect();
        if pass.iter().any(|p| *p) {
            for (&i, p) in live.iter().zip(pass) {
                keep[i] = p;
            }
        }
    }
}

fn push_candidate(slot: &mut Cands, x: usize) {
    let v = slot.get_or_insert_with(Box::default);
    if v.len() < MAX_CANDIDATES && !v.contains(&x) {
        v.push(x);
    }
}

pub fn reconcile(counter: &[CounterPayment], bank: &[BankLine], config: &MatchConfig) -> Reconciliation {
    let pay: Vec<&CounterPayment> = counter.iter().filter(|p| p.approved).collect();
    let declined_ignored = counter.len() - pay.len();
    let nb = bank.len();
    let nc = pay.len();

    // Duplicates: a later line with the stable id of an earlier one. Hash once in file
    // order, then sort: cache-friendly where a hash table of 100k+ ids is not.
    let mut dup_of: Vec<Option<usize>> = vec![None; nb];
    let mut hashed: Vec<(u64, u32)> = bank.iter().enumerate().map(|(b, l)| (fx_str(&l.id), b as u32)).collect();
    hashed.sort_unstable();
    for group in hashed.chunk_by(|x, y| x.0 == y.0).filter(|g| g.len() > 1) {
        // Same hash: compare the ids; the earliest line of each id is the original.
        for (k, &(_, b)) in group.iter().enumerate() {
            let b = b as usize;
            dup_of[b] = group[..k].iter().map(|&(_, f)| f as usize).find(|&f| bank[f].id == bank[b].id && dup_of[f].is_none());
        }
    }
    let bank_open: Vec<bool> = (0..nb).map(|b| dup_of[b].is_none() && kind_of(&bank[b]).is_some()).collect();

    let mut st = State {
        bank,
        bank_t: bank.iter().map(|l| l.date_time.timestamp()).collect(),
        pay_t: pay.iter().map(|p| p.at.timestamp()).collect(),
        pay,
        bank_open,
        bank_link: vec![None; nb],
        pay_link: vec![None; nc],
        bank_amb: vec![None; nb],
        pay_amb: vec![None; nc],
        before: config.window_before_secs,
        after: config.window_after_secs,
    };

    rule_reference(&mut st);
    rule_terminal_auth(&mut st);
    rule_amount_window(&mut st);

    let cutoff = config.cutoff.or_else(|| bank.iter().map(|l| l.date_time).max());
    let cutoff_t = cutoff.map(|c| c.timestamp());

    let bank_items: Vec<Item> = bank.iter().map(bank_item).collect();
    let pay_items: Vec<Item> = st.pay.iter().map(|p| counter_item(p)).collect();
    let mut outcomes = Vec::with_capacity(nb + nc);
    for (b, l) in bank.iter().enumerate() {
        let mut o = Outcome {
            item: bank_items[b].clone(),
            category: Category::MissingAtCounter,
            rule: None,
            matched_to: None,
            difference: None,
            candidates: vec![],
            note: None,
        };
        if let Some(f) = dup_of[b] {
            o.category = Category::Duplicate;
            o.matched_to = Some(bank_items[f].clone());
        } else if kind_of(l).is_none() {
            o.category = Category::FeeOrChargeback;
        } else if let Some((c, rule)) = st.bank_link[b] {
            let c = c as usize;
            let (cat, diff) = compare(l, st.pay[c]);
            o.category = cat;
            o.difference = diff;
            o.rule = Some(rule);
            o.matched_to = Some(pay_items[c].clone());
        } else if let Some(cands) = &st.bank_amb[b] {
            o.category = Category::Ambiguous;
            o.candidates = cands.iter().map(|&c| pay_items[c].clone()).collect();
        } else if l.kind == LineKind::Refund {
            o.category = Category::RefundUnmatched;
        }
        outcomes.push(o);
    }
    for (c, p) in st.pay.iter().enumerate() {
        let mut o = Outcome {
            item: pay_items[c].clone(),
            category: Category::MissingAtBank,
            rule: None,
            matched_to: None,
            difference: None,
            candidates: vec![],
            note: None,
        };
        if let Some((b, rule)) = st.pay_link[c] {
            let b = b as usize;
            let (cat, diff) = compare(&bank[b], p);
            o.category = cat;
            o.difference = diff;
            o.rule = Some(rule);
            o.matched_to = Some(bank_items[b].clone());
        } else if let Some(cands) = &st.pay_amb[c] {
            o.category = Category::Ambiguous;
            o.candidates = cands.iter().map(|&b| bank_items[b].clone()).collect();
        } else if cutoff_t.is_some_and(|t| st.pay_t[c] > t) {
            o.category = Category::NextBatch;
        } else if p.kind == PaymentKind::Refund {
            o.category = Category::RefundUnmatched;
        }
        outcomes.push(o);
    }
    let summary = summarize(&outcomes, counter, bank, declined_ignored);
    Reconciliation { outcomes, summary, cutoff }
}

/// Category of a linked pair, and the difference if amounts disagree.
pub(crate) fn compare(l: &BankLine, p: &CounterPayment) -> (Category, Option<Money>) {
    if l.amount.currency != p.amount.currency {
        return (Category::MatchedWithDifference, None);
    }
    let d = l.amount.minor.abs() - p.amount.minor.abs();
    if d == 0 {
        (Category::Matched, None)
    } else {
        (Category::MatchedWithDifference, Some(Money::new(d, l.amount.currency)))
    }
}

/// Payments by a key, without a Vec per key: `head[key]` is the last payment with the
/// key and `next[c]` the one before it (`NONE` ends the chain).
struct Chains<'a> {
    head: FxMap<&'a str, u32>,
    next: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl<'a> Chains<'a> {
    fn new(n: usize, cap: usize) -> Self {
        Chains { head: map_with_capacity(cap), next: vec![NONE; n] }
    }
    fn insert(&mut self, key: &'a str, c: usize) {
        let prev = self.head.insert(key, c as u32).unwrap_or(NONE);
        self.next[c] = prev;
    }
    fn each(&self, key: Option<&str>, mut f: impl FnMut(usize)) {
        let mut at = key.and_then(|k| self.head.get(k)).copied().unwrap_or(NONE);
        while at != NONE {
            f(at as usize);
            at = self.next[at as usize];
        }
    }
}

fn rule_reference(st: &mut State) {
    let nc = st.pay.len();
    let mut by_id = Chains::new(nc, nc);
    let mut by_provider = Chains::new(nc, 0);
    let mut by_receipt = Chains::new(nc, 0);
    for (c, p) in st.pay.iter().enumerate() {
        by_id.insert(p.id.trim(), c);
        if let Some(r) = nonempty(&p.provider_ref) {
            by_provider.insert(r, c);
        }
        if let Some(r) = nonempty(&p.receipt_no) {
            by_receipt.insert(r, c);
        }
    }
    let mut pairs = Vec::new();
    for (b, l) in st.bank.iter().enumerate() {
        if !st.bank_open[b] {
            continue;
        }
        let lookups = [
            (nonempty(&l.merchant_reference), &by_id),
            (nonempty(&l.transaction_id), &by_provider),
            (nonempty(&l.transaction_id), &by_receipt),
            (nonempty(&l.order_code), &by_provider),
        ];
        for (key, chains) in lookups {
            chains.each(key, |c| {
                if st.pair_ok(b, c) {
                    pairs.push((b, c));
                }
            });
        }
    }
    st.resolve(pairs, Rule::Reference);
}

fn rule_terminal_auth(st: &mut State) {
    let mut head: FxMap<(&str, &str), u32> = map_with_capacity(0);
    let mut next = vec![NONE; st.pay.len()];
    for (c, p) in st.pay.iter().enumerate() {
        if !st.pay_free(c) {
            continue;
        }
        if let (Some(t), Some(a)) = (nonempty(&p.terminal_id), nonempty(&p.auth_code)) {
            next[c] = head.insert((t, a), c as u32).unwrap_or(NONE);
        }
    }
    let mut pairs = Vec::new();
    for (b, l) in st.bank.iter().enumerate() {
        if !st.bank_free(b) {
            continue;
        }
        let (Some(t), Some(a)) = (nonempty(&l.terminal_id), nonempty(&l.auth_code)) else { continue };
        let mut at = head.get(&(t, a)).copied().unwrap_or(NONE);
        while at != NONE {
            let c = at as usize;
            at = next[c];
            let rrn_conflict = matches!((nonempty(&l.rrn), nonempty(&st.pay[c].rrn)), (Some(x), Some(y)) if x != y);
            if !rrn_conflict && st.pair_ok(b, c) && st.in_window(b, c) {
                pairs.push((b, c));
            }
        }
    }
    st.resolve(pairs, Rule::TerminalAuth);
}

fn rule_amount_window(st: &mut State) {
    // One sort instead of a map of groups: (kind, currency, magnitude) groups become
    // contiguous, payments before bank lines, each by time.
    // (kind, currency, magnitude, is bank line, time, index)
    let mut items: Vec<(u8, u8, i64, bool, i64, usize)> = Vec::new();
    for (c, p) in st.pay.iter().enumerate() {
        if st.pay_free(c) {
            items.push((p.kind as u8, p.amount.currency as u8, p.amount.minor.abs(), false, st.pay_t[c], c));
        }
    }
    for (b, l) in st.bank.iter().enumerate() {
        if let (true, Some(k)) = (st.bank_free(b), kind_of(l)) {
            items.push((k as u8, l.amount.currency as u8, l.amount.minor.abs(), true, st.bank_t[b], b));
        }
    }
    items.sort_unstable();
    let mut links = Vec::new();
    for group in items.chunk_by(|x, y| (x.0, x.1, x.2) == (y.0, y.1, y.2)) {
        let split = group.partition_point(|x| !x.3);
        let (cs, bs) = group.split_at(split);
        if cs.is_empty() || bs.is_empty() {
            continue;
        }
        // Payments whose window holds bank time t: t − after ≤ at ≤ t + before.
        let pays_for = |t: i64| cs.partition_point(|x| x.4 < t - st.after)..cs.partition_point(|x| x.4 <= t + st.before);
        // Bank lines in a payment's window: at − before ≤ t ≤ at + after.
        let banks_for = |t: i64| bs.partition_point(|x| x.4 < t - st.before)..bs.partition_point(|x| x.4 <= t + st.after);
        for bi in bs {
            let b = bi.5;
            let r = pays_for(bi.4);
            match r.len() {
                0 => {}
                1 => {
                    let c = cs[r.start];
                    if banks_for(c.4).len() == 1 {
                        links.push((b, c.5));
                    } else {
                        push_candidate(&mut st.bank_amb[b], c.5);
                    }
                }
                _ => {
                    for j in r.take(MAX_CANDIDATES) {
                        push_candidate(&mut st.bank_amb[b], cs[j].5);
                    }
                }
            }
        }
        for ci in cs {
            let c = ci.5;
            let r = banks_for(ci.4);
            if r.len() > 1 {
                for i in r.take(MAX_CANDIDATES) {
                    push_candidate(&mut st.pay_amb[c], bs[i].5);
                }
            } else if r.len() == 1 && pays_for(bs[r.start].4).len() > 1 {
                push_candidate(&mut st.pay_amb[c], bs[r.start].5);
            }
        }
    }
    for (b, c) in links {
        st.bank_link[b] = Some((c as u32, Rule::AmountWindow));
        st.pay_link[c] = Some((b as u32, Rule::AmountWindow));
    }
}

fn signed_counter(p: &CounterPayment) -> i64 {
    match p.kind {
        PaymentKind::Sale => p.amount.minor.abs(),
        PaymentKind::Refund => -p.amount.minor.abs(),
    }
}

/// Counts and totals from outcomes, which hold the bank lines in order and then the
/// approved counter payments in order (as `reconcile` makes them); shared with settlements.
pub(crate) fn summarize(outcomes: &[Outcome], counter: &[CounterPayment], bank: &[BankLine], declined_ignored: usize) -> Summary {
    let mut counts: BTreeMap<Category, usize> = Category::ALL.iter().map(|c| (*c, 0)).collect();
    for o in outcomes {
        *counts.entry(o.category).or_default() += 1;
    }
    #[derive(Default)]
    struct Acc {
        counter: i64,
        bank: i64,
        fees: i64,
        next: i64,
    }
    // Few currencies: a short list beats a map.
    let mut acc: Vec<(Currency, Acc)> = Vec::new();
    fn slot(acc: &mut Vec<(Currency, Acc)>, c: Currency) -> &mut Acc {
        let i = match acc.iter().position(|(x, _)| *x == c) {
            Some(i) => i,
            None => {
                acc.push((c, Acc::default()));
                acc.len() - 1
            }
        };
        &mut acc[i].1
    }
    let (bank_out, pay_out) = outcomes.split_at(bank.len().min(outcomes.len()));
    for (l, o) in bank.iter().zip(bank_out) {
        // Duplicates are left out of the bank total: the bank pays a transaction once.
        if o.category == Category::Duplicate {
            continue;
        }
        let a = slot(&mut acc, l.amount.currency);
        match l.kind {
            LineKind::Sale | LineKind::Refund => a.bank = a.bank.saturating_add(l.amount.minor),
            LineKind::Fee | LineKind::Chargeback => a.fees = a.fees.saturating_add(l.amount.minor),
        }
    }
    for (p, o) in counter.iter().filter(|p| p.approved).zip(pay_out) {
        let a = slot(&mut acc, p.amount.currency);
        a.counter = a.counter.saturating_add(signed_counter(p));
        if o.category == Category::NextBatch {
            a.next = a.next.saturating_add(signed_counter(p));
        }
    }
    acc.sort_by_key(|(c, _)| c.code());
    let totals = acc
        .into_iter()
        .map(|(c, a)| Totals {
            currency: c,
            counter: Money::new(a.counter, c),
            bank: Money::new(a.bank, c),
            fees: Money::new(a.fees, c),
            next_batch: Money::new(a.next, c),
            difference: Money::new(a.bank.saturating_sub(a.counter), c),
        })
        .collect();
    Summary { counts, totals, declined_ignored }
}
