//! The counter's card terminals behind `CardTerminal`: adapters from the protocols of
//! quay-pay to the journal's vocabulary (approved / declined / unknown / cancelled with
//! the card details the day-end matches on).

use std::time::{Duration, Instant};

use quay_core::auth::Action;
use quay_core::Money;
use std::sync::{Arc, Mutex};

use quay_pay::viva::{OrderCode, OrderOutcome, Transaction, VivaClient};
use quay_pay::zvt;
use quay_pay::zvt::session::{Approval, Outcome};
use quay_store::{CardDetails, PaymentRecord};

use crate::card::{CardTerminal, Progress, TerminalOutcome};
use crate::{AppError, Counter, Result, Who};

impl Counter {
    /// The card terminal of this counter's configuration (`terminal.kind`).
    pub fn card_terminal(&self) -> Result<Box<dyn CardTerminal>> {
        let get = |k: &str| -> Result<String> { Ok(self.setting(k)?.unwrap_or_default()) };
        let missing = |what: &str| AppError::new("err-terminal-not-configured", vec![("missing", what.into())]);
        match get(crate::keys::TERMINAL_KIND)?.as_str() {
            "viva" => Ok(Box::new(self.viva_terminal()?)),
            "zvt" => Ok(Box::new(ZvtCardTerminal::new(self.zvt_driver(None)?))),
            _ => Err(missing(crate::keys::TERMINAL_KIND)),
        }
    }

    /// The card terminal for asking about attempts left open (`payments resolve`, start-up).
    /// A ZVT terminal still finishing the transaction of a counter that was killed may not
    /// answer the registration in time; that must not stop the asking: the enquiry itself
    /// is then answered, refused `84 6B` (the driver registers again and asks once more),
    /// or unanswered — and the attempt stays unknown, as without registration. A refused
    /// registration (a wrong password) is still an error.
    pub fn card_terminal_to_ask(&self) -> Result<Box<dyn CardTerminal>> {
        if self.setting(crate::keys::TERMINAL_KIND)?.as_deref() != Some("zvt") {
            return self.card_terminal();
        }
        let (mut driver, port) = self.zvt_line(None)?;
        register_zvt_to_ask(&mut driver, &port)?;
        Ok(Box::new(ZvtCardTerminal::new(driver)))
    }

    /// The Viva terminal of the configuration (its source, the client, the waits).
    pub fn viva_terminal(&self) -> Result<VivaTerminal> {
        let get = |k: &str| -> Result<String> { Ok(self.setting(k)?.unwrap_or_default()) };
        let missing = |what: &str| AppError::new("err-terminal-not-configured", vec![("missing", what.into())]);
        let (url, merchant, source) =
            (get(crate::keys::VIVA_URL)?, get(crate::keys::VIVA_MERCHANT_ID)?, get(crate::keys::VIVA_SOURCE_CODE)?);
        let key = self.store().secret(crate::keys::VIVA_API_KEY)?.unwrap_or_default();
        for (v, name) in [
            (&url, crate::keys::VIVA_URL),
            (&merchant, crate::keys::VIVA_MERCHANT_ID),
            (&source, crate::keys::VIVA_SOURCE_CODE),
            (&key, crate::keys::VIVA_API_KEY),
        ] {
            if v.is_empty() {
                return Err(missing(name));
            }
        }
        let client = VivaClient::new(&url, &merchant, &key).with_currency(self.config().currency);
        // How long the counter waits for the customer at the terminal.
        let wait = get(crate::keys::VIVA_WAIT)?.parse::<u64>().ok().filter(|s| *s > 0).unwrap_or(180);
        Ok(VivaTerminal::new(client, &source)
            .with_timing(quay_pay::viva::poll::POLL_EVERY, Duration::from_secs(wait))
            .with_wake(self.viva_hint.clone())
            .with_clock(self.clock.clone()))
    }

    /// The ZVT terminal of the configuration, on `port` if given (`--port`), registered:
    /// a terminal refuses payments, refunds, reversals and the end-of-day until the
    /// counter has registered on the line (and the driver registers again if it forgets).
    pub fn zvt_driver(&self, port: Option<&str>) -> Result<zvt::ZvtTerminal<serialport::TTYPort>> {
        let (mut driver, port) = self.zvt_line(port)?;
        register_zvt(&mut driver, &port)?;
        Ok(driver)
    }

    /// The line to the ZVT terminal, opened but not registered yet, and the port's name
    /// (the connection test registers as a step of its own). Password (`zvt.password`),
    /// config byte (`zvt.config`, hex, default BA) and currency (`counter.currency`) are
    /// the registration's.
    pub fn zvt_line(&self, port: Option<&str>) -> Result<(zvt::ZvtTerminal<serialport::TTYPort>, String)> {
        let port = match port {
            Some(p) => p.to_string(),
            None => self.setting(crate::keys::ZVT_PORT)?.unwrap_or_default(),
        };
        if port.is_empty() {
            return Err(AppError::new("err-terminal-not-configured", vec![("missing", crate::keys::ZVT_PORT.into())]));
        }
        let baud = self.setting(crate::keys::ZVT_BAUD)?.and_then(|b| b.parse::<u32>().ok()).unwrap_or(9600);
        let password = self.store().secret(crate::keys::ZVT_PASSWORD)?.unwrap_or_default();
        let password = if password.is_empty() {
            0
        } else {
            password.parse::<u32>().map_err(|_| {
                AppError::new("err-config-value", vec![("key", crate::keys::ZVT_PASSWORD.into()), ("value", "******".into())])
            })?
        };
        let mut config = zvt::driver::Config { password, currency: zvt::currency::numeric(self.config().currency), ..Default::default() };
        if let Some(byte) = self.setting(crate::setup::ZVT_CONFIG)?.filter(|v| !v.trim().is_empty()) {
            config.config_byte = crate::setup::zvt_config_byte(&byte).ok_or_else(|| {
                AppError::new("err-config-value", vec![("key", crate::setup::ZVT_CONFIG.into()), ("value", byte.as_str().into())])
            })?;
        }
        let line = zvt::driver::Line { baud, ..Default::default() };
        let driver = zvt::ZvtTerminal::open(&port, &line, config)
            .map_err(|e| AppError::new("err-terminal-port", vec![("port", port.as_str().into()), ("detail", e.to_string().into())]))?;
        Ok((driver, port))
    }

    /// A technician asks the ZVT terminal on `port` (default `zvt.port`) about its last
    /// transaction (status enquiry): its state, details and receipt lines.
    pub fn terminal_status(&self, who: &Who, port: Option<&str>) -> Result<TerminalStatus> {
        self.allow(who, Action::TestConnection)?;
        let mut driver = self.zvt_driver(port)?;
        let t = driver.status_enquiry().map_err(|e| port_error(port, e))?;
        let (state, details) = zvt_report(&t.outcome);
        Ok(TerminalStatus { last_transaction: state.as_str(), details, receipt: t.receipt })
    }

    /// A manager closes the ZVT terminal's batch (end-of-day): its per-brand totals.
    pub fn terminal_end_of_day(&self, who: &Who, port: Option<&str>) -> Result<zvt::driver::EndOfDay> {
        self.allow(who, Action::CloseDay)?;
        let mut driver = self.zvt_driver(port)?;
        driver.end_of_day().map_err(|e| port_error(port, e))
    }

    /// A technician's test sale of `amount` on the ZVT terminal at `port` (default
    /// `zvt.port`): checked before the line is opened.
    pub fn zvt_test_sale(&self, who: &Who, port: Option<&str>, amount: Money) -> Result<PaymentRecord> {
        self.allow(who, Action::TestConnection)?;
        let terminal = ZvtCardTerminal::new(self.zvt_driver(port)?);
        self.terminal_test_sale(who, &terminal, amount)
    }

    /// A technician's test sale of `amount` on `terminal`, journaled like any attempt
    /// (no cart: it completes no sale). Returns the journaled record.
    pub fn terminal_test_sale(&self, who: &Who, terminal: &dyn CardTerminal, amount: Money) -> Result<PaymentRecord> {
        self.allow(who, Action::TestConnection)?;
        let at = self.now().to_rfc3339();
        let sale_id = uuid::Uuid::now_v7();
        let p = self.store().begin_payment(&quay_store::NewPayment {
            sale_id,
            terminal: terminal.kind(),
            kind: quay_core::payment::PaymentKind::Sale,
            amount: amount.minor,
            currency: amount.currency.code(),
            at: &at,
            cart: None,
            taken_by: None,
        })?;
        self.store().payment_transition(
            &p.key,
            quay_core::payment::PaymentState::Sent,
            &CardDetails { message: Some("terminal test".into()), ..Default::default() },
            &self.now().to_rfc3339(),
        )?;
        let journal = |progress: crate::card::Progress<'_>| match progress {
            crate::card::Progress::Status(s) => tracing::info!(status = s, "terminal"),
            crate::card::Progress::Reference(r) => {
                let _ = self.store().payment_reference(&p.key, r, &self.now().to_rfc3339());
            }
            crate::card::Progress::Note(n) => {
                let _ = self.store().payment_note(&p.key, n, &self.now().to_rfc3339());
            }
        };
        let outcome = terminal.charge(&p.key, amount, &journal);
        let (state, details) = crate::card::outcome_state(outcome);
        Ok(self.store().payment_transition(&p.key, state, &details, &self.now().to_rfc3339())?)
    }
}

/// What a status enquiry found, as `quay terminal status` prints it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TerminalStatus {
    pub last_transaction: &'static str,
    pub details: CardDetails,
    pub receipt: Vec<String>,
}

fn port_error(port: Option<&str>, e: impl std::fmt::Display) -> AppError {
    AppError::new("err-terminal-port", vec![("port", port.unwrap_or_default().into()), ("detail", e.to_string().into())])
}

/// Registers `driver` on its line (`06 00`). A refusal names the terminal's code (a wrong
/// password, a configuration byte it does not take); no answer names the port.
pub fn register_zvt<P: std::io::Read + std::io::Write>(driver: &mut zvt::ZvtTerminal<P>, port: &str) -> Result<()> {
    let (password, currency) = (driver.config().password, driver.config().currency);
    let unanswered = |detail: String| AppError::new("err-terminal-unanswered", vec![("port", port.into()), ("detail", detail.into())]);
    match driver.register(password, currency) {
        Ok(t) => match t.outcome {
            Outcome::Completed => Ok(()),
            Outcome::TerminalError { code } => {
                Err(AppError::new("err-terminal-registration", vec![("code", format!("{code:02X}").into())]))
            }
            Outcome::Unknown { reason } => Err(unanswered(reason.to_string())),
            other => Err(unanswered(format!("{other:?}"))),
        },
        Err(e) => Err(unanswered(e.to_string())),
    }
}

/// `register_zvt` before asking about open attempts (`Counter::card_terminal_to_ask`): no
/// answer is no reason not to ask; a refusal still is.
pub fn register_zvt_to_ask<P: std::io::Read + std::io::Write>(driver: &mut zvt::ZvtTerminal<P>, port: &str) -> Result<()> {
    match register_zvt(driver, port) {
        Err(e) if e.code == "err-terminal-unanswered" => {
            tracing::warn!(target: "zvt", port = %port, "registration unanswered; asking about open attempts anyway");
            Ok(())
        }
        other => other,
    }
}

/// What the journal says of a payment sent a second time after the terminal refused the
/// first send as not registered (before processing it).
pub const REGISTERED_AGAIN: &str =
    "the terminal refused the first send before processing it (84 6B, not registered): registered again and sent once more";

/// What a ZVT outcome means, as the journal's state and details (for reports).
pub fn zvt_report(o: &Outcome) -> (quay_core::payment::PaymentState, CardDetails) {
    crate::card::outcome_state(zvt_outcome(o))
}

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
    fn kind(&self) -> &'static str {
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

/// A ZVT terminal on a serial line. One command at a time (the line is half-duplex), so
/// the driver sits behind a mutex.
pub struct ZvtCardTerminal<P> {
    driver: Mutex<zvt::ZvtTerminal<P>>,
}

impl<P> ZvtCardTerminal<P> {
    pub fn new(driver: zvt::ZvtTerminal<P>) -> ZvtCardTerminal<P> {
        ZvtCardTerminal { driver: Mutex::new(driver) }
    }

    /// The driver back (its line stays open): a restart of the counter over the same line.
    pub fn into_driver(self) -> zvt::ZvtTerminal<P> {
        self.driver.into_inner().unwrap_or_else(|p| p.into_inner())
    }
}

fn approval_details(a: &Approval) -> CardDetails {
    CardDetails {
        terminal_id: a.terminal_id.map(|t| format!("{t:08}")),
        masked_pan: a.masked_pan.clone(),
        brand: a.brand.clone(),
        auth_code: a.auth_code.clone(),
        rrn: a.rrn.clone(),
        trace: a.trace.map(|t| format!("{t:06}")),
        receipt_no: a.receipt_no.map(|r| format!("{r:04}")),
        provider_ref: None,
        result_code: Some("00".into()),
        result_source: Some("iso8583".into()),
        issuer_code: None,
        message: None,
        print_lines: vec![],
    }
}

/// The journal's vocabulary for a ZVT outcome: the issuer's code as two digits
/// (ISO 8583 field 39), the terminal's own codes kept as ZVT codes.
fn zvt_outcome(o: &Outcome) -> TerminalOutcome {
    match o {
        Outcome::Approved(a) => TerminalOutcome::Approved(approval_details(a)),
        Outcome::Declined { result_code, masked_pan, brand } => TerminalOutcome::Declined(CardDetails {
            masked_pan: masked_pan.clone(),
            brand: brand.clone(),
            result_code: Some(format!("{result_code:02}")),
            result_source: Some("iso8583".into()),
            ..Default::default()
        }),
        // 0x6C: aborted at the terminal (the customer or cashier cancelled).
        Outcome::TerminalError { code: 0x6C } => TerminalOutcome::Cancelled(CardDetails {
            result_code: Some("6C".into()),
            result_source: Some("zvt".into()),
            ..Default::default()
        }),
        Outcome::TerminalError { code } => TerminalOutcome::Declined(CardDetails {
            result_code: Some(format!("{code:02X}")),
            result_source: Some("zvt".into()),
            ..Default::default()
        }),
        Outcome::Completed | Outcome::NoTransaction => {
            TerminalOutcome::Unknown(CardDetails { message: Some("completed without a result".into()), ..Default::default() })
        }
        Outcome::Unknown { reason } => TerminalOutcome::Unknown(CardDetails { message: Some((*reason).to_string()), ..Default::default() }),
    }
}

/// The terminal's slip goes with the outcome into the journal.
fn with_print_lines(mut o: TerminalOutcome, lines: Vec<String>) -> TerminalOutcome {
    match &mut o {
        TerminalOutcome::Approved(d) | TerminalOutcome::Declined(d) | TerminalOutcome::Unknown(d) | TerminalOutcome::Cancelled(d) => {
            d.print_lines = lines
        }
    }
    o
}

/// The outcome of a money command (payment, refund, reversal). A command the terminal
/// never took charged nothing; any other failure after it took it is unknown.
fn command_outcome(result: Result<zvt::Transaction, zvt::ZvtError>) -> TerminalOutcome {
    match result {
        Ok(t) if t.registered_again => {
            let mut o = with_print_lines(zvt_outcome(&t.outcome), t.receipt);
            let (TerminalOutcome::Approved(d) | TerminalOutcome::Declined(d) | TerminalOutcome::Unknown(d) | TerminalOutcome::Cancelled(d)) =
                &mut o;
            d.message = Some(d.message.take().map_or_else(|| REGISTERED_AGAIN.to_string(), |m| format!("{m}; {REGISTERED_AGAIN}")));
            o
        }
        Ok(t) => with_print_lines(zvt_outcome(&t.outcome), t.receipt),
        Err(zvt::ZvtError::NotDelivered(e)) => TerminalOutcome::Cancelled(CardDetails {
            message: Some(format!("not delivered: {e}")),
            result_source: Some("zvt".into()),
            ..Default::default()
        }),
        Err(e) => TerminalOutcome::Unknown(CardDetails { message: Some(e.to_string()), ..Default::default() }),
    }
}

impl<P: std::io::Read + std::io::Write + Send> CardTerminal for ZvtCardTerminal<P> {
    fn kind(&self) -> &'static str {
        "zvt"
    }

    /// A reversal by the original's receipt number while it is in the open batch; a refund
    /// of the amount when the receipt number is not known.
    fn refund(&self, _key: &str, original: &PaymentRecord, amount: Money, _on_status: &dyn Fn(&str)) -> TerminalOutcome {
        let mut driver = self.driver.lock().unwrap_or_else(|p| p.into_inner());
        let receipt = original.details.receipt_no.as_deref().and_then(|r| r.parse::<u16>().ok());
        let result = match receipt {
            Some(r) => driver.reverse(r),
            None => driver.refund_money(amount),
        };
        command_outcome(result)
    }

    fn charge(&self, _key: &str, amount: Money, on: &dyn Fn(Progress<'_>)) -> TerminalOutcome {
        let mut driver = self.driver.lock().unwrap_or_else(|p| p.into_inner());
        let mut notify = |n: &zvt::session::Notice| {
            // The Fluent id: the screen says it in the counter's language.
            match n {
                zvt::session::Notice::Status(h) => on(Progress::Status(h.id)),
                // Journaled before the terminal gets the payment a second time.
                zvt::session::Notice::RegisteredAgain => on(Progress::Note(REGISTERED_AGAIN)),
                zvt::session::Notice::PrintLine(_) => {}
            }
        };
        command_outcome(driver.pay_with(amount, &mut notify))
    }

    /// Asks the terminal for its last transaction (repeat receipt). It answers for our
    /// attempt only if the amount matches (and, checked by the caller, it is not already
    /// another attempt's); otherwise the outcome stays unknown for a person to settle.
    fn enquire(&self, attempt: &PaymentRecord) -> TerminalOutcome {
        let mut driver = self.driver.lock().unwrap_or_else(|p| p.into_inner());
        // A refused enquiry (`84 xx`, e.g. not registered and registering failed) says
        // nothing about the attempt: the status enquiry next, else it stays unknown.
        let answer = match driver.repeat_receipt() {
            Ok(t) if t.refused.is_none() => Ok(t),
            _ => driver.status_enquiry(),
        };
        match answer {
            Ok(t) if t.refused.is_some() => TerminalOutcome::Unknown(CardDetails {
                message: Some(format!("the terminal refused the enquiry ({:02X})", t.refused.unwrap_or_default())),
                ..Default::default()
            }),
            Ok(t) => match &t.outcome {
                Outcome::Approved(a) if a.amount as i64 == attempt.amount => TerminalOutcome::Approved(approval_details(a)),
                // Another amount: not ours as far as the terminal can tell. Its receipt and
                // trace go along so the caller can see whether it is an earlier attempt's.
                Outcome::Approved(a) => TerminalOutcome::Unknown(CardDetails {
                    message: Some("the terminal's last transaction is another amount".into()),
                    receipt_no: a.receipt_no.map(|r| format!("{r:04}")),
                    trace: a.trace.map(|t| format!("{t:06}")),
                    ..Default::default()
                }),
                // Nothing to repeat: the terminal has no transaction since its last
                // end-of-day, so ours never ran there.
                Outcome::NoTransaction => TerminalOutcome::Cancelled(CardDetails {
                    message: Some("the terminal reports no transaction".into()),
                    result_source: Some("zvt".into()),
                    ..Default::default()
                }),
                other => zvt_outcome(other),
            },
            Err(e) => TerminalOutcome::Unknown(CardDetails { message: Some(e.to_string()), ..Default::default() }),
        }
    }
}
