//! The simulated terminal against the byte-exact frames of zvt.md, written by hand, so it
//! is checked without the driver it is meant to test.
#![cfg(unix)]

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use quay_sim::zvt::{crc16_kermit, Faults, ZvtSim, ZvtSimConfig};
use serialport::{SerialPort, TTYPort};

fn hex(s: &str) -> Vec<u8> {
    s.split_whitespace().map(|h| u8::from_str_radix(h, 16).unwrap()).collect()
}

/// Reads until `n` bytes arrived or 2 s passed.
fn read_n(port: &mut TTYPort, n: usize) -> Vec<u8> {
    let mut out = vec![];
    let deadline = Instant::now() + Duration::from_secs(2);
    let mut b = [0u8; 64];
    while out.len() < n && Instant::now() < deadline {
        if let Ok(k) = port.read(&mut b[..n - out.len()]) {
            out.extend_from_slice(&b[..k]);
        }
    }
    out
}

/// A terminal whose password is the vectors' 123456.
fn ecr() -> (ZvtSim, TTYPort) {
    let (sim, mut port) = ZvtSim::start_with(ZvtSimConfig { password: 123456, ..ZvtSimConfig::default() }).unwrap();
    port.set_timeout(Duration::from_millis(20)).unwrap();
    (sim, port)
}

const REGISTRATION: &str = "10 02 06 00 06 12 34 56 DE 09 78 10 03 2C 28";
const ACCEPTED: &str = "10 02 80 00 00 10 03 F5 1F";
/// The refusal `84 6B 00` (not registered), framed; the CRC from the spec's algorithm.
fn not_registered() -> Vec<u8> {
    let crc = crc16_kermit([0x84, 0x6B, 0x00, 0x03]);
    let mut f = hex("10 02 84 6B 00 10 03");
    f.extend([crc as u8, (crc >> 8) as u8]);
    f
}

/// The registration vector, its acceptance and completion, answered as an ECR does.
fn register(port: &mut TTYPort) {
    port.write_all(&hex(REGISTRATION)).unwrap();
    assert_eq!(read_n(port, 10), [vec![0x06], hex(ACCEPTED)].concat());
    port.write_all(&[0x06]).unwrap();
    // Completion `06 0F` with the terminal id: link ACK it, answer `80 00 00`.
    let completion = read_n(port, 16);
    assert_eq!(&completion[..4], &hex("10 02 06 0F"));
    port.write_all(&[0x06]).unwrap();
    port.write_all(&hex(ACCEPTED)).unwrap();
    assert_eq!(read_n(port, 1), [0x06]);
}

#[test]
fn unregistered_it_refuses_with_6b_before_doing_anything_then_serves() {
    let (sim, mut port) = ecr();
    let auth = hex("10 02 06 01 0A 04 00 00 00 00 10 10 00 49 09 78 10 03 27 60");
    port.write_all(&auth).unwrap();
    assert_eq!(read_n(&mut port, 10), [vec![0x06], not_registered()].concat());
    port.write_all(&[0x06]).unwrap();
    // End-of-day too; a status enquiry is answered unregistered.
    port.write_all(&hex("10 02 06 50 03 12 34 56 10 03 C4 AF")).unwrap();
    assert_eq!(read_n(&mut port, 10), [vec![0x06], not_registered()].concat());
    port.write_all(&[0x06]).unwrap();
    port.write_all(&hex("10 02 05 01 03 12 34 56 10 03 E0 43")).unwrap();
    assert_eq!(read_n(&mut port, 10), [vec![0x06], hex(ACCEPTED)].concat());
    port.write_all(&[0x06]).unwrap();
    assert_eq!(sim.stats().refused_unregistered, 2);
    assert!(sim.journal().is_empty() && sim.last().is_none(), "nothing booked");

    let (sim, mut port) = ecr();
    register(&mut port);
    assert!(sim.is_registered());
    port.write_all(&auth).unwrap();
    assert_eq!(read_n(&mut port, 10), [vec![0x06], hex(ACCEPTED)].concat());
    // A restart forgets it.
    sim.forget_registration();
    assert!(!sim.is_registered());
}

#[test]
fn a_registration_with_another_password_is_refused() {
    let (sim, mut port) = ecr();
    // 06 00 06 65 43 21 BA 09 78
    let apdu = hex("06 00 06 65 43 21 BA 09 78");
    let crc = crc16_kermit(apdu.iter().copied().chain([0x03]));
    let mut frame = hex("10 02");
    frame.extend(&apdu);
    frame.extend(hex("10 03"));
    frame.extend([crc as u8, (crc >> 8) as u8]);
    port.write_all(&frame).unwrap();
    let answer = read_n(&mut port, 10);
    assert_eq!(&answer[..6], &hex("06 10 02 84 83 00"), "{answer:02X?}");
    assert!(!sim.is_registered());
    assert_eq!(sim.stats().registrations, 0);
}

#[test]
fn registration_vector_is_acked_and_accepted() {
    let (sim, mut port) = ecr();
    port.write_all(&hex(REGISTRATION)).unwrap();
    // link ACK, then the spec's `80 00 00` frame byte for byte
    assert_eq!(read_n(&mut port, 10), hex("06 10 02 80 00 00 10 03 F5 1F"));
    port.write_all(&[0x06]).unwrap();
    assert_eq!(sim.stats().received, vec![hex("06 00 06 12 34 56 DE 09 78")]);
}

#[test]
fn authorisation_with_a_doubled_dle_is_understood() {
    let (sim, mut port) = ecr();
    register(&mut port);
    port.write_all(&hex("10 02 06 01 0A 04 00 00 00 00 10 10 00 49 09 78 10 03 27 60")).unwrap();
    assert_eq!(read_n(&mut port, 10), hex("06 10 02 80 00 00 10 03 F5 1F"));
    port.write_all(&[0x06]).unwrap();
    // First intermediate status: insert card.
    assert_eq!(&read_n(&mut port, 4), &hex("10 02 04 FF"));
    assert_eq!(sim.stats().received.last().unwrap(), &hex("06 01 0A 04 00 00 00 00 10 00 49 09 78"));
}

#[test]
fn bad_crc_is_naked_and_faults_apply() {
    let (sim, mut port) = ecr();
    port.write_all(&hex("10 02 06 50 03 12 34 56 10 03 C4 AE")).unwrap();
    assert_eq!(read_n(&mut port, 1), [0x15]);
    sim.set_faults(Faults { nak: 1, ..Faults::default() });
    port.write_all(&hex("10 02 05 01 03 12 34 56 10 03 E0 43")).unwrap();
    assert_eq!(read_n(&mut port, 1), [0x15]);
    assert_eq!(sim.stats().bad_crc_received, 1);
    assert_eq!(sim.stats().naks_sent, 1);
}
