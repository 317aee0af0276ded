//! Sales batches: stored once by id, each sale checked as a strict hub checks it.

use crate::common;

use common::{sale, sale_id, sandbox, void_of};
use serde_json::{json, Value};

fn results(r: &common::Resp) -> Vec<Value> {
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    r.json()["results"].as_array().unwrap().clone()
}

#[test]
fn a_valid_sale_is_stored_once_and_a_resend_is_a_duplicate() {
    let c = sandbox();
    let r = results(&c.post_sales(&[sale(1)]));
    assert_eq!(r, [json!({"id": sale_id(1), "status": "stored"})]);
    let r = results(&c.post_sales(&[sale(1), sale(2)]));
    assert_eq!(r[0], json!({"id": sale_id(1), "status": "duplicate"}));
    assert_eq!(r[1]["status"], "stored");
    let s = c.hub.stats();
    assert_eq!((s.stored, s.duplicates, s.rejected, s.batches, s.stored_total), (2, 1, 0, 2, 350_000));
    let stored = c.hub.stored_sales();
    assert_eq!(stored.len(), 2);
    assert_eq!(stored[0], sale(1));
}

#[test]
fn a_duplicate_within_one_batch_is_stored_once() {
    let c = sandbox();
    let r = results(&c.post_sales(&[sale(1), sale(1)]));
    assert_eq!((r[0]["status"].as_str(), r[1]["status"].as_str()), (Some("stored"), Some("duplicate")));
    assert_eq!(c.hub.stored_sales().len(), 1);
}

fn rejected_for(c: &common::Counter, s: Value) -> String {
    let r = results(&c.post_sales(&[s]));
    assert_eq!(r[0]["status"], "rejected", "{r:?}");
    assert_eq!(r[0]["error"]["code"], "invalid");
    r[0]["error"]["message"].as_str().unwrap().to_string()
}

#[test]
fn invalid_sales_are_rejected_with_a_reason_and_not_stored() {
    let c = sandbox();
    let mut wrong_line = sale(1);
    wrong_line["lines"][0]["line_total"] = json!(100_000);
    assert!(rejected_for(&c, wrong_line).contains("line_total"));

    let mut wrong_tax = sale(2);
    wrong_tax["tax_total"] = json!(13_000);
    assert!(rejected_for(&c, wrong_tax).contains("tax_total"));

    let mut short_tenders = sale(3);
    short_tenders["tenders"] = json!([{"kind": "card", "amount": 100000}, {"kind": "voucher", "partner": "momo", "amount": 50000}]);
    assert!(rejected_for(&c, short_tenders).contains("tenders"));

    let mut dollars = sale(4);
    dollars["currency"] = json!("USD");
    assert!(rejected_for(&c, dollars).contains("currency"));

    let mut float_qty = sale(5);
    float_qty["lines"][1]["qty"] = json!(1.0);
    assert!(rejected_for(&c, float_qty).contains("integer"));

    let mut no_id = sale(6);
    no_id.as_object_mut().unwrap().remove("id");
    let r = results(&c.post_sales(&[no_id]));
    assert_eq!((r[0]["id"].clone(), r[0]["status"].as_str()), (Value::Null, Some("rejected")));

    let s = c.hub.stats();
    assert_eq!((s.stored, s.rejected, s.stored_total), (0, 6, 0));
    assert!(c.hub.stored_sales().is_empty());
    // A corrected sale with the same id is stored: a rejection does not reserve an id.
    assert_eq!(results(&c.post_sales(&[sale(1)]))[0]["status"], "stored");
}

#[test]
fn per_line_vat_rounding_is_accepted() {
    let c = sandbox();
    let mut s = sale(1);
    s["tax_total"] = json!(14_058); // VAT taken out line by line, one unit off
    assert_eq!(results(&c.post_sales(&[s]))[0]["status"], "stored");
}

#[test]
fn each_sale_of_a_batch_is_judged_alone() {
    let c = sandbox();
    let mut bad = sale(2);
    bad["total"] = json!(1);
    let r = results(&c.post_sales(&[sale(1), bad, sale(3)]));
    let statuses: Vec<&str> = r.iter().map(|x| x["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["stored", "rejected", "stored"]);
}

#[test]
fn a_void_names_a_stored_sale_and_comes_once() {
    let c = sandbox();
    assert!(rejected_for(&c, void_of(1, 101)).contains("no sale stored"));
    // A sale and its void in one batch: processed in order.
    let r = results(&c.post_sales(&[sale(1), void_of(1, 101)]));
    assert_eq!((r[0]["status"].as_str(), r[1]["status"].as_str()), (Some("stored"), Some("stored")));
    assert!(rejected_for(&c, void_of(1, 102)).contains("already voided"));
    // Resending the void itself is a duplicate, not a second void.
    assert_eq!(results(&c.post_sales(&[void_of(1, 101)]))[0]["status"], "duplicate");
    let mut pays_nothing_back = void_of(2, 201);
    pays_nothing_back["tenders"] = json!([]);
    results(&c.post_sales(&[sale(2)]));
    assert_eq!(results(&c.post_sales(&[pays_nothing_back]))[0]["status"], "stored");
    let mut not_negated = void_of(3, 301);
    not_negated["lines"].as_array_mut().unwrap().pop();
    not_negated["total"] = json!(-110_000);
    not_negated["tax_total"] = json!(-8_148);
    not_negated["tenders"][0] = json!({"kind": "cash", "amount": -110000, "tendered": -110000, "change": 0});
    results(&c.post_sales(&[sale(3)]));
    assert!(rejected_for(&c, not_negated).contains("negates"));
    assert_eq!(c.hub.stats().stored_total, 175_000);
}

#[test]
fn a_batch_holds_1_to_500_sales() {
    let c = sandbox();
    for (n, expected) in [(0, 400), (501, 400), (500, 200)] {
        let sales: Vec<Value> = (0..n).map(|i| sale(1_000 + i)).collect();
        let r = c.post_sales(&sales);
        assert_eq!(r.status, expected, "{n} sales");
        if expected == 400 {
            assert_eq!(r.error_code(), "invalid");
        }
    }
    assert_eq!(c.hub.stats().stored, 500);
    for body in [&b"not json"[..], br#"{"sale": []}"#, br#"[]"#] {
        let r = c.call("POST", "/sales/batch", body, &[]);
        assert_eq!((r.status, r.error_code().as_str()), (400, "invalid"));
    }
}

#[test]
fn admin_endpoints_show_stats_and_sales() {
    let c = sandbox();
    c.post_sales(&[sale(1)]);
    let stats = c.admin("GET", "/admin/stats", "").json();
    assert_eq!(
        (stats["stored"].as_u64(), stats["stored_total"].as_i64(), stats["menu_version"].as_u64()),
        (Some(1), Some(175_000), Some(1))
    );
    let sales = c.admin("GET", "/admin/sales", "").json();
    assert_eq!(sales, json!([sale(1)]));
    let menu = serde_json::to_string(&quay_core::synth::menu(5, 0)).unwrap();
    assert_eq!(c.admin("POST", "/admin/menu", &menu).json(), json!({"version": 2}));
    assert_eq!(c.admin("POST", "/admin/menu", r#"{"version": 1}"#).status, 400);
    assert_eq!(c.hub.stats().menu_version, 2);
}
