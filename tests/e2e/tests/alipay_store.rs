//! The technician's Alipay smart-store screen in the real window. A counter without Alipay
//! set up: the screen opens from the technician's navigation, the checklist shows the
//! failing steps (not an error page), the preview lists what cannot be published, a
//! refused publish is said beside its button, a confirmation shows who and when — and
//! nothing covers a control, in every language at every size (the layout audit's
//! `audit.js`). A counter on the Alipay simulator: the shop and the products published
//! from the screen, the publish showing its progress, the checklist turning ✓.

mod common;

use std::io::BufRead;
use std::path::Path;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::{json, Value};
use thirtyfour::prelude::*;

/// Names that are the same in every language (the layout audit's list).
const ALLOW: &[&str] = &["Quay", "Quay Café", "Alipay", "PDF", "CSV"];

/// The English messages of `locales/en/*.ftl` as (text, regex of its placeables), as the
/// layout audit reads them: one of them on a screen in another language is untranslated.
/// Values that go on over more lines, and those with under three letters of their own, are
/// left out.
fn english() -> Value {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root().join("locales/en")).unwrap() {
        let src = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let lines: Vec<&str> = src.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let value = match line.split_once(" = ") {
                Some((id, v)) if !id.starts_with('#') && !id.contains(' ') && !id.starts_with(' ') => v.trim(),
                _ => continue,
            };
            if value.is_empty() || lines.get(i + 1).is_some_and(|n| n.starts_with("    ") && !n.trim_start().starts_with('.')) {
                continue;
            }
            let (mut re, mut words, mut depth) = (String::new(), 0, 0);
            for c in value.chars() {
                match c {
                    '{' => {
                        if depth == 0 {
                            re.push_str(".+?");
                        }
                        depth += 1;
                    }
                    '}' => depth -= 1,
                    _ if depth > 0 => {}
                    c => {
                        if c.is_alphabetic() {
                            words += 1;
                        }
                        if "\\^$.|?*+()[]/".contains(c) {
                            re.push('\\');
                        }
                        re.push(c);
                    }
                }
            }
            if words < 3 {
                continue;
            }
            out.push(if value.contains('{') { json!([value, re]) } else { json!([value, null]) });
        }
    }
    json!(out)
}

/// The wallets' simulator with Alipay: its base URL. Its output is kept open while it runs
/// (`Sim` stops reading after VNPAY's line: the simulator's `alipay:` line then meets a closed
/// pipe). Stopped on drop.
struct AlipaySim {
    child: Child,
    _out: std::io::BufReader<ChildStdout>,
    url: String,
}

impl AlipaySim {
    fn start() -> AlipaySim {
        let menu = root().join("assets/demo-menu.json");
        let mut child = Command::new(sim_binary())
            .args(["--port", "0", "--menu", menu.to_str().unwrap(), "--wallets"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("quay-sim (built by cargo test --workspace)");
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        let url = loop {
            line.clear();
            assert!(out.read_line(&mut line).unwrap() > 0, "the simulator printed no alipay: line");
            if let Some(url) = line.trim().strip_prefix("alipay: ") {
                break url.to_string();
            }
        };
        AlipaySim { child, _out: out, url }
    }
}

impl Drop for AlipaySim {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn sign_in_as(d: &WebDriver, pin: &str) -> WebDriverResult<()> {
    by_testid(d, "signin-screen").await?;
    type_pin(d, "signin", pin).await?;
    click(d, "signin-submit").await?;
    by_testid(d, "header-staff").await?;
    Ok(())
}

/// Waits until the element's attribute has `want`.
async fn wait_attr(d: &WebDriver, id: &str, attr: &str, want: &str) -> WebDriverResult<()> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let el = by_testid(d, id).await?;
        if el.attr(attr).await?.as_deref() == Some(want) {
            return Ok(());
        }
        assert!(Instant::now() < deadline, "{id}[{attr}] never became {want}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The checklist has been answered (not being asked again).
async fn checked(d: &WebDriver) -> WebDriverResult<()> {
    by_testid(d, "alipay-steps").await?;
    wait_attr(d, "alipay-check", "aria-busy", "false").await
}

async fn steps(d: &WebDriver) -> WebDriverResult<Vec<(String, bool)>> {
    let mut out = Vec::new();
    for li in d.find_all(By::Css("[data-testid='alipay-step']")).await? {
        out.push((li.attr("data-step").await?.unwrap_or_default(), li.attr("data-ok").await?.as_deref() == Some("true")));
    }
    Ok(out)
}

/// The audit of the screen as it is, at every size; each problem named with where.
async fn audit(d: &WebDriver, en: &Value, lang: &str, name: &str, failures: &mut Vec<String>) -> WebDriverResult<()> {
    for size in SIZES {
        set_size(d, size).await?;
        tokio::time::sleep(Duration::from_millis(120)).await;
        let problems: Vec<String> = d.execute(AUDIT, vec![en.clone(), json!(ALLOW), json!(lang), json!(false)]).await?.convert()?;
        let dir = output_dir().join("alipay").join(lang);
        std::fs::create_dir_all(&dir).unwrap();
        d.screenshot(&dir.join(format!("{name}-{}x{}.png", size.0, size.1))).await?;
        failures.extend(problems.into_iter().map(|p| format!("{lang} {}×{} {name}: {p}", size.0, size.1)));
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs tauri-driver, WebKitWebDriver and a display: run by `make test` (make test-e2e)"]
async fn alipay_store_without_alipay_shows_what_is_missing_in_every_language() -> WebDriverResult<()> {
    let out = output_dir();
    let data = tempfile::tempdir().unwrap();
    let p: &Path = data.path();
    let sim = Sim::start();
    counter_on_hub(p, &sim);
    add_staff(p);
    let en = english();
    let driver = Driver::start(&out);
    let d = open_window(&driver, p).await?;
    let result = async {
        sign_in_as(&d, TECH).await?;
        // Only the technician's navigation has it.
        click(&d, "nav-alipay").await?;
        checked(&d).await?;
        let s = steps(&d).await?;
        let ids: Vec<&str> = s.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["keys", "store", "products", "trade_switch", "coupons", "test_payment"]);
        assert!(!s[0].1 && !s[1].1, "nothing configured, yet {s:?}");
        assert!(d.find_all(By::Css("[data-testid='alipay-status-error']")).await?.is_empty());
        assert_eq!(by_testid(&d, "alipay-ready").await?.attr("data-ready").await?.as_deref(), Some("false"));

        // A refused publish is said beside its button.
        click(&d, "alipay-shop-publish").await?;
        by_testid(&d, "alipay-shop-error").await?;
        // The preview: what would be sent, what cannot be published and why.
        click(&d, "alipay-products-preview").await?;
        wait_attr(&d, "alipay-report", "data-dry-run", "true").await?;
        // A confirmation says who and when.
        click(&d, "alipay-confirm-trade_switch").await?;
        let who = wait_text(&d, "alipay-confirmed-trade_switch", "Tuấn").await?;
        assert!(who.contains("Tuấn"), "{who}");
        checked(&d).await?;
        let s = steps(&d).await?;
        assert!(s.iter().any(|(id, ok)| id == "trade_switch" && *ok), "{s:?}");
        click(&d, "alipay-sync").await?;
        by_testid(&d, "alipay-sync-result").await?;

        let mut failures = Vec::new();
        for lang in LOCALES {
            set_locale(&d, lang).await?;
            // The details are worded in the counter's language: asked again, the preview too.
            checked(&d).await?;
            wait_attr(&d, "alipay-products-preview", "aria-busy", "false").await?;
            wait_attr(&d, "alipay-report", "data-dry-run", "true").await?;
            d.execute("document.querySelector(\"[data-testid='alipay-store']\").scrollTo(0, 0);", Vec::<Value>::new()).await?;
            audit(&d, &en, lang, "alipay-store", &mut failures).await?;
            let report = by_testid(&d, "alipay-report").await?;
            d.execute("arguments[0].scrollIntoView({ block: 'start' })", vec![report.to_json()?]).await?;
            audit(&d, &en, lang, "alipay-store-report", &mut failures).await?;
        }
        assert!(failures.is_empty(), "{} layout problems:\n{}", failures.len(), failures.join("\n"));
        Ok::<_, WebDriverError>(())
    }
    .await;
    if result.is_err() {
        let _ = shot(&d, &out, "failure-alipay-store").await;
    }
    d.quit().await?;
    result
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs tauri-driver, WebKitWebDriver and a display: run by `make test` (make test-e2e)"]
async fn alipay_store_publishes_the_shop_and_the_products_with_progress() -> WebDriverResult<()> {
    let out = output_dir();
    let data = tempfile::tempdir().unwrap();
    let p: &Path = data.path();
    let sim = AlipaySim::start();
    let keys = root().join("tests/sim/keys");
    quay(p, &["config", "set", "counter.currency", "CNY"]);
    quay(p, &["config", "set", "counter.locale", "en"]);
    quay(p, &["menu", "import", root().join("assets/demo-menu-cny.json").to_str().unwrap()]);
    for (k, v) in [
        ("wallet.alipay.url", sim.url.clone()),
        ("wallet.alipay.app_id", "2021000000000001".into()),
        ("wallet.alipay.public_key", std::fs::read_to_string(keys.join("alipay-gateway-public.pem")).unwrap()),
        ("wallet.alipay.store_code", "QUAY-SH-01".into()),
        ("wallet.alipay.enabled", "true".into()),
        ("store.name", "Quay Café Shanghai".into()),
        ("store.address", "88 Century Avenue".into()),
        ("store.contact_name", "Li Wei".into()),
        ("store.contact_phone", "13800138000".into()),
        ("wallet.alipay.shop_category", "2015050700000000".into()),
        ("wallet.alipay.item_category", "201905210001".into()),
        ("wallet.alipay.province_code", "310000".into()),
        ("wallet.alipay.city_code", "310100".into()),
        ("wallet.alipay.district_code", "310115".into()),
    ] {
        // `--`: a PEM key begins with dashes.
        quay(p, &["config", "set", k, "--", v.trim()]);
    }
    let private: String =
        std::fs::read_to_string(keys.join("alipay-app-private.pem")).unwrap().chars().filter(|c| *c != '\r' && *c != '\n').collect();
    quay_stdin(p, &["config", "set", "wallet.alipay.app_private_key", "-"], &format!("{private}\n"));
    add_staff(p);
    let driver = Driver::start(&out);
    let d = open_window(&driver, p).await?;
    let result = async {
        sign_in_as(&d, TECH).await?;
        click(&d, "nav-alipay").await?;
        checked(&d).await?;
        let s = steps(&d).await?;
        let list = by_testid(&d, "alipay-steps").await?.text().await?;
        assert!(s.iter().any(|(id, ok)| id == "keys" && *ok), "the keys work on the simulator: {list}");

        click(&d, "alipay-shop-publish").await?;
        by_testid(&d, "alipay-shop-result").await?;
        assert!(d.find_all(By::Css("[data-testid='alipay-shop-error']")).await?.is_empty());

        click(&d, "alipay-products-preview").await?;
        wait_attr(&d, "alipay-report", "data-dry-run", "true").await?;
        let would = by_testid(&d, "alipay-report-sent").await?.text().await?;
        let count = |t: &str| t.chars().filter(char::is_ascii_digit).collect::<String>();
        assert_ne!(count(&would), "0", "{would}");

        // The publish shows its progress under its buttons while it runs.
        d.execute(
            "window.__alipaySeen = { progress: false, value: 0 }; \
             new MutationObserver(() => { const p = document.querySelector(\"[data-testid='alipay-products-progress']\"); \
               if (p) { window.__alipaySeen.progress = true; const b = p.querySelector('progress'); \
                 if (b && b.hasAttribute('value')) window.__alipaySeen.value = Math.max(window.__alipaySeen.value, Number(b.value)); } }) \
               .observe(document.body, { subtree: true, childList: true, attributes: true });",
            Vec::<Value>::new(),
        )
        .await?;
        click(&d, "alipay-products-publish").await?;
        wait_attr(&d, "alipay-report", "data-dry-run", "false").await?;
        let seen: Value = d.execute("return window.__alipaySeen;", Vec::<Value>::new()).await?.json().clone();
        assert_eq!(seen["progress"], json!(true), "the publish showed no progress: {seen}");
        eprintln!("alipay publish: progress seen {seen}");
        let sent = by_testid(&d, "alipay-report-sent").await?.text().await?;
        assert_eq!(count(&sent), count(&would), "{sent} / {would}");
        let refused = by_testid(&d, "alipay-report-refused").await?.text().await?;
        assert_eq!(count(&refused), "0", "{refused}");
        checked(&d).await?;
        let s = steps(&d).await?;
        assert!(s.iter().any(|(id, ok)| id == "products" && *ok), "{s:?}");
        shot(&d, &out, "alipay-published").await?;
        Ok::<_, WebDriverError>(())
    }
    .await;
    if result.is_err() {
        let _ = shot(&d, &out, "failure-alipay-publish").await;
    }
    d.quit().await?;
    result
}
