//! Any text, any of the main option sets: no panic, the result is idempotent (normalizing
//! it again changes nothing), and offsets map every output character into the input.
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
    ];
    for opts in &option_sets {
        let once = normalize(&text, opts);
        let twice = normalize(&once.text, opts);
        assert_eq!(once.text, twice.text, "not idempotent for {opts:?}");
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
