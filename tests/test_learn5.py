"""Learned event typing from ACLED notes: the classifier trains on coded notes of development years beside the
CASE snippets (`frontwatch train --acled FILE --years FIRST-LAST`). Every sentence here is invented."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

from frontwatch.extract.classify import read_acled_notes
from frontwatch.model import NOT_AN_EVENT

ROOT = Path(__file__).resolve().parents[1]

SNIPPETS = [
    ("Warplanes bombed the village, killing civilians.", "Air/drone strike"),
    ("A drone strike hit a car carrying militants.", "Air/drone strike"),
    ("Jets carried out airstrikes on rebel positions.", "Air/drone strike"),
    ("Thousands marched peacefully through the capital demanding reforms.", "Peaceful protest"),
    ("Students held a peaceful sit-in outside parliament.", "Peaceful protest"),
    ("Demonstrators rallied in the square chanting slogans.", "Peaceful protest"),
    ("Floods destroyed hundreds of homes after heavy rain.", NOT_AN_EVENT),
    ("The ministers met to discuss trade and tariffs.", NOT_AN_EVENT),
    ("An earthquake struck the region, damaging roads.", NOT_AN_EVENT),
]


def _row(note: str, sub: str, day: str, place: str = "Alpha") -> dict:
    return {"notes": note, "sub_event_type": sub, "event_date": day, "location": place}


ROWS = [
    # one note ACLED split over two places: one training snippet
    _row("Farmhands caught two men they took for bicycle thieves and beat them dead.", "Mob violence", "2010-03-02"),
    _row("Farmhands caught two men they took for bicycle thieves and beat them dead.", "Mob violence", "2010-03-02",
         "Beta"),
    _row("An angry crowd beat a man accused of stealing a goat until he died.", "Mob violence", "2011-07-09"),
    _row("Residents stoned a suspected burglar to death at the market.", "Mob violence", "2012-01-15"),
    _row("A mob set upon a suspected pickpocket and killed him.", "Mob violence", "2013-05-20"),
    # rows of one note that disagree: several events, no single label, left out
    _row("Youths clashed with herders and later marched to the chief's office.", "Armed clash", "2012-02-02"),
    _row("Youths clashed with herders and later marched to the chief's office.", "Peaceful protest", "2012-02-02"),
    # a held-out year: never read
    _row("Traders lynched a suspected thief near the bus stage.", "Mob violence", "2017-04-04"),
]


def _write(path: Path, lines: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    return path


def test_acled_notes_train_once_each_within_the_years(tmp_path: Path) -> None:
    texts, labels = read_acled_notes(_write(tmp_path / "rows.jsonl", ROWS), (2004, 2015))
    assert sorted(texts) == sorted({r["notes"] for r in ROWS[:6] if r["sub_event_type"] == "Mob violence"})
    assert len(texts) == 4 and set(labels) == {"Mob violence"}
    assert not any("bus stage" in t for t in texts)  # 2017: outside the years asked for
    assert not any("chief" in t for t in texts)  # its rows disagree


def test_train_reads_acled_notes_beside_snippets_and_needs_years(tmp_path: Path) -> None:
    snippets = _write(tmp_path / "snippets.jsonl",
                      [{"text": t, "sub_event_type": None if lab == NOT_AN_EVENT else lab} for t, lab in SNIPPETS])
    rows = _write(tmp_path / "rows.jsonl", ROWS)
    model = tmp_path / "m.pkl"
    cmd = [sys.executable, "-m", "frontwatch", "train", "--data", str(snippets), "--acled", str(rows),
           "--out", str(model), "--folds", "3", "--quiet"]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode != 0 and "--years" in out.stderr and not model.exists()  # held-out years must be kept out
    out = subprocess.run([*cmd, "--years", "2004-2015"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    with open(model, "rb") as fh:
        data = pickle.load(fh)
    sources = data["meta"]["sources"]
    assert [s.get("n") for s in sources] == [len(SNIPPETS), 4] and sources[1]["years"] == [2004, 2015]
    # a sub-type the snippets never show, learned from the notes
    assert "Mob violence" in list(data["model"].classes_)


def test_snippets_alone_decide_whether_a_text_is_an_event() -> None:
    """Coded notes are all events; trained with a gate, the notes teach which event and the snippets alone
    whether there is one, so a disaster stays no event however many notes of violence the model read."""
    from frontwatch.extract.classify import EventClassifier

    notes = [r["notes"] for r in ROWS[:5] if r["event_date"] < "2016"][1:]
    many = [f"{n} Elders in the {w} ward condemned it." for n in notes for w in ("north", "east", "south", "west")]
    texts = [t for t, _ in SNIPPETS] + many
    labels = [lab for _, lab in SNIPPETS] + ["Mob violence"] * len(many)
    gated = EventClassifier.train(texts, labels, seed=0, gate_n=len(SNIPPETS))
    plain = EventClassifier.train(texts, labels, seed=0)
    probe = ["Floods destroyed homes after the river burst its banks.", "Jets bombed rebel positions by the river."]
    (none, p_none), (strike, _) = gated.predict(probe)
    assert none == NOT_AN_EVENT and strike == "Air/drone strike"
    # the notes of violence pull the plain model's "none" down; the gate's stays where the snippets put it
    plain_label, plain_p = plain.predict(probe[:1])[0]
    assert plain_label != NOT_AN_EVENT or plain_p < p_none
    assert gated.gate is not None and plain.gate is None


class _SureClassifier:
    """Says the same label with the same probability for every text it reads."""

    def __init__(self, label: str, prob: float) -> None:
        self.label, self.prob = label, prob

    def predict(self, texts: list[str]) -> list[tuple[str, float]]:
        return [(self.label, self.prob) for _ in texts]


def test_a_sure_classifier_does_not_unmake_a_change_of_hands(claims_of, actor_dictionary) -> None:  # type: ignore[no-untyped-def]
    """The classifier reads the fighting around a taking; the taking the rules read stays one (it moves the map)."""
    from frontwatch.extract import Extractor
    from frontwatch.model import TERRITORY_SUB_TYPES

    text = "Herat was captured on Sunday after hours of fighting."
    plain = [c.sub_event_type for c in claims_of(text, ["Herat"])]
    assert set(plain) & TERRITORY_SUB_TYPES  # the rules read a taking
    sure = Extractor(actor_dictionary, _SureClassifier("Armed clash", 0.95))
    typed = [c.sub_event_type for c in claims_of(text, ["Herat"], ex=sure)]
    assert set(typed) & TERRITORY_SUB_TYPES, typed
