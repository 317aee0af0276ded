//! `quay connect …` and `quay config …`: the technician's connection tests and settings,
//! headless. Each step of a test is printed with its result in the chosen language; the
//! command exits non-zero when a step failed (the steps are printed first); `--pdf FILE`
//! writes the printable report (what the partner asks for as proof), whether the test
//! passed or not.

use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};
use quay_app::setup::{self, ConnectionReport, Target};
use quay_app::AppError;
use serde_json::json;

use super::{block_on, read_secret_stdin, Ctx};

#[derive(Subcommand, Debug)]
pub enum ConnectCmd {
    /// Tests the connection to the hub, a voucher partner (momo, giftpop) or the card
    /// terminal for real, step by step.
    Test {
        #[arg(value_enum)]
        target: TargetArg,
        /// Writes the connection report (PDF, in the language of this run) to FILE.
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum TargetArg {
    Hub,
    Momo,
    Giftpop,
    Terminal,
    /// MoMo's payment API (wallet payments; `momo` is the voucher partner).
    MomoPay,
    Zalopay,
    Vnpay,
    /// Alipay face-to-face (a CNY counter).
    Alipay,
    /// Nhanh.vn: the token, its expiry, the permissions, the webhook listener.
    Nhanh,
}

impl From<TargetArg> for Target {
    fn from(t: TargetArg) -> Target {
        match t {
            TargetArg::Hub => Target::Hub,
            TargetArg::Momo => Target::Momo,
            TargetArg::Giftpop => Target::Giftpop,
            TargetArg::Terminal => Target::Terminal,
            TargetArg::MomoPay => Target::MomoPay,
            TargetArg::Zalopay => Target::Zalopay,
            TargetArg::Vnpay => Target::Vnpay,
            TargetArg::Alipay => Target::Alipay,
            TargetArg::Nhanh => Target::Nhanh,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum ConfigCmd {
    Set { key: String, value: String },
    Get { key: String },
}

pub fn run(ctx: &Ctx, cmd: ConnectCmd) -> quay_app::Result<String> {
    let ConnectCmd::Test { target, pdf, json } = cmd;
    let target = Target::from(target);
    let who = ctx.who()?;
    // The hub and Viva clients are async; ZVT's enquiry runs on the blocking pool.
    let report = block_on(ctx.counter.test_connection(&who, target))?;
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
