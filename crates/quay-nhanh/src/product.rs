//! Products and categories from Nhanh → Quay's menu, as a pure decision.
//!
//! Readings where the contract is silent (see also the crate's doc):
//! - **Stock-keeping types**: 1 product, 3 weighed, 5 package, 10 multi-unit and any type
//!   Quay does not know keep stock; 6 service and 9 combo do not (a combo's stock is its
//!   parts', which Nhanh checks when the order arrives), so their availability follows
//!   their status only. Voucher (2) is never on the menu.
//! - **Variants**: `parentId` −2 marks a parent that has variants (Nhanh's docs: −1 =
//!   independent product, −2 = parent product); a row whose id is another row's
//!   `parentId` is a parent too. Parents are skipped; each variant is an item of its own.
//! - **Same id twice** in one import (a page boundary moving while paging): the last row
//!   wins. **Same barcode twice**: the first item keeps it, the later product is skipped
//!   (a menu with two items on one barcode would be refused whole).
//! - **VAT**: the rate is `vat`, else `prices.retailVat`; absent, null, −1, −2 or −100 give
//!   rate 0 and add nothing; another negative rate, or more than two decimals, or above
//!   100 % skips the product.
//! - **Weighed (type 3)**: the counter sells whole units, so a weighed product is on the
//!   menu only while all its stock quantities are whole (it is then sold per unit of its
//!   price); any fractional quantity skips it.
//! - **Categories**: only categories holding at least one item are on the menu (Nhanh's
//!   tree is flattened; order by `order`, then id); a category's status is not used —
//!   products carry their own. A category with an empty name is named by its code, else
//!   its id. `nh-c0` sorts last.
//! - **Stock without a depot**: when the caller names no depot, availability follows
//!   status alone (stock is judged per depot, the counter's own).

use std::collections::{HashMap, HashSet};

use quay_core::error::{Arg, Localized};
use quay_core::menu::{Category, Item};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::money::{self, AmountError};
use crate::wire::{as_i64, opt_i64, opt_text, req_i64};

/// Status 1 New, 2 Active, 3 Inactive, 4 OutOfStock (v3 ints; v2 strings mapped).
pub const STATUS_NEW: i64 = 1;
pub const STATUS_ACTIVE: i64 = 2;
pub const STATUS_INACTIVE: i64 = 3;
pub const STATUS_OUT_OF_STOCK: i64 = 4;

pub const TYPE_PRODUCT: i64 = 1;
pub const TYPE_VOUCHER: i64 = 2;
pub const TYPE_WEIGHED: i64 = 3;
pub const TYPE_PACKAGE: i64 = 5;
pub const TYPE_SERVICE: i64 = 6;
pub const TYPE_COMBO: i64 = 9;
pub const TYPE_MULTI_UNIT: i64 = 10;

/// `parentId` of a product that has variants.
pub const PARENT_OF_VARIANTS: i64 = -2;

/// The name of category `nh-c0` (products without a category) unless the caller gives one.
pub const OTHER_CATEGORY_NAME: &str = "Khác";

/// Whether a product type keeps stock (see the module doc).
pub fn keeps_stock(kind: i64) -> bool {
    !matches!(kind, TYPE_SERVICE | TYPE_COMBO | TYPE_VOUCHER)
}

/// A product row of `product/list`, `product/detail` or a product webhook. Money and
/// quantities stay JSON values until `money` reads them; unknown fields are ignored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Product {
    #[serde(deserialize_with = "req_i64")]
    pub id: i64,
    #[serde(default, deserialize_with = "opt_i64")]
    pub parent_id: Option<i64>,
    #[serde(default, deserialize_with = "opt_text")]
    pub code: Option<String>,
    #[serde(default, deserialize_with = "opt_text")]
    pub barcode: Option<String>,
    #[serde(default, deserialize_with = "opt_text")]
    pub name: Option<String>,
    /// v3: 1–4; v2: "New", "Active", "Inactive", "OutOfStock". See `status_code`.
    #[serde(default)]
    pub status: Option<Value>,
    #[serde(default, rename = "type", deserialize_with = "opt_i64")]
    pub kind: Option<i64>,
    #[serde(default, deserialize_with = "opt_i64")]
    pub category_id: Option<i64>,
    /// 1 = prices include VAT, 2 (default) = they exclude it.
    #[serde(default, deserialize_with = "opt_i64")]
    pub price_vat_mode: Option<i64>,
    #[serde(default)]
    pub vat: Option<Value>,
    #[serde(default)]
    pub prices: Option<Prices>,
    /// v2's flat retail price (used when `prices.retail` is absent).
    #[serde(default)]
    pub price: Option<Value>,
    #[serde(default)]
    pub inventory: Option<Inventory>,
    #[serde(default, deserialize_with = "opt_i64")]
    pub updated_at: Option<i64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Prices {
    #[serde(default)]
    pub retail: Option<Value>,
    /// The VAT rate of the retail price (when `vat` is absent).
    #[serde(default)]
    pub retail_vat: Option<Value>,
}

/// Stock: totals and one row per depot (`available = remain − holding`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Inventory {
    #[serde(default)]
    pub remain: Option<Value>,
    #[serde(default)]
    pub holding: Option<Value>,
    #[serde(default)]
    pub available: Option<Value>,
    #[serde(default, deserialize_with = "depot_rows")]
    pub depots: Vec<DepotStock>,
}

/// One depot's stock. The depot id is read from `id` or `depotId` (or the key, when
/// `depots` is an object keyed by depot id).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DepotStock {
    pub id: i64,
    #[serde(default)]
    pub remain: Option<Value>,
    #[serde(default)]
    pub holding: Option<Value>,
    #[serde(default)]
    pub available: Option<Value>,
}

impl DepotStock {
    /// Something to sell: `available > 0`, or `remain − holding > 0` when `available` is
    /// absent. `None` when neither can be read.
    pub fn has_stock(&self) -> Option<bool> {
        if let Some(a) = self.available.as_ref().filter(|v| !v.is_null()) {
            return money::stock_positive(a);
        }
        let remain = self.remain.as_ref().filter(|v| !v.is_null())?;
        let zero = Value::from(0);
        money::difference_positive(remain, self.holding.as_ref().filter(|v| !v.is_null()).unwrap_or(&zero))
    }

    fn quantities(&self) -> impl Iterator<Item = &Value> {
        [&self.remain, &self.holding, &self.available].into_iter().flatten().filter(|v| !v.is_null())
    }
}

fn depot_rows<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<DepotStock>, D::Error> {
    Ok(depots_from(&Option::<Value>::deserialize(d)?.unwrap_or(Value::Null)))
}

/// Reads depot rows from an array or an object keyed by depot id; rows without an id
/// are dropped.
pub fn depots_from(v: &Value) -> Vec<DepotStock> {
    let one = |key: Option<&str>, row: &Value| -> Option<DepotStock> {
        let id =
            row.get("depotId").and_then(as_i64).or_else(|| row.get("id").and_then(as_i64)).or_else(|| key.and_then(|k| k.parse().ok()))?;
        let get = |k: &str| row.get(k).cloned().filter(|v| !v.is_null());
        Some(DepotStock { id, remain: get("remain"), holding: get("holding"), available: get("available") })
    };
    match v {
        Value::Array(a) => a.iter().filter_map(|r| one(None, r)).collect(),
        Value::Object(m) => m.iter().filter_map(|(k, r)| one(Some(k), r)).collect(),
        _ => vec![],
    }
}

impl Product {
    /// The status as a v3 code (v2 strings mapped); `None` if absent or unknown.
    pub fn status_code(&self) -> Option<i64> {
        match self.status.as_ref()? {
            Value::String(s) => match s.trim() {
                "New" => Some(STATUS_NEW),
                "Active" => Some(STATUS_ACTIVE),
                "Inactive" => Some(STATUS_INACTIVE),
                "OutOfStock" => Some(STATUS_OUT_OF_STOCK),
                other => other.parse().ok(),
            },
            v => as_i64(v),
        }
    }

    /// The type, 1 (product) when absent.
    pub fn kind(&self) -> i64 {
        self.kind.unwrap_or(TYPE_PRODUCT)
    }

    /// The retail price as sent (`prices.retail`, else v2's `price`).
    pub fn retail(&self) -> Option<&Value> {
        self.prices.as_ref().and_then(|p| p.retail.as_ref()).filter(|v| !v.is_null()).or(self.price.as_ref().filter(|v| !v.is_null()))
    }

    /// The VAT rate as sent (`vat`, else `prices.retailVat`).
    pub fn vat_rate(&self) -> Option<&Value> {
        self.vat.as_ref().filter(|v| !v.is_null()).or(self.prices.as_ref().and_then(|p| p.retail_vat.as_ref()).filter(|v| !v.is_null()))
    }

    fn all_quantities(&self) -> Vec<&Value> {
        let mut q = Vec::new();
        if let Some(inv) = &self.inventory {
            q.extend([&inv.remain, &inv.holding, &inv.available].into_iter().flatten().filter(|v| !v.is_null()));
            for d in &inv.depots {
                q.extend(d.quantities());
            }
        }
        q
    }

    /// The stock row of `depot`, if any.
    pub fn depot_stock(&self, depot: i64) -> Option<&DepotStock> {
        self.inventory.as_ref()?.depots.iter().find(|d| d.id == depot)
    }
}

/// A category row of `product/category` (children, if nested, are flattened by the client).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NhanhCategory {
    #[serde(deserialize_with = "req_i64")]
    pub id: i64,
    #[serde(default, deserialize_with = "opt_i64")]
    pub parent_id: Option<i64>,
    #[serde(default, deserialize_with = "opt_text")]
    pub code: Option<String>,
    #[serde(default, deserialize_with = "opt_text")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "opt_i64")]
    pub order: Option<i64>,
    #[serde(default, deserialize_with = "opt_i64")]
    pub status: Option<i64>,
}

/// Reads a category answer: an array (or id-keyed object) of rows, each possibly with
/// `children` (nested the same way), flattened parents first.
pub fn categories_from(data: &Value) -> Result<Vec<NhanhCategory>, serde_json::Error> {
    let mut out = Vec::new();
    fn walk(v: &Value, out: &mut Vec<NhanhCategory>) -> Result<(), serde_json::Error> {
        for row in crate::wire::rows(v) {
            out.push(serde_json::from_value(row.clone())?);
            if let Some(children) = row.get("children").or_else(|| row.get("childs")) {
                walk(children, out)?;
            }
        }
        Ok(())
    }
    walk(data, &mut out)?;
    Ok(out)
}

/// Item id of a Nhanh product: `nh-<productId>`.
pub fn item_id(product_id: i64) -> String {
    format!("nh-{product_id}")
}

/// The Nhanh product id of an item id made by `item_id`.
pub fn product_id(item_id: &str) -> Option<i64> {
    let rest = item_id.strip_prefix("nh-")?;
    if rest.is_empty() || !rest.bytes().all(|b| b.is_ascii_digit()) || (rest.len() > 1 && rest.starts_with('0')) {
        return None;
    }
    rest.parse().ok()
}

/// Category id of a Nhanh category: `nh-c<categoryId>`; `nh-c0` holds products without one.
pub fn category_id(category: i64) -> String {
    format!("nh-c{category}")
}

/// Why a product is not on the menu.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    EmptyName,
    Voucher,
    VariantParent,
    UnknownCategory { category_id: i64 },
    NoPrice,
    NegativePrice { text: String },
    FractionalPrice { text: String },
    BadPrice { text: String },
    BadVat { text: String },
    WeighedFractional { text: String },
    DuplicateBarcode { barcode: String, item: String },
}

impl Localized for SkipReason {
    fn code(&self) -> &'static str {
        match self {
            SkipReason::EmptyName => "nhanh-skip-empty-name",
            SkipReason::Voucher => "nhanh-skip-voucher",
            SkipReason::VariantParent => "nhanh-skip-variant-parent",
            SkipReason::UnknownCategory { .. } => "nhanh-skip-unknown-category",
            SkipReason::NoPrice => "nhanh-skip-no-price",
            SkipReason::NegativePrice { .. } => "nhanh-skip-negative-price",
            SkipReason::FractionalPrice { .. } => "nhanh-skip-fractional-price",
            SkipReason::BadPrice { .. } => "nhanh-skip-bad-price",
            SkipReason::BadVat { .. } => "nhanh-skip-bad-vat",
            SkipReason::WeighedFractional { .. } => "nhanh-skip-weighed-fractional",
            SkipReason::DuplicateBarcode { .. } => "nhanh-skip-duplicate-barcode",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self.clone() {
            SkipReason::EmptyName | SkipReason::Voucher | SkipReason::VariantParent | SkipReason::NoPrice => vec![],
            SkipReason::UnknownCategory { category_id } => vec![("category", Arg::Text(category_id.to_string()))],
            SkipReason::NegativePrice { text } | SkipReason::FractionalPrice { text } | SkipReason::BadPrice { text } => {
                vec![("price", Arg::Text(text))]
            }
            SkipReason::BadVat { text } => vec![("vat", Arg::Text(text))],
            SkipReason::WeighedFractional { text } => vec![("quantity", Arg::Text(text))],
            SkipReason::DuplicateBarcode { barcode, item } => vec![("barcode", Arg::Text(barcode)), ("item", Arg::Text(item))],
        }
    }
}

/// A product left out of the menu, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub product_id: i64,
    pub name: String,
    pub reason: SkipReason,
}

/// What an import gives: the categories and items for the menu, the products left out
/// with their reason, and how many inactive products were hidden.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MenuImport {
    pub categories: Vec<Category>,
    pub items: Vec<Item>,
    pub skipped: Vec<Skipped>,
    pub hidden: usize,
}

/// The import's settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// The counter's depot: stock is judged there.
    pub depot: Option<i64>,
    /// The name of `nh-c0`; `OTHER_CATEGORY_NAME` when `None`.
    pub other_category_name: Option<String>,
}

/// The menu from Nhanh's products and categories, judging stock in `depot` (if any).
pub fn to_menu(products: &[Product], categories: &[NhanhCategory], depot: Option<i64>) -> MenuImport {
    to_menu_with(products, categories, &ImportOptions { depot, other_category_name: None })
}

/// `to_menu` with the name of the "other" category given.
pub fn to_menu_with(products: &[Product], categories: &[NhanhCategory], options: &ImportOptions) -> MenuImport {
    let mut out = MenuImport::default();
    let cats: HashMap<i64, &NhanhCategory> = categories.iter().map(|c| (c.id, c)).collect();
    let parents: HashSet<i64> = products.iter().filter_map(|p| p.parent_id).filter(|id| *id > 0).collect();
    // The last row of an id wins.
    let last: HashMap<i64, usize> = products.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    let mut used_cats: Vec<i64> = Vec::new();
    let mut barcodes: HashMap<String, String> = HashMap::new();

    for (i, p) in products.iter().enumerate() {
        if last.get(&p.id) != Some(&i) {
            continue;
        }
        let name = p.name.as_deref().map(str::trim).unwrap_or("").to_string();
        let skip = |reason| Skipped { product_id: p.id, name: name.clone(), reason };
        if p.status_code() == Some(STATUS_INACTIVE) {
            out.hidden += 1;
            continue;
        }
        match decide(p, &name, &cats, &parents, options.depot) {
            Err(reason) => out.skipped.push(skip(reason)),
            Ok(mut item) => {
                if let Some(code) = item.barcode.clone() {
                    if let Some(holder) = barcodes.get(&code) {
                        out.skipped.push(skip(SkipReason::DuplicateBarcode { barcode: code, item: holder.clone() }));
                        continue;
                    }
                    barcodes.insert(code, item.id.clone());
                }
                let cat = p.category_id.filter(|c| *c != 0).unwrap_or(0);
                if !used_cats.contains(&cat) {
                    used_cats.push(cat);
                }
                item.sort = out.items.len() as i64;
                out.items.push(item);
            }
        }
    }

    let mut menu_cats: Vec<(i64, i64, Category)> = Vec::new();
    let max_order = categories.iter().filter_map(|c| c.order).max().unwrap_or(0);
    for id in used_cats {
        let (order, name) = if id == 0 {
            let name =
                options.other_category_name.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| OTHER_CATEGORY_NAME.to_string());
            (max_order.saturating_add(1), name)
        } else {
            let c = cats[&id];
            let name = [c.name.as_deref(), c.code.as_deref()]
                .into_iter()
                .flatten()
                .map(str::trim)
                .find(|n| !n.is_empty())
                .map(str::to_string)
                .unwrap_or_else(|| format!("#{id}"));
            (c.order.unwrap_or(0), name)
        };
        let sort_key_id = if id == 0 { i64::MAX } else { id };
        menu_cats.push((order, sort_key_id, Category { id: category_id(id), name, names: Default::default(), sort: order }));
    }
    menu_cats.sort_by_key(|(order, id, _)| (*order, *id));
    out.categories = menu_cats.into_iter().map(|(_, _, c)| c).collect();
    out
}

fn decide(
    p: &Product,
    name: &str,
    cats: &HashMap<i64, &NhanhCategory>,
    parents: &HashSet<i64>,
    depot: Option<i64>,
) -> Result<Item, SkipReason> {
    if p.parent_id == Some(PARENT_OF_VARIANTS) || parents.contains(&p.id) {
        return Err(SkipReason::VariantParent);
    }
    if name.is_empty() {
        return Err(SkipReason::EmptyName);
    }
    let kind = p.kind();
    if kind == TYPE_VOUCHER {
        return Err(SkipReason::Voucher);
    }
    let cat = p.category_id.filter(|c| *c != 0).unwrap_or(0);
    if cat != 0 && !cats.contains_key(&cat) {
        return Err(SkipReason::UnknownCategory { category_id: cat });
    }
    let retail = p.retail().ok_or(SkipReason::NoPrice)?;
    let retail = money::vnd(retail).map_err(|e| match e {
        AmountError::Negative { text } => SkipReason::NegativePrice { text },
        AmountError::Fractional { text } => SkipReason::FractionalPrice { text },
        AmountError::NotANumber { text } | AmountError::TooLarge { text } => SkipReason::BadPrice { text },
    })?;
    let bp = match p.vat_rate() {
        None => 0,
        Some(v) if matches!(as_i64(v), Some(-1 | -2 | -100)) => 0,
        Some(v) => money::rate_bp(v).ok_or_else(|| SkipReason::BadVat { text: text_of(v) })?,
    };
    let price = if p.price_vat_mode == Some(1) {
        retail
    } else {
        money::add_vat(retail, bp).ok_or_else(|| SkipReason::BadPrice { text: retail.to_string() })?
    };
    if kind == TYPE_WEIGHED {
        if let Some(q) = p.all_quantities().into_iter().find(|q| money::is_whole(q) != Some(true)) {
            return Err(SkipReason::WeighedFractional { text: text_of(q) });
        }
    }
    let available = match p.status_code() {
        Some(STATUS_OUT_OF_STOCK) => false,
        _ => match depot {
            Some(d) if keeps_stock(kind) => p.depot_stock(d).and_then(DepotStock::has_stock).unwrap_or(false),
            _ => true,
        },
    };
    let nonempty = |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    Ok(Item {
        id: item_id(p.id),
        sku: nonempty(&p.code),
        category_id: category_id(cat),
        name: name.to_string(),
        names: Default::default(),
        price,
        tax_rate_bp: bp,
        available,
        option_group_ids: vec![],
        barcode: nonempty(&p.barcode),
        sort: 0,
    })
}

fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A stock row of an `inventoryChange` webhook (or `product/inventory`): the product id
/// and its depots (at the top level or under `inventory`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InventoryRow {
    pub id: i64,
    pub remain: Option<Value>,
    pub holding: Option<Value>,
    pub available: Option<Value>,
    pub depots: Vec<DepotStock>,
}

impl<'de> Deserialize<'de> for InventoryRow {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<InventoryRow, D::Error> {
        let v = Value::deserialize(d)?;
        InventoryRow::from_value(&v).ok_or_else(|| serde::de::Error::custom("a stock row needs a product id"))
    }
}

impl InventoryRow {
    pub fn from_value(v: &Value) -> Option<InventoryRow> {
        let id = ["id", "productId", "idNhanh"].iter().find_map(|k| v.get(*k).and_then(as_i64))?;
        let inv = v.get("inventory").filter(|i| i.is_object());
        let pick =
            |k: &str| v.get(k).or_else(|| inv.and_then(|i| i.get(k))).cloned().filter(|x| !x.is_null() && !x.is_object() && !x.is_array());
        let depots = v.get("depots").or_else(|| inv.and_then(|i| i.get("depots"))).map(depots_from).unwrap_or_default();
        Some(InventoryRow { id, remain: pick("remain"), holding: pick("holding"), available: pick("available"), depots })
    }
}

/// What a stock row means for the counter: `Some(available)` when it says something
/// about the stock judged (the depot's row; without a depot, the totals), `None` when it
/// does not (another depot changed, or nothing readable). A row only reaches this for
/// products that keep stock.
pub fn stock_change(row: &InventoryRow, depot: Option<i64>) -> Option<bool> {
    match depot {
        Some(d) => row.depots.iter().find(|r| r.id == d).and_then(DepotStock::has_stock),
        None => {
            let total = DepotStock { id: 0, remain: row.remain.clone(), holding: row.holding.clone(), available: row.available.clone() };
            total.has_stock().or_else(|| {
                let any: Vec<bool> = row.depots.iter().filter_map(DepotStock::has_stock).collect();
                (!any.is_empty()).then(|| any.into_iter().any(|b| b))
            })
        }
    }
}

#[cfg(test)]
mod tests;
