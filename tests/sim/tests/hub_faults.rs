//! Every fault is observable from the counter's side, and the hub recovers when it is off.

use crate::common;

use std::time::{Duration, Instant};

use common::{sale, sandbox};
use quay_core::{Currency, Menu};
use quay_sim::Faults;

#[test]
fn down_drops_connections_unanswered_but_admin_still_answers() {
    let c = sandbox();
    c.hub.set_faults(Faults { down: true, ..Faults::default() });
    assert!(c.try_call("GET", "/ping", b"", &[]).is_err());
    assert!(c.try_call("POST", "/sales/batch", br#"{"sales": []}"#, &[]).is_err());
    assert_eq!(c.admin("GET", "/admin/stats", "").status, 200);
    assert_eq!(c.admin("POST", "/admin/faults", "{}").status, 200);
    assert_eq!(c.call("GET", "/ping", b"", &[]).status, 200);
}

#[test]
fn down_also_cuts_a_kept_alive_connection_at_its_next_request() {
    let c = sandbox();
    let mut conn = std::net::TcpStream::connect(c.hub.addr).unwrap();
    let signed = |n: &str| c.signer.headers("GET", "/api/v1/ping", b"", common::now(), n);
    let first = common::request_on(&mut conn, "GET", "/api/v1/ping", &signed(&common::nonce()), b"", true).unwrap();
    assert_eq!(first.status, 200);
    c.hub.set_faults(Faults { down: true, ..Faults::default() });
    assert!(common::request_on(&mut conn, "GET", "/api/v1/ping", &signed(&common::nonce()), b"", true).is_err());
}

#[test]
fn fail_500_answers_unavailable_then_recovers() {
    let c = sandbox();
    c.hub.set_faults(Faults { fail_500: 2, ..Faults::default() });
    for _ in 0..2 {
        let r = c.call("GET", "/menu", b"", &[]);
        assert_eq!((r.status, r.error_code().as_str()), (500, "unavailable"));
    }
    assert_eq!(c.call("GET", "/menu", b"", &[]).status, 200);
    assert_eq!(c.hub.faults().fail_500, 0);
}

#[test]
fn drop_after_store_stores_then_cuts_and_a_resend_is_a_duplicate() {
    let c = sandbox();
    c.hub.set_faults(Faults { drop_after_store: 1, ..Faults::default() });
    let body = serde_json::json!({"sales": [sale(1)]}).to_string();
    assert!(c.try_call("POST", "/sales/batch", body.as_bytes(), &[]).is_err(), "the client gets no response");
    let s = c.hub.stats();
    assert_eq!((s.stored, s.dropped_after_store), (1, 1));
    let r = c.post_sales(&[sale(1)]);
    assert_eq!(r.json()["results"][0]["status"], "duplicate");
    assert_eq!(c.hub.stored_sales().len(), 1);
}

#[test]
fn slow_delays_answers() {
    let c = sandbox();
    c.hub.set_faults(Faults { slow_ms: 300, ..Faults::default() });
    let t = Instant::now();
    assert_eq!(c.call("GET", "/ping", b"", &[]).status, 200);
    assert!(t.elapsed() >= Duration::from_millis(300));
}

#[test]
fn each_invalid_menu_kind_serves_a_menu_the_counter_must_refuse() {
    let c = sandbox();
    for kind in quay_sim::InvalidMenu::NAMES {
        c.hub.set_faults(Faults { invalid_menu: Some(kind.into()), ..Faults::default() });
        let (r, nonce) = c.try_call("GET", "/menu", b"", &[]).unwrap();
        assert_eq!(r.status, 200, "{kind}");
        if kind == "bad_signature" {
            assert!(!r.signed_by(&c.key2, &nonce), "{kind}");
            assert!(Menu::from_json(&r.body, Currency::Vnd).is_ok(), "only the signature is wrong");
        } else {
            assert!(r.signed_by(&c.key2, &nonce), "{kind}: signed, so only validation can catch it");
            assert!(Menu::from_json(&r.body, Currency::Vnd).is_err(), "{kind}");
        }
    }
}

#[test]
fn invalid_menu_spoils_change_sets_too() {
    let c = sandbox();
    let mut next = quay_core::synth::menu(30, 0);
    next.items[4].price = 12_000;
    c.hub.publish_menu(next);
    let fetch = |kind: &str| {
        c.hub.set_faults(Faults { invalid_menu: Some(kind.into()), ..Faults::default() });
        c.try_call("GET", "/menu/changes?since=1", b"", &[]).unwrap()
    };
    let (r, _) = fetch("negative_price");
    assert!(r.json()["upserts"]["items"].as_array().unwrap().iter().any(|i| i["price"].as_i64() < Some(0)));
    let (r, _) = fetch("unknown_category");
    assert_eq!(r.json()["upserts"]["items"][0]["category_id"], "c-does-not-exist");
    let (r, _) = fetch("other_currency");
    assert_eq!(r.status, 410, "a change set has no currency: the counter is sent to the (spoiled) snapshot");
    for kind in ["bad_json", "truncated"] {
        let (r, _) = fetch(kind);
        assert!(serde_json::from_slice::<serde_json::Value>(&r.body).is_err(), "{kind}");
    }
    let (r, nonce) = fetch("bad_signature");
    assert!(!r.signed_by(&c.key2, &nonce));
}

#[test]
fn bad_response_signature_signs_everything_with_a_wrong_key() {
    let c = sandbox();
    c.hub.set_faults(Faults { bad_response_signature: true, ..Faults::default() });
    for path in ["/ping", "/menu", "/nothing"] {
        let (r, nonce) = c.try_call("GET", path, b"", &[]).unwrap();
        assert!(r.header("X-Quay-Signature").is_some());
        assert!(!r.signed_by(&c.key2, &nonce), "{path}");
    }
}

#[test]
fn faults_are_set_over_http_and_typos_are_refused() {
    let c = sandbox();
    let r = c.admin("POST", "/admin/faults", r#"{"fail_500": 1}"#);
    assert_eq!((r.status, r.json()["fail_500"].as_u64()), (200, Some(1)));
    assert_eq!(c.call("GET", "/ping", b"", &[]).status, 500);
    assert_eq!(c.admin("POST", "/admin/faults", r#"{"fail500": 1}"#).status, 400);
    assert_eq!(c.admin("POST", "/admin/faults", r#"{"invalid_menu": "negative"}"#).status, 400);
    assert_eq!(c.admin("GET", "/admin/faults", "").json()["fail_500"], 0);
}
