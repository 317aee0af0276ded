//! `quay-sim`: the partners' simulators on loopback for `make run` and scripts. Prints
//! `hub: http://127.0.0.1:PORT/api/v1` on stdout first, then `viva: http://…` with
//! `--viva`, `zvt: …` with `--zvt`, then `momo: …`, `zalopay: …`, `vnpay: …`, `alipay: …` with
//! `--wallets`, then `nhanh: …`, `nhanh-app-id: …`, `nhanh-secret: …`, `nhanh-business: …`,
//! `nhanh-code: …` with `--nhanh`, then `vpos-nestpay: …`, `vpos-nestpay-gate: …`, `vpos-garanti: …`
//! and the banks' sandbox credentials (`vpos-nestpay-client-id: …`, …) with `--vpos`, then
//! `printer-NAME: tcp://127.0.0.1:PORT` for each `--printer`; logs go to stderr. Faults and menus are switched over the unsigned
//! `/admin/*` endpoints (see the library docs).

use std::io::Write;
use std::path::PathBuf;

use clap::Parser;
use quay_core::menu::MenuSnapshot;
use quay_sim::{HubConfig, PointConfig};

#[derive(Parser, Debug)]
#[command(name = "quay-sim", about = "Simulated partners of a Quay counter, on loopback")]
struct Args {
    /// Port on 127.0.0.1 (0 picks a free one; the address is printed on stdout).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// The hub's menu: a snapshot file in the hub's format.
    #[arg(long, conflicts_with = "items")]
    menu: Option<PathBuf>,
    /// Serve a generated menu of this many items instead (benchmarks, load tests).
    #[arg(long)]
    items: Option<usize>,
    /// Base path of the hub API.
    #[arg(long, default_value = "/api/v1")]
    base: String,
    #[arg(long, default_value = HubConfig::SANDBOX_POS_PARENT)]
    pos_parent: String,
    #[arg(long, default_value = HubConfig::SANDBOX_POS_ID)]
    pos_id: String,
    /// Verifies the counter's requests (the key's text, as bytes).
    #[arg(long)]
    key1: Option<String>,
    /// Signs the hub's responses.
    #[arg(long)]
    key2: Option<String>,
    /// Another point of the same brand, `POS_ID:KEY1:KEY2[:NAME]` (repeatable): verified
    /// with its KEY1, answered signed with its KEY2.
    #[arg(long = "extra-point", value_name = "POS_ID:KEY1:KEY2[:NAME]", value_parser = PointConfig::parse)]
    extra_point: Vec<PointConfig>,
    /// Shifts the hub's clock by this many seconds (negative: behind).
    #[arg(long, default_value_t = 0, allow_negative_numbers = true)]
    clock_offset: i64,
    /// Also run the Viva simulator (sandbox merchant and key).
    #[arg(long)]
    viva: bool,
    /// With --viva: the terminal of this source pays its newest order by itself, as if a
    /// cashier pressed F1 on it (for the sandbox; tests drive the terminal instead).
    #[arg(long, requires = "viva")]
    viva_autopay: Option<String>,
    /// Also run the ZVT terminal simulator on a pseudo-terminal; prints `zvt: /dev/pts/N`.
    /// It approves every payment unless told otherwise (`/admin`-less: scripts are for tests).
    /// It refuses every command but registration, status enquiry and abort (`84 6B`)
    /// until the counter registers with the terminal's password.
    #[arg(long)]
    zvt: bool,
    /// With --zvt: the terminal's password, six digits (a counter without `zvt.password`
    /// registers with 000000).
    #[arg(long, requires = "zvt", default_value = "000000", value_parser = zvt_password)]
    zvt_password: u32,
    /// With --zvt: the terminal forgets its registration every SECS seconds, as after a
    /// restart (the counter must register again and re-send what was refused).
    #[arg(long, requires = "zvt", value_name = "SECS")]
    zvt_forget_registration: Option<u64>,
    /// Also run the wallets (MoMo POS, ZaloPay, VNPAY-QR, Alipay, sandbox credentials); prints
    /// `momo: URL`, `zalopay: URL`, `vnpay: URL`, `alipay: URL` (each wallet's base URL).
    /// Scripts and payments over `/admin/wallet/{momo|zalopay|vnpay|alipay}/…` on the same port.
    #[arg(long)]
    wallets: bool,
    /// With --wallets: the simulated customer pays every shown QR (ZaloPay, VNPAY, Alipay) after
    /// SECS seconds (without it, QR orders wait for `POST /admin/wallet/W/pay/ORDER`).
    #[arg(long, requires = "wallets", value_name = "SECS")]
    wallets_autopay: Option<u64>,
    /// With --wallets: VNPAY's IPN URL registered for the merchant (VNPAY sends IPNs there).
    #[arg(long, requires = "wallets", value_name = "URL")]
    vnpay_ipn_url: Option<String>,
    /// Also run the Nhanh.vn Open API v3 simulator (sandbox app, business and café catalogue);
    /// prints `nhanh: URL`, `nhanh-app-id: ID`, `nhanh-secret: KEY`, `nhanh-business: ID`,
    /// `nhanh-code: CODE` (a fresh access code, 10 minutes). Controls under `/admin/nhanh/…`.
    #[arg(long)]
    nhanh: bool,
    /// With --nhanh: a generated catalogue of N products instead of the café's.
    #[arg(long, requires = "nhanh", value_name = "N")]
    nhanh_products: Option<usize>,
    /// With --nhanh: where Nhanh sends its webhooks (v3: token in `Authorization`).
    #[arg(long, requires = "nhanh", value_name = "URL")]
    nhanh_webhook: Option<String>,
    /// With --nhanh: the webhook verify token.
    #[arg(long, requires = "nhanh_webhook", value_name = "TOKEN", default_value = "QuaySandboxVerifyToken0001")]
    nhanh_webhook_token: String,
    /// Also run the banks' virtual POS (NestPay/EST and Garanti GVPS, sandbox credentials);
    /// prints `vpos-nestpay: API URL`, `vpos-nestpay-gate: 3-D GATE URL`, `vpos-garanti: API URL`
    /// and the credentials (`vpos-nestpay-client-id: …`, …). The hosted payment pages can be
    /// paid in a browser; controls under `/admin/vpos/…`.
    #[arg(long)]
    vpos: bool,
    /// With --vpos: the terminals' currency (TRY, EUR, USD, GBP, VND, JPY).
    #[arg(long, requires = "vpos", value_name = "CODE", default_value = "TRY")]
    vpos_currency: String,
    /// Also run a network ESC/POS printer (repeatable), 576 dots (80 mm) unless WIDTH is 384
    /// (or 58); with @DIR each page is written as DIR/NAME-NNNN.png (+ .txt). Prints
    /// `printer-NAME: tcp://127.0.0.1:PORT`.
    #[arg(long = "printer", value_name = "NAME[:WIDTH][@DIR]", value_parser = quay_sim::escpos::PrinterConfig::parse)]
    printers: Vec<quay_sim::escpos::PrinterConfig>,
}

fn zvt_password(s: &str) -> Result<u32, String> {
    if s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().map_err(|e| format!("{e}"))
    } else {
        Err("six digits".into())
    }
}

#[tokio::main]
async fn main() {
    let _ = tracing_subscriber::fmt().with_writer(std::io::stderr).try_init();
    let args = Args::parse();
    let menu = match (&args.menu, args.items) {
        (_, Some(n)) => quay_core::synth::menu(n, 1),
        (Some(path), None) => {
            let bytes = std::fs::read(path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
            MenuSnapshot::from_json(&bytes).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())))
        }
        (None, None) => fail("give --menu FILE or --items N"),
    };
    let mut config = HubConfig::sandbox(menu);
    config.base = args.base;
    config.pos_parent = args.pos_parent;
    config.pos_id = args.pos_id;
    if let Some(k) = args.key1 {
        config.key1 = k.into_bytes();
    }
    if let Some(k) = args.key2 {
        config.key2 = k.into_bytes();
    }
    config.extra_points = args.extra_point;
    let hub = quay_sim::start_on(config, args.port).await.unwrap_or_else(|e| fail(&e.to_string()));
    hub.set_clock_offset(args.clock_offset);
    say(format_args!("hub: {}", hub.url));
    let viva = if args.viva { Some(quay_sim::viva::start_viva(quay_sim::viva::VivaConfig::sandbox()).await) } else { None };
    if let Some(v) = &viva {
        say(format_args!("viva: {}", v.url));
        if let Some(source) = args.viva_autopay.clone() {
            let v = v.viva().clone();
            tokio::spawn(async move {
                loop {
                    tokio::time::sleep(std::time::Duration::from_millis(2_500)).await;
                    v.pay_newest(&source, quay_sim::viva::TerminalOutcome::Approve);
                }
            });
        }
    }
    // The terminal's end of a pty pair; the counter opens the other end by its name.
    let _zvt = if args.zvt {
        let config = quay_sim::zvt::ZvtSimConfig { password: args.zvt_password, ..Default::default() };
        let (sim, tty) = quay_sim::zvt::ZvtSim::start_with(config).unwrap_or_else(|e| fail(&format!("zvt: {e}")));
        if let Some(secs) = args.zvt_forget_registration.filter(|s| *s > 0) {
            sim.forget_registration_every(std::time::Duration::from_secs(secs));
        }
        use serialport::SerialPort;
        say(format_args!("zvt: {}", tty.name().unwrap_or_default()));
        Some((sim, tty))
    } else {
        None
    };
    let _wallets = if args.wallets {
        let mut config = quay_sim::wallet::WalletConfig::sandbox();
        config.autopay_after = args.wallets_autopay.map(std::time::Duration::from_secs);
        config.vnpay.ipn_url = args.vnpay_ipn_url.clone();
        let w = quay_sim::wallet::start_wallets(config).await;
        say(format_args!("momo: {}", w.momo_url));
        say(format_args!("zalopay: {}", w.zalopay_url));
        say(format_args!("vnpay: {}", w.vnpay_url));
        say(format_args!("alipay: {}", w.alipay_url));
        Some(w)
    } else {
        None
    };
    let _nhanh = if args.nhanh {
        let mut config = match args.nhanh_products {
            Some(n) => quay_sim::nhanh::NhanhSimConfig::generated(n),
            None => quay_sim::nhanh::NhanhSimConfig::sandbox(),
        };
        config.webhook = args.nhanh_webhook.clone().map(|url| quay_sim::nhanh::WebhookTarget {
            url,
            token: args.nhanh_webhook_token.clone(),
            version: quay_sim::nhanh::WebhookVersion::V3,
        });
        let n = quay_sim::nhanh::start_nhanh(config).await;
        say(format_args!("nhanh: {}", n.url));
        say(format_args!("nhanh-app-id: {}", n.config().app_id));
        say(format_args!("nhanh-secret: {}", n.config().secret_key));
        say(format_args!("nhanh-business: {}", n.config().business_id));
        say(format_args!("nhanh-code: {}", n.issue_access_code()));
        Some(n)
    } else {
        None
    };
    let _vpos = if args.vpos {
        use quay_sim::vpos::{self, constants as k};
        let currency = vpos::VposCurrency::parse(&args.vpos_currency)
            .unwrap_or_else(|| fail(&format!("--vpos-currency {}: TRY, EUR, USD, GBP, VND or JPY", args.vpos_currency)));
        let v = vpos::start(vpos::VposSim::new(vpos::VposSimConfig::sandbox_in(currency))).await;
        say(format_args!("vpos-nestpay: {}", v.nestpay_api));
        say(format_args!("vpos-nestpay-gate: {}", v.nestpay_gate));
        say(format_args!("vpos-garanti: {}", v.garanti_api));
        say(format_args!("vpos-currency: {}", currency.code()));
        say(format_args!("vpos-nestpay-client-id: {}", k::NESTPAY_CLIENT_ID));
        say(format_args!("vpos-nestpay-user: {}", k::NESTPAY_USER));
        say(format_args!("vpos-nestpay-password: {}", k::NESTPAY_PASSWORD));
        say(format_args!("vpos-nestpay-store-key: {}", k::NESTPAY_STORE_KEY));
        say(format_args!("vpos-garanti-merchant-id: {}", k::GARANTI_MERCHANT_ID));
        say(format_args!("vpos-garanti-terminal-id: {}", k::GARANTI_TERMINAL_ID));
        say(format_args!("vpos-garanti-prov-user: {}", k::GARANTI_PROV_USER));
        say(format_args!("vpos-garanti-prov-password: {}", k::GARANTI_PROV_PASSWORD));
        say(format_args!("vpos-garanti-refund-user: {}", k::GARANTI_REFUND_USER));
        say(format_args!("vpos-garanti-refund-password: {}", k::GARANTI_REFUND_PASSWORD));
        say(format_args!("vpos-garanti-store-key: {}", k::GARANTI_STORE_KEY));
        Some(v)
    } else {
        None
    };
    let mut names = std::collections::HashSet::new();
    let mut _printers = Vec::new();
    for config in args.printers {
        if !names.insert(config.name.clone()) {
            fail(&format!("--printer {}: given twice", config.name));
        }
        let p = quay_sim::escpos::start(quay_sim::escpos::PrinterSim::new(config)).await;
        say(format_args!("printer-{}: {}", p.config().name, p.url));
        _printers.push(p);
    }
    let _ = std::io::stdout().flush();
    let _ = tokio::signal::ctrl_c().await;
}

fn fail(msg: &str) -> ! {
    eprintln!("quay-sim: {msg}");
    std::process::exit(1)
}

/// One line on stdout, flushed. A reader that went away (a test that read what it
/// needed and closed the pipe) is not a reason to die: the simulators keep serving.
fn say(line: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}").and_then(|_| out.flush());
}
