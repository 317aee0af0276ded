//! Webhook bodies → events, the token check and the key that dedupes deliveries.
//!
//! v3: `{event, businessId, data}` with the verify token in `Authorization`; v2: the same
//! outer fields, flat `data` (`orderId`, `privateId` = appOrderId, `productId`, …) and the
//! token in the body field `webhooksVerifyToken`. Quay accepts the token in either place
//! whatever the version (constant time), else nothing is done. Nhanh sends no event id,
//! signature or timestamp and duplicates happen: `dedupe_key` names a delivery by
//! (event, businessId, data ids, updatedAt); for events without `updatedAt` (stock
//! changes, probes) the SHA-256 of the data stands in for it, so two different stock
//! changes of one product are two deliveries while a retry of one is the same.

use quay_core::error::{Arg, Localized};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::order::{Order, OrderStatus};
use crate::product::{InventoryRow, Product};
use crate::wire::{as_i64, rows};

/// What a delivery says.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    OrderAdd(Order),
    OrderUpdate(Order),
    OrderDelete(Vec<i64>),
    ProductAdd(Product),
    ProductUpdate(Product),
    ProductDelete(Vec<i64>),
    InventoryChange(Vec<InventoryRow>),
    /// The probe Nhanh sends when webhooks are switched on.
    WebhooksEnabled,
    AppUninstalled,
    /// An event Quay does not act on (`orderPartialReturn`, `paymentReceived`, …), by name.
    Other(String),
}

impl Event {
    /// The event's name on the wire (`orderUpdate`).
    pub fn name(&self) -> &str {
        match self {
            Event::OrderAdd(_) => "orderAdd",
            Event::OrderUpdate(_) => "orderUpdate",
            Event::OrderDelete(_) => "orderDelete",
            Event::ProductAdd(_) => "productAdd",
            Event::ProductUpdate(_) => "productUpdate",
            Event::ProductDelete(_) => "productDelete",
            Event::InventoryChange(_) => "inventoryChange",
            Event::WebhooksEnabled => "webhooksEnabled",
            Event::AppUninstalled => "appUninstalled",
            Event::Other(name) => name,
        }
    }
}

/// A parsed delivery.
#[derive(Clone, Debug, PartialEq)]
pub struct Webhook {
    /// The event's name as sent (`orderUpdate`).
    pub name: String,
    pub business_id: Option<String>,
    /// 2 when the body is a v2 body (flat data or a body token), else 3.
    pub version: u8,
    pub event: Event,
    /// The data as received (for the dedupe key).
    pub data: Value,
}

/// Why a body is not a webhook.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a Nhanh webhook: {0}")]
pub struct BadWebhook(pub String);

impl Localized for BadWebhook {
    fn code(&self) -> &'static str {
        "err-nhanh-webhook-body"
    }
    fn args(&self) -> Vec<(&'static str, Arg)> {
        vec![("detail", Arg::Text(self.0.clone()))]
    }
}

/// The body token of v2 deliveries.
pub const BODY_TOKEN: &str = "webhooksVerifyToken";

/// Whether the delivery carries `expected`: in the `Authorization` header (raw, or after
/// `Bearer `) or in the body's `webhooksVerifyToken`. Constant time in the token's
/// content (both sides are hashed first, so not even its length leaks). An empty
/// expected token accepts nothing.
pub fn verify(expected: &str, authorization: Option<&str>, body: &[u8]) -> bool {
    if expected.is_empty() {
        return false;
    }
    let want = Sha256::digest(expected.as_bytes());
    let same = |given: &str| -> bool { bool::from(Sha256::digest(given.as_bytes()).ct_eq(&want)) };
    if let Some(h) = authorization.map(str::trim).filter(|h| !h.is_empty()) {
        let raw = h.strip_prefix("Bearer ").map(str::trim).unwrap_or(h);
        if same(raw) {
            return true;
        }
    }
    let Ok(v) = serde_json::from_slice::<Value>(body) else { return false };
    let in_body = v.get(BODY_TOKEN).or_else(|| v.get("data").and_then(|d| d.get(BODY_TOKEN)));
    match in_body {
        Some(Value::String(t)) if !t.is_empty() => same(t),
        _ => false,
    }
}

/// Parses a delivery body (v3 or v2).
pub fn parse(body: &[u8]) -> Result<Webhook, BadWebhook> {
    let v: Value = serde_json::from_slice(body).map_err(|e| BadWebhook(format!("not JSON: {e}")))?;
    let obj = v.as_object().ok_or_else(|| BadWebhook("not a JSON object".into()))?;
    let name = obj.get("event").and_then(Value::as_str).filter(|s| !s.is_empty()).ok_or_else(|| BadWebhook("no event".into()))?.to_string();
    let business_id = match obj.get("businessId") {
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let data = obj.get("data").cloned().unwrap_or(Value::Null);
    let v2 = obj.contains_key(BODY_TOKEN) || is_v2_data(&name, &data);
    let bad = |what: &str, e: serde_json::Error| BadWebhook(format!("{name}: {what}: {e}"));
    let event = match name.as_str() {
        "orderAdd" | "orderUpdate" => {
            let row = if v2 { order_from_v2(&data) } else { data.clone() };
            let order: Order = serde_json::from_value(row).map_err(|e| bad("order", e))?;
            if order.id() == 0 {
                return Err(BadWebhook(format!("{name}: no order id")));
            }
            if name == "orderAdd" {
                Event::OrderAdd(order)
            } else {
                Event::OrderUpdate(order)
            }
        }
        "productAdd" | "productUpdate" => {
            let row = if v2 { product_from_v2(&data) } else { data.clone() };
            // One product per delivery; tolerate it wrapped in a one-element array.
            let row = match row {
                Value::Array(mut a) if a.len() == 1 => a.remove(0),
                r => r,
            };
            let p: Product = serde_json::from_value(row).map_err(|e| bad("product", e))?;
            if name == "productAdd" {
                Event::ProductAdd(p)
            } else {
                Event::ProductUpdate(p)
            }
        }
        "orderDelete" => Event::OrderDelete(ids(&data).ok_or_else(|| BadWebhook("orderDelete: no ids".into()))?),
        "productDelete" => Event::ProductDelete(ids(&data).ok_or_else(|| BadWebhook("productDelete: no ids".into()))?),
        "inventoryChange" => {
            let list = match &data {
                Value::Object(m) if m.contains_key("products") => m["products"].clone(),
                Value::Object(m) if m.contains_key("id") || m.contains_key("productId") => Value::Array(vec![data.clone()]),
                d => d.clone(),
            };
            let rows: Result<Vec<InventoryRow>, _> = rows(&list)
                .iter()
                .map(|r| InventoryRow::from_value(r).ok_or_else(|| BadWebhook("inventoryChange: a row without id".into())))
                .collect();
            Event::InventoryChange(rows?)
        }
        "webhooksEnabled" => Event::WebhooksEnabled,
        "appUninstalled" => Event::AppUninstalled,
        other => Event::Other(other.to_string()),
    };
    Ok(Webhook { name, business_id, version: if v2 { 2 } else { 3 }, event, data })
}

/// v2 order/product data are flat (no `info` object, `orderId`/`productId` keys).
fn is_v2_data(name: &str, data: &Value) -> bool {
    match name {
        "orderAdd" | "orderUpdate" => data.get("info").is_none() && data.get("orderId").is_some(),
        "productAdd" | "productUpdate" => data.get("id").is_none() && (data.get("productId").is_some() || data.get("idNhanh").is_some()),
        _ => false,
    }
}

/// A v2 flat order → the v3 row shape (`orderId` → info.id, `privateId` → appOrderId,
/// status names → codes, `customerName/Mobile/Address` → shippingAddress).
fn order_from_v2(d: &Value) -> Value {
    let get = |k: &str| d.get(k).cloned().unwrap_or(Value::Null);
    let status = match d.get("status") {
        Some(Value::String(s)) => OrderStatus::from_v2_name(s).map(|s| Value::from(s.code())).unwrap_or(Value::Null),
        Some(v) => v.clone(),
        None => Value::Null,
    };
    let first = |ks: &[&str]| ks.iter().map(|k| get(k)).find(|v| !v.is_null()).unwrap_or(Value::Null);
    let products = match d.get("products") {
        Some(p) => Value::Array(
            rows(p)
                .into_iter()
                .map(|mut r| {
                    if r.get("id").is_none() {
                        if let Some(id) = r.get("productId").cloned() {
                            r["id"] = id;
                        }
                    }
                    r
                })
                .collect(),
        ),
        None => Value::Null,
    };
    serde_json::json!({
        "info": {
            "id": get("orderId"),
            "type": first(&["type", "typeId"]),
            "status": status,
            "depotId": get("depotId"),
            "createdAt": first(&["createdAt", "createdDateTime"]),
            "updatedAt": first(&["updatedAt", "updatedDateTime"]),
        },
        "channel": {"appOrderId": get("privateId"), "saleChannel": get("saleChannel")},
        "shippingAddress": {
            "name": first(&["customerName", "name"]),
            "mobile": first(&["customerMobile", "mobile"]),
            "address": first(&["customerAddress", "address"]),
        },
        "products": products,
    })
}

/// A v2 flat product → the v3 row shape (`productId`/`idNhanh` → id).
fn product_from_v2(d: &Value) -> Value {
    let mut m: Map<String, Value> = d.as_object().cloned().unwrap_or_default();
    if !m.contains_key("id") {
        if let Some(id) = m.get("productId").or_else(|| m.get("idNhanh")).cloned() {
            m.insert("id".into(), id);
        }
    }
    // v2 dates are text; the id and the rest are what the menu needs.
    if let Some(u) = m.get("updatedAt") {
        if as_i64(u).is_none() {
            m.remove("updatedAt");
        }
    }
    Value::Object(m)
}

/// Ids of a delete: `[1, 2]`, `["1"]`, `{"orderIds": [..]}`/`{"ids": [..]}`, or one id.
fn ids(data: &Value) -> Option<Vec<i64>> {
    match data {
        Value::Array(a) => a.iter().map(|v| as_i64(v).or_else(|| v.get("id").and_then(as_i64))).collect(),
        Value::Object(m) => m.values().find(|v| v.is_array()).and_then(ids).or_else(|| m.get("id").and_then(as_i64).map(|i| vec![i])),
        v => as_i64(v).map(|i| vec![i]),
    }
}

/// The dedupe key of a delivery: `event|businessId|ids|updatedAt`, or the data's
/// SHA-256 (first 16 hex digits) in place of `updatedAt` when there is none.
pub fn dedupe_key(w: &Webhook) -> String {
    let join = |ids: &mut Vec<i64>| {
        ids.sort_unstable();
        ids.dedup();
        ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
    };
    let digest = || {
        let h = Sha256::digest(w.data.to_string().as_bytes());
        h.iter().take(8).map(|b| format!("{b:02x}")).collect::<String>()
    };
    let (ids, stamp) = match &w.event {
        Event::OrderAdd(o) | Event::OrderUpdate(o) => (o.id().to_string(), o.info.updated_at.map(|t| t.to_string())),
        Event::ProductAdd(p) | Event::ProductUpdate(p) => (p.id.to_string(), p.updated_at.map(|t| t.to_string())),
        Event::OrderDelete(ids) | Event::ProductDelete(ids) => (join(&mut ids.clone()), Some(String::new())),
        Event::InventoryChange(rows) => (join(&mut rows.iter().map(|r| r.id).collect()), None),
        Event::WebhooksEnabled | Event::AppUninstalled | Event::Other(_) => (String::new(), None),
    };
    let stamp = stamp.unwrap_or_else(digest);
    format!("{}|{}|{}|{}", w.name, w.business_id.as_deref().unwrap_or(""), ids, stamp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn tokens_in_header_or_body() {
        let v3 = br#"{"event":"orderUpdate","businessId":1,"data":{"info":{"id":1}}}"#;
        let v2 = br#"{"event":"orderUpdate","businessId":1,"webhooksVerifyToken":"Tok3n","data":{"orderId":1}}"#;
        let cases: Vec<(&str, Option<&str>, &[u8], bool)> = vec![
            ("Tok3n", Some("Tok3n"), v3, true),
            ("Tok3n", Some(" Tok3n "), v3, true),
            ("Tok3n", Some("Bearer Tok3n"), v3, true),
            ("Tok3n", Some("tok3n"), v3, false),
            ("Tok3n", Some("Tok3n2"), v3, false),
            ("Tok3n", None, v3, false),
            ("Tok3n", Some(""), v3, false),
            ("Tok3n", None, v2, true),
            ("Tok3n", Some("wrong"), v2, true),
            ("Other", None, v2, false),
            ("", Some(""), v3, false),
            ("", None, br#"{"webhooksVerifyToken":""}"#, false),
            ("Tok3n", None, b"not json", false),
            ("Tok3n", None, br#"{"data":{"webhooksVerifyToken":"Tok3n"}}"#, true),
        ];
        for (expected, header, body, want) in cases {
            assert_eq!(verify(expected, header, body), want, "{expected} {header:?} {}", String::from_utf8_lossy(body));
        }
    }

    fn p(v: Value) -> Webhook {
        parse(v.to_string().as_bytes()).unwrap()
    }

    #[test]
    fn v3_events() {
        let w = p(
            json!({"event": "orderAdd", "businessId": 1234, "data": {"info": {"id": 91, "status": 54, "updatedAt": 100}, "channel": {"appOrderId": "S-1"}}}),
        );
        assert_eq!(w.business_id.as_deref(), Some("1234"));
        assert_eq!(w.version, 3);
        match &w.event {
            Event::OrderAdd(o) => assert_eq!((o.id(), o.status(), o.app_order_id()), (91, 54, Some("S-1"))),
            e => panic!("{e:?}"),
        }
        assert_eq!(dedupe_key(&w), "orderAdd|1234|91|100");

        let w = p(json!({"event": "productUpdate", "businessId": "1234", "data": {"id": 5012, "name": "Cà phê", "updatedAt": 7}}));
        assert!(matches!(&w.event, Event::ProductUpdate(p) if p.id == 5012));
        assert_eq!(dedupe_key(&w), "productUpdate|1234|5012|7");

        let w = p(json!({"event": "productDelete", "businessId": 1, "data": [3, "1", 2, 3]}));
        assert_eq!(w.event, Event::ProductDelete(vec![3, 1, 2, 3]));
        assert_eq!(dedupe_key(&w), "productDelete|1|1,2,3|");
        let w = p(json!({"event": "orderDelete", "businessId": 1, "data": {"orderIds": [9]}}));
        assert_eq!(w.event, Event::OrderDelete(vec![9]));

        let body = json!({"event": "inventoryChange", "businessId": 1, "data": [{"id": 5012, "depots": [{"id": 7, "available": 3}]}, {"id": 5013, "depots": []}]});
        let w = p(body.clone());
        match &w.event {
            Event::InventoryChange(rows) => assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), vec![5012, 5013]),
            e => panic!("{e:?}"),
        }
        let k1 = dedupe_key(&w);
        assert!(k1.starts_with("inventoryChange|1|5012,5013|"), "{k1}");
        assert_eq!(k1, dedupe_key(&p(body)), "a retry is the same delivery");
        let other = p(
            json!({"event": "inventoryChange", "businessId": 1, "data": [{"id": 5012, "depots": [{"id": 7, "available": 2}]}, {"id": 5013, "depots": []}]}),
        );
        assert_ne!(k1, dedupe_key(&other), "another stock change is another delivery");

        let w = p(json!({"event": "webhooksEnabled", "businessId": 1, "data": {"registeredEvents": ["orderAdd", "inventoryChange"]}}));
        assert_eq!(w.event, Event::WebhooksEnabled);
        assert_eq!(w.event.name(), "webhooksEnabled");
        assert_eq!(p(json!({"event": "appUninstalled", "businessId": 1})).event, Event::AppUninstalled);
        let other = p(json!({"event": "orderPartialReturn", "businessId": 1, "data": {}}));
        assert_eq!(other.event, Event::Other("orderPartialReturn".into()));
        assert_eq!(other.event.name(), "orderPartialReturn");
        for (body, name) in [
            (json!({"event": "orderDelete", "data": [1]}), "orderDelete"),
            (json!({"event": "productDelete", "data": [1]}), "productDelete"),
        ] {
            assert_eq!(p(body).event.name(), name);
        }
    }

    #[test]
    fn v2_flat_bodies() {
        let w = p(json!({"event": "orderUpdate", "businessId": 1, "webhooksVerifyToken": "t",
            "data": {"orderId": "91", "privateId": "S-1", "status": "Confirmed", "depotId": 7, "customerName": "Lan", "customerMobile": "0988999999",
                     "products": [{"productId": 5012, "price": 29000, "quantity": 1}]}}));
        assert_eq!(w.version, 2);
        match &w.event {
            Event::OrderUpdate(o) => {
                assert_eq!((o.id(), o.status(), o.app_order_id(), o.info.depot_id), (91, 56, Some("S-1"), Some(7)));
                assert_eq!(o.shipping_address.mobile.as_deref(), Some("0988999999"));
                assert_eq!(o.products[0].id, 5012);
            }
            e => panic!("{e:?}"),
        }
        let w = p(
            json!({"event": "productAdd", "businessId": 1, "webhooksVerifyToken": "t", "data": {"productId": 77, "name": "Trà", "price": 5000, "updatedAt": "2026-12-03 10:00:00"}}),
        );
        match &w.event {
            Event::ProductAdd(p) => assert_eq!((p.id, p.updated_at), (77, None)),
            e => panic!("{e:?}"),
        }
    }

    #[test]
    fn malformed_bodies() {
        for body in [
            &b"nope"[..],
            b"[]",
            br#"{"businessId":1}"#,
            br#"{"event":"orderAdd","data":{"info":{}}}"#,
            br#"{"event":"productAdd","data":{"name":"x"}}"#,
            br#"{"event":"orderDelete","data":"x"}"#,
            br#"{"event":"inventoryChange","data":[{"depots":[]}]}"#,
        ] {
            let e = parse(body).unwrap_err();
            assert_eq!(e.code(), "err-nhanh-webhook-body", "{}", String::from_utf8_lossy(body));
        }
    }
}
