//! Vouchers headless: `quay voucher check` and `quay sales ring … --pay voucher:PARTNER:CODE`
//! through the same path as the screen, against the hub simulator.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use quay_core::menu::MenuSnapshot;
use quay_sim::HubConfig;
use serde_json::Value;

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/demo-menu.json");

fn quay(d: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quay"))
        .arg("--data-dir")
        .arg(d)
        .args(args)
        .env_remove("QUAY_PIN")
        .env("QUAY_LOG", "error")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn ok(d: &Path, args: &[&str]) -> String {
    let out = quay(d, args, None);
    assert!(out.status.success(), "quay {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

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
        assert!(quay(d, &["config", "set", k, "-"], Some(std::str::from_utf8(v).unwrap())).status.success());
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
    let out = quay(d, &["sales", "ring", "i-phobo", "--pay", "voucher:momo:MOMO-50K", "--pay", "cash"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("MOMO-50K"));
    let list: Value = serde_json::from_str(&ok(d, &["sales", "list", "--json"])).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
}
