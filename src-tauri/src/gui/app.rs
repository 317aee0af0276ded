//! The app itself and who is at it: info, language, sign-in, staff. Only what the
//! sign-in screen and the header need runs without anyone signed in.

use quay_app::staff::SessionView;
use quay_app::{AppError, Counter};
use quay_core::auth::Role;
use quay_i18n::Lang;
use serde::Serialize;
use tauri::State;

use super::{call, reply, Reply, Shared};

#[derive(Debug, Serialize)]
pub struct AppInfo {
    lang: &'static str,
    dir: &'static str,
    langs: Vec<&'static str>,
    counter_id: String,
    currency: String,
    decimals: u32,
    version: &'static str,
}

fn info(c: &Counter) -> AppInfo {
    let lang = c.lang();
    AppInfo {
        lang: lang.tag(),
        dir: lang.dir(),
        langs: Lang::ALL.iter().map(|l| l.tag()).collect(),
        counter_id: c.config().counter_id.clone(),
        currency: c.config().currency.code().to_string(),
        decimals: c.config().currency.exponent(),
        version: env!("CARGO_PKG_VERSION"),
    }
}

#[tauri::command]
pub async fn app_info(c: State<'_, Shared>) -> Reply<AppInfo> {
    Ok(info(&c))
}

#[tauri::command]
pub async fn set_locale(c: State<'_, Shared>, tag: String) -> Reply<AppInfo> {
    let set = Lang::parse(&tag).ok_or_else(|| AppError::new("err-bad-locale", vec![("tag", tag.as_str().into())]));
    reply(&c, set.and_then(|lang| c.set_lang(lang)).map(|()| info(&c)))
}

#[tauri::command]
pub async fn session(c: State<'_, Shared>) -> Reply<SessionView> {
    reply(&c, c.session_view(&c.checkout))
}

#[tauri::command]
pub async fn sign_in(c: State<'_, Shared>, pin: String) -> Reply<SessionView> {
    // argon2 takes tens of milliseconds per member: off the async workers.
    let worker = c.inner().clone();
    let job = tauri::async_runtime::spawn_blocking(move || worker.sign_in(&worker.checkout, &pin));
    reply(&c, job.await.map_err(AppError::internal).and_then(|r| r))
}

#[tauri::command]
pub async fn sign_out(c: State<'_, Shared>) -> Reply<SessionView> {
    c.sign_out(&c.checkout);
    reply(&c, c.session_view(&c.checkout))
}

/// Adds a staff member: the first technician of a counter in setup, or by a signed-in
/// technician.
#[tauri::command]
pub async fn staff_add(c: State<'_, Shared>, name: String, role: Role, pin: String) -> Reply<SessionView> {
    call(&c, move |c, who| {
        c.add_staff(who, &name, role, &pin)?;
        c.session_view(&c.checkout)
    })
    .await
}
