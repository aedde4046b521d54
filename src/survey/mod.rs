//! The annual satisfaction survey (Omsk appendix and p.11-13; Smolensk 4-5; Novosibirsk 13-14):
//! reading exports as users have them, checking them (S001–S013), tallying them with intervals,
//! comparing years, breaking down by segment without breaking anonymity, and the pain map.

pub mod by_process;
pub mod codes;
pub mod columns;
pub mod dates;
pub mod definition;
pub mod label;
pub mod pipeline;
pub mod proposals;
pub mod questionnaire;
pub mod report;
pub mod scale;
pub mod scan;
pub mod stats;
pub mod tally;
pub mod waves;

pub use tally::{TallyConfig, TallyReport, WaveInput, tally};

/// How reading problems of an export are worded.
pub const EXPORT_WORDS: crate::input::Words = crate::input::Words {
    accusative: "выгрузку",
    like: "выгрузку ответов",
    save: "сохраните ответы как CSV, XLSX или ODS",
};

/// The survey's nouns for the ledger's summary line.
pub const LEDGER_WORDS: crate::input::table::LedgerWords = crate::input::table::LedgerWords {
    record: "анкет",
    heading: "заголовков",
};

/// Per export read, the ledger's one-line summary and what its reading noticed (hidden sheets,
/// columns, a filter that was on), each a note of its own.
pub fn ledger_notes(report: &TallyReport) -> Vec<String> {
    let mut notes = Vec::new();
    for wave in &report.waves {
        let ledger = crate::input::Ledger {
            tables: vec![wave.ledger.clone()],
            others: Vec::new(),
        };
        notes.push(format!(
            "{}: {}",
            wave.ledger.table,
            ledger.summary(&LEDGER_WORDS)
        ));
        notes.extend(ledger.notes());
    }
    notes
}
