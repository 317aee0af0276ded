//! `quay print …` and `quay drawer open`: the counter's printers headless (issue 19) — a
//! test page, a receipt again, the jobs and what they wait for, sending one again or to
//! another printer. Jobs go through the same queue as the window's; the command line has
//! no background worker, so each command sends what waits before it returns.

use clap::Subcommand;
use quay_app::print::JobView;
use quay_app::AppError;

use super::Ctx;
use crate::shared::{pretty, sale_id};

#[derive(Subcommand, Debug)]
pub enum PrintCmd {
    /// A test page (every language's sample) on PRINTER (`receipt`, `kitchen.STATION`).
    Test { printer: Option<String> },
    /// A sale's receipt again, marked as a copy.
    Receipt {
        sale: String,
        #[arg(long)]
        printer: Option<String>,
    },
    /// The latest print jobs and why any waits.
    Jobs {
        #[arg(long)]
        json: bool,
    },
    /// Sends a waiting job now, or prints a printed one again (marked as a reprint).
    Retry { job: i64 },
    /// Sends a waiting job to another printer.
    Redirect { job: i64, printer: String },
    /// The printers and what waits for each.
    Status {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum DrawerCmd {
    /// Opens the cash drawer without a sale (managers; audited with the reason).
    Open {
        #[arg(long)]
        reason: String,
    },
}

pub fn run(ctx: &Ctx, cmd: PrintCmd) -> quay_app::Result<String> {
    let c = &ctx.counter;
    let who = ctx.who()?;
    let queued = match cmd {
        PrintCmd::Test { printer } => c.print_test(&who, printer.as_deref().unwrap_or(quay_app::print::RECEIPT))?,
        PrintCmd::Receipt { sale, printer } => c.queue_receipt(&who, sale_id(&sale)?, printer.as_deref())?,
        PrintCmd::Retry { job } => c.print_retry(&who, job)?,
        PrintCmd::Redirect { job, printer } => {
            c.print_redirect(&who, job, &printer)?;
            job
        }
        PrintCmd::Jobs { json } => {
            let jobs = c.print_jobs(&who, 50)?;
            return if json { pretty(&jobs) } else { Ok(jobs.iter().map(job_line).collect()) };
        }
        PrintCmd::Status { json } => {
            let printers = c.printer_status(&who)?;
            if json {
                return pretty(&printers);
            }
            let mut out = String::new();
            for p in &printers {
                out.push_str(&format!("{}\t{}\t{}\t{}\n", p.name, p.address, p.waiting, p.problem.as_deref().unwrap_or("")));
            }
            return Ok(out);
        }
    };
    send_now(ctx, &who, queued)
}

pub fn drawer(ctx: &Ctx, cmd: DrawerCmd) -> quay_app::Result<String> {
    let DrawerCmd::Open { reason } = cmd;
    let who = ctx.who()?;
    let job = ctx.counter.open_drawer(&who, &reason)?;
    send_now(ctx, &who, job)
}

/// Sends what waits, then says what became of `job`: printed, or why it waits (exit 1).
fn send_now(ctx: &Ctx, who: &quay_app::Who, job: i64) -> quay_app::Result<String> {
    let c = &ctx.counter;
    let round = c.print_now()?;
    let jobs = c.print_jobs(who, 200)?;
    let Some(view) = jobs.iter().find(|j| j.job.id == job) else { return Ok(String::new()) };
    match view.job.state {
        // The window's worker is printing: it sends this one in its turn.
        _ if round.busy && view.job.state != quay_app::print::JobState::Done => {
            Ok(format!("{}\n", ctx.t("print-cli-queued", &[("job", job.into()), ("printer", view.job.printer.as_str().into())])))
        }
        quay_app::print::JobState::Done => {
            Ok(format!("{}\n", ctx.t("print-cli-printed", &[("job", job.into()), ("printer", view.job.printer.as_str().into())])))
        }
        _ => Err(AppError::new(
            "print-cli-waiting",
            vec![
                ("job", job.into()),
                ("printer", view.job.printer.as_str().into()),
                ("problem", view.problem.clone().unwrap_or_default().into()),
            ],
        )),
    }
}

/// `ID  STATE  KIND  PRINTER  SALE  ATTEMPTS  REPRINT  PROBLEM`, tab-separated.
fn job_line(j: &JobView) -> String {
    let job = &j.job;
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
        job.id,
        job.state.as_str(),
        job.kind.as_str(),
        job.printer,
        job.sale_id.as_deref().unwrap_or("-"),
        job.attempts,
        if job.reprint { "reprint" } else { "-" },
        j.problem.as_deref().unwrap_or("")
    )
}
