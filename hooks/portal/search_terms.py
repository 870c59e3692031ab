"""German as people type it: extra search keywords for a page, generated at build time.

Pagefind stems German and matches a typed word as a prefix of an indexed one, so "Fachkraft" finds
"Fachkräften" and "Breitband" finds "Breitbandausbau" by themselves. What it cannot know:

- umlauts typed as ae/oe/ue/ss ("Muelheim" for "Mülheim", "Strasse" for "Straße");
- the second part of a compound ("Flächen" in "Gewerbeflächen"): a prefix search never reaches it;
- a coordination ("Gewerbe- und Industrieflächen" means "Gewerbeflächen" too).

No maintained German decompounder with a free licence and a small wheel exists (compound-split is
GPL and 39 MB, german-nouns CC BY-SA data), so compounds are split on the portal's own vocabulary:
a long word splits where its end is a word of at least four letters that occurs elsewhere in the
content, and its beginning (without a linking "s", "es" or "n") is at least four letters long. All
of it is pure and linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Letters of German words; digits are left to Pagefind, which finds years and numbers as they are.
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
# "Gewerbe- und Industrieflächen", "Ein- oder Ausfahrt": a part with a hyphen, a conjunction, a word.
COORDINATION = re.compile(r"\b([A-Za-zÄÖÜäöüß]{3,})-\s+(?:und|oder|sowie|bzw\.)\s+([A-Za-zÄÖÜäöüß]{6,})")
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
MIN_PART = 4  # letters of each part of a split compound
MIN_COMPOUND = 2 * MIN_PART
LINKING = ("es", "s", "n")  # Fugenelemente: "Arbeits|markt", "Landes|regierung", "Straßen|bau"


def words(text: str) -> list[str]:
    """The German words of ``text`` in order (letters only)."""
    return WORD.findall(text)


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """The lowercase words of at least ``MIN_PART`` letters in ``texts``: what compounds may split into."""
    return frozenset(w.lower() for text in texts for w in words(text) if len(w) >= MIN_PART)


def umlaut_forms(text: str) -> list[str]:
    """Each word of ``text`` with ä ö ü ß, as typed without them: "Mülheim" → "Muelheim"."""
    return [w.translate(UMLAUTS) for w in words(text) if w != w.translate(UMLAUTS)]


def head(word: str, vocab: frozenset[str]) -> str | None:
    """The longest end of ``word`` that is a word of the vocabulary, when the beginning before it is
    one too (a linking "s", "es" or "n" may follow it): "Gewerbeflächen" → "flächen",
    "Arbeitsmarkt" → "markt". None when the word does not split so."""
    lower = word.lower()
    if len(lower) < MIN_COMPOUND:
        return None
    for start in range(MIN_PART, len(lower) - MIN_PART + 1):
        end, beginning = lower[start:], lower[:start]
        if end in vocab and _is_beginning(beginning, vocab):
            return end
    return None


def _is_beginning(beginning: str, vocab: frozenset[str]) -> bool:
    """A word of the vocabulary, possibly with a linking element after it."""
    if beginning in vocab:
        return True
    return any(beginning.endswith(linking) and beginning[: -len(linking)] in vocab for linking in LINKING)


def compound_parts(text: str, vocab: frozenset[str]) -> list[str]:
    """The ends of the compounds in ``text`` that readers type alone: "Gewerbeflächen" → "flächen"."""
    return [part for w in words(text) if (part := head(w, vocab))]


def coordinations(text: str, vocab: frozenset[str]) -> list[str]:
    """The compound a coordination abbreviates: "Gewerbe- und Industrieflächen" → "gewerbeflächen"."""
    found = []
    for first, second in COORDINATION.findall(text):
        if part := head(second, vocab):
            found.append(first.lower() + part)
    return found


def keywords(text: str, vocab: frozenset[str], extra: Iterable[str] = ()) -> list[str]:
    """The extra keywords for a page whose text is ``text``: umlauts typed as ae/oe/ue/ss, the ends of
    compounds, the compounds of coordinations (and their own ae/oe/ue/ss forms), and ``extra``
    (short names); each once, in the order found, none that the text already has as a word."""
    generated = [*coordinations(text, vocab), *compound_parts(text, vocab)]
    generated += umlaut_forms(" ".join(generated))
    generated += umlaut_forms(text)
    generated += [e for e in extra if e]
    present = {w.lower() for w in words(text)}
    seen: dict[str, None] = {}
    for keyword in generated:
        key = keyword.lower()
        if key not in present and key not in seen:
            seen[key] = None
    return list(seen)
