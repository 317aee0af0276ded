//! Connecting a Nhanh business (seed 002's steps): the one-time access code exchanged for
//! the token, the rules enforced (one business per counter database, nothing changes
//! while a sync runs, the permissions the connector needs, the token's expiry), the
//! status a technician and `quay nhanh status` see, and disconnecting (history kept).

use std::sync::atomic::Ordering;

use quay_core::auth::Action;
use quay_core::error::Arg;
use quay_core::Currency;
use quay_nhanh::permission;
use quay_store::nhanh::Grant;
use serde::Serialize;

use crate::{keys, AppError, Counter, Result, Who};

/// Days before the token's expiry from which it is warned about (it has no refresh: the
/// merchant must grant access again).
pub const WARN_DAYS: i64 = 30;

#[derive(Debug, Clone, Serialize)]
pub struct MissingPermission {
    pub permission: String,
    /// The job that needs it, in the counter's language.
    pub job: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    pub product_id: i64,
    pub name: String,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct WebhookState {
    pub listening: bool,
    pub address: Option<String>,
    pub last_delivery_at: Option<String>,
    /// Deliveries refused for a wrong verify token.
    pub rejected: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct ErrorLine {
    pub code: String,
    pub message: String,
}

/// The connection as the counter knows it (nothing is asked of Nhanh: `connect test
/// nhanh` does that).
#[derive(Debug, Clone, Serialize)]
pub struct NhanhStatus {
    pub connected: bool,
    pub business_id: Option<String>,
    pub depot_id: Option<i64>,
    pub depots: Vec<i64>,
    pub token_expires_at: Option<String>,
    pub days_left: Option<i64>,
    pub token_warning: bool,
    pub permissions: Vec<String>,
    pub missing: Vec<MissingPermission>,
    pub last_product_sync: Option<String>,
    pub products: usize,
    pub skipped: Vec<Skipped>,
    pub pending_sales: i64,
    pub rejected_sales: usize,
    pub open_orders: usize,
    pub webhook: WebhookState,
    pub last_error: Option<ErrorLine>,
    pub syncing: bool,
    pub menu_source: String,
    /// Connections this database has had (the history disconnecting keeps).
    pub history: Vec<quay_store::nhanh::NhanhConnection>,
}

/// What the "Connect Nhanh" form shows beside seed 002's steps.
#[derive(Debug, Clone, Serialize)]
pub struct Guide {
    /// The page where the merchant grants the app access (it comes back with a code).
    pub oauth_url: Option<String>,
    pub redirect_url: Option<String>,
    pub webhook_url: Option<String>,
    pub app_id_set: bool,
    pub secret_set: bool,
    pub webhook_token_set: bool,
}

/// Nhanh's grant page for an app (v3: no `version` parameter).
pub const OAUTH_BASE: &str = "https://nhanh.vn/oauth";

fn unix_to_rfc3339(t: i64) -> Option<String> {
    chrono::DateTime::from_timestamp(t, 0).map(|d| d.to_rfc3339())
}

/// The Fluent argument names and nested message ids a kept Nhanh message may use: kept
/// messages are JSON, and Fluent wants `'static` names back.
const NAMES: &[&str] = &[
    "id",
    "name",
    "price",
    "category",
    "type",
    "field",
    "detail",
    "permission",
    "job",
    "code",
    "status",
    "path",
    "missing",
    "mobile",
    "reason",
    "unlocked_at",
    "barcode",
    "value",
    "kind",
    "expected",
    "found",
    "item",
    "group",
    "rate",
    "min",
    "max",
    "count",
    "nhanh-job-products",
    "nhanh-job-sales",
    "nhanh-job-orders",
    "nhanh-job-customers",
    "nhanh-job-other",
];

fn name(s: &str) -> &'static str {
    NAMES.iter().find(|n| **n == s).copied().unwrap_or("value")
}

/// A JSON object of arguments (as kept in the state) back into Fluent arguments.
pub(super) fn json_args(v: &serde_json::Value) -> Vec<(&'static str, Arg)> {
    let Some(map) = v.as_object() else { return vec![] };
    map.iter().map(|(k, v)| (name(k), json_arg(v))).collect()
}

fn json_arg(v: &serde_json::Value) -> Arg {
    match v {
        serde_json::Value::Number(n) if n.is_i64() => Arg::Int(n.as_i64().unwrap_or_default()),
        serde_json::Value::String(s) => Arg::Text(s.clone()),
        // A message inside the message (a job's name): said in the reader's language.
        serde_json::Value::Object(m) if m.contains_key("message") => {
            Arg::Message(name(m["message"].as_str().unwrap_or_default()), json_args(&m["args"]))
        }
        other => Arg::Text(other.to_string()),
    }
}

/// Fluent arguments as JSON, to keep a message to translate later.
pub(super) fn args_json(args: &[(&'static str, Arg)]) -> serde_json::Value {
    let mut m = serde_json::Map::new();
    for (k, a) in args {
        m.insert((*k).to_string(), arg_json(a));
    }
    serde_json::Value::Object(m)
}

fn arg_json(a: &Arg) -> serde_json::Value {
    match a {
        Arg::Int(i) => serde_json::json!(i),
        Arg::Text(t) => serde_json::json!(t),
        Arg::Name { name, .. } => serde_json::json!(name),
        Arg::Money(m) => serde_json::json!(m.minor),
        Arg::Message(id, args) => serde_json::json!({"message": id, "args": args_json(args)}),
    }
}

impl Counter {
    /// Exchanges the merchant's one-time access code for the business's token and
    /// records the grant (business, depots, permissions, expiry). Refused for another
    /// business while one is connected, and while a sync runs. With `menu.source` =
    /// `nhanh`, the products are synced at once.
    ///
    /// Without a code, the token a technician set (`nhanh.access_token`, with
    /// `nhanh.business_id`) is checked with Nhanh and its grant recorded the same way.
    pub fn nhanh_connect(&self, who: &Who, access_code: Option<&str>) -> Result<NhanhStatus> {
        self.allow(who, Action::ConfigureSettings)?;
        let code = access_code.map(str::trim);
        if code.is_some_and(|code| code.is_empty() || code.len() > 512 || code.chars().any(|c| c.is_whitespace() || c.is_control())) {
            return Err(AppError::new("err-nhanh-access-code", vec![]));
        }
        if self.config.currency != Currency::Vnd {
            return Err(AppError::new("err-nhanh-currency", vec![("currency", self.config.currency.code().into())]));
        }
        {
            let _busy = self.nhanh_busy()?;
            let secret = self.nhanh_secret(keys::NHANH_SECRET_KEY)?;
            let token = match code {
                Some(code) => crate::rt::block_on(self.nhanh_client(false)?.get_access_token(code, &secret))?,
                None => {
                    let mut client = self.nhanh_client(false)?;
                    client.set_business(self.nhanh_setting(keys::NHANH_BUSINESS_ID)?, self.nhanh_secret(keys::NHANH_ACCESS_TOKEN)?);
                    let mut info = crate::rt::block_on(client.check_access_token(&secret))?;
                    info.access_token = self.nhanh_secret(keys::NHANH_ACCESS_TOKEN)?;
                    info
                }
            };
            let grant = Grant {
                business_id: token.business_id.clone(),
                depot_ids: token.depot_ids.clone(),
                permissions: token.permissions.clone(),
                expires_at: token.expired_at,
                version: Some(token.version.clone()).filter(|v| !v.is_empty()),
            };
            let now = self.now().to_rfc3339();
            // Another business is refused before anything is written; then the token
            // first, so a connection is never recorded without its token.
            if let Some(open) = self.store().nhanh_connection()?.filter(|c| c.business_id != grant.business_id) {
                return Err(AppError::new("err-nhanh-other-business", vec![("business", Arg::Text(open.business_id))]));
            }
            self.store().set_secret(keys::NHANH_ACCESS_TOKEN, &token.access_token)?;
            self.set_setting(keys::NHANH_BUSINESS_ID, &grant.business_id)?;
            let conn = self.store().nhanh_connect(&grant, &now, &who.actor())?;
            if conn.connected_at == now {
                // A new connection: Nhanh's orders count from now (no backfill).
                self.set_nhanh_state("orders_since", &self.now().timestamp().to_string())?;
            }
            let after = serde_json::json!({
                "business": conn.business_id, "depots": conn.depot_ids, "permissions": conn.permissions, "expires_at": conn.expires_at,
            });
            self.audit(who, "nhanh.connect", &conn.business_id, None, Some(after.to_string()))?;
            tracing::info!(business = %conn.business_id, depots = ?conn.depot_ids, "nhanh: connected");
        }
        if self.menu_from_nhanh()? {
            if let Err(e) = self.nhanh_sync_products_now() {
                tracing::warn!(code = e.code, "nhanh: the first product sync failed; it is retried");
            }
        }
        self.nhanh.wake.notify_one();
        self.nhanh_status(who)
    }

    /// Closes the connection: nothing more is sent or fetched, the token is forgotten,
    /// the history (and every record of what was synced) stays.
    pub fn nhanh_disconnect(&self, who: &Who) -> Result<NhanhStatus> {
        self.allow(who, Action::ConfigureSettings)?;
        {
            let _busy = self.nhanh_busy()?;
            let business = self.store().nhanh_connection()?.map(|c| c.business_id);
            let Some(business) = business else { return Err(AppError::new("err-nhanh-not-connected", vec![])) };
            self.store().nhanh_disconnect(&self.now().to_rfc3339(), &who.actor())?;
            self.store().delete_secret(keys::NHANH_ACCESS_TOKEN)?;
            self.audit(who, "nhanh.disconnect", &business, Some(business.clone()), None)?;
            tracing::info!(business = %business, "nhanh: disconnected");
        }
        self.nhanh_status(who)
    }

    /// The connection, its token's expiry, what was synced and what waits.
    pub fn nhanh_status(&self, who: &Who) -> Result<NhanhStatus> {
        self.allow(who, Action::ViewSales)?;
        let lang = self.lang();
        let history = self.store().nhanh_connections()?;
        let conn = history.iter().find(|c| c.disconnected_at.is_none()).cloned();
        let now = self.now().timestamp();
        let days_left = conn.as_ref().map(|c| (c.expires_at - now).div_euclid(86_400));
        let missing = match &conn {
            Some(c) => permission::missing(&c.permissions)
                .into_iter()
                .map(|(p, job)| MissingPermission { permission: p.to_string(), job: self.i18n().t(lang, job, &[]) })
                .collect(),
            None => vec![],
        };
        let skipped = self
            .nhanh_state("skipped")?
            .and_then(|s| serde_json::from_str::<Vec<serde_json::Value>>(&s).ok())
            .unwrap_or_default()
            .iter()
            .map(|v| Skipped {
                product_id: v["product_id"].as_i64().unwrap_or_default(),
                name: v["name"].as_str().unwrap_or_default().to_string(),
                message: self.i18n().t(lang, v["code"].as_str().unwrap_or("err-nhanh-product"), &json_args(&v["args"])),
            })
            .collect();
        let outbox = self.store().nhanh_outbox_status()?;
        let open_orders = self.nhanh_open_orders()?;
        let (last_delivery_at, _) = self.store().nhanh_inbox_stats()?;
        let last_error = self.nhanh_state("last_error")?.and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok()).map(|v| {
            let code = v["code"].as_str().unwrap_or("err-nhanh-call").to_string();
            let args = json_args(&v["args"]);
            let message = self.i18n().t(lang, &code, &args);
            ErrorLine { code, message }
        });
        let address = self.setting(keys::NHANH_WEBHOOK_LISTEN)?.filter(|v| !v.trim().is_empty());
        let products =
            self.menu().map(|m| m.items().iter().filter(|i| quay_nhanh::product::product_id(&i.id).is_some()).count()).unwrap_or(0);
        Ok(NhanhStatus {
            connected: conn.is_some(),
            business_id: conn.as_ref().map(|c| c.business_id.clone()),
            depot_id: if conn.is_some() { self.nhanh_depot()? } else { None },
            depots: conn.as_ref().map(|c| c.depot_ids.clone()).unwrap_or_default(),
            token_expires_at: conn.as_ref().and_then(|c| unix_to_rfc3339(c.expires_at)),
            days_left,
            token_warning: days_left.is_some_and(|d| d <= WARN_DAYS),
            permissions: conn.as_ref().map(|c| c.permissions.clone()).unwrap_or_default(),
            missing,
            last_product_sync: self.nhanh_state("products_synced_at")?,
            products,
            skipped,
            pending_sales: outbox.pending,
            rejected_sales: outbox.rejected.len(),
            open_orders,
            webhook: WebhookState {
                listening: self.nhanh.listening.load(Ordering::Relaxed) || answers(address.as_deref()),
                address,
                last_delivery_at,
                rejected: self.nhanh_state("webhook_rejected")?.and_then(|v| v.parse().ok()).unwrap_or(0),
            },
            last_error,
            syncing: self.nhanh.busy.load(Ordering::Relaxed),
            menu_source: if self.menu_from_nhanh()? { super::SOURCE_NHANH } else { super::SOURCE_HUB }.to_string(),
            history,
        })
    }

    /// What the "Connect Nhanh" form shows: the grant link for this app, the URLs to
    /// register, and which of the app's details are set (never their values).
    pub fn nhanh_guide(&self, who: &Who) -> Result<Guide> {
        self.allow(who, Action::ConfigureSettings)?;
        let app_id = self.setting(keys::NHANH_APP_ID)?.filter(|v| !v.trim().is_empty());
        let redirect_url = self.setting(keys::NHANH_REDIRECT_URL)?.filter(|v| !v.trim().is_empty());
        let oauth_url = match (&app_id, &redirect_url) {
            (Some(app), Some(back)) => Some(format!("{OAUTH_BASE}?appId={}&returnLink={}", encode(app.trim()), encode(back.trim()))),
            _ => None,
        };
        // One store guard at a time: each bound before the next is taken.
        let secret_set = self.store().has_secret(keys::NHANH_SECRET_KEY)?;
        let webhook_token_set = self.store().has_secret(keys::NHANH_WEBHOOK_TOKEN)?;
        Ok(Guide {
            oauth_url,
            redirect_url,
            webhook_url: self.setting(keys::NHANH_WEBHOOK_URL)?.filter(|v| !v.trim().is_empty()),
            app_id_set: app_id.is_some(),
            secret_set,
            webhook_token_set,
        })
    }
}

/// Whether something answers on the listener's address: the listener may be another
/// process's (the window's, when the status is asked from the command line).
fn answers(address: Option<&str>) -> bool {
    let Some(addr) = address.and_then(|a| a.trim().parse::<std::net::SocketAddr>().ok()) else { return false };
    let addr = if addr.ip().is_unspecified() { std::net::SocketAddr::from(([127, 0, 0, 1], addr.port())) } else { addr };
    std::net::TcpStream::connect_timeout(&addr, std::time::Duration::from_millis(300)).is_ok()
}

/// Percent-encodes a query value (RFC 3986 unreserved characters kept).
fn encode(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn encodes_a_return_link() {
        assert_eq!(super::encode("https://pos.example/nhanh?x=1&y=2"), "https%3A%2F%2Fpos.example%2Fnhanh%3Fx%3D1%26y%3D2");
    }

    #[test]
    fn args_round_trip() {
        use quay_core::error::Arg;
        let args = vec![("id", Arg::Int(5)), ("name", Arg::Text("Phở".into())), ("job", Arg::Message("nhanh-job-sales", vec![]))];
        let mut back = super::json_args(&super::args_json(&args));
        let mut args = args;
        back.sort_by_key(|(k, _)| *k);
        args.sort_by_key(|(k, _)| *k);
        assert_eq!(format!("{back:?}"), format!("{args:?}"));
    }
}
