//! Encrypted backups: the only way secrets leave the counter. A backup holds a consistent
//! copy of the database (`VACUUM INTO`) and the counter's secrets key, encrypted together
//! under a key derived from a passphrase (argon2id), so the file alone reveals nothing and
//! a restore on a new machine can read the secrets again.
//!
//! Format: `QUAYBAK1` ‖ salt (16) ‖ nonce (12) ‖ ChaCha20-Poly1305(ciphertext of
//! `u64 LE db length ‖ db bytes ‖ 32-byte key`), the magic as associated data.

use std::io::Write;
use std::path::Path;

use argon2::Argon2;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};

use crate::{Result, Store, StoreError};

const MAGIC: &[u8; 8] = b"QUAYBAK1";
/// A passphrase shorter than this is refused: the backup travels off the counter.
pub const MIN_PASSPHRASE: usize = 12;

fn derive(passphrase: &str, salt: &[u8]) -> Result<Key> {
    let mut key = [0u8; 32];
    Argon2::default()
        .hash_password_into(passphrase.as_bytes(), salt, &mut key)
        .map_err(|e| StoreError::Backup(format!("key derivation: {e}")))?;
    Ok(*Key::from_slice(&key))
}

fn check_passphrase(passphrase: &str) -> Result<()> {
    if passphrase.chars().count() < MIN_PASSPHRASE {
        return Err(StoreError::BackupPassphrase { min: MIN_PASSPHRASE });
    }
    Ok(())
}

impl Store {
    /// The whole counter (database and secrets key) encrypted under `passphrase`.
    pub fn backup(&self, passphrase: &str) -> Result<Vec<u8>> {
        check_passphrase(passphrase)?;
        // Wherever the key lives (keyring or file), the backup carries it, encrypted.
        let secrets_key = self.secrets_key()?.0.to_vec();
        let dir = tempfile::tempdir().map_err(|e| StoreError::Backup(e.to_string()))?;
        let copy = dir.path().join("quay.db");
        self.conn.execute("VACUUM INTO ?1", [copy.to_string_lossy().as_ref()])?;
        let db = std::fs::read(&copy).map_err(|e| StoreError::Backup(e.to_string()))?;
        let mut plain = Vec::with_capacity(8 + db.len() + 32);
        plain.extend_from_slice(&(db.len() as u64).to_le_bytes());
        plain.extend_from_slice(&db);
        plain.extend_from_slice(&secrets_key);
        let (mut salt, mut nonce) = ([0u8; 16], [0u8; 12]);
        getrandom::getrandom(&mut salt).and_then(|_| getrandom::getrandom(&mut nonce)).map_err(|e| StoreError::Backup(e.to_string()))?;
        let cipher = ChaCha20Poly1305::new(&derive(passphrase, &salt)?);
        let sealed = cipher
            .encrypt(Nonce::from_slice(&nonce), Payload { msg: &plain, aad: MAGIC })
            .map_err(|_| StoreError::Backup("encryption failed".into()))?;
        let mut out = Vec::with_capacity(MAGIC.len() + 28 + sealed.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&salt);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }
}

/// Restores a backup into `data_dir`, which must hold no database yet. A wrong
/// passphrase or a damaged file writes nothing.
pub fn restore(backup: &[u8], passphrase: &str, data_dir: &Path) -> Result<()> {
    let bad = || StoreError::BackupUnreadable;
    if backup.len() < MAGIC.len() + 28 || &backup[..8] != MAGIC {
        return Err(bad());
    }
    let (salt, rest) = backup[8..].split_at(16);
    let (nonce, sealed) = rest.split_at(12);
    let cipher = ChaCha20Poly1305::new(&derive(passphrase, salt)?);
    let plain = cipher.decrypt(Nonce::from_slice(nonce), Payload { msg: sealed, aad: MAGIC }).map_err(|_| bad())?;
    if plain.len() < 8 + 32 {
        return Err(bad());
    }
    let n = u64::from_le_bytes(plain[..8].try_into().map_err(|_| bad())?) as usize;
    if plain.len() != 8 + n + 32 {
        return Err(bad());
    }
    let (db, key) = (&plain[8..8 + n], &plain[8 + n..]);
    let db_path = data_dir.join("quay.db");
    let key_path = crate::secrets::key_path(&db_path);
    if db_path.exists() || key_path.exists() {
        return Err(StoreError::BackupTargetInUse(data_dir.display().to_string()));
    }
    crate::private::ensure_dir(data_dir).map_err(|e| StoreError::Backup(e.to_string()))?;
    let write = |path: &Path, bytes: &[u8]| -> Result<()> {
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
        let mut f = opts.open(path).map_err(|e| StoreError::Backup(format!("{}: {e}", path.display())))?;
        f.write_all(bytes).and_then(|_| f.sync_all()).map_err(|e| StoreError::Backup(format!("{}: {e}", path.display())))
    };
    write(&key_path, key)?;
    write(&db_path, db)?;
    // It must open as a counter (and migrate if it came from an older version).
    Store::open(&db_path).map(|_| ())
}
