"""toll3: tolls and dates on ACLED-style notes (issue 15), and extraction work that grows linearly with a report's
length. Every sentence here is invented."""

from __future__ import annotations

import sys
from collections import Counter
from datetime import date
from pathlib import Path
from types import FrameType
from typing import Any

from frontwatch.annotate import annotate
from frontwatch.model import Document, document_id_for

ROOT = Path(__file__).resolve().parents[1]


def _lines_run(pipeline: Any, text: str) -> int:
    """Lines of frontwatch's own code executed to geoparse and extract one report: a deterministic count of work,
    unlike wall-clock time on a shared machine."""
    doc = Document(document_id_for(text), text, "long.txt", "text", published=date(2021, 8, 24), language="en")
    ((d, sd),) = list(annotate(pipeline.nlp, [doc]))
    n = Counter[bool]()

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            n[True] += 1
        return local

    def glob(frame: FrameType, event: str, arg: Any) -> Any:
        return local if "/frontwatch/" in frame.f_code.co_filename else None

    sys.settrace(glob)
    try:
        pipeline.extractor.claims(d, sd, pipeline.geoparser.places(d, sd))
    finally:
        sys.settrace(None)
    return n[True]


def test_a_whole_reports_extraction_work_grows_linearly_with_its_length(pipeline: Any) -> None:
    # the examples' English reports joined into one long report, 2 and 8 times over: 4x the length must cost 4x the
    # work, not more (per-event scans of every place mention, actor match or earlier claim of the report made it
    # 4.6x)
    report = "\n\n".join(f.read_text("utf-8") for f in sorted((ROOT / "examples").glob("*.txt")))
    _lines_run(pipeline, report)  # lazy loading and per-sentence caches out of the way
    short = _lines_run(pipeline, "\n\n".join([report] * 2))
    long = _lines_run(pipeline, "\n\n".join([report] * 8))
    assert long / short <= 4.2, (short, long)
