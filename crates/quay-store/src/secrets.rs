//! Secrets (partner keys, passwords) encrypted at rest with ChaCha20-Poly1305. The key is
//! not in the database: it lives in `secret.key` beside it, readable by its owner only, so
//! a copied database file alone reveals no secret. (The staff issue moves the key to the
//! OS keyring where there is one.) The setting's name is the associated data, so a
//! ciphertext cannot be moved to another setting.

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

impl Store {
    pub(crate) fn cipher(&self) -> Result<ChaCha20Poly1305> {
        let path = self.key_path.as_ref().ok_or_else(|| StoreError::Corrupt("an in-memory store keeps no secrets".into()))?;
        Ok(ChaCha20Poly1305::new(&load_or_create_key(path)?))
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
