//! Matches the counter's card payments with the bank's lines. A pure function of its
//! inputs; every link says which rule made it.
//!
//! The inputs are read once, in order, into compact columns (`columns`), and the rules
//! work on those. Keys are matched by sorting their hashes (`join`); the strings then
//! confirm each pair, so a hash collision can never make a link. BENCH.md says why.
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
//! So is a sale or refund line that repeats an earlier one in everything but its own id
//! (the bank listed one payment twice under two transaction ids) when the lines carry the
//! card network's identity of the payment: an auth code with an RRN, or an auth code with
//! terminal id and STAN. Two real payments never share that identity (two equal coffees
//! on one card in one minute get two auth codes and RRNs), so the first such line in the
//! file stands for the payment and the others are its duplicates, however many counter
//! payments claim it (counter payments sharing it are left ambiguous for the manager:
//! the network charged once). Lines that differ in anything (another RRN, another
//! second) or lack that identity may be two real charges and are never duplicates.
//! Such identical lines without it are linked in order (file order to counter order) to
//! as many payments when each of those payments contends for exactly those lines and
//! each line for exactly those payments: which copy is which payment cannot be told and
//! need not be, every pairing says the same. Otherwise they stay `ambiguous`.
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

mod columns;
mod join;

use crate::fxhash;
use columns::{BankCols, PayCols};

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
    /// `line` as in `BankLine::line` (u32 here: it keeps an `Outcome` small, and no bank
    /// file has four billion lines).
    Bank {
        line: u32,
        id: Arc<str>,
    },
    Counter {
        id: Arc<str>,
    },
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
    /// The contenders on `ambiguous` (at most `MAX_CANDIDATES`). Boxed slices, not
    /// `Vec`/`String`, here and in `note`: 400k outcomes at 200k lines, each byte counts.
    pub candidates: Box<[Item]>,
    /// A manager's reason, on manual settlements.
    pub note: Option<Box<str>>,
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
    /// One outcome per bank line, in input order.
    pub bank: Vec<Outcome>,
    /// One outcome per approved counter payment, in input order. Two lists, not one:
    /// besides naming the sides, each stays under the size glibc hands back to the kernel
    /// on free (32 MiB), so a day of 200k lines does not page-fault its result anew.
    pub counter: Vec<Outcome>,
    pub summary: Summary,
    pub cutoff: Option<DateTime<FixedOffset>>,
}

pub(crate) fn bank_item(l: &BankLine) -> Item {
    Item::Bank { line: line_u32(l.line), id: Arc::from(l.id.as_str()) }
}

pub(crate) fn line_u32(line: u64) -> u32 {
    u32::try_from(line).unwrap_or(u32::MAX)
}

pub(crate) fn counter_item(p: &CounterPayment) -> Item {
    Item::Counter { id: Arc::from(p.id.as_str()) }
}

fn kind_of(k: LineKind) -> Option<PaymentKind> {
    match k {
        LineKind::Sale => Some(PaymentKind::Sale),
        LineKind::Refund => Some(PaymentKind::Refund),
        LineKind::Fee | LineKind::Chargeback => None,
    }
}

fn nonempty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(trim).filter(|s| !s.is_empty())
}

/// `str::trim`, skipping the Unicode-aware scan when both ends are visible ASCII, as
/// keys nearly always are: the scan was a tenth of the matcher's time.
fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// `x == y` where both are present.
fn same_some(x: Option<&str>, y: Option<&str>) -> bool {
    x.is_some() && x == y
}

/// The contenders of an ambiguous item. Boxed so that the slot of every other item costs
/// 8 bytes, not 24: at 200k lines the state must stay small to stay in cache.
#[allow(clippy::box_collection)]
type Cands = Option<Box<Vec<u32>>>;

const NONE: u32 = u32::MAX;

/// Matching state, indexed by position in the bank slice (`b`) and the approved-counter
/// list (`c`). The rules read only the columns, never the inputs.
struct State {
    bc: BankCols,
    pc: PayCols,
    /// The earlier line each duplicate repeats, or `NONE`.
    dup_of: Vec<u32>,
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

impl State {
    fn bank_free(&self, b: usize) -> bool {
        self.bank_open[b] && self.bank_link[b].is_none() && self.bank_amb[b].is_none()
    }
    fn pay_free(&self, c: usize) -> bool {
        self.pay_link[c].is_none() && self.pay_amb[c].is_none()
    }
    fn in_window(&self, b: usize, c: usize) -> bool {
        let d = self.bc.t[b] - self.pc.t[c];
        -self.before <= d && d <= self.after
    }
    fn same_amount(&self, b: usize, c: usize) -> bool {
        self.bc.cur[b] == self.pc.cur[c] && self.bc.minor[b].abs() == self.pc.mag[c]
    }
    fn same_stan(&self, b: usize, c: usize) -> bool {
        same_some(self.bc.stan.get(b), self.pc.stan.get(c))
    }
    fn pair_ok(&self, b: usize, c: usize) -> bool {
        self.bank_free(b) && self.pay_free(c) && kind_of(self.bc.kind[b]) == Some(self.pc.kind[c])
    }

    /// Links unique pairs, marks contested ones ambiguous (see the module comment).
    fn resolve(&mut self, mut pairs: Vec<(u32, u32)>, rule: Rule) {
        pairs.sort_unstable();
        pairs.dedup();
        let n = pairs.len();
        let mut cb = vec![0u32; self.bc.t.len()];
        let mut cc = vec![0u32; self.pc.t.len()];
        for &(b, c) in &pairs {
            cb[b as usize] += 1;
            cc[c as usize] += 1;
        }
        // Narrow contested groups only: each bank line's (contiguous, pairs are sorted by
        // line), then each payment's. A pair must survive both.
        let mut keep_b = vec![true; n];
        let mut start = 0;
        while start < n {
            let end = start + cb[pairs[start].0 as usize] as usize;
            if end - start > 1 {
                let group: Vec<usize> = (start..end).collect();
                self.narrow_group(&pairs, &group, &mut keep_b, rule);
            }
            start = end;
        }
        let mut keep_c = vec![true; n];
        let mut order: Vec<usize> = (0..n).filter(|&i| cc[pairs[i].1 as usize] > 1).collect();
        order.sort_by_key(|&i| pairs[i].1);
        for group in order.chunk_by(|&x, &y| pairs[x].1 == pairs[y].1) {
            self.narrow_group(&pairs, group, &mut keep_c, rule);
        }
        cb.fill(0);
        cc.fill(0);
        for (i, &(b, c)) in pairs.iter().enumerate() {
            if keep_b[i] && keep_c[i] {
                cb[b as usize] += 1;
                cc[c as usize] += 1;
            }
        }
        for (i, &(b, c)) in pairs.iter().enumerate() {
            if keep_b[i] && keep_c[i] && cb[b as usize] == 1 && cc[c as usize] == 1 {
                self.bank_link[b as usize] = Some((c, rule));
                self.pay_link[c as usize] = Some((b, rule));
            }
        }
        // Contested pairs where neither side found its match are ambiguous; a side that
        // lost a tie to a linked pair (narrowed away) is free for the later rules.
        for &(b, c) in &pairs {
            if self.bank_link[b as usize].is_none() && self.pay_link[c as usize].is_none() {
                push_candidate(&mut self.bank_amb[b as usize], c);
                push_candidate(&mut self.pay_amb[c as usize], b);
            }
        }
    }

    fn narrow_group(&self, pairs: &[(u32, u32)], group: &[usize], keep: &mut [bool], rule: Rule) {
        self.narrow(pairs, group, keep, |s, b, c| s.same_amount(b, c));
        if rule == Rule::TerminalAuth {
            self.narrow(pairs, group, keep, |s, b, c| s.same_stan(b, c));
        }
    }

    /// Within one contested group, keeps only the pairs passing `test`, if any do.
    fn narrow(&self, pairs: &[(u32, u32)], group: &[usize], keep: &mut [bool], test: impl Fn(&Self, usize, usize) -> bool) {
        let live: Vec<usize> = group.iter().copied().filter(|&i| keep[i]).collect();
        if live.len() < 2 {
            return;
        }
        let pass: Vec<bool> = live.iter().map(|&i| test(self, pairs[i].0 as usize, pairs[i].1 as usize)).collect();
        if pass.iter().any(|p| *p) {
            for (&i, p) in live.iter().zip(pass) {
                keep[i] = p;
            }
        }
    }
}

fn push_candidate(slot: &mut Cands, x: u32) {
    let v = slot.get_or_insert_with(Box::default);
    if v.len() < MAX_CANDIDATES && !v.contains(&x) {
        v.push(x);
    }
}

pub fn reconcile(counter: &[CounterPayment], bank: &[BankLine], config: &MatchConfig) -> Reconciliation {
    let pc = columns::pay_cols(counter);
    let declined_ignored = counter.len() - pc.t.len();
    let mut bc = columns::bank_cols(bank);
    let mut dup_of = duplicates(&bc.id, std::mem::take(&mut bc.id_keys));
    listed_twice(&mut dup_of, &bc, bank);
    let bank_open: Vec<bool> = (0..bank.len()).map(|b| dup_of[b] == NONE && kind_of(bc.kind[b]).is_some()).collect();
    let (nb, nc) = (bank.len(), pc.t.len());
    let cutoff = config.cutoff.or(bc.latest);

    let mut st = State {
        bc,
        pc,
        dup_of,
        bank_open,
        bank_link: vec![None; nb],
        pay_link: vec![None; nc],
        bank_amb: vec![None; nb],
        pay_amb: vec![None; nc],
        before: config.window_before_secs,
        after: config.window_after_secs,
    };
    rule_reference(&mut st);
    pair_identical(&mut st, bank, Rule::Reference);
    rule_terminal_auth(&mut st);
    pair_identical(&mut st, bank, Rule::TerminalAuth);
    rule_amount_window(&mut st);
    pair_identical(&mut st, bank, Rule::AmountWindow);

    let (bank, counter, summary) = outcomes(st, cutoff.map(|c| c.timestamp()), declined_ignored);
    Reconciliation { bank, counter, summary, cutoff }
}

/// For each line, the earlier line whose stable id it repeats (`NONE` if none): sorted
/// by hash, equal ids are neighbours.
fn duplicates(ids: &[Arc<str>], keys: join::Keys) -> Vec<u32> {
    let mut dup_of = vec![NONE; ids.len()];
    for group in join::sorted(keys).chunk_by(|&x, &y| join::same_hash(x, y)).filter(|g| g.len() > 1) {
        // Same hash: compare the ids; the earliest line of each id is the original.
        for (k, &key) in group.iter().enumerate() {
            let b = join::row(key);
            let original = group[..k].iter().map(|&f| join::row(f)).find(|&f| ids[f] == ids[b] && dup_of[f] == NONE);
            dup_of[b] = original.map_or(NONE, |f| f as u32);
        }
    }
    dup_of
}

/// Whether two bank lines say the same in everything but their own id (and the
/// transaction id it comes from) and their place in the file.
fn same_but_id(a: &BankLine, b: &BankLine) -> bool {
    let eq = |x: &Option<String>, y: &Option<String>| nonempty(x) == nonempty(y);
    a.kind == b.kind
        && a.amount == b.amount
        && a.currency == b.currency
        && a.date_time == b.date_time
        && eq(&a.auth_code, &b.auth_code)
        && eq(&a.rrn, &b.rrn)
        && eq(&a.stan, &b.stan)
        && eq(&a.terminal_id, &b.terminal_id)
        && eq(&a.merchant_reference, &b.merchant_reference)
        && eq(&a.order_code, &b.order_code)
        && eq(&a.merchant_id, &b.merchant_id)
        && eq(&a.scheme, &b.scheme)
        && eq(&a.masked_pan, &b.masked_pan)
}

/// The key that groups lines which may be `same_but_id` (equal lines, equal keys); the
/// strings and the lines themselves confirm it.
fn copy_key(bc: &BankCols, b: usize) -> u64 {
    let strs = [&bc.auth, &bc.rrn, &bc.stan, &bc.terminal].map(|k| k.get(b).unwrap_or_default());
    let h = fxhash::fx_parts(&strs, &[bc.t[b], bc.minor[b], bc.kind[b] as i64]);
    join::key(h, b)
}

/// Marks the lines that repeat an earlier one in everything but their own id, carrying
/// the network's identity of the payment, as duplicates of the first (module comment).
/// Only lines with that identity are looked at: a few, and grouped by their key.
fn listed_twice(dup_of: &mut [u32], bc: &BankCols, bank: &[BankLine]) {
    let identity =
        |b: usize| bc.auth.get(b).is_some() && (bc.rrn.get(b).is_some() || (bc.stan.get(b).is_some() && bc.terminal.get(b).is_some()));
    let keys: join::Keys = (0..bank.len()).filter(|&b| dup_of[b] == NONE && identity(b)).map(|b| copy_key(bc, b)).collect();
    for group in join::sorted(keys).chunk_by(|&x, &y| join::same_hash(x, y)).filter(|g| g.len() > 1) {
        // Rows ascending: the earliest line of each set of copies is the original.
        for (k, &key) in group.iter().enumerate() {
            let b = join::row(key);
            let original = group[..k].iter().map(|&f| join::row(f)).find(|&f| dup_of[f] == NONE && same_but_id(&bank[f], &bank[b]));
            if let Some(f) = original {
                dup_of[b] = f as u32;
            }
        }
    }
}

/// Links identical ambiguous lines (all but their own id) to the payments contending for
/// them when each of those payments contends for exactly those lines, each line for
/// exactly those payments, and they are as many: in order, file order to counter order.
/// Lists at `MAX_CANDIDATES` may have been cut short and are left alone.
fn pair_identical(st: &mut State, bank: &[BankLine], rule: Rule) {
    let sorted_cands = |c: &Cands| -> Vec<u32> {
        let mut v = c.as_deref().cloned().unwrap_or_default();
        v.sort_unstable();
        v
    };
    let open = |c: &Cands| c.as_ref().is_some_and(|v| (2..MAX_CANDIDATES).contains(&v.len()));
    let keys: join::Keys = (0..bank.len()).filter(|&b| open(&st.bank_amb[b])).map(|b| copy_key(&st.bc, b)).collect();
    let mut sets: Vec<Vec<usize>> = Vec::new();
    for group in join::sorted(keys).chunk_by(|&x, &y| join::same_hash(x, y)).filter(|g| g.len() > 1) {
        sets.clear();
        for &key in group {
            let b = join::row(key);
            match sets.iter_mut().find(|set| same_but_id(&bank[set[0]], &bank[b])) {
                Some(set) => set.push(b),
                None => sets.push(vec![b]),
            }
        }
        for lines in sets.iter().filter(|set| set.len() > 1) {
            let pays = sorted_cands(&st.bank_amb[lines[0]]);
            let line_ids: Vec<u32> = lines.iter().map(|&b| b as u32).collect();
            let closed = pays.len() == lines.len()
                && lines.iter().all(|&b| sorted_cands(&st.bank_amb[b]) == pays)
                && pays.iter().all(|&c| sorted_cands(&st.pay_amb[c as usize]) == line_ids);
            if !closed {
                continue;
            }
            for (&b, &c) in lines.iter().zip(&pays) {
                st.bank_amb[b] = None;
                st.pay_amb[c as usize] = None;
                st.bank_link[b] = Some((c, rule));
                st.pay_link[c as usize] = Some((b as u32, rule));
            }
        }
    }
}

/// Category of a linked pair, and the difference if amounts disagree.
pub(crate) fn compare(l: &BankLine, p: &CounterPayment) -> (Category, Option<Money>) {
    compare_amounts(l.amount, p.amount)
}

fn compare_amounts(bank: Money, counter: Money) -> (Category, Option<Money>) {
    if bank.currency != counter.currency {
        return (Category::MatchedWithDifference, None);
    }
    let d = bank.minor.abs() - counter.minor.abs();
    if d == 0 {
        (Category::Matched, None)
    } else {
        (Category::MatchedWithDifference, Some(Money::new(d, bank.currency)))
    }
}

/// Candidate pairs are the joins of the key hashes; the key strings confirm them.
fn rule_reference(st: &mut State) {
    let (b, p) = (&st.bc, &st.pc);
    let open = |r: usize| st.bank_open[r];
    let all = |_| true;
    let bank_tx = join::sorted(b.transaction_id.keys(open));
    let pay_provider = join::sorted(p.provider_ref.keys(all));
    let mut pairs = join::join(&join::sorted(b.merchant_ref.keys(open)), &join::sorted(p.id_key.keys(all)));
    pairs.extend(join::join(&bank_tx, &pay_provider));
    pairs.extend(join::join(&bank_tx, &join::sorted(p.receipt_no.keys(all))));
    pairs.extend(join::join(&join::sorted(b.order_code.keys(open)), &pay_provider));
    join::sort_pairs(&mut pairs, b.t.len());
    pairs.dedup();
    pairs.retain(|&(b, c)| {
        let (b, c) = (b as usize, c as usize);
        st.pair_ok(b, c) && st.references_equal(b, c)
    });
    st.resolve(pairs, Rule::Reference);
}

fn rule_terminal_auth(st: &mut State) {
    let (b, p) = (&st.bc, &st.pc);
    let bank_keys = join::sorted(columns::pair_keys(&b.terminal, &b.auth, |r| st.bank_free(r)));
    let pay_keys = join::sorted(columns::pair_keys(&p.terminal, &p.auth, |r| st.pay_free(r)));
    let mut pairs = join::join(&bank_keys, &pay_keys);
    join::sort_pairs(&mut pairs, b.t.len());
    pairs.retain(|&(b, c)| {
        let (b, c) = (b as usize, c as usize);
        st.pair_ok(b, c) && st.in_window(b, c) && st.terminal_auth_equal(b, c)
    });
    st.resolve(pairs, Rule::TerminalAuth);
}

impl State {
    fn references_equal(&self, b: usize, c: usize) -> bool {
        let (l, p) = (&self.bc, &self.pc);
        let (tx, provider) = (l.transaction_id.get(b), p.provider_ref.get(c));
        same_some(l.merchant_ref.get(b), p.id_key.get(c))
            || same_some(tx, provider)
            || same_some(tx, p.receipt_no.get(c))
            || same_some(l.order_code.get(b), provider)
    }

    /// Same terminal and auth code, and RRN equal where both sides have one.
    fn terminal_auth_equal(&self, b: usize, c: usize) -> bool {
        let (l, p) = (&self.bc, &self.pc);
        let rrn_conflict = matches!((l.rrn.get(b), p.rrn.get(c)), (Some(x), Some(y)) if x != y);
        same_some(l.terminal.get(b), p.terminal.get(c)) && same_some(l.auth.get(b), p.auth.get(c)) && !rrn_conflict
    }
}

fn rule_amount_window(st: &mut State) {
    // One sort instead of a map of groups: (kind, currency, magnitude) groups become
    // contiguous, payments before bank lines, each by time.
    // (kind, currency, magnitude, is bank line, time, index)
    let mut items: Vec<(u8, u8, i64, bool, i64, u32)> = Vec::new();
    for c in 0..st.pc.t.len() {
        if st.pay_free(c) {
            items.push((st.pc.kind[c] as u8, st.pc.cur[c] as u8, st.pc.mag[c], false, st.pc.t[c], c as u32));
        }
    }
    for b in 0..st.bc.t.len() {
        if let (true, Some(k)) = (st.bank_free(b), kind_of(st.bc.kind[b])) {
            items.push((k as u8, st.bc.cur[b] as u8, st.bc.minor[b].abs(), true, st.bc.t[b], b as u32));
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
            let b = bi.5 as usize;
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
            let c = ci.5 as usize;
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
        st.bank_link[b] = Some((c, Rule::AmountWindow));
        st.pay_link[c as usize] = Some((b as u32, Rule::AmountWindow));
    }
}

/// The outcomes of the bank lines and of the payments, and their summary, in one pass
/// each. The ids move from the columns into the outcomes and links clone them, so each
/// id is allocated once and no refcount is touched twice for nothing.
fn outcomes(mut st: State, cutoff_t: Option<i64>, declined_ignored: usize) -> (Vec<Outcome>, Vec<Outcome>, Summary) {
    let bank_ids = std::mem::take(&mut st.bc.id);
    let pay_ids = std::mem::take(&mut st.pc.id);
    let mut bank = Vec::with_capacity(bank_ids.len());
    let mut counter = Vec::with_capacity(pay_ids.len());
    let mut tally = Tally::default();
    for (b, id) in bank_ids.into_iter().enumerate() {
        let o = st.bank_outcome(b, Item::Bank { line: st.bc.line[b], id }, &bank, &pay_ids);
        tally.count(o.category);
        // Duplicates are left out of the bank total: the bank pays a transaction once.
        if o.category != Category::Duplicate {
            tally.bank_line(st.bc.cur[b], st.bc.kind[b], st.bc.minor[b]);
        }
        bank.push(o);
    }
    for (c, id) in pay_ids.into_iter().enumerate() {
        let o = st.pay_outcome(c, Item::Counter { id }, &bank, cutoff_t);
        tally.count(o.category);
        tally.payment(st.pc.cur[c], signed_counter(st.pc.kind[c], st.pc.mag[c]), o.category);
        counter.push(o);
    }
    (bank, counter, tally.finish(declined_ignored))
}

fn unsettled(item: Item, category: Category) -> Outcome {
    Outcome { item, category, rule: None, matched_to: None, difference: None, candidates: Box::default(), note: None }
}

impl State {
    /// `built` holds the outcomes of the lines before `b`.
    fn bank_outcome(&self, b: usize, item: Item, built: &[Outcome], pay_ids: &[Arc<str>]) -> Outcome {
        let pay_item = |c: u32| Item::Counter { id: pay_ids[c as usize].clone() };
        let mut o = unsettled(item, Category::MissingAtCounter);
        if self.dup_of[b] != NONE {
            o.category = Category::Duplicate;
            o.matched_to = Some(built[self.dup_of[b] as usize].item.clone());
        } else if kind_of(self.bc.kind[b]).is_none() {
            o.category = Category::FeeOrChargeback;
        } else if let Some((c, rule)) = self.bank_link[b] {
            (o.category, o.difference) = self.compare(b, c as usize);
            o.rule = Some(rule);
            o.matched_to = Some(pay_item(c));
        } else if let Some(cands) = &self.bank_amb[b] {
            o.category = Category::Ambiguous;
            o.candidates = cands.iter().map(|&c| pay_item(c)).collect();
        } else if self.bc.kind[b] == LineKind::Refund {
            o.category = Category::RefundUnmatched;
        }
        o
    }

    /// `built` holds the outcomes of all bank lines, in order.
    fn pay_outcome(&self, c: usize, item: Item, built: &[Outcome], cutoff_t: Option<i64>) -> Outcome {
        let bank_item = |b: u32| built[b as usize].item.clone();
        let mut o = unsettled(item, Category::MissingAtBank);
        if let Some((b, rule)) = self.pay_link[c] {
            (o.category, o.difference) = self.compare(b as usize, c);
            o.rule = Some(rule);
            o.matched_to = Some(bank_item(b));
        } else if let Some(cands) = &self.pay_amb[c] {
            o.category = Category::Ambiguous;
            o.candidates = cands.iter().map(|&b| bank_item(b)).collect();
        } else if cutoff_t.is_some_and(|t| self.pc.t[c] > t) {
            o.category = Category::NextBatch;
        } else if self.pc.kind[c] == PaymentKind::Refund {
            o.category = Category::RefundUnmatched;
        }
        o
    }

    fn compare(&self, b: usize, c: usize) -> (Category, Option<Money>) {
        compare_amounts(Money::new(self.bc.minor[b], self.bc.cur[b]), Money::new(self.pc.mag[c], self.pc.cur[c]))
    }
}

fn signed_counter(kind: PaymentKind, minor: i64) -> i64 {
    match kind {
        PaymentKind::Sale => minor.abs(),
        PaymentKind::Refund => -minor.abs(),
    }
}

/// Counts per category and signed totals per currency, added up outcome by outcome.
#[derive(Default)]
struct Tally {
    counts: [usize; Category::ALL.len()],
    // Few currencies: a short list beats a map.
    acc: Vec<(Currency, Acc)>,
}

#[derive(Default)]
struct Acc {
    counter: i64,
    bank: i64,
    fees: i64,
    next: i64,
}

impl Tally {
    fn count(&mut self, c: Category) {
        self.counts[c as usize] += 1;
    }

    fn slot(&mut self, c: Currency) -> &mut Acc {
        let i = match self.acc.iter().position(|(x, _)| *x == c) {
            Some(i) => i,
            None => {
                self.acc.push((c, Acc::default()));
                self.acc.len() - 1
            }
        };
        &mut self.acc[i].1
    }

    /// A bank line that is not a duplicate; `minor` signed as in the file.
    fn bank_line(&mut self, cur: Currency, kind: LineKind, minor: i64) {
        let a = self.slot(cur);
        match kind {
            LineKind::Sale | LineKind::Refund => a.bank = a.bank.saturating_add(minor),
            LineKind::Fee | LineKind::Chargeback => a.fees = a.fees.saturating_add(minor),
        }
    }

    /// An approved payment, signed (refunds negative).
    fn payment(&mut self, cur: Currency, signed: i64, category: Category) {
        let a = self.slot(cur);
        a.counter = a.counter.saturating_add(signed);
        if category == Category::NextBatch {
            a.next = a.next.saturating_add(signed);
        }
    }

    fn finish(mut self, declined_ignored: usize) -> Summary {
        let counts = Category::ALL.iter().map(|&c| (c, self.counts[c as usize])).collect();
        self.acc.sort_by_key(|(c, _)| c.code());
        let totals = self
            .acc
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
}

/// Counts and totals from a result's outcomes (bank lines and approved counter payments,
/// each in input order, as `reconcile` makes them); for settlements.
pub(crate) fn summarize(rec: &Reconciliation, counter: &[CounterPayment], bank: &[BankLine]) -> Summary {
    let (bank_out, pay_out) = (&rec.bank, &rec.counter);
    let mut tally = Tally::default();
    for o in bank_out.iter().chain(pay_out) {
        tally.count(o.category);
    }
    for (l, o) in bank.iter().zip(bank_out) {
        if o.category != Category::Duplicate {
            tally.bank_line(l.amount.currency, l.kind, l.amount.minor);
        }
    }
    for (p, o) in counter.iter().filter(|p| p.approved).zip(pay_out) {
        tally.payment(p.amount.currency, signed_counter(p.kind, p.amount.minor), o.category);
    }
    tally.finish(rec.summary.declined_ignored)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The result's size is part of the benchmark's budget (BENCH.md): a bigger `Outcome`
    /// puts a 200k-line day's result lists over glibc's 32 MiB reuse limit again.
    #[test]
    fn an_outcome_stays_small() {
        assert_eq!(std::mem::size_of::<Item>(), 24);
        assert!(std::mem::size_of::<Outcome>() <= 104, "{}", std::mem::size_of::<Outcome>());
    }
}
