//! A bank answer → one Fluent id explaining it (every id takes `$code`). Issuer codes (ISO
//! 8583, in ProcReturnCode or `ISO8583-NN`) say what quay-core's `decline_message` says, like
//! every other card decline in Quay; the gateways' own refusals are `vpos-code-*`. Garanti's
//! answers are read into the same shapes (docs/VPOS.md), so one table serves both families.

use quay_core::payment::decline_message;

pub const CORE_BAD_CARD: &str = "CORE-2012";
pub const CORE_VOID_TOO_LATE: &str = "CORE-2008";
pub const CORE_REFUND_TOO_EARLY: &str = "CORE-2508";
pub const CORE_INSTALMENTS: &str = "CORE-2603";
pub const ORDER_DUPLICATE: &str = "ORDER-DUPLICATE";
/// Quay's own error code for a 3-D callback whose mdStatus is not 1–4 and that carries no
/// ERRORCODE: `3D-<mdStatus>`.
pub const MD_STATUS_PREFIX: &str = "3D-";

/// The Fluent id for `(ProcReturnCode, Extra/ERRORCODE, ErrMsg)`.
pub fn reason(proc_return_code: &str, error_code: Option<&str>, err_msg: Option<&str>) -> &'static str {
    let proc = proc_return_code.trim();
    let code = error_code.map(str::trim).filter(|c| !c.is_empty()).map(str::to_ascii_uppercase);
    // A failed 3-D step authorizes nothing, whatever code came with it.
    if code.as_deref().is_some_and(|c| c.starts_with(MD_STATUS_PREFIX)) {
        return "vpos-code-3d-failed";
    }
    if proc == "00" {
        return "vpos-code-approved";
    }
    if let Some(upper) = code {
        match upper.as_str() {
            CORE_BAD_CARD => return "vpos-code-bad-card",
            CORE_VOID_TOO_LATE => return "vpos-code-void-too-late",
            CORE_REFUND_TOO_EARLY => return "vpos-code-refund-too-early",
            CORE_INSTALMENTS => return "vpos-code-instalments",
            ORDER_DUPLICATE => return "vpos-code-duplicate-order",
            _ => {}
        }
        if let Some(iso) = upper.strip_prefix("ISO8583-") {
            return decline_message(iso).unwrap_or("decline-code");
        }
    }
    if let Some(msg) = err_msg.map(str::to_lowercase) {
        let rows: [(&[&str], &'static str); 5] = [
            (&["insufficient permissions"], "vpos-code-credentials"),
            (&["value for element 'total'", "value for element 'amount'"], "vpos-code-invalid-total"),
            (&["invalid xml request"], "vpos-code-invalid-xml"),
            (&["no record found"], "vpos-code-not-found"),
            (&["refund amount exceeds"], "vpos-code-refund-too-much"),
        ];
        for (needles, id) in rows {
            if needles.iter().any(|n| msg.contains(n)) {
                return id;
            }
        }
    }
    decline_message(proc).unwrap_or("decline-code")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row() {
        let rows: &[(&str, Option<&str>, Option<&str>, &str)] = &[
            ("00", None, None, "vpos-code-approved"),
            ("51", Some("ISO8583-51"), Some("Insufficient funds"), "decline-insufficient-funds"),
            ("05", Some("ISO8583-05"), None, "decline-do-not-honour"),
            ("54", Some("ISO8583-54"), None, "decline-expired-card"),
            ("04", Some("ISO8583-04"), None, "decline-pick-up"),
            ("41", Some("ISO8583-41"), None, "decline-lost-stolen"),
            ("43", Some("ISO8583-43"), None, "decline-lost-stolen"),
            ("57", Some("ISO8583-57"), None, "decline-not-permitted"),
            ("62", Some("ISO8583-62"), None, "decline-not-permitted"),
            ("91", Some("ISO8583-91"), None, "decline-issuer-unavailable"),
            ("09", None, None, "decline-try-again"),
            ("34", None, None, "decline-fraud-suspected"),
            ("58", None, None, "decline-terminal-not-permitted"),
            ("82", None, None, "decline-bad-cvv"),
            ("84", Some("ISO8583-84"), None, "decline-bad-cvv"),
            ("65", None, None, "decline-over-limit"),
            ("99", Some("ISO8583-77"), None, "decline-code"),
            ("99", Some("CORE-2012"), Some("Kart numarası hatalı"), "vpos-code-bad-card"),
            ("99", Some("CORE-2008"), None, "vpos-code-void-too-late"),
            ("99", Some("core-2508"), None, "vpos-code-refund-too-early"),
            ("99", Some("CORE-2603"), None, "vpos-code-instalments"),
            ("99", Some("ORDER-DUPLICATE"), Some("Duplicate order: X already has an approved authorization"), "vpos-code-duplicate-order"),
            ("99", None, Some("Insufficient permissions to perform requested operation"), "vpos-code-credentials"),
            ("99", None, Some("Value for element 'Total' is not valid."), "vpos-code-invalid-total"),
            ("99", None, Some("Value for element 'Amount' is not valid."), "vpos-code-invalid-total"),
            ("99", None, Some("Invalid XML request"), "vpos-code-invalid-xml"),
            ("99", None, Some("No record found for abc-1"), "vpos-code-not-found"),
            ("99", None, Some("Refund amount exceeds the remaining amount"), "vpos-code-refund-too-much"),
            ("99", Some("3D-5"), None, "vpos-code-3d-failed"),
            ("", Some("3D-0"), None, "vpos-code-3d-failed"),
            ("00", Some("3D-0"), None, "vpos-code-3d-failed"),
            ("99", Some("CORE-9999"), Some("something else"), "decline-code"),
            ("99", None, None, "decline-code"),
            ("", None, None, "decline-code"),
            ("12", Some(""), None, "decline-invalid-transaction"),
        ];
        for (proc, code, msg, id) in rows {
            assert_eq!(reason(proc, *code, *msg), *id, "{proc} {code:?} {msg:?}");
        }
    }
}
