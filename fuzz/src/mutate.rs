//! Mutations: AFL-style havoc over bytes, plus tokens taken from the seeds.
//!
//! Takes an input, another corpus entry to splice from and a dictionary; gives the input changed
//! by a stack of 1 to 16 random edits (bit flips, interesting bytes, token inserts, deletions,
//! duplications, splices, long digit runs, multi-byte characters), never longer than `max_len`.

use std::collections::BTreeSet;

/// xorshift64*: fast, seedable, reproducible.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E3779B97F4A7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const INTERESTING: &[u8] = &[
    0, 1, 0x7f, 0x80, 0xc3, 0xe2, 0xef, 0xf0, 0xff, b'\n', b'\r', b'\t', b' ', b'0', b'1', b'9',
    b'-', b'/', b':', b'.', b',', b'"', b'\'', b'{', b'}', b'[', b']', b'<', b'>', b'&', b';',
    b'=', b'#', b'\\',
];

/// Multi-byte characters that text code must not split: accents, dashes, quotes, emoji, CJK,
/// a combining mark, zero-width and right-to-left marks, the BOM and the replacement character.
const CHARS: &[&str] = &[
    "é", "É", "–", "—", "’", "“", "”", "…", "€", "😀", "年", "\u{301}", "\u{200b}", "\u{200f}",
    "\u{feff}", "\u{fffd}", "\u{a0}", "ß", "İ", "ﬁ",
];

/// Words and punctuation runs of the seeds, plus the target's own structural tokens.
pub fn dictionary(corpus: &[Vec<u8>], extra: &[&str]) -> Vec<Vec<u8>> {
    let mut words: BTreeSet<Vec<u8>> = BTreeSet::new();
    for entry in corpus {
        for word in entry.split(|b| b.is_ascii_whitespace()) {
            if (2..=24).contains(&word.len()) {
                words.insert(word.to_vec());
            }
            if words.len() > 20_000 {
                break;
            }
        }
    }
    words.extend(extra.iter().map(|t| t.as_bytes().to_vec()));
    words.into_iter().collect()
}

fn range(rng: &mut Rng, len: usize) -> (usize, usize) {
    if len == 0 {
        return (0, 0);
    }
    let start = rng.below(len);
    let max = (len - start).min(if rng.below(4) == 0 { 1024 } else { 32 });
    let n = 1 + rng.below(max);
    (start, start + n)
}

/// Applies a stack of random edits to `data`.
pub fn havoc(data: &mut Vec<u8>, other: &[u8], dict: &[Vec<u8>], rng: &mut Rng, max_len: usize) {
    let stack = 1usize << rng.below(5);
    for _ in 0..stack {
        let len = data.len();
        match rng.below(15) {
            0 if len > 0 => {
                let i = rng.below(len);
                data[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                data[i] = INTERESTING[rng.below(INTERESTING.len())];
            }
            2 if len > 0 => {
                let i = rng.below(len);
                data[i] = rng.next() as u8;
            }
            3 | 4 | 5 if !dict.is_empty() => {
                let token = &dict[rng.below(dict.len())];
                let at = rng.below(len + 1);
                if rng.below(3) == 0 && at + token.len() <= len {
                    data[at..at + token.len()].copy_from_slice(token);
                } else {
                    data.splice(at..at, token.iter().copied());
                }
            }
            6 if len > 0 => {
                let (s, e) = range(rng, len);
                data.drain(s..e);
            }
            7 if len > 0 => {
                let (s, e) = range(rng, len);
                let copy = data[s..e].to_vec();
                let at = rng.below(len + 1);
                data.splice(at..at, copy);
            }
            8 if !other.is_empty() => {
                // Splice: a piece of another input in place of or beside a piece of this one.
                let (s, e) = range(rng, other.len());
                let at = rng.below(len + 1);
                if rng.below(2) == 0 {
                    data.truncate(at);
                }
                data.extend_from_slice(&other[s..e]);
            }
            9 => {
                // A run of digits: from 1 to 3,000 of them (tests/hostile.rs tries 10,000).
                let n = match rng.below(8) {
                    0 => 1 + rng.below(3_000),
                    1 => 1 + rng.below(400),
                    _ => 1 + rng.below(12),
                };
                let digits: Vec<u8> = (0..n).map(|_| b'0' + rng.below(10) as u8).collect();
                let at = rng.below(len + 1);
                data.splice(at..at, digits);
            }
            10 => {
                let c = CHARS[rng.below(CHARS.len())].as_bytes();
                let at = rng.below(len + 1);
                data.splice(at..at, c.iter().copied());
            }
            11 if len > 0 => {
                let at = rng.below(len);
                data.truncate(at);
            }
            12 if len > 1 => {
                // Swap two ranges' first bytes runs (reorders lines, fields, tokens).
                let (a, ae) = range(rng, len);
                let (b, be) = range(rng, len);
                let n = (ae - a).min(be - b);
                if a + n <= b || b + n <= a {
                    for k in 0..n {
                        data.swap(a + k, b + k);
                    }
                }
            }
            13 if len > 0 => {
                // Repeat a range many times (long lines, deep nesting, many items).
                let (s, e) = range(rng, len.min(64));
                let copy = data[s..e].to_vec();
                let most = if rng.below(8) == 0 { 200 } else { 8 };
                let times = 2 + rng.below(most);
                let at = rng.below(len + 1);
                let repeated: Vec<u8> = copy
                    .iter()
                    .copied()
                    .cycle()
                    .take(copy.len() * times)
                    .collect();
                data.splice(at..at, repeated);
            }
            _ if len > 0 => {
                // Add or subtract a small number from an ASCII digit or byte.
                let i = rng.below(len);
                data[i] = data[i].wrapping_add((rng.below(7) as u8).wrapping_sub(3));
            }
            _ => data.push(rng.next() as u8),
        }
        if data.len() > max_len {
            data.truncate(max_len);
        }
    }
}
