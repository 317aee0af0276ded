//! The order open on the window's screen — its cart and the sale id it reserved — kept
//! on disk as it changes, so a restart or a crash brings it back: the kitchen may be
//! cooking it, its card attempts and tickets carry that sale id, and the customer is
//! still at the counter. One row per screen (`slot`); gone when the sale closes or the
//! cart is emptied.

use rusqlite::{params, OptionalExtension};

use crate::{Result, Store};

pub const MIGRATION: &str = "CREATE TABLE open_orders (
        slot       TEXT PRIMARY KEY CHECK (length(slot) BETWEEN 1 AND 40),
        sale_id    TEXT,
        cart       TEXT NOT NULL CHECK (json_valid(cart)),
        updated_at TEXT NOT NULL
    ) STRICT;";

/// An order as kept: the cart as JSON (the app's type) and the sale id it reserved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenOrder {
    pub sale_id: Option<String>,
    pub cart: String,
    pub updated_at: String,
}

impl Store {
    /// Keeps `slot`'s order as it is now (replacing what was kept).
    pub fn open_order_keep(&self, slot: &str, sale_id: Option<&str>, cart: &str, now: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO open_orders(slot, sale_id, cart, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(slot) DO UPDATE SET sale_id = excluded.sale_id, cart = excluded.cart, updated_at = excluded.updated_at",
            params![slot, sale_id, cart, now],
        )?;
        Ok(())
    }

    pub fn open_order(&self, slot: &str) -> Result<Option<OpenOrder>> {
        Ok(self
            .conn
            .query_row("SELECT sale_id, cart, updated_at FROM open_orders WHERE slot = ?1", [slot], |r| {
                Ok(OpenOrder { sale_id: r.get(0)?, cart: r.get(1)?, updated_at: r.get(2)? })
            })
            .optional()?)
    }

    /// Forgets `slot`'s order (closed, emptied).
    pub fn open_order_clear(&self, slot: &str) -> Result<()> {
        self.conn.execute("DELETE FROM open_orders WHERE slot = ?1", [slot])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_order_is_kept_replaced_and_forgotten_per_screen() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(&dir.path().join("q.db")).unwrap();
        assert_eq!(s.open_order("window").unwrap(), None);
        s.open_order_keep("window", None, r#"{"lines":[1]}"#, "2026-12-03T10:00:00+07:00").unwrap();
        s.open_order_keep("window", Some("0193-sale"), r#"{"lines":[1,2]}"#, "2026-12-03T10:01:00+07:00").unwrap();
        s.open_order_keep("other", None, "{}", "2026-12-03T10:02:00+07:00").unwrap();
        let kept = s.open_order("window").unwrap().unwrap();
        assert_eq!((kept.sale_id.as_deref(), kept.cart.as_str()), (Some("0193-sale"), r#"{"lines":[1,2]}"#));
        // Not JSON: refused, the kept order unchanged.
        assert!(s.open_order_keep("window", None, "{lines", "2026-12-03T10:03:00+07:00").is_err());
        assert_eq!(s.open_order("window").unwrap().unwrap(), kept);
        s.open_order_clear("window").unwrap();
        assert_eq!(s.open_order("window").unwrap(), None);
        assert!(s.open_order("other").unwrap().is_some());
    }
}
