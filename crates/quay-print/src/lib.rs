//! ESC/POS receipt and kitchen printers (partners-contracts.md §7): the wire client and
//! the pure decisions. The job queue, the receipt layout and the use cases live above
//! this crate; it only knows bytes, printers and their answers.
//!
//! - [`address`]: where a printer is (`tcp://`, `serial:`, `usb:`, `file:`), as settings
//!   write it.
//! - [`escpos`]: the command bytes (pure).
//! - [`status`]: what a `DLE EOT n` answer means (pure).
//! - [`codepage`]: text mode's code pages and transliteration (pure).
//! - [`transport`]: sending a job and asking the status, blocking, with timeouts.
//! - [`error`]: `PrintError`, Fluent ids `err-print-*` in `locales/*/print-errors.ftl`.

pub mod address;
pub mod codepage;
pub mod error;
pub mod escpos;
pub mod status;
pub mod transport;

pub use address::Address;
pub use codepage::{can_encode, encode, CodePage};
pub use error::{AddressProblem, PrintError};
pub use escpos::{Align, Commands};
pub use status::{decode, PrinterStatus, StatusPart};
pub use transport::{pulse_drawer, query_status, query_status_with, send_job, Sent, Timeouts};
