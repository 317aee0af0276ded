//! The day-end report: the day's totals, the cash drawer, the terminal's batch and the
//! bank reconciliation, as a PDF in the reader's language (quay-pdf shapes Arabic and
//! Chinese; an Arabic report runs right to left) and as CSV with the same data for
//! accountants. The receipt of a sale goes to PDF through the same machinery.

use chrono::{DateTime, NaiveDate};
use quay_core::error::Arg;
use quay_core::{Currency, Money};
use quay_dayend::matcher::Item;
use quay_dayend::Category;
use quay_i18n::Lang;
use quay_pdf::{Align, Block, Column, Direction, Document, PageSize, ReceiptLength};
use serde::Serialize;

use super::bank::BankReconciliation;
use super::terminal::TerminalBatch;
use super::{DayClose, DayTotals};
use crate::{AppError, Counter, Result, Who};
use quay_core::auth::Action;

/// Everything the report shows for a day.
#[derive(Debug, Clone, Serialize)]
pub struct DayReport {
    pub date: String,
    pub store_name: Option<String>,
    pub counter_id: String,
    pub generated_at: String,
    pub totals: DayTotals,
    pub close: Option<DayClose>,
    /// The last terminal batch closed for the day.
    pub terminal: Option<TerminalBatch>,
    /// The reconciliation, when a bank file was imported for the day.
    pub bank: Option<BankReconciliation>,
    /// Each virtual POS definition's day compared with the bank's list by order id.
    pub vpos: Vec<crate::vpos::dayend::VposDayView>,
}

/// The snake_case name of a category (as in JSON and CSV).
pub fn category_name(c: Category) -> &'static str {
    match c {
        Category::Matched => "matched",
        Category::MatchedWithDifference => "matched_with_difference",
        Category::MissingAtBank => "missing_at_bank",
        Category::MissingAtCounter => "missing_at_counter",
        Category::Duplicate => "duplicate",
        Category::RefundUnmatched => "refund_unmatched",
        Category::NextBatch => "next_batch",
        Category::FeeOrChargeback => "fee_or_chargeback",
        Category::Ambiguous => "ambiguous",
    }
}

/// The Fluent id of a category's label.
pub fn category_label_id(c: Category) -> &'static str {
    match c {
        Category::Matched => "dayend-cat-matched",
        Category::MatchedWithDifference => "dayend-cat-matched-with-difference",
        Category::MissingAtBank => "dayend-cat-missing-at-bank",
        Category::MissingAtCounter => "dayend-cat-missing-at-counter",
        Category::Duplicate => "dayend-cat-duplicate",
        Category::RefundUnmatched => "dayend-cat-refund-unmatched",
        Category::NextBatch => "dayend-cat-next-batch",
        Category::FeeOrChargeback => "dayend-cat-fee-or-chargeback",
        Category::Ambiguous => "dayend-cat-ambiguous",
    }
}

fn tender_label_id(kind: &str) -> &'static str {
    match kind {
        "cash" => "receipt-tender-cash",
        "card" => "receipt-tender-card",
        "voucher" => "receipt-tender-voucher",
        _ => "receipt-tender-wallet",
    }
}

fn item_text(i: &Item) -> String {
    match i {
        Item::Bank { line, id } => format!("#{line} {id}"),
        Item::Counter { id } => id.to_string(),
    }
}

impl Counter {
    /// Gathers the day's report.
    pub fn day_report(&self, who: &Who, day: NaiveDate) -> Result<DayReport> {
        self.allow(who, Action::Reconcile)?;
        self.gather_day_report(day)
    }

    fn gather_day_report(&self, day: NaiveDate) -> Result<DayReport> {
        let bank = if self.store().bank_imports_on(&Self::day_text(day))?.is_empty() { None } else { Some(self.reconciliation_of(day)?) };
        Ok(DayReport {
            date: Self::day_text(day),
            store_name: self.store_name(),
            counter_id: self.config().counter_id.clone(),
            generated_at: self.now().to_rfc3339(),
            totals: self.totals_of(day)?,
            close: self.close_of(day)?,
            terminal: self.batches_of(day)?.pop(),
            bank,
            vpos: self.vpos_days(day)?,
        })
    }

    /// The report as a document in `lang` (A4; right to left for Arabic).
    pub fn day_report_document(&self, report: &DayReport, lang: Lang) -> Result<Document> {
        let i18n = self.i18n();
        let f = i18n.formatter(lang);
        // Right to left, each inserted value (a date, a name, an amount) is isolated so it
        // keeps its own direction in the sentence; quay-pdf draws none of the marks.
        let t = |id: &str, args: &[(&str, Arg)]| if lang.is_rtl() { i18n.t_isolated(lang, id, args) } else { i18n.t(lang, id, args) };
        let cur: Currency = report.totals.currency.parse().unwrap_or(self.config().currency);
        let m = |minor: i64| f.money(Money::new(minor, cur));
        let day = NaiveDate::parse_from_str(&report.date, "%Y-%m-%d").map_err(AppError::internal)?;
        let day_text = f.day(day);
        let when = |rfc: &str| DateTime::parse_from_rfc3339(rfc).map(|d| f.date_time(d)).unwrap_or_else(|_| rfc.to_string());
        let col = |id: &str, align: Align, w: f32| Column { header: t(id, &[]), align, width_fraction: w };
        let tally_table = |first: &str, rows: Vec<Vec<String>>| -> Block {
            Block::Table {
                columns: vec![
                    col(first, Align::Start, 0.5),
                    col("dayend-col-count", Align::End, 0.2),
                    col("dayend-col-amount", Align::End, 0.3),
                ],
                rows,
            }
        };
        let mut b = vec![Block::Heading(t("dayend-report-title", &[("date", day_text.clone().into())]))];
        let store = report.store_name.clone().unwrap_or_else(|| t("receipt-store", &[]));
        b.push(Block::Text(t("dayend-report-store", &[("store", store.into()), ("counter", report.counter_id.clone().into())])));
        b.push(Block::Text(t("dayend-report-generated", &[("at", when(&report.generated_at).into())])));
        b.push(Block::Text(match &report.close {
            Some(c) => t("dayend-report-closed", &[("name", c.closed_by.clone().into()), ("at", when(&c.closed_at).into())]),
            None => t("dayend-report-open", &[]),
        }));
        b.push(Block::Rule);

        let tt = &report.totals;
        b.push(Block::Heading(t("dayend-section-sales", &[])));
        b.push(Block::KeyValue(vec![
            (t("dayend-sales-count", &[]), format!("{} · {}", tt.sales.count, m(tt.sales.amount))),
            (t("dayend-voids", &[]), format!("{} · {}", tt.voids.count, m(tt.voids.amount))),
            (t("dayend-refunds", &[]), format!("{} · {}", tt.refunds.count, m(tt.refunds.amount))),
            (t("dayend-partial-refunds", &[]), format!("{} · {}", tt.partial_refunds.count, m(tt.partial_refunds.amount))),
            (t("dayend-declined", &[]), tt.declined.to_string()),
            (t("dayend-net-total", &[]), m(tt.net)),
        ]));

        b.push(Block::Heading(t("dayend-section-tenders", &[])));
        let rows: Vec<Vec<String>> =
            tt.tenders.iter().map(|(k, v)| vec![t(tender_label_id(k), &[]), v.count.to_string(), m(v.amount)]).collect();
        b.push(if rows.is_empty() { Block::Text(t("dayend-none", &[])) } else { tally_table("dayend-col-tender", rows) });

        b.push(Block::Heading(t("dayend-section-cash", &[])));
        let (counted, difference, reason) = match &report.close {
            Some(c) => (
                c.cash_counted.map(m).unwrap_or_else(|| t("dayend-cash-not-counted", &[])),
                c.cash_difference.map(m).unwrap_or_else(|| "—".into()),
                c.reason.clone(),
            ),
            None => (t("dayend-cash-not-counted", &[]), "—".into(), None),
        };
        b.push(Block::KeyValue(vec![
            (t("dayend-cash-expected", &[]), m(tt.cash_expected)),
            (t("dayend-cash-counted", &[]), counted),
            (t("dayend-cash-difference", &[]), difference),
        ]));
        if let Some(r) = reason {
            b.push(Block::Text(t("dayend-cash-reason", &[("reason", r.into())])));
        }

        b.push(Block::Heading(t("dayend-section-vouchers", &[])));
        let rows: Vec<Vec<String>> = tt.vouchers.iter().map(|(k, v)| vec![k.clone(), v.count.to_string(), m(v.amount)]).collect();
        b.push(if rows.is_empty() { Block::Text(t("dayend-none", &[])) } else { tally_table("dayend-col-partner", rows) });

        b.push(Block::Heading(t("dayend-section-wallets", &[])));
        let wallet_name = |w: &str| quay_pay::wallet::Wallet::parse(w).map(crate::wallets::label).unwrap_or(w).to_string();
        let rows: Vec<Vec<String>> = tt.wallets.iter().map(|(k, v)| vec![wallet_name(k), v.count.to_string(), m(v.amount)]).collect();
        b.push(if rows.is_empty() { Block::Text(t("dayend-none", &[])) } else { tally_table("dayend-col-wallet", rows) });

        let brand_name = |b: &str| if b == "unknown" { t("dayend-unknown-brand", &[]) } else { b.to_string() };
        b.push(Block::Heading(t("dayend-section-cards", &[])));
        let rows: Vec<Vec<String>> = tt.card_brands.iter().map(|(k, v)| vec![brand_name(k), v.count.to_string(), m(v.amount)]).collect();
        b.push(if rows.is_empty() { Block::Text(t("dayend-none", &[])) } else { tally_table("dayend-col-brand", rows) });

        match &report.terminal {
            Some(tb) => {
                b.push(Block::Heading(t("dayend-section-terminal", &[("terminal", tb.terminal.clone().into())])));
                b.push(Block::Text(t(
                    "dayend-report-closed",
                    &[("name", tb.closed_by.clone().into()), ("at", when(&tb.closed_at).into())],
                )));
                let mut rows: Vec<Vec<String>> = tb
                    .brands
                    .iter()
                    .map(|x| {
                        vec![
                            brand_name(&x.brand),
                            format!("{} · {}", x.counter.count, m(x.counter.amount)),
                            format!("{} · {}", x.terminal.count, m(x.terminal.amount)),
                            m(x.difference),
                        ]
                    })
                    .collect();
                rows.push(vec![t("dayend-total", &[]), m(tb.counter_total), m(tb.terminal_total), m(tb.difference)]);
                b.push(Block::Table {
                    columns: vec![
                        col("dayend-col-brand", Align::Start, 0.25),
                        col("dayend-col-counter", Align::End, 0.25),
                        col("dayend-col-terminal", Align::End, 0.25),
                        col("dayend-col-difference", Align::End, 0.25),
                    ],
                    rows,
                });
                if !tb.agrees {
                    b.push(Block::Text(t("dayend-terminal-differs", &[("difference", m(tb.difference).into())])));
                }
            }
            None => {
                b.push(Block::Heading(t("dayend-section-terminal", &[("terminal", "—".into())])));
                b.push(Block::Text(t("dayend-terminal-none", &[])));
            }
        }

        b.push(Block::Heading(t("dayend-section-bank", &[])));
        match &report.bank {
            None => b.push(Block::Text(t("dayend-bank-none", &[]))),
            Some(bank) => {
                let mut kv = Vec::new();
                for tot in &bank.summary.totals {
                    let mm = |x: Money| f.money(x);
                    kv.push((t("dayend-bank-counter-total", &[]), mm(tot.counter)));
                    kv.push((t("dayend-bank-total", &[]), mm(tot.bank)));
                    kv.push((t("dayend-bank-fees", &[]), mm(tot.fees)));
                    kv.push((t("dayend-bank-next-batch", &[]), mm(tot.next_batch)));
                    kv.push((t("dayend-bank-difference", &[]), mm(tot.difference)));
                }
                b.push(Block::KeyValue(kv));
                let rows: Vec<Vec<String>> =
                    bank.summary.counts.iter().map(|(c, n)| vec![t(category_label_id(*c), &[]), n.to_string()]).collect();
                b.push(Block::Table {
                    columns: vec![col("dayend-col-category", Align::Start, 0.7), col("dayend-col-count", Align::End, 0.3)],
                    rows,
                });
                let open = |c: Category| !matches!(c, Category::Matched | Category::FeeOrChargeback);
                let mut rows: Vec<Vec<String>> = Vec::new();
                for l in bank.bank_lines.iter().filter(|l| open(l.outcome.category)) {
                    let own = l.transaction_id.clone().or_else(|| l.merchant_reference.clone()).unwrap_or_else(|| l.id.clone());
                    // A duplicate names the line it repeats, for the manager to tell the bank.
                    let reference = match &l.outcome.matched_to {
                        Some(i) => format!("{own} → {}", item_text(i)),
                        None => own,
                    };
                    rows.push(vec![
                        t("dayend-side-bank", &[("line", Arg::Int(l.line as i64))]),
                        reference,
                        t(category_label_id(l.outcome.category), &[]),
                        l.amount_text.clone(),
                    ]);
                }
                for p in bank.counter_payments.iter().filter(|p| open(p.outcome.category)) {
                    let reference = match &p.outcome.matched_to {
                        Some(i) => format!("{} → {}", p.id, item_text(i)),
                        None => p.id.clone(),
                    };
                    rows.push(vec![
                        t("dayend-side-counter", &[]),
                        reference,
                        t(category_label_id(p.outcome.category), &[]),
                        p.amount_text.clone(),
                    ]);
                }
                b.push(Block::Heading(t("dayend-section-exceptions", &[])));
                if rows.is_empty() {
                    b.push(Block::Text(t("dayend-none", &[])));
                } else {
                    b.push(Block::Table {
                        columns: vec![
                            col("dayend-col-side", Align::Start, 0.18),
                            col("dayend-col-reference", Align::Start, 0.42),
                            col("dayend-col-category", Align::Start, 0.22),
                            col("dayend-col-amount", Align::End, 0.18),
                        ],
                        rows,
                    });
                }
            }
        }
        // The virtual POS section: each definition against the bank's list, by order id.
        for d in &report.vpos {
            b.push(Block::Heading(t("vpos-report-section", &[("name", d.name.clone().into())])));
            b.push(Block::Text(t(&format!("vpos-source-{}", d.source), &[])));
            b.push(Block::KeyValue(vec![
                (t("dayend-col-counter", &[]), d.totals.counter_net.text.clone()),
                (t("vpos-report-bank", &[]), d.totals.bank_net.text.clone()),
                (t("dayend-col-difference", &[]), d.totals.difference.text.clone()),
            ]));
            let rows: Vec<Vec<String>> = d
                .rows
                .iter()
                .map(|r| {
                    let status = crate::vpos::dayend::status_id(r.status);
                    let mut label = t(status, &[]);
                    if let Some(h) = &r.hand {
                        label = format!("{label}: {} ({})", h.reason, h.who);
                    }
                    vec![
                        r.order_id.clone(),
                        label,
                        r.counter_amount.as_ref().map_or("—".into(), |m| m.text.clone()),
                        r.bank_amount.as_ref().map_or("—".into(), |m| m.text.clone()),
                    ]
                })
                .collect();
            if rows.is_empty() {
                b.push(Block::Text(t("dayend-none", &[])));
            } else {
                b.push(Block::Table {
                    columns: vec![
                        col("dayend-col-reference", Align::Start, 0.38),
                        col("dayend-col-category", Align::Start, 0.3),
                        col("dayend-col-counter", Align::End, 0.16),
                        col("vpos-report-bank", Align::End, 0.16),
                    ],
                    rows,
                });
            }
        }
        Ok(Document {
            title: i18n.t(lang, "dayend-report-title", &[("date", day_text.into())]),
            locale_dir: if lang.is_rtl() { Direction::Rtl } else { Direction::Ltr },
            page: PageSize::A4,
            blocks: b,
        })
    }

    /// The day's report as PDF bytes in `lang`.
    pub fn day_report_pdf(&self, who: &Who, day: NaiveDate, lang: Lang) -> Result<Vec<u8>> {
        let report = self.day_report(who, day)?;
        let doc = self.day_report_document(&report, lang)?;
        render(&doc)
    }

    /// The day's report as PDF (in `lang`) and CSV under the data directory's
    /// `reports/`, as the window saves it; returns both paths.
    pub fn save_day_report(&self, who: &Who, day: NaiveDate, lang: Lang) -> Result<(std::path::PathBuf, std::path::PathBuf)> {
        let (pdf_bytes, csv_bytes) = (self.day_report_pdf(who, day, lang)?, self.day_report_csv(who, day)?);
        let dir = self.data_dir().join("reports");
        crate::files::private_dir(&dir)?;
        let (pdf, csv) = (dir.join(format!("day-{day}.pdf")), dir.join(format!("day-{day}.csv")));
        crate::files::write_private(&pdf, &pdf_bytes)?;
        crate::files::write_private(&csv, &csv_bytes)?;
        Ok((pdf, csv))
    }

    /// The same data as CSV: `section,key,count,amount,currency,detail`, amounts in major
    /// units as plain decimals (signed), one row per figure, bank line and card payment.
    pub fn day_report_csv(&self, who: &Who, day: NaiveDate) -> Result<String> {
        let r = self.day_report(who, day)?;
        let cur: Currency = r.totals.currency.parse().unwrap_or(self.config().currency);
        let major = |minor: i64| Money::new(minor, cur).to_major_string();
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["section", "key", "count", "amount", "currency", "detail"]).map_err(AppError::internal)?;
        let mut row = |section: &str, key: &str, count: Option<u64>, amount: Option<String>, detail: &str| -> Result<()> {
            w.write_record([
                section,
                key,
                &count.map(|c| c.to_string()).unwrap_or_default(),
                &amount.unwrap_or_default(),
                cur.code(),
                detail,
            ])
            .map_err(AppError::internal)
        };
        let tt = &r.totals;
        let status = match &r.close {
            Some(c) => format!("closed by {} at {}", c.closed_by, c.closed_at),
            None => "open".into(),
        };
        row("day", &r.date, None, None, &status)?;
        row("totals", "sales", Some(tt.sales.count), Some(major(tt.sales.amount)), "")?;
        row("totals", "voids", Some(tt.voids.count), Some(major(tt.voids.amount)), "")?;
        row("totals", "refunds", Some(tt.refunds.count), Some(major(tt.refunds.amount)), "")?;
        row("totals", "partial_refunds", Some(tt.partial_refunds.count), Some(major(tt.partial_refunds.amount)), "")?;
        row("totals", "declined", Some(tt.declined), None, "")?;
        row("totals", "net", None, Some(major(tt.net)), "")?;
        for (k, v) in &tt.tenders {
            row("tender", k, Some(v.count), Some(major(v.amount)), "")?;
        }
        row("cash", "expected", None, Some(major(tt.cash_expected)), "")?;
        if let Some(c) = &r.close {
            row("cash", "counted", None, c.cash_counted.map(major), "")?;
            row("cash", "difference", None, c.cash_difference.map(major), c.reason.as_deref().unwrap_or(""))?;
        }
        for (k, v) in &tt.vouchers {
            row("voucher", k, Some(v.count), Some(major(v.amount)), "")?;
        }
        for (k, v) in &tt.wallets {
            row("wallet", k, Some(v.count), Some(major(v.amount)), "")?;
        }
        for (k, v) in &tt.card_brands {
            row("card_brand", k, Some(v.count), Some(major(v.amount)), "")?;
        }
        if let Some(tb) = &r.terminal {
            for x in &tb.brands {
                row("terminal_counter", &x.brand, Some(x.counter.count), Some(major(x.counter.amount)), &tb.terminal)?;
                row("terminal_batch", &x.brand, Some(x.terminal.count), Some(major(x.terminal.amount)), &tb.terminal)?;
                row("terminal_difference", &x.brand, None, Some(major(x.difference)), &tb.terminal)?;
            }
        }
        if let Some(bank) = &r.bank {
            for (c, n) in &bank.summary.counts {
                row("bank_category", category_name(*c), Some(*n as u64), None, "")?;
            }
            for tot in &bank.summary.totals {
                for (k, v) in [
                    ("counter", tot.counter),
                    ("bank", tot.bank),
                    ("fees", tot.fees),
                    ("next_batch", tot.next_batch),
                    ("difference", tot.difference),
                ] {
                    row("bank_total", k, None, Some(v.to_major_string()), "")?;
                }
            }
            for l in &bank.bank_lines {
                let to = l.outcome.matched_to.as_ref().map(item_text).unwrap_or_default();
                let detail = format!("{} {}", category_name(l.outcome.category), to);
                row("bank_line", &l.id, None, Some(major(l.amount)), detail.trim())?;
            }
            for p in &bank.counter_payments {
                let to = p.outcome.matched_to.as_ref().map(item_text).unwrap_or_default();
                let detail = format!("{} {}", category_name(p.outcome.category), to);
                row("counter_payment", &p.id, None, Some(major(p.amount)), detail.trim())?;
            }
        }
        for d in &r.vpos {
            for x in &d.rows {
                let status = serde_json::to_value(x.status).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
                let detail = match &x.hand {
                    Some(h) => format!("{status} {}: {}", h.who, h.reason),
                    None => status,
                };
                let amount = x.counter_amount.as_ref().or(x.bank_amount.as_ref()).map(|m| major(m.minor));
                row(&format!("vpos:{}", d.name), &x.order_id, None, amount, &detail)?;
            }
            row(&format!("vpos:{}", d.name), "difference", None, Some(major(d.totals.difference.minor)), &d.source)?;
        }
        let bytes = w.into_inner().map_err(AppError::internal)?;
        String::from_utf8(bytes).map_err(AppError::internal)
    }

    /// The receipt of a sale as a document for 80 mm roll paper, in the counter's language.
    pub fn receipt_document(&self, who: &Who, sale_id: uuid::Uuid) -> Result<Document> {
        let v = self.receipt_view(who, sale_id)?;
        Ok(self.receipt_document_of(&v, PageSize::Receipt80mm(ReceiptLength::Auto)))
    }

    /// A receipt view as a document on `page` (the PDF's 80 mm roll, a printer's width).
    pub(crate) fn receipt_document_of(&self, v: &crate::views::ReceiptView, page: PageSize) -> Document {
        let mut blocks = Vec::new();
        let mut pairs: Vec<(String, String)> = Vec::new();
        let flush = |pairs: &mut Vec<(String, String)>, blocks: &mut Vec<Block>| {
            if !pairs.is_empty() {
                blocks.push(Block::KeyValue(std::mem::take(pairs)));
            }
        };
        for r in &v.rows {
            match (r.kind, &r.amount) {
                ("title", _) => {
                    flush(&mut pairs, &mut blocks);
                    blocks.push(Block::Heading(r.text.clone()));
                }
                ("rule", _) => {
                    flush(&mut pairs, &mut blocks);
                    blocks.push(Block::Rule);
                }
                (_, Some(a)) => pairs.push((r.text.clone(), a.clone())),
                (_, None) => {
                    flush(&mut pairs, &mut blocks);
                    blocks.push(Block::Text(r.text.clone()));
                }
            }
        }
        flush(&mut pairs, &mut blocks);
        Document {
            title: v.receipt_no.clone(),
            locale_dir: if self.lang().is_rtl() { Direction::Rtl } else { Direction::Ltr },
            page,
            blocks,
        }
    }

    /// The receipt of a sale as PDF bytes.
    pub fn receipt_pdf(&self, who: &Who, sale_id: uuid::Uuid) -> Result<Vec<u8>> {
        render(&self.receipt_document(who, sale_id)?)
    }

    /// Prints a sale's receipt from the window (Print on the receipt, Reprint from the
    /// day's sales): the PDF `quay sales receipt` writes, in the counter's language, as
    /// `reports/receipts/receipt-<number>.pdf` in the data directory — private like every
    /// report. Printing again writes the same file again; like the command line, it is not
    /// marked as a copy and not audited (it changes nothing). Returns where it went.
    ///
    /// Issue 19 (ESC/POS printers) will send this to the counter's receipt printer.
    pub fn print_receipt(&self, who: &Who, sale_id: uuid::Uuid) -> Result<std::path::PathBuf> {
        let pdf = self.receipt_pdf(who, sale_id)?;
        let receipt_no = self.find_sale(sale_id)?.receipt_no;
        let dir = self.data_dir().join("reports").join("receipts");
        crate::files::private_dir(&dir)?;
        // The counter id is the technician's text: nothing in it may leave the folder.
        let name: String = receipt_no.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect();
        let path = dir.join(format!("receipt-{name}.pdf"));
        crate::files::write_private(&path, &pdf)?;
        Ok(path)
    }
}

fn render(doc: &Document) -> Result<Vec<u8>> {
    quay_pdf::render(doc).map_err(|e| AppError::new("err-pdf", vec![("detail", e.to_string().into())]))
}
