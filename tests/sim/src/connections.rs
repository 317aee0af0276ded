//! Partner connection records (`POST /partners/connections`, `GET /partners/connections`):
//! the hub's store of each point's record per partner and its own validation of them,
//! written from the spec (docs/HUB-DECISIONS.md, "Partner connections"), not from the
//! counter's code. Only the wire form (`Record`) and the step order
//! (`Record::steps_in_order`) come from quay-core; every evidence rule is checked here
//! again. Pure: the body as a JSON value and the signing headers' identity come in.

use std::collections::HashMap;

use quay_core::connection::{Confirmation, Partner, Record, Stage};
use serde_json::{json, Value};

/// Why a record or a list was refused: the HTTP status, the contract's code, a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    pub status: u16,
    pub code: &'static str,
    pub message: String,
}

impl Refused {
    fn invalid(message: impl Into<String>) -> Refused {
        Refused { status: 400, code: "invalid", message: message.into() }
    }

    fn conflict(message: impl Into<String>) -> Refused {
        Refused { status: 409, code: "conflict", message: message.into() }
    }
}

/// What a push did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pushed {
    /// A new record, or a higher revision of a stored one.
    Stored { id: String, revision: u32 },
    /// The same revision again, or an older one: the stored (higher) revision stays.
    Duplicate { id: String, revision: u32 },
}

impl Pushed {
    pub fn answer(&self) -> Value {
        match self {
            Pushed::Stored { id, revision } => json!({"status": "stored", "id": id, "revision": revision}),
            Pushed::Duplicate { id, revision } => json!({"status": "duplicate", "id": id, "revision": revision}),
        }
    }
}

struct Stored {
    /// The record as received (its highest revision).
    value: Value,
    record: Record,
}

/// Every point's records, keyed by id (lowercased: a UUID is the same in either case).
#[derive(Default)]
pub struct Connections {
    by_id: HashMap<String, Stored>,
    /// Ids in the order they were first stored.
    order: Vec<String>,
}

impl Connections {
    /// `POST /partners/connections` from the point `pos_parent`/`pos_id` (the signing
    /// headers'): validated, then checked against what is stored, then kept if newer.
    pub fn push(&mut self, body: &[u8], pos_parent: &str, pos_id: &str) -> Result<Pushed, Refused> {
        let value: Value = serde_json::from_slice(body).map_err(|e| Refused::invalid(format!("the body is not JSON: {e}")))?;
        let record = validate(&value, pos_parent, pos_id).map_err(Refused::invalid)?;
        let key = record.id.to_ascii_lowercase();
        let id = record.id.clone();
        match self.by_id.get_mut(&key) {
            None => {
                let revision = record.revision;
                self.by_id.insert(key.clone(), Stored { value, record });
                self.order.push(key);
                Ok(Pushed::Stored { id, revision })
            }
            Some(stored) => {
                let (p, i) = (&stored.record.pos_parent, &stored.record.pos_id);
                if p != pos_parent || i != pos_id {
                    return Err(Refused::conflict(format!("record {id} belongs to another point ({p}/{i})")));
                }
                let have = stored.record.revision;
                if record.revision == have && value != stored.value {
                    return Err(Refused::conflict(format!("record {id} revision {have} is stored with other content")));
                }
                if record.revision <= have {
                    return Ok(Pushed::Duplicate { id, revision: have });
                }
                // A newer revision only adds steps: the partner and the steps already
                // stored are history, never rewritten.
                if record.partner != stored.record.partner {
                    return Err(Refused::conflict(format!("record {id} is {}, not {}", stored.record.partner, record.partner)));
                }
                let old_steps = &stored.value["steps"];
                let new_steps = &value["steps"];
                if (0..have as usize).any(|i| old_steps[i] != new_steps[i]) {
                    return Err(Refused::conflict(format!("record {id} rewrites steps stored at revision {have}")));
                }
                let revision = record.revision;
                *stored = Stored { value, record };
                Ok(Pushed::Stored { id, revision })
            }
        }
    }

    /// `GET /partners/connections?month=` for a brand: `{"month", "records"}`.
    pub fn month(&self, pos_parent: &str, query: Option<&str>) -> Result<Value, Refused> {
        let month = month_param(query).map_err(Refused::invalid)?;
        let mut records: Vec<&Stored> = self
            .by_id
            .values()
            .filter(|s| s.record.pos_parent == pos_parent)
            .filter(|s| s.record.steps.iter().any(|st| st.step == Stage::Connected && st.at.get(..7) == Some(month.as_str())))
            .collect();
        records.sort_by(|a, b| {
            (&a.record.pos_id, a.record.partner.to_string(), &a.record.id).cmp(&(
                &b.record.pos_id,
                b.record.partner.to_string(),
                &b.record.id,
            ))
        });
        Ok(json!({"month": month, "records": records.iter().map(|s| s.value.clone()).collect::<Vec<_>>()}))
    }

    /// Every stored record (its highest revision), in the order first stored.
    pub fn all(&self) -> Vec<Value> {
        self.order.iter().filter_map(|k| self.by_id.get(k)).map(|s| s.value.clone()).collect()
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

/// `month` exactly once, `YYYY-MM` with a month 01–12.
fn month_param(query: Option<&str>) -> Result<String, String> {
    let mut values = query.unwrap_or("").split('&').filter_map(|p| p.strip_prefix("month="));
    match (values.next(), values.next()) {
        (Some(m), None) => {
            let b = m.as_bytes();
            let ok = b.len() == 7
                && b[4] == b'-'
                && b.iter().enumerate().all(|(i, c)| i == 4 || c.is_ascii_digit())
                && matches!(&m[5..], "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12");
            if ok {
                Ok(m.to_string())
            } else {
                Err(format!("month {m:?} is not YYYY-MM"))
            }
        }
        (None, _) => Err("month is missing (month=YYYY-MM)".into()),
        (Some(_), Some(_)) => Err("month appears more than once".into()),
    }
}

/// A UUID in its hyphenated form (8-4-4-4-12 hex digits, either case), any version.
fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36 && b.iter().enumerate().all(|(i, c)| if matches!(i, 8 | 13 | 18 | 23) { *c == b'-' } else { c.is_ascii_hexdigit() })
}

fn blank(v: &Option<String>) -> bool {
    v.as_deref().is_none_or(|s| s.trim().is_empty())
}

/// Checks one record as the hub must: its shape, its identity against the signing
/// headers', and every evidence rule of its steps. The first broken rule is the message.
pub fn validate(value: &Value, pos_parent: &str, pos_id: &str) -> Result<Record, String> {
    if !value.is_object() {
        return Err("the body must be one connection record (a JSON object)".into());
    }
    let record: Record = serde_json::from_value(value.clone()).map_err(|e| format!("not a connection record: {e}"))?;
    if !is_uuid(&record.id) {
        return Err(format!("id {:?} is not a hyphenated UUID", record.id));
    }
    if record.pos_parent != pos_parent || record.pos_id != pos_id {
        return Err(format!("the record is of {}/{}, the request is signed by {pos_parent}/{pos_id}", record.pos_parent, record.pos_id));
    }
    if record.revision == 0 || record.revision as usize != record.steps.len() {
        return Err(format!("revision {} must be the number of steps ({}), at least 1", record.revision, record.steps.len()));
    }
    let last = record.steps.last().map(|s| s.step);
    if last != Some(record.status) {
        return Err(format!("status {} is not the last step {:?}", record.status.as_str(), last.map(Stage::as_str)));
    }
    if !record.steps_in_order() {
        return Err("the steps are not in the rule order (requested, confirmed, deployed, approved, connected; disabled after any but itself; requested again after disabled)".into());
    }
    let mut previous: Option<chrono::DateTime<chrono::FixedOffset>> = None;
    for (n, s) in record.steps.iter().enumerate() {
        let which = format!("step {} ({})", n + 1, s.step.as_str());
        let at =
            chrono::DateTime::parse_from_rfc3339(&s.at).map_err(|_| format!("{which}: at {:?} is not RFC 3339 with an offset", s.at))?;
        if previous.is_some_and(|p| at < p) {
            return Err(format!("{which}: at {} is before the previous step's", s.at));
        }
        previous = Some(at);
        match s.step {
            Stage::Requested | Stage::Approved if blank(&s.reference) => return Err(format!("{which} needs a reference")),
            Stage::Confirmed => {
                let needed: &[Confirmation] = if record.partner == Partner::Momo {
                    &[Confirmation::Leader, Confirmation::Merchant]
                } else {
                    &[Confirmation::Merchant]
                };
                let missing: Vec<&str> = needed.iter().filter(|c| !s.confirmations.contains(c)).map(|c| c.as_str()).collect();
                if !missing.is_empty() {
                    return Err(format!("{which} of {} lacks the confirmation of {}", record.partner, missing.join(" and ")));
                }
            }
            Stage::Connected => {
                let ok = s.proof_sha256.as_deref().is_some_and(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()));
                if !ok {
                    return Err(format!("{which} needs proof_sha256, the proof's SHA-256 as 64 hex digits"));
                }
            }
            _ => {}
        }
    }
    Ok(record)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Value {
        json!({"id": "0193a0c2-7b1e-7cc0-9d2a-000000000001", "revision": 2, "pos_parent": "P", "pos_id": "P-1",
               "partner": "momo", "status": "confirmed", "point_name": null, "address": null, "contact_name": null,
               "contact_phone": null, "point_code": null, "notes": null, "hub_point_name": null,
               "steps": [{"step": "requested", "at": "2026-11-03T09:00:00+07:00", "by": "Minh", "reference": "mail"},
                         {"step": "confirmed", "at": "2026-11-04T09:00:00+07:00", "by": "Minh",
                          "confirmations": ["leader", "merchant"]}]})
    }

    #[test]
    fn uuids_and_months() {
        assert!(is_uuid("0193a0c2-7b1e-7cc0-9d2a-000000000001"));
        assert!(is_uuid("0193A0C2-7B1E-7CC0-9D2A-00000000000F"));
        for bad in
            ["0193a0c27b1e7cc09d2a000000000001", "{0193a0c2-7b1e-7cc0-9d2a-000000000001}", "0193a0c2-7b1e-7cc0-9d2a-00000000000g", ""]
        {
            assert!(!is_uuid(bad), "{bad}");
        }
        assert_eq!(month_param(Some("month=2026-11")), Ok("2026-11".into()));
        for bad in [None, Some(""), Some("month=2026-13"), Some("month=2026-00"), Some("month=2026-1"), Some("month=2026-11&month=2026-11")]
        {
            assert!(month_param(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_valid_record_is_stored_then_a_duplicate() {
        let mut c = Connections::default();
        let body = record().to_string();
        assert!(matches!(c.push(body.as_bytes(), "P", "P-1"), Ok(Pushed::Stored { revision: 2, .. })));
        assert!(matches!(c.push(body.as_bytes(), "P", "P-1"), Ok(Pushed::Duplicate { revision: 2, .. })));
        assert_eq!(c.push(body.as_bytes(), "P", "P-2").unwrap_err().status, 400, "not the signer's record");
        assert_eq!(c.len(), 1);
    }
}
