"""Dates as a reader of each language writes them, for the page's byline and credits.

Why apart: the byline (``page_parts.byline_row``) writes the original's date in both languages and the
footer the day of publication; one function decides how, and never guesses at a date it cannot read.
"""

from __future__ import annotations

import datetime as _dt

MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


def readable_date(value: str, lang: str) -> str:
    """``2024-10-14`` (or a date-time) as ``14 Oktober 2024`` / ``14 October 2024``; anything else as given.

    Why day-month-year: it is how both Indonesian and British English write a date, and it cannot be misread
    the way 10/14 can. Languages without month names here get the English ones.
    """
    try:
        day = _dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return " ".join(value.split())
    months = MONTHS.get(lang.split("-")[0].split("_")[0].lower(), MONTHS["en"])
    return f"{day.day} {months[day.month - 1]} {day.year}"
