//! `quay sales ring ITEM_ID[*QTY][+OPTION_ID...] ... --pay cash[:AMOUNT]`: the grammar,
//! validated at the edge, and the use case, which builds a cart with the same calls the
//! screen makes and closes it on the same path.

use quay_core::auth::Action;
use quay_core::error::Arg;
use quay_core::{Cart, Money, Sale};

use crate::card::CardTerminal;
use crate::{AppError, Checkout, Counter, Result, Who};

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
    /// Card on the configured terminal; `None` is all that is due.
    Card(Option<String>),
    /// A voucher (`voucher:momo|giftpop|alipay:CODE`): partner and code, checked, applied,
    /// redeemed at close (an Alipay coupon used at Alipay, never through the hub).
    Voucher(String, String),
    /// A wallet (`wallet:momo`, `wallet:zalopay`, `wallet:vnpay`), `amount` None for all
    /// that is due; `code` the customer's scanned code (MoMo), given apart (`--wallet-code`).
    Wallet { wallet: String, amount: Option<String>, code: Option<String> },
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
        None if text == "card" => Ok(Pay::Card(None)),
        Some(("card", amount)) if !amount.is_empty() => Ok(Pay::Card(Some(amount.to_string()))),
        Some(("wallet", rest)) => {
            let (wallet, amount) = match rest.split_once(':') {
                Some((w, a)) if !a.is_empty() => (w, Some(a.to_string())),
                Some(_) => return Err(bad()),
                None => (rest, None),
            };
            if quay_pay::wallet::Wallet::parse(wallet).is_none() {
                return Err(bad());
            }
            Ok(Pay::Wallet { wallet: wallet.to_string(), amount, code: None })
        }
        Some(("voucher", rest)) => match rest.split_once(':') {
            Some((partner, code)) if !partner.is_empty() && !code.is_empty() => Ok(Pay::Voucher(partner.to_string(), code.to_string())),
            _ => Err(bad()),
        },
        _ => Err(bad()),
    }
}

impl Counter {
    /// Rings the lines into a checkout of its own (never the screen's) and closes it as
    /// rung by `who`. Any refusal — an unknown item, a bad option, short cash — writes
    /// nothing.
    pub fn ring(&self, who: &Who, lines: &[RingLine], pay: &Pay) -> Result<Sale> {
        self.ring_pays(who, lines, std::slice::from_ref(pay), None)
    }

    /// The lines rung into a new checkout.
    fn ring_checkout(&self, lines: &[RingLine]) -> Result<Checkout> {
        // Never an empty checkout: that would take up a cart waiting for the screen.
        if lines.is_empty() {
            return Err(quay_core::CoreError::EmptyCart.into());
        }
        let menu = self.menu()?;
        let mut cart = Cart::new(self.config().currency);
        let now = self.now();
        for l in lines {
            cart.add(&menu, &l.item_id, &l.option_ids, l.qty, None, now)?;
        }
        Ok(Checkout::of_cart(cart))
    }

    /// Rings the lines and pays them with `pays` in order (e.g. `card:50000` then `cash`),
    /// through the same journal and closing path as the screen. Card payments go to
    /// `terminal`, or the configured one. `who` rings the sale and takes its payments.
    pub fn ring_pays(&self, who: &Who, lines: &[RingLine], pays: &[Pay], terminal: Option<&dyn CardTerminal>) -> Result<Sale> {
        self.allow(who, Action::RingSale)?;
        let co = self.ring_checkout(lines)?;
        let owned = match terminal {
            None if pays.iter().any(|p| matches!(p, Pay::Card(_))) => Some(self.card_terminal()?),
            _ => None,
        };
        let terminal: Option<&dyn CardTerminal> = terminal.or(owned.as_deref());
        for (i, pay) in pays.iter().enumerate() {
            let last = i + 1 == pays.len();
            match pay {
                Pay::Cash(amount) => {
                    let tendered: Option<Money> = amount.as_deref().map(|a| self.parse_amount(a)).transpose()?;
                    return self.pay_cash(&co, who, tendered);
                }
                Pay::Voucher(partner, code) => {
                    self.apply_voucher(&co, who, partner, code)?;
                    if last {
                        // Vouchers (and card payments before them) must pay it all: the
                        // rest is never taken as cash nobody handed over.
                        let cart = co.cart_snapshot();
                        let total = cart.totals()?.total.minor;
                        let paid = self.approved_tenders(&co)?.iter().map(|t| t.amount).sum::<i64>() + co.voucher_total(cart.opened_at);
                        if paid < total {
                            return Err(AppError::new(
                                "err-pay-short",
                                vec![("due", Arg::Money(Money::new(total - paid, self.config().currency)))],
                            ));
                        }
                        return self.pay_cash(&co, who, None);
                    }
                }
                Pay::Card(_) | Pay::Wallet { .. } => {
                    let amount = match pay {
                        Pay::Card(a) | Pay::Wallet { amount: a, .. } => a.as_deref().map(|a| self.parse_amount(a)).transpose()?,
                        _ => None,
                    };
                    let r = match pay {
                        Pay::Wallet { wallet, code, .. } => {
                            let w = quay_pay::wallet::Wallet::parse(wallet)
                                .ok_or_else(|| AppError::new("err-bad-pay", vec![("text", Arg::Text(wallet.clone()))]))?;
                            self.pay_wallet(&co, who, w, code.as_deref(), amount)?
                        }
                        _ => {
                            let t = terminal.expect("resolved above when a card pay is asked");
                            self.pay_card(&co, who, t, amount, &|status| tracing::info!(status, "terminal"))?
                        }
                    };
                    if let Some(sale) = r.sale {
                        return Ok(sale);
                    }
                    if last {
                        return Err(AppError::new(
                            "err-card-amount",
                            vec![
                                ("amount", Arg::Money(amount.unwrap_or(Money::zero(self.config().currency)))),
                                ("due", Arg::Money(Money::new(r.remaining, self.config().currency))),
                            ],
                        ));
                    }
                }
            }
        }
        Err(AppError::new("err-bad-pay", vec![("text", Arg::Text(String::new()))]))
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
        assert_eq!(parse_pay("card").unwrap(), Pay::Card(None));
        assert_eq!(parse_pay("card:50000").unwrap(), Pay::Card(Some("50000".into())));
        assert_eq!(parse_pay("voucher:momo:MOMO-50K").unwrap(), Pay::Voucher("momo".into(), "MOMO-50K".into()));
        assert_eq!(parse_pay("voucher:alipay:ALIQ10").unwrap(), Pay::Voucher("alipay".into(), "ALIQ10".into()));
        assert_eq!(parse_pay("wallet:zalopay").unwrap(), Pay::Wallet { wallet: "zalopay".into(), amount: None, code: None });
        assert_eq!(
            parse_pay("wallet:momo:20000").unwrap(),
            Pay::Wallet { wallet: "momo".into(), amount: Some("20000".into()), code: None }
        );
        for bad in [
            "",
            "cash:",
            "card:",
            "money:5",
            "voucher",
            "voucher:momo",
            "voucher::X",
            "voucher:momo:",
            "wallet",
            "wallet:",
            "wallet:paypal",
            "wallet:momo:",
        ] {
            assert_eq!(parse_pay(bad).unwrap_err().code, "err-bad-pay", "{bad:?}");
        }
    }
}
