//! The exit status, decided in one place for every command.

use crate::diagnostic::{Finding, Severity};

/// What a run amounts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitStatus {
    /// Nothing at the failing level (check, survey) or no change (diff).
    Clean,
    /// Findings at the failing level, a significant decline with --fail-on-decline, or changes (diff).
    Findings,
    /// The tool could not do its job: missing file, unreadable input, bad arguments.
    Trouble,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Clean => 0,
            ExitStatus::Findings => 1,
            ExitStatus::Trouble => 2,
        }
    }
}

/// What a command hands back: its status, and notes for the user that are not its output
/// (the library never prints; `main` puts the notes on stderr).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub status: ExitStatus,
    /// Russian sentences, one per note.
    pub notes: Vec<String>,
}

impl From<ExitStatus> for Outcome {
    fn from(status: ExitStatus) -> Self {
        Outcome {
            status,
            notes: Vec::new(),
        }
    }
}

/// 1 when anything at error level (or warning level with --strict) was found.
pub fn status_of(findings: &[Finding], strict: bool) -> ExitStatus {
    let failing = findings.iter().any(|f| match f.severity {
        Severity::Error => true,
        Severity::Warning => strict,
        Severity::Info => false,
    });
    if failing {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    }
}
