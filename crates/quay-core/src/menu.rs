//! The menu, in the hub's own wire model (hub-api.md, "Menu"), and the one validation
//! every menu passes before a cashier sees it — the demo file, a `menu import` and the
//! hub's snapshot alike. A `Menu` value is valid by construction.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
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

/// The kinds of entity a menu is made of, as their hashes and the store name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Category,
    OptionGroup,
    Item,
}

impl EntityKind {
    pub const ALL: [EntityKind; 3] = [EntityKind::Category, EntityKind::OptionGroup, EntityKind::Item];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Category => "category",
            EntityKind::OptionGroup => "option_group",
            EntityKind::Item => "item",
        }
    }

    pub fn parse(s: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// SHA-256 of one entity: its kind, a newline, its canonical JSON.
pub type Digest = [u8; 32];

/// One entity as the store keeps it: its canonical JSON (the wire model serialized, field
/// order fixed by the struct, translations sorted by the map) and that JSON's hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityRecord {
    pub kind: EntityKind,
    pub id: String,
    /// Lowercase hex of the entity's `Digest`.
    pub hash: String,
    pub body: String,
}

impl EntityRecord {
    pub fn of<T: Serialize>(kind: EntityKind, id: &str, entity: &T) -> (EntityRecord, Digest) {
        let body = serde_json::to_string(entity).expect("the menu model serializes");
        let mut h = Sha256::new();
        h.update(kind.as_str().as_bytes());
        h.update(b"\n");
        h.update(body.as_bytes());
        let digest: Digest = h.finalize().into();
        (EntityRecord { kind, id: id.to_string(), hash: hex(&digest), body }, digest)
    }
}

/// The same digest as `EntityRecord::of`, streamed into the hasher (no copy): `Menu::new`
/// hashes every entity of a 20,000-item menu.
fn digest_of<T: Serialize>(kind: EntityKind, entity: &T) -> Digest {
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
    let mut sink = Sink(Sha256::new());
    sink.0.update(kind.as_str().as_bytes());
    sink.0.update(b"\n");
    serde_json::to_writer(&mut sink, entity).expect("the menu model serializes");
    sink.0.finalize().into()
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The menu's content as the sum, mod 2^256, of its entities' digests read as 256-bit
/// little-endian numbers (an additive multiset hash, "AdHash"). A sum because an entity
/// added, changed or removed moves it in O(1) (subtract the old digest, add the new) and
/// the order of the entities cannot matter. Not XOR: XOR is linear over GF(2), so two
/// equal digests cancel and colliding menus are found by solving linear equations; a sum
/// has neither weakness, and is as cheap.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Sum256([u64; 4]);

impl Sum256 {
    fn limbs(d: &Digest) -> [u64; 4] {
        std::array::from_fn(|i| u64::from_le_bytes(d[i * 8..i * 8 + 8].try_into().expect("8 bytes")))
    }

    pub(crate) fn add(&mut self, d: &Digest) {
        let mut carry = false;
        for (a, b) in self.0.iter_mut().zip(Sum256::limbs(d)) {
            let (s, c1) = a.overflowing_add(b);
            let (s, c2) = s.overflowing_add(carry as u64);
            *a = s;
            carry = c1 || c2;
        }
    }

    pub(crate) fn sub(&mut self, d: &Digest) {
        let mut borrow = false;
        for (a, b) in self.0.iter_mut().zip(Sum256::limbs(d)) {
            let (s, b1) = a.overflowing_sub(b);
            let (s, b2) = s.overflowing_sub(borrow as u64);
            *a = s;
            borrow = b1 || b2;
        }
    }

    /// The menu's `content_hash`: the sum with the currency, hashed once more so that the
    /// published value reveals nothing of the sum's arithmetic.
    pub(crate) fn finish(&self, currency: &str) -> String {
        let mut h = Sha256::new();
        h.update(b"quay-menu/2\n");
        h.update(currency.as_bytes());
        h.update(b"\n");
        for limb in self.0 {
            h.update(limb.to_le_bytes());
        }
        hex(&h.finalize())
    }
}

/// Where an entity sits in the snapshot's list, and its digest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Slot {
    pub(crate) pos: usize,
    pub(crate) hash: Digest,
}

/// A validated menu with its lookup tables, search index and per-entity hashes. The
/// snapshot is the storage of the entities; the tables are kept in step with it by
/// `Menu::new` (all at once) and by `Menu::apply` (only what a change set touches).
#[derive(Debug, Clone)]
#[cfg_attr(test, derive(PartialEq))]
pub struct Menu {
    snapshot: MenuSnapshot,
    currency: Currency,
    categories: HashMap<String, Slot>,
    groups: HashMap<String, Slot>,
    items: HashMap<String, Slot>,
    /// option id → (group position, option position)
    options: HashMap<String, (usize, usize)>,
    /// barcode → item position
    barcodes: HashMap<String, usize>,
    /// How many items name each category and option group (entries at zero removed), so
    /// that deleting one still in use is refused without a scan.
    category_uses: HashMap<String, u32>,
    group_uses: HashMap<String, u32>,
    search: SearchIndex,
    sum: Sum256,
}

fn barcode_of(it: &Item) -> Option<&str> {
    it.barcode.as_deref().filter(|c| !c.is_empty())
}

fn count(map: &mut HashMap<String, u32>, key: &str, up: bool) {
    if up {
        *map.entry(key.to_string()).or_default() += 1;
    } else if let Some(n) = map.get_mut(key) {
        *n -= 1;
        if *n == 0 {
            map.remove(key);
        }
    }
}

/// Counts (`up`) or uncounts an item's references to its category and groups.
fn tally(cats: &mut HashMap<String, u32>, groups: &mut HashMap<String, u32>, it: &Item, up: bool) {
    count(cats, &it.category_id, up);
    for g in &it.option_group_ids {
        count(groups, g, up);
    }
}

pub(crate) fn check_category(c: &Category) -> Result<(), MenuError> {
    nonempty("category", &c.id, &c.name)
}

/// A group on its own: names, prices, min/max. Option ids unique across groups is the
/// caller's (it needs the other groups).
pub(crate) fn check_group(g: &OptionGroup) -> Result<(), MenuError> {
    nonempty("option group", &g.id, &g.name)?;
    let count = g.options.len() as u32;
    if g.min > g.max || g.min > count || g.max == 0 {
        return Err(MenuError::BadMinMax { group: g.id.clone(), min: g.min, max: g.max, count });
    }
    for o in &g.options {
        nonempty("option", &o.id, &o.name)?;
        if o.price_delta < 0 {
            return Err(MenuError::NegativePrice { kind: "option", id: o.id.clone() });
        }
    }
    Ok(())
}

/// An item against the categories and groups the menu will have. Unique ids and barcodes
/// are the caller's.
pub(crate) fn check_item(it: &Item, has_category: impl Fn(&str) -> bool, has_group: impl Fn(&str) -> bool) -> Result<(), MenuError> {
    nonempty("item", &it.id, &it.name)?;
    if !has_category(&it.category_id) {
        return Err(MenuError::UnknownCategory { item: it.id.clone(), category: it.category_id.clone() });
    }
    if let Some(g) = it.option_group_ids.iter().find(|g| !has_group(g)) {
        return Err(MenuError::UnknownGroup { item: it.id.clone(), group: g.clone() });
    }
    if it.price < 0 {
        return Err(MenuError::NegativePrice { kind: "item", id: it.id.clone() });
    }
    if it.tax_rate_bp > 10_000 {
        return Err(MenuError::BadTaxRate { item: it.id.clone(), rate: it.tax_rate_bp });
    }
    Ok(())
}

fn index_options(groups: &[OptionGroup]) -> Result<HashMap<String, (usize, usize)>, MenuError> {
    let mut options = HashMap::new();
    for (gi, g) in groups.iter().enumerate() {
        for (oi, o) in g.options.iter().enumerate() {
            if options.insert(o.id.clone(), (gi, oi)).is_some() {
                return Err(MenuError::DuplicateId { kind: "option", id: o.id.clone() });
            }
        }
    }
    Ok(options)
}

fn index<T: Serialize>(
    list: &[T],
    kind: EntityKind,
    label: &'static str,
    id: impl Fn(&T) -> &str,
    check: impl Fn(&T) -> Result<(), MenuError>,
) -> Result<HashMap<String, Slot>, MenuError> {
    let mut map = HashMap::with_capacity(list.len());
    for (pos, x) in list.iter().enumerate() {
        check(x)?;
        if map.insert(id(x).to_string(), Slot { pos, hash: digest_of(kind, x) }).is_some() {
            return Err(MenuError::DuplicateId { kind: label, id: id(x).to_string() });
        }
    }
    Ok(map)
}

/// Replaces the entity in its slot or appends it; the sum follows. Returns its position
/// and what it replaced.
fn put<T: Clone>(
    list: &mut Vec<T>,
    index: &mut HashMap<String, Slot>,
    sum: &mut Sum256,
    id: &str,
    x: &T,
    hash: Digest,
) -> (usize, Option<T>) {
    sum.add(&hash);
    match index.get_mut(id) {
        Some(slot) => {
            sum.sub(&slot.hash);
            slot.hash = hash;
            (slot.pos, Some(std::mem::replace(&mut list[slot.pos], x.clone())))
        }
        None => {
            index.insert(id.to_string(), Slot { pos: list.len(), hash });
            list.push(x.clone());
            (list.len() - 1, None)
        }
    }
}

/// Removes the entities named by `ids` keeping the others' order (a delete must not
/// reorder what the cashier sees), renumbers the positions that moved, and returns which
/// old positions went (None: nothing to do). O(entities after the first removed one).
fn compact<T>(
    list: &mut Vec<T>,
    index: &mut HashMap<String, Slot>,
    sum: &mut Sum256,
    ids: &HashSet<&str>,
    id: impl Fn(&T) -> &str,
) -> Option<Vec<bool>> {
    let mut gone = vec![false; list.len()];
    let mut first = list.len();
    for slot in ids.iter().filter_map(|i| index.remove(*i)) {
        sum.sub(&slot.hash);
        gone[slot.pos] = true;
        first = first.min(slot.pos);
    }
    if first == list.len() {
        return None;
    }
    let mut i = 0;
    list.retain(|_| {
        i += 1;
        !gone[i - 1]
    });
    for (pos, x) in list.iter().enumerate().skip(first) {
        index.get_mut(id(x)).expect("every entity is indexed").pos = pos;
    }
    Some(gone)
}

impl Menu {
    /// Validates a snapshot for a counter working in `counter_currency`. Refuses it whole
    /// on the first fault; nothing of an invalid menu is ever half-used.
    pub fn new(snapshot: MenuSnapshot, counter_currency: Currency) -> Result<Menu, MenuError> {
        if snapshot.currency != counter_currency.code() {
            return Err(MenuError::Currency { expected: counter_currency.code().into(), found: snapshot.currency.clone() });
        }
        let categories = index(&snapshot.categories, EntityKind::Category, "category", |c| &c.id, check_category)?;
        let groups = index(&snapshot.option_groups, EntityKind::OptionGroup, "option group", |g| &g.id, check_group)?;
        let options = index_options(&snapshot.option_groups)?;
        let items = index(
            &snapshot.items,
            EntityKind::Item,
            "item",
            |i| &i.id,
            |it| check_item(it, |c| categories.contains_key(c), |g| groups.contains_key(g)),
        )?;
        let mut barcodes = HashMap::new();
        let (mut category_uses, mut group_uses) = (HashMap::new(), HashMap::new());
        for (pos, it) in snapshot.items.iter().enumerate() {
            if let Some(code) = barcode_of(it) {
                if barcodes.insert(code.to_string(), pos).is_some() {
                    return Err(MenuError::DuplicateId { kind: "barcode", id: code.to_string() });
                }
            }
            tally(&mut category_uses, &mut group_uses, it, true);
        }
        let mut sum = Sum256::default();
        for slot in categories.values().chain(groups.values()).chain(items.values()) {
            sum.add(&slot.hash);
        }
        let search = SearchIndex::build(&snapshot.items);
        Ok(Menu {
            snapshot,
            currency: counter_currency,
            categories,
            groups,
            items,
            options,
            barcodes,
            category_uses,
            group_uses,
            search,
            sum,
        })
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
        self.items.get(id).map(|s| &self.snapshot.items[s.pos])
    }

    pub fn item_by_barcode(&self, code: &str) -> Option<&Item> {
        self.barcodes.get(code).map(|&i| &self.snapshot.items[i])
    }

    pub fn group(&self, id: &str) -> Option<&OptionGroup> {
        self.groups.get(id).map(|s| &self.snapshot.option_groups[s.pos])
    }

    /// The option and the group it belongs to.
    pub fn option(&self, id: &str) -> Option<(&OptionGroup, &OptionChoice)> {
        self.options.get(id).map(|&(g, o)| {
            let group = &self.snapshot.option_groups[g];
            (group, &group.options[o])
        })
    }

    /// SHA-256 (lowercase hex) of the menu's content, independent of its version stamp
    /// and of the order the hub listed things in: two menus with equal hashes sell the
    /// same things at the same prices. O(1): it combines the per-entity hashes (`Sum256`),
    /// which `Menu::new` computes once and a change set updates for what it touches.
    pub fn content_hash(&self) -> String {
        self.sum.finish(&self.snapshot.currency)
    }

    /// The hash of one entity (lowercase hex), as `EntityRecord::of` computes it.
    pub fn entity_hash(&self, kind: EntityKind, id: &str) -> Option<String> {
        self.slot(kind, id).map(|s| hex(&s.hash))
    }

    /// Every entity as the store keeps it, each kind in menu order. The hashes are the
    /// ones `Menu::new` computed (serialized again only for the bodies).
    pub fn records(&self) -> Vec<EntityRecord> {
        fn rows<T: Serialize>(out: &mut Vec<EntityRecord>, menu: &Menu, kind: EntityKind, list: &[T], id: impl Fn(&T) -> &str) {
            out.extend(list.iter().map(|x| EntityRecord {
                kind,
                id: id(x).to_string(),
                hash: hex(&menu.slot(kind, id(x)).expect("every entity is indexed").hash),
                body: serde_json::to_string(x).expect("the menu model serializes"),
            }));
        }
        let s = &self.snapshot;
        let mut out = Vec::with_capacity(s.categories.len() + s.option_groups.len() + s.items.len());
        rows(&mut out, self, EntityKind::Category, &s.categories, |c| &c.id);
        rows(&mut out, self, EntityKind::OptionGroup, &s.option_groups, |g| &g.id);
        rows(&mut out, self, EntityKind::Item, &s.items, |i| &i.id);
        out
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

    // What `Menu::check` (menu_changes.rs) reads of the indexes.

    pub(crate) fn slot(&self, kind: EntityKind, id: &str) -> Option<&Slot> {
        match kind {
            EntityKind::Category => self.categories.get(id),
            EntityKind::OptionGroup => self.groups.get(id),
            EntityKind::Item => self.items.get(id),
        }
    }

    /// The id of the item holding a barcode.
    pub(crate) fn barcode_owner(&self, code: &str) -> Option<&str> {
        self.barcodes.get(code).map(|&i| self.snapshot.items[i].id.as_str())
    }

    /// The id of the group holding an option.
    pub(crate) fn option_owner(&self, id: &str) -> Option<&str> {
        self.options.get(id).map(|&(g, _)| self.snapshot.option_groups[g].id.as_str())
    }

    /// How many items name a category or an option group.
    pub(crate) fn uses(&self, kind: EntityKind, id: &str) -> u32 {
        let map = if kind == EntityKind::Category { &self.category_uses } else { &self.group_uses };
        map.get(id).copied().unwrap_or(0)
    }

    pub(crate) fn sum(&self) -> Sum256 {
        self.sum
    }

    // The in-place mutations `Menu::apply_checked` makes, each keeping every index in
    // step. Validation is the caller's: these run only after the whole change set passed.

    pub(crate) fn put_category(&mut self, c: &Category, hash: Digest) {
        put(&mut self.snapshot.categories, &mut self.categories, &mut self.sum, &c.id, c, hash);
    }

    pub(crate) fn put_group(&mut self, g: &OptionGroup, hash: Digest) {
        let (gi, old) = put(&mut self.snapshot.option_groups, &mut self.groups, &mut self.sum, &g.id, g, hash);
        // An option that moved to another group already points there: leave it.
        for o in old.iter().flat_map(|old| &old.options) {
            if self.options.get(&o.id).is_some_and(|&(at, _)| at == gi) {
                self.options.remove(&o.id);
            }
        }
        for (oi, o) in g.options.iter().enumerate() {
            self.options.insert(o.id.clone(), (gi, oi));
        }
    }

    pub(crate) fn put_item(&mut self, it: &Item, hash: Digest) {
        let (pos, old) = put(&mut self.snapshot.items, &mut self.items, &mut self.sum, &it.id, it, hash);
        match &old {
            Some(old) => {
                tally(&mut self.category_uses, &mut self.group_uses, old, false);
                // A barcode another item took over in this change set already points there.
                if let Some(code) = barcode_of(old).filter(|c| self.barcodes.get(*c) == Some(&pos)) {
                    self.barcodes.remove(code);
                }
                self.search.set(pos, it);
            }
            None => self.search.push(it),
        }
        tally(&mut self.category_uses, &mut self.group_uses, it, true);
        if let Some(code) = barcode_of(it) {
            self.barcodes.insert(code.to_string(), pos);
        }
    }

    /// Deleting keeps the others' order (`Vec::retain`, not `swap_remove`): search ties
    /// and the item grid follow menu order, and a patched menu must equal the same menu
    /// built whole. The cost is one pass over the items after the first deleted one, paid
    /// only by change sets that delete items.
    pub(crate) fn remove_items(&mut self, ids: &HashSet<&str>) {
        for slot in ids.iter().filter_map(|id| self.items.get(*id)) {
            let it = &self.snapshot.items[slot.pos];
            tally(&mut self.category_uses, &mut self.group_uses, it, false);
            if let Some(code) = barcode_of(it).filter(|c| self.barcodes.get(*c) == Some(&slot.pos)) {
                self.barcodes.remove(code);
            }
        }
        let Some(gone) = compact(&mut self.snapshot.items, &mut self.items, &mut self.sum, ids, |i| &i.id) else { return };
        self.search.retain(|i| !gone[i]);
        let first = gone.iter().position(|g| *g).unwrap_or(0);
        for (pos, it) in self.snapshot.items.iter().enumerate().skip(first) {
            if let Some(at) = barcode_of(it).and_then(|c| self.barcodes.get_mut(c)) {
                *at = pos;
            }
        }
    }

    /// Groups are few: their options are indexed again whole.
    pub(crate) fn remove_groups(&mut self, ids: &HashSet<&str>) {
        if compact(&mut self.snapshot.option_groups, &mut self.groups, &mut self.sum, ids, |g| &g.id).is_some() {
            self.options = index_options(&self.snapshot.option_groups).expect("option ids were unique before a removal");
        }
    }

    pub(crate) fn remove_categories(&mut self, ids: &HashSet<&str>) {
        compact(&mut self.snapshot.categories, &mut self.categories, &mut self.sum, ids, |c| &c.id);
    }

    pub(crate) fn set_version(&mut self, version: u64) {
        self.snapshot.version = version;
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

    /// The stored hashes (from the index) are the entities' own.
    #[test]
    fn records_carry_each_entity_hash() {
        let m = sample();
        let records = m.records();
        assert_eq!(records.len(), 2 + 2 + 5);
        for r in &records {
            let fresh = match r.kind {
                EntityKind::Category => EntityRecord::of(r.kind, &r.id, m.categories().find(|c| c.id == r.id).unwrap()).0,
                EntityKind::OptionGroup => EntityRecord::of(r.kind, &r.id, m.group(&r.id).unwrap()).0,
                EntityKind::Item => EntityRecord::of(r.kind, &r.id, m.item(&r.id).unwrap()).0,
            };
            assert_eq!(*r, fresh);
        }
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
