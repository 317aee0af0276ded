//! Sample documents for every locale, written to `target-samples/` (gitignored) as PDF
//! and, when poppler's `pdftoppm` is installed, as PNG for looking at.

use std::path::PathBuf;
use std::process::Command;

use quay_pdf::*;

fn col(header: &str, align: Align, w: f32) -> Column {
    Column { header: header.into(), align, width_fraction: w }
}

struct Strings {
    code: &'static str,
    dir: Direction,
    title: &'static str,
    store: &'static str,
    number: &'static str,
    cashier: &'static str,
    item: &'static str,
    qty: &'static str,
    amount: &'static str,
    rows: [[&'static str; 3]; 4],
    total: &'static str,
    total_value: &'static str,
    vat: &'static str,
    cash: &'static str,
    cash_value: &'static str,
    change: &'static str,
    change_value: &'static str,
    thanks: &'static str,
}

fn locales() -> Vec<Strings> {
    vec![
        Strings {
            code: "en",
            dir: Direction::Ltr,
            title: "Receipt",
            store: "Quay Café",
            number: "Receipt \u{2068}A-1042\u{2069}",
            cashier: "Cashier: \u{2068}Mai\u{2069}",
            item: "Item",
            qty: "Qty",
            amount: "Amount",
            rows: [
                ["Flat white", "2", "€9.00"],
                ["Croissant with almond cream and a very long name that wraps", "1", "€4.50"],
                ["Espresso", "3", "€7.50"],
                ["Water", "1", "€2.00"],
            ],
            total: "Total",
            total_value: "€23.00",
            vat: "VAT \u{2068}10%\u{2069} included",
            cash: "Cash",
            cash_value: "€30.00",
            change: "Change",
            change_value: "€7.00",
            thanks: "Thank you, see you again!",
        },
        Strings {
            code: "vi",
            dir: Direction::Ltr,
            title: "Hóa đơn",
            store: "Quay Café",
            number: "Hóa đơn số \u{2068}A-1042\u{2069}",
            cashier: "Thu ngân: \u{2068}Nguyễn Thị Mỹ Hạnh\u{2069}",
            item: "Món",
            qty: "SL",
            amount: "Thành tiền",
            // Decomposed input (e + combining marks) must come out like precomposed.
            rows: [
                ["Cà phê sữa đá", "2", "58.000 ₫"],
                ["Bánh mì thịt nướng đặc biệt", "1", "35.000 ₫"],
                ["Tra\u{0300} đa\u{0301}", "3", "15.000 ₫"],
                ["Nước ép ổi", "1", "30.000 ₫"],
            ],
            total: "Tổng cộng",
            total_value: "138.000 ₫",
            vat: "Đã gồm VAT \u{2068}8%\u{2069}",
            cash: "Tiền mặt",
            cash_value: "200.000 ₫",
            change: "Tiền thừa",
            change_value: "62.000 ₫",
            thanks: "Cảm ơn quý khách, hẹn gặp lại!",
        },
        Strings {
            code: "ar",
            dir: Direction::Rtl,
            title: "إيصال",
            store: "Quay Café",
            number: "إيصال رقم \u{2068}A-1042\u{2069}",
            cashier: "الكاشير: \u{2068}محمد\u{2069}",
            item: "الصنف",
            qty: "الكمية",
            amount: "المبلغ",
            rows: [
                ["قهوة عربية", "2", "\u{200F}٣٠٫٠٠ ج.م.\u{200F}"],
                ["شاي بالنعناع (كبير)", "1", "15.00 EGP"],
                ["كرواسون", "3", "45.00 EGP"],
                ["ماء", "1", "5.00 EGP"],
            ],
            total: "الإجمالي",
            total_value: "95.00 EGP",
            vat: "شامل ضريبة القيمة المضافة \u{2068}14%\u{2069}",
            cash: "نقداً",
            cash_value: "100.00 EGP",
            change: "الباقي",
            change_value: "5.00 EGP",
            thanks: "شكرًا لزيارتكم، نراكم قريبًا!",
        },
        Strings {
            code: "el",
            dir: Direction::Ltr,
            title: "Απόδειξη",
            store: "Quay Café",
            number: "Απόδειξη \u{2068}A-1042\u{2069}",
            cashier: "Ταμίας: \u{2068}Νίκος\u{2069}",
            item: "Είδος",
            qty: "Ποσ.",
            amount: "Ποσό",
            rows: [
                ["Φρέντο εσπρέσο", "2", "7,00 €"],
                ["Τυρόπιτα", "1", "2,80 €"],
                ["Ελληνικός καφές διπλός", "3", "9,00 €"],
                ["Νερό", "1", "0,50 €"],
            ],
            total: "Σύνολο",
            total_value: "19,30 €",
            vat: "Συμπεριλαμβάνεται ΦΠΑ \u{2068}24%\u{2069}",
            cash: "Μετρητά",
            cash_value: "20,00 €",
            change: "Ρέστα",
            change_value: "0,70 €",
            thanks: "Σας ευχαριστούμε, ελάτε ξανά!",
        },
        Strings {
            code: "zh-CN",
            dir: Direction::Ltr,
            title: "小票",
            store: "Quay Café",
            number: "小票号 \u{2068}A-1042\u{2069}",
            cashier: "收银员：\u{2068}王芳\u{2069}",
            item: "商品",
            qty: "数量",
            amount: "金额",
            rows: [
                ["拿铁咖啡（大杯）", "2", "¥56.00"],
                ["牛角面包", "1", "¥18.00"],
                ["手冲单品咖啡，埃塞俄比亚耶加雪菲", "3", "¥114.00"],
                ["矿泉水", "1", "¥5.00"],
            ],
            total: "合计",
            total_value: "¥193.00",
            vat: "含增值税 \u{2068}6%\u{2069}",
            cash: "现金",
            cash_value: "¥200.00",
            change: "找零",
            change_value: "¥7.00",
            thanks: "谢谢惠顾，欢迎再次光临！",
        },
    ]
}

fn receipt(s: &Strings, page: PageSize) -> Document {
    Document {
        title: s.title.into(),
        locale_dir: s.dir,
        page,
        blocks: vec![
            Block::Heading(s.store.into()),
            Block::Text(s.number.into()),
            Block::Text(s.cashier.into()),
            Block::Rule,
            Block::Table {
                columns: vec![col(s.item, Align::Start, 0.55), col(s.qty, Align::End, 0.13), col(s.amount, Align::End, 0.32)],
                rows: s.rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect(),
            },
            Block::Rule,
            Block::KeyValue(vec![(s.total.into(), s.total_value.into())]),
            Block::Text(s.vat.into()),
            Block::KeyValue(vec![(s.cash.into(), s.cash_value.into()), (s.change.into(), s.change_value.into())]),
            Block::Spacer,
            Block::Heading(s.thanks.into()),
        ],
    }
}

fn out_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target-samples");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn to_png(pdf: &std::path::Path) {
    let stem = pdf.with_extension("");
    match Command::new("pdftoppm").args(["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile"]).arg(pdf).arg(&stem).status() {
        Ok(s) => assert!(s.success(), "pdftoppm failed on {}", pdf.display()),
        Err(_) => eprintln!("pdftoppm not installed (apt-get install poppler-utils): no PNG for {}", pdf.display()),
    }
}

#[test]
fn render_samples_for_every_locale() {
    let dir = out_dir();
    for s in locales() {
        for (kind, page) in [("receipt", PageSize::Receipt80mm(ReceiptLength::Auto)), ("a4", PageSize::A4)] {
            let mut doc = receipt(&s, page);
            // Mixed-direction lines, as a bidi check for the eye.
            doc.blocks.push(Block::Text("Total العربية 42 (Quay) — مرحبا 123".into()));
            let pdf = render(&doc).unwrap();
            let path = dir.join(format!("{}-{}.pdf", s.code, kind));
            std::fs::write(&path, &pdf).unwrap();
            to_png(&path);
        }
    }
}

#[test]
fn render_long_rtl_report_sample() {
    let s = &locales()[2];
    let rows: Vec<Vec<String>> =
        (1..=90).map(|i| vec![format!("{} {i}", s.rows[i % 4][0]), (i % 5 + 1).to_string(), format!("{i}.00 EGP")]).collect();
    let doc = Document {
        title: s.title.into(),
        locale_dir: s.dir,
        page: PageSize::A4,
        blocks: vec![
            Block::Heading(s.store.into()),
            Block::Table {
                columns: vec![col(s.item, Align::Start, 0.55), col(s.qty, Align::End, 0.13), col(s.amount, Align::End, 0.32)],
                rows,
            },
        ],
    };
    let path = out_dir().join("ar-a4-long.pdf");
    std::fs::write(&path, render(&doc).unwrap()).unwrap();
    // Page 2 shows whether the header repeats.
    let _ = Command::new("pdftoppm")
        .args(["-png", "-r", "80", "-f", "2", "-l", "2", "-singlefile"])
        .arg(&path)
        .arg(path.with_extension(""))
        .status();
}
