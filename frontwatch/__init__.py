"""Frontwatch: conflict reports in, a sourced and geocoded record of events and territorial control out.

`frontwatch.open(db)` is the Python API (see frontwatch/session.py and docs/python.md)."""

from frontwatch.session import Frontwatch, RunResult, RunSummary, open, to_pandas

__version__ = "0.1.0"
__all__ = ["Frontwatch", "RunResult", "RunSummary", "__version__", "open", "to_pandas"]
