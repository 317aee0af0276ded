//! Partner connection records on the wire: `POST /partners/connections` (stored,
//! duplicate, conflict, each refusal), `GET /partners/connections?month=` across the
//! points of a brand, several points with their own keys, and a lost answer.

use crate::common;

use common::{nonce, now, sandbox, send, Counter, Resp, Signer};
use quay_sim::{Faults, PointConfig};
use serde_json::{json, Value};

const PROOF: &str = "ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12";

fn id(n: u32) -> String {
    format!("0193a0c2-7b1e-7cc0-9d2a-{n:012x}")
}

/// The `n` first steps of a MoMo connection (5 = connected on 20 Nov 2026, +07:00).
fn steps(n: usize, connected_on: &str) -> Vec<Value> {
    let all = vec![
        json!({"step": "requested", "at": "2026-11-03T09:00:00+07:00", "by": "Minh (technician)", "reference": "mail 2026-11-02 MoMo",
               "confirmations": [], "note": null, "proof_sha256": null}),
        json!({"step": "confirmed", "at": "2026-11-04T10:00:00+07:00", "by": "Minh (technician)", "reference": null,
               "confirmations": ["leader", "merchant"], "note": null, "proof_sha256": null}),
        json!({"step": "deployed", "at": "2026-11-05T11:00:00+07:00", "by": "Minh (technician)", "reference": null,
               "confirmations": [], "note": null, "proof_sha256": null}),
        json!({"step": "approved", "at": "2026-11-10T12:00:00+07:00", "by": "Minh (technician)", "reference": "CMS-42",
               "confirmations": [], "note": null, "proof_sha256": null}),
        json!({"step": "connected", "at": format!("{connected_on}T15:12:00+07:00"), "by": "Minh (technician)", "reference": null,
               "confirmations": [], "note": null, "proof_sha256": PROOF}),
    ];
    all.into_iter().take(n).collect()
}

/// A record of `pos_id` (brand SANDBOX) with its first `n` steps.
fn record_of(pos_parent: &str, pos_id: &str, n_id: u32, partner: &str, n: usize, connected_on: &str) -> Value {
    let steps = steps(n, connected_on);
    let status = steps.last().map(|s| s["step"].clone()).unwrap_or(json!("requested"));
    json!({"id": id(n_id), "revision": n, "pos_parent": pos_parent, "pos_id": pos_id, "partner": partner, "status": status,
           "point_name": "Quay Café Lê Lợi", "address": "1 Lê Lợi, Q1, HCMC", "contact_name": "Lan",
           "contact_phone": "0901 234 567", "point_code": null, "notes": null, "hub_point_name": "Quay sandbox café",
           "steps": steps})
}

fn record(n_id: u32, n: usize) -> Value {
    record_of("SANDBOX", "SANDBOX-01", n_id, "momo", n, "2026-11-20")
}

/// A point of the hub, as its counter: who it signs as, and the key2 its answers verify with.
struct As<'a> {
    c: &'a Counter,
    signer: Signer,
    key2: Vec<u8>,
}

impl As<'_> {
    fn call(&self, method: &str, path: &str, body: &[u8]) -> Resp {
        let target = format!("{}{path}", self.c.base);
        let n = nonce();
        let headers = self.signer.headers(method, &target, body, now(), &n);
        let r = send(self.c.hub.addr, method, &target, &headers, body).expect("the hub answers");
        assert!(r.signed_by(&self.key2, &n), "{method} {path} as {} is not signed with its key2: {r:?}", self.signer.pos_id);
        r
    }

    fn push(&self, record: &Value) -> Resp {
        self.call("POST", "/partners/connections", record.to_string().as_bytes())
    }

    fn month(&self, month: &str) -> Resp {
        self.call("GET", &format!("/partners/connections?month={month}"), b"")
    }
}

fn sandbox_point(c: &Counter) -> As<'_> {
    As { c, signer: Signer::sandbox(), key2: c.key2.clone() }
}

/// Adds point `pos_id` of `pos_parent` (None: the sandbox brand) with keys of its own.
fn add_point<'a>(c: &'a Counter, pos_parent: Option<&str>, pos_id: &str) -> As<'a> {
    let key1 = format!("{pos_id}-key1").into_bytes();
    let key2 = format!("{pos_id}-key2").into_bytes();
    let point = PointConfig::new(pos_id, &key1, &key2, &format!("Quay {pos_id}"));
    match pos_parent {
        None => c.hub.add_point(point),
        Some(p) => c.hub.add_point_of_brand(p, point),
    }
    let signer = Signer { pos_parent: pos_parent.unwrap_or("SANDBOX").into(), pos_id: pos_id.into(), key1 };
    As { c, signer, key2 }
}

fn status_of(r: &Resp) -> (u16, String) {
    let j = r.json();
    let s = j["status"].as_str().map(str::to_string).or_else(|| j["error"]["code"].as_str().map(str::to_string)).unwrap_or_default();
    (r.status, s)
}

#[test]
fn a_record_is_stored_then_a_resend_is_a_duplicate() {
    let c = sandbox();
    let me = sandbox_point(&c);
    let r = me.push(&record(1, 2));
    assert_eq!(r.json(), json!({"status": "stored", "id": id(1), "revision": 2}));
    let r = me.push(&record(1, 2));
    assert_eq!(r.json(), json!({"status": "duplicate", "id": id(1), "revision": 2}));
    let r = me.push(&record(1, 5));
    assert_eq!(r.json(), json!({"status": "stored", "id": id(1), "revision": 5}));
    assert_eq!(c.hub.stored_connections(), vec![record(1, 5)]);
    let s = c.hub.stats();
    assert_eq!((s.connections_stored, s.connections_duplicates), (2, 1));
    assert_eq!(c.admin("GET", "/admin/connections", "").json(), json!([record(1, 5)]));
}

#[test]
fn an_older_revision_is_a_duplicate_and_the_newer_is_kept() {
    let c = sandbox();
    let me = sandbox_point(&c);
    assert_eq!(status_of(&me.push(&record(1, 4))), (200, "stored".into()));
    let r = me.push(&record(1, 2));
    assert_eq!(r.json(), json!({"status": "duplicate", "id": id(1), "revision": 4}));
    assert_eq!(c.hub.stored_connections(), vec![record(1, 4)]);
}

#[test]
fn the_same_revision_with_other_content_is_a_conflict() {
    let c = sandbox();
    let me = sandbox_point(&c);
    me.push(&record(1, 3));
    let mut other = record(1, 3);
    other["contact_name"] = json!("Hoa");
    assert_eq!(status_of(&me.push(&other)), (409, "conflict".into()));
    assert_eq!(c.hub.stored_connections(), vec![record(1, 3)]);
}

#[test]
fn an_id_of_another_point_is_a_conflict() {
    let c = sandbox();
    let b = add_point(&c, None, "SANDBOX-02");
    sandbox_point(&c).push(&record(1, 3));
    let theirs = record_of("SANDBOX", "SANDBOX-02", 1, "momo", 4, "2026-11-20");
    let r = b.push(&theirs);
    assert_eq!(status_of(&r), (409, "conflict".into()));
    assert!(r.json()["error"]["message"].as_str().is_some_and(|m| !m.is_empty()));
    assert_eq!(c.hub.stored_connections(), vec![record(1, 3)]);
}

#[test]
fn every_invalid_record_is_refused_and_nothing_is_stored() {
    let c = sandbox();
    let me = sandbox_point(&c);
    let edit = |f: &dyn Fn(&mut Value)| {
        let mut r = record(7, 5);
        f(&mut r);
        r
    };
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("not JSON", b"{\"id\": ".to_vec()),
        ("an array", b"[]".to_vec()),
        ("no steps", edit(&|r| drop(r.as_object_mut().unwrap().remove("steps"))).to_string().into_bytes()),
        ("unknown partner", edit(&|r| r["partner"] = json!("paypal")).to_string().into_bytes()),
        ("revision as a float", edit(&|r| r["revision"] = json!(5.0)).to_string().into_bytes()),
        ("id not a UUID", edit(&|r| r["id"] = json!("0193a0c27b1e7cc09d2a000000000007")).to_string().into_bytes()),
        ("id in braces", edit(&|r| r["id"] = json!(format!("{{{}}}", id(7)))).to_string().into_bytes()),
        ("another brand", edit(&|r| r["pos_parent"] = json!("OTHER")).to_string().into_bytes()),
        ("another point", edit(&|r| r["pos_id"] = json!("SANDBOX-02")).to_string().into_bytes()),
        ("revision 0", {
            let mut r = record(7, 1);
            r["revision"] = json!(0);
            r.to_string().into_bytes()
        }),
        ("revision != steps", edit(&|r| r["revision"] = json!(4)).to_string().into_bytes()),
        (
            "no steps at all",
            edit(&|r| {
                r["steps"] = json!([]);
                r["revision"] = json!(0);
            })
            .to_string()
            .into_bytes(),
        ),
        (
            "a skipped step",
            edit(&|r| {
                r["steps"].as_array_mut().unwrap().remove(2);
                r["revision"] = json!(4);
            })
            .to_string()
            .into_bytes(),
        ),
        ("status not the last step", edit(&|r| r["status"] = json!("approved")).to_string().into_bytes()),
        ("connected without proof", edit(&|r| r["steps"][4]["proof_sha256"] = json!(null)).to_string().into_bytes()),
        ("proof too short", edit(&|r| r["steps"][4]["proof_sha256"] = json!("ab12")).to_string().into_bytes()),
        ("proof not hex", edit(&|r| r["steps"][4]["proof_sha256"] = json!(PROOF.replace('a', "g"))).to_string().into_bytes()),
        ("requested without reference", edit(&|r| r["steps"][0]["reference"] = json!(null)).to_string().into_bytes()),
        ("requested with a blank reference", edit(&|r| r["steps"][0]["reference"] = json!("  ")).to_string().into_bytes()),
        ("approved without reference", edit(&|r| r["steps"][3]["reference"] = json!(null)).to_string().into_bytes()),
        ("momo confirmed by the merchant only", edit(&|r| r["steps"][1]["confirmations"] = json!(["merchant"])).to_string().into_bytes()),
        ("momo confirmed by the leader only", edit(&|r| r["steps"][1]["confirmations"] = json!(["leader"])).to_string().into_bytes()),
        (
            "vnpay confirmed without the merchant",
            edit(&|r| {
                r["partner"] = json!("vnpay");
                r["steps"][1]["confirmations"] = json!(["leader"]);
            })
            .to_string()
            .into_bytes(),
        ),
        ("at without offset", edit(&|r| r["steps"][2]["at"] = json!("2026-11-05T11:00:00")).to_string().into_bytes()),
        ("at not a time", edit(&|r| r["steps"][2]["at"] = json!("yesterday")).to_string().into_bytes()),
        ("at going backwards", edit(&|r| r["steps"][3]["at"] = json!("2026-11-04T09:59:59+07:00")).to_string().into_bytes()),
        ("backwards across offsets", edit(&|r| r["steps"][3]["at"] = json!("2026-11-05T03:59:00Z")).to_string().into_bytes()),
    ];
    for (what, body) in cases {
        let r = me.call("POST", "/partners/connections", &body);
        assert_eq!((r.status, r.error_code().as_str()), (400, "invalid"), "{what}: {}", String::from_utf8_lossy(&r.body));
        assert!(r.json()["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{what}");
    }
    assert!(c.hub.stored_connections().is_empty());
    // What the rules allow: a vnpay record confirmed by the merchant alone, an uppercase
    // UUID, a step at the same instant as the previous one, disabled then requested again.
    let mut ok = record_of("SANDBOX", "SANDBOX-01", 8, "vnpay", 5, "2026-11-20");
    ok["steps"][1]["confirmations"] = json!(["merchant"]);
    ok["id"] = json!(id(8).to_uppercase());
    ok["steps"][3]["at"] = ok["steps"][2]["at"].clone();
    assert_eq!(status_of(&me.push(&ok)), (200, "stored".into()));
    let mut again = record(9, 5);
    let steps = again["steps"].as_array_mut().unwrap();
    steps.push(json!({"step": "disabled", "at": "2026-11-25T09:00:00+07:00", "by": "Minh", "note": "moved"}));
    steps.push(json!({"step": "requested", "at": "2026-11-26T09:00:00+07:00", "by": "Minh", "reference": "mail 2"}));
    again["revision"] = json!(7);
    again["status"] = json!("requested");
    assert_eq!(status_of(&me.push(&again)), (200, "stored".into()));
}

#[test]
fn the_month_lists_every_point_of_the_brand_and_no_other_brand() {
    let c = sandbox();
    let a = sandbox_point(&c);
    let b = add_point(&c, None, "SANDBOX-02");
    let d = add_point(&c, None, "SANDBOX-03");
    let other = add_point(&c, Some("OTHER"), "OTHER-01");
    // November: A momo and giftpop, B vnpay, C momo; A zalopay in December; A alipay not
    // connected; another brand's November record.
    a.push(&record_of("SANDBOX", "SANDBOX-01", 1, "momo", 5, "2026-11-20"));
    let mut gp = record_of("SANDBOX", "SANDBOX-01", 2, "giftpop", 5, "2026-11-30");
    gp["steps"][1]["confirmations"] = json!(["merchant"]);
    assert_eq!(status_of(&a.push(&gp)), (200, "stored".into()), "giftpop: the merchant is enough");
    let mut vn = record_of("SANDBOX", "SANDBOX-02", 3, "vnpay", 5, "2026-11-11");
    vn["steps"][1]["confirmations"] = json!(["merchant"]);
    assert_eq!(status_of(&b.push(&vn)), (200, "stored".into()));
    assert_eq!(status_of(&d.push(&record_of("SANDBOX", "SANDBOX-03", 4, "momo", 5, "2026-11-21"))), (200, "stored".into()));
    let mut za = record_of("SANDBOX", "SANDBOX-01", 5, "zalopay", 5, "2026-12-01");
    za["steps"][1]["confirmations"] = json!(["merchant"]);
    assert_eq!(status_of(&a.push(&za)), (200, "stored".into()));
    let mut ali = record_of("SANDBOX", "SANDBOX-01", 6, "alipay", 4, "2026-11-20");
    ali["steps"][1]["confirmations"] = json!(["merchant"]);
    assert_eq!(status_of(&a.push(&ali)), (200, "stored".into()));
    assert_eq!(status_of(&other.push(&record_of("OTHER", "OTHER-01", 7, "momo", 5, "2026-11-20"))), (200, "stored".into()));

    let listed = |r: Resp| -> Vec<(String, String)> {
        let j = r.json();
        j["records"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["pos_id"].as_str().unwrap().into(), r["partner"].as_str().unwrap().into()))
            .collect()
    };
    let p = |a: &str, b: &str| (a.to_string(), b.to_string());
    let want = vec![p("SANDBOX-01", "giftpop"), p("SANDBOX-01", "momo"), p("SANDBOX-02", "vnpay"), p("SANDBOX-03", "momo")];
    for point in [&a, &b, &d] {
        let r = point.month("2026-11");
        assert_eq!(r.status, 200);
        assert_eq!(r.json()["month"], "2026-11");
        assert_eq!(listed(r), want, "as {}", point.signer.pos_id);
    }
    // The records are served as stored (the highest revision, the whole record).
    assert_eq!(a.month("2026-11").json()["records"][0], gp);
    assert_eq!(listed(a.month("2026-12")), vec![p("SANDBOX-01", "zalopay")]);
    assert_eq!(listed(a.month("2026-10")), vec![]);
    assert_eq!(listed(other.month("2026-11")), vec![p("OTHER-01", "momo")]);
    assert_eq!(c.hub.stored_connections().len(), 7);
}

#[test]
fn the_month_is_the_recorded_local_date() {
    let c = sandbox();
    let me = sandbox_point(&c);
    // 1 Dec 00:30 at +07:00 is still 30 Nov in UTC: listed in December, as recorded.
    let mut r = record(1, 5);
    r["steps"][4]["at"] = json!("2026-12-01T00:30:00+07:00");
    me.push(&r);
    assert_eq!(me.month("2026-12").json()["records"].as_array().unwrap().len(), 1);
    assert_eq!(me.month("2026-11").json()["records"].as_array().unwrap().len(), 0);
}

#[test]
fn the_month_must_be_yyyy_mm() {
    let c = sandbox();
    let me = sandbox_point(&c);
    for q in [
        "",
        "?month=",
        "?month=2026-13",
        "?month=2026-00",
        "?month=2026-1",
        "?month=26-11",
        "?month=2026/11",
        "?month=2026-11-01",
        "?month=2026-11&month=2026-12",
        "?since=2026-11",
    ] {
        let r = me.call("GET", &format!("/partners/connections{q}"), b"");
        assert_eq!((r.status, r.error_code().as_str()), (400, "invalid"), "{q}");
    }
    assert_eq!(me.month("2026-01").status, 200);
    let r = me.call("PUT", "/partners/connections", b"");
    assert_eq!((r.status, r.header("Allow")), (405, Some("GET, POST")));
}

#[test]
fn a_point_is_verified_with_its_key1_and_answered_with_its_key2() {
    let c = sandbox();
    let b = add_point(&c, None, "SANDBOX-02");
    let ping = b.call("GET", "/ping", b"").json();
    assert_eq!(
        (ping["pos_parent"].as_str(), ping["pos_id"].as_str(), ping["point_name"].as_str()),
        (Some("SANDBOX"), Some("SANDBOX-02"), Some("Quay SANDBOX-02"))
    );
    // Not with the sandbox's key2.
    let target = "/api/v1/ping";
    let n = nonce();
    let r = send(c.hub.addr, "GET", target, &b.signer.headers("GET", target, b"", now(), &n), b"").unwrap();
    assert!(r.signed_by(&b.key2, &n) && !r.signed_by(&c.key2, &n));
    // B signing with the sandbox's key1 is refused (and the refusal is B's, signed with B's key2).
    let wrong = As { c: &c, signer: Signer { key1: Signer::sandbox().key1, ..b.signer.clone() }, key2: b.key2.clone() };
    let r = wrong.call("GET", "/ping", b"");
    assert_eq!((r.status, r.error_code().as_str()), (401, "signature"));
    // Sales work for every point; the sandbox point is unchanged.
    assert_eq!(
        b.call("POST", "/sales/batch", json!({"sales": [common::sale(1)]}).to_string().as_bytes()).json()["results"][0]["status"],
        "stored"
    );
    assert_eq!(c.call("GET", "/ping", b"", &[]).json()["pos_id"], "SANDBOX-01");
    // A point added over /admin/points, of the brand by default.
    let r = c.admin("POST", "/admin/points", r#"{"pos_id": "SANDBOX-04", "key1": "k1-04", "key2": "k2-04", "point_name": "Quay Q4"}"#);
    assert_eq!(r.json(), json!({"pos_parent": "SANDBOX", "pos_id": "SANDBOX-04", "point_name": "Quay Q4"}));
    let q4 = As {
        c: &c,
        signer: Signer { pos_parent: "SANDBOX".into(), pos_id: "SANDBOX-04".into(), key1: b"k1-04".to_vec() },
        key2: b"k2-04".to_vec(),
    };
    assert_eq!(q4.call("GET", "/ping", b"").json()["point_name"], "Quay Q4");
    assert_eq!(c.admin("POST", "/admin/points", r#"{"pos_id": "SANDBOX-04", "key1": "x", "key2": "y"}"#).status, 400, "known point");
    assert_eq!(c.admin("POST", "/admin/points", r#"{"pos_id": "SANDBOX-05", "key1": "", "key2": "y"}"#).status, 400, "empty key");
    assert_eq!(c.admin("POST", "/admin/points", r#"{"pos_id": "SANDBOX-05", "key1": "x", "key2": "y", "colour": 1}"#).status, 400);
}

#[test]
fn extra_points_come_from_the_config_too() {
    let mut config = quay_sim::HubConfig::sandbox(quay_core::synth::menu(5, 1));
    config.extra_points = vec![PointConfig::parse("Q-07:seven-k1:seven-k2:Quay 7: Bến Thành").unwrap()];
    let hub = quay_sim::start_in_thread(config);
    let c = Counter { hub, signer: Signer::sandbox(), key2: quay_sim::HubConfig::SANDBOX_KEY2.to_vec(), base: "/api/v1".into() };
    let q7 = As {
        c: &c,
        signer: Signer { pos_parent: "SANDBOX".into(), pos_id: "Q-07".into(), key1: b"seven-k1".to_vec() },
        key2: b"seven-k2".to_vec(),
    };
    assert_eq!(q7.call("GET", "/ping", b"").json()["point_name"], "Quay 7: Bến Thành");
    assert!(PointConfig::parse("Q-08:k1").is_err());
    assert!(PointConfig::parse(":k1:k2").is_err());
    assert_eq!(PointConfig::parse("Q-08:k1:k2").unwrap().point_name, "Q-08");
}

#[test]
fn an_answer_dropped_after_store_then_a_resend_is_a_duplicate_stored_once() {
    let c = sandbox();
    c.hub.set_faults(Faults { connections_drop_after_store: 1, ..Faults::default() });
    let body = record(1, 5).to_string();
    assert!(c.try_call("POST", "/partners/connections", body.as_bytes(), &[]).is_err(), "the counter gets no answer");
    assert_eq!(c.hub.stored_connections(), vec![record(1, 5)]);
    let s = c.hub.stats();
    assert_eq!((s.connections_stored, s.connections_dropped_after_store), (1, 1));
    let r = sandbox_point(&c).push(&record(1, 5));
    assert_eq!(r.json(), json!({"status": "duplicate", "id": id(1), "revision": 5}));
    assert_eq!(c.hub.stored_connections().len(), 1);
    assert_eq!(c.hub.faults().connections_drop_after_store, 0);
    // Over HTTP too, and a duplicate does not use the fault up.
    assert_eq!(c.admin("POST", "/admin/faults", r#"{"connections_drop_after_store": 1}"#).status, 200);
    assert_eq!(status_of(&sandbox_point(&c).push(&record(1, 5))), (200, "duplicate".into()));
    assert_eq!(c.hub.faults().connections_drop_after_store, 1);
}

#[test]
fn a_newer_revision_never_rewrites_the_partner_or_the_steps_stored() {
    let c = sandbox();
    let me = sandbox_point(&c);
    me.push(&record(1, 2));
    // Same id, now another partner.
    let mut other_partner = record(1, 3);
    other_partner["partner"] = json!("giftpop");
    assert_eq!(status_of(&me.push(&other_partner)), (409, "conflict".into()));
    // Same id, a stored step changed.
    let mut rewritten = record(1, 3);
    rewritten["steps"][0]["reference"] = json!("another mail");
    assert_eq!(status_of(&me.push(&rewritten)), (409, "conflict".into()));
    assert_eq!(c.hub.stored_connections(), vec![record(1, 2)]);
    // Only added steps are a newer revision.
    assert_eq!(status_of(&me.push(&record(1, 3))).0, 200);
    assert_eq!(c.hub.stored_connections(), vec![record(1, 3)]);
}
