//! Garanti v512 (wave2 §3, MEWS `GarantiPosCrypt`):
//! `SecurityData = UPPER(hex(SHA1(password + terminal id left-padded with 0 to 9)))`,
//! `HashData = UPPER(hex(SHA512(OrderID + TerminalID + CardNumber-or-"" + Amount + CurrencyCode + SecurityData)))`.
//! void and refund use the refund user's password.

use sha1::Sha1;
use sha2::{Digest, Sha512};
use zeroize::Zeroizing;

pub fn security_data(password: &str, terminal_id: &str) -> String {
    let mut text = Zeroizing::new(String::with_capacity(password.len() + 9));
    text.push_str(password);
    text.push_str(&format!("{terminal_id:0>9}"));
    hex::encode_upper(Sha1::digest(text.as_bytes()))
}

pub fn hash_data(order_id: &str, terminal_id: &str, card_number: &str, amount: &str, currency_code: &str, security_data: &str) -> String {
    // The card's digits pass through here: a zeroized buffer, sized once.
    let mut text = Zeroizing::new(String::with_capacity(order_id.len() + terminal_id.len() + card_number.len() + amount.len() + 3 + 40));
    for part in [order_id, terminal_id, card_number, amount, currency_code, security_data] {
        text.push_str(part);
    }
    hex::encode_upper(Sha512::digest(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pinned with python3 hashlib (docs/VPOS.md, "Garanti readings").
    #[test]
    fn vectors() {
        let sd = security_data("123qweASD/", "30691298");
        assert_eq!(sd, "1639636D00AB5EF0B3CE073BB222BFAAC2C2C38D");
        assert_eq!(
            hash_data("order222", "30691298", "5555444433332222", "10025", "949", &sd),
            "2005F771B622399C0EC7B8BBBE9B5F7989B9587175239F0695C1E5D3BFAA0CF6D747A9CEE64D78B7081CB5193541AD9D129B929653E2B68BCAE6939E281D752E"
        );
        let rfn = security_data("RFN-pass1", "30691298");
        assert_eq!(rfn, "7FF48EFF1DB471F9ABECF71A41EDF14D72AF9251");
        assert_eq!(
            hash_data("order222", "30691298", "", "10025", "949", &rfn),
            "33407ABB5CD4BD10A760DEB60E9586B38A22F5394462199968A954B66ABBFA4C078597DFAF1CCA5A28C0E199735FA8AF843B185013E6272D753A7079EAE2654E"
        );
        // Padding: a 9-digit terminal is used as is.
        assert_eq!(security_data("p", "123456789"), security_data("p", "0123456789".trim_start_matches('0')));
    }
}
