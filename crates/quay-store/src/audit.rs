//! The audit log: who did what to what, when, with the value before and after. Rows are
//! append-only (triggers refuse UPDATE and DELETE) and hash-chained, so someone who opens
//! the file with sqlite, drops the triggers and edits, deletes or reorders rows is caught
//! by `verify`, which names the first bad row.
//!
//! `hash = sha256(prev_hash ‖ canonical(row))`, lowercase hex; the first row's `prev_hash`
//! is 64 zeros. `canonical` is the JSON array `[seq, at, actor, action, subject, before,
//! after]` (strings or null, serde_json's escaping): unambiguous, and any language can
//! recompute it. `seq` is inside the hash, so moving a row's content elsewhere breaks it.
//!
//! What a chain cannot show alone: rows cut from the end (the shorter chain is still
//! consistent) or the whole log rewritten from scratch. `head()` gives the last (seq,
//! hash) to anchor outside the file (Z report, the hub); `verify_anchor` checks it later.
//!
//! **`before` and `after` must never hold a secret** (PIN, password, API key, card
//! number): they are stored in clear and copied with every backup. Callers pass `mask(..)`
//! for such values — the entry then shows *that* it changed, not to what.
//!
//! To record a change in the same transaction as the change itself (so neither exists
//! without the other), store code calls `append(&tx, ..)` with its own transaction;
//! `Store::audit` appends on its own for events that change nothing else.

use chrono::{DateTime, FixedOffset, SecondsFormat};
use quay_core::error::{Arg, Localized};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};
use thiserror::Error;

use crate::{Result, Store, StoreError};

/// The `prev_hash` of the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What a secret looks like in the audit log (and on screen).
pub const MASKED: &str = "********";

/// The stand-in for a secret value: always the same eight stars, so not even its length
/// is recorded.
pub fn mask(_secret: &str) -> String {
    MASKED.to_string()
}

/// One thing to record. `actor` is a staff id (or "system", "setup"); `subject` what was
/// acted on (a sale id, a staff id, a setting key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: DateTime<FixedOffset>,
    pub actor: String,
    pub action: String,
    pub subject: String,
    /// Never a secret: see the module documentation and `mask`.
    pub before: Option<String>,
    pub after: Option<String>,
}

impl AuditEntry {
    pub fn new(at: DateTime<FixedOffset>, actor: &str, action: &str, subject: &str) -> AuditEntry {
        AuditEntry { at, actor: actor.into(), action: action.into(), subject: subject.into(), before: None, after: None }
    }

    pub fn change(mut self, before: Option<String>, after: Option<String>) -> AuditEntry {
        self.before = before;
        self.after = after;
        self
    }
}

/// A row as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditRecord {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

/// Why a row fails verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BrokenReason {
    /// The row's content does not hash to its `hash` (edited).
    Altered,
    /// `seq` is not the previous row's + 1 (rows deleted, or the first rows missing).
    Gap,
    /// `prev_hash` is not the previous row's `hash` (a row replaced or rows reordered).
    Link,
    /// The anchored row is missing or has another hash (tail cut or log rewritten).
    Anchor,
}

impl BrokenReason {
    pub fn as_str(self) -> &'static str {
        match self {
            BrokenReason::Altered => "altered",
            BrokenReason::Gap => "gap",
            BrokenReason::Link => "link",
            BrokenReason::Anchor => "anchor",
        }
    }
}

#[derive(Debug, Error)]
pub enum AuditError {
    #[error("the audit log is broken at entry {seq}: {}", reason.as_str())]
    Broken { seq: i64, reason: BrokenReason },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for AuditError {
    fn from(e: rusqlite::Error) -> Self {
        AuditError::Store(e.into())
    }
}

impl Localized for AuditError {
    fn code(&self) -> &'static str {
        match self {
            AuditError::Broken { .. } => "err-audit-broken",
            AuditError::Store(e) => e.code(),
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            AuditError::Broken { seq, reason } => quay_core::args![("seq", *seq), ("reason", reason.as_str())],
            AuditError::Store(e) => e.args(),
        }
    }
}

fn canonical(seq: i64, at: &str, actor: &str, action: &str, subject: &str, before: Option<&str>, after: Option<&str>) -> String {
    // Only strings, integers and nulls in a fixed order: serde_json's output is deterministic.
    serde_json::json!([seq, at, actor, action, subject, before, after]).to_string()
}

fn chain_hash(prev_hash: &str, canonical: &str) -> String {
    let mut h = Sha256::new();
    h.update(prev_hash.as_bytes());
    h.update(canonical.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn record_hash(r: &AuditRecord) -> String {
    chain_hash(&r.prev_hash, &canonical(r.seq, &r.at, &r.actor, &r.action, &r.subject, r.before.as_deref(), r.after.as_deref()))
}

/// Appends `entry` after the last row, on `conn` — pass a `Transaction` (it derefs to a
/// connection) to make the entry part of the change it records. Two writers cannot fork
/// the chain: SQLite serialises writers, and the insert trigger refuses a row that does
/// not continue the last one.
pub fn append(conn: &Connection, entry: &AuditEntry) -> Result<AuditRecord> {
    let last: Option<(i64, String)> =
        conn.query_row("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?))).optional()?;
    let (seq, prev_hash) = match last {
        Some((seq, hash)) => (seq + 1, hash),
        None => (1, GENESIS.to_string()),
    };
    let mut r = AuditRecord {
        seq,
        at: entry.at.to_rfc3339_opts(SecondsFormat::AutoSi, false),
        actor: entry.actor.clone(),
        action: entry.action.clone(),
        subject: entry.subject.clone(),
        before: entry.before.clone(),
        after: entry.after.clone(),
        prev_hash,
        hash: String::new(),
    };
    r.hash = record_hash(&r);
    conn.execute(
        "INSERT INTO audit_log(seq, at, actor, action, subject, before, after, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![r.seq, r.at, r.actor, r.action, r.subject, r.before, r.after, r.prev_hash, r.hash],
    )?;
    Ok(r)
}

const COLUMNS: &str = "seq, at, actor, action, subject, before, after, prev_hash, hash";

fn read(r: &rusqlite::Row) -> rusqlite::Result<AuditRecord> {
    Ok(AuditRecord {
        seq: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        action: r.get(3)?,
        subject: r.get(4)?,
        before: r.get(5)?,
        after: r.get(6)?,
        prev_hash: r.get(7)?,
        hash: r.get(8)?,
    })
}

/// Walks the whole chain in `seq` order and returns how many rows are sound, or the first
/// row that is not. Streams: memory stays flat however long the log.
pub fn verify(conn: &Connection) -> std::result::Result<usize, AuditError> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM audit_log ORDER BY seq"))?;
    let mut rows = stmt.query([])?;
    let (mut expected_seq, mut prev) = (1i64, GENESIS.to_string());
    let mut n = 0usize;
    while let Some(row) = rows.next()? {
        let r = read(row)?;
        let broken = |reason| AuditError::Broken { seq: r.seq, reason };
        if r.seq != expected_seq {
            return Err(broken(BrokenReason::Gap));
        }
        if r.prev_hash != prev {
            return Err(broken(BrokenReason::Link));
        }
        if record_hash(&r) != r.hash {
            return Err(broken(BrokenReason::Altered));
        }
        expected_seq = r.seq + 1;
        prev = r.hash;
        n += 1;
    }
    Ok(n)
}

impl Store {
    /// Appends one entry in its own transaction (for events that change nothing else).
    pub fn audit(&mut self, entry: &AuditEntry) -> Result<AuditRecord> {
        let tx = self.conn.transaction()?;
        let r = append(&tx, entry)?;
        tx.commit()?;
        Ok(r)
    }

    /// See `verify`.
    pub fn audit_verify(&self) -> std::result::Result<usize, AuditError> {
        verify(&self.conn)
    }

    /// The last row's (seq, hash), to anchor outside this file.
    pub fn audit_head(&self) -> Result<Option<(i64, String)>> {
        Ok(self
            .conn
            .query_row("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// Verifies the chain and that it still contains the anchored row unchanged: catches
    /// a cut tail or a log rebuilt from scratch, which the chain alone cannot.
    pub fn audit_verify_anchor(&self, seq: i64, hash: &str) -> std::result::Result<usize, AuditError> {
        let n = verify(&self.conn)?;
        let stored: Option<String> = self.conn.query_row("SELECT hash FROM audit_log WHERE seq = ?1", [seq], |r| r.get(0)).optional()?;
        if stored.as_deref() != Some(hash) {
            return Err(AuditError::Broken { seq, reason: BrokenReason::Anchor });
        }
        Ok(n)
    }

    /// Up to `limit` rows from `from_seq` on, oldest first.
    pub fn audit_entries(&self, from_seq: i64, limit: usize) -> Result<Vec<AuditRecord>> {
        let mut stmt = self.conn.prepare_cached(&format!("SELECT {COLUMNS} FROM audit_log WHERE seq >= ?1 ORDER BY seq LIMIT ?2"))?;
        let rows = stmt.query_map(params![from_seq, limit as i64], read)?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}
