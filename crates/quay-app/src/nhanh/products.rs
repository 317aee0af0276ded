//! Products in (one way, Nhanh → counter), when `menu.source` is `nhanh`: a full sync on
//! connect and on demand, then changes by webhook (`productAdd/Update/Delete`,
//! `inventoryChange`) and by a periodic `updatedAt` window as a safety net. Every result
//! goes through the menu's validation: a full sync through `Menu::new` and the atomic
//! swap, a change through the in-place patch (only the touched rows are written). An
//! invalid product is skipped and reported; an answer that cannot be read keeps the old
//! menu.

use std::collections::HashSet;

use quay_core::auth::Action;
use quay_core::error::Localized;
use quay_core::menu::{Item, Menu, MenuSnapshot};
use quay_core::menu_changes::{Deletes, MenuChanges, Upserts};
use quay_nhanh::client::ProductFilters;
use quay_nhanh::product::{self, InventoryRow, MenuImport, NhanhCategory, Product};
use serde::Serialize;

use super::connect::args_json;
use crate::{AppError, Counter, Event, Result, Who};

/// What a product sync did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ProductSync {
    pub items: usize,
    pub categories: usize,
    /// Inactive products: not on the menu.
    pub hidden: usize,
    pub sold_out: usize,
    /// Products that could not become items, each with why (in the counter's language).
    pub skipped: Vec<super::connect::Skipped>,
}

/// The categories of Nhanh are cached this long (they rarely change; a product naming an
/// unknown one fetches them again at once).
const CATEGORIES_TTL_S: i64 = 24 * 3600;

/// Progress events of a product sync.
pub const PROGRESS: &str = "nhanh-products";

impl Counter {
    fn nhanh_origin(&self) -> Result<String> {
        let conn = self.store().nhanh_connection()?.ok_or_else(|| AppError::new("err-nhanh-not-connected", vec![]))?;
        Ok(format!("nhanh:{}", conn.business_id))
    }

    /// Every product and group of the business, fetched page by page and made the menu
    /// (a technician's "Sync products", `quay nhanh sync`).
    pub fn nhanh_sync_products(&self, who: &Who) -> Result<ProductSync> {
        self.allow(who, Action::ConfigureSettings)?;
        let report = self.nhanh_sync_products_now()?;
        self.audit(who, "nhanh.products_sync", "menu", None, Some(format!("{} items, {} skipped", report.items, report.skipped.len())))?;
        Ok(report)
    }

    pub(crate) fn nhanh_sync_products_now(&self) -> Result<ProductSync> {
        if !self.menu_from_nhanh()? {
            return Err(AppError::new("err-nhanh-menu-source", vec![]));
        }
        let _busy = self.nhanh_busy()?;
        let client = self.nhanh_client(true)?;
        let origin = self.nhanh_origin()?;
        let depot = self.nhanh_depot()?;
        let estimate = self.menu().map(|m| m.items().len()).unwrap_or(0);
        self.emit(Event::Progress { kind: PROGRESS, done: 0, total: estimate.max(1) });
        let fetched = crate::rt::block_on(async {
            let categories = client.categories().await?;
            let products = client
                .products_all(&ProductFilters::default(), |n| {
                    self.emit(Event::Progress { kind: PROGRESS, done: n, total: estimate.max(n + 1) })
                })
                .await?;
            Ok::<_, quay_nhanh::error::NhanhError>((categories, products))
        });
        let (categories, products) = fetched.inspect_err(|e| self.nhanh_error(e))?;
        let max_updated = products.iter().filter_map(|p| p.updated_at).max();
        let import = product::to_menu(&products, &categories, depot);
        let _menu_work = self.nhanh.menu_work.lock().unwrap_or_else(|p| p.into_inner());
        let version = self.menu().map(|m| m.version() + 1).unwrap_or(1);
        let (menu, report) = self.nhanh_menu_of(import, version)?;
        self.save_menu(menu, &origin)?;
        self.nhanh_keep_stock_exempt(&products, true)?;
        self.nhanh_keep_categories(&categories)?;
        let now = self.now();
        self.set_nhanh_state("products_synced_at", &now.to_rfc3339())?;
        if let Some(t) = max_updated {
            self.set_nhanh_state("products_updated_at", &t.to_string())?;
        }
        self.emit(Event::Progress { kind: PROGRESS, done: report.items, total: report.items });
        tracing::info!(items = report.items, skipped = report.skipped.len(), hidden = report.hidden, "nhanh: products synced");
        Ok(report)
    }

    /// The menu an import makes. `Menu::new` refuses a whole menu on its first fault (two
    /// products with one barcode): the product at fault is skipped and reported, and the
    /// rest is tried again, so one bad product never keeps the shop on an old menu.
    fn nhanh_menu_of(&self, import: MenuImport, version: u64) -> Result<(Menu, ProductSync)> {
        let MenuImport { categories, mut items, skipped, hidden } = import;
        let mut report = ProductSync { hidden, ..Default::default() };
        let mut skipped_json: Vec<serde_json::Value> = skipped
            .iter()
            .map(|s| serde_json::json!({"product_id": s.product_id, "name": s.name, "code": s.reason.code(), "args": args_json(&s.reason.args())}))
            .collect();
        let menu = loop {
            let snapshot = MenuSnapshot {
                version,
                currency: self.config.currency.code().to_string(),
                updated_at: Some(self.now().to_rfc3339()),
                categories: categories.clone(),
                option_groups: vec![],
                items: items.clone(),
            };
            match Menu::new(snapshot, self.config.currency) {
                Ok(m) => break m,
                Err(e) => {
                    let culprit = fault_item(&e, &items);
                    let Some(at) = culprit else { return Err(e.into()) };
                    let item = items.remove(at);
                    skipped_json.push(serde_json::json!({
                        "product_id": product::product_id(&item.id).unwrap_or_default(), "name": item.name,
                        "code": e.code(), "args": args_json(&e.args()),
                    }));
                }
            }
        };
        report.items = menu.items().len();
        report.categories = menu.categories().count();
        report.sold_out = menu.items().iter().filter(|i| !i.available).count();
        self.set_nhanh_state("skipped", &serde_json::Value::Array(skipped_json.clone()).to_string())?;
        let lang = self.lang();
        report.skipped = skipped_json
            .iter()
            .map(|v| super::connect::Skipped {
                product_id: v["product_id"].as_i64().unwrap_or_default(),
                name: v["name"].as_str().unwrap_or_default().to_string(),
                message: self.i18n().t(lang, v["code"].as_str().unwrap_or("err-nhanh-product"), &super::connect::json_args(&v["args"])),
            })
            .collect();
        Ok((menu, report))
    }

    /// The products whose availability a stock row must not change: those that keep no
    /// stock (services, combos) and those Nhanh marks OutOfStock whatever the stock says.
    /// Kept as the full sync and each product change see them (`all`: the whole list).
    fn nhanh_keep_stock_exempt(&self, products: &[Product], all: bool) -> Result<()> {
        let mut exempt: std::collections::BTreeSet<i64> = if all {
            Default::default()
        } else {
            self.nhanh_state("stock_exempt")?.and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default()
        };
        for p in products {
            let status = p.status_code();
            let out = status == Some(product::STATUS_OUT_OF_STOCK) || !product::keeps_stock(p.kind.unwrap_or(product::TYPE_PRODUCT));
            if out {
                exempt.insert(p.id);
            } else {
                exempt.remove(&p.id);
            }
        }
        self.set_nhanh_state("stock_exempt", &serde_json::to_string(&exempt).map_err(AppError::internal)?)
    }

    fn nhanh_keep_categories(&self, categories: &[NhanhCategory]) -> Result<()> {
        let json = serde_json::to_string(categories).map_err(AppError::internal)?;
        self.set_nhanh_state("categories", &json)?;
        self.set_nhanh_state("categories_at", &self.now().timestamp().to_string())
    }

    /// Nhanh's categories: cached, fetched again when stale or when `need` names one the
    /// cache lacks.
    fn nhanh_categories(&self, need: &[i64]) -> Result<Vec<NhanhCategory>> {
        let cached: Option<Vec<NhanhCategory>> = self.nhanh_state("categories")?.and_then(|c| serde_json::from_str(&c).ok());
        let at: i64 = self.nhanh_state("categories_at")?.and_then(|t| t.parse().ok()).unwrap_or(0);
        if let Some(c) = cached {
            let fresh = self.now().timestamp() - at < CATEGORIES_TTL_S;
            if fresh && need.iter().all(|id| *id <= 0 || c.iter().any(|k| k.id == *id)) {
                return Ok(c);
            }
        }
        let client = self.nhanh_client(true)?;
        let c = crate::rt::block_on(client.categories()).inspect_err(|e| self.nhanh_error(e))?;
        self.nhanh_keep_categories(&c)?;
        Ok(c)
    }

    /// Products added or changed (a webhook, the periodic window): each becomes an item
    /// again, or leaves the menu when now inactive or invalid (reported). Returns the
    /// number of menu entities changed.
    pub(crate) fn nhanh_products_changed(&self, products: &[Product]) -> Result<usize> {
        if products.is_empty() || !self.menu_from_nhanh()? {
            return Ok(0);
        }
        let need: Vec<i64> = products.iter().filter_map(|p| p.category_id).collect();
        let categories = self.nhanh_categories(&need)?;
        let depot = self.nhanh_depot()?;
        let import = product::to_menu(products, &categories, depot);
        let menu = self.menu()?;
        let mut upserts = Upserts::default();
        let used: HashSet<&str> = import.items.iter().map(|i| i.category_id.as_str()).collect();
        for c in import.categories.iter().filter(|c| used.contains(c.id.as_str())) {
            if menu.categories().find(|k| k.id == c.id) != Some(c) {
                upserts.categories.push(c.clone());
            }
        }
        let kept: HashSet<String> = import.items.iter().map(|i| i.id.clone()).collect();
        upserts.items = import.items.into_iter().filter(|i| menu.item(&i.id) != Some(i)).collect();
        let gone: Vec<String> =
            products.iter().map(|p| product::item_id(p.id)).filter(|id| !kept.contains(id) && menu.item(id).is_some()).collect();
        self.nhanh_note_skipped(&import.skipped)?;
        self.nhanh_keep_stock_exempt(products, false)?;
        drop(menu);
        self.nhanh_patch_skipping(upserts, gone)
    }

    fn nhanh_patch_skipping(&self, upserts: Upserts, gone: Vec<String>) -> Result<usize> {
        self.nhanh_patch(upserts, gone)
    }

    /// Products Nhanh deleted leave the menu.
    pub(crate) fn nhanh_products_deleted(&self, ids: &[i64]) -> Result<usize> {
        if !self.menu_from_nhanh()? {
            return Ok(0);
        }
        let menu = self.menu()?;
        let gone: Vec<String> = ids.iter().map(|id| product::item_id(*id)).filter(|id| menu.item(id).is_some()).collect();
        drop(menu);
        self.nhanh_patch(Upserts::default(), gone)
    }

    /// Stock changes (`inventoryChange`, up to 100 rows): an item with no stock left in the
    /// counter's depot is sold out, one with stock again is available. Only items whose
    /// availability changes are written.
    #[doc(hidden)]
    pub fn nhanh_stock_changed(&self, rows: &[InventoryRow]) -> Result<usize> {
        if rows.is_empty() || !self.menu_from_nhanh()? {
            return Ok(0);
        }
        // Without a depot the full sync judges by status alone: so do stock rows.
        let Some(depot) = self.nhanh_depot()? else { return Ok(0) };
        let exempt: HashSet<i64> = self.nhanh_state("stock_exempt")?.and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default();
        let _menu_work = self.nhanh.menu_work.lock().unwrap_or_else(|p| p.into_inner());
        let menu = self.menu()?;
        let items: Vec<Item> = rows
            .iter()
            .filter(|r| !exempt.contains(&r.id))
            .filter_map(|r| {
                let item = menu.item(&product::item_id(r.id))?;
                let available = product::stock_change(r, Some(depot))?;
                (item.available != available).then(|| Item { available, ..item.clone() })
            })
            .collect();
        drop(menu);
        self.nhanh_patch_locked(Upserts { items, ..Default::default() }, vec![])
    }

    fn nhanh_patch(&self, upserts: Upserts, gone: Vec<String>) -> Result<usize> {
        let _menu_work = self.nhanh.menu_work.lock().unwrap_or_else(|p| p.into_inner());
        self.nhanh_patch_locked(upserts, gone)
    }

    /// One change set on the menu as it is now (the caller holds `menu_work`, so no other
    /// Nhanh change moves the version in between).
    fn nhanh_patch_locked(&self, upserts: Upserts, gone: Vec<String>) -> Result<usize> {
        let version = self.menu()?.version();
        let mut changes = MenuChanges { from: version, to: version + 1, upserts, deletes: Deletes { items: gone, ..Default::default() } };
        // An item the menu refuses — a barcode another item has — is skipped and
        // reported, so one product never holds back the others.
        loop {
            let Err(fault) = self.menu()?.check(&changes).map(|_| ()) else { break };
            let Some(at) = fault_item(&fault, &changes.upserts.items) else { return Err(fault.into()) };
            let item = changes.upserts.items.remove(at);
            self.nhanh_note_skipped_item(product::product_id(&item.id).unwrap_or_default(), &item.name, &fault)?;
        }
        if changes.is_empty() {
            return Ok(0);
        }
        let n = changes.len();
        let origin = self.nhanh_origin()?;
        self.patch_menu(&changes, &origin)?;
        Ok(n)
    }

    fn nhanh_note_skipped_item(&self, product_id: i64, name: &str, reason: &quay_core::menu::MenuError) -> Result<()> {
        let mut kept: Vec<serde_json::Value> = self.nhanh_state("skipped")?.and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default();
        kept.retain(|v| v["product_id"].as_i64() != Some(product_id));
        kept.push(serde_json::json!({"product_id": product_id, "name": name, "code": reason.code(), "args": args_json(&reason.args())}));
        tracing::warn!(product = product_id, code = reason.code(), "nhanh: a product change was refused by the menu");
        self.set_nhanh_state("skipped", &serde_json::Value::Array(kept).to_string())
    }

    fn nhanh_note_skipped(&self, skipped: &[product::Skipped]) -> Result<()> {
        if skipped.is_empty() {
            return Ok(());
        }
        let mut kept: Vec<serde_json::Value> = self.nhanh_state("skipped")?.and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default();
        for s in skipped {
            kept.retain(|v| v["product_id"].as_i64() != Some(s.product_id));
            kept.push(serde_json::json!({"product_id": s.product_id, "name": s.name, "code": s.reason.code(), "args": args_json(&s.reason.args())}));
            tracing::warn!(product = s.product_id, code = s.reason.code(), "nhanh: a product was not put on the menu");
        }
        self.set_nhanh_state("skipped", &serde_json::Value::Array(kept).to_string())
    }

    /// The safety net: products changed since the last one seen (`updatedAt`, a minute of
    /// overlap), page by page. Stock is not in `updatedAt`: webhooks carry it.
    pub(crate) fn nhanh_products_window(&self) -> Result<usize> {
        if !self.menu_from_nhanh()? {
            return Ok(0);
        }
        let Some(from) = self.nhanh_state("products_updated_at")?.and_then(|t| t.parse::<i64>().ok()) else {
            // Never fully synced: the full sync is what is due.
            return self.nhanh_sync_products_now().map(|r| r.items);
        };
        let client = self.nhanh_client(true)?;
        let filters = ProductFilters { updated_at_from: Some(from - 60), ..Default::default() };
        let products = crate::rt::block_on(client.products_all(&filters, |_| {})).inspect_err(|e| self.nhanh_error(e))?;
        let max = products.iter().filter_map(|p| p.updated_at).max();
        let n = self.nhanh_products_changed(&products)?;
        if let Some(t) = max.filter(|t| *t > from) {
            self.set_nhanh_state("products_updated_at", &t.to_string())?;
        }
        Ok(n)
    }
}

/// The item a menu fault names, if any (then the product is skipped and the rest kept).
fn fault_item(e: &quay_core::menu::MenuError, items: &[Item]) -> Option<usize> {
    use quay_core::menu::MenuError as E;
    match e {
        E::DuplicateId { kind: "item", id } => items.iter().rposition(|i| &i.id == id),
        E::DuplicateId { kind: "barcode", id } => items.iter().rposition(|i| i.barcode.as_deref() == Some(id.as_str())),
        E::UnknownCategory { item, .. }
        | E::UnknownGroup { item, .. }
        | E::BadTaxRate { item, .. }
        | E::NegativePrice { kind: "item", id: item }
        | E::EmptyName { kind: "item", id: item } => items.iter().position(|i| &i.id == item),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use quay_core::menu::{Item, MenuError};

    fn item(id: &str, barcode: Option<&str>) -> Item {
        Item {
            id: id.into(),
            sku: None,
            category_id: "nh-c1".into(),
            name: id.into(),
            names: Default::default(),
            price: 1000,
            tax_rate_bp: 0,
            available: true,
            option_group_ids: vec![],
            barcode: barcode.map(Into::into),
            sort: 0,
        }
    }

    #[test]
    fn the_item_at_fault_is_found() {
        let items = [item("nh-1", Some("893")), item("nh-2", Some("893")), item("nh-3", None)];
        let cases = [
            (MenuError::DuplicateId { kind: "barcode", id: "893".into() }, Some(1)),
            (MenuError::DuplicateId { kind: "item", id: "nh-3".into() }, Some(2)),
            (MenuError::UnknownCategory { item: "nh-1".into(), category: "x".into() }, Some(0)),
            (MenuError::NegativePrice { kind: "item", id: "nh-2".into() }, Some(1)),
            (MenuError::Currency { expected: "VND".into(), found: "EUR".into() }, None),
        ];
        for (e, want) in cases {
            assert_eq!(super::fault_item(&e, &items), want, "{e}");
        }
    }
}
