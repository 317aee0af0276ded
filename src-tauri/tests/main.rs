//! The crate's integration tests as one binary: one file per subject, each a module here.
//! As separate binaries each linked every dependency again: minutes of linking and
//! gigabytes of disk on a fresh CI machine.

mod backup;
mod cli;
mod cli_lang;
mod common;
mod connect;
mod dayend;
mod kills;
mod payments_random;
mod permissions;
mod print;
mod soak;
mod staff;
mod vouchers;
mod vpos;
mod wallet_kills;
mod wallets_random;
