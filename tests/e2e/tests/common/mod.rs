//! What the window tests share: the simulators and the driver as processes, the
//! `quay` binary for setup, and WebDriver helpers that wait for the UI.
#![allow(dead_code)] // each test file uses a part

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Map, Value};
use thirtyfour::prelude::*;

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

pub fn app_binary() -> PathBuf {
    std::env::var_os("QUAY_APP").map(PathBuf::from).unwrap_or_else(|| root().join("target/debug/quay"))
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

pub fn sim_binary() -> PathBuf {
    app_binary().with_file_name("quay-sim")
}

/// The hub simulator, on a free port, serving the demo café; stopped on drop.
pub struct Sim {
    child: Child,
    pub url: String,
    pub viva: String,
    /// With `Sim::start_with_wallets`: the wallets' base URLs.
    pub wallets: Option<WalletUrls>,
    /// With `Sim::start_with_wallets_and_vpos`: the banks' lines (`vpos-nestpay: URL`,
    /// `vpos-nestpay-client-id: …`, …) by name.
    pub vpos: std::collections::HashMap<String, String>,
}

/// The wallets of `quay-sim --wallets` (MoMo POS, ZaloPay, VNPAY-QR): each one's base URL,
/// and where their unsigned `/admin/wallet/…` controls are.
pub struct WalletUrls {
    pub momo: String,
    pub zalopay: String,
    pub vnpay: String,
    /// `127.0.0.1:PORT` of the wallets' listener.
    pub authority: String,
}

impl Sim {
    pub fn start() -> Sim {
        Sim::start_with(false, false)
    }

    /// The hub and Viva as `start`, and the three wallets (sandbox credentials; QR orders
    /// wait for the test to pay them: no autopay).
    pub fn start_with_wallets() -> Sim {
        Sim::start_with(true, false)
    }

    /// As `start_with_wallets`, and the simulated banks' virtual POS in VND (`--vpos`).
    pub fn start_with_wallets_and_vpos() -> Sim {
        Sim::start_with(true, true)
    }

    fn start_with(wallets: bool, vpos: bool) -> Sim {
        use std::io::BufRead;
        let menu = root().join("assets/demo-menu.json");
        let mut args = vec!["--port", "0", "--menu", menu.to_str().unwrap(), "--viva", "--viva-autopay", "E2E-TERMINAL"];
        if wallets {
            args.push("--wallets");
        }
        if vpos {
            args.extend(["--vpos", "--vpos-currency", "VND"]);
        }
        let mut child = Command::new(sim_binary())
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("quay-sim (built by cargo test --workspace)");
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut next = |prefix: &str| {
            let mut line = String::new();
            out.read_line(&mut line).unwrap();
            line.trim().strip_prefix(prefix).unwrap_or_else(|| panic!("the simulator prints {prefix}URL, not {line:?}")).to_string()
        };
        let url = next("hub: ");
        let viva = next("viva: ");
        let wallets = wallets.then(|| {
            let (momo, zalopay, vnpay) = (next("momo: "), next("zalopay: "), next("vnpay: "));
            let authority = momo.trim_start_matches("http://").split('/').next().unwrap().to_string();
            WalletUrls { momo, zalopay, vnpay, authority }
        });
        // The banks' lines come after the others; the NestPay store key is the last one used.
        let mut banks = std::collections::HashMap::new();
        let mut line = String::new();
        while vpos && !banks.contains_key("vpos-nestpay-store-key") && out.read_line(&mut line).unwrap() > 0 {
            if let Some((k, v)) = line.trim().split_once(": ") {
                banks.insert(k.to_string(), v.trim().to_string());
            }
            line.clear();
        }
        assert!(!vpos || banks.contains_key("vpos-nestpay-store-key"), "the simulator printed no virtual POS lines: {banks:?}");
        // Keep reading what the simulator prints after (e.g. `alipay: URL`), so it never
        // writes into a closed pipe.
        std::thread::spawn(move || {
            let mut line = String::new();
            while out.read_line(&mut line).is_ok_and(|n| n > 0) {
                line.clear();
            }
        });
        Sim { child, url, viva, wallets, vpos: banks }
    }

    /// `GET /admin/stats` (unsigned, loopback).
    pub fn stats(&self) -> Value {
        let authority = self.url.trim_start_matches("http://").split('/').next().unwrap().to_string();
        http_json(&authority, "GET", "/admin/stats", None).1
    }

    fn wallet_urls(&self) -> &WalletUrls {
        self.wallets.as_ref().expect("a simulator started with Sim::start_with_wallets")
    }

    /// A wallet's orders as it sees them (`{"orders": [{order_id, amount, state, requests,
    /// …}], "total_charged": N}`); `wallet` is momo, zalopay or vnpay.
    pub fn wallet_orders(&self, wallet: &str) -> Value {
        let (status, v) = http_json(&self.wallet_urls().authority, "GET", &format!("/admin/wallet/{wallet}/orders"), None);
        assert_eq!(status, 200, "{wallet} orders: {v}");
        v
    }

    /// The customer pays a waiting QR order (ZaloPay, VNPAY) now.
    pub fn wallet_customer_pays(&self, wallet: &str, order_id: &str) -> Value {
        let (status, v) =
            http_json(&self.wallet_urls().authority, "POST", &format!("/admin/wallet/{wallet}/pay/{order_id}"), Some(&json!({})));
        assert_eq!(status, 200, "{wallet} pay {order_id}: {v}");
        v
    }
}

/// One request to a simulator's unsigned admin (loopback, `Connection: close`): the status
/// and the JSON answer (Null when it is not JSON).
pub fn http_json(authority: &str, method: &str, path: &str, body: Option<&Value>) -> (u16, Value) {
    use std::io::{Read, Write};
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let mut s = std::net::TcpStream::connect(authority).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut raw = String::new();
    s.read_to_string(&mut raw).unwrap();
    let (head, payload) = raw.split_once("\r\n\r\n").unwrap();
    let status = head.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    (status, serde_json::from_str(payload).unwrap_or(Value::Null))
}

impl Drop for Sim {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn quay_stdin(data: &Path, args: &[&str], input: &str) {
    use std::io::Write;
    let mut child = Command::new(app_binary()).arg("--data-dir").arg(data).args(args).stdin(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    assert!(child.wait().unwrap().success(), "quay {args:?}");
}

pub fn quay(data: &Path, args: &[&str]) -> String {
    let out = Command::new(app_binary()).arg("--data-dir").arg(data).args(args).output().expect("run quay");
    assert!(out.status.success(), "quay {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// tauri-driver, stopped with SIGTERM so it takes WebKitWebDriver down with it.
pub struct Driver {
    child: Child,
    pub port: u16,
}

impl Driver {
    pub fn start(out: &Path) -> Driver {
        let bin = std::env::var_os("TAURI_DRIVER").map(PathBuf::from).unwrap_or_else(|| {
            let home = std::env::var_os("CARGO_HOME")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").unwrap()).join(".cargo"));
            home.join("bin/tauri-driver")
        });
        let (port, native) = (free_port(), free_port());
        let log = std::fs::File::create(out.join("tauri-driver.log")).unwrap();
        let child = Command::new(&bin)
            .args(["--port", &port.to_string(), "--native-port", &native.to_string()])
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .stdin(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{}: {e} (make test installs it)", bin.display()));
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "tauri-driver did not listen on {port}");
            std::thread::sleep(Duration::from_millis(100));
        }
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Where screenshots and the driver's log go (created).
pub fn output_dir() -> PathBuf {
    let out = root().join("tests/e2e/output");
    std::fs::create_dir_all(&out).unwrap();
    out
}

/// A session on the window of the counter in `data`: with `browserName` as tauri-driver
/// expects it, or without where the driver refuses it.
pub async fn open_window(driver: &Driver, data: &Path) -> WebDriverResult<WebDriver> {
    match connect(driver.port, data, true).await {
        Ok(d) => Ok(d),
        Err(_) => connect(driver.port, data, false).await,
    }
}

pub async fn connect(port: u16, data: &Path, browser_name: bool) -> WebDriverResult<WebDriver> {
    let mut caps = Map::new();
    if browser_name {
        caps.insert("browserName".into(), json!("wry"));
    }
    caps.insert("tauri:options".into(), json!({"application": app_binary(), "args": ["--data-dir", data]}));
    WebDriver::new(format!("http://127.0.0.1:{port}"), caps).await
}

pub async fn by_testid(d: &WebDriver, id: &str) -> WebDriverResult<WebElement> {
    d.query(By::Css(format!("[data-testid='{id}']")))
        .wait(Duration::from_secs(15), Duration::from_millis(100))
        .and_displayed()
        .first()
        .await
}

/// Clicks the control, after checking that no message (toast, alert, progress) covers any
/// control: a message over a button is a button nobody can press.
pub async fn click(d: &WebDriver, id: &str) -> WebDriverResult<()> {
    let el = by_testid(d, id).await?;
    covers(d, &output_dir(), &format!("before-{id}"), false).await?;
    // As a person does: bring it to the middle of its scrolling box first (the driver's own
    // scrolling may leave it at an edge, where its centre can fall on something else).
    d.execute("arguments[0].scrollIntoView({ block: 'center', inline: 'nearest' })", vec![el.to_json()?]).await?;
    el.click().await
}

/// Waits until the element's text contains `needle` (views load after the dialog opens).
pub async fn wait_text(d: &WebDriver, id: &str, needle: &str) -> WebDriverResult<String> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let text = by_testid(d, id).await?.text().await?;
        if text.contains(needle) {
            return Ok(text);
        }
        assert!(Instant::now() < deadline, "{id}: {text:?} lacks {needle:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until exactly `n` elements match: the UI updates after the backend answers.
pub async fn wait_count(d: &WebDriver, css: &str, n: usize) -> WebDriverResult<()> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let found = d.find_all(By::Css(css)).await?.len();
        if found == n {
            return Ok(());
        }
        assert!(Instant::now() < deadline, "{css}: {found} elements, expected {n}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub async fn shot(d: &WebDriver, out: &Path, name: &str) -> WebDriverResult<()> {
    d.screenshot(&out.join(format!("{name}.png"))).await
}

/// en grouping for VND, as the screen shows it: ₫125,000.
pub fn vnd_en(minor: i64) -> String {
    let digits = minor.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    format!("₫{out}")
}

pub fn ftl_receipt(lang: &str, id: &str) -> String {
    ftl_in("receipt.ftl", lang, id)
}

/// The text of message `id` in a locale's ui.ftl (single-line messages only).
pub fn ftl(lang: &str, id: &str) -> String {
    ftl_in("ui.ftl", lang, id)
}

pub fn ftl_in(file: &str, lang: &str, id: &str) -> String {
    let src = std::fs::read_to_string(root().join(format!("locales/{lang}/{file}"))).unwrap();
    src.lines().find_map(|l| l.strip_prefix(&format!("{id} = "))).unwrap_or_else(|| panic!("{lang}: {id}")).trim().to_string()
}

pub fn quay_as(data: &Path, pin: Option<&str>, args: &[&str], input: &str) {
    use std::io::Write;
    let mut cmd = Command::new(app_binary());
    cmd.arg("--data-dir").arg(data).args(args).env_remove("QUAY_PIN").stdin(Stdio::piped());
    if let Some(p) = pin {
        cmd.env("QUAY_PIN", p);
    }
    let mut child = cmd.spawn().unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    assert!(child.wait().unwrap().success(), "quay {args:?}");
}

pub async fn type_pin(d: &WebDriver, pad: &str, pin: &str) -> WebDriverResult<()> {
    for digit in pin.chars() {
        click(d, &format!("{pad}-pad-{digit}")).await?;
    }
    Ok(())
}

pub fn quay_with_pin(data: &Path, pin: &str, args: &[&str]) -> String {
    let out = Command::new(app_binary()).arg("--data-dir").arg(data).args(args).env("QUAY_PIN", pin).output().expect("run quay");
    assert!(out.status.success(), "quay {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// A counter in English connected to the hub simulator, with the menu synced: as `make
/// run` sets it up.
pub fn counter_on_hub(p: &Path, sim: &Sim) {
    quay(p, &["config", "set", "counter.locale", "en"]);
    quay(p, &["config", "set", "hub.url", &sim.url]);
    quay(p, &["config", "set", "hub.pos_parent", "SANDBOX"]);
    quay(p, &["config", "set", "hub.pos_id", "SANDBOX-01"]);
    quay_stdin(p, &["config", "set", "hub.key1", "-"], "sandbox-key1-0123456789abcdef\n");
    quay_stdin(p, &["config", "set", "hub.key2", "-"], "sandbox-key2-0123456789abcdef\n");
    quay(p, &["menu", "sync"]);
}

/// Card payments through Viva eftPOS, whose sandbox terminal pays the newest order itself.
pub fn card_on_viva(p: &Path, sim: &Sim) {
    quay(p, &["config", "set", "terminal.kind", "viva"]);
    quay(p, &["config", "set", "viva.url", &sim.viva]);
    quay(p, &["config", "set", "viva.merchant_id", "1b2d3f4a-0000-4000-8000-00000000a3a3"]);
    quay(p, &["config", "set", "viva.source_code", "E2E-TERMINAL"]);
    quay_stdin(p, &["config", "set", "viva.api_key", "-"], "sandbox-api-key\n");
}

/// The three wallets on the simulator's sandbox credentials, enabled, as `make run` sets
/// them up; the counter asks a waiting wallet every second.
pub fn wallets_on_sim(p: &Path, sim: &Sim) {
    let w = sim.wallets.as_ref().expect("a simulator started with Sim::start_with_wallets");
    quay(p, &["config", "set", "wallet.poll_s", "1"]);
    quay(p, &["config", "set", "wallet.momo.url", &w.momo]);
    quay(p, &["config", "set", "wallet.momo.partner_code", "MOMO"]);
    quay_stdin(p, &["config", "set", "wallet.momo.access_key", "-"], "F8BBA842ECF85\n");
    quay_stdin(p, &["config", "set", "wallet.momo.secret_key", "-"], "K951B6PE1waDMi640xX08PD3vg6EkVlz\n");
    let public = std::fs::read_to_string(root().join("tests/sim/keys/momo-sandbox-public.txt")).unwrap();
    quay(p, &["config", "set", "wallet.momo.public_key", public.trim()]);
    quay(p, &["config", "set", "wallet.momo.store_id", "QUAY01"]);
    quay(p, &["config", "set", "wallet.zalopay.url", &w.zalopay]);
    quay(p, &["config", "set", "wallet.zalopay.app_id", "2553"]);
    quay_stdin(p, &["config", "set", "wallet.zalopay.key1", "-"], "PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL\n");
    quay_stdin(p, &["config", "set", "wallet.zalopay.key2", "-"], "kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz\n");
    quay(p, &["config", "set", "wallet.vnpay.url", &w.vnpay]);
    quay(p, &["config", "set", "wallet.vnpay.merchant_code", "88888888"]);
    quay(p, &["config", "set", "wallet.vnpay.terminal_id", "PSSTEST"]);
    quay_stdin(p, &["config", "set", "wallet.vnpay.secret", "-"], "vnpay@MERCHANT\n");
    for w in ["momo", "zalopay", "vnpay"] {
        quay(p, &["config", "set", &format!("wallet.{w}.enabled"), "true"]);
    }
}

/// Invokes a command of the window as the webview does: `Ok(answer)` or `Err(error)`.
pub async fn invoke_cmd(d: &WebDriver, cmd: &str, args: Value) -> WebDriverResult<Result<Value, Value>> {
    let js = "const [cmd, args, done] = arguments; \
        window.__TAURI_INTERNALS__.invoke(cmd, args).then((v) => done({ok: v === undefined ? null : v}), (e) => done({err: e === undefined ? null : e}));";
    let r = d.execute_async(js, vec![json!(cmd), args]).await?.json().clone();
    Ok(match r.get("ok") {
        Some(v) => Ok(v.clone()),
        None => Err(r.get("err").cloned().unwrap_or(Value::Null)),
    })
}

/// PINs of the staff `add_staff` creates: Tuấn the technician, Hoa the manager, Lan the cashier.
pub const TECH: &str = "2468";
pub const MANAGER: &str = "5678";
pub const CASHIER: &str = "1357";

pub fn add_staff(p: &Path) {
    quay_as(p, None, &["staff", "add", "--name", "Tuấn", "--role", "technician"], &format!("{TECH}\n"));
    quay_as(p, Some(TECH), &["staff", "add", "--name", "Hoa", "--role", "manager"], &format!("{MANAGER}\n"));
    quay_as(p, Some(TECH), &["staff", "add", "--name", "Lan", "--role", "cashier"], &format!("{CASHIER}\n"));
}

/// The window sizes every layout must work at: the window's minimum (tauri.conf.json), the
/// default, and a full-HD counter screen.
pub const SIZES: [(u32, u32); 3] = [(1024, 640), (1280, 800), (1920, 1080)];
pub const LOCALES: [&str; 5] = ["en", "vi", "ar", "el", "zh-CN"];

/// Resizes the window in place until the page's viewport has that size (the window
/// manager of the display may add nothing or a frame).
pub async fn set_size(d: &WebDriver, (w, h): (u32, u32)) -> WebDriverResult<()> {
    let deadline = Instant::now() + Duration::from_secs(10);
    let (mut ww, mut wh) = (w, h);
    loop {
        d.set_window_rect(0, 0, ww, wh).await?;
        tokio::time::sleep(Duration::from_millis(150)).await;
        let got: Vec<u32> = d.execute("return [window.innerWidth, window.innerHeight];", Vec::<Value>::new()).await?.convert()?;
        if got == [w, h] {
            return Ok(());
        }
        assert!(Instant::now() < deadline, "the viewport stayed {got:?}, wanted {w}×{h}");
        // A frame around the page: grow the window by what is missing.
        ww = (ww as i64 + w as i64 - got[0] as i64).max(1) as u32;
        wh = (wh as i64 + h as i64 - got[1] as i64).max(1) as u32;
    }
}

/// Switches the window's language live, as the language select does, and waits for it.
pub async fn set_locale(d: &WebDriver, lang: &str) -> WebDriverResult<()> {
    d.execute(
        "const s = document.querySelector(\"[data-testid='locale-select']\"); s.value = arguments[0]; s.dispatchEvent(new Event('change', {bubbles: true}));",
        vec![json!(lang)],
    )
    .await?;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let now: String = d.execute("return document.documentElement.lang;", Vec::<Value>::new()).await?.convert()?;
        if now == lang {
            return Ok(());
        }
        assert!(Instant::now() < deadline, "lang stayed {now}, wanted {lang}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The layout audit's script (`audit.js`); `click` runs its part about what covers a control.
pub const AUDIT: &str = include_str!("audit.js");

/// Fails (with a screenshot named `name`) when a message or anything else covers a control.
pub async fn assert_nothing_covers(d: &WebDriver, out: &Path, name: &str) -> WebDriverResult<()> {
    covers(d, out, name, true).await
}

async fn covers(d: &WebDriver, out: &Path, name: &str, all: bool) -> WebDriverResult<()> {
    // Messages over any control of the active layer (the topmost dialog, else the window);
    // with `all`, also anything over a control's centre, where it is scrolled into view.
    let mode = if all { "covers" } else { "messages" };
    let problems: Vec<String> = d.execute(AUDIT, vec![json!([]), json!([]), json!("en"), json!(false), json!(mode)]).await?.convert()?;
    if !problems.is_empty() {
        let _ = shot(d, out, &format!("covered-{name}")).await;
        panic!("{name}: {problems:#?}");
    }
    Ok(())
}
