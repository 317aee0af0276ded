//! Reads a batch file with a preset. All or nothing: the first bad line refuses the whole
//! file, so a half-imported batch never reaches the matcher.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone};
use quay_core::money::{Currency, Money, MAX_MINOR};

use super::line::{BankBatch, BankLine};
use super::preset::{fold_header, AmountFormat, Column, DateFormat, LineKind, Preset};
use crate::error::BankError;

/// What the counter knows about itself, to refuse another shop's or terminal's file.
/// Empty fields check nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expect {
    pub merchant_id: Option<String>,
    pub terminal_ids: Vec<String>,
    pub currency: Option<Currency>,
}

// Logical fields, as indexes into the resolved column table.
const TX: usize = 0;
const MREF: usize = 1;
const ORDER: usize = 2;
const MID: usize = 3;
const TID: usize = 4;
const DATE: usize = 5;
const SCHEME: usize = 6;
const PAN: usize = 7;
const AMOUNT: usize = 8;
const CUR: usize = 9;
const AUTH: usize = 10;
const RRN: usize = 11;
const STAN: usize = 12;
const KIND: usize = 13;
const FIELDS: usize = 14;

/// Each field's column index in the file and the name to show in errors.
struct Resolved {
    idx: [Option<usize>; FIELDS],
    name: [String; FIELDS],
}

const DELIMITERS: [char; 4] = [',', ';', '\t', '|'];

fn delimiter_name(d: char) -> String {
    if d == '\t' {
        "tab".to_string()
    } else {
        d.to_string()
    }
}

pub fn parse(bytes: &[u8], preset: &Preset, expect: &Expect) -> Result<BankBatch, BankError> {
    preset.validate()?;
    let text = decode(bytes)?;
    let mut rdr =
        csv::ReaderBuilder::new().delimiter(preset.delimiter as u8).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut records = rdr.records();
    let first = match records.next() {
        Some(r) => r.map_err(|e| csv_error(&e))?,
        None => return Err(BankError::Empty),
    };
    if first.len() == 1 {
        if let Some(d) = DELIMITERS.iter().find(|d| **d != preset.delimiter && first[0].contains(**d)) {
            return Err(BankError::WrongDelimiter { found: delimiter_name(*d), expected: delimiter_name(preset.delimiter) });
        }
    }
    let width = first.len();
    let resolved = resolve(preset, preset.has_header.then_some(&first), width)?;
    let types: HashMap<String, LineKind> = preset.types.iter().map(|(k, v)| (k.trim().to_lowercase(), *v)).collect();
    let terminals: HashSet<&str> = expect.terminal_ids.iter().map(|s| s.trim()).collect();
    let reader = LineReader { preset, expect, resolved: &resolved, types: &types, terminals: &terminals, width };

    let mut lines = Vec::new();
    let mut batch_currency: Option<Currency> = None;
    let head = if preset.has_header { None } else { Some(Ok(first)) };
    for rec in head.into_iter().chain(records) {
        let rec = rec.map_err(|e| csv_error(&e))?;
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let line = reader.read(&rec)?;
        match batch_currency {
            None => batch_currency = Some(line.currency),
            Some(c) if c != line.currency => {
                return Err(BankError::MixedCurrency {
                    line: line.line,
                    expected: c.code().to_string(),
                    found: line.currency.code().to_string(),
                })
            }
            Some(_) => {}
        }
        lines.push(line);
    }
    Ok(BankBatch { lines })
}

/// The file as text: UTF-8 (a byte-order mark is dropped), not empty. Another encoding is
/// refused with the first line that is not UTF-8, never guessed at.
pub(crate) fn decode(bytes: &[u8]) -> Result<&str, BankError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes)
        .map_err(|e| BankError::NotUtf8 { line: 1 + bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() as u64 })?;
    if text.trim().is_empty() {
        return Err(BankError::Empty);
    }
    Ok(text)
}

fn csv_error(e: &csv::Error) -> BankError {
    BankError::BadCsv { line: e.position().map(|p| p.line()).unwrap_or(0) }
}

fn resolve(preset: &Preset, header: Option<&csv::StringRecord>, width: usize) -> Result<Resolved, BankError> {
    let c = &preset.columns;
    let cols: [Option<&Column>; FIELDS] = [
        c.transaction_id.as_ref(),
        c.merchant_reference.as_ref(),
        c.order_code.as_ref(),
        c.merchant_id.as_ref(),
        c.terminal_id.as_ref(),
        Some(&c.date_time),
        c.scheme.as_ref(),
        c.masked_pan.as_ref(),
        Some(&c.amount),
        c.currency.as_ref(),
        c.auth_code.as_ref(),
        c.rrn.as_ref(),
        c.stan.as_ref(),
        c.kind.as_ref(),
    ];
    let folded: Option<HashMap<String, usize>> = header.map(|h| {
        let mut m = HashMap::new();
        for (i, name) in h.iter().enumerate() {
            m.entry(fold_header(name)).or_insert(i);
        }
        m
    });
    let mut idx = [None; FIELDS];
    let mut name: [String; FIELDS] = Default::default();
    for (f, col) in cols.iter().enumerate() {
        let Some(col) = col else { continue };
        let found = match &folded {
            Some(map) => col
                .names
                .iter()
                .find_map(|n| map.get(&fold_header(n)).map(|i| (*i, header.and_then(|h| h.get(*i)).unwrap_or(n).trim())))
                .or_else(|| col.index.filter(|i| *i < width).map(|i| (i, header.and_then(|h| h.get(i)).unwrap_or("")))),
            None => col.index.filter(|i| *i < width).map(|i| (i, "")),
        };
        match found {
            Some((i, shown)) => {
                idx[f] = Some(i);
                name[f] = if shown.is_empty() { format!("#{}", i + 1) } else { shown.to_string() };
            }
            None if col.required => {
                let column = col.names.first().cloned().or_else(|| col.index.map(|i| format!("#{}", i + 1))).unwrap_or_default();
                return Err(BankError::MissingColumn { column });
            }
            None => {}
        }
    }
    Ok(Resolved { idx, name })
}

struct LineReader<'a> {
    preset: &'a Preset,
    expect: &'a Expect,
    resolved: &'a Resolved,
    types: &'a HashMap<String, LineKind>,
    terminals: &'a HashSet<&'a str>,
    width: usize,
}

impl LineReader<'_> {
    fn read(&self, rec: &csv::StringRecord) -> Result<BankLine, BankError> {
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        if rec.len() != self.width {
            return Err(BankError::FieldCount { line, expected: self.width, found: rec.len() });
        }
        let cell = |f: usize| -> Option<&str> { self.resolved.idx[f].and_then(|i| rec.get(i)).map(str::trim).filter(|s| !s.is_empty()) };
        let text = |f: usize| cell(f).map(str::to_string);
        let col = |f: usize| self.resolved.name[f].clone();
        let required = |f: usize| cell(f).ok_or_else(|| BankError::MissingValue { line, column: col(f) });

        let currency = match cell(CUR) {
            Some(code) => code.to_ascii_uppercase().parse::<Currency>().map_err(|_| BankError::UnknownCurrency {
                line,
                column: col(CUR),
                code: code.to_string(),
            })?,
            None => self.expect.currency.ok_or_else(|| BankError::MissingValue {
                line,
                column: if self.resolved.name[CUR].is_empty() { "currency".into() } else { col(CUR) },
            })?,
        };
        if let Some(want) = self.expect.currency {
            if want != currency {
                return Err(BankError::WrongCurrency { line, expected: want.code().to_string(), found: currency.code().to_string() });
            }
        }

        let raw_amount = required(AMOUNT)?;
        let amount = parse_amount(raw_amount, &self.preset.amount, currency).ok_or_else(|| BankError::BadAmount {
            line,
            column: col(AMOUNT),
            text: raw_amount.to_string(),
        })?;

        let kind = match self.resolved.idx[KIND] {
            Some(_) => {
                let v = required(KIND)?;
                *self.types.get(&v.to_lowercase()).ok_or_else(|| BankError::UnknownType {
                    line,
                    column: col(KIND),
                    value: v.to_string(),
                })?
            }
            None if amount.minor < 0 => LineKind::Refund,
            None => LineKind::Sale,
        };
        let amount = match kind {
            LineKind::Sale if amount.minor < 0 => return Err(BankError::NegativeSale { line, column: col(AMOUNT) }),
            LineKind::Sale => amount,
            _ => Money::new(-amount.minor.abs(), currency),
        };

        let raw_date = required(DATE)?;
        let date_time = parse_date(raw_date, &self.preset.date_time).ok_or_else(|| BankError::BadDate {
            line,
            column: col(DATE),
            text: raw_date.to_string(),
        })?;

        let terminal_id = text(TID);
        if let Some(t) = &terminal_id {
            if !self.terminals.is_empty() && !self.terminals.contains(t.as_str()) {
                return Err(BankError::OtherTerminal { line, terminal: t.clone() });
            }
        }
        let merchant_id = text(MID);
        if let (Some(m), Some(want)) = (&merchant_id, &self.expect.merchant_id) {
            if m != want.trim() {
                return Err(BankError::OtherMerchant { line, merchant: m.clone(), expected: want.clone() });
            }
        }

        let mut out = BankLine {
            line,
            id: String::new(),
            transaction_id: text(TX),
            merchant_reference: text(MREF),
            order_code: text(ORDER),
            merchant_id,
            terminal_id,
            date_time,
            scheme: text(SCHEME),
            masked_pan: text(PAN),
            amount,
            currency,
            auth_code: text(AUTH),
            rrn: text(RRN),
            stan: text(STAN),
            kind,
        };
        out.compute_id();
        Ok(out)
    }
}

/// Exact: decimals go through quay-core's parser, never through a float.
fn parse_amount(text: &str, format: &AmountFormat, currency: Currency) -> Option<Money> {
    match format {
        AmountFormat::Decimal { separator: '.' } => Money::parse_major(text, currency).ok(),
        AmountFormat::Decimal { separator } => {
            if text.contains('.') {
                return None; // grouping dots ("1.234,50") are not guessed at
            }
            Money::parse_major(&text.replace(*separator, "."), currency).ok()
        }
        AmountFormat::Minor => {
            let digits = text.strip_prefix('-').unwrap_or(text);
            if digits.is_empty() || digits.len() > 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let v: i64 = text.parse().ok()?;
            (v.abs() <= MAX_MINOR).then(|| Money::new(v, currency))
        }
    }
}

fn parse_date(text: &str, format: &DateFormat) -> Option<DateTime<FixedOffset>> {
    match format {
        DateFormat::Iso8601 => DateTime::parse_from_rfc3339(text).ok(),
        DateFormat::Pattern { pattern, utc_offset_minutes } => {
            let naive = NaiveDateTime::parse_from_str(text, pattern).ok()?;
            FixedOffset::east_opt(utc_offset_minutes * 60)?.from_local_datetime(&naive).single()
        }
    }
}
