//! The day's totals and the terminal batch's arithmetic, as tables of small days.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use quay_core::payment::PaymentState;
use quay_core::tender::{Tender, TenderKind};
use quay_core::{Currency, SaleStatus};
use quay_dayend::batch::{compare, viva_counter, viva_terminal, zvt_counter, zvt_slot, zvt_terminal};
use quay_dayend::totals::{brand_of, card_movements, day_totals, DayPayment, DaySale, Tally};
use quay_dayend::PaymentKind;

/// The brand of a payment: the terminal's name when it gives one (trimmed), else the
/// card number's range, else "unknown".
#[test]
fn brand_of_names_the_terminals_brand_else_the_number_range() {
    let cases: &[(Option<&str>, Option<&str>, &str)] = &[
        // The terminal's brand wins, trimmed; a blank one does not count.
        (Some("girocard"), Some("4111********1111"), "girocard"),
        (Some("  Maestro "), None, "Maestro"),
        (Some("   "), Some("4111********1111"), "Visa"),
        (Some(""), None, "unknown"),
        // Visa: 4.
        (None, Some("4"), "Visa"),
        (None, Some("4999********0000"), "Visa"),
        // Mastercard: 51–55 and 2221–2720.
        (None, Some("5100********0000"), "Mastercard"),
        (None, Some("5555********4444"), "Mastercard"),
        (None, Some("5000********0000"), "unknown"),
        (None, Some("5600********0000"), "unknown"),
        (None, Some("2221********0000"), "Mastercard"),
        (None, Some("2720********0000"), "Mastercard"),
        (None, Some("2220********0000"), "unknown"),
        (None, Some("2721********0000"), "unknown"),
        (None, Some("222"), "unknown"),
        // Amex: 34, 37.
        (None, Some("3400********000"), "Amex"),
        (None, Some("3782********005"), "Amex"),
        (None, Some("3300********000"), "unknown"),
        // JCB: 35.
        (None, Some("3530********0000"), "JCB"),
        // Diners: 36, 38 and 300–305.
        (None, Some("3600********0000"), "Diners"),
        (None, Some("3800********0000"), "Diners"),
        (None, Some("3000********0000"), "Diners"),
        (None, Some("3050********0000"), "Diners"),
        (None, Some("3060********0000"), "unknown"),
        (None, Some("3900********0000"), "unknown"),
        // Only the leading digits count; none, or masked from the start: unknown.
        (None, Some("6011********0000"), "unknown"),
        (None, Some("5*********4444"), "unknown"),
        (None, Some("****1111"), "unknown"),
        (None, Some(""), "unknown"),
        (None, None, "unknown"),
    ];
    for (brand, pan, want) in cases {
        assert_eq!(brand_of(*brand, *pan), *want, "brand {brand:?}, pan {pan:?}");
    }
}

#[test]
fn zvt_slot_puts_each_brand_in_its_field_60_slot() {
    let cases = [
        ("girocard", "girocard"),
        ("GiroCard", "girocard"),
        ("JCB", "JCB"),
        ("Mastercard", "Eurocard"),
        ("Eurocard", "Eurocard"),
        ("Maestro", "Eurocard"),
        ("Amex", "Amex"),
        ("American Express", "Amex"),
        ("Visa", "Visa"),
        ("VISA Electron", "Visa"),
        ("Diners", "Diners"),
        ("Diners Club", "Diners"),
        ("unknown", "others"),
        ("V PAY", "others"),
        ("", "others"),
    ];
    for (brand, slot) in cases {
        assert_eq!(zvt_slot(brand), slot, "{brand}");
    }
}

fn pay(sale: u128, kind: &str, amount: i64, state: PaymentState, brand: Option<&str>, pan: Option<&str>) -> DayPayment {
    DayPayment {
        sale,
        kind: DayPayment::kind_of(kind),
        amount,
        state,
        brand: brand.map(str::to_string),
        masked_pan: pan.map(str::to_string),
    }
}

use PaymentState::{Approved, Declined, Unknown};

#[test]
fn kinds_of_the_journal() {
    assert_eq!(DayPayment::kind_of("sale"), Some(PaymentKind::Sale));
    assert_eq!(DayPayment::kind_of("refund"), Some(PaymentKind::Refund));
    assert_eq!(DayPayment::kind_of("reversal"), Some(PaymentKind::Refund));
    assert_eq!(DayPayment::kind_of("status"), None);
}

/// Approved sales positive, refunds and reversals negative; a refund without a brand of
/// its own takes its sale's; declined, unknown and other kinds move nothing.
#[test]
fn card_movements_sign_refunds_and_give_them_their_sales_brand() {
    let payments = vec![
        pay(1, "sale", 10_000, Approved, Some("Visa"), None),
        pay(1, "refund", 4_000, Approved, None, None),
        pay(2, "sale", 5_000, Approved, None, Some("5100********0000")),
        pay(2, "reversal", 5_000, Approved, None, Some("3782********005")),
        pay(3, "sale", 7_000, Declined, Some("Visa"), None),
        pay(3, "refund", 7_000, Approved, None, None),
        pay(4, "sale", 1_000, Unknown, Some("JCB"), None),
        pay(5, "status", 1_000, Approved, Some("Visa"), None),
    ];
    let got: Vec<(String, i64, u128)> = card_movements(&payments).into_iter().map(|(b, a, p)| (b, a, p.sale)).collect();
    assert_eq!(
        got,
        vec![
            ("Visa".to_string(), 10_000, 1),
            ("Visa".to_string(), -4_000, 1),
            ("Mastercard".to_string(), 5_000, 2),
            // Its own brand from the number range wins over the sale's.
            ("Amex".to_string(), -5_000, 2),
            // The sale was declined: no brand to take.
            ("unknown".to_string(), -7_000, 3),
        ]
    );
}

fn tender(kind: TenderKind, amount: i64, partner: Option<&str>) -> Tender {
    Tender { kind, amount, tendered: None, change: None, partner: partner.map(str::to_string), reference: None }
}

fn tally(count: u64, amount: i64) -> Tally {
    Tally { count, amount }
}

fn map(entries: &[(&str, Tally)]) -> BTreeMap<String, Tally> {
    entries.iter().map(|(k, t)| (k.to_string(), t.clone())).collect()
}

#[test]
fn day_totals_per_tender_voucher_partner_and_card_brand() {
    let day = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    let t1 = [tender(TenderKind::Cash, 50_000, None)];
    let t2 = [tender(TenderKind::Card, 80_000, None), tender(TenderKind::Voucher, 20_000, Some("momo"))];
    let t3 = [tender(TenderKind::Voucher, 10_000, Some(" ")), tender(TenderKind::Wallet, 5_000, None)];
    let void = [tender(TenderKind::Cash, -50_000, None)];
    let sales = [
        DaySale { status: SaleStatus::Closed, total: 50_000, tenders: &t1 },
        DaySale { status: SaleStatus::Closed, total: 100_000, tenders: &t2 },
        DaySale { status: SaleStatus::Closed, total: 15_000, tenders: &t3 },
        DaySale { status: SaleStatus::Voided, total: -50_000, tenders: &void },
    ];
    let payments = vec![
        pay(2, "sale", 80_000, Approved, None, Some("4111********1111")),
        pay(9, "sale", 30_000, Approved, Some("Mastercard"), None),
        pay(9, "refund", 30_000, Approved, None, None),
        pay(7, "sale", 12_000, Declined, Some("Visa"), None),
        pay(8, "refund", 3_000, Declined, None, None),
    ];
    let t = day_totals(day, Currency::Vnd, &sales, &payments);
    assert_eq!(t.date, "2026-11-21");
    assert_eq!(t.currency, "VND");
    assert_eq!(t.sales, tally(3, 165_000));
    assert_eq!(t.voids, tally(1, -50_000));
    assert_eq!(t.net, 115_000);
    assert_eq!(
        t.tenders,
        map(&[("cash", tally(2, 0)), ("card", tally(1, 80_000)), ("voucher", tally(2, 30_000)), ("wallet", tally(1, 5_000))])
    );
    assert_eq!(t.cash_expected, 0);
    // A blank partner is "-".
    assert_eq!(t.vouchers, map(&[("momo", tally(1, 20_000)), ("-", tally(1, 10_000))]));
    assert_eq!(t.card_brands, map(&[("Visa", tally(1, 80_000)), ("Mastercard", tally(2, 0))]));
    assert_eq!(t.refunds, tally(1, -30_000));
    assert_eq!(t.declined, 2);
}

#[test]
fn an_empty_day_is_all_zeros() {
    let day = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
    let t = day_totals(day, Currency::Eur, &[], &[]);
    assert_eq!((t.date.as_str(), t.currency.as_str()), ("2026-01-02", "EUR"));
    assert_eq!((t.sales, t.voids, t.refunds), (Tally::default(), Tally::default(), Tally::default()));
    assert!(t.tenders.is_empty() && t.vouchers.is_empty() && t.card_brands.is_empty());
    assert_eq!((t.net, t.cash_expected, t.declined), (0, 0, 0));
}

/// The ZVT counter side: approved sales per slot, a sale with any approved non-sale
/// payment (a reversal) left out, as the terminal leaves it out of its batch.
#[test]
fn the_zvt_counter_side_leaves_reversed_sales_out() {
    let payments = vec![
        pay(1, "sale", 10_000, Approved, Some("Visa"), None),
        pay(2, "sale", 2_000, Approved, Some("Visa Electron"), None),
        pay(3, "sale", 5_000, Approved, Some("Mastercard"), None),
        pay(3, "reversal", 5_000, Approved, None, None),
        pay(4, "sale", 7_000, Approved, None, Some("3530********0000")),
        pay(5, "sale", 9_000, Declined, Some("Amex"), None),
        pay(6, "sale", 1_000, Approved, Some("girocard"), None),
        pay(6, "reversal", 1_000, Declined, None, None),
    ];
    assert_eq!(zvt_counter(&payments), map(&[("Visa", tally(2, 12_000)), ("JCB", tally(1, 7_000)), ("girocard", tally(1, 1_000))]));
    let terminal = zvt_terminal([("VISA", 2, 12_000u64), ("Maestro", 1, 500), ("Eurocard", 2, 1_500), ("giro", 1, 1_000)]);
    assert_eq!(terminal, map(&[("Visa", tally(2, 12_000)), ("Eurocard", tally(3, 2_000)), ("girocard", tally(1, 1_000))]));
}

#[test]
fn the_viva_sides_take_the_brand_from_the_card_number() {
    let payments = vec![
        // The terminal's brand is not used: Viva's transactions carry none.
        pay(1, "sale", 10_000, Approved, Some("Visa Debit"), Some("4111********1111")),
        pay(1, "refund", 2_500, Approved, None, Some("4111********1111")),
        pay(2, "sale", 3_000, Approved, None, Some("5100********0000")),
        pay(3, "sale", 9_000, Declined, None, Some("3400********000")),
    ];
    assert_eq!(viva_counter(&payments), map(&[("Visa", tally(2, 7_500)), ("Mastercard", tally(1, 3_000))]));
    let terminal = viva_terminal([(Some("4111********1111"), 10_000), (Some("4111********1111"), -2_500), (None, 3_000)]);
    assert_eq!(terminal, map(&[("Visa", tally(2, 7_500)), ("unknown", tally(1, 3_000))]));
}

#[test]
fn the_comparison_lists_every_brand_of_either_side() {
    let counter = map(&[("Visa", tally(2, 7_500)), ("Mastercard", tally(1, 3_000))]);
    let terminal = map(&[("Visa", tally(2, 7_500)), ("unknown", tally(1, 3_000))]);
    let c = compare(&counter, &terminal);
    let rows: Vec<(&str, Tally, Tally, i64)> =
        c.brands.iter().map(|b| (b.brand.as_str(), b.counter.clone(), b.terminal.clone(), b.difference)).collect();
    assert_eq!(
        rows,
        vec![
            ("Mastercard", tally(1, 3_000), Tally::default(), -3_000),
            ("Visa", tally(2, 7_500), tally(2, 7_500), 0),
            ("unknown", Tally::default(), tally(1, 3_000), 3_000),
        ]
    );
    assert_eq!((c.counter_total, c.terminal_total, c.difference, c.agrees), (10_500, 10_500, 0, false));

    // Same amount, another count: still a difference.
    let c = compare(&map(&[("Visa", tally(1, 100))]), &map(&[("Visa", tally(2, 100))]));
    assert!(!c.agrees);
    assert_eq!(c.difference, 0);
    let c = compare(&counter, &counter);
    assert!(c.agrees);
    let c = compare(&BTreeMap::new(), &BTreeMap::new());
    assert!(c.agrees && c.brands.is_empty() && c.counter_total == 0);
}
