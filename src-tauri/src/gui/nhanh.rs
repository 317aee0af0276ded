//! Nhanh.vn at the counter: the technician's "Connect Nhanh" form and status, the product
//! sync (its progress as `progress` events of kind `nhanh-products`), and the cashier's
//! Online orders screen. Calls may wait on Nhanh: all run on the blocking pool (`call`).

use quay_app::nhanh::{Guide, NhanhStatus, OnlineOrder, OrderAct, ProductSync};
use quay_app::views::CartView;
use quay_app::AppError;
use tauri::State;

use super::{call, Reply, Shared};

#[tauri::command]
pub async fn nhanh_status(c: State<'_, Shared>) -> Reply<NhanhStatus> {
    call(&c, move |c, who| c.nhanh_status(who)).await
}

#[tauri::command]
pub async fn nhanh_guide(c: State<'_, Shared>) -> Reply<Guide> {
    call(&c, move |c, who| c.nhanh_guide(who)).await
}

/// Exchanges the merchant's one-time access code for the business's token.
#[tauri::command]
pub async fn nhanh_connect(c: State<'_, Shared>, access_code: String) -> Reply<NhanhStatus> {
    call(&c, move |c, who| c.nhanh_connect(who, Some(&access_code))).await
}

#[tauri::command]
pub async fn nhanh_disconnect(c: State<'_, Shared>) -> Reply<NhanhStatus> {
    call(&c, move |c, who| c.nhanh_disconnect(who)).await
}

#[tauri::command]
pub async fn nhanh_sync_products(c: State<'_, Shared>) -> Reply<ProductSync> {
    call(&c, move |c, who| c.nhanh_sync_products(who)).await
}

/// The online orders: open ones, or `all` that are kept.
#[tauri::command]
pub async fn nhanh_orders(c: State<'_, Shared>, all: bool) -> Reply<Vec<OnlineOrder>> {
    call(&c, move |c, who| c.nhanh_orders(who, all)).await
}

/// `act`: `confirm`, `prepare`, `done` or `cancel`.
#[tauri::command]
pub async fn nhanh_order_act(c: State<'_, Shared>, id: i64, act: String) -> Reply<OnlineOrder> {
    call(&c, move |c, who| {
        let act = OrderAct::parse(&act).ok_or_else(|| {
            AppError::new("err-nhanh-order-act", vec![("id", id.into()), ("act", act.as_str().into()), ("stage", "".into())])
        })?;
        c.nhanh_order_act(who, id, act)
    })
    .await
}

/// Rings an online order into the (empty) cart, paid at pickup.
#[tauri::command]
pub async fn nhanh_order_ring(c: State<'_, Shared>, id: i64) -> Reply<CartView> {
    call(&c, move |c, who| {
        c.nhanh_order_ring(&c.checkout, who, id)?;
        c.cart_view(&c.checkout, who)
    })
    .await
}

/// The sale's customer by mobile number (empty: none).
#[tauri::command]
pub async fn cart_customer(c: State<'_, Shared>, mobile: Option<String>) -> Reply<CartView> {
    call(&c, move |c, who| {
        c.cart_customer(&c.checkout, who, mobile.as_deref())?;
        c.cart_view(&c.checkout, who)
    })
    .await
}

/// Opens Nhanh's grant page (the guide's link) in the system's browser: the merchant signs
/// in to Nhanh there and comes back with the access code. The window shows the link too,
/// for a counter without a browser.
#[tauri::command]
pub async fn nhanh_open_oauth(c: State<'_, Shared>) -> Reply<String> {
    call(&c, move |c, who| {
        let url = c
            .nhanh_guide(who)?
            .oauth_url
            .ok_or_else(|| AppError::new("err-nhanh-not-configured", vec![("missing", "nhanh.app_id, nhanh.redirect_url".into())]))?;
        open_in_browser(&url)?;
        Ok(url)
    })
    .await
}

/// The desktop's own opener; the URL is one argument, never a shell string.
fn open_in_browser(url: &str) -> quay_app::Result<()> {
    let opener = if cfg!(target_os = "macos") { "open" } else { "xdg-open" };
    let mut cmd = if cfg!(windows) {
        let mut c = std::process::Command::new("rundll32");
        c.args(["url.dll,FileProtocolHandler", url]);
        c
    } else {
        let mut c = std::process::Command::new(opener);
        c.arg(url);
        c
    };
    cmd.spawn().map(|_| ()).map_err(|e| AppError::new("err-nhanh-open-browser", vec![("detail", e.to_string().into())]))
}
