"""The actor dictionary: canonical names, aliases and ACLED inter codes, extensible by a user YAML file.

Matching works on the text of a noun phrase ("60 Taliban fighters", "Afghan security forces", "anti-government
fighters"): the longest alias found as whole words wins; "X army / police / troops" with a country word X gives that
country's state forces; "anti-X fighters" gives the forces fighting X (never X itself).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from frontwatch.model import Actor

_WORD = r"(?<![\w-]){}(?![\w-])"


@dataclass(frozen=True, slots=True)
class ActorMatch:
    actor: Actor
    start: int  # character offsets into the text that was matched
    end: int
    country: str | None = None  # ISO code of a state's forces ("Afghan army" → AF)
    rule: str = "alias"


@dataclass(frozen=True, slots=True)
class _Country:
    iso: str
    name: str
    words: tuple[str, ...]


def _norm(text: str) -> str:
    # Same length as the input, so offsets stay valid.
    return text.lower().replace("’", "'").replace("‘", "'").replace("–", "-")


def _alias_pattern(alias: str) -> str:
    parts = [re.escape(p) for p in _norm(alias).split()]
    return _WORD.format(r"\s+".join(parts).replace(r"\-", r"\s*-\s*"))


# The dictionary's generic state actors, and the kind of force each names.
_UNNAMED_STATE_FORCES = {"State forces": "Military", "Police forces": "Police"}


class ActorDictionary:
    def __init__(self, entries: list[dict[str, Any]], state_forces: dict[str, list[str]], countries: list[_Country]):
        self.entries = [(str(e["name"]), e.get("inter"), tuple(str(a) for a in e.get("aliases", ()))) for e in entries]
        self._by_name = {name.lower(): Actor(name, inter) for name, inter, _ in self.entries}
        # Generic words ("fighters", "people") yield to a named group in the same phrase ("Taliban fighters").
        self.generic = frozenset(str(e["name"]) for e in entries if e.get("generic"))
        alias_rows: list[tuple[str, Actor, int]] = []
        for priority, (name, inter, aliases) in enumerate(self.entries):
            for alias in (name, *aliases):
                alias_rows.append((alias, Actor(name, inter), priority))
        # Longest aliases first so the regex alternation prefers them.
        alias_rows.sort(key=lambda r: (-len(r[0]), r[2]))
        self._alias_actor = {_norm(a): actor for a, actor, _ in reversed(alias_rows)}
        self._alias_re = re.compile(
            "|".join(f"(?P<a{i}>{_alias_pattern(a)})" for i, (a, _, _) in enumerate(alias_rows))
        )
        self._alias_list = [a for a, _, _ in alias_rows]
        self._alias_actors = [actor for _, actor, _ in alias_rows]
        self._countries = countries
        self._found: dict[str, tuple[ActorMatch, ...]] = {}
        # Adjective forms: the country words that are not the country's name ("afghan", "indian")
        self._demonyms = frozenset(
            w
            for c in countries
            for w in c.words
            if w.endswith(("an", "ish", "ese", "i", "ian")) and w != c.name.lower()
        )
        self._country_re = []
        for c in countries:
            for w in sorted(c.words, key=len, reverse=True):
                self._country_re.append((re.compile(_alias_pattern(w)), c, w))
        mil = sorted(state_forces.get("military", []), key=len, reverse=True)
        pol = sorted(state_forces.get("police", []), key=len, reverse=True)
        self._force_re = re.compile(
            "|".join(
                [f"(?P<m{i}>{_alias_pattern(w)})" for i, w in enumerate(mil)]
                + [f"(?P<p{i}>{_alias_pattern(w)})" for i, w in enumerate(pol)]
            )
        )
        self._anti_re = re.compile(r"(?<![\w-])anti\s*-\s*([\w'-]+(?:\s+[\w'-]+)?)")

    # --- loading ---------------------------------------------------------------------------------------

    @classmethod
    def load(cls, extra_yaml: Path | None = None) -> ActorDictionary:
        """The built-in dictionary, with a user's YAML file (same shape) matched before it."""
        base = yaml.safe_load(resources.files("frontwatch.extract").joinpath("actors.yaml").read_text("utf-8"))
        entries: list[dict[str, Any]] = []
        state = dict(base.get("state_forces", {}))
        countries = list(base.get("countries", []))
        if extra_yaml is not None:
            extra = yaml.safe_load(Path(extra_yaml).read_text("utf-8")) or {}
            if not isinstance(extra, dict):
                raise ValueError(f"{extra_yaml}: expected a mapping with an `actors:` list")
            entries.extend(extra.get("actors", []))
            for key, words in (extra.get("state_forces") or {}).items():
                state[key] = [*state.get(key, []), *words]
            countries = [*extra.get("countries", []), *countries]
        entries.extend(base.get("actors", []))
        for e in entries:
            if "name" not in e:
                raise ValueError(f"actor entry without a name: {e!r}")
        parsed = [_Country(str(c["iso"]), str(c["name"]), tuple(str(w) for w in c.get("words", ()))) for c in countries]
        return cls(entries, state, parsed)

    # --- matching --------------------------------------------------------------------------------------

    def canonical(self, name: str) -> Actor | None:
        """The entry of that canonical name or alias (case-insensitive), if any."""
        key = _norm(name).strip()
        return self._by_name.get(key) or self._alias_actor.get(key)

    def _country_in(self, text: str, norm: str) -> tuple[_Country, int, int] | None:
        best: tuple[_Country, int, int] | None = None
        for rx, country, word in self._country_re:
            for m in rx.finditer(norm):
                # Short words ("US", "UK") count only in capitals: "us" is a pronoun.
                if len(word) <= 3 and not text[m.start() : m.end()].replace(".", "").isupper():
                    continue
                if best is None or m.start() < best[1]:
                    best = (country, m.start(), m.end())
        return best

    def _state_force(self, text: str, norm: str) -> ActorMatch | None:
        for m in self._force_re.finditer(norm):
            country = self._country_in(text, norm)
            if country is None:
                continue
            c, cs, ce = country
            police = (m.lastgroup or "").startswith("p")
            name = f"{'Police' if police else 'Military'} Forces of {c.name}"
            return ActorMatch(Actor(name, 1), min(cs, m.start()), max(ce, m.end()), c.iso, "state_forces")
        return None

    def find_all(self, text: str) -> list[ActorMatch]:
        """Every actor named in `text`, left to right, without overlaps (longest first)."""
        # The same noun phrases come back sentence after sentence, and the alias alternation is long.
        cached = self._found.get(text)
        if cached is None:
            if len(self._found) > 50_000:
                self._found.clear()
            cached = self._found[text] = tuple(self._find_all(text))
        return list(cached)

    def _find_all(self, text: str) -> list[ActorMatch]:
        norm = _norm(text)
        found: list[ActorMatch] = []
        for m in self._anti_re.finditer(norm):
            target = self._first_alias(norm[m.start(1) : m.end(1)])
            if target is not None:
                end = m.start(1) + target[2]
                tail = re.match(
                    r"[\s-]*(?:fighters|forces|militias?|groups?|resistance|rebels|militants)\b", norm[end:]
                )
                if tail:
                    end += tail.end()
                found.append(ActorMatch(Actor(f"Anti-{target[0].name} forces", 2), m.start(), end, rule="anti"))
        sf = self._state_force(text, norm)
        if sf is not None:
            found.append(sf)
        for m in self._alias_re.finditer(norm):
            idx = int((m.lastgroup or "a0")[1:])
            found.append(ActorMatch(self._alias_actors[idx], m.start(), m.end()))
        found.sort(key=lambda a: (-(a.end - a.start), a.start))
        kept: list[ActorMatch] = []
        for a in found:
            if all(a.end <= k.start or a.start >= k.end for k in kept):
                kept.append(a)
        return sorted(kept, key=lambda a: a.start)

    def _first_alias(self, norm: str) -> tuple[Actor, int, int] | None:
        m = self._alias_re.search(norm)
        if m is None or m.start() != 0:
            return None
        return self._alias_actors[int((m.lastgroup or "a0")[1:])], m.start(), m.end()

    def match(self, text: str) -> ActorMatch | None:
        """The actor a noun phrase names: the longest match, preferring named groups over generic words."""
        found = self.find_all(text)
        if not found:
            return self._country_only(text)
        return max(found, key=lambda a: (a.rule != "alias", a.actor.name not in self.generic, a.end - a.start))

    def _country_only(self, text: str) -> ActorMatch | None:
        """A bare country as an agent ("the US bombed", "a US drone strike"): its military."""
        stripped = text.strip()
        if not stripped or len(stripped.split()) > 3:
            return None
        norm = _norm(stripped)
        found = self._country_in(stripped, norm)
        if found is None:
            return None
        c, cs, ce = found
        if norm[:cs].strip() not in {"", "the"} or norm[ce:].strip():
            return None
        offset = len(text) - len(text.lstrip())
        return ActorMatch(Actor(f"Military Forces of {c.name}", 1), offset + cs, offset + ce, c.iso, "country")

    def is_demonym(self, text: str) -> bool:
        """ "Indian", "Afghans": a people or an adjective, not a place."""
        key = _norm(text).strip()
        if key.endswith("s") and not key.endswith("ss"):
            key = key[:-1]
        return any(
            key in c.words and key != c.name.lower() and key + "s" != c.name.lower() for c in self._countries
        ) or (key in self._demonyms)

    def country_name(self, iso: str) -> str | None:
        return next((c.name for c in self._countries if c.iso == iso), None)

    def country_iso(self, text: str | None) -> str | None:
        """The ISO code of a country given by its code, name or one of its words ("KE", "Kenya", "kenyan")."""
        key = _norm(text or "").strip()
        if not key:
            return None
        return next((c.iso for c in self._countries
                     if key in (c.iso.lower(), c.name.lower()) or key in c.words), None)

    def of_country(self, actor: Actor, iso: str) -> Actor:
        """Unnamed state forces in a country are that country's (ACLED's "Military/Police Forces of X"); a
        community's militia carries its country ("X Ethnic Militia (Y)")."""
        if actor.name.endswith(" Ethnic Militia") and (country := self.country_name(iso)):
            return Actor(f"{actor.name} ({country})", actor.inter)
        kind = _UNNAMED_STATE_FORCES.get(actor.name)
        name = self.country_name(iso) if kind else None
        return Actor(f"{kind} Forces of {name}", actor.inter) if kind and name else actor


_STATE_FORCE = re.compile(r"(?:Military|Police|State) [Ff]orces(?: of (.+))?")


# --- sides ---------------------------------------------------------------------------------------------------


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
