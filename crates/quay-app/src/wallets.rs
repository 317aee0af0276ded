//! Wallet payments at the counter (MoMo POS, ZaloPay, VNPAY-QR): a tender like a card,
//! through the same journal (`card::charge`, one attempt in flight per sale, the merchant
//! order id journaled before any call), closing path and voids. What is a wallet's own:
//! - which wallets the payment screen offers (enabled and configured), and what a
//!   scanned code is before anything is sent (`code_kind`);
//! - the QR shown to the customer (`ShownQr`, rendered here as SVG: no web service);
//! - the cashier may stop waiting (`wallet_give_up`): the order is still asked about,
//!   and a payment that arrives later completes the sale if it is still open, or is
//!   "paid, not used" for a manager to refund (`refund_unused`);
//! - open wallet attempts are asked about on a schedule (`settle_open_wallets`), and
//!   a verified callback only makes that happen now.

use std::time::Duration;

use quay_core::auth::Action;
use quay_core::error::Arg;
use quay_core::payment::PaymentState;
use quay_core::{Currency, Money};
use quay_pay::wallet::alipay::{AlipayClient, AlipayConfig};
use quay_pay::wallet::code::{recognise, CodeError, CodeKind};
use quay_pay::wallet::listener::{self, CallbackConfig};
use quay_pay::wallet::momo::{MomoClient, MomoConfig};
use quay_pay::wallet::vnpay::{VnpayClient, VnpayConfig};
use quay_pay::wallet::zalopay::{ZaloPayClient, ZaloPayConfig};
pub use quay_pay::wallet::Wallet;
use quay_store::PaymentRecord;
use serde::Serialize;

use crate::adapters::wallet::{Client, WalletTerminal};
use crate::card::{CardResult, CardTerminal};
use crate::views::MoneyView;
use crate::{keys, AppError, Checkout, Counter, Result, Who};

/// MoMo POS takes 1,000–5,000,000 ₫ per payment (partners.md); checked before sending.
pub const MOMO_MIN: i64 = 1_000;
pub const MOMO_MAX: i64 = 5_000_000;
/// Alipay takes 0.01–100,000,000 yuan per trade (partners-contracts §4), in fen.
pub const ALIPAY_MIN: i64 = 1;
pub const ALIPAY_MAX: i64 = 10_000_000_000;
/// How long a QR stays payable unless `wallet.qr_deadline_s` says otherwise.
pub const DEFAULT_DEADLINE_S: u64 = 180;
/// Seconds between two questions to a wallet (wave2 §4: 3–5 s).
pub const DEFAULT_POLL_S: u64 = 3;

/// A wallet named by a face ("momo", "zalopay", "vnpay"); anything else is a bad pay.
pub fn parse_wallet(name: &str) -> Result<Wallet> {
    Wallet::parse(name).ok_or_else(|| AppError::new("err-bad-pay", vec![("text", Arg::Text(name.to_string()))]))
}

/// The wallet's name as the cashier reads it (brand names are not translated).
pub fn label(w: Wallet) -> &'static str {
    match w {
        Wallet::Momo => "MoMo",
        Wallet::ZaloPay => "ZaloPay",
        Wallet::Vnpay => "VNPAY-QR",
        Wallet::Alipay => "Alipay",
    }
}

/// The brand colour the payment screen and the customer display mark the wallet with.
pub fn colour(w: Wallet) -> &'static str {
    match w {
        Wallet::Momo => "#a50064",
        Wallet::ZaloPay => "#0068ff",
        Wallet::Vnpay => "#005baa",
        Wallet::Alipay => "#1677ff",
    }
}

/// The currency a wallet takes: the Vietnamese wallets đồng, Alipay (face-to-face in
/// mainland China) yuan. A counter offers the wallets of its own currency only.
pub fn currency(w: Wallet) -> Currency {
    match w {
        Wallet::Momo | Wallet::ZaloPay | Wallet::Vnpay => Currency::Vnd,
        Wallet::Alipay => Currency::Cny,
    }
}

/// Whether the cashier can scan the customer's code for this wallet (MoMo POS, Alipay
/// `trade.pay`); ZaloPay and VNPAY-QR only show our QR.
pub fn scans(w: Wallet) -> bool {
    matches!(w, Wallet::Momo | Wallet::Alipay)
}

/// Whether the wallet can show a QR for the customer to scan.
pub fn shows_qr(w: Wallet) -> bool {
    w != Wallet::Momo
}

/// A wallet payment a manager may still refund in part, and what is left of it (minor
/// units: its amount less the refunds of it not known to have failed).
#[derive(Debug, Clone, Serialize)]
pub struct Refundable {
    pub payment: PaymentRecord,
    pub left: i64,
}

/// A wallet the payment screen offers.
#[derive(Debug, Clone, Serialize)]
pub struct WalletView {
    pub name: &'static str,
    pub label: &'static str,
    pub color: &'static str,
    /// The cashier scans the customer's code (MoMo POS, Alipay).
    pub scan: bool,
    /// The customer scans our QR (ZaloPay, VNPAY-QR, Alipay).
    pub qr: bool,
}

/// What a scanned code is, said before anything is sent.
#[derive(Debug, Clone, Serialize)]
pub struct CodeView {
    /// The wallet the code belongs to ("momo", "alipay", "wechat"), None if none.
    pub wallet: Option<&'static str>,
    /// Whether this counter can take it (only MoMo codes, and only with MoMo enabled).
    pub supported: bool,
    pub message: String,
}

/// A QR shown to the customer: what the customer display draws.
#[derive(Debug, Clone, Serialize)]
pub struct ShownQr {
    pub wallet: &'static str,
    pub label: &'static str,
    pub color: &'static str,
    /// The text the QR encodes (ZaloPay's `qr_code`, VNPAY's EMVCo data).
    pub content: String,
    /// The QR as an SVG document, drawn here.
    pub svg: String,
    pub amount: MoneyView,
    /// When the wallet stops taking it (RFC 3339), and how long that was from the start.
    pub until: String,
    pub seconds: i64,
}

/// The QR of `content` as an SVG document (crisp at any size, no raster, no network).
pub fn qr_svg(content: &str) -> Option<String> {
    let code = qrcode::QrCode::with_error_correction_level(content.as_bytes(), qrcode::EcLevel::M).ok()?;
    Some(code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(240, 240).quiet_zone(true).build())
}

/// What a finished wallet attempt means for the cashier: approved, or why not, in words.
pub(crate) fn wallet_result(r: PaymentRecord, gave_up: bool) -> Result<PaymentRecord> {
    let wallet = Arg::Text(Wallet::parse(&r.terminal).map(label).unwrap_or_default().into());
    let code = Arg::Text(r.details.result_code.clone().unwrap_or_default());
    match r.state {
        PaymentState::Approved => Ok(r),
        _ if gave_up => Err(AppError::new("err-wallet-gave-up", vec![("wallet", wallet)])),
        PaymentState::Declined => Err(AppError::new(decline_id(&r), vec![("wallet", wallet), ("code", code)])),
        PaymentState::Cancelled => Err(AppError::new("err-wallet-expired", vec![("wallet", wallet)])),
        _ => Err(AppError::new("err-wallet-unknown", vec![("wallet", wallet), ("key", Arg::Text(r.key))])),
    }
}

/// The Fluent id of a wallet's decline: its result code where we have words for it,
/// else the generic one (both say the code).
fn decline_id(r: &PaymentRecord) -> &'static str {
    // ZaloPay's codes are journaled as `return_code/sub_return_code`: the sub code says why.
    let code = r.details.result_code.as_deref().unwrap_or_default().rsplit('/').next().unwrap_or_default();
    match (r.terminal.as_str(), code) {
        ("momo", "1001") => "err-wallet-insufficient-funds",
        ("momo", "1002" | "1004") => "err-wallet-over-limit",
        ("momo", "1003" | "1006" | "1017") => "err-wallet-customer-cancelled",
        ("momo", "1005") => "err-wallet-code-expired",
        ("momo", "10" | "11" | "13" | "20" | "21" | "22" | "99") => "err-wallet-refused",
        ("zalopay", "-329") => "err-wallet-customer-cancelled",
        ("zalopay", "-54") | ("vnpay", "01") => "err-wallet-expired",
        ("alipay", crate::adapters::wallet::REFUNDED_ON_CANCEL) => "err-wallet-refunded-on-cancel",
        // Alipay's sub codes (`ACQ.…`) each have words of their own, with the code.
        ("alipay", c) if c.contains('.') => quay_pay::wallet::alipay::sub_code_message_id(c),
        _ => "err-wallet-declined",
    }
}

impl Counter {
    fn wallet_enabled(&self, w: Wallet) -> Result<bool> {
        Ok(self.setting(&format!("wallet.{}.enabled", w.as_str()))?.as_deref() == Some("true"))
    }

    fn secret(&self, key: &str) -> Result<Option<String>> {
        Ok(self.store().secret(key)?)
    }

    fn seconds(&self, key: &str, default: u64) -> Result<u64> {
        Ok(self.setting(key)?.and_then(|v| v.parse().ok()).unwrap_or(default))
    }

    /// The wallet's client from the settings; what is missing is named.
    pub(crate) fn wallet_client(&self, w: Wallet) -> Result<(Client, String)> {
        let missing = |k: &str| AppError::new("err-wallet-not-configured", vec![("wallet", label(w).into()), ("missing", k.into())]);
        let get = |k: &str| -> Result<String> { self.setting(k)?.filter(|v| !v.trim().is_empty()).ok_or_else(|| missing(k)) };
        let secret = |k: &str| -> Result<String> { self.secret(k)?.filter(|v| !v.is_empty()).ok_or_else(|| missing(k)) };
        let bad = |e: quay_pay::wallet::WalletError| {
            AppError::new("err-wallet-config", vec![("wallet", label(w).into()), ("error", Arg::Text(e.to_string()))])
        };
        Ok(match w {
            Wallet::Momo => (
                Client::Momo(
                    MomoClient::new(MomoConfig {
                        url: get(keys::MOMO_PAY_URL)?,
                        partner_code: get(keys::MOMO_PAY_PARTNER_CODE)?,
                        access_key: secret(keys::MOMO_PAY_ACCESS_KEY)?,
                        secret_key: secret(keys::MOMO_PAY_SECRET_KEY)?,
                        public_key: get(keys::MOMO_PAY_PUBLIC_KEY)?,
                        store_id: self.setting(keys::MOMO_PAY_STORE_ID)?,
                        store_name: self.store_name(),
                        ipn_url: self.setting(keys::MOMO_PAY_CALLBACK_URL)?.filter(|u| !u.is_empty()),
                    })
                    .map_err(bad)?,
                ),
                String::new(),
            ),
            Wallet::ZaloPay => {
                let app_id = get(keys::ZALOPAY_APP_ID)?;
                (
                    Client::ZaloPay(
                        ZaloPayClient::new(ZaloPayConfig {
                            url: get(keys::ZALOPAY_URL)?,
                            app_id: app_id.clone(),
                            key1: secret(keys::ZALOPAY_KEY1)?,
                            key2: secret(keys::ZALOPAY_KEY2)?,
                            callback_url: self.setting(keys::ZALOPAY_CALLBACK_URL)?.filter(|u| !u.is_empty()),
                        })
                        .map_err(bad)?,
                    ),
                    app_id,
                )
            }
            Wallet::Vnpay => (
                Client::Vnpay(
                    VnpayClient::new(VnpayConfig {
                        merchant_type: self.setting(keys::VNPAY_MERCHANT_TYPE)?.unwrap_or_else(|| "9999".into()),
                        ..VnpayConfig::new(
                            &get(keys::VNPAY_URL)?,
                            &get(keys::VNPAY_MERCHANT_CODE)?,
                            &get(keys::VNPAY_TERMINAL_ID)?,
                            &secret(keys::VNPAY_SECRET)?,
                            self.store_name().as_deref().unwrap_or("Quay"),
                        )
                    })
                    .map_err(bad)?,
                ),
                String::new(),
            ),
            Wallet::Alipay => {
                let app_id = get(keys::ALIPAY_APP_ID)?;
                (
                    Client::Alipay(
                        AlipayClient::new(AlipayConfig {
                            url: get(keys::ALIPAY_URL)?,
                            app_id: app_id.clone(),
                            app_private_key: pem(&secret(keys::ALIPAY_APP_PRIVATE_KEY)?, "PRIVATE KEY"),
                            alipay_public_key: pem(&get(keys::ALIPAY_PUBLIC_KEY)?, "PUBLIC KEY"),
                            notify_url: self.setting(keys::ALIPAY_CALLBACK_URL)?.filter(|u| !u.is_empty()),
                            store_id: self.setting(keys::ALIPAY_STORE_CODE)?.filter(|u| !u.is_empty()),
                            terminal_id: Some(self.config().counter_id.clone()).filter(|t| !t.is_empty()),
                            timeout: Duration::from_secs(15),
                        })
                        .map_err(bad)?,
                    ),
                    app_id,
                )
            }
        })
    }

    /// The wallet as a payment terminal of this counter (its timing from the settings).
    pub(crate) fn wallet_terminal(&self, w: Wallet) -> Result<WalletTerminal<'_>> {
        let (client, app_id) = self.wallet_client(w)?;
        let deadline = Duration::from_secs(self.seconds(keys::WALLET_QR_DEADLINE, DEFAULT_DEADLINE_S)?);
        let poll = Duration::from_secs(self.seconds(keys::WALLET_POLL, DEFAULT_POLL_S)?);
        let confirm = Duration::from_secs(self.seconds(keys::ALIPAY_CONFIRM, 30)?);
        Ok(WalletTerminal::new(w, client, self, deadline, poll, app_id).with_confirm(confirm))
    }

    /// The terminal an attempt was journaled on: its wallet, or the card terminal.
    pub(crate) fn payment_terminal(&self, kind: &str) -> Result<Box<dyn CardTerminal + '_>> {
        if let Some(name) = crate::vpos::definition_of(kind) {
            let (_, client) = self.vpos_client(name)?;
            let extra = quay_store::vpos::VposExtra { definition: name.to_string(), channel: "refund".into(), ..Default::default() };
            return Ok(Box::new(crate::adapters::vpos::VposTerminal::new(self, name, client, extra)));
        }
        match Wallet::parse(kind) {
            Some(w) => Ok(Box::new(self.wallet_terminal(w)?)),
            None => self.card_terminal().map(|t| t as Box<dyn CardTerminal + '_>),
        }
    }

    /// The wallets the payment screen offers: enabled, configured, and taking the
    /// counter's currency.
    pub fn wallets(&self, who: &Who) -> Result<Vec<WalletView>> {
        self.allow(who, Action::RingSale)?;
        let mut out = Vec::new();
        for w in Wallet::ALL.into_iter().filter(|w| currency(*w) == self.config().currency) {
            if self.wallet_enabled(w)? && self.wallet_client(w).is_ok() {
                out.push(WalletView { name: w.as_str(), label: label(w), color: colour(w), scan: scans(w), qr: shows_qr(w) });
            }
        }
        Ok(out)
    }

    /// What a scanned code is, before anything is sent: the wallet it belongs to and
    /// whether this counter takes it.
    pub fn code_kind(&self, who: &Who, code: &str) -> Result<CodeView> {
        self.allow(who, Action::RingSale)?;
        let lang = self.lang();
        let recognised = match recognise(code) {
            Err(quay_pay::wallet::CodeError::Unsupported(kind)) => Ok(kind),
            other => other,
        };
        Ok(match recognised {
            Ok(kind) => {
                let (name, wallet) = match kind {
                    CodeKind::Momo => ("momo", Some(Wallet::Momo)),
                    CodeKind::Alipay => ("alipay", Some(Wallet::Alipay)),
                    CodeKind::WeChat => ("wechat", None),
                };
                let supported = match wallet {
                    Some(w) => currency(w) == self.config().currency && self.wallet_enabled(w)? && self.wallet_client(w).is_ok(),
                    None => false,
                };
                let message = if let (true, Some(w)) = (supported, wallet) {
                    self.i18n().t(lang, "pay-wallet-code-is", &[("wallet", label(w).into())])
                } else {
                    self.i18n().error(lang, &unsupported(name))
                };
                CodeView { wallet: Some(name), supported, message }
            }
            Err(_) => CodeView {
                wallet: None,
                supported: false,
                message: self.i18n().error(lang, &AppError::new("err-wallet-code-unknown", vec![])),
            },
        })
    }

    /// Checks a payment before anything is journaled or sent: the wallet usable here, the
    /// code one of its codes, the amount within its limits. Returns the cleaned code.
    fn check_wallet_payment(&self, w: Wallet, code: Option<&str>, amount: Option<Money>, due: Money) -> Result<Option<String>> {
        if self.config().currency != currency(w) {
            return Err(AppError::new(
                "err-wallet-currency",
                vec![("currency", self.config().currency.code().into()), ("wallet", label(w).into()), ("takes", currency(w).code().into())],
            ));
        }
        if !self.wallet_enabled(w)? {
            return Err(AppError::new("err-wallet-not-enabled", vec![("wallet", label(w).into())]));
        }
        let amount = amount.unwrap_or(due);
        let code = match (w, code.map(str::trim).filter(|c| !c.is_empty())) {
            (Wallet::Momo, None) => return Err(AppError::new("err-wallet-code-required", vec![("wallet", label(w).into())])),
            (Wallet::Momo, Some(c)) => match recognise(c) {
                Ok(CodeKind::Momo) => Some(c.to_string()),
                Ok(CodeKind::Alipay) | Err(CodeError::Unsupported(CodeKind::Alipay)) => return Err(unsupported("alipay")),
                Ok(CodeKind::WeChat) | Err(CodeError::Unsupported(CodeKind::WeChat)) => return Err(unsupported("wechat")),
                Err(_) => return Err(AppError::new("err-wallet-code-unknown", vec![])),
            },
            (Wallet::Alipay, Some(c)) => match recognise(c) {
                Ok(CodeKind::Alipay) | Err(CodeError::Unsupported(CodeKind::Alipay)) => Some(c.to_string()),
                Ok(CodeKind::WeChat) | Err(CodeError::Unsupported(CodeKind::WeChat)) => return Err(unsupported("wechat")),
                Ok(CodeKind::Momo) | Err(CodeError::Unsupported(CodeKind::Momo)) => {
                    return Err(AppError::new(
                        "err-wallet-code-other",
                        vec![("wallet", label(w).into()), ("other", label(Wallet::Momo).into())],
                    ))
                }
                Err(_) => return Err(AppError::new("err-wallet-code-unknown", vec![])),
            },
            (_, Some(_)) => return Err(AppError::new("err-wallet-no-code-scan", vec![("wallet", label(w).into())])),
            (_, None) => None,
        };
        if w == Wallet::Alipay && !(ALIPAY_MIN..=ALIPAY_MAX).contains(&amount.minor) {
            return Err(AppError::new(
                "err-wallet-amount-limits",
                vec![
                    ("wallet", label(w).into()),
                    ("amount", Arg::Money(amount)),
                    ("min", Arg::Money(Money::new(ALIPAY_MIN, amount.currency))),
                    ("max", Arg::Money(Money::new(ALIPAY_MAX, amount.currency))),
                ],
            ));
        }
        if w == Wallet::Momo && !(MOMO_MIN..=MOMO_MAX).contains(&amount.minor) {
            return Err(AppError::new(
                "err-wallet-amount-limits",
                vec![
                    ("wallet", label(w).into()),
                    ("amount", Arg::Money(amount)),
                    ("min", Arg::Money(Money::new(MOMO_MIN, amount.currency))),
                    ("max", Arg::Money(Money::new(MOMO_MAX, amount.currency))),
                ],
            ));
        }
        Ok(code)
    }

    /// Pays `amount` (default: all that is due) of the checkout's cart with wallet `w`:
    /// the customer's scanned `code` for MoMo, a QR on the customer display for ZaloPay
    /// and VNPAY. Journaled like a card (`pay_card`); a refusal of the code, the amount
    /// or the wallet sends nothing and journals nothing.
    pub fn pay_wallet(&self, co: &Checkout, who: &Who, w: Wallet, code: Option<&str>, amount: Option<Money>) -> Result<CardResult> {
        self.allow(who, Action::RingSale)?;
        let cart = co.cart_snapshot();
        let total = cart.totals()?.total;
        let paid = self.approved_tenders(co)?.iter().map(|t| t.amount).sum::<i64>() + co.voucher_total(cart.opened_at);
        let due = total.checked_sub(Money::new(paid, total.currency))?;
        let code = match self.check_wallet_payment(w, code, amount, due) {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!(wallet = %w, code = e.code, "wallet payment refused before sending");
                return Err(e);
            }
        };
        let terminal = self.wallet_terminal(w)?.with_code(code);
        let say = |text: &str| self.emit(crate::Event::WalletStatus { text: text.to_string() });
        let paid = self.pay_card(co, who, &terminal, amount, &say);
        // The QR is gone from the customer display whatever happened.
        *self.shown.lock().unwrap_or_else(|p| p.into_inner()) = None;
        self.emit(crate::Event::CheckoutChanged);
        paid
    }

    /// Shows a wallet's QR (or a virtual POS payment link) to the customer (the window's
    /// customer display follows it).
    pub(crate) fn show_qr(&self, kind: &str, content: &str, amount: Money, until: chrono::DateTime<chrono::FixedOffset>) {
        // A virtual POS's payment link: the customer scans it to pay on the bank's page.
        let (wallet, label, color) = match Wallet::parse(kind) {
            Some(w) => (w.as_str(), label(w), colour(w)),
            None if crate::card::is_vpos(kind) => ("vpos", "3-D Secure", "#1f4e79"),
            None => return,
        };
        let shown = ShownQr {
            wallet,
            label,
            color,
            content: content.to_string(),
            svg: qr_svg(content).unwrap_or_default(),
            amount: crate::views::money(self.i18n(), self.lang(), amount),
            until: until.to_rfc3339(),
            seconds: (until - self.now()).num_seconds().max(0),
        };
        *self.shown.lock().unwrap_or_else(|p| p.into_inner()) = Some(shown.clone());
        self.emit(crate::Event::WalletQr(shown));
        self.emit(crate::Event::CheckoutChanged);
    }

    /// The cashier stops waiting for the wallet payment running now. The order is still
    /// asked about; a payment that arrives later completes the sale if it is still open,
    /// or waits for a manager to refund it (`paid_unused`). Until the wallet says the
    /// order is closed, no new wallet attempt starts for this sale.
    pub fn wallet_give_up(&self, who: &Who) -> Result<()> {
        self.allow(who, Action::RingSale)?;
        let key = self.charging.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let Some(key) = key.filter(|k| self.store().payment(k).ok().flatten().is_some_and(|p| crate::card::is_wallet(&p.terminal))) else {
            return Err(AppError::new("err-wallet-nothing-running", vec![]));
        };
        self.store().payment_give_up(&key, &self.now().to_rfc3339())?;
        *self.give_up.lock().unwrap_or_else(|p| p.into_inner()) = Some(key.clone());
        self.wallet_hint.notify_waiters();
        tracing::info!(key, "the cashier stopped waiting for a wallet payment");
        Ok(())
    }

    /// Asks each wallet about its attempts whose outcome is open (start-up, the
    /// background schedule, `payments resolve`). Never re-sends; an approval whose sale
    /// is not written completes it from the journal. The attempt this process is
    /// charging is left to its own poll.
    pub(crate) fn settle_open_wallets(&self) -> Result<Vec<PaymentRecord>> {
        self.settle_wallets(false)
    }

    /// The background's schedule: like `settle_open_wallets`, but an attempt sent within
    /// its deadline is left alone — another process (`quay sales ring`) may be polling it.
    pub(crate) fn watch_open_wallets(&self) -> Result<Vec<PaymentRecord>> {
        self.settle_wallets(true)
    }

    fn settle_wallets(&self, leave_fresh: bool) -> Result<Vec<PaymentRecord>> {
        let charging = self.charging.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let deadline = chrono::Duration::seconds(self.seconds(keys::WALLET_QR_DEADLINE, DEFAULT_DEADLINE_S)? as i64 + 70);
        let now = self.now();
        // Being charged elsewhere, perhaps: pending or sent within the deadline.
        let fresh = |p: &PaymentRecord| {
            matches!(p.state, PaymentState::Sent | PaymentState::Pending)
                && p.given_up_at.is_none()
                && chrono::DateTime::parse_from_rfc3339(&p.created_at).is_ok_and(|t| now < t + deadline)
        };
        // Approved payments whose sale was never written come first, whatever is open.
        let mut out = self.complete_orphans(!leave_fresh)?;
        let open: Vec<PaymentRecord> = self
            .store()
            .payments_unresolved()?
            .into_iter()
            .filter(|p| crate::card::is_wallet(&p.terminal) && charging.as_deref() != Some(p.key.as_str()))
            .filter(|p| !(leave_fresh && fresh(p)))
            .collect();
        for w in Wallet::ALL {
            if !open.iter().any(|p| p.terminal == w.as_str()) {
                continue;
            }
            let these: Vec<PaymentRecord> = open.iter().filter(|p| p.terminal == w.as_str()).cloned().collect();
            match self.wallet_terminal(w) {
                Ok(t) => out.extend(self.settle_these(&t, these)?),
                Err(e) => tracing::warn!(wallet = %w, code = e.code, "open wallet payments cannot be asked about"),
            }
        }
        Ok(out)
    }

    /// `settle_open_wallets` asked by someone at the counter.
    pub fn ask_wallets_again(&self, who: &Who) -> Result<Vec<PaymentRecord>> {
        self.allow(who, Action::RingSale)?;
        self.settle_open_wallets()
    }

    /// Wallet payments that took money for a sale that closed another way (the cashier
    /// had stopped waiting): to be refunded by a manager.
    pub fn paid_unused(&self, who: &Who) -> Result<Vec<PaymentRecord>> {
        self.allow(who, Action::ViewSales)?;
        Ok(self.store().payments_paid_unused()?)
    }

    /// The wallet payments of `day`'s (and the day before's) closed, not voided sales that
    /// a manager may still refund in part, each with what is left of it: what
    /// `refund_part` takes.
    pub fn refundable_payments(&self, who: &Who, day: chrono::NaiveDate) -> Result<Vec<Refundable>> {
        self.allow(who, Action::ViewSales)?;
        let mut out = Vec::new();
        let days = [day.pred_opt(), Some(day)];
        let payments: Vec<PaymentRecord> =
            days.into_iter().flatten().map(|d| self.store().payments_on(d)).collect::<std::result::Result<Vec<_>, _>>()?.concat();
        for p in payments.iter().filter(|p| {
            p.kind == quay_core::payment::PaymentKind::Sale && p.state == PaymentState::Approved && crate::card::is_wallet(&p.terminal)
        }) {
            if self.refund_part_target(p).is_err() {
                continue;
            }
            let left = p.amount - crate::card::refunding_of(&self.store().payments_of_sale(p.sale_id)?, &p.key);
            if left > 0 {
                out.push(Refundable { payment: p.clone(), left });
            }
        }
        Ok(out)
    }

    /// Whether `original` may be refunded in part: a tender of its sale, closed and not voided.
    fn refund_part_target(&self, original: &PaymentRecord) -> Result<()> {
        let key = original.key.as_str();
        let sale = self.store().sale(original.sale_id)?;
        let Some(sale) = sale.filter(|_| !self.store().is_voided(original.sale_id).unwrap_or(true)) else {
            return Err(AppError::new("err-refund-sale-not-open", vec![("key", Arg::Text(key.into()))]));
        };
        // A payment that did not pay its sale ("paid, not used") goes back whole, from
        // the open payments (`refund_unused`).
        let tender = sale.tenders.iter().any(|t| {
            t.kind == quay_core::tender::TenderKind::Wallet
                && t.partner.as_deref() == Some(original.terminal.as_str())
                && t.reference == original.details.provider_ref
        });
        if !tender {
            return Err(AppError::new("err-refund-not-tender", vec![("key", Arg::Text(key.into()))]));
        }
        Ok(())
    }

    /// A manager's partial refund: `amount` of an approved wallet payment of a closed
    /// sale goes back through its wallet (journaled with its own refund id — a new one per
    /// refund, the same on every repeat of it), approved by a manager's PIN, audited with
    /// the reason. The sale stays as it was (the hub's records know no partial refund);
    /// the day's totals count the refund against its wallet. Never more than what is
    /// left of the payment, counting refunds whose outcome is not known yet.
    pub fn refund_part(&self, by: &Who, approver: &Who, key: &str, amount: Money, reason: &str) -> Result<PaymentRecord> {
        self.allow(by, Action::ViewSales)?;
        self.allow(approver, Action::ApproveRefund)?;
        if reason.trim().is_empty() {
            return Err(AppError::new("err-refund-reason", vec![]));
        }
        let original = self.store().payment(key)?.filter(|p| {
            p.kind == quay_core::payment::PaymentKind::Sale && p.state == PaymentState::Approved && crate::card::is_wallet(&p.terminal)
        });
        let Some(original) = original else {
            return Err(AppError::new("err-refund-not-wallet-payment", vec![("key", Arg::Text(key.into()))]));
        };
        self.refund_part_target(&original)?;
        let left = original.amount - crate::card::refunding_of(&self.store().payments_of_sale(original.sale_id)?, key);
        if amount.currency.code() != original.currency || amount.minor <= 0 || amount.minor > left {
            return Err(AppError::new(
                "err-refund-amount",
                vec![("amount", Arg::Money(amount)), ("left", Arg::Money(Money::new(left.max(0), self.config().currency)))],
            ));
        }
        let terminal = self.payment_terminal(&original.terminal)?;
        self.audit(approver, "payment.refund_part", key, None, Some(format!("{} {}: {}", amount.minor, original.currency, reason.trim())))?;
        self.pay_back_part(terminal.as_ref(), &original, amount.minor, true, &self.cashier_name(by))
    }

    /// Refunds a "paid, not used" wallet payment through its wallet (journaled, its own
    /// refund id), approved by a manager's PIN and audited.
    pub fn refund_unused(&self, by: &Who, approver: &Who, key: &str) -> Result<PaymentRecord> {
        self.allow(by, Action::ViewSales)?;
        self.allow(approver, Action::ApproveRefund)?;
        let Some(original) = self.store().payments_paid_unused()?.into_iter().find(|p| p.key == key) else {
            return Err(AppError::new("err-wallet-not-unused", vec![("key", Arg::Text(key.into()))]));
        };
        let terminal = self.payment_terminal(&original.terminal)?;
        self.audit(approver, "payment.refund_unused", key, None, Some(format!("{} {}", original.amount, original.currency)))?;
        self.pay_back(terminal.as_ref(), &original, &self.cashier_name(by))
    }

    /// A wallet's callback, once verified, names an order: it is only a hint to ask now
    /// (the poll of the running payment wakes; an order nobody polls is asked about).
    /// A callback naming an amount other than the journaled one is not ours to act on
    /// (refused, logged): the wallet's own answer to a query is what counts.
    pub fn wallet_hint(&self, w: Wallet, order_id: &str, amount: Option<i64>) -> Result<()> {
        let Some(p) = self.store().payment_by_order(w.as_str(), order_id)? else {
            tracing::warn!(wallet = %w, order_id, "callback for an order this counter does not know");
            return Err(AppError::new("err-wallet-unknown-order", vec![]));
        };
        if amount.is_some_and(|a| a != p.amount) {
            tracing::warn!(wallet = %w, order_id, amount, journaled = p.amount, "callback with another amount: refused");
            return Err(AppError::new("err-wallet-hint-amount", vec![]));
        }
        self.wallet_hint.notify_waiters();
        let charging = self.charging.lock().unwrap_or_else(|p| p.into_inner()).clone();
        if !p.state.is_final() && charging.as_deref() != Some(p.key.as_str()) {
            let t = self.wallet_terminal(w)?;
            self.settle_these(&t, vec![p])?;
        } else if p.kind == quay_core::payment::PaymentKind::Sale && matches!(p.state, PaymentState::Declined | PaymentState::Cancelled) {
            // A wallet says something about an order the journal closed unpaid: if it was
            // paid after all, that money must not go unseen (refund-or-keep, wave2 §4).
            let t = self.wallet_terminal(w)?;
            if let crate::card::TerminalOutcome::Approved(d) = t.enquire(&p) {
                tracing::error!(wallet = %w, key = %p.key, reference = ?d.provider_ref, "paid at the wallet after the journal closed it unpaid");
                let entry = self
                    .audit_entry("counter", "payment.paid_after_close", &p.key)
                    .change(Some(p.state.as_str().into()), Some(format!("paid at {w}: {}", d.provider_ref.unwrap_or_default())));
                self.store().audit(&entry)?;
            }
        }
        Ok(())
    }
}

/// The wallets' callback listeners (`wallet.<name>.callback.listen`): optional — a
/// counter rarely has a public address, and the poll finds every outcome anyway.
impl Counter {
    /// The listeners configured, each with the keys that verify its wallet's callbacks.
    pub fn wallet_callback_configs(&self) -> Result<Vec<CallbackConfig>> {
        let mut out = Vec::new();
        for (w, listen, secret, access) in [
            (Wallet::Momo, keys::MOMO_PAY_LISTEN, keys::MOMO_PAY_SECRET_KEY, Some(keys::MOMO_PAY_ACCESS_KEY)),
            (Wallet::ZaloPay, keys::ZALOPAY_LISTEN, keys::ZALOPAY_KEY2, None),
            (Wallet::Vnpay, keys::VNPAY_LISTEN, keys::VNPAY_SECRET, None),
            (Wallet::Alipay, keys::ALIPAY_LISTEN, keys::ALIPAY_PUBLIC_KEY, Some(keys::ALIPAY_APP_ID)),
        ] {
            let Some(addr) = self.setting(listen)?.filter(|v| !v.trim().is_empty()) else { continue };
            if !self.wallet_enabled(w)? {
                continue;
            }
            let bad = |k: &str| AppError::new("err-wallet-not-configured", vec![("wallet", label(w).into()), ("missing", k.into())]);
            let listen_at = addr.trim().parse().map_err(|_| bad(listen))?;
            // Alipay verifies with its public key and the app id (settings, not secrets).
            let (secret, access_key) = if w == Wallet::Alipay {
                let public = self.setting(secret)?.filter(|s| !s.trim().is_empty()).ok_or_else(|| bad(secret))?;
                (pem(&public, "PUBLIC KEY"), self.setting(keys::ALIPAY_APP_ID)?.unwrap_or_default())
            } else {
                let value = self.secret(secret)?.filter(|s| !s.is_empty()).ok_or_else(|| bad(secret))?;
                (
                    value,
                    match access {
                        Some(k) => self.secret(k)?.unwrap_or_default(),
                        None => String::new(),
                    },
                )
            };
            out.push(CallbackConfig { listen: listen_at, wallet: w, secret, access_key });
        }
        Ok(out)
    }
}

/// Serves every configured wallet callback until the process ends; a listener that
/// cannot bind is logged (the counter works without it).
pub async fn listen(counter: std::sync::Arc<Counter>) {
    let configs = match counter.wallet_callback_configs() {
        Ok(c) => c,
        Err(e) => {
            tracing::warn!(error = %e.detail, "the wallet callbacks are misconfigured");
            return;
        }
    };
    for config in configs {
        match listener::bind(&config).await {
            Ok(l) => {
                tokio::spawn(serve(l, counter.clone(), config, std::future::pending()));
            }
            Err(e) => tracing::error!(addr = %config.listen, wallet = %config.wallet, error = %e, "a wallet callback listener cannot bind"),
        }
    }
}

/// Serves one wallet's callbacks on `l` until `stop`, each verified hint acted on by
/// `counter` (`wallet_hint`).
pub async fn serve(
    l: tokio::net::TcpListener,
    counter: std::sync::Arc<Counter>,
    config: CallbackConfig,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let on_hint: listener::OnHint =
        std::sync::Arc::new(move |w: Wallet, order: String, amount: Option<i64>| match counter.wallet_hint(w, &order, amount) {
            Ok(()) => Ok(listener::Known::Yes),
            Err(e) if e.code == "err-wallet-unknown-order" || e.code == "err-wallet-hint-amount" => Ok(listener::Known::No),
            Err(e) => Err(e.detail),
        });
    listener::serve(l, config, on_hint, stop).await
}

/// A key as PEM with its lines as PEM wants them: a key pasted into a one-line field
/// (or given as bare base64, as Alipay's console shows it) is wrapped at 64 columns
/// under `label` (or the label it already had).
pub(crate) fn pem(v: &str, label: &str) -> String {
    let v = v.trim();
    let (label, body) = match v.strip_prefix("-----BEGIN ").and_then(|r| r.split_once("-----")) {
        Some((l, rest)) => (l.to_string(), rest.split("-----END").next().unwrap_or_default().to_string()),
        None => (label.to_string(), v.to_string()),
    };
    let b64: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    let lines: Vec<&str> = b64.as_bytes().chunks(64).map(|c| std::str::from_utf8(c).unwrap_or_default()).collect();
    format!("-----BEGIN {label}-----\n{}\n-----END {label}-----\n", lines.join("\n"))
}

/// A code of a wallet this counter does not take: refused, nothing sent.
fn unsupported(name: &str) -> AppError {
    let wallet = match name {
        "alipay" => "Alipay",
        "wechat" => "WeChat Pay",
        other => other,
    };
    AppError::new("err-wallet-code-unsupported", vec![("wallet", wallet.into())])
}
