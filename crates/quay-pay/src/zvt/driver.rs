//! `ZvtTerminal`: the commands a counter issues, each run as one session over the link.
//! Errors split on the one question the caller must answer: did the terminal get the
//! command? `ZvtError::NotDelivered` means no (safe to retry or pay otherwise); once it
//! did, every failure is an `Outcome::Unknown` inside `Ok`, to be settled by
//! `status_enquiry` / `repeat_receipt`, never by assuming a decline.
//!
//! Registration: a terminal refuses most commands with `84 6B` (not registered) until the
//! ECR has sent `06 00`, and forgets it when restarted. The caller registers when it opens
//! the line (`register`); when a command is refused `84 6B` *as the terminal's immediate
//! answer* — it did nothing — the driver registers again and sends that command once more
//! (`Notice::RegisteredAgain` first). A `6B` after the terminal took the command is that
//! command's outcome and is never re-sent: the only automatic re-send there is.

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use quay_core::money::Money;
use serialport::{DataBits, Parity, SerialPort, StopBits, TTYPort};

use super::apdu::{self, Apdu, ApduError, Message, StatusHint, StatusInfo};
use super::currency;
use super::link::{self, Link, LinkError};
use super::session::{self, Kind, Notice, Outcome, Session};

/// Read timeout of the port: how often the link checks its T3/T4 deadlines.
const POLL: Duration = Duration::from_millis(20);

#[derive(Debug, Clone)]
pub struct Config {
    /// The terminal's 6-digit password (3 bytes BCD on the wire).
    pub password: u32,
    /// ISO 4217 numeric, e.g. 978 for EUR.
    pub currency: u16,
    /// Registration config byte (PA00P015: which messages the ECR wants; 0xBA: the ECR
    /// prints no receipts itself but receives print lines, no amount input on the PT…).
    pub config_byte: u8,
    pub t3: Duration,
    pub t4: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Config { password: 0, currency: 978, config_byte: 0xBA, t3: link::T3, t4: session::T4 }
    }
}

/// Serial line settings; ZVT's default is 9600 8N2.
#[derive(Debug, Clone)]
pub struct Line {
    pub baud: u32,
    pub data_bits: DataBits,
    pub parity: Parity,
    pub stop_bits: StopBits,
}

impl Default for Line {
    fn default() -> Self {
        Line { baud: 9600, data_bits: DataBits::Eight, parity: Parity::None, stop_bits: StopBits::Two }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ZvtError {
    /// The terminal never acknowledged the command: it did not run.
    #[error("the terminal did not take the command: {0}")]
    NotDelivered(LinkError),
    #[error("serial port: {0}")]
    Port(#[from] serialport::Error),
    #[error("ZVT message: {0}")]
    Apdu(#[from] ApduError),
    /// An administrative command ended otherwise than completed (end-of-day refused, …).
    #[error("the terminal answered {0:?}")]
    Failed(Box<Outcome>),
    /// The amount is not a positive amount in the terminal's registered currency.
    #[error("the terminal takes positive amounts in currency {terminal}, not {amount}")]
    Amount { amount: String, terminal: u16 },
}

/// Everything one command produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transaction {
    pub outcome: Outcome,
    /// Prompts shown during the transaction, in order.
    pub hints: Vec<StatusHint>,
    /// The terminal's receipt, line by line.
    pub receipt: Vec<String>,
    /// Every status information received.
    pub statuses: Vec<StatusInfo>,
    /// `Some(code)` when the terminal refused the command as its immediate answer
    /// (`84 xx`): it never started it.
    pub refused: Option<u8>,
    /// The command was first refused `84 6B` (not registered) before the terminal did
    /// anything, and this is the answer to its one re-send after registering again.
    pub registered_again: bool,
}

/// The one automatic re-send (pure): a command the terminal refused as its immediate
/// answer with `84 6B` (not registered) never ran there, so after registering it is sent
/// once more — once only. Anything else, a `6B` after the terminal took the command
/// included, is the command's outcome.
pub fn retry_after_registration(t: &Transaction) -> bool {
    t.refused == Some(apdu::NOT_REGISTERED) && !t.registered_again
}

/// Day-end totals from the terminal, for reconciliation. Amounts in minor units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndOfDay {
    pub total: u64,
    /// (brand, count, total) for each brand with a transaction.
    pub per_brand: Vec<(String, u32, u64)>,
    pub receipt_range: Option<(u16, u16)>,
    pub receipt: Vec<String>,
}

type Listener = Box<dyn FnMut(&Notice) + Send>;

pub struct ZvtTerminal<P> {
    link: Link<P>,
    config: Config,
    listener: Option<Listener>,
}

impl ZvtTerminal<TTYPort> {
    /// Opens a serial device (e.g. `/dev/ttyUSB0`).
    pub fn open(path: &str, line: &Line, config: Config) -> Result<Self, ZvtError> {
        let port = serialport::new(path, line.baud)
            .data_bits(line.data_bits)
            .parity(line.parity)
            .stop_bits(line.stop_bits)
            .timeout(POLL)
            .open_native()?;
        Ok(ZvtTerminal::new(port, config))
    }

    /// Takes one end of `TTYPort::pair()` (tests, the sandbox's simulator).
    pub fn on_tty(mut port: TTYPort, config: Config) -> Result<Self, ZvtError> {
        port.set_timeout(POLL)?;
        Ok(ZvtTerminal::new(port, config))
    }
}

impl<P: Read + Write> ZvtTerminal<P> {
    /// Any port whose reads time out after a short while (see `link`).
    pub fn new(port: P, config: Config) -> Self {
        let link = Link::new(port).with_t3(config.t3);
        ZvtTerminal { link, config, listener: None }
    }

    /// Prompts and print lines as they arrive, for the payment dialog.
    pub fn on_notice(&mut self, f: impl FnMut(&Notice) + Send + 'static) {
        self.listener = Some(Box::new(f));
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// `06 00` with the config byte of `Config`; remembers password and currency for the
    /// later commands (and for registering again). Done when the outcome is `Completed`.
    pub fn register(&mut self, password: u32, currency: u16) -> Result<Transaction, ZvtError> {
        self.config.password = password;
        self.config.currency = currency;
        self.registration()
    }

    fn registration(&mut self) -> Result<Transaction, ZvtError> {
        let cmd = apdu::registration(self.config.password, self.config.config_byte, self.config.currency)?;
        self.once(&cmd, Kind::Admin, &mut |_| {})
    }

    /// `06 01`: a card payment of `amount` minor units.
    pub fn authorise(&mut self, amount: u64) -> Result<Transaction, ZvtError> {
        let cmd = apdu::authorisation(amount, self.config.currency)?;
        self.run(cmd, Kind::Payment { amount })
    }

    /// `authorise` for a domain amount: refused before anything is sent unless it is
    /// positive and in the registered currency.
    pub fn pay(&mut self, amount: Money) -> Result<Transaction, ZvtError> {
        let minor = self.checked(amount)?;
        self.authorise(minor)
    }

    /// `refund` for a domain amount (positive, registered currency).
    pub fn refund_money(&mut self, amount: Money) -> Result<Transaction, ZvtError> {
        let minor = self.checked(amount)?;
        self.refund(minor)
    }

    fn checked(&self, amount: Money) -> Result<u64, ZvtError> {
        let terminal = self.config.currency;
        match currency::card_amount(amount) {
            Some(minor) if currency::numeric(amount.currency) == terminal => Ok(minor),
            _ => Err(ZvtError::Amount { amount: format!("{} {}", amount.minor, amount.currency.code()), terminal }),
        }
    }

    /// `authorise` for a domain amount, with this call's own display callback (as well as
    /// the listener of `on_notice`): for callers whose callback borrows.
    pub fn pay_with(&mut self, amount: Money, notify: &mut dyn FnMut(&Notice)) -> Result<Transaction, ZvtError> {
        let minor = self.checked(amount)?;
        let cmd = apdu::authorisation(minor, self.config.currency)?;
        self.run_with(cmd, Kind::Payment { amount: minor }, notify)
    }

    /// `06 30`: reverses the payment with this terminal receipt number.
    pub fn reverse(&mut self, receipt_no: u16) -> Result<Transaction, ZvtError> {
        let cmd = apdu::reversal(self.config.password, receipt_no)?;
        self.run(cmd, Kind::Payment { amount: 0 })
    }

    /// `06 31`: refunds `amount` minor units to a card.
    pub fn refund(&mut self, amount: u64) -> Result<Transaction, ZvtError> {
        let cmd = apdu::refund(self.config.password, amount, self.config.currency)?;
        self.run(cmd, Kind::Payment { amount })
    }

    /// `05 01`: asks the terminal about its last transaction (after an Unknown).
    pub fn status_enquiry(&mut self) -> Result<Transaction, ZvtError> {
        let cmd = apdu::status_enquiry(self.config.password)?;
        self.run(cmd, Kind::Enquiry)
    }

    /// `06 20`: the last transaction's status and receipt again.
    pub fn repeat_receipt(&mut self) -> Result<Transaction, ZvtError> {
        let cmd = apdu::repeat_receipt(self.config.password)?;
        self.run(cmd, Kind::Enquiry)
    }

    /// `06 B0`: asks the terminal to abort; done when it acknowledges.
    pub fn abort(&mut self) -> Result<Transaction, ZvtError> {
        self.run(apdu::abort(), Kind::AckOnly)
    }

    /// `06 50`: closes the day; the totals come from field 60 of the status information.
    pub fn end_of_day(&mut self) -> Result<EndOfDay, ZvtError> {
        let tx = self.run(apdu::end_of_day(self.config.password)?, Kind::Admin)?;
        if tx.outcome != Outcome::Completed {
            return Err(ZvtError::Failed(Box::new(tx.outcome)));
        }
        let status = tx.statuses.iter().rev().find(|s| s.totals.is_some()).or(tx.statuses.last());
        let totals = status.and_then(|s| s.totals.clone());
        let per_brand: Vec<(String, u32, u64)> = totals
            .iter()
            .flat_map(|t| t.per_brand.iter())
            .filter(|(_, n, amount)| *n > 0 || *amount > 0)
            .map(|(b, n, amount)| (b.to_string(), u32::from(*n), *amount))
            .collect();
        let total = status.and_then(|s| s.amount).unwrap_or_else(|| per_brand.iter().map(|b| b.2).sum());
        Ok(EndOfDay { total, per_brand, receipt_range: totals.map(|t| t.receipt_range), receipt: tx.receipt })
    }

    fn run(&mut self, cmd: Apdu, kind: Kind) -> Result<Transaction, ZvtError> {
        self.run_with(cmd, kind, &mut |_| {})
    }

    /// One command; refused before it ran because the terminal forgot its registration,
    /// it is sent once more after registering again (`retry_after_registration`).
    fn run_with(&mut self, cmd: Apdu, kind: Kind, extra: &mut dyn FnMut(&Notice)) -> Result<Transaction, ZvtError> {
        let first = self.once(&cmd, kind, extra)?;
        if !retry_after_registration(&first) {
            return Ok(first);
        }
        tracing::warn!(target: "zvt", "{cmd} refused before it ran: the terminal is not registered; registering again");
        match self.registration() {
            Ok(r) if r.outcome == Outcome::Completed => {}
            // Still not registered: the refusal stands (nothing ran).
            Ok(r) => {
                tracing::warn!(target: "zvt", "registration refused: {:?}", r.outcome);
                return Ok(first);
            }
            Err(e) => {
                tracing::warn!(target: "zvt", "registration failed: {e}");
                return Ok(first);
            }
        }
        let notice = Notice::RegisteredAgain;
        if let Some(f) = self.listener.as_mut() {
            f(&notice)
        }
        extra(&notice);
        let mut second = self.once(&cmd, kind, extra)?;
        second.registered_again = true;
        Ok(second)
    }

    /// Sends one command and follows the terminal until the command's end.
    fn once(&mut self, cmd: &Apdu, kind: Kind, extra: &mut dyn FnMut(&Notice)) -> Result<Transaction, ZvtError> {
        let bytes = cmd.encode()?;
        tracing::debug!(target: "zvt", "→ {cmd}");
        // Nothing of the previous transaction may be read as this one's answer.
        self.link.drain(POLL).map_err(ZvtError::NotDelivered)?;
        self.link.send(&bytes).map_err(ZvtError::NotDelivered)?;
        let mut s = Session::new(kind, Instant::now(), self.config.t4);
        let mut listener = self.listener.take();
        let mut notify = |n: &Notice| {
            if let Some(f) = listener.as_mut() {
                f(n)
            }
            extra(n)
        };
        let outcome = loop {
            let got = match self.link.recv(s.deadline()) {
                Ok(got) => got,
                Err(e) => {
                    tracing::warn!(target: "zvt", "line lost mid-transaction: {e}");
                    break s.on_link_lost();
                }
            };
            let now = Instant::now();
            let Some(bytes) = got else {
                match s.on_timeout(now) {
                    Some(o) => break o,
                    None => continue,
                }
            };
            // A message we cannot read is still answered, so the terminal carries on;
            // its content is lost (logged), the completion decides.
            let msg = Apdu::decode(&bytes).and_then(|a| {
                tracing::debug!(target: "zvt", "← {a}");
                Message::parse(&a).or(Ok(Message::Other(a.class, a.instr)))
            });
            let msg = match msg {
                Ok(m) => m,
                Err(e) => {
                    tracing::warn!(target: "zvt", "unreadable APDU {bytes:02X?}: {e}");
                    Message::Other(0, 0)
                }
            };
            let step = s.on_message(msg, now, &mut notify);
            if let Some(reply) = step.reply {
                if let Err(e) = self.link.send(&reply.encode()?) {
                    tracing::warn!(target: "zvt", "answer not acknowledged: {e}");
                    // The final message was received whole: its outcome stands.
                    break step.outcome.unwrap_or_else(|| s.on_link_lost());
                }
            }
            if let Some(o) = step.outcome {
                break o;
            }
        };
        self.listener = listener;
        Ok(Transaction {
            outcome,
            hints: s.hints().to_vec(),
            receipt: s.print_lines().to_vec(),
            statuses: s.statuses().to_vec(),
            refused: s.refused(),
            registered_again: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tx(outcome: Outcome, refused: Option<u8>, registered_again: bool) -> Transaction {
        Transaction { outcome, hints: vec![], receipt: vec![], statuses: vec![], refused, registered_again }
    }

    #[test]
    fn only_an_immediate_not_registered_refusal_is_sent_again_and_only_once() {
        let six_b = Outcome::TerminalError { code: 0x6B };
        assert!(retry_after_registration(&tx(six_b.clone(), Some(0x6B), false)));
        assert!(!retry_after_registration(&tx(six_b.clone(), Some(0x6B), true)), "once");
        assert!(!retry_after_registration(&tx(six_b, None, false)), "6B after the terminal started");
        assert!(!retry_after_registration(&tx(Outcome::TerminalError { code: 0x83 }, Some(0x83), false)));
        assert!(!retry_after_registration(&tx(Outcome::Unknown { reason: "T4 expired" }, None, false)));
    }
}
