//! Staff and their PINs. A PIN is stored only as an argon2id PHC string (random 16-byte
//! salt, m = 19 MiB, t = 2, p = 1: OWASP's minimum for argon2id); the hash never leaves
//! this module — `StaffMember` has no field for it.
//!
//! Decisions:
//! - **Sign-in is by PIN alone**, so a PIN is unique among active staff. Hashes are
//!   salted, so finding who a PIN belongs to means verifying it against every active
//!   member: N × one verification (see the report in `tests/staff.rs`), fine for a
//!   restaurant's dozens of staff, not for thousands.
//! - **Where wrong PINs count.** A PIN that matches nobody cannot be pinned on a member, so
//!   it counts against the counter's PIN pad (`auth_throttle`, scope `pin-pad`; one
//!   database per counter, so one row per counter) with the same policy as a member
//!   (quay-core `LockoutPolicy`). While the pad is locked no PIN is checked at all — not
//!   even a correct one, or the lock would still let guesses through. A member's own
//!   count grows where the member is known: `sign_in_as` (name chosen, then PIN) and
//!   `change_pin` (old PIN). A correct PIN resets the pad and the member.
//! - **"PIN already in use" is an oracle** (it tells that some colleague has that PIN), so
//!   it counts as a wrong PIN on the pad and is refused while the pad is locked.
//! - **Staff are never deleted** (sales and the audit log name them), only deactivated;
//!   the last active technician cannot be deactivated, or nobody could manage staff.
//! - Every change (add, deactivate, PIN change or reset, sign-in, a lock starting) is
//!   audited in the same transaction; PINs appear only as `********`.
//! - PIN checks run in a deferred transaction: the argon2 work holds no write lock (sales
//!   keep committing), and if another writer changed the database meanwhile the write
//!   fails with "busy" instead of acting on a stale view.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use chrono::{DateTime, FixedOffset, SecondsFormat};
use quay_core::auth::{self, Action, AuthError, Lockout, LockoutPolicy, Role};
use quay_core::error::{Arg, Localized};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use thiserror::Error;
use uuid::Uuid;

use crate::audit::{self, mask, AuditEntry};
use crate::{Store, StoreError};

/// The counter's PIN pad in `auth_throttle`.
const PAD: &str = "pin-pad";
/// The actor of entries no person caused (a lock starting).
const SYSTEM: &str = "system";

/// argon2id, m = 19 MiB, t = 2, p = 1 (OWASP's minimum). Verification reads the
/// parameters from each stored hash, so raising these later keeps old PINs working.
fn hasher() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::new(19 * 1024, 2, 1, None).expect("valid argon2 parameters"))
}

fn hash_pin(pin: &str) -> Result<String, StaffError> {
    let mut salt = [0u8; 16];
    getrandom::getrandom(&mut salt).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let hash = hasher().hash_password(pin.as_bytes(), &salt).map_err(|e| StoreError::Corrupt(format!("argon2: {e}")))?;
    Ok(hash.to_string())
}

/// A stored hash that does not parse never matches (and says so in the error, without
/// the PIN).
fn pin_matches(pin: &str, stored: &str) -> Result<bool, StaffError> {
    let parsed = PasswordHash::new(stored).map_err(|e| StoreError::Corrupt(format!("stored PIN hash: {e}")))?;
    Ok(hasher().verify_password(pin.as_bytes(), &parsed).is_ok())
}

#[derive(Debug, Error)]
pub enum StaffError {
    #[error(transparent)]
    Auth(#[from] AuthError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What `sign_in` refuses with.
pub type SignInError = StaffError;

impl From<rusqlite::Error> for StaffError {
    fn from(e: rusqlite::Error) -> Self {
        StaffError::Store(e.into())
    }
}

impl Localized for StaffError {
    fn code(&self) -> &'static str {
        match self {
            StaffError::Auth(e) => e.code(),
            StaffError::Store(e) => e.code(),
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            StaffError::Auth(e) => e.args(),
            StaffError::Store(e) => e.args(),
        }
    }
}

type Result<T, E = StaffError> = std::result::Result<T, E>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaffMember {
    pub id: Uuid,
    pub name: String,
    pub role: Role,
    pub active: bool,
    /// Set while the member is locked out (or was, until the next sign-in clears it).
    pub locked_until: Option<DateTime<FixedOffset>>,
    pub created_at: String,
}

fn stamp(t: DateTime<FixedOffset>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

fn parse_time(s: Option<String>) -> Result<Option<DateTime<FixedOffset>>> {
    s.map(|s| DateTime::parse_from_rfc3339(&s).map_err(|_| StoreError::Corrupt(format!("bad time {s:?} in staff data")).into())).transpose()
}

/// A member with the secret columns the checks need (kept inside this module).
struct Row {
    member: StaffMember,
    pin_hash: String,
    failed: u32,
}

impl Row {
    fn lockout(&self) -> Lockout {
        Lockout { failed: self.failed, locked_until: self.member.locked_until }
    }
}

const COLUMNS: &str = "id, name, role, active, locked_until, created_at, pin_hash, failed_attempts";

fn read_rows(conn: &Connection, clause: &str, args: &[&dyn rusqlite::ToSql]) -> Result<Vec<Row>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM staff WHERE {clause} ORDER BY rowid"))?;
    type Raw = (String, String, String, bool, Option<String>, String, String, i64);
    let raw: Vec<Raw> = stmt
        .query_map(args, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?)))?
        .collect::<rusqlite::Result<_>>()?;
    raw.into_iter()
        .map(|(id, name, role, active, locked_until, created_at, pin_hash, failed)| {
            Ok(Row {
                member: StaffMember {
                    id: Uuid::parse_str(&id).map_err(|_| StoreError::Corrupt(format!("staff id {id:?}")))?,
                    name,
                    role: Role::parse(&role).ok_or_else(|| StoreError::Corrupt(format!("staff role {role:?}")))?,
                    active,
                    locked_until: parse_time(locked_until)?,
                    created_at,
                },
                pin_hash,
                failed: u32::try_from(failed).unwrap_or(u32::MAX),
            })
        })
        .collect()
}

fn one(conn: &Connection, id: Uuid) -> Result<Row> {
    read_rows(conn, "id = ?1", &[&id.to_string()])?.pop().ok_or_else(|| AuthError::NoSuchStaff { id: id.to_string() }.into())
}

fn pad_state(conn: &Connection) -> Result<Lockout> {
    let row: Option<(i64, Option<String>)> = conn
        .query_row("SELECT failed_attempts, locked_until FROM auth_throttle WHERE scope = ?1", [PAD], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(match row {
        Some((failed, until)) => Lockout { failed: u32::try_from(failed).unwrap_or(u32::MAX), locked_until: parse_time(until)? },
        None => Lockout::default(),
    })
}

fn set_pad(conn: &Connection, s: Lockout) -> Result<()> {
    conn.execute(
        "INSERT INTO auth_throttle(scope, failed_attempts, locked_until) VALUES (?1, ?2, ?3)
         ON CONFLICT(scope) DO UPDATE SET failed_attempts = excluded.failed_attempts, locked_until = excluded.locked_until",
        params![PAD, s.failed, s.locked_until.map(stamp)],
    )?;
    Ok(())
}

fn set_member_lockout(conn: &Connection, id: Uuid, s: Lockout) -> Result<()> {
    conn.execute(
        "UPDATE staff SET failed_attempts = ?2, locked_until = ?3 WHERE id = ?1",
        params![id.to_string(), s.failed, s.locked_until.map(stamp)],
    )?;
    Ok(())
}

/// Records a wrong PIN on the pad (auditing a lock that starts) and commits, so the count
/// survives the refusal that follows.
fn pad_failure(tx: Transaction, policy: &LockoutPolicy, before: Lockout, now: DateTime<FixedOffset>) -> Result<()> {
    let after = policy.after_failure(before, now);
    set_pad(&tx, after)?;
    if after.locked_until != before.locked_until {
        audit::append(&tx, &AuditEntry::new(now, SYSTEM, "pin-pad.locked", PAD).change(None, after.locked_until.map(stamp)))?;
    }
    tx.commit()?;
    Ok(())
}

/// Whether `pin` is the PIN of an active member other than `except`.
fn pin_in_use(conn: &Connection, pin: &str, except: Option<Uuid>) -> Result<bool> {
    for r in read_rows(conn, "active = 1", &[])? {
        if Some(r.member.id) != except && pin_matches(pin, &r.pin_hash)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn set_pin(tx: Transaction, by: &str, id: Uuid, new_pin: &str, now: DateTime<FixedOffset>, action: &str) -> Result<()> {
    if pin_in_use(&tx, new_pin, Some(id))? {
        let pad = pad_state(&tx)?;
        pad_failure(tx, &LockoutPolicy::default(), pad, now)?;
        return Err(AuthError::PinInUse.into());
    }
    let hash = hash_pin(new_pin)?;
    tx.execute("UPDATE staff SET pin_hash = ?2, failed_attempts = 0, locked_until = NULL WHERE id = ?1", params![id.to_string(), hash])?;
    audit::append(&tx, &AuditEntry::new(now, by, action, &id.to_string()).change(Some(mask(new_pin)), Some(mask(new_pin))))?;
    tx.commit()?;
    Ok(())
}

fn role_json(name: &str, role: Role) -> String {
    serde_json::json!({ "name": name, "role": role.as_str() }).to_string()
}

impl Store {
    /// Adds a member with `role` and `pin`. `by` is who did it (a technician's id, or
    /// "setup" for the first member); the check that `by` may manage staff is the caller's.
    pub fn add_staff(&mut self, by: &str, name: &str, role: Role, pin: &str, now: DateTime<FixedOffset>) -> Result<StaffMember> {
        let name = auth::validate_name(name)?;
        auth::validate_pin(pin)?;
        let policy = LockoutPolicy::default();
        let tx = self.conn.transaction()?;
        let pad = pad_state(&tx)?;
        policy.check_allowed(pad, now)?;
        if pin_in_use(&tx, pin, None)? {
            pad_failure(tx, &policy, pad, now)?;
            return Err(AuthError::PinInUse.into());
        }
        let id = Uuid::new_v4();
        let hash = hash_pin(pin)?;
        tx.execute(
            "INSERT INTO staff(id, name, role, pin_hash, active, failed_attempts, locked_until, created_at)
             VALUES (?1, ?2, ?3, ?4, 1, 0, NULL, ?5)",
            params![id.to_string(), name, role.as_str(), hash, stamp(now)],
        )?;
        audit::append(&tx, &AuditEntry::new(now, by, "staff.add", &id.to_string()).change(None, Some(role_json(&name, role))))?;
        let member = one(&tx, id)?.member;
        tx.commit()?;
        Ok(member)
    }

    /// Signs in whoever's PIN this is, and audits it. Refused while the pad or the member
    /// is locked; a PIN matching nobody counts against the pad.
    pub fn sign_in(&mut self, pin: &str, now: DateTime<FixedOffset>) -> Result<StaffMember, SignInError> {
        let (tx, member) = self.identify(pin, now)?;
        let id = member.id.to_string();
        audit::append(&tx, &AuditEntry::new(now, &id, "sign-in", &id))?;
        tx.commit()?;
        Ok(member)
    }

    /// Signs in a member chosen by name (id) first: a wrong PIN counts against that
    /// member, who is locked by the same policy.
    pub fn sign_in_as(&mut self, id: Uuid, pin: &str, now: DateTime<FixedOffset>) -> Result<StaffMember, SignInError> {
        let tx = self.check_member_pin(id, pin, now)?;
        let subject = id.to_string();
        audit::append(&tx, &AuditEntry::new(now, &subject, "sign-in", &subject))?;
        let member = one(&tx, id)?.member;
        tx.commit()?;
        Ok(member)
    }

    /// Whose PIN it is (a command line's PIN, a manager's approval at someone else's
    /// screen), checked like a sign-in. Nothing is audited here: what they may do is the
    /// use case's check, and it records the approval with the change it approves.
    pub fn who_is(&mut self, pin: &str, now: DateTime<FixedOffset>) -> Result<StaffMember> {
        let (tx, member) = self.identify(pin, now)?;
        tx.commit()?;
        Ok(member)
    }

    /// `who_is`, then that their role may do `action`.
    pub fn verify_role(&mut self, pin: &str, action: Action, now: DateTime<FixedOffset>) -> Result<StaffMember> {
        let member = self.who_is(pin, now)?;
        auth::require(member.role, action)?;
        Ok(member)
    }

    /// Active members.
    pub fn staff_count(&self) -> Result<usize> {
        let n: i64 = self.conn.query_row("SELECT count(*) FROM staff WHERE active = 1", [], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// Members in the order they were added; deactivated ones only if asked.
    pub fn staff_list(&self, include_inactive: bool) -> Result<Vec<StaffMember>> {
        let clause = if include_inactive { "1 = 1" } else { "active = 1" };
        Ok(read_rows(&self.conn, clause, &[])?.into_iter().map(|r| r.member).collect())
    }

    pub fn staff_member(&self, id: Uuid) -> Result<Option<StaffMember>> {
        match one(&self.conn, id) {
            Ok(r) => Ok(Some(r.member)),
            Err(StaffError::Auth(AuthError::NoSuchStaff { .. })) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Deactivates a member (kept for history; their PIN stops working and is free again).
    pub fn deactivate_staff(&mut self, by: &str, id: Uuid, now: DateTime<FixedOffset>) -> Result<StaffMember> {
        let tx = self.conn.transaction()?;
        let row = one(&tx, id)?;
        if !row.member.active {
            return Ok(row.member);
        }
        if row.member.role == Role::Technician {
            let techs: i64 = tx.query_row("SELECT count(*) FROM staff WHERE active = 1 AND role = 'technician'", [], |r| r.get(0))?;
            if techs <= 1 {
                return Err(AuthError::LastTechnician.into());
            }
        }
        tx.execute("UPDATE staff SET active = 0 WHERE id = ?1", [id.to_string()])?;
        audit::append(
            &tx,
            &AuditEntry::new(now, by, "staff.deactivate", &id.to_string()).change(Some("active".into()), Some("inactive".into())),
        )?;
        let member = one(&tx, id)?.member;
        tx.commit()?;
        Ok(member)
    }

    /// A member changes their own PIN, proving the old one (a wrong old PIN counts against
    /// them). The new PIN must be free among the other active staff.
    pub fn change_pin(&mut self, id: Uuid, old_pin: &str, new_pin: &str, now: DateTime<FixedOffset>) -> Result<()> {
        auth::validate_pin(new_pin)?;
        let tx = self.check_member_pin(id, old_pin, now)?;
        set_pin(tx, &id.to_string(), id, new_pin, now, "staff.pin-change")
    }

    /// A technician sets a member's PIN (forgotten PIN) and lifts their lock. Whether `by`
    /// may is the caller's check (`Action::ManageStaff`).
    pub fn reset_pin(&mut self, by: &str, id: Uuid, new_pin: &str, now: DateTime<FixedOffset>) -> Result<()> {
        auth::validate_pin(new_pin)?;
        let policy = LockoutPolicy::default();
        let tx = self.conn.transaction()?;
        policy.check_allowed(pad_state(&tx)?, now)?;
        if !one(&tx, id)?.member.active {
            return Err(AuthError::NoSuchStaff { id: id.to_string() }.into());
        }
        set_pin(tx, by, id, new_pin, now, "staff.pin-reset")
    }

    /// Finds whose PIN this is under the pad's and the member's locks. On success the
    /// resets are written in the returned transaction, which the caller commits (with its
    /// own audit entry); a refusal has already committed what it counted.
    fn identify(&mut self, pin: &str, now: DateTime<FixedOffset>) -> Result<(Transaction<'_>, StaffMember)> {
        auth::validate_pin(pin)?;
        let policy = LockoutPolicy::default();
        let tx = self.conn.transaction()?;
        let pad = pad_state(&tx)?;
        policy.check_allowed(pad, now)?;
        let mut found = None;
        for r in read_rows(&tx, "active = 1", &[])? {
            if pin_matches(pin, &r.pin_hash)? {
                found = Some(r);
                break;
            }
        }
        let Some(row) = found else {
            pad_failure(tx, &policy, pad, now)?;
            return Err(AuthError::WrongPin.into());
        };
        policy.check_allowed(row.lockout(), now)?;
        if pad != Lockout::default() {
            set_pad(&tx, auth::after_success(pad))?;
        }
        if row.lockout() != Lockout::default() {
            set_member_lockout(&tx, row.member.id, auth::after_success(row.lockout()))?;
        }
        let member = one(&tx, row.member.id)?.member;
        Ok((tx, member))
    }

    /// Checks `pin` against member `id` only, under the pad's and the member's locks; a
    /// wrong PIN counts against the member. Returns the open transaction on success.
    fn check_member_pin(&mut self, id: Uuid, pin: &str, now: DateTime<FixedOffset>) -> Result<Transaction<'_>> {
        auth::validate_pin(pin)?;
        let policy = LockoutPolicy::default();
        let tx = self.conn.transaction()?;
        policy.check_allowed(pad_state(&tx)?, now)?;
        let row = one(&tx, id)?;
        if !row.member.active {
            // Same answer as a wrong PIN: a deactivated member's name is no way in.
            return Err(AuthError::WrongPin.into());
        }
        let before = row.lockout();
        policy.check_allowed(before, now)?;
        if !pin_matches(pin, &row.pin_hash)? {
            let after = policy.after_failure(before, now);
            set_member_lockout(&tx, id, after)?;
            if after.locked_until != before.locked_until {
                audit::append(
                    &tx,
                    &AuditEntry::new(now, SYSTEM, "staff.locked", &id.to_string()).change(None, after.locked_until.map(stamp)),
                )?;
            }
            tx.commit()?;
            return Err(AuthError::WrongPin.into());
        }
        if before != Lockout::default() {
            set_member_lockout(&tx, id, auth::after_success(before))?;
        }
        Ok(tx)
    }
}
