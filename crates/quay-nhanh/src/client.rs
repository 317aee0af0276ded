//! `NhanhClient`: the v3 calls. `POST {base}/v3.0/{resource}/{action}?appId=…&businessId=…`,
//! header `Authorization: <token>` (raw), JSON body; the outcome is the envelope's `code`.
//!
//! **Rate gate**, per path (one client = one appId + businessId): after an `ERR_429`
//! the path is locked until `unlockedAt` — bounded by `lockedSeconds + 1` against clock
//! skew; when our clock is ahead and `unlockedAt` seems past, `lockedSeconds` is waited —
//! and no call is sent on it until then (calls while locked would extend Nhanh's lock).
//! A call that finds its path locked sleeps until it unlocks; the call that got the
//! `ERR_429` is sent again after the sleep (Nhanh did nothing with it). A call gives up
//! with `RateLimited`, sending nothing more, when its total wait would exceed
//! `max_rate_wait` (60 s unless set).
//!
//! Nothing here retries on other errors: whether a call may be repeated is the caller's
//! decision (`NhanhError::is_unknown_outcome`). An `order/add` whose answer was lost is
//! repeated with the same appOrderId: Nhanh then answers "already exists (order N)",
//! which `add_order` returns as success with `duplicate: true`.
//!
//! The token and secret key are never logged nor shown by `Debug`.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use reqwest::Url;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::customer::{Customer, Mobile};
use crate::error::{NhanhError, ERR_429, ERR_INVALID_FORM_FIELDS};
pub use crate::order::OrderFilters;
use crate::order::{AddedOrder, NewOrder, Order};
use crate::product::{categories_from, NhanhCategory, Product};
use crate::wire::{self, as_i64, opt_text, parse_envelope, parse_lock, rows, text_list, Envelope};

/// Nhanh's production host.
pub const DEFAULT_BASE_URL: &str = "https://pos.open.nhanh.vn";
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
pub const DEFAULT_MAX_RATE_WAIT: Duration = Duration::from_secs(60);
/// The lock assumed when an `ERR_429` says nothing of its length (the contract's 10 s).
pub const DEFAULT_LOCK: Duration = Duration::from_secs(10);
/// Largest page Nhanh serves.
pub const MAX_PAGE_SIZE: u32 = 100;

/// How to reach one business's Nhanh. `Debug` masks the token.
#[derive(Clone)]
pub struct Config {
    pub base_url: String,
    pub app_id: String,
    pub business_id: Option<String>,
    pub access_token: Option<String>,
    pub timeout: Duration,
}

impl Config {
    /// Production host, no business or token yet (before the grant), 30 s per call.
    pub fn new(app_id: impl Into<String>) -> Config {
        Config { base_url: DEFAULT_BASE_URL.into(), app_id: app_id.into(), business_id: None, access_token: None, timeout: DEFAULT_TIMEOUT }
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("Config")
            .field("base_url", &self.base_url)
            .field("app_id", &self.app_id)
            .field("business_id", &self.business_id)
            .field("access_token", &self.access_token.as_ref().map(|_| "********"))
            .field("timeout", &self.timeout)
            .finish()
    }
}

/// What `app/getaccesstoken` and `app/checkaccesstoken` answer. `Debug` masks the token.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenInfo {
    #[serde(default)]
    pub access_token: String,
    /// `3.0` for a v3 token.
    #[serde(default, deserialize_with = "text_or_empty")]
    pub version: String,
    /// Unix seconds. Tokens last a year and cannot be refreshed: warn before.
    #[serde(deserialize_with = "wire::req_i64")]
    pub expired_at: i64,
    #[serde(default, deserialize_with = "text_or_empty")]
    pub business_id: String,
    /// Empty = every depot.
    #[serde(default, deserialize_with = "wire::i64_list")]
    pub depot_ids: Vec<i64>,
    #[serde(default, deserialize_with = "text_list")]
    pub page_ids: Vec<String>,
    #[serde(default, deserialize_with = "text_list")]
    pub permissions: Vec<String>,
}

impl fmt::Debug for TokenInfo {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("TokenInfo")
            .field("access_token", &"********")
            .field("version", &self.version)
            .field("expired_at", &self.expired_at)
            .field("business_id", &self.business_id)
            .field("depot_ids", &self.depot_ids)
            .field("page_ids", &self.page_ids)
            .field("permissions", &self.permissions)
            .finish()
    }
}

/// One page of a list: its rows and the `next` to send for the following page (`None` =
/// this was the last page).
#[derive(Clone, Debug, PartialEq)]
pub struct Page<T> {
    pub rows: Vec<T>,
    pub next: Option<Value>,
}

/// Filters of `product/list` (`name` matches name, code or barcode; dates unix seconds).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductFilters {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ids: Vec<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub category_ids: Vec<i64>,
    #[serde(rename = "status", skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at_from: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at_to: Option<i64>,
}

#[derive(Clone, Copy)]
struct Locked {
    until: Instant,
    unlocked_at: i64,
}

/// The client. Clones share the rate gate.
#[derive(Clone)]
pub struct NhanhClient {
    http: reqwest::Client,
    config: Config,
    base: String,
    max_rate_wait: Duration,
    gate: Arc<Mutex<HashMap<String, Locked>>>,
}

impl fmt::Debug for NhanhClient {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("NhanhClient").field("config", &self.config).field("max_rate_wait", &self.max_rate_wait).finish_non_exhaustive()
    }
}

fn now_unix_ms() -> i128 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i128).unwrap_or(0)
}

/// How long an `ERR_429` locks, from its data and our clock (ms since the epoch).
pub fn lock_wait(lock: &wire::Lock, now_ms: i128) -> Duration {
    let bound = lock.locked_seconds.filter(|s| *s > 0).map(|s| Duration::from_secs(s as u64 + 1));
    let by_clock = lock.unlocked_at.map(|t| (t as i128) * 1000 - now_ms);
    let wait = match (by_clock, lock.locked_seconds.filter(|s| *s > 0)) {
        (Some(ms), _) if ms > 0 => Duration::from_millis(ms.min(u64::MAX as i128) as u64),
        // unlockedAt seems past (our clock is ahead): wait the lock's length.
        (_, Some(s)) => Duration::from_secs(s as u64),
        (Some(_), None) => Duration::from_secs(1),
        (None, None) => DEFAULT_LOCK,
    };
    match bound {
        Some(b) => wait.min(b),
        None => wait,
    }
}

impl NhanhClient {
    pub fn new(config: Config) -> NhanhClient {
        let http = reqwest::Client::builder()
            .connect_timeout(config.timeout.min(Duration::from_secs(10)))
            .build()
            .expect("reqwest client (rustls) builds");
        let base = config.base_url.trim_end_matches('/').to_string();
        let base = base.strip_suffix("/v3.0").unwrap_or(&base).to_string();
        NhanhClient { http, config, base, max_rate_wait: DEFAULT_MAX_RATE_WAIT, gate: Arc::new(Mutex::new(HashMap::new())) }
    }

    /// The longest a call waits for the rate limit, in all, before `RateLimited`.
    pub fn with_max_rate_wait(mut self, max: Duration) -> NhanhClient {
        self.max_rate_wait = max;
        self
    }

    /// The same client (and rate gate) with the business and token of a grant.
    pub fn with_access(&self, business_id: impl Into<String>, access_token: impl Into<String>) -> NhanhClient {
        let mut c = self.clone();
        c.config.business_id = Some(business_id.into());
        c.config.access_token = Some(access_token.into());
        c
    }

    /// Sets the business and token of a grant on this client (its rate gate is kept).
    pub fn set_business(&mut self, business_id: impl Into<String>, access_token: impl Into<String>) {
        self.config.business_id = Some(business_id.into());
        self.config.access_token = Some(access_token.into());
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// When `path` (`product/list`) is rate-locked: the unix second it unlocks.
    pub fn locked_until(&self, path: &str) -> Option<i64> {
        let gate = self.gate.lock().unwrap_or_else(|e| e.into_inner());
        gate.get(path).filter(|l| l.until > Instant::now()).map(|l| l.unlocked_at)
    }

    // ---- app ----

    /// `app/getaccesstoken`: exchanges the grant's `accessCode` (10 min, single use).
    /// A wrong secret key is a form error on `secretKey`, a bad code on `accessCode`.
    pub async fn get_access_token(&self, access_code: &str, secret_key: &str) -> Result<TokenInfo, NhanhError> {
        let body = json!({"accessCode": access_code, "secretKey": secret_key});
        let env = self.call("app/getaccesstoken", &body, Access::App).await?;
        decode("app/getaccesstoken", env.data)
    }

    /// `app/checkaccesstoken`: the token's grant as it stands (the connection test).
    pub async fn check_access_token(&self, secret_key: &str) -> Result<TokenInfo, NhanhError> {
        let body = json!({"secretKey": secret_key});
        let env = self.call("app/checkaccesstoken", &body, Access::Token { business: false }).await?;
        let mut info: TokenInfo = decode("app/checkaccesstoken", env.data)?;
        if info.access_token.is_empty() {
            info.access_token = self.config.access_token.clone().unwrap_or_default();
        }
        if info.business_id.is_empty() {
            info.business_id = self.config.business_id.clone().unwrap_or_default();
        }
        Ok(info)
    }

    // ---- products ----

    /// One page of `product/list` (`size` 1–100; `next` as the previous page gave it).
    pub async fn products_page(&self, filters: &ProductFilters, next: Option<Value>, size: u32) -> Result<Page<Product>, NhanhError> {
        self.page("product/list", serde_json::to_value(filters).unwrap_or(json!({})), next, size).await
    }

    /// Every product matching `filters`, following `next` verbatim until it is null;
    /// `progress` gets the number of rows so far after each page.
    pub async fn products_all(&self, filters: &ProductFilters, mut progress: impl FnMut(usize)) -> Result<Vec<Product>, NhanhError> {
        let mut all = Vec::new();
        let mut next: Option<Value> = None;
        loop {
            let page = self.products_page(filters, next.clone(), MAX_PAGE_SIZE).await?;
            all.extend(page.rows);
            progress(all.len());
            match page.next {
                None => return Ok(all),
                Some(n) if Some(&n) == next.as_ref() => {
                    return Err(NhanhError::Decode { path: "product/list".into(), detail: format!("paginator.next repeats {n}") })
                }
                Some(n) => next = Some(n),
            }
        }
    }

    /// `product/detail {"filters":{"id":N}}`; `None` when Nhanh has no such product.
    pub async fn product_detail(&self, id: i64) -> Result<Option<Product>, NhanhError> {
        let path = "product/detail";
        let env = match self.call(path, &json!({"filters": {"id": id}}), Access::Token { business: true }).await {
            Ok(env) => env,
            Err(e) if e.error_code() == Some(ERR_INVALID_FORM_FIELDS) && !e.field_messages("filters.id").is_empty() => return Ok(None),
            Err(e) => return Err(e),
        };
        let row = match env.data {
            Value::Null => return Ok(None),
            Value::Array(a) => match a.into_iter().find(|r| r.get("id").and_then(as_i64) == Some(id)) {
                Some(r) => r,
                None => return Ok(None),
            },
            Value::Object(m) if m.is_empty() => return Ok(None),
            Value::Object(m) if m.contains_key("id") => Value::Object(m),
            // Keyed by id.
            Value::Object(m) => match m.into_iter().map(|(_, v)| v).find(|r| r.get("id").and_then(as_i64) == Some(id)) {
                Some(r) => r,
                None => return Ok(None),
            },
            other => return Err(NhanhError::Decode { path: path.into(), detail: format!("unexpected data {other}") }),
        };
        decode(path, row).map(Some)
    }

    /// `product/category`: every category in one answer (nested children flattened).
    pub async fn categories(&self) -> Result<Vec<NhanhCategory>, NhanhError> {
        let path = "product/category";
        let env = self.call(path, &json!({}), Access::Token { business: true }).await?;
        categories_from(&env.data).map_err(|e| NhanhError::Decode { path: path.into(), detail: e.to_string() })
    }

    // ---- orders ----

    /// `order/add`. Checked first (nothing is sent if `NewOrder::validate` refuses). A
    /// repeated appOrderId is success with the existing order and `duplicate: true`.
    pub async fn add_order(&self, order: &NewOrder) -> Result<AddedOrder, NhanhError> {
        order.validate()?;
        let path = "order/add";
        match self.call(path, &order.to_json(), Access::Token { business: true }).await {
            Ok(env) => {
                #[derive(Deserialize)]
                #[serde(rename_all = "camelCase")]
                struct Added {
                    #[serde(deserialize_with = "wire::req_i64")]
                    id: i64,
                    #[serde(default, deserialize_with = "opt_text")]
                    tracking_url: Option<String>,
                }
                let a: Added = decode(path, env.data)?;
                Ok(AddedOrder { id: a.id, tracking_url: a.tracking_url, duplicate: false })
            }
            Err(e) => match duplicate_of(&e, &order.app_order_id) {
                Some(id) => {
                    tracing::info!(app_order_id = %order.app_order_id, order = id, "Nhanh already has this sale's order");
                    Ok(AddedOrder { id, tracking_url: None, duplicate: true })
                }
                None => Err(e),
            },
        }
    }

    /// One page of `order/list` (100 rows).
    pub async fn orders_page(&self, filters: &OrderFilters, next: Option<Value>) -> Result<Page<Order>, NhanhError> {
        self.page("order/list", serde_json::to_value(filters).unwrap_or(json!({})), next, MAX_PAGE_SIZE).await
    }

    /// Every order matching `filters`, following `next` verbatim until it is null.
    pub async fn orders_all(&self, filters: &OrderFilters) -> Result<Vec<Order>, NhanhError> {
        let mut all = Vec::new();
        let mut next: Option<Value> = None;
        loop {
            let page = self.orders_page(filters, next.clone()).await?;
            all.extend(page.rows);
            match page.next {
                None => return Ok(all),
                Some(n) if Some(&n) == next.as_ref() => {
                    return Err(NhanhError::Decode { path: "order/list".into(), detail: format!("paginator.next repeats {n}") })
                }
                Some(n) => next = Some(n),
            }
        }
    }

    /// `order/edit {"info":{id, status}}`. Check `order::can_edit` first.
    pub async fn edit_order_status(&self, id: i64, status: i64) -> Result<(), NhanhError> {
        self.call("order/edit", &json!({"info": {"id": id, "status": status}}), Access::Token { business: true }).await.map(|_| ())
    }

    // ---- customers ----

    /// `customer/list {"filters":{"mobile":…}}`: the customer with this mobile, if any.
    pub async fn customer_by_mobile(&self, mobile: &Mobile) -> Result<Option<Customer>, NhanhError> {
        let path = "customer/list";
        let env = self.call(path, &json!({"filters": {"mobile": mobile.as_str()}}), Access::Token { business: true }).await?;
        let list: Vec<Customer> = rows(&env.data).into_iter().map(|r| decode(path, r)).collect::<Result<_, _>>()?;
        let exact = list.iter().position(|c| c.has_mobile(mobile));
        Ok(exact.map(|i| list[i].clone()))
    }

    /// `customer/add [{name, mobile}]` → the customer's id (an existing mobile answers
    /// its id; look up first anyway). A blank name is sent as the mobile.
    pub async fn add_customer(&self, name: &str, mobile: &Mobile) -> Result<i64, NhanhError> {
        let path = "customer/add";
        let name = if name.trim().is_empty() { mobile.as_str() } else { name.trim() };
        let env = self.call(path, &json!([{"name": name, "mobile": mobile.as_str()}]), Access::Token { business: true }).await?;
        let list = match &env.data {
            Value::Object(m) if m.contains_key("id") => vec![env.data.clone()],
            d => rows(d),
        };
        let pick = list
            .iter()
            .find(|r| r.get("mobile").and_then(Value::as_str).and_then(|m| Mobile::parse(m).ok()).as_ref() == Some(mobile))
            .or(list.first())
            .and_then(|r| r.get("id").and_then(as_i64));
        pick.ok_or_else(|| NhanhError::Decode { path: path.into(), detail: "no customer id".into() })
    }

    // ---- plumbing ----

    async fn page<T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
        filters: Value,
        next: Option<Value>,
        size: u32,
    ) -> Result<Page<T>, NhanhError> {
        let mut paginator = serde_json::Map::new();
        paginator.insert("size".into(), json!(size.clamp(1, MAX_PAGE_SIZE)));
        if let Some(n) = next {
            paginator.insert("next".into(), n);
        }
        let body = json!({"filters": filters, "paginator": paginator});
        let env = self.call(path, &body, Access::Token { business: true }).await?;
        let rows = if path == "order/list" {
            // One order row the counter cannot read (an amount with a fraction) must not
            // stop every other order from arriving: it is left out, and said.
            rows(&env.data)
                .into_iter()
                .filter_map(|r| {
                    let id = r.pointer("/info/id").cloned();
                    decode(path, r).map_err(|e| tracing::warn!(order = ?id, error = %e, "nhanh: an order row was left out")).ok()
                })
                .collect()
        } else {
            rows(&env.data).into_iter().map(|r| decode(path, r)).collect::<Result<Vec<T>, _>>()?
        };
        Ok(Page { rows, next: env.next.filter(|n| !is_first_page_marker(n)) })
    }

    /// Sends one call through the rate gate; an `ERR_429` locks the path and the call is
    /// sent again once it unlocks (within `max_rate_wait`). Returns an OK envelope or the
    /// error.
    async fn call(&self, path: &str, body: &Value, access: Access) -> Result<Envelope, NhanhError> {
        let url = self.url(path, access)?;
        let mut waited = Duration::ZERO;
        loop {
            if let Some(lock) = self.current_lock(path) {
                let remaining = lock.until.saturating_duration_since(Instant::now());
                if waited + remaining > self.max_rate_wait {
                    tracing::warn!(path, unlocked_at = lock.unlocked_at, "Nhanh rate limit: giving up for now");
                    return Err(NhanhError::RateLimited { path: path.into(), unlocked_at: lock.unlocked_at });
                }
                tracing::debug!(path, wait_ms = remaining.as_millis() as u64, "Nhanh rate limit: waiting");
                tokio::time::sleep(remaining).await;
                waited += remaining;
                continue;
            }
            let env = self.send(path, url.clone(), body, access).await?;
            if env.ok() {
                return Ok(env);
            }
            let code = env.error_code.clone().unwrap_or_default();
            if code == ERR_429 {
                let lock = parse_lock(&env.data);
                let wait = lock_wait(&lock, now_unix_ms());
                let unlocked_at = lock.unlocked_at.unwrap_or_else(|| ((now_unix_ms() + wait.as_millis() as i128 + 999) / 1000) as i64);
                self.set_lock(path, Locked { until: Instant::now() + wait, unlocked_at });
                tracing::warn!(path, wait_ms = wait.as_millis() as u64, "Nhanh rate limit reached");
                continue;
            }
            return Err(NhanhError::Api { path: path.into(), code, messages: env.messages, data: env.data });
        }
    }

    fn current_lock(&self, path: &str) -> Option<Locked> {
        let mut gate = self.gate.lock().unwrap_or_else(|e| e.into_inner());
        match gate.get(path) {
            Some(l) if l.until > Instant::now() => Some(*l),
            Some(_) => {
                gate.remove(path);
                None
            }
            None => None,
        }
    }

    fn set_lock(&self, path: &str, lock: Locked) {
        let mut gate = self.gate.lock().unwrap_or_else(|e| e.into_inner());
        let keep = gate.get(path).is_some_and(|l| l.until >= lock.until);
        if !keep {
            gate.insert(path.to_string(), lock);
        }
    }

    fn url(&self, path: &str, access: Access) -> Result<Url, NhanhError> {
        let mut url = Url::parse(&format!("{}/v3.0/{}", self.base, path)).map_err(|e| NhanhError::Transport {
            path: path.into(),
            detail: format!("bad base URL: {e}"),
            timed_out: false,
        })?;
        {
            let mut q = url.query_pairs_mut();
            q.append_pair("appId", &self.config.app_id);
            let business = match access {
                Access::Token { business: true } => {
                    Some(self.config.business_id.as_deref().ok_or(NhanhError::NotConfigured { missing: "businessId" })?)
                }
                Access::Token { business: false } => self.config.business_id.as_deref(),
                Access::App => None,
            };
            if let Some(b) = business {
                q.append_pair("businessId", b);
            }
        }
        Ok(url)
    }

    async fn send(&self, path: &str, url: Url, body: &Value, access: Access) -> Result<Envelope, NhanhError> {
        let mut req = self.http.post(url).timeout(self.config.timeout).json(body);
        if let Access::Token { .. } = access {
            let token = self
                .config
                .access_token
                .as_deref()
                .filter(|t| !t.is_empty())
                .ok_or(NhanhError::NotConfigured { missing: "accessToken" })?;
            req = req.header(reqwest::header::AUTHORIZATION, token);
        }
        let transport =
            |e: reqwest::Error| NhanhError::Transport { path: path.into(), timed_out: e.is_timeout(), detail: e.without_url().to_string() };
        let resp = req.send().await.map_err(transport)?;
        let status = resp.status();
        let bytes = resp.bytes().await.map_err(transport)?;
        match parse_envelope(&bytes) {
            Ok(env) => Ok(env),
            Err(_) if !status.is_success() => Err(NhanhError::Http { path: path.into(), status: status.as_u16() }),
            Err(wire::NotAnEnvelope(detail)) => Err(NhanhError::Decode { path: path.into(), detail }),
        }
    }
}

#[derive(Clone, Copy, Debug)]
enum Access {
    /// `app/getaccesstoken`: appId only, no token.
    App,
    /// Token in `Authorization`; `business`: businessId required in the query.
    Token { business: bool },
}

fn text_or_empty<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(opt_text(d)?.unwrap_or_default())
}

fn decode<T: serde::de::DeserializeOwned>(path: &str, v: Value) -> Result<T, NhanhError> {
    serde_json::from_value(v).map_err(|e| NhanhError::Decode { path: path.into(), detail: e.to_string() })
}

/// `""` and `{}` mean "first page" when sent; as an answer's `next` they would loop.
fn is_first_page_marker(v: &Value) -> bool {
    matches!(v, Value::String(s) if s.is_empty()) || matches!(v, Value::Object(m) if m.is_empty())
}

/// The existing order of a repeated appOrderId: `ERR_INVALID_FORM_FIELDS` naming
/// `channel.appOrderId`, with `data.id` (and `data.appOrderId`, when present, ours).
pub fn duplicate_of(e: &NhanhError, app_order_id: &str) -> Option<i64> {
    let NhanhError::Api { code, data, .. } = e else { return None };
    if code != ERR_INVALID_FORM_FIELDS || e.field_messages("channel.appOrderId").is_empty() {
        return None;
    }
    if let Some(theirs) = data.get("appOrderId").and_then(|v| v.as_str()) {
        if theirs != app_order_id {
            return None;
        }
    }
    data.get("id").and_then(as_i64).filter(|id| *id > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::{Lock, Message};

    #[test]
    fn secrets_not_in_debug() {
        let mut c = Config::new("app-1");
        c.access_token = Some("Secr3tTokenValue".into());
        c.business_id = Some("42".into());
        let shown = format!("{c:?} {:?}", NhanhClient::new(c.clone()));
        assert!(!shown.contains("Secr3tTokenValue"), "{shown}");
        assert!(shown.contains("app-1") && shown.contains("42"));
        let t = TokenInfo {
            access_token: "Secr3tTokenValue".into(),
            version: "3.0".into(),
            expired_at: 1,
            business_id: "42".into(),
            depot_ids: vec![7],
            page_ids: vec![],
            permissions: vec!["order/add".into()],
        };
        let shown = format!("{t:?}");
        assert!(!shown.contains("Secr3tTokenValue") && shown.contains("order/add"), "{shown}");
    }

    #[test]
    fn lock_waits() {
        let now = 1_000_000_000_000i128; // ms
        let secs = (now / 1000) as i64;
        let cases: &[(Option<i64>, Option<i64>, u64)] = &[
            (Some(10), Some(secs + 10), 10_000),
            (Some(10), Some(secs + 30), 11_000), // our clock behind: bounded by lockedSeconds + 1
            (Some(10), Some(secs - 5), 10_000),  // our clock ahead: the lock's length
            (Some(10), None, 10_000),
            (None, Some(secs + 3), 3_000),
            (None, None, 10_000),
            (None, Some(secs - 1), 1_000),
        ];
        for (locked, at, want) in cases {
            let w = lock_wait(&Lock { locked_seconds: *locked, unlocked_at: *at }, now);
            assert_eq!(w, Duration::from_millis(*want), "{locked:?} {at:?}");
        }
    }

    #[test]
    fn duplicates_recognised() {
        let e = |code: &str, field: &str, data: Value| NhanhError::Api {
            path: "order/add".into(),
            code: code.into(),
            messages: vec![Message::new(Some(field), "appOrderId S-1 already exists (order 91)")],
            data,
        };
        assert_eq!(
            duplicate_of(&e(ERR_INVALID_FORM_FIELDS, "channel.appOrderId", json!({"id": 91, "appOrderId": "S-1"})), "S-1"),
            Some(91)
        );
        assert_eq!(duplicate_of(&e(ERR_INVALID_FORM_FIELDS, "channel.appOrderId", json!({"id": "91"})), "S-1"), Some(91));
        assert_eq!(duplicate_of(&e(ERR_INVALID_FORM_FIELDS, "channel.appOrderId", json!({"id": 91, "appOrderId": "S-2"})), "S-1"), None);
        assert_eq!(duplicate_of(&e(ERR_INVALID_FORM_FIELDS, "channel.appOrderId", json!(null)), "S-1"), None);
        assert_eq!(duplicate_of(&e(ERR_INVALID_FORM_FIELDS, "products.0.id", json!({"id": 91})), "S-1"), None);
        assert_eq!(duplicate_of(&e("ERR_403", "channel.appOrderId", json!({"id": 91})), "S-1"), None);
    }

    #[test]
    fn product_filters_body() {
        let f = ProductFilters { ids: vec![1], statuses: vec![1, 2], updated_at_from: Some(5), ..Default::default() };
        assert_eq!(serde_json::to_value(&f).unwrap(), json!({"ids": [1], "status": [1, 2], "updatedAtFrom": 5}));
        assert_eq!(serde_json::to_value(ProductFilters::default()).unwrap(), json!({}));
    }

    #[test]
    fn token_info_lenient() {
        let t: TokenInfo = serde_json::from_value(json!({"accessToken": "x", "version": 3.0, "expiredAt": "1800000000", "businessId": 42,
            "depotIds": ["7", 8], "pageIds": [123456789012345678u64], "permissions": ["product/list"]}))
        .unwrap();
        assert_eq!((t.expired_at, t.business_id.as_str(), t.depot_ids.clone()), (1_800_000_000, "42", vec![7, 8]));
        assert_eq!(t.version, "3.0");
        assert_eq!(t.page_ids, vec!["123456789012345678".to_string()]);
    }
}
