//! Behaviour of the text pipeline and the PDF it produces.

use std::process::Command;

use quay_pdf::*;

const BODY: TextStyle = TextStyle { size: 10.0, bold: false };

fn shape(text: &str, dir: Direction) -> ShapedLine {
    shape_line(&prepare(text), dir, BODY)
}

/// Glyph texts in visual order (left to right), one entry per glyph.
fn visual_texts(line: &ShapedLine) -> Vec<String> {
    line.glyphs.iter().map(|g| g.text.clone()).collect()
}

fn doc(dir: Direction, page: PageSize, blocks: Vec<Block>) -> Document {
    Document { title: "Test".into(), locale_dir: dir, page, blocks }
}

fn receipt_page() -> PageSize {
    PageSize::Receipt80mm(ReceiptLength::Auto)
}

// (1) The PDF parses and embeds exactly the fonts the text needs.
#[test]
fn pdf_parses_and_embeds_the_fonts_it_needs() {
    let pdf = render(&doc(
        Direction::Ltr,
        PageSize::A4,
        vec![Block::Heading("Quay Café".into()), Block::Text("Total العربية 42 — 合计 Σύνολο Tổng cộng".into())],
    ))
    .unwrap();
    let parsed = lopdf::Document::load_mem(&pdf).expect("PDF parses");
    assert_eq!(parsed.get_pages().len(), 1);

    let mut base_fonts = Vec::new();
    let mut programs = 0;
    for obj in parsed.objects.values() {
        let dict = match obj {
            lopdf::Object::Dictionary(d) => d,
            lopdf::Object::Stream(s) => &s.dict,
            _ => continue,
        };
        if dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"Font".as_slice())
            && dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Type0".as_slice())
        {
            let name = dict.get(b"BaseFont").unwrap().as_name().unwrap();
            base_fonts.push(String::from_utf8_lossy(name).into_owned());
        }
        if dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor".as_slice()) {
            assert!(dict.has(b"FontFile2") || dict.has(b"FontFile3"), "every font is embedded");
            programs += 1;
        }
    }
    base_fonts.sort();
    assert_eq!(base_fonts, ["NotoSans-Bold", "NotoSans-Regular", "NotoSansArabic-Regular", "NotoSansCJKsc-Regular"]);
    assert_eq!(programs, 4);
}

// (2) Arabic letters join (contextual forms differ from isolated ones) and run right to left.
#[test]
fn arabic_is_joined_and_right_to_left() {
    let word = "بيت"; // beh, yeh, teh: initial, medial, final forms when joined
    let isolated: Vec<u16> = word
        .chars()
        .map(|c| {
            let l = shape(&c.to_string(), Direction::Rtl);
            assert_eq!(l.glyphs.len(), 1);
            l.glyphs[0].gid
        })
        .collect();
    let joined = shape(word, Direction::Rtl);
    assert_eq!(joined.glyphs.len(), 3);
    // Visual order is the reverse of logical order: teh leftmost, beh rightmost.
    assert_eq!(visual_texts(&joined), ["ت", "ي", "ب"]);
    assert!(joined.glyphs.windows(2).all(|w| w[0].x < w[1].x));
    for g in &joined.glyphs {
        let logical = word.chars().position(|c| c.to_string() == g.text).unwrap();
        assert_ne!(g.gid, isolated[logical], "{} should take a joined form", g.text);
        assert_ne!(g.gid, 0);
    }
    // Same in an LTR document: the Arabic run is still reordered.
    assert_eq!(visual_texts(&shape(word, Direction::Ltr)), ["ت", "ي", "ب"]);
}

#[test]
fn lam_alef_ligature_keeps_both_characters_for_copying() {
    let line = shape("لا", Direction::Rtl);
    assert_eq!(line.glyphs.len(), 1, "lam-alef is one ligature glyph");
    assert_eq!(line.glyphs[0].text, "لا");
}

fn message_values(ftl: &str) -> Vec<String> {
    ftl.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once(" = ").map(|(_, v)| v.to_string())).collect()
}

// (3) Every character of every receipt message in every locale has a glyph.
#[test]
fn locale_receipts_have_no_notdef() {
    let locales = [
        ("en", Direction::Ltr, include_str!("../../../locales/en/receipt.ftl")),
        ("vi", Direction::Ltr, include_str!("../../../locales/vi/receipt.ftl")),
        ("ar", Direction::Rtl, include_str!("../../../locales/ar/receipt.ftl")),
        ("el", Direction::Ltr, include_str!("../../../locales/el/receipt.ftl")),
        ("zh-CN", Direction::Ltr, include_str!("../../../locales/zh-CN/receipt.ftl")),
    ];
    for (code, dir, ftl) in locales {
        let values = message_values(ftl);
        assert!(values.len() >= 10, "{code}: found only {} messages", values.len());
        for value in values {
            for bold in [false, true] {
                let line = shape_line(&prepare(&value), dir, TextStyle { size: 10.0, bold });
                for g in &line.glyphs {
                    assert_ne!(g.gid, 0, "{code}: .notdef for {:?} in {value:?} ({:?})", g.text, g.font);
                }
                // Every visible character is accounted for in the glyph texts.
                let shown: String = line.glyphs.iter().map(|g| g.text.as_str()).collect();
                assert_eq!(shown.chars().count(), prepare(&value).chars().count(), "{code}: {value:?}");
            }
        }
    }
}

// (4) A mixed line keeps both spaces and the Unicode bidi order.
#[test]
fn mixed_line_keeps_spaces_and_order() {
    let text = "Total العربية 42";
    let arabic_reversed: Vec<String> = "العربية".chars().rev().map(String::from).collect();

    // LTR paragraph: "42" follows the Arabic word, so (rule N1/W7 of UAX #9) it joins the
    // right-to-left stretch and shows left of it.
    let ltr = shape(text, Direction::Ltr);
    let mut expected: Vec<String> = "Total 42 ".chars().map(String::from).collect();
    expected.extend(arabic_reversed.iter().cloned());
    assert_eq!(visual_texts(&ltr), expected);

    // RTL paragraph: everything from the right: "Total" rightmost, then Arabic, then 42.
    let rtl = shape(text, Direction::Rtl);
    let mut expected: Vec<String> = "42 ".chars().map(String::from).collect();
    expected.extend(arabic_reversed.iter().cloned());
    expected.extend(" Total".chars().map(String::from));
    assert_eq!(visual_texts(&rtl), expected);

    for line in [&ltr, &rtl] {
        let spaces: Vec<_> = line.glyphs.iter().filter(|g| g.text == " ").collect();
        assert_eq!(spaces.len(), 2);
        assert!(line.glyphs.iter().all(|g| g.gid != 0));
        // Glyphs advance strictly left to right with visible gaps for the spaces.
        assert!(line.glyphs.windows(2).all(|w| w[0].x < w[1].x));
    }
}

// (5) Fluent's isolation marks and bidi marks steer the order but are never drawn.
#[test]
fn bidi_controls_never_reach_the_glyph_stream() {
    let samples = [
        ("إيصال رقم \u{2068}A-1042\u{2069}", Direction::Rtl),
        ("Receipt \u{2068}A-1042\u{2069}", Direction::Ltr),
        ("\u{200F}١٬٢٣٤٫٥٠\u{00A0}ج.م.\u{200F}", Direction::Rtl),
        ("\u{2066}x\u{2067}y\u{202B}z\u{202C}\u{2069}\u{200E}\u{061C}", Direction::Ltr),
    ];
    for (text, dir) in samples {
        let line = shape(text, dir);
        let controls = |c: char| matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        let visible = text.chars().filter(|&c| !controls(c)).count();
        assert_eq!(line.glyphs.len(), visible, "{text:?}");
        for g in &line.glyphs {
            assert!(!g.text.chars().any(controls), "{text:?}: {:?}", g.text);
            assert_ne!(g.gid, 0, "{text:?}: .notdef for {:?}", g.text);
        }
    }
    // The isolate keeps the receipt number as one left-to-right unit in Arabic.
    let line = shape("إيصال رقم \u{2068}A-1042\u{2069}", Direction::Rtl);
    let texts: String = visual_texts(&line).concat();
    assert!(texts.starts_with("A-1042 "), "{texts}");
}

#[test]
fn vietnamese_is_normalised_to_precomposed_glyphs() {
    let decomposed = "Tie\u{0302}\u{0300}n thu\u{031B}\u{0300}a";
    let composed = "Tiền thừa";
    let a = shape(decomposed, Direction::Ltr);
    let b = shape(composed, Direction::Ltr);
    assert_eq!(a.glyphs.iter().map(|g| g.gid).collect::<Vec<_>>(), b.glyphs.iter().map(|g| g.gid).collect::<Vec<_>>());
    assert_eq!(visual_texts(&a).concat(), composed);
}

#[test]
fn long_receipt_is_one_uncut_page_and_a4_tables_repeat_headers() {
    let columns = vec![
        Column { header: "Item".into(), align: Align::Start, width_fraction: 3.0 },
        Column { header: "Amount".into(), align: Align::End, width_fraction: 1.0 },
    ];
    let rows: Vec<Vec<String>> = (0..300).map(|i| vec![format!("Item {i}"), format!("{i}.00")]).collect();
    let table = Block::Table { columns, rows };

    let pages = layout(&doc(Direction::Ltr, receipt_page(), vec![table.clone(), Block::Text("END".into())])).unwrap();
    assert_eq!(pages.len(), 1);
    let page = &pages[0];
    let lowest = page
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text { baseline, .. } => Some(*baseline),
            _ => None,
        })
        .fold(0.0, f32::max);
    assert!(lowest < page.height, "content {lowest} inside page {}", page.height);
    assert!(render(&doc(Direction::Ltr, receipt_page(), vec![table.clone()])).is_ok());

    let pages = layout(&doc(Direction::Ltr, PageSize::A4, vec![table])).unwrap();
    assert!(pages.len() > 3);
    let mut seen_rows = 0;
    for p in &pages {
        let texts: Vec<String> = p
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { line, .. } => Some(line.glyphs.iter().map(|g| g.text.as_str()).collect()),
                _ => None,
            })
            .collect();
        assert_eq!(texts.iter().filter(|t| *t == "Item").count(), 1, "header on every page");
        seen_rows += texts.iter().filter(|t| t.starts_with("Item ")).count();
        for i in &p.items {
            if let Item::Text { baseline, .. } = i {
                assert!(*baseline < p.height - 40.0, "text inside the bottom margin");
            }
        }
    }
    assert_eq!(seen_rows, 300, "no row lost or duplicated across pages");
}

#[test]
fn rtl_puts_start_on_the_right_and_amounts_on_the_left() {
    let d =
        doc(Direction::Rtl, receipt_page(), vec![Block::Text("الإجمالي".into()), Block::KeyValue(vec![("الإجمالي".into(), "95.00".into())])]);
    let pages = layout(&d).unwrap();
    let page = &pages[0];
    let lines: Vec<(f32, &ShapedLine)> = page
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text { x, line, .. } => Some((*x, line)),
            _ => None,
        })
        .collect();
    let right_edge = |(x, l): (f32, &ShapedLine)| x + l.width;
    let content_right = page.width - 4.0 * 72.0 / 25.4;
    assert!((right_edge(lines[0]) - content_right).abs() < 0.01, "text starts at the right");
    assert!((right_edge(lines[1]) - content_right).abs() < 0.01, "label at the right");
    assert!((lines[2].0 - 4.0 * 72.0 / 25.4).abs() < 0.01, "value at the left");
}

#[test]
fn rtl_amounts_and_dates_keep_their_order_and_arabic_values_stay_right_to_left() {
    let cells = |v: &str| vec![Block::KeyValue(vec![("الإجمالي".into(), v.into())])];
    for (value, want) in [
        // A surcharge: the sign before the number, the symbol after, as on the screen.
        ("+10,000\u{a0}₫", "+10,000\u{a0}₫"),
        ("-5.00 ¥", "-5.00 ¥"),
        ("03/12/2026 10:05", "03/12/2026 10:05"),
    ] {
        let d = doc(Direction::Rtl, receipt_page(), cells(value));
        let pages = layout(&d).unwrap();
        let texts: Vec<String> = pages[0]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { line, .. } => Some(visual_texts(line).concat()),
                _ => None,
            })
            .collect();
        assert_eq!(texts[1], want, "{value:?} drawn as {texts:?}");
    }
    // An Arabic value is still drawn right to left: its first letter at the right.
    let d = doc(Direction::Rtl, receipt_page(), cells("نقدًا"));
    let pages = layout(&d).unwrap();
    let value = pages[0].items.iter().filter_map(|i| if let Item::Text { line, .. } = i { Some(line) } else { None }).nth(1).unwrap();
    assert_eq!(visual_texts(value).last().map(String::as_str), Some("ن"), "{:?}", visual_texts(value));
    // So is an Arabic value that starts with a Latin word: "ZVT" first, at the right.
    let d = doc(Direction::Rtl, receipt_page(), cells("ZVT على المنفذ"));
    let pages = layout(&d).unwrap();
    let value = pages[0].items.iter().filter_map(|i| if let Item::Text { line, .. } = i { Some(line) } else { None }).nth(1).unwrap();
    assert!(visual_texts(value).concat().ends_with("ZVT"), "{:?}", visual_texts(value));
}

#[test]
fn long_text_wraps_at_spaces_within_the_width() {
    let text = "Croissant with almond cream and a very long name that must wrap somewhere";
    let lines = wrap(text, Direction::Ltr, BODY, 120.0);
    assert!(lines.len() >= 3);
    for l in &lines {
        assert!(l.width <= 120.0);
        assert!(!l.glyphs.first().unwrap().text.starts_with(' '));
        assert!(!l.glyphs.last().unwrap().text.ends_with(' '));
    }
    let rejoined: Vec<String> = lines.iter().map(|l| visual_texts(l).concat()).collect();
    assert_eq!(rejoined.join(" "), text);
    // Chinese has no spaces: it breaks between characters, never before "，".
    let zh = wrap("手冲单品咖啡，埃塞俄比亚耶加雪菲，谢谢惠顾，欢迎再次光临！", Direction::Ltr, BODY, 60.0);
    assert!(zh.len() > 2);
    for l in &zh {
        assert!(l.width <= 60.0);
        assert_ne!(l.glyphs[0].text, "，");
    }
}

#[test]
fn mismatched_table_row_is_an_error() {
    let d = doc(
        Direction::Ltr,
        PageSize::A4,
        vec![Block::Table {
            columns: vec![Column { header: "A".into(), align: Align::Start, width_fraction: 1.0 }],
            rows: vec![vec!["1".into(), "2".into()]],
        }],
    );
    assert!(matches!(render(&d), Err(PdfError::TableShape { row: 0, got: 2, expected: 1 })));
}

// (6) Text copied out of the PDF is the text that went in (needs poppler's pdftotext).
#[test]
fn text_extraction_round_trip() {
    let lines = [
        "Total 125.000 ₫",
        "Cảm ơn quý khách, hẹn gặp lại!",
        "Σας ευχαριστούμε, ελάτε ξανά!",
        "谢谢惠顾，欢迎再次光临！",
        "Receipt \u{2068}A-1042\u{2069}",
    ];
    let d = doc(Direction::Ltr, PageSize::A4, lines.iter().map(|l| Block::Text(l.to_string())).collect());
    let Some(text) = pdftotext(&render(&d).unwrap()) else { return };
    for l in lines {
        let clean: String = l.chars().filter(|c| !('\u{2066}'..='\u{2069}').contains(c)).collect();
        assert!(text.contains(&clean), "{clean:?} not in extracted text:\n{text}");
    }
    assert!(!text.contains('\u{2068}'));

    // Arabic: poppler puts right-to-left text back into logical order.
    let ar = "شكرا لزيارتكم";
    let d = doc(Direction::Rtl, PageSize::A4, vec![Block::Text(ar.into())]);
    let text = pdftotext(&render(&d).unwrap()).unwrap();
    assert!(text.contains(ar), "{ar:?} not in extracted text:\n{text}");
}

fn pdftotext(pdf: &[u8]) -> Option<String> {
    let dir = std::env::temp_dir().join(format!("quay-pdf-{}-{:?}", std::process::id(), std::thread::current().id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("t.pdf");
    std::fs::write(&path, pdf).unwrap();
    match Command::new("pdftotext").arg(&path).arg("-").output() {
        Ok(out) => {
            assert!(out.status.success(), "pdftotext failed");
            Some(String::from_utf8(out.stdout).unwrap())
        }
        Err(_) => {
            eprintln!("SKIPPED: pdftotext not installed (apt-get install poppler-utils)");
            None
        }
    }
}

#[test]
fn paged_receipt_uses_the_given_page_height() {
    let rows: Vec<Vec<String>> = (0..60).map(|i| vec![format!("Row {i}")]).collect();
    let table = Block::Table { columns: vec![Column { header: String::new(), align: Align::Start, width_fraction: 1.0 }], rows };
    let pages = layout(&doc(Direction::Ltr, PageSize::Receipt80mm(ReceiptLength::Paged { height_mm: 100.0 }), vec![table])).unwrap();
    assert!(pages.len() >= 3);
    for p in &pages {
        assert!((p.height - 100.0 * 72.0 / 25.4).abs() < 0.01);
    }
    let rows: usize = pages.iter().map(|p| p.items.len()).sum();
    assert_eq!(rows, 60);
}
