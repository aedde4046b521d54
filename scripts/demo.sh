#!/usr/bin/env bash
# Runs tochki on every file shipped in registries/ and examples/, as a new user would:
# checks the registries (with North Ossetia's segments and profiles, shown as cards), imports the Word and Excel tables and writes the appendix to an order,
# compares two versions, prints one as the official table, tallies the
# survey of two years, builds the pain map and rolls up the example region of five bodies.
# Every output is shown whole. Builds the release binary first.
set -u
cd "$(dirname "$0")/.."
cargo build --release --quiet || exit 2
tochki=target/release/tochki
step() { printf '\n=== %s\n\n' "$*"; }

step "tochki check registries/ examples/  (Смоленск: настоящие ошибки приложения к приказу)"
"$tochki" check registries/ examples/
step "tochki check registries/north_ossetia_hr_it_accounting.yaml  (Северная Осетия: дефекты признаков и профилей приказа)"
"$tochki" check registries/north_ossetia_hr_it_accounting.yaml
step "tochki show examples/north_ossetia_profiles.yaml --profiles  (карточки профилей клиентского сегмента)"
"$tochki" show examples/north_ossetia_profiles.yaml --profiles
step "tochki import examples/smolensk_appendix.docx  (приложение к приказу в Word → YAML)"
"$tochki" import examples/smolensk_appendix.docx
step "tochki check examples/smolensk_appendix.docx  (два настоящих повтора приложения, R008)"
"$tochki" check examples/smolensk_appendix.docx
step "tochki import examples/lipetsk_form.xlsx  (форма Липецка в Excel с объединёнными ячейками)"
"$tochki" import examples/lipetsk_form.xlsx
step "tochki show registries/lipetsk_accounting.yaml --format docx -o target/demo/prilozhenie.docx"
mkdir -p target/demo && rm -f target/demo/prilozhenie.docx
"$tochki" show registries/lipetsk_accounting.yaml --format docx -o target/demo/prilozhenie.docx
step "tochki diff examples/registry_2024.yaml examples/registry_2025.yaml"
"$tochki" diff examples/registry_2024.yaml examples/registry_2025.yaml
step "tochki show registries/lipetsk_accounting.yaml"
"$tochki" show registries/lipetsk_accounting.yaml
step "tochki stats registries/smolensk_accounting.yaml"
"$tochki" stats registries/smolensk_accounting.yaml
step "tochki requests examples/requests_2025.csv --as-of 2025-05-14  (сроки ответа; майские праздники)"
"$tochki" requests examples/requests_2025.csv --as-of 2025-05-14 --registry examples/registry_2025.yaml
step "tochki survey init registries/smolensk_accounting.yaml -o target/demo/anketa  (анкета из перечня)"
rm -rf target/demo/anketa
"$tochki" survey init registries/smolensk_accounting.yaml -o target/demo/anketa
step "tochki survey tally ... --registry examples/registry_cycle.yaml  (итоги по процессам перечня)"
"$tochki" survey tally examples/survey_2024.csv examples/survey_2025.csv --registry examples/registry_cycle.yaml
rm -f target/demo/predlozheniya.md
step "tochki survey proposals ... -o target/demo/predlozheniya.md  (предложения Министру, Омск п. 13)"
"$tochki" survey proposals examples/survey_2024.csv examples/survey_2025.csv --registry examples/registry_cycle.yaml -o target/demo/predlozheniya.md
cat target/demo/predlozheniya.md
step "tochki survey check examples/survey_2025_invalid.csv"
"$tochki" survey check examples/survey_2025_invalid.csv
step "tochki survey tally --survey examples/omsk.survey.yaml examples/survey_2024.csv examples/survey_2025_excel.csv"
"$tochki" survey tally --survey examples/omsk.survey.yaml examples/survey_2024.csv 2025=examples/survey_2025_excel.csv
step "tochki survey pains examples/survey_2025.csv"
"$tochki" survey pains examples/survey_2025.csv
step "tochki region examples/region --as-of 2025-05-14 --previous examples/region_2024.json  (свод по региону для координатора)"
"$tochki" region examples/region --as-of 2025-05-14 --previous examples/region_2024.json
rm -f target/demo/svod.xlsx target/demo/svod.html
"$tochki" region examples/region --as-of 2025-05-14 -o target/demo/svod.xlsx
"$tochki" region examples/region --as-of 2025-05-14 -o target/demo/svod.html
# The registries and the invalid export contain defects on purpose: the demo itself succeeded.
exit 0
