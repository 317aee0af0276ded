//! The headless face. Every command prints its result on stdout (JSON with `--json`) and
//! exits 0, or prints one line `quay: <reason>` on stderr, in the counter's language,
//! and exits 1. Usage errors exit 2 (clap).

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use quay_app::export::Format;
use quay_app::ring::{parse_line, parse_pay};
use quay_app::Who;
use quay_app::{sync, AppError, Counter};
use quay_core::auth::{Action, Role};
use quay_i18n::Lang;
use serde_json::json;

#[derive(Parser, Debug)]
#[command(name = "quay", version, about = "Quay, the restaurant counter. Without a command it opens the window.")]
pub struct Args {
    /// Where the counter keeps its database (default: the OS data directory).
    #[arg(long, global = true, env = "QUAY_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// Language of messages for this run (en, vi, ar, el, zh-CN); default: the counter's.
    #[arg(long, global = true)]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Args {
    pub fn data_dir(&self) -> PathBuf {
        self.data_dir.clone().unwrap_or_else(quay_app::default_data_dir)
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Connection tests (technicians): the hub, MoMo, GiftPop, the card terminal; `--pdf` writes the report.
    Connect {
        #[command(subcommand)]
        cmd: crate::cli_connect::ConnectCmd,
    },
    /// Day-end (managers): totals, the terminal batch, the bank file, the report.
    Dayend {
        #[command(subcommand)]
        cmd: crate::cli_dayend::DayendCmd,
    },
    /// MoMo / GiftPop vouchers: check a code through the hub; settle lost redemptions.
    Voucher {
        #[command(subcommand)]
        cmd: VoucherCmd,
    },
    /// Encrypted backups (technicians): the only way secrets leave the counter.
    Backup {
        #[command(subcommand)]
        cmd: BackupCmd,
    },
    /// Staff and their roles (technicians): add with the PIN on stdin, list.
    Staff {
        #[command(subcommand)]
        cmd: StaffCmd,
    },
    /// The audit log of approvals and changes: verify its chain.
    Audit {
        #[command(subcommand)]
        cmd: AuditCmd,
    },
    /// The database: integrity and schema version.
    Db {
        #[command(subcommand)]
        cmd: DbCmd,
    },
    /// The menu: import a hub-format snapshot, search it.
    Menu {
        #[command(subcommand)]
        cmd: MenuCmd,
    },
    /// Sales: list, export, ring.
    Sales {
        #[command(subcommand)]
        cmd: SalesCmd,
    },
    /// The counter's settings (hub keys are secrets: `-` reads them from stdin).
    Config {
        #[command(subcommand)]
        cmd: ConfigCmd,
    },
    /// Card payment attempts: approved and declined, with what the terminal gave.
    Payments {
        #[command(subcommand)]
        cmd: PaymentsCmd,
    },
    /// The ZVT card terminal, for technicians: status, a test sale, the day's batch.
    Terminal {
        #[command(subcommand)]
        cmd: TerminalCmd,
    },
    /// Sales to the hub: the outbox.
    Sync {
        #[command(subcommand)]
        cmd: SyncCmd,
    },
}

#[derive(Subcommand, Debug)]
pub enum TerminalCmd {
    /// Asks the terminal about its last transaction (status enquiry).
    Status {
        /// The serial device (default: zvt.port of the configuration).
        #[arg(long)]
        port: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// A test sale of AMOUNT (major units), journaled like any card attempt.
    Sale {
        amount: String,
        #[arg(long)]
        port: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Closes the terminal's batch (end-of-day) and prints its per-brand totals.
    EndOfDay {
        #[arg(long)]
        port: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum PaymentsCmd {
    /// Settles attempts whose outcome is not known by asking the terminal (never charging).
    Resolve {
        #[arg(long)]
        json: bool,
    },
    /// Settles by hand an attempt the terminal cannot answer for, after checking the
    /// terminal and its printout: `--charged` completes the sale, `--not-charged` cancels.
    Settle {
        key: String,
        #[arg(long, conflicts_with = "not_charged", required_unless_present = "not_charged")]
        charged: bool,
        #[arg(long)]
        not_charged: bool,
        #[arg(long)]
        reason: String,
    },
    /// Every card attempt of a day (default: today), oldest first.
    List {
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum SyncCmd {
    /// How many sales wait for the hub, since when, and those it rejected.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Sends every waiting sale now.
    Push {
        #[arg(long)]
        json: bool,
    },
    /// Runs the background sync (menu on schedule, sales as they close) until stopped,
    /// with Viva's webhook listener when `viva.webhook.listen` is set.
    Run,
}

#[derive(Subcommand, Debug)]
pub enum VoucherCmd {
    /// What the hub says of a code: status, value, expiry, conditions (and what it would
    /// pay on a sale of `--amount`).
    Check {
        #[arg(long)]
        partner: String,
        code: String,
        #[arg(long)]
        amount: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Settles redemptions whose answer was lost, and reverses those of sales never closed.
    Resolve,
}

#[derive(Subcommand, Debug)]
pub enum BackupCmd {
    /// Writes the whole counter (sales, settings, secrets) to FILE, encrypted under a
    /// passphrase read from stdin (at least 12 characters).
    Create { file: PathBuf },
    /// Restores FILE into `--data-dir`, which must hold no counter yet (passphrase on stdin).
    Restore { file: PathBuf },
}

#[derive(Subcommand, Debug)]
pub enum StaffCmd {
    /// Adds a member; the new PIN (4–8 digits) is read from stdin. The first member of a
    /// counter must be a technician and needs no PIN; after that, a technician's.
    Add {
        #[arg(long)]
        name: String,
        /// cashier, manager or technician
        #[arg(long)]
        role: String,
    },
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum AuditCmd {
    /// Recomputes the hash chain; exits non-zero naming the first bad entry.
    Verify,
}

#[derive(Subcommand, Debug)]
pub enum DbCmd {
    /// Runs SQLite's integrity check and reports the schema version.
    Check {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum MenuCmd {
    /// Imports a menu snapshot in the hub's format; refused whole if invalid.
    Import { file: PathBuf },
    /// Fetches the hub's menu (changes since ours, or the full snapshot) and applies it.
    Sync {
        #[arg(long)]
        json: bool,
    },
    /// The counter's menu beside the hub's: versions, content hashes, differences.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Searches items, ignoring case and diacritics.
    Search {
        text: String,
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum SalesCmd {
    /// Lists the sales and voids of a day (default: today).
    List {
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Exports a day's sales as CSV (one row per line) or JSON (hub records).
    Export {
        #[arg(long)]
        format: ExportFormat,
        #[arg(long)]
        date: Option<String>,
    },
    /// Rings and closes a sale: ITEM_ID[*QTY][+OPTION_ID...] ... --pay cash[:AMOUNT] |
    /// card[:AMOUNT] (repeat --pay to split: `--pay card:50000 --pay cash`).
    Ring {
        #[arg(required = true)]
        lines: Vec<String>,
        #[arg(long, required = true)]
        pay: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// A sale's receipt, printed to PDF in the counter's language.
    Receipt {
        sale_id: String,
        #[arg(long)]
        pdf: PathBuf,
    },
    /// Voids a closed sale (writes a void record; nothing is deleted).
    Void {
        sale_id: String,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum ConfigCmd {
    Set { key: String, value: String },
    Get { key: String },
}

pub fn run(args: Args) -> i32 {
    init_logging();
    // A restore writes a new counter: nothing may open (and so create) one first.
    if let Some(Command::Backup { cmd: BackupCmd::Restore { file } }) = &args.command {
        let l = quay_i18n::Localizer::new().expect("built-in locales load");
        let lang = args.lang.as_deref().and_then(Lang::parse).unwrap_or(Lang::En);
        let restored = std::fs::read(file)
            .map_err(|e| AppError::io(file, e))
            .and_then(|bytes| quay_app::restore_backup(&bytes, &read_secret_stdin()?, &args.data_dir()));
        return match restored {
            Ok(()) => {
                println!("{}", l.t(lang, "backup-restored", &[("dir", args.data_dir().display().to_string().into())]));
                0
            }
            Err(e) => {
                eprintln!("quay: {}", l.error(lang, &e));
                1
            }
        };
    }
    let counter = match Counter::open(&args.data_dir()) {
        Ok(c) => c,
        Err(e) => {
            let l = quay_i18n::Localizer::new().expect("built-in locales load");
            let lang = args.lang.as_deref().and_then(Lang::parse).unwrap_or(Lang::En);
            eprintln!("quay: {}", l.error(lang, &e));
            return 1;
        }
    };
    let lang = match args.lang.as_deref().map(|t| Lang::parse(t).ok_or(t)) {
        Some(Ok(l)) => l,
        Some(Err(tag)) => {
            eprintln!("quay: {}", counter.i18n().t(counter.lang(), "err-bad-locale", &[("tag", tag.into())]));
            return 2;
        }
        None => counter.lang(),
    };
    match execute(&counter, args.command.expect("a command"), lang) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(out.as_bytes());
            if !out.is_empty() && !out.ends_with('\n') {
                let _ = stdout.write_all(b"\n");
            }
            0
        }
        Err(e) => {
            tracing::debug!(error = %e.detail, "command refused");
            eprintln!("quay: {}", counter.i18n().error(lang, &e).replace('\n', " "));
            1
        }
    }
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("QUAY_LOG").unwrap_or_else(|_| "warn".into());
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
}

fn day(counter: &Counter, date: Option<&str>) -> Result<chrono::NaiveDate, AppError> {
    date.map(quay_app::parse_date).transpose().map(|d| d.unwrap_or_else(|| counter.today()))
}

fn pretty(v: &impl serde::Serialize) -> Result<String, AppError> {
    serde_json::to_string_pretty(v).map_err(AppError::internal)
}

/// The role each command needs, in one table. `None`: diagnostics and the system's own
/// work (the sync daemon, reading the menu) that anyone at the machine may run.
fn needs(command: &Command) -> Option<Action> {
    Some(match command {
        Command::Dayend { .. } => return None, // each day-end command checks its own
        Command::Db { .. } | Command::Sync { .. } => return None,
        Command::Menu { cmd: MenuCmd::Import { .. } } => Action::ConfigureSettings,
        Command::Menu { .. } => return None,
        Command::Sales { cmd: SalesCmd::Ring { .. } } => Action::RingSale,
        Command::Sales { cmd: SalesCmd::Void { .. } } => Action::ApproveVoid,
        Command::Sales { .. } => Action::ViewSales,
        Command::Config { .. } => Action::ConfigureSettings,
        Command::Payments { cmd: PaymentsCmd::Settle { .. } } => Action::SettlePayment,
        Command::Payments { cmd: PaymentsCmd::Resolve { .. } } => Action::RingSale,
        Command::Payments { .. } => Action::ViewSales,
        Command::Terminal { cmd: TerminalCmd::EndOfDay { .. } } => Action::CloseDay,
        Command::Terminal { .. } => Action::TestConnection,
        Command::Staff { cmd: StaffCmd::Add { .. } } => Action::ManageStaff,
        Command::Staff { .. } => Action::ManageStaff,
        Command::Audit { .. } => Action::ViewSales,
        Command::Connect { .. } => Action::TestConnection,
        Command::Backup { .. } => Action::ConfigureSettings,
        Command::Voucher { .. } => Action::RingSale,
    })
}

/// The PIN of whoever runs the command: `QUAY_PIN`, or asked for at the terminal (not
/// echoed) when there is one.
fn pin() -> Option<String> {
    if let Some(p) = pin_from_env() {
        return Some(p);
    }
    if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        return rpassword::prompt_password("PIN: ").ok().filter(|p| !p.is_empty());
    }
    None
}

fn execute(counter: &Counter, command: Command, lang: Lang) -> Result<String, AppError> {
    let i18n = counter.i18n();
    let f = i18n.formatter(lang);
    // Adding the very first staff member (a technician) needs no PIN: there is nobody yet.
    let who = match needs(&command) {
        Some(action) if !counter.in_setup()? => counter.authorize(pin().as_deref(), action)?,
        _ => Who::Setup,
    };
    match command {
        Command::Staff { cmd: StaffCmd::Add { name, role } } => {
            let role = Role::parse(&role)
                .ok_or_else(|| AppError::new("err-config-value", vec![("key", "role".into()), ("value", role.as_str().into())]))?;
            let new_pin = read_secret_stdin()?;
            let m = counter.add_staff(&who, &name, role, &new_pin)?;
            Ok(format!("{}\t{}\t{}\n", m.id, m.name, m.role.as_str()))
        }
        Command::Staff { cmd: StaffCmd::List { json } } => {
            let list = counter.staff_list()?;
            if json {
                pretty(&list)
            } else {
                Ok(list.iter().map(|m| format!("{}\t{}\t{}\n", m.id, m.name, m.role.as_str())).collect())
            }
        }
        Command::Voucher { cmd: VoucherCmd::Check { partner, code, amount, json } } => {
            let amount = amount.as_deref().map(|a| counter.parse_amount(a)).transpose()?;
            let v = counter.check_voucher_code(&partner, &code, amount)?;
            if json {
                pretty(&v)
            } else {
                let dash = |o: Option<String>| o.unwrap_or_else(|| "-".into());
                Ok(format!(
                    "{}\t{}\t{}\tvalue {}\tmin {}\texpires {}\tapplies {}\t{}\n",
                    v.partner,
                    v.code,
                    v.status,
                    dash(v.value.map(|m| m.text).or(v.percent)),
                    dash(v.min_spend.map(|m| m.text)),
                    dash(v.expires_at),
                    dash(v.applies.map(|m| m.text)),
                    v.refused.unwrap_or(v.conditions)
                ))
            }
        }
        Command::Voucher { cmd: VoucherCmd::Resolve } => {
            let done = counter.resolve_vouchers()?;
            Ok(done.iter().map(|r| format!("{}\t{}\t{}\n", r.key, r.partner, r.state)).collect())
        }
        Command::Backup { cmd: BackupCmd::Create { file } } => {
            let passphrase = read_secret_stdin()?;
            let bytes = counter.backup(&passphrase)?;
            quay_app::files::write_private(&file, &bytes)?;
            counter.audit(&who, "backup.create", &file.display().to_string(), None, None)?;
            Ok(i18n.t(lang, "backup-written", &[("file", file.display().to_string().into())]))
        }
        Command::Backup { cmd: BackupCmd::Restore { .. } } => unreachable!("restored before the counter opens"),
        Command::Audit { cmd: AuditCmd::Verify } => {
            let n = counter.audit_verify()?;
            Ok(i18n.t(lang, "audit-verified", &[("count", (n as i64).into())]))
        }
        Command::Dayend { cmd } => crate::cli_dayend::run(counter, cmd, lang),
        Command::Connect { cmd } => crate::cli_connect::run(counter, cmd, lang, &who),
        Command::Db { cmd: DbCmd::Check { json } } => {
            let h = counter.health()?;
            let ok = h.integrity == "ok" && h.schema_version == h.latest_schema_version;
            let out = if json {
                pretty(&json!({"ok": ok, "integrity": h.integrity, "schema_version": h.schema_version,
                    "latest_schema_version": h.latest_schema_version, "journal_mode": h.journal_mode, "sales": h.sales,
                    "path": counter.data_dir().join("quay.db")}))?
            } else {
                format!(
                    "integrity: {}\nschema version: {} (latest {})\njournal: {}\nsales: {}\n",
                    h.integrity, h.schema_version, h.latest_schema_version, h.journal_mode, h.sales
                )
            };
            if ok {
                Ok(out)
            } else {
                Err(AppError::new("err-store-corrupt", vec![("detail", h.integrity.into())]))
            }
        }
        Command::Menu { cmd: MenuCmd::Import { file } } => {
            let m = counter.import_menu_file(&file)?;
            Ok(format!(
                "menu v{} imported: {} items, {} categories, hash {}\n",
                m.version(),
                m.items().len(),
                m.categories().count(),
                m.content_hash()
            ))
        }
        Command::Menu { cmd: MenuCmd::Search { text, json, limit } } => {
            let m = counter.menu()?;
            let hits = m.search(&text, limit);
            if json {
                let rows: Vec<_> = hits
                    .iter()
                    .map(|i| {
                        json!({"id": i.id, "sku": i.sku, "name": i.name, "names": i.names, "price": i.price,
                        "currency": m.currency().code(), "available": i.available, "category_id": i.category_id})
                    })
                    .collect();
                pretty(&rows)
            } else {
                Ok(hits.iter().map(|i| format!("{}\t{}\t{}\n", i.id, i.name, f.money(m.price(i)))).collect())
            }
        }
        Command::Sales { cmd: SalesCmd::List { date, json } } => {
            let d = day(counter, date.as_deref())?;
            let rows = counter.sales_on(d)?;
            if json {
                pretty(&rows)
            } else {
                let v = quay_app::views::sales_day(d, &rows, counter.config().currency, i18n, lang);
                let mut out = String::new();
                for s in &v.sales {
                    out.push_str(&format!("{}\t{}\t{}\t{}\t{}\n", s.receipt_no, s.time, s.status, s.total.text, s.id));
                }
                out.push_str(&i18n.t(lang, "sales-summary", &[("count", v.count.into()), ("amount", v.net.text.as_str().into())]));
                Ok(out)
            }
        }
        Command::Sales { cmd: SalesCmd::Export { format, date } } => {
            let d = day(counter, date.as_deref())?;
            counter.export_sales(
                d,
                match format {
                    ExportFormat::Csv => Format::Csv,
                    ExportFormat::Json => Format::Json,
                },
            )
        }
        Command::Sales { cmd: SalesCmd::Ring { lines, pay, json } } => {
            let lines = lines.iter().map(|l| parse_line(l)).collect::<Result<Vec<_>, _>>()?;
            let pays = pay.iter().map(|p| parse_pay(p)).collect::<Result<Vec<_>, _>>()?;
            let sale = match pays.as_slice() {
                [only @ quay_app::ring::Pay::Cash(_)] => counter.ring(&who, &lines, only)?,
                _ => counter.ring_pays(&who, &lines, &pays, None)?,
            };
            if json {
                pretty(&sale)
            } else {
                let change = sale.tenders.iter().filter_map(|t| t.change).sum::<i64>();
                Ok(format!(
                    "{}\t{}\t{}\n",
                    sale.receipt_no,
                    f.money(sale.total_money()),
                    i18n.t(
                        lang,
                        "sale-closed",
                        &[
                            ("receipt", sale.receipt_no.as_str().into()),
                            ("change", f.money(quay_core::Money::new(change, sale.currency)).into())
                        ]
                    )
                ))
            }
        }
        Command::Sales { cmd: SalesCmd::Receipt { sale_id, pdf } } => {
            let id =
                uuid::Uuid::parse_str(&sale_id).map_err(|_| AppError::new("err-no-such-sale", vec![("id", sale_id.as_str().into())]))?;
            let bytes = counter.receipt_pdf(id)?;
            quay_app::files::write_private(&pdf, &bytes)?;
            Ok(format!("{}\n", pdf.display()))
        }
        Command::Sales { cmd: SalesCmd::Void { sale_id, reason, json } } => {
            let id =
                uuid::Uuid::parse_str(&sale_id).map_err(|_| AppError::new("err-no-such-sale", vec![("id", sale_id.as_str().into())]))?;
            // One PIN on the command line: the manager who approves is the one voiding.
            let void = counter.void_paying_back(id, &reason, &who, &who)?;
            if json {
                pretty(&void)
            } else {
                Ok(i18n.t(lang, "void-done", &[("receipt", counter.sale(id)?.receipt_no.into())]))
            }
        }
        Command::Config { cmd } => {
            let key = match &cmd {
                ConfigCmd::Set { key, .. } | ConfigCmd::Get { key } => key.clone(),
            };
            let Some(spec) = quay_app::setup::setting(&key) else {
                return Err(AppError::new("err-config-key", vec![("key", key.into()), ("keys", quay_app::setup::key_list().into())]));
            };
            match cmd {
                ConfigCmd::Set { key, value } => {
                    let value = if spec.secret && value == "-" { read_secret_stdin()? } else { value };
                    if spec.secret && value.is_empty() {
                        return Err(AppError::new("err-config-value", vec![("key", key.into()), ("value", "".into())]));
                    }
                    quay_app::setup::validate(&key, &value)?;
                    counter.save_settings(&who, &[(key, value)])?;
                    Ok(String::new())
                }
                ConfigCmd::Get { key } if spec.secret => {
                    Ok(if counter.has_secret(&key)? { quay_app::setup::MASK.into() } else { String::new() })
                }
                ConfigCmd::Get { key } => Ok(counter.setting(&key)?.unwrap_or_default()),
            }
        }
        Command::Menu { cmd: MenuCmd::Sync { json } } => {
            let outcome = block_on(counter.sync_menu())?;
            if json {
                pretty(&outcome)
            } else {
                Ok(match outcome {
                    sync::MenuSyncOutcome::Unchanged { version } => format!("menu v{version}: up to date\n"),
                    sync::MenuSyncOutcome::Changed { from, to, items, full } => format!(
                        "menu v{} → v{to}: {items} {}\n",
                        from.map(|v| v.to_string()).unwrap_or_else(|| "-".into()),
                        if full { "items (full snapshot)" } else { "changes" }
                    ),
                })
            }
        }
        Command::Menu { cmd: MenuCmd::Status { json } } => {
            let st = block_on(counter.menu_status())?;
            if json {
                pretty(&st)
            } else {
                let mut out = format!(
                    "counter: v{} {}\nhub:     v{} {}\nin sync: {}\n",
                    st.counter_version.map(|v| v.to_string()).unwrap_or_else(|| "-".into()),
                    st.counter_hash.as_deref().unwrap_or("-"),
                    st.hub_version,
                    st.hub_hash,
                    st.in_sync
                );
                let m =
                    |p: Option<i64>| p.map(|p| f.money(quay_core::Money::new(p, counter.config().currency))).unwrap_or_else(|| "-".into());
                for (label, list) in [("added", &st.diff.added), ("changed", &st.diff.changed), ("removed", &st.diff.removed)] {
                    for i in list {
                        out.push_str(&format!("{label}\t{}\t{}\t{} → {}\n", i.id, i.name, m(i.counter_price), m(i.hub_price)));
                    }
                }
                Ok(out)
            }
        }
        Command::Terminal { cmd: TerminalCmd::Status { port, json } } => {
            let mut driver = counter.zvt_driver(port.as_deref())?;
            let t = driver.status_enquiry().map_err(|e| {
                AppError::new("err-terminal-port", vec![("port", port.unwrap_or_default().into()), ("detail", e.to_string().into())])
            })?;
            let (state, details) = quay_app::terminals::zvt_report(&t.outcome);
            if json {
                pretty(&json!({"last_transaction": state.as_str(), "details": details, "receipt": t.receipt}))
            } else {
                Ok(format!("last transaction: {}\n{}\n", state.as_str(), serde_json::to_string(&details).map_err(AppError::internal)?))
            }
        }
        Command::Terminal { cmd: TerminalCmd::Sale { amount, port, json } } => {
            let amount = counter.parse_amount(&amount)?;
            let terminal = quay_app::terminals::ZvtCardTerminal::new(counter.zvt_driver(port.as_deref())?);
            let p = counter.terminal_test_sale(&terminal, amount)?;
            if json {
                pretty(&p)
            } else {
                let why = quay_app::card::decline_view(i18n, lang, &p).map(|v| format!("\t{}", v.text)).unwrap_or_default();
                let amount = f.money(quay_core::Money::new(p.amount, counter.config().currency));
                Ok(format!("{}\t{}\t{amount}{why}\n", p.key, p.state.as_str()))
            }
        }
        Command::Terminal { cmd: TerminalCmd::EndOfDay { port, json } } => {
            let mut driver = counter.zvt_driver(port.as_deref())?;
            let eod = driver.end_of_day().map_err(|e| {
                AppError::new("err-terminal-port", vec![("port", port.unwrap_or_default().into()), ("detail", e.to_string().into())])
            })?;
            let cur = counter.config().currency;
            if json {
                let brands: Vec<_> = eod.per_brand.iter().map(|(b, n, t)| json!({"brand": b, "count": n, "total": t})).collect();
                pretty(&json!({"total": eod.total, "currency": cur.code(), "per_brand": brands, "receipt_range": eod.receipt_range}))
            } else {
                let mut out = format!("total\t{}\n", f.money(quay_core::Money::new(eod.total as i64, cur)));
                for (b, n, t) in &eod.per_brand {
                    out.push_str(&format!("{b}\t{n}\t{}\n", f.money(quay_core::Money::new(*t as i64, cur))));
                }
                Ok(out)
            }
        }
        Command::Payments { cmd: PaymentsCmd::Resolve { json } } => {
            let terminal = counter.card_terminal_to_ask()?;
            let settled = counter.resolve_payments(terminal.as_ref())?;
            if json {
                pretty(&settled)
            } else {
                Ok(settled
                    .iter()
                    .map(|p| {
                        let why = quay_app::card::decline_view(i18n, lang, p).map(|v| format!("\t{}", v.text)).unwrap_or_default();
                        format!("{}\t{}{why}\n", p.key, p.state.as_str())
                    })
                    .collect())
            }
        }
        Command::Payments { cmd: PaymentsCmd::Settle { key, charged, not_charged: _, reason } } => {
            let p = counter.settle_payment(&key, charged, &reason, &who)?;
            Ok(format!("{}\t{}\n", p.key, p.state.as_str()))
        }
        Command::Payments { cmd: PaymentsCmd::List { date, json } } => {
            let d = day(counter, date.as_deref())?;
            let list = counter.payments_on(d)?;
            if json {
                // Each attempt with its journal: what happened, state by state.
                let mut out = Vec::with_capacity(list.len());
                for p in &list {
                    let mut v = serde_json::to_value(p).map_err(quay_app::AppError::internal)?;
                    v["log"] = serde_json::to_value(counter.payment_log(&p.key)?).map_err(quay_app::AppError::internal)?;
                    // A decline's reason and code, as the cashier was told them.
                    if let Some(decline) = quay_app::card::decline_view(i18n, lang, p) {
                        v["decline"] = serde_json::to_value(decline).map_err(quay_app::AppError::internal)?;
                    }
                    out.push(v);
                }
                pretty(&out)
            } else {
                let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
                Ok(list
                    .iter()
                    .map(|p| {
                        let d = &p.details;
                        let why = quay_app::card::decline_view(i18n, lang, p).map(|v| format!("\t{}", v.text)).unwrap_or_default();
                        format!(
                            "{}\t{}\t{}\t{}\t{}\tpan {}\ttid {}\ttrace {}\tauth {}\trrn {}\tcode {}{why}\n",
                            p.updated_at,
                            p.key,
                            p.state.as_str(),
                            f.money(quay_core::Money::new(p.amount, counter.config().currency)),
                            dash(&d.brand),
                            dash(&d.masked_pan),
                            dash(&d.terminal_id),
                            dash(&d.trace),
                            dash(&d.auth_code),
                            dash(&d.rrn),
                            dash(&d.result_code)
                        )
                    })
                    .collect())
            }
        }
        Command::Sync { cmd: SyncCmd::Status { json } } => {
            let st = counter.sync_status()?;
            if json {
                pretty(&st)
            } else {
                let mut out = format!("pending: {}\noldest: {}\n", st.pending, st.oldest.as_deref().unwrap_or("-"));
                if let Some(e) = &st.last_error {
                    out.push_str(&format!("last error: {e}\n"));
                }
                for r in &st.rejected {
                    out.push_str(&format!("rejected\t{}\t{}\n", r.receipt_no, r.reason));
                }
                Ok(out)
            }
        }
        Command::Sync { cmd: SyncCmd::Push { json } } => {
            let outcome = block_on(counter.push_outbox())?;
            if json {
                pretty(&outcome)
            } else {
                Ok(format!(
                    "sent {}: {} stored, {} duplicate, {} rejected; {} waiting\n",
                    outcome.sent, outcome.stored, outcome.duplicates, outcome.rejected, outcome.remaining
                ))
            }
        }
        Command::Sync { cmd: SyncCmd::Run } => {
            // One background worker per counter: wait while the window or another
            // `quay sync run` holds the data directory's background lock (said once).
            let _lock = quay_app::background::take_waiting(counter.data_dir(), "sync run", |holder| {
                eprintln!("quay: {} {}", counter.i18n().error(lang, &holder.error()), counter.i18n().t(lang, "background-waiting", &[]));
            })?;
            let counter = std::sync::Arc::new(Counter::open(counter.data_dir())?);
            let hook = counter.webhook_config()?;
            block_on(async move {
                // A headless counter hosts Viva's webhook here when one is configured.
                if let Some(config) = hook {
                    let l = quay_app::webhook::bind(&config).await.map_err(|e| AppError::internal(format!("{}: {e}", config.listen)))?;
                    tokio::spawn(quay_app::webhook::serve(l, counter.clone(), config, std::future::pending()));
                }
                sync::run(counter).await;
                Ok(String::new())
            })
        }
    }
}

fn block_on<T>(f: impl std::future::Future<Output = Result<T, AppError>>) -> Result<T, AppError> {
    tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(AppError::internal)?.block_on(f)
}

/// A secret from standard input: one line, not echoed (it never reaches the terminal
/// when piped; typed at a terminal, the caller should use `read -s`).
fn read_secret_stdin() -> Result<String, AppError> {
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).map_err(|e| AppError::io(std::path::Path::new("<stdin>"), e))?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

/// Who runs a headless command that needs a role: the staff member whose PIN
/// (`QUAY_PIN`, or asked for) may do `action`. Returns the actor for the audit log.
pub fn actor(counter: &Counter, action: Action) -> Result<String, AppError> {
    counter.authorize(pin().as_deref(), action).map(|who| who.actor())
}

fn pin_from_env() -> Option<String> {
    std::env::var("QUAY_PIN").ok().filter(|p| !p.is_empty())
}
