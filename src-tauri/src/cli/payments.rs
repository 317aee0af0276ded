//! `quay payments …` (card attempts) and `quay terminal …` (the ZVT terminal).

use clap::Subcommand;
use quay_app::card::decline_view;
use quay_app::PaymentRecord;
use serde_json::json;

use super::Ctx;
use crate::shared::{day, pretty};

#[derive(Subcommand, Debug)]
pub enum PaymentsCmd {
    /// Settles attempts whose outcome is not known by asking the terminal (never charging).
    Resolve {
        #[arg(long)]
        json: bool,
    },
    /// Settles by hand an attempt the terminal cannot answer for, after checking the
    /// terminal and its printout: `--charged` completes the sale, `--not-charged` cancels.
    Settle {
        key: String,
        #[arg(long, conflicts_with = "not_charged", required_unless_present = "not_charged")]
        charged: bool,
        #[arg(long)]
        not_charged: bool,
        #[arg(long)]
        reason: String,
    },
    /// Refunds a wallet payment that arrived after the cashier gave up, for a sale that
    /// closed another way (listed by `payments list` and the window's open payments); with
    /// `--amount` and `--reason`, a manager's partial refund of a wallet payment of a sale.
    Refund {
        key: String,
        /// Major units (`12.50`): part of the payment to give back.
        #[arg(long, requires = "reason")]
        amount: Option<String>,
        #[arg(long, requires = "amount")]
        reason: Option<String>,
    },
    /// Every card and wallet attempt of a day (default: today), oldest first.
    List {
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum TerminalCmd {
    /// Asks the terminal about its last transaction (status enquiry).
    Status {
        /// The serial device (default: zvt.port of the configuration).
        #[arg(long)]
        port: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// A test sale of AMOUNT (major units), journaled like any card attempt.
    Sale {
        amount: String,
        #[arg(long)]
        port: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Closes the terminal's batch (end-of-day) and prints its per-brand totals.
    EndOfDay {
        #[arg(long)]
        port: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ctx: &Ctx, cmd: PaymentsCmd) -> quay_app::Result<String> {
    match cmd {
        PaymentsCmd::Resolve { json } => {
            // Wallets answer about any of their orders; the card terminal about its last.
            let settled = ctx.counter.ask_again(&ctx.who()?)?;
            if json {
                return pretty(&settled);
            }
            Ok(settled.iter().map(|p| format!("{}\t{}{}\n", p.key, p.state.as_str(), why(ctx, p))).collect())
        }
        PaymentsCmd::Settle { key, charged, not_charged: _, reason } => {
            // One PIN on the command line: the manager who settles is the one asking.
            let who = ctx.who()?;
            let p = ctx.counter.settle_payment(&who, &who, &key, charged, &reason)?;
            Ok(format!("{}\t{}\n", p.key, p.state.as_str()))
        }
        PaymentsCmd::Refund { key, amount, reason } => {
            // One PIN on the command line: the manager who approves is the one refunding.
            let who = ctx.who()?;
            let r = match (amount, reason) {
                (Some(amount), Some(reason)) => {
                    let amount = ctx.counter.parse_amount(&amount)?;
                    ctx.counter.refund_part(&who, &who, &key, amount, &reason)?
                }
                _ => ctx.counter.refund_unused(&who, &who, &key)?,
            };
            Ok(format!("{}\t{}\n", r.key, r.state.as_str()))
        }
        PaymentsCmd::List { date, json } => list(ctx, date.as_deref(), json),
    }
}

/// A decline's reason and code as the cashier was told them, after a tab; or nothing.
fn why(ctx: &Ctx, p: &PaymentRecord) -> String {
    decline_view(ctx.counter.i18n(), ctx.lang, p).map(|v| format!("\t{}", v.text)).unwrap_or_default()
}

fn list(ctx: &Ctx, date: Option<&str>, json: bool) -> quay_app::Result<String> {
    let who = ctx.who()?;
    let list = ctx.counter.payments_on(&who, day(ctx.counter, date)?)?;
    if !json {
        return Ok(list.iter().map(|p| line(ctx, p)).collect());
    }
    // Each attempt with its journal: what happened, state by state.
    let mut out = Vec::with_capacity(list.len());
    for p in &list {
        let mut v = json!(p);
        if quay_app::card::is_wallet(&p.terminal) {
            // A wallet attempt, named as the wallet names it: its merchant order id (also
            // `order_id`) and the wallet's transaction id (also `provider_ref`).
            v["wallet"] = json!(p.terminal);
            v["transaction_id"] = json!(p.details.provider_ref);
        }
        v["log"] = json!(ctx.counter.payment_log(&who, &p.key)?);
        if let Some(decline) = decline_view(ctx.counter.i18n(), ctx.lang, p) {
            v["decline"] = json!(decline);
        }
        out.push(v);
    }
    pretty(&out)
}

fn line(ctx: &Ctx, p: &PaymentRecord) -> String {
    let d = &p.details;
    if quay_app::card::is_wallet(&p.terminal) {
        // A wallet's attempt: its merchant order id, the wallet's transaction id, its code.
        let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
        let cells = [
            ctx.t1("cli-pay-order", "order", dash(&p.order_id)),
            ctx.t1("cli-pay-txn", "txn", dash(&d.provider_ref)),
            ctx.t1("cli-pay-code", "code", dash(&d.result_code)),
        ];
        let (at, state, amount) = (&p.updated_at, p.state.as_str(), ctx.money(p.amount));
        return format!("{at}\t{}\t{state}\t{amount}\t{}\t{}{}\n", p.key, p.terminal, cells.join("\t"), why(ctx, p));
    }
    let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    let brand = dash(&d.brand);
    let labelled = [
        ("cli-pay-pan", "pan", &d.masked_pan),
        ("cli-pay-tid", "tid", &d.terminal_id),
        ("cli-pay-trace", "trace", &d.trace),
        ("cli-pay-auth", "auth", &d.auth_code),
        ("cli-pay-rrn", "rrn", &d.rrn),
        ("cli-pay-code", "code", &d.result_code),
    ];
    let cells: Vec<_> = labelled.iter().map(|(id, name, v)| ctx.t1(id, name, dash(v))).collect();
    let (at, state, amount) = (&p.updated_at, p.state.as_str(), ctx.money(p.amount));
    format!("{at}\t{}\t{state}\t{amount}\t{brand}\t{}{}\n", p.key, cells.join("\t"), why(ctx, p))
}

pub fn terminal(ctx: &Ctx, cmd: TerminalCmd) -> quay_app::Result<String> {
    let c = ctx.counter;
    match cmd {
        TerminalCmd::Status { port, json } => {
            let t = c.terminal_status(&ctx.who()?, port.as_deref())?;
            if json {
                return pretty(&t);
            }
            let details = serde_json::to_string(&t.details).map_err(quay_app::AppError::internal)?;
            Ok(format!("{}\n{details}\n", ctx.t1("cli-terminal-last", "result", t.last_transaction)))
        }
        TerminalCmd::Sale { amount, port, json } => {
            let amount = c.parse_amount(&amount)?;
            let p = c.zvt_test_sale(&ctx.who()?, port.as_deref(), amount)?;
            if json {
                return pretty(&p);
            }
            Ok(format!("{}\t{}\t{}{}\n", p.key, p.state.as_str(), ctx.money(p.amount), why(ctx, &p)))
        }
        TerminalCmd::EndOfDay { port, json } => end_of_day(ctx, port.as_deref(), json),
    }
}

fn end_of_day(ctx: &Ctx, port: Option<&str>, json: bool) -> quay_app::Result<String> {
    let eod = ctx.counter.terminal_end_of_day(&ctx.who()?, port)?;
    if json {
        let brands: Vec<_> = eod.per_brand.iter().map(|(b, n, t)| json!({"brand": b, "count": n, "total": t})).collect();
        let currency = ctx.counter.config().currency.code();
        return pretty(&json!({"total": eod.total, "currency": currency, "per_brand": brands, "receipt_range": eod.receipt_range}));
    }
    let mut out = format!("{}\t{}\n", ctx.t("cli-total", &[]), ctx.money(eod.total as i64));
    for (b, n, t) in &eod.per_brand {
        out.push_str(&format!("{b}\t{n}\t{}\n", ctx.money(*t as i64)));
    }
    Ok(out)
}
