"""Finding the marked fields inside a record, guided by the markers of the content model.

``Ref`` marks a reference to another record, ``Markdown`` a field of editors' Markdown. A new field
with a marker is found (and so checked) as soon as it is declared in ``portal.model``.
"""

from __future__ import annotations

import types
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel

from .model import Markdown, Ref

if TYPE_CHECKING:
    from collections.abc import Iterator

FieldPath = tuple[str | int, ...]
M = TypeVar("M")


def references(value: Any) -> Iterator[tuple[FieldPath, str, str]]:
    """Yield (field path, target collection, id) for every ``Ref`` field inside ``value``."""
    for path, ref, text in marked(value, Ref):
        yield path, ref.collection, text


def markdown_fields(value: Any) -> Iterator[tuple[FieldPath, str]]:
    """Yield (field path, text) for every Markdown field inside ``value``."""
    for path, _, text in marked(value, Markdown):
        yield path, text


def marked(value: Any, kind: type[M], path: FieldPath = (), annotation: Any = None,
           metadata: tuple[Any, ...] = ()) -> Iterator[tuple[FieldPath, M, str]]:
    """Yield (field path, marker, text) for every text field inside ``value`` marked with a ``kind``."""
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            yield from marked(getattr(value, name), kind, path + (name,), info.annotation, tuple(info.metadata))
        return
    marker = _marker_of(annotation, metadata, kind)
    if isinstance(value, str) and marker is not None:
        yield path, marker, value
    elif isinstance(value, list):
        inner = _list_item(annotation)
        for index, item in enumerate(value):
            yield from marked(item, kind, path + (index,), inner)


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
