mod common;

use chrono::NaiveDate;
use common::*;
use quay_core::sale::Stamp;
use quay_core::Localized;
use quay_store::{Store, VoidInfo};
use uuid::Uuid;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

#[test]
fn a_sale_round_trips_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quay.db");
    let m = menu();
    let sale = {
        let mut s = Store::open(&path).unwrap();
        ring(&mut s, &m, 5, 1, Uuid::from_u128(1))
    };
    let s = Store::open(&path).unwrap();
    assert_eq!(s.sale(sale.id).unwrap().unwrap(), sale);
    assert_eq!(sale.receipt_no, "C1-000001");
    let h = s.health().unwrap();
    assert_eq!((h.integrity.as_str(), h.journal_mode.as_str(), h.sales), ("ok", "wal", 1));
    assert_eq!(h.schema_version, h.latest_schema_version);
    let sync: i64 = s.conn().query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
    assert_eq!(sync, 2, "synchronous=FULL");
    let fk: i64 = s.conn().query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 1);
}

#[test]
fn sales_are_immutable() {
    let mut s = Store::open_in_memory().unwrap();
    let sale = ring(&mut s, &menu(), 2, 1, Uuid::from_u128(1));
    for sql in [
        "UPDATE sales SET total = 1",
        "DELETE FROM sales",
        "UPDATE sale_lines SET qty = 9",
        "DELETE FROM sale_lines",
        "UPDATE sale_tenders SET amount = 0",
        "DELETE FROM sale_tenders",
    ] {
        let err = s.conn().execute(sql, []).unwrap_err();
        assert!(err.to_string().contains("immutable"), "{sql}: {err}");
    }
    assert_eq!(s.sale(sale.id).unwrap().unwrap(), sale);
}

#[test]
fn refused_sale_writes_nothing_and_keeps_the_number() {
    let mut s = Store::open_in_memory().unwrap();
    let err = s.insert_sale("C1", |_| Err(quay_core::CoreError::EmptyCart)).unwrap_err();
    assert_eq!(err.code(), "err-empty-cart");
    assert_eq!(s.last_receipt("C1").unwrap(), 0);
    let sale = ring(&mut s, &menu(), 1, 1, Uuid::from_u128(1));
    assert_eq!(sale.receipt_no, "C1-000001");
}

#[test]
fn void_once_with_its_own_record() {
    let mut s = Store::open_in_memory().unwrap();
    let m = menu();
    let sale = ring(&mut s, &m, 3, 1, Uuid::from_u128(1));
    let info = VoidInfo { reason: "wrong order".into(), approved_by: None };
    let stamp =
        |n| move |receipt_no| Stamp { id: Uuid::from_u128(n), receipt_no, at: at("2026-11-22T10:00:00+07:00"), cashier: "Lan".into() };
    let void = s.void_sale("C1", sale.id, &info, "tester", stamp(2)).unwrap();
    assert_eq!(void.receipt_no, "C1-000002");
    assert_eq!(void.total, -sale.total);
    assert_eq!(s.sale(void.id).unwrap().unwrap(), void);
    let again = s.void_sale("C1", sale.id, &info, "tester", stamp(3)).unwrap_err();
    assert_eq!(again.code(), "err-already-voided");
    let of_void = s.void_sale("C1", void.id, &info, "tester", stamp(4)).unwrap_err();
    assert_eq!(of_void.code(), "err-void-of-void");
    let missing = s.void_sale("C1", Uuid::from_u128(99), &info, "tester", stamp(5)).unwrap_err();
    assert_eq!(missing.code(), "err-no-such-sale");
    assert_eq!(s.last_receipt("C1").unwrap(), 2, "refused voids take no number");

    let rows = s.sales_on(day()).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].sale.id, sale.id);
    assert_eq!(rows[0].voided_by, Some(void.id));
    assert_eq!(rows[1].void_reason.as_deref(), Some("wrong order"));
    assert!(s.sales_on(NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()).unwrap().is_empty());
}

#[test]
fn same_sale_id_twice_is_refused() {
    let mut s = Store::open_in_memory().unwrap();
    let m = menu();
    ring(&mut s, &m, 1, 1, Uuid::from_u128(7));
    let c = cart(&m, 1, 2);
    let due = c.totals().unwrap().total;
    let r = s.insert_sale("C1", |receipt_no| {
        quay_core::Sale::close(
            &c,
            vec![quay_core::Tender::cash(due, due)?],
            Stamp { id: Uuid::from_u128(7), receipt_no, at: at("2026-11-22T09:00:00+07:00"), cashier: "x".into() },
        )
    });
    assert!(r.is_err());
    assert_eq!(s.last_receipt("C1").unwrap(), 1, "the failed insert rolled the number back");
}

#[test]
fn every_sale_and_void_is_queued_once_and_leaves_only_on_ack() {
    use quay_store::Ack;
    let mut s = Store::open_in_memory().unwrap();
    let m = menu();
    let a = ring(&mut s, &m, 2, 1, Uuid::from_u128(1));
    let b = ring(&mut s, &m, 2, 2, Uuid::from_u128(2));
    let stamp = move |receipt_no| Stamp { id: Uuid::from_u128(3), receipt_no, at: at("2026-11-22T10:00:00+07:00"), cashier: "Lan".into() };
    let v = s.void_sale("C1", a.id, &VoidInfo { reason: "x".into(), approved_by: None }, "tester", stamp).unwrap();
    let batch = s.outbox_batch(10).unwrap();
    assert_eq!(batch.iter().map(|e| e.sale.id).collect::<Vec<_>>(), [a.id, b.id, v.id], "in the order written");
    assert_eq!(s.outbox_batch(2).unwrap().len(), 2);
    s.outbox_failed(&[a.id], "hub down").unwrap();
    assert_eq!(s.outbox_status().unwrap().last_error.as_deref(), Some("hub down"));
    s.outbox_ack(&[(a.id, Ack::Stored), (b.id, Ack::Rejected { reason: "tax_total wrong".into() })]).unwrap();
    let st = s.outbox_status().unwrap();
    assert_eq!(st.pending, 1);
    assert_eq!(st.rejected.len(), 1);
    assert_eq!((st.rejected[0].receipt_no.as_str(), st.rejected[0].reason.as_str()), ("C1-000002", "tax_total wrong"));
    s.outbox_ack(&[(v.id, Ack::Duplicate)]).unwrap();
    let st = s.outbox_status().unwrap();
    assert_eq!((st.pending, st.oldest), (0, None));
    assert!(s.outbox_batch(10).unwrap().is_empty(), "rejected sales are not resent");
}

#[test]
fn secrets_are_encrypted_at_rest_with_a_key_outside_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quay.db");
    let s = Store::open(&path).unwrap();
    s.set_secret("hub.key1", "super-secret-key1").unwrap();
    assert_eq!(s.secret("hub.key1").unwrap().as_deref(), Some("super-secret-key1"));
    assert!(s.has_secret("hub.key1").unwrap() && !s.has_secret("hub.key2").unwrap());
    assert_eq!(s.secret("hub.key2").unwrap(), None);
    drop(s);
    let raw = std::fs::read(&path).unwrap();
    let wal = std::fs::read(dir.path().join("quay.db-wal")).unwrap_or_default();
    let needle = b"super-secret-key1";
    assert!(!raw.windows(needle.len()).any(|w| w == needle) && !wal.windows(needle.len()).any(|w| w == needle), "plaintext on disk");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(dir.path().join("secret.key")).unwrap().permissions().mode() & 0o777, 0o600);
    }
    // A ciphertext moved to another setting does not decrypt.
    let s = Store::open(&path).unwrap();
    s.conn()
        .execute("INSERT INTO secrets(key, nonce, ciphertext) SELECT 'hub.key2', nonce, ciphertext FROM secrets WHERE key = 'hub.key1'", [])
        .unwrap();
    assert!(s.secret("hub.key2").is_err());
    // Without its key file the database's secrets are unreadable.
    drop(s);
    std::fs::remove_file(dir.path().join("secret.key")).unwrap();
    let s = Store::open(&path).unwrap();
    assert!(s.secret("hub.key1").is_err());
}
