//! A bank's day report row (Garanti orderlistinq; NestPay's exported file is read elsewhere).

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone};
use quay_core::money::Money;
use serde::{Deserialize, Serialize};

use super::VposError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    Sale,
    Void,
    Refund,
}

impl ReportKind {
    /// Garanti's `Type` (`sales|void|refund`), NestPay's export (`Sale|Void|Refund|Auth|Credit`).
    pub fn parse(s: &str) -> Option<ReportKind> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "sales" | "sale" | "auth" => ReportKind::Sale,
            "void" => ReportKind::Void,
            "refund" | "credit" => ReportKind::Refund,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRow {
    pub order_id: String,
    pub kind: ReportKind,
    /// Positive for every kind.
    pub amount: Money,
    pub at: DateTime<FixedOffset>,
    pub auth_code: Option<String>,
    pub proc_return_code: String,
    pub masked_pan: Option<String>,
}

/// Turkey's offset (no DST since 2016): Garanti's dates are bank local time.
pub fn bank_offset() -> FixedOffset {
    FixedOffset::east_opt(3 * 3600).expect("+03:00")
}

/// `YYYYMMDD HH:MM:SS` in bank local time.
pub fn parse_prov_date(text: &str) -> Result<DateTime<FixedOffset>, VposError> {
    let naive = NaiveDateTime::parse_from_str(text.trim(), "%Y%m%d %H:%M:%S").map_err(|_| VposError::decode(format!("date {text:?}")))?;
    bank_offset().from_local_datetime(&naive).single().ok_or_else(|| VposError::decode(format!("date {text:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_dates() {
        for (s, k) in [
            ("sales", Some(ReportKind::Sale)),
            ("Void", Some(ReportKind::Void)),
            ("refund", Some(ReportKind::Refund)),
            ("Credit", Some(ReportKind::Refund)),
            ("x", None),
        ] {
            assert_eq!(ReportKind::parse(s), k, "{s}");
        }
        assert_eq!(parse_prov_date("20261203 14:05:09").unwrap().to_rfc3339(), "2026-12-03T14:05:09+03:00");
        for bad in ["", "2026-12-03 14:05:09", "20261303 14:05:09"] {
            assert!(parse_prov_date(bad).is_err(), "{bad:?}");
        }
    }
}
