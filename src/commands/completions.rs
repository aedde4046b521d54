//! `tochki completions SHELL` and `tochki man`: generated from the clap definitions, so they
//! always match the commands.

use crate::cli::CompletionsArgs;
use crate::exit::ExitStatus;
use std::io::Write;

pub fn run_completions(args: &CompletionsArgs, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let mut command = crate::cli::command();
    clap_complete::generate(args.shell, &mut command, "tochki", out);
    Ok(ExitStatus::Clean)
}

pub fn run_man(out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let page = clap_mangen::Man::new(crate::cli::command());
    page.render(out)?;
    Ok(ExitStatus::Clean)
}
