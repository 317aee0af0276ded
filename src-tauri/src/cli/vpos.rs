//! `quay vpos …`: a bank's virtual POS headless (seed 001) — the definitions, a phone
//! payment (the card read from stdin, never from arguments or the environment), a 3-D
//! payment link, the log, cancelling, asking about lost answers, and the day end's
//! comparison with the bank's list.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::PathBuf;

use clap::Subcommand;
use quay_app::vpos::dayend::VposDayView;
use quay_app::vpos::pay::{CardInput, Purpose};
use quay_app::vpos::{DefinitionInput, LinkInput, MotoInput, VposPaymentView};
use quay_app::AppError;
use quay_core::error::Arg;
use zeroize::Zeroizing;

use super::Ctx;
use crate::shared::{day, pretty};

/// The definition's fields as flags (each kind uses its own; see `quay vpos kinds`).
#[derive(clap::Args, Debug, Default)]
pub struct DefinitionArgs {
    /// nestpay, garanti or posnet.
    #[arg(long)]
    kind: Option<String>,
    /// test or production.
    #[arg(long)]
    mode: Option<String>,
    /// The API's URL (NestPay: …/fim/api; Garanti: …/VPServlet).
    #[arg(long)]
    url: Option<String>,
    /// The 3-D gate's URL (NestPay: …/fim/est3Dgate), for payment links.
    #[arg(long)]
    gate_url: Option<String>,
    #[arg(long)]
    currency: Option<String>,
    /// The static IP address the bank was given for this counter (recorded only).
    #[arg(long)]
    static_ip: Option<String>,
    /// required or optional.
    #[arg(long = "3d")]
    three_d: Option<String>,
    #[arg(long)]
    client_id: Option<String>,
    #[arg(long)]
    username: Option<String>,
    /// Secret: `-` (read from stdin).
    #[arg(long)]
    password: Option<String>,
    /// Secret: `-` (read from stdin).
    #[arg(long)]
    store_key: Option<String>,
    #[arg(long)]
    merchant_id: Option<String>,
    #[arg(long)]
    terminal_id: Option<String>,
    #[arg(long)]
    prov_user: Option<String>,
    /// Secret: `-` (read from stdin).
    #[arg(long)]
    prov_password: Option<String>,
    #[arg(long)]
    refund_user: Option<String>,
    /// Secret: `-` (read from stdin).
    #[arg(long)]
    refund_password: Option<String>,
    #[arg(long)]
    posnet_id: Option<String>,
}

impl DefinitionArgs {
    fn field(&self, name: &str) -> Option<&String> {
        match name {
            "client_id" => self.client_id.as_ref(),
            "username" => self.username.as_ref(),
            "password" => self.password.as_ref(),
            "store_key" => self.store_key.as_ref(),
            "merchant_id" => self.merchant_id.as_ref(),
            "terminal_id" => self.terminal_id.as_ref(),
            "prov_user" => self.prov_user.as_ref(),
            "prov_password" => self.prov_password.as_ref(),
            "refund_user" => self.refund_user.as_ref(),
            "refund_password" => self.refund_password.as_ref(),
            "posnet_id" => self.posnet_id.as_ref(),
            _ => None,
        }
    }
}

/// What a phone payment or a payment link is for: a collection under a reference.
#[derive(clap::Args, Debug)]
pub struct PayArgs {
    #[arg(long)]
    amount: String,
    #[arg(long)]
    reference: String,
    /// The customer's phone.
    #[arg(long)]
    phone: Option<String>,
    #[arg(long)]
    note: Option<String>,
    #[arg(long)]
    json: bool,
}

impl PayArgs {
    fn purpose(self) -> (Purpose, bool) {
        let PayArgs { amount, reference, phone, note, json } = self;
        (Purpose { use_sale: false, amount: Some(amount), reference, phone, note }, json)
    }
}

#[derive(Subcommand, Debug)]
pub enum VposCmd {
    /// Adds a definition. Secret fields are given as `-` and read from stdin, one per
    /// line, in the order of their flags.
    Add {
        name: String,
        #[command(flatten)]
        def: DefinitionArgs,
    },
    /// Changes a definition: what is not given is kept (a secret given as `-` is replaced).
    Edit {
        name: String,
        /// A new name.
        #[arg(long = "name")]
        rename: Option<String>,
        #[command(flatten)]
        def: DefinitionArgs,
    },
    /// The definitions, secrets masked.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Removes a definition (its payments stay in the log).
    Remove { name: String },
    /// A phone order (MOTO): the card from stdin as three lines — number, MM/YY, CVV.
    Moto {
        name: String,
        #[command(flatten)]
        pay: PayArgs,
    },
    /// A 3-D payment link: prints it and waits for the outcome.
    Link {
        name: String,
        #[command(flatten)]
        pay: PayArgs,
    },
    /// Every virtual POS transaction of a day (default today), approved and declined.
    Log {
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Cancels a collection: a void the same day, a refund once the bank's batch closed.
    Cancel {
        order_id: String,
        #[arg(long)]
        json: bool,
    },
    /// Asks the bank about payments whose answer was lost (never charges).
    Resolve {
        #[arg(long)]
        json: bool,
    },
    /// The day end's comparison with the bank's list, by transaction code.
    Dayend {
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Fetches the bank's list of the day with its report call (Garanti).
    Fetch {
        name: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Imports the bank's exported day file (preset `vpos`, or a saved mapping).
    Import {
        name: String,
        file: PathBuf,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        preset: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Enters by hand a transaction the bank has and the counter lacks, with the reason.
    Hand {
        name: String,
        order_id: String,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        date: Option<String>,
    },
}

fn stdin_line(what: &'static str) -> quay_app::Result<Zeroizing<String>> {
    let mut line = Zeroizing::new(String::new());
    let n = std::io::stdin().lock().read_line(&mut line).map_err(|e| AppError::io(std::path::Path::new("<stdin>"), e))?;
    if n == 0 {
        return Err(AppError::new("err-vpos-stdin", vec![("what", Arg::Text(what.into()))]));
    }
    let trimmed = Zeroizing::new(line.trim_end_matches(['\r', '\n']).to_string());
    Ok(trimmed)
}

/// The definition as typed, secrets read from stdin; `base` the one being edited.
fn input(
    name: String,
    original: Option<String>,
    a: &DefinitionArgs,
    base: Option<&quay_app::vpos::DefinitionView>,
) -> quay_app::Result<DefinitionInput> {
    let pick = |given: &Option<String>, old: Option<&String>| given.clone().or_else(|| old.cloned());
    let kind = pick(&a.kind, base.map(|b| &b.kind))
        .ok_or_else(|| AppError::new("err-vpos-field-missing", vec![("field", Arg::Text("kind".into()))]))?;
    let k = quay_app::vpos::Kind::parse(&kind)
        .ok_or_else(|| AppError::new("err-vpos-field", vec![("field", Arg::Text("kind".into())), ("value", Arg::Text(kind.clone()))]))?;
    let mut fields = BTreeMap::new();
    // Secrets are read from stdin in the order their flags were typed.
    let argv: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    let typed_at = |flag: &str| argv.iter().position(|x| x == flag || x.starts_with(&format!("{flag}="))).unwrap_or(usize::MAX);
    let mut secrets: Vec<_> = k.fields().iter().filter(|f| f.secret && a.field(f.name).is_some()).collect();
    secrets.sort_by_key(|f| typed_at(f.flag));
    for f in secrets {
        match a.field(f.name).map(String::as_str) {
            Some("-") => {
                fields.insert(f.name.to_string(), stdin_line(f.flag)?.to_string());
            }
            // A secret on the command line would be in the shell's history and `ps`.
            _ => return Err(AppError::new("err-vpos-secret-stdin", vec![("flag", Arg::Text(f.flag.into()))])),
        }
    }
    for f in k.fields() {
        let given = a.field(f.name);
        if f.secret {
            continue;
        } else {
            let old =
                base.and_then(|b| b.fields.iter().find(|x| x.name == f.name && base.is_some_and(|b| b.kind == kind)).map(|x| &x.value));
            if let Some(v) = given.or(old) {
                fields.insert(f.name.to_string(), v.clone());
            }
        }
    }
    Ok(DefinitionInput {
        original_name: original,
        name,
        kind,
        mode: pick(&a.mode, base.map(|b| &b.mode)).unwrap_or_else(|| "test".into()),
        api_url: pick(&a.url, base.map(|b| &b.api_url)).unwrap_or_default(),
        gate_url: pick(&a.gate_url, base.and_then(|b| b.gate_url.as_ref())),
        currency: pick(&a.currency, base.map(|b| &b.currency)).unwrap_or_default(),
        three_d: pick(&a.three_d, base.map(|b| &b.three_d)).unwrap_or_else(|| "optional".into()),
        static_ip: pick(&a.static_ip, base.and_then(|b| b.static_ip.as_ref())),
        fields,
    })
}

fn payment_line(ctx: &Ctx, p: &VposPaymentView) -> String {
    [
        p.at.clone(),
        p.order_id.clone().unwrap_or_else(|| "—".into()),
        p.definition.clone(),
        ctx.t(&format!("vpos-kind-{}", p.kind), &[]),
        ctx.t(&format!("vpos-state-{}", p.state), &[]),
        p.amount.text.clone(),
        p.code.clone().map(|c| format!("\"{c}\"")).unwrap_or_else(|| "—".into()),
        p.message.clone(),
        p.masked_pan.clone().unwrap_or_else(|| "—".into()),
        p.reference.clone(),
        p.taken_by.clone().unwrap_or_default(),
    ]
    .join("\t")
}

fn day_text(ctx: &Ctx, d: &VposDayView) -> String {
    let mut out = ctx.t(
        "vpos-day-heading",
        &[
            ("name", Arg::Text(d.name.clone())),
            ("source", Arg::Text(ctx.t(&format!("vpos-source-{}", d.source), &[]))),
            ("matched", Arg::Int(d.totals.matched as i64)),
            ("problems", Arg::Int(d.totals.problems as i64)),
        ],
    );
    out.push('\n');
    for r in &d.rows {
        let status = serde_json::to_value(r.status).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        out.push_str(
            &[
                r.order_id.clone(),
                ctx.t(&format!("vpos-status-{}", status.replace('_', "-")), &[]),
                r.counter_amount.as_ref().map_or("—".into(), |m| m.text.clone()),
                r.bank_amount.as_ref().map_or("—".into(), |m| m.text.clone()),
                r.hand.as_ref().map_or(String::new(), |h| format!("{} ({})", h.reason, h.who)),
            ]
            .join("\t"),
        );
        out.push('\n');
    }
    out.push_str(&ctx.t(
        "vpos-day-totals",
        &[
            ("counter", Arg::Text(d.totals.counter_net.text.clone())),
            ("bank", Arg::Text(d.totals.bank_net.text.clone())),
            ("difference", Arg::Text(d.totals.difference.text.clone())),
        ],
    ));
    out.push('\n');
    out
}

pub fn run(ctx: &Ctx, cmd: VposCmd) -> quay_app::Result<String> {
    let c = &ctx.counter;
    match cmd {
        VposCmd::Add { name, def } => {
            let who = ctx.who()?;
            // Permission first: nothing is read from stdin for someone who may not configure.
            c.vpos_definitions(&who)?;
            let d = c.vpos_save(&who, &input(name, None, &def, None)?)?;
            Ok(ctx.t("vpos-saved", &[("name", Arg::Text(d.name))]) + "\n")
        }
        VposCmd::Edit { name, rename, def } => {
            let who = ctx.who()?;
            let all = c.vpos_definitions(&who)?;
            let base = all
                .iter()
                .find(|d| d.name == name)
                .ok_or_else(|| AppError::new("err-vpos-not-found", vec![("name", Arg::Text(name.clone()))]))?;
            let d = c.vpos_save(&who, &input(rename.unwrap_or_else(|| name.clone()), Some(name.clone()), &def, Some(base))?)?;
            Ok(ctx.t("vpos-saved", &[("name", Arg::Text(d.name))]) + "\n")
        }
        VposCmd::List { json } => {
            let all = c.vpos_definitions(&ctx.who()?)?;
            if json {
                return pretty(&all);
            }
            let mut out = String::new();
            for d in all {
                let fields: Vec<String> = d.fields.iter().map(|f| format!("{}={}", f.name, f.value)).collect();
                out.push_str(
                    &[
                        d.name,
                        d.kind,
                        d.mode,
                        d.currency,
                        d.three_d,
                        d.static_ip.unwrap_or_else(|| "—".into()),
                        d.api_url,
                        fields.join(" "),
                    ]
                    .join("\t"),
                );
                out.push('\n');
            }
            Ok(out)
        }
        VposCmd::Remove { name } => {
            c.vpos_remove(&ctx.who()?, &name)?;
            Ok(ctx.t("vpos-removed", &[("name", Arg::Text(name))]) + "\n")
        }
        VposCmd::Moto { name, pay } => {
            let who = ctx.who()?;
            // Permission first: the card is read only for someone who may take it.
            c.vpos_choices(&who)?;
            let number = stdin_line("number")?;
            let expiry = stdin_line("expiry")?;
            let cvv = stdin_line("cvv")?;
            let (purpose, json) = pay.purpose();
            let p = c.vpos_moto(&who, None, MotoInput { name, purpose, card: CardInput { number, expiry, cvv } })?;
            if json {
                return pretty(&p);
            }
            Ok(payment_line(ctx, &p) + "\n")
        }
        VposCmd::Link { name, pay } => {
            let who = ctx.who()?;
            let (purpose, json) = pay.purpose();
            let lang = ctx.lang;
            let i18n = c.i18n();
            let on_link = move |l: &quay_app::vpos::LinkView| {
                if json {
                    println!("{}", serde_json::json!({"order_id": l.order_id, "url": l.url, "expires_at": l.expires_at}));
                } else {
                    println!(
                        "{}",
                        i18n.t(lang, "vpos-link-open", &[("url", Arg::Text(l.url.clone())), ("order", Arg::Text(l.order_id.clone()))])
                    );
                }
            };
            let p = c.vpos_link(&who, None, LinkInput { name, purpose }, &on_link)?;
            if json {
                return pretty(&p);
            }
            Ok(payment_line(ctx, &p) + "\n")
        }
        VposCmd::Log { date, json } => {
            let d = day(c, date.as_deref())?;
            let rows = c.vpos_log(&ctx.who()?, Some(d))?;
            if json {
                return pretty(&rows);
            }
            Ok(rows.iter().map(|p| payment_line(ctx, p) + "\n").collect())
        }
        VposCmd::Cancel { order_id, json } => {
            let p = c.vpos_cancel(&ctx.who()?, &order_id)?;
            if json {
                return pretty(&p);
            }
            Ok(payment_line(ctx, &p) + "\n")
        }
        VposCmd::Resolve { json } => {
            let rows = c.vpos_resolve(&ctx.who()?)?;
            if json {
                return pretty(&rows);
            }
            if rows.is_empty() {
                return Ok(ctx.t("vpos-nothing-open", &[]) + "\n");
            }
            Ok(rows.iter().map(|p| payment_line(ctx, p) + "\n").collect())
        }
        VposCmd::Dayend { date, json } => {
            let d = day(c, date.as_deref())?;
            let s = c.vpos_dayend(&ctx.who()?, d)?;
            if json {
                return pretty(&s);
            }
            Ok(s.definitions.iter().map(|d| day_text(ctx, d)).collect())
        }
        VposCmd::Fetch { name, date, json } => {
            let d = day(c, date.as_deref())?;
            let v = c.vpos_dayend_fetch(&ctx.who()?, d, &name)?;
            if json {
                return pretty(&v);
            }
            Ok(day_text(ctx, &v))
        }
        VposCmd::Import { name, file, date, preset, json } => {
            let d = day(c, date.as_deref())?;
            let who = ctx.who()?;
            let bytes = std::fs::read(&file).map_err(|e| AppError::io(&file, e))?;
            let v = c.vpos_dayend_import(&who, d, &name, &bytes, preset.as_deref())?;
            if json {
                return pretty(&v);
            }
            Ok(day_text(ctx, &v))
        }
        VposCmd::Hand { name, order_id, reason, date } => {
            let d = day(c, date.as_deref())?;
            let v = c.vpos_dayend_hand(&ctx.who()?, d, &name, &order_id, &reason)?;
            Ok(day_text(ctx, &v))
        }
    }
}
