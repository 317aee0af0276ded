//! The banks' hashes, written from the contract (partners-contracts.md §6, partners-wave2.md §3)
//! and independently of quay-pay.

use std::cmp::Ordering;

use base64::Engine as _;
use sha1::Sha1;
use sha2::{Digest, Sha512};

/// Keys never hashed by ver3 (case-insensitive).
const VER3_EXCLUDED: [&str; 4] = ["hash", "encoding", "countdown", "nationalidno"];

/// NestPay HASH ver3 over form pairs: keys in natural case-insensitive order (PHP
/// `SORT_NATURAL | SORT_FLAG_CASE`) minus hash/encoding/countdown/nationalidno, values escaped
/// (`\` → `\\`, `|` → `\|`), joined by `|`, then `|` + the escaped store key; SHA-512 of the
/// UTF-8 bytes, base64.
pub fn ver3(pairs: &[(String, String)], store_key: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha512::digest(ver3_plaintext(pairs, store_key).as_bytes()))
}

/// The text `ver3` hashes (for tests and the README's vector).
pub fn ver3_plaintext(pairs: &[(String, String)], store_key: &str) -> String {
    let mut kept: Vec<&(String, String)> = pairs.iter().filter(|(k, _)| !VER3_EXCLUDED.iter().any(|x| x.eq_ignore_ascii_case(k))).collect();
    kept.sort_by(|a, b| natural_case_insensitive(&a.0, &b.0));
    let mut out = String::new();
    for (_, v) in kept {
        out.push_str(&escape(v));
        out.push('|');
    }
    out.push_str(&escape(store_key));
    out
}

fn escape(v: &str) -> String {
    v.replace('\\', "\\\\").replace('|', "\\|")
}

/// `strnatcasecmp`: case-insensitive, runs of digits compared as numbers.
pub fn natural_case_insensitive(a: &str, b: &str) -> Ordering {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i].is_ascii_digit() && b[j].is_ascii_digit() {
            let si = i;
            while i < a.len() && a[i].is_ascii_digit() {
                i += 1;
            }
            let sj = j;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            let na: String = a[si..i].iter().collect::<String>().trim_start_matches('0').to_string();
            let nb: String = b[sj..j].iter().collect::<String>().trim_start_matches('0').to_string();
            let ord = na.len().cmp(&nb.len()).then_with(|| na.cmp(&nb));
            if ord != Ordering::Equal {
                return ord;
            }
        } else {
            let ord = a[i].cmp(&b[j]);
            if ord != Ordering::Equal {
                return ord;
            }
            i += 1;
            j += 1;
        }
    }
    (a.len() - i).cmp(&(b.len() - j))
}

/// Constant-time comparison of two ASCII strings.
pub fn same(a: &str, b: &str) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Garanti `SecurityData = UPPER(hex(SHA1(password + terminalId zero-padded to 9)))`.
pub fn garanti_security_data(password: &str, terminal_id: &str) -> String {
    let padded = format!("{terminal_id:0>9}");
    upper_hex(&Sha1::digest(format!("{password}{padded}").as_bytes()))
}

/// Garanti v512 `HashData = UPPER(hex(SHA512(OrderID + TerminalID + CardNumber-or-empty +
/// Amount + CurrencyCode + SecurityData)))`.
pub fn garanti_hash_data(order_id: &str, terminal_id: &str, card: &str, amount: &str, currency: &str, security_data: &str) -> String {
    upper_hex(&Sha512::digest(format!("{order_id}{terminal_id}{card}{amount}{currency}{security_data}").as_bytes()))
}

pub fn upper_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wave2_vector() {
        let p = |k: &str, v: &str| (k.to_string(), v.to_string());
        let pairs = vec![
            p("clientid", "100200127"),
            p("amount", "95.93"),
            p("okurl", "https://yoursite.com/ok"),
            p("failUrl", "https://yoursite.com/fail"),
            p("callbackUrl", "https://yoursite.com/callback"),
            p("TranType", "Auth"),
            p("Instalment", ""),
            p("currency", "949"),
            p("rnd", "1715000000"),
            p("storetype", "3d"),
            p("hashAlgorithm", "ver3"),
            p("lang", "tr"),
            p("BillToName", "name"),
            p("BillToCompany", "billToCompany"),
        ];
        assert_eq!(
            ver3_plaintext(&pairs, "TEST1234"),
            "95.93|billToCompany|name|https://yoursite.com/callback|100200127|949|https://yoursite.com/fail|ver3||tr|https://yoursite.com/ok|1715000000|3d|Auth|TEST1234"
        );
        assert_eq!(ver3(&pairs, "TEST1234"), "TX/adVRVplssPyiZuXkvUxlRRroHIvbChDcK2gbi03HkzcopbMVUqkfk8FO0HXuSC7QgRS6t6cnUYE51nKiKbQ==");
    }

    #[test]
    fn garanti_vectors_of_docs_vpos_md() {
        let sd = garanti_security_data("123qweASD/", "30691298");
        assert_eq!(sd, "1639636D00AB5EF0B3CE073BB222BFAAC2C2C38D");
        assert_eq!(
            garanti_hash_data("order222", "30691298", "5555444433332222", "10025", "949", &sd),
            "2005F771B622399C0EC7B8BBBE9B5F7989B9587175239F0695C1E5D3BFAA0CF6D747A9CEE64D78B7081CB5193541AD9D129B929653E2B68BCAE6939E281D752E"
        );
        let sd = garanti_security_data("RFN-pass1", "30691298");
        assert_eq!(sd, "7FF48EFF1DB471F9ABECF71A41EDF14D72AF9251");
        assert_eq!(
            garanti_hash_data("order222", "30691298", "", "10025", "949", &sd),
            "33407ABB5CD4BD10A760DEB60E9586B38A22F5394462199968A954B66ABBFA4C078597DFAF1CCA5A28C0E199735FA8AF843B185013E6272D753A7079EAE2654E"
        );
    }

    #[test]
    fn natural_order() {
        let mut keys = vec!["TRX10", "trx2", "Amount", "b", "TRX1"];
        keys.sort_by(|a, b| natural_case_insensitive(a, b));
        assert_eq!(keys, vec!["Amount", "b", "TRX1", "trx2", "TRX10"]);
    }
}
