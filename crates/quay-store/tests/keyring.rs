//! Where the secrets key lives: the OS keyring when it works (no key file beside the
//! database), a key file when there is none or it fails, and an existing key file always
//! kept. The keyring here is an in-memory stand-in with the same contract.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use quay_store::secrets::{KeyHome, KeyStore};
use quay_store::Store;

#[derive(Clone, Default)]
struct MemoryKeyring(Arc<Mutex<HashMap<String, Vec<u8>>>>);

impl KeyStore for MemoryKeyring {
    fn get(&self, account: &str) -> Result<Option<Vec<u8>>, String> {
        Ok(self.0.lock().unwrap().get(account).cloned())
    }
    fn set(&self, account: &str, key: &[u8]) -> Result<(), String> {
        self.0.lock().unwrap().insert(account.to_string(), key.to_vec());
        Ok(())
    }
}

/// A machine without a usable keyring (no session bus, locked, refused).
struct Broken;

impl KeyStore for Broken {
    fn get(&self, _: &str) -> Result<Option<Vec<u8>>, String> {
        Err("no secret service".into())
    }
    fn set(&self, _: &str, _: &[u8]) -> Result<(), String> {
        Err("no secret service".into())
    }
}

#[test]
fn the_key_lives_in_the_keyring_when_there_is_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("quay.db");
    let ring = MemoryKeyring::default();
    let s = Store::open_with_keystore(&db, Some(Box::new(ring.clone()))).unwrap();
    s.set_secret("hub.key1", "k1-secret").unwrap();
    assert_eq!(s.key_home().unwrap(), KeyHome::Keyring);
    assert!(!dir.path().join("secret.key").exists(), "no key file beside the database");
    drop(s);
    // Reopened with the same keyring: the secret reads back.
    let s = Store::open_with_keystore(&db, Some(Box::new(ring.clone()))).unwrap();
    assert_eq!(s.secret("hub.key1").unwrap().as_deref(), Some("k1-secret"));
    // Without the keyring (the database copied elsewhere) it cannot be read.
    drop(s);
    let copy = tempfile::tempdir().unwrap();
    std::fs::copy(&db, copy.path().join("quay.db")).unwrap();
    let s = Store::open_with_keystore(&copy.path().join("quay.db"), None).unwrap();
    assert!(s.secret("hub.key1").is_err(), "a copied database reveals no secret");
}

#[test]
fn without_a_keyring_the_key_is_a_private_file_and_a_file_is_never_abandoned() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("quay.db");
    let s = Store::open_with_keystore(&db, Some(Box::new(Broken))).unwrap();
    s.set_secret("hub.key1", "k1-secret").unwrap();
    assert_eq!(s.key_home().unwrap(), KeyHome::File);
    let key = dir.path().join("secret.key");
    assert!(key.exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&key).unwrap().permissions().mode() & 0o777, 0o600);
    }
    drop(s);
    // A keyring that appears later does not take over from the existing file.
    let ring = MemoryKeyring::default();
    let s = Store::open_with_keystore(&db, Some(Box::new(ring.clone()))).unwrap();
    assert_eq!(s.secret("hub.key1").unwrap().as_deref(), Some("k1-secret"));
    assert_eq!(s.key_home().unwrap(), KeyHome::File);
    assert!(ring.0.lock().unwrap().is_empty());
}
