//! Sales on disk: written whole in one transaction, read back and re-checked.

use chrono::{DateTime, FixedOffset, NaiveDate};
use quay_core::sale::{SaleLine, SaleOption, Stamp};
use quay_core::tender::{Tender, TenderKind};
use quay_core::{CoreError, Currency, Sale, SaleStatus};
use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::Serialize;
use uuid::Uuid;

use crate::{Result, Store, StoreError};

/// Why a sale was voided and who approved it: `approved_by` is the name of the manager
/// whose PIN approved the void (None on a counter without staff, in setup). Who voided it
/// is the void record's own `cashier`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VoidInfo {
    pub reason: String,
    pub approved_by: Option<String>,
}

/// A sale as listed: the record plus, for a closed sale, the id of its void if any.
#[derive(Debug, Clone, Serialize)]
pub struct SaleRow {
    #[serde(flatten)]
    pub sale: Sale,
    pub voided_by: Option<Uuid>,
    pub void_reason: Option<String>,
    /// On a void record: the manager who approved it.
    pub approved_by: Option<String>,
}

/// `C1-000123`: the counter's code and its own sequence, zero-padded for sorting.
pub fn receipt_no(counter: &str, n: i64) -> String {
    format!("{counter}-{n:06}")
}

impl Store {
    /// Takes the counter's next receipt number and writes the sale `build` makes with it,
    /// all in one transaction. If `build` refuses (tenders short, empty cart) nothing is
    /// written and the number is not used.
    pub fn insert_sale<F>(&mut self, counter: &str, build: F) -> Result<Sale>
    where
        F: FnOnce(String) -> std::result::Result<Sale, CoreError>,
    {
        self.insert_sale_with(counter, &crate::nhanh::SaleExtras::default(), build)
    }

    /// `insert_sale` for a sale carrying a customer or rung from a Nhanh order: both are
    /// written, and queued for Nhanh when connected, in the sale's transaction.
    pub fn insert_sale_with<F>(&mut self, counter: &str, extras: &crate::nhanh::SaleExtras, build: F) -> Result<Sale>
    where
        F: FnOnce(String) -> std::result::Result<Sale, CoreError>,
    {
        let tx = self.conn.transaction()?;
        let n = next_receipt(&tx, counter)?;
        let sale = build(receipt_no(counter, n))?;
        write_sale(&tx, &sale, None)?;
        crate::outbox::enqueue(&tx, &sale)?;
        crate::alipay::enqueue_sync(&tx, &sale)?;
        crate::nhanh::enqueue(&tx, &sale, extras)?;
        crate::print::enqueue(&tx, Some(&sale.id.to_string()), &extras.print, &sale.closed_at.to_rfc3339())?;
        tx.commit()?;
        Ok(sale)
    }

    /// Writes the void record of sale `id`. A sale is voided at most once (the schema's
    /// UNIQUE `void_of` backs the check), and a void cannot itself be voided.
    /// Writes the void of sale `id` and, in the same transaction, its audit entry (`actor`
    /// approved it).
    pub fn void_sale(
        &mut self,
        counter: &str,
        id: Uuid,
        info: &VoidInfo,
        actor: &str,
        stamp: impl FnOnce(String) -> Stamp,
    ) -> Result<Sale> {
        self.void_sale_printing(counter, id, info, actor, &[], stamp)
    }

    /// `void_sale` with what the void prints (the kitchen's cancellation tickets), written
    /// in its transaction.
    pub fn void_sale_printing(
        &mut self,
        counter: &str,
        id: Uuid,
        info: &VoidInfo,
        actor: &str,
        print: &[crate::print::NewPrintJob],
        stamp: impl FnOnce(String) -> Stamp,
    ) -> Result<Sale> {
        let tx = self.conn.transaction()?;
        let original = read_sale(&tx, id)?.ok_or_else(|| StoreError::NoSuchSale(id.to_string()))?;
        let already: Option<String> = tx.query_row("SELECT id FROM sales WHERE void_of = ?1", [id.to_string()], |r| r.get(0)).optional()?;
        if already.is_some() {
            return Err(CoreError::AlreadyVoided { id: original.receipt_no }.into());
        }
        let n = next_receipt(&tx, counter)?;
        let void = original.void(stamp(receipt_no(counter, n)))?;
        write_sale(&tx, &void, Some(info))?;
        crate::outbox::enqueue(&tx, &void)?;
        crate::alipay::enqueue_sync(&tx, &void)?;
        crate::nhanh::enqueue(&tx, &void, &crate::nhanh::SaleExtras::default())?;
        crate::print::enqueue(&tx, Some(&void.id.to_string()), print, &void.closed_at.to_rfc3339())?;
        let after = serde_json::json!({ "void": void.receipt_no, "reason": info.reason, "approved_by": info.approved_by }).to_string();
        crate::audit_append(
            &tx,
            &crate::AuditEntry::new(void.closed_at, actor, "sale.void", &original.id.to_string())
                .change(Some(original.receipt_no.clone()), Some(after)),
        )?;
        tx.commit()?;
        Ok(void)
    }

    pub fn sale(&self, id: Uuid) -> Result<Option<Sale>> {
        read_sale(&self.conn, id)
    }

    /// Every sale and void of a business day, in the order they were written (rowid: clock
    /// changes and offsets cannot reorder it).
    pub fn sales_on(&self, day: NaiveDate) -> Result<Vec<SaleRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, v.id, s.void_reason, s.approved_by FROM sales s LEFT JOIN sales v ON v.void_of = s.id
             WHERE s.business_date = ?1 ORDER BY s.rowid",
        )?;
        type Listed = (String, Option<String>, Option<String>, Option<String>);
        let rows: Vec<Listed> =
            stmt.query_map([day.to_string()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect::<rusqlite::Result<_>>()?;
        rows.into_iter()
            .map(|(id, voided_by, void_reason, approved_by)| {
                let id = parse_uuid(&id)?;
                let sale = read_sale(&self.conn, id)?.ok_or_else(|| StoreError::Corrupt(format!("sale {id} vanished")))?;
                Ok(SaleRow { sale, voided_by: voided_by.as_deref().map(parse_uuid).transpose()?, void_reason, approved_by })
            })
            .collect()
    }

    /// Why a void record was made (None for a sale that is not a void).
    pub fn void_reason(&self, id: Uuid) -> Result<Option<String>> {
        Ok(self.void_info(id)?.and_then(|v| v.0))
    }

    /// A void record's reason and the manager who approved it (both None for a sale).
    pub fn void_info(&self, id: Uuid) -> Result<Option<(Option<String>, Option<String>)>> {
        Ok(self
            .conn
            .query_row("SELECT void_reason, approved_by FROM sales WHERE id = ?1", [id.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// Whether sale `id` was voided (a void record names it).
    pub fn is_voided(&self, id: Uuid) -> Result<bool> {
        Ok(self.conn.query_row("SELECT EXISTS (SELECT 1 FROM sales WHERE void_of = ?1)", [id.to_string()], |r| r.get(0))?)
    }

    /// The highest receipt number handed out to `counter`, 0 if none.
    pub fn last_receipt(&self, counter: &str) -> Result<i64> {
        Ok(self.conn.query_row("SELECT last FROM receipt_seq WHERE counter = ?1", [counter], |r| r.get(0)).optional()?.unwrap_or(0))
    }
}

fn next_receipt(tx: &Transaction, counter: &str) -> Result<i64> {
    Ok(tx.query_row(
        "INSERT INTO receipt_seq(counter, last) VALUES (?1, 1)
         ON CONFLICT(counter) DO UPDATE SET last = last + 1 RETURNING last",
        [counter],
        |r| r.get(0),
    )?)
}

fn write_sale(tx: &Transaction, s: &Sale, void: Option<&VoidInfo>) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO sales(id, receipt_no, status, void_of, business_date, opened_at, closed_at, currency,
                           total, tax_total, cashier, void_reason, approved_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        s.id.to_string(),
        s.receipt_no,
        s.status.as_str(),
        s.void_of.map(|u| u.to_string()),
        s.closed_at.date_naive().to_string(),
        s.opened_at.to_rfc3339(),
        s.closed_at.to_rfc3339(),
        s.currency.code(),
        s.total,
        s.tax_total,
        s.cashier,
        void.map(|v| v.reason.as_str()),
        void.and_then(|v| v.approved_by.as_deref()),
    ])?;
    let mut line = tx.prepare_cached(
        "INSERT INTO sale_lines(sale_id, line_no, item_id, sku, name, qty, unit_price, tax_rate_bp, line_total, note, options)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for (i, l) in s.lines.iter().enumerate() {
        let options = serde_json::to_string(&l.options).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        line.execute(params![
            s.id.to_string(),
            i as i64,
            l.item_id,
            l.sku,
            l.name,
            l.qty,
            l.unit_price,
            l.tax_rate_bp,
            l.line_total,
            l.note,
            options
        ])?;
    }
    let mut tender = tx.prepare_cached(
        "INSERT INTO sale_tenders(sale_id, seq, kind, amount, tendered, change, partner, reference)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, t) in s.tenders.iter().enumerate() {
        tender.execute(params![s.id.to_string(), i as i64, t.kind.as_str(), t.amount, t.tendered, t.change, t.partner, t.reference])?;
    }
    Ok(())
}

fn parse_uuid(s: &str) -> Result<Uuid> {
    Uuid::parse_str(s).map_err(|e| StoreError::Corrupt(format!("bad id {s:?}: {e}")))
}

fn parse_time(s: &str) -> Result<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(s).map_err(|e| StoreError::Corrupt(format!("bad time {s:?}: {e}")))
}

pub(crate) fn read_sale(conn: &rusqlite::Connection, id: Uuid) -> Result<Option<Sale>> {
    let head = conn
        .prepare_cached(
            "SELECT receipt_no, status, void_of, opened_at, closed_at, currency, total, tax_total, cashier FROM sales WHERE id = ?1",
        )?
        .query_row([id.to_string()], |r: &Row| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, i64>(6)?,
                r.get::<_, i64>(7)?,
                r.get::<_, String>(8)?,
            ))
        })
        .optional()?;
    let Some((receipt_no, status, void_of, opened_at, closed_at, currency, total, tax_total, cashier)) = head else {
        return Ok(None);
    };
    let mut lines = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT item_id, sku, name, qty, unit_price, tax_rate_bp, line_total, note, options
         FROM sale_lines WHERE sale_id = ?1 ORDER BY line_no",
    )?;
    let mut rows = stmt.query([id.to_string()])?;
    while let Some(r) = rows.next()? {
        let options: String = r.get(8)?;
        let options: Vec<SaleOption> = serde_json::from_str(&options).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        lines.push(SaleLine {
            item_id: r.get(0)?,
            sku: r.get(1)?,
            name: r.get(2)?,
            qty: r.get(3)?,
            unit_price: r.get(4)?,
            tax_rate_bp: r.get(5)?,
            line_total: r.get(6)?,
            note: r.get(7)?,
            options,
        });
    }
    let mut tenders = Vec::new();
    let mut stmt =
        conn.prepare_cached("SELECT kind, amount, tendered, change, partner, reference FROM sale_tenders WHERE sale_id = ?1 ORDER BY seq")?;
    let mut rows = stmt.query([id.to_string()])?;
    while let Some(r) = rows.next()? {
        let kind: String = r.get(0)?;
        tenders.push(Tender {
            kind: TenderKind::parse(&kind).ok_or_else(|| StoreError::Corrupt(format!("tender kind {kind}")))?,
            amount: r.get(1)?,
            tendered: r.get(2)?,
            change: r.get(3)?,
            partner: r.get(4)?,
            reference: r.get(5)?,
        });
    }
    let status = match status.as_str() {
        "closed" => SaleStatus::Closed,
        "voided" => SaleStatus::Voided,
        other => return Err(StoreError::Corrupt(format!("status {other}"))),
    };
    let currency: Currency = currency.parse()?;
    let sale = Sale {
        id,
        receipt_no,
        opened_at: parse_time(&opened_at)?,
        closed_at: parse_time(&closed_at)?,
        currency,
        status,
        void_of: void_of.as_deref().map(parse_uuid).transpose()?,
        lines,
        total,
        tax_total,
        tenders,
        cashier,
    };
    sale.check().map_err(|e| StoreError::Corrupt(format!("sale {}: {e}", sale.receipt_no)))?;
    Ok(Some(sale))
}
