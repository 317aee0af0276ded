//! `quay dayend …`: the manager's close of the business day, headless.

use std::path::PathBuf;

use clap::Subcommand;
use quay_app::dayend::bank::BankReconciliation;
use quay_app::dayend::report::category_name;
use quay_app::dayend::Settlement;
use quay_app::AppError;

use super::{read, Ctx};
use crate::shared::{amount, day, pretty};

#[derive(Subcommand, Debug)]
pub enum DayendCmd {
    /// The day's totals: per tender, sales, voids, refunds, vouchers per partner, cards per brand.
    Totals {
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Closes the card terminal's batch (ZVT end-of-day; Viva: the day's transactions)
    /// and compares it per brand with the counter's approved card payments.
    Terminal {
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Imports the bank's card batch file (once; lines already known are skipped) and
    /// reconciles the day line by line. Without --bank-file: the day as recorded.
    Reconcile {
        #[arg(long, requires = "preset")]
        bank_file: Option<PathBuf>,
        /// generic, viva, or a saved mapping (`quay dayend preset save`).
        #[arg(long)]
        preset: Option<String>,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Settles by hand a bank line or a card payment the matcher left open (audited).
    Settle {
        #[command(subcommand)]
        action: SettleCmd,
    },
    /// A manager's own bank file mappings.
    Preset {
        #[command(subcommand)]
        cmd: PresetCmd,
    },
    /// The day-end report as PDF (in the counter's language, or --lang) and/or CSV.
    Report {
        #[arg(long)]
        date: Option<String>,
        #[arg(long, required_unless_present = "csv")]
        pdf: Option<PathBuf>,
        #[arg(long)]
        csv: Option<PathBuf>,
    },
    /// Closes the business day. Refused while sales wait for the hub or a card payment's
    /// outcome is unknown, and a second time.
    Close {
        #[arg(long)]
        date: Option<String>,
        /// The cash counted in the drawer (major units); a difference needs --reason.
        #[arg(long)]
        cash_counted: Option<String>,
        #[arg(long)]
        reason: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum SettleCmd {
    /// This bank line is that counter card payment.
    Link {
        /// The bank line's stable id (as `reconcile --json` lists it).
        #[arg(long)]
        bank_line: String,
        /// The payment's key.
        #[arg(long)]
        payment: String,
        #[arg(long)]
        reason: Option<String>,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The payment will be in the bank's next batch.
    NextBatch {
        #[arg(long)]
        payment: String,
        #[arg(long)]
        reason: Option<String>,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The bank line's sale was taken outside Quay: enter it by hand, with a reason.
    Enter {
        #[arg(long)]
        bank_line: String,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum PresetCmd {
    /// Saves a mapping (JSON, the shape of the built-in ones: `preset show generic`) as NAME.
    Save { name: String, file: PathBuf },
    /// Prints a mapping as JSON (built-in or saved).
    Show { name: String },
    /// Lists the mappings.
    List,
    /// Guesses a mapping for a new bank's FILE and prints it as JSON, to edit and `save`;
    /// with `--try PRESET_JSON`, reads FILE with that mapping instead and prints what it
    /// reads (or the line and column it refuses). Records nothing.
    Suggest {
        file: PathBuf,
        #[arg(long = "try", value_name = "PRESET_JSON")]
        try_preset: Option<PathBuf>,
    },
}

/// One line per bank line and card payment: side, reference, amount, category, match.
/// Categories are keys (as in `--json`); the words around them are the run's language.
fn reconciliation_text(ctx: &Ctx, r: &BankReconciliation) -> String {
    let mut out = r.import.as_ref().map(|i| import_line(ctx, i)).unwrap_or_default();
    for (c, n) in r.summary.counts.iter().filter(|(_, n)| **n > 0) {
        out.push_str(&format!("{}\t{n}\n", category_name(*c)));
    }
    out.extend(r.summary.totals.iter().map(|t| total_line(ctx, t)));
    let to = |m: &Option<quay_app::dayend::Item>| {
        m.as_ref().map(|i| quay_app::dayend::bank::item_id(i).to_string()).unwrap_or_else(|| "-".into())
    };
    let (bank, counter) = (ctx.t("cli-bank", &[]), ctx.t("cli-counter", &[]));
    for l in &r.bank_lines {
        let (category, matched) = (category_name(l.outcome.category), to(&l.outcome.matched_to));
        out.push_str(&format!("{bank}\t{}\t{}\t{}\t{category}\t{matched}\n", l.line, l.id, l.amount_text));
    }
    for p in &r.counter_payments {
        let (category, matched) = (category_name(p.outcome.category), to(&p.outcome.matched_to));
        out.push_str(&format!("{counter}\t-\t{}\t{}\t{category}\t{matched}\n", p.id, p.amount_text));
    }
    out
}

/// The bank file just read: preset, lines, new lines, and whether it was known.
fn import_line(ctx: &Ctx, i: &quay_app::dayend::bank::ImportResult) -> String {
    let mut cells = vec![ctx.t("cli-rec-file", &[]), i.preset.clone()];
    cells.push(ctx.t1("cli-rec-lines", "lines", i.lines));
    cells.push(ctx.t1("cli-rec-new", "new", i.new_lines));
    if i.already_imported {
        cells.push(ctx.t1("cli-rec-already", "date", &i.date));
    }
    cells.join("\t") + "\n"
}

/// One currency's totals: counter, bank, fees, next batch, difference (major units).
fn total_line(ctx: &Ctx, t: &quay_dayend::matcher::Totals) -> String {
    let cells = [
        ctx.t1("cli-rec-total", "currency", t.currency.code()),
        ctx.t1("cli-counter-amount", "amount", t.counter.to_major_string()),
        ctx.t1("cli-bank-amount", "amount", t.bank.to_major_string()),
        ctx.t1("cli-rec-fees", "amount", t.fees.to_major_string()),
        ctx.t1("cli-rec-next-batch", "amount", t.next_batch.to_major_string()),
        ctx.t1("cli-difference-amount", "amount", t.difference.to_major_string()),
    ];
    cells.join("\t") + "\n"
}

pub fn run(ctx: &Ctx, cmd: DayendCmd) -> quay_app::Result<String> {
    let c = ctx.counter;
    let d = |date: Option<String>| day(c, date.as_deref());
    match cmd {
        DayendCmd::Totals { date, json } => totals(ctx, &c.day_totals(&ctx.who()?, d(date)?)?, json),
        DayendCmd::Terminal { date, json } => batch(ctx, &c.terminal_batch(&ctx.who()?, d(date)?)?, json),
        DayendCmd::Reconcile { bank_file, preset, date, json } => {
            let (who, day) = (ctx.who()?, d(date)?);
            let r = match bank_file {
                Some(path) => {
                    let name = path.file_name().map(|n| n.to_string_lossy().to_string());
                    c.reconcile_bank_file(&who, day, &read(&path)?, preset.as_deref().unwrap_or("generic"), name.as_deref())?
                }
                None => c.bank_reconciliation(&who, day)?,
            };
            reconciliation(ctx, &r, json)
        }
        DayendCmd::Settle { action } => {
            let (date, s, json) = settlement(action);
            reconciliation(ctx, &c.settle_bank(&ctx.who()?, d(date)?, s)?, json)
        }
        DayendCmd::Preset { cmd } => preset(ctx, cmd),
        DayendCmd::Report { date, pdf, csv } => report(ctx, d(date)?, pdf, csv),
        DayendCmd::Close { date, cash_counted, reason, json } => {
            let counted = amount(c, cash_counted.as_deref())?;
            close(ctx, &c.close_day(&ctx.who()?, d(date)?, counted, reason.as_deref())?, json)
        }
    }
}

fn reconciliation(ctx: &Ctx, r: &BankReconciliation, json: bool) -> quay_app::Result<String> {
    if json {
        pretty(r)
    } else {
        Ok(reconciliation_text(ctx, r))
    }
}

/// The settlement a subcommand names, with its day and `--json`.
fn settlement(action: SettleCmd) -> (Option<String>, Settlement, bool) {
    match action {
        SettleCmd::Link { bank_line, payment, reason, date, json } => {
            (date, Settlement::Link { bank_id: bank_line, payment_id: payment, reason }, json)
        }
        SettleCmd::NextBatch { payment, reason, date, json } => (date, Settlement::NextBatch { payment_id: payment, reason }, json),
        SettleCmd::Enter { bank_line, reason, date, json } => (date, Settlement::EnterByHand { bank_id: bank_line, reason }, json),
    }
}

/// A row: its label in the run's language, then its values, tab-separated.
fn row(ctx: &Ctx, id: &str, values: &[String]) -> String {
    let mut cells = vec![ctx.t(id, &[])];
    cells.extend_from_slice(values);
    cells.join("\t") + "\n"
}

fn totals(ctx: &Ctx, t: &quay_app::dayend::DayTotals, json: bool) -> quay_app::Result<String> {
    if json {
        return pretty(t);
    }
    let m = |minor: i64| ctx.money(minor);
    let mut out = [
        row(ctx, "cli-dayend-sales", &[t.sales.count.to_string(), m(t.sales.amount)]),
        row(ctx, "cli-dayend-voids", &[t.voids.count.to_string(), m(t.voids.amount)]),
        row(ctx, "cli-dayend-refunds", &[t.refunds.count.to_string(), m(t.refunds.amount)]),
        row(ctx, "cli-dayend-declined", &[t.declined.to_string()]),
        row(ctx, "cli-dayend-net", &[m(t.net)]),
        row(ctx, "cli-dayend-cash-expected", &[m(t.cash_expected)]),
    ]
    .concat();
    let groups = [
        ("cli-dayend-tender", "tender", &t.tenders),
        ("cli-dayend-voucher", "partner", &t.vouchers),
        ("cli-dayend-wallet", "wallet", &t.wallets),
        ("cli-dayend-card", "brand", &t.card_brands),
    ];
    for (id, name, rows) in groups {
        out.extend(rows.iter().map(|(k, v)| format!("{}\t{}\t{}\n", ctx.t1(id, name, k), v.count, m(v.amount))));
    }
    Ok(out)
}

/// The terminal's batch beside the counter's card payments, brand by brand.
fn batch(ctx: &Ctx, b: &quay_app::dayend::terminal::TerminalBatch, json: bool) -> quay_app::Result<String> {
    if json {
        return pretty(b);
    }
    let m = |minor: i64| ctx.money(minor);
    let mut out = format!("{}\t{}\t{}\n", b.terminal, b.date, ctx.t1("cli-batch-agrees", "agrees", b.agrees));
    for x in &b.brands {
        let count_amount = |n: &dyn ToString, a: i64| [("count", n.to_string().into()), ("amount", m(a).into())];
        let counter = ctx.t("cli-batch-counter", &count_amount(&x.counter.count, x.counter.amount));
        let terminal = ctx.t("cli-batch-terminal", &count_amount(&x.terminal.count, x.terminal.amount));
        let difference = ctx.t1("cli-difference-amount", "amount", m(x.difference));
        out.push_str(&format!("{}\t{counter}\t{terminal}\t{difference}\n", x.brand));
    }
    let totals = [
        ctx.t1("cli-counter-amount", "amount", m(b.counter_total)),
        ctx.t1("cli-terminal-amount", "amount", m(b.terminal_total)),
        ctx.t1("cli-difference-amount", "amount", m(b.difference)),
    ];
    out.push_str(&row(ctx, "cli-total", &totals));
    Ok(out)
}

fn preset(ctx: &Ctx, cmd: PresetCmd) -> quay_app::Result<String> {
    let (c, who) = (ctx.counter, ctx.who()?);
    match cmd {
        PresetCmd::Save { name, file } => {
            let text = String::from_utf8_lossy(&read(&file)?).to_string();
            Ok(format!("{}\n", c.save_bank_preset(&who, &name, &text)?.name))
        }
        PresetCmd::Show { name } => pretty(&c.bank_preset(&who, &name)?),
        PresetCmd::List => Ok(c.bank_preset_names(&who)?.iter().map(|n| format!("{n}\n")).collect()),
        PresetCmd::Suggest { file, try_preset: None } => pretty(&c.bank_file_sample(&who, &read(&file)?, None, None)?.suggested),
        PresetCmd::Suggest { file, try_preset: Some(p) } => {
            let text = String::from_utf8_lossy(&read(&p)?).to_string();
            let preset: quay_app::dayend::Preset =
                serde_json::from_str(&text).map_err(|e| AppError::new("err-bank-preset-json", vec![("detail", e.to_string().into())]))?;
            pretty(&c.preview_bank_preset(&who, &read(&file)?, &preset)?)
        }
    }
}

fn report(ctx: &Ctx, day: chrono::NaiveDate, pdf: Option<PathBuf>, csv: Option<PathBuf>) -> quay_app::Result<String> {
    let (c, who) = (ctx.counter, ctx.who()?);
    let mut out = String::new();
    if let Some(path) = pdf {
        quay_app::files::write_private(&path, &c.day_report_pdf(&who, day, ctx.lang)?)?;
        out.push_str(&format!("{}\n", path.display()));
    }
    if let Some(path) = csv {
        quay_app::files::write_private(&path, c.day_report_csv(&who, day)?.as_bytes())?;
        out.push_str(&format!("{}\n", path.display()));
    }
    Ok(out)
}

fn close(ctx: &Ctx, c: &quay_app::dayend::DayClose, json: bool) -> quay_app::Result<String> {
    if json {
        return pretty(c);
    }
    let m = |minor: i64| ctx.money(minor);
    let (by, at) = (ctx.t1("cli-dayend-closed-by", "name", &c.closed_by), ctx.t1("cli-dayend-closed-at", "at", &c.closed_at));
    let mut out = row(ctx, "cli-dayend-closed", &[c.date.to_string(), by, at]);
    out.push_str(&row(ctx, "cli-dayend-cash-expected", &[m(c.cash_expected)]));
    if let (Some(counted), Some(diff)) = (c.cash_counted, c.cash_difference) {
        out.push_str(&row(ctx, "cli-dayend-cash-counted", &[m(counted)]));
        out.push_str(&row(ctx, "cli-difference", &[m(diff)]));
    }
    Ok(out)
}
