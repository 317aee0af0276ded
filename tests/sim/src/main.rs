//! `quay-sim`: the partners of a counter, simulated on loopback with their real wire
//! formats, so tests and `make run` need no account anywhere. For now it serves the hub's
//! menu (hub-api.md, "Menu"); the hub's signing, sales and vouchers, Viva and the ZVT
//! terminal join it with their issues.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use clap::Parser;
use quay_core::menu::MenuSnapshot;
use serde_json::json;

#[derive(Parser, Debug)]
#[command(name = "quay-sim", about = "Simulated partners of a Quay counter, on loopback")]
struct Args {
    /// Port on 127.0.0.1 (0 picks a free one; the address is printed on stdout).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// The hub's menu: a snapshot file in the hub's format.
    #[arg(long, conflicts_with = "items")]
    menu: Option<PathBuf>,
    /// Serve a generated menu of this many items instead (benchmarks, load tests).
    #[arg(long)]
    items: Option<usize>,
    /// Base path of the hub API.
    #[arg(long, default_value = "/api/v1")]
    base: String,
}

struct Hub {
    menu: MenuSnapshot,
    body: String,
}

fn etag(version: u64) -> String {
    format!("\"{version}\"")
}

async fn get_menu(State(hub): State<Arc<Hub>>, headers: HeaderMap) -> Response {
    let tag = etag(hub.menu.version);
    let fresh = headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()).is_some_and(|v| v.split(',').any(|t| t.trim() == tag));
    if fresh {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, tag)]).into_response();
    }
    (StatusCode::OK, [(header::ETAG, tag), (header::CONTENT_TYPE, "application/json; charset=utf-8".to_string())], hub.body.clone()).into_response()
}

async fn get_ping(State(hub): State<Arc<Hub>>) -> Json<serde_json::Value> {
    Json(json!({
        "server_time": chrono_now(),
        "pos_parent": "SANDBOX",
        "pos_id": "SANDBOX-01",
        "point_name": "Quay sandbox café",
        "menu_version": hub.menu.version,
        "partners": [{"partner": "momo", "status": "connected"}, {"partner": "giftpop", "status": "connected"}],
    }))
}

fn chrono_now() -> String {
    // RFC 3339 in UTC without pulling a date crate into the simulator.
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let days = secs / 86_400;
    let (h, m, s) = ((secs % 86_400) / 3_600, (secs % 3_600) / 60, secs % 60);
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let mo = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(mo <= 2);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{m:02}:{s:02}Z")
}

#[tokio::main]
async fn main() {
    let _ = tracing_subscriber::fmt().with_writer(std::io::stderr).try_init();
    let args = Args::parse();
    let menu = match (&args.menu, args.items) {
        (_, Some(n)) => quay_core::synth::menu(n, 1),
        (Some(path), None) => {
            let bytes = std::fs::read(path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
            MenuSnapshot::from_json(&bytes).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())))
        }
        (None, None) => fail("give --menu FILE or --items N"),
    };
    let body = serde_json::to_string(&menu).expect("menus serialize");
    let hub = Arc::new(Hub { menu, body });
    let base = args.base.trim_end_matches('/').to_string();
    let app = Router::new()
        .route(&format!("{base}/menu"), get(get_menu))
        .route(&format!("{base}/ping"), get(get_ping))
        .with_state(hub);
    let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], args.port))).await.unwrap_or_else(|e| fail(&e.to_string()));
    let addr = listener.local_addr().expect("bound");
    println!("hub: http://{addr}{base}");
    axum::serve(listener, app).await.unwrap_or_else(|e| fail(&e.to_string()));
}

fn fail(msg: &str) -> ! {
    eprintln!("quay-sim: {msg}");
    std::process::exit(1)
}
