//! Money and dates for a locale, with ICU4X's CLDR data. Amounts are exact integers until
//! the last step: the decimal is built from minor units by moving the point, never from
//! a float.

use chrono::{DateTime, Datelike, FixedOffset, Timelike};
use fixed_decimal::Decimal;
use icu_calendar::Gregorian;
use icu_datetime::fieldsets::{YMD, YMDT};
use icu_datetime::input::{Date, DateTime as IcuDateTime, Time};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_decimal::DecimalFormatter;
use icu_locale_core::Locale;
use quay_core::{Currency, Money};

use crate::Lang;

pub struct Formatter {
    lang: Lang,
    decimal: DecimalFormatter,
    date: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    date_time: FixedCalendarDateTimeFormatter<Gregorian, YMDT>,
}

impl Formatter {
    pub fn new(lang: Lang) -> Formatter {
        // Latin digits for Arabic too: receipts and card slips use them, and they must
        // match what the terminal and the bank print. 24-hour clock everywhere.
        let tag = match lang {
            Lang::Ar => "ar-u-nu-latn-hc-h23".to_string(),
            other => format!("{}-u-hc-h23", other.tag()),
        };
        let loc: Locale = tag.parse().expect("valid locale tags");
        Formatter {
            lang,
            decimal: DecimalFormatter::try_new((&loc).into(), Default::default()).expect("compiled data has every locale"),
            date: FixedCalendarDateTimeFormatter::try_new((&loc).into(), YMD::short()).expect("compiled date data"),
            date_time: FixedCalendarDateTimeFormatter::try_new((&loc).into(), YMD::short().with_time_hm()).expect("compiled date data"),
        }
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

    pub fn date(&self, t: DateTime<FixedOffset>) -> String {
        let d = Date::try_new_gregorian(t.year(), t.month() as u8, t.day() as u8).expect("chrono dates are valid");
        self.date.format(&d).to_string()
    }

    /// Date and time in the sale's own offset (the counter's local time when it closed).
    pub fn date_time(&self, t: DateTime<FixedOffset>) -> String {
        let dt = IcuDateTime {
            date: Date::try_new_gregorian(t.year(), t.month() as u8, t.day() as u8).expect("chrono dates are valid"),
            time: Time::try_new(t.hour() as u8, t.minute() as u8, 0, 0).expect("chrono times are valid"),
        };
        self.date_time.format(&dt).to_string()
    }

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
    }
}
