//! How one bank's batch file is laid out: delimiter, header, which column holds which
//! field, how amounts and times are written, and which type words mean what. A preset is
//! plain serde data so that a manager's own mapping can be saved as JSON and loaded again.
//!
//! The `viva` preset is modeled on Viva's sales-transactions export as documented on
//! developer.viva.com ("Sale Transactions" report file, webhooks-for-payments/sale-transactions;
//! the Android Sale request page says `clientTransactionId` comes back as *Merchant Reference*
//! in the sales export; the sample-receipts help page says STAN is Viva's `referenceNumber`).
//! Viva's self-care export and the API report spell columns differently ("Transaction ID"
//! vs "TransactionId"), so every column accepts several names and header names are
//! compared without case, spaces, '_' or '-'. The names have not been checked against a
//! real merchant's file: if one differs, save a custom preset rather than editing this one.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::BankError;

/// What a bank line is. Fees and chargebacks are the acquirer's own lines and are never
/// matched to counter payments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    Sale,
    Refund,
    Fee,
    Chargeback,
}

impl LineKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LineKind::Sale => "sale",
            LineKind::Refund => "refund",
            LineKind::Fee => "fee",
            LineKind::Chargeback => "chargeback",
        }
    }
}

/// Where a logical field is found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// Header names accepted, the first present wins.
    #[serde(default)]
    pub names: Vec<String>,
    /// Zero-based position, for files without a header.
    #[serde(default)]
    pub index: Option<usize>,
    /// A required column missing from the file refuses the file; a missing optional one
    /// leaves the field empty on every line.
    #[serde(default = "yes")]
    pub required: bool,
}

fn yes() -> bool {
    true
}

impl Column {
    pub fn named(names: &[&str]) -> Column {
        Column { names: names.iter().map(|s| s.to_string()).collect(), index: None, required: true }
    }
    pub fn at(index: usize) -> Column {
        Column { names: vec![], index: Some(index), required: true }
    }
    pub fn optional(mut self) -> Column {
        self.required = false;
        self
    }
}

/// The logical fields of a bank line. `None` means this bank's file never has the field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Columns {
    pub transaction_id: Option<Column>,
    pub merchant_reference: Option<Column>,
    #[serde(default)]
    pub order_code: Option<Column>,
    #[serde(default)]
    pub merchant_id: Option<Column>,
    pub terminal_id: Option<Column>,
    pub date_time: Column,
    pub scheme: Option<Column>,
    pub masked_pan: Option<Column>,
    pub amount: Column,
    /// Without a currency column every line is in `Expect::currency`.
    pub currency: Option<Column>,
    pub auth_code: Option<Column>,
    pub rrn: Option<Column>,
    pub stan: Option<Column>,
    /// Without a type column, a negative amount is a refund and any other a sale.
    pub kind: Option<Column>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "format")]
pub enum AmountFormat {
    /// Major units with this decimal separator ("12.50", "12,50", "45000"); no grouping.
    Decimal { separator: char },
    /// Integer minor units ("1250" for 12.50 EUR).
    Minor,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "format")]
pub enum DateFormat {
    /// RFC 3339 / ISO 8601 with an offset: "2026-11-21T19:45:03+07:00" (a space for 'T' too).
    Iso8601,
    /// A chrono strftime pattern for a local time, read at a fixed offset east of UTC:
    /// the bank's files carry no offset, so the manager states it once in the preset.
    Pattern { pattern: String, utc_offset_minutes: i32 },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preset {
    pub name: String,
    pub delimiter: char,
    pub has_header: bool,
    pub columns: Columns,
    pub amount: AmountFormat,
    pub date_time: DateFormat,
    /// Type cell values (compared trimmed, case-insensitively) and what they mean.
    pub types: BTreeMap<String, LineKind>,
}

impl Preset {
    /// The plain CSV Quay documents for banks without a preset of their own.
    pub fn generic() -> Preset {
        let c = |n: &str| Some(Column::named(&[n]));
        Preset {
            name: "generic".into(),
            delimiter: ',',
            has_header: true,
            columns: Columns {
                transaction_id: c("transaction_id"),
                merchant_reference: c("merchant_reference"),
                order_code: None,
                merchant_id: Some(Column::named(&["merchant_id"]).optional()),
                terminal_id: c("terminal_id"),
                date_time: Column::named(&["date_time"]),
                scheme: c("card_scheme"),
                masked_pan: c("masked_pan"),
                amount: Column::named(&["amount"]),
                currency: c("currency"),
                auth_code: c("auth_code"),
                rrn: c("rrn"),
                stan: c("stan"),
                kind: c("type"),
            },
            amount: AmountFormat::Decimal { separator: '.' },
            date_time: DateFormat::Iso8601,
            types: types(&[
                ("sale", LineKind::Sale),
                ("refund", LineKind::Refund),
                ("fee", LineKind::Fee),
                ("chargeback", LineKind::Chargeback),
            ]),
        }
    }

    /// Viva's sales export; see the module comment for where the names come from.
    pub fn viva() -> Preset {
        let c = |n: &[&str]| Some(Column::named(n));
        let o = |n: &[&str]| Some(Column::named(n).optional());
        Preset {
            name: "viva".into(),
            delimiter: ',',
            has_header: true,
            columns: Columns {
                transaction_id: c(&["Transaction ID", "TransactionId"]),
                merchant_reference: o(&["Merchant Reference", "MerchantReference", "Client Transaction ID"]),
                order_code: o(&["Order Code", "OrderCode"]),
                merchant_id: o(&["Merchant ID", "MerchantId"]),
                terminal_id: o(&["Terminal ID", "TerminalId", "Source Terminal ID", "TID"]),
                date_time: Column::named(&["Date", "Created", "Transaction Date", "InsDate"]),
                scheme: o(&["Card Type", "Brand", "Card Brand", "Scheme", "CardType"]),
                masked_pan: o(&["Card Number", "CardNumber", "Masked PAN"]),
                amount: Column::named(&["Amount"]),
                currency: Some(Column::named(&["Currency", "Currency Code", "CurrencyCode"]).optional()),
                auth_code: o(&["Authorization Code", "Auth Code", "AuthorizationId", "AuthorizationCode"]),
                rrn: o(&["RRN", "Retrieval Reference", "Retrieval Reference Number", "RetrievalReferenceNumber"]),
                stan: o(&["STAN", "Reference Number", "ReferenceNumber"]),
                kind: o(&["Transaction Type", "TransactionType", "Type"]),
            },
            amount: AmountFormat::Decimal { separator: '.' },
            date_time: DateFormat::Iso8601,
            types: types(&[
                ("sale", LineKind::Sale),
                ("payment", LineKind::Sale),
                ("card payment", LineKind::Sale),
                ("charge", LineKind::Sale),
                ("refund", LineKind::Refund),
                ("card refund", LineKind::Refund),
                ("reversal", LineKind::Refund),
                ("fee", LineKind::Fee),
                ("commission", LineKind::Fee),
                ("chargeback", LineKind::Chargeback),
                ("dispute", LineKind::Chargeback),
            ]),
        }
    }

    /// A NestPay-style virtual POS's exported day file (the merchant panel's transaction
    /// list): the order id is the transaction code both sides carry; a void gives the
    /// whole authorization back, so it reads as a refund of it.
    pub fn vpos() -> Preset {
        let c = |n: &[&str]| Some(Column::named(n));
        let o = |n: &[&str]| Some(Column::named(n).optional());
        Preset {
            name: "vpos".into(),
            delimiter: ',',
            has_header: true,
            columns: Columns {
                transaction_id: None,
                merchant_reference: None,
                order_code: c(&["OrderId", "Order ID", "oid"]),
                merchant_id: o(&["ClientId", "Client ID", "MerchantId"]),
                terminal_id: None,
                date_time: Column::named(&["Date", "TRXDATE", "Transaction Date"]),
                scheme: o(&["Brand", "Card Brand"]),
                masked_pan: o(&["MaskedPan", "Masked PAN", "Card Number"]),
                amount: Column::named(&["Amount", "Total"]),
                currency: o(&["Currency"]),
                auth_code: o(&["AuthCode", "Auth Code"]),
                rrn: o(&["HostRefNum", "RRN"]),
                stan: None,
                kind: c(&["Type", "TransactionType"]),
            },
            amount: AmountFormat::Decimal { separator: '.' },
            // The merchant panel writes the bank's local time (Türkiye, UTC+3).
            date_time: DateFormat::Pattern { pattern: "%Y-%m-%d %H:%M:%S".into(), utc_offset_minutes: 180 },
            types: types(&[
                ("auth", LineKind::Sale),
                ("sale", LineKind::Sale),
                ("postauth", LineKind::Sale),
                ("void", LineKind::Refund),
                ("credit", LineKind::Refund),
                ("refund", LineKind::Refund),
            ]),
        }
    }

    /// The built-in presets by name.
    pub fn builtin(name: &str) -> Option<Preset> {
        match name {
            "generic" => Some(Preset::generic()),
            "viva" => Some(Preset::viva()),
            "vpos" => Some(Preset::vpos()),
            _ => None,
        }
    }

    /// Refuses a mapping that could never read a file, before any line is looked at.
    pub fn validate(&self) -> Result<(), BankError> {
        let bad = |reason: &str| Err(BankError::BadPreset { reason: reason.to_string() });
        if !self.delimiter.is_ascii() || self.delimiter == '"' || self.delimiter == '\n' || self.delimiter == '\r' {
            return bad("delimiter");
        }
        if let AmountFormat::Decimal { separator } = self.amount {
            if separator != '.' && separator != ',' {
                return bad("decimal separator");
            }
            if separator == self.delimiter {
                // Unquoted "12,50" in a comma file would split the amount in two.
                return bad("decimal separator equals delimiter");
            }
        }
        if let DateFormat::Pattern { pattern, utc_offset_minutes } = &self.date_time {
            use chrono::format::{Item, StrftimeItems};
            if StrftimeItems::new(pattern).any(|i| matches!(i, Item::Error)) {
                return bad("date pattern");
            }
            if utc_offset_minutes.abs() >= 24 * 60 {
                return bad("utc offset");
            }
        }
        for col in self.columns.all() {
            if col.names.is_empty() && col.index.is_none() {
                return bad("column without name or index");
            }
            if !self.has_header && col.index.is_none() {
                return bad("a file without a header needs column indexes");
            }
        }
        Ok(())
    }
}

impl Columns {
    fn all(&self) -> impl Iterator<Item = &Column> {
        [
            self.transaction_id.as_ref(),
            self.merchant_reference.as_ref(),
            self.order_code.as_ref(),
            self.merchant_id.as_ref(),
            self.terminal_id.as_ref(),
            Some(&self.date_time),
            self.scheme.as_ref(),
            self.masked_pan.as_ref(),
            Some(&self.amount),
            self.currency.as_ref(),
            self.auth_code.as_ref(),
            self.rrn.as_ref(),
            self.stan.as_ref(),
            self.kind.as_ref(),
        ]
        .into_iter()
        .flatten()
    }
}

fn types(pairs: &[(&str, LineKind)]) -> BTreeMap<String, LineKind> {
    pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

/// Header names as compared: no case, no spaces, '_' or '-'.
pub(crate) fn fold_header(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && *c != '_' && *c != '-').flat_map(char::to_lowercase).collect()
}
