//! The card payment use case over the journal, with a scripted terminal standing in for
//! the device: these tests are about the counter's decisions (journal first, one attempt
//! in flight, unknown is a state, completion after a restart, split tender). The wire
//! protocols are tested against their simulators in quay-pay.

use std::sync::Mutex;

use quay_app::card::{CardTerminal, Progress, TerminalOutcome};
use quay_app::Counter;
use quay_core::payment::PaymentState;
use quay_core::tender::TenderKind;
use quay_core::{Currency, Money};
use quay_store::{CardDetails, PaymentRecord};

const DEMO: &[u8] = include_bytes!("../../../assets/demo-menu.json");

/// Answers charges and enquiries from two queues, and counts the charges it received.
struct Scripted {
    charges: Mutex<Vec<TerminalOutcome>>,
    enquiries: Mutex<Vec<TerminalOutcome>>,
    charged: Mutex<Vec<(String, i64)>>,
}

impl Scripted {
    fn new(charges: Vec<TerminalOutcome>, enquiries: Vec<TerminalOutcome>) -> Scripted {
        Scripted { charges: Mutex::new(charges), enquiries: Mutex::new(enquiries), charged: Mutex::new(vec![]) }
    }
}

impl CardTerminal for Scripted {
    fn kind(&self) -> &'static str {
        "zvt"
    }
    fn charge(&self, key: &str, amount: Money, on: &dyn Fn(Progress<'_>)) -> TerminalOutcome {
        on(Progress::Status("zvt-status-insert-card"));
        self.charged.lock().unwrap().push((key.to_string(), amount.minor));
        self.charges.lock().unwrap().remove(0)
    }
    fn enquire(&self, _: &PaymentRecord) -> TerminalOutcome {
        self.enquiries.lock().unwrap().remove(0)
    }
    fn refund(&self, key: &str, _: &PaymentRecord, amount: Money, _: &dyn Fn(&str)) -> TerminalOutcome {
        self.charged.lock().unwrap().push((key.to_string(), -amount.minor));
        self.charges.lock().unwrap().remove(0)
    }
}

fn approved(receipt: &str) -> TerminalOutcome {
    TerminalOutcome::Approved(CardDetails {
        terminal_id: Some("52500001".into()),
        masked_pan: Some("4111********1111".into()),
        brand: Some("Visa".into()),
        auth_code: Some("A1B2C3".into()),
        trace: Some("000982".into()),
        receipt_no: Some(receipt.into()),
        ..Default::default()
    })
}

fn declined(code: &str) -> TerminalOutcome {
    TerminalOutcome::Declined(CardDetails { result_code: Some(code.into()), result_source: Some("iso8583".into()), ..Default::default() })
}

fn counter(dir: &std::path::Path) -> Counter {
    let c = Counter::open(dir).unwrap();
    if c.menu().is_err() {
        c.import_menu(&quay_app::Who::Setup, DEMO).unwrap();
    }
    c
}

fn fill_cart(c: &Counter, co: &quay_app::Checkout) -> i64 {
    c.edit_cart(co, &quay_app::Who::Setup, |cart, m, now| Ok(cart.add(m, "i-phobo", &[], 1, None, now)?)).unwrap();
    c.edit_cart(co, &quay_app::Who::Setup, |cart, m, now| Ok(cart.add(m, "i-croissant", &[], 1, None, now)?)).unwrap();
    co.cart_snapshot().totals().unwrap().total.minor
}

#[test]
fn approved_card_closes_the_sale_with_the_terminal_reference() {
    let dir = tempfile::tempdir().unwrap();
    let c = counter(dir.path());
    let co = c.checkout();
    let total = fill_cart(&c, &co);
    let t = Scripted::new(vec![approved("0233")], vec![]);
    let statuses = Mutex::new(vec![]);
    let r = c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|s| statuses.lock().unwrap().push(s.to_string())).unwrap();
    let sale = r.sale.expect("the card paid everything");
    assert_eq!((r.state, r.remaining), (PaymentState::Approved, 0));
    assert_eq!(sale.tenders.len(), 1);
    assert_eq!((sale.tenders[0].kind, sale.tenders[0].amount), (TenderKind::Card, total));
    assert_eq!(sale.tenders[0].reference.as_deref(), Some("0233"));
    assert_eq!(statuses.lock().unwrap().as_slice(), ["zvt-status-insert-card"]);
    assert!(co.cart_snapshot().is_empty());
    let key = &t.charged.lock().unwrap()[0].0;
    assert!(key.starts_with(&sale.id.to_string()), "the attempt is keyed by the sale's id");
    let log = c.payments_on(&quay_app::Who::Setup, c.today()).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].details.auth_code.as_deref(), Some("A1B2C3"));
}

#[test]
fn a_decline_is_explained_and_the_next_attempt_is_the_same_sale() {
    let dir = tempfile::tempdir().unwrap();
    let c = counter(dir.path());
    let co = c.checkout();
    let total = fill_cart(&c, &co);
    let t = Scripted::new(vec![declined("51"), declined("77"), approved("0234")], vec![]);
    let e = c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).unwrap_err();
    assert_eq!(e.code, "decline-insufficient-funds");
    assert_eq!(c.message(&e), "Declined: insufficient funds (51).", "the reason and the issuer's code");
    let e = c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).unwrap_err();
    assert_eq!(e.code, "decline-code");
    assert_eq!(c.message(&e), "Declined by the bank (77).", "an unknown code: declined by the bank, and the code");
    assert_eq!(co.cart_snapshot().lines.len(), 2, "a decline keeps the cart");
    let sale = c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).unwrap().sale.unwrap();
    assert_eq!(sale.total, total);
    let charged = t.charged.lock().unwrap();
    assert_eq!(charged.iter().map(|(k, _)| k.rsplit('-').next().unwrap().to_string()).collect::<Vec<_>>(), ["1", "2", "3"]);
    assert!(charged.iter().all(|(k, _)| k.starts_with(&sale.id.to_string())));
}

#[test]
fn unknown_blocks_a_new_attempt_and_a_restart_completes_the_sale_from_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let total = {
        let c = counter(dir.path());
        let co = c.checkout();
        let total = fill_cart(&c, &co);
        let unknown = || TerminalOutcome::Unknown(CardDetails { message: Some("T4 expired".into()), ..Default::default() });
        // The second attempt first asks the terminal about the first; it cannot tell yet.
        let t = Scripted::new(vec![unknown()], vec![unknown()]);
        assert_eq!(c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).unwrap_err().code, "err-card-unknown");
        // Never charged twice: a second attempt is refused while the first is unknown.
        assert_eq!(c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).unwrap_err().code, "err-payment-unresolved");
        assert_eq!(t.charged.lock().unwrap().len(), 1);
        total
        // The app dies here; the cart lived only in memory.
    };
    let c = counter(dir.path());
    let co = c.checkout();
    assert!(co.cart_snapshot().is_empty());
    let t = Scripted::new(vec![], vec![approved("0235")]);
    let settled = c.resolve_payments(&quay_app::Who::Setup, &t).unwrap();
    assert_eq!(settled.iter().map(|p| p.state).collect::<Vec<_>>(), [PaymentState::Approved]);
    assert!(t.charged.lock().unwrap().is_empty(), "resolution asks, it never charges");
    let rows = c.sales_on(&quay_app::Who::Setup, c.today()).unwrap();
    assert_eq!(rows.len(), 1, "the approved payment's sale was completed");
    assert_eq!((rows[0].sale.total, rows[0].sale.tenders[0].kind), (total, TenderKind::Card));
    assert_eq!(rows[0].sale.id, settled[0].sale_id);
    assert!(c.resolve_payments(&quay_app::Who::Setup, &t).unwrap().is_empty(), "nothing left to resolve");
}

#[test]
fn a_declined_enquiry_abandons_the_sale_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    {
        let c = counter(dir.path());
        let co = c.checkout();
        fill_cart(&c, &co);
        let t = Scripted::new(
            vec![TerminalOutcome::Unknown(CardDetails { message: Some("connection lost".into()), ..Default::default() })],
            vec![],
        );
        c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).unwrap_err();
    }
    let c = counter(dir.path());
    let t = Scripted::new(vec![], vec![declined("05")]);
    let settled = c.resolve_payments(&quay_app::Who::Setup, &t).unwrap();
    assert_eq!(settled[0].state, PaymentState::Declined);
    assert!(c.sales_on(&quay_app::Who::Setup, c.today()).unwrap().is_empty());
}

#[test]
fn split_tender_card_then_cash() {
    let dir = tempfile::tempdir().unwrap();
    let c = counter(dir.path());
    let co = c.checkout();
    let total = fill_cart(&c, &co);
    let t = Scripted::new(vec![approved("0236")], vec![]);
    let part = Money::new(50_000, Currency::Vnd);
    let r = c.pay_card(&co, &quay_app::Who::Setup, &t, Some(part), &|_| {}).unwrap();
    assert!(r.sale.is_none());
    assert_eq!(r.remaining, total - 50_000);
    assert_eq!(
        c.pay_card(&co, &quay_app::Who::Setup, &t, Some(Money::new(total, Currency::Vnd)), &|_| {}).unwrap_err().code,
        "err-card-amount"
    );
    let sale = c.pay_cash(&co, &quay_app::Who::Setup, Some(Money::new(100_000, Currency::Vnd))).unwrap();
    assert_eq!(
        sale.tenders.iter().map(|t| (t.kind, t.amount)).collect::<Vec<_>>(),
        [(TenderKind::Card, 50_000), (TenderKind::Cash, total - 50_000)]
    );
    assert_eq!(sale.tenders[1].change, Some(100_000 - (total - 50_000)));
    sale.check().unwrap();
}

#[test]
fn a_card_sale_is_voided_only_once_its_card_is_paid_back() {
    let dir = tempfile::tempdir().unwrap();
    let c = counter(dir.path());
    let co = c.checkout();
    let total = fill_cart(&c, &co);
    let t = Scripted::new(vec![approved("0240"), declined("05"), approved("0241")], vec![]);
    let sale = c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).unwrap().sale.unwrap();
    // The refund is declined: no void is written, the sale stands.
    assert_eq!(
        c.void_sale_refunding(sale.id, "wrong table", &t, &quay_app::Who::Setup, &quay_app::Who::Setup).unwrap_err().code,
        "decline-do-not-honour"
    );
    assert_eq!(c.sales_on(&quay_app::Who::Setup, c.today()).unwrap().len(), 1);
    // Approved: the void is written, with the card tender negated.
    let void = c.void_sale_refunding(sale.id, "wrong table", &t, &quay_app::Who::Setup, &quay_app::Who::Setup).unwrap();
    assert_eq!((void.total, void.tenders[0].amount), (-total, -total));
    let refunds: Vec<_> = c
        .payments_on(&quay_app::Who::Setup, c.today())
        .unwrap()
        .into_iter()
        .filter(|p| p.kind == quay_core::payment::PaymentKind::Refund)
        .map(|p| p.state)
        .collect();
    assert_eq!(refunds, [PaymentState::Declined, PaymentState::Approved]);
    assert_eq!(t.charged.lock().unwrap().last().unwrap().1, -total, "the refund was of the sale's card amount");
}

#[test]
fn a_decline_is_explained_by_the_table_of_whoever_gave_the_code() {
    use quay_app::card::decline_error;
    let cases = [
        ("iso8583", "51", "decline-insufficient-funds"),
        ("iso8583", "43", "decline-lost-stolen"),
        ("zvt", "64", "zvt-error-card-unreadable"),
        ("zvt", "6E", "zvt-error-card-blocked"),
        // Unknown codes: declined by the bank (or the terminal), with the code.
        ("iso8583", "Q7", "decline-code"),
        ("zvt", "C3", "decline-terminal-code"),
        ("viva", "10051", "decline-insufficient-funds"),
        ("viva", "10999", "decline-code"),
    ];
    for (source, code, id) in cases {
        let d = CardDetails { result_code: Some(code.into()), result_source: Some(source.into()), ..Default::default() };
        assert_eq!(decline_error(&d).code, id, "{source} {code}");
    }
}

/// What the cashier reads, for each kind of decline: the reason translated and the code
/// exactly as the partner gave it (the bank asks for it on the phone).
#[test]
fn a_decline_says_its_reason_and_its_code() {
    use quay_app::card::decline_error;
    use quay_i18n::{Lang, Localizer};
    let loc = Localizer::new().unwrap();
    let d = |source: &str, code: Option<&str>, issuer: Option<&str>| CardDetails {
        result_code: code.map(Into::into),
        result_source: Some(source.into()),
        issuer_code: issuer.map(Into::into),
        ..Default::default()
    };
    let cases = [
        (d("iso8583", Some("51"), None), Lang::En, "Declined: insufficient funds (51)."),
        (d("zvt", Some("6E"), None), Lang::En, "The card is blocked (ZVT 6E)."),
        (d("viva", Some("10051"), None), Lang::En, "Declined: insufficient funds (Viva 10051)."),
        (d("viva", Some("10051"), Some("51")), Lang::En, "Declined: insufficient funds (Viva 10051, bank code 51)."),
        (d("viva", Some("10051"), Some("51")), Lang::Vi, "Bị từ chối: số dư không đủ (Viva 10051, mã ngân hàng 51)."),
        (d("viva", Some("10051"), Some("51")), Lang::ZhCn, "交易被拒：余额不足（Viva 10051，银行代码 51）。"),
        (
            d("viva", Some("10301"), Some("65")),
            Lang::En,
            "Declined: the card's bank asks for the PIN; insert the card and pay again (Viva 10301). \
             The card's bank says: Declined: over the card's limit (65).",
        ),
        (d("viva", Some("10777"), None), Lang::En, "Declined by the bank (Viva 10777)."),
        (d("viva", None, None), Lang::En, "Declined: no reason code was given."),
        (d("zvt", Some("C3"), None), Lang::El, "Το τερματικό απέρριψε την πληρωμή (ZVT C3)."),
    ];
    for (details, lang, want) in cases {
        assert_eq!(loc.error(lang, &decline_error(&details)), want, "{details:?}");
    }
}

/// Every code a partner can send — the issuer's 00–99, the ZVT terminal's own 64–FF,
/// Viva's Event IDs 10000–10100 with and without the issuer's code beside them, and its
/// own — is said in every language with its code in it, never as a bare message id.
#[test]
fn every_decline_code_is_said_with_its_code_in_every_language() {
    use quay_app::card::decline_error;
    use quay_i18n::{Lang, Localizer};
    let loc = Localizer::new().unwrap();
    let mut cases: Vec<(&str, String, Option<String>)> = Vec::new();
    cases.extend((0..=99).map(|n| ("iso8583", format!("{n:02}"), None)));
    cases.push(("iso8583", "1A".into(), None));
    cases.extend((0x64..=0xFFu32).map(|n| ("zvt", format!("{n:02X}"), None)));
    for n in 10_000..=10_100u32 {
        cases.push(("viva", n.to_string(), None));
        cases.push(("viva", n.to_string(), Some(format!("{:02}", n % 100))));
    }
    for n in [2108u32, 6614, 6624, 6650, 10_200, 10_301] {
        cases.push(("viva", n.to_string(), Some("05".into())));
    }
    for (source, code, issuer) in &cases {
        let details = CardDetails {
            result_code: Some(code.clone()),
            result_source: Some((*source).into()),
            issuer_code: issuer.clone(),
            ..Default::default()
        };
        let e = decline_error(&details);
        let en = loc.error(Lang::En, &e);
        for lang in Lang::ALL {
            let text = loc.error(lang, &e);
            let shown = if code == "00" || code == "0" { None } else { Some(code.as_str()) };
            if let Some(code) = shown {
                assert!(text.contains(code), "{lang} {source} {code}: {text}");
            }
            if let Some(i) = issuer.as_deref().filter(|i| *i != "00") {
                assert!(text.contains(i), "{lang} {source} {code} issuer {i}: {text}");
            }
            assert!(!text.contains("decline-") && !text.contains("zvt-error-") && !text.contains('{'), "{lang}: {text}");
            if lang != Lang::En {
                assert_ne!(text, en, "{lang} is translated: {text}");
            }
        }
    }
}
