//! MoMo / GiftPop vouchers at the payment screen, checked and redeemed through the hub.
//!
//! A voucher is *applied* to the sale being paid (checked, its value known, no money
//! moved) and *redeemed* when the sale closes: each redemption is journaled `pending` with
//! its idempotency key before the hub is asked, so a lost answer is settled by asking the
//! hub for that key, never by redeeming blind. A redemption whose sale never closed, or
//! whose sale is voided, is reversed.

use std::future::Future;

use chrono::{DateTime, FixedOffset};
use quay_core::auth::Action;
use quay_core::error::Arg;
use quay_core::tender::Tender;
use quay_core::voucher::{self, Partner, VoucherCheck, VoucherKind};
use quay_core::Money;
use quay_hub::{voucher_error, HubError, RedeemRequest};
use quay_store::RedemptionRecord;
use serde::Serialize;
use uuid::Uuid;

use crate::checkout::Checkout;
use crate::views::{money, MoneyView};
use crate::{AppError, Counter, Result, Who};

/// A voucher applied to the cart on the screen.
#[derive(Debug, Clone)]
pub struct Applied {
    pub check: VoucherCheck,
    /// What it pays toward this sale.
    pub amount: Money,
    /// The cart it belongs to (a new cart drops it).
    pub(crate) cart_opened: Option<DateTime<FixedOffset>>,
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

impl Counter {
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
        let (check, applies) = self.check_for_cart(co, parse_partner(partner)?, code)?;
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
        let hub = self.hub()?;
        let check = hub_call(hub.check_voucher(partner, &code, Uuid::now_v7(), amount)).map_err(hub_err)?;
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

    fn check_for_cart(&self, co: &Checkout, partner: Partner, code: &str) -> Result<(VoucherCheck, Result<Money>)> {
        let code = voucher::normalize_code(code).map_err(|e| AppError::from_localized(&e))?;
        let cart = self.cart_of(co).clone();
        if cart.is_empty() {
            return Err(quay_core::CoreError::EmptyCart.into());
        }
        let total = cart.totals()?.total;
        let sale_id = self.paying_sale_id(co, &cart);
        let hub = self.hub()?;
        let check = hub_call(hub.check_voucher(partner, &code, sale_id, total)).map_err(hub_err)?;
        let paid = self.approved_tenders(co)?.iter().map(|t| t.amount).sum::<i64>() + co.voucher_total(cart.opened_at);
        let applies =
            voucher::applicable(&check, total, Money::new(paid, total.currency), self.now()).map_err(|e| AppError::from_localized(&e));
        Ok((check, applies))
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
        let (check, applies) = self.check_for_cart(co, partner, &normalized)?;
        let amount = applies?;
        let view = self.voucher_view(&check, Some(amount), None);
        let opened = self.cart_of(co).opened_at;
        co.vouchers().push(Applied { check, amount, cart_opened: opened });
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

    /// Reverses every redeemed voucher of a sale (its void, or a sale that never closed).
    pub(crate) fn reverse_vouchers(&self, sale_id: Uuid, reason: &str) -> Result<()> {
        let redeemed: Vec<RedemptionRecord> =
            self.store().redemptions_of_sale(sale_id)?.into_iter().filter(|r| r.state == "redeemed").collect();
        if redeemed.is_empty() {
            return Ok(());
        }
        let hub = self.hub()?;
        for r in redeemed {
            let partner = parse_partner(&r.partner)?;
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
        let hub = self.hub()?;
        for r in pending {
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
