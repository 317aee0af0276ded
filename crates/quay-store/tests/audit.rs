//! The audit log: append-only by triggers, and hash-chained so that someone with sqlite
//! access who drops the triggers and edits, deletes or reorders rows is named by
//! `verify` at the first bad row. The chain is recomputed here independently (the format
//! an outside verifier would implement).

use chrono::{DateTime, FixedOffset, TimeDelta};
use quay_core::Localized;
use quay_store::{audit_append, mask, AuditEntry, AuditError, BrokenReason, Store, GENESIS, MASKED};
use rusqlite::Connection;
use sha2::{Digest, Sha256};

fn t0() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-22T09:00:00+07:00").unwrap()
}

fn entry(i: i64) -> AuditEntry {
    AuditEntry::new(t0() + TimeDelta::seconds(i), "staff-1", "setting.change", &format!("key-{}", i % 7))
        .change((i % 3 != 0).then(|| format!("old {i}")), Some(format!("new \"{i}\" ✓")))
}

struct Log {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
}

impl Log {
    fn store(&self) -> Store {
        Store::open(&self.path).unwrap()
    }

    /// A raw connection with the triggers dropped: the attacker.
    fn attacker(&self) -> Connection {
        let c = Connection::open(&self.path).unwrap();
        c.execute_batch("DROP TRIGGER IF EXISTS audit_log_u; DROP TRIGGER IF EXISTS audit_log_d; DROP TRIGGER IF EXISTS audit_log_chain;")
            .unwrap();
        c
    }
}

fn log_of(n: i64) -> Log {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quay.db");
    let mut s = Store::open(&path).unwrap();
    for i in 1..=n {
        s.audit(&entry(i)).unwrap();
    }
    Log { _dir: dir, path }
}

fn broken(r: Result<usize, AuditError>) -> (i64, BrokenReason) {
    match r {
        Err(AuditError::Broken { seq, reason }) => (seq, reason),
        other => panic!("expected a broken chain, got {other:?}"),
    }
}

/// sha256(prev_hash ‖ JSON [seq, at, actor, action, subject, before, after]), lowercase hex.
fn rehash(c: &Connection, seq: i64) -> String {
    let (at, actor, action, subject, before, after, prev): (String, String, String, String, Option<String>, Option<String>, String) = c
        .query_row("SELECT at, actor, action, subject, before, after, prev_hash FROM audit_log WHERE seq = ?1", [seq], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?))
        })
        .unwrap();
    let canonical = serde_json::json!([seq, at, actor, action, subject, before, after]).to_string();
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(canonical.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn many_entries_verify_and_the_chain_is_recomputable() {
    let log = log_of(300);
    let s = log.store();
    assert_eq!(s.audit_verify().unwrap(), 300);
    let rows = s.audit_entries(1, 1000).unwrap();
    assert_eq!(rows.len(), 300);
    assert_eq!(rows[0].prev_hash, GENESIS);
    assert_eq!(rows[0].at, "2026-11-22T09:00:01+07:00");
    for w in rows.windows(2) {
        assert_eq!(w[1].prev_hash, w[0].hash);
        assert_eq!(w[1].seq, w[0].seq + 1);
    }
    for r in &rows {
        assert_eq!(rehash(s.conn(), r.seq), r.hash, "seq {}", r.seq);
    }
    assert_eq!(s.audit_head().unwrap(), Some((300, rows[299].hash.clone())));
    assert_eq!(s.audit_entries(299, 10).unwrap().len(), 2);
    let empty = Store::open_in_memory().unwrap();
    assert_eq!((empty.audit_verify().unwrap(), empty.audit_head().unwrap()), (0, None));
}

#[test]
fn triggers_refuse_edits_deletes_and_rows_that_do_not_continue_the_chain() {
    let log = log_of(3);
    let s = log.store();
    let c = s.conn();
    assert!(c.execute("UPDATE audit_log SET after = 'x' WHERE seq = 2", []).is_err());
    assert!(c.execute("DELETE FROM audit_log WHERE seq = 3", []).is_err());
    let head = s.audit_head().unwrap().unwrap().1;
    let insert = "INSERT INTO audit_log(seq, at, actor, action, subject, prev_hash, hash) VALUES (?1, 't', 'a', 'b', 'c', ?2, 'h')";
    assert!(c.execute(insert, rusqlite::params![5, head]).is_err(), "a gap");
    assert!(c.execute(insert, rusqlite::params![4, GENESIS]).is_err(), "a fork");
    assert_eq!(s.audit_verify().unwrap(), 3);
}

#[test]
fn an_entry_lives_and_dies_with_its_transaction() {
    let log = log_of(2);
    let s = log.store();
    {
        let tx = s.conn().unchecked_transaction().unwrap();
        tx.execute("INSERT INTO settings(key, value) VALUES ('store.name', 'Phở 24')", []).unwrap();
        audit_append(&tx, &AuditEntry::new(t0(), "staff-1", "setting.change", "store.name").change(None, Some("Phở 24".into()))).unwrap();
        // Dropped without commit: the change and its entry vanish together.
    }
    assert_eq!((s.setting("store.name").unwrap(), s.audit_verify().unwrap()), (None, 2));
    let tx = s.conn().unchecked_transaction().unwrap();
    tx.execute("INSERT INTO settings(key, value) VALUES ('store.name', 'Phở 24')", []).unwrap();
    let r = audit_append(&tx, &AuditEntry::new(t0(), "staff-1", "setting.change", "store.name")).unwrap();
    tx.commit().unwrap();
    assert_eq!((r.seq, s.audit_verify().unwrap()), (3, 3));
}

#[test]
fn secrets_are_masked_whole() {
    assert_eq!(mask("hub-key-0123456789abcdef"), MASKED);
    assert_eq!(mask(""), "********", "not even the length shows");
}

#[test]
fn an_edited_row_is_named() {
    let log = log_of(20);
    log.attacker().execute("UPDATE audit_log SET after = 'new \"10\" ✗' WHERE seq = 10", []).unwrap();
    let e = log.store().audit_verify().unwrap_err();
    assert_eq!(e.code(), "err-audit-broken");
    assert_eq!(format!("{:?}", e.args()), r#"[("seq", Int(10)), ("reason", Text("altered"))]"#);
    // Every column counts, including the ones that can be NULL.
    for (seq, sql) in [
        (4, "UPDATE audit_log SET before = NULL WHERE seq = 4"),
        (3, "UPDATE audit_log SET before = '' WHERE seq = 3"),
        (5, "UPDATE audit_log SET at = '2026-11-22T09:00:05+07:00 ' WHERE seq = 5"),
        (7, "UPDATE audit_log SET actor = 'staff-2' WHERE seq = 7"),
    ] {
        let log = log_of(8);
        log.attacker().execute(sql, []).unwrap();
        assert_eq!(broken(log.store().audit_verify()), (seq, BrokenReason::Altered), "{sql}");
    }
}

#[test]
fn a_deleted_row_is_a_gap() {
    let log = log_of(20);
    log.attacker().execute("DELETE FROM audit_log WHERE seq = 10", []).unwrap();
    assert_eq!(broken(log.store().audit_verify()), (11, BrokenReason::Gap));
    // Renumbering the rest to hide the gap breaks the link instead.
    let c = log.attacker();
    c.execute("UPDATE audit_log SET seq = seq - 1 WHERE seq > 10", []).unwrap();
    assert_eq!(broken(log.store().audit_verify()), (10, BrokenReason::Link));
    // The first rows gone: the chain must start at 1.
    let log = log_of(5);
    log.attacker().execute("DELETE FROM audit_log WHERE seq = 1", []).unwrap();
    assert_eq!(broken(log.store().audit_verify()), (2, BrokenReason::Gap));
}

#[test]
fn a_row_rehashed_consistently_breaks_the_next_link() {
    let log = log_of(20);
    let c = log.attacker();
    c.execute("UPDATE audit_log SET after = 'forged' WHERE seq = 10", []).unwrap();
    let h = rehash(&c, 10);
    c.execute("UPDATE audit_log SET hash = ?1 WHERE seq = 10", [h]).unwrap();
    assert_eq!(broken(log.store().audit_verify()), (11, BrokenReason::Link));
    // Only rewriting the whole rest of the chain hides it, which an anchor taken before
    // catches.
    let log = log_of(20);
    let (seq, hash) = log.store().audit_head().unwrap().unwrap();
    let c = log.attacker();
    c.execute("UPDATE audit_log SET after = 'forged' WHERE seq = 10", []).unwrap();
    for k in 10..=20 {
        if k > 10 {
            c.execute("UPDATE audit_log SET prev_hash = (SELECT hash FROM audit_log WHERE seq = ?1) WHERE seq = ?2", [k - 1, k]).unwrap();
        }
        let h = rehash(&c, k);
        c.execute("UPDATE audit_log SET hash = ?1 WHERE seq = ?2", rusqlite::params![h, k]).unwrap();
    }
    let s = log.store();
    assert_eq!(s.audit_verify().unwrap(), 20, "a fully rewritten suffix is consistent on its own");
    assert_eq!(broken(s.audit_verify_anchor(seq, &hash)), (20, BrokenReason::Anchor));
}

#[test]
fn reordered_rows_are_caught() {
    // Swap the content of rows 5 and 6 (keeping seq order and hashes where they were).
    let log = log_of(10);
    let c = log.attacker();
    c.execute_batch(
        "UPDATE audit_log SET seq = 100 WHERE seq = 5;
         UPDATE audit_log SET seq = 5 WHERE seq = 6;
         UPDATE audit_log SET seq = 6 WHERE seq = 100;",
    )
    .unwrap();
    assert_eq!(broken(log.store().audit_verify()), (5, BrokenReason::Link));
    // Swap only the payloads: the hash covers seq and content.
    let log = log_of(10);
    let c = log.attacker();
    c.execute_batch(
        "CREATE TEMP TABLE a AS SELECT * FROM audit_log WHERE seq IN (5, 6);
         UPDATE audit_log SET after = (SELECT after FROM a WHERE seq = 6), at = (SELECT at FROM a WHERE seq = 6) WHERE seq = 5;
         UPDATE audit_log SET after = (SELECT after FROM a WHERE seq = 5), at = (SELECT at FROM a WHERE seq = 5) WHERE seq = 6;",
    )
    .unwrap();
    assert_eq!(broken(log.store().audit_verify()), (5, BrokenReason::Altered));
}

#[test]
fn a_cut_tail_is_caught_by_the_anchor_only() {
    let log = log_of(20);
    let (seq, hash) = log.store().audit_head().unwrap().unwrap();
    assert_eq!(log.store().audit_verify_anchor(seq, &hash).unwrap(), 20);
    log.attacker().execute("DELETE FROM audit_log WHERE seq > 17", []).unwrap();
    let s = log.store();
    assert_eq!(s.audit_verify().unwrap(), 17, "the chain alone cannot see a cut tail");
    assert_eq!(broken(s.audit_verify_anchor(seq, &hash)), (20, BrokenReason::Anchor));
}
