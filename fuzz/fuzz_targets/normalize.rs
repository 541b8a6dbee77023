//! Any text, any of the main option sets: no panic, offsets map every output character into
//! the input, and with paragraphs kept the result is idempotent (normalizing it again
//! changes nothing). A flattened text is not checked for that: it is one line by
//! construction, and a second pass applies line rules to the whole of it (a date prefix
//! split over two lines, "date\n2025-02-03 x", goes only on the second pass).
#![no_main]

use libfuzzer_sys::fuzz_target;
use newscorpus::normalize::{normalize, Options, Paragraphs};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let input_chars = text.chars().count() as u32;
    let option_sets = [
        Options::default(),
        Options::matching_key(),
        Options {
            offsets: true,
            ..Options::default()
        },
        Options {
            offsets: true,
            ascii: true,
            paragraphs: Paragraphs::Flatten,
            ..Options::matching_key()
        },
        Options {
            paragraphs: Paragraphs::Keep,
            ..Options::matching_key()
        },
    ];
    for opts in &option_sets {
        let once = normalize(&text, opts);
        if opts.paragraphs == Paragraphs::Keep {
            let twice = normalize(&once.text, opts);
            assert_eq!(once.text, twice.text, "not idempotent for {opts:?}");
        }
        if opts.offsets {
            let n = once.text.chars().count();
            assert_eq!(once.start.len(), n);
            assert_eq!(once.end.len(), n);
            for (&s, &e) in once.start.iter().zip(&once.end) {
                assert!(
                    s <= e && e <= input_chars,
                    "offsets {s}..{e} of {input_chars}"
                );
            }
        }
    }
});
