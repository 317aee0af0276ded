//! A bank's virtual POS (seed 001, issue 17) end to end against the strict NestPay and
//! Garanti simulators: definitions (secrets encrypted and masked, bad input refused), the
//! connection test, phone payments approved and declined with every return code, a lost
//! answer settled by asking (never a second authorization), void the same day and refund
//! once the batch closed (the bank refusing the other), payment links with the scripted
//! cardholder and forged callbacks, a sale paid and voided, and the day end's comparison
//! by transaction code with a hand entry.

use std::sync::Arc;

use quay_app::ring::parse_line;
use quay_app::vpos::pay::{CardInput, Purpose};
use quay_app::vpos::{DefinitionInput, LinkInput, MotoInput};
use quay_app::{Counter, Who};
use quay_sim::vpos::{start_in_thread, RunningVpos, VposCurrency, VposSim, VposSimConfig, APPROVED_CARD, TEST_CARDS};
use zeroize::Zeroizing;

const DEMO: &[u8] = include_bytes!("../../../assets/demo-menu.json");
const EXPIRY: &str = "12/30";
const CVV: &str = "947";

struct Bank {
    sim: RunningVpos,
    counter: Arc<Counter>,
    dir: tempfile::TempDir,
}

fn nestpay_input(sim: &RunningVpos, name: &str) -> DefinitionInput {
    DefinitionInput {
        original_name: None,
        name: name.into(),
        kind: "nestpay".into(),
        mode: "test".into(),
        api_url: sim.nestpay_api.clone(),
        gate_url: Some(sim.nestpay_gate.clone()),
        currency: "VND".into(),
        three_d: "optional".into(),
        static_ip: Some("203.0.113.7".into()),
        fields: [
            ("client_id", quay_sim::vpos::NESTPAY_CLIENT_ID),
            ("username", quay_sim::vpos::NESTPAY_USER),
            ("password", quay_sim::vpos::NESTPAY_PASSWORD),
            ("store_key", quay_sim::vpos::NESTPAY_STORE_KEY),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect(),
    }
}

fn garanti_input(sim: &RunningVpos, name: &str) -> DefinitionInput {
    DefinitionInput {
        original_name: None,
        name: name.into(),
        kind: "garanti".into(),
        mode: "test".into(),
        api_url: sim.garanti_api.clone(),
        gate_url: None,
        currency: "VND".into(),
        three_d: "optional".into(),
        static_ip: None,
        fields: [
            ("merchant_id", quay_sim::vpos::GARANTI_MERCHANT_ID),
            ("terminal_id", quay_sim::vpos::GARANTI_TERMINAL_ID),
            ("prov_user", quay_sim::vpos::GARANTI_PROV_USER),
            ("prov_password", quay_sim::vpos::GARANTI_PROV_PASSWORD),
            ("refund_user", quay_sim::vpos::GARANTI_REFUND_USER),
            ("refund_password", quay_sim::vpos::GARANTI_REFUND_PASSWORD),
            ("store_key", quay_sim::vpos::GARANTI_STORE_KEY),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect(),
    }
}

fn bank() -> Bank {
    let sim = start_in_thread(VposSim::new(VposSimConfig::sandbox_in(VposCurrency::Vnd)));
    let dir = tempfile::tempdir().unwrap();
    let counter = Arc::new(Counter::open(dir.path()).unwrap());
    counter.import_menu(&Who::Setup, DEMO).unwrap();
    counter.vpos_save(&Who::Setup, &nestpay_input(&sim, "Akbank")).unwrap();
    counter.vpos_save(&Who::Setup, &garanti_input(&sim, "Garanti")).unwrap();
    Bank { sim, counter, dir }
}

fn card(number: &str) -> CardInput {
    CardInput { number: Zeroizing::new(number.into()), expiry: Zeroizing::new(EXPIRY.into()), cvv: Zeroizing::new(CVV.into()) }
}

fn deposit(amount: &str, reference: &str) -> Purpose {
    Purpose {
        use_sale: false,
        amount: Some(amount.into()),
        reference: reference.into(),
        phone: Some("+84 90 123 4567".into()),
        note: Some("catering Saturday".into()),
    }
}

fn moto(c: &Counter, name: &str, amount: &str, number: &str) -> quay_app::Result<quay_app::vpos::VposPaymentView> {
    c.vpos_moto(&Who::Setup, None, MotoInput { name: name.into(), purpose: deposit(amount, "CAT-1042"), card: card(number) })
}

fn payments(c: &Counter) -> usize {
    c.vpos_log(&Who::Setup, None).unwrap().len()
}

#[test]
fn definitions_keep_secrets_encrypted_masked_and_refuse_bad_input() {
    let b = bank();
    let c = &b.counter;
    let defs = c.vpos_definitions(&Who::Setup).unwrap();
    assert_eq!(defs.iter().map(|d| d.name.as_str()).collect::<Vec<_>>(), ["Akbank", "Garanti"]);
    let akbank = &defs[0];
    assert_eq!(akbank.static_ip.as_deref(), Some("203.0.113.7"));
    for f in akbank.fields.iter().filter(|f| f.secret) {
        assert_eq!(f.value, "********", "{} is masked", f.name);
    }
    assert!(akbank.fields.iter().any(|f| f.name == "client_id" && f.value == quay_sim::vpos::NESTPAY_CLIENT_ID));
    // Editing without the secrets keeps them (the payment still works).
    let mut edit = nestpay_input(&b.sim, "Akbank");
    edit.original_name = Some("Akbank".into());
    edit.fields.insert("password".into(), String::new());
    edit.fields.insert("store_key".into(), String::new());
    edit.static_ip = Some("203.0.113.8".into());
    c.vpos_save(&Who::Setup, &edit).unwrap();
    assert_eq!(moto(c, "Akbank", "125000", APPROVED_CARD).unwrap().state, "approved");

    // Bad input: a clear error, nothing changed.
    let before = serde_json::to_string(&c.vpos_definitions(&Who::Setup).unwrap()).unwrap();
    let cases: Vec<(&str, Box<dyn Fn(&mut DefinitionInput)>)> = vec![
        ("err-vpos-name", Box::new(|d| d.name = "bad name!".into())),
        ("err-vpos-url", Box::new(|d| d.api_url = "ftp://bank.example/fim/api".into())),
        (
            "err-vpos-url",
            Box::new(|d| {
                d.mode = "production".into();
                d.api_url = "http://bank.example/fim/api".into();
            }),
        ),
        ("err-vpos-currency", Box::new(|d| d.currency = "EUR".into())),
        ("err-vpos-field", Box::new(|d| d.static_ip = Some("300.1.1.1".into()))),
        (
            "err-vpos-field-missing",
            Box::new(|d| {
                d.fields.remove("password");
            }),
        ),
        (
            "err-vpos-invalid-field",
            Box::new(|d| {
                d.fields.insert("client_id".into(), "abc".into());
            }),
        ),
        ("err-vpos-exists", Box::new(|d| d.name = "Garanti".into())),
    ];
    for (code, break_it) in cases {
        let mut d = nestpay_input(&b.sim, "Other");
        break_it(&mut d);
        let e = c.vpos_save(&Who::Setup, &d).unwrap_err();
        assert_eq!(e.code, code, "{:?}", e.detail);
        assert!(!c.message(&e).contains("err-"), "translated: {}", c.message(&e));
    }
    assert_eq!(serde_json::to_string(&c.vpos_definitions(&Who::Setup).unwrap()).unwrap(), before);

    // The secrets are not in the database in clear.
    let db = std::fs::read(b.dir.path().join("quay.db")).unwrap_or_default();
    let wal = std::fs::read(b.dir.path().join("quay.db-wal")).unwrap_or_default();
    for secret in [quay_sim::vpos::NESTPAY_PASSWORD, quay_sim::vpos::NESTPAY_STORE_KEY, quay_sim::vpos::GARANTI_PROV_PASSWORD] {
        for bytes in [&db, &wal] {
            assert!(!bytes.windows(secret.len()).any(|w| w == secret.as_bytes()), "{secret} stored in clear");
        }
    }
    // Removing: the definition and its secrets go, its payments stay in the log.
    c.vpos_remove(&Who::Setup, "Akbank").unwrap();
    assert_eq!(c.vpos_definitions(&Who::Setup).unwrap().len(), 1);
    assert_eq!(payments(c), 1);
    assert_eq!(c.vpos_remove(&Who::Setup, "Akbank").unwrap_err().code, "err-vpos-not-found");
}

#[test]
fn connection_test_proves_the_credentials_and_names_the_static_ip() {
    let b = bank();
    let c = &b.counter;
    for name in ["Akbank", "Garanti"] {
        let r = quay_app::rt::block_on(c.test_vpos_connection(&Who::Setup, name)).unwrap();
        assert!(r.ok, "{name}: {:?}", r.steps);
        assert!(r.steps[0].detail.contains(if name == "Akbank" { "203.0.113.7" } else { "—" }), "{}", r.steps[0].detail);
    }
    // A wrong password fails at the bank's step.
    let mut wrong = nestpay_input(&b.sim, "Wrong");
    wrong.fields.insert("password".into(), "not-the-password".into());
    c.vpos_save(&Who::Setup, &wrong).unwrap();
    let r = quay_app::rt::block_on(c.test_vpos_connection(&Who::Setup, "Wrong")).unwrap();
    assert!(!r.ok);
    let failed = r.failed_step().unwrap();
    assert_eq!((failed.id, failed.result), ("setup-step-vpos-check", "err-vpos-credentials"));
    // Every definition at once (`connect test vpos`) stops at the failing one.
    let all = quay_app::rt::block_on(c.test_connection(&Who::Setup, quay_app::setup::Target::Vpos)).unwrap();
    assert!(!all.ok);
}

#[test]
fn phone_payments_every_return_code_in_the_log() {
    let b = bank();
    let c = &b.counter;
    let p = moto(c, "Akbank", "125000", APPROVED_CARD).unwrap();
    assert_eq!((p.state.as_str(), p.code.as_deref()), ("approved", Some("00")));
    assert_eq!(p.masked_pan.as_deref(), Some("450803******4509"));
    assert_eq!(p.brand.as_deref(), Some("visa"));
    assert_eq!(p.reference, "CAT-1042");
    assert_eq!(p.phone.as_deref(), Some("+84 90 123 4567"));
    let mut declined = 0;
    for (number, code) in TEST_CARDS.iter().filter(|(_, code)| *code != "00") {
        let e = moto(c, "Akbank", "80000", number).unwrap_err();
        let want = quay_core::payment::decline_message(code).unwrap_or("decline-code");
        assert_eq!(e.code, want, "{number} → {code}");
        let text = c.message(&e);
        assert!(text.contains(code), "the code is said: {text}");
        declined += 1;
    }
    let log = c.vpos_log(&Who::Setup, None).unwrap();
    assert_eq!(log.len(), 1 + declined, "approved and declined are all in the log");
    assert!(log.iter().filter(|p| p.state == "declined").all(|p| p.code.is_some() && p.masked_pan.is_some()));
    assert!(log.iter().all(|p| p.taken_by.is_some()));
    // The bank saw each order once.
    assert_eq!(b.sim.transactions().len(), 1 + declined);
}

#[test]
fn bad_input_sends_nothing_and_keeps_nothing() {
    let b = bank();
    let c = &b.counter;
    let cases = [
        ("4508034508034508", EXPIRY, "err-vpos-card-number", "125000"),
        (APPROVED_CARD, "01/20", "err-vpos-card-expired", "125000"),
        (APPROVED_CARD, "13/30", "err-vpos-expiry", "125000"),
        (APPROVED_CARD, EXPIRY, "err-too-many-decimals", "125000.5"),
        (APPROVED_CARD, EXPIRY, "err-vpos-amount", "0"),
    ];
    for (number, expiry, code, amount) in cases {
        let input = MotoInput {
            name: "Akbank".into(),
            purpose: deposit(amount, "CAT-1"),
            card: CardInput {
                number: Zeroizing::new(number.into()),
                expiry: Zeroizing::new(expiry.into()),
                cvv: Zeroizing::new(CVV.into()),
            },
        };
        let e = c.vpos_moto(&Who::Setup, None, input).unwrap_err();
        assert_eq!(e.code, code, "{number} {expiry} {amount}: {}", e.detail);
    }
    let bad_phone = MotoInput {
        name: "Akbank".into(),
        purpose: Purpose { phone: Some("call me".into()), ..deposit("1000", "CAT-2") },
        card: card(APPROVED_CARD),
    };
    assert_eq!(c.vpos_moto(&Who::Setup, None, bad_phone).unwrap_err().code, "err-vpos-phone");
    assert_eq!(payments(c), 0, "nothing recorded");
    assert!(b.sim.transactions().is_empty(), "nothing sent");
}

#[test]
fn a_lost_answer_is_asked_about_never_authorized_twice() {
    let b = bank();
    let c = &b.counter;
    b.sim.drop_answers(1);
    let e = moto(c, "Akbank", "125000", APPROVED_CARD).unwrap_err();
    assert_eq!(e.code, "err-vpos-unknown", "{}", e.detail);
    let log = c.vpos_log(&Who::Setup, None).unwrap();
    assert_eq!(log[0].state, "unknown");
    // The cashier types the same collection again: the bank is asked first, and the lost
    // answer was an approval — paid, not charged again.
    let again = moto(c, "Akbank", "125000", APPROVED_CARD).unwrap_err();
    assert_eq!(again.code, "err-vpos-reference-paid", "{}", again.detail);
    assert_eq!(b.sim.transactions().len(), 1);
    assert_eq!(c.vpos_log(&Who::Setup, None).unwrap().len(), 1);
    // A new payment for the same order is never made: asking settles it.
    assert_eq!(c.vpos_log(&Who::Setup, None).unwrap()[0].state, "approved");
    assert_eq!(b.sim.transactions().len(), 1, "one authorization at the bank");
    assert!(c.vpos_resolve(&Who::Setup).unwrap().is_empty(), "nothing left open");
}

#[test]
fn an_answer_that_cannot_be_read_is_asked_about() {
    let b = bank();
    let c = &b.counter;
    b.sim.garbage_answers(1);
    let e = moto(c, "Akbank", "125000", APPROVED_CARD).unwrap_err();
    assert_eq!(e.code, "err-vpos-unknown", "{}", e.detail);
    assert!(!c.message(&e).contains("err-"), "{}", c.message(&e));
    let settled = c.vpos_resolve(&Who::Setup).unwrap();
    assert_eq!(settled[0].state, "approved", "the bank had approved it");
    assert_eq!(b.sim.transactions().len(), 1);
}

#[test]
fn same_day_cancel_is_a_void_and_after_the_batch_a_refund() {
    let b = bank();
    let c = &b.counter;
    let today = moto(c, "Akbank", "125000", APPROVED_CARD).unwrap();
    let v = c.vpos_cancel(&Who::Setup, today.order_id.as_deref().unwrap()).unwrap();
    assert_eq!((v.state.as_str(), v.channel.as_str()), ("approved", "void"));
    assert_eq!(b.sim.trans_stat(quay_sim::vpos::Bank::Nestpay, today.order_id.as_deref().unwrap()), Some("V"));
    // Cancelled once: a second cancel finds nothing to give back.
    assert!(c.vpos_cancel(&Who::Setup, today.order_id.as_deref().unwrap()).is_err());

    let yesterday = moto(c, "Akbank", "90000", APPROVED_CARD).unwrap();
    b.sim.close_batch();
    let r = c.vpos_cancel(&Who::Setup, yesterday.order_id.as_deref().unwrap()).unwrap();
    assert_eq!((r.state.as_str(), r.channel.as_str()), ("approved", "refund"));
    let log = c.vpos_log(&Who::Setup, None).unwrap();
    let paid = log.iter().find(|p| p.order_id == yesterday.order_id).unwrap();
    assert_eq!(paid.refunded.as_ref().map(|m| m.minor), Some(90000));
    let voided = log.iter().find(|p| p.order_id == today.order_id).unwrap();
    assert!(voided.voided);
}

#[test]
fn garanti_end_to_end() {
    let b = bank();
    let c = &b.counter;
    let p = moto(c, "Garanti", "125000", APPROVED_CARD).unwrap();
    assert_eq!(p.state, "approved");
    let e = moto(c, "Garanti", "50000", "4000000000000515").unwrap_err();
    assert_eq!(e.code, "decline-insufficient-funds");
    let v = c.vpos_cancel(&Who::Setup, p.order_id.as_deref().unwrap()).unwrap();
    assert_eq!(v.channel, "void");
    let p2 = moto(c, "Garanti", "70000", APPROVED_CARD).unwrap();
    b.sim.close_batch();
    let r = c.vpos_cancel(&Who::Setup, p2.order_id.as_deref().unwrap()).unwrap();
    assert_eq!(r.channel, "refund");
    // Its report call gives the bank's list of the day.
    let day = c.today();
    let d = c.vpos_dayend_fetch(&Who::Setup, day, "Garanti").unwrap();
    assert_eq!(d.source, "report");
    assert_eq!(d.totals.problems, 0, "{:?}", d.rows);
    assert_eq!(d.rows.len(), 2);
}

#[test]
fn a_sale_paid_by_phone_closes_and_its_void_voids_at_the_bank() {
    let b = bank();
    let c = &b.counter;
    let co = c.checkout();
    c.edit_cart(&co, &Who::Setup, |cart, menu, at| {
        let line = parse_line("i-phobo").unwrap();
        Ok(cart.add(menu, &line.item_id, &line.option_ids, line.qty, None, at)?)
    })
    .unwrap();
    let input = MotoInput { name: "Akbank".into(), purpose: Purpose { use_sale: true, ..Purpose::default() }, card: card(APPROVED_CARD) };
    let p = c.vpos_moto(&Who::Setup, Some(&co), input).unwrap();
    assert!(p.for_sale);
    let sale = c.sale(&Who::Setup, p.sale_id.parse().unwrap()).unwrap();
    assert_eq!(sale.tenders.len(), 1);
    assert_eq!(sale.tenders[0].amount, sale.total);
    // Cancelling the payment alone is refused: the sale is voided.
    assert_eq!(c.vpos_cancel(&Who::Setup, p.order_id.as_deref().unwrap()).unwrap_err().code, "err-vpos-void-the-sale");
    let terminal_less = c.void_paying_back(sale.id, "customer cancelled the order", &Who::Setup, &Who::Setup);
    assert!(terminal_less.is_ok(), "{:?}", terminal_less.err());
    assert_eq!(b.sim.trans_stat(quay_sim::vpos::Bank::Nestpay, p.order_id.as_deref().unwrap()), Some("V"));
}

#[test]
fn payment_links_learn_the_outcome_and_refuse_forged_callbacks() {
    let b = bank();
    let c = b.counter.clone();
    // The bank's callbacks reach the counter's listener (as `background::run` starts it).
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    c.set_setting("vpos.callback.listen", &format!("127.0.0.1:{port}")).unwrap();
    c.set_setting("vpos.return_url", &format!("http://127.0.0.1:{port}")).unwrap();
    let addr = c.vpos_callback_listen().unwrap().unwrap();
    quay_app::rt::runtime().spawn(quay_app::vpos::callback::listen(c.clone(), addr));
    let run = |amount: &'static str, reference: &'static str| {
        let c = c.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        let h = std::thread::spawn(move || {
            let on = move |l: &quay_app::vpos::LinkView| {
                let _ = tx.send(l.clone());
            };
            let on = std::sync::Mutex::new(on);
            let on_link = |l: &quay_app::vpos::LinkView| (on.lock().unwrap())(l);
            c.vpos_link(&Who::Setup, None, LinkInput { name: "Akbank".into(), purpose: deposit(amount, reference) }, &on_link)
        });
        let link = rx.recv_timeout(std::time::Duration::from_secs(20)).expect("a link");
        (link, h)
    };
    // Paid by the customer on their phone.
    let (link, h) = run("150000", "DEP-1");
    assert!(link.url.starts_with("http://127.0.0.1"), "{}", link.url);
    assert!(link.qr_svg.starts_with("<?xml") || link.qr_svg.contains("<svg"));
    let shown = c.vpos_payment(&Who::Setup, &link.order_id).unwrap();
    assert_eq!(shown.link.as_deref(), Some(link.url.as_str()));
    b.sim.pay_link(&link.order_id, APPROVED_CARD, EXPIRY, "123").unwrap();
    let p = h.join().unwrap().unwrap();
    assert_eq!(p.state, "approved");
    assert_eq!(p.channel, "link");

    // The 3-D step failed: a decline with its meaning.
    let (link, h) = run("60000", "DEP-2");
    b.sim.md_status(&link.order_id, "0").unwrap();
    let e = h.join().unwrap().unwrap_err();
    assert_eq!(e.code, "err-vpos-3d-failed", "{}", e.detail);
    let delivered = b.sim.wait_callbacks(2, std::time::Duration::from_secs(10));
    assert!(delivered.iter().all(|d| d.acknowledged()), "the listener answered each callback: {delivered:?}");

    // A forged callback (wrong HASH) and one naming another order change nothing.
    let (link, h) = run("70000", "DEP-3");
    let forged = format!("oid={}&mdStatus=1&ProcReturnCode=00&Response=Approved&amount=70000&HASH=AAAA", link.order_id);
    assert!(matches!(c.vpos_callback(forged.as_bytes()), quay_app::vpos::callback::Received::Refused(_)));
    assert_eq!(c.vpos_payment(&Who::Setup, &link.order_id).unwrap().state, "sent");
    // The bank's own callback names another order (correctly signed): refused, and the
    // payment is still learnt by asking.
    b.sim.callback_other_oid(1);
    b.sim.pay_link(&link.order_id, APPROVED_CARD, EXPIRY, "123").unwrap();
    assert_eq!(h.join().unwrap().unwrap().state, "approved");
}

#[test]
fn day_end_compares_by_transaction_code_and_takes_hand_entries() {
    let b = bank();
    let c = &b.counter;
    let a = moto(c, "Akbank", "125000", APPROVED_CARD).unwrap();
    let v = moto(c, "Akbank", "40000", APPROVED_CARD).unwrap();
    c.vpos_cancel(&Who::Setup, v.order_id.as_deref().unwrap()).unwrap();
    let _declined = moto(c, "Akbank", "10000", "4000000000000515").unwrap_err();
    let day = c.today();
    // Nothing from the bank yet: the counter's payments are missing at the bank.
    let before = c.vpos_dayend(&Who::Setup, day).unwrap();
    let akbank = before.definitions.iter().find(|d| d.name == "Akbank").unwrap();
    assert_eq!(akbank.source, "none");
    // NestPay has no report call: its exported file is imported.
    assert_eq!(c.vpos_dayend_fetch(&Who::Setup, day, "Akbank").unwrap_err().code, "err-vpos-no-report");
    let mut csv = b.sim.export_csv(b.sim.today());
    // A payment the bank has and the counter lacks (typed on the bank's portal).
    csv.push_str(&format!("PORTAL-7,{} 10:15:00,Sale,55000,VND,123456,00,450803******4509\n", b.sim.today()));
    let d = c.vpos_dayend_import(&Who::Setup, day, "Akbank", csv.as_bytes(), None).unwrap();
    assert_eq!(d.source, "file");
    let status = |id: &str| serde_json::to_value(d.rows.iter().find(|r| r.order_id == id).unwrap().status).unwrap();
    assert_eq!(status(a.order_id.as_deref().unwrap()), "matched");
    assert_eq!(status(v.order_id.as_deref().unwrap()), "voided");
    assert_eq!(status("PORTAL-7"), "missing_at_counter");
    assert_eq!(d.rows.len(), 3, "declines are not transactions: {:?}", d.rows);
    // Entered by hand, with the reason, audited.
    assert_eq!(c.vpos_dayend_hand(&Who::Setup, day, "Akbank", "PORTAL-7", " ").unwrap_err().code, "err-reason-required");
    assert_eq!(
        c.vpos_dayend_hand(&Who::Setup, day, "Akbank", a.order_id.as_deref().unwrap(), "typo").unwrap_err().code,
        "err-vpos-not-missing"
    );
    let d = c.vpos_dayend_hand(&Who::Setup, day, "Akbank", "PORTAL-7", "taken on the bank's portal by the owner").unwrap();
    let row = d.rows.iter().find(|r| r.order_id == "PORTAL-7").unwrap();
    assert_eq!(serde_json::to_value(row.status).unwrap(), "entered_by_hand");
    assert_eq!(d.totals.problems, 0);
    let db = rusqlite::Connection::open(b.dir.path().join("quay.db")).unwrap();
    let audited: i64 = db.query_row("SELECT count(*) FROM audit_log WHERE action = 'vpos.dayend.hand'", [], |r| r.get(0)).unwrap();
    assert_eq!(audited, 1, "audited");
    // Its own section of the day's report, PDF and CSV.
    let csv = c.day_report_csv(&Who::Setup, day).unwrap();
    assert!(csv.contains("vpos:Akbank,PORTAL-7,,55000,VND,entered_by_hand"), "{csv}");
    assert!(csv.contains(&format!("vpos:Akbank,{},,125000,VND,matched", a.order_id.as_deref().unwrap())), "{csv}");
    for lang in [quay_i18n::Lang::En, quay_i18n::Lang::Ar] {
        let pdf = c.day_report_pdf(&Who::Setup, day, lang).unwrap();
        assert!(pdf.starts_with(b"%PDF"));
    }
}

#[test]
fn a_link_for_the_sale_given_up_then_paid_waits_for_a_refund() {
    let b = bank();
    let c = b.counter.clone();
    c.set_setting("vpos.return_url", "http://127.0.0.1:9").unwrap();
    let co = Arc::new(c.checkout());
    c.edit_cart(&co, &Who::Setup, |cart, menu, at| {
        let line = parse_line("i-phobo").unwrap();
        Ok(cart.add(menu, &line.item_id, &line.option_ids, line.qty, None, at)?)
    })
    .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let h = {
        let (c, co) = (c.clone(), co.clone());
        std::thread::spawn(move || {
            let tx = std::sync::Mutex::new(tx);
            let on_link = |l: &quay_app::vpos::LinkView| {
                let _ = tx.lock().unwrap().send(l.clone());
            };
            let purpose = Purpose { use_sale: true, ..Purpose::default() };
            c.vpos_link(&Who::Setup, Some(&co), LinkInput { name: "Akbank".into(), purpose }, &on_link)
        })
    };
    let link = rx.recv_timeout(std::time::Duration::from_secs(20)).expect("a link");
    // The customer display shows the link's QR while it waits.
    assert!(c.display_view(&co).qr.is_some(), "the QR is on the customer display");
    c.vpos_give_up(&Who::Setup).unwrap();
    assert_eq!(h.join().unwrap().unwrap_err().code, "err-vpos-given-up");
    assert!(c.display_view(&co).qr.is_none(), "the QR is gone");
    // The customer pays cash instead; then pays the link after all.
    let sale = c.pay_cash(&co, &Who::Setup, None).unwrap();
    b.sim.pay_link(&link.order_id, APPROVED_CARD, EXPIRY, "123").unwrap();
    let settled = c.vpos_resolve(&Who::Setup).unwrap();
    assert_eq!(settled.len(), 1);
    assert_eq!(settled[0].state, "approved");
    // Paid, not used: a manager refunds it; the sale stays as the cash closed it.
    let unused = c.paid_unused(&Who::Setup).unwrap();
    assert_eq!(unused.len(), 1);
    assert_eq!(unused[0].order_id.as_deref(), Some(link.order_id.as_str()));
    assert_eq!(c.sale(&Who::Setup, sale.id).unwrap().tenders.len(), 1);
}
