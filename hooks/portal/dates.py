"""Dates as precise as their source: a day, a month, a season, a year, "early in a year", or unknown.

Editors write them as short strings (``2023-01-20``, ``2017-03``, ``2020``, ``Frühjahr 2018``,
``Anfang 2023``, ``unbekannt``). German display text comes from Babel, so month names are never
hand-maintained.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from enum import StrEnum

from babel.dates import format_date, get_month_names

from .problems import Fault


class Precision(StrEnum):
    """How much of a date its source actually gives."""

    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    EARLY = "early"
    YEAR = "year"
    UNKNOWN = "unknown"


# Seasons are named as months spans; winter belongs to the year in which it starts.
SEASONS: dict[str, tuple[int, int]] = {
    "Frühjahr": (3, 5),
    "Sommer": (6, 8),
    "Herbst": (9, 11),
    "Winter": (12, 14),
}
# "Anfang 2023" in a German text means roughly the first quarter; we only use it for ordering.
EARLY_MONTHS = (1, 3)

# The years a date may name. Initiatives for today's industry do not reach back before 1900, and a
# target beyond 2100 is a typo; outside some such range Python's calendar fails (year 0, year 10000).
MIN_YEAR, MAX_YEAR = 1900, 2100
YEAR_PATTERN = r"(19\d\d|20\d\d|2100)"

FORMATS_HELP = (
    "ein Datum wie 2023-01-20, ein Monat wie 2023-01, ein Jahr wie 2023, "
    "eine Jahreszeit wie 'Frühjahr 2018', 'Anfang 2023' oder 'unbekannt'"
)

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_SEASON = re.compile(r"^(Frühjahr|Sommer|Herbst|Winter) (\d{4})$")
_EARLY = re.compile(r"^Anfang (\d{4})$")

# Forms editors write that are not accepted, recognised only to explain what to write instead.
_LOOSE_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_LOOSE_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_WITH_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")
_WORD_YEAR = re.compile(r"^(\w+) (\d+)$")
_WORDS = {"frühling": "Frühjahr", "fruehjahr": "Frühjahr", "frühjahr": "Frühjahr", "sommer": "Sommer",
          "herbst": "Herbst", "winter": "Winter", "anfang": "Anfang"}
_GERMAN_MONTHS = tuple(get_month_names("wide", locale="de")[month] for month in range(1, 13))
# "März 2024", "27. november 2026", "Maerz 2024": month names as Babel spells them, in any case,
# with the umlaut also written out; recognised only to say which notation to write instead.
_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(_GERMAN_MONTHS, 1)}
_MONTH_NUMBERS |= {name.replace("ä", "ae"): number for name, number in list(_MONTH_NUMBERS.items()) if "ä" in name}
_NAMED_MONTH = re.compile(r"^(\w+)\s+(\d+)$")
_NAMED_DAY = re.compile(r"^(\d{1,2})\.?\s*(\w+)\s+(\d{4})$")


class DateError(Fault):
    """A date string that is not in one of the accepted forms, or names an impossible day."""


def _day_name(day: int, month: int) -> str:
    return f"{day}. {_GERMAN_MONTHS[month - 1]}" if 1 <= month <= 12 else f"{day}.{month}."


def _iso(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def _check_day(text: str, year: int, month: int, day: int) -> None:
    """Raise a DateError that says why year-month-day is not a calendar day."""
    if not 1 <= month <= 12:
        swapped = f"ist {_iso(year, day, month)} gemeint? " if 1 <= day <= 12 else ""
        raise DateError(f"'{text}' ist kein gültiger Kalendertag: einen Monat {month} gibt es nicht",
                        f"{swapped}die Reihenfolge ist Jahr-Monat-Tag")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateError(f"'{text}' ist kein gültiger Kalendertag: den {_day_name(day, month)} {year} gibt es nicht",
                        f"der {_GERMAN_MONTHS[month - 1]} {year} hat {last} Tage; Tag und Monat prüfen")


def _explain(text: str) -> DateError:
    """The most helpful error for a date string in none of the accepted forms."""
    if m := _LOOSE_DAY.match(text):
        year, month, day = (int(g) for g in m.groups())
        _check_day(text, year, month, day)
        return DateError(f"'{text}': Monat und Tag brauchen je zwei Ziffern", f"'{_iso(year, month, day)}' schreiben")
    if m := _LOOSE_MONTH.match(text):
        return DateError(f"'{text}': der Monat braucht zwei Ziffern", f"'{m.group(1)}-{int(m.group(2)):02d}' schreiben")
    if m := _WITH_TIME.match(text):
        return DateError(f"'{text}': eine Uhrzeit ist nicht vorgesehen", f"nur das Datum schreiben: '{m.group(1)}'")
    if m := _SLASHED.match(text):
        first, second, year = int(m.group(1)), int(m.group(2)), _full_year(m.group(3))
        if first <= 12 and second <= 12 and first != second:
            return DateError(
                f"'{text}' ist mehrdeutig: {_day_name(first, second)} oder {_day_name(second, first)} {year}?",
                f"als Jahr-Monat-Tag schreiben: '{_iso(year, second, first)}' für den {_day_name(first, second)}, "
                f"'{_iso(year, first, second)}' für den {_day_name(second, first)}",
            )
        day, month = (first, second) if first > 12 else (second, first)
        return DateError(f"'{text}' ist kein erkanntes Datum; erwartet wird Jahr-Monat-Tag", f"'{_iso(year, month, day)}' schreiben")
    if m := _DOTTED.match(text):
        day, month, year = int(m.group(1)), int(m.group(2)), _full_year(m.group(3))
        _check_day(text, year, month, day)
        short = " mit zweistelligem Jahr" if len(m.group(3)) == 2 else ""
        return DateError(f"'{text}' ist kein erkanntes Datum (deutsche Schreibweise{short}); erwartet wird Jahr-Monat-Tag",
                         f"'{_iso(year, month, day)}' schreiben")
    if (m := _NAMED_DAY.match(text)) and (named := _MONTH_NUMBERS.get(m.group(2).lower())):
        day, year = int(m.group(1)), int(m.group(3))
        _check_day(text, year, named, day)
        return DateError(f"'{text}' ist kein erkanntes Datum (Monat als Wort); erwartet wird Jahr-Monat-Tag",
                         f"'{_iso(year, named, day)}' schreiben")
    if (m := _NAMED_MONTH.match(text)) and (named := _MONTH_NUMBERS.get(m.group(1).lower())):
        digits = m.group(2)
        if len(digits) != 4:
            return DateError(f"'{text}': das Jahr {digits} hat {len(digits)} statt 4 Ziffern",
                             f"Tippfehler im Jahr? z. B. '2023-{named:02d}'")
        return DateError(f"'{text}' ist kein erkanntes Datum (Monat als Wort); erwartet wird Jahr-Monat",
                         f"'{digits}-{named:02d}' schreiben")
    if m := _WORD_YEAR.match(text):
        word, digits = m.group(1), m.group(2)
        proper = _WORDS.get(word.lower())
        if len(digits) != 4:
            return DateError(f"'{text}': das Jahr {digits} hat {len(digits)} statt 4 Ziffern",
                             f"Tippfehler im Jahr? z. B. '{proper or word} 2023'")
        if proper:
            return DateError(f"'{text}' ist kein erkanntes Datum", f"'{proper} {digits}' schreiben")
        if word.lower() in ("mitte", "ende"):
            return DateError(f"'{text}' ist kein erkanntes Datum", f"'{digits}' schreiben; '{word}' kann in die Anmerkung zum Datum (z. B. date_note)")
    if re.match(r"^\d{5,}$", text):
        return DateError(f"'{text}': das Jahr hat {len(text)} statt 4 Ziffern", "Tippfehler im Jahr?")
    return DateError(f"'{text}' ist kein erkanntes Datum; erwartet wird {FORMATS_HELP}")


def _full_year(digits: str) -> int:
    # Two-digit years in sources about today's initiatives mean 20xx; the hint shows the guess.
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


@dataclass(frozen=True, order=False)
class VagueDate:
    """A date with an honest precision. ``year`` is None only for an unknown date."""

    precision: Precision
    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: str | None = None

    @classmethod
    def parse(cls, value: object) -> VagueDate:
        """Parse the editor's notation; raise DateError with a German explanation otherwise."""
        if isinstance(value, bool):
            raise DateError(f"erwartet wird ein Datum, gefunden: den Wahrheitswert {str(value).lower()}",
                            f"erwartet wird {FORMATS_HELP}")
        if isinstance(value, int):
            value = str(value)
        if isinstance(value, float):
            # YAML reads 2017.03 as a number; say which notation means the month.
            raise DateError(f"erwartet wird ein Datum, gefunden: die Zahl {value}",
                            "einen Monat mit Bindestrich schreiben, z. B. \"2017-03\" für März 2017")
        if not isinstance(value, str):
            raise DateError("erwartet wird ein Datum", f"erwartet wird {FORMATS_HELP}")
        text = value.strip()
        if text == "unbekannt":
            return cls(Precision.UNKNOWN)
        date = cls._parse_known(text)
        if date.year is not None and not MIN_YEAR <= date.year <= MAX_YEAR:
            raise DateError(f"'{text}': das Jahr {date.year} liegt außerhalb von {MIN_YEAR} bis {MAX_YEAR}",
                            "Tippfehler im Jahr?")
        return date

    @classmethod
    def _parse_known(cls, text: str) -> VagueDate:
        """A day, month, year, season or "Anfang" date in any year; DateError for other text."""
        if m := _DAY.match(text):
            year, month, day = (int(g) for g in m.groups())
            _check_day(text, year, month, day)
            return cls(Precision.DAY, year, month, day)
        if m := _MONTH.match(text):
            year, month = int(m.group(1)), int(m.group(2))
            if not 1 <= month <= 12:
                raise DateError(f"'{text}': den Monat {month} gibt es nicht", "die Reihenfolge ist Jahr-Monat")
            return cls(Precision.MONTH, year, month)
        if m := _YEAR.match(text):
            return cls(Precision.YEAR, int(m.group(1)))
        if m := _SEASON.match(text):
            return cls(Precision.SEASON, int(m.group(2)), season=m.group(1))
        if m := _EARLY.match(text):
            return cls(Precision.EARLY, int(m.group(1)))
        raise _explain(text)

    @property
    def known(self) -> bool:
        """False for a date the sources do not give at all."""
        return self.precision is not Precision.UNKNOWN

    def first_day(self) -> dt.date | None:
        """The earliest day the date can mean (None if unknown)."""
        if self.year is None:
            return None
        if self.precision is Precision.DAY:
            return dt.date(self.year, self.month or 1, self.day or 1)
        if self.precision is Precision.MONTH:
            return dt.date(self.year, self.month or 1, 1)
        if self.precision is Precision.SEASON:
            return dt.date(self.year, SEASONS[self.season or "Frühjahr"][0], 1)
        return dt.date(self.year, 1, 1)

    def last_day(self) -> dt.date | None:
        """The latest day the date can mean: a deadline "2020" runs until 31 December 2020."""
        if self.year is None:
            return None
        if self.precision is Precision.DAY:
            return self.first_day()
        if self.precision is Precision.MONTH:
            month = self.month or 12
            return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])
        if self.precision is Precision.SEASON:
            end = SEASONS[self.season or "Frühjahr"][1]
            year, month = (self.year + 1, end - 12) if end > 12 else (self.year, end)
            return dt.date(year, month, calendar.monthrange(year, month)[1])
        if self.precision is Precision.EARLY:
            return dt.date(self.year, EARLY_MONTHS[1], 31)
        return dt.date(self.year, 12, 31)

    def sort_key(self) -> tuple[int, dt.date, int]:
        """Known dates first in time order; among equal starts the more precise one first."""
        return _sort_key(self)

    def iso(self) -> str:
        """A value for ``<time datetime>``: as precise as the date, never more."""
        if self.year is None:
            return ""
        if self.precision is Precision.DAY:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.precision is Precision.MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def notation(self) -> str:
        """The editor's notation again (used in exports, so data round-trips)."""
        if self.precision is Precision.UNKNOWN:
            return "unbekannt"
        if self.precision is Precision.SEASON:
            return f"{self.season} {self.year}"
        if self.precision is Precision.EARLY:
            return f"Anfang {self.year}"
        return self.iso()

    def german(self) -> str:
        """German display text: '20. Januar 2023', 'März 2017', 'Frühjahr 2018', 'Anfang 2023'."""
        if self.precision is Precision.UNKNOWN:
            return "Datum nicht bekannt"
        if self.precision is Precision.DAY:
            return format_day(dt.date(self.year or MIN_YEAR, self.month or 1, self.day or 1))
        if self.precision is Precision.MONTH:
            return _format_month(self.year or MIN_YEAR, self.month or 1)
        if self.precision is Precision.SEASON:
            return f"{self.season} {self.year}"
        if self.precision is Precision.EARLY:
            return f"Anfang {self.year}"
        return str(self.year)

    def __str__(self) -> str:
        return self.german()


# Babel's format_date costs about 40 µs a call and a large build asks for the same few thousand days
# and months hundreds of thousands of times (every list shows dates), so each is formatted once per
# process. Bounded by the calendar: MIN_YEAR to MAX_YEAR hold about 73,000 days.
@functools.cache
def format_day(day: dt.date) -> str:
    """A full German date for a real calendar day (build date, last change)."""
    return format_date(day, "d. MMMM y", locale="de_DE")


@functools.cache
def _sort_key(date: VagueDate) -> tuple[int, dt.date, int]:
    """``VagueDate.sort_key``, computed once per distinct date: every sorted list of a build asks
    again (the few thousand distinct dates of the content are bounded by the calendar)."""
    first = date.first_day()
    order = _PRECISION_ORDER[date.precision]
    return (0, first, order) if first else (1, dt.date.max, order)


_PRECISION_ORDER = {precision: number for number, precision in enumerate(Precision)}


@functools.cache
def _format_month(year: int, month: int) -> str:
    """'März 2017': a month in German (Babel), formatted once per process."""
    return format_date(dt.date(year, month, 1), "MMMM y", locale="de_DE")
