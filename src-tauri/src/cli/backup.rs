//! `quay backup …` (technicians) and `quay db check`.

use std::path::PathBuf;

use clap::Subcommand;
use quay_app::AppError;
use quay_i18n::Lang;
use serde_json::json;

use super::{read, read_secret_stdin, Args, Ctx};
use crate::shared::pretty;

#[derive(Subcommand, Debug)]
pub enum BackupCmd {
    /// Writes the whole counter (sales, settings, secrets) to FILE, encrypted under a
    /// passphrase read from stdin (at least 12 characters).
    Create { file: PathBuf },
    /// Restores FILE into `--data-dir`, which must hold no counter yet (passphrase on stdin).
    Restore { file: PathBuf },
}

#[derive(Subcommand, Debug)]
pub enum DbCmd {
    /// Runs SQLite's integrity check and reports the schema version.
    Check {
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ctx: &Ctx, cmd: BackupCmd) -> quay_app::Result<String> {
    match cmd {
        BackupCmd::Create { file } => {
            let who = ctx.who()?;
            ctx.counter.backup(&who, &read_secret_stdin()?, &file)?;
            Ok(ctx.t("backup-written", &[("file", file.display().to_string().into())]))
        }
        BackupCmd::Restore { .. } => unreachable!("restored before the counter opens"),
    }
}

/// Restores a backup into a data directory that holds no counter: run before any
/// counter is opened (opening one would create it). The exit code.
pub fn restore(file: &std::path::Path, args: &Args) -> i32 {
    let l = quay_i18n::Localizer::new().expect("built-in locales load");
    let lang = args.lang.as_deref().and_then(Lang::parse).unwrap_or(Lang::En);
    let restored = read(file).and_then(|bytes| quay_app::restore_backup(&bytes, &read_secret_stdin()?, &args.data_dir()));
    match restored {
        Ok(()) => super::print(&l.t(lang, "backup-restored", &[("dir", args.data_dir().display().to_string().into())])),
        Err(e) => {
            eprintln!("quay: {}", l.error(lang, &e));
            1
        }
    }
}

/// Diagnostics anyone at the machine may run: nothing of the counter's business shows.
pub fn db(ctx: &Ctx, cmd: DbCmd) -> quay_app::Result<String> {
    let DbCmd::Check { json } = cmd;
    let h = ctx.counter.health()?;
    let ok = h.integrity == "ok" && h.schema_version == h.latest_schema_version;
    let out = if json {
        pretty(&json!({"ok": ok, "integrity": h.integrity, "schema_version": h.schema_version,
            "latest_schema_version": h.latest_schema_version, "journal_mode": h.journal_mode, "sales": h.sales,
            "path": ctx.counter.data_dir().join("quay.db")}))?
    } else {
        check_text(ctx, &h.integrity, (h.schema_version, h.latest_schema_version), &h.journal_mode, h.sales)
    };
    if ok {
        Ok(out)
    } else {
        Err(AppError::new("err-store-corrupt", vec![("detail", h.integrity.into())]))
    }
}

/// `db check` for people; English "integrity: ok" is what scripts look for.
fn check_text(ctx: &Ctx, integrity: &str, (version, latest): (usize, usize), journal: &str, sales: i64) -> String {
    let schema = [("version", version.to_string().into()), ("latest", latest.to_string().into())];
    [
        ctx.t1("cli-db-integrity", "result", integrity),
        ctx.t("cli-db-schema", &schema),
        ctx.t1("cli-db-journal", "mode", journal),
        ctx.t1("cli-db-sales", "sales", sales),
    ]
    .map(|l| l + "\n")
    .concat()
}
