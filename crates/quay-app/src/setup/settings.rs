//! The settings a technician may change: one table (`SETTINGS`) with each key's group
//! and rule, the check of a value (`validate`), and the settings as a face shows them
//! (secrets only as "set or not"), read and saved in a batch.

use quay_core::auth::Action;
use quay_i18n::Lang;
use serde::Serialize;

use crate::{keys, sync, webhook, AppError, Counter, Result, Who};

pub use crate::keys::{
    GIFTPOP_ENABLED, GIFTPOP_POINT_CODE, MOMO_ENABLED, MOMO_POINT_CODE, STORE_ADDRESS, STORE_CONTACT_NAME, STORE_CONTACT_PHONE,
    STORE_VAT_RATES, TERMINAL_KIND, VIVA_API_KEY, VIVA_MERCHANT_ID, VIVA_SOURCE_CODE, VIVA_URL, VIVA_WAIT, ZVT_BAUD, ZVT_CONFIG,
    ZVT_PASSWORD, ZVT_PORT,
};

/// How a secret is shown, everywhere.
pub const MASK: &str = "********";

/// Where a setting is shown, and which connection test covers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Store,
    Hub,
    Momo,
    Giftpop,
    Terminal,
    Wallets,
    Nhanh,
    Printers,
}

impl Group {
    pub const ALL: [Group; 8] =
        [Group::Store, Group::Hub, Group::Momo, Group::Giftpop, Group::Terminal, Group::Wallets, Group::Nhanh, Group::Printers];

    pub fn as_str(self) -> &'static str {
        match self {
            Group::Store => "store",
            Group::Hub => "hub",
            Group::Momo => "momo",
            Group::Giftpop => "giftpop",
            Group::Terminal => "terminal",
            Group::Wallets => "wallets",
            Group::Nhanh => "nhanh",
            Group::Printers => "printers",
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
            Group::Wallets => "setup-group-wallets",
            Group::Nhanh => "setup-group-nhanh",
            Group::Printers => "setup-group-printers",
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
    /// A printer's address (`tcp://host:9100`, `serial:/dev/ttyUSB0?baud=…`,
    /// `usb:/dev/usb/lp0`, `file:/path`), or empty: no printer.
    Printer,
    /// Menu category ids, comma-separated (a kitchen station's).
    Categories,
    /// An RSA key as PEM (lines between `-----BEGIN …-----` and `-----END …-----`) or one
    /// line of base64, as partners' consoles show it; `true`: a private key (a secret).
    RsaKey(bool),
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
    let secret = matches!(rule, Rule::Secret(_) | Rule::ZvtPassword | Rule::RsaKey(true));
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
    // A bank's virtual POS (issue 17; the definitions themselves are `quay vpos`): where the
    // bank sends the customer back after a payment link, its callback listener, the wait.
    spec(keys::VPOS_RETURN_URL, Group::Terminal, Rule::Url, "setup-key-vpos-return-url"),
    spec(keys::VPOS_CALLBACK_LISTEN, Group::Terminal, Rule::Listen, "setup-key-vpos-callback-listen"),
    spec(keys::VPOS_TIMEOUT_S, Group::Terminal, Rule::Seconds(5, 120), "setup-key-vpos-timeout"),
    spec(webhook::LISTEN, Group::Terminal, Rule::Listen, "setup-key-viva-webhook-listen"),
    spec(webhook::TOKEN, Group::Terminal, Rule::Secret(16), "setup-key-viva-webhook-token"),
    spec(webhook::KEY, Group::Terminal, Rule::Secret(1), "setup-key-viva-webhook-key"),
    // The bank's card batch: a file for another merchant or terminal is refused.
    spec(crate::dayend::keys::BANK_MERCHANT_ID, Group::Terminal, Rule::Ident, "setup-key-bank-merchant-id"),
    spec(crate::dayend::keys::BANK_TERMINAL_IDS, Group::Terminal, Rule::Text(300), "setup-key-bank-terminal-ids"),
    // Wallets: MoMo POS (the cashier scans the customer's code), ZaloPay and VNPAY-QR
    // (the customer scans ours).
    spec(keys::WALLET_QR_DEADLINE, Group::Wallets, Rule::Seconds(30, 900), "setup-key-wallet-qr-deadline"),
    spec(keys::WALLET_POLL, Group::Wallets, Rule::Seconds(1, 10), "setup-key-wallet-poll"),
    spec(keys::MOMO_PAY_ENABLED, Group::Wallets, Rule::Bool, "setup-key-wallet-momo-enabled"),
    spec(keys::MOMO_PAY_URL, Group::Wallets, Rule::Url, "setup-key-wallet-momo-url"),
    spec(keys::MOMO_PAY_PARTNER_CODE, Group::Wallets, Rule::Ident, "setup-key-wallet-momo-partner-code"),
    spec(keys::MOMO_PAY_ACCESS_KEY, Group::Wallets, Rule::Secret(1), "setup-key-wallet-momo-access-key"),
    spec(keys::MOMO_PAY_SECRET_KEY, Group::Wallets, Rule::Secret(1), "setup-key-wallet-momo-secret-key"),
    spec(keys::MOMO_PAY_PUBLIC_KEY, Group::Wallets, Rule::Text(4000), "setup-key-wallet-momo-public-key"),
    spec(keys::MOMO_PAY_STORE_ID, Group::Wallets, Rule::Ident, "setup-key-wallet-momo-store-id"),
    spec(keys::MOMO_PAY_LISTEN, Group::Wallets, Rule::Listen, "setup-key-wallet-momo-listen"),
    spec(keys::MOMO_PAY_CALLBACK_URL, Group::Wallets, Rule::Url, "setup-key-wallet-momo-callback-url"),
    spec(keys::ZALOPAY_ENABLED, Group::Wallets, Rule::Bool, "setup-key-wallet-zalopay-enabled"),
    spec(keys::ZALOPAY_URL, Group::Wallets, Rule::Url, "setup-key-wallet-zalopay-url"),
    spec(keys::ZALOPAY_APP_ID, Group::Wallets, Rule::Ident, "setup-key-wallet-zalopay-app-id"),
    spec(keys::ZALOPAY_KEY1, Group::Wallets, Rule::Secret(1), "setup-key-wallet-zalopay-key1"),
    spec(keys::ZALOPAY_KEY2, Group::Wallets, Rule::Secret(1), "setup-key-wallet-zalopay-key2"),
    spec(keys::ZALOPAY_LISTEN, Group::Wallets, Rule::Listen, "setup-key-wallet-zalopay-listen"),
    spec(keys::ZALOPAY_CALLBACK_URL, Group::Wallets, Rule::Url, "setup-key-wallet-zalopay-callback-url"),
    spec(keys::VNPAY_ENABLED, Group::Wallets, Rule::Bool, "setup-key-wallet-vnpay-enabled"),
    spec(keys::VNPAY_URL, Group::Wallets, Rule::Url, "setup-key-wallet-vnpay-url"),
    spec(keys::VNPAY_MERCHANT_CODE, Group::Wallets, Rule::Ident, "setup-key-wallet-vnpay-merchant-code"),
    spec(keys::VNPAY_TERMINAL_ID, Group::Wallets, Rule::Ident, "setup-key-wallet-vnpay-terminal-id"),
    spec(keys::VNPAY_SECRET, Group::Wallets, Rule::Secret(1), "setup-key-wallet-vnpay-secret"),
    spec(keys::VNPAY_MERCHANT_TYPE, Group::Wallets, Rule::Ident, "setup-key-wallet-vnpay-merchant-type"),
    spec(keys::VNPAY_LISTEN, Group::Wallets, Rule::Listen, "setup-key-wallet-vnpay-listen"),
    // Alipay face-to-face (a CNY counter): RSA2 keys, the merchant's own store code.
    spec(keys::ALIPAY_ENABLED, Group::Wallets, Rule::Bool, "setup-key-wallet-alipay-enabled"),
    spec(keys::ALIPAY_URL, Group::Wallets, Rule::Url, "setup-key-wallet-alipay-url"),
    spec(keys::ALIPAY_APP_ID, Group::Wallets, Rule::Ident, "setup-key-wallet-alipay-app-id"),
    spec(keys::ALIPAY_APP_PRIVATE_KEY, Group::Wallets, Rule::RsaKey(true), "setup-key-wallet-alipay-app-private-key"),
    spec(keys::ALIPAY_PUBLIC_KEY, Group::Wallets, Rule::RsaKey(false), "setup-key-wallet-alipay-public-key"),
    spec(keys::ALIPAY_STORE_CODE, Group::Wallets, Rule::Ident, "setup-key-wallet-alipay-store-code"),
    spec(keys::ALIPAY_SHOP_CATEGORY, Group::Wallets, Rule::Ident, "setup-key-wallet-alipay-shop-category"),
    spec(keys::ALIPAY_ITEM_CATEGORY, Group::Wallets, Rule::Ident, "setup-key-wallet-alipay-item-category"),
    spec(keys::ALIPAY_PROVINCE, Group::Wallets, Rule::Ident, "setup-key-wallet-alipay-province"),
    spec(keys::ALIPAY_CITY, Group::Wallets, Rule::Ident, "setup-key-wallet-alipay-city"),
    spec(keys::ALIPAY_DISTRICT, Group::Wallets, Rule::Ident, "setup-key-wallet-alipay-district"),
    spec(keys::ALIPAY_CONFIRM, Group::Wallets, Rule::Seconds(10, 120), "setup-key-wallet-alipay-confirm"),
    spec(keys::ALIPAY_LISTEN, Group::Wallets, Rule::Listen, "setup-key-wallet-alipay-listen"),
    spec(keys::ALIPAY_CALLBACK_URL, Group::Wallets, Rule::Url, "setup-key-wallet-alipay-callback-url"),
    // Nhanh.vn (seed 002): where the menu comes from, the app's credentials, the business.
    choice(keys::MENU_SOURCE, Group::Nhanh, &["hub", "nhanh"], "setup-key-menu-source"),
    spec(keys::NHANH_URL, Group::Nhanh, Rule::Url, "setup-key-nhanh-url"),
    spec(keys::NHANH_APP_ID, Group::Nhanh, Rule::Ident, "setup-key-nhanh-app-id"),
    spec(keys::NHANH_SECRET_KEY, Group::Nhanh, Rule::Secret(8), "setup-key-nhanh-secret-key"),
    spec(keys::NHANH_REDIRECT_URL, Group::Nhanh, Rule::Url, "setup-key-nhanh-redirect-url"),
    spec(keys::NHANH_BUSINESS_ID, Group::Nhanh, Rule::Ident, "setup-key-nhanh-business-id"),
    spec(keys::NHANH_ACCESS_TOKEN, Group::Nhanh, Rule::Secret(16), "setup-key-nhanh-access-token"),
    spec(keys::NHANH_DEPOT_ID, Group::Nhanh, Rule::Ident, "setup-key-nhanh-depot-id"),
    spec(keys::NHANH_WEBHOOK_TOKEN, Group::Nhanh, Rule::Secret(16), "setup-key-nhanh-webhook-token"),
    spec(keys::NHANH_WEBHOOK_LISTEN, Group::Nhanh, Rule::Listen, "setup-key-nhanh-webhook-listen"),
    spec(keys::NHANH_WEBHOOK_URL, Group::Nhanh, Rule::Url, "setup-key-nhanh-webhook-url"),
    // Printers: the receipt's here; each kitchen station's by pattern (`KITCHEN`).
    spec(keys::PRINTER_RECEIPT, Group::Printers, Rule::Printer, "setup-key-printer-receipt"),
    choice(keys::PRINTER_RECEIPT_WIDTH, Group::Printers, &["80", "58"], "setup-key-printer-width"),
    choice(keys::PRINTER_RECEIPT_MODE, Group::Printers, &["raster", "text"], "setup-key-printer-mode"),
    spec(keys::PRINTER_RECEIPT_QR_URL, Group::Printers, Rule::Text(300), "setup-key-printer-qr-url"),
];

/// A kitchen station's settings, `printer.kitchen.<station>[.width|.mode|.categories]`
/// (a station: 1–20 of `a-z 0-9 _ -`); their `key` names the pattern.
const KITCHEN: [SettingSpec; 4] = [
    spec("printer.kitchen.<station>", Group::Printers, Rule::Printer, "setup-key-printer-kitchen"),
    choice("printer.kitchen.<station>.width", Group::Printers, &["80", "58"], "setup-key-printer-width"),
    choice("printer.kitchen.<station>.mode", Group::Printers, &["raster", "text"], "setup-key-printer-mode"),
    spec("printer.kitchen.<station>.categories", Group::Printers, Rule::Categories, "setup-key-printer-categories"),
];

/// Whether `s` may name a kitchen station.
pub fn station_name(s: &str) -> bool {
    (1..=20).contains(&s.len()) && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// The spec of `key`, if it is a setting a technician may set.
pub fn setting(key: &str) -> Option<&'static SettingSpec> {
    if let Some(rest) = key.strip_prefix(keys::PRINTER_KITCHEN_PREFIX) {
        let (station, suffix) = rest.split_once('.').unwrap_or((rest, ""));
        let i = ["", "width", "mode", "categories"].iter().position(|x| *x == suffix)?;
        return station_name(station).then(|| &KITCHEN[i]);
    }
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
    let err = |code: &'static str| AppError::new(code, vec![("key", key.into()), ("value", shown.as_str().into())]);
    if follows_rule(spec, value, &err)? {
        Ok(())
    } else {
        Err(err("err-config-value"))
    }
}

/// Whether `v` follows the rule of `spec`: false for a bad value, an error (made by
/// `err` from its code, or naming a limit) for a rule that says what is wrong.
fn follows_rule(spec: &SettingSpec, v: &str, err: &dyn Fn(&'static str) -> AppError) -> Result<bool> {
    Ok(match spec.rule {
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
        Rule::Printer => {
            if !v.is_empty() {
                quay_print::Address::parse(v).map_err(|_| err("err-setting-printer"))?;
            }
            true
        }
        Rule::Categories => {
            v.is_empty() || v.split(',').map(str::trim).all(|c| !c.is_empty() && c.len() <= 64 && !c.chars().any(char::is_whitespace))
        }
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
        Rule::RsaKey(private) => {
            if !rsa_key_shape(v, private) {
                return Err(err("err-setting-rsa-key"));
            }
            true
        }
    })
}

/// Whether `v` looks like an RSA key: a PEM block of the right kind, or one line of
/// base64 (at least 128 characters). Whether it is a *usable* key is the connection
/// test's question (the partner's client parses it).
pub fn rsa_key_shape(v: &str, private: bool) -> bool {
    let v = v.trim();
    let b64 = |s: &str| s.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b));
    if v.len() > 8000 || v.chars().any(|c| c.is_control() && c != '\n' && c != '\r') {
        return false;
    }
    if let Some(rest) = v.strip_prefix("-----BEGIN ") {
        let label_ok = |l: &str| if private { l.ends_with("PRIVATE KEY") } else { l.ends_with("PUBLIC KEY") };
        let Some((label, body)) = rest.split_once("-----") else { return false };
        let end = format!("-----END {label}-----");
        let Some(body) = body.strip_suffix(end.as_str()) else { return false };
        return label_ok(label) && body.lines().all(|l| b64(l.trim())) && body.trim().len() >= 128;
    }
    v.len() >= 128 && b64(v)
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
    pub fn settings_view(&self, who: &Who, lang: Lang) -> Result<SettingsView> {
        self.allow(who, Action::ConfigureSettings)?;
        self.settings_of(lang)
    }

    fn settings_of(&self, lang: Lang) -> Result<SettingsView> {
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
        self.allow(who, Action::ConfigureSettings)?;
        // By the key typed: a kitchen station's key is a pattern's instance.
        let mut todo: Vec<(&'static SettingSpec, String, String)> = Vec::new();
        for (key, value) in changes {
            let key = key.trim();
            let Some(spec) = setting(key) else {
                return Err(AppError::new("err-config-key", vec![("key", key.into()), ("keys", key_list().into())]));
            };
            if spec.secret && value.is_empty() {
                continue;
            }
            let value = if spec.secret { value.clone() } else { value.trim().to_string() };
            validate(key, &value)?;
            self.nhanh_settings_frozen(spec.key)?;
            self.nhanh_setting_allowed(spec.key, &value)?;
            let value = match spec.rule {
                Rule::Locale => Lang::parse(&value).map(|l| l.tag().to_string()).unwrap_or(value),
                Rule::ZvtConfigByte => value.to_ascii_uppercase(),
                _ => value,
            };
            todo.retain(|(_, k, _)| k != key);
            todo.push((spec, key.to_string(), value));
        }
        for (spec, key, value) in todo {
            let current = if spec.secret { self.store().secret(&key)? } else { self.setting(&key)? };
            if current.as_deref() == Some(value.as_str()) {
                continue;
            }
            self.configure(who, &key, &value, spec.secret)?;
            if spec.key == keys::LOCALE {
                if let Some(l) = Lang::parse(&value) {
                    *self.lang.write().expect("lang lock") = l;
                }
            }
        }
        self.settings_of(self.lang())
    }

    /// One setting changed from the command line: `value` (told whether the key is a
    /// secret) is asked for only once `who` may configure, so nobody types a secret for
    /// nothing. An empty secret is refused (`save_settings` would keep the old one).
    pub fn configure_one(&self, who: &Who, key: &str, value: impl FnOnce(bool) -> Result<String>) -> Result<()> {
        self.allow(who, Action::ConfigureSettings)?;
        let secret = is_secret(key);
        let value = value(secret)?;
        if secret && value.is_empty() {
            return Err(AppError::new("err-config-value", vec![("key", key.into()), ("value", "".into())]));
        }
        self.save_settings(who, &[(key.to_string(), value)]).map(|_| ())
    }

    /// One setting as `quay config get` prints it: a secret only as `********` when set,
    /// never its value.
    pub fn setting_value(&self, who: &Who, key: &str) -> Result<String> {
        self.allow(who, Action::ConfigureSettings)?;
        let Some(spec) = setting(key) else {
            return Err(AppError::new("err-config-key", vec![("key", key.into()), ("keys", key_list().into())]));
        };
        Ok(if spec.secret {
            if self.has_secret(key)? {
                MASK.into()
            } else {
                String::new()
            }
        } else {
            self.setting(key)?.unwrap_or_default()
        })
    }
}
