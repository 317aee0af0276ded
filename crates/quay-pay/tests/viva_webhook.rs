//! A minimal webhook listener built from `quay_pay::viva::webhook`'s pure pieces,
//! against quay-sim's Viva: the GET verification, the secret token, and duplicated
//! events that must complete the sale once.

use std::collections::HashSet;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::Duration;

use quay_pay::viva::webhook::{parse_event, token_ok, verification_body, EventKind, Hint};
use quay_pay::viva::{OrderOutcome, VivaClient};
use quay_sim::viva::{start_viva, TerminalOutcome, VivaConfig, VivaFaults};

const SECRET: &str = "till-secret-0123456789";

/// Answers webhooks on a thread: 403 without our token, the verification key on GET,
/// and every parsed POST hint sent down the channel.
fn listener(key: String) -> (String, mpsc::Receiver<Hint>) {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in l.incoming() {
            let Ok(mut s) = stream else { continue };
            s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
            let (method, target, body) = read_request(&mut s);
            let query = target.split_once('?').map(|(_, q)| q);
            let (status, answer) = if !token_ok(query, SECRET) {
                (403, String::new())
            } else if method == "GET" {
                (200, verification_body(&key))
            } else {
                match parse_event(&body) {
                    Ok(h) => {
                        let _ = tx.send(h);
                        (200, String::new())
                    }
                    Err(_) => (400, String::new()),
                }
            };
            let _ = write!(
                s,
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
                answer.len()
            );
        }
    });
    (format!("http://127.0.0.1:{port}/viva/webhook"), rx)
}

fn read_request(s: &mut std::net::TcpStream) -> (String, String, Vec<u8>) {
    let mut buf = Vec::new();
    let mut byte = [0u8; 1];
    while !buf.ends_with(b"\r\n\r\n") && s.read(&mut byte).unwrap_or(0) == 1 {
        buf.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&buf).to_string();
    let mut first = head.lines().next().unwrap_or("").split_whitespace();
    let method = first.next().unwrap_or("").to_string();
    let target = first.next().unwrap_or("").to_string();
    let len = head
        .lines()
        .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse::<usize>().unwrap_or(0)))
        .unwrap_or(0);
    let mut body = vec![0u8; len];
    let _ = s.read_exact(&mut body);
    (method, target, body)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verification_token_and_duplicate_events() {
    // The key comes from Viva first, then the listener can answer the verification.
    let probe = start_viva(VivaConfig::sandbox()).await;
    let key = VivaClient::new(&probe.url, VivaConfig::SANDBOX_MERCHANT_ID, VivaConfig::SANDBOX_API_KEY).webhook_key().await.unwrap();
    assert_eq!(key, VivaConfig::SANDBOX_WEBHOOK_KEY);
    let (base, hints) = listener(key);

    // A URL without our token is refused, so Viva's verification fails.
    let wrong = start_viva(VivaConfig { webhook_url: Some(format!("{base}?token=guess")), ..VivaConfig::sandbox() }).await;
    let refused = tokio::task::spawn_blocking(move || wrong.verify_webhook()).await.unwrap();
    assert!(refused.unwrap_err().contains("403"));

    let viva = start_viva(VivaConfig { webhook_url: Some(format!("{base}?token={SECRET}")), ..VivaConfig::sandbox() }).await;
    let viva = std::sync::Arc::new(viva);
    let v2 = viva.clone();
    tokio::task::spawn_blocking(move || v2.verify_webhook()).await.unwrap().expect("verification passes");

    // Every event arrives twice (a retrying sender).
    viva.set_faults(VivaFaults { webhook_copies: 2, ..Default::default() });
    let client = VivaClient::new(&viva.url, VivaConfig::SANDBOX_MERCHANT_ID, VivaConfig::SANDBOX_API_KEY);
    let code = client.create_order(2750, "A3", "sale-w").await.unwrap();
    viva.pay_newest("A3", TerminalOutcome::Approve).unwrap();

    let got: Vec<Hint> = (0..2).map(|_| hints.recv_timeout(Duration::from_secs(5)).expect("a webhook")).collect();
    assert_eq!(got[0], got[1], "the duplicate is the same hint");
    assert_eq!(got[0].kind, EventKind::PaymentCreated);
    assert_eq!(got[0].order_code, Some(code));

    // The app acts on hints by re-fetching; a sale completes once per order code.
    let mut completed: HashSet<_> = HashSet::new();
    let mut completions = 0;
    for h in &got {
        let order = h.order_code.unwrap();
        if let OrderOutcome::Approved { transaction } = client.poll_order(order).await.unwrap() {
            assert_eq!(transaction.amount_minor, 2750);
            if completed.insert(order) {
                completions += 1;
            }
        }
    }
    assert_eq!(completions, 1);

    // A failed payment's event (1798) is a hint too.
    client.create_order(100, "B7", "sale-f").await.unwrap();
    viva.pay_newest("B7", TerminalOutcome::Decline).unwrap();
    let h = hints.recv_timeout(Duration::from_secs(5)).unwrap();
    assert_eq!(h.kind, EventKind::TransactionFailed);
    assert_eq!(hints.recv_timeout(Duration::from_secs(5)).unwrap(), h, "its duplicate");
    assert!(matches!(client.poll_order(h.order_code.unwrap()).await.unwrap(), OrderOutcome::Declined { .. }));

    // Refund → 1797.
    let paid = client.transactions_by_order(code).await.unwrap().remove(0);
    client.refund(&paid.transaction_id, 2750).await.unwrap();
    let h = hints.recv_timeout(Duration::from_secs(5)).unwrap();
    assert_eq!(h.kind, EventKind::ReversalCreated);
    assert_eq!(h.order_code, Some(code));
    assert_eq!(hints.recv_timeout(Duration::from_secs(5)).unwrap(), h, "its duplicate");
    // Six POSTs (three events, twice each), all acknowledged.
    for _ in 0..100 {
        if viva.stats().webhooks_acknowledged == 6 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!((viva.stats().webhooks_sent, viva.stats().webhooks_acknowledged), (6, 6));
    let _ = probe;
}
