//! Partner connection records (docs/HUB-DECISIONS.md, "Partner connections"): push one
//! record revision (`POST /partners/connections`), list the brand's connections of a
//! month (`GET /partners/connections?month=YYYY-MM`). Signed and verified like every call
//! (`HubClient::call`); what a record may hold is quay-core's (`connection::Record`).

use quay_core::connection::Record;
use reqwest::header::HeaderMap;
use reqwest::Method;
use serde::Deserialize;

use crate::client::{expect_ok, parse, HubClient};
use crate::error::HubError;

/// What the hub did with a pushed record: either way it holds that revision (or a newer
/// one), so the record may leave the counter's outbox.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PushStatus {
    /// A new record, or a higher revision of it.
    Stored,
    /// The hub already had this revision (a resend after a lost answer) or a newer one.
    Duplicate,
}

#[derive(Deserialize)]
struct Pushed {
    status: String,
    id: String,
}

#[derive(Deserialize)]
struct MonthList {
    month: String,
    records: Vec<Record>,
}

/// A query value: anything but [A-Za-z0-9_.~-] is percent-encoded.
fn query_value(s: &str) -> String {
    s.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

impl HubClient {
    /// `POST /partners/connections` with `record_json` as the body, byte for byte (the
    /// stored text, so a resend is identical and the hub answers `duplicate`). A refusal
    /// is `HubError::Refused` (400 `invalid`, 409 `conflict`); a 200 whose status is
    /// neither `stored` nor `duplicate`, or about another id, is `HubError::BadAnswer`.
    pub async fn push_connection(&self, record_json: &str) -> Result<PushStatus, HubError> {
        let sent_id = serde_json::from_str::<serde_json::Value>(record_json)
            .ok()
            .and_then(|v| v.get("id").and_then(|id| id.as_str()).map(str::to_string));
        let a = self.call(Method::POST, "/partners/connections", record_json.as_bytes().to_vec(), HeaderMap::new()).await?;
        expect_ok(&a)?;
        let pushed: Pushed = parse(&a.body)?;
        // A UUID is the same in either case.
        if sent_id.as_deref().is_none_or(|id| !id.eq_ignore_ascii_case(&pushed.id)) {
            return Err(HubError::BadAnswer { detail: format!("sent record {sent_id:?}, the hub answered about {:?}", pushed.id) });
        }
        match pushed.status.as_str() {
            "stored" => Ok(PushStatus::Stored),
            "duplicate" => Ok(PushStatus::Duplicate),
            other => Err(HubError::BadAnswer { detail: format!("connection record answered status {other:?}") }),
        }
    }

    /// `GET /partners/connections?month=YYYY-MM`: the records of every point of the brand
    /// connected in that month (by the recorded local date), as the hub lists them. One
    /// unreadable record, or a list of another month, makes the whole answer an error.
    pub async fn connections(&self, month: &str) -> Result<Vec<Record>, HubError> {
        let path = format!("/partners/connections?month={}", query_value(month));
        let a = self.call(Method::GET, &path, Vec::new(), HeaderMap::new()).await?;
        expect_ok(&a)?;
        let list: MonthList = parse(&a.body)?;
        if list.month != month {
            return Err(HubError::BadAnswer { detail: format!("asked for month {month}, the hub listed {}", list.month) });
        }
        Ok(list.records)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_encoded_for_the_query() {
        assert_eq!(query_value("2026-11"), "2026-11");
        assert_eq!(query_value("2026&x=1"), "2026%26x%3D1");
    }
}
