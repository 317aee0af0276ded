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
            let mut out: String =
                s.steps.iter().map(|st| format!("{} {:<13} {}\n", if st.ok { "✓" } else { "✗" }, st.id, st.detail)).collect();
            out.push_str(&format!("order syncs waiting: {}\n", s.pending_syncs));
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
            let mut out = format!(
                "{}: {}, unchanged: {}, not publishable: {}, refused: {}\n",
                if r.dry_run { "would send" } else { "sent" },
                r.sent.len(),
                r.unchanged,
                r.not_publishable.len(),
                r.refused.len()
            );
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
            Ok(format!("synced: {}, failed: {}, waiting: {}\n", r.synced, r.failed, r.pending))
        }
    }
}
