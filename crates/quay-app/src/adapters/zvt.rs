//! A ZVT terminal on a serial line behind `CardTerminal`: registration on the line, and the
//! journal's vocabulary for what the terminal answers (approved / declined / unknown /
//! cancelled with the card details the day-end matches on).

use std::sync::Mutex;

use quay_core::Money;
use quay_pay::zvt;
use quay_pay::zvt::session::{Approval, Outcome};
use quay_store::{CardDetails, PaymentRecord};

use crate::card::{CardTerminal, Progress, TerminalOutcome};
use crate::{AppError, Result};

/// The serial line to the terminal at `port`, opened (ZVT's 8N2 at `baud`); not yet
/// registered.
pub fn open_line(port: &str, baud: u32, config: zvt::driver::Config) -> Result<zvt::ZvtTerminal<serialport::TTYPort>> {
    let line = zvt::driver::Line { baud, ..Default::default() };
    zvt::ZvtTerminal::open(port, &line, config)
        .map_err(|e| AppError::new("err-terminal-port", vec![("port", port.into()), ("detail", e.to_string().into())]))
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
    fn kind(&self) -> &str {
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
