//! Junk texts: placeholders and pages that are not articles.
//!
//! Scraped corpora hold texts such as "-1", "View Comments", cookie walls, captcha pages,
//! paywall teasers and "page not found" pages. Two of them look alike (and thousands of
//! copies of one are common), so similarity would pair them as copies and join them into
//! stories. A text is junk when, read as its matching key (lower case, no accents):
//!
//! - it has fewer than `min_words` words (letters or digits); or
//! - it is short (under [`SHORT_PAGE_WORDS`] words) and says what such pages say: a
//!   phrase of [`PAGE_PHRASES`] ("enable javascript", "are you a robot", "subscribe to
//!   continue", "page not found", ...).
//!
//! The phrase rule only looks at short texts, so an article that reports on captchas or
//! cookie law is never junk.

/// Why a text is junk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Junk {
    /// Fewer words than the minimum.
    TooFewWords,
    /// A cookie or JavaScript wall.
    CookieWall,
    /// A captcha or bot check.
    Captcha,
    /// A paywall or sign-in page.
    Paywall,
    /// An error page ("page not found", "access denied").
    ErrorPage,
    /// A newsletter box or sign-up widget scraped on its own ("... right to your inbox").
    Newsletter,
}

impl Junk {
    pub fn as_str(self) -> &'static str {
        match self {
            Junk::TooFewWords => "too few words",
            Junk::CookieWall => "cookie wall",
            Junk::Captcha => "captcha",
            Junk::Paywall => "paywall",
            Junk::ErrorPage => "error page",
            Junk::Newsletter => "newsletter box",
        }
    }
}

/// The default minimum number of words of a text that is not junk.
pub const MIN_WORDS: usize = 3;

/// A newsletter box is junk only in texts of fewer words than this: short articles often
/// end with one (one outlet's entertainment briefs of 87 to 106 words do).
pub const NEWSLETTER_WORDS: usize = 60;

/// Texts of fewer words than this are checked for [`PAGE_PHRASES`].
pub const SHORT_PAGE_WORDS: usize = 120;

/// What pages that are not articles say (in a matching key's words, one space apart).
pub const PAGE_PHRASES: &[(&str, Junk)] = &[
    ("we use cookies", Junk::CookieWall),
    ("accept cookies", Junk::CookieWall),
    ("accept all cookies", Junk::CookieWall),
    ("enable cookies", Junk::CookieWall),
    ("cookies are disabled", Junk::CookieWall),
    ("cookie settings", Junk::CookieWall),
    ("cookie policy", Junk::CookieWall),
    ("enable javascript", Junk::CookieWall),
    ("javascript is disabled", Junk::CookieWall),
    ("javascript is required", Junk::CookieWall),
    ("browser does not support", Junk::CookieWall),
    ("captcha", Junk::Captcha),
    ("are you a robot", Junk::Captcha),
    ("not a robot", Junk::Captcha),
    ("verify you are human", Junk::Captcha),
    ("verify that you are human", Junk::Captcha),
    ("unusual traffic", Junk::Captcha),
    ("subscribe to continue", Junk::Paywall),
    ("subscribe to read", Junk::Paywall),
    ("to continue reading", Junk::Paywall),
    ("already a subscriber", Junk::Paywall),
    ("subscribers only", Junk::Paywall),
    ("for subscribers", Junk::Paywall),
    ("sign in to continue", Junk::Paywall),
    ("log in to continue", Junk::Paywall),
    ("page not found", Junk::ErrorPage),
    ("404 not found", Junk::ErrorPage),
    ("error 404", Junk::ErrorPage),
    ("access denied", Junk::ErrorPage),
    ("403 forbidden", Junk::ErrorPage),
    ("page you requested", Junk::ErrorPage),
    ("page you are looking for", Junk::ErrorPage),
    ("this page does not exist", Junk::ErrorPage),
    ("content is no longer available", Junk::ErrorPage),
    ("article is no longer available", Junk::ErrorPage),
    ("to your inbox", Junk::Newsletter),
    ("in your inbox", Junk::Newsletter),
    ("sign up for our newsletter", Junk::Newsletter),
    ("subscribe to our newsletter", Junk::Newsletter),
];

/// Every phrase of [`PAGE_PHRASES`] holds one of these words, so a short text without any
/// of them is checked no further (most short texts are wire briefs, not pages).
const TRIGGERS: &[&str] = &[
    "cookie",
    "cookies",
    "javascript",
    "browser",
    "captcha",
    "robot",
    "human",
    "traffic",
    "subscribe",
    "subscriber",
    "subscribers",
    "continue",
    "found",
    "404",
    "403",
    "denied",
    "requested",
    "looking",
    "exist",
    "available",
    "inbox",
    "newsletter",
];

/// Why the text whose matching key is `key` is junk, if it is (see the module).
pub fn junk(key: &str, min_words: usize) -> Option<Junk> {
    let mut words = key
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let mut short: Vec<&str> = Vec::new();
    let mut triggered = false;
    for w in words.by_ref() {
        triggered |= w.len() <= 10 && TRIGGERS.contains(&w);
        short.push(w);
        if short.len() == SHORT_PAGE_WORDS {
            break;
        }
    }
    if short.len() < min_words {
        return Some(Junk::TooFewWords);
    }
    if short.len() == SHORT_PAGE_WORDS || !triggered {
        return None;
    }
    let joined = format!(" {} ", short.join(" "));
    PAGE_PHRASES
        .iter()
        .filter(|(_, kind)| *kind != Junk::Newsletter || short.len() < NEWSLETTER_WORDS)
        .find(|(phrase, _)| {
            joined.match_indices(phrase).any(|(i, _)| {
                joined[..i].ends_with(' ') && joined[i + phrase.len()..].starts_with(' ')
            })
        })
        .map(|&(_, kind)| kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_holds_a_trigger_word() {
        for (phrase, _) in PAGE_PHRASES {
            assert!(phrase.split(' ').any(|w| TRIGGERS.contains(&w)), "{phrase}");
        }
    }

    #[test]
    fn placeholders_and_walls_are_junk_articles_are_not() {
        assert_eq!(junk("-1", MIN_WORDS), Some(Junk::TooFewWords));
        assert_eq!(junk("view comments", MIN_WORDS), Some(Junk::TooFewWords));
        assert_eq!(junk("harbour bridge closes", MIN_WORDS), None);
        assert_eq!(junk("", MIN_WORDS), Some(Junk::TooFewWords));
        assert_eq!(junk("", 0), None);
        let wall = "we use cookies to improve your experience. by continuing you accept our \
                    cookie policy. please enable javascript to view this site.";
        assert_eq!(junk(wall, MIN_WORDS), Some(Junk::CookieWall));
        let bot = "our systems have detected unusual traffic from your network. please \
                   complete the captcha to show you are not a robot.";
        assert_eq!(junk(bot, MIN_WORDS), Some(Junk::Captcha));
        let paywall = "this article is for subscribers only. subscribe to continue reading \
                       or log in if you are already a subscriber.";
        assert_eq!(junk(paywall, MIN_WORDS), Some(Junk::Paywall));
        let widget = "updated every friday copyright 2015 rollingstory inc huffpost entertainment \
                      is your one stop shop for celebrity news sent right to your inbox six \
                      days a week learn more";
        assert_eq!(junk(widget, MIN_WORDS), Some(Junk::Newsletter));
        let brief = format!(
            "{} {widget}",
            "the host recreated the press conference on thursday ".repeat(8)
        );
        assert_eq!(junk(&brief, MIN_WORDS), None);
        let not_found = "page not found. the page you requested does not exist or has been moved.";
        assert_eq!(junk(not_found, MIN_WORDS), Some(Junk::ErrorPage));
        // Phrases count as whole words only.
        let story = "the captain of the team said the captchas were ok and the stadium \
                     404s were fixed before the match";
        assert_eq!(junk(story, MIN_WORDS), None);
        // A long article that mentions captchas is an article.
        let long = format!(
            "{} websites ask readers to prove they are not a robot with a captcha",
            "regulators said on monday that ".repeat(30)
        );
        assert_eq!(junk(&long, MIN_WORDS), None);
        assert_eq!(junk("one two three", 3), None);
        assert_eq!(junk("one two three", 4), Some(Junk::TooFewWords));
    }
}
