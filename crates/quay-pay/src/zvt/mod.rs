//! ZVT (PA00P015) over a serial line, in layers each testable alone:
//! - `frame`: DLE STX … DLE ETX + CRC-16/KERMIT, an incremental decoder (pure);
//! - `apdu`: APDUs, BMP fields, commands and terminal messages (pure);
//! - `currency`: ISO 4217 numeric codes and domain `Money` → card amount;
//! - `link`: ACK/NAK, T3 and three sends over any `Read + Write` port;
//! - `session`: what the terminal's messages mean for a transaction, T4, and the outcome
//!   (pure, the clock is passed in);
//! - `driver`: `ZvtTerminal`, the commands a counter issues, over a serial port.

pub mod apdu;
pub mod currency;
pub mod driver;
pub mod frame;
pub mod link;
pub mod session;

pub use apdu::{Apdu, ApduError, StatusHint, StatusInfo};
pub use driver::{Config, EndOfDay, Line, Transaction, ZvtError, ZvtTerminal};
pub use session::{Approval, Notice, Outcome};
