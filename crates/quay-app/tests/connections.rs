//! Partner connection records (seed 000, issue 18) against the hub simulator: each step
//! rule with its evidence, MoMo's confirmations, a failing connection test blocking
//! `connected`, the proof attached, the deployment note, the month-end list read back
//! from its .xlsx cell by cell, three counters of one brand on one hub, and records sent
//! exactly once when the hub drops its answers.

use calamine::{Data, Reader, Xlsx};
use quay_app::connections::{DetailsEdit, RecordStep};
use quay_app::{sync, Counter, Who};
use quay_core::menu::MenuSnapshot;
use quay_i18n::Lang;
use quay_sim::{Faults, HubConfig, RunningHub};
use tempfile::TempDir;

const DEMO: &[u8] = include_bytes!("../../../assets/demo-menu.json");

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn counter_on(hub: &RunningHub, pos_id: &str, key1: &str, key2: &str, name: &str) -> (TempDir, Counter) {
    let dir = tempfile::tempdir().unwrap();
    let c = Counter::open(dir.path()).unwrap();
    c.save_settings(
        &Who::Setup,
        &pairs(&[
            ("store.name", name),
            ("store.address", "12 Lý Tự Trọng, Quận 1, TP. Hồ Chí Minh"),
            ("store.contact_name", "Nguyễn Thị Lan"),
            ("store.contact_phone", "+84 28 3822 1234"),
            (sync::HUB_URL, &hub.url),
            (sync::HUB_POS_PARENT, HubConfig::SANDBOX_POS_PARENT),
            (sync::HUB_POS_ID, pos_id),
            (sync::HUB_KEY1, key1),
            (sync::HUB_KEY2, key2),
            ("partner.momo.enabled", "true"),
            ("partner.momo.point_code", "MOMO-QL-001"),
            ("partner.giftpop.enabled", "true"),
        ]),
    )
    .unwrap();
    (dir, c)
}

async fn sandbox() -> (RunningHub, TempDir, Counter) {
    let hub = quay_sim::start(HubConfig::sandbox(MenuSnapshot::from_json(DEMO).unwrap())).await;
    let k1 = std::str::from_utf8(HubConfig::SANDBOX_KEY1).unwrap();
    let k2 = std::str::from_utf8(HubConfig::SANDBOX_KEY2).unwrap();
    let (dir, c) = counter_on(&hub, HubConfig::SANDBOX_POS_ID, k1, k2, "Quán Lan");
    (hub, dir, c)
}

fn step(reference: Option<&str>, confirmations: &[&str], note: Option<&str>) -> RecordStep {
    RecordStep {
        reference: reference.map(Into::into),
        confirmations: confirmations.iter().map(|s| s.to_string()).collect(),
        note: note.map(Into::into),
        details: DetailsEdit::default(),
    }
}

/// Every table's rows and the audit chain's length: what a refusal must leave alone.
fn state(c: &Counter) -> (String, usize) {
    let v = c.connections_view(&Who::Setup).unwrap();
    let rows = serde_json::to_string(&v.partners.iter().map(|p| (&p.partner, p.status, p.steps.len())).collect::<Vec<_>>()).unwrap();
    (rows + &format!("|{}|{}", v.queued, v.refused), c.audit_verify(&Who::Setup).unwrap())
}

async fn refused(c: &Counter, partner: &str, st: &str, req: RecordStep, code: &str) {
    let before = state(c);
    let e = c.record_connection_step(&Who::Setup, partner, st, req).await.unwrap_err();
    assert_eq!(e.code, code, "{partner} {st}: {e:?}");
    for lang in Lang::ALL {
        let text = c.i18n().error(lang, &e);
        assert!(!text.contains("err-conn") && !text.is_empty(), "{lang}: {text}");
    }
    // A connection test that ran is audited itself (the record's step is not).
    let tested = usize::from(code == "err-conn-test-failed");
    let after = state(c);
    assert_eq!((after.0, after.1), (before.0, before.1 + tested), "a refused step changes nothing");
}

/// MoMo from the partner's mail to a proven connection.
async fn connect_momo(c: &Counter) {
    let ok = |r: quay_app::Result<quay_app::connections::ConnectionsView>| r.unwrap_or_else(|e| panic!("{e:?}"));
    ok(c.record_connection_step(&Who::Setup, "momo", "requested", step(Some("mail 2026-11-02 MoMo"), &[], None)).await);
    ok(c.record_connection_step(&Who::Setup, "momo", "confirmed", step(None, &["leader", "merchant"], None)).await);
    ok(c.record_connection_step(&Who::Setup, "momo", "deployed", step(None, &[], None)).await);
    ok(c.record_connection_step(&Who::Setup, "momo", "approved", step(Some("CMS-778"), &[], None)).await);
    ok(c.record_connection_step(&Who::Setup, "momo", "connected", step(None, &[], None)).await);
}

#[tokio::test(flavor = "multi_thread")]
async fn each_step_needs_its_evidence_and_none_is_skipped() {
    let (hub, dir, c) = sandbox().await;
    refused(&c, "momo", "confirmed", step(None, &["leader", "merchant"], None), "err-conn-order").await;
    refused(&c, "momo", "requested", step(None, &[], None), "err-conn-reference").await;
    refused(&c, "paypal", "requested", step(Some("x"), &[], None), "err-conn-partner").await;
    refused(&c, "momo", "finished", step(Some("x"), &[], None), "err-conn-step").await;
    refused(&c, "momo", "disabled", step(None, &[], Some("no")), "err-conn-order").await;
    c.record_connection_step(&Who::Setup, "momo", "requested", step(Some("mail 2026-11-02"), &[], None)).await.unwrap();

    // MoMo needs its team leader and the merchant; others the merchant alone.
    refused(&c, "momo", "confirmed", step(None, &[], None), "err-conn-confirmation-missing").await;
    refused(&c, "momo", "confirmed", step(None, &["merchant"], None), "err-conn-confirmation-missing").await;
    refused(&c, "momo", "confirmed", step(None, &["leader"], None), "err-conn-confirmation-missing").await;
    refused(&c, "momo", "confirmed", step(None, &["boss"], None), "err-conn-confirmation").await;
    refused(&c, "momo", "deployed", step(None, &[], None), "err-conn-order").await;
    c.record_connection_step(&Who::Setup, "momo", "confirmed", step(None, &["merchant", "leader"], None)).await.unwrap();
    c.record_connection_step(&Who::Setup, "vnpay", "requested", step(Some("VNPAY mail"), &[], None)).await.unwrap();
    c.record_connection_step(&Who::Setup, "vnpay", "confirmed", step(None, &["merchant"], None)).await.unwrap();

    // The note must be whole, its phone a phone.
    let mut bad_phone = step(None, &[], None);
    bad_phone.details.contact_phone = Some("call Lan".into());
    refused(&c, "momo", "deployed", bad_phone, "err-conn-phone").await;
    // A counter that knows nothing of its store: the note cannot be deployed.
    let bare_dir = tempfile::tempdir().unwrap();
    let bare = Counter::open(bare_dir.path()).unwrap();
    // Without the point's identity at the hub there is no record at all.
    refused(&bare, "vnpay", "requested", step(Some("mail"), &[], None), "err-conn-pos-ids").await;
    let ids = pairs(&[(sync::HUB_POS_PARENT, "SANDBOX"), (sync::HUB_POS_ID, "SANDBOX-09")]);
    bare.save_settings(&Who::Setup, &ids).unwrap();
    bare.record_connection_step(&Who::Setup, "vnpay", "requested", step(Some("mail"), &[], None)).await.unwrap();
    bare.record_connection_step(&Who::Setup, "vnpay", "confirmed", step(None, &["merchant"], None)).await.unwrap();
    refused(&bare, "vnpay", "deployed", step(None, &[], None), "err-conn-note-incomplete").await;
    let e = bare.record_connection_step(&Who::Setup, "vnpay", "deployed", step(None, &[], None)).await.unwrap_err();
    let text = bare.i18n().error(Lang::En, &e);
    assert_eq!(text, "The deployment note is missing: Point name (+3).");
    let vi = bare.i18n().error(Lang::Vi, &e);
    assert!(!vi.contains("point_name") && vi.contains("(+3)"), "{vi}");
    let mut with_contact = step(None, &[], None);
    with_contact.details.contact_name = Some("Trần Văn Minh".into());
    with_contact.details.contact_phone = Some("0901 234 567".into());
    c.record_connection_step(&Who::Setup, "momo", "deployed", with_contact).await.unwrap();

    refused(&c, "momo", "approved", step(None, &[], None), "err-conn-reference").await;
    c.record_connection_step(&Who::Setup, "momo", "approved", step(Some("CMS-778"), &[], None)).await.unwrap();

    // A connection test that fails blocks `connected` (the test itself is audited).
    hub.set_faults(Faults { partner_down: true, ..Faults::default() });
    refused(&c, "momo", "connected", step(None, &[], None), "err-conn-test-failed").await;
    hub.set_faults(Faults::default());
    let view = c.record_connection_step(&Who::Setup, "momo", "connected", step(None, &[], None)).await.unwrap();
    let momo = view.partners.iter().find(|p| p.partner == "momo").unwrap();
    assert_eq!(momo.status, Some(quay_core::connection::Stage::Connected));
    assert_eq!(momo.next, None);
    assert!(momo.has_proof);
    let steps: Vec<_> = momo.steps.iter().map(|s| s.step.as_str()).collect();
    assert_eq!(steps, ["requested", "confirmed", "deployed", "approved", "connected"]);
    assert_eq!(momo.steps[1].confirmations.len(), 2);
    assert_eq!(momo.details.contact_name.as_deref(), Some("Trần Văn Minh"));
    refused(&c, "momo", "connected", step(None, &[], None), "err-conn-order-end").await;

    // The proof: the test's PDF and its picture.
    let proof = c.connection_proof(&Who::Setup, "momo").unwrap();
    assert!(proof.pdf.starts_with(b"%PDF"));
    assert!(proof.png.starts_with(b"\x89PNG"));
    assert_eq!(proof.sha256.len(), 64);
    assert!(momo.steps[4].proof);

    // Disabling needs a reason; then the course starts again with a request.
    refused(&c, "momo", "disabled", step(None, &[], None), "err-conn-disable-note").await;
    c.record_connection_step(&Who::Setup, "momo", "disabled", step(None, &[], Some("the merchant left MoMo"))).await.unwrap();
    refused(&c, "momo", "connected", step(None, &[], None), "err-conn-order").await;

    // Every step is an audited fact, and each reached the hub once.
    let audit = quay_store::Store::open(&dir.path().join("quay.db")).unwrap().audit_entries(1, 1000).unwrap();
    let steps_audited = audit.iter().filter(|e| e.action == "connection.step").count();
    assert_eq!(steps_audited, 8, "{audit:#?}");
    let view = c.connections_view(&Who::Setup).unwrap();
    assert_eq!(view.queued, 0, "everything reached the hub");
    let at_hub = hub.stored_connections();
    let momo_at_hub = at_hub.iter().find(|r| r["partner"] == "momo").unwrap();
    assert_eq!(momo_at_hub["revision"], 6);
    assert_eq!(momo_at_hub["status"], "disabled");
    assert_eq!(at_hub.len(), 2, "momo and vnpay");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_note_is_filled_from_the_counter_and_never_shows_the_keys() {
    let (_hub, dir, c) = sandbox().await;
    c.record_connection_step(&Who::Setup, "giftpop", "requested", step(Some("GiftPop mail 06-Jun"), &[], None)).await.unwrap();
    c.record_connection_step(&Who::Setup, "giftpop", "confirmed", step(None, &["merchant"], None)).await.unwrap();
    c.record_connection_step(&Who::Setup, "giftpop", "deployed", step(None, &[], None)).await.unwrap();
    // GiftPop knows the point by its own code: needed before the approval.
    let e = c.record_connection_step(&Who::Setup, "giftpop", "approved", step(Some("GP-CMS-1"), &[], None)).await.unwrap_err();
    assert_eq!(e.code, "err-conn-point-code");
    let mut with_code = step(Some("GP-CMS-1"), &[], None);
    with_code.details.point_code = Some("GP-7788".into());
    c.record_connection_step(&Who::Setup, "giftpop", "approved", with_code).await.unwrap();

    let note = c.connection_note(&Who::Setup, "giftpop", Lang::En).unwrap();
    for expected in [
        "GiftPop",
        "GiftPop mail 06-Jun",
        "Quán Lan",
        "12 Lý Tự Trọng",
        "Nguyễn Thị Lan",
        "+84 28 3822 1234",
        HubConfig::SANDBOX_POS_PARENT,
        HubConfig::SANDBOX_POS_ID,
        "GP-7788",
        "GP-CMS-1",
        "Quay sandbox café",
        "set (not shown)",
    ] {
        assert!(note.text.contains(expected), "{expected} in\n{}", note.text);
    }
    let k1 = std::str::from_utf8(HubConfig::SANDBOX_KEY1).unwrap();
    let k2 = std::str::from_utf8(HubConfig::SANDBOX_KEY2).unwrap();
    assert!(!note.text.contains(k1) && !note.text.contains(k2));
    for lang in Lang::ALL {
        let n = c.connection_note(&Who::Setup, "giftpop", lang).unwrap();
        assert!(!n.text.contains("conn-note"), "{lang}: {}", n.text);
        let pdf = c.connection_note_pdf(&n, lang).unwrap();
        assert!(pdf.starts_with(b"%PDF"));
        assert!(!pdf.windows(k1.len()).any(|w| w == k1.as_bytes()));
    }
    let saved = c.save_connection_note(&Who::Setup, "giftpop").unwrap();
    assert!(saved.pdf_path.starts_with(&dir.path().display().to_string()));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_month_list_reads_back_cell_by_cell() {
    let (_hub, _dir, c) = sandbox().await;
    connect_momo(&c).await;
    let month = c.now().format("%Y-%m").to_string();
    let list = c.connection_points(&Who::Setup, &month).await.unwrap();
    assert_eq!(list.source, "hub");
    assert_eq!(list.rows.len(), 1);
    let row = &list.rows[0];
    assert_eq!((row.partner.as_str(), row.pos_id.as_str()), ("momo", HubConfig::SANDBOX_POS_ID));
    assert_eq!((row.request_ref.as_str(), row.approval_ref.as_str()), ("mail 2026-11-02 MoMo", "CMS-778"));

    let bytes = c.points_xlsx(&list, Lang::En).unwrap();
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), ["Connected points", "Totals"]);
    let points = book.worksheet_range("Connected points").unwrap();
    let header: Vec<String> = points.rows().next().unwrap().iter().map(|d| d.to_string()).collect();
    assert_eq!(&header[..7], ["Brand (Pos Parent)", "Pos ID", "Point", "Address", "Partner", "Partner's point code", "Connected on"]);
    let cells: Vec<&Data> = points.rows().nth(1).unwrap().iter().collect();
    assert_eq!(cells[0], &Data::String(HubConfig::SANDBOX_POS_PARENT.into()));
    assert_eq!(cells[2], &Data::String("Quán Lan".into()));
    assert_eq!(cells[4], &Data::String("MoMo".into()));
    assert_eq!(cells[5], &Data::String("MOMO-QL-001".into()));
    // A real date: Excel's serial number with a date format, the same minute as recorded.
    let Data::DateTime(dt) = cells[6] else { panic!("the date is a date: {:?}", cells[6]) };
    let at = chrono::DateTime::parse_from_rfc3339(&row.connected_at).unwrap().naive_local();
    let read = dt.as_datetime().unwrap();
    assert!((read - at).num_seconds().abs() < 1, "{read} vs {at}");
    assert_eq!(cells[7], &Data::String("mail 2026-11-02 MoMo".into()));
    assert_eq!(cells[8], &Data::String("CMS-778".into()));
    assert_eq!(cells[10], &Data::String("+84 28 3822 1234".into()));

    let totals = book.worksheet_range("Totals").unwrap();
    let rows: Vec<Vec<Data>> = totals.rows().map(|r| r.to_vec()).collect();
    assert_eq!(rows[1][0], Data::String("MoMo".into()));
    assert_eq!(rows[1][1], Data::Float(1.0), "counts are numbers");
    assert_eq!(rows[2][0], Data::String("Total".into()));
    assert_eq!(rows[2][1], Data::Float(1.0));

    // Greek headers in Greek, Arabic sheets right to left, the CSV in machine form.
    let el = c.points_xlsx(&list, Lang::El).unwrap();
    let book = Xlsx::new(std::io::Cursor::new(el)).unwrap();
    assert!(book.sheet_names().iter().all(|n| !n.is_ascii()), "{:?}", book.sheet_names());
    let csv = String::from_utf8(quay_app::connections::points::points_csv(&list).unwrap()).unwrap();
    assert!(csv.starts_with("pos_parent,pos_id,point_name"), "{csv}");
    assert!(csv.contains(&row.connected_at), "{csv}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bad_month_is_refused_and_a_silent_hub_lists_the_counters_own() {
    let (hub, _dir, c) = sandbox().await;
    for (bad, code) in
        [("2026-13", "err-conn-month"), ("2026/11", "err-conn-month"), ("November", "err-conn-month"), ("2999-01", "err-conn-month-future")]
    {
        let e = c.connection_points(&Who::Setup, bad).await.unwrap_err();
        assert_eq!(e.code, code, "{bad}");
        assert!(!c.i18n().error(Lang::Vi, &e).contains("err-"));
    }
    connect_momo(&c).await;
    hub.set_faults(Faults { down: true, ..Faults::default() });
    let month = c.now().format("%Y-%m").to_string();
    let list = c.connection_points(&Who::Setup, &month).await.unwrap();
    assert_eq!(list.source, "counter");
    assert!(list.hub_error.is_some());
    assert_eq!(list.rows.len(), 1);
    assert_eq!(list.rows[0].source, quay_app::connections::points::Source::Counter);
    // An earlier month has none.
    let list = c.connection_points(&Who::Setup, "2026-01").await.unwrap();
    assert!(list.rows.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn three_counters_of_one_brand_report_to_one_hub_and_one_export_lists_them_all() {
    let (hub, _dir, a) = sandbox().await;
    hub.add_point(quay_sim::PointConfig::new("SANDBOX-02", b"key1-point-two-0123456789", b"key2-point-two-0123456789", "Quay Lê Lợi"));
    hub.add_point(quay_sim::PointConfig::new("SANDBOX-03", b"key1-point-three-012345678", b"key2-point-three-012345678", "Quay Hà Nội"));
    let (_d2, b) = counter_on(&hub, "SANDBOX-02", "key1-point-two-0123456789", "key2-point-two-0123456789", "Quán Lê Lợi");
    let (_d3, c) = counter_on(&hub, "SANDBOX-03", "key1-point-three-012345678", "key2-point-three-012345678", "Quán Hà Nội");
    for counter in [&a, &b, &c] {
        connect_momo(counter).await;
    }
    // The third also connects GiftPop; the second only asks for it (not in the list).
    c.save_settings(&Who::Setup, &pairs(&[("partner.giftpop.point_code", "GP-0003")])).unwrap();
    for (st, reference, conf) in [
        ("requested", Some("GiftPop mail"), &[][..]),
        ("confirmed", None, &["merchant"][..]),
        ("deployed", None, &[][..]),
        ("approved", Some("GP-CMS-9"), &[][..]),
        ("connected", None, &[][..]),
    ] {
        c.record_connection_step(&Who::Setup, "giftpop", st, step(reference, conf, None)).await.unwrap();
    }
    b.record_connection_step(&Who::Setup, "giftpop", "requested", step(Some("GiftPop mail"), &[], None)).await.unwrap();

    let month = a.now().format("%Y-%m").to_string();
    // Any counter's export covers the brand: the hub's list.
    let list = b.connection_points(&Who::Setup, &month).await.unwrap();
    assert_eq!(list.source, "hub", "{list:#?}");
    let rows: Vec<(&str, &str, &str)> = list.rows.iter().map(|r| (r.pos_id.as_str(), r.partner.as_str(), r.point_name.as_str())).collect();
    assert_eq!(
        rows,
        [
            ("SANDBOX-01", "momo", "Quán Lan"),
            ("SANDBOX-02", "momo", "Quán Lê Lợi"),
            ("SANDBOX-03", "giftpop", "Quán Hà Nội"),
            ("SANDBOX-03", "momo", "Quán Hà Nội"),
        ]
    );
    assert!(list.rows.iter().all(|r| r.source == quay_app::connections::points::Source::Hub));
    let gp = list.rows.iter().find(|r| r.partner == "giftpop").unwrap();
    assert_eq!((gp.point_code.as_str(), gp.approval_ref.as_str()), ("GP-0003", "GP-CMS-9"));

    // The totals sheet counts per partner.
    let mut book = Xlsx::new(std::io::Cursor::new(b.points_xlsx(&list, Lang::Vi).unwrap())).unwrap();
    let name = book.sheet_names()[1].clone();
    let totals: Vec<Vec<Data>> = book.worksheet_range(&name).unwrap().rows().map(|r| r.to_vec()).collect();
    assert_eq!((&totals[1][0], &totals[1][1]), (&Data::String("GiftPop".into()), &Data::Float(1.0)));
    assert_eq!((&totals[2][0], &totals[2][1]), (&Data::String("MoMo".into()), &Data::Float(3.0)));
    assert_eq!(totals[3][1], Data::Float(4.0));
}

#[tokio::test(flavor = "multi_thread")]
async fn records_reach_the_hub_exactly_once_when_it_drops_its_answers() {
    let (hub, _dir, c) = sandbox().await;
    // The hub stores each of the first three records and cuts the line before answering.
    hub.set_faults(Faults { connections_drop_after_store: 3, ..Faults::default() });
    c.record_connection_step(&Who::Setup, "momo", "requested", step(Some("mail"), &[], None)).await.unwrap();
    c.record_connection_step(&Who::Setup, "momo", "confirmed", step(None, &["leader", "merchant"], None)).await.unwrap();
    c.record_connection_step(&Who::Setup, "zalopay", "requested", step(Some("ZaloPay mail"), &[], None)).await.unwrap();
    // Each step's own offer stored it and lost the answer; the next step's offer sent the
    // earlier record again (a duplicate: acknowledged) before its own: one waits.
    assert_eq!(c.connections_view(&Who::Setup).unwrap().queued, 1);
    // Offline: nothing leaves, nothing is lost.
    hub.set_faults(Faults { down: true, ..Faults::default() });
    assert!(c.push_connection_records().await.is_err());
    assert_eq!(c.connections_view(&Who::Setup).unwrap().queued, 1);
    hub.set_faults(Faults::default());
    let r = c.push_connection_records().await.unwrap();
    assert_eq!((r.sent, r.pending, r.refused), (1, 0, 0));
    assert_eq!(c.connections_view(&Who::Setup).unwrap().queued, 0);
    let r = c.push_connection_records().await.unwrap();
    assert_eq!(r.sent, 0, "nothing is sent twice once acknowledged");
    let stats: serde_json::Value = reqwest::get(format!("http://{}/admin/stats", hub.addr)).await.unwrap().json().await.unwrap();
    assert_eq!(stats["connections_stored"], 3, "{stats}");
    assert_eq!(stats["connections_duplicates"], 3, "the resends were recognised: {stats}");
    let at_hub = hub.stored_connections();
    assert_eq!(at_hub.len(), 2);
    let momo = at_hub.iter().find(|r| r["partner"] == "momo").unwrap();
    assert_eq!(momo["revision"], 2);
}

/// A clock the test moves.
struct Moved(std::sync::Mutex<chrono::DateTime<chrono::FixedOffset>>);

impl Moved {
    fn now(&self) -> chrono::DateTime<chrono::FixedOffset> {
        *self.0.lock().unwrap()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn each_course_keeps_its_references_and_the_clock_cannot_go_back() {
    let hub = quay_sim::start(HubConfig::sandbox(MenuSnapshot::from_json(DEMO).unwrap())).await;
    let dir = tempfile::tempdir().unwrap();
    let t = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
    let clock = std::sync::Arc::new(Moved(std::sync::Mutex::new(t("2026-10-05T09:00:00+07:00"))));
    struct Shared(std::sync::Arc<Moved>);
    impl quay_app::Clock for Shared {
        fn now(&self) -> chrono::DateTime<chrono::FixedOffset> {
            self.0.now()
        }
    }
    let c = Counter::open_with(dir.path(), Box::new(Shared(clock.clone()))).unwrap();
    let k1 = std::str::from_utf8(HubConfig::SANDBOX_KEY1).unwrap();
    let k2 = std::str::from_utf8(HubConfig::SANDBOX_KEY2).unwrap();
    c.save_settings(
        &Who::Setup,
        &pairs(&[
            ("store.name", "Quán Lan"),
            ("store.address", "12 Lý Tự Trọng"),
            ("store.contact_name", "Lan"),
            ("store.contact_phone", "0901 234 567"),
            (sync::HUB_URL, &hub.url),
            (sync::HUB_POS_PARENT, HubConfig::SANDBOX_POS_PARENT),
            (sync::HUB_POS_ID, HubConfig::SANDBOX_POS_ID),
            (sync::HUB_KEY1, k1),
            (sync::HUB_KEY2, k2),
            ("partner.momo.enabled", "true"),
            ("partner.momo.point_code", "MOMO-QL-001"),
        ]),
    )
    .unwrap();
    let at = |s: &str| *clock.0.lock().unwrap() = t(s);
    // The hub refuses requests more than 5 minutes off its own clock: the simulated hub
    // follows the test's clock.
    let follow = |s: &str| hub.set_clock_offset(t(s).timestamp() - chrono::Utc::now().timestamp());
    for (when, st, reference, conf, note) in [
        ("2026-10-05T09:00:00+07:00", "requested", Some("October mail"), &[][..], None),
        ("2026-10-06T09:00:00+07:00", "confirmed", None, &["leader", "merchant"][..], None),
        ("2026-10-07T09:00:00+07:00", "deployed", None, &[][..], None),
        ("2026-10-08T09:00:00+07:00", "approved", Some("CMS-OCT"), &[][..], None),
        ("2026-10-31T23:30:00+07:00", "connected", None, &[][..], None),
        ("2026-11-03T09:00:00+07:00", "disabled", None, &[][..], Some("closed for works\nback in November")),
        ("2026-11-10T09:00:00+07:00", "requested", Some("November mail"), &[][..], None),
    ] {
        at(when);
        follow(when);
        c.record_connection_step(&Who::Setup, "momo", st, step(reference, conf, note)).await.unwrap_or_else(|e| panic!("{st}: {e:?}"));
    }
    // October's list keeps October's references, though a new course began since.
    at("2026-12-02T10:00:00+07:00");
    follow("2026-12-02T10:00:00+07:00");
    let list = c.connection_points(&Who::Setup, "2026-10").await.unwrap();
    assert_eq!(list.rows.len(), 1, "{list:#?}");
    let r = &list.rows[0];
    assert_eq!((r.request_ref.as_str(), r.approval_ref.as_str()), ("October mail", "CMS-OCT"));
    assert_eq!(r.status, "requested", "its status now");
    assert!(r.connected_at.starts_with("2026-10-31T23:30"), "the local date counts: {}", r.connected_at);
    assert!(c.connection_points(&Who::Setup, "2026-11").await.unwrap().rows.is_empty());
    let row = c.connection_row(&Who::Setup, "momo").unwrap();
    assert_eq!(row.steps[5].note.as_deref(), Some("closed for works\nback in November"), "a note keeps its lines");

    // A clock set back before the last step records nothing.
    at("2026-11-09T09:00:00+07:00");
    follow("2026-11-09T09:00:00+07:00");
    let before = c.connection_row(&Who::Setup, "momo").unwrap().steps.len();
    let e = c.record_connection_step(&Who::Setup, "momo", "confirmed", step(None, &["leader", "merchant"], None)).await.unwrap_err();
    assert_eq!(e.code, "err-conn-clock");
    assert!(c.i18n().error(Lang::Ar, &e).contains("2026"), "{}", c.i18n().error(Lang::Ar, &e));
    assert_eq!(c.connection_row(&Who::Setup, "momo").unwrap().steps.len(), before);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mistyped_virtual_pos_starts_nothing_and_a_refused_signature_keeps_records_queued() {
    let (hub, _dir, c) = sandbox().await;
    refused(&c, "vpos:Akbnak", "requested", step(Some("mail"), &[], None), "err-conn-partner").await;
    // The hub refuses our signature (a Key1 changed at the hub): records wait, not lost.
    c.save_settings(&Who::Setup, &pairs(&[(sync::HUB_KEY1, "a-key1-the-hub-does-not-know")])).unwrap();
    c.record_connection_step(&Who::Setup, "alipay", "requested", step(Some("Alipay mail"), &[], None)).await.unwrap();
    let view = c.connections_view(&Who::Setup).unwrap();
    assert_eq!((view.queued, view.refused), (1, 0));
    let k1 = std::str::from_utf8(HubConfig::SANDBOX_KEY1).unwrap();
    c.save_settings(&Who::Setup, &pairs(&[(sync::HUB_KEY1, k1)])).unwrap();
    assert_eq!(c.push_connection_records().await.unwrap().sent, 1);
    assert_eq!(hub.stored_connections().len(), 1);
}
