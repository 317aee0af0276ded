//! Merchant order ids for a sale's attempts (contract §0): the sale's uuid (hex, no
//! hyphens) + a trailing attempt suffix, cut to each wallet's charset and length. The
//! same (sale, attempt) always gives the same id — a repeat after a lost answer must
//! reuse it — and a new attempt is started only once the old id is proven unpaid or
//! closed. Refund ids carry an `r` so they never equal a payment id.
//!
//! Where a wallet's length is tight (ZaloPay, VNPAY) the uuid is shortened from the
//! front, which for a v7 uuid keeps its millisecond time plus random bits: ample to stay
//! unique among one merchant's orders.

use chrono::NaiveDate;
use uuid::Uuid;

fn hex(sale: Uuid) -> String {
    sale.simple().to_string()
}

fn hex_cut(sale: Uuid, len: usize) -> String {
    let mut h = hex(sale);
    h.truncate(len.clamp(8, 32));
    h
}

fn digits(n: u32) -> usize {
    n.to_string().len()
}

/// ZaloPay wants the GMT+7 day as `yymmdd`.
fn yymmdd(day_gmt7: NaiveDate) -> String {
    day_gmt7.format("%y%m%d").to_string()
}

/// MoMo orderId (≤ 50, `^[0-9a-zA-Z]([-_.]*[0-9a-zA-Z]+)*$`): `<uuid hex>-<n>`, ≤ 43.
pub fn momo(sale: Uuid, attempt: u32) -> String {
    format!("{}-{attempt}", hex(sale))
}

/// MoMo refund orderId (a new orderId per refund): `<uuid hex>-r<n>`, ≤ 44.
pub fn momo_refund(sale: Uuid, attempt: u32) -> String {
    format!("{}-r{attempt}", hex(sale))
}

/// ZaloPay app_trans_id (`yymmdd_xxx`, ≤ 40, suffix `[0-9A-Za-z._-]`), the day being
/// *today in GMT+7* when the order is created: `yymmdd_<20 hex>_<n>`, ≤ 38.
pub fn zalopay(sale: Uuid, attempt: u32, day_gmt7: NaiveDate) -> String {
    format!("{}_{}_{attempt}", yymmdd(day_gmt7), hex_cut(sale, 20))
}

/// ZaloPay m_refund_id (`yymmdd_<app_id>_xxx`, ≤ 45): `yymmdd_<app_id>_<hex>-r<n>`, the
/// hex cut to fit (16 for app ids up to 9 digits and attempts up to 999).
pub fn zalopay_refund(sale: Uuid, attempt: u32, day_gmt7: NaiveDate, app_id: &str) -> String {
    let room = 45usize.saturating_sub(6 + 1 + app_id.len() + 1 + 2 + digits(attempt));
    format!("{}_{app_id}_{}-r{attempt}", yymmdd(day_gmt7), hex_cut(sale, room.min(16)))
}

/// VNPAY txnId (1–20 of `[0-9A-Za-z_.-]`): `<hex>-<n>`, 16 hex for attempts ≤ 999
/// (fewer beyond, to stay within 20).
pub fn vnpay(sale: Uuid, attempt: u32) -> String {
    format!("{}-{attempt}", hashed_cut(sale, (19 - digits(attempt)).min(16)))
}

/// The first `len` hex digits of SHA-256 of the sale id. VNPAY's ids are short (≤ 20): a
/// cut of the UUID itself would keep mostly its time (a v7 UUID starts with 48 bits of
/// milliseconds), so two counters of one merchant could meet; a hash spreads all of it.
fn hashed_cut(sale: Uuid, len: usize) -> String {
    use sha2::{Digest, Sha256};
    let mut h: String = Sha256::digest(sale.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    h.truncate(len.clamp(8, 32));
    h
}

/// VNPAY refundTxnId (same rules): `<hex>-r<n>`, 15 hex for attempts ≤ 999.
pub fn vnpay_refund(sale: Uuid, attempt: u32) -> String {
    format!("{}-r{attempt}", hashed_cut(sale, (18 - digits(attempt)).min(15)))
}

/// Alipay out_trade_no (≤ 64, `[A-Za-z0-9_]`): `<uuid hex>_<n>`, ≤ 43.
pub fn alipay(sale: Uuid, attempt: u32) -> String {
    format!("{}_{attempt}", hex(sale))
}

/// Alipay out_request_no of a refund (same rules; one per refund, the same on every
/// repeat of that refund): `<uuid hex>_r<n>`, ≤ 44.
pub fn alipay_refund(sale: Uuid, attempt: u32) -> String {
    format!("{}_r{attempt}", hex(sale))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// `^[0-9a-zA-Z]([-_.]*[0-9a-zA-Z]+)*$`: alphanumeric at both ends, separators only
    /// between alphanumerics.
    fn momo_ok(s: &str) -> bool {
        let b = s.as_bytes();
        !b.is_empty()
            && s.len() <= 50
            && b.iter().all(|c| c.is_ascii_alphanumeric() || b"-_.".contains(c))
            && b[0].is_ascii_alphanumeric()
            && b[b.len() - 1].is_ascii_alphanumeric()
    }

    fn charset_ok(s: &str) -> bool {
        s.bytes().all(|c| c.is_ascii_alphanumeric() || b"._-".contains(&c))
    }

    fn zalopay_ok(s: &str, day: &str) -> bool {
        s.len() <= 40 && s.starts_with(&format!("{day}_")) && s.len() > 7 && charset_ok(&s[7..])
    }

    fn vnpay_ok(s: &str) -> bool {
        (1..=20).contains(&s.len()) && charset_ok(s)
    }

    fn sales() -> Vec<Uuid> {
        vec![
            Uuid::nil(),
            Uuid::max(),
            Uuid::parse_str("0190f3a2-7b1c-7def-8a12-3456789abcde").unwrap(),
            Uuid::parse_str("f47ac10b-58cc-4372-a567-0e02b2c3d479").unwrap(),
        ]
    }

    #[test]
    fn examples() {
        let sale = Uuid::parse_str("0190f3a2-7b1c-7def-8a12-3456789abcde").unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
        assert_eq!(momo(sale, 1), "0190f3a27b1c7def8a123456789abcde-1");
        assert_eq!(momo_refund(sale, 2), "0190f3a27b1c7def8a123456789abcde-r2");
        assert_eq!(zalopay(sale, 1, day), "260309_0190f3a27b1c7def8a12_1");
        assert_eq!(zalopay_refund(sale, 1, day, "2553"), "260309_2553_0190f3a27b1c7def-r1");
        // SHA-256 of the UUID's 16 bytes, cut (computed apart: Python's hashlib).
        assert_eq!(vnpay(sale, 1), "106e9653fef61cda-1");
        assert_eq!(vnpay(sale, 999), "106e9653fef61cda-999");
        assert_eq!(vnpay_refund(sale, 1), "106e9653fef61cd-r1");
        assert_eq!(alipay(sale, 1), "0190f3a27b1c7def8a123456789abcde_1");
        assert_eq!(alipay_refund(sale, 3), "0190f3a27b1c7def8a123456789abcde_r3");
    }

    fn alipay_ok(s: &str) -> bool {
        (1..=64).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_')
    }

    #[test]
    fn every_attempt_fits_and_is_distinct() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        for sale in sales() {
            let mut seen = HashSet::new();
            for n in 1..=999u32 {
                let ids = [
                    momo(sale, n),
                    momo_refund(sale, n),
                    zalopay(sale, n, day),
                    zalopay_refund(sale, n, day, "2553"),
                    vnpay(sale, n),
                    vnpay_refund(sale, n),
                    alipay(sale, n),
                    alipay_refund(sale, n),
                ];
                assert!(momo_ok(&ids[0]) && momo_ok(&ids[1]), "{ids:?}");
                assert!(zalopay_ok(&ids[2], "261231"), "{}", ids[2]);
                assert!(ids[3].starts_with("261231_2553_") && ids[3].len() <= 45 && charset_ok(&ids[3]), "{}", ids[3]);
                assert!(vnpay_ok(&ids[4]) && vnpay_ok(&ids[5]), "{ids:?}");
                assert!(alipay_ok(&ids[6]) && alipay_ok(&ids[7]), "{ids:?}");
                for id in ids {
                    assert!(seen.insert(id.clone()), "repeated {id}");
                }
            }
        }
    }

    #[test]
    fn large_attempts_and_app_ids_still_fit() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        for sale in sales() {
            for n in [1000, 65_535, u32::MAX] {
                assert!(momo_ok(&momo(sale, n)) && momo_ok(&momo_refund(sale, n)));
                assert!(zalopay_ok(&zalopay(sale, n, day), "260101"));
                assert!(vnpay_ok(&vnpay(sale, n)) && vnpay_ok(&vnpay_refund(sale, n)), "{}", vnpay(sale, n));
                assert!(zalopay_refund(sale, n, day, "1234567890").len() <= 45);
                assert!(alipay_ok(&alipay(sale, n)) && alipay_ok(&alipay_refund(sale, n)));
            }
        }
    }

    #[test]
    fn deterministic() {
        let sale = sales()[3];
        let day = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        assert_eq!(zalopay(sale, 7, day), zalopay(sale, 7, day));
        assert_ne!(zalopay(sale, 7, day), zalopay(sale, 7, day.succ_opt().unwrap()));
    }
}
