//! The technician's setup: every setting a technician may change, in one table with its
//! group and its rule (`SETTINGS`, `validate`); the settings as a face shows them
//! (secrets only as "set or not", never their value); saving a batch of changes (all
//! validated before any is written, each audited); and the connection tests of the hub,
//! each voucher partner and the card terminal, with the printable report a partner asks
//! for as proof of a working connection (seed 000).
//!
//! The tests are `async`: the hub and Viva clients are (tokio). The ZVT driver is
//! blocking, so its status enquiry runs on tokio's blocking pool (`spawn_blocking`),
//! which works on any runtime, current-thread (the command line) or multi-thread (the
//! window). Each test stops at the first failing step: later steps depend on it.

mod connection;
mod report;
mod settings;

pub use connection::{partner_name, ConnectionReport, PointIdentity, RoundTrip, Step, Target, MAX_CLOCK_SKEW_S, TEST_VOUCHER_CODE};
pub(crate) use report::pdf_error;
pub use report::{report_text, report_view, report_view_isolated, ReportView, StepView};
pub use settings::{
    is_secret, key_list, setting, station_name, validate, vat_rates_bp, zvt_config_byte, Group, GroupView, Rule, SettingSpec, SettingView,
    SettingsView, GIFTPOP_ENABLED, GIFTPOP_POINT_CODE, MASK, MOMO_ENABLED, MOMO_POINT_CODE, SETTINGS, STORE_ADDRESS, STORE_CONTACT_NAME,
    STORE_CONTACT_PHONE, STORE_VAT_RATES, TERMINAL_KIND, VIVA_API_KEY, VIVA_MERCHANT_ID, VIVA_SOURCE_CODE, VIVA_URL, VIVA_WAIT, ZVT_BAUD,
    ZVT_CONFIG, ZVT_PASSWORD, ZVT_PORT,
};
