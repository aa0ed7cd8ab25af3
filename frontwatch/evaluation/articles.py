"""Whole articles: each run as one report, fused as a corpus, the system's events matched one-to-one to hand-coded
gold events (strict, type-only, place-only), with field accuracy, false alarms and miss kinds."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from frontwatch.evaluation.acled import _int, _km, actor_key, haversine, norm_name
from frontwatch.model import (
    Claim,
    Document,
    Event,
    EventStatus,
)

# --- whole articles --------------------------------------------------------------------------------------------------

ARTICLE_DAYS = 1  # a system event matches a gold event within this many days …
ARTICLE_KM = 25.0  # … and this close (or in the same admin2, where the gold event names one)
_MATCH_MODES = ("strict", "type_only", "place_only")


@dataclass(frozen=True)
class GoldEvent:
    """One event a coder recorded, with the articles that report it (the same event coded from two articles of the
    set is one gold event of the corpus)."""

    index: int  # order of first appearance in the gold file
    articles: tuple[str, ...]
    row: dict[str, Any]

    @property
    def day(self) -> date:
        return date.fromisoformat(str(self.row["event_date"])[:10])


def read_article_gold(path: Any) -> list[dict[str, Any]]:
    """The gold file: one article a line ({"id", "dataset", "published", "violence", "events": [...]})."""
    import json
    from pathlib import Path

    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            date.fromisoformat(str(obj["published"]))
            if not isinstance(obj["id"], str) or not isinstance(obj["dataset"], str) or not isinstance(
                    obj["events"], list):
                raise TypeError("id and dataset must be strings, events a list")
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{n}: not a gold article ({type(exc).__name__}: {exc})") from exc
        out.append(obj)
    return out


def load_articles(gold: Sequence[dict[str, Any]], data_dir: Any) -> dict[str, str]:
    """The text of every article the gold names, read from its dataset file under `data_dir` (JSON lines, gzipped
    or not, each {"id", "text", ...}). Raises LookupError naming what is missing."""
    import gzip
    import json
    from pathlib import Path

    wanted: dict[str, set[str]] = {}
    for a in gold:
        wanted.setdefault(a["dataset"], set()).add(a["id"])
    texts: dict[str, str] = {}
    for dataset, ids in sorted(wanted.items()):
        path = Path(data_dir) / dataset
        if not path.exists():
            raise LookupError(f"no dataset file {path}")
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.strip() and (obj := json.loads(line)).get("id") in ids:
                    texts[obj["id"]] = str(obj["text"])
        if missing := sorted(ids - texts.keys()):
            raise LookupError(f"{path} has no article {', '.join(missing[:5])}")
    return texts


def gold_events(gold: Sequence[dict[str, Any]]) -> list[GoldEvent]:
    """The corpus's gold events: an event coded from several articles (same type, day and place within
    ARTICLE_KM) counts once, reported by all of them. Two events of one article are always two (ACLED's one place
    per event)."""
    out: list[GoldEvent] = []
    for a in gold:
        for row in a["events"]:
            same = next((g for g in out if a["id"] not in g.articles and g.row["event_type"] == row["event_type"]
                         and str(g.row["event_date"])[:10] == str(row["event_date"])[:10]
                         and haversine(float(g.row["latitude"]), float(g.row["longitude"]),
                                       float(row["latitude"]), float(row["longitude"])) <= ARTICLE_KM), None)
            if same is None:
                out.append(GoldEvent(len(out), (a["id"],), row))
            elif a["id"] not in same.articles:
                out[same.index] = dataclasses.replace(same, articles=(*same.articles, a["id"]))
    return out


def _near(g: GoldEvent, e: Event) -> bool:
    km = _km(g.row, e.place)
    if km is not None and km <= ARTICLE_KM:
        return True
    gold2 = g.row.get("admin2")
    return bool(gold2 and e.place.admin2 and norm_name(gold2) == norm_name(e.place.admin2))


def _fits(mode: str, g: GoldEvent, e: Event, from_articles: set[str]) -> bool:
    """May system event `e` (made from claims of `from_articles`) stand for gold event `g` under `mode`? Every mode
    asks that the event come from an article reporting `g`."""
    if not from_articles.intersection(g.articles):
        return False
    same_type = e.event_type == g.row["event_type"]
    if mode == "type_only":
        return same_type
    if mode == "place_only":
        return _near(g, e)
    return same_type and _near(g, e) and abs((e.event_date - g.day).days) <= ARTICLE_DAYS


def _cost(g: GoldEvent, e: Event) -> float:
    """Among fitting pairs, prefer the closer one in place, then in days, then by type and sub-type."""
    km = _km(g.row, e.place)
    return (min(km, 2e4) if km is not None else 2e4) / 2e4 + abs((e.event_date - g.day).days) / 1e3 + (
        (e.event_type != g.row["event_type"]) + (e.sub_event_type != g.row["sub_event_type"])) / 10


def match_events(golds: Sequence[GoldEvent], events: Sequence[Event], origin: dict[str, set[str]], mode: str
                 ) -> dict[int, int]:
    """One-to-one matching of gold events to system events (gold index → event index): as many pairs as `mode`
    allows, then the closest (Hungarian over the fitting pairs)."""
    if not golds or not events:
        return {}
    from scipy.optimize import linear_sum_assignment

    big = 1e6
    fits = [[_fits(mode, g, e, origin[e.event_id]) for e in events] for g in golds]
    cost = [[_cost(g, e) if fits[i][j] else big for j, e in enumerate(events)] for i, g in enumerate(golds)]
    return {int(i): int(j) for i, j in zip(*linear_sum_assignment(cost), strict=True) if fits[int(i)][int(j)]}


def _same_actors(row: dict[str, Any], e: Event, actors: Any) -> dict[str, bool | None]:
    """actor1 / actor2 right (None where the gold leaves it empty); order counts only for violence against
    civilians, as in ACLED."""
    ordered = row["event_type"] == "Violence against civilians"
    got = {r: actor_key(actors, x.name if (x := getattr(e, r)) else None) for r in ("actor1", "actor2")}
    out: dict[str, bool | None] = {}
    for role in ("actor1", "actor2"):
        want = actor_key(actors, row.get(role))
        out[role] = None if not want else want in ({got[role]} if ordered else set(got.values()))
    return out


def miss_kind(g: GoldEvent, events: Sequence[Event], origin: dict[str, set[str]], free: set[int]) -> str:
    """Why a gold event has no strict match, judged on the events of its articles still unmatched: none at all;
    one right but for the type, the place or the date; or none within one field of it."""
    own = [j for j in sorted(free) if origin[events[j].event_id].intersection(g.articles)]
    if not own:
        return "no event from the article"
    for j in own:
        e = events[j]
        right = (e.event_type == g.row["event_type"], _near(g, e),
                 abs((e.event_date - g.day).days) <= ARTICLE_DAYS)
        if sum(right) == 2:
            return ("wrong type", "wrong place", "wrong date")[right.index(False)]
    return "no event close to it"


def score_articles(gold: Sequence[dict[str, Any]], events: Sequence[Event], origin: dict[str, set[str]],
                   actors: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Precision and recall of the system's events against the gold events, strictly (type, place ≤ 25 km or same
    admin2, day ± 1) and by type or place alone; the fields of the strict matches; false alarms from the articles
    that report no violence; the misses by kind. Returns the figures and one record per gold event (then one per
    unmatched system event), for --rows."""
    golds = gold_events(gold)
    quiet_articles = {a["id"] for a in gold if not a.get("violence", True) or not a["events"]}
    out: dict[str, Any] = {"articles": len(gold), "articles_without_violence": len(quiet_articles),
                           "gold_events": len(golds), "system_events": len(events)}

    def share(k: int, n: int) -> float | None:
        return round(k / n, 3) if n else None

    matches = {mode: match_events(golds, events, origin, mode) for mode in _MATCH_MODES}
    for mode, m in matches.items():
        prefix = "" if mode == "strict" else f"{mode}_"
        out[f"{prefix}matched"] = len(m)
        out[f"{prefix}precision"] = share(len(m), len(events))
        out[f"{prefix}recall"] = share(len(m), len(golds))
    strict = matches["strict"]
    # Fields of the matched events: type, place and day ±1 hold by construction under the strict matching, so they
    # are scored on the looser ones (type on the place matches, place on the type matches).
    fields: dict[str, list[bool]] = {k: [] for k in ("sub_event_type", "date_exact", "actor1", "actor2",
                                                    "fatalities_exact")}
    for i, j in strict.items():
        g, e = golds[i], events[j]
        fields["sub_event_type"].append(e.sub_event_type == g.row["sub_event_type"])
        fields["date_exact"].append(e.event_date == g.day)
        fields["fatalities_exact"].append(e.fatalities == (_int(g.row.get("fatalities")) or 0))
        for role, ok in _same_actors(g.row, e, actors).items():
            if ok is not None:
                fields[role].append(ok)
    for k, v in fields.items():
        out[f"matched_{k}_acc"] = share(sum(v), len(v))
    place_pairs = matches["place_only"]
    out["place_matched_type_acc"] = share(sum(events[j].event_type == golds[i].row["event_type"]
                                              for i, j in place_pairs.items()), len(place_pairs))
    type_pairs = matches["type_only"]
    out["type_matched_place_acc"] = share(sum(_near(golds[i], events[j]) for i, j in type_pairs.items()),
                                          len(type_pairs))
    # False alarms: events made only from articles that report no violence.
    alarms = [e for e in events if origin[e.event_id] and origin[e.event_id] <= quiet_articles]
    out["false_alarms"] = len(alarms)
    out["false_alarm_articles"] = len({a for e in alarms for a in origin[e.event_id]})
    by_kind: dict[str, list[bool]] = {}
    for i, g in enumerate(golds):
        by_kind.setdefault(str(g.row.get("kind") or "lead"), []).append(i in strict)
    for kind, hits in sorted(by_kind.items()):
        out[f"recall_{kind}"] = share(sum(hits), len(hits))
    free = set(range(len(events))) - set(strict.values())
    misses: dict[str, int] = {}
    records: list[dict[str, Any]] = []
    for i, g in enumerate(golds):
        j = strict.get(i)
        how = "strict" if j is not None else None
        for mode in ("type_only", "place_only"):
            if j is None and i in matches[mode]:
                j, how = matches[mode][i], mode
        miss = None if i in strict else miss_kind(g, events, origin, free)
        if miss:
            misses[miss] = misses.get(miss, 0) + 1
        records.append({"row": i, "articles": list(g.articles), "gold": g.row, "match": how, "miss": miss,
                        "system": _event_fields(events[j], origin) if j is not None else None})
    out["misses"] = dict(sorted(misses.items(), key=lambda kv: -kv[1]))
    matched_any = {j for m in matches.values() for j in m.values()}
    for j, e in enumerate(events):
        if j not in matched_any:
            records.append({"row": None, "articles": sorted(origin[e.event_id]), "gold": None, "match": None,
                            "miss": None, "system": _event_fields(e, origin)})
    return out, records


def _event_fields(e: Event, origin: dict[str, set[str]]) -> dict[str, Any]:
    p = e.place
    return {"event_type": e.event_type, "sub_event_type": e.sub_event_type,
            "actor1": e.actor1.name if e.actor1 else None, "actor2": e.actor2.name if e.actor2 else None,
            "location": p.name, "admin1": p.admin1, "admin2": p.admin2, "country": p.country,
            "latitude": p.lat, "longitude": p.lon, "geo_precision": p.geo_precision, "fatalities": e.fatalities,
            "event_date": e.event_date.isoformat(), "status": str(e.status), "confidence": e.confidence,
            "articles": sorted(origin[e.event_id]), "claim_ids": list(e.claim_ids)}


def evaluate_articles(gold: Sequence[dict[str, Any]], texts: dict[str, str], pipeline: Any, actors: Any,
                      settings: Any, rules: Any = None, progress: Callable[[], None] | None = None
                      ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Every gold article read as `frontwatch run` reads a JSON-lines report ({"text", "published", "title"}: the
    ingest's cleaning included), through the pipeline, all fused together as one corpus; then `score_articles`."""
    import json
    import tempfile
    from pathlib import Path

    from frontwatch.fuse import fuse
    from frontwatch.ingest import iter_inputs

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("".join(json.dumps({"text": texts[a["id"]], "published": a["published"], "title": a["id"]})
                                + "\n" for a in gold), encoding="utf-8")
        docs = list(iter_inputs([str(path)], settings))
    rejected = [d for d in docs if not isinstance(d, Document)]
    if rejected:
        raise ValueError(f"{len(rejected)} articles rejected by the ingest: {rejected[0].detail}")
    article_of = {d.document_id: d.title or "" for d in docs if isinstance(d, Document)}
    claims: list[Claim] = []
    documents: dict[str, Document] = {}
    for d, found in pipeline.process(d for d in docs if isinstance(d, Document)):
        documents[d.document_id] = d
        claims.extend(found or [])
        if progress:
            progress()
    result = fuse(claims, documents, rules=rules)
    doc_of = {c.claim_id: c.document_id for c in claims}
    origin = {e.event_id: {article_of[doc_of[i]] for i in (*e.claim_ids, *e.contradicting_claim_ids) if i in doc_of}
              for e in result.events}
    # A denied event is the system saying it did not happen: not one of its answers.
    events = sorted((e for e in result.events if e.status != EventStatus.DENIED),
                    key=lambda e: (e.event_date, e.event_id))
    r, records = score_articles(gold, events, origin, actors)
    r["denied_events"] = sum(e.status == EventStatus.DENIED for e in result.events)
    return r, records
