"""pydantic's errors in the words of an editor: what was found, what is expected, how to fix it.

The content model (``portal.model``) is strict, so pydantic finds every wrong type and value; its
English messages ("Input should be a valid string") are replaced here by German ones that name what
the editor wrote and, where YAML changed it behind the editor's back (``no`` → false, ``100.000``
→ 100.0), say so.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, get_args

from .model import Record
from .naming import id_faults, id_hint, invisible_chars, strip_invisible, suggest_id
from .problems import Fault

# YAML 1.1, which PyYAML follows, reads these words as true/false (German ja/nein stay text).
BOOL_WHY = "yes/no, on/off, true/false ohne Anführungszeichen liest YAML als Wahrheitswert"
BOOL_HINT = f"{BOOL_WHY}; Text in \"…\" setzen"


def german(error: dict[str, Any], cls: type[Record], loc: tuple[Any, ...]) -> tuple[str, str]:
    """Turn one pydantic error at ``loc`` in a ``cls`` record into a German message and a hint."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "fehlt, ist aber Pflicht", ""
    if kind == "extra_forbidden":
        if len(loc) == 1 and (retired := RETIRED.get((cls.__name__, str(loc[0])))):
            return retired
        return unknown_field(str(loc[-1]), known_fields(cls, loc[:-1]))
    if kind == "literal_error":
        return _not_allowed(value, ctx.get("expected", ""))
    if kind == "string_pattern_mismatch":
        return f"'{value}' ist keine gültige id: {id_faults(str(value))}", id_hint(str(value))
    if kind in ("string_type", "str_type"):
        return f"erwartet wird Text, gefunden: {describe(value)}", _text_hint(value)
    if kind in ("int_type", "float_type", "int_parsing", "float_parsing", "int_from_float"):
        return f"erwartet wird eine Zahl, gefunden: {describe(value)}", _number_hint(value)
    if kind == "bool_type":
        return (f"erwartet wird true oder false, gefunden: {describe(value)}",
                "true für ja, false für nein schreiben (ohne Anführungszeichen)")
    if kind == "list_type":
        return f"erwartet wird eine Liste (Zeilen mit '- '), gefunden: {describe(value)}", _list_hint(value)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        known = known_fields(cls, loc)
        fields = f"erwartet werden Felder wie {', '.join(known)}, je Zeile 'name: wert'" if known else ""
        return f"erwartet wird ein Abschnitt mit Feldern, gefunden: {describe(value)}", fields
    if kind == "too_short":
        return "darf nicht leer sein", "mindestens ein Eintrag ist nötig"
    if kind in ("greater_than_equal", "greater_than"):
        return f"{value} ist zu klein", f"erwartet wird mindestens {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"{value} ist zu groß", f"erwartet wird höchstens {ctx.get('le', ctx.get('lt'))}"
    if kind == "value_error":
        cause = ctx.get("error")
        return str(cause or error["msg"]), getattr(cause, "hint", "") if isinstance(cause, Fault) else ""
    return f"ungültiger Wert ({error['msg']})", ""


def describe(value: Any) -> str:
    """What the editor's value turned into, in words: YAML may have changed it (no → false)."""
    if value is None:
        return "nichts"
    if isinstance(value, bool):
        return f"den Wahrheitswert {str(value).lower()}"
    if isinstance(value, dict):
        return "einen Abschnitt mit Feldern"
    if isinstance(value, list):
        return "eine Liste"
    if isinstance(value, int | float):
        return f"die Zahl {value}"
    return f"den Text '{value}'"


def close_fields(name: str, known: list[str]) -> list[str]:
    """The known field names closest to ``name``, best first: what an editor probably meant.

    Only those nearly as close as the best: for ``staus`` that is ``status``, not also ``start``.
    """
    clean = strip_invisible(name)
    ratios = {field: difflib.SequenceMatcher(None, clean, field).ratio() for field in known}
    close = difflib.get_close_matches(clean, known, n=3, cutoff=0.5)
    return [field for field in close if ratios[field] >= ratios[close[0]] - 0.1]


def misspelt_as(missing: str, unknown: list[str], known: list[str]) -> str | None:
    """The unknown field that is most likely ``missing`` misspelt (``staus`` for ``status``), if any."""
    candidates = [name for name in unknown if missing in close_fields(name, known)]
    if not candidates:
        return None
    return max(candidates, key=lambda name: difflib.SequenceMatcher(None, strip_invisible(name), missing).ratio())


# Fields an earlier version of the model had: the editor learns what replaced them.
_HISTORY_HINT = ("den Stand als Eintrag unter history schreiben: date, status (angekuendigt, laufend, abgeschlossen "
                 "oder unklar), note und sources – so zeigt die Seite, wie alt die Meldung ist")
RETIRED: dict[tuple[str, str], tuple[str, str]] = {
    ("Initiative", "status"): ("gibt es nicht mehr: der Stand einer Initiative folgt aus datierten Quellen", _HISTORY_HINT),
    ("Initiative", "status_note"): ("gibt es nicht mehr: die Erläuterung gehört in die note eines history-Eintrags", _HISTORY_HINT),
}


def unknown_field(name: str, known: list[str], message: str = "ist kein bekanntes Feld") -> tuple[str, str]:
    """Message and hint for a field name the model (or the settings) do not know: the close known
    names, or all of them; an invisible character in the name is written out."""
    close = close_fields(name, known)
    hint = f"meinten Sie {', '.join(close)}?" if close else f"bekannte Felder: {', '.join(known)}"
    if invisible := invisible_chars(name):
        return f"{message}: der Name {invisible}", f"das Zeichen löschen; {hint}"
    return message, hint


def _not_allowed(value: Any, expected: str) -> tuple[str, str]:
    allowed = [word.strip().strip("'") for word in re.split(r",| or ", expected) if word.strip()]
    listing = f"erlaubt sind: {', '.join(allowed)}"
    if not isinstance(value, str):
        hint = f"{BOOL_WHY}; {listing}" if isinstance(value, bool) else listing
        return f"erwartet wird einer der erlaubten Werte, gefunden: {describe(value)}", hint
    # "Masterplan", "in Umsetzung", "Stärkungsinitiative" are near misses of allowed values.
    normal = suggest_id(value).replace("-", "_")
    close = [normal] if normal in allowed else difflib.get_close_matches(normal, allowed, n=2, cutoff=0.75)
    return f"'{value}' ist kein erlaubter Wert", (f"meinten Sie {', '.join(close)}? " if close else "") + listing


def _text_hint(value: Any) -> str:
    if isinstance(value, bool):
        return BOOL_HINT
    if isinstance(value, int | float):
        return f"Zahlen, die als Text gemeint sind, in Anführungszeichen setzen: \"{value}\""
    if isinstance(value, dict):
        return ("eingerückte Zeilen 'name: wert' unter dem Feld machen einen Abschnitt daraus; "
                "den Text in dieselbe Zeile schreiben, mit Doppelpunkt darin in \"…\"")
    if isinstance(value, list):
        return "hier steht genau ein Text, ohne [ ] und ohne '- ' davor"
    if value is None:
        return "nach dem Doppelpunkt fehlt der Text; ergänzen oder die Zeile löschen"
    return ""


def _number_hint(value: Any) -> str:
    if isinstance(value, bool):
        return BOOL_HINT
    text = str(value).strip()
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        return f"Zahlen ohne Tausenderpunkte schreiben: {text.replace('.', '')}"
    if re.fullmatch(r"\d+,\d+", text):
        return f"Kommazahlen mit Punkt schreiben: {text.replace(',', '.')}"
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return f"ohne Anführungszeichen schreiben: {text}"
    return "nur die Zahl, ohne Einheit und ohne Anführungszeichen (die Einheit gehört in unit)"


def _list_hint(value: Any) -> str:
    if isinstance(value, str):
        if value.startswith("-"):
            return "nach dem '-' am Zeilenanfang fehlt ein Leerzeichen"
        return f"auch ein einzelner Eintrag steht in einer Liste: [{value}]"
    if isinstance(value, dict):
        return "jeden Eintrag der Liste mit '- ' beginnen"
    if value is None:
        return "Einträge ergänzen (Zeilen mit '- ') oder das Feld löschen"
    return ""


def known_fields(cls: type[Record], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the model at ``loc``, to suggest the closest one for a typo."""
    model: Any = cls
    for part in loc:
        if isinstance(part, int):
            continue
        info = getattr(model, "model_fields", {}).get(part)
        if info is None:
            return []
        model = _inner_model(info.annotation)
    return sorted(getattr(model, "model_fields", {}))


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
