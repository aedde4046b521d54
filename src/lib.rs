//! tochki: the registry of touchpoints with internal clients ("Перечень точек взаимодействия с
//! внутренним клиентом") and the annual satisfaction survey, checked and tallied from flat files.
//!
//! The library holds all logic and never prints: every command writes to the `Write` it is
//! handed, so tests capture its output. `main.rs` only parses arguments and exits.

pub mod calendar;
pub mod catalog;
pub mod cli;
pub mod commands;
pub mod diagnostic;
pub mod diff;
pub mod exit;
pub mod input;
pub mod output;
pub mod privacy;
pub mod progress;
pub mod region;
pub mod registry;
pub mod render;
pub mod requests;
pub mod rules;
pub mod survey;
pub mod text;
pub mod vocabulary;

use cli::{Cli, Command};
use exit::Outcome;
use std::io::Write;

/// Runs one command of the command line.
pub fn run(cli: &Cli, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let status = match &cli.command {
        Command::Show(args) => return commands::show::run(args, out),
        Command::Stats(args) => return commands::stats::run(args, out),
        Command::Import(args) => return commands::import::run(args, out),
        Command::Requests(args) => return commands::requests::run(args, out),
        Command::Region(args) => return commands::region::run(args, out),
        Command::Check(args) => return commands::check::run(args, out),
        Command::Diff(args) => return commands::diff::run(args, out),
        Command::Survey(command) => return commands::survey::run(command, out),
        Command::Schema => commands::schema::run(out),
        Command::Init(args) => commands::init::run(args, out),
        Command::Completions(args) => commands::completions::run_completions(args, out),
        Command::Man => commands::completions::run_man(out),
        Command::Rules => commands::explain::run_rules(out),
        Command::Explain(args) => commands::explain::run_explain(args, out),
    };
    status.map(Outcome::from)
}
