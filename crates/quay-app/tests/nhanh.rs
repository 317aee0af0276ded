//! Nhanh.vn (seed 002, issue 16) end to end against the strict v3 simulator: connecting
//! (the rules of seed 002), products in (full, by webhook, by stock change), sales out
//! exactly once through dropped answers, voids, online orders in and back, customers by
//! mobile, webhooks with right and wrong tokens and duplicates, the rate limit and the
//! permissions, and bad input that changes nothing.

use std::net::TcpListener as StdListener;
use std::sync::Arc;
use std::time::Duration;

use quay_app::nhanh::OrderAct;
use quay_app::ring::{parse_line, Pay};
use quay_app::{Counter, Who};
use quay_sim::nhanh::{
    start_nhanh_in_thread, ChannelOrder, NhanhGrant, NhanhProduct, NhanhSimConfig, NhanhSimHandle, SendOptions, WebhookVersion,
};

const HUB_MENU: &[u8] = include_bytes!("../../../assets/demo-menu.json");
const VERIFY: &str = "QuayTestVerifyToken0001";

struct Shop {
    sim: NhanhSimHandle,
    counter: Arc<Counter>,
    _dir: tempfile::TempDir,
}

fn configure(c: &Counter, sim: &NhanhSimHandle) {
    for (k, v) in [
        ("nhanh.url", sim.url.as_str()),
        ("nhanh.app_id", NhanhSimConfig::SANDBOX_APP_ID),
        ("nhanh.depot_id", "101"),
        ("menu.source", "nhanh"),
    ] {
        c.set_setting(k, v).unwrap();
    }
    c.set_secret("nhanh.secret_key", NhanhSimConfig::SANDBOX_SECRET_KEY).unwrap();
}

fn shop_with(config: NhanhSimConfig) -> Shop {
    let sim = start_nhanh_in_thread(config);
    let dir = tempfile::tempdir().unwrap();
    let c = Arc::new(Counter::open(dir.path()).unwrap());
    configure(&c, &sim);
    Shop { sim, counter: c, _dir: dir }
}

/// A counter connected to the sandbox business, its menu from Nhanh.
fn connected() -> Shop {
    let s = shop_with(NhanhSimConfig::sandbox());
    let status = s.counter.nhanh_connect(&Who::Setup, Some(NhanhSimConfig::SANDBOX_ACCESS_CODE)).unwrap();
    assert!(status.connected, "{status:?}");
    s
}

fn ring(c: &Counter, lines: &[&str]) -> quay_core::Sale {
    let lines: Vec<_> = lines.iter().map(|l| parse_line(l).unwrap()).collect();
    c.ring(&Who::Setup, &lines, &Pay::Cash(None)).unwrap()
}

/// Pushes until nothing waits (dropped answers are retried), at most `rounds` times.
fn drain(c: &Counter, rounds: usize) -> quay_app::nhanh::PushReport {
    let mut last = c.nhanh_send(&Who::Setup).unwrap();
    for _ in 0..rounds {
        if last.pending == 0 {
            break;
        }
        last = c.nhanh_send(&Who::Setup).unwrap();
    }
    last
}

#[test]
fn connecting_records_the_grant_and_the_menu_comes_from_nhanh() {
    let s = connected();
    let c = &s.counter;
    let st = c.nhanh_status(&Who::Setup).unwrap();
    assert_eq!(st.business_id.as_deref(), Some("42861"));
    assert_eq!(st.depots, vec![101, 102]);
    assert_eq!(st.depot_id, Some(101));
    assert!(st.days_left.unwrap() > 300 && !st.token_warning, "{st:?}");
    assert!(st.missing.is_empty(), "{:?}", st.missing);
    assert!(c.has_secret("nhanh.access_token").unwrap());
    let menu = c.menu().unwrap();
    let item = |id: &str| menu.item(id).cloned();
    // Retail 29,000 excluding 8% VAT → 31,320 inclusive.
    let sua_da = item("nh-5001").unwrap();
    assert_eq!((sua_da.price, sua_da.tax_rate_bp, sua_da.available), (31_320, 800, true));
    assert_eq!(sua_da.sku.as_deref(), Some("CF-SUADA"));
    assert_eq!(sua_da.barcode.as_deref(), Some("8930000005001"));
    // Already inclusive; not subject to VAT; an inclusive 10% on a New product.
    assert_eq!(item("nh-5002").map(|i| (i.price, i.tax_rate_bp)), Some((35_000, 800)));
    assert_eq!(item("nh-5003").map(|i| (i.price, i.tax_rate_bp)), Some((25_000, 0)));
    assert_eq!(item("nh-5004").map(|i| (i.price, i.tax_rate_bp, i.available)), Some((49_500, 1_000, true)));
    // Inactive: not on the menu. OutOfStock: sold out. Weighed: skipped, reported.
    assert!(item("nh-5005").is_none());
    assert_eq!(item("nh-5007").map(|i| i.available), Some(false));
    assert!(item("nh-5008").is_none());
    let st = c.nhanh_status(&Who::Setup).unwrap();
    assert!(st.skipped.iter().any(|k| k.product_id == 5008 && !k.message.is_empty()), "{:?}", st.skipped);
    assert!(menu.categories().any(|k| k.id == "nh-c11" && k.name == "Cà phê"));
    // A sync again is the same menu.
    let hash = menu.content_hash();
    c.nhanh_sync_products(&Who::Setup).unwrap();
    assert_eq!(c.menu().unwrap().content_hash(), hash);
}

#[test]
fn one_business_per_counter_and_disconnect_keeps_the_history() {
    let s = connected();
    let c = &s.counter;
    // Another business id while connected is refused; the same business is fine.
    let err = c.save_settings(&Who::Setup, &[("nhanh.business_id".into(), "99999".into())]).unwrap_err();
    assert_eq!(err.code, "err-nhanh-other-business");
    // A new grant for the same business refreshes the token and the permissions.
    let code = s.sim.issue_access_code();
    let st = c.nhanh_connect(&Who::Setup, Some(&code)).unwrap();
    assert_eq!(st.history.len(), 1);
    // Disconnect: the history stays, the token goes, sales are no longer queued.
    let st = c.nhanh_disconnect(&Who::Setup).unwrap();
    assert!(!st.connected);
    assert_eq!(st.history.len(), 1);
    assert!(st.history[0].disconnected_at.is_some());
    assert!(!c.has_secret("nhanh.access_token").unwrap());
    ring(c, &["nh-5001"]);
    assert_eq!(c.nhanh_status(&Who::Setup).unwrap().pending_sales, 0);
    assert_eq!(c.nhanh_disconnect(&Who::Setup).unwrap_err().code, "err-nhanh-not-connected");
    // Connecting again opens a second record.
    let code = s.sim.issue_access_code();
    assert_eq!(c.nhanh_connect(&Who::Setup, Some(&code)).unwrap().history.len(), 2);
}

#[test]
fn sales_reach_nhanh_exactly_once_through_dropped_answers_and_voids_cancel() {
    let s = connected();
    let c = &s.counter;
    s.sim.drop_answers("order/add", 3);
    let sales: Vec<_> = (0..6).map(|i| ring(c, &[if i % 2 == 0 { "nh-5001" } else { "nh-5002*2" }])).collect();
    let report = drain(c, 10);
    assert_eq!(report.pending, 0, "{report:?}");
    let orders = s.sim.orders();
    for sale in &sales {
        let found: Vec<_> = orders.iter().filter(|o| o.app_order_id.as_deref() == Some(sale.id.to_string().as_str())).collect();
        assert_eq!(found.len(), 1, "sale {} is in Nhanh once", sale.receipt_no);
        assert_eq!(found[0].kind, 2, "a counter order");
    }
    assert_eq!(orders.len(), sales.len());
    // The void cancels the order of its sale.
    c.void_sale(sales[1].id, "wrong order", &Who::Setup, &Who::Setup).unwrap();
    drain(c, 3);
    let order = s.sim.order_by_app_id(&sales[1].id.to_string()).unwrap();
    assert_eq!(order.status, 63);
}

#[test]
fn a_sale_of_an_item_nhanh_lacks_is_reported_not_dropped() {
    let s = shop_with(NhanhSimConfig::sandbox());
    let c = &s.counter;
    c.set_setting("menu.source", "hub").unwrap();
    c.import_menu(&Who::Setup, HUB_MENU).unwrap();
    c.nhanh_connect(&Who::Setup, Some(NhanhSimConfig::SANDBOX_ACCESS_CODE)).unwrap();
    ring(c, &["i-phobo"]);
    let r = c.nhanh_send(&Who::Setup).unwrap();
    assert_eq!((r.sent, r.rejected), (0, 1), "{r:?}");
    let st = c.nhanh_status(&Who::Setup).unwrap();
    assert_eq!((st.pending_sales, st.rejected_sales), (0, 1));
    assert!(s.sim.orders().is_empty());
}

#[test]
fn online_orders_are_confirmed_rung_up_and_handed_over() {
    let s = connected();
    let c = &s.counter;
    let order = s.sim.channel_order(ChannelOrder { products: vec![(5001, 2.0), (5004, 1.0)], ..Default::default() }).unwrap();
    c.nhanh_send(&Who::Setup).unwrap();
    let open = c.nhanh_orders(&Who::Setup, false).unwrap();
    let o = open.iter().find(|o| o.id == order.id).expect("the channel order is listed");
    assert_eq!(o.stage, "new");
    assert_eq!(o.customer.mobile.as_deref(), Some("0903123456"));
    assert_eq!(o.unknown_products, 0);
    // Confirm: written to Nhanh.
    let o = c.nhanh_order_act(&Who::Setup, order.id, OrderAct::Confirm).unwrap();
    assert_eq!(o.stage, "confirmed");
    drain(c, 3);
    assert_eq!(s.sim.order(order.id).unwrap().status, 56);
    // Confirming twice is refused.
    assert_eq!(c.nhanh_order_act(&Who::Setup, order.id, OrderAct::Confirm).unwrap_err().code, "err-nhanh-order-act");
    assert_eq!(c.nhanh_order_act(&Who::Setup, order.id, OrderAct::Prepare).unwrap().stage, "preparing");
    // Rung up at the order's prices, with its customer; paid at pickup.
    let co = c.checkout();
    let cart = c.nhanh_order_ring(&co, &Who::Setup, order.id).unwrap();
    assert_eq!(cart.online_order, Some(order.id));
    assert_eq!(cart.customer.as_ref().map(|k| k.mobile.as_str()), Some("0903123456"));
    assert_eq!(cart.totals().unwrap().total.minor, o.total);
    let sale = c.pay_cash(&co, &Who::Setup, None).unwrap();
    drain(c, 3);
    // Handed over, not added again.
    assert_eq!(s.sim.order(order.id).unwrap().status, 60);
    assert!(s.sim.order_by_app_id(&sale.id.to_string()).is_none());
    assert!(c.nhanh_orders(&Who::Setup, false).unwrap().iter().all(|o| o.id != order.id));
    // A customer of an order is known by mobile afterwards.
    let co = c.checkout();
    let cart = c.cart_customer(&co, &Who::Setup, Some("+84 903 123 456")).unwrap();
    assert_eq!(cart.customer.unwrap().name.as_deref(), Some("Lê Minh Châu"));
}

#[test]
fn an_online_order_kept_on_the_screen_is_asked_again_after_a_restart() {
    let s = connected();
    let c = &s.counter;
    let order = s.sim.channel_order(ChannelOrder { products: vec![(5002, 1.0)], ..Default::default() }).unwrap();
    c.nhanh_send(&Who::Setup).unwrap();
    {
        let co = c.screen_checkout();
        c.nhanh_order_ring(&co, &Who::Setup, order.id).unwrap();
    }
    // The window restarted, the order still open: it is back, still the online order's.
    {
        let co = c.screen_checkout();
        assert_eq!(c.cart_view(&co, &Who::Setup).unwrap().lines.len(), 1);
        assert_eq!(co.cart_snapshot().online_order, Some(order.id));
    }
    // Called off meanwhile (the customer cancelled it): after the next restart the cart
    // does not come back to be rung and paid again.
    c.nhanh_order_act(&Who::Setup, order.id, OrderAct::Cancel).unwrap();
    let co = c.screen_checkout();
    assert!(c.cart_view(&co, &Who::Setup).unwrap().lines.is_empty());
    drop(co);
    assert!(c.cart_view(&c.screen_checkout(), &Who::Setup).unwrap().lines.is_empty(), "forgotten, not kept");
}

#[test]
fn customers_are_looked_up_by_mobile_and_added_once() {
    let s = connected();
    let c = &s.counter;
    let before = s.sim.customers().len();
    for mobile in ["0912 345 678", "+84912345678", "0977.111.222", "84977111222"] {
        let co = c.checkout();
        c.edit_cart(&co, &Who::Setup, |cart, menu, now| Ok(cart.add(menu, "nh-5001", &[], 1, None, now).map(|_| ())?)).unwrap();
        c.cart_customer(&co, &Who::Setup, Some(mobile)).unwrap();
        c.pay_cash(&co, &Who::Setup, None).unwrap();
    }
    drain(c, 3);
    let customers = s.sim.customers();
    // 0912345678 existed; 0977111222 is new, added once for its two sales.
    assert_eq!(customers.len(), before + 1);
    assert_eq!(customers.iter().filter(|k| k.mobile == "0977111222").count(), 1);
    // Not a Vietnamese mobile: refused, the cart unchanged.
    let co = c.checkout();
    for bad in ["12345", "0212345678", "+1 555 0100", "09123456789"] {
        assert_eq!(c.cart_customer(&co, &Who::Setup, Some(bad)).unwrap_err().code, "err-nhanh-invalid-mobile", "{bad}");
    }
    assert!(c.cart_view(&co, &Who::Setup).unwrap().customer.is_none());
}

fn free_port() -> u16 {
    StdListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A counter whose webhook listener runs, and the simulator sending to it.
fn listening() -> (Shop, tokio::runtime::Runtime) {
    let s = connected();
    let port = free_port();
    s.counter.set_setting("nhanh.webhook.listen", &format!("127.0.0.1:{port}")).unwrap();
    s.counter.set_secret("nhanh.webhook.token", VERIFY).unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (addr, token) = s.counter.nhanh_webhook_config().unwrap().unwrap();
    rt.spawn(quay_app::nhanh::listen(s.counter.clone(), addr, token));
    for _ in 0..50 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    s.sim.set_webhook(&format!("http://127.0.0.1:{port}{}", quay_app::nhanh::PATH), VERIFY, WebhookVersion::V3);
    (s, rt)
}

#[test]
fn webhooks_change_the_menu_in_place_and_wrong_tokens_change_nothing() {
    let (s, _rt) = listening();
    let c = &s.counter;
    let version = c.menu().unwrap().version();
    // A price change: productUpdate.
    s.sim.set_price(5001, 30_000);
    s.sim.wait_deliveries(1, Duration::from_secs(5));
    c.nhanh_process_inbox().unwrap();
    assert_eq!(c.menu().unwrap().item("nh-5001").unwrap().price, 32_400);
    assert_eq!(c.menu().unwrap().version(), version + 1);
    // Stock gone in the counter's depot: sold out; back: available.
    s.sim.set_stock(5002, 101, 0.0, 0.0);
    s.sim.wait_deliveries(2, Duration::from_secs(5));
    c.nhanh_process_inbox().unwrap();
    assert!(!c.menu().unwrap().item("nh-5002").unwrap().available);
    // Restocked, sold out, restocked: the third delivery equals the first and still counts.
    for (n, (remain, available)) in [(5.0, true), (0.0, false), (5.0, true)].into_iter().enumerate() {
        s.sim.set_stock(5002, 101, remain, 0.0);
        s.sim.wait_deliveries(3 + n, Duration::from_secs(5));
        c.nhanh_process_inbox().unwrap();
        assert_eq!(c.menu().unwrap().item("nh-5002").unwrap().available, available, "delivery {n}");
    }
    // Stock in another depot says nothing about this counter's.
    s.sim.set_stock(5002, 102, 0.0, 0.0);
    s.sim.wait_deliveries(6, Duration::from_secs(5));
    c.nhanh_process_inbox().unwrap();
    assert!(c.menu().unwrap().item("nh-5002").unwrap().available);
    // A wrong token: 401, nothing kept or changed.
    let hash = c.menu().unwrap().content_hash();
    let d = s.sim.send_product_event("productUpdate", 5001, SendOptions { wrong_token: true, ..Default::default() }).unwrap();
    assert!(d.iter().all(|d| d.statuses.iter().all(|st| *st == Some(401))), "{d:?}");
    c.nhanh_process_inbox().unwrap();
    assert_eq!(c.menu().unwrap().content_hash(), hash);
    assert!(c.nhanh_status(&Who::Setup).unwrap().webhook.rejected >= 1);
    // The same delivery three times: kept once, applied once.
    let version = c.menu().unwrap().version();
    let d = s.sim.send_order_event("orderAdd", 0, SendOptions::default());
    assert!(d.is_none(), "no such order");
    let order = s.sim.channel_order(ChannelOrder::default()).unwrap();
    s.sim.send_order_event("orderAdd", order.id, SendOptions { copies: 3, ..Default::default() });
    let r = c.nhanh_process_inbox().unwrap();
    assert!(r.failed == 0, "{r:?}");
    assert_eq!(c.nhanh_orders(&Who::Setup, false).unwrap().iter().filter(|o| o.id == order.id).count(), 1);
    assert_eq!(c.menu().unwrap().version(), version, "orders do not touch the menu");
    // A product deleted in Nhanh leaves the menu.
    s.sim.product_delete(&[5003]);
    std::thread::sleep(Duration::from_millis(300));
    c.nhanh_process_inbox().unwrap();
    assert!(c.menu().unwrap().item("nh-5003").is_none());
}

#[test]
fn the_rate_limit_is_waited_out_and_a_missing_permission_names_its_job() {
    let s = connected();
    let c = &s.counter;
    let calls = s.sim.calls("product/list");
    s.sim.force_lock("product/list", 2);
    let t = std::time::Instant::now();
    c.nhanh_sync_products(&Who::Setup).unwrap();
    assert!(t.elapsed() >= Duration::from_millis(900), "slept until the lock ended");
    assert!(s.sim.calls("product/list") - calls <= 2, "never hammered a locked path");
    // A grant without order/add: the sale waits, the error names the job.
    let mut grant = NhanhGrant { depot_ids: vec![101, 102], ..Default::default() };
    grant.permissions.retain(|p| p != "order/add");
    let code = s.sim.issue_access_code_with(grant);
    let st = c.nhanh_connect(&Who::Setup, Some(&code)).unwrap();
    assert!(st.missing.iter().any(|m| m.permission == "order/add"), "{:?}", st.missing);
    s.sim.end_replaced_grace();
    ring(c, &["nh-5001"]);
    let r = c.nhanh_send(&Who::Setup).unwrap();
    assert_eq!((r.sent, r.failed, r.pending), (0, 1, 1));
    let st = c.nhanh_status(&Who::Setup).unwrap();
    let e = st.last_error.expect("the refusal is shown");
    assert!(e.message.contains("order/add"), "{}", e.message);
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let s = shop_with(NhanhSimConfig::sandbox());
    let c = &s.counter;
    assert_eq!(c.nhanh_connect(&Who::Setup, Some("  ")).unwrap_err().code, "err-nhanh-access-code");
    assert!(c.nhanh_connect(&Who::Setup, Some("NOT-A-CODE")).is_err());
    assert!(!c.nhanh_status(&Who::Setup).unwrap().connected);
    c.nhanh_connect(&Who::Setup, Some(NhanhSimConfig::SANDBOX_ACCESS_CODE)).unwrap();
    // An expired token: the sync fails, the old menu stays.
    let hash = c.menu().unwrap().content_hash();
    s.sim.expire_tokens();
    let e = c.nhanh_sync_products(&Who::Setup).unwrap_err();
    assert!(e.code.starts_with("err-nhanh"), "{e:?}");
    assert_eq!(c.menu().unwrap().content_hash(), hash);
    assert!(c.nhanh_status(&Who::Setup).unwrap().last_error.is_some());
}

#[test]
fn a_rung_up_order_keeps_its_lines_and_its_void_is_shown_not_lost() {
    let s = connected();
    let c = &s.counter;
    let order = s.sim.channel_order(ChannelOrder { products: vec![(5002, 1.0)], ..Default::default() }).unwrap();
    c.nhanh_send(&Who::Setup).unwrap();
    let co = c.checkout();
    let cart = c.nhanh_order_ring(&co, &Who::Setup, order.id).unwrap();
    let line = cart.lines[0].line_id;
    // The order's lines are the order's: no line added, changed or removed.
    let add = c.edit_cart(&co, &Who::Setup, |cart, menu, now| Ok(cart.add(menu, "nh-5001", &[], 1, None, now).map(|_| ())?));
    assert_eq!(add.unwrap_err().code, "err-cart-online-order");
    let remove = c.edit_cart(&co, &Who::Setup, |cart, _, _| Ok(cart.remove(line)?));
    assert_eq!(remove.unwrap_err().code, "err-cart-online-order");
    let sale = c.pay_cash(&co, &Who::Setup, None).unwrap();
    drain(c, 3);
    assert_eq!(s.sim.order(order.id).unwrap().status, 60);
    // A void of the sale: Nhanh locks a handed-over order, so it is kept, refused, shown.
    c.void_sale(sale.id, "customer returned it", &Who::Setup, &Who::Setup).unwrap();
    drain(c, 3);
    assert_eq!(s.sim.order(order.id).unwrap().status, 60);
    assert_eq!(c.nhanh_status(&Who::Setup).unwrap().rejected_sales, 1);
}

#[test]
fn account_refusals_are_retried_not_refused_for_good() {
    let s = connected();
    let c = &s.counter;
    s.sim.set_business_enabled(false);
    let sale = ring(c, &["nh-5001"]);
    let r = c.nhanh_send(&Who::Setup).unwrap();
    assert_eq!((r.sent, r.rejected, r.pending), (0, 0, 1), "{r:?}");
    s.sim.set_business_enabled(true);
    assert_eq!(drain(c, 3).pending, 0);
    assert!(s.sim.order_by_app_id(&sale.id.to_string()).is_some());
}

#[test]
fn another_business_never_gets_what_was_left_for_the_first() {
    let first = connected();
    let c = &first.counter;
    first.sim.drop_answers("order/add", 100);
    let left = ring(c, &["nh-5001"]);
    c.nhanh_send(&Who::Setup).unwrap();
    c.nhanh_disconnect(&Who::Setup).unwrap();
    // A second business on its own Nhanh.
    let mut config = NhanhSimConfig::sandbox();
    config.business_id = 50_001;
    let second = start_nhanh_in_thread(config);
    c.set_setting("nhanh.url", &second.url).unwrap();
    c.set_setting("nhanh.business_id", "50001").unwrap();
    let st = c.nhanh_connect(&Who::Setup, Some(NhanhSimConfig::SANDBOX_ACCESS_CODE)).unwrap();
    assert_eq!(st.business_id.as_deref(), Some("50001"));
    assert_eq!(st.pending_sales, 0, "the first business's sale is not queued for the second");
    let sale = ring(c, &["nh-5002"]);
    drain(c, 3);
    let orders = second.orders();
    assert_eq!(orders.len(), 1);
    assert_eq!(orders[0].app_order_id.as_deref(), Some(sale.id.to_string().as_str()));
    assert!(second.order_by_app_id(&left.id.to_string()).is_none());
    // Its void goes nowhere either: the first business is not connected.
    c.void_sale(left.id, "wrong order", &Who::Setup, &Who::Setup).unwrap();
    drain(c, 3);
    assert_eq!(second.orders().len(), 1);
}

/// The soak of issue 16: sales flow out while Nhanh drops answers after storing them,
/// rate-limits, and sends its webhooks (the echoes of the counter's own orders) twice.
#[test]
fn soak_sales_flow_out_exactly_once_through_faults() {
    let (s, _rt) = listening();
    let c = &s.counter;
    let mut sales = Vec::new();
    for round in 0..8 {
        match round % 4 {
            0 => s.sim.drop_answers("order/add", 2),
            1 => {
                s.sim.force_lock("order/add", 1);
            }
            2 => s.sim.drop_answers("customer/add", 1),
            _ => {}
        }
        for i in 0..5 {
            let co = c.checkout();
            c.edit_cart(&co, &Who::Setup, |cart, menu, now| {
                Ok(cart.add(menu, if i % 2 == 0 { "nh-5001" } else { "nh-5004" }, &[], 1 + i, None, now).map(|_| ())?)
            })
            .unwrap();
            if i == 3 {
                c.cart_customer(&co, &Who::Setup, Some(&format!("09770000{round}{i}"))).unwrap();
            }
            sales.push(c.pay_cash(&co, &Who::Setup, None).unwrap());
        }
        c.nhanh_send(&Who::Setup).unwrap();
    }
    let r = drain(c, 20);
    assert_eq!(r.pending, 0, "{r:?}");
    std::thread::sleep(Duration::from_millis(500));
    c.nhanh_process_inbox().unwrap();
    let orders = s.sim.orders();
    for sale in &sales {
        let n = orders.iter().filter(|o| o.app_order_id.as_deref() == Some(sale.id.to_string().as_str())).count();
        assert_eq!(n, 1, "sale {} is in Nhanh once", sale.receipt_no);
    }
    assert_eq!(orders.len(), sales.len());
    // The echoes of the counter's own orders are not online orders.
    assert!(c.nhanh_orders(&Who::Setup, true).unwrap().is_empty());
    // Each new customer added once.
    for round in 0..8 {
        let mobile = format!("09770000{round}3");
        assert_eq!(s.sim.customers().iter().filter(|k| k.mobile == mobile).count(), 1, "{mobile}");
    }
}

#[test]
fn bad_products_orders_and_bodies_are_refused_and_change_nothing() {
    let (s, _rt) = listening();
    let c = &s.counter;
    // A product in a group Nhanh does not have: skipped, reported, the menu unchanged.
    let hash = c.menu().unwrap().content_hash();
    let stray = s.sim.product_upsert(NhanhProduct {
        code: "STRAY".into(),
        barcode: "8939999999999".into(),
        name: "Món lạc nhóm".into(),
        category_id: Some(999),
        retail: 10_000,
        status: 2,
        kind: 1,
        price_vat_mode: 1,
        ..Default::default()
    });
    s.sim.wait_deliveries(1, Duration::from_secs(5));
    c.nhanh_process_inbox().unwrap();
    assert_eq!(c.menu().unwrap().content_hash(), hash);
    let st = c.nhanh_status(&Who::Setup).unwrap();
    assert!(st.skipped.iter().any(|k| k.product_id == stray.id), "{:?}", st.skipped);
    // An order of a product the menu lacks (inactive 5005): listed, flagged, not rung up.
    let order = s.sim.channel_order(ChannelOrder { products: vec![(5005, 1.0)], ..Default::default() }).unwrap();
    s.sim.wait_deliveries(2, Duration::from_secs(5));
    c.nhanh_process_inbox().unwrap();
    let o = c.nhanh_orders(&Who::Setup, false).unwrap().into_iter().find(|o| o.id == order.id).expect("listed");
    assert_eq!(o.unknown_products, 1);
    let co = c.checkout();
    assert_eq!(c.nhanh_order_ring(&co, &Who::Setup, order.id).map(|_| ()).unwrap_err().code, "err-nhanh-order-unknown-products");
    assert!(c.cart_view(&co, &Who::Setup).unwrap().lines.is_empty());
    // A malformed body with the right token: refused, nothing kept.
    let (addr, token) = c.nhanh_webhook_config().unwrap().unwrap();
    for body in ["not json", r#"{"data":{}}"#] {
        let status = post(addr, &token, body);
        assert!(status == 400, "{body}: {status}");
    }
    assert!(c.nhanh_process_inbox().unwrap().processed == 0);
    // A v2 tenant: the token in the body, a flat product; applied like v3's.
    s.sim.set_webhook(&format!("http://{addr}{}", quay_app::nhanh::PATH), VERIFY, WebhookVersion::V2);
    s.sim.set_price(5002, 40_000);
    s.sim.wait_deliveries(3, Duration::from_secs(5));
    c.nhanh_process_inbox().unwrap();
    assert_eq!(c.menu().unwrap().item("nh-5002").unwrap().price, 40_000);
}

/// A raw POST to the listener; its HTTP status.
fn post(addr: std::net::SocketAddr, token: &str, body: &str) -> u16 {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(
        s,
        "POST {} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: {token}\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
        quay_app::nhanh::PATH,
        body.len()
    )
    .unwrap();
    let mut raw = String::new();
    s.read_to_string(&mut raw).unwrap();
    raw.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0)
}

#[test]
fn a_sale_voided_before_it_was_sent_never_reaches_nhanh() {
    let s = connected();
    let c = &s.counter;
    s.sim.set_business_enabled(false);
    let sale = ring(c, &["nh-5001"]);
    assert_eq!(c.nhanh_send(&Who::Setup).unwrap().pending, 1);
    c.void_sale(sale.id, "wrong order", &Who::Setup, &Who::Setup).unwrap();
    s.sim.set_business_enabled(true);
    assert_eq!(drain(c, 3).pending, 0);
    assert!(s.sim.order_by_app_id(&sale.id.to_string()).is_none());
    // A requeue does not bring it back.
    assert_eq!(c.nhanh_requeue(&Who::Setup).unwrap(), 0);
    assert!(s.sim.orders().is_empty());
}

#[test]
fn an_order_cancelled_while_paid_at_the_counter_leaves_the_sale_with_nhanh() {
    let s = connected();
    let c = &s.counter;
    let order = s.sim.channel_order(ChannelOrder { products: vec![(5002, 1.0)], ..Default::default() }).unwrap();
    c.nhanh_send(&Who::Setup).unwrap();
    let co = c.checkout();
    c.nhanh_order_ring(&co, &Who::Setup, order.id).unwrap();
    // The customer cancels on the website meanwhile (no webhook reaches this counter).
    s.sim.merchant_set_order_status(order.id, 63);
    let sale = c.pay_cash(&co, &Who::Setup, None).unwrap();
    assert_eq!(drain(c, 5).pending, 0);
    assert_eq!(s.sim.order(order.id).unwrap().status, 63);
    assert!(s.sim.order_by_app_id(&sale.id.to_string()).is_some(), "the paid sale is in Nhanh as an order of its own");
    // Handed over before it was paid: Nhanh has the order once, no second one.
    let other = s.sim.channel_order(ChannelOrder { products: vec![(5001, 1.0)], ..Default::default() }).unwrap();
    c.nhanh_send(&Who::Setup).unwrap();
    let co = c.checkout();
    c.nhanh_order_ring(&co, &Who::Setup, other.id).unwrap();
    c.nhanh_order_act(&Who::Setup, other.id, OrderAct::Confirm).unwrap();
    c.nhanh_order_act(&Who::Setup, other.id, OrderAct::Done).unwrap();
    let paid = c.pay_cash(&co, &Who::Setup, None).unwrap();
    assert_eq!(drain(c, 5).pending, 0);
    assert_eq!(s.sim.order(other.id).unwrap().status, 60);
    assert!(s.sim.order_by_app_id(&paid.id.to_string()).is_none());
}
