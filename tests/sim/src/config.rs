//! Who the simulated hub is: the points it serves (the sandbox point first, then any
//! extra points of the same brand), their keys and its first menu.

use quay_core::menu::MenuSnapshot;

use crate::vouchers::VoucherSpec;

/// The hub's view of one counter (hub-api.md, "Identity and signing") and its menu.
#[derive(Clone, Debug)]
pub struct HubConfig {
    pub pos_parent: String,
    pub pos_id: String,
    /// Verifies what the counter sends.
    pub key1: Vec<u8>,
    /// Signs what the hub answers.
    pub key2: Vec<u8>,
    /// The only currency the hub accepts sales and serves menus in ("VND").
    pub currency: String,
    /// Base path of the API, e.g. "/api/v1" (no trailing slash needed).
    pub base: String,
    /// The menu served as the first version (its own `version` is kept).
    pub menu: MenuSnapshot,
    pub point_name: String,
    /// The partners' vouchers the hub starts with (`vouchers::sandbox()` by default).
    pub vouchers: Vec<VoucherSpec>,
    /// Other points of the same brand (`pos_parent`) reporting to this hub, each with its
    /// own keys (none by default). `RunningHub::add_point` adds one at runtime.
    pub extra_points: Vec<PointConfig>,
}

/// Another counter of the brand: verified with its `key1`, answered signed with its `key2`.
#[derive(Clone, PartialEq, Eq)]
pub struct PointConfig {
    pub pos_id: String,
    pub key1: Vec<u8>,
    pub key2: Vec<u8>,
    pub point_name: String,
}

impl PointConfig {
    pub fn new(pos_id: &str, key1: &[u8], key2: &[u8], point_name: &str) -> PointConfig {
        PointConfig { pos_id: pos_id.into(), key1: key1.to_vec(), key2: key2.to_vec(), point_name: point_name.into() }
    }

    /// `POS_ID:KEY1:KEY2[:NAME]` (the keys' text as bytes; the name may hold `:`), as
    /// `quay-sim --extra-point` takes it. Without a name the point is named by its id.
    pub fn parse(s: &str) -> Result<PointConfig, String> {
        let mut parts = s.splitn(4, ':');
        let (Some(id), Some(k1), Some(k2)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(format!("{s:?}: POS_ID:KEY1:KEY2[:NAME]"));
        };
        if id.is_empty() || k1.is_empty() || k2.is_empty() {
            return Err(format!("{s:?}: the point id and both keys must not be empty"));
        }
        let name = parts.next().filter(|n| !n.is_empty()).unwrap_or(id);
        Ok(PointConfig::new(id, k1.as_bytes(), k2.as_bytes(), name))
    }
}

impl std::fmt::Debug for PointConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PointConfig").field("pos_id", &self.pos_id).field("point_name", &self.point_name).finish_non_exhaustive()
    }
}

impl HubConfig {
    pub const SANDBOX_POS_PARENT: &'static str = "SANDBOX";
    pub const SANDBOX_POS_ID: &'static str = "SANDBOX-01";
    pub const SANDBOX_KEY1: &'static [u8] = b"sandbox-key1-0123456789abcdef";
    pub const SANDBOX_KEY2: &'static [u8] = b"sandbox-key2-0123456789abcdef";

    /// The sandbox point every test and `make run` use unless told otherwise.
    pub fn sandbox(menu: MenuSnapshot) -> HubConfig {
        HubConfig {
            pos_parent: Self::SANDBOX_POS_PARENT.into(),
            pos_id: Self::SANDBOX_POS_ID.into(),
            key1: Self::SANDBOX_KEY1.to_vec(),
            key2: Self::SANDBOX_KEY2.to_vec(),
            currency: "VND".into(),
            base: "/api/v1".into(),
            menu,
            point_name: "Quay sandbox café".into(),
            vouchers: crate::vouchers::sandbox(),
            extra_points: Vec::new(),
        }
    }

    /// The base path without a trailing slash ("" for an API at the root).
    pub(crate) fn base_path(&self) -> &str {
        self.base.trim_end_matches('/')
    }
}
