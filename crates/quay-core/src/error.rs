//! The domain's refusals. Each one names a Fluent message id (`code`) and the values that
//! message needs, so every face (window, command line, PDF) can say it in the counter's
//! language without the domain knowing about languages.

use thiserror::Error;

use crate::menu::Names;
use crate::money::Money;

/// Something a person can be told in their language: a Fluent message id and its
/// arguments. Every error type of Quay implements it.
pub trait Localized {
    /// The Fluent message id, e.g. `err-cash-too-low`.
    fn code(&self) -> &'static str;
    /// The named values the message interpolates.
    fn args(&self) -> Vec<(&'static str, Arg)>;
}

/// A value for a message. Money stays money so that the i18n layer formats it for the
/// reader's locale (grouping, symbol) instead of the domain choosing a format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Int(i64),
    Money(Money),
    /// Another message, said in the reader's language with its own arguments: a part that
    /// is itself words, such as a card decline's reason inside the sentence giving its code.
    Message(&'static str, Vec<(&'static str, Arg)>),
    /// A name from the menu with its translations by locale tag: said in the reader's
    /// language where the menu has one, else as the menu's own (primary) name.
    Name {
        name: String,
        names: Names,
    },
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<Money> for Arg {
    fn from(m: Money) -> Arg {
        Arg::Money(m)
    }
}
macro_rules! int_arg {
    ($($t:ty),*) => {$(impl From<$t> for Arg { fn from(v: $t) -> Arg { Arg::Int(v as i64) } })*};
}
int_arg!(i64, u32, u64, usize);

/// Builds an argument list: `args![("qty", qty), ("max", max)]`.
#[macro_export]
macro_rules! args {
    ($(($k:expr, $v:expr)),* $(,)?) => { vec![$(($k, $crate::error::Arg::from($v))),*] };
}

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum CoreError {
    #[error("unknown currency {code}")]
    UnknownCurrency { code: String },
    #[error("currency {found} where {expected} was expected")]
    CurrencyMismatch { expected: String, found: String },
    #[error("amount out of range")]
    AmountTooLarge,
    #[error("not an amount: {text:?}")]
    BadAmount { text: String },
    #[error("{text:?} has more than {digits} decimals for {currency}")]
    TooManyDecimals { text: String, currency: String, digits: u32 },
    #[error("quantity {qty} is not between 1 and {max}")]
    BadQuantity { qty: i64, max: i64 },
    #[error("no item {id} on the menu")]
    UnknownItem { id: String },
    #[error("item {name} is not available")]
    ItemUnavailable { name: String, names: Names },
    #[error("option {option} does not belong to {item}")]
    OptionNotForItem { option: String, item: String, item_names: Names },
    #[error("option {option} chosen twice")]
    DuplicateOption { option: String },
    #[error("{group}: choose between {min} and {max} options, {count} chosen")]
    OptionCount { group: String, group_names: Names, min: u32, max: u32, count: u32 },
    #[error("note longer than {max} characters")]
    NoteTooLong { max: usize },
    #[error("no cart line {line}")]
    UnknownLine { line: u32 },
    /// The cart rings an online order up as it was ordered: its lines are the order's.
    #[error("the cart holds online order {order}: its lines cannot change")]
    OnlineOrderFixed { order: i64 },
    #[error("the cart is empty")]
    EmptyCart,
    #[error("cash {} is less than the {} due", tendered.to_major_string(), due.to_major_string())]
    CashTooLow { tendered: Money, due: Money },
    #[error("tenders add up to {}, the total is {}", paid.to_major_string(), total.to_major_string())]
    TendersDoNotAddUp { paid: Money, total: Money },
    #[error("sale {id} is already voided")]
    AlreadyVoided { id: String },
    #[error("a void cannot be voided")]
    VoidOfVoid,
}

impl Localized for CoreError {
    fn code(&self) -> &'static str {
        use CoreError::*;
        match self {
            UnknownCurrency { .. } => "err-unknown-currency",
            CurrencyMismatch { .. } => "err-currency-mismatch",
            AmountTooLarge => "err-amount-too-large",
            BadAmount { .. } => "err-bad-amount",
            TooManyDecimals { .. } => "err-too-many-decimals",
            BadQuantity { .. } => "err-bad-quantity",
            UnknownItem { .. } => "err-unknown-item",
            ItemUnavailable { .. } => "err-item-unavailable",
            OptionNotForItem { .. } => "err-option-not-for-item",
            DuplicateOption { .. } => "err-duplicate-option",
            OptionCount { .. } => "err-option-count",
            NoteTooLong { .. } => "err-note-too-long",
            UnknownLine { .. } => "err-unknown-line",
            OnlineOrderFixed { .. } => "err-cart-online-order",
            EmptyCart => "err-empty-cart",
            CashTooLow { .. } => "err-cash-too-low",
            TendersDoNotAddUp { .. } => "err-tenders-do-not-add-up",
            AlreadyVoided { .. } => "err-already-voided",
            VoidOfVoid => "err-void-of-void",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        use CoreError::*;
        match self.clone() {
            UnknownCurrency { code } => args![("code", code)],
            CurrencyMismatch { expected, found } => args![("expected", expected), ("found", found)],
            AmountTooLarge | EmptyCart | VoidOfVoid => vec![],
            BadAmount { text } => args![("text", text)],
            TooManyDecimals { text, currency, digits } => args![("text", text), ("currency", currency), ("digits", digits)],
            BadQuantity { qty, max } => args![("qty", qty), ("max", max)],
            UnknownItem { id } => args![("id", id)],
            ItemUnavailable { name, names } => vec![("name", Arg::Name { name, names })],
            OptionNotForItem { option, item, item_names } => {
                vec![("option", Arg::Text(option)), ("item", Arg::Name { name: item, names: item_names })]
            }
            DuplicateOption { option } => args![("option", option)],
            OptionCount { group, group_names, min, max, count } => {
                // Which sentence fits the group's rule: exactly n, at most n, or n to m.
                let rule = if min == max {
                    "exact"
                } else if min == 0 {
                    "at-most"
                } else {
                    "range"
                };
                let mut a = vec![("group", Arg::Name { name: group, names: group_names }), ("rule", Arg::Text(rule.into()))];
                a.extend(args![("min", min), ("max", max), ("count", count)]);
                a
            }
            NoteTooLong { max } => args![("max", max)],
            UnknownLine { line } => args![("line", line)],
            OnlineOrderFixed { order } => args![("order", order)],
            CashTooLow { tendered, due } => args![("tendered", tendered), ("due", due)],
            TendersDoNotAddUp { paid, total } => args![("paid", paid), ("total", total)],
            AlreadyVoided { id } => args![("id", id)],
        }
    }
}
