//! Any text as a scraped article: parsed without a panic; a date it finds is ISO
//! (YYYY-MM-DD).
#![no_main]

use libfuzzer_sys::fuzz_target;
use newscorpus::article::parse;
use newscorpus::normalize::Options;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let opts = Options::default();
    let article = parse(&text, &opts);
    if let Some(date) = &article.date {
        assert_eq!(date.len(), 10, "{date}");
    }
});
