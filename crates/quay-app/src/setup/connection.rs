//! The connection tests of the hub, each voucher partner and the card terminal: run
//! step by step, stopping at the first failing step, and audited.

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use quay_core::auth::Action;
use quay_core::error::Arg;
use quay_core::voucher::Partner;
use quay_core::Money;
use quay_hub::HubError;
use quay_i18n::{Lang, Localizer};
use quay_pay::viva::{VivaClient, VivaError};
use serde::Serialize;

use super::settings::{
    GIFTPOP_ENABLED, GIFTPOP_POINT_CODE, MOMO_ENABLED, MOMO_POINT_CODE, STORE_ADDRESS, STORE_CONTACT_NAME, STORE_CONTACT_PHONE,
    TERMINAL_KIND, VIVA_API_KEY, VIVA_MERCHANT_ID, VIVA_SOURCE_CODE, VIVA_URL, ZVT_BAUD, ZVT_PORT,
};
use crate::{keys, sync, AppError, Counter, Result, Who};

/// The voucher code the partner tests check: no voucher has it, so any answer the
/// partner gives (normally `not_found`) proves the round trip and redeems nothing.
pub const TEST_VOUCHER_CODE: &str = "QUAY-CONNECTION-TEST";
/// Beyond this, the counter's clock fails the hub test (the hub's freshness window,
/// hub-api.md): the client would correct it, but sales and receipts would carry it.
pub const MAX_CLOCK_SKEW_S: i64 = 300;

// ---- connection tests -----------------------------------------------------------------

/// What a connection test is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    Hub,
    Momo,
    Giftpop,
    Terminal,
    /// MoMo's payment API (the voucher partner `momo` goes through the hub).
    #[serde(rename = "momo-pay")]
    MomoPay,
    Zalopay,
    Vnpay,
    Alipay,
    /// Nhanh.vn: the token checked with Nhanh, its expiry, permissions and webhooks.
    Nhanh,
    /// Every bank virtual POS definition (`vpos:NAME` on the command line: one of them).
    Vpos,
    /// Every printer (`printer:NAME`: one of them): its status, then a test page.
    Printer,
}

impl Target {
    pub const ALL: [Target; 11] = [
        Target::Hub,
        Target::Momo,
        Target::Giftpop,
        Target::Terminal,
        Target::MomoPay,
        Target::Zalopay,
        Target::Vnpay,
        Target::Alipay,
        Target::Nhanh,
        Target::Vpos,
        Target::Printer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Target::Hub => "hub",
            Target::Momo => "momo",
            Target::Giftpop => "giftpop",
            Target::Terminal => "terminal",
            Target::MomoPay => "momo-pay",
            Target::Zalopay => "zalopay",
            Target::Vnpay => "vnpay",
            Target::Alipay => "alipay",
            Target::Nhanh => "nhanh",
            Target::Vpos => "vpos",
            Target::Printer => "printer",
        }
    }

    /// The wallet a target tests, if it is one.
    pub fn wallet(self) -> Option<quay_pay::wallet::Wallet> {
        match self {
            Target::MomoPay => Some(quay_pay::wallet::Wallet::Momo),
            Target::Zalopay => Some(quay_pay::wallet::Wallet::ZaloPay),
            Target::Vnpay => Some(quay_pay::wallet::Wallet::Vnpay),
            Target::Alipay => Some(quay_pay::wallet::Wallet::Alipay),
            _ => None,
        }
    }

    pub fn parse(s: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The Fluent id of its name.
    pub fn label_id(self) -> &'static str {
        match self {
            Target::Hub => "setup-target-hub",
            Target::Momo => "setup-target-momo",
            Target::Giftpop => "setup-target-giftpop",
            Target::Terminal => "setup-target-terminal",
            Target::MomoPay => "setup-target-momo-pay",
            Target::Zalopay => "setup-target-zalopay",
            Target::Vnpay => "setup-target-vnpay",
            Target::Alipay => "setup-target-alipay",
            Target::Nhanh => "setup-target-nhanh",
            Target::Vpos => "setup-target-vpos",
            Target::Printer => "setup-target-printer",
        }
    }

    pub fn partner(self) -> Option<Partner> {
        match self {
            Target::Momo => Some(Partner::Momo),
            Target::Giftpop => Some(Partner::Giftpop),
            _ => None,
        }
    }
}

/// The brand name of a partner as people write it (not translated).
pub fn partner_name(p: Partner) -> &'static str {
    match p {
        Partner::Momo => "MoMo",
        Partner::Giftpop => "GiftPop",
        Partner::Alipay => "Alipay",
    }
}

/// One step of a test: its name (`id`, a Fluent id), whether it passed, and its result
/// (`result`, a Fluent id, with `args` — the same variables serve the name).
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    pub id: &'static str,
    pub ok: bool,
    pub result: &'static str,
    #[serde(skip)]
    pub args: Vec<(&'static str, Arg)>,
    /// The result in English, for logs and JSON readers.
    pub detail: String,
    pub took_ms: u64,
}

/// The call that went there and back, when the test succeeded.
#[derive(Debug, Clone, Serialize)]
pub struct RoundTrip {
    /// What was sent ("GET /ping", "POST /vouchers/check momo QUAY-CONNECTION-TEST", …).
    pub request: String,
    /// What came back ("Quay sandbox café", "not_found", …).
    pub answer: String,
    pub took_ms: u64,
}

/// Who the point is, as the partner knows it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PointIdentity {
    pub store_name: Option<String>,
    pub address: Option<String>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub pos_parent: Option<String>,
    pub pos_id: Option<String>,
    pub counter_id: String,
    /// The point's name at the hub (from its ping), when it answered.
    pub point_name: Option<String>,
    /// The partner's code for this point (voucher tests).
    pub point_code: Option<String>,
    /// The terminal tested: "zvt /dev/ttyUSB0" or "viva <source>".
    pub terminal: Option<String>,
}

/// The result of a connection test: the proof a partner asks for.
#[derive(Debug, Clone, Serialize)]
pub struct ConnectionReport {
    pub target: Target,
    pub at: DateTime<FixedOffset>,
    pub identity: PointIdentity,
    pub steps: Vec<Step>,
    pub ok: bool,
    pub round_trip: Option<RoundTrip>,
    /// Quay's version that ran the test.
    pub version: &'static str,
}

impl ConnectionReport {
    /// The first step that failed.
    pub fn failed_step(&self) -> Option<&Step> {
        self.steps.iter().find(|s| !s.ok)
    }
}

/// Collects steps; each closure's time is measured.
struct Steps<'a> {
    i18n: &'a Localizer,
    steps: Vec<Step>,
}

impl Steps<'_> {
    fn push(&mut self, id: &'static str, ok: bool, result: &'static str, args: Vec<(&'static str, Arg)>, started: Instant) -> bool {
        let detail = self.i18n.t(Lang::En, result, &args);
        let took_ms = started.elapsed().as_millis() as u64;
        tracing::info!(step = id, ok, took_ms, "connection test");
        self.steps.push(Step { id, ok, result, args, detail, took_ms });
        ok
    }

    fn fail(&mut self, id: &'static str, e: &AppError, extra: Vec<(&'static str, Arg)>, started: Instant) -> bool {
        let mut args = e.args.clone();
        args.extend(extra);
        self.push(id, false, e.code, args, started)
    }
}

impl Counter {
    /// A wallet's test: its settings complete and usable, then a signed question about
    /// an order that cannot exist, whose signed "not found" proves the keys both ways.
    async fn test_wallet(&self, w: quay_pay::wallet::Wallet, steps: &mut Steps<'_>) -> Option<RoundTrip> {
        let name: Arg = crate::wallets::label(w).into();
        let t = Instant::now();
        let terminal = match self.wallet_terminal(w) {
            Ok(t) => t,
            Err(e) => {
                steps.fail("setup-step-wallet-settings", &e, vec![("wallet", name)], t);
                return None;
            }
        };
        steps.push("setup-step-wallet-settings", true, "setup-ok-wallet-settings", vec![("wallet", name.clone())], t);
        let t = Instant::now();
        let (request, answer) = terminal.probe().await;
        let ms = t.elapsed().as_millis() as u64;
        match answer {
            Ok(code) => {
                steps.push(
                    "setup-step-wallet-keys",
                    true,
                    "setup-ok-wallet-keys",
                    vec![("wallet", name), ("code", code.as_str().into())],
                    t,
                );
                Some(RoundTrip { request, answer: code, took_ms: ms })
            }
            Err(e) => {
                steps.fail("setup-step-wallet-keys", &e, vec![("wallet", name)], t);
                None
            }
        }
    }
}

impl Counter {
    /// A bank's virtual POS: the definition complete (kind, mode, URL and the static IP
    /// the bank was told — recorded, checked against nothing), then the bank's harmless
    /// call (the status of an order id that never existed), whose "no record" proves the
    /// credentials. `only` one definition, else each in turn.
    async fn test_vpos(&self, only: Option<&str>, steps: &mut Steps<'_>, identity: &mut PointIdentity) -> Option<RoundTrip> {
        let t = Instant::now();
        let names: Vec<String> = match only {
            Some(n) => vec![n.to_string()],
            None => match self.store().vpos_definitions() {
                Ok(d) => d.into_iter().map(|d| d.name).collect(),
                Err(e) => {
                    steps.fail("setup-step-vpos-definition", &e.into(), vec![("name", "—".into())], t);
                    return None;
                }
            },
        };
        if names.is_empty() {
            steps.push("setup-step-vpos-definition", false, "err-vpos-none", vec![("name", "—".into())], t);
            return None;
        }
        let mut trip = None;
        for name in names {
            let t = Instant::now();
            let ready = self.vpos_client(&name);
            let (def, client) = match ready {
                Ok(r) => r,
                Err(e) => {
                    steps.fail("setup-step-vpos-definition", &e, vec![("name", name.as_str().into())], t);
                    return None;
                }
            };
            identity.terminal = Some(format!("vpos {} ({}, {})", def.name, def.kind, def.mode));
            let args = vec![
                ("name", def.name.as_str().into()),
                ("kind", def.kind.as_str().into()),
                ("mode", def.mode.as_str().into()),
                ("url", def.api_url.as_str().into()),
                ("ip", def.static_ip.clone().unwrap_or_else(|| "—".into()).into()),
            ];
            steps.push("setup-step-vpos-definition", true, "setup-ok-vpos-definition", args, t);
            let t = Instant::now();
            let rnd = uuid::Uuid::new_v4().simple().to_string();
            match client.check(&rnd).await {
                Ok(()) => {
                    let ms = t.elapsed().as_millis() as u64;
                    steps.push(
                        "setup-step-vpos-check",
                        true,
                        "setup-ok-vpos-check",
                        vec![("name", def.name.as_str().into()), ("ms", (ms as i64).into())],
                        t,
                    );
                    trip = Some(RoundTrip {
                        request: format!("POST {} status of order quay-check-{rnd}", def.api_url),
                        answer: "no record".into(),
                        took_ms: ms,
                    });
                }
                Err(e) => {
                    steps.fail("setup-step-vpos-check", &crate::vpos::vpos_error(e), vec![("name", def.name.as_str().into())], t);
                    return None;
                }
            }
        }
        trip
    }

    /// Nhanh: the app's settings and an open connection; the token checked by Nhanh
    /// (`app/checkaccesstoken`); its expiry (no refresh: warned 30 days ahead); the
    /// permissions the connector's jobs need; the webhook listener when one is set.
    async fn test_nhanh(&self, steps: &mut Steps<'_>) -> Option<RoundTrip> {
        let t = Instant::now();
        let ready = self.nhanh_test_client();
        let (client, secret, business) = match ready {
            Ok(r) => r,
            Err(e) => {
                steps.fail("setup-step-nhanh-config", &e, vec![], t);
                return None;
            }
        };
        steps.push("setup-step-nhanh-config", true, "setup-ok-nhanh-config", vec![("business", business.as_str().into())], t);
        let t = Instant::now();
        let info = match client.check_access_token(&secret).await {
            Ok(i) => i,
            Err(e) => {
                steps.fail("setup-step-nhanh-token", &AppError::from_localized(&e), vec![], t);
                return None;
            }
        };
        let ms = t.elapsed().as_millis() as u64;
        if info.business_id != business {
            let args = vec![("business", info.business_id.as_str().into()), ("connected", business.as_str().into())];
            steps.push("setup-step-nhanh-token", false, "setup-fail-nhanh-token-business", args, t);
            return None;
        }
        steps.push("setup-step-nhanh-token", true, "setup-ok-nhanh-token", vec![("business", info.business_id.as_str().into())], t);
        let t = Instant::now();
        let days = (info.expired_at - self.now().timestamp()).div_euclid(86_400);
        let result = if days <= crate::nhanh::WARN_DAYS { "setup-warn-nhanh-expiry" } else { "setup-ok-nhanh-expiry" };
        steps.push("setup-step-nhanh-expiry", days > 0, result, vec![("days", days.into())], t);
        let t = Instant::now();
        let missing = quay_nhanh::permission::missing(&info.permissions);
        let lang = self.lang();
        let list = missing.iter().map(|(p, job)| format!("{p} ({})", self.i18n().t(lang, job, &[]))).collect::<Vec<_>>().join(", ");
        let args = vec![("count", (missing.len() as i64).into()), ("missing", list.into())];
        let result = if missing.is_empty() { "setup-ok-nhanh-permissions" } else { "setup-fail-nhanh-permissions" };
        if !steps.push("setup-step-nhanh-permissions", missing.is_empty(), result, args, t) {
            return None;
        }
        let t = Instant::now();
        match self.nhanh_webhook_config() {
            Ok(None) => steps.push("setup-step-nhanh-webhook", true, "setup-ok-nhanh-webhook-off", vec![], t),
            Ok(Some((addr, _))) => {
                // The listener may be another process's (the window's, when the test runs
                // from the command line): something must answer on the address.
                let listening = self.nhanh.listening()
                    || tokio::time::timeout(Duration::from_secs(2), tokio::net::TcpStream::connect(addr)).await.is_ok_and(|c| c.is_ok());
                let args = vec![("address", addr.to_string().into())];
                let result = if listening { "setup-ok-nhanh-webhook" } else { "setup-fail-nhanh-webhook" };
                steps.push("setup-step-nhanh-webhook", listening, result, args, t)
            }
            Err(e) => steps.fail("setup-step-nhanh-webhook", &e, vec![], t),
        };
        Some(RoundTrip {
            request: "POST /v3.0/app/checkaccesstoken".into(),
            answer: format!("business {} · {} permissions · {} days", info.business_id, info.permissions.len(), days),
            took_ms: ms,
        })
    }
}

/// A failing hub call as the technician's hint: a refused signature points at Key1, an
/// unsigned answer at Key2; anything else says what the hub said.
fn hub_failure(e: &HubError) -> AppError {
    match e {
        HubError::Refused { status: 401, code, .. } if code != "stale" => {
            AppError::new("setup-fail-hub-key1", vec![("code", code.as_str().into())])
        }
        HubError::BadSignature => AppError::new("setup-fail-hub-key2", vec![]),
        HubError::PartnerUnavailable { partner, .. } => {
            AppError::new("setup-fail-partner-down", vec![("partner", partner.as_str().into())])
        }
        other => AppError::from_localized(other),
    }
}

/// `args` with the partner's name (`partner`) added.
fn with_partner(partner: Partner, mut args: Vec<(&'static str, Arg)>) -> Vec<(&'static str, Arg)> {
    args.push(("partner", partner_name(partner).into()));
    args
}

/// The hub answers and lists the partner as connected for this point.
async fn partner_listed_step(hub: &quay_hub::HubClient, partner: Partner, steps: &mut Steps<'_>, identity: &mut PointIdentity) -> bool {
    let with = |args| with_partner(partner, args);
    let t = Instant::now();
    let ping = match hub.ping().await {
        Ok(p) => p,
        Err(e) => {
            steps.fail("setup-step-partner-listed", &hub_failure(&e), with(vec![]), t);
            return false;
        }
    };
    identity.point_name = Some(ping.point_name.clone()).filter(|n| !n.is_empty());
    let status = ping
        .partners
        .iter()
        .find(|p| p.get("partner").and_then(|v| v.as_str()) == Some(partner.as_str()))
        .map(|p| p.get("status").and_then(|v| v.as_str()).unwrap_or("").to_string());
    let (ok, result) = match status.as_deref() {
        Some("connected") => (true, "setup-ok-partner-listed"),
        Some("pending") => (false, "setup-fail-partner-pending"),
        Some("disabled") => (false, "setup-fail-partner-disabled-at-hub"),
        _ => (false, "setup-fail-partner-not-listed"),
    };
    steps.push("setup-step-partner-listed", ok, result, with(vec![("status", status.unwrap_or_default().into())]), t)
}

impl Counter {
    fn text(&self, key: &str) -> Option<String> {
        self.setting(key).ok().flatten().filter(|v| !v.trim().is_empty())
    }

    fn identity(&self) -> PointIdentity {
        PointIdentity {
            store_name: self.text(keys::STORE_NAME),
            address: self.text(STORE_ADDRESS),
            contact_name: self.text(STORE_CONTACT_NAME),
            contact_phone: self.text(STORE_CONTACT_PHONE),
            pos_parent: self.text(sync::HUB_POS_PARENT),
            pos_id: self.text(sync::HUB_POS_ID),
            counter_id: self.config().counter_id.clone(),
            ..PointIdentity::default()
        }
    }

    /// Runs the connection test of `target` for real, step by step, stopping at the first
    /// failure; what went wrong is a failed step of the report. The test is audited (who
    /// ran it, on what, with what result): the month-end list of points connected comes
    /// from there.
    pub async fn test_connection(&self, who: &Who, target: Target) -> Result<ConnectionReport> {
        self.allow(who, Action::TestConnection)?;
        let report = self.run_connection_test(target, None).await;
        self.audit_connection_test(who, &report)?;
        Ok(report)
    }

    /// The connection test of one virtual POS definition (`quay connect test vpos:NAME`).
    pub async fn test_vpos_connection(&self, who: &Who, name: &str) -> Result<ConnectionReport> {
        self.allow(who, Action::TestConnection)?;
        let report = self.run_connection_test(Target::Vpos, Some(name)).await;
        self.audit_connection_test(who, &report)?;
        Ok(report)
    }

    /// The connection test of one printer (`quay connect test printer:NAME`).
    pub async fn test_printer_connection(&self, who: &Who, name: &str) -> Result<ConnectionReport> {
        self.allow(who, Action::TestConnection)?;
        let report = self.run_connection_test(Target::Printer, Some(name)).await;
        self.audit_connection_test(who, &report)?;
        Ok(report)
    }

    /// A printer: its address, its real-time status (where the transport has one), then a
    /// test page through the job queue (journaled like any job), printed now.
    async fn test_printer(&self, only: Option<&str>, steps: &mut Steps<'_>, identity: &mut PointIdentity) -> Option<RoundTrip> {
        let t = Instant::now();
        let printers = match self.printers() {
            Ok(p) => p.into_iter().filter(|p| only.is_none_or(|n| p.name == n || p.name == format!("kitchen.{n}"))).collect::<Vec<_>>(),
            Err(e) => {
                steps.fail("setup-step-printer-config", &e, vec![("printer", only.unwrap_or("—").into())], t);
                return None;
            }
        };
        if printers.is_empty() {
            let e = AppError::new("err-print-no-printer", vec![("printer", only.unwrap_or("receipt").into())]);
            steps.fail("setup-step-printer-config", &e, vec![], t);
            return None;
        }
        let mut trip = None;
        for p in printers {
            let name: Arg = p.name.as_str().into();
            let t = Instant::now();
            let address = match p.parsed() {
                Ok(a) => a,
                Err(e) => {
                    steps.fail("setup-step-printer-config", &e, vec![("printer", name)], t);
                    return None;
                }
            };
            identity.terminal = Some(format!("printer {} ({})", p.name, p.address));
            let args = vec![("printer", name.clone()), ("address", p.address.as_str().into()), ("dots", i64::from(p.width_dots).into())];
            steps.push("setup-step-printer-config", true, "setup-ok-printer-config", args, t);
            let t = Instant::now();
            if address.reports_status() {
                let a = address.clone();
                let status = tokio::task::spawn_blocking(move || quay_print::transport::query_status(&a)).await;
                match status {
                    Ok(Ok(s)) if s.ready() => {
                        steps.push("setup-step-printer-status", true, "setup-ok-printer-status", vec![("printer", name.clone())], t);
                    }
                    Ok(Ok(s)) => {
                        let e = s.check().err().map(|e| AppError::from_localized(&e)).unwrap_or_else(|| AppError::internal("not ready"));
                        steps.fail("setup-step-printer-status", &e, vec![("printer", name)], t);
                        return None;
                    }
                    Ok(Err(e)) => {
                        steps.fail("setup-step-printer-status", &AppError::from_localized(&e), vec![("printer", name)], t);
                        return None;
                    }
                    Err(e) => {
                        steps.fail("setup-step-printer-status", &AppError::internal(e), vec![("printer", name)], t);
                        return None;
                    }
                }
            } else {
                steps.push("setup-step-printer-status", true, "setup-ok-printer-no-status", vec![("printer", name.clone())], t);
            }
            let t = Instant::now();
            let job = self.store().enqueue_print_jobs(
                None,
                &[quay_store::print::NewPrintJob { kind: quay_store::print::JobKind::Test, printer: p.name.clone(), payload: "{}".into() }],
                &self.now().to_rfc3339(),
            );
            let job = match job {
                Ok(ids) => ids[0],
                Err(e) => {
                    steps.fail("setup-step-printer-page", &e.into(), vec![("printer", name)], t);
                    return None;
                }
            };
            let printed = {
                let sent = std::thread::scope(|s| s.spawn(|| self.print_pending()).join());
                let job = self.store().print_job(job).ok().flatten();
                match (sent, job) {
                    (Ok(Ok(_)), Some(j)) if j.state == quay_store::print::JobState::Done => Ok(()),
                    (_, Some(j)) => Err(AppError::new(
                        j.last_code.as_deref().and_then(|c| crate::print::known_code(c)).unwrap_or("err-print-io"),
                        vec![("printer", name.clone()), ("detail", j.last_error.unwrap_or_default().into())],
                    )),
                    _ => Err(AppError::internal("the test page was lost")),
                }
            };
            let ms = t.elapsed().as_millis() as u64;
            match printed {
                Ok(()) => {
                    steps.push(
                        "setup-step-printer-page",
                        true,
                        "setup-ok-printer-page",
                        vec![("printer", name), ("ms", (ms as i64).into())],
                        t,
                    );
                    trip =
                        Some(RoundTrip { request: format!("ESC/POS test page to {}", p.address), answer: "printed".into(), took_ms: ms });
                }
                Err(e) => {
                    steps.fail("setup-step-printer-page", &e, vec![("printer", name)], t);
                    return None;
                }
            }
        }
        trip
    }

    async fn run_connection_test(&self, target: Target, only: Option<&str>) -> ConnectionReport {
        let at = self.now();
        let mut identity = self.identity();
        let mut steps = Steps { i18n: self.i18n(), steps: Vec::new() };
        let round_trip = match target {
            Target::Hub => self.test_hub(&mut steps, &mut identity).await,
            Target::Momo => self.test_partner(Partner::Momo, &mut steps, &mut identity).await,
            Target::Giftpop => self.test_partner(Partner::Giftpop, &mut steps, &mut identity).await,
            Target::Terminal => self.test_terminal(&mut steps, &mut identity).await,
            Target::MomoPay | Target::Zalopay | Target::Vnpay | Target::Alipay => {
                let w = target.wallet().expect("a wallet target");
                self.test_wallet(w, &mut steps).await
            }
            Target::Nhanh => self.test_nhanh(&mut steps).await,
            Target::Vpos => self.test_vpos(only, &mut steps, &mut identity).await,
            Target::Printer => self.test_printer(only, &mut steps, &mut identity).await,
        };
        let steps = steps.steps;
        let ok = !steps.is_empty() && steps.iter().all(|s| s.ok);
        tracing::info!(target = target.as_str(), ok, "connection test done");
        ConnectionReport { target, at, identity, ok, round_trip: round_trip.filter(|_| ok), steps, version: env!("CARGO_PKG_VERSION") }
    }

    /// Hub settings complete; returns the client when they are.
    fn hub_config_step(&self, steps: &mut Steps<'_>) -> Option<std::sync::Arc<quay_hub::HubClient>> {
        let t = Instant::now();
        let mut missing = Vec::new();
        for k in [sync::HUB_URL, sync::HUB_POS_PARENT, sync::HUB_POS_ID] {
            if self.text(k).is_none() {
                missing.push(k);
            }
        }
        for k in [sync::HUB_KEY1, sync::HUB_KEY2] {
            if !self.has_secret(k).unwrap_or(false) {
                missing.push(k);
            }
        }
        if !missing.is_empty() {
            let e = AppError::new("err-hub-not-configured", vec![("missing", missing.join(", ").into())]);
            steps.fail("setup-step-hub-config", &e, vec![], t);
            return None;
        }
        match self.hub() {
            Ok(c) => {
                let args = vec![
                    ("url", self.text(sync::HUB_URL).unwrap_or_default().into()),
                    ("pos_parent", self.text(sync::HUB_POS_PARENT).unwrap_or_default().into()),
                    ("pos_id", self.text(sync::HUB_POS_ID).unwrap_or_default().into()),
                ];
                steps.push("setup-step-hub-config", true, "setup-ok-hub-config", args, t);
                Some(c)
            }
            Err(e) => {
                steps.fail("setup-step-hub-config", &e, vec![], t);
                None
            }
        }
    }

    async fn test_hub(&self, steps: &mut Steps<'_>, identity: &mut PointIdentity) -> Option<RoundTrip> {
        let hub = self.hub_config_step(steps)?;
        let t = Instant::now();
        let ping = match hub.ping().await {
            Ok(p) => p,
            Err(e) => {
                steps.fail("setup-step-hub-ping", &hub_failure(&e), vec![], t);
                return None;
            }
        };
        let ms = t.elapsed().as_millis() as u64;
        steps.push("setup-step-hub-ping", true, "setup-ok-hub-ping", vec![("ms", (ms as i64).into())], t);

        let t = Instant::now();
        identity.point_name = Some(ping.point_name.clone()).filter(|n| !n.is_empty());
        let ours = (self.text(sync::HUB_POS_PARENT).unwrap_or_default(), self.text(sync::HUB_POS_ID).unwrap_or_default());
        let args = vec![
            ("point_name", ping.point_name.as_str().into()),
            ("pos_parent", ping.pos_parent.as_str().into()),
            ("pos_id", ping.pos_id.as_str().into()),
        ];
        if (ping.pos_parent.as_str(), ping.pos_id.as_str()) != (ours.0.as_str(), ours.1.as_str()) {
            steps.push("setup-step-hub-identity", false, "setup-fail-hub-identity", args, t);
            return None;
        }
        steps.push("setup-step-hub-identity", true, "setup-ok-hub-identity", args, t);

        let t = Instant::now();
        let Ok(server) = DateTime::parse_from_rfc3339(&ping.server_time) else {
            let e = AppError::from_localized(&HubError::BadAnswer { detail: format!("server_time {:?}", ping.server_time) });
            steps.fail("setup-step-hub-clock", &e, vec![], t);
            return None;
        };
        let skew = (server - self.now()).num_milliseconds() as f64 / 1000.0;
        let skew = skew.round() as i64;
        let args = vec![("skew", skew.into()), ("max", MAX_CLOCK_SKEW_S.into())];
        if skew.abs() > MAX_CLOCK_SKEW_S {
            steps.push("setup-step-hub-clock", false, "setup-fail-hub-clock", args, t);
            return None;
        }
        steps.push("setup-step-hub-clock", true, "setup-ok-hub-clock", args, t);
        Some(RoundTrip {
            request: "GET /ping".into(),
            answer: format!("{} ({} / {})", ping.point_name, ping.pos_parent, ping.pos_id),
            took_ms: ms,
        })
    }

    async fn test_partner(&self, partner: Partner, steps: &mut Steps<'_>, identity: &mut PointIdentity) -> Option<RoundTrip> {
        // 1. Enabled on this counter, with the partner's code for the point.
        self.partner_config_step(partner, steps, identity)?;

        // 2. The hub answers and lists the partner as connected for this point.
        let hub = self.hub_config_step(steps)?;
        if !partner_listed_step(&hub, partner, steps, identity).await {
            return None;
        }

        // 3. A real round trip to the partner through the hub: a check of a code no
        // voucher has. Any answer of the partner proves it; 503 means it is not answering.
        self.partner_round_trip_step(&hub, partner, steps).await
    }

    /// The partner is enabled on this counter and has its code for the point.
    fn partner_config_step(&self, partner: Partner, steps: &mut Steps<'_>, identity: &mut PointIdentity) -> Option<()> {
        let (enabled_key, code_key) = match partner {
            Partner::Momo => (MOMO_ENABLED, MOMO_POINT_CODE),
            Partner::Giftpop => (GIFTPOP_ENABLED, GIFTPOP_POINT_CODE),
            // Not a hub partner: no target tests it through the hub.
            Partner::Alipay => return None,
        };
        let with = |args| with_partner(partner, args);
        let t = Instant::now();
        identity.point_code = self.text(code_key);
        if self.text(enabled_key).as_deref() != Some("true") {
            steps.push("setup-step-partner-config", false, "setup-fail-partner-disabled", with(vec![]), t);
            return None;
        }
        let Some(point_code) = identity.point_code.clone() else {
            steps.push("setup-step-partner-config", false, "setup-fail-partner-no-point-code", with(vec![]), t);
            return None;
        };
        steps.push("setup-step-partner-config", true, "setup-ok-partner-config", with(vec![("point_code", point_code.as_str().into())]), t);
        Some(())
    }

    /// A check of `TEST_VOUCHER_CODE` with the partner, through the hub.
    async fn partner_round_trip_step(&self, hub: &quay_hub::HubClient, partner: Partner, steps: &mut Steps<'_>) -> Option<RoundTrip> {
        let with = |args| with_partner(partner, args);
        let t = Instant::now();
        let amount = Money::new(self.config().currency.scale(), self.config().currency);
        match hub.check_voucher(partner, TEST_VOUCHER_CODE, uuid::Uuid::now_v7(), amount).await {
            Ok(check) => {
                let ms = t.elapsed().as_millis() as u64;
                let args =
                    with(vec![("status", check.status.as_str().into()), ("code", TEST_VOUCHER_CODE.into()), ("ms", (ms as i64).into())]);
                steps.push("setup-step-partner-round-trip", true, "setup-ok-partner-round-trip", args, t);
                Some(RoundTrip {
                    request: format!("POST /vouchers/check {} {}", partner.as_str(), TEST_VOUCHER_CODE),
                    answer: check.status.as_str().to_string(),
                    took_ms: ms,
                })
            }
            Err(e) => {
                let e = match e {
                    HubError::PartnerUnavailable { .. } => AppError::new("setup-fail-partner-down", vec![]),
                    other => hub_failure(&other),
                };
                steps.fail("setup-step-partner-round-trip", &e, with(vec![]), t);
                None
            }
        }
    }

    async fn test_terminal(&self, steps: &mut Steps<'_>, identity: &mut PointIdentity) -> Option<RoundTrip> {
        let t = Instant::now();
        let missing = |k: &str| AppError::new("err-terminal-not-configured", vec![("missing", k.into())]);
        match self.text(TERMINAL_KIND).as_deref() {
            Some("zvt") => {
                let Some(port) = self.text(ZVT_PORT) else {
                    steps.fail("setup-step-terminal-config", &missing(ZVT_PORT), vec![], t);
                    return None;
                };
                let baud = self.text(ZVT_BAUD).unwrap_or_else(|| "9600".into());
                identity.terminal = Some(format!("ZVT {port}"));
                let args = vec![("port", port.as_str().into()), ("baud", baud.into())];
                steps.push("setup-step-terminal-config", true, "setup-ok-terminal-zvt", args, t);
                self.test_zvt(&port, steps).await
            }
            Some("viva") => {
                for k in [VIVA_URL, VIVA_MERCHANT_ID] {
                    if self.text(k).is_none() {
                        steps.fail("setup-step-terminal-config", &missing(k), vec![], t);
                        return None;
                    }
                }
                if !self.has_secret(VIVA_API_KEY).unwrap_or(false) {
                    steps.fail("setup-step-terminal-config", &missing(VIVA_API_KEY), vec![], t);
                    return None;
                }
                let url = self.text(VIVA_URL).unwrap_or_default();
                let merchant = self.text(VIVA_MERCHANT_ID).unwrap_or_default();
                steps.push("setup-step-terminal-config", true, "setup-ok-terminal-viva", vec![("url", url.as_str().into())], t);
                self.test_viva(&url, &merchant, steps, identity).await
            }
            _ => {
                steps.fail("setup-step-terminal-config", &missing(TERMINAL_KIND), vec![], t);
                None
            }
        }
    }

    async fn test_zvt(&self, port: &str, steps: &mut Steps<'_>) -> Option<RoundTrip> {
        let t = Instant::now();
        let (mut driver, name) = match self.zvt_line(None) {
            Ok(d) => d,
            Err(e) => {
                steps.fail("setup-step-zvt-port", &e, vec![], t);
                return None;
            }
        };
        steps.push("setup-step-zvt-port", true, "setup-ok-zvt-port", vec![("port", port.into())], t);
        // The terminal refuses most commands until the counter registers: as every use of
        // the line does, the test registers first (password, config byte, currency).
        let t = Instant::now();
        let config = format!("{:02X}", driver.config().config_byte);
        let registered = tokio::task::spawn_blocking(move || {
            let r = crate::terminals::register_zvt(&mut driver, &name);
            (driver, r)
        })
        .await;
        let mut driver = match registered {
            Ok((driver, Ok(()))) => {
                let args = vec![("config", config.as_str().into()), ("currency", self.config().currency.code().into())];
                steps.push("setup-step-zvt-register", true, "setup-ok-zvt-register", args, t);
                driver
            }
            Ok((_, Err(e))) => {
                steps.fail("setup-step-zvt-register", &e, vec![], t);
                return None;
            }
            Err(e) => {
                steps.fail("setup-step-zvt-register", &AppError::internal(e), vec![], t);
                return None;
            }
        };
        let t = Instant::now();
        // Blocking serial I/O: on the blocking pool, not on the runtime's threads.
        let answer = tokio::task::spawn_blocking(move || driver.status_enquiry()).await;
        let ms = t.elapsed().as_millis() as u64;
        let fail = |detail: String| AppError::new("setup-fail-zvt-status", vec![("detail", detail.into())]);
        match answer {
            Ok(Ok(tx)) => {
                use quay_pay::zvt::session::Outcome;
                if let Outcome::Unknown { reason } = tx.outcome {
                    steps.fail("setup-step-zvt-status", &fail(reason.to_string()), vec![], t);
                    return None;
                }
                let (state, details) = crate::terminals::zvt_report(&tx.outcome);
                let last = match tx.outcome {
                    Outcome::NoTransaction => "none".to_string(),
                    _ => state.as_str().to_string(),
                };
                let tid = details.terminal_id.clone().unwrap_or_else(|| "-".into());
                let args = vec![("terminal_id", tid.as_str().into()), ("state", last.as_str().into()), ("ms", (ms as i64).into())];
                steps.push("setup-step-zvt-status", true, "setup-ok-zvt-status", args, t);
                Some(RoundTrip {
                    request: "ZVT 05 01 status enquiry".into(),
                    answer: format!("terminal {tid}, last transaction {last}"),
                    took_ms: ms,
                })
            }
            Ok(Err(e)) => {
                steps.fail("setup-step-zvt-status", &fail(e.to_string()), vec![], t);
                None
            }
            Err(e) => {
                steps.fail("setup-step-zvt-status", &fail(e.to_string()), vec![], t);
                None
            }
        }
    }

    async fn test_viva(&self, url: &str, merchant: &str, steps: &mut Steps<'_>, identity: &mut PointIdentity) -> Option<RoundTrip> {
        let t = Instant::now();
        let key = match self.store().secret(VIVA_API_KEY) {
            Ok(k) => k.unwrap_or_default(),
            Err(e) => {
                steps.fail("setup-step-viva-credentials", &e.into(), vec![], t);
                return None;
            }
        };
        let client = VivaClient::new(url, merchant, &key).with_currency(self.config().currency);
        drop(key);
        let day = self.today().format("%Y-%m-%d").to_string();
        let txs = match client.transactions_by_date(&day).await {
            Ok(txs) => txs,
            Err(VivaError::Unauthorized) => {
                steps.push("setup-step-viva-credentials", false, "setup-fail-viva-credentials", vec![], t);
                return None;
            }
            Err(e) => {
                let e = AppError::new("setup-fail-viva", vec![("detail", e.to_string().into())]);
                steps.fail("setup-step-viva-credentials", &e, vec![], t);
                return None;
            }
        };
        let ms = t.elapsed().as_millis() as u64;
        let args = vec![("count", (txs.len() as i64).into()), ("ms", (ms as i64).into())];
        steps.push("setup-step-viva-credentials", true, "setup-ok-viva-credentials", args, t);
        let t = Instant::now();
        let Some(source) = self.text(VIVA_SOURCE_CODE) else {
            let e = AppError::new("err-terminal-not-configured", vec![("missing", VIVA_SOURCE_CODE.into())]);
            steps.fail("setup-step-viva-source", &e, vec![], t);
            return None;
        };
        identity.terminal = Some(format!("Viva {source}"));
        steps.push("setup-step-viva-source", true, "setup-ok-viva-source", vec![("source", source.as_str().into())], t);
        Some(RoundTrip {
            request: format!("GET /api/transactions/?date={day}"),
            answer: format!("{} transactions", txs.len()),
            took_ms: ms,
        })
    }

    fn audit_connection_test(&self, who: &Who, report: &ConnectionReport) -> Result<()> {
        let after = if report.ok { "ok".to_string() } else { format!("failed: {}", report.failed_step().map(|s| s.id).unwrap_or("-")) };
        self.audit(who, "connection.test", report.target.as_str(), None, Some(after))
    }
}
