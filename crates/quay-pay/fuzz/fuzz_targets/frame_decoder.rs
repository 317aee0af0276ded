//! Arbitrary line bytes into the frame decoder, every frame into the APDU and message
//! parsers: nothing may panic, and every good frame must re-encode to the same APDU.
//! Run with `cargo +nightly fuzz run frame_decoder` from crates/quay-pay.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quay_pay::zvt::apdu::{Apdu, Message};
use quay_pay::zvt::frame::{encode, Decoder, Event};

fuzz_target!(|data: &[u8]| {
    let mut decoder = Decoder::new();
    for event in decoder.feed(data) {
        if let Event::Frame(apdu) = event {
            assert_eq!(Decoder::new().feed(&encode(&apdu)), vec![Event::Frame(apdu.clone())]);
            if let Ok(a) = Apdu::decode(&apdu) {
                let _ = Message::parse(&a);
            }
        }
    }
    if let Ok(a) = Apdu::decode(data) {
        let _ = Message::parse(&a);
    }
});
