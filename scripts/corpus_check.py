#!/usr/bin/env python3
"""Every reader over real files from public test suites (../shared/corpora, ../shared/corpora2):
each file (tables, and YAML through `check`) gets a result or a Russian refusal, never a panic, a hang, an exit outside 0/1/2, an
empty or English message, or a refusal whose reason the file's content belies (a Word document
called a workbook, an encrypted one not called protected, a right name blamed).

  python3 scripts/corpus_check.py TOCHKI [--every N]

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


def content_kind(path):
    """What a file is by its bytes, not its name: docx, xlsx, odt, ods, odf (other), zip,
    encrypted (an OLE container with an encrypted package), ole, or text."""
    import zipfile
    with open(path, "rb") as f:
        head = f.read(65536)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "encrypted" if "EncryptedPackage".encode("utf-16-le") in head else "ole"
    if not head.startswith(b"PK"):
        return "text"
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            if "content.xml" in names:
                media = ""
                if "mimetype" in names:
                    media = z.read("mimetype")[:100].decode("ascii", "replace")
                if "opendocument" not in media and "META-INF/manifest.xml" in names:
                    media = z.read("META-INF/manifest.xml")[:4000].decode("utf-8", "replace")
                if "opendocument.text" in media:
                    return "odt"
                if "opendocument.spreadsheet" in media:
                    return "ods"
                return "odf"
            if any(n.startswith("word/") for n in names):
                return "docx"
            if any(n.startswith("xl/") for n in names):
                return "xlsx"
            return "zip"
    except Exception:
        return "zip"


# What a refusal must not say of a file whose content is the kind on the left.
CONTRADICTIONS = {
    "docx": ["это книга Excel", "OpenDocument (.ods", "текстовый документ OpenDocument"],
    "xlsx": ["это документ Word", "OpenDocument (.ods", "текстовый документ OpenDocument"],
    "odt": ["это книга Excel", "это документ Word", "таблица OpenDocument"],
    "ods": ["это книга Excel", "это документ Word", "текстовый документ OpenDocument"],
    "encrypted": ["хотя имя говорит другое", "повреждён"],
}


def contradiction(path, stderr):
    """The reason a refusal gives that the file's content belies, if any."""
    kind = content_kind(path)
    for said in CONTRADICTIONS.get(kind, []):
        if said in stderr:
            return f"says «{said}» of a {kind} file"
    if kind == "encrypted" and "паролем" not in stderr:
        return "an encrypted file not said to be protected by a password"
    extension = os.path.splitext(path)[1].lower().lstrip(".")
    same = {"docx": ("docx", "docm"), "xlsx": ("xlsx", "xlsm"), "odt": ("odt",), "ods": ("ods",)}
    if extension in same.get(kind, ()) and "хотя имя говорит другое" in stderr:
        return f"blames the name of a {kind} file named .{extension}"
    return None


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
            if problem is None and rc == 2:
                problem = contradiction(path, stderr)
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
