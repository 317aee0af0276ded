//! What both faces need to turn what a person typed into a use case's arguments: dates,
//! amounts, sale ids, JSON printing, and the error of a counter that cannot open.

use quay_app::{AppError, Counter};

/// A business day typed as `YYYY-MM-DD`; none (or empty) is today.
pub fn day(counter: &Counter, date: Option<&str>) -> quay_app::Result<chrono::NaiveDate> {
    date.filter(|d| !d.is_empty()).map(quay_app::parse_date).transpose().map(|d| d.unwrap_or_else(|| counter.today()))
}

/// An amount typed in the counter's currency; none (or blank) is `None`.
pub fn amount(counter: &Counter, text: Option<&str>) -> quay_app::Result<Option<quay_core::Money>> {
    text.filter(|t| !t.trim().is_empty()).map(|t| counter.parse_amount(t)).transpose()
}

/// A sale's id as the faces show it.
pub fn sale_id(id: &str) -> quay_app::Result<uuid::Uuid> {
    uuid::Uuid::parse_str(id.trim()).map_err(|_| AppError::new("err-no-such-sale", vec![("id", id.into())]))
}

/// A required value that was not given.
pub fn missing(key: &str) -> AppError {
    AppError::new("err-config-value", vec![("key", key.to_string().into()), ("value", "".into())])
}

/// A value as pretty JSON (the command line's `--json`).
pub fn pretty(v: &impl serde::Serialize) -> quay_app::Result<String> {
    serde_json::to_string_pretty(v).map_err(AppError::internal)
}

/// Says, in English (no counter, so no language yet), why the counter cannot open; the
/// exit code.
pub fn refuse_start(e: &AppError) -> i32 {
    let l = quay_i18n::Localizer::new().expect("built-in locales load");
    eprintln!("quay: {}", l.error(quay_i18n::Lang::En, e));
    1
}

/// Logs to stderr at `QUAY_LOG`'s level, or `default` (the window says more than the
/// command line, whose stderr is its one-line answer).
pub fn init_logging(default: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("QUAY_LOG").unwrap_or_else(|_| default.into());
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
}
