//! Bank / acquirer card batch files: the layout of each bank (`preset`), the parsed lines
//! (`line`) and the all-or-nothing reader (`parse`).

pub mod line;
pub mod parse;
pub mod preset;

pub use line::{BankBatch, BankLine};
pub use parse::{parse, Expect};
pub use preset::{AmountFormat, Column, Columns, DateFormat, LineKind, Preset};
