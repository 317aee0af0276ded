//! The outbox to the hub. A row is written in the same transaction as its sale (so every
//! sale is queued exactly once, whatever instant the app dies at) and deleted only when
//! the hub answers `stored` or `duplicate`. `rejected` rows stay, with the hub's reason,
//! for the manager. The hub is idempotent by sale id, so resending after a lost answer
//! can never store a sale twice.

use quay_core::Sale;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use uuid::Uuid;

use crate::{Result, Store, StoreError};

pub(crate) fn enqueue(tx: &Transaction, sale: &Sale) -> Result<()> {
    tx.prepare_cached("INSERT INTO outbox(sale_id, enqueued_at) VALUES (?1, ?2)")?
        .execute(params![sale.id.to_string(), sale.closed_at.to_rfc3339()])?;
    Ok(())
}

/// A queued sale with its hub record.
#[derive(Debug, Clone)]
pub struct OutboxEntry {
    pub sale: Sale,
    pub attempts: i64,
}

/// The hub's answer for one sale of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ack {
    Stored,
    Duplicate,
    Rejected { reason: String },
}

#[derive(Debug, Clone, Serialize)]
pub struct Rejected {
    pub sale_id: String,
    pub receipt_no: String,
    pub reason: String,
    pub enqueued_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OutboxStatus {
    /// Sales waiting to be sent.
    pub pending: i64,
    /// When the oldest waiting sale was queued (RFC 3339), if any.
    pub oldest: Option<String>,
    pub last_error: Option<String>,
    pub rejected: Vec<Rejected>,
}

impl Store {
    /// The oldest `limit` pending sales, in the order they were written.
    pub fn outbox_batch(&self, limit: usize) -> Result<Vec<OutboxEntry>> {
        let mut stmt = self.conn.prepare_cached("SELECT sale_id, attempts FROM outbox WHERE state = 'pending' ORDER BY rowid LIMIT ?1")?;
        let rows: Vec<(String, i64)> = stmt.query_map([limit as i64], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        rows.into_iter()
            .map(|(id, attempts)| {
                let uuid = Uuid::parse_str(&id).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                let sale = crate::sales::read_sale(&self.conn, uuid)?
                    .ok_or_else(|| StoreError::Corrupt(format!("outbox names a missing sale {id}")))?;
                Ok(OutboxEntry { sale, attempts })
            })
            .collect()
    }

    /// Records the hub's answers in one transaction: acknowledged rows go, rejected rows
    /// stay with the reason. Ids the answer does not mention stay pending.
    pub fn outbox_ack(&mut self, answers: &[(Uuid, Ack)]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut del = tx.prepare_cached("DELETE FROM outbox WHERE sale_id = ?1")?;
            let mut rej =
                tx.prepare_cached("UPDATE outbox SET state = 'rejected', reason = ?2, attempts = attempts + 1 WHERE sale_id = ?1")?;
            for (id, ack) in answers {
                match ack {
                    Ack::Stored | Ack::Duplicate => del.execute([id.to_string()])?,
                    Ack::Rejected { reason } => rej.execute(params![id.to_string(), reason])?,
                };
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Notes a failed attempt on the batch that was being sent (for the status screen).
    pub fn outbox_failed(&self, ids: &[Uuid], error: &str) -> Result<()> {
        let mut stmt = self.conn.prepare_cached("UPDATE outbox SET attempts = attempts + 1, last_error = ?2 WHERE sale_id = ?1")?;
        for id in ids {
            stmt.execute(params![id.to_string(), error])?;
        }
        Ok(())
    }

    pub fn outbox_status(&self) -> Result<OutboxStatus> {
        let (pending, oldest): (i64, Option<String>) = self.conn.query_row(
            "SELECT count(*), (SELECT enqueued_at FROM outbox WHERE state = 'pending' ORDER BY rowid LIMIT 1)
             FROM outbox WHERE state = 'pending'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let last_error: Option<String> = self
            .conn
            .query_row("SELECT last_error FROM outbox WHERE state = 'pending' AND last_error IS NOT NULL ORDER BY rowid LIMIT 1", [], |r| {
                r.get(0)
            })
            .optional()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT o.sale_id, s.receipt_no, o.reason, o.enqueued_at FROM outbox o JOIN sales s ON s.id = o.sale_id
             WHERE o.state = 'rejected' ORDER BY o.rowid",
        )?;
        let rejected = stmt
            .query_map([], |r| {
                Ok(Rejected {
                    sale_id: r.get(0)?,
                    receipt_no: r.get(1)?,
                    reason: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    enqueued_at: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(OutboxStatus { pending, oldest, last_error, rejected })
    }
}
