//! The contract's request and response signatures (hub-api.md, "Identity and signing"),
//! written from the contract alone: the counter's own signing code is deliberately not
//! used, so a misreading on either side shows up as a refusal instead of cancelling out.

use std::collections::{HashSet, VecDeque};
use std::time::{Duration, Instant};

use axum::http::HeaderMap;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

pub const POS_PARENT: &str = "x-quay-pos-parent";
pub const POS_ID: &str = "x-quay-pos-id";
pub const TIMESTAMP: &str = "x-quay-timestamp";
pub const NONCE: &str = "x-quay-nonce";
pub const SIGNATURE: &str = "x-quay-signature";

/// How far a request's timestamp may be from the hub's clock.
pub const MAX_SKEW_SECS: i64 = 300;
/// How long a nonce is remembered.
pub const NONCE_TTL: Duration = Duration::from_secs(600);

type HmacSha256 = Hmac<Sha256>;

/// Why a request was refused with 401; each maps to the contract's error code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Signature(String),
    Stale { hub_time: i64, request_time: i64 },
    Replay,
}

impl Refusal {
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::Signature(_) => "signature",
            Refusal::Stale { .. } => "stale",
            Refusal::Replay => "replay",
        }
    }

    pub fn message(&self) -> String {
        match self {
            Refusal::Signature(why) => why.clone(),
            Refusal::Stale { hub_time, request_time } => {
                format!("timestamp {request_time} is more than {MAX_SKEW_SECS} s from the hub's clock {hub_time}")
            }
            Refusal::Replay => "nonce already used".into(),
        }
    }
}

pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 0xf) as usize] as char);
    }
    s
}

/// Lowercase hex only, as the contract writes it: "ABCD" is not a signature.
fn unhex_lower(s: &str) -> Option<Vec<u8>> {
    let digit = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    let b = s.as_bytes();
    if !b.len().is_multiple_of(2) {
        return None;
    }
    b.chunks(2).map(|p| Some(digit(p[0])? << 4 | digit(p[1])?)).collect()
}

pub fn sha256_hex(body: &[u8]) -> String {
    hex(&Sha256::digest(body))
}

fn mac(key: &[u8], message: &str) -> HmacSha256 {
    let mut m = HmacSha256::new_from_slice(key).expect("HMAC takes keys of any length");
    m.update(message.as_bytes());
    m
}

/// `METHOD \n PATH_AND_QUERY \n TIMESTAMP \n NONCE \n hex(SHA-256(body))`
pub fn request_canonical(method: &str, path_and_query: &str, timestamp: &str, nonce: &str, body: &[u8]) -> String {
    format!("{method}\n{path_and_query}\n{timestamp}\n{nonce}\n{}", sha256_hex(body))
}

/// `hex(HMAC-SHA256(key2, TIMESTAMP \n REQUEST_NONCE \n hex(SHA-256(body))))`
pub fn response_signature(key: &[u8], timestamp: &str, request_nonce: &str, body: &[u8]) -> String {
    hex(&mac(key, &format!("{timestamp}\n{request_nonce}\n{}", sha256_hex(body))).finalize().into_bytes())
}

/// The value of a header that must appear exactly once (a repeated one is ambiguous).
fn single<'a>(headers: &'a HeaderMap, name: &str) -> Result<&'a str, Refusal> {
    let mut all = headers.get_all(name).iter();
    match (all.next(), all.next()) {
        (Some(v), None) => v.to_str().map_err(|_| Refusal::Signature(format!("{name} is not text"))),
        (None, _) => Err(Refusal::Signature(format!("{name} is missing"))),
        (Some(_), Some(_)) => Err(Refusal::Signature(format!("{name} appears more than once"))),
    }
}

/// The point a request names (`X-Quay-Pos-Parent`, `X-Quay-Pos-Id`, each exactly once),
/// whether or not its signature holds: its answer is signed with that point's Key2.
pub fn claimed_point(headers: &HeaderMap) -> Option<(&str, &str)> {
    Some((single(headers, POS_PARENT).ok()?, single(headers, POS_ID).ok()?))
}

pub fn nonce_is_well_formed(nonce: &str) -> bool {
    (16..=64).contains(&nonce.len()) && nonce.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Checks a request in the contract's order: identity and signature, then the clock,
/// then the nonce. The nonce is remembered only for a request that passed the first two,
/// so a forged or stale request cannot burn a nonce the real counter is about to use.
/// `key1_of(pos_parent, pos_id)` is the point's Key1, None for a point the hub does not
/// know. Returns the request's nonce.
pub fn verify_request(
    key1_of: impl Fn(&str, &str) -> Option<Vec<u8>>,
    nonces: &std::sync::Mutex<NonceCache>,
    headers: &HeaderMap,
    method: &str,
    path_and_query: &str,
    body: &[u8],
    now: i64,
) -> Result<String, Refusal> {
    let parent = single(headers, POS_PARENT)?;
    let pos_id = single(headers, POS_ID)?;
    let Some(key1) = key1_of(parent, pos_id) else {
        return Err(Refusal::Signature(format!("unknown point {parent}/{pos_id}")));
    };
    let timestamp = single(headers, TIMESTAMP)?;
    // Unix seconds as plain digits: "+12", " 12" or "1.5e9" are not timestamps.
    let ts: i64 = Some(timestamp)
        .filter(|t| !t.is_empty() && t.len() <= 18 && t.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|t| t.parse().ok())
        .ok_or_else(|| Refusal::Signature(format!("{TIMESTAMP} {timestamp:?} is not unix seconds")))?;
    let nonce = single(headers, NONCE)?;
    if !nonce_is_well_formed(nonce) {
        return Err(Refusal::Signature(format!("{NONCE} must be 16 to 64 characters of [A-Za-z0-9]")));
    }
    let given = single(headers, SIGNATURE)?;
    let given = unhex_lower(given)
        .filter(|g| g.len() == 32)
        .ok_or_else(|| Refusal::Signature(format!("{SIGNATURE} is not 64 lowercase hex digits")))?;
    let canonical = request_canonical(method, path_and_query, timestamp, nonce, body);
    mac(&key1, &canonical).verify_slice(&given).map_err(|_| Refusal::Signature("signature does not match".into()))?;
    if (now - ts).abs() > MAX_SKEW_SECS {
        return Err(Refusal::Stale { hub_time: now, request_time: ts });
    }
    if !nonces.lock().expect("nonce cache").remember(nonce, Instant::now()) {
        return Err(Refusal::Replay);
    }
    Ok(nonce.to_string())
}

/// Nonces seen in the last `NONCE_TTL`, oldest first for cheap expiry.
#[derive(Default)]
pub struct NonceCache {
    seen: HashSet<String>,
    order: VecDeque<(Instant, String)>,
}

impl NonceCache {
    /// Records `nonce`; false if it was already seen within the TTL.
    pub fn remember(&mut self, nonce: &str, now: Instant) -> bool {
        while let Some((at, _)) = self.order.front() {
            if now.duration_since(*at) < NONCE_TTL {
                break;
            }
            let (_, old) = self.order.pop_front().expect("front exists");
            self.seen.remove(&old);
        }
        if !self.seen.insert(nonce.to_string()) {
            return false;
        }
        self.order.push_back((now, nonce.to_string()));
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips_and_refuses_uppercase() {
        assert_eq!(hex(&[0x00, 0xab, 0xff]), "00abff");
        assert_eq!(unhex_lower("00abff"), Some(vec![0x00, 0xab, 0xff]));
        assert_eq!(unhex_lower("00ABFF"), None);
        assert_eq!(unhex_lower("abc"), None);
    }

    #[test]
    fn empty_body_hashes_as_sha256_of_nothing() {
        assert_eq!(sha256_hex(b""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    #[test]
    fn nonces_expire_after_the_ttl() {
        let mut c = NonceCache::default();
        let t0 = Instant::now();
        assert!(c.remember("abcdefghijklmnop", t0));
        assert!(!c.remember("abcdefghijklmnop", t0 + Duration::from_secs(599)));
        assert!(c.remember("abcdefghijklmnop", t0 + NONCE_TTL + Duration::from_secs(1)));
    }

    #[test]
    fn nonce_format() {
        assert!(nonce_is_well_formed("abcdefghijklmnop"));
        assert!(!nonce_is_well_formed("abcdefghijklmno"));
        assert!(!nonce_is_well_formed(&"a".repeat(65)));
        assert!(!nonce_is_well_formed("abcdefghijklmno-"));
    }
}
