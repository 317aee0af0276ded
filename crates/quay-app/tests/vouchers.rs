//! MoMo / GiftPop vouchers through the hub simulator: every state explained, amount and
//! percent vouchers as tenders, a voucher larger than the sale, a redemption whose answer
//! is lost, a partner that does not answer, the hub offline, a void reversing its
//! redemptions, and redemptions left open by a crash settled at start-up.

use quay_app::ring::{parse_line, Pay};
use quay_app::{sync, Counter, Who};
use quay_core::menu::MenuSnapshot;
use quay_core::tender::TenderKind;
use quay_core::voucher::Partner;
use quay_core::{Currency, Money};
use quay_sim::{Faults, HubConfig, RunningHub};
use tempfile::TempDir;

const DEMO: &[u8] = include_bytes!("../../../assets/demo-menu.json");

fn shop() -> (TempDir, Counter, RunningHub) {
    let hub = quay_sim::start_in_thread(HubConfig::sandbox(MenuSnapshot::from_json(DEMO).unwrap()));
    let dir = tempfile::tempdir().unwrap();
    let c = Counter::open(dir.path()).unwrap();
    c.import_menu(&quay_app::Who::Setup, DEMO).unwrap();
    c.set_setting(sync::HUB_URL, &hub.url).unwrap();
    c.set_setting(sync::HUB_POS_PARENT, HubConfig::SANDBOX_POS_PARENT).unwrap();
    c.set_setting(sync::HUB_POS_ID, HubConfig::SANDBOX_POS_ID).unwrap();
    c.set_secret(sync::HUB_KEY1, std::str::from_utf8(HubConfig::SANDBOX_KEY1).unwrap()).unwrap();
    c.set_secret(sync::HUB_KEY2, std::str::from_utf8(HubConfig::SANDBOX_KEY2).unwrap()).unwrap();
    (dir, c, hub)
}

/// 2 × Phở bò = 130,000 ₫ on the screen's cart.
fn two_pho(c: &Counter, co: &quay_app::Checkout) {
    c.edit_cart(co, &quay_app::Who::Setup, |cart, m, now| Ok(cart.add(m, "i-phobo", &[], 2, None, now)?)).unwrap();
    assert_eq!(co.cart_snapshot().totals().unwrap().total.minor, 130_000);
}

fn vnd(n: i64) -> Money {
    Money::new(n, Currency::Vnd)
}

#[test]
fn every_state_is_explained_and_changes_nothing() {
    let (_d, c, _hub) = shop();
    let co = c.checkout();
    let cases = [
        ("momo", "MOMO-USED", "err-voucher-used"),
        ("momo", "MOMO-EXPIRED", "err-voucher-expired"),
        ("momo", "MOMO-OTHERSTORE", "err-voucher-wrong-store"),
        ("momo", "MOMO-INACTIVE", "err-voucher-inactive"),
        ("momo", "NO-SUCH-CODE", "err-voucher-not-found"),
        ("giftpop", "MOMO-50K", "err-voucher-not-found"), // another partner's code
    ];
    two_pho(&c, &co);
    for (partner, code, id) in cases {
        let v = c.check_voucher(&co, &quay_app::Who::Setup, partner, code).unwrap();
        assert!(v.refused.is_some() && v.applies.is_none(), "{code}: {v:?}");
        assert_eq!(c.apply_voucher(&co, &quay_app::Who::Setup, partner, code).unwrap_err().code, id, "{code}");
    }
    assert!(co.applied_vouchers().is_empty(), "nothing applied");
    let ok = c.check_voucher_code(&quay_app::Who::Setup, "momo", "MOMO-50K", None).unwrap();
    assert_eq!((ok.status, ok.refused.as_deref()), ("valid", None));
    assert_eq!(c.apply_voucher(&co, &quay_app::Who::Setup, "momo", "bad code with spaces").unwrap_err().code, "err-voucher-bad-code");
}

#[test]
fn an_amount_voucher_pays_its_part_and_cash_the_rest() {
    let (_d, c, hub) = shop();
    let co = c.checkout();
    two_pho(&c, &co);
    let v = c.apply_voucher(&co, &quay_app::Who::Setup, "momo", "MOMO-50K").unwrap();
    assert_eq!(v.applies.as_ref().unwrap().minor, 50_000);
    assert_eq!(c.apply_voucher(&co, &quay_app::Who::Setup, "momo", "MOMO-50K").unwrap_err().code, "err-voucher-twice");
    let preview = c.cash_preview(&co, &quay_app::Who::Setup, "100000").unwrap();
    assert_eq!(preview.due.minor, 80_000, "cash is due only for the rest");
    assert_eq!(preview.change.minor, 20_000);
    let sale = c.pay_cash(&co, &quay_app::Who::Setup, Some(vnd(100_000))).unwrap();
    let voucher: Vec<_> = sale.tenders.iter().filter(|t| t.kind == TenderKind::Voucher).collect();
    assert_eq!(voucher.len(), 1);
    assert_eq!((voucher[0].amount, voucher[0].partner.as_deref()), (50_000, Some("momo")));
    let redemptions = hub.voucher_redemptions();
    assert_eq!(redemptions.len(), 1);
    assert_eq!(voucher[0].reference.as_deref(), Some(redemptions[0].redemption_id.as_str()), "the tender names its redemption");
    assert_eq!(redemptions[0].sale_id, sale.id.to_string());
    // The hub takes the sale record with its voucher tender.
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(c.push_outbox()).unwrap();
    assert_eq!(c.sync_status().unwrap().pending, 0);
    assert!(co.applied_vouchers().is_empty(), "the next sale starts clean");
}

#[test]
fn a_percent_voucher_needs_its_minimum_and_pays_a_share_of_the_total() {
    let (_d, c, _hub) = shop();
    let co = c.checkout();
    c.edit_cart(&co, &quay_app::Who::Setup, |cart, m, now| Ok(cart.add(m, "i-phobo", &[], 1, None, now)?)).unwrap();
    let e = c.apply_voucher(&co, &quay_app::Who::Setup, "momo", "MOMO-10PCT").unwrap_err();
    assert_eq!(e.code, "err-voucher-min-spend");
    c.edit_cart(&co, &quay_app::Who::Setup, |cart, m, now| Ok(cart.add(m, "i-phobo", &[], 1, None, now)?)).unwrap();
    let v = c.apply_voucher(&co, &quay_app::Who::Setup, "momo", "MOMO-10PCT").unwrap();
    assert_eq!(v.applies.unwrap().minor, 13_000);
    assert_eq!(v.percent.as_deref(), Some("10%"));
    let sale = c.pay_cash(&co, &quay_app::Who::Setup, None).unwrap();
    assert_eq!(sale.tenders.iter().map(|t| t.amount).sum::<i64>(), 130_000);
}

#[test]
fn a_voucher_larger_than_the_sale_pays_it_all_and_no_more() {
    let (_d, c, hub) = shop();
    let lines = [parse_line("i-phobo").unwrap()];
    let sale = c.ring_pays(&quay_app::Who::Setup, &lines, &[Pay::Voucher("giftpop".into(), "GIFT-BIG".into())], None).unwrap();
    assert_eq!(sale.tenders.len(), 1);
    assert_eq!((sale.tenders[0].kind, sale.tenders[0].amount), (TenderKind::Voucher, 65_000));
    assert_eq!(hub.voucher_redemptions()[0].amount_applied, 65_000);
    // A voucher that does not cover the sale alone is refused at the end, not topped up
    // with cash nobody gave.
    let lines = [parse_line("i-phobo*3").unwrap()];
    let e = c.ring_pays(&quay_app::Who::Setup, &lines, &[Pay::Voucher("momo".into(), "MOMO-50K".into())], None).unwrap_err();
    assert_eq!(e.code, "err-pay-short");
}

#[test]
fn a_lost_redemption_answer_is_found_by_asking_never_redeemed_twice() {
    let (_d, c, hub) = shop();
    let co = c.checkout();
    two_pho(&c, &co);
    c.apply_voucher(&co, &quay_app::Who::Setup, "giftpop", "GIFT-100K").unwrap();
    hub.set_faults(Faults { lose_redeem_response: 1, ..Faults::default() });
    let sale = c.pay_cash(&co, &quay_app::Who::Setup, None).unwrap();
    let r = hub.voucher_redemptions();
    assert_eq!(r.len(), 1, "one redemption at the hub");
    assert_eq!(
        sale.tenders.iter().find(|t| t.kind == TenderKind::Voucher).unwrap().reference.as_deref(),
        Some(r[0].redemption_id.as_str())
    );
}

#[test]
fn a_partner_not_answering_or_the_hub_offline_leaves_the_sale_to_other_tenders() {
    let (_d, c, hub) = shop();
    let co = c.checkout();
    two_pho(&c, &co);
    hub.set_faults(Faults { partner_down: true, ..Faults::default() });
    assert_eq!(c.apply_voucher(&co, &quay_app::Who::Setup, "momo", "MOMO-50K").unwrap_err().code, "err-voucher-unavailable");
    hub.set_faults(Faults::default());
    c.set_setting(sync::HUB_URL, "http://127.0.0.1:9/api/v1").unwrap(); // nobody listens
    assert_eq!(c.apply_voucher(&co, &quay_app::Who::Setup, "momo", "MOMO-50K").unwrap_err().code, "err-voucher-offline");
    let sale = c.pay_cash(&co, &quay_app::Who::Setup, None).unwrap();
    assert!(sale.tenders.iter().all(|t| t.kind == TenderKind::Cash));
}

#[test]
fn a_void_reverses_the_redemption_and_frees_the_voucher() {
    let (_d, c, hub) = shop();
    let co = c.checkout();
    two_pho(&c, &co);
    c.apply_voucher(&co, &quay_app::Who::Setup, "giftpop", "GIFT-100K").unwrap();
    let sale = c.pay_cash(&co, &quay_app::Who::Setup, None).unwrap();
    let void = c.void_sale(sale.id, "customer left", &Who::Setup, &Who::Setup).unwrap();
    assert!(void.tenders.iter().any(|t| t.kind == TenderKind::Voucher && t.amount == -100_000));
    let r = hub.voucher_redemptions();
    assert!(r[0].reversed, "reversed at the hub");
    // The voucher is valid again for the next customer.
    assert_eq!(c.check_voucher_code(&quay_app::Who::Setup, "giftpop", "GIFT-100K", None).unwrap().status, "valid");
}

#[test]
fn redemptions_left_open_by_a_crash_are_settled_by_asking_at_start_up() {
    let (dir, c, hub) = shop();
    let sale_id = uuid::Uuid::now_v7();
    let heard_nothing = quay_core::voucher::redemption_key(sale_id, Partner::Giftpop, "GIFT-100K", 1);
    let never_sent = quay_core::voucher::redemption_key(sale_id, Partner::Momo, "MOMO-50K", 1);
    {
        // The app journaled two redemptions and died: the hub redeemed the first (its
        // answer lost), the second never left the counter.
        let mut store = quay_store::Store::open(&dir.path().join("quay.db")).unwrap();
        store.begin_redemption(&heard_nothing, sale_id, "giftpop", "GIFT-100K", 100_000, "VND", "2026-11-22T10:00:00+07:00").unwrap();
        store.begin_redemption(&never_sent, sale_id, "momo", "MOMO-50K", 50_000, "VND", "2026-11-22T10:00:00+07:00").unwrap();
        let client = c.hub().unwrap();
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(client.redeem_voucher(&quay_hub::RedeemRequest {
            partner: Partner::Giftpop,
            code: "GIFT-100K".into(),
            sale_id,
            amount_applied: vnd(100_000),
            idempotency_key: heard_nothing.clone(),
        }))
        .unwrap();
    }
    let settled = c.resolve_vouchers(&quay_app::Who::Setup).unwrap();
    let state = |k: &str| settled.iter().rfind(|r| r.key == k).map(|r| r.state.clone());
    // Found at the hub, but its sale never closed: reversed. Unknown at the hub: failed.
    assert_eq!(state(&heard_nothing).as_deref(), Some("reversed"));
    assert_eq!(state(&never_sent).as_deref(), Some("failed"));
    assert_eq!(hub.voucher_redemptions().len(), 1, "nothing redeemed by the settling");
    assert!(hub.voucher_redemptions()[0].reversed);
    assert!(c.resolve_vouchers(&quay_app::Who::Setup).unwrap().is_empty(), "settling twice changes nothing");
}
