//! Sends the queued jobs. Per printer, in order, one at a time; a printer that fails
//! (off, out of paper, unreachable, answering garbage) keeps its jobs and the others go
//! on — a dead kitchen printer never holds up the receipt. A job is marked `sending`
//! before its first byte (so a crash leaves it for a reprint, said so) and `done` only
//! when the printer took every byte and answered ready after.

use std::collections::HashSet;
use std::time::Duration;

use quay_print::transport::{send_job, Timeouts};
use serde::Serialize;

use crate::{AppError, Counter, Result};

/// What one pass over the queue did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PrintRound {
    pub done: u32,
    pub failed: u32,
    /// Jobs still waiting after the pass.
    pub waiting: u32,
    /// Another process of this counter was printing: this pass sent nothing.
    pub busy: bool,
}

/// Only one process of a counter sends at a time (the window's worker, a command), so a
/// job found `sending` by the lock's holder was left by a sender that died.
const LOCK_FILE: &str = "print.lock";

/// How often the queue is looked at without a wake-up (a printer back on, paper loaded).
pub const PRINT_POLL: Duration = Duration::from_secs(5);

impl Counter {
    /// One pass: every printer's open jobs in order, stopping at a printer's first failure.
    pub fn print_pending(&self) -> Result<PrintRound> {
        let open = self.store().print_jobs_open()?;
        let mut round = PrintRound::default();
        if open.is_empty() {
            return Ok(round);
        }
        let path = self.data_dir().join(LOCK_FILE);
        quay_store::private::touch(&path).map_err(|e| AppError::io(&path, e))?;
        let lock = std::fs::File::options().read(true).write(true).open(&path).map_err(|e| AppError::io(&path, e))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Ok(PrintRound { waiting: open.len() as u32, busy: true, ..round });
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(AppError::io(&path, e)),
        }
        // Read again under the lock: the holder before us may have printed some.
        let open = self.store().print_jobs_open()?;
        let printers = self.printers()?;
        let mut blocked: HashSet<String> = HashSet::new();
        for job in open {
            if blocked.contains(&job.printer) {
                round.waiting += 1;
                continue;
            }
            let fail = |code: &str, detail: &str, maybe: bool| self.store().print_job_failed(job.id, code, detail, maybe);
            let Some(printer) = printers.iter().find(|p| p.name == job.printer) else {
                // A job for a printer removed since: kept (a person redirects it).
                fail("err-print-no-printer", &job.printer, false)?;
                blocked.insert(job.printer.clone());
                round.failed += 1;
                continue;
            };
            let address = match printer.parsed() {
                Ok(a) => a,
                Err(e) => {
                    fail(e.code, &e.detail, false)?;
                    blocked.insert(job.printer.clone());
                    round.failed += 1;
                    continue;
                }
            };
            let now = self.now().to_rfc3339();
            let Some(job) = self.store().print_job_sending(job.id, &now)? else { continue };
            let bytes = match self.job_bytes(&job, printer) {
                Ok(b) => b,
                Err(e) => {
                    tracing::warn!(job = job.id, error = %e.detail, "a print job could not be drawn");
                    self.store().print_job_failed(job.id, e.code, &e.detail, false)?;
                    round.failed += 1;
                    continue;
                }
            };
            crate::failpoint::pause("print.sending");
            match send_job(&address, &bytes, Timeouts::default()) {
                Ok(_) => {
                    self.store().print_job_done(job.id, &self.now().to_rfc3339())?;
                    tracing::info!(job = job.id, printer = %job.printer, kind = job.kind.as_str(), reprint = job.reprint, "printed");
                    round.done += 1;
                }
                Err(e) => {
                    let code = quay_core::Localized::code(&e);
                    tracing::warn!(job = job.id, printer = %job.printer, error = %e, "not printed: the job waits");
                    self.store().print_job_failed(job.id, code, &e.to_string(), e.may_have_printed())?;
                    blocked.insert(job.printer.clone());
                    round.failed += 1;
                }
            }
        }
        round.waiting = self.store().print_jobs_open()?.len() as u32;
        Ok(round)
    }

    /// Prints now what waits, from a face (the command line has no background worker).
    pub fn print_now(&self) -> Result<PrintRound> {
        self.print_pending()
    }
}

/// The printers' loop, started by `background::run`: a pass whenever a job is queued, and
/// every few seconds while jobs wait; failures back off like the other loops.
pub async fn run(counter: std::sync::Arc<Counter>) {
    // Capped low: paper loaded or a printer switched on should print within seconds.
    let mut retry = crate::background::Retry::new(Duration::from_secs(15));
    loop {
        let c = counter.clone();
        let done = tokio::task::spawn_blocking(move || c.print_pending()).await;
        let wait = match done {
            Ok(Ok(r)) if r.failed == 0 => {
                retry.succeeded();
                PRINT_POLL
            }
            Ok(Ok(_)) => retry.failed(crate::sync::draw()).max(PRINT_POLL),
            Ok(Err(e)) => {
                let e: AppError = e;
                tracing::warn!(error = %e.detail, "the print queue could not be read");
                retry.failed(crate::sync::draw()).max(PRINT_POLL)
            }
            Err(_) => PRINT_POLL,
        };
        tokio::select! {
            _ = counter.print_wake.notified() => {}
            _ = tokio::time::sleep(wait) => {}
        }
    }
}
