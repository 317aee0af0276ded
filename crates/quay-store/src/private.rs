//! The data directory is private to the OS user running the counter: it holds sales, staff
//! with their PIN hashes, the audit and the secrets key. Directories are 0700 and files
//! 0600 — created so, and tightened at start when an older version (or a copy) left them
//! readable by others.

use std::io;
use std::path::Path;

#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};

/// Creates `dir` (and missing parents) as 0700. An existing directory is left as it is:
/// it may be anybody's (`--data-dir /tmp`); `tighten_data_dir` decides what is ours.
pub fn ensure_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    b.mode(0o700);
    b.create(dir)
}

/// What the counter keeps in its data directory: the database with its WAL and shm, the
/// secrets key, backups, and the `reports` folder.
fn ours(name: &str) -> bool {
    name.starts_with("quay.db") || name == "secret.key" || name.ends_with(".quaybak")
}

/// Makes a data directory private: itself 0700, the counter's own files 0600 and its
/// `reports` folder 0700/0600 throughout. Nothing else in it is touched, and a shared
/// directory (sticky, like /tmp) keeps its mode.
pub fn tighten_data_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    if std::fs::metadata(dir)?.permissions().mode() & 0o1000 == 0 {
        set_mode(dir, 0o700)?;
    }
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let done = if kind.is_dir() && name == "reports" {
            tighten_tree(&entry.path())
        } else if kind.is_file() && ours(&name) {
            set_mode(&entry.path(), 0o600)
        } else {
            Ok(())
        };
        gone_is_fine(done)?;
    }
    Ok(())
}

/// Another process of the counter may remove a file while we look (SQLite deletes the WAL
/// when its last connection closes): what is gone needs no tightening.
fn gone_is_fine(r: io::Result<()>) -> io::Result<()> {
    match r {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        r => r,
    }
}

/// Writes `bytes` to a new or existing file that only the owner can read.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    opts.mode(0o600);
    let mut f = opts.open(path)?;
    // An existing file keeps its mode through open(): tighten it before writing.
    set_mode(path, 0o600)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Creates an empty 0600 file if none exists (SQLite then gives its WAL and shared-memory
/// files the database file's mode). An existing file is never opened here: closing any
/// descriptor of a database drops every POSIX lock this process holds on it, and another
/// connection of this process may be holding them (that corrupts the database).
pub fn touch(path: &Path) -> io::Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    opts.mode(0o600);
    match opts.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// Every directory under `dir` (itself included) 0700 and every file 0600. Symbolic links
/// are left alone (not followed: they may point anywhere).
fn tighten_tree(dir: &Path) -> io::Result<()> {
    set_mode(dir, 0o700)?;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        gone_is_fine(if kind.is_dir() {
            tighten_tree(&entry.path())
        } else if kind.is_file() {
            set_mode(&entry.path(), 0o600)
        } else {
            Ok(())
        })?;
    }
    Ok(())
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    let now = std::fs::metadata(path)?.permissions().mode() & 0o777;
    if now != mode {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u32) -> io::Result<()> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn new_things_are_private_and_old_ones_are_tightened() {
        let t = tempfile::tempdir().unwrap();
        let dir = t.path().join("a/b");
        ensure_dir(&dir).unwrap();
        assert_eq!(mode(&dir), 0o700);
        write(&dir.join("r.pdf"), b"x").unwrap();
        assert_eq!(mode(&dir.join("r.pdf")), 0o600);
        touch(&dir.join("quay.db")).unwrap();
        assert_eq!(mode(&dir.join("quay.db")), 0o600);

        let open = t.path().join("open");
        std::fs::create_dir_all(open.join("reports/2026")).unwrap();
        for (p, m) in [(open.clone(), 0o755), (open.join("reports"), 0o777)] {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(m)).unwrap();
        }
        for f in ["quay.db", "quay.db-wal", "secret.key", "reports/day.csv", "reports/2026/x.pdf", "notes.txt"] {
            std::fs::write(open.join(f), b"").unwrap();
            std::fs::set_permissions(open.join(f), std::fs::Permissions::from_mode(0o644)).unwrap();
        }
        // An existing world-readable file rewritten by `write` is tightened too.
        write(&open.join("reports/day.csv"), b"y").unwrap();
        assert_eq!(mode(&open.join("reports/day.csv")), 0o600);
        std::fs::set_permissions(open.join("reports/day.csv"), std::fs::Permissions::from_mode(0o666)).unwrap();
        tighten_data_dir(&open).unwrap();
        assert_eq!(mode(&open), 0o700);
        assert_eq!(mode(&open.join("reports")), 0o700);
        assert_eq!(mode(&open.join("reports/2026")), 0o700);
        for f in ["quay.db", "quay.db-wal", "secret.key", "reports/day.csv", "reports/2026/x.pdf"] {
            assert_eq!(mode(&open.join(f)), 0o600, "{f}");
        }
        // Not the counter's: left alone.
        assert_eq!(mode(&open.join("notes.txt")), 0o644);
    }

    #[test]
    fn a_shared_directory_keeps_its_mode() {
        let t = tempfile::tempdir().unwrap();
        std::fs::set_permissions(t.path(), std::fs::Permissions::from_mode(0o1777)).unwrap();
        ensure_dir(t.path()).unwrap();
        tighten_data_dir(t.path()).unwrap();
        assert_eq!(std::fs::metadata(t.path()).unwrap().permissions().mode() & 0o7777, 0o1777);
    }
}
