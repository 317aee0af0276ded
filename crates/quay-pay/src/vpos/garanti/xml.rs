//! GVPSRequest building and GVPSResponse reading, as docs/VPOS.md "Garanti readings" says.

use chrono::NaiveDate;
use quay_core::money::Currency;
use zeroize::Zeroizing;

use super::hash;
use crate::vpos::amount;
use crate::vpos::card::CardEntry;
use crate::vpos::report::{parse_prov_date, ReportKind, ReportRow};
use crate::vpos::xml::{parse, Node, XmlWriter};
use crate::vpos::{BankAnswer, Credentials, Status, TransStat, VposError};

/// The `Amount` sent where the bank ignores it (void, orderinq, orderlistinq): MEWS's 1.00.
pub const IGNORED_AMOUNT: &str = "100";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TxType {
    Sales,
    Void,
    Refund,
    OrderInq,
    OrderListInq,
}

impl TxType {
    pub fn as_str(self) -> &'static str {
        match self {
            TxType::Sales => "sales",
            TxType::Void => "void",
            TxType::Refund => "refund",
            TxType::OrderInq => "orderinq",
            TxType::OrderListInq => "orderlistinq",
        }
    }

    /// void and refund go with the refund user (PROVRFN).
    fn refund_user(self) -> bool {
        matches!(self, TxType::Void | TxType::Refund)
    }
}

/// One request's variable part.
pub struct Request<'a> {
    pub tx: TxType,
    /// Empty for orderlistinq.
    pub order_id: &'a str,
    /// Minor units as sent (`IGNORED_AMOUNT` where the bank ignores it).
    pub amount: String,
    pub currency: Currency,
    /// sales only.
    pub card: Option<&'a CardEntry>,
    /// void/refund: the sale's RetrefNum when known.
    pub original_retref: Option<&'a str>,
    /// orderlistinq: the bank day.
    pub day: Option<NaiveDate>,
}

pub fn request(creds: &Credentials, r: &Request<'_>) -> Zeroizing<String> {
    let (user, password) = if r.tx.refund_user() {
        (creds.get("refund_user"), creds.get("refund_password"))
    } else {
        (creds.get("prov_user"), creds.get("prov_password"))
    };
    let terminal = creds.get("terminal_id");
    let currency = amount::currency_code(r.currency);
    let card_number = r.card.map(|c| c.number.digits()).unwrap_or("");
    let sd = hash::security_data(password, terminal);
    let hd = hash::hash_data(r.order_id, terminal, card_number, &r.amount, &currency, &sd);

    let mut w = XmlWriter::new("GVPSRequest");
    w.leaf("Mode", "PROD").leaf("Version", "512");
    w.open("Terminal")
        .leaf("ProvUserID", user)
        .leaf("HashData", &hd)
        .leaf("UserID", user)
        .leaf("ID", terminal)
        .leaf("MerchantID", creds.get("merchant_id"))
        .close("Terminal");
    w.open("Customer").leaf("IPAddress", "").leaf("EmailAddress", "").close("Customer");
    if let Some(card) = r.card {
        w.open("Card").leaf("Number", card.number.digits()).leaf("ExpireDate", &card.expiry.mmyy());
        w.leaf("CVV2", card.cvv.as_ref().map(|c| c.digits()).unwrap_or(""));
        w.close("Card");
    }
    w.open("Order").leaf("OrderID", r.order_id).leaf("GroupID", "");
    if let Some(day) = r.day {
        let d = day.format("%d/%m/%Y").to_string();
        w.leaf("StartDate", &format!("{d} 00:00")).leaf("EndDate", &format!("{d} 23:59")).leaf("ListPageNum", "1");
    }
    w.close("Order");
    w.open("Transaction")
        .leaf("Type", r.tx.as_str())
        .leaf("InstallmentCnt", "")
        .leaf("Amount", &r.amount)
        .leaf("CurrencyCode", &currency)
        .leaf("CardholderPresentCode", "0")
        .leaf("MotoInd", if r.tx == TxType::Sales { "Y" } else { "N" })
        .leaf("OriginalRetrefNum", r.original_retref.unwrap_or(""))
        .close("Transaction");
    w.close("GVPSRequest");
    w.finish()
}

/// A GVPSResponse as Quay's normalised answer; approved ⇔ Transaction/Response/Code "00".
pub fn read_answer(node: &Node) -> Result<BankAnswer, VposError> {
    if node.name != "GVPSResponse" {
        return Err(VposError::decode(format!("expected GVPSResponse, got {}", node.name)));
    }
    let code = node.text_at("Transaction/Response/Code").ok_or_else(|| VposError::decode("GVPSResponse without Response/Code"))?;
    let t = |p: &str| node.text_at(&format!("Transaction/{p}"));
    Ok(BankAnswer {
        approved: code == "00",
        response: t("Response/Message").unwrap_or_default(),
        proc_return_code: t("Response/ReasonCode").unwrap_or(code),
        error_code: t("Response/SysErrMsg"),
        err_msg: t("Response/ErrorMsg"),
        auth_code: t("AuthCode"),
        host_ref: t("RetrefNum"),
        trans_id: t("SequenceNum"),
        order_id: node.text_at("Order/OrderID"),
    })
}

pub fn parse_answer(body: &[u8]) -> Result<(BankAnswer, Node), VposError> {
    let node = parse(body)?;
    Ok((read_answer(&node)?, node))
}

fn refusal(answer: BankAnswer) -> VposError {
    crate::vpos::nestpay::xml::refusal(answer)
}

/// orderinq: Code 00 = the query worked; the sale's state is in Order/OrderInqResult.
pub fn parse_status(body: &[u8], currency: Currency) -> Result<Status, VposError> {
    let node = parse(body)?;
    let answer = read_answer(&node)?;
    if !answer.approved {
        if answer.is_not_found() {
            return Ok(Status::NotFound);
        }
        return Err(refusal(answer));
    }
    let r = node.path("Order/OrderInqResult").ok_or_else(|| VposError::decode("orderinq without OrderInqResult"))?;
    let status = r.text_at("Status").unwrap_or_default();
    let stat = match status.to_ascii_uppercase().as_str() {
        "APPROVED" => TransStat::Approved,
        "SETTLED" => TransStat::Captured,
        "VOIDED" | "VOID" => TransStat::Voided,
        "DECLINED" => TransStat::Declined,
        _ => return Err(VposError::decode(format!("unknown orderinq Status {status:?}"))),
    };
    let money = |k: &str| r.text_at(k).map(|t| amount::parse_minor(&t, currency)).transpose();
    Ok(Status::Found {
        stat,
        proc_return_code: r.text_at("ReasonCode").unwrap_or_default(),
        amount: money("AuthAmount")?,
        auth_code: r.text_at("AuthCode"),
        trans_id: r.text_at("SequenceNum"),
        host_ref: r.text_at("RetrefNum"),
        refunded: money("RefundedAmount")?,
    })
}

/// orderlistinq: every transaction of the day, in the gateway's currency only.
pub fn parse_report(body: &[u8], currency: Currency) -> Result<Vec<ReportRow>, VposError> {
    let node = parse(body)?;
    let answer = read_answer(&node)?;
    if !answer.approved {
        return Err(refusal(answer));
    }
    let list = node.path("Order/OrderListInqResult/OrderTxnList").ok_or_else(|| VposError::decode("orderlistinq without OrderTxnList"))?;
    list.children_named("OrderTxn")
        .map(|t| {
            let need = |k: &str| t.text_at(k).ok_or_else(|| VposError::decode(format!("OrderTxn without {k}")));
            let code = need("CurrencyCode")?;
            if amount::parse_currency_code(&code) != Some(currency) {
                return Err(VposError::decode(format!("OrderTxn in currency {code}")));
            }
            let kind = need("Type")?;
            Ok(ReportRow {
                order_id: need("OrderID")?,
                kind: ReportKind::parse(&kind).ok_or_else(|| VposError::decode(format!("OrderTxn Type {kind:?}")))?,
                amount: amount::parse_minor(&need("Amount")?, currency)?,
                at: parse_prov_date(&need("ProvDate")?)?,
                auth_code: t.text_at("AuthCode"),
                proc_return_code: need("ReasonCode")?,
                masked_pan: t.text_at("CardNumberMasked"),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vpos::Kind;
    use quay_core::money::Money;

    fn creds() -> Credentials {
        let v = [
            ("merchant_id", "7000679"),
            ("terminal_id", "30691298"),
            ("prov_user", "PROVAUT"),
            ("prov_password", "123qweASD/"),
            ("refund_user", "PROVRFN"),
            ("refund_password", "RFN-pass1"),
            ("store_key", "12345678"),
        ];
        Credentials::new(Kind::Garanti, v.iter().map(|(a, b)| (a.to_string(), b.to_string()))).unwrap()
    }

    fn card() -> CardEntry {
        CardEntry::parse("5406675406675403", "12/30", Some("122"), NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()).unwrap()
    }

    #[test]
    fn sales_request_is_the_documented_shape() {
        let c = card();
        let r = Request {
            tx: TxType::Sales,
            order_id: "order222",
            amount: "10025".into(),
            currency: Currency::Eur,
            card: Some(&c),
            original_retref: None,
            day: None,
        };
        let body = request(&creds(), &r);
        let sd = hash::security_data("123qweASD/", "30691298");
        let hd = hash::hash_data("order222", "30691298", "5406675406675403", "10025", "978", &sd);
        assert_eq!(
            body.as_str(),
            format!(
                "<?xml version=\"1.0\" encoding=\"ISO-8859-9\"?>\n<GVPSRequest><Mode>PROD</Mode><Version>512</Version>\
                 <Terminal><ProvUserID>PROVAUT</ProvUserID><HashData>{hd}</HashData><UserID>PROVAUT</UserID><ID>30691298</ID>\
                 <MerchantID>7000679</MerchantID></Terminal><Customer><IPAddress></IPAddress><EmailAddress></EmailAddress></Customer>\
                 <Card><Number>5406675406675403</Number><ExpireDate>1230</ExpireDate><CVV2>122</CVV2></Card>\
                 <Order><OrderID>order222</OrderID><GroupID></GroupID></Order><Transaction><Type>sales</Type><InstallmentCnt></InstallmentCnt>\
                 <Amount>10025</Amount><CurrencyCode>978</CurrencyCode><CardholderPresentCode>0</CardholderPresentCode><MotoInd>Y</MotoInd>\
                 <OriginalRetrefNum></OriginalRetrefNum></Transaction></GVPSRequest>"
            )
        );
    }

    #[test]
    fn void_refund_use_the_refund_user() {
        for tx in [TxType::Void, TxType::Refund] {
            let amount = if tx == TxType::Void { IGNORED_AMOUNT } else { "10025" };
            let r = Request {
                tx,
                order_id: "order222",
                amount: amount.into(),
                currency: Currency::Eur,
                card: None,
                original_retref: Some("612345678901"),
                day: None,
            };
            let body = request(&creds(), &r);
            let hd = hash::hash_data("order222", "30691298", "", amount, "978", &hash::security_data("RFN-pass1", "30691298"));
            assert!(body.contains("<ProvUserID>PROVRFN</ProvUserID>"), "{tx:?}");
            assert!(body.contains(&format!("<HashData>{hd}</HashData>")), "{tx:?}");
            assert!(body.contains("<OriginalRetrefNum>612345678901</OriginalRetrefNum>"));
            assert!(body.contains(&format!("<Type>{}</Type>", tx.as_str())));
            assert!(!body.contains("<Card>"));
        }
        let r = Request {
            tx: TxType::OrderListInq,
            order_id: "",
            amount: IGNORED_AMOUNT.into(),
            currency: Currency::Eur,
            card: None,
            original_retref: None,
            day: NaiveDate::from_ymd_opt(2026, 12, 3),
        };
        let body = request(&creds(), &r);
        assert!(body.contains("<ProvUserID>PROVAUT</ProvUserID>"));
        assert!(body.contains(
            "<Order><OrderID></OrderID><GroupID></GroupID><StartDate>03/12/2026 00:00</StartDate><EndDate>03/12/2026 23:59</EndDate><ListPageNum>1</ListPageNum></Order>"
        ));
    }

    fn response(code: &str, reason: &str, message: &str, sys: &str, err: &str, order: &str) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"ISO-8859-9\"?><GVPSResponse><Mode></Mode><Order><OrderID>order222</OrderID><GroupID></GroupID>{order}</Order>\
             <Transaction><Response><Source>HOST</Source><Code>{code}</Code><ReasonCode>{reason}</ReasonCode><Message>{message}</Message>\
             <ErrorMsg>{err}</ErrorMsg><SysErrMsg>{sys}</SysErrMsg></Response><RetrefNum>612345678901</RetrefNum><AuthCode>{auth}</AuthCode>\
             <BatchNum>000001</BatchNum><SequenceNum>000042</SequenceNum><ProvDate>20261203 14:05:09</ProvDate>\
             <CardNumberMasked>555544******2222</CardNumberMasked><HashData></HashData></Transaction></GVPSResponse>",
            auth = if code == "00" { "123456" } else { "" }
        )
    }

    #[test]
    fn answers() {
        let (a, _) = parse_answer(response("00", "00", "Approved", "", "", "").as_bytes()).unwrap();
        assert_eq!(
            a,
            BankAnswer {
                approved: true,
                response: "Approved".into(),
                proc_return_code: "00".into(),
                error_code: None,
                err_msg: None,
                auth_code: Some("123456".into()),
                host_ref: Some("612345678901".into()),
                trans_id: Some("000042".into()),
                order_id: Some("order222".into()),
            }
        );
        // (ReasonCode, Message, SysErrMsg, ErrorMsg, reason)
        let rows = [
            ("51", "Declined", "ISO8583-51", "Yetersiz bakiye", "decline-insufficient-funds"),
            ("82", "Declined", "ISO8583-82", "", "decline-bad-cvv"),
            ("99", "Error", "CORE-2012", "Invalid card", "vpos-code-bad-card"),
            ("99", "Error", "CORE-2008", "", "vpos-code-void-too-late"),
            ("99", "Error", "CORE-2508", "", "vpos-code-refund-too-early"),
            (
                "99",
                "Error",
                "ORDER-DUPLICATE",
                "Duplicate order: order222 already has an approved authorization",
                "vpos-code-duplicate-order",
            ),
            ("99", "Error", "", "Insufficient permissions to perform requested operation", "vpos-code-credentials"),
            ("99", "Error", "", "Value for element 'Amount' is not valid.", "vpos-code-invalid-total"),
            ("99", "Error", "", "Invalid XML request", "vpos-code-invalid-xml"),
            ("99", "Error", "", "Refund amount exceeds the remaining amount", "vpos-code-refund-too-much"),
        ];
        for (reason, message, sys, err, id) in rows {
            let (a, _) = parse_answer(response("99", reason, message, sys, err, "").as_bytes()).unwrap();
            assert!(!a.approved);
            assert_eq!((a.proc_return_code.as_str(), a.response.as_str()), (reason, message));
            assert_eq!(a.reason(), id, "{sys} {err}");
        }
        assert!(parse_answer(b"<GVPSResponse><Transaction/></GVPSResponse>").is_err());
        assert!(parse_answer(b"<CC5Response/>").is_err());
    }

    #[test]
    fn turkish_error_message() {
        let body = response("99", "05", "Declined", "ISO8583-05", "@@", "");
        let (before, after) = body.split_once("@@").unwrap();
        let bytes = [before.as_bytes(), b"\xDD\xFElem onaylanmad\xFD", after.as_bytes()].concat();
        let (a, _) = parse_answer(&bytes).unwrap();
        assert_eq!(a.err_msg.as_deref(), Some("İşlem onaylanmadı"));
        assert_eq!(a.reason(), "decline-do-not-honour");
    }

    fn inq(status: &str) -> String {
        format!(
            "<OrderInqResult><ChargeType>S</ChargeType><AuthAmount>10025</AuthAmount><AuthDate>2026-12-03 14:05:09.123</AuthDate>\
             <Status>{status}</Status><ReasonCode>00</ReasonCode><AuthCode>123456</AuthCode><RetrefNum>612345678901</RetrefNum>\
             <SequenceNum>000042</SequenceNum><RefundedAmount>0</RefundedAmount><CardNumberMasked>555544******2222</CardNumberMasked></OrderInqResult>"
        )
    }

    #[test]
    fn statuses() {
        for (s, stat) in [
            ("APPROVED", TransStat::Approved),
            ("SETTLED", TransStat::Captured),
            ("VOIDED", TransStat::Voided),
            ("DECLINED", TransStat::Declined),
        ] {
            let body = response("00", "00", "Approved", "", "", &inq(s));
            assert_eq!(
                parse_status(body.as_bytes(), Currency::Eur).unwrap(),
                Status::Found {
                    stat,
                    proc_return_code: "00".into(),
                    amount: Some(Money::new(10_025, Currency::Eur)),
                    auth_code: Some("123456".into()),
                    trans_id: Some("000042".into()),
                    host_ref: Some("612345678901".into()),
                    refunded: Some(Money::new(0, Currency::Eur)),
                }
            );
        }
        let nf = response("99", "99", "Declined", "", "No record found for order222", "");
        assert_eq!(parse_status(nf.as_bytes(), Currency::Eur).unwrap(), Status::NotFound);
        let perms = response("99", "99", "Error", "", "Insufficient permissions to perform requested operation", "");
        assert_eq!(parse_status(perms.as_bytes(), Currency::Eur).unwrap_err(), VposError::Credentials);
        let odd = response("00", "00", "Approved", "", "", &inq("WHATEVER"));
        assert!(matches!(parse_status(odd.as_bytes(), Currency::Eur), Err(VposError::Decode { .. })));
        let missing = response("00", "00", "Approved", "", "", "");
        assert!(matches!(parse_status(missing.as_bytes(), Currency::Eur), Err(VposError::Decode { .. })));
    }

    #[test]
    fn report() {
        let txn = |t: &str, amount: &str, cur: &str, code: &str| {
            format!(
                "<OrderTxn><OrderID>order222</OrderID><Type>{t}</Type><Amount>{amount}</Amount><CurrencyCode>{cur}</CurrencyCode>\
                 <ProvDate>20261203 14:05:09</ProvDate><AuthCode></AuthCode><ReasonCode>{code}</ReasonCode>\
                 <CardNumberMasked>555544******2222</CardNumberMasked></OrderTxn>"
            )
        };
        let list = |rows: String| format!("<OrderListInqResult><OrderTxnList>{rows}</OrderTxnList></OrderListInqResult>");
        let body = response(
            "00",
            "00",
            "Approved",
            "",
            "",
            &list(txn("sales", "10025", "978", "00") + &txn("void", "10025", "978", "00") + &txn("sales", "500", "978", "51")),
        );
        let rows = parse_report(body.as_bytes(), Currency::Eur).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].kind, ReportKind::Sale);
        assert_eq!(rows[1].kind, ReportKind::Void);
        assert_eq!(rows[2].proc_return_code, "51");
        assert_eq!(rows[0].amount, Money::new(10_025, Currency::Eur));
        assert_eq!(rows[0].at.to_rfc3339(), "2026-12-03T14:05:09+03:00");
        assert_eq!(rows[0].auth_code, None);
        assert_eq!(rows[0].masked_pan.as_deref(), Some("555544******2222"));

        let empty = response("00", "00", "Approved", "", "", "<OrderListInqResult><OrderTxnList/></OrderListInqResult>");
        assert_eq!(parse_report(empty.as_bytes(), Currency::Eur).unwrap(), vec![]);
        let other_currency = response("00", "00", "Approved", "", "", &list(txn("sales", "10025", "840", "00")));
        assert!(parse_report(other_currency.as_bytes(), Currency::Eur).is_err());
        let perms = response("99", "99", "Error", "", "Insufficient permissions", "");
        assert_eq!(parse_report(perms.as_bytes(), Currency::Eur).unwrap_err(), VposError::Credentials);
    }
}
