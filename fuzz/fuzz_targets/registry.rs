//! The registry reader, the rules and the position finder on any bytes: no panic, no hang, and
//! every finding's line and column lie inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let loaded = tochki::registry::load_bytes("fuzz.yaml", data.to_vec());
    let findings = tochki::rules::check_loaded(&loaded);
    // Lines of the text; of the raw bytes when the file could not be decoded (the finding then
    // points at the first byte that is not UTF-8).
    let widths: Vec<usize> = if loaded.text.is_empty() {
        data.split(|&b| b == b'\n').map(<[u8]>::len).collect()
    } else {
        loaded.text.split('\n').map(|l| l.chars().count()).collect()
    };
    for finding in &findings {
        if let Some(line) = finding.line {
            assert!(
                line >= 1 && line <= widths.len(),
                "line {line} of {}",
                widths.len()
            );
            if let Some(column) = finding.column {
                let width = widths[line - 1];
                assert!(column >= 1 && column <= width + 1, "column {column} of {width}");
            }
        }
    }
});
