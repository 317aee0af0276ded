//! A counter's side of the hub contract for the tests, written here from hub-api.md: a
//! signer and a minimal blocking HTTP/1.1 client (one request per connection), so each
//! test sees exactly the bytes on the wire.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use hmac::{Hmac, Mac};
use quay_sim::{HubConfig, RunningHub};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn hmac_hex(key: &[u8], msg: &str) -> String {
    let mut m = Hmac::<Sha256>::new_from_slice(key).unwrap();
    m.update(msg.as_bytes());
    hex(&m.finalize().into_bytes())
}

pub fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
}

/// A fresh nonce: 32 alphanumerics, unique within the process.
pub fn nonce() -> String {
    static N: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    format!("t{:015}{:08x}{:08x}", N.fetch_add(1, Ordering::Relaxed), std::process::id(), nanos)
}

/// What a counter signs with: its identity and key1.
#[derive(Clone)]
pub struct Signer {
    pub pos_parent: String,
    pub pos_id: String,
    pub key1: Vec<u8>,
}

impl Signer {
    pub fn sandbox() -> Signer {
        Signer { pos_parent: "SANDBOX".into(), pos_id: "SANDBOX-01".into(), key1: b"sandbox-key1-0123456789abcdef".to_vec() }
    }

    pub fn headers(&self, method: &str, path_and_query: &str, body: &[u8], ts: i64, nonce: &str) -> Vec<(String, String)> {
        let canonical = format!("{method}\n{path_and_query}\n{ts}\n{nonce}\n{}", hex(&Sha256::digest(body)));
        vec![
            ("X-Quay-Pos-Parent".into(), self.pos_parent.clone()),
            ("X-Quay-Pos-Id".into(), self.pos_id.clone()),
            ("X-Quay-Timestamp".into(), ts.to_string()),
            ("X-Quay-Nonce".into(), nonce.to_string()),
            ("X-Quay-Signature".into(), hmac_hex(&self.key1, &canonical)),
        ]
    }
}

#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn error_code(&self) -> String {
        self.json()["error"]["code"].as_str().unwrap_or_default().to_string()
    }

    /// The response signature as the contract defines it, over the request's nonce.
    pub fn signed_by(&self, key2: &[u8], request_nonce: &str) -> bool {
        let (Some(ts), Some(sig)) = (self.header("X-Quay-Timestamp"), self.header("X-Quay-Signature")) else {
            return false;
        };
        sig == hmac_hex(key2, &format!("{ts}\n{request_nonce}\n{}", hex(&Sha256::digest(&self.body))))
    }
}

/// One request on a fresh connection; an error if the connection ends before a whole
/// response arrived.
pub fn send(addr: SocketAddr, method: &str, target: &str, headers: &[(String, String)], body: &[u8]) -> std::io::Result<Resp> {
    let mut s = TcpStream::connect(addr)?;
    request_on(&mut s, method, target, headers, body, false)
}

/// One request on an open connection (kept alive if asked), reading exactly one response.
pub fn request_on(
    s: &mut TcpStream,
    method: &str,
    target: &str,
    headers: &[(String, String)],
    body: &[u8],
    keep_alive: bool,
) -> std::io::Result<Resp> {
    s.set_read_timeout(Some(Duration::from_secs(20)))?;
    let addr = s.peer_addr()?;
    let connection = if keep_alive { "keep-alive" } else { "close" };
    let mut head = format!("{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: {connection}\r\nContent-Length: {}\r\n", body.len());
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes())?;
    s.write_all(body)?;
    let mut raw = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    loop {
        if let Some(resp) = parse(&raw, false) {
            return Ok(resp);
        }
        let n = s.read(&mut buf)?;
        if n == 0 {
            // The peer closed: a response without a length ends here.
            return parse(&raw, true).ok_or_else(|| {
                std::io::Error::new(std::io::ErrorKind::UnexpectedEof, format!("incomplete response ({} bytes)", raw.len()))
            });
        }
        raw.extend_from_slice(&buf[..n]);
    }
}

/// A whole response from `raw`, or None if more bytes are needed (`at_eof`: no more come).
fn parse(raw: &[u8], at_eof: bool) -> Option<Resp> {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&raw[..end]).ok()?;
    let mut lines = head.split("\r\n");
    let status: u16 = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let headers: Vec<(String, String)> =
        lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim().to_string(), v.trim().to_string())).collect();
    let rest = &raw[end + 4..];
    let find = |n: &str| headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(n)).map(|(_, v)| v.clone());
    let body = if status == 304 || status == 204 {
        Vec::new()
    } else if let Some(len) = find("content-length") {
        let len: usize = len.parse().ok()?;
        rest.get(..len)?.to_vec()
    } else if find("transfer-encoding").is_some_and(|t| t.eq_ignore_ascii_case("chunked")) {
        dechunk(rest)?
    } else if at_eof {
        rest.to_vec()
    } else {
        return None;
    };
    Some(Resp { status, headers, body })
}

fn dechunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = rest.windows(2).position(|w| w == b"\r\n")?;
        let size = usize::from_str_radix(std::str::from_utf8(&rest[..eol]).ok()?.trim(), 16).ok()?;
        rest = &rest[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size + 2..)?;
    }
}

/// A sandbox hub on the demo-sized synthetic menu, and a counter that talks to it.
pub struct Counter {
    pub hub: RunningHub,
    pub signer: Signer,
    pub key2: Vec<u8>,
    pub base: String,
}

pub fn sandbox() -> Counter {
    sandbox_with(quay_core::synth::menu(30, 1))
}

pub fn sandbox_with(menu: quay_core::MenuSnapshot) -> Counter {
    let config = HubConfig::sandbox(menu);
    let key2 = config.key2.clone();
    let base = config.base.clone();
    Counter { hub: quay_sim::start_in_thread(config), signer: Signer::sandbox(), key2, base }
}

impl Counter {
    /// A correctly signed request to `path` under the base; the response's signature is
    /// checked unless the test asks for the raw response (`try_call`).
    pub fn call(&self, method: &str, path: &str, body: &[u8], extra: &[(&str, &str)]) -> Resp {
        let (resp, nonce) = self.try_call(method, path, body, extra).expect("the hub answers");
        assert!(resp.signed_by(&self.key2, &nonce), "response to {method} {path} is not signed with key2: {resp:?}");
        resp
    }

    pub fn try_call(&self, method: &str, path: &str, body: &[u8], extra: &[(&str, &str)]) -> std::io::Result<(Resp, String)> {
        let target = format!("{}{path}", self.base);
        let nonce = nonce();
        let mut headers = self.signer.headers(method, &target, body, now(), &nonce);
        headers.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        send(self.hub.addr, method, &target, &headers, body).map(|r| (r, nonce))
    }

    pub fn post_sales(&self, sales: &[Value]) -> Resp {
        self.call("POST", "/sales/batch", json!({ "sales": sales }).to_string().as_bytes(), &[("Content-Type", "application/json")])
    }

    /// Unsigned admin request.
    pub fn admin(&self, method: &str, path: &str, body: &str) -> Resp {
        let headers = vec![("Content-Type".to_string(), "application/json".to_string())];
        send(self.hub.addr, method, path, &headers, body.as_bytes()).expect("admin answers")
    }
}

/// A valid closed sale of 2 iced milk coffees (size L) and a phở, paid cash: the
/// contract's example arithmetic. `n` makes the id.
pub fn sale(n: u32) -> Value {
    json!({
        "id": sale_id(n), "receipt_no": format!("C1-{n:06}"),
        "opened_at": "2026-11-22T09:00:00+07:00", "closed_at": "2026-11-22T09:02:00+07:00",
        "currency": "VND", "status": "closed", "cashier": "Lan",
        "lines": [
            {"item_id": "i-cfsd", "sku": "CF-SD", "name": "Cà phê sữa đá", "qty": 2, "unit_price": 55000,
             "options": [{"option_id": "o-l", "name": "Lớn", "price_delta": 10000}],
             "note": "ít đá", "tax_rate_bp": 800, "line_total": 110000},
            {"item_id": "i-pho", "sku": null, "name": "Phở bò", "qty": 1, "unit_price": 65000,
             "options": [], "note": null, "tax_rate_bp": 1000, "line_total": 65000}],
        "total": 175000, "tax_total": 14057,
        "tenders": [{"kind": "cash", "amount": 175000, "tendered": 200000, "change": 25000}]
    })
}

pub fn sale_id(n: u32) -> String {
    format!("0193a0c2-7b1e-7cc0-9d2a-{n:012x}")
}

/// The void record of `sale(n)`, with id `sale_id(void_n)`.
pub fn void_of(n: u32, void_n: u32) -> Value {
    let mut v = sale(n);
    v["id"] = json!(sale_id(void_n));
    v["status"] = json!("voided");
    v["void_of"] = json!(sale_id(n));
    for l in v["lines"].as_array_mut().unwrap() {
        l["qty"] = json!(-l["qty"].as_i64().unwrap());
        l["line_total"] = json!(-l["line_total"].as_i64().unwrap());
    }
    v["total"] = json!(-175000);
    v["tax_total"] = json!(-14057);
    v["tenders"] = json!([{"kind": "cash", "amount": -175000, "tendered": -175000, "change": 0}]);
    v
}
