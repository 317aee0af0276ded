//! The wallets' digests: HMAC-SHA256 in lowercase hex (MoMo, ZaloPay) and MD5 in
//! uppercase hex (VNPAY). Comparisons of received signatures are constant-time and
//! ignore hex case, so a wallet that changes case is not a forgery.

use hmac::{Hmac, Mac};
use md5::{Digest, Md5};
use sha2::Sha256;

/// HMAC-SHA256(key, message), lowercase hex.
pub fn hmac_sha256_hex(key: &[u8], message: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(message.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// MD5(message), uppercase hex (VNPAY's checksums).
pub fn md5_upper(message: &str) -> String {
    hex::encode_upper(Md5::digest(message.as_bytes()).as_slice())
}

/// Equal hex signatures, case-insensitive, in time independent of where they differ.
pub fn hex_eq(expected: &str, received: &str) -> bool {
    let (a, b) = (expected.trim().as_bytes(), received.trim().as_bytes());
    if a.len() != b.len() || a.is_empty() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x.to_ascii_lowercase() ^ y.to_ascii_lowercase())) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 4231 test case 2 and RFC 1321's MD5 suite: the primitives themselves.
    #[test]
    fn primitives_match_published_vectors() {
        assert_eq!(
            hmac_sha256_hex(b"Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        assert_eq!(md5_upper(""), "D41D8CD98F00B204E9800998ECF8427E");
        assert_eq!(md5_upper("abc"), "900150983CD24FB0D6963F7D28E17F72");
    }

    #[test]
    fn hex_comparison() {
        assert!(hex_eq("abcdef", "ABCDEF"));
        assert!(hex_eq("abcdef", " abcdef\n"));
        assert!(!hex_eq("abcdef", "abcdee"));
        assert!(!hex_eq("abcdef", "abcde"));
        assert!(!hex_eq("", ""));
    }
}
