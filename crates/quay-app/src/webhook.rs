//! Viva's webhook, as the counter uses it: optional, off unless `viva.webhook.listen` is
//! set (a shop rarely has a public address; polling is the default). The listener is
//! quay-pay's (`quay_pay::viva::listener`); here are its settings and what a hint does.
//! A POST is only a *hint*: it wakes the poll of a payment in progress, and an attempt
//! left open by a crash is re-fetched from Viva before anything is journaled. Duplicated
//! and retried events find the attempt already settled and change nothing.

use std::net::SocketAddr;
use std::sync::Arc;

use quay_core::payment::PaymentState;
use quay_pay::viva::listener::{self, ListenerConfig};
use quay_pay::viva::webhook::Hint;
use tokio::net::TcpListener;

use crate::card::{outcome_state, TerminalOutcome};
use crate::{AppError, Counter, Result};

pub use crate::keys::{VIVA_WEBHOOK_KEY as KEY, VIVA_WEBHOOK_LISTEN as LISTEN, VIVA_WEBHOOK_TOKEN as TOKEN};
pub use listener::PATH;

/// The listener's settings.
pub type WebhookConfig = ListenerConfig;

impl Counter {
    /// The listener's configuration, or `None` when it is off.
    pub fn webhook_config(&self) -> Result<Option<WebhookConfig>> {
        let Some(listen) = self.setting(LISTEN)?.filter(|v| !v.trim().is_empty()) else { return Ok(None) };
        let bad = |k: &str| AppError::new("err-terminal-not-configured", vec![("missing", k.into())]);
        let listen = listen.trim().parse::<SocketAddr>().map_err(|_| bad(LISTEN))?;
        let token = self.store().secret(TOKEN)?.filter(|t| !t.is_empty()).ok_or_else(|| bad(TOKEN))?;
        let key = self.store().secret(KEY)?.unwrap_or_default();
        Ok(Some(ListenerConfig { listen, token, key }))
    }

    /// Acts on a webhook's hint: wakes the poll of the payment in progress; an attempt
    /// left open (sent or unknown, no poll running) is settled from what Viva says now.
    /// Returns the attempts it settled.
    pub fn viva_hint(&self, hint: &Hint) -> Result<Vec<String>> {
        self.viva_hint.notify_one();
        let charging = self.charging.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let order = hint.order_code.map(|o| o.to_string());
        let open: Vec<_> = self
            .store()
            .payments_unresolved()?
            .into_iter()
            .filter(|p| p.terminal == "viva" && p.state != PaymentState::Pending)
            .filter(|p| Some(&p.key) != charging.as_ref())
            .filter(|p| (order.is_some() && p.details.provider_ref == order) || hint.merchant_trns.as_deref() == Some(p.key.as_str()))
            .collect();
        if open.is_empty() {
            return Ok(vec![]);
        }
        let viva = self.viva_terminal()?;
        let mut settled = Vec::new();
        for p in open {
            let Some(outcome) = viva.look(&p) else { continue };
            // A decline leaves the order open for another card: not final for the journal
            // of an attempt nobody is polling; the start-up resolution settles it.
            if matches!(outcome, TerminalOutcome::Declined(_)) {
                continue;
            }
            let (state, details) = outcome_state(outcome);
            let r = self.store().payment_transition(&p.key, state, &details, &self.now().to_rfc3339())?;
            tracing::info!(key = %r.key, state = r.state.as_str(), "settled from a Viva webhook");
            if r.state == PaymentState::Approved && self.find_sale(r.sale_id).is_err() {
                self.complete_from_journal(&r)?;
            }
            settled.push(r.key);
        }
        Ok(settled)
    }
}

/// Binds the configured address.
pub async fn bind(config: &WebhookConfig) -> std::io::Result<TcpListener> {
    listener::bind(config).await
}

/// Binds and serves the configured webhook until the process ends; a failure is logged
/// (the counter works without it: the payment's poll finds the outcome anyway).
pub async fn listen(counter: Arc<Counter>, config: WebhookConfig) {
    match bind(&config).await {
        Ok(l) => {
            if let Err(e) = serve(l, counter, config, std::future::pending()).await {
                tracing::error!(error = %e, "the Viva webhook listener stopped");
            }
        }
        Err(e) => tracing::error!(addr = %config.listen, error = %e, "the Viva webhook listener cannot bind"),
    }
}

/// Serves the webhook on `l` until `stop` resolves, each hint acted on by `counter`.
pub async fn serve(
    l: TcpListener,
    counter: Arc<Counter>,
    config: WebhookConfig,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let on_hint: listener::OnHint = Arc::new(move |hint: Hint| counter.viva_hint(&hint).map(|_| ()).map_err(|e| e.to_string()));
    listener::serve(l, config, on_hint, stop).await
}
