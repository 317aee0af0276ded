//! `VposClient`: one definition's bank, spoken to over HTTP. It only moves bytes: requests
//! are built and answers read by the pure family modules. Bodies carrying card data are
//! handed to reqwest as a `Bytes` that owns the zeroized buffer, so the copy reqwest sends
//! from is wiped when it is dropped; nothing here logs a body.

use std::time::Duration;

use bytes::Bytes;
use chrono::NaiveDate;
use quay_core::money::Money;
use zeroize::Zeroizing;

use super::{garanti, nestpay, BankAnswer, CardEntry, Gateway, Kind, LinkRequest, ReportRow, Status, VposError};

pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

pub struct VposClient {
    gateway: Gateway,
    http: reqwest::Client,
    timeout: Duration,
}

/// What came back: status, `Location` (for the gate), body.
pub(crate) struct Reply {
    pub status: u16,
    pub location: Option<String>,
    pub body: Vec<u8>,
}

impl VposClient {
    pub fn new(gateway: Gateway) -> Result<VposClient, VposError> {
        if gateway.credentials.kind() != gateway.kind {
            return Err(VposError::InvalidField { field: "kind".into() });
        }
        let url_ok = |u: &str| u.starts_with("https://") || u.starts_with("http://");
        if gateway.api_url.trim().is_empty() {
            return Err(VposError::MissingField { field: "api_url".into() });
        }
        if !url_ok(&gateway.api_url) {
            return Err(VposError::InvalidField { field: "api_url".into() });
        }
        if let Some(g) = &gateway.gate_url {
            if !url_ok(g) {
                return Err(VposError::InvalidField { field: "gate_url".into() });
            }
        }
        // The gate answers a good form with 302 + Location: the link itself, not to follow.
        let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().map_err(|e| VposError::Transport {
            detail: e.to_string(),
            sent: false,
            timed_out: false,
        })?;
        Ok(VposClient { gateway, http, timeout: DEFAULT_TIMEOUT })
    }

    pub fn with_timeout(mut self, t: Duration) -> VposClient {
        self.timeout = t;
        self
    }

    pub fn gateway(&self) -> &Gateway {
        &self.gateway
    }

    fn not_implemented(&self) -> VposError {
        VposError::NotImplemented { kind: self.gateway.kind.as_str() }
    }

    /// POSTs a body; `content_type` as given. Only transport failures are errors here.
    pub(crate) async fn post(&self, url: &str, content_type: &str, body: Zeroizing<String>) -> Result<Reply, VposError> {
        let body = reqwest::Body::from(Bytes::from_owner(ZeroizingBody(body)));
        let resp = self
            .http
            .post(url)
            .timeout(self.timeout)
            .header(reqwest::header::CONTENT_TYPE, content_type)
            .body(body)
            .send()
            .await
            .map_err(|e| VposError::transport(&e))?;
        let status = resp.status().as_u16();
        let location = resp.headers().get(reqwest::header::LOCATION).and_then(|v| v.to_str().ok()).map(str::to_string);
        let body = resp.bytes().await.map_err(|e| VposError::transport(&e))?.to_vec();
        Ok(Reply { status, location, body })
    }

    /// An API call: 200 with XML, else Http (5xx = outcome unknown).
    pub(crate) async fn api(&self, body: Zeroizing<String>) -> Result<Vec<u8>, VposError> {
        let reply = self.post(&self.gateway.api_url, "text/xml; charset=ISO-8859-9", body).await?;
        if reply.status != 200 {
            return Err(VposError::Http { status: reply.status });
        }
        Ok(reply.body)
    }

    /// MOTO authorization (no 3-D): card typed by the cashier. The request body is built in a
    /// Zeroizing buffer.
    pub async fn auth(&self, order_id: &str, amount: Money, card: &CardEntry) -> Result<BankAnswer, VposError> {
        match self.gateway.kind {
            Kind::Nestpay => nestpay::client::auth(self, order_id, amount, card).await,
            Kind::Garanti => garanti::client::sales(self, order_id, amount, card).await,
            Kind::Posnet => Err(self.not_implemented()),
        }
    }

    /// Voids the order's latest approved transaction in the open batch. NestPay cancels by
    /// order id; Garanti also sends `host_ref` as OriginalRetrefNum when known.
    pub async fn void(&self, order_id: &str, host_ref: Option<&str>) -> Result<BankAnswer, VposError> {
        match self.gateway.kind {
            Kind::Nestpay => nestpay::client::void(self, order_id).await,
            Kind::Garanti => garanti::client::void(self, order_id, host_ref).await,
            Kind::Posnet => Err(self.not_implemented()),
        }
    }

    /// Refunds `amount` of a sale whose batch closed (NestPay `Credit`, Garanti `refund`).
    pub async fn refund(&self, order_id: &str, amount: Money, host_ref: Option<&str>) -> Result<BankAnswer, VposError> {
        match self.gateway.kind {
            Kind::Nestpay => nestpay::client::credit(self, order_id, Some(amount)).await,
            Kind::Garanti => garanti::client::refund(self, order_id, amount, host_ref).await,
            Kind::Posnet => Err(self.not_implemented()),
        }
    }

    pub async fn status(&self, order_id: &str) -> Result<Status, VposError> {
        match self.gateway.kind {
            Kind::Nestpay => nestpay::client::status(self, order_id).await,
            Kind::Garanti => garanti::client::status(self, order_id).await,
            Kind::Posnet => Err(self.not_implemented()),
        }
    }

    /// The harmless call for the connection test: the status of an order id that never
    /// existed (`quay-check-<rnd>`). Ok(()) when the bank answers it (not found);
    /// Err(Credentials) on Error/99 "Insufficient permissions".
    pub async fn check(&self, rnd: &str) -> Result<(), VposError> {
        let id = format!("quay-check-{rnd}");
        super::check_order_id(&id)?;
        match self.status(&id).await? {
            Status::NotFound => Ok(()),
            // Someone used that id: the credentials worked all the same.
            Status::Found { .. } => Ok(()),
        }
    }

    /// 3-D hosted page (storetype 3d_pay_hosting): POST the gate form; Ok(Location) on 302;
    /// 400 → Err(Refused{message}).
    pub async fn payment_link(&self, req: &LinkRequest<'_>) -> Result<String, VposError> {
        match self.gateway.kind {
            Kind::Nestpay => nestpay::client::payment_link(self, req).await,
            Kind::Garanti | Kind::Posnet => Err(self.not_implemented()),
        }
    }

    /// Garanti orderlistinq for a bank day; NestPay → Ok(None) (no report call: the
    /// exported file is used).
    pub async fn day_report(&self, day: NaiveDate) -> Result<Option<Vec<ReportRow>>, VposError> {
        match self.gateway.kind {
            Kind::Nestpay => Ok(None),
            Kind::Garanti => garanti::client::day_report(self, day).await.map(Some),
            Kind::Posnet => Err(self.not_implemented()),
        }
    }
}

/// A zeroized body reqwest can own: wiped when the last `Bytes` handle drops.
struct ZeroizingBody(Zeroizing<String>);

impl AsRef<[u8]> for ZeroizingBody {
    fn as_ref(&self) -> &[u8] {
        self.0.as_bytes()
    }
}
