#!/usr/bin/env bash
# The packages as an IT department installs them (issue 31, docs/INSTALL.md), run by .ci/run:
#   - the binary needs no GLIBC symbol newer than 2.28 (objdump -T);
#   - `dpkg -i` installs the .deb: `tochki --version`, `tochki check` on the shipped examples and
#     `man tochki` work, and `dpkg -r` removes every file it installed;
#   - `rpm -qlp` lists the same files as the .deb.
# Installs what it needs (binutils, rpm, man-db) when missing. Needs root for dpkg -i.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
missing=()
command -v objdump >/dev/null 2>&1 || missing+=(binutils)
command -v rpm >/dev/null 2>&1 || missing+=(rpm)
command -v man >/dev/null 2>&1 || missing+=(man-db)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

bash scripts/package.sh >/dev/null
OUT=target/package
DEB=$(ls $OUT/*.deb)
RPM=$(ls $OUT/*.rpm)
TAR=$(ls $OUT/*.tar.gz)

# The highest GLIBC version any symbol needs.
BIN=target/x86_64-unknown-linux-gnu/release/tochki
highest=$(objdump -T "$BIN" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1)
if [ "$(printf '%s\n2.28\n' "$highest" | sort -V | tail -1)" != "2.28" ]; then
  echo "package_check: the binary needs GLIBC_$highest, more than 2.28" >&2
  exit 1
fi

# The same files in the .deb and the .rpm (directories aside).
deb_files=$(dpkg-deb -c "$DEB" | awk '$1 !~ /^d/ {print $6}' | sed 's|^\./|/|' | sort)
rpm_files=$(rpm -qlp "$RPM" 2>/dev/null | sort)
if [ "$deb_files" != "$rpm_files" ]; then
  echo "package_check: the .deb and the .rpm hold different files:" >&2
  diff <(echo "$deb_files") <(echo "$rpm_files") >&2 || true
  exit 1
fi

# Installed, it works; removed, nothing of it stays.
dpkg -i "$DEB" >/dev/null
installed=$(dpkg -L tochki | while read -r f; do [ -f "$f" ] && echo "$f"; done)
[ "$(command -v tochki)" = /usr/bin/tochki ]
tochki --version | grep -q '^tochki '
# The shipped example: exit 0 or 1 (findings), never 2 (could not run).
status=0
tochki check /usr/share/tochki/registries/example_complete.yaml >/dev/null || status=$?
if [ "$status" -gt 1 ]; then
  echo "package_check: tochki check on the installed example exited $status" >&2
  exit 1
fi
MANPAGER=cat man tochki 2>/dev/null | grep -q 'tochki'
dpkg -r tochki >/dev/null
for f in $installed; do
  if [ -e "$f" ]; then
    echo "package_check: $f stays after dpkg -r" >&2
    exit 1
  fi
done

echo "package_check: GLIBC ≤ $highest; sizes:"
ls -l "$DEB" "$RPM" "$TAR" | awk '{print "  " $5 " " $9}'
