//! The Open API v3 calls: the contract's check order, then each endpoint's validation and
//! effect. Everything runs under the state's lock and answers the JSON envelope (HTTP 200);
//! the webhook echoes of API-made changes are returned to be sent after the lock.

use std::collections::HashMap;

use serde_json::{json, Map, Value};

use super::state::*;
use super::NhanhSim;

/// One error answer before it is shaped: code, the fields and their texts, `data`.
pub(crate) struct Fail {
    pub code: &'static str,
    pub fields: Vec<(String, String)>,
    pub data: Option<Value>,
}

fn fail(code: &'static str, field: &str, text: impl Into<String>) -> Fail {
    Fail { code, fields: vec![(field.to_string(), text.into())], data: None }
}

fn form(fields: Vec<(String, String)>) -> Fail {
    Fail { code: "ERR_INVALID_FORM_FIELDS", fields, data: None }
}

/// What a call produced: the answer and the events to send (echoes).
pub(crate) struct Handled {
    pub answer: Value,
    pub events: Vec<(String, Value)>,
}

type Out = Result<(Value, Option<Value>), Fail>;

/// `messages` in one of the three shapes, each naming its field.
pub(crate) fn messages(mode: MessagesMode, fields: &[(String, String)]) -> Value {
    match mode {
        MessagesMode::Text | MessagesMode::Rotate => {
            json!(fields.iter().map(|(f, t)| format!("{f}: {t}")).collect::<Vec<_>>().join("; "))
        }
        MessagesMode::Object => Value::Object(fields.iter().map(|(f, t)| (f.clone(), json!(t))).collect::<Map<_, _>>()),
        MessagesMode::Array => json!(fields.iter().map(|(f, t)| format!("{f}: {t}")).collect::<Vec<_>>()),
    }
}

fn query_map(query: &str) -> HashMap<String, String> {
    let mut m = HashMap::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        // A repeated parameter is ambiguous: keep it as invalid.
        if m.insert(k.to_string(), v.to_string()).is_some() {
            m.insert(k.to_string(), "\u{0}repeated".into());
        }
    }
    m
}

fn ceil_sec(ms: i64) -> i64 {
    (ms + 999).div_euclid(1000) * 1000
}

/// The rate limiter: Some((lockedSeconds, unlockedAt)) when the call is refused.
pub(crate) fn rate(inner: &mut Inner, key: (String, String), now: i64, limit: u32) -> Option<(i64, i64)> {
    let l = inner.limiters.entry(key).or_default();
    if now < l.locked_until_ms {
        l.lock_secs *= 2;
        l.locked_until_ms = ceil_sec(now + l.lock_secs * 1000);
        return Some((l.lock_secs, l.locked_until_ms / 1000));
    }
    if l.locked_until_ms != 0 {
        *l = Limiter::default();
    }
    while l.calls.front().is_some_and(|t| *t <= now - WINDOW_MS) {
        l.calls.pop_front();
    }
    if l.calls.len() as u64 >= limit as u64 {
        l.calls.clear();
        l.lock_secs = FIRST_LOCK_SECS;
        l.locked_until_ms = ceil_sec(now + FIRST_LOCK_SECS * 1000);
        return Some((l.lock_secs, l.locked_until_ms / 1000));
    }
    l.calls.push_back(now);
    None
}

pub(crate) fn handle(sim: &NhanhSim, path: &str, query: &str, auth: Option<&str>, body: &[u8]) -> Handled {
    let now_ms = sim.now_ms();
    let mut inner = sim.lock();
    let mut events = Vec::new();
    let result = checked(sim, &mut inner, path, query, auth, body, now_ms, &mut events);
    let answer = match result {
        Ok((data, None)) => json!({"code": 1, "data": data}),
        Ok((data, Some(next))) => json!({"code": 1, "data": data, "paginator": {"next": next}}),
        Err(Fail { code: "ERR_429", data, fields }) => {
            json!({"code": 0, "errorCode": "ERR_429", "message": fields.first().map(|f| f.1.clone()).unwrap_or_default(), "data": data})
        }
        Err(f) => {
            // Rotation: each error answer takes the next shape.
            let mode = match inner.faults.messages {
                MessagesMode::Rotate => {
                    inner.rotate += 1;
                    [MessagesMode::Text, MessagesMode::Object, MessagesMode::Array][(inner.rotate - 1) % 3]
                }
                m => m,
            };
            let mut a = json!({"code": 0, "errorCode": f.code, "messages": messages(mode, &f.fields)});
            if let Some(d) = f.data {
                a["data"] = d;
            }
            a
        }
    };
    Handled { answer, events }
}

#[allow(clippy::too_many_arguments)]
fn checked(
    sim: &NhanhSim,
    inner: &mut Inner,
    path: &str,
    query: &str,
    auth: Option<&str>,
    body: &[u8],
    now_ms: i64,
    events: &mut Vec<(String, Value)>,
) -> Out {
    let cfg = sim.config();
    let q = query_map(query);
    if q.get("appId").map(String::as_str) != Some(cfg.app_id.as_str()) {
        return Err(fail("ERR_INVALID_APP_ID", "appId", "appId is missing or unknown"));
    }
    let business = cfg.business_id.to_string();
    let biz = q.get("businessId").cloned();
    match path {
        "app/getaccesstoken" => {}
        "app/checkaccesstoken" if biz.is_none() => {}
        _ if biz.as_deref() == Some(business.as_str()) => {}
        _ => return Err(fail("ERR_INVALID_BUSINESS_ID", "businessId", "businessId is missing or unknown")),
    }
    let key = (if path == "app/getaccesstoken" { String::new() } else { business.clone() }, path.to_string());
    if let Some((secs, unlocked_at)) = rate(inner, key, now_ms, sim.rate_limit()) {
        return Err(Fail {
            code: "ERR_429",
            fields: vec![("rateLimit".into(), format!("Too many requests to {path}, locked for {secs} seconds"))],
            data: Some(json!({"lockedSeconds": secs, "unlockedAt": unlocked_at})),
        });
    }
    if inner.faults.business_not_enabled {
        return Err(fail("ERR_BUSINESS_NOT_ENABLE_API", "businessId", "the business has not enabled the API"));
    }
    let Ok(body) = serde_json::from_slice::<Value>(body) else {
        return Err(fail("ERR_INVALID_DATA", "data", "the body is not JSON"));
    };
    let want_array = path == "customer/add";
    if (want_array && !body.is_array()) || (!want_array && !body.is_object()) {
        return Err(fail(
            "ERR_INVALID_DATA",
            "data",
            if want_array { "the body must be a JSON array" } else { "the body must be a JSON object" },
        ));
    }
    if path == "app/getaccesstoken" {
        return get_access_token(sim, inner, &body, now_ms);
    }
    let token = auth.map(str::trim).unwrap_or("");
    let tok = match inner.tokens.get(token) {
        None if token.is_empty() => return Err(fail("ERR_INVALID_ACCESS_TOKEN", "accessToken", "the access token is missing")),
        None => return Err(fail("ERR_INVALID_ACCESS_TOKEN", "accessToken", "the access token is unknown")),
        Some(t) if t.expired_at * 1000 <= now_ms => {
            return Err(fail("ERR_INVALID_ACCESS_TOKEN", "accessToken", "the access token has expired"))
        }
        Some(t) if t.replaced_ms.is_some_and(|r| r + REPLACED_GRACE_MS <= now_ms) => {
            return Err(fail("ERR_INVALID_ACCESS_TOKEN", "accessToken", "the access token was replaced by a newer one"))
        }
        Some(t) => t.clone(),
    };
    if tok.version != "3.0" {
        return Err(fail("ERR_INVALID_VERSION", "version", format!("a {} access token cannot call the v3.0 API", tok.version)));
    }
    if path != "app/checkaccesstoken" && !tok.grant.permissions.iter().any(|p| p == path) {
        return Err(fail("ERR_403", "permissions", format!("the app has no permission {path}")));
    }
    let granted = &tok.grant.depot_ids;
    let now = now_ms.div_euclid(1000);
    match path {
        "app/checkaccesstoken" => {
            if body.get("secretKey").and_then(Value::as_str) != Some(cfg.secret_key.as_str()) {
                return Err(form(vec![("secretKey".into(), "secretKey is wrong".into())]));
            }
            Ok((token_data(cfg.business_id, token, &tok), None))
        }
        "product/list" => product_list(inner, &body, granted),
        "product/detail" => {
            let id = body.get("filters").and_then(|f| f.get("id")).and_then(Value::as_i64);
            match id.and_then(|id| inner.products.get(&id)) {
                Some(p) => Ok((p.row(granted), None)),
                None if id.is_none() => Err(form(vec![("filters.id".into(), "filters.id must be a product id".into())])),
                None => Err(form(vec![("filters.id".into(), format!("product {} does not exist", id.unwrap_or(0)))])),
            }
        }
        "product/category" => Ok((json!(inner.categories.iter().map(NhanhCategory::row).collect::<Vec<_>>()), None)),
        "product/inventory" => product_inventory(inner, &body, granted, &cfg.depots),
        "order/add" => order_add(sim, inner, &body, granted, now, events),
        "order/list" => order_list(inner, &body, now),
        "order/edit" => order_edit(sim, inner, &body, now, events),
        "customer/list" => customer_list(inner, &body),
        "customer/add" => customer_add(inner, &body, now),
        _ => Err(fail("ERR_403", "permissions", format!("the app has no permission {path}"))),
    }
}

pub(crate) fn token_data(business_id: i64, token: &str, t: &Token) -> Value {
    json!({
        "accessToken": token, "version": t.version, "expiredAt": t.expired_at, "businessId": business_id,
        "depotIds": t.grant.depot_ids, "pageIds": t.grant.page_ids, "permissions": t.grant.permissions,
    })
}

fn get_access_token(sim: &NhanhSim, inner: &mut Inner, body: &Value, now_ms: i64) -> Out {
    let cfg = sim.config();
    if body.get("secretKey").and_then(Value::as_str) != Some(cfg.secret_key.as_str()) {
        return Err(form(vec![("secretKey".into(), "secretKey is wrong".into())]));
    }
    let code = body.get("accessCode").and_then(Value::as_str).unwrap_or("");
    let grant = match inner.codes.get_mut(code) {
        Some(c) if !c.used && now_ms < c.expires_ms => {
            c.used = true;
            c.grant.clone()
        }
        Some(c) if c.used => return Err(form(vec![("accessCode".into(), "accessCode has already been used".into())])),
        Some(_) => return Err(form(vec![("accessCode".into(), "accessCode has expired".into())])),
        None => return Err(form(vec![("accessCode".into(), "accessCode is invalid".into())])),
    };
    let (token, t) = sim.mint(inner, grant, "3.0", now_ms);
    Ok((token_data(cfg.business_id, &token, &t), None))
}

// ---- paging ----

#[derive(Clone, Copy, PartialEq, Eq)]
enum SortField {
    Id,
    UpdatedAt,
    CreatedAt,
}

impl SortField {
    fn name(self) -> &'static str {
        match self {
            SortField::Id => "id",
            SortField::UpdatedAt => "updatedAt",
            SortField::CreatedAt => "createdAt",
        }
    }
}

struct Pag {
    size: usize,
    field: SortField,
    desc: bool,
    after: Option<(i64, i64)>,
}

fn cursor_key(resource: &str, field: SortField, desc: bool, next: &Value) -> String {
    format!("{resource}|{}|{desc}|{}", field.name(), serde_json::to_string(next).unwrap_or_default())
}

fn parse_pag(inner: &Inner, body: &Value, resource: &str, times: bool, errors: &mut Vec<(String, String)>) -> Pag {
    let mut pag = Pag { size: 50, field: SortField::Id, desc: true, after: None };
    let p = match body.get("paginator") {
        None | Some(Value::Null) => return pag,
        Some(Value::Object(p)) => p,
        Some(_) => {
            errors.push(("paginator".into(), "paginator must be an object".into()));
            return pag;
        }
    };
    match p.get("size") {
        None | Some(Value::Null) => {}
        Some(v) => match v.as_u64().filter(|n| (1..=100).contains(n)) {
            Some(n) => pag.size = n as usize,
            None => errors.push(("paginator.size".into(), "size must be an integer from 1 to 100".into())),
        },
    }
    match p.get("sort") {
        None | Some(Value::Null) => {}
        Some(Value::Object(s)) if s.len() == 1 => {
            let (k, v) = s.iter().next().expect("one key");
            let field = match k.as_str() {
                "id" => Some(SortField::Id),
                "updatedAt" if times => Some(SortField::UpdatedAt),
                "createdAt" if times => Some(SortField::CreatedAt),
                _ => None,
            };
            match (field, v.as_str()) {
                (Some(f), Some("asc")) => (pag.field, pag.desc) = (f, false),
                (Some(f), Some("desc")) => (pag.field, pag.desc) = (f, true),
                _ => errors.push(("paginator.sort".into(), format!("cannot sort by {k}: {v}"))),
            }
        }
        Some(_) => errors.push(("paginator.sort".into(), "sort takes exactly one key".into())),
    }
    match p.get("next") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s.is_empty() => {}
        Some(Value::Object(o)) if o.is_empty() => {}
        Some(next) => {
            let parsed = next.as_object().and_then(|o| {
                let id = o.get("id")?.as_i64()?;
                match pag.field {
                    SortField::Id if o.len() == 1 => Some((id, id)),
                    f if o.len() == 2 => Some((o.get(f.name())?.as_i64()?, id)),
                    _ => None,
                }
            });
            match parsed.filter(|_| inner.cursors.contains(&cursor_key(resource, pag.field, pag.desc, next))) {
                Some(k) => pag.after = Some(k),
                None => errors.push(("paginator.next".into(), "next is not a cursor of this list".into())),
            }
        }
    }
    pag
}

/// Sorts (primary, id) keys, keeps those after the cursor, cuts one page. The ids of the
/// page and its `next` (null on the last page).
fn paginate(inner: &mut Inner, mut keys: Vec<(i64, i64)>, pag: &Pag, resource: &str) -> (Vec<i64>, Value) {
    keys.sort_unstable();
    if pag.desc {
        keys.reverse();
    }
    if let Some(after) = pag.after {
        keys.retain(|k| if pag.desc { *k < after } else { *k > after });
    }
    let take = if inner.faults.short_pages { pag.size.div_ceil(2) } else { pag.size };
    let page: Vec<(i64, i64)> = keys.iter().take(take).copied().collect();
    let more = keys.len() > page.len();
    let next = match page.last() {
        Some(&(primary, id)) if more => {
            let next = match pag.field {
                SortField::Id => json!({"id": id}),
                f => {
                    let mut m = Map::new();
                    m.insert(f.name().into(), json!(primary));
                    m.insert("id".into(), json!(id));
                    Value::Object(m)
                }
            };
            inner.cursors.insert(cursor_key(resource, pag.field, pag.desc, &next));
            next
        }
        _ => Value::Null,
    };
    (page.into_iter().map(|k| k.1).collect(), next)
}

fn key_of(field: SortField, id: i64, created: i64, updated: i64) -> (i64, i64) {
    match field {
        SortField::Id => (id, id),
        SortField::UpdatedAt => (updated, id),
        SortField::CreatedAt => (created, id),
    }
}

// ---- filters ----

fn ints(f: &Value, name: &str, errors: &mut Vec<(String, String)>) -> Option<Vec<i64>> {
    match f.get(name) {
        None | Some(Value::Null) => None,
        Some(Value::Array(a)) if a.iter().all(|v| v.as_i64().is_some()) => Some(a.iter().filter_map(Value::as_i64).collect()),
        Some(_) => {
            errors.push((format!("filters.{name}"), format!("{name} must be an array of integers")));
            None
        }
    }
}

fn int(f: &Value, name: &str, errors: &mut Vec<(String, String)>) -> Option<i64> {
    match f.get(name) {
        None | Some(Value::Null) => None,
        Some(v) => v.as_i64().or_else(|| {
            errors.push((format!("filters.{name}"), format!("{name} must be an integer")));
            None
        }),
    }
}

fn filters<'a>(body: &'a Value, errors: &mut Vec<(String, String)>) -> &'a Value {
    static EMPTY: Value = Value::Null;
    match body.get("filters") {
        None | Some(Value::Null) => &EMPTY,
        Some(f @ Value::Object(_)) => f,
        Some(_) => {
            errors.push(("filters".into(), "filters must be an object".into()));
            &EMPTY
        }
    }
}

fn product_list(inner: &mut Inner, body: &Value, granted: &[i64]) -> Out {
    let mut errors = Vec::new();
    let f = filters(body, &mut errors);
    let ids = ints(f, "ids", &mut errors);
    let cats = ints(f, "categoryIds", &mut errors);
    let statuses = ints(f, "status", &mut errors);
    let from = int(f, "updatedAtFrom", &mut errors);
    let to = int(f, "updatedAtTo", &mut errors);
    let name = match f.get("name") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.to_lowercase()),
        Some(_) => {
            errors.push(("filters.name".into(), "name must be a string".into()));
            None
        }
    };
    let pag = parse_pag(inner, body, "product/list", true, &mut errors);
    if !errors.is_empty() {
        return Err(form(errors));
    }
    let keys = inner
        .products
        .values()
        .filter(|p| ids.as_ref().is_none_or(|v| v.contains(&p.id)))
        .filter(|p| cats.as_ref().is_none_or(|v| p.category_id.is_some_and(|c| v.contains(&c))))
        .filter(|p| statuses.as_ref().is_none_or(|v| v.contains(&p.status)))
        .filter(|p| from.is_none_or(|t| p.updated_at >= t) && to.is_none_or(|t| p.updated_at <= t))
        .filter(|p| {
            name.as_ref().is_none_or(|n| {
                p.name.to_lowercase().contains(n) || p.code.to_lowercase().contains(n) || p.barcode.to_lowercase().contains(n)
            })
        })
        .map(|p| key_of(pag.field, p.id, p.created_at, p.updated_at))
        .collect();
    let (page, next) = paginate(inner, keys, &pag, "product/list");
    let rows: Vec<Value> = page.iter().filter_map(|id| inner.products.get(id)).map(|p| p.row(granted)).collect();
    Ok((json!(rows), Some(next)))
}

fn product_inventory(inner: &mut Inner, body: &Value, granted: &[i64], depots: &[NhanhDepot]) -> Out {
    let mut errors = Vec::new();
    let f = filters(body, &mut errors);
    let ids = ints(f, "ids", &mut errors);
    let asked = ints(f, "depotIds", &mut errors);
    let pag = parse_pag(inner, body, "product/inventory", false, &mut errors);
    if !errors.is_empty() {
        return Err(form(errors));
    }
    let allowed = |d: &i64| depots.iter().any(|x| x.id == *d) && (granted.is_empty() || granted.contains(d));
    let use_depots: Vec<i64> = match asked {
        Some(a) => {
            if let Some(bad) = a.iter().find(|d| !allowed(d)) {
                return Err(fail("ERR_INVALID_DEPOT_ID", "filters.depotIds", format!("depot {bad} is not granted to the app")));
            }
            a
        }
        None => depots.iter().map(|d| d.id).filter(allowed).collect(),
    };
    let keys = inner.products.values().filter(|p| ids.as_ref().is_none_or(|v| v.contains(&p.id))).map(|p| (p.id, p.id)).collect();
    let (page, next) = paginate(inner, keys, &pag, "product/inventory");
    let rows: Vec<Value> = page.iter().filter_map(|id| inner.products.get(id)).map(|p| p.stock_row(&use_depots)).collect();
    Ok((json!(rows), Some(next)))
}

// ---- orders ----

fn number(v: Option<&Value>) -> Option<f64> {
    v.filter(|v| v.is_number()).and_then(Value::as_f64)
}

fn order_add(sim: &NhanhSim, inner: &mut Inner, body: &Value, granted: &[i64], now: i64, events: &mut Vec<(String, Value)>) -> Out {
    let app_order_id = match body.get("channel").and_then(|c| c.get("appOrderId")) {
        Some(Value::String(s)) if !s.is_empty() && s.chars().count() <= 64 => s.clone(),
        Some(Value::String(s)) if !s.is_empty() => {
            return Err(form(vec![("channel.appOrderId".into(), "appOrderId is longer than 64 characters".into())]))
        }
        _ => return Err(form(vec![("channel.appOrderId".into(), "appOrderId is required (a string)".into())])),
    };
    if let Some(o) = inner.orders.values().find(|o| o.app_order_id.as_deref() == Some(app_order_id.as_str())) {
        return Err(Fail {
            code: "ERR_INVALID_FORM_FIELDS",
            fields: vec![("channel.appOrderId".into(), format!("appOrderId {app_order_id} already exists (order {})", o.id))],
            data: Some(json!({"id": o.id, "appOrderId": app_order_id})),
        });
    }
    let mut errors: Vec<(String, String)> = Vec::new();
    let mut err = |f: &str, t: &str| errors.push((f.to_string(), t.to_string()));
    let info = body.get("info").cloned().unwrap_or(Value::Null);
    if !(info.is_null() || info.is_object()) {
        err("info", "info must be an object");
    }
    let kind = match info.get("type") {
        None | Some(Value::Null) => 1,
        Some(v) => match v.as_i64().filter(|t| [1, 2, 3].contains(t)) {
            Some(t) => t,
            None => {
                err("info.type", "type must be 1, 2 or 3");
                1
            }
        },
    };
    let status = match info.get("status") {
        None | Some(Value::Null) => 54,
        Some(v) => match v.as_i64().filter(|s| (54..=57).contains(s)) {
            Some(s) => s,
            None => {
                err("info.status", "status must be an integer from 54 to 57");
                54
            }
        },
    };
    let depot = match info.get("depotId") {
        None | Some(Value::Null) => None,
        Some(v) => match v.as_i64() {
            Some(d) => Some(d),
            None => {
                err("info.depotId", "depotId must be an integer");
                None
            }
        },
    };
    let description = info.get("description").and_then(Value::as_str).map(str::to_string);
    let ship = body.get("shippingAddress").cloned().unwrap_or(Value::Null);
    let ship_name = ship.get("name").and_then(Value::as_str).filter(|s| !s.trim().is_empty()).map(str::to_string);
    let ship_address = ship.get("address").and_then(Value::as_str).map(str::to_string);
    let needs_address = kind != 2;
    if needs_address && ship_name.is_none() {
        err("shippingAddress.name", "name is required");
    }
    let ship_mobile = match ship.get("mobile") {
        None | Some(Value::Null) => {
            if needs_address {
                err("shippingAddress.mobile", "mobile is required");
            }
            None
        }
        Some(v) => match v.as_str().and_then(normalise_mobile) {
            Some(m) => Some(m),
            None => {
                err("shippingAddress.mobile", "mobile is not a Vietnamese mobile number");
                None
            }
        },
    };
    let mut lines = Vec::new();
    match body.get("products") {
        Some(Value::Array(ps)) if !ps.is_empty() && ps.len() <= 500 => {
            for (k, p) in ps.iter().enumerate() {
                let id = p.get("id").and_then(Value::as_i64);
                let product = id.and_then(|id| inner.products.get(&id));
                if product.is_none() {
                    errors.push((format!("products.{k}.id"), "the product does not exist".into()));
                }
                let price = number(p.get("price")).filter(|x| *x >= 0.0);
                if price.is_none() {
                    errors.push((format!("products.{k}.price"), "price must be a number ≥ 0".into()));
                }
                let quantity = number(p.get("quantity")).filter(|x| *x > 0.0);
                if quantity.is_none() {
                    errors.push((format!("products.{k}.quantity"), "quantity must be a number > 0".into()));
                }
                let discount = match p.get("discount") {
                    None | Some(Value::Null) => Some(0.0),
                    d => number(d).filter(|x| *x >= 0.0),
                };
                match (discount, price, quantity) {
                    (None, _, _) => errors.push((format!("products.{k}.discount"), "discount must be a number ≥ 0".into())),
                    (Some(d), Some(pr), Some(q)) if d > pr * q => {
                        errors.push((format!("products.{k}.discount"), "discount is more than the line".into()))
                    }
                    _ => {}
                }
                if let (Some(prod), Some(price), Some(quantity), Some(discount)) = (product, price, quantity, discount) {
                    lines.push(OrderLine { id: prod.id, name: prod.name.clone(), code: prod.code.clone(), price, quantity, discount });
                }
            }
        }
        _ => errors.push(("products".into(), "products must be an array of 1 to 500 lines".into())),
    }
    let payment = body.get("payment").cloned().unwrap_or(json!({}));
    match payment.as_object() {
        Some(p) => {
            for k in ["depositAmount", "transferAmount"] {
                if p.get(k).is_some_and(|v| !v.is_null() && number(Some(v)).is_none_or(|x| x < 0.0)) {
                    errors.push((format!("payment.{k}"), format!("{k} must be a number ≥ 0")));
                }
            }
        }
        None if payment.is_null() => {}
        None => errors.push(("payment".into(), "payment must be an object".into())),
    }
    if !errors.is_empty() {
        return Err(form(errors));
    }
    if let Some(d) = depot {
        let exists = sim.config().depots.iter().any(|x| x.id == d);
        if !exists || !(granted.is_empty() || granted.contains(&d)) {
            return Err(fail("ERR_INVALID_DEPOT_ID", "info.depotId", format!("depot {d} is not granted to the app")));
        }
    }
    inner.next_order += 1;
    let id = inner.next_order;
    let o = NhanhOrder {
        id,
        app_order_id: Some(app_order_id),
        sale_channel: 10,
        kind,
        status,
        depot_id: depot,
        created_at: now,
        updated_at: now,
        description,
        ship_name,
        ship_mobile,
        ship_address,
        customer_id: None,
        lines,
        payment: if payment.is_object() { payment } else { json!({}) },
        carrier: body.get("carrier").filter(|c| c.is_object()).cloned().unwrap_or(json!({})),
        handed_over: false,
        tracking_url: tracking_url(id),
    };
    let row = inner.order_row(&o);
    let tracking = o.tracking_url.clone();
    inner.orders.insert(id, o);
    if sim.config().echo_api_events {
        events.push(("orderAdd".into(), row));
    }
    Ok((json!({"id": id, "trackingUrl": tracking}), None))
}

pub(crate) fn tracking_url(id: i64) -> String {
    format!("https://nhanh.vn/tracking?orderId={id}")
}

fn order_list(inner: &mut Inner, body: &Value, now: i64) -> Out {
    let mut errors = Vec::new();
    let f = filters(body, &mut errors);
    let ids = ints(f, "ids", &mut errors);
    let statuses = ints(f, "statuses", &mut errors);
    let from = int(f, "updatedAtFrom", &mut errors);
    let to = int(f, "updatedAtTo", &mut errors);
    let mobile = match f.get("shippingAddress").and_then(|s| s.get("mobile")) {
        None | Some(Value::Null) => None,
        Some(v) => match v.as_str().and_then(normalise_mobile) {
            Some(m) => Some(m),
            None => {
                errors.push(("filters.shippingAddress.mobile".into(), "mobile is not a Vietnamese mobile number".into()));
                None
            }
        },
    };
    let (mut from, mut to) = (from, to);
    if ids.is_none() && mobile.is_none() {
        let t = to.unwrap_or(now);
        let fr = from.unwrap_or(t - 31 * 86_400);
        if fr > t {
            errors.push(("filters.updatedAtFrom".into(), "updatedAtFrom is after updatedAtTo".into()));
        } else if t - fr > 31 * 86_400 {
            errors.push(("filters.updatedAtFrom".into(), "the updatedAt window is at most 31 days".into()));
        }
        (from, to) = (Some(fr), Some(t));
    }
    let pag = parse_pag(inner, body, "order/list", true, &mut errors);
    if !errors.is_empty() {
        return Err(form(errors));
    }
    let keys = inner
        .orders
        .values()
        .filter(|o| ids.as_ref().is_none_or(|v| v.contains(&o.id)))
        .filter(|o| statuses.as_ref().is_none_or(|v| v.contains(&o.status)))
        .filter(|o| from.is_none_or(|t| o.updated_at >= t) && to.is_none_or(|t| o.updated_at <= t))
        .filter(|o| {
            mobile.as_ref().is_none_or(|m| {
                o.ship_mobile.as_deref() == Some(m.as_str())
                    || o.customer_id.and_then(|c| inner.customers.get(&c)).is_some_and(|c| &c.mobile == m)
            })
        })
        .map(|o| key_of(pag.field, o.id, o.created_at, o.updated_at))
        .collect();
    let (page, next) = paginate(inner, keys, &pag, "order/list");
    let rows: Vec<Value> = page.iter().filter_map(|id| inner.orders.get(id)).map(|o| inner.order_row(o)).collect();
    Ok((json!(rows), Some(next)))
}

/// The contract's transition table for order/edit (same status is handled before).
pub fn edit_allowed(from: i64, to: i64, handed_over: bool) -> Result<(), String> {
    const OPEN: [i64; 7] = [54, 55, 56, 57, 42, 40, 43];
    if [58, 60, 63, 64, 72, 74].contains(&from) {
        return Err(format!("order in status {from} can no longer be changed"));
    }
    if handed_over && ![72, 74].contains(&to) {
        return Err(format!("order handed over to the carrier: only 72 or 74, not {to}"));
    }
    let ok = match to {
        56 => [54, 55, 57].contains(&from),
        60 => OPEN.contains(&from),
        63 | 64 => OPEN.contains(&from) || from == 68,
        72 | 74 => [59, 61, 71].contains(&from),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!("cannot change status from {from} to {to}"))
    }
}

fn order_edit(sim: &NhanhSim, inner: &mut Inner, body: &Value, now: i64, events: &mut Vec<(String, Value)>) -> Out {
    let info = body.get("info");
    let id = info.and_then(|i| i.get("id")).and_then(Value::as_i64);
    let Some(id) = id.filter(|id| inner.orders.contains_key(id)) else {
        return Err(form(vec![("info.id".into(), "the order does not exist".into())]));
    };
    let Some(status) = info.and_then(|i| i.get("status")).and_then(Value::as_i64) else {
        return Err(form(vec![("info.status".into(), "status must be an integer".into())]));
    };
    let o = inner.orders.get(&id).expect("checked");
    if o.status == status {
        return Ok((json!({"id": id, "status": status}), None));
    }
    if let Err(e) = edit_allowed(o.status, status, o.handed_over) {
        return Err(form(vec![("info.status".into(), e)]));
    }
    let o = inner.orders.get_mut(&id).expect("checked");
    o.status = status;
    o.updated_at = now;
    let o = o.clone();
    if sim.config().echo_api_events {
        events.push(("orderUpdate".into(), inner.order_row(&o)));
    }
    Ok((json!({"id": id, "status": status}), None))
}

// ---- customers ----

fn customer_list(inner: &mut Inner, body: &Value) -> Out {
    let mut errors = Vec::new();
    let f = filters(body, &mut errors);
    let ids = ints(f, "ids", &mut errors);
    let mobile = match f.get("mobile") {
        None | Some(Value::Null) => None,
        Some(v) => match v.as_str().and_then(normalise_mobile) {
            Some(m) => Some(m),
            None => {
                errors.push(("filters.mobile".into(), "mobile is not a Vietnamese mobile number".into()));
                None
            }
        },
    };
    let pag = parse_pag(inner, body, "customer/list", false, &mut errors);
    if !errors.is_empty() {
        return Err(form(errors));
    }
    let keys = inner
        .customers
        .values()
        .filter(|c| ids.as_ref().is_none_or(|v| v.contains(&c.id)))
        .filter(|c| mobile.as_ref().is_none_or(|m| &c.mobile == m))
        .map(|c| (c.id, c.id))
        .collect();
    let (page, next) = paginate(inner, keys, &pag, "customer/list");
    let rows: Vec<Value> = page.iter().filter_map(|id| inner.customers.get(id)).map(NhanhCustomer::row).collect();
    Ok((json!(rows), Some(next)))
}

fn customer_add(inner: &mut Inner, body: &Value, now: i64) -> Out {
    let list = body.as_array().expect("checked");
    if list.is_empty() || list.len() > 100 {
        return Err(form(vec![("data".into(), "give 1 to 100 customers".into())]));
    }
    let mut errors = Vec::new();
    let mut valid = Vec::new();
    for (k, c) in list.iter().enumerate() {
        let name = c.get("name").and_then(Value::as_str).filter(|s| !s.trim().is_empty());
        if name.is_none() {
            errors.push((format!("{k}.name"), "name is required".into()));
        }
        let mobile = c.get("mobile").and_then(Value::as_str).and_then(normalise_mobile);
        if mobile.is_none() {
            errors.push((format!("{k}.mobile"), "mobile is not a Vietnamese mobile number".into()));
        }
        if let (Some(n), Some(m)) = (name, mobile) {
            valid.push((
                n.to_string(),
                m,
                c.get("email").and_then(Value::as_str).map(str::to_string),
                c.get("address").and_then(Value::as_str).map(str::to_string),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(form(errors));
    }
    let mut out = Vec::new();
    for (name, mobile, email, address) in valid {
        let id = match inner.customer_by_mobile(&mobile) {
            Some(c) => c.id,
            None => {
                inner.next_customer += 1;
                let id = inner.next_customer;
                inner.customers.insert(
                    id,
                    NhanhCustomer {
                        id,
                        name,
                        mobile: mobile.clone(),
                        email,
                        address,
                        points: 0,
                        level: None,
                        group: None,
                        updated_at: now,
                    },
                );
                id
            }
        };
        out.push(json!({"id": id, "mobile": mobile}));
    }
    Ok((json!(out), None))
}
