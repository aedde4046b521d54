//! The annual satisfaction survey (Omsk appendix and p.11-13; Smolensk 4-5; Novosibirsk 13-14):
//! reading exports as users have them, checking them (S001–S009), tallying them with intervals,
//! comparing years, breaking down by segment without breaking anonymity, and the pain map.

pub mod by_process;
pub mod codes;
pub mod columns;
pub mod definition;
pub mod label;
pub mod proposals;
pub mod questionnaire;
pub mod report;
pub mod scale;
pub mod scan;
pub mod stats;
pub mod tally;

pub use tally::{TallyConfig, TallyReport, WaveInput, tally};

/// How reading problems of an export are worded.
pub const EXPORT_WORDS: crate::input::Words = crate::input::Words {
    accusative: "выгрузку",
    like: "выгрузку ответов",
    save: "сохраните ответы как CSV или XLSX",
};
