"""Thin command-line layer: each module registers its commands on `app`; the work lives in the stages."""

from __future__ import annotations

from frontwatch.cli import (  # noqa: F401  (imported for their command registrations)
    claims_cmds,
    fuse_cmds,
    geocode_cmds,
    ingest_cmds,
    persian_cmds,
    run_cmd,
    serve_cmds,
    store_cmds,
    train_cmds,
)
from frontwatch.cli.app import app


def main() -> None:
    app()
