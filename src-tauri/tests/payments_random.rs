//! A bounded randomized run over the ZVT terminal (simulator on a pty): N card sales by
//! separate `quay` processes, each with a random terminal behaviour (approve, decline,
//! silence, corrupt CRC, NAKs, a drop mid-transaction, a terminal that forgets the
//! registration the app just made) and a random SIGKILL of the app;
//! after each kill the journal is settled by asking the terminal. At the end: 0 lost
//! (every approval at the terminal is exactly one sale paid by card) and 0 charged twice.
//! `QUAY_RANDOM_PAYMENTS` sets N (default 20; each killed run costs the terminal's timeouts).

use crate::common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use quay_sim::zvt::{Approve, Faults, Script, TxnKind};
use serde_json::Value;

use common::{viva_counter, zvt_counter};

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
    let (sim, dir) = zvt_counter();
    let d = dir.path();
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
            // Restarted right after the app registered: the payment is refused `84 6B`
            // before it runs, the app registers again and sends it once more.
            2 => sim.set_faults(Faults { forget_registrations: 1, ..Faults::default() }),
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
        let kill_after = if dropped {
            Some(Duration::from_millis(600 + rng.below(600)))
        } else if rng.below(4) == 0 {
            Some(Duration::from_millis(rng.below(400)))
        } else {
            None
        };
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
    let open: Vec<_> =
        payments.as_array().unwrap().iter().filter(|p| ["pending", "sent", "unknown"].contains(&p["state"].as_str().unwrap())).collect();
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

/// The same over Viva eftPOS orders: random API faults (slow answers, 5xx, lost
/// create-order answers), a terminal that pays, declines or ignores each order at a random
/// moment — sometimes after the app died — and random SIGKILLs. After each kill the
/// journal is settled by asking Viva; an attempt Viva cannot name stays unknown and the
/// test, as the manager, settles it from what Viva shows. `QUAY_RANDOM_VIVA` sets N.
#[test]
fn viva_random_faults_and_kills_lose_nothing_and_charge_nothing_twice() {
    use quay_sim::viva::{start_viva_in_thread, TerminalOutcome as Does, VivaConfig, VivaFaults};
    let n: usize = std::env::var("QUAY_RANDOM_VIVA").ok().and_then(|v| v.parse().ok()).unwrap_or(16);
    let viva = start_viva_in_thread(VivaConfig::sandbox());
    let dir = viva_counter(&viva.url, "T1", &[("viva.wait_s", "2")]);
    let d = dir.path();

    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let items = ["i-phobo", "i-croissant", "i-biasaigon", "i-phoga", "i-bmthit"];
    let (mut kills, mut by_hand) = (0, 0);
    for _ in 0..n {
        let faults = VivaFaults {
            slow_ms: [0, 0, 300][rng.below(3) as usize],
            fail_5xx: u32::from(rng.below(6) == 0),
            lose_create_responses: u32::from(rng.below(5) == 0),
            webhook_copies: 0,
        };
        viva.set_faults(faults);
        let orders_before = viva.orders().len();
        let does = match rng.below(5) {
            0 => None, // nobody pays: the wait runs out, the order is cancelled
            1 => Some(Does::Decline),
            _ => Some(Does::Approve),
        };
        let act_after = Duration::from_millis(rng.below(1500));
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
        let kill_after = (rng.below(3) == 0).then(|| Duration::from_millis(rng.below(2500)));
        // The customer at the terminal, on their own clock.
        let terminal = {
            let v = viva.viva().clone();
            std::thread::spawn(move || {
                let deadline = Instant::now() + Duration::from_secs(8);
                while v.orders().len() == orders_before && Instant::now() < deadline {
                    std::thread::sleep(Duration::from_millis(20));
                }
                std::thread::sleep(act_after);
                if let Some(does) = does {
                    let _ = v.pay_newest("T1", does);
                }
            })
        };
        if let Some(after) = kill_after {
            let started = Instant::now();
            while started.elapsed() < after && child.try_wait().unwrap().is_none() {
                std::thread::sleep(Duration::from_millis(10));
            }
            let _ = child.kill(); // SIGKILL
            kills += 1;
        }
        child.wait().unwrap();
        terminal.join().unwrap();
        viva.set_faults(VivaFaults::default());
        // The restart: settle by asking Viva; what Viva cannot name, a manager settles
        // from what Viva shows under the attempt's reference.
        ok(d, &["payments", "resolve"]);
        let payments: Value = serde_json::from_str(&ok(d, &["payments", "list", "--json"])).unwrap();
        for p in payments.as_array().unwrap().iter().filter(|p| ["pending", "sent", "unknown"].contains(&p["state"].as_str().unwrap())) {
            let key = p["key"].as_str().unwrap();
            let paid = viva.transactions().iter().any(|t| t.merchant_trns == key && t.status_id == "F");
            ok(d, &["payments", "settle", key, if paid { "--charged" } else { "--not-charged" }, "--reason", "checked at Viva"]);
            by_hand += 1;
        }
    }

    let payments: Value = serde_json::from_str(&ok(d, &["payments", "list", "--json"])).unwrap();
    let payments = payments.as_array().unwrap();
    assert!(payments.iter().all(|p| !["pending", "sent", "unknown"].contains(&p["state"].as_str().unwrap())));
    let paid: Vec<_> = viva.transactions().into_iter().filter(|t| t.status_id == "F").collect();
    let paid_keys: std::collections::BTreeSet<_> = paid.iter().map(|t| t.merchant_trns.clone()).collect();
    assert_eq!(paid_keys.len(), paid.len(), "no attempt charged twice at Viva");
    let approved: std::collections::BTreeSet<_> =
        payments.iter().filter(|p| p["state"] == "approved").map(|p| p["key"].as_str().unwrap().to_string()).collect();
    assert_eq!(approved, paid_keys, "every payment at Viva is an approved attempt, and no other");
    let sales: Value = serde_json::from_str(&ok(d, &["sales", "export", "--format", "json"])).unwrap();
    let card_paid: Vec<i64> = sales
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["tenders"].as_array().unwrap().iter().filter(|t| t["kind"] == "card").map(|t| t["amount"].as_i64().unwrap()))
        .collect();
    assert_eq!(card_paid.len(), paid.len(), "0 lost, 0 twice: every payment at Viva is one card sale");
    assert_eq!(card_paid.iter().sum::<i64>(), paid.iter().map(|t| t.amount_minor).sum::<i64>(), "same amounts");
    eprintln!(
        "random viva payments: {n} sales tried, {kills} app kills, {by_hand} settled by hand, {} paid at Viva = {} card sales, 0 lost, 0 charged twice",
        paid.len(),
        card_paid.len()
    );
}
