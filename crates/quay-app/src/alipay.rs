//! Alipay smart store (seed 003), run from the counter: the onboarding checklist checked
//! against Alipay itself (`alipay_status`), the shop published with the merchant's own
//! store code, the menu's items published as Alipay items (only what changed is sent
//! again), and every sale paid by Alipay synced as an order through its outbox.
//! Payments themselves are a wallet of the payment journal (`wallets`, `adapters::wallet`).

use std::collections::HashMap;

use quay_core::auth::Action;
use quay_core::error::Arg;
use quay_core::tender::TenderKind;
use quay_core::Money;
use quay_pay::wallet::alipay::{AlipayClient, Item, OrderLine, OrderSync, ShopInfo, ShopReview, Sku};
use quay_pay::wallet::cny;
use quay_pay::wallet::{Wallet, WalletError, WalletStatus};
use quay_store::alipay::{AlipayShopRecord, Confirmation, PublishedItem};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::adapters::wallet::{beijing, Client};
use crate::{keys, AppError, Counter, Event, Result, Who};

/// Alipay's shop review: approved (`99`), refused (`-1`), anything else still under review.
pub const SHOP_APPROVED: &str = "99";
pub const SHOP_REFUSED: &str = "-1";

/// One step of the onboarding checklist.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// `keys`, `store`, `products`, `trade_switch`, `coupons`, `test_payment`.
    pub id: &'static str,
    pub ok: bool,
    /// What was found, in the counter's language.
    pub detail: String,
    /// The same as a Fluent id and its arguments, for a face in another language
    /// (`quay --lang …`).
    #[serde(skip)]
    pub said: (String, Vec<(&'static str, Arg)>),
}

#[derive(Debug, Clone, Serialize)]
pub struct AlipayStatus {
    pub steps: Vec<Step>,
    pub ready: bool,
    /// Order syncs waiting for Alipay.
    pub pending_syncs: usize,
}

/// An item that cannot be published, and why (localized).
#[derive(Debug, Clone, Serialize)]
pub struct NotPublishable {
    pub item_id: String,
    pub name: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct PublishReport {
    /// Items sent (created or modified), or that would be with `--dry-run`.
    pub sent: Vec<String>,
    /// Items unchanged since they were last published: not sent.
    pub unchanged: usize,
    pub not_publishable: Vec<NotPublishable>,
    /// Items Alipay refused, with its code.
    pub refused: Vec<NotPublishable>,
    pub dry_run: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct SyncReport {
    pub synced: usize,
    pub failed: usize,
    pub pending: usize,
}

/// The content hash of what is published of an item: a change of anything sent makes
/// it different, so only changed items are sent again.
fn item_hash(item: &Item) -> String {
    let text = serde_json::to_string(&serde_json::json!({
        "out_item_id": item.out_item_id,
        "title": item.title,
        "category_id": item.category_id,
        "skus": item.skus.iter().map(|s| serde_json::json!([s.out_sku_id, s.sale_price_fen, s.stock_num, s.available])).collect::<Vec<_>>(),
    }))
    .unwrap_or_default();
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn wallet_err(e: WalletError) -> AppError {
    AppError::new("err-alipay-call", vec![("error", Arg::Text(e.to_string()))])
}

impl Counter {
    /// The Alipay client, whatever the counter's currency (the onboarding may start
    /// before the first payment).
    fn alipay(&self) -> Result<AlipayClient> {
        match self.wallet_client(Wallet::Alipay)?.0 {
            Client::Alipay(c) => Ok(c),
            _ => unreachable!("the Alipay wallet has an Alipay client"),
        }
    }

    fn ts(&self) -> chrono::NaiveDateTime {
        beijing(self.now())
    }

    fn store_code(&self) -> Result<String> {
        self.setting(keys::ALIPAY_STORE_CODE)?.filter(|v| !v.trim().is_empty()).ok_or_else(|| {
            AppError::new("err-wallet-not-configured", vec![("wallet", "Alipay".into()), ("missing", keys::ALIPAY_STORE_CODE.into())])
        })
    }

    /// The onboarding checklist, each step asked of Alipay (or of the journal) now, not
    /// remembered: keys (a signed round trip), the shop, the products, the trade switch
    /// and the coupons (the merchant portal's: confirmed by a person), a live payment.
    pub fn alipay_status(&self, who: &Who) -> Result<AlipayStatus> {
        self.allow(who, Action::TestConnection)?;
        let lang = self.lang();
        // Said now in the counter's language, kept as id and arguments for other faces.
        let t = |id: &str, args: &[(&'static str, Arg)]| (id.to_string(), args.to_vec());
        let mut steps = Vec::new();
        let client = self.alipay();
        // Keys: a signed query of a trade that cannot exist answers a signed "not found".
        let keys_ok = match &client {
            Ok(c) => {
                let probe = format!("QUAYTEST{}", &uuid::Uuid::new_v4().simple().to_string()[..12]);
                match crate::rt::block_on(c.query(&probe, self.ts())) {
                    Ok(a) => match a.status() {
                        WalletStatus::NotFound { .. } => Ok(()),
                        other => Err(format!("{other:?}")),
                    },
                    Err(e) => Err(e.to_string()),
                }
            }
            Err(e) => Err(self.i18n().error(lang, e)),
        };
        steps.push(Step {
            detail: String::new(),
            id: "keys",
            ok: keys_ok.is_ok(),
            said: match &keys_ok {
                Ok(()) => t("alipay-step-keys-ok", &[]),
                Err(e) => t("alipay-step-keys-fail", &[("error", Arg::Text(e.clone()))]),
            },
        });
        // The shop: its creation asked about again until Alipay has decided.
        let shop = match (&client, self.store_code()) {
            (Ok(c), Ok(code)) => self.refresh_shop(c, &code).ok().flatten(),
            _ => None,
        };
        steps.push(Step {
            detail: String::new(),
            id: "store",
            ok: shop.as_ref().is_some_and(|s| s.shop_id.is_some()),
            said: match &shop {
                None => t("alipay-step-store-none", &[]),
                Some(s) => match &s.shop_id {
                    Some(id) => t("alipay-step-store-ok", &[("code", s.store_id.as_str().into()), ("shop", id.as_str().into())]),
                    None if s.status == SHOP_REFUSED => t("alipay-step-store-refused", &[("code", s.store_id.as_str().into())]),
                    None => t("alipay-step-store-review", &[("code", s.store_id.as_str().into()), ("order", s.order_id.as_str().into())]),
                },
            },
        });
        // Products: publishable items whose published content is the menu's.
        let (wanted, _) = self.alipay_items()?;
        let published: HashMap<String, String> = self.store().alipay_published()?.into_iter().map(|p| (p.out_item_id, p.hash)).collect();
        let current = wanted.iter().filter(|i| published.get(&i.out_item_id) == Some(&item_hash(i))).count();
        steps.push(Step {
            detail: String::new(),
            id: "products",
            ok: !wanted.is_empty() && current == wanted.len(),
            said: t("alipay-step-products", &[("current", (current as i64).into()), ("total", (wanted.len() as i64).into())]),
        });
        for what in ["trade_switch", "coupons"] {
            let c = self.store().alipay_confirmation(what)?;
            steps.push(Step {
                detail: String::new(),
                id: if what == "trade_switch" { "trade_switch" } else { "coupons" },
                ok: c.is_some(),
                said: match c {
                    Some(c) => {
                        let at =
                            chrono::DateTime::parse_from_rfc3339(&c.at).map(|t| t.format("%Y-%m-%d %H:%M").to_string()).unwrap_or(c.at);
                        t("alipay-step-confirmed", &[("by", c.by.into()), ("at", at.into())])
                    }
                    None => t(&format!("alipay-step-{}-unconfirmed", what.replace('_', "-")), &[]),
                },
            });
        }
        // A live payment: an approved Alipay payment in the journal.
        let paid = self.store().payments_approved_of(Wallet::Alipay.as_str())?;
        steps.push(Step {
            detail: String::new(),
            id: "test_payment",
            ok: paid > 0,
            said: t("alipay-step-test-payment", &[("count", (paid as i64).into())]),
        });
        for step in &mut steps {
            step.detail = self.i18n().t(lang, &step.said.0, &step.said.1);
        }
        let pending_syncs = self.store().alipay_sync_pending(usize::MAX >> 1)?.len();
        let ready = steps.iter().all(|s| s.ok);
        Ok(AlipayStatus { steps, ready, pending_syncs })
    }

    /// Asks Alipay about the shop's creation when it has not decided yet.
    fn refresh_shop(&self, c: &AlipayClient, store_code: &str) -> Result<Option<AlipayShopRecord>> {
        let Some(mut shop) = self.store().alipay_shop(store_code)? else { return Ok(None) };
        if shop.shop_id.is_none() && shop.status != SHOP_REFUSED {
            let a = crate::rt::block_on(c.shop_order_query(&shop.order_id, self.ts())).map_err(wallet_err)?;
            match a.review() {
                Some(ShopReview::Approved { shop_id }) => {
                    shop.status = SHOP_APPROVED.into();
                    shop.shop_id = shop_id.or(shop.shop_id.take());
                }
                Some(ShopReview::Rejected) => shop.status = SHOP_REFUSED.into(),
                Some(ShopReview::Reviewing) => shop.status = "031".into(),
                Some(ShopReview::Other(s)) => shop.status = s,
                None => {}
            }
            shop.checked_at = self.now().to_rfc3339();
            self.store().set_alipay_shop(&shop)?;
        }
        Ok(Some(shop))
    }

    /// Publishes the shop (its name, address, category, contact from the settings, its
    /// own store code). Idempotent: a repeat returns the shop Alipay already has.
    pub fn alipay_store_publish(&self, who: &Who) -> Result<AlipayShopRecord> {
        self.allow(who, Action::ConfigureSettings)?;
        let c = self.alipay()?;
        let code = self.store_code()?;
        let need = |k: &str| -> Result<String> {
            self.setting(k)?
                .filter(|v| !v.trim().is_empty())
                .ok_or_else(|| AppError::new("err-wallet-not-configured", vec![("wallet", "Alipay".into()), ("missing", k.into())]))
        };
        let info = ShopInfo {
            store_id: code.clone(),
            shop_name: need(keys::STORE_NAME)?,
            shop_category: need(keys::ALIPAY_SHOP_CATEGORY)?,
            shop_type: "01".into(),
            province_code: need(keys::ALIPAY_PROVINCE)?,
            city_code: need(keys::ALIPAY_CITY)?,
            district_code: need(keys::ALIPAY_DISTRICT)?,
            address: need(keys::STORE_ADDRESS)?,
            contact_name: Some(need(keys::STORE_CONTACT_NAME)?),
            contact_mobile: Some(need(keys::STORE_CONTACT_PHONE)?),
            ..Default::default()
        };
        let a = crate::rt::block_on(c.shop_create(&info, self.ts())).map_err(wallet_err)?;
        let Some(order_id) = a.order_id.clone() else {
            return Err(AppError::new(
                "err-alipay-refused",
                vec![
                    ("code", Arg::Text(a.sub_code.clone().unwrap_or(a.code.clone()))),
                    ("message", Arg::Text(a.sub_msg.clone().unwrap_or_default())),
                ],
            ));
        };
        let now = self.now().to_rfc3339();
        let before = self.store().alipay_shop(&code)?;
        let record = AlipayShopRecord {
            store_id: code.clone(),
            order_id,
            shop_id: a.exist_shop_id.clone().or(before.as_ref().and_then(|b| b.shop_id.clone())),
            status: if a.exist_shop_id.is_some() {
                SHOP_APPROVED.into()
            } else {
                before.as_ref().map(|b| b.status.clone()).unwrap_or_else(|| "031".into())
            },
            requested_at: before.as_ref().map(|b| b.requested_at.clone()).unwrap_or_else(|| now.clone()),
            checked_at: now,
        };
        self.store().set_alipay_shop(&record)?;
        self.audit(who, "alipay.store_publish", &code, None, Some(record.order_id.clone()))?;
        Ok(self.refresh_shop(&c, &code)?.unwrap_or(record))
    }

    /// The menu's items as Alipay items (merchant SKU code = the item's `sku`, price in
    /// fen), and those that cannot be published with the reason.
    fn alipay_items(&self) -> Result<(Vec<Item>, Vec<NotPublishable>)> {
        let menu = self.menu()?;
        let lang = self.lang();
        let category = self.setting(keys::ALIPAY_ITEM_CATEGORY)?.unwrap_or_default();
        let mut items = Vec::new();
        let mut refused = Vec::new();
        let mut seen_skus = std::collections::HashSet::new();
        for item in menu.items() {
            let refuse = |id: &str, args: &[(&str, Arg)]| NotPublishable {
                item_id: item.id.clone(),
                name: item.name.clone(),
                reason: self.i18n().t(lang, id, args),
            };
            let Some(sku) = item.sku.as_deref().map(str::trim).filter(|s| !s.is_empty()) else {
                refused.push(refuse("alipay-item-no-sku", &[]));
                continue;
            };
            if !seen_skus.insert(sku.to_string()) {
                refused.push(refuse("alipay-item-sku-twice", &[("sku", sku.into())]));
                continue;
            }
            let price = Money::new(item.price, menu.currency());
            let price = match cny::to_fen(price) {
                Ok(fen) => fen,
                Err(quay_pay::wallet::AmountError::NotCny { found }) => {
                    refused.push(refuse("alipay-item-currency", &[("currency", Arg::Text(found))]));
                    continue;
                }
                Err(_) => {
                    refused.push(refuse("alipay-item-price", &[("price", Arg::Money(price))]));
                    continue;
                }
            };
            // The counter's Chinese name where there is one (Alipay's buyers read it).
            let zh = item.names.get("zh-CN").map(String::as_str).filter(|n| (3..=60).contains(&n.chars().count()));
            let title = zh.unwrap_or(item.name.as_str()).to_string();
            if !(3..=60).contains(&title.chars().count()) {
                refused.push(refuse("alipay-item-title", &[("title", title.as_str().into())]));
                continue;
            }
            items.push(Item {
                out_item_id: item.id.clone(),
                title,
                category_id: category.clone(),
                skus: vec![Sku { out_sku_id: sku.to_string(), sale_price_fen: price, stock_num: 9999, available: item.available }],
            });
        }
        Ok((items, refused))
    }

    /// Publishes the menu's items: only those whose content changed since they were last
    /// published are sent (`dry_run`: only said). Progress is reported as it goes.
    pub fn alipay_products_publish(&self, who: &Who, dry_run: bool) -> Result<PublishReport> {
        self.allow(who, Action::ConfigureSettings)?;
        let (items, not_publishable) = self.alipay_items()?;
        let count = items.len();
        if !dry_run && self.setting(keys::ALIPAY_ITEM_CATEGORY)?.is_none_or(|c| c.trim().is_empty()) {
            return Err(AppError::new(
                "err-wallet-not-configured",
                vec![("wallet", "Alipay".into()), ("missing", keys::ALIPAY_ITEM_CATEGORY.into())],
            ));
        }
        let published: HashMap<String, PublishedItem> =
            self.store().alipay_published()?.into_iter().map(|p| (p.out_item_id.clone(), p)).collect();
        let changed: Vec<(Item, String)> = items
            .into_iter()
            .map(|i| {
                let h = item_hash(&i);
                (i, h)
            })
            .filter(|(i, h)| published.get(&i.out_item_id).map(|p| &p.hash) != Some(h))
            .collect();
        let mut report = PublishReport { unchanged: count - changed.len(), not_publishable, dry_run, ..Default::default() };
        if dry_run {
            report.sent = changed.into_iter().map(|(i, _)| i.out_item_id).collect();
            return Ok(report);
        }
        let c = self.alipay()?;
        let total = changed.len();
        let lang = self.lang();
        let at = self.now().to_rfc3339();
        // Each item is remembered as Alipay accepts it: a publish cut short (the counter
        // stopped, the network gone) resumes with what is left. The callbacks borrow the
        // counter: run here (a face's worker thread).
        let mut failure = None;
        crate::rt::block_on_here(publish_all(&c, &changed, &published, self.ts(), |n, done, result| {
            let (item, hash) = &changed[n];
            match result {
                Ok(item_id) => {
                    let p = PublishedItem { out_item_id: item.out_item_id.clone(), item_id, hash: hash.clone() };
                    if let Err(e) = self.store().alipay_item_published(&p, &at) {
                        failure.get_or_insert(e);
                    }
                    report.sent.push(item.out_item_id.clone());
                }
                Err(why) => report.refused.push(NotPublishable {
                    item_id: item.out_item_id.clone(),
                    name: item.title.clone(),
                    reason: self.i18n().t(lang, "alipay-item-refused", &[("error", Arg::Text(why))]),
                }),
            }
            if done % 100 == 0 || done == total {
                self.emit(Event::Progress { kind: "alipay-products", done, total });
            }
        }));
        if let Some(e) = failure {
            return Err(e.into());
        }
        self.audit(
            who,
            "alipay.products_publish",
            "menu",
            None,
            Some(format!("{} sent, {} refused", report.sent.len(), report.refused.len())),
        )?;
        Ok(report)
    }

    /// A fact only the merchant portal shows (the trade switch is on, coupons are set
    /// up), confirmed by `who` now — audited.
    pub fn alipay_confirm(&self, who: &Who, what: &str) -> Result<Confirmation> {
        self.allow(who, Action::ConfigureSettings)?;
        if !matches!(what, "trade_switch" | "coupons") {
            return Err(AppError::new("err-alipay-confirm-what", vec![("what", what.into())]));
        }
        let c = Confirmation { what: what.to_string(), by: self.cashier_name(who), at: self.now().to_rfc3339() };
        self.store().set_alipay_confirmation(&c)?;
        self.audit(who, "alipay.confirm", what, None, Some(c.by.clone()))?;
        Ok(c)
    }

    /// `push_alipay_syncs` now, asked by a technician (`quay alipay sync`).
    pub fn alipay_sync(&self, who: &Who) -> Result<SyncReport> {
        self.allow(who, Action::TestConnection)?;
        self.push_alipay_syncs()
    }

    /// Sends the queued order syncs (the background's work). A row leaves the outbox
    /// only when Alipay acknowledged it.
    pub(crate) fn push_alipay_syncs(&self) -> Result<SyncReport> {
        let pending = self.store().alipay_sync_pending(200)?;
        if pending.is_empty() {
            return Ok(SyncReport { synced: 0, failed: 0, pending: 0 });
        }
        let c = self.alipay()?;
        let shop_id = self.store_code().ok().and_then(|code| self.store().alipay_shop(&code).ok().flatten()).and_then(|s| s.shop_id);
        let (mut synced, mut failed) = (0, 0);
        for entry in pending {
            let Some(sale) = self.store().sale(entry.sale_id)? else {
                self.store().alipay_sync_failed(entry.sale_id, "no such sale")?;
                failed += 1;
                continue;
            };
            let order = match order_sync(&sale, entry.voided, shop_id.clone()) {
                Ok(o) => o,
                Err(e) => {
                    self.store().alipay_sync_failed(entry.sale_id, &e.to_string())?;
                    failed += 1;
                    continue;
                }
            };
            match crate::rt::block_on(c.order_sync(&order, self.ts())) {
                Ok(a) if a.code == "10000" => {
                    self.store().alipay_sync_done(entry.sale_id, entry.voided)?;
                    synced += 1;
                }
                Ok(a) => {
                    let why = format!("{} {}", a.sub_code.clone().unwrap_or(a.code.clone()), a.sub_msg.clone().unwrap_or_default());
                    tracing::warn!(sale = %entry.sale_id, why, "alipay order sync refused");
                    self.store().alipay_sync_failed(entry.sale_id, &why)?;
                    failed += 1;
                }
                Err(e) => {
                    self.store().alipay_sync_failed(entry.sale_id, &e.to_string())?;
                    failed += 1;
                    // Unreachable: the rest waits for the next round.
                    if e.retryable() {
                        break;
                    }
                }
            }
        }
        let pending = self.store().alipay_sync_pending(usize::MAX >> 1)?.len();
        Ok(SyncReport { synced, failed, pending })
    }
}

/// A sale as Alipay's order sync (`out_biz_no` = the sale id, on every re-sync).
fn order_sync(sale: &quay_core::sale::Sale, voided: bool, shop_id: Option<String>) -> std::result::Result<OrderSync, WalletError> {
    let alipay: Vec<&quay_core::tender::Tender> =
        sale.tenders.iter().filter(|t| t.kind == TenderKind::Wallet && t.partner.as_deref() == Some(Wallet::Alipay.as_str())).collect();
    let paid: i64 = alipay.iter().map(|t| t.amount).sum();
    let mut items = Vec::new();
    for l in &sale.lines {
        items.push(OrderLine {
            item_name: l.name.clone(),
            quantity: l.qty,
            unit_price_fen: cny::to_fen(Money::new(l.unit_price, sale.currency))?,
            out_item_id: Some(l.item_id.clone()),
            out_sku_id: l.sku.clone(),
        });
    }
    Ok(OrderSync {
        out_biz_no: sale.id.simple().to_string(),
        trade_no: alipay.first().and_then(|t| t.reference.clone()).unwrap_or_default(),
        amount_fen: cny::to_fen(Money::new(sale.total, sale.currency))?,
        pay_amount_fen: paid,
        items,
        shop_id,
        order_status: Some(if voided { "REFUNDED" } else { "FINISHED" }.into()),
    })
}

/// Sends the changed items, a few at a time (Alipay answers each call in tens of ms; one
/// by one a large menu would take minutes), handing `each` (item index, how many are done,
/// Alipay's item id or why it was refused) every result as it arrives.
async fn publish_all(
    c: &AlipayClient,
    items: &[(Item, String)],
    published: &HashMap<String, PublishedItem>,
    ts: chrono::NaiveDateTime,
    mut each: impl FnMut(usize, usize, std::result::Result<Option<String>, String>),
) {
    use futures_util::stream::{self, StreamExt};
    const AT_ONCE: usize = 8;
    let mut done = 0;
    let mut results = stream::iter(items.iter().enumerate())
        .map(|(n, (item, _))| async move {
            let known = published.contains_key(&item.out_item_id);
            (n, publish_one(c, item, known, ts).await)
        })
        .buffer_unordered(AT_ONCE);
    while let Some((n, r)) = results.next().await {
        done += 1;
        each(n, done, r);
    }
}

/// Creates an item, or modifies it when Alipay already has it (`OUT_ITEM_ID_EXIST`).
async fn publish_one(c: &AlipayClient, item: &Item, known: bool, ts: chrono::NaiveDateTime) -> std::result::Result<Option<String>, String> {
    let answer = if known { c.item_modify(item, ts).await } else { c.item_create(item, ts).await };
    let a = answer.map_err(|e| e.to_string())?;
    if a.code == "10000" {
        return Ok(a.item_id.clone());
    }
    if a.sub_code.as_deref().is_some_and(|s| s.ends_with("OUT_ITEM_ID_EXIST")) {
        let m = c.item_modify(item, ts).await.map_err(|e| e.to_string())?;
        if m.code == "10000" {
            return Ok(m.item_id.clone().or(a.item_id.clone()));
        }
        return Err(format!("{} {}", m.sub_code.unwrap_or(m.code), m.sub_msg.unwrap_or_default()));
    }
    Err(format!("{} {}", a.sub_code.clone().unwrap_or(a.code.clone()), a.sub_msg.clone().unwrap_or_default()))
}
