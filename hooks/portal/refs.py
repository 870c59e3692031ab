"""Finding every reference inside a record, guided by the ``Ref`` markers of the content model."""

from __future__ import annotations

import types
from collections.abc import Iterator
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from .model import Ref

FieldPath = tuple[str | int, ...]


def references(value: Any, path: FieldPath = (), annotation: Any = None, metadata: tuple[Any, ...] = ()) -> Iterator[tuple[FieldPath, str, str]]:
    """Yield (field path, target collection, id) for every ``Ref`` field inside ``value``."""
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            yield from references(getattr(value, name), path + (name,), info.annotation, tuple(info.metadata))
        return
    ref = _ref_of(annotation, metadata)
    if isinstance(value, str) and ref:
        yield path, ref.collection, value
    elif isinstance(value, list):
        inner = _list_item(annotation)
        for index, item in enumerate(value):
            yield from references(item, path + (index,), inner)


def _ref_of(annotation: Any, metadata: tuple[Any, ...]) -> Ref | None:
    for item in metadata:
        if isinstance(item, Ref):
            return item
    if get_origin(annotation) is Annotated:
        return _ref_of(None, tuple(get_args(annotation)[1:]))
    if get_origin(annotation) in (Union, types.UnionType):
        for arg in get_args(annotation):
            found = _ref_of(arg, ())
            if found:
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
