//! The polling decision, pure: given what Viva says about one order (its state, if
//! fetched, and its transactions), is the payment still pending, approved, declined or
//! cancelled? The app calls it every few seconds (`POLL_EVERY`) and after each webhook
//! hint; the same inputs always give the same answer, so repeats are harmless.

use std::time::Duration;

use super::{OrderCode, OrderState, Transaction, TxStatus};

/// How often the till asks while the customer is at the terminal (Odoo polls every 5 s).
pub const POLL_EVERY: Duration = Duration::from_secs(3);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OrderOutcome {
    /// Nothing final yet: keep polling.
    Pending,
    /// Paid (F) or captured (C). Final: complete the sale with this transaction.
    Approved { transaction: Transaction },
    /// The last attempt failed (E) and none succeeded. Not final at Viva — the customer
    /// may try another card on the same order — so the app shows it and either keeps
    /// polling or cancels the order.
    Declined { transaction: Transaction },
    /// The order was cancelled or expired, or its transaction was cancelled (X), with
    /// no successful payment. Final.
    Cancelled,
    /// It was paid and has since been refunded (R). Final.
    Refunded { transaction: Transaction },
}

impl OrderOutcome {
    pub fn is_final(&self) -> bool {
        !matches!(self, OrderOutcome::Pending | OrderOutcome::Declined { .. })
    }
}

/// Decides the outcome of `code`. Transactions of other orders are ignored (a
/// date search may be passed in whole). A success anywhere wins over failures (a
/// declined card followed by a good one); among several successes the first listed is
/// taken. Unknown statuses (M* disputes) and reversals (with a `parent_id`) are not
/// outcomes: a refund shows as the original's R status.
pub fn decide(code: OrderCode, order_state: Option<OrderState>, txs: &[Transaction]) -> OrderOutcome {
    let mine: Vec<&Transaction> = txs.iter().filter(|t| t.order_code == Some(code) && t.parent_id.is_none()).collect();
    if let Some(t) = mine.iter().find(|t| matches!(t.status, TxStatus::Paid | TxStatus::Captured)) {
        return OrderOutcome::Approved { transaction: (*t).clone() };
    }
    if let Some(t) = mine.iter().find(|t| t.status == TxStatus::Refunded) {
        return OrderOutcome::Refunded { transaction: (*t).clone() };
    }
    if matches!(order_state, Some(OrderState::Cancelled | OrderState::Expired)) || mine.iter().any(|t| t.status == TxStatus::Cancelled) {
        return OrderOutcome::Cancelled;
    }
    if let Some(t) = mine.iter().rev().find(|t| t.status == TxStatus::Error) {
        return OrderOutcome::Declined { transaction: (*t).clone() };
    }
    OrderOutcome::Pending
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODE: OrderCode = OrderCode(1000);

    fn tx(id: &str, order: u64, status: &str, minor: i64) -> Transaction {
        Transaction {
            transaction_id: id.into(),
            order_code: Some(OrderCode(order)),
            amount_minor: minor,
            status: TxStatus::from_code(status),
            card_number: None,
            terminal_id: None,
            authorization_id: None,
            retrieval_reference: None,
            reference_number: None,
            merchant_trns: None,
            source_code: None,
            inserted: None,
            parent_id: None,
            response_event_id: None,
            response_code: None,
        }
    }

    #[test]
    fn table() {
        use OrderOutcome as O;
        let pending = Some(OrderState::Pending);
        let cases: Vec<(&str, Option<OrderState>, Vec<Transaction>, O)> = vec![
            ("nothing yet", pending, vec![], O::Pending),
            ("no state fetched", None, vec![], O::Pending),
            ("pending tx", pending, vec![tx("a", 1000, "A", 500)], O::Pending),
            ("paid", pending, vec![tx("a", 1000, "F", 500)], O::Approved { transaction: tx("a", 1000, "F", 500) }),
            ("captured", pending, vec![tx("a", 1000, "C", 500)], O::Approved { transaction: tx("a", 1000, "C", 500) }),
            ("declined", pending, vec![tx("a", 1000, "E", 500)], O::Declined { transaction: tx("a", 1000, "E", 500) }),
            (
                "declined then paid",
                Some(OrderState::Paid),
                vec![tx("a", 1000, "E", 500), tx("b", 1000, "F", 500)],
                O::Approved { transaction: tx("b", 1000, "F", 500) },
            ),
            (
                "last of two declines",
                pending,
                vec![tx("a", 1000, "E", 500), tx("b", 1000, "E", 500)],
                O::Declined { transaction: tx("b", 1000, "E", 500) },
            ),
            ("order cancelled", Some(OrderState::Cancelled), vec![], O::Cancelled),
            ("order expired after a decline", Some(OrderState::Expired), vec![tx("a", 1000, "E", 500)], O::Cancelled),
            ("tx cancelled", pending, vec![tx("a", 1000, "X", 500)], O::Cancelled),
            ("refunded", pending, vec![tx("a", 1000, "R", 500)], O::Refunded { transaction: tx("a", 1000, "R", 500) }),
            ("other order paid", pending, vec![tx("z", 999, "F", 500)], O::Pending),
            ("dispute only", pending, vec![tx("a", 1000, "MA", 500)], O::Pending),
            (
                "a reversal is not a payment",
                pending,
                vec![Transaction { parent_id: Some("a".into()), ..tx("r", 1000, "F", 500) }],
                O::Pending,
            ),
            (
                "refunded with its reversal listed",
                pending,
                vec![tx("a", 1000, "R", 500), Transaction { parent_id: Some("a".into()), ..tx("r", 1000, "F", 500) }],
                O::Refunded { transaction: tx("a", 1000, "R", 500) },
            ),
            // Viva cancelling an order that was paid meanwhile: the money moved, so paid wins.
            (
                "paid but order cancelled",
                Some(OrderState::Cancelled),
                vec![tx("a", 1000, "F", 500)],
                O::Approved { transaction: tx("a", 1000, "F", 500) },
            ),
        ];
        for (name, state, txs, want) in cases {
            assert_eq!(decide(CODE, state, &txs), want, "{name}");
        }
    }

    #[test]
    fn finality() {
        assert!(!OrderOutcome::Pending.is_final());
        assert!(OrderOutcome::Cancelled.is_final());
        assert!(!OrderOutcome::Declined { transaction: tx("a", 1000, "E", 1) }.is_final());
    }
}
