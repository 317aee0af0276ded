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
/// Where the menu comes from, a technician's choice: `hub` (the default) or `nhanh`
/// (Nhanh.vn's products; the hub still takes the sales).
pub const MENU_SOURCE: &str = "menu.source";
/// Who last supplied the current menu: "file", or the hub's identity (url + point). The
/// meaning `menu.source` had until the menu became rows (its migration renamed it).
pub const MENU_ORIGIN: &str = "menu.origin";

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

// Wallets (MoMo POS, ZaloPay, VNPAY-QR): each appears on the payment screen only when
// enabled and configured. Keys and secrets are encrypted; public keys and ids are not.
pub const WALLET_QR_DEADLINE: &str = "wallet.qr_deadline_s";
/// Seconds between two questions to a wallet while a payment is open (3–5 in production).
pub const WALLET_POLL: &str = "wallet.poll_s";
pub const MOMO_PAY_ENABLED: &str = "wallet.momo.enabled";
pub const MOMO_PAY_URL: &str = "wallet.momo.url";
pub const MOMO_PAY_PARTNER_CODE: &str = "wallet.momo.partner_code";
pub const MOMO_PAY_ACCESS_KEY: &str = "wallet.momo.access_key";
pub const MOMO_PAY_SECRET_KEY: &str = "wallet.momo.secret_key";
/// MoMo's RSA public key (one line of base64 DER, or PEM): encrypts the scanned code.
pub const MOMO_PAY_PUBLIC_KEY: &str = "wallet.momo.public_key";
pub const MOMO_PAY_STORE_ID: &str = "wallet.momo.store_id";
pub const MOMO_PAY_LISTEN: &str = "wallet.momo.callback.listen";
/// The public address MoMo posts its IPN to (sent as `ipnUrl`); empty: none is asked for.
pub const MOMO_PAY_CALLBACK_URL: &str = "wallet.momo.callback.url";
pub const ZALOPAY_ENABLED: &str = "wallet.zalopay.enabled";
pub const ZALOPAY_URL: &str = "wallet.zalopay.url";
pub const ZALOPAY_APP_ID: &str = "wallet.zalopay.app_id";
pub const ZALOPAY_KEY1: &str = "wallet.zalopay.key1";
pub const ZALOPAY_KEY2: &str = "wallet.zalopay.key2";
pub const ZALOPAY_LISTEN: &str = "wallet.zalopay.callback.listen";
pub const ZALOPAY_CALLBACK_URL: &str = "wallet.zalopay.callback.url";
pub const VNPAY_ENABLED: &str = "wallet.vnpay.enabled";
pub const VNPAY_URL: &str = "wallet.vnpay.url";
pub const VNPAY_MERCHANT_CODE: &str = "wallet.vnpay.merchant_code";
pub const VNPAY_TERMINAL_ID: &str = "wallet.vnpay.terminal_id";
pub const VNPAY_SECRET: &str = "wallet.vnpay.secret";
/// The merchant category code VNPAY registered for the shop (`merchantType`).
pub const VNPAY_MERCHANT_TYPE: &str = "wallet.vnpay.merchant_type";
/// Where VNPAY's IPN arrives (its URL is registered with VNPAY, not sent per request).
pub const VNPAY_LISTEN: &str = "wallet.vnpay.callback.listen";
// Alipay face-to-face (classic gateway), for a counter that works in CNY.
pub const ALIPAY_ENABLED: &str = "wallet.alipay.enabled";
/// The gateway's base URL (the client posts to `<url>/gateway.do`).
pub const ALIPAY_URL: &str = "wallet.alipay.url";
pub const ALIPAY_APP_ID: &str = "wallet.alipay.app_id";
/// The app's RSA private key (PEM): signs every request. Encrypted at rest.
pub const ALIPAY_APP_PRIVATE_KEY: &str = "wallet.alipay.app_private_key";
/// Alipay's RSA public key (PEM, or one line of base64 as Alipay's console shows it):
/// verifies every answer and notification.
pub const ALIPAY_PUBLIC_KEY: &str = "wallet.alipay.public_key";
/// The merchant's own store code (`store_id` of payments and of the smart store).
pub const ALIPAY_STORE_CODE: &str = "wallet.alipay.store_code";
/// Alipay's category of the shop (`shop_category`) and the leaf category of its items.
pub const ALIPAY_SHOP_CATEGORY: &str = "wallet.alipay.shop_category";
pub const ALIPAY_ITEM_CATEGORY: &str = "wallet.alipay.item_category";
/// The shop's address as Alipay's region codes (GB/T 2260: province, city, district);
/// the street is `store.address`.
pub const ALIPAY_PROVINCE: &str = "wallet.alipay.province_code";
pub const ALIPAY_CITY: &str = "wallet.alipay.city_code";
pub const ALIPAY_DISTRICT: &str = "wallet.alipay.district_code";
pub const ALIPAY_LISTEN: &str = "wallet.alipay.callback.listen";
/// How long a scanned-code payment may wait for the customer to confirm on the phone
/// before it is cancelled (partners-wave2 §2 chose 30 s; Alipay's pages say 30–60).
pub const ALIPAY_CONFIRM: &str = "wallet.alipay.confirm_s";
/// The public address Alipay posts its notifications to (sent as `notify_url`).
pub const ALIPAY_CALLBACK_URL: &str = "wallet.alipay.callback.url";

// Nhanh.vn (seed 002): the app's credentials and the connected business. The secret key,
// the access token and the webhook's verify token are secrets.
pub const NHANH_URL: &str = "nhanh.url";
pub const NHANH_APP_ID: &str = "nhanh.app_id";
pub const NHANH_SECRET_KEY: &str = "nhanh.secret_key";
/// The redirect URL registered with the app (Nhanh sends the access code there).
pub const NHANH_REDIRECT_URL: &str = "nhanh.redirect_url";
/// Written by `quay nhanh connect` from the grant; shown, not typed.
pub const NHANH_BUSINESS_ID: &str = "nhanh.business_id";
pub const NHANH_ACCESS_TOKEN: &str = "nhanh.access_token";
pub const NHANH_DEPOT_ID: &str = "nhanh.depot_id";
pub const NHANH_WEBHOOK_TOKEN: &str = "nhanh.webhook.token";
pub const NHANH_WEBHOOK_LISTEN: &str = "nhanh.webhook.listen";
/// The public URL Nhanh's webhooks are sent to (shown in the guide).
pub const NHANH_WEBHOOK_URL: &str = "nhanh.webhook.url";

// Bank virtual POS (issue 17): the definitions are rows of their own (`quay vpos`);
// these are the counter's side of the 3-D payment links.
/// Seconds a bank call may take before its outcome is unknown (then asked about).
pub const VPOS_TIMEOUT_S: &str = "vpos.timeout_s";
/// The counter's public origin for the bank (`https://counter.example`): the customer's
/// browser returns to `/vpos/ok` or `/vpos/fail`, and with the listener the bank posts its
/// result to `/vpos/callback`.
pub const VPOS_RETURN_URL: &str = "vpos.return_url";
/// Address the bank's 3-D result callbacks are received on (off when empty).
pub const VPOS_CALLBACK_LISTEN: &str = "vpos.callback.listen";

// Printers (issue 19): the receipt printer (the cash drawer is wired to it) and one
// printer per kitchen station, `printer.kitchen.<station>` with `.width`, `.mode` and
// `.categories` (menu category ids sent to that station).
pub const PRINTER_RECEIPT: &str = "printer.receipt";
pub const PRINTER_RECEIPT_WIDTH: &str = "printer.receipt.width";
pub const PRINTER_RECEIPT_MODE: &str = "printer.receipt.mode";
/// The receipt's QR: an e-invoice lookup URL with `{receipt}` for the receipt number
/// (else the QR holds the number itself).
pub const PRINTER_RECEIPT_QR_URL: &str = "printer.receipt.qr_url";
pub const PRINTER_KITCHEN_PREFIX: &str = "printer.kitchen.";
