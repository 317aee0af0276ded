//! CC5Request building and CC5Response reading (contract §6, wave2 §3). Requests are built
//! in a zeroized buffer (the card's digits pass through it); answers are read from their
//! declared encoding (ISO-8859-9).

use quay_core::money::{Currency, Money};
use zeroize::Zeroizing;

use crate::vpos::amount;
use crate::vpos::card::CardEntry;
use crate::vpos::xml::{parse, Node, XmlWriter};
use crate::vpos::{BankAnswer, Credentials, Status, TransStat, VposError};

fn head(w: &mut XmlWriter, creds: &Credentials) {
    w.leaf("Name", creds.get("username")).leaf("Password", creds.get("password")).leaf("ClientId", creds.get("client_id"));
}

/// MOTO `Auth`: the card typed by the cashier, no 3-D. `Taksit` empty = single payment.
pub fn auth_request(creds: &Credentials, order_id: &str, amount: Money, card: &CardEntry) -> Result<Zeroizing<String>, VposError> {
    let total = amount::to_total(amount)?;
    let mut w = XmlWriter::new("CC5Request");
    head(&mut w, creds);
    w.leaf("Type", "Auth")
        .leaf("OrderId", order_id)
        .leaf("Total", &total)
        .leaf("Currency", &amount::currency_code(amount.currency))
        .leaf("Taksit", "")
        .leaf("Number", card.number.digits())
        .leaf("Expires", &card.expiry.mm_slash_yy());
    if let Some(cvv) = &card.cvv {
        w.leaf("Cvv2Val", cvv.digits());
    }
    w.close("CC5Request");
    Ok(w.finish())
}

/// `Void {OrderId}`: the order's latest approved unvoided transaction in the open batch.
pub fn void_request(creds: &Credentials, order_id: &str) -> Zeroizing<String> {
    let mut w = XmlWriter::new("CC5Request");
    head(&mut w, creds);
    w.leaf("Type", "Void").leaf("OrderId", order_id).close("CC5Request");
    w.finish()
}

/// `Credit {OrderId, Total?}`: without Total the bank refunds what is left.
pub fn credit_request(creds: &Credentials, order_id: &str, amount: Option<Money>) -> Result<Zeroizing<String>, VposError> {
    let mut w = XmlWriter::new("CC5Request");
    head(&mut w, creds);
    w.leaf("Type", "Credit").leaf("OrderId", order_id);
    if let Some(a) = amount {
        w.leaf("Total", &amount::to_total(a)?).leaf("Currency", &amount::currency_code(a.currency));
    }
    w.close("CC5Request");
    Ok(w.finish())
}

/// Status: credentials + OrderId + Extra ORDERSTATUS=QUERY, no Type.
pub fn status_request(creds: &Credentials, order_id: &str) -> Zeroizing<String> {
    extra_query(creds, order_id, "ORDERSTATUS")
}

/// History: Extra ORDERHISTORY=QUERY → TRXCOUNT, TRX1 (newest)…
pub fn history_request(creds: &Credentials, order_id: &str) -> Zeroizing<String> {
    extra_query(creds, order_id, "ORDERHISTORY")
}

fn extra_query(creds: &Credentials, order_id: &str, what: &str) -> Zeroizing<String> {
    let mut w = XmlWriter::new("CC5Request");
    head(&mut w, creds);
    w.leaf("OrderId", order_id).open("Extra").leaf(what, "QUERY").close("Extra").close("CC5Request");
    w.finish()
}

/// A CC5Response as Quay's normalised answer; approved ⇔ ProcReturnCode "00".
pub fn read_answer(node: &Node) -> Result<BankAnswer, VposError> {
    if node.name != "CC5Response" {
        return Err(VposError::decode(format!("expected CC5Response, got {}", node.name)));
    }
    let proc = node.text_at("ProcReturnCode").unwrap_or_default();
    let response = node.text_at("Response").ok_or_else(|| VposError::decode("CC5Response without Response"))?;
    // "Approved" without its code is not an answer to act on either way: asked again.
    if proc.is_empty() && response.eq_ignore_ascii_case("Approved") {
        return Err(VposError::decode("CC5Response Approved without ProcReturnCode"));
    }
    Ok(BankAnswer {
        approved: proc == "00",
        response,
        proc_return_code: proc,
        error_code: node.text_at("Extra/ERRORCODE"),
        err_msg: node.text_at("ErrMsg"),
        auth_code: node.text_at("AuthCode"),
        host_ref: node.text_at("HostRefNum"),
        trans_id: node.text_at("TransId"),
        order_id: node.text_at("OrderId"),
    })
}

pub fn parse_answer(body: &[u8]) -> Result<(BankAnswer, Node), VposError> {
    let node = parse(body)?;
    Ok((read_answer(&node)?, node))
}

/// An ORDERSTATUS answer: Approved/00 = the query worked (the payment's own state is in
/// Extra); Declined "No record found" = never authorized; "Insufficient permissions" =
/// wrong credentials; anything else is a refusal of the query.
pub fn read_status(node: &Node, currency: Currency) -> Result<Status, VposError> {
    let answer = read_answer(node)?;
    if !answer.approved {
        return Err(refusal(answer));
    }
    let extra = |k: &str| node.text_at(&format!("Extra/{k}"));
    let stat = extra("TRANS_STAT").ok_or_else(|| VposError::decode("ORDERSTATUS without TRANS_STAT"))?;
    let stat = TransStat::from_letter(&stat).ok_or_else(|| VposError::decode(format!("unknown TRANS_STAT {stat:?}")))?;
    let money = |k: &str| extra(k).map(|t| amount::parse_minor(&t, currency)).transpose();
    Ok(Status::Found {
        stat,
        proc_return_code: extra("PROC_RET_CD").unwrap_or_default(),
        amount: money("ORIG_TRANS_AMT")?,
        auth_code: extra("AUTH_CODE"),
        trans_id: extra("TRANS_ID"),
        host_ref: extra("HOST_REF_NUM"),
        // Not in the contract's list; read when a bank (or the simulator) gives it.
        refunded: money("REFUND_AMT")?,
    })
}

/// A refused status query → NotFound, or the error it stands for.
pub(crate) fn refusal(answer: BankAnswer) -> VposError {
    if answer.is_credentials() {
        VposError::Credentials
    } else {
        VposError::Bank(Box::new(answer))
    }
}

pub fn parse_status(body: &[u8], currency: Currency) -> Result<Status, VposError> {
    let node = parse(body)?;
    match read_status(&node, currency) {
        Err(VposError::Bank(a)) if a.is_not_found() => Ok(Status::NotFound),
        other => other,
    }
}

/// One ORDERHISTORY line, `TRXn` = `type\tcode\tamount…`: kept as raw text, newest first.
pub fn read_history(node: &Node) -> Result<Vec<String>, VposError> {
    let answer = read_answer(node)?;
    if !answer.approved {
        return Err(refusal(answer));
    }
    let count: usize = node.text_at("Extra/TRXCOUNT").unwrap_or_else(|| "0".into()).parse().map_err(|_| VposError::decode("TRXCOUNT"))?;
    Ok((1..=count).filter_map(|i| node.text_at(&format!("Extra/TRX{i}"))).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn creds() -> Credentials {
        let v = [("client_id", "100200127"), ("username", "api<user>"), ("password", "Pa&55"), ("store_key", "TEST1234")];
        Credentials::new(crate::vpos::Kind::Nestpay, v.iter().map(|(a, b)| (a.to_string(), b.to_string()))).unwrap()
    }

    #[test]
    fn requests() {
        let card = CardEntry::parse("4508034508034509", "12/30", Some("000"), NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()).unwrap();
        let eur = |m| Money::new(m, Currency::Eur);
        let body = auth_request(&creds(), "abc-1", eur(10_025), &card).unwrap();
        assert_eq!(
            body.as_str(),
            "<?xml version=\"1.0\" encoding=\"ISO-8859-9\"?>\n<CC5Request><Name>api&lt;user&gt;</Name><Password>Pa&amp;55</Password>\
             <ClientId>100200127</ClientId><Type>Auth</Type><OrderId>abc-1</OrderId><Total>100.25</Total><Currency>978</Currency>\
             <Taksit></Taksit><Number>4508034508034509</Number><Expires>12/30</Expires><Cvv2Val>000</Cvv2Val></CC5Request>"
        );
        let vnd = auth_request(&creds(), "abc-1", Money::new(150_000, Currency::Vnd), &card).unwrap();
        assert!(vnd.contains("<Total>150000</Total><Currency>704</Currency>"));
        assert!(auth_request(&creds(), "abc-1", eur(0), &card).is_err());

        assert!(void_request(&creds(), "abc-1")
            .ends_with("<ClientId>100200127</ClientId><Type>Void</Type><OrderId>abc-1</OrderId></CC5Request>"));
        assert!(credit_request(&creds(), "abc-1", None).unwrap().ends_with("<Type>Credit</Type><OrderId>abc-1</OrderId></CC5Request>"));
        assert!(credit_request(&creds(), "abc-1", Some(eur(500)))
            .unwrap()
            .ends_with("<Type>Credit</Type><OrderId>abc-1</OrderId><Total>5.00</Total><Currency>978</Currency></CC5Request>"));
        let s = status_request(&creds(), "abc-1");
        assert!(s.ends_with(
            "<ClientId>100200127</ClientId><OrderId>abc-1</OrderId><Extra><ORDERSTATUS>QUERY</ORDERSTATUS></Extra></CC5Request>"
        ));
        assert!(!s.contains("<Type>"));
        assert!(history_request(&creds(), "abc-1").contains("<Extra><ORDERHISTORY>QUERY</ORDERHISTORY></Extra>"));
    }

    fn answer_of(xml: &str) -> BankAnswer {
        parse_answer(xml.as_bytes()).unwrap().0
    }

    #[test]
    fn answers() {
        let approved = answer_of(
            "<?xml version=\"1.0\" encoding=\"ISO-8859-9\"?><CC5Response><OrderId>abc-1</OrderId><GroupId>abc-1</GroupId>\
             <Response>Approved</Response><AuthCode>123456</AuthCode><HostRefNum>612345678901</HostRefNum>\
             <ProcReturnCode>00</ProcReturnCode><TransId>26337OiJA12345</TransId><ErrMsg></ErrMsg>\
             <Extra><SETTLEID>1</SETTLEID><TRXDATE>20261203 14:05:09</TRXDATE><ERRORCODE></ERRORCODE><NUMCODE>00</NUMCODE></Extra></CC5Response>",
        );
        assert_eq!(
            approved,
            BankAnswer {
                approved: true,
                response: "Approved".into(),
                proc_return_code: "00".into(),
                error_code: None,
                err_msg: None,
                auth_code: Some("123456".into()),
                host_ref: Some("612345678901".into()),
                trans_id: Some("26337OiJA12345".into()),
                order_id: Some("abc-1".into()),
            }
        );
        assert_eq!(approved.reason(), "vpos-code-approved");

        // (xml Response/ProcReturnCode/ERRORCODE/ErrMsg, approved, reason)
        let rows = [
            ("Declined", "51", "ISO8583-51", "Insufficient funds", false, "decline-insufficient-funds"),
            ("Declined", "82", "ISO8583-82", "Invalid CVV", false, "decline-bad-cvv"),
            ("Error", "99", "CORE-2008", "Void is not allowed", false, "vpos-code-void-too-late"),
            ("Error", "99", "CORE-2508", "Not yet in end-of-day", false, "vpos-code-refund-too-early"),
            ("Error", "99", "CORE-2012", "Invalid card", false, "vpos-code-bad-card"),
            ("Error", "99", "CORE-2603", "Taksit not allowed", false, "vpos-code-instalments"),
            (
                "Error",
                "99",
                "ORDER-DUPLICATE",
                "Duplicate order: abc-1 already has an approved authorization",
                false,
                "vpos-code-duplicate-order",
            ),
            ("Error", "99", "", "Insufficient permissions to perform requested operation", false, "vpos-code-credentials"),
            ("Error", "99", "", "Value for element 'Total' is not valid.", false, "vpos-code-invalid-total"),
            ("Error", "99", "", "Invalid XML request", false, "vpos-code-invalid-xml"),
            ("Declined", "99", "", "No record found for abc-9", false, "vpos-code-not-found"),
        ];
        for (resp, proc, code, msg, approved, reason) in rows {
            let a = answer_of(&format!(
                "<CC5Response><OrderId>abc-1</OrderId><Response>{resp}</Response><AuthCode></AuthCode><HostRefNum></HostRefNum>\
                 <ProcReturnCode>{proc}</ProcReturnCode><TransId>t1</TransId><ErrMsg>{msg}</ErrMsg><Extra><ERRORCODE>{code}</ERRORCODE></Extra></CC5Response>"
            ));
            assert_eq!(a.approved, approved, "{code} {msg}");
            assert_eq!(a.response, resp);
            assert_eq!(a.proc_return_code, proc);
            assert_eq!(a.error_code.as_deref(), Some(code).filter(|c| !c.is_empty()));
            assert_eq!(a.reason(), reason, "{code} {msg}");
            assert_eq!(a.is_duplicate_order(), code == "ORDER-DUPLICATE");
        }
    }

    #[test]
    fn turkish_error_message() {
        let mut body = b"<?xml version=\"1.0\" encoding=\"ISO-8859-9\"?><CC5Response><Response>Error</Response><ProcReturnCode>99</ProcReturnCode><ErrMsg>".to_vec();
        body.extend_from_slice(b"\xDD\xFElem ba\xFEar\xFDs\xFDz");
        body.extend_from_slice(b"</ErrMsg><Extra><ERRORCODE>CORE-2012</ERRORCODE></Extra></CC5Response>");
        let (a, _) = parse_answer(&body).unwrap();
        assert_eq!(a.err_msg.as_deref(), Some("İşlem başarısız"));
        assert_eq!(a.reason(), "vpos-code-bad-card");
    }

    #[test]
    fn unreadable_answers() {
        for bad in ["", "<html>502</html>", "<CC5Response><OrderId>x</OrderId></CC5Response>", "<CC5Response><Response>"] {
            assert!(matches!(parse_answer(bad.as_bytes()), Err(VposError::Decode { .. })), "{bad:?}");
        }
    }

    fn status_xml(stat: &str) -> String {
        format!(
            "<CC5Response><OrderId>abc-1</OrderId><Response>Approved</Response><ProcReturnCode>00</ProcReturnCode><ErrMsg></ErrMsg>\
             <Extra><TRANS_STAT>{stat}</TRANS_STAT><PROC_RET_CD>00</PROC_RET_CD><ORIG_TRANS_AMT>10025</ORIG_TRANS_AMT>\
             <CAPTURE_AMT>10025</CAPTURE_AMT><AUTH_CODE>123456</AUTH_CODE><TRANS_ID>t1</TRANS_ID><HOST_REF_NUM>612345678901</HOST_REF_NUM>\
             <SETTLEID></SETTLEID></Extra></CC5Response>"
        )
    }

    #[test]
    fn statuses() {
        for (letter, stat) in [("A", TransStat::Approved), ("C", TransStat::Captured), ("V", TransStat::Voided), ("D", TransStat::Declined)]
        {
            assert_eq!(
                parse_status(status_xml(letter).as_bytes(), Currency::Eur).unwrap(),
                Status::Found {
                    stat,
                    proc_return_code: "00".into(),
                    amount: Some(Money::new(10_025, Currency::Eur)),
                    auth_code: Some("123456".into()),
                    trans_id: Some("t1".into()),
                    host_ref: Some("612345678901".into()),
                    refunded: None,
                }
            );
        }
        let declined = status_xml("D").replace("<PROC_RET_CD>00", "<PROC_RET_CD>51").replace("<ORIG_TRANS_AMT>10025", "<ORIG_TRANS_AMT>0");
        match parse_status(declined.as_bytes(), Currency::Eur).unwrap() {
            Status::Found { stat, proc_return_code, amount, .. } => {
                assert_eq!((stat, proc_return_code.as_str(), amount), (TransStat::Declined, "51", Some(Money::new(0, Currency::Eur))))
            }
            s => panic!("{s:?}"),
        }
        let refunded = status_xml("C").replace("<SETTLEID>", "<REFUND_AMT>525</REFUND_AMT><SETTLEID>");
        assert!(
            matches!(parse_status(refunded.as_bytes(), Currency::Eur).unwrap(), Status::Found { refunded: Some(m), .. } if m.minor == 525)
        );

        let not_found = "<CC5Response><OrderId>abc-9</OrderId><Response>Declined</Response><ProcReturnCode>99</ProcReturnCode>\
                         <ErrMsg>No record found for abc-9</ErrMsg><Extra><NUMCODE>0</NUMCODE></Extra></CC5Response>";
        assert_eq!(parse_status(not_found.as_bytes(), Currency::Eur).unwrap(), Status::NotFound);
        let perms = "<CC5Response><Response>Error</Response><ProcReturnCode>99</ProcReturnCode>\
                     <ErrMsg>Insufficient permissions to perform requested operation</ErrMsg></CC5Response>";
        assert_eq!(parse_status(perms.as_bytes(), Currency::Eur).unwrap_err(), VposError::Credentials);
        let bad_xml =
            "<CC5Response><Response>Error</Response><ProcReturnCode>99</ProcReturnCode><ErrMsg>Invalid XML request</ErrMsg></CC5Response>";
        assert!(
            matches!(parse_status(bad_xml.as_bytes(), Currency::Eur), Err(VposError::Bank(a)) if a.reason() == "vpos-code-invalid-xml")
        );
        let no_stat = status_xml("A").replace("<TRANS_STAT>A</TRANS_STAT>", "");
        assert!(matches!(parse_status(no_stat.as_bytes(), Currency::Eur), Err(VposError::Decode { .. })));
        let odd = status_xml("Q");
        assert!(matches!(parse_status(odd.as_bytes(), Currency::Eur), Err(VposError::Decode { .. })));
    }

    #[test]
    fn history() {
        let xml = "<CC5Response><Response>Approved</Response><ProcReturnCode>00</ProcReturnCode><Extra><TRXCOUNT>2</TRXCOUNT>\
                   <TRX1>V\t00\t10025</TRX1><TRX2>S\t00\t10025</TRX2></Extra></CC5Response>";
        let node = parse(xml.as_bytes()).unwrap();
        assert_eq!(read_history(&node).unwrap(), vec!["V\t00\t10025".to_string(), "S\t00\t10025".to_string()]);
    }
}
