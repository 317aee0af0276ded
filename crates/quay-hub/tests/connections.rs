//! Connection records against the hub simulator on loopback: push and its idempotency,
//! refusals, a lost answer, the month list across the points of a brand; and against a
//! tiny signed stub, the answers the client must not take.

use hmac::{Hmac, Mac};
use quay_core::connection::{Partner, Stage};
use quay_hub::{Credentials, HubClient, HubError, PushStatus};
use quay_sim::{Faults, HubConfig, PointConfig, RunningHub};
use serde_json::{json, Value};
use sha2::Sha256;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const PROOF: &str = "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f";

fn creds(pos_id: &str, key1: &[u8], key2: &[u8]) -> Credentials {
    Credentials { pos_parent: HubConfig::SANDBOX_POS_PARENT.into(), pos_id: pos_id.into(), key1: key1.to_vec(), key2: key2.to_vec() }
}

async fn hub() -> (RunningHub, HubClient) {
    let hub = quay_sim::start(HubConfig::sandbox(quay_core::synth::menu(5, 1))).await;
    let client = HubClient::new(&hub.url, creds(HubConfig::SANDBOX_POS_ID, HubConfig::SANDBOX_KEY1, HubConfig::SANDBOX_KEY2)).unwrap();
    (hub, client)
}

/// A MoMo record of `pos_id` with its first `n` steps, connected on `day` (as its text).
fn record(pos_id: &str, n_id: u32, partner: &str, n: usize, day: &str) -> String {
    let confirmations = if partner == "momo" { json!(["leader", "merchant"]) } else { json!(["merchant"]) };
    let steps: Vec<Value> = vec![
        json!({"step": "requested", "at": "2026-11-03T09:00:00+07:00", "by": "Minh", "reference": "mail 2026-11-02",
               "confirmations": [], "note": null, "proof_sha256": null}),
        json!({"step": "confirmed", "at": "2026-11-04T09:00:00+07:00", "by": "Minh", "reference": null,
               "confirmations": confirmations, "note": null, "proof_sha256": null}),
        json!({"step": "deployed", "at": "2026-11-05T09:00:00+07:00", "by": "Minh", "reference": null,
               "confirmations": [], "note": null, "proof_sha256": null}),
        json!({"step": "approved", "at": "2026-11-10T09:00:00+07:00", "by": "Minh", "reference": "CMS-1",
               "confirmations": [], "note": null, "proof_sha256": null}),
        json!({"step": "connected", "at": format!("{day}T15:00:00+07:00"), "by": "Minh", "reference": null,
               "confirmations": [], "note": null, "proof_sha256": PROOF}),
    ]
    .into_iter()
    .take(n)
    .collect();
    let status = steps.last().unwrap()["step"].clone();
    json!({"id": format!("0193a0c2-7b1e-7cc0-9d2a-{n_id:012x}"), "revision": n, "pos_parent": "SANDBOX", "pos_id": pos_id,
           "partner": partner, "status": status, "point_name": "Quay Café", "address": "1 Lê Lợi", "contact_name": "Lan",
           "contact_phone": "0901 234 567", "point_code": null, "notes": null, "hub_point_name": null, "steps": steps})
    .to_string()
}

#[tokio::test]
async fn a_record_is_stored_then_a_duplicate_and_refusals_are_refused() {
    let (hub, client) = hub().await;
    let r3 = record("SANDBOX-01", 1, "momo", 3, "2026-11-20");
    assert_eq!(client.push_connection(&r3).await, Ok(PushStatus::Stored));
    assert_eq!(client.push_connection(&r3).await, Ok(PushStatus::Duplicate));
    let r5 = record("SANDBOX-01", 1, "momo", 5, "2026-11-20");
    assert_eq!(client.push_connection(&r5).await, Ok(PushStatus::Stored));
    assert_eq!(client.push_connection(&r3).await, Ok(PushStatus::Duplicate), "an older revision: the hub keeps the newer");
    assert_eq!(hub.stored_connections().len(), 1);

    let invalid = r5.replace(PROOF, "abc");
    match client.push_connection(&invalid).await {
        Err(e @ HubError::Refused { status: 400, .. }) => {
            assert!(matches!(&e, HubError::Refused { code, .. } if code == "invalid"));
            assert!(!e.retryable());
        }
        other => panic!("{other:?}"),
    }
    let other_content = r5.replace("Quay Café", "Quay Cafe");
    match client.push_connection(&other_content).await {
        Err(e @ HubError::Refused { status: 409, .. }) => {
            assert!(matches!(&e, HubError::Refused { code, .. } if code == "conflict"));
            assert!(!e.retryable());
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_lost_answer_is_sent_again_and_stored_once() {
    let (hub, client) = hub().await;
    hub.set_faults(Faults { connections_drop_after_store: 1, ..Faults::default() });
    let r = record("SANDBOX-01", 1, "momo", 5, "2026-11-20");
    let e = client.push_connection(&r).await.unwrap_err();
    assert!(matches!(e, HubError::Network { .. }) && e.retryable(), "{e:?}");
    assert_eq!(client.push_connection(&r).await, Ok(PushStatus::Duplicate));
    assert_eq!(hub.stored_connections().len(), 1);
}

#[tokio::test]
async fn the_month_lists_every_point_of_the_brand() {
    let (hub, a) = hub().await;
    hub.add_point(PointConfig::new("SANDBOX-02", b"b-key1", b"b-key2", "Quay B"));
    hub.add_point(PointConfig::new("SANDBOX-03", b"c-key1", b"c-key2", "Quay C"));
    let b = HubClient::new(&hub.url, creds("SANDBOX-02", b"b-key1", b"b-key2")).unwrap();
    let c = HubClient::new(&hub.url, creds("SANDBOX-03", b"c-key1", b"c-key2")).unwrap();
    assert_eq!(b.ping().await.unwrap().point_name, "Quay B");
    a.push_connection(&record("SANDBOX-01", 1, "momo", 5, "2026-11-20")).await.unwrap();
    a.push_connection(&record("SANDBOX-01", 2, "vpos:Akbank", 5, "2026-12-01")).await.unwrap();
    b.push_connection(&record("SANDBOX-02", 3, "giftpop", 5, "2026-11-30")).await.unwrap();
    c.push_connection(&record("SANDBOX-03", 4, "vnpay", 4, "2026-11-20")).await.unwrap();
    for client in [&a, &b, &c] {
        let list = client.connections("2026-11").await.unwrap();
        let got: Vec<(&str, Partner, Stage)> = list.iter().map(|r| (r.pos_id.as_str(), r.partner.clone(), r.status)).collect();
        assert_eq!(got, vec![("SANDBOX-01", Partner::Momo, Stage::Connected), ("SANDBOX-02", Partner::Giftpop, Stage::Connected)]);
    }
    let dec = c.connections("2026-12").await.unwrap();
    assert_eq!(dec.len(), 1);
    assert_eq!(dec[0].partner, Partner::Vpos("Akbank".into()));
    assert_eq!(dec[0].connected_at(), Some("2026-12-01T15:00:00+07:00"));
    match a.connections("2026-13").await {
        Err(HubError::Refused { status: 400, code, .. }) => assert_eq!(code, "invalid"),
        other => panic!("{other:?}"),
    }
}

// ---- a stub hub answering what the simulator never would, signed with key2 ----

/// Serves one request on loopback with `status` and `body`, signed like the hub; returns
/// the base URL.
async fn stub(status: u16, body: String) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (mut s, _) = listener.accept().await.unwrap();
        let mut raw = Vec::new();
        let mut buf = [0u8; 8192];
        // The head, then as many body bytes as Content-Length says.
        loop {
            let n = s.read(&mut buf).await.unwrap();
            raw.extend_from_slice(&buf[..n]);
            let text = String::from_utf8_lossy(&raw).to_string();
            if let Some(end) = text.find("\r\n\r\n") {
                let len = text[..end]
                    .lines()
                    .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse::<usize>().unwrap()))
                    .unwrap_or(0);
                if raw.len() >= end + 4 + len {
                    break;
                }
            }
            if n == 0 {
                break;
            }
        }
        let text = String::from_utf8_lossy(&raw).to_string();
        let nonce = text.lines().find_map(|l| l.to_ascii_lowercase().strip_prefix("x-quay-nonce:").map(|v| v.trim().to_string())).unwrap();
        let ts = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs().to_string();
        let mut mac = Hmac::<Sha256>::new_from_slice(HubConfig::SANDBOX_KEY2).unwrap();
        mac.update(format!("{ts}\n{nonce}\n{}", quay_hub::sign::body_hash(body.as_bytes())).as_bytes());
        let sig = quay_hub::sign::hex(&mac.finalize().into_bytes());
        let head = format!(
            "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nX-Quay-Timestamp: {ts}\r\nX-Quay-Signature: {sig}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        s.write_all(head.as_bytes()).await.unwrap();
        s.write_all(body.as_bytes()).await.unwrap();
        let _ = s.shutdown().await;
    });
    format!("http://{addr}/api/v1")
}

fn stub_client(url: &str) -> HubClient {
    HubClient::new(url, creds(HubConfig::SANDBOX_POS_ID, HubConfig::SANDBOX_KEY1, HubConfig::SANDBOX_KEY2)).unwrap()
}

#[tokio::test]
async fn answers_the_client_does_not_take() {
    let r = record("SANDBOX-01", 1, "momo", 5, "2026-11-20");
    let id = "0193a0c2-7b1e-7cc0-9d2a-000000000001";
    // The stub answers as the hub would: accepted (the id in another case is the same UUID).
    let url = stub(200, json!({"status": "stored", "id": id.to_uppercase(), "revision": 5}).to_string()).await;
    assert_eq!(stub_client(&url).push_connection(&r).await, Ok(PushStatus::Stored));
    let bad_push = [
        json!({"status": "rejected", "id": id, "revision": 5}),
        json!({"status": "stored", "id": "0193a0c2-7b1e-7cc0-9d2a-000000000002", "revision": 5}),
        json!({"status": "stored"}),
        json!([]),
    ];
    for body in bad_push {
        let url = stub(200, body.to_string()).await;
        let e = stub_client(&url).push_connection(&r).await.unwrap_err();
        assert!(matches!(e, HubError::BadAnswer { .. }), "{body}: {e:?}");
    }
    let good = serde_json::from_str::<Value>(&r).unwrap();
    let mut unreadable = good.clone();
    unreadable["partner"] = json!("paypal");
    let bad_lists = [
        json!({"month": "2026-11", "records": [good.clone(), unreadable]}),
        json!({"month": "2026-10", "records": [good.clone()]}),
        json!({"records": [good.clone()]}),
    ];
    for body in bad_lists {
        let url = stub(200, body.to_string()).await;
        let e = stub_client(&url).connections("2026-11").await.unwrap_err();
        assert!(matches!(e, HubError::BadAnswer { .. }), "{body}: {e:?}");
    }
    let url = stub(200, json!({"month": "2026-11", "records": [good]}).to_string()).await;
    assert_eq!(stub_client(&url).connections("2026-11").await.unwrap().len(), 1);
    let url = stub(503, json!({"error": {"code": "unavailable", "message": "busy"}}).to_string()).await;
    let e = stub_client(&url).push_connection(&r).await.unwrap_err();
    assert!(matches!(&e, HubError::Refused { status: 503, .. }) && e.retryable(), "{e:?}");
}
