//! Output formats. Commands build a report model; the functions here write it, one function per
//! format, and never decide anything about the findings themselves.

pub mod diff;
pub mod findings;
pub mod official_table;
pub mod report;
pub mod style;
pub mod survey;
