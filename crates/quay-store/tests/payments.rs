//! The payment journal: attempts are written before the terminal is called, move only as
//! the state machine allows, keep every state in an append-only log, and survive a
//! restart as "unresolved" until the terminal is asked.

use chrono::NaiveDate;
use quay_core::payment::PaymentState::*;
use quay_core::Localized;
use quay_store::{CardDetails, NewPayment, Store};
use uuid::Uuid;

fn new(sale: Uuid, amount: i64) -> NewPayment<'static> {
    NewPayment {
        sale_id: sale,
        terminal: "zvt",
        kind: quay_core::payment::PaymentKind::Sale,
        amount,
        currency: "VND",
        at: "2026-11-22T09:00:00+07:00",
        cart: Some("{\"lines\":[]}"),
        taken_by: Some("Lan"),
        order_id: None,
        refund_of: None,
    }
}

#[test]
fn an_attempt_is_journaled_before_the_call_and_moves_by_the_rules() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quay.db");
    let sale = Uuid::from_u128(42);
    let key = {
        let mut s = Store::open(&path).unwrap();
        let p = s.begin_payment(&new(sale, 95_000)).unwrap();
        assert_eq!((p.attempt, p.state, p.key.as_str()), (1, Pending, "00000000-0000-0000-0000-00000000002a-1"));
        assert_eq!(p.taken_by.as_deref(), Some("Lan"), "who takes the payment is journaled with it");
        // A second attempt while the first is in flight is refused.
        assert_eq!(s.begin_payment(&new(sale, 95_000)).unwrap_err().code(), "err-payment-unresolved");
        s.payment_transition(&p.key, Sent, &CardDetails::default(), "2026-11-22T09:00:01+07:00").unwrap();
        p.key
        // The process "dies" here: the store is dropped with the attempt sent.
    };
    let mut s = Store::open(&path).unwrap();
    let open = s.payments_unresolved().unwrap();
    assert_eq!(open.iter().map(|p| (p.key.as_str(), p.state)).collect::<Vec<_>>(), [(key.as_str(), Sent)]);
    assert_eq!(open[0].cart.as_deref(), Some("{\"lines\":[]}"), "the cart is kept to complete the sale");
    assert_eq!(open[0].taken_by.as_deref(), Some("Lan"), "and who took it, for the sale it completes");
    // Resolved by asking the terminal: unknown first, then what the status enquiry says.
    s.payment_transition(
        &key,
        Unknown,
        &CardDetails { message: Some("T4 expired".into()), ..Default::default() },
        "2026-11-22T09:03:01+07:00",
    )
    .unwrap();
    let approved = CardDetails {
        terminal_id: Some("52500001".into()),
        masked_pan: Some("4111********1111".into()),
        brand: Some("Visa".into()),
        auth_code: Some("A1B2C3".into()),
        trace: Some("000982".into()),
        receipt_no: Some("0233".into()),
        ..Default::default()
    };
    let p = s.payment_transition(&key, Approved, &approved, "2026-11-22T09:03:05+07:00").unwrap();
    assert_eq!((p.state, p.details.brand.as_deref(), p.details.message.as_deref()), (Approved, Some("Visa"), Some("T4 expired")));
    assert!(s.payments_unresolved().unwrap().is_empty());
    // Final is final.
    let err = s.payment_transition(&key, Declined, &CardDetails::default(), "2026-11-22T09:04:00+07:00").unwrap_err();
    assert_eq!(err.code(), "err-payment-transition");
    let log: Vec<String> = s.payment_log(&key).unwrap().into_iter().map(|(_, state, _)| state).collect();
    assert_eq!(log, ["pending", "sent", "unknown", "approved"]);
    // The log and the journal cannot be rewritten.
    assert!(s.conn().execute("DELETE FROM payment_events", []).is_err());
    assert!(s.conn().execute("UPDATE payment_events SET state = 'declined'", []).is_err());
    assert!(s.conn().execute("DELETE FROM payments", []).is_err());
    assert_eq!(s.payments_on(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()).unwrap().len(), 1);
}

/// A Viva decline keeps both codes: Viva's Event ID and the issuer's response code, read
/// back from the journal and in the attempt's log.
#[test]
fn a_viva_decline_keeps_its_event_id_and_the_issuers_code() {
    let mut s = Store::open_in_memory().unwrap();
    let p = s.begin_payment(&NewPayment { terminal: "viva", ..new(Uuid::from_u128(2), 50_000) }).unwrap();
    s.payment_transition(&p.key, Sent, &CardDetails::default(), "t1").unwrap();
    let declined = CardDetails {
        result_code: Some("10051".into()),
        result_source: Some("viva".into()),
        issuer_code: Some("51".into()),
        ..Default::default()
    };
    let r = s.payment_transition(&p.key, Declined, &declined, "t2").unwrap();
    assert_eq!((r.details.result_code.as_deref(), r.details.issuer_code.as_deref()), (Some("10051"), Some("51")));
    let log = s.payment_log(&p.key).unwrap();
    assert!(log.last().unwrap().2.as_deref().unwrap().contains(r#""issuer_code":"51""#));
}

#[test]
fn a_declined_attempt_allows_the_next_one() {
    let mut s = Store::open_in_memory().unwrap();
    let sale = Uuid::from_u128(1);
    let first = s.begin_payment(&new(sale, 50_000)).unwrap();
    s.payment_transition(&first.key, Sent, &CardDetails::default(), "t1").unwrap();
    let declined = CardDetails { result_code: Some("51".into()), result_source: Some("iso8583".into()), ..Default::default() };
    s.payment_transition(&first.key, Declined, &declined, "t2").unwrap();
    let second = s.begin_payment(&new(sale, 50_000)).unwrap();
    assert_eq!(second.attempt, 2);
    // Never sent: cancelled directly.
    s.payment_transition(&second.key, Cancelled, &CardDetails::default(), "t3").unwrap();
    assert!(s.payment_transition(&second.key, Sent, &CardDetails::default(), "t4").is_err());
    let all = s.payments_of_sale(sale).unwrap();
    assert_eq!(all.iter().map(|p| (p.attempt, p.state)).collect::<Vec<_>>(), [(1, Declined), (2, Cancelled)]);
    assert_eq!(all[0].details.result_code.as_deref(), Some("51"));
    // A refund of the sale is its own series of attempts.
    let refund = s.begin_payment(&NewPayment { kind: quay_core::payment::PaymentKind::Refund, ..new(sale, 50_000) }).unwrap();
    assert!(refund.key.ends_with("-1-refund"));
}
