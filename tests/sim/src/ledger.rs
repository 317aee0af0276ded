//! The sales the hub stored, by id: idempotent storage and the void rules that need
//! the sales already stored (the record's own checks are in `sales_validation`).

use std::collections::HashMap;

use serde_json::Value;

use crate::sales_validation::{check_sale, check_void_matches, sale_id, CheckedSale};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Stored now; the sale's total.
    Stored(i64),
    Duplicate,
    Rejected(String),
}

struct Entry {
    sale: CheckedSale,
    voided_by: Option<String>,
}

#[derive(Default)]
pub struct Ledger {
    /// Stored records as received, in arrival order.
    records: Vec<Value>,
    by_id: HashMap<String, Entry>,
}

impl Ledger {
    /// Stores `record` unless it is already stored (by id) or invalid.
    pub fn submit(&mut self, record: Value, currency: &str) -> Outcome {
        // A resend is answered by its id alone, even if the hub's rules changed since.
        if sale_id(&record).is_some_and(|id| self.by_id.contains_key(&id)) {
            return Outcome::Duplicate;
        }
        let sale = match check_sale(&record, currency) {
            Ok(s) => s,
            Err(why) => return Outcome::Rejected(why),
        };
        if let Some(of) = &sale.void_of {
            let Some(original) = self.by_id.get(of) else {
                return Outcome::Rejected(format!("void_of {of} names no sale stored at this hub"));
            };
            if let Some(other) = &original.voided_by {
                return Outcome::Rejected(format!("sale {of} is already voided by {other}"));
            }
            if let Err(why) = check_void_matches(&sale, &original.sale) {
                return Outcome::Rejected(why);
            }
        }
        if let Some(of) = &sale.void_of {
            self.by_id.get_mut(of).expect("checked above").voided_by = Some(sale.id.clone());
        }
        let total = sale.total;
        self.by_id.insert(sale.id.clone(), Entry { sale, voided_by: None });
        self.records.push(record);
        Outcome::Stored(total)
    }

    pub fn records(&self) -> &[Value] {
        &self.records
    }
}
