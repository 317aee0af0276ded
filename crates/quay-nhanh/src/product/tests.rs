use super::*;
use quay_core::menu::{Menu, MenuSnapshot};
use quay_core::money::Currency;
use serde_json::json;

fn cats() -> Vec<NhanhCategory> {
    serde_json::from_value(json!([
        {"id": 10, "parentId": 0, "code": "DRK", "name": "Đồ uống", "order": 2, "status": 1},
        {"id": 11, "parentId": 10, "code": "CF", "name": "", "order": 1, "status": 1},
        {"id": 12, "name": "Bánh", "order": 3}
    ]))
    .unwrap()
}

fn product(extra: Value) -> Product {
    let mut base = json!({"id": 5012, "name": "Cà phê sữa", "code": "CF-01", "barcode": "8930001", "status": 2, "type": 1,
        "categoryId": 10, "priceVatMode": 1, "vat": 10, "prices": {"retail": 29000}});
    for (k, v) in extra.as_object().unwrap() {
        base[k] = v.clone();
    }
    serde_json::from_value(base).unwrap()
}

#[derive(Debug, PartialEq)]
enum Want {
    /// price, tax_rate_bp, available, category id
    Item(i64, u32, bool, &'static str),
    Skip(SkipReason),
    Hidden,
}

fn one(p: Product, depot: Option<i64>) -> Want {
    let r = to_menu(&[p], &cats(), depot);
    if r.hidden == 1 {
        return Want::Hidden;
    }
    if let Some(s) = r.skipped.first() {
        return Want::Skip(s.reason.clone());
    }
    let it = &r.items[0];
    let cat: &'static str = Box::leak(it.category_id.clone().into_boxed_str());
    Want::Item(it.price, it.tax_rate_bp, it.available, cat)
}

#[test]
fn one_product_each_rule() {
    use SkipReason as S;
    let cases: Vec<(Value, Option<i64>, Want)> = vec![
        // price modes and VAT
        (json!({}), None, Want::Item(29000, 1000, true, "nh-c10")),
        (json!({"priceVatMode": 2, "prices": {"retail": 100000}}), None, Want::Item(110000, 1000, true, "nh-c10")),
        (json!({"priceVatMode": null, "prices": {"retail": 100000}}), None, Want::Item(110000, 1000, true, "nh-c10")),
        (json!({"priceVatMode": 2, "vat": 8, "prices": {"retail": 45455}}), None, Want::Item(49091, 800, true, "nh-c10")),
        (json!({"priceVatMode": 2, "vat": 10, "prices": {"retail": 45455}}), None, Want::Item(50001, 1000, true, "nh-c10")),
        (json!({"priceVatMode": 2, "vat": 5.5, "prices": {"retail": 10000}}), None, Want::Item(10550, 550, true, "nh-c10")),
        (json!({"priceVatMode": 1, "vat": 5.5}), None, Want::Item(29000, 550, true, "nh-c10")),
        (json!({"priceVatMode": 2, "vat": -1, "prices": {"retail": 10000}}), None, Want::Item(10000, 0, true, "nh-c10")),
        (json!({"priceVatMode": 2, "vat": -2, "prices": {"retail": 10000}}), None, Want::Item(10000, 0, true, "nh-c10")),
        (json!({"priceVatMode": 2, "vat": -100, "prices": {"retail": 10000}}), None, Want::Item(10000, 0, true, "nh-c10")),
        (json!({"priceVatMode": 2, "vat": null, "prices": {"retail": 10000}}), None, Want::Item(10000, 0, true, "nh-c10")),
        (
            json!({"priceVatMode": 2, "vat": null, "prices": {"retail": 10000, "retailVat": 8}}),
            None,
            Want::Item(10800, 800, true, "nh-c10"),
        ),
        (json!({"vat": -5}), None, Want::Skip(S::BadVat { text: "-5".into() })),
        (json!({"vat": 5.555}), None, Want::Skip(S::BadVat { text: "5.555".into() })),
        (json!({"vat": 150}), None, Want::Skip(S::BadVat { text: "150".into() })),
        (json!({"prices": {"retail": 29000.0}}), None, Want::Item(29000, 1000, true, "nh-c10")),
        (json!({"prices": {"retail": "29000"}}), None, Want::Item(29000, 1000, true, "nh-c10")),
        (json!({"prices": {"retail": 0}}), None, Want::Item(0, 1000, true, "nh-c10")),
        (json!({"prices": null, "price": 15000}), None, Want::Item(15000, 1000, true, "nh-c10")),
        // bad prices
        (json!({"prices": {"retail": -1000}}), None, Want::Skip(S::NegativePrice { text: "-1000".into() })),
        (json!({"prices": {"retail": 29000.5}}), None, Want::Skip(S::FractionalPrice { text: "29000.5".into() })),
        (json!({"prices": {"retail": "abc"}}), None, Want::Skip(S::BadPrice { text: "abc".into() })),
        (json!({"prices": {}}), None, Want::Skip(S::NoPrice)),
        // names, types, categories
        (json!({"name": "  "}), None, Want::Skip(S::EmptyName)),
        (json!({"name": null}), None, Want::Skip(S::EmptyName)),
        (json!({"type": 2}), None, Want::Skip(S::Voucher)),
        (json!({"parentId": -2}), None, Want::Skip(S::VariantParent)),
        (json!({"parentId": -1}), None, Want::Item(29000, 1000, true, "nh-c10")),
        (json!({"categoryId": 99}), None, Want::Skip(S::UnknownCategory { category_id: 99 })),
        (json!({"categoryId": 0}), None, Want::Item(29000, 1000, true, "nh-c0")),
        (json!({"categoryId": null}), None, Want::Item(29000, 1000, true, "nh-c0")),
        (json!({"categoryId": "11"}), None, Want::Item(29000, 1000, true, "nh-c11")),
        // status and stock
        (json!({"status": 3}), None, Want::Hidden),
        (json!({"status": "Inactive", "prices": {"retail": -1}}), None, Want::Hidden),
        (json!({"status": 1}), None, Want::Item(29000, 1000, true, "nh-c10")),
        (json!({"status": 4}), None, Want::Item(29000, 1000, false, "nh-c10")),
        (json!({"status": "OutOfStock"}), Some(7), Want::Item(29000, 1000, false, "nh-c10")),
        (
            json!({"inventory": {"depots": [{"id": 7, "remain": 5, "holding": 1, "available": 4}]}}),
            Some(7),
            Want::Item(29000, 1000, true, "nh-c10"),
        ),
        (json!({"inventory": {"depots": [{"id": 7, "remain": 5, "available": 0}]}}), Some(7), Want::Item(29000, 1000, false, "nh-c10")),
        (json!({"inventory": {"depots": [{"id": 7, "available": -2}]}}), Some(7), Want::Item(29000, 1000, false, "nh-c10")),
        (json!({"inventory": {"depots": [{"depotId": 7, "remain": 3, "holding": 1}]}}), Some(7), Want::Item(29000, 1000, true, "nh-c10")),
        (json!({"inventory": {"depots": [{"id": 7, "remain": 3, "holding": 3}]}}), Some(7), Want::Item(29000, 1000, false, "nh-c10")),
        (json!({"inventory": {"depots": {"7": {"available": 2}}}}), Some(7), Want::Item(29000, 1000, true, "nh-c10")),
        (json!({"inventory": {"depots": [{"id": 8, "available": 9}]}}), Some(7), Want::Item(29000, 1000, false, "nh-c10")),
        (json!({"inventory": {"depots": [{"id": 8, "available": 9}]}}), None, Want::Item(29000, 1000, true, "nh-c10")),
        (json!({"inventory": null}), Some(7), Want::Item(29000, 1000, false, "nh-c10")),
        (json!({"type": 6, "inventory": null}), Some(7), Want::Item(29000, 1000, true, "nh-c10")),
        (json!({"type": 9}), Some(7), Want::Item(29000, 1000, true, "nh-c10")),
        (json!({"type": 9, "status": 4}), Some(7), Want::Item(29000, 1000, false, "nh-c10")),
        // weighed
        (
            json!({"type": 3, "inventory": {"remain": 4, "depots": [{"id": 7, "available": 4.0}]}}),
            Some(7),
            Want::Item(29000, 1000, true, "nh-c10"),
        ),
        (
            json!({"type": 3, "inventory": {"remain": 4.5, "depots": [{"id": 7, "available": 4.5}]}}),
            Some(7),
            Want::Skip(S::WeighedFractional { text: "4.5".into() }),
        ),
        (
            json!({"type": 3, "inventory": {"depots": [{"id": 8, "remain": 0.25}]}}),
            None,
            Want::Skip(S::WeighedFractional { text: "0.25".into() }),
        ),
    ];
    for (extra, depot, want) in cases {
        let p = product(extra.clone());
        assert_eq!(one(p, depot), want, "{extra} depot {depot:?}");
    }
}

#[test]
fn item_fields_and_ids() {
    let r = to_menu(&[product(json!({"barcode": ""})), product(json!({"id": 5013, "code": " ", "barcode": "893"}))], &cats(), None);
    assert_eq!(r.items[0].id, "nh-5012");
    assert_eq!(r.items[0].sku.as_deref(), Some("CF-01"));
    assert_eq!(r.items[0].barcode, None);
    assert_eq!(r.items[1].sku, None);
    assert_eq!(r.items[1].barcode.as_deref(), Some("893"));
    assert_eq!((r.items[0].sort, r.items[1].sort), (0, 1));
    assert_eq!(item_id(5012), "nh-5012");
    for (id, want) in
        [("nh-5012", Some(5012)), ("nh-0", Some(0)), ("nh-", None), ("nh-01", None), ("nh-c10", None), ("5012", None), ("nh--1", None)]
    {
        assert_eq!(product_id(id), want, "{id}");
    }
    assert_eq!(category_id(0), "nh-c0");
}

#[test]
fn a_whole_import_never_fails_and_makes_a_valid_menu() {
    let products: Vec<Product> = serde_json::from_value(json!([
        {"id": 1, "name": "Trà đá", "categoryId": 10, "priceVatMode": 1, "vat": 8, "prices": {"retail": 5000}, "barcode": "111"},
        {"id": 2, "name": "Áo (cha)", "parentId": -2, "categoryId": 12, "prices": {"retail": 1}},
        {"id": 3, "name": "Bánh mì", "parentId": 20, "categoryId": 12, "priceVatMode": 1, "prices": {"retail": 20000}},
        {"id": 20, "name": "Bánh mì (cha)", "categoryId": 12, "priceVatMode": 1, "prices": {"retail": 20000}},
        {"id": 4, "name": "Phiếu quà", "type": 2, "prices": {"retail": 100000}},
        {"id": 5, "name": "Ẩn", "status": 3, "prices": {"retail": 1}},
        {"id": 6, "name": "Âm", "categoryId": 10, "prices": {"retail": -1}},
        {"id": 7, "name": "Không nhóm", "priceVatMode": 1, "prices": {"retail": 7000}, "barcode": "777"},
        {"id": 8, "name": "Không nhóm 2", "priceVatMode": 1, "prices": {"retail": 7000}, "barcode": "777"},
        {"id": 1, "name": "Trà đá (mới)", "categoryId": 10, "priceVatMode": 1, "vat": 8, "prices": {"retail": 6000}, "barcode": "111"}
    ]))
    .unwrap();
    let r = to_menu_with(&products, &cats(), &ImportOptions { depot: None, other_category_name: Some("Other".into()) });
    let ids: Vec<&str> = r.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, vec!["nh-3", "nh-7", "nh-1"]);
    assert_eq!(r.items[2].price, 6000, "the last row of an id wins");
    assert_eq!(r.hidden, 1);
    let skipped: Vec<(i64, &str)> = r.skipped.iter().map(|s| (s.product_id, s.reason.code())).collect();
    assert_eq!(
        skipped,
        vec![
            (2, "nhanh-skip-variant-parent"),
            (20, "nhanh-skip-variant-parent"),
            (4, "nhanh-skip-voucher"),
            (6, "nhanh-skip-negative-price"),
            (8, "nhanh-skip-duplicate-barcode"),
        ]
    );
    assert_eq!(r.skipped[4].reason, SkipReason::DuplicateBarcode { barcode: "777".into(), item: "nh-7".into() });
    let cat_ids: Vec<(&str, &str)> = r.categories.iter().map(|c| (c.id.as_str(), c.name.as_str())).collect();
    assert_eq!(cat_ids, vec![("nh-c10", "Đồ uống"), ("nh-c12", "Bánh"), ("nh-c0", "Other")]);
    let snapshot = MenuSnapshot {
        version: 1,
        currency: "VND".into(),
        updated_at: None,
        categories: r.categories.clone(),
        option_groups: vec![],
        items: r.items.clone(),
    };
    Menu::new(snapshot, Currency::Vnd).expect("the import is a valid menu");
    let named = to_menu(&products, &cats(), None);
    assert_eq!(named.categories.last().unwrap().name, OTHER_CATEGORY_NAME);
}

#[test]
fn category_names_fall_back() {
    let p = product(json!({"categoryId": 11}));
    let r = to_menu(&[p], &cats(), None);
    assert_eq!(r.categories[0].name, "CF");
    let bare: Vec<NhanhCategory> = serde_json::from_value(json!([{"id": 11}])).unwrap();
    let r = to_menu(&[product(json!({"categoryId": 11}))], &bare, None);
    assert_eq!(r.categories[0].name, "#11");
}

#[test]
fn nested_categories_flatten() {
    let data = json!([{"id": 1, "name": "A", "children": [{"id": 2, "name": "B", "parentId": 1, "children": [{"id": 3, "name": "C"}]}]}, {"id": 4, "name": "D"}]);
    let ids: Vec<i64> = categories_from(&data).unwrap().iter().map(|c| c.id).collect();
    assert_eq!(ids, vec![1, 2, 3, 4]);
}

#[test]
fn stock_rows_from_webhooks() {
    let cases: Vec<(Value, Option<i64>, Option<bool>)> = vec![
        (json!({"id": 1, "depots": [{"id": 7, "available": 3}]}), Some(7), Some(true)),
        (json!({"id": 1, "depots": [{"id": 7, "available": 0}]}), Some(7), Some(false)),
        (json!({"id": 1, "depots": [{"id": 7, "remain": 2, "holding": 2}]}), Some(7), Some(false)),
        (json!({"id": 1, "depots": [{"depotId": 7, "remain": 2, "holding": 1}]}), Some(7), Some(true)),
        (json!({"id": 1, "depots": [{"id": 8, "available": 3}]}), Some(7), None),
        (json!({"id": 1, "inventory": {"depots": [{"id": 7, "available": 1}]}}), Some(7), Some(true)),
        (json!({"productId": "1", "depots": {"7": {"available": 0.5}}}), Some(7), Some(true)),
        (json!({"id": 1, "available": 0, "depots": [{"id": 7, "available": 3}]}), None, Some(false)),
        (json!({"id": 1, "depots": [{"id": 7, "available": 0}, {"id": 8, "available": 2}]}), None, Some(true)),
        (json!({"id": 1}), None, None),
    ];
    for (v, depot, want) in cases {
        let row: InventoryRow = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(stock_change(&row, depot), want, "{v} depot {depot:?}");
    }
    assert!(serde_json::from_value::<InventoryRow>(json!({"depots": []})).is_err());
}

#[test]
fn skip_reasons_are_localized() {
    let r = SkipReason::UnknownCategory { category_id: 9 };
    assert_eq!(r.code(), "nhanh-skip-unknown-category");
    assert_eq!(r.args(), vec![("category", Arg::Text("9".into()))]);
}
