//! `quay alipay …`: the smart store's onboarding (seed 003) from the command line — the
//! checklist, the shop, the products, what the merchant portal shows — and the order
//! syncs' outbox. Payments are `quay sales ring … --pay wallet:alipay`.

use clap::{Subcommand, ValueEnum};

use super::Ctx;
use crate::shared::pretty;

#[derive(Subcommand, Debug)]
pub enum AlipayCmd {
    /// The onboarding checklist, each step asked of Alipay now.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// The shop (`wallet.alipay.store_code`, name, address, category, contact).
    Store {
        #[command(subcommand)]
        cmd: StoreCmd,
    },
    /// The menu's items as Alipay items.
    Products {
        #[command(subcommand)]
        cmd: ProductsCmd,
    },
    /// Records that a person checked in Alipay's merchant portal what no API shows.
    Confirm { what: Confirmable },
    /// Sends the order syncs waiting (the background does it on its own).
    Sync {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum StoreCmd {
    /// Publishes the shop; a repeat returns the shop Alipay already has.
    Publish {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum ProductsCmd {
    /// Publishes the items that changed since they were last published.
    Publish {
        /// Only say what would be sent.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Confirmable {
    /// The store's trade switch is on (without it coupons and red packets fail).
    TradeSwitch,
    /// The coupons are configured.
    Coupons,
}

pub fn run(ctx: &Ctx, cmd: AlipayCmd) -> quay_app::Result<String> {
    let who = ctx.who()?;
    match cmd {
        AlipayCmd::Status { json } => {
            let s = ctx.counter.alipay_status(&who)?;
            if json {
                return pretty(&s);
            }
            // The step names are the technician's screen's (smartstore.ftl).
            let mut out: String = s
                .steps
                .iter()
                .map(|st| {
                    let name = ctx.t(&format!("smartstore-step-{}", st.id.replace('_', "-")), &[]);
                    format!("{} {name}: {}\n", if st.ok { "✓" } else { "✗" }, ctx.t(&st.said.0, &st.said.1))
                })
                .collect();
            out.push_str(&ctx.t("cli-alipay-syncs-waiting", &[("count", (s.pending_syncs as i64).into())]));
            out.push('\n');
            Ok(out)
        }
        AlipayCmd::Store { cmd: StoreCmd::Publish { json } } => {
            let shop = ctx.counter.alipay_store_publish(&who)?;
            if json {
                return pretty(&shop);
            }
            Ok(format!("{}\t{}\t{}\t{}\n", shop.store_id, shop.order_id, shop.status, shop.shop_id.as_deref().unwrap_or("-")))
        }
        AlipayCmd::Products { cmd: ProductsCmd::Publish { dry_run, json } } => {
            let r = ctx.counter.alipay_products_publish(&who, dry_run)?;
            if json {
                return pretty(&r);
            }
            let n = |v: usize| quay_core::error::Arg::Int(v as i64);
            let mut out = ctx.t(
                if r.dry_run { "cli-alipay-products-dry-run" } else { "cli-alipay-products-sent" },
                &[
                    ("sent", n(r.sent.len())),
                    ("unchanged", n(r.unchanged)),
                    ("unpublishable", n(r.not_publishable.len())),
                    ("refused", n(r.refused.len())),
                ],
            );
            out.push('\n');
            for n in r.not_publishable.iter().chain(&r.refused) {
                out.push_str(&format!("{}\t{}\t{}\n", n.item_id, n.name, n.reason));
            }
            Ok(out)
        }
        AlipayCmd::Confirm { what } => {
            let what = match what {
                Confirmable::TradeSwitch => "trade_switch",
                Confirmable::Coupons => "coupons",
            };
            let c = ctx.counter.alipay_confirm(&who, what)?;
            Ok(format!("{}\t{}\t{}\n", c.what, c.by, c.at))
        }
        AlipayCmd::Sync { json } => {
            let r = ctx.counter.alipay_sync(&who)?;
            if json {
                return pretty(&r);
            }
            let n = |v: usize| quay_core::error::Arg::Int(v as i64);
            Ok(ctx.t("cli-alipay-synced", &[("synced", n(r.synced)), ("failed", n(r.failed)), ("waiting", n(r.pending))]) + "\n")
        }
    }
}
