//! Staff roles, what each may do, the PIN rules, the lockout after wrong PINs and the idle
//! sign-out. Pure: no clock (time comes in as `now`), no storage, no hashing — the store
//! hashes PINs and keeps the lockout state; the rules that decide live here.
//!
//! Decisions:
//! - **Roles are not a ladder.** Each `Action` lists the roles that may do it. A technician
//!   (often the installer) configures the counter but has no money authority — cannot
//!   ring, void or close the day — and a manager approves money but cannot change terminal
//!   settings or staff. Separation of duties: nobody both configures and approves money.
//! - **PINs are 4 to 8 ASCII digits.** Sign-in is by PIN alone at a counter, so the store
//!   keeps PINs unique among active staff.
//! - **Lockout escalates.** After `threshold` (5) consecutive wrong PINs the subject is
//!   locked for `base` (5 minutes); every further wrong PIN after a lock ends locks again,
//!   twice as long, up to `max` (1 hour). A correct PIN resets it. Escalating keeps a
//!   staff member's occasional typo cheap while a patient guesser gets ~30 tries a day
//!   instead of ~300. While locked, PINs are not even checked, so a guess during a lock
//!   neither succeeds nor counts.
//! - **Idle sign-out** after 5 minutes by default (`DEFAULT_IDLE_SECS`), configurable per
//!   screen; a clock that went backwards does not expire a session.

use chrono::{DateTime, FixedOffset, TimeDelta};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use uuid::Uuid;

use crate::args;
use crate::error::{Arg, Localized};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Cashier,
    Manager,
    Technician,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Cashier, Role::Manager, Role::Technician];

    /// The stored and wire spelling (also the Fluent selector value).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Cashier => "cashier",
            Role::Manager => "manager",
            Role::Technician => "technician",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    pub fn may(self, action: Action) -> bool {
        action.roles().contains(&self)
    }
}

/// Everything a role check guards. Adding an action means adding its row to `roles`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    RingSale,
    ViewSales,
    ApproveVoid,
    ApproveRefund,
    CloseDay,
    Reconcile,
    ManualBankEntry,
    /// Settling by hand a card payment the terminal cannot answer for.
    SettlePayment,
    /// Opening the cash drawer without a sale (audited: who and why).
    OpenDrawer,
    ConfigureSettings,
    TestConnection,
    ManageStaff,
}

impl Action {
    pub const ALL: [Action; 12] = [
        Action::RingSale,
        Action::ViewSales,
        Action::ApproveVoid,
        Action::ApproveRefund,
        Action::CloseDay,
        Action::Reconcile,
        Action::ManualBankEntry,
        Action::SettlePayment,
        Action::OpenDrawer,
        Action::ConfigureSettings,
        Action::TestConnection,
        Action::ManageStaff,
    ];

    /// Who may do it: the whole permission matrix, in one place.
    pub fn roles(self) -> &'static [Role] {
        use Role::*;
        match self {
            Action::RingSale => &[Cashier, Manager],
            Action::ViewSales => &[Cashier, Manager, Technician],
            Action::ApproveVoid
            | Action::ApproveRefund
            | Action::CloseDay
            | Action::Reconcile
            | Action::ManualBankEntry
            | Action::SettlePayment
            | Action::OpenDrawer => &[Manager],
            Action::ConfigureSettings | Action::TestConnection | Action::ManageStaff => &[Technician],
        }
    }

    /// A stable id (kebab-case) for logs, the audit log and Fluent selectors.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::RingSale => "ring-sale",
            Action::ViewSales => "view-sales",
            Action::ApproveVoid => "approve-void",
            Action::ApproveRefund => "approve-refund",
            Action::CloseDay => "close-day",
            Action::Reconcile => "reconcile",
            Action::ManualBankEntry => "manual-bank-entry",
            Action::SettlePayment => "settle-payment",
            Action::OpenDrawer => "open-drawer",
            Action::ConfigureSettings => "configure-settings",
            Action::TestConnection => "test-connection",
            Action::ManageStaff => "manage-staff",
        }
    }
}

pub const PIN_MIN: usize = 4;
pub const PIN_MAX: usize = 8;
pub const NAME_MAX: usize = 60;
pub const DEFAULT_IDLE_SECS: i64 = 5 * 60;

/// Refusals of sign-in and role checks. None of them carries a PIN, a hash or which
/// member a wrong PIN was close to.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum AuthError {
    #[error("a PIN is {min} to {max} digits")]
    PinFormat { min: usize, max: usize },
    #[error("wrong PIN")]
    WrongPin,
    #[error("locked after too many wrong PINs until {until}")]
    Locked { until: DateTime<FixedOffset>, minutes: i64 },
    #[error("{role} may not {action}")]
    NotAllowed { role: &'static str, action: &'static str },
    #[error("the PIN is already in use")]
    PinInUse,
    #[error("a name of 1 to {max} characters is needed")]
    BadName { max: usize },
    #[error("signed out after {minutes} minutes without activity")]
    SessionExpired { minutes: i64 },
    #[error("no staff member {id}")]
    NoSuchStaff { id: String },
    #[error("the last active technician cannot be deactivated")]
    LastTechnician,
}

impl Localized for AuthError {
    fn code(&self) -> &'static str {
        match self {
            AuthError::PinFormat { .. } => "err-auth-pin-format",
            AuthError::WrongPin => "err-auth-wrong-pin",
            AuthError::Locked { .. } => "err-auth-locked",
            AuthError::NotAllowed { .. } => "err-auth-not-allowed",
            AuthError::PinInUse => "err-auth-pin-in-use",
            AuthError::BadName { .. } => "err-auth-bad-name",
            AuthError::SessionExpired { .. } => "err-auth-session-expired",
            AuthError::NoSuchStaff { .. } => "err-auth-no-such-staff",
            AuthError::LastTechnician => "err-auth-last-technician",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self.clone() {
            AuthError::PinFormat { min, max } => args![("min", min), ("max", max)],
            AuthError::WrongPin | AuthError::PinInUse | AuthError::LastTechnician => vec![],
            AuthError::Locked { minutes, .. } => args![("minutes", minutes)],
            AuthError::NotAllowed { role, action } => args![("role", role), ("action", action)],
            AuthError::BadName { max } => args![("max", max)],
            AuthError::SessionExpired { minutes } => args![("minutes", minutes)],
            AuthError::NoSuchStaff { id } => args![("id", id)],
        }
    }
}

/// 4 to 8 ASCII digits (no other numerals: the keypad types ASCII).
pub fn validate_pin(pin: &str) -> Result<(), AuthError> {
    if (PIN_MIN..=PIN_MAX).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(AuthError::PinFormat { min: PIN_MIN, max: PIN_MAX })
    }
}

/// The name as it will be stored (trimmed), or a refusal.
pub fn validate_name(name: &str) -> Result<String, AuthError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > NAME_MAX {
        return Err(AuthError::BadName { max: NAME_MAX });
    }
    Ok(name.to_string())
}

/// `role` may do `action`, or the refusal to show.
pub fn require(role: Role, action: Action) -> Result<(), AuthError> {
    if role.may(action) {
        Ok(())
    } else {
        Err(AuthError::NotAllowed { role: role.as_str(), action: action.as_str() })
    }
}

/// Consecutive wrong PINs of one subject (a staff member, or the counter's PIN pad when
/// the PIN matched nobody) and the lock they caused.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lockout {
    pub failed: u32,
    pub locked_until: Option<DateTime<FixedOffset>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LockoutPolicy {
    pub threshold: u32,
    pub base: TimeDelta,
    pub max: TimeDelta,
}

impl Default for LockoutPolicy {
    fn default() -> Self {
        LockoutPolicy { threshold: 5, base: TimeDelta::minutes(5), max: TimeDelta::hours(1) }
    }
}

impl LockoutPolicy {
    /// The state after one more wrong PIN at `now`.
    pub fn after_failure(&self, state: Lockout, now: DateTime<FixedOffset>) -> Lockout {
        let failed = state.failed.saturating_add(1);
        if failed < self.threshold {
            return Lockout { failed, locked_until: state.locked_until };
        }
        // 5 min at the threshold, then doubling per further failure, capped.
        let doublings = (failed - self.threshold).min(16);
        let lock = self.base.checked_mul(1 << doublings).map_or(self.max, |d| d.min(self.max));
        Lockout { failed, locked_until: Some(now + lock) }
    }

    /// Whether a PIN may be tried at `now`.
    pub fn check_allowed(&self, state: Lockout, now: DateTime<FixedOffset>) -> Result<(), AuthError> {
        match state.locked_until {
            Some(until) if until > now => {
                // Rounded up: "1 minute" while any of it remains. A lock further away than
                // `max` means the clock went backwards; it still holds (never shortened).
                let secs = (until - now).num_seconds();
                Err(AuthError::Locked { until, minutes: (secs + 59) / 60 })
            }
            _ => Ok(()),
        }
    }
}

/// The state after a correct PIN: everything forgiven.
pub fn after_success(_state: Lockout) -> Lockout {
    Lockout::default()
}

/// `LockoutPolicy::default().after_failure`.
pub fn after_failure(state: Lockout, now: DateTime<FixedOffset>) -> Lockout {
    LockoutPolicy::default().after_failure(state, now)
}

/// `LockoutPolicy::default().check_allowed`.
pub fn check_allowed(state: Lockout, now: DateTime<FixedOffset>) -> Result<(), AuthError> {
    LockoutPolicy::default().check_allowed(state, now)
}

/// Who is signed in at a screen, and when they last did something.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Session {
    pub staff_id: Uuid,
    pub role: Role,
    pub last_activity: DateTime<FixedOffset>,
}

impl Session {
    pub fn new(staff_id: Uuid, role: Role, now: DateTime<FixedOffset>) -> Session {
        Session { staff_id, role, last_activity: now }
    }

    pub fn default_idle() -> TimeDelta {
        TimeDelta::seconds(DEFAULT_IDLE_SECS)
    }

    /// Idle for `idle_limit` or longer. A `now` before the last activity (clock set back)
    /// counts as not idle rather than signing everyone out.
    pub fn is_expired(&self, now: DateTime<FixedOffset>, idle_limit: TimeDelta) -> bool {
        now - self.last_activity >= idle_limit
    }

    /// Records activity at `now` if the session is still alive; refuses an expired one so
    /// a late tap cannot revive it.
    pub fn touch(&mut self, now: DateTime<FixedOffset>, idle_limit: TimeDelta) -> Result<(), AuthError> {
        if self.is_expired(now, idle_limit) {
            return Err(AuthError::SessionExpired { minutes: idle_limit.num_minutes() });
        }
        self.last_activity = self.last_activity.max(now);
        Ok(())
    }

    /// The role check for this session's holder.
    pub fn require(&self, action: Action) -> Result<(), AuthError> {
        require(self.role, action)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    /// The whole matrix, written out so a change to it is a visible change to this table.
    #[test]
    fn permission_matrix() {
        use Action::*;
        //                          cashier manager technician
        let table: [(Action, [bool; 3]); 12] = [
            (RingSale, [true, true, false]),
            (ViewSales, [true, true, true]),
            (ApproveVoid, [false, true, false]),
            (ApproveRefund, [false, true, false]),
            (CloseDay, [false, true, false]),
            (Reconcile, [false, true, false]),
            (ManualBankEntry, [false, true, false]),
            (SettlePayment, [false, true, false]),
            (OpenDrawer, [false, true, false]),
            (ConfigureSettings, [false, false, true]),
            (TestConnection, [false, false, true]),
            (ManageStaff, [false, false, true]),
        ];
        assert_eq!(table.len(), Action::ALL.len());
        for (action, allowed) in table {
            for (role, ok) in Role::ALL.into_iter().zip(allowed) {
                assert_eq!(role.may(action), ok, "{role:?} / {action:?}");
                match require(role, action) {
                    Ok(()) => assert!(ok),
                    Err(e) => {
                        assert!(!ok);
                        assert_eq!(e.code(), "err-auth-not-allowed");
                        assert_eq!(e.args(), args![("role", role.as_str()), ("action", action.as_str())]);
                    }
                }
            }
        }
    }

    #[test]
    fn roles_and_actions_round_trip_their_names() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
            assert_eq!(serde_json::to_string(&r).unwrap(), format!("\"{}\"", r.as_str()));
        }
        assert_eq!(Role::parse("admin"), None);
        for a in Action::ALL {
            assert_eq!(serde_json::to_string(&a).unwrap(), format!("\"{}\"", a.as_str()));
        }
    }

    #[test]
    fn pin_format() {
        for ok in ["0000", "1234", "12345678", "00001111"] {
            assert_eq!(validate_pin(ok), Ok(()), "{ok}");
        }
        for bad in ["", "123", "123456789", "12a4", " 1234", "1234 ", "١٢٣٤", "12.4", "-123"] {
            let e = validate_pin(bad).unwrap_err();
            assert_eq!(e.code(), "err-auth-pin-format");
            assert!(!e.to_string().contains(bad) || bad.is_empty(), "the PIN is never in the message");
        }
    }

    #[test]
    fn names() {
        assert_eq!(validate_name("  Lan  ").unwrap(), "Lan");
        assert_eq!(validate_name(" ").unwrap_err().code(), "err-auth-bad-name");
        assert!(validate_name(&"ă".repeat(60)).is_ok());
        assert!(validate_name(&"ă".repeat(61)).is_err());
    }

    #[test]
    fn lockout_after_five_failures_then_escalates() {
        let p = LockoutPolicy::default();
        let t0 = t("2026-11-22T09:00:00+07:00");
        let mut s = Lockout::default();
        for i in 1..=4 {
            s = p.after_failure(s, t0);
            assert_eq!(s, Lockout { failed: i, locked_until: None });
            assert_eq!(p.check_allowed(s, t0), Ok(()));
        }
        s = p.after_failure(s, t0);
        assert_eq!(s.locked_until, Some(t("2026-11-22T09:05:00+07:00")));
        let e = p.check_allowed(s, t("2026-11-22T09:00:30+07:00")).unwrap_err();
        assert_eq!(e, AuthError::Locked { until: t("2026-11-22T09:05:00+07:00"), minutes: 5 });
        assert_eq!(e.args(), args![("minutes", 5i64)]);
        assert_eq!(p.check_allowed(s, t("2026-11-22T09:04:59+07:00")).unwrap_err().args(), args![("minutes", 1i64)]);
        // Unlocked when the period ends, exactly.
        assert_eq!(p.check_allowed(s, t("2026-11-22T09:05:00+07:00")), Ok(()));
        // Each further failure locks again, twice as long, up to an hour.
        let mut now = t("2026-11-22T09:05:00+07:00");
        for minutes in [10, 20, 40, 60, 60] {
            s = p.after_failure(s, now);
            assert_eq!(s.locked_until, Some(now + TimeDelta::minutes(minutes)));
            now = s.locked_until.unwrap();
        }
        // Many more failures never overflow.
        let s = p.after_failure(Lockout { failed: u32::MAX, locked_until: None }, now);
        assert_eq!(s.locked_until, Some(now + TimeDelta::hours(1)));
        // A correct PIN forgives everything.
        assert_eq!(after_success(s), Lockout::default());
        assert_eq!(after_failure(Lockout::default(), now).failed, 1);
        assert_eq!(check_allowed(Lockout::default(), now), Ok(()));
    }

    #[test]
    fn a_lock_holds_when_the_clock_goes_back() {
        let s = after_failure(Lockout { failed: 4, locked_until: None }, t("2026-11-22T09:00:00+07:00"));
        assert!(check_allowed(s, t("2026-11-22T08:00:00+07:00")).is_err());
        // Offsets do not matter: the same instant in UTC.
        assert!(check_allowed(s, t("2026-11-22T02:04:00Z")).is_err());
        assert!(check_allowed(s, t("2026-11-22T02:05:00Z")).is_ok());
    }

    #[test]
    fn idle_sign_out() {
        let t0 = t("2026-11-22T09:00:00+07:00");
        let mut s = Session::new(Uuid::from_u128(1), Role::Cashier, t0);
        let idle = Session::default_idle();
        assert!(!s.is_expired(t0 + TimeDelta::seconds(299), idle));
        assert!(s.is_expired(t0 + TimeDelta::seconds(300), idle));
        assert!(!s.is_expired(t0 - TimeDelta::hours(1), idle), "a clock set back signs nobody out");
        assert!(!s.is_expired(t0 + TimeDelta::minutes(9), TimeDelta::minutes(10)), "configurable");
        s.touch(t0 + TimeDelta::minutes(4), idle).unwrap();
        assert!(!s.is_expired(t0 + TimeDelta::minutes(8), idle));
        s.touch(t0, idle).unwrap();
        assert_eq!(s.last_activity, t0 + TimeDelta::minutes(4), "activity never moves back");
        let e = s.touch(t0 + TimeDelta::minutes(9), idle).unwrap_err();
        assert_eq!((e.code(), e.args()), ("err-auth-session-expired", args![("minutes", 5i64)]));
        assert_eq!(s.require(Action::RingSale), Ok(()));
        assert_eq!(s.require(Action::ApproveVoid).unwrap_err().code(), "err-auth-not-allowed");
    }

    #[test]
    fn every_error_has_an_auth_code() {
        let errors = [
            AuthError::PinFormat { min: 4, max: 8 },
            AuthError::WrongPin,
            AuthError::Locked { until: t("2026-11-22T09:00:00+07:00"), minutes: 1 },
            AuthError::NotAllowed { role: "cashier", action: "approve-void" },
            AuthError::PinInUse,
            AuthError::BadName { max: 60 },
            AuthError::SessionExpired { minutes: 5 },
            AuthError::NoSuchStaff { id: "x".into() },
            AuthError::LastTechnician,
        ];
        for e in errors {
            assert!(e.code().starts_with("err-auth-"), "{}", e.code());
        }
    }
}
