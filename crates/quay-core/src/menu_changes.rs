//! Menu change sets (hub-api.md, `GET /menu/changes`) and the difference between two
//! menus, shown to the technician who checks "menu in sync".

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::menu::{Category, Item, MenuError, MenuSnapshot, OptionGroup};

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

impl MenuSnapshot {
    /// The snapshot after `changes`. The result still has to pass `Menu::new` (a change
    /// set must leave a valid menu); applying to another version than `from` is refused.
    pub fn apply(&self, changes: &MenuChanges) -> Result<MenuSnapshot, MenuError> {
        if changes.from != self.version || changes.to < changes.from {
            return Err(MenuError::VersionGap { have: self.version, from: changes.from, to: changes.to });
        }
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
}
