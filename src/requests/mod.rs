//! The journal of internal clients' requests checked against its deadlines (cycle.md, «The
//! journal of requests»; Omsk 8–9, Novosibirsk 10, Smolensk 5.3): the journal read by its
//! headers, each request's deadline on the production calendar, its status, and the summary.

pub mod codes;
pub mod deadline;
pub mod file;
pub mod journal;
pub mod summary;

pub use deadline::{Form, Status};

/// The version of the journal's JSON (`requests --format json`), its first key.
pub const FORMAT: &str = "tochki.requests/1";
pub use journal::{Journal, Request};
pub use summary::Summary;
pub use summary::SummaryBuilder;

/// How reading problems of a journal are worded.
pub const JOURNAL_WORDS: crate::input::Words = crate::input::Words {
    accusative: "журнал",
    like: "журнал обращений",
    save: "сохраните журнал как XLSX или CSV",
};

/// The journal's nouns for the ledger's summary line.
pub const LEDGER_WORDS: crate::input::table::LedgerWords = crate::input::table::LedgerWords {
    record: "обращений",
    heading: "заголовков",
};

/// The account of every row of the journals read (import.md): part of the journal's model, so
/// that renderers read it from here.
pub type Ledger = crate::input::Ledger;
