//! `quay nhanh …`: the Nhanh.vn connector (seed 002) headless — connect with the
//! merchant's one-time access code, the connection's status, the product sync, the
//! outbox, and the online orders the cashier would see on the Online orders screen.

use clap::{Subcommand, ValueEnum};
use quay_app::nhanh::OrderAct;
use quay_core::error::Arg;

use super::Ctx;
use crate::shared::pretty;

#[derive(Subcommand, Debug)]
pub enum NhanhCmd {
    /// Exchanges the merchant's one-time access code for the business's token (without a
    /// code: checks the token set as `nhanh.access_token`) and records the grant.
    Connect {
        #[arg(long)]
        access_code: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Stops syncing with the business (the history stays; the token is forgotten).
    Disconnect,
    /// Business, depot, token expiry, last product sync, pending sales, open orders, webhook, last error.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Fetches every product and group from Nhanh and makes them the menu (`menu.source` = nhanh).
    Sync {
        #[arg(long)]
        json: bool,
    },
    /// Sends what waits for Nhanh and takes in what Nhanh sent (the background does it on its own).
    Push {
        #[arg(long)]
        json: bool,
    },
    /// Puts the sales Nhanh refused for good back in the queue, once the cause is fixed.
    Requeue,
    /// The orders of Nhanh's channels: open ones, or all with `--all`.
    Orders {
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Confirms, prepares, hands over or cancels an online order (written back to Nhanh).
    Order { id: i64, act: Act },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Act {
    Confirm,
    Prepare,
    Done,
    Cancel,
}

fn n(v: usize) -> Arg {
    Arg::Int(v as i64)
}

pub fn run(ctx: &Ctx, cmd: NhanhCmd) -> quay_app::Result<String> {
    let who = ctx.who()?;
    let c = &ctx.counter;
    match cmd {
        NhanhCmd::Connect { access_code, json } => {
            let s = c.nhanh_connect(&who, access_code.as_deref())?;
            if json {
                return pretty(&s);
            }
            Ok(status_text(ctx, &s))
        }
        NhanhCmd::Disconnect => {
            c.nhanh_disconnect(&who)?;
            Ok(ctx.t("cli-nhanh-disconnected", &[]) + "\n")
        }
        NhanhCmd::Status { json } => {
            let s = c.nhanh_status(&who)?;
            if json {
                return pretty(&s);
            }
            Ok(status_text(ctx, &s))
        }
        NhanhCmd::Sync { json } => {
            let r = c.nhanh_sync_products(&who)?;
            if json {
                return pretty(&r);
            }
            let mut out = ctx.t(
                "cli-nhanh-synced",
                &[
                    ("items", n(r.items)),
                    ("categories", n(r.categories)),
                    ("hidden", n(r.hidden)),
                    ("sold_out", n(r.sold_out)),
                    ("skipped", n(r.skipped.len())),
                ],
            );
            out.push('\n');
            for s in &r.skipped {
                out.push_str(&format!("{}\t{}\t{}\n", s.product_id, s.name, s.message));
            }
            Ok(out)
        }
        NhanhCmd::Push { json } => {
            let r = c.nhanh_send(&who)?;
            if json {
                return pretty(&r);
            }
            Ok(ctx.t(
                "cli-nhanh-pushed",
                &[("sent", n(r.sent)), ("rejected", n(r.rejected)), ("failed", n(r.failed)), ("waiting", Arg::Int(r.pending))],
            ) + "\n")
        }
        NhanhCmd::Requeue => {
            let n = c.nhanh_requeue(&who)?;
            Ok(ctx.t("cli-nhanh-requeued", &[("count", Arg::Int(n as i64))]) + "\n")
        }
        NhanhCmd::Orders { all, json } => {
            let orders = c.nhanh_orders(&who, all)?;
            if json {
                return pretty(&orders);
            }
            if orders.is_empty() {
                return Ok(ctx.t("cli-nhanh-no-orders", &[]) + "\n");
            }
            let mut out = String::new();
            for o in &orders {
                let who = [o.customer.name.as_deref(), o.customer.mobile.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" ");
                out.push_str(&format!(
                    "{}\t{}\t{}\t{}\n",
                    o.id,
                    ctx.t(&format!("cli-nhanh-stage-{}", o.stage.replace('_', "-")), &[]),
                    ctx.money(o.total),
                    who
                ));
                for l in &o.lines {
                    out.push_str(&format!("\t{} × {}\t{}\n", l.quantity, l.name, ctx.money(l.total)));
                }
            }
            Ok(out)
        }
        NhanhCmd::Order { id, act } => {
            let act = match act {
                Act::Confirm => OrderAct::Confirm,
                Act::Prepare => OrderAct::Prepare,
                Act::Done => OrderAct::Done,
                Act::Cancel => OrderAct::Cancel,
            };
            let o = c.nhanh_order_act(&who, id, act)?;
            Ok(format!("{}\t{}\n", o.id, ctx.t(&format!("cli-nhanh-stage-{}", o.stage.replace('_', "-")), &[])))
        }
    }
}

fn status_text(ctx: &Ctx, s: &quay_app::nhanh::NhanhStatus) -> String {
    let mut out = String::new();
    let mut line = |id: &str, args: &[(&str, Arg)]| {
        out.push_str(&ctx.t(id, args));
        out.push('\n');
    };
    match &s.business_id {
        Some(b) => line("cli-nhanh-business", &[("business", b.as_str().into())]),
        None => line("cli-nhanh-not-connected", &[]),
    }
    if s.connected {
        let depot = s.depot_id.map(|d| d.to_string()).unwrap_or_else(|| ctx.t("cli-nhanh-all-depots", &[]));
        line("cli-nhanh-depot", &[("depot", depot.into())]);
        let expires = s.token_expires_at.clone().unwrap_or_default();
        let days = Arg::Int(s.days_left.unwrap_or_default());
        line(if s.token_warning { "cli-nhanh-token-expiring" } else { "cli-nhanh-token" }, &[("expires", expires.into()), ("days", days)]);
        for m in &s.missing {
            line("cli-nhanh-missing-permission", &[("permission", m.permission.as_str().into()), ("job", m.job.as_str().into())]);
        }
    }
    line("cli-nhanh-menu-source", &[("source", s.menu_source.as_str().into()), ("items", n(s.products))]);
    let synced = s.last_product_sync.clone().unwrap_or_else(|| "-".into());
    line("cli-nhanh-last-sync", &[("at", synced.into()), ("skipped", n(s.skipped.len()))]);
    line("cli-nhanh-pending", &[("pending", Arg::Int(s.pending_sales)), ("rejected", n(s.rejected_sales)), ("open", n(s.open_orders))]);
    let last = s.webhook.last_delivery_at.clone().unwrap_or_else(|| "-".into());
    let address = s.webhook.address.clone().unwrap_or_else(|| "-".into());
    let hook = if s.webhook.address.is_none() {
        "cli-nhanh-webhook-off"
    } else if s.webhook.listening {
        "cli-nhanh-webhook-on"
    } else {
        "cli-nhanh-webhook-down"
    };
    line(hook, &[("address", address.into()), ("last", last.into()), ("rejected", Arg::Int(s.webhook.rejected))]);
    if let Some(e) = &s.last_error {
        line("cli-nhanh-last-error", &[("message", e.message.as_str().into())]);
    }
    out
}
