//! Day-end card reconciliation: reads the bank's batch file with a preset (`bank`),
//! matches it line by line against the counter's card payments (`matcher`), and applies
//! a manager's manual settlements on top (`settle`). The day's totals (`totals`) and the
//! card terminal's batch compared brand by brand (`batch`). Pure: bytes and values in,
//! values out; no files, clock or database.
#![forbid(unsafe_code)]

pub mod bank;
pub mod batch;
pub mod error;
mod fxhash;

pub use error::{BankError, SettleError};
pub mod matcher;
pub mod settle;
pub mod synth;
pub mod totals;
pub mod vpos;

pub use bank::{parse, BankBatch, BankLine, Expect, LineKind, Preset};
pub use matcher::{reconcile, Category, CounterPayment, MatchConfig, Outcome, PaymentKind, Reconciliation, Rule};
pub use settle::{apply, Settlement};
pub use totals::{brand_of, card_movements, day_totals, DayPayment, DaySale, DayTotals, Tally};
