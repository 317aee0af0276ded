//! NestPay's 3-D gate (`/fim/est3Dgate`), the hosted payment page (`/fim/page/<token>`) with
//! its scripted cardholder, and the result form the bank POSTs to the merchant (HASH ver3).

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::ledger::{Bank, CardIn, Channel, Refusal, TxKind};
use super::{card, hash, order_id_ok, parse_total, CallbackDelivery, VposSim};

/// A hosted page lives 15 minutes.
pub const PAGE_LIFE_SECS: i64 = 15 * 60;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkState {
    /// Waiting for the cardholder (until `expires_at`).
    Pending,
    /// Paid: mdStatus 1–4 and ProcReturnCode 00.
    Approved,
    /// The issuer declined (or the bank refused) the authorization.
    Declined,
    /// 3-D authentication failed (mdStatus 0, 5, 6, 7, 8, 9).
    Failed,
    /// The cardholder pressed Cancel.
    Cancelled,
    /// The cardholder closed the page: nothing was sent.
    Abandoned,
    /// The gate was called again for the same oid with another amount.
    Replaced,
}

/// One payment link (hosted page) as the gate made it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VposLink {
    pub token: String,
    /// The page's URL (the gate's `Location`).
    pub url: String,
    pub order_id: String,
    /// Minor units.
    pub amount: i64,
    /// `amount` as sent.
    pub amount_text: String,
    pub tran_type: String,
    pub store_type: String,
    pub ok_url: String,
    pub fail_url: String,
    pub callback_url: Option<String>,
    pub lang: String,
    /// Sim clock, unix seconds.
    pub created_at: i64,
    pub expires_at: i64,
    pub state: LinkState,
    /// The gate's fields as received, minus `hash` (echoed in the result form).
    pub fields: Vec<(String, String)>,
}

impl VposLink {
    pub fn live(&self, now: i64) -> bool {
        self.state == LinkState::Pending && now < self.expires_at
    }
}

/// What the cardholder's action led to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkResult {
    pub order_id: String,
    pub token: String,
    pub state: LinkState,
    pub md_status: String,
    /// Approved | Declined | Error.
    pub response: String,
    pub proc_return_code: String,
    pub approved: bool,
    /// Where the result form is POSTed (callbackUrl, else okUrl/failUrl).
    pub callback_to: String,
    /// Where the browser goes next (okUrl/failUrl).
    pub redirect: String,
}

fn get<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v.as_str())
}

fn absolute(u: &str) -> bool {
    (u.starts_with("http://") || u.starts_with("https://")) && u.len() > 8 && !u.contains(char::is_whitespace)
}

/// The gate: Ok(page URL) for a 302, Err(message) for the 400 page.
pub(crate) fn gate(sim: &VposSim, pairs: &[(String, String)]) -> Result<String, String> {
    let c = sim.config();
    for k in ["clientid", "storetype", "TranType", "amount", "currency", "oid", "okUrl", "failUrl", "rnd", "hashAlgorithm", "hash"] {
        if get(pairs, k).is_none_or(|v| v.is_empty()) {
            return Err(format!("Missing required parameter: {k}"));
        }
    }
    let v = |k: &str| get(pairs, k).unwrap_or("").to_string();
    if v("clientid") != c.nestpay_client_id {
        return Err(Refusal::Credentials.message());
    }
    if v("hashAlgorithm") != "ver3" {
        return Err("Unsupported hashAlgorithm: ver3 is required".into());
    }
    if !hash::same(&v("hash"), &hash::ver3(pairs, &c.nestpay_store_key)) {
        return Err("Hash value is not valid (security check failed)".into());
    }
    let store_type = v("storetype");
    if !["3d_host", "3d_pay_hosting"].contains(&store_type.as_str()) {
        return Err(format!("Invalid storetype: {store_type}"));
    }
    let tran_type = v("TranType");
    if !["Auth", "PreAuth"].contains(&tran_type.as_str()) {
        return Err(format!("Invalid TranType: {tran_type}"));
    }
    if v("currency") != c.currency.numeric() {
        return Err(Refusal::BadElement("currency").message());
    }
    let amount = parse_total(&v("amount"), c.currency).ok_or_else(|| Refusal::BadElement("amount").message())?;
    let oid = v("oid");
    if !order_id_ok(&oid) {
        return Err(Refusal::BadElement("oid").message());
    }
    for k in ["okUrl", "failUrl", "callbackUrl"] {
        if let Some(u) = get(pairs, k).filter(|u| !u.is_empty()) {
            if !absolute(u) {
                return Err(format!("Invalid URL: {k} must be absolute"));
            }
        }
    }
    let inst = get(pairs, "Instalment").or_else(|| get(pairs, "taksit")).unwrap_or("");
    if !inst.is_empty() {
        let ok = inst.parse::<u32>().is_ok_and(|n| (2..=12).contains(&n)) && !inst.starts_with('0') && c.currency.numeric() == "949";
        if !ok {
            return Err(Refusal::Instalments.message());
        }
    }
    let now = sim.now();
    let mut g = sim.lock();
    if g.ledger.has_approved_auth(Bank::Nestpay, &oid) {
        return Err(Refusal::Duplicate(oid).message());
    }
    for l in g.links.iter_mut().filter(|l| l.order_id == oid && l.live(now)) {
        if l.amount == amount {
            return Ok(l.url.clone());
        }
        l.state = LinkState::Replaced;
    }
    let token = super::random_alnum(32).to_lowercase();
    let url = format!("{}/fim/page/{token}", sim.base_url());
    let link = VposLink {
        token,
        url: url.clone(),
        order_id: oid,
        amount,
        amount_text: v("amount"),
        tran_type,
        store_type,
        ok_url: v("okUrl"),
        fail_url: v("failUrl"),
        callback_url: get(pairs, "callbackUrl").filter(|u| !u.is_empty()).map(str::to_string),
        lang: get(pairs, "lang").unwrap_or("tr").to_string(),
        created_at: now,
        expires_at: now + c.page_life_secs,
        state: LinkState::Pending,
        fields: pairs.iter().filter(|(k, _)| !k.eq_ignore_ascii_case("hash")).cloned().collect(),
    };
    g.links.push(link);
    Ok(url)
}

/// The cardholder's action on a page.
pub(crate) enum Action<'a> {
    Pay { number: &'a str, expiry: &'a str, cvv: &'a str, md: &'a str },
    Cancel,
}

#[derive(Debug)]
pub(crate) enum PageError {
    /// No such page, or no longer payable.
    Gone(String),
    /// What the page itself refuses before sending anything (shown again with the message).
    Input(String),
}

/// The result form about to be sent.
pub(crate) struct Outgoing {
    pub order_id: String,
    pub url: String,
    pub fields: Vec<(String, String)>,
    pub bad_hash: bool,
    pub other_oid: bool,
    pub skip: bool,
}

pub(crate) fn finish(sim: &VposSim, token: &str, action: Action<'_>) -> Result<(LinkResult, Outgoing), PageError> {
    let now = sim.now();
    let link = {
        let g = sim.lock();
        g.links.iter().find(|l| l.token == token).cloned().ok_or_else(|| PageError::Gone("No such payment page".into()))?
    };
    if !link.live(now) {
        return Err(PageError::Gone(match link.state {
            LinkState::Pending => "This payment page has expired".into(),
            _ => "This payment page is no longer valid".into(),
        }));
    }
    let stamp = sim.stamp();
    let kind = if link.tran_type == "PreAuth" { TxKind::PreAuth } else { TxKind::Auth };
    let mut extra: Vec<(String, String)> = Vec::new();
    let (state, md, response, proc, err_msg, error_code);
    match action {
        Action::Cancel => {
            state = LinkState::Cancelled;
            md = "0".to_string();
            response = "Declined".to_string();
            proc = "99".to_string();
            err_msg = "Cancelled by the cardholder".to_string();
            error_code = String::new();
            extra.push(("mdErrorMsg".into(), "Cancelled by the cardholder".into()));
        }
        Action::Pay { number, expiry, cvv, md: md_in } => {
            let number: String = number.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
            if card::check_number(&number).is_none() {
                return Err(PageError::Input("Invalid card number".into()));
            }
            let exp = card::parse_expiry(expiry.trim(), true)
                .or_else(|| card::parse_expiry(expiry.trim(), false))
                .ok_or_else(|| PageError::Input("Invalid expiry date (MM/YY)".into()))?;
            let cvv = cvv.trim();
            if !(3..=4).contains(&cvv.len()) || !cvv.bytes().all(|b| b.is_ascii_digit()) {
                return Err(PageError::Input("Invalid CVV".into()));
            }
            if md_in.len() != 1 || !md_in.bytes().all(|b| b.is_ascii_digit()) {
                return Err(PageError::Input("Invalid mdStatus".into()));
            }
            md = md_in.to_string();
            let masked = card::masked(&number);
            extra.push(("Ecom_Payment_Card_ExpDate_Month".into(), format!("{:02}", exp.1)));
            extra.push(("Ecom_Payment_Card_ExpDate_Year".into(), format!("{:02}", exp.0 % 100)));
            extra.push(("MaskedPan".into(), masked.clone()));
            extra.push(("maskedCreditCard".into(), masked.clone()));
            if ["1", "2", "3", "4"].contains(&md.as_str()) {
                let card_in = CardIn { number: &number, expiry: Some(exp), cvv: Some(cvv) };
                let r = sim.lock().ledger.sale(
                    Bank::Nestpay,
                    &link.order_id,
                    kind,
                    link.amount,
                    &card_in,
                    0,
                    Channel::ThreeD,
                    Some(&md),
                    &stamp,
                );
                match r {
                    Ok(t) => {
                        state = if t.approved { LinkState::Approved } else { LinkState::Declined };
                        response = t.response.clone();
                        proc = t.proc_return_code.clone();
                        err_msg = t.err_msg.clone().unwrap_or_default();
                        error_code = t.error_code.clone().unwrap_or_default();
                        extra.push(("AuthCode".into(), t.auth_code.clone().unwrap_or_default()));
                        extra.push(("HostRefNum".into(), if t.approved { t.host_ref.clone() } else { String::new() }));
                        extra.push(("TransId".into(), t.trans_id.clone()));
                        extra.push(("EXTRA.CARDBRAND".into(), t.brand.clone().unwrap_or_default()));
                    }
                    Err(r) => {
                        state = LinkState::Declined;
                        response = "Error".into();
                        proc = "99".into();
                        err_msg = r.message();
                        error_code = r.error_code().unwrap_or("").into();
                    }
                }
            } else {
                let t = sim.lock().ledger.failed_3d(Bank::Nestpay, &link.order_id, kind, link.amount, &md, Some(masked), &stamp);
                state = LinkState::Failed;
                response = t.response.clone();
                proc = t.proc_return_code.clone();
                err_msg = t.err_msg.clone().unwrap_or_default();
                error_code = String::new();
                extra.push(("mdErrorMsg".into(), err_msg.clone()));
                extra.push(("TransId".into(), t.trans_id.clone()));
            }
        }
    }
    // The link's new state (unless it changed meanwhile).
    let (bad_hash, other_oid, skip) = {
        let mut g = sim.lock();
        match g.links.iter_mut().find(|l| l.token == token) {
            Some(l) if l.state == LinkState::Pending => l.state = state,
            _ => return Err(PageError::Gone("This payment page is no longer valid".into())),
        }
        let f = &mut g.faults;
        let take = |n: &mut u32| {
            let t = *n > 0;
            if t {
                *n -= 1;
            }
            t
        };
        (take(&mut f.bad_callback_hash), take(&mut f.callback_other_oid), take(&mut f.skip_callbacks))
    };
    let approved = state == LinkState::Approved;
    let mut fields = link.fields.clone();
    let oid = if other_oid { format!("OTHER-{}", super::random_alnum(10)) } else { link.order_id.clone() };
    let mut set = |k: &str, v: String| match fields.iter_mut().find(|(fk, _)| fk.eq_ignore_ascii_case(k)) {
        Some(f) => f.1 = v,
        None => fields.push((k.to_string(), v)),
    };
    set("oid", oid.clone());
    set("ReturnOid", oid.clone());
    set("mdStatus", md.clone());
    set("Response", response.clone());
    set("ProcReturnCode", proc.clone());
    set("ErrMsg", err_msg);
    set("ERRORCODE", error_code);
    set("EXTRA.TRXDATE", sim.local_now().format("%Y%m%d %H:%M:%S").to_string());
    for (k, v) in extra {
        set(&k, v);
    }
    let key = if bad_hash { format!("{}-not-the-key", sim.config().nestpay_store_key) } else { sim.config().nestpay_store_key.clone() };
    let h = hash::ver3(&fields, &key);
    fields.push(("HASH".into(), h));
    let redirect = if approved { link.ok_url.clone() } else { link.fail_url.clone() };
    let url = link.callback_url.clone().unwrap_or_else(|| redirect.clone());
    let result = LinkResult {
        order_id: link.order_id.clone(),
        token: token.to_string(),
        state,
        md_status: md,
        response,
        proc_return_code: proc,
        approved,
        callback_to: url.clone(),
        redirect,
    };
    Ok((result, Outgoing { order_id: oid, url, fields, bad_hash, other_oid, skip }))
}

/// Sends the result form from a thread of its own (retries per the config, recorded once all
/// attempts are done); the receiver hears once the first attempt is over (or skipped).
pub(crate) fn send(sim: &VposSim, out: Outgoing) -> std::sync::mpsc::Receiver<()> {
    let (tx, rx) = std::sync::mpsc::channel();
    let sim = sim.clone();
    let delays = sim.config().callback_retry_delays.clone();
    std::thread::spawn(move || {
        let mut d = CallbackDelivery {
            order_id: out.order_id.clone(),
            url: out.url.clone(),
            fields: out.fields.clone(),
            status: None,
            attempts: 0,
            bad_hash: out.bad_hash,
            other_oid: out.other_oid,
        };
        if !out.skip {
            let body = serde_urlencoded::to_string(&out.fields).unwrap_or_default();
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build();
            if let Ok(rt) = rt {
                rt.block_on(async {
                    let http = reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap_or_default();
                    for (i, delay) in delays.iter().enumerate() {
                        if i > 0 && out.bad_hash {
                            break;
                        }
                        tokio::time::sleep(*delay).await;
                        if d.attempts == 1 {
                            let _ = tx.send(());
                        }
                        d.attempts += 1;
                        let r = http
                            .post(&out.url)
                            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                            .body(body.clone())
                            .send()
                            .await;
                        match r {
                            Ok(resp) => {
                                d.status = Some(resp.status().as_u16());
                                if resp.status().is_success() {
                                    break;
                                }
                            }
                            Err(e) => {
                                d.status = None;
                                tracing::info!("vpos callback to {}: {e}", out.url);
                            }
                        }
                    }
                });
            }
        }
        sim.record_callback(d);
        let _ = tx.send(());
    });
    rx
}

impl VposSim {
    /// Every payment link the gate made, in order.
    pub fn links(&self) -> Vec<VposLink> {
        self.lock().links.clone()
    }

    /// The newest link of an order id.
    pub fn link(&self, order_id: &str) -> Option<VposLink> {
        self.lock().links.iter().rev().find(|l| l.order_id == order_id).cloned()
    }

    fn live_token(&self, order_id: &str) -> Result<String, String> {
        let now = self.now();
        self.lock()
            .links
            .iter()
            .rev()
            .find(|l| l.order_id == order_id && l.live(now))
            .map(|l| l.token.clone())
            .ok_or_else(|| format!("no live payment page for {order_id}"))
    }

    fn act(&self, order_id: &str, action: Action<'_>) -> Result<LinkResult, String> {
        let token = self.live_token(order_id)?;
        match finish(self, &token, action) {
            Ok((result, out)) => {
                let _ = send(self, out);
                Ok(result)
            }
            Err(PageError::Gone(m) | PageError::Input(m)) => Err(m),
        }
    }

    /// The scripted cardholder pays the live page of `order_id` (3-D succeeds, mdStatus 1).
    /// Returns once the bank decided; the result form is sent in the background (see
    /// `wait_callbacks`). Err when there is no live page or the page refuses the input
    /// (bad number, expiry or CVV format).
    pub fn pay_link(&self, order_id: &str, card: &str, expiry: &str, cvv: &str) -> Result<LinkResult, String> {
        self.pay_link_with(order_id, card, expiry, cvv, "1")
    }

    /// `pay_link` with this mdStatus (1–4 authorize; 0, 5, 6, 7, 8, 9 fail the 3-D step).
    pub fn pay_link_with(&self, order_id: &str, card: &str, expiry: &str, cvv: &str, md_status: &str) -> Result<LinkResult, String> {
        self.act(order_id, Action::Pay { number: card, expiry, cvv, md: md_status })
    }

    /// The cardholder goes through 3-D with this mdStatus, paying with the approved test card.
    pub fn md_status(&self, order_id: &str, md_status: &str) -> Result<LinkResult, String> {
        let yy = (chrono::Datelike::year(&self.today()) + 5) % 100;
        self.pay_link_with(order_id, card::APPROVED_CARD, &format!("12/{yy:02}"), "123", md_status)
    }

    /// The cardholder presses Cancel: the result form says so (mdStatus 0); nothing is recorded.
    pub fn cancel_link(&self, order_id: &str) -> Result<LinkResult, String> {
        self.act(order_id, Action::Cancel)
    }

    /// The cardholder closes the page: nothing is sent, nothing recorded ("No record found").
    /// False when there was no live page.
    pub fn abandon(&self, order_id: &str) -> bool {
        let now = self.now();
        let mut g = self.lock();
        let mut done = false;
        for l in g.links.iter_mut().filter(|l| l.order_id == order_id && l.live(now)) {
            l.state = LinkState::Abandoned;
            done = true;
        }
        done
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The hosted page (a form a person can use during `make run`).
pub(crate) fn page_html(sim: &VposSim, token: &str, message: Option<&str>) -> Result<String, String> {
    let now = sim.now();
    let link = sim.lock().links.iter().find(|l| l.token == token).cloned().ok_or_else(|| "No such payment page".to_string())?;
    if !link.live(now) {
        return Err(match link.state {
            LinkState::Pending => "This payment page has expired".into(),
            _ => "This payment page is no longer valid".into(),
        });
    }
    let c = sim.config();
    let amount = super::format_total(link.amount, c.currency);
    let msg = message.map(|m| format!("<p id=\"ErrMsg\" class=\"err\">{}</p>", esc(m))).unwrap_or_default();
    let mins = (link.expires_at - now).max(0) / 60;
    Ok(format!(
        r#"<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>3-D Secure ödeme / payment</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font-family:sans-serif;max-width:26rem;margin:2rem auto;padding:0 1rem}}label{{display:block;margin:.6rem 0 .2rem}}
input,select{{width:100%;padding:.4rem;font-size:1rem;box-sizing:border-box}}.row{{display:flex;gap:.6rem}}.row>div{{flex:1}}
.amount{{font-size:1.6rem;font-weight:bold}}.err{{color:#b00020}}button{{margin-top:1rem;padding:.6rem 1.2rem;font-size:1rem}}
.muted{{color:#666;font-size:.85rem}}</style></head>
<body><h1>Quay sandbox bank</h1>
<p>Sipariş / Order <code id="oid">{oid}</code></p>
<p class="amount" id="amount">{amount} {cur}</p>
{msg}
<form method="post" action="/fim/page/{token}" autocomplete="off">
<label for="pan">Kart numarası / Card number</label><input id="pan" name="pan" inputmode="numeric" placeholder="4508 0345 0803 4509">
<div class="row"><div><label for="expiry">SKT / Expiry (MM/YY)</label><input id="expiry" name="expiry" placeholder="12/30"></div>
<div><label for="cvv">CVV</label><input id="cvv" name="cvv" inputmode="numeric" placeholder="123"></div></div>
<label for="md">3-D Secure</label><select id="md" name="md">
<option value="1">1 — authenticated</option><option value="2">2 — attempt (card not enrolled)</option>
<option value="3">3 — attempt (issuer not enrolled)</option><option value="4">4 — attempt</option>
<option value="0">0 — authentication failed</option><option value="5">5 — not verified</option>
<option value="7">7 — system error</option></select>
<button type="submit" name="action" value="pay" id="pay">Öde / Pay</button>
<button type="submit" name="action" value="cancel" id="cancel">İptal / Cancel</button>
</form>
<p class="muted">Sandbox: see tests/sim/README.md for the test cards. This page expires in {mins} min.</p>
</body></html>
"#,
        lang = esc(&link.lang),
        oid = esc(&link.order_id),
        cur = c.currency.code(),
    ))
}
