//! A 20-line Arabic receipt for an 80 mm printer (576 dots), the figure docs/PERFORMANCE.md
//! states (goal: under 20 ms): quay-pdf's layout (shaping, bidi, wrapping), the raster at
//! 576 dots, the 1-bit packing and the ESC/POS bytes (`GS v 0` bands, feed, cut) — what
//! the counter's print worker does for a receipt, less the receipt view and the QR. Also
//! the two halves apart: the drawing (`render_bitmap`) and the bytes from a drawn page.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use quay_pdf::{render_bitmap, Bitmap, Block, Direction, Document, PageSize};
use quay_print::Commands;

const DOTS: u32 = 576;
/// The counter's ink threshold for the 1-bit raster (quay-app's print/render.rs).
const INK: u8 = 110;

const ITEMS: &[&str] =
    &["حساء فو باللحم البقري", "قهوة مثلجة بالحليب المكثّف", "كرواسون بالزبدة", "شاي الخوخ بالليمون", "ساندويتش بان مي باللحم"];

/// Like the counter's receipt document (quay-app's `receipt_document_of`): the store, the
/// number, date and cashier, 20 item lines with their amounts, totals, tenders, thanks.
fn receipt() -> Document {
    let lines: Vec<(String, String)> =
        (0..20).map(|i| (format!("{} × {}", i % 3 + 1, ITEMS[i % ITEMS.len()]), format!("{},000 ₫", 35 + 5 * i))).collect();
    Document {
        title: "C1-000001".into(),
        locale_dir: Direction::Rtl,
        page: PageSize::Roll { width_mm: DOTS as f32 / 8.0 },
        blocks: vec![
            Block::Heading("مقهى كواي".into()),
            Block::Text("إيصال رقم C1-000001".into()),
            Block::Text("12:34 22/11/2026".into()),
            Block::Text("الكاشير: ليلى".into()),
            Block::Rule,
            Block::KeyValue(lines),
            Block::Rule,
            Block::KeyValue(vec![
                ("الإجمالي".into(), "1,650,000 ₫".into()),
                ("شامل ضريبة القيمة المضافة 8%".into(), "122,222 ₫".into()),
                ("نقداً".into(), "1,650,000 ₫".into()),
                ("المدفوع".into(), "2,000,000 ₫".into()),
                ("الباقي".into(), "350,000 ₫".into()),
            ]),
            Block::Text("شكرًا لزيارتكم، نراكم قريبًا!".into()),
        ],
    }
}

/// The bytes a raster printer takes for `pages` (quay-app's `raster_job`).
fn job(pages: &[Bitmap]) -> Vec<u8> {
    let mut c = Commands::with_max_width(DOTS);
    c.init();
    for p in pages {
        c.raster(p, INK).expect("576 dots fit");
    }
    c.feed(3).cut(false);
    c.into_bytes()
}

fn bench_receipt(c: &mut Criterion) {
    let doc = receipt();
    let pages = render_bitmap(&doc, DOTS).unwrap();
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0].width, DOTS);
    let mut g = c.benchmark_group("receipt_ar_20_lines_576");
    g.bench_function("document_to_escpos", |b| b.iter(|| job(&render_bitmap(black_box(&doc), DOTS).unwrap())));
    g.bench_function("render_bitmap", |b| b.iter(|| render_bitmap(black_box(&doc), DOTS).unwrap()));
    g.bench_function("bitmap_to_escpos", |b| b.iter(|| job(black_box(&pages))));
    g.finish();
}

criterion_group!(benches, bench_receipt);
criterion_main!(benches);
