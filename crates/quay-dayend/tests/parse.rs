//! The bank file reader: good files of each preset, and every refusal with its line and
//! column.

use std::collections::HashSet;

use quay_core::error::Localized;
use quay_core::money::{Currency, Money};
use quay_dayend::bank::{parse, AmountFormat, Column, DateFormat, Expect, LineKind, Preset};
use quay_dayend::BankError;

const HEADER: &str =
    "transaction_id,merchant_reference,terminal_id,date_time,card_scheme,masked_pan,amount,currency,auth_code,rrn,stan,type";

fn file(rows: &[&str]) -> Vec<u8> {
    let mut s = String::from(HEADER);
    for r in rows {
        s.push('\n');
        s.push_str(r);
    }
    s.push('\n');
    s.into_bytes()
}

const SALE_VND: &str = "VB-0001,01JD-att-1,T0001,2026-11-21T12:03:11+07:00,visa,411111******1111,45000,VND,A1B2C3,632512345678,000123,sale";
const REFUND_VND: &str = "VB-0002,,T0001,2026-11-21T12:10:00+07:00,mastercard,550000******0004,45000,VND,Z9Y8X7,,000124,refund";
const FEE_VND: &str = "VB-0003,,,2026-11-21T23:59:00+07:00,,,-1100,VND,,,,fee";

fn vnd(m: i64) -> Money {
    Money::new(m, Currency::Vnd)
}

#[test]
fn generic_vnd_file() {
    let batch = parse(&file(&[SALE_VND, REFUND_VND, FEE_VND]), &Preset::generic(), &Expect::default()).unwrap();
    assert_eq!(batch.lines.len(), 3);
    let [s, r, f] = [&batch.lines[0], &batch.lines[1], &batch.lines[2]];
    assert_eq!((s.line, r.line, f.line), (2, 3, 4));
    assert_eq!(s.amount, vnd(45_000));
    assert_eq!(s.kind, LineKind::Sale);
    assert_eq!(s.merchant_reference.as_deref(), Some("01JD-att-1"));
    assert_eq!(s.rrn.as_deref(), Some("632512345678"));
    assert_eq!(s.stan.as_deref(), Some("000123"));
    assert_eq!(s.date_time.to_rfc3339(), "2026-11-21T12:03:11+07:00");
    assert_eq!(s.id, "sale:VB-0001");
    // Refunds and fees are negative whichever sign the file used.
    assert_eq!(r.amount, vnd(-45_000));
    assert_eq!(r.merchant_reference, None);
    assert_eq!(r.rrn, None);
    assert_eq!(f.amount, vnd(-1_100));
    assert_eq!(f.kind, LineKind::Fee);
    assert_eq!(f.terminal_id, None);
    assert_eq!(batch.cutoff().unwrap().to_rfc3339(), "2026-11-21T23:59:00+07:00");
}

#[test]
fn generic_eur_file_with_bom_crlf_and_quotes() {
    let text = format!(
        "\u{feff}{HEADER}\r\nVW-1,att-9,T0100,2026-11-21T19:45:03+01:00,visa,\"411111******1111\",12.50,EUR,123456,,,sale\r\nVW-2,att-10,T0100,2026-11-21T20:00:00+01:00,visa,,-3.20,EUR,,,,refund\r\n"
    );
    let batch = parse(text.as_bytes(), &Preset::generic(), &Expect { currency: Some(Currency::Eur), ..Default::default() }).unwrap();
    assert_eq!(batch.lines[0].amount, Money::new(1_250, Currency::Eur));
    assert_eq!(batch.lines[1].amount, Money::new(-320, Currency::Eur));
    assert_eq!(batch.lines[0].masked_pan.as_deref(), Some("411111******1111"));
}

#[test]
fn viva_export_tolerates_case_and_spaces() {
    let text = " Transaction ID , merchant reference,Order Code,TERMINAL ID,Created,Card Number,Card Type,Amount,Currency,Auth Code,Retrieval Reference,Reference Number,Transaction Type\n\
        b3f1c2d4-0001,01JD-att-7,4012345678901234,16031147,2026-11-21T13:14:15+01:00,479275******8866,Visa,18.90,EUR,K7P2Q9,632514000001,000871,Sale\n\
        b3f1c2d4-0002,01JD-att-8,4012345678901235,16031147,2026-11-21T13:20:00+01:00,479275******8866,Visa,18.90,EUR,K7P2Q9,632514000002,000872, Refund \n";
    let batch = parse(text.as_bytes(), &Preset::viva(), &Expect { terminal_ids: vec!["16031147".into()], ..Default::default() }).unwrap();
    let l = &batch.lines[0];
    assert_eq!(l.transaction_id.as_deref(), Some("b3f1c2d4-0001"));
    assert_eq!(l.merchant_reference.as_deref(), Some("01JD-att-7"));
    assert_eq!(l.order_code.as_deref(), Some("4012345678901234"));
    assert_eq!(l.scheme.as_deref(), Some("Visa"));
    assert_eq!(l.stan.as_deref(), Some("000871"));
    assert_eq!(l.amount, Money::new(1_890, Currency::Eur));
    assert_eq!(batch.lines[1].kind, LineKind::Refund);
    assert_eq!(batch.lines[1].amount, Money::new(-1_890, Currency::Eur));
}

/// A German acquirer's style: ';', decimal comma, local time without offset, German
/// type words, saved as JSON by a manager and loaded back.
#[test]
fn custom_preset_round_trips_as_json() {
    let mut p = Preset::generic();
    p.name = "sparkasse".into();
    p.delimiter = ';';
    p.columns.date_time = Column::named(&["Buchungszeit"]);
    p.columns.amount = Column::named(&["Betrag"]);
    p.columns.kind = Some(Column::named(&["Art"]));
    p.columns.currency = None;
    p.amount = AmountFormat::Decimal { separator: ',' };
    p.date_time = DateFormat::Pattern { pattern: "%d.%m.%Y %H:%M:%S".into(), utc_offset_minutes: 60 };
    p.types = [("Umsatz", LineKind::Sale), ("Gutschrift", LineKind::Refund), ("Entgelt", LineKind::Fee)]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    let json = serde_json::to_string(&p).unwrap();
    let back: Preset = serde_json::from_str(&json).unwrap();
    assert_eq!(back, p);
    let text = "transaction_id;merchant_reference;terminal_id;Buchungszeit;card_scheme;masked_pan;Betrag;auth_code;rrn;stan;Art\n\
        Z-1;;T-55;21.11.2026 19:45:03;girocard;;1234,50;;;000017;Umsatz\n\
        Z-2;;T-55;21.11.2026 21:00:00;girocard;;0,39;;;;ENTGELT\n";
    let batch = parse(text.as_bytes(), &back, &Expect { currency: Some(Currency::Eur), ..Default::default() }).unwrap();
    assert_eq!(batch.lines[0].amount, Money::new(123_450, Currency::Eur));
    assert_eq!(batch.lines[0].date_time.to_rfc3339(), "2026-11-21T19:45:03+01:00");
    assert_eq!(batch.lines[1].kind, LineKind::Fee);
    assert_eq!(batch.lines[1].amount, Money::new(-39, Currency::Eur));
}

#[test]
fn headerless_file_by_index_in_minor_units() {
    let mut p = Preset::generic();
    p.has_header = false;
    p.columns = quay_dayend::bank::Columns {
        transaction_id: Some(Column::at(0)),
        merchant_reference: None,
        order_code: None,
        merchant_id: None,
        terminal_id: Some(Column::at(1)),
        date_time: Column::at(2),
        scheme: None,
        masked_pan: None,
        amount: Column::at(3),
        currency: Some(Column::at(4)),
        auth_code: None,
        rrn: None,
        stan: None,
        kind: None,
    };
    p.amount = AmountFormat::Minor;
    let text = "A1,T1,2026-11-21T10:00:00+07:00,45000,VND\nA2,T1,2026-11-21T11:00:00+07:00,-12000,VND\n";
    let batch = parse(text.as_bytes(), &p, &Expect::default()).unwrap();
    assert_eq!(batch.lines[0].line, 1);
    assert_eq!(batch.lines[0].kind, LineKind::Sale);
    // Without a type column the sign decides.
    assert_eq!(batch.lines[1].kind, LineKind::Refund);
    assert_eq!(batch.lines[1].amount, vnd(-12_000));
}

fn with_merchant(rows: &[&str]) -> Vec<u8> {
    let mut s = format!("merchant_id,{HEADER}");
    for r in rows {
        s.push('\n');
        s.push_str(r);
    }
    s.into_bytes()
}

#[test]
fn refusals_name_line_and_column() {
    use BankError::*;
    let g = Preset::generic();
    let none = Expect::default();
    let vnd_only = Expect { currency: Some(Currency::Vnd), ..Default::default() };
    let t1 = Expect { terminal_ids: vec!["T0001".into()], ..Default::default() };
    let m100 = Expect { merchant_id: Some("M-100".into()), ..Default::default() };
    let semicolon = HEADER.replace(',', ";") + "\n" + &SALE_VND.replace(',', ";");
    let tabs = HEADER.replace(',', "\t") + "\n";
    let mut latin1 = file(&[SALE_VND]);
    latin1.extend_from_slice(b"VB-9,,T0001,2026-11-21T12:00:00+07:00,visa,,45000,VND,,,,sale\nVB-10,Ph\xf4 b\xf2,T0001,2026-11-21T12:00:00+07:00,visa,,45000,VND,,,,sale\n");
    let no_rrn = HEADER.replace(",rrn", "") + "\n";
    let s = |t: &str| t.to_string();
    let cases: Vec<(&str, Vec<u8>, &Expect, BankError)> = vec![
        ("semicolons", semicolon.into_bytes(), &none, WrongDelimiter { found: s(";"), expected: s(",") }),
        ("tabs", tabs.into_bytes(), &none, WrongDelimiter { found: s("tab"), expected: s(",") }),
        ("latin-1 on line 4", latin1, &none, NotUtf8 { line: 4 }),
        ("empty", vec![], &none, Empty),
        ("only a BOM and blank lines", b"\xEF\xBB\xBF\n\n".to_vec(), &none, Empty),
        ("no rrn column", no_rrn.into_bytes(), &none, MissingColumn { column: s("rrn") }),
        (
            "VND with decimals",
            file(&[SALE_VND, &SALE_VND.replace(",45000,", ",45000.5,")]),
            &none,
            BadAmount { line: 3, column: s("amount"), text: s("45000.5") },
        ),
        (
            "decimal comma in a '.' preset",
            file(&["VW-1,,T0001,2026-11-21T12:00:00+01:00,visa,,\"12,50\",EUR,,,,sale"]),
            &none,
            BadAmount { line: 2, column: s("amount"), text: s("12,50") },
        ),
        (
            "date without offset",
            file(&[&SALE_VND.replace("2026-11-21T12:03:11+07:00", "21/11/2026 12:03")]),
            &none,
            BadDate { line: 2, column: s("date_time"), text: s("21/11/2026 12:03") },
        ),
        (
            "mixed currencies",
            file(&[SALE_VND, "VW-1,,T0001,2026-11-21T12:00:00+01:00,visa,,12.50,EUR,,,,sale"]),
            &none,
            MixedCurrency { line: 3, expected: s("VND"), found: s("EUR") },
        ),
        (
            "EUR file at a VND counter",
            file(&["VW-1,,T0001,2026-11-21T12:00:00+01:00,visa,,12.50,EUR,,,,sale"]),
            &vnd_only,
            WrongCurrency { line: 2, expected: s("VND"), found: s("EUR") },
        ),
        (
            "another terminal",
            file(&[SALE_VND, REFUND_VND, &SALE_VND.replace("T0001", "T0009")]),
            &t1,
            OtherTerminal { line: 4, terminal: s("T0009") },
        ),
        (
            "another merchant",
            with_merchant(&[&format!("M-200,{SALE_VND}")]),
            &m100,
            OtherMerchant { line: 2, merchant: s("M-200"), expected: s("M-100") },
        ),
        ("unknown type", file(&[&SALE_VND.replace(",sale", ",void")]), &none, UnknownType { line: 2, column: s("type"), value: s("void") }),
        (
            "unknown currency",
            file(&[&SALE_VND.replace(",VND,", ",XYZ,")]),
            &none,
            UnknownCurrency { line: 2, column: s("currency"), code: s("XYZ") },
        ),
        (
            "short line",
            file(&[SALE_VND, "VB-0002,,T0001,2026-11-21T12:10:00+07:00,visa,,45000,VND,,,sale"]),
            &none,
            FieldCount { line: 3, expected: 12, found: 11 },
        ),
        ("negative sale", file(&[&SALE_VND.replace(",45000,", ",-45000,")]), &none, NegativeSale { line: 2, column: s("amount") }),
        ("empty amount", file(&[&SALE_VND.replace(",45000,", ",,")]), &none, MissingValue { line: 2, column: s("amount") }),
    ];
    for (name, bytes, expect, want) in cases {
        assert_eq!(parse(&bytes, &g, expect), Err(want), "{name}");
    }
}

#[test]
fn unusable_presets_are_refused_before_reading() {
    let mut p = Preset::generic();
    p.delimiter = '"';
    assert!(matches!(parse(&file(&[SALE_VND]), &p, &Expect::default()), Err(BankError::BadPreset { .. })));
    let mut p = Preset::generic();
    p.amount = AmountFormat::Decimal { separator: ',' };
    assert!(matches!(parse(&file(&[SALE_VND]), &p, &Expect::default()), Err(BankError::BadPreset { .. })));
    let mut p = Preset::generic();
    p.has_header = false;
    assert!(matches!(parse(&file(&[SALE_VND]), &p, &Expect::default()), Err(BankError::BadPreset { .. })));
}

#[test]
fn errors_are_localized_with_bank_ids() {
    let e = BankError::BadAmount { line: 3, column: "amount".into(), text: "45000.5".into() };
    assert_eq!(e.code(), "err-bank-bad-amount");
    let names: Vec<&str> = e.args().iter().map(|(k, _)| *k).collect();
    assert_eq!(names, ["line", "column", "text"]);
    assert_eq!(BankError::Empty.code(), "err-bank-empty");
}

#[test]
fn fingerprint_ignores_layout_but_not_content() {
    let a = parse(&file(&[SALE_VND, REFUND_VND, FEE_VND]), &Preset::generic(), &Expect::default()).unwrap();
    let crlf_reordered = format!("\u{feff}{HEADER}\r\n{FEE_VND}\r\n\"VB-0001\",{}\r\n{REFUND_VND}\r\n", &SALE_VND[8..]);
    let b = parse(crlf_reordered.as_bytes(), &Preset::generic(), &Expect::default()).unwrap();
    assert_eq!(a.fingerprint(), b.fingerprint());
    assert_eq!(a.fingerprint().len(), 64);
    let c = parse(&file(&[&SALE_VND.replace(",45000,", ",46000,"), REFUND_VND, FEE_VND]), &Preset::generic(), &Expect::default()).unwrap();
    assert_ne!(a.fingerprint(), c.fingerprint());
}

#[test]
fn stable_ids_make_overlapping_imports_add_nothing_twice() {
    let no_tx = ",,T0001,2026-11-21T13:00:00+07:00,visa,,99000,VND,QQ1234,,,sale";
    let monday = parse(&file(&[SALE_VND, no_tx]), &Preset::generic(), &Expect::default()).unwrap();
    let overlap = parse(&file(&[REFUND_VND, no_tx, SALE_VND]), &Preset::generic(), &Expect::default()).unwrap();
    assert!(monday.lines[1].id.starts_with("h:"));
    assert_eq!(monday.lines[1].id, overlap.lines[1].id, "same fields, same id, whatever the line number");
    let known: HashSet<String> = monday.lines.iter().map(|l| l.id.clone()).collect();
    let new: Vec<&str> = overlap.new_lines(&known).map(|l| l.id.as_str()).collect();
    assert_eq!(new, ["refund:VB-0002"]);
}
