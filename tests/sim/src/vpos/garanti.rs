//! Garanti BBVA GVPS (`POST /VPServlet`): GVPSRequest → GVPSResponse, following
//! docs/VPOS.md "Garanti readings" (shapes, v512 hash, codes).

use super::hash;
use super::ledger::{Bank, CardIn, Channel, Refusal, Transaction};
use super::nestpay::{body_xml, Handled};
use super::xml::{self, Node};
use super::{card, order_id_ok, parse_minor, VposSim};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Type {
    Sales,
    Void,
    Refund,
    OrderInq,
    OrderListInq,
}

struct Resp {
    order_id: String,
    source: &'static str,
    code: &'static str,
    reason: String,
    message: &'static str,
    error_msg: String,
    sys_err: String,
    retref: String,
    auth_code: String,
    batch: String,
    sequence: String,
    prov_date: String,
    masked: String,
    /// Written inside `<Order>` after GroupID.
    order_extra: String,
}

fn resp(order_id: &str) -> Resp {
    Resp {
        order_id: order_id.into(),
        source: "GVPS",
        code: "99",
        reason: "99".into(),
        message: "Error",
        error_msg: String::new(),
        sys_err: String::new(),
        retref: String::new(),
        auth_code: String::new(),
        batch: String::new(),
        sequence: String::new(),
        prov_date: String::new(),
        masked: String::new(),
        order_extra: String::new(),
    }
}

struct Raw {
    raw: String,
}

impl Raw {
    fn push(&mut self, s: &str) -> &mut Self {
        self.raw.push_str(s);
        self
    }
    fn leaf(&mut self, k: &str, v: &str) -> &mut Self {
        self.raw.push_str(&format!("<{k}>{}</{k}>", xml::escape(v)));
        self
    }
}

fn write(sim: &VposSim, user: &str, r: &Resp) -> String {
    let c = sim.config();
    let mut w = Raw { raw: "<?xml version=\"1.0\" encoding=\"ISO-8859-9\"?>\n".into() };
    w.push("<GVPSResponse>").leaf("Mode", "").push("<Terminal>");
    w.leaf("ProvUserID", user).leaf("UserID", user).leaf("ID", &c.garanti_terminal_id).leaf("MerchantID", &c.garanti_merchant_id);
    w.push("</Terminal><Customer>").leaf("IPAddress", "").leaf("EmailAddress", "").push("</Customer>");
    w.push("<Order>").leaf("OrderID", &r.order_id).leaf("GroupID", "").push(&r.order_extra).push("</Order>");
    w.push("<Transaction><Response>");
    w.leaf("Source", r.source)
        .leaf("Code", r.code)
        .leaf("ReasonCode", &r.reason)
        .leaf("Message", r.message)
        .leaf("ErrorMsg", &r.error_msg)
        .leaf("SysErrMsg", &r.sys_err);
    w.push("</Response>");
    w.leaf("RetrefNum", &r.retref)
        .leaf("AuthCode", &r.auth_code)
        .leaf("BatchNum", &r.batch)
        .leaf("SequenceNum", &r.sequence)
        .leaf("ProvDate", &r.prov_date)
        .leaf("CardNumberMasked", &r.masked)
        .leaf("HashData", "");
    w.push("</Transaction></GVPSResponse>");
    w.raw
}

fn refusal(sim: &VposSim, user: &str, order_id: &str, r: &Refusal) -> Handled {
    let mut out = resp(order_id);
    out.error_msg = r.message();
    out.sys_err = r.error_code().unwrap_or("").into();
    if let Refusal::NotFound(_) = r {
        out.message = "Declined";
    }
    Handled { xml: write(sim, user, &out), approved: false }
}

fn tx_resp(sim: &VposSim, user: &str, t: &Transaction) -> Handled {
    let mut out = resp(&t.order_id);
    out.source = "HOST";
    if t.approved {
        out.code = "00";
        out.message = "Approved";
    } else {
        out.message = "Declined";
        out.error_msg = match t.proc_return_code.as_str() {
            "51" => "Yetersiz bakiye (insufficient funds)".into(),
            other => format!("İşlem onaylanmadı: {}", card::decline_text(other)),
        };
        out.sys_err = t.error_code.clone().unwrap_or_default();
    }
    out.reason = t.proc_return_code.clone();
    out.retref = t.host_ref.clone();
    out.auth_code = t.auth_code.clone().unwrap_or_default();
    out.batch = format!("{:06}", t.batch);
    out.sequence = format!("{:06}", t.sequence);
    out.prov_date = sim.local(t.at).format("%Y%m%d %H:%M:%S").to_string();
    out.masked = t.masked_pan.clone().unwrap_or_default();
    Handled { xml: write(sim, user, &out), approved: t.approved }
}

pub(crate) fn handle(sim: &VposSim, body: &[u8]) -> Handled {
    let text = body_xml(body, "data");
    let c = sim.config().clone();
    let req = match xml::parse(&text) {
        Ok(n) if n.name == "GVPSRequest" => n,
        _ => return refusal(sim, "", "", &Refusal::BadXml),
    };
    let user = req.get_path("Terminal/ProvUserID").unwrap_or_default();
    let mode_ok = matches!(req.get("Mode").as_deref(), Some("PROD" | "TEST"));
    if !mode_ok || req.get("Version").as_deref() != Some("512") {
        return refusal(sim, &user, &req.get_path("Order/OrderID").unwrap_or_default(), &Refusal::BadXml);
    }
    let order_id = req.get_path("Order/OrderID").unwrap_or_default();
    let ty = match req.get_path("Transaction/Type").as_deref() {
        Some("sales") => Type::Sales,
        Some("void") => Type::Void,
        Some("refund") => Type::Refund,
        Some("orderinq") => Type::OrderInq,
        Some("orderlistinq") => Type::OrderListInq,
        _ => return refusal(sim, &user, &order_id, &Refusal::BadXml),
    };
    // Credentials: terminal, merchant, the right user for the type, HashData.
    let refund_side = matches!(ty, Type::Void | Type::Refund);
    let (want_user, password) =
        if refund_side { (&c.garanti_refund_user, &c.garanti_refund_password) } else { (&c.garanti_prov_user, &c.garanti_prov_password) };
    let terminal = req.get_path("Terminal/ID").unwrap_or_default();
    let card_number = req.get_path("Card/Number").unwrap_or_default();
    let amount_text = req.get_path("Transaction/Amount").unwrap_or_default();
    let currency_text = req.get_path("Transaction/CurrencyCode").unwrap_or_default();
    let expected_hash = hash::garanti_hash_data(
        &order_id,
        &terminal,
        &card_number,
        &amount_text,
        &currency_text,
        &hash::garanti_security_data(password, &c.garanti_terminal_id),
    );
    let creds_ok = terminal == c.garanti_terminal_id
        && req.get_path("Terminal/MerchantID").as_deref() == Some(c.garanti_merchant_id.as_str())
        && &user == want_user
        && hash::same(&req.get_path("Terminal/HashData").unwrap_or_default().to_ascii_uppercase(), &expected_hash);
    if !creds_ok {
        return refusal(sim, &user, &order_id, &Refusal::Credentials);
    }
    if ty != Type::OrderListInq && !order_id_ok(&order_id) {
        return refusal(sim, &user, &order_id, &Refusal::BadElement("OrderID"));
    }
    if currency_text != c.currency.numeric() {
        return refusal(sim, &user, &order_id, &Refusal::BadElement("CurrencyCode"));
    }
    let amount = parse_minor(&amount_text);
    if amount.is_none() && (matches!(ty, Type::Sales | Type::Refund) || !amount_text.is_empty()) {
        return refusal(sim, &user, &order_id, &Refusal::BadElement("Amount"));
    }
    let stamp = sim.stamp();
    let original = req.get_path("Transaction/OriginalRetrefNum").filter(|s| !s.is_empty());
    let result = match ty {
        Type::Sales => {
            let inst = req.get_path("Transaction/InstallmentCnt").unwrap_or_default();
            let instalments = match inst.as_str() {
                "" => 0,
                t => match t.parse::<u32>() {
                    Ok(n) if (2..=12).contains(&n) && !t.starts_with('0') && c.currency.numeric() == "949" => n,
                    _ => return refusal(sim, &user, &order_id, &Refusal::Instalments),
                },
            };
            let expiry = req.get_path("Card/ExpireDate").unwrap_or_default();
            let cvv = req.get_path("Card/CVV2");
            let card_in = CardIn { number: &card_number, expiry: card::parse_expiry(&expiry, false), cvv: cvv.as_deref() };
            sim.lock().ledger.sale(
                Bank::Garanti,
                &order_id,
                super::TxKind::Auth,
                amount.unwrap_or(0),
                &card_in,
                instalments,
                Channel::Moto,
                None,
                &stamp,
            )
        }
        Type::Void => sim.lock().ledger.void(Bank::Garanti, &order_id, original.as_deref(), &stamp),
        Type::Refund => sim.lock().ledger.credit(Bank::Garanti, &order_id, amount, original.as_deref(), &stamp),
        Type::OrderInq => return order_inq(sim, &user, &order_id),
        Type::OrderListInq => return order_list_inq(sim, &user, &req),
    };
    match result {
        Ok(t) => tx_resp(sim, &user, &t),
        Err(r) => refusal(sim, &user, &order_id, &r),
    }
}

fn order_inq(sim: &VposSim, user: &str, order_id: &str) -> Handled {
    let view = sim.lock().ledger.view(Bank::Garanti, order_id);
    let Some(v) = view else {
        return refusal(sim, user, order_id, &Refusal::NotFound(order_id.to_string()));
    };
    let t = &v.main;
    let status = match v.stat {
        "A" => "APPROVED",
        "C" => "SETTLED",
        "V" => "VOIDED",
        _ => "DECLINED",
    };
    let mut w = Raw { raw: String::new() };
    w.push("<OrderInqResult>");
    w.leaf("ChargeType", "S")
        .leaf("AuthAmount", &if t.approved { t.amount.to_string() } else { "0".into() })
        .leaf("AuthDate", &sim.local(t.at).format("%Y-%m-%d %H:%M:%S%.3f").to_string())
        .leaf("Status", status)
        .leaf("ReasonCode", &t.proc_return_code)
        .leaf("AuthCode", t.auth_code.as_deref().unwrap_or(""))
        .leaf("RetrefNum", &t.host_ref)
        .leaf("SequenceNum", &format!("{:06}", t.sequence))
        .leaf("RefundedAmount", &v.refunded.to_string())
        .leaf("CardNumberMasked", t.masked_pan.as_deref().unwrap_or(""));
    w.push("</OrderInqResult>");
    let mut out = resp(order_id);
    out.code = "00";
    out.reason = "00".into();
    out.message = "Approved";
    out.retref = t.host_ref.clone();
    out.auth_code = t.auth_code.clone().unwrap_or_default();
    out.sequence = format!("{:06}", t.sequence);
    out.masked = t.masked_pan.clone().unwrap_or_default();
    out.order_extra = w.raw;
    Handled { xml: write(sim, user, &out), approved: false }
}

/// `DD/MM/YYYY HH:MM` → the bank's local date.
fn list_day(s: &str) -> Option<chrono::NaiveDate> {
    let date = s.split_whitespace().next()?;
    chrono::NaiveDate::parse_from_str(date, "%d/%m/%Y").ok()
}

fn order_list_inq(sim: &VposSim, user: &str, req: &Node) -> Handled {
    let start = req.get_path("Order/StartDate").and_then(|s| list_day(&s));
    let end = req.get_path("Order/EndDate").and_then(|s| list_day(&s));
    let (Some(start), Some(end)) = (start, end) else {
        return refusal(sim, user, "", &Refusal::BadElement("StartDate"));
    };
    if end < start || (end - start).num_days() > 31 {
        return refusal(sim, user, "", &Refusal::BadElement("EndDate"));
    }
    let txs = sim.transactions();
    let mut w = Raw { raw: String::new() };
    w.push("<OrderListInqResult><OrderTxnList>");
    for t in txs.iter().filter(|t| t.bank == Bank::Garanti) {
        let local = sim.local(t.at);
        if local.date_naive() < start || local.date_naive() > end {
            continue;
        }
        let ty = match t.kind {
            super::TxKind::Void => "void",
            super::TxKind::Credit => "refund",
            _ => "sales",
        };
        w.push("<OrderTxn>");
        w.leaf("OrderID", &t.order_id)
            .leaf("Type", ty)
            .leaf("Amount", &t.amount.to_string())
            .leaf("CurrencyCode", t.currency.numeric())
            .leaf("ProvDate", &local.format("%Y%m%d %H:%M:%S").to_string())
            .leaf("AuthCode", t.auth_code.as_deref().unwrap_or(""))
            .leaf("ReasonCode", &t.proc_return_code)
            .leaf("CardNumberMasked", t.masked_pan.as_deref().unwrap_or(""));
        w.push("</OrderTxn>");
    }
    w.push("</OrderTxnList></OrderListInqResult>");
    let mut out = resp("");
    out.code = "00";
    out.reason = "00".into();
    out.message = "Approved";
    out.order_extra = w.raw;
    Handled { xml: write(sim, user, &out), approved: false }
}
