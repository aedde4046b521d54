//! `tochki stats FILE`: the registry at a glance (see `registry::stats`), as text or JSON.

use crate::cli::{StatsArgs, StatsFormat};
use crate::exit::{ExitStatus, Outcome};
use crate::registry::stats::Stats;
use crate::render::stats as render;
use std::io::Write;

pub fn run(args: &StatsArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let (registry, notes) = crate::commands::shared::load_counting_errors(&args.file)?;
    let stats = Stats::of(&registry);
    match args.format {
        StatsFormat::Json => render::json(out, &stats)?,
        StatsFormat::Text => render::summary(out, &stats)?,
    }
    Ok(Outcome {
        status: ExitStatus::Clean,
        notes: notes.clone(),
    })
}
