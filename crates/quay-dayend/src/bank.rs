//! Bank / acquirer card batch files: the layout of each bank (`preset`), the parsed lines
//! (`line`), the all-or-nothing reader (`parse`) and a first look at an unknown file
//! for mapping it by hand (`sample`).

pub mod line;
pub mod parse;
pub mod preset;
pub mod sample;

pub use line::{BankBatch, BankLine};
pub use parse::{parse, Expect};
pub use preset::{AmountFormat, Column, Columns, DateFormat, LineKind, Preset};
pub use sample::{sample, FileSample, SampleColumn};
