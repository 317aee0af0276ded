//! Files the counter writes (reports, receipts, backups): readable by the counter's OS user
//! only, like the data directory they usually live in (see quay-store `private`).

use std::path::Path;

use crate::{AppError, Result};

/// Writes `bytes` to `path` as 0600.
pub fn write_private(path: &Path, bytes: impl AsRef<[u8]>) -> Result<()> {
    quay_store::private::write(path, bytes.as_ref()).map_err(|e| AppError::io(path, e))
}

/// Creates `dir` as 0700 if it is missing.
pub fn private_dir(dir: &Path) -> Result<()> {
    quay_store::private::ensure_dir(dir).map_err(|e| AppError::io(dir, e))
}
