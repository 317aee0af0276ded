//! Quay's durable state in one SQLite file: the menu the counter sells from (as rows,
//! `menu`), every sale and void, the receipt-number sequence and the settings.
//!
//! Invariants kept here, not by callers:
//! - a sale is written with its lines and tenders in one transaction, or not at all;
//! - rows of sales, lines and tenders are never updated or deleted (triggers refuse it);
//! - a receipt number is taken from the sequence inside the sale's own transaction, so
//!   a crash can never hand out a number twice nor leave a gap that was printed;
//! - `synchronous=FULL` in WAL mode: a sale that was reported closed survives power loss.

pub mod alipay;
mod audit;
pub mod backup;
pub mod connections;
mod dayend;
pub mod menu;
mod migrations;
pub mod nhanh;
pub mod open_order;
mod outbox;
mod payments;
pub mod print;
pub mod private;
mod sales;
pub mod secrets;
mod staff;
mod vouchers;
pub mod vpos;

use std::path::Path;

use quay_core::error::{Arg, Localized};
use quay_core::CoreError;
use rusqlite::{Connection, OptionalExtension};
use thiserror::Error;

pub use audit::{append as audit_append, mask, verify as audit_verify, AuditEntry, AuditError, AuditRecord, BrokenReason, GENESIS, MASKED};
pub use dayend::{BankImportRecord, DayCloseRecord, NewBankImport, SettlementRecord, TerminalBatchRecord};
pub use menu::{MenuMeta, StoredMenu};
pub use outbox::{Ack, OutboxEntry, OutboxStatus, Rejected};
pub use payments::{CardDetails, NewPayment, OrderIdRule, PaymentRecord};
pub use sales::{SaleRow, VoidInfo};
pub use staff::{SignInError, StaffError, StaffMember};
pub use vouchers::RedemptionRecord;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("migration: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error(transparent)]
    Domain(#[from] CoreError),
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    #[error("no sale {0}")]
    NoSuchSale(String),
    #[error(transparent)]
    Payment(#[from] quay_core::payment::PaymentError),
    #[error("a backup passphrase needs at least {min} characters")]
    BackupPassphrase { min: usize },
    #[error("not a Quay backup, damaged, or the wrong passphrase")]
    BackupUnreadable,
    #[error("{0} already holds a counter")]
    BackupTargetInUse(String),
    #[error("backup: {0}")]
    Backup(String),
    /// Nhanh: another business is connected (its id); disconnect it first.
    #[error("Nhanh business {0} is connected to this counter")]
    Conflict(String),
}

impl Localized for StoreError {
    fn code(&self) -> &'static str {
        match self {
            StoreError::Domain(e) => e.code(),
            StoreError::Payment(e) => e.code(),
            StoreError::NoSuchSale(_) => "err-no-such-sale",
            StoreError::Corrupt(_) => "err-store-corrupt",
            StoreError::Sqlite(_) | StoreError::Migration(_) => "err-store",
            StoreError::BackupPassphrase { .. } => "err-backup-passphrase",
            StoreError::BackupUnreadable => "err-backup-unreadable",
            StoreError::BackupTargetInUse(_) => "err-backup-target",
            StoreError::Backup(_) => "err-backup-io",
            StoreError::Conflict(_) => "err-nhanh-other-business",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            StoreError::Domain(e) => e.args(),
            StoreError::Payment(e) => e.args(),
            StoreError::NoSuchSale(id) => vec![("id", Arg::Text(id.clone()))],
            StoreError::BackupPassphrase { min } => vec![("min", Arg::Int(*min as i64))],
            StoreError::BackupUnreadable => vec![],
            StoreError::BackupTargetInUse(dir) => vec![("dir", Arg::Text(dir.clone()))],
            StoreError::Conflict(business) => vec![("business", Arg::Text(business.clone()))],
            other => vec![("detail", Arg::Text(other.to_string()))],
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// What `quay db check` reports.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Health {
    pub integrity: String,
    pub schema_version: usize,
    pub latest_schema_version: usize,
    pub journal_mode: String,
    pub sales: i64,
}

pub struct Store {
    conn: Connection,
    /// Where the secrets key lives (beside the database); None in memory.
    key_path: Option<std::path::PathBuf>,
    keystore: Option<Box<dyn secrets::KeyStore>>,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with_keystore(path, secrets::default_keystore())
    }

    /// Opens with a given keyring (tests use an in-memory one; `None`: key file only).
    pub fn open_with_keystore(path: &Path, keystore: Option<Box<dyn secrets::KeyStore>>) -> Result<Store> {
        let io = |p: &Path, e: std::io::Error| StoreError::Corrupt(format!("{}: {e}", p.display()));
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            private::ensure_dir(dir).map_err(|e| io(dir, e))?;
        }
        // Created 0600 before SQLite opens it: the WAL and shm files take its mode.
        private::touch(path).map_err(|e| io(path, e))?;
        let mut s = Store::init(Connection::open(path)?, Some(secrets::key_path(path)))?;
        s.keystore = keystore;
        Ok(s)
    }

    /// Where the secrets key lives (keyring or file), creating it if needed.
    pub fn key_home(&self) -> Result<secrets::KeyHome> {
        Ok(self.secrets_key()?.1)
    }

    pub fn open_in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?, None)
    }

    fn init(mut conn: Connection, key_path: Option<std::path::PathBuf>) -> Result<Store> {
        configure(&conn)?;
        migrations::migrations().to_latest(&mut conn)?;
        Ok(Store { conn, key_path, keystore: None })
    }

    /// The raw connection, for the store's own tests and benchmarks.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Every table's row count, by name: what a refused command must leave as it was.
    pub fn row_counts(&self) -> Result<Vec<(String, i64)>> {
        let mut stmt = self.conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?;
        let names: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        names
            .into_iter()
            .map(|n| {
                let count: i64 = self.conn.query_row(&format!("SELECT count(*) FROM \"{}\"", n.replace('"', "\"\"")), [], |r| r.get(0))?;
                Ok((n, count))
            })
            .collect()
    }

    pub fn health(&self) -> Result<Health> {
        let integrity: String = self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        let fk: Option<String> = self.conn.query_row("PRAGMA foreign_key_check", [], |r| r.get(0)).optional()?;
        let integrity = match fk {
            Some(table) => format!("foreign key violation in {table}"),
            None => integrity,
        };
        let journal_mode: String = self.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        let sales: i64 = self.conn.query_row("SELECT count(*) FROM sales", [], |r| r.get(0))?;
        Ok(Health {
            integrity,
            schema_version: migrations::current_version(&self.conn)?,
            latest_schema_version: migrations::LATEST,
            journal_mode,
            sales,
        })
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?)
    }

    /// Every setting whose key starts with `prefix` (not secrets), by key.
    pub fn settings_with_prefix(&self, prefix: &str) -> Result<Vec<(String, String)>> {
        let mut stmt = self.conn.prepare_cached("SELECT key, value FROM settings WHERE substr(key, 1, length(?1)) = ?1 ORDER BY key")?;
        let rows = stmt.query_map([prefix], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }
}

/// The pragmas every connection gets. WAL lets the window read while a sale commits;
/// FULL makes each commit durable on its own, which is what "closed" must mean at a till.
pub fn configure(conn: &Connection) -> Result<()> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if mode != "wal" && mode != "memory" {
        return Err(StoreError::Corrupt(format!("journal_mode is {mode}, WAL was asked")));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}
