//! Orders of Nhanh's own channels (website, Facebook, marketplaces) at the counter: they
//! arrive by webhook and by polling the order list since the last update seen, and are
//! listed on the Online orders screen. The cashier confirms, prepares (the counter's own
//! stage: Nhanh has none between confirmed and packing), hands over or cancels — each
//! status written back to Nhanh through the outbox — or rings the order into a sale paid
//! at pickup, which hands it over when the sale closes.

use quay_core::auth::Action;
use quay_core::cart::CartCustomer;
use quay_core::error::Arg;
use quay_nhanh::client::{NhanhClient, OrderFilters};
use quay_nhanh::customer::Mobile;
use quay_nhanh::order::{self, Order, Stage};
use quay_nhanh::product;
use quay_store::nhanh::StoredOrder;
use serde::Serialize;

use crate::checkout::Checkout;
use crate::{AppError, Counter, Event, Result, Who};

/// The order list answers at most 31 days by update time.
const WINDOW_S: i64 = 31 * 24 * 3600;
/// Overlap of successive polls (clocks differ; a duplicate changes nothing).
const OVERLAP_S: i64 = 60;

#[derive(Debug, Clone, Serialize)]
pub struct OrderCustomer {
    pub name: Option<String>,
    pub mobile: Option<String>,
    pub address: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OrderLine {
    pub product_id: i64,
    /// The menu item it is, if the menu has it.
    pub item_id: Option<String>,
    pub name: String,
    pub quantity: i64,
    /// Unit price, in minor units (VND).
    pub price: i64,
    pub total: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct OnlineOrder {
    pub id: i64,
    /// `new`, `confirmed`, `preparing`, `handed_over`, `cancelled`, `returned`, `other`.
    pub stage: &'static str,
    pub nhanh_status: i64,
    pub channel: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub customer: OrderCustomer,
    pub lines: Vec<OrderLine>,
    pub total: i64,
    pub note: Option<String>,
    pub rung_sale: Option<String>,
    /// Paid before pickup (deposit, transfer), in minor units; `None` when Nhanh's amount
    /// cannot be read. Such an order is handed over, not rung up.
    pub prepaid: Option<i64>,
    /// Lines whose product the menu lacks (or whose quantity is not whole): the order
    /// cannot be rung until they are.
    pub unknown_products: usize,
}

/// What a cashier does with an online order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderAct {
    Confirm,
    Prepare,
    Done,
    Cancel,
}

impl OrderAct {
    pub fn parse(s: &str) -> Option<OrderAct> {
        Some(match s {
            "confirm" => OrderAct::Confirm,
            "prepare" => OrderAct::Prepare,
            "done" => OrderAct::Done,
            "cancel" => OrderAct::Cancel,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            OrderAct::Confirm => "confirm",
            OrderAct::Prepare => "prepare",
            OrderAct::Done => "done",
            OrderAct::Cancel => "cancel",
        }
    }

    /// The Nhanh status it writes (`None`: the counter's own stage only), if `stage`
    /// allows it.
    pub fn allowed(self, stage: &str) -> Option<Option<i64>> {
        match (self, stage) {
            (OrderAct::Confirm, "new") => Some(Some(56)),
            (OrderAct::Prepare, "confirmed") => Some(None),
            (OrderAct::Done, "confirmed" | "preparing") => Some(Some(60)),
            (OrderAct::Cancel, "new" | "confirmed" | "preparing") => Some(Some(63)),
            _ => None,
        }
    }
}

fn stage_name(s: Stage, preparing: bool) -> &'static str {
    match s {
        Stage::New => "new",
        Stage::Confirmed if preparing => "preparing",
        Stage::Confirmed => "confirmed",
        Stage::Preparing => "preparing",
        Stage::HandedOver => "handed_over",
        Stage::Cancelled => "cancelled",
        Stage::Returned => "returned",
        Stage::Other => "other",
    }
}

fn is_open(stage: &str) -> bool {
    matches!(stage, "new" | "confirmed" | "preparing")
}

fn unix(t: Option<i64>) -> Option<String> {
    t.and_then(|t| chrono::DateTime::from_timestamp(t, 0)).map(|d| d.to_rfc3339())
}

impl Counter {
    fn online_order(&self, s: &StoredOrder) -> Option<OnlineOrder> {
        let o: Order = serde_json::from_str(&s.body).ok()?;
        let menu = self.menu().ok();
        let mut unknown = 0;
        let lines: Vec<OrderLine> = o
            .products
            .iter()
            .map(|p| {
                let item_id = product::item_id(p.id);
                let on_menu = menu.as_ref().is_some_and(|m| m.item(&item_id).is_some());
                let whole = p.quantity_whole();
                if !on_menu || whole.is_none() {
                    unknown += 1;
                }
                let quantity = whole.unwrap_or(0);
                OrderLine {
                    product_id: p.id,
                    item_id: on_menu.then_some(item_id),
                    name: p.name.clone().unwrap_or_default(),
                    quantity,
                    price: p.price,
                    total: p.price * quantity - p.discount,
                }
            })
            .collect();
        let stage = if s.rung_sale.is_some() && is_open(stage_name(order::stage(s.status), s.preparing)) {
            "handed_over"
        } else {
            stage_name(order::stage(s.status), s.preparing)
        };
        Some(OnlineOrder {
            id: s.id,
            stage,
            nhanh_status: s.status,
            channel: o.channel.sale_channel.map(|c| c.to_string()),
            created_at: unix(o.info.created_at),
            updated_at: unix(Some(s.updated_at)),
            customer: OrderCustomer {
                name: o.shipping_address.name.clone(),
                mobile: o.shipping_address.mobile.clone(),
                address: o.shipping_address.address.clone(),
            },
            total: lines.iter().map(|l| l.total).sum(),
            lines,
            note: o.info.description.clone(),
            rung_sale: s.rung_sale.clone(),
            prepaid: o.prepaid().ok(),
            unknown_products: unknown,
        })
    }

    pub(crate) fn nhanh_open_orders(&self) -> Result<usize> {
        Ok(self.store().nhanh_open_orders()?)
    }

    /// The online orders: open ones (new, confirmed, preparing), or all that are kept.
    pub fn nhanh_orders(&self, who: &Who, all: bool) -> Result<Vec<OnlineOrder>> {
        self.allow(who, Action::ViewSales)?;
        let stored = self.store().nhanh_orders()?;
        Ok(stored.iter().filter_map(|s| self.online_order(s)).filter(|o| all || is_open(o.stage)).collect())
    }

    fn nhanh_order_view(&self, id: i64) -> Result<OnlineOrder> {
        let s = self.store().nhanh_order(id)?.filter(|s| !s.deleted);
        s.and_then(|s| self.online_order(&s)).ok_or_else(|| AppError::new("err-nhanh-no-such-order", vec![("id", Arg::Int(id))]))
    }

    /// A cashier's act on an online order. The status is queued for Nhanh (and sent at
    /// once when Nhanh answers); the screen shows it straight away.
    pub fn nhanh_order_act(&self, who: &Who, id: i64, act: OrderAct) -> Result<OnlineOrder> {
        self.allow(who, Action::RingSale)?;
        let order = self.nhanh_order_view(id)?;
        let Some(status) = act.allowed(order.stage) else {
            return Err(AppError::new(
                "err-nhanh-order-act",
                vec![("id", Arg::Int(id)), ("act", act.as_str().into()), ("stage", order.stage.into())],
            ));
        };
        match status {
            None => self.store().nhanh_order_preparing(id)?,
            Some(status) => {
                self.store().nhanh_enqueue_status(id, status, &self.now().to_rfc3339())?;
                self.store().nhanh_order_status(id, status)?;
            }
        }
        self.audit(
            who,
            &format!("nhanh.order_{}", act.as_str()),
            &id.to_string(),
            Some(order.stage.to_string()),
            status.map(|s| s.to_string()),
        )?;
        self.nhanh.wake.notify_one();
        self.nhanh_orders_changed()?;
        self.nhanh_order_view(id)
    }

    /// Online order `id` if it can be rung now: open, not rung by another sale, not paid
    /// online, every product known here.
    pub(crate) fn nhanh_ringable(&self, id: i64) -> Result<OnlineOrder> {
        let order = self.nhanh_order_view(id)?;
        if !is_open(order.stage) || order.rung_sale.is_some() {
            return Err(AppError::new(
                "err-nhanh-order-act",
                vec![("id", Arg::Int(id)), ("act", "ring".into()), ("stage", order.stage.into())],
            ));
        }
        if order.prepaid != Some(0) {
            let paid =
                order.prepaid.map(|p| quay_core::Money::new(p, self.config.currency).into()).unwrap_or_else(|| Arg::Text("?".into()));
            return Err(AppError::new("err-nhanh-order-prepaid", vec![("id", Arg::Int(id)), ("paid", paid)]));
        }
        if order.unknown_products > 0 {
            return Err(AppError::new(
                "err-nhanh-order-unknown-products",
                vec![("id", Arg::Int(id)), ("count", Arg::Int(order.unknown_products as i64))],
            ));
        }
        Ok(order)
    }

    /// Whether online order `id`, rung into a cart before a restart, is still to be paid at
    /// the counter: not when it is gone, closed, rung by another sale or paid online. An
    /// error: the store could not say. (Its lines are the cart's already: products the
    /// menu lost since do not matter here.)
    pub(crate) fn nhanh_still_to_ring(&self, id: i64) -> Result<bool> {
        let order = match self.nhanh_order_view(id) {
            Ok(o) => o,
            Err(e) if e.code == "err-nhanh-no-such-order" => return Ok(false),
            Err(e) => return Err(e),
        };
        Ok(is_open(order.stage) && order.rung_sale.is_none() && order.prepaid.is_none_or(|p| p == 0))
    }

    /// Rings an online order into the checkout's (empty) cart at the prices the customer
    /// was given, with its customer; the sale, when paid, hands the order over.
    pub fn nhanh_order_ring(&self, co: &Checkout, who: &Who, id: i64) -> Result<quay_core::cart::Cart> {
        self.allow(who, Action::RingSale)?;
        let order = self.nhanh_ringable(id)?;
        let customer = order.customer.mobile.as_deref().and_then(|m| Mobile::parse(m).ok()).map(|m| CartCustomer {
            mobile: m.as_str().to_string(),
            name: order.customer.name.clone(),
            address: order.customer.address.clone(),
        });
        self.edit_cart(co, who, |cart, menu, now| {
            if !cart.is_empty() {
                return Err(AppError::new("err-nhanh-cart-busy", vec![]));
            }
            for l in &order.lines {
                let item = l.item_id.as_deref().unwrap_or_default();
                for (qty, unit) in split_price(l.quantity, l.total) {
                    cart.add_ordered(menu, item, qty, unit, None, now)?;
                }
            }
            cart.customer = customer;
            cart.online_order = Some(id);
            Ok(())
        })
    }

    /// Puts a customer on the checkout's cart by mobile number (`None` or blank: none).
    /// Vietnamese numbers are normalised (`+84…`, `84…` and `0…` are one customer) and
    /// anything that is not a Vietnamese mobile is refused, the cart unchanged. A name
    /// and address the counter knows for the number come with it.
    pub fn cart_customer(&self, co: &Checkout, who: &Who, mobile: Option<&str>) -> Result<quay_core::cart::Cart> {
        self.allow(who, Action::RingSale)?;
        let customer = match mobile.map(str::trim).filter(|m| !m.is_empty()) {
            None => None,
            Some(m) => {
                let m = Mobile::parse(m)?;
                let known = self.store().nhanh_customer(m.as_str())?;
                let (name, address) = known.map(|(_, n, a)| (n, a)).unwrap_or_default();
                Some(CartCustomer { mobile: m.as_str().to_string(), name, address })
            }
        };
        self.edit_cart(co, who, |cart, _, _| {
            if cart.online_order.is_some() {
                // The online order's customer is the order's own.
                return Err(AppError::new("err-nhanh-cart-busy", vec![]));
            }
            cart.customer = customer;
            Ok(())
        })
    }

    /// Orders changed since the last poll (or since connecting: no backfill), one page at
    /// a time. Returns how many changed here.
    pub(crate) fn nhanh_poll_orders(&self) -> Result<usize> {
        let client = self.nhanh_client(true)?;
        let now = self.now().timestamp();
        let since: i64 = self.nhanh_state("orders_since")?.and_then(|t| t.parse().ok()).unwrap_or(now);
        let seen: i64 = self.nhanh_state("orders_seen")?.and_then(|t| t.parse().ok()).unwrap_or(since);
        let from = seen.max(since).saturating_sub(OVERLAP_S).max(now - WINDOW_S + OVERLAP_S);
        let filters = OrderFilters { updated_at_from: Some(from), updated_at_to: Some(now + OVERLAP_S), ..Default::default() };
        let orders = crate::rt::block_on(client.orders_all(&filters)).inspect_err(|e| self.nhanh_error(e))?;
        let mut changed = 0;
        let mut newest = seen;
        for o in &orders {
            newest = newest.max(o.info.updated_at.unwrap_or(0));
            changed += usize::from(self.nhanh_order_in(o, since)?);
        }
        self.set_nhanh_state("orders_seen", &newest.min(now).to_string())?;
        if changed > 0 {
            self.nhanh_orders_changed()?;
        }
        Ok(changed)
    }

    /// Keeps an order of Nhanh's channels (from a webhook or the list). An echo of the
    /// counter's own sale, an order from before the connection, or an older version than
    /// the one kept change nothing. Returns whether it changed.
    pub(crate) fn nhanh_order_in(&self, o: &Order, since: i64) -> Result<bool> {
        self.nhanh_order_in_as(o, since, false)
    }

    /// `force`: Nhanh was just asked for this order; its answer wins over the counter's.
    fn nhanh_order_in_as(&self, o: &Order, since: i64, force: bool) -> Result<bool> {
        if let Some(app_id) = o.channel.app_order_id.as_deref() {
            // A counter sale made through the API — this counter's own (an echo) or another
            // register's of the business — is not an order to prepare.
            if o.info.kind == Some(quay_nhanh::order::TYPE_COUNTER) {
                return Ok(false);
            }
            if let Ok(sale) = uuid::Uuid::parse_str(app_id) {
                if self.store().sale(sale)?.is_some() {
                    return Ok(false);
                }
            }
        }
        let known = self.store().nhanh_order(o.info.id)?.is_some();
        if !known && o.info.created_at.unwrap_or(i64::MAX) < since && o.info.updated_at.unwrap_or(0) < since {
            return Ok(false);
        }
        let mobile = o.shipping_address.mobile.as_deref().and_then(|m| Mobile::parse(m).ok());
        let body = serde_json::to_string(o).map_err(AppError::internal)?;
        let at = self.now().to_rfc3339();
        let updated = o.info.updated_at.unwrap_or(0);
        let changed =
            self.store().nhanh_order_put(o.info.id, o.info.status, updated, mobile.as_ref().map(|m| m.as_str()), &body, &at, force)?;
        if let (true, Some(m)) = (changed, &mobile) {
            self.store().nhanh_customer_put(
                m.as_str(),
                o.customer_id(),
                o.shipping_address.name.as_deref(),
                o.shipping_address.address.as_deref(),
                &at,
            )?;
        }
        Ok(changed)
    }

    pub(crate) fn nhanh_refresh_order(&self, client: &NhanhClient, id: i64) -> Result<()> {
        let filters = OrderFilters { ids: vec![id], ..Default::default() };
        let orders = crate::rt::block_on(client.orders_all(&filters))?;
        for o in &orders {
            self.nhanh_order_in_as(o, 0, true)?;
        }
        self.nhanh_orders_changed()
    }

    pub(crate) fn nhanh_orders_changed(&self) -> Result<()> {
        let open = self.nhanh_open_orders()?;
        self.emit(Event::NhanhOrders { open });
        Ok(())
    }
}

/// A line's total as cart lines of whole units: one line when it divides evenly, else
/// the remainder on one unit of its own, so the sale totals exactly what Nhanh says.
fn split_price(qty: i64, total: i64) -> Vec<(i64, i64)> {
    if qty <= 0 {
        return vec![];
    }
    let (unit, rest) = (total.div_euclid(qty), total.rem_euclid(qty));
    match (rest, qty) {
        (0, _) => vec![(qty, unit)],
        (_, 1) => vec![(1, total)],
        _ => vec![(qty - 1, unit), (1, unit + rest)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acts_follow_the_stage() {
        let table = [
            (OrderAct::Confirm, "new", Some(Some(56))),
            (OrderAct::Confirm, "confirmed", None),
            (OrderAct::Prepare, "confirmed", Some(None)),
            (OrderAct::Prepare, "new", None),
            (OrderAct::Done, "preparing", Some(Some(60))),
            (OrderAct::Done, "new", None),
            (OrderAct::Cancel, "preparing", Some(Some(63))),
            (OrderAct::Cancel, "handed_over", None),
            (OrderAct::Cancel, "cancelled", None),
        ];
        for (act, stage, want) in table {
            assert_eq!(act.allowed(stage), want, "{act:?} from {stage}");
        }
    }

    #[test]
    fn split_prices_keep_the_total() {
        for (qty, total, want) in
            [(3, 90_000, vec![(3, 30_000)]), (3, 100_000, vec![(2, 33_333), (1, 33_334)]), (1, 45_500, vec![(1, 45_500)]), (0, 10, vec![])]
        {
            let got = split_price(qty, total);
            assert_eq!(got, want);
            assert_eq!(got.iter().map(|(q, u)| q * u).sum::<i64>(), if qty > 0 { total } else { 0 });
        }
    }
}
