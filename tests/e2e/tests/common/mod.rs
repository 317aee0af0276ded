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
}

impl Sim {
    pub fn start() -> Sim {
        use std::io::BufRead;
        let mut child = Command::new(sim_binary())
            .args([
                "--port",
                "0",
                "--menu",
                root().join("assets/demo-menu.json").to_str().unwrap(),
                "--viva",
                "--viva-autopay",
                "E2E-TERMINAL",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("quay-sim (built by cargo test --workspace)");
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        let url = line.trim().strip_prefix("hub: ").expect("the simulator prints its address").to_string();
        line.clear();
        out.read_line(&mut line).unwrap();
        let viva = line.trim().strip_prefix("viva: ").expect("the Viva simulator's address").to_string();
        Sim { child, url, viva }
    }

    /// `GET /admin/stats` (unsigned, loopback).
    pub fn stats(&self) -> Value {
        use std::io::{Read, Write};
        let authority = self.url.trim_start_matches("http://").split('/').next().unwrap().to_string();
        let mut s = std::net::TcpStream::connect(&authority).unwrap();
        write!(s, "GET /admin/stats HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n\r\n").unwrap();
        let mut raw = String::new();
        s.read_to_string(&mut raw).unwrap();
        serde_json::from_str(raw.split_once("\r\n\r\n").unwrap().1).unwrap()
    }
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
