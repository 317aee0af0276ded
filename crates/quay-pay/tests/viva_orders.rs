//! The Viva client against quay-sim's Viva: orders for a source, the scripted terminal,
//! polling, cancel, refunds, credentials and faults.

use std::time::Duration;

use quay_pay::viva::{OrderCode, OrderOutcome, TxStatus, VivaClient, VivaError};
use quay_sim::viva::{start_viva, RunningViva, TerminalOutcome, VivaConfig, VivaFaults};

async fn sim() -> (RunningViva, VivaClient) {
    let viva = start_viva(VivaConfig::sandbox()).await;
    let client = VivaClient::new(&viva.url, VivaConfig::SANDBOX_MERCHANT_ID, VivaConfig::SANDBOX_API_KEY);
    (viva, client)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn paid_order_is_approved_with_the_exact_minor_amount() {
    let (viva, client) = sim().await;
    // 0.07, 10.00, 12.50, 0.29 (28.999… in floats), 1234.56, 99999.99
    for (i, cents) in [7i64, 1000, 1250, 29, 123456, 9_999_999].into_iter().enumerate() {
        let trns = format!("sale-{i}");
        let code = client.create_order(cents, "A3", &trns).await.unwrap();
        assert_eq!(client.poll_order(code).await.unwrap(), OrderOutcome::Pending);
        let order = client.get_order(code).await.unwrap();
        assert_eq!(
            (order.amount_minor, order.source_code.as_deref(), order.merchant_trns.as_deref()),
            (cents, Some("A3"), Some(trns.as_str()))
        );

        let paid = viva.pay_newest("A3", TerminalOutcome::Approve).expect("a pending order");
        let OrderOutcome::Approved { transaction: t } = client.poll_order(code).await.unwrap() else { panic!("not approved") };
        assert_eq!(t.amount_minor, cents, "exact minor units for {cents}");
        assert_eq!(t.transaction_id, paid.transaction_id);
        assert_eq!(t.order_code, Some(code));
        assert_eq!(t.status, TxStatus::Paid);
        assert_eq!(t.merchant_trns.as_deref(), Some(trns.as_str()));
        assert!(t.card_number.as_deref().unwrap().contains("******"));
        assert!(t.terminal_id.is_some() && t.authorization_id.is_some() && t.retrieval_reference.is_some() && t.reference_number.is_some());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_terminal_takes_the_newest_order_of_its_own_source() {
    let (viva, client) = sim().await;
    let old = client.create_order(500, "A3", "s-old").await.unwrap();
    let other = client.create_order(700, "B7", "s-other").await.unwrap();
    let new = client.create_order(900, "A3", "s-new").await.unwrap();
    viva.pay_newest("A3", TerminalOutcome::Approve).unwrap();
    assert_eq!(client.poll_order(old).await.unwrap(), OrderOutcome::Pending);
    assert_eq!(client.poll_order(other).await.unwrap(), OrderOutcome::Pending);
    assert!(matches!(client.poll_order(new).await.unwrap(), OrderOutcome::Approved { transaction } if transaction.amount_minor == 900));
    // Paid: nothing left for A3's terminal to take.
    assert!(viva.pay_newest("A3", TerminalOutcome::Approve).is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn declined_then_another_card_pays() {
    let (viva, client) = sim().await;
    let code = client.create_order(4550, "A3", "sale-d").await.unwrap();
    viva.pay_newest("A3", TerminalOutcome::Decline).unwrap();
    let out = client.poll_order(code).await.unwrap();
    assert!(matches!(&out, OrderOutcome::Declined { transaction } if transaction.status == TxStatus::Error));
    assert!(!out.is_final());
    viva.pay_newest("A3", TerminalOutcome::Approve).unwrap();
    assert!(matches!(client.poll_order(code).await.unwrap(), OrderOutcome::Approved { transaction } if transaction.amount_minor == 4550));
    assert_eq!(client.transactions_by_order(code).await.unwrap().len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelled_order_cannot_be_paid() {
    let (viva, client) = sim().await;
    let code = client.create_order(1000, "A3", "sale-c").await.unwrap();
    client.cancel_order(code).await.unwrap();
    assert_eq!(client.poll_order(code).await.unwrap(), OrderOutcome::Cancelled);
    assert!(viva.pay_newest("A3", TerminalOutcome::Approve).is_none());
    // Unknown order: Viva's error, not a crash.
    assert!(matches!(client.get_order(OrderCode(42)).await, Err(VivaError::Api { code: 404, .. })));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refund_once_then_non_reversible() {
    let (viva, client) = sim().await;
    let code = client.create_order(1250, "A3", "sale-r").await.unwrap();
    let paid = viva.pay_newest("A3", TerminalOutcome::Approve).unwrap();
    let reversal = client.refund(&paid.transaction_id, 1250).await.unwrap();
    assert!(reversal.is_some());
    assert!(
        matches!(client.poll_order(code).await.unwrap(), OrderOutcome::Refunded { transaction } if transaction.transaction_id == paid.transaction_id)
    );
    match client.refund(&paid.transaction_id, 1250).await {
        Err(VivaError::Api { code: 403, text }) => assert_eq!(text, "Non reversible transaction"),
        other => panic!("second refund: {other:?}"),
    }
    assert!(!client.refund(&paid.transaction_id, 1).await.unwrap_err().retryable());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_api_key_is_refused() {
    let (viva, _) = sim().await;
    let bad = VivaClient::new(&viva.url, VivaConfig::SANDBOX_MERCHANT_ID, "not-the-key");
    let e = bad.create_order(100, "A3", "x").await.unwrap_err();
    assert!(matches!(e, VivaError::Unauthorized), "{e:?}");
    assert!(!e.retryable());
    assert!(viva.orders().is_empty());
    assert_eq!(viva.stats().unauthorized, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_errors_are_retryable_and_change_nothing() {
    let (viva, client) = sim().await;
    viva.set_faults(VivaFaults { fail_5xx: 1, ..Default::default() });
    let e = client.create_order(100, "A3", "sale-5").await.unwrap_err();
    assert!(matches!(e, VivaError::Http { status: 500, .. }), "{e:?}");
    assert!(e.retryable());
    assert!(viva.orders().is_empty());
    client.create_order(100, "A3", "sale-5").await.unwrap();
    assert_eq!(viva.orders().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_viva_times_out_retryably_or_answers_in_time() {
    let (viva, client) = sim().await;
    viva.set_faults(VivaFaults { slow_ms: 800, ..Default::default() });
    let impatient = client.clone().with_timeout(Duration::from_millis(200));
    let e = impatient.transactions_by_order(OrderCode(1)).await.unwrap_err();
    assert!(matches!(e, VivaError::Network { timed_out: true, .. }), "{e:?}");
    assert!(e.retryable());
    // Within the default 10 s: a slow answer is still an answer.
    assert!(client.transactions_by_order(OrderCode(1)).await.unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lost_create_answer_is_found_by_merchant_reference() {
    let (viva, client) = sim().await;
    viva.set_faults(VivaFaults { lose_create_responses: 1, ..Default::default() });
    let e = client.create_order(3300, "A3", "sale-lost").await.unwrap_err();
    assert!(matches!(e, VivaError::Network { .. }), "{e:?}");
    assert!(e.retryable());
    // The order exists at Viva although we never saw its code.
    let at_viva = viva.orders_by_merchant_trns("sale-lost");
    assert_eq!(at_viva.len(), 1);
    // Nobody paid yet: the date search finds nothing for our reference.
    assert!(client.find_by_merchant_trns(&viva.today(), "sale-lost").await.unwrap().is_empty());
    // The cashier pressed F1 anyway and the card went through on the lost order.
    viva.pay_newest("A3", TerminalOutcome::Approve).unwrap();
    let found = client.find_by_merchant_trns(&viva.today(), "sale-lost").await.unwrap();
    assert_eq!(found.len(), 1);
    let code = found[0].order_code.unwrap();
    assert_eq!(code.0, at_viva[0].order_code);
    let out = quay_pay::viva::decide(code, None, &found);
    assert!(matches!(out, OrderOutcome::Approved { transaction } if transaction.amount_minor == 3300));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retrying_a_lost_create_makes_the_new_order_the_one_paid() {
    let (viva, client) = sim().await;
    viva.set_faults(VivaFaults { lose_create_responses: 1, ..Default::default() });
    assert!(client.create_order(800, "A3", "sale-retry").await.is_err());
    assert!(client.find_by_merchant_trns(&viva.today(), "sale-retry").await.unwrap().is_empty());
    let code = client.create_order(800, "A3", "sale-retry").await.unwrap();
    viva.pay_newest("A3", TerminalOutcome::Approve).unwrap();
    // Two orders with our reference, exactly one payment — on the order we know.
    assert_eq!(viva.orders_by_merchant_trns("sale-retry").len(), 2);
    let found = client.find_by_merchant_trns(&viva.today(), "sale-retry").await.unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].order_code, Some(code));
    assert!(matches!(client.poll_order(code).await.unwrap(), OrderOutcome::Approved { .. }));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_answering_is_a_retryable_network_error() {
    let (viva, client) = sim().await;
    let url = viva.url.clone();
    drop(viva);
    tokio::time::sleep(Duration::from_millis(50)).await;
    let c = VivaClient::new(&url, "m", "k");
    let e = c.create_order(100, "A3", "x").await.unwrap_err();
    assert!(matches!(e, VivaError::Network { .. }), "{e:?}");
    let _ = client;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refuses_bad_input_before_sending() {
    let (viva, client) = sim().await;
    assert!(client.create_order(0, "A3", "x").await.is_err());
    assert!(client.refund("../orders/1", 100).await.is_err());
    assert!(client.transactions_by_date("22/11/2026").await.is_err());
    assert_eq!(viva.stats().api_requests, 0);
}

/// Orders state the counter's currency; VND amounts come back whole. A transaction in
/// another currency than the client's is refused, not misread by a factor of 100.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn orders_carry_the_currency_and_another_one_is_refused() {
    use quay_core::Currency;
    let (viva, eur) = sim().await;
    let vnd = VivaClient::new(&viva.url, VivaConfig::SANDBOX_MERCHANT_ID, VivaConfig::SANDBOX_API_KEY).with_currency(Currency::Vnd);
    let code = vnd.create_order(45_000, "A3", "sale-vnd").await.unwrap();
    assert_eq!(viva.viva().order(code.0).unwrap().currency, Currency::Vnd);
    viva.pay_newest("A3", TerminalOutcome::Approve).unwrap();
    let OrderOutcome::Approved { transaction } = vnd.poll_order(code).await.unwrap() else { panic!("not approved") };
    assert_eq!(transaction.amount_minor, 45_000);

    let e = eur.transactions_by_order(code).await.unwrap_err();
    assert!(matches!(&e, VivaError::Currency { found, expected: "EUR" } if found == "VND"), "{e:?}");
}
