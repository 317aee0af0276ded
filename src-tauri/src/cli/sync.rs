//! `quay sync …`: the outbox of sales for the hub, and the background worker.

use clap::Subcommand;

use super::{block_on, Ctx};
use crate::shared::pretty;

#[derive(Subcommand, Debug)]
pub enum SyncCmd {
    /// How many sales wait for the hub, since when, and those it rejected.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Sends every waiting sale now.
    Push {
        #[arg(long)]
        json: bool,
    },
    /// Runs the counter's background work (menu on schedule, sales as they close, what a
    /// crash left open, Viva's webhook listener when `viva.webhook.listen` is set) until
    /// stopped.
    Run,
}

pub fn run(ctx: &Ctx, cmd: SyncCmd) -> quay_app::Result<String> {
    match cmd {
        SyncCmd::Status { json } => {
            let st = ctx.counter.sync_status()?;
            if json {
                return pretty(&st);
            }
            let rejected = ctx.t("cli-sync-rejected", &[]);
            let rows = st.rejected.iter().map(|r| format!("{rejected}\t{}\t{}\n", r.receipt_no, r.reason));
            Ok(status_head(ctx, st.pending, st.oldest.as_deref(), st.last_error.as_deref()) + &rows.collect::<String>())
        }
        SyncCmd::Push { json } => {
            let o = block_on(ctx.counter.push_outbox())?;
            if json {
                return pretty(&o);
            }
            Ok(push_text(ctx, &o))
        }
        SyncCmd::Run => background(ctx),
    }
}

/// The outbox for people; English "pending: N" is what scripts look for.
fn status_head(ctx: &Ctx, pending: i64, oldest: Option<&str>, last_error: Option<&str>) -> String {
    let mut out = ctx.t1("cli-sync-pending", "pending", pending) + "\n";
    out += &(ctx.t1("cli-sync-oldest", "at", oldest.unwrap_or("-")) + "\n");
    if let Some(e) = last_error {
        out += &(ctx.t1("cli-sync-last-error", "error", e) + "\n");
    }
    out
}

/// English "N stored" is what scripts look for.
fn push_text(ctx: &Ctx, o: &quay_app::sync::PushOutcome) -> String {
    let args = [
        ("sent", o.sent.to_string().into()),
        ("stored", o.stored.to_string().into()),
        ("duplicates", o.duplicates.to_string().into()),
        ("rejected", o.rejected.to_string().into()),
        ("waiting", o.remaining.to_string().into()),
    ];
    ctx.t("cli-sync-pushed", &args) + "\n"
}

/// One background worker per counter: wait while the window or another `quay sync run`
/// holds the data directory's background lock (said once), then do the same work as the
/// window does (`quay_app::background::run`).
fn background(ctx: &Ctx) -> quay_app::Result<String> {
    let (c, lang) = (ctx.counter, ctx.lang);
    let _lock = quay_app::background::take_waiting(c.data_dir(), "sync run", |holder| {
        eprintln!("quay: {} {}", c.i18n().error(lang, &holder.error()), ctx.t("background-waiting", &[]));
    })?;
    let counter = std::sync::Arc::new(quay_app::Counter::open(c.data_dir())?);
    // A misconfigured webhook is the technician's to fix now, not a log line later.
    counter.webhook_config()?;
    block_on(async move {
        quay_app::background::run(counter).await;
        Ok(String::new())
    })
}
