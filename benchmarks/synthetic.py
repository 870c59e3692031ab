"""Seeded synthetic content at a chosen fraction of North Rhine-Westphalia, valid under the content model.

Usage (as a module): ``generate(data_dir, fraction=0.1, seed=13)`` adds files to a copy of ``data/``
(the shipped records stay and are referenced: topics, the state as parent region). At ``fraction=1``
that is the size of all NRW the issues plan for: 400 initiatives, 8,000 measures, 3,000 organisations,
1,500 people, 20,000 press items and the 396 municipalities as regions.

The text is German of realistic length and vocabulary: titles from templates with the portal's own
themes and NRW's place names (``hooks/portal/geodata``), prose from a word chain (order 2) over the
shipped texts, so word frequencies and sentence lengths resemble real content. Dates come in every
precision (day, month, season, "Anfang", year, unknown), a few press items are drafts. The same
seed and the same shipped data give the same files, byte for byte.
"""

from __future__ import annotations

import csv
import random
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from portal.dates import VagueDate  # noqa: E402
from portal.geo import geography  # noqa: E402
from portal.naming import suggest_id  # noqa: E402

# All of NRW, as issue 14 plans it; a fraction scales every count.
FULL_NRW: dict[str, int] = {"initiatives": 400, "measures": 8000, "organisations": 3000, "people": 1500,
                            "documents": 20000, "regions": 396}
FOLDERS = ("regions", "organisations", "people", "initiatives", "measures", "documents")
GEMEINDEN = ROOT / "hooks" / "portal" / "geodata" / "nrw-gemeinden.csv"

THEMES = ["Fachkräfte", "Glasfaser", "Breitbandausbau", "Gewerbeflächen", "Ausbildung", "Handwerkerhöfe",
          "Wasserstoff", "Klimaschutz", "Genehmigungsverfahren", "Digitalisierung", "Innovation", "Logistik",
          "Kreislaufwirtschaft", "Gründungen", "Mittelstand", "Industrieakzeptanz", "Energieversorgung",
          "Weiterbildung", "Fachkräftesicherung", "Mobilität", "Hochschulkooperation", "Standortmarketing"]
INITIATIVE_KINDS = {"masterplan": "Masterplan Industrie", "staerkungsinitiative": "Stärkungsinitiative Wirtschaft",
                    "dialog": "Zukunftsdialog", "absichtserklaerung": "Absichtserklärung",
                    "regionale_wirtschaftsfoerderung": "Regionale Wirtschaftsförderung"}
ORG_NAMES = {"stadt": "Stadt {o}", "kammer": "Industrie- und Handelskammer {o}", "verband": "Unternehmerverband {o}",
             "gewerkschaft": "DGB-Stadtverband {o}", "hochschule": "Hochschule {o}", "wirtschaftsfoerderung":
             "Wirtschaftsförderung {o}", "unternehmen": "{n} {b} GmbH", "unternehmensnetzwerk": "Industriekreis {o}",
             "kreis": "Kreisverwaltung {o}", "initiative": "Bündnis {t} {o}", "medium": "Lokalzeitung {o}"}
BRANCHES = ["Stahlbau", "Maschinenbau", "Logistik", "Chemie", "Elektrotechnik", "Metallverarbeitung", "Kunststofftechnik"]
FIRST = ["Anna", "Birgit", "Claudia", "Dirk", "Elke", "Frank", "Gabriele", "Heinz", "Ingrid", "Jürgen", "Katrin",
         "Lars", "Monika", "Norbert", "Olaf", "Petra", "Ralf", "Sabine", "Thomas", "Ulrike", "Volker", "Yvonne"]
LAST = ["Müller", "Schmitz", "Schulte", "Becker", "Hoffmann", "Wagner", "Krämer", "Schröder", "Köhler", "Jansen",
        "Weber", "Fischer", "Meyer", "Lange", "Brinkmann", "Özdemir", "Kowalski", "Hülsmann", "Vogt", "Peters"]
FUNCTIONS = ["Oberbürgermeisterin", "Oberbürgermeister", "Präsident", "Präsidentin", "Geschäftsführer",
             "Geschäftsführerin", "Vorsitzender", "Vorsitzende", "Dezernentin für Wirtschaft", "Bevollmächtigter"]
MEASURE_TITLES = ["{t} für den Standort {o}", "Netzwerk {t}", "Programm {t} im Mittelstand", "Beratung zu {t}",
                  "Kampagne {t}", "Schneller zu {t}", "Pilotprojekt {t} in {o}", "Runder Tisch {t}"]
PRESS_TITLES = ["{org} startet Projekt zu {t}", "{t}: {org} zieht Bilanz", "Lenkungskreis berät über {t} in {o}",
                "Neue Impulse für {t} in {o}", "{org} und Partner unterzeichnen Vereinbarung zu {t}",
                "Interview: Wie {o} die {t} voranbringt", "Konferenz in {o} zu {t}"]
PRESS_TYPES = ["pressemitteilung"] * 6 + ["nachricht"] * 3 + ["interview", "foliensatz"]
MEASURE_STEPS = [["angekuendigt"], ["empfohlen"], ["beschlossen"], ["empfohlen", "beschlossen"],
                 ["beschlossen", "in_umsetzung"], ["beschlossen", "in_umsetzung", "abgeschlossen"],
                 ["empfohlen", "eingestellt"]]
SEASONS = ["Frühjahr", "Sommer", "Herbst", "Winter", "Anfang"]


def counts(fraction: float) -> dict[str, int]:
    """How many records of each kind ``fraction`` of all NRW means (at least one of each)."""
    return {kind: max(1, round(full * fraction)) for kind, full in FULL_NRW.items()}


class Prose:
    """German sentences from a word chain over the shipped texts (order 2, seeded)."""

    def __init__(self, texts: list[str], rng: random.Random) -> None:
        self.rng = rng
        self.chain: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.starts: list[tuple[str, str]] = []
        for text in texts:
            # Markdown, links and HTML never reach the synthetic text: only words and punctuation.
            words = [w for w in re.sub(r"[\[\]()<>*_`#|&{}]", " ", text).split() if "://" not in w and "www." not in w]
            for i in range(len(words) - 2):
                if i == 0 or words[i - 1].endswith("."):
                    self.starts.append((words[i], words[i + 1]))
                self.chain[(words[i], words[i + 1])].append(words[i + 2])

    def sentence(self) -> str:
        """One sentence of 6 to 40 words."""
        a, b = self.rng.choice(self.starts)
        words = [a, b]
        while len(words) < 40 and not (len(words) >= 6 and words[-1].endswith(".")):
            follow = self.chain.get((words[-2], words[-1]))
            if not follow:
                break
            words.append(self.rng.choice(follow))
        text = " ".join(words).rstrip(",;:–-")
        return text if text.endswith(".") else text + "."

    def text(self, words: int) -> str:
        """Sentences until about ``words`` words."""
        out: list[str] = []
        while sum(len(s.split()) for s in out) < words:
            out.append(self.sentence())
        return " ".join(out)


def _shipped_texts(data: Path) -> list[str]:
    texts: list[str] = []
    for path in sorted(data.rglob("*")):
        if path.suffix in (".yaml", ".md"):
            raw = path.read_text(encoding="utf-8")
            texts.extend(m.group(1) for m in re.finditer(r"(?m)^\s*(?:-\s+)?(?:description|note|summary|text): (.{60,})$", raw))
            if path.suffix == ".md":
                texts.append(raw.split("---", 2)[-1])
    return texts


class Generator:
    """Writes one content set; the ids of everything written are kept to link records to each other."""

    def __init__(self, data: Path, fraction: float, seed: int) -> None:
        self.data, self.rng, self.n = data, random.Random(seed), counts(fraction)
        self.prose = Prose(_shipped_texts(data), self.rng)
        self.topics = sorted(p.stem for p in (data / "topics").glob("*.yaml"))
        self.used: set[str] = {p.stem for p in data.rglob("*") if p.is_file()}
        self.places: list[tuple[str, str]] = []  # (region id, place name)
        self.org_names: dict[str, str] = {}

    def uid(self, text: str, limit: int = 50) -> str:
        """A new id from ``text``, unique across every collection written so far."""
        base = suggest_id(text)[:limit].strip("-")
        candidate, n = base, 1
        while candidate in self.used:
            n += 1
            candidate = f"{base}-{n}"
        self.used.add(candidate)
        return candidate

    def write(self, collection: str, record_id: str, fields: dict[str, Any], body: str | None = None) -> None:
        """One YAML file, or a Markdown file with front matter when there is a ``body``."""
        front = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1000)
        path = self.data / collection / (f"{record_id}.md" if body is not None else f"{record_id}.yaml")
        path.write_text(f"---\n{front}---\n\n{body}\n" if body is not None else front, encoding="utf-8")

    def date(self, year: int | None = None) -> str:
        """A date as a source would give it: mostly a day, sometimes a month, season, year or nothing."""
        year = year or self.rng.randint(2012, 2025)
        kind = self.rng.random()
        month, day = self.rng.randint(1, 12), self.rng.randint(1, 28)
        if kind < 0.7:
            return f"{year}-{month:02d}-{day:02d}"
        if kind < 0.82:
            return f"{year}-{month:02d}"
        if kind < 0.9:
            return f"{self.rng.choice(SEASONS)} {year}"
        return str(year) if kind < 0.96 else "unbekannt"

    def regions(self) -> None:
        """Municipalities from the official list, below the state, where no region holds their area."""
        geo = geography()
        taken: set[str] = set()
        for path in sorted((self.data / "regions").glob("*.yaml")):
            region = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            if key := region.get("ars"):
                taken.add(key[:5] if geo.is_whole_area(key) else key)
            if path.stem != "nordrhein-westfalen":
                self.places.append((path.stem, region["name"]))
        rows = list(csv.DictReader(GEMEINDEN.open(encoding="utf-8"), delimiter=";"))
        self.rng.shuffle(rows)
        added = 0
        for row in rows:
            key = row["ars"]
            area = key[:5] if geo.is_whole_area(key) else key
            if added >= self.n["regions"] or area in taken or suggest_id(row["name"]) in self.used:
                continue
            taken.add(area)
            added += 1
            rid = self.uid(row["name"])
            self.write("regions", rid, {"name": row["name"], "kind": "stadt", "parent": "nordrhein-westfalen", "ars": key})
            self.places.append((rid, row["name"]))

    def place(self) -> tuple[str, str]:
        """A region id and the place's name."""
        return self.rng.choice(self.places)

    def run(self) -> dict[str, int]:
        """Write everything; returns the number of files per collection."""
        rng = self.rng
        self.regions()
        # Ids first, so that documents can name the records they concern and records cite documents.
        inits: list[tuple[str, str, str, str]] = []  # (id, kind, title, region)
        for _ in range(self.n["initiatives"]):
            kind, (region, place) = rng.choice(list(INITIATIVE_KINDS)), self.place()
            title = f"{INITIATIVE_KINDS[kind]} {place} – {rng.choice(THEMES)}"
            inits.append((self.uid(title), kind, title, region))
        ini_ids = [i[0] for i in inits]
        orgs: list[tuple[str, str, str, str]] = []  # (id, type, name, region)
        for _ in range(self.n["organisations"]):
            kind, (region, place) = rng.choice(list(ORG_NAMES)), self.place()
            name = ORG_NAMES[kind].format(o=place, n=rng.choice(LAST), b=rng.choice(BRANCHES), t=rng.choice(THEMES))
            orgs.append((self.uid(name), kind, name, region))
        org_ids = [o[0] for o in orgs]
        self.org_names = {o[0]: o[2] for o in orgs}
        people = [(self.uid(name), name) for name in (f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(self.n["people"]))]
        measures_of: dict[str, list[str]] = defaultdict(list)
        for i in range(self.n["measures"]):
            measures_of[rng.choice(ini_ids)].append(self.uid(f"{rng.choice(THEMES)} {i + 1}"))
        # Every person has a public role: a participant of one initiative.
        people_of: dict[str, list[str]] = defaultdict(list)
        for k, (pid, _) in enumerate(people):
            people_of[ini_ids[k % len(ini_ids)]].append(pid)
        docs_of = self.documents(ini_ids, org_ids, measures_of, people_of)
        for oid, kind, name, region in orgs:
            self.write("organisations", oid, {"name": name, "type": kind, "region": region,
                                              "description": self.prose.text(rng.randint(15, 50)),
                                              "sources": [rng.choice(docs_of[rng.choice(ini_ids)])[0]]})
        for k, (pid, name) in enumerate(people):
            src, date = rng.choice(docs_of[ini_ids[k % len(ini_ids)]])
            self.write("people", pid, {"name": name, "roles": [{"organisation": rng.choice(org_ids), "role": rng.choice(FUNCTIONS),
                                                                  "start": date, "sources": [src]}]})
        for ini, kind, title, region in inits:
            self.initiative(ini, kind, title, region, docs_of[ini], people_of[ini], org_ids, measures_of[ini])
        return {c: sum(1 for _ in (self.data / c).iterdir()) for c in FOLDERS}

    def documents(self, inits: list[str], orgs: list[str], measures_of: dict[str, list[str]],
                  people_of: dict[str, list[str]]) -> dict[str, list[tuple[str, str]]]:
        """Press items, each about one initiative; returns each initiative's published ones (id, date), oldest first."""
        rng = self.rng
        docs_of: dict[str, list[tuple[str, str]]] = {i: [] for i in inits}
        for k in range(self.n["documents"]):
            # The first rounds give every initiative three published items; later ones may be drafts.
            ini = inits[k % len(inits)] if k < 3 * len(inits) else rng.choice(inits)
            _, place = self.place()
            org = rng.choice(orgs)
            title = rng.choice(PRESS_TITLES).format(org=self.org_names[org], t=rng.choice(THEMES), o=place)
            date, did = self.date(), self.uid(title, 60)
            fields: dict[str, Any] = {"title": title, "type": rng.choice(PRESS_TYPES), "date": date}
            if date == "unbekannt":
                fields["date_note"] = "Die Meldung nennt kein Datum."
            fields |= {"publisher": org, "place": place, "initiatives": [ini],
                       "organisations": rng.sample(orgs, min(len(orgs), rng.randint(1, 4))),
                       "measures": rng.sample(measures_of[ini], min(len(measures_of[ini]), rng.randint(0, 3))),
                       "people": rng.sample(people_of[ini], min(len(people_of[ini]), rng.randint(0, 2))),
                       "topics": rng.sample(self.topics, rng.randint(1, 3))}
            if k >= 3 * len(inits) and rng.random() < 0.01:
                fields["draft"] = True  # cited by nothing, as a draft may not be
            else:
                docs_of[ini].append((did, date))
            self.write("documents", did, fields, self.prose.text(rng.randint(60, 260)))
        for docs in docs_of.values():
            docs.sort(key=lambda d: VagueDate.parse(d[1]).sort_key())
        return docs_of

    def initiative(self, ini: str, kind: str, title: str, region: str, docs: list[tuple[str, str]], people: list[str],
                   orgs: list[str], measures: list[str]) -> None:
        """One initiative with its parts, and its measures."""
        rng = self.rng
        place = dict(self.places)[region]
        dated = [d for d in docs if d[1] != "unbekannt"] or docs
        first = dated[0]
        groups = [{"id": f"ak-{n + 1}", "name": f"Arbeitskreis {theme}", "topics": rng.sample(self.topics, 1),
                   "description": self.prose.text(rng.randint(20, 60)), "sources": [rng.choice(docs)[0]]}
                  for n, theme in enumerate(rng.sample(THEMES, rng.randint(2, 5)))]
        participants = [{"organisation": o, "role": rng.choice(["initiator", "traeger", "mitglied", "partner", "unterzeichner"]),
                         "sources": [rng.choice(docs)[0]]} for o in rng.sample(orgs, min(len(orgs), rng.randint(3, 12)))]
        for k, person in enumerate(people):
            participants.append({"organisation": rng.choice(orgs), "role": "leitung" if k == 0 else "mitglied",
                                 "person": person, "sources": [rng.choice(docs)[0]]})
        history = [{"date": d, "status": s, "sources": [src]} for (src, d), s in
                   zip(sorted(rng.sample(dated, min(len(dated), 2)), key=lambda d: VagueDate.parse(d[1]).sort_key()),
                       ["angekuendigt", rng.choice(["laufend", "laufend", "abgeschlossen", "unklar"])], strict=False)]
        fields: dict[str, Any] = {
            "title": title,
            "kind": kind, "region": region, "history": history, "start": first[1],
            "summary": self.prose.sentence(), "description": self.prose.text(rng.randint(120, 400)),
            "goals": [{"text": self.prose.sentence(), "target": str(rng.randint(2025, 2035)), "sources": [rng.choice(docs)[0]]}
                      for _ in range(rng.randint(2, 5))],
            "topics": rng.sample(self.topics, rng.randint(2, 4)), "participants": participants,
            "working_groups": groups,
            "milestones": [{"id": f"meilenstein-{n + 1}", "date": d, "kind": rng.choice(["konferenz", "sitzung", "workshop", "unterzeichnung"]),
                            "status": "stattgefunden", "title": f"{rng.choice(['Sitzung', 'Konferenz', 'Workshop'])} zu {rng.choice(THEMES)}",
                            "place": place, "sources": [src]} for n, (src, d) in enumerate(rng.sample(docs, min(len(docs), rng.randint(1, 6))))],
            "key_figures": [{"id": f"kennzahl-{n + 1}", "label": f"Beschäftigte in {rng.choice(BRANCHES)}", "value": rng.randint(100, 90000),
                             "qualifier": rng.choice(["genau", "rund", "ueber"]), "unit": "Personen", "reference_date": first[1],
                             "sources": [first[0]]} for n in range(rng.randint(0, 3))],
            "statements": [{"person": p, "date": d, "summary": self.prose.text(30), "sources": [src]}
                           for p in people[:2] for src, d in [rng.choice(docs)]],
            "sources": sorted({d[0] for d in docs[:3]}),
        }
        self.write("initiatives", ini, fields)
        for mid in measures:
            steps = rng.choice(MEASURE_STEPS)
            chosen = sorted(rng.sample(dated, min(len(dated), len(steps))), key=lambda d: VagueDate.parse(d[1]).sort_key())
            measure: dict[str, Any] = {
                "initiative": ini, "working_group": rng.choice(groups)["id"],
                "title": rng.choice(MEASURE_TITLES).format(t=rng.choice(THEMES), o=place),
                "description": self.prose.text(rng.randint(25, 120)), "topics": rng.sample(self.topics, rng.randint(1, 2)),
                "owner": rng.choice(orgs), "partners": rng.sample(orgs, min(len(orgs), rng.randint(0, 3))),
                "history": [{"date": d, "status": s, "note": self.prose.sentence(), "sources": [src]}
                            for (src, d), s in zip(chosen, steps, strict=False)],
                "sources": sorted({src for src, _ in chosen}),
            }
            if rng.random() < 0.7:
                measure["target"] = self.date(rng.randint(2018, 2032))
            self.write("measures", mid, measure)


def generate(data: Path, fraction: float, seed: int = 13) -> dict[str, int]:
    """Add synthetic records for ``fraction`` of all NRW to the content folder ``data`` (a copy of the
    shipped ``data/``); returns the number of files per collection afterwards."""
    return Generator(data, fraction, seed).run()
