//! Quay's languages. Every string a person reads — on screen, in an error, on the command
//! line, on a receipt — comes from `locales/<lang>/*.ftl` through Fluent. Money and dates
//! are formatted here with ICU4X (Fluent's own NUMBER() has no grouping or currency) and
//! handed to messages as text.
//!
//! The Rust side formats without Unicode isolation marks: its text goes to terminals,
//! JSON and files. Text that is drawn by a bidi algorithm — the PDFs (quay-pdf reorders
//! by the marks and draws none) and report views for the window — asks for them
//! ([`Localizer::t_isolated`]). The window uses @fluent/bundle in the webview with
//! isolation on, reading the same files.

mod format;

use std::collections::HashMap;
use std::fmt;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use quay_core::error::{Arg, Localized};
use serde::{Deserialize, Serialize};

pub use format::{DateOrder, Formatter};

/// The counter's languages. English is the reference every other locale must match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[serde(rename = "en")]
    En,
    #[serde(rename = "vi")]
    Vi,
    #[serde(rename = "ar")]
    Ar,
    #[serde(rename = "el")]
    El,
    #[serde(rename = "zh-CN")]
    ZhCn,
}

impl Lang {
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Vi, Lang::Ar, Lang::El, Lang::ZhCn];

    /// The BCP 47 tag, which is also the folder name under `locales/`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Vi => "vi",
            Lang::Ar => "ar",
            Lang::El => "el",
            Lang::ZhCn => "zh-CN",
        }
    }

    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    pub fn dir(self) -> &'static str {
        if self.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// Accepts a tag as people and systems write it: "vi", "vi-VN", "zh_CN", "ar-EG".
    pub fn parse(tag: &str) -> Option<Lang> {
        let t = tag.trim().replace('_', "-").to_ascii_lowercase();
        let primary = t.split('-').next().unwrap_or("");
        match primary {
            "en" => Some(Lang::En),
            "vi" => Some(Lang::Vi),
            "ar" => Some(Lang::Ar),
            "el" => Some(Lang::El),
            "zh" => Some(Lang::ZhCn),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

macro_rules! sources {
    ($($lang:expr => $dir:literal),* $(,)?) => {
        /// Every .ftl file, compiled in so the binary needs nothing beside it.
        pub const SOURCES: &[(Lang, &str, &str)] = &[
            $(
                ($lang, "ui.ftl", include_str!(concat!("../../../locales/", $dir, "/ui.ftl"))),
                ($lang, "errors.ftl", include_str!(concat!("../../../locales/", $dir, "/errors.ftl"))),
                ($lang, "receipt.ftl", include_str!(concat!("../../../locales/", $dir, "/receipt.ftl"))),
                ($lang, "dayend.ftl", include_str!(concat!("../../../locales/", $dir, "/dayend.ftl"))),
                ($lang, "setup.ftl", include_str!(concat!("../../../locales/", $dir, "/setup.ftl"))),
                ($lang, "cli.ftl", include_str!(concat!("../../../locales/", $dir, "/cli.ftl"))),
                ($lang, "wallet.ftl", include_str!(concat!("../../../locales/", $dir, "/wallet.ftl"))),
                ($lang, "display.ftl", include_str!(concat!("../../../locales/", $dir, "/display.ftl"))),
                ($lang, "alipay.ftl", include_str!(concat!("../../../locales/", $dir, "/alipay.ftl"))),
                ($lang, "coupons.ftl", include_str!(concat!("../../../locales/", $dir, "/coupons.ftl"))),
                ($lang, "smartstore.ftl", include_str!(concat!("../../../locales/", $dir, "/smartstore.ftl"))),
                ($lang, "nhanh.ftl", include_str!(concat!("../../../locales/", $dir, "/nhanh.ftl"))),
                ($lang, "nhanh-errors.ftl", include_str!(concat!("../../../locales/", $dir, "/nhanh-errors.ftl"))),
                ($lang, "online.ftl", include_str!(concat!("../../../locales/", $dir, "/online.ftl"))),
                ($lang, "vpos.ftl", include_str!(concat!("../../../locales/", $dir, "/vpos.ftl"))),
                ($lang, "vpos-errors.ftl", include_str!(concat!("../../../locales/", $dir, "/vpos-errors.ftl"))),
                ($lang, "vpos-app.ftl", include_str!(concat!("../../../locales/", $dir, "/vpos-app.ftl"))),
                ($lang, "connections-ui.ftl", include_str!(concat!("../../../locales/", $dir, "/connections-ui.ftl"))),
                ($lang, "connections.ftl", include_str!(concat!("../../../locales/", $dir, "/connections.ftl"))),
                ($lang, "print.ftl", include_str!(concat!("../../../locales/", $dir, "/print.ftl"))),
                ($lang, "print-errors.ftl", include_str!(concat!("../../../locales/", $dir, "/print-errors.ftl"))),
                ($lang, "printing-ui.ftl", include_str!(concat!("../../../locales/", $dir, "/printing-ui.ftl"))),
            )*
        ];
    };
}

sources!(Lang::En => "en", Lang::Vi => "vi", Lang::Ar => "ar", Lang::El => "el", Lang::ZhCn => "zh-CN");

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum I18nError {
    #[error("{lang}/{file}: syntax: {detail}")]
    Syntax { lang: Lang, file: &'static str, detail: String },
    #[error("{lang}: no message {id}")]
    Missing { lang: Lang, id: String },
    #[error("{lang}: {id}: {detail}")]
    Format { lang: Lang, id: String, detail: String },
}

type Bundle = FluentBundle<FluentResource>;

/// All bundles and formatters, built once at start-up and shared (Send + Sync).
pub struct Localizer {
    bundles: HashMap<Lang, Bundle>,
    /// The same messages with each inserted value isolated (U+2068 … U+2069), for
    /// documents that mix directions (an Arabic PDF): quay-pdf reorders by the marks and
    /// draws none of them.
    isolating: HashMap<Lang, Bundle>,
    formatters: HashMap<Lang, Formatter>,
}

fn bundles(isolate: bool) -> Result<HashMap<Lang, Bundle>, I18nError> {
    let mut bundles = HashMap::new();
    for lang in Lang::ALL {
        let id: unic_langid::LanguageIdentifier = lang.tag().parse().expect("our tags parse");
        let mut b = FluentBundle::new_concurrent(vec![id]);
        b.set_use_isolating(isolate);
        for (_, file, src) in SOURCES.iter().filter(|s| s.0 == lang) {
            let res =
                FluentResource::try_new(src.to_string()).map_err(|(_, e)| I18nError::Syntax { lang, file, detail: format!("{e:?}") })?;
            b.add_resource(res).map_err(|e| I18nError::Syntax { lang, file, detail: format!("{e:?}") })?;
        }
        bundles.insert(lang, b);
    }
    Ok(bundles)
}

impl Localizer {
    pub fn new() -> Result<Localizer, I18nError> {
        let formatters = Lang::ALL.iter().map(|&l| (l, Formatter::new(l))).collect();
        Ok(Localizer { bundles: bundles(false)?, isolating: bundles(true)?, formatters })
    }

    pub fn formatter(&self, lang: Lang) -> &Formatter {
        &self.formatters[&lang]
    }

    /// Formats message `id` in `lang`, or says exactly why it cannot.
    pub fn try_format(&self, lang: Lang, id: &str, args: &[(&str, Arg)]) -> Result<String, I18nError> {
        self.format_with(&self.bundles, lang, id, args)
    }

    fn format_with(&self, bundles: &HashMap<Lang, Bundle>, lang: Lang, id: &str, args: &[(&str, Arg)]) -> Result<String, I18nError> {
        let bundle = &bundles[&lang];
        let pattern = bundle.get_message(id).and_then(|m| m.value()).ok_or_else(|| I18nError::Missing { lang, id: id.to_string() })?;
        let fargs = self.fluent_args(lang, args);
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned();
        if !errors.is_empty() {
            return Err(I18nError::Format { lang, id: id.to_string(), detail: format!("{errors:?}") });
        }
        Ok(text)
    }

    /// Formats message `id`, falling back to English and then to the id itself, so a
    /// missing translation never hides an error from the cashier. (Tests make sure every
    /// message formats in every language; this is the belt to those braces.)
    pub fn t(&self, lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
        self.try_format(lang, id, args).or_else(|_| self.try_format(Lang::En, id, args)).unwrap_or_else(|_| id.to_string())
    }

    /// As [`Localizer::t`], with each inserted value isolated by first-strong isolates
    /// (U+2068 … U+2069), as the window's Fluent does: a date, an address or a code keeps
    /// its own direction inside a right-to-left sentence. For text that is drawn with a
    /// bidi algorithm (the window, quay-pdf), never for terminals, JSON or files.
    pub fn t_isolated(&self, lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
        self.format_with(&self.isolating, lang, id, args)
            .or_else(|_| self.format_with(&self.isolating, Lang::En, id, args))
            .unwrap_or_else(|_| id.to_string())
    }

    /// The localized text of any error of Quay.
    pub fn error(&self, lang: Lang, e: &dyn Localized) -> String {
        self.t(lang, e.code(), &e.args())
    }

    fn fluent_args<'a>(&self, lang: Lang, args: &'a [(&str, Arg)]) -> FluentArgs<'a> {
        let mut f = FluentArgs::new();
        for (k, v) in args {
            let value: FluentValue = match v {
                Arg::Text(s) => FluentValue::from(s.as_str()),
                Arg::Int(i) => FluentValue::from(*i),
                Arg::Money(m) => FluentValue::from(self.formatter(lang).money(*m)),
                // Said in the same language first, then placed as text.
                Arg::Message(id, inner) => FluentValue::from(self.t(lang, id, inner)),
                // The menu's name in this language where it has one.
                Arg::Name { name, names } => {
                    FluentValue::from(names.get(lang.tag()).map(String::as_str).filter(|n| !n.trim().is_empty()).unwrap_or(name.as_str()))
                }
            };
            f.set(*k, value);
        }
        f
    }

    /// Message ids of the English reference, for the completeness tests.
    pub fn ids(&self, lang: Lang) -> Vec<String> {
        let mut ids = Vec::new();
        for (_, _, src) in SOURCES.iter().filter(|s| s.0 == lang) {
            let res = fluent_syntax::parser::parse(*src).unwrap_or_else(|(r, _)| r);
            for entry in res.body {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    ids.push(m.id.name.to_string());
                }
            }
        }
        ids
    }
}

#[cfg(test)]
mod tests;

/// The window shares one Localizer across threads.
#[allow(dead_code)]
const _: () = {
    fn send_sync<T: Send + Sync>() {}
    fn check() {
        send_sync::<Localizer>();
    }
};
