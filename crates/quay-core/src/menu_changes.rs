//! Menu change sets (hub-api.md, `GET /menu/changes`) and the difference between two
//! menus, shown to the technician who checks "menu in sync".

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::menu::{
    check_category, check_group, check_item, Category, Digest, EntityKind, EntityRecord, Item, Menu, MenuError, MenuSnapshot, OptionGroup,
    Sum256,
};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Upserts {
    #[serde(default)]
    pub categories: Vec<Category>,
    #[serde(default)]
    pub option_groups: Vec<OptionGroup>,
    #[serde(default)]
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Deletes {
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub option_groups: Vec<String>,
    #[serde(default)]
    pub items: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MenuChanges {
    pub from: u64,
    pub to: u64,
    #[serde(default)]
    pub upserts: Upserts,
    #[serde(default)]
    pub deletes: Deletes,
}

impl MenuChanges {
    pub fn from_json(bytes: &[u8]) -> Result<MenuChanges, MenuError> {
        serde_json::from_slice(bytes).map_err(|e| MenuError::Json { detail: e.to_string() })
    }

    pub fn len(&self) -> usize {
        let u = &self.upserts;
        let d = &self.deletes;
        u.categories.len() + u.option_groups.len() + u.items.len() + d.categories.len() + d.option_groups.len() + d.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The ids a list names, each once: a change set naming an entity twice in its upserts
/// is refused (which of the two was meant is not ours to guess).
fn unique<'a, T>(kind: &'static str, list: &'a [T], id: impl Fn(&'a T) -> &'a str) -> Result<HashSet<&'a str>, MenuError> {
    let mut seen = HashSet::with_capacity(list.len());
    for x in list {
        if !seen.insert(id(x)) {
            return Err(MenuError::DuplicateId { kind, id: id(x).to_string() });
        }
    }
    Ok(seen)
}

/// Replaces in place the entities `new` names, appends the others in their order. Indexes
/// the (small) change set, not the (large) menu.
fn upsert<T: Clone>(list: &mut Vec<T>, new: &[T], id: impl Fn(&T) -> &str) {
    let mut pending: HashMap<&str, &T> = new.iter().map(|n| (id(n), n)).collect();
    for x in list.iter_mut() {
        if let Some(n) = pending.remove(id(x)) {
            *x = n.clone();
        }
    }
    list.extend(new.iter().filter(|n| pending.contains_key(id(n))).cloned());
}

fn delete<T>(list: &mut Vec<T>, ids: &[String], kind: &'static str, id: impl Fn(&T) -> &str) -> Result<(), MenuError> {
    if ids.is_empty() {
        return Ok(());
    }
    let mut doomed: HashMap<&str, bool> = ids.iter().map(|d| (d.as_str(), false)).collect();
    list.retain(|x| match doomed.get_mut(id(x)) {
        Some(seen) => {
            *seen = true;
            false
        }
        None => true,
    });
    match ids.iter().find(|d| !doomed[d.as_str()]) {
        Some(missing) => Err(MenuError::UnknownDelete { kind, id: missing.clone() }),
        None => Ok(()),
    }
}

fn version_check(have: u64, changes: &MenuChanges) -> Result<(), MenuError> {
    if changes.from != have || changes.to < changes.from {
        return Err(MenuError::VersionGap { have, from: changes.from, to: changes.to });
    }
    let u = &changes.upserts;
    unique("category", &u.categories, |c| &c.id)?;
    unique("option group", &u.option_groups, |g| &g.id)?;
    unique("item", &u.items, |i| &i.id)?;
    Ok(())
}

impl MenuSnapshot {
    /// The snapshot after `changes`, rebuilt whole. The result still has to pass
    /// `Menu::new` (a change set must leave a valid menu); applying to another version
    /// than `from` is refused. `Menu::apply` is the same in place; this is its reference.
    pub fn apply(&self, changes: &MenuChanges) -> Result<MenuSnapshot, MenuError> {
        version_check(self.version, changes)?;
        let mut s = self.clone();
        upsert(&mut s.categories, &changes.upserts.categories, |c| &c.id);
        upsert(&mut s.option_groups, &changes.upserts.option_groups, |g| &g.id);
        upsert(&mut s.items, &changes.upserts.items, |i| &i.id);
        delete(&mut s.items, &changes.deletes.items, "item", |i| &i.id)?;
        delete(&mut s.option_groups, &changes.deletes.option_groups, "option group", |g| &g.id)?;
        delete(&mut s.categories, &changes.deletes.categories, "category", |c| &c.id)?;
        s.version = changes.to;
        Ok(s)
    }
}

/// The ids of one change set, per kind.
#[derive(Debug, Default)]
struct Ids<'c> {
    categories: HashSet<&'c str>,
    groups: HashSet<&'c str>,
    items: HashSet<&'c str>,
}

impl<'c> Ids<'c> {
    fn get(&self, kind: EntityKind) -> &HashSet<&'c str> {
        match kind {
            EntityKind::Category => &self.categories,
            EntityKind::OptionGroup => &self.groups,
            EntityKind::Item => &self.items,
        }
    }
}

/// A change set `Menu::check` accepted against one state of a menu, with what the store
/// writes for it (computed once: the canonical JSON and hash of each upserted entity,
/// the menu's next content hash). `Menu::apply_checked` applies it to that same state.
#[derive(Debug)]
pub struct CheckedChanges<'c> {
    changes: &'c MenuChanges,
    /// The menu state it was checked against: (version, content sum).
    base: (u64, Sum256),
    categories: Vec<(&'c Category, Digest)>,
    groups: Vec<(&'c OptionGroup, Digest)>,
    items: Vec<(&'c Item, Digest)>,
    deleted: Ids<'c>,
    records: Vec<EntityRecord>,
    sum: Sum256,
    content_hash: String,
}

impl<'c> CheckedChanges<'c> {
    /// The menu version after the change set.
    pub fn version(&self) -> u64 {
        self.changes.to
    }

    /// The menu's content hash after the change set.
    pub fn content_hash(&self) -> &str {
        &self.content_hash
    }

    /// The entities upserted and not deleted by the same change set, categories, then
    /// groups, then items, each in the change set's order.
    pub fn upserted(&self) -> &[EntityRecord] {
        &self.records
    }

    /// Every entity the change set deletes, once.
    pub fn deleted(&self) -> Vec<(EntityKind, &'c str)> {
        let mut out: Vec<(EntityKind, &'c str)> = Vec::new();
        for kind in EntityKind::ALL {
            out.extend(self.deleted.get(kind).iter().map(|id| (kind, *id)));
        }
        out
    }
}

/// The upserts a delete of the same change set does not undo, each with its record.
fn staged<'c, T: Serialize>(
    kind: EntityKind,
    list: &'c [T],
    deleted: &HashSet<&str>,
    id: impl Fn(&T) -> &str,
    records: &mut Vec<EntityRecord>,
) -> Vec<(&'c T, Digest)> {
    list.iter()
        .filter(|x| !deleted.contains(id(x)))
        .map(|x| {
            let (record, digest) = EntityRecord::of(kind, id(x), x);
            records.push(record);
            (x, digest)
        })
        .collect()
}

impl Menu {
    /// Validates `changes` against this menu, touching only what they name: the result
    /// is what `Menu::new(self.snapshot().apply(changes))` would accept or refuse (the
    /// reference, tested as such), at the cost of the change set rather than the menu.
    /// The menu is not changed.
    pub fn check<'c>(&self, changes: &'c MenuChanges) -> Result<CheckedChanges<'c>, MenuError> {
        version_check(self.version(), changes)?;
        let (u, d) = (&changes.upserts, &changes.deletes);
        let up = Ids {
            categories: u.categories.iter().map(|c| c.id.as_str()).collect(),
            groups: u.option_groups.iter().map(|g| g.id.as_str()).collect(),
            items: u.items.iter().map(|i| i.id.as_str()).collect(),
        };
        let del = Ids {
            categories: d.categories.iter().map(String::as_str).collect(),
            groups: d.option_groups.iter().map(String::as_str).collect(),
            items: d.items.iter().map(String::as_str).collect(),
        };
        self.check_deletes(d, &up)?;
        let mut records = Vec::new();
        let categories = staged(EntityKind::Category, &u.categories, &del.categories, |c| &c.id, &mut records);
        let groups = staged(EntityKind::OptionGroup, &u.option_groups, &del.groups, |g| &g.id, &mut records);
        let items = staged(EntityKind::Item, &u.items, &del.items, |i| &i.id, &mut records);
        for (c, _) in &categories {
            check_category(c)?;
        }
        self.check_groups(&groups, &up, &del)?;
        self.check_items(&items, &up, &del)?;
        self.check_still_used(&up, &del)?;
        let mut sum = self.sum();
        for kind in EntityKind::ALL {
            for id in up.get(kind).union(del.get(kind)) {
                if let Some(slot) = self.slot(kind, id) {
                    sum.sub(&slot.hash);
                }
            }
        }
        let new_digests = categories.iter().map(|(_, h)| h).chain(groups.iter().map(|(_, h)| h)).chain(items.iter().map(|(_, h)| h));
        for h in new_digests {
            sum.add(h);
        }
        let content_hash = sum.finish(&self.snapshot().currency);
        Ok(CheckedChanges {
            changes,
            base: (self.version(), self.sum()),
            categories,
            groups,
            items,
            deleted: del,
            records,
            sum,
            content_hash,
        })
    }

    /// Applies a change set `check` accepted against this very state (the caller holds
    /// the menu between the two). Refused, changing nothing, if the menu moved since.
    pub fn apply_checked(&mut self, checked: CheckedChanges<'_>) -> Result<(), MenuError> {
        if (self.version(), self.sum()) != checked.base {
            return Err(MenuError::VersionGap { have: self.version(), from: checked.changes.from, to: checked.changes.to });
        }
        for (c, h) in &checked.categories {
            self.put_category(c, *h);
        }
        for (g, h) in &checked.groups {
            self.put_group(g, *h);
        }
        for (it, h) in &checked.items {
            self.put_item(it, *h);
        }
        self.remove_items(&checked.deleted.items);
        self.remove_groups(&checked.deleted.groups);
        self.remove_categories(&checked.deleted.categories);
        self.set_version(checked.changes.to);
        debug_assert_eq!(self.sum(), checked.sum);
        Ok(())
    }

    /// Validates and applies a change set in place, all or nothing: on error the menu is
    /// unchanged. Costs the size of the change set (plus one pass over the entities
    /// after the first deleted one, when it deletes).
    pub fn apply(&mut self, changes: &MenuChanges) -> Result<(), MenuError> {
        let checked = self.check(changes)?;
        self.apply_checked(checked)
    }

    /// Each delete names something on the menu or upserted by the same change set.
    fn check_deletes(&self, d: &Deletes, up: &Ids) -> Result<(), MenuError> {
        let lists = [
            (EntityKind::Item, "item", &d.items),
            (EntityKind::OptionGroup, "option group", &d.option_groups),
            (EntityKind::Category, "category", &d.categories),
        ];
        for (kind, label, ids) in lists {
            if let Some(missing) = ids.iter().find(|id| self.slot(kind, id).is_none() && !up.get(kind).contains(id.as_str())) {
                return Err(MenuError::UnknownDelete { kind: label, id: missing.clone() });
            }
        }
        Ok(())
    }

    /// Each group on its own, then its options against every other group's: an option
    /// id may stay only in a group this change set does not replace or delete.
    fn check_groups(&self, groups: &[(&OptionGroup, Digest)], up: &Ids, del: &Ids) -> Result<(), MenuError> {
        let mut new_options = HashSet::new();
        for (g, _) in groups {
            check_group(g)?;
            for o in &g.options {
                let held_elsewhere =
                    self.option_owner(&o.id).is_some_and(|owner| !up.groups.contains(owner) && !del.groups.contains(owner));
                if !new_options.insert(o.id.as_str()) || held_elsewhere {
                    return Err(MenuError::DuplicateId { kind: "option", id: o.id.clone() });
                }
            }
        }
        Ok(())
    }

    /// Each item against the categories and groups the menu will have; its barcode
    /// against the items this change set leaves untouched and the other upserts.
    fn check_items(&self, items: &[(&Item, Digest)], up: &Ids, del: &Ids) -> Result<(), MenuError> {
        let will_have =
            |kind: EntityKind, id: &str| (self.slot(kind, id).is_some() || up.get(kind).contains(id)) && !del.get(kind).contains(id);
        let mut new_codes = HashSet::new();
        for (it, _) in items {
            check_item(it, |c| will_have(EntityKind::Category, c), |g| will_have(EntityKind::OptionGroup, g))?;
            let Some(code) = it.barcode.as_deref().filter(|c| !c.is_empty()) else { continue };
            let held_elsewhere = self.barcode_owner(code).is_some_and(|owner| !up.items.contains(owner) && !del.items.contains(owner));
            if !new_codes.insert(code) || held_elsewhere {
                return Err(MenuError::DuplicateId { kind: "barcode", id: code.to_string() });
            }
        }
        Ok(())
    }

    /// A deleted category or group must not be named by an item the change set leaves
    /// as it is (upserted items were checked against the menu to be). Counted, not
    /// scanned: the scan only runs to name the item in the refusal.
    fn check_still_used(&self, up: &Ids, del: &Ids) -> Result<(), MenuError> {
        if del.categories.is_empty() && del.groups.is_empty() {
            return Ok(());
        }
        let touched: HashSet<&str> = up.items.union(&del.items).copied().collect();
        let (mut freed_categories, mut freed_groups) = (HashMap::<&str, u32>::new(), HashMap::<&str, u32>::new());
        for old in touched.iter().filter_map(|id| self.item(id)) {
            *freed_categories.entry(&old.category_id).or_default() += 1;
            for g in &old.option_group_ids {
                *freed_groups.entry(g).or_default() += 1;
            }
        }
        let untouched = |it: &&Item| !touched.contains(it.id.as_str());
        for c in &del.categories {
            if self.uses(EntityKind::Category, c) > freed_categories.get(c).copied().unwrap_or(0) {
                let it = self.items().iter().filter(untouched).find(|it| it.category_id == *c).expect("a counted use is an item");
                return Err(MenuError::UnknownCategory { item: it.id.clone(), category: c.to_string() });
            }
        }
        for g in &del.groups {
            if self.uses(EntityKind::OptionGroup, g) > freed_groups.get(g).copied().unwrap_or(0) {
                let it = self
                    .items()
                    .iter()
                    .filter(untouched)
                    .find(|it| it.option_group_ids.iter().any(|x| x == g))
                    .expect("a counted use is an item");
                return Err(MenuError::UnknownGroup { item: it.id.clone(), group: g.to_string() });
            }
        }
        Ok(())
    }
}

/// One item's difference between the counter's menu and the hub's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItemDiff {
    pub id: String,
    pub name: String,
    /// Price on the counter (None: the counter lacks the item).
    pub counter_price: Option<i64>,
    /// Price at the hub (None: the hub lacks the item).
    pub hub_price: Option<i64>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MenuDiff {
    /// At the hub, not on the counter.
    pub added: Vec<ItemDiff>,
    /// On both, with another price, name, availability, options or category.
    pub changed: Vec<ItemDiff>,
    /// On the counter, no longer at the hub.
    pub removed: Vec<ItemDiff>,
    /// Categories or option groups differ (items aside).
    pub structure_differs: bool,
}

impl MenuDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty() && !self.structure_differs
    }
}

/// What the hub's menu has that the counter's has not, and the reverse, item by item.
pub fn diff(counter: &MenuSnapshot, hub: &MenuSnapshot) -> MenuDiff {
    let ours: BTreeMap<&str, &Item> = counter.items.iter().map(|i| (i.id.as_str(), i)).collect();
    let theirs: BTreeMap<&str, &Item> = hub.items.iter().map(|i| (i.id.as_str(), i)).collect();
    let mut d = MenuDiff::default();
    for (id, h) in &theirs {
        match ours.get(id) {
            None => d.added.push(ItemDiff { id: id.to_string(), name: h.name.clone(), counter_price: None, hub_price: Some(h.price) }),
            Some(c) if c != h => d.changed.push(ItemDiff {
                id: id.to_string(),
                name: h.name.clone(),
                counter_price: Some(c.price),
                hub_price: Some(h.price),
            }),
            Some(_) => {}
        }
    }
    for (id, c) in &ours {
        if !theirs.contains_key(id) {
            d.removed.push(ItemDiff { id: id.to_string(), name: c.name.clone(), counter_price: Some(c.price), hub_price: None });
        }
    }
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    let cats = |s: &MenuSnapshot| sorted(s.categories.iter().map(|c| serde_json::to_string(c).unwrap_or_default()).collect());
    let groups = |s: &MenuSnapshot| sorted(s.option_groups.iter().map(|g| serde_json::to_string(g).unwrap_or_default()).collect());
    d.structure_differs = cats(counter) != cats(hub) || groups(counter) != groups(hub);
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Localized;
    use crate::menu::tests::sample_json;
    use crate::{Currency, Menu};

    fn base() -> MenuSnapshot {
        MenuSnapshot::from_json(sample_json().to_string().as_bytes()).unwrap()
    }

    fn changes(v: serde_json::Value) -> MenuChanges {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn apply_upserts_and_deletes() {
        let b = base();
        let c = changes(serde_json::json!({"from": 42, "to": 44,
            "upserts": {"items": [
                {"id": "i-pho", "category_id": "c-food", "name": "Phở bò", "price": 70000, "tax_rate_bp": 800},
                {"id": "i-new", "category_id": "c-coffee", "name": "Bạc xỉu", "price": 39000, "tax_rate_bp": 800}]},
            "deletes": {"items": ["i-out"]}}));
        let next = b.apply(&c).unwrap();
        assert_eq!(next.version, 44);
        let m = Menu::new(next.clone(), Currency::Vnd).unwrap();
        assert_eq!(m.item("i-pho").unwrap().price, 70000);
        assert!(m.item("i-new").is_some() && m.item("i-out").is_none());
        assert_eq!(next.items.len(), b.items.len());
        let d = diff(&b, &next);
        assert_eq!(d.added.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["i-new"]);
        assert_eq!(
            d.changed,
            vec![ItemDiff { id: "i-pho".into(), name: "Phở bò".into(), counter_price: Some(65000), hub_price: Some(70000) }]
        );
        assert_eq!(d.removed.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["i-out"]);
        assert!(!d.structure_differs);
        assert!(diff(&next, &next).is_empty());
    }

    #[test]
    fn refusals() {
        let b = base();
        let wrong_base = changes(serde_json::json!({"from": 41, "to": 42}));
        assert!(matches!(b.apply(&wrong_base), Err(MenuError::VersionGap { .. })));
        let unknown_delete = changes(serde_json::json!({"from": 42, "to": 43, "deletes": {"items": ["i-ghost"]}}));
        assert!(matches!(b.apply(&unknown_delete), Err(MenuError::UnknownDelete { .. })));
        // Deleting a category still used leaves an invalid menu: Menu::new refuses it.
        let orphan = changes(serde_json::json!({"from": 42, "to": 43, "deletes": {"categories": ["c-food"]}}));
        let next = b.apply(&orphan).unwrap();
        assert_eq!(Menu::new(next, Currency::Vnd).unwrap_err().code(), "err-menu-unknown-category");
    }

    fn item(id: &str, category: &str, price: i64) -> serde_json::Value {
        serde_json::json!({"id": id, "category_id": category, "name": format!("Món {id}"), "price": price, "tax_rate_bp": 800})
    }

    fn with(mut v: serde_json::Value, key: &str, value: serde_json::Value) -> serde_json::Value {
        v[key] = value;
        v
    }

    /// The sample's item `id` as it is, to be changed by the case.
    fn sample_item(id: &str) -> serde_json::Value {
        sample_json()["items"].as_array().unwrap().iter().find(|i| i["id"] == id).unwrap().clone()
    }

    fn group(id: &str, min: u32, max: u32, options: &[(&str, i64)]) -> serde_json::Value {
        let options: Vec<_> =
            options.iter().map(|(o, d)| serde_json::json!({"id": o, "name": format!("Tùy chọn {o}"), "price_delta": d})).collect();
        serde_json::json!({"id": id, "name": format!("Nhóm {id}"), "min": min, "max": max, "options": options})
    }

    /// Search results of the queries a cashier types, as ids.
    fn searches(m: &Menu) -> Vec<Vec<String>> {
        ["ca phe", "pho", "tra", "bia", "8934588012112", "111", "iced", "mon", "a", "sku-0001", "trà vải"]
            .iter()
            .map(|q| m.search(q, 50).iter().map(|i| i.id.clone()).collect())
            .collect()
    }

    /// The in-place patch against the reference (the snapshot rebuilt whole, then
    /// `Menu::new`): the same menu — entities, order, every index, hashes, search — or
    /// the same refusal, the patched menu then left exactly as it was.
    fn agree(base: &Menu, c: &MenuChanges, what: &str) -> Result<Menu, MenuError> {
        let reference = base.snapshot().apply(c).and_then(|s| Menu::new(s, base.currency()));
        let mut patched = base.clone();
        let outcome = patched.apply(c);
        match (&reference, outcome) {
            (Ok(r), Ok(())) => {
                assert!(patched == *r, "{what}: the patched menu differs from the rebuilt one");
                assert_eq!(patched.content_hash(), r.content_hash(), "{what}");
                assert_eq!(searches(&patched), searches(r), "{what}");
            }
            (Err(want), Err(got)) => {
                assert_eq!(&got, want, "{what}");
                assert!(patched == *base, "{what}: a refused change set changed the menu");
            }
            (r, p) => panic!("{what}: rebuilt {:?}, patched {p:?}", r.as_ref().map(|_| ())),
        }
        reference
    }

    #[test]
    fn in_place_patch_equals_rebuilding_the_menu() {
        use serde_json::json;
        let base = Menu::new(base(), Currency::Vnd).unwrap();
        let pho70 = with(sample_item("i-pho"), "price", json!(70000));
        let food_to_coffee: Vec<_> =
            ["i-pho", "i-beer", "i-out"].iter().map(|i| with(sample_item(i), "category_id", json!("c-coffee"))).collect();
        let cases: Vec<(&str, serde_json::Value, Option<&str>)> = vec![
            ("a price", json!({"upserts": {"items": [pho70]}}), None),
            ("a new item, appended", json!({"upserts": {"items": [item("i-new", "c-coffee", 39000)]}}), None),
            ("a delete before the barcode's item", json!({"deletes": {"items": ["i-tradao"]}}), None),
            ("several deletes", json!({"deletes": {"items": ["i-cfsd", "i-beer"]}}), None),
            ("upserted and deleted", json!({"upserts": {"items": [pho70]}, "deletes": {"items": ["i-pho"]}}), None),
            ("new and deleted at once", json!({"upserts": {"items": [item("i-x", "c-food", 1)]}, "deletes": {"items": ["i-x"]}}), None),
            (
                "barcodes swapped",
                json!({"upserts": {"items": [with(sample_item("i-beer"), "barcode", json!("111")), with(sample_item("i-pho"), "barcode", json!("8934588012112"))]}}),
                None,
            ),
            (
                "a barcode taken from a deleted item",
                json!({"upserts": {"items": [with(sample_item("i-pho"), "barcode", json!("8934588012112"))]}, "deletes": {"items": ["i-beer"]}}),
                None,
            ),
            (
                "a new category and its item",
                json!({"upserts": {"categories": [{"id": "c-tea", "name": "Trà"}], "items": [item("i-tea", "c-tea", 30000)]}}),
                None,
            ),
            (
                "a category emptied, then deleted",
                json!({"upserts": {"items": food_to_coffee}, "deletes": {"categories": ["c-food"]}}),
                None,
            ),
            (
                "a group dropped by its item, then deleted",
                json!({"upserts": {"items": [with(sample_item("i-cfsd"), "option_group_ids", json!(["g-size"]))]}, "deletes": {"option_groups": ["g-top"]}}),
                None,
            ),
            (
                "an option moves between groups",
                json!({"upserts": {"option_groups": [
                    group("g-size", 1, 1, &[("o-m", 0), ("o-l", 10000), ("o-jelly", 5000)]),
                    group("g-top", 0, 2, &[("o-pearl", 5000), ("o-cheese", 10000)])]}}),
                None,
            ),
            ("a group replaced", json!({"upserts": {"option_groups": [group("g-size", 1, 1, &[("o-s", 0), ("o-xl", 15000)])]}}), None),
            (
                "names and search text",
                json!({"upserts": {"items": [with(with(sample_item("i-tradao"), "name", json!("Trà vải")), "names", json!({"en": "Lychee tea"}))]}}),
                None,
            ),
            ("nothing but a new version", json!({}), None),
            ("an older base", json!({"from": 41}), Some("err-menu-version-gap")),
            ("to before from", json!({"to": 41}), Some("err-menu-version-gap")),
            ("an unknown item deleted", json!({"deletes": {"items": ["i-ghost"]}}), Some("err-menu-unknown-delete")),
            ("an unknown group deleted", json!({"deletes": {"option_groups": ["g-ghost"]}}), Some("err-menu-unknown-delete")),
            ("an unknown category deleted", json!({"deletes": {"categories": ["c-ghost"]}}), Some("err-menu-unknown-delete")),
            (
                "the barcode of an untouched item",
                json!({"upserts": {"items": [with(sample_item("i-pho"), "barcode", json!("8934588012112"))]}}),
                Some("err-menu-duplicate-id"),
            ),
            (
                "one barcode twice in the set",
                json!({"upserts": {"items": [with(sample_item("i-pho"), "barcode", json!("555")), with(sample_item("i-tradao"), "barcode", json!("555"))]}}),
                Some("err-menu-duplicate-id"),
            ),
            ("an item twice in the set", json!({"upserts": {"items": [pho70, sample_item("i-pho")]}}), Some("err-menu-duplicate-id")),
            ("an unknown category", json!({"upserts": {"items": [item("i-new", "c-nope", 1)]}}), Some("err-menu-unknown-category")),
            (
                "a category deleted under its upserted item",
                json!({"upserts": {"items": [sample_item("i-pho")]}, "deletes": {"categories": ["c-food"]}}),
                Some("err-menu-unknown-category"),
            ),
            ("a category still used", json!({"deletes": {"categories": ["c-food"]}}), Some("err-menu-unknown-category")),
            ("a group still used", json!({"deletes": {"option_groups": ["g-top"]}}), Some("err-menu-unknown-group")),
            (
                "an unknown group",
                json!({"upserts": {"items": [with(item("i-new", "c-food", 1), "option_group_ids", json!(["g-nope"]))]}}),
                Some("err-menu-unknown-group"),
            ),
            ("a negative price", json!({"upserts": {"items": [item("i-new", "c-food", -1)]}}), Some("err-menu-negative-price")),
            (
                "a negative option delta",
                json!({"upserts": {"option_groups": [group("g-size", 1, 1, &[("o-m", 0), ("o-l", -1)])]}}),
                Some("err-menu-negative-price"),
            ),
            (
                "a VAT rate",
                json!({"upserts": {"items": [with(item("i-new", "c-food", 1), "tax_rate_bp", json!(10001))]}}),
                Some("err-menu-bad-tax-rate"),
            ),
            (
                "an empty item name",
                json!({"upserts": {"items": [with(sample_item("i-pho"), "name", json!(" "))]}}),
                Some("err-menu-empty-name"),
            ),
            ("an empty category name", json!({"upserts": {"categories": [{"id": "c-food", "name": ""}]}}), Some("err-menu-empty-name")),
            (
                "an empty group name",
                json!({"upserts": {"option_groups": [with(group("g-size", 1, 1, &[("o-m", 0)]), "name", json!(""))]}}),
                Some("err-menu-empty-name"),
            ),
            (
                "min above max",
                json!({"upserts": {"option_groups": [group("g-size", 2, 1, &[("o-m", 0), ("o-l", 0)])]}}),
                Some("err-menu-bad-min-max"),
            ),
            (
                "an option held by another group",
                json!({"upserts": {"option_groups": [group("g-size", 1, 1, &[("o-m", 0), ("o-pearl", 0)])]}}),
                Some("err-menu-duplicate-id"),
            ),
        ];
        for (what, v, refusal) in cases {
            let mut v = v;
            let obj = v.as_object_mut().unwrap();
            obj.entry("from").or_insert(json!(42));
            obj.entry("to").or_insert(json!(43));
            let c = changes(v);
            let outcome = agree(&base, &c, what);
            assert_eq!(outcome.as_ref().err().map(|e| e.code()), refusal, "{what}: {outcome:?}");
        }
    }

    /// Twenty change sets in a row on a generated menu (prices, availability, new items
    /// with barcodes, deletes, a barcode handed over), each agreeing with the rebuild.
    #[test]
    fn a_series_of_patches_stays_equal_to_rebuilding() {
        let mut menu = Menu::new(crate::synth::menu(400, 1), Currency::Vnd).unwrap();
        for round in 0..20u64 {
            let items = menu.items();
            let n = items.len();
            let mut upserts: Vec<Item> = (0..10).map(|k| items[(round as usize * 7 + k * 37) % n].clone()).collect();
            upserts.sort_by(|a, b| a.id.cmp(&b.id));
            upserts.dedup_by(|a, b| a.id == b.id);
            for it in &mut upserts {
                it.price += 500;
                it.available = !it.available;
            }
            let doomed: Vec<String> = (0..3)
                .map(|k| items[(round as usize * 11 + k * 101 + 5) % n].id.clone())
                .filter(|id| !upserts.iter().any(|u| &u.id == id))
                .collect();
            // The first doomed item's barcode goes to a new item.
            let handed = doomed.first().and_then(|id| menu.item(id)).and_then(|i| i.barcode.clone());
            for (k, first) in items.iter().take(3).enumerate() {
                let mut it = first.clone();
                it.id = format!("n-{round}-{k}");
                it.barcode = if k == 0 { handed.clone() } else { Some(format!("9{round:04}{k:08}")) };
                upserts.push(it);
            }
            let mut doomed = doomed;
            doomed.sort();
            doomed.dedup();
            let c = MenuChanges {
                from: menu.version(),
                to: menu.version() + 1,
                upserts: Upserts { items: upserts, ..Upserts::default() },
                deletes: Deletes { items: doomed, ..Deletes::default() },
            };
            menu = agree(&menu, &c, &format!("round {round}")).unwrap();
        }
        assert_eq!(menu.version(), 21);
    }
}
