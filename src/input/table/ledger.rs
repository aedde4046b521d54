//! The account of a table (import.md, «Every row and column accounted for»): what became of
//! every row of the table read, every column, and every other table or sheet of the file.
//! Whoever reads a table (the registry's import, the journal, a survey export) notes each row's
//! fate here as it goes; rows a streaming reader never hands over (empty ones, hidden ones) are
//! filled in by their numbers, so the counts always add up to the table's rows.

use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// What became of one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fate {
    /// A record: a touchpoint, a request, a questionnaire.
    Record,
    /// A heading: a direction, a process, a section.
    Heading,
    /// Goes on with the record above (a needs-only row under a merged point).
    Continuation,
    /// The header, or its repetition in the body.
    Header,
    /// The row of column numbers under the header (`1 2 3 …`).
    ColumnNumbers,
    /// A title or approval line above the header.
    Title,
    /// Skipped: nothing in it.
    Empty,
    /// Skipped: hidden by hand (not by a filter or a folded group).
    Hidden,
    /// Skipped: a totals line («Итого», «Всего», a count under a text column).
    Totals,
    /// Skipped: a signature or «Исполнитель» line.
    Signature,
    /// Skipped: an approval list typed under the table.
    ApprovalList,
    /// Skipped: a note («Примечание», a footnote).
    Note,
    /// Not counted: the row has a finding of its own (with its position).
    Finding,
    /// Not counted: the same record again (a repeated questionnaire).
    Repeated,
}

impl Fate {
    /// Whether the row was left out of the result (everything but records, headings,
    /// continuations and the header's own rows).
    pub fn skipped(self) -> bool {
        !matches!(
            self,
            Fate::Record | Fate::Heading | Fate::Continuation | Fate::Header | Fate::ColumnNumbers
        )
    }

    /// How a skipped row is named in the summary: «итог», «подпись».
    fn word(self) -> &'static str {
        match self {
            Fate::Record => "запись",
            Fate::Heading => "заголовок",
            Fate::Continuation => "продолжение",
            Fate::Header => "шапка",
            Fate::ColumnNumbers => "номера граф",
            Fate::Title => "над шапкой",
            Fate::Empty => "пустая",
            Fate::Hidden => "скрытая",
            Fate::Totals => "итог",
            Fate::Signature => "подпись или исполнитель",
            Fate::ApprovalList => "лист согласования",
            Fate::Note => "примечание",
            Fate::Finding => "с замечанием",
            Fate::Repeated => "повтор",
        }
    }

    /// Whether each row of this fate is listed by its number in the summary (the rest are
    /// counted only: empty rows, title lines).
    fn listed(self) -> bool {
        self.skipped() && !matches!(self, Fate::Empty | Fate::Title)
    }
}

/// A run of consecutive rows with one fate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Run {
    pub from: usize,
    pub to: usize,
    pub fate: Fate,
}

/// What became of one column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnUse {
    /// 1-based.
    pub column: usize,
    pub heading: String,
    /// The field it was read as (the domain's key), or None.
    pub field: Option<String>,
    /// Why it was not read, when it was not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ignored: Option<String>,
}

/// The account of one table or sheet that was read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TableAccount {
    /// «таблица 1», «лист «Журнал»», the file's name for a CSV.
    pub table: String,
    /// Rows of the table, the first to the last read.
    pub rows: usize,
    pub counts: BTreeMap<Fate, usize>,
    pub runs: Vec<Run>,
    pub columns: Vec<ColumnUse>,
    /// What the reader noticed about the table as a whole (a filter was on, …).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Rows hidden by hand (not read), to fill in the rows a reader never handed over.
    #[serde(skip)]
    hidden: BTreeSet<usize>,
    /// The row the next noted one should be.
    #[serde(skip)]
    next: usize,
}

impl TableAccount {
    /// The account of a table whose rows `hidden` are hidden by hand (never handed over).
    pub fn new(table: impl Into<String>, hidden: &[usize]) -> Self {
        TableAccount {
            table: table.into(),
            hidden: hidden.iter().copied().collect(),
            next: 1,
            ..TableAccount::default()
        }
    }

    /// Row `row` (as the file numbers it) had this fate. Rows between the last noted one and
    /// this one were never handed over: hidden ones are hidden, the rest empty. A row noted
    /// again (a reader that looked twice) keeps its last fate.
    pub fn note(&mut self, row: usize, fate: Fate) {
        if row == 0 {
            return;
        }
        if row < self.next {
            self.renote(row, fate);
            return;
        }
        self.fill(row);
        self.push(row, fate);
        self.next = row + 1;
    }

    /// Marks the rows up to `last` (the table's last row) as never handed over: hidden or empty.
    pub fn finish(&mut self, last: usize) {
        self.fill(last + 1);
        if last + 1 > self.next {
            self.next = last + 1;
        }
    }

    fn fill(&mut self, upto: usize) {
        for gap in self.next..upto {
            let fate = if self.hidden.contains(&gap) {
                Fate::Hidden
            } else {
                Fate::Empty
            };
            self.push(gap, fate);
        }
        if upto > self.next {
            self.next = upto;
        }
    }

    fn push(&mut self, row: usize, fate: Fate) {
        self.rows += 1;
        *self.counts.entry(fate).or_default() += 1;
        match self.runs.last_mut() {
            Some(run) if run.fate == fate && run.to + 1 == row => run.to = row,
            _ => self.runs.push(Run {
                from: row,
                to: row,
                fate,
            }),
        }
    }

    /// A row already noted gets another fate (rare: a reader that decides later).
    fn renote(&mut self, row: usize, fate: Fate) {
        let Some(index) = self.runs.iter().position(|r| r.from <= row && row <= r.to) else {
            return;
        };
        let run = self.runs[index];
        if run.fate == fate {
            return;
        }
        if let Some(count) = self.counts.get_mut(&run.fate) {
            *count -= 1;
        }
        *self.counts.entry(fate).or_default() += 1;
        let mut pieces = Vec::new();
        if run.from < row {
            pieces.push(Run { to: row - 1, ..run });
        }
        pieces.push(Run {
            from: row,
            to: row,
            fate,
        });
        if row < run.to {
            pieces.push(Run {
                from: row + 1,
                ..run
            });
        }
        self.runs.splice(index..=index, pieces);
    }

    /// How many rows had this fate.
    pub fn count(&self, fate: Fate) -> usize {
        self.counts.get(&fate).copied().unwrap_or(0)
    }

    /// The rows with this fate, in order.
    pub fn rows_of(&self, fate: Fate) -> impl Iterator<Item = usize> + '_ {
        self.runs
            .iter()
            .filter(move |r| r.fate == fate)
            .flat_map(|r| r.from..=r.to)
    }
}

/// A table or sheet of the file that was not the one read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Other {
    pub table: String,
    pub joined: bool,
    pub why: String,
}

/// The domain's nouns for the summary line, in the genitive plural a count label takes
/// («точек 9», «обращений 120», «анкет 60»), and its headings («заголовков 3»).
#[derive(Debug, Clone, Copy)]
pub struct LedgerWords {
    pub record: &'static str,
    pub heading: &'static str,
}

/// The whole account of a file: each table read, and the others.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Ledger {
    pub tables: Vec<TableAccount>,
    pub others: Vec<Other>,
}

/// How many skipped rows the summary names one by one before «и ещё N».
const LISTED: usize = 5;

/// How the summary line opens.
const SUMMARY_OPENING: &str = "прочитано строк: ";

/// Whether a note is the summary line (alone or after its file's name, «опрос.csv: Прочитано
/// строк: …»): an account of what was read, printed without «внимание».
pub fn is_summary(note: &str) -> bool {
    let opens = |text: &str| {
        text.trim_start()
            .to_lowercase()
            .starts_with(SUMMARY_OPENING)
    };
    opens(note) || note.split_once(": ").is_some_and(|(_, rest)| opens(rest))
}

impl Ledger {
    /// Rows of every table read.
    pub fn rows(&self) -> usize {
        self.tables.iter().map(|t| t.rows).sum()
    }

    /// Rows of every table with this fate.
    pub fn count(&self, fate: Fate) -> usize {
        self.tables.iter().map(|t| t.count(fate)).sum()
    }

    /// Whether the account holds anything to say.
    pub fn is_empty(&self) -> bool {
        self.tables.is_empty() && self.others.is_empty()
    }

    /// The one line every command prints after its result (an account, not a warning: see
    /// `is_summary`): «Прочитано строк: 14 — точек 9,
    /// заголовков 3; пропущено 2: строка 15 — итог, строка 16 — подпись».
    pub fn summary(&self, words: &LedgerWords) -> String {
        let rows = self.rows();
        let mut kept = vec![format!("{} {}", words.record, self.count(Fate::Record))];
        let headings = self.count(Fate::Heading);
        if headings > 0 {
            kept.push(format!("{} {headings}", words.heading));
        }
        let continued = self.count(Fate::Continuation);
        if continued > 0 {
            kept.push(format!("продолжений {continued}"));
        }
        let header = self.count(Fate::Header) + self.count(Fate::ColumnNumbers);
        if header > 0 {
            kept.push(format!("шапка {header}"));
        }
        let mut line = format!("{SUMMARY_OPENING}{rows} — {}", kept.join(", "));
        let skipped: usize = self
            .tables
            .iter()
            .flat_map(|t| t.counts.iter())
            .filter(|(fate, _)| fate.skipped())
            .map(|(_, n)| n)
            .sum();
        if skipped > 0 {
            let several = self.tables.len() > 1;
            let mut named = Vec::new();
            let mut listed = 0;
            for table in &self.tables {
                for run in table.runs.iter().filter(|r| r.fate.listed()) {
                    for row in run.from..=run.to {
                        listed += 1;
                        if named.len() < LISTED {
                            let place = if several {
                                format!("{}, строка {row}", table.table)
                            } else {
                                format!("строка {row}")
                            };
                            named.push(format!("{place} — {}", run.fate.word()));
                        }
                    }
                }
            }
            if listed > named.len() {
                named.push(format!("и ещё {}", listed - named.len()));
            }
            for fate in [Fate::Empty, Fate::Title] {
                let n = self.count(fate);
                if n > 0 {
                    let word = match fate {
                        Fate::Empty => "пустых",
                        _ => "над шапкой",
                    };
                    named.push(format!("{word} {n}"));
                }
            }
            line.push_str(&format!("; пропущено {skipped}: {}", named.join(", ")));
        }
        let joined: Vec<&str> = self
            .others
            .iter()
            .filter(|o| o.joined)
            .map(|o| o.table.as_str())
            .collect();
        if !joined.is_empty() {
            line.push_str(&format!(
                "; присоединены как продолжение: {}",
                joined.join(", ")
            ));
        }
        let mut chars = line.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => line,
        }
    }

    /// The notes the tables carry and the tables not read, each a line of its own.
    pub fn notes(&self) -> Vec<String> {
        let mut notes: Vec<String> = self
            .tables
            .iter()
            .flat_map(|t| t.notes.iter().map(move |n| format!("{}: {n}", t.table)))
            .collect();
        for other in self.others.iter().filter(|o| !o.joined) {
            notes.push(format!("{}: {}", other.table, other.why));
        }
        notes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: LedgerWords = LedgerWords {
        record: "точек",
        heading: "заголовков",
    };

    #[test]
    fn rows_never_handed_over_are_hidden_or_empty_and_the_counts_add_up() {
        let mut table = TableAccount::new("таблица 1", &[5]);
        table.note(1, Fate::Title);
        table.note(2, Fate::Header);
        table.note(3, Fate::Heading);
        table.note(4, Fate::Record);
        table.note(7, Fate::Record);
        table.note(8, Fate::Totals);
        table.finish(10);
        assert_eq!(table.rows, 10);
        assert_eq!(table.count(Fate::Hidden), 1);
        assert_eq!(table.count(Fate::Empty), 3);
        assert_eq!(table.counts.values().sum::<usize>(), 10);
        let ledger = Ledger {
            tables: vec![table],
            others: Vec::new(),
        };
        let line = ledger.summary(&WORDS);
        assert!(is_summary(&line), "{line}");
        assert!(is_summary(&format!("опрос.csv: {line}")));
        assert!(!is_summary("опрос.csv: скрытый лист «Архив» не прочитан"));
        assert!(
            line.starts_with("Прочитано строк: 10 — точек 2, заголовков 1"),
            "{line}"
        );
        assert!(
            line.contains("строка 5 — скрытая, строка 8 — итог"),
            "{line}"
        );
        assert!(line.contains("пустых 3"), "{line}");
    }

    #[test]
    fn a_row_noted_again_keeps_its_last_fate() {
        let mut table = TableAccount::new("лист «Журнал»", &[]);
        for row in 1..=5 {
            table.note(row, Fate::Record);
        }
        table.note(3, Fate::Finding);
        assert_eq!(table.rows, 5);
        assert_eq!(table.count(Fate::Record), 4);
        assert_eq!(table.rows_of(Fate::Finding).collect::<Vec<_>>(), vec![3]);
        assert_eq!(table.runs.len(), 3);
    }

    proptest::proptest! {
        /// Whatever rows a reader notes (in any order, with gaps, some twice, some hidden),
        /// the counts add up to the table's rows and the runs cover them once, in order.
        #[test]
        fn the_counts_always_add_up_to_the_rows(
            noted in proptest::collection::vec((1usize..200, 0usize..6), 0..120),
            hidden in proptest::collection::vec(1usize..200, 0..20),
            last in 0usize..220,
        ) {
            let fates = [Fate::Record, Fate::Heading, Fate::Totals, Fate::Header, Fate::Finding, Fate::Empty];
            let mut table = TableAccount::new("лист", &hidden);
            for (row, fate) in &noted {
                table.note(*row, fates[*fate]);
            }
            table.finish(last);
            let highest = noted.iter().map(|(r, _)| *r).max().unwrap_or(0).max(last);
            proptest::prop_assert_eq!(table.rows, highest);
            proptest::prop_assert_eq!(table.counts.values().sum::<usize>(), table.rows);
            let mut next = 1;
            for run in &table.runs {
                proptest::prop_assert_eq!(run.from, next);
                proptest::prop_assert!(run.to >= run.from);
                next = run.to + 1;
            }
            proptest::prop_assert_eq!(next - 1, table.rows);
        }
    }
}
