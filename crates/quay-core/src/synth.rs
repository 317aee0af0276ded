//! Synthetic menus of any size, deterministic, in the hub's format: for benchmarks, load
//! tests and the simulator's large-menu mode. Names are Vietnamese with diacritics so
//! that search folding does real work.

use std::collections::BTreeMap;

use crate::menu::{Category, Item, MenuSnapshot, OptionChoice, OptionGroup};
use crate::menu_changes::{MenuChanges, Upserts};

const WORDS: &[&str] = &[
    "Cà phê",
    "sữa",
    "đá",
    "nóng",
    "Trà",
    "đào",
    "cam",
    "sả",
    "vải",
    "Phở",
    "bò",
    "gà",
    "Bánh",
    "mì",
    "thịt",
    "Bún",
    "chả",
    "Cơm",
    "tấm",
    "sườn",
    "Sinh tố",
    "bơ",
    "xoài",
    "dâu",
    "Nước",
    "ép",
    "dừa",
    "Chè",
    "đậu",
    "xanh",
    "Gỏi",
    "cuốn",
    "tôm",
    "Mì",
    "Quảng",
    "Huế",
    "muối",
    "trứng",
    "cốt",
    "lạnh",
];

/// A menu of `n_items` items over 24 categories, with size/sugar/topping groups.
pub fn menu(n_items: usize, version: u64) -> MenuSnapshot {
    let categories =
        (0..24).map(|c| Category { id: format!("c-{c}"), name: format!("Nhóm {c}"), names: BTreeMap::new(), sort: c }).collect();
    let group = |id: &str, name: &str, min, max, opts: &[(&str, &str, i64)]| OptionGroup {
        id: id.into(),
        name: name.into(),
        names: BTreeMap::new(),
        min,
        max,
        options: opts
            .iter()
            .map(|(oid, n, d)| OptionChoice { id: (*oid).into(), name: (*n).into(), names: BTreeMap::new(), price_delta: *d })
            .collect(),
    };
    let option_groups = vec![
        group("g-size", "Cỡ", 1, 1, &[("o-s", "Nhỏ", 0), ("o-m", "Vừa", 5_000), ("o-l", "Lớn", 10_000)]),
        group("g-sugar", "Đường", 1, 1, &[("o-s0", "0%", 0), ("o-s50", "50%", 0), ("o-s100", "100%", 0)]),
        group(
            "g-top",
            "Topping",
            0,
            3,
            &[("o-pearl", "Trân châu", 5_000), ("o-jelly", "Thạch", 5_000), ("o-cheese", "Kem cheese", 10_000)],
        ),
    ];
    let items = (0..n_items)
        .map(|i| {
            let w = |k: usize| WORDS[(i * 7 + k * 13 + i / 40) % WORDS.len()];
            let mut names = BTreeMap::new();
            names.insert("en".to_string(), format!("Item {i}"));
            Item {
                id: format!("i-{i}"),
                sku: Some(format!("SKU-{i:05}")),
                category_id: format!("c-{}", i % 24),
                name: format!("{} {} {} {i}", w(0), w(1), w(2)),
                names,
                price: 20_000 + (i as i64 % 60) * 1_000,
                tax_rate_bp: if i % 10 == 0 { 1_000 } else { 800 },
                available: i % 50 != 0,
                option_group_ids: match i % 3 {
                    0 => vec!["g-size".into(), "g-sugar".into(), "g-top".into()],
                    1 => vec!["g-size".into()],
                    _ => vec![],
                },
                barcode: Some(format!("2{:012}", i)),
                sort: i as i64,
            }
        })
        .collect();
    MenuSnapshot { version, currency: "VND".into(), updated_at: Some("2026-11-20T08:00:00+07:00".into()), categories, option_groups, items }
}

/// A stock update as a connector sends it all day: `n` items spread over the menu, each
/// with its price raised by 1,000 and its availability flipped, as the next version.
pub fn stock_changes(menu: &MenuSnapshot, n: usize) -> MenuChanges {
    let step = (menu.items.len() / n.max(1)).max(1);
    let items =
        menu.items.iter().step_by(step).take(n).map(|i| Item { price: i.price + 1_000, available: !i.available, ..i.clone() }).collect();
    MenuChanges { from: menu.version, to: menu.version + 1, upserts: Upserts { items, ..Upserts::default() }, deletes: Default::default() }
}

#[cfg(test)]
mod tests {
    #[test]
    fn synthetic_menus_are_valid() {
        let m = crate::Menu::new(super::menu(2_000, 7), crate::Currency::Vnd).unwrap();
        assert_eq!(m.items().len(), 2_000);
        assert!(!m.search("ca phe", 5).is_empty());
    }
}
