//! The process's one tokio runtime. The window hands it to Tauri
//! (`tauri::async_runtime::set`), the command line runs its async work on it, and the
//! synchronous use cases that wait on a partner (the hub, Viva) block on it — instead of
//! each building a runtime of its own.

use std::future::Future;
use std::sync::OnceLock;

use tokio::runtime::{Handle, Runtime};

/// The runtime, built on first use: two workers (a counter has few cores and little
/// concurrent async work), timers and I/O.
pub fn runtime() -> &'static Runtime {
    static RUNTIME: OnceLock<Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("quay-rt")
            .enable_all()
            .build()
            .expect("the process's tokio runtime")
    })
}

/// Runs `f` to completion from synchronous code. Called from a thread of a runtime (a
/// blocking task, a test's runtime), it waits on a scoped thread of its own, so no
/// runtime's worker ever blocks on itself.
pub fn block_on<F>(f: F) -> F::Output
where
    F: Future + Send,
    F::Output: Send,
{
    if Handle::try_current().is_ok() {
        std::thread::scope(|s| s.spawn(|| runtime().block_on(f)).join().expect("a blocking wait on the runtime"))
    } else {
        runtime().block_on(f)
    }
}

/// `block_on` for a future that cannot move to another thread (it borrows a caller's
/// callback). Only from a thread that drives no async task — a blocking task, a face's
/// worker thread, a test's thread — as every terminal call is.
pub fn block_on_here<F: Future>(f: F) -> F::Output {
    runtime().block_on(f)
}
