//! Two registries from one input (split at the first NUL byte): diff never panics, and a
//! registry compared with itself has no changes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (old, new) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, data),
    };
    let old = tochki::registry::load_bytes("old.yaml", old.to_vec());
    let new = tochki::registry::load_bytes("new.yaml", new.to_vec());
    if let (Some(a), Some(b)) = (&old.registry, &new.registry) {
        let _ = tochki::diff::compare(a, b);
        assert!(tochki::diff::compare(a, a).is_empty(), "diff(a, a) is not empty");
    }
});
