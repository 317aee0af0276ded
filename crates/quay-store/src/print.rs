//! Print jobs (issue 19): every receipt, kitchen ticket, cancellation ticket, drawer pulse
//! and test page is a row here before a printer hears of it — written in the transaction
//! of the sale or void that causes it — and leaves `queued` only when the printer took all
//! its bytes. A job caught `sending` by a crash may have printed: it is sent again only as
//! a reprint (`reprint = 1`, the ticket says so), never as if new.

use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use crate::{Result, Store};

pub const MIGRATION: &str = "CREATE TABLE print_jobs (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        kind       TEXT NOT NULL CHECK (kind IN ('receipt', 'kitchen', 'kitchen_cancel', 'drawer', 'test')),
        printer    TEXT NOT NULL CHECK (length(printer) BETWEEN 1 AND 60),
        sale_id    TEXT,
        payload    TEXT NOT NULL,
        state      TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'done', 'cancelled')),
        attempts   INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        reprint    INTEGER NOT NULL DEFAULT 0 CHECK (reprint IN (0, 1)),
        last_code  TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        sent_at    TEXT,
        done_at    TEXT
    ) STRICT;
    CREATE INDEX print_jobs_open ON print_jobs(state, printer, id);
    CREATE INDEX print_jobs_by_sale ON print_jobs(sale_id);";

/// What a job prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobKind {
    Receipt,
    Kitchen,
    KitchenCancel,
    Drawer,
    Test,
}

impl JobKind {
    pub fn as_str(self) -> &'static str {
        match self {
            JobKind::Receipt => "receipt",
            JobKind::Kitchen => "kitchen",
            JobKind::KitchenCancel => "kitchen_cancel",
            JobKind::Drawer => "drawer",
            JobKind::Test => "test",
        }
    }

    fn parse(s: &str) -> Option<JobKind> {
        [JobKind::Receipt, JobKind::Kitchen, JobKind::KitchenCancel, JobKind::Drawer, JobKind::Test].into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    Queued,
    Sending,
    Done,
    Cancelled,
}

impl JobState {
    pub fn as_str(self) -> &'static str {
        match self {
            JobState::Queued => "queued",
            JobState::Sending => "sending",
            JobState::Done => "done",
            JobState::Cancelled => "cancelled",
        }
    }

    fn parse(s: &str) -> Option<JobState> {
        [JobState::Queued, JobState::Sending, JobState::Done, JobState::Cancelled].into_iter().find(|k| k.as_str() == s)
    }
}

/// A job to write with the sale (or on its own).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPrintJob {
    pub kind: JobKind,
    /// The configured printer's name: `receipt`, `kitchen.bar`, …
    pub printer: String,
    /// What to print beyond the sale (JSON): the lines of a kitchen ticket, who opened the
    /// drawer and why.
    pub payload: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PrintJob {
    pub id: i64,
    pub kind: JobKind,
    pub printer: String,
    pub sale_id: Option<String>,
    pub payload: String,
    pub state: JobState,
    pub attempts: i64,
    pub reprint: bool,
    pub last_code: Option<String>,
    pub last_error: Option<String>,
    pub created_at: String,
    pub sent_at: Option<String>,
    pub done_at: Option<String>,
}

const COLUMNS: &str = "id, kind, printer, sale_id, payload, state, attempts, reprint, last_code, last_error, created_at, sent_at, done_at";

fn read(r: &Row) -> rusqlite::Result<PrintJob> {
    let bad = |i: usize, v: String| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, v.into());
    let kind: String = r.get(1)?;
    let state: String = r.get(5)?;
    Ok(PrintJob {
        id: r.get(0)?,
        kind: JobKind::parse(&kind).ok_or_else(|| bad(1, kind.clone()))?,
        printer: r.get(2)?,
        sale_id: r.get(3)?,
        payload: r.get(4)?,
        state: JobState::parse(&state).ok_or_else(|| bad(5, state.clone()))?,
        attempts: r.get(6)?,
        reprint: r.get::<_, i64>(7)? == 1,
        last_code: r.get(8)?,
        last_error: r.get(9)?,
        created_at: r.get(10)?,
        sent_at: r.get(11)?,
        done_at: r.get(12)?,
    })
}

/// Writes `jobs` for `sale_id` inside the caller's transaction (the sale's or the void's).
pub(crate) fn enqueue(tx: &Transaction, sale_id: Option<&str>, jobs: &[NewPrintJob], at: &str) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO print_jobs(kind, printer, sale_id, payload, state, created_at) VALUES (?1, ?2, ?3, ?4, 'queued', ?5)",
    )?;
    for j in jobs {
        stmt.execute(params![j.kind.as_str(), j.printer, sale_id, j.payload, at])?;
    }
    Ok(())
}

impl Store {
    /// Jobs not caused by a sale (a test page, the manager's drawer): written at once.
    pub fn enqueue_print_jobs(&mut self, sale_id: Option<&str>, jobs: &[NewPrintJob], at: &str) -> Result<Vec<i64>> {
        let tx = self.conn.transaction()?;
        enqueue(&tx, sale_id, jobs, at)?;
        let last: i64 = tx.query_row("SELECT coalesce(max(id), 0) FROM print_jobs", [], |r| r.get(0))?;
        tx.commit()?;
        Ok(((last - jobs.len() as i64 + 1)..=last).collect())
    }

    /// Jobs not done: queued or caught sending, oldest first.
    pub fn print_jobs_open(&self) -> Result<Vec<PrintJob>> {
        let mut stmt =
            self.conn.prepare_cached(&format!("SELECT {COLUMNS} FROM print_jobs WHERE state IN ('queued', 'sending') ORDER BY id"))?;
        let rows = stmt.query_map([], read)?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The latest `limit` jobs, newest first (the jobs list).
    pub fn print_jobs_recent(&self, limit: usize) -> Result<Vec<PrintJob>> {
        let mut stmt = self.conn.prepare_cached(&format!("SELECT {COLUMNS} FROM print_jobs ORDER BY id DESC LIMIT ?1"))?;
        let rows = stmt.query_map([limit as i64], read)?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Every job of a sale (or of the cart that will be it: tickets sent to the kitchen
    /// before payment), oldest first.
    pub fn print_jobs_of_sale(&self, sale_id: &str) -> Result<Vec<PrintJob>> {
        let mut stmt = self.conn.prepare_cached(&format!("SELECT {COLUMNS} FROM print_jobs WHERE sale_id = ?1 ORDER BY id"))?;
        let rows = stmt.query_map([sale_id], read)?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    pub fn print_job(&self, id: i64) -> Result<Option<PrintJob>> {
        Ok(self.conn.query_row(&format!("SELECT {COLUMNS} FROM print_jobs WHERE id = ?1"), [id], read).optional()?)
    }

    /// Marks a job `sending` just before its bytes go out (journaled first). A job found
    /// `sending` already (a crash, or another sender) becomes a reprint. Returns the job
    /// as it is now, or `None` when it is no longer open.
    pub fn print_job_sending(&mut self, id: i64, at: &str) -> Result<Option<PrintJob>> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let changed = tx.execute(
            "UPDATE print_jobs SET reprint = CASE WHEN state = 'sending' THEN 1 ELSE reprint END,
                 state = 'sending', attempts = attempts + 1, sent_at = ?2
             WHERE id = ?1 AND state IN ('queued', 'sending')",
            params![id, at],
        )?;
        let job = if changed == 1 {
            tx.query_row(&format!("SELECT {COLUMNS} FROM print_jobs WHERE id = ?1"), [id], read).optional()?
        } else {
            None
        };
        tx.commit()?;
        Ok(job)
    }

    /// The printer took every byte and said it was fine after.
    pub fn print_job_done(&mut self, id: i64, at: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE print_jobs SET state = 'done', done_at = ?2, last_code = NULL, last_error = NULL WHERE id = ?1 AND state = 'sending'",
            params![id, at],
        )?;
        Ok(())
    }

    /// Not printed: back to the queue with why (`code`, a Fluent id). `maybe_printed`: the
    /// bytes may have reached the paper (a cut line, an unknown status after sending), so
    /// the next send is a reprint.
    pub fn print_job_failed(&mut self, id: i64, code: &str, error: &str, maybe_printed: bool) -> Result<()> {
        self.conn.execute(
            "UPDATE print_jobs SET state = 'queued', last_code = ?2, last_error = ?3, reprint = max(reprint, ?4)
             WHERE id = ?1 AND state IN ('queued', 'sending')",
            params![id, code, error, maybe_printed as i64],
        )?;
        Ok(())
    }

    /// Sends a waiting job to another printer instead. A job being sent is not moved (its
    /// sender would mark it done on the old printer); one a dead sender left `sending` is
    /// queued again (as a reprint) by the next pass, then it can move.
    pub fn print_job_redirect(&mut self, id: i64, printer: &str) -> Result<bool> {
        let n = self.conn.execute(
            "UPDATE print_jobs SET printer = ?2, last_code = NULL, last_error = NULL WHERE id = ?1 AND state = 'queued'",
            params![id, printer],
        )?;
        Ok(n == 1)
    }

    /// Cancels an open job (a printer removed for good, a ticket no longer wanted, a
    /// drawer pulse too late), saying why (`code`, a Fluent id).
    pub fn print_job_cancel(&mut self, id: i64, code: &str) -> Result<bool> {
        let n = self.conn.execute(
            "UPDATE print_jobs SET state = 'cancelled', last_code = ?2 WHERE id = ?1 AND state IN ('queued', 'sending')",
            params![id, code],
        )?;
        Ok(n == 1)
    }

    /// A copy of a job (a reprint asked for), queued on `printer`, marked as a reprint.
    pub fn print_job_copy(&mut self, id: i64, printer: &str, at: &str) -> Result<Option<i64>> {
        let tx = self.conn.transaction()?;
        // Marked a copy in its payload: the kitchen's tally of what it had leaves it out.
        let n = tx.execute(
            "INSERT INTO print_jobs(kind, printer, sale_id, payload, state, reprint, created_at)
             SELECT kind, ?2, sale_id, json_set(payload, '$.copy', json('true')), 'queued', 1, ?3 FROM print_jobs WHERE id = ?1",
            params![id, printer, at],
        )?;
        let new = if n == 1 { Some(tx.last_insert_rowid()) } else { None };
        tx.commit()?;
        Ok(new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(kind: JobKind, printer: &str) -> NewPrintJob {
        NewPrintJob { kind, printer: printer.into(), payload: "{}".into() }
    }

    #[test]
    fn a_job_is_done_only_after_sending_and_a_crash_while_sending_makes_a_reprint() {
        let mut s = Store::open_in_memory().unwrap();
        let ids =
            s.enqueue_print_jobs(Some("sale-1"), &[job(JobKind::Drawer, "receipt"), job(JobKind::Kitchen, "kitchen.bar")], "t0").unwrap();
        assert_eq!(ids.len(), 2);
        assert_eq!(s.print_jobs_open().unwrap().len(), 2);
        let (drawer, ticket) = (ids[0], ids[1]);

        let sent = s.print_job_sending(drawer, "t1").unwrap().unwrap();
        assert_eq!((sent.state, sent.attempts, sent.reprint), (JobState::Sending, 1, false));
        s.print_job_done(drawer, "t2").unwrap();
        assert_eq!(s.print_job(drawer).unwrap().unwrap().state, JobState::Done);
        assert!(s.print_job_sending(drawer, "t3").unwrap().is_none(), "a done job is never sent again");

        // Caught sending (the process died): the next send is a reprint.
        s.print_job_sending(ticket, "t1").unwrap();
        let again = s.print_job_sending(ticket, "t4").unwrap().unwrap();
        assert!(again.reprint);
        assert_eq!(again.attempts, 2);
        // A refusal before anything printed keeps it queued; a redirect moves it.
        s.print_job_failed(ticket, "err-print-paper-out", "paper out", false).unwrap();
        let queued = s.print_job(ticket).unwrap().unwrap();
        assert_eq!((queued.state, queued.last_code.as_deref()), (JobState::Queued, Some("err-print-paper-out")));
        assert!(s.print_job_redirect(ticket, "kitchen.hot").unwrap());
        assert_eq!(s.print_job(ticket).unwrap().unwrap().printer, "kitchen.hot");
        // A copy asked for is a reprint of its own.
        let copy = s.print_job_copy(drawer, "receipt", "t5").unwrap().unwrap();
        let copy = s.print_job(copy).unwrap().unwrap();
        assert!(copy.reprint && copy.state == JobState::Queued && copy.kind == JobKind::Drawer);
        assert!(s.print_job_cancel(ticket, "err-print-no-printer").unwrap());
        assert_eq!(s.print_jobs_open().unwrap().len(), 1);
    }
}
