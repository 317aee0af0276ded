//! Bank virtual POS (issue 17, seed 001): the definitions (one per bank agreement; the
//! secret credential fields live encrypted in `secrets` as `vpos.<name>.<field>`), what a
//! virtual POS payment adds to its row of the payment journal (the definition, how it was
//! taken, the reference, the bank's error code; never a card number), and the day-end
//! comparison's inputs: the bank's list of the day and the transactions a manager entered
//! by hand.

use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use crate::{Result, Store};

pub const MIGRATION: &str = "CREATE TABLE vpos_definitions (
        name       TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 24),
        kind       TEXT NOT NULL CHECK (kind IN ('nestpay', 'garanti', 'posnet')),
        mode       TEXT NOT NULL CHECK (mode IN ('test', 'production')),
        api_url    TEXT NOT NULL,
        gate_url   TEXT,
        currency   TEXT NOT NULL,
        three_d    TEXT NOT NULL CHECK (three_d IN ('required', 'optional')),
        static_ip  TEXT,
        fields     TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE vpos_payments (
        key             TEXT PRIMARY KEY REFERENCES payments(key),
        definition      TEXT NOT NULL,
        channel         TEXT NOT NULL CHECK (channel IN ('moto', 'link', 'void', 'refund')),
        reference       TEXT NOT NULL,
        phone           TEXT,
        note            TEXT,
        error_code      TEXT,
        md_status       TEXT,
        link            TEXT,
        link_expires_at TEXT,
        masked_pan      TEXT,
        brand           TEXT
    ) STRICT;
    CREATE TRIGGER vpos_payments_d BEFORE DELETE ON vpos_payments BEGIN SELECT RAISE(ABORT, 'payments are never deleted'); END;
    CREATE TABLE vpos_bank_lines (
        day        TEXT NOT NULL,
        definition TEXT NOT NULL,
        order_id   TEXT NOT NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('sale', 'void', 'refund')),
        amount     INTEGER NOT NULL CHECK (amount >= 0),
        currency   TEXT NOT NULL,
        at         TEXT NOT NULL,
        auth_code  TEXT,
        code       TEXT,
        source     TEXT NOT NULL CHECK (source IN ('report', 'file')),
        fetched_at TEXT NOT NULL,
        seq        INTEGER NOT NULL,
        PRIMARY KEY (day, definition, seq)
    ) STRICT;
    CREATE TABLE vpos_hand_entries (
        id         INTEGER PRIMARY KEY,
        day        TEXT NOT NULL,
        definition TEXT NOT NULL,
        order_id   TEXT NOT NULL,
        amount     INTEGER NOT NULL CHECK (amount > 0),
        currency   TEXT NOT NULL,
        reason     TEXT NOT NULL CHECK (length(reason) > 0),
        entered_by TEXT NOT NULL,
        at         TEXT NOT NULL,
        UNIQUE (day, definition, order_id)
    ) STRICT;";

/// A definition as stored: everything but the secret fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefinitionRow {
    pub name: String,
    pub kind: String,
    pub mode: String,
    pub api_url: String,
    pub gate_url: Option<String>,
    pub currency: String,
    pub three_d: String,
    pub static_ip: Option<String>,
    /// The non-secret credential fields, by name.
    pub fields: std::collections::BTreeMap<String, String>,
    pub created_at: String,
    pub updated_at: String,
}

/// What a virtual POS payment adds to its journal row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VposExtra {
    pub definition: String,
    /// `moto`, `link` (a sale), `void`, `refund` (paying one back).
    pub channel: String,
    pub reference: String,
    pub phone: Option<String>,
    pub note: Option<String>,
    pub error_code: Option<String>,
    pub md_status: Option<String>,
    pub link: Option<String>,
    pub link_expires_at: Option<String>,
    /// The typed card, masked (first 6, last 4), journaled before the bank hears of it:
    /// a payment settled after a crash still names its card.
    pub masked_pan: Option<String>,
    pub brand: Option<String>,
}

/// One line of the bank's list of a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankLineRow {
    pub order_id: String,
    pub kind: String,
    pub amount: i64,
    pub currency: String,
    pub at: String,
    pub auth_code: Option<String>,
    pub code: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandEntry {
    pub order_id: String,
    pub amount: i64,
    pub currency: String,
    pub reason: String,
    pub entered_by: String,
    pub at: String,
}

fn definition(r: &Row) -> rusqlite::Result<DefinitionRow> {
    let fields: String = r.get(8)?;
    Ok(DefinitionRow {
        name: r.get(0)?,
        kind: r.get(1)?,
        mode: r.get(2)?,
        api_url: r.get(3)?,
        gate_url: r.get(4)?,
        currency: r.get(5)?,
        three_d: r.get(6)?,
        static_ip: r.get(7)?,
        fields: serde_json::from_str(&fields).unwrap_or_default(),
        created_at: r.get(9)?,
        updated_at: r.get(10)?,
    })
}

const DEF_COLUMNS: &str = "name, kind, mode, api_url, gate_url, currency, three_d, static_ip, fields, created_at, updated_at";

/// The secret field `field` of definition `name`, as `secrets` keys it.
pub fn secret_key(name: &str, field: &str) -> String {
    format!("vpos.{name}.{field}")
}

/// Writes the side row of a virtual POS payment (called inside `begin_payment_with`).
pub fn insert_extra(tx: &Transaction, key: &str, x: &VposExtra) -> Result<()> {
    tx.execute(
        "INSERT INTO vpos_payments(key, definition, channel, reference, phone, note, error_code, md_status, link, link_expires_at, masked_pan, brand)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![key, x.definition, x.channel, x.reference, x.phone, x.note, x.error_code, x.md_status, x.link, x.link_expires_at, x.masked_pan, x.brand],
    )?;
    Ok(())
}

impl Store {
    pub fn vpos_definitions(&self) -> Result<Vec<DefinitionRow>> {
        let mut stmt = self.conn.prepare_cached(&format!("SELECT {DEF_COLUMNS} FROM vpos_definitions ORDER BY name"))?;
        let rows = stmt.query_map([], definition)?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    pub fn vpos_definition(&self, name: &str) -> Result<Option<DefinitionRow>> {
        Ok(self.conn.query_row(&format!("SELECT {DEF_COLUMNS} FROM vpos_definitions WHERE name = ?1"), [name], definition).optional()?)
    }

    /// Adds or replaces a definition (renamed from `original` when it differs), its
    /// secrets (only those given: an absent one is kept, moved with a rename) and the
    /// audit row, in one transaction. Secrets reach the audit as `********`.
    pub fn vpos_save(
        &self,
        original: Option<&str>,
        row: &DefinitionRow,
        secrets: &[(String, String)],
        secret_fields: &[&str],
        audit: &crate::AuditEntry,
    ) -> Result<()> {
        let tx = self.conn.unchecked_transaction()?;
        if let Some(old) = original.filter(|o| *o != row.name) {
            for f in secret_fields {
                if let Some(v) = self.secret(&secret_key(old, f))? {
                    self.set_secret(&secret_key(&row.name, f), &v)?;
                    self.delete_secret(&secret_key(old, f))?;
                }
            }
            tx.execute("DELETE FROM vpos_definitions WHERE name = ?1", [old])?;
        }
        tx.execute(
            &format!(
                "INSERT INTO vpos_definitions({DEF_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                 ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, mode = excluded.mode, api_url = excluded.api_url,
                   gate_url = excluded.gate_url, currency = excluded.currency, three_d = excluded.three_d,
                   static_ip = excluded.static_ip, fields = excluded.fields, updated_at = excluded.updated_at"
            ),
            params![
                row.name,
                row.kind,
                row.mode,
                row.api_url,
                row.gate_url,
                row.currency,
                row.three_d,
                row.static_ip,
                serde_json::to_string(&row.fields).unwrap_or_default(),
                row.created_at,
                row.updated_at
            ],
        )?;
        for (field, value) in secrets {
            self.set_secret(&secret_key(&row.name, field), value)?;
        }
        crate::audit_append(&tx, audit)?;
        tx.commit()?;
        Ok(())
    }

    /// Removes a definition and its secrets (its payments stay in the journal), audited.
    pub fn vpos_remove(&self, name: &str, secret_fields: &[&str], audit: &crate::AuditEntry) -> Result<bool> {
        let tx = self.conn.unchecked_transaction()?;
        let n = tx.execute("DELETE FROM vpos_definitions WHERE name = ?1", [name])?;
        if n == 0 {
            return Ok(false);
        }
        for f in secret_fields {
            self.delete_secret(&secret_key(name, f))?;
        }
        crate::audit_append(&tx, audit)?;
        tx.commit()?;
        Ok(true)
    }

    pub fn vpos_extra(&self, key: &str) -> Result<Option<VposExtra>> {
        Ok(self
            .conn
            .query_row(
                "SELECT definition, channel, reference, phone, note, error_code, md_status, link, link_expires_at, masked_pan, brand
                 FROM vpos_payments WHERE key = ?1",
                [key],
                |r| {
                    Ok(VposExtra {
                        definition: r.get(0)?,
                        channel: r.get(1)?,
                        reference: r.get(2)?,
                        phone: r.get(3)?,
                        note: r.get(4)?,
                        error_code: r.get(5)?,
                        md_status: r.get(6)?,
                        link: r.get(7)?,
                        link_expires_at: r.get(8)?,
                        masked_pan: r.get(9)?,
                        brand: r.get(10)?,
                    })
                },
            )
            .optional()?)
    }

    /// Writes the side row of an attempt that has none yet (a sale's payment, journaled
    /// by the checkout before the virtual POS adapter sees it); an existing row keeps what
    /// it has but takes the channel (a cancel decided as void or refund) and the card.
    pub fn vpos_extra_ensure(&self, key: &str, x: &VposExtra) -> Result<()> {
        self.conn.execute(
            "INSERT INTO vpos_payments(key, definition, channel, reference, phone, note, error_code, md_status, link, link_expires_at, masked_pan, brand)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
             ON CONFLICT(key) DO UPDATE SET channel = excluded.channel,
               masked_pan = coalesce(vpos_payments.masked_pan, excluded.masked_pan), brand = coalesce(vpos_payments.brand, excluded.brand)",
            params![key, x.definition, x.channel, x.reference, x.phone, x.note, x.error_code, x.md_status, x.link, x.link_expires_at, x.masked_pan, x.brand],
        )?;
        Ok(())
    }

    /// Notes the bank's error code and 3-D status of an attempt.
    pub fn vpos_note_answer(&self, key: &str, error_code: Option<&str>, md_status: Option<&str>) -> Result<()> {
        self.conn.execute(
            "UPDATE vpos_payments SET error_code = coalesce(?2, error_code), md_status = coalesce(?3, md_status) WHERE key = ?1",
            params![key, error_code, md_status],
        )?;
        Ok(())
    }

    /// Notes the payment link of an attempt (journaled before it is shown to anyone).
    pub fn vpos_note_link(&self, key: &str, link: &str, expires_at: &str) -> Result<()> {
        self.conn.execute("UPDATE vpos_payments SET link = ?2, link_expires_at = ?3 WHERE key = ?1", params![key, link, expires_at])?;
        Ok(())
    }

    /// Replaces the bank's list of `day` for `definition` (the latest list is the bank's word).
    pub fn vpos_bank_lines_replace(&self, day: &str, definition: &str, source: &str, lines: &[BankLineRow], at: &str) -> Result<()> {
        let tx = self.conn.unchecked_transaction()?;
        tx.execute("DELETE FROM vpos_bank_lines WHERE day = ?1 AND definition = ?2", params![day, definition])?;
        for (seq, l) in lines.iter().enumerate() {
            tx.execute(
                "INSERT INTO vpos_bank_lines(day, definition, order_id, kind, amount, currency, at, auth_code, code, source, fetched_at, seq)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![day, definition, l.order_id, l.kind, l.amount, l.currency, l.at, l.auth_code, l.code, source, at, seq as i64],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The bank's list of `day` for `definition` and where it came from (`report`/`file`).
    pub fn vpos_bank_lines(&self, day: &str, definition: &str) -> Result<(Option<String>, Vec<BankLineRow>)> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT order_id, kind, amount, currency, at, auth_code, code, source FROM vpos_bank_lines
             WHERE day = ?1 AND definition = ?2 ORDER BY seq",
        )?;
        let mut source = None;
        let rows = stmt
            .query_map(params![day, definition], |r| {
                Ok((
                    BankLineRow {
                        order_id: r.get(0)?,
                        kind: r.get(1)?,
                        amount: r.get(2)?,
                        currency: r.get(3)?,
                        at: r.get(4)?,
                        auth_code: r.get(5)?,
                        code: r.get(6)?,
                    },
                    r.get::<_, String>(7)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let lines = rows
            .into_iter()
            .map(|(l, s)| {
                source = Some(s);
                l
            })
            .collect();
        Ok((source, lines))
    }

    /// Records a transaction the bank has and the counter lacks, entered by hand, with its audit row.
    pub fn vpos_hand_entry(&self, day: &str, definition: &str, e: &HandEntry, audit: &crate::AuditEntry) -> Result<()> {
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "INSERT INTO vpos_hand_entries(day, definition, order_id, amount, currency, reason, entered_by, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![day, definition, e.order_id, e.amount, e.currency, e.reason, e.entered_by, e.at],
        )?;
        crate::audit_append(&tx, audit)?;
        tx.commit()?;
        Ok(())
    }

    pub fn vpos_hand_entries(&self, day: &str, definition: &str) -> Result<Vec<HandEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT order_id, amount, currency, reason, entered_by, at FROM vpos_hand_entries WHERE day = ?1 AND definition = ?2 ORDER BY id",
        )?;
        let rows = stmt
            .query_map(params![day, definition], |r| {
                Ok(HandEntry {
                    order_id: r.get(0)?,
                    amount: r.get(1)?,
                    currency: r.get(2)?,
                    reason: r.get(3)?,
                    entered_by: r.get(4)?,
                    at: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Keys of the virtual POS payments of definition `name` (every kind), oldest first.
    pub fn vpos_payment_keys(&self, name: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached("SELECT key FROM vpos_payments WHERE definition = ?1 ORDER BY rowid")?;
        let rows = stmt.query_map([name], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}
