//! One background worker per counter: the data directory's background lock (who holds it,
//! released on drop, never the database file), and the retry schedule of background loops
//! (any failure backs off, capped, reset by a success; a vanished data directory does not
//! make a loop spin).

use std::time::Duration;

use quay_app::background::{self, Retry, STORAGE_CAP};
use quay_app::Counter;

#[test]
fn a_second_worker_learns_who_holds_the_lock_and_gets_it_once_released() {
    let dir = tempfile::tempdir().unwrap();
    let first_counter = Counter::open(dir.path()).unwrap();
    let second_counter = Counter::open(dir.path()).unwrap();

    let first = background::try_take(first_counter.data_dir(), "sync run").unwrap().expect("free at first");
    assert_eq!(first.path(), dir.path().join(background::LOCK_FILE));
    let holder = background::try_take(second_counter.data_dir(), "window").unwrap().expect_err("held by the first");
    assert_eq!(holder.pid, Some(std::process::id()));
    assert_eq!(holder.what, "sync run");
    let e = holder.error();
    assert_eq!(e.code, "err-background-busy");
    let said = second_counter.i18n().error(quay_i18n::Lang::En, &e);
    assert!(said.contains("quay sync run") && said.contains(&std::process::id().to_string()), "{said}");
    // Asking again while held changes nothing for the holder.
    assert!(background::try_take(dir.path(), "window").unwrap().is_err());

    drop(first);
    let second = background::try_take(second_counter.data_dir(), "window").unwrap().expect("free once dropped");
    let holder = background::try_take(dir.path(), "sync run").unwrap().expect_err("held by the second");
    assert_eq!(holder.what, "window");
    drop(second);

    // The database is still fine for both.
    assert_eq!(first_counter.sync_status().unwrap().pending, 0);
    assert_eq!(second_counter.sync_status().unwrap().pending, 0);
}

#[cfg(unix)]
#[test]
fn the_lock_file_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let lock = background::try_take(dir.path(), "window").unwrap().unwrap();
    assert_eq!(std::fs::metadata(lock.path()).unwrap().permissions().mode() & 0o777, 0o600);
}

#[test]
fn waiting_says_who_holds_it_once_then_gets_it() {
    let dir = tempfile::tempdir().unwrap();
    let first = background::try_take(dir.path(), "window").unwrap().unwrap();
    let path = dir.path().to_path_buf();
    let waiter = std::thread::spawn(move || {
        let mut told = Vec::new();
        let lock = background::take_waiting(&path, "sync run", |h| told.push(h.clone())).unwrap();
        drop(lock);
        told
    });
    std::thread::sleep(Duration::from_millis(1200));
    drop(first);
    let told = waiter.join().unwrap();
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0].what, "window");
}

#[test]
fn a_removed_data_directory_is_an_error_not_a_lock() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("gone");
    assert_eq!(background::try_take(&gone, "sync run").unwrap_err().code, "err-io");
}

#[test]
fn every_failure_backs_off_up_to_the_cap_and_a_success_resets() {
    let mut r = Retry::new(STORAGE_CAP);
    assert!(!r.failing());
    let waits: Vec<Duration> = (0..10).map(|_| r.failed(1.0)).collect();
    assert_eq!(waits[0], Duration::from_secs(2));
    assert!(waits.windows(2).all(|w| w[0] <= w[1]), "{waits:?}");
    assert_eq!(*waits.last().unwrap(), STORAGE_CAP);
    // Never a tight loop, whatever the jitter.
    assert!((0..50).all(|_| r.failed(0.0) >= Duration::from_millis(200)));
    assert!(r.failing());
    r.succeeded();
    assert_eq!(r.failures(), 0);
    assert_eq!(r.failed(1.0), Duration::from_secs(2));
}

/// A loop failing on every attempt (its data directory removed) for half an hour of
/// simulated time: the schedule leaves it a few dozen attempts, not a spin.
#[test]
fn a_loop_that_always_fails_does_not_spin() {
    let window = Duration::from_secs(30 * 60);
    for draw in [0.25, 0.5, 0.99] {
        let mut r = Retry::new(STORAGE_CAP);
        let (mut t, mut attempts) = (Duration::ZERO, 0u32);
        while t < window {
            attempts += 1;
            t += r.failed(draw);
        }
        let bound = window.as_secs_f64() / (STORAGE_CAP.as_secs_f64() * draw) + 10.0;
        assert!(f64::from(attempts) <= bound, "draw {draw}: {attempts} attempts in 30 min (bound {bound})");
    }
}

/// The background sync against a counter whose data directory was removed: it keeps
/// running (no panic, no busy loop on SQLite) and is stopped cleanly.
#[tokio::test]
async fn the_sync_loop_survives_a_removed_data_directory() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("counter");
    let counter = std::sync::Arc::new(Counter::open(&data).unwrap());
    std::fs::remove_dir_all(&data).unwrap();
    let task = tokio::spawn(quay_app::sync::run(counter));
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(!task.is_finished());
    task.abort();
}
