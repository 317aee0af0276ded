//! A job as the bytes a printer takes. Raster printers get the page drawn by quay-pdf's
//! layout (the same fonts, shaping and bidi as the PDF receipts: Arabic joined right to
//! left, Chinese glyphs) at the printer's dot width, as `GS v 0`; a printer set to text
//! mode gets its code page with transliteration (Latin receipts only). Every page ends
//! with a cut.

use quay_core::error::Arg;
use quay_core::sale::Sale;
use quay_i18n::Lang;
use quay_pdf::{Bitmap, Block, Direction, Document, PageSize};
use quay_print::codepage::CodePage;
use quay_print::escpos::Commands;
use quay_store::print::{JobKind, PrintJob};

use super::{DrawerPayload, KitchenPayload, Printer, TicketLine};
use crate::{AppError, Counter, Result};

/// Ink threshold for the 1-bit raster: anti-aliased edges at half grey or darker print.
const INK: u8 = 110;
/// The drawer's pulse: pin 2, 100 ms on and 100 ms off (`DLE DC4 1` counts in 100 ms).
const PULSE_MS: u16 = 100;
/// A QR module, in dots (about 0.75 mm at 8 dots per mm).
const QR_MODULE: u32 = 6;

fn pdf(e: quay_pdf::PdfError) -> AppError {
    crate::setup::pdf_error(e)
}

fn print(e: quay_print::PrintError) -> AppError {
    AppError::from_localized(&e)
}

/// The QR of `data` as a bitmap `width` dots wide, centred, with its quiet zone.
pub fn qr_bitmap(data: &str, width: u32) -> Option<Bitmap> {
    let code = qrcode::QrCode::with_error_correction_level(data.as_bytes(), qrcode::EcLevel::M).ok()?;
    let n = code.width() as u32;
    let colors = code.to_colors();
    let size = (n + 8) * QR_MODULE;
    if size > width {
        return None;
    }
    let left = (width - size) / 2;
    let mut pixels = vec![0u8; (width * size) as usize];
    for (i, c) in colors.iter().enumerate() {
        if *c != qrcode::Color::Dark {
            continue;
        }
        let (mx, my) = (i as u32 % n + 4, i as u32 / n + 4);
        for y in my * QR_MODULE..(my + 1) * QR_MODULE {
            let row = (y * width) as usize;
            for x in left + mx * QR_MODULE..left + (mx + 1) * QR_MODULE {
                pixels[row + x as usize] = 255;
            }
        }
    }
    Some(Bitmap { width, height: size, pixels })
}

/// A document drawn at the printer's width, then `extra` bitmaps, fed and cut.
pub fn raster_job(doc: &Document, printer: &Printer, extra: &[Bitmap]) -> Result<Vec<u8>> {
    let pages = quay_pdf::render_bitmap(doc, printer.width_dots).map_err(pdf)?;
    let mut c = Commands::with_max_width(printer.width_dots);
    c.init();
    for page in pages.iter().chain(extra) {
        c.raster(page, INK).map_err(print)?;
    }
    c.feed(3).cut(false);
    Ok(c.into_bytes())
}

/// Lines in the printer's code page (text mode): a heading, then label and amount pairs
/// padded to the paper's columns.
pub fn text_job(lines: &[(String, Option<String>)], printer: &Printer, large: &[usize]) -> Vec<u8> {
    let columns: usize = if printer.width_dots <= quay_print::escpos::MAX_DOTS_58MM { 32 } else { 48 };
    let page = CodePage::Pc858;
    let mut c = Commands::with_max_width(printer.width_dots);
    c.init();
    for (i, (text, amount)) in lines.iter().enumerate() {
        let big = large.contains(&i);
        if big {
            c.double_size(true);
        }
        match amount {
            Some(a) => {
                let width = columns.saturating_sub(a.chars().count() + 1).max(1);
                let left: String = text.chars().take(width).collect();
                let pad = columns.saturating_sub(left.chars().count() + a.chars().count());
                c.line(&format!("{left}{}{a}", " ".repeat(pad)), page);
            }
            None => {
                c.line(text, page);
            }
        }
        if big {
            c.double_size(false);
        }
    }
    c.feed(3).cut(false);
    c.into_bytes()
}

/// Whether text prints in the code page (Vietnamese loses its marks, fine; Arabic, Greek
/// or Chinese would come out as `?`): a text-mode printer gets a raster page otherwise.
pub fn fits_code_page<'a>(texts: impl IntoIterator<Item = &'a str>) -> bool {
    texts.into_iter().all(|t| {
        let encoded = quay_print::codepage::encode(t, CodePage::Pc858);
        encoded.iter().filter(|b| **b == b'?').count() <= t.chars().filter(|c| *c == '?').count()
    })
}

fn dir(lang: Lang) -> Direction {
    if lang.is_rtl() {
        Direction::Rtl
    } else {
        Direction::Ltr
    }
}

impl Counter {
    /// The bytes of `job` for `printer`.
    pub fn job_bytes(&self, job: &PrintJob, printer: &Printer) -> Result<Vec<u8>> {
        match job.kind {
            JobKind::Receipt => self.receipt_bytes(job, printer),
            JobKind::Kitchen | JobKind::KitchenCancel => self.kitchen_bytes(job, printer),
            JobKind::Drawer => {
                let _: DrawerPayload = serde_json::from_str(&job.payload).unwrap_or_default();
                // In real time, not `ESC p`: it opens the till out of paper too (§7).
                let mut c = Commands::with_max_width(printer.width_dots);
                c.drawer_now(true, PULSE_MS);
                Ok(c.into_bytes())
            }
            JobKind::Test => self.test_page_bytes(printer),
        }
    }

    fn sale_of(&self, job: &PrintJob) -> Result<Sale> {
        let id = job.sale_id.as_deref().and_then(|s| uuid::Uuid::parse_str(s).ok());
        let id = id.ok_or_else(|| AppError::new("err-print-no-job", vec![("job", job.id.into())]))?;
        self.find_sale(id)
    }

    /// The receipt: the store's header, number, lines with options and notes, VAT,
    /// tenders with change (the receipt view), a copy or reprint said so, and a QR of the
    /// receipt number or of the store's e-invoice lookup URL.
    fn receipt_bytes(&self, job: &PrintJob, printer: &Printer) -> Result<Vec<u8>> {
        let sale = self.sale_of(job)?;
        let v = self.receipt_of(sale.id)?;
        let lang = self.lang();
        let copy = job.reprint || job.payload.contains("\"copy\":true");
        let qr_data = match self.setting(crate::keys::PRINTER_RECEIPT_QR_URL)?.filter(|u| !u.trim().is_empty()) {
            Some(url) => url.replace("{receipt}", &v.receipt_no),
            None => v.receipt_no.clone(),
        };
        let latin = fits_code_page(v.rows.iter().flat_map(|r| std::iter::once(r.text.as_str()).chain(r.amount.as_deref())));
        if printer.text && latin {
            let mut lines: Vec<(String, Option<String>)> = Vec::new();
            if copy {
                lines.push((self.i18n().t(lang, "print-copy", &[]), None));
            }
            for r in &v.rows {
                match r.kind {
                    "rule" => lines.push(("-".repeat(if printer.width_dots <= 384 { 32 } else { 48 }), None)),
                    _ => lines.push((r.text.clone(), r.amount.clone())),
                }
            }
            lines.push((qr_data, None));
            return Ok(text_job(&lines, printer, &[]));
        }
        let mut doc = self.receipt_document_of(&v, PageSize::Roll { width_mm: printer.width_mm() });
        if copy {
            doc.blocks.insert(0, Block::Large(self.i18n().t(lang, "print-copy", &[])));
        }
        let qr = qr_bitmap(&qr_data, printer.width_dots);
        raster_job(&doc, printer, qr.as_slice())
    }

    /// A kitchen ticket: the station, the order's number and time in large type, each
    /// line's quantity and name, its options and note; a cancellation or a reprint says so
    /// first.
    fn kitchen_bytes(&self, job: &PrintJob, printer: &Printer) -> Result<Vec<u8>> {
        let payload: KitchenPayload = serde_json::from_str(&job.payload).unwrap_or_default();
        let lang = self.lang();
        let t = |id: &str, args: &[(&str, Arg)]| self.i18n().t(lang, id, args);
        let fmt = self.i18n().formatter(lang);
        // A ticket sent before payment has no sale yet: its short number and its time.
        let sale = match job.sale_id.as_deref().and_then(|s| uuid::Uuid::parse_str(s).ok()) {
            Some(id) => self.store().sale(id)?,
            None => None,
        };
        let lines: Vec<TicketLine> = if payload.items.is_empty() {
            let sale = sale.clone().ok_or_else(|| AppError::new("err-print-no-job", vec![("job", job.id.into())]))?;
            // A void's ticket lists the original's lines under the original's number.
            let source = match (job.kind, sale.void_of) {
                (JobKind::KitchenCancel, Some(o)) => self.find_sale(o)?,
                _ => sale,
            };
            payload
                .lines
                .iter()
                .filter_map(|i| source.lines.get(*i))
                .map(|l| {
                    let options = l.options.iter().map(|o| (o.option_id.as_str(), o.name.as_str()));
                    TicketLine::new(0, &l.item_id, &l.name, l.qty, options, l.note.as_deref())
                })
                .collect()
        } else {
            payload.items.clone()
        };
        // The number the kitchen first knew the order by, else the receipt's.
        let number = match (&sale, job.kind) {
            _ if payload.order.is_some() => payload.order.clone().unwrap_or_default(),
            (Some(s), JobKind::KitchenCancel) if s.void_of.is_some() => {
                s.void_of.map(|o| self.find_sale(o)).transpose()?.map(|o| o.receipt_no).unwrap_or_default()
            }
            (Some(s), _) => s.receipt_no.clone(),
            (None, _) => payload.order.clone().unwrap_or_else(|| "—".into()),
        };
        let at = match &sale {
            Some(s) => s.closed_at,
            None => chrono::DateTime::parse_from_rfc3339(&job.created_at).unwrap_or_else(|_| self.now()),
        };
        let mut out: Vec<(String, bool)> = Vec::new();
        if job.kind == JobKind::KitchenCancel {
            out.push((t("print-cancelled", &[]), true));
        }
        if job.reprint {
            out.push((t("print-reprint", &[]), true));
        }
        out.push((t("print-station", &[("station", Arg::Text(payload.station.clone()))]), false));
        out.push((t("print-order", &[("number", Arg::Text(number))]), true));
        out.push((fmt.date_time(at), false));
        for l in &lines {
            out.push((format!("{} × {}", l.qty, l.name), true));
            for o in &l.options {
                out.push((format!("  + {o}"), false));
            }
            if let Some(n) = l.note.as_deref().filter(|n| !n.trim().is_empty()) {
                out.push((format!("  ! {n}"), false));
            }
        }
        if printer.text && fits_code_page(out.iter().map(|(s, _)| s.as_str())) {
            let large: Vec<usize> = out.iter().enumerate().filter(|(_, (_, big))| *big).map(|(i, _)| i).collect();
            let lines: Vec<(String, Option<String>)> = out.into_iter().map(|(s, _)| (s, None)).collect();
            return Ok(text_job(&lines, printer, &large));
        }
        let blocks = out.into_iter().map(|(s, big)| if big { Block::Large(s) } else { Block::Text(s) }).collect();
        let doc =
            Document { title: "kitchen".into(), locale_dir: dir(lang), page: PageSize::Roll { width_mm: printer.width_mm() }, blocks };
        raster_job(&doc, printer, &[])
    }

    /// The test page: the printer, its width, and a sample in every language the counter
    /// speaks (shaping, right to left, Chinese glyphs), so a technician sees them all.
    pub fn test_page_bytes(&self, printer: &Printer) -> Result<Vec<u8>> {
        let lang = self.lang();
        let t = |id: &str, args: &[(&str, Arg)]| self.i18n().t(lang, id, args);
        let mut lines: Vec<(String, Option<String>)> = vec![
            (t("print-test-title", &[]), None),
            (
                t("print-test-printer", &[("printer", Arg::Text(printer.name.clone())), ("address", Arg::Text(printer.address.clone()))]),
                None,
            ),
            (t("print-test-width", &[("dots", i64::from(printer.width_dots).into())]), None),
            (self.i18n().formatter(lang).date_time(self.now()), None),
        ];
        for l in Lang::ALL {
            lines.push((self.i18n().t(l, "print-test-sample", &[]), None));
        }
        if printer.text {
            // The samples of the other languages do not fit a code page: only the Latin
            // lines, so a technician sees what text mode prints.
            let latin: Vec<(String, Option<String>)> = lines.into_iter().filter(|(s, _)| fits_code_page([s.as_str()])).collect();
            return Ok(text_job(&latin, printer, &[0]));
        }
        let mut blocks = vec![Block::Heading(lines[0].0.clone())];
        blocks.extend(lines[1..].iter().map(|(s, _)| Block::Text(s.clone())));
        blocks.push(Block::Rule);
        let doc = Document { title: "test".into(), locale_dir: dir(lang), page: PageSize::Roll { width_mm: printer.width_mm() }, blocks };
        raster_job(&doc, printer, &[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_latin_text_goes_to_a_code_page() {
        assert!(fits_code_page(["Cà phê sữa đá", "Total: 45,000 ₫", "Käsekuchen €3.50", "why?"]));
        for other in ["قهوة", "Καφές", "咖啡"] {
            assert!(!fits_code_page([other]), "{other}");
        }
    }

    #[test]
    fn a_text_mode_ticket_pads_amounts_to_the_columns() {
        let p = Printer { name: "receipt".into(), address: "file:/dev/null".into(), width_dots: 384, text: true, categories: vec![] };
        let bytes = text_job(&[("Total".into(), Some("45,000 d".into()))], &p, &[]);
        let line = format!("Total{}45,000 d\n", " ".repeat(32 - 5 - 8));
        assert!(bytes.windows(line.len()).any(|w| w == line.as_bytes()), "{:?}", String::from_utf8_lossy(&bytes));
    }
}
