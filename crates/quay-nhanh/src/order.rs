//! Orders: the counter's sale as a Nhanh order (`order/add`), the order/list row, the
//! statuses and what the counter may move them to.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::customer::Mobile;
use crate::error::NhanhError;
use crate::money;
use crate::wire::{opt_i64, opt_text, req_i64};

/// `info.type` of a counter sale (1 delivery, 3 pre-order).
pub const TYPE_COUNTER: i64 = 2;
/// The status a counter sale is sent with unless said otherwise: confirmed.
pub const DEFAULT_STATUS: i64 = 56;
/// Longest `channel.appOrderId`.
pub const MAX_APP_ORDER_ID: usize = 64;
/// Most product lines in one order.
pub const MAX_LINES: usize = 500;

/// One product line of a new order: Nhanh's product id, the unit price and the line's
/// discount in đồng, a whole quantity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderLine {
    pub id: i64,
    pub price: i64,
    pub quantity: i64,
    pub discount: i64,
}

/// `payment`: amounts already received, and a coupon code Nhanh records.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Payment {
    pub deposit_amount: Option<i64>,
    pub transfer_amount: Option<i64>,
    pub coupon_code: Option<String>,
}

/// An order to add. Build a counter sale with `NewOrder::counter_sale`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewOrder {
    pub app_order_id: String,
    pub order_type: i64,
    /// `info.depotId`; omitted when `None` (Nhanh's default depot).
    pub depot_id: Option<i64>,
    pub status: i64,
    pub lines: Vec<OrderLine>,
    pub customer_name: Option<String>,
    /// Normalised by `Mobile::parse` when valid; an invalid one is kept and refused by `validate`.
    pub customer_mobile: Option<String>,
    pub customer_address: Option<String>,
    pub payment: Option<Payment>,
}

impl NewOrder {
    /// A counter sale (`info.type` 2) from `depot_id` with `status` (54–57; `DEFAULT_STATUS`
    /// 56 = confirmed) whose `channel.appOrderId` is the sale's id (the idempotency key:
    /// never regenerate it for the same sale).
    pub fn counter_sale(sale_id: impl ToString, depot_id: Option<i64>, status: i64, lines: Vec<OrderLine>) -> NewOrder {
        NewOrder {
            app_order_id: sale_id.to_string(),
            order_type: TYPE_COUNTER,
            depot_id,
            status,
            lines,
            customer_name: None,
            customer_mobile: None,
            customer_address: None,
            payment: None,
        }
    }

    pub fn status(mut self, status: i64) -> NewOrder {
        self.status = status;
        self
    }

    /// Adds a line: Nhanh product id, unit price (đồng), whole quantity, discount on the line (đồng).
    pub fn line(mut self, product_id: i64, price: i64, quantity: i64, discount: i64) -> NewOrder {
        self.lines.push(OrderLine { id: product_id, price, quantity, discount });
        self
    }

    /// The sale's customer, sent in `shippingAddress` (name and address only when given;
    /// blank is absent). Nhanh matches customers by mobile; order/add never creates one.
    pub fn customer(mut self, name: Option<&str>, mobile: impl AsRef<str>, address: Option<&str>) -> NewOrder {
        let text = |s: Option<&str>| s.map(str::trim).filter(|n| !n.is_empty()).map(str::to_string);
        self.customer_name = text(name);
        let raw = mobile.as_ref();
        self.customer_mobile = Some(Mobile::parse(raw).map(|m| m.as_str().to_string()).unwrap_or_else(|_| raw.to_string()));
        self.customer_address = text(address);
        self
    }

    pub fn payment(mut self, payment: Payment) -> NewOrder {
        self.payment = Some(payment);
        self
    }

    /// `payment.transferAmount`: paid by other means than cash at the counter (đồng).
    pub fn transfer_amount(mut self, amount: i64) -> NewOrder {
        self.payment.get_or_insert_with(Payment::default).transfer_amount = Some(amount);
        self
    }

    /// `payment.depositAmount` (đồng).
    pub fn deposit_amount(mut self, amount: i64) -> NewOrder {
        self.payment.get_or_insert_with(Payment::default).deposit_amount = Some(amount);
        self
    }

    /// What Nhanh would refuse, checked before sending: appOrderId 1–64 characters,
    /// status 54–57, 1–500 lines with price ≥ 0, quantity > 0, 0 ≤ discount ≤ price × quantity,
    /// amounts ≥ 0.
    pub fn validate(&self) -> Result<(), NhanhError> {
        let bad = |field: String, reason: &str| Err(NhanhError::InvalidOrder { field, reason: reason.to_string() });
        let id_len = self.app_order_id.chars().count();
        if id_len == 0 || id_len > MAX_APP_ORDER_ID || self.app_order_id.trim() != self.app_order_id {
            return bad("channel.appOrderId".into(), "1-64 characters, no surrounding spaces");
        }
        if !(54..=57).contains(&self.status) {
            return bad("info.status".into(), "54-57");
        }
        if self.lines.is_empty() || self.lines.len() > MAX_LINES {
            return bad("products".into(), "1-500 lines");
        }
        for (k, l) in self.lines.iter().enumerate() {
            if l.id <= 0 {
                return bad(format!("products.{k}.id"), "a Nhanh product id");
            }
            if l.price < 0 || l.price > money::MAX_VND {
                return bad(format!("products.{k}.price"), ">= 0");
            }
            if l.quantity <= 0 {
                return bad(format!("products.{k}.quantity"), "> 0");
            }
            let line_total = (l.price as i128) * (l.quantity as i128);
            if l.discount < 0 || (l.discount as i128) > line_total {
                return bad(format!("products.{k}.discount"), "0 to the line's amount");
            }
        }
        if let Some(m) = &self.customer_mobile {
            Mobile::parse(m)?;
        }
        if let Some(p) = &self.payment {
            for (f, v) in [("payment.depositAmount", p.deposit_amount), ("payment.transferAmount", p.transfer_amount)] {
                if v.is_some_and(|v| v < 0) {
                    return bad(f.into(), ">= 0");
                }
            }
        }
        Ok(())
    }

    /// The `order/add` body.
    pub fn to_json(&self) -> Value {
        let products: Vec<Value> = self
            .lines
            .iter()
            .map(|l| json!({"id": l.id, "price": money::to_json(l.price), "quantity": l.quantity, "discount": money::to_json(l.discount)}))
            .collect();
        let mut body = Map::new();
        let mut info = json!({"type": self.order_type, "status": self.status});
        if let Some(d) = self.depot_id {
            info["depotId"] = json!(d);
        }
        body.insert("info".into(), info);
        body.insert("channel".into(), json!({"appOrderId": self.app_order_id}));
        let mut ship = Map::new();
        if let Some(n) = &self.customer_name {
            ship.insert("name".into(), Value::from(n.clone()));
        }
        if let Some(m) = &self.customer_mobile {
            ship.insert("mobile".into(), Value::from(m.clone()));
        }
        if let Some(a) = &self.customer_address {
            ship.insert("address".into(), Value::from(a.clone()));
        }
        if !ship.is_empty() {
            body.insert("shippingAddress".into(), Value::Object(ship));
        }
        body.insert("products".into(), Value::Array(products));
        if let Some(p) = &self.payment {
            let mut pay = Map::new();
            if let Some(v) = p.deposit_amount {
                pay.insert("depositAmount".into(), money::to_json(v));
            }
            if let Some(v) = p.transfer_amount {
                pay.insert("transferAmount".into(), money::to_json(v));
            }
            if let Some(c) = p.coupon_code.as_deref().filter(|c| !c.is_empty()) {
                pay.insert("couponCode".into(), Value::from(c));
            }
            if !pay.is_empty() {
                body.insert("payment".into(), Value::Object(pay));
            }
        }
        Value::Object(body)
    }
}

/// The answer of `order/add`. `duplicate`: the appOrderId was already used, `id` is the
/// existing order (the first attempt's answer was lost, or this is a repeat).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddedOrder {
    pub id: i64,
    pub tracking_url: Option<String>,
    pub duplicate: bool,
}

/// Filters of `order/list`. With neither ids nor mobile, Nhanh looks at the last 31 days
/// at most (`updatedAtFrom/To`, unix seconds).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderFilters {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ids: Vec<i64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at_from: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at_to: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "mobile_filter")]
    #[serde(rename = "shippingAddress")]
    pub mobile: Option<Mobile>,
}

fn mobile_filter<S: serde::Serializer>(m: &Option<Mobile>, s: S) -> Result<S::Ok, S::Error> {
    json!({"mobile": m.as_ref().map(Mobile::as_str)}).serialize(s)
}

/// An order/list row (and the `data` of orderAdd/orderUpdate webhooks). Lenient: unknown
/// fields are ignored and every part may be missing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    #[serde(default)]
    pub info: OrderInfo,
    #[serde(default)]
    pub channel: OrderChannel,
    #[serde(default)]
    pub shipping_address: ShippingAddress,
    #[serde(default, deserialize_with = "lenient_lines")]
    pub products: Vec<OrderProduct>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<OrderCustomer>,
    /// What was paid before pickup (deposit, bank transfer), as Nhanh sent it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<OrderPayment>,
}

/// An order's payment as `order/list` gives it; amounts stay JSON until read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderPayment {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deposit_amount: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_amount: Option<Value>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderInfo {
    #[serde(default, deserialize_with = "req_or_zero")]
    pub id: i64,
    #[serde(default, rename = "type", deserialize_with = "opt_i64")]
    pub kind: Option<i64>,
    /// 0 when absent (`stage` → Other).
    #[serde(default, deserialize_with = "req_or_zero")]
    pub status: i64,
    #[serde(default, deserialize_with = "opt_i64")]
    pub depot_id: Option<i64>,
    #[serde(default, deserialize_with = "opt_i64")]
    pub created_at: Option<i64>,
    #[serde(default, deserialize_with = "opt_i64")]
    pub updated_at: Option<i64>,
    #[serde(default, deserialize_with = "opt_i64", skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<i64>,
    /// The order's note.
    #[serde(default, deserialize_with = "opt_text", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

fn req_or_zero<'de, D: serde::Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    Ok(opt_i64(d)?.unwrap_or(0))
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderChannel {
    #[serde(default, deserialize_with = "opt_text")]
    pub app_order_id: Option<String>,
    #[serde(default, deserialize_with = "opt_i64")]
    pub sale_channel: Option<i64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ShippingAddress {
    #[serde(default, deserialize_with = "opt_text")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "opt_text")]
    pub mobile: Option<String>,
    #[serde(default, deserialize_with = "opt_text")]
    pub address: Option<String>,
}

/// A product line of an order row: money read into đồng (`money::vnd`), the quantity
/// kept as sent (a double) until `quantity_whole`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrderProduct {
    #[serde(deserialize_with = "req_i64")]
    pub id: i64,
    #[serde(default, deserialize_with = "opt_text")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "opt_text")]
    pub code: Option<String>,
    /// Unit price, đồng.
    #[serde(default, deserialize_with = "vnd_or_zero")]
    pub price: i64,
    #[serde(default)]
    pub quantity: Option<Value>,
    /// Discount on the line, đồng (0 when absent).
    #[serde(default, deserialize_with = "vnd_or_zero")]
    pub discount: i64,
}

impl OrderProduct {
    /// The quantity when whole (`2`, `2.0`); `None` for `0.5` kg or a missing quantity.
    pub fn quantity_whole(&self) -> Option<i64> {
        money::quantity(self.quantity.as_ref()?).ok()
    }
}

fn vnd_or_zero<'de, D: serde::Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => Ok(0),
        Some(v) => money::vnd(&v).map_err(serde::de::Error::custom),
    }
}

/// Lines that are not objects are dropped; an object line that cannot be read (no id, a
/// fractional price) fails the row rather than hiding a product.
fn lenient_lines<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<OrderProduct>, D::Error> {
    let v = Option::<Value>::deserialize(d)?.unwrap_or(Value::Null);
    crate::wire::rows(&v)
        .into_iter()
        .filter(Value::is_object)
        .map(|r| serde_json::from_value(r).map_err(serde::de::Error::custom))
        .collect()
}

/// The customer Nhanh linked to an order (`customer{id}`), when the row has one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OrderCustomer {
    #[serde(default, deserialize_with = "opt_i64")]
    pub id: Option<i64>,
}

impl Order {
    pub fn id(&self) -> i64 {
        self.info.id
    }
    pub fn app_order_id(&self) -> Option<&str> {
        self.channel.app_order_id.as_deref()
    }
    pub fn status(&self) -> i64 {
        self.info.status
    }
    /// Nhanh's customer id (`customer.id`, else `info.customerId`).
    /// What the customer already paid (deposit and transfer), in đồng. An amount that
    /// cannot be read is an error: the caller must not charge the order as if unpaid.
    pub fn prepaid(&self) -> Result<i64, money::AmountError> {
        let Some(p) = &self.payment else { return Ok(0) };
        let read = |v: &Option<Value>| match v {
            None | Some(Value::Null) => Ok(0),
            Some(v) => money::vnd(v),
        };
        Ok(read(&p.deposit_amount)? + read(&p.transfer_amount)?)
    }

    pub fn customer_id(&self) -> Option<i64> {
        self.customer.as_ref().and_then(|c| c.id).or(self.info.customer_id).filter(|id| *id > 0)
    }
}

/// Nhanh's order statuses (wave2 §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OrderStatus {
    New = 54,
    Confirming = 55,
    Confirmed = 56,
    AwaitingCustomer = 57,
    Packing = 42,
    Packed = 40,
    AwaitingPickup = 43,
    Shipping = 59,
    Success = 60,
    Failed = 61,
    CarrierCancelled = 58,
    CustomerCancelled = 63,
    SystemCancelled = 64,
    OutOfStock = 68,
    Returning = 71,
    Returned = 72,
    ChangeDepot = 73,
    ReturnConfirmed = 74,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 18] = [
        OrderStatus::New,
        OrderStatus::Confirming,
        OrderStatus::Confirmed,
        OrderStatus::AwaitingCustomer,
        OrderStatus::Packing,
        OrderStatus::Packed,
        OrderStatus::AwaitingPickup,
        OrderStatus::Shipping,
        OrderStatus::Success,
        OrderStatus::Failed,
        OrderStatus::CarrierCancelled,
        OrderStatus::CustomerCancelled,
        OrderStatus::SystemCancelled,
        OrderStatus::OutOfStock,
        OrderStatus::Returning,
        OrderStatus::Returned,
        OrderStatus::ChangeDepot,
        OrderStatus::ReturnConfirmed,
    ];

    pub fn code(self) -> i64 {
        self as i64
    }

    pub fn from_code(code: i64) -> Option<OrderStatus> {
        OrderStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// v2's status names (webhooks of v2 tenants).
    pub fn from_v2_name(name: &str) -> Option<OrderStatus> {
        Some(match name.trim() {
            "New" => OrderStatus::New,
            "Confirming" => OrderStatus::Confirming,
            "Confirmed" => OrderStatus::Confirmed,
            "CustomerConfirming" => OrderStatus::AwaitingCustomer,
            "Packing" => OrderStatus::Packing,
            "Packed" => OrderStatus::Packed,
            "Pickup" => OrderStatus::AwaitingPickup,
            "Shipping" => OrderStatus::Shipping,
            "Success" => OrderStatus::Success,
            "Failed" => OrderStatus::Failed,
            "CarrierCanceled" => OrderStatus::CarrierCancelled,
            "Canceled" => OrderStatus::CustomerCancelled,
            "Aborted" => OrderStatus::SystemCancelled,
            "SoldOut" => OrderStatus::OutOfStock,
            "Returning" => OrderStatus::Returning,
            "Returned" => OrderStatus::Returned,
            "ChangeDepot" => OrderStatus::ChangeDepot,
            _ => return None,
        })
    }

    /// The Fluent id of its name on the Online orders screen (`nhanh-order-status-<code>`).
    pub fn fluent_id(self) -> &'static str {
        match self {
            OrderStatus::New => "nhanh-order-status-54",
            OrderStatus::Confirming => "nhanh-order-status-55",
            OrderStatus::Confirmed => "nhanh-order-status-56",
            OrderStatus::AwaitingCustomer => "nhanh-order-status-57",
            OrderStatus::Packing => "nhanh-order-status-42",
            OrderStatus::Packed => "nhanh-order-status-40",
            OrderStatus::AwaitingPickup => "nhanh-order-status-43",
            OrderStatus::Shipping => "nhanh-order-status-59",
            OrderStatus::Success => "nhanh-order-status-60",
            OrderStatus::Failed => "nhanh-order-status-61",
            OrderStatus::CarrierCancelled => "nhanh-order-status-58",
            OrderStatus::CustomerCancelled => "nhanh-order-status-63",
            OrderStatus::SystemCancelled => "nhanh-order-status-64",
            OrderStatus::OutOfStock => "nhanh-order-status-68",
            OrderStatus::Returning => "nhanh-order-status-71",
            OrderStatus::Returned => "nhanh-order-status-72",
            OrderStatus::ChangeDepot => "nhanh-order-status-73",
            OrderStatus::ReturnConfirmed => "nhanh-order-status-74",
        }
    }
}

/// The columns of the counter's Online orders screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stage {
    /// 54 new, 55 confirming, 57 awaiting the customer: to accept or refuse.
    New,
    /// 56: accepted, not started.
    Confirmed,
    /// 42 packing, 40 packed, 43 awaiting pickup, 68 out of stock, 73 change of depot.
    Preparing,
    /// 59 shipping, 60 success: out of the shop.
    HandedOver,
    /// 58 carrier cancelled, 63 customer cancelled, 64 system cancelled.
    Cancelled,
    /// 61 failed delivery, 71 returning, 72 returned, 74 return confirmed.
    Returned,
    /// A status Quay does not know.
    Other,
}

pub fn stage(status: i64) -> Stage {
    match status {
        54 | 55 | 57 => Stage::New,
        56 => Stage::Confirmed,
        42 | 40 | 43 | 68 | 73 => Stage::Preparing,
        59 | 60 => Stage::HandedOver,
        58 | 63 | 64 => Stage::Cancelled,
        61 | 71 | 72 | 74 => Stage::Returned,
        _ => Stage::Other,
    }
}

/// Statuses no edit leaves.
pub const LOCKED: [i64; 6] = [58, 60, 63, 64, 72, 74];
/// With the carrier: only "returned" (72, 74) from here.
pub const HANDED_OVER: [i64; 3] = [59, 61, 71];

/// Whether `order/edit` may move an order from `from` to `to` (the contract's table):
/// the same status is a no-op (allowed); 56 from 54/55/57; 60 from 54–57/42/40/43; 63 and
/// 64 from 54–57/42/40/43/68; 72 or 74 from 59/61/71; nothing from 58/60/63/64/72/74.
pub fn can_edit(from: i64, to: i64) -> bool {
    if from == to {
        return true;
    }
    if LOCKED.contains(&from) {
        return false;
    }
    if HANDED_OVER.contains(&from) {
        return matches!(to, 72 | 74);
    }
    let before_carrier = [54, 55, 56, 57, 42, 40, 43];
    match to {
        56 => matches!(from, 54 | 55 | 57),
        60 => before_carrier.contains(&from),
        63 | 64 => before_carrier.contains(&from) || from == 68,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn prepaid_amounts_are_read_or_refused() {
        let cases = [
            (json!({"info": {"id": 1}}), Some(0)),
            (json!({"info": {"id": 1}, "payment": {"depositAmount": 20000, "transferAmount": "15000"}}), Some(35_000)),
            (json!({"info": {"id": 1}, "payment": {"depositAmount": null}}), Some(0)),
            (json!({"info": {"id": 1}, "payment": {"transferAmount": 1000.5}}), None),
        ];
        for (row, want) in cases {
            let o: Order = serde_json::from_value(row.clone()).unwrap();
            assert_eq!(o.prepaid().ok(), want, "{row}");
        }
    }

    use super::*;

    #[test]
    fn counter_sale_body() {
        let m = Mobile::parse("0988 999 999").unwrap();
        let o = NewOrder::counter_sale(
            "S-2026-0001",
            Some(7),
            DEFAULT_STATUS,
            vec![OrderLine { id: 5012, price: 29000, quantity: 2, discount: 1000 }],
        )
        .line(5013, 15000, 1, 0)
        .customer(Some(" Lan "), &m, None);
        o.validate().unwrap();
        assert_eq!(
            o.to_json(),
            json!({
                "info": {"type": 2, "depotId": 7, "status": 56},
                "channel": {"appOrderId": "S-2026-0001"},
                "shippingAddress": {"name": "Lan", "mobile": "0988999999"},
                "products": [
                    {"id": 5012, "price": 29000, "quantity": 2, "discount": 1000},
                    {"id": 5013, "price": 15000, "quantity": 1, "discount": 0}
                ]
            })
        );
        let bare = NewOrder::counter_sale("S-1", None, 54, vec![]).line(1, 0, 1, 0);
        let v = bare.to_json();
        assert!(v.get("shippingAddress").is_none(), "{v}");
        assert!(v.get("payment").is_none(), "{v}");
        assert_eq!(v["info"], json!({"type": 2, "status": 54}), "no depot: Nhanh's default");
        let paid = bare.clone().transfer_amount(100);
        assert_eq!(paid.to_json()["payment"], json!({"transferAmount": 100}));
        let paid = bare.clone().payment(Payment { deposit_amount: Some(5), coupon_code: Some("X1".into()), ..Default::default() });
        assert_eq!(paid.to_json()["payment"], json!({"depositAmount": 5, "couponCode": "X1"}));
        let only_mobile = bare.clone().customer(Some("  "), &m, Some(" 1 Lê Lợi "));
        assert_eq!(only_mobile.to_json()["shippingAddress"], json!({"mobile": "0988999999", "address": "1 Lê Lợi"}));
    }

    #[test]
    fn orders_refused_before_sending() {
        let ok = || NewOrder::counter_sale("S-1", Some(7), DEFAULT_STATUS, vec![]).line(1, 1000, 1, 0);
        let new = |id: String| NewOrder::counter_sale(id, Some(7), DEFAULT_STATUS, vec![]);
        let cases: Vec<(NewOrder, &str)> = vec![
            (new(String::new()).line(1, 1, 1, 0), "channel.appOrderId"),
            (new("x".repeat(65)).line(1, 1, 1, 0), "channel.appOrderId"),
            (ok().status(60), "info.status"),
            (new("S-1".into()), "products"),
            (ok().line(0, 1, 1, 0), "products.1.id"),
            (ok().line(2, -1, 1, 0), "products.1.price"),
            (ok().line(2, 1, 0, 0), "products.1.quantity"),
            (ok().line(2, 100, 2, 201), "products.1.discount"),
            (ok().line(2, 100, 2, -1), "products.1.discount"),
            (ok().payment(Payment { deposit_amount: Some(-1), ..Default::default() }), "payment.depositAmount"),
        ];
        assert_eq!(ok().customer(None, "12345", None).validate(), Err(NhanhError::InvalidMobile { text: "12345".into() }));
        assert_eq!(ok().customer(None, "+84 988 999 999", None).to_json()["shippingAddress"]["mobile"], "0988999999");
        for (o, field) in cases {
            match o.validate() {
                Err(NhanhError::InvalidOrder { field: f, .. }) => assert_eq!(f, field),
                other => panic!("{field}: {other:?}"),
            }
        }
        assert!(new("x".repeat(64)).line(1, 100, 2, 200).validate().is_ok());
    }

    #[test]
    fn order_rows_lenient() {
        let v = json!({
            "info": {"id": 91, "type": 2, "status": 56, "depotId": "7", "createdAt": 1764739200, "updatedAt": 1764739300, "extra": true},
            "channel": {"appOrderId": "S-1", "saleChannel": 10},
            "shippingAddress": {"name": "Lan", "mobile": "0988999999", "address": null, "cityId": 1},
            "products": [{"id": 5012, "name": "Cà phê", "code": "CF", "price": 29000.0, "quantity": 2, "discount": null}, "junk",
                         {"id": "5013", "price": 10000, "quantity": 0.5, "discount": 500}],
            "carrier": {"id": 3},
            "customer": {"id": 77}
        });
        let o: Order = serde_json::from_value(v).unwrap();
        assert_eq!(o.customer_id(), Some(77));
        let back: Order = serde_json::from_str(&serde_json::to_string(&o).unwrap()).unwrap();
        assert_eq!(back, o, "an order row survives being stored and read back");
        assert_eq!((o.id(), o.status(), o.info.depot_id, o.app_order_id()), (91, 56, Some(7), Some("S-1")));
        assert_eq!(o.products.len(), 2);
        assert_eq!((o.products[0].price, o.products[0].quantity_whole(), o.products[0].discount), (29000, Some(2), 0));
        assert_eq!((o.products[1].id, o.products[1].quantity_whole(), o.products[1].discount), (5013, None, 500));
        let empty: Order = serde_json::from_value(json!({})).unwrap();
        assert_eq!((empty.id(), empty.customer_id()), (0, None));
        let with_info_customer: Order = serde_json::from_value(json!({"info": {"id": 1, "customerId": "5"}})).unwrap();
        assert_eq!(with_info_customer.customer_id(), Some(5));
        assert!(
            serde_json::from_value::<Order>(json!({"products": [{"id": 1, "price": 10.5}]})).is_err(),
            "a fractional price is not hidden"
        );
    }

    #[test]
    fn statuses_and_stages() {
        let cases: &[(i64, Stage)] = &[
            (54, Stage::New),
            (55, Stage::New),
            (57, Stage::New),
            (56, Stage::Confirmed),
            (42, Stage::Preparing),
            (40, Stage::Preparing),
            (43, Stage::Preparing),
            (68, Stage::Preparing),
            (73, Stage::Preparing),
            (59, Stage::HandedOver),
            (60, Stage::HandedOver),
            (58, Stage::Cancelled),
            (63, Stage::Cancelled),
            (64, Stage::Cancelled),
            (61, Stage::Returned),
            (71, Stage::Returned),
            (72, Stage::Returned),
            (74, Stage::Returned),
            (1, Stage::Other),
        ];
        for (s, want) in cases {
            assert_eq!(stage(*s), *want, "{s}");
        }
        for s in OrderStatus::ALL {
            assert_eq!(OrderStatus::from_code(s.code()), Some(s));
            assert_ne!(stage(s.code()), Stage::Other, "{s:?}");
            assert!(s.fluent_id().ends_with(&s.code().to_string()));
        }
        assert_eq!(OrderStatus::from_code(99), None);
        assert_eq!(OrderStatus::from_v2_name("CustomerConfirming"), Some(OrderStatus::AwaitingCustomer));
        assert_eq!(OrderStatus::from_v2_name("Canceled"), Some(OrderStatus::CustomerCancelled));
    }

    #[test]
    fn edit_table() {
        let yes: &[(i64, i64)] = &[
            (54, 56),
            (55, 56),
            (57, 56),
            (54, 60),
            (57, 60),
            (42, 60),
            (40, 60),
            (43, 60),
            (56, 60),
            (54, 63),
            (56, 64),
            (43, 63),
            (68, 63),
            (68, 64),
            (59, 72),
            (61, 74),
            (71, 72),
            (71, 74),
            (56, 56),
            (60, 60),
            (72, 72),
        ];
        let no: &[(i64, i64)] = &[
            (56, 54),
            (42, 56),
            (68, 56),
            (68, 60),
            (59, 60),
            (59, 63),
            (61, 64),
            (58, 56),
            (60, 63),
            (63, 56),
            (64, 60),
            (72, 74),
            (74, 72),
            (54, 72),
            (56, 74),
            (54, 42),
            (54, 59),
            (54, 99),
        ];
        for (f, t) in yes {
            assert!(can_edit(*f, *t), "{f} → {t}");
        }
        for (f, t) in no {
            assert!(!can_edit(*f, *t), "{f} → {t} must be refused");
        }
    }

    #[test]
    fn list_filters() {
        let f = OrderFilters { ids: vec![1, 2], mobile: Some(Mobile::parse("0988999999").unwrap()), ..Default::default() };
        assert_eq!(serde_json::to_value(&f).unwrap(), json!({"ids": [1, 2], "shippingAddress": {"mobile": "0988999999"}}));
        let f = OrderFilters { updated_at_from: Some(1), updated_at_to: Some(2), statuses: vec![54], ..Default::default() };
        assert_eq!(serde_json::to_value(&f).unwrap(), json!({"statuses": [54], "updatedAtFrom": 1, "updatedAtTo": 2}));
    }
}
