//! A virtual POS's day compared with the bank's list of it **by transaction code** (the
//! merchant order id both sides carry, seed 001): one row per order id, never matched by
//! amount or time. Pure.

use serde::Serialize;
use std::collections::BTreeMap;

/// What the counter's log holds for an order id on the day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CounterTx {
    pub order_id: String,
    /// Approved authorization amount (minor units); 0 when the payment was on an earlier
    /// day and only its refund is on this one.
    pub amount: i64,
    /// Given back by an approved void.
    pub voided: bool,
    /// Given back by approved refunds (minor units).
    pub refunded: i64,
    pub at: String,
    pub auth_code: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BankKind {
    Sale,
    Void,
    Refund,
}

/// One line of the bank's list (its report call or its exported file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankTx {
    pub order_id: String,
    pub kind: BankKind,
    pub amount: i64,
    pub at: String,
    pub auth_code: Option<String>,
}

/// A transaction the bank has and the counter lacked, entered by a manager.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandTx {
    pub order_id: String,
    pub amount: i64,
    pub reason: String,
    pub by: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Same order id, same amount.
    Matched,
    /// Same order id, another amount.
    DifferentAmount,
    /// The counter approved it; the bank's list does not have it.
    MissingAtBank,
    /// The bank has it; the counter has no approved payment under that id.
    MissingAtCounter,
    /// Missing at the counter, entered by hand with a reason.
    EnteredByHand,
    /// Authorized and given back whole on both sides (voided, or refunded in full).
    Voided,
    /// Refunded (in part or whole); both sides agree on what went back.
    Refunded,
    /// One side voided or refunded and the other did not (or not as much).
    CancelDiffers,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub order_id: String,
    pub status: Status,
    pub counter_amount: Option<i64>,
    pub bank_amount: Option<i64>,
    /// Net after voids/refunds, each side.
    pub counter_net: Option<i64>,
    pub bank_net: Option<i64>,
    pub at: Option<String>,
    pub auth_code: Option<String>,
    pub hand_reason: Option<String>,
    pub hand_by: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub counter_net: i64,
    pub bank_net: i64,
    pub difference: i64,
    pub matched: usize,
    pub problems: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub rows: Vec<Row>,
    pub totals: Totals,
}

#[derive(Default)]
struct BankSide {
    sale: Option<(i64, String, Option<String>)>,
    voided: bool,
    /// What the bank's void lines gave back (a void of an earlier day's sale, when the
    /// bank's day ends later than the counter's, is money back like a refund).
    void_amount: i64,
    refunded: i64,
}

/// Compares the counter's transactions with the bank's by order id. Rows come in the
/// order of their first time, then order id.
pub fn compare(counter: &[CounterTx], bank: &[BankTx], hand: &[HandTx]) -> Comparison {
    let mut banks: BTreeMap<&str, BankSide> = BTreeMap::new();
    for b in bank {
        let side = banks.entry(&b.order_id).or_default();
        match b.kind {
            BankKind::Sale => side.sale = Some((side.sale.as_ref().map_or(0, |s| s.0) + b.amount, b.at.clone(), b.auth_code.clone())),
            BankKind::Void => {
                side.voided = true;
                side.void_amount += b.amount;
            }
            BankKind::Refund => side.refunded += b.amount,
        }
    }
    let counters: BTreeMap<&str, &CounterTx> = counter.iter().map(|c| (c.order_id.as_str(), c)).collect();
    let hands: BTreeMap<&str, &HandTx> = hand.iter().map(|h| (h.order_id.as_str(), h)).collect();
    let mut ids: Vec<&str> = counters.keys().chain(banks.keys()).copied().collect();
    ids.sort_unstable();
    ids.dedup();
    let mut rows = Vec::new();
    let mut totals = Totals::default();
    for id in ids {
        let c = counters.get(id).copied();
        let b = banks.get(id);
        let c_net = c.map(|c| if c.voided { 0 } else { c.amount - c.refunded });
        let b_net = b.and_then(|b| b.sale.as_ref().map(|s| if b.voided { 0 } else { s.0 - b.refunded }));
        let hand = hands.get(id).copied();
        // A refund of an earlier day's payment: only what went back is on this day.
        let c_sale = c.filter(|c| c.amount > 0);
        let b_sale = b.and_then(|b| b.sale.as_ref().map(|s| (b, s.0)));
        if c_sale.is_none() && b_sale.is_none() {
            let cr = c.map_or(0, |c| c.refunded);
            let br = b.map_or(0, |b| b.refunded + b.void_amount);
            let status = match (cr, br) {
                (0, 0) => continue,
                (_, 0) => Status::MissingAtBank,
                (0, _) => Status::MissingAtCounter,
                (x, y) if x == y => Status::Refunded,
                _ => Status::DifferentAmount,
            };
            totals.counter_net -= cr;
            totals.bank_net -= br;
            if status == Status::Refunded {
                totals.matched += 1;
            } else {
                totals.problems += 1;
            }
            rows.push(Row {
                order_id: id.to_string(),
                status,
                counter_amount: (cr > 0).then_some(-cr),
                bank_amount: (br > 0).then_some(-br),
                counter_net: Some(-cr),
                bank_net: Some(-br),
                at: c.map(|c| c.at.clone()),
                auth_code: None,
                hand_reason: None,
                hand_by: None,
            });
            continue;
        }
        let c = c_sale;
        let status = match (c, b_sale) {
            (Some(_), None) => Status::MissingAtBank,
            (None, Some(_)) if hand.is_some() => Status::EnteredByHand,
            (None, Some(_)) => Status::MissingAtCounter,
            (None, None) => continue,
            // A void and a refund of the whole give the same money back: the nets decide.
            (Some(c), Some((_, amount))) => {
                let (cn, bn) = (c_net.unwrap_or(0), b_net.unwrap_or(0));
                if c.amount != amount {
                    Status::DifferentAmount
                } else if cn != bn {
                    Status::CancelDiffers
                } else if cn == 0 && (c.voided || b.is_some_and(|b| b.voided)) {
                    Status::Voided
                } else if cn < amount || cn == 0 {
                    Status::Refunded
                } else {
                    Status::Matched
                }
            }
        };
        let counter_net = match status {
            Status::EnteredByHand => hand.map(|h| h.amount),
            _ => c_net,
        };
        totals.counter_net += counter_net.unwrap_or(0);
        totals.bank_net += b_net.unwrap_or(0);
        if matches!(status, Status::Matched | Status::Voided | Status::Refunded | Status::EnteredByHand) {
            totals.matched += 1;
        } else {
            totals.problems += 1;
        }
        let bank_sale = b.and_then(|b| b.sale.as_ref());
        rows.push(Row {
            order_id: id.to_string(),
            status,
            counter_amount: c.map(|c| c.amount).or(hand.filter(|_| status == Status::EnteredByHand).map(|h| h.amount)),
            bank_amount: bank_sale.map(|s| s.0),
            counter_net,
            bank_net: b_net,
            at: c.map(|c| c.at.clone()).or_else(|| bank_sale.map(|s| s.1.clone())),
            auth_code: c.and_then(|c| c.auth_code.clone()).or_else(|| bank_sale.and_then(|s| s.2.clone())),
            hand_reason: hand.map(|h| h.reason.clone()),
            hand_by: hand.map(|h| h.by.clone()),
        });
    }
    rows.sort_by(|a, b| (a.at.as_deref(), &a.order_id).cmp(&(b.at.as_deref(), &b.order_id)));
    totals.difference = totals.counter_net - totals.bank_net;
    Comparison { rows, totals }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(id: &str, amount: i64, voided: bool, refunded: i64) -> CounterTx {
        CounterTx { order_id: id.into(), amount, voided, refunded, at: format!("t-{id}"), auth_code: Some("A1".into()) }
    }
    fn b(id: &str, kind: BankKind, amount: i64) -> BankTx {
        BankTx { order_id: id.into(), kind, amount, at: format!("t-{id}"), auth_code: None }
    }

    #[test]
    fn each_status_by_order_id() {
        use BankKind::*;
        let counter = [
            c("m", 100, false, 0),
            c("d", 100, false, 0),
            c("mb", 50, false, 0),
            c("v", 70, true, 0),
            c("r", 90, false, 40),
            c("x", 30, true, 0),
        ];
        let bank = [
            b("m", Sale, 100),
            b("d", Sale, 120),
            b("v", Sale, 70),
            b("v", Void, 70),
            b("r", Sale, 90),
            b("r", Refund, 40),
            b("x", Sale, 30),
            b("mc", Sale, 80),
            b("h", Sale, 25),
        ];
        let hand = [HandTx { order_id: "h".into(), amount: 25, reason: "phone order typed on the bank's portal".into(), by: "Lan".into() }];
        let cmp = compare(&counter, &bank, &hand);
        let status: BTreeMap<&str, Status> = cmp.rows.iter().map(|r| (r.order_id.as_str(), r.status)).collect();
        let want = [
            ("m", Status::Matched),
            ("d", Status::DifferentAmount),
            ("mb", Status::MissingAtBank),
            ("v", Status::Voided),
            ("r", Status::Refunded),
            ("x", Status::CancelDiffers),
            ("mc", Status::MissingAtCounter),
            ("h", Status::EnteredByHand),
        ];
        for (id, s) in want {
            assert_eq!(status[id], s, "{id}");
        }
        assert_eq!(cmp.rows.len(), want.len());
        // Counter: m 100 + d 100 + mb 50 + v 0 + r 50 + x 0 + h 25 = 325;
        // bank: m 100 + d 120 + v 0 + r 50 + x 30 + mc 80 + h 25 = 405.
        assert_eq!((cmp.totals.counter_net, cmp.totals.bank_net, cmp.totals.difference), (325, 405, -80));
        assert_eq!((cmp.totals.matched, cmp.totals.problems), (4, 4));
    }

    #[test]
    fn refunds_of_an_earlier_day_are_compared_on_their_own_day() {
        let refund_only = |id: &str, refunded: i64| CounterTx {
            order_id: id.into(),
            amount: 0,
            voided: false,
            refunded,
            at: "t".into(),
            auth_code: None,
        };
        let counter =
            [refund_only("same", 500), refund_only("other", 300), refund_only("only-counter", 100), refund_only("voided-late", 70)];
        let bank = [
            b("same", BankKind::Refund, 500),
            b("other", BankKind::Refund, 200),
            b("only-bank", BankKind::Refund, 50),
            // The bank's day ended later: it voided what the counter counts on its next day.
            b("voided-late", BankKind::Void, 70),
        ];
        let cmp = compare(&counter, &bank, &[]);
        let status: BTreeMap<&str, Status> = cmp.rows.iter().map(|r| (r.order_id.as_str(), r.status)).collect();
        assert_eq!(status["same"], Status::Refunded);
        assert_eq!(status["other"], Status::DifferentAmount);
        assert_eq!(status["only-counter"], Status::MissingAtBank);
        assert_eq!(status["only-bank"], Status::MissingAtCounter);
        assert_eq!(status["voided-late"], Status::Refunded);
        assert_eq!((cmp.totals.counter_net, cmp.totals.bank_net), (-970, -820));
    }

    #[test]
    fn never_by_amount_alone() {
        // Same amount, other ids: two problems, not a match.
        let cmp = compare(&[c("a", 100, false, 0)], &[b("b", BankKind::Sale, 100)], &[]);
        let s: Vec<Status> = cmp.rows.iter().map(|r| r.status).collect();
        assert_eq!(s, vec![Status::MissingAtBank, Status::MissingAtCounter]);
    }
}
