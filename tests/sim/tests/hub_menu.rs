//! The `quay-sim` binary: prints its address first, serves the signed API with the
//! contract's ETag semantics, and takes its controls over `/admin/*`.

use crate::common;

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};

use common::{nonce, now, send, Resp, Signer};

const KEY2: &[u8] = b"sandbox-key2-0123456789abcdef";

struct Sim(Child, SocketAddr);

impl Drop for Sim {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the binary; the child is owned by `Sim` before anything can panic, so a
/// failing test never leaves a simulator running.
fn start(args: &[&str]) -> Sim {
    let base = args.iter().position(|a| *a == "--base").map_or("/api/v1", |i| args[i + 1]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_quay-sim")).args(args).stdout(Stdio::piped()).spawn().unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut sim = Sim(child, SocketAddr::from(([127, 0, 0, 1], 0)));
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let url = line.trim().strip_prefix("hub: http://").unwrap_or_else(|| panic!("first line: {line:?}"));
    let addr = url.strip_suffix(base).unwrap_or_else(|| panic!("{url} ends with {base}"));
    sim.1 = addr.parse().unwrap();
    sim
}

fn get(sim: &Sim, path: &str, extra: &[(&str, &str)]) -> Resp {
    let target = format!("/api/v1{path}");
    let n = nonce();
    let mut headers = Signer::sandbox().headers("GET", &target, b"", now(), &n);
    headers.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    let r = send(sim.1, "GET", &target, &headers, b"").unwrap();
    assert!(r.signed_by(KEY2, &n), "{r:?}");
    r
}

#[test]
fn serves_the_demo_menu_with_etag() {
    let menu = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/demo-menu.json");
    let sim = start(&["--menu", menu]);
    let r = get(&sim, "/menu", &[]);
    assert_eq!(r.status, 200);
    let version = r.json()["version"].as_u64().unwrap();
    assert_eq!(r.header("ETag"), Some(format!("\"{version}\"").as_str()));
    let menu = quay_core::Menu::from_json(&r.body, quay_core::Currency::Vnd).expect("the served menu is valid");
    assert!(menu.items().len() >= 40);
    let tag = format!("\"{version}\"");
    let r = get(&sim, "/menu", &[("If-None-Match", &tag)]);
    assert_eq!((r.status, r.body.len()), (304, 0));
    assert_eq!(get(&sim, "/menu", &[("If-None-Match", "\"0\"")]).status, 200);
}

#[test]
fn serves_a_generated_menu() {
    let sim = start(&["--items", "500"]);
    let r = get(&sim, "/menu", &[]);
    assert_eq!(r.status, 200);
    let menu = quay_core::Menu::from_json(&r.body, quay_core::Currency::Vnd).unwrap();
    assert_eq!(menu.items().len(), 500);
}

#[test]
fn refuses_unsigned_requests_and_takes_admin_controls() {
    let sim = start(&["--items", "5", "--clock-offset", "-30"]);
    let r = send(sim.1, "GET", "/api/v1/menu", &[], b"").unwrap();
    assert_eq!((r.status, r.error_code().as_str()), (401, "signature"));
    let ts: i64 = get(&sim, "/ping", &[]).header("X-Quay-Timestamp").unwrap().parse().unwrap();
    assert!((ts - (now() - 30)).abs() <= 2, "--clock-offset");
    let menu = serde_json::to_string(&quay_core::synth::menu(6, 0)).unwrap();
    let r = send(sim.1, "POST", "/admin/menu", &[], menu.as_bytes()).unwrap();
    assert_eq!(r.json()["version"], 2);
    let r = get(&sim, "/menu/changes?since=1", &[]);
    assert_eq!(r.json()["upserts"]["items"][0]["id"], "i-5");
    let stats = send(sim.1, "GET", "/admin/stats", &[], b"").unwrap().json();
    assert_eq!((stats["refused_signature"].as_u64(), stats["menu_version"].as_u64()), (Some(1), Some(2)));
}

#[test]
fn other_keys_and_identity_from_flags() {
    let sim = start(&["--items", "5", "--pos-parent", "BRAND", "--pos-id", "P-7", "--key1", "k1", "--key2", "k2", "--base", "/hub"]);
    let s = Signer { pos_parent: "BRAND".into(), pos_id: "P-7".into(), key1: b"k1".to_vec() };
    let n = nonce();
    let r = send(sim.1, "GET", "/hub/ping", &s.headers("GET", "/hub/ping", b"", now(), &n), b"").unwrap();
    assert_eq!(r.status, 200);
    assert!(r.signed_by(b"k2", &n));
    assert_eq!(r.json()["pos_id"], "P-7");
}
