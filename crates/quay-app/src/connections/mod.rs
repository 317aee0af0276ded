//! Partner connections as records (seed 000, issue 18): each partner's steps from the
//! partner's request to a proven connection, the deployment note, the proof, the records'
//! outbox to the hub, and the month-end list of points connected (`points`).
//!
//! The rules are `quay_core::connection`'s; here they meet the counter: who acts (a
//! technician), what the counter already knows (Pos Parent and Pos ID, the store's name,
//! address and contact, the partner's point code, whether Key1/Key2 are set), the
//! connection test that `connected` runs at that moment, and the hub.

mod note;
pub mod points;

use quay_core::auth::Action;
use quay_core::connection::{self as conn, Confirmation, Partner, PointDetails, Record, Stage, StepRecord, StepRequest};
use quay_hub::{HubError, PushStatus};
use quay_store::connections::StoredProof;
use quay_store::AuditEntry;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use note::NoteView;
pub use points::{PointRow, PointsExport, PointsList};

use crate::setup::Target;
use crate::setup::{GIFTPOP_POINT_CODE, MOMO_POINT_CODE, STORE_ADDRESS, STORE_CONTACT_NAME, STORE_CONTACT_PHONE};
use crate::{keys, sync, AppError, Counter, Result, Who};

/// How long recording a step waits for the hub to take the record.
const PUSH_AFTER_STEP: std::time::Duration = std::time::Duration::from_secs(5);

/// One partner's row on the technician's screen.
#[derive(Debug, Clone, Serialize)]
pub struct PartnerRow {
    /// `momo`, …, `vpos:Akbank`.
    pub partner: String,
    pub name: String,
    /// The current step, `None` before the first.
    pub status: Option<Stage>,
    /// The step that may come next in the normal course (`None` once connected).
    pub next: Option<Stage>,
    pub confirmations_required: Vec<Confirmation>,
    pub needs_point_code: bool,
    /// The note's details as the next step would record them (typed, else what the
    /// counter knows).
    pub details: PointDetails,
    pub steps: Vec<StepView>,
    pub has_proof: bool,
    pub record_id: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    pub step: Stage,
    pub at: String,
    /// In the counter's language's date-time style.
    pub at_text: String,
    pub by: String,
    pub reference: Option<String>,
    pub confirmations: Vec<Confirmation>,
    pub note: Option<String>,
    pub proof: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConnectionsView {
    pub partners: Vec<PartnerRow>,
    pub pos_parent: Option<String>,
    pub pos_id: Option<String>,
    pub key1_present: bool,
    pub key2_present: bool,
    /// Record revisions waiting for the hub, and those it refused (kept, not resent).
    pub queued: u32,
    pub refused: u32,
}

/// A change of the note's details: `None` leaves a field, `Some("")` clears it (back to
/// what the counter knows).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DetailsEdit {
    pub point_name: Option<String>,
    pub address: Option<String>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub point_code: Option<String>,
    pub notes: Option<String>,
}

/// A step as a face asks for it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RecordStep {
    pub reference: Option<String>,
    pub confirmations: Vec<String>,
    pub note: Option<String>,
    pub details: DetailsEdit,
}

/// What one round of the outbox did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PushReport {
    pub sent: u32,
    pub failed: u32,
    pub refused: u32,
    pub pending: u32,
}

fn localized(e: conn::ConnError) -> AppError {
    AppError::from_localized(&e)
}

pub(crate) fn parse_partner(s: &str) -> Result<Partner> {
    Partner::parse(s).map_err(localized)
}

/// The connection test that proves a partner's connection.
fn test_target(p: &Partner) -> (Target, Option<&str>) {
    match p {
        Partner::Momo => (Target::Momo, None),
        Partner::Giftpop => (Target::Giftpop, None),
        Partner::Vnpay => (Target::Vnpay, None),
        Partner::Zalopay => (Target::Zalopay, None),
        Partner::Alipay => (Target::Alipay, None),
        Partner::Nhanh => (Target::Nhanh, None),
        Partner::Viva => (Target::Terminal, None),
        Partner::Vpos(name) => (Target::Vpos, Some(name.as_str())),
    }
}

/// A typed field: trimmed, at most `max` characters, no control characters (line
/// breaks only in the notes).
fn field(v: &str, max: usize, name: &'static str) -> Result<Option<String>> {
    conn::typed_text(Some(v), max, name, name == "notes").map_err(localized)
}

/// Applies an edit to the stored details; checks every field typed. Nothing is saved.
fn apply_edit(mut d: PointDetails, e: &DetailsEdit) -> Result<PointDetails> {
    let set = |slot: &mut Option<String>, v: &Option<String>, max, name| -> Result<()> {
        if let Some(v) = v {
            *slot = field(v, max, name)?;
        }
        Ok(())
    };
    set(&mut d.point_name, &e.point_name, 120, "point_name")?;
    set(&mut d.address, &e.address, 300, "address")?;
    set(&mut d.contact_name, &e.contact_name, 120, "contact_name")?;
    if let Some(p) = &e.contact_phone {
        d.contact_phone = match p.trim() {
            "" => None,
            p => Some(conn::check_phone(p).map_err(localized)?),
        };
    }
    set(&mut d.point_code, &e.point_code, 40, "point_code")?;
    set(&mut d.notes, &e.notes, conn::NOTE_MAX, "notes")?;
    Ok(d)
}

impl Counter {
    /// The details typed for `partner`, completed by what the counter knows.
    fn effective_details(&self, partner: &Partner, typed: &PointDetails) -> PointDetails {
        let known = |v: &Option<String>, key: &str| v.clone().or_else(|| self.setting(key).ok().flatten().filter(|s| !s.trim().is_empty()));
        let code_key = match partner {
            Partner::Momo => Some(MOMO_POINT_CODE),
            Partner::Giftpop => Some(GIFTPOP_POINT_CODE),
            _ => None,
        };
        PointDetails {
            point_name: known(&typed.point_name, keys::STORE_NAME),
            address: known(&typed.address, STORE_ADDRESS),
            contact_name: known(&typed.contact_name, STORE_CONTACT_NAME),
            contact_phone: known(&typed.contact_phone, STORE_CONTACT_PHONE),
            point_code: match code_key {
                Some(k) => known(&typed.point_code, k),
                None => typed.point_code.clone(),
            },
            notes: typed.notes.clone(),
        }
    }

    /// Every partner the counter knows: the fixed ones, each virtual POS definition, and
    /// any partner with a record (a definition removed since).
    fn known_partners(&self) -> Result<Vec<Partner>> {
        let mut all: Vec<Partner> = Partner::FIXED.to_vec();
        let defs = self.store().vpos_definitions()?;
        all.extend(defs.into_iter().map(|d| Partner::Vpos(d.name)));
        let stored = self.store().connections()?;
        for s in stored {
            if let Ok(p) = Partner::parse(&s.partner) {
                if !all.contains(&p) {
                    all.push(p);
                }
            }
        }
        Ok(all)
    }

    fn step_view(&self, s: &StepRecord) -> StepView {
        let fmt = self.i18n().formatter(self.lang());
        let at_text = chrono::DateTime::parse_from_rfc3339(&s.at).map(|t| fmt.date_time(t)).unwrap_or_else(|_| s.at.clone());
        StepView {
            step: s.step,
            at: s.at.clone(),
            at_text,
            by: s.by.clone(),
            reference: s.reference.clone(),
            confirmations: s.confirmations.clone(),
            note: s.note.clone(),
            proof: s.proof_sha256.is_some(),
        }
    }

    /// The technician's screen: every partner with its record.
    pub fn connections_view(&self, who: &Who) -> Result<ConnectionsView> {
        self.allow(who, Action::TestConnection)?;
        self.connections_view_unchecked()
    }

    fn connections_view_unchecked(&self) -> Result<ConnectionsView> {
        let partners = self.known_partners()?;
        let stored = self.store().connections()?;
        let mut rows = Vec::new();
        for p in partners {
            let s = stored.iter().find(|s| s.partner == p.to_string());
            let typed = s.map(|s| s.details.clone()).unwrap_or_default();
            let record = s.and_then(|s| s.record.clone());
            let status = record.as_ref().and_then(Record::stage);
            let has_proof = match &record {
                // A proof stays the record's after a disable (the note says it is attached).
                Some(r) if r.steps.iter().any(|s| s.proof_sha256.is_some()) => self.store().connection_has_proof(&r.id)?,
                _ => false,
            };
            rows.push(PartnerRow {
                partner: p.to_string(),
                name: p.display_name(),
                status,
                next: Stage::next_after(status),
                confirmations_required: p.confirmations_required().to_vec(),
                needs_point_code: p.needs_point_code(),
                details: self.effective_details(&p, &typed),
                steps: record.as_ref().map(|r| r.steps.iter().map(|s| self.step_view(s)).collect()).unwrap_or_default(),
                has_proof,
                record_id: record.map(|r| r.id),
            });
        }
        let outbox = self.store().connection_outbox_all()?;
        Ok(ConnectionsView {
            partners: rows,
            pos_parent: self.text_setting(sync::HUB_POS_PARENT),
            pos_id: self.text_setting(sync::HUB_POS_ID),
            key1_present: self.has_secret(sync::HUB_KEY1)?,
            key2_present: self.has_secret(sync::HUB_KEY2)?,
            queued: outbox.iter().filter(|r| !r.rejected).count() as u32,
            refused: outbox.iter().filter(|r| r.rejected).count() as u32,
        })
    }

    fn text_setting(&self, key: &str) -> Option<String> {
        self.setting(key).ok().flatten().filter(|v| !v.trim().is_empty())
    }

    /// One partner's record (`quay connect show PARTNER`).
    pub fn connection_row(&self, who: &Who, partner: &str) -> Result<PartnerRow> {
        self.allow(who, Action::TestConnection)?;
        let p = parse_partner(partner)?;
        let view = self.connections_view_unchecked()?;
        view.partners.into_iter().find(|r| r.partner == p.to_string()).ok_or_else(|| localized(conn::ConnError::Partner(partner.into())))
    }

    /// Records the next step of `partner`'s connection (or `disabled`), with its evidence
    /// and any change of the note's details, after checking every rule; `connected`
    /// first runs the partner's connection test and attaches its proof (PDF and PNG). The
    /// step, its proof, the record queued for the hub and the audit row are one
    /// transaction; then the hub is offered the record once (a failure leaves it queued
    /// for the background). Bad input changes nothing.
    pub async fn record_connection_step(&self, who: &Who, partner: &str, step: &str, req: RecordStep) -> Result<ConnectionsView> {
        self.allow(who, Action::TestConnection)?;
        let partner = parse_partner(partner)?;
        let stage = Stage::parse(step).map_err(localized)?;
        let confirmations =
            req.confirmations.iter().map(|c| Confirmation::parse(c)).collect::<std::result::Result<Vec<_>, _>>().map_err(localized)?;
        let key = partner.to_string();
        let stored = self.store().connection(&key)?;
        let typed = apply_edit(stored.as_ref().map(|s| s.details.clone()).unwrap_or_default(), &req.details)?;
        let old = stored.and_then(|s| s.record);
        // A virtual POS is named by its definition: a mistyped name starts no record.
        if old.is_none() && !self.known_partners()?.contains(&partner) {
            return Err(localized(conn::ConnError::Partner(partner.to_string())));
        }
        let current = old.as_ref().and_then(Record::stage);
        let details = self.effective_details(&partner, &typed);
        let request = StepRequest { reference: req.reference.clone(), confirmations, note: req.note.clone() };
        // Everything but the test first, so a missing reference never runs a test.
        let checked = conn::check_step(&partner, current, stage, &request, &details, true).map_err(localized)?;
        let pos_parent = self.text_setting(sync::HUB_POS_PARENT);
        let pos_id = self.text_setting(sync::HUB_POS_ID);
        // The record is the hub's: without the point's identity the hub would refuse it.
        if pos_parent.is_none() || pos_id.is_none() {
            return Err(AppError::new("err-conn-pos-ids", vec![]));
        }
        // Steps are dated facts in order: a clock set back would make the record one the
        // hub refuses (and a history that lies).
        let last_at = old.as_ref().and_then(|r| r.steps.last()).and_then(|s| chrono::DateTime::parse_from_rfc3339(&s.at).ok());
        if let Some(last) = last_at.filter(|last| *last > self.now()) {
            let fmt = self.i18n().formatter(self.lang());
            return Err(AppError::new(
                "err-conn-clock",
                vec![("last", fmt.date_time(last).into()), ("now", fmt.date_time(self.now()).into())],
            ));
        }
        let mut hub_point_name = old.as_ref().and_then(|r| r.hub_point_name.clone());
        let proof = if stage == Stage::Connected {
            let (target, only) = test_target(&partner);
            if partner == Partner::Viva && self.text_setting(keys::TERMINAL_KIND).as_deref() != Some("viva") {
                return Err(AppError::new("err-conn-viva-terminal", vec![]));
            }
            let report = match only {
                Some(name) => self.test_vpos_connection(who, name).await?,
                None => self.test_connection(who, target).await?,
            };
            if !report.ok {
                let step = report.failed_step().map(|s| self.i18n().t(self.lang(), s.id, &s.args)).unwrap_or_default();
                return Err(AppError::new("err-conn-test-failed", vec![("step", step.into())]));
            }
            if let Some(n) = &report.identity.point_name {
                hub_point_name = Some(n.clone());
            }
            let lang = self.lang();
            let doc = self.connection_report_document(&report, lang);
            let pdf = quay_pdf::render(&doc).map_err(crate::setup::pdf_error)?;
            let png = proof_png(&doc)?;
            Some((pdf, png, report.at.to_rfc3339()))
        } else {
            if hub_point_name.is_none() {
                hub_point_name = self.hub_point_name().await;
            }
            None
        };
        let at = self.now();
        let id = old.as_ref().map(|r| r.id.clone()).unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        let revision = old.as_ref().map_or(0, |r| r.revision);
        let sha = proof.as_ref().map(|(pdf, _, _)| hex(&Sha256::digest(pdf)));
        let mut steps = old.map(|r| r.steps).unwrap_or_default();
        steps.push(StepRecord {
            step: stage,
            at: at.to_rfc3339(),
            by: who_text(who),
            reference: checked.reference.clone(),
            confirmations: checked.confirmations.clone(),
            note: checked.note.clone(),
            proof_sha256: sha.clone(),
        });
        let record = Record {
            id: id.clone(),
            revision: revision + 1,
            pos_parent: pos_parent.unwrap_or_default(),
            pos_id: pos_id.unwrap_or_default(),
            partner: partner.clone(),
            status: stage,
            details: typed,
            hub_point_name,
            steps,
        };
        // The record carries the details as the counter knows them; the stored row keeps
        // what was typed, so a later change of the store's settings still shows.
        let mut sent = record.clone();
        sent.details = details;
        let proof = proof.map(|(pdf, png, test_at)| StoredProof {
            record_id: id.clone(),
            revision: record.revision,
            at: test_at,
            sha256: sha.clone().unwrap_or_default(),
            pdf,
            png,
        });
        let mut after = stage.as_str().to_string();
        if let Some(r) = &checked.reference {
            after.push_str(&format!(" ref={r}"));
        }
        if !checked.confirmations.is_empty() {
            let c: Vec<&str> = checked.confirmations.iter().map(|c| c.as_str()).collect();
            after.push_str(&format!(" confirmed-by={}", c.join(",")));
        }
        if let Some(s) = &sha {
            after.push_str(&format!(" proof={s}"));
        }
        let entry = AuditEntry::new(at, &who.actor(), "connection.step", &key).change(current.map(|c| c.as_str().to_string()), Some(after));
        let written = self.store().record_connection_step(&sent, &record.details, revision, proof.as_ref(), &entry)?;
        if !written {
            return Err(AppError::new("err-conn-changed", vec![("partner", partner.display_name().into())]));
        }
        tracing::info!(partner = %key, step = stage.as_str(), revision = record.revision, "connection step recorded");
        // One offer, bounded: a hub that does not answer never holds the technician up
        // (the record waits in the outbox; a resend after a cut answer is a duplicate).
        match tokio::time::timeout(PUSH_AFTER_STEP, self.push_connection_records()).await {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => tracing::info!(error = %e.detail, "connection record queued for the hub"),
            Err(_) => tracing::info!("the hub is slow: the connection record waits in the outbox"),
        }
        self.connections_view_unchecked()
    }

    /// The point's name at the hub, when the hub answers within a few seconds.
    async fn hub_point_name(&self) -> Option<String> {
        self.text_setting(sync::HUB_URL)?;
        let hub = self.hub().ok()?;
        let ping = tokio::time::timeout(std::time::Duration::from_secs(3), hub.ping()).await.ok()?.ok()?;
        Some(ping.point_name).filter(|n| !n.trim().is_empty())
    }

    /// Sends the queued record revisions to the hub, oldest first: each leaves the outbox
    /// on `stored` or `duplicate` (the hub keeps the highest revision, so a resend after a
    /// lost answer changes nothing); a content refusal stays, marked, and is not resent;
    /// a network failure stops the round (the next round tries again).
    pub async fn push_connection_records(&self) -> Result<PushReport> {
        let queued = self.store().connection_outbox(200)?;
        let mut report = PushReport::default();
        if queued.is_empty() {
            return Ok(report);
        }
        let hub = self.hub()?;
        for q in &queued {
            match hub.push_connection(&q.body).await {
                Ok(PushStatus::Stored | PushStatus::Duplicate) => {
                    self.store().connection_sent(q.seq)?;
                    report.sent += 1;
                }
                // Only the hub's refusal of the record's content is final (400 invalid,
                // 409 conflict); a refused signature, a hub without the endpoint yet, a
                // rate limit, a garbled or unsigned answer say nothing of the record:
                // it is offered again later.
                Err(e @ HubError::Refused { status: 400 | 409, .. }) => {
                    tracing::warn!(record = %q.record_id, revision = q.revision, error = %e, "the hub refused a connection record");
                    self.store().connection_send_failed(q.seq, &e.to_string(), true)?;
                    report.refused += 1;
                }
                Err(e) => {
                    self.store().connection_send_failed(q.seq, &e.to_string(), false)?;
                    report.failed += 1;
                    break;
                }
            }
        }
        report.pending = self.store().connection_outbox(10_000)?.len() as u32;
        if report.failed > 0 {
            return Err(AppError::new("err-conn-hub-pending", vec![("count", i64::from(report.pending).into())]));
        }
        Ok(report)
    }

    /// The proof of `partner`'s connection: the connection test's PDF and its PNG.
    pub fn connection_proof(&self, who: &Who, partner: &str) -> Result<StoredProof> {
        self.allow(who, Action::TestConnection)?;
        let p = parse_partner(partner)?;
        let record = self.store().connection(&p.to_string())?.and_then(|s| s.record);
        let proof = match record {
            Some(r) => self.store().connection_proof(&r.id)?,
            None => None,
        };
        proof.ok_or_else(|| AppError::new("err-conn-no-proof", vec![("partner", p.display_name().into())]))
    }
}

/// The proof as the window shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ProofView {
    pub pdf_path: String,
    pub png_path: String,
    /// The PNG as a `data:` URL.
    pub png_data_url: String,
    pub at: String,
    pub at_text: String,
    pub sha256: String,
}

impl Counter {
    /// The proof written under `reports/` (PDF and PNG) for the window, with the PNG
    /// as a `data:` URL to show.
    pub fn save_connection_proof(&self, who: &Who, partner: &str) -> Result<ProofView> {
        use base64::Engine;
        let proof = self.connection_proof(who, partner)?;
        let dir = self.data_dir().join("reports");
        crate::files::private_dir(&dir)?;
        let stem = format!("connection-proof-{}-{}", partner.replace(':', "-"), proof.at.get(..10).unwrap_or("proof"));
        let (pdf, png) = (dir.join(format!("{stem}.pdf")), dir.join(format!("{stem}.png")));
        crate::files::write_private(&pdf, &proof.pdf)?;
        crate::files::write_private(&png, &proof.png)?;
        let at_text = chrono::DateTime::parse_from_rfc3339(&proof.at)
            .map(|t| self.i18n().formatter(self.lang()).date_time(t))
            .unwrap_or_else(|_| proof.at.clone());
        Ok(ProofView {
            pdf_path: pdf.display().to_string(),
            png_path: png.display().to_string(),
            png_data_url: format!("data:image/png;base64,{}", base64::engine::general_purpose::STANDARD.encode(&proof.png)),
            at: proof.at,
            at_text,
            sha256: proof.sha256,
        })
    }
}

/// The proof's picture (seed 000's "screenshot"): the report's pages drawn from the same
/// layout as its PDF, stacked into one image, about 150 dpi on A4.
fn proof_png(doc: &quay_pdf::Document) -> Result<Vec<u8>> {
    let pages = quay_pdf::render_bitmap(doc, 1240).map_err(crate::setup::pdf_error)?;
    let Some(first) = pages.first() else { return Err(AppError::internal("the connection report has no page")) };
    let width = first.width;
    let mut pixels = Vec::with_capacity(pages.iter().map(|p| p.pixels.len()).sum());
    for p in &pages {
        pixels.extend_from_slice(&p.pixels);
    }
    let height = pages.iter().map(|p| p.height).sum();
    quay_pdf::Bitmap { width, height, pixels }.to_png().map_err(crate::setup::pdf_error)
}

/// Lowercase hex.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Who recorded a step, as the record says it: the staff member's name (the audit
/// row holds their id).
fn who_text(who: &Who) -> String {
    who.name()
}
