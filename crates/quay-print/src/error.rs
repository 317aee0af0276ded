//! `PrintError`: why a printer did not take a job, as a Fluent id (`err-print-*`, in
//! `locales/*/print-errors.ftl`) and its arguments. No variant names the printer: the
//! caller knows it by its settings name ("Kitchen printer") and says it beside the message.

use quay_core::error::{Arg, Localized};

/// Why a printer address does not parse; said inside `err-print-address` in the reader's
/// language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressProblem {
    /// Empty setting.
    Empty,
    /// Not `tcp://`, `serial:`, `usb:` or `file:`.
    Scheme,
    /// `tcp://` without a usable host name or IP address.
    Host,
    /// A port that is not a number from 1 to 65535.
    Port,
    /// A device or file path that is empty or holds spaces.
    Path,
    /// A serial speed that is not one of the standard rates.
    Baud,
    /// Something after the address that is not `?baud=` on a serial line.
    Option,
}

impl AddressProblem {
    pub fn code(self) -> &'static str {
        match self {
            AddressProblem::Empty => "print-address-empty",
            AddressProblem::Scheme => "print-address-scheme",
            AddressProblem::Host => "print-address-host",
            AddressProblem::Port => "print-address-port",
            AddressProblem::Path => "print-address-path",
            AddressProblem::Baud => "print-address-baud",
            AddressProblem::Option => "print-address-option",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrintError {
    #[error("{text:?} is not a printer address ({problem:?})")]
    Address { text: String, problem: AddressProblem },
    /// Unreachable (connection refused, timed out, no such device) or reporting itself
    /// offline: the job stays queued.
    #[error("the printer is offline or cannot be reached")]
    Offline,
    #[error("the printer is out of paper")]
    PaperOut,
    #[error("the printer's cover is open")]
    CoverOpen,
    /// A status answer without the fixed bits (`Some`), or none in time (`None`): the
    /// contract says hold the job.
    #[error("the printer's status is unknown (answer {answer:?})")]
    StatusUnknown { answer: Option<u8> },
    /// The transport cannot ask (a USB printer device): nothing is known either way.
    #[error("this printer connection cannot report a status")]
    NoStatus,
    /// A bitmap wider than the paper's printable dots.
    #[error("image {width} dots wide, the printer prints at most {max}")]
    TooWide { width: u32, max: u32 },
    #[error("printer I/O failed: {detail}")]
    Io { detail: String },
    /// The failure came after bytes of the job went out: the printer may have printed it,
    /// in part or in full. The job stays queued; a resend of a kitchen ticket is a reprint.
    #[error("job sent but not confirmed: {cause}")]
    Unconfirmed { cause: Box<PrintError> },
}

impl PrintError {
    pub(crate) fn io(e: &std::io::Error) -> PrintError {
        PrintError::Io { detail: e.to_string() }
    }

    /// The printer may have printed the job (bytes went out before the failure).
    pub fn may_have_printed(&self) -> bool {
        matches!(self, PrintError::Unconfirmed { .. })
    }

    /// What went wrong, past the "sent but not confirmed" wrapper.
    pub fn cause(&self) -> &PrintError {
        match self {
            PrintError::Unconfirmed { cause } => cause.cause(),
            e => e,
        }
    }
}

impl Localized for PrintError {
    fn code(&self) -> &'static str {
        match self {
            PrintError::Address { .. } => "err-print-address",
            PrintError::Offline => "err-print-offline",
            PrintError::PaperOut => "err-print-paper-out",
            PrintError::CoverOpen => "err-print-cover-open",
            PrintError::StatusUnknown { answer: Some(_) } => "err-print-status-unknown",
            PrintError::StatusUnknown { answer: None } => "err-print-status-silent",
            PrintError::NoStatus => "err-print-no-status",
            PrintError::TooWide { .. } => "err-print-too-wide",
            PrintError::Io { .. } => "err-print-io",
            PrintError::Unconfirmed { .. } => "err-print-unconfirmed",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            PrintError::Address { text, problem } => {
                vec![("address", Arg::Text(text.clone())), ("problem", Arg::Message(problem.code(), vec![]))]
            }
            PrintError::Offline | PrintError::PaperOut | PrintError::CoverOpen | PrintError::NoStatus => vec![],
            PrintError::StatusUnknown { answer } => match answer {
                Some(b) => vec![("answer", Arg::Text(format!("0x{b:02X}")))],
                None => vec![],
            },
            PrintError::TooWide { width, max } => vec![("width", Arg::Int(*width as i64)), ("max", Arg::Int(*max as i64))],
            PrintError::Io { detail } => vec![("detail", Arg::Text(detail.clone()))],
            PrintError::Unconfirmed { cause } => vec![("cause", Arg::Message(cause.code(), cause.args()))],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unconfirmed_says_its_cause_inside() {
        let e = PrintError::Unconfirmed { cause: Box::new(PrintError::PaperOut) };
        assert!(e.may_have_printed());
        assert_eq!(e.cause(), &PrintError::PaperOut);
        assert_eq!(e.code(), "err-print-unconfirmed");
        assert_eq!(e.args(), vec![("cause", Arg::Message("err-print-paper-out", vec![]))]);
        assert!(!PrintError::PaperOut.may_have_printed());
    }

    #[test]
    fn status_answers_are_said_in_hex() {
        assert_eq!(PrintError::StatusUnknown { answer: Some(0xFF) }.args(), vec![("answer", Arg::Text("0xFF".into()))]);
        assert_eq!(PrintError::StatusUnknown { answer: None }.code(), "err-print-status-silent");
    }
}
