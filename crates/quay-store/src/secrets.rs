//! Secrets (partner keys, passwords) encrypted at rest with ChaCha20-Poly1305. The key is
//! never in the database: it lives in the OS keyring where there is one (the Secret
//! Service of the desktop session), else in `secret.key` beside the database, readable by
//! its owner only — so a copied database file alone reveals no secret. A key file that
//! already exists keeps precedence (a counter never loses its key by moving). The
//! setting's name is the associated data, so a ciphertext cannot be moved to another
//! setting. `QUAY_KEYRING=off` skips the keyring (headless servers, tests).

use std::io::Write;
use std::path::{Path, PathBuf};

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use rusqlite::OptionalExtension;

use crate::{Result, Store, StoreError};

pub(crate) fn key_path(db: &Path) -> PathBuf {
    db.with_file_name("secret.key")
}

fn load_or_create_key(path: &Path) -> Result<Key> {
    let err = |e: std::io::Error| StoreError::Corrupt(format!("{}: {e}", path.display()));
    match std::fs::read(path) {
        Ok(bytes) if bytes.len() == 32 => Ok(*Key::from_slice(&bytes)),
        Ok(_) => Err(StoreError::Corrupt(format!("{}: not a 32-byte key", path.display()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let mut key = [0u8; 32];
            getrandom::getrandom(&mut key).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            let mut opts = std::fs::OpenOptions::new();
            opts.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
            let mut f = opts.open(path).map_err(err)?;
            f.write_all(&key).and_then(|_| f.sync_all()).map_err(err)?;
            Ok(*Key::from_slice(&key))
        }
        Err(e) => Err(err(e)),
    }
}

/// Somewhere a counter's secrets key can live other than a file: the OS keyring.
pub trait KeyStore: Send {
    /// The stored key, `Ok(None)` when there is none yet, `Err` when the store cannot be
    /// used at all (no keyring on this machine: the key file is used instead).
    fn get(&self, account: &str) -> std::result::Result<Option<Vec<u8>>, String>;
    fn set(&self, account: &str, key: &[u8]) -> std::result::Result<(), String>;
}

/// The desktop's Secret Service (GNOME Keyring, KWallet) through the `keyring` crate.
pub struct OsKeyring;

impl KeyStore for OsKeyring {
    fn get(&self, account: &str) -> std::result::Result<Option<Vec<u8>>, String> {
        let entry = keyring::Entry::new("quay", account).map_err(|e| e.to_string())?;
        match entry.get_secret() {
            Ok(k) => Ok(Some(k)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(e.to_string()),
        }
    }

    fn set(&self, account: &str, key: &[u8]) -> std::result::Result<(), String> {
        let entry = keyring::Entry::new("quay", account).map_err(|e| e.to_string())?;
        entry.set_secret(key).map_err(|e| e.to_string())
    }
}

/// The keyring to try for a counter opened from disk, unless `QUAY_KEYRING=off`. Without
/// a desktop session bus there is no Secret Service to ask.
pub(crate) fn default_keystore() -> Option<Box<dyn KeyStore>> {
    let off = std::env::var("QUAY_KEYRING").is_ok_and(|v| v == "off" || v == "0");
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
    (!off && bus).then(|| Box::new(OsKeyring) as Box<dyn KeyStore>)
}

/// Where this counter's key lives, as `db check` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyHome {
    Keyring,
    File,
}

impl Store {
    /// The counter's 32-byte secrets key: the key file if one exists, else the keyring
    /// (created there on first use), else a new key file.
    pub(crate) fn secrets_key(&self) -> Result<(Key, KeyHome)> {
        let path = self.key_path.as_ref().ok_or_else(|| StoreError::Corrupt("an in-memory store keeps no secrets".into()))?;
        if path.exists() {
            return Ok((load_or_create_key(path)?, KeyHome::File));
        }
        if let Some(ks) = &self.keystore {
            // One entry per database: two counters on one machine keep separate keys.
            let account = format!("secrets-key:{}", path.with_file_name("quay.db").display());
            match ks.get(&account) {
                Ok(Some(k)) if k.len() == 32 => return Ok((*Key::from_slice(&k), KeyHome::Keyring)),
                Ok(Some(_)) => return Err(StoreError::Corrupt("the keyring's secrets key is not 32 bytes".into())),
                Ok(None) => {
                    let mut key = [0u8; 32];
                    getrandom::getrandom(&mut key).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                    // Stored, then read back: only a key the keyring really keeps is used.
                    if ks.set(&account, &key).is_ok() && ks.get(&account).ok().flatten().as_deref() == Some(&key[..]) {
                        tracing::info!("secrets key created in the OS keyring");
                        return Ok((*Key::from_slice(&key), KeyHome::Keyring));
                    }
                    tracing::warn!("the OS keyring did not keep the secrets key: using a key file");
                }
                Err(e) => tracing::info!(reason = %e, "no usable OS keyring: the secrets key is a file"),
            }
        }
        Ok((load_or_create_key(path)?, KeyHome::File))
    }

    pub(crate) fn cipher(&self) -> Result<ChaCha20Poly1305> {
        Ok(ChaCha20Poly1305::new(&self.secrets_key()?.0))
    }

    pub fn set_secret(&self, name: &str, value: &str) -> Result<()> {
        let cipher = self.cipher()?;
        let mut nonce = [0u8; 12];
        getrandom::getrandom(&mut nonce).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let ct = cipher
            .encrypt(Nonce::from_slice(&nonce), Payload { msg: value.as_bytes(), aad: name.as_bytes() })
            .map_err(|_| StoreError::Corrupt("encryption failed".into()))?;
        self.conn.execute(
            "INSERT INTO secrets(key, nonce, ciphertext) VALUES (?1, ?2, ?3)
             ON CONFLICT(key) DO UPDATE SET nonce = excluded.nonce, ciphertext = excluded.ciphertext",
            rusqlite::params![name, nonce.to_vec(), ct],
        )?;
        Ok(())
    }

    /// Forgets a secret (a disconnected partner's token).
    pub fn delete_secret(&self, name: &str) -> Result<()> {
        self.conn.execute("DELETE FROM secrets WHERE key = ?1", [name])?;
        Ok(())
    }

    pub fn has_secret(&self, name: &str) -> Result<bool> {
        Ok(self.conn.query_row("SELECT 1 FROM secrets WHERE key = ?1", [name], |_| Ok(())).optional()?.is_some())
    }

    /// The plaintext, for the one call that needs it (signing a request); never log it.
    pub fn secret(&self, name: &str) -> Result<Option<String>> {
        let row: Option<(Vec<u8>, Vec<u8>)> = self
            .conn
            .query_row("SELECT nonce, ciphertext FROM secrets WHERE key = ?1", [name], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((nonce, ct)) = row else { return Ok(None) };
        if nonce.len() != 12 {
            return Err(StoreError::Corrupt(format!("secret {name}: bad nonce")));
        }
        let plain = self
            .cipher()?
            .decrypt(Nonce::from_slice(&nonce), Payload { msg: &ct, aad: name.as_bytes() })
            .map_err(|_| StoreError::Corrupt(format!("secret {name} cannot be decrypted with this counter's key")))?;
        String::from_utf8(plain).map(Some).map_err(|_| StoreError::Corrupt(format!("secret {name}: not text")))
    }
}

impl Store {
    /// Sets a setting, or a secret (encrypted), and records who changed it in the audit
    /// log, in one transaction: a change is never without its record. A secret's before
    /// and after are recorded as `********`.
    pub fn configure(&self, key: &str, value: &str, secret: bool, actor: &str, at: chrono::DateTime<chrono::FixedOffset>) -> Result<()> {
        let before = if secret { self.secret(key)?.map(|_| crate::MASKED.to_string()) } else { self.setting(key)? };
        let after = if secret { crate::MASKED.to_string() } else { value.to_string() };
        let tx = self.conn.unchecked_transaction()?;
        if secret {
            self.set_secret(key, value)?;
        } else {
            self.set_setting(key, value)?;
        }
        crate::audit_append(&tx, &crate::AuditEntry::new(at, actor, "setting.set", key).change(before, Some(after)))?;
        tx.commit()?;
        Ok(())
    }
}
