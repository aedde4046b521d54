#!/usr/bin/env bash
# Builds the packages for the desktops ministries run (docs/INSTALL.md):
#   target/package/tochki_VERSION-1_amd64.deb        Astra Linux, ALT (apt-rpm aside), Debian, Ubuntu
#   target/package/tochki-VERSION-1.x86_64.rpm        RED OS, ROSA, ALT (rpm)
#   target/package/tochki-VERSION-linux-x86_64.tar.gz any Linux: the binary, man page, completions
#   target/package/SHA256SUMS
# The binary is linked against glibc 2.28 or older (Astra Linux 1.7 is Debian 10 based): it is
# built by cargo-zigbuild with zig from the Python package ziglang, offline with the installed
# Rust toolchain. Tools missing are installed (cargo install, pip) unless TOCHKI_NO_INSTALL=1.
# Run from anywhere: bash scripts/package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

TARGET=x86_64-unknown-linux-gnu
GLIBC=2.28
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
OUT=target/package
ASSETS=$OUT/assets

need() {
  # need COMMAND HOW-TO-INSTALL...
  local command=$1
  shift
  if ! command -v "$command" >/dev/null 2>&1; then
    if [ "${TOCHKI_NO_INSTALL:-0}" = 1 ]; then
      echo "package.sh: нет $command; установите: $*" >&2
      exit 2
    fi
    "$@"
  fi
}
export PATH="$HOME/.cargo/bin:$PATH"
need cargo-zigbuild cargo install --locked cargo-zigbuild
need cargo-deb cargo install --locked cargo-deb
need cargo-generate-rpm cargo install --locked cargo-generate-rpm
if ! python3 -m ziglang version >/dev/null 2>&1; then
  if [ "${TOCHKI_NO_INSTALL:-0}" = 1 ]; then
    echo "package.sh: нет zig; установите: pip install ziglang" >&2
    exit 2
  fi
  python3 -m pip install --quiet ziglang
fi

rm -rf "$OUT"
mkdir -p "$ASSETS"
# The release binary against glibc 2.28 (the target's suffix is zig's glibc version).
cargo zigbuild --release --target "$TARGET.$GLIBC"
BIN=target/$TARGET/release/tochki

# The man page and the completions, as the binary itself writes them.
"$BIN" man > "$ASSETS/tochki.1"
gzip -9 -n -f "$ASSETS/tochki.1"
"$BIN" completions bash > "$ASSETS/tochki.bash"
"$BIN" completions zsh > "$ASSETS/_tochki"
"$BIN" completions fish > "$ASSETS/tochki.fish"

# .deb and .rpm from the metadata in Cargo.toml (the same assets).
cargo deb --no-build --no-strip --target "$TARGET" --output "$OUT/"
cargo generate-rpm --target "$TARGET" --output "$OUT/"

# .tar.gz: the binary, the man page, the completions and a short Russian note.
TAR_DIR=$OUT/tochki-$VERSION-linux-x86_64
mkdir -p "$TAR_DIR/completions"
cp "$BIN" "$TAR_DIR/"
cp "$ASSETS/tochki.1.gz" "$TAR_DIR/"
cp "$ASSETS/tochki.bash" "$ASSETS/_tochki" "$ASSETS/tochki.fish" "$TAR_DIR/completions/"
cp LICENSE "$TAR_DIR/"
cat > "$TAR_DIR/УСТАНОВКА.txt" <<TEXT
tochki $VERSION — перечень точек взаимодействия с внутренним клиентом, анкеты, журнал обращений.

Установка без пакета (любой Linux с glibc 2.28 и новее: Astra Linux 1.7+, РЕД ОС 7.3+, Альт 10+):
  sudo install -m 755 tochki /usr/local/bin/tochki
  sudo install -m 644 tochki.1.gz /usr/local/share/man/man1/tochki.1.gz
  sudo install -m 644 completions/tochki.bash /usr/share/bash-completion/completions/tochki
Проверка: tochki --version
Удаление: sudo rm /usr/local/bin/tochki /usr/local/share/man/man1/tochki.1.gz \\
          /usr/share/bash-completion/completions/tochki

Пакеты .deb (Astra Linux, Debian) и .rpm (РЕД ОС, РОСА, Альт) и проверка контрольных сумм —
в docs/INSTALL.md. В Astra Linux Special Edition с замкнутой программной средой файл нужно
подписать ключом администратора до запуска (см. docs/INSTALL.md).
TEXT
tar -C "$OUT" --owner=0 --group=0 --numeric-owner -czf "$OUT/tochki-$VERSION-linux-x86_64.tar.gz" \
  "tochki-$VERSION-linux-x86_64"
rm -rf "$TAR_DIR"

(cd "$OUT" && sha256sum ./*.deb ./*.rpm ./*.tar.gz > SHA256SUMS)
ls -l "$OUT"
