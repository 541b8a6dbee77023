//! Options users choose by name or number, written once: the values each choice accepts,
//! the range of each whole-number option, one rule for case (ASCII letters compared
//! without case, everywhere) and one error kind (`Error::Option`). The Python layer reads
//! these rules from the native module (`option_rules`) to check options before they are
//! converted, so Python and the core cannot disagree.

use crate::entities::EntityType;
use crate::error::{Error, Result};
use crate::normalize::{Case, Form, Paragraphs};
use crate::similarity::exact::SetMetric;
use crate::similarity::shingles::Shingle;
use crate::similarity::ClusterMethod;

/// An option whose value is one of a few names.
pub trait Choice: Copy + Sized + 'static {
    /// The option's name, as users write it.
    const OPTION: &'static str;
    /// The names it accepts, as the docs write them, and what each means.
    const VALUES: &'static [(&'static str, Self)];

    /// The value `name` stands for, case aside; an `Error::Option` naming the accepted
    /// values otherwise.
    fn parse(name: &str) -> Result<Self> {
        Self::VALUES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|&(_, v)| v)
            .ok_or_else(|| {
                let listed: Vec<String> =
                    Self::VALUES.iter().map(|(n, _)| format!("{n:?}")).collect();
                Error::Option(format!(
                    "{}={name:?} is not one of {}",
                    Self::OPTION,
                    listed.join(", ")
                ))
            })
    }

    /// The accepted names.
    fn names() -> Vec<&'static str> {
        Self::VALUES.iter().map(|&(n, _)| n).collect()
    }

    /// The name users write for `self`.
    fn name(self) -> &'static str
    where
        Self: PartialEq,
    {
        Self::VALUES
            .iter()
            .find(|&&(_, v)| v == self)
            .map_or("", |&(n, _)| n)
    }
}

impl Choice for Form {
    const OPTION: &'static str = "unicode";
    const VALUES: &'static [(&'static str, Self)] = &[
        ("NFC", Form::Nfc),
        ("NFKC", Form::Nfkc),
        ("none", Form::None),
    ];
}

impl Choice for Paragraphs {
    const OPTION: &'static str = "paragraphs";
    const VALUES: &'static [(&'static str, Self)] =
        &[("keep", Paragraphs::Keep), ("flatten", Paragraphs::Flatten)];
}

impl Choice for Case {
    const OPTION: &'static str = "case";
    const VALUES: &'static [(&'static str, Self)] = &[
        ("preserve", Case::Preserve),
        ("lower", Case::Lower),
        ("casefold", Case::Casefold),
    ];
}

/// What to do with text that is not valid Unicode (lone surrogates).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnInvalid {
    /// Each bad code point becomes U+FFFD (one character, so offsets stay aligned).
    Replace,
    /// Refuse the text.
    Strict,
}

impl Choice for OnInvalid {
    const OPTION: &'static str = "errors";
    const VALUES: &'static [(&'static str, Self)] = &[
        ("replace", OnInvalid::Replace),
        ("strict", OnInvalid::Strict),
    ];
}

/// The unit of a shingle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShingleUnit {
    Word,
    Char,
}

impl ShingleUnit {
    /// Shingles of `ngram` units; `ngram` checked against its range.
    pub fn with(self, ngram: i64) -> Result<Shingle> {
        let n = whole("ngram", ngram)? as usize;
        Ok(match self {
            ShingleUnit::Word => Shingle::Words(n),
            ShingleUnit::Char => Shingle::Chars(n),
        })
    }
}

impl Choice for ShingleUnit {
    const OPTION: &'static str = "shingle";
    const VALUES: &'static [(&'static str, Self)] =
        &[("word", ShingleUnit::Word), ("char", ShingleUnit::Char)];
}

/// A similarity measure between two texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    Jaccard,
    Containment,
    Overlap,
    Cosine,
}

impl Metric {
    /// The set measure it is; `None` for cosine (a measure of weighted vectors).
    pub fn set_metric(self) -> Option<SetMetric> {
        match self {
            Metric::Jaccard => Some(SetMetric::Jaccard),
            Metric::Containment => Some(SetMetric::Containment),
            Metric::Overlap => Some(SetMetric::Overlap),
            Metric::Cosine => None,
        }
    }
}

impl Choice for Metric {
    const OPTION: &'static str = "metric";
    const VALUES: &'static [(&'static str, Self)] = &[
        ("jaccard", Metric::Jaccard),
        ("containment", Metric::Containment),
        ("overlap", Metric::Overlap),
        ("cosine", Metric::Cosine),
    ];
}

/// How pairs become groups: `clusters` takes the first two, `stories` all three.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Connected,
    Center,
    /// Average linkage over scored pairs (stories only).
    Average,
}

impl Method {
    /// The pair-clustering method; an error for "average", which needs scores.
    pub fn cluster_method(self) -> Result<ClusterMethod> {
        match self {
            Method::Connected => Ok(ClusterMethod::Connected),
            Method::Center => Ok(ClusterMethod::Center),
            Method::Average => Err(Error::Option(
                "method=\"average\" is for stories(); clusters takes \"connected\" or \"center\""
                    .into(),
            )),
        }
    }
}

impl Choice for Method {
    const OPTION: &'static str = "method";
    const VALUES: &'static [(&'static str, Self)] = &[
        ("connected", Method::Connected),
        ("center", Method::Center),
        ("average", Method::Average),
    ];
}

/// How `lsh_params` chooses bands and rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LshMode {
    /// Recall of 0.995 at the threshold, fewest candidates.
    Recall,
    /// Weighted false positives and false negatives (datasketch's rule).
    Balanced,
}

impl Choice for LshMode {
    const OPTION: &'static str = "mode";
    const VALUES: &'static [(&'static str, Self)] =
        &[("recall", LshMode::Recall), ("balanced", LshMode::Balanced)];
}

/// What two entities must share to co-occur.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    Document,
    Sentence,
}

impl Choice for Window {
    const OPTION: &'static str = "window";
    const VALUES: &'static [(&'static str, Self)] = &[
        ("document", Window::Document),
        ("sentence", Window::Sentence),
    ];
}

impl Choice for EntityType {
    const OPTION: &'static str = "type";
    const VALUES: &'static [(&'static str, Self)] = &[
        ("PER", EntityType::Per),
        ("ORG", EntityType::Org),
        ("LOC", EntityType::Loc),
        ("MISC", EntityType::Misc),
    ];
}

/// Every choice option and the names it accepts.
pub fn choices() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        (Form::OPTION, Form::names()),
        (Paragraphs::OPTION, Paragraphs::names()),
        (Case::OPTION, Case::names()),
        (OnInvalid::OPTION, OnInvalid::names()),
        (ShingleUnit::OPTION, ShingleUnit::names()),
        (Metric::OPTION, Metric::names()),
        (Method::OPTION, Method::names()),
        (LshMode::OPTION, LshMode::names()),
        (Window::OPTION, Window::names()),
        (EntityType::OPTION, EntityType::names()),
    ]
}

/// The range of each whole-number option: (name, lowest, highest).
pub const WHOLE: &[(&str, i64, i64)] = &[
    ("num_perm", 1, 8192),
    ("ngram", 1, 64),
    ("seed", 0, i64::MAX),
    ("bands", 1, 8192),
    ("rows", 1, 8192),
    ("k", 1, (1 << 31) - 1),
    ("n_threads", 1, 1024),
    ("min_words", 1, 10_000),
    ("junk_min_words", 0, 10_000),
    ("min_docs", 2, (1 << 31) - 1),
    ("min_chars", 0, (1 << 31) - 1),
    ("min_count", 1, i64::MAX),
];

/// Options that take a share in (0, 1].
pub const UNIT: &[&str] = &[
    "threshold",
    "duplicate",
    "excerpt",
    "rewrite",
    "rewrite_lead",
    "same_story",
    "same_topic",
    "candidates",
];

/// `value` of the whole-number option `name`, checked against its range in `WHOLE`.
///
/// # Panics
/// When `name` has no range in `WHOLE` (a programming error, caught by the tests).
pub fn whole(name: &str, value: i64) -> Result<u64> {
    let &(_, low, high) = WHOLE
        .iter()
        .find(|(n, _, _)| *n == name)
        .unwrap_or_else(|| panic!("no range for option {name:?}"));
    if (low..=high).contains(&value) {
        Ok(value as u64)
    } else {
        let span = if high == i64::MAX {
            format!("of {low} or more")
        } else {
            format!("from {low} to {high}")
        };
        Err(Error::Option(format!(
            "{name} must be a whole number {span}, got {value}"
        )))
    }
}

/// `value` of the share option `name`, checked to lie in (0, 1].
pub fn unit(name: &str, value: f64) -> Result<f64> {
    if value > 0.0 && value <= 1.0 {
        Ok(value)
    } else {
        Err(Error::Option(format!(
            "{name} must be in (0, 1], got {value}"
        )))
    }
}

/// Options that take a share in [0, 1], where 0 turns a rule off (`stories`' `min_link`
/// and `anchor`).
pub const SHARE: &[&str] = &["min_link", "anchor"];

/// `value` of the option `name` if it lies in [0, 1] (0 turning a rule off), else an
/// option error.
pub fn share(name: &str, value: f64) -> Result<f64> {
    if (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err(Error::Option(format!(
            "{name} must be in [0, 1], got {value}"
        )))
    }
}

/// A default, as the Python layer reads it ([`defaults`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(&'static str),
}

/// The defaults of the options several calls share, written here once: the binding
/// layer's signatures name these constants, and the Python layer, its accessors, the Dask
/// module and the command line read them through [`defaults`] (`_native.defaults()`).
pub mod default {
    /// Jaccard at which `near_duplicates`, `clusters` and `LSHIndex` call two texts copies.
    pub const THRESHOLD: f64 = 0.8;
    pub const NUM_PERM: i64 = 128;
    /// Shingles: word 3-grams.
    pub const NGRAM: i64 = 3;
    pub const SHINGLE: &str = "word";
    pub const SEED: i64 = 1;
    /// Candidate pairs are verified exactly.
    pub const VERIFY: bool = true;
    /// Texts of fewer words are junk ([`crate::similarity::junk`]).
    pub const JUNK_MIN_WORDS: i64 = 3;
    /// Shared passages are runs of at least this many words.
    pub const PASSAGE_MIN_WORDS: i64 = 8;
    /// `top_k`'s neighbours.
    pub const TOP_K: i64 = 10;
    /// `paired_similarity` and `top_k` compare by this metric, `similarity_matrix` and
    /// `cdist` by [`MATRIX_METRIC`].
    pub const METRIC: &str = "cosine";
    pub const MATRIX_METRIC: &str = "jaccard";
    pub const LSH_MODE: &str = "balanced";
    pub const CLUSTER_METHOD: &str = "connected";
    /// Invalid Unicode is replaced, not refused.
    pub const ERRORS: &str = "replace";
}

/// Every shared default by option name: [`default`]'s constants, the normalization
/// options of `normalize::Options::default()` (what `entities` normalizes with too) and
/// `relate`'s thresholds (`Thresholds::default()`).
pub fn defaults() -> Vec<(&'static str, Value)> {
    use Value::{Bool, Float, Int, Str};
    let n = crate::normalize::Options::default();
    let t = crate::similarity::relate::Thresholds::default();
    vec![
        ("threshold", Float(default::THRESHOLD)),
        ("num_perm", Int(default::NUM_PERM)),
        ("ngram", Int(default::NGRAM)),
        ("shingle", Str(default::SHINGLE)),
        ("seed", Int(default::SEED)),
        ("verify", Bool(default::VERIFY)),
        ("junk_min_words", Int(default::JUNK_MIN_WORDS)),
        ("passage_min_words", Int(default::PASSAGE_MIN_WORDS)),
        ("k", Int(default::TOP_K)),
        ("metric", Str(default::METRIC)),
        ("matrix_metric", Str(default::MATRIX_METRIC)),
        ("mode", Str(default::LSH_MODE)),
        ("method", Str(default::CLUSTER_METHOD)),
        ("errors", Str(default::ERRORS)),
        ("unicode", Str(n.form.name())),
        ("fix_mojibake", Bool(n.fix_mojibake)),
        ("fold_punctuation", Bool(n.fold_punctuation)),
        ("strip_markup", Bool(n.strip_markup)),
        ("boilerplate", Bool(n.boilerplate.builtin)),
        ("paragraphs", Str(n.paragraphs.name())),
        ("fix_spacing", Bool(n.fix_spacing)),
        ("case", Str(n.case.name())),
        ("strip_accents", Bool(n.strip_accents)),
        ("ascii", Bool(n.ascii)),
        ("offsets", Bool(n.offsets)),
        ("duplicate", Float(t.duplicate)),
        ("excerpt", Float(t.excerpt)),
        ("rewrite", Float(t.rewrite)),
        ("rewrite_lead", Float(t.rewrite_lead)),
        ("same_story", Float(t.same_story)),
        ("same_topic", Float(t.same_topic)),
        ("candidates", Float(t.candidates)),
        ("distinctive", Bool(t.distinctive)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_named_once_and_parse_as_their_options() {
        let all = defaults();
        let mut names: Vec<&str> = all.iter().map(|&(n, _)| n).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all.len(), "each default named once");
        let get = |name: &str| all.iter().find(|&&(n, _)| n == name).map(|&(_, v)| v);
        // The choices read back as the options they name.
        let Some(Value::Str(unicode)) = get("unicode") else {
            panic!("unicode")
        };
        assert_eq!(Form::parse(unicode), Ok(Form::Nfc));
        let Some(Value::Str(shingle)) = get("shingle") else {
            panic!("shingle")
        };
        assert!(ShingleUnit::parse(shingle).is_ok());
        for name in ["metric", "matrix_metric"] {
            let Some(Value::Str(m)) = get(name) else {
                panic!("{name}")
            };
            assert!(Metric::parse(m).is_ok());
        }
        // Whole numbers within their ranges, shares within (0, 1].
        for &(name, value) in &all {
            if let Value::Int(i) = value {
                if WHOLE.iter().any(|&(n, _, _)| n == name) {
                    assert!(whole(name, i).is_ok(), "{name}");
                }
            }
            if let Value::Float(f) = value {
                if UNIT.contains(&name) {
                    assert!(unit(name, f).is_ok(), "{name}");
                }
            }
        }
    }

    #[test]
    fn choices_ignore_case_and_name_what_they_accept() {
        assert_eq!(Metric::parse("Cosine"), Ok(Metric::Cosine));
        assert_eq!(Form::parse("nfkc"), Ok(Form::Nfkc));
        assert_eq!(EntityType::parse("per"), Ok(EntityType::Per));
        // The names are the types' own (`EntityType::as_str`).
        for &(name, t) in EntityType::VALUES {
            assert_eq!(name, t.as_str());
        }
        assert_eq!(EntityType::from_code(" misc "), Some(EntityType::Misc));
        let err = ShingleUnit::parse("words").unwrap_err();
        assert_eq!(
            err,
            Error::Option("shingle=\"words\" is not one of \"word\", \"char\"".into())
        );
        assert!(Method::Average.cluster_method().is_err());
        // Every choice is listed once, with distinct names.
        let all = choices();
        let mut names: Vec<_> = all.iter().map(|(n, _)| *n).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all.len());
    }

    #[test]
    fn ranges_are_checked() {
        assert_eq!(whole("ngram", 3), Ok(3));
        assert!(whole("ngram", 0).is_err());
        assert!(whole("ngram", 65).is_err());
        assert!(whole("seed", -1).is_err());
        assert_eq!(whole("seed", i64::MAX), Ok(i64::MAX as u64));
        assert!(unit("threshold", 0.0).is_err());
        assert!(unit("threshold", f64::NAN).is_err());
        assert_eq!(unit("threshold", 1.0), Ok(1.0));
        assert_eq!(share("anchor", 0.0), Ok(0.0));
        assert_eq!(share("anchor", 1.0), Ok(1.0));
        assert!(share("anchor", f64::NAN).is_err());
        assert!(share("min_link", -0.1).is_err());
        assert_eq!(ShingleUnit::Word.with(5), Ok(Shingle::Words(5)));
        assert!(ShingleUnit::Char.with(0).is_err());
    }
}
