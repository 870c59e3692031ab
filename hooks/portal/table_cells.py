"""How a value becomes a CSV cell of the open-data tables, and how the cell becomes the value again.

The dialect is RFC 4180 as Frictionless expects by default: comma-separated, UTF-8 without a byte
order mark, CRLF line ends, quotes only where a cell needs them (a comma, a quote, a line break).
These tables are for programs and for reuse (pandas, R, csvkit, GovData's tools read them without a
setting); the spreadsheet table for German Excel, with semicolons and a BOM, stays
``daten/massnahmen.csv``. The Data Package states the dialect and encoding all the same.

Cells are formula-safe (OWASP "CSV Injection"): a text cell that starts, after spaces, with a
formula character or with an apostrophe gets one apostrophe in front, which spreadsheets hide and
read as "this is text". Because an apostrophe at the start is escaped too, the escape is reversible:
reading a cell strips exactly one leading apostrophe (``from_cell``). Numbers, dates in the editors'
notation, ids and yes/no columns are not escaped: their Table Schema type or pattern admits no
formula (a negative number stays a number).
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

from .dates import VagueDate
from .model import ID_PATTERN

if TYPE_CHECKING:
    from .tables import Column

TABLE_DIR = "daten/tabellen"             # daten/tabellen/<name>.csv

# A list of ids in one cell: ids never contain a comma (ID_PATTERN), so a comma separates them
# unambiguously. A Table Schema "string" with this pattern rather than the "list" type: it is in every
# version of the standard, and frictionless checks each id's spelling with it (a "list" cannot).
CELL_LIST = ","
_ID = ID_PATTERN.strip("^$")
ID_LIST_PATTERN = rf"^{_ID}(,{_ID})*$"

# A cell starting with one of these is a formula to Excel and LibreOffice (=HYPERLINK(…) can send
# the sheet's contents elsewhere); tab and carriage return start one after the separator too.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# The tables escape the apostrophe of the escape itself too, so that reading strips exactly one.
ESCAPED_START = (*FORMULA_START, "'")
# The dialect as the Data Package declares it (Table Dialect / CSV Dialect).
DIALECT: dict[str, Any] = {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True,
                           "header": True}
ENCODING = "utf-8"


def safe_text(text: str) -> str:
    """The text as a spreadsheet shows it and never runs it: one apostrophe in front where needed."""
    return "'" + text if text.lstrip(" ").startswith(ESCAPED_START) else text


def unsafe_text(cell: str) -> str:
    """The original text of a ``safe_text`` cell: exactly one leading apostrophe removed."""
    return cell[1:] if cell.startswith("'") else cell


def to_cell(column: Column, value: Any) -> str:
    """One value as its cell: '' for none, dates in the editors' notation, ids joined by commas."""
    if value is None:
        return ""
    if isinstance(value, VagueDate):
        return value.notation()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, list | tuple):
        return CELL_LIST.join(value)
    text = str(value)
    return safe_text(text) if column.type == "string" and column.kind in ("value", "derived") else text


def from_cell(column: Column, cell: str) -> Any:
    """The value of a cell as the model takes it; None for an empty cell."""
    if cell == "":
        return None
    if column.kind == "ids":
        return cell.split(CELL_LIST)
    if column.type == "integer":
        return int(cell)
    if column.type == "number":
        number = float(cell)
        # A whole number written without a point was an int in the editor's file (strict model).
        return int(cell) if cell.lstrip("-").isdigit() else number
    if column.type == "boolean":
        return cell == "true"
    return unsafe_text(cell)


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    """The table as CSV text in the declared dialect."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DIALECT["delimiter"], lineterminator=DIALECT["lineTerminator"],
                        quotechar=DIALECT["quoteChar"], doublequote=True, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def read_csv(text: str) -> list[dict[str, str]]:
    """The rows of a table's CSV text, by column name."""
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=DIALECT["delimiter"],
                               quotechar=DIALECT["quoteChar"], doublequote=True))
