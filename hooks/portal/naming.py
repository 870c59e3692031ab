"""Why an id or file name does not fit in a web address, and what it could be instead.

An id becomes the last part of a page's address (``/partner/stadt-duisburg/``), so it may only
hold lowercase letters, digits and single hyphens. Editors write ``Stadt Duisburg``, ``flächen``
or ``ak_flaechen``; these helpers name the exact fault and suggest the id they probably meant.
Invisible characters (a byte order mark, a zero-width space pasted from a web page) get special
care: the id looks right on screen and would silently fail to match.
"""

from __future__ import annotations

import re
import unicodedata

from .model import ID_PATTERN, ID_RULE
from .problems import char_name, is_invisible

_UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"}


def is_id(text: str) -> bool:
    """True if ``text`` can be used as an id (and so as part of an address)."""
    return re.match(ID_PATTERN, text) is not None


def invisible_chars(text: str) -> str:
    """German description of the invisible characters in ``text`` ('' if there are none)."""
    found = [(index + 1, char) for index, char in enumerate(text) if is_invisible(char)]
    if not found:
        return ""
    places = ", ".join(f"{char_name(char)} an Stelle {place}" for place, char in found)
    word = "ein unsichtbares Zeichen" if len(found) == 1 else f"{len(found)} unsichtbare Zeichen"
    return f"enthält {word}: {places}"


def strip_invisible(text: str) -> str:
    """``text`` without invisible characters (what the editor sees on screen)."""
    return "".join(char for char in text if not is_invisible(char))


def _repaired(text: str) -> str:
    """A file name whose bytes are not UTF-8 (Python keeps them as lone surrogates), read as Windows-1252."""
    if not any("\udc80" <= char <= "\udcff" for char in text):
        return text
    return text.encode("utf-8", "surrogateescape").decode("cp1252", errors="replace")


def id_faults(text: str) -> str:
    """What makes ``text`` unfit as an id, in German, most important fault first."""
    # macOS writes "ä" in file names as "a" plus a combining mark (NFD): judge the letters, not the bytes.
    text = unicodedata.normalize("NFC", text)
    if (repaired := _repaired(text)) != text:
        # Unzipped on a system with an old encoding: the name shows as "Fl�che" in most tools.
        return f"ist nicht in UTF-8 gespeichert (in Windows-1252 hieße er '{repaired}')"
    if invisible := invisible_chars(text):
        return invisible
    faults: list[str] = []
    if any(char in _UMLAUTS for char in text):
        faults.append("Umlaute oder ß")
    if any(char.isupper() for char in text):
        faults.append("Großbuchstaben")
    if " " in text:
        faults.append("Leerzeichen")
    if "_" in text:
        faults.append("Unterstriche")
    if "--" in text or text.startswith("-") or text.endswith("-"):
        faults.append("Bindestriche am Anfang, am Ende oder doppelt")
    others = sorted({char for char in text if not (char.isascii() and char.isalnum()) and char not in _UMLAUTS
                     and char not in " _-"})
    if others:
        faults.append("die Zeichen " + " ".join(others))
    if not text:
        return "ist leer"
    return "enthält " + " und ".join(faults) if faults else "passt nicht zur Regel"


def suggest_id(text: str) -> str:
    """The id an editor most likely meant: ``Flächen_Neu`` → ``flaechen-neu``."""
    text = unicodedata.normalize("NFC", strip_invisible(_repaired(text)))
    text = "".join(_UMLAUTS.get(char, char) for char in text)
    # Accents (é, ç) lose their marks; anything else that is not a letter or digit becomes a hyphen.
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def id_hint(text: str, suffix: str = "") -> str:
    """Hint for a bad id (or, with ``suffix``, a bad file name): a suggestion and the rule."""
    suggestion = suggest_id(text)
    rule = f"erlaubt sind {ID_RULE}"
    if not (suggestion and is_id(suggestion)):
        return rule
    if suffix:
        return f"die Datei umbenennen in '{suggestion}{suffix}'; {rule}"
    return f"stattdessen '{suggestion}' schreiben; {rule}"
