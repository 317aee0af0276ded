//! Sales of a day as CSV (one row per line, amounts in major units as plain decimals) or
//! as JSON (the hub's sale records), for accountants and scripts.

use chrono::NaiveDate;
use quay_core::Money;
use serde::Serialize;

use crate::{AppError, Counter, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

#[derive(Serialize)]
struct CsvRow<'a> {
    sale_id: String,
    receipt_no: &'a str,
    status: &'a str,
    void_of: String,
    closed_at: String,
    cashier: &'a str,
    currency: &'a str,
    line_no: usize,
    item_id: &'a str,
    sku: &'a str,
    name: &'a str,
    options: String,
    qty: i64,
    unit_price: String,
    line_total: String,
    tax_rate_bp: u32,
    sale_total: String,
    sale_tax_total: String,
    tenders: String,
}

impl Counter {
    pub fn export_sales(&self, who: &crate::Who, day: NaiveDate, format: Format) -> Result<String> {
        let rows = self.sales_on(who, day)?;
        match format {
            Format::Json => {
                let sales: Vec<_> = rows.iter().map(|r| &r.sale).collect();
                serde_json::to_string_pretty(&sales).map_err(AppError::internal)
            }
            Format::Csv => {
                let mut w = csv::Writer::from_writer(Vec::new());
                for r in &rows {
                    let s = &r.sale;
                    let major = |minor: i64| Money::new(minor, s.currency).to_major_string();
                    let tenders =
                        s.tenders.iter().map(|t| format!("{}:{}", t.kind.as_str(), major(t.amount))).collect::<Vec<_>>().join(";");
                    for (i, l) in s.lines.iter().enumerate() {
                        w.serialize(CsvRow {
                            sale_id: s.id.to_string(),
                            receipt_no: &s.receipt_no,
                            status: s.status.as_str(),
                            void_of: s.void_of.map(|v| v.to_string()).unwrap_or_default(),
                            closed_at: s.closed_at.to_rfc3339(),
                            cashier: &s.cashier,
                            currency: s.currency.code(),
                            line_no: i + 1,
                            item_id: &l.item_id,
                            sku: l.sku.as_deref().unwrap_or(""),
                            name: &l.name,
                            options: l.options.iter().map(|o| o.option_id.as_str()).collect::<Vec<_>>().join(";"),
                            qty: l.qty,
                            unit_price: major(l.unit_price),
                            line_total: major(l.line_total),
                            tax_rate_bp: l.tax_rate_bp,
                            sale_total: major(s.total),
                            sale_tax_total: major(s.tax_total),
                            tenders: tenders.clone(),
                        })
                        .map_err(AppError::internal)?;
                    }
                }
                let bytes = w.into_inner().map_err(AppError::internal)?;
                String::from_utf8(bytes).map_err(AppError::internal)
            }
        }
    }
}
