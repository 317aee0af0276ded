//! A parsed bank line and the batch of them, with the identities that make re-imports
//! harmless: a fingerprint of the whole file and a stable id per line.

use std::collections::HashSet;
use std::fmt::Write;

use chrono::{DateTime, FixedOffset};
use quay_core::money::{Currency, Money};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::preset::LineKind;

/// One transaction as the bank reports it.
///
/// Sign convention: `amount` is signed from the merchant's side. Sales are positive;
/// refunds, fees and chargebacks are negative (money leaving the merchant), whichever
/// sign the file wrote them with. A sale written negative is refused by the parser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankLine {
    /// Line in the file, 1-based, the header being line 1.
    pub line: u64,
    /// Stable across files: `"{kind}:{transaction_id}"`, or `"h:"` and a hash of the
    /// line's fields when the bank gives no transaction id. A fee can carry its sale's
    /// transaction id, hence the kind in the key.
    pub id: String,
    pub transaction_id: Option<String>,
    pub merchant_reference: Option<String>,
    pub order_code: Option<String>,
    pub merchant_id: Option<String>,
    pub terminal_id: Option<String>,
    pub date_time: DateTime<FixedOffset>,
    pub scheme: Option<String>,
    pub masked_pan: Option<String>,
    pub amount: Money,
    pub currency: Currency,
    pub auth_code: Option<String>,
    pub rrn: Option<String>,
    pub stan: Option<String>,
    pub kind: LineKind,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankBatch {
    pub lines: Vec<BankLine>,
}

impl BankLine {
    /// The fields that make the line what it is, without its position in the file.
    fn canonical(&self, out: &mut String) {
        let o = |v: &Option<String>| v.clone().unwrap_or_default();
        let _ = write!(
            out,
            "{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}",
            self.kind.as_str(),
            o(&self.transaction_id),
            o(&self.merchant_reference),
            o(&self.order_code),
            o(&self.merchant_id),
            o(&self.terminal_id),
            self.date_time.to_rfc3339(),
            o(&self.scheme),
            o(&self.masked_pan),
            self.amount.minor,
            self.currency.code(),
            o(&self.auth_code),
            o(&self.rrn),
            o(&self.stan),
        );
    }

    /// Fills `id` from the other fields; the parser calls it once per line.
    pub fn compute_id(&mut self) {
        self.id = match &self.transaction_id {
            Some(tx) => format!("{}:{tx}", self.kind.as_str()),
            None => {
                let mut s = String::new();
                self.canonical(&mut s);
                let digest = Sha256::digest(s.as_bytes());
                format!("h:{}", hex(&digest[..16]))
            }
        };
    }
}

impl BankBatch {
    /// SHA-256 (hex) of the lines' content, independent of delimiter, quoting, BOM, line
    /// endings and line order: the same batch exported twice has the same fingerprint.
    pub fn fingerprint(&self) -> String {
        let mut rows: Vec<String> = self
            .lines
            .iter()
            .map(|l| {
                let mut s = String::with_capacity(160);
                l.canonical(&mut s);
                s
            })
            .collect();
        rows.sort_unstable();
        let mut h = Sha256::new();
        for r in &rows {
            h.update(r.as_bytes());
            h.update(b"\n");
        }
        hex(&h.finalize())
    }

    /// The latest transaction time in the batch: counter payments after it are expected
    /// in the next batch.
    pub fn cutoff(&self) -> Option<DateTime<FixedOffset>> {
        self.lines.iter().map(|l| l.date_time).max()
    }

    /// Lines whose stable id is not among `known` (ids of lines imported before), so that
    /// importing an overlapping file adds only what is new.
    pub fn new_lines<'a>(&'a self, known: &'a HashSet<String>) -> impl Iterator<Item = &'a BankLine> + 'a {
        self.lines.iter().filter(move |l| !known.contains(&l.id))
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}
