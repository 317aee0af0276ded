//! Equi-joins on key hashes by sorting, in place of hash maps over strings: probing a
//! table of 100k+ string keys jumps around it (and into the strings) at random, and
//! costs more per key the larger the day.

/// Join keys: the high 32 bits of a key string's hash above its row, so that sorting the
/// plain `u64`s groups equal hashes, rows ascending, at 8 bytes a key. Equal hashes only
/// propose a pair; the caller confirms it by comparing the strings.
pub(super) type Keys = Vec<u64>;

pub(super) fn key(hash: u64, row: usize) -> u64 {
    (hash >> 32) << 32 | row as u64
}

pub(super) fn row(key: u64) -> usize {
    (key & u64::from(u32::MAX)) as usize
}

pub(super) fn same_hash(a: u64, b: u64) -> bool {
    a >> 32 == b >> 32
}

pub(super) fn sorted(mut keys: Keys) -> Keys {
    sort(&mut keys, u64::BITS);
    keys
}

/// Every `(a row, b row)` whose hashes are equal; both sides `sorted`.
pub(super) fn join(a: &[u64], b: &[u64]) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (ha, hb) = (a[i] >> 32, b[j] >> 32);
        if ha < hb {
            i += 1;
        } else if ha > hb {
            j += 1;
        } else {
            let i_end = i + a[i..].iter().take_while(|&&x| same_hash(x, a[i])).count();
            let j_end = j + b[j..].iter().take_while(|&&y| same_hash(y, b[j])).count();
            for &x in &a[i..i_end] {
                out.extend(b[j..j_end].iter().map(|&y| (row(x) as u32, row(y) as u32)));
            }
            (i, j) = (i_end, j_end);
        }
    }
    out
}

/// Sorts pairs of rows; the first of each is below `rows`.
pub(super) fn sort_pairs(pairs: &mut [(u32, u32)], rows: usize) {
    let mut packed: Vec<u64> = pairs.iter().map(|&(a, b)| u64::from(a) << 32 | u64::from(b)).collect();
    sort(&mut packed, 32 + usize::BITS - rows.leading_zeros());
    for (p, x) in pairs.iter_mut().zip(packed) {
        *p = ((x >> 32) as u32, x as u32);
    }
}

/// Sorts values below 2^`top` in about linear time when their top bits are spread evenly
/// (hashes, or rows): two stable counting passes order them by their top 22 bits, which
/// leaves only short runs to sort. A comparison sort makes log n passes over the whole
/// array, each slower once the array outgrows the L2 cache.
fn sort(v: &mut Vec<u64>, top: u32) {
    const DIGIT: u32 = 11;
    if v.len() < 1024 {
        v.sort_unstable();
        return;
    }
    let lo = top.saturating_sub(2 * DIGIT);
    let mut tmp = vec![0u64; v.len()];
    for shift in [lo, lo + DIGIT] {
        let digit = |x: u64| (x >> shift) as usize & ((1 << DIGIT) - 1);
        let mut next = vec![0usize; 1 << DIGIT];
        for &x in v.iter() {
            next[digit(x)] += 1;
        }
        let mut sum = 0;
        for n in next.iter_mut() {
            (*n, sum) = (sum, sum + *n);
        }
        for &x in v.iter() {
            let d = digit(x);
            tmp[next[d]] = x;
            next[d] += 1;
        }
        std::mem::swap(v, &mut tmp);
    }
    for run in v.chunk_by_mut(|a, b| a >> lo == b >> lo).filter(|r| r.len() > 1) {
        run.sort_unstable();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_matches_the_standard_sort() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut rand = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        // Spread hashes, crowded hashes (equal top bits) and rows below 5,000.
        let cases: [(Vec<u64>, u32); 3] = [
            ((0..20_000).map(|r| key(rand(), r)).collect(), 64),
            ((0..20_000).map(|r| key(rand() & 0xff00_0000_ffff_ffff, r)).collect(), 64),
            ((0..20_000).map(|_| rand() % 5_000).collect(), 13),
        ];
        for (mut v, top) in cases {
            let mut want = v.clone();
            want.sort_unstable();
            sort(&mut v, top);
            assert_eq!(v, want);
        }
        let mut pairs: Vec<(u32, u32)> = (0..20_000).map(|_| ((rand() % 3_000) as u32, rand() as u32)).collect();
        let mut want = pairs.clone();
        want.sort_unstable();
        sort_pairs(&mut pairs, 3_000);
        assert_eq!(pairs, want);
    }

    #[test]
    fn join_pairs_every_equal_hash() {
        let a = sorted(vec![key(7 << 32, 0), key(9 << 32, 1), key(7 << 32, 2)]);
        let b = sorted(vec![key(7 << 32, 5), key(8 << 32, 6), key(7 << 32, 7)]);
        let mut got = join(&a, &b);
        got.sort_unstable();
        assert_eq!(got, [(0, 5), (0, 7), (2, 5), (2, 7)]);
        let mut pairs = vec![(3, 1), (0, 9), (3, 0), (1, 1)];
        sort_pairs(&mut pairs, 4);
        assert_eq!(pairs, [(0, 9), (1, 1), (3, 0), (3, 1)]);
    }
}
