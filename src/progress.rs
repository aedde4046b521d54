//! A progress bar on stderr for work that takes more than a second (a large tally or check):
//! only when stderr is a terminal, never for machine-readable output, never in CI logs. The
//! decision is made here once; the work only reports how far it got.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Appears after this long, so quick runs never flicker.
const DELAY: Duration = Duration::from_secs(1);

/// Whether a bar may be drawn at all.
pub fn allowed(machine_output: bool, stderr_is_terminal: bool, in_ci: bool) -> bool {
    !machine_output && stderr_is_terminal && !in_ci
}

pub struct Progress {
    bar: ProgressBar,
    enabled: bool,
    started: Instant,
    shown: AtomicBool,
}

impl Progress {
    /// A bar over `total` units (bytes or files) labelled `what`, drawn only where allowed.
    pub fn new(total: u64, what: &str, machine_output: bool) -> Progress {
        let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
        let enabled = allowed(machine_output, std::io::stderr().is_terminal(), in_ci);
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template(&format!(
            "{what} [{{bar:30}}] {{percent}}% ({{elapsed}}, осталось ~{{eta}})"
        )) {
            bar.set_style(style.progress_chars("=> "));
        }
        Progress {
            bar,
            enabled,
            started: Instant::now(),
            shown: AtomicBool::new(false),
        }
    }

    /// A bar that never draws (tests, library use).
    pub fn hidden() -> Progress {
        Progress::new(0, "", true)
    }

    /// Reports the position; the bar appears once the work has taken a second.
    pub fn set(&self, position: u64) {
        if !self.enabled {
            return;
        }
        if !self.shown.load(Ordering::Relaxed) && self.started.elapsed() >= DELAY {
            self.shown.store(true, Ordering::Relaxed);
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        self.bar.set_position(position);
    }

    /// Removes the bar from the terminal.
    pub fn finish(&self) {
        if self.shown.load(Ordering::Relaxed) {
            self.bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drawn_only_for_people_at_a_terminal_outside_ci() {
        assert!(allowed(false, true, false));
        assert!(!allowed(true, true, false), "never in JSON/CSV output");
        assert!(
            !allowed(false, false, false),
            "never when stderr is redirected"
        );
        assert!(!allowed(false, true, true), "never in CI logs");
    }
}
