//! The connection test's report in one language: as the faces show it (plain, or with
//! each value isolated for a bidi algorithm), as lines for a terminal, and as a PDF.

use quay_core::error::Arg;
use quay_i18n::{Lang, Localizer};
use quay_pdf::{Align, Block, Column, Direction, Document, PageSize};
use serde::Serialize;

use super::connection::{ConnectionReport, Step, Target};
use crate::{AppError, Counter, Result};

/// A report in one language, as the faces show it and the PDF prints it.
#[derive(Debug, Clone, Serialize)]
pub struct ReportView {
    pub target: Target,
    pub title: String,
    pub ok: bool,
    /// "Connection successful" / "Connection failed".
    pub outcome: String,
    pub at: String,
    /// Labelled identity lines, only those with a value.
    pub identity: Vec<(String, String)>,
    pub steps: Vec<StepView>,
    pub round_trip: Option<String>,
    pub footer: String,
    pub dir: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    pub id: &'static str,
    pub name: String,
    pub ok: bool,
    /// "OK" / "Failed".
    pub status: String,
    pub result: String,
    pub took_ms: u64,
    /// The time it took, worded in the language ("12 ms", "12 mili giây").
    pub took: String,
}

impl Counter {
    /// A report in `lang`, as plain text (the command line, JSON).
    pub fn connection_report_view(&self, report: &ConnectionReport, lang: Lang) -> ReportView {
        report_view(self.i18n(), report, lang)
    }

    /// A report in `lang` for the window: each value isolated (see [`report_view_isolated`]).
    pub fn connection_report_screen_view(&self, report: &ConnectionReport, lang: Lang) -> ReportView {
        report_view_isolated(self.i18n(), report, lang)
    }

    /// The printable report written under the data directory's `reports/` (the window's
    /// copy of what it showed); returns where.
    pub fn save_connection_report(&self, report: &ConnectionReport, lang: Lang) -> Result<std::path::PathBuf> {
        let pdf = self.connection_report_pdf(report, lang)?;
        let dir = self.data_dir().join("reports");
        crate::files::private_dir(&dir)?;
        let path = dir.join(format!("connection-{}-{}.pdf", report.target.as_str(), self.now().format("%Y%m%d-%H%M%S")));
        crate::files::write_private(&path, &pdf)?;
        Ok(path)
    }

    /// The printable report (A4 PDF) in `lang`: Arabic runs right to left.
    pub fn connection_report_pdf(&self, report: &ConnectionReport, lang: Lang) -> Result<Vec<u8>> {
        quay_pdf::render(&self.connection_report_document(report, lang)).map_err(pdf_error)
    }

    /// The report as a document, for the PDF and its picture (the proof's PNG).
    pub fn connection_report_document(&self, report: &ConnectionReport, lang: Lang) -> Document {
        // The values (codes, URLs, phone numbers, dates, Latin names) are isolated so each
        // keeps its own direction; quay-pdf uses the marks and draws nothing.
        let v = report_view_isolated(self.i18n(), report, lang);
        let i18n = self.i18n();
        let t = |id: &str| i18n.t(lang, id, &[]);
        let mut blocks = vec![Block::Heading(v.title.clone()), Block::Text(v.outcome.clone()), Block::Rule];
        blocks.push(Block::KeyValue(v.identity.clone()));
        blocks.push(Block::Spacer);
        let rows = v
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| vec![format!("{}. {}", i + 1, s.name), s.status.clone(), s.result.clone(), s.took_ms.to_string()])
            .collect();
        blocks.push(Block::Table {
            columns: vec![
                Column { header: t("setup-report-col-step"), align: Align::Start, width_fraction: 0.34 },
                Column { header: t("setup-report-col-status"), align: Align::Start, width_fraction: 0.12 },
                Column { header: t("setup-report-col-result"), align: Align::Start, width_fraction: 0.42 },
                Column { header: t("setup-report-col-ms"), align: Align::End, width_fraction: 0.12 },
            ],
            rows,
        });
        blocks.push(Block::Spacer);
        if let Some(rt) = &v.round_trip {
            blocks.push(Block::Text(rt.clone()));
        }
        blocks.push(Block::Rule);
        blocks.push(Block::Text(v.footer.clone()));
        Document {
            title: v.title.replace(['\u{2068}', '\u{2069}'], ""),
            locale_dir: if lang.is_rtl() { Direction::Rtl } else { Direction::Ltr },
            page: PageSize::A4,
            blocks,
        }
    }
}

/// A document that could not be drawn.
pub(crate) fn pdf_error(e: quay_pdf::PdfError) -> AppError {
    AppError::new("err-pdf", vec![("detail", e.to_string().into())])
}

/// The report in `lang` (names, results and labels localized; times in the locale's one
/// date-time style), as plain text: for terminals and JSON.
pub fn report_view(i18n: &Localizer, r: &ConnectionReport, lang: Lang) -> ReportView {
    view(i18n, r, lang, false)
}

/// The report with each value isolated (U+2068 … U+2069: each inserted argument, each
/// identity value), for what a bidi algorithm draws — the window and the PDF. In an
/// Arabic report a date, a URL, a code or a number then keeps its own direction and its
/// place in the right-to-left sentence ("… خلال 12 مللي ثانية، 02/12/2026 04:37").
pub fn report_view_isolated(i18n: &Localizer, r: &ConnectionReport, lang: Lang) -> ReportView {
    view(i18n, r, lang, true)
}

/// First-strong isolation of a value (U+2068 … U+2069).
fn isolated(s: &str) -> String {
    format!("\u{2068}{s}\u{2069}")
}

/// The words of a report in one language, each value isolated or not.
struct Words<'a> {
    i18n: &'a Localizer,
    lang: Lang,
    isolate: bool,
}

impl Words<'_> {
    fn iso(&self, s: &str) -> String {
        if self.isolate {
            isolated(s)
        } else {
            s.to_string()
        }
    }

    fn t(&self, id: &str, args: &[(&str, Arg)]) -> String {
        if self.isolate {
            self.i18n.t_isolated(self.lang, id, args)
        } else {
            self.i18n.t(self.lang, id, args)
        }
    }

    /// Labelled identity lines, only those with a value.
    fn identity(&self, r: &ConnectionReport, target: &str, at: &str, outcome: &str) -> Vec<(String, String)> {
        let mut identity = Vec::new();
        let mut line = |label: &str, v: &Option<String>| {
            if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
                identity.push((self.t(label, &[]), self.iso(v)));
            }
        };
        let id = &r.identity;
        line("setup-report-store", &id.store_name);
        line("setup-report-address", &id.address);
        line("setup-report-contact", &id.contact_name);
        line("setup-report-phone", &id.contact_phone);
        line("setup-report-pos-parent", &id.pos_parent);
        line("setup-report-pos-id", &id.pos_id);
        line("setup-report-counter", &Some(id.counter_id.clone()));
        line("setup-report-point-name", &id.point_name);
        let what = if r.target.partner().is_some() { "setup-report-partner" } else { "setup-report-target" };
        line(what, &Some(target.to_string()));
        line("setup-report-point-code", &id.point_code);
        line("setup-report-terminal", &id.terminal);
        line("setup-report-time", &Some(at.to_string()));
        line("setup-report-result", &Some(outcome.to_string()));
        identity
    }

    fn step(&self, s: &Step) -> StepView {
        let args = &s.args;
        StepView {
            id: s.id,
            name: self.t(s.id, args),
            ok: s.ok,
            status: self.t(if s.ok { "setup-step-passed" } else { "setup-step-failed" }, &[]),
            result: self.t(s.result, args),
            took_ms: s.took_ms,
            took: self.i18n.t(self.lang, "connect-step-ms", &[("ms", (s.took_ms as i64).into())]),
        }
    }
}

fn view(i18n: &Localizer, r: &ConnectionReport, lang: Lang, isolate: bool) -> ReportView {
    let w = Words { i18n, lang, isolate };
    let f = i18n.formatter(lang);
    let target = i18n.t(lang, r.target.label_id(), &[]);
    let at = f.date_time(r.at);
    let outcome = w.t(if r.ok { "setup-report-ok" } else { "setup-report-failed" }, &[]);
    let identity = w.identity(r, &target, &at, &outcome);
    let steps = r.steps.iter().map(|s| w.step(s)).collect();
    let round_trip = r.round_trip.as_ref().map(|rt| {
        w.t(
            "setup-report-round-trip",
            &[
                ("request", rt.request.as_str().into()),
                ("answer", rt.answer.as_str().into()),
                ("ms", (rt.took_ms as i64).into()),
                ("time", at.as_str().into()),
            ],
        )
    });
    let footer = w.t("setup-report-footer", &[("version", r.version.into()), ("counter", r.identity.counter_id.as_str().into())]);
    ReportView {
        target: r.target,
        title: w.t("setup-report-title", &[("target", target.as_str().into())]),
        ok: r.ok,
        outcome,
        at,
        identity,
        steps,
        round_trip,
        footer,
        dir: lang.dir(),
    }
}

/// The report as lines for a terminal: one per step, ✓ or ✗, then the round trip.
pub fn report_text(v: &ReportView) -> String {
    let mut out = format!("{}\n", v.title);
    for (label, value) in &v.identity {
        out.push_str(&format!("  {label}: {value}\n"));
    }
    out.push('\n');
    for s in &v.steps {
        out.push_str(&format!("{} {} — {} ({})\n", if s.ok { "✓" } else { "✗" }, s.name, s.result, s.took));
    }
    if let Some(rt) = &v.round_trip {
        out.push_str(&format!("\n{rt}\n"));
    }
    out.push_str(&format!("{}\n", v.outcome));
    out
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;
    use quay_pdf::{prepare, shape_line, ShapedLine, TextStyle};

    use super::*;
    use crate::setup::{PointIdentity, RoundTrip};

    fn report() -> ConnectionReport {
        let ping = Step {
            id: "setup-step-hub-ping",
            ok: true,
            result: "setup-ok-hub-ping",
            args: vec![("ms", Arg::Int(345))],
            detail: String::new(),
            took_ms: 345,
        };
        ConnectionReport {
            target: Target::Hub,
            at: DateTime::parse_from_rfc3339("2026-12-02T04:37:19+07:00").unwrap(),
            identity: PointIdentity {
                store_name: Some("Quán Lan".into()),
                contact_phone: Some("+84 28 3822 1234".into()),
                pos_parent: Some("SANDBOX".into()),
                counter_id: "C1".into(),
                ..PointIdentity::default()
            },
            steps: vec![ping],
            ok: true,
            round_trip: Some(RoundTrip { request: "GET /ping".into(), answer: "200".into(), took_ms: 345 }),
            version: "0.1.0",
        }
    }

    /// Each glyph's source text with its x position, left to right as drawn.
    fn drawn(line: &ShapedLine) -> Vec<(String, f32)> {
        line.glyphs.iter().map(|g| (g.text.clone(), g.x)).collect()
    }

    /// The x of the glyph where `needle` starts, reading the glyphs' texts left to right
    /// (a left-to-right run reads in its own order there).
    fn x_of(glyphs: &[(String, f32)], needle: &str) -> f32 {
        let mut text = String::new();
        let mut starts = Vec::new();
        for (t, x) in glyphs {
            starts.push((text.len(), *x));
            text.push_str(t);
        }
        let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not drawn in order in {text:?}"));
        starts.iter().rev().find(|(s, _)| *s <= at).map(|(_, x)| *x).unwrap()
    }

    /// The Arabic round-trip line as the PDF draws it: the date and time whole and left
    /// to right at the line's left end (it ends the sentence), the milliseconds after
    /// "خلال" with their unit in Arabic, the request whole — not "2026/12/ms، 2 0".
    #[test]
    fn the_arabic_round_trip_line_keeps_each_value_whole_and_in_place() {
        let i18n = Localizer::new().unwrap();
        let v = report_view_isolated(&i18n, &report(), Lang::Ar);
        let rt = v.round_trip.clone().unwrap();
        assert!(rt.contains("\u{2068}02/12/2026 04:37\u{2069}") && rt.contains("\u{2068}345\u{2069}"), "{rt:?}");
        let line = shape_line(&prepare(&rt), Direction::Rtl, TextStyle { size: 10.0, bold: false });
        // No isolate is drawn, no character falls back to a box.
        for g in &line.glyphs {
            assert_ne!(g.gid, 0, ".notdef for {:?} in {rt:?}", g.text);
            assert!(!g.text.contains(['\u{2068}', '\u{2069}']), "{:?}", g.text);
        }
        let glyphs = drawn(&line);
        let date = x_of(&glyphs, "02/12/2026 04:37");
        let request = x_of(&glyphs, "GET /ping");
        let ms = x_of(&glyphs, "345");
        // "خلال 345 مللي ثانية": read right to left, so the unit is left of the number
        // and "خلال" right of it.
        let unit = x_of(&glyphs, "ث");
        let within = x_of(&glyphs, "خ");
        assert!(
            date < unit && unit < ms && ms < within && within < request,
            "date {date}, unit {unit}, ms {ms}, within {within}, request {request}"
        );
        assert!(glyphs.iter().all(|(_, x)| *x >= date), "the date starts the line on the left");
    }

    /// The window gets the same isolated values (the webview draws them by the same
    /// rules); the command line and JSON get plain text.
    #[test]
    fn the_screen_view_isolates_values_and_the_text_view_does_not() {
        let i18n = Localizer::new().unwrap();
        let screen = report_view_isolated(&i18n, &report(), Lang::Ar);
        assert!(screen.identity.iter().any(|(_, v)| v == "\u{2068}+84 28 3822 1234\u{2069}"), "{:?}", screen.identity);
        assert!(screen.steps[0].result.contains("\u{2068}345\u{2069}"), "{}", screen.steps[0].result);
        assert_eq!(screen.at, "02/12/2026 04:37");
        let plain = report_view(&i18n, &report(), Lang::Ar);
        let json = serde_json::to_string(&plain).unwrap();
        assert!(!json.contains('\u{2068}') && !json.contains("\\u2068"), "{json}");
        assert!(plain.round_trip.unwrap().contains("02/12/2026 04:37"));
    }

    /// "ms" is said in each language, in the steps and the round trip.
    #[test]
    fn milliseconds_are_translated() {
        let i18n = Localizer::new().unwrap();
        for (lang, unit) in [(Lang::En, "ms"), (Lang::Vi, "mili giây"), (Lang::Ar, "مللي ثانية"), (Lang::El, "χλστ."), (Lang::ZhCn, "毫秒")]
        {
            let v = report_view(&i18n, &report(), lang);
            assert!(v.round_trip.as_ref().unwrap().contains(unit), "{lang}: {:?}", v.round_trip);
            assert!(v.steps[0].result.contains(unit), "{lang}: {}", v.steps[0].result);
            assert_eq!(v.steps[0].took, format!("345 {unit}"), "{lang}");
            if lang != Lang::En {
                assert!(!v.round_trip.unwrap().contains(" ms"), "{lang}");
            }
        }
    }
}
