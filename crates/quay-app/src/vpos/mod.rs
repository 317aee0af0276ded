//! A bank's virtual POS (seed 001, docs/VPOS.md): the definitions a technician keeps (one
//! per bank agreement: the gateway's family, URLs, the credentials that family needs —
//! secrets encrypted, masked, never logged —, currency, 3-D Secure, the static IP the bank
//! knows), payments taken by phone (MOTO) or by a 3-D payment link through the payment
//! journal (`pay`), and the day-end comparison with the bank's list (`dayend`).

pub mod callback;
pub mod dayend;
pub mod pay;

use std::collections::BTreeMap;

use quay_core::auth::Action;
use quay_core::error::Arg;
use quay_pay::vpos::{Credentials, Gateway, VposClient, VposError};
use quay_store::vpos::{secret_key, DefinitionRow};
use serde::{Deserialize, Serialize};

use crate::{AppError, Counter, Result, Who};

pub use pay::{LinkInput, LinkView, MotoInput, VposPaymentView};
pub use quay_pay::vpos::Kind;

/// The journal's `terminal` of a definition's payments: `vpos:<name>`.
pub const TERMINAL_PREFIX: &str = "vpos:";
/// Longest definition name (the journal's `terminal` holds 32 characters).
pub const NAME_MAX: usize = 24;

/// The Fluent ids an attempt's journal may carry as `code:<id>` (what stopped it before
/// or after the bank): the wire's errors and the counter's own.
pub const KNOWN_CODES: &[&str] =
    &["vpos-code-not-found", "err-vpos-amount-mismatch", "err-vpos-no-card", "err-vpos-nothing-to-cancel", "err-vpos-partial-before-close"];

/// Orders a bank's callback named, for the link waiting on them, and the attempts this
/// process is sending right now.
#[derive(Default)]
pub struct Hints {
    named: std::sync::Mutex<Vec<String>>,
    wake: std::sync::Condvar,
    sending: std::sync::Mutex<Vec<String>>,
}

/// Marks an attempt as being sent by this process until dropped.
pub(crate) struct Sending<'a>(&'a Counter, String);

impl Drop for Sending<'_> {
    fn drop(&mut self) {
        self.0.vpos_hints.sending.lock().unwrap_or_else(|p| p.into_inner()).retain(|k| *k != self.1);
    }
}

impl Counter {
    /// Waits up to `d` for a callback naming `order` (then forgets the hint).
    pub(crate) fn vpos_wait(&self, order: &str, d: std::time::Duration) {
        let h = &self.vpos_hints;
        let named = h.named.lock().unwrap_or_else(|p| p.into_inner());
        let (mut named, _) = h.wake.wait_timeout_while(named, d, |n| !n.iter().any(|o| o == order)).unwrap_or_else(|p| p.into_inner());
        named.retain(|o| o != order);
    }

    pub(crate) fn vpos_sending(&self, key: &str) -> Sending<'_> {
        self.vpos_hints.sending.lock().unwrap_or_else(|p| p.into_inner()).push(key.to_string());
        Sending(self, key.to_string())
    }

    /// Whether the authorization of `p` may still be on its way: this process is sending
    /// it, or it was sent less than the bank's timeout (and 5 s) ago — by this or
    /// another process. Its "not found" then proves nothing.
    pub(crate) fn vpos_in_flight(&self, p: &quay_store::PaymentRecord) -> bool {
        if self.vpos_hints.sending.lock().unwrap_or_else(|g| g.into_inner()).iter().any(|k| *k == p.key) {
            return true;
        }
        let timeout = self.setting(crate::keys::VPOS_TIMEOUT_S).ok().flatten().and_then(|v| v.parse::<i64>().ok()).unwrap_or(30);
        // From the attempt's start (journaled just before it was sent): a later "unknown"
        // written by an early question must not shorten the wait.
        let started = chrono::DateTime::parse_from_rfc3339(&p.created_at).ok();
        // A cancel may take three calls (the order's state, a void, the refund it asks for).
        let calls = if p.kind == quay_core::payment::PaymentKind::Sale { 1 } else { 3 };
        !p.state.is_final() && started.is_some_and(|t| self.now() < t + chrono::Duration::seconds(calls * timeout + 5))
    }

    /// A callback named `order`: wake its wait (the bank is then asked; the callback
    /// alone decides nothing).
    pub(crate) fn vpos_hint(&self, order: &str) {
        let h = &self.vpos_hints;
        let mut named = h.named.lock().unwrap_or_else(|p| p.into_inner());
        if named.len() > 256 {
            named.clear();
        }
        named.push(order.to_string());
        h.wake.notify_all();
    }
}

pub fn terminal_of(name: &str) -> String {
    format!("{TERMINAL_PREFIX}{name}")
}

/// The definition a journal `terminal` names.
pub fn definition_of(terminal: &str) -> Option<&str> {
    terminal.strip_prefix(TERMINAL_PREFIX)
}

pub(crate) fn vpos_error(e: VposError) -> AppError {
    AppError::from_localized(&e)
}

/// A credential field as the screen and `vpos list` show it: secrets as `********`.
#[derive(Debug, Clone, Serialize)]
pub struct FieldView {
    pub name: String,
    pub value: String,
    pub secret: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct DefinitionView {
    pub name: String,
    pub kind: String,
    pub mode: String,
    pub api_url: String,
    pub gate_url: Option<String>,
    pub currency: String,
    pub three_d: String,
    pub static_ip: Option<String>,
    pub fields: Vec<FieldView>,
    pub implemented: bool,
    pub supports_link: bool,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct KindFieldView {
    pub name: &'static str,
    pub secret: bool,
    pub flag: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct KindView {
    pub kind: &'static str,
    pub implemented: bool,
    pub supports_link: bool,
    pub fields: Vec<KindFieldView>,
}

/// What the payment screen offers a cashier: the definitions that can take a payment.
#[derive(Debug, Clone, Serialize)]
pub struct VposChoice {
    pub name: String,
    pub kind: String,
    /// MOTO is refused when the definition requires 3-D Secure.
    pub moto: bool,
    pub link: bool,
}

/// A definition as typed (the window's form, `quay vpos add|edit`).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DefinitionInput {
    /// The name being edited (None: a new definition).
    #[serde(default)]
    pub original_name: Option<String>,
    pub name: String,
    pub kind: String,
    #[serde(default = "test_mode")]
    pub mode: String,
    pub api_url: String,
    #[serde(default)]
    pub gate_url: Option<String>,
    pub currency: String,
    #[serde(default = "optional_3d")]
    pub three_d: String,
    #[serde(default)]
    pub static_ip: Option<String>,
    /// Every credential field by name; a secret left empty on an edit is kept.
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
}

fn test_mode() -> String {
    "test".into()
}

fn optional_3d() -> String {
    "optional".into()
}

fn invalid(field: &str, value: &str) -> AppError {
    AppError::new("err-vpos-field", vec![("field", Arg::Text(field.into())), ("value", Arg::Text(value.into()))])
}

fn check_url(field: &str, url: &str, production: bool) -> Result<String> {
    let url = url.trim();
    let parsed = url::Url::parse(url).map_err(|_| invalid(field, url))?;
    let scheme_ok = parsed.scheme() == "https" || (!production && parsed.scheme() == "http");
    if !scheme_ok || parsed.host_str().is_none() {
        return Err(AppError::new("err-vpos-url", vec![("field", Arg::Text(field.into())), ("value", Arg::Text(url.into()))]));
    }
    Ok(url.to_string())
}

/// Checks a definition's name: 1–24 of `A-Z a-z 0-9 _ -` (it names secrets and the journal's terminal).
pub fn check_name(name: &str) -> Result<()> {
    let ok = !name.is_empty() && name.len() <= NAME_MAX && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(AppError::new("err-vpos-name", vec![("name", Arg::Text(name.into())), ("max", Arg::Int(NAME_MAX as i64))]))
    }
}

fn view(row: &DefinitionRow) -> DefinitionView {
    let kind = Kind::parse(&row.kind);
    let mut fields = Vec::new();
    if let Some(k) = kind {
        for f in k.fields() {
            let value = if f.secret { quay_store::MASKED.to_string() } else { row.fields.get(f.name).cloned().unwrap_or_default() };
            fields.push(FieldView { name: f.name.to_string(), value, secret: f.secret });
        }
    }
    DefinitionView {
        name: row.name.clone(),
        kind: row.kind.clone(),
        mode: row.mode.clone(),
        api_url: row.api_url.clone(),
        gate_url: row.gate_url.clone(),
        currency: row.currency.clone(),
        three_d: row.three_d.clone(),
        static_ip: row.static_ip.clone(),
        fields,
        implemented: kind.is_some_and(Kind::implemented),
        supports_link: kind.is_some_and(Kind::supports_link),
        created_at: row.created_at.clone(),
        updated_at: row.updated_at.clone(),
    }
}

impl Counter {
    /// The gateway families and the credential fields each needs.
    pub fn vpos_kinds(&self, who: &Who) -> Result<Vec<KindView>> {
        self.allow(who, Action::ConfigureSettings)?;
        Ok(Kind::ALL
            .into_iter()
            .map(|k| KindView {
                kind: k.as_str(),
                implemented: k.implemented(),
                supports_link: k.supports_link(),
                fields: k.fields().iter().map(|f| KindFieldView { name: f.name, secret: f.secret, flag: f.flag }).collect(),
            })
            .collect())
    }

    /// Every definition, secrets masked.
    pub fn vpos_definitions(&self, who: &Who) -> Result<Vec<DefinitionView>> {
        self.allow(who, Action::ConfigureSettings)?;
        let rows = self.store().vpos_definitions()?;
        Ok(rows.iter().map(view).collect())
    }

    /// The definitions a cashier can take a payment with.
    pub fn vpos_choices(&self, who: &Who) -> Result<Vec<VposChoice>> {
        self.allow(who, Action::RingSale)?;
        let rows = self.store().vpos_definitions()?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                let k = Kind::parse(&r.kind).filter(|k| k.implemented())?;
                Some(VposChoice { name: r.name.clone(), kind: r.kind.clone(), moto: r.three_d != "required", link: k.supports_link() })
            })
            .collect())
    }

    /// Adds a definition or edits one (renaming it when `original_name` differs). All is
    /// checked before anything is written; secrets are encrypted and audited as `********`.
    pub fn vpos_save(&self, who: &Who, input: &DefinitionInput) -> Result<DefinitionView> {
        self.allow(who, Action::ConfigureSettings)?;
        let name = input.name.trim().to_string();
        check_name(&name)?;
        let kind = Kind::parse(input.kind.trim()).ok_or_else(|| invalid("kind", &input.kind))?;
        let mode = match input.mode.trim() {
            m @ ("test" | "production") => m.to_string(),
            m => return Err(invalid("mode", m)),
        };
        let production = mode == "production";
        let api_url = check_url("api_url", &input.api_url, production)?;
        let gate_url = match input.gate_url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
            Some(u) => Some(check_url("gate_url", u, production)?),
            None => None,
        };
        let currency = input.currency.trim().to_ascii_uppercase();
        if currency != self.config().currency.code() {
            return Err(AppError::new(
                "err-vpos-currency",
                vec![("currency", Arg::Text(currency)), ("counter", Arg::Text(self.config().currency.code().into()))],
            ));
        }
        let three_d = match input.three_d.trim() {
            t @ ("required" | "optional") => t.to_string(),
            t => return Err(invalid("three_d", t)),
        };
        if three_d == "required" && !kind.supports_link() {
            return Err(AppError::new("err-vpos-3d-unsupported", vec![("kind", Arg::Text(kind.as_str().into()))]));
        }
        if kind.supports_link() && three_d == "required" && gate_url.is_none() {
            return Err(AppError::new("err-vpos-gate-required", vec![]));
        }
        let static_ip = match input.static_ip.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(ip) => Some(ip.parse::<std::net::IpAddr>().map_err(|_| invalid("static_ip", ip))?.to_string()),
            None => None,
        };
        let original = input.original_name.as_deref().map(str::trim).filter(|o| !o.is_empty());
        let existing = match original {
            Some(o) => Some(self.store().vpos_definition(o)?.ok_or_else(|| not_found(o))?),
            None => None,
        };
        if original != Some(name.as_str()) && self.store().vpos_definition(&name)?.is_some() {
            return Err(AppError::new("err-vpos-exists", vec![("name", Arg::Text(name))]));
        }
        // Payments in flight are asked about at this definition's bank: they are settled
        // there before its family, address or merchant changes (new credentials for the
        // same merchant are always welcome: asking may need them).
        if let Some(old) = &existing {
            let public_changed = Kind::parse(&old.kind) != Some(kind)
                || old.api_url != input.api_url.trim()
                || kind.fields().iter().filter(|f| !f.secret).any(|f| {
                    old.fields.get(f.name).map(String::as_str) != input.fields.get(f.name).map(|v| v.trim()).filter(|v| !v.is_empty())
                });
            if public_changed {
                self.no_open_payments(&old.name)?;
            }
        }
        // The journal names payments by the definition's name (cancels and the day end
        // go to its bank): a name that took payments is never renamed away. Adding a
        // definition under a removed name makes its payments reachable again.
        if let Some(old) = original.filter(|o| *o != name) {
            let terminal = terminal_of(old);
            let used = !self.store().vpos_payment_keys(old)?.is_empty()
                || self.store().payments_unresolved()?.iter().any(|p| p.terminal == terminal);
            if used {
                return Err(AppError::new("err-vpos-rename-used", vec![("name", Arg::Text(old.into()))]));
            }
        }
        let kind_changed = existing.as_ref().is_some_and(|e| e.kind != kind.as_str());
        let mut public = BTreeMap::new();
        let mut secrets = Vec::new();
        for f in kind.fields() {
            let value = input.fields.get(f.name).map(|v| v.trim().to_string()).unwrap_or_default();
            if f.secret && value.is_empty() {
                // Kept from the definition being edited, if it has one.
                let kept = match &existing {
                    Some(e) if !kind_changed => self.store().has_secret(&secret_key(&e.name, f.name))?,
                    _ => false,
                };
                if !kept {
                    return Err(AppError::new("err-vpos-field-missing", vec![("field", Arg::Text(f.name.into()))]));
                }
                continue;
            }
            if value.is_empty() {
                return Err(AppError::new("err-vpos-field-missing", vec![("field", Arg::Text(f.name.into()))]));
            }
            kind.check_field(f.name, &value).map_err(vpos_error)?;
            if f.secret {
                secrets.push((f.name.to_string(), value));
            } else {
                public.insert(f.name.to_string(), value);
            }
        }
        let now = self.now().to_rfc3339();
        let row = DefinitionRow {
            name: name.clone(),
            kind: kind.as_str().into(),
            mode,
            api_url,
            gate_url,
            currency,
            three_d,
            static_ip,
            fields: public,
            created_at: existing.as_ref().map_or_else(|| now.clone(), |e| e.created_at.clone()),
            updated_at: now,
        };
        let secret_fields: Vec<&str> = kind.fields().iter().filter(|f| f.secret).map(|f| f.name).collect();
        let summary = |r: &DefinitionRow| {
            let mut v = serde_json::to_value(r).unwrap_or_default();
            for f in &secret_fields {
                v["fields"][*f] = serde_json::Value::String(quay_store::MASKED.into());
            }
            v.to_string()
        };
        let action = if existing.is_some() { "vpos.edit" } else { "vpos.add" };
        let audit = quay_store::AuditEntry::new(self.now(), &who.actor(), action, &name)
            .change(existing.as_ref().map(summary), Some(summary(&row)));
        // A family changed: the old family's secrets go (`vpos_save` moves or deletes
        // every name it is given that has no new value).
        let stale: Vec<&'static str> = existing
            .as_ref()
            .and_then(|e| Kind::parse(&e.kind))
            .filter(|k| *k != kind)
            .map(|k| k.fields().iter().filter(|f| f.secret && !secret_fields.contains(&f.name)).map(|f| f.name).collect())
            .unwrap_or_default();
        self.store().vpos_save(original, &row, &secrets, &secret_fields, &audit)?;
        for f in stale {
            for n in [name.as_str(), original.unwrap_or(name.as_str())] {
                self.store().delete_secret(&secret_key(n, f))?;
            }
        }
        tracing::info!(name = %name, kind = kind.as_str(), "virtual POS definition saved");
        Ok(view(&row))
    }

    /// Removes a definition and its secrets (its payments stay in the journal and the log).
    pub fn vpos_remove(&self, who: &Who, name: &str) -> Result<()> {
        self.allow(who, Action::ConfigureSettings)?;
        let row = self.store().vpos_definition(name)?.ok_or_else(|| not_found(name))?;
        self.no_open_payments(name)?;
        let secret_fields: Vec<&str> =
            Kind::parse(&row.kind).map(|k| k.fields().iter().filter(|f| f.secret).map(|f| f.name).collect()).unwrap_or_default();
        let audit = quay_store::AuditEntry::new(self.now(), &who.actor(), "vpos.remove", name).change(Some(row.kind.clone()), None);
        self.store().vpos_remove(name, &secret_fields, &audit)?;
        Ok(())
    }

    fn no_open_payments(&self, name: &str) -> Result<()> {
        let terminal = terminal_of(name);
        let open = self.store().payments_unresolved()?.into_iter().find(|p| p.terminal == terminal);
        match open {
            Some(p) => Err(AppError::new("err-vpos-open-payments", vec![("name", Arg::Text(name.into())), ("key", Arg::Text(p.key))])),
            None => Ok(()),
        }
    }

    /// The definition `name` with its credentials decrypted, for the one call that needs them.
    pub(crate) fn vpos_gateway(&self, name: &str) -> Result<(DefinitionRow, Gateway)> {
        let row = self.store().vpos_definition(name)?.ok_or_else(|| not_found(name))?;
        let kind = Kind::parse(&row.kind).ok_or_else(|| invalid("kind", &row.kind))?;
        if !kind.implemented() {
            return Err(AppError::new("err-vpos-kind-not-implemented", vec![("kind", Arg::Text(row.kind.clone()))]));
        }
        let mut values: Vec<(String, String)> = row.fields.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for f in kind.fields().iter().filter(|f| f.secret) {
            let v = self.store().secret(&secret_key(&row.name, f.name))?;
            values.push((f.name.to_string(), v.unwrap_or_default()));
        }
        let credentials = Credentials::new(kind, values).map_err(vpos_error)?;
        let currency = row.currency.parse().map_err(|_| invalid("currency", &row.currency))?;
        let gateway = Gateway { kind, api_url: row.api_url.clone(), gate_url: row.gate_url.clone(), credentials, currency };
        Ok((row, gateway))
    }

    pub(crate) fn vpos_client(&self, name: &str) -> Result<(DefinitionRow, VposClient)> {
        let (row, gateway) = self.vpos_gateway(name)?;
        let timeout = self.setting(crate::keys::VPOS_TIMEOUT_S)?.and_then(|v| v.parse::<u64>().ok()).unwrap_or(30);
        let client = VposClient::new(gateway).map_err(vpos_error)?.with_timeout(std::time::Duration::from_secs(timeout));
        Ok((row, client))
    }
}

pub(crate) fn not_found(name: &str) -> AppError {
    AppError::new("err-vpos-not-found", vec![("name", Arg::Text(name.into()))])
}
