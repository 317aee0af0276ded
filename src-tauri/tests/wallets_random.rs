//! A seeded randomized run over the three wallets' simulator (MoMo POS by code scan,
//! ZaloPay and VNPAY-QR by QR): N wallet sales by separate `quay` processes, each with a
//! random wallet, a random simulator script (pay, decline, pay after a delay, the answer
//! lost after success, a duplicate request id, an answer that never comes), a customer who
//! pays, declines or walks away from a QR at a random moment — sometimes after the app
//! died — and a random SIGKILL of the app; after each kill `quay payments resolve` (the
//! restart) asks the wallets. At the end: every order a wallet charged is the wallet
//! tender of exactly one sale (0 lost), no sale or order charged twice, every order
//! created once, and every sale's tenders are what the wallets charged.
//!
//! A third lane runs Alipay on a CNY counter of its own (the customer's code scanned or our
//! QR shown), with Alipay's scripted buyers (pays, confirms after a few seconds, has not
//! enough balance, never pays, the answer lost after success, a system error, a badly
//! signed answer, pays as the cancel arrives) and the same random kills; its trades must
//! all end paid or cancelled, each paid one the tender of exactly one sale.
//!
//! `QUAY_RANDOM_WALLETS` sets N (default 48), `QUAY_RANDOM_ALIPAY` the Alipay payments
//! (default 16), `QUAY_RANDOM_WALLETS_SEED` the seed (printed).

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

use quay_sim::wallet::{start_wallets_in_thread, AlipayScript, OrderState, Script, SimWallet, TradeStatus, WalletConfig};
use serde_json::Value;

use common::{alipay_code, alipay_counter, json, spawn_ring_with_code, spawn_wallet_ring, wallet_counter};

struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

const WALLETS: [(SimWallet, &str); 3] = [(SimWallet::Momo, "momo"), (SimWallet::ZaloPay, "zalopay"), (SimWallet::Vnpay, "vnpay")];

/// What the simulated customer does with a QR order still waiting (ZaloPay, VNPAY).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Customer {
    Pays,
    Declines,
    /// Walks away: the order expires at its deadline (ZaloPay only, and only when the app
    /// is killed: a live app would wait the deadline out).
    Leaves,
}

fn decline_code(w: SimWallet, rng: &mut Rng) -> i64 {
    match w {
        SimWallet::Momo => [1001, 1006, 1002][rng.below(3) as usize],
        SimWallet::ZaloPay => -329,
        SimWallet::Vnpay => 4,
    }
}

fn script_name(s: &Script) -> &'static str {
    match s {
        Script::Pay => "pay",
        Script::PayAfter(_) => "pay_after",
        Script::Decline(_) => "decline",
        Script::PayLate => "pay_late",
        Script::NeverAnswer => "never_answer",
        Script::LoseAnswerAfterSuccess => "lose_answer_after_success",
        Script::DuplicateRequestId => "duplicate_request_id",
        Script::CallbackBadSignature => "callback_bad_signature",
        Script::Authorize => "authorize",
    }
}

fn open_attempts(d: &Path) -> Vec<Value> {
    json(d, &["payments", "list", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| ["pending", "sent", "unknown"].contains(&p["state"].as_str().unwrap()))
        .cloned()
        .collect()
}

fn resolve(d: &Path) {
    let out = common::run(d, None, &["payments", "resolve"], "");
    assert!(out.status.success(), "resolve: {}", String::from_utf8_lossy(&out.stderr));
}

/// What one lane of the run counted.
#[derive(Debug, Default)]
struct Counts {
    payments: usize,
    orders: usize,
    never_reached: usize,
    kills: usize,
    late_customer: usize,
    left: usize,
    by_hand: usize,
    scripts: BTreeMap<&'static str, usize>,
    states: BTreeMap<String, usize>,
    charged: usize,
    charged_total: i64,
    tenders: usize,
    sales: usize,
}

/// Two lanes run side by side (each its own counter and simulator, its seed drawn from
/// the run's): the app mostly waits (a wallet is polled every second), two cores suffice.
#[test]
fn wallets_random_faults_and_kills_lose_nothing_and_charge_nothing_twice() {
    let started = Instant::now();
    let n: usize = std::env::var("QUAY_RANDOM_WALLETS").ok().and_then(|v| v.parse().ok()).unwrap_or(48);
    let seed: u64 = std::env::var("QUAY_RANDOM_WALLETS_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x5DEE_CE66_D1CE_4E5B);
    eprintln!("wallets random: seed {seed} (QUAY_RANDOM_WALLETS_SEED), {n} payments in 2 lanes");
    let n_alipay: usize = std::env::var("QUAY_RANDOM_ALIPAY").ok().and_then(|v| v.parse().ok()).unwrap_or(16);
    let mut master = Rng(seed.max(1));
    let seeds = [master.below(u64::MAX).max(1), master.below(u64::MAX).max(1)];
    // Drawn after the two lanes' seeds: their draws are what they were before Alipay.
    let alipay_seed = master.below(u64::MAX).max(1);
    let alipay = std::thread::Builder::new().name("lane-alipay".into()).spawn(move || alipay_lane(alipay_seed, n_alipay)).unwrap();
    let lanes: Vec<_> = seeds
        .iter()
        .enumerate()
        .map(|(i, &s)| {
            let n = n / 2 + (i < n % 2) as usize;
            std::thread::Builder::new().name(format!("lane-{i}")).spawn(move || lane(s, n)).unwrap()
        })
        .collect();
    let mut all = Counts::default();
    for l in lanes {
        let c = l.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        all.payments += c.payments;
        all.orders += c.orders;
        all.never_reached += c.never_reached;
        all.kills += c.kills;
        all.late_customer += c.late_customer;
        all.left += c.left;
        all.by_hand += c.by_hand;
        for (k, v) in c.scripts {
            *all.scripts.entry(k).or_default() += v;
        }
        for (k, v) in c.states {
            *all.states.entry(k).or_default() += v;
        }
        all.charged += c.charged;
        all.charged_total += c.charged_total;
        all.tenders += c.tenders;
        all.sales += c.sales;
    }
    let Counts {
        payments,
        orders,
        never_reached,
        kills,
        late_customer,
        left,
        by_hand,
        scripts,
        states,
        charged,
        charged_total,
        tenders,
        sales,
    } = all;
    eprintln!(
        "wallets random: seed {seed}, {payments} payments ({orders} orders reached the wallets, {never_reached} killed before), {kills} app kills, \
         {late_customer} QR paid/declined by the customer after the kill, {left} QR left to expire, {by_hand} sent-never-delivered left open (unpaid, refused as \"not charged\" before their deadline); scripts {scripts:?}; \
         attempts {states:?}; {charged} charged at the wallets ({charged_total} ₫) = {tenders} wallet tenders in {sales} sales; \
         0 lost, 0 charged twice; {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let a = alipay.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
    eprintln!(
        "wallets random: alipay (seed {alipay_seed}): {} payments ({} code scans, {} QR), {} trades at Alipay, {} numbers burnt by a cancel, \
         {} killed before reaching Alipay, {} app kills, {} paid by the customer after the kill, {} QR left; scripts {:?}; attempts {:?}; \
         {} paid at Alipay ({} fen) = {} Alipay tenders in {} sales, {} refunded by the cancel they met; every trade paid or cancelled; \
         0 lost, 0 charged twice; {:.1} s",
        a.payments,
        a.code_scans,
        a.payments - a.code_scans,
        a.trades,
        a.burnt,
        a.never_reached,
        a.kills,
        a.late_customer,
        a.left,
        a.scripts,
        a.states,
        a.charged,
        a.charged_fen,
        a.tenders,
        a.sales,
        a.refunded_by_cancel,
        started.elapsed().as_secs_f64()
    );
}

/// One counter and its wallets: `n` payments from `seed`, then the accounting.
fn lane(seed: u64, n: usize) -> Counts {
    eprintln!("wallets random: lane seed {seed}, {n} payments");
    let mut rng = Rng(seed);
    let handle = start_wallets_in_thread(WalletConfig::sandbox());
    let sim = handle.sim().clone();
    let dir = wallet_counter(&handle, &[("wallet.poll_s", "1"), ("wallet.qr_deadline_s", "30")]);
    let d = dir.path();
    // Items that need no option (i-bmthit needs a spice level: `ring` refuses it).
    let items = ["i-phobo", "i-croissant", "i-biasaigon", "i-phoga"];

    // A script the app never consumed (killed before it reached the wallet) stays queued
    // at the simulator for that wallet's next order: it is that payment's script then.
    let mut queued: BTreeMap<&str, Script> = BTreeMap::new();
    let mut scripts: BTreeMap<&'static str, usize> = BTreeMap::new();
    let (mut kills, mut left, mut late_customer, mut never_reached, mut by_hand) = (0, 0, 0, 0, 0);
    for i in 0..n {
        let (w, name) = WALLETS[rng.below(3) as usize];
        let script = match queued.remove(name) {
            Some(s) => s,
            None => {
                let s = match rng.below(8) {
                    0 | 1 => Script::Pay,
                    2 => Script::Decline(decline_code(w, &mut rng)),
                    3 => Script::PayAfter(Duration::from_millis(200 + rng.below(1300))),
                    4 => Script::LoseAnswerAfterSuccess,
                    5 => Script::DuplicateRequestId,
                    6 => Script::NeverAnswer,
                    _ => Script::Pay,
                };
                sim.script_next(w, s.clone());
                *scripts.entry(script_name(&s)).or_default() += 1;
                s
            }
        };
        // A held answer would keep the app waiting for its HTTP timeout: always killed then;
        // otherwise one run in three is killed at a random instant.
        let kill_after = if script == Script::NeverAnswer {
            Some(Duration::from_millis(200 + rng.below(1300)))
        } else if rng.below(3) == 0 {
            Some(Duration::from_millis(150 + rng.below(2000)))
        } else {
            None
        };
        // The QR wallets: with no script of their own (duplicate request id, never answer)
        // an order waits for the customer, who acts on their own clock.
        let qr_waits = w != SimWallet::Momo && matches!(script, Script::DuplicateRequestId | Script::NeverAnswer);
        let customer = match rng.below(5) {
            // Only a dead app leaves the QR for ZaloPay to expire (30 s), early in the run.
            0 | 1 if w == SimWallet::ZaloPay && kill_after.is_some() && i < n * 2 / 3 => Customer::Leaves,
            0 | 1 => Customer::Declines,
            _ => Customer::Pays,
        };
        let act_after = Duration::from_millis(rng.below(2000));
        let code_for_customer = decline_code(w, &mut rng);
        let item = items[rng.below(items.len() as u64) as usize];
        let orders_before = sim.orders(w).len();
        let code = format!("MM{:018}", 100_000_000_000u64 + i as u64);
        let mut child = spawn_wallet_ring(d, item, name, &code, None);
        // Nobody reads the app's output as it comes: drained so the app never blocks, and
        // kept for a failure's message.
        let drains: Vec<_> = [
            child.stdout.take().map(|s| Box::new(s) as Box<dyn std::io::Read + Send>),
            child.stderr.take().map(|s| Box::new(s) as Box<dyn std::io::Read + Send>),
        ]
        .into_iter()
        .flatten()
        .map(|mut r| {
            std::thread::spawn(move || {
                let mut out = String::new();
                let _ = r.read_to_string(&mut out);
                out
            })
        })
        .collect();
        let customer_thread = qr_waits.then(|| {
            let sim = sim.clone();
            std::thread::spawn(move || {
                let deadline = Instant::now() + Duration::from_secs(5);
                while sim.orders(w).len() == orders_before && Instant::now() < deadline {
                    std::thread::sleep(Duration::from_millis(20));
                }
                std::thread::sleep(act_after);
                let Some((id, o)) = sim.orders(w).into_iter().nth(orders_before) else { return false };
                if o.state != OrderState::Waiting {
                    return false;
                }
                match customer {
                    Customer::Pays => sim.customer_pays(w, &id),
                    Customer::Declines => sim.customer_declines(w, &id, code_for_customer),
                    Customer::Leaves => false,
                }
            })
        });
        let mut killed = false;
        match kill_after {
            Some(after) => {
                let t0 = Instant::now();
                while t0.elapsed() < after && child.try_wait().unwrap().is_none() {
                    std::thread::sleep(Duration::from_millis(10));
                }
                if child.try_wait().unwrap().is_none() {
                    child.kill().unwrap(); // SIGKILL
                    killed = true;
                    kills += 1;
                }
                child.wait().unwrap();
            }
            None => {
                // A live app: bounded by the wallet's deadline and its grace.
                let t0 = Instant::now();
                while child.try_wait().unwrap().is_none() {
                    assert!(t0.elapsed() < Duration::from_secs(60), "payment {i} ({name}, {script:?}) never ended");
                    std::thread::sleep(Duration::from_millis(10));
                }
            }
        }
        let output: Vec<String> = drains.into_iter().map(|t| t.join().unwrap()).collect();
        std::thread::sleep(Duration::from_millis(30));
        if sim.orders(w).len() == orders_before {
            assert!(killed, "payment {i} ({name}, {item}, {script:?}) never reached the wallet: {output:?}");
            // Killed before the wallet heard of it: the script is still queued there.
            never_reached += 1;
            queued.insert(name, script.clone());
        }
        if killed {
            // The restart: settle what the killed app left open, by asking the wallets.
            resolve(d);
        }
        if let Some(t) = customer_thread {
            let acted = t.join().unwrap();
            if killed && acted {
                late_customer += 1;
            }
            if customer == Customer::Leaves && killed {
                left += 1;
            }
        }
    }
    // Whatever is still open (a QR a customer left, a payment made after the last
    // restart) is settled by the wallets' answers once their orders are final.
    // ZaloPay closes an order at its deadline (30 s). An attempt the app marked sent but
    // the wallet never received (killed in between) is closed by the counter only 70 s past
    // its deadline (a request might still be on its way), and not even a manager may
    // declare it unpaid before: the test checks that the wallet never heard of them and
    // that settling them as unpaid is refused, and leaves them open.
    let settle_by = Instant::now() + Duration::from_secs(45);
    loop {
        resolve(d);
        let open = open_attempts(d);
        let (at_wallet, nowhere): (Vec<&Value>, Vec<&Value>) = open.iter().partition(|p| {
            let w = WALLETS.iter().find(|(_, n)| p["terminal"] == *n).unwrap().0;
            sim.order(w, p["order_id"].as_str().unwrap_or_default()).is_some()
        });
        if at_wallet.is_empty() {
            for p in nowhere {
                let key = p["key"].as_str().unwrap();
                let refused =
                    common::run(d, None, &["payments", "settle", key, "--not-charged", "--reason", "no such order at the wallet"], "");
                assert!(!refused.status.success(), "{key}: settled as unpaid while still payable");
                by_hand += 1;
            }
            break;
        }
        assert!(Instant::now() < settle_by, "attempts still open long after every deadline: {at_wallet:?}");
        std::thread::sleep(Duration::from_secs(1));
    }
    resolve(d);

    // ---- the accounting ----
    let payments = json(d, &["payments", "list", "--json"]);
    let payments = payments.as_array().unwrap();
    let sales = json(d, &["sales", "export", "--format", "json"]);
    let sales = sales.as_array().unwrap();
    let keys: BTreeSet<_> = payments.iter().map(|p| p["key"].as_str().unwrap()).collect();
    assert_eq!(keys.len(), payments.len(), "one journal line per attempt");
    let mut states: BTreeMap<String, usize> = BTreeMap::new();
    for p in payments {
        *states.entry(p["state"].as_str().unwrap().to_string()).or_default() += 1;
    }
    // Wallet tenders by (partner, reference).
    let mut tenders: BTreeMap<(String, String), Vec<(String, i64)>> = BTreeMap::new();
    for s in sales {
        if s["status"] == "voided" {
            continue;
        }
        let ts = s["tenders"].as_array().unwrap();
        let paid: i64 = ts.iter().map(|t| t["amount"].as_i64().unwrap()).sum();
        assert_eq!(paid, s["total"].as_i64().unwrap(), "the tenders pay the sale exactly: {s}");
        for t in ts {
            assert_eq!(t["kind"], "wallet", "only wallets paid in this run: {s}");
            let partner = t["partner"].as_str().unwrap_or_default().to_string();
            let reference = t["reference"].as_str().unwrap_or_default().to_string();
            assert!(!reference.is_empty(), "a wallet tender names the wallet's transaction: {s}");
            tenders
                .entry((partner, reference))
                .or_default()
                .push((s["id"].as_str().unwrap_or_default().to_string(), t["amount"].as_i64().unwrap()));
        }
    }
    let (mut charged_orders, mut charged_total, mut orders_total) = (0usize, 0i64, 0usize);
    for (w, name) in WALLETS {
        let journal: Vec<&Value> = payments.iter().filter(|p| p["terminal"] == name).collect();
        let journaled_ids: BTreeSet<&str> = journal.iter().filter_map(|p| p["order_id"].as_str()).collect();
        assert_eq!(journaled_ids.len(), journal.len(), "{name}: one merchant order id per attempt");
        for (id, o) in sim.orders(w) {
            orders_total += 1;
            assert!(journaled_ids.contains(id.as_str()), "{name}: order {id} at the wallet is journaled");
            assert_eq!(o.requests, 1, "{name}: order {id} was created once, never re-sent");
            let p = journal.iter().find(|p| p["order_id"] == id.as_str()).unwrap();
            let paid = matches!(o.state, OrderState::Paid | OrderState::Refunded);
            if paid {
                charged_orders += 1;
                charged_total += o.amount - o.refunded;
                assert_eq!(p["state"], "approved", "{name}: order {id} charged, the attempt says {p}");
                assert_eq!(p["provider_ref"], o.reference.as_str(), "{name}: {p}");
                let t = tenders.get(&(name.to_string(), o.reference.clone()));
                let t = t.unwrap_or_else(|| {
                    panic!(
                        "LOST: {name} order {id} charged {} but no sale has its tender (an approved attempt without a sale: \
                         `settle_wallets` completes it only while another wallet attempt is open): {p}",
                        o.amount
                    )
                });
                assert_eq!(t.len(), 1, "{name}: order {id} paid twice over: {t:?}");
                assert_eq!(t[0].1, o.amount, "{name}: the tender is what the wallet charged");
                assert_eq!(t[0].0, p["sale_id"].as_str().unwrap(), "{name}: the tender is on the attempt's own sale");
            } else {
                assert_ne!(p["state"], "approved", "{name}: order {id} not charged ({:?}) yet the attempt is approved: {p}", o.state);
            }
        }
        // An attempt that never reached the wallet is never approved.
        for p in &journal {
            if p["state"] == "approved" {
                assert!(sim.order(w, p["order_id"].as_str().unwrap()).is_some(), "{name}: approved without an order: {p}");
            }
        }
    }
    let tender_count: usize = tenders.values().map(Vec::len).sum();
    let tender_total: i64 = tenders.values().flatten().map(|(_, a)| a).sum();
    assert_eq!(tender_count, charged_orders, "0 lost, 0 twice: every charge at a wallet is one wallet tender, and no other");
    assert_eq!(tender_total, charged_total, "the tenders are what the wallets charged");
    let approved = states.get("approved").copied().unwrap_or(0);
    assert_eq!(approved, charged_orders, "the journal agrees with the wallets");
    // Each sale was paid by one attempt: no sale charged twice.
    let mut per_sale: BTreeMap<&str, usize> = BTreeMap::new();
    for p in payments.iter().filter(|p| p["state"] == "approved") {
        *per_sale.entry(p["sale_id"].as_str().unwrap()).or_default() += 1;
    }
    assert!(per_sale.values().all(|&c| c == 1), "a sale charged twice: {per_sale:?}");
    assert_eq!(sales.len(), charged_orders, "one sale per charge");

    Counts {
        payments: n,
        orders: orders_total,
        never_reached,
        kills,
        late_customer,
        left,
        by_hand,
        scripts,
        states,
        charged: charged_orders,
        charged_total,
        tenders: tender_count,
        sales: sales.len(),
    }
}

// ---- Alipay: a CNY counter of its own ----

/// What the Alipay lane counted.
#[derive(Debug, Default)]
struct AliCounts {
    payments: usize,
    code_scans: usize,
    trades: usize,
    burnt: usize,
    never_reached: usize,
    kills: usize,
    late_customer: usize,
    left: usize,
    scripts: BTreeMap<&'static str, usize>,
    states: BTreeMap<String, usize>,
    charged: usize,
    charged_fen: i64,
    refunded_by_cancel: usize,
    tenders: usize,
    sales: usize,
}

fn alipay_script_name(s: &AlipayScript) -> &'static str {
    match s {
        AlipayScript::Pay => "pay",
        AlipayScript::ConfirmAfter(_) => "confirm_after",
        AlipayScript::InsufficientBalance => "insufficient_balance",
        AlipayScript::PaysBeforeCancel => "pays_before_cancel",
        AlipayScript::NeverPays => "never_pays",
        AlipayScript::LoseAnswerAfterSuccess => "lose_answer_after_success",
        AlipayScript::SystemError => "system_error",
        AlipayScript::BadSignature => "bad_signature",
        AlipayScript::Coupon { .. } => "coupon",
    }
}

/// `n` Alipay payments from `seed` on a CNY counter and a simulator of its own, then the
/// accounting. A live app waits a scanned code out for `wallet.alipay.confirm_s` (10 s) and
/// a QR for `wallet.qr_deadline_s` (30 s), then cancels: a QR nobody will pay is always
/// killed (its trade is cancelled by a restart past the deadline).
fn alipay_lane(seed: u64, n: usize) -> AliCounts {
    eprintln!("wallets random: alipay lane seed {seed}, {n} payments");
    let mut rng = Rng(seed);
    let handle = start_wallets_in_thread(WalletConfig::sandbox());
    let ali = handle.alipay();
    let dir = alipay_counter(&handle, &[("wallet.poll_s", "1"), ("wallet.qr_deadline_s", "30"), ("wallet.alipay.confirm_s", "10")]);
    let d = dir.path();
    let items = ["i-phobo", "i-croissant", "i-biasaigon", "i-phoga"];
    let mut c = AliCounts { payments: n, ..Default::default() };
    // A script the app never consumed (killed before its request reached Alipay) stays
    // queued for the next new trade: it is that payment's script then.
    let mut queued: Option<AlipayScript> = None;
    for i in 0..n {
        let qr = rng.below(2) == 0;
        let script = match queued.take() {
            Some(s) => s,
            None => {
                let s = match rng.below(8) {
                    0 => AlipayScript::Pay,
                    1 => AlipayScript::ConfirmAfter(Duration::from_millis(500 + rng.below(3500))),
                    2 => AlipayScript::InsufficientBalance,
                    3 => AlipayScript::NeverPays,
                    4 => AlipayScript::LoseAnswerAfterSuccess,
                    5 => AlipayScript::SystemError,
                    6 => AlipayScript::BadSignature,
                    _ => AlipayScript::PaysBeforeCancel,
                };
                ali.script_next(s.clone());
                *c.scripts.entry(alipay_script_name(&s)).or_default() += 1;
                s
            }
        };
        let waits = matches!(script, AlipayScript::NeverPays | AlipayScript::PaysBeforeCancel | AlipayScript::InsufficientBalance);
        // A system error is consumed by the first request, which may leave no trade: never
        // killed, so that no script is thought queued that was used. A QR nobody pays on
        // their own would keep a live app 30 s: always killed; a code left waiting (10 s)
        // two times in three; anything else one time in three.
        let kill_after = if script == AlipayScript::SystemError {
            None
        } else if qr && waits {
            Some(Duration::from_millis(300 + rng.below(2700)))
        } else if (!qr && waits && rng.below(3) < 2) || rng.below(3) == 0 {
            Some(Duration::from_millis(150 + rng.below(2000)))
        } else {
            None
        };
        // A QR waiting for its customer (the answer lost or badly signed, a system error
        // first): paid at a random moment, sometimes after the app died — or left to be
        // cancelled past its deadline, only when the app is killed (a live app waits it out).
        let customer_acts =
            qr && matches!(script, AlipayScript::LoseAnswerAfterSuccess | AlipayScript::SystemError | AlipayScript::BadSignature);
        let leaves = kill_after.is_some() && rng.below(3) == 0;
        let act_after = Duration::from_millis(rng.below(2500));
        let item = items[rng.below(items.len() as u64) as usize];
        let code = alipay_code(100 + i as u64);
        if !qr {
            c.code_scans += 1;
        }
        let trades_before = ali.trades().len();
        let burnt_before = ali.burnt().len();
        let mut child = spawn_ring_with_code(d, item, "alipay", (!qr).then_some(code.as_str()), None);
        let drains: Vec<_> = [
            child.stdout.take().map(|s| Box::new(s) as Box<dyn std::io::Read + Send>),
            child.stderr.take().map(|s| Box::new(s) as Box<dyn std::io::Read + Send>),
        ]
        .into_iter()
        .flatten()
        .map(|mut r| {
            std::thread::spawn(move || {
                let mut out = String::new();
                let _ = r.read_to_string(&mut out);
                out
            })
        })
        .collect();
        let customer = customer_acts.then(|| {
            let ali = ali.clone();
            std::thread::spawn(move || {
                let deadline = Instant::now() + Duration::from_secs(5);
                while ali.trades().len() == trades_before && Instant::now() < deadline {
                    std::thread::sleep(Duration::from_millis(20));
                }
                std::thread::sleep(act_after);
                let Some(t) = ali.trades().into_iter().nth(trades_before) else { return false };
                !leaves && ali.customer_pays(&t.out_trade_no)
            })
        });
        let mut killed = false;
        let t0 = Instant::now();
        match kill_after {
            Some(after) => {
                while t0.elapsed() < after && child.try_wait().unwrap().is_none() {
                    std::thread::sleep(Duration::from_millis(10));
                }
                if child.try_wait().unwrap().is_none() {
                    child.kill().unwrap(); // SIGKILL
                    killed = true;
                    c.kills += 1;
                }
                child.wait().unwrap();
            }
            None => {
                while child.try_wait().unwrap().is_none() {
                    assert!(t0.elapsed() < Duration::from_secs(60), "alipay payment {i} ({script:?}, qr {qr}) never ended");
                    std::thread::sleep(Duration::from_millis(10));
                }
            }
        }
        let output: Vec<String> = drains.into_iter().map(|t| t.join().unwrap()).collect();
        std::thread::sleep(Duration::from_millis(30));
        if ali.trades().len() == trades_before && ali.burnt().len() == burnt_before && script != AlipayScript::SystemError {
            assert!(killed, "alipay payment {i} ({item}, {script:?}, qr {qr}) never reached Alipay: {output:?}");
            c.never_reached += 1;
            queued = Some(script.clone());
        }
        if killed {
            // The restart: what the killed app left open is asked of Alipay.
            resolve(d);
        }
        if let Some(t) = customer {
            if t.join().unwrap() && killed {
                c.late_customer += 1;
            }
            if leaves {
                c.left += 1;
            }
        }
        // A code scan waiting for its customer when the app died: sometimes confirmed on
        // the phone afterwards.
        if killed && !qr && script == AlipayScript::NeverPays && rng.below(2) == 0 {
            if let Some(t) = ali.trades().into_iter().nth(trades_before) {
                if ali.customer_pays(&t.out_trade_no) {
                    c.late_customer += 1;
                }
            }
        }
    }
    if let Some(s) = queued {
        // The last payment's script was never used: nothing to account for.
        eprintln!("wallets random: alipay: the last script ({s:?}) was never used");
    }
    // Whatever is still open settles once its deadline (30 s) has passed: a restart then
    // cancels the trade (or burns a number Alipay never saw).
    let settle_by = Instant::now() + Duration::from_secs(45);
    loop {
        resolve(d);
        let open: Vec<Value> = open_attempts(d).into_iter().filter(|p| p["terminal"] == "alipay").collect();
        if open.is_empty() {
            break;
        }
        assert!(Instant::now() < settle_by, "alipay attempts still open long after every deadline: {open:?}");
        std::thread::sleep(Duration::from_secs(1));
    }
    resolve(d);

    // ---- the accounting ----
    let payments = json(d, &["payments", "list", "--json"]);
    let payments: Vec<&Value> = payments.as_array().unwrap().iter().collect();
    let sales = json(d, &["sales", "export", "--format", "json"]);
    let sales = sales.as_array().unwrap();
    let trades = ali.trades();
    let burnt: BTreeSet<String> = ali.burnt().into_iter().collect();
    c.trades = trades.len();
    c.burnt = burnt.len();
    let keys: BTreeSet<_> = payments.iter().map(|p| p["key"].as_str().unwrap()).collect();
    assert_eq!(keys.len(), payments.len(), "alipay: one journal line per attempt");
    let ids: BTreeSet<&str> = payments.iter().filter_map(|p| p["order_id"].as_str()).collect();
    assert_eq!(ids.len(), payments.len(), "alipay: one out_trade_no per attempt");
    for p in &payments {
        assert_eq!(p["terminal"], "alipay", "only Alipay on this counter: {p}");
        *c.states.entry(p["state"].as_str().unwrap().to_string()).or_default() += 1;
    }
    let by_order = |id: &str| payments.iter().find(|p| p["order_id"] == id).copied();
    // Never a second out_trade_no for a sale: at Alipay (a trade or a burnt number) at
    // most one per sale.
    let mut per_sale: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for id in trades.iter().map(|t| t.out_trade_no.clone()).chain(burnt.iter().cloned()) {
        let p = by_order(&id).unwrap_or_else(|| panic!("alipay: {id} at Alipay is not journaled"));
        per_sale.entry(p["sale_id"].as_str().unwrap().to_string()).or_default().insert(id);
    }
    assert!(per_sale.values().all(|ids| ids.len() == 1), "alipay: a sale with two numbers at Alipay: {per_sale:?}");
    // Alipay tenders by trade_no.
    let mut tenders: BTreeMap<String, Vec<(String, i64)>> = BTreeMap::new();
    for s in sales {
        if s["status"] == "voided" {
            continue;
        }
        let ts = s["tenders"].as_array().unwrap();
        let paid: i64 = ts.iter().map(|t| t["amount"].as_i64().unwrap()).sum();
        assert_eq!(paid, s["total"].as_i64().unwrap(), "the tenders pay the sale exactly: {s}");
        for t in ts {
            assert_eq!(t["kind"], "wallet", "only Alipay paid on this counter: {s}");
            assert_eq!(t["partner"], "alipay", "{s}");
            let reference = t["reference"].as_str().unwrap_or_default().to_string();
            assert!(!reference.is_empty(), "an Alipay tender names Alipay's trade_no: {s}");
            tenders.entry(reference).or_default().push((s["id"].as_str().unwrap_or_default().to_string(), t["amount"].as_i64().unwrap()));
        }
    }
    for t in &trades {
        let p = by_order(&t.out_trade_no).unwrap();
        assert!(t.pay_calls <= 1, "alipay: a scanned code is sent once: {t:?}");
        assert!(t.precreate_calls <= 3, "alipay: {t:?}");
        // Every trade ends paid or cancelled.
        assert_ne!(t.status, TradeStatus::WaitBuyerPay, "alipay: trade left open at Alipay: {t:?} (the attempt: {p})");
        let kept = t.paid_fen - t.refunded_fen;
        if kept > 0 {
            c.charged += 1;
            c.charged_fen += kept;
            assert_eq!(p["state"], "approved", "alipay: trade {} paid, the attempt says {p}", t.out_trade_no);
            assert_eq!(p["provider_ref"], t.trade_no.as_str(), "alipay: {p}");
            let found = tenders
                .get(&t.trade_no)
                .unwrap_or_else(|| panic!("LOST: Alipay trade {} paid {} fen but no sale has its tender: {p}", t.out_trade_no, t.paid_fen));
            assert_eq!(found.len(), 1, "alipay: trade {} paid twice over: {found:?}", t.out_trade_no);
            assert_eq!(found[0].1, t.total_fen, "alipay: the tender is what Alipay charged");
            assert_eq!(found[0].0, p["sale_id"].as_str().unwrap(), "alipay: the tender is on the attempt's own sale");
        } else {
            assert_ne!(
                p["state"], "approved",
                "alipay: trade {} not paid ({:?}) yet the attempt is approved: {p}",
                t.out_trade_no, t.status
            );
            if t.refunded_by_cancel {
                c.refunded_by_cancel += 1;
                assert_eq!(p["state"], "declined", "alipay: {p}");
                assert_eq!(p["result_code"], "cancel-refunded", "alipay: {p}");
            }
        }
    }
    for p in &payments {
        let id = p["order_id"].as_str().unwrap();
        if p["state"] == "approved" {
            assert!(trades.iter().any(|t| t.out_trade_no == id), "alipay: approved without a trade: {p}");
        }
        if burnt.contains(id) {
            assert_eq!(p["state"], "cancelled", "alipay: a burnt number's attempt: {p}");
        }
    }
    c.tenders = tenders.values().map(Vec::len).sum();
    let tender_total: i64 = tenders.values().flatten().map(|(_, a)| a).sum();
    assert_eq!(c.tenders, c.charged, "alipay: 0 lost, 0 twice: every charge is one Alipay tender, and no other");
    assert_eq!(tender_total, c.charged_fen, "alipay: the tenders are what Alipay kept");
    assert_eq!(ali.net_taken_fen(), c.charged_fen, "alipay: net taken = the tenders");
    assert_eq!(c.states.get("approved").copied().unwrap_or(0), c.charged, "alipay: the journal agrees with Alipay");
    let mut approved_per_sale: BTreeMap<&str, usize> = BTreeMap::new();
    for p in payments.iter().filter(|p| p["state"] == "approved") {
        *approved_per_sale.entry(p["sale_id"].as_str().unwrap()).or_default() += 1;
    }
    assert!(approved_per_sale.values().all(|&n| n == 1), "alipay: a sale charged twice: {approved_per_sale:?}");
    assert_eq!(sales.len(), c.charged, "alipay: one sale per charge");
    c.sales = sales.len();
    drop(handle);
    c
}
