//! Sending a job and asking a printer's status, blocking with timeouts (std threads, no
//! async runtime: the job worker runs on its own thread). §7 as Quay reads it where the
//! documentation is silent: a connection per job; `DLE EOT 1, 2, 4` before the job and
//! the job sent only to a printer online with paper and its cover closed; the same
//! questions after the last byte, so "sent" means the printer took every byte and is
//! still fine; any doubt keeps the job queued for the caller to resend. A real-time
//! drawer pulse (`pulse_drawer`) is the exception §7 allows: it goes to a printer stopped
//! for paper or its cover too, and "sent" means the printer still answered after it.

use std::fs::OpenOptions;
use std::io::{self, ErrorKind, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::thread;
use std::time::{Duration, Instant};

use serialport::SerialPort;

use crate::address::Address;
use crate::error::PrintError;
use crate::status::{decode, PrinterStatus};

/// How long each step may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// Opening the TCP connection (name resolution is the system's).
    pub connect: Duration,
    /// Each status byte before the job (§7: none within ~2 s = unknown).
    pub status: Duration,
    /// A write making no progress: the printer stopped taking bytes.
    pub write: Duration,
    /// Each status byte after the job. Longer than `status`: a busy printer answers
    /// once it has read the job's bytes still queued ahead of the question, and an
    /// unknown answer there makes the job a possible duplicate.
    pub confirm: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_secs(3),
            status: Duration::from_secs(2),
            write: Duration::from_secs(10),
            confirm: Duration::from_secs(10),
        }
    }
}

/// A job the printer took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sent {
    pub bytes: usize,
    /// The status after the last byte (ready, perhaps near paper end), or `None` where
    /// the transport cannot ask (USB, file): then the bytes were written, nothing more
    /// is known.
    pub status: Option<PrinterStatus>,
}

impl Sent {
    pub fn status_checked(&self) -> bool {
        self.status.is_some()
    }
}

/// Sends `job` to the printer at `address`. An error before any byte of the job went out
/// means nothing was printed; [`PrintError::Unconfirmed`] means it may have been.
pub fn send_job(address: &Address, job: &[u8], timeouts: Timeouts) -> Result<Sent, PrintError> {
    send(address, job, timeouts, PrinterStatus::check)
}

/// Sends a real-time drawer pulse ([`crate::escpos::Commands::drawer_now`]) as
/// [`send_job`] sends a job, except that a printer out of paper or with its cover open
/// takes it too (§7): nobody waits for paper to give change.
pub fn pulse_drawer(address: &Address, pulse: &[u8], timeouts: Timeouts) -> Result<Sent, PrintError> {
    send(address, pulse, timeouts, PrinterStatus::check_pulse)
}

/// `accept`: the status, before the bytes and after them, that lets them count as taken.
fn send(address: &Address, job: &[u8], timeouts: Timeouts, accept: Accept) -> Result<Sent, PrintError> {
    match address {
        Address::Tcp { host, port } => {
            let mut stream = connect(host, *port, timeouts.connect)?;
            let sent = exchange(&mut stream, job, &timeouts, accept);
            let _ = stream.shutdown(std::net::Shutdown::Both);
            sent
        }
        Address::Serial { path, baud } => exchange(&mut open_serial(path, *baud, &timeouts)?, job, &timeouts, accept),
        Address::Usb { path } => {
            let mut device = open_usb(path)?;
            write_job(&mut device, job, Some(timeouts.write))?;
            Ok(Sent { bytes: job.len(), status: None })
        }
        Address::File { path } => {
            let mut file = OpenOptions::new().create(true).append(true).open(path).map_err(|e| PrintError::io(&e))?;
            write_job(&mut file, job, None)?;
            Ok(Sent { bytes: job.len(), status: None })
        }
    }
}

/// The printer's status alone, with the default timeouts.
pub fn query_status(address: &Address) -> Result<PrinterStatus, PrintError> {
    query_status_with(address, Timeouts::default())
}

/// The printer's status alone. A file is always ready; a USB device cannot be asked
/// ([`PrintError::NoStatus`]).
pub fn query_status_with(address: &Address, timeouts: Timeouts) -> Result<PrinterStatus, PrintError> {
    match address {
        Address::Tcp { host, port } => {
            let mut stream = connect(host, *port, timeouts.connect)?;
            let status = status(&mut stream, timeouts.status);
            let _ = stream.shutdown(std::net::Shutdown::Both);
            status
        }
        Address::Serial { path, baud } => status(&mut open_serial(path, *baud, &timeouts)?, timeouts.status),
        Address::Usb { .. } => Err(PrintError::NoStatus),
        Address::File { .. } => Ok(PrinterStatus::OK),
    }
}

/// A two-way line to a printer: a TCP stream or a serial port.
trait Line: Read + Write {
    fn set_read_timeout(&mut self, d: Duration) -> io::Result<()>;
    fn set_write_timeout(&mut self, d: Duration) -> io::Result<()>;
}

impl Line for TcpStream {
    fn set_read_timeout(&mut self, d: Duration) -> io::Result<()> {
        TcpStream::set_read_timeout(self, Some(d))
    }
    fn set_write_timeout(&mut self, d: Duration) -> io::Result<()> {
        TcpStream::set_write_timeout(self, Some(d))
    }
}

/// A serial port has one timeout for both directions; each step sets the one it needs.
impl Line for Box<dyn SerialPort> {
    fn set_read_timeout(&mut self, d: Duration) -> io::Result<()> {
        Ok(self.set_timeout(d)?)
    }
    fn set_write_timeout(&mut self, d: Duration) -> io::Result<()> {
        Ok(self.set_timeout(d)?)
    }
}

/// Refused, timed out, unresolvable: offline either way, the job stays queued.
fn connect(host: &str, port: u16, timeout: Duration) -> Result<TcpStream, PrintError> {
    let addrs = (host, port).to_socket_addrs().map_err(|_| PrintError::Offline)?;
    for addr in addrs {
        if let Ok(stream) = TcpStream::connect_timeout(&addr, timeout) {
            // Status questions are three bytes each: send them now, not after a delay.
            let _ = stream.set_nodelay(true);
            return Ok(stream);
        }
    }
    Err(PrintError::Offline)
}

fn open_serial(path: &str, baud: u32, timeouts: &Timeouts) -> Result<Box<dyn SerialPort>, PrintError> {
    serialport::new(path, baud).timeout(timeouts.status).open().map_err(|e| match e.kind() {
        serialport::ErrorKind::NoDevice | serialport::ErrorKind::Io(ErrorKind::NotFound) => PrintError::Offline,
        _ => PrintError::Io { detail: e.to_string() },
    })
}

/// Opened non-blocking: the USB printer driver can block a write for as long as the
/// printer is out of paper, and a stalled write must end in a timeout instead.
fn open_usb(path: &str) -> Result<std::fs::File, PrintError> {
    let mut options = OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    options.open(path).map_err(|e| match (e.kind(), e.raw_os_error()) {
        // Unplugged or switched off: the device node is gone or has no device behind it.
        (ErrorKind::NotFound, _) => PrintError::Offline,
        #[cfg(unix)]
        (_, Some(libc::ENODEV | libc::ENXIO)) => PrintError::Offline,
        _ => PrintError::io(&e),
    })
}

type Accept = fn(&PrinterStatus) -> Result<(), PrintError>;

/// Status, job, status (see the module's comment).
fn exchange<L: Line>(line: &mut L, job: &[u8], timeouts: &Timeouts, accept: Accept) -> Result<Sent, PrintError> {
    accept(&status(line, timeouts.status)?)?;
    line.set_write_timeout(timeouts.write).map_err(|e| PrintError::io(&e))?;
    write_job(line, job, None)?;
    let unconfirmed = |cause| PrintError::Unconfirmed { cause: Box::new(cause) };
    discard_pending(line);
    let after = status(line, timeouts.confirm).map_err(unconfirmed)?;
    accept(&after).map_err(unconfirmed)?;
    Ok(Sent { bytes: job.len(), status: Some(after) })
}

/// `DLE EOT 1`, `2`, `4`, one at a time, each answered within `timeout`.
fn status<L: Line>(line: &mut L, timeout: Duration) -> Result<PrinterStatus, PrintError> {
    let mut status = PrinterStatus::OK;
    for n in [1, 2, 4] {
        line.write_all(&[0x10, 0x04, n]).and_then(|_| line.flush()).map_err(|e| PrintError::io(&e))?;
        let byte = read_byte(line, timeout).map_err(|e| PrintError::io(&e))?;
        status.add(decode(n, byte.ok_or(PrintError::StatusUnknown { answer: None })?)?);
    }
    Ok(status)
}

/// One byte within `timeout`; `None` when none came or the printer closed the line.
fn read_byte<L: Line>(line: &mut L, timeout: Duration) -> io::Result<Option<u8>> {
    let deadline = Instant::now() + timeout;
    let mut byte = [0u8];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(None);
        }
        line.set_read_timeout(left)?;
        match line.read(&mut byte) {
            Ok(0) => return Ok(None),
            Ok(_) => return Ok(Some(byte[0])),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => return Ok(None),
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Drops bytes already waiting before the status questions after a job: a real printer
/// answers a `DLE EOT` that happens to occur inside raster data, and that stale answer
/// must not be read as the answer to our question.
fn discard_pending<L: Line>(line: &mut L) {
    let mut buf = [0u8; 64];
    if line.set_read_timeout(Duration::from_millis(20)).is_err() {
        return;
    }
    for _ in 0..64 {
        match line.read(&mut buf) {
            Ok(n) if n > 0 => continue,
            _ => break,
        }
    }
}

/// Writes the whole job. Nothing written yet: the error as it is (nothing printed);
/// some bytes written: `Unconfirmed`. `stall` (for a non-blocking device) is how long a
/// write may keep answering "not now" before the printer counts as offline.
fn write_job<W: Write>(w: &mut W, job: &[u8], stall: Option<Duration>) -> Result<(), PrintError> {
    let mut written = 0;
    let mut last_progress = Instant::now();
    let fail = |written: usize, e: PrintError| {
        if written == 0 {
            e
        } else {
            PrintError::Unconfirmed { cause: Box::new(e) }
        }
    };
    while written < job.len() {
        match w.write(&job[written..]) {
            Ok(0) => return Err(fail(written, PrintError::Offline)),
            Ok(n) => {
                written += n;
                last_progress = Instant::now();
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) if e.kind() == ErrorKind::WouldBlock && stall.is_some_and(|s| last_progress.elapsed() < s) => {
                thread::sleep(Duration::from_millis(10));
            }
            // A socket or serial write timeout: the printer stopped taking bytes.
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return Err(fail(written, PrintError::Offline));
            }
            Err(e) => return Err(fail(written, PrintError::io(&e))),
        }
    }
    w.flush().map_err(|e| fail(written, PrintError::io(&e)))
}

#[cfg(test)]
mod tests;
