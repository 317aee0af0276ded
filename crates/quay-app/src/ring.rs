//! `quay sales ring ITEM_ID[*QTY][+OPTION_ID...] ... --pay cash[:AMOUNT]`: the grammar,
//! validated at the edge, and the use case, which builds a cart with the same calls the
//! screen makes and closes it on the same path.

use quay_core::error::Arg;
use quay_core::{Cart, Money, Sale};

use crate::{AppError, Counter, Result};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RingLine {
    pub item_id: String,
    pub qty: i64,
    pub option_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pay {
    /// Cash; `None` is the exact amount. The text is parsed in the counter's currency.
    Cash(Option<String>),
}

fn bad_ring(text: &str) -> AppError {
    AppError::new("err-bad-ring", vec![("text", Arg::Text(text.to_string()))])
}

/// `i-cfsd*2+o-l+o-pearl` → item i-cfsd, qty 2, options o-l and o-pearl.
pub fn parse_line(text: &str) -> Result<RingLine> {
    let mut parts = text.split('+');
    let head = parts.next().unwrap_or_default();
    let (item, qty) = match head.split_once('*') {
        Some((item, q)) => (item, q.parse::<i64>().map_err(|_| bad_ring(text))?),
        None => (head, 1),
    };
    let option_ids: Vec<String> = parts.map(str::to_string).collect();
    if item.is_empty() || option_ids.iter().any(String::is_empty) {
        return Err(bad_ring(text));
    }
    Ok(RingLine { item_id: item.to_string(), qty, option_ids })
}

/// `cash` or `cash:AMOUNT`.
pub fn parse_pay(text: &str) -> Result<Pay> {
    let bad = || AppError::new("err-bad-pay", vec![("text", Arg::Text(text.to_string()))]);
    match text.split_once(':') {
        None if text == "cash" => Ok(Pay::Cash(None)),
        Some(("cash", amount)) if !amount.is_empty() => Ok(Pay::Cash(Some(amount.to_string()))),
        _ => Err(bad()),
    }
}

impl Counter {
    /// Rings the lines into a fresh cart (not the screen's) and closes it. Any refusal —
    /// an unknown item, a bad option, short cash — writes nothing.
    pub fn ring(&self, lines: &[RingLine], pay: &Pay) -> Result<Sale> {
        let menu = self.menu()?;
        let mut cart = Cart::new(self.config().currency);
        let now = self.now();
        for l in lines {
            cart.add(&menu, &l.item_id, &l.option_ids, l.qty, None, now)?;
        }
        match pay {
            Pay::Cash(amount) => {
                let tendered: Option<Money> = amount.as_deref().map(|a| self.parse_amount(a)).transpose()?;
                self.close_with_cash(&cart, tendered)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ring_grammar() {
        let ok = [
            ("i-pho", RingLine { item_id: "i-pho".into(), qty: 1, option_ids: vec![] }),
            ("i-cfsd*2+o-l", RingLine { item_id: "i-cfsd".into(), qty: 2, option_ids: vec!["o-l".into()] }),
            ("i-cfsd+o-l+o-pearl", RingLine { item_id: "i-cfsd".into(), qty: 1, option_ids: vec!["o-l".into(), "o-pearl".into()] }),
            // Zero and negative quantities parse here and are refused by the cart's rule.
            ("i-pho*0", RingLine { item_id: "i-pho".into(), qty: 0, option_ids: vec![] }),
        ];
        for (text, want) in ok {
            assert_eq!(parse_line(text).unwrap(), want, "{text}");
        }
        for bad in ["", "*2", "i-pho*", "i-pho*x", "i-pho+", "i-pho++o-l", "i-pho*1.5"] {
            assert_eq!(parse_line(bad).unwrap_err().code, "err-bad-ring", "{bad:?}");
        }
        assert_eq!(parse_pay("cash").unwrap(), Pay::Cash(None));
        assert_eq!(parse_pay("cash:100000").unwrap(), Pay::Cash(Some("100000".into())));
        for bad in ["", "cash:", "card", "money:5"] {
            assert_eq!(parse_pay(bad).unwrap_err().code, "err-bad-pay", "{bad:?}");
        }
    }
}
