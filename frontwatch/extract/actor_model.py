"""A learned fallback for the doer of violence the rules leave unnamed: a text classifier over the report that picks
ACLED's generic kind of armed doer (an unidentified armed group, a communal militia, the police, the military).

Opt-in: set FRONTWATCH_ACTOR_MODEL to a model file built by

    python -m frontwatch.extract.actor_model ROWS.jsonl --years 2004-2015 --out own/actor-model.pkl

from ACLED-format rows (their notes and actor1). Without it the rules alone answer. It only ever replaces a doer the
rules defaulted (ACLED's "Unidentified armed group" or a "Communal militia" read from raiding words), never a doer the
text names, and only with a generic kind (no named group: a name learned from one country's notes would be wrong in
another's).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from frontwatch.model import Actor

# The generic doers it may answer, by the class it learns (the gold actor1's kind).
KINDS: dict[str, Actor] = {
    "unidentified": Actor("Unidentified armed group", 3),
    "communal": Actor("Communal militia", 4),
    "police": Actor("Police forces", 1),
    "military": Actor("State forces", 1),
}
# Below this probability the rules' default stands.
THRESHOLD = 0.6


def kind_of(actor1: str | None) -> str:
    """The generic kind of an ACLED actor1 name ("Police Forces of Kenya (2013-)" → police, "X Ethnic Militia" →
    communal); "other" for named groups, crowds and civilians."""
    name = (actor1 or "").lower()
    if name.startswith("police forces of"):
        return "police"
    if name.startswith("military forces of"):
        return "military"
    if name.startswith("unidentified armed group"):
        return "unidentified"
    if "ethnic militia" in name or "communal militia" in name:
        return "communal"
    return "other"


@dataclass(frozen=True)
class ActorModel:
    vectorizer: Any
    classifier: Any
    meta: dict[str, Any]

    def predict(self, text: str) -> tuple[str, float]:
        probs = self.classifier.predict_proba(self.vectorizer.transform([text]))[0]
        best = int(probs.argmax())
        return str(self.classifier.classes_[best]), float(probs[best])

    def doer(self, text: str, rules: Actor) -> Actor:
        """The learned kind of doer where it is sure enough and generic, else the rules' default."""
        kind, p = self.predict(text)
        found = KINDS.get(kind)
        return found if found is not None and p >= THRESHOLD else rules


def train(rows: list[dict[str, Any]]) -> ActorModel:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    # one row per note (ACLED splits a note into rows per place; the doer is the note's)
    notes = {str(r.get("notes") or ""): kind_of(r.get("actor1")) for r in rows if r.get("notes")}
    texts, labels = list(notes), list(notes.values())
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    classifier = LogisticRegression(C=5, max_iter=2000).fit(vectorizer.fit_transform(texts), labels)
    return ActorModel(vectorizer, classifier, {"notes": len(texts)})


def parts(model: ActorModel, **meta: Any) -> dict[str, Any]:
    """What a model file holds."""
    return {"vectorizer": model.vectorizer, "classifier": model.classifier, "meta": {**model.meta, **meta}}


@cache
def _load(path: str) -> ActorModel:
    with open(path, "rb") as f:
        # a model file the user built and named; plain parts, so the file does not depend on where the class lives
        parts = pickle.load(f)
    return ActorModel(parts["vectorizer"], parts["classifier"], parts["meta"])


def loaded() -> ActorModel | None:
    """The model FRONTWATCH_ACTOR_MODEL names, if any."""
    path = os.environ.get("FRONTWATCH_ACTOR_MODEL")
    return _load(path) if path else None


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("rows", type=Path)
    ap.add_argument("--years", required=True, help="FIRST-LAST: train on these years only (never a held-out split)")
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args(argv)
    first, last = (int(y) for y in a.years.split("-"))
    rows = [r for line in a.rows.read_text("utf-8").splitlines() if line.strip()
            for r in [json.loads(line)] if first <= int(str(r["event_date"])[:4]) <= last]
    model = train(rows)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    with open(a.out, "wb") as f:
        pickle.dump(parts(model, years=a.years), f)
    print(f"{a.out}: {model.meta['notes']} notes, years {a.years}")


if __name__ == "__main__":
    main()
