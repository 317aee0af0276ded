//! Partner connection records (issue 18, seed 000): per partner the deployment note's
//! details and the record of its steps (`quay_core::connection::Record`, kept whole as
//! its JSON), the proof of each `connected` step (the connection test's PDF and PNG,
//! never changed), and the outbox of records for the hub (a row per record and revision,
//! written in the step's transaction, deleted only on the hub's acknowledgement).

use quay_core::connection::{PointDetails, Record};
use rusqlite::{params, OptionalExtension};

use crate::audit::{append, AuditEntry};
use crate::{Result, Store, StoreError};

pub const MIGRATION: &str = "CREATE TABLE partner_connections (
        partner    TEXT PRIMARY KEY CHECK (length(partner) BETWEEN 1 AND 40),
        details    TEXT NOT NULL,
        record     TEXT,
        revision   INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),
        updated_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE partner_connection_proofs (
        record_id TEXT NOT NULL,
        revision  INTEGER NOT NULL,
        at        TEXT NOT NULL,
        sha256    TEXT NOT NULL CHECK (length(sha256) = 64),
        pdf       BLOB NOT NULL,
        png       BLOB NOT NULL,
        PRIMARY KEY (record_id, revision)
    ) STRICT;
    CREATE TRIGGER partner_connection_proofs_u BEFORE UPDATE ON partner_connection_proofs BEGIN SELECT RAISE(ABORT, 'proofs are never changed'); END;
    CREATE TRIGGER partner_connection_proofs_d BEFORE DELETE ON partner_connection_proofs BEGIN SELECT RAISE(ABORT, 'proofs are never changed'); END;
    CREATE TABLE connection_outbox (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        record_id  TEXT NOT NULL,
        revision   INTEGER NOT NULL CHECK (revision >= 1),
        body       TEXT NOT NULL,
        queued_at  TEXT NOT NULL,
        attempts   INTEGER NOT NULL DEFAULT 0,
        rejected   INTEGER NOT NULL DEFAULT 0 CHECK (rejected IN (0, 1)),
        last_error TEXT,
        UNIQUE (record_id, revision)
    ) STRICT;";

/// The stored state of one partner: the note's details and the record, if a step exists.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredConnection {
    pub partner: String,
    pub details: PointDetails,
    pub record: Option<Record>,
}

/// The proof attached to a `connected` step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredProof {
    pub record_id: String,
    pub revision: u32,
    pub at: String,
    pub sha256: String,
    pub pdf: Vec<u8>,
    pub png: Vec<u8>,
}

/// A record revision waiting for the hub.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedRecord {
    pub seq: i64,
    pub record_id: String,
    pub revision: u32,
    pub body: String,
    pub attempts: i64,
    pub rejected: bool,
    pub last_error: Option<String>,
}

fn json<T: serde::de::DeserializeOwned>(s: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|e| StoreError::Corrupt(format!("partner connection: {e}")))
}

fn text<T: serde::Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| StoreError::Corrupt(format!("partner connection: {e}")))
}

impl Store {
    /// Every partner with a stored note or record, by partner.
    pub fn connections(&self) -> Result<Vec<StoredConnection>> {
        let mut stmt = self.conn.prepare_cached("SELECT partner, details, record FROM partner_connections ORDER BY partner")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(partner, d, rec)| Ok(StoredConnection { partner, details: json(&d)?, record: rec.as_deref().map(json).transpose()? }))
            .collect()
    }

    pub fn connection(&self, partner: &str) -> Result<Option<StoredConnection>> {
        let row = self
            .conn
            .query_row("SELECT details, record FROM partner_connections WHERE partner = ?1", [partner], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
            })
            .optional()?;
        row.map(|(d, rec)| {
            Ok(StoredConnection { partner: partner.to_string(), details: json(&d)?, record: rec.as_deref().map(json).transpose()? })
        })
        .transpose()
    }

    /// Saves the note's details of `partner` (no step), audited in the same transaction.
    pub fn save_connection_details(&mut self, partner: &str, details: &PointDetails, audit: &AuditEntry) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO partner_connections(partner, details, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(partner) DO UPDATE SET details = excluded.details, updated_at = excluded.updated_at",
            params![partner, text(details)?, audit.at.to_rfc3339()],
        )?;
        append(&tx, audit)?;
        tx.commit()?;
        Ok(())
    }

    /// Records a step, in one transaction: the new record as sent to the hub, the details
    /// as typed (the rest comes from the counter's settings when shown), the proof of a
    /// `connected` step, the record queued for the hub, and the audit row. The record's
    /// revision must be one more than `expected_revision`, which must still be the stored
    /// one: when another process recorded a step meanwhile, nothing is written and
    /// `Ok(false)` comes back.
    pub fn record_connection_step(
        &mut self,
        record: &Record,
        typed: &PointDetails,
        expected_revision: u32,
        proof: Option<&StoredProof>,
        audit: &AuditEntry,
    ) -> Result<bool> {
        let partner = record.partner.to_string();
        let body = text(record)?;
        // Immediate: the revision read below must not be overtaken by another process's
        // write before ours (a deferred read would fail at the write, not say "changed").
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let stored: Option<i64> =
            tx.query_row("SELECT revision FROM partner_connections WHERE partner = ?1", [&partner], |r| r.get(0)).optional()?;
        if stored.unwrap_or(0) != i64::from(expected_revision) || record.revision != expected_revision + 1 {
            return Ok(false);
        }
        tx.execute(
            "INSERT INTO partner_connections(partner, details, record, revision, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(partner) DO UPDATE SET details = excluded.details, record = excluded.record,
                 revision = excluded.revision, updated_at = excluded.updated_at",
            params![partner, text(typed)?, body, record.revision, audit.at.to_rfc3339()],
        )?;
        if let Some(p) = proof {
            tx.execute(
                "INSERT INTO partner_connection_proofs(record_id, revision, at, sha256, pdf, png) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![p.record_id, p.revision, p.at, p.sha256, p.pdf, p.png],
            )?;
        }
        tx.execute(
            "INSERT INTO connection_outbox(record_id, revision, body, queued_at) VALUES (?1, ?2, ?3, ?4)",
            params![record.id, record.revision, body, audit.at.to_rfc3339()],
        )?;
        append(&tx, audit)?;
        tx.commit()?;
        Ok(true)
    }

    /// The proof of a record's last `connected` step.
    pub fn connection_proof(&self, record_id: &str) -> Result<Option<StoredProof>> {
        Ok(self
            .conn
            .query_row(
                "SELECT record_id, revision, at, sha256, pdf, png FROM partner_connection_proofs
                 WHERE record_id = ?1 ORDER BY revision DESC LIMIT 1",
                [record_id],
                |r| {
                    Ok(StoredProof {
                        record_id: r.get(0)?,
                        revision: r.get(1)?,
                        at: r.get(2)?,
                        sha256: r.get(3)?,
                        pdf: r.get(4)?,
                        png: r.get(5)?,
                    })
                },
            )
            .optional()?)
    }

    /// Whether a record has a proof (without reading it).
    pub fn connection_has_proof(&self, record_id: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM partner_connection_proofs WHERE record_id = ?1 LIMIT 1", [record_id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Records waiting for the hub, oldest first, rejected ones left out.
    pub fn connection_outbox(&self, limit: usize) -> Result<Vec<QueuedRecord>> {
        self.outbox_rows("WHERE rejected = 0 ORDER BY seq LIMIT ?1", limit)
    }

    /// Every row of the outbox, rejected ones too (for the screen).
    pub fn connection_outbox_all(&self) -> Result<Vec<QueuedRecord>> {
        self.outbox_rows("ORDER BY seq LIMIT ?1", 10_000)
    }

    fn outbox_rows(&self, tail: &str, limit: usize) -> Result<Vec<QueuedRecord>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT seq, record_id, revision, body, attempts, rejected, last_error FROM connection_outbox {tail}"
        ))?;
        let rows = stmt.query_map([limit as i64], |r| {
            Ok(QueuedRecord {
                seq: r.get(0)?,
                record_id: r.get(1)?,
                revision: r.get(2)?,
                body: r.get(3)?,
                attempts: r.get(4)?,
                rejected: r.get::<_, i64>(5)? == 1,
                last_error: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The hub acknowledged (stored or duplicate): the row leaves the outbox.
    pub fn connection_sent(&mut self, seq: i64) -> Result<()> {
        self.conn.execute("DELETE FROM connection_outbox WHERE seq = ?1", [seq])?;
        Ok(())
    }

    /// A failed attempt; `rejected` (the hub refused the content) stops retries.
    pub fn connection_send_failed(&mut self, seq: i64, error: &str, rejected: bool) -> Result<()> {
        self.conn.execute(
            "UPDATE connection_outbox SET attempts = attempts + 1, last_error = ?2, rejected = max(rejected, ?3) WHERE seq = ?1",
            params![seq, error, rejected as i64],
        )?;
        Ok(())
    }
}
