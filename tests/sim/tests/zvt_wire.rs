//! The simulated terminal against the byte-exact frames of zvt.md, written by hand, so it
//! is checked without the driver it is meant to test.
#![cfg(unix)]

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use quay_sim::zvt::{Faults, ZvtSim};
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

fn ecr() -> (ZvtSim, TTYPort) {
    let (sim, mut port) = ZvtSim::start().unwrap();
    port.set_timeout(Duration::from_millis(20)).unwrap();
    (sim, port)
}

#[test]
fn registration_vector_is_acked_and_accepted() {
    let (sim, mut port) = ecr();
    port.write_all(&hex("10 02 06 00 06 12 34 56 DE 09 78 10 03 2C 28")).unwrap();
    // link ACK, then the spec's `80 00 00` frame byte for byte
    assert_eq!(read_n(&mut port, 10), hex("06 10 02 80 00 00 10 03 F5 1F"));
    port.write_all(&[0x06]).unwrap();
    assert_eq!(sim.stats().received, vec![hex("06 00 06 12 34 56 DE 09 78")]);
}

#[test]
fn authorisation_with_a_doubled_dle_is_understood() {
    let (sim, mut port) = ecr();
    port.write_all(&hex("10 02 06 01 0A 04 00 00 00 00 10 10 00 49 09 78 10 03 27 60")).unwrap();
    assert_eq!(read_n(&mut port, 10), hex("06 10 02 80 00 00 10 03 F5 1F"));
    port.write_all(&[0x06]).unwrap();
    // First intermediate status: insert card.
    assert_eq!(&read_n(&mut port, 4), &hex("10 02 04 FF"));
    assert_eq!(sim.stats().received[0], hex("06 01 0A 04 00 00 00 00 10 00 49 09 78"));
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
