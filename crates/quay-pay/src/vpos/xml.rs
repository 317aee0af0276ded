//! XML both families share: a writer into a zeroized buffer (card data goes through it) that
//! emits pure ASCII — anything else as a character reference — so the ISO-8859-9 declaration
//! is true without re-encoding (and without copies of the body); and a small tree reader
//! that honours the answer's declared encoding (ISO-8859-9 → windows-1254, its superset).

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};
use quick_xml::events::Event;
use quick_xml::Reader;
use zeroize::Zeroizing;

use super::VposError;

pub const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"ISO-8859-9\"?>\n";

/// Builds a request element by element; the buffer is wiped when dropped.
pub struct XmlWriter {
    buf: Zeroizing<String>,
}

impl XmlWriter {
    pub fn new(root: &str) -> XmlWriter {
        // Sized for a whole request so that pushing never reallocates (a reallocation would
        // leave an unwiped copy of what was written so far).
        let mut buf = Zeroizing::new(String::with_capacity(4096));
        buf.push_str(DECLARATION);
        let mut w = XmlWriter { buf };
        w.open(root);
        w
    }

    pub fn open(&mut self, name: &str) -> &mut Self {
        self.reserve(name.len() + 2);
        self.buf.push('<');
        self.buf.push_str(name);
        self.buf.push('>');
        self
    }

    pub fn close(&mut self, name: &str) -> &mut Self {
        self.reserve(name.len() + 3);
        self.buf.push_str("</");
        self.buf.push_str(name);
        self.buf.push('>');
        self
    }

    /// `<name>value</name>`, value escaped; empty value → `<name></name>`.
    pub fn leaf(&mut self, name: &str, value: &str) -> &mut Self {
        self.open(name);
        self.reserve(value.len() * 8);
        for c in value.chars() {
            match c {
                '&' => self.buf.push_str("&amp;"),
                '<' => self.buf.push_str("&lt;"),
                '>' => self.buf.push_str("&gt;"),
                '"' => self.buf.push_str("&quot;"),
                '\'' => self.buf.push_str("&apos;"),
                c if c.is_ascii() && (c >= ' ' || c == '\t' || c == '\n' || c == '\r') => self.buf.push(c),
                c if c.is_ascii() => {} // other control characters are not XML
                c => {
                    let r = format!("&#{};", c as u32);
                    self.buf.push_str(&r);
                }
            }
        }
        self.close(name)
    }

    fn reserve(&mut self, extra: usize) {
        if self.buf.capacity() - self.buf.len() < extra {
            // Grow into a new zeroized buffer ourselves: String's own growth would free the old
            // allocation without wiping it.
            let mut bigger = Zeroizing::new(String::with_capacity((self.buf.len() + extra) * 2));
            bigger.push_str(&self.buf);
            self.buf = bigger;
        }
    }

    /// The finished document (root closed by the caller).
    pub fn finish(self) -> Zeroizing<String> {
        self.buf
    }
}

/// An element with its text and children (attributes are not used by these banks).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Node {
    pub name: String,
    pub text: String,
    pub children: Vec<Node>,
}

impl Node {
    pub fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Follows `A/B/C` from this node.
    pub fn path(&self, path: &str) -> Option<&Node> {
        path.split('/').try_fold(self, |n, part| n.child(part))
    }

    /// The trimmed text at `path`, None when absent or empty.
    pub fn text_at(&self, path: &str) -> Option<String> {
        self.path(path).map(|n| n.text.trim().to_string()).filter(|t| !t.is_empty())
    }

    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }
}

/// The encoding named in `<?xml … encoding="…"?>`, else UTF-8.
fn declared_encoding(bytes: &[u8]) -> &'static Encoding {
    let head = &bytes[..bytes.len().min(200)];
    let head = String::from_utf8_lossy(head);
    if let Some(decl) = head.strip_prefix('\u{feff}').unwrap_or(&head).trim_start().strip_prefix("<?xml") {
        let decl = decl.split("?>").next().unwrap_or("");
        if let Some(rest) = decl.split("encoding").nth(1) {
            let value: String =
                rest.trim_start().trim_start_matches('=').trim_start().chars().skip(1).take_while(|c| *c != '"' && *c != '\'').collect();
            if let Some(e) = Encoding::for_label(value.trim().as_bytes()) {
                return e;
            }
        }
    }
    UTF_8
}

/// Decodes a body by its declaration (ISO-8859-9 answers carry Turkish text).
pub fn decode_body(bytes: &[u8]) -> Result<Cow<'_, str>, VposError> {
    let enc = declared_encoding(bytes);
    let (text, _, had_errors) = enc.decode(bytes);
    if had_errors {
        return Err(VposError::decode(format!("not valid {}", enc.name())));
    }
    Ok(text)
}

/// Parses a whole document into its root node.
pub fn parse(bytes: &[u8]) -> Result<Node, VposError> {
    let text = decode_body(bytes)?;
    parse_str(&text)
}

pub fn parse_str(text: &str) -> Result<Node, VposError> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Node> = Vec::new();
    let mut root: Option<Node> = None;
    let err = |e: &dyn std::fmt::Display| VposError::decode(format!("XML: {e}"));
    loop {
        match reader.read_event().map_err(|e| err(&e))? {
            Event::Start(e) => stack.push(Node { name: e.name().as_ref().to_string(), ..Node::default() }),
            Event::Empty(e) => {
                let node = Node { name: e.name().as_ref().to_string(), ..Node::default() };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => root = Some(node),
                }
            }
            Event::End(_) => {
                let node = stack.pop().ok_or_else(|| VposError::decode("XML: unbalanced"))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => root = Some(node),
                }
            }
            Event::Text(t) => {
                if let Some(n) = stack.last_mut() {
                    n.text.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some(n) = stack.last_mut() {
                    n.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().map_err(|e| err(&e))? {
                    Some(c) => c,
                    None => match r.xml10_content().as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => return Err(VposError::decode(format!("XML: unknown entity &{other};"))),
                    },
                };
                if let Some(n) = stack.last_mut() {
                    n.text.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !stack.is_empty() {
        return Err(VposError::decode("XML: truncated"));
    }
    root.ok_or_else(|| VposError::decode("XML: no element"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writer_escapes_and_stays_ascii() {
        let mut w = XmlWriter::new("R");
        w.leaf("A", "a&b<c>\"'").leaf("B", "İşlem").leaf("C", "").close("R");
        let s = w.finish();
        assert_eq!(s.as_str(), format!("{DECLARATION}<R><A>a&amp;b&lt;c&gt;&quot;&apos;</A><B>&#304;&#351;lem</B><C></C></R>"));
        assert!(s.is_ascii());
        let back = parse_str(&s).unwrap();
        assert_eq!(back.text_at("A").unwrap(), "a&b<c>\"'");
        assert_eq!(back.text_at("B").unwrap(), "İşlem");
        assert_eq!(back.text_at("C"), None);
    }

    #[test]
    fn writer_grows_without_losing_text() {
        let mut w = XmlWriter::new("R");
        let long = "x".repeat(10_000);
        w.leaf("A", &long).close("R");
        assert!(w.finish().contains(&long));
    }

    #[test]
    fn reads_iso_8859_9() {
        // "İşlem onaylanmadı" in ISO-8859-9: İ = 0xDD, ş = 0xFE, ı = 0xFD.
        let mut body = b"<?xml version=\"1.0\" encoding=\"ISO-8859-9\"?><R><M>".to_vec();
        body.extend_from_slice(b"\xDD\xFElem onaylanmad\xFD");
        body.extend_from_slice(b"</M><E/></R>");
        let n = parse(&body).unwrap();
        assert_eq!(n.text_at("M").unwrap(), "İşlem onaylanmadı");
        assert!(n.child("E").is_some());
        // Without a declaration: UTF-8.
        assert_eq!(parse("<R><M>İşlem</M></R>".as_bytes()).unwrap().text_at("M").unwrap(), "İşlem");
        // The same bytes declared UTF-8 are refused rather than misread.
        let bad = [b"<?xml version='1.0' encoding='UTF-8'?><R><M>".as_slice(), b"\xDD", b"</M></R>"].concat();
        assert!(parse(&bad).is_err());
    }

    #[test]
    fn refuses_broken_documents() {
        for bad in ["", "<R>", "<R></S>", "not xml", "<R>&bogus;</R>"] {
            assert!(parse(bad.as_bytes()).is_err(), "{bad:?}");
        }
    }
}
