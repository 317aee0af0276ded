//! `quay vpos …` through the real binary against the NestPay simulator (issue 17): a
//! definition added with its secrets on stdin (masked when listed, refused on the command
//! line), the connection test naming the static IP, phone payments (the card on stdin)
//! approved and declined with the bank's code, the log, a same-day void and a refund once
//! the batch closed; the card number and CVV never written anywhere (files, process
//! output, any TEXT of the database); the process killed (SIGKILL) after the journal said
//! "sent" and after the bank answered, then `quay vpos resolve` — never a second
//! authorization; an answer lost on the wire said as lost, then found by `resolve`; and a
//! 3-D payment link printed and waited on until the customer pays.

use crate::common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use quay_sim::vpos::{
    start_in_thread, Bank, RunningVpos, TxKind, VposCurrency, VposSim, VposSimConfig, APPROVED_CARD, NESTPAY_CLIENT_ID, NESTPAY_PASSWORD,
    NESTPAY_STORE_KEY, NESTPAY_USER,
};
use serde_json::Value;

use common::{json, ok, ok_with, sigkill, wait_paused, Killed};

const STATIC_IP: &str = "203.0.113.7";
const EXPIRY: &str = "12/30";
const DECLINED_51: &str = "4000000000000515";
const MASTERCARD: &str = "5406675406675403";

fn sim() -> RunningVpos {
    start_in_thread(VposSim::new(VposSimConfig::sandbox_in(VposCurrency::Vnd)))
}

/// `quay --data-dir DIR ARGS…` with `stdin` piped in and `env` added to the environment
/// (the outer `QUAY_DATA_DIR` and `QUAY_PIN` removed; `QUAY_LOG` error unless `env` says).
fn quay(dir: &Path, args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Output {
    let mut child = command(dir, args, env).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

/// `quay` as `quay()` does (no stdin), but killed, and the test failed, if it has not
/// ended within `secs`.
fn quay_within(dir: &Path, args: &[&str], secs: u64) -> Output {
    use std::io::Read;
    let child = command(dir, args, &[]).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut child = Killed(child);
    let read = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut v = Vec::new();
            let _ = r.read_to_end(&mut v);
            v
        })
    };
    let stdout = read(Box::new(child.stdout.take().unwrap()));
    let stderr = read(Box::new(child.stderr.take().unwrap()));
    let deadline = std::time::Instant::now() + Duration::from_secs(secs);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if std::time::Instant::now() > deadline {
            sigkill(child);
            panic!("`quay {}` still running after {secs} s: it hangs", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    Output { status, stdout: stdout.join().unwrap(), stderr: stderr.join().unwrap() }
}

fn command(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quay"));
    cmd.arg("--data-dir").arg(dir).args(args).env_remove("QUAY_DATA_DIR").env_remove("QUAY_PIN").env("QUAY_LOG", "error");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

/// The NestPay definition "Akbank" as `quay vpos add` takes it: the two secrets on stdin.
fn add_args(sim: &RunningVpos) -> Vec<String> {
    [
        "vpos",
        "add",
        "Akbank",
        "--kind",
        "nestpay",
        "--url",
        &sim.nestpay_api,
        "--gate-url",
        &sim.nestpay_gate,
        "--client-id",
        NESTPAY_CLIENT_ID,
        "--username",
        NESTPAY_USER,
        "--password",
        "-",
        "--store-key",
        "-",
        "--currency",
        "VND",
        "--static-ip",
        STATIC_IP,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn secrets_stdin() -> String {
    format!("{NESTPAY_PASSWORD}\n{NESTPAY_STORE_KEY}\n")
}

/// A counter (VND, the default) with the definition "Akbank" at `sim`.
fn counter(sim: &RunningVpos) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let args = add_args(sim);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    ok_with(dir.path(), None, &args, &secrets_stdin());
    dir
}

/// The card as the cashier types it on stdin: number, MM/YY, CVV.
fn card(number: &str, expiry: &str, cvv: &str) -> String {
    format!("{number}\n{expiry}\n{cvv}\n")
}

fn moto(d: &Path, amount: &str, reference: &str, stdin: &str, env: &[(&str, &str)]) -> Output {
    quay(
        d,
        &["vpos", "moto", "Akbank", "--amount", amount, "--reference", reference, "--phone", "+84 90 123 4567", "--note", "n"],
        stdin,
        env,
    )
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// `quay vpos log --json`: today's rows.
fn log(d: &Path) -> Vec<Value> {
    json(d, &["vpos", "log", "--json"]).as_array().unwrap().clone()
}

fn row_of<'a>(rows: &'a [Value], order: &str, kind: &str) -> &'a Value {
    rows.iter().find(|r| r["order_id"] == order && r["kind"] == kind).unwrap_or_else(|| panic!("no {kind} row for {order}: {rows:#?}"))
}

#[test]
fn cli_definitions_payments_log_and_cancel() {
    let sim = sim();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();

    // A secret on the command line is refused, and nothing is saved.
    let mut args = add_args(&sim);
    let at = args.iter().position(|a| a == "--password").unwrap();
    args[at + 1] = NESTPAY_PASSWORD.into();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = quay(d, &args, &format!("{NESTPAY_STORE_KEY}\n"), &[]);
    assert!(!out.status.success(), "a password on the command line was taken: {}", text(&out.stdout));
    let err = text(&out.stderr);
    assert!(err.contains("--password"), "the refusal names the flag: {err}");
    assert!(!err.contains(NESTPAY_PASSWORD) && !text(&out.stdout).contains(NESTPAY_PASSWORD), "the secret is not repeated: {err}");
    assert_eq!(json(d, &["vpos", "list", "--json"]), serde_json::json!([]), "nothing saved");

    // Added with the secrets on stdin, one per line; listed masked.
    let args = add_args(&sim);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = ok_with(d, None, &args, &secrets_stdin());
    assert!(out.contains("Akbank"), "{out}");
    let listed = ok(d, &["vpos", "list", "--json"]);
    let text_list = ok(d, &["vpos", "list"]);
    for shown in [&listed, &text_list] {
        for secret in [NESTPAY_PASSWORD, NESTPAY_STORE_KEY] {
            assert!(!shown.contains(secret), "a secret in `vpos list`: {shown}");
        }
    }
    let defs: Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(defs.as_array().unwrap().len(), 1, "{defs}");
    let def = &defs[0];
    assert_eq!((def["name"].as_str(), def["kind"].as_str(), def["currency"].as_str()), (Some("Akbank"), Some("nestpay"), Some("VND")));
    assert_eq!(def["static_ip"], STATIC_IP);
    let field = |name: &str| def["fields"].as_array().unwrap().iter().find(|f| f["name"] == name).cloned().unwrap_or(Value::Null);
    for secret in ["password", "store_key"] {
        assert_eq!(field(secret)["value"], "********", "{secret} masked: {def}");
        assert_eq!(field(secret)["secret"], true);
    }
    assert_eq!(field("client_id")["value"], NESTPAY_CLIENT_ID);
    assert_eq!(field("username")["value"], NESTPAY_USER);

    // The connection test: the bank accepts the credentials; the static IP is named.
    let out = quay(d, &["connect", "test", "vpos:Akbank"], "", &[]);
    assert!(out.status.success(), "connect test: {}{}", text(&out.stdout), text(&out.stderr));
    assert!(text(&out.stdout).contains(STATIC_IP), "the static IP in the report: {}", text(&out.stdout));

    // A phone payment, approved.
    let out = moto(d, "125000", "CAT-1", &card(APPROVED_CARD, EXPIRY, "123"), &[]);
    assert!(out.status.success(), "approved: {}", text(&out.stderr));
    let line = text(&out.stdout);
    assert!(line.contains("approved") && line.contains("450803******4509") && line.contains("CAT-1"), "{line}");
    // Declined: non-zero, the reason translated, with the bank's code.
    let out = moto(d, "80000", "CAT-2", &card(DECLINED_51, EXPIRY, "123"), &[]);
    assert!(!out.status.success(), "a decline exits non-zero: {}", text(&out.stdout));
    let err = text(&out.stderr);
    assert!(err.contains("insufficient funds") && err.contains("51"), "the reason and the code: {err}");
    assert!(!err.contains("decline-"), "translated: {err}");

    // The log: both, with order id, amount, the bank's code, message, masked number, who.
    let rows = log(d);
    assert_eq!(rows.len(), 2, "{rows:#?}");
    let (paid, declined) = (&rows[0], &rows[1]);
    for (r, state, code, amount, masked) in
        [(paid, "approved", "00", 125_000, "450803******4509"), (declined, "declined", "51", 80_000, "400000******0515")]
    {
        assert_eq!(r["state"], state, "{r}");
        assert_eq!(r["code"], code, "the bank's code as a string: {r}");
        assert_eq!(r["amount"]["minor"], amount, "{r}");
        assert_eq!(r["masked_pan"], masked, "{r}");
        assert!(r["order_id"].as_str().is_some_and(|o| !o.is_empty()), "{r}");
        assert!(r["message"].as_str().is_some_and(|m| !m.is_empty() && !m.contains("err-") && !m.contains("decline-")), "{r}");
        assert!(r["taken_by"].as_str().is_some_and(|w| !w.is_empty()), "who took it: {r}");
        assert_eq!(r["definition"], "Akbank");
        assert_eq!(r["phone"], "+84 90 123 4567");
        assert_eq!(r["note"], "n");
    }
    assert_eq!(paid["reference"], "CAT-1");
    assert!(declined["message"].as_str().unwrap().contains("51"), "{declined}");
    let order = paid["order_id"].as_str().unwrap().to_string();
    assert_ne!(Some(order.as_str()), declined["order_id"].as_str());

    // Cancelled the same day: a void at the bank.
    let out = quay_within(d, &["vpos", "cancel", &order], 30);
    assert!(out.status.success(), "cancel: {}", text(&out.stderr));
    let out = text(&out.stdout);
    assert!(out.contains("void"), "{out}");
    assert_eq!(sim.trans_stat(Bank::Nestpay, &order), Some("V"));
    let rows = log(d);
    assert!(row_of(&rows, &order, "sale")["voided"].as_bool().unwrap(), "{rows:#?}");
    let voids: Vec<&Value> = rows.iter().filter(|r| r["kind"] == "void").collect();
    assert_eq!(voids.len(), 1, "{rows:#?}");
    assert_eq!((voids[0]["state"].as_str(), voids[0]["amount"]["minor"].as_i64()), (Some("approved"), Some(125_000)), "{rows:#?}");

    // Another payment; the bank's batch closes; its cancel is a refund.
    let out = moto(d, "90000", "CAT-3", &card(MASTERCARD, EXPIRY, "123"), &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows = log(d);
    let later = rows.iter().find(|r| r["reference"] == "CAT-3").unwrap()["order_id"].as_str().unwrap().to_string();
    sim.close_batch();
    let out = quay_within(d, &["vpos", "cancel", &later, "--json"], 30);
    assert!(out.status.success(), "cancel: {}", text(&out.stderr));
    let r: Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_eq!((r["state"].as_str(), r["channel"].as_str()), (Some("approved"), Some("refund")), "{r}");
    let credits: Vec<_> = sim.order_transactions(Bank::Nestpay, &later).into_iter().filter(|t| t.kind == TxKind::Credit).collect();
    assert_eq!(credits.len(), 1, "one refund at the bank");
    assert!(credits[0].approved && credits[0].amount == 90_000, "{:?}", credits[0]);
    let rows = log(d);
    assert_eq!(row_of(&rows, &later, "sale")["refunded"]["minor"], 90_000, "{rows:#?}");
    // Nothing left to cancel.
    assert!(!quay_within(d, &["vpos", "cancel", &later], 30).status.success());
}

// ---- the card data search ----

fn luhn(digits: &str) -> bool {
    let mut sum = 0;
    for (i, c) in digits.bytes().rev().enumerate() {
        let mut n = (c - b'0') as u32;
        if i % 2 == 1 {
            n *= 2;
            if n > 9 {
                n -= 9;
            }
        }
        sum += n;
    }
    sum % 10 == 0
}

/// Whether `hay` holds `token` as a whole token: not part of a longer run of letters,
/// digits or `_`. A fraction after `NN.` (a time's fraction of a second, `12.947`) is not
/// a token.
fn has_token(hay: &str, token: &str) -> bool {
    let b = hay.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    hay.match_indices(token).any(|(i, _)| {
        let end = i + token.len();
        let before_ok = i == 0 || !word(b[i - 1]);
        let after_ok = end == b.len() || !word(b[end]);
        let fraction = i >= 3 && b[i - 1] == b'.' && b[i - 2].is_ascii_digit() && b[i - 3].is_ascii_digit();
        before_ok && after_ok && !fraction
    })
}

/// Runs of 12 or more digits in `hay` that hold one of `cards` or look like a card number
/// (13–19 digits, a card's first digit, a valid Luhn digit).
fn card_like_runs(hay: &str, cards: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut run = String::new();
    for c in hay.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            run.push(c);
            continue;
        }
        if run.len() >= 12 {
            let ours = cards.iter().any(|n| run.contains(n));
            let looks = (13..=19).contains(&run.len()) && matches!(run.as_bytes()[0], b'2'..=b'6' | b'9') && luhn(&run);
            if ours || looks {
                out.push(run.clone());
            }
        }
        run.clear();
    }
    out
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// Every TEXT value of every table: (table.column, value).
fn db_texts(db: &Path) -> Vec<(String, String)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(tables.iter().any(|t| t == "vpos_payments"), "{tables:?}");
    let mut out = Vec::new();
    for t in tables {
        let mut st = conn.prepare(&format!("SELECT * FROM \"{}\"", t.replace('"', "\"\""))).unwrap();
        let cols: Vec<String> = st.column_names().iter().map(|c| c.to_string()).collect();
        let mut rows = st.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            for (i, c) in cols.iter().enumerate() {
                if let rusqlite::types::ValueRef::Text(v) = r.get_ref(i).unwrap() {
                    out.push((format!("{t}.{c}"), String::from_utf8_lossy(v).into_owned()));
                }
            }
        }
    }
    out
}

#[test]
fn card_number_and_cvv_are_never_written_anywhere() {
    const CVV: &str = "947";
    const TYPED_EXPIRY: &str = "11/29";
    const BAD_LUHN: &str = "4508034508034508";
    const AMEX: &str = "374245455400126";
    let cards = [APPROVED_CARD, MASTERCARD, DECLINED_51, BAD_LUHN, AMEX];
    let sim = sim();
    let dir = counter(&sim);
    let d = dir.path();
    let debug = [("QUAY_LOG", "debug"), ("RUST_LOG", "debug")];
    let mut outputs: Vec<(String, Output)> = Vec::new();
    let mut pay = |what: &str, amount: &str, number: &str, expiry: &str, expect_ok: bool| {
        let out = moto(d, amount, what, &card(number, expiry, CVV), &debug);
        assert_eq!(out.status.success(), expect_ok, "{what}: {}", text(&out.stderr));
        outputs.push((what.to_string(), out));
    };
    pay("visa", "125000", APPROVED_CARD, TYPED_EXPIRY, true);
    pay("mastercard", "90000", MASTERCARD, TYPED_EXPIRY, true);
    pay("declined", "80000", DECLINED_51, TYPED_EXPIRY, false);
    pay("bad-luhn", "70000", BAD_LUHN, TYPED_EXPIRY, false);
    pay("amex-3-digit-cvv", "60000", AMEX, TYPED_EXPIRY, false);
    pay("expired", "50000", APPROVED_CARD, "01/20", false);
    // The bank's answer lost, then asked about.
    sim.drop_answers(1);
    pay("lost-answer", "40000", APPROVED_CARD, TYPED_EXPIRY, false);
    for args in [&["vpos", "resolve"][..], &["vpos", "log", "--json"], &["vpos", "log"], &["vpos", "dayend", "--json"]] {
        let out = quay(d, args, "", &debug);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        outputs.push((args.join(" "), out));
    }
    let rows = log(d);
    assert_eq!(rows.iter().filter(|r| r["state"] == "approved").count(), 3, "{rows:#?}");
    assert_eq!(rows.iter().filter(|r| r["state"] == "declined").count(), 1, "{rows:#?}");
    assert!(rows.iter().any(|r| r["masked_pan"] == "450803******4509"), "the masked number is kept: {rows:#?}");
    assert_eq!(sim.transactions().len(), 4, "bad input never reached the bank");
    assert!(outputs.iter().any(|(_, o)| !o.stderr.is_empty()), "debug logging ran");

    let mut found = Vec::new();
    // (a) Every file of the data directory, as bytes.
    let mut files = Vec::new();
    files_under(d, &mut files);
    assert!(files.iter().any(|f| f.file_name().is_some_and(|n| n == "quay.db")), "{files:?}");
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        for n in cards {
            if bytes.windows(n.len()).any(|w| w == n.as_bytes()) {
                found.push(format!("{n} in the file {}", f.display()));
            }
        }
    }
    // (b) What every run printed.
    for (what, out) in &outputs {
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let s = text(bytes);
            for n in cards {
                if s.contains(n) {
                    found.push(format!("{n} on the {stream} of {what}"));
                }
            }
            if has_token(&s, CVV) {
                found.push(format!("the CVV on the {stream} of {what}"));
            }
        }
    }
    // (c) Every TEXT value of the database.
    for (at, v) in db_texts(&d.join("quay.db")) {
        if has_token(&v, CVV) {
            found.push(format!("the CVV in {at}: {v:?}"));
        }
        for run in card_like_runs(&v, &cards) {
            found.push(format!("the card number {run} in {at}"));
        }
        if (at.starts_with("vpos_") || at.starts_with("payment")) && v.contains(TYPED_EXPIRY) {
            found.push(format!("the expiry as typed in {at}: {v:?}"));
        }
    }
    assert!(found.is_empty(), "card data written:\n{}", found.join("\n"));
}

// ---- killed mid-payment ----

/// `quay vpos moto Akbank …` paused at `point` with the card on stdin: killed there.
fn killed_at(d: &Path, point: &str, number: &str) {
    let mut cmd = command(d, &["vpos", "moto", "Akbank", "--amount", "125000", "--reference", "KILL-1"], &[("QUAY_PAUSE_AT", point)]);
    let mut child = Killed(cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap());
    child.stdin.take().unwrap().write_all(card(number, EXPIRY, "123").as_bytes()).unwrap();
    wait_paused(&mut child.0, point);
    sigkill(child);
}

/// The one attempt of the log, asserting there is exactly one.
fn the_attempt(d: &Path, name: &str) -> Value {
    let rows = log(d);
    assert_eq!(rows.len(), 1, "{name}: one attempt, never a second: {rows:#?}");
    rows[0].clone()
}

fn kill_case(name: &str, point: &str, number: &str, before: &str, after: &str) {
    let sim = sim();
    let dir = counter(&sim);
    let d = dir.path();
    // Its "not found" proves nothing while the authorization may still be on its way
    // (the bank's timeout and 5 s): short here, waited out below.
    ok(d, &["config", "set", "vpos.timeout_s", "5"]);
    killed_at(d, point, number);
    // The journal first: the attempt and its order id were on disk before the bank heard.
    let p = the_attempt(d, name);
    assert_eq!(p["state"], before, "{name}: {p}");
    let order = p["order_id"].as_str().unwrap_or_else(|| panic!("{name}: the order id is journaled: {p}")).to_string();

    if point == "vpos.sent" {
        // Asked too early, "not found" is not "never authorized": it stays open.
        let early: Value = serde_json::from_str(&ok(d, &["vpos", "resolve", "--json"])).unwrap();
        assert_eq!(early[0]["state"], "unknown", "{name}: {early}");
        std::thread::sleep(std::time::Duration::from_secs(11));
    }
    let settled: Value = serde_json::from_str(&ok(d, &["vpos", "resolve", "--json"])).unwrap();
    assert_eq!(settled.as_array().map(Vec::len), Some(1), "{name}: {settled}");
    let p = the_attempt(d, name);
    assert_eq!(p["state"], after, "{name}: {p}");
    assert_eq!(p["order_id"], order.as_str());
    let at_bank = sim.order_transactions(Bank::Nestpay, &order);
    match after {
        "cancelled" => assert!(sim.transactions().is_empty(), "{name}: nothing at the bank: {:?}", sim.transactions()),
        "approved" => {
            assert_eq!(sim.transactions().len(), 1, "{name}: one authorization: {:?}", sim.transactions());
            assert!(at_bank.len() == 1 && at_bank[0].approved && at_bank[0].amount == 125_000, "{name}: {at_bank:?}");
            assert_eq!(p["code"], "00", "{name}: {p}");
        }
        "declined" => {
            assert_eq!(sim.transactions().len(), 1, "{name}: {:?}", sim.transactions());
            assert!(at_bank.len() == 1 && !at_bank[0].approved, "{name}: {at_bank:?}");
            assert_eq!(p["code"], "51", "{name}: {p}");
        }
        other => unreachable!("{other}"),
    }
    // Asking again changes nothing.
    let again: Value = serde_json::from_str(&ok(d, &["vpos", "resolve", "--json"])).unwrap();
    assert_eq!(again, serde_json::json!([]), "{name}: nothing left open");
    assert!(ok(d, &["vpos", "resolve"]).contains("No virtual POS payment"), "{name}");
    assert_eq!(the_attempt(d, name), p, "{name}: resolve again changed the log");
    assert_eq!(sim.order_transactions(Bank::Nestpay, &order), at_bank, "{name}: nothing more at the bank");
}

#[test]
fn killed_after_sent_is_cancelled_and_nothing_is_charged() {
    kill_case("sent", "vpos.sent", APPROVED_CARD, "sent", "cancelled");
}

#[test]
fn killed_after_the_bank_approved_resolves_to_one_approval() {
    kill_case("answered approved", "vpos.answered", APPROVED_CARD, "sent", "approved");
}

#[test]
fn killed_after_the_bank_declined_resolves_to_the_decline() {
    kill_case("answered declined", "vpos.answered", DECLINED_51, "sent", "declined");
}

/// The bank's answer lost on the way back (the simulator closes the connection after
/// approving): the cashier is told the answer was lost — not that nothing was charged —
/// and `quay vpos resolve` finds the approval, with no second authorization.
#[test]
fn a_lost_answer_is_said_as_lost_and_resolve_finds_the_approval() {
    let sim = sim();
    let dir = counter(&sim);
    let d = dir.path();
    sim.drop_answers(1);
    let out = moto(d, "40000", "LOST-1", &card(APPROVED_CARD, EXPIRY, "123"), &[]);
    assert!(!out.status.success(), "{}", text(&out.stdout));
    let p = the_attempt(d, "lost");
    assert_eq!(p["state"], "unknown", "{p}");
    let order = p["order_id"].as_str().unwrap().to_string();
    let err = text(&out.stderr);
    assert!(err.contains("was lost") && !err.contains("never authorized"), "the bank approved {order}, yet the cashier reads: {err}");
    let settled: Value = serde_json::from_str(&ok(d, &["vpos", "resolve", "--json"])).unwrap();
    assert_eq!(settled.as_array().map(Vec::len), Some(1), "{settled}");
    assert_eq!(the_attempt(d, "lost")["state"], "approved");
    assert_eq!(sim.transactions().len(), 1, "one authorization at the bank");
}

// ---- the payment link ----

#[test]
fn link_prints_the_link_and_waits() {
    let sim = sim();
    let dir = counter(&sim);
    let d = dir.path();
    let set = quay(d, &["config", "set", "vpos.return_url", "http://127.0.0.1:9/quay"], "", &[]);
    assert!(set.status.success(), "`quay config set vpos.return_url` refused: {}", text(&set.stderr));
    let child = command(d, &["vpos", "link", "Akbank", "--amount", "150000", "--reference", "DEP-1"], &[])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut child = Killed(child);
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut lines = Vec::new();
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line.clone());
            lines.push(line);
        }
        lines
    });
    let first = rx.recv_timeout(Duration::from_secs(30)).expect("the link is printed");
    // "Payment link for ORDER: URL"
    let rest = first.strip_prefix("Payment link for ").unwrap_or_else(|| panic!("{first}"));
    let (order, url) = rest.split_once(": ").unwrap_or_else(|| panic!("{first}"));
    assert!(url.starts_with(&format!("{}/fim/page/", sim.url)), "{first}");
    assert_eq!(sim.link(order).map(|l| l.order_id), Some(order.to_string()), "the bank knows the link");
    sim.pay_link(order, APPROVED_CARD, EXPIRY, "123").unwrap();

    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(std::time::Instant::now() < deadline, "the link's wait never ended");
        std::thread::sleep(Duration::from_millis(50));
    };
    let lines = reader.join().unwrap();
    let mut err = String::new();
    let _ = std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err);
    assert!(status.success(), "{lines:?} {err}");
    let last = lines.last().unwrap();
    assert!(last.contains(order) && last.contains("approved"), "{lines:?}");
    let rows = log(d);
    let p = row_of(&rows, order, "sale");
    assert_eq!((p["state"].as_str(), p["channel"].as_str()), (Some("approved"), Some("link")), "{p}");
    assert_eq!(sim.order_transactions(Bank::Nestpay, order).len(), 1);
}
