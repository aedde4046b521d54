//! The registry reader, the rules and the position finder on any bytes: no panic, no hang, and
//! every finding's line and column lie inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let loaded = tochki::registry::load_bytes("fuzz.yaml", data.to_vec());
    let findings = tochki::rules::check_loaded(&loaded);
    let lines: Vec<&str> = loaded.text.split('\n').collect();
    for finding in &findings {
        if let Some(line) = finding.line {
            assert!(line >= 1 && line <= lines.len(), "line {line} of {}", lines.len());
            if let Some(column) = finding.column {
                let width = lines[line - 1].chars().count();
                assert!(column >= 1 && column <= width + 1, "column {column} of {width}");
            }
        }
    }
});
