//! Smart-store data APIs (wave2 §2, contract §4's readings): the shop (asynchronous
//! review), items with their SKUs (**prices in integer fen**), order sync (**amounts in
//! yuan**), and order vouchers. The request bodies are pure functions of the inputs;
//! the answers are `AlipayAnswer`s, with typed readings where the app needs a field.

use std::collections::HashSet;

use serde_json::{json, Map, Value};

use super::super::{cny, WalletError};
use super::sign::AlipayAnswer;
use super::trade::yuan_field;

pub const METHOD_SHOP_CREATE: &str = "ant.merchant.expand.shop.create";
pub const METHOD_SHOP_ORDER_QUERY: &str = "ant.merchant.expand.order.query";
pub const METHOD_SHOP_QUERY: &str = "ant.merchant.expand.shop.query";
pub const METHOD_ITEM_CREATE: &str = "alipay.open.app.item.create";
pub const METHOD_ITEM_MODIFY: &str = "alipay.open.app.item.modify";
pub const METHOD_ORDER_SYNC: &str = "alipay.merchant.order.sync";
/// Our reading [I]: the public documentation names no voucher lookup by code; the
/// simulator implements this method with `{voucher_code}`.
pub const METHOD_VOUCHER_QUERY: &str = "alipay.marketing.activity.ordervoucher.query";
pub const METHOD_VOUCHER_USE: &str = "alipay.marketing.activity.ordervoucher.use";
pub const METHOD_VOUCHER_REFUND: &str = "alipay.marketing.activity.ordervoucher.refund";

/// A shop to register (`ant.merchant.expand.shop.create`). `Default` lets callers name
/// only what they have.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShopInfo {
    /// The merchant's own store code: 1–32 of `[A-Za-z0-9_-]`; the idempotency key.
    pub store_id: String,
    pub shop_name: String,
    /// Alipay's shop category code.
    pub shop_category: String,
    /// `01` (direct) or `02` (franchised).
    pub shop_type: String,
    pub province_code: String,
    pub city_code: String,
    pub district_code: String,
    pub address: String,
    pub contact_mobile: Option<String>,
    /// Sent as `contact_phone`.
    pub contact_phone: Option<String>,
    /// Sent as `contact_infos: [{name, phone?, mobile?}]`.
    pub contact_name: Option<String>,
    /// The merchant's Alipay id (`2088…`) when the shop is created for another account.
    pub ip_role_id: Option<String>,
}

fn check_store_code(what: &str, id: &str) -> Result<(), WalletError> {
    let ok = (1..=32).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(WalletError::Invalid(format!("Alipay {what} {id:?}: 1–32 of [A-Za-z0-9_-]")))
    }
}

fn non_empty(what: &str, v: &str) -> Result<(), WalletError> {
    if v.trim().is_empty() {
        Err(WalletError::Invalid(format!("Alipay {what} is empty")))
    } else {
        Ok(())
    }
}

/// shop.create's biz_content. Empty address parts are left out.
pub fn shop_create_biz(s: &ShopInfo) -> Result<Value, WalletError> {
    check_store_code("store_id", &s.store_id)?;
    non_empty("shop_name", &s.shop_name)?;
    non_empty("shop_category", &s.shop_category)?;
    if s.shop_type != "01" && s.shop_type != "02" {
        return Err(WalletError::Invalid(format!("Alipay shop_type {:?}: 01 or 02", s.shop_type)));
    }
    let mut address = Map::new();
    for (k, v) in
        [("province_code", &s.province_code), ("city_code", &s.city_code), ("district_code", &s.district_code), ("address", &s.address)]
    {
        if !v.is_empty() {
            address.insert(k.into(), json!(v));
        }
    }
    let mut biz = json!({
        "store_id": s.store_id,
        "shop_name": s.shop_name,
        "shop_category": s.shop_category,
        "shop_type": s.shop_type,
    });
    let m = biz.as_object_mut().expect("object");
    if !address.is_empty() {
        m.insert("business_address".into(), Value::Object(address));
    }
    if let Some(v) = s.contact_mobile.as_ref().filter(|v| !v.is_empty()) {
        m.insert("contact_mobile".into(), json!(v));
    }
    if let Some(v) = s.contact_phone.as_ref().filter(|v| !v.is_empty()) {
        m.insert("contact_phone".into(), json!(v));
    }
    if let Some(name) = s.contact_name.as_ref().filter(|v| !v.is_empty()) {
        let mut c = json!({"name": name});
        if let Some(v) = s.contact_phone.as_ref().filter(|v| !v.is_empty()) {
            c["phone"] = json!(v);
        }
        if let Some(v) = s.contact_mobile.as_ref().filter(|v| !v.is_empty()) {
            c["mobile"] = json!(v);
        }
        m.insert("contact_infos".into(), json!([c]));
    }
    if let Some(v) = s.ip_role_id.as_ref().filter(|v| !v.is_empty()) {
        m.insert("ip_role_id".into(), json!(v));
    }
    Ok(biz)
}

/// Where a shop's review stands (`ant.merchant.expand.order.query`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShopReview {
    /// `031`: under review.
    Reviewing,
    /// `99`: approved; `shop_id` (from ext_info) is the Alipay shop id coupons use.
    Approved { shop_id: Option<String> },
    /// `-1`: rejected.
    Rejected,
    /// Another status (kept as is).
    Other(String),
}

/// The answer of the shop order query.
#[derive(Clone, Debug, PartialEq)]
pub struct ShopOrderAnswer {
    pub answer: AlipayAnswer,
    pub status: Option<String>,
    /// From `ext_info` (an object or a JSON text): `shop_id`.
    pub shop_id: Option<String>,
}

impl ShopOrderAnswer {
    pub fn from_answer(a: AlipayAnswer) -> ShopOrderAnswer {
        let ext = match a.fields.get("ext_info") {
            Some(Value::Object(o)) => Some(o.clone()),
            Some(Value::String(s)) => serde_json::from_str::<Map<String, Value>>(s).ok(),
            _ => None,
        };
        let shop_id = ext.as_ref().and_then(|e| Some(super::super::field_text(e.get("shop_id"))).filter(|s| !s.is_empty()));
        ShopOrderAnswer { status: a.text("status"), shop_id, answer: a }
    }

    /// The review state; None when the answer is not a 10000.
    pub fn review(&self) -> Option<ShopReview> {
        if !self.answer.is_success() {
            return None;
        }
        Some(match self.status.as_deref() {
            Some("031") => ShopReview::Reviewing,
            Some("99") => ShopReview::Approved { shop_id: self.shop_id.clone() },
            Some("-1") => ShopReview::Rejected,
            other => ShopReview::Other(other.unwrap_or_default().to_string()),
        })
    }
}

/// One SKU of an item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sku {
    /// The merchant's SKU code (unique).
    pub out_sku_id: String,
    /// Integer fen (`1000` = ¥10.00): sent as the JSON integer `sale_price`.
    pub sale_price_fen: i64,
    pub stock_num: i64,
    /// `AVAILABLE` when true, else `DELISTING`.
    pub available: bool,
}

/// An item (`alipay.open.app.item.create` / `.modify`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// The merchant's item id (unique per app).
    pub out_item_id: String,
    /// 3–60 characters.
    pub title: String,
    /// A leaf category id.
    pub category_id: String,
    /// ≤ 50, out_sku_id unique. `modify` replaces the whole list.
    pub skus: Vec<Sku>,
}

/// item.create / item.modify's biz_content: `{out_item_id, title, category_id, skus:
/// [{out_sku_id, sale_price (integer fen), stock_num, sale_status}]}`.
pub fn item_biz(item: &Item) -> Result<Value, WalletError> {
    non_empty("out_item_id", &item.out_item_id)?;
    non_empty("category_id", &item.category_id)?;
    let n = item.title.chars().count();
    if !(3..=60).contains(&n) {
        return Err(WalletError::Invalid(format!("Alipay item title: 3–60 characters, got {n}")));
    }
    if item.skus.is_empty() || item.skus.len() > 50 {
        return Err(WalletError::Invalid(format!("Alipay item: 1–50 SKUs, got {}", item.skus.len())));
    }
    let mut seen = HashSet::new();
    let mut skus = Vec::new();
    for s in &item.skus {
        non_empty("out_sku_id", &s.out_sku_id)?;
        if !seen.insert(s.out_sku_id.as_str()) {
            return Err(WalletError::Invalid(format!("Alipay out_sku_id {:?} twice", s.out_sku_id)));
        }
        let price = cny::to_fen(cny::from_fen(s.sale_price_fen))?;
        if s.stock_num < 0 {
            return Err(WalletError::Invalid(format!("Alipay stock_num {} < 0", s.stock_num)));
        }
        skus.push(json!({
            "out_sku_id": s.out_sku_id,
            "sale_price": price,
            "stock_num": s.stock_num,
            "sale_status": if s.available { "AVAILABLE" } else { "DELISTING" },
        }));
    }
    Ok(json!({"out_item_id": item.out_item_id, "title": item.title, "category_id": item.category_id, "skus": skus}))
}

/// One line of a synced order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OrderLine {
    pub item_name: String,
    pub quantity: i64,
    /// Unit price, fen: sent as yuan (`unit_price`).
    pub unit_price_fen: i64,
    pub out_item_id: Option<String>,
    pub out_sku_id: Option<String>,
}

/// An order to sync (`alipay.merchant.order.sync`); `out_biz_no` is the upsert key,
/// the same on every re-sync of the order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OrderSync {
    pub out_biz_no: String,
    /// The Alipay trade the order was paid with.
    pub trade_no: String,
    /// The order's amount, fen → `amount` in yuan.
    pub amount_fen: i64,
    /// What the buyer paid, fen → `pay_amount` in yuan.
    pub pay_amount_fen: i64,
    pub items: Vec<OrderLine>,
    /// The Alipay shop id, when known (`shop_info.shop_id`).
    pub shop_id: Option<String>,
    /// `order_status` when the counter knows it (Quay sends `FINISHED`, or `REFUNDED`
    /// when the sale was voided and its payment refunded).
    pub order_status: Option<String>,
}

/// order.sync's biz_content: `{out_biz_no, trade_no, order_type: "TRADE_ORDER", amount,
/// pay_amount, item_order_list: [{item_name, quantity, unit_price, item_id?, sku_id?}],
/// shop_info?: {shop_id}}`, amounts as two-decimal yuan.
pub fn order_sync_biz(o: &OrderSync) -> Result<Value, WalletError> {
    super::check_no("out_biz_no", &o.out_biz_no)?;
    non_empty("trade_no", &o.trade_no)?;
    let mut lines = Vec::new();
    for l in &o.items {
        non_empty("item_name", &l.item_name)?;
        if l.quantity <= 0 {
            return Err(WalletError::Invalid(format!("Alipay order line quantity {}", l.quantity)));
        }
        if !(0..=cny::MAX_FEN).contains(&l.unit_price_fen) {
            return Err(WalletError::Invalid(format!("Alipay order line price {} fen", l.unit_price_fen)));
        }
        let mut line = json!({"item_name": l.item_name, "quantity": l.quantity, "unit_price": cny::format_fen(l.unit_price_fen)});
        let m = line.as_object_mut().expect("object");
        if let Some(v) = l.out_item_id.as_ref().filter(|v| !v.is_empty()) {
            m.insert("item_id".into(), json!(v));
        }
        if let Some(v) = l.out_sku_id.as_ref().filter(|v| !v.is_empty()) {
            m.insert("sku_id".into(), json!(v));
        }
        lines.push(line);
    }
    let mut biz = json!({
        "out_biz_no": o.out_biz_no,
        "trade_no": o.trade_no,
        "order_type": "TRADE_ORDER",
        "amount": cny::yuan_fen(o.amount_fen)?,
        "pay_amount": cny::yuan_fen(o.pay_amount_fen)?,
        "item_order_list": lines,
    });
    if let Some(shop) = o.shop_id.as_ref().filter(|v| !v.is_empty()) {
        biz.as_object_mut().expect("object").insert("shop_info".into(), json!({"shop_id": shop}));
    }
    if let Some(status) = o.order_status.as_ref().filter(|v| !v.is_empty()) {
        biz.as_object_mut().expect("object").insert("order_status".into(), json!(status));
    }
    Ok(biz)
}

/// A voucher as the voucher query [I] reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct VoucherAnswer {
    pub answer: AlipayAnswer,
    pub voucher_code: Option<String>,
    /// `UNUSED` | `USED` | `EXPIRED` (field `status`, or `voucher_status`).
    pub status: Option<String>,
    /// The voucher's value, fen (from yuan).
    pub amount_fen: Option<i64>,
    /// The minimum spend, fen (from yuan).
    pub floor_amount_fen: Option<i64>,
    pub activity_id: Option<String>,
    pub name: Option<String>,
}

impl VoucherAnswer {
    pub fn from_answer(a: AlipayAnswer) -> VoucherAnswer {
        VoucherAnswer {
            voucher_code: a.text("voucher_code"),
            status: a.text("status").or_else(|| a.text("voucher_status")),
            amount_fen: yuan_field(a.fields.get("amount")),
            floor_amount_fen: yuan_field(a.fields.get("floor_amount")),
            activity_id: a.text("activity_id"),
            name: a.text("name").or_else(|| a.text("voucher_name")),
            answer: a,
        }
    }

    /// 10000 and `UNUSED`.
    pub fn usable(&self) -> bool {
        self.answer.is_success() && self.status.as_deref() == Some("UNUSED")
    }
}

/// ordervoucher.use's biz_content: `{activity_id, voucher_code, out_biz_no, store_id
/// (the approved shop id), biz_dt, trade_no?}`. `biz_dt` = the request time (Beijing).
pub fn voucher_use_biz(
    activity_id: &str,
    code: &str,
    out_biz_no: &str,
    shop_id: &str,
    trade_no: Option<&str>,
    biz_dt: &str,
) -> Result<Value, WalletError> {
    non_empty("activity_id", activity_id)?;
    non_empty("voucher_code", code)?;
    super::check_no("out_biz_no", out_biz_no)?;
    non_empty("store_id", shop_id)?;
    let mut biz =
        json!({"activity_id": activity_id, "voucher_code": code, "out_biz_no": out_biz_no, "store_id": shop_id, "biz_dt": biz_dt});
    if let Some(t) = trade_no.filter(|t| !t.is_empty()) {
        biz.as_object_mut().expect("object").insert("trade_no".into(), json!(t));
    }
    Ok(biz)
}

/// ordervoucher.refund's biz_content: `{activity_id, voucher_code, out_biz_no, biz_dt}`.
pub fn voucher_refund_biz(activity_id: &str, code: &str, out_biz_no: &str, biz_dt: &str) -> Result<Value, WalletError> {
    non_empty("activity_id", activity_id)?;
    non_empty("voucher_code", code)?;
    super::check_no("out_biz_no", out_biz_no)?;
    Ok(json!({"activity_id": activity_id, "voucher_code": code, "out_biz_no": out_biz_no, "biz_dt": biz_dt}))
}

pub(super) fn shop_code(store_id: &str) -> Result<(), WalletError> {
    check_store_code("store_id", store_id)
}

pub(super) fn need(what: &str, v: &str) -> Result<(), WalletError> {
    non_empty(what, v)
}
