"""Fast JSON payload → dataclass decoding for the store.

`model.from_dict` resolves type hints on every call (about half a millisecond per event), which alone would blow the
`GET /events` latency budget; here each class's field converters are built once and cached. Same semantics as
`model.from_dict` (the store's round-trip tests hold it to that).
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")
Conv = Callable[[Any], Any]


def _ident(v: Any) -> Any:
    return v


def _optional(conv: Conv) -> Conv:
    return lambda v: None if v is None else conv(v)


def _converter(tp: Any) -> Conv:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _optional(_converter(args[0])) if len(args) == 1 else _ident
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _converter(args[0])
            return _optional(lambda v: tuple(item(x) for x in v))
        convs = [_converter(a) for a in args]
        return _optional(lambda v: tuple(c(x) for c, x in zip(convs, v, strict=True)))
    if isinstance(tp, type):
        if dataclasses.is_dataclass(tp):
            return _optional(_decoder(tp))
        if issubclass(tp, enum.Enum):
            return _optional(tp)
        if tp is datetime:
            return _optional(datetime.fromisoformat)
        if tp is date:
            return _optional(date.fromisoformat)
    return _ident


@cache
def _decoder(cls: type) -> Conv:
    hints = typing.get_type_hints(cls)
    fields = [(f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls)]

    def decode(data: dict[str, Any]) -> Any:
        return cls(**{name: conv(data[name]) for name, conv in fields if name in data})

    return decode


def _shape(tp: Any, seen: frozenset[type]) -> Any:
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if tp in seen:
            return "recursive"
        hints = typing.get_type_hints(tp)
        return [(f.name, _shape(hints[f.name], seen | {tp})) for f in dataclasses.fields(tp)]
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return sorted(str(m.value) for m in tp)
    args = typing.get_args(tp)
    if args:
        return [repr(typing.get_origin(tp)), [_shape(a, seen) for a in args]]
    return repr(tp)


@cache
def layout(cls: type) -> str:
    """A fingerprint of the JSON shape `to_dict` gives `cls`: its fields and theirs, their types, the enums'
    values (not the classes' names, which the JSON does not hold). A payload stored under the current fingerprint
    has exactly today's shape (the API sends it as stored)."""
    digest = hashlib.sha256(json.dumps(_shape(cls, frozenset())).encode()).hexdigest()
    return digest[:16]


def decode(cls: type[T], payload: str) -> T:
    """The dataclass stored as this JSON payload."""
    return typing.cast(T, _decoder(cls)(json.loads(payload)))


__all__ = ["decode", "layout"]
