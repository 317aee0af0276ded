//! The payment journal. An attempt is written `pending` with its idempotency key before
//! the terminal or Viva is called; every later state is checked against the domain's
//! state machine and logged, append-only, with its time. After a crash the attempts that
//! are not final are listed for resolution by asking the terminal — never by re-sending.

use quay_core::payment::{attempt_key, may_start_attempt, PaymentError, PaymentKind, PaymentState};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{Result, Store, StoreError};

/// What the terminal or Viva told about a card payment (whatever it gives).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardDetails {
    pub terminal_id: Option<String>,
    pub masked_pan: Option<String>,
    pub brand: Option<String>,
    pub auth_code: Option<String>,
    pub rrn: Option<String>,
    /// STAN / ZVT trace number: repeats, never a key on its own.
    pub trace: Option<String>,
    pub receipt_no: Option<String>,
    /// Viva's order code or transaction id.
    pub provider_ref: Option<String>,
    /// The raw response code and who gave it ("iso8583", "zvt", "viva": Viva's Event ID).
    pub result_code: Option<String>,
    pub result_source: Option<String>,
    /// The issuer's ISO 8583 response code where the provider passes it on beside its own
    /// (Viva's `ResponseCode`); the ZVT terminal's issuer code is `result_code` itself.
    pub issuer_code: Option<String>,
    pub message: Option<String>,
    /// What the terminal printed (the slip), line by line; kept with the payment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub print_lines: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PaymentRecord {
    pub key: String,
    pub sale_id: Uuid,
    pub attempt: u32,
    pub terminal: String,
    pub kind: PaymentKind,
    pub amount: i64,
    pub currency: String,
    pub state: PaymentState,
    pub created_at: String,
    pub updated_at: String,
    /// The cart being paid (JSON), so an approved payment can complete its sale after a crash.
    pub cart: Option<String>,
    /// Who took the payment: the staff member's name (the counter's label when nobody was
    /// signed in); None for attempts journaled before it was kept.
    pub taken_by: Option<String>,
    /// The merchant order id a wallet knows this attempt by (None for cards).
    pub order_id: Option<String>,
    /// When the cashier stopped waiting for this attempt (wallets): it is still watched,
    /// and a payment that arrives later completes its sale or waits to be refunded.
    pub given_up_at: Option<String>,
    /// For a refund: the key of the payment it pays back (None for older refunds).
    pub refund_of: Option<String>,
    /// A manager's partial refund of a sale that stays closed (not a void's refund).
    #[serde(default)]
    pub partial: bool,
    #[serde(flatten)]
    pub details: CardDetails,
}

/// How a wallet names attempt `n` of the sale (its merchant order id, within its rules).
pub type OrderIdRule<'a> = &'a (dyn Fn(u32) -> String + Sync);

/// A new attempt to journal.
#[derive(Clone)]
pub struct NewPayment<'a> {
    pub sale_id: Uuid,
    pub terminal: &'a str,
    pub kind: PaymentKind,
    pub amount: i64,
    pub currency: &'a str,
    pub at: &'a str,
    pub cart: Option<&'a str>,
    /// Who takes the payment (see `PaymentRecord::taken_by`).
    pub taken_by: Option<&'a str>,
    /// A wallet's merchant order id for the attempt number the journal gives it: written
    /// in the same statement as the attempt, so it is on disk before the wallet hears of it.
    pub order_id: Option<OrderIdRule<'a>>,
    /// For a refund: the payment it pays back.
    pub refund_of: Option<&'a str>,
}

const COLUMNS: &str = "key, sale_id, attempt, terminal, kind, amount, currency, state, created_at, updated_at, cart,
    terminal_id, masked_pan, brand, auth_code, rrn, trace, receipt_no, provider_ref, result_code, result_source, message, print_lines, issuer_code, taken_by, order_id, given_up_at, refund_of, partial";

fn record(r: &Row) -> rusqlite::Result<(PaymentRecord, String)> {
    let sale: String = r.get(1)?;
    let state: String = r.get(7)?;
    Ok((
        PaymentRecord {
            key: r.get(0)?,
            sale_id: Uuid::parse_str(&sale).unwrap_or_default(),
            attempt: r.get(2)?,
            terminal: r.get(3)?,
            kind: {
                // A kind this version does not know is a journal it must not misread.
                let kind: String = r.get(4)?;
                PaymentKind::parse(&kind).ok_or_else(|| {
                    rusqlite::Error::FromSqlConversionFailure(4, rusqlite::types::Type::Text, format!("payment kind {kind:?}").into())
                })?
            },
            amount: r.get(5)?,
            currency: r.get(6)?,
            state: PaymentState::parse(&state).unwrap_or(PaymentState::Unknown),
            created_at: r.get(8)?,
            updated_at: r.get(9)?,
            cart: r.get(10)?,
            taken_by: r.get(24)?,
            order_id: r.get(25)?,
            given_up_at: r.get(26)?,
            refund_of: r.get(27)?,
            partial: r.get::<_, i64>(28)? == 1,
            details: CardDetails {
                terminal_id: r.get(11)?,
                masked_pan: r.get(12)?,
                brand: r.get(13)?,
                auth_code: r.get(14)?,
                rrn: r.get(15)?,
                trace: r.get(16)?,
                receipt_no: r.get(17)?,
                provider_ref: r.get(18)?,
                result_code: r.get(19)?,
                result_source: r.get(20)?,
                message: r.get(21)?,
                print_lines: r.get::<_, Option<String>>(22)?.map(|t| t.split('\n').map(str::to_string).collect()).unwrap_or_default(),
                issuer_code: r.get(23)?,
            },
        },
        state,
    ))
}

impl Store {
    /// Journals a new attempt as `pending` and returns it. Refused while an earlier attempt
    /// of the same sale and kind is not final (one payment in flight per sale).
    pub fn begin_payment(&mut self, p: &NewPayment) -> Result<PaymentRecord> {
        self.begin_payment_with(p, |_, _| Ok(()))
    }

    /// `begin_payment`, with `also` writing what belongs to the attempt (a virtual POS
    /// payment's reference) in the same transaction, given the attempt's key.
    pub fn begin_payment_with(
        &mut self,
        p: &NewPayment,
        also: impl FnOnce(&rusqlite::Transaction, &str) -> Result<()>,
    ) -> Result<PaymentRecord> {
        let tx = self.conn.transaction()?;
        let earlier: Vec<PaymentState> = {
            let mut stmt = tx.prepare_cached("SELECT state FROM payments WHERE sale_id = ?1 AND kind = ?2 ORDER BY attempt")?;
            let states: Vec<String> =
                stmt.query_map(params![p.sale_id.to_string(), p.kind.as_str()], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
            states.iter().map(|s| PaymentState::parse(s).unwrap_or(PaymentState::Unknown)).collect()
        };
        let attempt = may_start_attempt(p.sale_id, &earlier).map_err(payment_err)?;
        let key = format!(
            "{}{}",
            attempt_key(p.sale_id, attempt),
            if p.kind == PaymentKind::Sale { String::new() } else { format!("-{}", p.kind.as_str()) }
        );
        let order_id = p.order_id.map(|rule| rule(attempt));
        tx.execute(
            "INSERT INTO payments(key, sale_id, attempt, terminal, kind, amount, currency, state, created_at, updated_at, cart, taken_by, order_id, refund_of)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'pending', ?8, ?8, ?9, ?10, ?11, ?12)",
            params![
                key,
                p.sale_id.to_string(),
                attempt,
                p.terminal,
                p.kind.as_str(),
                p.amount,
                p.currency,
                p.at,
                p.cart,
                p.taken_by,
                order_id,
                p.refund_of
            ],
        )?;
        tx.execute("INSERT INTO payment_events(key, at, state, detail) VALUES (?1, ?2, 'pending', NULL)", params![key, p.at])?;
        also(&tx, &key)?;
        tx.commit()?;
        self.payment(&key)?.ok_or_else(|| StoreError::Corrupt(format!("payment {key} vanished")))
    }

    /// Moves an attempt to `to`, recording what the terminal said. The state machine of
    /// quay-core decides what is allowed; details only ever add information.
    pub fn payment_transition(&mut self, key: &str, to: PaymentState, details: &CardDetails, at: &str) -> Result<PaymentRecord> {
        self.payment_transition_if(key, None, to, details, at)?.ok_or_else(|| StoreError::Corrupt(format!("payment {key} vanished")))
    }

    /// `payment_transition` only if the attempt is still in state `from` (what the caller's
    /// decision was based on); None, changing nothing, when another writer — a charge in
    /// another process, a callback — moved it meanwhile.
    pub fn payment_transition_from(
        &mut self,
        key: &str,
        from: PaymentState,
        to: PaymentState,
        details: &CardDetails,
        at: &str,
    ) -> Result<Option<PaymentRecord>> {
        self.payment_transition_if(key, Some(from), to, details, at)
    }

    fn payment_transition_if(
        &mut self,
        key: &str,
        expected: Option<PaymentState>,
        to: PaymentState,
        details: &CardDetails,
        at: &str,
    ) -> Result<Option<PaymentRecord>> {
        let tx = self.conn.transaction()?;
        let from: String = tx
            .query_row("SELECT state FROM payments WHERE key = ?1", [key], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::Corrupt(format!("no payment {key}")))?;
        let from = PaymentState::parse(&from).unwrap_or(PaymentState::Unknown);
        if expected.is_some_and(|e| e != from) {
            return Ok(None);
        }
        if !from.can_become(to) {
            return Err(payment_err(PaymentError::Transition { key: key.to_string(), from: from.as_str(), to: to.as_str() }));
        }
        let d = details;
        tx.execute(
            "UPDATE payments SET state = ?2, updated_at = ?3,
                terminal_id = coalesce(?4, terminal_id), masked_pan = coalesce(?5, masked_pan), brand = coalesce(?6, brand),
                auth_code = coalesce(?7, auth_code), rrn = coalesce(?8, rrn), trace = coalesce(?9, trace),
                receipt_no = coalesce(?10, receipt_no), provider_ref = coalesce(?11, provider_ref),
                result_code = coalesce(?12, result_code), result_source = coalesce(?13, result_source), message = coalesce(?14, message),
                print_lines = coalesce(?15, print_lines), issuer_code = coalesce(?16, issuer_code)
             WHERE key = ?1",
            params![
                key,
                to.as_str(),
                at,
                d.terminal_id,
                d.masked_pan,
                d.brand,
                d.auth_code,
                d.rrn,
                d.trace,
                d.receipt_no,
                d.provider_ref,
                d.result_code,
                d.result_source,
                d.message,
                (!d.print_lines.is_empty()).then(|| d.print_lines.join("\n")),
                d.issuer_code
            ],
        )?;
        let detail = serde_json::to_string(details).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        tx.execute("INSERT INTO payment_events(key, at, state, detail) VALUES (?1, ?2, ?3, ?4)", params![key, at, to.as_str(), detail])?;
        tx.commit()?;
        self.payment(key)
    }

    pub fn payment(&self, key: &str) -> Result<Option<PaymentRecord>> {
        Ok(self.conn.query_row(&format!("SELECT {COLUMNS} FROM payments WHERE key = ?1"), [key], record).optional()?.map(|(p, _)| p))
    }

    fn payments_where(&self, clause: &str, args: &[&dyn rusqlite::ToSql]) -> Result<Vec<PaymentRecord>> {
        let mut stmt = self.conn.prepare_cached(&format!("SELECT {COLUMNS} FROM payments WHERE {clause} ORDER BY rowid"))?;
        let rows = stmt.query_map(args, record)?.collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(
                |(p, state)| {
                    if PaymentState::parse(&state).is_some() {
                        Ok(p)
                    } else {
                        Err(StoreError::Corrupt(format!("payment state {state}")))
                    }
                },
            )
            .collect()
    }

    /// Attempts whose outcome the counter does not know yet (pending, sent, unknown):
    /// what start-up resolves by asking the terminal or Viva.
    pub fn payments_unresolved(&self) -> Result<Vec<PaymentRecord>> {
        self.payments_where("state IN ('pending', 'sent', 'unknown')", &[])
    }

    /// Notes the provider's name for an attempt still in flight (Viva's order code) and
    /// logs it; the state does not change.
    pub fn payment_reference(&mut self, key: &str, provider_ref: &str, at: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        let state: Option<String> =
            tx.query_row("SELECT state FROM payments WHERE key = ?1 AND state IN ('sent', 'unknown')", [key], |r| r.get(0)).optional()?;
        let Some(state) = state else {
            return Err(StoreError::Corrupt(format!("no payment in flight {key}")));
        };
        tx.execute("UPDATE payments SET provider_ref = ?2, updated_at = ?3 WHERE key = ?1", params![key, provider_ref, at])?;
        let detail = serde_json::json!({ "provider_ref": provider_ref }).to_string();
        tx.execute("INSERT INTO payment_events(key, at, state, detail) VALUES (?1, ?2, ?3, ?4)", params![key, at, state, detail])?;
        tx.commit()?;
        Ok(())
    }

    /// Notes what happened to an attempt still in flight (the terminal refused it before
    /// processing it and it is sent once more after registering): an event of its current
    /// state, written before the terminal hears again. The attempt itself does not change.
    pub fn payment_note(&mut self, key: &str, note: &str, at: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        let state: Option<String> =
            tx.query_row("SELECT state FROM payments WHERE key = ?1 AND state IN ('sent', 'unknown')", [key], |r| r.get(0)).optional()?;
        let Some(state) = state else {
            return Err(StoreError::Corrupt(format!("no payment in flight {key}")));
        };
        let detail = serde_json::json!({ "message": note }).to_string();
        tx.execute("INSERT INTO payment_events(key, at, state, detail) VALUES (?1, ?2, ?3, ?4)", params![key, at, state, detail])?;
        tx.commit()?;
        Ok(())
    }

    /// Notes that the cashier stopped waiting for an attempt still in flight. It stays in
    /// flight (asked about until the wallet answers); only what a late payment means changes.
    /// Marks refund `key` (still pending: before the partner hears of it) as a manager's
    /// partial refund of a sale that stays closed.
    pub fn payment_mark_partial(&self, key: &str) -> Result<()> {
        let n = self.conn.execute("UPDATE payments SET partial = 1 WHERE key = ?1 AND kind = 'refund' AND state = 'pending'", [key])?;
        if n != 1 {
            return Err(StoreError::Corrupt(format!("no pending refund {key}")));
        }
        Ok(())
    }

    pub fn payment_give_up(&mut self, key: &str, at: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        let state: Option<String> = tx
            .query_row("SELECT state FROM payments WHERE key = ?1 AND state IN ('pending', 'sent', 'unknown')", [key], |r| r.get(0))
            .optional()?;
        let Some(state) = state else {
            return Err(StoreError::Corrupt(format!("no payment in flight {key}")));
        };
        tx.execute("UPDATE payments SET given_up_at = coalesce(given_up_at, ?2), updated_at = ?2 WHERE key = ?1", params![key, at])?;
        let detail = serde_json::json!({ "message": "the cashier stopped waiting" }).to_string();
        tx.execute("INSERT INTO payment_events(key, at, state, detail) VALUES (?1, ?2, ?3, ?4)", params![key, at, state, detail])?;
        tx.commit()?;
        Ok(())
    }

    /// The attempt a wallet knows by `order_id` (a callback names the order, not the key).
    /// An attempt by its merchant order id alone, whichever partner's.
    pub fn payment_by_any_order(&self, order_id: &str) -> Result<Option<PaymentRecord>> {
        Ok(self.payments_where("order_id = ?1", &[&order_id])?.into_iter().next())
    }

    pub fn payment_by_order(&self, terminal: &str, order_id: &str) -> Result<Option<PaymentRecord>> {
        Ok(self.payments_where("terminal = ?1 AND order_id = ?2", &[&terminal, &order_id])?.into_iter().next())
    }

    /// Approved payments the cashier had given up on whose sale closed without them:
    /// money taken that pays for nothing, to be refunded by a manager (unless refunded).
    /// How many sale payments of `terminal` were approved (Alipay's onboarding asks for
    /// a live test payment: the journal says whether one was made).
    pub fn payments_approved_of(&self, terminal: &str) -> Result<usize> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM payments WHERE terminal = ?1 AND kind = 'sale' AND state = 'approved'",
            [terminal],
            |r| r.get(0),
        )?;
        Ok(n as usize)
    }

    pub fn payments_paid_unused(&self) -> Result<Vec<PaymentRecord>> {
        self.payments_where(
            "kind = 'sale' AND state = 'approved' AND given_up_at IS NOT NULL
             AND EXISTS (SELECT 1 FROM sales s WHERE s.id = payments.sale_id)
             AND NOT EXISTS (SELECT 1 FROM sale_tenders t WHERE t.sale_id = payments.sale_id AND t.kind IN ('wallet', 'card')
                             AND t.reference IS payments.provider_ref)
             AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.refund_of = payments.key AND r.state != 'declined'
                             AND r.state != 'cancelled')",
            &[],
        )
    }

    /// Approved card payments of a cart whose sale was never written (a crash between the
    /// approval and the sale's close). Test sales carry no cart and are not orphans.
    pub fn payments_approved_without_sale(&self) -> Result<Vec<PaymentRecord>> {
        self.payments_where(
            "kind = 'sale' AND state = 'approved' AND cart IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sales s WHERE s.id = payments.sale_id)",
            &[],
        )
    }

    /// Every attempt of a sale, oldest first.
    pub fn payments_of_sale(&self, sale: Uuid) -> Result<Vec<PaymentRecord>> {
        self.payments_where("sale_id = ?1", &[&sale.to_string()])
    }

    /// Every attempt started on a day (`YYYY-MM-DD` prefix of its creation time).
    pub fn payments_on(&self, day: chrono::NaiveDate) -> Result<Vec<PaymentRecord>> {
        self.payments_where("substr(created_at, 1, 10) = ?1", &[&day.to_string()])
    }

    /// The append-only log of an attempt: (time, state, detail JSON).
    pub fn payment_log(&self, key: &str) -> Result<Vec<(String, String, Option<String>)>> {
        let mut stmt = self.conn.prepare_cached("SELECT at, state, detail FROM payment_events WHERE key = ?1 ORDER BY id")?;
        let rows = stmt.query_map([key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

fn payment_err(e: PaymentError) -> StoreError {
    StoreError::Payment(e)
}
