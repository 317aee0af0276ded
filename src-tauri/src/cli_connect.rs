//! `quay connect …`: the technician's connection tests, headless. Each step is printed
//! with its result in the chosen language; the command exits non-zero when a step
//! failed (the steps are printed first); `--pdf FILE` writes the printable report (what
//! the partner asks for as proof), whether the test passed or not.

use std::io::Write;
use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};
use quay_app::setup::{self, Target};
use quay_app::{AppError, Counter, Who};
use quay_i18n::Lang;
use serde_json::json;

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
}

impl From<TargetArg> for Target {
    fn from(t: TargetArg) -> Target {
        match t {
            TargetArg::Hub => Target::Hub,
            TargetArg::Momo => Target::Momo,
            TargetArg::Giftpop => Target::Giftpop,
            TargetArg::Terminal => Target::Terminal,
        }
    }
}

pub fn run(counter: &Counter, cmd: ConnectCmd, lang: Lang, who: &Who) -> Result<String, AppError> {
    match cmd {
        ConnectCmd::Test { target, pdf, json } => {
            let target = Target::from(target);
            // The hub and Viva clients are async; ZVT's enquiry runs on the blocking pool.
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(AppError::internal)?;
            let report = rt.block_on(counter.test_connection(target));
            counter.audit_connection_test(who, &report)?;
            let view = counter.connection_report_view(&report, lang);
            let mut out = if json {
                serde_json::to_string_pretty(&json!({"ok": report.ok, "report": report, "localized": view})).map_err(AppError::internal)?
            } else {
                setup::report_text(&view)
            };
            if let Some(path) = pdf {
                let bytes = counter.connection_report_pdf(&report, lang)?;
                quay_app::files::write_private(&path, &bytes)?;
                if !json {
                    let line = counter.i18n().t(lang, "setup-report-written", &[("path", path.display().to_string().into())]);
                    out.push_str(&line);
                    out.push('\n');
                }
            }
            match report.failed_step() {
                None => Ok(out),
                Some(step) => {
                    // The steps go to stdout before the one-line refusal on stderr.
                    let mut stdout = std::io::stdout().lock();
                    let _ = stdout.write_all(out.as_bytes());
                    if !out.ends_with('\n') {
                        let _ = stdout.write_all(b"\n");
                    }
                    let _ = stdout.flush();
                    let i18n = counter.i18n();
                    Err(AppError::new(
                        "err-connect-failed",
                        vec![("target", i18n.t(lang, target.label_id(), &[]).into()), ("step", i18n.t(lang, step.id, &step.args).into())],
                    ))
                }
            }
        }
    }
}
