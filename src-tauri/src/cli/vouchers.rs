//! `quay voucher …`: check a code (MoMo / GiftPop through the hub, Alipay coupons with
//! Alipay); settle lost redemptions.

use clap::Subcommand;

use super::Ctx;
use crate::shared::{amount, pretty};

#[derive(Subcommand, Debug)]
pub enum VoucherCmd {
    /// What the partner says of a code: status, value, expiry, conditions (and what it
    /// would pay on a sale of `--amount`). `quay voucher check alipay CODE`, or
    /// `quay voucher check --partner momo CODE`.
    Check {
        /// momo, giftpop or alipay (or give it first: `check alipay CODE`).
        #[arg(long)]
        partner: Option<String>,
        /// `[PARTNER] CODE`.
        #[arg(num_args = 1..=2, required = true, value_name = "[PARTNER] CODE")]
        words: Vec<String>,
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
        VoucherCmd::Check { partner, words, amount, json } => {
            let (partner, code) = match (partner, words.as_slice()) {
                (None, [p, c]) => (p.clone(), c.clone()),
                (Some(p), [c]) => (p, c.clone()),
                _ => {
                    return Err(quay_app::AppError::new(
                        "err-config-value",
                        vec![("key", "partner".into()), ("value", words.join(" ").as_str().into())],
                    ))
                }
            };
            check(ctx, &partner, &code, amount.as_deref(), json)
        }
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
