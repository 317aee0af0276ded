//! The counter's card terminals behind `CardTerminal`: adapters from the protocols of
//! quay-pay to the journal's vocabulary (approved / declined / unknown / cancelled with
//! the card details the day-end matches on).

use std::time::{Duration, Instant};

use quay_core::Money;
use quay_pay::viva::{OrderCode, OrderOutcome, Transaction, VivaClient};
use quay_store::{CardDetails, PaymentRecord};

use crate::card::{CardTerminal, TerminalOutcome};
use crate::{AppError, Counter, Result};

impl Counter {
    /// The card terminal of this counter's configuration (`terminal.kind`).
    pub fn card_terminal(&self) -> Result<Box<dyn CardTerminal>> {
        let get = |k: &str| -> Result<String> { Ok(self.setting(k)?.unwrap_or_default()) };
        let missing = |what: &str| AppError::new("err-terminal-not-configured", vec![("missing", what.into())]);
        match get("terminal.kind")?.as_str() {
            "viva" => {
                let (url, merchant, source) = (get("viva.url")?, get("viva.merchant_id")?, get("viva.source_code")?);
                let key = self.store().secret("viva.api_key")?.unwrap_or_default();
                for (v, name) in
                    [(&url, "viva.url"), (&merchant, "viva.merchant_id"), (&source, "viva.source_code"), (&key, "viva.api_key")]
                {
                    if v.is_empty() {
                        return Err(missing(name));
                    }
                }
                let client = VivaClient::new(&url, &merchant, &key).with_currency(self.config().currency);
                Ok(Box::new(VivaTerminal::new(client, &source)))
            }
            "zvt" => Err(missing("zvt (the serial terminal driver is not wired yet)")),
            _ => Err(missing("terminal.kind")),
        }
    }
}

/// Viva eftPOS: an order for the terminal's source (its serial number), then polling the
/// order until the terminal pays or declines it. The merchant reference is the attempt's
/// idempotency key, so a lost answer is found again by it.
pub struct VivaTerminal {
    client: VivaClient,
    source_code: String,
    poll_every: Duration,
    give_up_after: Duration,
}

impl VivaTerminal {
    pub fn new(client: VivaClient, source_code: &str) -> VivaTerminal {
        VivaTerminal {
            client,
            source_code: source_code.to_string(),
            poll_every: quay_pay::viva::poll::POLL_EVERY,
            give_up_after: Duration::from_secs(180),
        }
    }

    /// Shorter waits, for tests against the simulator.
    pub fn with_timing(mut self, poll_every: Duration, give_up_after: Duration) -> VivaTerminal {
        self.poll_every = poll_every;
        self.give_up_after = give_up_after;
        self
    }

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a current-thread runtime")
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
            result_code: tx.map(|t| t.status.code().to_string()).filter(|c| c != "F" && c != "C"),
            result_source: Some("viva".into()),
            message: None,
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

impl CardTerminal for VivaTerminal {
    fn kind(&self) -> &'static str {
        "viva"
    }

    fn charge(&self, key: &str, amount: Money, on_status: &dyn Fn(&str)) -> TerminalOutcome {
        Self::runtime().block_on(async {
            let order = match self.client.create_order(amount.minor, &self.source_code, key).await {
                Ok(code) => code,
                // The order may exist though its answer was lost: the enquiry finds it by key.
                Err(e) if e.retryable() => {
                    return TerminalOutcome::Unknown(CardDetails { message: Some(e.to_string()), ..Default::default() })
                }
                Err(e) => {
                    return TerminalOutcome::Cancelled(CardDetails {
                        message: Some(e.to_string()),
                        result_source: Some("viva".into()),
                        ..Default::default()
                    })
                }
            };
            on_status("terminal");
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
                tokio::time::sleep(self.poll_every).await;
            }
        })
    }

    fn enquire(&self, attempt: &PaymentRecord) -> TerminalOutcome {
        Self::runtime().block_on(async {
            let order = match attempt.details.provider_ref.as_deref().and_then(|r| r.parse::<u64>().ok()) {
                Some(code) => OrderCode(code),
                None => {
                    // The create answer was lost: find the order by our merchant reference.
                    let day = attempt.created_at.get(..10).unwrap_or_default();
                    match self.client.find_by_merchant_trns(day, &attempt.key).await {
                        Ok(txs) => match txs.iter().find_map(|t| t.order_code) {
                            Some(code) => code,
                            // No transaction carries our key: nobody paid it.
                            None => {
                                return TerminalOutcome::Cancelled(CardDetails {
                                    message: Some("no order found for the attempt".into()),
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
                Ok(o) => self.outcome(order, o).expect("not pending"),
                Err(e) => TerminalOutcome::Unknown(CardDetails { message: Some(e.to_string()), ..self.details(order, None) }),
            }
        })
    }
}
