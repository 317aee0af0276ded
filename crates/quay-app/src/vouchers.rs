//! Vouchers at the payment screen: MoMo / GiftPop checked and redeemed through the hub,
//! Alipay merchant coupons asked of Alipay itself (`ordervoucher.query/use/refund`; the hub
//! is never asked about one).
//!
//! A voucher is *applied* to the sale being paid (checked, its value known, no money
//! moved) and *redeemed* when the sale closes: each redemption is journaled `pending` with
//! its idempotency key before the partner is asked, so a lost answer is settled by asking
//! for that key, never by redeeming blind. The hub is asked for the key; Alipay is sent the
//! very same use again (the key is its `out_biz_no`, and a replay gets the same answer). A
//! redemption whose sale never closed, or whose sale is voided, is reversed (Alipay: the
//! coupon's use refunded, where Alipay allows it).

use std::future::Future;

use chrono::{DateTime, FixedOffset};
use quay_core::auth::Action;
use quay_core::error::Arg;
use quay_core::tender::Tender;
use quay_core::voucher::{self, Partner, VoucherCheck, VoucherError, VoucherKind, VoucherStatus};
use quay_core::{Currency, Money};
use quay_hub::{voucher_error, HubError, RedeemRequest};
use quay_pay::wallet::alipay::{AlipayAnswer, AlipayClient, VoucherAnswer};
use quay_pay::wallet::{Wallet, WalletError};
use quay_store::RedemptionRecord;
use serde::Serialize;
use uuid::Uuid;

use crate::adapters::wallet::{beijing, Client};
use crate::checkout::Checkout;
use crate::views::{money, MoneyView};
use crate::{keys, AppError, Counter, Result, Who};

/// A voucher applied to the cart on the screen.
#[derive(Debug, Clone)]
pub struct Applied {
    pub check: VoucherCheck,
    /// What it pays toward this sale.
    pub amount: Money,
    /// The cart it belongs to (a new cart drops it).
    pub(crate) cart_opened: Option<DateTime<FixedOffset>>,
    /// An Alipay coupon's activity (its use and its refund name it); None for the hub's.
    pub(crate) activity: Option<String>,
}

/// A voucher as the cashier sees it.
#[derive(Debug, Clone, Serialize)]
pub struct VoucherView {
    pub partner: &'static str,
    pub code: String,
    pub status: &'static str,
    /// An amount voucher's value.
    pub value: Option<MoneyView>,
    /// A percent voucher's rate, as text ("10%").
    pub percent: Option<String>,
    pub min_spend: Option<MoneyView>,
    pub expires_at: Option<String>,
    pub conditions: String,
    /// What it pays toward this sale, when it applies.
    pub applies: Option<MoneyView>,
    /// Why it does not apply (localized), when it does not.
    pub refused: Option<String>,
}

/// Runs a hub call to completion from synchronous code, on the process's runtime.
fn hub_call<T: Send>(f: impl Future<Output = T> + Send) -> T {
    crate::rt::block_on(f)
}

/// 1000 bp → "10%", 1250 bp → "12.5%".
fn percent_text(bp: u32) -> String {
    let (whole, frac) = (bp / 100, bp % 100);
    match frac {
        0 => format!("{whole}%"),
        f if f % 10 == 0 => format!("{whole}.{}%", f / 10),
        f => format!("{whole}.{f:02}%"),
    }
}

/// What the cashier is told about a failed hub call.
fn hub_err(e: HubError) -> AppError {
    match voucher_error(&e) {
        Some(v) => AppError::from_localized(&v),
        None => e.into(),
    }
}

fn parse_partner(p: &str) -> Result<Partner> {
    Partner::parse(p).ok_or_else(|| AppError::new("err-config-value", vec![("key", "partner".into()), ("value", p.into())]))
}

// ---- Alipay merchant coupons ----------------------------------------------------------

/// How a coupon's use (or its refund) asked of Alipay ended.
enum Asked {
    /// Alipay answered 10000.
    Done,
    /// Alipay refused it (a business answer): nothing happened.
    Refused { sub_code: String, error: AppError },
    /// No answer, or one that says nothing (20000, a bad signature): it may have happened.
    Unknown(AppError),
}

fn coupon_unavailable() -> AppError {
    AppError::new("err-coupon-alipay-unavailable", vec![])
}

/// A call error of the Alipay client: an outcome not known (the request may have been
/// handled) or a refusal before anything was sent (settings, a bad field).
fn coupon_call_error(e: WalletError, code: &str) -> Asked {
    match e {
        WalletError::Network { .. } | WalletError::Http { .. } | WalletError::BadSignature | WalletError::Decode(_) => {
            tracing::warn!(error = %e, "Alipay coupon call: no usable answer");
            Asked::Unknown(coupon_unavailable())
        }
        other => Asked::Refused { sub_code: String::new(), error: coupon_refused(code, &other.to_string()) },
    }
}

fn coupon_refused(code: &str, error: &str) -> AppError {
    AppError::new("err-coupon-alipay-refused", vec![("code", Arg::Text(code.to_string())), ("error", Arg::Text(error.to_string()))])
}

/// What an Alipay answer to a use or a refund means.
fn coupon_answer(a: &AlipayAnswer, code: &str) -> Asked {
    if a.is_success() {
        return Asked::Done;
    }
    // 20000 (system busy), 10003, a system error or a code we cannot read say nothing of
    // whether it happened: only known business refusals are final.
    if a.code == "20000" || a.code == "10003" {
        return Asked::Unknown(coupon_unavailable());
    }
    let sub = a.error_code();
    let bare = sub.rsplit('.').next().unwrap_or(&sub);
    let known = matches!(a.code.as_str(), "40001" | "40002")
        || matches!(
            bare,
            "VOUCHER_NOT_EXIST"
                | "VOUCHER_EXPIRED"
                | "VOUCHER_ALREADY_USED"
                | "VOUCHER_USED"
                | "DISCORDANT_REPEAT_REQUEST"
                | "SHOP_NOT_EXIST"
                | "USE_RECORD_NOT_EXIST"
                | "INVALID_PARAMETER"
        )
        || bare.contains("STORE")
        || bare.contains("SHOP");
    if !known {
        tracing::warn!(code = %a.code, sub_code = %sub, "Alipay coupon answer says nothing final");
        return Asked::Unknown(coupon_unavailable());
    }
    Asked::Refused { error: coupon_error(&sub, code, a.sub_msg.as_deref().unwrap_or_default()), sub_code: sub }
}

/// The cashier's words for an Alipay coupon refusal (sub codes come with or without a prefix).
fn coupon_error(sub_code: &str, code: &str, sub_msg: &str) -> AppError {
    let c = || code.to_string();
    let bare = sub_code.rsplit('.').next().unwrap_or(sub_code);
    let v = match bare {
        "VOUCHER_NOT_EXIST" => VoucherError::NotFound { code: c() },
        "VOUCHER_EXPIRED" => VoucherError::Expired { code: c() },
        "VOUCHER_ALREADY_USED" | "VOUCHER_USED" => VoucherError::Used { code: c() },
        "DISCORDANT_REPEAT_REQUEST" => VoucherError::Conflict { code: c() },
        // Alipay does not know our shop: the counter's shop record is stale.
        "SHOP_NOT_EXIST" => return AppError::new("err-coupon-no-shop", vec![]),
        // A coupon another shop's activity gave out.
        b if b.contains("STORE") || b.contains("SHOP") => VoucherError::WrongStore { code: c() },
        _ => {
            let detail = if sub_msg.is_empty() { sub_code.to_string() } else { format!("{sub_code}: {sub_msg}") };
            return coupon_refused(code, &detail);
        }
    };
    AppError::from_localized(&v)
}

/// A coupon as Alipay's query describes it, read as a voucher check: `UNUSED` → valid (an
/// amount voucher in yuan, its `floor_amount` the minimum spend), `USED` → used,
/// `EXPIRED` → expired, `VOUCHER_NOT_EXIST` → not found. The activity comes along.
fn coupon_check(code: &str, q: &VoucherAnswer) -> Result<(VoucherCheck, Option<String>)> {
    let mut check = VoucherCheck {
        partner: Partner::Alipay,
        code: code.to_string(),
        status: VoucherStatus::NotFound,
        kind: None,
        currency: Some(Currency::Cny),
        min_spend: None,
        expires_at: None,
        conditions: q.name.clone().unwrap_or_default(),
    };
    if !q.answer.is_success() {
        return match coupon_answer(&q.answer, code) {
            Asked::Refused { sub_code, .. } if sub_code.ends_with("VOUCHER_NOT_EXIST") => Ok((check, None)),
            Asked::Refused { error, .. } | Asked::Unknown(error) => Err(error),
            Asked::Done => unreachable!("not a success"),
        };
    }
    if q.voucher_code.as_deref().is_some_and(|c| c != code) {
        return Err(coupon_refused(code, &format!("answered about {:?}", q.voucher_code)));
    }
    check.status = match q.status.as_deref() {
        Some("UNUSED") => VoucherStatus::Valid,
        Some("USED") => VoucherStatus::Used,
        Some("EXPIRED") => VoucherStatus::Expired,
        _ => VoucherStatus::Inactive,
    };
    let amount = q.amount_fen.filter(|f| *f > 0 && *f <= quay_core::money::MAX_MINOR);
    match amount {
        Some(fen) => check.kind = Some(VoucherKind::Amount(Money::new(fen, Currency::Cny))),
        None if check.status == VoucherStatus::Valid => return Err(coupon_refused(code, "no amount")),
        None => {}
    }
    check.min_spend = q.floor_amount_fen.filter(|f| *f > 0).map(|f| Money::new(f, Currency::Cny));
    if check.status == VoucherStatus::Valid && q.activity_id.is_none() {
        return Err(coupon_refused(code, "no activity_id"));
    }
    Ok((check, q.activity_id.clone()))
}

/// Runs an Alipay call to completion from synchronous code.
fn alipay_call<T: Send>(f: impl Future<Output = T> + Send) -> T {
    crate::rt::block_on(f)
}

impl Counter {
    /// The Alipay client for coupons, whatever the counter's currency (a reversal is owed
    /// even if the counter changed since).
    fn alipay_client(&self) -> Result<AlipayClient> {
        match self.wallet_client(Wallet::Alipay)?.0 {
            Client::Alipay(c) => Ok(c),
            _ => unreachable!("the Alipay wallet has an Alipay client"),
        }
    }

    /// Whether this counter takes Alipay coupons: a counter in yuan with Alipay enabled.
    pub(crate) fn takes_alipay_coupons(&self) -> Result<bool> {
        Ok(self.config().currency == Currency::Cny && self.setting(keys::ALIPAY_ENABLED)?.as_deref() == Some("true"))
    }

    /// The client to check and use coupons with, on a counter that takes them.
    fn coupon_client(&self) -> Result<AlipayClient> {
        if !self.takes_alipay_coupons()? {
            return Err(AppError::new("err-coupon-alipay-off", vec![]));
        }
        self.alipay_client()
    }

    /// The approved Alipay shop coupons are used at (`store_id` of a use).
    fn coupon_shop(&self) -> Result<String> {
        let code = self.setting(keys::ALIPAY_STORE_CODE)?.filter(|v| !v.trim().is_empty());
        let Some(code) = code else { return Err(AppError::new("err-coupon-no-shop", vec![])) };
        self.store()
            .alipay_shop(code.trim())?
            .filter(|s| s.status == crate::alipay::SHOP_APPROVED)
            .and_then(|s| s.shop_id)
            .filter(|id| !id.is_empty())
            .ok_or_else(|| AppError::new("err-coupon-no-shop", vec![]))
    }

    /// Asks Alipay about a coupon.
    fn query_coupon(&self, client: &AlipayClient, code: &str) -> Result<(VoucherCheck, Option<String>)> {
        let q = match alipay_call(client.voucher_query(code, beijing(self.now()))) {
            Ok(q) => q,
            Err(e) => {
                return Err(match coupon_call_error(e, code) {
                    Asked::Refused { error, .. } | Asked::Unknown(error) => error,
                    Asked::Done => unreachable!("an error"),
                })
            }
        };
        coupon_check(code, &q)
    }

    /// The coupon's activity, asked again (a settling or a reversal after a restart).
    fn coupon_activity(&self, client: &AlipayClient, code: &str) -> Result<String> {
        match self.query_coupon(client, code)? {
            (_, Some(activity)) => Ok(activity),
            (_, None) => Err(AppError::from_localized(&VoucherError::NotFound { code: code.to_string() })),
        }
    }

    /// The use of `code` under `out_biz_no`, sent once more if no answer came: Alipay
    /// answers a replay (biz_dt aside) as it answered the first.
    fn use_coupon(&self, client: &AlipayClient, activity: &str, code: &str, out_biz_no: &str, shop_id: &str) -> Asked {
        let mut last = Asked::Unknown(coupon_unavailable());
        for _ in 0..2 {
            last = match alipay_call(client.voucher_use(activity, code, out_biz_no, shop_id, None, beijing(self.now()))) {
                Ok(a) => coupon_answer(&a, code),
                Err(e) => coupon_call_error(e, code),
            };
            if !matches!(last, Asked::Unknown(_)) {
                break;
            }
        }
        last
    }

    /// Asks the partner about a code: the hub, or Alipay for its coupons.
    fn ask_check(&self, partner: Partner, code: &str, sale_id: Uuid, total: Money) -> Result<(VoucherCheck, Option<String>)> {
        if partner == Partner::Alipay {
            let client = self.coupon_client()?;
            return self.query_coupon(&client, code);
        }
        let hub = self.hub()?;
        Ok((hub_call(hub.check_voucher(partner, code, sale_id, total)).map_err(hub_err)?, None))
    }

    fn voucher_view(&self, check: &VoucherCheck, applies: Option<Money>, refused: Option<&AppError>) -> VoucherView {
        let lang = self.lang();
        let i18n = self.i18n();
        VoucherView {
            partner: check.partner.as_str(),
            code: check.code.clone(),
            status: check.status.as_str(),
            value: match &check.kind {
                Some(VoucherKind::Amount(m)) => Some(money(i18n, lang, *m)),
                _ => None,
            },
            percent: match &check.kind {
                Some(VoucherKind::Percent { bp }) => Some(percent_text(*bp)),
                _ => None,
            },
            min_spend: check.min_spend.map(|m| money(i18n, lang, m)),
            expires_at: check.expires_at.map(|t| t.to_rfc3339()),
            conditions: check.conditions.clone(),
            applies: applies.map(|m| money(i18n, lang, m)),
            refused: refused.map(|e| self.message(e)),
        }
    }

    /// Asks the hub about a code, for the cart on the screen; applies nothing. A voucher
    /// that does not apply (used, expired, below its minimum…) comes back with the reason.
    pub fn check_voucher(&self, co: &Checkout, who: &Who, partner: &str, code: &str) -> Result<VoucherView> {
        self.allow(who, Action::RingSale)?;
        let (check, _, applies) = self.check_for_cart(co, parse_partner(partner)?, code)?;
        Ok(match applies {
            Ok(m) => self.voucher_view(&check, Some(m), None),
            Err(e) => self.voucher_view(&check, None, Some(&e)),
        })
    }

    /// Asks the hub about a code outside any sale (`quay voucher check`): its facts, and
    /// what it would pay on a sale of `total` when one is given.
    pub fn check_voucher_code(&self, who: &Who, partner: &str, code: &str, total: Option<Money>) -> Result<VoucherView> {
        self.allow(who, Action::RingSale)?;
        let partner = parse_partner(partner)?;
        let code = voucher::normalize_code(code).map_err(|e| AppError::from_localized(&e))?;
        let amount = total.unwrap_or(Money::zero(self.config().currency));
        let (check, _) = self.ask_check(partner, &code, Uuid::now_v7(), amount)?;
        let applies = match total {
            Some(t) => voucher::applicable(&check, t, Money::zero(t.currency), self.now()).map_err(|e| AppError::from_localized(&e)),
            // No sale: only the status and the dates decide.
            None => voucher::usable(&check, self.now()).map(|_| Money::zero(amount.currency)).map_err(|e| AppError::from_localized(&e)),
        };
        Ok(match applies {
            Ok(m) if total.is_some() => self.voucher_view(&check, Some(m), None),
            Ok(_) => self.voucher_view(&check, None, None),
            Err(e) => self.voucher_view(&check, None, Some(&e)),
        })
    }

    fn check_for_cart(&self, co: &Checkout, partner: Partner, code: &str) -> Result<(VoucherCheck, Option<String>, Result<Money>)> {
        let code = voucher::normalize_code(code).map_err(|e| AppError::from_localized(&e))?;
        let cart = self.cart_of(co).clone();
        if cart.is_empty() {
            return Err(quay_core::CoreError::EmptyCart.into());
        }
        let total = cart.totals()?.total;
        let sale_id = self.paying_sale_id(co, &cart);
        let (check, activity) = self.ask_check(partner, &code, sale_id, total)?;
        let paid = self.approved_tenders(co)?.iter().map(|t| t.amount).sum::<i64>() + co.voucher_total(cart.opened_at);
        let applies =
            voucher::applicable(&check, total, Money::new(paid, total.currency), self.now()).map_err(|e| AppError::from_localized(&e));
        Ok((check, activity, applies))
    }

    /// Checks a code and applies it to the sale being paid: it becomes a tender of what
    /// it pays (capped at what is due; no change is given for a voucher).
    pub fn apply_voucher(&self, co: &Checkout, who: &Who, partner: &str, code: &str) -> Result<VoucherView> {
        self.allow(who, Action::RingSale)?;
        let partner = parse_partner(partner)?;
        let normalized = voucher::normalize_code(code).map_err(|e| AppError::from_localized(&e))?;
        if co.applied_vouchers().iter().any(|a| a.check.partner == partner && a.check.code == normalized) {
            return Err(AppError::new("err-voucher-twice", vec![("code", Arg::Text(normalized))]));
        }
        let (check, activity, applies) = self.check_for_cart(co, partner, &normalized)?;
        let amount = applies?;
        let view = self.voucher_view(&check, Some(amount), None);
        let opened = self.cart_of(co).opened_at;
        co.vouchers().push(Applied { check, amount, cart_opened: opened, activity });
        tracing::info!(partner = partner.as_str(), amount = amount.minor, "voucher applied");
        Ok(view)
    }

    /// Takes an applied (not yet redeemed) voucher off the sale.
    pub fn remove_voucher(&self, co: &Checkout, who: &Who, partner: &str, code: &str) -> Result<()> {
        self.allow(who, Action::RingSale)?;
        let partner = parse_partner(partner)?;
        co.vouchers().retain(|a| !(a.check.partner == partner && a.check.code == code));
        Ok(())
    }

    /// Redeems every voucher applied to the sale `sale_id` about to close, each journaled
    /// first. Returns their tenders. On a refusal the voucher is taken off the sale and
    /// the error says why; vouchers already redeemed stay redeemed (they belong to this
    /// sale and are reversed if it never closes).
    pub(crate) fn redeem_applied(&self, co: &Checkout, sale_id: Uuid, opened: Option<DateTime<FixedOffset>>) -> Result<Vec<Tender>> {
        let applied = co.applied_for(opened);
        let mut tenders = Vec::new();
        for a in applied {
            match self.redeem_one(sale_id, &a) {
                Ok(t) => tenders.push(t),
                Err(e) => {
                    let (p, c) = (a.check.partner, a.check.code.clone());
                    co.vouchers().retain(|x| !(x.check.partner == p && x.check.code == c));
                    return Err(e);
                }
            }
        }
        Ok(tenders)
    }

    fn redeem_one(&self, sale_id: Uuid, a: &Applied) -> Result<Tender> {
        let partner = a.check.partner;
        // A key already redeemed for this sale is reused as is (a retry after a failed
        // close); a failed or reversed one is spent: the next attempt gets a new key.
        let earlier = self.store().redemptions_of_sale(sale_id)?;
        let mine: Vec<&RedemptionRecord> = earlier.iter().filter(|r| r.partner == partner.as_str() && r.code == a.check.code).collect();
        if let Some(r) = mine.iter().find(|r| r.state == "redeemed") {
            return Ok(Tender::voucher(partner, Money::new(r.amount, a.amount.currency), r.redemption_id.as_deref().unwrap_or_default()));
        }
        if partner == Partner::Alipay {
            return self.redeem_coupon(sale_id, a, &mine);
        }
        let attempt = mine.len() as u32 + 1;
        let key = voucher::redemption_key(sale_id, partner, &a.check.code, attempt);
        let at = self.now().to_rfc3339();
        self.store().begin_redemption(&key, sale_id, partner.as_str(), &a.check.code, a.amount.minor, a.amount.currency.code(), &at)?;
        let hub = self.hub()?;
        let req = RedeemRequest { partner, code: a.check.code.clone(), sale_id, amount_applied: a.amount, idempotency_key: key.clone() };
        let answer = match hub_call(hub.redeem_voucher(&req)) {
            Ok(r) => Ok(r),
            // The answer may be lost after the hub redeemed: ask it, never guess.
            Err(e) if e.retryable() => match hub_call(hub.redemption(&key)) {
                Ok(Some(r)) => Ok(r),
                Ok(None) => Err(e),
                Err(_) => {
                    // Not known either way: stays pending, settled at the next start.
                    return Err(hub_err(e));
                }
            },
            Err(e) => Err(e),
        };
        let at = self.now().to_rfc3339();
        match answer {
            Ok(r) => {
                self.store().set_redemption(&key, "redeemed", Some(&r.redemption_id), None, &at)?;
                tracing::info!(partner = partner.as_str(), amount = r.amount_applied, "voucher redeemed");
                Ok(Tender::voucher(partner, Money::new(r.amount_applied, a.amount.currency), &r.redemption_id))
            }
            Err(e) => {
                self.store().set_redemption(&key, "failed", None, Some(&e.to_string()), &at)?;
                Err(hub_err(e))
            }
        }
    }

    /// An Alipay coupon's use at the close: nothing is journaled before the counter can
    /// use coupons at an approved shop; then `pending` under the key (Alipay's
    /// `out_biz_no`), and the use. An answer never heard leaves it pending (settled by
    /// sending the same use again); a pending use of this sale is sent again, same key.
    fn redeem_coupon(&self, sale_id: Uuid, a: &Applied, mine: &[&RedemptionRecord]) -> Result<Tender> {
        let code = &a.check.code;
        let client = self.coupon_client()?;
        let shop = self.coupon_shop()?;
        let activity = match &a.activity {
            Some(act) => act.clone(),
            None => self.coupon_activity(&client, code)?,
        };
        let key = match mine.iter().find(|r| r.state == "pending") {
            Some(r) => r.key.clone(),
            None => voucher::redemption_key(sale_id, Partner::Alipay, code, mine.len() as u32 + 1),
        };
        let at = self.now().to_rfc3339();
        self.store().begin_redemption(&key, sale_id, Partner::Alipay.as_str(), code, a.amount.minor, a.amount.currency.code(), &at)?;
        let asked = self.use_coupon(&client, &activity, code, &key, &shop);
        let at = self.now().to_rfc3339();
        match asked {
            Asked::Done => {
                // The use has no id of its own: its out_biz_no names it.
                self.store().set_redemption(&key, "redeemed", Some(&key), None, &at)?;
                tracing::info!(partner = "alipay", amount = a.amount.minor, "coupon used");
                Ok(Tender::voucher(Partner::Alipay, a.amount, &key))
            }
            Asked::Refused { sub_code, error } => {
                self.store().set_redemption(&key, "failed", None, Some(&format!("Alipay {sub_code}")), &at)?;
                Err(error)
            }
            // Not known either way: stays pending, settled by sending the same use again.
            Asked::Unknown(e) => Err(e),
        }
    }

    /// Gives an Alipay coupon back (`ordervoucher.refund`, the use's out_biz_no). Alipay
    /// having no such use: nothing to give back. Alipay refusing the refund: the coupon
    /// stays used (the refusal noted) and the void goes on; no answer: an error (retry).
    fn reverse_coupon(&self, r: &RedemptionRecord, reason: &str) -> Result<()> {
        let client = self.alipay_client()?;
        let activity = self.coupon_activity(&client, &r.code)?;
        let asked = match alipay_call(client.voucher_refund(&activity, &r.code, &r.key, beijing(self.now()))) {
            Ok(a) => coupon_answer(&a, &r.code),
            Err(e) => coupon_call_error(e, &r.code),
        };
        let at = self.now().to_rfc3339();
        match asked {
            Asked::Done => {
                self.store().set_redemption(&r.key, "reversed", None, Some(reason), &at)?;
                tracing::info!(partner = "alipay", "coupon use refunded");
                Ok(())
            }
            Asked::Refused { sub_code, .. } if sub_code.ends_with("USE_RECORD_NOT_EXIST") => {
                self.store().set_redemption(&r.key, "reversed", None, Some("Alipay has no use under this out_biz_no"), &at)?;
                Ok(())
            }
            Asked::Refused { sub_code, .. } => {
                tracing::warn!(sub_code, key = %r.key, "Alipay refused to refund the coupon's use: it stays used");
                self.store().set_redemption(&r.key, "redeemed", None, Some(&format!("refund refused: Alipay {sub_code}")), &at)?;
                Ok(())
            }
            Asked::Unknown(e) => Err(e),
        }
    }

    /// A coupon use whose answer was lost: the same use sent again answers what happened
    /// (a use never received happens now, and is reversed with its unclosed sale).
    fn settle_coupon(&self, r: &RedemptionRecord) -> Result<RedemptionRecord> {
        let client = self.alipay_client()?;
        let at = || self.now().to_rfc3339();
        let shop = self.coupon_shop()?;
        let activity = match self.query_coupon(&client, &r.code)? {
            // Still unused: the lost use never happened, and its sale never closed.
            (check, _) if check.status == quay_core::voucher::VoucherStatus::Valid => {
                return Ok(self.store().set_redemption(&r.key, "failed", None, Some("Alipay: the coupon is still unused"), &at())?)
            }
            (_, Some(act)) => act,
            (_, None) => return Ok(self.store().set_redemption(&r.key, "failed", None, Some("Alipay has no such coupon"), &at())?),
        };
        match self.use_coupon(&client, &activity, &r.code, &r.key, &shop) {
            Asked::Done => Ok(self.store().set_redemption(&r.key, "redeemed", Some(&r.key), None, &at())?),
            Asked::Refused { sub_code, .. } => {
                Ok(self.store().set_redemption(&r.key, "failed", None, Some(&format!("Alipay {sub_code}")), &at())?)
            }
            Asked::Unknown(e) => Err(e),
        }
    }

    /// Reverses every redeemed voucher of a sale (its void, or a sale that never closed).
    pub(crate) fn reverse_vouchers(&self, sale_id: Uuid, reason: &str) -> Result<()> {
        let redeemed: Vec<RedemptionRecord> =
            self.store().redemptions_of_sale(sale_id)?.into_iter().filter(|r| r.state == "redeemed").collect();
        if redeemed.is_empty() {
            return Ok(());
        }
        let mut hub = None;
        for r in redeemed {
            let partner = parse_partner(&r.partner)?;
            if partner == Partner::Alipay {
                self.reverse_coupon(&r, reason)?;
                continue;
            }
            let hub = match &hub {
                Some(h) => h,
                None => hub.insert(self.hub()?),
            };
            let id = r.redemption_id.clone().unwrap_or_default();
            hub_call(hub.reverse_voucher(partner, &id, reason)).map_err(hub_err)?;
            self.store().set_redemption(&r.key, "reversed", None, Some(reason), &self.now().to_rfc3339())?;
            tracing::info!(partner = %r.partner, "voucher redemption reversed");
        }
        Ok(())
    }

    /// Redemptions whose answer was lost are settled by asking the hub; redeemed vouchers
    /// whose sale never closed are reversed. Returns what changed. Asked by someone at the
    /// counter; start-up does the same as the counter's own work.
    pub fn resolve_vouchers(&self, who: &Who) -> Result<Vec<RedemptionRecord>> {
        self.allow(who, Action::RingSale)?;
        self.settle_open_vouchers()
    }

    pub(crate) fn settle_open_vouchers(&self) -> Result<Vec<RedemptionRecord>> {
        let mut out = Vec::new();
        let pending = self.store().redemptions_pending()?;
        if pending.is_empty() && self.store().redemptions_without_sale()?.is_empty() {
            return Ok(out);
        }
        let mut hub = None;
        for r in pending {
            if r.partner == Partner::Alipay.as_str() {
                out.push(self.settle_coupon(&r)?);
                continue;
            }
            let hub = match &hub {
                Some(h) => h,
                None => hub.insert(self.hub()?),
            };
            let at = self.now().to_rfc3339();
            let settled = match hub_call(hub.redemption(&r.key)).map_err(hub_err)? {
                Some(found) => self.store().set_redemption(&r.key, "redeemed", Some(&found.redemption_id), None, &at)?,
                None => self.store().set_redemption(&r.key, "failed", None, Some("the hub has no redemption for this key"), &at)?,
            };
            out.push(settled);
        }
        // Redemptions of a sale still being paid exist only between its redemption and its
        // close, in the process paying it; this runs at start-up or from another process.
        let orphans = self.store().redemptions_without_sale()?;
        for r in orphans {
            self.reverse_vouchers(r.sale_id, "the sale was never closed")?;
            if let Some(done) = self.store().redemption(&r.key)? {
                out.push(done);
            }
        }
        Ok(out)
    }
}

/// One applied voucher on the payment screen.
#[derive(Debug, Clone, Serialize)]
pub struct AppliedView {
    pub partner: &'static str,
    pub code: String,
    pub amount: MoneyView,
}

/// The payment screen: the total, what card payments and vouchers cover, what is due.
#[derive(Debug, Clone, Serialize)]
pub struct PaymentView {
    pub total: MoneyView,
    pub card_paid: MoneyView,
    pub vouchers: Vec<AppliedView>,
    pub due: MoneyView,
}

impl Counter {
    pub fn payment_view(&self, co: &Checkout, who: &Who) -> Result<PaymentView> {
        self.allow(who, Action::RingSale)?;
        let (lang, i18n) = (self.lang(), self.i18n());
        let cart = self.cart_of(co).clone();
        let total = cart.totals()?.total;
        let card: i64 = self.approved_tenders(co)?.iter().map(|t| t.amount).sum();
        let applied = co.applied_for(cart.opened_at);
        let vouchers: i64 = applied.iter().map(|a| a.amount.minor).sum();
        Ok(PaymentView {
            total: money(i18n, lang, total),
            card_paid: money(i18n, lang, Money::new(card, total.currency)),
            vouchers: applied
                .iter()
                .map(|a| AppliedView { partner: a.check.partner.as_str(), code: a.check.code.clone(), amount: money(i18n, lang, a.amount) })
                .collect(),
            due: money(i18n, lang, Money::new((total.minor - card - vouchers).max(0), total.currency)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(v: serde_json::Value) -> VoucherAnswer {
        let serde_json::Value::Object(m) = v else { unreachable!() };
        VoucherAnswer::from_answer(AlipayAnswer::from_fields(m, true).unwrap())
    }

    #[test]
    fn coupon_queries_read_as_checks() {
        let q = |status: &str| {
            answer(serde_json::json!({"code": "10000", "msg": "Success", "voucher_code": "ALIQ10", "activity_id": "ACT-1",
                "status": status, "amount": "10.00", "floor_amount": "50.00", "name": "满50减10"}))
        };
        let (c, act) = coupon_check("ALIQ10", &q("UNUSED")).unwrap();
        assert_eq!((c.partner, c.status, act.as_deref()), (Partner::Alipay, VoucherStatus::Valid, Some("ACT-1")));
        assert_eq!(c.kind, Some(VoucherKind::Amount(Money::new(1_000, Currency::Cny))));
        assert_eq!((c.min_spend, c.conditions.as_str()), (Some(Money::new(5_000, Currency::Cny)), "满50减10"));
        assert_eq!(coupon_check("ALIQ10", &q("USED")).unwrap().0.status, VoucherStatus::Used);
        assert_eq!(coupon_check("ALIQ10", &q("EXPIRED")).unwrap().0.status, VoucherStatus::Expired);
        assert_eq!(coupon_check("ALIQ10", &q("FROZEN")).unwrap().0.status, VoucherStatus::Inactive);
        // An answer about another code is not an answer about this one.
        assert_eq!(coupon_check("ALIQ5", &q("UNUSED")).unwrap_err().code, "err-coupon-alipay-refused");
        let none = answer(serde_json::json!({"code": "40004", "msg": "Business Failed", "sub_code": "VOUCHER_NOT_EXIST"}));
        assert_eq!(coupon_check("NOPE", &none).unwrap().0.status, VoucherStatus::NotFound);
        let busy = answer(serde_json::json!({"code": "20000", "msg": "Service Currently Unavailable", "sub_code": "isp.unknow-error"}));
        assert_eq!(coupon_check("ALIQ10", &busy).unwrap_err().code, "err-coupon-alipay-unavailable");
        let no_amount = answer(serde_json::json!({"code": "10000", "msg": "Success", "activity_id": "A", "status": "UNUSED"}));
        assert!(coupon_check("X", &no_amount).is_err(), "a valid coupon has a value");
    }

    #[test]
    fn coupon_refusals_in_words() {
        let cases = [
            ("VOUCHER_NOT_EXIST", "err-voucher-not-found"),
            ("VOUCHER_EXPIRED", "err-voucher-expired"),
            ("VOUCHER_ALREADY_USED", "err-voucher-used"),
            ("ACQ.VOUCHER_ALREADY_USED", "err-voucher-used"),
            ("DISCORDANT_REPEAT_REQUEST", "err-voucher-conflict"),
            ("SHOP_NOT_EXIST", "err-coupon-no-shop"),
            ("VOUCHER_STORE_NOT_MATCH", "err-voucher-wrong-store"),
            ("SOMETHING_ELSE", "err-coupon-alipay-refused"),
        ];
        for (sub, id) in cases {
            assert_eq!(coupon_error(sub, "C1", "").code, id, "{sub}");
        }
    }
}
