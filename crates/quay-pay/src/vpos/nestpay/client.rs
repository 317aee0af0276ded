//! NestPay calls: build (xml.rs), POST raw XML to `…/fim/api`, read (xml.rs).

use quay_core::money::Money;

use super::{gate, xml};
use crate::vpos::client::VposClient;
use crate::vpos::{amount, check_order_id, BankAnswer, CardEntry, LinkRequest, Status, VposError};

pub(crate) async fn auth(c: &VposClient, order_id: &str, amount: Money, card: &CardEntry) -> Result<BankAnswer, VposError> {
    check_order_id(order_id)?;
    amount::check_currency(amount, c.gateway().currency)?;
    let body = xml::auth_request(&c.gateway().credentials, order_id, amount, card)?;
    answer(c.api(body).await?)
}

pub(crate) async fn void(c: &VposClient, order_id: &str) -> Result<BankAnswer, VposError> {
    check_order_id(order_id)?;
    answer(c.api(xml::void_request(&c.gateway().credentials, order_id)).await?)
}

pub(crate) async fn credit(c: &VposClient, order_id: &str, amount: Option<Money>) -> Result<BankAnswer, VposError> {
    check_order_id(order_id)?;
    if let Some(a) = amount {
        amount::check_currency(a, c.gateway().currency)?;
    }
    answer(c.api(xml::credit_request(&c.gateway().credentials, order_id, amount)?).await?)
}

pub(crate) async fn status(c: &VposClient, order_id: &str) -> Result<Status, VposError> {
    check_order_id(order_id)?;
    let body = c.api(xml::status_request(&c.gateway().credentials, order_id)).await?;
    xml::parse_status(&body, c.gateway().currency)
}

pub(crate) async fn payment_link(c: &VposClient, req: &LinkRequest<'_>) -> Result<String, VposError> {
    let gate_url = c.gateway().gate_url.as_deref().ok_or(VposError::MissingField { field: "gate_url".into() })?;
    let form = gate::link_form(c.gateway(), req)?;
    let encoded = serde_urlencoded::to_string(&form).map_err(|e| VposError::decode(e.to_string()))?;
    let reply = c.post(gate_url, "application/x-www-form-urlencoded", encoded.into()).await?;
    match reply.status {
        301 | 302 | 303 | 307 => reply.location.filter(|l| !l.is_empty()).ok_or_else(|| VposError::decode("302 without Location")),
        400 => Err(VposError::Refused { message: gate::refusal_message(&String::from_utf8_lossy(&reply.body)) }),
        status => Err(VposError::Http { status }),
    }
}

fn answer(body: Vec<u8>) -> Result<BankAnswer, VposError> {
    Ok(xml::parse_answer(&body)?.0)
}
