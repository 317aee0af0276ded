//! `VivaClient`: the classic API's calls, each one HTTP request with a 10 s limit (as
//! Odoo does), Basic `MerchantId:ApiKey`. Nothing here retries: whether a call may be
//! repeated is the caller's decision (`VivaError::retryable`), because repeating a
//! create-order whose answer was lost makes a second order.

use std::fmt;
use std::time::Duration;

use quay_core::money::Currency;
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::{json, Value};

use super::amount::{AmountError, MajorAmount};
use super::poll::{decide, OrderOutcome};
use super::{Order, OrderCode, OrderState, Transaction, TxStatus};

pub const CALL_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum VivaError {
    /// No answer: connect failure, timeout, connection dropped. The request may have
    /// reached Viva (a create-order may exist): retryable, outcome unknown.
    #[error("network: {detail}")]
    Network { detail: String, timed_out: bool },
    /// 401: the merchant id or API key is wrong. Not retryable; the cashier sees it.
    #[error("Viva refused the credentials")]
    Unauthorized,
    /// Viva answered with `ErrorCode ≠ 0` (e.g. 403 "Non reversible transaction").
    #[error("Viva error {code}: {text}")]
    Api { code: i64, text: String },
    /// Another HTTP status without a Viva error body (404, 5xx from a proxy, …).
    #[error("HTTP {status}")]
    Http { status: u16, body: String },
    /// An answer we could not read.
    #[error("unreadable answer: {0}")]
    Decode(String),
    #[error(transparent)]
    Amount(#[from] AmountError),
    /// A transaction in another currency than the counter's: its amount cannot be read
    /// (the exponent differs) and must not be compared.
    #[error("Viva answered in currency {found}, this counter takes {expected}")]
    Currency { found: String, expected: &'static str },
}

impl VivaError {
    /// Worth repeating later (network, 5xx, 429). Repeat a create-order only after
    /// looking for the first one (`find_by_merchant_trns`).
    pub fn retryable(&self) -> bool {
        match self {
            VivaError::Network { .. } => true,
            VivaError::Http { status, .. } => *status >= 500 || *status == 429,
            _ => false,
        }
    }
}

/// The client. `Debug` never shows the API key.
#[derive(Clone)]
pub struct VivaClient {
    http: reqwest::Client,
    base: String,
    merchant_id: String,
    api_key: String,
    currency: Currency,
    timeout: Duration,
}

impl fmt::Debug for VivaClient {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("VivaClient")
            .field("base", &self.base)
            .field("merchant_id", &self.merchant_id)
            .field("api_key", &"********")
            .field("currency", &self.currency)
            .finish()
    }
}

impl VivaClient {
    /// `base_url` is the host (`https://demo.vivapayments.com`); a trailing `/api` is
    /// accepted too. The currency defaults to EUR (Viva's accounts are in euros).
    pub fn new(base_url: &str, merchant_id: &str, api_key: &str) -> VivaClient {
        let base = base_url.trim_end_matches('/');
        let base = base.strip_suffix("/api").unwrap_or(base).to_string();
        let http = reqwest::Client::builder().connect_timeout(CALL_TIMEOUT).build().expect("reqwest client (rustls) builds");
        VivaClient {
            http,
            base,
            merchant_id: merchant_id.to_string(),
            api_key: api_key.to_string(),
            currency: Currency::Eur,
            timeout: CALL_TIMEOUT,
        }
    }

    /// The account's currency: decides how decimal amounts convert to minor units.
    pub fn with_currency(mut self, currency: Currency) -> VivaClient {
        self.currency = currency;
        self
    }

    /// Replaces the 10 s per-call limit (tests of a slow Viva).
    pub fn with_timeout(mut self, timeout: Duration) -> VivaClient {
        self.timeout = timeout;
        self
    }

    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// `POST /api/orders`: a payment order for the terminal `source_code` (its serial
    /// number). `merchant_trns` is our reference (the sale/payment id): it comes back in
    /// every transaction and is how a lost answer is found again.
    pub async fn create_order(&self, amount_minor: i64, source_code: &str, merchant_trns: &str) -> Result<OrderCode, VivaError> {
        if amount_minor <= 0 {
            return Err(VivaError::Api { code: 0, text: "amount must be positive".into() });
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "PascalCase")]
        struct Created {
            order_code: Option<OrderCode>,
        }
        // The currency is stated (ISO 4217 numeric, as Viva takes it), never left to the
        // account's default: an order in another currency would misread every amount.
        let body = json!({
            "Amount": amount_minor,
            "SourceCode": source_code,
            "MerchantTrns": merchant_trns,
            "CurrencyCode": self.currency.numeric().to_string(),
        });
        let created: Created = self.call(Method::POST, "/api/orders", Some(body)).await?;
        created.order_code.ok_or_else(|| VivaError::Decode("no OrderCode".into()))
    }

    /// `GET /api/orders/{code}`. `RequestAmount` is read as a major-unit decimal, like
    /// transaction amounts (the public pages do not settle its unit).
    pub async fn get_order(&self, code: OrderCode) -> Result<Order, VivaError> {
        #[derive(Deserialize)]
        #[serde(rename_all = "PascalCase")]
        struct Wire {
            order_code: OrderCode,
            request_amount: MajorAmount,
            #[serde(default)]
            state_id: i64,
            #[serde(default, deserialize_with = "opt_text")]
            source_code: Option<String>,
            #[serde(default, deserialize_with = "opt_text")]
            merchant_trns: Option<String>,
        }
        let w: Wire = self.call(Method::GET, &format!("/api/orders/{code}"), None).await?;
        Ok(Order {
            order_code: w.order_code,
            amount_minor: w.request_amount.to_minor(self.currency)?,
            state: OrderState::from_id(w.state_id),
            source_code: w.source_code,
            merchant_trns: w.merchant_trns,
        })
    }

    /// `DELETE /api/orders/{code}`: the terminal no longer offers it.
    pub async fn cancel_order(&self, code: OrderCode) -> Result<(), VivaError> {
        let _: Value = self.call(Method::DELETE, &format!("/api/orders/{code}"), None).await?;
        Ok(())
    }

    /// `GET /api/transactions/?ordercode=…`: every attempt on the order (declines too).
    pub async fn transactions_by_order(&self, code: OrderCode) -> Result<Vec<Transaction>, VivaError> {
        self.transactions(&format!("/api/transactions/?ordercode={code}")).await
    }

    /// `GET /api/transactions/?date=YYYY-MM-DD`: the day's transactions (reconciliation,
    /// and finding an order whose create answer was lost).
    pub async fn transactions_by_date(&self, date: &str) -> Result<Vec<Transaction>, VivaError> {
        let ok = date.len() == 10 && date.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
        if !ok {
            return Err(VivaError::Decode(format!("not a YYYY-MM-DD date: {date}")));
        }
        self.transactions(&format!("/api/transactions/?date={date}")).await
    }

    /// After a create-order whose answer was lost: the day's transactions carrying our
    /// reference. Empty means nobody has paid it (yet): a new order is then safe, since
    /// the terminal shows only the newest order of its source.
    pub async fn find_by_merchant_trns(&self, date: &str, merchant_trns: &str) -> Result<Vec<Transaction>, VivaError> {
        let all = self.transactions_by_date(date).await?;
        Ok(all.into_iter().filter(|t| t.merchant_trns.as_deref() == Some(merchant_trns)).collect())
    }

    /// `DELETE /api/transactions/{id}?amount=<minor>`: refund (or same-day cancel).
    /// Returns the id of the reversal transaction when Viva gives one. A second refund
    /// of a reversed transaction is `Api { code: 403, .. }`.
    pub async fn refund(&self, transaction_id: &str, amount_minor: i64) -> Result<Option<String>, VivaError> {
        if amount_minor <= 0 {
            return Err(VivaError::Api { code: 0, text: "amount must be positive".into() });
        }
        if transaction_id.is_empty() || !transaction_id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return Err(VivaError::Decode(format!("not a transaction id: {transaction_id}")));
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "PascalCase")]
        struct Refunded {
            #[serde(default, deserialize_with = "opt_text")]
            transaction_id: Option<String>,
        }
        let r: Refunded = self.call(Method::DELETE, &format!("/api/transactions/{transaction_id}?amount={amount_minor}"), None).await?;
        Ok(r.transaction_id)
    }

    /// `GET /api/messages/config/token`: the key the webhook's GET verification answers.
    pub async fn webhook_key(&self) -> Result<String, VivaError> {
        #[derive(Deserialize)]
        struct K {
            #[serde(rename = "Key")]
            key: String,
        }
        let k: K = self.call(Method::GET, "/api/messages/config/token", None).await?;
        Ok(k.key)
    }

    /// One polling step: the order's state and transactions, decided by `poll::decide`.
    pub async fn poll_order(&self, code: OrderCode) -> Result<OrderOutcome, VivaError> {
        let order = self.get_order(code).await?;
        let txs = self.transactions_by_order(code).await?;
        Ok(decide(code, Some(order.state), &txs))
    }

    async fn transactions(&self, path: &str) -> Result<Vec<Transaction>, VivaError> {
        #[derive(Deserialize)]
        #[serde(rename_all = "PascalCase")]
        struct List {
            #[serde(default)]
            transactions: Vec<TxWire>,
        }
        let list: List = self.call(Method::GET, path, None).await?;
        list.transactions.into_iter().map(|t| t.into_transaction(self.currency)).collect()
    }

    /// Sends one request and reads Viva's envelope: 401 → `Unauthorized`; a non-zero
    /// `ErrorCode` → `Api` whatever the HTTP status; another non-2xx → `Http`.
    async fn call<T: DeserializeOwned>(&self, method: Method, path: &str, body: Option<Value>) -> Result<T, VivaError> {
        let url = format!("{}{}", self.base, path);
        let mut req = self.http.request(method, &url).basic_auth(&self.merchant_id, Some(&self.api_key)).timeout(self.timeout);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let net = |e: reqwest::Error| VivaError::Network { timed_out: e.is_timeout(), detail: without_url(e) };
        let resp = req.send().await.map_err(net)?;
        let status = resp.status();
        let bytes = resp.bytes().await.map_err(net)?;
        if status == StatusCode::UNAUTHORIZED {
            return Err(VivaError::Unauthorized);
        }
        let value: Option<Value> = serde_json::from_slice(&bytes).ok();
        if let Some(v) = &value {
            let code = v.get("ErrorCode").and_then(Value::as_i64).unwrap_or(0);
            if code != 0 {
                let text = v.get("ErrorText").and_then(Value::as_str).unwrap_or("").to_string();
                return Err(VivaError::Api { code, text });
            }
        }
        if !status.is_success() {
            let body = String::from_utf8_lossy(&bytes).chars().take(200).collect();
            return Err(VivaError::Http { status: status.as_u16(), body });
        }
        let value = value.unwrap_or(Value::Null);
        serde_json::from_value(value).map_err(|e| VivaError::Decode(e.to_string()))
    }
}

/// reqwest's errors print the URL; ours has no secrets in it, but keep logs short.
fn without_url(e: reqwest::Error) -> String {
    e.without_url().to_string()
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct TxWire {
    #[serde(deserialize_with = "text")]
    transaction_id: String,
    amount: MajorAmount,
    #[serde(deserialize_with = "text")]
    status_id: String,
    #[serde(default)]
    order: Option<OrderRef>,
    #[serde(default, deserialize_with = "opt_text")]
    card_number: Option<String>,
    #[serde(default, deserialize_with = "opt_text")]
    terminal_id: Option<String>,
    #[serde(default, deserialize_with = "opt_text")]
    authorization_id: Option<String>,
    #[serde(default, deserialize_with = "opt_text")]
    retrieval_reference_number: Option<String>,
    #[serde(default, deserialize_with = "opt_text")]
    reference_number: Option<String>,
    #[serde(default, deserialize_with = "opt_text")]
    merchant_trns: Option<String>,
    #[serde(default, deserialize_with = "opt_text")]
    source_code: Option<String>,
    #[serde(default, deserialize_with = "opt_text")]
    ins_date: Option<String>,
    #[serde(default, deserialize_with = "opt_text")]
    parent_id: Option<String>,
    #[serde(default, deserialize_with = "opt_text")]
    currency_code: Option<String>,
    #[serde(default, deserialize_with = "opt_text")]
    response_event_id: Option<String>,
    #[serde(default, deserialize_with = "opt_text")]
    response_code: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct OrderRef {
    order_code: Option<OrderCode>,
}

impl TxWire {
    fn into_transaction(self, currency: Currency) -> Result<Transaction, VivaError> {
        if let Some(code) = self.currency_code.as_deref().map(str::trim) {
            let theirs = code.parse::<u16>().ok().and_then(Currency::from_numeric);
            if theirs != Some(currency) {
                let found = theirs.map(|c| c.code().to_string()).unwrap_or_else(|| code.to_string());
                return Err(VivaError::Currency { found, expected: currency.code() });
            }
        }
        Ok(Transaction {
            amount_minor: self.amount.to_minor(currency)?,
            transaction_id: self.transaction_id,
            order_code: self.order.and_then(|o| o.order_code),
            status: TxStatus::from_code(&self.status_id),
            card_number: self.card_number,
            terminal_id: self.terminal_id,
            authorization_id: self.authorization_id,
            retrieval_reference: self.retrieval_reference_number,
            reference_number: self.reference_number,
            merchant_trns: self.merchant_trns,
            source_code: self.source_code,
            inserted: self.ins_date,
            parent_id: self.parent_id,
            response_event_id: self.response_event_id,
            response_code: self.response_code,
        })
    }
}

/// Ids arrive as strings or numbers depending on the field (TerminalId is a number,
/// ReferenceNumber too): keep their text either way.
pub(crate) fn opt_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.is_empty() => None,
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(other) => Some(other.to_string()),
    })
}

fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    opt_text(d)?.ok_or_else(|| serde::de::Error::custom("missing text"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_key() {
        let c = VivaClient::new("http://127.0.0.1:1/api/", "merchant-1", "s3cr3t-key");
        let shown = format!("{c:?}");
        assert!(!shown.contains("s3cr3t-key"), "{shown}");
        assert!(shown.contains("merchant-1"));
        assert_eq!(c.base, "http://127.0.0.1:1");
    }

    #[test]
    fn transaction_fields_from_wire() {
        let v = json!({
            "TransactionId": "b1b5b0a4-0000-4000-8000-000000000001", "Amount": 12.5, "StatusId": "F",
            "Order": {"OrderCode": 1272214778972604u64}, "CardNumber": "414746******0133",
            "TerminalId": 1234567, "AuthorizationId": "123456", "RetrievalReferenceNumber": "311510000001",
            "ReferenceNumber": 42, "MerchantTrns": "sale-1", "SourceCode": "A3"
        });
        let w: TxWire = serde_json::from_value(v).unwrap();
        let t = w.into_transaction(Currency::Eur).unwrap();
        assert_eq!(t.amount_minor, 1250);
        assert_eq!(t.status, TxStatus::Paid);
        assert_eq!(t.order_code, Some(OrderCode(1272214778972604)));
        assert_eq!(t.terminal_id.as_deref(), Some("1234567"));
        assert_eq!(t.reference_number.as_deref(), Some("42"));
        assert_eq!(t.card_number.as_deref(), Some("414746******0133"));
        assert_eq!((t.response_event_id, t.response_code), (None, None));
    }

    /// A failed payment says why in ResponseEventId (a number) and, where the issuer
    /// answered, ResponseCode (text); StatusId E only says that it failed.
    #[test]
    fn a_decline_carries_its_reason() {
        let v = json!({
            "TransactionId": "b1b5b0a4-0000-4000-8000-000000000002", "Amount": 12.5, "StatusId": "E",
            "Order": {"OrderCode": 1272214778972604u64}, "ResponseEventId": 10051, "ResponseCode": "51"
        });
        let t = serde_json::from_value::<TxWire>(v).unwrap().into_transaction(Currency::Eur).unwrap();
        assert_eq!(t.status, TxStatus::Error);
        assert_eq!((t.response_event_id.as_deref(), t.response_code.as_deref()), (Some("10051"), Some("51")));
        let v = json!({"TransactionId": "x", "Amount": 1, "StatusId": "F", "ResponseEventId": null, "ResponseCode": "00"});
        let t = serde_json::from_value::<TxWire>(v).unwrap().into_transaction(Currency::Eur).unwrap();
        assert_eq!((t.response_event_id, t.response_code.as_deref()), (None, Some("00")));
    }
}
