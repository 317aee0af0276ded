//! The 3-D gate (contract §6): the form Quay posts to `est3Dgate` for a hosted payment page
//! (`3d_pay_hosting`: the customer types the card on the bank's page), the refusal page, and
//! the result form the bank posts back (verified with HASH ver3 and the store key).

use super::hash;
use crate::vpos::amount;
use crate::vpos::codes::MD_STATUS_PREFIX;
use crate::vpos::{check_order_id, BankAnswer, Callback, Gateway, LinkRequest, VposError};

pub const STORE_TYPE: &str = "3d_pay_hosting";

/// The gate's form fields, hash last.
pub fn link_form(gateway: &Gateway, req: &LinkRequest<'_>) -> Result<Vec<(String, String)>, VposError> {
    check_order_id(req.order_id)?;
    amount::check_currency(req.amount, gateway.currency)?;
    for (name, url) in [("ok_url", Some(req.ok_url)), ("fail_url", Some(req.fail_url)), ("callback_url", req.callback_url)] {
        if let Some(u) = url {
            if !(u.starts_with("https://") || u.starts_with("http://")) {
                return Err(VposError::InvalidField { field: name.into() });
            }
        }
    }
    if req.rnd.is_empty() || !req.rnd.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(VposError::InvalidField { field: "rnd".into() });
    }
    let c = &gateway.credentials;
    let mut form: Vec<(String, String)> = vec![
        ("clientid".into(), c.get("client_id").into()),
        ("storetype".into(), STORE_TYPE.into()),
        ("TranType".into(), "Auth".into()),
        ("amount".into(), amount::to_total(req.amount)?),
        ("currency".into(), amount::currency_code(req.amount.currency)),
        ("oid".into(), req.order_id.into()),
        ("okUrl".into(), req.ok_url.into()),
        ("failUrl".into(), req.fail_url.into()),
    ];
    if let Some(cb) = req.callback_url {
        form.push(("callbackUrl".into(), cb.into()));
    }
    form.push(("rnd".into(), req.rnd.into()));
    form.push(("lang".into(), if req.lang == "tr" { "tr" } else { "en" }.into()));
    form.push(("hashAlgorithm".into(), "ver3".into()));
    let h = hash::ver3(&form, c.get("store_key"));
    form.push(("hash".into(), h));
    Ok(form)
}

/// The text of `<p id="ErrMsg">…</p>` in the gate's 400 page (else the page's text, short).
pub fn refusal_message(html: &str) -> String {
    let found = html.find("id=\"ErrMsg\"").or_else(|| html.find("id='ErrMsg'")).and_then(|at| {
        let rest = &html[at..];
        let start = rest.find('>')? + 1;
        let end = rest[start..].find('<')?;
        Some(rest[start..start + end].trim().to_string())
    });
    let text = found.unwrap_or_else(|| html.chars().take(200).collect());
    text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
}

fn get<'a>(form: &'a [(String, String)], key: &str) -> Option<&'a str> {
    form.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v.trim()).filter(|v| !v.is_empty())
}

/// Verifies a callback form (pairs as received, percent-decoded): HASH ver3 with the store
/// key (constant time), amount parsed exactly in the gateway's currency. Err(BadSignature) /
/// Err(Decode). Matching it to the journal (order id, amount) is the caller's.
pub fn verify_callback(gateway: &Gateway, form: &[(String, String)]) -> Result<Callback, VposError> {
    let received = get(form, "HASH").ok_or(VposError::BadSignature)?;
    if !hash::verify(form, gateway.credentials.get("store_key"), received) {
        return Err(VposError::BadSignature);
    }
    let need = |k: &str| get(form, k).ok_or_else(|| VposError::decode(format!("callback without {k}")));
    let order_id = get(form, "ReturnOid").or_else(|| get(form, "oid")).ok_or_else(|| VposError::decode("callback without oid"))?;
    let currency = need("currency")?;
    if amount::parse_currency_code(currency) != Some(gateway.currency) {
        return Err(VposError::decode(format!("callback in currency {currency}")));
    }
    let amount = amount::parse_total(need("amount")?, gateway.currency).map_err(|_| VposError::decode("callback amount"))?;
    let md_status = get(form, "mdStatus").unwrap_or("").to_string();
    let proc = get(form, "ProcReturnCode").unwrap_or("").to_string();
    let authenticated = matches!(md_status.as_str(), "1" | "2" | "3" | "4");
    let error_code = get(form, "ERRORCODE").or_else(|| get(form, "ErrorCode")).map(str::to_string);
    // A failed 3-D step authorizes nothing; say so when the bank gives no code of its own.
    let error_code = match error_code {
        None if !authenticated => Some(format!("{MD_STATUS_PREFIX}{}", if md_status.is_empty() { "?" } else { &md_status })),
        other => other,
    };
    let answer = BankAnswer {
        approved: authenticated && proc == "00",
        response: get(form, "Response").unwrap_or(if authenticated { "" } else { "Declined" }).to_string(),
        proc_return_code: proc,
        error_code,
        err_msg: get(form, "ErrMsg").map(str::to_string),
        auth_code: get(form, "AuthCode").map(str::to_string),
        host_ref: get(form, "HostRefNum").map(str::to_string),
        trans_id: get(form, "TransId").map(str::to_string),
        order_id: Some(order_id.to_string()),
    };
    Ok(Callback { order_id: order_id.to_string(), amount, md_status, answer, masked_pan: get(form, "MaskedPan").map(str::to_string) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vpos::{Credentials, Kind};
    use quay_core::money::{Currency, Money};

    fn gateway() -> Gateway {
        let v = [("client_id", "100200127"), ("username", "api"), ("password", "Pa55"), ("store_key", "TEST1234")];
        Gateway {
            kind: Kind::Nestpay,
            api_url: "http://bank/fim/api".into(),
            gate_url: Some("http://bank/fim/est3Dgate".into()),
            credentials: Credentials::new(Kind::Nestpay, v.iter().map(|(a, b)| (a.to_string(), b.to_string()))).unwrap(),
            currency: Currency::Eur,
        }
    }

    fn req(amount: i64) -> LinkRequest<'static> {
        LinkRequest {
            order_id: "abc-1",
            amount: Money::new(amount, Currency::Eur),
            ok_url: "https://till/ok",
            fail_url: "https://till/fail",
            callback_url: Some("https://till/cb"),
            rnd: "r1715000000",
            lang: "en",
        }
    }

    #[test]
    fn form() {
        let f = link_form(&gateway(), &req(10_025)).unwrap();
        let keys: Vec<&str> = f.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "clientid",
                "storetype",
                "TranType",
                "amount",
                "currency",
                "oid",
                "okUrl",
                "failUrl",
                "callbackUrl",
                "rnd",
                "lang",
                "hashAlgorithm",
                "hash"
            ]
        );
        assert_eq!(get(&f, "amount"), Some("100.25"));
        assert_eq!(get(&f, "currency"), Some("978"));
        assert_eq!(get(&f, "storetype"), Some("3d_pay_hosting"));
        assert!(hash::verify(&f, "TEST1234", get(&f, "hash").unwrap()));
        // Pinned with python3 over the same natural order
        // (amount|callbackUrl|clientid|currency|failUrl|hashAlgorithm|lang|oid|okUrl|rnd|storetype|TranType|key).
        assert_eq!(
            hash::plaintext(&f, "TEST1234").as_str(),
            "100.25|https://till/cb|100200127|978|https://till/fail|ver3|en|abc-1|https://till/ok|r1715000000|3d_pay_hosting|Auth|TEST1234"
        );
        assert!(link_form(&gateway(), &LinkRequest { ok_url: "javascript:x", ..req(1) }).is_err());
        assert!(link_form(&gateway(), &LinkRequest { order_id: "a b", ..req(1) }).is_err());
        assert!(link_form(&gateway(), &LinkRequest { amount: Money::new(1, Currency::Usd), ..req(1) }).is_err());
        assert!(link_form(&gateway(), &req(0)).is_err());
    }

    #[test]
    fn refusal_page() {
        let html = "<html><body><h1>Error</h1><p id=\"ErrMsg\">Invalid &amp; unknown amount</p></body></html>";
        assert_eq!(refusal_message(html), "Invalid & unknown amount");
        assert_eq!(refusal_message("plain"), "plain");
    }

    /// A callback as the bank posts it: the sent fields minus hash, the result, HASH over all.
    fn callback(md: &str, proc: &str, extra: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut f: Vec<(String, String)> = link_form(&gateway(), &req(10_025)).unwrap().into_iter().filter(|(k, _)| k != "hash").collect();
        let mut add = |k: &str, v: &str| f.push((k.into(), v.into()));
        add("mdStatus", md);
        add("Response", if proc == "00" { "Approved" } else { "Declined" });
        add("ProcReturnCode", proc);
        add("AuthCode", if proc == "00" { "123456" } else { "" });
        add("HostRefNum", "612345678901");
        add("TransId", "t1");
        add("ErrMsg", "");
        add("MaskedPan", "450803***4509");
        add("ReturnOid", "abc-1");
        for (k, v) in extra {
            add(k, v);
        }
        let h = hash::ver3(&f, "TEST1234");
        f.push(("HASH".into(), h));
        f
    }

    #[test]
    fn callbacks() {
        let g = gateway();
        let ok = verify_callback(&g, &callback("1", "00", &[])).unwrap();
        assert_eq!(ok.order_id, "abc-1");
        assert_eq!(ok.amount, Money::new(10_025, Currency::Eur));
        assert!(ok.answer.approved);
        assert_eq!(ok.answer.auth_code.as_deref(), Some("123456"));
        assert_eq!(ok.masked_pan.as_deref(), Some("450803***4509"));

        // (mdStatus, ProcReturnCode, approved, reason)
        let rows = [
            ("1", "00", true, "vpos-code-approved"),
            ("4", "00", true, "vpos-code-approved"),
            ("1", "51", false, "decline-insufficient-funds"),
            ("0", "", false, "vpos-code-3d-failed"),
            ("5", "", false, "vpos-code-3d-failed"),
            ("7", "99", false, "vpos-code-3d-failed"),
            ("0", "00", false, "vpos-code-3d-failed"),
        ];
        for (md, proc, approved, reason) in rows {
            let c = verify_callback(&g, &callback(md, proc, &[])).unwrap();
            assert_eq!(c.md_status, md);
            assert_eq!(c.answer.approved, approved, "{md} {proc}");
            assert_eq!(c.answer.reason(), reason, "{md} {proc}");
        }
        // The bank's own ERRORCODE wins over Quay's 3D-n.
        let c = verify_callback(&g, &callback("7", "99", &[("ERRORCODE", "CORE-2012")])).unwrap();
        assert_eq!(c.answer.reason(), "vpos-code-bad-card");
    }

    #[test]
    fn bad_callbacks() {
        let g = gateway();
        let mut tampered = callback("1", "00", &[]);
        tampered.iter_mut().find(|(k, _)| k == "amount").unwrap().1 = "1.00".into();
        assert_eq!(verify_callback(&g, &tampered).unwrap_err(), VposError::BadSignature);
        let mut no_hash = callback("1", "00", &[]);
        no_hash.retain(|(k, _)| k != "HASH");
        assert_eq!(verify_callback(&g, &no_hash).unwrap_err(), VposError::BadSignature);
        let mut other_key = g.clone();
        other_key.credentials = Credentials::new(
            Kind::Nestpay,
            [("client_id", "100200127"), ("username", "api"), ("password", "Pa55"), ("store_key", "OTHER")]
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string())),
        )
        .unwrap();
        assert_eq!(verify_callback(&other_key, &callback("1", "00", &[])).unwrap_err(), VposError::BadSignature);
        // Signed, but in another currency than the gateway's.
        let mut usd = g.clone();
        usd.currency = Currency::Usd;
        assert!(matches!(verify_callback(&usd, &callback("1", "00", &[])), Err(VposError::Decode { .. })));
        // Signed, with an amount that is not a Total.
        let mut f: Vec<(String, String)> = callback("1", "00", &[]).into_iter().filter(|(k, _)| k != "HASH").collect();
        f.iter_mut().find(|(k, _)| k == "amount").unwrap().1 = "100.255".into();
        let h = hash::ver3(&f, "TEST1234");
        f.push(("HASH".into(), h));
        assert!(matches!(verify_callback(&g, &f), Err(VposError::Decode { .. })));
    }
}
