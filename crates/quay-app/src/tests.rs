use chrono::{DateTime, FixedOffset};

use super::*;
use crate::export::Format;
use crate::ring::{parse_line, Pay};

const DEMO: &str = include_str!("../../../assets/demo-menu.json");

struct Fixed(DateTime<FixedOffset>);
impl Clock for Fixed {
    fn now(&self) -> DateTime<FixedOffset> {
        self.0
    }
}

fn counter(dir: &Path) -> Counter {
    let c = Counter::open_with(dir, Box::new(Fixed(DateTime::parse_from_rfc3339("2026-11-22T09:30:00+07:00").unwrap()))).unwrap();
    if c.menu().is_err() {
        c.import_menu(&crate::Who::Setup, DEMO.as_bytes()).unwrap();
    }
    c
}

fn sales_count(c: &Counter) -> usize {
    c.sales_on(&crate::Who::Setup, c.today()).unwrap().len()
}

#[test]
fn demo_menu_is_a_vietnamese_cafe() {
    let dir = tempfile::tempdir().unwrap();
    let c = counter(dir.path());
    let m = c.menu().unwrap();
    assert!(m.items().len() >= 40, "{}", m.items().len());
    assert_eq!(m.categories().count(), 6);
    assert_eq!(m.currency(), Currency::Vnd);
    for g in ["g-size", "g-sugar", "g-ice"] {
        assert!(m.group(g).is_some(), "{g}");
    }
    let names = |q: &str| m.search(q, 20).iter().map(|i| i.name.clone()).collect::<Vec<_>>();
    assert!(names("pho").contains(&"Phở bò".to_string()));
    assert!(names("ca phe sua").contains(&"Cà phê sữa đá".to_string()));
    assert!(names("CA PHE SUA DA").first().is_some_and(|n| n == "Cà phê sữa đá"));
    assert!(names("tra dao").contains(&"Trà đào".to_string()));
    assert!(names("bac xiu").contains(&"Bạc xỉu".to_string()));
}

#[test]
fn an_invalid_menu_keeps_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let c = counter(dir.path());
    let before = c.menu().unwrap().content_hash();
    let mut v: serde_json::Value = serde_json::from_str(DEMO).unwrap();
    v["items"][0]["category_id"] = "c-nowhere".into();
    v["version"] = 99.into();
    let err = c.import_menu(&crate::Who::Setup, v.to_string().as_bytes()).unwrap_err();
    assert_eq!(err.code, "err-menu-unknown-category");
    assert!(c.message(&err).contains("c-nowhere"), "{}", c.message(&err));
    assert_eq!(c.menu().unwrap().content_hash(), before);
    drop(c);
    let c = counter(dir.path());
    assert_eq!(c.menu().unwrap().content_hash(), before, "the store kept the old menu too");
    assert_ne!(c.menu().unwrap().version(), 99);
}

#[test]
fn screen_flow_add_options_pay_cash_with_change() {
    let dir = tempfile::tempdir().unwrap();
    let c = counter(dir.path());
    let co = c.checkout();
    let opts = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    c.edit_cart(&co, &crate::Who::Setup, |cart, m, now| {
        cart.add(m, "i-cfsd", &opts(&["o-size-l", "o-sugar-50", "o-ice-less"]), 1, Some("ít đá"), now).map_err(Into::into)
    })
    .unwrap();
    c.edit_cart(&co, &crate::Who::Setup, |cart, m, now| cart.add(m, "i-phobo", &[], 2, None, now).map_err(Into::into)).unwrap();
    let view = c.cart_view(&co, &crate::Who::Setup).unwrap();
    assert_eq!(view.lines.len(), 2);
    assert_eq!(view.item_count, 3);
    assert!(!view.vat.is_empty());
    let due = co.cart_snapshot().totals().unwrap().total;

    // Short cash is refused and changes nothing.
    let short = Money::new(due.minor - 1_000, Currency::Vnd);
    assert_eq!(c.pay_cash(&co, &crate::Who::Setup, Some(short)).unwrap_err().code, "err-cash-too-low");
    assert_eq!(co.cart_snapshot().lines.len(), 2);
    assert_eq!(sales_count(&c), 0);
    let p = c.cash_preview(&co, &crate::Who::Setup, &short.to_major_string()).unwrap();
    assert!(!p.ok && p.short.is_some());

    let tendered = Money::new(500_000, Currency::Vnd);
    let p = c.cash_preview(&co, &crate::Who::Setup, "500000").unwrap();
    assert!(p.ok && p.short.is_none());
    assert_eq!(p.change.minor, 500_000 - due.minor);
    let sale = c.pay_cash(&co, &crate::Who::Setup, Some(tendered)).unwrap();
    assert_eq!(sale.tenders[0].change, Some(500_000 - due.minor));
    assert!(co.cart_snapshot().is_empty(), "the cart resets after the sale");
    let day = c.sales_day_view(&crate::Who::Setup, c.today()).unwrap();
    assert_eq!(day.count, 1);
    assert_eq!(day.sales[0].receipt_no, "C1-000001");

    let r = c.receipt_view(&crate::Who::Setup, sale.id).unwrap();
    assert!(r.rows.iter().any(|row| row.text.contains("Iced milk coffee")), "{:?}", r.rows);
    assert!(r.rows.iter().any(|row| row.kind == "tender" && row.amount.as_deref() == Some("₫500,000")));
    c.set_lang(Lang::Ar).unwrap();
    let r = c.receipt_view(&crate::Who::Setup, sale.id).unwrap();
    assert!(r.rows.iter().any(|row| row.text.chars().any(|ch| ('\u{600}'..='\u{6ff}').contains(&ch))), "{:?}", r.rows);
}

#[test]
fn ring_refusals_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let c = counter(dir.path());
    let cases: &[(&[&str], Pay, &str)] = &[
        (&["i-phobo"], Pay::Cash(Some("1000".into())), "err-cash-too-low"),
        (&["i-phobo"], Pay::Cash(Some("65000.5".into())), "err-too-many-decimals"),
        (&["i-phobo"], Pay::Cash(Some("-70000".into())), "err-cash-too-low"),
        (&["i-phobo*0"], Pay::Cash(None), "err-bad-quantity"),
        (&["i-phobo*-1"], Pay::Cash(None), "err-bad-quantity"),
        (&["i-phobo*100000"], Pay::Cash(None), "err-bad-quantity"),
        (&["i-nothing"], Pay::Cash(None), "err-unknown-item"),
        (&["i-cfsd"], Pay::Cash(None), "err-option-count"),
        (&[], Pay::Cash(None), "err-empty-cart"),
    ];
    for (lines, pay, code) in cases {
        let lines: Vec<_> = lines.iter().map(|l| parse_line(l).unwrap()).collect();
        let err = c.ring(&crate::Who::Setup, &lines, pay).unwrap_err();
        assert_eq!(err.code, *code, "{lines:?}");
        for lang in Lang::ALL {
            c.set_lang(lang).unwrap();
            let text = c.message(&err);
            assert!(!text.is_empty() && text != err.code, "{lang}: {text}");
        }
    }
    assert_eq!(sales_count(&c), 0);
    assert_eq!(c.store().last_receipt("C1").unwrap(), 0);
}

#[test]
fn void_export_and_restart() {
    let dir = tempfile::tempdir().unwrap();
    let (sale, void) = {
        let c = counter(dir.path());
        let sale = c
            .ring(
                &crate::Who::Setup,
                &[parse_line("i-phobo*2").unwrap(), parse_line("i-biasaigon").unwrap()],
                &Pay::Cash(Some("200000".into())),
            )
            .unwrap();
        assert_eq!(c.void_sale(sale.id, "  ", &crate::Who::Setup, &crate::Who::Setup).unwrap_err().code, "err-void-reason");
        let void = c.void_sale(sale.id, "customer left", &crate::Who::Setup, &crate::Who::Setup).unwrap();
        assert_eq!(c.void_sale(sale.id, "again", &crate::Who::Setup, &crate::Who::Setup).unwrap_err().code, "err-already-voided");
        (sale, void)
    };
    let c = counter(dir.path());
    let day = c.sales_day_view(&crate::Who::Setup, c.today()).unwrap();
    let status: Vec<_> = day.sales.iter().map(|s| (s.receipt_no.as_str(), s.status)).collect();
    assert_eq!(status, [("C1-000002", "void"), ("C1-000001", "voided")]);
    assert_eq!(day.net.minor, 0);
    let r = c.receipt_view(&crate::Who::Setup, void.id).unwrap();
    assert!(r.rows.iter().any(|row| row.text.contains("C1-000001")));
    assert!(r.rows.iter().any(|row| row.text.contains("customer left")));

    let csv = c.export_sales(&crate::Who::Setup, c.today(), Format::Csv).unwrap();
    let mut rd = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4, "two lines per record");
    let h = rd.headers().unwrap().clone();
    let col = |name: &str| h.iter().position(|x| x == name).unwrap();
    assert_eq!(&rows[0][col("receipt_no")], "C1-000001");
    assert_eq!(&rows[0][col("qty")], "2");
    assert_eq!(&rows[2][col("status")], "voided");
    assert_eq!(&rows[2][col("line_total")], &format!("-{}", &rows[0][col("line_total")]));
    let json: Vec<Sale> = serde_json::from_str(&c.export_sales(&crate::Who::Setup, c.today(), Format::Json).unwrap()).unwrap();
    assert_eq!(json, vec![sale.clone(), void]);
    assert!(c.export_sales(&crate::Who::Setup, chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), Format::Json).unwrap().trim() == "[]");
}

/// A refused option reads as one sentence in the counter's language, naming the group as
/// the menu names it in that language (its own name where it has no translation): never
/// the menu's Vietnamese name glued to an English phrase.
#[test]
fn option_refusals_read_as_one_sentence_in_the_counters_language() {
    let dir = tempfile::tempdir().unwrap();
    let c = counter(dir.path());
    let spice = "i-bunbohue";
    let pho_extras = "i-phobo+o-pho-meat+o-pho-noodle+o-pho-egg";
    let cases: &[(&str, Lang, &str)] = &[
        (spice, Lang::En, "Choose 1 option for Spice level (you chose 0)."),
        (spice, Lang::Vi, "Hãy chọn đúng 1 tùy chọn cho Độ cay (đã chọn 0)."),
        (spice, Lang::Ar, "اختر 1 بالضبط من خيارات مستوى الحرارة (الحار) (تم اختيار 0)."),
        (spice, Lang::El, "Επιλέξτε ακριβώς 1 από τις επιλογές «Βαθμός καυτερού» (επιλέξατε 0)."),
        (spice, Lang::ZhCn, "请为“辣度”选择 1 项（已选 0 项）。"),
        (pho_extras, Lang::En, "Choose at most 2 options for Phở extras (you chose 3)."),
        (pho_extras, Lang::ZhCn, "请为“河粉加料”最多选择 2 项（已选 3 项）。"),
        ("i-phobo+o-size-l", Lang::En, "Option o-size-l is not available for Beef phở."),
    ];
    let check = |c: &Counter, cases: &[(&str, Lang, &str)]| {
        for (line, lang, want) in cases {
            c.set_lang(*lang).unwrap();
            let err = c.ring(&crate::Who::Setup, &[parse_line(line).unwrap()], &Pay::Cash(None)).unwrap_err();
            assert_eq!(c.message(&err), *want, "{line} {lang}");
        }
    };
    check(&c, cases);

    // A group that takes 1 to 3, and a group without a Greek name.
    let mut v: serde_json::Value = serde_json::from_str(DEMO).unwrap();
    for g in v["option_groups"].as_array_mut().unwrap() {
        match g["id"].as_str() {
            Some("g-topping") => g["min"] = 1.into(),
            Some("g-spice") => g["names"].as_object_mut().unwrap().retain(|lang, _| lang != "el"),
            _ => {}
        }
    }
    v["version"] = 2.into();
    c.import_menu(&crate::Who::Setup, v.to_string().as_bytes()).unwrap();
    check(
        &c,
        &[
            ("i-trachanh+o-size-l+o-sugar-50+o-ice-less", Lang::En, "Choose between 1 and 3 options for Toppings (you chose 0)."),
            ("i-trachanh+o-size-l+o-sugar-50+o-ice-less", Lang::Vi, "Hãy chọn từ 1 đến 3 tùy chọn cho Topping (đã chọn 0)."),
            (spice, Lang::El, "Επιλέξτε ακριβώς 1 από τις επιλογές «Độ cay» (επιλέξατε 0)."),
        ],
    );
    assert_eq!(sales_count(&c), 0);
}
