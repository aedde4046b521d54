//! The survey reader and the tally on any export (CSV or, with a PK header, XLSX): no panic, no
//! hang, and every item's answers plus the cells left out never exceed the cells read.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tochki::input::records::ReadOptions;
use tochki::survey::{TallyConfig, WaveInput, tally};

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("answers_2025.csv");
    std::fs::write(&path, data).expect("fuzz input written");
    for by in [None, Some("Категория должностей".to_string())] {
        let mut config = TallyConfig::new(ReadOptions::default(), 5);
        config.by = by;
        config.collect_pains = true;
        let waves = [WaveInput {
            label: "2025".into(),
            path: path.clone(),
        }];
        if let Ok(report) = tally(&waves, &config) {
            for wave in &report.waves {
                for item in &wave.items {
                    // A small item's counts are withheld (survey.md «Small items»): zeros.
                    let counted: u64 = item.figures.counts.0.iter().map(|(_, c)| c).sum();
                    if item.figures.small {
                        assert_eq!(counted, 0);
                    } else {
                        assert_eq!(counted, item.figures.n);
                    }
                    assert!(item.figures.n <= wave.respondents);
                }
                // The ledger accounts for every row: its counts add up, and its records are
                // the questionnaires counted.
                let ledger = &wave.ledger;
                assert_eq!(ledger.counts.values().sum::<usize>(), ledger.rows);
                assert_eq!(
                    ledger.count(tochki::input::table::Fate::Record) as u64,
                    wave.respondents
                );
            }
        }
    }
});
