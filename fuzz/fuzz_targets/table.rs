//! A registry read from a table (import.md) and a journal of requests, on any bytes written as
//! .docx, .odt, .ods, .xlsx and .csv: no panic, no hang; every touchpoint read has a place in the table, and
//! every request is counted once in the summary.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tochki::calendar::Calendar;
use tochki::registry::import::Options;
use tochki::requests::journal::{Judge, read};
use tochki::requests::SummaryBuilder;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("temporary folder");
    for name in ["t.docx", "t.odt", "t.ods", "t.xlsx", "t.csv"] {
        let path = dir.path().join(name);
        std::fs::write(&path, data).expect("fuzz input written");
        if let Ok(loaded) = tochki::registry::load::load_table(&path, &Options::default())
            && let (Some(registry), Some(places)) = (&loaded.registry, &loaded.places)
        {
            let rows: usize = places.directions.iter().flat_map(|d| &d.1).map(|p| p.1.len()).sum();
            assert_eq!(rows, registry.touchpoints().count());
            let _ = tochki::rules::check_loaded(&loaded);
        }
    }
    let path = dir.path().join("t.csv");
    let judge = Judge::new(
        Calendar::russian(),
        chrono::NaiveDate::from_ymd_opt(2025, 5, 14).expect("a date"),
    );
    if let Ok(mut rows) = tochki::input::CsvRows::open(&path, &tochki::requests::JOURNAL_WORDS) {
        let mut summary = SummaryBuilder::default();
        let mut seen = 0;
        let result = read("t.csv", &mut rows, &judge, &mut |request| {
            summary.add(&request);
            seen += 1;
        });
        if result.is_ok() {
            assert_eq!(summary.finish().counts.total, seen);
        }
    }
});
