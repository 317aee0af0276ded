//! The simulator serves the hub's menu with the contract's ETag semantics.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

struct Sim(Child, String);

impl Drop for Sim {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(args: &[&str]) -> Sim {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quay-sim")).args(args).stdout(Stdio::piped()).spawn().unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let addr = line.trim().trim_start_matches("hub: http://").trim_end_matches("/api/v1").to_string();
    Sim(child, addr)
}

fn get(addr: &str, path: &str, extra: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n{extra}\r\n").unwrap();
    let mut raw = String::new();
    s.read_to_string(&mut raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, head.to_string(), body.to_string())
}

#[test]
fn serves_the_demo_menu_with_etag() {
    let menu = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/demo-menu.json");
    let sim = start(&["--menu", menu]);
    let (status, head, body) = get(&sim.1, "/api/v1/menu", "");
    assert_eq!(status, 200);
    let version = serde_json::from_str::<serde_json::Value>(&body).unwrap()["version"].as_u64().unwrap();
    assert!(head.to_ascii_lowercase().contains(&format!("etag: \"{version}\"")), "{head}");
    let menu = quay_core::Menu::from_json(body.as_bytes(), quay_core::Currency::Vnd).expect("the served menu is valid");
    assert!(menu.items().len() >= 40);
    let (status, _, body) = get(&sim.1, "/api/v1/menu", &format!("If-None-Match: \"{version}\"\r\n"));
    assert_eq!((status, body.as_str()), (304, ""));
    let (status, _, _) = get(&sim.1, "/api/v1/menu", "If-None-Match: \"0\"\r\n");
    assert_eq!(status, 200);
}

#[test]
fn serves_a_generated_menu() {
    let sim = start(&["--items", "500"]);
    let (status, _, body) = get(&sim.1, "/api/v1/menu", "");
    assert_eq!(status, 200);
    let menu = quay_core::Menu::from_json(body.as_bytes(), quay_core::Currency::Vnd).unwrap();
    assert_eq!(menu.items().len(), 500);
}
