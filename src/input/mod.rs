//! The bottom layer: bytes as people's files hold them, read once for every domain. Text
//! (byte-order marks, UTF-8/16/32, NUL, Windows-1251), CSV (delimiter sniffing, streamed
//! records, the row numbers a spreadsheet shows), zip archives with their limits, workbooks
//! (streamed, merged ranges, bounded before any grid is allocated), Word tables, YAML syntax
//! messages. Problems are [`Problem`]s with no domain noun in them; the registry, the survey and
//! the journal give their own [`Words`] when they show one.

pub mod docx;
mod flow;
mod kind;
pub mod odt;
mod problem;
pub mod records;
pub mod table;
pub mod text;
pub mod workbook;
pub mod yaml;
pub mod zip;

pub use kind::{Kind, sniff};
pub use problem::{Problem, Words};
pub use table::{CsvRows, Grid, GridRow, Ledger, Slot, Source, read_all};
pub use workbook::column_letters;
