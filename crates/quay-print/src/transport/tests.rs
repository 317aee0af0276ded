//! The TCP client against a tiny printer on loopback that answers `DLE EOT` as scripted
//! and records every byte it received.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::thread::{self, JoinHandle};
use std::time::Duration;

use super::*;

const JOB: &[u8] = b"\x1B@hello\n\x1DVA\x00";
const ASK: [u8; 9] = [0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4];

const READY: [u8; 3] = [0x12, 0x12, 0x12];
const PAPER_OUT: [u8; 3] = [0x1A, 0x32, 0x7E];
const COVER_OPEN: [u8; 3] = [0x1A, 0x16, 0x12];

fn quick() -> Timeouts {
    Timeouts {
        connect: Duration::from_secs(2),
        status: Duration::from_millis(300),
        write: Duration::from_secs(2),
        confirm: Duration::from_millis(300),
    }
}

/// A printer for one connection: `answer(k, n)` is the byte for the k-th `DLE EOT n` of
/// the connection (None: silence). Joins to everything it received.
fn fake_printer(answer: impl Fn(usize, u8) -> Option<u8> + Send + 'static) -> (Address, JoinHandle<Vec<u8>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = thread::spawn(move || {
        let (mut conn, _) = listener.accept().unwrap();
        let (mut got, mut scanned, mut asked) = (Vec::new(), 0, 0);
        let mut buf = [0u8; 4096];
        loop {
            match conn.read(&mut buf) {
                Ok(0) | Err(_) => return got,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
            while scanned + 3 <= got.len() {
                if got[scanned..scanned + 2] == [0x10, 0x04] {
                    if let Some(b) = answer(asked, got[scanned + 2]) {
                        conn.write_all(&[b]).unwrap();
                    }
                    asked += 1;
                    scanned += 3;
                } else {
                    scanned += 1;
                }
            }
        }
    });
    (Address::Tcp { host: "127.0.0.1".into(), port }, handle)
}

/// Answers `before` to the first three questions and `after` to the rest.
fn scripted(before: [u8; 3], after: [u8; 3]) -> impl Fn(usize, u8) -> Option<u8> + Send + 'static {
    move |k, _| Some(if k < 3 { before[k] } else { after[(k - 3) % 3] })
}

#[test]
fn tcp_ready_printer_takes_the_job_between_two_status_checks() {
    let (addr, printer) = fake_printer(scripted(READY, READY));
    let sent = send_job(&addr, JOB, quick()).unwrap();
    assert_eq!(sent, Sent { bytes: JOB.len(), status: Some(PrinterStatus::OK) });
    assert!(sent.status_checked());
    assert_eq!(printer.join().unwrap(), [&ASK[..], JOB, &ASK[..]].concat());
}

#[test]
fn tcp_out_of_paper_or_cover_open_sends_nothing() {
    for (answers, error) in
        [(PAPER_OUT, PrintError::PaperOut), (COVER_OPEN, PrintError::CoverOpen), ([0x1A, 0x12, 0x12], PrintError::Offline)]
    {
        let (addr, printer) = fake_printer(scripted(answers, READY));
        assert_eq!(send_job(&addr, JOB, quick()), Err(error.clone()));
        assert_eq!(printer.join().unwrap(), ASK, "{error:?}: only the questions");
    }
}

#[test]
fn tcp_garbage_status_holds_the_job() {
    let (addr, printer) = fake_printer(|_, _| Some(0xFF));
    assert_eq!(send_job(&addr, JOB, quick()), Err(PrintError::StatusUnknown { answer: Some(0xFF) }));
    assert_eq!(printer.join().unwrap(), &ASK[..3]);
}

#[test]
fn tcp_silent_printer_holds_the_job() {
    let (addr, printer) = fake_printer(|_, _| None);
    let err = send_job(&addr, JOB, quick()).unwrap_err();
    assert_eq!(err, PrintError::StatusUnknown { answer: None });
    assert!(!err.may_have_printed());
    assert_eq!(printer.join().unwrap(), &ASK[..3]);
}

#[test]
fn tcp_refused_connection_is_offline() {
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let addr = Address::Tcp { host: "127.0.0.1".into(), port };
    assert_eq!(send_job(&addr, JOB, quick()), Err(PrintError::Offline));
    assert_eq!(query_status_with(&addr, quick()), Err(PrintError::Offline));
}

#[test]
fn tcp_paper_running_out_during_the_job_is_unconfirmed() {
    let (addr, printer) = fake_printer(scripted(READY, PAPER_OUT));
    let err = send_job(&addr, JOB, quick()).unwrap_err();
    assert_eq!(err, PrintError::Unconfirmed { cause: Box::new(PrintError::PaperOut) });
    assert!(err.may_have_printed());
    assert_eq!(printer.join().unwrap(), [&ASK[..], JOB, &ASK[..]].concat());
}

#[test]
fn tcp_no_answer_after_the_job_is_unconfirmed() {
    let (addr, printer) = fake_printer(|k, _| (k < 3).then_some(0x12));
    let err = send_job(&addr, JOB, quick()).unwrap_err();
    assert_eq!(err, PrintError::Unconfirmed { cause: Box::new(PrintError::StatusUnknown { answer: None }) });
    assert_eq!(printer.join().unwrap(), [&ASK[..], JOB, &ASK[..3]].concat());
}

#[test]
fn tcp_query_status_alone_sends_only_the_questions() {
    let (addr, printer) = fake_printer(scripted([0x16, 0x12, 0x1E], READY));
    let status = query_status_with(&addr, quick()).unwrap();
    assert!(status.ready() && status.paper_near_end && status.drawer_open);
    assert_eq!(printer.join().unwrap(), ASK);

    let (addr, printer) = fake_printer(scripted(PAPER_OUT, READY));
    let status = query_status_with(&addr, quick()).unwrap();
    assert!(status.paper_out && !status.ready());
    assert_eq!(printer.join().unwrap(), ASK);
}

#[test]
fn file_appends_each_job_and_is_always_ready() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("prints.bin");
    let addr = Address::File { path: path.to_str().unwrap().into() };
    for _ in 0..2 {
        assert_eq!(send_job(&addr, JOB, quick()).unwrap(), Sent { bytes: JOB.len(), status: None });
    }
    assert_eq!(std::fs::read(&path).unwrap(), [JOB, JOB].concat());
    assert_eq!(query_status(&addr), Ok(PrinterStatus::OK));
}

#[test]
fn usb_writes_the_device_without_status() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lp0");
    std::fs::write(&path, b"").unwrap();
    let addr = Address::Usb { path: path.to_str().unwrap().into() };
    let sent = send_job(&addr, JOB, quick()).unwrap();
    assert!(!sent.status_checked());
    assert_eq!(std::fs::read(&path).unwrap(), JOB);
    assert_eq!(query_status(&addr), Err(PrintError::NoStatus));

    // Unplugged: the device node is gone. Never created as a file.
    let gone = Address::Usb { path: dir.path().join("lp1").to_str().unwrap().into() };
    assert_eq!(send_job(&gone, JOB, quick()), Err(PrintError::Offline));
    assert!(!dir.path().join("lp1").exists());
}

#[test]
fn serial_without_the_device_is_offline() {
    let addr = Address::Serial { path: "/dev/quay-no-such-tty".into(), baud: 9600 };
    assert_eq!(send_job(&addr, JOB, quick()), Err(PrintError::Offline));
}
