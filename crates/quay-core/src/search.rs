//! Item search as a cashier types: case and diacritics are ignored ("pho" finds "Phở",
//! "ca phe sua" finds "Cà phê sữa đá"), every word of the query must match, and names in
//! every language of the menu count. Folding happens once when the menu is built, so a
//! keystroke only scans precomputed ASCII-ish text.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::menu::Item;

/// Lowercases and strips diacritics: NFD, then combining marks dropped. Vietnamese đ/Đ
/// is a letter of its own, not d plus a mark, so it is mapped by hand.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        // ASCII needs no decomposition: the fast path for SKUs, English and spaces.
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            _ => decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            }),
        }
    }
    out
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchIndex {
    /// Per item, in menu order: every name, the SKU, joined by spaces and folded.
    haystacks: Vec<String>,
}

/// What search looks through for one item: every name and the SKU, folded.
fn haystack(it: &Item) -> String {
    let mut h = String::new();
    h.push_str(&it.name);
    for n in it.names.values() {
        h.push(' ');
        h.push_str(n);
    }
    if let Some(sku) = &it.sku {
        h.push(' ');
        h.push_str(sku);
    }
    fold(&h)
}

impl SearchIndex {
    pub fn build(items: &[Item]) -> SearchIndex {
        SearchIndex { haystacks: items.iter().map(haystack).collect() }
    }

    /// The item at menu position `i` changed: only its own text is folded again.
    pub(crate) fn set(&mut self, i: usize, it: &Item) {
        self.haystacks[i] = haystack(it);
    }

    /// An item appended to the menu.
    pub(crate) fn push(&mut self, it: &Item) {
        self.haystacks.push(haystack(it));
    }

    /// Drops the positions `keep` refuses, in the same pass as the menu's own items, so
    /// positions stay aligned and no hole is left.
    pub(crate) fn retain(&mut self, mut keep: impl FnMut(usize) -> bool) {
        let mut i = 0;
        self.haystacks.retain(|_| {
            i += 1;
            keep(i - 1)
        });
    }

    /// Indexes of matching items, best first. A query word that starts a word of the name
    /// scores higher than one found inside a word (Chinese has no spaces, so substring
    /// matches must count too); ties keep menu order.
    pub fn find(&self, query: &str, limit: usize) -> Vec<usize> {
        let q = fold(query);
        let words: Vec<&str> = q.split_whitespace().collect();
        if words.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut hits: Vec<(u32, usize)> = Vec::new();
        'items: for (i, h) in self.haystacks.iter().enumerate() {
            let mut score = 0u32;
            for w in &words {
                match word_score(h, w) {
                    0 => continue 'items,
                    s => score += s,
                }
            }
            if h.starts_with(words[0]) {
                score += 1;
            }
            hits.push((score, i));
        }
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        hits.truncate(limit);
        hits.into_iter().map(|(_, i)| i).collect()
    }
}

/// 2 if `w` starts a word of `h`, 1 if it is only inside one, 0 if absent.
fn word_score(h: &str, w: &str) -> u32 {
    let mut found = 0;
    for (pos, _) in h.match_indices(w) {
        let starts_word = h[..pos].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        if starts_word {
            return 2;
        }
        found = 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_table() {
        let cases = [
            ("Cà phê sữa đá", "ca phe sua da"),
            ("ĐƯỜNG", "duong"),
            ("Phở", "pho"),
            ("Trà đào cam sả", "tra dao cam sa"),
            ("Bạc xỉu", "bac xiu"),
            ("Καφές", "καφες"),
            ("冰咖啡", "冰咖啡"),
            ("قهوة", "قهوة"),
            ("CF-SD", "cf-sd"),
        ];
        for (text, folded) in cases {
            assert_eq!(fold(text), folded, "{text}");
        }
    }

    #[test]
    fn word_starts_score_above_substrings() {
        assert_eq!(word_score("ca phe sua da", "sua"), 2);
        assert_eq!(word_score("banh mi", "anh"), 1);
        assert_eq!(word_score("冰奶咖啡", "咖啡"), 1);
        assert_eq!(word_score("tra dao", "pho"), 0);
    }
}
