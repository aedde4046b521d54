#!/usr/bin/env python3
"""Files whose refusal (or reading) must name the right reason (issue 32), for tests/cli/import.rs:

  tests/fixtures/refusals/mimetype_compressed.odt  a real registry .odt re-zipped by an archiver:
      `mimetype` compressed and not first (LibreOffice and odfpy open it): read
  tests/fixtures/refusals/no_mimetype.odt          the same without `mimetype`: the manifest says
      what it is: read
  tests/fixtures/refusals/encrypted.odt            an ODF package with encrypted parts (the
      manifest's `encryption-data`): «защищён паролем»
  tests/fixtures/refusals/encrypted.docx           an encrypted Word package as Office stores it,
      an OLE container with an «EncryptedPackage» stream: «защищён паролем», the name not blamed
  tests/fixtures/refusals/xml_bomb.xlsx            an intact archive whose workbook part declares
      nested entities (billion laughs): refused for its expansion, not called damaged
  tests/fixtures/refusals/other_mimetype.odt       an .odt whose `mimetype` holds other bytes
      (application/zip): the manifest says it is a text: read
  tests/fixtures/refusals/no_header_row.xlsx       a sheet with text in one column and no row of
      headings: named by its texts, not «пустая»
  tests/fixtures/refusals/theme.docx               an Office theme package named .docx: no
      document body, said as such (not «нет ни одной таблицы»)
  tests/fixtures/refusals/utf16be.csv              a CSV in UTF-16BE with its mark: not Excel's
      «Юникод-текст» (that one is UTF-16LE)

Run from the repository root after scripts/make_odt_fixtures.py:
  python3 scripts/make_refusal_fixtures.py
"""
import os
import sys
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
from make_import_examples import xlsx  # noqa: E402

OUT = "tests/fixtures/refusals"
STAMP = (2025, 1, 1, 0, 0, 0)
os.makedirs(OUT, exist_ok=True)


def write(path, parts, stored=()):
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            z.writestr(info, data)


# A registry as LibreOffice saved it, its parts re-packed as an archiver would.
with zipfile.ZipFile("tests/fixtures/odt/shown.odt") as source:
    parts = [(n, source.read(n)) for n in source.namelist()]
mimetype = [p for p in parts if p[0] == "mimetype"]
rest = [p for p in parts if p[0] != "mimetype"]
write(os.path.join(OUT, "mimetype_compressed.odt"), rest + mimetype)
write(os.path.join(OUT, "no_mimetype.odt"), rest)

MANIFEST_ENCRYPTED = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="2048">'
    '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA">'
    '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="AAAA"/>'
    '<manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="16" manifest:iteration-count="1024" manifest:salt="AAAA"/>'
    "</manifest:encryption-data></manifest:file-entry></manifest:manifest>"
)
write(os.path.join(OUT, "encrypted.odt"), [
    ("mimetype", "application/vnd.oasis.opendocument.text"),
    ("content.xml", bytes(range(256)) * 8),
    ("META-INF/manifest.xml", MANIFEST_ENCRYPTED),
], stored=("mimetype",))

# An OLE compound file header and a directory entry naming «EncryptedPackage» (UTF-16LE), as
# Office writes a password-protected .docx; the rest is padding.
ole = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
entry = "EncryptedPackage".encode("utf-16-le") + b"\0\0"
ole += entry + b"\0" * (128 - len(entry))
ole += b"\0" * 4096
with open(os.path.join(OUT, "encrypted.docx"), "wb") as f:
    f.write(bytes(ole))

BOMB = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + ']><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets>'
    '<sheet name="&lol9;" sheetId="1" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'
    "</sheets></workbook>"
)
write(os.path.join(OUT, "xml_bomb.xlsx"), [
    ("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    ("xl/workbook.xml", BOMB),
])

with open(os.path.join(OUT, "utf16be.csv"), "wb") as f:
    f.write("Отметка времени,Вопрос\n2025-03-01,Да\n".encode("utf-16-be").join([b"\xfe\xff", b""]))

# A theme package (.thmx) named .docx: its main part is a theme, there is no document body.
write(os.path.join(OUT, "theme.docx"), [
    ("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    ("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="theme/theme/themeManager.xml"/></Relationships>'),
    ("theme/theme/themeManager.xml", '<?xml version="1.0"?><a:themeManager xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"/>'),
])

write(os.path.join(OUT, "other_mimetype.odt"), [("mimetype", "application/zip")] + rest, stored=("mimetype",))
xlsx(os.path.join(OUT, "no_header_row.xlsx"), {"Заметки": [["Split Line"], ["Value With spaces"], ["Третья строка"]]})
