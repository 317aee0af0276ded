//! `quay dayend …`: the manager's close of the business day, headless.

use std::path::PathBuf;

use clap::Subcommand;
use quay_app::dayend::bank::BankReconciliation;
use quay_app::dayend::report::category_name;
use quay_app::dayend::Settlement;
use quay_app::{AppError, Counter};
use quay_core::auth::Action;
use quay_core::Money;
use quay_i18n::Lang;

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

fn day(counter: &Counter, date: Option<&str>) -> Result<chrono::NaiveDate, AppError> {
    date.map(quay_app::parse_date).transpose().map(|d| d.unwrap_or_else(|| counter.today()))
}

fn pretty(v: &impl serde::Serialize) -> Result<String, AppError> {
    serde_json::to_string_pretty(v).map_err(AppError::internal)
}

fn read(path: &std::path::Path) -> Result<Vec<u8>, AppError> {
    std::fs::read(path).map_err(|e| AppError::io(path, e))
}

fn write(path: &std::path::Path, bytes: &[u8]) -> Result<(), AppError> {
    quay_app::files::write_private(path, bytes)
}

/// One line per bank line and card payment: side, reference, amount, category, match.
fn reconciliation_text(r: &BankReconciliation) -> String {
    let mut out = String::new();
    if let Some(i) = &r.import {
        out.push_str(&format!(
            "file\t{}\t{} lines\t{} new{}\n",
            i.preset,
            i.lines,
            i.new_lines,
            if i.already_imported { format!("\talready imported for {}", i.date) } else { String::new() }
        ));
    }
    for (c, n) in &r.summary.counts {
        if *n > 0 {
            out.push_str(&format!("{}\t{n}\n", category_name(*c)));
        }
    }
    for t in &r.summary.totals {
        out.push_str(&format!(
            "total {}\tcounter {}\tbank {}\tfees {}\tnext batch {}\tdifference {}\n",
            t.currency.code(),
            t.counter.to_major_string(),
            t.bank.to_major_string(),
            t.fees.to_major_string(),
            t.next_batch.to_major_string(),
            t.difference.to_major_string()
        ));
    }
    let to = |m: &Option<quay_app::dayend::Item>| {
        m.as_ref().map(|i| quay_app::dayend::bank::item_id(i).to_string()).unwrap_or_else(|| "-".into())
    };
    for l in &r.bank_lines {
        out.push_str(&format!(
            "bank\t{}\t{}\t{}\t{}\t{}\n",
            l.line,
            l.id,
            l.amount_text,
            category_name(l.outcome.category),
            to(&l.outcome.matched_to)
        ));
    }
    for p in &r.counter_payments {
        out.push_str(&format!(
            "counter\t-\t{}\t{}\t{}\t{}\n",
            p.id,
            p.amount_text,
            category_name(p.outcome.category),
            to(&p.outcome.matched_to)
        ));
    }
    out
}

pub fn run(counter: &Counter, cmd: DayendCmd, lang: Lang) -> Result<String, AppError> {
    let f = counter.i18n().formatter(lang);
    let cur = counter.config().currency;
    let m = |minor: i64| f.money(Money::new(minor, cur));
    match cmd {
        DayendCmd::Totals { date, json } => {
            crate::cli::actor(counter, Action::Reconcile)?;
            let t = counter.day_totals(day(counter, date.as_deref())?)?;
            if json {
                return pretty(&t);
            }
            let mut out = format!(
                "sales\t{}\t{}\nvoids\t{}\t{}\nrefunds\t{}\t{}\ndeclined\t{}\nnet\t{}\ncash expected\t{}\n",
                t.sales.count,
                m(t.sales.amount),
                t.voids.count,
                m(t.voids.amount),
                t.refunds.count,
                m(t.refunds.amount),
                t.declined,
                m(t.net),
                m(t.cash_expected)
            );
            for (k, v) in &t.tenders {
                out.push_str(&format!("tender {k}\t{}\t{}\n", v.count, m(v.amount)));
            }
            for (k, v) in &t.vouchers {
                out.push_str(&format!("voucher {k}\t{}\t{}\n", v.count, m(v.amount)));
            }
            for (k, v) in &t.card_brands {
                out.push_str(&format!("card {k}\t{}\t{}\n", v.count, m(v.amount)));
            }
            Ok(out)
        }
        DayendCmd::Terminal { date, json } => {
            let actor = crate::cli::actor(counter, Action::CloseDay)?;
            let b = counter.terminal_batch(day(counter, date.as_deref())?, &actor)?;
            if json {
                return pretty(&b);
            }
            let mut out = format!("{}\t{}\tagrees {}\n", b.terminal, b.date, b.agrees);
            for x in &b.brands {
                out.push_str(&format!(
                    "{}\tcounter {} {}\tterminal {} {}\tdifference {}\n",
                    x.brand,
                    x.counter.count,
                    m(x.counter.amount),
                    x.terminal.count,
                    m(x.terminal.amount),
                    m(x.difference)
                ));
            }
            out.push_str(&format!(
                "total\tcounter {}\tterminal {}\tdifference {}\n",
                m(b.counter_total),
                m(b.terminal_total),
                m(b.difference)
            ));
            Ok(out)
        }
        DayendCmd::Reconcile { bank_file, preset, date, json } => {
            let actor = crate::cli::actor(counter, Action::Reconcile)?;
            let d = day(counter, date.as_deref())?;
            let r = match bank_file {
                Some(path) => {
                    let bytes = read(&path)?;
                    let name = path.file_name().map(|n| n.to_string_lossy().to_string());
                    counter.reconcile_bank_file(d, &bytes, preset.as_deref().unwrap_or("generic"), name.as_deref(), &actor)?
                }
                None => counter.bank_reconciliation(d)?,
            };
            if json {
                pretty(&r)
            } else {
                Ok(reconciliation_text(&r))
            }
        }
        DayendCmd::Settle { action } => {
            let (d, s, json, what) = match action {
                SettleCmd::Link { bank_line, payment, reason, date, json } => {
                    (date, Settlement::Link { bank_id: bank_line, payment_id: payment, reason }, json, Action::Reconcile)
                }
                SettleCmd::NextBatch { payment, reason, date, json } => {
                    (date, Settlement::NextBatch { payment_id: payment, reason }, json, Action::Reconcile)
                }
                SettleCmd::Enter { bank_line, reason, date, json } => {
                    (date, Settlement::EnterByHand { bank_id: bank_line, reason }, json, Action::ManualBankEntry)
                }
            };
            let actor = crate::cli::actor(counter, what)?;
            let r = counter.settle_bank(day(counter, d.as_deref())?, s, &actor)?;
            if json {
                pretty(&r)
            } else {
                Ok(reconciliation_text(&r))
            }
        }
        DayendCmd::Preset { cmd } => match cmd {
            PresetCmd::Save { name, file } => {
                let actor = crate::cli::actor(counter, Action::Reconcile)?;
                let text = String::from_utf8_lossy(&read(&file)?).to_string();
                let p = counter.save_bank_preset(&name, &text, &actor)?;
                Ok(format!("{}\n", p.name))
            }
            PresetCmd::Show { name } => pretty(&counter.bank_preset(&name)?),
            PresetCmd::List => Ok(counter.bank_preset_names()?.iter().map(|n| format!("{n}\n")).collect()),
            PresetCmd::Suggest { file, try_preset } => {
                crate::cli::actor(counter, Action::Reconcile)?;
                let bytes = read(&file)?;
                match try_preset {
                    None => pretty(&counter.bank_file_sample(&bytes, None, None)?.suggested),
                    Some(p) => {
                        let text = String::from_utf8_lossy(&read(&p)?).to_string();
                        let preset: quay_app::dayend::Preset = serde_json::from_str(&text)
                            .map_err(|e| AppError::new("err-bank-preset-json", vec![("detail", e.to_string().into())]))?;
                        pretty(&counter.preview_bank_preset(&bytes, &preset)?)
                    }
                }
            }
        },
        DayendCmd::Report { date, pdf, csv } => {
            crate::cli::actor(counter, Action::Reconcile)?;
            let d = day(counter, date.as_deref())?;
            let mut out = String::new();
            if let Some(path) = pdf {
                write(&path, &counter.day_report_pdf(d, lang)?)?;
                out.push_str(&format!("{}\n", path.display()));
            }
            if let Some(path) = csv {
                write(&path, counter.day_report_csv(d)?.as_bytes())?;
                out.push_str(&format!("{}\n", path.display()));
            }
            Ok(out)
        }
        DayendCmd::Close { date, cash_counted, reason, json } => {
            let actor = crate::cli::actor(counter, Action::CloseDay)?;
            let counted = cash_counted.as_deref().map(|c| counter.parse_amount(c)).transpose()?;
            let c = counter.close_day(day(counter, date.as_deref())?, counted, reason.as_deref(), &actor)?;
            if json {
                return pretty(&c);
            }
            let mut out = format!("closed\t{}\tby {}\tat {}\ncash expected\t{}\n", c.date, c.closed_by, c.closed_at, m(c.cash_expected));
            if let (Some(counted), Some(diff)) = (c.cash_counted, c.cash_difference) {
                out.push_str(&format!("cash counted\t{}\ndifference\t{}\n", m(counted), m(diff)));
            }
            Ok(out)
        }
    }
}
