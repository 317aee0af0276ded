//! Partner vouchers: MoMo and GiftPop brokered by the hub (hub-api.md, "Vouchers"), and
//! Alipay merchant coupons asked of Alipay itself (never of the hub): the answer of a
//! check, what a voucher pays toward a sale, and the redemption's idempotency key. Pure:
//! the partner calls are quay-hub's and quay-pay's, the clock comes in as a value.
//!
//! A voucher is always recorded as a tender whose amount is what it paid (prices and line
//! totals are never discounted), and it never gives change: a voucher worth more than
//! what is due pays only what is due.

use std::fmt;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use thiserror::Error;
use uuid::Uuid;

use crate::args;
use crate::error::{Arg, Localized};
use crate::money::{Currency, Money};

/// Longest code a cashier may type or scan; partners' codes are far shorter.
pub const MAX_CODE_LEN: usize = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Partner {
    Momo,
    Giftpop,
    /// Alipay merchant coupons (`ordervoucher.*`), asked of Alipay directly: not a hub
    /// partner (the hub is never asked about one, and has no settings for it).
    Alipay,
}

impl Partner {
    pub const ALL: [Partner; 3] = [Partner::Momo, Partner::Giftpop, Partner::Alipay];
    /// The partners the hub brokers (its settings, its connection tests).
    pub const HUB: [Partner; 2] = [Partner::Momo, Partner::Giftpop];

    /// The wire name ("momo", "giftpop", "alipay").
    pub fn as_str(self) -> &'static str {
        match self {
            Partner::Momo => "momo",
            Partner::Giftpop => "giftpop",
            Partner::Alipay => "alipay",
        }
    }

    /// Whether the hub checks and redeems this partner's vouchers.
    pub fn via_hub(self) -> bool {
        Partner::HUB.contains(&self)
    }

    pub fn parse(s: &str) -> Option<Partner> {
        Partner::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

impl fmt::Display for Partner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoucherStatus {
    Valid,
    Used,
    Expired,
    NotFound,
    WrongStore,
    Inactive,
}

impl VoucherStatus {
    pub const ALL: [VoucherStatus; 6] = [
        VoucherStatus::Valid,
        VoucherStatus::Used,
        VoucherStatus::Expired,
        VoucherStatus::NotFound,
        VoucherStatus::WrongStore,
        VoucherStatus::Inactive,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            VoucherStatus::Valid => "valid",
            VoucherStatus::Used => "used",
            VoucherStatus::Expired => "expired",
            VoucherStatus::NotFound => "not_found",
            VoucherStatus::WrongStore => "wrong_store",
            VoucherStatus::Inactive => "inactive",
        }
    }

    pub fn parse(s: &str) -> Option<VoucherStatus> {
        VoucherStatus::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// What a valid voucher is worth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoucherKind {
    /// A fixed value in the voucher's currency.
    Amount(Money),
    /// A share of the sale's total in basis points (1000 = 10 %). The wire's `percent`
    /// is a number of percent with at most two decimals ("12.5"), read exactly: basis
    /// points keep every such percent an integer.
    Percent { bp: u32 },
}

/// The hub's answer to `POST /vouchers/check`, checked: amounts are money in the
/// voucher's currency, a valid voucher always has a kind and a currency.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "RawCheck")]
pub struct VoucherCheck {
    pub partner: Partner,
    pub code: String,
    pub status: VoucherStatus,
    /// None only on a voucher that is not valid (a `not_found` has nothing to describe).
    pub kind: Option<VoucherKind>,
    pub currency: Option<Currency>,
    pub min_spend: Option<Money>,
    pub expires_at: Option<DateTime<FixedOffset>>,
    /// The partner's conditions, shown to the cashier as they come.
    pub conditions: String,
}

/// The wire shape; unknown fields are ignored (the contract is forward compatible).
#[derive(Deserialize)]
struct RawCheck {
    partner: Partner,
    code: String,
    status: VoucherStatus,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    value: Option<i64>,
    #[serde(default)]
    percent: Option<serde_json::Number>,
    #[serde(default)]
    currency: Option<String>,
    #[serde(default)]
    min_spend: Option<i64>,
    #[serde(default)]
    expires_at: Option<String>,
    #[serde(default)]
    conditions: Option<String>,
}

impl TryFrom<RawCheck> for VoucherCheck {
    type Error = String;

    fn try_from(r: RawCheck) -> Result<VoucherCheck, String> {
        let valid = r.status == VoucherStatus::Valid;
        // A voucher that is not valid is refused whatever else the answer says, so its
        // details are read leniently; a valid one must be complete and sane.
        let currency = match r.currency.as_deref() {
            Some(c) => match c.parse::<Currency>() {
                Ok(c) => Some(c),
                Err(_) if valid => return Err(format!("currency {c:?} is not one Quay knows")),
                Err(_) => None,
            },
            None if valid => return Err("a valid voucher without a currency".into()),
            None => None,
        };
        let kind = match (r.kind.as_deref(), currency) {
            (Some("amount"), Some(cur)) => match r.value {
                Some(v) if v > 0 && v <= crate::money::MAX_MINOR => Some(VoucherKind::Amount(Money::new(v, cur))),
                _ if valid => return Err(format!("amount voucher value {:?}: must be a positive integer", r.value)),
                _ => None,
            },
            (Some("percent"), _) => match r.percent.as_ref().and_then(|n| percent_bp(&n.to_string())) {
                Some(bp) => Some(VoucherKind::Percent { bp }),
                None if valid => return Err(format!("percent {:?}: must be above 0, at most 100, two decimals at most", r.percent)),
                None => None,
            },
            (k, _) if valid => return Err(format!("kind {k:?}: must be \"amount\" or \"percent\"")),
            _ => None,
        };
        let min_spend = match (r.min_spend, currency) {
            (Some(m), Some(cur)) if (0..=crate::money::MAX_MINOR).contains(&m) => Some(Money::new(m, cur)),
            (Some(m), _) if valid => return Err(format!("min_spend {m} is out of range")),
            _ => None,
        };
        let expires_at = match r.expires_at.as_deref() {
            Some(t) => match DateTime::parse_from_rfc3339(t) {
                Ok(at) => Some(at),
                Err(_) if valid => return Err(format!("expires_at {t:?} is not RFC 3339")),
                Err(_) => None,
            },
            None => None,
        };
        Ok(VoucherCheck {
            partner: r.partner,
            code: r.code,
            status: r.status,
            kind,
            currency,
            min_spend,
            expires_at,
            conditions: r.conditions.unwrap_or_default(),
        })
    }
}

/// "10" → 1000 bp, "12.5" → 1250, "0.25" → 25; refuses 0, over 100, more than two
/// decimals, signs and exponents (the text of a JSON number, read without floats).
fn percent_bp(text: &str) -> Option<u32> {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || int.len() > 3 || !digits(int) || !digits(frac) || frac.len() > 2 {
        return None;
    }
    // "12.50" and "12.5" are the same; a float-typed whole number arrives as "10.0".
    let frac_bp: u32 = format!("{frac:0<2}").parse().ok()?;
    let bp = int.parse::<u32>().ok()? * 100 + frac_bp;
    (1..=10_000).contains(&bp).then_some(bp)
}

/// Why a voucher cannot pay, or cannot be checked now. Every variant has a Fluent id.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum VoucherError {
    #[error("voucher {code} was already used")]
    Used { code: String },
    #[error("voucher {code} has expired")]
    Expired { code: String },
    #[error("no voucher {code} at this partner")]
    NotFound { code: String },
    #[error("voucher {code} is not valid at this store")]
    WrongStore { code: String },
    #[error("voucher {code} is not active")]
    Inactive { code: String },
    #[error("voucher {code} needs a sale of at least {}", min.to_major_string())]
    MinSpend { code: String, min: Money },
    #[error("voucher {code} is in {voucher}, the sale is in {sale}")]
    Currency { code: String, voucher: String, sale: String },
    #[error("nothing is left to pay on this sale")]
    NothingDue,
    #[error("voucher {code} is worth nothing on this sale")]
    NoValue { code: String },
    #[error("not a voucher code: {code:?}")]
    BadCode { code: String },
    #[error("{partner} is not answering")]
    Unavailable { partner: String },
    #[error("offline: vouchers cannot be checked now")]
    Offline,
    #[error("voucher {code} was redeemed meanwhile or the redemption does not match")]
    Conflict { code: String },
}

impl Localized for VoucherError {
    fn code(&self) -> &'static str {
        use VoucherError::*;
        match self {
            Used { .. } => "err-voucher-used",
            Expired { .. } => "err-voucher-expired",
            NotFound { .. } => "err-voucher-not-found",
            WrongStore { .. } => "err-voucher-wrong-store",
            Inactive { .. } => "err-voucher-inactive",
            MinSpend { .. } => "err-voucher-min-spend",
            Currency { .. } => "err-voucher-currency",
            NothingDue => "err-voucher-nothing-due",
            NoValue { .. } => "err-voucher-no-value",
            BadCode { .. } => "err-voucher-bad-code",
            Unavailable { .. } => "err-voucher-unavailable",
            Offline => "err-voucher-offline",
            Conflict { .. } => "err-voucher-conflict",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        use VoucherError::*;
        match self.clone() {
            Used { code }
            | Expired { code }
            | NotFound { code }
            | WrongStore { code }
            | Inactive { code }
            | NoValue { code }
            | BadCode { code }
            | Conflict { code } => {
                args![("code", code)]
            }
            MinSpend { code, min } => args![("code", code), ("min", min)],
            Currency { code, voucher, sale } => args![("code", code), ("voucher", voucher), ("sale", sale)],
            NothingDue | Offline => vec![],
            Unavailable { partner } => args![("partner", partner)],
        }
    }
}

/// A code as typed or scanned: surrounding spaces dropped; empty, over `MAX_CODE_LEN`
/// characters, or holding spaces or control characters is refused. Case is kept: some
/// partners' codes are case-sensitive, and the hub is the one to match them.
pub fn normalize_code(text: &str) -> Result<String, VoucherError> {
    let code = text.trim();
    let ok = !code.is_empty() && code.chars().count() <= MAX_CODE_LEN && !code.chars().any(|c| c.is_whitespace() || c.is_control());
    if ok {
        Ok(code.to_string())
    } else {
        Err(VoucherError::BadCode { code: code.chars().take(MAX_CODE_LEN).collect() })
    }
}

/// Whether the voucher can be used at all, whatever the sale: the hub says valid and it
/// has not expired by `now` (the counter's clock decides, even against a stale "valid").
pub fn usable(check: &VoucherCheck, now: DateTime<FixedOffset>) -> Result<(), VoucherError> {
    let code = || check.code.clone();
    match check.status {
        VoucherStatus::Valid => {}
        VoucherStatus::Used => return Err(VoucherError::Used { code: code() }),
        VoucherStatus::Expired => return Err(VoucherError::Expired { code: code() }),
        VoucherStatus::NotFound => return Err(VoucherError::NotFound { code: code() }),
        VoucherStatus::WrongStore => return Err(VoucherError::WrongStore { code: code() }),
        VoucherStatus::Inactive => return Err(VoucherError::Inactive { code: code() }),
    }
    if check.expires_at.is_some_and(|at| at <= now) {
        return Err(VoucherError::Expired { code: code() });
    }
    Ok(())
}

/// What the voucher pays toward this sale, in the sale's currency.
///
/// - A status other than `valid` is refused with the matching error; so is a voucher whose
///   `expires_at` is at or before `now`, even if the hub said valid (its clock or cache
///   may lag; the cashier's moment is what counts).
/// - Another currency than the sale's, or a `sale_total` below `min_spend`, is refused.
/// - An amount voucher pays `min(value, due)`, `due = sale_total − already_paid`. A
///   voucher larger than what is due pays only what is due: **the rest is forfeited** (a
///   voucher is redeemed whole and never gives change).
/// - A percent voucher pays its percent of the sale's **total** (not of what is left, so
///   the order of tenders does not change its value), rounded half away from zero to the
///   currency's minor unit (10 % of 123,455 ₫ = 12,345.5 → 12,346 ₫, as a cashier
///   rounds by hand), capped at what is due.
/// - Nothing due, or a value that comes to zero, is refused: a zero tender is noise.
pub fn applicable(check: &VoucherCheck, sale_total: Money, already_paid: Money, now: DateTime<FixedOffset>) -> Result<Money, VoucherError> {
    let code = || check.code.clone();
    usable(check, now)?;
    let currency_error =
        |voucher: &str| VoucherError::Currency { code: code(), voucher: voucher.to_string(), sale: sale_total.currency.code().to_string() };
    let (Some(currency), Some(kind)) = (check.currency, check.kind) else {
        // Only a hand-built check can get here (the wire refuses it): treat as unusable.
        return Err(currency_error("?"));
    };
    if currency != sale_total.currency || already_paid.currency != sale_total.currency {
        return Err(currency_error(currency.code()));
    }
    if let Some(min) = check.min_spend {
        if sale_total.minor < min.minor {
            return Err(VoucherError::MinSpend { code: code(), min });
        }
    }
    let due = sale_total.minor.saturating_sub(already_paid.minor);
    if due <= 0 {
        return Err(VoucherError::NothingDue);
    }
    let worth = match kind {
        VoucherKind::Amount(value) => value.minor,
        VoucherKind::Percent { bp } => sale_total.percent_bp(bp).minor,
    };
    let pays = worth.min(due);
    if pays <= 0 {
        return Err(VoucherError::NoValue { code: code() });
    }
    Ok(Money::new(pays, sale_total.currency))
}

/// The idempotency key of a redemption (also Alipay's `out_biz_no`: 32 of `[0-9a-f]`, within
/// its 1–64 `[A-Za-z0-9_]`): the same sale, partner, code and attempt always give the same key, so a redeem retried after a lost answer or a crash is recognised
/// by the hub instead of redeeming twice. `attempt` starts at 1 and moves on only when
/// the earlier redemption of this code for this sale was reversed (a reversed key is
/// spent: the hub answers it with the reversed redemption). 32 lowercase hex digits of
/// SHA-256 over the fields, separated so that no two inputs collide; `code` is taken
/// as given, so pass it through `normalize_code` first.
pub fn redemption_key(sale_id: Uuid, partner: Partner, code: &str, attempt: u32) -> String {
    let mut h = Sha256::new();
    h.update(b"quay-voucher-redemption-v1\n");
    h.update(sale_id.as_hyphenated().to_string().as_bytes());
    h.update(b"\n");
    h.update(partner.as_str().as_bytes());
    h.update(b"\n");
    h.update(attempt.to_string().as_bytes());
    h.update(b"\n");
    h.update(code.as_bytes());
    h.finalize()[..16].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency::{Eur, Usd, Vnd};

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    const NOW: &str = "2026-11-22T12:00:00+07:00";

    fn check(status: VoucherStatus, kind: VoucherKind, min_spend: Option<i64>, expires: &str) -> VoucherCheck {
        let cur = match kind {
            VoucherKind::Amount(m) => m.currency,
            VoucherKind::Percent { .. } => Vnd,
        };
        VoucherCheck {
            partner: Partner::Momo,
            code: "MOMO-X".into(),
            status,
            kind: Some(kind),
            currency: Some(cur),
            min_spend: min_spend.map(|m| Money::new(m, cur)),
            expires_at: Some(at(expires)),
            conditions: String::new(),
        }
    }

    #[test]
    fn applicable_table() {
        use VoucherStatus::*;
        let amount = |v| VoucherKind::Amount(Money::new(v, Vnd));
        let pct = |bp| VoucherKind::Percent { bp };
        let later = "2027-01-01T00:00:00+07:00";
        // (status, kind, min_spend, expires_at, total, already paid) → paid or error id
        type Case = (VoucherStatus, VoucherKind, Option<i64>, &'static str, i64, i64, Result<i64, &'static str>);
        let cases: &[Case] = &[
            (Valid, amount(50_000), None, later, 120_000, 0, Ok(50_000)),
            (Valid, amount(50_000), None, later, 120_000, 100_000, Ok(20_000)), // only what is due
            (Valid, amount(1_000_000), None, later, 95_000, 0, Ok(95_000)),     // the rest is forfeited
            (Valid, amount(50_000), None, later, 50_000, 0, Ok(50_000)),
            (Valid, amount(50_000), None, later, 50_000, 50_000, Err("err-voucher-nothing-due")),
            (Valid, pct(1_000), Some(100_000), later, 150_000, 0, Ok(15_000)),
            (Valid, pct(1_000), Some(100_000), later, 100_000, 0, Ok(10_000)), // min_spend reached exactly
            (Valid, pct(1_000), Some(100_000), later, 99_999, 0, Err("err-voucher-min-spend")),
            (Valid, pct(1_000), None, later, 123_455, 0, Ok(12_346)), // 12,345.5 → half away from zero
            (Valid, pct(1_000), None, later, 123_454, 0, Ok(12_345)), // 12,345.4 → down
            (Valid, pct(1_250), None, later, 80_000, 0, Ok(10_000)),  // 12.5 %
            (Valid, pct(1_000), None, later, 150_000, 140_000, Ok(10_000)), // of the total, capped at due
            (Valid, pct(1_000), None, later, 150_000, 145_000, Ok(5_000)),
            (Valid, pct(10_000), None, later, 70_000, 0, Ok(70_000)), // 100 %
            (Valid, pct(1), None, later, 40, 0, Err("err-voucher-no-value")), // 0.01 % of 40 ₫ rounds to 0
            (Used, amount(50_000), None, later, 120_000, 0, Err("err-voucher-used")),
            (Expired, amount(50_000), None, later, 120_000, 0, Err("err-voucher-expired")),
            (NotFound, amount(50_000), None, later, 120_000, 0, Err("err-voucher-not-found")),
            (WrongStore, amount(50_000), None, later, 120_000, 0, Err("err-voucher-wrong-store")),
            (Inactive, amount(50_000), None, later, 120_000, 0, Err("err-voucher-inactive")),
            // valid by the hub, expired by the clock (and at the very second)
            (Valid, amount(50_000), None, "2026-11-22T11:59:59+07:00", 120_000, 0, Err("err-voucher-expired")),
            (Valid, amount(50_000), None, NOW, 120_000, 0, Err("err-voucher-expired")),
            (Valid, amount(50_000), None, "2026-11-22T05:00:01+00:00", 120_000, 0, Ok(50_000)), // other offset, 1 s left
            // a used voucher is refused as used even when also below min spend
            (Used, pct(1_000), Some(100_000), later, 10_000, 0, Err("err-voucher-used")),
        ];
        for (i, &(status, kind, min, expires, total, paid, want)) in cases.iter().enumerate() {
            let c = check(status, kind, min, expires);
            let got = applicable(&c, Money::new(total, Vnd), Money::new(paid, Vnd), at(NOW));
            match (got, want) {
                (Ok(m), Ok(w)) => assert_eq!(m, Money::new(w, Vnd), "case {i}"),
                (Err(e), Err(id)) => assert_eq!(e.code(), id, "case {i}: {e}"),
                (got, want) => panic!("case {i}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn cents_round_half_away_and_currencies_must_match() {
        let later = "2027-01-01T00:00:00+07:00";
        let mut c = check(VoucherStatus::Valid, VoucherKind::Amount(Money::new(500, Eur)), None, later);
        assert_eq!(applicable(&c, Money::new(1_999, Eur), Money::zero(Eur), at(NOW)), Ok(Money::new(500, Eur)));
        let e = applicable(&c, Money::new(120_000, Vnd), Money::zero(Vnd), at(NOW)).unwrap_err();
        assert_eq!(e, VoucherError::Currency { code: "MOMO-X".into(), voucher: "EUR".into(), sale: "VND".into() });
        assert_eq!(e.args().len(), 3);
        // 15 % of 12.35 € = 1.8525 → 1.85; of 12.37 € = 1.8555 → 1.86
        c.kind = Some(VoucherKind::Percent { bp: 1_500 });
        assert_eq!(applicable(&c, Money::new(1_235, Eur), Money::zero(Eur), at(NOW)), Ok(Money::new(185, Eur)));
        assert_eq!(applicable(&c, Money::new(1_237, Eur), Money::zero(Eur), at(NOW)), Ok(Money::new(186, Eur)));
        assert!(matches!(applicable(&c, Money::new(1_237, Usd), Money::zero(Usd), at(NOW)), Err(VoucherError::Currency { .. })));
    }

    #[test]
    fn min_spend_error_carries_money() {
        let c = check(VoucherStatus::Valid, VoucherKind::Percent { bp: 1_000 }, Some(100_000), "2027-01-01T00:00:00+07:00");
        let e = applicable(&c, Money::new(50_000, Vnd), Money::zero(Vnd), at(NOW)).unwrap_err();
        assert_eq!(e.args(), vec![("code", Arg::Text("MOMO-X".into())), ("min", Arg::Money(Money::new(100_000, Vnd)))]);
    }

    #[test]
    fn wire_answers() {
        let ok: &[(&str, VoucherKind, Option<i64>)] = &[
            (
                r#"{"partner":"momo","code":"MOMO-50K","status":"valid","kind":"amount","value":50000,"percent":null,"currency":"VND","min_spend":null,"expires_at":"2099-12-31T23:59:59+07:00","conditions":"","extra":1}"#,
                VoucherKind::Amount(Money::new(50_000, Vnd)),
                None,
            ),
            (
                r#"{"partner":"giftpop","code":"G","status":"valid","kind":"percent","percent":10,"currency":"VND","min_spend":100000,"expires_at":null}"#,
                VoucherKind::Percent { bp: 1_000 },
                Some(100_000),
            ),
            (
                r#"{"partner":"momo","code":"P","status":"valid","kind":"percent","percent":12.5,"currency":"VND"}"#,
                VoucherKind::Percent { bp: 1_250 },
                None,
            ),
            (
                r#"{"partner":"momo","code":"P","status":"valid","kind":"percent","percent":10.0,"currency":"VND"}"#,
                VoucherKind::Percent { bp: 1_000 },
                None,
            ),
        ];
        for (json, kind, min) in ok {
            let c: VoucherCheck = serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"));
            assert_eq!(c.kind, Some(*kind));
            assert_eq!(c.min_spend.map(|m| m.minor), *min);
        }
        // Not valid: read leniently, nothing else needed.
        let nf: VoucherCheck = serde_json::from_str(r#"{"partner":"momo","code":"NOPE","status":"not_found"}"#).unwrap();
        assert_eq!((nf.status, nf.kind, nf.currency), (VoucherStatus::NotFound, None, None));
        let bad = [
            r#"{"partner":"momo","code":"X","status":"valid","kind":"amount","value":0,"currency":"VND"}"#,
            r#"{"partner":"momo","code":"X","status":"valid","kind":"amount","value":500.0,"currency":"VND"}"#,
            r#"{"partner":"momo","code":"X","status":"valid","kind":"amount","value":5000}"#,
            r#"{"partner":"momo","code":"X","status":"valid","kind":"amount","value":5000,"currency":"XXX"}"#,
            r#"{"partner":"momo","code":"X","status":"valid","kind":"percent","percent":0,"currency":"VND"}"#,
            r#"{"partner":"momo","code":"X","status":"valid","kind":"percent","percent":101,"currency":"VND"}"#,
            r#"{"partner":"momo","code":"X","status":"valid","kind":"percent","percent":-5,"currency":"VND"}"#,
            r#"{"partner":"momo","code":"X","status":"valid","kind":"percent","percent":12.345,"currency":"VND"}"#,
            r#"{"partner":"momo","code":"X","status":"valid","kind":"gift","currency":"VND"}"#,
            r#"{"partner":"momo","code":"X","status":"valid","kind":"amount","value":5000,"currency":"VND","expires_at":"tomorrow"}"#,
            r#"{"partner":"grab","code":"X","status":"not_found"}"#,
            r#"{"partner":"momo","code":"X","status":"lost"}"#,
        ];
        for json in bad {
            assert!(serde_json::from_str::<VoucherCheck>(json).is_err(), "{json}");
        }
    }

    #[test]
    fn percent_text_table() {
        let cases: &[(&str, Option<u32>)] = &[
            ("10", Some(1_000)),
            ("12.5", Some(1_250)),
            ("12.50", Some(1_250)),
            ("0.01", Some(1)),
            ("100", Some(10_000)),
            ("100.0", Some(10_000)),
            ("100.01", None),
            ("0", None),
            ("0.001", None),
            ("-1", None),
            ("1e1", None),
            ("", None),
            (".5", None),
        ];
        for &(text, want) in cases {
            assert_eq!(percent_bp(text), want, "{text:?}");
        }
    }

    #[test]
    fn codes() {
        assert_eq!(normalize_code("  MOMO-50K \n"), Ok("MOMO-50K".into()));
        assert_eq!(normalize_code("gift-abc"), Ok("gift-abc".into()));
        for bad in ["", "   ", "MOMO 50K", "A\u{7}B", &"X".repeat(65)] {
            assert!(matches!(normalize_code(bad), Err(VoucherError::BadCode { .. })), "{bad:?}");
        }
    }

    #[test]
    fn redemption_keys_are_stable_and_distinct() {
        let sale = Uuid::parse_str("0193a0c2-7d2e-7000-8000-000000000001").unwrap();
        let other = Uuid::parse_str("0193a0c2-7d2e-7000-8000-000000000002").unwrap();
        let k = redemption_key(sale, Partner::Momo, "MOMO-50K", 1);
        assert_eq!(k, redemption_key(sale, Partner::Momo, "MOMO-50K", 1));
        assert_eq!(k.len(), 32);
        assert!(k.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
        let others = [
            redemption_key(other, Partner::Momo, "MOMO-50K", 1),
            redemption_key(sale, Partner::Giftpop, "MOMO-50K", 1),
            redemption_key(sale, Partner::Momo, "MOMO-50k", 1),
            redemption_key(sale, Partner::Momo, "MOMO-50K", 2),
        ];
        for o in &others {
            assert_ne!(&k, o);
        }
    }

    #[test]
    fn every_error_has_a_voucher_id() {
        let m = Money::new(1, Vnd);
        let all = [
            VoucherError::Used { code: "c".into() },
            VoucherError::Expired { code: "c".into() },
            VoucherError::NotFound { code: "c".into() },
            VoucherError::WrongStore { code: "c".into() },
            VoucherError::Inactive { code: "c".into() },
            VoucherError::MinSpend { code: "c".into(), min: m },
            VoucherError::Currency { code: "c".into(), voucher: "EUR".into(), sale: "VND".into() },
            VoucherError::NothingDue,
            VoucherError::NoValue { code: "c".into() },
            VoucherError::BadCode { code: "c".into() },
            VoucherError::Unavailable { partner: "momo".into() },
            VoucherError::Offline,
            VoucherError::Conflict { code: "c".into() },
        ];
        let mut ids: Vec<&str> = all.iter().map(|e| e.code()).collect();
        assert!(ids.iter().all(|id| id.starts_with("err-voucher-")));
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), all.len());
    }

    #[test]
    fn alipay_is_a_partner_but_not_the_hubs() {
        assert_eq!(Partner::parse("alipay"), Some(Partner::Alipay));
        assert!(!Partner::Alipay.via_hub());
        assert!(Partner::HUB.iter().all(|p| p.via_hub()));
        assert!(!Partner::HUB.contains(&Partner::Alipay));
        // The key is a valid out_biz_no as it is.
        let k = redemption_key(Uuid::now_v7(), Partner::Alipay, "ALIQ10", 1);
        assert!((1..=64).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
    }

    #[test]
    fn wire_names() {
        for p in Partner::ALL {
            assert_eq!(serde_json::to_value(p).unwrap(), serde_json::json!(p.as_str()));
            assert_eq!(Partner::parse(p.as_str()), Some(p));
        }
        for s in VoucherStatus::ALL {
            assert_eq!(serde_json::to_value(s).unwrap(), serde_json::json!(s.as_str()));
            assert_eq!(VoucherStatus::parse(s.as_str()), Some(s));
        }
    }
}
