//! `quay dayend …`: the manager's close of the business day, headless.

use clap::Subcommand;
use quay_app::{AppError, Counter};
use quay_i18n::Lang;

#[derive(Subcommand, Debug)]
pub enum DayendCmd {}

pub fn run(_counter: &Counter, cmd: DayendCmd, _lang: Lang) -> Result<String, AppError> {
    match cmd {}
}
