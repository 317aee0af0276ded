//! One transaction's conversation, as a pure state machine. After our command the
//! terminal keeps control: it acknowledges (`80 00 00`, or refuses with `84 xx`), then
//! sends intermediate statuses, status information and print lines, each answered
//! `80 00 00`, until completion (`06 0F`) or abort (`06 1E`). T4 (180 s) runs from the
//! command and restarts with every message. The clock is an argument: no sleeping here,
//! so tests drive hours of T4 in microseconds.
//!
//! The rule that matters for money: once the terminal has the command, silence or a lost
//! line during a payment is **Unknown**, never Declined — the customer may have paid. The
//! counter must ask (status enquiry / repeat receipt) before anything else.

use std::time::{Duration, Instant};

use super::apdu::{self, is_issuer_code, status_hint, Apdu, Message, StatusHint, StatusInfo};

/// T4 of the spec: the longest silence while the terminal has control.
pub const T4: Duration = Duration::from_secs(180);

/// What the command was, which decides how its end is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Authorisation, refund or reversal: ends Approved, Declined, TerminalError or Unknown.
    Payment { amount: u64 },
    /// Status enquiry / repeat receipt: the status information describes the *last*
    /// transaction, and its result code is that transaction's outcome.
    Enquiry,
    /// Registration, end-of-day: ends Completed or TerminalError.
    Admin,
    /// Abort: the terminal's `80 00 00` is the whole answer.
    AckOnly,
}

/// An approved card payment as the terminal reported it. `rrn` stays None: ZVT has no
/// retrieval reference number (Viva has one; the journal keeps one shape for both).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Approval {
    /// Minor units.
    pub amount: u64,
    pub currency: Option<u16>,
    pub trace: Option<u32>,
    pub receipt_no: Option<u16>,
    pub terminal_id: Option<u32>,
    pub masked_pan: Option<String>,
    pub brand: Option<String>,
    pub auth_code: Option<String>,
    /// (hour, minute, second), terminal's clock.
    pub time: Option<(u8, u8, u8)>,
    /// (month, day), terminal's clock.
    pub date: Option<(u8, u8)>,
    pub rrn: Option<String>,
}

impl Approval {
    fn from_status(s: &StatusInfo, requested: u64) -> Approval {
        Approval {
            amount: s.amount.unwrap_or(requested),
            currency: s.currency,
            trace: s.trace,
            receipt_no: s.receipt_no,
            terminal_id: s.terminal_id,
            masked_pan: s.masked_pan.clone(),
            brand: s.brand.clone(),
            auth_code: s.auth_code.clone(),
            time: s.time,
            date: s.date,
            rrn: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Approved(Approval),
    /// The issuer said no: `result_code` is the ISO 8583 field-39 value, sent binary
    /// (0x33 = 51, insufficient funds). The card was not charged.
    Declined {
        result_code: u8,
        masked_pan: Option<String>,
        brand: Option<String>,
    },
    /// The terminal's own failure (codes ≥ 0x64, e.g. 0x6C aborted) or a refused command
    /// (`84 xx`). Nothing was charged.
    TerminalError {
        code: u8,
    },
    /// An administrative command (registration, end-of-day, abort) finished.
    Completed,
    /// A status enquiry or repeat receipt answered with no transaction: there is none
    /// since the terminal's last end-of-day.
    NoTransaction,
    /// We cannot know: T4 expired or the line failed after the terminal took the command.
    Unknown {
        reason: &'static str,
    },
}

/// Result code → outcome; 00 is success, handled by the caller.
fn failure(code: u8, s: Option<&StatusInfo>) -> Outcome {
    if is_issuer_code(code) {
        Outcome::Declined { result_code: code, masked_pan: s.and_then(|s| s.masked_pan.clone()), brand: s.and_then(|s| s.brand.clone()) }
    } else {
        Outcome::TerminalError { code }
    }
}

/// Something for the display, live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Status(StatusHint),
    PrintLine(String),
    /// The terminal refused the command as its immediate answer (`84 6B`, not registered:
    /// it did nothing); the driver has registered again and is about to send the same
    /// command once more. Comes before the second send, so it can be journaled first.
    RegisteredAgain,
}

/// What to do after a message: answer it (always `80 00 00` when present) and maybe stop.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Step {
    pub reply: Option<Apdu>,
    pub outcome: Option<Outcome>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Command delivered; waiting for `80 00 00` / `84 xx`.
    Accepting,
    /// The terminal has control.
    Running,
    Done,
}

#[derive(Debug, Clone)]
pub struct Session {
    kind: Kind,
    t4: Duration,
    deadline: Instant,
    phase: Phase,
    /// The refusal code when the terminal refused the command as its answer (`84 xx`).
    refused: Option<u8>,
    statuses: Vec<StatusInfo>,
    hints: Vec<StatusHint>,
    print_lines: Vec<String>,
}

impl Session {
    /// Starts when the command has been acknowledged by the link layer.
    pub fn new(kind: Kind, now: Instant, t4: Duration) -> Session {
        Session {
            kind,
            t4,
            deadline: now + t4,
            phase: Phase::Accepting,
            refused: None,
            statuses: vec![],
            hints: vec![],
            print_lines: vec![],
        }
    }

    /// When T4 expires if nothing arrives.
    pub fn deadline(&self) -> Instant {
        self.deadline
    }

    pub fn is_done(&self) -> bool {
        self.phase == Phase::Done
    }

    /// `Some(code)` when the terminal refused the command as its immediate answer
    /// (`84 xx`): it never started it. A failure after acceptance is not a refusal.
    pub fn refused(&self) -> Option<u8> {
        self.refused
    }

    pub fn statuses(&self) -> &[StatusInfo] {
        &self.statuses
    }

    pub fn hints(&self) -> &[StatusHint] {
        &self.hints
    }

    pub fn print_lines(&self) -> &[String] {
        &self.print_lines
    }

    /// One message from the terminal. `notify` sees prompts and print lines as they come.
    pub fn on_message(&mut self, msg: Message, now: Instant, notify: &mut dyn FnMut(&Notice)) -> Step {
        if self.phase == Phase::Done {
            // A late repeat (our ACK got lost): answer so the terminal stops, change nothing.
            return Step { reply: answerable(&msg).then(apdu::ack), outcome: None };
        }
        if self.phase == Phase::Accepting && matches!(msg, Message::Status(_) | Message::Completion | Message::Abort(_)) {
            // ZVT has no sequence numbers: before our command is accepted, a result can
            // only be a late repeat from the previous transaction (its ACK was lost).
            // Answer it, never let it decide this transaction.
            tracing::warn!(target: "zvt", "result before acceptance ignored (stale repeat?)");
            return Step { reply: Some(apdu::ack()), outcome: None };
        }
        self.deadline = now + self.t4;
        match msg {
            Message::Ack if self.phase == Phase::Accepting => {
                if self.kind == Kind::AckOnly {
                    return self.finish(None, Outcome::Completed);
                }
                self.phase = Phase::Running;
                Step::default()
            }
            // A refusal is an answer to the command only; later it would be noise.
            Message::Refused(code) if self.phase == Phase::Accepting => {
                self.refused = Some(code);
                self.finish(None, Outcome::TerminalError { code })
            }
            Message::Ack | Message::Refused(_) => Step::default(),
            Message::Intermediate(code) => {
                self.phase = Phase::Running;
                let h = status_hint(code);
                notify(&Notice::Status(h));
                self.hints.push(h);
                Step { reply: Some(apdu::ack()), outcome: None }
            }
            Message::Status(s) => {
                self.phase = Phase::Running;
                self.statuses.push(*s);
                Step { reply: Some(apdu::ack()), outcome: None }
            }
            Message::PrintLine(line) => {
                self.phase = Phase::Running;
                notify(&Notice::PrintLine(line.clone()));
                self.print_lines.push(line);
                Step { reply: Some(apdu::ack()), outcome: None }
            }
            Message::Completion => {
                let o = self.completed();
                self.finish(Some(apdu::ack()), o)
            }
            Message::Abort(code) => {
                let o = failure(code, self.statuses.last());
                self.finish(Some(apdu::ack()), o)
            }
            Message::Other(..) => Step { reply: Some(apdu::ack()), outcome: None },
        }
    }

    /// Call when the deadline passed with nothing received.
    pub fn on_timeout(&mut self, now: Instant) -> Option<Outcome> {
        if self.phase == Phase::Done || now < self.deadline {
            return None;
        }
        self.phase = Phase::Done;
        Some(Outcome::Unknown { reason: "T4 expired" })
    }

    /// Call when the line failed after the command was delivered.
    pub fn on_link_lost(&mut self) -> Outcome {
        self.phase = Phase::Done;
        Outcome::Unknown { reason: "line lost" }
    }

    fn finish(&mut self, reply: Option<Apdu>, outcome: Outcome) -> Step {
        self.phase = Phase::Done;
        Step { reply, outcome: Some(outcome) }
    }

    /// `06 0F`: what the last status information says; no status at all means success for
    /// a payment (the spec's positive completion) and "nothing to report" for an enquiry.
    fn completed(&self) -> Outcome {
        let last = self.statuses.iter().rev().find(|s| s.result_code.is_some()).or(self.statuses.last());
        match (self.kind, last) {
            (Kind::Admin | Kind::AckOnly, _) => Outcome::Completed,
            (Kind::Enquiry, None) => Outcome::NoTransaction,
            (Kind::Payment { amount }, None) => Outcome::Approved(Approval { amount, ..Approval::default() }),
            (kind, Some(s)) => match s.result_code.unwrap_or(0) {
                0 => Outcome::Approved(Approval::from_status(s, if let Kind::Payment { amount } = kind { amount } else { 0 })),
                code => failure(code, Some(s)),
            },
        }
    }
}

fn answerable(m: &Message) -> bool {
    !matches!(m, Message::Ack | Message::Refused(_))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(result: u8) -> Message {
        Message::Status(Box::new(StatusInfo { result_code: Some(result), amount: Some(1250), receipt_no: Some(7), ..Default::default() }))
    }

    #[test]
    fn approved_with_prompts_and_receipt() {
        let t0 = Instant::now();
        let mut s = Session::new(Kind::Payment { amount: 1250 }, t0, T4);
        let mut seen = vec![];
        let mut cb = |n: &Notice| seen.push(n.clone());
        assert_eq!(s.on_message(Message::Ack, t0, &mut cb), Step::default());
        assert_eq!(s.on_message(Message::Intermediate(0x0A), t0, &mut cb).reply, Some(apdu::ack()));
        assert_eq!(s.on_message(status(0), t0, &mut cb).outcome, None);
        s.on_message(Message::PrintLine("VISA".into()), t0, &mut cb);
        let step = s.on_message(Message::Completion, t0, &mut cb);
        assert_eq!(step.reply, Some(apdu::ack()));
        let Some(Outcome::Approved(a)) = step.outcome else { panic!() };
        assert_eq!((a.amount, a.receipt_no, a.rrn), (1250, Some(7), None));
        assert_eq!(seen.len(), 2);
        assert_eq!(s.print_lines(), ["VISA"]);
    }

    #[test]
    fn issuer_decline_versus_terminal_error() {
        let t0 = Instant::now();
        let mut s = Session::new(Kind::Payment { amount: 1 }, t0, T4);
        s.on_message(Message::Ack, t0, &mut |_| {});
        s.on_message(status(0x33), t0, &mut |_| {});
        let o = s.on_message(Message::Abort(0x33), t0, &mut |_| {}).outcome.unwrap();
        assert!(matches!(o, Outcome::Declined { result_code: 51, .. }));
        let mut s = Session::new(Kind::Payment { amount: 1 }, t0, T4);
        s.on_message(Message::Ack, t0, &mut |_| {});
        assert_eq!(s.on_message(Message::Abort(0x6C), t0, &mut |_| {}).outcome, Some(Outcome::TerminalError { code: 0x6C }));
        let mut s = Session::new(Kind::Payment { amount: 1 }, t0, T4);
        assert_eq!(s.on_message(Message::Refused(0x83), t0, &mut |_| {}).outcome, Some(Outcome::TerminalError { code: 0x83 }));
    }

    #[test]
    fn a_refusal_is_only_the_immediate_answer() {
        let t0 = Instant::now();
        let mut s = Session::new(Kind::Payment { amount: 1 }, t0, T4);
        let o = s.on_message(Message::Refused(0x6B), t0, &mut |_| {}).outcome;
        assert_eq!((o, s.refused()), (Some(Outcome::TerminalError { code: 0x6B }), Some(0x6B)));
        // The same code after the terminal took the command is its outcome, not a refusal.
        let mut s = Session::new(Kind::Payment { amount: 1 }, t0, T4);
        s.on_message(Message::Ack, t0, &mut |_| {});
        s.on_message(Message::Intermediate(0x0A), t0, &mut |_| {});
        let o = s.on_message(Message::Abort(0x6B), t0, &mut |_| {}).outcome;
        assert_eq!((o, s.refused()), (Some(Outcome::TerminalError { code: 0x6B }), None));
    }

    #[test]
    fn a_stale_result_before_acceptance_decides_nothing() {
        let t0 = Instant::now();
        let mut s = Session::new(Kind::Payment { amount: 1 }, t0, T4);
        let step = s.on_message(Message::Completion, t0, &mut |_| {});
        assert_eq!(step, Step { reply: Some(apdu::ack()), outcome: None });
        assert_eq!(s.on_message(Message::Abort(0x33), t0, &mut |_| {}).outcome, None);
        s.on_message(Message::Ack, t0, &mut |_| {});
        assert_eq!(s.on_message(Message::Refused(0x83), t0, &mut |_| {}).outcome, None, "refusal only answers the command");
        assert!(s.on_message(Message::Completion, t0, &mut |_| {}).outcome.is_some());
    }

    #[test]
    fn t4_restarts_and_expires_to_unknown() {
        let t0 = Instant::now();
        let mut s = Session::new(Kind::Payment { amount: 1 }, t0, T4);
        let t1 = t0 + Duration::from_secs(170);
        assert_eq!(s.on_timeout(t1), None);
        s.on_message(Message::Intermediate(0x01), t1, &mut |_| {});
        assert_eq!(s.on_timeout(t0 + Duration::from_secs(200)), None, "restarted by the status");
        assert_eq!(s.on_timeout(t1 + T4), Some(Outcome::Unknown { reason: "T4 expired" }));
        assert!(s.is_done());
        assert_eq!(s.on_timeout(t1 + T4 * 2), None);
    }

    #[test]
    fn enquiry_reports_the_last_transaction() {
        let t0 = Instant::now();
        let mut s = Session::new(Kind::Enquiry, t0, T4);
        s.on_message(Message::Ack, t0, &mut |_| {});
        s.on_message(status(0), t0, &mut |_| {});
        let Some(Outcome::Approved(a)) = s.on_message(Message::Completion, t0, &mut |_| {}).outcome else { panic!() };
        assert_eq!(a.amount, 1250);
        let mut s = Session::new(Kind::Enquiry, t0, T4);
        s.on_message(Message::Ack, t0, &mut |_| {});
        let o = s.on_message(Message::Completion, t0, &mut |_| {}).outcome;
        assert_eq!(o, Some(Outcome::NoTransaction));
    }
}
