//! Why a bank file or a manager's settlement is refused. Every refusal names the line
//! (1-based, the header is line 1) and, where one is at fault, the column as the file
//! spells it, so the manager can open the file and see the cell.

use quay_core::args;
use quay_core::error::{Arg, Localized};
use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum BankError {
    #[error("the file is empty")]
    Empty,
    #[error("the file uses {found:?} not {expected:?} between columns")]
    WrongDelimiter { found: String, expected: String },
    #[error("line {line} is not UTF-8 text")]
    NotUtf8 { line: u64 },
    #[error("line {line} cannot be read as CSV")]
    BadCsv { line: u64 },
    #[error("the file has no column {column}")]
    MissingColumn { column: String },
    #[error("line {line} has {found} columns, the header has {expected}")]
    FieldCount { line: u64, expected: usize, found: usize },
    #[error("line {line}: column {column} is empty")]
    MissingValue { line: u64, column: String },
    #[error("line {line}: column {column}: {text:?} is not an amount")]
    BadAmount { line: u64, column: String, text: String },
    #[error("line {line}: column {column}: {text:?} is not a date and time")]
    BadDate { line: u64, column: String, text: String },
    #[error("line {line}: column {column}: unknown currency {code:?}")]
    UnknownCurrency { line: u64, column: String, code: String },
    #[error("line {line}: column {column}: unknown transaction type {value:?}")]
    UnknownType { line: u64, column: String, value: String },
    #[error("line {line}: column {column}: a sale with a negative amount")]
    NegativeSale { line: u64, column: String },
    #[error("line {line} is in {found}, the lines before are in {expected}")]
    MixedCurrency { line: u64, expected: String, found: String },
    #[error("line {line} is in {found}, this counter takes {expected}")]
    WrongCurrency { line: u64, expected: String, found: String },
    #[error("line {line} is for terminal {terminal}, not one of this counter's")]
    OtherTerminal { line: u64, terminal: String },
    #[error("line {line} is for merchant {merchant}, this counter is {expected}")]
    OtherMerchant { line: u64, merchant: String, expected: String },
    #[error("the file mapping is unusable: {reason}")]
    BadPreset { reason: String },
}

impl Localized for BankError {
    fn code(&self) -> &'static str {
        use BankError::*;
        match self {
            Empty => "err-bank-empty",
            WrongDelimiter { .. } => "err-bank-wrong-delimiter",
            NotUtf8 { .. } => "err-bank-not-utf8",
            BadCsv { .. } => "err-bank-bad-csv",
            MissingColumn { .. } => "err-bank-missing-column",
            FieldCount { .. } => "err-bank-field-count",
            MissingValue { .. } => "err-bank-missing-value",
            BadAmount { .. } => "err-bank-bad-amount",
            BadDate { .. } => "err-bank-bad-date",
            UnknownCurrency { .. } => "err-bank-unknown-currency",
            UnknownType { .. } => "err-bank-unknown-type",
            NegativeSale { .. } => "err-bank-negative-sale",
            MixedCurrency { .. } => "err-bank-mixed-currency",
            WrongCurrency { .. } => "err-bank-wrong-currency",
            OtherTerminal { .. } => "err-bank-other-terminal",
            OtherMerchant { .. } => "err-bank-other-merchant",
            BadPreset { .. } => "err-bank-bad-preset",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        use BankError::*;
        match self.clone() {
            Empty => vec![],
            WrongDelimiter { found, expected } => args![("found", found), ("expected", expected)],
            NotUtf8 { line } | BadCsv { line } => args![("line", line)],
            MissingColumn { column } => args![("column", column)],
            FieldCount { line, expected, found } => args![("line", line), ("expected", expected), ("found", found)],
            MissingValue { line, column } | NegativeSale { line, column } => args![("line", line), ("column", column)],
            BadAmount { line, column, text } | BadDate { line, column, text } => {
                args![("line", line), ("column", column), ("text", text)]
            }
            UnknownCurrency { line, column, code } => args![("line", line), ("column", column), ("code", code)],
            UnknownType { line, column, value } => args![("line", line), ("column", column), ("value", value)],
            MixedCurrency { line, expected, found } | WrongCurrency { line, expected, found } => {
                args![("line", line), ("expected", expected), ("found", found)]
            }
            OtherTerminal { line, terminal } => args![("line", line), ("terminal", terminal)],
            OtherMerchant { line, merchant, expected } => {
                args![("line", line), ("merchant", merchant), ("expected", expected)]
            }
            BadPreset { reason } => args![("reason", reason)],
        }
    }
}

/// Why a manager's manual settlement is refused; nothing of the list is applied. Bank
/// lines are named by their stable id (`BankLine::id`), which survives re-imports.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum SettleError {
    #[error("there is no bank line {id}")]
    UnknownLine { id: String },
    #[error("there is no counter payment {id}")]
    UnknownPayment { id: String },
    #[error("bank line {id} is settled twice")]
    LineTwice { id: String },
    #[error("counter payment {id} is settled twice")]
    PaymentTwice { id: String },
    #[error("bank line {id} is already matched")]
    LineAlreadyMatched { id: String },
    #[error("counter payment {id} is already matched")]
    PaymentAlreadyMatched { id: String },
    #[error("bank line {id} is a fee or chargeback, not a payment")]
    FeeLine { id: String },
    #[error("bank line {id} is a duplicate of another line in the file")]
    DuplicateLine { id: String },
    #[error("a reason is required")]
    NoReason,
}

impl Localized for SettleError {
    fn code(&self) -> &'static str {
        use SettleError::*;
        match self {
            UnknownLine { .. } => "err-bank-settle-unknown-line",
            UnknownPayment { .. } => "err-bank-settle-unknown-payment",
            LineTwice { .. } => "err-bank-settle-line-twice",
            PaymentTwice { .. } => "err-bank-settle-payment-twice",
            LineAlreadyMatched { .. } => "err-bank-settle-line-matched",
            PaymentAlreadyMatched { .. } => "err-bank-settle-payment-matched",
            FeeLine { .. } => "err-bank-settle-fee-line",
            DuplicateLine { .. } => "err-bank-settle-duplicate",
            NoReason => "err-bank-settle-no-reason",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        use SettleError::*;
        match self.clone() {
            UnknownLine { id }
            | UnknownPayment { id }
            | LineTwice { id }
            | PaymentTwice { id }
            | LineAlreadyMatched { id }
            | PaymentAlreadyMatched { id }
            | FeeLine { id }
            | DuplicateLine { id } => args![("id", id)],
            NoReason => vec![],
        }
    }
}
