"""Commands: store_cmds (database info and migrations)."""

from frontwatch.cli.app import app  # noqa: F401
