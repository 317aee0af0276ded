//! One binary, two faces: with no subcommand `quay` opens the counter window; with one it
//! works headless for technicians, managers and scripts. Both call quay-app only.

// No console window beside the app on Windows release builds.
#![cfg_attr(all(not(debug_assertions), target_os = "windows"), windows_subsystem = "windows")]

mod cli;
mod gui;
mod shared;

use clap::Parser;

/// mimalloc keeps freed memory for reuse instead of handing it back to the kernel by
/// glibc's size heuristics, so a large piece of work (a day's reconciliation, a menu
/// sync) costs the same whether it is the first or the tenth: see docs/PERFORMANCE.md.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args = cli::Args::parse();
    let code = match args.command {
        None => gui::run(args.data_dir()),
        Some(_) => cli::run(args),
    };
    std::process::exit(code);
}
