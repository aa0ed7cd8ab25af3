"""The Persian (Dari) path: normalization, numbers, Solar Hijri and relative dates, and claim extraction by rules.

See docs/persian.md for what is handled and the figures on the Persian examples.
"""

from frontwatch.persian.extract import PERSIAN, PersianExtractor

__all__ = ["PERSIAN", "PersianExtractor"]
