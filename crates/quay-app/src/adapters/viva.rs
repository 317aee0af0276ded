//! Viva eftPOS behind `CardTerminal`: an order for the terminal's source, then its polling
//! loop (woken early by the webhook's hint), on the process's runtime.

use std::sync::Arc;
use std::time::{Duration, Instant};

use quay_core::Money;
use quay_pay::viva::{OrderCode, OrderOutcome, Transaction, VivaClient};
use quay_store::{CardDetails, PaymentRecord};

use crate::card::{CardTerminal, Progress, TerminalOutcome};

/// Viva eftPOS: an order for the terminal's source (its serial number), then polling the
/// order until the terminal pays or declines it. The merchant reference is the attempt's
/// idempotency key, so a lost answer is found again by it.
pub struct VivaTerminal {
    client: VivaClient,
    source_code: String,
    poll_every: Duration,
    give_up_after: Duration,
    /// A webhook hint: poll now instead of at the next tick.
    wake: Arc<tokio::sync::Notify>,
    /// The counter's clock (Viva's transactions are searched by day).
    clock: Arc<dyn crate::Clock>,
}

impl VivaTerminal {
    pub fn new(client: VivaClient, source_code: &str) -> VivaTerminal {
        VivaTerminal {
            client,
            source_code: source_code.to_string(),
            poll_every: quay_pay::viva::poll::POLL_EVERY,
            give_up_after: Duration::from_secs(180),
            wake: Arc::new(tokio::sync::Notify::new()),
            clock: Arc::new(crate::SystemClock),
        }
    }

    /// Days from the counter's clock instead of the system's.
    pub fn with_clock(mut self, clock: Arc<dyn crate::Clock>) -> VivaTerminal {
        self.clock = clock;
        self
    }

    /// Polls as soon as `wake` is notified (by the webhook listener), not only on the tick.
    pub fn with_wake(mut self, wake: Arc<tokio::sync::Notify>) -> VivaTerminal {
        self.wake = wake;
        self
    }

    /// Waits for the next poll: the tick, or a webhook's hint, whichever comes first.
    async fn next_poll(&self) {
        tokio::select! {
            _ = tokio::time::sleep(self.poll_every) => {}
            _ = self.wake.notified() => {}
        }
    }

    /// What Viva says now about an attempt's order, without touching it (no cancel):
    /// `None` while it is still open or cannot be named. For webhook hints.
    pub fn look(&self, attempt: &PaymentRecord) -> Option<TerminalOutcome> {
        crate::rt::block_on_here(async {
            let order = match attempt.details.provider_ref.as_deref().and_then(|r| r.parse::<u64>().ok()) {
                Some(code) => OrderCode(code),
                None => {
                    let day = attempt.created_at.get(..10).unwrap_or_default();
                    let txs = self.client.find_by_merchant_trns(day, &attempt.key).await.ok()?;
                    txs.iter().find_map(|t| t.order_code)?
                }
            };
            let o = self.client.poll_order(order).await.ok()?;
            self.outcome(order, o)
        })
    }

    /// Shorter waits, for tests against the simulator.
    pub fn with_timing(mut self, poll_every: Duration, give_up_after: Duration) -> VivaTerminal {
        self.poll_every = poll_every;
        self.give_up_after = give_up_after;
        self
    }

    fn details(&self, order: OrderCode, tx: Option<&Transaction>) -> CardDetails {
        CardDetails {
            terminal_id: tx.and_then(|t| t.terminal_id.clone()),
            masked_pan: tx.and_then(|t| t.card_number.clone()),
            brand: None,
            auth_code: tx.and_then(|t| t.authorization_id.clone()),
            rrn: tx.and_then(|t| t.retrieval_reference.clone()),
            trace: tx.and_then(|t| t.reference_number.clone()),
            receipt_no: tx.map(|t| t.transaction_id.clone()),
            provider_ref: Some(order.to_string()),
            // Why a payment failed is its Event ID (StatusId E only says that it failed),
            // with the issuer's own response code beside it where Viva passes it on.
            result_code: tx.and_then(|t| t.response_event_id.clone()).filter(|e| e != "0"),
            result_source: Some("viva".into()),
            issuer_code: tx.and_then(|t| t.response_code.clone()),
            message: None,
            print_lines: vec![],
        }
    }

    fn outcome(&self, order: OrderCode, o: OrderOutcome) -> Option<TerminalOutcome> {
        Some(match o {
            OrderOutcome::Approved { transaction } => TerminalOutcome::Approved(self.details(order, Some(&transaction))),
            OrderOutcome::Declined { transaction } => TerminalOutcome::Declined(self.details(order, Some(&transaction))),
            OrderOutcome::Cancelled => TerminalOutcome::Cancelled(self.details(order, None)),
            OrderOutcome::Refunded { transaction } => TerminalOutcome::Unknown(CardDetails {
                message: Some("refunded at Viva".into()),
                ..self.details(order, Some(&transaction))
            }),
            OrderOutcome::Pending => return None,
        })
    }
}

/// Why an attempt without an order code stays unknown (journaled, shown to the manager).
const UNNAMED_ORDER: &str =
    "no Viva payment carries this attempt's reference and its order code was never received: check the terminal, then settle by hand";

impl VivaTerminal {
    /// After a lost create answer: polls the transactions carrying our reference until
    /// one decides the attempt or the usual wait is over (then unknown, never cancelled:
    /// an order we cannot name cannot be cancelled).
    async fn await_unnamed(&self, key: &str, why: &str) -> TerminalOutcome {
        let deadline = Instant::now() + self.give_up_after;
        let day = self.clock.now().with_timezone(&chrono::Utc).format("%Y-%m-%d").to_string();
        loop {
            if let Ok(txs) = self.client.find_by_merchant_trns(&day, key).await {
                if let Some(order) = txs.iter().find_map(|t| t.order_code) {
                    if let Ok(o) = self.client.poll_order(order).await {
                        if let Some(out) = self.outcome(order, o) {
                            return out;
                        }
                    }
                }
            }
            if Instant::now() >= deadline {
                return TerminalOutcome::Unknown(CardDetails {
                    message: Some(format!("{why}; {UNNAMED_ORDER}")),
                    result_source: Some("viva".into()),
                    ..Default::default()
                });
            }
            self.next_poll().await;
        }
    }
}

impl CardTerminal for VivaTerminal {
    fn kind(&self) -> &str {
        "viva"
    }

    fn refund(&self, _key: &str, original: &PaymentRecord, amount: Money, _on_status: &dyn Fn(&str)) -> TerminalOutcome {
        // The Viva transaction id was journaled as the approval's receipt number.
        let Some(tx) = original.details.receipt_no.clone() else {
            return TerminalOutcome::Declined(CardDetails {
                message: Some("no Viva transaction to refund".into()),
                result_source: Some("viva".into()),
                ..Default::default()
            });
        };
        crate::rt::block_on_here(async {
            match self.client.refund(&tx, amount.minor).await {
                Ok(refund_id) => TerminalOutcome::Approved(CardDetails {
                    receipt_no: refund_id,
                    provider_ref: original.details.provider_ref.clone(),
                    result_source: Some("viva".into()),
                    ..Default::default()
                }),
                Err(e) if e.retryable() => TerminalOutcome::Unknown(CardDetails { message: Some(e.to_string()), ..Default::default() }),
                Err(e) => TerminalOutcome::Declined(CardDetails {
                    message: Some(e.to_string()),
                    result_source: Some("viva".into()),
                    ..Default::default()
                }),
            }
        })
    }

    fn charge(&self, key: &str, amount: Money, on: &dyn Fn(Progress<'_>)) -> TerminalOutcome {
        crate::rt::block_on_here(async {
            let order = match self.client.create_order(amount.minor, &self.source_code, key).await {
                Ok(code) => code,
                // The order may exist though its answer was lost, and the customer may pay
                // it: wait for a transaction carrying our reference as long as for an order.
                Err(e) if e.retryable() => return self.await_unnamed(key, &e.to_string()).await,
                Err(e) => {
                    return TerminalOutcome::Cancelled(CardDetails {
                        message: Some(e.to_string()),
                        result_source: Some("viva".into()),
                        ..Default::default()
                    })
                }
            };
            on(Progress::Reference(&order.to_string()));
            on(Progress::Status("viva-order-sent"));
            let deadline = Instant::now() + self.give_up_after;
            loop {
                match self.client.poll_order(order).await {
                    // A decline leaves the order open at Viva: cancel it so the terminal
                    // does not offer it again; the cashier starts a new attempt.
                    Ok(OrderOutcome::Declined { transaction }) => {
                        let _ = self.client.cancel_order(order).await;
                        return TerminalOutcome::Declined(self.details(order, Some(&transaction)));
                    }
                    Ok(o) => {
                        if let Some(out) = self.outcome(order, o) {
                            return out;
                        }
                    }
                    Err(e) if !e.retryable() => {
                        return TerminalOutcome::Unknown(CardDetails { message: Some(e.to_string()), ..self.details(order, None) });
                    }
                    Err(_) => {}
                }
                if Instant::now() >= deadline {
                    // Nobody paid in time: cancel, then look once more (it may have been
                    // paid just now). Whatever cannot be confirmed stays unknown.
                    let cancelled = self.client.cancel_order(order).await.is_ok();
                    return match self.client.poll_order(order).await.ok().and_then(|o| self.outcome(order, o)) {
                        Some(out) => out,
                        None if cancelled => TerminalOutcome::Cancelled(self.details(order, None)),
                        None => TerminalOutcome::Unknown(CardDetails {
                            message: Some("no answer from the terminal".into()),
                            ..self.details(order, None)
                        }),
                    };
                }
                self.next_poll().await;
            }
        })
    }

    fn enquire(&self, attempt: &PaymentRecord) -> TerminalOutcome {
        crate::rt::block_on_here(async {
            let order = match attempt.details.provider_ref.as_deref().and_then(|r| r.parse::<u64>().ok()) {
                Some(code) => OrderCode(code),
                None => {
                    // The create answer was lost (or never sent): find the order through a
                    // transaction carrying our merchant reference.
                    let day = attempt.created_at.get(..10).unwrap_or_default();
                    match self.client.find_by_merchant_trns(day, &attempt.key).await {
                        Ok(txs) => match txs.iter().find_map(|t| t.order_code) {
                            Some(code) => code,
                            // Nobody paid under our key, but an order Viva created without
                            // telling us cannot be named, so not cancelled: it may still be
                            // on the terminal. A person looks and settles it by hand.
                            None => {
                                return TerminalOutcome::Unknown(CardDetails {
                                    message: Some(UNNAMED_ORDER.into()),
                                    result_source: Some("viva".into()),
                                    ..Default::default()
                                })
                            }
                        },
                        Err(e) => return TerminalOutcome::Unknown(CardDetails { message: Some(e.to_string()), ..Default::default() }),
                    }
                }
            };
            match self.client.poll_order(order).await {
                Ok(OrderOutcome::Pending) => {
                    // Still open after a restart: cancel it rather than leave it on the terminal.
                    let _ = self.client.cancel_order(order).await;
                    match self.client.poll_order(order).await.ok().and_then(|o| self.outcome(order, o)) {
                        Some(out) => out,
                        None => {
                            TerminalOutcome::Unknown(CardDetails { message: Some("order still open".into()), ..self.details(order, None) })
                        }
                    }
                }
                // A decline leaves the order open at Viva: close it, as the live poll does.
                Ok(OrderOutcome::Declined { transaction }) => {
                    let _ = self.client.cancel_order(order).await;
                    TerminalOutcome::Declined(self.details(order, Some(&transaction)))
                }
                Ok(o) => self.outcome(order, o).expect("not pending"),
                Err(e) => TerminalOutcome::Unknown(CardDetails { message: Some(e.to_string()), ..self.details(order, None) }),
            }
        })
    }
}
