use std::collections::{BTreeMap, BTreeSet};

use chrono::DateTime;
use fluent_syntax::ast;
use quay_core::error::Arg;
use quay_core::{Currency, Money};

use super::*;

#[test]
fn money_per_locale() {
    let cases: &[(Lang, i64, Currency, &str)] = &[
        (Lang::Vi, 125_000, Currency::Vnd, "125.000\u{a0}₫"),
        (Lang::En, 125_000, Currency::Vnd, "₫125,000"),
        (Lang::El, 125_000, Currency::Vnd, "125.000\u{a0}₫"),
        (Lang::ZhCn, 125_000, Currency::Vnd, "₫125,000"),
        (Lang::El, 123_450, Currency::Eur, "1.234,50\u{a0}€"),
        (Lang::En, 123_450, Currency::Eur, "€1,234.50"),
        (Lang::ZhCn, 123_450, Currency::Eur, "€1,234.50"),
        (Lang::Vi, 1_250, Currency::Eur, "12,50\u{a0}€"),
        (Lang::En, 5, Currency::Eur, "€0.05"),
        (Lang::En, 0, Currency::Vnd, "₫0"),
        (Lang::En, -45_000, Currency::Vnd, "-₫45,000"),
        (Lang::Vi, 500, Currency::Vnd, "500\u{a0}₫"),
    ];
    let l = Localizer::new().unwrap();
    for &(lang, minor, cur, want) in cases {
        assert_eq!(l.formatter(lang).money(Money::new(minor, cur)), want, "{lang} {minor} {cur}");
    }
    // Arabic: Latin digits (as on card slips), grouped, the symbol after the number.
    let ar = l.formatter(Lang::Ar).money(Money::new(125_000, Currency::Vnd));
    assert!(ar.contains("125") && ar.contains("000") && ar.ends_with('₫'), "{ar:?}");
    assert!(!ar.chars().any(|c| ('\u{660}'..='\u{669}').contains(&c)), "{ar:?}");
}

/// One date style and one date-time style per language, four-digit years, the instant's
/// own offset. The same cases are checked against the window's formatter
/// (`ui/src/lib/datetime.test.ts` reads this file), so screen and paper print alike.
const DATE_CASES: &str = include_str!("date_cases.json");

#[derive(serde::Deserialize)]
struct DateCase {
    at: String,
    lang: String,
    date: String,
    date_time: String,
    time: String,
}

#[test]
fn dates_per_locale() {
    let l = Localizer::new().unwrap();
    let cases: Vec<DateCase> = serde_json::from_str(DATE_CASES).unwrap();
    assert!(cases.len() >= 10);
    let mut langs = BTreeSet::new();
    for c in &cases {
        let lang = Lang::parse(&c.lang).unwrap();
        langs.insert(lang.tag());
        let t = DateTime::parse_from_rfc3339(&c.at).unwrap();
        let f = l.formatter(lang);
        assert_eq!(f.date(t), c.date, "{lang} {}", c.at);
        assert_eq!(f.day(t.date_naive()), c.date, "{lang} {}", c.at);
        assert_eq!(f.date_time(t), c.date_time, "{lang} {}", c.at);
        assert_eq!(f.time(t), c.time, "{lang} {}", c.at);
    }
    assert_eq!(langs.len(), Lang::ALL.len(), "every language has cases");
}

#[test]
fn dates_have_four_digit_years_latin_digits_and_no_direction_marks() {
    let l = Localizer::new().unwrap();
    let t = DateTime::parse_from_rfc3339("2026-12-02T04:37:19+07:00").unwrap();
    for lang in Lang::ALL {
        let dt = l.formatter(lang).date_time(t);
        assert!(dt.contains("2026") && dt.contains("04:37") && !dt.contains(":19"), "{lang}: {dt}");
        assert!(dt.chars().all(|c| c.is_ascii_digit() || c == '/' || c == ' ' || c == ':'), "{lang}: {dt:?}");
    }
}

#[test]
fn the_date_order_follows_the_language() {
    assert_eq!(DateOrder::of(Lang::En), DateOrder::MonthDayYear);
    assert_eq!(DateOrder::of(Lang::ZhCn), DateOrder::YearMonthDay);
    for lang in [Lang::Vi, Lang::El, Lang::Ar] {
        assert_eq!(DateOrder::of(lang), DateOrder::DayMonthYear, "{lang}");
    }
}

/// Isolated formatting wraps each inserted value in U+2068 … U+2069 (the window's
/// Fluent does the same); plain formatting has none.
#[test]
fn isolated_messages_isolate_each_value() {
    let l = Localizer::new().unwrap();
    let args = [("name", Arg::Text("Lan".into())), ("at", Arg::Text("02/12/2026 04:37".into()))];
    let plain = l.t(Lang::Ar, "dayend-report-closed", &args);
    let isolated = l.t_isolated(Lang::Ar, "dayend-report-closed", &args);
    assert!(!plain.contains('\u{2068}'), "{plain:?}");
    assert!(isolated.contains("\u{2068}02/12/2026 04:37\u{2069}") && isolated.contains("\u{2068}Lan\u{2069}"), "{isolated:?}");
    assert_eq!(isolated.replace(['\u{2068}', '\u{2069}'], ""), plain);
    assert_eq!(l.t_isolated(Lang::Vi, "no-such-message", &[]), "no-such-message");
}

#[test]
fn lang_tags() {
    let cases = [
        ("vi", Some(Lang::Vi)),
        ("vi-VN", Some(Lang::Vi)),
        ("zh_CN", Some(Lang::ZhCn)),
        ("zh-CN", Some(Lang::ZhCn)),
        ("AR", Some(Lang::Ar)),
        ("el-GR", Some(Lang::El)),
        ("fr", None),
        ("", None),
    ];
    for (tag, want) in cases {
        assert_eq!(Lang::parse(tag), want, "{tag}");
    }
    assert_eq!(Lang::Ar.dir(), "rtl");
    assert_eq!(Lang::Vi.dir(), "ltr");
}

/// `$variables` each message uses, per locale, read from the .ftl syntax tree.
fn variables(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    variables_of(lang, true)
}

/// The variables a message shows as text (a variable used only to choose a variant — a
/// plural count, a role — need not appear).
fn shown_variables(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    variables_of(lang, false)
}

fn variables_of(lang: Lang, selectors: bool) -> BTreeMap<String, BTreeSet<String>> {
    fn walk_pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>, sel: bool) {
        for el in &p.elements {
            if let ast::PatternElement::Placeable { expression } = el {
                walk_expr(expression, out, sel);
            }
        }
    }
    fn walk_expr(e: &ast::Expression<&str>, out: &mut BTreeSet<String>, sel: bool) {
        match e {
            ast::Expression::Select { selector, variants } => {
                if sel {
                    walk_inline(selector, out, sel);
                }
                for v in variants {
                    walk_pattern(&v.value, out, sel);
                }
            }
            ast::Expression::Inline(i) => walk_inline(i, out, sel),
        }
    }
    fn walk_inline(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>, sel: bool) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => walk_expr(expression, out, sel),
            // A referenced message is formatted with the caller's arguments: its
            // variables are the caller's too (resolved below, marked by '@').
            ast::InlineExpression::MessageReference { id, .. } => {
                out.insert(format!("@{}", id.name));
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    walk_inline(a, out, sel);
                }
            }
            _ => {}
        }
    }
    let mut map = BTreeMap::new();
    for (_, file, src) in SOURCES.iter().filter(|s| s.0 == lang) {
        let res = fluent_syntax::parser::parse(*src).unwrap_or_else(|(_, e)| panic!("{lang}/{file}: {e:?}"));
        for entry in res.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(v) = &m.value {
                    walk_pattern(v, &mut vars, selectors);
                }
                map.insert(m.id.name.to_string(), vars);
            }
        }
    }
    // Fold referenced messages' variables in, transitively (references do not cycle:
    // fluent refuses a cyclic one when formatting, which the tests would show).
    let refs: Vec<(String, Vec<String>)> =
        map.iter().map(|(id, vars)| (id.clone(), vars.iter().filter_map(|v| v.strip_prefix('@')).map(str::to_string).collect())).collect();
    for (id, targets) in refs {
        let mut seen = BTreeSet::new();
        let mut todo = targets;
        while let Some(t) = todo.pop() {
            if !seen.insert(t.clone()) {
                continue;
            }
            for v in map.get(&t).cloned().unwrap_or_default() {
                match v.strip_prefix('@') {
                    Some(next) => todo.push(next.to_string()),
                    None => {
                        map.get_mut(&id).unwrap().insert(v);
                    }
                }
            }
        }
        map.get_mut(&id).unwrap().retain(|v| !v.starts_with('@'));
    }
    map
}

#[test]
fn every_locale_has_every_message_with_the_same_variables() {
    let reference = variables(Lang::En);
    assert!(reference.len() > 50, "the English reference is loaded");
    for lang in Lang::ALL {
        let l = variables(lang);
        let missing: Vec<_> = reference.keys().filter(|k| !l.contains_key(*k)).collect();
        let obsolete: Vec<_> = l.keys().filter(|k| !reference.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        assert!(obsolete.is_empty(), "{lang} has obsolete {obsolete:?}");
        for (id, vars) in &reference {
            assert_eq!(&l[id], vars, "{lang}: {id} uses other variables than en");
        }
    }
}

/// Every message formats without error in every locale, given the variables English uses
/// (numbers for plural selectors, text elsewhere).
#[test]
fn every_message_formats_in_every_locale() {
    let loc = Localizer::new().unwrap();
    let reference = variables(Lang::En);
    for lang in Lang::ALL {
        let shown = shown_variables(lang);
        for (id, vars) in &reference {
            let args: Vec<(&str, Arg)> =
                vars.iter().map(|v| (v.as_str(), if v == "count" { Arg::Int(2) } else { Arg::Text(format!("<{v}>")) })).collect();
            let text = loc.try_format(lang, id, &args).unwrap_or_else(|e| panic!("{e}"));
            assert!(!text.trim().is_empty(), "{lang}: {id} is empty");
            // A variable that only chooses a variant (a plural count, a role) need not
            // appear in the text; every other one must.
            for v in vars.iter().filter(|v| shown[id].contains(*v) && *v != "count") {
                assert!(text.contains(&format!("<{v}>")), "{lang}: {id} drops ${v}: {text}");
            }
            assert!(!text.contains('\u{2068}'), "no isolation marks in backend text");
        }
    }
}

/// A role refusal names the action as the staff screen does, not by its id.
#[test]
fn refusals_name_the_action_in_words() {
    let loc = Localizer::new().unwrap();
    let e = quay_core::auth::AuthError::NotAllowed { role: "cashier", action: "approve-void" };
    for lang in Lang::ALL {
        let text = loc.error(lang, &e);
        let name = loc.t(lang, "staff-action", &[("action", Arg::Text("approve-void".into()))]);
        assert!(text.contains(&name) && !text.contains("approve-void"), "{lang}: {text}");
    }
    let pin = loc.t(Lang::En, "err-auth-pin-required", &[("action", Arg::Text("manual-bank-entry".into()))]);
    assert_eq!(pin, "A PIN is needed for this (Enter bank payments by hand).");
}

#[test]
fn errors_are_localized_with_money_formatted() {
    let loc = Localizer::new().unwrap();
    let e = quay_core::CoreError::CashTooLow { tendered: Money::new(50_000, Currency::Vnd), due: Money::new(95_000, Currency::Vnd) };
    let en = loc.error(Lang::En, &e);
    assert!(en.contains("₫50,000") && en.contains("₫95,000"), "{en}");
    let vi = loc.error(Lang::Vi, &e);
    assert!(vi.contains("50.000") && vi != en, "{vi}");
    assert_eq!(loc.t(Lang::Vi, "no-such-message", &[]), "no-such-message");
}

/// The technician's labels are translated in every language, the partner's own term kept
/// in brackets where the technician needs it; "ms" is said in the language.
#[test]
fn technical_labels_are_translated() {
    let loc = Localizer::new().unwrap();
    let partner_terms = [
        ("setup-key-hub-pos-parent", "Pos Parent"),
        ("setup-key-hub-pos-id", "Pos ID"),
        ("setup-key-hub-key1", "Key1"),
        ("setup-key-hub-key2", "Key2"),
        ("setup-report-pos-parent", "Pos Parent"),
        ("setup-report-pos-id", "Pos ID"),
    ];
    let viva = [("choice", Arg::Text("viva".into()))];
    let ms = [("ms", Arg::Int(12))];
    for lang in Lang::ALL.into_iter().filter(|&l| l != Lang::En) {
        for (id, term) in partner_terms {
            let text = loc.t(lang, id, &[]);
            assert_ne!(text, loc.t(Lang::En, id, &[]), "{lang}: {id} untranslated");
            assert!(text.contains(term), "{lang}: {id} = {text} lost the partner's term {term}");
        }
        for (id, args) in
            [("hub-menu-hash", &[][..]), ("setting-choice", &viva[..]), ("setup-report-col-ms", &[][..]), ("connect-step-ms", &ms[..])]
        {
            let text = loc.t(lang, id, args);
            assert_ne!(text, loc.t(Lang::En, id, args), "{lang}: {id} untranslated");
        }
        for (_, file, src) in SOURCES.iter().filter(|s| s.0 == lang) {
            for line in src.lines().filter(|l| !l.starts_with('#')) {
                assert!(!line.contains(" ms") && !line.contains("Hash") && !line.contains("(cloud)"), "{lang}/{file}: {line}");
            }
        }
    }
}
