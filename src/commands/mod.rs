//! One module per subcommand; each exposes a `run(args, out)` that returns the exit status
//! (`ExitStatus`), or with the notes printed after the result (`Outcome`). A command parses nothing and computes
//! nothing itself: it hands files to the domain's reader (`requests::file`, `survey`,
//! `registry::load`) and the result to `render`.

pub mod check;
pub mod completions;
pub mod diff;
pub mod explain;
pub mod import;
pub mod init;
pub mod region;
pub mod requests;
pub mod schema;
pub mod shared;
pub mod show;
pub mod stats;
pub mod survey;
pub mod survey_init;
