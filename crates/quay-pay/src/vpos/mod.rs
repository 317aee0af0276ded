//! Bank virtual POS ("sanal POS", issue 17): a card typed by the cashier (MOTO) or a 3-D
//! payment link, authorized by the merchant's bank over its XML API.
//! - `nestpay`: NestPay/EST (contract §6, followed exactly): Auth, Void, Credit, ORDERSTATUS,
//!   ORDERHISTORY, the 3-D hosted page (`3d_pay_hosting`) and its callback (HASH ver3).
//! - `garanti`: Garanti BBVA GVPS (wave2 §3 + docs/VPOS.md "Garanti readings"): sales, void,
//!   refund, orderinq, orderlistinq.
//! - PosNet: its credentials only; every call is `VposError::NotImplemented`.
//!
//! Pure pieces (amounts, cards, hashes, request building, answer reading, codes, what to do
//! after a refusal) have no I/O; `VposClient` only moves bytes. Card data stays in zeroized
//! buffers end to end and is never logged.

pub mod amount;
pub mod card;
mod client;
pub mod codes;
mod error;
pub mod garanti;
pub mod nestpay;
pub mod report;
pub mod xml;

use std::collections::BTreeMap;
use std::fmt;

use quay_core::money::{Currency, Money};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

pub use card::{Brand, CardEntry, CardNumber, Cvv, Expiry};
pub use client::VposClient;
pub use error::VposError;
pub use nestpay::gate::verify_callback;
pub use report::{ReportKind, ReportRow};

/// The families of virtual POS Quay knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Nestpay,
    Garanti,
    Posnet,
}

/// A credential field of a family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// `client_id`
    pub name: &'static str,
    /// Encrypted at rest, masked when shown, read from stdin by the CLI.
    pub secret: bool,
    /// The CLI flag, `--client-id`.
    pub flag: &'static str,
}

const fn field(name: &'static str, flag: &'static str, secret: bool) -> Field {
    Field { name, secret, flag }
}

// Secrets in the order the CLI reads them from stdin.
const NESTPAY_FIELDS: &[Field] = &[
    field("client_id", "--client-id", false),
    field("username", "--username", false),
    field("password", "--password", true),
    field("store_key", "--store-key", true),
];
const GARANTI_FIELDS: &[Field] = &[
    field("merchant_id", "--merchant-id", false),
    field("terminal_id", "--terminal-id", false),
    field("prov_user", "--prov-user", false),
    field("prov_password", "--prov-password", true),
    field("refund_user", "--refund-user", false),
    field("refund_password", "--refund-password", true),
    field("store_key", "--store-key", true),
];
const POSNET_FIELDS: &[Field] = &[
    field("merchant_id", "--merchant-id", false),
    field("terminal_id", "--terminal-id", false),
    field("posnet_id", "--posnet-id", false),
    field("store_key", "--store-key", true),
];

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Nestpay, Kind::Garanti, Kind::Posnet];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Nestpay => "nestpay",
            Kind::Garanti => "garanti",
            Kind::Posnet => "posnet",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
    }

    /// PosNet: credentials only.
    pub fn implemented(self) -> bool {
        self != Kind::Posnet
    }

    pub fn fields(self) -> &'static [Field] {
        match self {
            Kind::Nestpay => NESTPAY_FIELDS,
            Kind::Garanti => GARANTI_FIELDS,
            Kind::Posnet => POSNET_FIELDS,
        }
    }

    /// Payment links need a hosted payment page: NestPay's `3d_pay_hosting`. Garanti's 3-D
    /// form needs the card on the merchant's page, which a till must not host.
    pub fn supports_link(self) -> bool {
        self == Kind::Nestpay
    }

    /// Checks one field's value (digits and lengths where the family fixes them); Err names
    /// the field. Secrets are only checked for presence and printable characters.
    pub fn check_field(self, name: &str, value: &str) -> Result<(), VposError> {
        let Some(f) = self.fields().iter().find(|f| f.name == name) else {
            return Err(VposError::InvalidField { field: name.to_string() });
        };
        if value.trim().is_empty() {
            return Err(VposError::MissingField { field: name.to_string() });
        }
        let digits = |min: usize, max: usize| value.len() >= min && value.len() <= max && value.bytes().all(|b| b.is_ascii_digit());
        let ok = match (self, name) {
            // NestPay client ids are the bank's numeric merchant number (`100200127`).
            (Kind::Nestpay, "client_id") => digits(5, 20),
            (Kind::Garanti, "merchant_id") => digits(1, 10),
            // Padded to 9 digits in SecurityData: more would not fit.
            (Kind::Garanti, "terminal_id") => digits(1, 9),
            (Kind::Posnet, "merchant_id") => digits(10, 10),
            (Kind::Posnet, "terminal_id") => digits(8, 8),
            (Kind::Posnet, "posnet_id") => digits(1, 16),
            _ => value.len() <= 256 && !value.chars().any(char::is_control) && (f.secret || value.trim() == value),
        };
        if ok {
            Ok(())
        } else {
            Err(VposError::InvalidField { field: name.to_string() })
        }
    }
}

/// Values of a definition's credential fields (secrets included), zeroized on drop; Debug
/// masks secrets.
#[derive(Clone)]
pub struct Credentials {
    kind: Kind,
    values: BTreeMap<String, Zeroizing<String>>,
}

impl Credentials {
    /// Every field of the family present and valid; unknown names refused.
    pub fn new(kind: Kind, values: impl IntoIterator<Item = (String, String)>) -> Result<Credentials, VposError> {
        let mut map = BTreeMap::new();
        for (name, value) in values {
            let value = Zeroizing::new(value);
            kind.check_field(&name, &value)?;
            map.insert(name, value);
        }
        for f in kind.fields() {
            if !map.contains_key(f.name) {
                return Err(VposError::MissingField { field: f.name.to_string() });
            }
        }
        Ok(Credentials { kind, values: map })
    }

    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The value of a field of the family ("" for a name the family does not have).
    pub fn get(&self, name: &str) -> &str {
        self.values.get(name).map(|v| v.as_str()).unwrap_or("")
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut m = f.debug_map();
        for field in self.kind.fields() {
            let v = if field.secret { "********" } else { self.get(field.name) };
            m.entry(&field.name, &v);
        }
        m.finish()
    }
}

/// One virtual POS definition as the wire needs it.
#[derive(Clone, Debug)]
pub struct Gateway {
    pub kind: Kind,
    /// NestPay `…/fim/api`; Garanti `…/VPServlet`.
    pub api_url: String,
    /// NestPay `…/fim/est3Dgate` (needed for links).
    pub gate_url: Option<String>,
    pub credentials: Credentials,
    pub currency: Currency,
}

/// One normalised bank answer (MEWS's normalised result).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankAnswer {
    /// NestPay ⇔ ProcReturnCode "00"; Garanti ⇔ Response/Code "00".
    pub approved: bool,
    /// "Approved" | "Declined" | "Error" (Garanti: its Response/Message).
    pub response: String,
    /// The bank's string as given: "00", "51", "99".
    pub proc_return_code: String,
    /// Extra/ERRORCODE (Garanti: SysErrMsg), e.g. "CORE-2508", "ISO8583-51", "ORDER-DUPLICATE".
    pub error_code: Option<String>,
    pub err_msg: Option<String>,
    pub auth_code: Option<String>,
    /// HostRefNum (Garanti RetrefNum).
    pub host_ref: Option<String>,
    pub trans_id: Option<String>,
    pub order_id: Option<String>,
}

impl BankAnswer {
    /// Fluent id explaining it (every id takes `$code`).
    pub fn reason(&self) -> &'static str {
        codes::reason(&self.proc_return_code, self.error_code.as_deref(), self.err_msg.as_deref())
    }

    /// The code to show with the reason: ERRORCODE when given, else ProcReturnCode.
    pub fn code(&self) -> &str {
        self.error_code.as_deref().filter(|c| !c.is_empty()).unwrap_or(&self.proc_return_code)
    }

    /// The order id already has an approved authorization: query it, never resend.
    pub fn is_duplicate_order(&self) -> bool {
        self.error_code.as_deref().is_some_and(|c| c.eq_ignore_ascii_case(codes::ORDER_DUPLICATE))
    }

    /// "Insufficient permissions": the credentials are wrong.
    pub fn is_credentials(&self) -> bool {
        !self.approved && self.reason() == "vpos-code-credentials"
    }

    /// "No record found for X".
    pub fn is_not_found(&self) -> bool {
        !self.approved && self.reason() == "vpos-code-not-found"
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TransStat {
    /// A: approved, in the open batch.
    Approved,
    /// C: the batch closed.
    Captured,
    /// V
    Voided,
    /// D: declined or 3-D failed.
    Declined,
}

impl TransStat {
    /// NestPay's TRANS_STAT letter.
    pub fn from_letter(s: &str) -> Option<TransStat> {
        Some(match s.trim() {
            "A" => TransStat::Approved,
            "C" | "S" => TransStat::Captured,
            "V" => TransStat::Voided,
            "D" => TransStat::Declined,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// "No record found for X": the bank never authorized it.
    NotFound,
    Found {
        stat: TransStat,
        proc_return_code: String,
        amount: Option<Money>,
        auth_code: Option<String>,
        trans_id: Option<String>,
        host_ref: Option<String>,
        refunded: Option<Money>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CancelKind {
    Void,
    Refund,
}

/// A → Void, C → Refund, else None (nothing to cancel).
pub fn cancel_plan(stat: TransStat) -> Option<CancelKind> {
    match stat {
        TransStat::Approved => Some(CancelKind::Void),
        TransStat::Captured => Some(CancelKind::Refund),
        TransStat::Voided | TransStat::Declined => None,
    }
}

/// After a refusal: CORE-2008 (too late to void) → Some(Refund), CORE-2508 (refund before
/// batch close) → Some(Void).
pub fn after_refusal(answer: &BankAnswer) -> Option<CancelKind> {
    if answer.approved {
        return None;
    }
    match answer.error_code.as_deref().map(str::trim) {
        Some(c) if c.eq_ignore_ascii_case(codes::CORE_VOID_TOO_LATE) => Some(CancelKind::Refund),
        Some(c) if c.eq_ignore_ascii_case(codes::CORE_REFUND_TOO_EARLY) => Some(CancelKind::Void),
        _ => None,
    }
}

/// The merchant order id of attempt `attempt` of `sale`: `<uuid simple>-<attempt>` (34
/// chars for attempt < 100; within NestPay's 1–64 `[A-Za-z0-9_-]` and Garanti's rule).
pub fn order_id(sale: uuid::Uuid, attempt: u32) -> String {
    format!("{}-{attempt}", sale.simple())
}

/// 1–64 `[A-Za-z0-9_-]` (contract §6; Garanti read the same).
pub fn check_order_id(order_id: &str) -> Result<(), VposError> {
    let ok = (1..=64).contains(&order_id.len()) && order_id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(VposError::OrderId { order_id: order_id.to_string() })
    }
}

pub struct LinkRequest<'a> {
    pub order_id: &'a str,
    pub amount: Money,
    pub ok_url: &'a str,
    pub fail_url: &'a str,
    pub callback_url: Option<&'a str>,
    pub rnd: &'a str,
    /// "tr" | "en"
    pub lang: &'a str,
}

/// Callback (3-D result form POST) after verification.
#[derive(Clone, Debug)]
pub struct Callback {
    pub order_id: String,
    pub amount: Money,
    pub md_status: String,
    /// Approved only if mdStatus 1–4 AND ProcReturnCode 00.
    pub answer: BankAnswer,
    pub masked_pan: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn kinds() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{}\"", k.as_str()));
        }
        assert_eq!(Kind::parse("NestPay"), Some(Kind::Nestpay));
        assert_eq!(Kind::parse("akbank"), None);
        assert!(Kind::Nestpay.implemented() && Kind::Garanti.implemented() && !Kind::Posnet.implemented());
        assert!(Kind::Nestpay.supports_link() && !Kind::Garanti.supports_link() && !Kind::Posnet.supports_link());
        let names = |k: Kind| k.fields().iter().map(|f| (f.name, f.secret)).collect::<Vec<_>>();
        assert_eq!(names(Kind::Nestpay), [("client_id", false), ("username", false), ("password", true), ("store_key", true)]);
        assert_eq!(
            names(Kind::Garanti),
            [
                ("merchant_id", false),
                ("terminal_id", false),
                ("prov_user", false),
                ("prov_password", true),
                ("refund_user", false),
                ("refund_password", true),
                ("store_key", true)
            ]
        );
        assert_eq!(names(Kind::Posnet), [("merchant_id", false), ("terminal_id", false), ("posnet_id", false), ("store_key", true)]);
        for k in Kind::ALL {
            for f in k.fields() {
                assert_eq!(f.flag, format!("--{}", f.name.replace('_', "-")));
            }
        }
    }

    #[test]
    fn field_checks() {
        let rows: &[(Kind, &str, &str, Option<&str>)] = &[
            (Kind::Nestpay, "client_id", "100200127", None),
            (Kind::Nestpay, "client_id", "10020012a", Some("invalid")),
            (Kind::Nestpay, "client_id", "", Some("missing")),
            (Kind::Nestpay, "username", "api user", None),
            (Kind::Nestpay, "username", " api", Some("invalid")),
            (Kind::Nestpay, "password", " with spaces ", None),
            (Kind::Nestpay, "password", "a\nb", Some("invalid")),
            (Kind::Nestpay, "merchant_id", "1", Some("invalid")),
            (Kind::Garanti, "merchant_id", "7000679", None),
            (Kind::Garanti, "terminal_id", "30691298", None),
            (Kind::Garanti, "terminal_id", "1234567890", Some("invalid")),
            (Kind::Garanti, "prov_user", "PROVAUT", None),
            (Kind::Posnet, "merchant_id", "6706598320", None),
            (Kind::Posnet, "merchant_id", "670659832", Some("invalid")),
            (Kind::Posnet, "terminal_id", "67005551", None),
            (Kind::Posnet, "terminal_id", "6700555", Some("invalid")),
            (Kind::Posnet, "posnet_id", "27426", None),
            (Kind::Posnet, "posnet_id", "x", Some("invalid")),
        ];
        for (kind, name, value, err) in rows {
            let got = match kind.check_field(name, value) {
                Ok(()) => None,
                Err(VposError::MissingField { field }) => {
                    assert_eq!(field, *name);
                    Some("missing")
                }
                Err(VposError::InvalidField { field }) => {
                    assert_eq!(field, *name);
                    Some("invalid")
                }
                Err(e) => panic!("{e:?}"),
            };
            assert_eq!(got, *err, "{kind:?} {name} {value:?}");
        }
    }

    #[test]
    fn credentials() {
        let good = [("client_id", "100200127"), ("username", "api"), ("password", "Pa55"), ("store_key", "TEST1234")];
        let c = Credentials::new(Kind::Nestpay, pairs(&good)).unwrap();
        assert_eq!(c.get("store_key"), "TEST1234");
        assert_eq!(c.get("nope"), "");
        let dbg = format!("{c:?}");
        assert!(dbg.contains("100200127") && !dbg.contains("Pa55") && !dbg.contains("TEST1234"), "{dbg}");
        assert_eq!(Credentials::new(Kind::Nestpay, pairs(&good[..3])).unwrap_err(), VposError::MissingField { field: "store_key".into() });
        let mut extra = good.to_vec();
        extra.push(("terminal_id", "1"));
        assert_eq!(Credentials::new(Kind::Nestpay, pairs(&extra)).unwrap_err(), VposError::InvalidField { field: "terminal_id".into() });
    }

    fn answer(approved: bool, proc: &str, error_code: Option<&str>) -> BankAnswer {
        BankAnswer {
            approved,
            response: if approved { "Approved" } else { "Error" }.into(),
            proc_return_code: proc.into(),
            error_code: error_code.map(str::to_string),
            err_msg: None,
            auth_code: None,
            host_ref: None,
            trans_id: None,
            order_id: None,
        }
    }

    #[test]
    fn plans() {
        let rows = [
            (TransStat::Approved, Some(CancelKind::Void)),
            (TransStat::Captured, Some(CancelKind::Refund)),
            (TransStat::Voided, None),
            (TransStat::Declined, None),
        ];
        for (stat, plan) in rows {
            assert_eq!(cancel_plan(stat), plan, "{stat:?}");
        }
        let rows = [
            (answer(false, "99", Some("CORE-2008")), Some(CancelKind::Refund)),
            (answer(false, "99", Some("CORE-2508")), Some(CancelKind::Void)),
            (answer(false, "99", Some("CORE-2012")), None),
            (answer(false, "51", Some("ISO8583-51")), None),
            (answer(false, "99", None), None),
            (answer(true, "00", None), None),
        ];
        for (a, plan) in rows {
            assert_eq!(after_refusal(&a), plan, "{a:?}");
        }
        assert_eq!(TransStat::from_letter("A"), Some(TransStat::Approved));
        assert_eq!(TransStat::from_letter("C"), Some(TransStat::Captured));
        assert_eq!(TransStat::from_letter("V"), Some(TransStat::Voided));
        assert_eq!(TransStat::from_letter("D"), Some(TransStat::Declined));
        assert_eq!(TransStat::from_letter("X"), None);
    }

    #[test]
    fn order_ids() {
        let sale = uuid::Uuid::from_u128(0x0123_4567_89ab_cdef_0123_4567_89ab_cdef);
        let id = order_id(sale, 1);
        assert_eq!(id, "0123456789abcdef0123456789abcdef-1");
        assert_eq!(order_id(sale, 99).len(), 35);
        assert!(check_order_id(&order_id(sale, 99)).is_ok());
        assert!(check_order_id(&"a".repeat(64)).is_ok());
        for bad in ["", "a b", "ä", "a.b", &"a".repeat(65)] {
            assert!(check_order_id(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn answer_helpers() {
        assert!(answer(false, "99", Some("ORDER-DUPLICATE")).is_duplicate_order());
        assert!(!answer(false, "99", Some("CORE-2008")).is_duplicate_order());
        assert_eq!(answer(false, "99", Some("CORE-2008")).code(), "CORE-2008");
        assert_eq!(answer(false, "51", None).code(), "51");
        assert_eq!(answer(false, "51", Some("")).code(), "51");
        assert_eq!(answer(true, "00", None).reason(), "vpos-code-approved");
    }
}
