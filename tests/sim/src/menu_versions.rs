//! Every menu version the hub published (the last `KEEP`), so `GET /menu/changes` can
//! answer with the real difference between what a counter has and what is current.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use axum::body::Bytes;
use quay_core::menu::MenuSnapshot;
use serde::Serialize;
use serde_json::{json, Value};

/// How many versions are kept; a counter further behind gets 410 and reloads whole.
pub const KEEP: usize = 50;

/// One published version and its serialized document (served many times, built once).
#[derive(Clone)]
pub struct Published {
    pub snapshot: Arc<MenuSnapshot>,
    pub body: Bytes,
}

impl Published {
    fn new(snapshot: MenuSnapshot) -> Published {
        let body = Bytes::from(serde_json::to_vec(&snapshot).expect("menus serialize"));
        Published { snapshot: Arc::new(snapshot), body }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum ChangesError {
    /// `since` is after the current version.
    Ahead { current: u64 },
    /// `since` is older than what the hub still keeps.
    Gone { oldest: u64 },
}

pub struct MenuVersions {
    kept: VecDeque<Published>,
    /// Versions before this one are answered 410 even if still kept.
    floor: u64,
}

impl MenuVersions {
    pub fn new(first: MenuSnapshot) -> MenuVersions {
        let floor = first.version;
        MenuVersions { kept: VecDeque::from([Published::new(first)]), floor }
    }

    pub fn current(&self) -> &Published {
        self.kept.back().expect("at least one version")
    }

    pub fn version(&self) -> u64 {
        self.current().snapshot.version
    }

    /// Publishes `snapshot` as the next version (the hub numbers versions, not the
    /// publisher) stamped with `updated_at`. Returns the new version.
    pub fn publish(&mut self, mut snapshot: MenuSnapshot, updated_at: String) -> u64 {
        let version = self.version() + 1;
        snapshot.version = version;
        snapshot.updated_at = Some(updated_at);
        self.kept.push_back(Published::new(snapshot));
        while self.kept.len() > KEEP {
            self.kept.pop_front();
        }
        version
    }

    /// From now on, `since` below `v` is gone (capped at the current version, which a
    /// counter can always be told it already has).
    pub fn forget_before(&mut self, v: u64) {
        self.floor = self.floor.max(v.min(self.version()));
        while self.kept.front().is_some_and(|p| p.snapshot.version < self.floor) {
            self.kept.pop_front();
        }
    }

    /// The stored version `since` and the current one, to diff outside the lock.
    pub fn pair_since(&self, since: u64) -> Result<(Arc<MenuSnapshot>, Arc<MenuSnapshot>), ChangesError> {
        let current = self.version();
        if since > current {
            return Err(ChangesError::Ahead { current });
        }
        let oldest = self.kept.front().expect("at least one version").snapshot.version.max(self.floor);
        let old = self.kept.iter().find(|p| p.snapshot.version == since).filter(|_| since >= oldest);
        match old {
            Some(old) => Ok((old.snapshot.clone(), self.current().snapshot.clone())),
            None => Err(ChangesError::Gone { oldest }),
        }
    }
}

/// The change set from `old` to `new`: entities new or different in `new` are upserted
/// (whole, in `new`'s order), ids missing from `new` are deleted.
pub fn change_set(old: &MenuSnapshot, new: &MenuSnapshot) -> Value {
    let (cu, cd) = diff(&old.categories, &new.categories, |c| &c.id);
    let (gu, gd) = diff(&old.option_groups, &new.option_groups, |g| &g.id);
    let (iu, id) = diff(&old.items, &new.items, |i| &i.id);
    json!({
        "from": old.version,
        "to": new.version,
        "upserts": {"categories": cu, "option_groups": gu, "items": iu},
        "deletes": {"categories": cd, "option_groups": gd, "items": id},
    })
}

fn diff<T: PartialEq + Serialize>(old: &[T], new: &[T], id: impl Fn(&T) -> &String) -> (Vec<Value>, Vec<String>) {
    let before: HashMap<&String, &T> = old.iter().map(|t| (id(t), t)).collect();
    let after: HashMap<&String, &T> = new.iter().map(|t| (id(t), t)).collect();
    let upserts = new
        .iter()
        .filter(|t| before.get(id(t)).copied() != Some(*t))
        .map(|t| serde_json::to_value(t).expect("menu entities serialize"))
        .collect();
    let deletes = old.iter().map(&id).filter(|i| !after.contains_key(i)).cloned().collect();
    (upserts, deletes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> String {
        "2026-11-21T08:00:00+00:00".into()
    }

    #[test]
    fn diff_names_changed_new_and_deleted_items_only() {
        let v1 = quay_core::synth::menu(5, 1);
        let mut versions = MenuVersions::new(v1.clone());
        let mut next = v1.clone();
        next.items[1].price += 1_000;
        next.items.remove(3);
        let mut extra = next.items[0].clone();
        extra.id = "i-new".into();
        next.items.push(extra);
        assert_eq!(versions.publish(next, at()), 2);
        let (old, new) = versions.pair_since(1).unwrap();
        let c = change_set(&old, &new);
        let ids: Vec<&str> = c["upserts"]["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["i-1", "i-new"]);
        assert_eq!(c["deletes"]["items"], json!(["i-3"]));
        assert_eq!(c["upserts"]["categories"], json!([]));
        assert_eq!((c["from"].as_u64(), c["to"].as_u64()), (Some(1), Some(2)));
    }

    #[test]
    fn too_old_is_gone_and_ahead_is_refused() {
        let mut versions = MenuVersions::new(quay_core::synth::menu(2, 10));
        for _ in 0..KEEP {
            versions.publish(quay_core::synth::menu(2, 0), at());
        }
        assert_eq!(versions.version(), 10 + KEEP as u64);
        assert_eq!(versions.pair_since(10).unwrap_err(), ChangesError::Gone { oldest: 11 });
        assert!(versions.pair_since(11).is_ok());
        assert_eq!(versions.pair_since(61).unwrap_err(), ChangesError::Ahead { current: 60 });
        versions.forget_before(30);
        assert_eq!(versions.pair_since(29).unwrap_err(), ChangesError::Gone { oldest: 30 });
        assert!(versions.pair_since(60).is_ok());
    }
}
