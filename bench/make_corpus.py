"""Generate a synthetic corpus of conflict reports of any size, from templates over gazetteer places,
actors and event types, so the benchmarks need no outside data.

    python bench/make_corpus.py --out bench/out/corpus --n 400 [--data ../shared/data]

Places come from the GeoNames country file of the data folder (towns that are district seats, and their
provinces); the texts are ~250–450 words of news-style prose mixing event sentences with background sentences.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path

ACTORS_STATE = ["government forces", "the army", "security forces", "police", "the national army"]
ACTORS_NONSTATE = [
    "the Taliban", "militants", "rebel fighters", "insurgents", "resistance fighters", "Islamic State fighters",
]
OUTLETS = ["example-news.org", "wire-service.net", "daily-observer.com", "frontier-times.org", "valley-post.net"]
EVENTS = [
    "{a} captured {p} district of {prov} province on {d} after heavy fighting with {b}.",
    "{p}, a district in {prov}, fell to {a} {rel}, local officials said.",
    "Fighting raged between {a} and {b} in {p} {rel}, leaving at least {n} people dead.",
    "{a} shelled positions held by {b} near {p} in {prov} province on {d}, killing {n} civilians.",
    "An airstrike hit a compound in {p} district {rel}, killing {n} fighters, a spokesman for {b} said.",
    "{a} retook {p} from {b} on {d}, according to residents.",
    "A roadside bomb exploded in {p}, {prov} province, {rel}, wounding {n} people.",
    "Gunmen abducted {n} aid workers in {p} district on {d}, police said.",
    "Hundreds of people protested in {p} on {d} against rising prices.",
    "{a} arrested {n} suspected militants in {p} {rel}.",
    "Some reports suggested {p} had not yet been captured by {a}.",
    "Clashes between {a} and {b} in {p} killed or injured roughly {n} fighters {rel}.",
]
BACKGROUND = [
    "The district lies on a main road linking the provincial capital with the north of the country.",
    "Residents described long queues at bakeries and fuel stations as prices rose sharply.",
    "Aid agencies said thousands of families had left their homes in recent weeks.",
    "The provincial governor's office did not respond to requests for comment.",
    "Officials said talks between elders and commanders were continuing.",
    "Schools and clinics in the area have been closed since the start of the month.",
    "Videos shared online showed columns of pickup trucks moving along the highway.",
    "Analysts said the area has changed hands several times over the past two decades.",
    "Mobile phone networks were cut for several hours, residents said.",
    "The United Nations called on all sides to protect civilians and allow aid to reach those in need.",
]
RELATIVE = ["yesterday", "on Friday", "on Thursday", "last week", "early on Monday", "this week"]


def load_places(data: Path) -> list[tuple[str, str]]:
    admin1: dict[str, str] = {}
    for line in (data / "geonames-af" / "admin1CodesASCII_AF.txt").read_text(encoding="utf-8").splitlines():
        code, _name, ascii_name, _gid = line.split("\t")
        admin1[code.split(".")[1]] = ascii_name
    places = []
    for line in (data / "geonames-af" / "AF_cities500.txt").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if cols[7] in ("PPLA2", "PPLA") and cols[10] in admin1:
            places.append((cols[2], admin1[cols[10]]))
    return places


def make_report(rng: random.Random, places: list[tuple[str, str]], published: date) -> str:
    _, title_prov = rng.choice(places)
    lines = [f"Fighting reported across {title_prov} as districts change hands"]
    for _ in range(rng.randint(4, 7)):
        para = []
        for _ in range(rng.randint(1, 2)):
            p, prov = rng.choice(places)
            a, b = rng.choice(ACTORS_NONSTATE + ACTORS_STATE), rng.choice(ACTORS_STATE + ACTORS_NONSTATE)
            d = published - timedelta(days=rng.randint(0, 6))
            sent = rng.choice(EVENTS).format(
                a=a, b=b, p=p, prov=prov, n=rng.randint(2, 60), d=d.strftime("%B %-d"), rel=rng.choice(RELATIVE)
            )
            para.append(sent[0].upper() + sent[1:])
        para.extend(rng.sample(BACKGROUND, rng.randint(2, 4)))
        lines.append(" ".join(para))
    lines.append(f"source: {rng.choice(OUTLETS)}")
    return "\n\n".join(lines)


def generate(out: Path, n: int, data: Path, seed: int = 0) -> list[Path]:
    rng = random.Random(seed)
    places = load_places(data)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n):
        published = date(2021, 8, 1) + timedelta(days=rng.randint(0, 30))
        path = out / f"report-{i:06d}.txt"
        path.write_text(make_report(rng, places, published), encoding="utf-8")
        path.with_suffix(".meta.json").write_text(json.dumps({"published": published.isoformat()}), encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path("bench/out/corpus"))
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = ap.parse_args()
    files = generate(args.out, args.n, args.data, args.seed)
    words = sum(len(f.read_text(encoding="utf-8").split()) for f in files)
    print(f"{len(files)} reports, {words} words in {args.out}")


if __name__ == "__main__":
    main()
