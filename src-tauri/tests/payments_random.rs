//! A bounded randomized run over the ZVT terminal (simulator on a pty): N card sales by
//! separate `quay` processes, each with a random terminal behaviour (approve, decline,
//! silence, corrupt CRC, NAKs, a drop mid-transaction) and a random SIGKILL of the app;
//! after each kill the journal is settled by asking the terminal. At the end: 0 lost
//! (every approval at the terminal is exactly one sale paid by card) and 0 charged twice.
//! `QUAY_RANDOM_PAYMENTS` sets N (default 20; each killed run costs the terminal's timeouts).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use quay_sim::zvt::{Approve, Faults, Script, TxnKind, ZvtSim};
use serde_json::Value;
use serialport::SerialPort;

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/demo-menu.json");

fn quay(d: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_quay")).arg("--data-dir").arg(d).args(args).env("QUAY_LOG", "error").output().unwrap()
}

fn ok(d: &Path, args: &[&str]) -> String {
    let out = quay(d, args);
    assert!(out.status.success(), "quay {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn random_faults_and_kills_lose_nothing_and_charge_nothing_twice() {
    let n: usize = std::env::var("QUAY_RANDOM_PAYMENTS").ok().and_then(|v| v.parse().ok()).unwrap_or(20);
    let (sim, tty) = ZvtSim::start().unwrap();
    let port = tty.name().unwrap();
    drop(tty);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["menu", "import", DEMO]);
    ok(d, &["config", "set", "terminal.kind", "zvt"]);
    ok(d, &["config", "set", "zvt.port", &port]);
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let items = ["i-phobo", "i-croissant", "i-biasaigon", "i-phoga", "i-bmthit"];
    let (mut kills, mut drops) = (0, 0);
    for _ in 0..n {
        let script = match rng.below(6) {
            0 => Script::Decline { result_code: [0x05, 0x33, 0x36][rng.below(3) as usize] },
            1 => {
                drops += 1;
                Script::Drop { after_statuses: 1, then: Box::new(Script::Approve(Approve::default())) }
            }
            _ => Script::Approve(Approve::default()),
        };
        let dropped = matches!(script, Script::Drop { .. });
        sim.script(script);
        match rng.below(8) {
            0 => sim.set_faults(Faults { corrupt_crc: 1, ..Faults::default() }),
            1 => sim.set_faults(Faults { nak: 1, ..Faults::default() }),
            _ => sim.set_faults(Faults::default()),
        }
        let item = items[rng.below(items.len() as u64) as usize];
        let mut child = Command::new(env!("CARGO_BIN_EXE_quay"))
            .arg("--data-dir")
            .arg(d)
            .args(["sales", "ring", item, "--pay", "card"])
            .env("QUAY_LOG", "error")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // A dropped transaction would wait for T4 (180 s): the app is always killed then;
        // otherwise one run in four is killed at a random instant.
        let kill_after = if dropped { Some(Duration::from_millis(600 + rng.below(600))) } else if rng.below(4) == 0 { Some(Duration::from_millis(rng.below(400))) } else { None };
        match kill_after {
            Some(after) => {
                let started = Instant::now();
                while started.elapsed() < after {
                    if child.try_wait().unwrap().is_some() {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(10));
                }
                let _ = child.kill(); // SIGKILL
                child.wait().unwrap();
                kills += 1;
                // The restart: settle what the killed app left open, by asking.
                let out = quay(d, &["payments", "resolve"]);
                assert!(out.status.success(), "resolve: {}", String::from_utf8_lossy(&out.stderr));
            }
            None => {
                child.wait().unwrap();
            }
        }
        // Whatever the terminal script did not consume is dropped before the next sale.
        sim.set_faults(Faults::default());
    }
    ok(d, &["payments", "resolve"]);

    let payments: Value = serde_json::from_str(&ok(d, &["payments", "list", "--json"])).unwrap();
    let open: Vec<_> = payments.as_array().unwrap().iter().filter(|p| ["pending", "sent", "unknown"].contains(&p["state"].as_str().unwrap())).collect();
    assert!(open.is_empty(), "unresolved attempts remain: {open:?}");
    let approved_at_terminal: Vec<u64> =
        sim.journal().iter().filter(|t| t.kind == TxnKind::Payment && t.result_code == 0 && !t.reversed).map(|t| t.amount).collect();
    let sales: Value = serde_json::from_str(&ok(d, &["sales", "export", "--format", "json"])).unwrap();
    let card_paid: Vec<i64> = sales
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["tenders"].as_array().unwrap().iter().filter(|t| t["kind"] == "card").map(|t| t["amount"].as_i64().unwrap()))
        .collect();
    let approved_journal = payments.as_array().unwrap().iter().filter(|p| p["state"] == "approved").count();
    assert_eq!(card_paid.len(), approved_at_terminal.len(), "0 lost, 0 twice: every approval at the terminal is one card sale");
    assert_eq!(card_paid.iter().sum::<i64>(), approved_at_terminal.iter().sum::<u64>() as i64, "same amounts");
    assert_eq!(approved_journal, approved_at_terminal.len(), "the journal agrees with the terminal");
    let keys: std::collections::BTreeSet<_> = payments.as_array().unwrap().iter().map(|p| p["key"].as_str().unwrap().to_string()).collect();
    assert_eq!(keys.len(), payments.as_array().unwrap().len());
    eprintln!(
        "random payments: {n} sales tried, {kills} app kills ({drops} mid-transaction drops), {} approved at the terminal = {} card sales, 0 lost, 0 charged twice",
        approved_at_terminal.len(),
        card_paid.len()
    );
}
