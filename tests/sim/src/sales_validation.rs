//! A strict hub's checks of one sale record (hub-api.md, "Sales"), on the raw JSON so
//! that a wrong type (a float quantity, a string amount) is refused rather than coerced.
//! All arithmetic is i64, checked; an overflow is a refusal, never a wrap.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Closed,
    Voided,
}

/// What the ledger needs of a sale that passed the record-level checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedSale {
    /// Lowercase hyphenated UUID: the idempotency key.
    pub id: String,
    pub status: Status,
    pub void_of: Option<String>,
    pub total: i64,
    pub tax_total: i64,
    /// (item_id, qty, unit_price, line_total) per line, to match a void to its sale.
    pub lines: Vec<(String, i64, i64, i64)>,
}

type Check<T> = Result<T, String>;

/// The sale's id as a canonical UUID, if it has one (to answer `duplicate` before
/// validating the rest: a resent sale is answered by its id alone).
pub fn sale_id(sale: &Value) -> Option<String> {
    sale.get("id").and_then(Value::as_str).and_then(|s| uuid(s, "id").ok())
}

/// Checks everything that can be checked on the record alone.
pub fn check_sale(sale: &Value, currency: &str) -> Check<CheckedSale> {
    let s = sale.as_object().ok_or("a sale must be a JSON object")?;
    let id = uuid(text(s, "id")?, "id")?;
    nonempty(s, "receipt_no")?;
    timestamp(s, "opened_at")?;
    timestamp(s, "closed_at")?;
    nonempty(s, "cashier")?;
    let cur = text(s, "currency")?;
    if cur != currency {
        return Err(format!("currency {cur:?}: this hub takes {currency}"));
    }
    let status = match text(s, "status")? {
        "closed" => Status::Closed,
        "voided" => Status::Voided,
        other => return Err(format!("status {other:?}: must be \"closed\" or \"voided\"")),
    };
    let void_of = match (status, s.get("void_of")) {
        (Status::Closed, None | Some(Value::Null)) => None,
        (Status::Closed, Some(_)) => return Err("void_of on a closed sale: only a void names the sale it voids".into()),
        (Status::Voided, _) => Some(uuid(text(s, "void_of")?, "void_of")?),
    };
    // Quantities and amounts carry the record's sign: positive on a sale, negative on its void.
    let sign = if status == Status::Closed { 1 } else { -1 };

    let raw_lines = array(s, "lines")?;
    if raw_lines.is_empty() {
        return Err("lines is empty".into());
    }
    let mut lines = Vec::with_capacity(raw_lines.len());
    // Gross per VAT rate: the tax is taken out of each rate's sum once.
    let mut bands: BTreeMap<i64, i64> = BTreeMap::new();
    let mut sum: i64 = 0;
    for (i, l) in raw_lines.iter().enumerate() {
        let at = |f: &str| format!("lines[{i}].{f}");
        let l = l.as_object().ok_or_else(|| format!("lines[{i}] must be an object"))?;
        let item_id = nonempty(l, "item_id").map_err(|e| format!("lines[{i}].{e}"))?;
        nonempty(l, "name").map_err(|e| format!("lines[{i}].{e}"))?;
        optional_text(l, "sku").map_err(|e| format!("lines[{i}].{e}"))?;
        optional_text(l, "note").map_err(|e| format!("lines[{i}].{e}"))?;
        let qty = int(l, "qty").map_err(|e| format!("lines[{i}].{e}"))?;
        if qty == 0 || qty.signum() != sign {
            let want = if sign > 0 { "positive on a closed sale" } else { "negative on a void" };
            return Err(format!("{} {qty}: must be {want}", at("qty")));
        }
        let unit_price = int(l, "unit_price").map_err(|e| format!("lines[{i}].{e}"))?;
        if unit_price < 0 {
            return Err(format!("{} {unit_price} is negative", at("unit_price")));
        }
        let rate = int(l, "tax_rate_bp").map_err(|e| format!("lines[{i}].{e}"))?;
        if !(0..=10_000).contains(&rate) {
            return Err(format!("{} {rate} is outside 0..=10000", at("tax_rate_bp")));
        }
        let mut deltas: i64 = 0;
        for (k, o) in array(l, "options").map_err(|e| format!("lines[{i}].{e}"))?.iter().enumerate() {
            let o = o.as_object().ok_or_else(|| format!("lines[{i}].options[{k}] must be an object"))?;
            let ctx = |e: String| format!("lines[{i}].options[{k}].{e}");
            nonempty(o, "option_id").map_err(ctx)?;
            nonempty(o, "name").map_err(ctx)?;
            let d = int(o, "price_delta").map_err(ctx)?;
            if d < 0 {
                return Err(format!("lines[{i}].options[{k}].price_delta {d} is negative"));
            }
            deltas = deltas.checked_add(d).ok_or("option price deltas overflow")?;
        }
        if unit_price < deltas {
            return Err(format!("{} {unit_price} is less than its options' deltas {deltas}", at("unit_price")));
        }
        let line_total = int(l, "line_total").map_err(|e| format!("lines[{i}].{e}"))?;
        let expected = qty.checked_mul(unit_price).ok_or_else(|| format!("{} overflows", at("line_total")))?;
        if line_total != expected {
            return Err(format!("{} {line_total} ≠ qty {qty} × unit_price {unit_price} = {expected}", at("line_total")));
        }
        sum = sum.checked_add(line_total).ok_or("the sum of line totals overflows")?;
        let band = bands.entry(rate).or_insert(0);
        *band = band.checked_add(line_total).ok_or("the sum of line totals overflows")?;
        lines.push((item_id.to_string(), qty, unit_price, line_total));
    }

    let total = int(s, "total")?;
    if total != sum {
        return Err(format!("total {total} ≠ the sum of line totals {sum}"));
    }
    let tax_total = int(s, "tax_total")?;
    let vat: i64 = bands.iter().map(|(rate, gross)| included_vat(*gross, *rate)).sum();
    // Counters may take VAT out per line; each line can then be off by one minor unit.
    let slack = lines.len() as i64;
    if (tax_total - vat).abs() > slack {
        return Err(format!("tax_total {tax_total} ≠ the VAT included in the lines {vat} (±{slack})"));
    }

    check_tenders(array(s, "tenders")?, status, total)?;
    Ok(CheckedSale { id, status, void_of, total, tax_total, lines })
}

fn check_tenders(tenders: &[Value], status: Status, total: i64) -> Check<()> {
    let mut paid: i64 = 0;
    for (i, t) in tenders.iter().enumerate() {
        let ctx = |e: String| format!("tenders[{i}].{e}");
        let t = t.as_object().ok_or_else(|| format!("tenders[{i}] must be an object"))?;
        let kind = text(t, "kind").map_err(ctx)?;
        if !["cash", "card", "voucher", "wallet"].contains(&kind) {
            return Err(format!("tenders[{i}].kind {kind:?}: must be cash, card, voucher or wallet"));
        }
        let amount = int(t, "amount").map_err(ctx)?;
        let wrong_sign = match status {
            Status::Closed => amount < 0,
            Status::Voided => amount > 0,
        };
        if wrong_sign {
            return Err(format!("tenders[{i}].amount {amount} has the wrong sign for a {} sale", status_name(status)));
        }
        optional_text(t, "reference").map_err(ctx)?;
        optional_text(t, "partner").map_err(ctx)?;
        if kind == "voucher" {
            nonempty(t, "partner").map_err(ctx)?;
        }
        let tendered = optional_int(t, "tendered").map_err(ctx)?;
        let change = optional_int(t, "change").map_err(ctx)?;
        if kind != "cash" && (tendered.is_some() || change.is_some()) {
            return Err(format!("tenders[{i}]: only a cash tender carries tendered and change"));
        }
        match (tendered, change) {
            (None, None) => {}
            (Some(tendered), Some(change)) => {
                if status == Status::Closed && change < 0 {
                    return Err(format!("tenders[{i}].change {change} is negative"));
                }
                if tendered.checked_sub(change) != Some(amount) {
                    return Err(format!("tenders[{i}]: tendered {tendered} − change {change} ≠ amount {amount}"));
                }
            }
            _ => return Err(format!("tenders[{i}]: tendered and change come together")),
        }
        paid = paid.checked_add(amount).ok_or("tender amounts overflow")?;
    }
    let nothing_paid_back = status == Status::Voided && tenders.is_empty();
    if paid != total && !nothing_paid_back {
        return Err(format!("tenders add up to {paid}, the total is {total}"));
    }
    Ok(())
}

/// A void must negate the sale it names: same lines, totals with the opposite sign.
pub fn check_void_matches(void: &CheckedSale, original: &CheckedSale) -> Check<()> {
    if original.status == Status::Voided {
        return Err(format!("void_of {} is itself a void", original.id));
    }
    if void.total != -original.total || void.tax_total != -original.tax_total {
        return Err(format!(
            "a void negates its sale: total/tax_total {}/{} for a sale of {}/{}",
            void.total, void.tax_total, original.total, original.tax_total
        ));
    }
    let negated: Vec<_> = original.lines.iter().map(|(item, q, p, t)| (item.clone(), -q, *p, -t)).collect();
    if void.lines != negated {
        return Err(format!("a void negates its sale: its lines are not those of {} negated", original.id));
    }
    Ok(())
}

/// `gross × rate / (10000 + rate)`, rounded half away from zero, in i128 to never overflow.
pub fn included_vat(gross: i64, rate_bp: i64) -> i64 {
    let num = gross as i128 * rate_bp as i128;
    let den = 10_000 + rate_bp as i128;
    let q = (num.abs() + den / 2) / den;
    (q * num.signum()) as i64
}

fn status_name(s: Status) -> &'static str {
    match s {
        Status::Closed => "closed",
        Status::Voided => "voided",
    }
}

fn field<'a>(o: &'a Map<String, Value>, f: &str) -> Check<&'a Value> {
    o.get(f).ok_or_else(|| format!("{f} is missing"))
}

fn text<'a>(o: &'a Map<String, Value>, f: &str) -> Check<&'a str> {
    field(o, f)?.as_str().ok_or_else(|| format!("{f} must be a string"))
}

fn nonempty<'a>(o: &'a Map<String, Value>, f: &str) -> Check<&'a str> {
    Some(text(o, f)?).filter(|s| !s.trim().is_empty()).ok_or_else(|| format!("{f} is empty"))
}

/// Absent, null or a string.
fn optional_text(o: &Map<String, Value>, f: &str) -> Check<()> {
    match o.get(f) {
        None | Some(Value::Null) | Some(Value::String(_)) => Ok(()),
        Some(_) => Err(format!("{f} must be a string or null")),
    }
}

/// An integer in i64: `2.0`, `"2"` and `1e3` are not.
fn int(o: &Map<String, Value>, f: &str) -> Check<i64> {
    field(o, f)?.as_i64().ok_or_else(|| format!("{f} must be an integer"))
}

fn optional_int(o: &Map<String, Value>, f: &str) -> Check<Option<i64>> {
    match o.get(f) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v.as_i64().map(Some).ok_or_else(|| format!("{f} must be an integer")),
    }
}

fn array<'a>(o: &'a Map<String, Value>, f: &str) -> Check<&'a Vec<Value>> {
    field(o, f)?.as_array().ok_or_else(|| format!("{f} must be an array"))
}

fn timestamp(o: &Map<String, Value>, f: &str) -> Check<()> {
    let t = text(o, f)?;
    chrono::DateTime::parse_from_rfc3339(t).map(|_| ()).map_err(|_| format!("{f} {t:?} is not an RFC 3339 time with offset"))
}

/// The hyphenated form only (what the contract's examples show), any case, kept lowercase.
fn uuid(s: &str, f: &str) -> Check<String> {
    match uuid::Uuid::try_parse(s) {
        Ok(u) if s.len() == 36 => Ok(u.hyphenated().to_string()),
        _ => Err(format!("{f} {s:?} is not a UUID")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sale() -> Value {
        json!({
            "id": "0193a0c2-7b1e-7cc0-9d2a-4c1f00000001", "receipt_no": "C1-000001",
            "opened_at": "2026-11-22T09:00:00+07:00", "closed_at": "2026-11-22T09:02:00+07:00",
            "currency": "VND", "status": "closed", "cashier": "Lan",
            "lines": [
                {"item_id": "i-cfsd", "sku": "CF-SD", "name": "Cà phê sữa đá", "qty": 2, "unit_price": 55000,
                 "options": [{"option_id": "o-l", "name": "Lớn", "price_delta": 10000}],
                 "note": "ít đá", "tax_rate_bp": 800, "line_total": 110000},
                {"item_id": "i-pho", "sku": null, "name": "Phở bò", "qty": 1, "unit_price": 65000,
                 "options": [], "note": null, "tax_rate_bp": 1000, "line_total": 65000}],
            "total": 175000, "tax_total": 14057,
            "tenders": [{"kind": "cash", "amount": 175000, "tendered": 200000, "change": 25000}]
        })
    }

    #[test]
    fn the_contract_example_arithmetic_holds() {
        // 110000 × 800/10800 = 8148.1 → 8148; 65000 × 1000/11000 = 5909.09 → 5909.
        assert_eq!(included_vat(110_000, 800), 8_148);
        assert_eq!(included_vat(-110_000, 800), -8_148);
        let c = check_sale(&sale(), "VND").unwrap();
        assert_eq!((c.total, c.tax_total, c.status), (175_000, 14_057, Status::Closed));
    }

    /// A change to a valid sale, and the word its refusal must contain.
    type Fault = (fn(&mut Value), &'static str);

    #[test]
    fn each_fault_is_named() {
        let cases: Vec<Fault> = vec![
            (|s| s["lines"][0]["line_total"] = json!(100000), "line_total"),
            (|s| s["lines"][0]["qty"] = json!(2.0), "qty must be an integer"),
            (|s| s["lines"][0]["qty"] = json!(-2), "positive"),
            (|s| s["lines"][1]["unit_price"] = json!(-1), "negative"),
            (|s| s["lines"][0]["unit_price"] = json!(5000), "deltas"),
            (|s| s["tax_total"] = json!(14060), "tax_total"),
            (|s| s["total"] = json!(175001), "total"),
            (|s| s["currency"] = json!("USD"), "currency"),
            (|s| s["id"] = json!("not-a-uuid"), "UUID"),
            (|s| s["lines"] = json!([]), "lines is empty"),
            (|s| s["tenders"][0] = json!({"kind": "card", "amount": 170000}), "tenders add up"),
            (|s| s["tenders"][0]["change"] = json!(20000), "tendered"),
            (|s| s["tenders"][0]["kind"] = json!("cheque"), "kind"),
            (|s| s["tenders"][0] = json!({"kind": "voucher", "amount": 175000}), "partner"),
            (|s| s["tenders"][0] = json!({"kind": "card", "amount": 175000, "tendered": 175000, "change": 0}), "only a cash"),
            (|s| s["closed_at"] = json!("yesterday"), "RFC 3339"),
            (|s| s["void_of"] = json!("0193a0c2-7b1e-7cc0-9d2a-4c1f00000002"), "void_of"),
            (
                |s| {
                    s.as_object_mut().unwrap().remove("cashier");
                },
                "cashier is missing",
            ),
        ];
        for (break_it, expected) in cases {
            let mut s = sale();
            break_it(&mut s);
            let err = check_sale(&s, "VND").unwrap_err();
            assert!(err.contains(expected), "{err:?} should mention {expected:?}");
        }
    }

    #[test]
    fn per_line_rounding_is_tolerated_within_the_line_count() {
        let mut s = sale();
        s["tax_total"] = json!(14057 + 2);
        assert!(check_sale(&s, "VND").is_ok());
        s["tax_total"] = json!(14057 - 3);
        assert!(check_sale(&s, "VND").is_err());
    }

    #[test]
    fn a_void_negates_its_sale() {
        let original = check_sale(&sale(), "VND").unwrap();
        let mut v = sale();
        v["id"] = json!("0193a0c2-7b1e-7cc0-9d2a-4c1f00000002");
        v["status"] = json!("voided");
        v["void_of"] = json!("0193a0c2-7b1e-7cc0-9d2a-4c1f00000001");
        for l in v["lines"].as_array_mut().unwrap() {
            l["qty"] = json!(-l["qty"].as_i64().unwrap());
            l["line_total"] = json!(-l["line_total"].as_i64().unwrap());
        }
        v["total"] = json!(-175000);
        v["tax_total"] = json!(-14057);
        v["tenders"] = json!([{"kind": "cash", "amount": -175000, "tendered": -175000, "change": 0}]);
        let checked = check_sale(&v, "VND").unwrap();
        assert_eq!(checked.void_of.as_deref(), Some(original.id.as_str()));
        check_void_matches(&checked, &original).unwrap();
        v["tenders"] = json!([]);
        assert!(check_sale(&v, "VND").is_ok(), "a void may pay nothing back");
        let mut partial = checked.clone();
        partial.lines.pop();
        assert!(check_void_matches(&partial, &original).is_err());
    }
}
