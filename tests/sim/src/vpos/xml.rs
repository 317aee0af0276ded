//! A small XML reader (quick-xml) into a tree, the ISO-8859-9 codec (encoding_rs: the WHATWG
//! label `iso-8859-9` is windows-1254) and a writer for the banks' answers.

use quick_xml::events::Event;
use quick_xml::Reader;

/// One element: its name, its text (concatenated, entities resolved) and its children.
#[derive(Clone, Debug, Default)]
pub struct Node {
    pub name: String,
    pub text: String,
    pub children: Vec<Node>,
}

impl Node {
    pub fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The trimmed text of a direct child, None when absent.
    pub fn get(&self, name: &str) -> Option<String> {
        self.child(name).map(|c| c.text.trim().to_string())
    }

    /// `a/b/c`.
    pub fn path(&self, path: &str) -> Option<&Node> {
        let mut n = self;
        for part in path.split('/') {
            n = n.child(part)?;
        }
        Some(n)
    }

    pub fn get_path(&self, path: &str) -> Option<String> {
        self.path(path).map(|c| c.text.trim().to_string())
    }
}

/// Decodes a body: the XML declaration's encoding if any (ISO-8859-9 / windows-1254 / UTF-8),
/// else UTF-8 when valid, else ISO-8859-9.
pub fn decode_body(bytes: &[u8]) -> String {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(120)]).to_ascii_lowercase();
    let declared_8859_9 = head.starts_with("<?xml") && (head.contains("iso-8859-9") || head.contains("windows-1254"));
    if declared_8859_9 {
        return encoding_rs::WINDOWS_1254.decode_without_bom_handling(bytes).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1254.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

/// Encodes an answer in ISO-8859-9 (characters outside it become `?`).
pub fn encode_8859_9(s: &str) -> Vec<u8> {
    encoding_rs::WINDOWS_1254.encode(s).0.into_owned()
}

/// Parses one document with a single root element. Err on anything malformed.
pub fn parse(text: &str) -> Result<Node, String> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Node> = Vec::new();
    let mut root: Option<Node> = None;
    loop {
        let ev = reader.read_event().map_err(|e| e.to_string())?;
        match ev {
            Event::Start(e) => {
                if root.is_some() {
                    return Err("content after the root".into());
                }
                stack.push(Node { name: e.name().as_ref().to_string(), ..Default::default() });
                check_attrs(&e)?;
            }
            Event::Empty(e) => {
                check_attrs(&e)?;
                let n = Node { name: e.name().as_ref().to_string(), ..Default::default() };
                match stack.last_mut() {
                    Some(p) => p.children.push(n),
                    None if root.is_none() => root = Some(n),
                    None => return Err("content after the root".into()),
                }
            }
            Event::End(_) => {
                let n = stack.pop().ok_or("unbalanced end tag")?;
                match stack.last_mut() {
                    Some(p) => p.children.push(n),
                    None => root = Some(n),
                }
            }
            Event::Text(t) => {
                let s = t.xml10_content();
                match stack.last_mut() {
                    Some(n) => n.text.push_str(&s),
                    None if s.trim().is_empty() => {}
                    None => return Err("text outside the root".into()),
                }
            }
            Event::CData(t) => match stack.last_mut() {
                Some(n) => n.text.push_str(&t.xml10_content()),
                None => return Err("CDATA outside the root".into()),
            },
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().map_err(|e| e.to_string())? {
                    Some(c) => c,
                    None => match r.xml10_content().as_ref() {
                        "lt" => '<',
                        "gt" => '>',
                        "amp" => '&',
                        "apos" => '\'',
                        "quot" => '"',
                        other => return Err(format!("unknown entity &{other};")),
                    },
                };
                match stack.last_mut() {
                    Some(n) => n.text.push(c),
                    None => return Err("reference outside the root".into()),
                }
            }
            Event::DocType(_) => return Err("DOCTYPE not allowed".into()),
            Event::Decl(_) | Event::Comment(_) | Event::PI(_) => {}
            Event::Eof => break,
        }
    }
    if !stack.is_empty() {
        return Err("unclosed element".into());
    }
    root.ok_or_else(|| "no root element".into())
}

fn check_attrs(e: &quick_xml::events::BytesStart<'_>) -> Result<(), String> {
    for a in e.attributes() {
        a.map_err(|e| e.to_string())?;
    }
    Ok(())
}

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

/// Writes `<name>` with text children in order; a value of None writes a nested element from
/// its own pairs (one level, for `Extra`).
pub struct Writer {
    out: String,
}

impl Writer {
    pub fn new(encoding: &str) -> Writer {
        Writer { out: format!("<?xml version=\"1.0\" encoding=\"{encoding}\"?>\n") }
    }
    pub fn open(&mut self, name: &str) -> &mut Self {
        self.out.push('<');
        self.out.push_str(name);
        self.out.push('>');
        self
    }
    pub fn close(&mut self, name: &str) -> &mut Self {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
        self
    }
    pub fn leaf(&mut self, name: &str, value: &str) -> &mut Self {
        self.open(name);
        self.out.push_str(&escape(value));
        self.close(name)
    }
    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_refuses() {
        let n = parse("<?xml version=\"1.0\"?><A><B>x &amp; y&#33;</B><C/><D><E> 1 </E></D></A>").unwrap();
        assert_eq!(n.get("B").unwrap(), "x & y!");
        assert_eq!(n.get_path("D/E").unwrap(), "1");
        assert!(parse("<A><B></A>").is_err());
        assert!(parse("<A></A><B/>").is_err());
        assert!(parse("not xml").is_err());
        assert!(parse("").is_err());
    }

    #[test]
    fn turkish_round_trip() {
        let s = "<?xml version=\"1.0\" encoding=\"ISO-8859-9\"?><A>Şişli Çağ ığ</A>";
        let bytes = encode_8859_9(s);
        assert_eq!(parse(&decode_body(&bytes)).unwrap().text, "Şişli Çağ ığ");
    }
}
