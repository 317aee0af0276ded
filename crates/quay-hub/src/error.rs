use quay_core::error::{Arg, Localized};
use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum HubError {
    #[error("hub settings incomplete: {missing}")]
    NotConfigured { missing: String },
    #[error("cannot reach the hub: {detail}")]
    Network { detail: String },
    /// The answer was not signed by our hub: treated like a network failure.
    #[error("the hub's answer has a missing or wrong signature")]
    BadSignature,
    #[error("the hub refused ({status} {code}): {message}")]
    Refused { status: u16, code: String, message: String },
    #[error("the hub's answer is not understood: {detail}")]
    BadAnswer { detail: String },
    /// A voucher call answered 503 `unavailable`: the partner (MoMo, GiftPop) does not
    /// answer the hub. Retryable.
    #[error("{partner} is not answering: {message}")]
    PartnerUnavailable { partner: String, message: String },
    /// A voucher call answered 409 `conflict`: the voucher was used meanwhile, or the
    /// idempotency key was used with other data. Not retryable as is.
    #[error("voucher {code}: conflict: {message}")]
    Conflict { code: String, message: String },
}

impl HubError {
    /// Worth retrying later (the contract: 5xx and `unavailable`; a network failure; an
    /// answer we could not trust).
    pub fn retryable(&self) -> bool {
        match self {
            HubError::Network { .. } | HubError::BadSignature | HubError::PartnerUnavailable { .. } => true,
            HubError::Conflict { .. } => false,
            HubError::Refused { status, code, .. } => *status >= 500 || code == "unavailable" || code == "stale",
            HubError::NotConfigured { .. } | HubError::BadAnswer { .. } => false,
        }
    }
}

impl Localized for HubError {
    fn code(&self) -> &'static str {
        match self {
            HubError::NotConfigured { .. } => "err-hub-not-configured",
            HubError::Network { .. } => "err-hub-network",
            HubError::BadSignature => "err-hub-signature",
            HubError::Refused { .. } => "err-hub-refused",
            HubError::BadAnswer { .. } => "err-hub-bad-answer",
            // The same ids and variables as quay_core::voucher::VoucherError's.
            HubError::PartnerUnavailable { .. } => "err-voucher-unavailable",
            HubError::Conflict { .. } => "err-voucher-conflict",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self.clone() {
            HubError::NotConfigured { missing } => vec![("missing", Arg::Text(missing))],
            HubError::Network { detail } | HubError::BadAnswer { detail } => vec![("detail", Arg::Text(detail))],
            HubError::BadSignature => vec![],
            HubError::PartnerUnavailable { partner, .. } => vec![("partner", Arg::Text(partner))],
            HubError::Conflict { code, .. } => vec![("code", Arg::Text(code))],
            HubError::Refused { status, code, message } => {
                vec![("status", Arg::Int(status as i64)), ("code", Arg::Text(code)), ("message", Arg::Text(message))]
            }
        }
    }
}
