"""ACLED-row scoring: the system's own answer for each coded row, field by field, and the oracle figure beside it.

Each distinct (note, event_date) runs once through the whole pipeline with `event_date` as the published date. The
note's claims are fused as the product fuses a corpus (`frontwatch.fuse.fuse`, on that note alone); its events,
ranked by confidence (then supporting claims, then the earliest sentence; denied events last), are the system's
answer. A note that yields event claims but no event (no claim has a place below the country, which fusion needs)
answers with its best-ranked claim instead: such rows are counted as detected and reported apart
(`answered_by_claim`). Where ACLED split one note into k rows, the system's k best events are matched one-to-one to
them by distance (Hungarian). A row with no answer scores false on every figure.

The oracle figures (`oracle_*`) are the earlier scoring, kept for comparison: among all the note's claims, the one
whose sub-type (then type, then place) matches the gold row best. The gold label chooses that answer, so it
flatters; it says what the extractor found at all, not what the product shows.
"""
from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from frontwatch.model import (
    NOT_AN_EVENT,
    Actor,
    Claim,
    Document,
    Event,
    EventStatus,
    Place,
    PlaceMention,
    document_id_for,
)

# The system answer's fields, under ACLED's names (the --rows file).
FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "inter1", "inter2", "location", "admin1", "latitude",
          "longitude", "geo_precision", "fatalities", "event_date")
NO_PLACE_KM = 1e5  # matching cost of an answer without coordinates: farther than any two points on Earth
# ACLED's inter codes by the generic words of actor names, for actors the dictionary gives no code.
_INTER_WORDS = ((1, r"\b(?:military|police|state) forces\b"), (5, r"\brioters\b"), (6, r"\bprotesters\b"),
                (7, r"\bcivilians\b"), (4, r"\b(?:ethnic|communal) militia\b"), (3, r"\bmilitia\b"))


@dataclass(frozen=True)
class Answer:
    """The system's answer for one row: a fused event, or (kind "claim") an event claim fusion could not place."""
    kind: str
    event_type: str
    sub_event_type: str | None
    actor1: Actor | None
    actor2: Actor | None
    place: Place | None
    fatalities: int
    event_date: date | None
    date_from_text: bool  # False: the date is the report's own (here the gold date), not read from the text
    confidence: float
    claim_ids: tuple[str, ...]
    sentences: tuple[str, ...]


def parse_years(text: str) -> tuple[int, int]:
    """ "2004-2015" or "2016" → inclusive year range."""
    m = re.fullmatch(r"\s*(\d{4})\s*(?:-\s*(\d{4})\s*)?", text)
    if not m or int(m.group(2) or m.group(1)) < int(m.group(1)):
        raise ValueError(f"bad year range {text!r}: write FIRST-LAST, e.g. 2004-2015, or one year")
    return int(m.group(1)), int(m.group(2) or m.group(1))


def select_rows(rows: Sequence[dict[str, Any]], years: tuple[int, int] | None) -> list[int]:
    """Indices (in the file's order) of the rows whose event_date year lies in `years` (all rows for None)."""
    if years is None:
        return list(range(len(rows)))
    return [i for i, r in enumerate(rows) if years[0] <= int(str(r["event_date"])[:4]) <= years[1]]


def norm_name(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().casefold()
    return " ".join(re.sub(r"['’`]", "", re.sub(r"[-_/]", " ", text)).split())


def names_place(row: dict[str, Any]) -> bool:
    """Does the note name the gold location or its admin1 (whole words, case, accents, hyphens and apostrophes
    aside)?"""
    note = f" {' '.join(re.findall(r'[a-z0-9]+', norm_name(row.get('notes') or '')))} "
    names = (row.get("location"), row.get("admin1"))
    return any(n and f" {' '.join(re.findall(r'[a-z0-9]+', norm_name(n)))} " in note for n in names)


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _km(row: dict[str, Any], place: Place | None) -> float | None:
    if place is None or place.lat is None or place.lon is None:
        return None
    return haversine(float(row["latitude"]), float(row["longitude"]), place.lat, place.lon)


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# --- the system's answer ---------------------------------------------------------------------------------------


def system_answers(document: Document, claims: Sequence[Claim]) -> list[Answer]:
    """The note's events as the product fuses them, best first; its best event claim when none could be fused."""
    from frontwatch.fuse import event_place, fuse

    by_id = {c.claim_id: c for c in claims}
    claims_events = [c for c in claims if c.event_type != NOT_AN_EVENT and c.sub_event_type]
    events = fuse(claims_events, {document.document_id: document}).events

    def start(ids: Sequence[str]) -> int:
        return min((by_id[i].sentence.start for i in ids if i in by_id), default=len(document.text))

    # A denied event is the system saying it did not happen: last, whatever its confidence in the denial.
    # Ties within one sentence: an arrest or looting is the violence's follow-up ("police fired, killing two and
    # arresting one"), so it comes after the others, not wherever the id's hash puts it.
    answers = [_event_answer(e, by_id) for e in sorted(events, key=lambda e: (
        e.status == EventStatus.DENIED, -e.confidence, -len(e.claim_ids), start(e.claim_ids),
        e.sub_event_type in _FOLLOW_UPS, e.event_id))]
    if answers or not claims_events:
        return answers
    best = min(claims_events, key=lambda c: (-c.confidence, c.sentence.start, c.sub_event_type in _FOLLOW_UPS,
                                             c.claim_id))
    t = best.time
    return [Answer("claim", best.event_type, best.sub_event_type, best.actor("actor1"), best.actor("actor2"),
                   event_place(best), best.fatalities_acled,
                   t.low + timedelta(days=(t.high - t.low).days // 2) if t else document.published,
                   bool(t and not t.assumed), best.confidence, (best.claim_id,), (best.sentence.text,))]


_FOLLOW_UPS = frozenset({"Arrests", "Looting/property destruction"})


def _event_answer(e: Event, by_id: dict[str, Claim]) -> Answer:
    own = [by_id[i] for i in e.claim_ids if i in by_id]
    return Answer("event", e.event_type, e.sub_event_type, e.actor1, e.actor2, e.place, e.fatalities, e.event_date,
                  any(c.time is not None and not c.time.assumed for c in own), e.confidence, e.claim_ids,
                  tuple(dict.fromkeys(c.sentence.text for c in sorted(own, key=lambda c: c.sentence.start))))


def match_rows(rows: Sequence[dict[str, Any]], answers: Sequence[Answer]) -> list[Answer | None]:
    """Rows of one note ↔ the system's best len(rows) answers, one-to-one, least total distance (ties: the better
    ranked answer to the earlier row). One row takes the best answer whatever its place: no gold field chooses."""
    if len(rows) == 1:
        return [answers[0] if answers else None]
    from scipy.optimize import linear_sum_assignment

    top = answers[:len(rows)]
    if not top:
        return [None] * len(rows)
    cost = [[(km if (km := _km(r, a.place)) is not None else NO_PLACE_KM) + 1e-3 * (i - j) ** 2
             for j, a in enumerate(top)] for i, r in enumerate(rows)]
    out: list[Answer | None] = [None] * len(rows)
    for i, j in zip(*linear_sum_assignment(cost), strict=True):
        out[int(i)] = top[int(j)]
    return out


def inter_of(actor: Actor | None, actors: Any) -> int | None:
    """The ACLED inter code of a system actor: its own, the dictionary's for its name, else from the generic words
    of its name (state forces 1, identity militias 4, other militias 3, rioters 5, protesters 6, civilians 7)."""
    if actor is None:
        return None
    if actor.inter is not None:
        return actor.inter
    known = actors.canonical(actor.name) if actors is not None else None
    if known is not None and known.inter is not None:
        return int(known.inter)
    name = actor.name.lower()
    return next((code for code, rx in _INTER_WORDS if re.search(rx, name)), None)


def answer_fields(a: Answer, actors: Any) -> dict[str, Any]:
    """The answer under ACLED's field names, plus where it came from."""
    p = a.place
    return {
        "event_type": a.event_type, "sub_event_type": a.sub_event_type,
        "actor1": a.actor1.name if a.actor1 else None, "actor2": a.actor2.name if a.actor2 else None,
        "inter1": inter_of(a.actor1, actors), "inter2": inter_of(a.actor2, actors),
        "location": p.name if p else None, "admin1": p.admin1 if p else None,
        "latitude": p.lat if p else None, "longitude": p.lon if p else None,
        "geo_precision": p.geo_precision if p else None, "fatalities": a.fatalities,
        "event_date": a.event_date.isoformat() if a.event_date else None,
        "country": p.country if p else None, "feature_code": p.feature_code if p else None,
        "answer": a.kind, "confidence": a.confidence, "date_from_text": a.date_from_text,
        "claim_ids": list(a.claim_ids), "sentences": list(a.sentences),
    }


# --- scoring -----------------------------------------------------------------------------------------------------


def actor_key(actors: Any, text: str | None) -> str | None:
    """An actor name compared through the actor dictionary (lower-cased): ACLED's country and period qualifiers
    fall away ("Police Forces of Kenya (2013-)" = "Police Forces of Kenya"), and so does a named militia's name
    ("Pokot Ethnic Militia (Kenya)" = "Militia"); names it does not know compare as written."""
    if not text:
        return None
    m = actors.match(text)
    return (m.actor.name if m else text).lower()


def score_row(row: dict[str, Any], a: Answer | None, actors: Any, same_admin1: Callable[[Place | None, Any], bool]
              ) -> dict[str, Any]:
    """One row's hits: True / False per figure, None where the row is not in the figure's denominator."""
    named = names_place(row)
    gold_dead = _int(row.get("fatalities")) or 0
    s: dict[str, Any] = {"named": named, "killed": gold_dead > 0}
    got = a is not None
    km = _km(row, a.place) if a else None
    s["detected"] = got
    s["detected_as_event"] = got and a.kind == "event"
    s["event_type_acc"] = got and a.event_type == row["event_type"]
    s["sub_event_type_acc"] = got and a.sub_event_type == row["sub_event_type"]
    s["location_25km"] = km is not None and km <= 25
    s["admin1_acc"] = got and same_admin1(a.place, row.get("admin1"))
    s["location_25km_named"] = s["location_25km"] if named else None
    s["admin1_acc_named"] = s["admin1_acc"] if named else None
    s["fatalities_exact"] = got and a.fatalities == gold_dead
    s["fatalities_exact_killed"] = s["fatalities_exact"] if gold_dead > 0 else None
    s["fatalities_abs_err"] = abs((a.fatalities if a else 0) - gold_dead)
    s["fatalities_abs_err_killed"] = s["fatalities_abs_err"] if gold_dead > 0 else None
    # Actor order carries no meaning in ACLED except for violence against civilians (who did it to whom).
    ordered = row["event_type"] == "Violence against civilians"
    got_actor = {r: actor_key(actors, x.name if (x := getattr(a, r, None)) else None) for r in ("actor1", "actor2")}
    got_inter = {r: inter_of(getattr(a, r, None), actors) for r in ("actor1", "actor2")}
    for role, inter in (("actor1", "inter1"), ("actor2", "inter2")):
        want = actor_key(actors, row.get(role))
        s[f"{role}_acc"] = None if not want else want in ({got_actor[role]} if ordered else set(got_actor.values()))
        code = _int(row.get(inter))
        s[f"{inter}_acc"] = None if not code else code in (
            {got_inter[role]} if ordered else set(got_inter.values()))
    gp = _int(row.get("geo_precision"))
    s["geo_precision_acc"] = None if gp is None else bool(got and a.place and a.place.geo_precision == gp)
    # The report's date is the gold date here (the note runs with event_date as its published date), so an answer
    # dated by the report alone is right by construction: `date_assumed` says how often, `date_exact_read` scores
    # only the dates read from the text.
    right_day = bool(got and a.event_date and a.event_date.isoformat() == str(row["event_date"])[:10])
    s["date_exact"] = right_day
    s["date_assumed"] = (not a.date_from_text) if got else None
    s["date_exact_read"] = right_day if got and a.date_from_text else None
    s["answered_by_claim"] = a.kind == "claim" if got else None
    return s


def best_claim(claims: Sequence[Claim], row: dict[str, Any]) -> Claim | None:
    """The oracle: the claim whose sub-type, then type, then place matches the gold row best."""
    events = [c for c in claims if c.event_type != NOT_AN_EVENT]
    if not events:
        return None
    return min(events, key=lambda c: (c.sub_event_type != row["sub_event_type"], c.event_type != row["event_type"],
                                      d if (d := _km(row, c.place)) is not None else 1e9))


def oracle_row(row: dict[str, Any], claims: Sequence[Claim], actors: Any,
               same_admin1: Callable[[Place | None, Any], bool]) -> dict[str, Any]:
    """The earlier scoring, unchanged, on the oracle's claim (its date counts the report's own date as exact)."""
    best = best_claim(claims, row)
    fat = _int(row.get("fatalities")) or 0
    if best is None:
        return {"oracle_detected": False, "oracle_fatalities_abs_err": fat}
    km = _km(row, best.place)
    t = best.time
    ordered = row["event_type"] == "Violence against civilians"
    got = {r: actor_key(actors, x.name if (x := best.actor(r)) else None) for r in ("actor1", "actor2")}
    s: dict[str, Any] = {
        "oracle_detected": True,
        "oracle_event_type_acc": best.event_type == row["event_type"],
        "oracle_sub_event_type_acc": best.sub_event_type == row["sub_event_type"],
        "oracle_location_25km": km is not None and km <= 25,
        "oracle_admin1_acc": same_admin1(best.place, row.get("admin1")),
        "oracle_fatalities_exact": best.fatalities_acled == fat,
        "oracle_fatalities_abs_err": abs(best.fatalities_acled - fat),
        "oracle_date_exact": bool(t and t.low == t.high and t.low.isoformat() == str(row["event_date"])[:10]),
    }
    for role in ("actor1", "actor2"):
        want = actor_key(actors, row.get(role))
        s[f"oracle_{role}_acc"] = None if not want else want in ({got[role]} if ordered else set(got.values()))
    return s


# Figures in the order they are reported: (name, per-row key, kind). "mean": share of True over the rows where
# the key is not None; "all": share of True over all rows (a missing key is False); "mae": mean of the key.
FIGURES: tuple[tuple[str, str, str], ...] = (
    ("detected", "detected", "mean"), ("detected_as_event", "detected_as_event", "mean"),
    ("event_type_acc", "event_type_acc", "mean"),
    ("sub_event_type_acc", "sub_event_type_acc", "mean"), ("location_25km", "location_25km", "mean"),
    ("admin1_acc", "admin1_acc", "mean"), ("named_share", "named", "mean"),
    ("location_25km_named", "location_25km_named", "mean"), ("admin1_acc_named", "admin1_acc_named", "mean"),
    ("fatalities_exact", "fatalities_exact", "mean"), ("fatalities_mae", "fatalities_abs_err", "mae"),
    ("fatalities_exact_killed", "fatalities_exact_killed", "mean"),
    ("fatalities_killed_mae", "fatalities_abs_err_killed", "mae"),
    ("actor1_acc", "actor1_acc", "mean"), ("actor2_acc", "actor2_acc", "mean"),
    ("inter1_acc", "inter1_acc", "mean"), ("inter2_acc", "inter2_acc", "mean"),
    ("geo_precision_acc", "geo_precision_acc", "mean"), ("date_exact", "date_exact", "mean"),
    ("date_assumed", "date_assumed", "mean"), ("date_exact_read", "date_exact_read", "mean"),
    ("answered_by_claim", "answered_by_claim", "mean"),
    ("oracle_detected", "oracle_detected", "all"), ("oracle_event_type_acc", "oracle_event_type_acc", "all"),
    ("oracle_sub_event_type_acc", "oracle_sub_event_type_acc", "all"),
    ("oracle_location_25km", "oracle_location_25km", "all"), ("oracle_admin1_acc", "oracle_admin1_acc", "all"),
    ("oracle_fatalities_exact", "oracle_fatalities_exact", "all"),
    ("oracle_fatalities_mae", "oracle_fatalities_abs_err", "mae"),
    ("oracle_actor1_acc", "oracle_actor1_acc", "mean"), ("oracle_actor2_acc", "oracle_actor2_acc", "mean"),
    ("oracle_date_exact", "oracle_date_exact", "all"),
)


def aggregate(scores: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Figures over the rows' hits, each with its denominator under "over" (a figure with none is left out)."""
    out: dict[str, Any] = {"n": len(scores)}
    over: dict[str, int] = {}
    for name, key, kind in FIGURES:
        if kind == "all":
            values = [bool(s.get(key)) for s in scores if "oracle_detected" in s]
        else:
            values = [s[key] for s in scores if s.get(key) is not None]
        if values:
            out[name] = sum(values) / len(values)
            over[name] = len(values)
    out["over"] = over
    return out


# --- the whole run -----------------------------------------------------------------------------------------------


def evaluate_acled(rows: Sequence[dict[str, Any]], pipeline: Any, actors: Any, indices: Sequence[int] | None = None,
                   progress: Callable[[], None] | None = None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Figures over rows[indices] (all rows by default), and one record per scored row, in the file's order:
    {"row": index in the file, "gold": the row, "system": the answer under ACLED's names or None, "scores": hits}."""
    indices = list(range(len(rows))) if indices is None else list(indices)
    groups: dict[tuple[str, str], list[int]] = {}
    for i in indices:
        groups.setdefault((rows[i]["notes"], str(rows[i]["event_date"])[:10]), []).append(i)
    # A dataset of notes is about one country per row, as a feed or sidecar may say: the note runs with it as its
    # country (`country` metadata), never with any other gold field. The date a note carries is its event's, not its
    # report's (`dated` = `event`): "yesterday" in a note cannot be counted from it.
    docs = {key: Document(document_id_for(key[0]), key[0], "acled", "eval", published=date.fromisoformat(key[1]),
                          metadata=(*((("country", str(c)),) if (c := rows[members[0]].get("country")) else ()),
                                    ("dated", "event")))
            for key, members in groups.items()}
    watch = None
    if dataclasses.is_dataclass(pipeline) and getattr(pipeline, "geoparser", None) is not None:
        watch = _Watch(pipeline.geoparser)
        pipeline = dataclasses.replace(pipeline, geoparser=watch)
    sizes = {(d.document_id, d.published): len(groups[key]) for key, d in docs.items()}
    results: dict[tuple[str, date | None], list[Claim]] = {}
    for d, claims in pipeline.process(docs.values()):  # the progress follows the pipeline, where the time goes
        results[(d.document_id, d.published)] = claims or []
        if progress:
            for _ in range(sizes.get((d.document_id, d.published), 0)):
                progress()

    def same_admin1(place: Place | None, gold: Any) -> bool:
        return _same_admin1(pipeline, place, gold)

    records: dict[int, dict[str, Any]] = {}
    for key, members in groups.items():
        doc = docs[key]
        claims = results.get((doc.document_id, doc.published), [])
        answers = system_answers(doc, claims)
        for i, a in zip(members, match_rows([rows[i] for i in members], answers), strict=True):
            scores = score_row(rows[i], a, actors, same_admin1)
            scores.update(oracle_row(rows[i], claims, actors, same_admin1))
            records[i] = {"row": i, "gold": rows[i], "system": answer_fields(a, actors) if a else None,
                          "scores": scores, "note_answers": len(answers),
                          "note_places": [_mention_fields(m) for m in (watch.found.get(
                              (doc.document_id, doc.published), []) if watch else [])]}
    ordered = [records[i] for i in sorted(records)]
    return aggregate([r["scores"] for r in ordered]), ordered


class _Watch:
    """The pipeline's geoparser, keeping what it found in each note (every toponym, attached to a claim or not) for
    the --rows file; it answers exactly as the geoparser does."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.found: dict[tuple[str, date | None], list[PlaceMention]] = {}

    def places(self, document: Document, doc: Any = None) -> list[PlaceMention]:
        out = self.inner.places(document, doc)
        self.found[(document.document_id, document.published)] = out
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def _mention_fields(m: PlaceMention) -> dict[str, Any]:
    p = m.place
    return {"text": m.span.text, "location": p.name if p else None, "admin1": p.admin1 if p else None,
            "country": p.country if p else None, "feature_code": p.feature_code if p else None,
            "latitude": p.lat if p else None, "longitude": p.lon if p else None, "method": m.method}


def _same_admin1(pipeline: Any, place: Place | None, gold: Any) -> bool:
    """The gold region's name, read through the gazetteer's name keys ("Nord-Kivu" = "North Kivu"), is the unit the
    place lies in."""
    if place is None or not place.admin1 or not gold:
        return False
    if place.admin1.lower() == str(gold).lower():
        return True
    gazetteer = getattr(getattr(pipeline, "geoparser", None), "gazetteer", None)
    if gazetteer is None or not place.admin1_code:
        return False
    return any(c.admin1_code == place.admin1_code and c.feature_code in ("ADM1", "ADM1H")
               for c in gazetteer.candidates(str(gold), limit=30))


def row_lines(records: Sequence[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The --rows file's lines: row, gold, system; for error analysis also the per-row hits, how many answers the
    note gave, and every toponym the geoparser found in the note (attached to a claim or not)."""
    for r in records:
        yield {"row": r["row"], "gold": r["gold"], "system": r["system"], "scores": r["scores"],
               "note_answers": r["note_answers"], "note_places": r["note_places"]}
