//! `quay staff …` (technicians) and `quay audit verify`.

use clap::{Subcommand, ValueEnum};
use quay_core::auth::Role;

use super::{read_secret_stdin, Ctx};
use crate::shared::pretty;

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum RoleArg {
    Cashier,
    Manager,
    Technician,
}

impl From<RoleArg> for Role {
    fn from(r: RoleArg) -> Role {
        match r {
            RoleArg::Cashier => Role::Cashier,
            RoleArg::Manager => Role::Manager,
            RoleArg::Technician => Role::Technician,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum StaffCmd {
    /// Adds a member; the new PIN (4–8 digits) is read from stdin. The first member of a
    /// counter must be a technician and needs no PIN; after that, a technician's.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long, value_enum)]
        role: RoleArg,
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

pub fn run(ctx: &Ctx, cmd: StaffCmd) -> quay_app::Result<String> {
    let line = |m: &quay_app::StaffMember| format!("{}\t{}\t{}\n", m.id, m.name, m.role.as_str());
    match cmd {
        StaffCmd::Add { name, role } => {
            let who = ctx.who()?;
            let new_pin = read_secret_stdin()?;
            Ok(line(&ctx.counter.add_staff(&who, &name, role.into(), &new_pin)?))
        }
        StaffCmd::List { json } => {
            let list = ctx.counter.staff_list(&ctx.who()?)?;
            if json {
                return pretty(&list);
            }
            Ok(list.iter().map(line).collect())
        }
    }
}

pub fn audit(ctx: &Ctx, cmd: AuditCmd) -> quay_app::Result<String> {
    match cmd {
        AuditCmd::Verify => {
            let n = ctx.counter.audit_verify(&ctx.who()?)?;
            Ok(ctx.t("audit-verified", &[("count", (n as i64).into())]))
        }
    }
}
