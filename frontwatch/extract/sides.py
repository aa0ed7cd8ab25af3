"""Sides of a conflict, for control: which side an actor fights on, read from the actor dictionary's `side:`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

_STATE_FORCE = re.compile(r"(?:Military|Police|State) [Ff]orces(?: of (.+))?")


@dataclass(frozen=True)
class Sides:
    """Which side of a conflict an actor fights on, for control: a place is held by a side, not by a name.

    An entry's `side:` in the dictionary names it ("Haqqani Network" → Taliban); "Anti-X forces" are the side
    against X; a generic armed group ("rebels", "resistance fighters", "local fighters") takes the side against the
    party it fights, when that party is known (whom it took the place from, or who held it): three names for one
    coalition colour one way. Anyone else is their own side."""

    named: Mapping[str, str]  # actor name → side
    generic: frozenset[str]

    def side(self, name: str, opponent: str | None = None) -> str:
        if name in self.named:
            return self.named[name]
        state = _STATE_FORCE.fullmatch(name)
        if state:  # army and police of one country are one side
            return f"State forces of {state.group(1)}" if state.group(1) else "State forces"
        if name.startswith("Anti-"):
            return name
        if name in self.generic and opponent:
            against = self.named.get(opponent, opponent)
            if against not in self.generic and not against.startswith("Anti-"):
                return f"Anti-{against}" if "forces" in against.lower() else f"Anti-{against} forces"
        return name


def sides_of(entries: list[dict[str, Any]]) -> Sides:
    named = {str(e["name"]): str(e["side"]) for e in entries if e.get("side")}
    return Sides(named, frozenset(str(e["name"]) for e in entries if e.get("generic")))


@cache
def load_sides(extra_yaml: Path | None = None) -> Sides:
    """The sides of the built-in dictionary, with a user's YAML file (same shape) read before it."""
    entries = list(yaml.safe_load(
        resources.files("frontwatch.extract").joinpath("actors.yaml").read_text("utf-8")).get("actors", []))
    if extra_yaml is not None:
        entries = [*(yaml.safe_load(Path(extra_yaml).read_text("utf-8")) or {}).get("actors", []), *entries]
    return sides_of(entries)
