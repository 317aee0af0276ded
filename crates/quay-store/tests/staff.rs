//! Staff on a real SQLite file: PINs hashed with argon2id, sign-in by PIN alone, the
//! lockouts (pad-wide for unknown PINs, per member where the member is known), unique
//! PINs among active staff, role checks for approvals, and every change audited.

use std::time::Instant;

use chrono::{DateTime, FixedOffset, TimeDelta};
use quay_core::auth::{Action, Role};
use quay_core::Localized;
use quay_store::{StaffError, StaffMember, Store, MASKED};

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

const T0: &str = "2026-11-22T09:00:00+07:00";

struct Shop {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    store: Store,
    tech: StaffMember,
    manager: StaffMember,
    cashier: StaffMember,
}

fn shop() -> Shop {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quay.db");
    let mut store = Store::open(&path).unwrap();
    let now = t(T0);
    let tech = store.add_staff("setup", "Minh", Role::Technician, "9999", now).unwrap();
    let by = tech.id.to_string();
    let manager = store.add_staff(&by, "Hoa", Role::Manager, "24680", now).unwrap();
    let cashier = store.add_staff(&by, " Lan ", Role::Cashier, "1234", now).unwrap();
    Shop { _dir: dir, path, store, tech, manager, cashier }
}

fn code<T: std::fmt::Debug>(r: Result<T, StaffError>) -> &'static str {
    r.unwrap_err().code()
}

#[test]
fn add_and_sign_in_by_pin_alone() {
    let mut s = shop();
    assert_eq!(s.store.staff_count().unwrap(), 3);
    assert_eq!((s.cashier.name.as_str(), s.cashier.role, s.cashier.active), ("Lan", Role::Cashier, true));
    let now = t("2026-11-22T09:01:00+07:00");
    assert_eq!(s.store.sign_in("1234", now).unwrap(), s.cashier);
    assert_eq!(s.store.sign_in("24680", now).unwrap(), s.manager);
    assert_eq!(s.store.sign_in("9999", now).unwrap(), s.tech);
    assert_eq!(s.store.staff_list(false).unwrap().iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["Minh", "Hoa", "Lan"]);
    assert_eq!(s.store.staff_member(s.manager.id).unwrap().as_ref(), Some(&s.manager));
    assert_eq!(s.store.staff_member(uuid::Uuid::nil()).unwrap(), None);

    // Stored as argon2id with OWASP's minimum parameters and a salt of its own; no PIN.
    let hashes: Vec<String> = {
        let mut stmt = s.store.conn().prepare("SELECT pin_hash FROM staff ORDER BY rowid").unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
    };
    for (h, pin) in hashes.iter().zip(["9999", "24680", "1234"]) {
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(!h.contains(pin));
    }
    // Adds and sign-ins are audited, and the chain holds.
    let log = s.store.audit_entries(1, 100).unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["staff.add", "staff.add", "staff.add", "sign-in", "sign-in", "sign-in"]);
    assert_eq!(log[2].after.as_deref(), Some(r#"{"name":"Lan","role":"cashier"}"#));
    assert_eq!((log[1].actor.as_str(), log[3].actor.clone()), (s.tech.id.to_string().as_str(), s.cashier.id.to_string()));
    assert_eq!(s.store.audit_verify().unwrap(), 6);
}

#[test]
fn approvals_need_the_role() {
    let mut s = shop();
    let now = t(T0);
    assert_eq!(s.store.verify_role("24680", Action::ApproveVoid, now).unwrap(), s.manager);
    assert_eq!(s.store.verify_role("1234", Action::RingSale, now).unwrap(), s.cashier);
    assert_eq!(s.store.verify_role("9999", Action::ManageStaff, now).unwrap(), s.tech);
    let e = s.store.verify_role("1234", Action::ApproveVoid, now).unwrap_err();
    assert_eq!(e.code(), "err-auth-not-allowed");
    assert_eq!(format!("{:?}", e.args()), r#"[("role", Text("cashier")), ("action", Text("approve-void"))]"#);
    assert_eq!(code(s.store.verify_role("9999", Action::ApproveRefund, now)), "err-auth-not-allowed", "a technician approves no money");
    assert_eq!(code(s.store.verify_role("24680", Action::ConfigureSettings, now)), "err-auth-not-allowed");
    // Unknown PIN at the approval box: wrong PIN, counted like a sign-in.
    assert_eq!(code(s.store.verify_role("5555", Action::ApproveVoid, now)), "err-auth-wrong-pin");
    let failed: i64 = s.store.conn().query_row("SELECT failed_attempts FROM auth_throttle", [], |r| r.get(0)).unwrap();
    assert_eq!(failed, 1);
}

#[test]
fn wrong_pins_lock_the_pad_then_it_unlocks() {
    let mut s = shop();
    let now = t(T0);
    for _ in 0..5 {
        assert_eq!(code(s.store.sign_in("0000", now)), "err-auth-wrong-pin");
    }
    // Locked: even the right PIN is not checked, so a guess cannot get through either.
    let e = s.store.sign_in("1234", t("2026-11-22T09:02:00+07:00")).unwrap_err();
    assert_eq!((e.code(), format!("{:?}", e.args())), ("err-auth-locked", r#"[("minutes", Int(3))]"#.to_string()));
    assert!(!e.to_string().contains("1234"));
    assert_eq!(code(s.store.verify_role("24680", Action::ApproveVoid, now)), "err-auth-locked");
    assert_eq!(code(s.store.add_staff("x", "New", Role::Cashier, "4321", now)), "err-auth-locked");
    // The lock is on disk: a restart does not lift it.
    drop(s.store);
    s.store = Store::open(&s.path).unwrap();
    assert_eq!(code(s.store.sign_in("1234", t("2026-11-22T09:04:59+07:00"))), "err-auth-locked");
    // Five minutes later it opens; the count stays, so the next wrong PIN locks for 10.
    let open = t("2026-11-22T09:05:00+07:00");
    assert_eq!(code(s.store.sign_in("0001", open)), "err-auth-wrong-pin");
    assert_eq!(code(s.store.sign_in("1234", open + TimeDelta::minutes(9))), "err-auth-locked");
    // A correct PIN after the lock resets the pad.
    assert_eq!(s.store.sign_in("1234", open + TimeDelta::minutes(10)).unwrap(), s.cashier);
    for _ in 0..4 {
        assert_eq!(code(s.store.sign_in("0000", open + TimeDelta::minutes(10))), "err-auth-wrong-pin");
    }
    assert_eq!(s.store.sign_in("24680", open + TimeDelta::minutes(10)).unwrap(), s.manager, "4 misses after a reset: no lock");
    let locks = s.store.audit_entries(1, 100).unwrap().into_iter().filter(|e| e.action == "pin-pad.locked").count();
    assert_eq!(locks, 2);
    assert!(s.store.audit_verify().is_ok());
}

#[test]
fn a_member_chosen_by_name_is_locked_alone() {
    let mut s = shop();
    let now = t(T0);
    for _ in 0..5 {
        assert_eq!(code(s.store.sign_in_as(s.manager.id, "1111", now)), "err-auth-wrong-pin");
    }
    let locked = s.store.staff_member(s.manager.id).unwrap().unwrap();
    assert_eq!(locked.locked_until, Some(t("2026-11-22T09:05:00+07:00")));
    // The right PIN, by name or alone, waits for the lock; other staff are not affected.
    assert_eq!(code(s.store.sign_in_as(s.manager.id, "24680", now)), "err-auth-locked");
    assert_eq!(code(s.store.sign_in("24680", now)), "err-auth-locked");
    assert_eq!(code(s.store.verify_role("24680", Action::ApproveVoid, now)), "err-auth-locked");
    assert_eq!(s.store.sign_in("1234", now).unwrap(), s.cashier);
    let later = t("2026-11-22T09:05:00+07:00");
    assert_eq!(s.store.sign_in_as(s.manager.id, "24680", later).unwrap().locked_until, None, "the lock is lifted by signing in");
    // A deactivated member's name is no way in, and gives nothing away.
    s.store.deactivate_staff(&s.tech.id.to_string(), s.cashier.id, later).unwrap();
    assert_eq!(code(s.store.sign_in_as(s.cashier.id, "1234", later)), "err-auth-wrong-pin");
    assert_eq!(code(s.store.sign_in_as(uuid::Uuid::nil(), "1234", later)), "err-auth-no-such-staff");
}

#[test]
fn pins_are_unique_among_active_staff() {
    let mut s = shop();
    let now = t(T0);
    let by = s.tech.id.to_string();
    let e = s.store.add_staff(&by, "Tuan", Role::Cashier, "1234", now).unwrap_err();
    assert_eq!(e.code(), "err-auth-pin-in-use");
    assert_eq!(s.store.staff_count().unwrap(), 3);
    // "In use" tells that someone has this PIN, so it counts like a wrong PIN.
    let failed: i64 = s.store.conn().query_row("SELECT failed_attempts FROM auth_throttle", [], |r| r.get(0)).unwrap();
    assert_eq!(failed, 1);
    assert_eq!(code(s.store.change_pin(s.cashier.id, "1234", "24680", now)), "err-auth-pin-in-use");
    // Keeping one's own PIN is not a clash; a deactivated member's PIN is free again.
    s.store.change_pin(s.cashier.id, "1234", "1234", now).unwrap();
    s.store.deactivate_staff(&by, s.cashier.id, now).unwrap();
    assert_eq!(code(s.store.sign_in("1234", now)), "err-auth-wrong-pin");
    let tuan = s.store.add_staff(&by, "Tuan", Role::Cashier, "1234", now).unwrap();
    assert_eq!(s.store.sign_in("1234", now).unwrap(), tuan);
    assert_eq!(s.store.staff_count().unwrap(), 3);
    assert_eq!(s.store.staff_list(true).unwrap().len(), 4);
    // Staff are never deleted: sales and the audit log name them.
    assert!(s.store.conn().execute("DELETE FROM staff", []).is_err());
}

#[test]
fn change_and_reset_pin() {
    let mut s = shop();
    let now = t(T0);
    assert_eq!(code(s.store.change_pin(s.cashier.id, "0000", "5678", now)), "err-auth-wrong-pin");
    assert_eq!(code(s.store.change_pin(s.cashier.id, "1234", "56", now)), "err-auth-pin-format");
    s.store.change_pin(s.cashier.id, "1234", "5678", now).unwrap();
    assert_eq!(code(s.store.sign_in("1234", now)), "err-auth-wrong-pin");
    assert_eq!(s.store.sign_in("5678", now).unwrap().id, s.cashier.id);
    // Forgotten and locked out: the technician resets the PIN, which lifts the lock.
    for _ in 0..5 {
        let _ = s.store.sign_in_as(s.cashier.id, "0000", now);
    }
    assert_eq!(code(s.store.sign_in_as(s.cashier.id, "5678", now)), "err-auth-locked");
    s.store.reset_pin(&s.tech.id.to_string(), s.cashier.id, "8765", now).unwrap();
    assert_eq!(s.store.sign_in_as(s.cashier.id, "8765", now).unwrap().locked_until, None);
    // The audit shows that the PIN changed, never to what.
    let log = s.store.audit_entries(1, 100).unwrap();
    let changes: Vec<_> = log.iter().filter(|e| e.action.starts_with("staff.pin-")).collect();
    assert_eq!(changes.len(), 2);
    for e in &changes {
        assert_eq!((e.before.as_deref(), e.after.as_deref()), (Some(MASKED), Some(MASKED)));
    }
    assert_eq!(changes[1].actor, s.tech.id.to_string());
    for pin in ["1234", "5678", "8765"] {
        let dump = format!("{log:?}");
        assert!(!dump.contains(pin), "no PIN in the audit log");
    }
}

#[test]
fn the_last_technician_stays() {
    let mut s = shop();
    let now = t(T0);
    let by = s.tech.id.to_string();
    assert_eq!(code(s.store.deactivate_staff(&by, s.tech.id, now)), "err-auth-last-technician");
    let second = s.store.add_staff(&by, "Khoa", Role::Technician, "7777", now).unwrap();
    s.store.deactivate_staff(&by, s.tech.id, now).unwrap();
    assert_eq!(code(s.store.deactivate_staff(&by, second.id, now)), "err-auth-last-technician");
    // Deactivating twice is harmless and audited once.
    s.store.deactivate_staff(&by, s.tech.id, now).unwrap();
    let n = s.store.audit_entries(1, 100).unwrap().iter().filter(|e| e.action == "staff.deactivate").count();
    assert_eq!(n, 1);
}

#[test]
fn refusals_of_bad_input_carry_no_pin() {
    let mut s = shop();
    let now = t(T0);
    for pin in ["123", "123456789", "12a4", ""] {
        let e = s.store.sign_in(pin, now).unwrap_err();
        assert_eq!(e.code(), "err-auth-pin-format");
        assert_eq!(format!("{:?}", e.args()), r#"[("min", Int(4)), ("max", Int(8))]"#);
    }
    // Format errors are typos, not guesses: they do not count.
    let rows: i64 = s.store.conn().query_row("SELECT count(*) FROM auth_throttle", [], |r| r.get(0)).unwrap();
    assert_eq!(rows, 0);
    assert_eq!(code(s.store.add_staff("x", "  ", Role::Cashier, "4444", now)), "err-auth-bad-name");
    let e = s.store.sign_in("31415926", now).unwrap_err();
    assert!(!format!("{e} {e:?}").contains("31415926"));
}

/// One argon2id verification at these parameters, for the report (debug test build with
/// dependencies at opt-level 1; release is faster). Sign-in by PIN alone costs up to one
/// verification per active member.
#[test]
fn verification_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("quay.db")).unwrap();
    let now = t(T0);
    let started = Instant::now();
    store.add_staff("setup", "Minh", Role::Manager, "9999", now).unwrap();
    let hash = started.elapsed();
    let mut best = std::time::Duration::MAX;
    for _ in 0..3 {
        let started = Instant::now();
        store.verify_role("9999", Action::ApproveVoid, now).unwrap();
        best = best.min(started.elapsed());
    }
    eprintln!("argon2id m=19456 t=2 p=1: add (hash + write) {hash:?}, one verification (best of 3) {best:?}");
}
