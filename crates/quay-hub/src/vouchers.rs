//! The hub's voucher calls (hub-api.md, "Vouchers"): check, redeem, look a redemption up
//! by its idempotency key, reverse. Signed and verified like every call (`HubClient::call`).
//! What a voucher pays is the core's (`quay_core::voucher::applicable`); this only speaks.

use quay_core::voucher::{Partner, VoucherCheck, VoucherError};
use quay_core::Money;
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use crate::client::{expect_ok, parse, refused, Answer, HubClient};
use crate::error::HubError;

/// What `POST /vouchers/redeem` sends. Keep the same `idempotency_key`
/// (`quay_core::voucher::redemption_key`) for every retry of one redemption.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RedeemRequest {
    pub partner: Partner,
    pub code: String,
    pub sale_id: Uuid,
    /// What the voucher pays toward the sale (`applicable`'s result).
    pub amount_applied: Money,
    pub idempotency_key: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RedemptionStatus {
    Redeemed,
    /// Reversed since: the voucher is free again, and this key is spent.
    Reversed,
}

/// A redemption as the hub answers it (redeem and lookup share the shape).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Redemption {
    pub redemption_id: String,
    pub status: RedemptionStatus,
    /// Minor units of the sale's currency.
    pub amount_applied: i64,
}

/// What a failed voucher call means to the cashier, when it has a voucher-specific
/// meaning: no answer at all (network, or an answer not signed by our hub) → offline;
/// 503 `unavailable` → the partner is not answering; 409 → conflict. Anything else
/// (configuration, a refusal, a garbled answer) keeps the hub's own message: None.
pub fn voucher_error(e: &HubError) -> Option<VoucherError> {
    match e {
        HubError::Network { .. } | HubError::BadSignature => Some(VoucherError::Offline),
        HubError::PartnerUnavailable { partner, .. } => Some(VoucherError::Unavailable { partner: partner.clone() }),
        HubError::Conflict { code, .. } => Some(VoucherError::Conflict { code: code.clone() }),
        HubError::NotConfigured { .. } | HubError::Refused { .. } | HubError::BadAnswer { .. } => None,
    }
}

/// The voucher calls' own refusals: 503 `unavailable` names the partner, 409 is a conflict.
fn voucher_refused(a: &Answer, partner: &str, code: &str) -> HubError {
    match refused(a) {
        HubError::Refused { status: 503, code: c, message } if c == "unavailable" => {
            HubError::PartnerUnavailable { partner: partner.to_string(), message }
        }
        HubError::Refused { status: 409, message, .. } => HubError::Conflict { code: code.to_string(), message },
        other => other,
    }
}

fn expect_voucher_ok(a: &Answer, partner: &str, code: &str) -> Result<(), HubError> {
    if a.status.is_success() {
        Ok(())
    } else {
        Err(voucher_refused(a, partner, code))
    }
}

fn body(v: serde_json::Value) -> Vec<u8> {
    serde_json::to_vec(&v).expect("JSON values serialize")
}

/// A key goes into the path: anything but [A-Za-z0-9_.~-] is percent-encoded.
fn path_segment(s: &str) -> String {
    s.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

impl HubClient {
    /// `POST /vouchers/check` for a sale of `sale_total`. The answer is checked as it is
    /// read (a valid voucher must have a kind, a currency Quay knows, sane amounts) and
    /// must be about the voucher asked for; what it pays is `voucher::applicable`'s.
    pub async fn check_voucher(&self, partner: Partner, code: &str, sale_id: Uuid, sale_total: Money) -> Result<VoucherCheck, HubError> {
        let req = body(json!({"partner": partner, "code": code, "sale_id": sale_id, "amount": sale_total.minor}));
        let a = self.call(Method::POST, "/vouchers/check", req, HeaderMap::new()).await?;
        expect_voucher_ok(&a, partner.as_str(), code)?;
        let check: VoucherCheck = parse(&a.body)?;
        if check.partner != partner || check.code != code {
            return Err(HubError::BadAnswer {
                detail: format!("asked about {partner} {code}, answered about {} {}", check.partner, check.code),
            });
        }
        Ok(check)
    }

    /// `POST /vouchers/redeem`. Retrying with the same request returns the same
    /// redemption; after a lost answer, `redemption(key)` tells whether it happened.
    pub async fn redeem_voucher(&self, r: &RedeemRequest) -> Result<Redemption, HubError> {
        let req = body(json!({
            "partner": r.partner, "code": r.code, "sale_id": r.sale_id,
            "amount_applied": r.amount_applied.minor, "idempotency_key": r.idempotency_key,
        }));
        let a = self.call(Method::POST, "/vouchers/redeem", req, HeaderMap::new()).await?;
        expect_voucher_ok(&a, r.partner.as_str(), &r.code)?;
        let red: Redemption = parse(&a.body)?;
        // The tender records what we asked for; a hub applying another amount is not one
        // we can book a tender against.
        if red.amount_applied != r.amount_applied.minor {
            return Err(HubError::BadAnswer {
                detail: format!("asked to apply {}, the hub applied {}", r.amount_applied.minor, red.amount_applied),
            });
        }
        Ok(red)
    }

    /// `GET /vouchers/redemptions/<idempotency_key>`: the redemption, or None on 404
    /// (the redeem never reached the hub: it is safe to send it again, same key).
    pub async fn redemption(&self, idempotency_key: &str) -> Result<Option<Redemption>, HubError> {
        let path = format!("/vouchers/redemptions/{}", path_segment(idempotency_key));
        let a = self.call(Method::GET, &path, Vec::new(), HeaderMap::new()).await?;
        if a.status == StatusCode::NOT_FOUND {
            return Ok(None);
        }
        expect_ok(&a)?;
        parse(&a.body).map(Some)
    }

    /// `POST /vouchers/reverse` (idempotent: reversing twice is fine). The voucher is
    /// free again at the partner. `partner` (the tender's) is not sent: it only names who
    /// is not answering in the error.
    pub async fn reverse_voucher(&self, partner: Partner, redemption_id: &str, reason: &str) -> Result<(), HubError> {
        let req = body(json!({"redemption_id": redemption_id, "reason": reason}));
        let a = self.call(Method::POST, "/vouchers/reverse", req, HeaderMap::new()).await?;
        expect_voucher_ok(&a, partner.as_str(), redemption_id)?;
        #[derive(Deserialize)]
        struct Reversed {
            status: String,
        }
        match parse::<Reversed>(&a.body)?.status.as_str() {
            "reversed" => Ok(()),
            other => Err(HubError::BadAnswer { detail: format!("reverse answered status {other:?}") }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_encoded_for_the_path() {
        assert_eq!(path_segment("0123abcdef-_"), "0123abcdef-_");
        assert_eq!(path_segment("a/b?c"), "a%2Fb%3Fc");
        assert_eq!(path_segment("đ"), "%C4%91");
    }

    #[test]
    fn errors_map_to_what_the_cashier_is_told() {
        use quay_core::Localized;
        let cases: &[(HubError, Option<&str>, bool)] = &[
            (HubError::Network { detail: "refused".into() }, Some("err-voucher-offline"), true),
            (HubError::BadSignature, Some("err-voucher-offline"), true),
            (HubError::PartnerUnavailable { partner: "momo".into(), message: String::new() }, Some("err-voucher-unavailable"), true),
            (HubError::Conflict { code: "MOMO-50K".into(), message: String::new() }, Some("err-voucher-conflict"), false),
            (HubError::Refused { status: 400, code: "invalid".into(), message: String::new() }, None, false),
        ];
        for (e, id, retry) in cases {
            assert_eq!(voucher_error(e).map(|v| v.code()), *id, "{e}");
            assert_eq!(e.retryable(), *retry, "{e}");
        }
        // The hub error and the voucher error say the same thing with the same variables.
        let e = HubError::PartnerUnavailable { partner: "giftpop".into(), message: "x".into() };
        let v = voucher_error(&e).unwrap();
        assert_eq!((e.code(), e.args()), (v.code(), v.args()));
        let e = HubError::Conflict { code: "GIFT-BIG".into(), message: "x".into() };
        let v = voucher_error(&e).unwrap();
        assert_eq!((e.code(), e.args()), (v.code(), v.args()));
    }
}
