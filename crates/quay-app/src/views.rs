//! What the faces show, already in the reader's language: names picked from the menu's
//! translations, money and dates formatted by quay-i18n. The window renders these as they
//! are; it holds no business rule and does no arithmetic on money.

use quay_core::cart::Totals;
use quay_core::error::Arg;
use quay_core::menu::Names;
use quay_core::tender::{quick_cash, TenderKind};
use quay_core::{Cart, Menu, Money, Sale, SaleStatus};
use quay_i18n::{Lang, Localizer};
use quay_store::SaleRow;
use serde::Serialize;

use crate::Counter;
use quay_core::auth::Action;

/// The menu's name in `lang`, else the hub's own name.
pub fn pick_name<'a>(names: &'a Names, primary: &'a str, lang: Lang) -> &'a str {
    names.get(lang.tag()).map(String::as_str).filter(|s| !s.is_empty()).unwrap_or(primary)
}

#[derive(Debug, Clone, Serialize)]
pub struct MoneyView {
    pub minor: i64,
    /// Machine form in major units ("45000", "12.50"): what a numpad or a file holds.
    pub major: String,
    /// For people, in the locale: "45.000 ₫".
    pub text: String,
}

pub fn money(i18n: &Localizer, lang: Lang, m: Money) -> MoneyView {
    MoneyView { minor: m.minor, major: m.to_major_string(), text: i18n.formatter(lang).money(m) }
}

/// A change to a price as people write it, the sign before the amount as the locale puts
/// its minus: "+₫10,000" (en, zh-CN), "+10.000 ₫" (vi, el, ar); "-₫5,000" stays as it is.
/// Option surcharges on a receipt read as added to the item, not as a line of their own.
pub fn signed_money(f: &quay_i18n::Formatter, m: Money) -> String {
    let text = f.money(m);
    if m.minor > 0 {
        format!("+{text}")
    } else {
        text
    }
}

/// "8%", "8.5%", in the locale's digits and separator.
pub fn rate(i18n: &Localizer, lang: Lang, bp: u32) -> String {
    let whole = Money::new(bp as i64, quay_core::Currency::Eur); // two decimals: 800 → 8.00
    let text = i18n.formatter(lang).amount(whole);
    let trimmed = if bp.is_multiple_of(100) { text[..text.len() - 3].to_string() } else { text.trim_end_matches('0').to_string() };
    format!("{trimmed}%")
}

#[derive(Debug, Clone, Serialize)]
pub struct CategoryView {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    pub id: String,
    pub category_id: String,
    pub name: String,
    /// The hub's own name, shown under a translation so staff recognise the dish.
    pub name_primary: String,
    pub sku: Option<String>,
    pub barcode: Option<String>,
    pub price: MoneyView,
    pub available: bool,
    pub option_group_ids: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OptionView {
    pub id: String,
    pub name: String,
    pub price_delta: MoneyView,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    pub id: String,
    pub name: String,
    pub min: u32,
    pub max: u32,
    pub options: Vec<OptionView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MenuView {
    pub version: u64,
    pub hash: String,
    pub currency: String,
    pub categories: Vec<CategoryView>,
    pub items: Vec<ItemView>,
    pub groups: Vec<GroupView>,
}

pub fn menu_view(menu: &Menu, i18n: &Localizer, lang: Lang) -> MenuView {
    let cur = menu.currency();
    let mut categories: Vec<_> = menu.categories().collect();
    categories.sort_by_key(|c| c.sort);
    // "All" lists category by category, each in the hub's order.
    let cat_rank: std::collections::HashMap<&str, usize> = categories.iter().enumerate().map(|(n, c)| (c.id.as_str(), n)).collect();
    let mut items: Vec<_> = menu.items().iter().collect();
    items.sort_by_key(|i| (cat_rank.get(i.category_id.as_str()).copied().unwrap_or(usize::MAX), i.sort));
    MenuView {
        version: menu.version(),
        hash: menu.content_hash(),
        currency: cur.code().to_string(),
        categories: categories
            .iter()
            .map(|c| CategoryView { id: c.id.clone(), name: pick_name(&c.names, &c.name, lang).to_string() })
            .collect(),
        items: items
            .iter()
            .map(|i| ItemView {
                id: i.id.clone(),
                category_id: i.category_id.clone(),
                name: pick_name(&i.names, &i.name, lang).to_string(),
                name_primary: i.name.clone(),
                sku: i.sku.clone(),
                barcode: i.barcode.clone(),
                price: money(i18n, lang, Money::new(i.price, cur)),
                available: i.available,
                option_group_ids: i.option_group_ids.clone(),
            })
            .collect(),
        groups: menu
            .snapshot()
            .option_groups
            .iter()
            .map(|g| GroupView {
                id: g.id.clone(),
                name: pick_name(&g.names, &g.name, lang).to_string(),
                min: g.min,
                max: g.max,
                options: g
                    .options
                    .iter()
                    .map(|o| OptionView {
                        id: o.id.clone(),
                        name: pick_name(&o.names, &o.name, lang).to_string(),
                        price_delta: money(i18n, lang, Money::new(o.price_delta, cur)),
                    })
                    .collect(),
            })
            .collect(),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CartOptionView {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CartLineView {
    pub line_id: u32,
    pub item_id: String,
    pub name: String,
    pub options: Vec<CartOptionView>,
    pub qty: i64,
    pub note: Option<String>,
    pub unit_price: MoneyView,
    pub line_total: MoneyView,
    /// Set when the menu changed under the line: the item is gone or sold out.
    pub flag: Option<quay_core::cart::LineFlag>,
}

#[derive(Debug, Clone, Serialize)]
pub struct VatView {
    pub rate: String,
    pub amount: MoneyView,
}

#[derive(Debug, Clone, Serialize)]
pub struct CartView {
    pub lines: Vec<CartLineView>,
    pub item_count: i64,
    pub total: MoneyView,
    pub vat: Vec<VatView>,
    /// Exact, then the usual notes: the quick-cash buttons.
    pub quick_cash: Vec<MoneyView>,
    /// Who the sale is for (a mobile typed, or the customer of an online order).
    pub customer: Option<quay_core::cart::CartCustomer>,
    /// The online order being rung up (paid at pickup), if any.
    pub online_order: Option<i64>,
}

fn vat(i18n: &Localizer, lang: Lang, t: &Totals) -> Vec<VatView> {
    t.bands
        .iter()
        .filter(|b| b.rate_bp > 0)
        .map(|b| VatView { rate: rate(i18n, lang, b.rate_bp), amount: money(i18n, lang, b.tax) })
        .collect()
}

pub fn cart_view(cart: &Cart, menu: Option<&Menu>, i18n: &Localizer, lang: Lang) -> crate::Result<CartView> {
    let t = cart.totals()?;
    let flags = menu.map(|m| cart.flags(m)).unwrap_or_default();
    let cur = cart.currency;
    let mut lines = Vec::with_capacity(cart.lines.len());
    for l in &cart.lines {
        lines.push(CartLineView {
            line_id: l.line_id,
            item_id: l.item_id.clone(),
            name: pick_name(&l.names, &l.name, lang).to_string(),
            options: l
                .options
                .iter()
                .map(|o| CartOptionView { id: o.option_id.clone(), name: pick_name(&o.names, &o.name, lang).to_string() })
                .collect(),
            qty: l.qty,
            note: l.note.clone(),
            unit_price: money(i18n, lang, Money::new(l.unit_price(), cur)),
            line_total: money(i18n, lang, l.line_total(cur)?),
            flag: flags.iter().find(|(id, _)| *id == l.line_id).map(|(_, f)| *f),
        });
    }
    Ok(CartView {
        lines,
        item_count: t.item_count,
        total: money(i18n, lang, t.total),
        vat: vat(i18n, lang, &t),
        quick_cash: if cart.is_empty() { vec![] } else { quick_cash(t.total).into_iter().map(|m| money(i18n, lang, m)).collect() },
        customer: cart.customer.clone(),
        online_order: cart.online_order,
    })
}

/// The cash screen after each keystroke: what was typed, the change, or what is short.
#[derive(Debug, Clone, Serialize)]
pub struct CashPreview {
    pub due: MoneyView,
    pub tendered: MoneyView,
    pub change: MoneyView,
    pub short: Option<String>,
    pub ok: bool,
}

impl Counter {
    pub fn cash_preview(&self, co: &crate::Checkout, who: &crate::Who, tendered: &str) -> crate::Result<CashPreview> {
        self.allow(who, Action::RingSale)?;
        let lang = self.lang();
        let cart = self.cart_of(co).clone();
        // What card payments and vouchers already cover is not due in cash.
        let covered = self.approved_tenders(co)?.iter().map(|t| t.amount).sum::<i64>() + co.voucher_total(cart.opened_at);
        let total = cart.totals()?.total;
        let due = total.checked_sub(Money::new(covered, total.currency))?;
        let tendered = if tendered.trim().is_empty() { Money::zero(due.currency) } else { self.parse_amount(tendered)? };
        let diff = tendered.checked_sub(due)?;
        let i18n = self.i18n();
        let ok = diff.minor >= 0 && !cart.is_empty();
        Ok(CashPreview {
            due: money(i18n, lang, due),
            tendered: money(i18n, lang, tendered),
            change: money(i18n, lang, if diff.minor > 0 { diff } else { Money::zero(due.currency) }),
            short: (diff.minor < 0).then(|| i18n.t(lang, "cash-short", &[("amount", Arg::Money(diff.negated()))])),
            ok,
        })
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SaleSummary {
    pub id: String,
    pub receipt_no: String,
    pub time: String,
    pub total: MoneyView,
    /// `closed`, `voided` (a closed sale that has a void) or `void` (the void record).
    pub status: &'static str,
    pub item_count: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct SalesDay {
    pub date: String,
    pub sales: Vec<SaleSummary>,
    pub count: usize,
    /// Closed sales minus voids.
    pub net: MoneyView,
}

pub fn sales_day(day: chrono::NaiveDate, rows: &[SaleRow], currency: quay_core::Currency, i18n: &Localizer, lang: Lang) -> SalesDay {
    let f = i18n.formatter(lang);
    let net: i64 = rows.iter().map(|r| r.sale.total).sum();
    SalesDay {
        date: day.to_string(),
        count: rows.iter().filter(|r| r.sale.status == SaleStatus::Closed).count(),
        net: money(i18n, lang, Money::new(net, currency)),
        sales: rows
            .iter()
            .rev()
            .map(|r| SaleSummary {
                id: r.sale.id.to_string(),
                receipt_no: r.sale.receipt_no.clone(),
                time: f.time(r.sale.closed_at),
                total: money(i18n, lang, r.sale.total_money()),
                status: match (r.sale.status, r.voided_by) {
                    (SaleStatus::Voided, _) => "void",
                    (SaleStatus::Closed, Some(_)) => "voided",
                    (SaleStatus::Closed, None) => "closed",
                },
                item_count: r.sale.lines.iter().map(|l| l.qty.abs()).sum(),
            })
            .collect(),
    }
}

/// One row of a receipt: a label on the start side, an amount on the end side.
#[derive(Debug, Clone, Serialize)]
pub struct ReceiptRow {
    /// `title`, `meta`, `item`, `option`, `note`, `rule`, `total`, `tax`, `tender`, `footer`
    pub kind: &'static str,
    pub text: String,
    pub amount: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReceiptView {
    pub sale_id: String,
    pub receipt_no: String,
    pub rows: Vec<ReceiptRow>,
}

/// The receipt of a sale in `lang`: one layout for the screen's preview and, later, paper
/// and PDF. Item names come from the sale as sold, translated through the current menu
/// when it still has the item.
pub fn receipt(
    sale: &Sale,
    menu: Option<&Menu>,
    store_name: Option<&str>,
    void_of: Option<&Sale>,
    void_reason: Option<&str>,
    approved_by: Option<&str>,
    wallet_notes: &[(String, Vec<String>)],
    i18n: &Localizer,
    lang: Lang,
) -> ReceiptView {
    let f = i18n.formatter(lang);
    let m = |minor: i64| f.money(Money::new(minor, sale.currency));
    let t = |id: &str, args: &[(&str, Arg)]| i18n.t(lang, id, args);
    let row = |kind, text: String, amount: Option<String>| ReceiptRow { kind, text, amount };
    let mut rows = vec![
        row("title", store_name.map(str::to_string).unwrap_or_else(|| t("receipt-store", &[])), None),
        row("meta", t("receipt-number", &[("number", Arg::Text(sale.receipt_no.clone()))]), None),
        row("meta", f.date_time(sale.closed_at), None),
        row("meta", t("receipt-cashier", &[("name", Arg::Text(sale.cashier.clone()))]), None),
    ];
    if let Some(orig) = void_of {
        rows.push(row("meta", t("receipt-void-of", &[("number", Arg::Text(orig.receipt_no.clone()))]), None));
    }
    if let Some(reason) = void_reason {
        rows.push(row("meta", t("receipt-void-reason", &[("reason", Arg::Text(reason.to_string()))]), None));
    }
    if let Some(name) = approved_by {
        rows.push(row("meta", t("receipt-void-approved-by", &[("name", Arg::Text(name.to_string()))]), None));
    }
    rows.push(row("rule", String::new(), None));
    for l in &sale.lines {
        let item = menu.and_then(|m| m.item(&l.item_id));
        let name = item.map(|i| pick_name(&i.names, &l.name, lang).to_string()).unwrap_or_else(|| l.name.clone());
        rows.push(row("item", format!("{} × {}", l.qty, name), Some(m(l.line_total))));
        for o in &l.options {
            let oname = menu
                .and_then(|m| m.option(&o.option_id))
                .map(|(_, c)| pick_name(&c.names, &o.name, lang).to_string())
                .unwrap_or_else(|| o.name.clone());
            // "+₫10,000": the surcharge is in the item's line total already.
            let delta = (o.price_delta != 0).then(|| signed_money(f, Money::new(o.price_delta, sale.currency)));
            rows.push(row("option", oname, delta));
        }
        if let Some(n) = &l.note {
            rows.push(row("note", n.clone(), None));
        }
    }
    rows.push(row("rule", String::new(), None));
    rows.push(row("total", t("receipt-total", &[]), Some(m(sale.total))));
    let totals = quay_core::cart::totals(sale.currency, sale.lines.iter().map(|l| (l.line_total, l.tax_rate_bp, l.qty)));
    if let Ok(totals) = totals {
        for b in totals.bands.iter().filter(|b| b.rate_bp > 0) {
            rows.push(row("tax", t("receipt-vat", &[("rate", Arg::Text(rate(i18n, lang, b.rate_bp)))]), Some(f.money(b.tax))));
        }
    }
    for tn in &sale.tenders {
        let label = match tn.kind {
            TenderKind::Cash => "receipt-tender-cash",
            TenderKind::Card => "receipt-tender-card",
            TenderKind::Voucher => "receipt-tender-voucher",
            TenderKind::Wallet => "receipt-tender-wallet",
        };
        let wallet = (tn.kind == TenderKind::Wallet)
            .then(|| tn.partner.as_deref().and_then(quay_pay::wallet::Wallet::parse))
            .flatten()
            .map(crate::wallets::label);
        match wallet {
            // Which wallet, and its transaction id: what the customer's app shows.
            Some(w) => {
                rows.push(row("tender", t("receipt-tender-wallet-named", &[("wallet", Arg::Text(w.into()))]), Some(m(tn.amount))));
                if let Some(r) = &tn.reference {
                    rows.push(row("tender", t("receipt-wallet-ref", &[("ref", Arg::Text(r.clone()))]), None));
                    // What the wallet said with the payment (Alipay: the coupons it applied).
                    for (_, lines) in wallet_notes.iter().filter(|(k, _)| k == r) {
                        for (name, fen) in lines.iter().filter_map(|l| crate::adapters::wallet::coupon_of_line(l)) {
                            let text = t("receipt-wallet-coupon", &[("wallet", Arg::Text(w.into())), ("name", Arg::Text(name))]);
                            rows.push(row("tender", text, Some(m(-fen))));
                        }
                    }
                }
            }
            None => rows.push(row("tender", t(label, &[]), Some(m(tn.amount)))),
        }
        if let (Some(tendered), Some(change)) = (tn.tendered, tn.change) {
            if tendered != tn.amount {
                rows.push(row("tender", t("receipt-tendered", &[]), Some(m(tendered))));
                rows.push(row("tender", t("receipt-change", &[]), Some(m(change))));
            }
        }
    }
    rows.push(row("footer", t("receipt-thanks", &[]), None));
    ReceiptView { sale_id: sale.id.to_string(), receipt_no: sale.receipt_no.clone(), rows }
}

impl Counter {
    /// The menu as the register shows it. The menu is no secret (it hangs on the wall):
    /// no one is asked, as on the command line.
    pub fn menu_view(&self) -> crate::Result<MenuView> {
        let menu = self.menu()?;
        Ok(menu_view(&menu, self.i18n(), self.lang()))
    }

    pub fn cart_view(&self, co: &crate::Checkout, who: &crate::Who) -> crate::Result<CartView> {
        self.allow(who, Action::RingSale)?;
        let menu = self.menu().ok();
        let cart = self.cart_of(co).clone();
        cart_view(&cart, menu.as_deref(), self.i18n(), self.lang())
    }

    /// The outbox for the screen: how many sales wait and since when, and the rejected.
    pub fn sync_view(&self) -> crate::Result<SyncView> {
        let st = self.sync_status()?;
        let lang = self.lang();
        let f = self.i18n().formatter(lang);
        let since = st.oldest.as_deref().and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok()).map(|t| {
            if t.date_naive() == self.today() {
                f.time(t)
            } else {
                f.date_time(t)
            }
        });
        Ok(SyncView { pending: st.pending, since, last_error: st.last_error, rejected: st.rejected })
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SyncView {
    pub pending: i64,
    /// When the oldest waiting sale was queued, formatted for the locale.
    pub since: Option<String>,
    pub last_error: Option<String>,
    pub rejected: Vec<quay_store::Rejected>,
}

impl Counter {
    pub fn sales_day_view(&self, who: &crate::Who, day: chrono::NaiveDate) -> crate::Result<SalesDay> {
        let rows = self.sales_on(who, day)?;
        Ok(sales_day(day, &rows, self.config().currency, self.i18n(), self.lang()))
    }

    pub fn receipt_view(&self, who: &crate::Who, id: uuid::Uuid) -> crate::Result<ReceiptView> {
        self.allow(who, Action::ViewSales)?;
        self.receipt_of(id)
    }

    pub(crate) fn receipt_of(&self, id: uuid::Uuid) -> crate::Result<ReceiptView> {
        let sale = self.find_sale(id)?;
        let void_of = sale.void_of.map(|v| self.find_sale(v)).transpose()?;
        let (reason, approved_by) = self.store().void_info(id)?.unwrap_or_default();
        let menu = self.menu().ok();
        let notes: Vec<(String, Vec<String>)> = self
            .store()
            .payments_of_sale(id)?
            .into_iter()
            .filter(|p| {
                crate::card::is_wallet(&p.terminal)
                    && p.kind == quay_core::payment::PaymentKind::Sale
                    && p.state == quay_core::payment::PaymentState::Approved
                    && !p.details.print_lines.is_empty()
            })
            .filter_map(|p| p.details.provider_ref.map(|r| (r, p.details.print_lines)))
            .collect();
        Ok(receipt(
            &sale,
            menu.as_deref(),
            self.store_name().as_deref(),
            void_of.as_ref(),
            reason.as_deref(),
            approved_by.as_deref(),
            &notes,
            self.i18n(),
            self.lang(),
        ))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ItemDiffView {
    pub id: String,
    pub name: String,
    pub counter_price: Option<MoneyView>,
    pub hub_price: Option<MoneyView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DiffView {
    pub added: Vec<ItemDiffView>,
    pub changed: Vec<ItemDiffView>,
    pub removed: Vec<ItemDiffView>,
    pub structure_differs: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct MenuStatusView {
    pub counter_version: Option<u64>,
    pub counter_hash: Option<String>,
    pub hub_version: u64,
    pub hub_hash: String,
    pub in_sync: bool,
    pub diff: DiffView,
}

impl Counter {
    /// "Menu in sync" for the technician's screen, prices formatted.
    pub async fn menu_status_view(&self) -> crate::Result<MenuStatusView> {
        let st = self.menu_status().await?;
        let (i18n, lang, cur) = (self.i18n(), self.lang(), self.config().currency);
        let items = |list: &[quay_core::menu_changes::ItemDiff]| {
            list.iter()
                .map(|d| ItemDiffView {
                    id: d.id.clone(),
                    name: d.name.clone(),
                    counter_price: d.counter_price.map(|p| money(i18n, lang, Money::new(p, cur))),
                    hub_price: d.hub_price.map(|p| money(i18n, lang, Money::new(p, cur))),
                })
                .collect()
        };
        Ok(MenuStatusView {
            counter_version: st.counter_version,
            counter_hash: st.counter_hash,
            hub_version: st.hub_version,
            hub_hash: st.hub_hash,
            in_sync: st.in_sync,
            diff: DiffView {
                added: items(&st.diff.added),
                changed: items(&st.diff.changed),
                removed: items(&st.diff.removed),
                structure_differs: st.diff.structure_differs,
            },
        })
    }
}
