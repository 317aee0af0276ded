//! The hub's shared state: menu versions, stored sales, remembered nonces, faults, the
//! clock and the counters. Every lock is short and never held across an await.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use quay_core::menu::MenuSnapshot;
use quay_core::{Currency, Menu};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::config::{HubConfig, PointConfig};
use crate::connections::{self, Connections, Pushed};
use crate::faults::Faults;
use crate::ledger::{Ledger, Outcome};
use crate::menu_versions::{ChangesError, MenuVersions, Published};
use crate::signing::{NonceCache, Refusal};
use crate::vouchers::{Redeemed, Redemption, Refused, VoucherSpec, Vouchers};

/// What the hub has done since it started.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    pub stored: u64,
    pub duplicates: u64,
    pub rejected: u64,
    /// Sales batches answered 200 (or processed and then cut).
    pub batches: u64,
    pub refused_signature: u64,
    pub refused_stale: u64,
    pub refused_replay: u64,
    pub dropped_after_store: u64,
    /// Connection records stored (new ones and higher revisions).
    pub connections_stored: u64,
    pub connections_duplicates: u64,
    pub connections_dropped_after_store: u64,
    /// Σ `total` of the stored sales (voids count negative).
    pub stored_total: i64,
    pub menu_version: u64,
}

#[derive(Default)]
struct Books {
    ledger: Ledger,
    stats: Stats,
}

pub struct Hub {
    pub(crate) config: HubConfig,
    pub(crate) nonces: Mutex<NonceCache>,
    menu: Mutex<MenuVersions>,
    faults: Mutex<Faults>,
    clock_offset: AtomicI64,
    books: Mutex<Books>,
    vouchers: Mutex<Vouchers>,
    /// The configured point first, then the extra ones (of its brand or, added at
    /// runtime, of another).
    points: Mutex<Vec<Point>>,
    connections: Mutex<Connections>,
}

/// A point the hub serves: its brand, id, keys and name.
#[derive(Clone)]
pub(crate) struct Point {
    pub(crate) pos_parent: String,
    pub(crate) pos_id: String,
    pub(crate) key1: Vec<u8>,
    pub(crate) key2: Vec<u8>,
    pub(crate) point_name: String,
}

impl Point {
    fn of(pos_parent: &str, p: PointConfig) -> Point {
        Point { pos_parent: pos_parent.to_string(), pos_id: p.pos_id, key1: p.key1, key2: p.key2, point_name: p.point_name }
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic elsewhere must not take the simulator down with it in later tests.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Hub {
    pub fn new(config: HubConfig) -> Hub {
        let menu = MenuVersions::new(config.menu.clone());
        // The seeded table is the sandbox's own; a bad one is a programming error.
        let vouchers = Vouchers::new(config.vouchers.clone(), &config.currency).unwrap_or_else(|e| panic!("voucher table: {e}"));
        let main = Point {
            pos_parent: config.pos_parent.clone(),
            pos_id: config.pos_id.clone(),
            key1: config.key1.clone(),
            key2: config.key2.clone(),
            point_name: config.point_name.clone(),
        };
        let mut points = vec![main];
        for p in config.extra_points.clone() {
            add_point(&mut points, Point::of(&config.pos_parent, p)).unwrap_or_else(|e| panic!("extra_points: {e}"));
        }
        Hub {
            points: Mutex::new(points),
            connections: Mutex::default(),
            config,
            nonces: Mutex::default(),
            menu: Mutex::new(menu),
            faults: Mutex::default(),
            clock_offset: AtomicI64::new(0),
            books: Mutex::default(),
            vouchers: Mutex::new(vouchers),
        }
    }

    pub fn config(&self) -> &HubConfig {
        &self.config
    }

    /// The hub's clock in unix seconds, offset as a test set it.
    pub fn now(&self) -> i64 {
        let real = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
        real + self.clock_offset.load(Ordering::Relaxed)
    }

    /// `now` as RFC 3339 with an explicit offset.
    pub fn now_rfc3339(&self) -> String {
        chrono::DateTime::from_timestamp(self.now(), 0).unwrap_or_default().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
    }

    pub fn set_clock_offset(&self, secs: i64) {
        self.clock_offset.store(secs, Ordering::Relaxed);
    }

    pub fn stats(&self) -> Stats {
        let mut s = lock(&self.books).stats.clone();
        s.menu_version = self.menu_version();
        s
    }

    pub fn faults(&self) -> Faults {
        lock(&self.faults).clone()
    }

    pub fn set_faults(&self, faults: Faults) -> Result<(), String> {
        faults.check()?;
        *lock(&self.faults) = faults;
        Ok(())
    }

    pub fn stored_sales(&self) -> Vec<Value> {
        lock(&self.books).ledger.records().to_vec()
    }

    /// Publishes a new menu version. The hub never publishes an invalid menu (a test
    /// that wants one served uses `Faults::invalid_menu`), so this validates first.
    pub fn publish_menu(&self, snapshot: MenuSnapshot) -> Result<u64, String> {
        match self.config.currency.parse::<Currency>() {
            Ok(currency) => Menu::new(snapshot.clone(), currency).map(drop).map_err(|e| e.to_string())?,
            Err(_) if snapshot.currency != self.config.currency => {
                return Err(format!("the menu is in {}, the hub works in {}", snapshot.currency, self.config.currency))
            }
            Err(_) => {}
        }
        let at = self.now_rfc3339();
        Ok(lock(&self.menu).publish(snapshot, at))
    }

    pub fn forget_versions_before(&self, version: u64) {
        lock(&self.menu).forget_before(version);
    }

    pub fn menu_version(&self) -> u64 {
        lock(&self.menu).version()
    }

    pub(crate) fn current_menu(&self) -> Published {
        lock(&self.menu).current().clone()
    }

    /// The stored snapshot of `since` and the current one (diffed outside the lock).
    pub(crate) fn menus_since(&self, since: u64) -> Result<(Arc<MenuSnapshot>, Arc<MenuSnapshot>), ChangesError> {
        lock(&self.menu).pair_since(since)
    }

    /// Consumes one `fail_500` if any is pending.
    pub(crate) fn take_fail_500(&self) -> bool {
        take(&mut lock(&self.faults).fail_500)
    }

    pub(crate) fn take_drop_after_store(&self) -> bool {
        let dropped = take(&mut lock(&self.faults).drop_after_store);
        if dropped {
            lock(&self.books).stats.dropped_after_store += 1;
        }
        dropped
    }

    pub fn add_voucher(&self, spec: VoucherSpec) -> Result<VoucherSpec, String> {
        lock(&self.vouchers).add(spec, &self.config.currency)
    }

    /// Every voucher with its status now.
    pub fn vouchers(&self) -> Vec<Value> {
        lock(&self.vouchers).list(self.now())
    }

    pub fn voucher_redemptions(&self) -> Vec<Redemption> {
        lock(&self.vouchers).redemptions().to_vec()
    }

    pub(crate) fn check_voucher(&self, body: &[u8]) -> Result<Value, Refused> {
        lock(&self.vouchers).check(body, self.now())
    }

    pub(crate) fn redeem_voucher(&self, body: &[u8]) -> Result<Redeemed, Refused> {
        let now = self.now();
        lock(&self.vouchers).redeem(body, now)
    }

    pub(crate) fn voucher_redemption(&self, key: &str) -> Option<Value> {
        lock(&self.vouchers).redemption(key)
    }

    pub(crate) fn reverse_voucher(&self, body: &[u8]) -> Result<Value, Refused> {
        lock(&self.vouchers).reverse(body)
    }

    pub(crate) fn take_lose_redeem_response(&self) -> bool {
        take(&mut lock(&self.faults).lose_redeem_response)
    }

    /// Adds a point of `pos_parent` (None: the hub's brand) that signs with its own keys.
    /// Refuses an empty id or key, or a point the hub already knows.
    pub fn add_point(&self, pos_parent: Option<&str>, point: PointConfig) -> Result<(), String> {
        let parent = pos_parent.unwrap_or(&self.config.pos_parent);
        add_point(&mut lock(&self.points), Point::of(parent, point))
    }

    /// The point a request names, if the hub knows it.
    pub(crate) fn point(&self, pos_parent: &str, pos_id: &str) -> Option<Point> {
        lock(&self.points).iter().find(|p| p.pos_parent == pos_parent && p.pos_id == pos_id).cloned()
    }

    /// Stores a connection record pushed by `point` (validated first).
    pub(crate) fn push_connection(&self, body: &[u8], point: &Point) -> Result<Pushed, connections::Refused> {
        let pushed = lock(&self.connections).push(body, &point.pos_parent, &point.pos_id)?;
        let mut books = lock(&self.books);
        match pushed {
            Pushed::Stored { .. } => books.stats.connections_stored += 1,
            Pushed::Duplicate { .. } => books.stats.connections_duplicates += 1,
        }
        Ok(pushed)
    }

    /// `GET /partners/connections?month=` for `point`'s brand.
    pub(crate) fn connections_of_month(&self, point: &Point, query: Option<&str>) -> Result<Value, connections::Refused> {
        lock(&self.connections).month(&point.pos_parent, query)
    }

    /// Every stored connection record (its highest revision), in the order first stored.
    pub fn stored_connections(&self) -> Vec<Value> {
        lock(&self.connections).all()
    }

    pub(crate) fn take_connections_drop_after_store(&self) -> bool {
        let dropped = take(&mut lock(&self.faults).connections_drop_after_store);
        if dropped {
            lock(&self.books).stats.connections_dropped_after_store += 1;
        }
        dropped
    }

    pub(crate) fn count_refusal(&self, r: &Refusal) {
        let mut books = lock(&self.books);
        match r {
            Refusal::Signature(_) => books.stats.refused_signature += 1,
            Refusal::Stale { .. } => books.stats.refused_stale += 1,
            Refusal::Replay => books.stats.refused_replay += 1,
        }
    }

    /// Stores each sale of a batch in order (a void may follow its sale in the same
    /// batch) and answers one result per sale.
    pub(crate) fn store_batch(&self, sales: Vec<Value>) -> Value {
        let mut books = lock(&self.books);
        books.stats.batches += 1;
        let results: Vec<Value> = sales
            .into_iter()
            .map(|sale| {
                let id = sale.get("id").cloned().unwrap_or(Value::Null);
                match books.ledger.submit(sale, &self.config.currency) {
                    Outcome::Stored(total) => {
                        books.stats.stored += 1;
                        books.stats.stored_total = books.stats.stored_total.saturating_add(total);
                        json!({"id": id, "status": "stored"})
                    }
                    Outcome::Duplicate => {
                        books.stats.duplicates += 1;
                        json!({"id": id, "status": "duplicate"})
                    }
                    Outcome::Rejected(message) => {
                        books.stats.rejected += 1;
                        json!({"id": id, "status": "rejected", "error": {"code": "invalid", "message": message}})
                    }
                }
            })
            .collect();
        json!({ "results": results })
    }
}

fn take(n: &mut u32) -> bool {
    let pending = *n > 0;
    *n = n.saturating_sub(1);
    pending
}

fn add_point(points: &mut Vec<Point>, p: Point) -> Result<(), String> {
    if p.pos_parent.is_empty() || p.pos_id.is_empty() || p.key1.is_empty() || p.key2.is_empty() {
        return Err("a point needs a pos_parent, a pos_id, a key1 and a key2".into());
    }
    if points.iter().any(|q| q.pos_parent == p.pos_parent && q.pos_id == p.pos_id) {
        return Err(format!("the hub already serves {}/{}", p.pos_parent, p.pos_id));
    }
    points.push(p);
    Ok(())
}
