//! Conservative repair of mojibake: UTF-8 bytes that were decoded as Windows-1252 or Latin-1,
//! such as "â€™" for "’" or "Ã©" for "é".
//!
//! A sequence is repaired only when its characters map back to bytes that form one complete,
//! valid UTF-8 character (no overlong forms, no surrogates), and the lead byte is one that
//! real mojibake produces. Correct text almost never holds such a sequence: a lead like "Ã"
//! must be directly followed by a character from the cp1252 continuation range (0x80–0xBF:
//! "©", "€", "™", NBSP, ...). This is the same idea as ftfy's `fix_encoding` but per sequence,
//! with no whole-text re-decoding, so it cannot turn correct text into wrong text wholesale.

use super::text::Text;

/// The byte Windows-1252 (falling back to Latin-1 for its five undefined bytes, which
/// decoders pass through as C1 controls) encodes `c` as, for non-ASCII `c`.
#[inline]
fn cp1252_byte(c: char) -> Option<u8> {
    let cp = c as u32;
    match cp {
        0x80..=0xFF => Some(cp as u8),
        0x20AC => Some(0x80),
        0x201A => Some(0x82),
        0x0192 => Some(0x83),
        0x201E => Some(0x84),
        0x2026 => Some(0x85),
        0x2020 => Some(0x86),
        0x2021 => Some(0x87),
        0x02C6 => Some(0x88),
        0x2030 => Some(0x89),
        0x0160 => Some(0x8A),
        0x2039 => Some(0x8B),
        0x0152 => Some(0x8C),
        0x017D => Some(0x8E),
        0x2018 => Some(0x91),
        0x2019 => Some(0x92),
        0x201C => Some(0x93),
        0x201D => Some(0x94),
        0x2022 => Some(0x95),
        0x2013 => Some(0x96),
        0x2014 => Some(0x97),
        0x02DC => Some(0x98),
        0x2122 => Some(0x99),
        0x0161 => Some(0x9A),
        0x203A => Some(0x9B),
        0x0153 => Some(0x9C),
        0x017E => Some(0x9E),
        0x0178 => Some(0x9F),
        _ => None,
    }
}

/// How many continuation bytes follow a lead byte that real mojibake produces, or `None`.
///
/// Two-byte leads are limited to those whose characters appear in mojibake of Latin,
/// Greek and Cyrillic text (0xC2–0xC3 Latin-1 supplement, 0xC5–0xC6 and 0xCB for the cp1252
/// extras such as "œ" and "ƒ", 0xCE–0xCF Greek, 0xD0–0xD1 Cyrillic). Any three- and four-byte
/// lead is accepted: its three or four characters together are far too unusual to be real.
#[inline]
fn continuation_count(lead: u8) -> Option<usize> {
    match lead {
        0xC2 | 0xC3 | 0xC5 | 0xC6 | 0xCB | 0xCE | 0xCF | 0xD0 | 0xD1 => Some(1),
        0xE0..=0xEF => Some(2),
        0xF0..=0xF4 => Some(3),
        _ => None,
    }
}

#[inline]
fn continuation_byte(c: char) -> Option<u8> {
    cp1252_byte(c).filter(|b| (0x80..=0xBF).contains(b))
}

/// True when `chars` may hold mojibake (a cheap pre-check before the repair pass).
pub fn may_contain(chars: &[char]) -> bool {
    chars.iter().any(|&c| {
        let cp = c as u32;
        (0xC2..=0xF4).contains(&cp)
    })
}

/// Decode the sequence starting at `i`, if it is mojibake. Returns the repaired char and
/// the number of input chars it replaces.
#[inline]
fn decode_at(chars: &[char], i: usize) -> Option<(char, usize)> {
    let lead = cp1252_byte(chars[i])?;
    let n = continuation_count(lead)?;
    if i + 1 + n > chars.len() {
        return None;
    }
    // "â€" + U+FFFD: the right double quote (E2 80 9D), whose last byte is undefined in
    // Windows-1252 and so became a replacement character when the text was decoded.
    if lead == 0xE2
        && n == 2
        && continuation_byte(chars[i + 1]) == Some(0x80)
        && chars[i + 2] == '\u{FFFD}'
    {
        return Some(('\u{201D}', 3));
    }
    let mut bytes = [lead, 0, 0, 0];
    for k in 0..n {
        bytes[k + 1] = continuation_byte(chars[i + 1 + k])?;
    }
    let decoded = std::str::from_utf8(&bytes[..=n]).ok()?;
    let c = decoded.chars().next()?;
    Some((c, n + 1))
}

/// One repair pass, to a fixed point: a repaired character that completes a sequence with
/// what stands before it (text mis-decoded twice, "Ã‚Â©", or a run such as "ÂÂ¡") is
/// repaired in turn, so a second pass finds nothing (normalization is idempotent) and the
/// work stays linear: every repair shortens the output. Returns true if anything changed.
pub fn repair(input: &Text, out: &mut Text) -> bool {
    let chars = &input.chars;
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        if let Some((c, width)) = decode_at(chars, i) {
            out.push_from(c, input, i, i + width);
            i += width;
            changed = true;
        } else {
            out.push_copy(chars[i], input, i);
            i += 1;
        }
        // Only a sequence holding a repaired character can be found here (the scan has
        // read every one of the input's own), and it ends in a continuation byte: a check
        // of the last few characters then, nothing before the pass's first repair.
        let last = out.chars.last().copied();
        if changed && last.is_some_and(|c| continuation_byte(c).is_some() || c == '\u{FFFD}') {
            repair_tail(out);
        }
    }
    changed
}

/// Repair the sequences that end at the last character of `out`, as long as there are:
/// each takes the range of every character it replaces.
fn repair_tail(out: &mut Text) {
    loop {
        let n = out.chars.len();
        let found = (2..=4.min(n)).find_map(|w| {
            let (c, width) = decode_at(&out.chars[n - w..], 0)?;
            (width == w).then_some((c, w))
        });
        let Some((c, w)) = found else {
            return;
        };
        let at = n - w;
        out.chars.truncate(at);
        out.chars.push(c);
        if out.tracked {
            let end = out.end[n - 1];
            out.start.truncate(at + 1);
            out.end.truncate(at);
            out.end.push(end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> String {
        let mut text = Text::from_str(s, false);
        // Repeat as the pipeline does, for text that was mis-decoded twice.
        for _ in 0..3 {
            if !may_contain(&text.chars) {
                break;
            }
            let mut out = text.empty_like();
            if !repair(&text, &mut out) {
                break;
            }
            text = out;
        }
        text.collect_string()
    }

    #[test]
    fn repairs_table() {
        let cases = [
            ("donâ€™t", "don’t"),
            ("â€œquotedâ€\u{9d}", "“quoted”"),
            ("cafÃ©", "café"),
            ("NiÃ±o", "Niño"),
            ("Â£5", "£5"),
            ("emoji ðŸ˜€", "emoji 😀"),
            ("Ð¼Ð¸Ñ€", "мир"),
            ("â€”", "—"),
            ("1962,â€\u{FFFD} said", "1962,” said"),
            ("â€¦", "…"),
            // Twice mis-decoded.
            ("cafÃƒÂ©", "café"),
            // A repaired lead completed by the character after it, and runs of leads
            // that each repair completes again: one pass reaches what more would.
            ("Ãƒ©", "é"),
            ("ÂÂÂ¡", "¡"),
        ];
        for (input, expected) in cases {
            assert_eq!(fix(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn one_pass_is_a_fixed_point_with_offsets() {
        for input in ["ÂÂÂ¡ x", "cafÃƒÂ©", "Ãƒ© and Ã‚Â£5", "a ÂÂ b"] {
            let text = Text::from_str(input, true);
            let mut once = text.empty_like();
            repair(&text, &mut once);
            let mut twice = once.empty_like();
            assert!(!repair(&once, &mut twice), "{input:?}");
            // Every character still maps to a range of the input, in order, covering it.
            assert_eq!(once.start.len(), once.chars.len());
            assert_eq!(once.start[0], 0);
            assert_eq!(*once.end.last().unwrap() as usize, text.chars.len());
            for k in 1..once.chars.len() {
                assert_eq!(once.start[k], once.end[k - 1], "{input:?}");
            }
        }
    }

    #[test]
    fn leaves_correct_text_alone() {
        let cases = [
            "café",
            "Niño",
            "SÃO PAULO",
            "CHÂTEAU",
            "Ærøskøbing",
            "naïve résumé",
            "Ça va",
            "ÉCOLE",
            "à la carte",
            "Zürich",
            "Łódź",
            "“quoted”",
            "£5 — €3",
            "ß",
            "ÅÄÖ",
            "Ñandú",
            "Émile Zola’s",
            "déjà vu",
            "Ü",
            "mañana",
            "x © y",
        ];
        for text in cases {
            assert_eq!(fix(text), text, "changed correct text {text:?}");
        }
    }

    #[test]
    fn truncated_sequences_are_left() {
        assert_eq!(fix("Ã"), "Ã");
        assert_eq!(fix("â€"), "â€");
        assert_eq!(fix("abc Ã"), "abc Ã");
    }
}
