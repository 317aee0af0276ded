//! Face-to-face trades (contract §4, wave2 §2): the answers of pay / precreate / query,
//! cancel and refund / refund query, each with a pure mapping to `WalletStatus` (or a
//! cancel outcome); the stable message id of every `ACQ.*` sub_code; and the query →
//! cancel plan the contract chose.

use std::time::Duration;

use serde_json::Value;

use super::super::cny;
use super::super::{field_text, WalletStatus};
use super::sign::AlipayAnswer;

/// After a pay that is not plainly paid or declined (10003, 20000, `ACQ.SYSTEM_ERROR`,
/// a lost or unverifiable answer), the first query is at t + 5 s …
pub const FIRST_QUERY_AFTER: Duration = Duration::from_secs(5);
/// … then every 3 s …
pub const QUERY_EVERY: Duration = Duration::from_secs(3);
/// … up to t + 30 s; still not `TRADE_SUCCESS`/`TRADE_FINISHED`/`TRADE_CLOSED` →
/// cancel at once.
pub const QUERY_UNTIL: Duration = Duration::from_secs(30);
/// A cancel that is not 10000 with `retry_flag: Y` is retried up to 3 times …
pub const CANCEL_RETRIES: u32 = 3;
/// … 2 s apart; still open → "unknown", not "failed".
pub const CANCEL_RETRY_EVERY: Duration = Duration::from_secs(2);

/// The queries' offsets from t (the pay request): 5, 8, …, 29 s.
pub fn query_offsets() -> Vec<Duration> {
    let mut out = Vec::new();
    let mut t = FIRST_QUERY_AFTER;
    while t <= QUERY_UNTIL {
        out.push(t);
        t += QUERY_EVERY;
    }
    out
}

/// The cancel retries' offsets from the first cancel: 2, 4, 6 s.
pub fn cancel_retry_offsets() -> Vec<Duration> {
    (1..=CANCEL_RETRIES).map(|n| CANCEL_RETRY_EVERY * n).collect()
}

/// `timeout_express` sent with every `pay`: longer than the 30 s plan (and any
/// reasonable confirm time), so it is our cancel that ends an unconfirmed trade; if every
/// cancel is lost, Alipay closes the trade itself after 3 minutes.
pub const PAY_TIMEOUT_EXPRESS: &str = "3m";

/// A `sub_code` without its `ACQ.` prefix (the product APIs send bare names).
fn bare(sub_code: &str) -> &str {
    sub_code.strip_prefix("ACQ.").unwrap_or(sub_code)
}

/// Final customer-side outcomes of a pay / precreate: nothing charged, the number is
/// spent (a new attempt takes a new out_trade_no).
pub const DECLINED: &[&str] = &[
    "BUYER_BALANCE_NOT_ENOUGH",
    "BUYER_BANKCARD_BALANCE_NOT_ENOUGH",
    "PAYMENT_FAIL",
    "TRADE_HAS_CLOSE",
    "TRADE_HAS_FINISHED",
    "PAYMENT_AUTH_CODE_INVALID",
    "PAYMENT_REQUEST_HAS_RISK",
    "TOTAL_FEE_EXCEED",
    "BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR",
    "BUYER_PAYMENT_AMOUNT_MONTH_LIMIT_ERROR",
    "BUYER_ENABLE_STATUS_FORBID",
    "TRADE_BUYER_NOT_MATCH",
    "BUYER_SELLER_EQUAL",
    "ERROR_BALANCE_PAYMENT_DISABLE",
    "PULL_MOBILE_CASHIER_FAIL",
    "MOBILE_PAYMENT_SWITCH_OFF",
    "USER_FACE_PAYMENT_SWITCH_OFF",
    "BEYOND_PAY_RESTRICTION",
    "BEYOND_PER_RECEIPT_RESTRICTION",
    "BUYER_UNSUPPORT_ADVANCE",
    "ERROR_BUYER_CERTIFY_LEVEL_LIMIT",
    "PAYMENT_SCENE_NOT_SUPPORT",
];

/// Our request was refused (parameters, merchant set-up, state): nothing was done.
pub const REFUSED: &[&str] = &[
    "INVALID_PARAMETER",
    "ACCESS_FORBIDDEN",
    "CONTEXT_INCONSISTENT",
    "CURRENCY_NOT_SUPPORT",
    "INVALID_STORE_ID",
    "EXIST_FORBIDDEN_WORD",
    "PARTNER_ERROR",
    "SELLER_BEEN_BLOCKED",
    "SECONDARY_MERCHANT_STATUS_ERROR",
    "TRADE_STATUS_ERROR",
    "TRADE_CANCEL_TIME_OUT",
    "REASON_TRADE_REFUND_FEE_ERR",
    "REFUND_AMT_NOT_EQUAL_TOTAL",
    "DISCORDANT_REPEAT_REQUEST",
    "SELLER_BALANCE_NOT_ENOUGH",
    "REASON_TRADE_BEEN_FREEZEN",
    "NOT_ALLOW_PARTIAL_REFUND",
];

/// Request-level refusals (missing / invalid parameter or signature, rate limit).
pub const REFUSED_CODES: &[&str] = &["40001", "40002", "40005"];

/// Every `ACQ.*` sub_code the cashier (or a manager refunding) can meet → a stable
/// Fluent id the app translates. The prefix `ACQ.` is optional. Anything else →
/// `alipay-acq-other`.
pub fn sub_code_message_id(sub_code: &str) -> &'static str {
    SUB_CODE_IDS.iter().find(|(c, _)| *c == bare(sub_code.trim())).map(|(_, id)| *id).unwrap_or("alipay-acq-other")
}

/// The table behind `sub_code_message_id` (the list of ids the app must translate, plus
/// `alipay-acq-other`).
pub const SUB_CODE_IDS: &[(&str, &str)] = &[
    ("SYSTEM_ERROR", "alipay-acq-system-error"),
    ("EXIST_FORBIDDEN", "alipay-acq-exist-forbidden"),
    ("NO_PAYMENT_INSTRUMENTS_AVAILABLE", "alipay-acq-no-payment-instruments-available"),
    ("TRADE_NOT_ALLOW_REFUND", "alipay-acq-trade-not-allow-refund"),
    ("INVALID_PARAMETER", "alipay-acq-invalid-parameter"),
    ("ACCESS_FORBIDDEN", "alipay-acq-access-forbidden"),
    ("EXIST_FORBIDDEN_WORD", "alipay-acq-exist-forbidden-word"),
    ("PARTNER_ERROR", "alipay-acq-partner-error"),
    ("CONTEXT_INCONSISTENT", "alipay-acq-context-inconsistent"),
    ("CURRENCY_NOT_SUPPORT", "alipay-acq-currency-not-support"),
    ("INVALID_STORE_ID", "alipay-acq-invalid-store-id"),
    ("SELLER_BEEN_BLOCKED", "alipay-acq-seller-been-blocked"),
    ("SECONDARY_MERCHANT_STATUS_ERROR", "alipay-acq-secondary-merchant-status-error"),
    ("TRADE_HAS_SUCCESS", "alipay-acq-trade-has-success"),
    ("TRADE_HAS_CLOSE", "alipay-acq-trade-has-close"),
    ("TRADE_HAS_FINISHED", "alipay-acq-trade-has-finished"),
    ("TRADE_NOT_EXIST", "alipay-acq-trade-not-exist"),
    ("TRADE_STATUS_ERROR", "alipay-acq-trade-status-error"),
    ("TRADE_BUYER_NOT_MATCH", "alipay-acq-trade-buyer-not-match"),
    ("TRADE_CANCEL_TIME_OUT", "alipay-acq-trade-cancel-time-out"),
    ("PAYMENT_AUTH_CODE_INVALID", "alipay-acq-payment-auth-code-invalid"),
    ("PAYMENT_FAIL", "alipay-acq-payment-fail"),
    ("PAYMENT_REQUEST_HAS_RISK", "alipay-acq-payment-request-has-risk"),
    ("PAYMENT_SCENE_NOT_SUPPORT", "alipay-acq-payment-scene-not-support"),
    ("TOTAL_FEE_EXCEED", "alipay-acq-total-fee-exceed"),
    ("BUYER_BALANCE_NOT_ENOUGH", "alipay-acq-buyer-balance-not-enough"),
    ("BUYER_BANKCARD_BALANCE_NOT_ENOUGH", "alipay-acq-buyer-bankcard-balance-not-enough"),
    ("BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR", "alipay-acq-buyer-payment-amount-day-limit-error"),
    ("BUYER_PAYMENT_AMOUNT_MONTH_LIMIT_ERROR", "alipay-acq-buyer-payment-amount-month-limit-error"),
    ("BUYER_ENABLE_STATUS_FORBID", "alipay-acq-buyer-enable-status-forbid"),
    ("BUYER_SELLER_EQUAL", "alipay-acq-buyer-seller-equal"),
    ("BUYER_UNSUPPORT_ADVANCE", "alipay-acq-buyer-unsupport-advance"),
    ("ERROR_BALANCE_PAYMENT_DISABLE", "alipay-acq-error-balance-payment-disable"),
    ("ERROR_BUYER_CERTIFY_LEVEL_LIMIT", "alipay-acq-error-buyer-certify-level-limit"),
    ("PULL_MOBILE_CASHIER_FAIL", "alipay-acq-pull-mobile-cashier-fail"),
    ("MOBILE_PAYMENT_SWITCH_OFF", "alipay-acq-mobile-payment-switch-off"),
    ("USER_FACE_PAYMENT_SWITCH_OFF", "alipay-acq-user-face-payment-switch-off"),
    ("BEYOND_PAY_RESTRICTION", "alipay-acq-beyond-pay-restriction"),
    ("BEYOND_PER_RECEIPT_RESTRICTION", "alipay-acq-beyond-per-receipt-restriction"),
    ("REASON_TRADE_REFUND_FEE_ERR", "alipay-acq-reason-trade-refund-fee-err"),
    ("REASON_TRADE_BEEN_FREEZEN", "alipay-acq-reason-trade-been-freezen"),
    ("REFUND_AMT_NOT_EQUAL_TOTAL", "alipay-acq-refund-amt-not-equal-total"),
    ("DISCORDANT_REPEAT_REQUEST", "alipay-acq-discordant-repeat-request"),
    ("SELLER_BALANCE_NOT_ENOUGH", "alipay-acq-seller-balance-not-enough"),
    ("NOT_ALLOW_PARTIAL_REFUND", "alipay-acq-not-allow-partial-refund"),
];

/// The status of a non-10000 trade answer (pay, precreate, query): 10003 / 20000 /
/// `ACQ.SYSTEM_ERROR` / `ACQ.TRADE_HAS_SUCCESS` → `Waiting` · `ACQ.TRADE_NOT_EXIST` →
/// `NotFound` · `DECLINED` → `Declined` · 40001/40002/40005 and `REFUSED` → `Refused` ·
/// anything else → `Waiting` (query; never paid, never final).
fn failure_status(a: &Failure) -> WalletStatus {
    let code = a.sub_code.clone().unwrap_or_else(|| a.code.clone());
    let message = a.sub_msg.clone().unwrap_or_else(|| a.msg.clone());
    let name = a.sub_code.as_deref().map(bare).unwrap_or("");
    if REFUSED_CODES.contains(&a.code.as_str()) {
        return WalletStatus::Refused { code, message };
    }
    match name {
        "SYSTEM_ERROR" | "TRADE_HAS_SUCCESS" => WalletStatus::Waiting { code },
        "TRADE_NOT_EXIST" => WalletStatus::NotFound { code },
        n if a.code == "40004" && DECLINED.contains(&n) => WalletStatus::Declined { code, message },
        n if a.code == "40004" && REFUSED.contains(&n) => WalletStatus::Refused { code, message },
        _ => WalletStatus::Waiting { code },
    }
}

struct Failure<'a> {
    code: &'a String,
    msg: &'a String,
    sub_code: &'a Option<String>,
    sub_msg: &'a Option<String>,
}

/// A coupon used in a payment (`voucher_detail_list`), to be recorded with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoucherDetail {
    pub id: String,
    pub name: String,
    /// Alipay's `type` (e.g. `ALIPAY_FIX_VOUCHER`, `ALIPAY_DISCOUNT_VOUCHER`).
    pub kind: String,
    /// The coupon's value in this payment, fen (None: absent or unreadable).
    pub amount_fen: Option<i64>,
    /// The merchant's share of it, fen.
    pub merchant_contribute_fen: Option<i64>,
    /// The others' share (Alipay, a partner), fen.
    pub other_contribute_fen: Option<i64>,
}

/// A yuan field in fen: only a string of `\d+(\.\d{1,2})?` is read (a JSON number, a
/// sign or three decimals → None; never rounded).
pub fn yuan_field(v: Option<&Value>) -> Option<i64> {
    match v? {
        Value::String(s) => cny::parse_yuan(s).ok(),
        _ => None,
    }
}

fn text(v: &serde_json::Map<String, Value>, k: &str) -> Option<String> {
    Some(field_text(v.get(k))).filter(|s| !s.is_empty())
}

fn vouchers(v: Option<&Value>) -> Vec<VoucherDetail> {
    let list = match v {
        Some(Value::Array(a)) => a.clone(),
        // Some SDK versions carry the list as a JSON text.
        Some(Value::String(s)) => serde_json::from_str::<Vec<Value>>(s).unwrap_or_default(),
        _ => Vec::new(),
    };
    list.iter()
        .filter_map(Value::as_object)
        .map(|d| VoucherDetail {
            id: text(d, "id").unwrap_or_default(),
            name: text(d, "name").unwrap_or_default(),
            kind: text(d, "type").unwrap_or_default(),
            amount_fen: yuan_field(d.get("amount")),
            merchant_contribute_fen: yuan_field(d.get("merchant_contribute")),
            other_contribute_fen: yuan_field(d.get("other_contribute")),
        })
        .collect()
}

/// The answer of `alipay.trade.pay`, `alipay.trade.precreate` or `alipay.trade.query`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TradeAnswer {
    pub code: String,
    pub msg: String,
    pub sub_code: Option<String>,
    pub sub_msg: Option<String>,
    /// Alipay's trade number (28 digits): the payment's reference.
    pub trade_no: Option<String>,
    pub out_trade_no: Option<String>,
    /// query only: `WAIT_BUYER_PAY`, `TRADE_SUCCESS`, `TRADE_FINISHED`, `TRADE_CLOSED`.
    pub trade_status: Option<String>,
    /// The buyer's masked account (`159****5620`), for the receipt.
    pub buyer_logon_id: Option<String>,
    /// `total_amount` in fen (failures echo `"0.00"` → Some(0)).
    pub total_fen: Option<i64>,
    /// `receipt_amount` (what the merchant receives) in fen.
    pub receipt_fen: Option<i64>,
    /// `buyer_pay_amount` in fen.
    pub buyer_pay_fen: Option<i64>,
    /// `gmt_payment`, Beijing time as Alipay wrote it.
    pub gmt_payment: Option<String>,
    /// precreate: the text to render as the QR (valid 2 h).
    pub qr_code: Option<String>,
    pub voucher_detail_list: Vec<VoucherDetail>,
    pub signed: bool,
}

impl TradeAnswer {
    pub fn from_answer(a: &AlipayAnswer) -> TradeAnswer {
        let f = &a.fields;
        TradeAnswer {
            code: a.code.clone(),
            msg: a.msg.clone(),
            sub_code: a.sub_code.clone(),
            sub_msg: a.sub_msg.clone(),
            trade_no: text(f, "trade_no"),
            out_trade_no: text(f, "out_trade_no"),
            trade_status: text(f, "trade_status"),
            buyer_logon_id: text(f, "buyer_logon_id"),
            total_fen: yuan_field(f.get("total_amount")),
            receipt_fen: yuan_field(f.get("receipt_amount")),
            buyer_pay_fen: yuan_field(f.get("buyer_pay_amount")),
            gmt_payment: text(f, "gmt_payment"),
            qr_code: text(f, "qr_code"),
            voucher_detail_list: vouchers(f.get("voucher_detail_list")),
            signed: a.signed,
        }
    }

    /// The answer as a `WalletStatus` (contract §4, wave2 §2):
    /// - 10000 with `trade_status` (query): `TRADE_SUCCESS`/`TRADE_FINISHED` → `Paid`
    ///   (reference trade_no, amount total_amount in fen) · `WAIT_BUYER_PAY` → `Waiting`
    ///   · `TRADE_CLOSED` → `Declined` · other → `Waiting`;
    /// - 10000 without it: with trade_no and a positive total_amount (pay) → `Paid`;
    ///   otherwise (precreate: a QR, not a payment) → `Waiting {"10000"}`;
    /// - a `Paid` reading without trade_no or a positive amount is `Waiting` (query);
    /// - 10003, 20000, `ACQ.SYSTEM_ERROR` → `Waiting`; `ACQ.TRADE_HAS_SUCCESS` (a repeat
    ///   of a paid pay) → `Waiting {"ACQ.TRADE_HAS_SUCCESS"}`: it means paid, confirmed
    ///   (with its amount) by a query;
    /// - `ACQ.TRADE_NOT_EXIST` → `NotFound`; final declines → `Declined {sub_code,
    ///   sub_msg}`; request refusals → `Refused`; anything unknown → `Waiting`.
    pub fn status(&self) -> WalletStatus {
        if self.code != "10000" {
            return failure_status(&Failure { code: &self.code, msg: &self.msg, sub_code: &self.sub_code, sub_msg: &self.sub_msg });
        }
        let paid = || match (&self.trade_no, self.total_fen) {
            (Some(reference), Some(amount)) if amount > 0 => Some(WalletStatus::Paid { reference: reference.clone(), amount }),
            _ => None,
        };
        match self.trade_status.as_deref() {
            Some(s @ ("TRADE_SUCCESS" | "TRADE_FINISHED")) => paid().unwrap_or(WalletStatus::Waiting { code: s.to_string() }),
            Some("TRADE_CLOSED") => WalletStatus::Declined {
                code: "TRADE_CLOSED".into(),
                message: "the trade is closed (unpaid until its deadline, cancelled, or fully refunded)".into(),
            },
            Some(other) => WalletStatus::Waiting { code: other.to_string() },
            None if self.qr_code.is_none() => paid().unwrap_or(WalletStatus::Waiting { code: self.code.clone() }),
            None => WalletStatus::Waiting { code: self.code.clone() },
        }
    }

    /// The message id for this answer's sub_code (`alipay-acq-other` without one).
    pub fn message_id(&self) -> &'static str {
        sub_code_message_id(self.sub_code.as_deref().unwrap_or(""))
    }
}

/// What a cancel did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CancelOutcome {
    /// `action: close` (or 10000 without an action: no such trade, its number burnt):
    /// it was unpaid and is closed. Nothing was charged.
    Closed,
    /// `action: refund`: the customer had paid and was refunded. The app shows
    /// "refunded", never "paid".
    Refunded,
    /// Not done, ask again (`retry_flag: Y`, 20000, `ACQ.SYSTEM_ERROR`): up to
    /// `CANCEL_RETRIES` times, `CANCEL_RETRY_EVERY` apart.
    Retry,
    /// Refused for good (`ACQ.TRADE_CANCEL_TIME_OUT` → refund instead;
    /// `ACQ.REASON_TRADE_REFUND_FEE_ERR`, `ACQ.TRADE_HAS_FINISHED`, a request refusal…):
    /// query to learn the trade's state.
    Failed { code: String, message: String },
}

/// The answer of `alipay.trade.cancel`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CancelAnswer {
    pub code: String,
    pub msg: String,
    pub sub_code: Option<String>,
    pub sub_msg: Option<String>,
    pub trade_no: Option<String>,
    pub out_trade_no: Option<String>,
    /// `Y` / `N`.
    pub retry_flag: Option<String>,
    /// `close` | `refund` | absent.
    pub action: Option<String>,
    pub signed: bool,
}

impl CancelAnswer {
    pub fn from_answer(a: &AlipayAnswer) -> CancelAnswer {
        let f = &a.fields;
        CancelAnswer {
            code: a.code.clone(),
            msg: a.msg.clone(),
            sub_code: a.sub_code.clone(),
            sub_msg: a.sub_msg.clone(),
            trade_no: text(f, "trade_no"),
            out_trade_no: text(f, "out_trade_no"),
            retry_flag: text(f, "retry_flag"),
            action: text(f, "action"),
            signed: a.signed,
        }
    }

    /// 10000: `refund` → `Refunded`, `close` or none → `Closed`, another action →
    /// `Failed` (query) · not 10000: `retry_flag: Y`, 20000 or `ACQ.SYSTEM_ERROR` →
    /// `Retry`, else `Failed {sub_code, sub_msg}`.
    pub fn outcome(&self) -> CancelOutcome {
        let code = self.sub_code.clone().unwrap_or_else(|| self.code.clone());
        let message = self.sub_msg.clone().unwrap_or_else(|| self.msg.clone());
        if self.code == "10000" {
            return match self.action.as_deref() {
                Some("refund") => CancelOutcome::Refunded,
                Some("close") | None => CancelOutcome::Closed,
                Some(other) => CancelOutcome::Failed { code: format!("10000/{other}"), message: format!("cancel action {other:?}") },
            };
        }
        let system = self.sub_code.as_deref().map(bare) == Some("SYSTEM_ERROR");
        if self.retry_flag.as_deref() == Some("Y") || self.code == "20000" || system {
            return CancelOutcome::Retry;
        }
        CancelOutcome::Failed { code, message }
    }
}

/// The answer of `alipay.trade.refund` or `alipay.trade.fastpay.refund.query`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefundAnswer {
    pub code: String,
    pub msg: String,
    pub sub_code: Option<String>,
    pub sub_msg: Option<String>,
    pub trade_no: Option<String>,
    pub out_trade_no: Option<String>,
    /// Ours, as sent (the refund's idempotency key and its reference).
    pub out_request_no: String,
    /// refund: `Y` money moved in this call, `N` not (a replay) → `Some(false)`.
    pub fund_change: Option<bool>,
    /// refund: the trade's refunded total so far (cumulative), fen.
    pub refund_fee_fen: Option<i64>,
    /// refund: what went back to the buyer in this call, fen.
    pub send_back_fee_fen: Option<i64>,
    /// This refund's amount, fen: the requested one for `refund`; `refund_amount` for
    /// the query (None when Alipay did not say).
    pub refund_fen: Option<i64>,
    /// query only: `REFUND_SUCCESS`, or absent = not (yet) refunded.
    pub refund_status: Option<String>,
    pub gmt_refund_pay: Option<String>,
    /// Whether this is the query's answer.
    pub from_query: bool,
    pub signed: bool,
}

impl RefundAnswer {
    pub fn from_answer(a: &AlipayAnswer, out_request_no: &str, requested_fen: Option<i64>, from_query: bool) -> RefundAnswer {
        let f = &a.fields;
        RefundAnswer {
            code: a.code.clone(),
            msg: a.msg.clone(),
            sub_code: a.sub_code.clone(),
            sub_msg: a.sub_msg.clone(),
            trade_no: text(f, "trade_no"),
            out_trade_no: text(f, "out_trade_no"),
            out_request_no: out_request_no.to_string(),
            fund_change: text(f, "fund_change").map(|s| s == "Y"),
            refund_fee_fen: yuan_field(f.get("refund_fee")),
            send_back_fee_fen: yuan_field(f.get("send_back_fee")),
            refund_fen: if from_query { yuan_field(f.get("refund_amount")) } else { requested_fen },
            refund_status: text(f, "refund_status"),
            gmt_refund_pay: text(f, "gmt_refund_pay"),
            from_query,
            signed: a.signed,
        }
    }

    /// refund 10000 + `fund_change: Y` → `Paid {reference: out_request_no, amount: the
    /// requested fen}` · 10000 + `fund_change: N` (or absent) → `Waiting {"FUND_CHANGE_N"}`:
    /// a replay or nothing moved — ask `refund_query` · query 10000 + `REFUND_SUCCESS` →
    /// `Paid` (amount `refund_amount`, 0 when absent: the journal's applies) · query
    /// 10000 without refund_status → `NotFound` (not refunded: send the same refund again)
    /// · 20000, `ACQ.SYSTEM_ERROR`, unknown → `Waiting` · `ACQ.TRADE_NOT_EXIST` →
    /// `NotFound` · 40001/40002/40005 and every other known sub_code → `Refused`.
    pub fn status(&self) -> WalletStatus {
        if self.code == "10000" {
            let paid = WalletStatus::Paid { reference: self.out_request_no.clone(), amount: self.refund_fen.unwrap_or(0) };
            if self.from_query {
                return match self.refund_status.as_deref() {
                    Some("REFUND_SUCCESS") => paid,
                    None => WalletStatus::NotFound { code: "10000".into() },
                    Some(other) => WalletStatus::Waiting { code: other.to_string() },
                };
            }
            return match self.fund_change {
                Some(true) => paid,
                _ => WalletStatus::Waiting { code: "FUND_CHANGE_N".into() },
            };
        }
        match failure_status(&Failure { code: &self.code, msg: &self.msg, sub_code: &self.sub_code, sub_msg: &self.sub_msg }) {
            WalletStatus::Declined { code, message } => WalletStatus::Refused { code, message },
            other => other,
        }
    }
}
