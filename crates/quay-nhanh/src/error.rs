//! `NhanhError`: what went wrong talking to Nhanh, as a Fluent id (`err-nhanh-*`, in
//! `locales/*/nhanh-errors.ftl`) and its arguments.

use quay_core::error::{Arg, Localized};
use serde_json::Value;

use crate::permission;
use crate::wire::{join_messages, Message};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NhanhError {
    /// No answer (connect failure, timeout, dropped connection). The request may or may
    /// not have reached Nhanh: the caller treats the outcome as unknown.
    #[error("cannot reach Nhanh ({path}): {detail}")]
    Transport { path: String, detail: String, timed_out: bool },
    /// An HTTP status other than 2xx without an envelope (404 unknown path, 405, a proxy's 5xx).
    #[error("Nhanh answered HTTP {status} ({path})")]
    Http { path: String, status: u16 },
    /// An answer we could not read.
    #[error("Nhanh's answer is unreadable ({path}): {detail}")]
    Decode { path: String, detail: String },
    /// `{code: 0, errorCode, messages, data}`.
    #[error("Nhanh refused {path}: {code} {}", join_messages(messages))]
    Api { path: String, code: String, messages: Vec<Message>, data: Value },
    /// `ERR_429` and the lock lasts longer than the client may wait; nothing was done.
    #[error("Nhanh's rate limit locks {path} until {unlocked_at}")]
    RateLimited { path: String, unlocked_at: i64 },
    /// The client lacks a setting the call needs (business id, access token).
    #[error("Nhanh connection not set up: {missing} missing")]
    NotConfigured { missing: &'static str },
    /// A mobile number that is not a Vietnamese mobile (`^0[35789]\d{8}$` once normalised).
    #[error("{text:?} is not a Vietnamese mobile number")]
    InvalidMobile { text: String },
    /// An order refused before sending (`field` names what is wrong).
    #[error("order not sent: {field}: {reason}")]
    InvalidOrder { field: String, reason: String },
}

pub const ERR_INVALID_APP_ID: &str = "ERR_INVALID_APP_ID";
pub const ERR_INVALID_ACCESS_TOKEN: &str = "ERR_INVALID_ACCESS_TOKEN";
pub const ERR_INVALID_VERSION: &str = "ERR_INVALID_VERSION";
pub const ERR_INVALID_BUSINESS_ID: &str = "ERR_INVALID_BUSINESS_ID";
pub const ERR_INVALID_DEPOT_ID: &str = "ERR_INVALID_DEPOT_ID";
pub const ERR_INVALID_FORM_FIELDS: &str = "ERR_INVALID_FORM_FIELDS";
pub const ERR_INVALID_DATA: &str = "ERR_INVALID_DATA";
pub const ERR_BUSINESS_NOT_ENABLE_API: &str = "ERR_BUSINESS_NOT_ENABLE_API";
pub const ERR_403: &str = "ERR_403";
pub const ERR_429: &str = "ERR_429";

impl NhanhError {
    /// The request may have been carried out (no answer, or an answer we cannot read, or
    /// a server error): find out by asking (order/list by id) before repeating.
    pub fn is_unknown_outcome(&self) -> bool {
        match self {
            NhanhError::Transport { .. } | NhanhError::Decode { .. } => true,
            NhanhError::Http { status, .. } => *status >= 500,
            _ => false,
        }
    }

    /// The token is missing, unknown, expired, replaced, or of another API version: the
    /// merchant must connect the app again.
    pub fn is_auth(&self) -> bool {
        matches!(self, NhanhError::Api { code, .. } if code == ERR_INVALID_ACCESS_TOKEN || code == ERR_INVALID_VERSION)
    }

    /// `ERR_403`: the grant lacks this endpoint's permission.
    pub fn forbidden(&self) -> bool {
        self.error_code() == Some(ERR_403)
    }

    /// For `ERR_403`: the permission the call needed (`order/add`) and the Fluent id of the
    /// job that needs it (`nhanh-job-sales`).
    pub fn permission_needed(&self) -> Option<(String, &'static str)> {
        match self {
            NhanhError::Api { path, code, .. } if code == ERR_403 => {
                let p = permission::normalize(path);
                let job = permission::job_of(&p).unwrap_or("nhanh-job-other");
                Some((p, job))
            }
            _ => None,
        }
    }

    /// Worth trying again later without changing anything (network, server errors, the rate limit).
    pub fn retryable(&self) -> bool {
        self.is_unknown_outcome() || matches!(self, NhanhError::RateLimited { .. })
    }

    pub fn error_code(&self) -> Option<&str> {
        match self {
            NhanhError::Api { code, .. } => Some(code),
            NhanhError::RateLimited { .. } => Some(ERR_429),
            _ => None,
        }
    }

    /// The messages naming `field` (exactly, or a sub-field of it).
    pub fn field_messages(&self, field: &str) -> Vec<&Message> {
        match self {
            NhanhError::Api { messages, .. } => messages
                .iter()
                .filter(|m| m.field.as_deref().is_some_and(|f| f == field || f.strip_prefix(field).is_some_and(|r| r.starts_with('.'))))
                .collect(),
            _ => vec![],
        }
    }
}

impl Localized for NhanhError {
    fn code(&self) -> &'static str {
        match self {
            NhanhError::Transport { .. } => "err-nhanh-transport",
            NhanhError::Http { .. } => "err-nhanh-http",
            NhanhError::Decode { .. } => "err-nhanh-decode",
            NhanhError::RateLimited { .. } => "err-nhanh-rate-limited",
            NhanhError::NotConfigured { .. } => "err-nhanh-not-configured",
            NhanhError::InvalidMobile { .. } => "err-nhanh-invalid-mobile",
            NhanhError::InvalidOrder { .. } => "err-nhanh-invalid-order",
            NhanhError::Api { code, .. } => match code.as_str() {
                ERR_INVALID_APP_ID => "err-nhanh-invalid-app-id",
                ERR_INVALID_ACCESS_TOKEN => "err-nhanh-invalid-access-token",
                ERR_INVALID_VERSION => "err-nhanh-invalid-version",
                ERR_INVALID_BUSINESS_ID => "err-nhanh-invalid-business-id",
                ERR_INVALID_DEPOT_ID => "err-nhanh-invalid-depot-id",
                ERR_INVALID_DATA => "err-nhanh-invalid-data",
                ERR_BUSINESS_NOT_ENABLE_API => "err-nhanh-business-not-enable-api",
                ERR_403 => "err-nhanh-forbidden",
                ERR_429 => "err-nhanh-rate-limited",
                ERR_INVALID_FORM_FIELDS if !self.field_messages("secretKey").is_empty() => "err-nhanh-bad-secret-key",
                ERR_INVALID_FORM_FIELDS if !self.field_messages("accessCode").is_empty() => "err-nhanh-bad-access-code",
                ERR_INVALID_FORM_FIELDS => "err-nhanh-invalid-form-fields",
                _ => "err-nhanh-api",
            },
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        let text = |s: &str| Arg::Text(s.to_string());
        match self {
            NhanhError::Transport { path, detail, .. } | NhanhError::Decode { path, detail } => {
                vec![("path", text(path)), ("detail", text(detail))]
            }
            NhanhError::Http { path, status } => vec![("path", text(path)), ("status", Arg::Int(*status as i64))],
            NhanhError::RateLimited { path, unlocked_at } => vec![("path", text(path)), ("unlocked_at", Arg::Int(*unlocked_at))],
            NhanhError::NotConfigured { missing } => vec![("missing", text(missing))],
            NhanhError::InvalidMobile { text: t } => vec![("mobile", text(t))],
            NhanhError::InvalidOrder { field, reason } => vec![("field", text(field)), ("reason", text(reason))],
            NhanhError::Api { path, code, messages, .. } => {
                let mut a = vec![("path", text(path)), ("code", text(code)), ("detail", Arg::Text(join_messages(messages)))];
                if let Some((permission, job)) = self.permission_needed() {
                    a.push(("permission", Arg::Text(permission)));
                    a.push(("job", Arg::Message(job, vec![])));
                }
                a
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(path: &str, code: &str, messages: Vec<Message>) -> NhanhError {
        NhanhError::Api { path: path.into(), code: code.into(), messages, data: Value::Null }
    }

    #[test]
    fn codes_and_helpers() {
        let cases: Vec<(NhanhError, &str, bool, bool, bool)> = vec![
            // error, fluent id, unknown outcome, auth, forbidden
            (
                NhanhError::Transport { path: "order/add".into(), detail: "timeout".into(), timed_out: true },
                "err-nhanh-transport",
                true,
                false,
                false,
            ),
            (NhanhError::Http { path: "x/y".into(), status: 404 }, "err-nhanh-http", false, false, false),
            (NhanhError::Http { path: "x/y".into(), status: 502 }, "err-nhanh-http", true, false, false),
            (NhanhError::Decode { path: "order/add".into(), detail: "eof".into() }, "err-nhanh-decode", true, false, false),
            (api("product/list", ERR_INVALID_ACCESS_TOKEN, vec![]), "err-nhanh-invalid-access-token", false, true, false),
            (api("product/list", ERR_INVALID_VERSION, vec![]), "err-nhanh-invalid-version", false, true, false),
            (api("order/add", ERR_403, vec![]), "err-nhanh-forbidden", false, false, true),
            (
                api("app/getaccesstoken", ERR_INVALID_FORM_FIELDS, vec![Message::new(Some("secretKey"), "wrong")]),
                "err-nhanh-bad-secret-key",
                false,
                false,
                false,
            ),
            (
                api("app/getaccesstoken", ERR_INVALID_FORM_FIELDS, vec![Message::new(Some("accessCode"), "expired")]),
                "err-nhanh-bad-access-code",
                false,
                false,
                false,
            ),
            (
                api("order/add", ERR_INVALID_FORM_FIELDS, vec![Message::new(Some("products.0.id"), "unknown")]),
                "err-nhanh-invalid-form-fields",
                false,
                false,
                false,
            ),
            (api("order/add", ERR_INVALID_DEPOT_ID, vec![]), "err-nhanh-invalid-depot-id", false, false, false),
            (api("order/add", ERR_INVALID_APP_ID, vec![]), "err-nhanh-invalid-app-id", false, false, false),
            (api("order/add", ERR_INVALID_BUSINESS_ID, vec![]), "err-nhanh-invalid-business-id", false, false, false),
            (api("order/add", ERR_INVALID_DATA, vec![]), "err-nhanh-invalid-data", false, false, false),
            (api("order/add", ERR_BUSINESS_NOT_ENABLE_API, vec![]), "err-nhanh-business-not-enable-api", false, false, false),
            (api("order/add", "ERR_SOMETHING_NEW", vec![]), "err-nhanh-api", false, false, false),
            (NhanhError::RateLimited { path: "product/list".into(), unlocked_at: 1 }, "err-nhanh-rate-limited", false, false, false),
            (NhanhError::InvalidMobile { text: "12".into() }, "err-nhanh-invalid-mobile", false, false, false),
            (NhanhError::NotConfigured { missing: "accessToken" }, "err-nhanh-not-configured", false, false, false),
            (NhanhError::InvalidOrder { field: "products".into(), reason: "empty".into() }, "err-nhanh-invalid-order", false, false, false),
        ];
        for (e, id, unknown, auth, forbidden) in cases {
            assert_eq!(e.code(), id, "{e:?}");
            assert_eq!(e.is_unknown_outcome(), unknown, "{e:?}");
            assert_eq!(e.is_auth(), auth, "{e:?}");
            assert_eq!(e.forbidden(), forbidden, "{e:?}");
        }
    }

    #[test]
    fn forbidden_names_the_job_and_permission() {
        let e = api("order/add", ERR_403, vec![]);
        assert_eq!(e.permission_needed(), Some(("order/add".to_string(), "nhanh-job-sales")));
        let args = e.args();
        assert!(args.contains(&("permission", Arg::Text("order/add".into()))));
        assert!(args.contains(&("job", Arg::Message("nhanh-job-sales", vec![]))));
        let e = api("customer/list", ERR_403, vec![]);
        assert_eq!(e.permission_needed().unwrap().1, "nhanh-job-customers");
    }
}
