//! Nhanh's webhook sender: one worker thread per simulator delivering events in order to
//! the configured URL — v3 `{event, businessId, data}` with the verify token in the
//! `Authorization` header, or the v2 flat body with `webhooksVerifyToken` in it. Each
//! delivery is tried once and retried up to 3 times (after `retry_delays`) until an HTTP
//! 200 (any other status, a timeout of 5 s or a connection error is a failure); every
//! delivery is recorded with the status of each attempt.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// The webhook version registered for the app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum WebhookVersion {
    #[serde(rename = "2")]
    V2,
    #[default]
    #[serde(rename = "3")]
    V3,
}

/// Where and how Nhanh calls the merchant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WebhookTarget {
    /// `http://host:port/path` (plain HTTP on loopback).
    pub url: String,
    /// The verify token (16–128 alphanumerics at Nhanh; not checked here).
    pub token: String,
    pub version: WebhookVersion,
}

/// How to send one event (controls for tests).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SendOptions {
    /// Send a wrong verify token instead of the configured one.
    pub wrong_token: bool,
    /// Deliver the same body this many times (0 or 1 = once): duplicates happen.
    pub copies: u32,
}

/// One delivery (an event and its retries) as the merchant answered it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WebhookDelivery {
    /// 1, 2, … in the order the deliveries were queued.
    pub seq: u64,
    pub event: String,
    pub version: WebhookVersion,
    pub url: String,
    /// The `Authorization` header sent (v3), None for v2.
    pub authorization: Option<String>,
    pub body: Value,
    /// Each attempt's HTTP status; None = no answer (refused, reset, 5 s timeout).
    pub statuses: Vec<Option<u16>>,
    /// The last attempt answered 200.
    pub acknowledged: bool,
}

pub(crate) const WRONG_TOKEN: &str = "WrongVerifyToken0000000000000000";

struct Job {
    seq: u64,
    target: WebhookTarget,
    event: String,
    body: Value,
    authorization: Option<String>,
    retry_delays: Vec<Duration>,
    done: Option<mpsc::Sender<WebhookDelivery>>,
}

type Log = Arc<(Mutex<Vec<WebhookDelivery>>, Condvar)>;

/// The queue to the worker thread and the log of finished deliveries.
pub(crate) struct Sender {
    queue: Mutex<mpsc::Sender<Job>>,
    log: Log,
    seq: Mutex<u64>,
}

impl Sender {
    pub(crate) fn start() -> Sender {
        let (tx, rx) = mpsc::channel::<Job>();
        let log: Log = Arc::new((Mutex::new(Vec::new()), Condvar::new()));
        let worker_log = log.clone();
        std::thread::Builder::new()
            .name("quay-sim-nhanh-webhooks".into())
            .spawn(move || {
                for job in rx {
                    let d = deliver(&job);
                    // Logged before the waiting sender hears of it.
                    let (m, cv) = &*worker_log;
                    m.lock().unwrap_or_else(|p| p.into_inner()).push(d.clone());
                    cv.notify_all();
                    if let Some(done) = &job.done {
                        let _ = done.send(d);
                    }
                }
            })
            .expect("spawn the webhook sender");
        Sender { queue: Mutex::new(tx), log, seq: Mutex::new(0) }
    }

    /// Queues `copies` deliveries of one event; the receivers get each one when done.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn queue(
        &self,
        target: &WebhookTarget,
        business_id: i64,
        event: &str,
        data: Option<Value>,
        opts: &SendOptions,
        retry_delays: &[Duration],
        wait: bool,
    ) -> Vec<mpsc::Receiver<WebhookDelivery>> {
        let token = if opts.wrong_token { WRONG_TOKEN.to_string() } else { target.token.clone() };
        let (body, authorization) = match target.version {
            WebhookVersion::V3 => {
                let mut b = json!({"event": event, "businessId": business_id});
                if let Some(d) = data {
                    b["data"] = d;
                }
                (b, Some(token))
            }
            WebhookVersion::V2 => {
                let mut b = json!({"event": event, "businessId": business_id, "webhooksVerifyToken": token});
                if let Some(d) = data {
                    b["data"] = v2_data(event, d);
                }
                (b, None)
            }
        };
        let mut out = Vec::new();
        for _ in 0..opts.copies.max(1) {
            let seq = {
                let mut s = self.seq.lock().unwrap_or_else(|p| p.into_inner());
                *s += 1;
                *s
            };
            let (done, rx) = if wait {
                let (t, r) = mpsc::channel();
                (Some(t), Some(r))
            } else {
                (None, None)
            };
            let job = Job {
                seq,
                target: target.clone(),
                event: event.to_string(),
                body: body.clone(),
                authorization: authorization.clone(),
                retry_delays: retry_delays.to_vec(),
                done,
            };
            let _ = self.queue.lock().unwrap_or_else(|p| p.into_inner()).send(job);
            out.extend(rx);
        }
        out
    }

    pub(crate) fn deliveries(&self) -> Vec<WebhookDelivery> {
        self.log.0.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Waits until at least `n` deliveries are finished (or the timeout); all of them.
    pub(crate) fn wait(&self, n: usize, timeout: Duration) -> Vec<WebhookDelivery> {
        let (m, cv) = &*self.log;
        let g = m.lock().unwrap_or_else(|p| p.into_inner());
        let (g, _) = cv.wait_timeout_while(g, timeout, |v| v.len() < n).unwrap_or_else(|p| p.into_inner());
        g.clone()
    }
}

/// The v2 body's flat `data` [I]: orders `{orderId, privateId (= appOrderId), status,
/// depotId, saleChannel, type, customerName, customerMobile, createdAt, updatedAt}`,
/// products `{productId, parentId, code, barcode, name, status, categoryId, price,
/// updatedAt}`; id arrays and other events as in v3.
pub fn v2_data(event: &str, d: Value) -> Value {
    match event {
        "orderAdd" | "orderUpdate" => json!({
            "orderId": d["info"]["id"], "privateId": d["channel"]["appOrderId"], "status": d["info"]["status"],
            "depotId": d["info"]["depotId"], "saleChannel": d["channel"]["saleChannel"], "type": d["info"]["type"],
            "customerName": d["shippingAddress"]["name"], "customerMobile": d["shippingAddress"]["mobile"],
            "createdAt": d["info"]["createdAt"], "updatedAt": d["info"]["updatedAt"],
        }),
        "productAdd" | "productUpdate" => json!({
            "productId": d["id"], "parentId": d["parentId"], "code": d["code"], "barcode": d["barcode"], "name": d["name"],
            "status": d["status"], "categoryId": d["categoryId"], "price": d["prices"]["retail"], "updatedAt": d["updatedAt"],
        }),
        _ => d,
    }
}

fn deliver(job: &Job) -> WebhookDelivery {
    let bytes = serde_json::to_vec(&job.body).expect("json");
    let mut statuses = Vec::new();
    for attempt in 0..=job.retry_delays.len().min(3) {
        if attempt > 0 {
            std::thread::sleep(job.retry_delays[attempt - 1]);
        }
        let status = post(&job.target.url, job.authorization.as_deref(), &bytes).ok();
        statuses.push(status);
        if status == Some(200) {
            break;
        }
        tracing::info!("nhanh webhook {} to {}: {status:?}", job.event, job.target.url);
    }
    WebhookDelivery {
        seq: job.seq,
        event: job.event.clone(),
        version: job.target.version,
        url: job.target.url.clone(),
        authorization: job.authorization.clone(),
        body: job.body.clone(),
        acknowledged: statuses.last() == Some(&Some(200)),
        statuses,
    }
}

/// One POST over a blocking socket with a 5 s timeout; the answer's status.
fn post(url: &str, authorization: Option<&str>, body: &[u8]) -> std::io::Result<u16> {
    let bad = |m: &str| std::io::Error::new(std::io::ErrorKind::InvalidInput, m.to_string());
    let rest = url.strip_prefix("http://").ok_or_else(|| bad("only http:// URLs"))?;
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let addr = std::net::ToSocketAddrs::to_socket_addrs(host)?.next().ok_or_else(|| bad("no address"))?;
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    s.set_read_timeout(Some(Duration::from_secs(5)))?;
    s.set_write_timeout(Some(Duration::from_secs(5)))?;
    let auth = authorization.map(|a| format!("Authorization: {a}\r\n")).unwrap_or_default();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: quay-sim-nhanh\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes())?;
    s.write_all(body)?;
    // The status line is enough; read until it is complete.
    let mut raw = Vec::new();
    let mut buf = [0u8; 1024];
    while !raw.windows(2).any(|w| w == b"\r\n") {
        let n = s.read(&mut buf)?;
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buf[..n]);
    }
    let line = String::from_utf8_lossy(&raw);
    line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).ok_or_else(|| bad("no status"))
}
