//! Helpers for the rules' unit tests.

use super::{CHECKS, Context, Rule, Sink};
use crate::calendar::Calendar;
use crate::registry::model::Registry;

/// Runs one rule on a YAML text and returns (path, message) pairs.
pub(crate) fn run_rule(rule: &Rule, yaml: &str) -> Vec<(String, String)> {
    let registry: Registry = serde_yaml::from_str(yaml).expect("test YAML parses");
    let context = Context::new(&registry, Calendar::russian());
    let mut sink = Sink::new(rule);
    let (_, check) = CHECKS
        .iter()
        .find(|(listed, _)| listed.code == rule.code)
        .expect("a registry rule");
    check(&context, &mut sink);
    sink.findings
        .into_iter()
        .map(|(path, finding)| (path.to_string(), finding.message))
        .collect()
}
