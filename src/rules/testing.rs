//! Helpers for the rules' unit tests.

use super::{Context, Rule, Scope, Sink};
use crate::calendar::Calendar;
use crate::registry::model::Registry;

/// Runs one rule on a YAML text and returns (path, message) pairs.
pub(crate) fn run_rule(rule: &Rule, yaml: &str) -> Vec<(String, String)> {
    let registry: Registry = serde_yaml::from_str(yaml).expect("test YAML parses");
    let context = Context::new(&registry, Calendar::russian());
    let mut sink = Sink::new(rule);
    match rule.scope {
        Scope::Registry(check) => check(&context, &mut sink),
        Scope::Survey | Scope::Import | Scope::Journal => panic!("not a registry rule"),
    }
    sink.findings
        .into_iter()
        .map(|(path, finding)| (path.to_string(), finding.message))
        .collect()
}
