//! The one error of Quay's use cases. It carries a Fluent message id and its arguments;
//! each face turns it into `{code, message}` in the reader's language. `detail` is for
//! logs only (never a secret), the message is for people.

use quay_core::error::{Arg, Localized};
use quay_core::menu::MenuError;
use quay_core::CoreError;
use quay_store::StoreError;

#[derive(Debug, Clone, PartialEq)]
pub struct AppError {
    pub code: &'static str,
    pub args: Vec<(&'static str, Arg)>,
    pub detail: String,
}

impl AppError {
    pub fn new(code: &'static str, args: Vec<(&'static str, Arg)>) -> AppError {
        let detail = format!("{code} {args:?}");
        AppError { code, args, detail }
    }

    pub fn from_localized(e: &(impl Localized + std::fmt::Display)) -> AppError {
        AppError { code: e.code(), args: e.args(), detail: e.to_string() }
    }

    pub fn io(path: &std::path::Path, e: std::io::Error) -> AppError {
        AppError::new("err-io", vec![("path", Arg::Text(path.display().to_string())), ("detail", Arg::Text(e.to_string()))])
    }

    pub fn internal(detail: impl std::fmt::Display) -> AppError {
        AppError::new("err-internal", vec![("detail", Arg::Text(detail.to_string()))])
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.detail)
    }
}

impl std::error::Error for AppError {}

impl Localized for AppError {
    fn code(&self) -> &'static str {
        self.code
    }
    fn args(&self) -> Vec<(&'static str, Arg)> {
        self.args.clone()
    }
}

impl From<CoreError> for AppError {
    fn from(e: CoreError) -> AppError {
        AppError::from_localized(&e)
    }
}

impl From<quay_core::payment::PaymentError> for AppError {
    fn from(e: quay_core::payment::PaymentError) -> AppError {
        AppError::from_localized(&e)
    }
}

impl From<MenuError> for AppError {
    fn from(e: MenuError) -> AppError {
        AppError::from_localized(&e)
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> AppError {
        if matches!(e, StoreError::Sqlite(_) | StoreError::Migration(_) | StoreError::Corrupt(_)) {
            tracing::error!(error = %e, "store failure");
        }
        AppError::from_localized(&e)
    }
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;

impl From<quay_store::StaffError> for AppError {
    fn from(e: quay_store::StaffError) -> AppError {
        match e {
            quay_store::StaffError::Store(s) => s.into(),
            other => AppError::from_localized(&other),
        }
    }
}

impl From<quay_core::auth::AuthError> for AppError {
    fn from(e: quay_core::auth::AuthError) -> AppError {
        AppError::from_localized(&e)
    }
}

impl From<quay_store::AuditError> for AppError {
    fn from(e: quay_store::AuditError) -> AppError {
        AppError::from_localized(&e)
    }
}
