//! Faults a test or an operator switches on to see how a counter copes with a hub that is
//! down, slow, failing, losing responses or serving a bad menu.

use axum::body::Bytes;
use quay_core::menu::MenuSnapshot;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// All off by default; `POST /admin/faults` replaces the whole set (missing fields = off).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Faults {
    /// Connections are accepted and closed at once, without a response (keep-alive
    /// connections too, at their next request). `/admin/*` stays reachable.
    pub down: bool,
    /// Delay before answering each API request.
    pub slow_ms: u64,
    /// The next N authenticated API requests answer 500 `unavailable`.
    pub fail_500: u32,
    /// The next N sales batches are stored, then the connection is cut unanswered.
    pub drop_after_store: u32,
    /// One of `InvalidMenu::NAMES`: how `/menu` and `/menu/changes` documents are spoiled.
    pub invalid_menu: Option<String>,
    /// Every API response is signed with a key that is not key2.
    pub bad_response_signature: bool,
    /// The voucher partners do not answer: check, redeem and reverse answer 503
    /// `unavailable` (a redemption lookup is the hub's own and still answers).
    pub partner_down: bool,
    /// The next N voucher redemptions are stored, then the connection is cut unanswered.
    pub lose_redeem_response: u32,
    /// The next N `POST /partners/connections` that store a record (new or a higher
    /// revision) store it, then the connection is cut unanswered.
    pub connections_drop_after_store: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InvalidMenu {
    NegativePrice,
    UnknownCategory,
    OtherCurrency,
    BadJson,
    Truncated,
    BadSignature,
}

impl InvalidMenu {
    pub const NAMES: [&'static str; 6] = ["negative_price", "unknown_category", "other_currency", "bad_json", "truncated", "bad_signature"];

    pub fn parse(name: &str) -> Option<InvalidMenu> {
        use InvalidMenu::*;
        let all = [NegativePrice, UnknownCategory, OtherCurrency, BadJson, Truncated, BadSignature];
        Self::NAMES.iter().position(|n| *n == name).map(|i| all[i])
    }
}

impl Faults {
    /// Refuses an unknown `invalid_menu` kind rather than silently serving a good menu.
    pub fn check(&self) -> Result<(), String> {
        match self.invalid_menu.as_deref() {
            Some(k) if InvalidMenu::parse(k).is_none() => Err(format!("invalid_menu {k:?}: one of {}", InvalidMenu::NAMES.join(", "))),
            _ => Ok(()),
        }
    }

    pub fn invalid_menu(&self) -> Option<InvalidMenu> {
        self.invalid_menu.as_deref().and_then(InvalidMenu::parse)
    }
}

/// `/menu`'s document spoiled as `kind` asks (bad_signature leaves it intact: the
/// server signs it with a wrong key). The result is still signed over what is sent,
/// so only the counter's own validation can catch it.
pub fn spoil_menu(kind: InvalidMenu, menu: &MenuSnapshot, body: &Bytes, currency: &str) -> Bytes {
    let structural = |f: &dyn Fn(&mut Value)| {
        let mut doc = serde_json::to_value(menu).expect("menus serialize");
        f(&mut doc);
        Bytes::from(serde_json::to_vec(&doc).expect("values serialize"))
    };
    match kind {
        InvalidMenu::NegativePrice | InvalidMenu::UnknownCategory => structural(&|doc| spoil_an_item(kind, &mut doc["items"], menu)),
        InvalidMenu::OtherCurrency => structural(&|doc| doc["currency"] = json!(other_currency(currency))),
        InvalidMenu::BadJson | InvalidMenu::Truncated => spoil_text(kind, body),
        InvalidMenu::BadSignature => body.clone(),
    }
}

/// A change set spoiled as `kind` asks, or None for "answer 410": a change set carries
/// no currency, so the way to serve a menu in another currency is to send the counter
/// to the full snapshot, which is spoiled.
pub fn spoil_changes(kind: InvalidMenu, mut changes: Value, current: &MenuSnapshot) -> Option<Bytes> {
    let bytes = |v: &Value| Bytes::from(serde_json::to_vec(v).expect("values serialize"));
    match kind {
        InvalidMenu::NegativePrice | InvalidMenu::UnknownCategory => {
            spoil_an_item(kind, &mut changes["upserts"]["items"], current);
            Some(bytes(&changes))
        }
        InvalidMenu::OtherCurrency => None,
        InvalidMenu::BadJson | InvalidMenu::Truncated => Some(spoil_text(kind, &bytes(&changes))),
        InvalidMenu::BadSignature => Some(bytes(&changes)),
    }
}

/// Spoils the first item of `items`, adding one (from the menu, or made up) if empty.
fn spoil_an_item(kind: InvalidMenu, items: &mut Value, menu: &MenuSnapshot) {
    let list = items.as_array_mut().expect("items is an array");
    if list.is_empty() {
        list.push(match menu.items.first() {
            Some(item) => serde_json::to_value(item).expect("items serialize"),
            None => json!({"id": "i-spoiled", "category_id": "c-spoiled", "name": "Spoiled", "price": 1000,
                           "tax_rate_bp": 800, "option_group_ids": []}),
        });
    }
    match kind {
        InvalidMenu::NegativePrice => list[0]["price"] = json!(-1000),
        _ => list[0]["category_id"] = json!("c-does-not-exist"),
    }
}

fn spoil_text(kind: InvalidMenu, body: &Bytes) -> Bytes {
    match kind {
        // Still the whole document, with a syntax error at its start.
        InvalidMenu::BadJson => {
            let mut v = b"{,,".to_vec();
            v.extend_from_slice(body.get(1..).unwrap_or_default());
            Bytes::from(v)
        }
        // Cut in the middle, with a Content-Length that matches: only the JSON is short.
        _ => body.slice(..body.len() / 2),
    }
}

fn other_currency(currency: &str) -> &'static str {
    if currency == "USD" {
        "EUR"
    } else {
        "USD"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quay_core::{Currency, Menu};

    #[test]
    fn every_spoiled_menu_is_refused_by_the_counters_validation() {
        let menu = quay_core::synth::menu(10, 3);
        let body = Bytes::from(serde_json::to_vec(&menu).unwrap());
        assert!(Menu::from_json(&body, Currency::Vnd).is_ok());
        for name in InvalidMenu::NAMES.iter().filter(|n| **n != "bad_signature") {
            let spoiled = spoil_menu(InvalidMenu::parse(name).unwrap(), &menu, &body, "VND");
            assert!(Menu::from_json(&spoiled, Currency::Vnd).is_err(), "{name}");
        }
    }

    #[test]
    fn unknown_kinds_are_refused() {
        let f = Faults { invalid_menu: Some("negative-price".into()), ..Faults::default() };
        assert!(f.check().is_err());
        let f: Faults = serde_json::from_str(r#"{"invalid_menu": "truncated"}"#).unwrap();
        assert_eq!(f.invalid_menu(), Some(InvalidMenu::Truncated));
        assert!(serde_json::from_str::<Faults>(r#"{"dwon": true}"#).is_err());
    }
}
