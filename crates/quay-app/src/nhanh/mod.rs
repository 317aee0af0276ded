//! Nhanh.vn (seed 002, issue 16), run from the counter: the connection (`connect`),
//! products in (`products`), sales out as orders (`outbox`), the orders of Nhanh's own
//! channels (`orders`) and the webhook deliveries (`inbox`). The wire client and the pure
//! decisions are the `quay-nhanh` crate; the durable state is `quay_store::nhanh`.
//!
//! Only what happens while connected goes to Nhanh: a sale is queued in its own
//! transaction when a connection is open, and nothing of a disconnected period is sent
//! later. Connection details cannot change while a sync runs (`Activity::busy`).

mod connect;
mod inbox;
mod orders;
mod outbox;
mod products;
pub mod worker;

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use quay_core::error::{Arg, Localized};
use quay_nhanh::client::{Config, NhanhClient};
use quay_nhanh::error::NhanhError;
use sha2::{Digest, Sha256};

use crate::{keys, AppError, Counter, Result};

pub use connect::{Guide, MissingPermission, NhanhStatus, WebhookState, WARN_DAYS};
pub use inbox::{listen, Delivered, PATH};
pub use orders::{OnlineOrder, OrderAct, OrderCustomer, OrderLine};
pub use outbox::PushReport;
pub use products::ProductSync;

/// `menu.source`: where the counter's menu comes from.
pub const SOURCE_HUB: &str = "hub";
pub const SOURCE_NHANH: &str = "nhanh";

/// What runs, process-wide for this counter.
#[derive(Default)]
pub struct Activity {
    busy: AtomicBool,
    /// The webhook listener is bound.
    listening: AtomicBool,
    /// Woken when a sale, a status write or a webhook delivery waits.
    pub(crate) wake: tokio::sync::Notify,
    /// One Nhanh change of the menu at a time in this process: each is made against the
    /// version it read.
    pub(crate) menu_work: std::sync::Mutex<()>,
    /// The business's client, kept while its settings stay the same: its rate gate
    /// remembers Nhanh's locks from one round to the next (a fresh client would call a
    /// locked path again at once, and each such call extends the lock).
    client: std::sync::Mutex<Option<(String, NhanhClient)>>,
    /// One sender of the outbox at a time in this process.
    pub(crate) sending: std::sync::Mutex<()>,
}

impl Activity {
    pub(crate) fn listening(&self) -> bool {
        self.listening.load(Ordering::Relaxed)
    }
}

/// Held while a sync runs; dropping it frees the connection details again.
pub(crate) struct Busy<'a>(&'a AtomicBool);

impl Drop for Busy<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Release);
    }
}

impl From<NhanhError> for AppError {
    fn from(e: NhanhError) -> AppError {
        AppError::from_localized(&e)
    }
}

/// The translated message of a Nhanh error as a status line keeps it (`code: message`
/// is rebuilt by the face; here the English detail, never a secret).
fn said(e: &NhanhError) -> String {
    format!("{}: {e}", e.code())
}

impl Counter {
    /// Whether the counter's menu comes from Nhanh (`menu.source` = `nhanh`).
    pub fn menu_from_nhanh(&self) -> Result<bool> {
        Ok(self.setting(keys::MENU_SOURCE)?.as_deref().map(str::trim) == Some(SOURCE_NHANH))
    }

    /// Marks a sync running; refused while another runs (connection details and the menu
    /// must not change under it).
    pub(crate) fn nhanh_busy(&self) -> Result<Busy<'_>> {
        if self.nhanh.busy.swap(true, Ordering::AcqRel) {
            return Err(AppError::new("err-nhanh-busy", vec![]));
        }
        Ok(Busy(&self.nhanh.busy))
    }

    /// Refuses a change of `key` (a `nhanh.*` setting) while a sync runs.
    pub(crate) fn nhanh_settings_frozen(&self, key: &str) -> Result<()> {
        if (key.starts_with("nhanh.") || key == keys::MENU_SOURCE) && self.nhanh.busy.load(Ordering::Acquire) {
            return Err(AppError::new("err-nhanh-busy", vec![]));
        }
        Ok(())
    }

    /// The rules of seed 002 on the settings themselves: the business cannot be switched
    /// while another is connected (disconnect first), and a menu from Nhanh needs a
    /// counter in VND.
    pub(crate) fn nhanh_setting_allowed(&self, key: &str, value: &str) -> Result<()> {
        if key == keys::NHANH_BUSINESS_ID {
            if let Some(c) = self.store().nhanh_connection()?.filter(|c| c.business_id != value.trim()) {
                return Err(AppError::new("err-nhanh-other-business", vec![("business", Arg::Text(c.business_id))]));
            }
        }
        if key == keys::MENU_SOURCE && value.trim() == SOURCE_NHANH && self.config.currency != quay_core::Currency::Vnd {
            return Err(AppError::new("err-nhanh-currency", vec![("currency", self.config.currency.code().into())]));
        }
        Ok(())
    }

    fn nhanh_setting(&self, key: &'static str) -> Result<String> {
        self.setting(key)?
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .ok_or_else(|| AppError::new("err-nhanh-not-configured", vec![("missing", Arg::Text(key.into()))]))
    }

    fn nhanh_secret(&self, key: &'static str) -> Result<String> {
        self.store()
            .secret(key)?
            .filter(|v| !v.is_empty())
            .ok_or_else(|| AppError::new("err-nhanh-not-configured", vec![("missing", Arg::Text(key.into()))]))
    }

    /// A client for the app alone (the token exchange), or for the connected business.
    fn nhanh_client(&self, connected: bool) -> Result<NhanhClient> {
        let base_url = self.nhanh_setting(keys::NHANH_URL)?;
        let app_id = self.nhanh_setting(keys::NHANH_APP_ID)?;
        if !connected {
            return Ok(NhanhClient::new(Config {
                base_url,
                app_id,
                business_id: None,
                access_token: None,
                timeout: Duration::from_secs(20),
            }));
        }
        let conn = self.store().nhanh_connection()?.ok_or_else(|| AppError::new("err-nhanh-not-connected", vec![]))?;
        let token = self.nhanh_secret(keys::NHANH_ACCESS_TOKEN)?;
        // The token enters the key only as a digest.
        let digest: String = Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
        let key = format!("{base_url}|{app_id}|{}|{digest}", conn.business_id);
        let mut cached = self.nhanh.client.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((k, c)) = cached.as_ref() {
            if *k == key {
                return Ok(c.clone());
            }
        }
        let client = NhanhClient::new(Config {
            base_url,
            app_id,
            business_id: Some(conn.business_id),
            access_token: Some(token),
            timeout: Duration::from_secs(20),
        });
        *cached = Some((key, client.clone()));
        Ok(client)
    }

    /// What the connection test needs: the business's client, the app's secret key and
    /// the business id.
    pub(crate) fn nhanh_test_client(&self) -> Result<(NhanhClient, String, String)> {
        let client = self.nhanh_client(true)?;
        let secret = self.nhanh_secret(keys::NHANH_SECRET_KEY)?;
        let business = self.store().nhanh_connection()?.map(|c| c.business_id).unwrap_or_default();
        Ok((client, secret, business))
    }

    /// The depot whose stock the counter sells from: `nhanh.depot_id`, else the only
    /// depot granted, else none (all depots' stock).
    fn nhanh_depot(&self) -> Result<Option<i64>> {
        if let Some(d) = self.setting(keys::NHANH_DEPOT_ID)?.and_then(|d| d.trim().parse::<i64>().ok()) {
            return Ok(Some(d));
        }
        let conn = self.store().nhanh_connection()?;
        Ok(conn.and_then(|c| if c.depot_ids.len() == 1 { Some(c.depot_ids[0]) } else { None }))
    }

    fn nhanh_state(&self, key: &str) -> Result<Option<String>> {
        self.setting(&format!("nhanh.state.{key}"))
    }

    fn set_nhanh_state(&self, key: &str, value: &str) -> Result<()> {
        self.set_setting(&format!("nhanh.state.{key}"), value)
    }

    /// Keeps the last error of a Nhanh job for the status screen, with when.
    fn nhanh_error(&self, e: &NhanhError) {
        let args = connect::args_json(&e.args());
        let kept = serde_json::json!({"code": e.code(), "args": args, "detail": said(e), "at": self.now().to_rfc3339()});
        let _ = self.set_nhanh_state("last_error", &kept.to_string());
        if e.forbidden() {
            tracing::warn!(code = e.code(), "nhanh: a call was refused for a missing permission");
        }
    }
}
