//! `quay dayend …` through the real binary: a card sale on the ZVT simulator and a cash
//! sale, the bank's file reconciled line by line (JSON categories), a re-import that adds
//! nothing, a bad file refused whole, a manual entry, the terminal's batch, the report as
//! PDF and CSV, and the close of the day (refused while sales wait for the hub, then with a
//! cash difference and its reason, then refused a second time).

use crate::common;

use std::path::Path;

use common::*;
use serde_json::Value;

const BANK: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/bank");

fn categories(v: &Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|x| x["category"].as_str().unwrap().to_string()).collect()
}

#[test]
fn reconcile_report_and_close_headless() {
    use quay_sim::zvt::{Approve, Script};
    use quay_sim::HubConfig;

    let (sim, dir) = zvt_counter();
    let d = dir.path();

    sim.script(Script::Approve(Approve::brand("Visa")));
    let card: Value = serde_json::from_str(&ok(d, &["sales", "ring", "i-phobo", "--pay", "card", "--json"])).unwrap();
    let cash: Value = serde_json::from_str(&ok(d, &["sales", "ring", "i-phobo*2", "--pay", "cash", "--json"])).unwrap();
    let payments = json(d, &["payments", "list", "--json"]);
    let p = &payments[0];
    let (key, amount, at) = (p["key"].as_str().unwrap(), p["amount"].as_i64().unwrap(), p["created_at"].as_str().unwrap());
    assert_eq!(amount, card["total"].as_i64().unwrap());

    // The bank's file for today: our payment (by its merchant reference), the same line
    // twice, a sale the counter does not know, and a fee.
    let header = "transaction_id,merchant_reference,merchant_id,terminal_id,date_time,card_scheme,masked_pan,amount,currency,auth_code,rrn,stan,type";
    let csv = format!(
        "{header}\nB1,{key},M1,52500042,{at},Visa,************1234,{amount},VND,123456,,,sale\n\
         B1,{key},M1,52500042,{at},Visa,************1234,{amount},VND,123456,,,sale\n\
         B2,,M1,52500042,{at},Visa,************9999,9999,VND,999999,,,sale\n\
         F1,,M1,,{at},,,-1200,VND,,,,fee\n"
    );
    let file = d.join("bank-today.csv");
    std::fs::write(&file, &csv).unwrap();
    let file = file.to_str().unwrap();
    let r = json(d, &["dayend", "reconcile", "--bank-file", file, "--preset", "generic", "--json"]);
    assert_eq!(categories(&r["bank_lines"]), ["matched", "duplicate", "missing_at_counter", "fee_or_chargeback"], "{r}");
    assert_eq!(categories(&r["counter_payments"]), ["matched"]);
    assert_eq!(r["counter_payments"][0]["id"], key);
    assert_eq!(r["counter_payments"][0]["matched_to"]["id"], "sale:B1");
    assert_eq!(r["bank_lines"][0]["matched_to"]["id"], key);
    assert_eq!(r["bank_lines"][1]["matched_to"]["id"], "sale:B1", "a duplicate names its original");
    assert_eq!(r["import"]["new_lines"], 4);

    // The same file again: nothing new.
    let again = json(d, &["dayend", "reconcile", "--bank-file", file, "--preset", "generic", "--json"]);
    assert_eq!((again["import"]["new_lines"].as_i64(), again["import"]["already_imported"].as_bool()), (Some(0), Some(true)));
    assert_eq!(again["bank_lines"].as_array().unwrap().len(), 4);

    // A bad file: the line and the column, and nothing imported.
    let imports = |d: &Path| json(d, &["dayend", "reconcile", "--date", "2026-11-22", "--json"])["imports"].as_array().unwrap().len();
    let before = imports(d);
    let bad = format!("{BANK}/generic-bad-amount.csv");
    let err = refused(d, &["dayend", "reconcile", "--bank-file", &bad, "--preset", "generic", "--date", "2026-11-22"]);
    assert!(err.contains("Line 3") && err.contains("amount") && err.contains("30.5x"), "{err}");
    let vi = refused(d, &["--lang", "vi", "dayend", "reconcile", "--bank-file", &bad, "--preset", "generic", "--date", "2026-11-22"]);
    assert!(vi.contains("Dòng 3"), "{vi}");
    assert_eq!(imports(d), before, "nothing imported");
    assert!(refused(d, &["dayend", "reconcile", "--bank-file", file, "--preset", "acme"]).contains("generic"));

    // The manager enters the unknown sale by hand, with a reason.
    assert!(refused(d, &["dayend", "settle", "enter", "--bank-line", "sale:B2", "--reason", " "]).contains("reason"));
    let s = json(d, &["dayend", "settle", "enter", "--bank-line", "sale:B2", "--reason", "taken on the old terminal", "--json"]);
    assert_eq!(categories(&s["bank_lines"])[2], "matched");
    assert_eq!(s["bank_lines"][2]["note"], "taken on the old terminal");
    assert!(refused(d, &["dayend", "settle", "next-batch", "--payment", key]).contains("already matched"));

    // The terminal's batch agrees with the journal.
    let t = json(d, &["dayend", "terminal", "--json"]);
    assert_eq!(t["agrees"], true, "{t}");
    assert_eq!(t["terminal_total"], amount);
    assert_eq!(t["brands"][0]["brand"], "Visa");

    // The report, PDF and CSV, in the counter's language and in Arabic.
    let pdf = d.join("report.pdf");
    let csv_out = d.join("report.csv");
    ok(d, &["dayend", "report", "--pdf", pdf.to_str().unwrap(), "--csv", csv_out.to_str().unwrap()]);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let report_csv = std::fs::read_to_string(&csv_out).unwrap();
    assert!(report_csv.contains("tender,card,1,") && report_csv.contains("bank_line,sale:B1,"), "{report_csv}");
    let pdf_ar = d.join("report-ar.pdf");
    ok(d, &["--lang", "ar", "dayend", "report", "--pdf", pdf_ar.to_str().unwrap()]);
    assert!(std::fs::read(&pdf_ar).unwrap().starts_with(b"%PDF"));

    // Closing: refused while the two sales wait for the hub.
    let err = refused(d, &["dayend", "close"]);
    assert!(err.contains('2') && err.contains(card["receipt_no"].as_str().unwrap()), "{err}");
    let menu = quay_core::MenuSnapshot::from_json(&std::fs::read(DEMO).unwrap()).unwrap();
    let hub = quay_sim::start_in_thread(HubConfig::sandbox(menu));
    ok(d, &["config", "set", "hub.url", &hub.url]);
    ok(d, &["config", "set", "hub.pos_parent", HubConfig::SANDBOX_POS_PARENT]);
    ok(d, &["config", "set", "hub.pos_id", HubConfig::SANDBOX_POS_ID]);
    for (k, v) in [("hub.key1", HubConfig::SANDBOX_KEY1), ("hub.key2", HubConfig::SANDBOX_KEY2)] {
        set_secret(d, k, v);
    }
    ok(d, &["sync", "push"]);

    let expected = cash["total"].as_i64().unwrap();
    let counted = (expected - 1_000).to_string();
    assert!(refused(d, &["dayend", "close", "--cash-counted", &counted]).contains("reason"));
    let closed = json(d, &["dayend", "close", "--cash-counted", &counted, "--reason", "change given twice", "--json"]);
    assert_eq!((closed["cash_expected"].as_i64(), closed["cash_difference"].as_i64()), (Some(expected), Some(-1_000)));
    assert_eq!(closed["totals"]["sales"]["count"], 2);
    assert_eq!(closed["totals"]["card_brands"]["Visa"]["amount"], amount);
    assert!(refused(d, &["dayend", "close"]).contains("already closed"));
}

/// A new bank's file, headless: `preset suggest` guesses a mapping, the manager edits the
/// JSON, `--try` reads the file with it (or names the line and column), `save` keeps it.
#[test]
fn a_new_banks_mapping_headless() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["menu", "import", DEMO]);
    let file = format!("{BANK}/custom-day.csv");
    let mut preset = json(d, &["dayend", "preset", "suggest", &file]);
    assert_eq!(preset["delimiter"], ";");
    assert_eq!(preset["columns"]["amount"]["names"][0], "Betrag");
    assert_eq!(preset["columns"]["date_time"]["names"][0], "When");
    assert_eq!(preset["date_time"]["pattern"], "%d.%m.%Y %H:%M");
    assert!(preset["columns"]["transaction_id"].is_null());

    let edited = d.join("bank-de.json");
    preset["columns"]["amount"]["names"][0] = "Auth".into();
    std::fs::write(&edited, preset.to_string()).unwrap();
    let err = refused(d, &["dayend", "preset", "suggest", &file, "--try", edited.to_str().unwrap()]);
    assert!(err.contains('2') && err.contains("Auth"), "names line and column: {err}");

    preset["columns"]["amount"]["names"][0] = "Betrag".into();
    preset["columns"]["transaction_id"] = serde_json::json!({"names": ["Ref"]});
    std::fs::write(&edited, preset.to_string()).unwrap();
    let read = json(d, &["dayend", "preset", "suggest", &file, "--try", edited.to_str().unwrap()]);
    assert_eq!(read["lines"], 1);
    assert_eq!(read["first"][0]["transaction_id"], "B1");
    assert!(ok(d, &["dayend", "reconcile", "--json"]).contains("\"imports\": []"), "trying imports nothing");

    ok(d, &["dayend", "preset", "save", "bank-de", edited.to_str().unwrap()]);
    assert!(ok(d, &["dayend", "preset", "list"]).lines().any(|l| l == "bank-de"));
    let r = json(d, &["dayend", "reconcile", "--bank-file", &file, "--preset", "bank-de", "--date", "2026-11-22", "--json"]);
    assert_eq!(r["bank_lines"][0]["transaction_id"], "B1");
}
