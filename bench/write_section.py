#!/usr/bin/env python3
"""Rewrites one section of docs/benchmarks.md between <!-- bench:NAME --> markers, or appends
it under HEADING when the markers are not there yet.

Usage: python3 bench/write_section.py NAME HEADING BODY
"""
import re
import sys

name, heading, body = sys.argv[1:4]
path = "docs/benchmarks.md"
text = open(path, encoding="utf-8").read()
start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
block = f"{start}\n{body}\n{end}"
if start in text:
    text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: block, text, flags=re.S)
else:
    text = text.rstrip("\n") + f"\n\n## {heading}\n\n{block}\n"
open(path, "w", encoding="utf-8").write(text)
