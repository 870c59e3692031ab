"""The editors' guide (docs/mitmachen/index.md): its examples are real.

Every YAML block in the guide says which part of the content model it shows (``data-model="Measure"``,
``data-model="HistoryEntry"`` …) and validates as that; a block that shows one field of a record with its
key (``data-field="measures_listed"``) validates the field's value; a block that says it is an excerpt of a shipped
file (``data-file="data/…"``) occurs there verbatim, so the guide fails its test when either changes.
Valid examples pass the check and appear on the built site; the template for GitHub's web editor
passes the check once its placeholders are filled as the guide's table says, and fails it for every
placeholder left; every error example produces exactly the messages the guide shows, in their order.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, make_project, run_build

from portal import evidence, labels, model
from portal.check import load_valid
from portal.loading import FRONT_MATTER
from portal.model import BODY_FIELD, COLLECTIONS, Record
from portal.yamlio import parse_yaml

GUIDE = ROOT / "docs" / "mitmachen" / "index.md"
FENCE = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```$", re.M | re.S)
HEADER = re.compile(r'^\{\.(?P<lang>\w+) #(?P<id>[\w-]+)(?P<attrs>(?: [\w-]+="[^"]*")*)\}$')
ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
# The real measure file the guide's "fortschreiben" example extends, and where the new entry goes.
MEASURE = "data/measures/duisburg-breitband-glasfaser.yaml"
# Where the tests put the guide's template for GitHub's web editor.
TEMPLATE_FILE = "documents/lenkungskreis-gewerbeflaechen.md"


@dataclass(frozen=True)
class Example:
    """A code block of the guide with an id: ```{.yaml #id title="…" data-model="…" data-file="…"}."""

    id: str
    lang: str
    body: str
    attrs: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.attrs.get("title", "")


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def examples() -> dict[str, Example]:
    """Code blocks of the guide that carry an id, by id."""
    found = {}
    for fence in FENCE.finditer(guide()):
        if header := HEADER.match(fence["info"].strip()):
            found[header["id"]] = Example(header["id"], header["lang"], fence["body"], dict(ATTRIBUTE.findall(header["attrs"])))
    return found


def section(heading: str) -> str:
    """The guide's text from ``heading`` (a line starting with '## ') up to the next heading of that level."""
    text = guide()
    start = text.index(f"\n{heading}")
    end = text.find("\n## ", start + 1)
    return text[start: end if end != -1 else len(text)]


def write_example(data: Path, block_id: str) -> Path:
    example = examples()[block_id]
    target = data.parent / example.title
    target.write_text(example.body, encoding="utf-8")
    return target


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


# --- the template for GitHub's web editor ("Ohne eigenen Rechner") ------------------------------


def placeholders() -> list[tuple[str, str]]:
    """(placeholder, example) from the table under the template, in the guide's order."""
    table = section("## Ohne eigenen Rechner")
    table = table[table.index("| Platzhalter |"):]
    return re.findall(r"^\| `([^`]+)` \| [^|]+ \| `([^`]+)` \|$", table, re.M)


def filled_template(skip: str | None = None) -> str:
    """The template with every placeholder replaced by the guide's example (but ``skip``)."""
    text = examples()["vorlage-presse"].body
    for placeholder, example in placeholders():
        assert text.count(placeholder) == 1, placeholder
        if placeholder != skip:
            text = text.replace(placeholder, example)
    return text


# --- every YAML block is a valid part of the current model ---------------------------------------


def model_class(name: str) -> type[Record]:
    cls = getattr(model, name, None)
    assert isinstance(cls, type) and issubclass(cls, Record), f"data-model={name!r} ist keine Klasse in portal.model"
    return cls


def block_data(example: Example, cls: type[Record]) -> Any:
    """The block's content as the loader reads it: YAML, or front matter with the text below it."""
    text = filled_template() if example.id == "vorlage-presse" else example.body
    if match := FRONT_MATTER.match(text):
        parsed, problems = parse_yaml(match.group(1), example.id, line_offset=1)
        assert parsed is not None and not problems, [p.render() for p in problems]
        body = text[match.end():].strip("\n")
        collection = next(name for name, (_, record_cls, _) in COLLECTIONS.items() if record_cls is cls)
        if body:
            parsed.data[BODY_FIELD[collection]] = body
        return parsed.data
    parsed, problems = parse_yaml(text, example.id)
    assert parsed is not None and not problems, [p.render() for p in problems]
    if field_name := example.attrs.get("data-field"):
        # A field with its key, as it stands in a file (history:, measures_listed:): the value is the model part.
        assert isinstance(parsed.data, dict) and list(parsed.data) == [field_name], f"{example.id}: nur das Feld {field_name}"
        return parsed.data[field_name]
    return parsed.data


def yaml_blocks() -> list[Example]:
    return [example for example in examples().values() if example.lang == "yaml" and not example.id.startswith("fehler-")]


def test_every_yaml_block_says_what_it_shows() -> None:
    for fence in FENCE.finditer(guide()):
        info = fence["info"].strip()
        if "yaml" not in info:
            continue
        header = HEADER.match(info)
        assert header, f"YAML-Block ohne id und data-model: {info!r}"
        attrs = dict(ATTRIBUTE.findall(header["attrs"]))
        assert header["id"].startswith("fehler-") or "data-model" in attrs, f"{header['id']}: data-model fehlt"


@pytest.mark.parametrize("example", yaml_blocks(), ids=lambda example: example.id)
def test_yaml_block_is_a_valid_part_of_the_model(example: Example) -> None:
    cls = model_class(example.attrs["data-model"])
    content = block_data(example, cls)
    # A fragment of a list (history entries, participants …) validates item by item.
    for item in content if isinstance(content, list) else [content]:
        cls.model_validate(item)


def stood_in(path: str, text: str) -> bool:
    """True if ``text`` stands in the file ``path`` now or stood in it at any commit.

    An excerpt must be real, but editors keep changing the files the guide quotes: recording news in
    the quoted measure must not turn CI red. So the excerpt only has to have stood in its file once."""
    current = ROOT / path
    if current.is_file() and text in current.read_text(encoding="utf-8"):
        return True
    log = subprocess.run(["git", "log", "--format=%H", "--", path], cwd=ROOT, capture_output=True, text=True, check=False)
    for commit in log.stdout.split():
        shown = subprocess.run(["git", "show", f"{commit}:{path}"], cwd=ROOT, capture_output=True, text=True, check=False)
        if shown.returncode == 0 and text in shown.stdout:
            return True
    return False


@pytest.mark.parametrize("example", [e for e in yaml_blocks() if "data-file" in e.attrs or e.title.startswith("Auszug aus")],
                         ids=lambda example: example.id)
def test_excerpt_is_real(example: Example) -> None:
    shipped = example.attrs.get("data-file", "")
    assert example.title == f"Auszug aus {shipped}", "ein Auszug nennt seine Datei im Titel und in data-file"
    assert shipped.startswith("data/"), shipped
    assert stood_in(shipped, example.body), f"{example.id} stand nie so in {shipped}"


def test_guide_shows_real_excerpts_of_the_kinds_editors_change() -> None:
    shown = {(e.attrs["data-model"], e.attrs["data-file"].split("/")[1]) for e in yaml_blocks() if "data-file" in e.attrs}
    assert {("Document", "documents"), ("Measure", "measures"), ("HistoryEntry", "measures"),
            ("InitiativeHistoryEntry", "initiatives"), ("Selection", "initiatives"), ("Region", "regions"),
            ("Person", "people")} <= shown


def test_guide_explains_every_status_and_links_the_method_page() -> None:
    """Each measure status and each initiative status has its item in the guide's lists (in the model's
    order), and the guide links the method page: its status section, and each initiative status's section."""
    measure_rows = re.findall(r"^- `(\w+)`: ", section("## Eine Maßnahme fortschreiben"), re.M)
    assert measure_rows == list(typing.get_args(model.MeasureStatus)) == list(labels.MEASURE_STATUS)
    initiative_rows = re.findall(r"^- `(\w+)`: ", section("## Den Stand einer Initiative fortschreiben"), re.M)
    assert initiative_rows == list(typing.get_args(model.InitiativeStatus)) == list(labels.INITIATIVE_STATUS)
    for key in initiative_rows:
        assert f"(../methode/index.md#{evidence.method_anchor('initiative', key)})" in guide(), key
    assert "(../methode/index.md#status)" in section("## Eine Maßnahme fortschreiben")


# --- the examples as editors use them --------------------------------------------------------------


def test_guide_has_the_promised_examples() -> None:
    found = examples()
    for block_id in ("beispiel-presse", "auszug-presse", "auszug-massnahme", "auszug-verlauf", "beispiel-fortschreibung",
                     "beispiel-fortgeschrieben", "beispiel-organisation", "vorlage-presse"):
        assert block_id in found
    errors = [key for key in found if key.startswith("fehler-")]
    assert len(errors) >= 4
    for key in errors:
        assert f"meldung-{key.removeprefix('fehler-')}" in found, key


def test_the_new_history_entry_goes_where_the_guide_shows() -> None:
    """The guide's result is its measure excerpt with the new entry under its last history entry."""
    found = examples()
    measure = found["auszug-massnahme"].body
    assert found["auszug-massnahme"].attrs["data-file"] == MEASURE
    before_sources = measure.rindex("\nsources:") + 1
    assert found["beispiel-fortgeschrieben"].body == measure[:before_sources] + found["beispiel-fortschreibung"].body + measure[before_sources:]
    # The guide's entries start at the beginning of the line, as the shipped measure files write them.
    for example in yaml_blocks():
        assert "\n  - date:" not in "\n" + example.body, example.id


def add_valid_examples(data: Path) -> None:
    for block_id in ("beispiel-presse", "beispiel-organisation"):
        write_example(data, block_id)
    (data.parent / MEASURE).write_text(examples()["beispiel-fortgeschrieben"].body, encoding="utf-8")


def test_valid_examples_pass_the_check(data: Path) -> None:
    add_valid_examples(data)
    loaded, problems = load_valid(data)
    assert not problems, problems.report()
    history = loaded.records["measures"]["duisburg-breitband-glasfaser"].history  # type: ignore[attr-defined]
    assert [entry.status for entry in history] == ["empfohlen", "beschlossen"]


def test_template_filled_as_the_guide_says_passes_the_check(data: Path) -> None:
    assert [placeholder for placeholder, _ in placeholders()][:2] == ["Titel der Meldung", "JJJJ-MM-TT"]
    (data / TEMPLATE_FILE).write_text(filled_template(), encoding="utf-8")
    loaded, problems = load_valid(data)
    assert not problems, problems.report()
    assert loaded.records["documents"]["lenkungskreis-gewerbeflaechen"].title == "Lenkungskreis berät über Gewerbeflächen"  # type: ignore[attr-defined]


@pytest.mark.parametrize("placeholder", [placeholder for placeholder, _ in placeholders()])
def test_every_placeholder_left_in_the_template_is_reported(data: Path, placeholder: str) -> None:
    (data / TEMPLATE_FILE).write_text(filled_template(skip=placeholder), encoding="utf-8")
    _loaded, problems = load_valid(data)
    assert [p.path for p in problems.sorted()] == [f"data/{TEMPLATE_FILE}"], problems.report()


@pytest.mark.parametrize("name", sorted(key.removeprefix("fehler-") for key in examples() if key.startswith("fehler-")))
def test_error_examples_give_the_messages_the_guide_shows(data: Path, name: str) -> None:
    write_example(data, f"fehler-{name}")
    _loaded, problems = load_valid(data)
    shown = examples()[f"meldung-{name}"].body.strip().splitlines()
    assert [p.render() for p in problems.sorted()] == shown


def test_annotations_quoted_for_github_are_real_messages(data: Path) -> None:
    """What the guide says GitHub shows on the line is the text of a problem of its error example
    (``Problem.text()``, which scripts/check.sh prints as the annotation), without file and line."""
    quoted = re.findall(r"`(Feld '[^`]+)`", section("## Ohne eigenen Rechner"))
    assert quoted
    write_example(data, "fehler-herausgeber")
    _loaded, problems = load_valid(data)
    texts = [p.text() for p in problems.sorted()]
    for text in quoted:
        assert text in texts, text


def test_messages_in_the_table_exist_in_the_checks() -> None:
    text = guide()
    table = text[text.index("| Meldung | Bedeutung |"):]
    fragments = re.findall(r"^\| `([^`]+)` \|", table, re.M)
    source = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "hooks" / "portal").glob("*.py"))
    assert len(fragments) >= 8
    for fragment in fragments:
        for piece in re.split(r"…|data/…", fragment):
            assert piece.strip(" '") in source, fragment


@pytest.mark.build
def test_examples_appear_on_the_built_site(tmp_path: Path) -> None:
    project = make_project(tmp_path, None)
    add_valid_examples(project / "data")
    # The shipped content, so the real date: an editor's news dated today must not fail this build.
    build = run_build(project, epoch=None)
    assert build.returncode == 0, build.output
    press = build.text("quellen/beispiel-pressemitteilung/")
    assert "Lenkungskreis berät über Gewerbeflächen" in press
    measure = build.html("massnahmen/duisburg-breitband-glasfaser/")
    history = measure.find("ol", class_="portal-history").find_all("li")
    assert len(history) == 2 and "beschlossen" in history[0].get_text()
    assert measure.find("a", href="../../quellen/beispiel-pressemitteilung/") is not None
    assert "Beispielverband der Industrie" in build.text("partner/beispiel-verband/")
    guide_page = build.html("mitmachen/")
    for block_id in ("beispiel-presse", "auszug-massnahme", "vorlage-presse", "ohne-eigenen-rechner"):
        assert guide_page.find(id=block_id) is not None, block_id
    assert guide_page.find(id="auszug-massnahme")["data-model"] == "Measure"
