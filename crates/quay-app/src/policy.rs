//! Who is acting, and whether they may. Every use case that changes or reveals something
//! takes a [`Who`] and calls [`Counter::allow`] with its [`Action`] before anything else;
//! the faces only find out who is acting (the window's session, a PIN) and pass it in.
//! So the permission table of `quay_core::auth` is applied in one place per use case,
//! whichever face — or test, or future partner screen — calls it.
//!
//! What needs no one: reading the menu, the sync's own work and state (the background
//! worker runs with nobody signed in), the app's info and language. Everything else
//! names its action.

use quay_core::auth::Action;
use quay_store::StaffMember;

use crate::{AppError, Counter, Result};

/// Who a use case runs as.
#[derive(Debug, Clone)]
pub enum Who {
    /// A counter with no staff yet: everything is allowed until the first technician
    /// exists (`allow` checks that this is still so).
    Setup,
    /// A staff member, identified by the window's session or by their PIN.
    Staff(StaffMember),
    /// Nobody could be identified; `Ask` says how the face asks (the refusal's wording).
    Nobody(Ask),
}

/// How a face identifies people, for the refusal said to nobody.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// A PIN: the command line, and approvals typed at the screen.
    Pin,
    /// The window's sign-in.
    SignIn,
}

impl Who {
    /// The name shown with what they did (a void's approver, a report's author).
    pub fn name(&self) -> String {
        match self {
            Who::Setup => "setup".into(),
            Who::Staff(m) => m.name.clone(),
            Who::Nobody(_) => "nobody".into(),
        }
    }

    /// The actor recorded in the audit log: the staff id, stable across renames.
    pub fn actor(&self) -> String {
        match self {
            Who::Setup => "setup".into(),
            Who::Staff(m) => m.id.to_string(),
            Who::Nobody(_) => "nobody".into(),
        }
    }

    /// The staff member, when one is acting.
    pub fn member(&self) -> Option<&StaffMember> {
        match self {
            Who::Staff(m) => Some(m),
            _ => None,
        }
    }
}

impl Counter {
    /// The one permission check: `who` may do `action` by the table of `quay_core::auth`.
    /// Refusals change nothing (it runs before the use case touches anything).
    pub fn allow(&self, who: &Who, action: Action) -> Result<()> {
        match who {
            Who::Staff(m) => Ok(quay_core::auth::require(m.role, action)?),
            Who::Setup if self.in_setup()? => Ok(()),
            Who::Setup | Who::Nobody(Ask::Pin) => Err(pin_required(action)),
            Who::Nobody(Ask::SignIn) => Err(AppError::new("err-auth-signed-out", vec![])),
        }
    }

    /// Who a PIN names (the command line's `QUAY_PIN` or prompt, a manager's approval at
    /// the screen). A wrong PIN counts towards the lockout; no PIN is `Nobody`.
    pub fn identify(&self, pin: Option<&str>) -> Result<Who> {
        if self.in_setup()? {
            return Ok(Who::Setup);
        }
        match pin.filter(|p| !p.is_empty()) {
            None => Ok(Who::Nobody(Ask::Pin)),
            Some(pin) => {
                let now = self.now();
                Ok(Who::Staff(self.store().who_is(pin, now)?))
            }
        }
    }
}

fn pin_required(action: Action) -> AppError {
    AppError::new("err-auth-pin-required", vec![("action", action.as_str().into())])
}
