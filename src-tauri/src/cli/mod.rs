//! The headless face, one module per feature. Every command prints its result on stdout
//! (JSON with `--json`) and exits 0, or prints one line `quay: <reason>` on stderr, in
//! the counter's language, and exits 1. Usage errors exit 2 (clap). A command finds out
//! who runs it (`Ctx::who`: the PIN) and calls a use case, which checks what they may do.

mod alipay;
mod backup;
mod connect;
mod dayend;
mod menu;
mod nhanh;
mod payments;
mod print;
mod sale;
mod staff;
mod sync;
mod vouchers;
mod vpos;

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use quay_app::{AppError, Counter, Who};
use quay_i18n::{Formatter, Lang};

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
    /// Connections (technicians): tests of the hub and each partner (`--pdf` writes the report), the partner connection records, their deployment note and proof, and the month-end list.
    Connect {
        #[command(subcommand)]
        cmd: connect::ConnectCmd,
    },
    /// Day-end (managers): totals, the terminal batch, the bank file, the report.
    Dayend {
        #[command(subcommand)]
        cmd: dayend::DayendCmd,
    },
    /// Vouchers: check a code (MoMo / GiftPop through the hub, Alipay coupons with Alipay); settle lost redemptions.
    Voucher {
        #[command(subcommand)]
        cmd: vouchers::VoucherCmd,
    },
    /// Alipay smart store (technicians): the onboarding checklist, the shop, the products.
    Alipay {
        #[command(subcommand)]
        cmd: alipay::AlipayCmd,
    },
    /// Printers: a test page, a receipt again, the print jobs, retry and redirect.
    Print {
        #[command(subcommand)]
        cmd: print::PrintCmd,
    },
    /// The cash drawer (managers): open it without a sale, with a reason.
    Drawer {
        #[command(subcommand)]
        cmd: print::DrawerCmd,
    },
    /// A bank's virtual POS (seed 001): definitions, phone payments, payment links, the log, the day end.
    Vpos {
        #[command(subcommand)]
        cmd: vpos::VposCmd,
    },
    /// Nhanh.vn (seed 002): connect a business, sync products, send sales, online orders.
    Nhanh {
        #[command(subcommand)]
        cmd: nhanh::NhanhCmd,
    },
    /// Encrypted backups (technicians): the only way secrets leave the counter.
    Backup {
        #[command(subcommand)]
        cmd: backup::BackupCmd,
    },
    /// Staff and their roles (technicians): add with the PIN on stdin, list.
    Staff {
        #[command(subcommand)]
        cmd: staff::StaffCmd,
    },
    /// The audit log of approvals and changes: verify its chain.
    Audit {
        #[command(subcommand)]
        cmd: staff::AuditCmd,
    },
    /// The database: integrity and schema version.
    Db {
        #[command(subcommand)]
        cmd: backup::DbCmd,
    },
    /// The menu: import a hub-format snapshot, search it.
    Menu {
        #[command(subcommand)]
        cmd: menu::MenuCmd,
    },
    /// Sales: list, export, ring.
    Sales {
        #[command(subcommand)]
        cmd: sale::SalesCmd,
    },
    /// The counter's settings (hub keys are secrets: `-` reads them from stdin).
    Config {
        #[command(subcommand)]
        cmd: connect::ConfigCmd,
    },
    /// Card payment attempts: approved and declined, with what the terminal gave.
    Payments {
        #[command(subcommand)]
        cmd: payments::PaymentsCmd,
    },
    /// The ZVT card terminal, for technicians: status, a test sale, the day's batch.
    Terminal {
        #[command(subcommand)]
        cmd: payments::TerminalCmd,
    },
    /// Sales to the hub: the outbox.
    Sync {
        #[command(subcommand)]
        cmd: sync::SyncCmd,
    },
}

/// What every command works with: the counter and the language of this run.
pub struct Ctx<'a> {
    pub counter: &'a Counter,
    pub lang: Lang,
}

impl Ctx<'_> {
    /// Who runs this command: nobody to ask on a counter in setup; otherwise whoever's
    /// PIN is given (`QUAY_PIN`, or asked for at a terminal), or nobody.
    pub fn who(&self) -> quay_app::Result<Who> {
        if self.counter.in_setup()? {
            return Ok(Who::Setup);
        }
        self.counter.identify(pin(&self.t("cli-pin-prompt", &[])).as_deref())
    }

    /// A message of the counter's Fluent catalogue in this run's language.
    pub fn t(&self, id: &str, args: &[(&str, quay_core::error::Arg)]) -> String {
        self.counter.i18n().t(self.lang, id, args)
    }

    pub fn f(&self) -> &Formatter {
        self.counter.i18n().formatter(self.lang)
    }

    /// Minor units of the counter's currency, formatted for this run's language.
    pub fn money(&self, minor: i64) -> String {
        self.f().money(quay_core::Money::new(minor, self.counter.config().currency))
    }

    /// A message with one value shown as text: the CLI's labelled cells ("pan 1234").
    pub fn t1(&self, id: &str, name: &str, value: impl ToString) -> String {
        self.t(id, &[(name, value.to_string().into())])
    }
}

pub fn run(args: Args) -> i32 {
    crate::shared::init_logging("warn");
    // A restore writes a new counter: nothing may open (and so create) one first.
    if let Some(Command::Backup { cmd: backup::BackupCmd::Restore { file } }) = &args.command {
        return backup::restore(file, &args);
    }
    let counter = match Counter::open(&args.data_dir()) {
        Ok(c) => c,
        Err(e) => return refuse(&e, &args),
    };
    let lang = match args.lang.as_deref().map(|t| Lang::parse(t).ok_or(t)) {
        Some(Ok(l)) => l,
        Some(Err(tag)) => {
            eprintln!("quay: {}", counter.i18n().t(counter.lang(), "err-bad-locale", &[("tag", tag.into())]));
            return 2;
        }
        None => counter.lang(),
    };
    let ctx = Ctx { counter: &counter, lang };
    match execute(&ctx, args.command.expect("a command")) {
        Ok(out) => print(&out),
        Err(e) => {
            tracing::debug!(error = %e.detail, "command refused");
            eprintln!("quay: {}", counter.i18n().error(lang, &e).replace('\n', " "));
            1
        }
    }
}

fn execute(ctx: &Ctx, command: Command) -> quay_app::Result<String> {
    match command {
        Command::Connect { cmd } => connect::run(ctx, cmd),
        Command::Alipay { cmd } => alipay::run(ctx, cmd),
        Command::Nhanh { cmd } => nhanh::run(ctx, cmd),
        Command::Vpos { cmd } => vpos::run(ctx, cmd),
        Command::Print { cmd } => print::run(ctx, cmd),
        Command::Drawer { cmd } => print::drawer(ctx, cmd),
        Command::Config { cmd } => connect::config(ctx, cmd),
        Command::Dayend { cmd } => dayend::run(ctx, cmd),
        Command::Voucher { cmd } => vouchers::run(ctx, cmd),
        Command::Backup { cmd } => backup::run(ctx, cmd),
        Command::Db { cmd } => backup::db(ctx, cmd),
        Command::Staff { cmd } => staff::run(ctx, cmd),
        Command::Audit { cmd } => staff::audit(ctx, cmd),
        Command::Menu { cmd } => menu::run(ctx, cmd),
        Command::Sales { cmd } => sale::run(ctx, cmd),
        Command::Payments { cmd } => payments::run(ctx, cmd),
        Command::Terminal { cmd } => payments::terminal(ctx, cmd),
        Command::Sync { cmd } => sync::run(ctx, cmd),
    }
}

/// Prints a command's output, ending it with a newline; exit code 0.
pub fn print(out: &str) -> i32 {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(out.as_bytes());
    if !out.is_empty() && !out.ends_with('\n') {
        let _ = stdout.write_all(b"\n");
    }
    let _ = stdout.flush();
    0
}

/// Says why the counter cannot open, in the run's language when one was asked for.
fn refuse(e: &AppError, args: &Args) -> i32 {
    let l = quay_i18n::Localizer::new().expect("built-in locales load");
    let lang = args.lang.as_deref().and_then(Lang::parse).unwrap_or(Lang::En);
    eprintln!("quay: {}", l.error(lang, e));
    1
}

/// The PIN of whoever runs the command: `QUAY_PIN`, or asked for at the terminal (not
/// echoed, after `prompt`) when there is one.
fn pin(prompt: &str) -> Option<String> {
    if let Some(p) = std::env::var("QUAY_PIN").ok().filter(|p| !p.is_empty()) {
        return Some(p);
    }
    if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        return rpassword::prompt_password(format!("{prompt} ")).ok().filter(|p| !p.is_empty());
    }
    None
}

/// A secret from standard input: one line, not echoed (it never reaches the terminal
/// when piped; typed at a terminal, the caller should use `read -s`).
/// One line — or, when it opens a PEM block (an RSA key), every line to its `-----END`.
pub fn read_secret_stdin() -> quay_app::Result<String> {
    let stdin = std::io::stdin();
    let read = |buf: &mut String| stdin.read_line(buf).map_err(|e| AppError::io(std::path::Path::new("<stdin>"), e));
    let mut text = String::new();
    read(&mut text)?;
    if text.starts_with("-----BEGIN ") && !text.contains("-----END ") {
        loop {
            let mut line = String::new();
            if read(&mut line)? == 0 {
                break;
            }
            text.push_str(&line);
            if line.starts_with("-----END ") {
                break;
            }
        }
    }
    Ok(text.trim_end_matches(['\r', '\n']).to_string())
}

/// Reads a file a command names.
pub fn read(path: &std::path::Path) -> quay_app::Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| AppError::io(path, e))
}

/// Runs async work (the hub, Viva, the background worker) on the process's one runtime.
pub fn block_on<T: Send>(f: impl std::future::Future<Output = quay_app::Result<T>> + Send) -> quay_app::Result<T> {
    quay_app::rt::block_on(f)
}
