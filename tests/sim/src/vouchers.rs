//! The partners' vouchers as the hub brokers them (hub-api.md, "Vouchers"): a table of
//! codes, checks, idempotent redemptions and reversals. Pure state (no HTTP, the clock
//! comes in as unix seconds) so the rules are unit-tested here; `server` maps the
//! refusals to HTTP.

use std::collections::HashMap;

use quay_core::voucher::{Partner, VoucherStatus};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// Far enough ahead that no test outlives it.
pub const FOREVER: &str = "2099-12-31T23:59:59+07:00";

/// One voucher of the table, as seeded or posted to `/admin/vouchers`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoucherSpec {
    pub partner: Partner,
    /// Empty: the hub makes a fresh one (`MOMO-T0001`, `GIFT-T0002`, ...).
    #[serde(default)]
    pub code: String,
    /// The partner's own state: `valid` lets the hub compute it (used by a redemption,
    /// expired by `expires_at`); any other status is answered as is.
    #[serde(default = "valid")]
    pub status: VoucherStatus,
    /// "amount" (with `value`) or "percent" (with `percent`).
    #[serde(default = "amount")]
    pub kind: String,
    #[serde(default)]
    pub value: Option<i64>,
    /// Percent as a JSON number, sent back exactly as given ("10", "12.5").
    #[serde(default)]
    pub percent: Option<serde_json::Number>,
    /// Default: the hub's currency.
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub min_spend: Option<i64>,
    /// RFC 3339; default `FOREVER`.
    #[serde(default)]
    pub expires_at: Option<String>,
    #[serde(default)]
    pub conditions: String,
}

fn valid() -> VoucherStatus {
    VoucherStatus::Valid
}
fn amount() -> String {
    "amount".into()
}

impl VoucherSpec {
    pub fn amount(partner: Partner, code: &str, value: i64) -> VoucherSpec {
        VoucherSpec {
            partner,
            code: code.into(),
            status: VoucherStatus::Valid,
            kind: "amount".into(),
            value: Some(value),
            percent: None,
            currency: None,
            min_spend: None,
            expires_at: None,
            conditions: String::new(),
        }
    }

    pub fn percent(partner: Partner, code: &str, percent: u32, min_spend: Option<i64>) -> VoucherSpec {
        VoucherSpec {
            kind: "percent".into(),
            value: None,
            percent: Some(percent.into()),
            min_spend,
            ..VoucherSpec::amount(partner, code, 0)
        }
    }

    pub fn with_status(self, status: VoucherStatus) -> VoucherSpec {
        VoucherSpec { status, ..self }
    }

    pub fn expiring(self, at: &str) -> VoucherSpec {
        VoucherSpec { expires_at: Some(at.into()), ..self }
    }

    fn check(&self) -> Result<(), String> {
        if !self.partner.via_hub() {
            return Err(format!("{} is not a hub partner", self.partner));
        }
        match (self.kind.as_str(), self.value, &self.percent) {
            ("amount", Some(v), None) if v > 0 => {}
            ("percent", None, Some(p)) if p.as_f64().is_some_and(|p| p > 0.0 && p <= 100.0) => {}
            _ => return Err("kind \"amount\" with a positive value, or \"percent\" with a percent in (0, 100]".into()),
        }
        if self.min_spend.is_some_and(|m| m < 0) {
            return Err("min_spend must be ≥ 0".into());
        }
        if let Some(at) = &self.expires_at {
            chrono::DateTime::parse_from_rfc3339(at).map_err(|e| format!("expires_at {at:?}: {e}"))?;
        }
        if self.code.chars().any(|c| c.is_whitespace() || c.is_control()) || self.code.len() > 64 {
            return Err(format!("code {:?}: at most 64 characters, no spaces", self.code));
        }
        Ok(())
    }
}

/// The sandbox table (documented in README.md): every status for both partners.
pub fn sandbox() -> Vec<VoucherSpec> {
    use Partner::{Giftpop, Momo};
    use VoucherStatus::*;
    let past = "2025-06-30T23:59:59+07:00";
    vec![
        VoucherSpec::amount(Momo, "MOMO-50K", 50_000),
        VoucherSpec {
            conditions: "Đơn từ 100.000 ₫ / orders from 100,000 ₫".into(),
            ..VoucherSpec::percent(Momo, "MOMO-10PCT", 10, Some(100_000))
        },
        VoucherSpec::amount(Momo, "MOMO-USED", 50_000).with_status(Used),
        VoucherSpec::amount(Momo, "MOMO-EXPIRED", 50_000).expiring(past),
        VoucherSpec::amount(Momo, "MOMO-OTHERSTORE", 50_000).with_status(WrongStore),
        VoucherSpec::amount(Momo, "MOMO-INACTIVE", 50_000).with_status(Inactive),
        VoucherSpec::amount(Giftpop, "GIFT-100K", 100_000),
        VoucherSpec::amount(Giftpop, "GIFT-BIG", 1_000_000),
        VoucherSpec::percent(Giftpop, "GIFT-20PCT", 20, None),
        VoucherSpec::amount(Giftpop, "GIFT-USED", 100_000).with_status(Used),
        VoucherSpec::amount(Giftpop, "GIFT-EXPIRED", 100_000).expiring(past),
        VoucherSpec::amount(Giftpop, "GIFT-OTHERSTORE", 100_000).with_status(WrongStore),
        VoucherSpec::amount(Giftpop, "GIFT-INACTIVE", 100_000).with_status(Inactive),
    ]
}

/// A refusal: HTTP status, the contract's error code, a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub status: u16,
    pub code: &'static str,
    pub message: String,
}

fn refused(status: u16, code: &'static str, message: impl Into<String>) -> Refused {
    Refused { status, code, message: message.into() }
}

fn invalid(message: impl Into<String>) -> Refused {
    refused(400, "invalid", message)
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Redemption {
    pub redemption_id: String,
    pub idempotency_key: String,
    pub partner: Partner,
    pub code: String,
    pub sale_id: String,
    pub amount_applied: i64,
    pub reversed: bool,
    pub reason: Option<String>,
}

impl Redemption {
    /// The answer of redeem and of `GET /vouchers/redemptions/<key>`.
    pub fn answer(&self) -> Value {
        json!({
            "redemption_id": self.redemption_id,
            "status": if self.reversed { "reversed" } else { "redeemed" },
            "amount_applied": self.amount_applied,
            "partner": self.partner,
            "code": self.code,
            "sale_id": self.sale_id,
            "idempotency_key": self.idempotency_key,
        })
    }
}

struct Entry {
    spec: VoucherSpec,
    /// The redemption holding the voucher now (a reversal frees it).
    held_by: Option<usize>,
}

/// What a redeem did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Redeemed {
    New(Value),
    /// The same key and data again: the same redemption, never a second one.
    Again(Value),
}

#[derive(Default)]
pub struct Vouchers {
    entries: HashMap<(Partner, String), Entry>,
    order: Vec<(Partner, String)>,
    redemptions: Vec<Redemption>,
    by_key: HashMap<String, usize>,
    by_id: HashMap<String, usize>,
    generated: u64,
}

impl Vouchers {
    pub fn new(specs: Vec<VoucherSpec>, currency: &str) -> Result<Vouchers, String> {
        let mut v = Vouchers::default();
        for s in specs {
            v.add(s, currency)?;
        }
        Ok(v)
    }

    /// Adds a voucher (a fresh code if `code` is empty); returns it as stored.
    pub fn add(&mut self, mut spec: VoucherSpec, currency: &str) -> Result<VoucherSpec, String> {
        spec.check()?;
        if spec.code.is_empty() {
            let prefix = match spec.partner {
                Partner::Momo => "MOMO",
                Partner::Giftpop => "GIFT",
                Partner::Alipay => unreachable!("refused by check"),
            };
            spec.code = loop {
                self.generated += 1;
                let code = format!("{prefix}-T{:04}", self.generated);
                if !self.entries.contains_key(&(spec.partner, code.clone())) {
                    break code;
                }
            };
        }
        spec.currency.get_or_insert_with(|| currency.to_string());
        spec.expires_at.get_or_insert_with(|| FOREVER.to_string());
        let key = (spec.partner, spec.code.clone());
        if self.entries.contains_key(&key) {
            return Err(format!("{} {} exists already", spec.partner, spec.code));
        }
        self.order.push(key.clone());
        self.entries.insert(key, Entry { spec: spec.clone(), held_by: None });
        Ok(spec)
    }

    fn status(entry: &Entry, now: i64) -> VoucherStatus {
        if entry.spec.status != VoucherStatus::Valid {
            return entry.spec.status;
        }
        if entry.held_by.is_some() {
            return VoucherStatus::Used;
        }
        let expired = entry
            .spec
            .expires_at
            .as_deref()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .is_some_and(|at| at.timestamp() <= now);
        if expired {
            VoucherStatus::Expired
        } else {
            VoucherStatus::Valid
        }
    }

    /// `POST /vouchers/check`.
    pub fn check(&self, body: &[u8], now: i64) -> Result<Value, Refused> {
        let req = object(body)?;
        let partner = partner(&req)?;
        let code = text(&req, "code")?;
        uuid(&req, "sale_id")?;
        let amount = int(&req, "amount")?;
        if amount < 0 {
            return Err(invalid("amount must be ≥ 0"));
        }
        let Some(entry) = self.entries.get(&(partner, code.to_string())) else {
            return Ok(json!({"partner": partner, "code": code, "status": "not_found", "kind": null, "value": null, "percent": null,
                             "currency": null, "min_spend": null, "expires_at": null, "conditions": ""}));
        };
        let s = &entry.spec;
        Ok(json!({
            "partner": partner, "code": code, "status": Self::status(entry, now),
            "kind": s.kind, "value": s.value, "percent": s.percent, "currency": s.currency,
            "min_spend": s.min_spend, "expires_at": s.expires_at, "conditions": s.conditions,
        }))
    }

    /// `POST /vouchers/redeem`: idempotent by `idempotency_key`.
    pub fn redeem(&mut self, body: &[u8], now: i64) -> Result<Redeemed, Refused> {
        let req = object(body)?;
        let partner = partner(&req)?;
        let code = text(&req, "code")?.to_string();
        let sale_id = uuid(&req, "sale_id")?;
        let amount_applied = int(&req, "amount_applied")?;
        let key = text(&req, "idempotency_key")?.to_string();
        if key.len() > 128 || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
            return Err(invalid("idempotency_key: 1 to 128 characters of [A-Za-z0-9_-]"));
        }
        // The key first: a retry is answered by it, whatever happened to the voucher since.
        if let Some(&i) = self.by_key.get(&key) {
            let r = &self.redemptions[i];
            if r.partner == partner && r.code == code && r.sale_id == sale_id && r.amount_applied == amount_applied {
                return Ok(Redeemed::Again(r.answer()));
            }
            return Err(refused(
                409,
                "conflict",
                format!("idempotency_key {key} was used for other data ({} {} for sale {})", r.partner, r.code, r.sale_id),
            ));
        }
        if amount_applied <= 0 {
            return Err(invalid("amount_applied must be > 0"));
        }
        let Some(entry) = self.entries.get(&(partner, code.clone())) else {
            return Err(refused(404, "not_found", format!("no {partner} voucher {code}")));
        };
        match Self::status(entry, now) {
            VoucherStatus::Valid => {}
            VoucherStatus::Used => return Err(refused(409, "conflict", format!("{partner} voucher {code} is used"))),
            other => return Err(invalid(format!("{partner} voucher {code} is {}", other.as_str()))),
        }
        if let Some(value) = entry.spec.value.filter(|v| amount_applied > *v) {
            return Err(invalid(format!("amount_applied {amount_applied} is more than the voucher's value {value}")));
        }
        let i = self.redemptions.len();
        let r = Redemption {
            redemption_id: uuid::Uuid::new_v4().to_string(),
            idempotency_key: key.clone(),
            partner,
            code: code.clone(),
            sale_id,
            amount_applied,
            reversed: false,
            reason: None,
        };
        let answer = r.answer();
        self.by_key.insert(key, i);
        self.by_id.insert(r.redemption_id.clone(), i);
        self.redemptions.push(r);
        if let Some(e) = self.entries.get_mut(&(partner, code)) {
            e.held_by = Some(i);
        }
        Ok(Redeemed::New(answer))
    }

    /// `GET /vouchers/redemptions/<key>`.
    pub fn redemption(&self, key: &str) -> Option<Value> {
        self.by_key.get(key).map(|&i| self.redemptions[i].answer())
    }

    /// `POST /vouchers/reverse`: idempotent; frees the voucher.
    pub fn reverse(&mut self, body: &[u8]) -> Result<Value, Refused> {
        let req = object(body)?;
        let id = text(&req, "redemption_id")?;
        let reason = match req.get("reason") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => return Err(invalid("reason must be text")),
        };
        let Some(&i) = self.by_id.get(id) else {
            return Err(refused(404, "not_found", format!("no redemption {id}")));
        };
        let r = &mut self.redemptions[i];
        if !r.reversed {
            r.reversed = true;
            r.reason = reason;
            let key = (r.partner, r.code.clone());
            if let Some(e) = self.entries.get_mut(&key).filter(|e| e.held_by == Some(i)) {
                e.held_by = None;
            }
        }
        Ok(json!({"status": "reversed", "redemption_id": id}))
    }

    /// Every voucher with its status now, in the order added.
    pub fn list(&self, now: i64) -> Vec<Value> {
        self.order
            .iter()
            .filter_map(|k| self.entries.get(k))
            .map(|e| {
                let mut v = serde_json::to_value(&e.spec).expect("specs serialize");
                v["status_now"] = json!(Self::status(e, now));
                v
            })
            .collect()
    }

    pub fn redemptions(&self) -> &[Redemption] {
        &self.redemptions
    }
}

fn object(body: &[u8]) -> Result<Map<String, Value>, Refused> {
    match serde_json::from_slice(body) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(invalid("the body must be a JSON object")),
        Err(e) => Err(invalid(format!("the body is not JSON: {e}"))),
    }
}

fn text<'a>(m: &'a Map<String, Value>, field: &str) -> Result<&'a str, Refused> {
    match m.get(field) {
        Some(Value::String(s)) if !s.is_empty() => Ok(s),
        _ => Err(invalid(format!("{field} must be non-empty text"))),
    }
}

fn int(m: &Map<String, Value>, field: &str) -> Result<i64, Refused> {
    m.get(field).and_then(Value::as_i64).ok_or_else(|| invalid(format!("{field} must be an integer (minor units)")))
}

fn partner(m: &Map<String, Value>) -> Result<Partner, Refused> {
    let p = text(m, "partner")?;
    Partner::parse(p).filter(|p| p.via_hub()).ok_or_else(|| invalid(format!("partner {p:?}: momo or giftpop")))
}

/// A hyphenated UUID, lowercased (the id the sale will carry).
fn uuid(m: &Map<String, Value>, field: &str) -> Result<String, Refused> {
    let s = text(m, field)?;
    match uuid::Uuid::try_parse(s) {
        Ok(u) if s.len() == 36 => Ok(u.to_string()),
        _ => Err(invalid(format!("{field} {s:?} is not a hyphenated UUID"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SALE: &str = "0193a0c2-7d2e-7000-8000-000000000001";
    const NOW: i64 = 1_795_000_000; // 2026-11-18

    fn book() -> Vouchers {
        Vouchers::new(sandbox(), "VND").unwrap()
    }

    fn check(v: &Vouchers, partner: &str, code: &str) -> Value {
        v.check(json!({"partner": partner, "code": code, "sale_id": SALE, "amount": 120000}).to_string().as_bytes(), NOW).unwrap()
    }

    fn redeem_body(code: &str, amount: i64, key: &str) -> Vec<u8> {
        let partner = if code.starts_with("GIFT") { "giftpop" } else { "momo" };
        json!({"partner": partner, "code": code, "sale_id": SALE, "amount_applied": amount, "idempotency_key": key})
            .to_string()
            .into_bytes()
    }

    #[test]
    fn the_sandbox_table_answers_every_status() {
        let v = book();
        let cases: &[(&str, &str, &str)] = &[
            ("momo", "MOMO-50K", "valid"),
            ("momo", "MOMO-10PCT", "valid"),
            ("momo", "MOMO-USED", "used"),
            ("momo", "MOMO-EXPIRED", "expired"),
            ("momo", "MOMO-OTHERSTORE", "wrong_store"),
            ("momo", "MOMO-INACTIVE", "inactive"),
            ("momo", "MOMO-NOPE", "not_found"),
            ("momo", "GIFT-100K", "not_found"), // codes belong to one partner
            ("momo", "momo-50k", "not_found"),  // case matters
            ("giftpop", "GIFT-100K", "valid"),
            ("giftpop", "GIFT-BIG", "valid"),
            ("giftpop", "GIFT-20PCT", "valid"),
            ("giftpop", "GIFT-USED", "used"),
            ("giftpop", "GIFT-EXPIRED", "expired"),
            ("giftpop", "GIFT-OTHERSTORE", "wrong_store"),
            ("giftpop", "GIFT-INACTIVE", "inactive"),
        ];
        for (partner, code, status) in cases {
            assert_eq!(check(&v, partner, code)["status"], *status, "{partner} {code}");
        }
        let pct = check(&v, "momo", "MOMO-10PCT");
        assert_eq!(
            (pct["kind"].as_str(), pct["percent"].as_i64(), pct["min_spend"].as_i64(), pct["currency"].as_str()),
            (Some("percent"), Some(10), Some(100_000), Some("VND"))
        );
        // Every answer is one the counter's core reads.
        for (partner, code, _) in cases {
            serde_json::from_value::<quay_core::voucher::VoucherCheck>(check(&v, partner, code)).unwrap_or_else(|e| panic!("{code}: {e}"));
        }
    }

    #[test]
    fn bad_checks_are_invalid() {
        let v = book();
        for body in [
            json!({"partner": "grab", "code": "X", "sale_id": SALE, "amount": 1}),
            json!({"partner": "momo", "code": "", "sale_id": SALE, "amount": 1}),
            json!({"partner": "momo", "code": "X", "sale_id": "nope", "amount": 1}),
            json!({"partner": "momo", "code": "X", "sale_id": SALE, "amount": 1.5}),
            json!({"partner": "momo", "code": "X", "sale_id": SALE}),
            json!([1]),
        ] {
            assert_eq!(v.check(body.to_string().as_bytes(), NOW).unwrap_err().code, "invalid", "{body}");
        }
    }

    #[test]
    fn redeem_is_idempotent_and_conflicts_are_409() {
        let mut v = book();
        let Redeemed::New(first) = v.redeem(&redeem_body("MOMO-50K", 50_000, "k1"), NOW).unwrap() else { panic!("new") };
        assert_eq!(first["status"], "redeemed");
        assert_eq!(check(&v, "momo", "MOMO-50K")["status"], "used");
        // Same key, same data: the same redemption.
        assert_eq!(v.redeem(&redeem_body("MOMO-50K", 50_000, "k1"), NOW).unwrap(), Redeemed::Again(first.clone()));
        // Same key, other data: conflict.
        assert_eq!(v.redeem(&redeem_body("MOMO-50K", 40_000, "k1"), NOW).unwrap_err().status, 409);
        // Other key, voucher already used: conflict.
        assert_eq!(v.redeem(&redeem_body("MOMO-50K", 50_000, "k2"), NOW).unwrap_err().status, 409);
        assert_eq!(v.redemptions().len(), 1);
        assert_eq!(v.redemption("k1"), Some(first.clone()));
        assert_eq!(v.redemption("k2"), None);
    }

    #[test]
    fn redeem_refusals() {
        let mut v = book();
        let cases: &[(&str, i64, u16)] = &[
            ("MOMO-USED", 1_000, 409),
            ("MOMO-EXPIRED", 1_000, 400),
            ("MOMO-OTHERSTORE", 1_000, 400),
            ("MOMO-INACTIVE", 1_000, 400),
            ("MOMO-NOPE", 1_000, 404),
            ("MOMO-50K", 50_001, 400), // more than the value
            ("MOMO-50K", 0, 400),
        ];
        for (i, (code, amount, status)) in cases.iter().enumerate() {
            assert_eq!(v.redeem(&redeem_body(code, *amount, &format!("k{i}")), NOW).unwrap_err().status, *status, "{code}");
        }
        assert!(v.redeem(&redeem_body("MOMO-50K", 1, "bad key!"), NOW).is_err());
        assert!(v.redemptions().is_empty());
    }

    #[test]
    fn reverse_frees_the_voucher_and_is_idempotent() {
        let mut v = book();
        let Redeemed::New(r) = v.redeem(&redeem_body("GIFT-BIG", 95_000, "k1"), NOW).unwrap() else { panic!("new") };
        let id = r["redemption_id"].as_str().unwrap();
        let body = json!({"redemption_id": id, "reason": "void"}).to_string();
        for _ in 0..2 {
            assert_eq!(v.reverse(body.as_bytes()).unwrap()["status"], "reversed");
        }
        assert_eq!(check(&v, "giftpop", "GIFT-BIG")["status"], "valid");
        assert_eq!(v.redemption("k1").unwrap()["status"], "reversed");
        // The spent key keeps answering the reversed redemption; a new key redeems again.
        assert_eq!(v.redeem(&redeem_body("GIFT-BIG", 95_000, "k1"), NOW).unwrap(), Redeemed::Again(v.redemption("k1").unwrap()));
        assert!(matches!(v.redeem(&redeem_body("GIFT-BIG", 95_000, "k2"), NOW).unwrap(), Redeemed::New(_)));
        // Reversing the old one again does not free the voucher the new one holds.
        v.reverse(body.as_bytes()).unwrap();
        assert_eq!(check(&v, "giftpop", "GIFT-BIG")["status"], "used");
        assert_eq!(v.reverse(json!({"redemption_id": "nope"}).to_string().as_bytes()).unwrap_err().status, 404);
    }

    #[test]
    fn added_vouchers_get_fresh_codes_and_expire_by_the_clock() {
        let mut v = book();
        let a = v.add(VoucherSpec::amount(Partner::Momo, "", 20_000), "VND").unwrap();
        let b = v.add(VoucherSpec::amount(Partner::Momo, "", 20_000), "VND").unwrap();
        assert_ne!(a.code, b.code);
        assert!(a.code.starts_with("MOMO-T"));
        assert!(v.add(VoucherSpec::amount(Partner::Momo, "MOMO-50K", 1), "VND").is_err());
        assert!(v.add(VoucherSpec::amount(Partner::Momo, "X", 0), "VND").is_err());
        let soon = chrono::DateTime::from_timestamp(NOW + 60, 0).unwrap().to_rfc3339();
        let c = v.add(VoucherSpec::amount(Partner::Giftpop, "", 1_000).expiring(&soon), "VND").unwrap();
        assert_eq!(
            v.check(json!({"partner": "giftpop", "code": c.code, "sale_id": SALE, "amount": 1}).to_string().as_bytes(), NOW).unwrap()
                ["status"],
            "valid"
        );
        assert_eq!(
            v.check(json!({"partner": "giftpop", "code": c.code, "sale_id": SALE, "amount": 1}).to_string().as_bytes(), NOW + 60).unwrap()
                ["status"],
            "expired"
        );
    }
}
