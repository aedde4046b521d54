//! Where each part of an imported registry stands in its tables ([`Places`]): the rows of its
//! directions, processes and touchpoints, so that findings point at the table.

use super::fields::Field;
use crate::diagnostic::{Position, Segment, YamlPath};
use crate::input::{Grid, Ledger};
use std::collections::BTreeMap;

/// A row of one of the tables a registry was read from: a registry split over several tables
/// (continuations) keeps the positions of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RowRef {
    /// Index into [`Places::grids`].
    pub table: usize,
    /// The row as the document shows it.
    pub row: usize,
}

/// A process's row and its touchpoints' rows.
pub type ProcessRows = (RowRef, Vec<RowRef>);
/// A direction's row and its processes' rows.
pub type DirectionRows = (RowRef, Vec<ProcessRows>);

/// Where each node of the imported model stands in the table.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// The grids the registry came from (their rows dropped), as they are named in messages:
    /// the first, and every continuation joined to it.
    pub grids: Vec<Grid>,
    pub header_row: usize,
    /// (1-based column, header as written) of each recognised field.
    pub columns: BTreeMap<Field, (usize, String)>,
    /// Per direction: its row and, per process, its row and its touchpoints' rows.
    pub directions: Vec<DirectionRows>,
    /// The tables the segmentation and the profiles came from (rows dropped), and the cell of
    /// each of their nodes: (path, index into `segment_grids`, row, 1-based column).
    pub segment_grids: Vec<Grid>,
    pub segment_cells: Vec<(YamlPath, usize, usize, usize)>,
    /// What became of every row and column of the tables read, and of the other tables.
    pub ledger: Ledger,
}

impl Places {
    /// The cell a YAML path of the model points at, with its label for messages.
    pub fn locate(&self, path: &YamlPath) -> Option<(Position, String)> {
        let segments = &path.0;
        let index = |i: usize| match segments.get(i) {
            Some(Segment::Index(n)) => Some(*n),
            _ => None,
        };
        let key = |i: usize| match segments.get(i) {
            Some(Segment::Key(k)) => Some(k.as_ref()),
            _ => None,
        };
        if matches!(key(0), Some("segmentation" | "profiles")) {
            return self.segment_cell(path);
        }
        if key(0) != Some("directions") {
            return None;
        }
        let Some(d) = index(1) else {
            let header = RowRef {
                table: 0,
                row: self.header_row,
            };
            return self.cell(header, Field::Direction);
        };
        let (direction_row, processes) = self.directions.get(d)?;
        let Some(p) = index(3) else {
            return self.cell(*direction_row, Field::Direction);
        };
        let (process_row, touchpoints) = processes.get(p)?;
        let Some(t) = index(5) else {
            return self.cell(*process_row, Field::Process);
        };
        let row = *touchpoints.get(t)?;
        let field = key(6).and_then(Field::from_key).unwrap_or(Field::Point);
        self.cell(row, field)
            .or_else(|| self.cell(row, Field::Point))
    }

    /// The cell of a node of the segmentation or the profiles: the deepest node read with a
    /// place that holds `path`.
    fn segment_cell(&self, path: &YamlPath) -> Option<(Position, String)> {
        let (_, grid, row, column) = self
            .segment_cells
            .iter()
            .filter(|(p, ..)| path.0.starts_with(&p.0))
            .max_by_key(|(p, ..)| p.0.len())?;
        let grid = self.segment_grids.get(*grid)?;
        Some((
            Position {
                line: *row,
                column: *column,
            },
            grid.cell_label(
                *row,
                *column,
                if *column == 1 {
                    "Признак"
                } else {
                    "Значение"
                },
            ),
        ))
    }

    fn cell(&self, at: RowRef, field: Field) -> Option<(Position, String)> {
        let (column, heading) = self.columns.get(&field)?;
        let grid = self.grids.get(at.table)?;
        Some((
            Position {
                line: at.row,
                column: *column,
            },
            grid.cell_label(at.row, *column, heading),
        ))
    }

    /// The tables read, as messages name them: «таблица 1, таблица 2».
    pub fn table_names(&self) -> String {
        self.grids
            .iter()
            .chain(&self.segment_grids)
            .map(Grid::name)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The grid a row of the model stands in, for provenance comments.
    pub fn grid(&self, at: RowRef) -> Option<&Grid> {
        self.grids.get(at.table)
    }
}
