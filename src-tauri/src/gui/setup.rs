//! The technician's settings and connection tests.

use quay_app::setup::{ReportView, SettingsView, Target};
use serde::Serialize;
use tauri::State;

use super::{call, reply, Reply, Shared};

/// The technician's settings, grouped; secrets only say whether they are set.
#[tauri::command]
pub async fn settings_view(c: State<'_, Shared>) -> Reply<SettingsView> {
    call(&c, move |c, who| c.settings_view(who, c.lang())).await
}

/// Saves a batch of settings: all valid or none saved; each change audited.
#[tauri::command]
pub async fn settings_save(c: State<'_, Shared>, changes: Vec<(String, String)>) -> Reply<SettingsView> {
    call(&c, move |c, who| c.save_settings(who, &changes)).await
}

#[derive(Debug, Serialize)]
pub struct ConnectionTested {
    report: ReportView,
    /// The printable report (PDF, in the counter's language), written under the data
    /// directory's `reports/`.
    pdf_path: String,
}

/// "Test connection": really calls the hub, a voucher partner or the terminal, step by
/// step; the test is audited and its report written as a PDF.
#[tauri::command]
pub async fn connection_test(c: State<'_, Shared>, target: String) -> Reply<ConnectionTested> {
    let tested = async {
        let who = c.session_who(&c.checkout)?;
        // `vpos:NAME` tests one virtual POS definition.
        let report = match (target.strip_prefix("vpos:"), target.strip_prefix("printer:")) {
            (Some(name), _) => c.test_vpos_connection(&who, name).await?,
            (_, Some(name)) => c.test_printer_connection(&who, name).await?,
            (None, None) => {
                let target = Target::parse(&target)
                    .ok_or_else(|| quay_app::AppError::new("err-unknown-target", vec![("target", target.as_str().into())]))?;
                c.test_connection(&who, target).await?
            }
        };
        let lang = c.lang();
        let path = c.save_connection_report(&report, lang)?;
        Ok(ConnectionTested { report: c.connection_report_screen_view(&report, lang), pdf_path: path.display().to_string() })
    };
    let result = tested.await;
    reply(&c, result)
}
