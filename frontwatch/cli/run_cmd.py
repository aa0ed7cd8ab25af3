"""Commands: run_cmd."""

from frontwatch.cli.app import app  # noqa: F401
