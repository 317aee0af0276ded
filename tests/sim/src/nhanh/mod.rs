//! Nhanh.vn Open API v3 on loopback (seed 002), implementing
//! `shared/reference/partners-contracts.md` §5 with its "where the public documentation
//! is silent" readings, written from the contract and independently of quay-nhanh.
//!
//! `POST {url}/v3.0/{resource}/{action}?appId=A&businessId=B`, header `Authorization:
//! <token>` (raw), JSON body; every answer is HTTP 200 `{code:1, data, paginator?}` or
//! `{code:0, errorCode, messages, data?}` (ERR_429: singular `message`, `data{lockedSeconds,
//! unlockedAt}`); an unknown path is 404, a known one with another method 405.
//!
//! Checks, in this order: `appId` (ERR_INVALID_APP_ID), `businessId`
//! (ERR_INVALID_BUSINESS_ID; not asked of getaccesstoken, optional on checkaccesstoken),
//! the rate limit (ERR_429), ERR_BUSINESS_NOT_ENABLE_API (fault), the body (ERR_INVALID_DATA:
//! not JSON, or not an object — an array for customer/add), the token
//! (ERR_INVALID_ACCESS_TOKEN: missing, unknown, expired, replaced > 15 min ago), its version
//! (ERR_INVALID_VERSION: a v2 token), the permission `resource/action` (ERR_403), then the
//! endpoint's form errors (ERR_INVALID_FORM_FIELDS) and depots (ERR_INVALID_DEPOT_ID).
//!
//! Where the contract is silent, the simulator [I]:
//! - `messages`: rotates text → object → array per error answer (`NhanhFaults::messages`
//!   fixes one shape). Non-form errors name a field too: `appId`, `businessId`, `data`,
//!   `accessToken`, `version`, `permissions`, `info.depotId` / `filters.depotIds`.
//! - Rate limit per (businessId, path) (getaccesstoken: per path) on the simulator's clock:
//!   the call over the limit starts a 10 s lock; each call while locked doubles the lock and
//!   restarts it from that call; `unlockedAt` = unix seconds rounded up, `lockedSeconds` = the
//!   lock's length. Refused calls do not count in the window; after the lock the window is
//!   empty.
//! - Paging: `paginator.size` 1–100 (else `paginator.size`), `sort` exactly one key with
//!   `"asc"|"desc"` (`id`; products and orders also `updatedAt`, `createdAt`; else
//!   `paginator.sort`); `next` only as handed out by this simulator for the same list and
//!   sort key and direction (else `paginator.next`). A page carries `next` when rows remain after it (the
//!   `short_pages` fault halves pages); `next` is null on the last page.
//! - Product row: `{id, parentId (null), code, barcode, name, status, type, categoryId,
//!   priceVatMode, vat, prices{retail, retailVat}, units, inventory{remain, holding,
//!   available, depots:[{id, remain, holding, available}]}, updatedAt}`; stock of the
//!   token's granted depots only (all if the grant is empty), totals over them; retailVat =
//!   round(retail × (1 + vat/100)) for mode 2 and vat > 0, else retail. Whole quantities
//!   are JSON integers, others doubles. product/detail of an unknown id → form error
//!   `filters.id`. product/inventory `{filters{ids?, depotIds?}, paginator}` → stock rows
//!   (below), depots not granted → ERR_INVALID_DEPOT_ID.
//! - Order row (order/list, orderAdd/orderUpdate): `{info{id, type, status, depotId,
//!   createdAt, updatedAt, description, trackingUrl}, channel{saleChannel, appOrderId (API
//!   orders only)}, shippingAddress{name, mobile, address}, customer{id, name, mobile}|null,
//!   products[{id, name, code, price, quantity, discount}], payment{depositAmount,
//!   transferAmount, couponCode, …as sent, amount (Σ price×quantity − discount)},
//!   carrier{…as sent}}`. order/add → `{id, trackingUrl}`; the order's sale channel is 10,
//!   depot optional; order/add changes no stock and creates no customer. order/edit →
//!   `{id, status}`; a refused transition is a form error on `info.status`, an unknown
//!   order on `info.id`. An order is handed over to the carrier once it reached 59, 61 or 71.
//! - order/list without ids or mobile: `updatedAtTo` defaults to now, `updatedAtFrom` to
//!   31 days before it; a wider window → form error `filters.updatedAtFrom`.
//! - customer/add refuses the whole batch on any bad element (fields `K.name`,
//!   `K.mobile`; an empty or > 100 batch: `data`); an existing mobile answers its id.
//! - Stock row (product/inventory, inventoryChange): `{id, code, remain, holding,
//!   available, depots:[{id, remain, holding, available}]}`.
//! - Webhooks: see `webhooks.rs`; API-made changes are echoed (orderAdd, orderUpdate) when
//!   `echo_api_events` is on (default), as Nhanh tells the app of every change.
//!
//! ```no_run
//! let nhanh = quay_sim::nhanh::start_nhanh_in_thread(quay_sim::nhanh::NhanhSimConfig::sandbox());
//! println!("{}", nhanh.url); // http://127.0.0.1:PORT (the client appends /v3.0/…)
//! let code = nhanh.issue_access_code();
//! ```

mod api;
mod server;
mod state;
mod webhooks;

use std::collections::BTreeMap;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicI64, AtomicU32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use tokio::net::TcpListener;
use tokio::sync::watch;

pub use api::edit_allowed;
pub use state::{
    all_permissions, normalise_mobile, MessagesMode, NhanhCategory, NhanhCustomer, NhanhDepot, NhanhFaults, NhanhGrant, NhanhOrder,
    NhanhProduct, OrderLine, Stock, ENDPOINTS,
};
pub use webhooks::{v2_data, SendOptions, WebhookDelivery, WebhookTarget, WebhookVersion};

use state::{AccessCode, Inner, Token};

#[derive(Clone, Debug)]
pub struct NhanhSimConfig {
    pub app_id: String,
    pub secret_key: String,
    pub business_id: i64,
    pub depots: Vec<NhanhDepot>,
    pub categories: Vec<NhanhCategory>,
    /// `updated_at`/`created_at` 0 = set at start (a few days back).
    pub products: Vec<NhanhProduct>,
    pub customers: Vec<NhanhCustomer>,
    /// What `issue_access_code()` grants.
    pub grant: NhanhGrant,
    /// Access codes ready at start (10 minutes each, single use).
    pub access_codes: Vec<String>,
    /// Calls per 30 s per (appId, businessId, path); 150 at Nhanh.
    pub rate_limit: u32,
    pub webhook: Option<WebhookTarget>,
    /// Waits before the 1st, 2nd, 3rd retry of a failed delivery (at most 3 are used).
    pub webhook_retry_delays: Vec<Duration>,
    /// order/add and order/edit by the API also send orderAdd/orderUpdate (echoes).
    pub echo_api_events: bool,
}

impl NhanhSimConfig {
    pub const SANDBOX_APP_ID: &'static str = "75123";
    pub const SANDBOX_SECRET_KEY: &'static str = "QuaySandboxSecretKey7f3a9c1e5b2d";
    pub const SANDBOX_BUSINESS_ID: i64 = 42861;
    pub const SANDBOX_ACCESS_CODE: &'static str = "QuaySandboxAccessCode0001";
    pub const SANDBOX_DEPOT: i64 = 101;

    /// A café: depots 101 "Quầy Quận 1", 102 "Quầy Quận 3" (granted) and 103 "Kho Thủ Đức"
    /// (not granted); 3 categories (one inactive); 8 products with a mix of VAT modes,
    /// rates and statuses, one weighed with a fractional stock; 2 customers; the access
    /// code `SANDBOX_ACCESS_CODE` ready.
    pub fn sandbox() -> Self {
        let cat = |id, code: &str, name: &str, order, status| NhanhCategory {
            id,
            parent_id: None,
            code: code.into(),
            name: name.into(),
            order,
            status,
        };
        #[allow(clippy::too_many_arguments)]
        let prod = |id, code: &str, name: &str, cat, retail, mode, vat, status, kind, s101: f64, s102: f64| NhanhProduct {
            id,
            code: code.into(),
            barcode: format!("893{id:010}"),
            name: name.into(),
            category_id: Some(cat),
            retail,
            price_vat_mode: mode,
            vat,
            status,
            kind,
            stock: BTreeMap::from([
                (101, Stock { remain: s101, holding: 0.0 }),
                (102, Stock { remain: s102, holding: 0.0 }),
                (103, Stock { remain: 500.0, holding: 0.0 }),
            ]),
            ..Default::default()
        };
        NhanhSimConfig {
            app_id: Self::SANDBOX_APP_ID.into(),
            secret_key: Self::SANDBOX_SECRET_KEY.into(),
            business_id: Self::SANDBOX_BUSINESS_ID,
            depots: vec![
                NhanhDepot { id: 101, name: "Quầy Quận 1".into() },
                NhanhDepot { id: 102, name: "Quầy Quận 3".into() },
                NhanhDepot { id: 103, name: "Kho Thủ Đức".into() },
            ],
            categories: vec![cat(11, "CAPHE", "Cà phê", 1, 1), cat(12, "TRA", "Trà", 2, 1), cat(13, "BANH", "Bánh ngọt", 3, 2)],
            products: vec![
                prod(5001, "CF-SUADA", "Cà phê sữa đá", 11, 29_000, 2, 8, 2, 1, 120.0, 80.0),
                prod(5002, "CF-BACXIU", "Bạc xỉu", 11, 35_000, 1, 8, 2, 1, 60.0, 40.0),
                prod(5003, "CF-DEN", "Cà phê đen", 11, 25_000, 2, -1, 2, 1, 100.0, 100.0),
                prod(5004, "TRA-DAO", "Trà đào cam sả", 12, 45_000, 2, 10, 1, 1, 50.0, 30.0),
                prod(5005, "TRA-SEN", "Trà sen vàng", 12, 49_000, 2, -100, 3, 1, 0.0, 10.0),
                prod(5006, "BANH-MI", "Bánh mì thịt", 13, 30_000, 1, -2, 2, 1, 20.0, 15.0),
                prod(5007, "BANH-CROISSANT", "Bánh sừng bò", 13, 32_000, 2, 8, 4, 1, 0.0, 0.0),
                prod(5008, "CF-HAT-500", "Cà phê hạt Robusta (kg)", 11, 260_000, 2, 5, 2, 3, 12.5, 3.25),
            ],
            customers: vec![
                NhanhCustomer {
                    id: 9001,
                    name: "Nguyễn Văn An".into(),
                    mobile: "0988999999".into(),
                    email: None,
                    address: Some("12 Lê Lợi, Quận 1".into()),
                    points: 120,
                    level: Some("Bạc".into()),
                    group: Some("Khách quen".into()),
                    updated_at: 0,
                },
                NhanhCustomer {
                    id: 9002,
                    name: "Trần Thị Bình".into(),
                    mobile: "0912345678".into(),
                    email: Some("binh@example.vn".into()),
                    address: None,
                    points: 0,
                    level: None,
                    group: None,
                    updated_at: 0,
                },
            ],
            grant: NhanhGrant { depot_ids: vec![101, 102], ..Default::default() },
            access_codes: vec![Self::SANDBOX_ACCESS_CODE.into()],
            rate_limit: 150,
            webhook: None,
            webhook_retry_delays: vec![Duration::from_millis(300); 3],
            echo_api_events: true,
        }
    }

    /// The sandbox with `n` generated products instead (ids 1..=n in the 3 categories),
    /// for benchmarks: 20,000 → 200 pages of 100.
    pub fn generated(n: usize) -> Self {
        let mut c = Self::sandbox();
        c.products = (1..=n as i64)
            .map(|i| NhanhProduct {
                id: i,
                code: format!("SP{i:06}"),
                barcode: format!("893{i:010}"),
                name: format!("Sản phẩm {i}"),
                category_id: Some(11 + (i % 3)),
                retail: 10_000 + (i % 50) * 1_000,
                price_vat_mode: if i % 2 == 0 { 1 } else { 2 },
                vat: [8, 10, -1, -2, -100][(i % 5) as usize],
                status: if i % 97 == 0 { 3 } else { 2 },
                stock: BTreeMap::from([
                    (101, Stock { remain: (i % 40) as f64, holding: 0.0 }),
                    (102, Stock { remain: (i % 7) as f64, holding: 0.0 }),
                ]),
                ..Default::default()
            })
            .collect();
        c
    }
}

/// An order made on one of Nhanh's own channels (website, Facebook…), for `channel_order`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ChannelOrder {
    /// Nhanh's sale channel: 2 website (default), 20 Facebook, 42 Shopee…
    pub sale_channel: i64,
    pub customer_name: String,
    pub customer_mobile: String,
    pub address: Option<String>,
    /// (product id, quantity); the product's retail price is used.
    pub products: Vec<(i64, f64)>,
    pub depot_id: Option<i64>,
    pub status: i64,
    /// 1 delivery (default), 2 counter, 3 pre-order.
    pub kind: i64,
}

impl Default for ChannelOrder {
    fn default() -> Self {
        ChannelOrder {
            sale_channel: 2,
            customer_name: "Lê Minh Châu".into(),
            customer_mobile: "0903123456".into(),
            address: Some("45 Pasteur, Quận 3".into()),
            products: vec![(5001, 2.0)],
            depot_id: Some(101),
            status: 54,
            kind: 1,
        }
    }
}

pub(crate) struct Shared {
    config: NhanhSimConfig,
    inner: Mutex<Inner>,
    offset_ms: AtomicI64,
    rate_limit: AtomicU32,
    webhook: Mutex<Option<WebhookTarget>>,
    sender: webhooks::Sender,
}

/// The simulator's state and controls: cheap to clone, usable from sync and async code.
#[derive(Clone)]
pub struct NhanhSim(Arc<Shared>);

fn unix_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

impl NhanhSim {
    pub fn new(config: NhanhSimConfig) -> NhanhSim {
        let now = unix_ms() / 1000;
        let mut inner = Inner::default();
        let seed_time = now - 3 * 86_400;
        for (i, mut p) in config.products.iter().cloned().enumerate() {
            if p.updated_at == 0 {
                p.updated_at = seed_time + i as i64;
            }
            if p.created_at == 0 {
                p.created_at = p.updated_at;
            }
            inner.next_product = inner.next_product.max(p.id);
            inner.products.insert(p.id, p);
        }
        inner.categories = config.categories.clone();
        for mut c in config.customers.iter().cloned() {
            if c.updated_at == 0 {
                c.updated_at = seed_time;
            }
            inner.next_customer = inner.next_customer.max(c.id);
            inner.customers.insert(c.id, c);
        }
        inner.next_customer = inner.next_customer.max(9_100);
        inner.next_order = 300_000_000;
        for code in &config.access_codes {
            inner.codes.insert(
                code.clone(),
                AccessCode { grant: config.grant.clone(), expires_ms: now * 1000 + state::CODE_LIFE_MS, used: false },
            );
        }
        NhanhSim(Arc::new(Shared {
            rate_limit: AtomicU32::new(config.rate_limit),
            webhook: Mutex::new(config.webhook.clone()),
            config,
            inner: Mutex::new(inner),
            offset_ms: AtomicI64::new(0),
            sender: webhooks::Sender::start(),
        }))
    }

    pub fn config(&self) -> &NhanhSimConfig {
        &self.0.config
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, Inner> {
        self.0.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(crate) fn now_ms(&self) -> i64 {
        unix_ms() + self.0.offset_ms.load(Ordering::SeqCst)
    }

    /// The simulator's clock, unix seconds.
    pub fn now(&self) -> i64 {
        self.now_ms().div_euclid(1000)
    }

    /// Moves the simulator's clock on (codes, tokens, the 15-minute grace, rate-limit
    /// windows and locks, `updatedAt` of later changes).
    pub fn advance_clock(&self, secs: i64) {
        self.0.offset_ms.fetch_add(secs * 1000, Ordering::SeqCst);
    }

    // ---- access ----

    /// A fresh access code (10 minutes, single use) with the config's grant.
    pub fn issue_access_code(&self) -> String {
        self.issue_access_code_with(self.config().grant.clone())
    }

    pub fn issue_access_code_with(&self, grant: NhanhGrant) -> String {
        let code = state::alphanumerics(32);
        let expires_ms = self.now_ms() + state::CODE_LIFE_MS;
        self.lock().codes.insert(code.clone(), AccessCode { grant, expires_ms, used: false });
        code
    }

    /// A v3 token as if an access code had been exchanged (the previous one is replaced:
    /// valid 15 more minutes).
    pub fn grant_token(&self) -> String {
        self.grant_token_with(self.config().grant.clone())
    }

    pub fn grant_token_with(&self, grant: NhanhGrant) -> String {
        let now = self.now_ms();
        let mut inner = self.lock();
        self.mint(&mut inner, grant, "3.0", now).0
    }

    /// A v2.0 token of the same business (a v3 URL refuses it: ERR_INVALID_VERSION). It does
    /// not replace the v3 token.
    pub fn issue_v2_token(&self) -> String {
        let token = state::alphanumerics(160);
        let t = Token {
            version: "2.0",
            grant: self.config().grant.clone(),
            expired_at: self.now() + state::TOKEN_LIFE_SECS,
            replaced_ms: None,
        };
        self.lock().tokens.insert(token.clone(), t);
        token
    }

    pub(crate) fn mint(&self, inner: &mut Inner, grant: NhanhGrant, version: &'static str, now_ms: i64) -> (String, Token) {
        let token = state::alphanumerics(160);
        let t = Token { version, grant, expired_at: now_ms.div_euclid(1000) + state::TOKEN_LIFE_SECS, replaced_ms: None };
        if let Some(old) = inner.current_token.replace(token.clone()) {
            if let Some(o) = inner.tokens.get_mut(&old) {
                o.replaced_ms.get_or_insert(now_ms);
            }
        }
        inner.tokens.insert(token.clone(), t.clone());
        (token, t)
    }

    /// The business's current v3 token, if any.
    pub fn current_token(&self) -> Option<String> {
        self.lock().current_token.clone()
    }

    /// Every token expires now (ERR_INVALID_ACCESS_TOKEN from now on).
    pub fn expire_tokens(&self) {
        let now = self.now();
        for t in self.lock().tokens.values_mut() {
            t.expired_at = t.expired_at.min(now);
        }
    }

    /// Replaced tokens stop working now instead of 15 minutes after their replacement.
    pub fn end_replaced_grace(&self) {
        let cut = self.now_ms() - state::REPLACED_GRACE_MS;
        for t in self.lock().tokens.values_mut() {
            if let Some(r) = t.replaced_ms.as_mut() {
                *r = (*r).min(cut);
            }
        }
    }

    // ---- faults and counters ----

    pub fn faults(&self) -> NhanhFaults {
        self.lock().faults.clone()
    }

    pub fn set_faults(&self, f: NhanhFaults) {
        self.lock().faults = f;
    }

    /// The next `n` calls of `path` (`order/add`) take effect and lose their answer (the
    /// connection is closed).
    pub fn drop_answers(&self, path: &str, n: u32) {
        self.lock().faults.drop_answers.insert(path.to_string(), n);
    }

    /// Answers of `path` (None: every path) wait `ms` more.
    pub fn set_slow(&self, path: Option<&str>, ms: u64) {
        let mut i = self.lock();
        match path {
            Some(p) => {
                i.faults.slow_paths.insert(p.to_string(), ms);
            }
            None => i.faults.slow_ms = ms,
        }
    }

    pub fn set_business_enabled(&self, enabled: bool) {
        self.lock().faults.business_not_enabled = !enabled;
    }

    pub fn set_messages_mode(&self, mode: MessagesMode) {
        self.lock().faults.messages = mode;
    }

    /// Calls per 30 s per path from now on (150 at Nhanh).
    pub fn set_rate_limit(&self, n: u32) {
        self.0.rate_limit.store(n, Ordering::SeqCst);
    }

    pub(crate) fn rate_limit(&self) -> u32 {
        self.0.rate_limit.load(Ordering::SeqCst)
    }

    /// Locks `path` for `secs` as if the limit had been passed (a call while locked
    /// doubles it). Returns `unlockedAt`.
    pub fn force_lock(&self, path: &str, secs: i64) -> i64 {
        let key = (if path == "app/getaccesstoken" { String::new() } else { self.config().business_id.to_string() }, path.to_string());
        let until = (self.now_ms() + secs * 1000 + 999).div_euclid(1000) * 1000;
        let mut i = self.lock();
        let l = i.limiters.entry(key).or_default();
        l.calls.clear();
        l.lock_secs = secs;
        l.locked_until_ms = until;
        until / 1000
    }

    /// Requests that reached `path` (`order/add`), refused ones included.
    pub fn calls(&self, path: &str) -> u64 {
        self.lock().calls.get(path).copied().unwrap_or(0)
    }

    pub(crate) fn count_call(&self, path: &str) {
        *self.lock().calls.entry(path.to_string()).or_default() += 1;
    }

    // ---- catalogue ----

    pub fn products(&self) -> Vec<NhanhProduct> {
        self.lock().products.values().cloned().collect()
    }

    pub fn product(&self, id: i64) -> Option<NhanhProduct> {
        self.lock().products.get(&id).cloned()
    }

    pub fn categories(&self) -> Vec<NhanhCategory> {
        self.lock().categories.clone()
    }

    /// Adds (id 0 = a new id) or replaces a product as the merchant does in Nhanh's admin:
    /// `updatedAt` = now; productAdd/productUpdate is sent. Returns it as stored.
    pub fn product_upsert(&self, mut p: NhanhProduct) -> NhanhProduct {
        let now = self.now();
        let (event, stored) = {
            let mut i = self.lock();
            if p.id == 0 {
                i.next_product += 1;
                p.id = i.next_product;
            }
            i.next_product = i.next_product.max(p.id);
            let existing = i.products.get(&p.id).cloned();
            p.updated_at = now.max(existing.as_ref().map_or(0, |e| e.updated_at));
            p.created_at = existing.as_ref().map_or(now, |e| e.created_at);
            i.products.insert(p.id, p.clone());
            (if existing.is_some() { "productUpdate" } else { "productAdd" }, p)
        };
        self.notify(event, Some(stored.row(&self.config().grant.depot_ids)));
        stored
    }

    /// The merchant changes a retail price (productUpdate is sent).
    pub fn set_price(&self, id: i64, retail: i64) -> Option<NhanhProduct> {
        let mut p = self.product(id)?;
        p.retail = retail;
        Some(self.product_upsert(p))
    }

    /// Deletes products (productDelete with the ids that existed).
    pub fn product_delete(&self, ids: &[i64]) -> Vec<i64> {
        let gone: Vec<i64> = {
            let mut i = self.lock();
            ids.iter().copied().filter(|id| i.products.remove(id).is_some()).collect()
        };
        if !gone.is_empty() {
            self.notify("productDelete", Some(json!(gone)));
        }
        gone
    }

    /// Sets a depot's stock of a product; `updatedAt` does not change; inventoryChange is sent.
    pub fn set_stock(&self, id: i64, depot: i64, remain: f64, holding: f64) -> Option<NhanhProduct> {
        let p = {
            let mut i = self.lock();
            let p = i.products.get_mut(&id)?;
            p.stock.insert(depot, Stock { remain, holding });
            p.clone()
        };
        self.notify("inventoryChange", Some(json!([p.stock_row(&self.config().grant.depot_ids)])));
        Some(p)
    }

    // ---- orders and customers ----

    pub fn orders(&self) -> Vec<NhanhOrder> {
        self.lock().orders.values().cloned().collect()
    }

    pub fn order(&self, id: i64) -> Option<NhanhOrder> {
        self.lock().orders.get(&id).cloned()
    }

    pub fn order_by_app_id(&self, app_order_id: &str) -> Option<NhanhOrder> {
        self.lock().orders.values().find(|o| o.app_order_id.as_deref() == Some(app_order_id)).cloned()
    }

    /// The order as order/list answers it.
    pub fn order_row(&self, id: i64) -> Option<Value> {
        let i = self.lock();
        i.orders.get(&id).map(|o| i.order_row(o))
    }

    pub fn customers(&self) -> Vec<NhanhCustomer> {
        self.lock().customers.values().cloned().collect()
    }

    pub fn customer_by_mobile(&self, mobile: &str) -> Option<NhanhCustomer> {
        let m = normalise_mobile(mobile)?;
        self.lock().customer_by_mobile(&m).cloned()
    }

    /// An order made on a Nhanh channel (website, Facebook…) by a customer, created if
    /// their mobile is new; orderAdd is sent. Unknown products or a bad mobile → Err.
    pub fn channel_order(&self, spec: ChannelOrder) -> Result<NhanhOrder, String> {
        let mobile = normalise_mobile(&spec.customer_mobile).ok_or_else(|| format!("bad mobile {}", spec.customer_mobile))?;
        if spec.products.is_empty() {
            return Err("no products".into());
        }
        let now = self.now();
        let (o, row) = {
            let mut i = self.lock();
            let mut lines = Vec::new();
            for (id, q) in &spec.products {
                let p = i.products.get(id).ok_or_else(|| format!("no product {id}"))?;
                lines.push(OrderLine {
                    id: *id,
                    name: p.name.clone(),
                    code: p.code.clone(),
                    price: p.retail_vat() as f64,
                    quantity: *q,
                    discount: 0.0,
                });
            }
            let customer_id = match i.customer_by_mobile(&mobile) {
                Some(c) => c.id,
                None => {
                    i.next_customer += 1;
                    let id = i.next_customer;
                    let c = NhanhCustomer {
                        id,
                        name: spec.customer_name.clone(),
                        mobile: mobile.clone(),
                        email: None,
                        address: spec.address.clone(),
                        points: 0,
                        level: None,
                        group: None,
                        updated_at: now,
                    };
                    i.customers.insert(id, c);
                    id
                }
            };
            i.next_order += 1;
            let id = i.next_order;
            let o = NhanhOrder {
                id,
                app_order_id: None,
                sale_channel: spec.sale_channel,
                kind: spec.kind,
                status: spec.status,
                depot_id: spec.depot_id,
                created_at: now,
                updated_at: now,
                description: None,
                ship_name: Some(spec.customer_name.clone()),
                ship_mobile: Some(mobile),
                ship_address: spec.address.clone(),
                customer_id: Some(customer_id),
                lines,
                payment: json!({}),
                carrier: json!({}),
                handed_over: false,
                tracking_url: api::tracking_url(id),
            };
            i.orders.insert(id, o.clone());
            let row = i.order_row(&o);
            (o, row)
        };
        self.notify("orderAdd", Some(row));
        Ok(o)
    }

    /// The merchant (or the carrier) moves an order to any status, as Nhanh's admin does;
    /// 59, 61, 71 mark it handed over to the carrier. orderUpdate is sent.
    pub fn merchant_set_order_status(&self, id: i64, status: i64) -> Option<NhanhOrder> {
        let now = self.now();
        let (o, row) = {
            let mut i = self.lock();
            let o = i.orders.get_mut(&id)?;
            o.status = status;
            o.updated_at = now.max(o.updated_at);
            if [59, 61, 71].contains(&status) {
                o.handed_over = true;
            }
            let o = o.clone();
            let row = i.order_row(&o);
            (o, row)
        };
        self.notify("orderUpdate", Some(row));
        Some(o)
    }

    /// Deletes orders in Nhanh (orderDelete with the ids that existed).
    pub fn merchant_delete_orders(&self, ids: &[i64]) -> Vec<i64> {
        let gone: Vec<i64> = {
            let mut i = self.lock();
            ids.iter().copied().filter(|id| i.orders.remove(id).is_some()).collect()
        };
        if !gone.is_empty() {
            self.notify("orderDelete", Some(json!(gone)));
        }
        gone
    }

    // ---- webhooks ----

    pub fn set_webhook(&self, url: &str, token: &str, version: WebhookVersion) {
        *self.0.webhook.lock().unwrap_or_else(|p| p.into_inner()) = Some(WebhookTarget { url: url.into(), token: token.into(), version });
    }

    pub fn clear_webhook(&self) {
        *self.0.webhook.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }

    pub fn webhook(&self) -> Option<WebhookTarget> {
        self.0.webhook.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Queues an event without waiting (what the state changes do). Nothing without a target.
    pub(crate) fn notify(&self, event: &str, data: Option<Value>) {
        if let Some(t) = self.webhook() {
            self.0.sender.queue(
                &t,
                self.config().business_id,
                event,
                data,
                &SendOptions::default(),
                &self.config().webhook_retry_delays,
                false,
            );
        }
    }

    /// Sends one event (any name, any data) and waits for its deliveries (all retries done).
    /// Blocking: do not call it on a current-thread runtime that also serves the receiver.
    /// Empty without a configured target.
    pub fn send_event_with(&self, event: &str, data: Option<Value>, opts: SendOptions) -> Vec<WebhookDelivery> {
        let Some(t) = self.webhook() else { return Vec::new() };
        let rx = self.0.sender.queue(&t, self.config().business_id, event, data, &opts, &self.config().webhook_retry_delays, true);
        rx.into_iter().filter_map(|r| r.recv().ok()).collect()
    }

    pub fn send_event(&self, event: &str, data: Option<Value>) -> Vec<WebhookDelivery> {
        self.send_event_with(event, data, SendOptions::default())
    }

    /// `webhooksEnabled {registeredEvents}` (the probe).
    pub fn send_webhooks_enabled(&self, events: &[&str]) -> Vec<WebhookDelivery> {
        self.send_event("webhooksEnabled", Some(json!({"registeredEvents": events})))
    }

    pub fn send_app_uninstalled(&self) -> Vec<WebhookDelivery> {
        self.send_event("appUninstalled", None)
    }

    /// orderAdd/orderUpdate with the order's row (None if no such order).
    pub fn send_order_event(&self, event: &str, id: i64, opts: SendOptions) -> Option<Vec<WebhookDelivery>> {
        let row = self.order_row(id)?;
        Some(self.send_event_with(event, Some(row), opts))
    }

    /// productAdd/productUpdate with the product's detail.
    pub fn send_product_event(&self, event: &str, id: i64, opts: SendOptions) -> Option<Vec<WebhookDelivery>> {
        let row = self.product(id)?.row(&self.config().grant.depot_ids);
        Some(self.send_event_with(event, Some(row), opts))
    }

    /// inventoryChange for these products, in batches of ≤ 100 rows (one delivery each).
    pub fn send_inventory_change(&self, ids: &[i64]) -> Vec<WebhookDelivery> {
        let depots = self.config().grant.depot_ids.clone();
        let rows: Vec<Value> = ids.iter().filter_map(|id| self.product(*id)).map(|p| p.stock_row(&depots)).collect();
        rows.chunks(100).flat_map(|c| self.send_event("inventoryChange", Some(json!(c)))).collect()
    }

    /// Every finished delivery, in order.
    pub fn deliveries(&self) -> Vec<WebhookDelivery> {
        self.0.sender.deliveries()
    }

    /// Waits until `n` deliveries in all are finished (or `timeout`); returns all of them.
    pub fn wait_deliveries(&self, n: usize, timeout: Duration) -> Vec<WebhookDelivery> {
        self.0.sender.wait(n, timeout)
    }
}

/// A Nhanh simulator serving on loopback; derefs to `NhanhSim` (the controls). Dropping it
/// stops the server.
pub struct NhanhSimHandle {
    pub addr: SocketAddr,
    /// `http://127.0.0.1:PORT`: the base URL (the API is under `/v3.0/`).
    pub url: String,
    sim: NhanhSim,
    shutdown: watch::Sender<bool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl std::ops::Deref for NhanhSimHandle {
    type Target = NhanhSim;
    fn deref(&self) -> &NhanhSim {
        &self.sim
    }
}

impl NhanhSimHandle {
    pub fn sim(&self) -> &NhanhSim {
        &self.sim
    }
}

impl Drop for NhanhSimHandle {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Binds 127.0.0.1 on a free port and serves on the current tokio runtime.
pub async fn start_nhanh(config: NhanhSimConfig) -> NhanhSimHandle {
    start_nhanh_on(config, 0).await.expect("bind 127.0.0.1")
}

/// Binds 127.0.0.1:`port` (0 = a free one) and serves on the current tokio runtime.
pub async fn start_nhanh_on(config: NhanhSimConfig, port: u16) -> std::io::Result<NhanhSimHandle> {
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port))).await?;
    let addr = listener.local_addr()?;
    let sim = NhanhSim::new(config);
    let (shutdown, stop) = watch::channel(false);
    tokio::spawn(server::serve(listener, sim.clone(), stop));
    Ok(NhanhSimHandle { addr, url: format!("http://{addr}"), sim, shutdown, thread: None })
}

/// Serves from a runtime of its own in a background thread, for synchronous tests.
/// Dropping the handle stops the server and joins the thread (not inside an async task).
pub fn start_nhanh_in_thread(config: NhanhSimConfig) -> NhanhSimHandle {
    let (tx, rx) = std::sync::mpsc::channel();
    let thread = std::thread::Builder::new()
        .name("quay-sim-nhanh".into())
        .spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("tokio runtime");
            rt.block_on(async move {
                let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))).await.expect("bind 127.0.0.1");
                let addr = listener.local_addr().expect("local addr");
                let sim = NhanhSim::new(config);
                let (shutdown, stop) = watch::channel(false);
                if tx.send((addr, sim.clone(), shutdown)).is_ok() {
                    server::serve(listener, sim, stop).await;
                }
            });
        })
        .expect("spawn the simulator's thread");
    let (addr, sim, shutdown) = rx.recv().expect("the simulator starts");
    NhanhSimHandle { addr, url: format!("http://{addr}"), sim, shutdown, thread: Some(thread) }
}
