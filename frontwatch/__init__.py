"""Frontwatch: conflict reports in, a sourced and geocoded record of events and territorial control out."""

__version__ = "0.1.0"
