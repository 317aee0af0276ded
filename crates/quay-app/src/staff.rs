//! Who is at the counter: staff signing in with a PIN, and the audit of approvals and
//! changes. The permission check itself is `policy`.
//!
//! A counter with no staff is in *setup*: a fresh install has nobody to ask for a PIN,
//! so commands pass and the first staff member added must be a technician. Staff can
//! never be deleted (only deactivated, and never the last technician), so once the first
//! technician exists every command checks its role, for good.

use quay_core::auth::{Action, Role};
use quay_store::{AuditEntry, StaffMember};

use crate::{AppError, Counter, Result, Who};

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
    pub(crate) fn of(m: &StaffMember) -> StaffView {
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

    /// Adds a staff member. In setup only a technician can be added (by "setup"); after
    /// that, `by` must be a technician.
    pub fn add_staff(&self, by: &Who, name: &str, role: Role, pin: &str) -> Result<StaffMember> {
        self.allow(by, Action::ManageStaff)?;
        if matches!(by, Who::Setup) && role != Role::Technician {
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
            // Nobody never gets past `allow`; the label keeps this total.
            Who::Setup | Who::Nobody(_) => self.config().cashier.clone(),
        }
    }

    pub fn staff_list(&self, who: &Who) -> Result<Vec<StaffMember>> {
        self.allow(who, Action::ManageStaff)?;
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

    /// Records an approval or a change in the hash-chained audit log.
    pub(crate) fn audit(&self, who: &Who, action: &str, subject: &str, before: Option<String>, after: Option<String>) -> Result<()> {
        let entry = AuditEntry::new(self.now(), &who.actor(), action, subject).change(before, after);
        self.store().audit(&entry)?;
        Ok(())
    }

    /// The whole counter encrypted under `passphrase` (the only way secrets leave it),
    /// written to `file` and audited.
    pub fn backup(&self, who: &Who, passphrase: &str, file: &std::path::Path) -> Result<()> {
        self.allow(who, Action::ConfigureSettings)?;
        let bytes = self.store().backup(passphrase)?;
        crate::files::write_private(file, &bytes)?;
        self.audit(who, "backup.create", &file.display().to_string(), None, None)
    }

    /// Verifies the audit log's chain: the number of entries, or the first bad one.
    pub fn audit_verify(&self, who: &Who) -> Result<usize> {
        self.allow(who, Action::ViewSales)?;
        Ok(self.store().audit_verify()?)
    }

    /// A setting (or an encrypted secret) changed by `who`, audited in the same
    /// transaction with the before and after values (a secret's as `********`). The
    /// caller (`save_settings`) checked `who`.
    pub(crate) fn configure(&self, who: &Who, key: &str, value: &str, secret: bool) -> Result<()> {
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
