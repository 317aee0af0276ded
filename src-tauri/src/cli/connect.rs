//! `quay connect …` and `quay config …`: the technician's connection tests and settings,
//! headless. Each step of a test is printed with its result in the chosen language; the
//! command exits non-zero when a step failed (the steps are printed first); `--pdf FILE`
//! writes the printable report (what the partner asks for as proof), whether the test
//! passed or not.

use std::path::PathBuf;

use clap::Subcommand;
use quay_app::connections::{DetailsEdit, PartnerRow, RecordStep};
use quay_app::setup::{self, ConnectionReport, Target};
use quay_app::AppError;
use serde_json::json;

use super::{block_on, read_secret_stdin, Ctx};
use crate::shared::pretty;

#[derive(Subcommand, Debug)]
pub enum ConnectCmd {
    /// Tests the connection to the hub, a voucher partner (momo, giftpop) or the card
    /// terminal for real, step by step.
    Test {
        /// hub, momo, giftpop, terminal, momo-pay, zalopay, vnpay, alipay, nhanh, vpos, vpos:NAME, printer, printer:NAME
        #[arg(value_parser = parse_target)]
        target: TargetArg,
        /// Writes the connection report (PDF, in the language of this run) to FILE.
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Records the next step of a partner connection (seed 000), with its evidence:
    /// requested → confirmed → deployed → approved → connected, or disabled. `connected`
    /// runs the partner's connection test and attaches its proof.
    Record {
        /// momo, giftpop, vnpay, zalopay, alipay, nhanh, viva or vpos:NAME.
        partner: String,
        /// requested, confirmed, deployed, approved, connected or disabled.
        #[arg(long)]
        step: String,
        /// The partner's request reference (requested), the approval reference in the
        /// partner's CMS (approved).
        #[arg(long = "ref", value_name = "REF")]
        reference: Option<String>,
        /// Who confirmed (confirmed): merchant, and for MoMo also leader. Repeatable.
        #[arg(long = "confirmation", value_name = "WHO")]
        confirmations: Vec<String>,
        /// A note (why, for disabled).
        #[arg(long)]
        note: Option<String>,
        #[command(flatten)]
        details: DetailsArgs,
        #[arg(long)]
        json: bool,
    },
    /// Shows the partner connections (one partner's steps when named).
    Show {
        partner: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The deployment note of a partner connection, as text; `--pdf FILE` also writes it
    /// as a PDF.
    Note {
        partner: String,
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
    },
    /// Writes the proof of a connection (the connection test's PDF and its PNG).
    Proof {
        partner: String,
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        png: Option<PathBuf>,
    },
    /// The month-end list of points connected in MONTH (YYYY-MM): the hub's list of the
    /// brand when it answers, else this counter's records (said so).
    Points {
        #[arg(long)]
        month: String,
        #[arg(long, value_name = "FILE")]
        xlsx: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Sends the connection records waiting for the hub now.
    Push,
}

/// The deployment note's details, typed (an empty value clears one back to what the
/// counter knows).
#[derive(clap::Args, Debug, Default)]
pub struct DetailsArgs {
    #[arg(long)]
    point_name: Option<String>,
    #[arg(long)]
    address: Option<String>,
    /// The merchant's contact person.
    #[arg(long)]
    contact: Option<String>,
    /// The contact's phone number.
    #[arg(long)]
    phone: Option<String>,
    /// The partner's code for this point (GiftPop).
    #[arg(long)]
    point_code: Option<String>,
    #[arg(long)]
    notes: Option<String>,
}

/// What `connect test` tests: a target's name (`hub`, `momo`, `giftpop`, `terminal`,
/// `momo-pay`, `zalopay`, `vnpay`, `alipay`, `nhanh`, `vpos` for every virtual POS) or
/// `vpos:NAME` for one virtual POS definition.
#[derive(Clone, Debug)]
pub struct TargetArg {
    pub target: Target,
    pub name: Option<String>,
}

pub fn parse_target(s: &str) -> Result<TargetArg, String> {
    if let Some(name) = s.strip_prefix("printer:") {
        let station = name.strip_prefix("kitchen.").unwrap_or(name);
        if name != "receipt" && !quay_app::setup::station_name(station) {
            return Err(format!("{name:?}: receipt, kitchen.STATION or STATION"));
        }
        return Ok(TargetArg { target: Target::Printer, name: Some(name.to_string()) });
    }
    if let Some(name) = s.strip_prefix("vpos:") {
        quay_app::vpos::check_name(name).map_err(|e| e.detail.clone())?;
        return Ok(TargetArg { target: Target::Vpos, name: Some(name.to_string()) });
    }
    let names: Vec<&str> = Target::ALL.iter().map(|t| t.as_str()).collect();
    Target::parse(s)
        .map(|target| TargetArg { target, name: None })
        .ok_or_else(|| format!("{s:?}: one of {}, vpos:NAME or printer:NAME", names.join(", ")))
}

#[derive(Subcommand, Debug)]
pub enum ConfigCmd {
    Set { key: String, value: String },
    Get { key: String },
}

pub fn run(ctx: &Ctx, cmd: ConnectCmd) -> quay_app::Result<String> {
    let (target, pdf, json) = match cmd {
        ConnectCmd::Test { target, pdf, json } => (target, pdf, json),
        other => return records(ctx, other),
    };
    let TargetArg { target, name } = target;
    let who = ctx.who()?;
    // The hub and Viva clients are async; ZVT's enquiry runs on the blocking pool.
    let report = match (target, name) {
        (Target::Printer, Some(name)) => block_on(ctx.counter.test_printer_connection(&who, &name))?,
        (_, Some(name)) => block_on(ctx.counter.test_vpos_connection(&who, &name))?,
        (_, None) => block_on(ctx.counter.test_connection(&who, target))?,
    };
    let mut out = report_text(ctx, &report, json)?;
    if let Some(path) = pdf {
        quay_app::files::write_private(&path, &ctx.counter.connection_report_pdf(&report, ctx.lang)?)?;
        if !json {
            out.push_str(&ctx.t("setup-report-written", &[("path", path.display().to_string().into())]));
            out.push('\n');
        }
    }
    let Some(step) = report.failed_step() else { return Ok(out) };
    // The steps go to stdout before the one-line refusal on stderr.
    super::print(&out);
    let (target, step) = (ctx.t(target.label_id(), &[]), ctx.counter.i18n().t(ctx.lang, step.id, &step.args));
    Err(AppError::new("err-connect-failed", vec![("target", target.into()), ("step", step.into())]))
}

fn report_text(ctx: &Ctx, report: &ConnectionReport, json: bool) -> quay_app::Result<String> {
    let view = ctx.counter.connection_report_view(report, ctx.lang);
    if json {
        return serde_json::to_string_pretty(&json!({"ok": report.ok, "report": report, "localized": view})).map_err(AppError::internal);
    }
    Ok(setup::report_text(&view))
}

pub fn config(ctx: &Ctx, cmd: ConfigCmd) -> quay_app::Result<String> {
    match cmd {
        ConfigCmd::Set { key, value } => {
            // A secret given as `-` is read from stdin, once the PIN's member may configure.
            let value = |secret: bool| if secret && value == "-" { read_secret_stdin() } else { Ok(value) };
            ctx.counter.configure_one(&ctx.who()?, &key, value)?;
            Ok(String::new())
        }
        ConfigCmd::Get { key } => ctx.counter.setting_value(&ctx.who()?, &key),
    }
}

/// The partner connection records (seed 000).
fn records(ctx: &Ctx, cmd: ConnectCmd) -> quay_app::Result<String> {
    let c = &ctx.counter;
    match cmd {
        ConnectCmd::Test { .. } => unreachable!("handled by run"),
        ConnectCmd::Record { partner, step, reference, confirmations, note, details, json } => {
            let who = ctx.who()?;
            let details = DetailsEdit {
                point_name: details.point_name,
                address: details.address,
                contact_name: details.contact,
                contact_phone: details.phone,
                point_code: details.point_code,
                notes: details.notes,
            };
            let req = RecordStep { reference, confirmations, note, details };
            let view = block_on(c.record_connection_step(&who, &partner, &step, req))?;
            let key = quay_core::connection::Partner::parse(&partner).map(|p| p.to_string()).unwrap_or(partner);
            let row = view.partners.into_iter().find(|r| r.partner == key).ok_or_else(|| AppError::internal("recorded partner missing"))?;
            if json {
                return neutral(&row);
            }
            let mut out = ctx.t("conn-cli-recorded", &[("partner", row.name.as_str().into()), ("step", step_name(ctx, row.status).into())]);
            out.push('\n');
            if view.queued > 0 {
                out.push_str(&ctx.t("conn-cli-queued", &[("count", i64::from(view.queued).into())]));
                out.push('\n');
            }
            Ok(out)
        }
        ConnectCmd::Show { partner: Some(partner), json } => {
            let row = c.connection_row(&ctx.who()?, &partner)?;
            if json {
                return neutral(&row);
            }
            Ok(row_text(ctx, &row, true))
        }
        ConnectCmd::Show { partner: None, json } => {
            let view = c.connections_view(&ctx.who()?)?;
            if json {
                return neutral(&view);
            }
            let mut out = String::new();
            for row in &view.partners {
                out.push_str(&row_text(ctx, row, false));
            }
            if view.queued > 0 {
                out.push_str(&ctx.t("conn-cli-queued", &[("count", i64::from(view.queued).into())]));
                out.push('\n');
            }
            Ok(out)
        }
        ConnectCmd::Note { partner, pdf } => {
            let note = c.connection_note(&ctx.who()?, &partner, ctx.lang)?;
            let mut out = note.text.clone();
            if let Some(path) = pdf {
                quay_app::files::write_private(&path, c.connection_note_pdf(&note, ctx.lang)?)?;
                out.push_str(&ctx.t("setup-report-written", &[("path", path.display().to_string().into())]));
                out.push('\n');
            }
            Ok(out)
        }
        ConnectCmd::Proof { partner, pdf, png } => {
            let proof = c.connection_proof(&ctx.who()?, &partner)?;
            let mut out = ctx.t("conn-cli-proof", &[("at", proof.at.as_str().into()), ("sha", proof.sha256.as_str().into())]);
            out.push('\n');
            for (path, bytes) in [(pdf, &proof.pdf), (png, &proof.png)] {
                if let Some(path) = path {
                    quay_app::files::write_private(&path, bytes)?;
                    out.push_str(&ctx.t("setup-report-written", &[("path", path.display().to_string().into())]));
                    out.push('\n');
                }
            }
            Ok(out)
        }
        ConnectCmd::Points { month, xlsx, csv, json } => {
            let list = block_on(c.connection_points(&ctx.who()?, &month))?;
            if let Some(path) = &xlsx {
                quay_app::files::write_private(path, c.points_xlsx(&list, ctx.lang)?)?;
            }
            if let Some(path) = &csv {
                quay_app::files::write_private(path, quay_app::connections::points::points_csv(&list)?)?;
            }
            if json {
                return neutral(&list);
            }
            let mut out = String::new();
            for r in &list.rows {
                out.push_str(&format!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                    r.connected_at,
                    r.pos_parent,
                    r.pos_id,
                    r.point_name,
                    r.partner,
                    r.request_ref,
                    r.approval_ref,
                    r.source.as_str()
                ));
            }
            let count = ("count", (list.rows.len() as i64).into());
            out.push_str(&ctx.t(&format!("conn-list-source-{}", list.source), &[]));
            out.push('\n');
            out.push_str(&ctx.t("conn-cli-points", &[count, ("month", list.month.as_str().into())]));
            out.push('\n');
            for path in [xlsx, csv].into_iter().flatten() {
                out.push_str(&ctx.t("setup-report-written", &[("path", path.display().to_string().into())]));
                out.push('\n');
            }
            Ok(out)
        }
        ConnectCmd::Push => {
            let who = ctx.who()?;
            c.connections_view(&who)?;
            let r = block_on(c.push_connection_records())?;
            let counts = [("sent", i64::from(r.sent).into()), ("pending", i64::from(r.pending).into())];
            let out = format!("{}\n", ctx.t("conn-cli-pushed", &counts));
            let refused = c.connections_view(&who)?.refused;
            if refused == 0 {
                return Ok(out);
            }
            // Refused records stay, marked, and are never resent: a person must look.
            super::print(&out);
            Err(AppError::new("err-conn-refused", vec![("count", i64::from(refused).into())]))
        }
    }
}

/// JSON for scripts: the same in every language (the localized `*_text` fields and
/// messages left out; codes and ISO times stay).
fn neutral(v: &impl serde::Serialize) -> quay_app::Result<String> {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                map.retain(|k, _| !k.ends_with("_text") && k != "hub_error");
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut value = serde_json::to_value(v).map_err(AppError::internal)?;
    strip(&mut value);
    pretty(&value)
}

fn step_name(ctx: &Ctx, s: Option<quay_core::connection::Stage>) -> String {
    ctx.t(&format!("conn-status-{}", s.map(|s| s.as_str()).unwrap_or("none")), &[])
}

/// A partner's line (and its steps when `steps`), tab-separated for scripts.
fn row_text(ctx: &Ctx, row: &PartnerRow, steps: bool) -> String {
    // Machine columns (ids, ISO times) first; the words after.
    let last = row.steps.last().map(|s| s.at.as_str()).unwrap_or("-");
    let id = row.status.map(|s| s.as_str()).unwrap_or("none");
    let mut out = format!("{}\t{id}\t{last}\t{}\n", row.partner, step_name(ctx, row.status));
    if steps {
        for s in &row.steps {
            let mut evidence = Vec::new();
            if let Some(r) = &s.reference {
                evidence.push(format!("ref={r}"));
            }
            if !s.confirmations.is_empty() {
                evidence.push(s.confirmations.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(","));
            }
            if let Some(n) = &s.note {
                evidence.push(n.clone());
            }
            if s.proof {
                evidence.push(ctx.t("conn-cli-proof-attached", &[]));
            }
            out.push_str(&format!("  {}\t{}\t{}\t{}\n", s.step.as_str(), s.at, s.by, evidence.join(" · ")));
        }
        if let Some(next) = row.next {
            out.push_str(&ctx.t("conn-cli-next", &[("step", step_name(ctx, Some(next)).into())]));
            out.push('\n');
        }
    }
    out
}
