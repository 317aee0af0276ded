//! A first look at a new bank's file, so a manager can map its columns by hand: the
//! delimiter, the columns with example values, the distinct values of each (for the
//! transaction-type words), and a suggested mapping guessed from the header names and the
//! values. The suggestion is only a starting point: the manager checks it against a
//! preview (`parse` of the same file) before saving it as a preset.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDateTime};
use quay_core::money::Currency;
use serde::{Deserialize, Serialize};

use super::preset::{fold_header, AmountFormat, Column, Columns, DateFormat, LineKind, Preset};
use crate::error::BankError;

/// Distinct values kept per column: enough for every type word a bank uses.
pub const MAX_VALUES: usize = 20;
/// Example values shown per column.
pub const MAX_EXAMPLES: usize = 3;
/// Lines read to guess the delimiter.
const PROBE_LINES: usize = 20;

const DELIMITERS: [char; 4] = [',', ';', '\t', '|'];

/// Local date-time layouts banks commonly use, tried in this order. Day before month
/// first: the counters this serves (Vietnam, Greece, the Gulf, China) write it so; the
/// manager sees the preview and can change it.
const DATE_PATTERNS: [&str; 12] = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%Y/%m/%d %H:%M:%S",
];

/// The logical fields of a bank line, in the order a mapping screen shows them.
pub const FIELDS: [&str; 14] = [
    "transaction_id",
    "merchant_reference",
    "order_code",
    "merchant_id",
    "terminal_id",
    "date_time",
    "card_scheme",
    "masked_pan",
    "amount",
    "currency",
    "auth_code",
    "rrn",
    "stan",
    "type",
];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SampleColumn {
    /// Zero-based position in the file.
    pub index: usize,
    /// The header cell, trimmed; empty for a file without a header.
    pub header: String,
    /// The first few non-empty values.
    pub examples: Vec<String>,
    /// Distinct non-empty values (trimmed), at most `MAX_VALUES`, in order of appearance.
    pub values: Vec<String>,
    /// More distinct values than `values` holds.
    pub more_values: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSample {
    pub delimiter: char,
    pub has_header: bool,
    pub columns: Vec<SampleColumn>,
    /// Data lines (blank lines not counted).
    pub rows: usize,
    /// A mapping guessed from the header and the values; `name` is empty.
    pub suggested: Preset,
}

/// Reads `bytes` as a bank file of unknown layout. `delimiter` and `has_header` override
/// the guesses (the manager corrects them on the mapping screen). Refuses what no preset
/// could read: not UTF-8, empty, or not CSV.
pub fn sample(bytes: &[u8], delimiter: Option<char>, has_header: Option<bool>) -> Result<FileSample, BankError> {
    let text = super::parse::decode(bytes)?;
    let delimiter = match delimiter {
        Some(d) if DELIMITERS.contains(&d) => d,
        Some(_) => return Err(BankError::BadPreset { reason: "delimiter".into() }),
        None => guess_delimiter(text),
    };
    let records = read_all(text, delimiter)?;
    let Some(first) = records.first() else { return Err(BankError::Empty) };
    let has_header = has_header.unwrap_or_else(|| looks_like_header(first));
    let width = records.iter().map(Vec::len).max().unwrap_or(0);
    let data = if has_header { &records[1..] } else { &records[..] };

    let columns: Vec<SampleColumn> = (0..width)
        .map(|i| {
            let header = if has_header { first.get(i).map(|s| s.trim().to_string()).unwrap_or_default() } else { String::new() };
            let mut values: Vec<String> = Vec::new();
            let mut more_values = false;
            for v in data.iter().filter_map(|r| r.get(i)).map(|s| s.trim()).filter(|s| !s.is_empty()) {
                if values.iter().any(|x| x == v) {
                    continue;
                }
                if values.len() == MAX_VALUES {
                    more_values = true;
                    break;
                }
                values.push(v.to_string());
            }
            let examples = values.iter().take(MAX_EXAMPLES).cloned().collect();
            SampleColumn { index: i, header, examples, values, more_values }
        })
        .collect();
    let suggested = suggest(&columns, delimiter, has_header);
    Ok(FileSample { delimiter, has_header, columns, rows: data.len(), suggested })
}

fn read_all(text: &str, delimiter: char) -> Result<Vec<Vec<String>>, BankError> {
    let mut rdr = csv::ReaderBuilder::new().delimiter(delimiter as u8).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| BankError::BadCsv { line: e.position().map(|p| p.line()).unwrap_or(0) })?;
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        out.push(rec.iter().map(str::to_string).collect());
    }
    Ok(out)
}

/// The delimiter that splits the first lines into the most columns, the same number on
/// every line; a comma when none does.
fn guess_delimiter(text: &str) -> char {
    let probe: String = text.lines().take(PROBE_LINES).collect::<Vec<_>>().join("\n");
    let mut best = (',', 1usize);
    for d in DELIMITERS {
        let Ok(records) = read_all(&probe, d) else { continue };
        let widths: Vec<usize> = records.iter().map(Vec::len).collect();
        let Some(&w) = widths.first() else { continue };
        if w > best.1 && widths.iter().all(|x| *x == w) {
            best = (d, w);
        }
    }
    best.0
}

/// A header has no cell that reads as a number or a date: data lines always do (the amount).
fn looks_like_header(first: &[String]) -> bool {
    !first.iter().map(|s| s.trim()).any(|s| {
        let digits = s.trim_start_matches('-').replace([',', '.'], "");
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())) || date_format_of(&[s.to_string()]).is_some()
    })
}

/// Header names each field is known by (the built-in presets' and some common ones).
fn synonyms(field: &str) -> &'static [&'static str] {
    match field {
        "transaction_id" => &["transaction_id", "transaction id", "transactionid", "txn id", "tx id", "trans id", "id"],
        "merchant_reference" => {
            &["merchant_reference", "merchant reference", "client transaction id", "reference", "order reference", "merchant ref"]
        }
        "order_code" => &["order code", "ordercode", "order id", "order"],
        "merchant_id" => &["merchant_id", "merchant id", "mid", "merchant number"],
        "terminal_id" => &["terminal_id", "terminal id", "tid", "terminal", "source terminal id", "pos id"],
        "date_time" => {
            &["date_time", "date time", "datetime", "date", "created", "transaction date", "trans date", "insdate", "timestamp", "time"]
        }
        "card_scheme" => &["card_scheme", "card scheme", "scheme", "brand", "card brand", "card type", "cardtype"],
        "masked_pan" => &["masked_pan", "masked pan", "card number", "cardnumber", "pan", "card"],
        "amount" => &["amount", "gross amount", "transaction amount", "value", "total"],
        "currency" => &["currency", "currency code", "ccy", "cur"],
        "auth_code" => &["auth_code", "auth code", "authorization code", "authorisation code", "authorizationid", "approval code", "auth"],
        "rrn" => &["rrn", "retrieval reference", "retrieval reference number"],
        "stan" => &["stan", "trace", "trace number", "reference number", "referencenumber", "system trace audit number"],
        "type" => &["type", "transaction type", "transactiontype", "txn type", "kind", "operation"],
        _ => &[],
    }
}

/// Type words banks write, and what they mean.
const TYPE_WORDS: [(&str, LineKind); 17] = [
    ("sale", LineKind::Sale),
    ("sales", LineKind::Sale),
    ("payment", LineKind::Sale),
    ("card payment", LineKind::Sale),
    ("purchase", LineKind::Sale),
    ("charge", LineKind::Sale),
    ("debit", LineKind::Sale),
    ("refund", LineKind::Refund),
    ("card refund", LineKind::Refund),
    ("reversal", LineKind::Refund),
    ("credit", LineKind::Refund),
    ("return", LineKind::Refund),
    ("fee", LineKind::Fee),
    ("commission", LineKind::Fee),
    ("charges", LineKind::Fee),
    ("chargeback", LineKind::Chargeback),
    ("dispute", LineKind::Chargeback),
];

/// The mapping a manager most likely wants: each field to the first unclaimed column whose
/// header is one of its names (exact names first, so "transaction type" is not taken for
/// the transaction id), or, without a header, to nothing but date and amount found by value.
pub fn suggest(columns: &[SampleColumn], delimiter: char, has_header: bool) -> Preset {
    let mut chosen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut taken = vec![false; columns.len()];
    if has_header {
        let folded: Vec<String> = columns.iter().map(|c| fold_header(&c.header)).collect();
        // Pass 1 takes each field's best (earliest) synonym over all columns; a field's
        // later synonyms only count where no field had a better claim.
        let ranks = FIELDS.iter().map(|f| synonyms(f).len()).max().unwrap_or(0);
        for rank in 0..ranks {
            for field in FIELDS {
                if chosen.contains_key(field) {
                    continue;
                }
                let Some(name) = synonyms(field).get(rank) else { continue };
                let want = fold_header(name);
                if let Some(i) = (0..columns.len()).find(|&i| !taken[i] && folded[i] == want) {
                    chosen.insert(field, i);
                    taken[i] = true;
                }
            }
        }
    }
    // Date, amount and currency by their values when the header did not name them.
    if !chosen.contains_key("date_time") {
        if let Some(i) = (0..columns.len()).find(|&i| !taken[i] && date_format_of(&columns[i].values).is_some()) {
            chosen.insert("date_time", i);
            taken[i] = true;
        }
    }
    if !chosen.contains_key("amount") {
        if let Some(i) = (0..columns.len()).find(|&i| !taken[i] && amount_format_of(&columns[i].values).is_some()) {
            chosen.insert("amount", i);
            taken[i] = true;
        }
    }

    if !chosen.contains_key("currency") {
        let is_code = |v: &String| v.len() == 3 && v.parse::<Currency>().is_ok();
        if let Some(i) = (0..columns.len()).find(|&i| !taken[i] && !columns[i].values.is_empty() && columns[i].values.iter().all(is_code)) {
            chosen.insert("currency", i);
            taken[i] = true;
        }
    }

    let column = |field: &str| -> Option<Column> {
        let i = *chosen.get(field)?;
        Some(if has_header { Column { names: vec![columns[i].header.clone()], index: None, required: true } } else { Column::at(i) })
    };
    let values_of = |field: &str| chosen.get(field).map(|&i| columns[i].values.as_slice()).unwrap_or(&[]);
    let separator_ok = |sep: char| sep != delimiter;
    let amount = amount_format_of(values_of("amount"))
        .filter(|f| !matches!(f, AmountFormat::Decimal { separator } if !separator_ok(*separator)))
        .unwrap_or(AmountFormat::Decimal { separator: if delimiter == ',' { '.' } else { ',' } });
    let date_time = date_format_of(values_of("date_time")).unwrap_or(DateFormat::Iso8601);
    let types = values_of("type")
        .iter()
        .filter_map(|v| {
            let low = v.trim().to_lowercase();
            TYPE_WORDS.iter().find(|(w, _)| *w == low).map(|(_, k)| (v.trim().to_string(), *k))
        })
        .collect();
    // Placeholders keep the required fields present: the screen shows them unmapped until
    // the manager picks a column, and `validate` refuses to save them so.
    let required = |field: &str| column(field).unwrap_or(Column { names: vec![], index: None, required: true });
    Preset {
        name: String::new(),
        delimiter,
        has_header,
        columns: Columns {
            transaction_id: column("transaction_id"),
            merchant_reference: column("merchant_reference"),
            order_code: column("order_code"),
            merchant_id: column("merchant_id"),
            terminal_id: column("terminal_id"),
            date_time: required("date_time"),
            scheme: column("card_scheme"),
            masked_pan: column("masked_pan"),
            amount: required("amount"),
            currency: column("currency"),
            auth_code: column("auth_code"),
            rrn: column("rrn"),
            stan: column("stan"),
            kind: column("type"),
        },
        amount,
        date_time,
        types,
    }
}

/// The one amount layout every value fits: minor units only when no value has a
/// separator and none could be read otherwise is not guessed (a "45000" VND file is in
/// major units), so plain integers read as decimals.
fn amount_format_of(values: &[String]) -> Option<AmountFormat> {
    if values.is_empty() {
        return None;
    }
    let fits = |v: &str, sep: char| {
        let body = v.trim().trim_start_matches('-');
        let mut parts = body.splitn(2, sep);
        let whole = parts.next().unwrap_or("");
        let frac = parts.next();
        !whole.is_empty()
            && whole.bytes().all(|b| b.is_ascii_digit())
            && frac.is_none_or(|f| !f.is_empty() && f.len() <= 3 && f.bytes().all(|b| b.is_ascii_digit()))
    };
    if values.iter().all(|v| fits(v, '.')) {
        Some(AmountFormat::Decimal { separator: '.' })
    } else if values.iter().all(|v| fits(v, ',')) {
        Some(AmountFormat::Decimal { separator: ',' })
    } else {
        None
    }
}

/// ISO 8601 with an offset, or the first local pattern every value fits. The offset of a
/// local pattern is 0 here: the caller knows the counter's.
pub fn date_format_of(values: &[String]) -> Option<DateFormat> {
    if values.is_empty() {
        return None;
    }
    if values.iter().all(|v| DateTime::parse_from_rfc3339(v.trim()).is_ok()) {
        return Some(DateFormat::Iso8601);
    }
    DATE_PATTERNS
        .iter()
        .find(|p| values.iter().all(|v| NaiveDateTime::parse_from_str(v.trim(), p).is_ok()))
        .map(|p| DateFormat::Pattern { pattern: p.to_string(), utc_offset_minutes: 0 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{parse, Expect};

    fn cols(p: &Preset) -> Vec<(&'static str, Option<String>)> {
        let c = &p.columns;
        let name = |c: &Option<Column>| c.as_ref().and_then(|c| c.names.first().cloned().or(c.index.map(|i| format!("#{i}"))));
        vec![
            ("transaction_id", name(&c.transaction_id)),
            ("merchant_reference", name(&c.merchant_reference)),
            ("terminal_id", name(&c.terminal_id)),
            ("date_time", name(&Some(c.date_time.clone()))),
            ("amount", name(&Some(c.amount.clone()))),
            ("currency", name(&c.currency)),
            ("auth_code", name(&c.auth_code)),
            ("type", name(&c.kind)),
        ]
    }

    #[test]
    fn a_semicolon_file_with_comma_decimals_and_local_dates() {
        let file = "Datum;Terminal ID;Betrag;Währung;Auth Code;Transaction Type;Reference\n\
                    21.11.2026 19:45;T1;12,50;EUR;A1B2C3;Purchase;q-1\n\
                    21.11.2026 20:01;T1;3,00;EUR;D4E5F6;Refund;q-2\n";
        let s = sample(file.as_bytes(), None, None).unwrap();
        assert_eq!(s.delimiter, ';');
        assert!(s.has_header);
        assert_eq!(s.rows, 2);
        assert_eq!(s.columns.len(), 7);
        assert_eq!(s.columns[2].examples, vec!["12,50", "3,00"]);
        assert_eq!(s.columns[5].values, vec!["Purchase", "Refund"]);
        let p = &s.suggested;
        assert_eq!(p.amount, AmountFormat::Decimal { separator: ',' });
        assert_eq!(p.date_time, DateFormat::Pattern { pattern: "%d.%m.%Y %H:%M".into(), utc_offset_minutes: 0 });
        let got = cols(p);
        assert!(got.contains(&("date_time", Some("Datum".into()))), "{got:?}"); // found by its values
        assert!(got.contains(&("amount", Some("Betrag".into()))), "{got:?}");
        assert!(got.contains(&("terminal_id", Some("Terminal ID".into()))));
        assert!(got.contains(&("auth_code", Some("Auth Code".into()))));
        assert!(got.contains(&("type", Some("Transaction Type".into()))));
        assert!(got.contains(&("merchant_reference", Some("Reference".into()))));
        assert!(got.contains(&("currency", Some("Währung".into()))), "by its values: {got:?}");
        assert!(got.contains(&("transaction_id", None)), "'Transaction Type' is not an id: {got:?}");
        assert_eq!(p.types.get("Purchase"), Some(&LineKind::Sale));
        assert_eq!(p.types.get("Refund"), Some(&LineKind::Refund));

        // Named and saved, the suggestion reads the file it came from.
        let mut named = p.clone();
        named.name = "bank-de".into();
        let batch = parse(file.as_bytes(), &named, &Expect::default()).unwrap();
        assert_eq!(batch.lines.len(), 2);
        assert_eq!(batch.lines[0].amount.minor, 1250);
        assert_eq!(batch.lines[1].kind, LineKind::Refund);
        assert_eq!(batch.lines[1].amount.minor, -300);
    }

    #[test]
    fn the_generic_layout_is_recognised_whole() {
        let file =
            "transaction_id,merchant_reference,terminal_id,date_time,card_scheme,masked_pan,amount,currency,auth_code,rrn,stan,type\n\
                    tx1,q-1,T1,2026-11-21T19:45:03+07:00,VISA,4111********1111,45000,VND,AB12CD,123456789012,000123,sale\n";
        let s = sample(file.as_bytes(), None, None).unwrap();
        assert_eq!(s.delimiter, ',');
        let mut p = s.suggested.clone();
        p.name = "generic".into();
        let mut generic = Preset::generic();
        generic.columns.merchant_id = None; // not in this file
        generic.types.retain(|k, _| k == "sale");
        assert_eq!(p.columns, generic.columns);
        assert_eq!(p.date_time, DateFormat::Iso8601);
        assert_eq!(p.amount, AmountFormat::Decimal { separator: '.' });
        assert_eq!(p.types, generic.types);
    }

    #[test]
    fn a_file_without_header_maps_by_position() {
        let file = "2026-11-21 19:45:03|45000|AB12\n2026-11-21 20:00:00|30000|CD34\n";
        let s = sample(file.as_bytes(), None, None).unwrap();
        assert_eq!(s.delimiter, '|');
        assert!(!s.has_header);
        assert_eq!(s.rows, 2);
        assert_eq!(s.suggested.columns.date_time, Column::at(0));
        assert_eq!(s.suggested.columns.amount, Column::at(1));
        assert!(s.suggested.validate().is_ok());
    }

    #[test]
    fn overrides_and_refusals() {
        let file = "a;b\n1;2\n";
        let s = sample(file.as_bytes(), Some(','), Some(true)).unwrap();
        assert_eq!(s.columns.len(), 1, "read with the manager's delimiter");
        assert_eq!(sample(b"   \n", None, None), Err(BankError::Empty));
        assert_eq!(sample(b"a,b\n\xff,1\n", None, None), Err(BankError::NotUtf8 { line: 2 }));
        assert!(matches!(sample(file.as_bytes(), Some('x'), None), Err(BankError::BadPreset { .. })));
    }

    #[test]
    fn unmapped_required_fields_cannot_be_saved() {
        let s = sample(b"foo,bar\nx,y\n", None, None).unwrap();
        assert!(s.suggested.validate().is_err());
    }

    #[test]
    fn distinct_values_are_capped() {
        let mut file = String::from("type,amount\n");
        for i in 0..30 {
            file.push_str(&format!("t{i},1\n"));
        }
        let s = sample(file.as_bytes(), None, None).unwrap();
        assert_eq!(s.columns[0].values.len(), MAX_VALUES);
        assert!(s.columns[0].more_values);
        assert!(!s.columns[1].more_values);
    }
}
