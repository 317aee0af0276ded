//! The technician's setup against the simulators: settings saved whole or not at all,
//! secrets never shown nor logged, and the connection tests of the hub, MoMo, GiftPop
//! and the card terminal (ZVT and Viva) — each success and each way it fails — with the
//! printable report in English and Arabic.

use quay_app::setup::{self, ConnectionReport, Target};
use quay_app::{sync, Counter, Who};
use quay_core::menu::MenuSnapshot;
use quay_i18n::Lang;
use quay_sim::{Faults, HubConfig, RunningHub};
use tempfile::TempDir;

const DEMO: &[u8] = include_bytes!("../../../assets/demo-menu.json");

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn counter() -> (TempDir, Counter) {
    let dir = tempfile::tempdir().unwrap();
    let c = Counter::open(dir.path()).unwrap();
    (dir, c)
}

fn store_settings(c: &Counter) {
    c.save_settings(
        &Who::Setup,
        &pairs(&[
            ("store.name", "Quán Lan"),
            ("store.address", "12 Lý Tự Trọng, Quận 1, TP. Hồ Chí Minh"),
            ("store.contact_name", "Nguyễn Thị Lan"),
            ("store.contact_phone", "+84 28 3822 1234"),
            ("store.vat_rates", "8,10"),
        ]),
    )
    .unwrap();
}

fn hub_settings(c: &Counter, hub: &RunningHub, key1: &[u8], key2: &[u8]) {
    c.save_settings(
        &Who::Setup,
        &pairs(&[
            (sync::HUB_URL, &hub.url),
            (sync::HUB_POS_PARENT, HubConfig::SANDBOX_POS_PARENT),
            (sync::HUB_POS_ID, HubConfig::SANDBOX_POS_ID),
            (sync::HUB_KEY1, std::str::from_utf8(key1).unwrap()),
            (sync::HUB_KEY2, std::str::from_utf8(key2).unwrap()),
        ]),
    )
    .unwrap();
}

async fn with_hub() -> (TempDir, Counter, RunningHub) {
    let hub = quay_sim::start(HubConfig::sandbox(MenuSnapshot::from_json(DEMO).unwrap())).await;
    let (dir, c) = counter();
    store_settings(&c);
    hub_settings(&c, &hub, HubConfig::SANDBOX_KEY1, HubConfig::SANDBOX_KEY2);
    (dir, c, hub)
}

/// Every step's name and result formats in every language (no missing variable).
fn formats_everywhere(c: &Counter, r: &ConnectionReport) {
    for lang in Lang::ALL {
        for s in &r.steps {
            c.i18n().try_format(lang, s.id, &s.args).unwrap_or_else(|e| panic!("{lang} {}: {e}", s.id));
            c.i18n().try_format(lang, s.result, &s.args).unwrap_or_else(|e| panic!("{lang} {}: {e}", s.result));
        }
        let v = c.connection_report_view(r, lang);
        assert!(!v.title.contains("setup-"), "{}", v.title);
    }
}

/// The step that failed and its result's Fluent id.
fn failed(r: &ConnectionReport) -> (&'static str, &'static str) {
    assert!(!r.ok, "{r:#?}");
    assert!(r.round_trip.is_none());
    let s = r.failed_step().expect("a failed step");
    assert_eq!(s.id, r.steps.last().unwrap().id, "the test stops at the first failure");
    (s.id, s.result)
}

fn ids(r: &ConnectionReport) -> Vec<&'static str> {
    r.steps.iter().map(|s| s.id).collect()
}

// ---- settings -------------------------------------------------------------------------

#[test]
fn vat_rates_are_percentages_read_as_basis_points() {
    assert_eq!(setup::vat_rates_bp("8,10"), Some(vec![800, 1000]));
    assert_eq!(setup::vat_rates_bp(" 5.5, 24 ,0"), Some(vec![550, 2400, 0]));
    assert_eq!(setup::vat_rates_bp("12.25"), Some(vec![1225]));
    for bad in ["", "8;10", "101", "8,8", "8.", ".5", "8.123", "-5", "8,,10", "abc", "1e1"] {
        assert_eq!(setup::vat_rates_bp(bad), None, "{bad:?}");
    }
}

#[test]
fn every_setting_validates_its_own_rule() {
    let ok = [
        ("counter.id", "C1"),
        ("counter.currency", "VND"),
        ("counter.locale", "zh_CN"),
        ("store.name", "Quán Lan"),
        ("hub.url", "https://hub.example.vn/api/v1"),
        ("hub.pos_parent", "IPOS-123"),
        ("hub.menu_interval_s", "60"),
        ("partner.momo.enabled", "true"),
        ("partner.giftpop.point_code", "GP-0042"),
        ("terminal.kind", "viva"),
        ("zvt.baud", "9600"),
        ("zvt.password", "000000"),
        ("zvt.config", "de"),
        ("viva.merchant_id", "1b2d3f4a-0000-4000-8000-00000000a3a3"),
        ("viva.wait_s", "180"),
        ("viva.webhook.listen", "127.0.0.1:8088"),
        ("viva.webhook.token", "0123456789abcdef"),
        ("store.contact_phone", "(028) 3822-1234"),
        ("wallet.qr_deadline_s", "180"),
        ("wallet.momo.url", "https://test-payment.momo.vn"),
        ("wallet.zalopay.app_id", "2553"),
        ("wallet.vnpay.merchant_type", "5812"),
        ("wallet.zalopay.callback.listen", "0.0.0.0:8790"),
        // Keys as PEM, as one pasted line, or as the bare base64 Alipay's console shows.
        ("wallet.alipay.public_key", quay_sim::wallet::ALIPAY_GATEWAY_PUBLIC_KEY),
        ("wallet.alipay.public_key", &quay_sim::wallet::ALIPAY_GATEWAY_PUBLIC_KEY.replace('\n', "")),
        ("wallet.alipay.public_key", &bare_base64(quay_sim::wallet::ALIPAY_GATEWAY_PUBLIC_KEY)),
        ("wallet.alipay.app_private_key", quay_sim::wallet::ALIPAY_APP_PRIVATE_KEY),
        ("menu.source", "nhanh"),
        ("nhanh.url", "https://pos.open.nhanh.vn"),
        ("nhanh.app_id", "75123"),
        ("nhanh.secret_key", "QuaySandboxSecretKey7f3a9c1e5b2d"),
        ("nhanh.depot_id", "101"),
        ("nhanh.webhook.listen", "0.0.0.0:8089"),
        ("nhanh.webhook.token", "QuaySandboxVerifyToken0001"),
    ];
    for (k, v) in ok {
        setup::validate(k, v).unwrap_or_else(|e| panic!("{k}={v}: {e}"));
    }
    let bad = [
        ("counter.id", "C 1", "err-config-value"),
        ("counter.currency", "XXX", "err-config-value"),
        ("counter.locale", "fr", "err-config-value"),
        ("store.name", "  ", "err-config-value"),
        ("hub.url", "ftp://x", "err-config-value"),
        ("hub.pos_id", "has space", "err-config-value"),
        ("hub.menu_interval_s", "4", "err-config-value"),
        ("partner.momo.enabled", "yes", "err-setting-bool"),
        ("terminal.kind", "paypal", "err-config-value"),
        ("zvt.baud", "1234", "err-config-value"),
        ("zvt.password", "12345", "err-setting-zvt-password"),
        ("zvt.config", "B", "err-setting-zvt-config"),
        ("zvt.config", "0xBA", "err-setting-zvt-config"),
        ("viva.merchant_id", "merchant", "err-config-value"),
        ("viva.wait_s", "0", "err-config-value"),
        ("viva.webhook.listen", "localhost", "err-config-value"),
        ("viva.webhook.token", "short", "err-setting-secret-short"),
        ("store.contact_phone", "call me", "err-setting-phone"),
        ("store.vat_rates", "8;10", "err-setting-vat-rates"),
        ("store.name", &"x".repeat(500), "err-setting-too-long"),
        ("no.such.key", "x", "err-config-key"),
        ("wallet.qr_deadline_s", "5", "err-config-value"),
        ("wallet.momo.enabled", "yes", "err-setting-bool"),
        ("wallet.vnpay.url", "vnpay.vn", "err-config-value"),
        ("wallet.alipay.public_key", "not a key", "err-setting-rsa-key"),
        ("wallet.alipay.public_key", "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----", "err-setting-rsa-key"),
        ("wallet.alipay.app_private_key", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", "err-setting-rsa-key"),
        ("menu.source", "excel", "err-config-value"),
        ("nhanh.url", "pos.open.nhanh.vn", "err-config-value"),
        ("nhanh.webhook.token", "short", "err-setting-secret-short"),
    ];
    for (k, v, code) in bad {
        let e = setup::validate(k, v).expect_err(k);
        if !code.is_empty() {
            assert_eq!(e.code, code, "{k}={v}");
        }
        // The error names the key, and never repeats a secret.
        let text = quay_i18n::Localizer::new().unwrap().error(Lang::En, &e);
        assert!(text.contains(k), "{text}");
    }
    let e = setup::validate("zvt.password", "12345").unwrap_err();
    assert!(!format!("{e:?}").contains("12345"), "{e:?}");
    // One table: every key is in exactly one group, secrets are the expected ones.
    let secrets: Vec<_> = setup::SETTINGS.iter().filter(|s| s.secret).map(|s| s.key).collect();
    assert_eq!(
        secrets,
        [
            "hub.key1",
            "hub.key2",
            "zvt.password",
            "viva.api_key",
            "viva.webhook.token",
            "viva.webhook.key",
            "wallet.momo.access_key",
            "wallet.momo.secret_key",
            "wallet.zalopay.key1",
            "wallet.zalopay.key2",
            "wallet.vnpay.secret",
            "wallet.alipay.app_private_key",
            "nhanh.secret_key",
            "nhanh.access_token",
            "nhanh.webhook.token"
        ]
    );
    let mut keys: Vec<_> = setup::SETTINGS.iter().map(|s| s.key).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), setup::SETTINGS.len());
}

#[test]
fn a_bad_batch_is_refused_whole_and_names_the_key() {
    let (_dir, c) = counter();
    store_settings(&c);
    let before = c.settings_view(&quay_app::Who::Setup, Lang::En).unwrap();
    let e = c
        .save_settings(
            &Who::Setup,
            &pairs(&[
                ("store.name", "Another name"),
                ("hub.key1", "new-secret-key"),
                ("store.vat_rates", "8;10"),
                ("partner.momo.enabled", "true"),
            ]),
        )
        .unwrap_err();
    assert_eq!(e.code, "err-setting-vat-rates");
    let text = c.i18n().error(Lang::Vi, &e);
    assert!(text.contains("store.vat_rates") && text.contains("8;10"), "{text}");
    assert_eq!(c.setting("store.name").unwrap().as_deref(), Some("Quán Lan"), "nothing saved");
    assert!(!c.has_secret("hub.key1").unwrap(), "nothing saved");
    assert_eq!(c.setting("partner.momo.enabled").unwrap(), None);
    assert_eq!(
        serde_json::to_value(before).unwrap(),
        serde_json::to_value(c.settings_view(&quay_app::Who::Setup, Lang::En).unwrap()).unwrap()
    );
    // An unknown key too.
    let e = c.save_settings(&Who::Setup, &pairs(&[("store.name", "X"), ("store.owner", "Y")])).unwrap_err();
    assert_eq!(e.code, "err-config-key");
    assert_eq!(c.setting("store.name").unwrap().as_deref(), Some("Quán Lan"));
}

#[test]
fn secrets_are_never_shown_nor_logged_and_empty_keeps_them() {
    let (dir, c) = counter();
    const SECRET: &str = "super-secret-key1-value";
    let view =
        c.save_settings(&Who::Setup, &pairs(&[("hub.key1", SECRET), ("viva.api_key", "viva-secret-api"), ("hub.pos_id", "P-01")])).unwrap();
    let key1 = view.setting("hub.key1").unwrap();
    assert!(key1.secret && key1.set && key1.value.is_none());
    assert!(!view.setting("hub.key2").unwrap().set);
    assert_eq!(view.setting("hub.pos_id").unwrap().value.as_deref(), Some("P-01"));
    let json = serde_json::to_string(&view).unwrap();
    assert!(!json.contains(SECRET) && !json.contains("viva-secret-api"), "{json}");
    // Labels come in the asked language.
    let vi = c.settings_view(&quay_app::Who::Setup, Lang::Vi).unwrap();
    assert_eq!(vi.groups.iter().find(|g| g.id == "store").unwrap().label, "Cửa hàng");
    // An empty secret keeps the old one; an unchanged value is not written again.
    c.save_settings(&Who::Setup, &pairs(&[("hub.key1", ""), ("hub.pos_id", "P-01")])).unwrap();
    drop(c);
    let c = Counter::open(dir.path()).unwrap();
    assert!(c.has_secret("hub.key1").unwrap());
    // The audit log holds every change, a secret only as ********.
    let store = quay_store::Store::open(&dir.path().join("quay.db")).unwrap();
    let entries = store.audit_entries(1, 100).unwrap();
    let sets: Vec<_> = entries.iter().filter(|e| e.action == "setting.set").collect();
    assert_eq!(sets.len(), 3, "{entries:#?}");
    for e in &sets {
        let all = format!("{e:?}");
        assert!(!all.contains(SECRET) && !all.contains("viva-secret-api"), "{all}");
        if setup::is_secret(&e.subject) {
            assert_eq!(e.after.as_deref(), Some("********"));
        }
    }
    assert_eq!(c.audit_verify(&quay_app::Who::Setup).unwrap(), entries.len());
}

#[test]
fn a_cashier_cannot_save_settings_and_the_locale_switches_at_once() {
    let (_dir, c) = counter();
    let tech = c.add_staff(&Who::Setup, "Tech", quay_core::auth::Role::Technician, "4826").unwrap();
    let cashier = c.add_staff(&Who::Staff(tech.clone()), "Cash", quay_core::auth::Role::Cashier, "7391").unwrap();
    assert!(c.save_settings(&Who::Staff(cashier), &pairs(&[("store.name", "X")])).is_err());
    assert_eq!(c.setting("store.name").unwrap(), None);
    c.save_settings(&Who::Staff(tech), &pairs(&[("counter.locale", "vi-VN")])).unwrap();
    assert_eq!(c.lang(), Lang::Vi);
    assert_eq!(c.setting("counter.locale").unwrap().as_deref(), Some("vi"));
}

// ---- the hub --------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
async fn the_hub_test_passes_and_prints_its_report() {
    let (_dir, c, _hub) = with_hub().await;
    let r = c.test_connection(&quay_app::Who::Setup, Target::Hub).await.unwrap();
    assert!(r.ok, "{r:#?}");
    assert_eq!(ids(&r), ["setup-step-hub-config", "setup-step-hub-ping", "setup-step-hub-identity", "setup-step-hub-clock"]);
    assert_eq!(r.identity.point_name.as_deref(), Some("Quay sandbox café"));
    assert_eq!(r.identity.pos_id.as_deref(), Some(HubConfig::SANDBOX_POS_ID));
    assert_eq!(r.identity.store_name.as_deref(), Some("Quán Lan"));
    assert_eq!(r.round_trip.as_ref().unwrap().request, "GET /ping");
    formats_everywhere(&c, &r);
    let v = c.connection_report_view(&r, Lang::En);
    let text = setup::report_text(&v);
    for want in ["Quán Lan", "12 Lý Tự Trọng", "SANDBOX-01", "SANDBOX", "Quay sandbox café", "Connection successful", "GET /ping"] {
        assert!(text.contains(want), "{want} in {text}");
    }
    for lang in [Lang::En, Lang::Ar, Lang::Vi, Lang::ZhCn] {
        let pdf = c.connection_report_pdf(&r, lang).unwrap();
        assert!(pdf.starts_with(b"%PDF"), "{lang}");
    }
    assert_eq!(c.connection_report_view(&r, Lang::Ar).dir, "rtl");
    // The test run is in the audit log (the use case wrote it).
    assert!(c.audit_verify(&Who::Setup).unwrap() >= 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_key1_is_refused_by_the_hub() {
    let (_dir, c, hub) = with_hub().await;
    hub_settings(&c, &hub, b"not-the-key1", HubConfig::SANDBOX_KEY2);
    let r = c.test_connection(&quay_app::Who::Setup, Target::Hub).await.unwrap();
    assert_eq!(failed(&r), ("setup-step-hub-ping", "setup-fail-hub-key1"));
    formats_everywhere(&c, &r);
    let v = c.connection_report_view(&r, Lang::En);
    assert!(setup::report_text(&v).contains("Key1"));
    assert!(c.connection_report_pdf(&r, Lang::Ar).unwrap().starts_with(b"%PDF"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_key2_answer_is_refused_by_the_counter() {
    let (_dir, c, hub) = with_hub().await;
    hub_settings(&c, &hub, HubConfig::SANDBOX_KEY1, b"not-the-key2");
    let r = c.test_connection(&quay_app::Who::Setup, Target::Hub).await.unwrap();
    assert_eq!(failed(&r), ("setup-step-hub-ping", "setup-fail-hub-key2"));
    formats_everywhere(&c, &r);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_hub_that_is_down_or_not_configured_fails_the_test() {
    let (_dir, c, hub) = with_hub().await;
    hub.set_faults(Faults { down: true, ..Faults::default() });
    let r = c.test_connection(&quay_app::Who::Setup, Target::Hub).await.unwrap();
    assert_eq!(failed(&r), ("setup-step-hub-ping", "err-hub-network"));
    formats_everywhere(&c, &r);

    let (_dir2, fresh) = counter();
    let r = fresh.test_connection(&quay_app::Who::Setup, Target::Hub).await.unwrap();
    assert_eq!(failed(&r), ("setup-step-hub-config", "err-hub-not-configured"));
    assert!(r.steps[0].detail.contains("hub.url") && r.steps[0].detail.contains("hub.key2"), "{}", r.steps[0].detail);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_counter_clock_far_off_the_hubs_fails_the_clock_step() {
    let (_dir, c, hub) = with_hub().await;
    hub.set_clock_offset(3_600);
    let r = c.test_connection(&quay_app::Who::Setup, Target::Hub).await.unwrap();
    // The client corrects its requests from the signed `stale` answer, so the ping
    // passes; the clock step tells the technician to set the clock.
    assert_eq!(failed(&r), ("setup-step-hub-clock", "setup-fail-hub-clock"));
}

// ---- the voucher partners -------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
async fn each_partner_answers_a_round_trip_through_the_hub() {
    let (_dir, c, _hub) = with_hub().await;
    c.save_settings(
        &Who::Setup,
        &pairs(&[
            ("partner.momo.enabled", "true"),
            ("partner.momo.point_code", "MOMO-QL-001"),
            ("partner.giftpop.enabled", "true"),
            ("partner.giftpop.point_code", "GP-7788"),
        ]),
    )
    .unwrap();
    for (target, code) in [(Target::Momo, "MOMO-QL-001"), (Target::Giftpop, "GP-7788")] {
        let r = c.test_connection(&quay_app::Who::Setup, target).await.unwrap();
        assert!(r.ok, "{r:#?}");
        assert_eq!(
            ids(&r),
            ["setup-step-partner-config", "setup-step-hub-config", "setup-step-partner-listed", "setup-step-partner-round-trip"]
        );
        assert_eq!(r.identity.point_code.as_deref(), Some(code));
        let rt = r.round_trip.as_ref().unwrap();
        assert_eq!(rt.answer, "not_found");
        assert!(rt.request.contains(target.as_str()), "{rt:?}");
        formats_everywhere(&c, &r);
        let text = setup::report_text(&c.connection_report_view(&r, Lang::Vi));
        assert!(text.contains(code) && text.contains("Kết nối thành công"), "{text}");
        assert!(c.connection_report_pdf(&r, Lang::Ar).unwrap().starts_with(b"%PDF"));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_partner_not_enabled_or_not_answering_fails_the_test() {
    let (_dir, c, hub) = with_hub().await;
    let r = c.test_connection(&quay_app::Who::Setup, Target::Momo).await.unwrap();
    assert_eq!(failed(&r), ("setup-step-partner-config", "setup-fail-partner-disabled"));
    c.save_settings(&Who::Setup, &pairs(&[("partner.momo.enabled", "true")])).unwrap();
    let r = c.test_connection(&quay_app::Who::Setup, Target::Momo).await.unwrap();
    assert_eq!(failed(&r), ("setup-step-partner-config", "setup-fail-partner-no-point-code"));
    formats_everywhere(&c, &r);

    c.save_settings(&Who::Setup, &pairs(&[("partner.momo.point_code", "MOMO-QL-001")])).unwrap();
    hub.set_faults(Faults { partner_down: true, ..Faults::default() });
    let r = c.test_connection(&quay_app::Who::Setup, Target::Momo).await.unwrap();
    assert_eq!(failed(&r), ("setup-step-partner-round-trip", "setup-fail-partner-down"));
    assert!(r.steps.last().unwrap().detail.contains("MoMo"), "{:?}", r.steps.last());
    formats_everywhere(&c, &r);

    hub.set_faults(Faults { down: true, ..Faults::default() });
    let r = c.test_connection(&quay_app::Who::Setup, Target::Momo).await.unwrap();
    assert_eq!(failed(&r), ("setup-step-partner-listed", "err-hub-network"));
}

// ---- the card terminal ----------------------------------------------------------------

fn block_on<T>(f: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(f)
}

#[test]
fn the_zvt_terminal_answers_a_status_enquiry() {
    use serialport::SerialPort;
    let (_sim, tty) = quay_sim::zvt::ZvtSim::start().unwrap();
    let port = tty.name().unwrap();
    drop(tty);
    let (_dir, c) = counter();
    c.save_settings(&Who::Setup, &pairs(&[("terminal.kind", "zvt"), ("zvt.port", &port), ("zvt.password", "000000")])).unwrap();
    // The command line's runtime is a current-thread one: the blocking enquiry must not
    // need another worker.
    let r = block_on(c.test_connection(&quay_app::Who::Setup, Target::Terminal)).unwrap();
    assert!(r.ok, "{r:#?}");
    assert_eq!(ids(&r), ["setup-step-terminal-config", "setup-step-zvt-port", "setup-step-zvt-register", "setup-step-zvt-status"]);
    assert!(r.steps[2].detail.contains("BA") && r.steps[2].detail.contains("VND"), "{}", r.steps[2].detail);
    assert_eq!(r.identity.terminal.as_deref(), Some(format!("ZVT {port}").as_str()));
    formats_everywhere(&c, &r);
    assert!(c.connection_report_pdf(&r, Lang::El).unwrap().starts_with(b"%PDF"));
}

#[test]
fn a_terminal_refusing_the_registration_fails_the_test_at_that_step() {
    use serialport::SerialPort;
    let (sim, tty) = quay_sim::zvt::ZvtSim::start().unwrap();
    let port = tty.name().unwrap();
    drop(tty);
    let (_dir, c) = counter();
    c.save_settings(&Who::Setup, &pairs(&[("terminal.kind", "zvt"), ("zvt.port", &port), ("zvt.password", "123456")])).unwrap();
    let r = block_on(c.test_connection(&quay_app::Who::Setup, Target::Terminal)).unwrap();
    assert_eq!(failed(&r), ("setup-step-zvt-register", "err-terminal-registration"));
    assert!(!sim.is_registered());
    formats_everywhere(&c, &r);
}

#[test]
fn a_missing_terminal_port_or_kind_fails_the_test() {
    let (_dir, c) = counter();
    let r = block_on(c.test_connection(&quay_app::Who::Setup, Target::Terminal)).unwrap();
    assert_eq!(failed(&r), ("setup-step-terminal-config", "err-terminal-not-configured"));
    c.save_settings(&Who::Setup, &pairs(&[("terminal.kind", "zvt"), ("zvt.port", "/dev/quay-no-such-port")])).unwrap();
    let r = block_on(c.test_connection(&quay_app::Who::Setup, Target::Terminal)).unwrap();
    assert_eq!(failed(&r), ("setup-step-zvt-port", "err-terminal-port"));
    assert!(r.steps.last().unwrap().detail.contains("/dev/quay-no-such-port"));
    formats_everywhere(&c, &r);
}

#[test]
fn viva_accepts_the_credentials_and_the_source_is_set() {
    use quay_sim::viva::{start_viva_in_thread, VivaConfig};
    let viva = start_viva_in_thread(VivaConfig::sandbox());
    let (_dir, c) = counter();
    c.save_settings(
        &Who::Setup,
        &pairs(&[
            ("terminal.kind", "viva"),
            ("viva.url", &viva.url),
            ("viva.merchant_id", VivaConfig::SANDBOX_MERCHANT_ID),
            ("viva.api_key", "not-the-key"),
        ]),
    )
    .unwrap();
    let r = block_on(c.test_connection(&quay_app::Who::Setup, Target::Terminal)).unwrap();
    assert_eq!(failed(&r), ("setup-step-viva-credentials", "setup-fail-viva-credentials"));
    c.save_settings(&Who::Setup, &pairs(&[("viva.api_key", VivaConfig::SANDBOX_API_KEY)])).unwrap();
    let r = block_on(c.test_connection(&quay_app::Who::Setup, Target::Terminal)).unwrap();
    assert_eq!(failed(&r), ("setup-step-viva-source", "err-terminal-not-configured"));
    c.save_settings(&Who::Setup, &pairs(&[("viva.source_code", "A3-SN-0042")])).unwrap();
    let r = block_on(c.test_connection(&quay_app::Who::Setup, Target::Terminal)).unwrap();
    assert!(r.ok, "{r:#?}");
    assert_eq!(ids(&r), ["setup-step-terminal-config", "setup-step-viva-credentials", "setup-step-viva-source"]);
    assert_eq!(r.identity.terminal.as_deref(), Some("Viva A3-SN-0042"));
    formats_everywhere(&c, &r);
    assert!(c.connection_report_pdf(&r, Lang::Ar).unwrap().starts_with(b"%PDF"));
}

/// The window runs the test from an async command on a multi-thread runtime: the future
/// must be Send (no lock held across an await).
#[test]
fn the_connection_test_future_is_send() {
    fn send<T: Send>(_: &T) {}
    let (_dir, c) = counter();
    for t in Target::ALL {
        let f = c.test_connection(&quay_app::Who::Setup, t);
        send(&f);
    }
}

/// A PEM key's base64 body on one line (as Alipay's console shows keys).
fn bare_base64(pem: &str) -> String {
    pem.lines().filter(|l| !l.starts_with("-----")).collect()
}
