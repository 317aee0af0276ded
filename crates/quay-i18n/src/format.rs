//! Money and dates for a locale. Money with ICU4X's CLDR data: amounts are exact integers
//! until the last step, the decimal built from minor units by moving the point, never
//! from a float. Dates and times by one fixed style per language ([`DateOrder`]), the
//! same table the window uses (`ui/src/lib/datetime.ts`), so a receipt, a report and the
//! screen print a date identically: numeric, day and month with two digits, the year
//! with four, the 24-hour clock, Latin digits (as card slips and bank files print them).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};
use fixed_decimal::Decimal;
use icu_decimal::DecimalFormatter;
use icu_locale_core::Locale;
use quay_core::{Currency, Money};

use crate::Lang;

pub struct Formatter {
    lang: Lang,
    decimal: DecimalFormatter,
}

/// The order of a date's fields in a language, as its people write a date in numbers
/// (CLDR's `yMd` order): month first in English, year first in Chinese, day first in
/// Vietnamese, Greek and Arabic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOrder {
    DayMonthYear,
    MonthDayYear,
    YearMonthDay,
}

impl DateOrder {
    pub fn of(lang: Lang) -> DateOrder {
        match lang {
            Lang::En => DateOrder::MonthDayYear,
            Lang::ZhCn => DateOrder::YearMonthDay,
            Lang::Vi | Lang::El | Lang::Ar => DateOrder::DayMonthYear,
        }
    }
}

impl Formatter {
    pub fn new(lang: Lang) -> Formatter {
        // Latin digits for Arabic too: receipts and card slips use them, and they must
        // match what the terminal and the bank print.
        let tag = match lang {
            Lang::Ar => "ar-u-nu-latn".to_string(),
            other => other.tag().to_string(),
        };
        let loc: Locale = tag.parse().expect("valid locale tags");
        Formatter { lang, decimal: DecimalFormatter::try_new((&loc).into(), Default::default()).expect("compiled data has every locale") }
    }

    /// The number alone, with the currency's fraction digits and the locale's grouping:
    /// vi `125.000`, en `125,000`, el `12,50`.
    pub fn amount(&self, m: Money) -> String {
        let mut d = Decimal::from(m.minor);
        let exp = m.currency.exponent() as i16;
        d.multiply_pow10(-exp);
        d.pad_end(-exp);
        self.decimal.format(&d).to_string()
    }

    /// The amount with its currency, placed as the locale writes it: `125.000 ₫` in
    /// Vietnamese, `₫125,000` in English, `12,50 €` in Greek.
    pub fn money(&self, m: Money) -> String {
        let n = self.amount(m);
        let sym = symbol(m.currency, self.lang);
        match self.lang {
            Lang::En | Lang::ZhCn => match n.strip_prefix('-') {
                Some(abs) => format!("-{sym}{abs}"),
                None => format!("{sym}{n}"),
            },
            Lang::Vi | Lang::El | Lang::Ar => format!("{n}\u{a0}{sym}"),
        }
    }

    /// A calendar day in the language's one date style: en `12/02/2026`, vi, el and ar
    /// `02/12/2026`, zh-CN `2026/12/02`. Slashes and Latin digits only: no direction
    /// marks (CLDR's Arabic dates carry some), so the text reads the same in a sentence,
    /// a PDF cell and the window.
    pub fn day(&self, d: NaiveDate) -> String {
        let (y, m, dd) = (d.year(), d.month(), d.day());
        match DateOrder::of(self.lang) {
            DateOrder::MonthDayYear => format!("{m:02}/{dd:02}/{y:04}"),
            DateOrder::DayMonthYear => format!("{dd:02}/{m:02}/{y:04}"),
            DateOrder::YearMonthDay => format!("{y:04}/{m:02}/{dd:02}"),
        }
    }

    /// The day of an instant, in its own offset (the counter's local time when stamped).
    pub fn date(&self, t: DateTime<FixedOffset>) -> String {
        self.day(t.date_naive())
    }

    /// The language's one date-time style: its date, a space, the 24-hour time —
    /// `02/12/2026 04:37` — in the instant's own offset (the counter's local time when
    /// it was stamped).
    pub fn date_time(&self, t: DateTime<FixedOffset>) -> String {
        format!("{} {}", self.date(t), self.time(t))
    }

    /// The time of day alone (a list of today's sales): `04:37`, 24-hour, every language.
    pub fn time(&self, t: DateTime<FixedOffset>) -> String {
        format!("{:02}:{:02}", t.hour(), t.minute())
    }
}

fn symbol(c: Currency, lang: Lang) -> &'static str {
    match c {
        Currency::Vnd => "₫",
        Currency::Eur => "€",
        Currency::Usd => "$",
        Currency::Cny => "¥",
        Currency::Jpy if lang == Lang::ZhCn => "JP¥",
        Currency::Jpy => "¥",
        Currency::Aed => "AED",
        Currency::Sar => "SAR",
        Currency::Egp => "E£",
        Currency::Kwd => "KWD",
        Currency::Try => "₺",
        Currency::Gbp => "£",
    }
}
