//! Named pause points for the crash tests. With `QUAY_PAUSE_AT=<name>` in its environment
//! the process stops at that point of the payment journal, says so on stderr
//! (`QUAY-PAUSED <name>`) and waits to be killed: a test can then SIGKILL it in an exact
//! state instead of at a lucky instant. Unset (always, in a shop), a point is one
//! comparison against a value read once.

use std::io::Write;
use std::sync::OnceLock;

static PAUSE_AT: OnceLock<Option<String>> = OnceLock::new();

/// Pauses forever if `name` is the configured pause point.
pub fn pause(name: &str) {
    let at = PAUSE_AT.get_or_init(|| std::env::var("QUAY_PAUSE_AT").ok().filter(|v| !v.is_empty()));
    if at.as_deref() == Some(name) {
        tracing::warn!(point = name, "paused for a crash test");
        let mut err = std::io::stderr();
        let _ = writeln!(err, "QUAY-PAUSED {name}");
        let _ = err.flush();
        loop {
            std::thread::sleep(std::time::Duration::from_secs(3600));
        }
    }
}
