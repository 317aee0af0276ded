//! The matcher and manual settlements, as tables of small realistic days.

use chrono::{DateTime, FixedOffset};
use quay_core::error::Localized;
use quay_core::money::{Currency, Money};
use quay_dayend::bank::{BankLine, LineKind};
use quay_dayend::matcher::{reconcile, Category, CounterPayment, Item, MatchConfig, PaymentKind, Reconciliation, Rule};
use quay_dayend::settle::{apply, Settlement};
use quay_dayend::{synth, SettleError};
use Category::*;

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// Times on 2026-11-21 in Ho Chi Minh City unless a full date is given.
fn at(s: &str) -> DateTime<FixedOffset> {
    if s.len() == 5 {
        t(&format!("2026-11-21T{s}:00+07:00"))
    } else {
        t(s)
    }
}

fn money(minor: i64, cur: &str) -> Money {
    Money::new(minor, cur.parse::<Currency>().unwrap())
}

fn pay(id: &str, minor: i64, cur: &str, when: &str) -> CounterPayment {
    CounterPayment {
        id: id.into(),
        kind: PaymentKind::Sale,
        amount: money(minor, cur),
        at: at(when),
        terminal_id: None,
        auth_code: None,
        rrn: None,
        stan: None,
        receipt_no: None,
        provider_ref: None,
        brand: None,
        masked_pan: None,
        approved: true,
    }
}

fn bank(line: u64, tx: Option<&str>, minor: i64, cur: &str, when: &str, kind: LineKind) -> BankLine {
    let mut l = BankLine {
        line,
        id: String::new(),
        transaction_id: tx.map(String::from),
        merchant_reference: None,
        order_code: None,
        merchant_id: None,
        terminal_id: None,
        date_time: at(when),
        scheme: Some("visa".into()),
        masked_pan: Some("411111******1111".into()),
        amount: money(minor, cur),
        currency: money(0, cur).currency,
        auth_code: None,
        rrn: None,
        stan: None,
        kind,
    };
    l.compute_id();
    l
}

fn sale(line: u64, tx: &str, minor: i64, cur: &str, when: &str) -> BankLine {
    bank(line, Some(tx), minor, cur, when, LineKind::Sale)
}

fn with<T>(mut v: T, f: impl FnOnce(&mut T)) -> T {
    f(&mut v);
    v
}

/// Recomputes the stable id after a test edited a bank line's fields.
fn fix(mut l: BankLine) -> BankLine {
    l.compute_id();
    l
}

fn s(v: &str) -> Option<String> {
    Some(v.to_string())
}

struct Case {
    name: &'static str,
    counter: Vec<CounterPayment>,
    bank: Vec<BankLine>,
    config: MatchConfig,
    /// "b3" = bank line 3, anything else = counter id; category and rule.
    expect: Vec<(&'static str, Category, Option<Rule>)>,
}

fn case(
    name: &'static str,
    counter: Vec<CounterPayment>,
    bank: Vec<BankLine>,
    expect: Vec<(&'static str, Category, Option<Rule>)>,
) -> Case {
    Case { name, counter, bank, config: MatchConfig::default(), expect }
}

fn key(item: &Item) -> String {
    match item {
        Item::Bank { line, .. } => format!("b{line}"),
        Item::Counter { id } => id.to_string(),
    }
}

fn outcome<'a>(r: &'a Reconciliation, k: &str) -> &'a quay_dayend::Outcome {
    r.bank.iter().chain(&r.counter).find(|o| key(&o.item) == k).unwrap_or_else(|| panic!("no outcome {k}"))
}

fn check(c: &Case) -> Reconciliation {
    let r = reconcile(&c.counter, &c.bank, &c.config);
    let got: Vec<(String, Category, Option<Rule>)> = r.bank.iter().chain(&r.counter).map(|o| (key(&o.item), o.category, o.rule)).collect();
    let want: Vec<(String, Category, Option<Rule>)> = c.expect.iter().map(|(k, cat, rule)| (k.to_string(), *cat, *rule)).collect();
    assert_eq!(got, want, "case {:?}", c.name);
    // Links are symmetric.
    for o in r.bank.iter().chain(&r.counter) {
        if matches!(o.category, Matched | MatchedWithDifference) {
            let other = outcome(&r, &key(o.matched_to.as_ref().unwrap()));
            assert_eq!(other.matched_to.as_ref(), Some(&o.item), "case {:?}", c.name);
        }
    }
    let total: usize = r.summary.counts.values().sum();
    assert_eq!(total, r.bank.len() + r.counter.len());
    r
}

const REF: Option<Rule> = Some(Rule::Reference);
const AUTH: Option<Rule> = Some(Rule::TerminalAuth);
const AMT: Option<Rule> = Some(Rule::AmountWindow);

fn cases() -> Vec<Case> {
    let viva_sale = with(sale(2, "b3f1-0001", 1_250, "EUR", "12:01"), |l| l.merchant_reference = s("att-1"));
    let zvt_pay = |id: &str, stan: &str| {
        with(pay(id, 45_000, "VND", "12:00"), |p| {
            p.terminal_id = s("T0001");
            p.auth_code = s("123456");
            p.stan = s(stan);
        })
    };
    let zvt_line = |line: u64, tx: &str, stan: &str, rrn: Option<&str>| {
        fix(with(sale(line, tx, 45_000, "VND", "12:02"), |l| {
            l.terminal_id = s("T0001");
            l.auth_code = s("123456");
            l.stan = s(stan);
            l.rrn = rrn.map(String::from);
        }))
    };
    vec![
        case(
            "merchant reference == counter id",
            vec![pay("att-1", 1_250, "EUR", "12:00")],
            vec![viva_sale.clone()],
            vec![("b2", Matched, REF), ("att-1", Matched, REF)],
        ),
        case(
            "transaction id == provider ref",
            vec![with(pay("att-2", 1_890, "EUR", "13:00"), |p| p.provider_ref = s("b3f1-0002"))],
            vec![sale(2, "b3f1-0002", 1_890, "EUR", "13:00")],
            vec![("b2", Matched, REF), ("att-2", Matched, REF)],
        ),
        case(
            "transaction id == receipt no",
            vec![with(pay("att-3", 85_000, "VND", "13:00"), |p| p.receipt_no = s("0042"))],
            vec![sale(2, "0042", 85_000, "VND", "13:00")],
            vec![("b2", Matched, REF), ("att-3", Matched, REF)],
        ),
        case(
            "order code == provider ref",
            vec![with(pay("att-4", 85_000, "VND", "13:00"), |p| p.provider_ref = s("4012345678901234"))],
            vec![fix(with(sale(2, "b3f1-0004", 85_000, "VND", "13:05"), |l| l.order_code = s("4012345678901234")))],
            vec![("b2", Matched, REF), ("att-4", Matched, REF)],
        ),
        case(
            "terminal + auth, ZVT gives no RRN",
            vec![zvt_pay("zvt-1", "000077")],
            vec![zvt_line(2, "BN-1", "000077", Some("632500000001"))],
            vec![("b2", Matched, AUTH), ("zvt-1", Matched, AUTH)],
        ),
        case(
            "RRN on both sides must agree",
            vec![with(zvt_pay("zvt-2", "000078"), |p| {
                p.rrn = s("632500000002");
                p.amount = money(46_000, "VND");
            })],
            vec![zvt_line(2, "BN-2", "000078", Some("632500000099"))],
            vec![("b2", MissingAtCounter, None), ("zvt-2", MissingAtBank, None)],
        ),
        case(
            "STAN breaks a tie between terminal+auth candidates",
            vec![zvt_pay("zvt-3", "000101"), zvt_pay("zvt-4", "000102")],
            vec![zvt_line(2, "BN-3", "000102", None)],
            vec![("b2", Matched, AUTH), ("zvt-3", MissingAtBank, None), ("zvt-4", Matched, AUTH)],
        ),
        case(
            "terminal+auth candidates equal but for nothing: ambiguous",
            vec![zvt_pay("zvt-5", "000201"), zvt_pay("zvt-6", "000202")],
            vec![zvt_line(2, "BN-5", "000999", None)],
            vec![("b2", Ambiguous, None), ("zvt-5", Ambiguous, None), ("zvt-6", Ambiguous, None)],
        ),
        case(
            "two lines equal except STAN are not matched on STAN",
            vec![with(pay("zvt-7", 45_000, "VND", "12:00"), |p| {
                p.terminal_id = s("T0001");
                p.stan = s("000123");
            })],
            vec![
                fix(with(sale(2, "BN-7", 45_000, "VND", "12:01"), |l| l.stan = s("000123"))),
                fix(with(sale(3, "BN-8", 45_000, "VND", "12:01"), |l| l.stan = s("000124"))),
            ],
            vec![("b2", Ambiguous, None), ("b3", Ambiguous, None), ("zvt-7", Ambiguous, None)],
        ),
        case(
            "same STAN and terminal, other amount: no match",
            vec![with(pay("zvt-8", 45_000, "VND", "12:00"), |p| {
                p.terminal_id = s("T0001");
                p.stan = s("000123");
            })],
            vec![fix(with(sale(2, "BN-9", 55_000, "VND", "12:01"), |l| {
                l.terminal_id = s("T0001");
                l.stan = s("000123");
            }))],
            vec![("b2", MissingAtCounter, None), ("zvt-8", MissingAtBank, None)],
        ),
        case(
            "amount within the window, next morning",
            vec![pay("c-1", 185_000, "VND", "19:30")],
            vec![sale(2, "BN-10", 185_000, "VND", "2026-11-22T02:00:00+07:00")],
            vec![("b2", Matched, AMT), ("c-1", Matched, AMT)],
        ),
        case(
            "amount window edge: exactly one day earlier matches",
            vec![pay("c-2", 185_000, "VND", "2026-11-22T19:30:00+07:00")],
            vec![sale(2, "BN-11", 185_000, "VND", "19:30")],
            vec![("b2", Matched, AMT), ("c-2", Matched, AMT)],
        ),
        case(
            "amount window edge: one second more does not",
            vec![pay("c-3", 185_000, "VND", "2026-11-22T19:30:01+07:00")],
            vec![sale(2, "BN-12", 185_000, "VND", "19:30")],
            vec![("b2", MissingAtCounter, None), ("c-3", NextBatch, None)],
        ),
        case(
            "amount outside the window, four days later",
            vec![pay("c-4", 185_000, "VND", "19:30")],
            vec![sale(2, "BN-13", 185_000, "VND", "2026-11-25T19:30:01+07:00")],
            vec![("b2", MissingAtCounter, None), ("c-4", MissingAtBank, None)],
        ),
        case(
            "two payments fit one line: ambiguous, never guessed",
            vec![pay("c-5", 45_000, "VND", "12:00"), pay("c-6", 45_000, "VND", "12:30")],
            vec![sale(2, "BN-14", 45_000, "VND", "12:31")],
            vec![("b2", Ambiguous, None), ("c-5", Ambiguous, None), ("c-6", Ambiguous, None)],
        ),
        case(
            "a tip: keys match, amount differs",
            vec![pay("att-1", 5_000, "EUR", "12:00")],
            vec![with(viva_sale.clone(), |l| l.amount = money(5_500, "EUR"))],
            vec![("b2", MatchedWithDifference, REF), ("att-1", MatchedWithDifference, REF)],
        ),
        case(
            "missing on both sides",
            vec![pay("c-7", 65_000, "VND", "12:00")],
            vec![sale(2, "BN-15", 75_000, "VND", "12:05")],
            vec![("b2", MissingAtCounter, None), ("c-7", MissingAtBank, None)],
        ),
        case(
            "duplicate line after a match",
            vec![pay("att-1", 1_250, "EUR", "12:00")],
            vec![viva_sale.clone(), with(viva_sale.clone(), |l| l.line = 3)],
            vec![("b2", Matched, REF), ("b3", Duplicate, None), ("att-1", Matched, REF)],
        ),
        case(
            "duplicate without a transaction id",
            vec![],
            vec![bank(2, None, 30_000, "VND", "09:00", LineKind::Sale), bank(3, None, 30_000, "VND", "09:00", LineKind::Sale)],
            vec![("b2", MissingAtCounter, None), ("b3", Duplicate, None)],
        ),
        case(
            "refund matched by reference",
            vec![with(pay("rf-1", 45_000, "VND", "14:00"), |p| p.kind = PaymentKind::Refund)],
            vec![fix(with(bank(2, Some("BN-16"), -45_000, "VND", "14:01", LineKind::Refund), |l| l.merchant_reference = s("rf-1")))],
            vec![("b2", Matched, REF), ("rf-1", Matched, REF)],
        ),
        case(
            "refunds unmatched on both sides",
            vec![with(pay("rf-2", 30_000, "VND", "14:00"), |p| p.kind = PaymentKind::Refund)],
            vec![bank(2, Some("BN-17"), -20_000, "VND", "14:01", LineKind::Refund)],
            vec![("b2", RefundUnmatched, None), ("rf-2", RefundUnmatched, None)],
        ),
        case(
            "a refund line never matches a sale",
            vec![pay("att-9", 45_000, "VND", "14:00")],
            vec![fix(with(bank(2, Some("BN-18"), -45_000, "VND", "14:01", LineKind::Refund), |l| l.merchant_reference = s("att-9")))],
            vec![("b2", RefundUnmatched, None), ("att-9", MissingAtBank, None)],
        ),
        case(
            "after the last bank line: next batch",
            vec![pay("c-8", 95_000, "VND", "21:00"), pay("c-9", 96_000, "VND", "23:30")],
            vec![sale(2, "BN-19", 10_000, "VND", "22:00")],
            vec![("b2", MissingAtCounter, None), ("c-8", MissingAtBank, None), ("c-9", NextBatch, None)],
        ),
        Case {
            name: "cut-off given by the caller",
            counter: vec![pay("c-10", 95_000, "VND", "21:00")],
            bank: vec![sale(2, "BN-20", 10_000, "VND", "22:00")],
            config: MatchConfig { cutoff: Some(at("20:00")), ..MatchConfig::default() },
            expect: vec![("b2", MissingAtCounter, None), ("c-10", NextBatch, None)],
        },
        case(
            "fees and chargebacks are never matched",
            vec![pay("att-1", 1_250, "EUR", "12:00")],
            vec![
                fix(with(bank(2, Some("b3f1-0001"), -25, "EUR", "12:01", LineKind::Fee), |l| l.merchant_reference = s("att-1"))),
                bank(3, Some("CB-1"), -1_250, "EUR", "12:30", LineKind::Chargeback),
            ],
            vec![("b2", FeeOrChargeback, None), ("b3", FeeOrChargeback, None), ("att-1", MissingAtBank, None)],
        ),
        case(
            "amounts in different currencies never match",
            vec![pay("c-11", 4_500, "EUR", "12:00")],
            vec![sale(2, "BN-21", 4_500, "VND", "12:00")],
            vec![("b2", MissingAtCounter, None), ("c-11", MissingAtBank, None)],
        ),
        case(
            "first rule wins: reference over terminal+auth",
            vec![
                pay("att-1", 1_250, "EUR", "12:00"),
                with(pay("zz-2", 1_250, "EUR", "12:00"), |p| {
                    p.terminal_id = s("T0100");
                    p.auth_code = s("654321");
                }),
            ],
            vec![fix(with(viva_sale.clone(), |l| {
                l.terminal_id = s("T0100");
                l.auth_code = s("654321");
            }))],
            vec![("b2", Matched, REF), ("att-1", Matched, REF), ("zz-2", MissingAtBank, None)],
        ),
        case(
            "declined payments are left out",
            vec![with(pay("att-1", 1_250, "EUR", "12:00"), |p| p.approved = false)],
            vec![viva_sale.clone()],
            vec![("b2", MissingAtCounter, None)],
        ),
        case(
            "charged twice under one reference: ambiguous",
            vec![pay("att-1", 1_250, "EUR", "12:00")],
            vec![
                viva_sale.clone(),
                fix(with(viva_sale.clone(), |l| {
                    l.line = 3;
                    l.transaction_id = s("b3f1-0099");
                })),
            ],
            vec![("b2", Ambiguous, None), ("b3", Ambiguous, None), ("att-1", Ambiguous, None)],
        ),
    ]
}

#[test]
fn matcher_table() {
    let all = cases();
    let mut seen = std::collections::HashSet::new();
    let mut rules = std::collections::HashSet::new();
    for c in &all {
        check(c);
        seen.extend(c.expect.iter().map(|e| e.1));
        rules.extend(c.expect.iter().filter_map(|e| e.2));
    }
    for cat in Category::ALL {
        assert!(seen.contains(&cat), "no case for {cat:?}");
    }
    assert!(rules.contains(&Rule::Reference) && rules.contains(&Rule::TerminalAuth) && rules.contains(&Rule::AmountWindow));
}

#[test]
fn details_of_outcomes() {
    let all = cases();
    let tip = check(all.iter().find(|c| c.name.starts_with("a tip")).unwrap());
    assert_eq!(outcome(&tip, "b2").difference, Some(money(500, "EUR")));
    let amb = check(all.iter().find(|c| c.name.starts_with("two payments fit")).unwrap());
    assert_eq!(outcome(&amb, "b2").candidates.len(), 2);
    let dup = check(all.iter().find(|c| c.name.starts_with("duplicate line")).unwrap());
    assert_eq!(outcome(&dup, "b3").matched_to.as_ref().map(key).as_deref(), Some("b2"));
    let declined = check(all.iter().find(|c| c.name.starts_with("declined")).unwrap());
    assert_eq!(declined.summary.declined_ignored, 1);
    let json = serde_json::to_string(&outcome(&tip, "b2")).unwrap();
    assert!(json.contains(r#""category":"matched_with_difference""#) && json.contains(r#""rule":"reference""#), "{json}");
}

#[test]
fn totals_per_currency() {
    let counter = vec![
        pay("a", 45_000, "VND", "12:00"),
        with(pay("b", 20_000, "VND", "13:00"), |p| p.kind = PaymentKind::Refund),
        pay("c", 1_250, "EUR", "12:00"),
        pay("late", 10_000, "VND", "23:50"),
    ];
    let bank = vec![
        sale(2, "X1", 45_000, "VND", "12:00"),
        bank(3, Some("X2"), -20_000, "VND", "13:00", LineKind::Refund),
        bank(4, Some("X3"), -500, "VND", "23:00", LineKind::Fee),
        sale(5, "X4", 1_300, "EUR", "12:00"),
        sale(6, "X4", 1_300, "EUR", "12:00"),
    ];
    let r = reconcile(&counter, &bank, &MatchConfig::default());
    let eur = r.summary.totals.iter().find(|t| t.currency == Currency::Eur).unwrap();
    assert_eq!((eur.counter, eur.bank, eur.difference), (money(1_250, "EUR"), money(1_300, "EUR"), money(50, "EUR")));
    let vnd = r.summary.totals.iter().find(|t| t.currency == Currency::Vnd).unwrap();
    assert_eq!(vnd.counter, money(35_000, "VND"));
    assert_eq!(vnd.bank, money(25_000, "VND"));
    assert_eq!(vnd.fees, money(-500, "VND"));
    assert_eq!(vnd.next_batch, money(10_000, "VND"));
    assert_eq!(vnd.difference, money(-10_000, "VND"));
    assert_eq!(r.summary.counts[&Duplicate], 1);
    assert_eq!(r.summary.counts[&NextBatch], 1);
}

fn ambiguous_day() -> (Vec<CounterPayment>, Vec<BankLine>, Reconciliation) {
    let counter = vec![pay("c-5", 45_000, "VND", "12:00"), pay("c-6", 45_000, "VND", "12:30"), pay("c-7", 99_000, "VND", "18:00")];
    let bank = vec![
        sale(2, "BN-14", 45_000, "VND", "12:31"),
        sale(3, "BN-15", 70_000, "VND", "19:00"),
        bank(4, Some("BN-16"), -300, "VND", "19:00", LineKind::Fee),
        sale(5, "BN-17", 10_000, "VND", "20:00"),
    ];
    let r = reconcile(&counter, &bank, &MatchConfig::default());
    (counter, bank, r)
}

#[test]
fn settlements_resolve_what_the_matcher_left_open() {
    let (counter, bank, r) = ambiguous_day();
    let out = apply(
        &r,
        &counter,
        &bank,
        &[
            Settlement::Link { bank_id: "sale:BN-14".into(), payment_id: "c-6".into(), reason: None },
            Settlement::NextBatch { payment_id: "c-5".into(), reason: s("terminal offline, sent tomorrow") },
            Settlement::EnterByHand { bank_id: "sale:BN-15".into(), reason: "rung on the old till".into() },
        ],
    )
    .unwrap();
    let b2 = outcome(&out, "b2");
    assert_eq!((b2.category, b2.rule), (Matched, Some(Rule::Manual)));
    assert_eq!(key(b2.matched_to.as_ref().unwrap()), "c-6");
    assert_eq!(key(outcome(&out, "c-6").matched_to.as_ref().unwrap()), "b2");
    assert_eq!(outcome(&out, "c-5").category, NextBatch);
    assert_eq!(outcome(&out, "b3").category, Matched);
    assert_eq!(outcome(&out, "b3").note.as_deref(), Some("rung on the old till"));
    assert_eq!(out.summary.counts[&Ambiguous], 0);
    assert_eq!(out.summary.counts[&Matched], 3);
    // A manual link with another amount records the difference.
    let out =
        apply(&r, &counter, &bank, &[Settlement::Link { bank_id: "sale:BN-15".into(), payment_id: "c-7".into(), reason: None }]).unwrap();
    assert_eq!(outcome(&out, "b3").category, MatchedWithDifference);
    assert_eq!(outcome(&out, "c-7").difference, Some(money(-29_000, "VND")));
}

#[test]
fn settlements_are_validated() {
    let (counter, bank, r) = ambiguous_day();
    let link = |b: &str, p: &str| Settlement::Link { bank_id: b.into(), payment_id: p.into(), reason: None };
    let cases: Vec<(&str, Vec<Settlement>, SettleError)> = vec![
        ("unknown line", vec![link("sale:NOPE", "c-5")], SettleError::UnknownLine { id: "sale:NOPE".into() }),
        ("unknown payment", vec![link("sale:BN-14", "nope")], SettleError::UnknownPayment { id: "nope".into() }),
        ("line twice", vec![link("sale:BN-14", "c-5"), link("sale:BN-14", "c-6")], SettleError::LineTwice { id: "sale:BN-14".into() }),
        (
            "payment twice",
            vec![link("sale:BN-14", "c-5"), Settlement::NextBatch { payment_id: "c-5".into(), reason: None }],
            SettleError::PaymentTwice { id: "c-5".into() },
        ),
        ("fee line", vec![link("fee:BN-16", "c-7")], SettleError::FeeLine { id: "fee:BN-16".into() }),
        ("no reason", vec![Settlement::EnterByHand { bank_id: "sale:BN-15".into(), reason: "  ".into() }], SettleError::NoReason),
    ];
    for (name, list, want) in cases {
        assert_eq!(apply(&r, &counter, &bank, &list), Err(want), "{name}");
    }
    // Already matched by a rule.
    let (counter, bank) = (vec![pay("c-1", 185_000, "VND", "19:30")], vec![sale(2, "BN-10", 185_000, "VND", "19:31")]);
    let r = reconcile(&counter, &bank, &MatchConfig::default());
    assert_eq!(
        apply(&r, &counter, &bank, &[Settlement::NextBatch { payment_id: "c-1".into(), reason: None }]),
        Err(SettleError::PaymentAlreadyMatched { id: "c-1".into() })
    );
    assert_eq!(
        apply(&r, &counter, &bank, &[Settlement::EnterByHand { bank_id: "sale:BN-10".into(), reason: "x".into() }]),
        Err(SettleError::LineAlreadyMatched { id: "sale:BN-10".into() })
    );
    assert_eq!(SettleError::NoReason.code(), "err-bank-settle-no-reason");
    let json = serde_json::to_string(&link("sale:BN-14", "c-5")).unwrap();
    assert_eq!(json, r#"{"action":"link","bank_id":"sale:BN-14","payment_id":"c-5","reason":null}"#);
}

#[test]
fn synthetic_day_has_every_category() {
    let (pays, lines) = synth::generate(4_000);
    assert_eq!((pays.len(), lines.len()), (4_000, 4_000));
    let r = reconcile(&pays, &lines, &MatchConfig::default());
    for cat in Category::ALL {
        assert!(r.summary.counts[&cat] > 0, "{cat:?}: {:?}", r.summary.counts);
    }
    // The generated file reads back to the same lines.
    let csv = synth::generic_csv(&lines);
    let batch = quay_dayend::parse(&csv, &quay_dayend::Preset::generic(), &Default::default()).unwrap();
    assert_eq!(batch.lines, lines);
}

/// A bank file that lists one card payment twice under two transaction ids. Lines equal
/// in everything but their own id, carrying the card network's identity of the payment
/// (auth code with RRN, or auth code with terminal and STAN), are one payment: the first
/// in the file is matched (or missing), the others are `duplicate` of it. Lines that
/// differ in anything, or lack that identity, may be two real charges: never guessed
/// duplicates. Identical lines without it are paired with as many payments that contend
/// for exactly them (any pairing says the same), else ambiguous.
fn listed_twice_cases() -> Vec<Case> {
    let zvt_pay = |id: &str, auth: &str, stan: &str| {
        with(pay(id, 45_000, "VND", "12:00"), |p| {
            p.terminal_id = s("T0001");
            p.auth_code = s(auth);
            p.stan = s(stan);
        })
    };
    let zvt_line = |line: u64, tx: &str, auth: &str, stan: &str, rrn: Option<&str>| {
        fix(with(sale(line, tx, 45_000, "VND", "12:02"), |l| {
            l.terminal_id = s("T0001");
            l.auth_code = s(auth);
            l.stan = s(stan);
            l.rrn = rrn.map(String::from);
        }))
    };
    let rrn = Some("632500000001");
    let viva_line = |line: u64, tx: &str| {
        fix(with(sale(line, tx, 1_250, "EUR", "12:01"), |l| {
            l.merchant_reference = s("att-1");
            l.terminal_id = s("16000123");
            l.auth_code = s("654321");
            l.rrn = s("632512345678");
            l.stan = s("123456");
        }))
    };
    let coffee = |line: u64, tx: &str| sale(line, tx, 45_000, "VND", "12:05");
    vec![
        case(
            "one ZVT payment listed twice: the first line in the file matched, the other a duplicate",
            vec![zvt_pay("zvt-1", "123456", "000077")],
            vec![zvt_line(2, "BN-9", "123456", "000077", rrn), zvt_line(3, "BN-1", "123456", "000077", rrn)],
            vec![("b2", Matched, AUTH), ("b3", Duplicate, None), ("zvt-1", Matched, AUTH)],
        ),
        case(
            "one Viva payment listed twice: matched by reference, the copy a duplicate",
            vec![pay("att-1", 1_250, "EUR", "12:00")],
            vec![viva_line(2, "b3f1-0001"), viva_line(3, "b3f1-0002")],
            vec![("b2", Matched, REF), ("b3", Duplicate, None), ("att-1", Matched, REF)],
        ),
        case(
            "listed three times, terminal and STAN without RRN, nothing at the counter",
            vec![],
            vec![
                zvt_line(2, "BN-1", "123456", "000077", None),
                zvt_line(3, "BN-2", "123456", "000077", None),
                zvt_line(4, "BN-3", "123456", "000077", None),
            ],
            vec![("b2", MissingAtCounter, None), ("b3", Duplicate, None), ("b4", Duplicate, None)],
        ),
        case(
            "two coffees on one card, the bank lists the first twice",
            vec![zvt_pay("zvt-a", "111111", "000301"), zvt_pay("zvt-b", "222222", "000302")],
            vec![zvt_line(2, "BN-1", "111111", "000301", rrn), zvt_line(3, "BN-2", "111111", "000301", rrn)],
            vec![("b2", Matched, AUTH), ("b3", Duplicate, None), ("zvt-a", Matched, AUTH), ("zvt-b", MissingAtBank, None)],
        ),
        case(
            "copies under the same id and under another: both duplicates of the first",
            vec![zvt_pay("zvt-1", "123456", "000077")],
            vec![
                sale(2, "BN-0", 99_000, "VND", "09:00"),
                zvt_line(3, "BN-1", "123456", "000077", rrn),
                zvt_line(4, "BN-1", "123456", "000077", rrn),
                zvt_line(5, "BN-2", "123456", "000077", rrn),
            ],
            vec![
                ("b2", MissingAtCounter, None),
                ("b3", Matched, AUTH),
                ("b4", Duplicate, None),
                ("b5", Duplicate, None),
                ("zvt-1", Matched, AUTH),
            ],
        ),
        case(
            "copies with another RRN are two charges: ambiguous",
            vec![zvt_pay("zvt-1", "123456", "000077")],
            vec![zvt_line(2, "BN-1", "123456", "000077", rrn), zvt_line(3, "BN-2", "123456", "000077", Some("632500000002"))],
            vec![("b2", Ambiguous, None), ("b3", Ambiguous, None), ("zvt-1", Ambiguous, None)],
        ),
        case(
            "copies a minute apart are two charges: ambiguous",
            vec![zvt_pay("zvt-1", "123456", "000077")],
            vec![
                zvt_line(2, "BN-1", "123456", "000077", rrn),
                fix(with(zvt_line(3, "BN-2", "123456", "000077", rrn), |l| l.date_time = at("12:03"))),
            ],
            vec![("b2", Ambiguous, None), ("b3", Ambiguous, None), ("zvt-1", Ambiguous, None)],
        ),
        case(
            "copies without auth code and RRN may be two charges: ambiguous",
            vec![pay("c-1", 45_000, "VND", "12:00")],
            vec![coffee(2, "BN-1"), coffee(3, "BN-2")],
            vec![("b2", Ambiguous, None), ("b3", Ambiguous, None), ("c-1", Ambiguous, None)],
        ),
        case(
            "two coffees, a file without auth codes: identical lines paired in order",
            vec![pay("c-1", 45_000, "VND", "12:00"), pay("c-2", 45_000, "VND", "12:01")],
            vec![coffee(2, "BN-1"), coffee(3, "BN-2")],
            vec![("b2", Matched, AMT), ("b3", Matched, AMT), ("c-1", Matched, AMT), ("c-2", Matched, AMT)],
        ),
        case(
            "three identical lines for two payments: ambiguous",
            vec![pay("c-1", 45_000, "VND", "12:00"), pay("c-2", 45_000, "VND", "12:01")],
            vec![coffee(2, "BN-1"), coffee(3, "BN-2"), coffee(4, "BN-3")],
            vec![
                ("b2", Ambiguous, None),
                ("b3", Ambiguous, None),
                ("b4", Ambiguous, None),
                ("c-1", Ambiguous, None),
                ("c-2", Ambiguous, None),
            ],
        ),
        case(
            "two identical lines, two payments, one of them also fits another line: ambiguous",
            vec![pay("c-1", 45_000, "VND", "12:00"), pay("c-2", 45_000, "VND", "2026-11-22T11:00:00+07:00")],
            vec![coffee(2, "BN-1"), coffee(3, "BN-2"), sale(4, "BN-3", 45_000, "VND", "2026-11-22T11:30:00+07:00")],
            vec![
                ("b2", Ambiguous, None),
                ("b3", Ambiguous, None),
                ("b4", Ambiguous, None),
                ("c-1", Ambiguous, None),
                ("c-2", Ambiguous, None),
            ],
        ),
        case(
            "two payments claim one network payment listed twice: the copy a duplicate, the rest ambiguous",
            vec![zvt_pay("zvt-1", "123456", "000077"), zvt_pay("zvt-2", "123456", "000077")],
            vec![zvt_line(2, "BN-1", "123456", "000077", rrn), zvt_line(3, "BN-2", "123456", "000077", rrn)],
            vec![("b2", Ambiguous, None), ("b3", Duplicate, None), ("zvt-1", Ambiguous, None), ("zvt-2", Ambiguous, None)],
        ),
    ]
}

#[test]
fn bank_lines_listed_twice() {
    let all = listed_twice_cases();
    for c in &all {
        check(c);
    }
    let named = |prefix: &str| check(all.iter().find(|c| c.name.starts_with(prefix)).unwrap());
    // A duplicate names the line it repeats: the first of them in the file.
    let r = named("one ZVT payment listed twice");
    assert_eq!(outcome(&r, "b3").matched_to.as_ref().map(key).as_deref(), Some("b2"));
    assert_eq!(outcome(&r, "zvt-1").matched_to.as_ref().map(key).as_deref(), Some("b2"));
    let r = named("listed three times");
    assert_eq!(outcome(&r, "b4").matched_to.as_ref().map(key).as_deref(), Some("b2"));
    let r = named("copies under the same id");
    assert_eq!(outcome(&r, "b5").matched_to.as_ref().map(key).as_deref(), Some("b3"));
    // Identical lines are paired in file order with the payments in counter order.
    let r = named("two coffees, a file without");
    assert_eq!(outcome(&r, "b2").matched_to.as_ref().map(key).as_deref(), Some("c-1"));
    assert_eq!(outcome(&r, "b3").matched_to.as_ref().map(key).as_deref(), Some("c-2"));
    // The payments two real charges could be stay candidates of both lines.
    let r = named("copies with another RRN");
    assert_eq!(outcome(&r, "zvt-1").candidates.len(), 2);
}

#[test]
fn a_payment_listed_twice_is_money_received_once() {
    let zvt = |line: u64, tx: &str| {
        fix(with(sale(line, tx, 45_000, "VND", "12:02"), |l| {
            l.terminal_id = s("T0001");
            l.auth_code = s("123456");
            l.rrn = s("632500000001");
        }))
    };
    let counter = vec![with(pay("zvt-1", 45_000, "VND", "12:00"), |p| {
        p.terminal_id = s("T0001");
        p.auth_code = s("123456");
    })];
    let bank = vec![zvt(2, "BN-1"), zvt(3, "BN-2"), sale(4, "BN-3", 10_000, "VND", "13:00")];
    let r = reconcile(&counter, &bank, &MatchConfig::default());
    let vnd = &r.summary.totals[0];
    assert_eq!((vnd.counter, vnd.bank, vnd.difference), (money(45_000, "VND"), money(55_000, "VND"), money(10_000, "VND")));
    assert_eq!((r.summary.counts[&Duplicate], r.summary.counts[&Matched], r.summary.counts[&Ambiguous]), (1, 2, 0));
    // Settling the rest leaves the duplicate out of the totals as well.
    let out = apply(&r, &counter, &bank, &[Settlement::EnterByHand { bank_id: "sale:BN-3".into(), reason: "old till".into() }]).unwrap();
    assert_eq!(out.summary.totals[0].bank, money(55_000, "VND"));
    assert_eq!(out.summary.counts[&Duplicate], 1);
    // A duplicate needs nothing of the manager (the bank is told), and cannot be settled.
    for list in [
        vec![Settlement::EnterByHand { bank_id: "sale:BN-2".into(), reason: "old till".into() }],
        vec![Settlement::Link { bank_id: "sale:BN-2".into(), payment_id: "zvt-1".into(), reason: None }],
    ] {
        assert_eq!(apply(&r, &counter, &bank, &list), Err(SettleError::DuplicateLine { id: "sale:BN-2".into() }));
    }
    assert_eq!(SettleError::DuplicateLine { id: "x".into() }.code(), "err-bank-settle-duplicate");
}
