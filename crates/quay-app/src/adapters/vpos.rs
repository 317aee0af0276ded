//! A bank's virtual POS behind `CardTerminal`, so the journal, the checkout's closing
//! path, start-up resolution and voids treat it like any card: `charge_attempt` sends a
//! MOTO authorization (the card handed over for that one call) or opens a 3-D payment
//! link and waits for its outcome; `enquire` asks the bank about the attempt's order id;
//! `refund_attempt` voids or refunds as the bank's batch state says.

use std::sync::Mutex;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use quay_core::error::Localized;
use quay_core::payment::PaymentKind;
use quay_core::Money;
use quay_pay::vpos::{self, after_refusal, cancel_plan, BankAnswer, CancelKind, CardEntry, LinkRequest, Status, TransStat, VposClient};
use quay_store::vpos::VposExtra;
use quay_store::{CardDetails, PaymentRecord};
use uuid::Uuid;

use crate::card::{CardTerminal, Progress, TerminalOutcome};
use crate::vpos::LinkView;
use crate::{rt, Counter};

/// How long a hosted payment page lives at the bank (partners-contracts.md §6), and the
/// grace after it before an unpaid page's order is taken as never paid.
pub const PAGE_LIFETIME_S: i64 = 15 * 60;
pub const PAGE_GRACE_S: i64 = 60;
/// How often an open link's order is asked about (wave2 §4: every 3–5 s).
pub const POLL: Duration = Duration::from_secs(3);

/// Where a link sends the customer's browser and the bank's result.
pub struct LinkPlan<'a> {
    pub ok_url: String,
    pub fail_url: String,
    pub callback_url: Option<String>,
    pub lang: String,
    pub on_link: &'a (dyn Fn(&LinkView) + Sync),
}

pub struct VposTerminal<'a> {
    counter: &'a Counter,
    kind: String,
    client: VposClient,
    extra: VposExtra,
    card: Mutex<Option<CardEntry>>,
    link: Option<LinkPlan<'a>>,
    last: Mutex<Option<String>>,
    /// What stopped the last call, in full (the journal keeps only its code).
    error: Mutex<Option<crate::AppError>>,
}

/// The Fluent id for a code journaled as `code:<id>` (what stopped an attempt before the
/// bank had it), if it is one of ours.
pub fn known_code(code: &str) -> &'static str {
    crate::vpos::KNOWN_CODES.iter().find(|k| **k == code).copied().unwrap_or("err-vpos-cancelled")
}

fn details_of(a: &BankAnswer) -> CardDetails {
    CardDetails {
        auth_code: a.auth_code.clone().filter(|s| !s.is_empty()),
        rrn: a.host_ref.clone().filter(|s| !s.is_empty()),
        provider_ref: a.trans_id.clone().filter(|s| !s.is_empty()),
        result_code: Some(a.proc_return_code.clone()),
        result_source: Some("iso8583".into()),
        message: a.err_msg.clone().filter(|s| !s.is_empty()),
        ..Default::default()
    }
}

impl<'a> VposTerminal<'a> {
    pub fn new(counter: &'a Counter, name: &str, client: VposClient, extra: VposExtra) -> VposTerminal<'a> {
        VposTerminal {
            counter,
            kind: crate::vpos::terminal_of(name),
            client,
            extra,
            card: Mutex::new(None),
            link: None,
            last: Mutex::new(None),
            error: Mutex::new(None),
        }
    }

    pub fn with_card(self, card: CardEntry) -> Self {
        *self.card.lock().unwrap_or_else(|p| p.into_inner()) = Some(card);
        self
    }

    pub fn with_link(mut self, plan: LinkPlan<'a>) -> Self {
        self.link = Some(plan);
        self
    }

    pub fn extra(&self) -> &VposExtra {
        &self.extra
    }

    /// What stopped the last call (a refusal before the bank acted, a transport error).
    pub fn take_error(&self) -> Option<crate::AppError> {
        self.error.lock().unwrap_or_else(|p| p.into_inner()).take()
    }

    /// The key of the attempt this terminal last worked on.
    pub fn last_key(&self) -> Option<String> {
        self.last.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn note(&self, key: &str, error_code: Option<&str>, md: Option<&str>) {
        if error_code.is_none() && md.is_none() {
            return;
        }
        if let Err(e) = self.counter.store().vpos_note_answer(key, error_code, md) {
            tracing::error!(key, error = %e, "could not note the bank's error code");
        }
    }

    fn begin(&self, p: &PaymentRecord, channel: &str) {
        self.begin_card(p, channel, None)
    }

    /// Journals the attempt's side row (and the masked card) before the bank hears of it.
    fn begin_card(&self, p: &PaymentRecord, channel: &str, card: Option<(String, String)>) {
        *self.last.lock().unwrap_or_else(|p| p.into_inner()) = Some(p.key.clone());
        let (masked_pan, brand) = card.map_or((None, None), |(m, b)| (Some(m), Some(b)));
        let extra = VposExtra { channel: channel.into(), masked_pan, brand, ..self.extra.clone() };
        if let Err(e) = self.counter.store().vpos_extra_ensure(&p.key, &extra) {
            tracing::error!(key = %p.key, error = %e, "could not journal the virtual POS payment's reference");
        }
    }

    fn answer_outcome(&self, key: &str, a: BankAnswer) -> TerminalOutcome {
        self.note(key, a.error_code.as_deref(), None);
        if a.approved {
            TerminalOutcome::Approved(details_of(&a))
        } else {
            TerminalOutcome::Declined(details_of(&a))
        }
    }

    fn failed(&self, e: &vpos::VposError) -> TerminalOutcome {
        tracing::warn!(error = %e, unknown = e.outcome_unknown(), "virtual POS call failed");
        *self.error.lock().unwrap_or_else(|p| p.into_inner()) = Some(crate::vpos::vpos_error(e.clone()));
        let d = CardDetails { message: Some(format!("code:{}", e.code())), ..Default::default() };
        if e.outcome_unknown() {
            TerminalOutcome::Unknown(d)
        } else {
            TerminalOutcome::Cancelled(d)
        }
    }

    /// What the bank says about the order of `p` (a sale attempt).
    fn ask(&self, p: &PaymentRecord, link_open: bool) -> TerminalOutcome {
        let Some(order) = p.order_id.as_deref() else {
            return TerminalOutcome::Unknown(CardDetails { message: Some("no order id".into()), ..Default::default() });
        };
        // An authorization still on its way is "not found" too: only once the call's time
        // is surely over does "not found" mean never authorized.
        let in_flight = self.counter.vpos_in_flight(p);
        match rt::block_on(self.client.status(order)) {
            Ok(Status::NotFound) if link_open || in_flight => TerminalOutcome::Unknown(CardDetails::default()),
            // The bank never authorized it: nothing was charged.
            Ok(Status::NotFound) => {
                TerminalOutcome::Cancelled(CardDetails { message: Some("code:vpos-code-not-found".into()), ..Default::default() })
            }
            Ok(Status::Found { stat, proc_return_code, amount, auth_code, trans_id, host_ref, .. }) => {
                let card = self.counter.store().vpos_extra(&p.key).ok().flatten();
                let d = CardDetails {
                    masked_pan: card.as_ref().and_then(|x| x.masked_pan.clone()),
                    brand: card.and_then(|x| x.brand),
                    auth_code,
                    rrn: host_ref,
                    provider_ref: trans_id,
                    result_code: Some(proc_return_code),
                    result_source: Some("iso8583".into()),
                    ..Default::default()
                };
                match stat {
                    TransStat::Declined => TerminalOutcome::Declined(d),
                    // Authorized (voided or refunded since is a later fact of its own).
                    TransStat::Approved | TransStat::Captured | TransStat::Voided => {
                        if amount.is_some_and(|m| m.minor != p.amount) {
                            tracing::error!(key = %p.key, "the bank approved another amount: not taken as paid");
                            TerminalOutcome::Unknown(CardDetails { message: Some("code:err-vpos-amount-mismatch".into()), ..d })
                        } else {
                            TerminalOutcome::Approved(d)
                        }
                    }
                }
            }
            Err(e) => TerminalOutcome::Unknown(CardDetails { message: Some(format!("code:{}", e.code())), ..Default::default() }),
        }
    }

    fn link_payment(&self, p: &PaymentRecord, amount: Money, plan: &LinkPlan<'_>, on: &dyn Fn(Progress<'_>)) -> TerminalOutcome {
        let Some(order) = p.order_id.clone() else {
            return TerminalOutcome::Cancelled(CardDetails { message: Some("no order id".into()), ..Default::default() });
        };
        let rnd = Uuid::new_v4().simple().to_string();
        let req = LinkRequest {
            order_id: &order,
            amount,
            ok_url: &plan.ok_url,
            fail_url: &plan.fail_url,
            callback_url: plan.callback_url.as_deref(),
            rnd: &rnd,
            lang: &plan.lang,
        };
        let url = match rt::block_on(self.client.payment_link(&req)) {
            Ok(u) => u,
            Err(e) => return self.failed(&e),
        };
        let created = DateTime::parse_from_rfc3339(&p.created_at).unwrap_or_else(|_| self.counter.now());
        let until: DateTime<FixedOffset> = created + chrono::Duration::seconds(PAGE_LIFETIME_S);
        if let Err(e) = self.counter.store().vpos_note_link(&p.key, &url, &until.to_rfc3339()) {
            tracing::error!(key = %p.key, error = %e, "could not journal the payment link");
        }
        on(Progress::Qr { content: &url, until });
        (plan.on_link)(&LinkView {
            order_id: order.clone(),
            url: url.clone(),
            qr_svg: crate::wallets::qr_svg(&url).unwrap_or_default(),
            expires_at: until.to_rfc3339(),
        });
        let give_up_at = until + chrono::Duration::seconds(PAGE_GRACE_S);
        loop {
            self.counter.vpos_wait(&order, POLL);
            // The cashier stopped waiting: the order is still watched by the background.
            if self.counter.give_up.lock().unwrap_or_else(|g| g.into_inner()).as_deref() == Some(p.key.as_str()) {
                return TerminalOutcome::Unknown(CardDetails::default());
            }
            let open = self.counter.now() < give_up_at;
            match self.ask(p, open) {
                TerminalOutcome::Unknown(d) if open && d.message.is_none() => continue,
                TerminalOutcome::Unknown(d) if open => {
                    tracing::warn!(order = %order, message = ?d.message, "virtual POS: asking again");
                    continue;
                }
                TerminalOutcome::Declined(d) => {
                    // The query has no 3-D status; the bank's callback does. It may be a
                    // moment behind the query's answer: give it that moment.
                    if plan.callback_url.is_some() && self.extra_md(&p.key).is_none() {
                        self.counter.vpos_wait(&order, Duration::from_secs(2));
                    }
                    return TerminalOutcome::Declined(d);
                }
                other => return other,
            }
        }
    }

    fn extra_md(&self, key: &str) -> Option<String> {
        self.counter.store().vpos_extra(key).ok().flatten().and_then(|x| x.md_status)
    }
}

impl CardTerminal for VposTerminal<'_> {
    fn kind(&self) -> &str {
        &self.kind
    }

    fn charge(&self, _key: &str, _amount: Money, _on: &dyn Fn(Progress<'_>)) -> TerminalOutcome {
        // Only through the journaled attempt, which holds the order id.
        TerminalOutcome::Cancelled(CardDetails { message: Some("no order id".into()), ..Default::default() })
    }

    fn order_id(&self, sale: Uuid, attempt: u32, kind: PaymentKind) -> Option<String> {
        // Voids and refunds name the original order; only authorizations have their own.
        (kind == PaymentKind::Sale).then(|| vpos::order_id(sale, attempt))
    }

    fn charge_attempt(&self, p: &PaymentRecord, amount: Money, on: &dyn Fn(Progress<'_>)) -> TerminalOutcome {
        let card = self.card.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(card) = card {
            let (pan, brand) = (card.number.masked(), card.number.brand().as_str().to_string());
            self.begin_card(p, "moto", Some((pan.clone(), brand.clone())));
            let Some(order) = p.order_id.as_deref() else {
                return TerminalOutcome::Cancelled(CardDetails { message: Some("no order id".into()), ..Default::default() });
            };
            let mut masked = CardDetails { masked_pan: Some(pan), brand: Some(brand), ..Default::default() };
            let answer = rt::block_on(self.client.auth(order, amount, &card));
            drop(card);
            // The bank has answered; the journal does not know yet (the kill tests stop here).
            crate::failpoint::pause("vpos.answered");
            let outcome = match answer {
                // Our order id is already approved at the bank (an answer lost before a
                // crash, then a retry): ask what it holds, never authorize twice.
                Ok(a) if a.is_duplicate_order() => self.ask(p, false),
                Ok(a) => self.answer_outcome(&p.key, a),
                Err(e) => self.failed(&e),
            };
            // What the cashier typed: only the masked number and the brand are kept.
            let mut fill = |d: CardDetails| CardDetails {
                masked_pan: d.masked_pan.or(masked.masked_pan.take()),
                brand: d.brand.or(masked.brand.take()),
                ..d
            };
            return match outcome {
                TerminalOutcome::Approved(d) => TerminalOutcome::Approved(fill(d)),
                TerminalOutcome::Declined(d) => TerminalOutcome::Declined(fill(d)),
                TerminalOutcome::Unknown(d) => TerminalOutcome::Unknown(fill(d)),
                TerminalOutcome::Cancelled(d) => TerminalOutcome::Cancelled(fill(d)),
            };
        }
        match &self.link {
            Some(plan) => {
                self.begin(p, "link");
                self.link_payment(p, amount, plan, on)
            }
            None => TerminalOutcome::Cancelled(CardDetails { message: Some("code:err-vpos-no-card".into()), ..Default::default() }),
        }
    }

    fn enquire(&self, attempt: &PaymentRecord) -> TerminalOutcome {
        if attempt.kind != PaymentKind::Sale {
            return self.enquire_cancel(attempt);
        }
        let extra = self.counter.store().vpos_extra(&attempt.key).ok().flatten();
        let link_open = extra
            .and_then(|x| x.link_expires_at)
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .is_some_and(|t| self.counter.now() < t + chrono::Duration::seconds(PAGE_GRACE_S));
        self.ask(attempt, link_open)
    }

    fn refund(&self, _key: &str, _original: &PaymentRecord, _amount: Money, _on_status: &dyn Fn(&str)) -> TerminalOutcome {
        TerminalOutcome::Cancelled(CardDetails { message: Some("no refund attempt".into()), ..Default::default() })
    }

    fn refund_attempt(&self, r: &PaymentRecord, original: &PaymentRecord, amount: Money, _on_status: &dyn Fn(&str)) -> TerminalOutcome {
        let Some(order) = original.order_id.as_deref() else {
            return TerminalOutcome::Cancelled(CardDetails { message: Some("no order id".into()), ..Default::default() });
        };
        *self.last.lock().unwrap_or_else(|p| p.into_inner()) = Some(r.key.clone());
        // Settlers leave this cancel to us while its calls run.
        let _sending = self.counter.vpos_sending(&r.key);
        // The bank's state of the order decides: open batch → void, closed → refund.
        let plan = match rt::block_on(self.client.status(order)) {
            Ok(Status::Found { stat, .. }) => cancel_plan(stat),
            Ok(Status::NotFound) => None,
            Err(e) => return self.failed(&e),
        };
        let Some(mut plan) = plan else {
            return TerminalOutcome::Declined(CardDetails {
                result_code: Some("99".into()),
                message: Some("code:err-vpos-nothing-to-cancel".into()),
                ..Default::default()
            });
        };
        if plan == CancelKind::Void && amount.minor != original.amount {
            // A void takes back the whole authorization; a part waits for the batch to close.
            return TerminalOutcome::Declined(CardDetails {
                result_code: Some("99".into()),
                message: Some("code:err-vpos-partial-before-close".into()),
                ..Default::default()
            });
        }
        for round in 0..2 {
            self.begin(r, if plan == CancelKind::Void { "void" } else { "refund" });
            let host_ref = original.details.rrn.as_deref();
            let answer = match plan {
                CancelKind::Void => rt::block_on(self.client.void(order, host_ref)),
                CancelKind::Refund => rt::block_on(self.client.refund(order, amount, host_ref)),
            };
            match answer {
                Ok(a) if a.approved => return self.answer_outcome(&r.key, a),
                // The batch closed (or not) since we asked: the bank says which it wants.
                Ok(a) => match after_refusal(&a) {
                    Some(other) if round == 0 && other != plan && !(other == CancelKind::Void && amount.minor != original.amount) => {
                        tracing::info!(order, from = ?plan, to = ?other, "virtual POS: the bank wants the other cancel");
                        self.note(&r.key, a.error_code.as_deref(), None);
                        plan = other;
                    }
                    _ => return self.answer_outcome(&r.key, a),
                },
                Err(e) => return self.failed(&e),
            }
        }
        TerminalOutcome::Unknown(CardDetails::default())
    }
}

impl VposTerminal<'_> {
    /// What approved refunds of `r`'s original gave back before `r`.
    fn refunded_before(&self, r: &PaymentRecord) -> i64 {
        let Some(original) = r.refund_of.as_deref() else { return 0 };
        let all = self.counter.store().payments_of_sale(r.sale_id).unwrap_or_default();
        all.iter()
            .filter(|x| x.key != r.key && x.refund_of.as_deref() == Some(original) && x.state == quay_core::payment::PaymentState::Approved)
            .map(|x| x.amount)
            .sum()
    }

    /// A void or refund whose answer was lost: the order's state at the bank tells
    /// whether it went through (voided, or refunded by at least this much).
    fn enquire_cancel(&self, r: &PaymentRecord) -> TerminalOutcome {
        // Still on its way (here or in another process): the order's state proves nothing yet.
        if self.counter.vpos_in_flight(r) {
            return TerminalOutcome::Unknown(CardDetails::default());
        }
        // Several cancels of one order unknown at once: the bank's total cannot say which
        // went through — a person settles them.
        let open_siblings = self
            .counter
            .store()
            .payments_of_sale(r.sale_id)
            .unwrap_or_default()
            .iter()
            .filter(|x| x.key != r.key && x.refund_of == r.refund_of && !x.state.is_final())
            .count();
        if open_siblings > 0 {
            return TerminalOutcome::Unknown(CardDetails { message: Some("several cancels unknown".into()), ..Default::default() });
        }
        let original = r.refund_of.as_deref().and_then(|k| self.counter.store().payment(k).ok().flatten());
        let Some(order) = original.as_ref().and_then(|o| o.order_id.clone()) else {
            return TerminalOutcome::Unknown(CardDetails::default());
        };
        match rt::block_on(self.client.status(&order)) {
            Ok(Status::Found { stat: TransStat::Voided, .. }) => TerminalOutcome::Approved(CardDetails::default()),
            Ok(Status::Found { refunded: Some(m), .. }) if m.minor >= r.amount + self.refunded_before(r) => {
                TerminalOutcome::Approved(CardDetails::default())
            }
            Ok(Status::Found { stat: TransStat::Approved, .. }) => TerminalOutcome::Cancelled(CardDetails::default()),
            Ok(Status::Found { refunded: Some(_), .. }) => TerminalOutcome::Cancelled(CardDetails::default()),
            // The bank's status does not say what was refunded: a person settles it
            // (looking at the bank's panel), never a guess either way.
            Ok(Status::Found { .. }) => {
                TerminalOutcome::Unknown(CardDetails { message: Some("refund not told by the status".into()), ..Default::default() })
            }
            Ok(Status::NotFound) => TerminalOutcome::Cancelled(CardDetails::default()),
            Err(e) => TerminalOutcome::Unknown(CardDetails { message: Some(format!("code:{}", e.code())), ..Default::default() }),
        }
    }
}
