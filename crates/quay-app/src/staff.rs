//! Who is at the counter: staff signing in with a PIN, the role each command needs, and
//! the audit of approvals and changes.
//!
//! A counter with no staff is in *setup*: a fresh install has nobody to ask for a PIN,
//! so commands pass and the first staff member added must be a technician. Staff can
//! never be deleted (only deactivated, and never the last technician), so once the first
//! technician exists every command checks its role, for good.

use quay_core::auth::{Action, Role, Session};
use quay_store::{AuditEntry, StaffMember};

use crate::{AppError, Counter, Result};

/// Who a command runs as.
#[derive(Debug, Clone)]
pub enum Who {
    /// A counter with no staff yet.
    Setup,
    Staff(StaffMember),
}

impl Who {
    /// The name shown with what they did (a void's approver, a report's author).
    pub fn name(&self) -> String {
        match self {
            Who::Setup => "setup".into(),
            Who::Staff(m) => m.name.clone(),
        }
    }

    /// The actor recorded in the audit log: the staff id, stable across renames.
    pub fn actor(&self) -> String {
        match self {
            Who::Setup => "setup".into(),
            Who::Staff(m) => m.id.to_string(),
        }
    }
}

/// The signed-in member of the window, as its face shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StaffView {
    pub id: String,
    pub name: String,
    pub role: &'static str,
    /// What the face may offer (the backend checks again on every command).
    pub may: Vec<&'static str>,
}

impl StaffView {
    fn of(m: &StaffMember) -> StaffView {
        StaffView {
            id: m.id.to_string(),
            name: m.name.clone(),
            role: m.role.as_str(),
            may: Action::ALL.iter().filter(|a| m.role.may(**a)).map(|a| a.as_str()).collect(),
        }
    }
}

/// Where the window stands: setup (no staff), signed out, or who is signed in.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SessionView {
    pub setup: bool,
    pub staff: Option<StaffView>,
}

impl Counter {
    /// Whether the counter has no staff yet (setup).
    pub fn in_setup(&self) -> Result<bool> {
        Ok(self.store().staff_count()? == 0)
    }

    /// Checks that `pin` belongs to active staff who may do `action` (headless commands
    /// and approvals at the screen). A wrong PIN counts towards the lockout.
    pub fn authorize(&self, pin: Option<&str>, action: Action) -> Result<Who> {
        if self.in_setup()? {
            return Ok(Who::Setup);
        }
        let Some(pin) = pin.filter(|p| !p.is_empty()) else {
            return Err(AppError::new("err-auth-pin-required", vec![("action", action.as_str().into())]));
        };
        let now = self.now();
        let member = self.store().verify_role(pin, action, now)?;
        Ok(Who::Staff(member))
    }

    /// Adds a staff member. In setup only a technician can be added (by "setup"); after
    /// that, `by` must be a technician (checked by the caller's `authorize`).
    pub fn add_staff(&self, by: &Who, name: &str, role: Role, pin: &str) -> Result<StaffMember> {
        if let Who::Staff(m) = by {
            quay_core::auth::require(m.role, Action::ManageStaff)?;
        } else if !self.in_setup()? {
            return Err(AppError::new("err-auth-pin-required", vec![("action", Action::ManageStaff.as_str().into())]));
        } else if role != Role::Technician {
            return Err(AppError::new("err-auth-first-technician", vec![]));
        }
        let now = self.now();
        Ok(self.store().add_staff(&by.actor(), name, role, pin, now)?)
    }

    /// The name a sale, a void or a card payment records for `who`: the staff member's,
    /// or on a counter nobody can sign in to yet (setup) the `counter.cashier` label.
    pub fn cashier_name(&self, who: &Who) -> String {
        match who {
            Who::Staff(m) => m.name.clone(),
            Who::Setup => self.config().cashier.clone(),
        }
    }

    pub fn staff_list(&self) -> Result<Vec<StaffMember>> {
        Ok(self.store().staff_list(false)?)
    }

    /// The name to show for an actor recorded by id (records and the audit keep the id;
    /// people read names). Anything else — "setup", a name given on the command line, a
    /// member no longer found — is shown as recorded.
    pub fn actor_name(&self, actor: &str) -> String {
        uuid::Uuid::parse_str(actor)
            .ok()
            .and_then(|id| self.store().staff_member(id).ok().flatten())
            .map(|m| m.name)
            .unwrap_or_else(|| actor.to_string())
    }

    /// The window's sign-in: the PIN alone names the member.
    pub fn sign_in(&self, pin: &str) -> Result<SessionView> {
        let now = self.now();
        let m = self.store().sign_in(pin, now)?;
        *self.session.lock().unwrap_or_else(|p| p.into_inner()) = Some((Session::new(m.id, m.role, now), m));
        self.session_view()
    }

    pub fn sign_out(&self) {
        *self.session.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }

    pub fn session_view(&self) -> Result<SessionView> {
        let setup = self.in_setup()?;
        let staff = self.session.lock().unwrap_or_else(|p| p.into_inner()).as_ref().map(|(_, m)| StaffView::of(m));
        Ok(SessionView { setup, staff })
    }

    /// The window's check before a command: the signed-in member may do `action`, and
    /// has not been idle past the limit (then they are signed out).
    pub fn require(&self, action: Action) -> Result<Who> {
        if self.in_setup()? {
            return Ok(Who::Setup);
        }
        let now = self.now();
        let mut guard = self.session.lock().unwrap_or_else(|p| p.into_inner());
        let Some((session, member)) = guard.as_mut() else {
            return Err(AppError::new("err-auth-signed-out", vec![]));
        };
        if let Err(e) = session.touch(now, Session::default_idle()) {
            *guard = None;
            return Err(e.into());
        }
        session.require(action)?;
        Ok(Who::Staff(member.clone()))
    }

    /// Records an approval or a change in the hash-chained audit log.
    pub fn audit(&self, who: &Who, action: &str, subject: &str, before: Option<String>, after: Option<String>) -> Result<()> {
        let entry = AuditEntry::new(self.now(), &who.actor(), action, subject).change(before, after);
        self.store().audit(&entry)?;
        Ok(())
    }

    /// The whole counter encrypted under `passphrase` (the only way secrets leave it).
    pub fn backup(&self, passphrase: &str) -> Result<Vec<u8>> {
        Ok(self.store().backup(passphrase)?)
    }

    /// Verifies the audit log's chain: the number of entries, or the first bad one.
    pub fn audit_verify(&self) -> Result<usize> {
        Ok(self.store().audit_verify()?)
    }

    /// A setting (or an encrypted secret) changed by `who`, audited in the same
    /// transaction with the before and after values (a secret's as `********`).
    pub fn configure(&self, who: &Who, key: &str, value: &str, secret: bool) -> Result<()> {
        let at = self.now();
        self.store().configure(key, value, secret, &who.actor(), at)?;
        if key.starts_with("hub.") || secret {
            self.forget_hub_client();
        }
        tracing::info!(key, by = %who.name(), "setting changed");
        Ok(())
    }
}

/// Restores an encrypted backup into an empty data directory.
pub fn restore_backup(bytes: &[u8], passphrase: &str, data_dir: &std::path::Path) -> Result<()> {
    Ok(quay_store::backup::restore(bytes, passphrase, data_dir)?)
}
