//! Every settings key of the counter, in one place. The table of what each one accepts
//! (its group, validation rule, whether it is a secret) is `setup::settings::SETTINGS`;
//! the modules that read a key re-export it beside their use for the older paths
//! (`sync::HUB_URL`, `webhook::LISTEN`, `setup::ZVT_PORT`…).

// The counter.
pub const COUNTER_ID: &str = "counter.id";
pub const CURRENCY: &str = "counter.currency";
pub const LOCALE: &str = "counter.locale";
/// The name sales record when nobody is signed in (a counter in setup).
pub const CASHIER: &str = "counter.cashier";

// The store, as the receipt and the partners' records name it.
pub const STORE_NAME: &str = "store.name";
pub const STORE_ADDRESS: &str = "store.address";
pub const STORE_CONTACT_NAME: &str = "store.contact_name";
pub const STORE_CONTACT_PHONE: &str = "store.contact_phone";
/// VAT rates of the store: percentages separated by commas, at most two decimals
/// ("8,10", "5.5,24"); `setup::vat_rates_bp` reads them as basis points like the menu's
/// `tax_rate_bp`.
pub const STORE_VAT_RATES: &str = "store.vat_rates";

// The hub connection; the keys are secrets (encrypted, never shown).
pub const HUB_URL: &str = "hub.url";
pub const HUB_POS_PARENT: &str = "hub.pos_parent";
pub const HUB_POS_ID: &str = "hub.pos_id";
pub const HUB_KEY1: &str = "hub.key1";
pub const HUB_KEY2: &str = "hub.key2";
/// Seconds between scheduled menu checks.
pub const MENU_INTERVAL: &str = "hub.menu_interval_s";
/// Where the current menu came from: "file", or the hub's identity (url + point).
pub const MENU_SOURCE: &str = "menu.source";

// Voucher partners through the hub.
pub const MOMO_ENABLED: &str = "partner.momo.enabled";
pub const MOMO_POINT_CODE: &str = "partner.momo.point_code";
pub const GIFTPOP_ENABLED: &str = "partner.giftpop.enabled";
pub const GIFTPOP_POINT_CODE: &str = "partner.giftpop.point_code";

// The card terminal.
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
/// Where Viva's webhook listens, e.g. `0.0.0.0:8787`; empty or unset: no listener.
pub const VIVA_WEBHOOK_LISTEN: &str = "viva.webhook.listen";
/// Our secret, expected as `?token=` on every webhook request (a secret setting).
pub const VIVA_WEBHOOK_TOKEN: &str = "viva.webhook.token";
/// Viva's verification key (`GET /api/messages/config/token`), echoed to its GET check.
pub const VIVA_WEBHOOK_KEY: &str = "viva.webhook.key";

// Day end: what the bank file must belong to. Empty: not checked.
/// The acquirer's merchant id of this shop (bank lines of another merchant refuse the file).
pub const BANK_MERCHANT_ID: &str = "bank.merchant_id";
/// Comma-separated terminal ids of this counter (lines of another terminal refuse the file).
pub const BANK_TERMINAL_IDS: &str = "bank.terminal_ids";
