//! `quay connect …` and `quay config …`: the technician's connection tests and settings,
//! headless. Each step of a test is printed with its result in the chosen language; the
//! command exits non-zero when a step failed (the steps are printed first); `--pdf FILE`
//! writes the printable report (what the partner asks for as proof), whether the test
//! passed or not.

use std::path::PathBuf;

use clap::Subcommand;
use quay_app::setup::{self, ConnectionReport, Target};
use quay_app::AppError;
use serde_json::json;

use super::{block_on, read_secret_stdin, Ctx};

#[derive(Subcommand, Debug)]
pub enum ConnectCmd {
    /// Tests the connection to the hub, a voucher partner (momo, giftpop) or the card
    /// terminal for real, step by step.
    Test {
        /// hub, momo, giftpop, terminal, momo-pay, zalopay, vnpay, alipay, nhanh, vpos, vpos:NAME
        #[arg(value_parser = parse_target)]
        target: TargetArg,
        /// Writes the connection report (PDF, in the language of this run) to FILE.
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
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
    if let Some(name) = s.strip_prefix("vpos:") {
        quay_app::vpos::check_name(name).map_err(|e| e.detail.clone())?;
        return Ok(TargetArg { target: Target::Vpos, name: Some(name.to_string()) });
    }
    let names: Vec<&str> = Target::ALL.iter().map(|t| t.as_str()).collect();
    Target::parse(s)
        .map(|target| TargetArg { target, name: None })
        .ok_or_else(|| format!("{s:?}: one of {}, or vpos:NAME", names.join(", ")))
}

#[derive(Subcommand, Debug)]
pub enum ConfigCmd {
    Set { key: String, value: String },
    Get { key: String },
}

pub fn run(ctx: &Ctx, cmd: ConnectCmd) -> quay_app::Result<String> {
    let ConnectCmd::Test { target, pdf, json } = cmd;
    let TargetArg { target, name } = target;
    let who = ctx.who()?;
    // The hub and Viva clients are async; ZVT's enquiry runs on the blocking pool.
    let report = match name {
        Some(name) => block_on(ctx.counter.test_vpos_connection(&who, &name))?,
        None => block_on(ctx.counter.test_connection(&who, target))?,
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
