use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::{HeaderMap, HeaderValue, ETAG, IF_NONE_MATCH};
use reqwest::{Method, StatusCode, Url};
use serde::Deserialize;

use crate::error::HubError;
use crate::sign;

/// A point's identity and keys. Debug never prints the keys.
#[derive(Clone)]
pub struct Credentials {
    pub pos_parent: String,
    pub pos_id: String,
    pub key1: Vec<u8>,
    pub key2: Vec<u8>,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials").field("pos_parent", &self.pos_parent).field("pos_id", &self.pos_id).finish_non_exhaustive()
    }
}

pub struct HubClient {
    http: reqwest::Client,
    base: Url,
    creds: Credentials,
    /// Seconds to add to our clock to get the hub's, learnt from a signed `stale` answer.
    skew: AtomicI64,
}

/// A verified answer.
pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Vec<u8>,
}

#[derive(Debug)]
pub enum MenuFetch {
    /// 304: the counter's version is current.
    NotModified,
    /// The full snapshot's bytes (validated by the caller) and the ETag version.
    Snapshot(Vec<u8>),
}

#[derive(Debug)]
pub enum ChangesFetch {
    /// 410: too old; fetch the full snapshot.
    Gone,
    Changes(Vec<u8>),
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct Ping {
    pub server_time: String,
    pub pos_parent: String,
    pub pos_id: String,
    #[serde(default)]
    pub point_name: String,
    #[serde(default)]
    pub partners: Vec<serde_json::Value>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct BatchError {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub message: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct BatchResult {
    pub id: String,
    pub status: String,
    #[serde(default)]
    pub error: Option<BatchError>,
}

#[derive(Deserialize)]
struct BatchAnswer {
    results: Vec<BatchResult>,
}

#[derive(Deserialize)]
struct ErrorBody {
    error: BatchError,
}

fn unix_now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

impl HubClient {
    pub fn new(base_url: &str, creds: Credentials) -> Result<HubClient, HubError> {
        let mut missing = Vec::new();
        if base_url.trim().is_empty() {
            missing.push("hub.url");
        }
        if creds.pos_parent.is_empty() {
            missing.push("hub.pos_parent");
        }
        if creds.pos_id.is_empty() {
            missing.push("hub.pos_id");
        }
        if creds.key1.is_empty() {
            missing.push("hub.key1");
        }
        if creds.key2.is_empty() {
            missing.push("hub.key2");
        }
        if !missing.is_empty() {
            return Err(HubError::NotConfigured { missing: missing.join(", ") });
        }
        let base = Url::parse(base_url.trim_end_matches('/')).map_err(|e| HubError::NotConfigured { missing: format!("hub.url ({e})") })?;
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(30))
            .build()
            .map_err(|e| HubError::Network { detail: e.to_string() })?;
        Ok(HubClient { http, base, creds, skew: AtomicI64::new(0) })
    }

    pub fn skew(&self) -> i64 {
        self.skew.load(Ordering::Relaxed)
    }

    /// Sends one signed request and returns the answer once its signature is verified.
    /// A `stale` refusal corrects the clock skew from the hub's signed timestamp and is
    /// retried once with a fresh nonce.
    pub(crate) async fn call(&self, method: Method, path_and_query: &str, body: Vec<u8>, headers: HeaderMap) -> Result<Answer, HubError> {
        for attempt in 0..2 {
            let answer = self.call_once(method.clone(), path_and_query, &body, headers.clone()).await?;
            if answer.status == StatusCode::UNAUTHORIZED && attempt == 0 {
                let refusal = refused(&answer);
                if let HubError::Refused { code, .. } = &refusal {
                    if code == "stale" {
                        if let Some(hub_time) = answer.headers.get("x-quay-timestamp").and_then(|v| v.to_str().ok()?.parse::<i64>().ok()) {
                            let skew = hub_time - unix_now();
                            tracing::warn!(skew, "counter clock differs from the hub's; correcting");
                            self.skew.store(skew, Ordering::Relaxed);
                            continue;
                        }
                    }
                }
            }
            return Ok(answer);
        }
        unreachable!("the loop returns on its second pass")
    }

    async fn call_once(&self, method: Method, path_and_query: &str, body: &[u8], mut headers: HeaderMap) -> Result<Answer, HubError> {
        let full = format!("{}{}", self.base.path().trim_end_matches('/'), path_and_query);
        let mut url = self.base.clone();
        let (path, query) = full.split_once('?').map(|(p, q)| (p, Some(q))).unwrap_or((&full, None));
        url.set_path(path);
        url.set_query(query);
        let ts = unix_now() + self.skew();
        let nonce = uuid::Uuid::new_v4().simple().to_string();
        let sig = sign::sign_request(&self.creds.key1, method.as_str(), &full, ts, &nonce, body);
        let h = |v: &str| HeaderValue::from_str(v).map_err(|e| HubError::NotConfigured { missing: format!("hub identity ({e})") });
        headers.insert("x-quay-pos-parent", h(&self.creds.pos_parent)?);
        headers.insert("x-quay-pos-id", h(&self.creds.pos_id)?);
        headers.insert("x-quay-timestamp", h(&ts.to_string())?);
        headers.insert("x-quay-nonce", h(&nonce)?);
        headers.insert("x-quay-signature", h(&sig)?);
        if !body.is_empty() {
            headers.insert(reqwest::header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        }
        let resp = self
            .http
            .request(method, url)
            .headers(headers)
            .body(body.to_vec())
            .send()
            .await
            .map_err(|e| HubError::Network { detail: e.without_url().to_string() })?;
        let status = resp.status();
        let headers = resp.headers().clone();
        let body = resp.bytes().await.map_err(|e| HubError::Network { detail: e.without_url().to_string() })?.to_vec();
        let ts = headers.get("x-quay-timestamp").and_then(|v| v.to_str().ok()).unwrap_or("");
        let sig = headers.get("x-quay-signature").and_then(|v| v.to_str().ok()).unwrap_or("");
        if ts.is_empty() || !sign::verify_response(&self.creds.key2, ts, &nonce, &body, sig) {
            tracing::warn!(%status, "hub answer refused: missing or wrong signature");
            return Err(HubError::BadSignature);
        }
        Ok(Answer { status, headers, body })
    }

    pub async fn ping(&self) -> Result<Ping, HubError> {
        let a = self.call(Method::GET, "/ping", Vec::new(), HeaderMap::new()).await?;
        expect_ok(&a)?;
        parse(&a.body)
    }

    /// `GET /menu`, conditional on the version the counter has (304 logic of the contract).
    pub async fn menu(&self, have: Option<u64>) -> Result<MenuFetch, HubError> {
        let mut headers = HeaderMap::new();
        if let Some(v) = have {
            headers.insert(IF_NONE_MATCH, HeaderValue::from_str(&format!("\"{v}\"")).expect("digits are a valid header"));
        }
        let a = self.call(Method::GET, "/menu", Vec::new(), headers).await?;
        if a.status == StatusCode::NOT_MODIFIED {
            return Ok(MenuFetch::NotModified);
        }
        expect_ok(&a)?;
        let _etag = a.headers.get(ETAG);
        Ok(MenuFetch::Snapshot(a.body))
    }

    pub async fn changes(&self, since: u64) -> Result<ChangesFetch, HubError> {
        let a = self.call(Method::GET, &format!("/menu/changes?since={since}"), Vec::new(), HeaderMap::new()).await?;
        if a.status == StatusCode::GONE {
            return Ok(ChangesFetch::Gone);
        }
        expect_ok(&a)?;
        Ok(ChangesFetch::Changes(a.body))
    }

    /// `POST /sales/batch` with the sales' hub records, already serialized.
    pub async fn push_sales(&self, records: &[String]) -> Result<Vec<BatchResult>, HubError> {
        let mut body = Vec::with_capacity(records.iter().map(|r| r.len() + 1).sum::<usize>() + 12);
        body.extend_from_slice(b"{\"sales\":[");
        for (i, r) in records.iter().enumerate() {
            if i > 0 {
                body.push(b',');
            }
            body.extend_from_slice(r.as_bytes());
        }
        body.extend_from_slice(b"]}");
        let a = self.call(Method::POST, "/sales/batch", body, HeaderMap::new()).await?;
        expect_ok(&a)?;
        Ok(parse::<BatchAnswer>(&a.body)?.results)
    }
}

pub(crate) fn parse<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, HubError> {
    serde_json::from_slice(body).map_err(|e| HubError::BadAnswer { detail: e.to_string() })
}

pub(crate) fn refused(a: &Answer) -> HubError {
    let (code, message) = match serde_json::from_slice::<ErrorBody>(&a.body) {
        Ok(e) => (e.error.code, e.error.message),
        Err(_) => (String::new(), String::from_utf8_lossy(&a.body).chars().take(200).collect()),
    };
    HubError::Refused { status: a.status.as_u16(), code, message }
}

pub(crate) fn expect_ok(a: &Answer) -> Result<(), HubError> {
    if a.status.is_success() {
        Ok(())
    } else {
        Err(refused(a))
    }
}
