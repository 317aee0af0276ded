//! Day-end card reconciliation: reads the bank's batch file with a preset (`bank`),
//! matches it line by line against the counter's card payments (`matcher`), and applies
//! a manager's manual settlements on top (`settle`). Pure: bytes and values in, values
//! out; no files, clock or database.
#![forbid(unsafe_code)]

pub mod bank;
pub mod error;
mod fxhash;

pub use error::{BankError, SettleError};
pub mod matcher;
pub mod settle;
pub mod synth;

pub use bank::{parse, BankBatch, BankLine, Expect, LineKind, Preset};
pub use matcher::{reconcile, Category, CounterPayment, MatchConfig, Outcome, PaymentKind, Reconciliation, Rule};
pub use settle::{apply, Settlement};
