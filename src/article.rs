//! Article structure: title, date, URL, dateline and body of a scraped article.

use crate::normalize::{self, boilerplate, Options};
use regex::Regex;
use std::sync::OnceLock;

/// The parts of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    pub title: Option<String>,
    /// ISO date `YYYY-MM-DD`.
    pub date: Option<String>,
    pub url: Option<String>,
    /// An agency dateline such as "ABOARD AIR FORCE ONE/MOSCOW" or "LONDON (Reuters)".
    pub dateline: Option<String>,
    /// The normalized body, without title, date, URL footer, dateline and boilerplate.
    pub body: String,
    /// Every line (or prefix) taken out of the body, metadata first.
    pub removed: Vec<String>,
}

/// The months' English names, lower case.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

struct Patterns {
    month_first: Regex,
    day_first: Regex,
    iso: Regex,
    dateline: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let month = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
        let weekday = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?";
        let time = r"(?:\s*(?:,|at|-|\|)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?)?";
        let updated = r"(?:(?:published|updated|posted|last\s+updated)\s*:?\s*(?:on\s+)?)?";
        Patterns {
            month_first: Regex::new(&format!(r"(?i)^{updated}{weekday}{month}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}}){time}$")).expect("valid"),
            day_first: Regex::new(&format!(r"(?i)^{updated}{weekday}(\d{{1,2}})(?:st|nd|rd|th)?\s+{month},?\s+(\d{{4}}){time}$")).expect("valid"),
            iso: Regex::new(&format!(r"(?i)^{updated}(\d{{4}})-(\d{{2}})-(\d{{2}})(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?$")).expect("valid"),
            // Upper-case place names, an optional "(Agency)", then a dash: "LONDON (Reuters) - ",
            // "ABOARD AIR FORCE ONE/MOSCOW--", "KYIV, Ukraine — ".
            dateline: Regex::new(r"^((?:[A-Z][A-Z.'’]*(?:[ /,-]+[A-Z][A-Z.'’]*)*)(?:,\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?(?:\s*\([A-Za-z .&-]{2,30}\))?)\s*(?:--|—|–|\s-)\s*").expect("valid"),
        }
    })
}

fn month_number(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .position(|m| m.starts_with(&name) && name.len() >= 3)
        .map(|i| i as u32 + 1)
}

fn iso_date(year: u32, month: u32, day: u32) -> Option<String> {
    let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    ((1..=12).contains(&month)
        && day >= 1
        && day <= days[month as usize - 1]
        && (1000..=2999).contains(&year))
    .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// The ISO date when the whole line is a date ("February 03, 2025", "3 Feb 2025",
/// "2025-02-03", "Monday, February 3, 2025 10:42 AM", "Updated: 3 March 2025").
pub fn parse_date_line(line: &str) -> Option<String> {
    let line = line.trim();
    if line.len() > 60 {
        return None;
    }
    let p = patterns();
    if let Some(c) = p.month_first.captures(line) {
        return iso_date(c[3].parse().ok()?, month_number(&c[1])?, c[2].parse().ok()?);
    }
    if let Some(c) = p.day_first.captures(line) {
        return iso_date(c[3].parse().ok()?, month_number(&c[2])?, c[1].parse().ok()?);
    }
    if let Some(c) = p.iso.captures(line) {
        return iso_date(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    }
    None
}

/// A dateline at the start of the body, and its length in bytes.
pub fn dateline(body: &str) -> Option<(String, usize)> {
    let c = patterns().dateline.captures(body)?;
    let place = c.get(1)?.as_str().trim();
    // At least three capital letters, and not a sentence that starts with an acronym.
    let capitals = place.chars().filter(char::is_ascii_uppercase).count();
    let first_word = place.split([' ', '/', ',']).next().unwrap_or("");
    if capitals < 3 || first_word.chars().count() < 2 || c.get(0)?.end() > 80 {
        return None;
    }
    Some((place.to_string(), c.get(0)?.end()))
}

fn strip_inline_markup(line: &str) -> String {
    let opts = Options {
        boilerplate: boilerplate::BoilerplateRules::default(),
        ..Options::default()
    };
    normalize::normalize(line, &opts).text
}

/// Split one scraped article into its parts; the body is normalized with `opts`.
pub fn parse(text: &str, opts: &Options) -> Article {
    let mut article = Article::default();
    let mut lines: Vec<String> = text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .map(str::to_string)
        .collect();

    // 1. The scraper's "date YYYY-MM-DD" prefix.
    if let Some(first) = lines.iter_mut().find(|l| !l.trim().is_empty()) {
        if let Some((date, len)) = boilerplate::date_prefix(first) {
            article.date = Some(date.to_string());
            article.removed.push(first[..len].trim().to_string());
            *first = first[len..].to_string();
        }
    }
    let non_empty: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect();

    // 2. Title: a markdown heading among the first lines, or a short first line standing
    //    alone as a headline (BBC-style: headline, blank line, text).
    let mut drop: Vec<usize> = Vec::new();
    for &i in non_empty.iter().take(3) {
        let line = lines[i].trim();
        if line.starts_with('#') && line.trim_start_matches('#').starts_with(' ') {
            article.title = Some(strip_inline_markup(line));
            drop.push(i);
            break;
        }
    }
    if article.title.is_none() {
        if let Some(&i) = non_empty.first() {
            let line = lines[i].trim();
            let followed_by_blank = lines.get(i + 1).is_some_and(|l| l.trim().is_empty());
            let words = line.split_whitespace().count();
            let ends_sentence = line.ends_with(['.', ',', ';', ':']);
            if followed_by_blank
                && non_empty.len() > 1
                && (2..=20).contains(&words)
                && line.chars().count() <= 150
                && !ends_sentence
                && parse_date_line(line).is_none()
            {
                article.title = Some(strip_inline_markup(line));
                drop.push(i);
            }
        }
    }

    // 3. A line that is nothing but a date, near the top.
    for &i in non_empty.iter().take(5) {
        if drop.contains(&i) {
            continue;
        }
        if let Some(date) = parse_date_line(&strip_inline_markup(&lines[i])) {
            if article.date.is_none() {
                article.date = Some(date);
            }
            drop.push(i);
            break;
        }
    }

    // 4. An "Original url:" footer (the URL on the same or the next line), or a bare URL
    //    as the last line.
    let tail: Vec<usize> = non_empty.iter().rev().take(4).copied().collect();
    for &i in &tail {
        let line = lines[i].trim();
        if boilerplate::is_url_footer(line) {
            let inline_url = line
                .split_once(':')
                .map(|(_, u)| u.trim())
                .filter(|u| !u.is_empty());
            let url = inline_url.map(str::to_string).or_else(|| {
                non_empty.iter().find(|&&j| j > i).and_then(|&j| {
                    let next = lines[j].trim();
                    boilerplate::is_bare_url(next).then(|| {
                        drop.push(j);
                        next.to_string()
                    })
                })
            });
            article.url = url.map(|u| u.trim_matches(['<', '>']).to_string());
            drop.push(i);
            break;
        }
    }
    if article.url.is_none() {
        if let Some(&i) = non_empty.last() {
            let line = lines[i].trim();
            if boilerplate::is_bare_url(line) && non_empty.len() > 1 {
                article.url = Some(line.trim_matches(['<', '>']).to_string());
                drop.push(i);
            }
        }
    }
    drop.sort_unstable();
    drop.dedup();
    for &i in &drop {
        article.removed.push(lines[i].trim().to_string());
    }
    let body: Vec<&str> = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !drop.contains(i))
        .map(|(_, l)| l.as_str())
        .collect();
    let body = body.join("\n");

    // 5. Normalize the body, then take a dateline off its start.
    let normalized = normalize::normalize(&body, opts);
    article.removed.extend(normalized.removed);
    let mut body = normalized.text;
    if let Some((place, len)) = dateline(&body) {
        article.removed.push(body[..len].trim().to_string());
        article.dateline = Some(place);
        body = body[len..].to_string();
    }
    article.body = body;
    article
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lines_table() {
        let cases = [
            ("February 03, 2025", Some("2025-02-03")),
            ("Feb. 3, 2025", Some("2025-02-03")),
            ("3 February 2025", Some("2025-02-03")),
            ("Monday, February 3, 2025 10:42 AM", Some("2025-02-03")),
            ("2025-02-03", Some("2025-02-03")),
            ("Updated: 3 March 2025", Some("2025-03-03")),
            ("February 30, 2025", None),
            ("May the talks succeed, 2025", None),
            ("Trump said on February 3, 2025 that", None),
        ];
        for (line, expected) in cases {
            assert_eq!(parse_date_line(line).as_deref(), expected, "line {line:?}");
        }
    }

    #[test]
    fn datelines_table() {
        let cases = [
            (
                "ABOARD AIR FORCE ONE/MOSCOW--U.S. President",
                Some("ABOARD AIR FORCE ONE/MOSCOW"),
            ),
            ("LONDON (Reuters) - The Bank", Some("LONDON (Reuters)")),
            ("KYIV, Ukraine — Officials", Some("KYIV, Ukraine")),
            ("NATO said on Monday", None),
            ("U.S. President Donald Trump", None),
            ("The president - who spoke", None),
        ];
        for (body, expected) in cases {
            assert_eq!(
                dateline(body).map(|d| d.0).as_deref(),
                expected,
                "body {body:?}"
            );
        }
    }

    #[test]
    fn parse_markdown_article() {
        let text = "\n\n# U.S. and Russia in ‘Serious’ Talks\n\nFebruary 03, 2025\n\nBody **text** here.\n\nOriginal url:\n\n<https://example.com/a>";
        let a = parse(text, &Options::default());
        assert_eq!(
            a.title.as_deref(),
            Some("U.S. and Russia in 'Serious' Talks")
        );
        assert_eq!(a.date.as_deref(), Some("2025-02-03"));
        assert_eq!(a.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(a.body, "Body text here.");
    }

    #[test]
    fn parse_headline_article() {
        let a = parse(
            "Ad sales boost profits\n\nQuarterly profits rose.\n\nMore text.",
            &Options::default(),
        );
        assert_eq!(a.title.as_deref(), Some("Ad sales boost profits"));
        assert_eq!(a.body, "Quarterly profits rose.\n\nMore text.");
        let a = parse(
            " date 2025-02-10 The US President said.\n\nMore.",
            &Options::default(),
        );
        assert_eq!(a.date.as_deref(), Some("2025-02-10"));
        assert_eq!(a.title, None);
        assert_eq!(a.body, "The US President said.\n\nMore.");
    }
}
