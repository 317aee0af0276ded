//! What the command-line tests share: the real `quay` binary run on a data directory.
//! The outer environment's `QUAY_DATA_DIR` and `QUAY_PIN` never leak in, and logs are
//! kept to errors so that stderr holds what the command itself says.
#![allow(dead_code)] // each test file uses a part

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

pub const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/demo-menu.json");

/// `quay --data-dir DIR ARGS…` with `pin` as `QUAY_PIN` (none: unset) and `stdin` piped in.
pub fn run(dir: &Path, pin: Option<&str>, args: &[&str], stdin: &str) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quay"));
    cmd.arg("--data-dir").arg(dir).args(args).env_remove("QUAY_DATA_DIR").env_remove("QUAY_PIN").env("QUAY_LOG", "error");
    if let Some(p) = pin {
        cmd.env("QUAY_PIN", p);
    }
    let mut child = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

/// A command that must succeed; its stdout.
pub fn ok_with(dir: &Path, pin: Option<&str>, args: &[&str], stdin: &str) -> String {
    let out = run(dir, pin, args, stdin);
    assert!(out.status.success(), "quay {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

pub fn ok(dir: &Path, args: &[&str]) -> String {
    ok_with(dir, None, args, "")
}

pub fn ok_as(dir: &Path, pin: Option<&str>, args: &[&str]) -> String {
    ok_with(dir, pin, args, "")
}

pub fn json(dir: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(dir, args)).unwrap()
}

/// A refusal by role or input: exit code 1; its stderr.
pub fn refused_as(dir: &Path, pin: Option<&str>, args: &[&str]) -> String {
    let out = run(dir, pin, args, "");
    assert_eq!(out.status.code(), Some(1), "quay {args:?} should be refused: {}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8(out.stderr).unwrap()
}

/// A refusal as the cashier reads it: exit code 1, exactly one line on stderr, nothing on
/// stdout.
pub fn refused(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, None, args, "");
    assert_eq!(out.status.code(), Some(1), "quay {args:?} should be refused: {}", String::from_utf8_lossy(&out.stdout));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    assert!(err.starts_with("quay: "), "{err}");
    assert!(out.stdout.is_empty());
    err
}

/// `quay config set KEY -` with the secret on stdin, as a technician types it.
pub fn set_secret(dir: &Path, key: &str, value: &[u8]) {
    ok_with(dir, None, &["config", "set", key, "-"], &format!("{}\n", std::str::from_utf8(value).unwrap()));
}

/// A counter with the demo menu whose card terminal is the ZVT simulator on a pty.
pub fn zvt_counter() -> (quay_sim::zvt::ZvtSim, tempfile::TempDir) {
    use serialport::SerialPort;
    let (sim, tty) = quay_sim::zvt::ZvtSim::start().unwrap();
    let port = tty.name().unwrap();
    drop(tty); // the counter opens the device itself
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["menu", "import", DEMO]);
    ok(d, &["config", "set", "terminal.kind", "zvt"]);
    ok(d, &["config", "set", "zvt.port", &port]);
    (sim, dir)
}

/// A counter with the demo menu whose card terminal is Viva's simulator at `url`, terminal
/// `source`, with any `extra` settings (`viva.wait_s`).
pub fn viva_counter(url: &str, source: &str, extra: &[(&str, &str)]) -> tempfile::TempDir {
    use quay_sim::viva::VivaConfig;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["menu", "import", DEMO]);
    let settings =
        [("terminal.kind", "viva"), ("viva.url", url), ("viva.merchant_id", VivaConfig::SANDBOX_MERCHANT_ID), ("viva.source_code", source)];
    for (k, v) in settings.iter().chain(extra) {
        ok(d, &["config", "set", k, v]);
    }
    set_secret(d, "viva.api_key", VivaConfig::SANDBOX_API_KEY.as_bytes());
    dir
}

/// A MoMo payment code as the customer's app shows it (`--wallet-code`).
pub const MOMO_CODE: &str = "MM123456789012345678";

/// A counter with the demo menu whose three wallets (MoMo POS, ZaloPay, VNPAY-QR) are the
/// wallets' simulator `sim`, configured through `quay config set` as a technician does
/// (`make run`), with any `extra` settings (`wallet.qr_deadline_s`, `wallet.poll_s`).
pub fn wallet_counter(sim: &quay_sim::wallet::WalletSimHandle, extra: &[(&str, &str)]) -> tempfile::TempDir {
    use quay_sim::wallet::{WalletConfig, MOMO_SANDBOX_PUBLIC_KEY};
    let cfg = WalletConfig::sandbox();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["menu", "import", DEMO]);
    let settings = [
        ("wallet.momo.enabled", "true"),
        ("wallet.momo.url", sim.momo_url.as_str()),
        ("wallet.momo.partner_code", cfg.momo.partner_code.as_str()),
        ("wallet.momo.public_key", MOMO_SANDBOX_PUBLIC_KEY.trim()),
        ("wallet.momo.store_id", "QUAY01"),
        ("wallet.zalopay.enabled", "true"),
        ("wallet.zalopay.url", sim.zalopay_url.as_str()),
        ("wallet.zalopay.app_id", "2553"),
        ("wallet.vnpay.enabled", "true"),
        ("wallet.vnpay.url", sim.vnpay_url.as_str()),
        ("wallet.vnpay.merchant_code", cfg.vnpay.merchant_code.as_str()),
        ("wallet.vnpay.terminal_id", cfg.vnpay.terminal_id.as_str()),
    ];
    for (k, v) in settings.iter().chain(extra) {
        ok(d, &["config", "set", k, v]);
    }
    for (k, v) in [
        ("wallet.momo.access_key", cfg.momo.access_key.as_str()),
        ("wallet.momo.secret_key", cfg.momo.secret_key.as_str()),
        ("wallet.zalopay.key1", cfg.zalopay.key1.as_str()),
        ("wallet.zalopay.key2", cfg.zalopay.key2.as_str()),
        ("wallet.vnpay.secret", cfg.vnpay.secret.as_str()),
    ] {
        set_secret(d, k, v.as_bytes());
    }
    dir
}

/// `quay sales ring ITEM --pay wallet:NAME` as a child process, stdout and stderr piped,
/// with the customer's `code` for MoMo (`--wallet-code`; MoMo declines a code already used
/// by another order: give each payment its own), paused at `pause` (`QUAY_PAUSE_AT`) if given.
pub fn spawn_wallet_ring(dir: &Path, item: &str, wallet: &str, code: &str, pause: Option<&str>) -> std::process::Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quay"));
    let pay = format!("wallet:{wallet}");
    cmd.arg("--data-dir").arg(dir).args(["sales", "ring", item, "--pay", &pay]);
    if wallet == "momo" {
        cmd.args(["--wallet-code", code]);
    }
    cmd.env_remove("QUAY_DATA_DIR").env_remove("QUAY_PIN").env("QUAY_LOG", "error");
    if let Some(p) = pause {
        cmd.env("QUAY_PAUSE_AT", p);
    }
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap()
}

/// A child process killed when dropped, so a failing case leaves no paused process behind.
pub struct Killed(pub std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl std::ops::Deref for Killed {
    type Target = std::process::Child;
    fn deref(&self) -> &std::process::Child {
        &self.0
    }
}

impl std::ops::DerefMut for Killed {
    fn deref_mut(&mut self) -> &mut std::process::Child {
        &mut self.0
    }
}

/// Waits for a pause point's mark (`QUAY-PAUSED <point>`) on the child's stderr.
pub fn wait_paused(child: &mut std::process::Child, point: &str) {
    use std::io::{BufRead, BufReader};
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let want = format!("QUAY-PAUSED {point}");
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(|l| l.ok()) {
            if line == want {
                let _ = tx.send(());
            }
        }
    });
    rx.recv_timeout(std::time::Duration::from_secs(30)).unwrap_or_else(|_| panic!("the app never reached {point}"));
}

/// Waits up to 30 s for `cond`.
pub fn wait_for(what: &str, mut cond: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !cond() {
        assert!(std::time::Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// SIGKILL (on Unix) and reap.
pub fn sigkill(mut child: Killed) {
    child.0.kill().unwrap();
    child.0.wait().unwrap();
}

/// The CNY demo menu (prices in fen, Chinese names): Alipay's counters.
pub const DEMO_CNY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/demo-menu-cny.json");

/// An Alipay payment code as the customer's app shows it (`--wallet-code`: 16–24 digits
/// starting 25–30). Alipay takes a code for one trade only: give each payment its own.
pub const ALIPAY_CODE: &str = "286612345678901234";

/// The `n`-th Alipay payment code of a test (18 digits starting 28, all different).
pub fn alipay_code(n: u64) -> String {
    format!("28{:016}", 6_612_345_678_901_234u64 + n)
}

/// A CNY counter (`counter.currency` CNY, the CNY demo menu) whose Alipay is the wallets'
/// simulator `sim` (`alipay_url`, the sandbox app id and keys), configured through `quay
/// config set` as a technician does — Alipay's public key as one line of base64, the
/// app's private key as a PEM block on stdin —
/// with any `extra` settings (`wallet.qr_deadline_s`, `wallet.poll_s`,
/// `wallet.alipay.confirm_s`).
pub fn alipay_counter(sim: &quay_sim::wallet::WalletSimHandle, extra: &[(&str, &str)]) -> tempfile::TempDir {
    use quay_sim::wallet::{ALIPAY_APP_PRIVATE_KEY, ALIPAY_GATEWAY_PUBLIC_KEY, ALIPAY_SANDBOX_APP_ID};
    // Alipay's public key as its console shows it: one line of base64.
    let public_key: String = ALIPAY_GATEWAY_PUBLIC_KEY.lines().filter(|l| !l.starts_with("-----")).map(str::trim).collect();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["config", "set", "counter.currency", "CNY"]);
    ok(d, &["menu", "import", DEMO_CNY]);
    let settings = [
        ("wallet.alipay.enabled", "true"),
        ("wallet.alipay.url", sim.alipay_url.as_str()),
        ("wallet.alipay.app_id", ALIPAY_SANDBOX_APP_ID),
        ("wallet.alipay.public_key", public_key.as_str()),
        ("wallet.alipay.store_code", "QUAYSH01"),
    ];
    for (k, v) in settings.iter().chain(extra) {
        ok(d, &["config", "set", k, v]);
    }
    set_secret(d, "wallet.alipay.app_private_key", ALIPAY_APP_PRIVATE_KEY.trim().as_bytes());
    dir
}

/// `quay sales ring ITEM --pay wallet:NAME [--wallet-code CODE]` as a child process,
/// stdout and stderr piped, paused at `pause` (`QUAY_PAUSE_AT`) if given: like
/// `spawn_wallet_ring`, but the code is passed for any wallet that is given one (Alipay's
/// code scan; None: Alipay shows a QR).
pub fn spawn_ring_with_code(dir: &Path, item: &str, wallet: &str, code: Option<&str>, pause: Option<&str>) -> std::process::Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quay"));
    let pay = format!("wallet:{wallet}");
    cmd.arg("--data-dir").arg(dir).args(["sales", "ring", item, "--pay", &pay]);
    if let Some(code) = code {
        cmd.args(["--wallet-code", code]);
    }
    cmd.env_remove("QUAY_DATA_DIR").env_remove("QUAY_PIN").env("QUAY_LOG", "error");
    if let Some(p) = pause {
        cmd.env("QUAY_PAUSE_AT", p);
    }
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap()
}
