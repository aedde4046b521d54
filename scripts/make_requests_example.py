#!/usr/bin/env python3
"""Writes the example journal of requests and the test fixtures of `tochki requests`:

  examples/requests_2025.csv          as Russian Excel saves it: cp1251, «;», CRLF. Deadlines
                                      around the May 2025 holidays (9 April + 30 days = 9 May,
                                      Victory Day, 8 May off: due 7 May), every status as of 14 May 2025,
                                      a «Контрольный срок» override and one row per J-finding.
  tests/fixtures/requests/serial_dates.xlsx  the same kind of journal with Excel dates
                                      (serial numbers in cells typed as dates) and a title line above the header.
  tests/fixtures/requests/no_form.csv a journal without the form column (J001).

Run from the project root: python3 scripts/make_requests_example.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from make_import_examples import xlsx  # noqa: E402

HEADER = ["Рег. №", "Дата поступления", "Форма обращения", "Содержание", "Процесс",
          "Подразделение", "Исполнитель", "Контрольный срок", "Дата ответа"]
PAY = "Начисление и выплата заработной платы"
TRIPS = "Возмещение командировочных расходов"
ROWS = [
    ["01-15/101", "09.04.2025", "СЭД", "Справка о доходах за 2024 год", PAY, "Бухгалтерия", "Иванова А. П.", "", "12.05.2025"],
    ["01-15/102", "09.04.2025", "Служебная записка", "Перерасчёт отпускных", PAY, "Бухгалтерия", "Иванова А. П.", "", ""],
    ["01-15/103", "14.04.2025", "Электронная почта", "Копия расчётного листка", PAY, "Бухгалтерия", "Петров С. В.", "", ""],
    ["01-15/104", "15.04.2025", "Письмо", "Возмещение расходов на проезд", TRIPS, "Бухгалтерия", "Петров С. В.", "", "16.05.2025"],
    ["", "10.04.2025", "Телефон", "Когда придёт аванс", PAY, "Бухгалтерия", "Иванова А. П.", "", "10.04.2025"],
    ["", "12.04.2025", "Личный приём", "Бланк авансового отчёта", TRIPS, "Бухгалтерия", "Петров С. В.", "", "14.04.2025"],
    ["", "11.04.2025", "Устно", "Срок сдачи авансового отчёта", TRIPS, "Бухгалтерия", "Петров С. В.", "", "15.04.2025"],
    ["01-15/108", "20.04.2025", "СЭД", "Справка для визы", PAY, "Бухгалтерия", "Иванова А. П.", "25.04.2025", "28.04.2025"],
    ["01-15/109", "01.05.2025", "СЭД", "Справка 2-НДФЛ", "Выдача справок", "Бухгалтерия", "Иванова А. П.", "", ""],
    ["01-15/110", "05.05.2025", "Прочее", "Счёт на оплату", PAY, "Бухгалтерия", "Петров С. В.", "", ""],
    ["01-15/111", "31.04.2025", "СЭД", "Справка о стаже", PAY, "Бухгалтерия", "Петров С. В.", "", ""],
    ["01-15/112", "06.05.2025", "СЭД", "Материальная помощь", PAY, "Бухгалтерия", "Иванова А. П.", "", "05.05.2025"],
    ["", "08.05.2025", "Телефон", "Почему не пришла премия", "начисление и выплата  заработной платы.", "Бухгалтерия", "Иванова А. П.", "", ""],
]


def serial(ddmmyyyy):
    """A date cell as Excel keeps it: a serial day number typed as a date."""
    import datetime
    d, m, y = map(int, ddmmyyyy.split("."))
    return datetime.date(y, m, d)


if __name__ == "__main__":
    with open("examples/requests_2025.csv", "wb") as f:
        for row in [HEADER] + ROWS:
            f.write((";".join(row) + "\r\n").encode("cp1251"))
    os.makedirs("tests/fixtures/requests", exist_ok=True)
    rows = [["Журнал обращений бухгалтерии, 2025"], HEADER]
    for row in ROWS[:9]:
        rows.append([serial(v) if c in (1, 7, 8) and v else v for c, v in enumerate(row)])
    xlsx("tests/fixtures/requests/serial_dates.xlsx", {"Журнал": rows})
    with open("tests/fixtures/requests/no_form.csv", "w", encoding="utf-8") as f:
        f.write("Номер,Дата поступления,Исполнитель\n1,09.04.2025,Иванова\n")
