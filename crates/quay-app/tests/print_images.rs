//! Printed receipts as images (issue 19): in each language (en, vi, ar, el, zh-CN) a fixed
//! sale at a fixed time is printed through the real path (the sale's print jobs, the
//! worker, the ESC/POS bytes over TCP) on the ESC/POS simulator, and the page the
//! simulator decoded (its raster at the printer's dots: the decoder round trip) is
//! compared with a reference PNG in `tests/print-reference/`: `receipt-<lang>.png` at 576
//! dots (80 mm), plus an Arabic kitchen ticket at 576 dots and a Greek one at 384 dots
//! (58 mm).
//!
//! The comparison tolerates a few pixels (glyph edges on the ink threshold, a float
//! rounding apart), not a changed word: the heights may differ by at most `ROWS` rows,
//! fewer than 0.5 % of the reference's dots may differ (dots of extra rows count where
//! they are ink), and no `TILE` × `TILE` square may hold more than `TILE_DOTS` differing
//! dots — scattered edge dots pass, a changed digit or word (a dense blob; the store's
//! name changed is only 0.13 % of the page) fails. On a mismatch the test writes the page
//! it got to `target/tmp/print-images/<name>.png` and reports the counts.
//!
//! Regenerate the references after a deliberate change to the receipt's layout, fonts or
//! raster, and look at each one before committing it:
//!
//! ```sh
//! QUAY_BLESS=1 cargo test -p quay-app --test integration print_images::
//! ```

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use quay_app::ring::{parse_line, Pay};
use quay_app::{Clock, Counter, Who};
use quay_sim::escpos::{start_in_thread, Page, PrinterConfig, PrinterSim, RunningPrinter};

const DEMO: &[u8] = include_bytes!("../../../assets/demo-menu.json");
const NOW: &str = "2026-11-22T12:34:00+07:00";
/// The sale: two phở (kitchen), an iced milk coffee with options (bar), a croissant; paid
/// with 500,000 ₫ in cash, so the receipt shows the tendered amount and the change.
const LINES: &[&str] = &["i-phobo*2", "i-cfsd+o-size-m+o-sugar-50+o-ice-less", "i-croissant"];
const TENDERED: &str = "500000";
/// Rows the page may be longer or shorter than its reference.
const ROWS: u32 = 4;
/// Differing dots allowed, per thousand of the reference's dots (0.5 %).
const PER_MILLE: usize = 5;
/// The side of the squares in which differences are counted, and the most one may hold.
const TILE: u32 = 16;
const TILE_DOTS: usize = 24;

struct Fixed(DateTime<FixedOffset>);
impl Clock for Fixed {
    fn now(&self) -> DateTime<FixedOffset> {
        self.0
    }
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// What one case prints besides the receipt: a kitchen station at a width.
struct Station {
    name: &'static str,
    categories: &'static str,
    width_mm: u32,
}

/// A fresh counter (fresh data directory: receipt C1-000001) in `lang` at the fixed time,
/// the sale rung and every job printed; the receipt page and the station's ticket.
fn print_sale(lang: &str, station: Option<Station>) -> (Page, Option<Page>) {
    let dir = tempfile::tempdir().unwrap();
    let open = || Counter::open_with(dir.path(), Box::new(Fixed(DateTime::parse_from_rfc3339(NOW).unwrap()))).unwrap();
    let c = open();
    c.import_menu(&Who::Setup, DEMO).unwrap();
    let receipt = start_in_thread(PrinterSim::new(PrinterConfig::new("receipt")));
    let mut settings = pairs(&[("counter.locale", lang), ("store.name", "Quán Lan"), ("printer.receipt", &receipt.url)]);
    let kitchen: Option<RunningPrinter> = station.as_ref().map(|s| {
        let dots = if s.width_mm == 58 { 384 } else { 576 };
        let p = start_in_thread(PrinterSim::new(PrinterConfig { width_dots: dots, ..PrinterConfig::new(s.name) }));
        let key = format!("printer.kitchen.{}", s.name);
        settings.extend(pairs(&[
            (&key, &p.url),
            (&format!("{key}.width"), &s.width_mm.to_string()),
            (&format!("{key}.categories"), s.categories),
        ]));
        p
    });
    c.save_settings(&Who::Setup, &settings).unwrap();
    // The store's name is read when the counter opens (as after the set-up's restart).
    drop(c);
    let c = open();
    let lines: Vec<_> = LINES.iter().map(|l| parse_line(l).unwrap()).collect();
    let sale = c.ring(&Who::Setup, &lines, &Pay::Cash(Some(TENDERED.into()))).unwrap();
    assert_eq!(sale.receipt_no, "C1-000001");
    let round = c.print_pending().unwrap();
    assert_eq!((round.failed, round.waiting), (0, 0), "{round:?}");
    let page = |p: &RunningPrinter| {
        let pages = p.wait_pages(1, Duration::from_secs(10));
        assert!(p.errors().is_empty(), "{:?}", p.errors());
        assert_eq!(pages.len(), 1, "one page on {}", p.config().name);
        assert!(pages[0].cut.is_some() && !pages[0].images.is_empty());
        pages[0].clone()
    };
    (page(&receipt), kitchen.as_ref().map(page))
}

fn reference(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/print-reference").join(format!("{name}.png"))
}

/// A 1-bit or 8-bit grayscale PNG as ink dots (dark = ink), width and height.
fn decode(png_bytes: &[u8]) -> (Vec<bool>, u32, u32) {
    let mut d = png::Decoder::new(std::io::Cursor::new(png_bytes));
    d.set_transformations(png::Transformations::EXPAND);
    let mut r = d.read_info().unwrap();
    let mut buf = vec![0; r.output_buffer_size().unwrap()];
    let info = r.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Grayscale, "a grayscale reference");
    let (w, h) = (info.width as usize, info.height as usize);
    let dots = (0..w * h).map(|i| buf[(i / w) * info.line_size + i % w] < 128).collect();
    (dots, info.width, info.height)
}

/// Compares `page` with the reference `name` (or writes it with QUAY_BLESS=1).
fn check(name: &str, page: &Page) {
    let path = reference(name);
    let got = page.to_png();
    if std::env::var("QUAY_BLESS").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &got).unwrap();
        eprintln!("blessed {} ({} × {} dots)", path.display(), page.width_dots, page.height_dots);
        return;
    }
    let want = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e} (generate the references with QUAY_BLESS=1)", path.display()));
    let (want, w, h) = decode(&want);
    let dots = page.dots();
    let (pw, ph) = (page.width_dots, page.height_dots);
    let (mut differ, mut densest) = (0usize, 0usize);
    if pw == w {
        let rows = h.max(ph);
        let mut tiles = vec![0usize; (w.div_ceil(TILE) * rows.div_ceil(TILE)) as usize];
        for y in 0..rows {
            for x in 0..w {
                let i = (y * w + x) as usize;
                if (y < h && want[i]) != (y < ph && dots[i]) {
                    differ += 1;
                    tiles[((y / TILE) * w.div_ceil(TILE) + x / TILE) as usize] += 1;
                }
            }
        }
        densest = tiles.into_iter().max().unwrap_or(0);
    }
    let allowed = (w * h) as usize * PER_MILLE / 1000;
    let ok = pw == w && ph.abs_diff(h) <= ROWS && differ < allowed && densest <= TILE_DOTS;
    if !ok {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("print-images");
        std::fs::create_dir_all(&out).unwrap();
        let actual = out.join(format!("{name}.png"));
        std::fs::write(&actual, &got).unwrap();
        panic!(
            "{name}: {differ} of {} dots differ (allowed fewer than {allowed}), at most {densest} in a {TILE} × {TILE} square \
             (allowed {TILE_DOTS}); got {pw} × {ph} dots, the reference is {w} × {h} (at most {ROWS} rows apart). \
             The page printed: {}; the reference: {}",
            w * h,
            actual.display(),
            path.display()
        );
    }
}

#[test]
fn receipt_en() {
    check("receipt-en", &print_sale("en", None).0);
}

#[test]
fn receipt_vi() {
    check("receipt-vi", &print_sale("vi", None).0);
}

#[test]
fn receipt_and_kitchen_ticket_ar() {
    let (receipt, ticket) = print_sale("ar", Some(Station { name: "hot", categories: "c-food", width_mm: 80 }));
    check("receipt-ar", &receipt);
    let ticket = ticket.unwrap();
    assert_eq!(ticket.width_dots, 576);
    check("kitchen-ar", &ticket);
}

#[test]
fn receipt_and_58mm_kitchen_ticket_el() {
    let (receipt, ticket) = print_sale("el", Some(Station { name: "bar", categories: "c-coffee, c-tea", width_mm: 58 }));
    check("receipt-el", &receipt);
    let ticket = ticket.unwrap();
    assert_eq!(ticket.width_dots, 384);
    check("kitchen-el-58mm", &ticket);
}

#[test]
fn receipt_zh_cn() {
    check("receipt-zh-CN", &print_sale("zh-CN", None).0);
}
