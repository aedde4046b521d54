//! One module per subcommand; each exposes `run(args, out) -> Result<ExitStatus>`.

pub mod check;
pub mod completions;
pub mod diff;
pub mod explain;
pub mod import;
pub mod init;
pub mod requests;
pub mod schema;
pub mod shared;
pub mod show;
pub mod stats;
pub mod survey;
pub mod survey_init;
