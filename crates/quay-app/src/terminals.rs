//! The counter's card terminals: which one is configured, opened after the permission
//! check, and the technician's terminal use cases. The terminals themselves (ZVT on a
//! serial line, Viva's order polling) are adapters in `crate::adapters`, re-exported here
//! at their older paths.

use std::time::Duration;

use quay_core::auth::Action;
use quay_core::Money;

use quay_pay::viva::VivaClient;
use quay_pay::zvt;
use quay_store::{CardDetails, PaymentRecord};

use crate::card::CardTerminal;
use crate::{AppError, Counter, Result, Who};

pub use crate::adapters::viva::VivaTerminal;
pub use crate::adapters::zvt::{register_zvt, register_zvt_to_ask, zvt_report, ZvtCardTerminal, REGISTERED_AGAIN};

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
        Ok((crate::adapters::zvt::open_line(&port, baud, config)?, port))
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
            order_id: None,
            refund_of: None,
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
            crate::card::Progress::Qr { .. } => {}
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
