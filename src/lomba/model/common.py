"""Building blocks shared by the workspace and innovation models: strict base, dates, rupiah."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError


class Strict(BaseModel):
    """Every lomba model forbids unknown fields, so a typo is reported instead of ignored."""

    model_config = ConfigDict(
        extra="forbid",
        coerce_numbers_to_str=True,
        str_strip_whitespace=True,
        frozen=False,
        populate_by_name=False,
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
