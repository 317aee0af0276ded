//! The crate's integration tests as one binary: one file per subject, each a module here.
//! As separate binaries each linked every dependency again: minutes of linking and
//! gigabytes of disk on a fresh CI machine.

mod viva_orders;
mod viva_webhook;
mod vpos_sim;
mod vpos_wire;
mod wallet_alipay;
mod wallet_alipay_sim;
mod wallet_momo;
mod wallet_vnpay;
mod wallet_zalopay;
mod zvt_props;
mod zvt_terminal;
