//! One reader for every table (import.md, «Every row and column accounted for»): a file's
//! tables as [`Grid`]s (Word, OpenDocument, workbooks, CSV: `grid`), the rows every table may
//! hold besides its records told the same way for every domain (`rows`), what a header cell
//! names under a domain's declared columns (`header`), and the account of
//! what became of each row, column and table (`ledger`). The registry's import, the journal and
//! the survey read their tables through here and note each row's fate in a [`Ledger`].

mod grid;
pub mod header;
pub mod ledger;
pub mod rows;

pub use grid::{CsvRows, Grid, GridRow, Slot, Source, read_all};
pub use ledger::{Fate, Ledger, LedgerWords, Other, TableAccount};
pub use rows::{is_column_numbers, is_error_value, opens_tail, tail_row};
