//! A ZVT card terminal on a pseudo-terminal pair: `ZvtSim::start()` keeps the master end
//! in a thread and hands the slave end (a real tty, like `/dev/ttyUSB0`) to the driver.
//!
//! It plays the terminal's side of PA00P015 over the serial framing: link ACK/NAK, the
//! `80 00 00` acceptance, intermediate statuses, status information, print lines and
//! completion or abort, waiting for the ECR's `80 00 00` after each. What the next
//! payment does is scripted (`Script`); link faults are counters (`Faults`). It keeps a
//! journal of what it did, answers a status enquiry (`05 01`) or repeat receipt (`06 20`)
//! with the last transaction, and an end-of-day (`06 50`) with field-60 totals of the
//! payments it approved since the previous one. Framing, CRC and BCD are its own
//! (`wire`), not the driver's, so the two check each other.
//!
//! Strict about registration, as real terminals are: until the ECR has registered
//! (`06 00` with the terminal's password) every command but registration, status enquiry
//! (`05 01`) and abort (`06 B0`) is refused with `84 6B 00` before anything is done (the
//! script is not consumed). `forget_registration` plays a restart of the terminal, which
//! forgets it. A registration with another password is refused `84 83 00` (function not
//! possible: the simulator's choice, terminals differ) and changes nothing.
//!
//! Its choices where a real terminal varies: a status enquiry reports the last
//! transaction (real terminals answer `05 01` with their own state and `06 20` with the
//! last receipt; both are served the same way here); refunds do not enter the day's
//! totals; a reversal of an unknown receipt aborts with 0x64.

#![cfg(unix)]

mod wire;

use std::collections::VecDeque;
use std::io::{self, Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serialport::{SerialPort, TTYPort};

pub use wire::crc16_kermit;
use wire::{In, ACK, NAK};

/// How the terminal approves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approve {
    /// Sent as the card name (field `8B`) and used for the day's totals.
    pub brand: String,
    /// As the terminal sends it; `*` digits go out as masked nibbles.
    pub pan: String,
    pub auth_code: String,
    /// None: the terminal's next number.
    pub trace: Option<u32>,
    pub receipt_no: Option<u16>,
}

impl Default for Approve {
    fn default() -> Self {
        Approve { brand: "Visa".into(), pan: "************1234".into(), auth_code: "123456".into(), trace: None, receipt_no: None }
    }
}

impl Approve {
    pub fn brand(brand: &str) -> Self {
        Approve { brand: brand.into(), ..Approve::default() }
    }
}

/// What the next payment or refund does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Script {
    Approve(Approve),
    /// Status information with this result code (issuer codes 01–63 binary, 0x33 = 51),
    /// then abort `06 1E` with it.
    Decline {
        result_code: u8,
    },
    /// Ignores the command and the link's two resends of it, not even a link ACK.
    Silent,
    /// Takes the command, sends `after_statuses` intermediate statuses, books `then`
    /// (what really happened) and stops talking: the driver's T4 case.
    Drop {
        after_statuses: usize,
        then: Box<Script>,
    },
}

/// Link faults, each a count of frames still to affect.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Faults {
    /// Send the terminal's next N frames with a wrong CRC.
    pub corrupt_crc: u32,
    /// Ignore the next N frames from the ECR (no ACK, no action).
    pub withhold_ack: u32,
    /// Answer the next N frames from the ECR with NAK (no action).
    pub nak: u32,
    /// After the next N completions (`06 0F`), send the completion once more, as a
    /// terminal does that missed the ECR's ACK: a stale frame the ECR must not take as
    /// the answer to its next command.
    pub repeat_completion: u32,
    /// Accept the next N registrations, then forget each at once (a terminal that keeps
    /// restarting): the command after it is refused `84 6B` again.
    pub forget_registrations: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TxnKind {
    Payment,
    Refund,
    Reversal,
}

/// A transaction as the terminal booked it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Txn {
    pub kind: TxnKind,
    /// 0 approved; otherwise the result code.
    pub result_code: u8,
    pub amount: u64,
    pub brand: String,
    pub pan: String,
    pub auth_code: String,
    pub trace: u32,
    pub receipt_no: u16,
    pub reversed: bool,
}

/// How the terminal is set up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZvtSimConfig {
    /// The password a registration must carry (six digits; 3 bytes BCD on the wire).
    pub password: u32,
    /// Refuse commands with `84 6B` until registered (the default). False: a lenient
    /// terminal that serves an ECR which never registers.
    pub require_registration: bool,
}

impl ZvtSimConfig {
    /// The password of a terminal nobody changed (and of a counter whose `zvt.password`
    /// is not set).
    pub const DEFAULT_PASSWORD: u32 = 0;
}

impl Default for ZvtSimConfig {
    fn default() -> Self {
        ZvtSimConfig { password: Self::DEFAULT_PASSWORD, require_registration: true }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Every good frame from the ECR, in order (APDUs), including ignored ones.
    pub received: Vec<Vec<u8>>,
    /// Frames from the ECR with a bad CRC.
    pub bad_crc_received: usize,
    /// NAKs the ECR sent us (e.g. after a corrupted CRC).
    pub naks_received: usize,
    pub acks_withheld: usize,
    pub naks_sent: usize,
    /// Registrations accepted.
    pub registrations: usize,
    /// Commands refused `84 6B` because the terminal was not registered.
    pub refused_unregistered: usize,
}

struct State {
    script: VecDeque<Script>,
    faults: Faults,
    stats: Stats,
    next_trace: u32,
    next_receipt: u16,
    terminal_id: u32,
    last: Option<Txn>,
    /// Since the last end-of-day.
    journal: Vec<Txn>,
    /// A silent terminal stays silent to the link's resends of the command (two more
    /// sends of the same bytes), then listens again.
    ignoring: Option<(Vec<u8>, u8)>,
    config: ZvtSimConfig,
    registered: bool,
}

/// The simulator; dropping it stops the thread.
pub struct ZvtSim {
    state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

/// How long the terminal waits for the ECR's link ACK, and for its `80 00 00`.
const SIM_T3: Duration = Duration::from_millis(500);
const SIM_WAIT: Duration = Duration::from_secs(3);

impl ZvtSim {
    /// Starts a terminal with the default password that requires registration; returns it
    /// and the ECR's end of the line.
    pub fn start() -> io::Result<(ZvtSim, TTYPort)> {
        Self::start_with(ZvtSimConfig::default())
    }

    pub fn start_with(config: ZvtSimConfig) -> io::Result<(ZvtSim, TTYPort)> {
        let (mut master, slave) = TTYPort::pair().map_err(io::Error::from)?;
        master.set_timeout(Duration::from_millis(10)).map_err(io::Error::from)?;
        let state = Arc::new(Mutex::new(State {
            script: VecDeque::new(),
            faults: Faults::default(),
            stats: Stats::default(),
            next_trace: 1,
            next_receipt: 1,
            terminal_id: 52_500_042,
            last: None,
            journal: vec![],
            ignoring: None,
            config,
            registered: false,
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let mut conn = Conn { port: master, un: wire::Unframer::default(), state: state.clone(), stop: stop.clone() };
        let thread = std::thread::Builder::new().name("zvt-sim".into()).spawn(move || conn.serve())?;
        Ok((ZvtSim { state, stop, thread: Some(thread) }, slave))
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Queues what the next payment/refund does (default: approve as Visa).
    pub fn script(&self, s: Script) {
        self.lock().script.push_back(s);
    }

    pub fn set_faults(&self, f: Faults) {
        self.lock().faults = f;
    }

    pub fn faults(&self) -> Faults {
        self.lock().faults.clone()
    }

    pub fn stats(&self) -> Stats {
        self.lock().stats.clone()
    }

    /// The last transaction the terminal booked.
    pub fn last(&self) -> Option<Txn> {
        self.lock().last.clone()
    }

    /// Transactions since the last end-of-day.
    pub fn journal(&self) -> Vec<Txn> {
        self.lock().journal.clone()
    }

    pub fn terminal_id(&self) -> u32 {
        self.lock().terminal_id
    }

    /// Whether an ECR has registered since the terminal started (or last forgot it).
    pub fn is_registered(&self) -> bool {
        self.lock().registered
    }

    /// Forgets the registration, as a terminal does when it is switched off and on: the
    /// next command but registration, enquiry or abort is refused `84 6B`. Its journal
    /// and last transaction stay.
    pub fn forget_registration(&self) {
        self.lock().registered = false;
    }

    /// Forgets the registration every `every` from now on (a terminal restarted now and
    /// then; `quay-sim --zvt-forget-registration SECS`), until the simulator stops.
    pub fn forget_registration_every(&self, every: Duration) {
        let (state, stop) = (self.state.clone(), self.stop.clone());
        let _ = std::thread::Builder::new().name("zvt-sim-restarts".into()).spawn(move || {
            let mut next = Instant::now() + every;
            while !stop.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(20));
                if Instant::now() >= next {
                    state.lock().unwrap_or_else(|e| e.into_inner()).registered = false;
                    tracing::info!(target: "zvt-sim", "the terminal forgot its registration (restart)");
                    next += every;
                }
            }
        });
    }
}

impl Drop for ZvtSim {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

struct Conn {
    port: TTYPort,
    un: wire::Unframer,
    state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
}

/// The line went away (the ECR closed its end or the simulator stops).
struct Gone;

impl Conn {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn serve(&mut self) {
        loop {
            match self.next(None) {
                Ok(Some(In::Frame(apdu))) => {
                    if self.command(apdu).is_err() {
                        return;
                    }
                }
                Ok(Some(In::BadCrc)) => {
                    self.lock().stats.bad_crc_received += 1;
                    if self.raw(&[NAK]).is_err() {
                        return;
                    }
                }
                Ok(_) => {}
                Err(Gone) => return,
            }
        }
    }

    /// The next event, or None at the deadline (never, without one).
    fn next(&mut self, deadline: Option<Instant>) -> Result<Option<In>, Gone> {
        let mut b = [0u8; 1];
        loop {
            if self.stop.load(Ordering::SeqCst) {
                return Err(Gone);
            }
            if deadline.is_some_and(|d| Instant::now() >= d) {
                return Ok(None);
            }
            match self.port.read(&mut b) {
                Ok(1) => {
                    if let Some(ev) = self.un.push(b[0]) {
                        if ev == In::Nak {
                            self.lock().stats.naks_received += 1;
                        }
                        return Ok(Some(ev));
                    }
                }
                Ok(_) => {}
                Err(e) if matches!(e.kind(), io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock | io::ErrorKind::Interrupted) => {}
                // EIO: the slave end is closed. Wait for the stop flag rather than spin.
                Err(_) => std::thread::sleep(Duration::from_millis(10)),
            }
        }
    }

    fn raw(&mut self, bytes: &[u8]) -> Result<(), Gone> {
        self.port.write_all(bytes).and_then(|_| self.port.flush()).map_err(|_| Gone)
    }

    /// Sends a frame until ACKed (3 sends). False: the ECR did not take it.
    fn send(&mut self, class: u8, instr: u8, data: &[u8]) -> Result<bool, Gone> {
        let apdu = wire::apdu(class, instr, data);
        for _ in 0..3 {
            let corrupt = {
                let mut st = self.lock();
                let c = st.faults.corrupt_crc > 0;
                st.faults.corrupt_crc = st.faults.corrupt_crc.saturating_sub(1);
                c
            };
            self.raw(&wire::frame(&apdu, corrupt))?;
            let deadline = Instant::now() + SIM_T3;
            loop {
                match self.next(Some(deadline))? {
                    Some(In::Ack) => return Ok(true),
                    Some(In::Nak) | None => break,
                    _ => {}
                }
            }
        }
        Ok(false)
    }

    /// The final `06 0F` of a transaction, repeated once if the fault says so.
    fn complete(&mut self) -> Result<(), Gone> {
        self.exchange(0x06, 0x0F, &[])?;
        let repeat = {
            let mut st = self.lock();
            let r = st.faults.repeat_completion > 0;
            st.faults.repeat_completion = st.faults.repeat_completion.saturating_sub(1);
            r
        };
        if repeat {
            // Not waiting for its ACK: the ECR's next command may already be on the way.
            self.raw(&wire::frame(&wire::apdu(0x06, 0x0F, &[]), false))?;
        }
        Ok(())
    }

    /// Sends a message the ECR must answer `80 00 00`, and waits for that answer.
    fn exchange(&mut self, class: u8, instr: u8, data: &[u8]) -> Result<bool, Gone> {
        if !self.send(class, instr, data)? {
            return Ok(false);
        }
        let deadline = Instant::now() + SIM_WAIT;
        loop {
            match self.next(Some(deadline))? {
                Some(In::Frame(f)) => {
                    self.lock().stats.received.push(f.clone());
                    self.raw(&[ACK])?;
                    return Ok(f[..2] == [0x80, 0x00]);
                }
                Some(In::BadCrc) => self.raw(&[NAK])?,
                None => return Ok(false),
                _ => {}
            }
        }
    }

    fn command(&mut self, apdu: Vec<u8>) -> Result<(), Gone> {
        let mut st = self.lock();
        st.stats.received.push(apdu.clone());
        match st.ignoring.take() {
            Some((cmd, left)) if cmd == apdu => {
                if left > 1 {
                    st.ignoring = Some((cmd, left - 1));
                }
                return Ok(());
            }
            _ => {}
        }
        if st.faults.withhold_ack > 0 {
            st.faults.withhold_ack -= 1;
            st.stats.acks_withheld += 1;
            return Ok(());
        }
        if st.faults.nak > 0 {
            st.faults.nak -= 1;
            st.stats.naks_sent += 1;
            drop(st);
            return self.raw(&[NAK]);
        }
        if apdu.len() < 3 {
            drop(st);
            return self.raw(&[ACK]);
        }
        let data = if apdu[2] == 0xFF { apdu.get(5..).unwrap_or_default() } else { &apdu[3..] }.to_vec();
        let unregistered_ok = matches!((apdu[0], apdu[1]), (0x06, 0x00) | (0x05, 0x01) | (0x06, 0xB0));
        if st.config.require_registration && !st.registered && !unregistered_ok {
            // Refused before anything happens: no script consumed, nothing booked.
            st.stats.refused_unregistered += 1;
            drop(st);
            self.raw(&[ACK])?;
            return self.send(0x84, 0x6B, &[]).map(drop);
        }
        let script = if matches!((apdu[0], apdu[1]), (0x06, 0x01) | (0x06, 0x31)) {
            let s = st.script.pop_front().unwrap_or(Script::Approve(Approve::default()));
            if s == Script::Silent {
                st.ignoring = Some((apdu, 2));
                return Ok(());
            }
            Some(s)
        } else {
            None
        };
        drop(st);
        self.raw(&[ACK])?;
        match (apdu[0], apdu[1]) {
            (0x06, 0x01) => self.payment(TxnKind::Payment, amount_of(&data), script.expect("set above")),
            // refund: password(3) then 04 amount
            (0x06, 0x31) => self.payment(TxnKind::Refund, amount_of(data.get(3..).unwrap_or_default()), script.expect("set above")),
            (0x06, 0x30) => self.reversal(&data),
            (0x05, 0x01) | (0x06, 0x20) => self.enquiry(),
            (0x06, 0x50) => self.end_of_day(),
            (0x06, 0x00) => {
                // password(3) config(1) [currency(2)]
                let password = self.lock().config.password;
                if data.get(..3).map(wire::unbcd) != Some(u64::from(password)) {
                    return self.send(0x84, 0x83, &[]).map(drop);
                }
                {
                    let mut st = self.lock();
                    st.registered = true;
                    st.stats.registrations += 1;
                }
                self.send(0x80, 0x00, &[])?;
                let mut d = vec![0x19, 0x00, 0x29];
                d.extend(wire::bcd(u64::from(self.lock().terminal_id), 4));
                self.exchange(0x06, 0x0F, &d)?;
                let mut st = self.lock();
                if st.faults.forget_registrations > 0 {
                    st.faults.forget_registrations -= 1;
                    st.registered = false;
                }
                Ok(())
            }
            (0x06, 0xB0) => self.send(0x80, 0x00, &[]).map(drop),
            // Function not possible.
            _ => self.send(0x84, 0x83, &[]).map(drop),
        }
    }

    fn book(&mut self, kind: TxnKind, amount: u64, result_code: u8, a: &Approve) -> Txn {
        let mut st = self.lock();
        let trace = a.trace.unwrap_or(st.next_trace);
        st.next_trace = trace + 1;
        let receipt_no = a.receipt_no.unwrap_or(st.next_receipt);
        st.next_receipt = receipt_no.wrapping_add(1);
        let t = Txn {
            kind,
            result_code,
            amount,
            brand: a.brand.clone(),
            pan: a.pan.clone(),
            auth_code: a.auth_code.clone(),
            trace,
            receipt_no,
            reversed: false,
        };
        st.last = Some(t.clone());
        st.journal.push(t.clone());
        t
    }

    fn payment(&mut self, kind: TxnKind, amount: u64, script: Script) -> Result<(), Gone> {
        self.send(0x80, 0x00, &[])?;
        match script {
            Script::Approve(a) => {
                for s in [0x0A, 0x01, 0x04] {
                    if !self.exchange(0x04, 0xFF, &[s])? {
                        return Ok(());
                    }
                }
                let t = self.book(kind, amount, 0, &a);
                let status = self.status_of(&t);
                if !self.exchange(0x04, 0x0F, &status)? {
                    return Ok(());
                }
                for line in
                    [format!("{:^24}", t.brand), format!("Betrag EUR {}.{:02}", t.amount / 100, t.amount % 100), "Zahlung erfolgt".into()]
                {
                    let mut d = vec![0x00];
                    d.extend(line.as_bytes());
                    if !self.exchange(0x06, 0xD1, &d)? {
                        return Ok(());
                    }
                }
                self.complete()
            }
            Script::Decline { result_code } => {
                for s in [0x0A, 0x01] {
                    if !self.exchange(0x04, 0xFF, &[s])? {
                        return Ok(());
                    }
                }
                let t = self.book(kind, amount, result_code, &Approve::default());
                let status = self.status_of(&t);
                if !self.exchange(0x04, 0x0F, &status)? {
                    return Ok(());
                }
                self.exchange(0x06, 0x1E, &[result_code]).map(drop)
            }
            Script::Drop { after_statuses, then } => {
                for i in 0..after_statuses {
                    if !self.exchange(0x04, 0xFF, &[if i == 0 { 0x0A } else { 0x01 }])? {
                        break;
                    }
                }
                match *then {
                    Script::Approve(a) => drop(self.book(kind, amount, 0, &a)),
                    Script::Decline { result_code } => drop(self.book(kind, amount, result_code, &Approve::default())),
                    _ => {}
                }
                Ok(())
            }
            Script::Silent => Ok(()),
        }
    }

    fn reversal(&mut self, data: &[u8]) -> Result<(), Gone> {
        // password(3) 87 receipt(2)
        let receipt = match data.get(3..6) {
            Some([0x87, a, b]) => wire::unbcd(&[*a, *b]) as u16,
            _ => return self.send(0x84, 0x83, &[]).map(drop),
        };
        let original = {
            let mut st = self.lock();
            st.journal.iter_mut().find(|t| t.kind == TxnKind::Payment && t.result_code == 0 && t.receipt_no == receipt && !t.reversed).map(
                |t| {
                    t.reversed = true;
                    t.clone()
                },
            )
        };
        self.send(0x80, 0x00, &[])?;
        let Some(o) = original else {
            return self.exchange(0x06, 0x1E, &[0x64]).map(drop);
        };
        let a = Approve { brand: o.brand, pan: o.pan, auth_code: o.auth_code, trace: None, receipt_no: None };
        let t = self.book(TxnKind::Reversal, o.amount, 0, &a);
        let status = self.status_of(&t);
        if !self.exchange(0x04, 0x0F, &status)? {
            return Ok(());
        }
        self.complete()
    }

    fn enquiry(&mut self) -> Result<(), Gone> {
        self.send(0x80, 0x00, &[])?;
        let last = self.lock().last.clone();
        if let Some(t) = last {
            let status = self.status_of(&t);
            if !self.exchange(0x04, 0x0F, &status)? {
                return Ok(());
            }
        }
        self.complete()
    }

    fn end_of_day(&mut self) -> Result<(), Gone> {
        self.send(0x80, 0x00, &[])?;
        let (journal, trace) = {
            let mut st = self.lock();
            let t = st.next_trace;
            st.next_trace += 1;
            (std::mem::take(&mut st.journal), t)
        };
        let mut slots = [(0u8, 0u64); 7];
        for t in journal.iter().filter(|t| t.kind == TxnKind::Payment && t.result_code == 0 && !t.reversed) {
            let s = &mut slots[slot(&t.brand)];
            s.0 += 1;
            s.1 += t.amount;
        }
        let total: u64 = slots.iter().map(|s| s.1).sum();
        let first = journal.iter().map(|t| t.receipt_no).min().unwrap_or(0);
        let last = journal.iter().map(|t| t.receipt_no).max().unwrap_or(0);
        let mut f60 = wire::bcd(u64::from(first), 2);
        f60.extend(wire::bcd(u64::from(last), 2));
        for (n, amount) in slots {
            f60.push(n);
            f60.extend(wire::bcd(amount, 6));
        }
        let mut d = vec![0x27, 0x00, 0x04];
        d.extend(wire::bcd(total, 6));
        d.push(0x0B);
        d.extend(wire::bcd(u64::from(trace), 3));
        d.extend(clock());
        d.push(0x60);
        d.extend(wire::lllvar(&f60));
        if !self.exchange(0x04, 0x0F, &d)? {
            return Ok(());
        }
        self.complete()
    }

    /// The `04 0F` payload describing a transaction.
    fn status_of(&self, t: &Txn) -> Vec<u8> {
        let mut d = vec![0x27, t.result_code, 0x04];
        d.extend(wire::bcd(t.amount, 6));
        d.extend([0x49, 0x09, 0x78, 0x0B]);
        d.extend(wire::bcd(u64::from(t.trace), 3));
        d.extend(clock());
        d.push(0x22);
        d.extend(wire::llvar(&pan_bcd(&t.pan)));
        d.push(0x29);
        d.extend(wire::bcd(u64::from(self.lock().terminal_id), 4));
        if t.result_code == 0 {
            d.push(0x3B);
            let mut code = t.auth_code.as_bytes().to_vec();
            code.resize(8, b' ');
            d.extend(&code[..8]);
        }
        d.push(0x87);
        d.extend(wire::bcd(u64::from(t.receipt_no), 2));
        d.push(0x8B);
        d.extend(wire::llvar(t.brand.as_bytes()));
        d
    }
}

/// Field 60's brand slots: girocard, JCB, Eurocard (Mastercard), Amex, Visa, Diners, others.
fn slot(brand: &str) -> usize {
    let b = brand.to_ascii_lowercase();
    if b.contains("giro") {
        0
    } else if b.contains("jcb") {
        1
    } else if b.contains("master") || b.contains("euro") {
        2
    } else if b.contains("amex") || b.contains("american") {
        3
    } else if b.contains("visa") {
        4
    } else if b.contains("diners") {
        5
    } else {
        6
    }
}

/// `04` amount at the start of `data`.
fn amount_of(data: &[u8]) -> u64 {
    match data {
        [0x04, rest @ ..] if rest.len() >= 6 => wire::unbcd(&rest[..6]),
        _ => 0,
    }
}

/// PAN digits as BCD; `*` as the masked nibble E, odd lengths padded with F.
fn pan_bcd(pan: &str) -> Vec<u8> {
    let mut n: Vec<u8> = pan.chars().filter_map(|c| if c == '*' { Some(0xE) } else { c.to_digit(10).map(|d| d as u8) }).collect();
    if n.len() % 2 == 1 {
        n.push(0xF);
    }
    n.chunks(2).map(|p| p[0] << 4 | p[1]).collect()
}

/// `0C` time and `0D` date of now, local.
fn clock() -> Vec<u8> {
    use chrono::{Datelike, Timelike};
    let now = chrono::Local::now();
    let mut d = vec![0x0C];
    d.extend(wire::bcd(u64::from(now.hour() * 10000 + now.minute() * 100 + now.second()), 3));
    d.push(0x0D);
    d.extend(wire::bcd(u64::from(now.month() * 100 + now.day()), 2));
    d
}
