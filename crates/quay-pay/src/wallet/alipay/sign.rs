//! RSA2 (SHA256withRSA, PKCS#1 v1.5) on Alipay's classic gateway (contract §4): the
//! request's signing string, the app key's signature, and the verification of answers
//! over their **raw text** — the exact bytes of the `<method>_response` value, never
//! re-serialised — with Alipay's public key.

use std::collections::BTreeMap;

use base64::Engine;
use rsa::pkcs1::{DecodeRsaPrivateKey, DecodeRsaPublicKey};
use rsa::pkcs1v15::{Signature, SigningKey, VerifyingKey};
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey};
use rsa::signature::{SignatureEncoding, Signer, Verifier};
use rsa::{RsaPrivateKey, RsaPublicKey};
use serde_json::{Map, Value};
use sha2::Sha256;

use super::super::{field_text, WalletError};

/// Codes Alipay may send unsigned (missing / invalid parameter, including a bad
/// signature of ours): read as refusals, signed or not.
pub const UNSIGNED_CODES: &[&str] = &["40001", "40002"];

/// The app's private key, parsed once. `Debug` shows nothing of it.
#[derive(Clone)]
pub struct AppKey(SigningKey<Sha256>);

impl std::fmt::Debug for AppKey {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("AppKey(********)")
    }
}

/// Alipay's public key (the one that signs answers and notifications).
#[derive(Clone)]
pub struct AlipayKey(VerifyingKey<Sha256>);

impl std::fmt::Debug for AlipayKey {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("AlipayKey(..)")
    }
}

fn der_of(text: &str, what: &str) -> Result<Vec<u8>, WalletError> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    base64::engine::general_purpose::STANDARD.decode(compact).map_err(|_| WalletError::Config(format!("Alipay {what}: not PEM nor base64")))
}

impl AppKey {
    /// PEM `PRIVATE KEY` (PKCS#8, what Alipay's key tool writes) or `RSA PRIVATE KEY`
    /// (PKCS#1), or one line of base64 of either DER.
    pub fn parse(text: &str) -> Result<AppKey, WalletError> {
        let t = text.trim();
        let bad = || WalletError::Config("Alipay app private key: not an RSA private key".into());
        if t.is_empty() {
            return Err(WalletError::Config("Alipay app private key: empty".into()));
        }
        let key = if t.starts_with("-----BEGIN") {
            RsaPrivateKey::from_pkcs8_pem(t).or_else(|_| RsaPrivateKey::from_pkcs1_pem(t)).map_err(|_| bad())?
        } else {
            let der = der_of(t, "app private key")?;
            RsaPrivateKey::from_pkcs8_der(&der).or_else(|_| RsaPrivateKey::from_pkcs1_der(&der)).map_err(|_| bad())?
        };
        Ok(AppKey(SigningKey::<Sha256>::new(key)))
    }

    /// base64(SHA256withRSA(content)). Deterministic (PKCS#1 v1.5).
    pub fn sign(&self, content: &str) -> String {
        let sig: Signature = self.0.sign(content.as_bytes());
        base64::engine::general_purpose::STANDARD.encode(sig.to_bytes())
    }
}

impl AlipayKey {
    /// PEM `PUBLIC KEY` (or `RSA PUBLIC KEY`), or one line of base64 SubjectPublicKeyInfo
    /// as Alipay's console shows it.
    pub fn parse(text: &str) -> Result<AlipayKey, WalletError> {
        let t = text.trim();
        let bad = || WalletError::Config("Alipay public key: not an RSA public key".into());
        if t.is_empty() {
            return Err(WalletError::Config("Alipay public key: empty".into()));
        }
        let key = if t.starts_with("-----BEGIN") {
            RsaPublicKey::from_public_key_pem(t).or_else(|_| RsaPublicKey::from_pkcs1_pem(t)).map_err(|_| bad())?
        } else {
            let der = der_of(t, "public key")?;
            RsaPublicKey::from_public_key_der(&der).or_else(|_| RsaPublicKey::from_pkcs1_der(&der)).map_err(|_| bad())?
        };
        Ok(AlipayKey(VerifyingKey::<Sha256>::new(key)))
    }

    /// Whether `sign_b64` is Alipay's signature of exactly `content`.
    pub fn verify(&self, content: &[u8], sign_b64: &str) -> bool {
        let compact: String = sign_b64.chars().filter(|c| !c.is_whitespace()).collect();
        let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(compact) else { return false };
        let Ok(sig) = Signature::try_from(bytes.as_slice()) else { return false };
        self.0.verify(content, &sig).is_ok()
    }
}

/// The signing string: every parameter but `sign` whose value is not empty, keys sorted,
/// `k=v` joined by `&`, values raw (not URL-encoded).
pub fn sign_content(params: &BTreeMap<String, String>) -> String {
    params.iter().filter(|(k, v)| k.as_str() != "sign" && !v.is_empty()).map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&")
}

/// `alipay.trade.pay` → `alipay_trade_pay_response`.
pub fn response_key(method: &str) -> String {
    format!("{}_response", method.replace('.', "_"))
}

/// A verified (or admissibly unsigned) answer of any method: the common fields and the
/// whole inner object.
#[derive(Clone, Debug, PartialEq)]
pub struct AlipayAnswer {
    pub code: String,
    pub msg: String,
    pub sub_code: Option<String>,
    pub sub_msg: Option<String>,
    /// False only for an unsigned (or unverifiable) 40001/40002 refusal.
    pub signed: bool,
    /// shop.create: the review order to follow (`shop_order_query`).
    pub order_id: Option<String>,
    /// shop.create replayed after approval: the Alipay shop id.
    pub exist_shop_id: Option<String>,
    /// item.create / modify (also with `OUT_ITEM_ID_EXIST`): Alipay's item id.
    pub item_id: Option<String>,
    /// The inner object (`…_response`), as received.
    pub fields: Map<String, Value>,
}

impl AlipayAnswer {
    /// `code == "10000"`.
    pub fn is_success(&self) -> bool {
        self.code == "10000"
    }

    /// A field's text (strings as they are, numbers in their JSON text); `None` when
    /// absent, null or empty.
    pub fn text(&self, key: &str) -> Option<String> {
        Some(field_text(self.fields.get(key))).filter(|s| !s.is_empty())
    }

    /// `sub_code` when there is one, else `code` (what the journal keeps).
    pub fn error_code(&self) -> String {
        self.sub_code.clone().unwrap_or_else(|| self.code.clone())
    }

    /// `sub_msg` when there is one, else `msg`.
    pub fn message(&self) -> String {
        self.sub_msg.clone().unwrap_or_else(|| self.msg.clone())
    }

    /// Builds an answer from an inner object (tests, and the verification below).
    pub fn from_fields(fields: Map<String, Value>, signed: bool) -> Result<AlipayAnswer, WalletError> {
        let text = |k: &str| Some(field_text(fields.get(k))).filter(|s| !s.is_empty());
        let code = text("code").ok_or_else(|| WalletError::Decode("Alipay answer without code".into()))?;
        Ok(AlipayAnswer {
            msg: text("msg").unwrap_or_default(),
            sub_code: text("sub_code"),
            sub_msg: text("sub_msg"),
            order_id: text("order_id"),
            exist_shop_id: text("exist_shop_id"),
            item_id: text("item_id"),
            code,
            signed,
            fields,
        })
    }
}

/// The byte span of a top-level key's value in a JSON object text, found by scanning
/// (strings and nesting respected), so the signed bytes are exactly those received.
pub fn top_level_value_span(raw: &str, key: &str) -> Option<(usize, usize)> {
    let b = raw.as_bytes();
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    loop {
        i = skip_ws(b, i);
        match b.get(i) {
            Some(b'"') => {}
            _ => return None,
        }
        let key_end = skip_string(b, i)?;
        let name = &raw[i + 1..key_end - 1];
        i = skip_ws(b, key_end);
        if b.get(i) != Some(&b':') {
            return None;
        }
        let start = skip_ws(b, i + 1);
        let end = skip_value(b, start)?;
        if name == key {
            return Some((start, end));
        }
        i = skip_ws(b, end);
        match b.get(i) {
            Some(b',') => i += 1,
            _ => return None,
        }
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// From an opening quote to just past the closing one.
fn skip_string(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// Past one JSON value starting at `i`.
fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        b'"' => skip_string(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = skip_string(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']') && !b[j].is_ascii_whitespace() {
                j += 1;
            }
            (j > i).then_some(j)
        }
    }
}

/// Verifies an answer's raw text for `method`: the value of `<method>_response` (or
/// `error_response`) exactly as received, against the top-level `sign`; on failure, if
/// `\/` occurs, once more with `\/` → `/`. 40001/40002 are accepted unsigned (or
/// unverifiable: they are refusals, nothing was done); any other answer unsigned or
/// failing → `BadSignature` (unknown: query, never paid).
pub fn verify_response(key: &AlipayKey, method: &str, raw: &str) -> Result<AlipayAnswer, WalletError> {
    let top: Value = serde_json::from_str(raw).map_err(|e| WalletError::Decode(format!("Alipay answer: {e}")))?;
    let top = top.as_object().ok_or_else(|| WalletError::Decode("Alipay answer is not an object".into()))?;
    let name = response_key(method);
    let name = if top.contains_key(&name) {
        name
    } else if top.contains_key("error_response") {
        "error_response".to_string()
    } else {
        return Err(WalletError::Decode(format!("Alipay answer without {name}")));
    };
    let (start, end) = top_level_value_span(raw, &name).ok_or_else(|| WalletError::Decode("Alipay answer: unreadable layout".into()))?;
    let content = &raw[start..end];
    // What is read is exactly what is verified: a second `<method>_response` later in the
    // text (JSON maps keep the last of a repeated key) must not replace the signed one.
    let inner: serde_json::Map<String, Value> =
        serde_json::from_str(content).map_err(|_| WalletError::Decode(format!("Alipay {name} is not an object")))?;
    let sign = top.get("sign").and_then(Value::as_str).unwrap_or("");
    let verified = !sign.is_empty()
        && (key.verify(content.as_bytes(), sign) || (content.contains("\\/") && key.verify(content.replace("\\/", "/").as_bytes(), sign)));
    let answer = AlipayAnswer::from_fields(inner, verified)?;
    if !verified && !UNSIGNED_CODES.contains(&answer.code.as_str()) {
        return Err(WalletError::BadSignature);
    }
    Ok(answer)
}
