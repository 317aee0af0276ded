//! Alipay's smart-store data APIs on the same gateway: shops (`ant.merchant.expand.shop.create`,
//! `…order.query`, `…shop.query`, reviewed asynchronously), items (`alipay.open.app.item.create`,
//! `…modify`), order sync (`alipay.merchant.order.sync`) and merchant coupons
//! (`alipay.marketing.activity.ordervoucher.{use,refund}` and our [I] `…ordervoucher.query`).
//! Business errors carry sub_codes without the `ACQ.` prefix.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::{json, Value};

use super::alipay::{bj_text, fail, ok, opt_str, req_str, yuan_fen, yuan_text, AlipayCoupon, AlipaySim, CouponStatus, Fields};

const INVALID: &str = "INVALID_PARAMETER";
const MAX_SKUS: usize = 50;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShopStatus {
    /// `031`
    Reviewing,
    /// `99`: the shop has its shop_id.
    Approved,
    /// `-1`
    Rejected,
}

impl ShopStatus {
    fn code(self) -> &'static str {
        match self {
            ShopStatus::Reviewing => "031",
            ShopStatus::Approved => "99",
            ShopStatus::Rejected => "-1",
        }
    }
}

/// A shop application as Alipay sees it (for tests).
#[derive(Clone, Debug, Serialize)]
pub struct AlipayShop {
    /// The merchant's own store code.
    pub store_id: String,
    pub order_id: String,
    pub status: ShopStatus,
    /// Alipay's shop id, once approved (coupons name it as store_id).
    pub shop_id: Option<String>,
    pub shop_name: String,
    /// shop.create calls that named this store_id.
    pub creates: u32,
}

/// An item as stored (for tests), with how often it was sent.
#[derive(Clone, Debug, Serialize)]
pub struct AlipayItem {
    pub item_id: String,
    pub out_item_id: String,
    pub title: String,
    pub category_id: String,
    /// The skus as last sent (sale_price integer fen).
    pub skus: Value,
    /// Every field as last sent (create, then each modify's replacements).
    pub fields: Value,
    /// item.create calls naming this out_item_id (refused duplicates included).
    pub creates: u32,
    /// item.modify calls naming it (refused ones included).
    pub modifies: u32,
}

/// A synced order (for tests): the last body sent under its out_biz_no.
#[derive(Clone, Debug, Serialize)]
pub struct AlipaySyncedOrder {
    pub out_biz_no: String,
    pub order_id: String,
    pub amount_fen: i64,
    pub pay_amount_fen: Option<i64>,
    pub syncs: u32,
    pub body: Value,
}

/// One coupon use (for tests).
#[derive(Clone, Debug, Serialize)]
pub struct AlipayCouponUse {
    pub out_biz_no: String,
    pub voucher_code: String,
    pub store_id: String,
    pub trade_no: Option<String>,
    pub refunded: bool,
}

#[derive(Clone, Debug)]
struct Shop {
    store_id: String,
    order_id: String,
    status: ShopStatus,
    shop_id: Option<String>,
    fields: Fields,
    created: DateTime<Utc>,
    reason: String,
    creates: u32,
}

#[derive(Clone, Debug)]
struct Item {
    item_id: String,
    out_item_id: String,
    fields: Fields,
    /// out_sku_id → sku_id (kept across modifies).
    sku_ids: Vec<(String, String)>,
    creates: u32,
    modifies: u32,
}

#[derive(Clone, Debug)]
struct Synced {
    out_biz_no: String,
    order_id: String,
    body: Fields,
    syncs: u32,
}

#[derive(Clone, Debug)]
struct Use {
    /// The request's fields but biz_dt.
    key: Fields,
    answer: Fields,
    voucher_code: String,
    refunded: bool,
    refund: Option<(Fields, Fields)>,
}

#[derive(Default)]
pub(crate) struct StoreState {
    shops: Vec<Shop>,
    items: Vec<Item>,
    /// Calls for out_item_ids never stored (refused creates, modifies of unknown items).
    stray_calls: (u32, u32),
    orders: Vec<Synced>,
    pub coupons: Vec<AlipayCoupon>,
    uses: HashMap<String, Use>,
    use_order: Vec<String>,
}

fn code_ok(s: &str, max: usize) -> bool {
    (1..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
}

fn integer(v: Option<&Value>) -> Option<i64> {
    match v {
        Some(Value::Number(n)) => n.as_i64().filter(|i| *i >= 0),
        _ => None,
    }
}

pub(crate) fn dispatch(a: &AlipaySim, method: &str, biz: &Fields) -> Fields {
    match method {
        "ant.merchant.expand.shop.create" => shop_create(a, biz),
        "ant.merchant.expand.order.query" => order_query(a, biz),
        "ant.merchant.expand.shop.query" => shop_query(a, biz),
        "alipay.open.app.item.create" => item_create(a, biz),
        "alipay.open.app.item.modify" => item_modify(a, biz),
        "alipay.merchant.order.sync" => order_sync(a, biz),
        "alipay.marketing.activity.ordervoucher.use" => voucher_use(a, biz),
        "alipay.marketing.activity.ordervoucher.refund" => voucher_refund(a, biz),
        "alipay.marketing.activity.ordervoucher.query" => voucher_query(a, biz),
        _ => fail(INVALID, json!({})),
    }
}

// ---- shops ----

fn shop_fields_ok(biz: &Fields) -> bool {
    let strings_ok = ["shop_name", "shop_category"].iter().all(|k| req_str(biz, k).is_ok());
    let type_ok = matches!(req_str(biz, "shop_type"), Ok("01" | "02"));
    let address_ok = match biz.get("business_address") {
        Some(Value::Object(m)) => ["province_code", "city_code", "district_code", "address"].iter().all(|k| req_str(m, k).is_ok()),
        _ => false,
    };
    let contact_ok = req_str(biz, "contact_mobile").is_ok()
        || req_str(biz, "contact_phone").is_ok()
        || matches!(biz.get("contact_infos"), Some(Value::Array(v)) if !v.is_empty());
    strings_ok && type_ok && address_ok && contact_ok
}

fn shop_create(a: &AlipaySim, biz: &Fields) -> Fields {
    let store_id = match req_str(biz, "store_id") {
        Ok(s) if code_ok(s, 32) => s.to_string(),
        _ => return fail(INVALID, json!({})),
    };
    if !shop_fields_ok(biz) {
        return fail(INVALID, json!({}));
    }
    let mut g = a.lock();
    let now = g.now();
    let seq = g.next();
    let fresh_order = format!("2021{:016}", 7_000_000 + seq);
    let shops = &mut g.store.shops;
    if let Some(s) = shops.iter_mut().find(|s| s.store_id == store_id) {
        s.creates += 1;
        if s.status != ShopStatus::Rejected {
            let mut m = ok(json!({"order_id": s.order_id}));
            if let Some(id) = &s.shop_id {
                m.insert("exist_shop_id".into(), json!(id));
            }
            return m;
        }
        // A rejected application: this create is a new one.
        s.order_id = fresh_order.clone();
        s.status = ShopStatus::Reviewing;
        s.fields = biz.clone();
        s.created = now;
        s.reason.clear();
    } else {
        shops.push(Shop {
            store_id: store_id.clone(),
            order_id: fresh_order.clone(),
            status: ShopStatus::Reviewing,
            shop_id: None,
            fields: biz.clone(),
            created: now,
            reason: String::new(),
            creates: 1,
        });
    }
    drop(g);
    a.schedule_approval(&store_id);
    ok(json!({"order_id": fresh_order}))
}

fn order_query(a: &AlipaySim, biz: &Fields) -> Fields {
    let Ok(order_id) = req_str(biz, "order_id") else { return fail(INVALID, json!({})) };
    let g = a.lock();
    let Some(s) = g.store.shops.iter().find(|s| s.order_id == order_id) else {
        return fail("ORDER_NOT_EXIST", json!({}));
    };
    let mut m = ok(json!({
        "order_id": s.order_id,
        "status": s.status.code(),
        "apply_time": bj_text(s.created),
        "merchant_name": opt_str(&s.fields, "shop_name").ok().flatten().unwrap_or(""),
    }));
    match s.status {
        ShopStatus::Approved => {
            m.insert("ext_info".into(), json!(json!({"shop_id": s.shop_id}).to_string()));
        }
        ShopStatus::Rejected => {
            m.insert("ext_info".into(), json!(json!({"fail_reason": s.reason}).to_string()));
        }
        ShopStatus::Reviewing => {}
    }
    m
}

fn shop_query(a: &AlipaySim, biz: &Fields) -> Fields {
    let (Ok(store), Ok(shop)) = (opt_str(biz, "store_id"), opt_str(biz, "shop_id")) else {
        return fail(INVALID, json!({}));
    };
    if store.is_none() && shop.is_none() {
        return fail(INVALID, json!({}));
    }
    let g = a.lock();
    let found = g.store.shops.iter().find(|s| {
        s.status == ShopStatus::Approved
            && shop.is_none_or(|id| s.shop_id.as_deref() == Some(id))
            && store.is_none_or(|id| s.store_id == id)
    });
    let Some(s) = found else { return fail("SHOP_NOT_EXIST", json!({})) };
    let mut m = ok(json!({}));
    m.extend(s.fields.clone());
    m.insert("shop_id".into(), json!(s.shop_id));
    m.insert("store_id".into(), json!(s.store_id));
    m.insert("shop_status".into(), json!("OPEN"));
    m
}

// ---- items ----

/// Checks the item fields present (all of title, category_id, skus when `full`). Ok = the sku
/// ids in order.
fn check_item(biz: &Fields, full: bool) -> Result<Vec<String>, ()> {
    let present = |k: &str| !matches!(biz.get(k), None | Some(Value::Null));
    if full || present("title") {
        let t = req_str(biz, "title")?;
        if !(3..=60).contains(&t.chars().count()) {
            return Err(());
        }
    }
    if full || present("category_id") {
        req_str(biz, "category_id")?;
    }
    let mut ids = Vec::new();
    if full || present("skus") {
        let Some(Value::Array(skus)) = biz.get("skus") else { return Err(()) };
        if skus.is_empty() || skus.len() > MAX_SKUS {
            return Err(());
        }
        for sku in skus {
            let Value::Object(s) = sku else { return Err(()) };
            let id = req_str(s, "out_sku_id")?;
            if ids.iter().any(|i| i == id) {
                return Err(());
            }
            integer(s.get("sale_price")).ok_or(())?;
            if s.get("stock_num").is_some() {
                integer(s.get("stock_num")).ok_or(())?;
            }
            if !matches!(req_str(s, "sale_status")?, "AVAILABLE" | "DELISTING") {
                return Err(());
            }
            ids.push(id.to_string());
        }
    }
    Ok(ids)
}

fn item_answer(it: &Item) -> Fields {
    let skus: Vec<Value> = it.sku_ids.iter().map(|(out, id)| json!({"out_sku_id": out, "sku_id": id})).collect();
    ok(json!({"item_id": it.item_id, "out_item_id": it.out_item_id, "skus": skus}))
}

fn assign_skus(it: &mut Item, ids: Vec<String>, seq: &mut i64) {
    let old = std::mem::take(&mut it.sku_ids);
    for out in ids {
        let id = old.iter().find(|(o, _)| *o == out).map(|(_, id)| id.clone()).unwrap_or_else(|| {
            *seq += 1;
            format!("{:016}", 5_000_000_000i64 + *seq)
        });
        it.sku_ids.push((out, id));
    }
}

fn item_create(a: &AlipaySim, biz: &Fields) -> Fields {
    let mut g = a.lock();
    let out = opt_str(biz, "out_item_id").ok().flatten().unwrap_or("").to_string();
    let known = g.store.items.iter().position(|i| i.out_item_id == out && !out.is_empty());
    match known {
        Some(i) => g.store.items[i].creates += 1,
        None => g.store.stray_calls.0 += 1,
    }
    if !code_ok(&out, 64) {
        return fail(INVALID, json!({}));
    }
    let Ok(ids) = check_item(biz, true) else { return fail(INVALID, json!({})) };
    if let Some(i) = known {
        return fail("OUT_ITEM_ID_EXIST", json!({"item_id": g.store.items[i].item_id, "out_item_id": out}));
    }
    g.store.stray_calls.0 -= 1;
    let mut seq = g.next();
    let mut it = Item {
        item_id: format!("2021{:016}", 9_000_000 + seq),
        out_item_id: out,
        fields: biz.clone(),
        sku_ids: Vec::new(),
        creates: 1,
        modifies: 0,
    };
    assign_skus(&mut it, ids, &mut seq);
    g.seq = seq;
    let answer = item_answer(&it);
    g.store.items.push(it);
    answer
}

fn item_modify(a: &AlipaySim, biz: &Fields) -> Fields {
    let mut g = a.lock();
    let (Ok(out), Ok(id)) = (opt_str(biz, "out_item_id"), opt_str(biz, "item_id")) else {
        g.store.stray_calls.1 += 1;
        return fail(INVALID, json!({}));
    };
    let found = g
        .store
        .items
        .iter()
        .position(|i| (out.is_some() || id.is_some()) && out.is_none_or(|o| i.out_item_id == o) && id.is_none_or(|d| i.item_id == d));
    let Some(i) = found else {
        g.store.stray_calls.1 += 1;
        return fail(if out.is_none() && id.is_none() { INVALID } else { "ITEM_NOT_EXIST" }, json!({}));
    };
    g.store.items[i].modifies += 1;
    let Ok(ids) = check_item(biz, false) else { return fail(INVALID, json!({})) };
    let mut seq = g.seq;
    let it = &mut g.store.items[i];
    for (k, v) in biz {
        if k != "item_id" {
            it.fields.insert(k.clone(), v.clone());
        }
    }
    if biz.contains_key("skus") {
        assign_skus(it, ids, &mut seq);
    }
    let answer = item_answer(it);
    g.seq = seq;
    answer
}

// ---- order sync ----

fn order_sync(a: &AlipaySim, biz: &Fields) -> Fields {
    let out = match req_str(biz, "out_biz_no") {
        Ok(s) if code_ok(s, 64) => s.to_string(),
        _ => return fail(INVALID, json!({})),
    };
    let Ok(_amount) = yuan_fen(biz.get("amount")) else { return fail(INVALID, json!({})) };
    if biz.get("pay_amount").is_some() && yuan_fen(biz.get("pay_amount")).is_err() {
        return fail(INVALID, json!({}));
    }
    for k in ["trade_no", "buyer_id", "order_type", "order_status"] {
        if opt_str(biz, k).is_err() {
            return fail(INVALID, json!({}));
        }
    }
    if !matches!(biz.get("shop_info"), None | Some(Value::Object(_))) {
        return fail(INVALID, json!({}));
    }
    match biz.get("item_order_list") {
        None => {}
        Some(Value::Array(items)) => {
            for it in items {
                let Value::Object(m) = it else { return fail(INVALID, json!({})) };
                let price_ok = m.get("unit_price").is_none() || yuan_fen(m.get("unit_price")).is_ok();
                let qty_ok = m.get("quantity").is_none() || integer(m.get("quantity")).is_some_and(|q| q > 0);
                if !price_ok || !qty_ok || opt_str(m, "item_name").is_err() {
                    return fail(INVALID, json!({}));
                }
            }
        }
        Some(_) => return fail(INVALID, json!({})),
    }
    let mut g = a.lock();
    let seq = g.next();
    let record_id = format!("2021{:016}", 8_000_000 + seq);
    let status = opt_str(biz, "order_status").ok().flatten().unwrap_or("").to_string();
    let order_id = match g.store.orders.iter_mut().find(|o| o.out_biz_no == out) {
        Some(o) => {
            o.body = biz.clone();
            o.syncs += 1;
            o.order_id.clone()
        }
        None => {
            let order_id = format!("2021{:016}", 6_000_000 + seq);
            g.store.orders.push(Synced { out_biz_no: out, order_id: order_id.clone(), body: biz.clone(), syncs: 1 });
            order_id
        }
    };
    let mut m = ok(json!({"order_id": order_id, "record_id": record_id}));
    if !status.is_empty() {
        m.insert("order_status".into(), json!(status));
    }
    m
}

// ---- coupons ----

fn voucher_query(a: &AlipaySim, biz: &Fields) -> Fields {
    let Ok(code) = req_str(biz, "voucher_code") else { return fail(INVALID, json!({})) };
    let g = a.lock();
    let Some(c) = g.store.coupons.iter().find(|c| c.voucher_code == code) else {
        return fail("VOUCHER_NOT_EXIST", json!({}));
    };
    ok(json!({
        "voucher_code": c.voucher_code,
        "activity_id": c.activity_id,
        "status": c.status.as_str(),
        "amount": yuan_text(c.amount_fen),
        "floor_amount": yuan_text(c.floor_amount_fen),
        "name": c.name,
    }))
}

/// The use/refund request's fields, biz_dt aside; Err on a bad field.
fn voucher_key(biz: &Fields, required: &[&str], optional: &[&str]) -> Result<Fields, ()> {
    let mut key = Fields::new();
    for k in required {
        key.insert(k.to_string(), json!(req_str(biz, k)?));
    }
    for k in optional {
        if let Some(v) = opt_str(biz, k)? {
            key.insert(k.to_string(), json!(v));
        }
    }
    if let Some(dt) = opt_str(biz, "biz_dt")? {
        if chrono::NaiveDateTime::parse_from_str(dt, "%Y-%m-%d %H:%M:%S").is_err() || dt.len() != 19 {
            return Err(());
        }
    }
    Ok(key)
}

fn voucher_use(a: &AlipaySim, biz: &Fields) -> Fields {
    let Ok(key) = voucher_key(biz, &["activity_id", "voucher_code", "out_biz_no", "store_id"], &["trade_no"]) else {
        return fail(INVALID, json!({}));
    };
    let s = |k: &str| key.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let (out, code, store) = (s("out_biz_no"), s("voucher_code"), s("store_id"));
    let mut g = a.lock();
    if let Some(u) = g.store.uses.get(&out) {
        return if u.key == key { u.answer.clone() } else { fail("DISCORDANT_REPEAT_REQUEST", json!({})) };
    }
    if !g.store.shops.iter().any(|sh| sh.status == ShopStatus::Approved && sh.shop_id.as_deref() == Some(store.as_str())) {
        return fail("SHOP_NOT_EXIST", json!({}));
    }
    let Some(c) = g.store.coupons.iter_mut().find(|c| c.voucher_code == code && c.activity_id == s("activity_id")) else {
        return fail("VOUCHER_NOT_EXIST", json!({}));
    };
    match c.status {
        CouponStatus::Expired => return fail("VOUCHER_EXPIRED", json!({})),
        CouponStatus::Used => return fail("VOUCHER_ALREADY_USED", json!({})),
        CouponStatus::Unused => c.status = CouponStatus::Used,
    }
    let answer = ok(json!({
        "activity_id": c.activity_id,
        "voucher_use_detail_result_info": {
            "voucher_code": c.voucher_code,
            "out_biz_no": out,
            "status": CouponStatus::Used.as_str(),
            "amount": yuan_text(c.amount_fen),
        },
    }));
    g.store.uses.insert(out.clone(), Use { key, answer: answer.clone(), voucher_code: code, refunded: false, refund: None });
    g.store.use_order.push(out);
    answer
}

fn voucher_refund(a: &AlipaySim, biz: &Fields) -> Fields {
    let Ok(key) = voucher_key(biz, &["activity_id", "voucher_code", "out_biz_no"], &["store_id", "trade_no"]) else {
        return fail(INVALID, json!({}));
    };
    let s = |k: &str| key.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let out = s("out_biz_no");
    let mut g = a.lock();
    let st = &mut g.store;
    let Some(u) = st.uses.get_mut(&out) else { return fail("USE_RECORD_NOT_EXIST", json!({})) };
    if let Some((k, answer)) = &u.refund {
        return if *k == key { answer.clone() } else { fail("DISCORDANT_REPEAT_REQUEST", json!({})) };
    }
    if u.voucher_code != s("voucher_code") || u.key.get("activity_id") != key.get("activity_id") {
        return fail("DISCORDANT_REPEAT_REQUEST", json!({}));
    }
    let answer = ok(json!({
        "activity_id": s("activity_id"),
        "voucher_use_detail_result_info": {
            "voucher_code": u.voucher_code,
            "out_biz_no": out,
            "status": CouponStatus::Unused.as_str(),
        },
    }));
    u.refunded = true;
    u.refund = Some((key, answer.clone()));
    let code = u.voucher_code.clone();
    if let Some(c) = st.coupons.iter_mut().find(|c| c.voucher_code == code) {
        if c.status == CouponStatus::Used {
            c.status = CouponStatus::Unused;
        }
    }
    answer
}

// ---- controls and inspection ----

impl AlipaySim {
    /// Approves a shop under review now (it gets its shop_id). False if not under review.
    pub fn approve_shop(&self, store_id: &str) -> bool {
        let mut g = self.lock();
        let seq = g.next();
        match g.store.shops.iter_mut().find(|s| s.store_id == store_id) {
            Some(s) if s.status == ShopStatus::Reviewing => {
                s.status = ShopStatus::Approved;
                s.shop_id = Some(format!("2021{:012}", 400_000_000 + seq));
                true
            }
            _ => false,
        }
    }

    /// Rejects a shop under review (status `-1`; a new create re-applies).
    pub fn reject_shop(&self, store_id: &str, reason: &str) -> bool {
        let mut g = self.lock();
        match g.store.shops.iter_mut().find(|s| s.store_id == store_id) {
            Some(s) if s.status == ShopStatus::Reviewing => {
                s.status = ShopStatus::Rejected;
                s.reason = reason.to_string();
                true
            }
            _ => false,
        }
    }

    pub fn shop(&self, store_id: &str) -> Option<AlipayShop> {
        self.shops().into_iter().find(|s| s.store_id == store_id)
    }

    pub fn shops(&self) -> Vec<AlipayShop> {
        self.lock()
            .store
            .shops
            .iter()
            .map(|s| AlipayShop {
                store_id: s.store_id.clone(),
                order_id: s.order_id.clone(),
                status: s.status,
                shop_id: s.shop_id.clone(),
                shop_name: opt_str(&s.fields, "shop_name").ok().flatten().unwrap_or("").to_string(),
                creates: s.creates,
            })
            .collect()
    }

    pub fn items(&self) -> Vec<AlipayItem> {
        self.lock()
            .store
            .items
            .iter()
            .map(|i| AlipayItem {
                item_id: i.item_id.clone(),
                out_item_id: i.out_item_id.clone(),
                title: opt_str(&i.fields, "title").ok().flatten().unwrap_or("").to_string(),
                category_id: opt_str(&i.fields, "category_id").ok().flatten().unwrap_or("").to_string(),
                skus: i.fields.get("skus").cloned().unwrap_or(Value::Null),
                fields: Value::Object(i.fields.clone()),
                creates: i.creates,
                modifies: i.modifies,
            })
            .collect()
    }

    pub fn item(&self, out_item_id: &str) -> Option<AlipayItem> {
        self.items().into_iter().find(|i| i.out_item_id == out_item_id)
    }

    /// (item.create calls, item.modify calls) in all, refused ones included.
    pub fn item_calls(&self) -> (u32, u32) {
        let g = self.lock();
        let (c, m) = g.store.items.iter().fold(g.store.stray_calls, |(c, m), i| (c + i.creates, m + i.modifies));
        (c, m)
    }

    pub fn synced_orders(&self) -> Vec<AlipaySyncedOrder> {
        self.lock()
            .store
            .orders
            .iter()
            .map(|o| AlipaySyncedOrder {
                out_biz_no: o.out_biz_no.clone(),
                order_id: o.order_id.clone(),
                amount_fen: yuan_fen(o.body.get("amount")).unwrap_or(0),
                pay_amount_fen: yuan_fen(o.body.get("pay_amount")).ok(),
                syncs: o.syncs,
                body: Value::Object(o.body.clone()),
            })
            .collect()
    }

    pub fn synced_order(&self, out_biz_no: &str) -> Option<AlipaySyncedOrder> {
        self.synced_orders().into_iter().find(|o| o.out_biz_no == out_biz_no)
    }

    pub fn coupons(&self) -> Vec<AlipayCoupon> {
        self.lock().store.coupons.clone()
    }

    pub fn coupon(&self, voucher_code: &str) -> Option<AlipayCoupon> {
        self.coupons().into_iter().find(|c| c.voucher_code == voucher_code)
    }

    /// Adds a coupon; false if its code exists (or its amount is not > 0).
    pub fn add_coupon(&self, coupon: AlipayCoupon) -> bool {
        let mut g = self.lock();
        if coupon.amount_fen <= 0 || coupon.voucher_code.is_empty() || g.store.coupons.iter().any(|c| c.voucher_code == coupon.voucher_code)
        {
            return false;
        }
        g.store.coupons.push(coupon);
        true
    }

    /// Every coupon use, in order (refunded ones too).
    pub fn coupon_uses(&self) -> Vec<AlipayCouponUse> {
        let g = self.lock();
        g.store
            .use_order
            .iter()
            .filter_map(|out| {
                let u = g.store.uses.get(out)?;
                let s = |k: &str| u.key.get(k).and_then(Value::as_str).map(str::to_string);
                Some(AlipayCouponUse {
                    out_biz_no: out.clone(),
                    voucher_code: u.voucher_code.clone(),
                    store_id: s("store_id").unwrap_or_default(),
                    trade_no: s("trade_no"),
                    refunded: u.refunded,
                })
            })
            .collect()
    }
}
