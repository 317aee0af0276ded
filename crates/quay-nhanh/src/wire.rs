//! The v3 envelope and its pieces, read leniently.
//!
//! OK: `{"code":1, "data":…, "paginator":{"next":…}}`. Error: `{"code":0, "errorCode":…,
//! "messages":…, "data":…}`, where `messages` is a string `"field: text; …"`, an object
//! `{"field":"text"}` or an array `["field: text"]`. `ERR_429` carries a singular
//! `message` and `data{lockedSeconds, unlockedAt}`.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// One message of an error answer: the field it names (`channel.appOrderId`), if any,
/// and its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub field: Option<String>,
    pub text: String,
}

impl Message {
    pub fn new(field: Option<&str>, text: &str) -> Message {
        Message { field: field.map(str::to_string), text: text.to_string() }
    }
}

/// The messages as one line, `field: text; field: text` (for logs and error arguments).
pub fn join_messages(messages: &[Message]) -> String {
    messages
        .iter()
        .map(|m| match &m.field {
            Some(f) => format!("{f}: {}", m.text),
            None => m.text.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A field path as Nhanh writes them: `secretKey`, `products.0.id`, `paginator.next`.
fn looks_like_field(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'[' | b']' | b'-'))
}

/// `"field: text"` → (Some(field), text); a text without a field prefix → (None, text).
fn split_one(piece: &str) -> Option<Message> {
    let piece = piece.trim();
    if piece.is_empty() {
        return None;
    }
    if let Some((f, t)) = piece.split_once(':') {
        let f = f.trim();
        if looks_like_field(f) {
            return Some(Message { field: Some(f.to_string()), text: t.trim().to_string() });
        }
    }
    Some(Message { field: None, text: piece.to_string() })
}

/// Reads `messages` in any of its three shapes (and nested mixes of them).
pub fn parse_messages(v: &Value) -> Vec<Message> {
    let mut out = Vec::new();
    collect(v, None, &mut out);
    out
}

fn collect(v: &Value, field: Option<&str>, out: &mut Vec<Message>) {
    match v {
        Value::Null => {}
        Value::String(s) => match field {
            Some(f) => out.push(Message { field: Some(f.to_string()), text: s.trim().to_string() }),
            None => out.extend(s.split(';').filter_map(split_one)),
        },
        Value::Array(items) => {
            for item in items {
                match item {
                    // One array element is one message: a ';' inside it is part of the text.
                    Value::String(s) if field.is_none() => out.extend(split_one(s)),
                    other => collect(other, field, out),
                }
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                collect(v, Some(k), out);
            }
        }
        other => out.push(Message { field: field.map(str::to_string), text: other.to_string() }),
    }
}

/// An answer, OK or not.
#[derive(Clone, Debug, PartialEq)]
pub struct Envelope {
    /// 1 = OK, 0 = error.
    pub code: i64,
    pub data: Value,
    /// `paginator.next` of a list answer; `None` (absent or null) = the last page.
    pub next: Option<Value>,
    pub error_code: Option<String>,
    pub messages: Vec<Message>,
}

impl Envelope {
    pub fn ok(&self) -> bool {
        self.code == 1
    }
}

/// Why a body is not an envelope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotAnEnvelope(pub String);

/// Parses an answer body. Needs a JSON object with a numeric `code` (a numeric string is
/// accepted too); the rest is optional.
pub fn parse_envelope(body: &[u8]) -> Result<Envelope, NotAnEnvelope> {
    let v: Value = serde_json::from_slice(body).map_err(|e| NotAnEnvelope(format!("not JSON: {e}")))?;
    let obj = v.as_object().ok_or_else(|| NotAnEnvelope("not a JSON object".into()))?;
    let code = obj.get("code").and_then(as_i64).ok_or_else(|| NotAnEnvelope("no numeric `code`".into()))?;
    let data = obj.get("data").cloned().unwrap_or(Value::Null);
    let next = obj.get("paginator").and_then(|p| p.get("next")).cloned().filter(|n| !n.is_null());
    let error_code = obj.get("errorCode").and_then(|e| e.as_str()).map(str::to_string);
    let mut messages = obj.get("messages").map(parse_messages).unwrap_or_default();
    if let Some(m) = obj.get("message") {
        messages.extend(parse_messages(m));
    }
    Ok(Envelope { code, data, next, error_code, messages })
}

/// The lock an `ERR_429` announces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lock {
    pub locked_seconds: Option<i64>,
    /// Unix seconds.
    pub unlocked_at: Option<i64>,
}

/// Reads `data{lockedSeconds, unlockedAt}`. `unlockedAt` is unix seconds (a value above
/// 10^11 is taken as milliseconds and rounded up to a second).
pub fn parse_lock(data: &Value) -> Lock {
    let locked_seconds = data.get("lockedSeconds").and_then(as_i64_ceil);
    let unlocked_at = data.get("unlockedAt").and_then(as_i64_ceil).map(|t| if t > 100_000_000_000 { (t + 999) / 1000 } else { t });
    Lock { locked_seconds, unlocked_at }
}

/// An integer from a JSON number or numeric string (`12`, `12.0`, `"12"`).
pub fn as_i64(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15).map(|f| f as i64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Like `as_i64`, rounding a fraction up (seconds of a lock).
fn as_i64_ceil(v: &Value) -> Option<i64> {
    as_i64(v).or_else(|| {
        let f = match v {
            Value::Number(n) => n.as_f64()?,
            Value::String(s) => s.trim().parse().ok()?,
            _ => return None,
        };
        (f.is_finite() && f.abs() < 9.0e15).then(|| f.ceil() as i64)
    })
}

/// serde: an optional integer id sent as a number or a string; null/"" → None.
pub fn opt_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    let v = Option::<Value>::deserialize(d)?;
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(v) => as_i64(&v).map(Some).ok_or_else(|| serde::de::Error::custom(format!("not an integer: {v}"))),
    }
}

/// serde: a required integer id sent as a number or a string.
pub fn req_i64<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    opt_i64(d)?.ok_or_else(|| serde::de::Error::custom("missing id"))
}

/// serde: optional text sent as a string or a number; null/"" → None.
pub fn opt_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(other) => Some(other.to_string()),
    })
}

/// serde: a list of integers, from an array of numbers/strings; null → empty.
pub fn i64_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<i64>, D::Error> {
    match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => Ok(vec![]),
        Some(Value::Array(a)) => a.iter().map(|v| as_i64(v).ok_or_else(|| serde::de::Error::custom(format!("not an id: {v}")))).collect(),
        Some(v) => as_i64(&v).map(|n| vec![n]).ok_or_else(|| serde::de::Error::custom(format!("not an id list: {v}"))),
    }
}

/// serde: a list of texts (numbers kept as their text); null → empty.
pub fn text_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => Ok(vec![]),
        Some(Value::Array(a)) => Ok(a
            .into_iter()
            .filter_map(|v| match v {
                Value::String(s) => Some(s),
                Value::Null => None,
                other => Some(other.to_string()),
            })
            .collect()),
        Some(Value::String(s)) => Ok(vec![s]),
        Some(other) => Ok(vec![other.to_string()]),
    }
}

/// The rows of a list answer's `data`: an array, or an object whose values are the rows
/// (keyed by id, as older answers did).
pub fn rows(data: &Value) -> Vec<Value> {
    match data {
        Value::Array(a) => a.clone(),
        Value::Object(m) => m.values().filter(|v| v.is_object()).cloned().collect(),
        _ => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn m(field: Option<&str>, text: &str) -> Message {
        Message::new(field, text)
    }

    #[test]
    fn messages_in_three_shapes() {
        let cases: Vec<(Value, Vec<Message>)> = vec![
            (json!("secretKey: invalid secret key"), vec![m(Some("secretKey"), "invalid secret key")]),
            (
                json!("products.0.id: product 9 not found; shippingAddress.mobile: invalid mobile"),
                vec![m(Some("products.0.id"), "product 9 not found"), m(Some("shippingAddress.mobile"), "invalid mobile")],
            ),
            (json!({"customer.mobile": "invalid mobile"}), vec![m(Some("customer.mobile"), "invalid mobile")]),
            (json!({"name": ["required", "too long"]}), vec![m(Some("name"), "required"), m(Some("name"), "too long")]),
            (json!(["accessCode: expired", "secretKey: wrong"]), vec![m(Some("accessCode"), "expired"), m(Some("secretKey"), "wrong")]),
            (json!(["Something went wrong"]), vec![m(None, "Something went wrong")]),
            (json!("Too many requests, try again later"), vec![m(None, "Too many requests, try again later")]),
            (json!("Lỗi: không rõ"), vec![m(None, "Lỗi: không rõ")]),
            (json!([{"paginator.next": "invalid"}]), vec![m(Some("paginator.next"), "invalid")]),
            (json!(null), vec![]),
            (json!(""), vec![]),
            (json!({"id": 5}), vec![m(Some("id"), "5")]),
        ];
        for (v, want) in cases {
            assert_eq!(parse_messages(&v), want, "{v}");
        }
        assert_eq!(join_messages(&[m(Some("a"), "x"), m(None, "y")]), "a: x; y");
    }

    #[test]
    fn envelopes() {
        let ok = parse_envelope(br#"{"code":1,"data":[{"id":1}],"paginator":{"next":{"id":1}}}"#).unwrap();
        assert!(ok.ok());
        assert_eq!(ok.next, Some(json!({"id":1})));
        let last = parse_envelope(br#"{"code":1,"data":[],"paginator":{"next":null}}"#).unwrap();
        assert_eq!(last.next, None);
        let err = parse_envelope(br#"{"code":0,"errorCode":"ERR_INVALID_FORM_FIELDS","messages":{"secretKey":"wrong"}}"#).unwrap();
        assert!(!err.ok());
        assert_eq!(err.error_code.as_deref(), Some("ERR_INVALID_FORM_FIELDS"));
        assert_eq!(err.messages, vec![m(Some("secretKey"), "wrong")]);
        let r429 =
            parse_envelope(br#"{"code":0,"errorCode":"ERR_429","message":"locked","data":{"lockedSeconds":10,"unlockedAt":1764739210}}"#)
                .unwrap();
        assert_eq!(r429.messages, vec![m(None, "locked")]);
        assert_eq!(parse_lock(&r429.data), Lock { locked_seconds: Some(10), unlocked_at: Some(1_764_739_210) });
        assert_eq!(parse_lock(&json!({"unlockedAt": 1764739210500i64})).unlocked_at, Some(1_764_739_211));
        assert_eq!(parse_lock(&json!({"lockedSeconds": 2.5})).locked_seconds, Some(3));
        assert_eq!(parse_lock(&json!(null)), Lock { locked_seconds: None, unlocked_at: None });
        assert!(parse_envelope(b"<html>").is_err());
        assert!(parse_envelope(b"[1]").is_err());
        assert!(parse_envelope(br#"{"data":1}"#).is_err());
        assert_eq!(parse_envelope(br#"{"code":"1"}"#).unwrap().code, 1);
    }

    #[test]
    fn rows_of_both_shapes() {
        assert_eq!(rows(&json!([{"id":1},{"id":2}])).len(), 2);
        assert_eq!(rows(&json!({"1":{"id":1},"2":{"id":2}})).len(), 2);
        assert!(rows(&json!(null)).is_empty());
    }
}
