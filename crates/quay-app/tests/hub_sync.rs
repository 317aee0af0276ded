//! The counter against the hub simulator on loopback, for every fault the hub issue names:
//! menu down (full, changes, gone, 304, invalid documents, bad signatures), sales up
//! (batches, hub down, 500s, a lost answer after storing, rejections), signing both ways
//! and a counter clock minutes off.

use std::path::Path;

use quay_app::ring::{parse_line, Pay};
use quay_app::sync::{self, MenuSyncOutcome};
use quay_app::Counter;
use quay_core::menu::MenuSnapshot;
use quay_sim::{Faults, HubConfig, RunningHub};
use tempfile::TempDir;

const DEMO: &[u8] = include_bytes!("../../../assets/demo-menu.json");

fn demo() -> MenuSnapshot {
    MenuSnapshot::from_json(DEMO).unwrap()
}

fn configure(c: &Counter, hub: &RunningHub, key1: &[u8], key2: &[u8]) {
    c.set_setting(sync::HUB_URL, &hub.url).unwrap();
    c.set_setting(sync::HUB_POS_PARENT, HubConfig::SANDBOX_POS_PARENT).unwrap();
    c.set_setting(sync::HUB_POS_ID, HubConfig::SANDBOX_POS_ID).unwrap();
    c.set_secret(sync::HUB_KEY1, std::str::from_utf8(key1).unwrap()).unwrap();
    c.set_secret(sync::HUB_KEY2, std::str::from_utf8(key2).unwrap()).unwrap();
}

async fn setup(config: HubConfig) -> (TempDir, Counter, RunningHub) {
    let hub = quay_sim::start(config).await;
    let dir = tempfile::tempdir().unwrap();
    let c = Counter::open(dir.path()).unwrap();
    configure(&c, &hub, HubConfig::SANDBOX_KEY1, HubConfig::SANDBOX_KEY2);
    (dir, c, hub)
}

fn ring(c: &Counter, n: usize) -> Vec<quay_core::Sale> {
    (0..n)
        .map(|i| {
            let lines = [
                parse_line(if i % 2 == 0 { "i-phobo*2+o-pho-egg" } else { "i-cfsd+o-size-l+o-sugar-50+o-ice-less" }).unwrap(),
                parse_line("i-biasaigon").unwrap(),
            ];
            c.ring(&quay_app::Who::Setup, &lines, &Pay::Cash(None)).unwrap()
        })
        .collect()
}

fn code<T: std::fmt::Debug>(r: quay_app::Result<T>) -> &'static str {
    r.expect_err("should fail").code
}

fn reopen(dir: &Path) -> Counter {
    Counter::open(dir).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn full_snapshot_first_then_changes_then_nothing() {
    let (dir, c, hub) = setup(HubConfig::sandbox(demo())).await;
    let first = c.sync_menu().await.unwrap();
    assert!(matches!(first, MenuSyncOutcome::Changed { from: None, full: true, .. }), "{first:?}");
    assert_eq!(c.menu().unwrap().items().len(), demo().items.len());
    assert!(c.menu_status().await.unwrap().in_sync);

    let mut next = demo();
    next.items.iter_mut().find(|i| i.id == "i-phobo").unwrap().price = 70_000;
    next.items.retain(|i| i.id != "i-flan");
    let mut extra = next.items[0].clone();
    extra.id = "i-new".into();
    extra.name = "Cà phê dừa mới".into();
    next.items.push(extra);
    let v = hub.publish_menu(next);
    let second = c.sync_menu().await.unwrap();
    assert_eq!(second, MenuSyncOutcome::Changed { from: Some(1), to: v, items: 3, full: false });
    assert_eq!(c.menu().unwrap().item("i-phobo").unwrap().price, 70_000);
    assert!(c.menu().unwrap().item("i-flan").is_none());
    let st = c.menu_status().await.unwrap();
    assert!(st.in_sync && st.diff.is_empty(), "{st:?}");
    assert_eq!(c.sync_menu().await.unwrap(), MenuSyncOutcome::Unchanged { version: v });
    // The applied menu survives a restart.
    drop(c);
    assert_eq!(reopen(dir.path()).menu().unwrap().version(), v);
}

#[tokio::test(flavor = "multi_thread")]
async fn gone_falls_back_to_the_full_snapshot() {
    let (_dir, c, hub) = setup(HubConfig::sandbox(demo())).await;
    c.sync_menu().await.unwrap();
    let mut m = demo();
    m.items[0].price += 1_000;
    hub.publish_menu(m.clone());
    m.items[1].price += 1_000;
    let v = hub.publish_menu(m);
    hub.forget_versions_before(v);
    let out = c.sync_menu().await.unwrap();
    assert!(matches!(out, MenuSyncOutcome::Changed { full: true, to, .. } if to == v), "{out:?}");
    assert!(c.menu_status().await.unwrap().in_sync);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_menu_from_a_file_is_replaced_whole_and_the_status_shows_differences() {
    let (_dir, c, hub) = setup(HubConfig::sandbox(demo())).await;
    c.import_menu(&quay_app::Who::Setup, DEMO).unwrap();
    let mut theirs = demo();
    theirs.items.iter_mut().find(|i| i.id == "i-cfsd").unwrap().price = 39_000;
    theirs.items.retain(|i| i.id != "i-croissant");
    hub.publish_menu(theirs);
    let st = c.menu_status().await.unwrap();
    assert!(!st.in_sync);
    assert_eq!(st.diff.changed.iter().map(|d| (d.id.as_str(), d.hub_price)).collect::<Vec<_>>(), [("i-cfsd", Some(39_000))]);
    assert_eq!(st.diff.removed.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["i-croissant"]);
    assert!(st.diff.added.is_empty());
    // The file's version means nothing to the hub: the counter takes the full snapshot.
    assert!(matches!(c.sync_menu().await.unwrap(), MenuSyncOutcome::Changed { full: true, .. }));
    assert!(c.menu_status().await.unwrap().in_sync);
}

#[tokio::test(flavor = "multi_thread")]
async fn invalid_menus_are_refused_and_the_old_one_stays() {
    let kinds = [
        ("negative_price", "err-menu-negative-price"),
        ("unknown_category", "err-menu-unknown-category"),
        ("other_currency", "err-menu-currency"),
        ("bad_json", "err-menu-json"),
        ("truncated", "err-menu-json"),
        ("bad_signature", "err-hub-signature"),
    ];
    for (kind, want) in kinds {
        // On first start (full snapshot): no menu is installed at all.
        let (_dir, c, hub) = setup(HubConfig::sandbox(demo())).await;
        hub.set_faults(Faults { invalid_menu: Some(kind.into()), ..Faults::default() });
        assert_eq!(code(c.sync_menu().await), want, "{kind} (full)");
        assert!(c.menu().is_err(), "{kind}: nothing installed");
        // After a good sync (change set): the previous menu stays, whole.
        hub.set_faults(Faults::default());
        c.sync_menu().await.unwrap();
        let before = c.menu().unwrap().content_hash();
        let mut m = demo();
        m.items[0].price += 5_000;
        hub.publish_menu(m);
        hub.set_faults(Faults { invalid_menu: Some(kind.into()), ..Faults::default() });
        assert_eq!(code(c.sync_menu().await), want, "{kind} (changes)");
        assert_eq!(c.menu().unwrap().content_hash(), before, "{kind}: the old menu stays");
        hub.set_faults(Faults::default());
        assert!(matches!(c.sync_menu().await.unwrap(), MenuSyncOutcome::Changed { full: false, .. }));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn signatures_both_ways() {
    let (dir, c, hub) = setup(HubConfig::sandbox(demo())).await;
    // A request signed with a wrong Key1 is refused by the hub.
    configure(&c, &hub, b"not-the-key1", HubConfig::SANDBOX_KEY2);
    let err = c.sync_menu().await.unwrap_err();
    assert_eq!(err.code, "err-hub-refused");
    assert!(err.detail.contains("401") && err.detail.contains("signature"), "{}", err.detail);
    assert!(hub.stats().refused_signature >= 1);
    // An answer signed with a wrong Key2 is refused by the counter.
    configure(&c, &hub, HubConfig::SANDBOX_KEY1, b"not-the-key2");
    assert_eq!(code(c.sync_menu().await), "err-hub-signature");
    configure(&c, &hub, HubConfig::SANDBOX_KEY1, HubConfig::SANDBOX_KEY2);
    hub.set_faults(Faults { bad_response_signature: true, ..Faults::default() });
    assert_eq!(code(c.sync_menu().await), "err-hub-signature");
    assert!(c.menu().is_err(), "nothing from an unsigned answer was applied");
    hub.set_faults(Faults::default());
    c.sync_menu().await.unwrap();
    // Not configured: a clear error naming what is missing.
    let other = tempfile::tempdir().unwrap();
    let bare = Counter::open(other.path()).unwrap();
    let err = bare.sync_menu().await.unwrap_err();
    assert_eq!(err.code, "err-hub-not-configured");
    assert!(bare.message(&err).contains("hub.url"));
    drop(dir);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_counter_clock_minutes_off_is_corrected_from_the_hub() {
    let (_dir, c, hub) = setup(HubConfig::sandbox(demo())).await;
    hub.set_clock_offset(11 * 60);
    c.sync_menu().await.unwrap();
    assert_eq!(hub.stats().refused_stale, 1);
    ring(&c, 3);
    assert_eq!(c.push_outbox().await.unwrap().stored, 3);
    assert_eq!(hub.stats().refused_stale, 1, "the skew is remembered");
    assert!((c.hub().unwrap().skew() - 660).abs() <= 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn sales_up_exactly_once_through_every_fault() {
    let (_dir, c, hub) = setup(HubConfig::sandbox(demo())).await;
    c.sync_menu().await.unwrap();
    let sales = ring(&c, 6);
    let void = c.void_sale(sales[0].id, "wrong table", &quay_app::Who::Setup, &quay_app::Who::Setup).unwrap();
    assert_eq!(c.sync_status().unwrap().pending, 7);

    // Hub down: nothing leaves the outbox, the error is kept for the screen.
    hub.set_faults(Faults { down: true, ..Faults::default() });
    assert_eq!(code(c.push_outbox().await), "err-hub-network");
    let st = c.sync_status().unwrap();
    assert_eq!(st.pending, 7);
    assert!(st.last_error.is_some() && st.oldest.is_some());

    // 500s: retried later, still nothing lost.
    hub.set_faults(Faults { fail_500: 1, ..Faults::default() });
    assert_eq!(code(c.push_outbox().await), "err-hub-refused");
    assert_eq!(c.sync_status().unwrap().pending, 7);

    // A slow hub is waited for (well within the client's 30 s timeout).
    hub.set_faults(Faults { slow_ms: 300, ..Faults::default() });
    let started = std::time::Instant::now();
    assert_eq!(c.sync_menu().await.unwrap(), MenuSyncOutcome::Unchanged { version: 1 });
    assert!(started.elapsed() >= std::time::Duration::from_millis(300));

    // The hub stores the batch but the answer is lost: the resend is answered duplicate.
    hub.set_faults(Faults { drop_after_store: 1, ..Faults::default() });
    assert_eq!(code(c.push_outbox().await), "err-hub-network");
    assert_eq!(hub.stats().stored, 7);
    assert_eq!(c.sync_status().unwrap().pending, 7);
    hub.set_faults(Faults::default());
    let out = c.push_outbox().await.unwrap();
    assert_eq!((out.sent, out.stored, out.duplicates, out.remaining), (7, 0, 7, 0));

    let stats = hub.stats();
    assert_eq!((stats.stored, stats.duplicates, stats.rejected), (7, 7, 0));
    let expected: i64 = sales.iter().map(|s| s.total).sum::<i64>() + void.total;
    assert_eq!(stats.stored_total, expected);
    let ids: std::collections::BTreeSet<String> = hub.stored_sales().iter().map(|s| s["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids.len(), 7);
    assert!(ids.contains(&void.id.to_string()));
    assert_eq!(c.push_outbox().await.unwrap().sent, 0, "an empty outbox sends nothing");
}

#[tokio::test(flavor = "multi_thread")]
async fn rejected_sales_stay_with_the_reason_and_are_not_resent() {
    let mut config = HubConfig::sandbox(demo());
    config.currency = "EUR".into(); // a hub that books in another currency rejects our sales
    let (_dir, c, hub) = setup(config).await;
    c.import_menu(&quay_app::Who::Setup, DEMO).unwrap();
    let sales = ring(&c, 2);
    let out = c.push_outbox().await.unwrap();
    assert_eq!((out.sent, out.rejected, out.remaining), (2, 2, 0));
    let st = c.sync_status().unwrap();
    assert_eq!(st.rejected.len(), 2);
    assert_eq!(st.rejected[0].receipt_no, sales[0].receipt_no);
    assert!(st.rejected[0].reason.contains("invalid"), "{}", st.rejected[0].reason);
    assert_eq!(c.push_outbox().await.unwrap().sent, 0);
    assert_eq!(hub.stats().rejected, 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn many_sales_go_in_batches_of_500() {
    let (_dir, c, hub) = setup(HubConfig::sandbox(demo())).await;
    c.sync_menu().await.unwrap();
    ring(&c, 1_201);
    let out = c.push_outbox().await.unwrap();
    assert_eq!((out.sent, out.stored, out.remaining), (1_201, 1_201, 0));
    assert_eq!(hub.stats().batches, 3);
}
