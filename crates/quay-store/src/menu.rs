//! The menu as rows: one per category, option group and item in `menu_entities` (its
//! canonical JSON and hash, ordered by `pos` within its kind) and the menu's identity in
//! `menu_meta`. A full replace rewrites every row; a change set writes only the rows it
//! touches with the meta. Either is one transaction: a reader, or a crash, sees the menu
//! before or after, never between.

use quay_core::menu::{EntityKind, EntityRecord, MenuSnapshot};
use rusqlite::{params, Connection, OptionalExtension};

use crate::{Result, Store, StoreError};

/// The menu's identity, beside its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuMeta {
    pub version: u64,
    pub currency: String,
    pub updated_at: Option<String>,
    /// The menu's content hash. None for a menu moved from the old document by the
    /// migration (SQLite cannot hash) until the app writes it again.
    pub hash: Option<String>,
    pub applied_at: String,
}

/// The menu as last applied, read back from its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredMenu {
    pub meta: MenuMeta,
    pub snapshot: MenuSnapshot,
}

impl Store {
    /// The stored menu, each kind in `pos` order (the order it was applied in).
    pub fn menu(&self) -> Result<Option<StoredMenu>> {
        let Some(meta) = read_meta(&self.conn)? else { return Ok(None) };
        let mut snapshot = MenuSnapshot {
            version: meta.version,
            currency: meta.currency.clone(),
            updated_at: meta.updated_at.clone(),
            categories: vec![],
            option_groups: vec![],
            items: vec![],
        };
        let mut stmt = self.conn.prepare("SELECT kind, id, body FROM menu_entities ORDER BY kind, pos")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (kind, id, body): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let bad = |e: serde_json::Error| StoreError::Corrupt(format!("menu {kind} {id}: {e}"));
            match EntityKind::parse(&kind) {
                Some(EntityKind::Category) => snapshot.categories.push(serde_json::from_str(&body).map_err(bad)?),
                Some(EntityKind::OptionGroup) => snapshot.option_groups.push(serde_json::from_str(&body).map_err(bad)?),
                Some(EntityKind::Item) => snapshot.items.push(serde_json::from_str(&body).map_err(bad)?),
                None => return Err(StoreError::Corrupt(format!("menu row of unknown kind {kind:?}"))),
            }
        }
        Ok(Some(StoredMenu { meta, snapshot }))
    }

    /// Replaces the whole menu (`rows` in menu order within each kind) and records where
    /// it came from under `origin_key`, in one transaction (one fsync).
    pub fn save_menu_from(&mut self, meta: &MenuMeta, rows: &[EntityRecord], origin_key: &str, origin: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        replace(&tx, meta, rows)?;
        set_origin(&tx, origin_key, origin)?;
        tx.commit()?;
        Ok(())
    }

    /// Replaces the whole menu, its origin unchanged (rewriting what an older schema or
    /// version left, e.g. rows without hashes).
    pub fn save_menu(&mut self, meta: &MenuMeta, rows: &[EntityRecord]) -> Result<()> {
        let tx = self.conn.transaction()?;
        replace(&tx, meta, rows)?;
        tx.commit()?;
        Ok(())
    }

    /// A change set in place: only the rows it upserts and deletes, the meta and the
    /// origin, in one transaction. An upserted entity keeps its row's position; a new
    /// one goes after the last of its kind, as `Menu::apply` appends it.
    pub fn apply_menu_changes(
        &mut self,
        meta: &MenuMeta,
        upserted: &[EntityRecord],
        deleted: &[(EntityKind, &str)],
        origin_key: &str,
        origin: &str,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut put = tx.prepare_cached(
                "INSERT INTO menu_entities(kind, id, pos, hash, body)
                 VALUES (?1, ?2, (SELECT coalesce(max(pos), -1) + 1 FROM menu_entities WHERE kind = ?1), ?3, ?4)
                 ON CONFLICT(kind, id) DO UPDATE SET hash = excluded.hash, body = excluded.body",
            )?;
            for r in upserted {
                put.execute(params![r.kind.as_str(), r.id, r.hash, r.body])?;
            }
            let mut del = tx.prepare_cached("DELETE FROM menu_entities WHERE kind = ?1 AND id = ?2")?;
            for (kind, id) in deleted {
                del.execute(params![kind.as_str(), id])?;
            }
        }
        write_meta(&tx, meta)?;
        set_origin(&tx, origin_key, origin)?;
        tx.commit()?;
        Ok(())
    }
}

fn read_meta(conn: &Connection) -> Result<Option<MenuMeta>> {
    Ok(conn
        .query_row("SELECT version, currency, updated_at, hash, applied_at FROM menu_meta WHERE id = 1", [], |r| {
            Ok(MenuMeta {
                version: r.get::<_, i64>(0)? as u64,
                currency: r.get(1)?,
                updated_at: r.get(2)?,
                hash: r.get(3)?,
                applied_at: r.get(4)?,
            })
        })
        .optional()?)
}

fn write_meta(conn: &Connection, m: &MenuMeta) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO menu_meta(id, version, currency, updated_at, hash, applied_at) VALUES (1, ?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(id) DO UPDATE SET version = excluded.version, currency = excluded.currency,
           updated_at = excluded.updated_at, hash = excluded.hash, applied_at = excluded.applied_at",
    )?
    .execute(params![m.version as i64, m.currency, m.updated_at, m.hash, m.applied_at])?;
    Ok(())
}

/// Every row rewritten, positions numbered afresh in the rows' order.
fn replace(conn: &Connection, meta: &MenuMeta, rows: &[EntityRecord]) -> Result<()> {
    conn.execute("DELETE FROM menu_entities", [])?;
    let mut put = conn.prepare_cached("INSERT INTO menu_entities(kind, id, pos, hash, body) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    let mut next = [0i64; 3];
    for r in rows {
        let pos = &mut next[EntityKind::ALL.iter().position(|k| *k == r.kind).expect("a kind of ALL")];
        put.execute(params![r.kind.as_str(), r.id, *pos, r.hash, r.body])?;
        *pos += 1;
    }
    write_meta(conn, meta)
}

fn set_origin(conn: &Connection, key: &str, origin: &str) -> Result<()> {
    conn.execute("INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, origin])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use quay_core::menu::{EntityKind, Menu};
    use quay_core::menu_changes::MenuChanges;
    use quay_core::{synth, Currency};
    use rusqlite::Connection;

    use super::*;
    use crate::migrations;

    const ORIGIN: &str = "menu.origin";

    fn meta_of(m: &Menu, hash: Option<String>) -> MenuMeta {
        MenuMeta {
            version: m.version(),
            currency: m.snapshot().currency.clone(),
            updated_at: m.snapshot().updated_at.clone(),
            hash,
            applied_at: "2026-12-03T09:00:00+07:00".into(),
        }
    }

    fn saved(n: usize) -> (Store, Menu) {
        let mut s = Store::open_in_memory().unwrap();
        let m = Menu::new(synth::menu(n, 1), Currency::Vnd).unwrap();
        s.save_menu_from(&meta_of(&m, Some(m.content_hash())), &m.records(), ORIGIN, "file").unwrap();
        (s, m)
    }

    fn loaded(s: &Store) -> Menu {
        Menu::new(s.menu().unwrap().unwrap().snapshot, Currency::Vnd).unwrap()
    }

    /// 100 items changed in price and availability, one deleted, one new, one category new.
    fn changes(m: &Menu) -> MenuChanges {
        let mut items: Vec<_> = m.items().iter().step_by(3).take(100).cloned().collect();
        for it in &mut items {
            it.price += 1_000;
            it.available = !it.available;
        }
        let mut new = m.items()[1].clone();
        new.id = "i-new".into();
        new.barcode = None;
        new.category_id = "c-new".into();
        items.push(new);
        serde_json::from_value(serde_json::json!({
            "from": m.version(), "to": m.version() + 1,
            "upserts": {"items": items, "categories": [{"id": "c-new", "name": "Mới"}]},
            "deletes": {"items": [m.items()[2].id.clone()]}
        }))
        .unwrap()
    }

    fn patch(s: &mut Store, m: &mut Menu, c: &MenuChanges) -> Result<()> {
        let checked = m.check(c).unwrap();
        let meta = MenuMeta { version: checked.version(), hash: Some(checked.content_hash().to_string()), ..meta_of(m, None) };
        s.apply_menu_changes(&meta, checked.upserted(), &checked.deleted(), ORIGIN, "hub#1")?;
        m.apply_checked(checked).unwrap();
        Ok(())
    }

    #[test]
    fn a_full_save_loads_back_equal() {
        let (s, m) = saved(300);
        let back = loaded(&s);
        assert_eq!(back.snapshot(), m.snapshot());
        assert_eq!(back.content_hash(), m.content_hash());
        assert_eq!(s.menu().unwrap().unwrap().meta.hash, Some(m.content_hash()));
        assert_eq!(s.setting(ORIGIN).unwrap().as_deref(), Some("file"));
    }

    #[test]
    fn a_patch_writes_only_its_rows_and_loads_back_as_the_menu_in_memory() {
        let (mut s, mut m) = saved(300);
        let c = changes(&m);
        let untouched = |s: &Store| -> String {
            s.conn().query_row("SELECT body FROM menu_entities WHERE kind = 'item' AND id = 'i-1'", [], |r| r.get(0)).unwrap()
        };
        let before = untouched(&s);
        patch(&mut s, &mut m, &c).unwrap();
        let back = loaded(&s);
        assert_eq!(back.snapshot(), m.snapshot(), "same entities in the same order");
        assert_eq!(back.content_hash(), m.content_hash());
        assert_eq!(back.items().last().unwrap().id, "i-new", "a new item comes last, as in memory");
        assert_eq!(untouched(&s), before);
        let stored = s.menu().unwrap().unwrap().meta;
        assert_eq!((stored.version, stored.hash), (2, Some(m.content_hash())));
        assert_eq!(s.setting(ORIGIN).unwrap().as_deref(), Some("hub#1"));
        // Each stored row's hash is the entity's as the menu computes it.
        let hash_of = |kind: EntityKind, id: &str| -> String {
            s.conn().query_row("SELECT hash FROM menu_entities WHERE kind = ?1 AND id = ?2", [kind.as_str(), id], |r| r.get(0)).unwrap()
        };
        assert_eq!(Some(hash_of(EntityKind::Item, "i-0")), m.entity_hash(EntityKind::Item, "i-0"));
        assert_eq!(Some(hash_of(EntityKind::Category, "c-new")), m.entity_hash(EntityKind::Category, "c-new"));
    }

    /// The patch is one transaction: a failure at its last row (a trigger standing in for
    /// a crash) leaves every row, the meta and the origin as they were.
    #[test]
    fn a_patch_failing_midway_changes_nothing() {
        let (mut s, m) = saved(300);
        s.conn()
            .execute_batch(
                "CREATE TEMP TRIGGER boom BEFORE INSERT ON main.menu_entities WHEN NEW.id = 'i-new'
                 BEGIN SELECT RAISE(ABORT, 'crash'); END;",
            )
            .unwrap();
        let rows_before: Vec<(String, String, i64, String)> = dump(&s);
        let mut copy = m.clone();
        patch(&mut s, &mut copy, &changes(&m)).unwrap_err();
        assert_eq!(dump(&s), rows_before);
        assert_eq!(s.menu().unwrap().unwrap().meta.version, 1);
        assert_eq!(s.setting(ORIGIN).unwrap().as_deref(), Some("file"));
        assert_eq!(loaded(&s).content_hash(), m.content_hash());
    }

    fn dump(s: &Store) -> Vec<(String, String, i64, String)> {
        let mut stmt = s.conn().prepare("SELECT kind, id, pos, body FROM menu_entities ORDER BY kind, id").unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).unwrap().map(|r| r.unwrap()).collect()
    }

    /// A database of the last document schema: its menu document becomes rows in order,
    /// its meta keeps version and applied_at (the hash is left to the app), and
    /// `menu.source` becomes `menu.origin`.
    #[test]
    fn the_menu_document_migrates_into_rows() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrations::migrations().to_version(&mut conn, last_document_schema()).unwrap();
        let m = Menu::new(synth::menu(120, 9), Currency::Vnd).unwrap();
        conn.execute(
            "INSERT INTO menu(id, version, currency, hash, snapshot, applied_at) VALUES (1, 9, 'VND', 'old', ?1, 'then')",
            [serde_json::to_string(m.snapshot()).unwrap()],
        )
        .unwrap();
        conn.execute("INSERT INTO settings(key, value) VALUES ('menu.source', 'http://hub#P1')", []).unwrap();
        migrations::migrations().to_latest(&mut conn).unwrap();
        let s = Store { conn, key_path: None, keystore: None };
        let stored = s.menu().unwrap().unwrap();
        assert_eq!(stored.snapshot, *m.snapshot());
        assert_eq!(
            stored.meta,
            MenuMeta {
                version: 9,
                currency: "VND".into(),
                updated_at: m.snapshot().updated_at.clone(),
                hash: None,
                applied_at: "then".into()
            }
        );
        assert_eq!(s.setting("menu.origin").unwrap().as_deref(), Some("http://hub#P1"));
        assert_eq!(s.setting("menu.source").unwrap(), None);
        let old_table: i64 = s.conn().query_row("SELECT count(*) FROM sqlite_master WHERE name = 'menu'", [], |r| r.get(0)).unwrap();
        assert_eq!(old_table, 0);
    }

    /// The last schema version holding the menu as one document (the step making rows
    /// is found, not numbered: other steps may be appended around it before a release).
    fn last_document_schema() -> usize {
        let mut conn = Connection::open_in_memory().unwrap();
        let has_rows = |c: &Connection| -> bool {
            c.query_row("SELECT count(*) FROM sqlite_master WHERE name = 'menu_meta'", [], |r| r.get::<_, i64>(0)).unwrap() > 0
        };
        (1..=migrations::LATEST)
            .find(|v| {
                migrations::migrations().to_version(&mut conn, *v).unwrap();
                has_rows(&conn)
            })
            .expect("a step makes the menu rows")
            - 1
    }

    #[test]
    fn no_menu_reads_as_none() {
        assert_eq!(Store::open_in_memory().unwrap().menu().unwrap(), None);
    }
}
