//! The voucher redemption journal: a row is written `pending` with its idempotency key
//! before the hub is asked to redeem, so a crash or a lost answer is settled by asking
//! the hub for that key — never by redeeming blind.

use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;
use uuid::Uuid;

use crate::{Result, Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RedemptionRecord {
    pub key: String,
    pub sale_id: Uuid,
    pub partner: String,
    pub code: String,
    pub amount: i64,
    pub currency: String,
    /// pending, redeemed, failed or reversed.
    pub state: String,
    pub redemption_id: Option<String>,
    pub detail: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

const COLUMNS: &str = "key, sale_id, partner, code, amount, currency, state, redemption_id, detail, created_at, updated_at";

fn record(r: &Row) -> rusqlite::Result<RedemptionRecord> {
    let sale: String = r.get(1)?;
    Ok(RedemptionRecord {
        key: r.get(0)?,
        sale_id: Uuid::parse_str(&sale).unwrap_or_default(),
        partner: r.get(2)?,
        code: r.get(3)?,
        amount: r.get(4)?,
        currency: r.get(5)?,
        state: r.get(6)?,
        redemption_id: r.get(7)?,
        detail: r.get(8)?,
        created_at: r.get(9)?,
        updated_at: r.get(10)?,
    })
}

impl Store {
    /// Journals a redemption about to be asked for. The same key again returns the row
    /// already there (a retry after a crash reuses it).
    #[allow(clippy::too_many_arguments)]
    pub fn begin_redemption(
        &mut self,
        key: &str,
        sale_id: Uuid,
        partner: &str,
        code: &str,
        amount: i64,
        currency: &str,
        at: &str,
    ) -> Result<RedemptionRecord> {
        self.conn.execute(
            "INSERT INTO voucher_redemptions(key, sale_id, partner, code, amount, currency, state, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending', ?7, ?7) ON CONFLICT(key) DO NOTHING",
            params![key, sale_id.to_string(), partner, code, amount, currency, at],
        )?;
        self.redemption(key)?.ok_or_else(|| StoreError::Corrupt(format!("redemption {key} vanished")))
    }

    /// Moves a redemption to `state` (redeemed, failed, reversed) with what the hub said.
    pub fn set_redemption(
        &mut self,
        key: &str,
        state: &str,
        redemption_id: Option<&str>,
        detail: Option<&str>,
        at: &str,
    ) -> Result<RedemptionRecord> {
        let n = self.conn.execute(
            "UPDATE voucher_redemptions SET state = ?2, redemption_id = coalesce(?3, redemption_id), detail = coalesce(?4, detail), updated_at = ?5
             WHERE key = ?1",
            params![key, state, redemption_id, detail, at],
        )?;
        if n == 0 {
            return Err(StoreError::Corrupt(format!("no redemption {key}")));
        }
        self.redemption(key)?.ok_or_else(|| StoreError::Corrupt(format!("redemption {key} vanished")))
    }

    pub fn redemption(&self, key: &str) -> Result<Option<RedemptionRecord>> {
        Ok(self.conn.query_row(&format!("SELECT {COLUMNS} FROM voucher_redemptions WHERE key = ?1"), [key], record).optional()?)
    }

    fn redemptions_where(&self, clause: &str, args: &[&dyn rusqlite::ToSql]) -> Result<Vec<RedemptionRecord>> {
        let mut stmt = self.conn.prepare_cached(&format!("SELECT {COLUMNS} FROM voucher_redemptions WHERE {clause} ORDER BY rowid"))?;
        let rows = stmt.query_map(args, record)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Every redemption of a sale, oldest first.
    pub fn redemptions_of_sale(&self, sale: Uuid) -> Result<Vec<RedemptionRecord>> {
        self.redemptions_where("sale_id = ?1", &[&sale.to_string()])
    }

    /// Redemptions whose answer was never heard (a crash or a lost response).
    pub fn redemptions_pending(&self) -> Result<Vec<RedemptionRecord>> {
        self.redemptions_where("state = 'pending'", &[])
    }

    /// Redeemed vouchers whose sale was never written (the sale did not close after all).
    pub fn redemptions_without_sale(&self) -> Result<Vec<RedemptionRecord>> {
        self.redemptions_where("state = 'redeemed' AND NOT EXISTS (SELECT 1 FROM sales s WHERE s.id = voucher_redemptions.sale_id)", &[])
    }
}
