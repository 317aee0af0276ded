//! The hub: what waits for it, and "sync now". The sync is the counter's own work (the
//! background worker does it with nobody signed in), so it asks no one — as on the
//! command line.

use quay_app::views::{MenuStatusView, SyncView};
use tauri::State;

use super::{reply, Reply, Shared};

#[tauri::command]
pub async fn sync_view(c: State<'_, Shared>) -> Reply<SyncView> {
    reply(&c, c.sync_view())
}

/// "Sync now": the menu, then the waiting sales. Progress arrives as events.
#[tauri::command]
pub async fn sync_now(c: State<'_, Shared>) -> Reply<SyncView> {
    let synced = async {
        c.sync_menu().await?;
        c.push_outbox().await?;
        c.sync_view()
    };
    let result = synced.await;
    reply(&c, result)
}

#[tauri::command]
pub async fn menu_status(c: State<'_, Shared>) -> Reply<MenuStatusView> {
    let result = c.menu_status_view().await;
    reply(&c, result)
}
