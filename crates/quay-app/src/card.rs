//! Card payments through the journal, for any terminal behind `CardTerminal` (the ZVT
//! driver on a serial line, Viva eftPOS orders). The order of things is the point:
//! 1. journal the attempt `pending` with its idempotency key and the cart being paid;
//! 2. mark it `sent`, then call the terminal;
//! 3. record the outcome; only an approval becomes a tender, and the sale closes when the
//!    tenders pay the total.
//!
//! At start-up, attempts that are not final are resolved by asking the terminal; a
//! payment is never re-sent automatically, and an `unknown` outcome blocks a new attempt
//! for that sale until it is resolved.

use quay_core::auth::Action;
use quay_core::error::Arg;
use quay_core::error::Localized;
use quay_core::payment::{CodeSource, Decline, PaymentState};
use quay_core::tender::{Tender, TenderKind};
use quay_core::{Cart, Money, Sale};
use quay_store::{CardDetails, NewPayment, PaymentRecord};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{AppError, Counter, Result, Who};

/// What a terminal answered about one attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TerminalOutcome {
    Approved(CardDetails),
    /// Declined by the issuer or the terminal; `result_code`/`result_source` say why.
    Declined(CardDetails),
    /// No answer that can be trusted (timeout, lost connection, T4 expiry); `message`
    /// says why, and whatever is known (Viva's order code) is kept for the enquiry.
    Unknown(CardDetails),
    /// Cancelled at the terminal or never started there.
    Cancelled(CardDetails),
}

/// What a terminal reports while a command runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress<'a> {
    /// What the terminal shows ("insert card", "enter PIN"), as a Fluent id.
    Status(&'a str),
    /// The provider's name for the attempt (Viva's order code), known before the outcome:
    /// journaled at once, so a restart can ask about (and cancel) exactly that order.
    Reference(&'a str),
    /// What happened to the attempt on the way (ZVT: refused before processing because the
    /// terminal was not registered, registered again, sent once more): journaled at once
    /// as an event of the attempt, before the terminal hears of it again.
    Note(&'a str),
    /// A wallet's dynamic QR for the customer to scan, payable until `until`.
    Qr { content: &'a str, until: chrono::DateTime<chrono::FixedOffset> },
}

/// A card terminal as the counter uses it. Calls block until the terminal answers (the
/// window calls them off its UI thread); `on` receives progress as it arrives.
pub trait CardTerminal: Send + Sync {
    /// "zvt" or "viva": recorded with each attempt.
    fn kind(&self) -> &str;
    /// Charges `amount` for the attempt `key` (sent to Viva as the merchant reference).
    fn charge(&self, key: &str, amount: Money, on: &dyn Fn(Progress<'_>)) -> TerminalOutcome;
    /// What happened to an attempt whose answer was lost: status enquiry (ZVT) or the
    /// transactions of its order (Viva). Never charges.
    fn enquire(&self, attempt: &PaymentRecord) -> TerminalOutcome;
    /// Pays `amount` of the approved `original` back to the card (ZVT reversal by receipt
    /// number, else refund; Viva refund of the transaction).
    fn refund(&self, key: &str, original: &PaymentRecord, amount: Money, on_status: &dyn Fn(&str)) -> TerminalOutcome;
    /// The merchant order id the partner knows attempt `attempt` of `sale` by (wallets),
    /// journaled with the attempt before any call. Cards have none.
    fn order_id(&self, _sale: Uuid, _attempt: u32, _kind: quay_core::payment::PaymentKind) -> Option<String> {
        None
    }
    /// Charges the journaled attempt `p` (wallets use its order id).
    fn charge_attempt(&self, p: &PaymentRecord, amount: Money, on: &dyn Fn(Progress<'_>)) -> TerminalOutcome {
        self.charge(&p.key, amount, on)
    }
    /// Pays back through the journaled refund attempt `r` (wallets use its refund id).
    fn refund_attempt(&self, r: &PaymentRecord, original: &PaymentRecord, amount: Money, on_status: &dyn Fn(&str)) -> TerminalOutcome {
        self.refund(&r.key, original, amount, on_status)
    }
}

/// The cart being paid, journaled with each attempt so an approved payment can complete
/// its sale after a crash.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PayingCart {
    pub sale_id: Uuid,
    pub cart: Cart,
    /// Tenders already approved for this sale (split tender).
    pub tenders: Vec<Tender>,
}

/// The result of one card attempt, for the face.
#[derive(Debug, Clone, Serialize)]
pub struct CardResult {
    pub key: String,
    pub state: PaymentState,
    /// The sale, once the tenders pay the total.
    pub sale: Option<Sale>,
    /// What is still due after this attempt.
    pub remaining: i64,
}

/// The tender an approved attempt is on the sale: a wallet's names the wallet and its
/// transaction id (hub-api.md: `kind: "wallet"`, `partner`, `reference`), a card's its brand.
pub(crate) fn tender_of(p: &PaymentRecord) -> Tender {
    match quay_pay::wallet::Wallet::parse(&p.terminal) {
        Some(w) => Tender {
            kind: TenderKind::Wallet,
            amount: p.amount,
            tendered: None,
            change: None,
            partner: Some(w.as_str().to_string()),
            reference: p.details.provider_ref.clone(),
        },
        None => card_tender(p.amount, &p.details),
    }
}

pub(crate) fn card_tender(amount: i64, d: &CardDetails) -> Tender {
    Tender {
        kind: TenderKind::Card,
        amount,
        tendered: None,
        change: None,
        partner: d.brand.clone(),
        reference: d.provider_ref.clone().or_else(|| d.receipt_no.clone()).or_else(|| d.trace.clone()),
    }
}

/// The journal state an outcome leads to, with its details.
pub fn outcome_state(outcome: TerminalOutcome) -> (PaymentState, CardDetails) {
    match outcome {
        TerminalOutcome::Approved(d) => (PaymentState::Approved, d),
        TerminalOutcome::Declined(d) => (PaymentState::Declined, d),
        TerminalOutcome::Cancelled(d) => (PaymentState::Cancelled, d),
        TerminalOutcome::Unknown(d) => (PaymentState::Unknown, d),
    }
}

/// What a journaled decline means: the partner's code with its reason and, for Viva, the
/// issuer's code beside its Event ID. The terminal's own codes (ZVT, from 0x64) and the
/// issuer's (ISO 8583) overlap as text: the source says which table explains them.
pub fn decline_of(d: &CardDetails) -> Decline {
    let source = d.result_source.as_deref().and_then(CodeSource::parse);
    Decline::explain(source, d.result_code.as_deref(), d.issuer_code.as_deref())
}

/// The cashier's explanation of a decline: the reason in words and the code exactly as
/// the bank, the terminal or Viva gave it (the bank asks for the code on the phone).
pub fn decline_error(d: &CardDetails) -> AppError {
    let decline = decline_of(d);
    AppError { code: decline.code(), args: decline.args(), detail: decline.to_string() }
}

/// A declined attempt as the faces list it (`quay payments list`): the reason's id, the
/// codes as given and the sentence in the counter's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeclineView {
    /// The reason's Fluent id (`decline-…`, `zvt-error-…`; `decline-no-code`).
    pub reason: &'static str,
    /// The partner's code as the cashier reads it out ("51", "Viva 10051", "ZVT 6E").
    pub code: Option<String>,
    /// The issuer's code Viva passed on beside its Event ID, and its reason.
    pub issuer_code: Option<String>,
    pub issuer_reason: Option<&'static str>,
    pub keep_card: bool,
    pub text: String,
}

/// Why an attempt was declined, in `lang` with its code; None unless it was declined.
pub fn decline_view(i18n: &quay_i18n::Localizer, lang: quay_i18n::Lang, p: &PaymentRecord) -> Option<DeclineView> {
    if p.state != PaymentState::Declined {
        return None;
    }
    if is_wallet(&p.terminal) {
        // A wallet's own codes, said in its words (`wallets::wallet_result`).
        let e = crate::wallets::wallet_result(p.clone(), false).err()?;
        return Some(DeclineView {
            reason: e.code,
            code: p.details.result_code.clone(),
            issuer_code: None,
            issuer_reason: None,
            keep_card: false,
            text: i18n.error(lang, &e),
        });
    }
    let d = decline_of(&p.details);
    Some(DeclineView {
        reason: d.code.as_ref().map_or("decline-no-code", |c| c.reason),
        code: d.code.as_ref().map(|c| c.shown()),
        issuer_code: d.issuer.as_ref().map(|c| c.code.clone()),
        issuer_reason: d.issuer.as_ref().map(|c| c.reason),
        keep_card: d.keep_card(),
        text: i18n.error(lang, &decline_error(&p.details)),
    })
}

impl Counter {
    /// One card attempt for `paying`, journaled before the terminal hears of it: the
    /// approved record, or the decline / unknown outcome / cancellation as an error.
    /// `vouchers` is what applied vouchers will pay when the sale closes.
    pub(crate) fn charge(
        &self,
        terminal: &dyn CardTerminal,
        paying: &PayingCart,
        vouchers: i64,
        amount: Option<Money>,
        taker: &str,
        on_status: &dyn Fn(&str),
    ) -> Result<PaymentRecord> {
        let total = paying.cart.totals()?.total;
        // Applied vouchers pay their part when the sale closes: the card pays the rest.
        let paid: i64 = paying.tenders.iter().map(|t| t.amount).sum::<i64>() + vouchers;
        let due = total.checked_sub(Money::new(paid, total.currency))?;
        let amount = amount.unwrap_or(due);
        if paying.cart.is_empty() {
            return Err(quay_core::CoreError::EmptyCart.into());
        }
        if amount.minor <= 0 || amount.minor > due.minor {
            return Err(AppError::new("err-card-amount", vec![("amount", Arg::Money(amount)), ("due", Arg::Money(due))]));
        }
        // A terminal can only tell about its last transaction: anything left open (by a
        // crash) is settled before the next charge, or that answer would be lost. A
        // wallet answers about any of its orders: only the sale's own attempts must be
        // settled first (the journal refuses a second one in flight).
        let blocking =
            |p: &PaymentRecord| if is_by_order(terminal.kind()) { p.sale_id == paying.sale_id } else { !is_by_order(&p.terminal) };
        if self.store().payments_unresolved()?.iter().any(blocking) {
            self.settle_open_payments(terminal)?;
            if let Some(open) = self.store().payments_unresolved()?.into_iter().find(blocking) {
                return Err(quay_core::payment::PaymentError::Unresolved { sale: open.sale_id.to_string() }.into());
            }
        }
        let at = self.now().to_rfc3339();
        let cart_json = serde_json::to_string(paying).map_err(AppError::internal)?;
        let sale_id = paying.sale_id;
        let order_id = |n: u32| terminal.order_id(sale_id, n, quay_core::payment::PaymentKind::Sale).unwrap_or_default();
        let named = terminal.order_id(sale_id, 1, quay_core::payment::PaymentKind::Sale).is_some();
        // 1. Journal first: the attempt exists on disk before the terminal hears of it.
        let p = self.store().begin_payment(&NewPayment {
            sale_id: paying.sale_id,
            terminal: terminal.kind(),
            kind: quay_core::payment::PaymentKind::Sale,
            amount: amount.minor,
            currency: total.currency.code(),
            at: &at,
            cart: Some(&cart_json),
            taken_by: Some(taker),
            order_id: named.then_some(&order_id as quay_store::OrderIdRule),
            refund_of: None,
        })?;
        crate::failpoint::pause("card.pending");
        self.store().payment_transition(&p.key, PaymentState::Sent, &CardDetails::default(), &self.now().to_rfc3339())?;
        crate::failpoint::pause("card.sent");
        tracing::info!(key = %p.key, amount = amount.minor, terminal = terminal.kind(), "card payment sent");
        // 2. The terminal, with no lock held.
        let on = |progress: Progress<'_>| match progress {
            Progress::Status(s) => on_status(s),
            Progress::Reference(r) => {
                if let Err(e) = self.store().payment_reference(&p.key, r, &self.now().to_rfc3339()) {
                    tracing::error!(key = %p.key, error = %e, "could not journal the provider's reference");
                }
            }
            Progress::Note(n) => {
                tracing::warn!(key = %p.key, note = n, "card payment");
                if let Err(e) = self.store().payment_note(&p.key, n, &self.now().to_rfc3339()) {
                    tracing::error!(key = %p.key, error = %e, "could not journal what happened to the payment");
                }
            }
            Progress::Qr { content, until } => self.show_qr(terminal.kind(), content, amount, until),
        };
        // This process answers for the attempt until its checkout closed (or not) with it:
        // settlers here leave it alone (`Charging` clears it when `pay_card` is done).
        *self.charging.lock().unwrap_or_else(|p| p.into_inner()) = Some(p.key.clone());
        let outcome = terminal.charge_attempt(&p, amount, &on);
        let gave_up = self.give_up.lock().unwrap_or_else(|p| p.into_inner()).take().is_some_and(|k| k == p.key);
        // 3. The outcome, journaled; the sale closes if the tenders now pay the total.
        let record = self.record_outcome(&p, outcome)?;
        crate::failpoint::pause("card.outcome");
        if is_wallet(terminal.kind()) {
            return crate::wallets::wallet_result(record, gave_up);
        }
        match record.state {
            PaymentState::Approved => Ok(record),
            PaymentState::Declined => Err(decline_error(&record.details)),
            PaymentState::Unknown => Err(AppError::new("err-card-unknown", vec![("key", Arg::Text(record.key))])),
            _ => Err(AppError::new("err-card-cancelled", vec![])),
        }
    }

    pub(crate) fn record_outcome(&self, p: &PaymentRecord, outcome: TerminalOutcome) -> Result<PaymentRecord> {
        let at = self.now().to_rfc3339();
        let (state, details) = outcome_state(outcome);
        // As the journal holds it now: another process may have asked the partner meanwhile.
        let now = self.store().payment(&p.key)?.unwrap_or_else(|| p.clone());
        if now.state == state {
            return Ok(now);
        }
        if now.state.is_final() {
            // Settled meanwhile (a callback, the background asking the wallet): what the
            // partner said then stands; this late answer is logged, never undoes it.
            tracing::warn!(key = %p.key, journal = now.state.as_str(), late = state.as_str(), "outcome after the attempt was settled");
            return Ok(now);
        }
        let r = self.store().payment_transition(&p.key, state, &details, &at)?;
        tracing::info!(key = %r.key, state = r.state.as_str(), code = ?r.details.result_code, "card payment outcome");
        Ok(r)
    }

    /// Settles, at start-up, every attempt whose outcome the counter does not know: never
    /// sent → cancelled; sent or unknown → asked of the terminal. An approval whose sale
    /// was not closed (a crash between the two writes) completes it from the journaled
    /// cart. Returns the attempts as settled. Asked by someone at the counter ("ask the
    /// terminal again"); start-up does the same as the counter's own work.
    pub fn resolve_payments(&self, who: &Who, terminal: &dyn CardTerminal) -> Result<Vec<PaymentRecord>> {
        self.allow(who, Action::RingSale)?;
        self.settle_open_payments(terminal)
    }

    /// `resolve_payments` on the configured terminal, opened only once `who` may ask it.
    pub fn ask_terminal_again(&self, who: &Who) -> Result<Vec<PaymentRecord>> {
        self.allow(who, Action::RingSale)?;
        let terminal = self.card_terminal_to_ask()?;
        self.settle_open_payments(terminal.as_ref())
    }

    pub(crate) fn settle_open_payments(&self, terminal: &dyn CardTerminal) -> Result<Vec<PaymentRecord>> {
        // Each attempt is asked of its own partner: a card terminal knows nothing of a
        // wallet's orders (those are settled by `settle_open_wallets`).
        let mine = |p: &PaymentRecord| if is_by_order(terminal.kind()) { p.terminal == terminal.kind() } else { !is_by_order(&p.terminal) };
        let open: Vec<PaymentRecord> = self.store().payments_unresolved()?.into_iter().filter(mine).collect();
        let mut out = self.complete_orphans(true)?;
        out.extend(self.settle_these(terminal, open)?);
        Ok(out)
    }

    /// Approved attempts whose sale was never written (a crash between the two writes)
    /// complete their sale from the journaled cart; the part of a split payment a
    /// checkout is still paying is handed back to an empty checkout (`Counter::cart_of`).
    /// `fresh_too` false (the background's schedule) leaves those approved in the last
    /// two minutes, or being charged here, to the process that may still be closing them.
    pub(crate) fn complete_orphans(&self, fresh_too: bool) -> Result<Vec<PaymentRecord>> {
        let _one = self.settling.lock().unwrap_or_else(|p| p.into_inner());
        let charging = self.charging.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let recent = self.now() - chrono::Duration::minutes(2);
        let fresh = |r: &PaymentRecord| {
            charging.as_deref() == Some(r.key.as_str()) || chrono::DateTime::parse_from_rfc3339(&r.updated_at).is_ok_and(|t| t > recent)
        };
        // Bound first: a guard in the loop's head would live through the loop.
        let orphans: Vec<PaymentRecord> =
            self.store().payments_approved_without_sale()?.into_iter().filter(|r| fresh_too || !fresh(r)).collect();
        for r in &orphans {
            self.complete_from_journal(r)?;
        }
        Ok(orphans)
    }

    /// Settles `open` (attempts of `terminal`) by asking it, after completing any approved
    /// attempt whose sale was never written. The attempt this process is charging right
    /// now is left to its own poll.
    pub(crate) fn settle_these(&self, terminal: &dyn CardTerminal, open: Vec<PaymentRecord>) -> Result<Vec<PaymentRecord>> {
        // One settler at a time in this process (start-up, the background, a callback,
        // someone asking): two would ask and write the same attempt.
        let _one = self.settling.lock().unwrap_or_else(|p| p.into_inner());
        let charging = self.charging.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let open: Vec<PaymentRecord> = open.into_iter().filter(|p| charging.as_deref() != Some(p.key.as_str())).collect();
        let mut out = Vec::new();
        for p in open {
            let outcome = match p.state {
                PaymentState::Pending => {
                    TerminalOutcome::Cancelled(CardDetails { message: Some("never sent".into()), ..Default::default() })
                }
                _ => match terminal.enquire(&p) {
                    // The terminal's last transaction is one the journal already gave to
                    // another attempt: ours came later and never ran there.
                    TerminalOutcome::Approved(d) | TerminalOutcome::Unknown(d) if self.already_attributed(&p, &d)? => {
                        TerminalOutcome::Cancelled(CardDetails {
                            message: Some("the terminal's last transaction belongs to an earlier payment".into()),
                            ..Default::default()
                        })
                    }
                    // Another transaction's receipt and trace are not this attempt's (a
                    // terminal's last transaction); a wallet's answer is about this order.
                    TerminalOutcome::Unknown(d) if !is_by_order(&p.terminal) => {
                        TerminalOutcome::Unknown(CardDetails { message: d.message, ..Default::default() })
                    }
                    other => other,
                },
            };
            // Written only if nobody moved the attempt since it was read (a charge in
            // another process sending it, a callback settling it).
            let (state, details) = outcome_state(outcome);
            let r = if p.state == state {
                p.clone()
            } else {
                match self.store().payment_transition_from(&p.key, p.state, state, &details, &self.now().to_rfc3339())? {
                    Some(r) => r,
                    None => {
                        tracing::info!(key = %p.key, "moved by another writer while being asked about: left as it is");
                        continue;
                    }
                }
            };
            if r.state == PaymentState::Approved && self.find_sale(r.sale_id).is_err() {
                self.complete_from_journal(&r)?;
            }
            out.push(r);
        }
        Ok(out)
    }

    /// A person settles an attempt the terminal cannot answer for, after looking at the
    /// terminal and its printout: `charged` completes the sale from the journal (like an
    /// approval found by asking), otherwise the attempt is cancelled. Only open attempts.
    /// `by` is who asks (at the screen: whoever is signed in; on the command line the
    /// manager), `approver` the manager whose PIN settles it.
    pub fn settle_payment(&self, by: &Who, approver: &Who, key: &str, charged: bool, reason: &str) -> Result<PaymentRecord> {
        self.allow(by, Action::ViewSales)?;
        self.allow(approver, Action::SettlePayment)?;
        let who = approver;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(AppError::new("err-reason-required", vec![]));
        }
        let p = self.store().payment(key)?.ok_or_else(|| AppError::new("err-payment-not-found", vec![("key", Arg::Text(key.into()))]))?;
        if p.state.is_final() {
            return Err(AppError::new(
                "err-payment-final",
                vec![("key", Arg::Text(key.into())), ("state", Arg::Text(p.state.as_str().into()))],
            ));
        }
        let details =
            CardDetails { message: Some(format!("settled by hand: {reason}")), result_source: Some("manual".into()), ..Default::default() };
        let at = self.now().to_rfc3339();
        // A pending attempt never reached the terminal: it can only be cancelled.
        // A wallet's order may still be paid until its deadline has passed: "not charged"
        // then would lose a payment that arrives (the wallet is asked meanwhile).
        if !charged && p.state != PaymentState::Pending && p.kind == quay_core::payment::PaymentKind::Sale && is_wallet(&p.terminal) {
            let deadline = self.setting(crate::keys::WALLET_QR_DEADLINE)?.and_then(|v| v.parse::<i64>().ok()).unwrap_or(180);
            let payable_until =
                chrono::DateTime::parse_from_rfc3339(&p.created_at).ok().map(|t| t + chrono::Duration::seconds(deadline + 70));
            if payable_until.is_none_or(|t| self.now() < t) {
                return Err(AppError::new("err-wallet-still-payable", vec![("key", Arg::Text(key.into()))]));
            }
        }
        let state = if charged && p.state != PaymentState::Pending { PaymentState::Approved } else { PaymentState::Cancelled };
        let r = self.store().payment_transition(key, state, &details, &at)?;
        self.audit(who, "payment.settle", key, Some(p.state.as_str().into()), Some(format!("{}: {reason}", r.state.as_str())))?;
        tracing::warn!(key, state = r.state.as_str(), by = %who.name(), "payment settled by hand");
        if r.state == PaymentState::Approved && self.find_sale(r.sale_id).is_err() {
            self.complete_from_journal(&r)?;
        }
        Ok(r)
    }

    /// An approved attempt whose sale is not on disk: closes the sale from the journaled
    /// cart when the approved tenders pay it all; part of a split payment hands the cart
    /// back, with what is already paid, for the next empty checkout (the screen). The sale records who took the card
    /// payment as its cashier (the counter's label for attempts journaled without one).
    pub(crate) fn complete_from_journal(&self, r: &PaymentRecord) -> Result<()> {
        let Some(paying) = r.cart.as_deref().and_then(|c| serde_json::from_str::<PayingCart>(c).ok()) else {
            return Ok(());
        };
        let mut tenders = paying.tenders.clone();
        tenders.push(tender_of(r));
        let total = paying.cart.totals()?.total.minor;
        if tenders.iter().map(|t| t.amount).sum::<i64>() == total {
            let cashier = r.taken_by.clone().unwrap_or_else(|| self.config().cashier.clone());
            let sale = self.close_with_id(&paying.cart, tenders, paying.sale_id, cashier)?;
            tracing::info!(receipt = %sale.receipt_no, key = %r.key, "sale completed after restart");
        } else {
            tracing::info!(key = %r.key, "part of a split payment: the cart waits for the screen");
            *self.recovered.lock().unwrap_or_else(|p| p.into_inner()) = Some(paying);
        }
        Ok(())
    }

    /// Whether an approval the terminal reports is already journaled for another attempt
    /// (same terminal receipt number and trace).
    fn already_attributed(&self, p: &PaymentRecord, d: &CardDetails) -> Result<bool> {
        if d.receipt_no.is_none() && d.trace.is_none() && d.provider_ref.is_none() {
            return Ok(false);
        }
        let day =
            chrono::NaiveDate::parse_from_str(p.created_at.get(..10).unwrap_or_default(), "%Y-%m-%d").unwrap_or_else(|_| self.today());
        let same = |o: &PaymentRecord| {
            o.key != p.key
                && o.state == PaymentState::Approved
                && o.terminal == p.terminal
                && o.details.receipt_no == d.receipt_no
                && o.details.trace == d.trace
                && o.details.provider_ref == d.provider_ref
        };
        let mut days = vec![day];
        if day != self.today() {
            days.push(self.today());
        }
        for day in days {
            if self.store().payments_on(day)?.iter().any(same) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Voids a sale paid (partly) by card: each approved card payment is first paid back
    /// through the journal (kind `refund`); only when every refund is approved is the void
    /// record written. A refused or unknown refund leaves the sale as it was. `by` voids
    /// it and gives the money back (journaled as who took each refund); `approver` is the
    /// manager whose PIN approved it.
    pub fn void_sale_refunding(&self, id: Uuid, reason: &str, terminal: &dyn CardTerminal, by: &Who, approver: &Who) -> Result<Sale> {
        // Approved first (the manager's PIN: a void, and money paid back), paid back second.
        let approval = self.approve_void(id, reason, by, approver)?;
        self.allow(approver, Action::ApproveRefund)?;
        for original in self.unrefunded(id)? {
            // Each payment goes back the way it came: the card terminal, or its wallet.
            let own;
            let terminal: &dyn CardTerminal = if original.terminal == terminal.kind() {
                terminal
            } else {
                own = self.payment_terminal(&original.terminal)?;
                own.as_ref()
            };
            self.pay_back(terminal, &original, &approval.cashier)?;
        }
        self.write_void(approval)
    }

    /// Approved payments of a sale not yet paid back: those a refund names (`refund_of`),
    /// and for refunds journaled before it was kept, as many as there are, oldest first.
    fn unrefunded(&self, id: Uuid) -> Result<Vec<PaymentRecord>> {
        use quay_core::payment::PaymentKind;
        let all = self.store().payments_of_sale(id)?;
        let legacy =
            all.iter().filter(|r| r.kind == PaymentKind::Refund && r.state == PaymentState::Approved && r.refund_of.is_none()).count();
        // A payment partly refunded (a manager's partial refund) still has the rest to go.
        Ok(all
            .iter()
            .filter(|p| p.kind == PaymentKind::Sale && p.state == PaymentState::Approved && refunded_of(&all, &p.key) < p.amount)
            .skip(legacy)
            .cloned()
            .collect())
    }

    /// Pays back all that is left of `original` (its amount less what was refunded of it
    /// already); see `pay_back_part`.
    pub(crate) fn pay_back(&self, terminal: &dyn CardTerminal, original: &PaymentRecord, by: &str) -> Result<PaymentRecord> {
        let left = original.amount - refunded_of(&self.store().payments_of_sale(original.sale_id)?, &original.key);
        self.pay_back_part(terminal, original, left, false, by)
    }

    /// Pays `amount` of `original` back through the journal (kind `refund`, naming it,
    /// with its own refund id), taken by `by`: approved, or the decline / unknown outcome
    /// as an error. `partial`: a manager's partial refund of a sale that stays closed (told
    /// apart from a void's refunds in the day's totals).
    pub(crate) fn pay_back_part(
        &self,
        terminal: &dyn CardTerminal,
        original: &PaymentRecord,
        amount: i64,
        partial: bool,
        by: &str,
    ) -> Result<PaymentRecord> {
        use quay_core::payment::PaymentKind;
        let at = self.now().to_rfc3339();
        let sale = original.sale_id;
        let order_id = |n: u32| terminal.order_id(sale, n, PaymentKind::Refund).unwrap_or_default();
        let named = terminal.order_id(sale, 1, PaymentKind::Refund).is_some();
        let r = self.store().begin_payment(&NewPayment {
            sale_id: sale,
            terminal: terminal.kind(),
            kind: PaymentKind::Refund,
            amount,
            currency: &original.currency,
            at: &at,
            cart: None,
            taken_by: Some(by),
            order_id: named.then_some(&order_id as quay_store::OrderIdRule),
            refund_of: Some(&original.key),
        })?;
        if partial {
            self.store().payment_mark_partial(&r.key)?;
        }
        self.store().payment_transition(&r.key, PaymentState::Sent, &CardDetails::default(), &self.now().to_rfc3339())?;
        let amount = Money::new(amount, self.config().currency);
        let outcome = terminal.refund_attempt(&r, original, amount, &|s| self.emit(crate::Event::TerminalStatus { text: s.to_string() }));
        let r = self.record_outcome(&r, outcome)?;
        match r.state {
            PaymentState::Approved => {
                tracing::info!(key = %r.key, "paid back");
                Ok(r)
            }
            PaymentState::Declined => Err(decline_error(&r.details)),
            PaymentState::Unknown if r.details.result_code.as_deref() == Some(crate::adapters::wallet::NO_REFUND_API) => {
                Err(AppError::new("err-wallet-refund-in-portal", vec![("key", Arg::Text(r.key))]))
            }
            PaymentState::Unknown => Err(AppError::new("err-card-unknown", vec![("key", Arg::Text(r.key))])),
            _ => Err(AppError::new("err-card-cancelled", vec![])),
        }
    }

    /// Voids a sale, paying card payments back first on the configured terminal. A cash
    /// sale needs no terminal. `by` voids it, `approver` approved it (see `void_sale`).
    pub fn void_paying_back(&self, id: Uuid, reason: &str, by: &Who, approver: &Who) -> Result<Sale> {
        self.approve_void(id, reason, by, approver)?;
        let card_paid = self
            .store()
            .payments_of_sale(id)?
            .iter()
            .any(|p| p.kind == quay_core::payment::PaymentKind::Sale && p.state == PaymentState::Approved);
        if card_paid {
            // Money goes back: approved as such before the terminal is opened.
            self.allow(approver, Action::ApproveRefund)?;
            // Everything already paid back (a refund settled by hand after the wallet's
            // portal, a void interrupted after its refunds): no partner is asked again.
            let Some(first) = self.unrefunded(id)?.into_iter().next() else {
                return self.void_sale(id, reason, by, approver);
            };
            let terminal = self.payment_terminal(&first.terminal)?;
            self.void_sale_refunding(id, reason, terminal.as_ref(), by, approver)
        } else {
            self.void_sale(id, reason, by, approver)
        }
    }

    pub fn payments_on(&self, who: &Who, day: chrono::NaiveDate) -> Result<Vec<PaymentRecord>> {
        self.allow(who, Action::ViewSales)?;
        Ok(self.store().payments_on(day)?)
    }

    /// Why an attempt was declined, in the counter's language with its code; None unless
    /// it was declined.
    pub fn decline_view(&self, p: &PaymentRecord) -> Option<DeclineView> {
        decline_view(self.i18n(), self.lang(), p)
    }

    /// What happened to an attempt, state by state (the append-only journal).
    pub fn payment_log(&self, who: &Who, key: &str) -> Result<Vec<PaymentEvent>> {
        self.allow(who, Action::ViewSales)?;
        Ok(self
            .store()
            .payment_log(key)?
            .into_iter()
            .map(|(at, state, detail)| PaymentEvent { at, state, detail: detail.and_then(|d| serde_json::from_str(&d).ok()) })
            .collect())
    }
}

/// Clears the attempt this process is charging when dropped: at the end of `pay_card`,
/// once the sale closed with it (or the outcome was refused), whatever path returns.
pub(crate) struct Charging<'a>(pub(crate) &'a Counter);

impl Drop for Charging<'_> {
    fn drop(&mut self) {
        *self.0.charging.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }
}

/// What was paid back of payment `key` (approved refunds naming it).
pub(crate) fn refunded_of(all: &[PaymentRecord], key: &str) -> i64 {
    refunds_of(all, key, |s| s == PaymentState::Approved)
}

/// What was paid back of payment `key` or may be being paid back (a refund not known to
/// have failed may have moved money): what a new partial refund must leave room for.
pub(crate) fn refunding_of(all: &[PaymentRecord], key: &str) -> i64 {
    refunds_of(all, key, |s| !matches!(s, PaymentState::Declined | PaymentState::Cancelled))
}

fn refunds_of(all: &[PaymentRecord], key: &str, counts: impl Fn(PaymentState) -> bool) -> i64 {
    all.iter()
        .filter(|r| r.kind == quay_core::payment::PaymentKind::Refund && r.refund_of.as_deref() == Some(key) && counts(r.state))
        .map(|r| r.amount)
        .sum()
}

/// Whether a journal's `terminal` is a wallet (MoMo, ZaloPay, VNPAY) rather than a card terminal.
pub fn is_wallet(terminal: &str) -> bool {
    quay_pay::wallet::Wallet::parse(terminal).is_some()
}

/// A bank's virtual POS (`vpos:<definition>`).
pub fn is_vpos(terminal: &str) -> bool {
    terminal.starts_with(crate::vpos::TERMINAL_PREFIX)
}

/// A partner that answers about any of its orders by id (wallets, virtual POS), unlike a
/// card terminal, which can only tell about its last transaction.
pub fn is_by_order(terminal: &str) -> bool {
    is_wallet(terminal) || is_vpos(terminal)
}

/// A card attempt whose outcome is not known, as the face shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OpenPayment {
    pub key: String,
    pub amount: crate::views::MoneyView,
    pub state: &'static str,
    pub terminal: String,
    pub started_at: String,
    pub message: Option<String>,
    /// A wallet payment that arrived after the cashier gave up, for a sale that closed
    /// another way: a manager refunds it (`refund_unused`), nothing is settled by hand.
    pub refund: bool,
}

impl Counter {
    /// Attempts still open (pending, sent or unknown), oldest first, then wallet payments
    /// paid but not used (state `paid_unused`), waiting for a refund.
    pub fn open_payments(&self, who: &Who) -> Result<Vec<OpenPayment>> {
        self.allow(who, Action::ViewSales)?;
        let lang = self.lang();
        let open = self.store().payments_unresolved()?;
        let unused = self.store().payments_paid_unused()?;
        let view = |p: PaymentRecord, refund: bool| OpenPayment {
            amount: crate::views::money(self.i18n(), lang, Money::new(p.amount, self.config().currency)),
            state: if refund { "paid_unused" } else { p.state.as_str() },
            terminal: p.terminal.clone(),
            started_at: p.created_at.clone(),
            message: p.details.message.clone(),
            key: p.key,
            refund,
        };
        Ok(open.into_iter().map(|p| view(p, false)).chain(unused.into_iter().map(|p| view(p, true))).collect())
    }

    /// Asks again about every open attempt: each wallet about its orders, and the card
    /// terminal (when one is configured) about its last transaction. Never charges.
    pub fn ask_again(&self, who: &Who) -> Result<Vec<PaymentRecord>> {
        self.allow(who, Action::RingSale)?;
        let mut settled = self.settle_open_wallets()?;
        settled.extend(self.settle_open_vpos()?);
        let cards_open = self.store().payments_unresolved()?.iter().any(|p| !is_by_order(&p.terminal));
        if cards_open || self.setting(crate::keys::TERMINAL_KIND)?.is_some() {
            settled.extend(self.ask_terminal_again(who)?);
        }
        Ok(settled)
    }
}

/// One line of an attempt's journal.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PaymentEvent {
    pub at: String,
    pub state: String,
    pub detail: Option<serde_json::Value>,
}
