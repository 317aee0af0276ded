//! NestPay's XML API (`POST /fim/api`): CC5Request → CC5Response, ISO-8859-9.

use super::ledger::{Bank, CardIn, Channel, Refusal, Transaction, TxKind};
use super::xml::{self, Writer};
use super::{card, order_id_ok, parse_total, VposSim};

/// What the server sends back (the body, ISO-8859-9 encoded later) and whether something was
/// approved (for the `drop_answers` fault).
pub(crate) struct Handled {
    pub xml: String,
    pub approved: bool,
}

/// The XML out of a body: raw, or a form whose `DATA` field holds it (percent-decoded to
/// bytes, then decoded as declared).
pub(crate) fn body_xml(body: &[u8], form_key: &str) -> String {
    let trimmed = body.iter().position(|b| !b.is_ascii_whitespace()).map(|i| &body[i..]).unwrap_or(&[]);
    let prefix = format!("{form_key}=");
    if trimmed.len() > prefix.len() && trimmed[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes()) {
        for part in trimmed.split(|b| *b == b'&') {
            if let Some(eq) = part.iter().position(|b| *b == b'=') {
                if part[..eq].eq_ignore_ascii_case(form_key.as_bytes()) {
                    return xml::decode_body(&percent_decode(&part[eq + 1..]));
                }
            }
        }
    }
    xml::decode_body(body)
}

pub(crate) fn percent_decode(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < s.len() => {
                let h = std::str::from_utf8(&s[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
                match h {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    out
}

struct Answer {
    order_id: String,
    group_id: String,
    response: String,
    auth_code: String,
    host_ref: String,
    proc: String,
    trans_id: String,
    err_msg: String,
    extra: Vec<(String, String)>,
}

impl Answer {
    fn new(order_id: &str) -> Answer {
        Answer {
            order_id: order_id.into(),
            group_id: String::new(),
            response: String::new(),
            auth_code: String::new(),
            host_ref: String::new(),
            proc: String::new(),
            trans_id: String::new(),
            err_msg: String::new(),
            extra: Vec::new(),
        }
    }

    fn write(&self) -> String {
        let mut w = Writer::new("ISO-8859-9");
        w.open("CC5Response");
        w.leaf("OrderId", &self.order_id)
            .leaf("GroupId", &self.group_id)
            .leaf("Response", &self.response)
            .leaf("AuthCode", &self.auth_code)
            .leaf("HostRefNum", &self.host_ref)
            .leaf("ProcReturnCode", &self.proc)
            .leaf("TransId", &self.trans_id)
            .leaf("ErrMsg", &self.err_msg);
        w.open("Extra");
        for (k, v) in &self.extra {
            w.leaf(k, v);
        }
        w.close("Extra");
        w.close("CC5Response");
        w.finish()
    }
}

fn refusal(sim: &VposSim, order_id: &str, r: &Refusal) -> Handled {
    let mut a = Answer::new(order_id);
    a.response = "Error".into();
    a.proc = "99".into();
    a.err_msg = r.message();
    a.extra = vec![
        ("SETTLEID".into(), String::new()),
        ("TRXDATE".into(), sim.local_now().format("%Y%m%d %H:%M:%S").to_string()),
        ("ERRORCODE".into(), r.error_code().unwrap_or("").into()),
        ("NUMCODE".into(), "99".into()),
    ];
    Handled { xml: a.write(), approved: false }
}

fn tx_answer(sim: &VposSim, t: &Transaction) -> Handled {
    let mut a = Answer::new(&t.order_id);
    a.group_id = t.order_id.clone();
    a.response = t.response.clone();
    a.auth_code = t.auth_code.clone().unwrap_or_default();
    a.host_ref = t.host_ref.clone();
    a.proc = t.proc_return_code.clone();
    a.trans_id = t.trans_id.clone();
    a.err_msg = t.err_msg.clone().unwrap_or_default();
    a.extra = vec![
        ("SETTLEID".into(), t.batch.to_string()),
        ("TRXDATE".into(), sim.local(t.at).format("%Y%m%d %H:%M:%S").to_string()),
        ("ERRORCODE".into(), t.error_code.clone().unwrap_or_default()),
        ("NUMCODE".into(), if t.approved { "00".into() } else { t.proc_return_code.clone() }),
    ];
    if let Some(b) = &t.brand {
        a.extra.push(("CARDBRAND".into(), b.clone()));
    }
    Handled { xml: a.write(), approved: t.approved }
}

pub(crate) fn handle(sim: &VposSim, body: &[u8]) -> Handled {
    let text = body_xml(body, "DATA");
    let req = match xml::parse(&text) {
        Ok(n) if n.name == "CC5Request" => n,
        _ => return refusal(sim, "", &Refusal::BadXml),
    };
    let c = sim.config();
    let order_id = req.get("OrderId").unwrap_or_default();
    let creds_ok = req.get("Name").as_deref() == Some(c.nestpay_user.as_str())
        && req.get("Password").as_deref() == Some(c.nestpay_password.as_str())
        && req.get("ClientId").as_deref() == Some(c.nestpay_client_id.as_str());
    if !creds_ok {
        return refusal(sim, &order_id, &Refusal::Credentials);
    }
    let is_query = |k: &str| req.get_path(&format!("Extra/{k}")).is_some_and(|v| v.eq_ignore_ascii_case("QUERY"));
    if is_query("ORDERSTATUS") {
        return status(sim, &order_id);
    }
    if is_query("ORDERHISTORY") {
        return history(sim, &order_id);
    }
    let kind = match req.get("Type").as_deref() {
        Some("Auth") => TxKind::Auth,
        Some("PreAuth") => TxKind::PreAuth,
        Some("PostAuth") => TxKind::PostAuth,
        Some("Void") => TxKind::Void,
        Some("Credit") => TxKind::Credit,
        _ => return refusal(sim, &order_id, &Refusal::BadElement("Type")),
    };
    if !order_id_ok(&order_id) {
        return refusal(sim, &order_id, &Refusal::BadElement("OrderId"));
    }
    let currency = c.currency;
    let currency_ok = |required: bool| match req.get("Currency") {
        None => !required,
        Some(v) if v.is_empty() => !required,
        Some(v) => v == currency.numeric(),
    };
    let total = |required: bool| -> Result<Option<i64>, Refusal> {
        match req.get("Total").filter(|t| !t.is_empty()) {
            None if required => Err(Refusal::BadElement("Total")),
            None => Ok(None),
            Some(t) => parse_total(&t, currency).map(Some).ok_or(Refusal::BadElement("Total")),
        }
    };
    let stamp = sim.stamp();
    let result = match kind {
        TxKind::Auth | TxKind::PreAuth => (|| {
            if !currency_ok(true) {
                return Err(Refusal::BadElement("Currency"));
            }
            let amount = total(true)?.unwrap_or(0);
            let instalments = match req.get("Taksit").unwrap_or_default().as_str() {
                "" => 0,
                t => match t.parse::<u32>() {
                    Ok(n) if (2..=12).contains(&n) && t.len() <= 2 && !t.starts_with('0') && currency.numeric() == "949" => n,
                    _ => return Err(Refusal::Instalments),
                },
            };
            let number = req.get("Number").unwrap_or_default();
            let expires = req.get("Expires").unwrap_or_default();
            let cvv = req.get("Cvv2Val");
            let card_in = CardIn { number: &number, expiry: card::parse_expiry(&expires, true), cvv: cvv.as_deref() };
            sim.lock().ledger.sale(Bank::Nestpay, &order_id, kind, amount, &card_in, instalments, Channel::Moto, None, &stamp)
        })(),
        TxKind::PostAuth => (|| {
            if !currency_ok(false) {
                return Err(Refusal::BadElement("Currency"));
            }
            let amount = total(false)?;
            sim.lock().ledger.post_auth(Bank::Nestpay, &order_id, amount, &stamp)
        })(),
        TxKind::Void => sim.lock().ledger.void(Bank::Nestpay, &order_id, None, &stamp),
        TxKind::Credit => (|| {
            if !currency_ok(false) {
                return Err(Refusal::BadElement("Currency"));
            }
            let amount = total(false)?;
            sim.lock().ledger.credit(Bank::Nestpay, &order_id, amount, None, &stamp)
        })(),
    };
    match result {
        Ok(t) => tx_answer(sim, &t),
        Err(r) => refusal(sim, &order_id, &r),
    }
}

fn not_found(sim: &VposSim, order_id: &str) -> Handled {
    let mut a = Answer::new(order_id);
    a.response = "Declined".into();
    a.proc = "99".into();
    a.err_msg = format!("No record found for {order_id}");
    a.extra = vec![
        ("NUMCODE".into(), "99".into()),
        ("ERRORCODE".into(), String::new()),
        ("TRXDATE".into(), sim.local_now().format("%Y%m%d %H:%M:%S").to_string()),
    ];
    Handled { xml: a.write(), approved: false }
}

fn dttm(sim: &VposSim, unix: i64) -> String {
    sim.local(unix).format("%Y-%m-%d %H:%M:%S%.3f").to_string()
}

/// ORDERSTATUS=QUERY: Approved/00 = the query worked; TRANS_STAT tells the payment.
fn status(sim: &VposSim, order_id: &str) -> Handled {
    if !order_id_ok(order_id) {
        return refusal(sim, order_id, &Refusal::BadElement("OrderId"));
    }
    let view = sim.lock().ledger.view(Bank::Nestpay, order_id);
    let Some(v) = view else { return not_found(sim, order_id) };
    let t = &v.main;
    let mut a = Answer::new(order_id);
    a.response = "Approved".into();
    a.proc = "00".into();
    a.trans_id = t.trans_id.clone();
    a.err_msg = "Record(s) found for ".to_string() + order_id;
    let charge = if t.kind == TxKind::PreAuth { "P" } else { "S" };
    a.extra = vec![
        ("AUTH_CODE".into(), t.auth_code.clone().unwrap_or_default()),
        ("AUTH_DTTM".into(), dttm(sim, t.at)),
        ("CAPTURE_AMT".into(), v.captured.to_string()),
        ("CAPTURE_DTTM".into(), if v.captured > 0 { dttm(sim, t.at) } else { String::new() }),
        ("CHARGE_TYPE_CD".into(), charge.into()),
        ("HOST_REF_NUM".into(), if t.approved { t.host_ref.clone() } else { String::new() }),
        ("NUMCODE".into(), "0".into()),
        ("ORDERSTATUS".into(), format!("ORD_ID:{order_id}\tCHARGE_TYPE_CD:{charge}\tTRANS_STAT:{}", v.stat)),
        ("ORIG_TRANS_AMT".into(), t.amount.to_string()),
        ("PAN".into(), t.masked_pan.clone().unwrap_or_default()),
        ("PROC_RET_CD".into(), t.proc_return_code.clone()),
        ("REFUND_AMT".into(), v.refunded.to_string()),
        ("SETTLEID".into(), t.batch.to_string()),
        ("TRANS_ID".into(), t.trans_id.clone()),
        ("TRANS_STAT".into(), v.stat.into()),
        ("VOID_DTTM".into(), t.voided_at.map(|u| dttm(sim, u)).unwrap_or_default()),
    ];
    Handled { xml: a.write(), approved: false }
}

/// ORDERHISTORY=QUERY: TRXCOUNT and TRX1 (newest)… — each a tab-separated row.
fn history(sim: &VposSim, order_id: &str) -> Handled {
    if !order_id_ok(order_id) {
        return refusal(sim, order_id, &Refusal::BadElement("OrderId"));
    }
    let (rows, stats): (Vec<Transaction>, Vec<&'static str>) = {
        let g = sim.lock();
        let rows = g.ledger.history(Bank::Nestpay, order_id);
        let stats = rows.iter().map(|t| g.ledger.stat_of(t)).collect();
        (rows, stats)
    };
    if rows.is_empty() {
        return not_found(sim, order_id);
    }
    let mut a = Answer::new(order_id);
    a.response = "Approved".into();
    a.proc = "00".into();
    a.err_msg = "Record(s) found for ".to_string() + order_id;
    a.extra.push(("TRXCOUNT".into(), rows.len().to_string()));
    for (i, (t, stat)) in rows.iter().zip(stats).enumerate() {
        let charge = match t.kind {
            TxKind::Auth | TxKind::PostAuth => "S",
            TxKind::PreAuth => "P",
            TxKind::Credit => "C",
            TxKind::Void => "V",
        };
        a.extra.push((
            format!("TRX{}", i + 1),
            [
                charge,
                stat,
                &t.amount.to_string(),
                &t.proc_return_code,
                t.auth_code.as_deref().unwrap_or(""),
                &t.host_ref,
                &t.trans_id,
                &dttm(sim, t.at),
            ]
            .join("\t"),
        ));
    }
    a.extra.push(("NUMCODE".into(), "0".into()));
    Handled { xml: a.write(), approved: false }
}
