//! Where a printer is, as the settings `printer.receipt` / `printer.kitchen.<station>`
//! write it: `tcp://host:9100`, `serial:/dev/ttyUSB0?baud=19200`, `usb:/dev/usb/lp0`,
//! `file:/path` (tests). Pure: parsing resolves no name and opens nothing.

use std::fmt;
use std::net::Ipv6Addr;

use crate::error::{AddressProblem, PrintError};

/// The raw ESC/POS port of network printers (§7).
pub const DEFAULT_TCP_PORT: u16 = 9100;
/// Most receipt printers leave the factory at 9600 baud.
pub const DEFAULT_BAUD: u32 = 9600;
/// The rates printers' DIP switches offer; anything else is a typo.
pub const STANDARD_BAUDS: [u32; 8] = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200];

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Address {
    /// `host` is a name, an IPv4 address or an IPv6 address without brackets.
    Tcp {
        host: String,
        port: u16,
    },
    Serial {
        path: String,
        baud: u32,
    },
    /// A USB printer class device (`/dev/usb/lp0`): write-only here, no status.
    Usb {
        path: String,
    },
    /// A file the job's bytes are appended to (tests, the sandbox).
    File {
        path: String,
    },
}

impl Address {
    pub fn parse(text: &str) -> Result<Address, PrintError> {
        let fail = |problem| PrintError::Address { text: text.to_string(), problem };
        let t = text.trim();
        if t.is_empty() {
            return Err(fail(AddressProblem::Empty));
        }
        let (scheme, rest) = t.split_once(':').ok_or(fail(AddressProblem::Scheme))?;
        match scheme.to_ascii_lowercase().as_str() {
            "tcp" => {
                let rest = rest.strip_prefix("//").ok_or(fail(AddressProblem::Host))?;
                let (host, port) = split_host_port(rest).map_err(fail)?;
                Ok(Address::Tcp { host, port })
            }
            "serial" => {
                let (path, query) = match rest.split_once('?') {
                    Some((p, q)) => (p, Some(q)),
                    None => (rest, None),
                };
                let baud = match query {
                    None => DEFAULT_BAUD,
                    Some(q) => {
                        let value = q.strip_prefix("baud=").ok_or(fail(AddressProblem::Option))?;
                        let baud = value.parse::<u32>().map_err(|_| fail(AddressProblem::Baud))?;
                        if !STANDARD_BAUDS.contains(&baud) {
                            return Err(fail(AddressProblem::Baud));
                        }
                        baud
                    }
                };
                Ok(Address::Serial { path: path_of(path).map_err(fail)?, baud })
            }
            "usb" => Ok(Address::Usb { path: path_of(rest).map_err(fail)? }),
            "file" => Ok(Address::File { path: path_of(rest).map_err(fail)? }),
            _ => Err(fail(AddressProblem::Scheme)),
        }
    }

    /// Whether the transport can ask `DLE EOT` (a USB device file and a plain file cannot).
    pub fn reports_status(&self) -> bool {
        matches!(self, Address::Tcp { .. } | Address::Serial { .. })
    }
}

/// A path is taken as written; `?` (serial's options) and spaces are not part of one.
fn path_of(p: &str) -> Result<String, AddressProblem> {
    if p.is_empty() || p.chars().any(|c| c.is_whitespace() || c == '?' || c.is_control()) {
        return Err(AddressProblem::Path);
    }
    Ok(p.to_string())
}

fn split_host_port(rest: &str) -> Result<(String, u16), AddressProblem> {
    let (host, port) = if let Some(v6) = rest.strip_prefix('[') {
        let (h, after) = v6.split_once(']').ok_or(AddressProblem::Host)?;
        h.parse::<Ipv6Addr>().map_err(|_| AddressProblem::Host)?;
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':').ok_or(AddressProblem::Port)?),
        };
        (h, port)
    } else {
        match rest.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (rest, None),
        }
    };
    // A name or an IPv4 address: letters, digits, dots, dashes, underscores; no path,
    // user or query.
    let name_ok = |h: &str| !h.is_empty() && h.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if !rest.starts_with('[') && !name_ok(host) {
        return Err(AddressProblem::Host);
    }
    let port = match port {
        None => DEFAULT_TCP_PORT,
        Some(p) => match p.parse::<u16>() {
            Ok(n) if n > 0 && p.chars().all(|c| c.is_ascii_digit()) => n,
            _ => return Err(AddressProblem::Port),
        },
    };
    Ok((host.to_string(), port))
}

/// The canonical form: port and baud always written, so a technician sees what is used.
impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Address::Tcp { host, port } if host.contains(':') => write!(f, "tcp://[{host}]:{port}"),
            Address::Tcp { host, port } => write!(f, "tcp://{host}:{port}"),
            Address::Serial { path, baud } => write!(f, "serial:{path}?baud={baud}"),
            Address::Usb { path } => write!(f, "usb:{path}"),
            Address::File { path } => write!(f, "file:{path}"),
        }
    }
}

impl std::str::FromStr for Address {
    type Err = PrintError;
    fn from_str(s: &str) -> Result<Address, PrintError> {
        Address::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tcp(host: &str, port: u16) -> Address {
        Address::Tcp { host: host.into(), port }
    }

    #[test]
    fn parses_every_kind() {
        let cases = [
            ("tcp://10.0.0.5:9100", tcp("10.0.0.5", 9100), "tcp://10.0.0.5:9100"),
            ("tcp://kitchen-printer.local", tcp("kitchen-printer.local", 9100), "tcp://kitchen-printer.local:9100"),
            ("  TCP://bar:9101 ", tcp("bar", 9101), "tcp://bar:9101"),
            ("tcp://[fe80::1]:9100", tcp("fe80::1", 9100), "tcp://[fe80::1]:9100"),
            ("tcp://[::1]", tcp("::1", 9100), "tcp://[::1]:9100"),
            (
                "serial:/dev/ttyUSB0?baud=19200",
                Address::Serial { path: "/dev/ttyUSB0".into(), baud: 19200 },
                "serial:/dev/ttyUSB0?baud=19200",
            ),
            ("serial:/dev/ttyS0", Address::Serial { path: "/dev/ttyS0".into(), baud: 9600 }, "serial:/dev/ttyS0?baud=9600"),
            ("serial:COM3?baud=115200", Address::Serial { path: "COM3".into(), baud: 115200 }, "serial:COM3?baud=115200"),
            ("usb:/dev/usb/lp0", Address::Usb { path: "/dev/usb/lp0".into() }, "usb:/dev/usb/lp0"),
            ("file:/tmp/prints/receipt.bin", Address::File { path: "/tmp/prints/receipt.bin".into() }, "file:/tmp/prints/receipt.bin"),
        ];
        for (text, want, shown) in cases {
            let a = Address::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(a, want, "{text}");
            assert_eq!(a.to_string(), shown, "{text}");
            assert_eq!(Address::parse(&a.to_string()).unwrap(), a, "{text} round trip");
        }
    }

    #[test]
    fn refuses_malformed_addresses() {
        use AddressProblem::*;
        let cases = [
            ("", Empty),
            ("   ", Empty),
            ("10.0.0.5:9100", Scheme),
            ("http://10.0.0.5", Scheme),
            ("printer", Scheme),
            ("tcp:10.0.0.5", Host),
            ("tcp://", Host),
            ("tcp://:9100", Host),
            ("tcp://host/path", Host),
            ("tcp://user@host", Host),
            ("tcp://[::1", Host),
            ("tcp://[nope]:9100", Host),
            ("tcp://host:", Port),
            ("tcp://host:0", Port),
            ("tcp://host:65536", Port),
            ("tcp://host:+91", Port),
            ("tcp://[::1]9100", Port),
            ("serial:/dev/ttyUSB0?baud=9601", Baud),
            ("serial:/dev/ttyUSB0?baud=fast", Baud),
            ("serial:/dev/ttyUSB0?parity=even", Option),
            ("serial:?baud=9600", Path),
            ("usb:", Path),
            ("usb:/dev/usb/lp 0", Path),
            ("file:", Path),
        ];
        for (text, problem) in cases {
            assert_eq!(Address::parse(text), Err(PrintError::Address { text: text.into(), problem }), "{text:?}");
        }
    }

    #[test]
    fn only_network_and_serial_printers_report_status() {
        assert!(Address::parse("tcp://p").unwrap().reports_status());
        assert!(Address::parse("serial:/dev/ttyS0").unwrap().reports_status());
        assert!(!Address::parse("usb:/dev/usb/lp0").unwrap().reports_status());
        assert!(!Address::parse("file:/tmp/x").unwrap().reports_status());
    }
}
