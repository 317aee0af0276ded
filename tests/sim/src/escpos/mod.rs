//! A network ESC/POS printer (partners-contracts.md §7) on loopback: raw TCP, one
//! connection at a time, a strict streaming decoder (`decoder`), pages kept in memory and
//! written as PNG (`page`), the real-time status answers with the contract's fixed bits,
//! and switchable faults (out of paper, cover open, offline, slow, garbage status, a
//! connection dropped after K bytes). Written from the contract, independently of any
//! client.
//!
//! ```no_run
//! use quay_sim::escpos::{start_in_thread, PrinterConfig, PrinterSim};
//! let p = start_in_thread(PrinterSim::new(PrinterConfig::new("receipt")));
//! println!("{}", p.url); // tcp://127.0.0.1:PORT
//! ```
//!
//! Its readings where the contract is silent are in README.md ("ESC/POS printer").

pub mod decoder;
pub mod page;

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime};

use serde::{Deserialize, Serialize};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

pub use decoder::{Align, Bitmap, Command, DecodeError, Decoder};
pub use page::{decode_code_page, Cut, Image, Page, Qr, TextLine};

use page::{Effect, Engine};

/// 80 mm paper.
pub const WIDTH_80MM: u32 = 576;
/// 58 mm paper.
pub const WIDTH_58MM: u32 = 384;
/// Idle connections are closed after this long without a byte (§7).
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(30);

/// A printer's setup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrinterConfig {
    /// `[A-Za-z0-9_-]+`: in file names and the binary's `printer-NAME:` line.
    pub name: String,
    /// 576 (80 mm) or 384 (58 mm).
    pub width_dots: u32,
    /// Where each page goes as `<name>-<seq>.png` (+ `.txt`); None: memory only.
    pub out_dir: Option<PathBuf>,
    /// 30 s (§7); tests may shorten it.
    pub idle_timeout: Duration,
}

impl PrinterConfig {
    /// An 80 mm printer, pages in memory only.
    pub fn new(name: &str) -> PrinterConfig {
        PrinterConfig { name: name.into(), width_dots: WIDTH_80MM, out_dir: None, idle_timeout: IDLE_TIMEOUT }
    }

    /// `NAME[:WIDTH][@DIR]`, WIDTH 576|384 dots or 80|58 mm (the binary's `--printer`).
    pub fn parse(s: &str) -> Result<PrinterConfig, String> {
        let (head, dir) = match s.split_once('@') {
            Some((h, d)) if !d.is_empty() => (h, Some(PathBuf::from(d))),
            Some(_) => return Err(format!("{s}: empty directory after @")),
            None => (s, None),
        };
        let (name, width) = match head.split_once(':') {
            Some((n, w)) => (n, w.parse::<u32>().map_err(|_| format!("{s}: width {w:?}"))?),
            None => (head, WIDTH_80MM),
        };
        let width_dots = match width {
            576 | 80 => WIDTH_80MM,
            384 | 58 => WIDTH_58MM,
            w => return Err(format!("{s}: width {w} (576 or 384 dots, 80 or 58 mm)")),
        };
        let config = PrinterConfig { name: name.into(), width_dots, out_dir: dir, idle_timeout: IDLE_TIMEOUT };
        config.check()?;
        Ok(config)
    }

    fn check(&self) -> Result<(), String> {
        if self.name.is_empty() || !self.name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
            return Err(format!("printer name {:?}: letters, digits, - and _ only", self.name));
        }
        if self.width_dots != WIDTH_80MM && self.width_dots != WIDTH_58MM {
            return Err(format!("width {} dots (576 or 384)", self.width_dots));
        }
        Ok(())
    }
}

/// Slow reading: the printer reads at most `every_bytes` bytes, then waits `delay_ms`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slow {
    pub every_bytes: usize,
    pub delay_ms: u64,
}

/// Switchable faults; all off by default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PrinterFaults {
    /// Paper end: connections accepted, real-time commands answered, all else discarded.
    pub paper_out: bool,
    /// Roll paper near end (status bits only; printing goes on).
    pub paper_near_end: bool,
    /// Cover open: as `paper_out`.
    pub cover_open: bool,
    /// Refuses connections (the port is closed) and closes the one being served.
    pub offline: bool,
    /// The drawer kick connector's pin 3 is high (`DLE EOT 1` +0x04).
    pub drawer_pin3: bool,
    pub slow: Option<Slow>,
    /// Every status answer (`DLE EOT`, ASB) is 0xFF bytes.
    pub garbage_status: bool,
    /// Each connection is closed by the printer after this many bytes read (those are
    /// processed; an incomplete command among them is forgotten, not an error).
    pub drop_after_bytes: Option<u64>,
}

impl PrinterFaults {
    fn stopped(&self) -> bool {
        self.paper_out || self.cover_open
    }

    /// The answer to `DLE EOT n`.
    pub fn status_byte(&self, n: u8) -> u8 {
        if self.garbage_status {
            return 0xFF;
        }
        let mut b = 0x12;
        match n {
            1 => {
                if self.stopped() {
                    b |= 0x08;
                }
                if self.drawer_pin3 {
                    b |= 0x04;
                }
            }
            2 => {
                if self.cover_open {
                    b |= 0x04;
                }
                if self.paper_out {
                    b |= 0x20;
                }
            }
            4 => {
                if self.paper_out || self.paper_near_end {
                    b |= 0x0C;
                }
                if self.paper_out {
                    b |= 0x60;
                }
            }
            _ => {}
        }
        b
    }

    /// The 4 automatic status back bytes (Epson's layout: drawer pin 3 0x04, offline
    /// 0x08, fixed 0x10, cover 0x20; -; near end 0x03, end 0x0C; -).
    pub fn asb(&self) -> [u8; 4] {
        if self.garbage_status {
            return [0xFF; 4];
        }
        let mut a = [0x10, 0x00, 0x00, 0x00];
        if self.drawer_pin3 {
            a[0] |= 0x04;
        }
        if self.stopped() {
            a[0] |= 0x08;
        }
        if self.cover_open {
            a[0] |= 0x20;
        }
        if self.paper_out || self.paper_near_end {
            a[2] |= 0x03;
        }
        if self.paper_out {
            a[2] |= 0x0C;
        }
        a
    }
}

/// A drawer pulse as the printer sent it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pulse {
    /// 2 or 5.
    pub pin: u8,
    pub on_ms: u32,
    pub off_ms: u32,
    /// `DLE DC4 1` (true) or `ESC p`.
    pub realtime: bool,
    pub at: SystemTime,
    /// The connection's number (1, 2, … in accept order).
    pub connection: u64,
}

/// A refused stream: the connection was closed there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrinterError {
    pub connection: u64,
    /// Offset in the printer's whole input of the offending command.
    pub offset: u64,
    pub message: String,
    pub at: SystemTime,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PrinterStats {
    pub pages: u64,
    pub pulses: u64,
    pub decode_errors: u64,
    /// Accepted (served or waiting).
    pub connections: u64,
    pub bytes: u64,
    /// Cuts after nothing.
    pub empty_cuts: u64,
    /// Commands discarded out of paper or with the cover open.
    pub discarded: u64,
    pub status_answers: u64,
    pub buzzers: u64,
    pub idle_closed: u64,
    /// Closed by `drop_after_bytes` or by going offline.
    pub dropped: u64,
}

struct State {
    faults: PrinterFaults,
    stats: PrinterStats,
    pages: Vec<Page>,
    pulses: Vec<Pulse>,
    errors: Vec<PrinterError>,
    decoder: Decoder,
    engine: Engine,
    next_seq: u64,
}

struct Shared {
    config: PrinterConfig,
    state: Mutex<State>,
    changed: Condvar,
    faults_tx: watch::Sender<PrinterFaults>,
    /// One connection at a time: the served one holds it; others wait in order.
    turn: tokio::sync::Mutex<()>,
}

/// The printer: its state and controls. Cheap to clone.
#[derive(Clone)]
pub struct PrinterSim(Arc<Shared>);

/// What one read did.
struct Processed {
    answer: Vec<u8>,
    error: bool,
}

impl PrinterSim {
    /// Panics on a bad config (a test's typo); the binary checks with `PrinterConfig::parse`.
    pub fn new(config: PrinterConfig) -> PrinterSim {
        config.check().unwrap_or_else(|e| panic!("PrinterSim::new: {e}"));
        let next_seq = config.out_dir.as_deref().map_or(0, |d| page::last_seq(d, &config.name)) + 1;
        let state = State {
            faults: PrinterFaults::default(),
            stats: PrinterStats::default(),
            pages: vec![],
            pulses: vec![],
            errors: vec![],
            decoder: Decoder::new(config.width_dots),
            engine: Engine::new(config.width_dots),
            next_seq,
        };
        PrinterSim(Arc::new(Shared {
            config,
            state: Mutex::new(state),
            changed: Condvar::new(),
            faults_tx: watch::channel(PrinterFaults::default()).0,
            turn: tokio::sync::Mutex::new(()),
        }))
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.0.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn config(&self) -> &PrinterConfig {
        &self.0.config
    }

    /// Every page cut so far, in order.
    pub fn pages(&self) -> Vec<Page> {
        self.lock().pages.clone()
    }

    /// What is printed but not cut yet (None if nothing marks the paper).
    pub fn pending(&self) -> Option<Page> {
        self.lock().engine.pending()
    }

    pub fn pulses(&self) -> Vec<Pulse> {
        self.lock().pulses.clone()
    }

    pub fn errors(&self) -> Vec<PrinterError> {
        self.lock().errors.clone()
    }

    pub fn stats(&self) -> PrinterStats {
        self.lock().stats.clone()
    }

    pub fn faults(&self) -> PrinterFaults {
        self.lock().faults.clone()
    }

    /// Replaces the faults (offline takes effect at once: the port closes, the connection
    /// being served is closed).
    pub fn set_faults(&self, f: PrinterFaults) {
        self.lock().faults = f.clone();
        self.0.faults_tx.send_replace(f);
    }

    /// Waits until at least `n` pages are cut or `timeout` passes; returns the pages.
    pub fn wait_pages(&self, n: usize, timeout: Duration) -> Vec<Page> {
        let deadline = Instant::now() + timeout;
        let mut st = self.lock();
        while st.pages.len() < n {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            st = self.0.changed.wait_timeout(st, left).unwrap_or_else(|e| e.into_inner()).0;
        }
        st.pages.clone()
    }

    /// Waits until at least `n` errors are recorded or `timeout` passes.
    pub fn wait_errors(&self, n: usize, timeout: Duration) -> Vec<PrinterError> {
        let deadline = Instant::now() + timeout;
        let mut st = self.lock();
        while st.errors.len() < n {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            st = self.0.changed.wait_timeout(st, left).unwrap_or_else(|e| e.into_inner()).0;
        }
        st.errors.clone()
    }

    fn record_error(&self, st: &mut State, connection: u64, offset: u64, message: String) {
        tracing::info!(printer = %self.0.config.name, connection, offset, %message, "escpos: refused");
        st.stats.decode_errors += 1;
        st.errors.push(PrinterError { connection, offset, message, at: SystemTime::now() });
        self.0.changed.notify_all();
    }

    /// Decodes and executes one read's bytes.
    fn process(&self, connection: u64, bytes: &[u8]) -> Processed {
        let mut st = self.lock();
        let st = &mut *st;
        st.stats.bytes += bytes.len() as u64;
        let mut cmds = Vec::new();
        let decoded = st.decoder.feed(bytes, &mut cmds);
        let mut answer = Vec::new();
        let start_offset = st.stats.bytes - bytes.len() as u64;
        for cmd in cmds {
            let f = st.faults.clone();
            match cmd {
                Command::Status(n) => {
                    answer.push(f.status_byte(n));
                    st.stats.status_answers += 1;
                    continue;
                }
                Command::AsbRequest => {
                    answer.extend_from_slice(&f.asb());
                    st.stats.status_answers += 1;
                    continue;
                }
                Command::Pulse { pin, on_ms, off_ms, realtime: true } => {
                    st.stats.pulses += 1;
                    st.pulses.push(Pulse { pin, on_ms, off_ms, realtime: true, at: SystemTime::now(), connection });
                    continue;
                }
                _ if f.stopped() => {
                    st.stats.discarded += 1;
                    continue;
                }
                _ => {}
            }
            match st.engine.apply(cmd) {
                Ok(Effect::None) => {}
                Ok(Effect::Cut(mut page)) => {
                    page.seq = st.next_seq;
                    st.next_seq += 1;
                    if let Some(dir) = &self.0.config.out_dir {
                        if let Err(e) = page.write_files(dir, &self.0.config.name) {
                            tracing::warn!(printer = %self.0.config.name, "escpos: writing page {}: {e}", page.seq);
                        }
                    }
                    st.stats.pages += 1;
                    st.pages.push(*page);
                    self.0.changed.notify_all();
                }
                Ok(Effect::EmptyCut) => st.stats.empty_cuts += 1,
                Ok(Effect::Answer(a)) => answer.extend_from_slice(&a),
                Ok(Effect::Asb) => answer.extend_from_slice(&f.asb()),
                Ok(Effect::Pulse { pin, on_ms, off_ms }) => {
                    st.stats.pulses += 1;
                    st.pulses.push(Pulse { pin, on_ms, off_ms, realtime: false, at: SystemTime::now(), connection });
                }
                Ok(Effect::Buzzer { .. }) => st.stats.buzzers += 1,
                Err(message) => {
                    // The command's offset is not tracked past decoding: the read's start.
                    st.decoder.reset();
                    self.record_error(st, connection, start_offset, message);
                    return Processed { answer, error: true };
                }
            }
        }
        if let Err(e) = decoded {
            self.record_error(st, connection, e.offset, e.message);
            return Processed { answer, error: true };
        }
        Processed { answer, error: false }
    }

    /// The connection ended: by the client (`cut` = an incomplete command is an error),
    /// or by the printer (idle, offline, dropped: forgotten).
    fn end(&self, connection: u64, client_closed: bool) {
        let mut st = self.lock();
        let st = &mut *st;
        if client_closed {
            if let Err(e) = st.decoder.finish() {
                self.record_error(st, connection, e.offset, e.message);
            }
        } else {
            st.decoder.reset();
        }
    }
}

/// The printer serving on loopback; derefs to `PrinterSim`. Dropping it stops the server.
pub struct RunningPrinter {
    pub addr: SocketAddr,
    /// `tcp://127.0.0.1:PORT`
    pub url: String,
    pub sim: PrinterSim,
    shutdown: watch::Sender<bool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl std::ops::Deref for RunningPrinter {
    type Target = PrinterSim;
    fn deref(&self) -> &PrinterSim {
        &self.sim
    }
}

impl Drop for RunningPrinter {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl RunningPrinter {
    fn new(addr: SocketAddr, sim: PrinterSim, shutdown: watch::Sender<bool>, thread: Option<std::thread::JoinHandle<()>>) -> Self {
        RunningPrinter { addr, url: format!("tcp://{addr}"), sim, shutdown, thread }
    }
}

/// Binds 127.0.0.1 on a free port and serves on the current tokio runtime.
pub async fn start(sim: PrinterSim) -> RunningPrinter {
    start_on(sim, 0).await.expect("bind 127.0.0.1")
}

/// Binds 127.0.0.1:`port` (0 = a free one) and serves on the current tokio runtime.
pub async fn start_on(sim: PrinterSim, port: u16) -> std::io::Result<RunningPrinter> {
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port))).await?;
    let addr = listener.local_addr()?;
    let (shutdown, stop) = watch::channel(false);
    tokio::spawn(serve(listener, sim.clone(), stop));
    Ok(RunningPrinter::new(addr, sim, shutdown, None))
}

/// Serves from a runtime of its own in a background thread, for synchronous tests.
/// Dropping the handle stops the server and joins the thread (not inside an async task).
pub fn start_in_thread(sim: PrinterSim) -> RunningPrinter {
    let (tx, rx) = std::sync::mpsc::channel();
    let served = sim.clone();
    let thread = std::thread::Builder::new()
        .name(format!("quay-sim-printer-{}", sim.config().name))
        .spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("tokio runtime");
            rt.block_on(async move {
                let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))).await.expect("bind 127.0.0.1");
                let addr = listener.local_addr().expect("local addr");
                let (shutdown, stop) = watch::channel(false);
                if tx.send((addr, shutdown)).is_ok() {
                    serve(listener, served, stop).await;
                }
            });
        })
        .expect("spawn the simulator's thread");
    let (addr, shutdown) = rx.recv().expect("the simulator starts");
    RunningPrinter::new(addr, sim, shutdown, Some(thread))
}

/// Accepts while online; offline closes the port (connections are refused) and reopens
/// the same port when back online.
async fn serve(listener: TcpListener, sim: PrinterSim, mut stop: watch::Receiver<bool>) {
    let addr = listener.local_addr().expect("local addr");
    let mut listener = Some(listener);
    let mut faults = sim.0.faults_tx.subscribe();
    let mut next_id = 0u64;
    loop {
        let offline = faults.borrow_and_update().offline;
        if offline {
            listener = None;
        } else if listener.is_none() {
            match TcpListener::bind(addr).await {
                Ok(l) => listener = Some(l),
                Err(e) => {
                    tracing::warn!("escpos: rebinding {addr}: {e}");
                    tokio::select! {
                        _ = tokio::time::sleep(Duration::from_millis(50)) => continue,
                        _ = stop.changed() => return,
                    }
                }
            }
        }
        tokio::select! {
            _ = stop.changed() => return,
            _ = faults.changed() => continue,
            accepted = async { listener.as_ref().expect("online").accept().await }, if listener.is_some() => {
                let Ok((stream, _)) = accepted else { continue };
                next_id += 1;
                sim.lock().stats.connections += 1;
                tokio::spawn(connection(sim.clone(), stream, next_id, sim.0.faults_tx.subscribe(), stop.clone()));
            }
        }
    }
}

enum Ended {
    /// EOF or a reset from the client.
    Client,
    /// The printer closed it (idle, offline, dropped, refused stream, shutdown).
    Printer,
}

async fn connection(
    sim: PrinterSim,
    mut stream: TcpStream,
    id: u64,
    mut faults: watch::Receiver<PrinterFaults>,
    mut stop: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    // Wait for our turn (the served connection closes), unless stopped or taken offline.
    let turn = async {
        loop {
            tokio::select! {
                g = sim.0.turn.lock() => return Some(g),
                _ = stop.changed() => return None,
                r = faults.changed() => if r.is_err() || faults.borrow().offline { return None },
            }
        }
    };
    let Some(_turn) = turn.await else { return };
    if faults.borrow().offline {
        return;
    }
    let ended = serve_connection(&sim, &mut stream, id, &mut faults, &mut stop).await;
    sim.end(id, matches!(ended, Ended::Client));
    let _ = stream.shutdown().await;
}

async fn serve_connection(
    sim: &PrinterSim,
    stream: &mut TcpStream,
    id: u64,
    faults: &mut watch::Receiver<PrinterFaults>,
    stop: &mut watch::Receiver<bool>,
) -> Ended {
    let idle = sim.0.config.idle_timeout;
    let mut buf = vec![0u8; 8192];
    let mut read_total = 0u64;
    let mut last = tokio::time::Instant::now();
    loop {
        let f = faults.borrow_and_update().clone();
        if f.offline {
            sim.lock().stats.dropped += 1;
            return Ended::Printer;
        }
        let mut max = buf.len();
        if let Some(s) = f.slow.filter(|s| s.every_bytes > 0) {
            max = max.min(s.every_bytes);
        }
        if let Some(k) = f.drop_after_bytes {
            if read_total >= k {
                sim.lock().stats.dropped += 1;
                return Ended::Printer;
            }
            max = max.min((k - read_total) as usize);
        }
        let n = tokio::select! {
            r = stream.read(&mut buf[..max]) => match r {
                Ok(0) | Err(_) => return Ended::Client,
                Ok(n) => n,
            },
            _ = tokio::time::sleep_until(last + idle) => {
                sim.lock().stats.idle_closed += 1;
                return Ended::Printer;
            }
            _ = faults.changed() => continue,
            _ = stop.changed() => return Ended::Printer,
        };
        last = tokio::time::Instant::now();
        read_total += n as u64;
        let out = sim.process(id, &buf[..n]);
        if !out.answer.is_empty() && stream.write_all(&out.answer).await.is_err() {
            return Ended::Client;
        }
        if out.error {
            // Let the client read what was answered before the close: drain briefly so
            // unread bytes do not turn the close into a reset.
            let _ = stream.shutdown().await;
            let drain = async {
                while let Ok(n) = stream.read(&mut buf).await {
                    if n == 0 {
                        break;
                    }
                }
            };
            let _ = tokio::time::timeout(Duration::from_millis(200), drain).await;
            return Ended::Printer;
        }
        if let Some(s) = f.slow.filter(|s| s.delay_ms > 0) {
            tokio::time::sleep(Duration::from_millis(s.delay_ms)).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_flags() {
        let c = PrinterConfig::parse("receipt@target/sandbox/prints").unwrap();
        assert_eq!((c.name.as_str(), c.width_dots, c.out_dir), ("receipt", 576, Some(PathBuf::from("target/sandbox/prints"))));
        let c = PrinterConfig::parse("kitchen:58").unwrap();
        assert_eq!((c.width_dots, c.out_dir), (384, None));
        assert_eq!(PrinterConfig::parse("bar:384@/tmp/p").unwrap().width_dots, 384);
        for bad in ["", "a b", "x:500", "x:", "x@", "a/b"] {
            assert!(PrinterConfig::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn status_bits() {
        let ok = PrinterFaults::default();
        assert_eq!([1, 2, 3, 4].map(|n| ok.status_byte(n)), [0x12; 4]);
        let out = PrinterFaults { paper_out: true, ..Default::default() };
        assert_eq!([1, 2, 3, 4].map(|n| out.status_byte(n)), [0x1A, 0x32, 0x12, 0x7E]);
        let cover = PrinterFaults { cover_open: true, drawer_pin3: true, ..Default::default() };
        assert_eq!([1, 2, 4].map(|n| cover.status_byte(n)), [0x1E, 0x16, 0x12]);
        let near = PrinterFaults { paper_near_end: true, ..Default::default() };
        assert_eq!(near.status_byte(4), 0x1E);
        assert_eq!(PrinterFaults { garbage_status: true, ..Default::default() }.status_byte(1), 0xFF);
        assert_eq!(out.asb(), [0x18, 0, 0x0F, 0]);
    }
}
