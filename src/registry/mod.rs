//! The registry: its model, how it is read from YAML, its needs catalogue, and where its nodes
//! stand in the file.

pub mod import;
pub mod import_codes;
pub mod link;
pub mod load;
pub mod model;
pub mod needs;
pub mod positions;
pub mod stats;

pub use load::{Loaded, load_bytes, load_file};
pub use model::Registry;
