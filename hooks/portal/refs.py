"""Finding the marked fields inside a record, guided by the markers of the content model.

``Ref`` marks a reference to another record, ``Markdown`` a field of editors' Markdown. A new field
with a marker is found (and so checked) as soon as it is declared in ``portal.model``.

The model's annotations are read once per class and kind of marker (a *plan*: which fields can hold
a marked text, a list of them or a nested record), not again for every value: at NRW size the
checks walk some 33,000 records, and asking ``typing`` about each field of each one took seconds.
"""

from __future__ import annotations

import types
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel

from .model import Markdown, Ref

if TYPE_CHECKING:
    from collections.abc import Iterator

FieldPath = tuple[str | int, ...]
M = TypeVar("M")


class AnyText:
    """The "marker" of every text: ``texts`` walks a record with it to find all of its strings."""


_ANY_TEXT = AnyText()


def references(value: Any) -> Iterator[tuple[FieldPath, str, str]]:
    """Yield (field path, target collection, id) for every ``Ref`` field inside ``value``."""
    for path, ref, text in marked(value, Ref):
        yield path, ref.collection, text


def markdown_fields(value: Any) -> Iterator[tuple[FieldPath, str]]:
    """Yield (field path, text) for every Markdown field inside ``value``."""
    for path, _, text in marked(value, Markdown):
        yield path, text


def texts(value: Any) -> Iterator[tuple[FieldPath, str]]:
    """Yield (field path, text) for every text inside ``value``, marked or not, in field order."""
    for path, _, text in marked(value, AnyText):
        yield path, text


def marked(value: Any, kind: type[M], path: FieldPath = (), annotation: Any = None,
           metadata: tuple[Any, ...] = ()) -> Iterator[tuple[FieldPath, M, str]]:
    """Yield (field path, marker, text) for every text field inside ``value`` marked with a ``kind``.

    ``annotation`` and ``metadata`` describe ``value`` as its field declares it (none for a record)."""
    found: list[tuple[FieldPath, Any, str]] = []
    _walk(value, _Walk.of(annotation, metadata, kind), kind, path, found)
    yield from found


@dataclass(eq=False)
class _Walk:
    """How to look for marked text in a value declared with one annotation."""

    annotation: Any
    kind: Any
    # The marker a text in this place has (None: a text here is not marked).
    marker: Any
    _item: _Walk | None = field(default=None, repr=False)

    @staticmethod
    def of(annotation: Any, metadata: tuple[Any, ...], kind: Any) -> _Walk:
        """The walk for a value declared as ``annotation`` with ``metadata``."""
        marker = _ANY_TEXT if kind is AnyText else _marker_of(annotation, metadata, kind)
        return _Walk(annotation, kind, marker)

    @property
    def item(self) -> _Walk:
        """The walk for the items of a list declared here (made on first use: lists of lists)."""
        if self._item is None:
            self._item = _Walk.of(_list_item(self.annotation), (), self.kind)
        return self._item


def _walk(value: Any, walk: _Walk, kind: Any, path: FieldPath, found: list[tuple[FieldPath, Any, str]]) -> None:
    if isinstance(value, BaseModel):
        # The two common cases, a text field and a list of texts, are handled here without a call.
        for name, inner in _PLANS.get((type(value), kind)) or _plan(type(value), kind):
            field_value = getattr(value, name)
            if isinstance(field_value, str):
                if inner.marker is not None:
                    found.append(((*path, name), inner.marker, field_value))
            elif isinstance(field_value, list):
                item_walk = inner.item
                for index, item in enumerate(field_value):
                    if isinstance(item, str):
                        if item_walk.marker is not None:
                            found.append(((*path, name, index), item_walk.marker, item))
                    else:
                        _walk(item, item_walk, kind, (*path, name, index), found)
            elif field_value is not None:
                _walk(field_value, inner, kind, (*path, name), found)
    elif isinstance(value, str):
        if walk.marker is not None:
            found.append((path, walk.marker, value))
    elif isinstance(value, list) and value:
        inner = walk.item
        for index, item in enumerate(value):
            _walk(item, inner, kind, (*path, index), found)


_PLANS: dict[tuple[type[BaseModel], Any], tuple[tuple[str, _Walk], ...]] = {}


def _plan(cls: type[BaseModel], kind: Any) -> tuple[tuple[str, _Walk], ...]:
    """The fields of ``cls`` that may hold a text marked with ``kind`` (directly, in a list or in a
    nested record), each with its walk, in declaration order. Made once per class and kind."""
    key = (cls, kind)
    plan = _PLANS.get(key)
    if plan is None:
        walks = ((name, _Walk.of(info.annotation, tuple(info.metadata), kind)) for name, info in cls.model_fields.items())
        plan = tuple((name, walk) for name, walk in walks if _may_yield(walk.annotation, walk.marker, kind, 0))
        _PLANS[key] = plan
    return plan


# Value types that never hold text or a record; anything the annotation does not reveal is walked.
_LEAVES = (bool, int, float, type(None))


def _may_yield(annotation: Any, marker: Any, kind: Any, depth: int) -> bool:
    """False only if a value declared as ``annotation`` can certainly hold no marked text."""
    if depth > 8:  # a self-referencing declaration: walk it rather than reason about it
        return True
    if isinstance(annotation, type) and annotation is not object:
        if issubclass(annotation, BaseModel):
            return True
        if issubclass(annotation, str):
            return marker is not None
        if issubclass(annotation, _LEAVES):
            return False
        if annotation is list:
            return True
        # Other classes (VagueDate) are not walked into, as before: only their subclasses of str would count.
        return False
    origin = get_origin(annotation)
    if origin is Annotated:
        return _may_yield(get_args(annotation)[0], marker, kind, depth + 1)
    if origin in (Union, types.UnionType):
        return any(_may_yield(arg, marker, kind, depth + 1) for arg in get_args(annotation))
    if origin is Literal:
        return marker is not None and any(isinstance(arg, str) for arg in get_args(annotation))
    if origin is list:
        item = _Walk.of(_list_item(annotation), (), kind)
        return _may_yield(item.annotation, item.marker, kind, depth + 1)
    return True


def _marker_of(annotation: Any, metadata: tuple[Any, ...], kind: type[M]) -> M | None:
    for item in metadata:
        if isinstance(item, kind):
            return item
    if get_origin(annotation) is Annotated:
        return _marker_of(None, tuple(get_args(annotation)[1:]), kind)
    if get_origin(annotation) in (Union, types.UnionType):
        for arg in get_args(annotation):
            found = _marker_of(arg, (), kind)
            if found is not None:
                return found
    return None


def _list_item(annotation: Any) -> Any:
    if get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) is list:
        return get_args(annotation)[0]
    for arg in get_args(annotation):
        if get_origin(arg) is list:
            return get_args(arg)[0]
    return None
