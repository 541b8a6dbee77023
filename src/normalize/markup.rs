//! Markup left in scraped text: HTML entities and tags, and markdown.
//!
//! Tags are removed only when they are real HTML: a known tag name followed by `>`, `/>` or
//! attributes that hold at least one `name=value`. So Reuters' `<IBM>` or `<B and T Corp>`
//! (escaped company tags) and maths such as `a < b` stay as text.

use super::text::{line_ranges, Text};

/// Named entities decoded: the HTML 4 set that news text uses, plus `&apos;`.
const NAMED_ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("hellip", '…'),
    ("bull", '•'),
    ("prime", '′'),
    ("Prime", '″'),
    ("trade", '™'),
    ("euro", '€'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("permil", '‰'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
    ("fnof", 'ƒ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("minus", '−'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("harr", '↔'),
    ("le", '≤'),
    ("ge", '≥'),
    ("ne", '≠'),
    ("infin", '∞'),
];

/// Names of U+00A0..=U+00FF in order, as HTML 4 defines them.
const LATIN1_ENTITIES: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

fn named_entity(name: &str) -> Option<char> {
    if let Some(i) = LATIN1_ENTITIES.iter().position(|&n| n == name) {
        return char::from_u32(0xA0 + i as u32);
    }
    NAMED_ENTITIES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, c)| c)
}

/// Numeric references in 0x80..=0x9F mean Windows-1252, as the HTML5 spec decodes them.
fn numeric_entity(value: u32) -> char {
    const CP1252_C1: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039,
        0x152, 0x8D, 0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178,
    ];
    let value = if (0x80..=0x9F).contains(&value) {
        CP1252_C1[(value - 0x80) as usize]
    } else {
        value
    };
    match char::from_u32(value) {
        Some('\0') | None => '\u{FFFD}',
        Some(c) => c,
    }
}

/// Parse an entity at `i` (which holds '&'). Returns the char and the entity's length.
fn entity_at(chars: &[char], i: usize) -> Option<(char, usize)> {
    const MAX_LEN: usize = 12;
    let rest = &chars[i + 1..chars.len().min(i + 2 + MAX_LEN)];
    let semi = rest.iter().position(|&c| c == ';')?;
    let body = &rest[..semi];
    if body.is_empty() {
        return None;
    }
    let c = if body[0] == '#' {
        let (digits, radix) = match body.get(1) {
            Some('x' | 'X') => (&body[2..], 16),
            _ => (&body[1..], 10),
        };
        if digits.is_empty() || digits.len() > 7 || !digits.iter().all(|c| c.is_digit(radix)) {
            return None;
        }
        let s: String = digits.iter().collect();
        numeric_entity(u32::from_str_radix(&s, radix).ok()?)
    } else {
        if !body.iter().all(char::is_ascii_alphanumeric) {
            return None;
        }
        let name: String = body.iter().collect();
        named_entity(&name)?
    };
    Some((c, semi + 2))
}

/// Decode HTML entities once. Returns true if anything changed.
pub fn decode_entities(input: &Text, out: &mut Text) -> bool {
    let chars = &input.chars;
    let Some(first) = (0..chars.len()).find(|&i| chars[i] == '&' && entity_at(chars, i).is_some())
    else {
        return false;
    };
    out.extend_copy(input, 0, first);
    let mut changed = false;
    let mut i = first;
    while i < chars.len() {
        if chars[i] == '&' {
            if let Some((c, len)) = entity_at(chars, i) {
                out.push_from(c, input, i, i + len);
                i += len;
                changed = true;
                continue;
            }
        }
        out.push_copy(chars[i], input, i);
        i += 1;
    }
    changed
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TagKind {
    /// Inline formatting: removed without a trace.
    Inline,
    /// Table cells: replaced by a space.
    Cell,
    /// Line-level blocks: replaced by a line break.
    Line,
    /// Paragraph-level blocks: replaced by a paragraph break.
    Block,
    /// Script-like: the tag and its content are removed.
    DropContent,
}

fn tag_kind(name: &str) -> Option<TagKind> {
    use TagKind::{Block, Cell, DropContent, Inline, Line};
    Some(match name {
        "a" | "abbr" | "b" | "bdi" | "bdo" | "big" | "cite" | "code" | "del" | "dfn" | "em"
        | "font" | "i" | "img" | "ins" | "kbd" | "label" | "mark" | "q" | "s" | "samp"
        | "small" | "span" | "strike" | "strong" | "sub" | "sup" | "time" | "tt" | "u" | "var"
        | "wbr" | "picture" | "source" | "meta" | "link" | "input" | "button" | "embed"
        | "object" | "param" | "track" | "audio" | "video" | "col" | "colgroup" | "center" => {
            Inline
        }
        "td" | "th" => Cell,
        "br" | "li" | "tr" | "dd" | "dt" | "caption" | "option" | "legend" | "summary" => Line,
        "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "section"
        | "article" | "aside" | "header" | "footer" | "figure" | "figcaption" | "ul" | "ol"
        | "dl" | "table" | "thead" | "tbody" | "tfoot" | "pre" | "hr" | "main" | "nav"
        | "address" | "form" | "details" | "html" | "body" | "head" | "title" | "iframe"
        | "fieldset" => Block,
        "script" | "style" | "noscript" | "template" | "svg" | "select" | "textarea" => DropContent,
        _ => return None,
    })
}

/// The shortest length limit of a construct confined to a line (a reference link's
/// `[ref]`): a line shorter than this holds no construct a limit rejects.
pub const SHORTEST_LIMIT: usize = 200;

/// Parse a tag at `i` (which holds '<'). Returns its kind, name and length.
fn tag_at(chars: &[char], i: usize) -> Option<(TagKind, String, bool, usize)> {
    const MAX_TAG: usize = 2000;
    let mut j = i + 1;
    let closing = chars.get(j) == Some(&'/');
    if closing {
        j += 1;
    }
    let name_start = j;
    while j < chars.len() && chars[j].is_ascii_alphanumeric() && j - name_start < 12 {
        j += 1;
    }
    if j == name_start || !chars[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name: String = chars[name_start..j]
        .iter()
        .map(char::to_ascii_lowercase)
        .collect();
    let kind = tag_kind(&name)?;
    let next = *chars.get(j)?;
    if !(next == '>' || next == '/' || next.is_whitespace()) {
        return None;
    }
    // Attributes: quoted values may hold '>'; a bare '<' means this was not a tag.
    let mut quote: Option<char> = None;
    let mut has_assignment = false;
    let mut only_space = true;
    // The limit counts the tag as `layout` will leave it (a run of spaces is one, none at a
    // line's end or start), so a second pass decides as the first did; the raw length is
    // bounded too, so a scan stays short.
    let mut counted = j - i;
    while j < chars.len() && counted < MAX_TAG && j - i < 8 * MAX_TAG {
        let c = chars[j];
        if c == ' ' {
            let mut r = j + 1;
            while r < chars.len() && chars[r] == ' ' && r - i < 8 * MAX_TAG {
                r += 1;
            }
            counted += usize::from(chars[j - 1] != '\n' && r < chars.len() && chars[r] != '\n');
            j = r;
            continue;
        }
        counted += 1;
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '>' => {
                    if !(only_space || has_assignment || closing) {
                        return None;
                    }
                    return Some((kind, name, closing, j + 1 - i));
                }
                '"' | '\'' => quote = Some(c),
                '<' => return None,
                '=' => has_assignment = true,
                c if c.is_whitespace() || c == '/' => {}
                _ => only_space = false,
            },
        }
        j += 1;
    }
    None
}

/// Where a search for `</name ...>` or `-->` last looked, and what it found, so a text of
/// many unclosed openers (`"<!--" * 250_000`, `"<script>" * 100_000`) is scanned once, not
/// once an opener: searches start at increasing positions, and a result found from `from`
/// holds for any later start up to it (none found: none for any later start).
#[derive(Default)]
struct LastSearch {
    from: usize,
    found: Option<usize>,
    searched: bool,
}

impl LastSearch {
    /// The match at or after `from`: the remembered one when it still applies.
    fn find(&mut self, from: usize, search: impl FnOnce(usize) -> Option<usize>) -> Option<usize> {
        if self.searched && from >= self.from {
            match self.found {
                None => return None,
                Some(k) if k >= from => return Some(k),
                Some(_) => {}
            }
        }
        let found = search(from);
        *self = LastSearch {
            from,
            found,
            searched: true,
        };
        found
    }
}

/// Start of the first `</name` at or after `from`, case-insensitively.
fn closing_tag_start(chars: &[char], from: usize, name: &str) -> Option<usize> {
    let name: Vec<char> = name.chars().collect();
    let mut k = from;
    while k + 2 + name.len() <= chars.len() {
        if chars[k] == '<'
            && chars[k + 1] == '/'
            && chars[k + 2..k + 2 + name.len()]
                .iter()
                .zip(&name)
                .all(|(a, b)| a.to_ascii_lowercase() == *b)
        {
            return Some(k);
        }
        k += 1;
    }
    None
}

/// Start of the first `-->` at or after `from`.
fn comment_close(chars: &[char], from: usize) -> Option<usize> {
    (from..chars.len().saturating_sub(2))
        .find(|&k| chars[k] == '-' && chars[k + 1] == '-' && chars[k + 2] == '>')
}

/// Remove HTML tags and comments. Returns true if anything changed.
pub fn strip_tags(input: &Text, out: &mut Text) -> bool {
    let chars = &input.chars;
    // Skip ahead to the first '<' that starts a tag, comment or declaration.
    let Some(first) = (0..chars.len()).find(|&i| {
        chars[i] == '<' && (chars.get(i + 1) == Some(&'!') || tag_at(chars, i).is_some())
    }) else {
        return false;
    };
    out.extend_copy(input, 0, first);
    let mut changed = false;
    let mut i = first;
    let mut comment_search = LastSearch::default();
    // One remembered search per tag name that drops its content (a handful of names).
    let mut close_searches: Vec<(String, LastSearch)> = Vec::new();
    while i < chars.len() {
        if chars[i] != '<' {
            out.push_copy(chars[i], input, i);
            i += 1;
            continue;
        }
        // Comments and declarations.
        if chars.get(i + 1) == Some(&'!') {
            let is_comment = chars.get(i + 2) == Some(&'-') && chars.get(i + 3) == Some(&'-');
            let end = if is_comment {
                comment_search
                    .find(i + 4, |from| comment_close(chars, from))
                    .map(|k| k + 3)
            } else if chars.get(i + 2).is_some_and(char::is_ascii_alphabetic)
                || chars.get(i + 2) == Some(&'[')
            {
                chars[i..]
                    .iter()
                    .take(2000)
                    .position(|&c| c == '>')
                    .map(|p| i + p + 1)
            } else {
                None
            };
            if let Some(end) = end {
                i = end;
                changed = true;
                continue;
            }
        } else if let Some((kind, name, closing, len)) = tag_at(chars, i) {
            changed = true;
            let mut end = i + len;
            if kind == TagKind::DropContent && !closing && chars[end - 2] != '/' {
                let slot = if let Some(p) = close_searches.iter().position(|(n, _)| *n == name) {
                    p
                } else {
                    close_searches.push((name.clone(), LastSearch::default()));
                    close_searches.len() - 1
                };
                let start = close_searches[slot]
                    .1
                    .find(end, |from| closing_tag_start(chars, from, &name));
                // The closing tag ends at its first '>' (a closing tag with none is text).
                if let Some(close) = start.and_then(|k| {
                    chars[k + 2 + name.len()..]
                        .iter()
                        .position(|&c| c == '>')
                        .map(|p| k + 2 + name.len() + p + 1)
                }) {
                    end = close;
                }
            }
            match kind {
                TagKind::Inline | TagKind::DropContent => {}
                TagKind::Cell => out.push_from(' ', input, i, end),
                TagKind::Line => out.push_from('\n', input, i, end),
                TagKind::Block => {
                    out.push_from('\n', input, i, end);
                    out.push_from('\n', input, i, end);
                }
            }
            i = end;
            continue;
        }
        out.push_copy('<', input, i);
        i += 1;
    }
    changed
}

/// Blank for line-level markdown: spaces and tabs, and every character that later steps
/// turn into a space or remove (NBSP and other spaces, zero-width and bidi marks, soft
/// hyphens, controls), so `"&nbsp;# Title"` loses its heading marker on the first pass,
/// as the `"# Title"` it becomes would on a second (idempotence).
fn is_blank(c: char) -> bool {
    match c {
        ' ' | '\t' | '\r' => true,
        '\n' => false,
        c if c.is_ascii() => c.is_ascii_control(),
        c => {
            c.is_whitespace()
                || c.is_control()
                || matches!(
                    c,
                    '\u{ad}'
                        | '\u{180e}'
                        | '\u{200b}'..='\u{200f}'
                        | '\u{202a}'..='\u{202e}'
                        | '\u{2060}'..='\u{2064}'
                        | '\u{2066}'..='\u{206f}'
                        | '\u{feff}'
                )
        }
    }
}

/// Markdown at line level: headings, blockquotes, `*`/`+` list markers, rules, fences and
/// link definitions. A removed line leaves its line break, so paragraphs stay apart.
/// Returns true if anything changed.
pub fn strip_markdown_lines(input: &Text, out: &mut Text) -> bool {
    let chars = &input.chars;
    if !any_line_starts_like_markdown(chars) {
        return false;
    }
    let lines = line_ranges(chars);
    let Some(first) = lines
        .iter()
        .position(|&(a, b)| line_edit(chars, a, b).is_some())
    else {
        return false;
    };
    out.extend_copy(input, 0, lines[first].0);
    let last = lines.len() - 1;
    for (n, &(a, b)) in lines.iter().enumerate().skip(first) {
        match line_edit(chars, a, b) {
            None => out.extend_copy(input, a, b),
            Some(LineEdit::Drop) => {}
            Some(LineEdit::Keep {
                content_start,
                content_end,
            }) => {
                let mut s = a;
                while s < b && is_blank(chars[s]) {
                    s += 1;
                }
                out.extend_copy(input, a, s);
                out.extend_copy(input, content_start, content_end);
            }
        }
        if n < last {
            out.push_copy('\n', input, b);
        }
    }
    true
}

/// What line-level markdown does to one line.
enum LineEdit {
    /// A rule, fence or link definition: the line's text goes (its break stays).
    Drop,
    /// Markers go; the line keeps `content_start..content_end`.
    Keep {
        content_start: usize,
        content_end: usize,
    },
}

/// The edit for line `a..b`, or `None` when it holds no line-level markdown.
fn line_edit(chars: &[char], a: usize, b: usize) -> Option<LineEdit> {
    let mut s = a;
    while s < b && is_blank(chars[s]) {
        s += 1;
    }
    let mut e = b;
    while e > s && is_blank(chars[e - 1]) {
        e -= 1;
    }
    if s == e
        || !matches!(
            chars[s],
            '#' | '>' | '*' | '+' | '`' | '~' | '[' | '=' | '-' | '_' | '\u{2010}'
                ..='\u{2015}' | '\u{2212}'
        )
    {
        return None;
    }
    let line = &chars[s..e];
    if is_rule(line) || is_fence(line) || is_link_definition(line) {
        return Some(LineEdit::Drop);
    }
    let mut p = s;
    // Blockquote markers, possibly nested.
    while p < e && chars[p] == '>' {
        p += 1;
        if p < e && is_blank(chars[p]) {
            p += 1;
        }
    }
    // ATX heading: its marker, and any marker right after it ("# # Title"), all in one
    // pass: the markup rounds are bounded, so one marker a round left a line of more
    // than 32 of them to the next normalization (not idempotent; fuzzing).
    let heading_marker = |p: usize| {
        let mut q = p;
        while q < e && chars[q] == '#' && q - p < 7 {
            q += 1;
        }
        (q > p && q - p <= 6 && (q == e || is_blank(chars[q]))).then_some(q)
    };
    let mut content_end = e;
    if let Some(mut q) = heading_marker(p) {
        loop {
            p = q;
            while p < e && is_blank(chars[p]) {
                p += 1;
            }
            match heading_marker(p) {
                Some(next) if p < e => q = next,
                _ => break,
            }
        }
        // Closing hashes: "## Title ##".
        let mut t = e;
        while t > p && chars[t - 1] == '#' {
            t -= 1;
        }
        if t < e && t > p && is_blank(chars[t - 1]) {
            content_end = t;
            while content_end > p && is_blank(chars[content_end - 1]) {
                content_end -= 1;
            }
        }
    } else if p < e
        && (chars[p] == '*' || chars[p] == '+')
        && (p + 1 == e || is_blank(chars[p + 1]))
    {
        // Bullet list marker, or an empty bullet ("- " is kept: news text starts
        // dialogue lines with a dash).
        p = (p + 2).min(e);
    }
    (p != s || content_end != e).then_some(LineEdit::Keep {
        content_start: p,
        content_end,
    })
}

/// True when some line's first non-blank character can start line-level markdown.
fn any_line_starts_like_markdown(chars: &[char]) -> bool {
    let mut at_start = true;
    for &c in chars {
        if c == '\n' {
            at_start = true;
        } else if at_start && !is_blank(c) {
            if matches!(
                c,
                '#' | '>' | '*' | '+' | '`' | '~' | '[' | '=' | '-' | '_' | '\u{2010}'
                    ..='\u{2015}' | '\u{2212}'
            ) {
                return true;
            }
            at_start = false;
        }
    }
    false
}

/// A thematic break or setext underline: three or more of one rule character.
fn is_rule(line: &[char]) -> bool {
    let mut marks = line.iter().filter(|c| !is_blank(**c));
    let Some(&first) = marks.clone().next() else {
        return false;
    };
    let dashes = |c: char| matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}');
    let ok = |c: char| {
        if dashes(first) {
            dashes(c)
        } else {
            c == first
        }
    };
    let rule_char = matches!(first, '*' | '_' | '=') || dashes(first);
    rule_char && marks.clone().count() >= 3 && marks.all(|&c| ok(c))
}

fn is_fence(line: &[char]) -> bool {
    line.len() >= 3 && (line[..3] == ['`'; 3] || line[..3] == ['~'; 3])
}

/// `[label]: http://...`
fn is_link_definition(line: &[char]) -> bool {
    if line.first() != Some(&'[') {
        return false;
    }
    let Some(close) = line.iter().position(|&c| c == ']') else {
        return false;
    };
    close > 1
        && line.get(close + 1) == Some(&':')
        && line[close + 2..].iter().any(|c| !is_blank(*c))
        && !line[close + 2..]
            .iter()
            .skip_while(|c| is_blank(**c))
            .any(|c| *c == ' ')
}

/// Inline markdown: links keep their text, images go, autolinks keep the URL, code spans
/// keep their content. Returns true if anything changed.
pub fn strip_markdown_links(input: &Text, out: &mut Text) -> bool {
    let chars = &input.chars;
    // `written`: input before it is in `out`; `scan`: where to look for the next construct.
    let mut written = 0;
    let mut scan = 0;
    let mut brackets = None;
    while let Some(p) = chars[scan..]
        .iter()
        .position(|&c| matches!(c, '[' | '<' | '`' | '!'))
    {
        let at = scan + p;
        if let Some(edit) = inline_at(chars, at, &mut brackets) {
            out.extend_copy(input, written, at);
            if let Some((a, b)) = edit.keep {
                out.extend_copy(input, a, b);
            }
            written = edit.end;
            scan = edit.end;
        } else {
            // A run of backticks that opens no code span is passed whole, so a longer
            // run is not re-read as shorter ones.
            scan = at + 1;
            while chars[at] == '`' && chars.get(scan) == Some(&'`') {
                scan += 1;
            }
        }
    }
    if written == 0 {
        return false;
    }
    out.extend_copy(input, written, chars.len());
    true
}

/// An inline construct found at `at`: keep `keep` of it (if any) and resume at `end`.
struct InlineEdit {
    keep: Option<(usize, usize)>,
    end: usize,
}

/// The closing bracket of each `[` and `(` of a text (`u32::MAX` where there is none),
/// found with one stack a bracket kind, so that looking one up costs nothing: scanning
/// ahead from every `[` of a long run of them took the square of the run.
struct Brackets(Vec<u32>);

impl Brackets {
    fn of(chars: &[char]) -> Self {
        let mut close = vec![u32::MAX; chars.len()];
        let (mut square, mut round): (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
        for (k, &c) in chars.iter().enumerate() {
            match c {
                '\n' => {
                    square.clear();
                    round.clear();
                }
                '[' => square.push(k as u32),
                '(' => round.push(k as u32),
                ']' => {
                    if let Some(o) = square.pop() {
                        close[o as usize] = k as u32;
                    }
                }
                ')' => {
                    if let Some(o) = round.pop() {
                        close[o as usize] = k as u32;
                    }
                }
                _ => {}
            }
        }
        Brackets(close)
    }

    /// The bracket closing the one at `open`, on its line and fewer than `limit`
    /// characters on (brackets of the other kind do not count).
    fn close(&self, open: usize, limit: usize) -> Option<usize> {
        let k = *self.0.get(open)? as usize;
        (k != u32::MAX as usize && k - open < limit).then_some(k)
    }
}

/// A link, image, autolink or code span starting at `at` (`brackets` made on first need).
fn inline_at(chars: &[char], at: usize, brackets: &mut Option<Brackets>) -> Option<InlineEdit> {
    let c = chars[at];
    let image = c == '!' && chars.get(at + 1) == Some(&'[');
    if c == '[' || image {
        let brackets = brackets.get_or_insert_with(|| Brackets::of(chars));
        let open = if image { at + 1 } else { at };
        let close = brackets.close(open, 1000)?;
        let target_end = match chars.get(close + 1) {
            Some('(') => brackets.close(close + 1, 2000),
            Some('[') => brackets.close(close + 1, SHORTEST_LIMIT),
            _ => None,
        }?;
        let keep = (!image).then_some((open + 1, close));
        return Some(InlineEdit {
            keep,
            end: target_end + 1,
        });
    }
    if c == '<' {
        let len = autolink_len(&chars[at..])?;
        return Some(InlineEdit {
            keep: Some((at + 1, at + len - 1)),
            end: at + len,
        });
    }
    if c == '`' {
        let mut run = 1;
        while chars.get(at + run) == Some(&'`') {
            run += 1;
        }
        let body = at + run;
        let mut k = body;
        while k < chars.len() && chars[k] != '\n' && k - body < 1000 {
            if chars[k] == '`' {
                let mut r = 1;
                while chars.get(k + r) == Some(&'`') {
                    r += 1;
                }
                if r == run {
                    return (k > body && chars[body..k].iter().any(|c| !c.is_whitespace()))
                        .then_some(InlineEdit {
                            keep: Some((body, k)),
                            end: k + run,
                        });
                }
                k += r;
                continue;
            }
            k += 1;
        }
    }
    None
}

/// `<https://...>`, `<http://...>`, `<mailto:...>` or `<www....>`; returns the length.
fn autolink_len(chars: &[char]) -> Option<usize> {
    let starts = |p: &str| {
        p.chars()
            .enumerate()
            .all(|(k, c)| chars.get(k + 1).is_some_and(|x| x.eq_ignore_ascii_case(&c)))
    };
    if !(starts("http://") || starts("https://") || starts("mailto:") || starts("www.")) {
        return None;
    }
    let end = chars
        .iter()
        .skip(1)
        .take(2000)
        .position(|&c| c == '>' || c == '<' || c.is_whitespace())?
        + 1;
    (chars[end] == '>').then_some(end + 1)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Emphasis: `**bold**`, `*italic*`, `__x__`, `_x_`, `***x***`, `~~x~~`. A delimiter run
/// counts only when it opens before a non-space and after a non-word character, and closes
/// after a non-space and before a non-word character, so `snake_case`, `5 * 3` and
/// `a*b*c` stay as they are. Returns true if anything changed.
pub fn strip_emphasis(input: &Text, out: &mut Text) -> bool {
    let chars = &input.chars;
    let n = chars.len();
    if !chars.iter().any(|&c| matches!(c, '*' | '_' | '~')) {
        return false;
    }
    let mut skip = vec![false; n];
    let mut changed = false;
    let run_len = |i: usize| {
        let c = chars[i];
        let mut r = 1;
        while i + r < n && chars[i + r] == c {
            r += 1;
        }
        r
    };
    let mut i = 0;
    while i < n {
        let c = chars[i];
        if !(c == '*' || c == '_' || c == '~') || skip[i] {
            i += 1;
            continue;
        }
        let run = run_len(i);
        let valid_run = if c == '~' { run == 2 } else { run <= 3 };
        let before_ok = i == 0 || !is_word_char(chars[i - 1]) && chars[i - 1] != c;
        let after = chars.get(i + run).copied();
        let opens = valid_run && before_ok && after.is_some_and(|a| !a.is_whitespace());
        if opens {
            // Look for the closing run on the same line.
            let mut k = i + run;
            while k < n && chars[k] != '\n' && k - i < 1000 {
                if chars[k] == c {
                    let r = run_len(k);
                    let closes = r == run
                        && !chars[k - 1].is_whitespace()
                        && chars.get(k + r).is_none_or(|&a| !is_word_char(a) && a != c);
                    if closes && k > i + run {
                        for s in skip.iter_mut().skip(i).take(run) {
                            *s = true;
                        }
                        for s in skip.iter_mut().skip(k).take(r) {
                            *s = true;
                        }
                        changed = true;
                        break;
                    }
                    k += r;
                    continue;
                }
                k += 1;
            }
        }
        i += run;
    }
    if !changed {
        return false;
    }
    let mut k = 0;
    while k < n {
        let run_end = skip[k..].iter().position(|&x| x).map_or(n, |p| k + p);
        out.extend_copy(input, k, run_end);
        k = run_end;
        while k < n && skip[k] {
            k += 1;
        }
    }
    true
}

wide_fn! {
    /// The triggers that count anywhere in a text: compares OR-ed together without
    /// branches, which the compiler turns into vector compares (a table lookup a char would
    /// stay scalar).
    fn triggers_anywhere(chars: &[char]) -> u16 {
        let (mut amp, mut lt, mut inline, mut emphasis) = (false, false, false, false);
        for &c in chars {
            amp |= c == '&';
            lt |= c == '<';
            inline |= (c == '[') | (c == '`');
            emphasis |= (c == '*') | (c == '_') | (c == '~');
        }
        (if amp { HAS_AMP } else { 0 })
            | (if lt { HAS_LT | HAS_INLINE } else { 0 })
            | (if inline { HAS_INLINE } else { 0 })
            | (if emphasis { HAS_EMPHASIS } else { 0 })
    }
}

/// Which markup trigger characters a text holds, as bits (see the `HAS_*` constants): one
/// scan tells which passes can be skipped without looking at the text again.
pub fn triggers(chars: &[char]) -> u16 {
    let mut bits = triggers_anywhere(chars);
    // Line-level markdown needs its marker first on a line: look after each line break.
    let mut start = 0;
    loop {
        if let Some(first) = chars[start..].iter().position(|&c| !is_blank(c)) {
            let c = chars[start + first];
            if matches!(
                c,
                '#' | '>' | '*' | '+' | '`' | '~' | '[' | '=' | '-' | '_' | '\u{2010}'
                    ..='\u{2015}' | '\u{2212}'
            ) {
                bits |= HAS_LINE;
                break;
            }
        }
        match super::text::find(chars, start, |c| c == '\n') {
            Some(p) => start = p + 1,
            None => break,
        }
    }
    bits
}

pub const HAS_AMP: u16 = 1;
pub const HAS_LT: u16 = 2;
pub const HAS_INLINE: u16 = 4;
pub const HAS_EMPHASIS: u16 = 8;
pub const HAS_LINE: u16 = 16;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_close_as_a_scan_finds() {
        // The scan the table replaces: depth counting from `open`, stopped by a newline.
        fn scan(chars: &[char], open: usize, limit: usize) -> Option<usize> {
            let (left, right) = if chars[open] == '[' {
                ('[', ']')
            } else {
                ('(', ')')
            };
            let mut depth = 0usize;
            for (k, &c) in chars.iter().enumerate().skip(open).take(limit) {
                if c == '\n' {
                    return None;
                }
                if c == left {
                    depth += 1;
                } else if c == right {
                    depth -= 1;
                    if depth == 0 {
                        return Some(k);
                    }
                }
            }
            None
        }
        let alphabet = ['[', ']', '(', ')', 'a', '\n'];
        let mut state = 9u64;
        for _ in 0..2_000 {
            let len = 1 + (state >> 60) as usize;
            let chars: Vec<char> = (0..len * 2)
                .map(|_| {
                    state = state
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    alphabet[(state >> 33) as usize % alphabet.len()]
                })
                .collect();
            let table = Brackets::of(&chars);
            for (open, &c) in chars.iter().enumerate() {
                if c == '[' || c == '(' {
                    for limit in [3, 1000] {
                        assert_eq!(
                            table.close(open, limit),
                            scan(&chars, open, limit),
                            "{chars:?} {open}"
                        );
                    }
                }
            }
        }
    }

    fn run(s: &str, pass: impl Fn(&Text, &mut Text) -> bool) -> String {
        let mut text = Text::from_str(s, true);
        let mut scratch = text.empty_like();
        crate::normalize::text::apply_changed(&mut text, &mut scratch, pass);
        assert_eq!(text.start.len(), text.chars.len());
        text.collect_string()
    }

    #[test]
    fn entities_table() {
        let cases = [
            ("AT&amp;T", "AT&T"),
            ("&lt;IBM&gt; &quot;x&quot;", "<IBM> \"x\""),
            ("caf&eacute; &#233; &#xE9;", "café é é"),
            ("&#146;s", "’s"),
            ("&nosuch; & x &amp", "&nosuch; & x &amp"),
            ("&#0; &#xFFFFFFFF;", "\u{FFFD} &#xFFFFFFFF;"),
        ];
        for (input, expected) in cases {
            assert_eq!(run(input, decode_entities), expected, "input {input:?}");
        }
    }

    #[test]
    fn tags_table() {
        let cases = [
            ("<p>One</p><p>Two</p>", "\n\nOne\n\n\n\nTwo\n\n"),
            ("a<br/>b", "a\nb"),
            ("<a href=\"x>y\">link</a> text", "link text"),
            ("x<script>var a = 1 < 2;</script>y", "xy"),
            (
                "<IBM> and <B and T Corp> said",
                "<IBM> and <B and T Corp> said",
            ),
            ("a < b and c > d", "a < b and c > d"),
            ("<!-- hidden -->shown", "shown"),
            ("<script>unclosed", "unclosed"),
            ("<span class=x>ok</span>", "ok"),
        ];
        for (input, expected) in cases {
            assert_eq!(run(input, strip_tags), expected, "input {input:?}");
        }
    }

    #[test]
    fn markdown_lines_table() {
        let cases = [
            ("# Title\nText", "Title\nText"),
            (
                "## Sub ##\n> quoted\n* item\n- dash",
                "Sub\nquoted\nitem\n- dash",
            ),
            ("a\n---\nb", "a\n\nb"),
            ("#hashtag\n#1 seed", "#hashtag\n#1 seed"),
            ("```\ncode\n```", "\ncode\n"),
            ("+\n*\n0", "\n\n0"),
            ("[1]: http://example.com\ntext", "\ntext"),
        ];
        for (input, expected) in cases {
            assert_eq!(
                run(input, strip_markdown_lines),
                expected,
                "input {input:?}"
            );
        }
    }

    #[test]
    fn markdown_inline_table() {
        let cases = [
            ("Trump [said](#) Sunday", "Trump said Sunday"),
            (
                "see [the report](http://x.com/a_(b)) now",
                "see the report now",
            ),
            ("![photo](img.png)Caption", "Caption"),
            ("<https://example.com/a>", "https://example.com/a"),
            ("[a conversation] there", "[a conversation] there"),
            ("use `code` here", "use code here"),
            ("[ref][1] x", "ref x"),
            (
                "keep [this] and `` ` `` then [a](b) end",
                "keep [this] and  `  then a end",
            ),
            ("[x] y [z](w)", "[x] y z"),
        ];
        for (input, expected) in cases {
            assert_eq!(
                run(input, strip_markdown_links),
                expected,
                "input {input:?}"
            );
        }
        let cases = [
            ("**Jacquelyn Martin**", "Jacquelyn Martin"),
            ("an *italic* and __bold__ word", "an italic and bold word"),
            ("***both*** ~~gone~~", "both gone"),
            (
                "snake_case_name and 5 * 3 * 2 and a*b*c",
                "snake_case_name and 5 * 3 * 2 and a*b*c",
            ),
            ("(**x**).", "(x)."),
            ("** not bold **", "** not bold **"),
            ("*", "*"),
        ];
        for (input, expected) in cases {
            assert_eq!(run(input, strip_emphasis), expected, "input {input:?}");
        }
    }
}
