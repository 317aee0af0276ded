//! Day-end records: bank batch files and their lines, the manager's settlements, the
//! terminal's closed batches, custom bank mappings and the day's close. Each change is
//! written with its audit entry in one transaction, so neither exists without the other.
//! The store keeps the day-end's values as JSON text; quay-app owns their shape.

use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

use crate::audit::{append, AuditEntry};
use crate::{Result, Store};

/// A bank file about to be recorded.
#[derive(Debug, Clone)]
pub struct NewBankImport<'a> {
    pub fingerprint: &'a str,
    pub business_date: &'a str,
    pub preset: &'a str,
    pub file_name: Option<&'a str>,
    /// Every line of the file (duplicates included).
    pub lines: usize,
    pub imported_by: &'a str,
    pub imported_at: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BankImportRecord {
    pub id: i64,
    pub fingerprint: String,
    pub business_date: String,
    pub preset: String,
    pub file_name: Option<String>,
    pub lines: i64,
    pub new_lines: i64,
    pub imported_by: String,
    pub imported_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SettlementRecord {
    pub seq: i64,
    pub business_date: String,
    pub action: String,
    pub bank_id: Option<String>,
    pub payment_id: Option<String>,
    pub reason: Option<String>,
    /// The settlement as quay-dayend serializes it.
    pub settlement: String,
    pub actor: String,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TerminalBatchRecord {
    pub seq: i64,
    pub business_date: String,
    pub terminal: String,
    /// The comparison as quay-app serializes it.
    pub result: String,
    pub closed_by: String,
    pub closed_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayCloseRecord {
    pub business_date: String,
    pub currency: String,
    pub cash_expected: i64,
    pub cash_counted: Option<i64>,
    pub cash_difference: Option<i64>,
    pub reason: Option<String>,
    pub closed_by: String,
    pub closed_at: String,
    /// The day's totals as quay-app serializes them.
    pub totals: String,
}

fn import_row(r: &Row) -> rusqlite::Result<BankImportRecord> {
    Ok(BankImportRecord {
        id: r.get(0)?,
        fingerprint: r.get(1)?,
        business_date: r.get(2)?,
        preset: r.get(3)?,
        file_name: r.get(4)?,
        lines: r.get(5)?,
        new_lines: r.get(6)?,
        imported_by: r.get(7)?,
        imported_at: r.get(8)?,
    })
}

const IMPORT_COLUMNS: &str = "id, fingerprint, business_date, preset, file_name, lines, new_lines, imported_by, imported_at";

impl Store {
    /// The import of a file with this fingerprint, if it was imported before.
    pub fn bank_import_by_fingerprint(&self, fingerprint: &str) -> Result<Option<BankImportRecord>> {
        Ok(self
            .conn
            .query_row(&format!("SELECT {IMPORT_COLUMNS} FROM bank_imports WHERE fingerprint = ?1"), [fingerprint], import_row)
            .optional()?)
    }

    pub fn bank_imports_on(&self, day: &str) -> Result<Vec<BankImportRecord>> {
        let mut stmt =
            self.conn.prepare_cached(&format!("SELECT {IMPORT_COLUMNS} FROM bank_imports WHERE business_date = ?1 ORDER BY id"))?;
        let rows = stmt.query_map([day], import_row)?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Stable ids of every bank line imported so far (to import only what is new).
    pub fn bank_line_ids(&self) -> Result<std::collections::HashSet<String>> {
        let mut stmt = self.conn.prepare_cached("SELECT DISTINCT id FROM bank_lines")?;
        let rows = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Records a file and its new lines (`(stable id, occurrence in the file, line number,
    /// line as JSON)`) with the audit entry, in one transaction. A fingerprint seen before
    /// is refused by the schema (UNIQUE), so a file is imported at most once.
    pub fn bank_import(
        &mut self,
        imp: &NewBankImport,
        lines: &[(String, u32, u64, String)],
        audit: &AuditEntry,
    ) -> Result<BankImportRecord> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO bank_imports(fingerprint, business_date, preset, file_name, lines, new_lines, imported_by, imported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                imp.fingerprint,
                imp.business_date,
                imp.preset,
                imp.file_name,
                imp.lines as i64,
                lines.len() as i64,
                imp.imported_by,
                imp.imported_at
            ],
        )?;
        let import_id = tx.last_insert_rowid();
        {
            let mut ins =
                tx.prepare_cached("INSERT INTO bank_lines(id, occurrence, import_id, line_no, data) VALUES (?1, ?2, ?3, ?4, ?5)")?;
            for (id, occurrence, line_no, data) in lines {
                ins.execute(params![id, occurrence, import_id, *line_no as i64, data])?;
            }
        }
        append(&tx, audit)?;
        let rec = tx.query_row(&format!("SELECT {IMPORT_COLUMNS} FROM bank_imports WHERE id = ?1"), [import_id], import_row)?;
        tx.commit()?;
        Ok(rec)
    }

    /// The bank lines imported for a business day, as JSON, in import then file order,
    /// each with the id of its import.
    pub fn bank_lines_on(&self, day: &str) -> Result<Vec<(i64, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT l.import_id, l.data FROM bank_lines l JOIN bank_imports i ON i.id = l.import_id
             WHERE i.business_date = ?1 ORDER BY l.import_id, l.line_no, l.rowid",
        )?;
        let rows = stmt.query_map([day], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Appends a manager's settlement with its audit entry, in one transaction.
    #[allow(clippy::too_many_arguments)]
    pub fn bank_settle(
        &mut self,
        day: &str,
        action: &str,
        bank_id: Option<&str>,
        payment_id: Option<&str>,
        reason: Option<&str>,
        settlement: &str,
        actor: &str,
        at: &str,
        audit: &AuditEntry,
    ) -> Result<i64> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO bank_settlements(business_date, action, bank_id, payment_id, reason, settlement, actor, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![day, action, bank_id, payment_id, reason, settlement, actor, at],
        )?;
        let seq = tx.last_insert_rowid();
        append(&tx, audit)?;
        tx.commit()?;
        Ok(seq)
    }

    /// A day's settlements, oldest first.
    pub fn bank_settlements_on(&self, day: &str) -> Result<Vec<SettlementRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT seq, business_date, action, bank_id, payment_id, reason, settlement, actor, at
             FROM bank_settlements WHERE business_date = ?1 ORDER BY seq",
        )?;
        let rows = stmt
            .query_map([day], |r| {
                Ok(SettlementRecord {
                    seq: r.get(0)?,
                    business_date: r.get(1)?,
                    action: r.get(2)?,
                    bank_id: r.get(3)?,
                    payment_id: r.get(4)?,
                    reason: r.get(5)?,
                    settlement: r.get(6)?,
                    actor: r.get(7)?,
                    at: r.get(8)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Saves (or replaces) a custom bank mapping, audited with the mapping before and after.
    pub fn bank_preset_save(&mut self, name: &str, preset: &str, actor: &str, at: &str, audit: &AuditEntry) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO bank_presets(name, preset, saved_by, saved_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(name) DO UPDATE SET preset = excluded.preset, saved_by = excluded.saved_by, saved_at = excluded.saved_at",
            params![name, preset, actor, at],
        )?;
        append(&tx, audit)?;
        tx.commit()?;
        Ok(())
    }

    pub fn bank_preset(&self, name: &str) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT preset FROM bank_presets WHERE name = ?1", [name], |r| r.get(0)).optional()?)
    }

    /// Saved custom mappings: (name, JSON), by name.
    pub fn bank_presets(&self) -> Result<Vec<(String, String)>> {
        let mut stmt = self.conn.prepare_cached("SELECT name, preset FROM bank_presets ORDER BY name")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Records a closed terminal batch with its audit entry.
    pub fn terminal_batch_save(
        &mut self,
        day: &str,
        terminal: &str,
        result: &str,
        actor: &str,
        at: &str,
        audit: &AuditEntry,
    ) -> Result<i64> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO terminal_batches(business_date, terminal, result, closed_by, closed_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![day, terminal, result, actor, at],
        )?;
        let seq = tx.last_insert_rowid();
        append(&tx, audit)?;
        tx.commit()?;
        Ok(seq)
    }

    /// A day's closed terminal batches, oldest first.
    pub fn terminal_batches_on(&self, day: &str) -> Result<Vec<TerminalBatchRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT seq, business_date, terminal, result, closed_by, closed_at FROM terminal_batches WHERE business_date = ?1 ORDER BY seq",
        )?;
        let rows = stmt
            .query_map([day], |r| {
                Ok(TerminalBatchRecord {
                    seq: r.get(0)?,
                    business_date: r.get(1)?,
                    terminal: r.get(2)?,
                    result: r.get(3)?,
                    closed_by: r.get(4)?,
                    closed_at: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Writes the day's close with its audit entries (the close, a cash difference), in one
    /// transaction. A day closes once: the primary key refuses a second close.
    pub fn day_close(&mut self, close: &DayCloseRecord, audits: &[AuditEntry]) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO day_closes(business_date, currency, cash_expected, cash_counted, cash_difference, reason, closed_by, closed_at, totals)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                close.business_date,
                close.currency,
                close.cash_expected,
                close.cash_counted,
                close.cash_difference,
                close.reason,
                close.closed_by,
                close.closed_at,
                close.totals
            ],
        )?;
        for a in audits {
            append(&tx, a)?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn day_close_of(&self, day: &str) -> Result<Option<DayCloseRecord>> {
        Ok(self
            .conn
            .query_row(
                "SELECT business_date, currency, cash_expected, cash_counted, cash_difference, reason, closed_by, closed_at, totals
                 FROM day_closes WHERE business_date = ?1",
                [day],
                |r| {
                    Ok(DayCloseRecord {
                        business_date: r.get(0)?,
                        currency: r.get(1)?,
                        cash_expected: r.get(2)?,
                        cash_counted: r.get(3)?,
                        cash_difference: r.get(4)?,
                        reason: r.get(5)?,
                        closed_by: r.get(6)?,
                        closed_at: r.get(7)?,
                        totals: r.get(8)?,
                    })
                },
            )
            .optional()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(action: &str) -> AuditEntry {
        AuditEntry::new(chrono::DateTime::parse_from_rfc3339("2026-11-22T20:00:00+07:00").unwrap(), "manager", action, "2026-11-22")
    }

    #[test]
    fn a_file_is_imported_once_and_its_lines_are_append_only() {
        let mut s = Store::open_in_memory().unwrap();
        let imp = NewBankImport {
            fingerprint: "fp",
            business_date: "2026-11-22",
            preset: "generic",
            file_name: Some("a.csv"),
            lines: 2,
            imported_by: "manager",
            imported_at: "t",
        };
        let lines = vec![("sale:1".to_string(), 0, 2, "{}".to_string()), ("sale:1".to_string(), 1, 3, "{}".to_string())];
        let r = s.bank_import(&imp, &lines, &entry("dayend.bank_import")).unwrap();
        assert_eq!((r.lines, r.new_lines), (2, 2));
        assert!(s.bank_import(&imp, &[], &entry("dayend.bank_import")).is_err(), "same fingerprint");
        assert_eq!(s.bank_lines_on("2026-11-22").unwrap().len(), 2);
        assert!(s.conn().execute("DELETE FROM bank_lines", []).is_err());
        assert!(s.conn().execute("UPDATE bank_imports SET lines = 0", []).is_err());
        assert_eq!(s.audit_verify().unwrap(), 1, "the failed import left no audit entry");
    }

    #[test]
    fn a_day_closes_once() {
        let mut s = Store::open_in_memory().unwrap();
        let close = DayCloseRecord {
            business_date: "2026-11-22".into(),
            currency: "VND".into(),
            cash_expected: 100,
            cash_counted: Some(90),
            cash_difference: Some(-10),
            reason: Some("change given twice".into()),
            closed_by: "manager".into(),
            closed_at: "t".into(),
            totals: "{}".into(),
        };
        s.day_close(&close, &[entry("dayend.close"), entry("dayend.cash_difference")]).unwrap();
        assert!(s.day_close(&close, &[entry("dayend.close")]).is_err());
        assert_eq!(s.day_close_of("2026-11-22").unwrap(), Some(close));
        assert!(s.conn().execute("DELETE FROM day_closes", []).is_err());
        assert_eq!(s.audit_verify().unwrap(), 2);
    }
}
