//! The crate's integration tests as one binary: one file per subject, each a module here.
//! As separate binaries each linked every dependency again: minutes of linking and
//! gigabytes of disk on a fresh CI machine.

mod alipay;
mod alipay_coupons;
mod background;
mod card;
mod card_viva;
mod card_zvt;
mod cashier;
mod connections;
mod dayend;
mod hub_sync;
mod nhanh;
mod open_order;
mod permissions;
mod print;
mod print_images;
mod private_files;
mod receipt;
mod setup;
mod viva_webhook;
mod vouchers;
mod vpos;
mod wallets;
