"""Commands: persian_cmds."""

from frontwatch.cli.app import app  # noqa: F401
