//! The optional Viva webhook listener against the Viva simulator, which POSTs its events
//! to it: the GET verification, the secret token, an event as a hint that wakes the poll,
//! an attempt left open by a crash settled from Viva (re-fetched, not trusted), and
//! duplicated events changing nothing.

use std::sync::Arc;
use std::time::Duration;

use quay_app::card::{CardTerminal, Progress, TerminalOutcome};
use quay_app::webhook::{self, PATH};
use quay_app::Counter;
use quay_core::payment::PaymentState;
use quay_core::Money;
use quay_pay::viva::VivaClient;
use quay_sim::viva::{start_viva_in_thread, RunningViva, TerminalOutcome as Pay, VivaConfig, VivaFaults};
use quay_store::{CardDetails, PaymentRecord};

const DEMO: &[u8] = include_bytes!("../../../assets/demo-menu.json");
const SOURCE: &str = "A3-SN-0042";
const TOKEN: &str = "s3cret-token-for-the-webhook-0001";

/// A counter on the Viva simulator with its listener on a free loopback port, and the
/// simulator told to POST events to it (`copies` of each).
struct Shop {
    viva: RunningViva,
    counter: Arc<Counter>,
    rt: tokio::runtime::Runtime,
    url: String,
    _dir: tempfile::TempDir,
}

fn shop(copies: u32) -> Shop {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let listener = rt.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let addr = listener.local_addr().unwrap();
    let url = format!("http://{addr}{PATH}?token={TOKEN}");
    let viva = start_viva_in_thread(VivaConfig { webhook_url: Some(url.clone()), ..VivaConfig::sandbox() });
    viva.set_faults(VivaFaults { webhook_copies: copies, ..VivaFaults::default() });
    let dir = tempfile::tempdir().unwrap();
    let c = Counter::open(dir.path()).unwrap();
    c.import_menu(&quay_app::Who::Setup, DEMO).unwrap();
    for (k, v) in [
        ("terminal.kind", "viva"),
        ("viva.url", viva.url.as_str()),
        ("viva.merchant_id", VivaConfig::SANDBOX_MERCHANT_ID),
        ("viva.source_code", SOURCE),
        (webhook::LISTEN, &addr.to_string()),
    ] {
        c.set_setting(k, v).unwrap();
    }
    c.set_secret("viva.api_key", VivaConfig::SANDBOX_API_KEY).unwrap();
    c.set_secret(webhook::TOKEN, TOKEN).unwrap();
    c.set_secret(webhook::KEY, VivaConfig::SANDBOX_WEBHOOK_KEY).unwrap();
    let counter = Arc::new(c);
    let config = counter.webhook_config().unwrap().expect("configured");
    assert_eq!(config.listen, addr);
    rt.spawn(webhook::serve(listener, counter.clone(), config, std::future::pending()));
    Shop { viva, counter, rt, url, _dir: dir }
}

fn http(method: &str, url: &str, body: &[u8]) -> u16 {
    use std::io::{Read, Write};
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_at(rest.find('/').unwrap());
    let mut s = std::net::TcpStream::connect(host).unwrap();
    write!(s, "{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len()).unwrap();
    s.write_all(body).unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out.split_whitespace().nth(1).unwrap().parse().unwrap()
}

fn wait_for(what: &str, mut cond: impl FnMut() -> bool) {
    for _ in 0..300 {
        if cond() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("timed out waiting for {what}");
}

/// Creates the order like the real terminal, reports its code, then loses track of it.
struct Lost<'a>(&'a RunningViva);

impl CardTerminal for Lost<'_> {
    fn kind(&self) -> &'static str {
        "viva"
    }
    fn charge(&self, key: &str, amount: Money, on: &dyn Fn(Progress<'_>)) -> TerminalOutcome {
        let client =
            VivaClient::new(&self.0.url, VivaConfig::SANDBOX_MERCHANT_ID, VivaConfig::SANDBOX_API_KEY).with_currency(amount.currency);
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let order = rt.block_on(client.create_order(amount.minor, SOURCE, key)).unwrap();
        on(Progress::Reference(&order.to_string()));
        TerminalOutcome::Unknown(CardDetails { message: Some("lost".into()), ..Default::default() })
    }
    fn enquire(&self, _: &PaymentRecord) -> TerminalOutcome {
        TerminalOutcome::Unknown(CardDetails::default())
    }
    fn refund(&self, _: &str, _: &PaymentRecord, _: Money, _: &dyn Fn(&str)) -> TerminalOutcome {
        TerminalOutcome::Unknown(CardDetails::default())
    }
}

#[test]
fn viva_verifies_the_listener_and_a_wrong_token_is_refused() {
    let s = shop(1);
    s.viva.verify_webhook().expect("Viva's GET verification gets its key back");
    let wrong = s.url.replace(TOKEN, "guess");
    assert_eq!(http("GET", &wrong, b""), 403);
    assert_eq!(http("POST", &wrong, br#"{"EventTypeId":1796,"EventData":{"OrderCode":1}}"#), 403);
    let no_token = s.url.split('?').next().unwrap().to_string();
    assert_eq!(http("POST", &no_token, b"{}"), 403);
    // The token is right but the body is not an event.
    assert_eq!(http("POST", &s.url, b"not json"), 400);
    drop(s.rt);
}

#[test]
fn an_event_wakes_the_poll_so_the_sale_closes_without_waiting_for_the_tick() {
    let s = shop(1);
    let c = &s.counter;
    let co = c.checkout();
    c.edit_cart(&co, &quay_app::Who::Setup, |cart, m, now| Ok(cart.add(m, "i-phobo", &[], 1, None, now)?)).unwrap();
    // A tick and a wait far longer than the test's patience: only the webhook's hint
    // can make the counter look again before the test gives up.
    let terminal = c.viva_terminal().unwrap().with_timing(Duration::from_secs(3600), Duration::from_secs(7200));
    let (done, result) = std::sync::mpsc::channel();
    let paying = c.clone();
    let paying_co = co;
    std::thread::spawn(move || {
        let _ = done.send(paying.pay_card(&paying_co, &quay_app::Who::Setup, &terminal, None, &|_| {}).map(|r| r.sale.is_some()));
    });
    wait_for("the order", || s.viva.orders().iter().any(|o| o.state_id == 0));
    s.viva.pay_newest(SOURCE, Pay::Approve).expect("an open order");
    let closed = result.recv_timeout(Duration::from_secs(30)).expect("the hint woke the poll").unwrap();
    assert!(closed, "the sale closed");
    assert_eq!(s.viva.stats().webhooks_acknowledged, 1);
    drop(s.rt);
}

#[test]
fn an_attempt_left_open_by_a_crash_is_settled_by_the_event_once_however_often_it_comes() {
    let s = shop(3); // every event POSTed three times
    let c = &s.counter;
    let co = c.checkout();
    c.edit_cart(&co, &quay_app::Who::Setup, |cart, m, now| Ok(cart.add(m, "i-phobo", &[], 1, None, now)?)).unwrap();
    // The attempt is journaled and its order created, then the app loses it: nobody
    // polls any more, the journal says unknown with the order's code.
    let err = c.pay_card(&co, &quay_app::Who::Setup, &Lost(&s.viva), None, &|_| {}).unwrap_err();
    assert_eq!(err.code, "err-card-unknown");
    let open = c.payments_on(&quay_app::Who::Setup, c.today()).unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].state, PaymentState::Unknown);
    assert!(open[0].details.provider_ref.is_some(), "the order code was journaled");
    s.viva.pay_newest(SOURCE, Pay::Approve).expect("the order is still payable");
    wait_for("the webhook to settle the attempt", || {
        c.payments_on(&quay_app::Who::Setup, c.today()).unwrap()[0].state == PaymentState::Approved
    });
    wait_for("all three copies", || s.viva.stats().webhooks_sent == 3);
    wait_for("all three answered", || s.viva.stats().webhooks_acknowledged == 3);
    let p = &c.payments_on(&quay_app::Who::Setup, c.today()).unwrap()[0];
    let log = c.payment_log(&quay_app::Who::Setup, &p.key).unwrap();
    assert_eq!(log.iter().filter(|e| e.state == "approved").count(), 1, "settled once: {log:?}");
    let sales = c.sales_on(&quay_app::Who::Setup, c.today()).unwrap();
    assert_eq!(sales.len(), 1, "the sale completed once from the journal");
    drop(s.rt);
}
