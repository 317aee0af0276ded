//! Sends the queued jobs. Per printer, in order, one at a time; a printer that fails
//! (off, out of paper, unreachable, answering garbage) keeps its jobs and the others go
//! on — a dead kitchen printer never holds up the receipt. A job is marked `sending`
//! before its first byte (so a crash leaves it for a reprint, said so) and `done` only
//! when the printer took every byte and answered ready after.

use std::time::Duration;

use quay_print::status::PrinterStatus;
use quay_print::transport::{pulse_drawer, send_job, Timeouts};
use quay_print::PrintError;
use serde::Serialize;

use super::Printer;
use crate::{AppError, Counter, Result};
use quay_store::print::{JobKind, JobState, PrintJob};

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

/// A drawer pulse older than this is dropped, not fired at an empty till.
const DRAWER_LATE: Duration = Duration::from_secs(60);

fn older_than(rfc3339: &str, age: Duration, now: chrono::DateTime<chrono::FixedOffset>) -> bool {
    chrono::DateTime::parse_from_rfc3339(rfc3339).is_ok_and(|t| (now - t).num_seconds() > age.as_secs() as i64)
}

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
        // Each printer's queue on its own thread: a slow or dead printer (its connect and
        // status timeouts) never delays another's receipt or drawer.
        let mut queues: Vec<(String, Vec<PrintJob>)> = Vec::new();
        for job in open {
            match queues.iter_mut().find(|(p, _)| *p == job.printer) {
                Some((_, q)) => q.push(job),
                None => queues.push((job.printer.clone(), vec![job])),
            }
        }
        let rounds: Vec<Result<PrintRound>> = std::thread::scope(|s| {
            let handles: Vec<_> = queues
                .into_iter()
                .map(|(name, jobs)| {
                    let printer = printers.iter().find(|p| p.name == name);
                    s.spawn(move || self.print_queue(printer, jobs))
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap_or_else(|_| Err(AppError::internal("a printer's queue panicked")))).collect()
        });
        for r in rounds {
            let r = r?;
            round.done += r.done;
            round.failed += r.failed;
        }
        round.waiting = self.store().print_jobs_open()?.len() as u32;
        Ok(round)
    }

    /// One printer's jobs in order, stopping at its first failure (order is kept per
    /// printer) — except that a printer stopped for paper or its open cover still takes
    /// the drawer pulses queued behind the refused job: the till opens for every cash
    /// sale while the receipts wait. The printer's status is asked before a job is marked
    /// `sending`, so a crash while a printer is unreachable never makes a ticket a "reprint".
    fn print_queue(&self, printer: Option<&Printer>, jobs: Vec<PrintJob>) -> Result<PrintRound> {
        let mut round = PrintRound::default();
        // Out of paper or cover open: from here on only drawer pulses go.
        let mut stopped = false;
        let stops = |e: &PrintError| matches!(e, PrintError::PaperOut | PrintError::CoverOpen);
        for job in jobs {
            let drawer = job.kind == JobKind::Drawer;
            if stopped && !drawer {
                continue;
            }
            // A job caught `sending` by a process that died may have printed.
            let stale = job.state == JobState::Sending;
            let fail = |code: &str, detail: &str| self.store().print_job_failed(job.id, code, detail, stale);
            // A drawer pulse is for the customer at the till now: never hours later.
            if job.kind == JobKind::Drawer && older_than(&job.created_at, DRAWER_LATE, self.now()) {
                self.store().print_job_cancel(job.id, "err-print-drawer-late")?;
                tracing::warn!(job = job.id, "a drawer pulse too late to be useful was dropped");
                continue;
            }
            let Some(printer) = printer else {
                // A job for a printer removed since: kept (a person redirects it).
                fail("err-print-no-printer", &job.printer)?;
                round.failed += 1;
                break;
            };
            let address = match printer.parsed() {
                Ok(a) => a,
                Err(e) => {
                    fail(e.code, &e.detail)?;
                    round.failed += 1;
                    break;
                }
            };
            // The till opens while the receipt printer waits for paper: a drawer pulse is a
            // real-time command, taken out of paper or with the cover open (§7).
            let accept = if drawer { PrinterStatus::check_pulse } else { PrinterStatus::check };
            if address.reports_status() {
                let ready = quay_print::transport::query_status(&address).and_then(|s| accept(&s));
                if let Err(e) = ready {
                    fail(quay_core::Localized::code(&e), &e.to_string())?;
                    round.failed += 1;
                    if !drawer && stops(&e) {
                        stopped = true;
                        continue;
                    }
                    break;
                }
            }
            let now = self.now().to_rfc3339();
            let Some(job) = self.store().print_job_sending(job.id, &now)? else { continue };
            if drawer && job.reprint {
                // Its sender died while sending, or the printer went quiet after it: the
                // till may have opened. A pulse is never fired twice.
                self.store().print_job_cancel(job.id, "err-print-drawer-again")?;
                tracing::warn!(job = job.id, "a drawer pulse that may have fired already is not sent again");
                continue;
            }
            if job.printer != printer.name {
                // Redirected meanwhile: the next pass sends it where it now belongs.
                self.store().print_job_failed(job.id, "err-print-redirected", "", false)?;
                continue;
            }
            let bytes = match self.job_bytes(&job, printer) {
                Ok(b) => b,
                Err(e) => {
                    tracing::warn!(job = job.id, error = %e.detail, "a print job could not be drawn");
                    self.store().print_job_failed(job.id, e.code, &e.detail, job.reprint)?;
                    round.failed += 1;
                    continue;
                }
            };
            crate::failpoint::pause("print.sending");
            let send = if drawer { pulse_drawer } else { send_job };
            match send(&address, &bytes, Timeouts::default()) {
                Ok(_) => {
                    self.store().print_job_done(job.id, &self.now().to_rfc3339())?;
                    tracing::info!(job = job.id, printer = %job.printer, kind = job.kind.as_str(), reprint = job.reprint, "printed");
                    round.done += 1;
                }
                Err(e) if drawer && e.may_have_printed() => {
                    self.store().print_job_cancel(job.id, "err-print-drawer-again")?;
                    tracing::warn!(job = job.id, error = %e, "a drawer pulse that may have fired is not sent again");
                }
                Err(e) => {
                    // What went wrong, not that it happened after the bytes: the reprint
                    // flag says that.
                    let code = quay_core::Localized::code(e.cause());
                    tracing::warn!(job = job.id, printer = %job.printer, error = %e, "not printed: the job waits");
                    self.store().print_job_failed(job.id, code, &e.cause().to_string(), e.may_have_printed())?;
                    round.failed += 1;
                    if !drawer && stops(e.cause()) {
                        stopped = true;
                        continue;
                    }
                    break;
                }
            }
        }
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
