//! Printers at the counter and in the kitchen (issue 19): which printers are configured,
//! what a sale, a void and the manager's drawer print (decided here, journaled with the
//! sale by `quay_store::print`), and the use cases of the jobs list. `render` turns a job
//! into ESC/POS bytes; `worker` sends the queue, one printer at a time, never a job twice
//! as if new.

pub mod render;
pub mod worker;

use quay_core::auth::Action;
use quay_core::cart::Cart;
use quay_core::error::Arg;
use quay_core::sale::Sale;
use quay_core::tender::TenderKind;
use quay_print::Address;
pub use quay_store::print::{JobKind, JobState, NewPrintJob, PrintJob};
use serde::{Deserialize, Serialize};

use crate::{keys, AppError, Counter, Result, Who};

/// The receipt printer's name (the cash drawer hangs on it).
pub const RECEIPT: &str = "receipt";

/// A configured printer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Printer {
    /// `receipt` or `kitchen.<station>`.
    pub name: String,
    /// The address as set.
    pub address: String,
    /// 576 dots on 80 mm paper, 384 on 58 mm.
    pub width_dots: u32,
    /// Text mode (the printer's code page) instead of a raster image.
    pub text: bool,
    /// A kitchen station's menu categories.
    pub categories: Vec<String>,
}

impl Printer {
    pub fn parsed(&self) -> Result<Address> {
        Address::parse(&self.address).map_err(|e| AppError::from_localized(&e))
    }

    /// The paper's printable width in millimetres (8 dots per mm).
    pub fn width_mm(&self) -> f32 {
        self.width_dots as f32 / 8.0
    }

    pub fn is_kitchen(&self) -> bool {
        self.name.starts_with("kitchen.")
    }
}

fn dots(width: Option<&str>) -> u32 {
    if width == Some("58") {
        quay_print::escpos::MAX_DOTS_58MM
    } else {
        quay_print::escpos::MAX_DOTS_80MM
    }
}

/// What a kitchen ticket lists: the sale's lines by index (a void's cancellation), or the
/// lines themselves as the cart had them (sent before payment, or at the close: what the
/// kitchen has not had yet).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KitchenPayload {
    #[serde(default)]
    pub lines: Vec<usize>,
    pub station: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<TicketLine>,
    /// The order's short number while it has no receipt number yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<String>,
    /// A copy printed again on request: the kitchen had the original already.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub copy: bool,
}

/// A cart line as the kitchen reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketLine {
    pub line: u32,
    pub item_id: String,
    pub name: String,
    pub qty: i64,
    #[serde(default)]
    pub options: Vec<String>,
    /// The options' menu ids: what makes two lines the same dish (names may be renamed
    /// by a menu sync; they are what the ticket prints).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub option_ids: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// What of a cart's changes the kitchen hears now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hear {
    /// Everything it has not had: "Send to kitchen", and the sale's close.
    Everything,
    /// Only news about what it already had, while the cart is being edited: a line
    /// removed or reduced (its cancellation), and a line whose options or note changed
    /// (the old one cancelled, the new one in its place). New lines wait for a send.
    Changes,
}

impl TicketLine {
    /// A cart's or a sale's line as the kitchen reads it: options by name (printed) and
    /// by id (what makes it the same dish), given as `(id, name)`.
    pub fn new<'o>(
        line: u32,
        item_id: &str,
        name: &str,
        qty: i64,
        options: impl IntoIterator<Item = (&'o str, &'o str)>,
        note: Option<&str>,
    ) -> TicketLine {
        let (option_ids, options) = options.into_iter().map(|(id, name)| (id.to_string(), name.to_string())).unzip();
        TicketLine { line, item_id: item_id.into(), name: name.into(), qty, options, option_ids, note: note.map(str::to_string) }
    }

    /// The same dish as the kitchen reads it: one line, the same options and note. Options
    /// by id; by name where a side has options without ids (a ticket written before ids
    /// were kept, for an order open across the upgrade).
    fn same_dish(&self, other: &TicketLine) -> bool {
        let named_only = |t: &TicketLine| t.option_ids.is_empty() && !t.options.is_empty();
        let options =
            if named_only(self) || named_only(other) { self.options == other.options } else { self.option_ids == other.option_ids };
        self.line == other.line && options && self.note == other.note
    }
}

/// Pure: what the kitchen still has to hear about a cart, per station — the lines (or the
/// part of a quantity) not sent yet as a ticket, and what was sent but is no longer in
/// the cart as a cancellation. A line whose options or note changed after the kitchen had
/// it is no longer the dish it cooks: the old one is cancelled and the new one sent.
/// `sent` are the cart's kitchen jobs so far.
pub fn kitchen_diff(
    printers: &[Printer],
    cart: &[TicketLine],
    sent: &[(JobKind, KitchenPayload)],
    order: Option<&str>,
    category_of: &dyn Fn(&str) -> Option<String>,
    hear: Hear,
) -> Vec<NewPrintJob> {
    let mut jobs = Vec::new();
    // A line a station already had stays that station's (its category or the station's
    // categories may have changed since): only lines no station had go by category.
    let had_anywhere = |line: u32| sent.iter().any(|(_, pl)| pl.items.iter().any(|it| it.line == line));
    for p in printers.iter().filter(|p| p.is_kitchen()) {
        let station = p.name.trim_start_matches("kitchen.").to_string();
        let had_here = |line: u32| sent.iter().any(|(_, pl)| pl.station == station && pl.items.iter().any(|it| it.line == line));
        let by_category = |item: &str| category_of(item).is_some_and(|c| p.categories.contains(&c));
        let mine = |l: &TicketLine| if had_anywhere(l.line) { had_here(l.line) } else { by_category(&l.item_id) };
        // What this station holds of each dish now (a line as it was sent: options, note).
        let mut held: Vec<TicketLine> = Vec::new();
        for (kind, payload) in sent.iter().filter(|(_, pl)| pl.station == station) {
            for it in &payload.items {
                let sign = if *kind == JobKind::KitchenCancel { -1 } else { 1 };
                match held.iter_mut().find(|h| h.same_dish(it)) {
                    Some(h) => h.qty += sign * it.qty,
                    None => held.push(TicketLine { qty: sign * it.qty, ..it.clone() }),
                }
            }
        }
        let mut cancel = Vec::new();
        for h in held.iter().filter(|h| h.qty > 0) {
            let now = cart.iter().find(|l| l.same_dish(h)).map_or(0, |l| l.qty);
            if h.qty > now {
                cancel.push(TicketLine { qty: h.qty - now, ..h.clone() });
            }
        }
        let mut add = Vec::new();
        for l in cart.iter().filter(|l| mine(l)) {
            let had = held.iter().find(|h| h.same_dish(l)).map_or(0, |h| h.qty.max(0));
            let changed = held.iter().any(|h| h.line == l.line && h.qty > 0 && !h.same_dish(l));
            if l.qty > had && (hear == Hear::Everything || changed) {
                add.push(TicketLine { qty: l.qty - had, ..l.clone() });
            }
        }
        let order = order.map(str::to_string);
        if !cancel.is_empty() {
            let payload = KitchenPayload { station: station.clone(), items: cancel, order: order.clone(), ..KitchenPayload::default() };
            jobs.push(NewPrintJob { kind: JobKind::KitchenCancel, printer: p.name.clone(), payload: json(&payload) });
        }
        if !add.is_empty() {
            let payload = KitchenPayload { station, items: add, order, ..KitchenPayload::default() };
            jobs.push(NewPrintJob { kind: JobKind::Kitchen, printer: p.name.clone(), payload: json(&payload) });
        }
    }
    jobs
}

/// The cart's lines as the kitchen reads them.
pub fn ticket_lines(cart: &Cart) -> Vec<TicketLine> {
    cart.lines
        .iter()
        .map(|l| {
            let options = l.options.iter().map(|o| (o.option_id.as_str(), o.name.as_str()));
            TicketLine::new(l.line_id, &l.item_id, &l.name, l.qty, options, l.note.as_deref())
        })
        .collect()
}

/// An order's short number before it has a receipt number: the end of its sale id.
pub fn short_order(sale_id: uuid::Uuid) -> String {
    let s = sale_id.simple().to_string();
    format!("#{}", &s[s.len() - 6..]).to_uppercase()
}

/// Who opened the drawer and why (none: a cash tender).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawerPayload {
    pub by: Option<String>,
    pub reason: Option<String>,
}

/// A job as the faces show it.
#[derive(Debug, Clone, Serialize)]
pub struct JobView {
    #[serde(flatten)]
    pub job: PrintJob,
    /// Why it waits, in the counter's language.
    pub problem: Option<String>,
}

/// A printer and its queue, for the window's status line.
#[derive(Debug, Clone, Serialize)]
pub struct PrinterView {
    pub name: String,
    pub address: String,
    pub waiting: usize,
    /// The last problem of its oldest waiting job (Fluent id and text).
    pub problem_code: Option<String>,
    pub problem: Option<String>,
}

/// Pure: the jobs a sale makes. The drawer first (a cash tender opens it at once), the
/// receipt, then one ticket per kitchen station with the lines of its categories (a line
/// whose item the menu no longer has goes nowhere). `category_of` gives an item's category.
pub fn jobs_for_sale(
    printers: &[Printer],
    lines: &[(String, i64)],
    cash: bool,
    category_of: &dyn Fn(&str) -> Option<String>,
) -> Vec<NewPrintJob> {
    let mut jobs = Vec::new();
    if printers.iter().any(|p| p.name == RECEIPT) {
        if cash {
            jobs.push(NewPrintJob { kind: JobKind::Drawer, printer: RECEIPT.into(), payload: json(&DrawerPayload::default()) });
        }
        jobs.push(NewPrintJob { kind: JobKind::Receipt, printer: RECEIPT.into(), payload: "{}".into() });
    }
    jobs.extend(kitchen_jobs(printers, lines, JobKind::Kitchen, category_of));
    jobs
}

/// Pure: the cancellation tickets of a void, for the stations that got the original's lines.
pub fn jobs_for_void(printers: &[Printer], lines: &[(String, i64)], category_of: &dyn Fn(&str) -> Option<String>) -> Vec<NewPrintJob> {
    kitchen_jobs(printers, lines, JobKind::KitchenCancel, category_of)
}

fn kitchen_jobs(
    printers: &[Printer],
    lines: &[(String, i64)],
    kind: JobKind,
    category_of: &dyn Fn(&str) -> Option<String>,
) -> Vec<NewPrintJob> {
    let mut jobs = Vec::new();
    for p in printers.iter().filter(|p| p.is_kitchen()) {
        let mine: Vec<usize> = lines
            .iter()
            .enumerate()
            .filter(|(_, (item, _))| category_of(item).is_some_and(|c| p.categories.contains(&c)))
            .map(|(i, _)| i)
            .collect();
        if !mine.is_empty() {
            let station = p.name.trim_start_matches("kitchen.").to_string();
            jobs.push(NewPrintJob {
                kind,
                printer: p.name.clone(),
                payload: json(&KitchenPayload { lines: mine, station, ..KitchenPayload::default() }),
            });
        }
    }
    jobs
}

/// A job's stored problem as a `'static` Fluent id, when it is one the counter knows.
pub fn known_code(code: &str) -> Option<&'static str> {
    const CODES: [&str; 12] = [
        "err-print-address",
        "err-print-offline",
        "err-print-paper-out",
        "err-print-cover-open",
        "err-print-status-unknown",
        "err-print-status-silent",
        "err-print-no-status",
        "err-print-too-wide",
        "err-print-io",
        "err-print-unconfirmed",
        "err-print-no-printer",
        "err-print-no-job",
    ];
    CODES.into_iter().find(|c| *c == code)
}

fn json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "{}".into())
}

impl Counter {
    /// The printers configured: the receipt printer, then each kitchen station by name.
    pub fn printers(&self) -> Result<Vec<Printer>> {
        let mut out = Vec::new();
        if let Some(addr) = self.setting(keys::PRINTER_RECEIPT)?.filter(|a| !a.trim().is_empty()) {
            out.push(Printer {
                name: RECEIPT.into(),
                address: addr,
                width_dots: dots(self.setting(keys::PRINTER_RECEIPT_WIDTH)?.as_deref()),
                text: self.setting(keys::PRINTER_RECEIPT_MODE)?.as_deref() == Some("text"),
                categories: Vec::new(),
            });
        }
        let all = self.store().settings_with_prefix(keys::PRINTER_KITCHEN_PREFIX)?;
        let get = |k: &str| all.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
        for (key, addr) in all.iter().filter(|(k, v)| !k[keys::PRINTER_KITCHEN_PREFIX.len()..].contains('.') && !v.trim().is_empty()) {
            let station = &key[keys::PRINTER_KITCHEN_PREFIX.len()..];
            let categories = get(&format!("{key}.categories"))
                .map(|c| c.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect())
                .unwrap_or_default();
            out.push(Printer {
                name: format!("kitchen.{station}"),
                address: addr.clone(),
                width_dots: dots(get(&format!("{key}.width"))),
                text: get(&format!("{key}.mode")) == Some("text"),
                categories,
            });
        }
        Ok(out)
    }

    /// The printers as configured, for the technician's screen (every kitchen station
    /// with its width, mode and categories).
    pub fn printers_config(&self, who: &Who) -> Result<Vec<Printer>> {
        self.allow(who, Action::ConfigureSettings)?;
        self.printers()
    }

    /// One printer by name (`receipt`, `kitchen.bar`, or a station's name alone: `bar`).
    pub fn printer(&self, name: &str) -> Result<Printer> {
        let name = name.trim();
        let station = format!("kitchen.{name}");
        self.printers()?
            .into_iter()
            .find(|p| p.name == name || p.name == station)
            .ok_or_else(|| AppError::new("err-print-no-printer", vec![("printer", Arg::Text(name.into()))]))
    }

    fn category_of(&self) -> impl Fn(&str) -> Option<String> {
        let menu = self.menu().ok();
        move |item: &str| menu.as_ref().and_then(|m| m.item(item)).map(|i| i.category_id.clone())
    }

    /// The jobs of a sale about to close (written in its transaction): the drawer and
    /// the receipt, and for each station what it has not had yet of this cart (lines sent
    /// to the kitchen before payment are not sent again). Printing never stops a sale: a
    /// printer misconfigured is the jobs' problem, not the cashier's.
    pub(crate) fn print_jobs_for(&self, cart: &Cart, tenders: &[quay_core::Tender], sale_id: uuid::Uuid) -> Vec<NewPrintJob> {
        let printers = match self.printers() {
            Ok(p) => p,
            Err(e) => {
                tracing::warn!(error = %e.detail, "printers unreadable: the sale prints nothing");
                return Vec::new();
            }
        };
        let cash = tenders.iter().any(|t| t.kind == TenderKind::Cash);
        let mut jobs: Vec<NewPrintJob> = jobs_for_sale(&printers, &[], cash, &|_| None);
        let sent = match self.kitchen_sent(sale_id) {
            Ok(s) => s,
            Err(e) => {
                // Not knowing what the kitchen had, sending it all again would cook twice.
                tracing::warn!(error = %e.detail, "the kitchen's tickets unreadable: none sent with this sale");
                return jobs;
            }
        };
        // The number the kitchen already knows the order by, when it had some of it.
        let order = (!sent.is_empty()).then(|| short_order(sale_id));
        jobs.extend(kitchen_diff(&printers, &ticket_lines(cart), &sent, order.as_deref(), &self.category_of(), Hear::Everything));
        jobs
    }

    /// The kitchen jobs already written for a cart's sale id.
    fn kitchen_sent(&self, sale_id: uuid::Uuid) -> Result<Vec<(JobKind, KitchenPayload)>> {
        let jobs = self.store().print_jobs_of_sale(&sale_id.to_string())?;
        Ok(jobs
            .into_iter()
            .filter(|j| matches!(j.kind, JobKind::Kitchen | JobKind::KitchenCancel) && j.state != JobState::Cancelled)
            .filter_map(|j| serde_json::from_str::<KitchenPayload>(&j.payload).ok().map(|p| (j.kind, p)))
            .filter(|(_, p)| !p.copy)
            .collect())
    }

    /// What changed of what the kitchen had of order `sale_id` (`None`: the order was
    /// cleared), queued now: cancellations, and dishes whose options or note changed.
    pub(crate) fn kitchen_changes(&self, sale_id: uuid::Uuid, cart: Option<&Cart>) -> Result<()> {
        let sent = self.kitchen_sent(sale_id)?;
        if sent.is_empty() {
            return Ok(());
        }
        let lines = cart.map(ticket_lines).unwrap_or_default();
        let printers = self.printers()?;
        let jobs = kitchen_diff(&printers, &lines, &sent, Some(&short_order(sale_id)), &self.category_of(), Hear::Changes);
        if !jobs.is_empty() {
            self.store().enqueue_print_jobs(Some(&sale_id.to_string()), &jobs, &self.now().to_rfc3339())?;
            self.print_wake.notify_one();
        }
        Ok(())
    }

    /// "Send to kitchen" for an order paid later: each station gets what it has not had
    /// of the cart yet (a line removed or reduced since: a cancellation). Returns how many
    /// tickets were queued.
    pub fn send_to_kitchen(&self, co: &crate::checkout::Checkout, who: &Who) -> Result<usize> {
        self.allow(who, Action::RingSale)?;
        let printers = self.printers()?;
        if !printers.iter().any(Printer::is_kitchen) {
            return Err(AppError::new("err-kitchen-no-printer", vec![]));
        }
        // The kitchen's lock first (a sale closing takes it too), then the cart as last
        // changed — not the cart's own lock, which a payment holds while it runs and
        // while it waits for this one.
        let _one = co.kitchen.lock().unwrap_or_else(|p| p.into_inner());
        let cart = co.shown_cart();
        if cart.lines.is_empty() {
            return Err(AppError::new("err-kitchen-empty", vec![]));
        }
        let sale_id = self.paying_sale_id(co, &cart);
        let sent = self.kitchen_sent(sale_id)?;
        let jobs = kitchen_diff(&printers, &ticket_lines(&cart), &sent, Some(&short_order(sale_id)), &self.category_of(), Hear::Everything);
        if jobs.is_empty() {
            return Err(AppError::new("err-kitchen-nothing-new", vec![]));
        }
        self.store().enqueue_print_jobs(Some(&sale_id.to_string()), &jobs, &self.now().to_rfc3339())?;
        self.print_wake.notify_one();
        Ok(jobs.len())
    }

    /// The cancellation tickets of voiding `original`.
    pub(crate) fn print_jobs_for_void(&self, original: &Sale) -> Vec<NewPrintJob> {
        let printers = self.printers().unwrap_or_default();
        let lines: Vec<(String, i64)> = original.lines.iter().map(|l| (l.item_id.clone(), l.qty)).collect();
        jobs_for_void(&printers, &lines, &self.category_of())
    }

    /// The latest jobs, newest first, each with why it waits.
    pub fn print_jobs(&self, who: &Who, limit: usize) -> Result<Vec<JobView>> {
        self.allow(who, Action::ViewSales)?;
        let jobs = self.store().print_jobs_recent(limit.clamp(1, 1000))?;
        let lang = self.lang();
        Ok(jobs
            .into_iter()
            .map(|job| {
                let problem = match (&job.state, &job.last_code) {
                    (JobState::Queued | JobState::Sending, Some(code)) => Some(self.problem_text(code, &job, lang)),
                    _ => None,
                };
                JobView { job, problem }
            })
            .collect())
    }

    /// Each printer with its waiting jobs and its problem, for the window's status line
    /// ("Kitchen printer: paper out — 2 tickets waiting").
    pub fn printer_status(&self, who: &Who) -> Result<Vec<PrinterView>> {
        self.allow(who, Action::ViewSales)?;
        let open = self.store().print_jobs_open()?;
        let lang = self.lang();
        let mut names: Vec<(String, String)> = self.printers()?.into_iter().map(|p| (p.name, p.address)).collect();
        for j in &open {
            if !names.iter().any(|(n, _)| *n == j.printer) {
                names.push((j.printer.clone(), String::new()));
            }
        }
        Ok(names
            .into_iter()
            .map(|(name, address)| {
                let waiting: Vec<&PrintJob> = open.iter().filter(|j| j.printer == name).collect();
                let first = waiting.iter().find(|j| j.last_code.is_some());
                let code = first.and_then(|j| j.last_code.clone());
                let problem = first.and_then(|j| j.last_code.as_deref().map(|c| self.problem_text(c, j, lang)));
                PrinterView { name, address, waiting: waiting.len(), problem_code: code, problem }
            })
            .collect())
    }

    /// Why a job waits, in `lang`: its stored Fluent id said with what the job knows (the
    /// printer, the stored detail where a message wants one).
    pub fn problem_text(&self, code: &str, job: &PrintJob, lang: quay_i18n::Lang) -> String {
        let detail = Arg::Text(job.last_error.clone().unwrap_or_default());
        let address = self.printers().ok().and_then(|ps| ps.into_iter().find(|p| p.name == job.printer)).map(|p| p.address);
        let args = vec![
            ("printer", Arg::Text(job.printer.clone())),
            ("address", Arg::Text(address.unwrap_or_else(|| job.printer.clone()))),
            ("problem", Arg::Text(String::new())),
            ("answer", detail.clone()),
            ("detail", detail.clone()),
            ("cause", detail),
            ("width", Arg::Text("?".into())),
            ("max", Arg::Text("?".into())),
            ("job", job.id.into()),
        ];
        self.i18n().t(lang, code, &args)
    }

    /// Prints a sale's receipt again (`printer`: another than the receipt printer).
    pub fn queue_receipt(&self, who: &Who, sale_id: uuid::Uuid, printer: Option<&str>) -> Result<i64> {
        self.allow(who, Action::ViewSales)?;
        let sale = self.find_sale(sale_id)?;
        let printer = self.printer(printer.unwrap_or(RECEIPT))?;
        let job = NewPrintJob { kind: JobKind::Receipt, printer: printer.name, payload: r#"{"copy":true}"#.into() };
        let id = self.store().enqueue_print_jobs(Some(&sale.id.to_string()), &[job], &self.now().to_rfc3339())?;
        self.print_wake.notify_one();
        Ok(id[0])
    }

    /// A test page on `printer` (every language's sample), queued like any job.
    pub fn print_test(&self, who: &Who, printer: &str) -> Result<i64> {
        self.allow(who, Action::TestConnection)?;
        let printer = self.printer(printer)?;
        let job = NewPrintJob { kind: JobKind::Test, printer: printer.name, payload: "{}".into() };
        let id = self.store().enqueue_print_jobs(None, &[job], &self.now().to_rfc3339())?;
        self.print_wake.notify_one();
        Ok(id[0])
    }

    /// Sends an open job again now, or queues a copy of a printed one, marked as a
    /// reprint.
    pub fn print_retry(&self, who: &Who, id: i64) -> Result<i64> {
        self.allow(who, Action::ViewSales)?;
        let job = self.store().print_job(id)?.ok_or_else(|| AppError::new("err-print-no-job", vec![("job", id.into())]))?;
        match job.kind {
            // A drawer pulse again is opening the drawer: the manager's "Open drawer".
            JobKind::Drawer => return Err(AppError::new("err-print-drawer-again", vec![])),
            JobKind::Test => self.allow(who, Action::TestConnection)?,
            _ => {}
        }
        let new = match job.state {
            JobState::Queued | JobState::Sending => id,
            JobState::Done | JobState::Cancelled => {
                let printer = self.printer(&job.printer)?.name;
                let copied = self.store().print_job_copy(id, &printer, &self.now().to_rfc3339())?;
                copied.ok_or_else(|| AppError::new("err-print-no-job", vec![("job", id.into())]))?
            }
        };
        self.audit(who, "print.retry", &id.to_string(), None, Some(new.to_string()))?;
        self.print_wake.notify_one();
        Ok(new)
    }

    /// Sends an open job to another printer (a dead kitchen printer's tickets to the bar).
    pub fn print_redirect(&self, who: &Who, id: i64, printer: &str) -> Result<()> {
        self.allow(who, Action::ViewSales)?;
        let target = self.printer(printer)?;
        let job = self.store().print_job(id)?.ok_or_else(|| AppError::new("err-print-no-job", vec![("job", id.into())]))?;
        if job.kind == JobKind::Drawer {
            // The drawer hangs on the receipt printer: nowhere else to send its pulse.
            return Err(AppError::new("err-print-drawer-again", vec![]));
        }
        if !self.store().print_job_redirect(id, &target.name)? {
            return Err(AppError::new("err-print-job-closed", vec![("job", id.into())]));
        }
        self.audit(who, "print.redirect", &id.to_string(), Some(job.printer), Some(target.name))?;
        self.print_wake.notify_one();
        Ok(())
    }

    /// The manager's "Open drawer": a pulse on the receipt printer, audited with who and why.
    pub fn open_drawer(&self, who: &Who, reason: &str) -> Result<i64> {
        self.allow(who, Action::OpenDrawer)?;
        let reason = reason.trim();
        if reason.is_empty() || reason.chars().count() > 140 || reason.chars().any(char::is_control) {
            return Err(AppError::new("err-drawer-reason", vec![]));
        }
        let printer = self.printer(RECEIPT)?;
        let payload = json(&DrawerPayload { by: Some(who.name()), reason: Some(reason.into()) });
        let job = NewPrintJob { kind: JobKind::Drawer, printer: printer.name, payload };
        let id = self.store().enqueue_print_jobs(None, &[job], &self.now().to_rfc3339())?;
        self.audit(who, "drawer.open", RECEIPT, None, Some(reason.to_string()))?;
        self.print_wake.notify_one();
        Ok(id[0])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kitchen(name: &str, cats: &[&str]) -> Printer {
        Printer {
            name: format!("kitchen.{name}"),
            address: "tcp://127.0.0.1:9100".into(),
            width_dots: 576,
            text: false,
            categories: cats.iter().map(|c| c.to_string()).collect(),
        }
    }

    fn receipt() -> Printer {
        Printer { name: RECEIPT.into(), address: "tcp://127.0.0.1:9101".into(), width_dots: 576, text: false, categories: vec![] }
    }

    fn ticket(line: u32, item: &str, qty: i64) -> TicketLine {
        TicketLine { line, item_id: item.into(), name: item.into(), qty, options: vec![], option_ids: vec![], note: None }
    }

    #[test]
    fn the_kitchen_hears_only_what_it_has_not_had() {
        let cat = |item: &str| Some(if item.starts_with("pho") { "c-food" } else { "c-drinks" }.to_string());
        let printers = [kitchen("hot", &["c-food"]), kitchen("bar", &["c-drinks"])];
        let sent = |kind, station: &str, items: Vec<TicketLine>| {
            (kind, KitchenPayload { station: station.into(), items, ..KitchenPayload::default() })
        };
        /// A ticket as (kind, station, [(line, qty)]).
        type Ticket = (JobKind, String, Vec<(u32, i64)>);
        let summary = |jobs: Vec<NewPrintJob>| -> Vec<Ticket> {
            jobs.into_iter()
                .map(|j| {
                    let p: KitchenPayload = serde_json::from_str(&j.payload).unwrap();
                    (j.kind, p.station, p.items.iter().map(|i| (i.line, i.qty)).collect())
                })
                .collect()
        };
        // (cart now, sent so far) → tickets
        type Case = (Vec<TicketLine>, Vec<(JobKind, KitchenPayload)>, Vec<Ticket>);
        let cases: Vec<Case> = vec![
            // Nothing sent: everything, per station.
            (
                vec![ticket(1, "pho", 2), ticket(2, "tea", 1)],
                vec![],
                vec![(JobKind::Kitchen, "hot".into(), vec![(1, 2)]), (JobKind::Kitchen, "bar".into(), vec![(2, 1)])],
            ),
            // All sent: nothing.
            (vec![ticket(1, "pho", 2)], vec![sent(JobKind::Kitchen, "hot", vec![ticket(1, "pho", 2)])], vec![]),
            // One more bowl, a new tea: only those.
            (
                vec![ticket(1, "pho", 3), ticket(2, "tea", 1)],
                vec![sent(JobKind::Kitchen, "hot", vec![ticket(1, "pho", 2)])],
                vec![(JobKind::Kitchen, "hot".into(), vec![(1, 1)]), (JobKind::Kitchen, "bar".into(), vec![(2, 1)])],
            ),
            // A line removed and one reduced after sending: cancellations.
            (
                vec![ticket(1, "pho", 1)],
                vec![sent(JobKind::Kitchen, "hot", vec![ticket(1, "pho", 2), ticket(3, "pho", 1)])],
                vec![(JobKind::KitchenCancel, "hot".into(), vec![(1, 1), (3, 1)])],
            ),
            // A cancellation already sent counts.
            (
                vec![ticket(1, "pho", 1)],
                vec![
                    sent(JobKind::Kitchen, "hot", vec![ticket(1, "pho", 2)]),
                    sent(JobKind::KitchenCancel, "hot", vec![ticket(1, "pho", 1)]),
                ],
                vec![],
            ),
        ];
        for (cart, sent, want) in cases {
            assert_eq!(summary(kitchen_diff(&printers, &cart, &sent, None, &cat, Hear::Everything)), want, "{cart:?} after {sent:?}");
        }
        // Options or the note changed after the kitchen had the line: it is another dish.
        // The old one is cancelled and the new one sent, at once while the cart is edited
        // as at a send.
        let with = |line, item: &str, qty, opts: &[&str], note: Option<&str>| TicketLine {
            options: opts.iter().map(|o| o.to_string()).collect(),
            note: note.map(String::from),
            ..ticket(line, item, qty)
        };
        let items = |jobs: &[NewPrintJob]| -> Vec<(JobKind, Vec<String>, Option<String>)> {
            jobs.iter()
                .flat_map(|j| {
                    let p: KitchenPayload = serde_json::from_str(&j.payload).unwrap();
                    p.items.into_iter().map(move |i| (j.kind, i.options, i.note))
                })
                .collect()
        };
        let rare = vec![sent(JobKind::Kitchen, "hot", vec![with(1, "pho", 2, &["rare beef"], None)])];
        let both = vec![(JobKind::KitchenCancel, "hot".to_string(), vec![(1, 2)]), (JobKind::Kitchen, "hot".to_string(), vec![(1, 2)])];
        for hear in [Hear::Everything, Hear::Changes] {
            let jobs = kitchen_diff(&printers, &[with(1, "pho", 2, &["rare beef"], Some("no onion"))], &rare, None, &cat, hear);
            assert_eq!(summary(jobs.clone()), both, "{hear:?}");
            assert_eq!(
                items(&jobs),
                [
                    (JobKind::KitchenCancel, vec!["rare beef".to_string()], None),
                    (JobKind::Kitchen, vec!["rare beef".to_string()], Some("no onion".to_string()))
                ],
                "{hear:?}"
            );
        }
        // While the cart is edited, a new line or one more bowl waits for a send; a line
        // reduced is cancelled at once.
        let more = [with(1, "pho", 3, &["rare beef"], None), ticket(2, "tea", 1)];
        assert_eq!(summary(kitchen_diff(&printers, &more, &rare, None, &cat, Hear::Changes)), vec![]);
        assert_eq!(
            summary(kitchen_diff(&printers, &[with(1, "pho", 1, &["rare beef"], None)], &rare, None, &cat, Hear::Changes)),
            vec![(JobKind::KitchenCancel, "hot".into(), vec![(1, 1)])]
        );
        // Changed, then changed back: the second dish is cancelled and the first sent again.
        let mut twice = rare.clone();
        twice.push(sent(JobKind::KitchenCancel, "hot", vec![with(1, "pho", 2, &["rare beef"], None)]));
        twice.push(sent(JobKind::Kitchen, "hot", vec![with(1, "pho", 2, &["well done"], None)]));
        let jobs = kitchen_diff(&printers, &[with(1, "pho", 2, &["rare beef"], None)], &twice, None, &cat, Hear::Changes);
        assert_eq!(summary(jobs.clone()), both);
        assert_eq!(
            items(&jobs),
            [(JobKind::KitchenCancel, vec!["well done".to_string()], None), (JobKind::Kitchen, vec!["rare beef".to_string()], None)]
        );
        // An option renamed by a menu sync is the same dish: compared by id.
        let by_id = |name: &str| TicketLine { options: vec![name.into()], option_ids: vec!["o-rare".into()], ..ticket(1, "pho", 2) };
        let had = vec![sent(JobKind::Kitchen, "hot", vec![by_id("rare beef")])];
        for hear in [Hear::Everything, Hear::Changes] {
            assert_eq!(summary(kitchen_diff(&printers, &[by_id("tái")], &had, None, &cat, hear)), vec![], "{hear:?}");
        }
        // A ticket written before ids were kept: the same dish by its option's name.
        let old = vec![sent(JobKind::Kitchen, "hot", vec![TicketLine { options: vec!["rare beef".into()], ..ticket(1, "pho", 2) }])];
        for hear in [Hear::Everything, Hear::Changes] {
            assert_eq!(summary(kitchen_diff(&printers, &[by_id("rare beef")], &old, None, &cat, hear)), vec![], "{hear:?}");
        }
        // Nothing changed since: nothing.
        assert_eq!(
            summary(kitchen_diff(&printers, &[with(1, "pho", 2, &["well done"], None)], &twice, None, &cat, Hear::Everything)),
            vec![]
        );

        // Phở moved to the bar's categories after the hot kitchen had it: it stays theirs.
        let moved = [kitchen("hot", &[]), kitchen("bar", &["c-food", "c-drinks"])];
        let had = vec![sent(JobKind::Kitchen, "hot", vec![ticket(1, "pho", 2)])];
        assert_eq!(summary(kitchen_diff(&moved, &[ticket(1, "pho", 2)], &had, None, &cat, Hear::Everything)), vec![]);
        assert_eq!(
            summary(kitchen_diff(&moved, &[ticket(1, "pho", 1)], &had, None, &cat, Hear::Everything)),
            vec![(JobKind::KitchenCancel, "hot".into(), vec![(1, 1)])]
        );
    }

    #[test]
    fn each_station_gets_the_lines_of_its_categories_and_cash_opens_the_drawer() {
        let cat = |item: &str| match item {
            "pho" | "bun" => Some("c-food".to_string()),
            "coffee" => Some("c-drinks".to_string()),
            _ => None,
        };
        let lines = vec![("pho".to_string(), 2), ("coffee".to_string(), 1), ("gone".to_string(), 1), ("bun".to_string(), 1)];
        let printers = [receipt(), kitchen("hot", &["c-food"]), kitchen("bar", &["c-drinks", "c-desserts"]), kitchen("cold", &["c-salad"])];
        let jobs = jobs_for_sale(&printers, &lines, true, &cat);
        let summary: Vec<(JobKind, &str, String)> = jobs.iter().map(|j| (j.kind, j.printer.as_str(), j.payload.clone())).collect();
        assert_eq!(
            summary,
            [
                (JobKind::Drawer, "receipt", r#"{"by":null,"reason":null}"#.to_string()),
                (JobKind::Receipt, "receipt", "{}".to_string()),
                (JobKind::Kitchen, "kitchen.hot", r#"{"lines":[0,3],"station":"hot"}"#.to_string()),
                (JobKind::Kitchen, "kitchen.bar", r#"{"lines":[1],"station":"bar"}"#.to_string()),
            ]
        );
        // Paid by card: no drawer. No receipt printer: neither.
        let card = jobs_for_sale(&printers, &lines, false, &cat);
        assert!(!card.iter().any(|j| j.kind == JobKind::Drawer));
        let kitchen_only = jobs_for_sale(&printers[1..], &lines, true, &cat);
        assert!(kitchen_only.iter().all(|j| j.kind == JobKind::Kitchen));
        // A void cancels at the stations that cooked.
        let void = jobs_for_void(&printers, &lines, &cat);
        assert_eq!(
            void.iter().map(|j| (j.kind, j.printer.as_str())).collect::<Vec<_>>(),
            [(JobKind::KitchenCancel, "kitchen.hot"), (JobKind::KitchenCancel, "kitchen.bar")]
        );
    }
}
