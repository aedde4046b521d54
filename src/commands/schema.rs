//! `tochki schema`: the JSON Schema of the registry format, generated from the model so that it
//! cannot drift from what `check` reads. Editors use it through the
//! `# yaml-language-server: $schema=...` line at the top of a registry.

use crate::exit::ExitStatus;
use crate::registry::Registry;
use std::io::Write;

/// The schema as pretty JSON.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(Registry);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

pub fn run(out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    out.write_all(schema_json().as_bytes())?;
    Ok(ExitStatus::Clean)
}
