//! Hub sync: the menu down, the sales up. The protocol is quay-hub's; the decisions are
//! here: which menu fetch to make, when a menu replaces the current one (only whole and
//! valid), when a queued sale leaves the outbox (only on `stored`/`duplicate`), and how
//! long to wait after a failure (exponential backoff with jitter, never blocking a sale).

use std::sync::Arc;
use std::time::Duration;

use quay_core::menu::MenuSnapshot;
use quay_core::menu_changes::{diff, MenuChanges, MenuDiff};
use quay_core::Menu;
use quay_hub::{ChangesFetch, Credentials, HubClient, HubError, MenuFetch, MAX_BATCH};
use quay_store::{Ack, OutboxStatus, StoredMenu};
use serde::Serialize;
use uuid::Uuid;

use crate::{AppError, Counter, Event, Result};

impl From<HubError> for AppError {
    fn from(e: HubError) -> AppError {
        AppError::from_localized(&e)
    }
}

pub use crate::adapters::hub::run;
use crate::keys::MENU_SOURCE;
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
    fn hub_identity(&self) -> Result<String> {
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
        let hub = self.hub()?;
        let identity = self.hub_identity()?;
        let current = self.menu().ok();
        let ours = current.as_ref().filter(|_| self.setting(MENU_SOURCE).ok().flatten().as_deref() == Some(identity.as_str()));
        self.emit(Event::Progress { kind: "menu", done: 0, total: 1 });
        if let Some(menu) = ours {
            match hub.changes(menu.version()).await? {
                ChangesFetch::Changes(body) => {
                    let changes = MenuChanges::from_json(&body)?;
                    if changes.is_empty() && changes.to == menu.version() {
                        self.emit(Event::Progress { kind: "menu", done: 1, total: 1 });
                        return Ok(MenuSyncOutcome::Unchanged { version: menu.version() });
                    }
                    let next = Menu::new(menu.snapshot().apply(&changes)?, self.config.currency)?;
                    let items = changes.len();
                    let to = next.version();
                    self.apply_menu(next, &identity)?;
                    return Ok(MenuSyncOutcome::Changed { from: Some(menu.version()), to, items, full: false });
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

    fn apply_menu(&self, menu: Menu, source: &str) -> Result<()> {
        self.save_menu(menu, source)?;
        self.emit(Event::Progress { kind: "menu", done: 1, total: 1 });
        Ok(())
    }

    /// Stores a validated menu and swaps it in whole; the screen is told to reload.
    pub(crate) fn save_menu(&self, menu: Menu, source: &str) -> Result<Arc<Menu>> {
        let stored = StoredMenu {
            version: menu.version(),
            currency: self.config.currency.code().to_string(),
            hash: menu.content_hash(),
            snapshot_json: serde_json::to_string(menu.snapshot()).map_err(AppError::internal)?,
            applied_at: self.now().to_rfc3339(),
        };
        self.store().save_menu_from(&stored, MENU_SOURCE, source)?;
        let menu = Arc::new(menu);
        *self.menu.write().expect("menu lock") = Some(menu.clone());
        tracing::info!(version = stored.version, items = menu.items().len(), source, "menu applied");
        self.emit(Event::MenuChanged { version: stored.version });
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

/// How often the background loop looks at the outbox besides being woken.
pub(crate) const OUTBOX_POLL: Duration = Duration::from_secs(2);

/// A number in [0, 1) from the OS's randomness, for backoff jitter.
pub(crate) fn draw() -> f64 {
    (Uuid::new_v4().as_u128() >> 75) as f64 / (1u64 << 53) as f64
}
