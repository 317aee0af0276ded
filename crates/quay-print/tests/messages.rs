//! Every `PrintError` is said in every language, with its arguments filled in.

use quay_core::error::Localized;
use quay_i18n::{Lang, Localizer};
use quay_print::{AddressProblem, PrintError};

fn every_error() -> Vec<PrintError> {
    use AddressProblem::*;
    let mut all: Vec<PrintError> = [Empty, Scheme, Host, Port, Path, Baud, Option]
        .into_iter()
        .map(|problem| PrintError::Address { text: "tcp://bar:99999".into(), problem })
        .collect();
    all.extend([
        PrintError::Offline,
        PrintError::PaperOut,
        PrintError::CoverOpen,
        PrintError::StatusUnknown { answer: Some(0xFF) },
        PrintError::StatusUnknown { answer: None },
        PrintError::NoStatus,
        PrintError::TooWide { width: 600, max: 576 },
        PrintError::Io { detail: "Broken pipe (os error 32)".into() },
        PrintError::Unconfirmed { cause: Box::new(PrintError::PaperOut) },
    ]);
    all
}

#[test]
fn every_print_error_formats_in_every_language() {
    let loc = Localizer::new().unwrap();
    for lang in Lang::ALL {
        for e in every_error() {
            let text = loc.try_format(lang, e.code(), &e.args()).unwrap_or_else(|err| panic!("{lang}: {e:?}: {err}"));
            assert!(!text.contains("print-address-") && !text.contains("err-print-"), "{lang}: {text}");
            for (_, arg) in e.args() {
                if let quay_core::error::Arg::Text(t) = arg {
                    assert!(text.contains(&t), "{lang}: {text} lost {t}");
                }
            }
            if lang != Lang::En {
                assert_ne!(text, loc.t(Lang::En, e.code(), &e.args()), "{lang}: {} untranslated", e.code());
            }
        }
    }
}

#[test]
fn an_unconfirmed_job_says_its_cause_first() {
    let loc = Localizer::new().unwrap();
    let e = PrintError::Unconfirmed { cause: Box::new(PrintError::CoverOpen) };
    let text = loc.error(Lang::En, &e);
    assert!(text.starts_with("The printer's cover is open."), "{text}");
    assert!(text.contains("may have printed"), "{text}");
}
