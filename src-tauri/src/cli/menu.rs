//! `quay menu …`: import a snapshot (technicians), sync and compare with the hub, search.
//! Reading the menu and the sync ask no one (the menu hangs on the wall; the sync is the
//! counter's own work).

use std::path::PathBuf;

use clap::Subcommand;
use quay_app::sync::{MenuStatus, MenuSyncOutcome};
use serde_json::json;

use super::{block_on, Ctx};
use crate::shared::pretty;

#[derive(Subcommand, Debug)]
pub enum MenuCmd {
    /// Imports a menu snapshot in the hub's format; refused whole if invalid.
    Import { file: PathBuf },
    /// Fetches the hub's menu (changes since ours, or the full snapshot) and applies it.
    Sync {
        #[arg(long)]
        json: bool,
    },
    /// The counter's menu beside the hub's: versions, content hashes, differences.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Searches items, ignoring case and diacritics.
    Search {
        text: String,
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
}

pub fn run(ctx: &Ctx, cmd: MenuCmd) -> quay_app::Result<String> {
    match cmd {
        MenuCmd::Import { file } => {
            let m = ctx.counter.import_menu_file(&ctx.who()?, &file)?;
            let args = [
                ("version", m.version().to_string().into()),
                ("items", m.items().len().to_string().into()),
                ("categories", m.categories().count().to_string().into()),
                ("hash", m.content_hash().to_string().into()),
            ];
            Ok(ctx.t("cli-menu-imported", &args) + "\n")
        }
        MenuCmd::Search { text, json, limit } => search(ctx, &text, limit, json),
        MenuCmd::Sync { json } => {
            let outcome = block_on(ctx.counter.sync_menu())?;
            if json {
                return pretty(&outcome);
            }
            Ok(sync_text(ctx, &outcome))
        }
        MenuCmd::Status { json } => {
            let st = block_on(ctx.counter.menu_status())?;
            if json {
                return pretty(&st);
            }
            Ok(status_text(ctx, &st))
        }
    }
}

fn search(ctx: &Ctx, text: &str, limit: usize, json: bool) -> quay_app::Result<String> {
    let m = ctx.counter.menu()?;
    let hits = m.search(text, limit);
    if !json {
        return Ok(hits.iter().map(|i| format!("{}\t{}\t{}\n", i.id, i.name, ctx.f().money(m.price(i)))).collect());
    }
    let rows: Vec<_> = hits
        .iter()
        .map(|i| {
            json!({"id": i.id, "sku": i.sku, "name": i.name, "names": i.names, "price": i.price,
            "currency": m.currency().code(), "available": i.available, "category_id": i.category_id})
        })
        .collect();
    pretty(&rows)
}

/// English "up to date" is what scripts look for.
fn sync_text(ctx: &Ctx, outcome: &MenuSyncOutcome) -> String {
    match outcome {
        MenuSyncOutcome::Unchanged { version } => ctx.t1("cli-menu-up-to-date", "version", version) + "\n",
        MenuSyncOutcome::Changed { from, to, items, full } => {
            let from = from.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
            let args = [("from", from.into()), ("to", to.to_string().into()), ("items", items.to_string().into())];
            ctx.t(if *full { "cli-menu-changed-full" } else { "cli-menu-changed" }, &args) + "\n"
        }
    }
}

fn status_text(ctx: &Ctx, st: &MenuStatus) -> String {
    let (counter, hub) = (ctx.t("cli-menu-counter", &[]), ctx.t("cli-menu-hub", &[]));
    // The two versions one under the other, whatever the labels' lengths.
    let w = counter.chars().count().max(hub.chars().count());
    let counter_version = st.counter_version.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
    let mut out = format!(
        "{counter:<w$} v{counter_version} {}\n{hub:<w$} v{} {}\n{}\n",
        st.counter_hash.as_deref().unwrap_or("-"),
        st.hub_version,
        st.hub_hash,
        ctx.t1("cli-menu-in-sync", "in_sync", st.in_sync)
    );
    let m = |p: Option<i64>| p.map(|p| ctx.money(p)).unwrap_or_else(|| "-".into());
    let lists = [("cli-menu-added", &st.diff.added), ("cli-menu-changed-item", &st.diff.changed), ("cli-menu-removed", &st.diff.removed)];
    for (id, list) in lists {
        let label = ctx.t(id, &[]);
        for i in list {
            out.push_str(&format!("{label}\t{}\t{}\t{} → {}\n", i.id, i.name, m(i.counter_price), m(i.hub_price)));
        }
    }
    out
}
