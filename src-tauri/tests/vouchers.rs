//! Vouchers headless: `quay voucher check` and `quay sales ring … --pay voucher:PARTNER:CODE`
//! through the same path as the screen, against the hub simulator.

use crate::common;

use common::*;
use quay_core::menu::MenuSnapshot;
use quay_sim::HubConfig;
use serde_json::Value;

#[test]
fn check_and_ring_with_vouchers() {
    let menu = MenuSnapshot::from_json(&std::fs::read(DEMO).unwrap()).unwrap();
    let hub = quay_sim::start_in_thread(HubConfig::sandbox(menu));
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["menu", "import", DEMO]);
    ok(d, &["config", "set", "hub.url", &hub.url]);
    ok(d, &["config", "set", "hub.pos_parent", HubConfig::SANDBOX_POS_PARENT]);
    ok(d, &["config", "set", "hub.pos_id", HubConfig::SANDBOX_POS_ID]);
    for (k, v) in [("hub.key1", HubConfig::SANDBOX_KEY1), ("hub.key2", HubConfig::SANDBOX_KEY2)] {
        set_secret(d, k, v);
    }

    let v: Value =
        serde_json::from_str(&ok(d, &["voucher", "check", "--partner", "momo", "MOMO-10PCT", "--amount", "200000", "--json"])).unwrap();
    assert_eq!(v["status"], "valid");
    assert_eq!(v["percent"], "10%");
    assert_eq!(v["applies"]["minor"], 20_000);
    let used: Value = serde_json::from_str(&ok(d, &["voucher", "check", "--partner", "momo", "MOMO-USED", "--json"])).unwrap();
    assert_eq!(used["status"], "used");
    assert!(used["refused"].as_str().unwrap().contains("MOMO-USED"));

    // Voucher + cash: one sale, two tenders, one redemption at the hub.
    let sale: Value =
        serde_json::from_str(&ok(d, &["sales", "ring", "i-phobo*2", "--pay", "voucher:momo:MOMO-50K", "--pay", "cash", "--json"])).unwrap();
    let tenders = sale["tenders"].as_array().unwrap();
    assert_eq!(tenders.len(), 2);
    assert_eq!((tenders[0]["kind"].as_str(), tenders[0]["amount"].as_i64()), (Some("voucher"), Some(50_000)));
    assert_eq!((tenders[1]["kind"].as_str(), tenders[1]["amount"].as_i64()), (Some("cash"), Some(80_000)));
    assert_eq!(hub.voucher_redemptions().len(), 1);

    // A used voucher: a clear refusal, nothing written.
    let out = run(d, None, &["sales", "ring", "i-phobo", "--pay", "voucher:momo:MOMO-50K", "--pay", "cash"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("MOMO-50K"));
    let list: Value = serde_json::from_str(&ok(d, &["sales", "list", "--json"])).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
}
