//! Taking a payment with a virtual POS, through the payment journal like cards and
//! wallets: the attempt and its merchant order id are on disk before the bank hears of
//! it; a lost answer is settled by asking about that order id, never by a second
//! authorization; a same-day cancel is a void, a later one a refund (the bank's batch
//! decides, and the bank's refusal of the other is followed).
//!
//! A payment pays the sale on the register (`use_sale`: it goes through `pay_card`, so
//! the sale closes when the tenders pay its total) or stands alone as a collection — a
//! deposit or a phone order paid in advance — under a reference, with the customer's
//! phone and a note. The card number and CVV live only in zeroized buffers for the one
//! call; only the masked number and the brand are kept.

use chrono::NaiveDate;
use quay_core::auth::Action;
use quay_core::error::Arg;
use quay_core::payment::{PaymentKind, PaymentState};
use quay_core::Money;
use quay_pay::vpos::{self, CardEntry};
use quay_store::vpos::{insert_extra, VposExtra};
use quay_store::{CardDetails, NewPayment, PaymentRecord};
use serde::Serialize;
use uuid::Uuid;
use zeroize::Zeroizing;

use super::{definition_of, terminal_of, vpos_error};
use crate::adapters::vpos::{LinkPlan, VposTerminal};
use crate::card::CardTerminal;
use crate::checkout::Checkout;
use crate::views::MoneyView;
use crate::{keys, AppError, Counter, Result, Who};

/// The card as typed: number, MM/YY and CVV, each zeroized when dropped.
pub struct CardInput {
    pub number: Zeroizing<String>,
    pub expiry: Zeroizing<String>,
    pub cvv: Zeroizing<String>,
}

impl std::fmt::Debug for CardInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CardInput(<redacted>)")
    }
}

/// What the payment is for.
#[derive(Debug, Clone, Default)]
pub struct Purpose {
    /// Pay the sale on the register (the amount defaults to what is due).
    pub use_sale: bool,
    /// Typed amount (major units); required for a collection.
    pub amount: Option<String>,
    /// The order, deposit or catering reference (the sale's id when paying the sale).
    pub reference: String,
    pub phone: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug)]
pub struct MotoInput {
    pub name: String,
    pub purpose: Purpose,
    pub card: CardInput,
}

#[derive(Debug, Clone)]
pub struct LinkInput {
    pub name: String,
    pub purpose: Purpose,
}

/// The payment link, once the bank gave it: shown as text and QR (also on the customer
/// display when it pays the register's sale).
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    pub order_id: String,
    pub url: String,
    pub qr_svg: String,
    pub expires_at: String,
}

/// One virtual POS transaction as the log, the screen and `quay vpos log` show it.
#[derive(Debug, Clone, Serialize)]
pub struct VposPaymentView {
    pub key: String,
    pub order_id: Option<String>,
    pub definition: String,
    /// `sale`, `void` or `refund`.
    pub kind: String,
    /// `moto`, `link`, `void`, `refund`.
    pub channel: String,
    pub state: String,
    pub amount: MoneyView,
    /// The bank's return code as given ("00", "51", "99").
    pub code: Option<String>,
    /// The bank's own error code (NestPay ERRORCODE: "CORE-2508", "ISO8583-51").
    pub error_code: Option<String>,
    /// The outcome in the counter's language, with the code.
    pub message: String,
    pub masked_pan: Option<String>,
    pub brand: Option<String>,
    pub auth_code: Option<String>,
    pub reference: String,
    pub phone: Option<String>,
    pub note: Option<String>,
    pub taken_by: Option<String>,
    pub at: String,
    pub sale_id: String,
    /// Whether it paid a sale rung at the counter (else a collection).
    pub for_sale: bool,
    pub link: Option<String>,
    pub md_status: Option<String>,
    /// A sale payment: voided or refunded (in part), from the journal's refunds of it.
    pub voided: bool,
    pub refunded: Option<MoneyView>,
}

const REFERENCE_MAX: usize = 64;
const NOTE_MAX: usize = 140;

/// A phone number as a person types it: `+`, digits, spaces, dashes, dots, brackets;
/// 6–15 digits (E.164's longest).
pub fn check_phone(phone: &str) -> Result<String> {
    let p = phone.trim();
    let digits = p.chars().filter(char::is_ascii_digit).count();
    let chars_ok = p.chars().enumerate().all(|(i, c)| c.is_ascii_digit() || " -.()".contains(c) || (c == '+' && i == 0));
    if !chars_ok || !(6..=15).contains(&digits) {
        return Err(AppError::new("err-vpos-phone", vec![("phone", Arg::Text(p.into()))]));
    }
    Ok(p.to_string())
}

impl Counter {
    /// Checks the purpose and returns (amount, reference, phone, note). Nothing is recorded.
    fn vpos_purpose(&self, co: Option<&Checkout>, p: &Purpose) -> Result<(Option<Money>, String, Option<String>, Option<String>)> {
        let amount = match p.amount.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
            Some(a) => {
                let m = self.parse_amount(a)?;
                if m.minor <= 0 {
                    return Err(AppError::new("err-vpos-amount", vec![("amount", Arg::Text(a.into()))]));
                }
                Some(m)
            }
            None if p.use_sale => None,
            None => return Err(AppError::new("err-vpos-amount", vec![("amount", Arg::Text(String::new()))])),
        };
        if p.use_sale && co.is_none() {
            return Err(AppError::new("err-vpos-no-sale", vec![]));
        }
        let reference = p.reference.trim().to_string();
        if !p.use_sale && reference.is_empty() {
            return Err(AppError::new("err-vpos-reference", vec![("max", Arg::Int(REFERENCE_MAX as i64))]));
        }
        if reference.chars().count() > REFERENCE_MAX || reference.chars().any(char::is_control) {
            return Err(AppError::new("err-vpos-reference", vec![("max", Arg::Int(REFERENCE_MAX as i64))]));
        }
        let phone = p.phone.as_deref().filter(|s| !s.trim().is_empty()).map(check_phone).transpose()?;
        let note = p.note.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
        if note.as_ref().is_some_and(|n| n.chars().count() > NOTE_MAX) {
            return Err(AppError::new("err-note-too-long", vec![("max", Arg::Int(NOTE_MAX as i64))]));
        }
        Ok((amount, reference, phone, note))
    }

    /// A phone order (MOTO, no 3-D): the card typed by the cashier is checked (Luhn,
    /// length, brand, expiry, CVV) before anything is recorded, sent once, and dropped.
    pub fn vpos_moto(&self, who: &Who, co: Option<&Checkout>, input: MotoInput) -> Result<VposPaymentView> {
        self.allow(who, Action::RingSale)?;
        let MotoInput { name, purpose, card } = input;
        let (amount, reference, phone, note) = self.vpos_purpose(co, &purpose)?;
        let (row, client) = self.vpos_client(&name)?;
        if row.three_d == "required" {
            return Err(AppError::new("err-vpos-3d-required", vec![("name", Arg::Text(name))]));
        }
        let entry = CardEntry::parse(&card.number, &card.expiry, Some(card.cvv.as_str()).filter(|c| !c.is_empty()), self.today())
            .map_err(vpos_error)?;
        drop(card);
        let extra = VposExtra { definition: name.clone(), channel: "moto".into(), reference, phone, note, ..Default::default() };
        let terminal = VposTerminal::new(self, &name, client, extra).with_card(entry);
        self.vpos_run(who, co, &terminal, purpose.use_sale, amount)
    }

    /// A 3-D payment link: the bank's hosted page, where the customer types the card on
    /// their own phone. `on_link` gets the link as soon as it is journaled; this waits for
    /// the outcome (the bank's callback wakes it, else it asks every 3 s) until the page
    /// expires.
    pub fn vpos_link(
        &self,
        who: &Who,
        co: Option<&Checkout>,
        input: LinkInput,
        on_link: &(dyn Fn(&LinkView) + Sync),
    ) -> Result<VposPaymentView> {
        self.allow(who, Action::RingSale)?;
        let (amount, reference, phone, note) = self.vpos_purpose(co, &input.purpose)?;
        let (row, client) = self.vpos_client(&input.name)?;
        if !client.gateway().kind.supports_link() || row.gate_url.is_none() {
            return Err(AppError::new("err-vpos-link-unsupported", vec![("name", Arg::Text(input.name.clone()))]));
        }
        let base = self
            .setting(keys::VPOS_RETURN_URL)?
            .filter(|u| !u.trim().is_empty())
            .ok_or_else(|| AppError::new("err-vpos-no-return-url", vec![("key", Arg::Text(keys::VPOS_RETURN_URL.into()))]))?;
        let base = base.trim_end_matches('/').to_string();
        let plan = LinkPlan {
            ok_url: format!("{base}/vpos/ok"),
            fail_url: format!("{base}/vpos/fail"),
            callback_url: self.setting(keys::VPOS_CALLBACK_LISTEN)?.filter(|l| !l.is_empty()).map(|_| format!("{base}/vpos/callback")),
            lang: if matches!(self.lang(), quay_i18n::Lang::En) { "en" } else { "tr" }.into(),
            on_link,
        };
        let extra = VposExtra { definition: input.name.clone(), channel: "link".into(), reference, phone, note, ..Default::default() };
        let terminal = VposTerminal::new(self, &input.name, client, extra).with_link(plan);
        self.vpos_run(who, co, &terminal, input.purpose.use_sale, amount)
    }

    /// Journal → sent → the bank → outcome, for the register's sale (`pay_card`) or for a
    /// collection (its own sale id, no cart: nothing to complete after a crash).
    fn vpos_run(
        &self,
        who: &Who,
        co: Option<&Checkout>,
        terminal: &VposTerminal<'_>,
        use_sale: bool,
        amount: Option<Money>,
    ) -> Result<VposPaymentView> {
        let record = if use_sale {
            let co = co.ok_or_else(|| AppError::new("err-vpos-no-sale", vec![]))?;
            let paid = self.pay_card(co, who, terminal, amount, &|_| {});
            // A link's QR is gone from the customer display whatever happened.
            if self.shown.lock().unwrap_or_else(|p| p.into_inner()).take().is_some() {
                self.emit(crate::Event::CheckoutChanged);
            }
            match paid {
                Ok(r) => self.store().payment(&r.key)?.ok_or_else(|| AppError::internal("payment vanished"))?,
                Err(e) => return Err(self.vpos_failure(terminal, e)),
            }
        } else {
            let amount = amount.ok_or_else(|| AppError::new("err-vpos-amount", vec![("amount", Arg::Text(String::new()))]))?;
            self.vpos_collect(who, terminal, amount)?
        };
        let view = self.vpos_view(&record)?;
        match record.state {
            PaymentState::Approved => Ok(view),
            // Refused before the bank acted: said in full (the journal keeps its code).
            PaymentState::Cancelled => Err(terminal.take_error().unwrap_or_else(|| self.vpos_outcome_error(&record))),
            _ => Err(self.vpos_outcome_error(&record)),
        }
    }

    fn vpos_collect(&self, who: &Who, terminal: &VposTerminal<'_>, amount: Money) -> Result<PaymentRecord> {
        // The same collection again while its last attempt's answer is unknown would be a
        // second charge under a new order id: the bank is asked first.
        let open = |c: &Counter| -> Result<Option<PaymentRecord>> {
            let reference = &terminal.extra().reference;
            let mine: Vec<PaymentRecord> =
                c.store().payments_unresolved()?.into_iter().filter(|p| p.terminal == terminal.kind() && p.cart.is_none()).collect();
            for p in mine {
                let same = c.store().vpos_extra(&p.key)?.is_some_and(|x| &x.reference == reference);
                if same {
                    return Ok(Some(p));
                }
            }
            Ok(None)
        };
        if let Some(before) = open(self)? {
            self.settle_vpos(true)?;
            // The lost answer was an approval: this collection is paid already.
            let now = self.store().payment(&before.key)?;
            if let Some(paid) = now.filter(|p| p.state == PaymentState::Approved) {
                return Err(AppError::new(
                    "err-vpos-reference-paid",
                    vec![
                        ("order", Arg::Text(paid.order_id.unwrap_or_default())),
                        ("reference", Arg::Text(terminal.extra().reference.clone())),
                    ],
                ));
            }
            if let Some(p) = open(self)? {
                return Err(AppError::new(
                    "err-vpos-reference-open",
                    vec![
                        ("order", Arg::Text(p.order_id.unwrap_or_default())),
                        ("reference", Arg::Text(terminal.extra().reference.clone())),
                    ],
                ));
            }
        }
        let sale_id = Uuid::new_v4();
        let at = self.now().to_rfc3339();
        let taker = self.cashier_name(who);
        let order_id = |n: u32| vpos::order_id(sale_id, n);
        let kind = terminal.kind().to_string();
        let p = self.store().begin_payment_with(
            &NewPayment {
                sale_id,
                terminal: &kind,
                kind: PaymentKind::Sale,
                amount: amount.minor,
                currency: amount.currency.code(),
                at: &at,
                cart: None,
                taken_by: Some(&taker),
                order_id: Some(&order_id as quay_store::OrderIdRule),
                refund_of: None,
            },
            |tx, key| insert_extra(tx, key, terminal.extra()),
        )?;
        // Settlers (the background, another screen) leave it to this call while it runs.
        let _sending = self.vpos_sending(&p.key);
        crate::failpoint::pause("vpos.pending");
        self.store().payment_transition(&p.key, PaymentState::Sent, &CardDetails::default(), &self.now().to_rfc3339())?;
        crate::failpoint::pause("vpos.sent");
        tracing::info!(key = %p.key, order_id = ?p.order_id, amount = amount.minor, terminal = %kind, "virtual POS payment sent");
        let outcome = terminal.charge_attempt(&p, amount, &|_| {});
        let r = self.record_outcome(&p, outcome)?;
        crate::failpoint::pause("vpos.outcome");
        Ok(r)
    }

    /// An error of `pay_card` for a virtual POS payment, said in the bank's words.
    fn vpos_failure(&self, terminal: &VposTerminal<'_>, e: AppError) -> AppError {
        let last = terminal.last_key().and_then(|k| self.store().payment(&k).ok().flatten());
        if last.as_ref().is_some_and(|r| r.state == PaymentState::Cancelled) {
            if let Some(full) = terminal.take_error() {
                return full;
            }
        }
        if last.as_ref().is_some_and(|r| r.given_up_at.is_some() && !r.state.is_final()) {
            return self.vpos_outcome_error(last.as_ref().expect("checked"));
        }
        match last {
            Some(r) if !matches!(r.state, PaymentState::Approved | PaymentState::Pending | PaymentState::Sent) => {
                self.vpos_outcome_error(&r)
            }
            _ => e,
        }
    }

    /// Why an attempt did not pay: the bank's reason with its code, a lost answer, or
    /// what stopped it being sent.
    pub(crate) fn vpos_outcome_error(&self, r: &PaymentRecord) -> AppError {
        let extra = self.store().vpos_extra(&r.key).ok().flatten().unwrap_or_default();
        let d = &r.details;
        let order = Arg::Text(r.order_id.clone().unwrap_or_default());
        // What the counter itself journaled as the reason (`code:<id>`).
        let own = d.message.as_deref().and_then(|m| m.strip_prefix("code:"));
        match r.state {
            PaymentState::Declined => {
                if let Some(code) = own {
                    return AppError::new(
                        crate::adapters::vpos::known_code(code),
                        vec![("order", order), ("code", Arg::Text(code.into()))],
                    );
                }
                if let Some(md) = extra.md_status.filter(|m| !matches!(m.as_str(), "1" | "2" | "3" | "4")) {
                    return AppError::new("err-vpos-3d-failed", vec![("md", Arg::Text(md)), ("order", order)]);
                }
                let reason = vpos::codes::reason(d.result_code.as_deref().unwrap_or(""), extra.error_code.as_deref(), d.message.as_deref());
                let shown = match (&d.result_code, &extra.error_code) {
                    (Some(c), Some(e)) => format!("{c} {e}"),
                    (Some(c), None) => c.clone(),
                    (None, Some(e)) => e.clone(),
                    (None, None) => "—".into(),
                };
                AppError::new(reason, vec![("code", Arg::Text(shown)), ("order", order)])
            }
            PaymentState::Unknown | PaymentState::Sent if r.given_up_at.is_some() => {
                AppError::new("err-vpos-given-up", vec![("order", order)])
            }
            // Never "try again": the bank may have charged; it is asked first.
            PaymentState::Unknown | PaymentState::Sent | PaymentState::Pending => AppError::new("err-vpos-unknown", vec![("order", order)]),
            _ => match own {
                Some(code) => {
                    AppError::new(crate::adapters::vpos::known_code(code), vec![("order", order), ("code", Arg::Text(code.into()))])
                }
                None => AppError::new("err-vpos-cancelled", vec![("order", order)]),
            },
        }
    }

    /// The cashier stops waiting for the payment link of the register's sale (the
    /// customer left, or will pay another way). The order stays watched: a payment that
    /// arrives later completes the sale if it is still open, or waits for a manager to
    /// refund it (`paid_unused`); until the page has expired no new link starts for it.
    pub fn vpos_give_up(&self, who: &Who) -> Result<()> {
        self.allow(who, Action::RingSale)?;
        let key = self.charging.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let running = key.and_then(|k| self.store().payment(&k).ok().flatten()).filter(|p| crate::card::is_vpos(&p.terminal));
        // Only a link waits on the customer; a phone payment's answer is the bank's to give.
        let running = running.filter(|p| self.store().vpos_extra(&p.key).ok().flatten().is_some_and(|x| x.channel == "link"));
        let Some(p) = running else {
            return Err(AppError::new("err-wallet-nothing-running", vec![]));
        };
        self.store().payment_give_up(&p.key, &self.now().to_rfc3339())?;
        *self.give_up.lock().unwrap_or_else(|g| g.into_inner()) = Some(p.key.clone());
        if let Some(order) = &p.order_id {
            self.vpos_hint(order);
        }
        tracing::info!(key = %p.key, "the cashier stopped waiting for a payment link");
        Ok(())
    }

    /// A virtual POS payment by its order id (the link's status, the screen's refresh).
    pub fn vpos_payment(&self, who: &Who, order_id: &str) -> Result<VposPaymentView> {
        self.allow(who, Action::RingSale)?;
        let r = self.vpos_by_order(order_id)?;
        self.vpos_view(&r)
    }

    fn vpos_by_order(&self, order_id: &str) -> Result<PaymentRecord> {
        let order_id = order_id.trim();
        let found = {
            let store = self.store();
            let mut found = None;
            for d in store.vpos_definitions()?.iter().map(|d| terminal_of(&d.name)) {
                if let Some(p) = store.payment_by_order(&d, order_id)? {
                    found = Some(p);
                    break;
                }
            }
            found
        };
        // A removed definition's payments are still found by their order id.
        let found = match found {
            Some(p) => Some(p),
            None => self.store().payment_by_any_order(order_id)?.filter(|p| crate::card::is_vpos(&p.terminal)),
        };
        found.ok_or_else(|| AppError::new("err-vpos-order-not-found", vec![("order", Arg::Text(order_id.into()))]))
    }

    /// Cancels a collection: a void while the bank's batch is open, a refund after it
    /// closed — the bank's own state decides, asked first (TRANS_STAT). A sale's payment
    /// is cancelled by voiding the sale (its money goes back the same way).
    pub fn vpos_cancel(&self, who: &Who, order_id: &str) -> Result<VposPaymentView> {
        self.allow(who, Action::ApproveRefund)?;
        let original = self.vpos_by_order(order_id)?;
        if original.kind != PaymentKind::Sale || original.state != PaymentState::Approved {
            return Err(AppError::new(
                "err-vpos-not-cancellable",
                vec![("order", Arg::Text(order_id.into())), ("state", Arg::Text(original.state.as_str().into()))],
            ));
        }
        if original.cart.is_some() {
            return Err(AppError::new("err-vpos-void-the-sale", vec![("order", Arg::Text(order_id.into()))]));
        }
        let all = self.store().payments_of_sale(original.sale_id)?;
        let given_back: i64 = all
            .iter()
            .filter(|r| r.refund_of.as_deref() == Some(original.key.as_str()) && r.state == PaymentState::Approved)
            .map(|r| r.amount)
            .sum();
        if given_back >= original.amount {
            return Err(AppError::new("err-vpos-nothing-to-cancel", vec![("order", Arg::Text(order_id.into()))]));
        }
        // A cancel whose answer is not known yet is asked about first, never sent again.
        if let Some(open) = all.iter().find(|r| r.refund_of.as_deref() == Some(original.key.as_str()) && !r.state.is_final()) {
            return Err(AppError::new(
                "err-vpos-open-payments",
                vec![("name", Arg::Text(original.terminal.clone())), ("key", Arg::Text(open.key.clone()))],
            ));
        }
        let name = definition_of(&original.terminal).unwrap_or_default().to_string();
        let (_, client) = self.vpos_client(&name)?;
        let extra = VposExtra { definition: name.clone(), channel: "refund".into(), reference: String::new(), ..Default::default() };
        let terminal = VposTerminal::new(self, &name, client, extra);
        let by = self.cashier_name(who);
        match self.pay_back(&terminal, &original, &by) {
            Ok(r) => {
                // Bound first: a store guard in the call's arguments would outlive into `audit`.
                let channel = self.store().vpos_extra(&r.key)?.map(|x| x.channel).unwrap_or_default();
                self.audit(who, "vpos.cancel", order_id, None, Some(channel))?;
                self.vpos_view(&r)
            }
            Err(e) => Err(self.vpos_failure(&terminal, e)),
        }
    }

    /// Asks the bank about every virtual POS attempt whose answer was lost. Never charges.
    pub fn vpos_resolve(&self, who: &Who) -> Result<Vec<VposPaymentView>> {
        self.allow(who, Action::RingSale)?;
        let settled = self.settle_vpos(true)?;
        settled.iter().map(|r| self.vpos_view(r)).collect()
    }

    /// Settles open virtual POS attempts by asking each definition's bank about its order
    /// ids (start-up, the background, `vpos resolve`). A definition that cannot be reached
    /// leaves its attempts as they are.
    pub(crate) fn settle_open_vpos(&self) -> Result<Vec<PaymentRecord>> {
        self.settle_vpos(false)
    }

    /// `asked`: a person asks now — attempts still being sent are asked too (their "not
    /// found" stays unknown); the schedule leaves those to their sender.
    fn settle_vpos(&self, asked: bool) -> Result<Vec<PaymentRecord>> {
        let now = self.now();
        // A payment page still open is the customer's to pay: its own wait asks about it.
        let page_open = |p: &PaymentRecord| {
            self.store()
                .vpos_extra(&p.key)
                .ok()
                .flatten()
                .and_then(|x| x.link_expires_at)
                .and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok())
                .is_some_and(|t| now < t + chrono::Duration::seconds(crate::adapters::vpos::PAGE_GRACE_S))
        };
        let candidates: Vec<PaymentRecord> =
            self.store().payments_unresolved()?.into_iter().filter(|p| crate::card::is_vpos(&p.terminal)).collect();
        // Unless the cashier stopped waiting for it: then nobody else asks. An attempt
        // still being sent (here, or lately by another process) is left to its sender.
        let open: Vec<PaymentRecord> =
            candidates.into_iter().filter(|p| (p.given_up_at.is_some() || !page_open(p)) && (asked || !self.vpos_in_flight(p))).collect();
        let mut names: Vec<String> = open.iter().filter_map(|p| definition_of(&p.terminal).map(str::to_string)).collect();
        names.sort();
        names.dedup();
        let mut out = Vec::new();
        for name in names {
            let client = match self.vpos_client(&name) {
                Ok((_, c)) => c,
                Err(e) => {
                    tracing::warn!(definition = %name, error = %e.detail, "virtual POS: cannot ask the bank");
                    continue;
                }
            };
            let extra = VposExtra { definition: name.clone(), ..Default::default() };
            let terminal = VposTerminal::new(self, &name, client, extra);
            let terminal_name = terminal_of(&name);
            let mine: Vec<PaymentRecord> = open.iter().filter(|p| p.terminal == terminal_name).cloned().collect();
            out.extend(self.settle_these(&terminal, mine)?);
        }
        Ok(out)
    }

    /// The log: every virtual POS transaction of a day (approved, declined, open), newest last.
    pub fn vpos_log(&self, who: &Who, day: Option<NaiveDate>) -> Result<Vec<VposPaymentView>> {
        self.allow(who, Action::ViewSales)?;
        let day = day.unwrap_or_else(|| self.today());
        let rows: Vec<PaymentRecord> = self.store().payments_on(day)?.into_iter().filter(|p| crate::card::is_vpos(&p.terminal)).collect();
        rows.iter().map(|r| self.vpos_view(r)).collect()
    }

    pub(crate) fn vpos_view(&self, r: &PaymentRecord) -> Result<VposPaymentView> {
        let extra = self.store().vpos_extra(&r.key)?.unwrap_or_else(|| VposExtra {
            definition: definition_of(&r.terminal).unwrap_or_default().into(),
            channel: if r.kind == PaymentKind::Sale { "moto" } else { "refund" }.into(),
            ..Default::default()
        });
        let currency = r.currency.parse().unwrap_or(self.config().currency);
        let i18n = self.i18n();
        let lang = self.lang();
        let page_open =
            extra.link_expires_at.as_deref().and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok()).filter(|t| self.now() < *t);
        let message = match r.state {
            // A payment page still open: the customer may be paying it now.
            PaymentState::Pending | PaymentState::Sent | PaymentState::Unknown if page_open.is_some() && r.given_up_at.is_none() => {
                let until = page_open.map(|t| i18n.formatter(lang).date_time(t)).unwrap_or_default();
                i18n.t(lang, "vpos-link-waiting", &[("until", Arg::Text(until))])
            }
            PaymentState::Approved => i18n.t(
                lang,
                "vpos-approved",
                &[
                    ("code", Arg::Text(r.details.result_code.clone().unwrap_or_else(|| "00".into()))),
                    ("auth", Arg::Text(r.details.auth_code.clone().unwrap_or_default())),
                ],
            ),
            _ => i18n.error(lang, &self.vpos_outcome_error(r)),
        };
        let (voided, refunded) = if r.kind == PaymentKind::Sale {
            let all = self.store().payments_of_sale(r.sale_id)?;
            let back: Vec<&PaymentRecord> =
                all.iter().filter(|x| x.refund_of.as_deref() == Some(&r.key) && x.state == PaymentState::Approved).collect();
            let mut voided = false;
            let mut sum = 0;
            for b in &back {
                sum += b.amount;
                if self.store().vpos_extra(&b.key)?.is_some_and(|x| x.channel == "void") {
                    voided = true;
                }
            }
            (voided, (sum > 0).then(|| crate::views::money(i18n, lang, Money::new(sum, currency))))
        } else {
            (extra.channel == "void", None)
        };
        Ok(VposPaymentView {
            key: r.key.clone(),
            order_id: r.order_id.clone(),
            definition: extra.definition,
            kind: if r.kind == PaymentKind::Sale { "sale".into() } else { extra.channel.clone() },
            channel: extra.channel,
            state: r.state.as_str().into(),
            amount: crate::views::money(i18n, lang, Money::new(r.amount, currency)),
            code: r.details.result_code.clone(),
            error_code: extra.error_code,
            message,
            masked_pan: r.details.masked_pan.clone().or(extra.masked_pan),
            brand: r.details.brand.clone().or(extra.brand),
            auth_code: r.details.auth_code.clone(),
            reference: extra.reference,
            phone: extra.phone,
            note: extra.note,
            taken_by: r.taken_by.clone(),
            at: r.created_at.clone(),
            sale_id: r.sale_id.to_string(),
            for_sale: r.cart.is_some(),
            link: extra.link,
            md_status: extra.md_status,
            voided,
            refunded,
        })
    }
}
