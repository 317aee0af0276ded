//! NestPay's `hashAlgorithm=ver3` (wave2 §3, refined by contract §6): the form's pairs minus
//! `hash`, `encoding`, `countdown`, `nationalidno`; keys in PHP's natural case-insensitive
//! order (SORT_NATURAL|SORT_FLAG_CASE); values, then the store key, escaped (`\`→`\\`,
//! `|`→`\|`) and joined by `|`; SHA-512 over the UTF-8 bytes; base64.

use std::cmp::Ordering;

use base64::Engine;
use sha2::{Digest, Sha512};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

/// Keys never hashed (compared case-insensitively).
pub const EXCLUDED: [&str; 4] = ["hash", "encoding", "countdown", "nationalidno"];

fn excluded(key: &str) -> bool {
    EXCLUDED.iter().any(|e| e.eq_ignore_ascii_case(key))
}

/// PHP's natural order, case-insensitive: runs of digits compare as numbers, the rest by
/// lower-cased character.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let (mut x, mut y) = (a.as_bytes(), b.as_bytes());
    loop {
        match (x.first(), y.first()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(p), Some(q)) if p.is_ascii_digit() && q.is_ascii_digit() => {
                let run = |s: &[u8]| s.iter().take_while(|c| c.is_ascii_digit()).count();
                let (m, n) = (run(x), run(y));
                let trim = |s: &[u8]| -> usize { s.iter().take_while(|c| **c == b'0').count() };
                let (dx, dy) = (&x[..m], &y[..n]);
                let (dx, dy) = (&dx[trim(dx).min(m.saturating_sub(1))..], &dy[trim(dy).min(n.saturating_sub(1))..]);
                let o = dx.len().cmp(&dy.len()).then_with(|| dx.cmp(dy));
                if o != Ordering::Equal {
                    return o;
                }
                x = &x[m..];
                y = &y[n..];
            }
            (Some(p), Some(q)) => {
                if p != q {
                    return p.cmp(q);
                }
                x = &x[1..];
                y = &y[1..];
            }
        }
    }
}

fn escape(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '|' => out.push_str("\\|"),
            c => out.push(c),
        }
    }
}

/// The text that is hashed (held zeroized: it ends with the store key).
pub fn plaintext(pairs: &[(String, String)], store_key: &str) -> Zeroizing<String> {
    let mut kept: Vec<&(String, String)> = pairs.iter().filter(|(k, _)| !excluded(k)).collect();
    kept.sort_by(|a, b| natural_cmp(&a.0, &b.0));
    let mut out = Zeroizing::new(String::with_capacity(1024));
    for (_, v) in kept {
        escape(&mut out, v);
        out.push('|');
    }
    escape(&mut out, store_key);
    out
}

/// `base64(SHA512(plaintext))`.
pub fn ver3(pairs: &[(String, String)], store_key: &str) -> String {
    let text = plaintext(pairs, store_key);
    base64::engine::general_purpose::STANDARD.encode(Sha512::digest(text.as_bytes()))
}

/// Constant-time check of a received HASH.
pub fn verify(pairs: &[(String, String)], store_key: &str, received: &str) -> bool {
    let want = ver3(pairs, store_key);
    want.as_bytes().ct_eq(received.trim().as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    /// wave2 §3 (nestpay-rs `tests/hash_tests.rs`).
    fn wave2_form() -> Vec<(String, String)> {
        pairs(&[
            ("clientid", "100200127"),
            ("amount", "95.93"),
            ("okurl", "https://yoursite.com/ok"),
            ("failUrl", "https://yoursite.com/fail"),
            ("callbackUrl", "https://yoursite.com/callback"),
            ("TranType", "Auth"),
            ("Instalment", ""),
            ("currency", "949"),
            ("rnd", "1715000000"),
            ("storetype", "3d"),
            ("hashAlgorithm", "ver3"),
            ("lang", "tr"),
            ("BillToName", "name"),
            ("BillToCompany", "billToCompany"),
        ])
    }

    #[test]
    fn wave2_vector() {
        let form = wave2_form();
        assert_eq!(
            plaintext(&form, "TEST1234").as_str(),
            "95.93|billToCompany|name|https://yoursite.com/callback|100200127|949|https://yoursite.com/fail|ver3||tr|https://yoursite.com/ok|1715000000|3d|Auth|TEST1234"
        );
        let h = ver3(&form, "TEST1234");
        assert_eq!(h, "TX/adVRVplssPyiZuXkvUxlRRroHIvbChDcK2gbi03HkzcopbMVUqkfk8FO0HXuSC7QgRS6t6cnUYE51nKiKbQ==");
        assert!(verify(&form, "TEST1234", &h));
        assert!(!verify(&form, "TEST1235", &h));
        // The excluded keys change nothing, whatever their case.
        let mut more = form.clone();
        more.extend(pairs(&[("HASH", "x"), ("encoding", "utf-8"), ("countdown", "5"), ("NationalIdNo", "1")]));
        assert_eq!(ver3(&more, "TEST1234"), h);
    }

    #[test]
    fn natural_order() {
        let rows = [
            ("a", "B", Ordering::Less),
            ("TRX2", "trx10", Ordering::Less),
            ("item10", "item9", Ordering::Greater),
            ("x01", "x1", Ordering::Equal),
            ("ab", "abc", Ordering::Less),
            ("okUrl", "oid", Ordering::Greater),
            ("Instalment", "lang", Ordering::Less),
        ];
        for (a, b, o) in rows {
            assert_eq!(natural_cmp(a, b), o, "{a} {b}");
        }
    }

    /// Escaping (values and the store key) and UTF-8, pinned with python3:
    /// `base64(sha512("a\\|b|c\\\\d|İ|k\\|ey".encode()))`.
    #[test]
    fn escapes_and_utf8() {
        let form = pairs(&[("b", "c\\d"), ("a", "a|b"), ("c", "İ")]);
        assert_eq!(plaintext(&form, "k|ey").as_str(), "a\\|b|c\\\\d|İ|k\\|ey");
        assert_eq!(ver3(&form, "k|ey"), ESCAPED_VECTOR);
    }

    const ESCAPED_VECTOR: &str = "6KZhEWsjYDuL4IdZ7D0Mm9Hk6Br+bDiWdllSf48Y2i5ur1tqAoYsHKE6GWmRF0iqBycD5i2yKsdA+nAwbQfo/w==";
}
