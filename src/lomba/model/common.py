"""Building blocks shared by the workspace and innovation models: strict base, dates, rupiah."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError


class Strict(BaseModel):
    """Every lomba model forbids unknown fields, so a typo is reported instead of ignored.

    Validators are built when a model is first used (``defer_build``), not at import: a
    command builds only those it needs (a check of one file never validates a region's
    profile), and a nested model is built once, inside its parent. A check of one file
    among 10,000 went from 0.74 to 0.64 s."""

    model_config = ConfigDict(
        extra="forbid",
        coerce_numbers_to_str=True,
        str_strip_whitespace=True,
        frozen=False,
        populate_by_name=False,
        defer_build=True,
    )


_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def _parse_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE_RE.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PydanticCustomError("lomba_date", "invalid date", {"found": value})


Tanggal = Annotated[
    date,
    BeforeValidator(_parse_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
"""A calendar date written strictly as YYYY-MM-DD (the YAML loader keeps dates as text)."""


_WAKTU_RE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\Z")


@dataclass(frozen=True)
class Waktu:
    """A date as precise as the user wrote it: a year (``2017``), a month (``2017-11``) or a
    day (``2017-11-02``). Documents print only that precision; rules compare its earliest and
    latest possible day, so an imprecise date is never read as more than it says."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        if self.day is not None:
            return self.earliest
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return self.earliest.isoformat()


def parse_waktu(value: Any) -> Waktu:
    if isinstance(value, Waktu):
        return value
    if isinstance(value, date):
        return Waktu(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        match = _WAKTU_RE.match(value.strip())
        if match:
            year, month, day = (int(g) if g else None for g in match.groups())
            try:
                date(year, month or 1, day or 1)  # type: ignore[arg-type]
            except ValueError:
                pass
            else:
                if 1900 <= year <= 2100:  # type: ignore[operator]
                    return Waktu(year, month, day)  # type: ignore[arg-type]
    raise PydanticCustomError("lomba_waktu", "invalid date",
                              {"found": value, "fix": _date_fix(value)})


_DMY_RE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\Z")
_YMD_RE = re.compile(r"(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?\Z")


def _date_fix(value: Any) -> str:
    """The value written the way lomba reads it, when it is clear what was meant: 25-07-2019
    or 25/07/2019 (day first, as Indonesians write) and 2019/08/01 become ISO."""
    text = str(value).strip()
    dmy, ymd = _DMY_RE.match(text), _YMD_RE.match(text)
    try:
        if dmy:
            day, month, year = map(int, dmy.groups())
            return date(year, month, day).isoformat()
        if ymd:
            year, month = int(ymd[1]), int(ymd[2])
            if ymd[3]:
                return date(year, month, int(ymd[3])).isoformat()
            date(year, month, 1)
            return f"{year:04d}-{month:02d}"
    except ValueError:
        return ""
    return ""


TanggalFakta = Annotated[
    Waktu,
    PlainValidator(parse_waktu),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"anyOf": [
        {"type": "integer", "minimum": 1900, "maximum": 2100},
        {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}],
        "description": "Tahun (2017), bulan (2017-11) atau tanggal (2017-11-02), setepat yang "
                       "diketahui"}),
]
"""A fact's date at the precision written: a year, a month or a day."""


_NUMBER = r"\d+(?:[.,]\d+)*"
_QUANTITY_RE = re.compile(
    rf"(?P<q>±|~|\+/-|sekitar|kurang lebih|kira-kira|lebih dari|kurang dari|>=|<=|>|<|≥|≤)?\s*"
    rf"(?P<a>-?{_NUMBER})(?:\s*(?:–|—|-|s\.?d\.?|sampai|hingga)\s*(?P<b>-?{_NUMBER}))?\Z",
    re.I)


@dataclass(frozen=True)
class Kuantitas:
    """A measured value as people write it: 17.98 or 17,98 (a decimal comma), a range
    (450–500), or an approximate or bounded one (sekitar 450, > 95). Kept as written, decimals
    included, so a document never prints more precision than the user gave."""

    low: Decimal
    high: Decimal | None = None
    qualifier: str | None = None

    @property
    def exact(self) -> Decimal | None:
        """The value when it is a single, unqualified number (for a percentage change)."""
        return self.low if self.high is None and self.qualifier is None else None


_THOUSANDS_RE = re.compile(r"-?[1-9]\d{0,2}(?:\.\d{3})+\Z")


def _decimal(text: str) -> Decimal | None:
    """17,98 and 17.98 are 17.98; 3.500, 1.250.000 and 1.250.000,5 use the dot for thousands
    as Indonesians write them (text in quotes: an unquoted 3.500 is YAML's 3.5)."""
    if "," in text:
        text = text.replace(".", "").replace(",", ".") if text.count(",") == 1 else ""
    elif _THOUSANDS_RE.match(text):
        text = text.replace(".", "")
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None


def parse_kuantitas(value: Any) -> Kuantitas:
    if isinstance(value, Kuantitas):
        return value
    if isinstance(value, bool):
        raise PydanticCustomError("lomba_quantity", "invalid", {"found": value, "fix": ""})
    if isinstance(value, int | Decimal):
        return Kuantitas(Decimal(value))
    if isinstance(value, float):
        return Kuantitas(Decimal(repr(value)))
    if isinstance(value, str):
        match = _QUANTITY_RE.match(value.strip())
        if match:
            low = _decimal(match["a"])
            high = _decimal(match["b"]) if match["b"] else None
            if low is not None and (match["b"] is None or high is not None):
                qualifier = match["q"].lower() if match["q"] else None
                return Kuantitas(low, high, qualifier)
    raise PydanticCustomError("lomba_quantity", "invalid", {"found": value, "fix": ""})


NilaiKuantitas = Annotated[
    Kuantitas,
    PlainValidator(parse_kuantitas),
    PlainSerializer(lambda k: str(k.low) if k.high is None and not k.qualifier
                    else f"{k.qualifier or ''}{k.low}{'–' + str(k.high) if k.high else ''}",
                    return_type=str),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string"}],
                    "description": "Angka (17.98 atau \"17,98\"), rentang (\"450–500\"), atau "
                                   "perkiraan (\"sekitar 450\", \"> 95\")"}),
]


_SPAN_RE = re.compile(r"(\d{4})\s*(?:–|—|-|s\.?d\.?|sampai|hingga)\s*(\d{4})\Z")


@dataclass(frozen=True)
class RentangTahun:
    """One year (2018) or a span of years (2009–2017), as a budget line or a source gives."""

    first: int
    last: int

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}–{self.last}"


def parse_rentang(value: Any) -> RentangTahun:
    if isinstance(value, RentangTahun):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 1945 <= value <= 2100:
        return RentangTahun(value, value)
    if isinstance(value, str):
        text = value.strip()
        if text.isdigit() and 1945 <= int(text) <= 2100:
            return RentangTahun(int(text), int(text))
        match = _SPAN_RE.match(text)
        if match and 1945 <= int(match[1]) <= int(match[2]) <= 2100:
            return RentangTahun(int(match[1]), int(match[2]))
    raise PydanticCustomError("lomba_years", "invalid", {"found": value, "fix": ""})


TahunAtauRentang = Annotated[
    RentangTahun,
    PlainValidator(parse_rentang),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 1945, "maximum": 2100},
                              {"type": "string", "pattern": r"^\d{4}\s*(–|-)\s*\d{4}$"}],
                    "description": "Tahun (2018) atau rentang tahun (\"2009–2017\")"}),
]


def _parse_rupiah(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("lomba_rupiah", "invalid rupiah", {"found": value})
    if isinstance(value, (int, Decimal)):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(repr(value))
    elif isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        amount = Decimal(value.strip())
    else:
        raise PydanticCustomError("lomba_rupiah", "invalid rupiah", {"found": value})
    try:
        whole = amount == amount.to_integral_value()
    except InvalidOperation:
        whole = False
    if not whole:
        raise PydanticCustomError("lomba_rupiah_fraction", "fraction", {"found": value})
    return amount


Rupiah = Annotated[
    Decimal,
    BeforeValidator(_parse_rupiah),
    Field(ge=0),
    WithJsonSchema({"type": "integer", "minimum": 0, "description": "Jumlah rupiah, bulat"}),
]
"""An amount in whole rupiah, kept as Decimal. Sen are refused rather than silently rounded."""

KODE_PATTERN = r"^[a-z0-9][a-z0-9-]{0,79}$"
"""OPD codes and entry file names: they become folder and file names in ``build/`` and in links,
so only lower-case letters, digits and hyphens (the same on every file system, with no way to
name a parent folder, a drive or a URL part)."""
KODE_RE = re.compile(KODE_PATTERN)

Tahun = Annotated[int, Field(ge=1945, le=2100)]

_URL_RE = re.compile(r"https?://[^\s/$.?#][^\s]*\Z")
_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+\Z")


def _check_url(value: str) -> str:
    if not _URL_RE.match(value):
        raise PydanticCustomError("lomba_url", "invalid url", {"found": value})
    return value


def _check_email(value: str) -> str:
    if not _EMAIL_RE.match(value):
        raise PydanticCustomError("lomba_email", "invalid email", {"found": value})
    return value


Url = Annotated[
    str,
    AfterValidator(_check_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"}),
]
Email = Annotated[str, AfterValidator(_check_email), WithJsonSchema({"type": "string"})]

Teks = str
"""Free text (Markdown allowed in narrative fields)."""


def empty_list() -> list[Any]:
    """The default of a list field. Not ``list`` itself: building a model's validator, pydantic
    reads each default factory's signature, and a built-in's is parsed from text, a dozen
    times slower than a function's (about a fifth of building the entry's validator)."""
    return []
