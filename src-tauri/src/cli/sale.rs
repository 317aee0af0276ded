//! `quay sales …`: list, export, ring, receipt, void.

use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};
use quay_app::export::Format;
use quay_app::ring::{parse_line, parse_pay, Pay};

use super::Ctx;
use crate::shared::{day, pretty, sale_id};

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
}

impl From<ExportFormat> for Format {
    fn from(f: ExportFormat) -> Format {
        match f {
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Json => Format::Json,
        }
    }
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
    /// card[:AMOUNT] | wallet:momo|zalopay|vnpay[:AMOUNT] (repeat --pay to split:
    /// `--pay card:50000 --pay cash`). A QR wallet prints the QR's content and waits for
    /// the customer until the deadline.
    Ring {
        #[arg(required = true)]
        lines: Vec<String>,
        #[arg(long, required = true)]
        pay: Vec<String>,
        /// The customer's payment code, as scanned (MoMo: `--pay wallet:momo`).
        #[arg(long)]
        wallet_code: Option<String>,
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

pub fn run(ctx: &Ctx, cmd: SalesCmd) -> quay_app::Result<String> {
    match cmd {
        SalesCmd::List { date, json } => list(ctx, date.as_deref(), json),
        SalesCmd::Export { format, date } => ctx.counter.export_sales(&ctx.who()?, day(ctx.counter, date.as_deref())?, format.into()),
        SalesCmd::Ring { lines, pay, wallet_code, json } => ring(ctx, &lines, &pay, wallet_code, json),
        SalesCmd::Receipt { sale_id, pdf } => {
            let bytes = ctx.counter.receipt_pdf(&ctx.who()?, self::sale_id(&sale_id)?)?;
            quay_app::files::write_private(&pdf, &bytes)?;
            Ok(format!("{}\n", pdf.display()))
        }
        SalesCmd::Void { sale_id, reason, json } => void(ctx, &sale_id, &reason, json),
    }
}

fn list(ctx: &Ctx, date: Option<&str>, json: bool) -> quay_app::Result<String> {
    let (c, d) = (ctx.counter, day(ctx.counter, date)?);
    let rows = c.sales_on(&ctx.who()?, d)?;
    if json {
        return pretty(&rows);
    }
    let v = quay_app::views::sales_day(d, &rows, c.config().currency, c.i18n(), ctx.lang);
    let mut out: String =
        v.sales.iter().map(|s| format!("{}\t{}\t{}\t{}\t{}\n", s.receipt_no, s.time, s.status, s.total.text, s.id)).collect();
    out.push_str(&ctx.t("sales-summary", &[("count", v.count.into()), ("amount", v.net.text.as_str().into())]));
    Ok(out)
}

fn ring(ctx: &Ctx, lines: &[String], pays: &[String], wallet_code: Option<String>, json: bool) -> quay_app::Result<String> {
    let lines = lines.iter().map(|l| parse_line(l)).collect::<Result<Vec<_>, _>>()?;
    let mut pays = pays.iter().map(|p| parse_pay(p)).collect::<Result<Vec<_>, _>>()?;
    for p in &mut pays {
        if let Pay::Wallet { code, .. } = p {
            code.clone_from(&wallet_code);
        }
    }
    let who = ctx.who()?;
    // A wallet's QR and progress, on stderr as they come (stdout keeps the result).
    ctx.counter.set_listener(|e| match e {
        quay_app::Event::WalletQr(q) => eprintln!("{}\t{}\t{}\t{}", q.label, q.amount.text, q.until, q.content),
        quay_app::Event::WalletStatus { text } => eprintln!("{text}"),
        _ => {}
    });
    let sale = match pays.as_slice() {
        [only @ Pay::Cash(_)] => ctx.counter.ring(&who, &lines, only)?,
        _ => ctx.counter.ring_pays(&who, &lines, &pays, None)?,
    };
    // Its drawer, receipt and tickets are queued with it; printed now unless the window's
    // worker is at it (it prints them then). A printer's trouble never fails the sale.
    if let Err(e) = ctx.counter.print_now() {
        tracing::warn!(error = %e.detail, "the sale's print jobs wait");
    }
    if json {
        return pretty(&sale);
    }
    let change = ctx.money(sale.tenders.iter().filter_map(|t| t.change).sum::<i64>());
    let closed = ctx.t("sale-closed", &[("receipt", sale.receipt_no.as_str().into()), ("change", change.into())]);
    Ok(format!("{}\t{}\t{closed}\n", sale.receipt_no, ctx.money(sale.total)))
}

fn void(ctx: &Ctx, id: &str, reason: &str, json: bool) -> quay_app::Result<String> {
    let id = sale_id(id)?;
    // One PIN on the command line: the manager who approves is the one voiding.
    let who = ctx.who()?;
    let void = ctx.counter.void_paying_back(id, reason, &who, &who)?;
    if let Err(e) = ctx.counter.print_now() {
        tracing::warn!(error = %e.detail, "the void's print jobs wait");
    }
    if json {
        return pretty(&void);
    }
    Ok(ctx.t("void-done", &[("receipt", ctx.counter.sale(&who, id)?.receipt_no.into())]))
}
