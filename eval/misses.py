"""Sort the misses of `frontwatch eval events … --rows ROWS.jsonl` by kind, field by field, with counts and examples.

    python eval/misses.py var/kenya-dev-rows.jsonl [--examples 3] [--json]

Each miss gets the first kind whose test holds, in the order listed per field (so borderline rows go to the earlier
kind). Only ever run it on rows you may read (the Kenya development split, 2004-2015), never on held-out rows.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from frontwatch.config import Settings
from frontwatch.evaluation import haversine, names_place, norm_name
from frontwatch.extract import ActorDictionary

VAGUE = re.compile(r"\b(?:several|dozens?|scores|many|numerous|a number of|some|few|hundreds|unknown number|"
                   r"unconfirmed|unspecified|undisclosed)\b", re.I)
NUMBER = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|twenty|thirty)\b",
                    re.I)
FORCES = re.compile(r"^(?:military|police) forces of (.+?)(?: \(.*\))?$", re.I)


def _near(a: dict[str, Any], gold: dict[str, Any], km: float = 25) -> bool:
    return a.get("latitude") is not None and haversine(
        float(gold["latitude"]), float(gold["longitude"]), a["latitude"], a["longitude"]) <= km


def place_kind(r: dict[str, Any], country_of: Callable[[str | None], str | None],
               in_gazetteer: Callable[[dict[str, Any]], bool] | None = None) -> str:
    g, s, places = r["gold"], r["system"], r.get("note_places") or []
    same_text = [m for m in places if norm_name(m["text"]) == norm_name(g["location"])]
    if s is None:
        return "no answer"
    if s["latitude"] is None:
        if any(_near(m, g) for m in places):
            return "no place attached, though the geoparser found the place (within 25 km)"
        if same_text:
            return "no place attached; the gold name resolved to a namesake or not at all"
        if any(m["admin1"] and norm_name(m["admin1"]) == norm_name(g["admin1"]) for m in places):
            return "no place attached; the geoparser found only its admin1 or another place in it"
        if in_gazetteer is not None and not in_gazetteer(g):
            return "no place attached; the gold name is not in the gazetteer (within 25 km of its point)"
        return "no place attached; the geoparser found nothing of it (gold name not recognised)"
    if country_of(s["country"]) != g.get("country"):
        return "wrong country"
    if s["feature_code"] == "ADM1" and r["scores"].get("admin1_acc"):
        return "the province instead of the place"
    got, want = norm_name(s["location"] or ""), norm_name(g["location"])
    if got == want or got.startswith(want + " "):
        return "the gold name, resolved to a namesake or to its district / county"
    if r["scores"].get("admin1_acc"):
        return "another point in the right admin1 (other place of the note, or a district point)"
    return "another place of the note, in another admin1"


def fatalities_kind(r: dict[str, Any]) -> str:
    g, s = r["gold"], r["system"]
    want, got = int(g.get("fatalities") or 0), (s or {}).get("fatalities", 0)
    if s is None:
        return "no answer"
    if VAGUE.search(g["notes"]):
        return "vague word in the note (ACLED's conservative figure)"
    if want > 0 and got == 0:
        if NUMBER.search(g["notes"]):
            return "missed count: the note has figures, none read as the toll"
        return "missed count: the note gives no figure (ACLED's came from the source)"
    if want == 0:
        return "spurious count (ACLED coded none)"
    return "counted too many (summed wrong, injured or others counted)" if got > want else \
        "counted too few (part of a list, or one of several figures)"


def actor_kind(r: dict[str, Any], role: str, actors: ActorDictionary) -> str:
    g, s = r["gold"], r["system"]
    if s is None:
        return "no answer"
    ordered = g["event_type"] == "Violence against civilians"
    roles = [role] if ordered else ["actor1", "actor2"]
    got = [(s[x], s["inter1" if x == "actor1" else "inter2"]) for x in roles if s[x]]
    if not got:
        return "missing (no actor named)"
    want_forces = FORCES.match(g[role] or "")
    for name, _ in got:
        m = FORCES.match(name)
        if want_forces and m and norm_name(m.group(1)) != norm_name(want_forces.group(1)):
            return "wrong country of state forces"
        if want_forces and name.lower() in ("state forces", "police forces"):
            return "state forces without their country"
    want_inter = int(g["inter1" if role == "actor1" else "inter2"] or 0)
    if want_inter and all(inter != want_inter for _, inter in got):
        return "wrong type (another inter code)"
    return "same type, another name"


def sort_misses(rows: list[dict[str, Any]], actors: ActorDictionary, gazetteer: Any = None
                ) -> dict[str, dict[str, list[int]]]:
    def country_of(iso: str | None) -> str | None:
        return actors.country_name(iso) if iso else None

    def in_gazetteer(g: dict[str, Any]) -> bool:
        return any(haversine(float(g["latitude"]), float(g["longitude"]), c.lat, c.lon) <= 25
                   for c in gazetteer.candidates(g["location"], limit=50) if c.lat is not None)

    out: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        sc, i = r["scores"], r["row"]
        if not sc.get("location_25km"):
            where = "place (note names it)" if names_place(r["gold"]) else "place (note does not name it)"
            out[where][place_kind(r, country_of, in_gazetteer if gazetteer else None)].append(i)
        if not sc.get("fatalities_exact"):
            out["fatalities"][fatalities_kind(r)].append(i)
        for role in ("actor1", "actor2"):
            if sc.get(f"{role}_acc") is False:
                out[role][actor_kind(r, role, actors)].append(i)
        if not sc.get("sub_event_type_acc"):
            s = r["system"]
            out["sub-type"][f"{r['gold']['sub_event_type']} → {s['sub_event_type'] if s else 'no answer'}"].append(i)
        if sc.get("date_exact_read") is False:
            days = (date.fromisoformat(r["system"]["event_date"]) - date.fromisoformat(r["gold"]["event_date"])).days
            out["date read from the text"][f"{days:+d} days"].append(i)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("rows", type=Path, help="a --rows file of `frontwatch eval events`")
    ap.add_argument("--examples", type=int, default=0, help="print this many notes per kind (start of the note)")
    ap.add_argument("--top", type=int, default=12, help="kinds shown per field (most frequent first)")
    ap.add_argument("--json", action="store_true", help="kinds and row numbers as JSON")
    ap.add_argument("--gazetteer", type=Path, default=None,
                    help="gazetteer index (default: the configured one, if built) to tell unknown names apart")
    args = ap.parse_args(argv)
    if not args.rows.exists():
        print(f"no such file: {args.rows} (make it with `frontwatch eval events FILE --rows {args.rows}`)",
              file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in args.rows.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_row = {r["row"]: r for r in rows}
    gazetteer = None
    path = args.gazetteer or Settings.from_env().gazetteer_path
    if path.exists():
        from frontwatch.geocode import Gazetteer

        gazetteer = Gazetteer.open(path)
    misses = sort_misses(rows, ActorDictionary.load(), gazetteer)
    if args.json:
        print(json.dumps({f: dict(k) for f, k in misses.items()}))
        return 0
    print(f"{len(rows)} rows")
    for field, kinds in misses.items():
        total = sum(len(v) for v in kinds.values())
        print(f"\n{field}: {total} misses")
        for kind, ids in Counter({k: len(v) for k, v in kinds.items()}).most_common(args.top):
            print(f"  {ids:5d}  {kind}   e.g. rows {', '.join(map(str, kinds[kind][:5]))}")
            for i in kinds[kind][:args.examples]:
                r = by_row[i]
                s = r["system"] or {}
                print(f"         [{i}] {r['gold']['notes'][:160]!r}\n"
                      f"              gold: {r['gold']['location']} / {r['gold']['fatalities']} / "
                      f"{r['gold']['actor1']} / {r['gold']['actor2']}   system: {s.get('location')} "
                      f"({s.get('country')}) / {s.get('fatalities')} / {s.get('actor1')} / {s.get('actor2')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
