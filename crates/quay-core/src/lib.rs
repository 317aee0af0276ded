//! Quay's domain. Everything here is plain data and pure functions: no clock, no
//! randomness, no SQLite, no network. Time and ids come in as values, so every rule can
//! be tested with a table.

pub mod auth;
pub mod cart;
pub mod connection;
pub mod error;
pub mod menu;
pub mod menu_changes;
pub mod money;
pub mod payment;
pub mod sale;
pub mod search;
pub mod synth;
pub mod tender;
pub mod voucher;

pub use cart::{Cart, CartLine, LineId};
pub use error::{Arg, CoreError, Localized};
pub use menu::{Menu, MenuSnapshot};
pub use money::{Currency, Money};
pub use sale::{Sale, SaleStatus};
pub use tender::Tender;
