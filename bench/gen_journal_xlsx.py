#!/usr/bin/env python3
"""A journal of ROWS requests as an XLSX workbook the way Excel keeps one: dates as serial
numbers in cells typed as dates, forms as shared strings. Usage: gen_journal_xlsx.py PATH ROWS"""
import datetime
import os
import sys
import zipfile

path, rows = sys.argv[1], int(sys.argv[2])
if os.path.exists(path):
    sys.exit(0)
forms = ["СЭД", "Служебная записка", "Телефон", "Электронная почта", "Личный приём"]
start, epoch = datetime.date(2024, 1, 1), datetime.date(1899, 12, 30)
strings = ["Рег. №", "Дата поступления", "Форма обращения", "Дата ответа"] + forms
ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
styles = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{ns}"><fonts count="1"><font><sz val="11"/>'
          '<name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
          '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
          '</cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
          '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>')
types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
         '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
         '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", types)
    z.writestr("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}" xmlns:r="{rel}"><sheets><sheet name="Журнал" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="{rel}/styles" Target="styles.xml"/></Relationships>')
    z.writestr("xl/styles.xml", styles)
    z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{ns}">' + "".join(f"<si><t>{t}</t></si>" for t in strings) + "</sst>")
    with z.open("xl/worksheets/sheet1.xml", "w") as f:
        f.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}"><sheetData>'.encode())
        f.write(b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>')
        buffer = []
        for i in range(rows):
            r = i + 2
            received = start + datetime.timedelta(days=i * 730 // rows)
            cells = f'<c r="A{r}"><v>{i}</v></c><c r="B{r}" s="1"><v>{(received - epoch).days}</v></c><c r="C{r}" t="s"><v>{4 + i % 5}</v></c>'
            if i < rows * 0.98:
                answered = received + datetime.timedelta(days=(i * 13) % 40)
                cells += f'<c r="D{r}" s="1"><v>{(answered - epoch).days}</v></c>'
            buffer.append(f'<row r="{r}">{cells}</row>')
            if len(buffer) >= 10_000:
                f.write("".join(buffer).encode())
                buffer = []
        f.write("".join(buffer).encode())
        f.write(b"</sheetData></worksheet>")
