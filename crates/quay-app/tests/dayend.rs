//! Day-end through the use cases: the day's totals and its close (refused while sales
//! wait for the hub or a payment is open, once only, cash differences with a reason),
//! the bank file (presets, bad files refused whole, re-imports harmless, line-by-line
//! categories, manual settlements audited), the terminal batch against the ZVT and Viva
//! simulators, and the report as PDF in every language and as CSV.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, FixedOffset, NaiveDate};
use quay_app::dayend::{Category, Column, DateFormat, LineKind, Settlement};
use quay_app::{Clock, Counter, Who};
use quay_core::payment::PaymentState;
use quay_core::{Currency, Money};
use quay_i18n::Lang;
use quay_store::{Ack, CardDetails, NewPayment, PaymentRecord, Store};

const DEMO: &[u8] = include_bytes!("../../../assets/demo-menu.json");
const NOW: &str = "2026-11-22T12:00:00+07:00";

struct Fixed(DateTime<FixedOffset>);
impl Clock for Fixed {
    fn now(&self) -> DateTime<FixedOffset> {
        self.0
    }
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/bank").join(name)
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(data(name)).unwrap()
}

fn counter(dir: &Path) -> Counter {
    let c = Counter::open_with(dir, Box::new(Fixed(DateTime::parse_from_rfc3339(NOW).unwrap()))).unwrap();
    if c.menu().is_err() {
        c.import_menu(&quay_app::Who::Setup, DEMO).unwrap();
    }
    c
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn store(dir: &Path) -> Store {
    Store::open(&dir.join("quay.db")).unwrap()
}

/// A card payment as the terminal approved it, journaled the way the counter does.
fn approved(dir: &Path, terminal: &str, kind: &str, amount: i64, d: CardDetails) -> PaymentRecord {
    let mut s = store(dir);
    let p = s
        .begin_payment(&NewPayment {
            sale_id: uuid::Uuid::now_v7(),
            terminal,
            kind: quay_core::payment::PaymentKind::parse(kind).expect("a journal kind"),
            amount,
            currency: "VND",
            at: NOW,
            cart: None,
            taken_by: None,
            order_id: None,
            refund_of: None,
        })
        .unwrap();
    s.payment_transition(&p.key, PaymentState::Sent, &CardDetails::default(), NOW).unwrap();
    s.payment_transition(&p.key, PaymentState::Approved, &d, NOW).unwrap()
}

fn zvt_details(auth: &str, rrn: &str, brand: &str, receipt: &str) -> CardDetails {
    CardDetails {
        terminal_id: Some("T1".into()),
        auth_code: Some(auth.into()),
        rrn: Some(rrn.into()),
        brand: Some(brand.into()),
        receipt_no: Some(receipt.into()),
        trace: Some(format!("00{receipt}")),
        ..CardDetails::default()
    }
}

fn ring_cash(c: &Counter, item: &str) -> quay_core::Sale {
    let co = c.checkout();
    c.edit_cart(&co, &quay_app::Who::Setup, |cart, m, now| Ok(cart.add(m, item, &[], 1, None, now)?)).unwrap();
    c.pay_cash(&co, &quay_app::Who::Setup, None).unwrap()
}

/// The hub stored every queued sale.
fn drain_outbox(dir: &Path) {
    let mut s = store(dir);
    let ids: Vec<(uuid::Uuid, Ack)> = s.outbox_batch(10_000).unwrap().iter().map(|e| (e.sale.id, Ack::Stored)).collect();
    s.outbox_ack(&ids).unwrap();
}

fn audit_actions(dir: &Path) -> Vec<String> {
    store(dir).audit_entries(1, 10_000).unwrap().into_iter().map(|r| r.action).collect()
}

#[test]
fn totals_per_tender_and_the_close_of_the_day() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let c = counter(d);
    let a = ring_cash(&c, "i-phobo");
    let b = ring_cash(&c, "i-phobo");
    c.void_sale(b.id, "wrong order", &Who::Setup, &Who::Setup).unwrap();
    approved(d, "zvt", "sale", 40_000, zvt_details("A1", "R1", "Visa", "0001"));
    approved(d, "zvt", "sale", 25_000, zvt_details("A2", "R2", "Mastercard", "0002"));

    let t = c.day_totals(&quay_app::Who::Setup, day()).unwrap();
    assert_eq!((t.sales.count, t.sales.amount), (2, a.total + b.total));
    assert_eq!((t.voids.count, t.voids.amount), (1, -b.total));
    assert_eq!(t.net, a.total);
    assert_eq!(t.tenders["cash"].count, 3, "two sales and the void's negated tender");
    assert_eq!(t.cash_expected, a.total);
    assert_eq!(t.card_brands["Visa"].amount, 40_000);
    assert_eq!(t.card_brands["Mastercard"].amount, 25_000);

    // Sales still waiting for the hub: refused, saying how many and which.
    let e = c.close_day(&quay_app::Who::Setup, day(), None, None).unwrap_err();
    assert_eq!(e.code, "err-dayend-outbox-pending");
    let msg = c.message(&e);
    assert!(msg.contains('3') && msg.contains(&a.receipt_no), "{msg}");
    drain_outbox(d);

    // A payment whose outcome is unknown: refused, naming it.
    let open = {
        let mut s = store(d);
        let p = s
            .begin_payment(&NewPayment {
                sale_id: uuid::Uuid::now_v7(),
                terminal: "zvt",
                kind: quay_core::payment::PaymentKind::Sale,
                amount: 1000,
                currency: "VND",
                at: NOW,
                cart: None,
                taken_by: None,
                order_id: None,
                refund_of: None,
            })
            .unwrap();
        s.payment_transition(&p.key, PaymentState::Sent, &CardDetails::default(), NOW).unwrap();
        p
    };
    let e = c.close_day(&quay_app::Who::Setup, day(), None, None).unwrap_err();
    assert_eq!(e.code, "err-dayend-payments-unresolved");
    assert!(c.message(&e).contains(&open.key), "{}", c.message(&e));
    c.settle_payment(&Who::Setup, &Who::Setup, &open.key, false, "never reached the terminal").unwrap();

    // Cash counted short without a reason: refused; with one: closed and audited.
    let short = Money::new(a.total - 5_000, Currency::Vnd);
    assert_eq!(c.close_day(&quay_app::Who::Setup, day(), Some(short), None).unwrap_err().code, "err-dayend-cash-reason");
    assert!(c.day_close(&quay_app::Who::Setup, day()).unwrap().is_none(), "nothing recorded");
    let closed = c.close_day(&quay_app::Who::Setup, day(), Some(short), Some("change given twice")).unwrap();
    assert_eq!((closed.cash_expected, closed.cash_counted, closed.cash_difference), (a.total, Some(a.total - 5_000), Some(-5_000)));
    assert_eq!(closed.closed_by, "setup", "who closed it: the actor the use case was given");
    let again = counter(d).day_close(&quay_app::Who::Setup, day()).unwrap().unwrap();
    assert_eq!(again, closed, "the close survives a restart");
    let actions = audit_actions(d);
    assert!(actions.contains(&"dayend.close".to_string()) && actions.contains(&"dayend.cash_difference".to_string()), "{actions:?}");
    assert_eq!(store(d).audit_verify().unwrap(), actions.len());

    let e = c.close_day(&quay_app::Who::Setup, day(), None, None).unwrap_err();
    assert_eq!(e.code, "err-dayend-already-closed");
    assert!(c.message(&e).contains("setup"), "names who closed it");
    // The day and the time in the counter's one date style, not ISO.
    let said = c.message(&e);
    assert!(said.contains("11/22/2026") && !said.contains("2026-11-22"), "{said}");
}

fn cat(r: &quay_app::dayend::bank::BankReconciliation, id: &str) -> Vec<Category> {
    r.bank_lines
        .iter()
        .filter(|l| l.id == id)
        .map(|l| l.outcome.category)
        .chain(r.counter_payments.iter().filter(|p| p.id == id).map(|p| p.outcome.category))
        .collect()
}

#[test]
fn the_bank_file_line_by_line_with_settlements() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let c = counter(d);
    let p1 = approved(d, "zvt", "sale", 50_000, zvt_details("A1", "R1", "Visa", "0001"));
    let p2 = approved(d, "zvt", "sale", 30_000, zvt_details("A2", "R2", "Mastercard", "0002"));
    let p3 = approved(d, "zvt", "sale", 20_000, zvt_details("A3", "R3", "Visa", "0003"));

    let r = c.reconcile_bank_file(&quay_app::Who::Setup, day(), &bytes("generic-day.csv"), "generic", Some("generic-day.csv")).unwrap();
    let imp = r.import.clone().unwrap();
    assert_eq!((imp.lines, imp.new_lines, imp.already_imported), (6, 6, false));
    assert_eq!(r.bank_lines.len(), 6);
    assert_eq!(r.counter_payments.len(), 3);
    assert_eq!(cat(&r, "sale:TX1"), [Category::Matched, Category::Duplicate]);
    assert_eq!(cat(&r, &p1.key), [Category::Matched]);
    assert_eq!(cat(&r, "sale:TX2"), [Category::MatchedWithDifference]);
    let tip = r.bank_lines.iter().find(|l| l.id == "sale:TX2").unwrap();
    assert_eq!(tip.outcome.difference, Some(500));
    assert_eq!(tip.outcome.matched_to.as_ref().map(|i| quay_app::dayend::bank::item_id(i).to_string()), Some(p2.key.clone()));
    assert_eq!(cat(&r, "sale:TX3"), [Category::MissingAtCounter]);
    assert_eq!(cat(&r, "fee:FEE1"), [Category::FeeOrChargeback]);
    assert_eq!(cat(&r, "refund:TX5"), [Category::RefundUnmatched]);
    assert_eq!(cat(&r, &p3.key), [Category::MissingAtBank]);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["bank_lines"][1]["category"], "matched_with_difference");
    assert_eq!(json["counter_payments"][0]["matched_to"]["side"], "bank");

    // The same file again, even exported differently: nothing new.
    for f in ["generic-day.csv", "generic-day-reexport.csv"] {
        let again = c.reconcile_bank_file(&quay_app::Who::Setup, day(), &bytes(f), "generic", None).unwrap();
        let imp = again.import.unwrap();
        assert_eq!((imp.new_lines, imp.already_imported), (0, true), "{f}");
        assert_eq!(again.bank_lines.len(), 6, "{f}");
    }
    // An overlapping file adds only its new line.
    let more = c.reconcile_bank_file(&quay_app::Who::Setup, day(), &bytes("generic-overlap.csv"), "generic", None).unwrap();
    assert_eq!(more.import.unwrap().new_lines, 1);
    assert_eq!(more.bank_lines.len(), 7);

    // The manager settles: the missing sale entered by hand, the payment left for the
    // next batch. Invalid settlements are refused and record nothing.
    let e = c
        .settle_bank(&quay_app::Who::Setup, day(), Settlement::EnterByHand { bank_id: "sale:TX3".into(), reason: " ".into() })
        .unwrap_err();
    assert_eq!(e.code, "err-bank-settle-no-reason");
    let e = c.settle_bank(&quay_app::Who::Setup, day(), Settlement::NextBatch { payment_id: p1.key.clone(), reason: None }).unwrap_err();
    assert_eq!(e.code, "err-bank-settle-payment-matched");
    let e = c
        .settle_bank(&quay_app::Who::Setup, day(), Settlement::EnterByHand { bank_id: "fee:FEE1".into(), reason: "x".into() })
        .unwrap_err();
    assert_eq!(e.code, "err-bank-settle-fee-line");
    assert!(c.message(&e).contains("fee:FEE1"));
    c.settle_bank(
        &quay_app::Who::Setup,
        day(),
        Settlement::EnterByHand { bank_id: "sale:TX3".into(), reason: "paid on the old terminal".into() },
    )
    .unwrap();
    let r = c
        .settle_bank(
            &quay_app::Who::Setup,
            day(),
            Settlement::NextBatch { payment_id: p3.key.clone(), reason: Some("after the cut-off".into()) },
        )
        .unwrap();
    assert_eq!(cat(&r, "sale:TX3"), [Category::Matched]);
    assert_eq!(r.bank_lines.iter().find(|l| l.id == "sale:TX3").unwrap().outcome.note.as_deref(), Some("paid on the old terminal"));
    assert_eq!(cat(&r, &p3.key), [Category::NextBatch]);
    assert_eq!(r.settlements, 2);
    // Settlements are kept: a reopened counter sees the same.
    let r2 = counter(d).bank_reconciliation(&quay_app::Who::Setup, day()).unwrap();
    assert_eq!(cat(&r2, &p3.key), [Category::NextBatch]);
    let actions = audit_actions(d);
    assert_eq!(actions.iter().filter(|a| a.as_str() == "dayend.bank_import").count(), 2, "{actions:?}");
    assert!(actions.contains(&"dayend.bank_settle.enter_by_hand".to_string()));
    assert!(actions.contains(&"dayend.bank_settle.next_batch".to_string()));
    assert_eq!(store(d).audit_verify().unwrap(), actions.len());
}

/// The bank lists one card payment twice under two transaction ids (same terminal, amount,
/// auth code, RRN, STAN and time): the first line is matched, the other is a duplicate
/// counted once, which the manager cannot settle and the report names with its original.
#[test]
fn a_payment_the_bank_lists_twice_is_counted_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let c = counter(d);
    let p1 = approved(d, "zvt", "sale", 50_000, zvt_details("A1", "R1", "Visa", "0001"));
    let file =
        "transaction_id,merchant_reference,merchant_id,terminal_id,date_time,card_scheme,masked_pan,amount,currency,auth_code,rrn,stan,type
TX1,,M-042,T1,2026-11-22T12:05:00+07:00,Visa,************1111,50000,VND,A1,R1,000101,sale
TX1-B,,M-042,T1,2026-11-22T12:05:00+07:00,Visa,************1111,50000,VND,A1,R1,000101,sale
";
    let r = c.reconcile_bank_file(&quay_app::Who::Setup, day(), file.as_bytes(), "generic", Some("twice.csv")).unwrap();
    assert_eq!(cat(&r, "sale:TX1"), [Category::Matched]);
    assert_eq!(cat(&r, "sale:TX1-B"), [Category::Duplicate]);
    assert_eq!(cat(&r, &p1.key), [Category::Matched]);
    let dup = r.bank_lines.iter().find(|l| l.id == "sale:TX1-B").unwrap();
    assert_eq!(dup.outcome.matched_to.as_ref().map(|i| quay_app::dayend::bank::item_id(i).to_string()).as_deref(), Some("sale:TX1"));
    let tot = &r.summary.totals[0];
    assert_eq!((tot.counter.minor, tot.bank.minor, tot.difference.minor), (50_000, 50_000, 0), "the money came once");

    let e = c
        .settle_bank(&quay_app::Who::Setup, day(), Settlement::EnterByHand { bank_id: "sale:TX1-B".into(), reason: "x".into() })
        .unwrap_err();
    assert_eq!(e.code, "err-bank-settle-duplicate");
    assert!(c.message(&e).contains("sale:TX1-B"), "{}", c.message(&e));
    assert_eq!(c.bank_reconciliation(&quay_app::Who::Setup, day()).unwrap().settlements, 0, "nothing recorded");

    let csv = c.day_report_csv(&quay_app::Who::Setup, day()).unwrap();
    assert!(csv.contains("bank_line,sale:TX1-B,,50000,VND,duplicate #2 sale:TX1"), "{csv}");
    assert!(csv.contains("bank_total,bank,,50000,VND"), "{csv}");
    let report = c.day_report(&quay_app::Who::Setup, day()).unwrap();
    let text = format!("{:?}", c.day_report_document(&report, Lang::En).unwrap().blocks);
    assert!(text.contains("TX1-B → #2 sale:TX1"), "{text}");
}

#[test]
fn bad_bank_files_are_refused_whole_naming_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let c = counter(d);
    let e = c.reconcile_bank_file(&quay_app::Who::Setup, day(), &bytes("generic-bad-amount.csv"), "generic", None).unwrap_err();
    assert_eq!(e.code, "err-bank-bad-amount");
    for lang in Lang::ALL {
        let msg = c.i18n().error(lang, &e);
        assert!(msg.contains('3') && msg.contains("amount") && msg.contains("30.5x"), "{lang}: {msg}");
    }
    assert!(c.bank_reconciliation(&quay_app::Who::Setup, day()).unwrap().imports.is_empty(), "nothing imported");
    assert!(c.bank_reconciliation(&quay_app::Who::Setup, day()).unwrap().bank_lines.is_empty());

    let e = c.reconcile_bank_file(&quay_app::Who::Setup, day(), &bytes("generic-semicolon.csv"), "generic", None).unwrap_err();
    assert_eq!(e.code, "err-bank-wrong-delimiter");
    let e = c.reconcile_bank_file(&quay_app::Who::Setup, day(), b"", "generic", None).unwrap_err();
    assert_eq!(e.code, "err-bank-empty");
    let e = c.reconcile_bank_file(&quay_app::Who::Setup, day(), &bytes("generic-day.csv"), "no-such-bank", None).unwrap_err();
    assert_eq!(e.code, "err-bank-unknown-preset");
    assert!(c.message(&e).contains("generic"));

    // Terminals of this counter configured: a line of another terminal refuses the file.
    c.set_setting(quay_app::dayend::keys::BANK_TERMINAL_IDS, "T1, T2").unwrap();
    let e = c.reconcile_bank_file(&quay_app::Who::Setup, day(), &bytes("generic-other-terminal.csv"), "generic", None).unwrap_err();
    assert_eq!(e.code, "err-bank-other-terminal");
    assert!(c.message(&e).contains("T7"));
    c.set_setting(quay_app::dayend::keys::BANK_MERCHANT_ID, "M-999").unwrap();
    let e = c.reconcile_bank_file(&quay_app::Who::Setup, day(), &bytes("generic-day.csv"), "generic", None).unwrap_err();
    assert_eq!(e.code, "err-bank-other-merchant");
    assert!(c.bank_reconciliation(&quay_app::Who::Setup, day()).unwrap().imports.is_empty(), "still nothing imported");
    assert!(!audit_actions(d).contains(&"dayend.bank_import".to_string()));
}

#[test]
fn viva_and_custom_presets() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let c = counter(d);
    let viva = approved(
        d,
        "viva",
        "sale",
        45_000,
        CardDetails {
            provider_ref: Some("1234567890123456".into()),
            receipt_no: Some("7f3c1a2e-0b1d-4e55-9a0e-2f6f0c9d1a01".into()),
            masked_pan: Some("414746******0133".into()),
            ..CardDetails::default()
        },
    );
    let r = c.reconcile_bank_file(&quay_app::Who::Setup, day(), &bytes("viva-day.csv"), "viva", None).unwrap();
    assert_eq!(cat(&r, &viva.key), [Category::Matched]);
    assert_eq!(r.counter_payments[0].brand, "Visa", "brand from the card number's range");

    // A manager's own mapping: saved (audited), listed, used.
    let json = std::fs::read_to_string(data("custom-preset.json")).unwrap();
    assert_eq!(c.save_bank_preset(&quay_app::Who::Setup, "generic", &json).unwrap_err().code, "err-bank-preset-name");
    assert_eq!(c.save_bank_preset(&quay_app::Who::Setup, "bad", "{").unwrap_err().code, "err-bank-preset-json");
    c.save_bank_preset(&quay_app::Who::Setup, "my-bank", &json).unwrap();
    assert!(c.bank_preset_names(&quay_app::Who::Setup).unwrap().contains(&"my-bank".to_string()));
    let zvt = approved(d, "zvt", "sale", 50_000, zvt_details("A1", "R1", "Visa", "0001"));
    let other = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let r = c.reconcile_bank_file(&quay_app::Who::Setup, other, &bytes("custom-day.csv"), "my-bank", None).unwrap();
    assert_eq!(cat(&r, &zvt.key), [Category::Matched]);
    assert!(audit_actions(d).contains(&"dayend.bank_preset".to_string()));
}

/// The mapping screen's path: a new bank's file is sampled, the suggestion corrected,
/// tried on the file (nothing recorded), and saved as the manager's preset.
#[test]
fn a_new_banks_file_mapped_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let c = counter(d);
    let file = bytes("custom-day.csv");
    let s = c.bank_file_sample(&quay_app::Who::Setup, &file, None, None).unwrap();
    assert_eq!((s.delimiter, s.has_header, s.rows), (';', true, 1));
    let headers: Vec<&str> = s.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(headers, ["Ref", "TID", "When", "Betrag", "Auth"]);
    let mut p = s.suggested.clone();
    let named = |c: &Option<Column>| c.as_ref().map(|c| c.names.clone());
    assert_eq!(named(&p.columns.terminal_id), Some(vec!["TID".to_string()]));
    assert_eq!(named(&p.columns.auth_code), Some(vec!["Auth".to_string()]));
    assert_eq!(p.columns.date_time.names, ["When"], "found by its values");
    assert_eq!(p.columns.amount.names, ["Betrag"]);
    assert_eq!(
        p.date_time,
        DateFormat::Pattern { pattern: "%d.%m.%Y %H:%M".into(), utc_offset_minutes: 420 },
        "a local time, at the counter's offset"
    );
    assert_eq!(p.columns.transaction_id, None, "'Ref' is not guessed");

    // A wrong choice is refused by the preview with line and column, and records nothing.
    let mut wrong = p.clone();
    wrong.columns.amount = Column::named(&["Auth"]);
    let e = c.preview_bank_preset(&quay_app::Who::Setup, &file, &wrong).unwrap_err();
    assert_eq!(e.code, "err-bank-bad-amount");
    let arg = |k: &str| e.args.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone());
    assert_eq!(arg("line"), Some(quay_core::error::Arg::Int(2)));
    assert_eq!(arg("column"), Some(quay_core::error::Arg::Text("Auth".into())));

    p.columns.transaction_id = Some(Column::named(&["Ref"]));
    let preview = c.preview_bank_preset(&quay_app::Who::Setup, &file, &p).unwrap();
    assert_eq!(preview.lines, 1);
    assert_eq!(preview.kinds.get(&LineKind::Sale), Some(&1));
    assert_eq!(preview.first[0].transaction_id.as_deref(), Some("B1"));
    assert_eq!(preview.first[0].date_time, "2026-11-22T12:05:00+07:00");
    assert!(c.bank_reconciliation(&quay_app::Who::Setup, day()).unwrap().imports.is_empty(), "a preview imports nothing");

    let json = serde_json::to_string(&p).unwrap();
    c.save_bank_preset(&quay_app::Who::Setup, "bank-de", &json).unwrap();
    let zvt = approved(d, "zvt", "sale", 50_000, zvt_details("A1", "R1", "Visa", "0001"));
    let r = c.reconcile_bank_file(&quay_app::Who::Setup, day(), &file, "bank-de", Some("custom-day.csv")).unwrap();
    assert_eq!(cat(&r, &zvt.key), [Category::Matched]);

    // Not a CSV a mapping could read: refused before any mapping.
    assert_eq!(c.bank_file_sample(&quay_app::Who::Setup, b"\xff\xfe", None, None).unwrap_err().code, "err-bank-not-utf8");
}

#[test]
fn the_report_in_every_language_and_as_csv() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let c = counter(d);
    let sale = ring_cash(&c, "i-phobo");
    approved(d, "zvt", "sale", 50_000, zvt_details("A1", "R1", "Visa", "0001"));
    c.reconcile_bank_file(&quay_app::Who::Setup, day(), &bytes("generic-day.csv"), "generic", None).unwrap();
    let report = c.day_report(&quay_app::Who::Setup, day()).unwrap();
    assert!(report.bank.is_some() && report.close.is_none());
    for lang in Lang::ALL {
        let doc = c.day_report_document(&report, lang).unwrap();
        assert_eq!(doc.locale_dir == quay_pdf::Direction::Rtl, lang == Lang::Ar, "{lang}");
        let pdf = c.day_report_pdf(&quay_app::Who::Setup, day(), lang).unwrap();
        assert!(pdf.starts_with(b"%PDF"), "{lang}");
        // Every label came from the locale's messages (no id left untranslated).
        let text = format!("{:?}", doc.blocks);
        assert!(!text.contains("dayend-") && !text.contains("receipt-tender"), "{lang}: {text}");
    }
    let csv = c.day_report_csv(&quay_app::Who::Setup, day()).unwrap();
    assert!(csv.starts_with("section,key,count,amount,currency,detail\n"), "{csv}");
    assert!(csv.contains(&format!("tender,cash,1,{},VND,", sale.total)), "{csv}");
    assert!(csv.contains("bank_line,sale:TX1,,50000,VND,matched"), "{csv}");
    assert!(csv.contains("bank_category,duplicate,1,"), "{csv}");

    // The receipt of a sale, through the same machinery.
    c.set_lang(Lang::Ar).unwrap();
    assert!(c.receipt_pdf(&quay_app::Who::Setup, sale.id).unwrap().starts_with(b"%PDF"));
    assert_eq!(c.receipt_document(&quay_app::Who::Setup, sale.id).unwrap().locale_dir, quay_pdf::Direction::Rtl);
}

#[test]
fn the_zvt_terminal_batch_against_the_journal() {
    use quay_app::terminals::ZvtCardTerminal;
    use quay_pay::zvt::{Config, ZvtTerminal};
    use quay_sim::zvt::{Approve, Script, ZvtSim};
    let (sim, tty) = ZvtSim::start().unwrap();
    let config = Config { currency: 704, t3: Duration::from_millis(300), t4: Duration::from_millis(800), ..Config::default() };
    let second = tty.try_clone_native().unwrap();
    let t = ZvtCardTerminal::new(ZvtTerminal::on_tty(tty, config.clone()).unwrap());
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let c = Counter::open(d).unwrap();
    sim.script(Script::Approve(Approve::brand("Visa")));
    c.terminal_test_sale(&quay_app::Who::Setup, &t, Money::new(12_000, Currency::Vnd)).unwrap();
    sim.script(Script::Approve(Approve::brand("Mastercard")));
    c.terminal_test_sale(&quay_app::Who::Setup, &t, Money::new(30_000, Currency::Vnd)).unwrap();
    // A payment the counter holds as approved that the terminal never booked.
    let mut s = store(d);
    let at = c.now().to_rfc3339();
    let p = s
        .begin_payment(&NewPayment {
            sale_id: uuid::Uuid::now_v7(),
            terminal: "zvt",
            kind: quay_core::payment::PaymentKind::Sale,
            amount: 1_000,
            currency: "VND",
            at: &at,
            cart: None,
            taken_by: None,
            order_id: None,
            refund_of: None,
        })
        .unwrap();
    s.payment_transition(&p.key, PaymentState::Sent, &CardDetails::default(), &at).unwrap();
    s.payment_transition(&p.key, PaymentState::Approved, &CardDetails { brand: Some("Visa".into()), ..CardDetails::default() }, &at)
        .unwrap();

    let mut driver = ZvtTerminal::on_tty(second, config).unwrap();
    let b = c.terminal_batch_zvt(&quay_app::Who::Setup, &mut driver, c.today()).unwrap();
    assert_eq!(b.terminal, "zvt");
    assert_eq!((b.terminal_total, b.counter_total, b.difference), (42_000, 43_000, -1_000));
    assert!(!b.agrees, "the difference is shown, not hidden");
    let visa = b.brands.iter().find(|x| x.brand == "Visa").unwrap();
    assert_eq!((visa.counter.count, visa.terminal.count, visa.difference), (2, 1, -1_000));
    let mc = b.brands.iter().find(|x| x.brand == "Eurocard").unwrap();
    assert_eq!((mc.counter.amount, mc.terminal.amount, mc.difference), (30_000, 30_000, 0));
    assert_eq!(c.terminal_batches(&quay_app::Who::Setup, c.today()).unwrap(), vec![b.clone()]);
    assert!(audit_actions(d).contains(&"dayend.terminal_batch".to_string()));
    let report = c.day_report(&quay_app::Who::Setup, c.today()).unwrap();
    assert_eq!(report.terminal, Some(b));
}

#[test]
fn the_viva_day_against_the_journal() {
    use quay_app::terminals::VivaTerminal;
    use quay_pay::viva::VivaClient;
    use quay_sim::viva::{start_viva_in_thread, TerminalOutcome as Pay, VivaConfig};
    const SOURCE: &str = "A3-SN-0042";
    let viva = start_viva_in_thread(VivaConfig::sandbox());
    let client = || VivaClient::new(&viva.url, VivaConfig::SANDBOX_MERCHANT_ID, VivaConfig::SANDBOX_API_KEY).with_currency(Currency::Vnd);
    let t = VivaTerminal::new(client(), SOURCE).with_timing(Duration::from_millis(50), Duration::from_secs(5));
    let dir = tempfile::tempdir().unwrap();
    let c = Counter::open(dir.path()).unwrap();
    c.import_menu(&quay_app::Who::Setup, DEMO).unwrap();
    let co = c.checkout();
    c.edit_cart(&co, &quay_app::Who::Setup, |cart, m, now| Ok(cart.add(m, "i-phobo", &[], 2, None, now)?)).unwrap();
    let result = std::thread::scope(|s| {
        s.spawn(|| {
            for _ in 0..200 {
                if viva.pay_newest(SOURCE, Pay::Approve).is_some() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        });
        c.pay_card(&co, &quay_app::Who::Setup, &t, None, &|_| {}).unwrap()
    });
    let total = result.sale.unwrap().total;
    let b = c.terminal_batch_viva(&quay_app::Who::Setup, &client(), Some(SOURCE), c.today()).unwrap();
    assert_eq!(b.terminal, "viva");
    assert_eq!((b.counter_total, b.terminal_total), (total, total), "{b:?}");
    assert!(b.agrees, "{b:?}");

    // A Viva account answering in another currency is refused, not misread.
    let eur = VivaClient::new(&viva.url, VivaConfig::SANDBOX_MERCHANT_ID, VivaConfig::SANDBOX_API_KEY).with_currency(Currency::Eur);
    let e = c.terminal_batch_viva(&quay_app::Who::Setup, &eur, Some(SOURCE), c.today()).unwrap_err();
    assert_eq!(e.code, "err-dayend-terminal");
}
