//! The link layer: every frame is answered with one byte, ACK or NAK. We resend on NAK or
//! when T3 passes without an answer, at most three sends; we NAK a frame whose CRC is bad
//! and ACK a good one. Works over any `Read + Write` port whose reads return after a short
//! read timeout (a serial port, a pty, a test double): a timed-out read is "nothing yet".

use std::collections::VecDeque;
use std::io::{self, Read, Write};
use std::time::{Duration, Instant};

use super::frame::{self, Decoder, Event, ACK, NAK};

/// T3 of the spec: how long to wait for the ACK of a frame.
pub const T3: Duration = Duration::from_secs(5);
/// Sends of one frame before giving up.
pub const MAX_SENDS: u8 = 3;

#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    #[error("no ACK after {sends} sends (last answer: {last})")]
    NoAck { sends: u8, last: &'static str },
    #[error("serial port: {0}")]
    Io(#[from] io::Error),
}

pub struct Link<P> {
    port: P,
    t3: Duration,
    max_sends: u8,
    decoder: Decoder,
    /// Good frames that arrived while we waited for an ACK; `recv` returns them first.
    pending: VecDeque<Vec<u8>>,
}

impl<P: Read + Write> Link<P> {
    pub fn new(port: P) -> Self {
        Link { port, t3: T3, max_sends: MAX_SENDS, decoder: Decoder::new(), pending: VecDeque::new() }
    }

    /// Shorter T3 for tests.
    pub fn with_t3(mut self, t3: Duration) -> Self {
        self.t3 = t3;
        self
    }

    pub fn t3(&self) -> Duration {
        self.t3
    }

    pub fn port_mut(&mut self) -> &mut P {
        &mut self.port
    }

    /// Sends one APDU and waits for its ACK, resending on NAK or T3.
    pub fn send(&mut self, apdu: &[u8]) -> Result<(), LinkError> {
        let bytes = frame::encode(apdu);
        let mut last = "nothing";
        for _ in 0..self.max_sends {
            self.port.write_all(&bytes)?;
            self.port.flush()?;
            let deadline = Instant::now() + self.t3;
            loop {
                match self.next_event(deadline)? {
                    Some(Event::Ack) => return Ok(()),
                    Some(Event::Nak) => {
                        last = "NAK";
                        break;
                    }
                    // The terminal may already talk (it should not before our ACK, but a
                    // lost ACK looks like this): keep its frame for `recv`.
                    Some(Event::Frame(f)) => {
                        self.write_byte(ACK)?;
                        self.pending.push_back(f);
                    }
                    Some(Event::BadCrc) => self.write_byte(NAK)?,
                    None => {
                        last = "timeout";
                        break;
                    }
                }
            }
            tracing::debug!(target: "zvt", "frame not acknowledged ({last}), resending");
        }
        Err(LinkError::NoAck { sends: self.max_sends, last })
    }

    /// Reads whatever is already on the line (a late repeat of the previous
    /// transaction's messages), ACKing frames so the terminal stops repeating, until the
    /// line has been quiet for `quiet`. Call before a new command.
    pub fn drain(&mut self, quiet: Duration) -> Result<usize, LinkError> {
        let mut dropped = self.pending.len();
        self.pending.clear();
        while let Some(ev) = self.next_event(Instant::now() + quiet)? {
            match ev {
                Event::Frame(f) => {
                    tracing::warn!(target: "zvt", "stale frame dropped: {f:02X?}");
                    dropped += 1;
                    self.write_byte(ACK)?;
                }
                Event::BadCrc => self.write_byte(NAK)?,
                Event::Ack | Event::Nak => {}
            }
        }
        Ok(dropped)
    }

    /// Waits until `deadline` for a frame with a good CRC, ACKs it and returns its APDU.
    /// Bad frames are NAKed (the peer resends); stray ACK/NAK bytes are ignored.
    pub fn recv(&mut self, deadline: Instant) -> Result<Option<Vec<u8>>, LinkError> {
        if let Some(f) = self.pending.pop_front() {
            return Ok(Some(f));
        }
        loop {
            match self.next_event(deadline)? {
                Some(Event::Frame(f)) => {
                    self.write_byte(ACK)?;
                    return Ok(Some(f));
                }
                Some(Event::BadCrc) => self.write_byte(NAK)?,
                Some(Event::Ack | Event::Nak) => {}
                None => return Ok(None),
            }
        }
    }

    fn write_byte(&mut self, b: u8) -> io::Result<()> {
        self.port.write_all(&[b])?;
        self.port.flush()
    }

    /// The next decoded event, or None once `deadline` has passed.
    fn next_event(&mut self, deadline: Instant) -> Result<Option<Event>, LinkError> {
        let mut buf = [0u8; 1];
        loop {
            if Instant::now() >= deadline {
                return Ok(None);
            }
            // One byte at a time: an event must not swallow the bytes after it.
            match self.port.read(&mut buf) {
                Ok(0) => std::thread::sleep(Duration::from_millis(5)),
                Ok(_) => {
                    if let Some(ev) = self.decoder.push(buf[0]) {
                        return Ok(Some(ev));
                    }
                }
                Err(e) if matches!(e.kind(), io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock | io::ErrorKind::Interrupted) => {}
                Err(e) => return Err(e.into()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A port that replays scripted input and records output; reads past the script time out.
    struct Script {
        input: VecDeque<u8>,
        output: Vec<u8>,
    }

    impl Read for Script {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match self.input.pop_front() {
                Some(b) => {
                    buf[0] = b;
                    Ok(1)
                }
                None => {
                    std::thread::sleep(Duration::from_millis(2));
                    Err(io::ErrorKind::TimedOut.into())
                }
            }
        }
    }

    impl Write for Script {
        fn write(&mut self, b: &[u8]) -> io::Result<usize> {
            self.output.extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn link(input: &[u8]) -> Link<Script> {
        Link::new(Script { input: input.iter().copied().collect(), output: vec![] }).with_t3(Duration::from_millis(30))
    }

    #[test]
    fn nak_then_ack_sends_twice() {
        let mut l = link(&[NAK, ACK]);
        l.send(&[0x80, 0, 0]).unwrap();
        let f = frame::encode(&[0x80, 0, 0]);
        assert_eq!(l.port.output, [f.clone(), f].concat());
    }

    #[test]
    fn silence_gives_up_after_three_sends() {
        let mut l = link(&[]);
        let e = l.send(&[0x80, 0, 0]).unwrap_err();
        assert!(matches!(e, LinkError::NoAck { sends: 3, last: "timeout" }));
        assert_eq!(l.port.output.len(), 3 * frame::encode(&[0x80, 0, 0]).len());
    }

    #[test]
    fn recv_naks_bad_crc_and_acks_good() {
        let mut bad = frame::encode(&[0x04, 0xFF, 0x01, 0x0A]);
        *bad.last_mut().unwrap() ^= 0xFF;
        let good = frame::encode(&[0x04, 0xFF, 0x01, 0x0A]);
        let mut l = link(&[bad, good].concat());
        let got = l.recv(Instant::now() + Duration::from_millis(200)).unwrap();
        assert_eq!(got, Some(vec![0x04, 0xFF, 0x01, 0x0A]));
        assert_eq!(l.port.output, vec![NAK, ACK]);
        assert_eq!(l.recv(Instant::now() + Duration::from_millis(20)).unwrap(), None);
    }

    #[test]
    fn drain_acks_and_drops_stale_frames() {
        let mut l = link(&frame::encode(&[0x06, 0x0F, 0x00]));
        assert_eq!(l.drain(Duration::from_millis(20)).unwrap(), 1);
        assert_eq!(l.port.output, vec![ACK]);
    }
}
