//! Encrypted backups: the only way secrets leave the counter. A backup restores whole on
//! a new machine (sales, staff, secrets readable again); the file reveals no secret; a
//! wrong passphrase or an occupied directory restores nothing.

use crate::common;

use common::*;

const TECH: &str = "2468";
const SECRET: &str = "hub-key1-super-secret-0123456789";
const PASSPHRASE: &str = "correct horse battery staple";

#[test]
fn a_backup_restores_whole_and_reveals_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("counter");
    ok_with(&d, None, &["menu", "import", DEMO], "");
    ok_with(&d, None, &["config", "set", "hub.key1", "-"], &format!("{SECRET}\n"));
    ok_with(&d, None, &["sales", "ring", "i-phobo", "--pay", "cash"], "");
    ok_with(&d, None, &["staff", "add", "--name", "Tech", "--role", "technician"], &format!("{TECH}\n"));

    let file = dir.path().join("counter.quaybak");
    let f = file.to_str().unwrap();
    assert!(!run(&d, None, &["backup", "create", f], &format!("{PASSPHRASE}\n")).status.success(), "a technician's PIN is needed");
    let short = run(&d, Some(TECH), &["backup", "create", f], "short\n");
    assert!(!short.status.success() && String::from_utf8_lossy(&short.stderr).contains("12"));
    ok_with(&d, Some(TECH), &["backup", "create", f], &format!("{PASSPHRASE}\n"));
    let bytes = std::fs::read(&file).unwrap();
    let key = std::fs::read(d.join("secret.key")).unwrap();
    assert!(!bytes.windows(SECRET.len()).any(|w| w == SECRET.as_bytes()), "no secret in clear");
    assert!(!bytes.windows(key.len()).any(|w| w == key.as_slice()), "not the key in clear");
    assert!(!bytes.windows(8).any(|w| w == b"SQLite f"), "not the database in clear");

    // A wrong passphrase restores nothing.
    let target = dir.path().join("restored");
    let t = &target;
    let wrong = run(t, None, &["backup", "restore", f], "not the passphrase at all\n");
    assert_eq!(wrong.status.code(), Some(1));
    assert!(!target.join("quay.db").exists(), "nothing written");
    // The right one restores everything, secrets readable with the restored key.
    ok_with(t, None, &["backup", "restore", f], &format!("{PASSPHRASE}\n"));
    let store = quay_store::Store::open(&target.join("quay.db")).unwrap();
    assert_eq!(store.secret("hub.key1").unwrap().as_deref(), Some(SECRET));
    assert_eq!(store.staff_count().unwrap(), 1);
    drop(store);
    let sales = ok_with(t, Some(TECH), &["audit", "verify"], "");
    assert!(sales.contains("intact"), "{sales}");
    // Restoring over a counter is refused.
    let again = run(t, None, &["backup", "restore", f], &format!("{PASSPHRASE}\n"));
    assert_eq!(again.status.code(), Some(1));
}
