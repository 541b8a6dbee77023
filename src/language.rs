//! Which language a text is in: whatlang's trigram model (69 languages, MIT, built in, no
//! download), on the first characters of the cleaned text.

use crate::normalize::text::prefix;
use crate::normalize::{normalize, Options};

/// Characters of raw text read (markup and all), and of cleaned text judged: enough for a
/// reliable guess, and the cost stays the same however long an article is.
const RAW_PREFIX: usize = 3000;
const CLEAN_PREFIX: usize = 600;

/// A language guess: its ISO 639-1 code (ISO 639-3 where there is none), whatlang's
/// confidence (0 to 1), and whether whatlang calls it reliable.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Language {
    pub code: &'static str,
    pub confidence: f64,
    pub reliable: bool,
}

/// Frequent English function words: a text where they are at least 5% of its first 300
/// words reads as English, whatever a trigram model says (a results table of names can
/// look Spanish to it).
const ENGLISH: &[&str] = &[
    "a", "and", "are", "as", "at", "be", "by", "for", "from", "has", "his", "in", "is", "it", "of",
    "on", "said", "that", "the", "to", "was", "with",
];

/// The words of [`ENGLISH`] that other languages write as often ("in" and "was" in German,
/// "a" and "in" in Italian, "on" in French): they make the 5%, not the case for English.
const SHARED: &[&str] = &["a", "as", "in", "is", "it", "on", "was"];

/// Frequent function words of German, Italian, Spanish, French, Dutch, Portuguese and
/// Polish that English does not write. A text with more of them than twice its English
/// words of its own ([`ENGLISH`] but [`SHARED`]), plus two, does not read as English
/// however many "in" it holds (a German report: "in" 9 times in 132 words, "the" never).
///
/// (Sorted, for a binary search of a word in lower case.)
const FOREIGN: &[&str] = &[
    "auf", "che", "com", "dans", "das", "del", "della", "dem", "den", "der", "di", "die", "een",
    "ein", "eine", "einer", "für", "gli", "het", "il", "im", "ist", "jest", "las", "les", "los",
    "mit", "nicht", "nie", "niet", "não", "oraz", "para", "pas", "por", "pour", "que", "qui",
    "sich", "się", "sono", "sur", "uma", "una", "und", "une", "von", "zijn", "zu", "że",
];

/// Does `text` read as English: at least 20 words among its first 300, and English
/// function words at least 5% of them? (Cheap: no model.) Texts of fewer words say nothing
/// and count as English.
pub fn reads_as_english(text: &str) -> bool {
    !matches!(reading(text), Reading::Other)
}

/// How [`reads_as_english`] reads a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// At least 20 words among its first 300, English function words 5% of them.
    English,
    /// Fewer than 20 words among its first 300 (a headline, or a script written without
    /// spaces): nothing can be told this way.
    Short,
    /// Enough words, too few of them English function words.
    Other,
}

/// How `text` reads ([`Reading`]); cheap, no model.
pub fn reading(text: &str) -> Reading {
    let (mut words, mut english, mut own, mut foreign) = (0usize, 0usize, 0usize, 0usize);
    let not_foreign = |own: usize, foreign: usize| foreign <= 2 * own + 2;
    for w in prefix(text, RAW_PREFIX).split_whitespace().take(300) {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        if w.is_empty() || !w.chars().all(char::is_alphabetic) {
            continue;
        }
        words += 1;
        if w.len() <= 4 && ENGLISH.iter().any(|e| e.eq_ignore_ascii_case(w)) {
            english += 1;
            if !SHARED.iter().any(|e| e.eq_ignore_ascii_case(w)) {
                own += 1;
                // At most 300 words are read, so 15 English words of its own (5% of 300)
                // settle it.
                if own * 20 >= 300 && not_foreign(own, foreign) {
                    return Reading::English;
                }
            }
        } else if w.len() <= 6 && is_foreign(w) {
            foreign += 1;
        }
    }
    if words < 20 {
        Reading::Short
    } else if english * 20 >= words && not_foreign(own, foreign) {
        Reading::English
    } else {
        Reading::Other
    }
}

/// Whether `w` (at most 6 bytes) is one of [`FOREIGN`], ignoring case.
fn is_foreign(w: &str) -> bool {
    if !w.is_ascii() {
        return FOREIGN
            .iter()
            .any(|f| w.chars().flat_map(char::to_lowercase).eq(f.chars()));
    }
    let mut buf = [0u8; 6];
    let b = &mut buf[..w.len()];
    b.copy_from_slice(w.as_bytes());
    b.make_ascii_lowercase();
    std::str::from_utf8(b).is_ok_and(|lower| FOREIGN.binary_search(&lower).is_ok())
}

/// The language of `text`, or `None` when nothing can be told (no letters).
pub fn detect(text: &str) -> Option<Language> {
    let clean = normalize(prefix(text, RAW_PREFIX), &Options::default()).text;
    let info = whatlang::detect(prefix(&clean, CLEAN_PREFIX))?;
    Some(Language {
        code: iso639_1(info.lang()),
        confidence: info.confidence(),
        reliable: info.is_reliable(),
    })
}

/// ISO 639-1 codes of whatlang's languages ("en", "de", "zh"), as users write them.
fn iso639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::{
        Afr, Aka, Amh, Ara, Aze, Bel, Ben, Bul, Cat, Ces, Cmn, Cym, Dan, Deu, Ell, Eng, Epo, Est,
        Fin, Fra, Guj, Heb, Hin, Hrv, Hun, Hye, Ind, Ita, Jav, Jpn, Kan, Kat, Khm, Kor, Lat, Lav,
        Lit, Mal, Mar, Mkd, Mya, Nep, Nld, Nob, Ori, Pan, Pes, Pol, Por, Ron, Rus, Sin, Slk, Slv,
        Sna, Spa, Srp, Swe, Tam, Tel, Tgl, Tha, Tuk, Tur, Ukr, Urd, Uzb, Vie, Yid, Zul,
    };
    match lang {
        Afr => "af",
        Aka => "ak",
        Amh => "am",
        Ara => "ar",
        Aze => "az",
        Bel => "be",
        Ben => "bn",
        Bul => "bg",
        Cat => "ca",
        Ces => "cs",
        Cmn => "zh",
        Cym => "cy",
        Dan => "da",
        Deu => "de",
        Ell => "el",
        Eng => "en",
        Epo => "eo",
        Est => "et",
        Fin => "fi",
        Fra => "fr",
        Guj => "gu",
        Heb => "he",
        Hin => "hi",
        Hrv => "hr",
        Hun => "hu",
        Hye => "hy",
        Ind => "id",
        Ita => "it",
        Jav => "jv",
        Jpn => "ja",
        Kan => "kn",
        Kat => "ka",
        Khm => "km",
        Kor => "ko",
        Lat => "la",
        Lav => "lv",
        Lit => "lt",
        Mal => "ml",
        Mar => "mr",
        Mkd => "mk",
        Mya => "my",
        Nep => "ne",
        Nld => "nl",
        Nob => "nb",
        Ori => "or",
        Pan => "pa",
        Pes => "fa",
        Pol => "pl",
        Por => "pt",
        Ron => "ro",
        Rus => "ru",
        Sin => "si",
        Slk => "sk",
        Slv => "sl",
        Sna => "sn",
        Spa => "es",
        Srp => "sr",
        Swe => "sv",
        Tam => "ta",
        Tel => "te",
        Tgl => "tl",
        Tha => "th",
        Tuk => "tk",
        Tur => "tr",
        Ukr => "uk",
        Urd => "ur",
        Uzb => "uz",
        Vie => "vi",
        Yid => "yi",
        Zul => "zu",
        // A language a later whatlang adds: its ISO 639-3 code.
        #[allow(unreachable_patterns)]
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn news_in_several_languages() {
        let cases = [
            ("en", "The council voted on Monday to close the harbour bridge for two years of repairs, the mayor said."),
            ("de", "Die Polizei hat am Montag die Brücke gesperrt, weil sie dringend repariert werden muss, sagte der Bürgermeister."),
            ("fr", "Le conseil municipal a voté lundi la fermeture du pont du port pour deux ans de travaux, a déclaré le maire."),
            ("es", "El ayuntamiento votó el lunes cerrar el puente del puerto durante dos años de reparaciones, dijo el alcalde."),
            ("ru", "Городской совет в понедельник проголосовал за закрытие моста на два года ремонта, сообщил мэр."),
            ("zh", "市议会周一投票决定关闭港口大桥两年进行维修，市长表示。"),
        ];
        for (code, text) in cases {
            let found = detect(text).expect("a language");
            // (One sentence is enough for the code; whatlang calls short texts of some
            // languages unreliable.)
            assert_eq!(found.code, code, "{text}: {found:?}");
            assert!(found.confidence > 0.5, "{text}: {found:?}");
        }
        assert!(detect("").is_none() && detect("1234 5678 !!!").is_none());
        assert!(super::reads_as_english(cases[0].1) && super::reads_as_english("Short."));
        assert!(super::FOREIGN.windows(2).all(|w| w[0] < w[1]), "sorted");
        assert!(super::is_foreign("Und") && super::is_foreign("FÜR") && !super::is_foreign("the"));
        let german = cases[1].1.repeat(3);
        assert!(!super::reads_as_english(&german));
        // "in" is German and Italian too: a German report full of it is no English text,
        // nor an Italian one with "a" and "in"; an English report naming a firm "Boveri
        // und Cie" or "El Salvador" still is.
        let report = "Die Polizei in Mannheim war in der Nacht in der Innenstadt im Einsatz, \
            und die Feuerwehr in Ludwigshafen half in zwei Fällen in der Altstadt aus. ";
        assert!(!super::reads_as_english(&report.repeat(3)));
        let italian = "Il governo a Roma ha detto che la riforma in Senato è pronta, e il voto \
            in aula è previsto a marzo per la legge della regione in Sicilia. ";
        assert!(!super::reads_as_english(&italian.repeat(3)));
        let english = "The company is a subsidiary of Brown Boveri und Cie, which said on Monday \
            that the United States beat El Salvador and that the shares rose. ";
        assert!(super::reads_as_english(&english.repeat(3)));
        // Markup is cleaned first, and only the beginning of a long text is read.
        let long = format!(
            "<p>{}</p>",
            "The mayor said the bridge would close. ".repeat(10_000)
        );
        assert_eq!(detect(&long).map(|l| l.code), Some("en"));
    }
}
