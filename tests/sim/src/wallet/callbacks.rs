//! The wallets' calls to the merchant: MoMo's IPN (to the pos `ipnUrl`, on every final
//! outcome), ZaloPay's callback (to create's `callback_url`, payments only) and VNPAY's IPN
//! (to the merchant's registered URL, payments only). Each is POSTed as JSON from the
//! simulator's runtime and retried after 1 s and 3 s until the merchant acknowledges it
//! (MoMo: any 2xx; ZaloPay: return_code 1 or 2; VNPAY: code 00 or 03). With the
//! CallbackBadSignature script a copy with a bad signature goes first (sent once).

use std::time::Duration;

use serde_json::Value;

use super::{momo, vnpay, zalopay, Order, OrderState, SimWallet, WalletSim};

pub(crate) struct Callback {
    wallet: SimWallet,
    url: String,
    bad_first: Option<Value>,
    body: Value,
}

const RETRIES: [Duration; 3] = [Duration::ZERO, Duration::from_secs(1), Duration::from_secs(3)];

/// The callback a just-settled order triggers, if any.
pub(crate) fn build(sim: &WalletSim, wallet: SimWallet, o: &Order) -> Option<Callback> {
    let final_state = matches!(o.state, OrderState::Paid | OrderState::Declined);
    match wallet {
        SimWallet::Momo => {
            let url = o.field("ipnUrl");
            (final_state && !url.is_empty()).then(|| Callback {
                wallet,
                url,
                bad_first: o.bad_callback.then(|| momo::ipn_body(sim, o, true)),
                body: momo::ipn_body(sim, o, false),
            })
        }
        SimWallet::ZaloPay => {
            let url = o.field("callback_url");
            (o.state == OrderState::Paid && !url.is_empty()).then(|| Callback {
                wallet,
                url,
                bad_first: o.bad_callback.then(|| zalopay::callback_body(sim, o, true)),
                body: zalopay::callback_body(sim, o, false),
            })
        }
        SimWallet::Vnpay => {
            let url = sim.config().vnpay.ipn_url.clone().filter(|u| !u.is_empty())?;
            (o.state == OrderState::Paid).then(|| Callback {
                wallet,
                url,
                bad_first: o.bad_callback.then(|| vnpay::ipn_body(sim, o, true)),
                body: vnpay::ipn_body(sim, o, false),
            })
        }
    }
}

pub(crate) fn send(sim: &WalletSim, cb: Callback) {
    let http = sim.0.http.clone();
    let record = sim.clone();
    let note = move |bad_signature: bool, acknowledged: bool| {
        let d = super::Delivery { wallet: cb.wallet, bad_signature, acknowledged };
        record.0.deliveries.lock().unwrap_or_else(|p| p.into_inner()).push(d);
    };
    sim.0.rt.spawn(async move {
        if let Some(bad) = &cb.bad_first {
            let acked = post(&http, cb.wallet, &cb.url, bad).await.unwrap_or(false);
            note(true, acked);
        }
        for delay in RETRIES {
            tokio::time::sleep(delay).await;
            let answer = post(&http, cb.wallet, &cb.url, &cb.body).await;
            note(false, matches!(answer, Ok(true)));
            match answer {
                Ok(true) => return,
                Ok(false) => tracing::info!("{:?} callback to {} not acknowledged", cb.wallet, cb.url),
                Err(e) => tracing::info!("{:?} callback to {}: {e}", cb.wallet, cb.url),
            }
        }
    });
}

/// True when the merchant acknowledged it.
async fn post(http: &reqwest::Client, wallet: SimWallet, url: &str, body: &Value) -> Result<bool, reqwest::Error> {
    let resp = http.post(url).json(body).send().await?;
    let status = resp.status();
    if !status.is_success() {
        return Ok(false);
    }
    if wallet == SimWallet::Momo {
        return Ok(true);
    }
    let answer: Value = resp.json().await.unwrap_or(Value::Null);
    Ok(match wallet {
        SimWallet::ZaloPay => matches!(answer.get("return_code").and_then(Value::as_i64), Some(1 | 2)),
        _ => matches!(answer.get("code").and_then(Value::as_str), Some("00" | "03")),
    })
}
