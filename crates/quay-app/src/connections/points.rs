//! The month-end list of seed 000 (B6): the points whose connection to a partner became
//! `connected` in a month, for accounting to reconcile later. The hub's list covers every
//! point of the brand; when the hub does not answer, this counter's own records are
//! listed, each row saying where it came from. Written as .xlsx (real dates and numbers,
//! a totals sheet per partner), CSV and JSON.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use quay_core::auth::Action;
use quay_core::connection::{Month, Record, Stage};
use quay_i18n::DateOrder;
use quay_i18n::Lang;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, XlsxError};
use serde::Serialize;

use crate::{AppError, Counter, Result, Who};

/// Where a row of the list came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The hub's list (every point of the brand).
    Hub,
    /// This counter's own record: the hub did not answer, or has not received it yet.
    Counter,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Hub => "hub",
            Source::Counter => "counter",
        }
    }
}

/// One point connected to one partner in the month.
#[derive(Debug, Clone, Serialize)]
pub struct PointRow {
    pub pos_parent: String,
    pub pos_id: String,
    pub point_name: String,
    pub address: String,
    /// `momo`, `vpos:Akbank`, …
    pub partner: String,
    pub partner_name: String,
    pub point_code: String,
    /// RFC 3339 with the point's offset.
    pub connected_at: String,
    /// In the language's date-time style.
    pub connected_text: String,
    pub request_ref: String,
    pub approval_ref: String,
    pub contact_name: String,
    pub contact_phone: String,
    /// The connection's step now (it may have been disabled since).
    pub status: String,
    pub source: Source,
    #[serde(skip)]
    at: Option<DateTime<FixedOffset>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PointsList {
    pub month: String,
    /// `hub`, `counter` (the hub did not answer) or `mixed` (the hub answered without
    /// some of this counter's records, still queued).
    pub source: String,
    /// Why the hub's list is missing, when it is (in the counter's language), and its
    /// Fluent id (language-neutral).
    pub hub_error: Option<String>,
    pub hub_error_code: Option<&'static str>,
    pub rows: Vec<PointRow>,
}

/// The list as the window exported it.
#[derive(Debug, Clone, Serialize)]
pub struct PointsExport {
    #[serde(flatten)]
    pub list: PointsList,
    pub xlsx_path: String,
    pub csv_path: String,
}

impl Counter {
    /// The month's list (`month` is `YYYY-MM`, not after this month): the hub's when it
    /// answers, merged with this counter's records it lacks (or holds at an older
    /// revision); else this counter's records alone.
    pub async fn connection_points(&self, who: &Who, month: &str) -> Result<PointsList> {
        self.allow(who, Action::TestConnection)?;
        let today = self.now().format("%Y-%m-%d").to_string();
        let m = Month::parse(month, &today).map_err(|e| AppError::from_localized(&e))?;
        let brand = self.setting(crate::sync::HUB_POS_PARENT)?.filter(|b| !b.trim().is_empty());
        let ours: Vec<Record> = self.store().connections()?.into_iter().filter_map(|s| s.record).collect();
        let hub = match self.hub() {
            Ok(h) => h.connections(&m.to_string()).await.map_err(AppError::from),
            Err(e) => Err(e),
        };
        let (mut records, hub_error) = match hub {
            // Only the brand's records: whatever else a hub sends is not this list's.
            Ok(list) => (list.into_iter().filter(|r| Some(&r.pos_parent) == brand.as_ref()).map(|r| (r, Source::Hub)).collect(), None),
            Err(e) => {
                tracing::info!(error = %e.detail, "the hub's list of connections is unavailable: listing this counter's");
                (Vec::new(), Some(e))
            }
        };
        for r in ours.into_iter().filter(|r| r.steps.iter().any(|s| s.step == Stage::Connected && m.contains(&s.at))) {
            match records.iter_mut().find(|(h, _)| h.id == r.id) {
                Some((h, src)) if h.revision < r.revision => {
                    *h = r;
                    *src = Source::Counter;
                }
                Some(_) => {}
                None => records.push((r, Source::Counter)),
            }
        }
        let lang = self.lang();
        let fmt = self.i18n().formatter(lang);
        let mut rows: Vec<PointRow> = records
            .into_iter()
            .filter_map(|(r, source)| {
                // The last time it became connected within the month (a point connected,
                // disabled and connected again is listed once, by its latest).
                let index = r.steps.iter().rposition(|s| s.step == Stage::Connected && m.contains(&s.at))?;
                let at_text = r.steps[index].at.clone();
                let (request_ref, approval_ref) = r.course_refs(index);
                let at = DateTime::parse_from_rfc3339(&at_text).ok();
                let s = |v: &Option<String>| v.clone().unwrap_or_default();
                Some(PointRow {
                    pos_parent: r.pos_parent.clone(),
                    pos_id: r.pos_id.clone(),
                    point_name: r.details.point_name.clone().or_else(|| r.hub_point_name.clone()).unwrap_or_default(),
                    address: s(&r.details.address),
                    partner: r.partner.to_string(),
                    partner_name: r.partner.display_name(),
                    point_code: s(&r.details.point_code),
                    connected_text: at.map(|t| fmt.date_time(t)).unwrap_or_else(|| at_text.clone()),
                    connected_at: at_text,
                    request_ref: request_ref.unwrap_or_default().to_string(),
                    approval_ref: approval_ref.unwrap_or_default().to_string(),
                    contact_name: s(&r.details.contact_name),
                    contact_phone: s(&r.details.contact_phone),
                    status: r.status.as_str().to_string(),
                    source,
                    at,
                })
            })
            .collect();
        rows.sort_by(|a, b| (&a.pos_parent, &a.pos_id, &a.partner).cmp(&(&b.pos_parent, &b.pos_id, &b.partner)));
        let source = match (&hub_error, rows.iter().any(|r| r.source == Source::Counter)) {
            (Some(_), _) => "counter",
            (None, true) => "mixed",
            (None, false) => "hub",
        };
        Ok(PointsList {
            month: m.to_string(),
            source: source.into(),
            hub_error: hub_error.as_ref().map(|e| self.i18n().error(self.lang(), e)),
            hub_error_code: hub_error.map(|e| e.code),
            rows,
        })
    }

    /// The list for the window: written as .xlsx and CSV under `reports/`.
    pub async fn export_connection_points(&self, who: &Who, month: &str) -> Result<PointsExport> {
        let list = self.connection_points(who, month).await?;
        let dir = self.data_dir().join("reports");
        crate::files::private_dir(&dir)?;
        let stem = format!("connected-points-{}-{}", list.month, self.now().format("%Y%m%d-%H%M%S"));
        let xlsx = dir.join(format!("{stem}.xlsx"));
        let csv = dir.join(format!("{stem}.csv"));
        crate::files::write_private(&xlsx, self.points_xlsx(&list, self.lang())?)?;
        crate::files::write_private(&csv, points_csv(&list)?)?;
        Ok(PointsExport { list, xlsx_path: xlsx.display().to_string(), csv_path: csv.display().to_string() })
    }

    /// The list as an .xlsx workbook in `lang`: the points (dates as dates) and the
    /// totals per partner (counts as numbers).
    pub fn points_xlsx(&self, list: &PointsList, lang: Lang) -> Result<Vec<u8>> {
        let i18n = self.i18n();
        let t = |id: &str| i18n.t(lang, id, &[]);
        let month = |m: &str| i18n.t(lang, "conn-sheet-month", &[("month", m.into())]);
        points_workbook(list, lang, &t, &month).map_err(|e| AppError::new("err-conn-xlsx", vec![("detail", e.to_string().into())]))
    }
}

/// The column ids of the points sheet (Fluent ids of the headers).
const COLUMNS: [&str; 14] = [
    "conn-col-pos-parent",
    "conn-col-pos-id",
    "conn-col-point-name",
    "conn-col-address",
    "conn-col-partner",
    "conn-col-point-code",
    "conn-col-connected",
    "conn-col-request-ref",
    "conn-col-approval-ref",
    "conn-col-contact",
    "conn-col-phone",
    "conn-col-status",
    "conn-col-source",
    "conn-col-partner-id",
];

/// Excel's number format for a date-time in the language's one order.
fn date_format(lang: Lang) -> &'static str {
    match DateOrder::of(lang) {
        DateOrder::MonthDayYear => "mm/dd/yyyy hh:mm",
        DateOrder::YearMonthDay => "yyyy/mm/dd hh:mm",
        DateOrder::DayMonthYear => "dd/mm/yyyy hh:mm",
    }
}

/// A sheet name within Excel's rules (≤ 31 characters, none of `[]:*?/\`).
fn sheet_name(s: &str) -> String {
    s.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect()
}

fn points_workbook(
    list: &PointsList,
    lang: Lang,
    t: &dyn Fn(&str) -> String,
    month_line: &dyn Fn(&str) -> String,
) -> std::result::Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format(date_format(lang)).set_align(FormatAlign::Left);
    let rtl = lang.is_rtl();

    let sheet = wb.add_worksheet();
    sheet.set_name(sheet_name(&t("conn-sheet-points")))?;
    if rtl {
        sheet.set_right_to_left(true);
    }
    for (c, id) in COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, t(id), &bold)?;
    }
    for (i, r) in list.rows.iter().enumerate() {
        let row = i as u32 + 1;
        let text = [
            &r.pos_parent,
            &r.pos_id,
            &r.point_name,
            &r.address,
            &r.partner_name,
            &r.point_code,
            &String::new(),
            &r.request_ref,
            &r.approval_ref,
            &r.contact_name,
            &r.contact_phone,
            &t(&format!("conn-status-{}", r.status)),
            &t(&format!("conn-source-{}", r.source.as_str())),
            &r.partner,
        ];
        for (c, v) in text.iter().enumerate() {
            if c == 6 {
                match r.at {
                    Some(at) => sheet.write_datetime_with_format(row, c as u16, at.naive_local(), &date)?,
                    None => sheet.write_string(row, c as u16, &r.connected_at)?,
                };
            } else if !v.is_empty() {
                sheet.write_string(row, c as u16, v.as_str())?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, list.rows.len() as u32, COLUMNS.len() as u16 - 1)?;
    sheet.autofit();
    sheet.set_column_width(6, 18)?;

    // Totals: one row per partner — points, first and last connection — and the sum.
    /// A partner's name, its points, its first and last connection.
    type Total = (String, u32, Option<DateTime<FixedOffset>>, Option<DateTime<FixedOffset>>);
    let mut per: BTreeMap<&str, Total> = BTreeMap::new();
    for r in &list.rows {
        let e = per.entry(r.partner.as_str()).or_insert_with(|| (r.partner_name.clone(), 0, None, None));
        e.1 += 1;
        if let Some(at) = r.at {
            e.2 = Some(e.2.map_or(at, |a| a.min(at)));
            e.3 = Some(e.3.map_or(at, |a| a.max(at)));
        }
    }
    let totals = wb.add_worksheet();
    totals.set_name(sheet_name(&t("conn-sheet-totals")))?;
    if rtl {
        totals.set_right_to_left(true);
    }
    for (c, id) in ["conn-col-partner", "conn-col-points", "conn-col-first", "conn-col-last", "conn-col-partner-id"].iter().enumerate() {
        totals.write_string_with_format(0, c as u16, t(id), &bold)?;
    }
    let mut row = 1;
    for (id, (name, n, first, last)) in &per {
        totals.write_string(row, 0, name)?;
        totals.write_number(row, 1, f64::from(*n))?;
        if let Some(a) = first {
            totals.write_datetime_with_format(row, 2, a.naive_local(), &date)?;
        }
        if let Some(a) = last {
            totals.write_datetime_with_format(row, 3, a.naive_local(), &date)?;
        }
        totals.write_string(row, 4, *id)?;
        row += 1;
    }
    totals.write_string_with_format(row, 0, t("conn-total"), &bold)?;
    totals.write_number_with_format(row, 1, list.rows.len() as f64, &bold)?;
    let month = Format::new().set_italic();
    totals.write_string_with_format(row + 2, 0, month_line(&list.month), &month)?;
    totals.write_string_with_format(row + 3, 0, t(&format!("conn-list-source-{}", list.source)), &month)?;
    totals.autofit();
    totals.set_column_width(2, 18)?;
    totals.set_column_width(3, 18)?;
    wb.save_to_buffer()
}

/// Text a spreadsheet would take for a formula (`=…`, `+…`, `-…`, `@…`: typed here, or
/// another point's through the hub) starts with an apostrophe, so opening the file runs
/// nothing (a phone number `+84 …` too).
fn inert(s: &str) -> std::borrow::Cow<'_, str> {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}").into(),
        _ => s.into(),
    }
}

/// The list as CSV (machine format: ISO dates, ids not translated).
pub fn points_csv(list: &PointsList) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let err = |e: csv::Error| AppError::internal(e);
    w.write_record([
        "pos_parent",
        "pos_id",
        "point_name",
        "address",
        "partner",
        "point_code",
        "connected_at",
        "request_ref",
        "approval_ref",
        "contact_name",
        "contact_phone",
        "status",
        "source",
    ])
    .map_err(err)?;
    for r in &list.rows {
        w.write_record([
            inert(&r.pos_parent).as_ref(),
            &inert(&r.pos_id),
            &inert(&r.point_name),
            &inert(&r.address),
            &r.partner,
            &inert(&r.point_code),
            &r.connected_at,
            &inert(&r.request_ref),
            &inert(&r.approval_ref),
            &inert(&r.contact_name),
            &inert(&r.contact_phone),
            &r.status,
            r.source.as_str(),
        ])
        .map_err(err)?;
    }
    w.into_inner().map_err(AppError::internal)
}
