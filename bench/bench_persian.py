"""Persian vs English throughput through `Pipeline.process` on comparable texts.

The English text is the seed article (../shared/examples/seed-article.txt); the Persian one is its counterpart
(examples/persian/seed-counterpart-2021-08-21.txt): the same events, sources and figures. Each is processed `n` times
as distinct documents (a suffix changes the id; the gazetteer's lookup cache is warm for both after a first pass).
Target: Persian at least as fast as English (ratio ≥ 1).

    python bench/bench_persian.py [--n 40]

`run(n) -> dict` gives the row for the suite's table.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from frontwatch.config import Settings  # noqa: E402
from frontwatch.model import Document, document_id_for  # noqa: E402
from frontwatch.pipeline import Pipeline  # noqa: E402

DATA = Path(os.environ.get("FRONTWATCH_DATA", ROOT.parent / "shared" / "data"))


def _text(path: Path) -> str:
    lines = path.read_text("utf-8").rstrip().split("\n")
    return "\n".join(ln for ln in lines if not ln.startswith("source:")).strip()


def _docs(text: str, n: int, lang: str | None) -> list[Document]:
    out = []
    for i in range(n):
        t = f"{text}\n\n{i}"
        out.append(Document(document_id_for(t), t, f"bench#{i}", "text", None, None, "bench.example",
                            date(2021, 8, 21), lang))
    return out


def _rate(pipeline: Pipeline, docs: list[Document]) -> tuple[float, int]:
    started = time.perf_counter()
    claims = sum(len(c or []) for _, c in pipeline.process(docs))
    return len(docs) / (time.perf_counter() - started), claims


def run(n: int = 40) -> dict[str, Any]:
    pipeline = Pipeline.from_settings(Settings.from_env())
    english = _text(DATA.parent / "examples" / "seed-article.txt")
    persian = _text(ROOT / "examples" / "persian" / "seed-counterpart-2021-08-21.txt")
    # Language detected, not given: detection is part of the Persian path's cost
    _rate(pipeline, _docs(english, 4, None) + _docs(persian, 4, None))  # warm up: models, caches
    en_rate, en_claims = _rate(pipeline, _docs(english, n, None))
    fa_rate, fa_claims = _rate(pipeline, _docs(persian, n, None))
    return {
        "bench": "persian vs english",
        "docs": n,
        "english_words": len(english.split()),
        "persian_words": len(persian.split()),
        "english_docs_per_s": round(en_rate, 1),
        "persian_docs_per_s": round(fa_rate, 1),
        "ratio_persian_over_english": round(fa_rate / en_rate, 1),
        # the counterpart leaves out the article's paragraphs with no event: words/s compares like with like
        "english_words_per_s": round(en_rate * len(english.split())),
        "persian_words_per_s": round(fa_rate * len(persian.split())),
        "ratio_words_per_s": round((fa_rate * len(persian.split())) / (en_rate * len(english.split())), 2),
        "claims_per_doc": {"en": en_claims // n, "fa": fa_claims // n},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=40)
    print(json.dumps(run(ap.parse_args().n), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
