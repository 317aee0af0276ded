//! Quay's use cases, composed from the domain (quay-core), the store and the languages.
//! Both faces — the Tauri window and the `quay` command line — call these and nothing
//! else, so a sale rung from a script takes exactly the path of a sale rung on screen.

pub mod adapters;
pub mod alipay;
pub mod background;
pub mod card;
pub mod checkout;
pub mod connections;
pub mod dayend;
pub mod display;
pub mod error;
pub mod export;
pub mod failpoint;
pub mod files;
pub mod keys;
pub mod nhanh;
pub mod policy;
pub mod print;
pub mod ring;
pub mod rt;
pub mod setup;
pub mod staff;
pub mod sync;
pub mod terminals;
pub mod views;
pub mod vouchers;
pub mod vpos;
pub mod wallets;
pub mod webhook;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use chrono::{DateTime, FixedOffset, Local, NaiveDate};
use quay_core::auth::Action;
use quay_core::error::Arg;
use quay_core::sale::Stamp;
use quay_core::tender::Tender;
use quay_core::{Cart, Currency, Menu, Money, Sale};
use quay_i18n::{Lang, Localizer};
use quay_store::{SaleRow, Store, VoidInfo};
use uuid::Uuid;

pub use checkout::Checkout;
pub use error::{AppError, Result};
pub use policy::{Ask, Who};
pub use quay_store::{Health, OutboxStatus, PaymentRecord, StaffMember};
pub use staff::restore_backup;

/// What the counter tells its face as it happens (the window turns these into events).
#[derive(Debug, Clone, serde::Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// A new menu is in place: reload it and re-check the cart.
    MenuChanged { version: u64 },
    /// Sales were queued or acknowledged.
    OutboxChanged,
    /// Long work under way: `kind` is "menu" or "sales".
    Progress { kind: &'static str, done: usize, total: usize },
    /// A sync attempt failed (it will be retried); `code` is a Fluent id.
    SyncError { code: &'static str },
    /// What the card terminal shows ("insert card", "enter PIN"), as it arrives.
    TerminalStatus { text: String },
    /// A wallet's QR for the customer to scan: shown on the customer display (or the
    /// payment dialog turned toward the customer) until `until`.
    WalletQr(wallets::ShownQr),
    /// What is happening with a wallet payment, localized ("waiting for the customer").
    WalletStatus { text: String },
    /// A checkout's cart, QR or closed sale changed: the customer display is redrawn
    /// (`Counter::display_view`).
    CheckoutChanged,
    /// Orders of Nhanh's channels arrived or changed: the Online orders screen reloads.
    NhanhOrders { open: usize },
}

type Listener = Box<dyn Fn(Event) + Send + Sync>;

/// Where time comes from; tests pin it.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<FixedOffset>;
}

pub struct SystemClock;

impl Clock for SystemClock {
    /// Local time to the millisecond: what receipts, the hub and the bank need, and a
    /// value that survives a round trip through RFC 3339 text unchanged.
    fn now(&self) -> DateTime<FixedOffset> {
        use chrono::SubsecRound;
        Local::now().fixed_offset().trunc_subsecs(3)
    }
}

/// A void a manager approved, not yet written.
pub(crate) struct VoidApproval {
    original: Sale,
    info: VoidInfo,
    /// The approver, as the audit log records actors.
    actor: String,
    /// Who voided it (the void record's cashier).
    cashier: String,
}

/// The counter's identity and settings, read once at start.
#[derive(Debug, Clone)]
pub struct Config {
    pub counter_id: String,
    pub currency: Currency,
    /// `counter.cashier`: the name sales record when nobody is signed in (a counter in
    /// setup); otherwise every sale records the staff member who rang it.
    pub cashier: String,
}

pub struct Counter {
    store: Mutex<Store>,
    menu: RwLock<Option<Arc<Menu>>>,
    lang: RwLock<Lang>,
    config: Config,
    i18n: Arc<Localizer>,
    clock: Arc<dyn Clock>,
    data_dir: PathBuf,
    hub: Mutex<Option<Arc<quay_hub::HubClient>>>,
    /// Woken when a sale is queued for the hub, so the sync sends it at once.
    pub sales_queued: tokio::sync::Notify,
    /// Wakes the printers' worker: a job was queued.
    pub print_wake: tokio::sync::Notify,
    /// Woken by a Viva webhook, so a payment being polled is looked at now.
    pub(crate) viva_hint: Arc<tokio::sync::Notify>,
    /// The attempt this process is charging right now: its poll loop answers for it, so
    /// Viva's webhook (a listener of the whole process, not of a checkout) leaves it be.
    pub(crate) charging: Mutex<Option<String>>,
    /// The cart of a split payment the journal handed back (approved in part before a
    /// crash), until an empty checkout takes it up (`Counter::cart_of`).
    pub(crate) recovered: Mutex<Option<card::PayingCart>>,
    /// Woken by a wallet's callback, so the payment being polled is asked about now.
    pub(crate) wallet_hint: Arc<tokio::sync::Notify>,
    /// The wallet attempt the cashier stopped waiting for: its poll loop lets go.
    pub(crate) give_up: Mutex<Option<String>>,
    /// One settler of open attempts at a time in this process.
    pub(crate) settling: Mutex<()>,
    /// Virtual POS orders a bank's callback named: their link's wait wakes at once.
    pub(crate) vpos_hints: vpos::Hints,
    /// The wallet QR shown to the customer while its payment waits.
    pub(crate) shown: Mutex<Option<wallets::ShownQr>>,
    /// Nhanh.vn: whether a sync runs (connection details are frozen meanwhile), and the
    /// wake-up of its sender and inbox.
    pub(crate) nhanh: nhanh::Activity,
    listener: RwLock<Option<Listener>>,
}

/// The default data directory of this OS user (`~/.local/share/quay` on Linux).
pub fn default_data_dir() -> PathBuf {
    directories::ProjectDirs::from("vn", "Quay", "quay").map(|d| d.data_dir().to_path_buf()).unwrap_or_else(|| PathBuf::from(".quay"))
}

impl Counter {
    pub fn open(data_dir: &Path) -> Result<Counter> {
        Counter::open_with(data_dir, Box::new(SystemClock))
    }

    pub fn open_with(data_dir: &Path, clock: Box<dyn Clock>) -> Result<Counter> {
        // Private to the counter's OS user, including what an older version left readable.
        files::private_dir(data_dir)?;
        quay_store::private::tighten_data_dir(data_dir).map_err(|e| AppError::io(data_dir, e))?;
        let store = Store::open(&data_dir.join("quay.db"))?;
        let get = |k: &str, default: &str| -> Result<String> { Ok(store.setting(k)?.unwrap_or_else(|| default.to_string())) };
        let currency: Currency = get(keys::CURRENCY, "VND")?.parse()?;
        let lang_tag = get(keys::LOCALE, "en")?;
        let lang = Lang::parse(&lang_tag).unwrap_or(Lang::En);
        let config = Config { counter_id: get(keys::COUNTER_ID, "C1")?, currency, cashier: get(keys::CASHIER, "cashier")? };
        let mut store = store;
        let menu = match store.menu()? {
            // Validated before it was saved; validated again because the file is not ours
            // alone (a restore, a newer app's write) and a bad menu must never load.
            Some(m) => Some(Arc::new(sync::load_menu(&mut store, m, currency)?)),
            None => None,
        };
        let i18n = Localizer::new().map_err(AppError::internal)?;
        Ok(Counter {
            store: Mutex::new(store),
            menu: RwLock::new(menu),
            lang: RwLock::new(lang),
            config,
            i18n: Arc::new(i18n),
            clock: Arc::from(clock),
            data_dir: data_dir.to_path_buf(),
            hub: Mutex::new(None),
            sales_queued: tokio::sync::Notify::new(),
            print_wake: tokio::sync::Notify::new(),
            viva_hint: Arc::new(tokio::sync::Notify::new()),
            charging: Mutex::new(None),
            recovered: Mutex::new(None),
            wallet_hint: Arc::new(tokio::sync::Notify::new()),
            give_up: Mutex::new(None),
            shown: Mutex::new(None),
            settling: Mutex::new(()),
            vpos_hints: vpos::Hints::default(),
            nhanh: nhanh::Activity::default(),
            listener: RwLock::new(None),
        })
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The store's name as set now: a manager renaming the store in the window sees the
    /// next receipt, display and report carry it without a restart.
    pub fn store_name(&self) -> Option<String> {
        self.store().setting(keys::STORE_NAME).ok().flatten().filter(|n| !n.trim().is_empty())
    }

    pub fn i18n(&self) -> &Localizer {
        &self.i18n
    }

    pub fn lang(&self) -> Lang {
        *self.lang.read().expect("lang lock")
    }

    /// Switches the counter's language (kept across restarts).
    pub fn set_lang(&self, lang: Lang) -> Result<()> {
        self.store().set_setting(keys::LOCALE, lang.tag())?;
        *self.lang.write().expect("lang lock") = lang;
        Ok(())
    }

    /// The localized text of an error, in the counter's language.
    pub fn message(&self, e: &AppError) -> String {
        self.i18n.error(self.lang(), e)
    }

    pub fn now(&self) -> DateTime<FixedOffset> {
        self.clock.now()
    }

    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn menu(&self) -> Result<Arc<Menu>> {
        self.menu.read().expect("menu lock").clone().ok_or_else(|| AppError::new("err-no-menu", vec![]))
    }

    /// A setting's stored value, for the use cases and tests (faces read settings with
    /// `setting_value`, which checks who asks).
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self.store().setting(key)?)
    }

    /// Writes a setting without an audit row or a check: a fixture for tests and tools.
    /// The faces change settings with `save_settings`.
    #[doc(hidden)]
    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.store().set_setting(key, value)?;
        if key.starts_with("hub.") {
            self.forget_hub_client();
        }
        Ok(())
    }

    /// Stores a secret encrypted; it is never returned to a face, only used. A fixture
    /// like `set_setting`.
    #[doc(hidden)]
    pub fn set_secret(&self, key: &str, value: &str) -> Result<()> {
        self.store().set_secret(key, value)?;
        self.forget_hub_client();
        tracing::info!(key, "secret updated");
        Ok(())
    }

    /// Whether a secret is set (never its value), for the use cases and tests.
    pub fn has_secret(&self, key: &str) -> Result<bool> {
        Ok(self.store().has_secret(key)?)
    }

    /// Registers the face's listener for events (one; the window's).
    pub fn set_listener(&self, f: impl Fn(Event) + Send + Sync + 'static) {
        *self.listener.write().expect("listener lock") = Some(Box::new(f));
    }

    pub fn emit(&self, e: Event) {
        if let Some(f) = self.listener.read().expect("listener lock").as_ref() {
            f(e);
        }
    }

    /// Validates a hub-format menu document and makes it the counter's menu. An invalid
    /// document changes nothing: the store and the menu in memory keep the old one.
    pub fn import_menu(&self, who: &Who, bytes: &[u8]) -> Result<Arc<Menu>> {
        self.allow(who, Action::ConfigureSettings)?;
        let menu = Menu::from_json(bytes, self.config.currency)?;
        self.save_menu(menu, "file")
    }

    pub fn import_menu_file(&self, who: &Who, path: &Path) -> Result<Arc<Menu>> {
        self.allow(who, Action::ConfigureSettings)?;
        let bytes = std::fs::read(path).map_err(|e| AppError::io(path, e))?;
        self.import_menu(who, &bytes)
    }

    /// Closes a sale under an id chosen earlier (card attempts journal it first), recording
    /// `cashier` (a name: see `cashier_name`) as who rang it.
    pub(crate) fn close_with_id(&self, cart: &Cart, tenders: Vec<Tender>, id: Uuid, cashier: String) -> Result<Sale> {
        let at = self.now();
        let extras = quay_store::nhanh::SaleExtras {
            customer: cart.customer.as_ref().map(|c| quay_store::nhanh::SaleCustomer {
                mobile: c.mobile.clone(),
                name: c.name.clone(),
                address: c.address.clone(),
            }),
            online_order: cart.online_order,
            print: self.print_jobs_for(cart, &tenders, id),
        };
        let sale = self.store().insert_sale_with(&self.config.counter_id, &extras, |receipt_no| {
            Sale::close(cart, tenders, Stamp { id, receipt_no, at, cashier })
        })?;
        // Nhanh's sender, if connected, sends it now (queued or not, waking it is cheap).
        self.nhanh.wake.notify_one();
        tracing::info!(receipt = %sale.receipt_no, total = sale.total, "sale closed");
        self.queued();
        self.print_wake.notify_one();
        Ok(sale)
    }

    /// Parses an amount a person typed, in the counter's currency.
    pub fn parse_amount(&self, text: &str) -> Result<Money> {
        Ok(Money::parse_major(text, self.config.currency)?)
    }

    // ---- sales ----------------------------------------------------------------------

    pub fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }

    pub fn sales_on(&self, who: &Who, day: NaiveDate) -> Result<Vec<SaleRow>> {
        self.allow(who, Action::ViewSales)?;
        Ok(self.store().sales_on(day)?)
    }

    pub fn sale(&self, who: &Who, id: Uuid) -> Result<Sale> {
        self.allow(who, Action::ViewSales)?;
        self.find_sale(id)
    }

    pub(crate) fn find_sale(&self, id: Uuid) -> Result<Sale> {
        self.store().sale(id)?.ok_or_else(|| AppError::new("err-no-such-sale", vec![("id", Arg::Text(id.to_string()))]))
    }

    /// Voids a closed sale by writing its void record; nothing is deleted. `by` is who
    /// voids it (the void record's cashier), `approver` the manager whose PIN approved it
    /// (identified by it); on the command line they are the same person.
    pub fn void_sale(&self, id: Uuid, reason: &str, by: &Who, approver: &Who) -> Result<Sale> {
        let approval = self.approve_void(id, reason, by, approver)?;
        self.write_void(approval)
    }

    /// The checks before a void — a reason, the sale exists, a manager approved it — made
    /// before anything is paid back.
    pub(crate) fn approve_void(&self, id: Uuid, reason: &str, by: &Who, approver: &Who) -> Result<VoidApproval> {
        self.allow(by, Action::ViewSales)?;
        self.allow(approver, Action::ApproveVoid)?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(AppError::new("err-void-reason", vec![]));
        }
        let original = self.find_sale(id)?;
        let approved_by = approver.member().map(|m| m.name.clone());
        Ok(VoidApproval {
            original,
            actor: approver.actor(),
            cashier: self.cashier_name(by),
            info: VoidInfo { reason: reason.to_string(), approved_by },
        })
    }

    pub(crate) fn write_void(&self, approval: VoidApproval) -> Result<Sale> {
        let VoidApproval { original, info, actor, cashier } = approval;
        // Vouchers are paid back by reversing their redemptions first (idempotent at the
        // hub: a void retried after a failure reverses nothing twice).
        self.reverse_vouchers(original.id, &info.reason)?;
        let id = original.id;
        let at = self.now();
        let print = self.print_jobs_for_void(&original);
        let void = self.store().void_sale_printing(&self.config.counter_id, id, &info, &actor, &print, |receipt_no| Stamp {
            id: Uuid::now_v7(),
            receipt_no,
            at,
            cashier,
        })?;
        self.print_wake.notify_one();
        tracing::info!(receipt = %void.receipt_no, of = %original.receipt_no, "sale voided");
        self.queued();
        Ok(void)
    }

    fn queued(&self) {
        self.sales_queued.notify_one();
        self.emit(Event::OutboxChanged);
    }

    pub fn health(&self) -> Result<quay_store::Health> {
        Ok(self.store().health()?)
    }
}

/// Parses `YYYY-MM-DD` as a business day.
pub fn parse_date(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| AppError::new("err-bad-date", vec![("text", Arg::Text(text.to_string()))]))
}

#[cfg(test)]
mod tests;
