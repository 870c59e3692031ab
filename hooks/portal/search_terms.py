"""German as people type it: extra search keywords for a page, generated at build time.

Pagefind stems German with Snowball's German stemmer and matches a typed word as a prefix of an
indexed one, so "Fachkraft" finds "Fachkräften", "Breitband" finds "Breitbandausbau", and umlauts
typed as ae/oe/ue/ss are found by themselves ("Muelheim", "Duesseldorf", "Strasse": the stemmer folds
both spellings to one stem; ``tests/test_search_index.py`` checks it). What it cannot know:

- the second part of a compound ("Flächen" in "Gewerbeflächen"): a prefix search never reaches it;
- a coordination ("Gewerbe- und Industrieflächen" means "Gewerbeflächen" too);
- a short name on a page that only links the record (the record's own page shows it).

No maintained German decompounder with a free licence and a small wheel exists (compound-split is
GPL and 39 MB, german-nouns CC BY-SA data), so compounds are split on the portal's own vocabulary:
a long word splits in two where both parts are words of at least four letters that occur elsewhere
in the content (the first may carry a linking "s", "es" or "n": "Arbeits|markt"). All of it is pure,
and its time grows linearly with the number of words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

# Letters of German words; digits are left to Pagefind, which finds years and numbers as they are.
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
# "Gewerbe- und Industrieflächen", "Ein- oder Ausfahrt": a part with a hyphen, a conjunction, a word.
COORDINATION = re.compile(r"\b([A-Za-zÄÖÜäöüß]{3,})-\s+(?:und|oder|sowie|bzw\.)\s+([A-Za-zÄÖÜäöüß]{6,})")
# What every coordination contains; most pages have none, and this finds that faster than COORDINATION.
COORDINATION_HINT = re.compile(r"-\s+(?:und|oder|sowie|bzw\.)\s")
MIN_PART = 4  # letters of each part of a split compound
MIN_COMPOUND = 2 * MIN_PART
LINKING = ("es", "s", "n")  # Fugenelemente: "Arbeits|markt", "Landes|regierung", "Straßen|bau"


def words(text: str) -> list[str]:
    """The German words of ``text`` in order (letters only)."""
    return WORD.findall(text)


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """The lowercase words of at least ``MIN_PART`` letters in ``texts``: what compounds may split into."""
    return frozenset(w.lower() for text in texts for w in words(text) if len(w) >= MIN_PART)


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


def compound_parts(text: str, vocab: frozenset[str], memo: dict[str, str | None] | None = None) -> list[str]:
    """The ends of the compounds in ``text`` that readers type alone: "Gewerbeflächen" → "flächen".
    ``memo`` remembers each word's split across calls (see ``keywords``)."""
    return _parts(words(text), vocab, {} if memo is None else memo)


def _parts(found: list[str], vocab: frozenset[str], memo: dict[str, str | None]) -> list[str]:
    parts = []
    for word in found:
        try:
            part = memo[word]
        except KeyError:
            part = memo[word] = head(word, vocab)
        if part:
            parts.append(part)
    return parts


def coordinations(text: str, vocab: frozenset[str]) -> list[str]:
    """The compound a coordination abbreviates: "Gewerbe- und Industrieflächen" → "gewerbeflächen"."""
    found: list[str] = []
    if not COORDINATION_HINT.search(text):
        return found
    for first, second in COORDINATION.findall(text):
        if part := head(second, vocab):
            found.append(first.lower() + part)
    return found


def keywords(text: str, vocab: frozenset[str], extra: Iterable[str] = (), memo: dict[str, str | None] | None = None) -> list[str]:
    """The extra keywords for a page whose text is ``text``: the compounds of coordinations, the ends
    of compounds, and ``extra`` (short names); each once, in the order found, none that the text
    already has as a word.

    ``memo`` (word → its split or None), kept by the caller for one vocabulary, lets a build split
    each distinct word once: pages repeat the same words (the chrome, the vocabulary of the lists),
    and trying every split point of every word of every page was the costliest part of the search."""
    # Each distinct word once, in the order of first appearance: the keywords come out the same.
    found = list(dict.fromkeys(words(text)))
    generated = [*coordinations(text, vocab), *_parts(found, vocab, {} if memo is None else memo), *(e for e in extra if e)]
    present = set(map(str.lower, found))
    seen: dict[str, None] = {}
    for keyword in generated:
        key = keyword.lower()
        if key not in present and key not in seen:
            seen[key] = None
    return list(seen)
