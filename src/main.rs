//! The `tochki` binary: parse arguments, run, turn the result into an exit status.

use clap::FromArgMatches;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let parsed = tochki::cli::command()
        .try_get_matches()
        .and_then(|matches| tochki::cli::Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) => match tochki::cli::russian_error(&error) {
            Some(message) => {
                let _ = writeln!(std::io::stderr().lock(), "tochki: ошибка: {message}");
                return ExitCode::from(tochki::exit::ExitStatus::Trouble.code());
            }
            None if error.use_stderr() => error.exit(),
            None => {
                // Help and version: clap's text, with its usage line in Russian.
                let text = tochki::cli::russian_usage(&error.render().to_string());
                let _ = write!(std::io::stdout().lock(), "{text}");
                return ExitCode::SUCCESS;
            }
        },
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    // What is still buffered is written here, so a full disk or a closed pipe is seen.
    let result = tochki::run(&cli, &mut out).and_then(|outcome| {
        out.flush()?;
        Ok(outcome)
    });
    match result {
        Ok(outcome) => {
            let mut err = std::io::stderr().lock();
            // On a terminal a note wraps between words; into a log or a pipe each note stays
            // one line, to be found with grep.
            let terminal = std::io::IsTerminal::is_terminal(&std::io::stderr());
            let width = tochki::render::fit::terminal_width();
            for note in &outcome.notes {
                // The account of the rows read is information, not a warning.
                let line = if tochki::input::table::ledger::is_summary(note) {
                    format!("tochki: {note}\n")
                } else {
                    format!("tochki: внимание: {note}\n")
                };
                let shown = if terminal {
                    tochki::render::fit::wrap_lines(&line, width)
                } else {
                    line
                };
                let _ = write!(err, "{shown}");
            }
            ExitCode::from(outcome.status.code())
        }
        Err(error) => {
            // A closed pipe (`tochki show ... | head`) is not an error.
            if error
                .chain()
                .filter_map(|cause| cause.downcast_ref::<std::io::Error>())
                .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            let mut err = std::io::stderr().lock();
            match error.downcast_ref::<std::io::Error>() {
                // Writing the output failed (a full disk behind `>`): said in Russian.
                Some(io) => {
                    let _ = writeln!(
                        err,
                        "tochki: ошибка: не удалось вывести результат: {}",
                        tochki::text::io_reason(io)
                    );
                }
                None => {
                    let _ = writeln!(err, "tochki: ошибка: {error}");
                }
            }
            // Every message of ours is the error itself, never a cause (the one context, in
            // `init`, wraps an input/output error). Causes are the system's and the libraries':
            // an input/output failure is said in Russian, the rest (English) only when
            // TOCHKI_DEBUG is set; the message above names the file and what to do.
            let debug = std::env::var_os("TOCHKI_DEBUG").is_some();
            for cause in error.chain().skip(1) {
                match cause.downcast_ref::<std::io::Error>() {
                    Some(io) => {
                        let _ = writeln!(err, "  причина: {}", tochki::text::io_reason(io));
                    }
                    None if debug => {
                        let _ = writeln!(err, "  причина: {cause}");
                    }
                    None => {}
                }
            }
            ExitCode::from(tochki::exit::ExitStatus::Trouble.code())
        }
    }
}
