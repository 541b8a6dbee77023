//! The buffer every normalization pass reads and writes: the characters of the text plus,
//! when offsets are requested, the range of original characters each one came from.

/// Characters with an optional provenance map.
///
/// When `tracked`, `start[i]..end[i]` is the range of *original* character indices that
/// produced `chars[i]`. A pass that turns input range `a..b` into one output character
/// records `start = input.start[a]` and `end = input.end[b - 1]`, so ranges compose exactly
/// through any number of passes (an entity such as `&amp;` maps its `&` to all five chars).
#[derive(Debug, Clone, Default)]
pub struct Text {
    pub chars: Vec<char>,
    pub start: Vec<u32>,
    pub end: Vec<u32>,
    pub tracked: bool,
}

impl Text {
    pub fn from_str(text: &str, tracked: bool) -> Self {
        let chars: Vec<char> = if text.is_ascii() {
            // A char per byte: a loop the compiler vectorizes.
            text.bytes().map(char::from).collect()
        } else {
            text.chars().collect()
        };
        let (start, end) = if tracked {
            let n = chars.len() as u32;
            ((0..n).collect(), (1..=n).collect())
        } else {
            (Vec::new(), Vec::new())
        };
        Text {
            chars,
            start,
            end,
            tracked,
        }
    }

    /// An empty buffer for a pass's output, tracking like `self`.
    #[must_use]
    pub fn empty_like(&self) -> Self {
        Text {
            chars: Vec::with_capacity(self.chars.len()),
            start: Vec::new(),
            end: Vec::new(),
            tracked: self.tracked,
        }
    }

    pub fn clear(&mut self) {
        self.chars.clear();
        self.start.clear();
        self.end.clear();
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Append `c`, produced from input characters `a..b` of `src` (`b > a`).
    #[inline]
    pub fn push_from(&mut self, c: char, src: &Text, a: usize, b: usize) {
        self.chars.push(c);
        if self.tracked {
            debug_assert!(b > a);
            self.start.push(src.start[a]);
            self.end.push(src.end[b - 1]);
        }
    }

    /// Append `c` copied from input character `i`.
    #[inline]
    pub fn push_copy(&mut self, c: char, src: &Text, i: usize) {
        self.push_from(c, src, i, i + 1);
    }

    /// Append every char of `s`, all produced from input characters `a..b`.
    #[inline]
    pub fn push_str_from(&mut self, s: &str, src: &Text, a: usize, b: usize) {
        for c in s.chars() {
            self.push_from(c, src, a, b);
        }
    }

    /// Append `c` that no input character produced (an inserted space): it gets the empty
    /// original range at the start of input character `at` (or the end of the text).
    #[inline]
    pub fn push_inserted(&mut self, c: char, src: &Text, at: usize) {
        self.chars.push(c);
        if self.tracked {
            let pos = if at < src.len() {
                src.start[at]
            } else {
                src.end.last().copied().unwrap_or(0)
            };
            self.start.push(pos);
            self.end.push(pos);
        }
    }

    /// Copy input characters `a..b` unchanged.
    #[inline]
    pub fn extend_copy(&mut self, src: &Text, a: usize, b: usize) {
        self.chars.extend_from_slice(&src.chars[a..b]);
        if self.tracked {
            self.start.extend_from_slice(&src.start[a..b]);
            self.end.extend_from_slice(&src.end[a..b]);
        }
    }

    pub fn collect_string(&self) -> String {
        if all(&self.chars, |c| c.is_ascii()) {
            // A byte per char: a loop the compiler vectorizes.
            let bytes: Vec<u8> = self.chars.iter().map(|&c| c as u8).collect();
            return String::from_utf8(bytes).expect("ASCII is UTF-8");
        }
        self.chars.iter().collect()
    }
}

/// Run `pass` from `text` into a scratch buffer and swap, so a pipeline reuses two buffers.
pub fn apply(text: &mut Text, scratch: &mut Text, pass: impl FnOnce(&Text, &mut Text)) {
    scratch.clear();
    scratch.tracked = text.tracked;
    pass(text, scratch);
    std::mem::swap(text, scratch);
}

/// Run a pass that reports whether its output differs from its input. When it does not,
/// `text` is kept as it is and whatever the pass wrote is dropped, so a pass can stop early
/// (or skip writing) when it finds nothing to do.
pub fn apply_changed(
    text: &mut Text,
    scratch: &mut Text,
    pass: impl FnOnce(&Text, &mut Text) -> bool,
) -> bool {
    scratch.clear();
    scratch.tracked = text.tracked;
    let changed = pass(text, scratch);
    if changed {
        std::mem::swap(text, scratch);
    }
    changed
}

/// The first index at or after `from` whose char satisfies `pred`.
///
/// Checks 32 chars at a time with no early exit inside a block, a loop the compiler turns
/// into SIMD compares for simple predicates; `Iterator::position` would stay scalar. With
/// AVX2 or AVX-512 the same loop runs in wider vectors (see `crate::simd`).
#[inline]
pub fn find(chars: &[char], from: usize, pred: impl Fn(char) -> bool + Copy) -> Option<usize> {
    // A generic function, so `wide_fn!` cannot define it: the same dispatch written out.
    #[cfg(target_arch = "x86_64")]
    {
        #[target_feature(enable = "avx512f,avx512bw")]
        unsafe fn find_avx512(
            chars: &[char],
            from: usize,
            pred: impl Fn(char) -> bool + Copy,
        ) -> Option<usize> {
            find_blocks(chars, from, pred)
        }
        #[target_feature(enable = "avx2")]
        unsafe fn find_avx2(
            chars: &[char],
            from: usize,
            pred: impl Fn(char) -> bool + Copy,
        ) -> Option<usize> {
            find_blocks(chars, from, pred)
        }
        if crate::simd::has_avx512() {
            // SAFETY: the processor supports AVX-512 F and BW (checked just above).
            return unsafe { find_avx512(chars, from, pred) };
        }
        if crate::simd::has_avx2() {
            // SAFETY: the processor supports AVX2 (checked just above).
            return unsafe { find_avx2(chars, from, pred) };
        }
    }
    find_blocks(chars, from, pred)
}

// Always inlined, so the wrappers in `find` compile this body with its target features.
#[allow(clippy::inline_always)]
#[inline(always)]
fn find_blocks(chars: &[char], from: usize, pred: impl Fn(char) -> bool + Copy) -> Option<usize> {
    const BLOCK: usize = 32;
    let mut i = from;
    while i + BLOCK <= chars.len() {
        let block = &chars[i..i + BLOCK];
        if block.iter().fold(false, |hit, &c| hit | pred(c)) {
            return block.iter().position(|&c| pred(c)).map(|p| i + p);
        }
        i += BLOCK;
    }
    chars[i.min(chars.len())..]
        .iter()
        .position(|&c| pred(c))
        .map(|p| i + p)
}

/// True when every char satisfies `pred` (block-wise, like [`find`]).
#[inline]
pub fn all(chars: &[char], pred: impl Fn(char) -> bool + Copy) -> bool {
    find(chars, 0, |c| !pred(c)).is_none()
}

/// Lines of a char slice as `(start, end)` index pairs, `end` excluding the `'\n'`.
pub fn line_ranges(chars: &[char]) -> Vec<(usize, usize)> {
    let mut lines = Vec::with_capacity(chars.len() / 64 + 1);
    let mut start = 0;
    while let Some(p) = find(chars, start, |c| c == '\n') {
        lines.push((start, p));
        start = p + 1;
    }
    lines.push((start, chars.len()));
    lines
}

/// The longest prefix of `text` of at most `max` bytes that ends between two characters.
pub fn prefix(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Decode `surrogatepass` UTF-8, replacing each encoded lone surrogate (ED A0..BF xx) with
/// one U+FFFD, so character positions stay the same as in the Python string.
pub fn replace_surrogates(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0xED && i + 2 < bytes.len() && (0xA0..=0xBF).contains(&bytes[i + 1]) {
            out.push('\u{FFFD}');
            i += 3;
            continue;
        }
        let len = match bytes[i] {
            0x00..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        let end = (i + len).min(bytes.len());
        out.push_str(&String::from_utf8_lossy(&bytes[i..end]));
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::replace_surrogates;

    #[test]
    fn surrogates_become_one_replacement_each() {
        // "a" + lone U+D800 + "é" + lone U+DFFF, as Python's surrogatepass encodes them.
        let bytes = [b'a', 0xED, 0xA0, 0x80, 0xC3, 0xA9, 0xED, 0xBF, 0xBF];
        assert_eq!(replace_surrogates(&bytes), "a\u{FFFD}é\u{FFFD}");
        // Invalid bytes that are not surrogates are replaced as well.
        assert_eq!(replace_surrogates(&[b'x', 0xFF, b'y']), "x\u{FFFD}y");
    }

    #[test]
    fn find_agrees_with_position() {
        let text: Vec<char> = "abc\ndef ghi\n".repeat(20).chars().collect();
        for from in [0, 1, 3, 4, 31, 32, 33, 100, text.len()] {
            let expected = text[from..]
                .iter()
                .position(|&c| c == '\n')
                .map(|p| from + p);
            assert_eq!(
                super::find(&text, from, |c| c == '\n'),
                expected,
                "from {from}"
            );
        }
        assert!(super::all(&text, |c| c.is_ascii()));
        assert!(super::line_ranges(&[]).len() == 1);
    }
}
