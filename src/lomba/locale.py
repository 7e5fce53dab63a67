"""Indonesian conventions for dates, rupiah and numbers (via babel, never via setlocale).

Patterns are explicit ("d MMMM y"), because babel's "YYYY" is the week-based year and "DD" the
day of the year. Rupiah amounts are whole (the model refuses sen), printed "Rp1.250.000" as PUEBI
writes them.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

LOCALE = "id_ID"
DATE_PATTERN = "d MMMM y"


# Cached: a build formats the same few dates and amounts in thousands of documents, and babel
# looks up its locale data on every call.
@lru_cache(maxsize=4096)
def tanggal(value: date | None, pattern: str = DATE_PATTERN) -> str:
    """``date(2018, 1, 17)`` -> ``"17 Januari 2018"``."""
    if value is None:
        return ""
    return format_date(value, pattern, locale=LOCALE)


@lru_cache(maxsize=1024)
def tanggal_in(value: date, lang: str) -> str:
    """A date in the message language: "1 Agustus 2018" or "1 August 2018"."""
    if lang == "en":
        return format_date(value, DATE_PATTERN, locale="en")
    return tanggal(value)


def waktu(value: Any, lang: str = "id") -> str:
    """A date at the precision it was written (:class:`lomba.model.common.Waktu`): "2017",
    "November 2017" or "2 November 2017" (English: "November 2017", "2 November 2017")."""
    if value is None:
        return ""
    if value.month is None:
        return f"{value.year}"
    locale = "en" if lang == "en" else LOCALE
    if value.day is None:
        return format_date(date(value.year, value.month, 1), "MMMM y", locale=locale)
    return tanggal_in(date(value.year, value.month, value.day), lang)


waktu_in = waktu


def kuantitas(value: Any) -> str:
    """A measured value (:class:`lomba.model.common.Kuantitas`) as written: "17,98",
    "450–500", "sekitar 450", "> 95"; decimals as the user gave them, never more."""
    if value is None:
        return "—"
    text = angka(value.low)
    if value.high is not None:
        text += f"–{angka(value.high)}"
    if value.qualifier:
        gap = "" if value.qualifier in ("±", "~", ">", "<", "≥", "≤", ">=", "<=") else " "
        text = f"{value.qualifier}{gap}{text}"
    return text


@lru_cache(maxsize=4096)
def rupiah(amount: Decimal | int | None) -> str:
    """``1250000`` -> ``"Rp1.250.000"``."""
    if amount is None:
        return ""
    return format_currency(Decimal(amount), "IDR", locale=LOCALE, currency_digits=True)


def angka(value: float | int | Decimal | None) -> str:
    """``1250000.5`` -> ``"1.250.000,5"``; whole numbers print without decimals."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _angka(value)


@lru_cache(maxsize=4096)
def _angka(value: float | int | Decimal) -> str:
    return format_decimal(value, locale=LOCALE)


def build_date(configured: date | None = None) -> date:
    """The date printed on documents: the workspace's, else SOURCE_DATE_EPOCH, else today.

    A fixed date is what makes two builds of the same input byte-identical.
    """
    if configured is not None:
        return configured
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()
