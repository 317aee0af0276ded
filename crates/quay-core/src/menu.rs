//! The menu, in the hub's own wire model (hub-api.md, "Menu"), and the one validation
//! every menu passes before a cashier sees it — the demo file, a `menu import` and the
//! hub's snapshot alike. A `Menu` value is valid by construction.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::error::{Arg, Localized};
use crate::money::{Currency, Money};
use crate::search::SearchIndex;

/// Translations by locale tag ("en", "zh-CN"); the primary `name` is the hub's own.
pub type Names = BTreeMap<String, String>;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Category {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub names: Names,
    #[serde(default)]
    pub sort: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OptionChoice {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub names: Names,
    pub price_delta: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OptionGroup {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub names: Names,
    pub min: u32,
    pub max: u32,
    pub options: Vec<OptionChoice>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    #[serde(default)]
    pub sku: Option<String>,
    pub category_id: String,
    pub name: String,
    #[serde(default)]
    pub names: Names,
    pub price: i64,
    pub tax_rate_bp: u32,
    #[serde(default = "yes")]
    pub available: bool,
    #[serde(default)]
    pub option_group_ids: Vec<String>,
    #[serde(default)]
    pub barcode: Option<String>,
    #[serde(default)]
    pub sort: i64,
}

fn yes() -> bool {
    true
}

/// The hub's menu document exactly as it travels (unknown fields are ignored, as the
/// contract asks, so a newer hub does not break an older counter).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MenuSnapshot {
    pub version: u64,
    pub currency: String,
    #[serde(default)]
    pub updated_at: Option<String>,
    pub categories: Vec<Category>,
    pub option_groups: Vec<OptionGroup>,
    pub items: Vec<Item>,
}

/// Why a menu was refused. Each names the first fault found, with the offending id.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum MenuError {
    #[error("the menu is not valid JSON: {detail}")]
    Json { detail: String },
    #[error("the menu is in {found}, the counter works in {expected}")]
    Currency { expected: String, found: String },
    #[error("{kind} id {id:?} appears twice")]
    DuplicateId { kind: &'static str, id: String },
    #[error("item {item:?} names category {category:?}, which does not exist")]
    UnknownCategory { item: String, category: String },
    #[error("item {item:?} names option group {group:?}, which does not exist")]
    UnknownGroup { item: String, group: String },
    #[error("{kind} {id:?} has a negative price")]
    NegativePrice { kind: &'static str, id: String },
    #[error("option group {group:?}: min {min} / max {max} with {count} options")]
    BadMinMax { group: String, min: u32, max: u32, count: u32 },
    #[error("item {item:?}: VAT rate {rate} bp is outside 0..10000")]
    BadTaxRate { item: String, rate: u32 },
    #[error("{kind} {id:?} has an empty id or name")]
    EmptyName { kind: &'static str, id: String },
    #[error("changes {from}→{to} do not apply to menu version {have}")]
    VersionGap { have: u64, from: u64, to: u64 },
    #[error("changes delete {kind} {id:?}, which is not on the menu")]
    UnknownDelete { kind: &'static str, id: String },
}

impl Localized for MenuError {
    fn code(&self) -> &'static str {
        match self {
            MenuError::Json { .. } => "err-menu-json",
            MenuError::Currency { .. } => "err-menu-currency",
            MenuError::DuplicateId { .. } => "err-menu-duplicate-id",
            MenuError::UnknownCategory { .. } => "err-menu-unknown-category",
            MenuError::UnknownGroup { .. } => "err-menu-unknown-group",
            MenuError::NegativePrice { .. } => "err-menu-negative-price",
            MenuError::BadMinMax { .. } => "err-menu-bad-min-max",
            MenuError::BadTaxRate { .. } => "err-menu-bad-tax-rate",
            MenuError::EmptyName { .. } => "err-menu-empty-name",
            MenuError::VersionGap { .. } => "err-menu-version-gap",
            MenuError::UnknownDelete { .. } => "err-menu-unknown-delete",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self.clone() {
            MenuError::Json { detail } => crate::args![("detail", detail)],
            MenuError::Currency { expected, found } => crate::args![("expected", expected), ("found", found)],
            MenuError::DuplicateId { kind, id } => crate::args![("kind", kind), ("id", id)],
            MenuError::UnknownCategory { item, category } => crate::args![("item", item), ("category", category)],
            MenuError::UnknownGroup { item, group } => crate::args![("item", item), ("group", group)],
            MenuError::NegativePrice { kind, id } => crate::args![("kind", kind), ("id", id)],
            MenuError::BadMinMax { group, min, max, count } => {
                crate::args![("group", group), ("min", min), ("max", max), ("count", count)]
            }
            MenuError::BadTaxRate { item, rate } => crate::args![("item", item), ("rate", rate)],
            MenuError::EmptyName { kind, id } => crate::args![("kind", kind), ("id", id)],
            MenuError::VersionGap { have, from, to } => crate::args![("have", have), ("from", from), ("to", to)],
            MenuError::UnknownDelete { kind, id } => crate::args![("kind", kind), ("id", id)],
        }
    }
}

impl MenuSnapshot {
    /// Parses the hub's JSON. A syntax error, a truncated body, a fractional or
    /// out-of-range price all end here with serde's description of where.
    pub fn from_json(bytes: &[u8]) -> Result<MenuSnapshot, MenuError> {
        serde_json::from_slice(bytes).map_err(|e| MenuError::Json { detail: e.to_string() })
    }
}

/// A validated menu with its lookup tables and search index.
#[derive(Debug, Clone)]
pub struct Menu {
    snapshot: MenuSnapshot,
    currency: Currency,
    items: HashMap<String, usize>,
    groups: HashMap<String, usize>,
    /// option id → (group index, option index)
    options: HashMap<String, (usize, usize)>,
    barcodes: HashMap<String, usize>,
    search: SearchIndex,
}

impl Menu {
    /// Validates a snapshot for a counter working in `counter_currency`. Refuses it whole
    /// on the first fault; nothing of an invalid menu is ever half-used.
    pub fn new(snapshot: MenuSnapshot, counter_currency: Currency) -> Result<Menu, MenuError> {
        if snapshot.currency != counter_currency.code() {
            return Err(MenuError::Currency { expected: counter_currency.code().into(), found: snapshot.currency.clone() });
        }
        let mut cats = HashSet::new();
        for c in &snapshot.categories {
            nonempty("category", &c.id, &c.name)?;
            if !cats.insert(c.id.as_str()) {
                return Err(MenuError::DuplicateId { kind: "category", id: c.id.clone() });
            }
        }
        let mut groups = HashMap::new();
        let mut options = HashMap::new();
        for (gi, g) in snapshot.option_groups.iter().enumerate() {
            nonempty("option group", &g.id, &g.name)?;
            if groups.insert(g.id.clone(), gi).is_some() {
                return Err(MenuError::DuplicateId { kind: "option group", id: g.id.clone() });
            }
            let count = g.options.len() as u32;
            if g.min > g.max || g.min > count || g.max == 0 {
                return Err(MenuError::BadMinMax { group: g.id.clone(), min: g.min, max: g.max, count });
            }
            for (oi, o) in g.options.iter().enumerate() {
                nonempty("option", &o.id, &o.name)?;
                if o.price_delta < 0 {
                    return Err(MenuError::NegativePrice { kind: "option", id: o.id.clone() });
                }
                if options.insert(o.id.clone(), (gi, oi)).is_some() {
                    return Err(MenuError::DuplicateId { kind: "option", id: o.id.clone() });
                }
            }
        }
        let mut items = HashMap::new();
        let mut barcodes = HashMap::new();
        for (ii, it) in snapshot.items.iter().enumerate() {
            nonempty("item", &it.id, &it.name)?;
            if items.insert(it.id.clone(), ii).is_some() {
                return Err(MenuError::DuplicateId { kind: "item", id: it.id.clone() });
            }
            if !cats.contains(it.category_id.as_str()) {
                return Err(MenuError::UnknownCategory { item: it.id.clone(), category: it.category_id.clone() });
            }
            if let Some(g) = it.option_group_ids.iter().find(|g| !groups.contains_key(*g)) {
                return Err(MenuError::UnknownGroup { item: it.id.clone(), group: g.clone() });
            }
            if it.price < 0 {
                return Err(MenuError::NegativePrice { kind: "item", id: it.id.clone() });
            }
            if it.tax_rate_bp > 10_000 {
                return Err(MenuError::BadTaxRate { item: it.id.clone(), rate: it.tax_rate_bp });
            }
            if let Some(code) = it.barcode.as_deref().filter(|c| !c.is_empty()) {
                if barcodes.insert(code.to_string(), ii).is_some() {
                    return Err(MenuError::DuplicateId { kind: "barcode", id: code.to_string() });
                }
            }
        }
        let search = SearchIndex::build(&snapshot.items);
        Ok(Menu { snapshot, currency: counter_currency, items, groups, options, barcodes, search })
    }

    /// Parses and validates in one step: the path every menu source takes.
    pub fn from_json(bytes: &[u8], counter_currency: Currency) -> Result<Menu, MenuError> {
        Menu::new(MenuSnapshot::from_json(bytes)?, counter_currency)
    }

    pub fn snapshot(&self) -> &MenuSnapshot {
        &self.snapshot
    }

    pub fn version(&self) -> u64 {
        self.snapshot.version
    }

    pub fn currency(&self) -> Currency {
        self.currency
    }

    pub fn categories(&self) -> impl Iterator<Item = &Category> {
        self.snapshot.categories.iter()
    }

    pub fn items(&self) -> &[Item] {
        &self.snapshot.items
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.get(id).map(|&i| &self.snapshot.items[i])
    }

    pub fn item_by_barcode(&self, code: &str) -> Option<&Item> {
        self.barcodes.get(code).map(|&i| &self.snapshot.items[i])
    }

    pub fn group(&self, id: &str) -> Option<&OptionGroup> {
        self.groups.get(id).map(|&i| &self.snapshot.option_groups[i])
    }

    /// The option and the group it belongs to.
    pub fn option(&self, id: &str) -> Option<(&OptionGroup, &OptionChoice)> {
        self.options.get(id).map(|&(g, o)| {
            let group = &self.snapshot.option_groups[g];
            (group, &group.options[o])
        })
    }

    /// SHA-256 (lowercase hex) of the menu's content, independent of its version stamp
    /// and of the order the hub listed things in: categories, groups and items sorted by
    /// id, serialized as the wire model. Two menus with equal hashes sell the same things
    /// at the same prices.
    ///
    /// Streamed into the digest entity by entity (no copy of the menu): it runs on every
    /// menu update of a 20,000-item menu.
    pub fn content_hash(&self) -> String {
        use sha2::{Digest, Sha256};
        struct Sink(Sha256);
        impl std::io::Write for Sink {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                self.0.update(buf);
                Ok(buf.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        fn section<T: Serialize>(sink: &mut Sink, tag: &[u8], list: &[T], id: impl Fn(&T) -> &str) {
            let mut order: Vec<&T> = list.iter().collect();
            order.sort_unstable_by(|a, b| id(a).cmp(id(b)));
            sink.0.update(tag);
            for x in order {
                serde_json::to_writer(&mut *sink, x).expect("the menu model serializes");
                sink.0.update(b"\n");
            }
        }
        let s = &self.snapshot;
        let mut sink = Sink(Sha256::new());
        sink.0.update(s.currency.as_bytes());
        section(&mut sink, b"\ncategories\n", &s.categories, |c| &c.id);
        section(&mut sink, b"option_groups\n", &s.option_groups, |g| &g.id);
        section(&mut sink, b"items\n", &s.items, |i| &i.id);
        sink.0.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    pub fn price(&self, item: &Item) -> Money {
        Money::new(item.price, self.currency)
    }

    /// Items matching `query` (case and diacritics ignored), best first, at most `limit`.
    /// A query that is exactly a barcode finds that item first, for the scanner.
    pub fn search(&self, query: &str, limit: usize) -> Vec<&Item> {
        let mut out: Vec<&Item> = Vec::new();
        if let Some(hit) = self.item_by_barcode(query.trim()) {
            out.push(hit);
        }
        for i in self.search.find(query, limit) {
            let item = &self.snapshot.items[i];
            if out.len() >= limit {
                break;
            }
            if !out.iter().any(|o| o.id == item.id) {
                out.push(item);
            }
        }
        out
    }
}

fn nonempty(kind: &'static str, id: &str, name: &str) -> Result<(), MenuError> {
    if id.trim().is_empty() || name.trim().is_empty() {
        return Err(MenuError::EmptyName { kind, id: id.to_string() });
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn sample_json() -> serde_json::Value {
        serde_json::json!({
            "version": 42, "currency": "VND", "updated_at": "2026-11-20T08:00:00+07:00",
            "categories": [
                {"id": "c-coffee", "name": "Cà phê", "names": {"en": "Coffee"}, "sort": 1},
                {"id": "c-food", "name": "Đồ ăn", "names": {"en": "Food"}, "sort": 2}
            ],
            "option_groups": [
                {"id": "g-size", "name": "Cỡ", "names": {"en": "Size"}, "min": 1, "max": 1,
                 "options": [{"id": "o-m", "name": "Vừa", "price_delta": 0},
                             {"id": "o-l", "name": "Lớn", "price_delta": 10000}]},
                {"id": "g-top", "name": "Topping", "min": 0, "max": 2,
                 "options": [{"id": "o-pearl", "name": "Trân châu", "price_delta": 5000},
                             {"id": "o-jelly", "name": "Thạch", "price_delta": 5000},
                             {"id": "o-cheese", "name": "Kem cheese", "price_delta": 10000}]}
            ],
            "items": [
                {"id": "i-cfsd", "sku": "CF-SD", "category_id": "c-coffee", "name": "Cà phê sữa đá",
                 "names": {"en": "Iced milk coffee"}, "price": 45000, "tax_rate_bp": 800,
                 "available": true, "option_group_ids": ["g-size", "g-top"], "barcode": null, "sort": 3},
                {"id": "i-tradao", "sku": "TR-DAO", "category_id": "c-coffee", "name": "Trà đào",
                 "price": 40000, "tax_rate_bp": 800, "available": true, "option_group_ids": [], "sort": 4},
                {"id": "i-pho", "sku": "PHO-BO", "category_id": "c-food", "name": "Phở bò",
                 "price": 65000, "tax_rate_bp": 800, "available": true, "option_group_ids": [], "sort": 1},
                {"id": "i-beer", "sku": "BEER", "category_id": "c-food", "name": "Bia Sài Gòn",
                 "price": 25000, "tax_rate_bp": 1000, "available": true, "barcode": "8934588012112", "sort": 2},
                {"id": "i-out", "category_id": "c-food", "name": "Bánh flan",
                 "price": 20000, "tax_rate_bp": 800, "available": false, "sort": 5}
            ],
            "a_future_field": {"ignored": true}
        })
    }

    pub fn sample() -> Menu {
        Menu::from_json(sample_json().to_string().as_bytes(), Currency::Vnd).unwrap()
    }

    #[test]
    fn valid_menu_loads_and_indexes() {
        let m = sample();
        assert_eq!(m.version(), 42);
        assert_eq!(m.item("i-pho").unwrap().name, "Phở bò");
        assert_eq!(m.option("o-l").unwrap().0.id, "g-size");
        assert_eq!(m.item_by_barcode("8934588012112").unwrap().id, "i-beer");
    }

    /// Each mutation of the valid sample must be refused with the named fault.
    #[test]
    fn invalid_menus_are_refused_with_the_fault() {
        type Mutation = fn(&mut serde_json::Value);
        let cases: &[(&str, Mutation, &str)] = &[
            ("other currency", |v| v["currency"] = "EUR".into(), "err-menu-currency"),
            ("unknown category", |v| v["items"][0]["category_id"] = "c-nope".into(), "err-menu-unknown-category"),
            ("unknown group", |v| v["items"][0]["option_group_ids"][0] = "g-nope".into(), "err-menu-unknown-group"),
            ("negative price", |v| v["items"][1]["price"] = (-1).into(), "err-menu-negative-price"),
            ("negative delta", |v| v["option_groups"][0]["options"][1]["price_delta"] = (-5).into(), "err-menu-negative-price"),
            ("fractional price", |v| v["items"][1]["price"] = 40000.5.into(), "err-menu-json"),
            ("duplicate item", |v| v["items"][1]["id"] = "i-cfsd".into(), "err-menu-duplicate-id"),
            ("duplicate category", |v| v["categories"][1]["id"] = "c-coffee".into(), "err-menu-duplicate-id"),
            ("duplicate option across groups", |v| v["option_groups"][1]["options"][0]["id"] = "o-m".into(), "err-menu-duplicate-id"),
            ("duplicate barcode", |v| v["items"][2]["barcode"] = "8934588012112".into(), "err-menu-duplicate-id"),
            ("min above max", |v| v["option_groups"][0]["min"] = 2.into(), "err-menu-bad-min-max"),
            (
                "min above option count",
                |v| {
                    v["option_groups"][1]["min"] = 4.into();
                    v["option_groups"][1]["max"] = 4.into();
                },
                "err-menu-bad-min-max",
            ),
            (
                "max zero",
                |v| {
                    v["option_groups"][1]["min"] = 0.into();
                    v["option_groups"][1]["max"] = 0.into();
                },
                "err-menu-bad-min-max",
            ),
            ("tax rate", |v| v["items"][0]["tax_rate_bp"] = 10_001.into(), "err-menu-bad-tax-rate"),
            ("negative tax rate", |v| v["items"][0]["tax_rate_bp"] = (-1).into(), "err-menu-json"),
            (
                "missing price",
                |v| {
                    v["items"][0].as_object_mut().unwrap().remove("price");
                },
                "err-menu-json",
            ),
            ("empty name", |v| v["items"][0]["name"] = " ".into(), "err-menu-empty-name"),
        ];
        for (what, mutate, code) in cases {
            let mut v = sample_json();
            mutate(&mut v);
            let err = Menu::from_json(v.to_string().as_bytes(), Currency::Vnd).expect_err(what);
            assert_eq!(err.code(), *code, "{what}: {err}");
        }
        let full = sample_json().to_string();
        let truncated = &full.as_bytes()[..full.len() / 2];
        assert_eq!(Menu::from_json(truncated, Currency::Vnd).unwrap_err().code(), "err-menu-json");
        assert_eq!(Menu::from_json(b"not json", Currency::Vnd).unwrap_err().code(), "err-menu-json");
    }

    #[test]
    fn content_hash_ignores_version_and_order() {
        let a = sample();
        let mut v = sample_json();
        v["version"] = 43.into();
        v["items"].as_array_mut().unwrap().reverse();
        let b = Menu::from_json(v.to_string().as_bytes(), Currency::Vnd).unwrap();
        assert_eq!(a.content_hash(), b.content_hash());
        assert_eq!(a.content_hash().len(), 64);
        v["items"][0]["price"] = 1.into();
        let c = Menu::from_json(v.to_string().as_bytes(), Currency::Vnd).unwrap();
        assert_ne!(a.content_hash(), c.content_hash());
    }

    #[test]
    fn search_finds_without_diacritics_and_by_barcode() {
        let m = sample();
        let ids = |q: &str| m.search(q, 10).iter().map(|i| i.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids("pho"), ["i-pho"]);
        assert_eq!(ids("ca phe sua"), ["i-cfsd"]);
        assert_eq!(ids("CA PHÊ"), ["i-cfsd"]);
        assert_eq!(ids("tra dao"), ["i-tradao"]);
        assert_eq!(ids("iced milk"), ["i-cfsd"]);
        assert_eq!(ids("cf-sd"), ["i-cfsd"]);
        assert_eq!(ids("8934588012112"), ["i-beer"]);
        assert!(ids("xyz").is_empty());
    }
}
