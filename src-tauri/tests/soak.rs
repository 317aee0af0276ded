//! A bounded soak on loopback: 2,000 sales rung by `quay sales ring` processes while the
//! hub flaps (down, 500s, answers lost after storing, slow) and the counter's processes —
//! the sync daemon and the ringers — are killed with SIGKILL at random instants.
//! Afterwards the hub holds every sale of the counter exactly once, with the same totals,
//! and the outbox is empty. `QUAY_SOAK_SALES` changes the count.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use quay_sim::{Faults, HubConfig};
use serde_json::Value;

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/demo-menu.json");

fn quay(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_quay"));
    c.arg("--data-dir").arg(dir).env_remove("QUAY_DATA_DIR").env("QUAY_LOG", "error");
    c
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = quay(dir).args(args).output().unwrap();
    assert!(out.status.success(), "quay {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn set_secret(dir: &Path, key: &str, value: &[u8]) {
    let mut child = quay(dir).args(["config", "set", key, "-"]).stdin(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(&[value, b"\n"].concat()).unwrap();
    assert!(child.wait().unwrap().success());
}

/// A small xorshift: the soak must be random but need not be cryptographic.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn kill(child: &mut Child) {
    let _ = child.kill(); // SIGKILL
    let _ = child.wait();
}

#[test]
fn soak_2000_sales_flapping_hub_and_kills() {
    let target: usize = std::env::var("QUAY_SOAK_SALES").ok().and_then(|v| v.parse().ok()).unwrap_or(2_000);
    let menu = quay_core::MenuSnapshot::from_json(&std::fs::read(DEMO).unwrap()).unwrap();
    let hub = quay_sim::start_in_thread(HubConfig::sandbox(menu));
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["config", "set", "hub.url", &hub.url]);
    ok(d, &["config", "set", "hub.pos_parent", HubConfig::SANDBOX_POS_PARENT]);
    ok(d, &["config", "set", "hub.pos_id", HubConfig::SANDBOX_POS_ID]);
    set_secret(d, "hub.key1", HubConfig::SANDBOX_KEY1);
    set_secret(d, "hub.key2", HubConfig::SANDBOX_KEY2);
    ok(d, &["menu", "sync"]);

    // The hub flaps on its own clock.
    let stop = Arc::new(AtomicBool::new(false));
    let flapper = {
        let stop = stop.clone();
        let hub = hub.hub().clone();
        std::thread::spawn(move || {
            let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
            while !stop.load(Ordering::Relaxed) {
                let f = match rng.below(6) {
                    0 => Faults { down: true, ..Faults::default() },
                    1 => Faults { fail_500: 3, ..Faults::default() },
                    2 => Faults { drop_after_store: 2, ..Faults::default() },
                    3 => Faults { slow_ms: 40, ..Faults::default() },
                    _ => Faults::default(),
                };
                hub.set_faults(f).expect("valid faults");
                std::thread::sleep(Duration::from_millis(50 + rng.below(250)));
            }
            hub.set_faults(Faults::default()).expect("valid faults");
        })
    };

    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let specs = [
        "i-phobo*2+o-pho-egg",
        "i-cfsd+o-size-l+o-sugar-50+o-ice-less",
        "i-biasaigon*3",
        "i-croissant",
        "i-bacxiu+o-size-m+o-sugar-30+o-ice-normal",
    ];
    let started = Instant::now();
    let (mut rung, mut killed_ringers, mut killed_daemons) = (0usize, 0, 0);
    let mut daemon = quay(d).args(["sync", "run"]).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    while rung < target {
        let a = specs[rng.below(specs.len() as u64) as usize];
        let b = specs[rng.below(specs.len() as u64) as usize];
        let mut ringer =
            quay(d).args(["sales", "ring", a, b, "--pay", "cash"]).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
        if rng.below(25) == 0 {
            // Kill a ringer at a random instant: its sale is whole or absent.
            std::thread::sleep(Duration::from_micros(rng.below(80_000)));
            kill(&mut ringer);
            killed_ringers += 1;
        } else {
            let out = ringer.wait_with_output().unwrap();
            assert!(out.status.success(), "quay sales ring: {}", String::from_utf8_lossy(&out.stderr));
            rung += 1;
        }
        if rng.below(60) == 0 {
            kill(&mut daemon);
            killed_daemons += 1;
            daemon = quay(d).args(["sync", "run"]).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        }
    }
    kill(&mut daemon);
    stop.store(true, Ordering::Relaxed);
    flapper.join().unwrap();

    // The hub is back for good: the outbox drains.
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let out = quay(d).args(["sync", "push", "--json"]).output().unwrap();
        let status: Value = serde_json::from_str(&ok(d, &["sync", "status", "--json"])).unwrap();
        if out.status.success() && status["pending"] == 0 {
            assert_eq!(status["rejected"], Value::Array(vec![]), "no sale was rejected");
            break;
        }
        assert!(Instant::now() < deadline, "the outbox did not drain: {status}");
        std::thread::sleep(Duration::from_millis(200));
    }

    // Every sale of the counter is at the hub exactly once, with the same totals.
    let mut counter: BTreeMap<String, i64> = BTreeMap::new();
    let export: Value = serde_json::from_str(&ok(d, &["sales", "export", "--format", "json"])).unwrap();
    for s in export.as_array().unwrap() {
        counter.insert(s["id"].as_str().unwrap().to_string(), s["total"].as_i64().unwrap());
    }
    let mut at_hub: BTreeMap<String, i64> = BTreeMap::new();
    for s in hub.stored_sales() {
        let prev = at_hub.insert(s["id"].as_str().unwrap().to_string(), s["total"].as_i64().unwrap());
        assert!(prev.is_none(), "the hub stored {} twice", s["id"]);
    }
    assert!(counter.len() >= target, "{} sales on the counter", counter.len());
    assert_eq!(at_hub, counter, "the hub holds exactly the counter's sales");
    let stats = hub.stats();
    assert_eq!(stats.stored as usize, counter.len());
    assert_eq!(stats.stored_total, counter.values().sum::<i64>());
    assert!(ok(d, &["db", "check"]).contains("integrity: ok"));
    eprintln!(
        "soak: {} sales ({} rung, {} ringers killed), {} sync daemons killed, hub stored {} once each, {} duplicates answered, {} answers dropped after storing, {:.1} s",
        counter.len(),
        rung,
        killed_ringers,
        killed_daemons,
        stats.stored,
        stats.duplicates,
        stats.dropped_after_store,
        started.elapsed().as_secs_f64()
    );
}
