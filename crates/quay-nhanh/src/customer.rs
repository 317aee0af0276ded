//! Customers, matched by mobile number (seed 002): one normal form for looking up and
//! adding, `0` + 9 digits.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::NhanhError;
use crate::wire::{opt_text, req_i64};

/// A Vietnamese mobile number in Nhanh's form: `^0[35789]\d{8}$`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Mobile(String);

impl Mobile {
    /// Drops spaces and `.-()`; `+84…` and `84` + 9 digits become `0…`; then must match
    /// `^0[35789]\d{8}$`.
    pub fn parse(text: &str) -> Result<Mobile, NhanhError> {
        let bad = || NhanhError::InvalidMobile { text: text.to_string() };
        let mut s: String = text.chars().filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')' | '\t' | '\u{a0}')).collect();
        if let Some(rest) = s.strip_prefix("+84") {
            s = format!("0{rest}");
        } else if s.len() == 11 && s.starts_with("84") {
            s = format!("0{}", &s[2..]);
        }
        let b = s.as_bytes();
        let ok = b.len() == 10 && b[0] == b'0' && matches!(b[1], b'3' | b'5' | b'7' | b'8' | b'9') && b.iter().all(u8::is_ascii_digit);
        if ok {
            Ok(Mobile(s))
        } else {
            Err(bad())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Mobile {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Mobile {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Mobile {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Mobile, D::Error> {
        let s = String::deserialize(d)?;
        Mobile::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// A row of `customer/list` (unknown fields ignored). `mobile` is kept as sent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Customer {
    #[serde(deserialize_with = "req_i64")]
    pub id: i64,
    #[serde(default, deserialize_with = "opt_text")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "opt_text")]
    pub mobile: Option<String>,
    #[serde(default)]
    pub points: Option<serde_json::Value>,
    #[serde(default, deserialize_with = "crate::wire::opt_i64")]
    pub updated_at: Option<i64>,
}

impl Customer {
    /// Whether this row is the customer with `mobile` (compared in normal form).
    pub fn has_mobile(&self, mobile: &Mobile) -> bool {
        self.mobile.as_deref().and_then(|m| Mobile::parse(m).ok()).as_ref() == Some(mobile)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobiles() {
        let ok = [
            ("0988999999", "0988999999"),
            ("0988 999 999", "0988999999"),
            ("098.899.9999", "0988999999"),
            ("(098) 899-9999", "0988999999"),
            ("+84988999999", "0988999999"),
            ("+84 98 899 9999", "0988999999"),
            ("84988999999", "0988999999"),
            ("0356123456", "0356123456"),
            ("0701234567", "0701234567"),
            ("0812345678", "0812345678"),
        ];
        for (input, want) in ok {
            assert_eq!(Mobile::parse(input).map(|m| m.as_str().to_string()), Ok(want.to_string()), "{input}");
        }
        let bad = [
            "",
            "098899999",      // 9 digits
            "09889999999",    // 11 digits
            "0288999999",     // landline prefix 02
            "0188999999",     // old prefix 01
            "0688999999",     // 06 is not mobile
            "988999999",      // no leading 0
            "+8498899999",    // 8 digits after +84
            "840988999999",   // 84 + 10 digits
            "098899999a",     // letter
            "+1 988 999 999", // other country
            "84 (0) 988999999",
        ];
        for input in bad {
            assert_eq!(Mobile::parse(input), Err(NhanhError::InvalidMobile { text: input.to_string() }), "{input}");
        }
    }

    #[test]
    fn customer_rows() {
        let c: Customer =
            serde_json::from_value(serde_json::json!({"id": "12", "name": "Lan", "mobile": "+84 988 999 999", "level": 3})).unwrap();
        assert_eq!(c.id, 12);
        assert!(c.has_mobile(&Mobile::parse("0988999999").unwrap()));
        assert!(!c.has_mobile(&Mobile::parse("0988999998").unwrap()));
    }
}
