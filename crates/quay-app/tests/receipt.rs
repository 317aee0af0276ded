//! The receipt of a sale as the window shows it and the PDF prints it: option surcharges
//! read as added to their item ("+₫10,000", the sign where each language puts it), VAT
//! with its amount in the amount column like every other row, and Print from the window
//! writing the receipt's PDF privately under the data directory.

use std::path::Path;

use quay_app::{Counter, Who};
use quay_i18n::Lang;
use quay_pdf::Block;

const DEMO: &[u8] = include_bytes!("../../../assets/demo-menu.json");

fn counter(dir: &Path) -> Counter {
    let c = Counter::open(dir).unwrap();
    c.import_menu(&quay_app::Who::Setup, DEMO).unwrap();
    c
}

/// An iced milk coffee, large (+10,000), half sugar and less ice (both +0), and a phở.
fn ring(c: &Counter, co: &quay_app::Checkout) -> quay_core::Sale {
    let opts = ["o-size-l", "o-sugar-50", "o-ice-less"].map(String::from);
    c.edit_cart(co, &quay_app::Who::Setup, |cart, m, now| Ok(cart.add(m, "i-cfsd", &opts, 2, None, now)?)).unwrap();
    c.edit_cart(co, &quay_app::Who::Setup, |cart, m, now| Ok(cart.add(m, "i-phobo", &[], 1, None, now)?)).unwrap();
    c.pay_cash(co, &Who::Setup, None).unwrap()
}

#[test]
fn option_surcharges_carry_a_plus_in_every_language_on_screen_and_on_paper() {
    let dir = tempfile::tempdir().unwrap();
    let c = counter(dir.path());
    let co = c.checkout();
    let sale = ring(&c, &co);
    let want = [
        (Lang::En, "+₫10,000"),
        (Lang::ZhCn, "+₫10,000"),
        (Lang::Vi, "+10.000\u{a0}₫"),
        (Lang::El, "+10.000\u{a0}₫"),
        (Lang::Ar, "+10,000\u{a0}₫"),
    ];
    for (lang, large) in want {
        c.set_lang(lang).unwrap();
        let v = c.receipt_view(&quay_app::Who::Setup, sale.id).unwrap();
        let options: Vec<_> = v.rows.iter().filter(|r| r.kind == "option").collect();
        assert_eq!(options.len(), 3, "{lang}: {:?}", v.rows);
        // Only the surcharge has an amount; a free option has none (not "+₫0").
        let amounts: Vec<_> = options.iter().filter_map(|r| r.amount.as_deref()).collect();
        assert_eq!(amounts, [large], "{lang}: {:?}", v.rows);
        // Items, the total and the tenders are amounts, not changes: no sign.
        for r in v.rows.iter().filter(|r| r.kind != "option") {
            assert!(!r.amount.as_deref().unwrap_or("").starts_with('+'), "{lang}: {r:?}");
        }
        // The PDF prints the same rows.
        let doc = c.receipt_document(&quay_app::Who::Setup, sale.id).unwrap();
        let printed = doc.blocks.iter().any(|b| matches!(b, Block::KeyValue(kv) if kv.iter().any(|(_, a)| a == large)));
        assert!(printed, "{lang}: {:?}", doc.blocks);
    }
}

#[test]
fn the_vat_row_keeps_its_amount_in_the_amount_column() {
    let dir = tempfile::tempdir().unwrap();
    let c = counter(dir.path());
    let co = c.checkout();
    let sale = ring(&c, &co);
    for lang in Lang::ALL {
        c.set_lang(lang).unwrap();
        let v = c.receipt_view(&quay_app::Who::Setup, sale.id).unwrap();
        let tax: Vec<_> = v.rows.iter().filter(|r| r.kind == "tax").collect();
        assert!(!tax.is_empty(), "{lang}: {:?}", v.rows);
        for r in tax {
            let amount = r.amount.as_deref().expect("the VAT amount is in the amount column");
            assert!(amount.contains('₫'), "{lang}: {r:?}");
            assert!(!r.text.contains('₫') && !r.text.contains(amount), "{lang}: the text holds no amount: {r:?}");
        }
    }
}

#[test]
fn print_writes_the_receipt_pdf_privately_and_again_for_a_reprint() {
    let dir = tempfile::tempdir().unwrap();
    let c = counter(dir.path());
    let co = c.checkout();
    let sale = ring(&c, &co);
    let path = c.print_receipt(&quay_app::Who::Setup, sale.id).unwrap();
    assert_eq!(path, dir.path().join("reports/receipts").join(format!("receipt-{}.pdf", sale.receipt_no)));
    let pdf = |p: &Path| {
        let bytes = std::fs::read(p).unwrap();
        assert!(bytes.starts_with(b"%PDF") && bytes.trim_ascii_end().ends_with(b"%%EOF"), "{} is a whole PDF", p.display());
        bytes
    };
    let first = pdf(&path);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
    }
    // A reprint, in another language: the same file, written again (a PDF carries a
    // random document id, so two printings never have the same bytes).
    c.set_lang(Lang::Ar).unwrap();
    assert_eq!(c.print_receipt(&quay_app::Who::Setup, sale.id).unwrap(), path);
    assert!(pdf(&path) != first, "written again");
    assert_eq!(std::fs::read_dir(path.parent().unwrap()).unwrap().count(), 1, "one file per receipt");
    // An unknown sale prints nothing.
    assert_eq!(c.print_receipt(&quay_app::Who::Setup, uuid::Uuid::now_v7()).unwrap_err().code, "err-no-such-sale");
}

#[test]
fn a_store_renamed_in_the_window_heads_the_next_receipt_and_the_display_without_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let c = counter(dir.path());
    c.configure_one(&Who::Setup, "store.name", |_| Ok("Quán Lan".into())).unwrap();
    let co = c.checkout();
    let first = ring(&c, &co);
    let title = |id| c.receipt_view(&Who::Setup, id).unwrap().rows.into_iter().find(|r| r.kind == "title").map(|r| r.text);
    assert_eq!(title(first.id).as_deref(), Some("Quán Lan"));
    // Renamed while the counter runs (the settings screen), not reopened.
    c.configure_one(&Who::Setup, "store.name", |_| Ok("Quán Lan — Hội An".into())).unwrap();
    let second = ring(&c, &co);
    assert_eq!(title(second.id).as_deref(), Some("Quán Lan — Hội An"));
    assert_eq!(c.display_view(&co).store, "Quán Lan — Hội An");
}
