//! The counter's side of the hub API v1 (hub-api.md): every request signed with Key1,
//! every response verified with Key2 before a byte of it is trusted, clock skew corrected
//! from the hub's signed timestamp. Menu, sales, partner vouchers and partner connection
//! records. Decisions about what to do with the answers (apply a menu, drop a queued
//! sale) belong to quay-app; this crate only speaks the protocol.

pub mod backoff;
mod client;
mod connections;
mod error;
pub mod sign;
mod vouchers;

pub use client::{BatchResult, ChangesFetch, Credentials, HubClient, MenuFetch, Ping};
pub use connections::PushStatus;
pub use error::HubError;
pub use vouchers::{voucher_error, RedeemRequest, Redemption, RedemptionStatus};

/// Most sales one batch may carry (contract).
pub const MAX_BATCH: usize = 500;
