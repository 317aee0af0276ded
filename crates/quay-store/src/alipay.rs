//! Alipay smart store: the outbox of order syncs, what was published, the shop's
//! asynchronous creation, and what only the merchant portal shows, confirmed by a person.

use quay_core::sale::Sale;
use quay_core::tender::TenderKind;
use rusqlite::{params, OptionalExtension, Transaction};
use uuid::Uuid;

use crate::{Result, Store};

/// Whether Alipay paid part of `sale` (a wallet tender of partner `alipay`).
pub fn paid_by_alipay(sale: &Sale) -> bool {
    sale.tenders.iter().any(|t| t.kind == TenderKind::Wallet && t.partner.as_deref() == Some("alipay"))
}

/// Queues the order sync of a sale paid by Alipay, in the transaction that writes it.
/// A void queues its original again, marked voided (the sync is an upsert by sale id).
pub(crate) fn enqueue_sync(tx: &Transaction, sale: &Sale) -> Result<()> {
    if !paid_by_alipay(sale) {
        return Ok(());
    }
    let (id, voided) = match sale.void_of {
        Some(original) => (original, 1),
        None => (sale.id, 0),
    };
    tx.prepare_cached(
        "INSERT INTO alipay_sync(sale_id, voided, enqueued_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(sale_id) DO UPDATE SET voided = max(voided, excluded.voided), attempts = 0, last_error = NULL",
    )?
    .execute(params![id.to_string(), voided, sale.closed_at.to_rfc3339()])?;
    Ok(())
}

/// One order sync waiting for Alipay's acknowledgement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlipaySyncEntry {
    pub sale_id: Uuid,
    pub voided: bool,
    pub attempts: i64,
    pub last_error: Option<String>,
}

/// What was published of one menu item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedItem {
    pub out_item_id: String,
    pub item_id: Option<String>,
    pub hash: String,
}

/// The shop's creation at Alipay (asynchronous: approved after review).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AlipayShopRecord {
    pub store_id: String,
    pub order_id: String,
    pub shop_id: Option<String>,
    pub status: String,
    pub requested_at: String,
    pub checked_at: String,
}

/// A fact only the merchant portal shows, confirmed by a person.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Confirmation {
    pub what: String,
    pub by: String,
    pub at: String,
}

impl Store {
    /// The order syncs waiting, oldest first.
    pub fn alipay_sync_pending(&self, limit: usize) -> Result<Vec<AlipaySyncEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT sale_id, voided, attempts, last_error FROM alipay_sync ORDER BY attempts, enqueued_at, sale_id LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], |r| {
            let id: String = r.get(0)?;
            Ok((id, r.get::<_, i64>(1)? == 1, r.get(2)?, r.get(3)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, voided, attempts, last_error) = row?;
            let sale_id = Uuid::parse_str(&id).map_err(|e| crate::StoreError::Corrupt(format!("alipay_sync {id}: {e}")))?;
            out.push(AlipaySyncEntry { sale_id, voided, attempts, last_error });
        }
        Ok(out)
    }

    /// Alipay acknowledged the sync of `sale_id` as it was (`voided`): the row goes. A
    /// void queued meanwhile (voided now, not when sent) keeps it for one more sync.
    pub fn alipay_sync_done(&self, sale_id: Uuid, voided: bool) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM alipay_sync WHERE sale_id = ?1 AND voided = ?2")?
            .execute(params![sale_id.to_string(), voided as i64])?;
        Ok(())
    }

    pub fn alipay_sync_failed(&self, sale_id: Uuid, error: &str) -> Result<()> {
        self.conn
            .prepare_cached("UPDATE alipay_sync SET attempts = attempts + 1, last_error = ?2 WHERE sale_id = ?1")?
            .execute(params![sale_id.to_string(), error])?;
        Ok(())
    }

    pub fn alipay_published(&self) -> Result<Vec<PublishedItem>> {
        let mut stmt = self.conn.prepare_cached("SELECT out_item_id, item_id, hash FROM alipay_items ORDER BY out_item_id")?;
        let rows = stmt.query_map([], |r| Ok(PublishedItem { out_item_id: r.get(0)?, item_id: r.get(1)?, hash: r.get(2)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Remembers what was published of an item (after Alipay accepted it).
    pub fn alipay_item_published(&self, item: &PublishedItem, at: &str) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO alipay_items(out_item_id, item_id, hash, published_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(out_item_id) DO UPDATE SET item_id = coalesce(excluded.item_id, item_id), hash = excluded.hash,
                 published_at = excluded.published_at",
            )?
            .execute(params![item.out_item_id, item.item_id, item.hash, at])?;
        Ok(())
    }

    pub fn alipay_shop(&self, store_id: &str) -> Result<Option<AlipayShopRecord>> {
        Ok(self
            .conn
            .query_row(
                "SELECT store_id, order_id, shop_id, status, requested_at, checked_at FROM alipay_shop WHERE store_id = ?1",
                [store_id],
                |r| {
                    Ok(AlipayShopRecord {
                        store_id: r.get(0)?,
                        order_id: r.get(1)?,
                        shop_id: r.get(2)?,
                        status: r.get(3)?,
                        requested_at: r.get(4)?,
                        checked_at: r.get(5)?,
                    })
                },
            )
            .optional()?)
    }

    /// Records what Alipay said of the shop's creation (the first answer keeps its time).
    pub fn set_alipay_shop(&self, r: &AlipayShopRecord) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO alipay_shop(store_id, order_id, shop_id, status, requested_at, checked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT(store_id) DO UPDATE SET order_id = excluded.order_id, shop_id = coalesce(excluded.shop_id, shop_id),
                 status = excluded.status, checked_at = excluded.checked_at",
            )?
            .execute(params![r.store_id, r.order_id, r.shop_id, r.status, r.requested_at, r.checked_at])?;
        Ok(())
    }

    pub fn alipay_confirmation(&self, what: &str) -> Result<Option<Confirmation>> {
        Ok(self
            .conn
            .query_row("SELECT what, by, at FROM alipay_confirmations WHERE what = ?1", [what], |r| {
                Ok(Confirmation { what: r.get(0)?, by: r.get(1)?, at: r.get(2)? })
            })
            .optional()?)
    }

    pub fn set_alipay_confirmation(&self, c: &Confirmation) -> Result<()> {
        self.conn
            .prepare_cached("INSERT OR REPLACE INTO alipay_confirmations(what, by, at) VALUES (?1, ?2, ?3)")?
            .execute(params![c.what, c.by, c.at])?;
        Ok(())
    }
}
