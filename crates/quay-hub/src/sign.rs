//! The contract's signatures, exactly:
//! request  `hex(HMAC-SHA256(key1, METHOD \n PATH_AND_QUERY \n TIMESTAMP \n NONCE \n hex(SHA-256(body))))`
//! response `hex(HMAC-SHA256(key2, TIMESTAMP \n REQUEST_NONCE \n hex(SHA-256(body))))`

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

type HmacSha256 = Hmac<Sha256>;

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok()).collect()
}

pub fn body_hash(body: &[u8]) -> String {
    hex(&Sha256::digest(body))
}

fn mac(key: &[u8], text: &str) -> HmacSha256 {
    let mut m = HmacSha256::new_from_slice(key).expect("HMAC takes any key length");
    m.update(text.as_bytes());
    m
}

pub fn request_canonical(method: &str, path_and_query: &str, timestamp: i64, nonce: &str, body: &[u8]) -> String {
    format!("{method}\n{path_and_query}\n{timestamp}\n{nonce}\n{}", body_hash(body))
}

pub fn sign_request(key1: &[u8], method: &str, path_and_query: &str, timestamp: i64, nonce: &str, body: &[u8]) -> String {
    hex(&mac(key1, &request_canonical(method, path_and_query, timestamp, nonce, body)).finalize().into_bytes())
}

/// Checks a response's signature in constant time.
pub fn verify_response(key2: &[u8], timestamp: &str, request_nonce: &str, body: &[u8], signature: &str) -> bool {
    let Some(sig) = unhex(signature.trim()) else { return false };
    mac(key2, &format!("{timestamp}\n{request_nonce}\n{}", body_hash(body))).verify_slice(&sig).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_vectors() {
        // SHA-256 of zero bytes, as the contract says an empty body hashes.
        assert_eq!(body_hash(b""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(
            request_canonical("GET", "/api/v1/menu/changes?since=42", 1_763_800_000, "abcDEF0123456789", b""),
            "GET\n/api/v1/menu/changes?since=42\n1763800000\nabcDEF0123456789\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        // RFC 4231 test case 2: HMAC-SHA256("Jefe", "what do ya want for nothing?").
        assert_eq!(
            hex(&mac(b"Jefe", "what do ya want for nothing?").finalize().into_bytes()),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn response_verification() {
        let key2 = b"k2";
        let sig = hex(&mac(key2, &format!("1763800000\nnonce123\n{}", body_hash(b"{}"))).finalize().into_bytes());
        assert!(verify_response(key2, "1763800000", "nonce123", b"{}", &sig));
        assert!(!verify_response(b"other", "1763800000", "nonce123", b"{}", &sig));
        assert!(!verify_response(key2, "1763800001", "nonce123", b"{}", &sig));
        assert!(!verify_response(key2, "1763800000", "nonce124", b"{}", &sig));
        assert!(!verify_response(key2, "1763800000", "nonce123", b"{ }", &sig));
        assert!(!verify_response(key2, "1763800000", "nonce123", b"{}", "zz"));
        assert!(!verify_response(key2, "1763800000", "nonce123", b"{}", ""));
    }
}
