//! Alipay face-to-face behind the wallet terminal: the same journal as the other wallets,
//! with Alipay's own discipline (partners-wave2 §2, docs/ALIPAY.md):
//! - a code scan (`trade.pay`) that is not plainly paid or declined is queried at
//!   t+5 s, then every 3 s to t+30 s, and then **cancelled** (retried while Alipay says
//!   `retry_flag: Y`); a cancel that answers `action: refund` means the customer had paid
//!   and got the money back — a decline with that reason, never "paid";
//! - a dynamic QR (`trade.precreate`) is queried every `wallet.poll_s` until the QR
//!   deadline, then cancelled the same way;
//! - a `10000` is confirmed by `trade.query` before it counts; an answer that fails its
//!   signature is unknown and queried, never paid;
//! - refunds carry their journaled `out_request_no` (the same on every repeat), and a
//!   refund whose answer was lost is asked about with the refund query — and, when
//!   Alipay has no record of it, sent again with the same number (Alipay's replay rule
//!   makes that safe).

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, NaiveDateTime};
use quay_pay::wallet::alipay::{self, AlipayClient, CancelOutcome, TradeAnswer};
use quay_pay::wallet::{WalletError, WalletStatus};
use quay_store::PaymentRecord;

use super::WalletTerminal;
use crate::card::{Progress, TerminalOutcome};

/// Alipay's clock: Beijing time (UTC+8), as its `timestamp` wants it.
pub fn beijing(t: DateTime<FixedOffset>) -> NaiveDateTime {
    t.with_timezone(&FixedOffset::east_opt(8 * 3600).expect("UTC+8")).naive_local()
}

/// The subject Alipay shows the customer: no `/ = &` (refused by the gateway), ≤ 256.
fn subject(text: &str) -> String {
    text.chars().map(|c| if matches!(c, '/' | '=' | '&') { ' ' } else { c }).take(256).collect()
}

/// The journal's result code of a cancel that refunded a payment made meanwhile.
pub const REFUNDED_ON_CANCEL: &str = "cancel-refunded";

impl WalletTerminal<'_> {
    fn ts(&self) -> NaiveDateTime {
        beijing(self.counter.now())
    }

    /// One question about the attempt's trade; an answer about another trade is not ours.
    pub(super) async fn alipay_query(&self, c: &AlipayClient, order: &str) -> Result<TradeAnswer, WalletError> {
        let a = c.query(order, self.ts()).await?;
        if a.out_trade_no.as_deref().is_some_and(|o| !o.is_empty() && o != order) {
            return Err(WalletError::Decode(format!("answer about trade {:?}", a.out_trade_no)));
        }
        // A refusal of the *question* (rate-limited, a key changed, an unsigned 40002)
        // says nothing of the trade: asked again, never a decline.
        if let WalletStatus::Refused { code, message } = a.status() {
            return Err(WalletError::Refused { code, message });
        }
        Ok(a)
    }

    /// What a verified trade answer means for an attempt of `fen`; a payment keeps the
    /// buyer's masked account and the coupons Alipay applied inside it (they are the
    /// tender's, shown with the payment and on the receipt).
    fn alipay_outcome(&self, a: &TradeAnswer, fen: i64) -> Option<TerminalOutcome> {
        let mut out = self.outcome_of(a.status(), fen)?;
        if let TerminalOutcome::Approved(d) = &mut out {
            d.masked_pan = a.buyer_logon_id.clone().filter(|b| !b.is_empty());
            d.print_lines = coupon_lines(a);
        }
        Some(out)
    }

    /// Sleeps `d`, cut short by a callback's hint.
    async fn alipay_wait(&self, d: Duration) {
        tokio::select! {
            _ = tokio::time::sleep(d) => {}
            _ = self.counter.wallet_hint.notified() => {}
        }
    }

    pub(super) async fn alipay_charge(&self, c: &AlipayClient, p: &PaymentRecord, fen: i64, on: &dyn Fn(Progress<'_>)) -> TerminalOutcome {
        let Some(order) = p.order_id.clone() else { return self.unknown("no merchant order id journaled") };
        let started = Instant::now();
        let text = self.counter.i18n().t(self.counter.lang(), "pay-wallet-order-info", &[("sale", p.sale_id.to_string().into())]);
        let subject = subject(&text);
        match self.code.as_deref() {
            Some(code) => {
                self.say("pay-wallet-status-sending");
                match c.pay(&order, code, &subject, fen, self.ts()).await {
                    Ok(a) => match a.status() {
                        // 10000 (or a repeat's TRADE_HAS_SUCCESS): confirmed by a query.
                        WalletStatus::Paid { .. } => {
                            if let Some(out) = self.alipay_confirm(c, &order, fen).await {
                                return out;
                            }
                        }
                        WalletStatus::Declined { code, message } | WalletStatus::Refused { code, message } => {
                            return TerminalOutcome::Declined(self.details(Some(code), None, Some(message)));
                        }
                        // 10003 (the customer confirms on the phone), 20000, SYSTEM_ERROR.
                        _ => self.say("pay-wallet-status-confirming"),
                    },
                    Err(WalletError::Refused { code, message }) => {
                        return TerminalOutcome::Declined(self.details(Some(code), None, Some(message)));
                    }
                    Err(e) if !e.outcome_unknown() => {
                        return TerminalOutcome::Declined(self.details(Some("refused".into()), None, Some(e.to_string())));
                    }
                    // Lost or unverifiable: the trade may exist; only a query tells.
                    Err(e) => tracing::warn!(wallet = "alipay", key = %p.key, error = %e, "pay answer lost or unverified: asking"),
                }
                // Alipay's plan (query at +5 s, every 3 s to +30 s), within the counter's
                // confirm time and poll interval.
                let confirm = self.confirm;
                let first = started + alipay::FIRST_QUERY_AFTER.min(confirm / 3);
                let every = alipay::QUERY_EVERY.min(self.poll);
                self.alipay_poll(c, p, &order, fen, first, every, started + confirm).await
            }
            None => {
                let minutes = self.deadline.as_secs().div_ceil(60).max(1);
                let express = format!("{minutes}m");
                // A lost precreate answer: the same fields give the same QR (contract §4).
                let mut shown = false;
                for _ in 0..3 {
                    match c.precreate(&order, &subject, fen, &express, self.ts()).await {
                        Ok(a) => match (a.status(), a.qr_code.as_deref()) {
                            (WalletStatus::Declined { code, message } | WalletStatus::Refused { code, message }, _) => {
                                return TerminalOutcome::Declined(self.details(Some(code), None, Some(message)));
                            }
                            (_, Some(qr)) if !qr.is_empty() => {
                                let until = self.counter.now() + chrono::Duration::from_std(self.deadline).unwrap_or_default();
                                on(Progress::Qr { content: qr, until });
                                self.say("pay-wallet-status-waiting");
                                shown = true;
                                break;
                            }
                            _ => tracing::warn!(wallet = "alipay", key = %p.key, "precreate answered without a QR"),
                        },
                        Err(WalletError::Refused { code, message }) => {
                            return TerminalOutcome::Declined(self.details(Some(code), None, Some(message)));
                        }
                        Err(e) if !e.outcome_unknown() => {
                            return TerminalOutcome::Declined(self.details(Some("refused".into()), None, Some(e.to_string())));
                        }
                        Err(e) => tracing::warn!(wallet = "alipay", key = %p.key, error = %e, "precreate answer lost: asking again"),
                    }
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
                if !shown {
                    // No QR reached the customer: the trade cannot have been paid, but it
                    // may exist — cancelled like any other, so its number is spent.
                    return self.alipay_cancel(c, &order, fen).await;
                }
                self.alipay_poll(c, p, &order, fen, started + self.poll, self.poll, started + self.deadline).await
            }
        }
    }

    /// A `10000` counts once a query shows the trade paid in the attempt's amount; None:
    /// the query did not say (the poll then decides).
    async fn alipay_confirm(&self, c: &AlipayClient, order: &str, fen: i64) -> Option<TerminalOutcome> {
        match self.alipay_query(c, order).await {
            Ok(a) => self.alipay_outcome(&a, fen),
            Err(e) => {
                tracing::warn!(wallet = "alipay", order, error = %e, "confirming query");
                None
            }
        }
    }

    /// Queries from `first` every `every` until paid, closed, given up or `until`; then
    /// cancels (Alipay's rule: every trade ends paid or cancelled).
    #[allow(clippy::too_many_arguments)]
    async fn alipay_poll(
        &self,
        c: &AlipayClient,
        p: &PaymentRecord,
        order: &str,
        fen: i64,
        first: Instant,
        every: Duration,
        until: Instant,
    ) -> TerminalOutcome {
        self.alipay_wait(first.saturating_duration_since(Instant::now())).await;
        loop {
            if self.given_up(&p.key) {
                return self.unknown("the cashier stopped waiting; Alipay is still asked about the trade, then it is cancelled");
            }
            match self.alipay_query(c, order).await {
                Ok(a) => {
                    if let Some(out) = self.alipay_outcome(&a, fen) {
                        return out;
                    }
                }
                Err(e) => tracing::warn!(wallet = "alipay", key = %p.key, error = %e, "alipay query"),
            }
            if Instant::now() >= until {
                break;
            }
            self.alipay_wait(every.min(until.saturating_duration_since(Instant::now())).max(Duration::from_millis(200))).await;
        }
        self.say("pay-wallet-status-closing");
        self.alipay_cancel(c, order, fen).await
    }

    /// Cancels the trade, retried while Alipay asks for it. `close`: nothing was paid;
    /// `refund`: the customer had paid and got it back; a cancel Alipay refuses (too late,
    /// already refunded in part) is settled by what a query says.
    pub(super) async fn alipay_cancel(&self, c: &AlipayClient, order: &str, fen: i64) -> TerminalOutcome {
        for attempt in 0..=alipay::CANCEL_RETRIES {
            if attempt > 0 {
                tokio::time::sleep(alipay::CANCEL_RETRY_EVERY).await;
            }
            match c.cancel(order, self.ts()).await {
                Ok(a) => match a.outcome() {
                    CancelOutcome::Closed => {
                        return TerminalOutcome::Cancelled(self.details(
                            Some("close".into()),
                            None,
                            Some("Alipay closed the trade: nothing was paid".into()),
                        ))
                    }
                    CancelOutcome::Refunded => {
                        tracing::warn!(wallet = "alipay", order, "paid just before the cancel: Alipay refunded it");
                        return TerminalOutcome::Declined(self.details(
                            Some(REFUNDED_ON_CANCEL.into()),
                            a.trade_no.clone(),
                            Some("the customer paid as the trade was cancelled; Alipay refunded it".into()),
                        ));
                    }
                    CancelOutcome::Retry => {}
                    CancelOutcome::Failed { code, message } => {
                        tracing::warn!(wallet = "alipay", order, code, message, "cancel refused: asking");
                        return match self.alipay_query(c, order).await {
                            Ok(a) => self.alipay_outcome(&a, fen).unwrap_or_else(|| self.unknown(format!("cancel refused: {code}"))),
                            Err(e) => self.unknown(e.to_string()),
                        };
                    }
                },
                Err(e) => tracing::warn!(wallet = "alipay", order, error = %e, "cancel"),
            }
        }
        self.unknown("Alipay has not confirmed the cancel; it is asked again in the background")
    }

    /// Start-up and background resolution: what Alipay says of the trade; one still open
    /// after its deadline is cancelled (never left to be paid later unseen).
    pub(super) async fn alipay_enquire(&self, c: &AlipayClient, p: &PaymentRecord) -> TerminalOutcome {
        let Some(order) = p.order_id.clone() else { return self.unknown("no merchant order id journaled") };
        match self.alipay_query(c, &order).await {
            Ok(a) => {
                if let Some(out) = self.alipay_outcome(&a, p.amount) {
                    return out;
                }
                let deadline = super::parse_time(&p.created_at).map(|t| t + chrono::Duration::from_std(self.deadline).unwrap_or_default());
                if deadline.is_none_or(|d| self.counter.now() > d) {
                    self.alipay_cancel(c, &order, p.amount).await
                } else {
                    self.unknown("not paid yet")
                }
            }
            Err(e) => self.unknown(e.to_string()),
        }
    }

    pub(super) async fn alipay_refund(&self, c: &AlipayClient, r: &PaymentRecord, original: &PaymentRecord, fen: i64) -> TerminalOutcome {
        let (Some(request), Some(trade)) = (r.order_id.clone(), original.order_id.clone()) else {
            return self.unknown("no Alipay trade or refund number journaled");
        };
        let reason = self.counter.i18n().t(self.counter.lang(), "pay-wallet-refund-info", &[("sale", r.sale_id.to_string().into())]);
        match c.refund(&trade, &request, fen, &subject(&reason), self.ts()).await {
            // `fund_change: N` (a replay, or money not moved in this call): the refund
            // query says whether this refund is done.
            Ok(a) if matches!(a.status(), WalletStatus::Waiting { .. }) => match c.refund_query(&trade, &request, self.ts()).await {
                Ok(q) => self.refund_query_outcome(q.status(), &request),
                Err(e) => self.unknown(e.to_string()),
            },
            Ok(a) => self.refund_outcome(a.status(), &request),
            Err(e) => self.unknown(e.to_string()),
        }
    }

    fn refund_outcome(&self, status: WalletStatus, request: &str) -> TerminalOutcome {
        match status {
            WalletStatus::Paid { reference, .. } => TerminalOutcome::Approved(self.details(
                Some("refunded".into()),
                Some(if reference.is_empty() { request.to_string() } else { reference }),
                None,
            )),
            WalletStatus::Declined { code, message } | WalletStatus::Refused { code, message } => {
                TerminalOutcome::Declined(self.details(Some(code), None, Some(message)))
            }
            other => self.unknown(format!("refund not final: {other:?}")),
        }
    }

    /// What the refund query says of a refund: a refusal of the *question* is not a
    /// refusal of the refund (the money may have moved): unknown, asked again.
    fn refund_query_outcome(&self, status: WalletStatus, request: &str) -> TerminalOutcome {
        match status {
            WalletStatus::Refused { code, message } => self.unknown(format!("refund query refused: {code} {message}")),
            WalletStatus::NotFound { .. } => self.unknown("Alipay has no record of the refund yet"),
            other => self.refund_outcome(other, request),
        }
    }

    /// A refund whose answer was lost: the refund query says; no record of it means the
    /// request never arrived, and the same refund (same number, same amount) is sent again.
    pub(super) async fn alipay_enquire_refund(&self, c: &AlipayClient, r: &PaymentRecord) -> TerminalOutcome {
        let original = r.refund_of.as_deref().and_then(|k| self.counter.store().payment(k).ok().flatten());
        let (Some(request), Some(original)) = (r.order_id.clone(), original) else {
            return self.unknown("no Alipay refund number or original payment journaled");
        };
        let trade = original.order_id.clone().unwrap_or_default();
        match c.refund_query(&trade, &request, self.ts()).await {
            Ok(a) => match a.status() {
                WalletStatus::NotFound { .. } => self.alipay_refund(c, r, &original, r.amount).await,
                status => self.refund_query_outcome(status, &request),
            },
            Err(e) => self.unknown(e.to_string()),
        }
    }
}

/// The coupons Alipay applied inside a payment, one journal line each as a small JSON
/// object (`{"alipay_coupon": {id, name, amount_fen, merchant_fen}}`): kept as Alipay
/// stated them, said in the reader's language where they are shown (the receipt).
fn coupon_lines(a: &TradeAnswer) -> Vec<String> {
    a.voucher_detail_list
        .iter()
        .map(|v| {
            serde_json::json!({"alipay_coupon": {
                "id": v.id,
                "name": v.name,
                "amount_fen": v.amount_fen,
                "merchant_fen": v.merchant_contribute_fen,
            }})
            .to_string()
        })
        .collect()
}

/// A coupon line of `coupon_lines`: its name and amount in fen.
pub fn coupon_of_line(line: &str) -> Option<(String, i64)> {
    let v: serde_json::Value = serde_json::from_str(line).ok()?;
    let c = v.get("alipay_coupon")?;
    Some((c.get("name")?.as_str().unwrap_or_default().to_string(), c.get("amount_fen")?.as_i64()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beijing_time_is_utc_plus_eight() {
        let t = DateTime::parse_from_rfc3339("2026-12-02T23:30:00+07:00").unwrap();
        assert_eq!(beijing(t).to_string(), "2026-12-03 00:30:00");
    }

    #[test]
    fn subjects_lose_what_alipay_refuses() {
        assert_eq!(subject("a/b=c&d"), "a b c d");
        assert_eq!(subject(&"x".repeat(300)).len(), 256);
    }
}
