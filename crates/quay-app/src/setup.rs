//! The technician's setup: every setting a technician may change, in one table with its
//! group and its rule (`SETTINGS`, `validate`); the settings as a face shows them
//! (secrets only as "set or not", never their value); saving a batch of changes (all
//! validated before any is written, each audited); and the connection tests of the hub,
//! each voucher partner and the card terminal, with the printable report a partner asks
//! for as proof of a working connection (seed 000).
//!
//! The tests are `async`: the hub and Viva clients are (tokio). The ZVT driver is
//! blocking, so its status enquiry runs on tokio's blocking pool (`spawn_blocking`),
//! which works on any runtime, current-thread (the command line) or multi-thread (the
//! window). Each test stops at the first failing step: later steps depend on it.

use std::time::Instant;

use chrono::{DateTime, FixedOffset};
use quay_core::auth::Action;
use quay_core::error::Arg;
use quay_core::voucher::Partner;
use quay_core::Money;
use quay_hub::HubError;
use quay_i18n::{Lang, Localizer};
use quay_pay::viva::{VivaClient, VivaError};
use quay_pdf::{Align, Block, Column, Direction, Document, PageSize};
use serde::Serialize;

use crate::{keys, sync, webhook, AppError, Counter, Result, Who};

/// Settings keys the setup adds (the others live beside their users: `keys`, `sync`,
/// `webhook`, `terminals`).
pub const STORE_ADDRESS: &str = "store.address";
pub const STORE_CONTACT_NAME: &str = "store.contact_name";
pub const STORE_CONTACT_PHONE: &str = "store.contact_phone";
/// VAT rates of the store: percentages separated by commas, at most two decimals
/// ("8,10", "5.5,24"); `vat_rates_bp` reads them as basis points like the menu's
/// `tax_rate_bp`.
pub const STORE_VAT_RATES: &str = "store.vat_rates";
pub const MOMO_ENABLED: &str = "partner.momo.enabled";
pub const MOMO_POINT_CODE: &str = "partner.momo.point_code";
pub const GIFTPOP_ENABLED: &str = "partner.giftpop.enabled";
pub const GIFTPOP_POINT_CODE: &str = "partner.giftpop.point_code";
pub const TERMINAL_KIND: &str = "terminal.kind";
pub const ZVT_PORT: &str = "zvt.port";
pub const ZVT_BAUD: &str = "zvt.baud";
pub const ZVT_PASSWORD: &str = "zvt.password";
/// The registration's config byte (PA00P015), two hex digits; BA when not set.
pub const ZVT_CONFIG: &str = "zvt.config";
pub const VIVA_URL: &str = "viva.url";
pub const VIVA_MERCHANT_ID: &str = "viva.merchant_id";
pub const VIVA_API_KEY: &str = "viva.api_key";
pub const VIVA_SOURCE_CODE: &str = "viva.source_code";
pub const VIVA_WAIT: &str = "viva.wait_s";

/// How a secret is shown, everywhere.
pub const MASK: &str = "********";
/// The voucher code the partner tests check: no voucher has it, so any answer the
/// partner gives (normally `not_found`) proves the round trip and redeems nothing.
pub const TEST_VOUCHER_CODE: &str = "QUAY-CONNECTION-TEST";
/// Beyond this, the counter's clock fails the hub test (the hub's freshness window,
/// hub-api.md): the client would correct it, but sales and receipts would carry it.
pub const MAX_CLOCK_SKEW_S: i64 = 300;

/// Where a setting is shown, and which connection test covers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Store,
    Hub,
    Momo,
    Giftpop,
    Terminal,
}

impl Group {
    pub const ALL: [Group; 5] = [Group::Store, Group::Hub, Group::Momo, Group::Giftpop, Group::Terminal];

    pub fn as_str(self) -> &'static str {
        match self {
            Group::Store => "store",
            Group::Hub => "hub",
            Group::Momo => "momo",
            Group::Giftpop => "giftpop",
            Group::Terminal => "terminal",
        }
    }

    /// The Fluent id of the group's heading.
    pub fn label_id(self) -> &'static str {
        match self {
            Group::Store => "setup-group-store",
            Group::Hub => "setup-group-hub",
            Group::Momo => "setup-group-momo",
            Group::Giftpop => "setup-group-giftpop",
            Group::Terminal => "setup-group-terminal",
        }
    }
}

/// What a value must look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Any text, not blank, at most this many characters.
    Text(usize),
    /// An `http://` or `https://` URL.
    Url,
    /// Letters and digits (the counter's id in receipts and the hub's records).
    Alnum,
    /// Visible ASCII without spaces, 1–64 characters (identities sent in HTTP headers,
    /// partners' codes, serial numbers).
    Ident,
    /// An ISO 4217 code Quay knows.
    Currency,
    /// A language of Quay (en, vi, ar, el, zh-CN).
    Locale,
    /// Whole seconds in a range.
    Seconds(u64, u64),
    /// One of a fixed list (see `SettingSpec::choices`).
    Choice,
    /// `true` or `false`.
    Bool,
    /// A phone number: digits with + ( ) - . and spaces, 6–15 digits.
    Phone,
    /// Percentages separated by commas, each 0–100 with at most two decimals.
    VatRates,
    /// A UUID (Viva's merchant id).
    Uuid,
    /// The ZVT terminal's password: six digits.
    ZvtPassword,
    /// The ZVT registration's config byte: two hexadecimal digits (`BA`).
    ZvtConfigByte,
    /// A socket address to listen on (`127.0.0.1:8088`).
    Listen,
    /// A secret of at least this many characters.
    Secret(usize),
    /// A serial device path.
    Path,
}

/// One setting a technician may change.
#[derive(Clone, Copy, Debug)]
pub struct SettingSpec {
    pub key: &'static str,
    pub group: Group,
    /// Stored encrypted, shown only as set or not, never logged.
    pub secret: bool,
    pub rule: Rule,
    /// The values a `Rule::Choice` (or a `Bool`, a `Locale`) takes, for the face's select.
    pub choices: &'static [&'static str],
    /// The Fluent id of its label.
    pub label: &'static str,
}

const fn spec(key: &'static str, group: Group, rule: Rule, label: &'static str) -> SettingSpec {
    let secret = matches!(rule, Rule::Secret(_) | Rule::ZvtPassword);
    let choices: &'static [&'static str] = match rule {
        Rule::Bool => &["true", "false"],
        Rule::Locale => &["en", "vi", "ar", "el", "zh-CN"],
        _ => &[],
    };
    SettingSpec { key, group, secret, rule, choices, label }
}

const fn choice(key: &'static str, group: Group, choices: &'static [&'static str], label: &'static str) -> SettingSpec {
    SettingSpec { key, group, secret: false, rule: Rule::Choice, choices, label }
}

/// Every setting a technician may set, in the order the setup screen shows them.
pub const SETTINGS: &[SettingSpec] = &[
    // The store: who the point is on the report and the receipt.
    spec(keys::STORE_NAME, Group::Store, Rule::Text(120), "setup-key-store-name"),
    spec(STORE_ADDRESS, Group::Store, Rule::Text(300), "setup-key-store-address"),
    spec(STORE_CONTACT_NAME, Group::Store, Rule::Text(120), "setup-key-store-contact-name"),
    spec(STORE_CONTACT_PHONE, Group::Store, Rule::Phone, "setup-key-store-contact-phone"),
    spec(keys::CURRENCY, Group::Store, Rule::Currency, "setup-key-counter-currency"),
    spec(STORE_VAT_RATES, Group::Store, Rule::VatRates, "setup-key-store-vat-rates"),
    spec(keys::LOCALE, Group::Store, Rule::Locale, "setup-key-counter-locale"),
    spec(keys::COUNTER_ID, Group::Store, Rule::Alnum, "setup-key-counter-id"),
    spec(keys::CASHIER, Group::Store, Rule::Text(60), "setup-key-counter-cashier"),
    // The hub.
    spec(sync::HUB_URL, Group::Hub, Rule::Url, "setup-key-hub-url"),
    spec(sync::HUB_POS_PARENT, Group::Hub, Rule::Ident, "setup-key-hub-pos-parent"),
    spec(sync::HUB_POS_ID, Group::Hub, Rule::Ident, "setup-key-hub-pos-id"),
    spec(sync::HUB_KEY1, Group::Hub, Rule::Secret(1), "setup-key-hub-key1"),
    spec(sync::HUB_KEY2, Group::Hub, Rule::Secret(1), "setup-key-hub-key2"),
    spec(sync::MENU_INTERVAL, Group::Hub, Rule::Seconds(5, 86_400), "setup-key-hub-menu-interval"),
    // The voucher partners.
    spec(MOMO_ENABLED, Group::Momo, Rule::Bool, "setup-key-momo-enabled"),
    spec(MOMO_POINT_CODE, Group::Momo, Rule::Ident, "setup-key-momo-point-code"),
    spec(GIFTPOP_ENABLED, Group::Giftpop, Rule::Bool, "setup-key-giftpop-enabled"),
    spec(GIFTPOP_POINT_CODE, Group::Giftpop, Rule::Ident, "setup-key-giftpop-point-code"),
    // The card terminal.
    choice(TERMINAL_KIND, Group::Terminal, &["zvt", "viva"], "setup-key-terminal-kind"),
    spec(ZVT_PORT, Group::Terminal, Rule::Path, "setup-key-zvt-port"),
    choice(ZVT_BAUD, Group::Terminal, &["9600", "19200", "38400", "57600", "115200"], "setup-key-zvt-baud"),
    spec(ZVT_PASSWORD, Group::Terminal, Rule::ZvtPassword, "setup-key-zvt-password"),
    spec(ZVT_CONFIG, Group::Terminal, Rule::ZvtConfigByte, "setup-key-zvt-config"),
    spec(VIVA_URL, Group::Terminal, Rule::Url, "setup-key-viva-url"),
    spec(VIVA_MERCHANT_ID, Group::Terminal, Rule::Uuid, "setup-key-viva-merchant-id"),
    spec(VIVA_API_KEY, Group::Terminal, Rule::Secret(1), "setup-key-viva-api-key"),
    spec(VIVA_SOURCE_CODE, Group::Terminal, Rule::Ident, "setup-key-viva-source-code"),
    spec(VIVA_WAIT, Group::Terminal, Rule::Seconds(1, 900), "setup-key-viva-wait"),
    spec(webhook::LISTEN, Group::Terminal, Rule::Listen, "setup-key-viva-webhook-listen"),
    spec(webhook::TOKEN, Group::Terminal, Rule::Secret(16), "setup-key-viva-webhook-token"),
    spec(webhook::KEY, Group::Terminal, Rule::Secret(1), "setup-key-viva-webhook-key"),
    // The bank's card batch: a file for another merchant or terminal is refused.
    spec(crate::dayend::keys::BANK_MERCHANT_ID, Group::Terminal, Rule::Ident, "setup-key-bank-merchant-id"),
    spec(crate::dayend::keys::BANK_TERMINAL_IDS, Group::Terminal, Rule::Text(300), "setup-key-bank-terminal-ids"),
];

/// The spec of `key`, if it is a setting a technician may set.
pub fn setting(key: &str) -> Option<&'static SettingSpec> {
    SETTINGS.iter().find(|s| s.key == key)
}

/// Whether `key` is stored encrypted.
pub fn is_secret(key: &str) -> bool {
    setting(key).is_some_and(|s| s.secret)
}

/// Every key, comma-separated (for the error naming what may be set).
pub fn key_list() -> String {
    SETTINGS.iter().map(|s| s.key).collect::<Vec<_>>().join(", ")
}

/// Checks `value` for `key`: an unknown key or a bad value is refused with a localized
/// error naming the key (a secret's value is never repeated in it).
pub fn validate(key: &str, value: &str) -> Result<()> {
    let Some(spec) = setting(key) else {
        return Err(AppError::new("err-config-key", vec![("key", key.into()), ("keys", key_list().into())]));
    };
    let shown = if spec.secret { MASK.to_string() } else { value.chars().take(80).collect() };
    let err = |code: &'static str| AppError::new(code, vec![("key", spec.key.into()), ("value", shown.as_str().into())]);
    let bad = || err("err-config-value");
    let v = value;
    let ok = match spec.rule {
        Rule::Text(max) => {
            if v.chars().count() > max {
                return Err(AppError::new("err-setting-too-long", vec![("key", spec.key.into()), ("max", (max as i64).into())]));
            }
            !v.trim().is_empty() && !v.chars().any(|c| c.is_control())
        }
        Rule::Url => (v.starts_with("http://") || v.starts_with("https://")) && v.len() > 8 && !v.chars().any(char::is_whitespace),
        Rule::Alnum => !v.is_empty() && v.len() <= 32 && v.chars().all(|c| c.is_ascii_alphanumeric()),
        Rule::Ident => ident(v),
        Rule::Currency => v.parse::<quay_core::Currency>().is_ok(),
        Rule::Locale => Lang::parse(v).is_some(),
        Rule::Seconds(lo, hi) => v.parse::<u64>().is_ok_and(|s| (lo..=hi).contains(&s)),
        Rule::Choice => spec.choices.contains(&v),
        Rule::Bool => {
            if !matches!(v, "true" | "false") {
                return Err(err("err-setting-bool"));
            }
            true
        }
        Rule::Phone => {
            let digits = v.chars().filter(char::is_ascii_digit).count();
            if !((6..=15).contains(&digits) && v.len() <= 24 && v.chars().all(|c| c.is_ascii_digit() || "+()-. ".contains(c))) {
                return Err(err("err-setting-phone"));
            }
            true
        }
        Rule::VatRates => {
            if vat_rates_bp(v).is_none() {
                return Err(err("err-setting-vat-rates"));
            }
            true
        }
        Rule::Uuid => uuid::Uuid::parse_str(v).is_ok(),
        Rule::ZvtPassword => {
            if !(v.len() == 6 && v.bytes().all(|b| b.is_ascii_digit())) {
                return Err(err("err-setting-zvt-password"));
            }
            true
        }
        Rule::ZvtConfigByte => {
            if zvt_config_byte(v).is_none() {
                return Err(err("err-setting-zvt-config"));
            }
            true
        }
        Rule::Listen => v.parse::<std::net::SocketAddr>().is_ok(),
        Rule::Secret(min) => {
            if v.chars().count() < min.max(1) {
                return Err(AppError::new("err-setting-secret-short", vec![("key", spec.key.into()), ("min", (min.max(1) as i64).into())]));
            }
            !v.chars().any(|c| c.is_control())
        }
        Rule::Path => !v.trim().is_empty() && v.len() <= 255 && !v.chars().any(|c| c.is_control()),
    };
    if ok {
        Ok(())
    } else {
        Err(bad())
    }
}

/// The ZVT config byte of its setting: exactly two hexadecimal digits (`BA`, `de`).
pub fn zvt_config_byte(v: &str) -> Option<u8> {
    (v.len() == 2 && v.bytes().all(|b| b.is_ascii_hexdigit())).then(|| u8::from_str_radix(v, 16).ok()).flatten()
}

fn ident(v: &str) -> bool {
    !v.is_empty() && v.len() <= 64 && v.bytes().all(|b| b.is_ascii_graphic())
}

/// The store's VAT rates in basis points (800 = 8 %), in the order written, or None if
/// the text is not percentages separated by commas (each 0–100, at most two decimals,
/// no repeats).
pub fn vat_rates_bp(text: &str) -> Option<Vec<u32>> {
    let mut out = Vec::new();
    for part in text.split(',') {
        let p = part.trim();
        let (int, frac) = p.split_once('.').unwrap_or((p, ""));
        if int.is_empty()
            || int.len() > 3
            || frac.len() > 2
            || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
            || p.ends_with('.')
        {
            return None;
        }
        let frac_bp: u32 = format!("{frac:0<2}").parse().ok()?;
        let bp = int.parse::<u32>().ok()? * 100 + frac_bp;
        if bp > 10_000 || out.contains(&bp) {
            return None;
        }
        out.push(bp);
    }
    Some(out)
}

// ---- the settings as a face shows them ------------------------------------------------

#[derive(Debug, Clone, Serialize)]
pub struct SettingsView {
    pub groups: Vec<GroupView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    pub id: &'static str,
    pub label: String,
    pub settings: Vec<SettingView>,
}

/// One setting. A secret carries only `set`: its value never leaves the store.
#[derive(Debug, Clone, Serialize)]
pub struct SettingView {
    pub key: &'static str,
    pub label: String,
    pub secret: bool,
    /// Whether it has a value.
    pub set: bool,
    /// The value (never for a secret).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub choices: &'static [&'static str],
}

impl SettingsView {
    pub fn setting(&self, key: &str) -> Option<&SettingView> {
        self.groups.iter().flat_map(|g| &g.settings).find(|s| s.key == key)
    }
}

impl Counter {
    /// Every setting of `SETTINGS`, grouped, labelled in `lang`; secrets only as set or not.
    pub fn settings_view(&self, lang: Lang) -> Result<SettingsView> {
        let i18n = self.i18n();
        let store = self.store();
        let mut groups = Vec::new();
        for g in Group::ALL {
            let mut settings = Vec::new();
            for s in SETTINGS.iter().filter(|s| s.group == g) {
                let (set, value) = if s.secret {
                    (store.has_secret(s.key)?, None)
                } else {
                    let v = store.setting(s.key)?;
                    (v.as_deref().is_some_and(|v| !v.is_empty()), v)
                };
                settings.push(SettingView {
                    key: s.key,
                    label: i18n.t(lang, s.label, &[]),
                    secret: s.secret,
                    set,
                    value,
                    choices: s.choices,
                });
            }
            groups.push(GroupView { id: g.as_str(), label: i18n.t(lang, g.label_id(), &[]), settings });
        }
        Ok(SettingsView { groups })
    }

    /// Saves a batch of changes made by `who` (a technician, or anyone in setup). Every
    /// change is validated before any is written: one bad value refuses the batch and
    /// saves nothing. An empty value for a secret keeps the secret; a value equal to the
    /// current one is not written again. Each change is audited (a secret as `********`).
    pub fn save_settings(&self, who: &Who, changes: &[(String, String)]) -> Result<SettingsView> {
        if let Who::Staff(m) = who {
            quay_core::auth::require(m.role, Action::ConfigureSettings)?;
        }
        let mut todo: Vec<(&'static SettingSpec, String)> = Vec::new();
        for (key, value) in changes {
            let Some(spec) = setting(key) else {
                return Err(AppError::new("err-config-key", vec![("key", key.as_str().into()), ("keys", key_list().into())]));
            };
            if spec.secret && value.is_empty() {
                continue;
            }
            let value = if spec.secret { value.clone() } else { value.trim().to_string() };
            validate(spec.key, &value)?;
            let value = match spec.rule {
                Rule::Locale => Lang::parse(&value).map(|l| l.tag().to_string()).unwrap_or(value),
                Rule::ZvtConfigByte => value.to_ascii_uppercase(),
                _ => value,
            };
            todo.retain(|(s, _)| s.key != spec.key);
            todo.push((spec, value));
        }
        for (spec, value) in todo {
            let current = if spec.secret { self.store().secret(spec.key)? } else { self.setting(spec.key)? };
            if current.as_deref() == Some(value.as_str()) {
                continue;
            }
            self.configure(who, spec.key, &value, spec.secret)?;
            if spec.key == keys::LOCALE {
                if let Some(l) = Lang::parse(&value) {
                    *self.lang.write().expect("lang lock") = l;
                }
            }
        }
        self.settings_view(self.lang())
    }
}

// ---- connection tests -----------------------------------------------------------------

/// What a connection test is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    Hub,
    Momo,
    Giftpop,
    Terminal,
}

impl Target {
    pub const ALL: [Target; 4] = [Target::Hub, Target::Momo, Target::Giftpop, Target::Terminal];

    pub fn as_str(self) -> &'static str {
        match self {
            Target::Hub => "hub",
            Target::Momo => "momo",
            Target::Giftpop => "giftpop",
            Target::Terminal => "terminal",
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

/// A report in one language, as the faces show it and the PDF prints it.
#[derive(Debug, Clone, Serialize)]
pub struct ReportView {
    pub target: Target,
    pub title: String,
    pub ok: bool,
    /// "Connection successful" / "Connection failed".
    pub outcome: String,
    pub at: String,
    /// Labelled identity lines, only those with a value.
    pub identity: Vec<(String, String)>,
    pub steps: Vec<StepView>,
    pub round_trip: Option<String>,
    pub footer: String,
    pub dir: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    pub id: &'static str,
    pub name: String,
    pub ok: bool,
    /// "OK" / "Failed".
    pub status: String,
    pub result: String,
    pub took_ms: u64,
    /// The time it took, worded in the language ("12 ms", "12 mili giây").
    pub took: String,
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
    /// failure. Never fails itself: what went wrong is a failed step of the report.
    pub async fn test_connection(&self, target: Target) -> ConnectionReport {
        let at = self.now();
        let mut identity = self.identity();
        let mut steps = Steps { i18n: self.i18n(), steps: Vec::new() };
        let round_trip = match target {
            Target::Hub => self.test_hub(&mut steps, &mut identity).await,
            Target::Momo => self.test_partner(Partner::Momo, &mut steps, &mut identity).await,
            Target::Giftpop => self.test_partner(Partner::Giftpop, &mut steps, &mut identity).await,
            Target::Terminal => self.test_terminal(&mut steps, &mut identity).await,
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
        let (enabled_key, code_key) = match partner {
            Partner::Momo => (MOMO_ENABLED, MOMO_POINT_CODE),
            Partner::Giftpop => (GIFTPOP_ENABLED, GIFTPOP_POINT_CODE),
        };
        let name: Arg = partner_name(partner).into();
        let with = |mut args: Vec<(&'static str, Arg)>| {
            args.push(("partner", name.clone()));
            args
        };
        // 1. Enabled on this counter, with the partner's code for the point.
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

        // 2. The hub answers and lists the partner as connected for this point.
        let hub = self.hub_config_step(steps)?;
        let t = Instant::now();
        let ping = match hub.ping().await {
            Ok(p) => p,
            Err(e) => {
                steps.fail("setup-step-partner-listed", &hub_failure(&e), with(vec![]), t);
                return None;
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
        if !steps.push("setup-step-partner-listed", ok, result, with(vec![("status", status.unwrap_or_default().into())]), t) {
            return None;
        }

        // 3. A real round trip to the partner through the hub: a check of a code no
        // voucher has. Any answer of the partner proves it; 503 means it is not answering.
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

    /// Records a test in the audit log (who ran it, on what, with what result): the
    /// month-end list of points connected comes from here.
    pub fn audit_connection_test(&self, who: &Who, report: &ConnectionReport) -> Result<()> {
        let after = if report.ok { "ok".to_string() } else { format!("failed: {}", report.failed_step().map(|s| s.id).unwrap_or("-")) };
        self.audit(who, "connection.test", report.target.as_str(), None, Some(after))
    }

    /// A report in `lang`, as plain text (the command line, JSON).
    pub fn connection_report_view(&self, report: &ConnectionReport, lang: Lang) -> ReportView {
        report_view(self.i18n(), report, lang)
    }

    /// A report in `lang` for the window: each value isolated (see [`report_view_isolated`]).
    pub fn connection_report_screen_view(&self, report: &ConnectionReport, lang: Lang) -> ReportView {
        report_view_isolated(self.i18n(), report, lang)
    }

    /// The printable report (A4 PDF) in `lang`: Arabic runs right to left.
    pub fn connection_report_pdf(&self, report: &ConnectionReport, lang: Lang) -> Result<Vec<u8>> {
        // The values (codes, URLs, phone numbers, dates, Latin names) are isolated so each
        // keeps its own direction; quay-pdf uses the marks and draws nothing.
        let v = report_view_isolated(self.i18n(), report, lang);
        let i18n = self.i18n();
        let t = |id: &str| i18n.t(lang, id, &[]);
        let mut blocks = vec![Block::Heading(v.title.clone()), Block::Text(v.outcome.clone()), Block::Rule];
        blocks.push(Block::KeyValue(v.identity.clone()));
        blocks.push(Block::Spacer);
        let rows = v
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| vec![format!("{}. {}", i + 1, s.name), s.status.clone(), s.result.clone(), s.took_ms.to_string()])
            .collect();
        blocks.push(Block::Table {
            columns: vec![
                Column { header: t("setup-report-col-step"), align: Align::Start, width_fraction: 0.34 },
                Column { header: t("setup-report-col-status"), align: Align::Start, width_fraction: 0.12 },
                Column { header: t("setup-report-col-result"), align: Align::Start, width_fraction: 0.42 },
                Column { header: t("setup-report-col-ms"), align: Align::End, width_fraction: 0.12 },
            ],
            rows,
        });
        blocks.push(Block::Spacer);
        if let Some(rt) = &v.round_trip {
            blocks.push(Block::Text(rt.clone()));
        }
        blocks.push(Block::Rule);
        blocks.push(Block::Text(v.footer.clone()));
        let doc = Document {
            title: v.title.replace(['\u{2068}', '\u{2069}'], ""),
            locale_dir: if lang.is_rtl() { Direction::Rtl } else { Direction::Ltr },
            page: PageSize::A4,
            blocks,
        };
        quay_pdf::render(&doc).map_err(|e| AppError::new("err-pdf", vec![("detail", e.to_string().into())]))
    }
}

/// The report in `lang` (names, results and labels localized; times in the locale's one
/// date-time style), as plain text: for terminals and JSON.
pub fn report_view(i18n: &Localizer, r: &ConnectionReport, lang: Lang) -> ReportView {
    view(i18n, r, lang, false)
}

/// The report with each value isolated (U+2068 … U+2069: each inserted argument, each
/// identity value), for what a bidi algorithm draws — the window and the PDF. In an
/// Arabic report a date, a URL, a code or a number then keeps its own direction and its
/// place in the right-to-left sentence ("… خلال 12 مللي ثانية، 02/12/2026 04:37").
pub fn report_view_isolated(i18n: &Localizer, r: &ConnectionReport, lang: Lang) -> ReportView {
    view(i18n, r, lang, true)
}

/// First-strong isolation of a value (U+2068 … U+2069).
fn isolated(s: &str) -> String {
    format!("\u{2068}{s}\u{2069}")
}

fn view(i18n: &Localizer, r: &ConnectionReport, lang: Lang, isolate: bool) -> ReportView {
    let iso = |s: &str| if isolate { isolated(s) } else { s.to_string() };
    let t = |id: &str, args: &[(&str, Arg)]| if isolate { i18n.t_isolated(lang, id, args) } else { i18n.t(lang, id, args) };
    let f = i18n.formatter(lang);
    let target = i18n.t(lang, r.target.label_id(), &[]);
    let at = f.date_time(r.at);
    let mut identity = Vec::new();
    let mut line = |label: &str, v: &Option<String>| {
        if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
            identity.push((t(label, &[]), iso(v)));
        }
    };
    let id = &r.identity;
    line("setup-report-store", &id.store_name);
    line("setup-report-address", &id.address);
    line("setup-report-contact", &id.contact_name);
    line("setup-report-phone", &id.contact_phone);
    line("setup-report-pos-parent", &id.pos_parent);
    line("setup-report-pos-id", &id.pos_id);
    line("setup-report-counter", &Some(id.counter_id.clone()));
    line("setup-report-point-name", &id.point_name);
    let what = if r.target.partner().is_some() { "setup-report-partner" } else { "setup-report-target" };
    line(what, &Some(target.clone()));
    line("setup-report-point-code", &id.point_code);
    line("setup-report-terminal", &id.terminal);
    line("setup-report-time", &Some(at.clone()));
    let outcome = t(if r.ok { "setup-report-ok" } else { "setup-report-failed" }, &[]);
    line("setup-report-result", &Some(outcome.clone()));
    let steps = r
        .steps
        .iter()
        .map(|s| {
            let args = &s.args;
            StepView {
                id: s.id,
                name: t(s.id, args),
                ok: s.ok,
                status: t(if s.ok { "setup-step-passed" } else { "setup-step-failed" }, &[]),
                result: t(s.result, args),
                took_ms: s.took_ms,
                took: i18n.t(lang, "connect-step-ms", &[("ms", (s.took_ms as i64).into())]),
            }
        })
        .collect();
    let round_trip = r.round_trip.as_ref().map(|rt| {
        t(
            "setup-report-round-trip",
            &[
                ("request", rt.request.as_str().into()),
                ("answer", rt.answer.as_str().into()),
                ("ms", (rt.took_ms as i64).into()),
                ("time", at.as_str().into()),
            ],
        )
    });
    let footer = t("setup-report-footer", &[("version", r.version.into()), ("counter", id.counter_id.as_str().into())]);
    ReportView {
        target: r.target,
        title: t("setup-report-title", &[("target", target.as_str().into())]),
        ok: r.ok,
        outcome,
        at,
        identity,
        steps,
        round_trip,
        footer,
        dir: lang.dir(),
    }
}

/// The report as lines for a terminal: one per step, ✓ or ✗, then the round trip.
pub fn report_text(v: &ReportView) -> String {
    let mut out = format!("{}\n", v.title);
    for (label, value) in &v.identity {
        out.push_str(&format!("  {label}: {value}\n"));
    }
    out.push('\n');
    for s in &v.steps {
        out.push_str(&format!("{} {} — {} ({})\n", if s.ok { "✓" } else { "✗" }, s.name, s.result, s.took));
    }
    if let Some(rt) = &v.round_trip {
        out.push_str(&format!("\n{rt}\n"));
    }
    out.push_str(&format!("{}\n", v.outcome));
    out
}

#[cfg(test)]
mod tests {
    use quay_pdf::{prepare, shape_line, ShapedLine, TextStyle};

    use super::*;

    fn report() -> ConnectionReport {
        let ping = Step {
            id: "setup-step-hub-ping",
            ok: true,
            result: "setup-ok-hub-ping",
            args: vec![("ms", Arg::Int(345))],
            detail: String::new(),
            took_ms: 345,
        };
        ConnectionReport {
            target: Target::Hub,
            at: DateTime::parse_from_rfc3339("2026-12-02T04:37:19+07:00").unwrap(),
            identity: PointIdentity {
                store_name: Some("Quán Lan".into()),
                contact_phone: Some("+84 28 3822 1234".into()),
                pos_parent: Some("SANDBOX".into()),
                counter_id: "C1".into(),
                ..PointIdentity::default()
            },
            steps: vec![ping],
            ok: true,
            round_trip: Some(RoundTrip { request: "GET /ping".into(), answer: "200".into(), took_ms: 345 }),
            version: "0.1.0",
        }
    }

    /// Each glyph's source text with its x position, left to right as drawn.
    fn drawn(line: &ShapedLine) -> Vec<(String, f32)> {
        line.glyphs.iter().map(|g| (g.text.clone(), g.x)).collect()
    }

    /// The x of the glyph where `needle` starts, reading the glyphs' texts left to right
    /// (a left-to-right run reads in its own order there).
    fn x_of(glyphs: &[(String, f32)], needle: &str) -> f32 {
        let mut text = String::new();
        let mut starts = Vec::new();
        for (t, x) in glyphs {
            starts.push((text.len(), *x));
            text.push_str(t);
        }
        let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not drawn in order in {text:?}"));
        starts.iter().rev().find(|(s, _)| *s <= at).map(|(_, x)| *x).unwrap()
    }

    /// The Arabic round-trip line as the PDF draws it: the date and time whole and left
    /// to right at the line's left end (it ends the sentence), the milliseconds after
    /// "خلال" with their unit in Arabic, the request whole — not "2026/12/ms، 2 0".
    #[test]
    fn the_arabic_round_trip_line_keeps_each_value_whole_and_in_place() {
        let i18n = Localizer::new().unwrap();
        let v = report_view_isolated(&i18n, &report(), Lang::Ar);
        let rt = v.round_trip.clone().unwrap();
        assert!(rt.contains("\u{2068}02/12/2026 04:37\u{2069}") && rt.contains("\u{2068}345\u{2069}"), "{rt:?}");
        let line = shape_line(&prepare(&rt), Direction::Rtl, TextStyle { size: 10.0, bold: false });
        // No isolate is drawn, no character falls back to a box.
        for g in &line.glyphs {
            assert_ne!(g.gid, 0, ".notdef for {:?} in {rt:?}", g.text);
            assert!(!g.text.contains(['\u{2068}', '\u{2069}']), "{:?}", g.text);
        }
        let glyphs = drawn(&line);
        let date = x_of(&glyphs, "02/12/2026 04:37");
        let request = x_of(&glyphs, "GET /ping");
        let ms = x_of(&glyphs, "345");
        // "خلال 345 مللي ثانية": read right to left, so the unit is left of the number
        // and "خلال" right of it.
        let unit = x_of(&glyphs, "ث");
        let within = x_of(&glyphs, "خ");
        assert!(
            date < unit && unit < ms && ms < within && within < request,
            "date {date}, unit {unit}, ms {ms}, within {within}, request {request}"
        );
        assert!(glyphs.iter().all(|(_, x)| *x >= date), "the date starts the line on the left");
    }

    /// The window gets the same isolated values (the webview draws them by the same
    /// rules); the command line and JSON get plain text.
    #[test]
    fn the_screen_view_isolates_values_and_the_text_view_does_not() {
        let i18n = Localizer::new().unwrap();
        let screen = report_view_isolated(&i18n, &report(), Lang::Ar);
        assert!(screen.identity.iter().any(|(_, v)| v == "\u{2068}+84 28 3822 1234\u{2069}"), "{:?}", screen.identity);
        assert!(screen.steps[0].result.contains("\u{2068}345\u{2069}"), "{}", screen.steps[0].result);
        assert_eq!(screen.at, "02/12/2026 04:37");
        let plain = report_view(&i18n, &report(), Lang::Ar);
        let json = serde_json::to_string(&plain).unwrap();
        assert!(!json.contains('\u{2068}') && !json.contains("\\u2068"), "{json}");
        assert!(plain.round_trip.unwrap().contains("02/12/2026 04:37"));
    }

    /// "ms" is said in each language, in the steps and the round trip.
    #[test]
    fn milliseconds_are_translated() {
        let i18n = Localizer::new().unwrap();
        for (lang, unit) in [(Lang::En, "ms"), (Lang::Vi, "mili giây"), (Lang::Ar, "مللي ثانية"), (Lang::El, "χλστ."), (Lang::ZhCn, "毫秒")]
        {
            let v = report_view(&i18n, &report(), lang);
            assert!(v.round_trip.as_ref().unwrap().contains(unit), "{lang}: {:?}", v.round_trip);
            assert!(v.steps[0].result.contains(unit), "{lang}: {}", v.steps[0].result);
            assert_eq!(v.steps[0].took, format!("345 {unit}"), "{lang}");
            if lang != Lang::En {
                assert!(!v.round_trip.unwrap().contains(" ms"), "{lang}");
            }
        }
    }
}
