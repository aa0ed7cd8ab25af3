"""The actor dictionary: canonical names, aliases and ACLED inter codes, extensible by a user YAML file.

Matching works on the text of a noun phrase ("60 Taliban fighters", "Afghan security forces", "anti-government
fighters"): the longest alias found as whole words wins; "X army / police / troops" with a country word X gives that
country's state forces; "anti-X fighters" gives the forces fighting X (never X itself).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from frontwatch.extract.actor_cues import (
    _ACTS_AFTER,
    _AFTER_FORCE,
    _AND_NEXT,
    _BEFORE_FORCE,
    _BETWEEN,
    _COMMUNAL_WORDS,
    _DENIED,
    _DOER_AFTER,
    _DOER_BEFORE,
    _FOUGHT_WITH,
    _HIT_AFTER,
    _HIT_BEFORE,
    _INTERVENE,
    _LIVESTOCK_TAKEN,
    _NAMED_AFTER,
    _NAMED_BEFORE,
    _OFF_DUTY,
    _OPENS_SENTENCE,
    _QUALIFIER,
    _RAIDERS,
    _SENTENCE_END,
    _SOUGHT_BEFORE,
    _SPEAKER_AFTER,
    _STATE_BLAMED,
    _STATE_BY,
    _STATE_DID,
    _STATE_RESPONDED,
    _SUPPORTERS_AFTER,
    _TOLL_AFTER,
    _TOLL_BEFORE,
    _UNIT_AGAINST,
    _institution,
    _of_government,
    _paragraph,
)
from frontwatch.model import Actor

# A name ends at a word's end, or before "-planted", "-linked" ("an X-planted bomb" names X)
_WORD = r"(?<![\w-]){}(?!\w|-(?!(?:planted|linked|affiliated|allied|aligned)\b))"


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


def _alias_body(alias: str) -> str:
    parts = [re.escape(p) for p in _norm(alias).split()]
    return r"\s+".join(parts).replace(r"\-", r"\s*-\s*")


def _alias_pattern(alias: str) -> str:
    return _WORD.format(_alias_body(alias))


# The dictionary's generic state actors, and the kind of force each names.
_UNNAMED_STATE_FORCES = {"State forces": "Military", "Police forces": "Police"}


# a capitalised word (a nation's adjective after "X and "); "between D and " just before a people's name
_CAPITALISED = re.compile(r"([A-Z][a-z]{2,})(?![\w-])")
_PAIRED_BEFORE = re.compile(r"(?<![\w-])(?i:between)\s+(?:(?i:the)\s+)?([A-Z][a-z]{2,})\s+(?:and|&)\s+"
                            r"(?:(?i:the)\s+)?$")


class ActorDictionary:
    def __init__(self, entries: list[dict[str, Any]], state_forces: dict[str, list[str]], countries: list[_Country],
                 communities: Sequence[str] = (), person_nouns: Sequence[str] = (),
                 civilian_places: Sequence[str] = ()):
        # people named by role or kin, and what civilians gather or travel in: civilians where they are the ones
        # attacked (see actors.yaml)
        self.person_nouns = frozenset(str(w).lower() for w in person_nouns)
        self.civilian_places = frozenset(str(w).lower() for w in civilian_places)
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
        # One word-boundary test around the whole alternation, and the aliases grouped by their first character
        # behind a one-character lookahead: tried one by one, the 700-odd aliases (each with its own lookbehind)
        # cost 0.5 s per 3,000 characters. Aliases of different first characters never match at one position, so
        # the grouping keeps the longest-first order that decides between them.
        by_first: dict[str, list[str]] = {}
        for i, (a, _, _) in enumerate(alias_rows):
            by_first.setdefault(_norm(a)[:1], []).append(f"(?P<a{i}>{_alias_body(a)})")
        self._alias_re = re.compile(_WORD.format("(?:" + "|".join(
            f"(?={re.escape(first)})(?:{'|'.join(alts)})" for first, alts in by_first.items()) + ")"))
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
        # Each word's first literal piece: a text without it cannot match, and `in` is far cheaper than a scan.
        self._country_first = [re.split(r"[\s-]+", _norm(w).strip())[0] for _, _, w in self._country_re]
        mil = sorted(state_forces.get("military", []), key=len, reverse=True)
        pol = sorted(state_forces.get("police", []), key=len, reverse=True)
        self._force_re = re.compile(
            "|".join(
                [f"(?P<m{i}>{_alias_pattern(w)})" for i, w in enumerate(mil)]
                + [f"(?P<p{i}>{_alias_pattern(w)})" for i, w in enumerate(pol)]
            )
        )
        self._anti_re = re.compile(r"(?<![\w-])anti\s*-\s*([\w'-]+(?:\s+[\w'-]+)?)")
        # Capitalised, as peoples are written; a plural or possessive ending allowed ("Pokots", "the Garre's").
        names = sorted({str(c) for c in communities}, key=len, reverse=True)
        self._community_re = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + r")(?:s|'s|’s)?(?![\w-])"
        ) if names else None
        self._doers_found: dict[str, tuple[tuple[str, int, int], ...]] = {}
        # per report text: its named armed groups and its communities' militias, for `identified_doer`
        self._groups_found: dict[str, tuple[tuple[Actor, ...], tuple[Actor, ...], tuple[Actor, ...]]] = {}

    # --- loading ---------------------------------------------------------------------------------------

    @classmethod
    def load(cls, extra_yaml: Path | None = None) -> ActorDictionary:
        """The built-in dictionary, with a user's YAML file (same shape) matched before it."""
        base = yaml.safe_load(resources.files("frontwatch.extract").joinpath("actors.yaml").read_text("utf-8"))
        entries: list[dict[str, Any]] = []
        state = dict(base.get("state_forces", {}))
        countries = list(base.get("countries", []))
        extra: dict[str, Any] = {}
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
        communities = [*(extra.get("communities") or []), *(base.get("communities") or [])]
        persons = [*(extra.get("person_nouns") or []), *(base.get("person_nouns") or [])]
        gathering = [*(extra.get("civilian_places") or []), *(base.get("civilian_places") or [])]
        return cls(entries, state, parsed, communities, persons, gathering)

    # --- matching --------------------------------------------------------------------------------------

    def canonical(self, name: str) -> Actor | None:
        """The entry of that canonical name or alias (case-insensitive), if any."""
        key = _norm(name).strip()
        return self._by_name.get(key) or self._alias_actor.get(key)

    def _country_in(self, text: str, norm: str) -> tuple[_Country, int, int] | None:
        best: tuple[_Country, int, int] | None = None
        for (rx, country, word), first in zip(self._country_re, self._country_first, strict=True):
            if first not in norm:
                continue
            for m in rx.finditer(norm):
                # Short words ("US", "UK") count only in capitals: "us" is a pronoun.
                if len(word) <= 3 and not text[m.start() : m.end()].replace(".", "").isupper():
                    continue
                if best is None or m.start() < best[1]:
                    best = (country, m.start(), m.end())
        return best

    def _country_near(self, text: str, norm: str, start: int, end: int) -> tuple[_Country, int, int] | None:
        """The country word just before a force word (up to three words between, no punctuation: "the Kenyan
        army", "US and Afghan forces"), else right after it, or after "of / from" ("troops from Uganda", "Military
        Forces of Kenya")."""
        lo = max(0, start - 40)
        before = _BEFORE_FORCE.search(norm[lo:start])
        if before is not None:
            found = self._country_in(text[lo + before.start(): start], norm[lo + before.start(): start])
            if found is not None:
                c, cs, ce = found
                return c, lo + before.start() + cs, lo + before.start() + ce
        after = _AFTER_FORCE.match(norm, end)
        if after is not None:
            found = self._country_in(text[after.end(): after.end() + 40], norm[after.end(): after.end() + 40])
            if found is not None and found[1] == 0:
                c, cs, ce = found
                return c, after.end() + cs, after.end() + ce
        return None

    def _state_force(self, text: str, norm: str) -> ActorMatch | None:
        m = self._force_re.search(norm)
        # the first force word and the country named next to it ("Kenyan police", "troops from Uganda"): one scan
        # of each (per force word, a long text's country scan made this quadratic); a country named elsewhere in
        # the text ("police dispersed them after Somali assailants …") is not the force's
        country = self._country_near(text, norm, m.start(), m.end()) if m is not None else None
        if m is not None and country is not None:
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
            if _UNIT_AGAINST.match(norm, m.start(1)):
                continue  # "anti-riot police", "the anti-terror unit": a unit named for what it fights, not a side
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
        # the kept matches never overlap, so sorted by start only the neighbours of a new one can clash with it
        # (a scan of every kept match made a long report's call quadratic)
        kept: list[ActorMatch] = []
        starts: list[int] = []
        for a in found:
            k = bisect.bisect_left(starts, a.start)
            if (k > 0 and kept[k - 1].end > a.start) or (k < len(kept) and kept[k].start < a.end):
                continue
            kept.insert(k, a)
            starts.insert(k, a.start)
        return kept

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

    # --- communities ---------------------------------------------------------------------------------

    def community_doers(self, text: str) -> tuple[tuple[str, int, int], ...]:
        """The communities `text` names as doers, left to right: (people, start, end). A people is a doer where the
        words around it make it so: "X raiders / militia / gunmen / youths / raid", "militia from the X clan",
        "suspected to be X", "attacked by (angry) Xs", "between X and Y". Elsewhere ("X herders were attacked",
        "a X village", "X county") it is no side of the fight."""
        if self._community_re is None:
            return ()
        cached = self._doers_found.get(text)
        if cached is None:
            if len(self._doers_found) > 20_000:
                self._doers_found.clear()
            out: list[tuple[str, int, int]] = []
            for m in self._community_re.finditer(text):
                before, after = text[max(0, m.start() - 60): m.start()], text[m.end(): m.end() + 60]
                conj = _AND_NEXT.match(after)
                nxt = self._community_re.match(text, m.end() + conj.end()) if conj is not None else None
                if conj is not None and nxt is None and (q := _QUALIFIER.match(text, m.end() + conj.end())):
                    nxt = self._community_re.match(text, q.end())  # "X and Sudanese Y"
                paired = self._paired_nation(text, m.start(), m.end(), before, conj)
                if _DOER_AFTER.match(after) or _DOER_BEFORE.search(before) or (
                        _BETWEEN.search(before) and conj is not None) or (  # "X and Y militias"
                        nxt is not None and _DOER_AFTER.match(text, nxt.end()) is not None):
                    out.append((" ".join(m.group(1).split()), m.start(), m.end()))
                    if _BETWEEN.search(before) and nxt is not None:
                        out.append((" ".join(nxt.group(1).split()), nxt.start(), nxt.end()))
                if paired:
                    out.append((" ".join(m.group(1).split()), m.start(), m.end()))
                    out.extend(paired)
            cached = self._doers_found[text] = tuple(sorted(dict.fromkeys(out), key=lambda d: d[1]))
        return cached

    def _paired_nation(self, text: str, start: int, end: int, before: str, conj: re.Match[str] | None
                       ) -> list[tuple[str, int, int]]:
        """A nation's adjective paired with a people's name ("between X and Somali herders", "between Somali and
        X"): men of a people too, the nation's people, not its state (ACLED's "Somali Ethnic Militia")."""
        if conj is not None:  # "between X and D …"
            nm = _CAPITALISED.match(text, end + conj.end())
            # (not a nationality qualifying the next people: "between Kenyan X and Ugandan Y")
            if nm is not None and self.is_demonym(nm.group(1)) and _BETWEEN.search(before) and (
                    self._community_re is None or self._community_re.match(text, nm.end() + 1) is None):
                return [(nm.group(1), nm.start(1), nm.end(1))]
        pm = _PAIRED_BEFORE.search(before)  # "between D and X …"
        if pm is not None and self.is_demonym(pm.group(1)):
            at = start - len(before) + pm.start(1)
            return [(pm.group(1), at, at + len(pm.group(1)))]
        return []

    def is_community(self, name: str) -> bool:
        """Is `name` one of the dictionary's peoples ("Pokot", "the Garre's")?"""
        return self._community_re is not None and self._community_re.fullmatch(name.strip()) is not None

    def community_militias(self, text: str, start: int = 0, end: int | None = None) -> list[Actor]:
        """The militias of the communities named as doers within text[start:end], first named first, each once."""
        stop = len(text) if end is None else end
        names = dict.fromkeys(n for n, a, b in self.community_doers(text) if start <= a and b <= stop)
        return [Actor(f"{n} Ethnic Militia", 4) for n in names]

    def named_armed_groups(self, text: str) -> list[Actor]:
        """The named non-state armed groups (not generic words, not state forces) a text names as doers, each once:
        "suspected X", "by X", "X is suspected / claimed", "X gunmen", "X attacked"; not "a history of X attacks in
        the area", "was not carried out by X", "linked to X"."""
        out = []
        for m in self.find_all(text):
            if m.actor.name in self.generic or m.actor.inter not in (2, 3, 4) or m.rule != "alias":
                continue
            before, after = text[max(0, m.start - 60): m.start], text[m.end: m.end + 60]
            if (_NAMED_BEFORE.search(before) or _NAMED_AFTER.match(after) or (
                    # "X carries out an attack", "X lines up and executes …": the subject that opens a sentence
                    _OPENS_SENTENCE.search(before) and _ACTS_AFTER.match(after))) and not _DENIED.search(before[-40:]):
                out.append(m.actor)
        return list(dict.fromkeys(out))

    def state_target(self, text: str, start: int, end: int) -> Actor | None:
        """State forces the sentence text[start:end] names as hit or aimed at ("attacked a police post", "two
        officers were injured", "hurled at soldiers"), not as speakers or responders ("police said")."""
        sentence = text[start:end]
        for m in self.find_all(sentence):
            if m.actor.inter != 1 or _of_government(sentence, m) or _OFF_DUTY.search(
                    sentence[max(0, m.start - 30): m.start]):
                continue  # (off-duty forces hit are civilians)
            if _HIT_BEFORE.search(sentence[max(0, m.start - 40): m.start]) or _HIT_AFTER.match(sentence, m.end) or (
                    _TOLL_AFTER.match(sentence, m.end) or _TOLL_BEFORE.search(sentence[max(0, m.start - 90): m.start])
            ) or (
                    # "gunmen storm a village, battle police": the state forces fought are the other side too
                    _FOUGHT_WITH.search(sentence[max(0, m.start - 50): m.start])
                    and not _SPEAKER_AFTER.match(sentence, m.end)):
                return m.actor
        return None

    def identified_doer(self, text: str, start: int, end: int, skip: Sequence[str] = ()) -> Actor | None:
        """Who did an event whose doer its clause leaves unnamed or generic ("gunmen", "militia"), from the
        report: a community named as doer in the event's sentence, else the one named armed group the report
        names (ACLED codes "gunmen … al-Shabaab is suspected" as al-Shabaab), else a community named as doer
        anywhere in it. Several different named groups in the report: none (which one is not said)."""
        own = [a for a in self.community_militias(text, start, end) if a.name not in skip]
        if own:
            return own[0]
        groups, framed_all, militias = self._report_groups(text)
        named = {a for a in groups if a.name not in skip}
        if len(named) > 1:
            return None  # which of them is not said
        framed = [a for a in framed_all if a in named]
        if framed:
            return framed[0]
        anywhere = [a for a in militias if a.name not in skip]
        return anywhere[0] if len({a.name for a in anywhere}) == 1 else None

    def _report_groups(self, text: str) -> tuple[tuple[Actor, ...], tuple[Actor, ...], tuple[Actor, ...]]:
        """A report's named armed groups, those it names as doers, and its communities' militias: read once per
        report, not once per event (each read walks the whole report)."""
        cached = self._groups_found.get(text)
        if cached is None:
            if len(self._groups_found) > 20_000:
                self._groups_found.clear()
            groups = tuple(dict.fromkeys(
                m.actor for m in self.find_all(text)
                if m.actor.name not in self.generic and m.actor.inter in (2, 3, 4) and m.rule == "alias"))
            cached = self._groups_found[text] = (
                groups, tuple(self.named_armed_groups(text)), tuple(self.community_militias(text)))
        return cached

    def armed_in_sentence(self, text: str, start: int, end: int) -> Actor | None:
        """The first non-state armed group (a named one, a community's militia, raiders, a militia; not unnamed
        gunmen) the sentence text[start:end] names, not denied ("not X"), nor only sought or backed ("searches for X
        supporters": whom the forces hit then were others)."""
        sentence = text[start:end]
        own = self.community_militias(text, start, end)
        if own:
            return own[0]
        for m in self.find_all(sentence):
            if m.actor.inter in (2, 3, 4) and m.actor.name != "Unidentified armed group" and not _DENIED.search(
                    sentence[max(0, m.start - 20): m.start]) and not _SOUGHT_BEFORE.search(
                    sentence[max(0, m.start - 40): m.start]) and not _SUPPORTERS_AFTER.match(sentence, m.end):
                return m.actor
        return None

    def force_in_paragraph(self, text: str, start: int, end: int) -> Actor | None:
        """The first state forces the paragraph of text[start:end] names other than as speakers ("police said")."""
        a, b = _paragraph(text, start, end)
        para = text[a:b]
        for m in self.find_all(para):
            if m.actor.inter == 1 and not _SPEAKER_AFTER.match(para, m.end) and not _institution(para, m):
                return m.actor
        return None

    @staticmethod
    def _communal_paragraph(text: str, start: int, end: int) -> bool:
        """Does the paragraph of the sentence text[start:end] tell a communal fight or a livestock raid (its
        words: "ethnic", "clan", "tribal", "rustlers", "cattle raiders", livestock stolen or driven off)?"""
        a, b = _paragraph(text, start, end)
        para = text[a:b]
        return bool(_COMMUNAL_WORDS.search(para) or _RAIDERS.search(para) or _LIVESTOCK_TAKEN.search(para))

    def state_doer(self, text: str, start: int, end: int) -> Actor | None:
        """State forces the sentence text[start:end] names as the doer of harm ("shot dead by police", "at the hands of
        the police", "police officers opened fire", "police brutality"), not as speakers or investigators ("police
        said", "police are investigating") nor as the ones hit."""
        sentence = text[start:end]
        for m in self.find_all(sentence):
            if m.actor.inter != 1 or _of_government(sentence, m) or _FOUGHT_WITH.search(
                    sentence[max(0, m.start - 50): m.start]):
                continue  # "gunmen battle police": the ones fought, not the doer of harm
            if _STATE_BY.search(sentence[max(0, m.start - 40): m.start]) or (
                    # "… of the government was killed": the ones hit, not the doer
                    _STATE_DID.match(sentence, m.end) and not _HIT_AFTER.match(sentence, m.end)):
                return m.actor
        a, b = _paragraph(text, start, end)
        para = text[a:b]
        return next((m.actor for m in self.find_all(para) if m.actor.inter == 1 and _STATE_BLAMED.match(para, m.end)
                     and not _DENIED.search(para[m.end: m.end + 30])), None)

    def state_opponent(self, text: str, start: int, end: int) -> Actor | None:
        """State forces the sentence text[start:end] names as the other party of a fight ("a shootout with police",
        "engaged soldiers", "under fire from police", "killed by security personnel"), not as speakers."""
        sentence = text[start:end]
        for m in self.find_all(sentence):
            if m.actor.inter == 1 and (_FOUGHT_WITH.search(sentence[max(0, m.start - 50): m.start]) or _STATE_BY.search(
                    sentence[max(0, m.start - 40): m.start])) and not _SPEAKER_AFTER.match(sentence, m.end):
                return m.actor
        return None

    def state_acting(self, text: str, start: int, end: int) -> Actor | None:
        """State forces the sentence text[start:end] shows acting against an armed group: the other party of a
        fight (`state_opponent`), the subject of a shot or a killing ("police shot two of them"), or of a response
        ("police pursued the raiders", "repulsed by police"); not speakers ("police said") nor those hit."""
        found = self.state_opponent(text, start, end)
        if found is not None:
            return found
        sentence = text[start:end]
        for m in self.find_all(sentence):
            if m.actor.inter == 1 and (_STATE_DID.match(sentence, m.end) or _STATE_RESPONDED.match(sentence, m.end)) \
                    and not _HIT_AFTER.match(sentence, m.end) and not _HIT_BEFORE.search(
                        sentence[max(0, m.start - 40): m.start]):
                return m.actor
        return None

    def intervening_force(self, text: str) -> Actor | None:
        """State forces the report shows acting on a crowd ("police dispersed them with tear gas", "were stopped by
        anti-riot police", "police were called in"), in any of its sentences."""
        for sentence in _SENTENCE_END.split(text):
            if not _INTERVENE.search(sentence):
                continue
            force = next((m.actor for m in self.find_all(sentence) if m.actor.inter == 1
                          and not _institution(sentence, m)), None)
            if force is not None:
                return force
        return None

    def doers(self, text: str, start: int, end: int, event_type: str | None, actor1: Actor | None,
              actor2: Actor | None, sub_type: str | None = None) -> tuple[Actor | None, Actor | None]:
        """An event's sides completed from its report where its clause leaves them unnamed or generic (see
        `frontwatch.extract.actor_doers.doers`)."""
        from frontwatch.extract.actor_doers import doers

        return doers(self, text, start, end, event_type, actor1, actor2, sub_type)
