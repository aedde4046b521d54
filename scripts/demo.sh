#!/usr/bin/env bash
# Runs tochki on every file shipped in registries/ and examples/, as a new user would:
# checks the registries, compares two versions, prints one as the official table, tallies the
# survey of two years and builds the pain map. Builds the release binary first.
set -u
cd "$(dirname "$0")/.."
cargo build --release --quiet || exit 2
tochki=target/release/tochki
step() { printf '\n=== %s\n\n' "$*"; }

step "tochki check registries/ examples/  (Смоленск: настоящие ошибки приложения к приказу)"
"$tochki" check registries/ examples/
step "tochki diff examples/registry_2024.yaml examples/registry_2025.yaml"
"$tochki" diff examples/registry_2024.yaml examples/registry_2025.yaml
step "tochki show registries/lipetsk_accounting.yaml"
"$tochki" show registries/lipetsk_accounting.yaml
step "tochki stats registries/smolensk_accounting.yaml"
"$tochki" stats registries/smolensk_accounting.yaml
step "tochki survey check examples/survey_2025_invalid.csv"
"$tochki" survey check examples/survey_2025_invalid.csv
step "tochki survey tally --survey examples/omsk.survey.yaml examples/survey_2024.csv examples/survey_2025_excel.csv"
"$tochki" survey tally --survey examples/omsk.survey.yaml examples/survey_2024.csv 2025=examples/survey_2025_excel.csv
step "tochki survey pains examples/survey_2025.csv"
"$tochki" survey pains examples/survey_2025.csv
# The registries and the invalid export contain defects on purpose: the demo itself succeeded.
exit 0
