//! The layout audit: every screen and dialog the three staff roles see, in en, vi, ar, el
//! and zh-CN, at the window's minimum (1024×640), its default (1280×800) and a full-HD
//! counter (1920×1080). One window per language, its size changed in place. Each screen
//! fails the audit (`common/audit.js`) when a control is outside the window or cut off,
//! two controls or a message and a control overlap, a touch target is under 44 px, text
//! overflows its box or is cut, text contrast is under 4.5:1 (3:1 for large text), or,
//! in a language other than English, a visible string is an English message. A
//! screenshot of each is kept in `tests/e2e/output/<locale>/<size>/`. The counter is on the
//! wallets' simulators: the wallet dialog (its three wallets, a refused code, a QR code
//! waiting) and the customer's page (`?view=customer`: the QR code, thanks, the cart, the
//! welcome) are audited with the rest. So are the bank's virtual POS screens, on the
//! simulated NestPay bank: the register's Phone payment button, the phone payment screen
//! (its log holding an approved and a declined payment) and its payment link, the
//! technician's definitions and their form, the day end's virtual POS section. And the
//! technician's partner connection records: the list, MoMo with its next step's form (the
//! confirmations), its deployment note, the month's list after an export. And the
//! printers, on two simulated ESC/POS printers (the receipt printer with the drawer, a
//! kitchen station out of paper with a ticket waiting): the status line on every screen,
//! the register's Open drawer and Send to kitchen, the print jobs, the drawer dialog with
//! its manager's PIN pad (as the cashier), the receipt's Print copy, the technician's
//! Printers screen and its station form.
//!
//! Beside the audit, what a person notices: the PIN pad does not move under the finger
//! when a PIN is refused; a message belongs to its screen (it does not follow the cashier
//! to the next); the header stays one row.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::*;
use quay_sim::escpos::{self, PrinterConfig, PrinterFaults, PrinterSim, RunningPrinter};
use serde_json::{json, Value};
use thirtyfour::prelude::*;

/// Names that are the same in every language: brands, the partners' own names, the card
/// schemes' "3-D Secure", and what a card prints whatever the language (its CVV, its expiry
/// as MM/YY).
const ALLOW: &[&str] = &[
    "Quay",
    "Quay Café",
    "MoMo",
    "GiftPop",
    "Viva",
    "ZVT",
    "VNPAY",
    "ZaloPay",
    "VNPAY-QR",
    "Alipay",
    "Nhanh.vn",
    "PDF",
    "CSV",
    "Visa",
    "Mastercard",
    "3-D Secure",
    "CVV",
    "MM/YY",
];

/// The English messages of `locales/en/*.ftl` as (text, regex) where the text has
/// placeables: a string on a translated screen matching one is untranslated. Messages
/// whose own words are shorter than three letters ("{ $name }") match anything: left out.
fn english_messages() -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root().join("locales/en")).unwrap() {
        let src = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let lines: Vec<&str> = src.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let value = match line.trim_start().split_once(" = ") {
                Some((id, v)) if !id.starts_with('#') && !id.contains(' ') => v.trim(),
                _ => continue,
            };
            // A value that goes on (variants, more lines) is not one string.
            if value.is_empty() || lines.get(i + 1).is_some_and(|n| n.starts_with("    ") && !n.trim_start().starts_with('.')) {
                continue;
            }
            let words: String = placeables(value, "");
            if words.chars().filter(|c| c.is_alphabetic()).count() < 3 {
                continue;
            }
            if value.contains('{') {
                out.push((value.to_string(), Some(placeables(&regex_escape_parts(value), ".+?"))));
            } else {
                out.push((value.to_string(), None));
            }
        }
    }
    out
}

/// `value` with every `{ … }` replaced by `with`.
fn placeables(value: &str, with: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in value.chars() {
        match c {
            '{' => {
                if depth == 0 {
                    out.push_str(with);
                }
                depth += 1;
            }
            '}' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Escapes a message for a JS regex, leaving its placeables as they are.
fn regex_escape_parts(value: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in value.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if depth == 0 && c != '}' && "\\^$.|?*+()[]/".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The screens that must fit the window without scrolling (lists marked `data-scrolls` aside).
const FITS: &[&str] = &[
    "signin-refused",
    "register",
    "cart",
    "options",
    "cash",
    "card",
    "voucher",
    "voucher-checked",
    "receipt",
    "sales-receipt",
    "void",
    "wallet",
    "wallet-refused",
    "wallet-qr",
    "phone-payment",
    "vpos-link",
    "drawer",
];

struct Audit<'a> {
    d: &'a WebDriver,
    out: PathBuf,
    en: Value,
    lang: &'static str,
    failures: Vec<String>,
}

impl Audit<'_> {
    /// Audits the screen as it is now at every size; keeps a screenshot of each.
    async fn screen(&mut self, name: &str) -> WebDriverResult<()> {
        // Where the cashier works fast (signing in, ringing, taking payment) every control is
        // on screen without scrolling; the long manager and technician pages may scroll.
        let fits = FITS.contains(&name);
        eprintln!("audit: {} {name}", self.lang);
        // The default size last: the screen is left at it for the next step, without a
        // resize more (a quarter second a screen).
        for size in [SIZES[0], SIZES[2], SIZES[1]] {
            set_size(self.d, size).await?;
            tokio::time::sleep(Duration::from_millis(120)).await;
            let dir = self.out.join(self.lang).join(format!("{}x{}", size.0, size.1));
            std::fs::create_dir_all(&dir).unwrap();
            let problems: Vec<String> =
                self.d.execute(AUDIT, vec![self.en.clone(), json!(ALLOW), json!(self.lang), json!(fits)]).await?.convert()?;
            self.d.screenshot(&dir.join(format!("{name}.png"))).await?;
            let header: f64 = self
                .d
                .execute(
                    "const h = document.querySelector('.shell > header'); return h ? h.getBoundingClientRect().height : 0;",
                    Vec::<Value>::new(),
                )
                .await?
                .convert()?;
            let mut problems = problems;
            if header > 80.0 {
                problems.push(format!("the header is {header} px high: it wrapped onto a second row"));
            }
            for p in problems {
                self.failures.push(format!("{} {}×{} {name}: {p}", self.lang, size.0, size.1));
            }
        }
        Ok(())
    }
}

async fn sign_in(d: &WebDriver, lang: &str, pin: &str) -> WebDriverResult<()> {
    by_testid(d, "signin-screen").await?;
    set_locale(d, lang).await?;
    type_pin(d, "signin", pin).await?;
    click(d, "signin-submit").await?;
    by_testid(d, "header-staff").await?;
    Ok(())
}

async fn sign_out(d: &WebDriver) -> WebDriverResult<()> {
    click(d, "sign-out").await?;
    by_testid(d, "signin-screen").await?;
    Ok(())
}

/// Scrolls the element to the middle of its scrolling box (as a person would before touching it).
async fn into_view(d: &WebDriver, el: &WebElement) -> WebDriverResult<()> {
    d.execute("arguments[0].scrollIntoView({ block: 'center' })", vec![el.to_json()?]).await?;
    Ok(())
}

/// Names the control a driver error was about.
fn context(e: WebDriverError, what: &str) -> WebDriverError {
    eprintln!("while clicking {what}: {e}");
    e
}

async fn rect(d: &WebDriver, id: &str) -> WebDriverResult<Vec<f64>> {
    d.execute(
        "const r = document.querySelector(`[data-testid='${arguments[0]}']`).getBoundingClientRect(); return [r.left, r.top, r.width, r.height];",
        vec![json!(id)],
    )
    .await?
    .convert()
}

async fn exists(d: &WebDriver, id: &str) -> WebDriverResult<bool> {
    Ok(!d.find_all(By::Css(format!("[data-testid='{id}']"))).await?.is_empty())
}

async fn gone(d: &WebDriver, id: &str) -> WebDriverResult<()> {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while exists(d, id).await? {
        assert!(std::time::Instant::now() < deadline, "{id} stayed open");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(())
}

async fn wait_fonts(d: &WebDriver) -> WebDriverResult<()> {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let fonts: Vec<String> = d
            .execute(
                "return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replaceAll('\"', ''));",
                Vec::<Value>::new(),
            )
            .await?
            .convert()?;
        if fonts.iter().any(|f| f == "Quay Sans") {
            return Ok(());
        }
        assert!(std::time::Instant::now() < deadline, "the app's font is not in use: {fonts:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The cashier's screens and dialogs; ends signed out.
async fn cashier(a: &mut Audit<'_>, sim: &Sim) -> WebDriverResult<()> {
    let d = a.d;
    // A refused PIN: its message must not push the pad under the finger.
    by_testid(d, "signin-screen").await?;
    // The window was just resized for this language: measure once the layout has settled
    // (the pad's place depends on the height), or a late resize reads as a moved pad.
    let mut before = rect(d, "signin-pad-1").await?;
    for _ in 0..20 {
        tokio::time::sleep(Duration::from_millis(150)).await;
        let again = rect(d, "signin-pad-1").await?;
        if again == before {
            break;
        }
        before = again;
    }
    type_pin(d, "signin", "0000").await?;
    click(d, "signin-submit").await?;
    by_testid(d, "signin-error").await?;
    let after = rect(d, "signin-pad-1").await?;
    assert_eq!(before, after, "{}: the PIN pad moved when the PIN was refused", a.lang);
    a.screen("signin-refused").await?;
    sign_in(d, a.lang, CASHIER).await?;

    click(d, "nav-register").await?;
    by_testid(d, "item-i-croissant").await?;
    // The printers' status line: the kitchen station out of paper, its ticket waiting.
    wait_css(d, "[data-testid='print-problem-kitchen-hot'][data-waiting='1']").await?;
    by_testid(d, "drawer-open").await?;
    a.screen("register").await?;
    printing(a).await?;
    click(d, "item-i-phobo").await?;
    by_testid(d, "options-dialog").await?;
    a.screen("options").await?;
    click(d, "options-cancel").await?;
    gone(d, "options-dialog").await?;
    click(d, "item-i-croissant").await?;
    wait_count(d, "[data-testid='cart-line']", 1).await?;
    by_testid(d, "kitchen-send").await?;
    a.screen("cart").await?;
    click(d, "pay-cash").await?;
    by_testid(d, "cash-dialog").await?;
    a.screen("cash").await?;
    click(d, "cash-cancel").await?;
    gone(d, "cash-dialog").await?;
    click(d, "pay-card").await?;
    by_testid(d, "card-dialog").await?;
    a.screen("card").await?;
    click(d, "card-cancel").await?;
    gone(d, "card-dialog").await?;
    click(d, "pay-voucher").await?;
    by_testid(d, "voucher-dialog").await?;
    a.screen("voucher").await?;
    by_testid(d, "voucher-code").await?.send_keys("MOMO-50K").await?;
    click(d, "voucher-check").await?;
    d.query(By::Css("[data-testid='voucher-result']")).wait(Duration::from_secs(15), Duration::from_millis(100)).first().await?;
    a.screen("voucher-checked").await?;
    click(d, "voucher-close").await?;
    gone(d, "voucher-dialog").await?;
    wallet(a, sim).await?;
    click(d, "item-i-croissant").await?;
    wait_count(d, "[data-testid='cart-line']", 1).await?;

    click(d, "pay-cash").await?;
    by_testid(d, "cash-dialog").await?;
    click(d, "quick-cash-0").await?;
    click(d, "cash-confirm").await?;
    by_testid(d, "receipt-dialog").await?;
    d.query(By::Css("[data-testid='receipt-row']")).wait(Duration::from_secs(10), Duration::from_millis(100)).first().await?;
    by_testid(d, "notice-toast").await?;
    by_testid(d, "receipt-print-copy").await?;
    a.screen("receipt").await?;
    click(d, "receipt-close").await?;
    gone(d, "receipt-dialog").await?;

    // The "sale closed" message belongs to the register: it does not follow to the next screen.
    click(d, "nav-sales").await?;
    by_testid(d, "sales-list").await?;
    assert!(!exists(d, "notice-toast").await?, "{}: the register's message followed the cashier to Sales today", a.lang);
    a.screen("sales").await?;
    click(d, "sale-receipt").await?;
    by_testid(d, "receipt-dialog").await?;
    a.screen("sales-receipt").await?;
    click(d, "receipt-close").await?;
    gone(d, "receipt-dialog").await?;
    click(d, "sale-void").await?;
    by_testid(d, "void-dialog").await?;
    a.screen("void").await?;
    click(d, "void-cancel").await?;
    gone(d, "void-dialog").await?;
    phone_payment(a).await?;
    click(d, "nav-hub").await?;
    by_testid(d, "sync-now").await?;
    a.screen("hub").await?;
    sign_out(d).await
}

/// The print jobs (the kitchen ticket waiting for paper, the receipts printed), then
/// "Open drawer" as the cashier: the reason and the manager's PIN pad. Nothing is sent.
async fn printing(a: &mut Audit<'_>) -> WebDriverResult<()> {
    let d = a.d;
    click(d, "print-jobs-open").await?;
    by_testid(d, "print-jobs-dialog").await?;
    wait_css(d, "[data-testid='print-job'][data-kind='kitchen'][data-state='queued'] [data-testid='print-job-problem']").await?;
    a.screen("print-jobs").await?;
    click(d, "print-jobs-close").await?;
    gone(d, "print-jobs-dialog").await?;
    click(d, "drawer-open").await?;
    by_testid(d, "drawer-dialog").await?;
    by_testid(d, "drawer-manager-pad-1").await?;
    a.screen("drawer").await?;
    click(d, "drawer-cancel").await?;
    gone(d, "drawer-dialog").await?;
    Ok(())
}

/// The phone payment screen from the register's button (its log: the approved and the
/// declined payment `phone_payments` took), then a payment link for a typed amount: the
/// dialog opens with the link as soon as the bank's order is journaled (the customer never
/// pays it here: in the next language's log it is a payment whose answer is lost). Back at
/// the register.
async fn phone_payment(a: &mut Audit<'_>) -> WebDriverResult<()> {
    let d = a.d;
    click(d, "nav-register").await?;
    click(d, "phone-payment-button").await?;
    by_testid(d, "phone-payment").await?;
    wait_css(d, "[data-testid='phone-log-row'][data-state='approved']").await?;
    wait_css(d, "[data-testid='phone-log-row'][data-state='declined']").await?;
    wait_css(d, "[data-testid='phone-definition'] option[value='Akbank']").await?;
    a.screen("phone-payment").await?;
    click(d, "phone-use-amount").await?;
    by_testid(d, "phone-amount").await?.send_keys("150000").await?;
    // A reference of its own per language: the last link's is still waiting for the bank.
    by_testid(d, "phone-reference").await?.send_keys(format!("LINK-{}", a.lang)).await?;
    wait_css(d, "[data-testid='phone-link']:not([disabled])").await?;
    click(d, "phone-link").await?;
    by_testid(d, "vpos-link-dialog").await?;
    wait_css(d, "[data-testid='vpos-link-qr'] svg").await?;
    a.screen("vpos-link").await?;
    click(d, "vpos-link-close").await?;
    gone(d, "vpos-link-dialog").await?;
    click(d, "phone-back").await?;
    by_testid(d, "item-i-croissant").await?;
    Ok(())
}

/// Waits until `css` matches an element (displayed or not).
async fn wait_css(d: &WebDriver, css: &str) -> WebDriverResult<WebElement> {
    d.query(By::Css(css)).wait(Duration::from_secs(15), Duration::from_millis(100)).first().await
}

/// The wallet dialog (the cart holds a sale): the three wallets; MoMo with a WeChat Pay
/// code refused; ZaloPay's QR code waiting. Then the customer's page (this webview on
/// `?view=customer`, as the second screen's window opens it): the QR code, the thanks once
/// the customer paid on the simulator, the cart, the welcome. Back at the register the
/// cart is empty.
async fn wallet(a: &mut Audit<'_>, sim: &Sim) -> WebDriverResult<()> {
    let d = a.d;
    click(d, "pay-wallet").await?;
    by_testid(d, "wallet-dialog").await?;
    for w in ["wallet-momo", "wallet-zalopay", "wallet-vnpay"] {
        by_testid(d, w).await?;
    }
    a.screen("wallet").await?;
    click(d, "wallet-momo").await?;
    by_testid(d, "wallet-code").await?.send_keys("134567890123456789").await?;
    wait_css(d, "[data-testid='wallet-code-kind'][data-supported='false']").await?;
    a.screen("wallet-refused").await?;
    click(d, "wallet-zalopay").await?;
    wait_css(d, "[data-testid='wallet-qr'] svg").await?;
    by_testid(d, "wallet-countdown").await?;
    by_testid(d, "wallet-give-up").await?;
    a.screen("wallet-qr").await?;

    // The customer's page, while the QR code waits (the cashier's dialog is left waiting:
    // the backend runs the payment whatever the page shows).
    let here = d.current_url().await?;
    let mut customer = here.clone();
    customer.set_query(Some("view=customer"));
    d.goto(customer.as_str()).await?;
    by_testid(d, "customer-display").await?;
    wait_fonts(d).await?;
    let lang_is = format!("return document.documentElement.lang === '{}';", a.lang);
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while !d.execute(&lang_is, Vec::<Value>::new()).await?.convert::<bool>()? {
        assert!(std::time::Instant::now() < deadline, "{}: the customer's page stays in another language", a.lang);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    wait_css(d, "[data-testid='cd-mode'][data-mode='qr'] [data-testid='cd-qr'] svg").await?;
    a.screen("cd-qr").await?;
    // The customer pays with the ZaloPay app: thanks.
    let zalo = sim.wallet_orders("zalopay");
    let waiting: Vec<&Value> = zalo["orders"].as_array().unwrap().iter().filter(|o| o["state"] == "waiting").collect();
    assert_eq!(waiting.len(), 1, "{zalo}");
    sim.wallet_customer_pays("zalopay", waiting[0]["order_id"].as_str().unwrap());
    wait_css(d, "[data-testid='cd-mode'][data-mode='thanks']").await?;
    a.screen("cd-thanks").await?;
    // The next sale's cart (rung through the window's command, as the register does), then
    // the welcome once it is cleared.
    let add = json!({"itemId": "i-croissant", "optionIds": [], "qty": 2, "note": null});
    invoke_cmd(d, "cart_add", add).await?.unwrap_or_else(|e| panic!("cart_add: {e}"));
    wait_css(d, "[data-testid='cd-mode'][data-mode='cart'] [data-testid='cd-total']").await?;
    a.screen("cd-cart").await?;
    invoke_cmd(d, "cart_clear", json!({})).await?.unwrap_or_else(|e| panic!("cart_clear: {e}"));
    wait_css(d, "[data-testid='cd-mode'][data-mode='idle']").await?;
    a.screen("cd-idle").await?;
    d.goto(here.as_str()).await?;
    by_testid(d, "cart-empty").await?;
    Ok(())
}

/// The manager's screens and dialogs; ends signed out.
async fn manager(a: &mut Audit<'_>, p: &Path) -> WebDriverResult<()> {
    let d = a.d;
    // Made while the window runs: at its start the window would have settled it with Viva.
    leave_a_card_payment_open(p);
    sign_in(d, a.lang, MANAGER).await?;
    click(d, "nav-dayend").await?;
    by_testid(d, "dayend").await?;
    by_testid(d, "dayend-totals").await?;
    // The virtual POS section: the definition with the counter's payments of the day.
    wait_css(d, "[data-testid='dayend-vpos-def'][data-name='Akbank'] [data-testid='dayend-vpos-row']").await?;
    a.screen("dayend").await?;
    let section = by_testid(d, "dayend-vpos").await?;
    d.execute("arguments[0].scrollIntoView({ block: 'start' })", vec![section.to_json()?]).await?;
    a.screen("dayend-vpos").await?;
    if by_testid(d, "dayend-close-run").await?.is_enabled().await? {
        click(d, "dayend-close-run").await?;
        by_testid(d, "dayend-close-dialog").await?;
        a.screen("dayend-close").await?;
        click(d, "dayend-close-cancel").await?;
        gone(d, "dayend-close-dialog").await?;
    }
    // A bank line the counter never saw: the dialog that settles it by hand.
    let settle =
        d.query(By::Css("button[data-testid^='dayend-settle-']")).wait(Duration::from_secs(15), Duration::from_millis(100)).first().await?;
    into_view(d, &settle).await?;
    settle.click().await?;
    by_testid(d, "dayend-settle-dialog").await?;
    a.screen("dayend-settle").await?;
    click(d, "dayend-settle-cancel").await?;
    gone(d, "dayend-settle-dialog").await?;
    // The card payment a killed counter left open: the list, then the form that settles it.
    click(d, "open-payments-badge").await?;
    by_testid(d, "open-payments-dialog").await?;
    a.screen("open-payments").await?;
    let settle =
        d.query(By::Css("[data-testid^='open-payment-settle-']")).wait(Duration::from_secs(10), Duration::from_millis(100)).first().await?;
    into_view(d, &settle).await?;
    settle.click().await.map_err(|e| context(e, "open-payment-settle"))?;
    by_testid(d, "settle-form").await?;
    a.screen("open-payment-settle").await?;
    let cancel = by_testid(d, "settle-cancel").await?;
    into_view(d, &cancel).await?;
    cancel.click().await.map_err(|e| context(e, "settle-cancel"))?;
    gone(d, "settle-form").await?;
    let close = by_testid(d, "open-payments-close").await?;
    into_view(d, &close).await?;
    close.click().await.map_err(|e| context(e, "open-payments-close"))?;
    gone(d, "open-payments-dialog").await?;
    click(d, "dayend-preset-new").await?;
    by_testid(d, "dayend-preset-dialog").await?;
    a.screen("dayend-preset").await?;
    click(d, "dayend-preset-cancel").await?;
    gone(d, "dayend-preset-dialog").await?;
    click(d, "nav-sales").await?;
    by_testid(d, "sales-list").await?;
    a.screen("sales-manager").await?;
    click(d, "nav-hub").await?;
    by_testid(d, "sync-now").await?;
    a.screen("hub-manager").await?;
    sign_out(d).await
}

/// The technician's screens and dialogs; ends signed out.
async fn technician(a: &mut Audit<'_>) -> WebDriverResult<()> {
    let d = a.d;
    sign_in(d, a.lang, TECH).await?;
    by_testid(d, "technician-home").await?;
    by_testid(d, "settings-tab-store").await?;
    a.screen("technician").await?;
    click(d, "staff-add-open").await?;
    by_testid(d, "staff-add-dialog").await?;
    a.screen("staff-add").await?;
    click(d, "staff-add-cancel").await?;
    gone(d, "staff-add-dialog").await?;
    for group in ["store", "hub", "momo", "giftpop", "terminal"] {
        click(d, &format!("settings-tab-{group}")).await?;
        by_testid(d, &format!("settings-form-{group}")).await?;
        if group == "hub" {
            click(d, "connect-test-hub").await?;
            by_testid(d, "connect-report").await?;
            let report = by_testid(d, "connect-report").await?;
            d.execute("arguments[0].scrollIntoView({ block: 'start' })", vec![report.to_json()?]).await?;
        }
        a.screen(&format!("settings-{group}")).await?;
    }
    // The bank virtual POS definitions (NestPay on the simulator), its connection tested,
    // and the form that adds one.
    click(d, "nav-staff").await?;
    click(d, "vpos-open").await?;
    by_testid(d, "vpos-definitions").await?;
    wait_css(d, "[data-testid='vpos-def'][data-name='Akbank']").await?;
    click(d, "connect-test-vpos:Akbank").await?;
    wait_css(d, "[data-testid='connect-vpos:Akbank'] [data-testid='connect-report']").await?;
    a.screen("vpos-definitions").await?;
    click(d, "vpos-def-add").await?;
    by_testid(d, "vpos-def-form").await?;
    a.screen("vpos-def-form").await?;
    click(d, "vpos-def-form-cancel").await?;
    gone(d, "vpos-def-form").await?;
    connections(a).await?;
    // The printers: the receipt printer and the kitchen station, then the form that adds one.
    click(d, "nav-staff").await?;
    click(d, "printers-open").await?;
    by_testid(d, "printers-screen").await?;
    wait_css(d, "[data-testid='printer'][data-name='kitchen.hot'] [data-testid='printer-categories']").await?;
    wait_css(d, "[data-testid='printer'][data-name='receipt']").await?;
    a.screen("printers").await?;
    click(d, "printers-add-station").await?;
    by_testid(d, "printer-form").await?;
    a.screen("printer-form").await?;
    click(d, "printer-form-cancel").await?;
    gone(d, "printer-form").await?;
    sign_out(d).await
}

/// The partner connection records (`partner_connections` prepared them): the list; MoMo,
/// requested, with the next step's form (its two confirmations to tick); its deployment
/// note; the month's list of this month (the month picker's "next" button, then the
/// export), holding Viva's connection. Nothing is recorded here.
async fn connections(a: &mut Audit<'_>) -> WebDriverResult<()> {
    let d = a.d;
    click(d, "nav-staff").await?;
    click(d, "conn-open").await?;
    by_testid(d, "partner-connections").await?;
    wait_css(d, "[data-testid='conn-row-momo'][data-status='requested']").await?;
    wait_css(d, "[data-testid='conn-row-viva'][data-status='connected']").await?;
    a.screen("connections").await?;
    click(d, "conn-row-momo").await?;
    wait_css(d, "[data-testid='conn-detail'][data-partner='momo'] [data-testid='conn-step'][data-step='requested']").await?;
    let next = wait_css(d, "[data-testid='conn-next'][data-next='confirmed']").await?;
    by_testid(d, "conn-confirm-leader").await?;
    by_testid(d, "conn-confirm-merchant").await?;
    a.screen("connections-momo").await?;
    d.execute("arguments[0].scrollIntoView({ block: 'start' })", vec![next.to_json()?]).await?;
    a.screen("connections-momo-next").await?;
    click(d, "conn-note-open").await?;
    by_testid(d, "conn-note-dialog").await?;
    wait_text(d, "conn-note-text", "SANDBOX-01").await?;
    a.screen("connections-note").await?;
    click(d, "conn-note-close").await?;
    gone(d, "conn-note-dialog").await?;
    click(d, "conn-month-field-next").await?;
    click(d, "conn-export").await?;
    let points = wait_css(d, "[data-testid='conn-points'] [data-testid='conn-point-row'][data-partner='viva']").await?;
    d.execute("arguments[0].scrollIntoView({ block: 'center' })", vec![points.to_json()?]).await?;
    a.screen("connections-points").await?;
    Ok(())
}

/// The partner connection records the audit shows, recorded on the command line as the
/// technician: MoMo requested (its next step, confirmed, asks for two confirmations), and
/// Viva connected this month (its connection test on the simulator's terminal), so the
/// month's list has a row.
fn partner_connections(p: &Path) {
    let record = |args: &[&str]| quay_with_pin(p, TECH, &[&["connect", "record"], args].concat());
    record(&["momo", "--step", "requested", "--ref", "mail 2026-11-02 MoMo", "--point-name", "Quay Café Lê Lợi"]);
    record(&["viva", "--step", "requested", "--ref", "mail V-1"]);
    record(&["viva", "--step", "confirmed", "--confirmation", "merchant"]);
    #[rustfmt::skip]
    record(&[
        "viva", "--step", "deployed", "--point-name", "Quay Café Lê Lợi", "--address", "1 Lê Lợi, Q1, HCMC", "--contact", "Lan",
        "--phone", "0901 234 567",
    ]);
    record(&["viva", "--step", "approved", "--ref", "CMS-42"]);
    record(&["viva", "--step", "connected"]);
}

/// The receipt printer (the drawer on it) and the kitchen station `hot` cooking c-food,
/// both on the test's ESC/POS simulators; the kitchen one is out of paper. A sale of a
/// food item rung on the command line leaves its ticket waiting there (its receipt prints).
fn printers_on_sim(p: &Path, receipt: &RunningPrinter, kitchen: &RunningPrinter) {
    kitchen.set_faults(PrinterFaults { paper_out: true, ..Default::default() });
    quay_with_pin(p, TECH, &["config", "set", "printer.receipt", &receipt.url]);
    quay_with_pin(p, TECH, &["config", "set", "printer.kitchen.hot", &kitchen.url]);
    quay_with_pin(p, TECH, &["config", "set", "printer.kitchen.hot.categories", "c-food"]);
    quay_with_pin(p, CASHIER, &["sales", "ring", "i-phobo", "--pay", "cash"]);
    assert_eq!(kitchen.pages().len(), 0, "the kitchen printer is out of paper");
}

/// The simulator's NestPay bank as the definition "Akbank" (its two secrets on stdin), and
/// where a payment link's page sends the customer back (never reached here).
fn vpos_on_sim(p: &Path, sim: &Sim) {
    let v = |k: &str| sim.vpos[k].clone();
    let (api, gate, client, user) = (v("vpos-nestpay"), v("vpos-nestpay-gate"), v("vpos-nestpay-client-id"), v("vpos-nestpay-user"));
    #[rustfmt::skip]
    let args = [
        "vpos", "add", "Akbank", "--kind", "nestpay", "--url", &api, "--gate-url", &gate, "--client-id", &client,
        "--username", &user, "--password", "-", "--store-key", "-", "--currency", "VND", "--static-ip", "203.0.113.7",
    ];
    quay_as(p, Some(TECH), &args, &format!("{}\n{}\n", v("vpos-nestpay-password"), v("vpos-nestpay-store-key")));
    quay_with_pin(p, TECH, &["config", "set", "vpos.return_url", &format!("http://127.0.0.1:{}", free_port())]);
}

/// Two phone payments the cashier took on the command line (the card on stdin): one the
/// bank approves, one its issuer declines (51, so `quay` exits with an error).
fn phone_payments(p: &Path) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    for (card, reference) in [("4508034508034509", "AUDIT-1"), ("4000000000000515", "AUDIT-2")] {
        let mut child = Command::new(app_binary())
            .arg("--data-dir")
            .arg(p)
            .args(["vpos", "moto", "Akbank", "--amount", "125000", "--reference", reference, "--phone", "0532 000 00 00"])
            .args(["--note", "Catering deposit"])
            .env("QUAY_PIN", CASHIER)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(format!("{card}\n12/30\n123\n").as_bytes()).unwrap();
        child.wait().unwrap();
    }
    let log = quay_with_pin(p, MANAGER, &["vpos", "log", "--json"]);
    assert!(log.contains("\"00\"") && log.contains("\"51\""), "the phone payments: {log}");
}

/// A card sale on the command line killed while the terminal waits for the card (the
/// Viva sandbox pays only E2E-TERMINAL's orders by itself): its payment stays open.
fn leave_a_card_payment_open(p: &Path) {
    use std::process::{Command, Stdio};
    quay_with_pin(p, TECH, &["config", "set", "viva.source_code", "AUDIT-WAITS"]);
    let mut ring = Command::new(app_binary())
        .arg("--data-dir")
        .arg(p)
        .args(["sales", "ring", "i-croissant", "--pay", "card"])
        .env("QUAY_PIN", CASHIER)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let list: Value = serde_json::from_str(&quay_with_pin(p, MANAGER, &["payments", "list", "--json"])).unwrap();
        if list.as_array().unwrap().iter().any(|x| x["state"] == "sent") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the card payment never reached the terminal: {list}");
        std::thread::sleep(Duration::from_millis(200));
    }
    ring.kill().unwrap();
    ring.wait().unwrap();
    quay_with_pin(p, TECH, &["config", "set", "viva.source_code", "E2E-TERMINAL"]);
}

/// The bank's file for today holds a sale the counter never saw (imported as the manager).
fn bank_line_never_seen(p: &Path) {
    let now = std::process::Command::new("date").arg("+%FT%T%:z").output().unwrap();
    let now = String::from_utf8(now.stdout).unwrap();
    let file = p.join("bank.csv");
    std::fs::write(
        &file,
        format!(
            "transaction_id,merchant_reference,terminal_id,date_time,card_scheme,masked_pan,amount,currency,auth_code,rrn,stan,type\n\
             T-AUDIT-1,,E2E-TERMINAL,{},VISA,411111******1111,55000,VND,A1B2C3,612345678901,000123,sale\n",
            now.trim()
        ),
    )
    .unwrap();
    quay_with_pin(p, MANAGER, &["dayend", "reconcile", "--bank-file", file.to_str().unwrap(), "--preset", "generic"]);
}

/// The audit is only worth its silence if it speaks: a fixture with one of each problem,
/// put on the sign-in screen, must be reported for each (then it is taken away).
async fn audit_sees_each_problem(d: &WebDriver, en: &Value) -> WebDriverResult<()> {
    let english = ftl("en", "nav-sales");
    let fixture = format!(
        r#"<div id="audit-fixture" style="position:fixed;top:80px;left:10px;z-index:100;background:#fff;padding:10px;width:600px;height:300px">
          <button style="position:absolute;top:0;left:0;width:30px;height:30px;min-width:0;min-height:0">x</button>
          <p style="position:absolute;top:40px;left:0;margin:0;color:#c8c8c8">pale text here</p>
          <button style="position:absolute;top:80px;left:0;width:70px;height:48px;min-width:0;white-space:nowrap;overflow:hidden">a label far too long</button>
          <button style="position:absolute;top:140px;left:0;width:100px;height:48px">one</button>
          <button style="position:absolute;top:150px;left:50px;width:100px;height:48px">two</button>
          <button style="position:fixed;top:400px;left:-40px;width:100px;height:48px">half out</button>
          <span style="position:absolute;top:220px;left:0">{english}</span>
          <span style="position:absolute;top:260px;left:0;font-size:10px">tiny</span>
        </div>"#
    );
    d.execute("document.body.insertAdjacentHTML('beforeend', arguments[0]);", vec![json!(fixture)]).await?;
    let problems: Vec<String> = d.execute(AUDIT, vec![en.clone(), json!(ALLOW), json!("vi"), json!(true)]).await?.convert()?;
    d.execute("document.getElementById('audit-fixture').remove();", Vec::<Value>::new()).await?;
    let all = problems.join("\n");
    for (kind, needle) in [
        ("a small target", "30×30 px target"),
        ("pale text", "\"pale text here\" has contrast"),
        ("text spilling out", "\"a label far too long\" is"),
        ("overlapping controls", "\"one\" and button \"two\" overlap"),
        ("a control off the window", "\"half out\" outside the window"),
        ("English on a Vietnamese screen", &format!("untranslated: \"{english}\"")),
        ("10-px text", "\"tiny\" is set in 10 px"),
    ] {
        assert!(all.contains(needle), "the audit missed {kind} ({needle}):\n{all}");
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs tauri-driver, WebKitWebDriver and a display: run by `make test` (make test-e2e)"]
async fn layout_audit() -> WebDriverResult<()> {
    let out = output_dir();
    let data = tempfile::tempdir().unwrap();
    let p: &Path = data.path();
    let sim = Sim::start_with_wallets_and_vpos();
    counter_on_hub(p, &sim);
    card_on_viva(p, &sim);
    wallets_on_sim(p, &sim);
    add_staff(p);
    vpos_on_sim(p, &sim);
    phone_payments(p);
    bank_line_never_seen(p);
    partner_connections(p);
    let receipt_printer = escpos::start(PrinterSim::new(PrinterConfig::new("receipt"))).await;
    let kitchen_printer = escpos::start(PrinterSim::new(PrinterConfig::new("hot"))).await;
    printers_on_sim(p, &receipt_printer, &kitchen_printer);
    let en: Value = json!(english_messages().into_iter().map(|(t, r)| json!([t, r])).collect::<Vec<_>>());

    // A window per language (its size changed in place): a WebKit page resized some
    // hundred times in a row has crashed once in a full run; a fresh one per language
    // costs a start (~1.3 s) each. A page that crashes all the same (WebKitWebDriver:
    // "session deleted because of page crash or hang") is WebKit's failure, not a layout
    // problem: that language is audited again, whole, in a new window, once.
    let driver = Driver::start(&out);
    let mut failures = Vec::new();
    for (n, lang) in LOCALES.into_iter().enumerate() {
        let mut crashes = 0;
        loop {
            let d = open_window(&driver, p).await?;
            let result = async {
                by_testid(&d, "signin-screen").await?;
                wait_fonts(&d).await?;
                if n == 0 {
                    audit_sees_each_problem(&d, &en).await?;
                }
                set_locale(&d, lang).await?;
                let mut a = Audit { d: &d, out: out.clone(), en: en.clone(), lang, failures: Vec::new() };
                cashier(&mut a, &sim).await?;
                manager(&mut a, p).await?;
                technician(&mut a).await?;
                Ok::<_, WebDriverError>(a.failures)
            }
            .await;
            if result.is_err() {
                let _ = shot(&d, &out, &format!("failure-layout-{lang}")).await;
            }
            let quit = d.quit().await;
            match result {
                Ok(found) => {
                    quit?;
                    failures.extend(found);
                    break;
                }
                Err(e) if crashes == 0 && page_crashed(&e) => {
                    crashes += 1;
                    eprintln!("audit: {lang}: the WebKit page crashed ({e}); {lang} again in a new window");
                    // From the start: not with the order the crashed window left open
                    // (the screen's open order is kept across restarts).
                    quay_store::Store::open(&p.join("quay.db")).unwrap().open_order_clear("screen").unwrap();
                }
                Err(e) => return Err(e),
            }
        }
    }
    drop(driver);
    std::fs::write(out.join("layout-audit.txt"), failures.join("\n")).unwrap();
    assert!(failures.is_empty(), "{} layout problems (tests/e2e/output/layout-audit.txt):\n{}", failures.len(), failures.join("\n"));
    Ok(())
}

/// Whether WebKitWebDriver gave up the session because the page itself died.
fn page_crashed(e: &WebDriverError) -> bool {
    let text = e.to_string();
    text.contains("page crash") || text.contains("session deleted")
}
