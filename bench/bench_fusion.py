"""Fusion time and memory against claim count (default 10,000, 100,000 and 1,000,000 synthetic claims).

The claims look like a real corpus at scale: ~5 claims per report, ~3 claims per happening, districts in proportion
to the corpus (~250 claims per district, in 34 provinces) over two years, outlets of every kind, relayed posts,
syndicated copies (2 % of reports), denials (3 %), hedged claims, multi-day ranges, territory claims. Each size runs
in a fresh process, so the peak resident memory (the process's high-water mark) is that size's own; also reported:
the peak during fusion above the memory the generated claims already take. Target: 10× more claims take at most 12×
the time.

Single timings on these shared 2-core machines vary by ±6 % at a million claims, which moves a tenfold ratio by
±1.3. So each size is timed `--repeats` times (default 3), the sizes interleaved so that a slow spell of the machine
falls on all of them alike, and the ratio is taken between median times; the lowest and highest ratio between runs
of the same round are reported beside it.

    python bench/bench_fusion.py [--sizes 10000 100000 1000000] [--repeats 3]

`run(sizes, repeats) -> list[dict]` gives the rows for the suite's table (bench/run.py).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from frontwatch.model import (  # noqa: E402
    EVENT_TYPES,
    Actor,
    ActorRole,
    Certainty,
    Claim,
    Count,
    CountKind,
    Document,
    Place,
    PlaceMention,
    Source,
    SourceKind,
    Span,
    TimeSpan,
    stable_id,
)

START, DAYS = date(2020, 1, 1), 730
ACTORS = [Actor("Government forces", 1), Actor("Insurgents A", 2), Actor("Insurgents B", 2),
          Actor("Militia C", 3), Actor("Civilians", 7)]
# A vocabulary the size of a news corpus's working one, so report texts overlap like real ones (rarely by chance).
WORDS = [a + b + c for a in "bdfgklmnprstvz" for b in ("a", "e", "i", "o", "u", "ai", "ou") for c in
         ("n", "r", "s", "l", "m", "t", "k", "d", "ng", "sh", "", "x", "nt", "rd", "ld", "st", "p", "b", "v", "z")
         ]
KINDS = [SourceKind.OUTLET] * 6 + [SourceKind.OFFICIAL, SourceKind.LOCAL, SourceKind.SOCIAL_MEDIA, SourceKind.UNNAMED]


def _places(rng: random.Random, n_units: int) -> list[Place]:
    out = []
    for k in range(n_units):
        a1, a2 = k % 34, k // 34
        out.append(Place(f"District {a1}-{a2}", 100_000 + k, "ADM2", "XX", f"Province {a1}", f"XX.{a1:02d}",
                         f"District {a1}-{a2}", f"XX.{a1:02d}.{a2:04d}", 30 + a1 * 0.2 + rng.random() * 0.1,
                         60 + (a2 % 40) * 0.3 + rng.random() * 0.1, 2))
    return out


def generate(n: int, seed: int = 7) -> tuple[list[Claim], dict[str, Document]]:
    """`n` claims in n/5 reports about ~n/3 happenings, reproducibly."""
    rng = random.Random(seed)
    # Districts grow with the corpus (a bigger corpus covers more ground), so the density of happenings per
    # district-day, and so the shape of the work, stays the same from one size to the next.
    places = _places(rng, max(34, round(n / 250)))
    outlets = [(f"outlet-{i}.example", KINDS[i % len(KINDS)]) for i in range(max(20, n // 2000))]
    posts = [f"Account {i}" for i in range(max(10, n // 5000))]
    subs = [(t, s) for t, ss in EVENT_TYPES.items() for s in ss]
    claims: list[Claim] = []
    documents: dict[str, Document] = {}
    texts: list[str] = []
    i = 0
    while len(claims) < n:
        publisher, kind = outlets[rng.randrange(len(outlets))]
        if texts and rng.random() < 0.02:
            text = texts[rng.randrange(len(texts))] + f"\nRepublished by {publisher}."  # a syndicated copy
        else:
            text = f"Report {i}. " + " ".join(rng.choice(WORDS) for _ in range(60))
            texts.append(text)
        doc_id = stable_id("doc", i, publisher)
        day0 = START + timedelta(days=rng.randrange(DAYS))
        documents[doc_id] = Document(doc_id, text, f"bench/{i}.txt", "text", publisher=publisher, published=day0)
        for k in range(min(5, n - len(claims))):
            # Most claims are about a happening other reports also cover (~3 claims each); some are one-offs.
            h = rng.randrange(n // 3) if rng.random() < 0.8 else None
            hr = random.Random(h if h is not None else rng.random())
            place = places[hr.randrange(len(places))]
            event_type, sub = subs[hr.randrange(len(subs))] if hr.random() < 0.7 else (
                "Battles", hr.choice(["Armed clash", "Non-state actor overtakes territory",
                                      "Government regains territory"]))
            a1, a2 = hr.sample(ACTORS, 2)
            low = START + timedelta(days=hr.randrange(DAYS)) if h is not None else day0
            high = low + timedelta(days=hr.randrange(1, 6)) if hr.random() < 0.05 else low
            r = rng.random()
            certainty = (Certainty.DENIED if r < 0.03 else Certainty.HEDGED if r < 0.1
                         else Certainty.REPORTED if r < 0.4 else Certainty.ASSERTED)
            sources: tuple[Source, ...] = (Source(publisher, kind, (publisher,)),)
            if certainty == Certainty.REPORTED and rng.random() < 0.5:
                post = posts[rng.randrange(len(posts))]
                sources += (Source(post, SourceKind.SOCIAL_MEDIA, (publisher, post)),)
            killed = rng.randrange(0, 30) if rng.random() < 0.4 else None
            counts = (Count(CountKind.KILLED, killed, killed, killed, "exact"),) if killed is not None else ()
            claims.append(Claim(
                claim_id=stable_id(doc_id, k), document_id=doc_id, sentence=Span(0, 10, text[:10]),
                event_type=event_type, sub_event_type=sub, trigger=None,
                actors=(ActorRole("actor1", a1), ActorRole("actor2", a2)),
                places=(PlaceMention(Span(0, 1, "x"), place, 1.0, "bench"),),
                time=TimeSpan(low, high, 1), counts=counts, sources=sources, certainty=certainty,
                fatalities_acled=killed or 0,
            ))
        i += 1
    return claims, documents


def _rss_mb() -> float:
    with open("/proc/self/statm") as fp:
        return int(fp.read().split()[1]) * resource.getpagesize() / 2**20


def _peak_mb() -> float:
    """This process's peak resident memory. Not `ru_maxrss`: Linux carries that across exec from the process that
    forked it, so a child of a big parent reports the parent's peak."""
    with open("/proc/self/status") as fp:
        return next(int(line.split()[1]) for line in fp if line.startswith("VmHWM:")) / 1024


def measure(n: int) -> dict[str, Any]:
    """Fuse `n` synthetic claims in this process: seconds, events, peak memory above the generated input."""
    from frontwatch.fuse import fuse

    claims, documents = generate(n)
    before = _rss_mb()
    t = time.perf_counter()
    result = fuse(claims, documents)
    seconds = time.perf_counter() - t
    peak = _peak_mb()
    return {"claims": n, "documents": len(documents), "seconds": seconds, "events": len(result.events),
            "control_states": len(result.control), "sources": len(result.reliability),
            "input_mb": before, "fusion_peak_mb": max(0.0, peak - before), "peak_rss_mb": peak}


def _measure_in_child(n: int) -> dict[str, Any]:
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--one", str(n)], capture_output=True,
                         text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(sizes: Sequence[int] = (10_000, 100_000, 1_000_000), repeats: int = 3) -> list[dict[str, Any]]:
    """One row per size (median time, events, memory) and one per tenfold step (ratio of median times against the
    12× target, with the range of the per-round ratios)."""
    sizes = sorted(sizes)
    rounds = [[_measure_in_child(n) for n in sizes] for _ in range(max(1, repeats))]
    rows: list[dict[str, Any]] = []
    medians = []
    for k, n in enumerate(sizes):
        runs = [r[k] for r in rounds]
        seconds = statistics.median(r["seconds"] for r in runs)
        medians.append(seconds)
        r = runs[0]
        spread = f" (runs {min(x['seconds'] for x in runs):.2f}–{max(x['seconds'] for x in runs):.2f} s)" \
            if len(runs) > 1 else ""
        rows.append({"figure": f"fuse {n:,} claims ({r['documents']:,} reports)",
                     "value": f"{seconds:.2f} s{spread} → {r['events']:,} events, {r['control_states']:,} control "
                              f"states; peak {max(x['peak_rss_mb'] for x in runs):.0f} MB "
                              f"({max(x['fusion_peak_mb'] for x in runs):.0f} MB above input)",
                     "target": ""})
    for k in range(1, len(sizes)):
        factor = sizes[k] / sizes[k - 1]
        per_round = [r[k]["seconds"] / r[k - 1]["seconds"] for r in rounds]
        spread = f" (rounds {min(per_round):.1f}–{max(per_round):.1f}×)" if len(rounds) > 1 else ""
        rows.append({"figure": f"time {sizes[k]:,} / {sizes[k - 1]:,} claims ({factor:.0f}× claims)",
                     "value": f"{medians[k] / medians[k - 1]:.1f}×{spread}", "target": f"≤ {1.2 * factor:.0f}×"})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--repeats", type=int, default=3, help="timings per size (the median counts)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # measure one size in this process (JSON out)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    for row in run(args.sizes, args.repeats):
        print(f"| {row['figure']} | {row['value']} | {row['target']} |")


if __name__ == "__main__":
    main()
