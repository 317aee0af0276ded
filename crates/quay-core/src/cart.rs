//! The open cart at the counter. A line copies what the cashier saw (name, price,
//! options) when it was added, so a menu update never changes a price under a customer.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::error::CoreError;
use crate::menu::{Item, Menu, Names};
use crate::money::{Currency, Money};

/// The most of one line a counter sells at once; more is a typo (a scanner repeating,
/// a finger resting on a key), not an order.
pub const MAX_QTY: i64 = 999;
/// Kitchen notes are short; longer text is a paste gone wrong.
pub const MAX_NOTE_CHARS: usize = 140;

pub type LineId = u32;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChosenOption {
    pub option_id: String,
    pub group_id: String,
    pub name: String,
    #[serde(default)]
    pub names: Names,
    pub price_delta: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartLine {
    pub line_id: LineId,
    pub item_id: String,
    pub sku: Option<String>,
    pub name: String,
    pub names: Names,
    /// The item's own price, before options.
    pub base_price: i64,
    pub options: Vec<ChosenOption>,
    pub qty: i64,
    pub note: Option<String>,
    pub tax_rate_bp: u32,
}

impl CartLine {
    /// Item price plus its options' deltas, per unit.
    pub fn unit_price(&self) -> i64 {
        self.base_price + self.options.iter().map(|o| o.price_delta).sum::<i64>()
    }

    pub fn line_total(&self, currency: Currency) -> Result<Money, CoreError> {
        Money::new(self.unit_price(), currency).checked_mul(self.qty)
    }
}

/// VAT contained in the lines of one rate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxBand {
    pub rate_bp: u32,
    /// Tax-inclusive sum of the lines at this rate.
    pub gross: Money,
    pub tax: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub total: Money,
    pub tax_total: Money,
    pub bands: Vec<TaxBand>,
    pub item_count: i64,
}

/// Computes totals for lines: VAT is taken out of each rate's gross sum once (not per
/// line), so rounding does not pile up over many lines.
pub fn totals<'a>(currency: Currency, lines: impl IntoIterator<Item = (i64, u32, i64)> + 'a) -> Result<Totals, CoreError> {
    let mut bands: Vec<TaxBand> = Vec::new();
    let mut total = Money::zero(currency);
    let mut item_count = 0;
    for (line_total, rate_bp, qty) in lines {
        let lt = Money::new(line_total, currency);
        total = total.checked_add(lt)?;
        item_count += qty;
        match bands.iter_mut().find(|b| b.rate_bp == rate_bp) {
            Some(b) => b.gross = b.gross.checked_add(lt)?,
            None => bands.push(TaxBand { rate_bp, gross: lt, tax: Money::zero(currency) }),
        }
    }
    bands.sort_by_key(|b| b.rate_bp);
    let mut tax_total = Money::zero(currency);
    for b in &mut bands {
        b.tax = b.gross.included_tax(b.rate_bp);
        tax_total = tax_total.checked_add(b.tax)?;
    }
    Ok(Totals { total, tax_total, bands, item_count })
}

/// Why a cart line is flagged after a menu update.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineFlag {
    /// The item is no longer on the menu.
    Removed,
    /// The item is on the menu but sold out.
    Unavailable,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cart {
    pub currency: Currency,
    pub lines: Vec<CartLine>,
    /// When the first line went in: the sale's `opened_at`.
    pub opened_at: Option<DateTime<FixedOffset>>,
    next_line: LineId,
    /// Who the sale is for, when the cashier typed a mobile number or rang an online order.
    #[serde(default)]
    pub customer: Option<CartCustomer>,
    /// The online (Nhanh.vn) order this cart rings up, paid at pickup.
    #[serde(default)]
    pub online_order: Option<i64>,
}

/// A sale's customer: a mobile number (normalised by whoever checked it), and what an
/// online order said of them. Nothing else of a customer is kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartCustomer {
    pub mobile: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
}

impl Cart {
    pub fn new(currency: Currency) -> Cart {
        Cart { currency, lines: Vec::new(), opened_at: None, next_line: 1, customer: None, online_order: None }
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Adds a line of an order taken elsewhere (an online order rung up at pickup): the
    /// item must be on the menu, but its price is the one the customer was given, and a
    /// sold-out flag does not refuse it — the order's own reservation may be what sold
    /// the item out.
    pub fn add_ordered(
        &mut self,
        menu: &Menu,
        item_id: &str,
        qty: i64,
        unit_price: i64,
        note: Option<&str>,
        now: DateTime<FixedOffset>,
    ) -> Result<LineId, CoreError> {
        let item = menu.item(item_id).ok_or_else(|| CoreError::UnknownItem { id: item_id.to_string() })?;
        check_qty(qty)?;
        // A negative price never gets here: partners' amounts are checked where they are read.
        let unit_price = unit_price.max(0);
        self.push_line(item, unit_price, vec![], qty, note, now)
    }

    /// Adds `qty` of an item with the chosen options; returns the new line's id.
    pub fn add(
        &mut self,
        menu: &Menu,
        item_id: &str,
        option_ids: &[String],
        qty: i64,
        note: Option<&str>,
        now: DateTime<FixedOffset>,
    ) -> Result<LineId, CoreError> {
        self.editable()?;
        let item = menu.item(item_id).ok_or_else(|| CoreError::UnknownItem { id: item_id.to_string() })?;
        if !item.available {
            return Err(CoreError::ItemUnavailable { name: item.name.clone(), names: item.names.clone() });
        }
        check_qty(qty)?;
        let options = choose_options(menu, item, option_ids)?;
        self.push_line(item, item.price, options, qty, note, now)
    }

    /// The new line of `item` at `base_price`; returns its id.
    fn push_line(
        &mut self,
        item: &Item,
        base_price: i64,
        options: Vec<ChosenOption>,
        qty: i64,
        note: Option<&str>,
        now: DateTime<FixedOffset>,
    ) -> Result<LineId, CoreError> {
        let note = clean_note(note)?;
        let line = CartLine {
            line_id: self.next_line,
            item_id: item.id.clone(),
            sku: item.sku.clone(),
            name: item.name.clone(),
            names: item.names.clone(),
            base_price,
            options,
            qty,
            note,
            tax_rate_bp: item.tax_rate_bp,
        };
        // Refuse a line whose total would overflow before it enters the cart.
        line.line_total(self.currency)?;
        self.lines.push(line);
        self.opened_at.get_or_insert(now);
        self.next_line += 1;
        self.totals()?;
        Ok(self.next_line - 1)
    }

    /// Refuses a change of lines while the cart rings an online order up: the order is
    /// handed over as it was ordered (clear the cart to start a sale of its own).
    fn editable(&self) -> Result<(), CoreError> {
        match self.online_order {
            Some(order) => Err(CoreError::OnlineOrderFixed { order }),
            None => Ok(()),
        }
    }

    fn line_mut(&mut self, line: LineId) -> Result<&mut CartLine, CoreError> {
        self.lines.iter_mut().find(|l| l.line_id == line).ok_or(CoreError::UnknownLine { line })
    }

    pub fn set_qty(&mut self, line: LineId, qty: i64) -> Result<(), CoreError> {
        self.editable()?;
        check_qty(qty)?;
        let currency = self.currency;
        let l = self.line_mut(line)?;
        let before = l.qty;
        l.qty = qty;
        if let Err(e) = l.line_total(currency) {
            l.qty = before;
            return Err(e);
        }
        Ok(())
    }

    /// Replaces a line's options, checked against the item's groups on `menu`.
    pub fn set_options(&mut self, menu: &Menu, line: LineId, option_ids: &[String]) -> Result<(), CoreError> {
        self.editable()?;
        let item_id = self.line_mut(line)?.item_id.clone();
        let item = menu.item(&item_id).ok_or(CoreError::UnknownItem { id: item_id })?;
        let options = choose_options(menu, item, option_ids)?;
        self.line_mut(line)?.options = options;
        Ok(())
    }

    pub fn set_note(&mut self, line: LineId, note: Option<&str>) -> Result<(), CoreError> {
        self.editable()?;
        let note = clean_note(note)?;
        self.line_mut(line)?.note = note;
        Ok(())
    }

    pub fn remove(&mut self, line: LineId) -> Result<(), CoreError> {
        self.editable()?;
        let before = self.lines.len();
        self.lines.retain(|l| l.line_id != line);
        if self.lines.len() == before {
            return Err(CoreError::UnknownLine { line });
        }
        if self.lines.is_empty() {
            self.opened_at = None;
        }
        Ok(())
    }

    pub fn clear(&mut self) {
        *self = Cart::new(self.currency);
    }

    /// Lines the current menu no longer sells as they were rung: the item is gone or sold
    /// out. They stay in the cart (the customer ordered them); the cashier sees the flag.
    pub fn flags(&self, menu: &Menu) -> Vec<(LineId, LineFlag)> {
        self.lines
            .iter()
            .filter_map(|l| match menu.item(&l.item_id) {
                None => Some((l.line_id, LineFlag::Removed)),
                Some(i) if !i.available => Some((l.line_id, LineFlag::Unavailable)),
                Some(_) => None,
            })
            .collect()
    }

    pub fn totals(&self) -> Result<Totals, CoreError> {
        let mut rows = Vec::with_capacity(self.lines.len());
        for l in &self.lines {
            rows.push((l.line_total(self.currency)?.minor, l.tax_rate_bp, l.qty));
        }
        totals(self.currency, rows)
    }
}

fn check_qty(qty: i64) -> Result<(), CoreError> {
    if (1..=MAX_QTY).contains(&qty) {
        Ok(())
    } else {
        Err(CoreError::BadQuantity { qty, max: MAX_QTY })
    }
}

fn clean_note(note: Option<&str>) -> Result<Option<String>, CoreError> {
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    match note {
        Some(n) if n.chars().count() > MAX_NOTE_CHARS => Err(CoreError::NoteTooLong { max: MAX_NOTE_CHARS }),
        other => Ok(other.map(str::to_string)),
    }
}

/// Checks the chosen options against the item's groups (each option of one of them, none
/// twice, each group's count within min..=max) and orders them as the menu lists them.
pub fn choose_options(menu: &Menu, item: &Item, option_ids: &[String]) -> Result<Vec<ChosenOption>, CoreError> {
    let mut seen: Vec<&str> = Vec::new();
    for id in option_ids {
        if seen.contains(&id.as_str()) {
            return Err(CoreError::DuplicateOption { option: id.clone() });
        }
        seen.push(id);
        let belongs = menu.option(id).is_some_and(|(g, _)| item.option_group_ids.contains(&g.id));
        if !belongs {
            return Err(CoreError::OptionNotForItem { option: id.clone(), item: item.name.clone(), item_names: item.names.clone() });
        }
    }
    let mut chosen = Vec::new();
    for gid in &item.option_group_ids {
        let group = menu.group(gid).expect("a valid menu resolves every group");
        let mut count = 0;
        for o in &group.options {
            if seen.contains(&o.id.as_str()) {
                count += 1;
                chosen.push(ChosenOption {
                    option_id: o.id.clone(),
                    group_id: group.id.clone(),
                    name: o.name.clone(),
                    names: o.names.clone(),
                    price_delta: o.price_delta,
                });
            }
        }
        if count < group.min || count > group.max {
            return Err(CoreError::OptionCount {
                group: group.name.clone(),
                group_names: group.names.clone(),
                min: group.min,
                max: group.max,
                count,
            });
        }
    }
    Ok(chosen)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::menu::tests::sample;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-22T09:00:00+07:00").unwrap()
    }

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn totals_with_options_and_vat() {
        let m = sample();
        // (lines: item, options, qty) → (total, tax_total, per-band taxes)
        type Case = (&'static [(&'static str, &'static [&'static str], i64)], i64, i64, &'static [(u32, i64)]);
        let cases: &[Case] = &[
            (&[("i-pho", &[], 1)], 65_000, 4_815, &[(800, 4_815)]),
            (&[("i-cfsd", &["o-l"], 2)], 110_000, 8_148, &[(800, 8_148)]),
            (&[("i-cfsd", &["o-m", "o-pearl", "o-cheese"], 1)], 60_000, 4_444, &[(800, 4_444)]),
            // 8 % and 10 % in one sale: each band rounded on its own gross.
            (&[("i-cfsd", &["o-m"], 1), ("i-beer", &[], 3)], 120_000, 3_333 + 6_818, &[(800, 3_333), (1_000, 6_818)]),
            (&[("i-tradao", &[], 3), ("i-pho", &[], 1)], 185_000, 13_704, &[(800, 13_704)]),
        ];
        for (lines, total, tax, bands) in cases {
            let mut c = Cart::new(Currency::Vnd);
            for (item, opts, qty) in lines.iter() {
                c.add(&m, item, &ids(opts), *qty, None, now()).unwrap();
            }
            let t = c.totals().unwrap();
            assert_eq!(t.total.minor, *total, "{lines:?}");
            assert_eq!(t.tax_total.minor, *tax, "{lines:?}");
            let got: Vec<(u32, i64)> = t.bands.iter().map(|b| (b.rate_bp, b.tax.minor)).collect();
            assert_eq!(got, bands.to_vec(), "{lines:?}");
        }
    }

    #[test]
    fn refusals_table() {
        let m = sample();
        // (item, options, qty, note) → the refusal's message id
        type Case<'a> = (&'a str, &'a [&'a str], i64, Option<&'a str>, &'a str);
        let cases: &[Case] = &[
            ("i-cfsd", &[], 1, None, "err-option-count"),             // size is required
            ("i-cfsd", &["o-m", "o-l"], 1, None, "err-option-count"), // one size only
            ("i-cfsd", &["o-m", "o-pearl", "o-jelly", "o-cheese"], 1, None, "err-option-count"),
            ("i-cfsd", &["o-m", "o-m"], 1, None, "err-duplicate-option"),
            ("i-pho", &["o-l"], 1, None, "err-option-not-for-item"),
            ("i-cfsd", &["o-nope"], 1, None, "err-option-not-for-item"),
            ("i-nope", &[], 1, None, "err-unknown-item"),
            ("i-out", &[], 1, None, "err-item-unavailable"),
            ("i-pho", &[], 0, None, "err-bad-quantity"),
            ("i-pho", &[], -2, None, "err-bad-quantity"),
            ("i-pho", &[], 1_000, None, "err-bad-quantity"),
            ("i-pho", &[], 1, Some(&"x".repeat(141)), "err-note-too-long"),
        ];
        use crate::error::Localized;
        for (item, opts, qty, note, code) in cases {
            let mut c = Cart::new(Currency::Vnd);
            let err = c.add(&m, item, &ids(opts), *qty, *note, now()).unwrap_err();
            assert_eq!(err.code(), *code, "{item} {opts:?} {qty}");
            assert!(c.is_empty(), "a refused line changes nothing");
            assert!(c.opened_at.is_none());
        }
    }

    #[test]
    fn edit_lines() {
        let m = sample();
        let mut c = Cart::new(Currency::Vnd);
        let a = c.add(&m, "i-cfsd", &ids(&["o-m"]), 1, Some("  ít đá "), now()).unwrap();
        let b = c.add(&m, "i-pho", &[], 1, None, now()).unwrap();
        assert_eq!(c.lines[0].note.as_deref(), Some("ít đá"));
        c.set_qty(a, 3).unwrap();
        assert!(c.set_qty(a, 0).is_err());
        assert_eq!(c.lines[0].qty, 3);
        c.set_options(&m, a, &ids(&["o-l", "o-pearl"])).unwrap();
        assert_eq!(c.lines[0].unit_price(), 60_000);
        assert!(c.set_options(&m, a, &ids(&[])).is_err());
        assert_eq!(c.lines[0].unit_price(), 60_000, "a refused edit keeps the line");
        c.set_note(a, Some("")).unwrap();
        assert_eq!(c.lines[0].note, None);
        assert_eq!(c.totals().unwrap().total.minor, 3 * 60_000 + 65_000);
        c.remove(b).unwrap();
        assert!(c.remove(b).is_err());
        c.remove(a).unwrap();
        assert!(c.is_empty() && c.opened_at.is_none());
    }

    #[test]
    fn lines_are_flagged_not_dropped_after_a_menu_update() {
        let m = sample();
        let mut c = Cart::new(Currency::Vnd);
        let pho = c.add(&m, "i-pho", &[], 1, None, now()).unwrap();
        let beer = c.add(&m, "i-beer", &[], 1, None, now()).unwrap();
        c.add(&m, "i-tradao", &[], 1, None, now()).unwrap();
        let mut v = crate::menu::tests::sample_json();
        let items = v["items"].as_array_mut().unwrap();
        items.retain(|i| i["id"] != "i-pho");
        items.iter_mut().find(|i| i["id"] == "i-beer").unwrap()["available"] = false.into();
        let next = Menu::from_json(v.to_string().as_bytes(), Currency::Vnd).unwrap();
        assert_eq!(c.flags(&next), vec![(pho, LineFlag::Removed), (beer, LineFlag::Unavailable)]);
        assert_eq!(c.lines.len(), 3);
        assert!(c.flags(&m).is_empty());
    }

    #[test]
    fn options_keep_menu_order() {
        let m = sample();
        let mut c = Cart::new(Currency::Vnd);
        c.add(&m, "i-cfsd", &ids(&["o-cheese", "o-l", "o-pearl"]), 1, None, now()).unwrap();
        let order: Vec<&str> = c.lines[0].options.iter().map(|o| o.option_id.as_str()).collect();
        assert_eq!(order, ["o-l", "o-pearl", "o-cheese"]);
    }
}
