//! Hub sync: the menu down, the sales up. The protocol is quay-hub's; the decisions are
//! here: which menu fetch to make, when a menu replaces the current one (only whole and
//! valid), when a queued sale leaves the outbox (only on `stored`/`duplicate`), and how
//! long to wait after a failure (exponential backoff with jitter, never blocking a sale).

use std::sync::Arc;
use std::time::Duration;

use quay_core::menu::MenuSnapshot;
use quay_core::menu_changes::{diff, MenuChanges, MenuDiff};
use quay_core::{Currency, Menu};
use quay_hub::{ChangesFetch, Credentials, HubClient, HubError, MenuFetch, MAX_BATCH};
use quay_store::{Ack, MenuMeta, OutboxStatus, Store, StoredMenu};
use serde::Serialize;
use uuid::Uuid;

use crate::{AppError, Counter, Event, Result};

impl From<HubError> for AppError {
    fn from(e: HubError) -> AppError {
        AppError::from_localized(&e)
    }
}

pub use crate::adapters::hub::run;
use crate::keys::MENU_ORIGIN;
pub use crate::keys::{HUB_KEY1, HUB_KEY2, HUB_POS_ID, HUB_POS_PARENT, HUB_URL, MENU_INTERVAL};

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MenuSyncOutcome {
    Unchanged { version: u64 },
    Changed { from: Option<u64>, to: u64, items: usize, full: bool },
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct PushOutcome {
    pub sent: usize,
    pub stored: usize,
    pub duplicates: usize,
    pub rejected: usize,
    pub remaining: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct MenuStatus {
    pub counter_version: Option<u64>,
    pub counter_hash: Option<String>,
    pub hub_version: u64,
    pub hub_hash: String,
    pub in_sync: bool,
    pub diff: MenuDiff,
}

impl Counter {
    pub(crate) fn hub_identity(&self) -> Result<String> {
        Ok(format!("{}#{}", self.setting(HUB_URL)?.unwrap_or_default(), self.setting(HUB_POS_ID)?.unwrap_or_default()))
    }

    /// The client for the configured hub, kept while the settings do not change so that a
    /// learnt clock skew survives between calls.
    pub fn hub(&self) -> Result<Arc<HubClient>> {
        let mut cached = self.hub.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(c) = cached.as_ref() {
            return Ok(c.clone());
        }
        let store = self.store();
        let creds = Credentials {
            pos_parent: store.setting(HUB_POS_PARENT)?.unwrap_or_default(),
            pos_id: store.setting(HUB_POS_ID)?.unwrap_or_default(),
            key1: store.secret(HUB_KEY1)?.unwrap_or_default().into_bytes(),
            key2: store.secret(HUB_KEY2)?.unwrap_or_default().into_bytes(),
        };
        let url = store.setting(HUB_URL)?.unwrap_or_default();
        drop(store);
        let client = Arc::new(HubClient::new(&url, creds)?);
        *cached = Some(client.clone());
        Ok(client)
    }

    pub(crate) fn forget_hub_client(&self) {
        *self.hub.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }

    /// Fetches the hub's menu — changes since our version when our menu is the hub's,
    /// the full snapshot otherwise or when the hub says `gone` — and applies it if valid.
    pub async fn sync_menu(&self) -> Result<MenuSyncOutcome> {
        if self.menu_from_nhanh()? {
            // The hub's menu would replace Nhanh's products: Nhanh's worker owns the menu.
            return Err(AppError::new("err-menu-from-nhanh", vec![]));
        }
        let hub = self.hub()?;
        let identity = self.hub_identity()?;
        let current = self.menu().ok();
        let ours = current.as_ref().filter(|_| self.setting(MENU_ORIGIN).ok().flatten().as_deref() == Some(identity.as_str()));
        self.emit(Event::Progress { kind: "menu", done: 0, total: 1 });
        if let Some(menu) = ours {
            match hub.changes(menu.version()).await? {
                ChangesFetch::Changes(body) => {
                    let changes = MenuChanges::from_json(&body)?;
                    if changes.is_empty() && changes.to == menu.version() {
                        self.emit(Event::Progress { kind: "menu", done: 1, total: 1 });
                        return Ok(MenuSyncOutcome::Unchanged { version: menu.version() });
                    }
                    let from = menu.version();
                    // Readers of the menu must not keep it from being patched in place.
                    drop(current);
                    let next = self.patch_menu(&changes, &identity)?;
                    self.emit(Event::Progress { kind: "menu", done: 1, total: 1 });
                    return Ok(MenuSyncOutcome::Changed { from: Some(from), to: next.version(), items: changes.len(), full: false });
                }
                ChangesFetch::Gone => tracing::info!(version = menu.version(), "hub: changes gone, fetching the full menu"),
            }
        }
        match hub.menu(ours.map(|m| m.version())).await? {
            MenuFetch::NotModified => {
                self.emit(Event::Progress { kind: "menu", done: 1, total: 1 });
                Ok(MenuSyncOutcome::Unchanged { version: ours.map(|m| m.version()).unwrap_or(0) })
            }
            MenuFetch::Snapshot(body) => {
                let next = Menu::from_json(&body, self.config.currency)?;
                let to = next.version();
                let items = next.items().len();
                self.apply_menu(next, &identity)?;
                Ok(MenuSyncOutcome::Changed { from: current.map(|m| m.version()), to, items, full: true })
            }
        }
    }

    fn apply_menu(&self, menu: Menu, origin: &str) -> Result<()> {
        self.save_menu(menu, origin)?;
        self.emit(Event::Progress { kind: "menu", done: 1, total: 1 });
        Ok(())
    }

    fn menu_meta(&self, menu: &Menu, version: u64, hash: &str) -> MenuMeta {
        MenuMeta {
            version,
            currency: self.config.currency.code().to_string(),
            updated_at: menu.snapshot().updated_at.clone(),
            hash: Some(hash.to_string()),
            applied_at: self.now().to_rfc3339(),
        }
    }

    /// Stores a validated menu whole (every row, one transaction), records who supplied
    /// it (`origin`: "file", the hub's identity…) and swaps it in; the screen is told to
    /// reload.
    pub(crate) fn save_menu(&self, menu: Menu, origin: &str) -> Result<Arc<Menu>> {
        let meta = self.menu_meta(&menu, menu.version(), &menu.content_hash());
        // The store's lock is taken first and held to the swap: it orders every menu
        // writer (and a use case holding the store may read the menu: never the reverse).
        let mut store = self.store();
        store.save_menu_from(&meta, &menu.records(), MENU_ORIGIN, origin)?;
        let menu = Arc::new(menu);
        *self.menu.write().expect("menu lock") = Some(menu.clone());
        drop(store);
        tracing::info!(version = meta.version, items = menu.items().len(), origin, "menu applied");
        self.emit(Event::MenuChanged { version: meta.version });
        Ok(menu)
    }

    /// Applies a change set in place, all or nothing: validated against the current menu
    /// (only what it touches), its rows written (only those, with the meta and `origin`,
    /// one transaction), then the menu in memory patched — copied first only if a reader
    /// still holds the old one. The screen is told to reload.
    ///
    /// Public for the benchmark only (`benches/sync.rs`); the faces never call it.
    #[doc(hidden)]
    pub fn patch_menu(&self, changes: &MenuChanges, origin: &str) -> Result<Arc<Menu>> {
        let mut store = self.store();
        let current = self.menu()?;
        let checked = current.check(changes)?;
        let meta = self.menu_meta(&current, checked.version(), checked.content_hash());
        store.apply_menu_changes(&meta, checked.upserted(), &checked.deleted(), MENU_ORIGIN, origin)?;
        drop(current);
        let menu = {
            let mut slot = self.menu.write().expect("menu lock");
            let menu = slot.as_mut().expect("checked against a menu");
            // Cannot fail: the store's lock kept every other writer out since the check.
            Arc::make_mut(menu).apply_checked(checked)?;
            menu.clone()
        };
        drop(store);
        tracing::info!(version = meta.version, changes = changes.len(), origin, "menu changes applied");
        self.emit(Event::MenuChanged { version: meta.version });
        Ok(menu)
    }

    /// The counter's menu beside the hub's: versions, content hashes and, when they
    /// differ, the items added, changed and removed.
    pub async fn menu_status(&self) -> Result<MenuStatus> {
        let hub = self.hub()?;
        let body = match hub.menu(None).await? {
            MenuFetch::Snapshot(b) => b,
            MenuFetch::NotModified => return Err(AppError::internal("the hub answered 304 to an unconditional request")),
        };
        let theirs = Menu::from_json(&body, self.config.currency)?;
        let ours = self.menu().ok();
        let empty = MenuSnapshot {
            version: 0,
            currency: self.config.currency.code().into(),
            updated_at: None,
            categories: vec![],
            option_groups: vec![],
            items: vec![],
        };
        let d = diff(ours.as_ref().map(|m| m.snapshot()).unwrap_or(&empty), theirs.snapshot());
        let counter_hash = ours.as_ref().map(|m| m.content_hash());
        let hub_hash = theirs.content_hash();
        Ok(MenuStatus {
            counter_version: ours.as_ref().map(|m| m.version()),
            in_sync: counter_hash.as_deref() == Some(hub_hash.as_str()),
            counter_hash,
            hub_version: theirs.version(),
            hub_hash,
            diff: d,
        })
    }

    pub fn sync_status(&self) -> Result<OutboxStatus> {
        Ok(self.store().outbox_status()?)
    }

    /// Sends every pending sale, oldest first, in batches of at most 500. Stops at the
    /// first failure (the caller backs off); what was acknowledged before stays done.
    pub async fn push_outbox(&self) -> Result<PushOutcome> {
        let hub = self.hub()?;
        let mut out = PushOutcome::default();
        let total = self.store().outbox_status()?.pending as usize;
        loop {
            let batch = self.store().outbox_batch(MAX_BATCH)?;
            if batch.is_empty() {
                break;
            }
            let ids: Vec<Uuid> = batch.iter().map(|e| e.sale.id).collect();
            let records: Vec<String> =
                batch.iter().map(|e| serde_json::to_string(&e.sale)).collect::<std::result::Result<_, _>>().map_err(AppError::internal)?;
            let results = match hub.push_sales(&records).await {
                Ok(r) => r,
                Err(e) => {
                    self.store().outbox_failed(&ids, &e.to_string())?;
                    return Err(e.into());
                }
            };
            let mut acks = Vec::with_capacity(results.len());
            for r in results {
                let Ok(id) = Uuid::parse_str(&r.id) else { continue };
                if !ids.contains(&id) {
                    continue;
                }
                let ack = match r.status.as_str() {
                    "stored" => Ack::Stored,
                    "duplicate" => Ack::Duplicate,
                    "rejected" => {
                        let reason = r.error.map(|e| format!("{}: {}", e.code, e.message)).unwrap_or_default();
                        tracing::warn!(sale = %id, %reason, "hub rejected a sale");
                        Ack::Rejected { reason }
                    }
                    other => {
                        tracing::warn!(sale = %id, status = other, "unknown batch status; the sale stays queued");
                        continue;
                    }
                };
                match ack {
                    Ack::Stored => out.stored += 1,
                    Ack::Duplicate => out.duplicates += 1,
                    Ack::Rejected { .. } => out.rejected += 1,
                }
                acks.push((id, ack));
            }
            let answered = acks.len();
            self.store().outbox_ack(&acks)?;
            out.sent += ids.len();
            self.emit(Event::Progress { kind: "sales", done: out.sent.min(total), total });
            if answered == 0 {
                // The hub answered none of them: do not spin on the same batch.
                return Err(HubError::BadAnswer { detail: "the batch answer names none of the sales sent".into() }.into());
            }
        }
        out.remaining = self.store().outbox_status()?.pending;
        self.emit(Event::OutboxChanged);
        Ok(out)
    }

    pub(crate) fn menu_interval(&self) -> Duration {
        let secs = self.setting(MENU_INTERVAL).ok().flatten().and_then(|s| s.parse::<u64>().ok()).unwrap_or(60);
        Duration::from_secs(secs.clamp(5, 86_400))
    }
}

/// The stored menu, validated again (the file is not ours alone: a restore, a newer
/// app's write). Rows without their hashes (moved from the old document by the
/// migration) or with another definition's are written again once, whole.
pub(crate) fn load_menu(store: &mut Store, stored: StoredMenu, currency: Currency) -> Result<Menu> {
    let menu = Menu::new(stored.snapshot, currency)?;
    let hash = menu.content_hash();
    if stored.meta.hash.as_deref() != Some(hash.as_str()) {
        store.save_menu(&MenuMeta { hash: Some(hash), ..stored.meta }, &menu.records())?;
    }
    Ok(menu)
}

/// How often the background loop looks at the outbox besides being woken.
pub(crate) const OUTBOX_POLL: Duration = Duration::from_secs(2);

/// A number in [0, 1) from the OS's randomness, for backoff jitter.
pub(crate) fn draw() -> f64 {
    (Uuid::new_v4().as_u128() >> 75) as f64 / (1u64 << 53) as f64
}
