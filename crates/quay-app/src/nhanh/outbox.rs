//! Sales out (counter → Nhanh): every sale closed while connected is an order at the
//! counter (`info.type` 2) whose `channel.appOrderId` is the sale id, so a lost answer and
//! the retry never make two orders (Nhanh refuses the repeat and names the order it has);
//! a void cancels that order; the cashier's status writes to Nhanh's own orders go the
//! same way. Jobs leave the outbox only on Nhanh's acknowledgement, in the order they
//! were queued; a sale Nhanh can never take (an item without a Nhanh product) is kept,
//! rejected with the reason, for a person to see.

use quay_core::error::Localized;
use quay_core::sale::Sale;
use quay_core::tender::TenderKind;
use quay_nhanh::client::NhanhClient;
use quay_nhanh::customer::Mobile;
use quay_nhanh::error::NhanhError;
use quay_nhanh::order::{NewOrder, OrderLine as NewLine};
use quay_nhanh::product;
use quay_store::nhanh::{NhanhJob, NhanhJobKind, SaleCustomer};
use serde::Serialize;
use uuid::Uuid;

use super::said;
use crate::{AppError, Counter, Result};

/// Nhanh's "customer cancelled": what a void of a counter sale becomes.
pub const CANCELLED: i64 = 63;
/// How a counter sale is added: confirmed (it is paid and handed over at once; a later
/// void can still cancel it, which a "success" order no longer allows).
pub const COUNTER_STATUS: i64 = 56;

#[derive(Debug, Clone, Default, Serialize)]
pub struct PushReport {
    pub sent: usize,
    pub failed: usize,
    pub rejected: usize,
    pub pending: i64,
}

/// What became of one job.
enum Done {
    Sent,
    /// Try again later; stop this round (Nhanh cannot be reached, rate-limits us or
    /// refuses the token: the next jobs would fare no better).
    Stop(NhanhError),
    /// Try this job again later, and go on with the others (a permission this job needs,
    /// a depot setting): one job's trouble never holds back the sales behind it.
    Later(NhanhError),
    /// Nhanh will never take it: kept for a person, with why (Fluent id and English text).
    Rejected(String),
    /// Not yet: it waits on an earlier job.
    Waiting,
}

/// A sale's lines as Nhanh order lines: `Err` names the first item with no Nhanh product.
pub(crate) fn order_lines(sale: &Sale) -> std::result::Result<Vec<NewLine>, String> {
    sale.lines
        .iter()
        .map(|l| {
            let id = product::product_id(&l.item_id).ok_or_else(|| l.name.clone())?;
            // The unit price with options; a line's total is qty × that, no line discount.
            Ok(NewLine { id, price: l.unit_price, quantity: l.qty, discount: l.unit_price * l.qty - l.line_total })
        })
        .collect()
}

impl Counter {
    /// A person's "send now" (`quay nhanh push`): the webhook deliveries kept are acted
    /// on, the outbox is sent, Nhanh's new orders fetched. Safe to repeat: every job is
    /// idempotent at Nhanh.
    pub fn nhanh_send(&self, who: &crate::Who) -> Result<PushReport> {
        self.allow(who, quay_core::auth::Action::ViewSales)?;
        self.nhanh_process_inbox()?;
        let report = self.nhanh_push()?;
        if self.store().nhanh_connection()?.is_some() {
            // The orders' poll failing (a permission, Nhanh down) is its own trouble: the
            // sales sent are still what this reports.
            if let Err(e) = self.nhanh_poll_orders() {
                tracing::warn!(error = %e.detail, "nhanh: orders not polled");
            }
        }
        Ok(report)
    }

    /// Puts the sales and status writes Nhanh refused for good back in the queue, once the
    /// cause is fixed (the product added in Nhanh); a technician's act, audited.
    pub fn nhanh_requeue(&self, who: &crate::Who) -> Result<usize> {
        self.allow(who, quay_core::auth::Action::ConfigureSettings)?;
        let n = self.store().nhanh_requeue_rejected()?;
        self.audit(who, "nhanh.requeue", "outbox", None, Some(n.to_string()))?;
        self.nhanh.wake.notify_one();
        Ok(n)
    }

    /// Sends what waits for Nhanh, oldest first, until done or until Nhanh cannot be
    /// reached (then the rest waits for the next round).
    pub fn nhanh_push(&self) -> Result<PushReport> {
        let mut report = PushReport::default();
        if self.store().nhanh_connection()?.is_none() {
            report.pending = self.store().nhanh_outbox_status()?.pending;
            return Ok(report);
        }
        // One sender at a time in this process (the worker, a person's "send now").
        let _sending = self.nhanh.sending.lock().unwrap_or_else(|p| p.into_inner());
        let client = self.nhanh_client(true)?;
        // The business this client speaks for: a connection changed meanwhile gets none of
        // its jobs.
        let business = client.config().business_id.clone().unwrap_or_default();
        let depot = self.nhanh_depot()?;
        // Jobs left for later this round (not sent again until the next one).
        let mut skipped = std::collections::HashSet::new();
        loop {
            let jobs = self.store().nhanh_jobs(&business, skipped.len() + 50)?;
            let jobs: Vec<_> = jobs.into_iter().filter(|j| !skipped.contains(&j.key)).collect();
            if jobs.is_empty() {
                break;
            }
            let mut progressed = false;
            let mut stop = false;
            for job in jobs {
                match self.nhanh_job(&client, depot, &job)? {
                    Done::Sent => {
                        report.sent += 1;
                        progressed = true;
                    }
                    Done::Rejected(reason) => {
                        self.store().nhanh_job_rejected(&job.key, &reason)?;
                        tracing::warn!(key = %job.key, reason = %reason, "nhanh: a job was refused for good");
                        report.rejected += 1;
                        progressed = true;
                    }
                    Done::Waiting => {}
                    Done::Later(e) => {
                        self.store().nhanh_job_failed(&job.key, &said(&e))?;
                        self.nhanh_error(&e);
                        report.failed += 1;
                        skipped.insert(job.key.clone());
                    }
                    Done::Stop(e) => {
                        self.store().nhanh_job_failed(&job.key, &said(&e))?;
                        self.nhanh_error(&e);
                        report.failed += 1;
                        stop = true;
                        break;
                    }
                }
            }
            if stop || !progressed {
                break;
            }
        }
        report.pending = self.store().nhanh_outbox_status()?.pending;
        Ok(report)
    }

    fn nhanh_job(&self, client: &NhanhClient, depot: Option<i64>, job: &NhanhJob) -> Result<Done> {
        let at = self.now().to_rfc3339();
        match &job.kind {
            NhanhJobKind::Order { sale_id, customer } => {
                let id = Uuid::parse_str(sale_id).map_err(AppError::internal)?;
                let sale = self.find_sale(id)?;
                let lines = match order_lines(&sale) {
                    Ok(l) => l,
                    Err(item) => return Ok(Done::Rejected(format!("err-nhanh-sale-unknown-item: {item}"))),
                };
                if let Some(c) = customer {
                    if let Err(e) = self.nhanh_customer_ensure(client, c) {
                        if e.retryable() || e.is_auth() {
                            return Ok(Done::Stop(e));
                        }
                        // A customer Nhanh will not take does not hold the sale back.
                        tracing::warn!(code = e.code(), "nhanh: the sale's customer was not added");
                        self.nhanh_error(&e);
                    }
                }
                let mut order = NewOrder::counter_sale(sale_id, depot, COUNTER_STATUS, lines);
                // Money received other than cash (card, wallet) is Nhanh's "transfer"; a
                // voucher is not money received and is not sent as such.
                let paid_other =
                    sale.tenders.iter().filter(|t| matches!(t.kind, TenderKind::Card | TenderKind::Wallet)).map(|t| t.amount).sum::<i64>();
                if paid_other > 0 {
                    order = order.transfer_amount(paid_other);
                }
                if let Some(c) = customer {
                    order = order.customer(c.name.as_deref(), &c.mobile, c.address.as_deref());
                }
                match crate::rt::block_on(client.add_order(&order)) {
                    Ok(added) => {
                        self.store().nhanh_job_done(&job.key, Some((sale_id, added.id, added.duplicate)), &at)?;
                        tracing::info!(sale = %sale.receipt_no, order = added.id, duplicate = added.duplicate, "nhanh: sale sent");
                        Ok(Done::Sent)
                    }
                    Err(e) => Ok(classify(e)),
                }
            }
            NhanhJobKind::Cancel { sale_id } => {
                let Some(order) = self.store().nhanh_sale_order(sale_id)? else {
                    // Its order job is still queued (wait for it) or was refused (nothing to cancel).
                    return if self.store().nhanh_order_pending(sale_id)? {
                        Ok(Done::Waiting)
                    } else {
                        self.store().nhanh_job_done(&job.key, None, &at)?;
                        Ok(Done::Sent)
                    };
                };
                self.nhanh_status_write(client, job, order, CANCELLED, &at)
            }
            NhanhJobKind::Status { order_id, status, sale } => {
                let done = self.nhanh_status_write(client, job, *order_id, *status, &at)?;
                if let (Done::Rejected(_), Some(sale)) = (&done, sale) {
                    // The order was cancelled at Nhanh while the customer paid at the
                    // counter: the paid sale goes as an order of its own.
                    self.store().nhanh_enqueue_sale(sale, &at)?;
                    tracing::warn!(order = order_id, sale = %sale, "nhanh: the hand-over was refused; the sale goes as an order of its own");
                }
                Ok(done)
            }
        }
    }

    fn nhanh_status_write(&self, client: &NhanhClient, job: &NhanhJob, order: i64, status: i64, at: &str) -> Result<Done> {
        match crate::rt::block_on(client.edit_order_status(order, status)) {
            Ok(()) => {
                self.store().nhanh_job_done(&job.key, None, at)?;
                self.store().nhanh_order_status(order, status)?;
                tracing::info!(order, status, "nhanh: order status written");
                Ok(Done::Sent)
            }
            Err(e) => {
                let done = classify(e);
                if matches!(done, Done::Rejected(_)) {
                    // The order moved on at Nhanh (cancelled by the customer, shipped):
                    // what Nhanh has now replaces what the counter thought.
                    let _ = self.nhanh_refresh_order(client, order);
                }
                Ok(done)
            }
        }
    }

    /// Looks the customer up by mobile (the counter's own record first, then Nhanh) and
    /// adds them to Nhanh once.
    fn nhanh_customer_ensure(&self, client: &NhanhClient, c: &SaleCustomer) -> std::result::Result<i64, NhanhError> {
        let mobile = Mobile::parse(&c.mobile)?;
        let at = self.now().to_rfc3339();
        let keep = |id: i64| {
            let _ = self.store().nhanh_customer_put(mobile.as_str(), Some(id), c.name.as_deref(), c.address.as_deref(), &at);
        };
        if let Ok(Some((Some(id), _, _))) = self.store().nhanh_customer(mobile.as_str()) {
            return Ok(id);
        }
        if let Some(found) = crate::rt::block_on(client.customer_by_mobile(&mobile))? {
            keep(found.id);
            return Ok(found.id);
        }
        let name = c.name.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| mobile.as_str().to_string());
        let id = crate::rt::block_on(client.add_customer(&name, &mobile))?;
        keep(id);
        tracing::info!(customer = id, "nhanh: customer added");
        Ok(id)
    }
}

/// An error's consequence for the job. Only a refusal of this job's own content (a
/// product Nhanh does not have, a field it will not take) is final; anything about the
/// account, the app or the connection is fixed elsewhere and retried.
fn classify(e: NhanhError) -> Done {
    use quay_nhanh::error::{ERR_INVALID_DATA, ERR_INVALID_FORM_FIELDS};
    if e.retryable() || e.is_auth() {
        return Done::Stop(e);
    }
    let content = match &e {
        NhanhError::InvalidOrder { .. } | NhanhError::InvalidMobile { .. } => true,
        NhanhError::Api { code, .. } => code == ERR_INVALID_FORM_FIELDS || code == ERR_INVALID_DATA,
        _ => false,
    };
    if content {
        Done::Rejected(format!("{}: {e}", e.code()))
    } else {
        Done::Later(e)
    }
}

#[cfg(test)]
mod tests {
    use quay_nhanh::error::NhanhError;
    use quay_nhanh::wire::Message;

    fn api(code: &str, field: &str) -> NhanhError {
        NhanhError::Api {
            path: "order/add".into(),
            code: code.into(),
            messages: vec![Message::new(Some(field), "bad")],
            data: serde_json::Value::Null,
        }
    }

    #[test]
    fn errors_decide_stop_retry_or_refusal() {
        use super::Done;
        // 's' stop the round, 'l' this job later, 'r' refused for good.
        let cases: Vec<(NhanhError, char)> = vec![
            (NhanhError::Transport { path: "order/add".into(), detail: "reset".into(), timed_out: false }, 's'),
            (NhanhError::RateLimited { path: "order/add".into(), unlocked_at: 0 }, 's'),
            (api("ERR_INVALID_ACCESS_TOKEN", "token"), 's'),
            (api("ERR_403", "order/add"), 'l'),
            (api("ERR_INVALID_DEPOT_ID", "info.depotId"), 'l'),
            (api("ERR_BUSINESS_NOT_ENABLE_API", "businessId"), 'l'),
            (api("ERR_INVALID_APP_ID", "appId"), 'l'),
            (api("ERR_INVALID_FORM_FIELDS", "products.0.id"), 'r'),
            (NhanhError::InvalidMobile { text: "123".into() }, 'r'),
        ];
        for (e, want) in cases {
            let text = e.to_string();
            let got = match super::classify(e) {
                Done::Stop(_) => 's',
                Done::Later(_) => 'l',
                Done::Rejected(_) => 'r',
                _ => '?',
            };
            assert_eq!(got, want, "{text}");
        }
    }
}
