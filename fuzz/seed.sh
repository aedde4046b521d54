#!/usr/bin/env bash
# Seeds the fuzz corpora from the files the project ships: registries/, examples/, templates/ and
# the test fixtures. The corpora themselves are not committed (fuzz/.gitignore).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/registry corpus/survey corpus/diff
cp ../registries/*.yaml ../examples/registry_*.yaml ../tests/fixtures/*.yaml \
   ../templates/perechen.yaml corpus/registry/
cp ../examples/*.csv ../tests/fixtures/survey/*.csv ../templates/otvety_primer.csv corpus/survey/
cp ../registries/*.yaml corpus/diff/
# The diff target reads two registries split at the first NUL byte.
{ cat ../examples/registry_2024.yaml; printf '\0'; cat ../examples/registry_2025.yaml; } \
  > corpus/diff/example_pair
# The table target reads the same bytes as .docx, .odt, .ods, .xlsx and .csv: registries kept as tables,
# journals of requests.
mkdir -p corpus/table
# Each folder's files under its folder's name: two folders may hold files of one name.
for source in ../examples/*.docx ../examples/*.xlsx ../examples/requests_2025.csv \
  ../tests/fixtures/import/*.docx ../tests/fixtures/requests/*.xlsx \
  ../tests/fixtures/requests/sed_export.csv ../tests/fixtures/requests/two_dates.csv \
  ../tests/fixtures/layouts/* ../tests/fixtures/hostile/* ../tests/fixtures/kinds/* \
  ../tests/fixtures/odt/* ../tests/fixtures/tables/* ../tests/fixtures/real_layouts/*.docx \
  ../tests/fixtures/real_layouts/*.xlsx; do
  cp "$source" "corpus/table/$(basename "$(dirname "$source")")_$(basename "$source")"
done
