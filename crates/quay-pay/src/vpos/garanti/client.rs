//! Garanti calls: build (xml.rs), POST raw XML to `…/VPServlet`, read (xml.rs).

use chrono::NaiveDate;
use quay_core::money::Money;

use super::xml::{self, Request, TxType, IGNORED_AMOUNT};
use crate::vpos::client::VposClient;
use crate::vpos::{amount, check_order_id, BankAnswer, CardEntry, ReportRow, Status, VposError};

fn req<'a>(c: &VposClient, tx: TxType, order_id: &'a str, amount: String) -> Request<'a> {
    Request { tx, order_id, amount, currency: c.gateway().currency, card: None, original_retref: None, day: None }
}

async fn call(c: &VposClient, r: &Request<'_>) -> Result<Vec<u8>, VposError> {
    c.api(xml::request(&c.gateway().credentials, r)).await
}

fn answer(body: Vec<u8>) -> Result<BankAnswer, VposError> {
    Ok(xml::parse_answer(&body)?.0)
}

pub(crate) async fn sales(c: &VposClient, order_id: &str, amount: Money, card: &CardEntry) -> Result<BankAnswer, VposError> {
    check_order_id(order_id)?;
    amount::check_currency(amount, c.gateway().currency)?;
    let r = Request { card: Some(card), ..req(c, TxType::Sales, order_id, amount::to_minor_string(amount)?) };
    answer(call(c, &r).await?)
}

pub(crate) async fn void(c: &VposClient, order_id: &str, host_ref: Option<&str>) -> Result<BankAnswer, VposError> {
    check_order_id(order_id)?;
    let r = Request { original_retref: host_ref, ..req(c, TxType::Void, order_id, IGNORED_AMOUNT.into()) };
    answer(call(c, &r).await?)
}

pub(crate) async fn refund(c: &VposClient, order_id: &str, amount: Money, host_ref: Option<&str>) -> Result<BankAnswer, VposError> {
    check_order_id(order_id)?;
    amount::check_currency(amount, c.gateway().currency)?;
    let r = Request { original_retref: host_ref, ..req(c, TxType::Refund, order_id, amount::to_minor_string(amount)?) };
    answer(call(c, &r).await?)
}

pub(crate) async fn status(c: &VposClient, order_id: &str) -> Result<Status, VposError> {
    check_order_id(order_id)?;
    let body = call(c, &req(c, TxType::OrderInq, order_id, IGNORED_AMOUNT.into())).await?;
    xml::parse_status(&body, c.gateway().currency)
}

pub(crate) async fn day_report(c: &VposClient, day: NaiveDate) -> Result<Vec<ReportRow>, VposError> {
    let r = Request { day: Some(day), ..req(c, TxType::OrderListInq, "", IGNORED_AMOUNT.into()) };
    let body = call(c, &r).await?;
    xml::parse_report(&body, c.gateway().currency)
}
