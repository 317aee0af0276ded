//! A point's connection to a partner as a record (seed 000): the partner asks, the
//! people seed 000 names confirm, the point is deployed, the partner approves it in its
//! CMS, a successful connection test proves it. Each step is a dated fact with its
//! evidence; a step cannot be skipped. Pure: who, when and the test's outcome come in as
//! values. The record's wire form (`Record`) is what the counter sends the hub
//! (`POST /partners/connections`, docs/HUB-DECISIONS.md) and the hub lists back.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Arg, Localized};

/// Who a point connects to: every partner the counter knows.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Partner {
    Momo,
    Giftpop,
    Vnpay,
    Zalopay,
    Alipay,
    Nhanh,
    Viva,
    /// A bank's virtual POS, by its definition's name (`vpos:NAME`).
    Vpos(String),
}

impl Partner {
    /// The partners that are not a virtual POS, in the order lists show them.
    pub const FIXED: [Partner; 7] =
        [Partner::Momo, Partner::Giftpop, Partner::Vnpay, Partner::Zalopay, Partner::Alipay, Partner::Nhanh, Partner::Viva];

    /// `momo`, …, `vpos:NAME` (a virtual POS name: 1–32 of `[A-Za-z0-9._-]`).
    pub fn parse(s: &str) -> Result<Partner, ConnError> {
        let s = s.trim();
        if let Some(name) = s.strip_prefix("vpos:") {
            let ok = (1..=32).contains(&name.len()) && name.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
            return if ok { Ok(Partner::Vpos(name.to_string())) } else { Err(ConnError::Partner(s.to_string())) };
        }
        Partner::FIXED.into_iter().find(|p| p.to_string() == s).ok_or_else(|| ConnError::Partner(s.to_string()))
    }

    /// The brand as people write it (not translated).
    pub fn display_name(&self) -> String {
        match self {
            Partner::Momo => "MoMo".into(),
            Partner::Giftpop => "GiftPop".into(),
            Partner::Vnpay => "VNPAY".into(),
            Partner::Zalopay => "ZaloPay".into(),
            Partner::Alipay => "Alipay".into(),
            Partner::Nhanh => "Nhanh.vn".into(),
            Partner::Viva => "Viva".into(),
            Partner::Vpos(name) => name.clone(),
        }
    }

    /// The confirmations seed 000 requires before `confirmed`: the merchant always; for
    /// MoMo also MoMo's team leader.
    pub fn confirmations_required(&self) -> &'static [Confirmation] {
        match self {
            Partner::Momo => &[Confirmation::Leader, Confirmation::Merchant],
            _ => &[Confirmation::Merchant],
        }
    }

    /// Whether the partner knows the point by a code of its own, sent back with Pos
    /// Parent and Pos ID (seed 000: GiftPop's "mã điểm").
    pub fn needs_point_code(&self) -> bool {
        matches!(self, Partner::Giftpop)
    }
}

impl fmt::Display for Partner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Partner::Vpos(name) => write!(f, "vpos:{name}"),
            p => f.write_str(match p {
                Partner::Momo => "momo",
                Partner::Giftpop => "giftpop",
                Partner::Vnpay => "vnpay",
                Partner::Zalopay => "zalopay",
                Partner::Alipay => "alipay",
                Partner::Nhanh => "nhanh",
                Partner::Viva => "viva",
                Partner::Vpos(_) => unreachable!(),
            }),
        }
    }
}

impl Serialize for Partner {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Partner {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Partner::parse(&s).map_err(|_| serde::de::Error::custom(format!("unknown partner {s:?}")))
    }
}

/// The steps of a connection, in their only order; `Disabled` may follow any step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Requested,
    Confirmed,
    Deployed,
    Approved,
    Connected,
    Disabled,
}

impl Stage {
    pub const ALL: [Stage; 6] = [Stage::Requested, Stage::Confirmed, Stage::Deployed, Stage::Approved, Stage::Connected, Stage::Disabled];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Requested => "requested",
            Stage::Confirmed => "confirmed",
            Stage::Deployed => "deployed",
            Stage::Approved => "approved",
            Stage::Connected => "connected",
            Stage::Disabled => "disabled",
        }
    }

    pub fn parse(s: &str) -> Result<Stage, ConnError> {
        Stage::ALL.into_iter().find(|st| st.as_str() == s.trim()).ok_or_else(|| ConnError::Stage(s.to_string()))
    }

    /// The step that may follow `current` in the normal course (`None`: a new record, or
    /// one disabled, starts again with `requested`).
    pub fn next_after(current: Option<Stage>) -> Option<Stage> {
        match current {
            None | Some(Stage::Disabled) => Some(Stage::Requested),
            Some(Stage::Requested) => Some(Stage::Confirmed),
            Some(Stage::Confirmed) => Some(Stage::Deployed),
            Some(Stage::Deployed) => Some(Stage::Approved),
            Some(Stage::Approved) => Some(Stage::Connected),
            Some(Stage::Connected) => None,
        }
    }

    /// Whether `next` may be recorded after `current`: the next step in order, or
    /// `disabled` after any step but `disabled` itself.
    pub fn may_follow(current: Option<Stage>, next: Stage) -> bool {
        match next {
            Stage::Disabled => current.is_some_and(|c| c != Stage::Disabled),
            n => Stage::next_after(current) == Some(n),
        }
    }
}

/// Who confirmed a request (seed 000 B1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confirmation {
    /// The partner's team leader (MoMo).
    Leader,
    /// The merchant (directly or by forwarding the partner's mail).
    Merchant,
}

impl Confirmation {
    pub fn as_str(self) -> &'static str {
        match self {
            Confirmation::Leader => "leader",
            Confirmation::Merchant => "merchant",
        }
    }

    pub fn parse(s: &str) -> Result<Confirmation, ConnError> {
        match s.trim() {
            "leader" => Ok(Confirmation::Leader),
            "merchant" => Ok(Confirmation::Merchant),
            other => Err(ConnError::Confirmation(other.to_string())),
        }
    }
}

/// The deployment note's facts about the point (seed 000 §2–§5). Key1/Key2 are never
/// here: the note says only whether the counter has them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointDetails {
    pub point_name: Option<String>,
    pub address: Option<String>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    /// The partner's code for the point (GiftPop's "mã điểm").
    pub point_code: Option<String>,
    pub notes: Option<String>,
}

impl PointDetails {
    /// What the deployment step needs and is missing, as the note's field names.
    pub fn missing_for_deploy(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
        if blank(&self.point_name) {
            missing.push("point_name");
        }
        if blank(&self.address) {
            missing.push("address");
        }
        if blank(&self.contact_name) {
            missing.push("contact_name");
        }
        if blank(&self.contact_phone) {
            missing.push("contact_phone");
        }
        missing
    }
}

/// One recorded step: when, by whom, with what evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepRecord {
    pub step: Stage,
    /// RFC 3339 with the counter's offset.
    pub at: String,
    /// Who recorded it ("Lan (technician)").
    pub by: String,
    /// The partner's request reference (`requested`), the approval reference in the
    /// partner's CMS (`approved`), else optional.
    #[serde(default)]
    pub reference: Option<String>,
    #[serde(default)]
    pub confirmations: Vec<Confirmation>,
    #[serde(default)]
    pub note: Option<String>,
    /// `connected`: SHA-256 (hex) of the connection test's proof PDF.
    #[serde(default)]
    pub proof_sha256: Option<String>,
}

/// A step as asked for, before it is checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StepRequest {
    pub reference: Option<String>,
    pub confirmations: Vec<Confirmation>,
    pub note: Option<String>,
}

pub const REFERENCE_MAX: usize = 120;
pub const NOTE_MAX: usize = 500;

/// Checks that `step` may be recorded now on a record at `current` with this evidence:
/// the order, the reference each step needs, the confirmations, a complete note before
/// `deployed`, the point code a partner needs before `approved`, and — for `connected` —
/// that a connection test of this partner passed (`test_passed`, run at that moment by
/// the caller). Returns the evidence normalised (trimmed, confirmations sorted once).
pub fn check_step(
    partner: &Partner,
    current: Option<Stage>,
    step: Stage,
    req: &StepRequest,
    details: &PointDetails,
    test_passed: bool,
) -> Result<StepRequest, ConnError> {
    if !Stage::may_follow(current, step) {
        return Err(ConnError::Order { current, step, expected: Stage::next_after(current) });
    }
    let reference = typed_text(req.reference.as_deref(), REFERENCE_MAX, "reference", false)?;
    let note = typed_text(req.note.as_deref(), NOTE_MAX, "note", true)?;
    let mut confirmations = req.confirmations.clone();
    confirmations.sort();
    confirmations.dedup();
    if step != Stage::Confirmed && !confirmations.is_empty() {
        return Err(ConnError::ConfirmationNotHere(step));
    }
    match step {
        Stage::Requested | Stage::Approved if reference.is_none() => return Err(ConnError::ReferenceNeeded(step)),
        Stage::Confirmed => {
            let missing: Vec<Confirmation> =
                partner.confirmations_required().iter().copied().filter(|c| !confirmations.contains(c)).collect();
            if !missing.is_empty() {
                return Err(ConnError::ConfirmationMissing { partner: partner.clone(), missing });
            }
        }
        Stage::Deployed => {
            let missing = details.missing_for_deploy();
            if !missing.is_empty() {
                return Err(ConnError::NoteIncomplete(missing));
            }
            if let Some(p) = &details.contact_phone {
                check_phone(p)?;
            }
        }
        Stage::Connected if !test_passed => return Err(ConnError::TestFailed),
        Stage::Disabled if note.is_none() => return Err(ConnError::NoteNeeded),
        _ => {}
    }
    if step == Stage::Approved && partner.needs_point_code() && details.point_code.as_deref().is_none_or(|c| c.trim().is_empty()) {
        return Err(ConnError::PointCodeNeeded(partner.clone()));
    }
    Ok(StepRequest { reference, confirmations, note })
}

/// A typed text: trimmed (empty = none), at most `max` characters, no control
/// characters but line breaks where `lines` (a note), `\r\n` kept as `\n`.
pub fn typed_text(v: Option<&str>, max: usize, field: &'static str, lines: bool) -> Result<Option<String>, ConnError> {
    let Some(s) = v.map(|s| s.replace("\r\n", "\n")).filter(|s| !s.trim().is_empty()) else { return Ok(None) };
    let s = s.trim();
    let bad = |c: char| c.is_control() && !(lines && c == '\n');
    if s.chars().count() > max || s.chars().any(bad) {
        return Err(ConnError::TooLong { field, max });
    }
    Ok(Some(s.to_string()))
}

/// A phone number as a person types it: an optional leading `+`, digits, spaces, dashes,
/// dots, brackets; 8–15 digits (E.164's longest; Vietnamese numbers have 10).
pub fn check_phone(phone: &str) -> Result<String, ConnError> {
    let p = phone.trim();
    let digits = p.chars().filter(char::is_ascii_digit).count();
    let chars_ok = p.chars().enumerate().all(|(i, c)| c.is_ascii_digit() || " -.()".contains(c) || (c == '+' && i == 0));
    if p.is_empty() || !chars_ok || !(8..=15).contains(&digits) || p.len() > 24 {
        return Err(ConnError::Phone(p.to_string()));
    }
    Ok(p.to_string())
}

/// A calendar month, `YYYY-MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    /// `YYYY-MM`, not after `today`'s month (`today` is `YYYY-MM-DD` or longer, the
    /// counter's local date): a month that has not begun has no list.
    pub fn parse(s: &str, today: &str) -> Result<Month, ConnError> {
        let bad = || ConnError::Month(s.to_string());
        let t = s.trim();
        let b = t.as_bytes();
        if b.len() != 7 || b[4] != b'-' || !b.iter().enumerate().all(|(i, c)| i == 4 || c.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = t[..4].parse().map_err(|_| bad())?;
        let month: u32 = t[5..].parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) || year < 2000 {
            return Err(bad());
        }
        let m = Month { year, month };
        if today.len() >= 7 && t > &today[..7] {
            return Err(ConnError::MonthFuture(t.to_string()));
        }
        Ok(m)
    }

    /// Whether an RFC 3339 time falls in this month, by its own (local) date.
    pub fn contains(&self, rfc3339: &str) -> bool {
        rfc3339.get(..7) == Some(self.to_string().as_str())
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A point's connection to one partner, as recorded at the counter and sent to the hub.
/// `revision` is its number of steps: the hub keeps the highest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Chosen by the counter when the first step is recorded (UUID).
    pub id: String,
    pub revision: u32,
    pub pos_parent: String,
    pub pos_id: String,
    pub partner: Partner,
    pub status: Stage,
    #[serde(flatten)]
    pub details: PointDetails,
    /// The point's name at the hub (its `/ping`), when known.
    #[serde(default)]
    pub hub_point_name: Option<String>,
    pub steps: Vec<StepRecord>,
}

impl Record {
    /// The current step.
    pub fn stage(&self) -> Option<Stage> {
        self.steps.last().map(|s| s.step)
    }

    /// The last step recorded as `step`.
    pub fn last(&self, step: Stage) -> Option<&StepRecord> {
        self.steps.iter().rev().find(|s| s.step == step)
    }

    /// When it became `connected` (the last time).
    pub fn connected_at(&self) -> Option<&str> {
        self.last(Stage::Connected).map(|s| s.at.as_str())
    }

    /// The request reference and the approval reference of the current course.
    pub fn request_ref(&self) -> Option<&str> {
        self.last(Stage::Requested).and_then(|s| s.reference.as_deref())
    }

    pub fn approval_ref(&self) -> Option<&str> {
        self.last(Stage::Approved).and_then(|s| s.reference.as_deref())
    }

    /// The request and approval references of the course that ended in the step at
    /// `index` (a `connected` step): a record disabled and requested again later keeps
    /// each course's own references.
    pub fn course_refs(&self, index: usize) -> (Option<&str>, Option<&str>) {
        let before = &self.steps[..=index.min(self.steps.len().saturating_sub(1))];
        let find = |st: Stage| before.iter().rev().find(|s| s.step == st).and_then(|s| s.reference.as_deref());
        (find(Stage::Requested), find(Stage::Approved))
    }

    /// Whether the steps follow the rules in order (what the hub checks of a record).
    pub fn steps_in_order(&self) -> bool {
        let mut current = None;
        for s in &self.steps {
            if !Stage::may_follow(current, s.step) {
                return false;
            }
            current = Some(s.step);
        }
        !self.steps.is_empty() && self.revision as usize == self.steps.len() && Some(self.status) == current
    }
}

/// Why a step or a list was refused; nothing was recorded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConnError {
    #[error("unknown partner {0:?}")]
    Partner(String),
    #[error("unknown step {0:?}")]
    Stage(String),
    #[error("unknown confirmation {0:?}")]
    Confirmation(String),
    #[error("step {step:?} cannot follow {current:?}")]
    Order { current: Option<Stage>, step: Stage, expected: Option<Stage> },
    #[error("step {0:?} needs a reference")]
    ReferenceNeeded(Stage),
    #[error("confirmations belong to the confirmed step, not {0:?}")]
    ConfirmationNotHere(Stage),
    #[error("{partner} needs confirmations {missing:?}")]
    ConfirmationMissing { partner: Partner, missing: Vec<Confirmation> },
    #[error("the deployment note lacks {0:?}")]
    NoteIncomplete(Vec<&'static str>),
    #[error("{0} needs the partner's point code before approval")]
    PointCodeNeeded(Partner),
    #[error("the connection test did not pass")]
    TestFailed,
    #[error("disabling needs a note saying why")]
    NoteNeeded,
    #[error("{field} is longer than {max} characters or has control characters")]
    TooLong { field: &'static str, max: usize },
    #[error("{0:?} is not a phone number")]
    Phone(String),
    #[error("{0:?} is not a month (YYYY-MM)")]
    Month(String),
    #[error("{0} has not begun")]
    MonthFuture(String),
}

impl Localized for ConnError {
    fn code(&self) -> &'static str {
        match self {
            ConnError::Partner(_) => "err-conn-partner",
            ConnError::Stage(_) => "err-conn-step",
            ConnError::Confirmation(_) => "err-conn-confirmation",
            ConnError::Order { expected: Some(_), .. } => "err-conn-order",
            ConnError::Order { expected: None, .. } => "err-conn-order-end",
            ConnError::ReferenceNeeded(_) => "err-conn-reference",
            ConnError::ConfirmationNotHere(_) => "err-conn-confirmation-here",
            ConnError::ConfirmationMissing { .. } => "err-conn-confirmation-missing",
            ConnError::NoteIncomplete(_) => "err-conn-note-incomplete",
            ConnError::PointCodeNeeded(_) => "err-conn-point-code",
            ConnError::TestFailed => "err-conn-test-failed",
            ConnError::NoteNeeded => "err-conn-disable-note",
            ConnError::TooLong { .. } => "err-conn-text",
            ConnError::Phone(_) => "err-conn-phone",
            ConnError::Month(_) => "err-conn-month",
            ConnError::MonthFuture(_) => "err-conn-month-future",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        // Steps and fields are said in the reader's language (`Arg::Message`).
        let stage = |s: Option<Stage>| {
            Arg::Message(
                match s {
                    None => "conn-status-none",
                    Some(Stage::Requested) => "conn-status-requested",
                    Some(Stage::Confirmed) => "conn-status-confirmed",
                    Some(Stage::Deployed) => "conn-status-deployed",
                    Some(Stage::Approved) => "conn-status-approved",
                    Some(Stage::Connected) => "conn-status-connected",
                    Some(Stage::Disabled) => "conn-status-disabled",
                },
                vec![],
            )
        };
        let field = |f: &str| {
            Arg::Message(
                match f {
                    "point_name" => "conn-note-point-name",
                    "address" => "conn-note-address",
                    "contact_name" => "conn-note-contact",
                    "contact_phone" => "conn-note-phone",
                    "point_code" => "conn-note-point-code",
                    "reference" => "conn-note-reference",
                    _ => "conn-note-notes",
                },
                vec![],
            )
        };
        match self {
            ConnError::Partner(s) | ConnError::Stage(s) | ConnError::Confirmation(s) => vec![("value", s.as_str().into())],
            ConnError::Order { current, step, expected } => {
                vec![("current", stage(*current)), ("step", stage(Some(*step))), ("expected", stage(*expected))]
            }
            ConnError::ReferenceNeeded(s) | ConnError::ConfirmationNotHere(s) => vec![("step", stage(Some(*s)))],
            // `leader`, `merchant` or `both`: the message names them in its language.
            ConnError::ConfirmationMissing { partner, missing } => vec![
                ("partner", partner.display_name().into()),
                ("missing", if missing.len() == 1 { missing[0].as_str() } else { "both" }.into()),
            ],
            // The first missing field by name, and how many more.
            ConnError::NoteIncomplete(m) => {
                vec![("missing", field(m.first().copied().unwrap_or("point_name"))), ("more", (m.len().saturating_sub(1) as i64).into())]
            }
            ConnError::PointCodeNeeded(p) => vec![("partner", p.display_name().into())],
            ConnError::TooLong { field: f, max } => vec![("field", field(f)), ("max", (*max as i64).into())],
            ConnError::Phone(s) | ConnError::Month(s) | ConnError::MonthFuture(s) => vec![("value", s.as_str().into())],
            // The counter runs the test and names the failed step itself.
            ConnError::TestFailed => vec![("step", "".into())],
            ConnError::NoteNeeded => vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn details() -> PointDetails {
        PointDetails {
            point_name: Some("Quay Café".into()),
            address: Some("1 Lê Lợi, Q1".into()),
            contact_name: Some("Lan".into()),
            contact_phone: Some("0901 234 567".into()),
            point_code: None,
            notes: None,
        }
    }

    fn req(reference: Option<&str>, confirmations: &[Confirmation], note: Option<&str>) -> StepRequest {
        StepRequest { reference: reference.map(Into::into), confirmations: confirmations.to_vec(), note: note.map(Into::into) }
    }

    #[test]
    fn steps_follow_in_order_and_disabled_from_any() {
        use Stage::*;
        let table: &[(Option<Stage>, Stage, bool)] = &[
            (None, Requested, true),
            (None, Confirmed, false),
            (None, Disabled, false),
            (Some(Requested), Confirmed, true),
            (Some(Requested), Deployed, false),
            (Some(Requested), Requested, false),
            (Some(Confirmed), Deployed, true),
            (Some(Confirmed), Approved, false),
            (Some(Deployed), Approved, true),
            (Some(Deployed), Connected, false),
            (Some(Approved), Connected, true),
            (Some(Connected), Connected, false),
            (Some(Connected), Requested, false),
            (Some(Connected), Disabled, true),
            (Some(Approved), Disabled, true),
            (Some(Disabled), Disabled, false),
            (Some(Disabled), Requested, true),
            (Some(Disabled), Connected, false),
        ];
        for (current, next, ok) in table {
            assert_eq!(Stage::may_follow(*current, *next), *ok, "{current:?} → {next:?}");
        }
    }

    #[test]
    fn each_step_asks_its_evidence() {
        use Stage::*;
        let d = details();
        let momo = Partner::Momo;
        type Case = (Option<Stage>, Stage, StepRequest, bool, Result<(), &'static str>);
        let cases: Vec<Case> = vec![
            (None, Requested, req(None, &[], None), false, Err("err-conn-reference")),
            (None, Requested, req(Some("  "), &[], None), false, Err("err-conn-reference")),
            (None, Requested, req(Some("mail 27-Jun"), &[], None), false, Ok(())),
            (None, Requested, req(Some("mail"), &[Confirmation::Merchant], None), false, Err("err-conn-confirmation-here")),
            (Some(Requested), Confirmed, req(None, &[], None), false, Err("err-conn-confirmation-missing")),
            (Some(Requested), Confirmed, req(None, &[Confirmation::Merchant], None), false, Err("err-conn-confirmation-missing")),
            (Some(Requested), Confirmed, req(None, &[Confirmation::Leader], None), false, Err("err-conn-confirmation-missing")),
            (Some(Requested), Confirmed, req(None, &[Confirmation::Merchant, Confirmation::Leader], None), false, Ok(())),
            (Some(Confirmed), Deployed, req(None, &[], None), false, Ok(())),
            (Some(Deployed), Approved, req(None, &[], None), false, Err("err-conn-reference")),
            (Some(Deployed), Approved, req(Some("CMS-778"), &[], None), false, Ok(())),
            (Some(Approved), Connected, req(None, &[], None), false, Err("err-conn-test-failed")),
            (Some(Approved), Connected, req(None, &[], None), true, Ok(())),
            (Some(Connected), Disabled, req(None, &[], None), false, Err("err-conn-disable-note")),
            (Some(Connected), Disabled, req(None, &[], Some("merchant left")), false, Ok(())),
            (Some(Requested), Deployed, req(None, &[], None), true, Err("err-conn-order")),
            (Some(Connected), Connected, req(None, &[], None), true, Err("err-conn-order-end")),
        ];
        for (current, step, r, test, want) in cases {
            let got = check_step(&momo, current, step, &r, &d, test).map(|_| ()).map_err(|e| e.code());
            assert_eq!(got, want, "{current:?} → {step:?} with {r:?}");
        }
    }

    #[test]
    fn other_partners_need_only_the_merchant_and_giftpop_its_point_code() {
        let d = details();
        let r = req(None, &[Confirmation::Merchant], None);
        assert!(check_step(&Partner::Vnpay, Some(Stage::Requested), Stage::Confirmed, &r, &d, false).is_ok());
        let r = req(Some("CMS-1"), &[], None);
        let e = check_step(&Partner::Giftpop, Some(Stage::Deployed), Stage::Approved, &r, &d, false).unwrap_err();
        assert_eq!(e.code(), "err-conn-point-code");
        let with_code = PointDetails { point_code: Some("GP-0042".into()), ..d };
        assert!(check_step(&Partner::Giftpop, Some(Stage::Deployed), Stage::Approved, &r, &with_code, false).is_ok());
    }

    #[test]
    fn deploying_needs_the_whole_note_and_a_real_phone() {
        let r = StepRequest::default();
        let e = check_step(&Partner::Momo, Some(Stage::Confirmed), Stage::Deployed, &r, &PointDetails::default(), false).unwrap_err();
        assert_eq!(e, ConnError::NoteIncomplete(vec!["point_name", "address", "contact_name", "contact_phone"]));
        let bad = PointDetails { contact_phone: Some("call me".into()), ..details() };
        let e = check_step(&Partner::Momo, Some(Stage::Confirmed), Stage::Deployed, &r, &bad, false).unwrap_err();
        assert_eq!(e.code(), "err-conn-phone");
    }

    #[test]
    fn phones() {
        for ok in ["0901234567", "+84 90 123 4567", "(028) 3822-1234", "090.123.4567"] {
            assert!(check_phone(ok).is_ok(), "{ok}");
        }
        for bad in ["", "12345", "09012345678901234", "090-abc-4567", "84+901234567", "0901\n234567"] {
            assert!(check_phone(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn months() {
        let today = "2026-12-02";
        assert_eq!(Month::parse("2026-11", today), Ok(Month { year: 2026, month: 11 }));
        assert_eq!(Month::parse("2026-12", today).unwrap().to_string(), "2026-12");
        for bad in ["2026-13", "2026-00", "2026-1", "26-11", "2026/11", "2026-11-01", "", "abcd-ef", "1999-12"] {
            assert_eq!(Month::parse(bad, today).unwrap_err().code(), "err-conn-month", "{bad:?}");
        }
        assert_eq!(Month::parse("2027-01", today).unwrap_err().code(), "err-conn-month-future");
        let m = Month { year: 2026, month: 11 };
        assert!(m.contains("2026-11-30T23:59:00+07:00"));
        assert!(!m.contains("2026-12-01T00:00:00+07:00"));
    }

    #[test]
    fn partners_parse_and_print() {
        for p in Partner::FIXED {
            assert_eq!(Partner::parse(&p.to_string()), Ok(p.clone()));
        }
        assert_eq!(Partner::parse("vpos:Akbank"), Ok(Partner::Vpos("Akbank".into())));
        assert_eq!(Partner::Vpos("Akbank".into()).to_string(), "vpos:Akbank");
        for bad in ["", "paypal", "vpos:", "vpos:a b", "MOMO"] {
            assert!(Partner::parse(bad).is_err(), "{bad:?}");
        }
        let json = serde_json::to_string(&Partner::Vpos("Garanti".into())).unwrap();
        assert_eq!(json, "\"vpos:Garanti\"");
    }

    #[test]
    fn a_record_checks_its_own_order() {
        let step = |s: Stage| StepRecord {
            step: s,
            at: "2026-11-03T10:00:00+07:00".into(),
            by: "Lan".into(),
            reference: None,
            confirmations: vec![],
            note: None,
            proof_sha256: None,
        };
        let mut r = Record {
            id: "x".into(),
            revision: 2,
            pos_parent: "P".into(),
            pos_id: "1".into(),
            partner: Partner::Momo,
            status: Stage::Confirmed,
            details: PointDetails::default(),
            hub_point_name: None,
            steps: vec![step(Stage::Requested), step(Stage::Confirmed)],
        };
        assert!(r.steps_in_order());
        r.steps[1] = step(Stage::Deployed);
        r.status = Stage::Deployed;
        assert!(!r.steps_in_order());
    }
}
