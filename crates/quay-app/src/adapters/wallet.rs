//! The wallets (MoMo POS, ZaloPay, VNPAY-QR) behind `CardTerminal`, so a wallet payment
//! goes through the same journal, closing path, start-up resolution and void as a card.
//! The merchant order id is journaled with the attempt (`order_id`); every question
//! after that names the same order: a lost answer is settled by querying it, and no new
//! order is made for a sale while an earlier one might still be paid.
//!
//! How long to wait: a code scan (MoMo) or a shown QR waits until the QR deadline
//! (`wallet.qr_deadline_s`), polling every `wallet.poll_s` and at once when a callback
//! hints; then the wallet is asked until it says the order is closed (ZaloPay expires
//! it by `expire_duration_seconds`, VNPAY by `expDate`; neither has a cancel call), and
//! what it cannot confirm stays `unknown` for the background to keep asking.

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, Timelike};
use quay_core::payment::PaymentKind;
use quay_core::Money;
use quay_pay::wallet::alipay::AlipayClient;
use quay_pay::wallet::momo::{MomoAnswer, MomoClient};
use quay_pay::wallet::vnpay::VnpayClient;
use quay_pay::wallet::zalopay::ZaloPayClient;
use quay_pay::wallet::{order_id, Wallet, WalletError, WalletStatus};
use quay_store::{CardDetails, PaymentRecord};
use uuid::Uuid;

use crate::card::{CardTerminal, Progress, TerminalOutcome};

mod alipay;
use crate::{AppError, Counter};
pub use alipay::{beijing, coupon_of_line, REFUNDED_ON_CANCEL};
use quay_core::error::Arg;

/// A wallet's client, configured from the counter's settings.
pub enum Client {
    Momo(MomoClient),
    ZaloPay(ZaloPayClient),
    Vnpay(VnpayClient),
    Alipay(AlipayClient),
}

/// One wallet as a payment terminal of the counter.
pub struct WalletTerminal<'a> {
    wallet: Wallet,
    client: Client,
    counter: &'a Counter,
    /// The customer's scanned code (MoMo), already checked for its shape.
    code: Option<String>,
    deadline: Duration,
    poll: Duration,
    /// ZaloPay's `app_id` (its refund ids carry it).
    app_id: String,
    /// Alipay: how long a scanned code may wait for the customer's confirmation.
    confirm: Duration,
}

/// GMT+7: the wallets' dates (ZaloPay's `yymmdd_`, VNPAY's `expDate` and `payDate`).
pub fn vn_time(t: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    t.with_timezone(&FixedOffset::east_opt(7 * 3600).expect("GMT+7"))
}

fn parse_time(s: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(s).ok()
}

impl<'a> WalletTerminal<'a> {
    pub fn new(wallet: Wallet, client: Client, counter: &'a Counter, deadline: Duration, poll: Duration, app_id: String) -> Self {
        WalletTerminal { wallet, client, counter, code: None, deadline, poll, app_id, confirm: Duration::from_secs(30) }
    }

    /// How long a scanned code may wait for the customer to confirm (Alipay).
    pub fn with_confirm(mut self, confirm: Duration) -> Self {
        self.confirm = confirm;
        self
    }

    /// The customer's code, scanned at the counter (MoMo POS).
    pub fn with_code(mut self, code: Option<String>) -> Self {
        self.code = code;
        self
    }

    pub fn wallet(&self) -> Wallet {
        self.wallet
    }

    fn details(&self, code: Option<String>, reference: Option<String>, message: Option<String>) -> CardDetails {
        CardDetails {
            provider_ref: reference,
            result_code: code,
            result_source: Some(self.wallet.as_str().into()),
            message,
            ..Default::default()
        }
    }

    fn unknown(&self, why: impl Into<String>) -> TerminalOutcome {
        TerminalOutcome::Unknown(self.details(None, None, Some(why.into())))
    }

    /// What a verified answer means for an attempt of `expected` đồng; None: not final.
    /// A success in another amount is an anomaly, never a payment (partners-contracts §0).
    pub fn outcome_of(&self, status: WalletStatus, expected: i64) -> Option<TerminalOutcome> {
        Some(match status {
            WalletStatus::Paid { reference, amount } if amount == expected => {
                TerminalOutcome::Approved(self.details(Some("paid".into()), Some(reference), None))
            }
            WalletStatus::Paid { reference, amount } | WalletStatus::Authorized { reference, amount } if amount != expected => {
                TerminalOutcome::Unknown(self.details(
                    None,
                    Some(reference),
                    Some(format!("the wallet reports {amount} paid, the attempt asked {expected}: check before settling")),
                ))
            }
            WalletStatus::Declined { code, message } | WalletStatus::Refused { code, message } => {
                TerminalOutcome::Declined(self.details(Some(code), None, Some(message)))
            }
            WalletStatus::Authorized { .. } | WalletStatus::Paid { .. } | WalletStatus::Waiting { .. } | WalletStatus::NotFound { .. } => {
                return None
            }
        })
    }

    /// Whether the cashier stopped waiting for `key`.
    fn given_up(&self, key: &str) -> bool {
        self.counter.give_up.lock().unwrap_or_else(|p| p.into_inner()).as_deref() == Some(key)
    }

    fn say(&self, id: &str) {
        let text = self.counter.i18n().t(self.counter.lang(), id, &[("wallet", crate::wallets::label(self.wallet).into())]);
        self.counter.emit(crate::Event::WalletStatus { text });
    }

    /// Waits for the next question: the poll interval, or a callback's hint.
    async fn next_poll(&self) {
        tokio::select! {
            _ = tokio::time::sleep(self.poll) => {}
            _ = self.counter.wallet_hint.notified() => {}
        }
    }

    /// Asks the wallet about the attempt's order once. A refusal of the *question* (MoMo
    /// 10/99, a ZaloPay mac refused after a key change, VNPAY 11) says nothing of the
    /// order: it is an error, asked again, never a decline. An answer about another order
    /// is not this attempt's.
    async fn query(&self, p: &PaymentRecord) -> Result<WalletStatus, WalletError> {
        let order = p.order_id.as_deref().unwrap_or_default();
        let status = match &self.client {
            Client::Momo(c) => {
                let a = c.query(order, &Uuid::new_v4().simple().to_string()).await?;
                if !a.order_id.is_empty() && a.order_id != order {
                    return Err(WalletError::Decode(format!("answer about order {}", a.order_id)));
                }
                self.momo_settle(c, order, a, p.amount).await?
            }
            Client::ZaloPay(c) => c.query(order).await?.status(),
            Client::Vnpay(c) => {
                let created = parse_time(&p.created_at).map(vn_time).unwrap_or_else(|| vn_time(self.counter.now()));
                let a = c.check(order, created.date_naive()).await?;
                if a.txn_id.as_deref().is_some_and(|t| !t.is_empty() && t != order) {
                    return Err(WalletError::Decode(format!("answer about txnId {:?}", a.txn_id)));
                }
                a.status()
            }
            Client::Alipay(c) => self.alipay_query(c, order).await?.status(),
        };
        match status {
            WalletStatus::Refused { code, message } => Err(WalletError::Refused { code, message }),
            other => Ok(other),
        }
    }

    /// MoMo 9000: the money is held; the payment is ours only once captured — and only
    /// in the attempt's amount (another amount is released, never captured). Whatever
    /// the confirm answers, the order is asked again and that answer decides.
    async fn momo_settle(&self, c: &MomoClient, order: &str, a: MomoAnswer, expected: i64) -> Result<WalletStatus, WalletError> {
        match a.status() {
            WalletStatus::Authorized { amount, .. } => {
                let capture = amount == expected;
                if !capture {
                    tracing::warn!(wallet = "momo", order, amount, expected, "authorized in another amount: released");
                }
                if let Err(e) = c.confirm(order, &Uuid::new_v4().simple().to_string(), amount, capture).await {
                    tracing::warn!(wallet = "momo", order, error = %e, "confirm");
                }
                Ok(c.query(order, &Uuid::new_v4().simple().to_string()).await?.status())
            }
            other => Ok(other),
        }
    }

    /// Polls the order until it is final, the cashier stops waiting, or `until` (plus
    /// the grace a wallet needs to close an expired order) has passed.
    async fn watch(&self, p: &PaymentRecord, expected: i64, until: Instant) -> TerminalOutcome {
        // After the deadline the wallet is asked a few more times whether it closed the
        // order (ZaloPay and VNPAY expire it themselves): "not found" then proves it unpaid.
        let settle = (self.poll * 3).max(Duration::from_secs(10));
        let grace = until + settle * 2;
        let mut unknown_since: Option<Instant> = None;
        loop {
            if self.given_up(&p.key) {
                return self.unknown("the cashier stopped waiting; the wallet is still asked about the order");
            }
            match self.query(p).await {
                Ok(WalletStatus::NotFound { code }) => {
                    let since = *unknown_since.get_or_insert_with(Instant::now);
                    // MoMo: an order it has not known for a while after the pos call was
                    // never made. QR wallets: not paid yet — closed once expired, with the
                    // wallet's own clock given time to agree.
                    let closed = match self.wallet {
                        Wallet::Momo => since.elapsed() >= settle,
                        Wallet::ZaloPay | Wallet::Vnpay | Wallet::Alipay => Instant::now() >= until + settle,
                    };
                    if closed {
                        return TerminalOutcome::Cancelled(self.details(
                            Some(code),
                            None,
                            Some("the wallet has no payment for this order".into()),
                        ));
                    }
                }
                Ok(status) => {
                    unknown_since = None;
                    if let Some(out) = self.outcome_of(status, expected) {
                        return out;
                    }
                }
                Err(e) => tracing::warn!(wallet = %self.wallet, key = %p.key, error = %e, "wallet query"),
            }
            if Instant::now() >= grace {
                return self.unknown("no final answer from the wallet by the deadline; it is asked again in the background");
            }
            if Instant::now() >= until {
                self.say("pay-wallet-status-closing");
            }
            self.next_poll().await;
        }
    }

    /// The connection test's question: a signed query of an order that cannot exist.
    /// Returns what was asked, and the wallet's signed "not found" code — or why the
    /// answer proves nothing (refused, unsigned, unreachable).
    pub(crate) async fn probe(&self) -> (String, crate::Result<String>) {
        let today = vn_time(self.counter.now()).date_naive();
        // A fresh id in the wallet's own format (never a sale's: a random one).
        let order = match self.wallet {
            Wallet::ZaloPay => order_id::zalopay(Uuid::new_v4(), 1, today),
            _ => format!("QUAYTEST{}", &Uuid::new_v4().simple().to_string()[..12]),
        };
        let answer = match &self.client {
            Client::Momo(c) => c.query(&order, &Uuid::new_v4().simple().to_string()).await.map(|a| a.status()),
            Client::ZaloPay(c) => c.query(&order).await.map(|a| a.status()),
            Client::Vnpay(c) => c.check(&order, today).await.map(|a| a.status()),
            Client::Alipay(c) => c.query(&order, beijing(self.counter.now())).await.map(|a| a.status()),
        };
        let request = format!("{} query {order}", self.wallet);
        let fail = |detail: String| AppError::new("setup-fail-wallet-keys", vec![("detail", Arg::Text(detail))]);
        let answer = match answer {
            Ok(WalletStatus::NotFound { code }) => Ok(code),
            Ok(other) => Err(fail(format!("{other:?}"))),
            Err(e) => Err(fail(e.to_string())),
        };
        (request, answer)
    }

    async fn charge_async(&self, p: &PaymentRecord, amount: Money, on: &dyn Fn(Progress<'_>)) -> TerminalOutcome {
        let Some(order) = p.order_id.clone() else { return self.unknown("no merchant order id journaled") };
        let started = self.counter.now();
        let until = Instant::now() + self.deadline;
        let expected = amount.minor;
        let description = self.counter.i18n().t(self.counter.lang(), "pay-wallet-order-info", &[("sale", p.sale_id.to_string().into())]);
        match &self.client {
            Client::Momo(c) => {
                let Some(code) = self.code.as_deref() else { return self.unknown("no code scanned") };
                self.say("pay-wallet-status-sending");
                match c.pos(&order, &order, expected, code, &description).await {
                    Ok(a) => match self.momo_settle(c, &order, a, expected).await {
                        Ok(status) => match self.outcome_of(status, expected) {
                            Some(out) => return out,
                            None => self.say("pay-wallet-status-confirming"),
                        },
                        Err(e) => tracing::warn!(wallet = "momo", key = %p.key, error = %e, "confirm"),
                    },
                    Err(e) if !e.outcome_unknown() => {
                        return TerminalOutcome::Declined(self.details(Some("refused".into()), None, Some(e.to_string())));
                    }
                    // Lost or unverifiable: the order may exist; only a query tells.
                    Err(e) => tracing::warn!(wallet = "momo", key = %p.key, error = %e, "pos answer lost: asking"),
                }
                self.watch(p, expected, until).await
            }
            Client::ZaloPay(c) => {
                let app_time = started.timestamp_millis();
                match c.create(&order, expected, &description, "quay", app_time, self.deadline.as_secs()).await {
                    Ok(answer) => match (answer.status(), &answer.created) {
                        (WalletStatus::Refused { code, message }, _) => {
                            return TerminalOutcome::Declined(self.details(Some(code), None, Some(message)));
                        }
                        (_, Some(created)) => {
                            let shown = self.counter.now() + chrono::Duration::from_std(self.deadline).unwrap_or_default();
                            on(Progress::Qr { content: &created.qr_code, until: shown });
                            self.say("pay-wallet-status-waiting");
                        }
                        // The id was used already (a repeat): what became of it is asked.
                        (_, None) => tracing::warn!(wallet = "zalopay", key = %p.key, "create answered without a QR: asking"),
                    },
                    Err(WalletError::Refused { code, message }) => {
                        return TerminalOutcome::Declined(self.details(Some(code), None, Some(message)));
                    }
                    Err(e) if !e.outcome_unknown() => {
                        return TerminalOutcome::Declined(self.details(Some("refused".into()), None, Some(e.to_string())));
                    }
                    Err(e) => tracing::warn!(wallet = "zalopay", key = %p.key, error = %e, "create answer lost: asking"),
                }
                self.watch(p, expected, until).await
            }
            Client::Vnpay(c) => {
                // VNPAY closes a QR when its expDate minute ends: the minute the
                // deadline falls in, so the QR is payable at least that long.
                let end = vn_time(started) + chrono::Duration::from_std(self.deadline).unwrap_or_default();
                let exp = end.with_second(0).and_then(|t| t.with_nanosecond(0)).unwrap_or(end);
                let closes = exp + chrono::Duration::seconds(60);
                let until = until + (closes - end).to_std().unwrap_or_default();
                match c.create(&order, expected, Some(exp.naive_local())).await {
                    Ok(qr) => {
                        on(Progress::Qr { content: &qr.data, until: closes });
                        self.say("pay-wallet-status-waiting");
                    }
                    Err(WalletError::Refused { code, message }) => {
                        return TerminalOutcome::Declined(self.details(Some(code), None, Some(message)));
                    }
                    Err(e) if !e.outcome_unknown() => {
                        return TerminalOutcome::Declined(self.details(Some("refused".into()), None, Some(e.to_string())));
                    }
                    Err(e) => tracing::warn!(wallet = "vnpay", key = %p.key, error = %e, "create answer lost: asking"),
                }
                self.watch(p, expected, until).await
            }
            Client::Alipay(c) => self.alipay_charge(c, p, expected, on).await,
        }
    }

    async fn refund_async(&self, r: &PaymentRecord, original: &PaymentRecord, amount: Money) -> TerminalOutcome {
        let (Some(refund_id), Some(reference)) = (r.order_id.clone(), original.details.provider_ref.clone()) else {
            return TerminalOutcome::Declined(self.details(None, None, Some("no wallet transaction to refund".into())));
        };
        let description = self.counter.i18n().t(self.counter.lang(), "pay-wallet-refund-info", &[("sale", r.sale_id.to_string().into())]);
        let answer = match &self.client {
            Client::Momo(c) => c.refund(&refund_id, &refund_id, amount.minor, &reference, &description).await.map(|a| a.status()),
            Client::ZaloPay(c) => {
                let now = self.counter.now().timestamp_millis();
                match c.refund(&refund_id, &reference, amount.minor, &description, now).await {
                    Ok(a) => match a.status() {
                        // ZaloPay usually answers "processing" first: ask until it is done.
                        WalletStatus::Waiting { .. } => self.zalopay_refund_result(c, &refund_id).await,
                        other => Ok(other),
                    },
                    Err(e) => Err(e),
                }
            }
            Client::Vnpay(c) => {
                let paid = parse_time(&original.updated_at).map(vn_time).unwrap_or_else(|| vn_time(self.counter.now()));
                let whole = amount.minor == original.amount;
                let trace = original.details.provider_ref.clone().unwrap_or_default();
                let pay_txn = original.order_id.clone().unwrap_or_default();
                c.refund(&trace, &pay_txn, &refund_id, whole, amount.minor, &description, paid.naive_local()).await.map(|a| a.status())
            }
            Client::Alipay(c) => return self.alipay_refund(c, r, original, amount.minor).await,
        };
        match answer {
            Ok(WalletStatus::Paid { reference, .. }) => {
                TerminalOutcome::Approved(self.details(Some("refunded".into()), Some(reference), None))
            }
            Ok(WalletStatus::Declined { code, message } | WalletStatus::Refused { code, message }) => {
                TerminalOutcome::Declined(self.details(Some(code), None, Some(message)))
            }
            Ok(other) => self.unknown(format!("refund not final: {other:?}")),
            Err(WalletError::NoRefundApi) => TerminalOutcome::Unknown(self.details(
                Some(NO_REFUND_API.into()),
                None,
                Some("this merchant has no refund API: refund in the wallet's portal, then settle by hand".into()),
            )),
            Err(e) => self.unknown(e.to_string()),
        }
    }

    /// What became of a refund whose answer was lost: MoMo answers a query of the refund's
    /// order id, ZaloPay `query_refund`; VNPAY has no such question (a person checks its
    /// portal). Never "cancelled" on a not-found: money may have gone back.
    async fn enquire_refund(&self, r: &PaymentRecord) -> TerminalOutcome {
        let Some(id) = r.order_id.clone() else { return self.unknown("no refund id journaled") };
        let status = match &self.client {
            Client::Momo(c) => c.query(&id, &Uuid::new_v4().simple().to_string()).await.map(|a| a.status()),
            Client::ZaloPay(c) => c.query_refund(&id, self.counter.now().timestamp_millis()).await.map(|a| a.status()),
            Client::Vnpay(_) => {
                return self.unknown("VNPAY cannot be asked about a refund: check its merchant portal, then settle by hand")
            }
            Client::Alipay(c) => return self.alipay_enquire_refund(c, r).await,
        };
        match status {
            Ok(WalletStatus::Paid { reference, .. }) => {
                TerminalOutcome::Approved(self.details(Some("refunded".into()), Some(reference), None))
            }
            Ok(WalletStatus::Declined { code, message }) => TerminalOutcome::Declined(self.details(Some(code), None, Some(message))),
            Ok(other) => self.unknown(format!("refund not final: {other:?}")),
            Err(e) => self.unknown(e.to_string()),
        }
    }

    async fn zalopay_refund_result(&self, c: &ZaloPayClient, refund_id: &str) -> Result<WalletStatus, WalletError> {
        let until = Instant::now() + Duration::from_secs(30).max(self.poll * 5);
        loop {
            tokio::time::sleep(self.poll).await;
            let status = c.query_refund(refund_id, self.counter.now().timestamp_millis()).await?.status();
            if !matches!(status, WalletStatus::Waiting { .. }) || Instant::now() >= until {
                return Ok(status);
            }
        }
    }
}

/// The result code journaled when a wallet has no refund API (VNPAY's 404): the money
/// goes back through the wallet's portal and a manager settles the refund by hand.
pub const NO_REFUND_API: &str = "no-refund-api";

impl CardTerminal for WalletTerminal<'_> {
    fn kind(&self) -> &str {
        self.wallet.as_str()
    }

    fn order_id(&self, sale: Uuid, attempt: u32, kind: PaymentKind) -> Option<String> {
        let day = vn_time(self.counter.now()).date_naive();
        Some(match (self.wallet, kind) {
            (Wallet::Momo, PaymentKind::Sale) => order_id::momo(sale, attempt),
            (Wallet::Momo, PaymentKind::Refund) => order_id::momo_refund(sale, attempt),
            (Wallet::ZaloPay, PaymentKind::Sale) => order_id::zalopay(sale, attempt, day),
            (Wallet::ZaloPay, PaymentKind::Refund) => order_id::zalopay_refund(sale, attempt, day, &self.app_id),
            (Wallet::Vnpay, PaymentKind::Sale) => order_id::vnpay(sale, attempt),
            (Wallet::Vnpay, PaymentKind::Refund) => order_id::vnpay_refund(sale, attempt),
            (Wallet::Alipay, PaymentKind::Sale) => order_id::alipay(sale, attempt),
            (Wallet::Alipay, PaymentKind::Refund) => order_id::alipay_refund(sale, attempt),
        })
    }

    fn charge(&self, key: &str, _amount: Money, _on: &dyn Fn(Progress<'_>)) -> TerminalOutcome {
        // Wallets are charged by their journaled order id (`charge_attempt`), never by key alone.
        self.unknown(format!("{key}: a wallet payment needs its journaled order id"))
    }

    fn charge_attempt(&self, p: &PaymentRecord, amount: Money, on: &dyn Fn(Progress<'_>)) -> TerminalOutcome {
        crate::rt::block_on_here(self.charge_async(p, amount, on))
    }

    fn enquire(&self, p: &PaymentRecord) -> TerminalOutcome {
        if p.kind == PaymentKind::Refund {
            return crate::rt::block_on_here(self.enquire_refund(p));
        }
        if let Client::Alipay(c) = &self.client {
            return crate::rt::block_on_here(self.alipay_enquire(c, p));
        }
        crate::rt::block_on_here(async {
            match self.query(p).await {
                Ok(WalletStatus::NotFound { code }) => {
                    // Not known to the wallet: never made, or not paid yet (VNPAY) — or a
                    // request still on its way from another process. Closed only once its
                    // deadline (and the wallet's own grace) has passed.
                    let deadline = parse_time(&p.created_at).map(|t| t + chrono::Duration::from_std(self.deadline).unwrap_or_default());
                    let expired = deadline.is_none_or(|d| self.counter.now() > d + chrono::Duration::seconds(70));
                    if expired {
                        TerminalOutcome::Cancelled(self.details(Some(code), None, Some("the wallet has no payment for this order".into())))
                    } else {
                        self.unknown("not paid yet")
                    }
                }
                Ok(status) => self.outcome_of(status, p.amount).unwrap_or_else(|| self.unknown("the wallet has not finished the order")),
                Err(e) => self.unknown(e.to_string()),
            }
        })
    }

    fn refund(&self, key: &str, _original: &PaymentRecord, _amount: Money, _on: &dyn Fn(&str)) -> TerminalOutcome {
        self.unknown(format!("{key}: a wallet refund needs its journaled refund id"))
    }

    fn refund_attempt(&self, r: &PaymentRecord, original: &PaymentRecord, amount: Money, _on: &dyn Fn(&str)) -> TerminalOutcome {
        crate::rt::block_on_here(self.refund_async(r, original, amount))
    }
}
