#!/usr/bin/env python3
"""OpenDocument texts (.odt) for tests/cli/import.rs, two ways:

  tests/fixtures/odt/<name>.odt   the layout fixtures (and the Smolensk appendix) as LibreOffice
      saves them: `soffice --headless --convert-to odt`, so the files are LibreOffice's own XML
      (covered cells, spans, styles), not ours. Needs LibreOffice (.ci/run installs it).
  tests/fixtures/odt/shown.odt    written here: hidden text in a style, a note, a comment, a
      tracked deletion, a non-breaking hyphen, empty cells repeated to the page's edge
  tests/fixtures/odt/declared_span.odt  a 2 KB file declaring a cell 4,000,000,000 columns wide
  tests/fixtures/odt/spreadsheet.odt    an OpenDocument spreadsheet under an .odt name

Run from the repository root after scripts/make_layout_fixtures.py and make_profiles_docx.py:
  python3 scripts/make_odt_fixtures.py
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

OUT = "tests/fixtures/odt"
STAMP = (2025, 1, 1, 0, 0, 0)
CONVERTED = ["examples/smolensk_appendix.docx"] + [
    f"tests/fixtures/layouts/{n}.docx"
    for n in ["two_row_header", "numbered_sections", "continued", "needs_rows", "qualified", "revisions"]
] + ["tests/fixtures/profiles/north_ossetia.docx"]


def package(path, content, mimetype="application/vnd.oasis.opendocument.text"):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype", STAMP), mimetype)  # stored, first, as ODF wants
        manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                    f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
                    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
        for name, text in [("META-INF/manifest.xml", manifest), ("content.xml", content)]:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)


NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/"')


def document(body, styles=""):
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} office:version="1.2">'
            f'<office:automatic-styles>{styles}</office:automatic-styles><office:body><office:text>{body}'
            '</office:text></office:body></office:document-content>')


def cell(text, extra=""):
    return f'<table:table-cell office:value-type="string"{extra}><text:p>{text}</text:p></table:table-cell>'


def row(cells):
    return "<table:table-row>" + "".join(cells) + "</table:table-row>"


def main():
    os.makedirs(OUT, exist_ok=True)
    if shutil.which("soffice") is None:
        sys.exit("soffice (LibreOffice) is needed: apt-get install libreoffice-writer")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", "--convert-to", "odt", "--outdir", tmp] + CONVERTED,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for source in CONVERTED:
            name = os.path.basename(source).replace(".docx", ".odt")
            shutil.copy(os.path.join(tmp, name), os.path.join(OUT, name))

    header = ["Направление деятельности", "Наименование процесса", "Точка взаимодействия", "Вид точки",
              "Удовлетворяемые потребности"]
    hidden = '<style:style style:name="T9" style:family="text"><style:text-properties text:display="none"/></style:style>'
    tracked = ('<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><office:change-info>'
               '<dc:creator>x</dc:creator><dc:date>2025-01-01T00:00:00</dc:date></office:change-info>'
               '<text:p>Старое место</text:p></text:deletion></text:changed-region></text:tracked-changes>')
    rows = [
        row([cell(h) for h in header]),
        row([cell("Бухгалтерский учет", ' table:number-rows-spanned="3"'), cell("Начисление заработной платы"),
             cell('Телефонная связь<text:span text:style-name="T9"> (старый номер 25-34-11, не публиковать)</text:span>'),
             cell("цифровая"), cell("получение информации"),
             '<table:table-cell table:number-columns-repeated="40"/>']),
        row(['<table:covered-table-cell/>', cell("Начисление заработной платы"),
             cell("Интернет\u2011приёмная<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
                  "<text:note-body><text:p>сноска</text:p></text:note-body></text:note>"),
             cell("цифровая"), cell("получение консультации")]),
        row(['<table:covered-table-cell/>', cell("Выдача справок"),
             cell('<text:change text:change-id="c1"/>Почта России<office:annotation><dc:creator>x</dc:creator>'
                  '<text:p>проверить</text:p></office:annotation>'),
             cell("офлайн"), cell("получение информации")]),
    ]
    body = (tracked + "<text:p>Перечень точек взаимодействия с внутренним клиентом — Министерство финансов</text:p>"
            "<table:table table:name=\"Перечень\"><table:table-column table:number-columns-repeated=\"5\"/>"
            + "".join(rows) + "</table:table>")
    package(os.path.join(OUT, "shown.odt"), document(body, hidden))

    span = row([cell("Точка взаимодействия", ' table:number-columns-spanned="4000000000"')])
    package(os.path.join(OUT, "declared_span.odt"), document(f"<table:table>{span}</table:table>"))
    package(os.path.join(OUT, "spreadsheet.odt"),
            document("<text:p>x</text:p>").replace("office:text>", "office:spreadsheet>"),
            "application/vnd.oasis.opendocument.spreadsheet")


if __name__ == "__main__":
    main()
