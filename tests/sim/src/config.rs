//! Who the simulated hub is: the one point it serves, its keys and its first menu.

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
        }
    }

    /// The base path without a trailing slash ("" for an API at the root).
    pub(crate) fn base_path(&self) -> &str {
        self.base.trim_end_matches('/')
    }
}
