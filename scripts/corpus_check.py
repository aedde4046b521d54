#!/usr/bin/env python3
"""Every reader over real files from public test suites (../shared/corpora, ../shared/corpora2):
each file (tables, and YAML through `check`) gets a result or a Russian refusal, never a panic, a hang, an exit outside 0/1/2, or
an empty or English message.

  python3 scripts/corpus_check.py TOCHKI [--every N] [--out FILE]

TOCHKI is the binary (target/release/tochki). `--every N` takes every N-th file in sorted order
(CI runs a sample; run without it for all). Each file is read, one run at a time, with a 20 s
timeout, by `import` and `check`, and for spreadsheets and CSV also by `requests` and `survey
tally`, in a fresh empty folder. Exit 1 when any run misbehaves; the counts per corpus last.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
CORPORA = [os.path.join(ROOT, "corpora"), os.path.join(ROOT, "corpora2")]
TABLES = (".docx", ".docm", ".odt", ".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".csv", ".tsv",
          ".yaml", ".yml")
SHEETS = (".xlsx", ".xlsm", ".ods", ".csv", ".tsv")
CYRILLIC = re.compile("[а-яА-ЯёЁ]")
ENGLISH = re.compile(r"\b(error|failed|invalid|unexpected|called|unwrap|thread)\b", re.I)


def runs(path):
    if path.lower().endswith((".yaml", ".yml")):
        # A YAML file is a registry or not: `check` reads it.
        yield ["check", path, "--format", "json"]
        return
    yield ["import", path, "-o", "out.yaml"]
    yield ["check", path, "--format", "json"]
    if path.lower().endswith(SHEETS):
        yield ["requests", path, "--as-of", "2025-06-01", "--format", "json"]
        yield ["survey", "tally", path, "--format", "json"]


def verdict(rc, stderr):
    if rc is None:
        return "hang"
    if rc < 0 or rc > 2:
        return f"exit {rc}"
    if "panicked" in stderr or "RUST_BACKTRACE" in stderr:
        return "panic"
    if rc == 2:
        said = stderr.strip()
        if not said:
            return "empty refusal"
        if not CYRILLIC.search(said):
            return "English refusal"
        words = CYRILLIC.sub("", said)
        if ENGLISH.search(words) and not CYRILLIC.search(said.splitlines()[-1]):
            return "English fragment"
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("tochki")
    parser.add_argument("--every", type=int, default=1)
    args = parser.parse_args()
    tochki = os.path.abspath(args.tochki)
    files = []
    for corpus in CORPORA:
        if not os.path.isdir(corpus):
            print(f"corpus_check: {corpus} is not here; skipped")
            continue
        for folder, _, names in os.walk(corpus):
            for name in names:
                if name.lower().endswith(TABLES):
                    files.append((os.path.basename(corpus), os.path.join(folder, name)))
    files.sort()
    files = files[:: args.every]
    bad = []
    counts = {}
    for corpus, path in files:
        for command in runs(path):
            with tempfile.TemporaryDirectory() as cwd:
                try:
                    done = subprocess.run([tochki] + command, cwd=cwd, capture_output=True,
                                          timeout=20, text=True, errors="replace")
                    rc, stderr = done.returncode, done.stderr
                except subprocess.TimeoutExpired:
                    rc, stderr = None, ""
            problem = verdict(rc, stderr)
            key = (corpus, "bad" if problem else f"rc {rc}")
            counts[key] = counts.get(key, 0) + 1
            if problem:
                bad.append(f"{problem}: tochki {' '.join(command)}\n  {stderr.strip()[:300]}")
    for line in bad:
        print(line)
    for corpus in sorted({c for c, _ in counts}):
        parts = ", ".join(f"{k}: {v}" for (c, k), v in sorted(counts.items()) if c == corpus)
        print(f"{corpus}: {parts}")
    print(f"corpus_check: {len(files)} files, {sum(counts.values())} runs, {len(bad)} misbehaved")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
