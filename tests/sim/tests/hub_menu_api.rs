//! The menu: full snapshot with ETag/304, and change sets between published versions.

use crate::common;

use common::{sandbox, sandbox_with};
use quay_core::{Currency, Menu};
use serde_json::json;

#[test]
fn the_menu_is_served_with_an_etag_and_304_when_unchanged() {
    let c = sandbox();
    let r = c.call("GET", "/menu", b"", &[]);
    assert_eq!((r.status, r.header("ETag")), (200, Some("\"1\"")));
    let menu = Menu::from_json(&r.body, Currency::Vnd).expect("a valid menu");
    assert_eq!(menu.items().len(), 30);

    let r = c.call("GET", "/menu", b"", &[("If-None-Match", "\"1\"")]);
    assert_eq!((r.status, r.body.len(), r.header("ETag")), (304, 0, Some("\"1\"")));
    assert_eq!(c.call("GET", "/menu", b"", &[("If-None-Match", "\"0\"")]).status, 200);

    let mut next = quay_core::synth::menu(30, 0);
    next.items[0].price += 1_000;
    assert_eq!(c.hub.publish_menu(next), 2);
    let r = c.call("GET", "/menu", b"", &[("If-None-Match", "\"1\"")]);
    assert_eq!((r.status, r.header("ETag")), (200, Some("\"2\"")));
    assert_eq!(r.json()["version"], 2);
    assert_eq!(c.hub.stats().menu_version, 2);
}

#[test]
fn changes_hold_exactly_what_changed_and_what_was_deleted() {
    let c = sandbox_with(quay_core::synth::menu(10, 5));
    let v5 = quay_core::synth::menu(10, 5);
    let mut v6 = v5.clone();
    v6.items[2].price = 99_000;
    v6.items.retain(|i| i.id != "i-7");
    assert_eq!(c.hub.publish_menu(v6.clone()), 6);
    let mut v7 = v6.clone();
    let mut new_item = v7.items[0].clone();
    new_item.id = "i-new".into();
    new_item.barcode = None;
    v7.items.push(new_item);
    v7.option_groups[2].options.pop();
    assert_eq!(c.hub.publish_menu(v7), 7);

    let r = c.call("GET", "/menu/changes?since=5", b"", &[]);
    assert_eq!(r.status, 200);
    let ch = r.json();
    assert_eq!((ch["from"].clone(), ch["to"].clone()), (json!(5), json!(7)));
    let ids = |v: &serde_json::Value| v.as_array().unwrap().iter().map(|x| x["id"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    assert_eq!(ids(&ch["upserts"]["items"]), ["i-2", "i-new"]);
    assert_eq!(ch["upserts"]["items"][0]["price"], 99_000);
    assert_eq!(ids(&ch["upserts"]["option_groups"]), ["g-top"]);
    assert_eq!(ch["upserts"]["categories"], json!([]));
    assert_eq!(ch["deletes"], json!({"categories": [], "option_groups": [], "items": ["i-7"]}));

    let ch = c.call("GET", "/menu/changes?since=6", b"", &[]).json();
    assert_eq!(ids(&ch["upserts"]["items"]), ["i-new"]);
    assert_eq!(ch["deletes"]["items"], json!([]));

    let ch = c.call("GET", "/menu/changes?since=7", b"", &[]).json();
    assert_eq!(
        ch,
        json!({"from": 7, "to": 7, "upserts": {"categories": [], "option_groups": [], "items": []},
                          "deletes": {"categories": [], "option_groups": [], "items": []}})
    );
}

#[test]
fn a_bad_since_is_invalid_and_a_forgotten_one_is_gone() {
    let c = sandbox();
    c.hub.publish_menu(quay_core::synth::menu(30, 0));
    c.hub.publish_menu(quay_core::synth::menu(31, 0));
    for q in ["?since=4", "?since=abc", "?since=-1", "", "?since=1&since=2", "?since="] {
        let r = c.call("GET", &format!("/menu/changes{q}"), b"", &[]);
        assert_eq!((r.status, r.error_code().as_str()), (400, "invalid"), "{q}");
    }
    assert_eq!(c.call("GET", "/menu/changes?since=0", b"", &[]).error_code(), "gone", "before the first version");
    assert_eq!(c.call("GET", "/menu/changes?since=1", b"", &[]).status, 200);
    c.hub.forget_versions_before(3);
    let r = c.call("GET", "/menu/changes?since=1", b"", &[]);
    assert_eq!((r.status, r.error_code().as_str()), (410, "gone"));
    assert_eq!(c.call("GET", "/menu/changes?since=2", b"", &[]).status, 410);
    assert_eq!(c.call("GET", "/menu/changes?since=3", b"", &[]).status, 200);
}

#[test]
fn only_the_last_versions_are_kept() {
    let c = sandbox();
    for n in 0..quay_sim::MENU_VERSIONS_KEPT {
        c.hub.publish_menu(quay_core::synth::menu(30 + n, 0));
    }
    let current = 1 + quay_sim::MENU_VERSIONS_KEPT as u64;
    assert_eq!(c.call("GET", "/menu/changes?since=1", b"", &[]).status, 410);
    let ch = c.call("GET", "/menu/changes?since=2", b"", &[]).json();
    assert_eq!(ch["to"], current);
    assert_eq!(ch["upserts"]["items"].as_array().unwrap().len(), quay_sim::MENU_VERSIONS_KEPT - 1);
}

#[test]
#[should_panic(expected = "publish_menu")]
fn an_invalid_menu_is_never_published() {
    let c = sandbox();
    let mut bad = quay_core::synth::menu(3, 0);
    bad.items[0].category_id = "c-nowhere".into();
    c.hub.publish_menu(bad);
}
