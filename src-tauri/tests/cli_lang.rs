//! The command line speaks the technician's language: every label comes from Fluent
//! (locales/*/cli.ftl), while values, keys and the English lines scripts parse stay put.

use crate::common;

use common::*;

#[test]
fn a_vietnamese_technician_reads_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let vi = |args: &[&str]| ok(d, &[&["--lang", "vi"], args].concat());

    let check = vi(&["db", "check"]);
    assert!(check.starts_with("toàn vẹn dữ liệu: ok\nphiên bản lược đồ: "), "{check}");
    assert!(!check.contains("integrity") && !check.contains("schema version"), "{check}");

    let menu = vi(&["menu", "import", DEMO]);
    assert!(menu.contains("52 món") && menu.contains("danh mục") && !menu.contains("items"), "{menu}");

    let sync = vi(&["sync", "status"]);
    assert_eq!(sync, "đang chờ gửi: 0\ncũ nhất: -\n");

    ok(d, &["sales", "ring", "i-phobo", "--pay", "cash"]);
    let totals = vi(&["dayend", "totals"]);
    let labels: Vec<_> = totals.lines().map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(labels[..6], ["đơn bán", "đơn hủy", "hoàn tiền", "bị từ chối", "thực thu", "tiền mặt dự kiến"], "{totals}");
    // The tender stays a key, in the same column; the amount is said the Vietnamese way.
    assert!(totals.contains("hình thức cash\t1\t65.000"), "{totals}");
    assert!(!totals.contains("sales") && !totals.contains("cash expected"), "{totals}");
}

/// The English lines are what scripts and older tests parse: byte for byte as before.
#[test]
fn english_lines_are_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let check = ok(d, &["db", "check"]);
    assert!(check.starts_with("integrity: ok\nschema version: ") && check.contains("\njournal: wal\nsales: 0\n"), "{check}");
    assert!(ok(d, &["menu", "import", DEMO]).starts_with("menu v1 imported: 52 items, 6 categories, hash "));
    assert_eq!(ok(d, &["sync", "status"]), "pending: 0\noldest: -\n");
    ok(d, &["sales", "ring", "i-phobo", "--pay", "cash"]);
    let totals = ok(d, &["dayend", "totals"]);
    let want =
        "sales\t1\t₫65,000\nvoids\t0\t₫0\nrefunds\t0\t₫0\ndeclined\t0\nnet\t₫65,000\ncash expected\t₫65,000\ntender cash\t1\t₫65,000\n";
    assert_eq!(totals, want);
}
