//! `quay voucher …`: check a code through the hub; settle lost redemptions.

use clap::Subcommand;

use super::Ctx;
use crate::shared::{amount, pretty};

#[derive(Subcommand, Debug)]
pub enum VoucherCmd {
    /// What the hub says of a code: status, value, expiry, conditions (and what it would
    /// pay on a sale of `--amount`).
    Check {
        #[arg(long)]
        partner: String,
        code: String,
        #[arg(long)]
        amount: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Settles redemptions whose answer was lost, and reverses those of sales never closed.
    Resolve,
}

pub fn run(ctx: &Ctx, cmd: VoucherCmd) -> quay_app::Result<String> {
    match cmd {
        VoucherCmd::Check { partner, code, amount, json } => check(ctx, &partner, &code, amount.as_deref(), json),
        VoucherCmd::Resolve => {
            let done = ctx.counter.resolve_vouchers(&ctx.who()?)?;
            Ok(done.iter().map(|r| format!("{}\t{}\t{}\n", r.key, r.partner, r.state)).collect())
        }
    }
}

fn check(ctx: &Ctx, partner: &str, code: &str, total: Option<&str>, json: bool) -> quay_app::Result<String> {
    let total = amount(ctx.counter, total)?;
    let v = ctx.counter.check_voucher_code(&ctx.who()?, partner, code, total)?;
    if json {
        return pretty(&v);
    }
    let dash = |o: Option<String>| o.unwrap_or_else(|| "-".into());
    let cells = [
        ctx.t1("cli-voucher-value", "value", dash(v.value.map(|m| m.text).or(v.percent))),
        ctx.t1("cli-voucher-min", "min", dash(v.min_spend.map(|m| m.text))),
        ctx.t1("cli-voucher-expires", "at", dash(v.expires_at)),
        ctx.t1("cli-voucher-applies", "amount", dash(v.applies.map(|m| m.text))),
    ];
    let rest = v.refused.unwrap_or(v.conditions);
    Ok(format!("{}\t{}\t{}\t{}\t{rest}\n", v.partner, v.code, v.status, cells.join("\t")))
}
