//! What a scanned payment code is, from its shape alone, before anything is sent
//! (contract §0): Alipay 16–24 digits starting 25–30; WeChat Pay 18 digits starting
//! 10–15 (not taken: refused, nothing sent); MoMo `MM` + 18 digits, or 18 digits that are
//! not WeChat-shaped. Scanners add CR/LF or spaces: they are trimmed.
//!
//! An 18-digit code starting 25–30 fits both Alipay and bare MoMo. `recognise` calls it
//! Alipay (the registered 25–30 prefix is Alipay's); when the cashier has chosen MoMo
//! explicitly, `momo_code` accepts it. ZaloPay has no code-scan API in our contract: it
//! is paid by showing a QR, so it has no shape here.

/// A code shape we recognise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CodeKind {
    Momo,
    Alipay,
    /// Recognised only to be refused: Quay takes no WeChat Pay.
    WeChat,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("nothing was scanned")]
    Empty,
    /// A known shape Quay does not take (WeChat Pay): send nothing.
    #[error("{0:?} codes are not accepted")]
    Unsupported(CodeKind),
    /// No known shape (a product barcode, a loyalty card, a typo).
    #[error("not a payment code")]
    Unknown,
}

/// The scanned text without the scanner's surrounding whitespace, CR and LF.
pub fn clean(scanned: &str) -> &str {
    scanned.trim_matches(|c: char| c.is_whitespace())
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The first two digits as a number (callers have checked the digits).
fn prefix2(s: &str) -> u32 {
    s[..2].parse().unwrap_or(0)
}

fn is_wechat(s: &str) -> bool {
    digits(s) && s.len() == 18 && (10..=15).contains(&prefix2(s))
}

fn is_alipay(s: &str) -> bool {
    digits(s) && (16..=24).contains(&s.len()) && (25..=30).contains(&prefix2(s))
}

/// MoMo's shape: `MM` + 18 digits, or 18 digits not WeChat-shaped.
pub fn is_momo(scanned: &str) -> bool {
    let s = clean(scanned);
    match s.strip_prefix("MM") {
        Some(rest) => digits(rest) && rest.len() == 18,
        None => digits(s) && s.len() == 18 && !is_wechat(s),
    }
}

/// What the code is. WeChat-shaped codes are `Err(Unsupported(WeChat))`.
pub fn recognise(scanned: &str) -> Result<CodeKind, CodeError> {
    let s = clean(scanned);
    if s.is_empty() {
        return Err(CodeError::Empty);
    }
    if is_wechat(s) {
        return Err(CodeError::Unsupported(CodeKind::WeChat));
    }
    if is_alipay(s) {
        return Ok(CodeKind::Alipay);
    }
    if is_momo(s) {
        return Ok(CodeKind::Momo);
    }
    Err(CodeError::Unknown)
}

/// The code to send to MoMo (cleaned) when the cashier chose MoMo: MoMo-shaped, else
/// refused as `recognise` would say (WeChat → Unsupported, Alipay or other → Unknown).
pub fn momo_code(scanned: &str) -> Result<&str, CodeError> {
    let s = clean(scanned);
    if is_momo(s) {
        return Ok(s);
    }
    match recognise(s) {
        Err(e) => Err(e),
        Ok(_) => Err(CodeError::Unknown),
    }
}

/// The code to send to Alipay (cleaned): Alipay-shaped (16–24 digits starting 25–30),
/// else refused as `recognise` would say (WeChat → Unsupported, MoMo or other → Unknown).
pub fn alipay_code(scanned: &str) -> Result<&str, CodeError> {
    let s = clean(scanned);
    if is_alipay(s) {
        return Ok(s);
    }
    match recognise(s) {
        Err(e) => Err(e),
        Ok(_) => Err(CodeError::Unknown),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CodeKind::*;

    #[test]
    fn shapes() {
        let cases: &[(&str, Result<CodeKind, CodeError>)] = &[
            // MoMo: MM + 18, or 18 digits not 10–15.
            ("MM123456789012345678", Ok(Momo)),
            ("987654321098765432", Ok(Momo)),
            ("160000000000000000", Ok(Momo)),
            ("090000000000000000", Ok(Momo)),
            ("  MM123456789012345678\r\n", Ok(Momo)),
            ("987654321098765432\n", Ok(Momo)),
            // Alipay: 16–24 digits starting 25–30.
            ("2512345678901234", Ok(Alipay)),
            ("281234567890123456", Ok(Alipay)), // 18 digits: Alipay wins (module doc)
            ("301234567890123456789012", Ok(Alipay)),
            ("\t286543210987654321\r", Ok(Alipay)),
            // WeChat: 18 digits starting 10–15 → unsupported.
            ("134567890123456789", Err(CodeError::Unsupported(WeChat))),
            ("101234567890123456", Err(CodeError::Unsupported(WeChat))),
            ("151234567890123456\r\n", Err(CodeError::Unsupported(WeChat))),
            // Neither.
            ("", Err(CodeError::Empty)),
            (" \r\n", Err(CodeError::Empty)),
            ("MM12345678901234567", Err(CodeError::Unknown)),   // MM + 17
            ("MM1234567890123456789", Err(CodeError::Unknown)), // MM + 19
            ("mm123456789012345678", Err(CodeError::Unknown)),
            ("12345678901234567", Err(CodeError::Unknown)),         // 17 digits, not 25–30
            ("251234567890123", Err(CodeError::Unknown)),           // 15 digits
            ("3112345678901234", Err(CodeError::Unknown)),          // starts 31
            ("2412345678901234", Err(CodeError::Unknown)),          // starts 24, 16 digits
            ("3012345678901234567890123", Err(CodeError::Unknown)), // 25 digits
            ("8934567890123", Err(CodeError::Unknown)),             // an EAN-13
            ("98765432109876543a", Err(CodeError::Unknown)),
            ("9876543210 98765432", Err(CodeError::Unknown)),
        ];
        for (scanned, want) in cases {
            assert_eq!(&recognise(scanned), want, "{scanned:?}");
        }
    }

    #[test]
    fn momo_code_when_momo_was_chosen() {
        assert_eq!(momo_code(" MM123456789012345678\r\n"), Ok("MM123456789012345678"));
        assert_eq!(momo_code("281234567890123456"), Ok("281234567890123456"));
        assert_eq!(momo_code("134567890123456789"), Err(CodeError::Unsupported(WeChat)));
        assert_eq!(momo_code("2512345678901234"), Err(CodeError::Unknown));
        assert_eq!(momo_code(""), Err(CodeError::Empty));
    }

    #[test]
    fn alipay_code_when_alipay_was_chosen() {
        assert_eq!(alipay_code(" 281234567890123456\r\n"), Ok("281234567890123456"));
        assert_eq!(alipay_code("2512345678901234"), Ok("2512345678901234"));
        assert_eq!(alipay_code("301234567890123456789012"), Ok("301234567890123456789012"));
        assert_eq!(alipay_code("134567890123456789"), Err(CodeError::Unsupported(WeChat)));
        assert_eq!(alipay_code("MM123456789012345678"), Err(CodeError::Unknown));
        assert_eq!(alipay_code("987654321098765432"), Err(CodeError::Unknown));
        assert_eq!(alipay_code("2412345678901234"), Err(CodeError::Unknown));
        assert_eq!(alipay_code(""), Err(CodeError::Empty));
    }
}
