"""The JSON Schemas for editors' tools: generated from the model, up to date, accepting every shipped
file and rejecting typical mistakes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from jsonschema import Draft202012Validator

from portal import schema
from portal.loading import FRONT_MATTER
from portal.model import COLLECTIONS
from portal.yamlio import parse_yaml


def validator(collection: str) -> Draft202012Validator:
    data = json.loads((ROOT / "schemas" / f"{collection}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(data)
    return Draft202012Validator(data)


def front_matter_or_yaml(path: Path) -> Any:
    """The data an editor's tool sees: the YAML file, or a Markdown file's front matter."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        match = FRONT_MATTER.match(text)
        assert match, path
        text = match.group(1)
    parsed, problems = parse_yaml(text, str(path))
    assert parsed is not None and not problems, path
    return parsed.data


def shipped_files() -> list[tuple[str, Path]]:
    return [(name, path) for name, (folder, _cls, _suffixes) in COLLECTIONS.items()
            for path in sorted((ROOT / "data" / folder).iterdir())]


def test_committed_schemas_and_vscode_settings_are_up_to_date() -> None:
    assert schema.main(["--check", str(ROOT)]) == 0, "run scripts/schemas.sh and commit the result"


def test_vscode_maps_every_yaml_folder_to_its_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = {glob for globs in settings["yaml.schemas"].values() for glob in globs}
    for name, (folder, _cls, _suffixes) in COLLECTIONS.items():
        if name != "documents":
            assert f"data/{folder}/*.yaml" in mapped
    for target in settings["yaml.schemas"]:
        assert (ROOT / target).is_file(), target


@pytest.mark.parametrize(("collection", "path"), shipped_files(), ids=lambda value: getattr(value, "name", value))
def test_every_shipped_file_matches_its_schema(collection: str, path: Path) -> None:
    errors = [error.message for error in validator(collection).iter_errors(front_matter_or_yaml(path))]
    assert errors == [], f"{path}: {errors}"


VALID_TOPIC = {"name": "Flächen"}
VALID_ORGANISATION = {"name": "Stadt Beispiel", "type": "stadt", "sources": ["loi-zukunftsdialog-industrie"]}
VALID_DOCUMENT = {"title": "Pressemitteilung", "type": "pressemitteilung", "date": "2026-11-22"}
VALID_MEASURE = {"initiative": "masterplan-duisburg", "title": "Neue Maßnahme",
                 "history": [{"date": "2026-11", "status": "beschlossen", "sources": ["loi-zukunftsdialog-industrie"]}],
                 "sources": ["loi-zukunftsdialog-industrie"]}


@pytest.mark.parametrize(("collection", "change", "why"), [
    ("topics", {"titel": "Tippfehler"}, "Additional properties"),
    ("topics", {"name": "<script>alert(1)</script>"}, "does not match"),
    ("topics", {"name": 12}, "is not of type 'string'"),
    ("measures", {"owner": "Stadt Duisburg"}, "is not valid under any of the given schemas"),
    ("measures", {"target": "03/04/2023"}, "is not valid under any of the given schemas"),
    ("measures", {"target": "2023-13"}, "is not valid under any of the given schemas"),
    ("measures", {"history": []}, "should be non-empty"),
    ("measures", {"sources": "loi-zukunftsdialog-industrie"}, "is not of type 'array'"),
    ("measures", {"history": [{"date": "2026", "status": "fertig", "sources": ["x"]}]}, "is not one of"),
    ("organisations", {"website": "javascript:alert(1)"}, "is not valid under any of the given schemas"),
    ("organisations", {"typ": "stadt"}, "Additional properties"),
    ("documents", {"draft": "ja"}, "is not of type 'boolean'"),
    ("documents", {"date": "22.11.2026"}, "is not valid under any of the given schemas"),
    ("documents", {"body": "Text gehört unter die Kopfdaten"}, "Additional properties"),
])
def test_schemas_reject_typical_mistakes(collection: str, change: dict[str, Any], why: str) -> None:
    base = {"topics": VALID_TOPIC, "measures": VALID_MEASURE, "organisations": VALID_ORGANISATION,
            "documents": VALID_DOCUMENT}[collection]
    assert list(validator(collection).iter_errors(base)) == []
    messages = [error.message for error in validator(collection).iter_errors({**base, **change})]
    assert any(why in message for message in messages), messages
