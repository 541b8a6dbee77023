//! Any bytes as an index file: a clear error or an index, never a panic; an index that
//! loads saves to the same bytes. Each input is tried as it is, and behind a valid header
//! with a valid checksum, so the parser past the checksum is reached too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newscorpus::similarity::lsh::LshIndex;
use xxhash_rust::xxh3::xxh3_64;

fn check(bytes: &[u8]) {
    if let Ok(index) = LshIndex::from_bytes(bytes) {
        let saved = index.to_bytes();
        let again = LshIndex::from_bytes(&saved).expect("a saved index loads");
        assert_eq!(again.to_bytes(), saved);
    }
}

fuzz_target!(|data: &[u8]| {
    check(data);
    // The header (magic and version) of a real file, then the input, then its checksum.
    let header = {
        let index = LshIndex::new(8, 2, 4, 0.5, 1).expect("valid parameters");
        index.to_bytes()[..12].to_vec()
    };
    let mut file = header;
    file.extend_from_slice(data);
    let checksum = xxh3_64(&file);
    file.extend_from_slice(&checksum.to_le_bytes());
    check(&file);
});
