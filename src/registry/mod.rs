//! The registry: its model, how it is read from YAML, its needs catalogue, and where its nodes
//! stand in the file.

pub mod import;
pub mod link;
pub mod load;
pub mod model;
pub mod needs;
pub mod positions;
pub mod profiles;
pub mod r001;
pub mod stats;

pub use load::{Loaded, load_bytes, load_file};
pub use model::Registry;

/// The account of every row of the tables a registry was read from (import.md): part of the
/// registry's reading, so that renderers read it from here.
pub type Ledger = crate::input::Ledger;

/// How reading problems of a registry table are worded.
pub const REGISTRY_WORDS: crate::input::Words = crate::input::Words {
    accusative: "перечень",
    like: "перечень",
    save: "сохраните перечень как .docx или .xlsx",
};
