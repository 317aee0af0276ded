//! Bounded property tests of the ZVT framing and APDU codec.

use proptest::prelude::*;
use quay_pay::zvt::apdu::{Apdu, Message};
use quay_pay::zvt::frame::{encode, Decoder, Event};

fn arb_apdu() -> impl Strategy<Value = Vec<u8>> {
    // Bias towards 0x10 (stuffing) and lengths around the 254/255 boundary.
    let byte = prop_oneof![3 => any::<u8>(), 1 => Just(0x10u8)];
    (any::<u8>(), any::<u8>(), prop_oneof![prop::collection::vec(byte.clone(), 0..40), prop::collection::vec(byte, 250..600)])
        .prop_map(|(c, i, data)| Apdu::new(c, i, data).encode().unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn frame_round_trip_any_split(apdu in arb_apdu(), cut in any::<prop::sample::Index>(), junk in prop::collection::vec(0x20u8..0xFF, 0..8)) {
        let f = encode(&apdu);
        let cut = cut.index(f.len() + 1);
        let mut d = Decoder::new();
        let mut ev = d.feed(&junk.iter().copied().filter(|&b| b != 0x10).collect::<Vec<_>>());
        ev.extend(d.feed(&f[..cut]));
        ev.extend(d.feed(&f[cut..]));
        prop_assert_eq!(ev, vec![Event::Frame(apdu.clone())]);
        let parsed = Apdu::decode(&apdu).unwrap();
        prop_assert_eq!(parsed.encode().unwrap(), apdu);
    }

    #[test]
    fn one_flipped_bit_is_never_a_wrong_frame(apdu in arb_apdu(), pos in any::<prop::sample::Index>(), bit in 0u8..8) {
        let mut f = encode(&apdu);
        let p = pos.index(f.len());
        f[p] ^= 1 << bit;
        for e in Decoder::new().feed(&f) {
            if let Event::Frame(got) = e {
                prop_assert_eq!(got, apdu.clone());
            }
        }
    }

    #[test]
    fn decoder_and_parser_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let mut d = Decoder::new();
        for e in d.feed(&bytes) {
            if let Event::Frame(a) = e {
                if let Ok(a) = Apdu::decode(&a) {
                    let _ = Message::parse(&a);
                }
            }
        }
        if let Ok(a) = Apdu::decode(&bytes) {
            let _ = Message::parse(&a);
        }
    }

    #[test]
    fn message_parser_never_panics(class in prop_oneof![Just(0x04u8), Just(0x06), any::<u8>()], instr in prop_oneof![Just(0x0Fu8), Just(0xFF), Just(0xD1), Just(0x1E), any::<u8>()], data in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = Message::parse(&Apdu::new(class, instr, data));
    }
}
