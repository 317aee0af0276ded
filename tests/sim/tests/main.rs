//! The crate's integration tests as one binary: one file per subject, each a module here.
//! As separate binaries each linked every dependency again: minutes of linking and
//! gigabytes of disk on a fresh CI machine.

mod alipay;
mod common;
mod escpos;
mod hub_connections;
mod hub_faults;
mod hub_menu;
mod hub_menu_api;
mod hub_sales;
mod hub_signing;
mod nhanh_wire;
mod viva_wire;
mod vpos;
mod wallets;
mod zvt_wire;
