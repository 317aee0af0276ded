//! Requests are authenticated exactly as hub-api.md says, and every response is signed
//! with key2 over the request's nonce.

use crate::common;

use common::{nonce, now, sandbox, send, Signer};

#[test]
fn a_signed_ping_is_answered_and_its_response_verifies_with_key2() {
    let c = sandbox();
    let r = c.call("GET", "/ping", b"", &[]);
    assert_eq!(r.status, 200);
    let ping = r.json();
    assert_eq!(ping["pos_parent"], "SANDBOX");
    assert_eq!(ping["pos_id"], "SANDBOX-01");
    assert!(ping["point_name"].as_str().is_some_and(|n| !n.is_empty()));
    chrono::DateTime::parse_from_rfc3339(ping["server_time"].as_str().unwrap()).expect("RFC 3339 with offset");
    let partners: Vec<(&str, &str)> =
        ping["partners"].as_array().unwrap().iter().map(|p| (p["partner"].as_str().unwrap(), p["status"].as_str().unwrap())).collect();
    assert_eq!(partners, [("momo", "connected"), ("giftpop", "connected")]);
    let ts: i64 = r.header("X-Quay-Timestamp").unwrap().parse().unwrap();
    assert!((ts - now()).abs() <= 2);
}

/// Sends `GET /api/v1/ping` with the given signer, timestamp and nonce.
fn ping_as(c: &common::Counter, signer: &Signer, ts: i64, nonce: &str) -> common::Resp {
    let target = "/api/v1/ping";
    send(c.hub.addr, "GET", target, &signer.headers("GET", target, b"", ts, nonce), b"").unwrap()
}

fn assert_refused(r: &common::Resp, code: &str, c: &common::Counter, nonce: &str) {
    assert_eq!((r.status, r.error_code().as_str()), (401, code), "{}", String::from_utf8_lossy(&r.body));
    assert!(r.json()["error"]["message"].as_str().is_some_and(|m| !m.is_empty()));
    assert!(r.signed_by(&c.key2, nonce), "errors are signed too");
}

#[test]
fn a_wrong_key_or_identity_is_refused_as_signature() {
    let c = sandbox();
    let mut wrong_key = Signer::sandbox();
    wrong_key.key1 = b"sandbox-key1-0123456789abcdeX".to_vec();
    let n = nonce();
    assert_refused(&ping_as(&c, &wrong_key, now(), &n), "signature", &c, &n);

    let mut other_point = Signer::sandbox();
    other_point.pos_id = "SANDBOX-02".into();
    let n = nonce();
    assert_refused(&ping_as(&c, &other_point, now(), &n), "signature", &c, &n);

    let mut other_brand = Signer::sandbox();
    other_brand.pos_parent = "OTHER".into();
    let n = nonce();
    assert_refused(&ping_as(&c, &other_brand, now(), &n), "signature", &c, &n);
    assert_eq!(c.hub.stats().refused_signature, 3);
}

#[test]
fn what_is_signed_is_what_is_sent() {
    let c = sandbox();
    let s = Signer::sandbox();
    // Signed without the query, sent with it.
    let n = nonce();
    let headers = s.headers("GET", "/api/v1/menu/changes", b"", now(), &n);
    let r = send(c.hub.addr, "GET", "/api/v1/menu/changes?since=1", &headers, b"").unwrap();
    assert_refused(&r, "signature", &c, &n);
    // Signed for GET, sent as POST.
    let n = nonce();
    let headers = s.headers("GET", "/api/v1/sales/batch", b"{}", now(), &n);
    assert_refused(&send(c.hub.addr, "POST", "/api/v1/sales/batch", &headers, b"{}").unwrap(), "signature", &c, &n);
    // Body changed after signing.
    let n = nonce();
    let headers = s.headers("POST", "/api/v1/sales/batch", br#"{"sales":[]}"#, now(), &n);
    assert_refused(&send(c.hub.addr, "POST", "/api/v1/sales/batch", &headers, br#"{"sales":[1]}"#).unwrap(), "signature", &c, &n);
    // The signature in uppercase hex is not the contract's lowercase hex.
    let n = nonce();
    let mut headers = s.headers("GET", "/api/v1/ping", b"", now(), &n);
    headers[4].1 = headers[4].1.to_uppercase();
    assert_refused(&send(c.hub.addr, "GET", "/api/v1/ping", &headers, b"").unwrap(), "signature", &c, &n);
    // A header missing.
    let n = nonce();
    let headers = s.headers("GET", "/api/v1/ping", b"", now(), &n)[..4].to_vec();
    assert_refused(&send(c.hub.addr, "GET", "/api/v1/ping", &headers, b"").unwrap(), "signature", &c, &n);
}

#[test]
fn a_timestamp_more_than_300_s_away_is_stale() {
    let c = sandbox();
    let s = Signer::sandbox();
    for skew in [-400, 400] {
        let n = nonce();
        assert_refused(&ping_as(&c, &s, now() + skew, &n), "stale", &c, &n);
    }
    assert_eq!(ping_as(&c, &s, now() - 290, &nonce()).status, 200);
    assert_eq!(c.hub.stats().refused_stale, 2);
}

#[test]
fn the_hubs_clock_offset_moves_freshness_and_response_timestamps() {
    let c = sandbox();
    c.hub.set_clock_offset(3_600);
    let n = nonce();
    let r = ping_as(&c, &Signer::sandbox(), now(), &n);
    assert_refused(&r, "stale", &c, &n);
    // The response tells the counter the hub's time so it can correct its skew.
    let hub_time: i64 = r.header("X-Quay-Timestamp").unwrap().parse().unwrap();
    assert!((hub_time - now() - 3_600).abs() <= 2);
    assert_eq!(ping_as(&c, &Signer::sandbox(), hub_time, &nonce()).status, 200);
}

#[test]
fn a_nonce_is_accepted_once() {
    let c = sandbox();
    let s = Signer::sandbox();
    let n = nonce();
    assert_eq!(ping_as(&c, &s, now(), &n).status, 200);
    assert_refused(&ping_as(&c, &s, now(), &n), "replay", &c, &n);
    assert_eq!(c.hub.stats().refused_replay, 1);
}

#[test]
fn a_forged_request_does_not_spend_the_nonce() {
    let c = sandbox();
    let mut forger = Signer::sandbox();
    forger.key1 = b"guess".to_vec();
    let n = nonce();
    assert_refused(&ping_as(&c, &forger, now(), &n), "signature", &c, &n);
    assert_eq!(ping_as(&c, &Signer::sandbox(), now(), &n).status, 200);
}

#[test]
fn a_malformed_nonce_is_refused_as_signature() {
    let c = sandbox();
    let s = Signer::sandbox();
    for bad in ["short123", "has-a-dash-0123456789", "ünïcödé0123456789", &"a".repeat(65)] {
        let r = ping_as(&c, &s, now(), bad);
        assert_eq!((r.status, r.error_code().as_str()), (401, "signature"), "{bad}");
    }
    assert_eq!(ping_as(&c, &s, now(), &"A1".repeat(8)).status, 200, "16 characters is enough");
}

#[test]
fn unknown_endpoints_and_methods_answer_signed_errors() {
    let c = sandbox();
    let r = c.call("GET", "/nothing-here", b"", &[]);
    assert_eq!((r.status, r.error_code().as_str()), (404, "not_found"));
    let r = c.call("DELETE", "/menu", b"", &[]);
    assert_eq!((r.status, r.header("Allow")), (405, Some("GET")));
    // Unsigned, an unknown endpoint is refused before anything is told about it.
    let r = send(c.hub.addr, "GET", "/api/v1/nothing-here", &[], b"").unwrap();
    assert_eq!((r.status, r.error_code().as_str()), (401, "signature"));
}
