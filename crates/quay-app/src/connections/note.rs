//! The deployment note of seed 000 (its "ghi chú PYC"): what the technician does at the
//! point and what goes back to the partner, filled from what the counter knows. Key1 and
//! Key2 appear only as present or missing, never their values.

use quay_core::auth::Action;
use quay_core::connection::{Partner, Record, Stage};
use quay_i18n::Lang;
use quay_pdf::{Block, Direction, Document, PageSize};
use serde::Serialize;

use super::{parse_partner, PartnerRow};
use crate::setup::{GIFTPOP_ENABLED, MOMO_ENABLED};
use crate::{Counter, Result, Who};

#[derive(Debug, Clone, Serialize)]
pub struct NoteView {
    pub title: String,
    /// Sections of labelled lines, in the language asked.
    pub sections: Vec<(String, Vec<(String, String)>)>,
    /// The note as plain text, to paste into a mail.
    pub text: String,
    /// Where the window wrote its PDF (empty for the command line).
    pub pdf_path: String,
}

impl Counter {
    /// The deployment note of `partner` in `lang`.
    pub fn connection_note(&self, who: &Who, partner: &str, lang: Lang) -> Result<NoteView> {
        self.allow(who, Action::TestConnection)?;
        let p = parse_partner(partner)?;
        let row = self.connection_row(who, partner)?;
        let record = self.store().connection(&p.to_string())?.and_then(|s| s.record);
        Ok(self.note_view(&p, &row, record.as_ref(), lang))
    }

    /// The note as a PDF (A4, the counter's fonts; Arabic right to left).
    pub fn connection_note_pdf(&self, note: &NoteView, lang: Lang) -> Result<Vec<u8>> {
        let mut blocks = vec![Block::Heading(note.title.clone()), Block::Rule];
        for (title, lines) in &note.sections {
            blocks.push(Block::Text(title.clone()));
            blocks.push(Block::KeyValue(lines.clone()));
            blocks.push(Block::Spacer);
        }
        let doc = Document {
            title: note.title.clone(),
            locale_dir: if lang.is_rtl() { Direction::Rtl } else { Direction::Ltr },
            page: PageSize::A4,
            blocks,
        };
        quay_pdf::render(&doc).map_err(crate::setup::pdf_error)
    }

    /// The note written under `reports/` for the window; returns it with the path.
    pub fn save_connection_note(&self, who: &Who, partner: &str) -> Result<NoteView> {
        let lang = self.lang();
        let mut note = self.connection_note(who, partner, lang)?;
        let pdf = self.connection_note_pdf(&note, lang)?;
        let dir = self.data_dir().join("reports");
        crate::files::private_dir(&dir)?;
        let safe = partner.replace(':', "-");
        let path = dir.join(format!("connection-note-{safe}-{}.pdf", self.now().format("%Y%m%d-%H%M%S")));
        crate::files::write_private(&path, &pdf)?;
        note.pdf_path = path.display().to_string();
        Ok(note)
    }

    fn note_view(&self, p: &Partner, row: &PartnerRow, record: Option<&Record>, lang: Lang) -> NoteView {
        let i18n = self.i18n();
        let t = |id: &str| i18n.t(lang, id, &[]);
        let yes_no = |b: bool| t(if b { "conn-note-yes" } else { "conn-note-no" });
        let present = |b: bool| t(if b { "conn-note-present" } else { "conn-note-missing" });
        let dash = |v: Option<&str>| v.filter(|s| !s.trim().is_empty()).unwrap_or("—").to_string();
        let name = p.display_name();
        let d = &row.details;
        let fmt = i18n.formatter(lang);
        let when = |s: Option<&quay_core::connection::StepRecord>| {
            s.and_then(|s| chrono::DateTime::parse_from_rfc3339(&s.at).ok()).map(|t| fmt.date_time(t)).unwrap_or_else(|| "—".into())
        };
        let has = |k: &str| self.has_secret(k).unwrap_or(false);
        let voucher_entry = match p {
            Partner::Momo => Some(self.setting(MOMO_ENABLED).ok().flatten().as_deref() == Some("true")),
            Partner::Giftpop => Some(self.setting(GIFTPOP_ENABLED).ok().flatten().as_deref() == Some("true")),
            _ => None,
        };
        let connected = record.and_then(|r| r.last(Stage::Connected));
        let mut prepare = vec![(t("conn-note-version"), format!("Quay {}", env!("CARGO_PKG_VERSION")))];
        // Seed 000: "the menu at the point and on the hub are in sync" — what the counter
        // knows without asking: the menu's version and whether it came from this hub.
        let from_hub = self.hub_identity().ok().is_some_and(|id| self.setting(crate::keys::MENU_ORIGIN).ok().flatten() == Some(id));
        let menu = match self.menu() {
            Ok(m) => i18n.t(
                lang,
                if from_hub { "conn-note-menu-hub" } else { "conn-note-menu-other" },
                &[("version", (m.version() as i64).into())],
            ),
            Err(_) => t("conn-note-menu-none"),
        };
        prepare.push((t("conn-note-menu"), menu));
        if let Some(on) = voucher_entry {
            prepare.push((t("conn-note-voucher-entry"), yes_no(on)));
        }
        prepare.push((t("conn-note-test"), connected.map(|s| when(Some(s))).unwrap_or_else(|| t("conn-note-not-yet"))));
        let request = record.and_then(|r| r.last(Stage::Requested));
        let confirmed = record.and_then(|r| r.last(Stage::Confirmed));
        let confirmations = confirmed
            .map(|s| s.confirmations.iter().map(|c| t(&format!("conn-note-by-{}", c.as_str()))).collect::<Vec<_>>().join(", "))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "—".into());
        let sections = vec![
            (
                t("conn-note-section-request"),
                vec![
                    (t("conn-note-partner"), name.clone()),
                    (t("conn-note-request-ref"), dash(request.and_then(|s| s.reference.as_deref()))),
                    (t("conn-note-requested-at"), when(request)),
                    (t("conn-note-confirmations"), confirmations),
                ],
            ),
            (t("conn-note-section-prepare"), prepare),
            (
                t("conn-note-section-point"),
                vec![
                    (t("conn-note-point-name"), dash(d.point_name.as_deref())),
                    (t("conn-note-address"), dash(d.address.as_deref())),
                    (t("conn-note-hub-point"), dash(record.and_then(|r| r.hub_point_name.as_deref()))),
                    (t("conn-note-key1"), present(has(crate::sync::HUB_KEY1))),
                    (t("conn-note-key2"), present(has(crate::sync::HUB_KEY2))),
                ],
            ),
            (
                t("conn-note-section-contact"),
                vec![(t("conn-note-contact"), dash(d.contact_name.as_deref())), (t("conn-note-phone"), dash(d.contact_phone.as_deref()))],
            ),
            (
                t("conn-note-section-approval"),
                vec![
                    (t("conn-note-approval-ref"), dash(record.and_then(|r| r.approval_ref()))),
                    (t("conn-note-approved-at"), when(record.and_then(|r| r.last(Stage::Approved)))),
                ],
            ),
            (
                t("conn-note-section-back"),
                vec![
                    (t("conn-note-pos-parent"), dash(self.text_setting(crate::sync::HUB_POS_PARENT).as_deref())),
                    (t("conn-note-pos-id"), dash(self.text_setting(crate::sync::HUB_POS_ID).as_deref())),
                    (t("conn-note-point-code"), dash(d.point_code.as_deref())),
                    (
                        t("conn-note-proof"),
                        match connected.and_then(|s| s.proof_sha256.as_deref()) {
                            Some(sha) => i18n.t(lang, "conn-note-proof-attached", &[("sha", sha[..12.min(sha.len())].to_string().into())]),
                            None => t("conn-note-not-yet"),
                        },
                    ),
                ],
            ),
        ];
        let mut sections = sections;
        if let Some(n) = d.notes.as_deref().filter(|n| !n.trim().is_empty()) {
            sections.push((t("conn-note-section-notes"), vec![(t("conn-note-notes"), n.to_string())]));
        }
        // Right to left, each value keeps its own direction and order (a date, a phone,
        // a Latin name): isolated, as the connection report does; the PDF draws no mark.
        if lang.is_rtl() {
            for (_, lines) in &mut sections {
                for (_, v) in lines.iter_mut() {
                    *v = format!("\u{2068}{v}\u{2069}");
                }
            }
        }
        let title = i18n.t(lang, "conn-note-title", &[("partner", name.into())]);
        let mut text = format!("{title}\n");
        for (i, (head, lines)) in sections.iter().enumerate() {
            text.push_str(&format!("\n{}. {head}\n", i + 1));
            for (k, v) in lines {
                text.push_str(&format!("   {k}: {v}\n"));
            }
        }
        NoteView { title, sections, text, pdf_path: String::new() }
    }
}
