//! The simulated Nhanh business: catalogue, stock, orders, customers, access codes and
//! tokens, the rate limiter, the faults and the simulator's clock (real time plus an
//! offset that tests advance).

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// Every endpoint the simulator serves, as `resource/action` (also the permission names).
pub const ENDPOINTS: [&str; 11] = [
    "app/getaccesstoken",
    "app/checkaccesstoken",
    "product/list",
    "product/detail",
    "product/category",
    "product/inventory",
    "order/add",
    "order/list",
    "order/edit",
    "customer/list",
    "customer/add",
];

/// The permissions a default grant carries (every data endpoint).
pub fn all_permissions() -> Vec<String> {
    ENDPOINTS.iter().filter(|e| !e.starts_with("app/")).map(|e| e.to_string()).collect()
}

/// A JSON number: whole values as integers (`10`), others as doubles (`0.5`).
pub fn num(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        json!(x as i64)
    } else {
        json!(x)
    }
}

/// One depot's stock of a product.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Stock {
    pub remain: f64,
    pub holding: f64,
}

impl Stock {
    pub fn available(&self) -> f64 {
        self.remain - self.holding
    }
}

/// A product as Nhanh keeps it. `vat`: a rate (8, 10…) or -1 not subject, -2 not declared,
/// -100 = 0 %. `price_vat_mode`: 1 the retail price includes VAT, 2 it does not (default).
/// `status`: 1 New, 2 Active, 3 Inactive, 4 OutOfStock. `kind` is the wire `type`
/// (1 product, 3 weighed, 6 service…).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NhanhProduct {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub code: String,
    pub barcode: String,
    pub name: String,
    pub status: i64,
    pub kind: i64,
    pub category_id: Option<i64>,
    pub price_vat_mode: i64,
    pub vat: i64,
    /// VND.
    pub retail: i64,
    /// The wire `units` as is (`[]` for most).
    pub units: Value,
    /// Depot id → stock.
    pub stock: BTreeMap<i64, Stock>,
    /// Unix seconds; set by the simulator on every change but stock.
    pub created_at: i64,
    pub updated_at: i64,
}

impl Default for NhanhProduct {
    fn default() -> Self {
        NhanhProduct {
            id: 0,
            parent_id: None,
            code: String::new(),
            barcode: String::new(),
            name: String::new(),
            status: 2,
            kind: 1,
            category_id: None,
            price_vat_mode: 2,
            vat: -1,
            retail: 0,
            units: json!([]),
            stock: BTreeMap::new(),
            created_at: 0,
            updated_at: 0,
        }
    }
}

impl NhanhProduct {
    /// `prices.retailVat`: mode 2 with a positive rate → retail × (1 + rate/100), rounded to
    /// the dong; otherwise (included, or -1/-2/-100) the retail price itself.
    pub fn retail_vat(&self) -> i64 {
        if self.price_vat_mode == 2 && self.vat > 0 {
            (self.retail as f64 * (1.0 + self.vat as f64 / 100.0)).round() as i64
        } else {
            self.retail
        }
    }

    /// The stock rows of the depots in `depots` (empty = every depot the product has).
    pub fn depot_rows(&self, depots: &[i64]) -> (Vec<Value>, Stock) {
        let mut total = Stock::default();
        let mut rows = Vec::new();
        for (id, s) in &self.stock {
            if !depots.is_empty() && !depots.contains(id) {
                continue;
            }
            total.remain += s.remain;
            total.holding += s.holding;
            rows.push(json!({"id": id, "remain": num(s.remain), "holding": num(s.holding), "available": num(s.available())}));
        }
        (rows, total)
    }

    /// The product/list row, also product/detail's answer and productAdd/Update's data.
    pub fn row(&self, depots: &[i64]) -> Value {
        let (rows, t) = self.depot_rows(depots);
        json!({
            "id": self.id,
            "parentId": self.parent_id,
            "code": self.code,
            "barcode": self.barcode,
            "name": self.name,
            "status": self.status,
            "type": self.kind,
            "categoryId": self.category_id,
            "priceVatMode": self.price_vat_mode,
            "vat": self.vat,
            "prices": {"retail": self.retail, "retailVat": self.retail_vat()},
            "units": self.units,
            "inventory": {"remain": num(t.remain), "holding": num(t.holding), "available": num(t.available()), "depots": rows},
            "updatedAt": self.updated_at,
        })
    }

    /// A product/inventory row and an inventoryChange row:
    /// `{id, code, remain, holding, available, depots:[{id, remain, holding, available}]}`.
    pub fn stock_row(&self, depots: &[i64]) -> Value {
        let (rows, t) = self.depot_rows(depots);
        json!({"id": self.id, "code": self.code, "remain": num(t.remain), "holding": num(t.holding), "available": num(t.available()), "depots": rows})
    }
}

/// `status`: 1 active, 2 inactive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NhanhCategory {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub code: String,
    pub name: String,
    pub order: i64,
    pub status: i64,
}

impl NhanhCategory {
    pub fn row(&self) -> Value {
        json!({"id": self.id, "parentId": self.parent_id, "code": self.code, "name": self.name, "order": self.order, "status": self.status})
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NhanhDepot {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NhanhCustomer {
    pub id: i64,
    pub name: String,
    /// Normalised (`0…`, 10 digits).
    pub mobile: String,
    pub email: Option<String>,
    pub address: Option<String>,
    pub points: i64,
    pub level: Option<String>,
    pub group: Option<String>,
    pub updated_at: i64,
}

impl NhanhCustomer {
    pub fn row(&self) -> Value {
        json!({"id": self.id, "name": self.name, "mobile": self.mobile, "email": self.email, "address": self.address,
               "points": self.points, "level": self.level, "group": self.group, "updatedAt": self.updated_at})
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrderLine {
    pub id: i64,
    pub name: String,
    pub code: String,
    pub price: f64,
    pub quantity: f64,
    pub discount: f64,
}

/// An order. `sale_channel` 10 = API (made by order/add); others are Nhanh's channels
/// (1 admin, 2 website, 20 Facebook, 42 Shopee…).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NhanhOrder {
    pub id: i64,
    pub app_order_id: Option<String>,
    pub sale_channel: i64,
    pub kind: i64,
    pub status: i64,
    pub depot_id: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    pub description: Option<String>,
    pub ship_name: Option<String>,
    pub ship_mobile: Option<String>,
    pub ship_address: Option<String>,
    pub customer_id: Option<i64>,
    pub lines: Vec<OrderLine>,
    /// order/add's `payment` as received (`{}` if none).
    pub payment: Value,
    /// order/add's `carrier` as received (`{}` if none).
    pub carrier: Value,
    /// Handed over to a carrier (once it reached 59, 61 or 71): only 72/74 remain.
    pub handed_over: bool,
    pub tracking_url: String,
}

impl NhanhOrder {
    /// Lines' price × quantity − discount.
    pub fn amount(&self) -> f64 {
        self.lines.iter().map(|l| l.price * l.quantity - l.discount).sum()
    }

    /// The order/list row (also orderAdd/orderUpdate's data).
    pub fn row(&self, customer: Option<&NhanhCustomer>) -> Value {
        let mut channel = json!({"saleChannel": self.sale_channel});
        if let Some(a) = &self.app_order_id {
            channel["appOrderId"] = json!(a);
        }
        let mut payment = json!({"depositAmount": 0, "transferAmount": 0, "couponCode": null});
        if let Some(p) = self.payment.as_object() {
            for (k, v) in p {
                payment[k] = v.clone();
            }
        }
        payment["amount"] = num(self.amount());
        json!({
            "info": {
                "id": self.id, "type": self.kind, "status": self.status, "depotId": self.depot_id,
                "createdAt": self.created_at, "updatedAt": self.updated_at, "description": self.description,
                "trackingUrl": self.tracking_url,
            },
            "channel": channel,
            "shippingAddress": {"name": self.ship_name, "mobile": self.ship_mobile, "address": self.ship_address},
            "customer": customer.map(|c| json!({"id": c.id, "name": c.name, "mobile": c.mobile})),
            "products": self.lines.iter().map(|l| json!({
                "id": l.id, "name": l.name, "code": l.code, "price": num(l.price), "quantity": num(l.quantity), "discount": num(l.discount),
            })).collect::<Vec<_>>(),
            "payment": payment,
            "carrier": if self.carrier.is_object() { self.carrier.clone() } else { json!({}) },
        })
    }
}

/// What the merchant grants the app at the OAuth step: frozen into the token.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NhanhGrant {
    /// `resource/action` names; a call outside them is `ERR_403`.
    pub permissions: Vec<String>,
    /// Depots the app may use; empty = all.
    pub depot_ids: Vec<i64>,
    pub page_ids: Vec<i64>,
}

impl Default for NhanhGrant {
    fn default() -> Self {
        NhanhGrant { permissions: all_permissions(), depot_ids: Vec::new(), page_ids: Vec::new() }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct AccessCode {
    pub grant: NhanhGrant,
    /// Sim ms after which it is refused.
    pub expires_ms: i64,
    pub used: bool,
}

#[derive(Clone, Debug)]
pub(crate) struct Token {
    pub version: &'static str,
    pub grant: NhanhGrant,
    /// Unix seconds.
    pub expired_at: i64,
    /// A newer grant replaced it at this sim ms: it stays valid 15 more minutes.
    pub replaced_ms: Option<i64>,
}

/// How `messages` is shaped in error answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessagesMode {
    /// text, object, array, text… one after the other (each error answer takes the next).
    #[default]
    Rotate,
    /// `"field: text; field2: text2"`.
    Text,
    /// `{"field": "text"}`.
    Object,
    /// `["field: text"]`.
    Array,
}

/// Faults for tests (also `GET|POST /admin/nhanh/faults`; missing fields = off).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NhanhFaults {
    /// `resource/action` → N: the next N calls of that path take effect, then the
    /// connection is closed without an answer.
    pub drop_answers: HashMap<String, u32>,
    /// Every answer waits this long.
    pub slow_ms: u64,
    /// `resource/action` → ms: answers of that path wait this long (on top of `slow_ms`).
    pub slow_paths: HashMap<String, u64>,
    /// Every call (after app id, business id and rate limit) is `ERR_BUSINESS_NOT_ENABLE_API`.
    pub business_not_enabled: bool,
    /// Pages carry half their size (rounded up) and still a `next` when rows remain.
    pub short_pages: bool,
    pub messages: MessagesMode,
}

/// Per (businessId, path): call times in the last 30 s and the lock.
#[derive(Clone, Debug, Default)]
pub(crate) struct Limiter {
    pub calls: VecDeque<i64>,
    pub locked_until_ms: i64,
    pub lock_secs: i64,
}

pub(crate) const WINDOW_MS: i64 = 30_000;
pub(crate) const FIRST_LOCK_SECS: i64 = 10;
pub(crate) const REPLACED_GRACE_MS: i64 = 15 * 60 * 1000;
pub(crate) const CODE_LIFE_MS: i64 = 10 * 60 * 1000;
pub(crate) const TOKEN_LIFE_SECS: i64 = 365 * 24 * 3600;

#[derive(Default)]
pub(crate) struct Inner {
    pub products: BTreeMap<i64, NhanhProduct>,
    pub categories: Vec<NhanhCategory>,
    pub orders: BTreeMap<i64, NhanhOrder>,
    pub customers: BTreeMap<i64, NhanhCustomer>,
    pub codes: HashMap<String, AccessCode>,
    pub tokens: HashMap<String, Token>,
    /// The current token of the (only) business.
    pub current_token: Option<String>,
    pub limiters: HashMap<(String, String), Limiter>,
    /// Cursors handed out: "resource|sortfield|json".
    pub cursors: HashSet<String>,
    pub faults: NhanhFaults,
    pub calls: HashMap<String, u64>,
    pub rotate: usize,
    pub next_order: i64,
    pub next_customer: i64,
    pub next_product: i64,
}

impl Inner {
    pub(crate) fn customer_by_mobile(&self, mobile: &str) -> Option<&NhanhCustomer> {
        self.customers.values().find(|c| c.mobile == mobile)
    }

    pub(crate) fn order_row(&self, o: &NhanhOrder) -> Value {
        o.row(o.customer_id.and_then(|id| self.customers.get(&id)))
    }
}

/// Vietnamese mobile as the contract normalises it: spaces `.-()` dropped, `+84…` and
/// `84` + 9 digits → `0…`; valid only as `^0[35789]\d{8}$`.
pub fn normalise_mobile(raw: &str) -> Option<String> {
    let mut s: String = raw.chars().filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')')).collect();
    if let Some(rest) = s.strip_prefix("+84") {
        s = format!("0{rest}");
    } else if s.len() == 11 && s.starts_with("84") {
        s = format!("0{}", &s[2..]);
    }
    let b = s.as_bytes();
    let ok = b.len() == 10 && b[0] == b'0' && matches!(b[1], b'3' | b'5' | b'7' | b'8' | b'9') && b.iter().all(|c| c.is_ascii_digit());
    ok.then_some(s)
}

/// `n` random alphanumerics.
pub(crate) fn alphanumerics(n: usize) -> String {
    const SET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut out = String::with_capacity(n);
    while out.len() < n {
        for b in uuid::Uuid::new_v4().as_bytes() {
            if out.len() < n && (*b as usize) < 248 {
                out.push(SET[*b as usize % 62] as char);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobiles() {
        for (raw, want) in [
            ("0988999999", Some("0988999999")),
            ("+84 988 999 999", Some("0988999999")),
            ("84988999999", Some("0988999999")),
            ("(098) 899-9999", Some("0988999999")),
            ("0188999999", None),
            ("098899999", None),
            ("09889999999", None),
            ("09889x9999", None),
        ] {
            assert_eq!(normalise_mobile(raw).as_deref(), want, "{raw}");
        }
    }

    #[test]
    fn retail_vat() {
        let p = |mode, vat| NhanhProduct { retail: 35_000, price_vat_mode: mode, vat, ..Default::default() };
        assert_eq!(p(2, 8).retail_vat(), 37_800);
        assert_eq!(p(1, 8).retail_vat(), 35_000);
        for special in [-1, -2, -100] {
            assert_eq!(p(2, special).retail_vat(), 35_000);
        }
        assert_eq!(alphanumerics(160).len(), 160);
        assert!(alphanumerics(160).bytes().all(|b| b.is_ascii_alphanumeric()));
    }
}
