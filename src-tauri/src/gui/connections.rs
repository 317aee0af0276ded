//! The technician's partner connection records (seed 000): the steps, the deployment
//! note, the proof and the month-end list.

use quay_app::connections::{ConnectionsView, NoteView, PointsExport, ProofView, RecordStep};
use tauri::State;

use super::{call, reply, Reply, Shared};

#[tauri::command]
pub async fn connections_view(c: State<'_, Shared>) -> Reply<ConnectionsView> {
    call(&c, move |c, who| c.connections_view(who)).await
}

/// Records the next step; `connected` runs the partner's connection test first.
#[tauri::command]
pub async fn connection_record(c: State<'_, Shared>, partner: String, step: String, request: RecordStep) -> Reply<ConnectionsView> {
    let result = async {
        let who = c.session_who(&c.checkout)?;
        c.record_connection_step(&who, &partner, &step, request).await
    };
    let result = result.await;
    reply(&c, result)
}

/// The deployment note as text, its PDF written under `reports/`.
#[tauri::command]
pub async fn connection_note(c: State<'_, Shared>, partner: String) -> Reply<NoteView> {
    call(&c, move |c, who| c.save_connection_note(who, &partner)).await
}

/// The proof of a connection, written under `reports/` and shown.
#[tauri::command]
pub async fn connection_proof(c: State<'_, Shared>, partner: String) -> Reply<ProofView> {
    call(&c, move |c, who| c.save_connection_proof(who, &partner)).await
}

/// The month's list of connected points, written as .xlsx and CSV under `reports/`.
#[tauri::command]
pub async fn connection_points(c: State<'_, Shared>, month: String) -> Reply<PointsExport> {
    let result = async {
        let who = c.session_who(&c.checkout)?;
        c.export_connection_points(&who, &month).await
    };
    let result = result.await;
    reply(&c, result)
}
