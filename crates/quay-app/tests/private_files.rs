//! The data directory is private: the database (with its WAL), the secrets key, reports and
//! backups are 0600 in a 0700 directory — when created, and after an older version left them
//! world-readable (tightened when the counter opens).
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use quay_app::ring::{parse_line, Pay};
use quay_app::Counter;

const DEMO: &[u8] = include_bytes!("../../../assets/demo-menu.json");

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// Every directory and file under `dir` with its mode, for a readable failure.
fn modes(dir: &Path) -> Vec<(String, u32)> {
    let mut out = vec![(dir.display().to_string(), mode(dir))];
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(modes(&p));
        } else {
            out.push((p.display().to_string(), mode(&p)));
        }
    }
    out
}

fn assert_private(dir: &Path) {
    let all = modes(dir);
    let open: Vec<String> = all
        .iter()
        .filter(|(p, m)| if Path::new(p).is_dir() { *m != 0o700 } else { *m != 0o600 })
        .map(|(p, m)| format!("{p}: {m:o}"))
        .collect();
    assert!(open.is_empty(), "not private: {open:?}");
}

#[test]
fn a_new_counter_and_everything_it_writes_is_private() {
    let t = tempfile::tempdir().unwrap();
    let data = t.path().join("counter");
    let c = Counter::open(&data).unwrap();
    c.import_menu(&quay_app::Who::Setup, DEMO).unwrap();
    c.ring(&quay_app::Who::Setup, &[parse_line("i-phobo").unwrap()], &Pay::Cash(None)).unwrap();
    let reports = data.join("reports");
    quay_app::files::private_dir(&reports).unwrap();
    quay_app::files::write_private(&reports.join("day.csv"), c.day_report_csv(&quay_app::Who::Setup, c.today()).unwrap().as_bytes())
        .unwrap();
    c.backup(&quay_app::Who::Setup, "a long enough passphrase", &data.join("counter.quaybak")).unwrap();
    assert!(data.join("quay.db-wal").exists(), "the WAL is open while the counter is");
    assert_private(&data);
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("quay.db")), 0o600);
    assert_eq!(mode(&data.join("quay.db-wal")), 0o600);
}

#[test]
fn what_an_older_version_left_readable_is_tightened_at_start() {
    let t = tempfile::tempdir().unwrap();
    let data = t.path().join("counter");
    {
        let c = Counter::open(&data).unwrap();
        c.import_menu(&quay_app::Who::Setup, DEMO).unwrap();
        std::fs::create_dir_all(data.join("reports")).unwrap();
        std::fs::write(data.join("reports/day-2026-11-22.pdf"), b"%PDF").unwrap();
    }
    for (p, _) in modes(&data) {
        let open = if Path::new(&p).is_dir() { 0o755 } else { 0o644 };
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(open)).unwrap();
    }
    let c = Counter::open(&data).unwrap();
    assert_private(&data);
    // The counter still works on the tightened files.
    c.ring(&quay_app::Who::Setup, &[parse_line("i-phobo").unwrap()], &Pay::Cash(None)).unwrap();
    assert_private(&data);
}
