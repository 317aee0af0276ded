//! Alipay face-to-face on the classic gateway (`POST {alipay_url}/gateway.do`), contract §4 and
//! wave2 §2, with the contract's "where the public documentation is silent" readings. The
//! envelope (parameters, request signature, signed answers, `\/`), the trade methods and the
//! notifications live here; the smart-store data APIs (shops, items, order sync, coupons) in
//! `alipay_store.rs`. Signing and verification are our own (SHA256withRSA, PKCS#1 v1.5).

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::time::Duration;

use base64::Engine;
use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone, Utc};
use rsa::{Pkcs1v15Sign, RsaPrivateKey, RsaPublicKey};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use super::alipay_store::{self, StoreState};
use super::server::Reply;
use super::WalletSim;

/// Alipay's own key pair (RSA 2048): the simulator signs answers and notifications with the
/// private one; the app is configured with the public one (SubjectPublicKeyInfo PEM).
pub const ALIPAY_GATEWAY_PUBLIC_KEY: &str = include_str!("../../keys/alipay-gateway-public.pem");
/// PKCS#8 PEM.
pub const ALIPAY_GATEWAY_PRIVATE_KEY: &str = include_str!("../../keys/alipay-gateway-private.pem");
/// The merchant app's key pair: the app signs requests with the private one (PKCS#8 PEM), the
/// simulator verifies them with the public one.
pub const ALIPAY_APP_PRIVATE_KEY: &str = include_str!("../../keys/alipay-app-private.pem");
pub const ALIPAY_APP_PUBLIC_KEY: &str = include_str!("../../keys/alipay-app-public.pem");

/// The sandbox app_id.
pub const ALIPAY_SANDBOX_APP_ID: &str = "2021000000000001";

pub(crate) type Fields = Map<String, Value>;

#[derive(Clone, Debug)]
pub struct AlipaySimConfig {
    pub app_id: String,
    /// The app's public key (PEM, SPKI): requests are verified with it.
    pub app_public_key: String,
    /// Alipay's private key (PEM, PKCS#8): answers and notifications are signed with it.
    pub gateway_private_key: String,
    /// Send every `/` of an answer's inner object as `\/` (it is signed with plain `/`).
    pub escape_slashes: bool,
    /// A created shop is approved (status 99, a shop_id) this long after its first create.
    pub store_approval_after: Duration,
    /// `timestamp` (Beijing time) must be this close to the real clock.
    pub timestamp_tolerance: Duration,
    /// The coupons the simulator knows at start.
    pub coupons: Vec<AlipayCoupon>,
    /// Delays of a notification's deliveries until the merchant answers `success`.
    pub notify_retries: Vec<Duration>,
}

impl AlipaySimConfig {
    pub fn sandbox() -> Self {
        let coupon = |code: &str, activity: &str, name: &str, amount: i64, floor: i64, status: CouponStatus| AlipayCoupon {
            voucher_code: code.into(),
            activity_id: activity.into(),
            name: name.into(),
            amount_fen: amount,
            floor_amount_fen: floor,
            status,
        };
        AlipaySimConfig {
            app_id: ALIPAY_SANDBOX_APP_ID.into(),
            app_public_key: ALIPAY_APP_PUBLIC_KEY.into(),
            gateway_private_key: ALIPAY_GATEWAY_PRIVATE_KEY.into(),
            escape_slashes: true,
            store_approval_after: Duration::from_secs(2),
            timestamp_tolerance: Duration::from_secs(15 * 60),
            coupons: vec![
                coupon("ALIQ10", "ACT-QUAY-10", "满50减10", 1000, 5000, CouponStatus::Unused),
                coupon("ALIQ5", "ACT-QUAY-5", "立减5元", 500, 0, CouponStatus::Unused),
                coupon("ALIQEXP", "ACT-QUAY-5", "立减5元", 500, 0, CouponStatus::Expired),
            ],
            notify_retries: vec![Duration::ZERO, Duration::from_millis(500), Duration::from_secs(1), Duration::from_secs(2)],
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CouponStatus {
    #[default]
    Unused,
    Used,
    Expired,
}

impl CouponStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CouponStatus::Unused => "UNUSED",
            CouponStatus::Used => "USED",
            CouponStatus::Expired => "EXPIRED",
        }
    }
}

/// A merchant coupon (ordervoucher): `amount_fen` off a purchase of at least `floor_amount_fen`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlipayCoupon {
    pub voucher_code: String,
    pub activity_id: String,
    #[serde(default)]
    pub name: String,
    pub amount_fen: i64,
    #[serde(default)]
    pub floor_amount_fen: i64,
    #[serde(default)]
    pub status: CouponStatus,
}

/// The buyer of the NEXT new trade (pay or precreate), see `AlipaySim::script_next`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AlipayScript {
    /// pay: 10000 at once. precreate: scanned and paid ~300 ms after.
    Pay,
    /// pay: 10003 (the buyer confirms on the phone), paid after the delay. precreate: scanned at
    /// once, paid after the delay.
    ConfirmAfter(Duration),
    /// pay: 40004 ACQ.BUYER_BALANCE_NOT_ENOUGH, the trade closed. precreate: scanned, never paid.
    InsufficientBalance,
    /// pay: 10003, the buyer pays just before the merchant's cancel arrives (so the cancel
    /// refunds: action `refund`); queries show WAIT_BUYER_PAY until then. precreate: the same
    /// once scanned (at once).
    PaysBeforeCancel,
    /// pay: 10003 and never paid (closed at expiry or by cancel/close). precreate: scanned at once.
    NeverPays,
    /// Paid (precreate: created), then the connection is closed without an answer.
    LoseAnswerAfterSuccess,
    /// 20000 ACQ.SYSTEM_ERROR once; nothing is recorded (query: ACQ.TRADE_NOT_EXIST, a repeat
    /// goes through).
    SystemError,
    /// The answer is signed with another key (the app's): it fails verification.
    BadSignature,
    /// Paid at once with a coupon: voucher_detail_list, buyer_pay_amount lower by `amount_fen`,
    /// receipt_amount lower by `merchant_contribute_fen`.
    Coupon { amount_fen: i64, merchant_contribute_fen: i64 },
}

/// What `POST /admin/wallet/alipay/script` accepts: `"pay"`, `{"confirm_after_ms": N}`,
/// `"insufficient_balance"`, `"pays_before_cancel"`, `"never_pays"`,
/// `"lose_answer_after_success"`, `"system_error"`, `"bad_signature"`,
/// `{"coupon": {"amount_fen": 1000, "merchant_contribute_fen": 1000}}`.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum WireAlipayScript {
    Pay,
    ConfirmAfterMs(u64),
    InsufficientBalance,
    PaysBeforeCancel,
    NeverPays,
    LoseAnswerAfterSuccess,
    SystemError,
    BadSignature,
    Coupon {
        amount_fen: i64,
        #[serde(default)]
        merchant_contribute_fen: Option<i64>,
    },
}

impl From<WireAlipayScript> for AlipayScript {
    fn from(w: WireAlipayScript) -> Self {
        match w {
            WireAlipayScript::Pay => AlipayScript::Pay,
            WireAlipayScript::ConfirmAfterMs(ms) => AlipayScript::ConfirmAfter(Duration::from_millis(ms)),
            WireAlipayScript::InsufficientBalance => AlipayScript::InsufficientBalance,
            WireAlipayScript::PaysBeforeCancel => AlipayScript::PaysBeforeCancel,
            WireAlipayScript::NeverPays => AlipayScript::NeverPays,
            WireAlipayScript::LoseAnswerAfterSuccess => AlipayScript::LoseAnswerAfterSuccess,
            WireAlipayScript::SystemError => AlipayScript::SystemError,
            WireAlipayScript::BadSignature => AlipayScript::BadSignature,
            WireAlipayScript::Coupon { amount_fen, merchant_contribute_fen } => {
                AlipayScript::Coupon { amount_fen, merchant_contribute_fen: merchant_contribute_fen.unwrap_or(amount_fen) }
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TradeStatus {
    WaitBuyerPay,
    TradeSuccess,
    TradeFinished,
    TradeClosed,
}

impl TradeStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TradeStatus::WaitBuyerPay => "WAIT_BUYER_PAY",
            TradeStatus::TradeSuccess => "TRADE_SUCCESS",
            TradeStatus::TradeFinished => "TRADE_FINISHED",
            TradeStatus::TradeClosed => "TRADE_CLOSED",
        }
    }
}

/// A trade as Alipay sees it (for tests). Amounts in fen.
#[derive(Clone, Debug, Serialize)]
pub struct AlipayTrade {
    pub out_trade_no: String,
    pub trade_no: String,
    pub status: TradeStatus,
    /// Made by precreate (a QR) rather than pay (a scanned code).
    pub precreate: bool,
    /// precreate: the buyer scanned the QR (before that, query says ACQ.TRADE_NOT_EXIST).
    pub scanned: bool,
    pub total_fen: i64,
    /// total_fen once paid, else 0.
    pub paid_fen: i64,
    /// What the merchant receives (total minus a merchant-funded coupon), once paid.
    pub receipt_fen: i64,
    pub refunded_fen: i64,
    pub voucher_fen: i64,
    /// pay / precreate calls that named this out_trade_no (repeats included).
    pub pay_calls: u32,
    pub precreate_calls: u32,
    /// The buyer paid after the merchant's last query and before its cancel (refunded by it).
    pub refunded_by_cancel: bool,
}

/// One notification POST, as the merchant answered it.
#[derive(Clone, Debug, Serialize)]
pub struct AlipayNotifyDelivery {
    pub out_trade_no: String,
    pub notify_id: String,
    /// None for a genuine one; else the forgery (`send_notify`).
    pub forgery: Option<String>,
    /// The merchant answered exactly `success`.
    pub acknowledged: bool,
    /// HTTP status and body, or the transport error.
    pub answer: String,
}

/// What `AlipaySim::send_notify` sends.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum NotifyForgery {
    /// The trade's real notification (once, no retries).
    Genuine,
    /// Signed with another key.
    BadSignature,
    /// No sign at all.
    Unsigned,
    /// Correctly signed, but total_amount (and receipt_amount) say this many fen.
    OtherAmount(i64),
    /// Correctly signed, for another app_id.
    OtherAppId(String),
}

#[derive(Clone, Debug)]
pub(crate) struct Refund {
    pub out_request_no: String,
    pub amount: i64,
    pub gmt: DateTime<Utc>,
}

#[derive(Clone, Debug)]
pub(crate) struct Trade {
    pub out_trade_no: String,
    pub trade_no: String,
    pub precreate: bool,
    pub status: TradeStatus,
    pub total: i64,
    /// biz_content as received (repeat comparison).
    pub biz: Fields,
    pub auth_code: String,
    pub subject: String,
    pub created: DateTime<Utc>,
    pub expires: DateTime<Utc>,
    pub paid_at: Option<DateTime<Utc>>,
    pub scanned: bool,
    pub qr_code: String,
    pub buyer_logon_id: String,
    pub buyer_user_id: String,
    pub notify_url: Option<String>,
    pub pay_calls: u32,
    pub precreate_calls: u32,
    /// (amount, merchant_contribute) in fen.
    pub voucher: Option<(i64, i64)>,
    pub voucher_id: String,
    pub pays_on_cancel: bool,
    pub refunded_by_cancel: bool,
    pub refunds: Vec<Refund>,
    pub refunded: i64,
    /// The first successful cancel's answer (repeats answer it).
    pub cancel_answer: Option<Fields>,
    /// Declined at pay (ACQ.BUYER_BALANCE_NOT_ENOUGH).
    pub declined: bool,
}

impl Trade {
    fn refresh(&mut self, now: DateTime<Utc>) {
        if self.status == TradeStatus::WaitBuyerPay && now > self.expires {
            self.status = TradeStatus::TradeClosed;
        }
    }

    fn paid(&self) -> bool {
        self.paid_at.is_some()
    }

    fn receipt(&self) -> i64 {
        if self.paid() {
            self.total - self.voucher.map(|v| v.1).unwrap_or(0)
        } else {
            0
        }
    }

    fn buyer_pay(&self) -> i64 {
        if self.paid() {
            self.total - self.voucher.map(|v| v.0).unwrap_or(0)
        } else {
            0
        }
    }

    fn public(&self) -> AlipayTrade {
        AlipayTrade {
            out_trade_no: self.out_trade_no.clone(),
            trade_no: self.trade_no.clone(),
            status: self.status,
            precreate: self.precreate,
            scanned: self.scanned,
            total_fen: self.total,
            paid_fen: if self.paid() { self.total } else { 0 },
            receipt_fen: self.receipt(),
            refunded_fen: self.refunded,
            voucher_fen: self.voucher.map(|v| v.0).unwrap_or(0),
            pay_calls: self.pay_calls,
            precreate_calls: self.precreate_calls,
            refunded_by_cancel: self.refunded_by_cancel,
        }
    }

    fn voucher_list(&self) -> Option<Value> {
        let (amount, contribute) = self.voucher?;
        Some(json!([{
            "id": self.voucher_id,
            "name": "商家券",
            "type": "ALIPAY_CASH_VOUCHER",
            "amount": yuan_text(amount),
            "merchant_contribute": yuan_text(contribute),
        }]))
    }
}

#[derive(Default)]
pub(crate) struct AliState {
    pub trades: Vec<Trade>,
    /// out_trade_no cancelled before any trade existed → that cancel's answer.
    pub burnt: HashMap<String, Fields>,
    /// auth_code → the out_trade_no that used it.
    pub used_codes: HashMap<String, String>,
    pub scripts: VecDeque<AlipayScript>,
    /// Added to the real clock (tests of the 24 h cancel window, expiries).
    pub clock: chrono::Duration,
    pub down: bool,
    pub seq: i64,
    pub notifications: Vec<AlipayNotifyDelivery>,
    pub store: StoreState,
}

impl AliState {
    pub(crate) fn next(&mut self) -> i64 {
        self.seq += 1;
        self.seq
    }

    pub(crate) fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.clock
    }

    fn trade(&mut self, out_trade_no: &str) -> Option<&mut Trade> {
        let now = self.now();
        let t = self.trades.iter_mut().find(|t| t.out_trade_no == out_trade_no)?;
        t.refresh(now);
        Some(t)
    }

    fn trade_by_no(&mut self, trade_no: &str) -> Option<&mut Trade> {
        let now = self.now();
        let t = self.trades.iter_mut().find(|t| t.trade_no == trade_no)?;
        t.refresh(now);
        Some(t)
    }
}

/// Alipay's state and keys, inside the wallets' shared state.
pub(crate) struct AlipayShared {
    pub state: std::sync::Mutex<AliState>,
    signer: RsaPrivateKey,
    /// Signs BadSignature answers and forged notifications (the app's private key).
    wrong_signer: RsaPrivateKey,
    verifier: RsaPublicKey,
}

impl AlipayShared {
    pub(crate) fn new(cfg: &AlipaySimConfig) -> AlipayShared {
        use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey};
        let private = RsaPrivateKey::from_pkcs8_pem(&cfg.gateway_private_key).expect("alipay.gateway_private_key: PKCS#8 PEM");
        let public = RsaPublicKey::from_public_key_pem(&cfg.app_public_key).expect("alipay.app_public_key: SPKI PEM");
        let wrong = RsaPrivateKey::from_pkcs8_pem(ALIPAY_APP_PRIVATE_KEY).expect("the app key");
        let mut state = AliState::default();
        state.store.coupons = cfg.coupons.clone();
        AlipayShared { state: std::sync::Mutex::new(state), signer: private, wrong_signer: wrong, verifier: public }
    }
}

fn b64() -> base64::engine::GeneralPurpose {
    base64::engine::general_purpose::STANDARD
}

/// SHA256withRSA: PKCS#1 v1.5 over the SHA-256 DigestInfo.
fn sha256_padding() -> Pkcs1v15Sign {
    const DIGEST_INFO: [u8; 19] =
        [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20];
    Pkcs1v15Sign { hash_len: Some(32), prefix: Box::new(DIGEST_INFO) }
}

fn rsa_sign(key: &RsaPrivateKey, data: &str) -> String {
    let sig = key.sign(sha256_padding(), &Sha256::digest(data.as_bytes())).expect("RSA signing");
    b64().encode(sig)
}

fn rsa_verify(key: &RsaPublicKey, data: &str, sig_b64: &str) -> bool {
    b64().decode(sig_b64).is_ok_and(|sig| key.verify(sha256_padding(), &Sha256::digest(data.as_bytes()), &sig).is_ok())
}

// ---- the public handle ----

/// Alipay's controls and inspection (`WalletSimHandle::alipay()`, `WalletSim::alipay()`).
#[derive(Clone)]
pub struct AlipaySim(pub(crate) WalletSim);

/// A payment settles this soon after a precreate scripted `Pay`.
const SOON: Duration = Duration::from_millis(300);
/// A paid trade can be cancelled (refunded) this long.
const CANCEL_WINDOW_HOURS: i64 = 24;
const PAY_EXPIRY_MIN: i64 = 180;
const PRECREATE_EXPIRY_MIN: i64 = 120;
const MAX_FEN: i64 = 10_000_000_000;
const MAX_PRECREATES: u32 = 20;

impl AlipaySim {
    pub(crate) fn lock(&self) -> std::sync::MutexGuard<'_, AliState> {
        self.0 .0.alipay.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn config(&self) -> &AlipaySimConfig {
        &self.0.config().alipay
    }

    /// Scripts the buyer of the NEXT new trade (pay or precreate). Calls queue in order.
    pub fn script_next(&self, script: AlipayScript) {
        self.lock().scripts.push_back(script);
    }

    /// The buyer scans a precreate QR (the trade then exists: WAIT_BUYER_PAY). False if the
    /// trade is not a waiting precreate trade.
    pub fn customer_scans(&self, out_trade_no: &str) -> bool {
        let mut g = self.lock();
        match g.trade(out_trade_no) {
            Some(t) if t.status == TradeStatus::WaitBuyerPay => {
                t.scanned = true;
                true
            }
            _ => false,
        }
    }

    /// The buyer pays a waiting trade now (a QR is scanned first). False if not waiting.
    pub fn customer_pays(&self, out_trade_no: &str) -> bool {
        let notify = {
            let mut g = self.lock();
            let now = g.now();
            let Some(t) = g.trade(out_trade_no) else { return false };
            if t.status != TradeStatus::WaitBuyerPay {
                return false;
            }
            pay_trade(t, now);
            let t = t.clone();
            let cfg = self.config();
            self.notify_of(&t, cfg)
        };
        if let Some(n) = notify {
            self.deliver(n);
        }
        true
    }

    /// Moves a paid trade to TRADE_FINISHED (no longer refundable), as after the refund period.
    pub fn finish_trade(&self, out_trade_no: &str) -> bool {
        let mut g = self.lock();
        match g.trade(out_trade_no) {
            Some(t) if t.status == TradeStatus::TradeSuccess => {
                t.status = TradeStatus::TradeFinished;
                true
            }
            _ => false,
        }
    }

    pub fn trade(&self, out_trade_no: &str) -> Option<AlipayTrade> {
        self.lock().trade(out_trade_no).map(|t| t.public())
    }

    pub fn trades(&self) -> Vec<AlipayTrade> {
        let mut g = self.lock();
        let now = g.now();
        g.trades
            .iter_mut()
            .map(|t| {
                t.refresh(now);
                t.public()
            })
            .collect()
    }

    /// Paid minus refunded (total_amount terms, fen) over all trades.
    pub fn net_taken_fen(&self) -> i64 {
        self.trades().iter().map(|t| t.paid_fen - t.refunded_fen).sum()
    }

    /// (pay calls, precreate calls) that named this out_trade_no.
    pub fn calls(&self, out_trade_no: &str) -> (u32, u32) {
        self.trade(out_trade_no).map(|t| (t.pay_calls, t.precreate_calls)).unwrap_or((0, 0))
    }

    /// out_trade_no cancelled before Alipay knew them (a later pay → ACQ.TRADE_HAS_CLOSE).
    pub fn burnt(&self) -> Vec<String> {
        let mut v: Vec<String> = self.lock().burnt.keys().cloned().collect();
        v.sort();
        v
    }

    /// Shifts the simulator's Alipay clock forward (expiries, the 24 h cancel window, coupons).
    pub fn advance_clock(&self, by: Duration) {
        let mut g = self.lock();
        g.clock += chrono::Duration::from_std(by).unwrap_or_default();
    }

    /// While on, `gateway.do` answers HTTP 503 (the admin still answers).
    pub fn set_down(&self, down: bool) {
        self.lock().down = down;
    }

    pub(crate) fn is_down(&self) -> bool {
        self.lock().down
    }

    /// Every notification POST so far, oldest first.
    pub fn notifications(&self) -> Vec<AlipayNotifyDelivery> {
        self.lock().notifications.clone()
    }

    /// Sends one notification of a paid trade (default URL: the trade's notify_url), genuine
    /// or forged; returns false if the trade is unknown/unpaid or there is no URL. Delivered
    /// once, in the background; see `notifications()`.
    pub fn send_notify(&self, out_trade_no: &str, url: Option<&str>, forgery: NotifyForgery) -> bool {
        let n = {
            let mut g = self.lock();
            let Some(t) = g.trade(out_trade_no) else { return false };
            if !t.paid() {
                return false;
            }
            let Some(url) = url.map(str::to_string).or_else(|| t.notify_url.clone()) else { return false };
            let t = t.clone();
            drop(g);
            let mut n = self.notify_of(&Trade { notify_url: Some(url), ..t }, self.config()).expect("a url");
            n.retries = vec![Duration::ZERO];
            match &forgery {
                NotifyForgery::Genuine => {}
                NotifyForgery::BadSignature => {
                    let s = rsa_sign(&self.0 .0.alipay.wrong_signer, &notify_content(&n.fields));
                    set(&mut n.fields, "sign", s);
                }
                NotifyForgery::Unsigned => n.fields.retain(|(k, _)| k != "sign"),
                NotifyForgery::OtherAmount(fen) => {
                    set(&mut n.fields, "total_amount", yuan_text(*fen));
                    set(&mut n.fields, "receipt_amount", yuan_text(*fen));
                    set(&mut n.fields, "buyer_pay_amount", yuan_text(*fen));
                    let s = rsa_sign(&self.0 .0.alipay.signer, &notify_content(&n.fields));
                    set(&mut n.fields, "sign", s);
                }
                NotifyForgery::OtherAppId(app) => {
                    set(&mut n.fields, "app_id", app.clone());
                    let s = rsa_sign(&self.0 .0.alipay.signer, &notify_content(&n.fields));
                    set(&mut n.fields, "sign", s);
                }
            }
            if forgery != NotifyForgery::Genuine {
                n.forgery = Some(format!("{forgery:?}"));
            }
            n
        };
        self.deliver(n);
        true
    }

    fn schedule_pay(&self, out_trade_no: &str, after: Duration, scan_first: bool) {
        let sim = self.clone();
        let id = out_trade_no.to_string();
        self.0 .0.rt.spawn(async move {
            tokio::time::sleep(after).await;
            if scan_first {
                sim.customer_scans(&id);
            }
            sim.customer_pays(&id);
        });
    }

    pub(crate) fn schedule_approval(&self, store_id: &str) {
        let sim = self.clone();
        let id = store_id.to_string();
        let after = self.config().store_approval_after;
        self.0 .0.rt.spawn(async move {
            tokio::time::sleep(after).await;
            sim.approve_shop(&id);
        });
    }

    // ---- notifications ----

    fn notify_of(&self, t: &Trade, cfg: &AlipaySimConfig) -> Option<Notify> {
        let url = t.notify_url.clone().filter(|u| !u.is_empty())?;
        if !t.paid() {
            return None;
        }
        let now = t.paid_at.unwrap_or_else(Utc::now);
        let notify_id = uuid::Uuid::new_v4().simple().to_string();
        let mut fields: Vec<(String, String)> = vec![
            ("notify_time".into(), bj_text(now)),
            ("notify_type".into(), "trade_status_sync".into()),
            ("notify_id".into(), notify_id.clone()),
            ("app_id".into(), cfg.app_id.clone()),
            ("charset".into(), "utf-8".into()),
            ("version".into(), "1.0".into()),
            ("sign_type".into(), "RSA2".into()),
            ("trade_no".into(), t.trade_no.clone()),
            ("out_trade_no".into(), t.out_trade_no.clone()),
            ("trade_status".into(), TradeStatus::TradeSuccess.as_str().into()),
            ("total_amount".into(), yuan_text(t.total)),
            ("receipt_amount".into(), yuan_text(t.receipt())),
            ("buyer_pay_amount".into(), yuan_text(t.buyer_pay())),
            ("invoice_amount".into(), yuan_text(t.receipt())),
            ("point_amount".into(), "0.00".into()),
            ("subject".into(), t.subject.clone()),
            ("buyer_logon_id".into(), t.buyer_logon_id.clone()),
            ("buyer_id".into(), t.buyer_user_id.clone()),
            ("seller_id".into(), "2088000000000001".into()),
            ("gmt_create".into(), bj_text(t.created)),
            ("gmt_payment".into(), t.paid_at.map(bj_text).unwrap_or_default()),
            ("fund_bill_list".into(), json!([{"amount": yuan_text(t.buyer_pay()), "fundChannel": "ALIPAYACCOUNT"}]).to_string()),
        ];
        if let Some(v) = t.voucher_list() {
            fields.push(("voucher_detail_list".into(), v.to_string()));
        }
        let sign = rsa_sign(&self.0 .0.alipay.signer, &notify_content(&fields));
        fields.push(("sign".into(), sign));
        Some(Notify { url, out_trade_no: t.out_trade_no.clone(), notify_id, fields, retries: cfg.notify_retries.clone(), forgery: None })
    }

    fn deliver(&self, n: Notify) {
        let http = self.0 .0.http.clone();
        let sim = self.clone();
        self.0 .0.rt.spawn(async move {
            let body = form_encode(&n.fields);
            for delay in &n.retries {
                tokio::time::sleep(*delay).await;
                let sent = http
                    .post(&n.url)
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .body(body.clone())
                    .send()
                    .await;
                let (acknowledged, answer) = match sent {
                    Ok(resp) => {
                        let status = resp.status();
                        let text = resp.text().await.unwrap_or_default();
                        (status.is_success() && text == "success", format!("{} {text}", status.as_u16()))
                    }
                    Err(e) => (false, e.to_string()),
                };
                sim.lock().notifications.push(AlipayNotifyDelivery {
                    out_trade_no: n.out_trade_no.clone(),
                    notify_id: n.notify_id.clone(),
                    forgery: n.forgery.clone(),
                    acknowledged,
                    answer,
                });
                if acknowledged {
                    return;
                }
            }
        });
    }
}

struct Notify {
    url: String,
    out_trade_no: String,
    notify_id: String,
    fields: Vec<(String, String)>,
    retries: Vec<Duration>,
    forgery: Option<String>,
}

fn set(fields: &mut [(String, String)], k: &str, v: String) {
    if let Some(f) = fields.iter_mut().find(|(key, _)| key == k) {
        f.1 = v;
    }
}

/// A notification's signed content: every field but sign and sign_type with a non-empty value,
/// sorted, `k=v&…` raw.
fn notify_content(fields: &[(String, String)]) -> String {
    let mut pairs: Vec<&(String, String)> = fields.iter().filter(|(k, v)| k != "sign" && k != "sign_type" && !v.is_empty()).collect();
    pairs.sort();
    pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&")
}

fn pay_trade(t: &mut Trade, now: DateTime<Utc>) {
    t.status = TradeStatus::TradeSuccess;
    t.scanned = true;
    t.paid_at = Some(now);
    if t.buyer_logon_id.is_empty() {
        t.buyer_logon_id = "qua***@sandbox.com".into();
        t.buyer_user_id = "2088102177000001".into();
    }
}

// ---- wire helpers ----

/// `application/x-www-form-urlencoded`, UTF-8, every byte but the unreserved ones escaped.
pub fn form_encode(fields: &[(String, String)]) -> String {
    fields.iter().map(|(k, v)| format!("{}={}", percent(k), percent(v))).collect::<Vec<_>>().join("&")
}

fn percent(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn decode(s: &str) -> Result<String, ()> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let h =
                    b.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok()).ok_or(())?;
                out.push(h);
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| ())
}

/// Query string and form body merged; a key twice with two values → Err.
fn params(query: Option<&str>, body: &[u8]) -> Result<BTreeMap<String, String>, ()> {
    let body = std::str::from_utf8(body).map_err(|_| ())?;
    let mut m = BTreeMap::new();
    for part in [query.unwrap_or(""), body.trim()] {
        for pair in part.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let (k, v) = (decode(k)?, decode(v)?);
            match m.get(&k) {
                Some(old) if *old != v => return Err(()),
                _ => {
                    m.insert(k, v);
                }
            }
        }
    }
    Ok(m)
}

fn beijing() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("UTC+8")
}

pub(crate) fn bj_text(t: DateTime<Utc>) -> String {
    t.with_timezone(&beijing()).format("%Y-%m-%d %H:%M:%S").to_string()
}

fn bj_parse(s: &str) -> Option<DateTime<Utc>> {
    if s.len() != 19 {
        return None;
    }
    let n = NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").ok()?;
    Some(beijing().from_local_datetime(&n).single()?.with_timezone(&Utc))
}

/// Fen as Alipay's yuan text, two decimals.
pub fn yuan_text(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", fen.abs() / 100, fen.abs() % 100)
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum AmountError {
    Invalid,
    TooHigh,
}

/// A yuan STRING, ≤ 2 decimals, no sign, exponent or leading zeros → fen (0 allowed here).
pub(crate) fn yuan_fen(v: Option<&Value>) -> Result<i64, AmountError> {
    let Some(Value::String(s)) = v else { return Err(AmountError::Invalid) };
    let (int, frac) = s.split_once('.').unwrap_or((s.as_str(), ""));
    let digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !digits(int) || !digits(frac) || (int.len() > 1 && int.starts_with('0')) || frac.len() > 2 {
        return Err(AmountError::Invalid);
    }
    if s.contains('.') && frac.is_empty() {
        return Err(AmountError::Invalid);
    }
    if int.len() > 12 {
        return Err(AmountError::TooHigh);
    }
    let whole: i64 = int.parse().map_err(|_| AmountError::Invalid)?;
    let cents: i64 = format!("{frac:0<2}").parse().map_err(|_| AmountError::Invalid)?;
    Ok(whole * 100 + cents)
}

/// A trade amount: 0.01–100000000.
fn trade_amount(v: Option<&Value>) -> Result<i64, AmountError> {
    match yuan_fen(v)? {
        0 => Err(AmountError::Invalid),
        f if f > MAX_FEN => Err(AmountError::TooHigh),
        f => Ok(f),
    }
}

pub(crate) fn id_ok(s: &str, max: usize) -> bool {
    (1..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn auth_code_ok(s: &str) -> bool {
    (16..=24).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) && matches!(s[..2].parse::<u8>(), Ok(25..=30))
}

/// `<n>m|h|d`, 1m–15d, or `1c` (to the end of the Beijing day) → the expiry.
fn expiry(timeout: Option<&str>, now: DateTime<Utc>, default_min: i64) -> Option<DateTime<Utc>> {
    let Some(s) = timeout else { return Some(now + chrono::Duration::minutes(default_min)) };
    if s == "1c" {
        let day = now.with_timezone(&beijing()).date_naive().succ_opt()?;
        return Some(
            beijing().from_local_datetime(&day.and_hms_opt(0, 0, 0)?).single()?.with_timezone(&Utc) - chrono::Duration::seconds(1),
        );
    }
    let (n, unit) = s.split_at(s.len().checked_sub(1)?);
    if n.is_empty() || n.len() > 6 || !n.bytes().all(|b| b.is_ascii_digit()) || n.starts_with('0') {
        return None;
    }
    let minutes = n.parse::<i64>().ok()?
        * match unit {
            "m" => 1,
            "h" => 60,
            "d" => 1440,
            _ => return None,
        };
    (1..=15 * 1440).contains(&minutes).then(|| now + chrono::Duration::minutes(minutes))
}

// ---- answers ----

pub(crate) enum Signing {
    Unsigned,
    Good,
    WrongKey,
}

pub(crate) struct Answer {
    pub fields: Fields,
    pub signing: Signing,
    pub cut: bool,
}

impl Answer {
    pub(crate) fn signed(fields: Fields) -> Answer {
        Answer { fields, signing: Signing::Good, cut: false }
    }
}

pub(crate) fn obj(v: Value) -> Fields {
    match v {
        Value::Object(m) => m,
        _ => Fields::new(),
    }
}

pub(crate) fn ok(extra: Value) -> Fields {
    let mut m = obj(json!({"code": "10000", "msg": "Success"}));
    m.extend(obj(extra));
    m
}

pub(crate) fn fail(sub_code: &str, extra: Value) -> Fields {
    let mut m = obj(json!({"code": "40004", "msg": "Business Failed", "sub_code": sub_code, "sub_msg": sub_msg(sub_code)}));
    m.extend(obj(extra));
    m
}

fn sub_msg(sub_code: &str) -> &'static str {
    match sub_code.trim_start_matches("ACQ.") {
        "INVALID_PARAMETER" => "参数无效",
        "SYSTEM_ERROR" => "系统错误",
        "TOTAL_FEE_EXCEED" => "订单总金额超过限额",
        "ACCESS_FORBIDDEN" => "无权限使用接口",
        "CURRENCY_NOT_SUPPORT" => "订单币种不支持",
        "PAYMENT_AUTH_CODE_INVALID" => "支付失败，获取顾客账户信息失败，请顾客刷新付款码后重新收款",
        "CONTEXT_INCONSISTENT" => "交易信息被篡改",
        "TRADE_HAS_SUCCESS" => "交易已被支付",
        "TRADE_HAS_CLOSE" => "交易已经关闭",
        "TRADE_BUYER_NOT_MATCH" => "交易买家不匹配",
        "BUYER_BALANCE_NOT_ENOUGH" => "买家余额不足",
        "TRADE_NOT_EXIST" => "交易不存在",
        "TRADE_CANCEL_TIME_OUT" => "超过撤销时间范围",
        "REASON_TRADE_REFUND_FEE_ERR" => "退款金额无效",
        "TRADE_HAS_FINISHED" => "交易已完结",
        "TRADE_STATUS_ERROR" => "交易状态不合法",
        "REFUND_AMT_NOT_EQUAL_TOTAL" => "退款金额超限",
        "DISCORDANT_REPEAT_REQUEST" => "请求信息不一致",
        "SHOP_NOT_EXIST" => "门店不存在",
        "ORDER_NOT_EXIST" => "申请单不存在",
        "OUT_ITEM_ID_EXIST" => "商家商品ID已存在",
        "ITEM_NOT_EXIST" => "商品不存在",
        "VOUCHER_NOT_EXIST" => "券不存在",
        "VOUCHER_EXPIRED" => "券已过期",
        "VOUCHER_ALREADY_USED" => "券已核销",
        "VOUCHER_NOT_USED" => "券未核销",
        "USE_RECORD_NOT_EXIST" => "核销记录不存在",
        _ => "业务处理失败",
    }
}

/// 40001 / 40002 (unsigned).
fn refusal(code: &str, sub_code: String) -> Answer {
    let msg = if code == "40001" { "Missing Required Arguments" } else { "Invalid Arguments" };
    let sub_msg = match code {
        "40001" => format!("缺少必选参数 {}", sub_code.trim_start_matches("isv.missing-")),
        _ => format!("无效的参数 {}", sub_code.trim_start_matches("isv.invalid-")),
    };
    Answer {
        fields: obj(json!({"code": code, "msg": msg, "sub_code": sub_code, "sub_msg": sub_msg})),
        signing: Signing::Unsigned,
        cut: false,
    }
}

/// The inner object's text: compact, raw UTF-8, code/msg/sub_code/sub_msg then keys a–z.
pub(crate) fn inner_text(fields: &Fields) -> String {
    const FIRST: [&str; 4] = ["code", "msg", "sub_code", "sub_msg"];
    let mut keys: Vec<&String> = fields.keys().filter(|k| !FIRST.contains(&k.as_str())).collect();
    keys.sort();
    let ordered = FIRST.iter().filter_map(|k| fields.get_key_value(*k)).chain(keys.into_iter().map(|k| (k, &fields[k])));
    let parts: Vec<String> = ordered
        .map(|(k, v)| format!("{}:{}", serde_json::to_string(k).unwrap_or_default(), serde_json::to_string(v).unwrap_or_default()))
        .collect();
    format!("{{{}}}", parts.join(","))
}

fn render(sim: &AlipaySim, key: &str, a: &Answer) -> String {
    let text = inner_text(&a.fields);
    let sent = if sim.config().escape_slashes { text.replace('/', "\\/") } else { text.clone() };
    let sign = match a.signing {
        Signing::Unsigned => return format!("{{\"{key}\":{sent}}}"),
        Signing::Good => rsa_sign(&sim.0 .0.alipay.signer, &text),
        Signing::WrongKey => rsa_sign(&sim.0 .0.alipay.wrong_signer, &text),
    };
    format!("{{\"{key}\":{sent},\"sign\":\"{sign}\"}}")
}

const METHODS: [&str; 16] = [
    "alipay.trade.pay",
    "alipay.trade.precreate",
    "alipay.trade.query",
    "alipay.trade.cancel",
    "alipay.trade.close",
    "alipay.trade.refund",
    "alipay.trade.fastpay.refund.query",
    "ant.merchant.expand.shop.create",
    "ant.merchant.expand.order.query",
    "ant.merchant.expand.shop.query",
    "alipay.open.app.item.create",
    "alipay.open.app.item.modify",
    "alipay.merchant.order.sync",
    "alipay.marketing.activity.ordervoucher.use",
    "alipay.marketing.activity.ordervoucher.refund",
    "alipay.marketing.activity.ordervoucher.query",
];

/// `POST|GET {alipay_url}/gateway.do`.
pub(crate) fn gateway(sim: &WalletSim, query: Option<&str>, body: &[u8]) -> Reply {
    let a = sim.alipay();
    let Ok(p) = params(query, body) else {
        let method = query.and_then(|q| params(Some(q), b"").ok()).and_then(|m| m.get("method").cloned()).unwrap_or_default();
        let key = if METHODS.contains(&method.as_str()) { response_key(&method) } else { "error_response".into() };
        return Reply::Raw(render(&a, &key, &refusal("40002", "isv.invalid-parameter".into())));
    };
    let get = |k: &str| p.get(k).map(String::as_str).filter(|v| !v.is_empty());
    let Some(method) = get("method") else {
        return Reply::Raw(render(&a, "error_response", &refusal("40001", "isv.missing-method".into())));
    };
    if !METHODS.contains(&method) {
        return Reply::Raw(render(&a, "error_response", &refusal("40002", "isv.invalid-method".into())));
    }
    let key = response_key(method);
    let answer = match check(&a, &p) {
        Err(refused) => refused,
        Ok(biz) => {
            let notify_url = get("notify_url").map(str::to_string);
            dispatch(&a, method, &biz, notify_url)
        }
    };
    let text = render(&a, &key, &answer);
    if answer.cut {
        Reply::Cut
    } else {
        Reply::Raw(text)
    }
}

fn response_key(method: &str) -> String {
    format!("{}_response", method.replace('.', "_"))
}

/// The common parameters and the signature; Ok = biz_content.
fn check(a: &AlipaySim, p: &BTreeMap<String, String>) -> Result<Fields, Answer> {
    let cfg = a.config();
    let get = |k: &str| p.get(k).map(String::as_str).filter(|v| !v.is_empty());
    for (k, name) in [
        ("app_id", "app-id"),
        ("sign_type", "signature-type"),
        ("sign", "signature"),
        ("timestamp", "timestamp"),
        ("version", "version"),
        ("charset", "charset"),
        ("biz_content", "biz-content"),
    ] {
        if get(k).is_none() {
            return Err(refusal("40001", format!("isv.missing-{name}")));
        }
    }
    let v = |k: &str| get(k).unwrap_or_default();
    if v("app_id") != cfg.app_id {
        return Err(refusal("40002", "isv.invalid-app-id".into()));
    }
    if !v("charset").eq_ignore_ascii_case("utf-8") {
        return Err(refusal("40002", "isv.invalid-charset".into()));
    }
    if v("sign_type") != "RSA2" {
        return Err(refusal("40002", "isv.invalid-signature-type".into()));
    }
    if v("version") != "1.0" {
        return Err(refusal("40002", "isv.invalid-version".into()));
    }
    if get("format").is_some_and(|f| !f.eq_ignore_ascii_case("json")) {
        return Err(refusal("40002", "isv.invalid-format".into()));
    }
    let fresh = bj_parse(v("timestamp"))
        .is_some_and(|t| (Utc::now() - t).abs() <= chrono::Duration::from_std(cfg.timestamp_tolerance).unwrap_or_default());
    if !fresh {
        return Err(refusal("40002", "isv.invalid-timestamp".into()));
    }
    let content: Vec<String> = p.iter().filter(|(k, v)| *k != "sign" && !v.is_empty()).map(|(k, v)| format!("{k}={v}")).collect();
    if !rsa_verify(&a.0 .0.alipay.verifier, &content.join("&"), v("sign")) {
        return Err(refusal("40002", "isv.invalid-signature".into()));
    }
    match serde_json::from_str::<Value>(v("biz_content")) {
        Ok(Value::Object(m)) => Ok(m),
        _ => Err(refusal("40002", "isv.invalid-parameter".into())),
    }
}

fn dispatch(a: &AlipaySim, method: &str, biz: &Fields, notify_url: Option<String>) -> Answer {
    match method {
        "alipay.trade.pay" => trade_pay(a, biz, notify_url),
        "alipay.trade.precreate" => trade_precreate(a, biz, notify_url),
        "alipay.trade.query" => Answer::signed(trade_query(a, biz)),
        "alipay.trade.cancel" => Answer::signed(trade_cancel(a, biz)),
        "alipay.trade.close" => Answer::signed(trade_close(a, biz)),
        "alipay.trade.refund" => Answer::signed(trade_refund(a, biz)),
        "alipay.trade.fastpay.refund.query" => Answer::signed(refund_query(a, biz)),
        other => Answer::signed(alipay_store::dispatch(a, other, biz)),
    }
}

// ---- biz_content access ----

/// A string field: Ok(None) if absent or null, Err if not a string.
pub(crate) fn opt_str<'a>(biz: &'a Fields, k: &str) -> Result<Option<&'a str>, ()> {
    match biz.get(k) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.as_str())),
        _ => Err(()),
    }
}

/// A required non-empty string.
pub(crate) fn req_str<'a>(biz: &'a Fields, k: &str) -> Result<&'a str, ()> {
    opt_str(biz, k)?.filter(|s| !s.is_empty()).ok_or(())
}

const INVALID: &str = "ACQ.INVALID_PARAMETER";

/// Trade failure with the "0.00" amounts pay/precreate echo.
fn pay_fail(sub_code: &str, out_trade_no: &str, extra: Value) -> Fields {
    let mut m = fail(
        sub_code,
        json!({"out_trade_no": out_trade_no, "total_amount": "0.00", "receipt_amount": "0.00", "buyer_pay_amount": "0.00", "invoice_amount": "0.00", "point_amount": "0.00"}),
    );
    m.extend(obj(extra));
    m
}

/// The checks shared by pay and precreate: out_trade_no, subject, total_amount, product_code,
/// currency, timeout_express, time_expire. Ok = (out_trade_no, total fen, expiry).
fn check_order(biz: &Fields, now: DateTime<Utc>, default_min: i64) -> Result<(String, i64, DateTime<Utc>), Fields> {
    let echo = opt_str(biz, "out_trade_no").ok().flatten().unwrap_or("").to_string();
    let bad = |code: &str| pay_fail(code, &echo, json!({}));
    let out = req_str(biz, "out_trade_no").ok().filter(|s| id_ok(s, 64)).ok_or_else(|| bad(INVALID))?;
    req_str(biz, "subject").ok().filter(|s| s.chars().count() <= 256 && !s.contains(['/', '=', '&'])).ok_or_else(|| bad(INVALID))?;
    for k in ["store_id", "terminal_id", "operator_id", "body", "seller_id", "query_options_text"] {
        opt_str(biz, k).map_err(|_| bad(INVALID))?;
    }
    let total = match trade_amount(biz.get("total_amount")) {
        Ok(f) => f,
        Err(AmountError::Invalid) => return Err(bad(INVALID)),
        Err(AmountError::TooHigh) => return Err(bad("ACQ.TOTAL_FEE_EXCEED")),
    };
    let timeout = opt_str(biz, "timeout_express").map_err(|_| bad(INVALID))?;
    let mut expires = expiry(timeout, now, default_min).ok_or_else(|| bad(INVALID))?;
    if let Some(te) = opt_str(biz, "time_expire").map_err(|_| bad(INVALID))? {
        expires = bj_parse(te).filter(|t| *t > now).ok_or_else(|| bad(INVALID))?;
    }
    match opt_str(biz, "product_code") {
        Err(()) => return Err(bad(INVALID)),
        Ok(Some(p)) if p != "FACE_TO_FACE_PAYMENT" => return Err(bad("ACQ.ACCESS_FORBIDDEN")),
        _ => {}
    }
    for k in ["trans_currency", "currency", "settle_currency"] {
        match opt_str(biz, k) {
            Err(()) => return Err(bad(INVALID)),
            Ok(Some(c)) if c != "CNY" => return Err(bad("ACQ.CURRENCY_NOT_SUPPORT")),
            _ => {}
        }
    }
    Ok((out.to_string(), total, expires))
}

/// biz_content without the fields a repeat may change.
fn identity(biz: &Fields) -> Fields {
    let mut m = biz.clone();
    for k in ["auth_code", "query_options", "timeout_express", "time_expire"] {
        m.remove(k);
    }
    m
}

fn new_trade_no(g: &mut AliState) -> String {
    let seq = g.next();
    format!("{}22{:018}", g.now().with_timezone(&beijing()).format("%Y%m%d"), 1_000_000_000 + seq)
}

fn paid_fields(t: &Trade) -> Value {
    let mut v = json!({
        "trade_no": t.trade_no,
        "out_trade_no": t.out_trade_no,
        "buyer_logon_id": t.buyer_logon_id,
        "buyer_user_id": t.buyer_user_id,
        "total_amount": yuan_text(t.total),
        "receipt_amount": yuan_text(t.receipt()),
        "buyer_pay_amount": yuan_text(t.buyer_pay()),
        "invoice_amount": yuan_text(t.receipt()),
        "point_amount": "0.00",
        "gmt_payment": t.paid_at.map(bj_text).unwrap_or_default(),
        "fund_bill_list": [{"amount": yuan_text(t.buyer_pay()), "fund_channel": "ALIPAYACCOUNT"}],
    });
    if let Some(list) = t.voucher_list() {
        v["voucher_detail_list"] = list;
    }
    v
}

fn waiting_fields(t: &Trade) -> Fields {
    let mut m = obj(json!({"code": "10003", "msg": "Order success pay inprocess"}));
    m.extend(obj(json!({
        "trade_no": t.trade_no,
        "out_trade_no": t.out_trade_no,
        "buyer_logon_id": t.buyer_logon_id,
        "buyer_user_id": t.buyer_user_id,
        "total_amount": yuan_text(t.total),
        "receipt_amount": "0.00",
        "buyer_pay_amount": "0.00",
        "invoice_amount": "0.00",
        "point_amount": "0.00",
    })));
    m
}

fn trade_pay(a: &AlipaySim, biz: &Fields, notify_url: Option<String>) -> Answer {
    let mut g = a.lock();
    let now = g.now();
    let (out, total, expires) = match check_order(biz, now, PAY_EXPIRY_MIN) {
        Ok(x) => x,
        Err(f) => return Answer::signed(f),
    };
    if req_str(biz, "scene") != Ok("bar_code") {
        return Answer::signed(pay_fail(INVALID, &out, json!({})));
    }
    let code = match req_str(biz, "auth_code") {
        Ok(c) if auth_code_ok(c) => c.to_string(),
        Ok(_) => return Answer::signed(pay_fail("ACQ.PAYMENT_AUTH_CODE_INVALID", &out, json!({}))),
        Err(()) => return Answer::signed(pay_fail(INVALID, &out, json!({}))),
    };
    if g.burnt.contains_key(&out) {
        return Answer::signed(pay_fail("ACQ.TRADE_HAS_CLOSE", &out, json!({})));
    }
    if let Some(t) = g.trade(&out) {
        t.pay_calls += 1;
        let (t_code, same) = (t.auth_code.clone(), identity(&t.biz) == identity(biz) && !t.precreate);
        let t = t.clone();
        return Answer::signed(if !same {
            pay_fail("ACQ.CONTEXT_INCONSISTENT", &out, json!({}))
        } else if t.status == TradeStatus::TradeClosed {
            pay_fail("ACQ.TRADE_HAS_CLOSE", &out, json!({"trade_no": t.trade_no}))
        } else if t_code != code {
            pay_fail("ACQ.TRADE_BUYER_NOT_MATCH", &out, json!({"trade_no": t.trade_no}))
        } else if t.paid() {
            pay_fail("ACQ.TRADE_HAS_SUCCESS", &out, json!({"trade_no": t.trade_no, "buyer_logon_id": t.buyer_logon_id}))
        } else {
            waiting_fields(&t)
        });
    }
    if g.used_codes.get(&code).is_some_and(|o| *o != out) {
        return Answer::signed(pay_fail("ACQ.PAYMENT_AUTH_CODE_INVALID", &out, json!({})));
    }
    let script = g.scripts.pop_front();
    if script == Some(AlipayScript::SystemError) {
        let mut m = pay_fail("ACQ.SYSTEM_ERROR", &out, json!({}));
        m.insert("code".into(), json!("20000"));
        m.insert("msg".into(), json!("Service Currently Unavailable"));
        return Answer::signed(m);
    }
    let trade_no = new_trade_no(&mut g);
    let seq = g.next();
    let mut t = Trade {
        out_trade_no: out.clone(),
        trade_no,
        precreate: false,
        status: TradeStatus::WaitBuyerPay,
        total,
        biz: biz.clone(),
        auth_code: code.clone(),
        subject: opt_str(biz, "subject").ok().flatten().unwrap_or("").to_string(),
        created: now,
        expires,
        paid_at: None,
        scanned: true,
        qr_code: String::new(),
        buyer_logon_id: format!("13{}****{}", &code[2..3], &code[code.len() - 4..]),
        buyer_user_id: format!("2088{}", &code[code.len() - 12..]),
        notify_url,
        pay_calls: 1,
        precreate_calls: 0,
        voucher: None,
        voucher_id: format!("2021{:012}", 300_000 + seq),
        pays_on_cancel: false,
        refunded_by_cancel: false,
        refunds: Vec::new(),
        refunded: 0,
        cancel_answer: None,
        declined: false,
    };
    g.used_codes.insert(code, out.clone());
    let mut answer = None;
    let mut signing = Signing::Good;
    let mut cut = false;
    match script {
        Some(AlipayScript::ConfirmAfter(d)) => {
            answer = Some(waiting_fields(&t));
            a.schedule_pay(&out, d, false);
        }
        Some(AlipayScript::PaysBeforeCancel) => {
            t.pays_on_cancel = true;
            answer = Some(waiting_fields(&t));
        }
        Some(AlipayScript::NeverPays) => answer = Some(waiting_fields(&t)),
        Some(AlipayScript::InsufficientBalance) => {
            t.status = TradeStatus::TradeClosed;
            t.declined = true;
            answer = Some(pay_fail(
                "ACQ.BUYER_BALANCE_NOT_ENOUGH",
                &out,
                json!({"trade_no": t.trade_no, "buyer_logon_id": t.buyer_logon_id, "buyer_user_id": t.buyer_user_id}),
            ));
        }
        Some(AlipayScript::Coupon { amount_fen, merchant_contribute_fen }) => {
            t.voucher = Some((amount_fen.clamp(0, total), merchant_contribute_fen.clamp(0, amount_fen.clamp(0, total))));
        }
        Some(AlipayScript::LoseAnswerAfterSuccess) => cut = true,
        Some(AlipayScript::BadSignature) => signing = Signing::WrongKey,
        _ => {}
    }
    let notify = if answer.is_none() {
        pay_trade(&mut t, now);
        answer = Some(ok(paid_fields(&t)));
        Some(t.clone())
    } else {
        None
    };
    g.trades.push(t);
    drop(g);
    if let Some(n) = notify.and_then(|t| a.notify_of(&t, a.config())) {
        a.deliver(n);
    }
    Answer { fields: answer.unwrap_or_default(), signing, cut }
}

fn trade_precreate(a: &AlipaySim, biz: &Fields, notify_url: Option<String>) -> Answer {
    let mut g = a.lock();
    let now = g.now();
    let (out, total, expires) = match check_order(biz, now, PRECREATE_EXPIRY_MIN) {
        Ok(x) => x,
        Err(f) => return Answer::signed(f),
    };
    let echo = |m: Fields| {
        let mut m = m;
        for k in ["total_amount", "receipt_amount", "buyer_pay_amount", "invoice_amount", "point_amount"] {
            m.remove(k);
        }
        Answer::signed(m)
    };
    if g.burnt.contains_key(&out) {
        return echo(pay_fail("ACQ.TRADE_HAS_CLOSE", &out, json!({})));
    }
    if let Some(t) = g.trade(&out) {
        t.precreate_calls += 1;
        let same = t.precreate && identity(&t.biz) == identity(biz);
        return if !same {
            echo(pay_fail("ACQ.CONTEXT_INCONSISTENT", &out, json!({})))
        } else if t.paid() {
            echo(pay_fail("ACQ.TRADE_HAS_SUCCESS", &out, json!({})))
        } else if t.status == TradeStatus::TradeClosed {
            echo(pay_fail("ACQ.TRADE_HAS_CLOSE", &out, json!({})))
        } else if t.precreate_calls > MAX_PRECREATES {
            echo(pay_fail(INVALID, &out, json!({"sub_msg": "二维码生成次数超限"})))
        } else {
            Answer::signed(ok(json!({"out_trade_no": out, "qr_code": t.qr_code})))
        };
    }
    let script = g.scripts.pop_front();
    if script == Some(AlipayScript::SystemError) {
        let mut m = pay_fail("ACQ.SYSTEM_ERROR", &out, json!({}));
        m.insert("code".into(), json!("20000"));
        m.insert("msg".into(), json!("Service Currently Unavailable"));
        return echo(m);
    }
    let trade_no = new_trade_no(&mut g);
    let seq = g.next();
    let token: String = uuid::Uuid::new_v4().simple().to_string()[..20].to_string();
    let qr_code = format!("https://qr.alipay.com/bax0{token}");
    let mut t = Trade {
        out_trade_no: out.clone(),
        trade_no,
        precreate: true,
        status: TradeStatus::WaitBuyerPay,
        total,
        biz: biz.clone(),
        auth_code: String::new(),
        subject: opt_str(biz, "subject").ok().flatten().unwrap_or("").to_string(),
        created: now,
        expires,
        paid_at: None,
        scanned: false,
        qr_code: qr_code.clone(),
        buyer_logon_id: String::new(),
        buyer_user_id: String::new(),
        notify_url,
        pay_calls: 0,
        precreate_calls: 1,
        voucher: None,
        voucher_id: format!("2021{:012}", 300_000 + seq),
        pays_on_cancel: false,
        refunded_by_cancel: false,
        refunds: Vec::new(),
        refunded: 0,
        cancel_answer: None,
        declined: false,
    };
    let mut signing = Signing::Good;
    let mut cut = false;
    match &script {
        Some(AlipayScript::Pay) => a.schedule_pay(&out, SOON, true),
        Some(AlipayScript::ConfirmAfter(d)) => {
            t.scanned = true;
            a.schedule_pay(&out, *d, false);
        }
        Some(AlipayScript::PaysBeforeCancel) => {
            t.scanned = true;
            t.pays_on_cancel = true;
        }
        Some(AlipayScript::NeverPays) | Some(AlipayScript::InsufficientBalance) => t.scanned = true,
        Some(AlipayScript::Coupon { amount_fen, merchant_contribute_fen }) => {
            t.voucher = Some(((*amount_fen).clamp(0, total), (*merchant_contribute_fen).clamp(0, (*amount_fen).clamp(0, total))));
            a.schedule_pay(&out, SOON, true);
        }
        Some(AlipayScript::LoseAnswerAfterSuccess) => cut = true,
        Some(AlipayScript::BadSignature) => signing = Signing::WrongKey,
        _ => {
            if let Some(d) = a.0.config().autopay_after {
                a.schedule_pay(&out, d, true);
            }
        }
    }
    g.trades.push(t);
    Answer { fields: ok(json!({"out_trade_no": out, "qr_code": qr_code})), signing, cut }
}

/// The trade named by out_trade_no or trade_no (the latter wins), as the API may see it:
/// unscanned precreate trades and burnt numbers do not exist. Err = the answer.
fn lookup<'a>(g: &'a mut AliState, biz: &Fields) -> Result<&'a mut Trade, Fields> {
    let out = opt_str(biz, "out_trade_no").map_err(|_| fail(INVALID, json!({})))?.filter(|s| !s.is_empty());
    let no = opt_str(biz, "trade_no").map_err(|_| fail(INVALID, json!({})))?.filter(|s| !s.is_empty());
    let (out, no) = (out.map(str::to_string), no.map(str::to_string));
    let echo = json!({"out_trade_no": out, "trade_no": no});
    let echo = obj(echo).into_iter().filter(|(_, v)| !v.is_null()).collect::<Fields>();
    let t = match (&out, &no) {
        (_, Some(no)) => g.trade_by_no(no).filter(|t| out.as_ref().is_none_or(|o| *o == t.out_trade_no)),
        (Some(out), None) => g.trade(out),
        (None, None) => return Err(fail(INVALID, json!({}))),
    };
    match t {
        Some(t) if t.scanned => Ok(t),
        _ => Err(fail("ACQ.TRADE_NOT_EXIST", Value::Object(echo))),
    }
}

fn trade_query(a: &AlipaySim, biz: &Fields) -> Fields {
    let mut g = a.lock();
    let t = match lookup(&mut g, biz) {
        Ok(t) => t,
        Err(f) => return f,
    };
    let mut v = obj(paid_fields(t));
    v.insert("trade_status".into(), json!(t.status.as_str()));
    v.remove("gmt_payment");
    if let Some(p) = t.paid_at {
        v.insert("send_pay_date".into(), json!(bj_text(p)));
    } else {
        v.remove("fund_bill_list");
    }
    let mut m = ok(json!({}));
    m.extend(v);
    m
}

fn trade_cancel(a: &AlipaySim, biz: &Fields) -> Fields {
    let mut g = a.lock();
    let now = g.now();
    let out = opt_str(biz, "out_trade_no").ok().flatten().filter(|s| !s.is_empty()).map(str::to_string);
    let no = opt_str(biz, "trade_no").ok().flatten().filter(|s| !s.is_empty());
    if let Some(out) = &out {
        if let Some(a) = g.burnt.get(out) {
            return a.clone();
        }
        if no.is_none() && g.trade(out).is_none() {
            if !id_ok(out, 64) {
                return fail(INVALID, json!({}));
            }
            let answer = ok(json!({"action": "close", "out_trade_no": out, "retry_flag": "N"}));
            g.burnt.insert(out.clone(), answer.clone());
            return answer;
        }
    }
    // Unscanned precreate trades can be cancelled too (they exist for the merchant's number).
    let found = match (out.as_deref(), no) {
        (_, Some(no)) => g.trade_by_no(no).map(|t| t.out_trade_no.clone()),
        (Some(o), None) => Some(o.to_string()),
        (None, None) => return fail(INVALID, json!({})),
    };
    let Some(t) = found.and_then(|o| g.trade(&o)) else {
        return fail("ACQ.TRADE_NOT_EXIST", json!({"retry_flag": "N"}));
    };
    if let Some(a) = &t.cancel_answer {
        return a.clone();
    }
    let base = json!({"out_trade_no": t.out_trade_no, "trade_no": t.trade_no, "retry_flag": "N"});
    let mut notify = None;
    if t.status == TradeStatus::WaitBuyerPay && t.pays_on_cancel {
        pay_trade(t, now);
        t.refunded_by_cancel = true;
        notify = Some(t.clone());
    }
    let answer = match t.status {
        TradeStatus::WaitBuyerPay => {
            t.status = TradeStatus::TradeClosed;
            let mut m = ok(base);
            m.insert("action".into(), json!("close"));
            t.cancel_answer = Some(m.clone());
            m
        }
        TradeStatus::TradeFinished => fail("ACQ.TRADE_HAS_FINISHED", base),
        TradeStatus::TradeSuccess if t.refunded > 0 => fail("ACQ.REASON_TRADE_REFUND_FEE_ERR", base),
        TradeStatus::TradeSuccess if t.paid_at.is_some_and(|p| now - p > chrono::Duration::hours(CANCEL_WINDOW_HOURS)) => {
            fail("ACQ.TRADE_CANCEL_TIME_OUT", base)
        }
        TradeStatus::TradeSuccess => {
            t.refunded = t.total;
            t.status = TradeStatus::TradeClosed;
            let mut m = ok(base);
            m.insert("action".into(), json!("refund"));
            m.insert("gmt_refund_pay".into(), json!(bj_text(now)));
            t.cancel_answer = Some(m.clone());
            m
        }
        TradeStatus::TradeClosed if t.refunded > 0 => fail("ACQ.REASON_TRADE_REFUND_FEE_ERR", base),
        TradeStatus::TradeClosed => {
            let mut m = ok(base);
            m.insert("action".into(), json!("close"));
            t.cancel_answer = Some(m.clone());
            m
        }
    };
    drop(g);
    // The buyer paid just before the cancel: the payment's notification goes out too.
    if let Some(n) = notify.and_then(|t| a.notify_of(&t, a.config())) {
        a.deliver(n);
    }
    answer
}

fn trade_close(a: &AlipaySim, biz: &Fields) -> Fields {
    let mut g = a.lock();
    let t = match lookup(&mut g, biz) {
        Ok(t) => t,
        Err(f) => return f,
    };
    let base = json!({"out_trade_no": t.out_trade_no, "trade_no": t.trade_no});
    match t.status {
        TradeStatus::WaitBuyerPay => {
            t.status = TradeStatus::TradeClosed;
            ok(base)
        }
        TradeStatus::TradeClosed if !t.paid() => ok(base),
        _ => fail("ACQ.TRADE_STATUS_ERROR", base),
    }
}

fn trade_refund(a: &AlipaySim, biz: &Fields) -> Fields {
    let mut g = a.lock();
    let now = g.now();
    let amount = yuan_fen(biz.get("refund_amount"));
    let request = match opt_str(biz, "out_request_no") {
        Ok(r) => r.filter(|s| !s.is_empty()).map(str::to_string),
        Err(()) => return fail(INVALID, json!({})),
    };
    if request.as_deref().is_some_and(|r| !id_ok(r, 64)) || matches!(amount, Err(AmountError::Invalid) | Ok(0)) {
        return fail(INVALID, json!({}));
    }
    for k in ["refund_reason", "operator_id", "store_id", "terminal_id"] {
        if opt_str(biz, k).is_err() {
            return fail(INVALID, json!({}));
        }
    }
    let t = match lookup(&mut g, biz) {
        Ok(t) => t,
        Err(f) => return f,
    };
    let request = request.unwrap_or_else(|| t.out_trade_no.clone());
    let answer = |t: &Trade, fund_change: &str, send_back: i64, gmt: DateTime<Utc>| {
        ok(json!({
            "trade_no": t.trade_no,
            "out_trade_no": t.out_trade_no,
            "buyer_logon_id": t.buyer_logon_id,
            "buyer_user_id": t.buyer_user_id,
            "fund_change": fund_change,
            "refund_fee": yuan_text(t.refunded),
            "send_back_fee": yuan_text(send_back),
            "gmt_refund_pay": bj_text(gmt),
        }))
    };
    if let Some(r) = t.refunds.iter().find(|r| r.out_request_no == request).cloned() {
        return if amount == Ok(r.amount) {
            answer(t, "N", r.amount, r.gmt)
        } else {
            fail("ACQ.DISCORDANT_REPEAT_REQUEST", json!({"out_trade_no": t.out_trade_no, "trade_no": t.trade_no}))
        };
    }
    if t.status != TradeStatus::TradeSuccess {
        return fail("ACQ.TRADE_STATUS_ERROR", json!({"out_trade_no": t.out_trade_no, "trade_no": t.trade_no}));
    }
    let left = t.total - t.refunded;
    let amount = match amount {
        Ok(f) if f <= left => f,
        _ => return fail("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", json!({"out_trade_no": t.out_trade_no, "trade_no": t.trade_no})),
    };
    t.refunded += amount;
    if t.refunded == t.total {
        t.status = TradeStatus::TradeClosed;
    }
    t.refunds.push(Refund { out_request_no: request, amount, gmt: now });
    answer(t, "Y", amount, now)
}

fn refund_query(a: &AlipaySim, biz: &Fields) -> Fields {
    let mut g = a.lock();
    let request = match opt_str(biz, "out_request_no") {
        Ok(Some(r)) if !r.is_empty() => r.to_string(),
        _ => return fail(INVALID, json!({})),
    };
    let t = match lookup(&mut g, biz) {
        Ok(t) => t,
        Err(f) => return f,
    };
    let base = json!({"out_trade_no": t.out_trade_no, "trade_no": t.trade_no, "out_request_no": request});
    match t.refunds.iter().find(|r| r.out_request_no == request) {
        Some(r) => {
            let mut m = ok(base);
            m.extend(obj(json!({
                "refund_amount": yuan_text(r.amount),
                "total_amount": yuan_text(t.total),
                "refund_status": "REFUND_SUCCESS",
                "gmt_refund_pay": bj_text(r.gmt),
            })));
            m
        }
        None => ok(base),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_strict_yuan_strings() {
        assert_eq!(yuan_fen(Some(&json!("24.06"))), Ok(2406));
        assert_eq!(yuan_fen(Some(&json!("10.5"))), Ok(1050));
        assert_eq!(yuan_fen(Some(&json!("100000000"))), Ok(MAX_FEN));
        for bad in [json!(10), json!("10.005"), json!("1e3"), json!("-1"), json!("01"), json!("1."), json!(".5"), json!(" 1")] {
            assert_eq!(yuan_fen(Some(&bad)), Err(AmountError::Invalid), "{bad}");
        }
        assert_eq!(trade_amount(Some(&json!("0"))), Err(AmountError::Invalid));
        assert_eq!(trade_amount(Some(&json!("100000000.01"))), Err(AmountError::TooHigh));
        assert_eq!(yuan_text(2406), "24.06");
    }

    #[test]
    fn inner_objects_put_the_code_first() {
        let m = obj(json!({"z": 1, "sub_msg": "无", "a": "https://x/y", "code": "40004", "msg": "m", "sub_code": "S"}));
        assert_eq!(inner_text(&m), r#"{"code":"40004","msg":"m","sub_code":"S","sub_msg":"无","a":"https://x/y","z":1}"#);
    }

    #[test]
    fn timeouts() {
        let now = Utc::now();
        assert_eq!(expiry(Some("90m"), now, 1), Some(now + chrono::Duration::minutes(90)));
        assert_eq!(expiry(Some("15d"), now, 1), Some(now + chrono::Duration::days(15)));
        assert!(expiry(Some("16d"), now, 1).is_none());
        assert!(expiry(Some("0m"), now, 1).is_none());
        assert!(expiry(Some("2c"), now, 1).is_none());
        assert!(expiry(Some("1c"), now, 1).is_some_and(|t| t > now));
    }

    #[test]
    fn the_key_pairs_match() {
        use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey};
        for (private, public) in [(ALIPAY_GATEWAY_PRIVATE_KEY, ALIPAY_GATEWAY_PUBLIC_KEY), (ALIPAY_APP_PRIVATE_KEY, ALIPAY_APP_PUBLIC_KEY)]
        {
            let k = rsa::RsaPrivateKey::from_pkcs8_pem(private).unwrap();
            assert_eq!(rsa::RsaPublicKey::from(&k), rsa::RsaPublicKey::from_public_key_pem(public).unwrap());
        }
    }
}
