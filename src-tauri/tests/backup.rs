//! Encrypted backups: the only way secrets leave the counter. A backup restores whole on
//! a new machine (sales, staff, secrets readable again); the file reveals no secret; a
//! wrong passphrase or an occupied directory restores nothing.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/demo-menu.json");
const TECH: &str = "2468";
const SECRET: &str = "hub-key1-super-secret-0123456789";
const PASSPHRASE: &str = "correct horse battery staple";

fn quay(d: &Path, pin: Option<&str>, args: &[&str], stdin: &str) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quay"));
    cmd.arg("--data-dir").arg(d).args(args).env_remove("QUAY_PIN").env("QUAY_LOG", "error");
    if let Some(p) = pin {
        cmd.env("QUAY_PIN", p);
    }
    let mut child = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn ok(d: &Path, pin: Option<&str>, args: &[&str], stdin: &str) -> String {
    let out = quay(d, pin, args, stdin);
    assert!(out.status.success(), "quay {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_backup_restores_whole_and_reveals_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("counter");
    ok(&d, None, &["menu", "import", DEMO], "");
    ok(&d, None, &["config", "set", "hub.key1", "-"], &format!("{SECRET}\n"));
    ok(&d, None, &["sales", "ring", "i-phobo", "--pay", "cash"], "");
    ok(&d, None, &["staff", "add", "--name", "Tech", "--role", "technician"], &format!("{TECH}\n"));

    let file = dir.path().join("counter.quaybak");
    let f = file.to_str().unwrap();
    assert!(!quay(&d, None, &["backup", "create", f], &format!("{PASSPHRASE}\n")).status.success(), "a technician's PIN is needed");
    let short = quay(&d, Some(TECH), &["backup", "create", f], "short\n");
    assert!(!short.status.success() && String::from_utf8_lossy(&short.stderr).contains("12"));
    ok(&d, Some(TECH), &["backup", "create", f], &format!("{PASSPHRASE}\n"));
    let bytes = std::fs::read(&file).unwrap();
    let key = std::fs::read(d.join("secret.key")).unwrap();
    assert!(!bytes.windows(SECRET.len()).any(|w| w == SECRET.as_bytes()), "no secret in clear");
    assert!(!bytes.windows(key.len()).any(|w| w == key.as_slice()), "not the key in clear");
    assert!(!bytes.windows(8).any(|w| w == b"SQLite f"), "not the database in clear");

    // A wrong passphrase restores nothing.
    let target = dir.path().join("restored");
    let t = &target;
    let wrong = quay(t, None, &["backup", "restore", f], "not the passphrase at all\n");
    assert_eq!(wrong.status.code(), Some(1));
    assert!(!target.join("quay.db").exists(), "nothing written");
    // The right one restores everything, secrets readable with the restored key.
    ok(t, None, &["backup", "restore", f], &format!("{PASSPHRASE}\n"));
    let store = quay_store::Store::open(&target.join("quay.db")).unwrap();
    assert_eq!(store.secret("hub.key1").unwrap().as_deref(), Some(SECRET));
    assert_eq!(store.staff_count().unwrap(), 1);
    drop(store);
    let sales = ok(t, Some(TECH), &["audit", "verify"], "");
    assert!(sales.contains("intact"), "{sales}");
    // Restoring over a counter is refused.
    let again = quay(t, None, &["backup", "restore", f], &format!("{PASSPHRASE}\n"));
    assert_eq!(again.status.code(), Some(1));
}
