//! Nhanh.vn (seed 002, issue 16): the connection and its history, the outbox of what goes
//! to Nhanh (sales as orders, voids as cancellations, the cashier's order status writes),
//! the orders of Nhanh's own channels, webhook deliveries and customers by mobile.
//!
//! A sale is queued for Nhanh in the transaction that writes it, and only while a
//! connection is open: "only data created while connected is synced". An outbox row is
//! deleted only when Nhanh acknowledged it (`channel.appOrderId` = the sale id makes a
//! resend after a lost answer harmless).

use quay_core::sale::Sale;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;

use crate::{Result, Store, StoreError};

pub(crate) const MIGRATION: &str = "
    CREATE TABLE nhanh_connections (
        id              INTEGER PRIMARY KEY,
        business_id     TEXT NOT NULL,
        depot_ids       TEXT NOT NULL,   -- JSON array of the depots granted (empty: all)
        permissions     TEXT NOT NULL,   -- JSON array, as Nhanh names them
        expires_at      INTEGER NOT NULL, -- unix seconds: the token has no refresh
        version         TEXT,
        connected_at    TEXT NOT NULL,
        connected_by    TEXT NOT NULL,
        disconnected_at TEXT,
        disconnected_by TEXT
    );
    -- One business per counter database: at most one connection is open.
    CREATE UNIQUE INDEX nhanh_one_open ON nhanh_connections((disconnected_at IS NULL)) WHERE disconnected_at IS NULL;
    CREATE TABLE nhanh_outbox (
        key         TEXT PRIMARY KEY,    -- the sale id (order, cancel) or status:<order>:<status>
        business    TEXT NOT NULL,       -- the business it was queued for: never sent to another
        kind        TEXT NOT NULL CHECK (kind IN ('order', 'cancel', 'status')),
        sale_id     TEXT,                -- the sale sent (order) or voided (cancel)
        order_id    INTEGER,             -- a Nhanh order whose status is written
        status      INTEGER,
        customer    TEXT,                -- JSON {mobile, name, address} carried by the sale
        enqueued_at TEXT NOT NULL,
        attempts    INTEGER NOT NULL DEFAULT 0,
        last_error  TEXT,
        state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'rejected', 'abandoned'))
    );
    CREATE TABLE nhanh_sales (
        sale_id   TEXT PRIMARY KEY,
        business  TEXT NOT NULL,
        order_id  INTEGER NOT NULL,
        sent_at   TEXT NOT NULL,
        duplicate INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE sale_customers (
        sale_id      TEXT PRIMARY KEY,
        mobile       TEXT NOT NULL,
        name         TEXT,
        address      TEXT,
        online_order INTEGER
    );
    CREATE TABLE nhanh_orders (
        id          INTEGER PRIMARY KEY,
        business    TEXT NOT NULL,
        status      INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL,
        body        TEXT NOT NULL,       -- the order/list row as Nhanh sent it
        mobile      TEXT,
        preparing   INTEGER NOT NULL DEFAULT 0, -- the counter's own stage: Nhanh has none
        rung_sale   TEXT,
        deleted     INTEGER NOT NULL DEFAULT 0,
        seen_at     TEXT NOT NULL
    );
    CREATE TABLE nhanh_inbox (
        key         TEXT PRIMARY KEY,    -- (event, businessId, data ids, updatedAt)
        event       TEXT NOT NULL,
        body        TEXT NOT NULL,
        received_at TEXT NOT NULL,
        attempts    INTEGER NOT NULL DEFAULT 0,
        done_at     TEXT,
        error       TEXT
    );
    -- The deliveries still to apply, found without reading the ones done (all day long).
    CREATE INDEX nhanh_inbox_waiting ON nhanh_inbox(received_at) WHERE done_at IS NULL;
    CREATE TABLE nhanh_customers (
        mobile      TEXT PRIMARY KEY,
        customer_id INTEGER,
        name        TEXT,
        address     TEXT,
        updated_at  TEXT NOT NULL
    );";

/// A connection to a Nhanh business: open, or closed with who closed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NhanhConnection {
    pub id: i64,
    pub business_id: String,
    pub depot_ids: Vec<i64>,
    pub permissions: Vec<String>,
    pub expires_at: i64,
    pub version: Option<String>,
    pub connected_at: String,
    pub connected_by: String,
    pub disconnected_at: Option<String>,
    pub disconnected_by: Option<String>,
}

/// What a new grant says (the token itself is a secret, kept with the others).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub business_id: String,
    pub depot_ids: Vec<i64>,
    pub permissions: Vec<String>,
    pub expires_at: i64,
    pub version: Option<String>,
}

/// The customer a sale carries (mobile already normalised by the caller).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct SaleCustomer {
    pub mobile: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
}

/// What a sale carries beside its lines and tenders.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaleExtras {
    pub customer: Option<SaleCustomer>,
    /// The Nhanh order this sale rang up (paid at pickup): it is handed over, not re-sent.
    pub online_order: Option<i64>,
    /// What the sale prints (receipt, drawer, kitchen tickets): journaled with it.
    pub print: Vec<crate::print::NewPrintJob>,
}

/// One piece of work for Nhanh.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NhanhJobKind {
    /// A closed sale, to be added as an order at the counter.
    Order { sale_id: String, customer: Option<SaleCustomer> },
    /// A void: the original's Nhanh order is cancelled.
    Cancel { sale_id: String },
    /// A status written to a Nhanh order (the cashier's action, or a rung order handed over
    /// by `sale`).
    Status { order_id: i64, status: i64, sale: Option<String> },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NhanhJob {
    pub key: String,
    pub kind: NhanhJobKind,
    pub attempts: i64,
    pub last_error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NhanhRejected {
    pub key: String,
    pub kind: String,
    pub reason: String,
    pub enqueued_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NhanhOutboxStatus {
    pub pending: i64,
    pub last_error: Option<String>,
    pub rejected: Vec<NhanhRejected>,
}

/// An order of Nhanh's channels as the counter keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredOrder {
    pub id: i64,
    pub status: i64,
    pub updated_at: i64,
    pub body: String,
    pub preparing: bool,
    pub rung_sale: Option<String>,
    pub deleted: bool,
    pub seen_at: String,
}

/// The business of the open connection, if any.
fn open_business(conn: &rusqlite::Connection) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT business_id FROM nhanh_connections WHERE disconnected_at IS NULL", [], |r| r.get(0)).optional()?)
}

/// Nhanh's statuses of an order still to be handled at the counter (new, confirming,
/// confirmed, awaiting the customer, and the warehouse's own steps before shipping).
pub const OPEN_STATUSES: &str = "54, 55, 56, 57, 42, 40, 43, 68, 73";

/// Queues `sale` for Nhanh in the transaction that writes it, when connected: a sale as an
/// order (or, rung from a Nhanh order, that order handed over), a void as a cancellation.
/// The sale's customer and the online order it rang up are kept whether or not Nhanh is
/// connected. Nothing here can refuse: a paid sale is never lost to Nhanh's bookkeeping.
pub(crate) fn enqueue(tx: &Transaction, sale: &Sale, extras: &SaleExtras) -> Result<()> {
    let id = sale.id.to_string();
    if let Some(c) = &extras.customer {
        tx.prepare_cached("INSERT INTO sale_customers(sale_id, mobile, name, address, online_order) VALUES (?1, ?2, ?3, ?4, ?5)")?
            .execute(params![id, c.mobile, c.name, c.address, extras.online_order])?;
    }
    if let Some(original) = sale.void_of {
        return enqueue_void(tx, &original.to_string(), &sale.closed_at.to_rfc3339());
    }
    // The online order this sale rang up, and what became of it meanwhile.
    let rung = match extras.online_order {
        Some(order) => rung_order(tx, order, &id)?,
        None => Rung::None,
    };
    let Some(business) = open_business(tx)? else { return Ok(()) };
    let at = sale.closed_at.to_rfc3339();
    match rung {
        Rung::HandOver(order) => {
            insert_job(tx, &status_key(order, HANDED_OVER), &business, "status", Some(&id), Some(order), Some(HANDED_OVER), None, &at)
        }
        // Handed over already (the cashier pressed "Handed over" before taking the money):
        // Nhanh has the order; the sale adds nothing to it.
        Rung::AlreadyHandedOver => Ok(()),
        Rung::None | Rung::Closed => {
            if matches!(rung, Rung::Closed) {
                tracing::warn!(sale = %id, "nhanh: the online order was cancelled or rung up meanwhile; the sale goes as an order of its own");
            }
            let customer = extras.customer.as_ref().map(|c| serde_json::to_string(c).unwrap_or_default());
            insert_job(tx, &id, &business, "order", Some(&id), None, None, customer.as_deref(), &at)
        }
    }
}

/// What a closing sale finds of the online order it rings up.
enum Rung {
    None,
    /// Open, now marked rung by this sale: its hand-over is queued.
    HandOver(i64),
    /// Handed over already, or its hand-over queued: marked rung, nothing more to send.
    AlreadyHandedOver,
    /// Cancelled, deleted or rung by another sale: the sale is an order of its own.
    Closed,
}

fn rung_order(tx: &Transaction, order: i64, sale: &str) -> Result<Rung> {
    let row: Option<(i64, Option<String>, bool)> = tx
        .query_row("SELECT status, rung_sale, deleted FROM nhanh_orders WHERE id = ?1", [order], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some((status, rung_by, deleted)) = row else { return Ok(Rung::Closed) };
    if deleted || rung_by.is_some_and(|r| r != sale) {
        return Ok(Rung::Closed);
    }
    let handover_queued: bool = tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM nhanh_outbox WHERE key = ?1 AND state = 'pending')",
        [status_key(order, HANDED_OVER)],
        |r| r.get(0),
    )?;
    let open = OPEN_STATUSES.split(", ").any(|s| s.parse() == Ok(status));
    let rung = if status == HANDED_OVER || handover_queued {
        Rung::AlreadyHandedOver
    } else if open {
        Rung::HandOver(order)
    } else {
        return Ok(Rung::Closed);
    };
    tx.prepare_cached("UPDATE nhanh_orders SET rung_sale = ?2 WHERE id = ?1")?.execute(params![order, sale])?;
    Ok(rung)
}

/// A void: the original's order job not sent yet is abandoned (connected or not), and
/// what Nhanh has or may have is cancelled. A handed-over online order cannot be: kept,
/// refused, for a person to return it in Nhanh.
fn enqueue_void(tx: &Transaction, original: &str, at: &str) -> Result<()> {
    let waiting: bool = tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM nhanh_outbox WHERE key = ?1 AND kind = 'order' AND state = 'pending')",
        [original],
        |r| r.get(0),
    )?;
    tx.execute(
        "UPDATE nhanh_outbox SET state = 'abandoned', last_error = 'voided before it was sent'
         WHERE key = ?1 AND kind = 'order' AND state IN ('pending', 'rejected')",
        [original],
    )?;
    let Some(business) = open_business(tx)? else { return Ok(()) };
    let handed: Option<i64> = tx
        .query_row("SELECT id FROM nhanh_orders WHERE rung_sale = ?1 AND business = ?2", params![original, business], |r| r.get(0))
        .optional()?;
    if let Some(order) = handed {
        // Not handed over yet (its status write still waits): cancel instead.
        let pending = tx.execute("DELETE FROM nhanh_outbox WHERE key = ?1 AND state = 'pending'", [status_key(order, HANDED_OVER)])?;
        if pending > 0 {
            return insert_job(tx, &status_key(order, CANCELLED), &business, "status", None, Some(order), Some(CANCELLED), None, at);
        }
        let why = format!("err-nhanh-void-handed-over: order {order}");
        tx.prepare_cached(
            "INSERT INTO nhanh_outbox(key, business, kind, sale_id, order_id, enqueued_at, state, last_error)
             VALUES (?1, ?2, 'cancel', ?3, ?4, ?5, 'rejected', ?6) ON CONFLICT(key) DO NOTHING",
        )?
        .execute(params![format!("cancel:{original}"), business, original, order, at, why])?;
        return Ok(());
    }
    // Only a sale this business has, or may have (its order in flight), is cancelled: one
    // from before the connection, or of another business, never went there.
    let sent: bool =
        tx.query_row("SELECT EXISTS(SELECT 1 FROM nhanh_sales WHERE sale_id = ?1 AND business = ?2)", params![original, business], |r| {
            r.get(0)
        })?;
    if sent || waiting {
        insert_job(tx, &format!("cancel:{original}"), &business, "cancel", Some(original), None, None, None, at)?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn insert_job(
    tx: &Transaction,
    key: &str,
    business: &str,
    kind: &str,
    sale: Option<&str>,
    order: Option<i64>,
    status: Option<i64>,
    customer: Option<&str>,
    at: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO nhanh_outbox(key, business, kind, sale_id, order_id, status, customer, enqueued_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(key) DO NOTHING",
    )?
    .execute(params![key, business, kind, sale, order, status, customer, at])?;
    Ok(())
}

/// Nhanh's "success" status: the order was handed over.
pub const HANDED_OVER: i64 = 60;
/// Nhanh's "customer cancelled".
pub const CANCELLED: i64 = 63;

fn status_key(order: i64, status: i64) -> String {
    format!("status:{order}:{status}")
}

impl Store {
    /// The open connection, if any.
    pub fn nhanh_connection(&self) -> Result<Option<NhanhConnection>> {
        Ok(self.nhanh_connections()?.into_iter().find(|c| c.disconnected_at.is_none()))
    }

    /// Every connection this database has had, oldest first.
    pub fn nhanh_connections(&self) -> Result<Vec<NhanhConnection>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, business_id, depot_ids, permissions, expires_at, version, connected_at, connected_by, disconnected_at, disconnected_by
             FROM nhanh_connections ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            let depots: String = r.get(2)?;
            let perms: String = r.get(3)?;
            Ok(NhanhConnection {
                id: r.get(0)?,
                business_id: r.get(1)?,
                depot_ids: serde_json::from_str(&depots).unwrap_or_default(),
                permissions: serde_json::from_str(&perms).unwrap_or_default(),
                expires_at: r.get(4)?,
                version: r.get(5)?,
                connected_at: r.get(6)?,
                connected_by: r.get(7)?,
                disconnected_at: r.get(8)?,
                disconnected_by: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a grant: a new connection, or a new token for the business already
    /// connected (its permissions and expiry replaced). Another business while one is
    /// connected is refused (`StoreError::Conflict` with the connected business).
    pub fn nhanh_connect(&mut self, grant: &Grant, at: &str, by: &str) -> Result<NhanhConnection> {
        let tx = self.conn.transaction()?;
        let open: Option<(i64, String)> = tx
            .query_row("SELECT id, business_id FROM nhanh_connections WHERE disconnected_at IS NULL", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let depots = serde_json::to_string(&grant.depot_ids).unwrap_or_else(|_| "[]".into());
        let perms = serde_json::to_string(&grant.permissions).unwrap_or_else(|_| "[]".into());
        match open {
            Some((_, business)) if business != grant.business_id => return Err(StoreError::Conflict(business)),
            Some((id, _)) => {
                tx.execute(
                    "UPDATE nhanh_connections SET depot_ids = ?2, permissions = ?3, expires_at = ?4, version = ?5 WHERE id = ?1",
                    params![id, depots, perms, grant.expires_at, grant.version],
                )?;
            }
            None => {
                tx.execute(
                    "INSERT INTO nhanh_connections(business_id, depot_ids, permissions, expires_at, version, connected_at, connected_by)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![grant.business_id, depots, perms, grant.expires_at, grant.version, at, by],
                )?;
                // Another business than before: what was left for the old one is kept,
                // marked, and never sent here; its orders leave the screen; customer ids
                // were the old business's.
                tx.execute(
                    "UPDATE nhanh_outbox SET state = 'abandoned', last_error = 'err-nhanh-other-business-work: ' || business
                     WHERE state = 'pending' AND business != ?1",
                    [&grant.business_id],
                )?;
                tx.execute("UPDATE nhanh_orders SET deleted = 1 WHERE business != ?1", [&grant.business_id])?;
                let last: Option<String> = tx
                    .query_row(
                        "SELECT business_id FROM nhanh_connections WHERE disconnected_at IS NOT NULL ORDER BY id DESC LIMIT 1",
                        [],
                        |r| r.get(0),
                    )
                    .optional()?;
                if last.is_some_and(|b| b != grant.business_id) {
                    tx.execute("UPDATE nhanh_customers SET customer_id = NULL", [])?;
                }
            }
        }
        tx.commit()?;
        self.nhanh_connection()?.ok_or_else(|| StoreError::Corrupt("the Nhanh connection just written is missing".into()))
    }

    /// Closes the open connection; its history stays. Work not yet sent stays queued but is
    /// no longer sent (the sender runs only while connected).
    pub fn nhanh_disconnect(&self, at: &str, by: &str) -> Result<bool> {
        let n = self.conn.execute(
            "UPDATE nhanh_connections SET disconnected_at = ?1, disconnected_by = ?2 WHERE disconnected_at IS NULL",
            params![at, by],
        )?;
        Ok(n > 0)
    }

    /// The oldest `limit` pending jobs of the connected business, in the order they were
    /// queued.
    pub fn nhanh_jobs(&self, business: &str, limit: usize) -> Result<Vec<NhanhJob>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT key, kind, sale_id, order_id, status, customer, attempts, last_error FROM nhanh_outbox
             WHERE state = 'pending' AND business = ?2
               AND business = (SELECT business_id FROM nhanh_connections WHERE disconnected_at IS NULL)
             ORDER BY rowid LIMIT ?1",
        )?;
        type Row = (String, String, Option<String>, Option<i64>, Option<i64>, Option<String>, i64, Option<String>);
        let rows: Vec<Row> = stmt
            .query_map(params![limit as i64, business], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        rows.into_iter()
            .map(|(key, kind, sale, order, status, customer, attempts, last_error)| {
                let corrupt = || StoreError::Corrupt(format!("nhanh outbox row {key} is incomplete"));
                let kind = match kind.as_str() {
                    "order" => NhanhJobKind::Order {
                        sale_id: sale.ok_or_else(corrupt)?,
                        customer: customer.and_then(|c| serde_json::from_str(&c).ok()),
                    },
                    "cancel" => NhanhJobKind::Cancel { sale_id: sale.ok_or_else(corrupt)? },
                    _ => NhanhJobKind::Status { order_id: order.ok_or_else(corrupt)?, status: status.ok_or_else(corrupt)?, sale },
                };
                Ok(NhanhJob { key, kind, attempts, last_error })
            })
            .collect()
    }

    /// Queues a status write to a Nhanh order (a repeat of the same write is one job).
    pub fn nhanh_enqueue_status(&self, order_id: i64, status: i64, at: &str) -> Result<String> {
        let key = status_key(order_id, status);
        let business = open_business(&self.conn)?.ok_or_else(|| StoreError::Corrupt("no Nhanh connection is open".into()))?;
        self.conn.execute(
            "INSERT INTO nhanh_outbox(key, business, kind, order_id, status, enqueued_at) VALUES (?1, ?2, 'status', ?3, ?4, ?5)
             ON CONFLICT(key) DO UPDATE SET state = 'pending', attempts = 0, last_error = NULL,
                 business = excluded.business, enqueued_at = excluded.enqueued_at",
            params![key, business, order_id, status, at],
        )?;
        Ok(key)
    }

    /// Queues `sale` as an order of its own (its online order's hand-over was refused: the
    /// order was cancelled at Nhanh while the customer paid at the counter).
    pub fn nhanh_enqueue_sale(&self, sale: &str, at: &str) -> Result<()> {
        let business = open_business(&self.conn)?.ok_or_else(|| StoreError::Corrupt("no Nhanh connection is open".into()))?;
        self.conn.execute(
            "INSERT INTO nhanh_outbox(key, business, kind, sale_id, enqueued_at) VALUES (?1, ?2, 'order', ?1, ?3) ON CONFLICT(key) DO NOTHING",
            params![sale, business, at],
        )?;
        Ok(())
    }

    /// Puts the jobs refused for good back in the queue (after the cause was fixed: a
    /// product added in Nhanh, a permission granted). Returns how many.
    pub fn nhanh_requeue_rejected(&self) -> Result<usize> {
        Ok(self.conn.execute(
            "UPDATE nhanh_outbox SET state = 'pending', attempts = 0, last_error = NULL
             WHERE state = 'rejected' AND last_error NOT LIKE 'err-nhanh-void-handed-over%'
               AND business = (SELECT business_id FROM nhanh_connections WHERE disconnected_at IS NULL)",
            [],
        )?)
    }

    /// Nhanh acknowledged `key`: the row goes; a sale's Nhanh order id is kept.
    pub fn nhanh_job_done(&mut self, key: &str, sale_order: Option<(&str, i64, bool)>, at: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        let business: Option<String> = tx.query_row("SELECT business FROM nhanh_outbox WHERE key = ?1", [key], |r| r.get(0)).optional()?;
        // Gone: another sender got the acknowledgement first (the order is Nhanh's once).
        let Some(business) = business else { return Ok(()) };
        if let Some((sale, order, duplicate)) = sale_order {
            tx.execute(
                "INSERT INTO nhanh_sales(sale_id, business, order_id, sent_at, duplicate) VALUES (?1, ?5, ?2, ?3, ?4)
                 ON CONFLICT(sale_id) DO UPDATE SET order_id = excluded.order_id",
                params![sale, order, at, duplicate, business],
            )?;
        }
        tx.execute("DELETE FROM nhanh_outbox WHERE key = ?1", [key])?;
        tx.commit()?;
        Ok(())
    }

    /// A failed attempt (transport, rate limit): the job stays pending with the reason.
    pub fn nhanh_job_failed(&self, key: &str, error: &str) -> Result<()> {
        self.conn.execute("UPDATE nhanh_outbox SET attempts = attempts + 1, last_error = ?2 WHERE key = ?1", params![key, error])?;
        Ok(())
    }

    /// Nhanh refused the job for good (a sale with an item Nhanh does not have): it stays,
    /// with the reason, for a person to see; it is not retried.
    pub fn nhanh_job_rejected(&self, key: &str, reason: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE nhanh_outbox SET state = 'rejected', attempts = attempts + 1, last_error = ?2 WHERE key = ?1",
            params![key, reason],
        )?;
        Ok(())
    }

    pub fn nhanh_outbox_status(&self) -> Result<NhanhOutboxStatus> {
        let pending: i64 = self.conn.query_row("SELECT count(*) FROM nhanh_outbox WHERE state = 'pending'", [], |r| r.get(0))?;
        let last_error = self
            .conn
            .query_row(
                "SELECT last_error FROM nhanh_outbox WHERE state = 'pending' AND last_error IS NOT NULL ORDER BY rowid LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT key, kind, last_error, enqueued_at FROM nhanh_outbox WHERE state = 'rejected' ORDER BY rowid")?;
        let rejected = stmt
            .query_map([], |r| {
                Ok(NhanhRejected {
                    key: r.get(0)?,
                    kind: r.get(1)?,
                    reason: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    enqueued_at: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(NhanhOutboxStatus { pending, last_error, rejected })
    }

    /// The Nhanh order a sale became, once acknowledged.
    pub fn nhanh_sale_order(&self, sale_id: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT order_id FROM nhanh_sales WHERE sale_id = ?1
                 AND business = (SELECT business_id FROM nhanh_connections WHERE disconnected_at IS NULL)",
                [sale_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Whether an order job for `sale_id` still waits to be sent.
    pub fn nhanh_order_pending(&self, sale_id: &str) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM nhanh_outbox WHERE key = ?1 AND kind = 'order' AND state = 'pending')",
            [sale_id],
            |r| r.get(0),
        )?)
    }

    /// The customer a sale carried.
    pub fn sale_customer(&self, sale_id: &str) -> Result<Option<(SaleCustomer, Option<i64>)>> {
        Ok(self
            .conn
            .query_row("SELECT mobile, name, address, online_order FROM sale_customers WHERE sale_id = ?1", [sale_id], |r| {
                Ok((SaleCustomer { mobile: r.get(0)?, name: r.get(1)?, address: r.get(2)? }, r.get(3)?))
            })
            .optional()?)
    }

    /// Stores an order Nhanh sent (webhook or list). An older or equal `updated_at` than the
    /// one kept changes nothing (a duplicate or out-of-order delivery). Returns whether the
    /// order changed.
    /// `force`: what Nhanh answered when asked for this order now (after it refused a
    /// status the counter wrote) replaces the counter's version even at the same
    /// `updatedAt`.
    pub fn nhanh_order_put(
        &self,
        id: i64,
        status: i64,
        updated_at: i64,
        mobile: Option<&str>,
        body: &str,
        at: &str,
        force: bool,
    ) -> Result<bool> {
        let Some(business) = open_business(&self.conn)? else { return Ok(false) };
        // Only a newer version replaces the one kept (an older or repeated row would undo
        // the status the cashier just wrote); a row of another business is replaced whole.
        let n = self.conn.execute(
            "INSERT INTO nhanh_orders(id, business, status, updated_at, body, mobile, seen_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT(id) DO UPDATE SET business = excluded.business, status = excluded.status, updated_at = excluded.updated_at,
                 body = excluded.body, mobile = excluded.mobile, seen_at = excluded.seen_at, deleted = 0,
                 preparing = CASE WHEN nhanh_orders.business = excluded.business THEN nhanh_orders.preparing ELSE 0 END,
                 rung_sale = CASE WHEN nhanh_orders.business = excluded.business THEN nhanh_orders.rung_sale ELSE NULL END
             WHERE excluded.updated_at > nhanh_orders.updated_at OR nhanh_orders.updated_at = 0 OR nhanh_orders.business != excluded.business
                OR ?8",
            params![id, business, status, updated_at, body, mobile, at, force],
        )?;
        Ok(n > 0)
    }

    /// How many online orders are open (not handed over, cancelled or rung up).
    pub fn nhanh_open_orders(&self) -> Result<usize> {
        let n: i64 = self.conn.query_row(
            &format!("SELECT count(*) FROM nhanh_orders WHERE deleted = 0 AND rung_sale IS NULL AND status IN ({OPEN_STATUSES})"),
            [],
            |r| r.get(0),
        )?;
        Ok(n as usize)
    }

    /// The status the counter just wrote to Nhanh, kept until Nhanh's next update says it.
    pub fn nhanh_order_status(&self, id: i64, status: i64) -> Result<()> {
        self.conn.execute("UPDATE nhanh_orders SET status = ?2 WHERE id = ?1", params![id, status])?;
        Ok(())
    }

    pub fn nhanh_order_preparing(&self, id: i64) -> Result<()> {
        self.conn.execute("UPDATE nhanh_orders SET preparing = 1 WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Nhanh deleted orders (`orderDelete`): kept, marked, no longer listed.
    pub fn nhanh_orders_deleted(&self, ids: &[i64]) -> Result<usize> {
        let mut stmt = self.conn.prepare_cached("UPDATE nhanh_orders SET deleted = 1 WHERE id = ?1 AND deleted = 0")?;
        let mut n = 0;
        for id in ids {
            n += stmt.execute([id])?;
        }
        Ok(n)
    }

    pub fn nhanh_order(&self, id: i64) -> Result<Option<StoredOrder>> {
        Ok(self.nhanh_orders_where("id = ?1", params![id])?.into_iter().next())
    }

    /// Orders not deleted, newest first.
    pub fn nhanh_orders(&self) -> Result<Vec<StoredOrder>> {
        self.nhanh_orders_where("deleted = 0", params![])
    }

    fn nhanh_orders_where(&self, cond: &str, p: &[&dyn rusqlite::ToSql]) -> Result<Vec<StoredOrder>> {
        let sql = format!(
            "SELECT id, status, updated_at, body, preparing, rung_sale, deleted, seen_at FROM nhanh_orders WHERE {cond} ORDER BY id DESC"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(p, |r| {
            Ok(StoredOrder {
                id: r.get(0)?,
                status: r.get(1)?,
                updated_at: r.get(2)?,
                body: r.get(3)?,
                preparing: r.get(4)?,
                rung_sale: r.get(5)?,
                deleted: r.get(6)?,
                seen_at: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Persists a webhook delivery before it is answered. A delivery already kept (same
    /// dedupe key) is not kept twice: returns false.
    pub fn nhanh_inbox_put(&self, key: &str, event: &str, body: &str, at: &str) -> Result<bool> {
        let n = self.conn.execute(
            "INSERT INTO nhanh_inbox(key, event, body, received_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT(key) DO NOTHING",
            params![key, event, body, at],
        )?;
        Ok(n > 0)
    }

    /// Deliveries not processed yet, oldest first, with the attempts made.
    pub fn nhanh_inbox_pending(&self, limit: usize) -> Result<Vec<(String, String, String, i64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT key, event, body, attempts FROM nhanh_inbox WHERE done_at IS NULL ORDER BY received_at, rowid LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A delivery that could not be applied yet (Nhanh or the store failed): tried again
    /// by the next round.
    pub fn nhanh_inbox_failed(&self, key: &str, error: &str) -> Result<()> {
        self.conn.execute("UPDATE nhanh_inbox SET attempts = attempts + 1, error = ?2 WHERE key = ?1", params![key, error])?;
        Ok(())
    }

    /// Forgets deliveries applied before `before` (RFC 3339): Nhanh retries within
    /// minutes, so a week of keys is plenty to recognise a duplicate.
    pub fn nhanh_inbox_prune(&self, before: &str) -> Result<usize> {
        Ok(self.conn.execute("DELETE FROM nhanh_inbox WHERE done_at IS NOT NULL AND done_at < ?1", [before])?)
    }

    pub fn nhanh_inbox_done(&self, key: &str, at: &str, error: Option<&str>) -> Result<()> {
        self.conn.execute("UPDATE nhanh_inbox SET done_at = ?2, error = ?3 WHERE key = ?1", params![key, at, error])?;
        Ok(())
    }

    /// When the last delivery arrived, and how many wait.
    pub fn nhanh_inbox_stats(&self) -> Result<(Option<String>, i64)> {
        Ok(self.conn.query_row(
            "SELECT (SELECT max(received_at) FROM nhanh_inbox), (SELECT count(*) FROM nhanh_inbox WHERE done_at IS NULL)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }

    pub fn nhanh_customer(&self, mobile: &str) -> Result<Option<(Option<i64>, Option<String>, Option<String>)>> {
        Ok(self
            .conn
            .query_row("SELECT customer_id, name, address FROM nhanh_customers WHERE mobile = ?1", [mobile], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?)
    }

    /// Keeps a customer: only name, mobile and the delivery address as text (seed 002: the
    /// address is not split into province and district). A known value is not erased by
    /// an absent one.
    pub fn nhanh_customer_put(&self, mobile: &str, id: Option<i64>, name: Option<&str>, address: Option<&str>, at: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO nhanh_customers(mobile, customer_id, name, address, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(mobile) DO UPDATE SET customer_id = coalesce(excluded.customer_id, customer_id),
                 name = coalesce(excluded.name, name), address = coalesce(excluded.address, address), updated_at = excluded.updated_at",
            params![mobile, id, name, address, at],
        )?;
        Ok(())
    }
}
