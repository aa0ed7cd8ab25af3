"""One settings object, read from the environment (prefix FRONTWATCH_) and overridden by CLI flags."""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from frontwatch.errors import ConfigError

N = TypeVar("N", int, float)


def _default_data_dir() -> Path:
    # The shared data folder sits beside the checkout on the project's machines; elsewhere set FRONTWATCH_DATA.
    for candidate in (Path.cwd() / "../shared/data", Path(__file__).resolve().parents[2] / "shared/data"):
        if candidate.is_dir():
            return candidate.resolve()
    return Path.cwd() / "data"


@dataclass(frozen=True)
class Proxy:
    """An HTTP proxy (plain http to the proxy; https targets through CONNECT)."""

    host: str
    port: int


PROXY_HINT = "set FRONTWATCH_PROXY to http://HOST:PORT (an HTTP proxy), or unset it to fetch directly"


def parse_proxy(value: str) -> Proxy:
    """`http://HOST[:PORT]` (port 8080 by default) as URL ingest's Proxy (frontwatch/ingest/urls.py); ValueError
    saying what is wrong otherwise."""
    try:
        parts = urlsplit(value.strip())
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"FRONTWATCH_PROXY is not a valid URL: {exc}") from None
    if parts.scheme != "http":
        raise ValueError(f"FRONTWATCH_PROXY must be an http:// proxy URL, not {parts.scheme or 'no'} scheme")
    if not parts.hostname:
        raise ValueError("FRONTWATCH_PROXY names no host")
    if parts.username or parts.password or parts.path not in ("", "/") or parts.query:
        raise ValueError("FRONTWATCH_PROXY must be http://HOST:PORT only (no credentials, path or query)")
    return Proxy(parts.hostname, port or 8080)


@dataclass(frozen=True)
class Settings:
    db_url: str = "sqlite:///frontwatch.db"
    data_dir: Path = Path("data")
    home: Path = Path("var")  # where built artifacts live: gazetteer index, trained classifier
    gazetteer_path: Path = Path("var/gazetteer.sqlite")
    classifier_path: Path = Path("var/event-classifier.pkl")
    actors_path: Path | None = None  # extra actor dictionary (YAML) merged over the built-in one
    max_bytes: int = 10_000_000  # inputs larger than this are rejected
    url_timeout: float = 20.0
    # URL ingest's HTTP proxy, `http://HOST:PORT` (FRONTWATCH_PROXY only: http_proxy & co. are ignored, see
    # frontwatch/ingest/urls.py); None: fetch directly.
    proxy: str | None = None
    # Days after which a holding that no later report confirms decays to unknown (docs/control.md); 0: never.
    control_decay_days: int = 30

    def __post_init__(self) -> None:
        # A cap of 0 bytes would reject every input, and a timeout of 0 every URL, without saying why.
        if not 0 < self.max_bytes < float("inf"):
            raise ConfigError(f"the input size cap must be a positive number of bytes, not {self.max_bytes}",
                              hint="set FRONTWATCH_MAX_BYTES (or --max-bytes) to e.g. 10000000, or unset it for "
                              "the default")
        if not 0 < self.url_timeout < float("inf"):
            raise ConfigError(f"the URL timeout must be a positive number of seconds, not {self.url_timeout}",
                              hint="set FRONTWATCH_URL_TIMEOUT to e.g. 20, or unset it for the default")
        if self.proxy is not None:
            try:
                parse_proxy(self.proxy)
            except ValueError as exc:
                raise ConfigError(str(exc), hint=PROXY_HINT) from None

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        # An empty variable counts as unset (`FRONTWATCH_DB=` from an unset shell variable must not mean an
        # in-memory database that loses everything stored into it).
        env = {k: v for k, v in (os.environ if env is None else env).items() if v.strip()}
        home = Path(env.get("FRONTWATCH_HOME", "var"))
        return cls(
            db_url=normalize_db_url(env.get("FRONTWATCH_DB", "sqlite:///frontwatch.db")),
            data_dir=Path(env["FRONTWATCH_DATA"]) if "FRONTWATCH_DATA" in env else _default_data_dir(),
            home=home,
            gazetteer_path=Path(env.get("FRONTWATCH_GAZETTEER", home / "gazetteer.sqlite")),
            classifier_path=Path(env.get("FRONTWATCH_CLASSIFIER", home / "event-classifier.pkl")),
            actors_path=Path(env["FRONTWATCH_ACTORS"]) if "FRONTWATCH_ACTORS" in env else None,
            max_bytes=_number(env, "FRONTWATCH_MAX_BYTES", int, 10_000_000, "bytes, e.g. 10000000"),
            url_timeout=_number(env, "FRONTWATCH_URL_TIMEOUT", float, 20.0, "seconds, e.g. 20"),
            proxy=env.get("FRONTWATCH_PROXY"),
            control_decay_days=_number(env, "FRONTWATCH_CONTROL_DECAY_DAYS", int, 30, "days, e.g. 30 (0: never)"),
        )

    def with_(self, **changes: object) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})  # type: ignore[arg-type]


def _number(env: dict[str, str], name: str, kind: Callable[[str], N], default: N, example: str) -> N:
    try:
        value = kind(env[name]) if name in env else default
        if not math.isfinite(value):  # "nan" and "inf" parse as floats, and no limit can be either
            raise ValueError(value)
        return value
    except ValueError:
        raise ConfigError(f"{name}={env[name]!r} is not a number",
                          hint=f"set it to a number of {example}, or unset it for the default") from None


def normalize_db_url(url: str) -> str:
    """Accept a bare file path or a postgresql:// URL; SQLAlchemy needs the psycopg 3 driver named."""
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


DATABASES = ("sqlite", "postgresql")


def db_url_problem(url: str) -> tuple[str, str] | None:
    """Why a (normalized) database URL cannot hold a command's work, with a hint; None when it can. Only the
    scheme is quoted back: the rest of a URL may hold a password."""
    dialect = url.split(":", 1)[0].split("+", 1)[0]
    if dialect not in DATABASES:
        return (f"unsupported database type {dialect!r}",
                "give a SQLite file path (e.g. --db frontwatch.db) or a postgresql://USER@HOST/NAME URL")
    if dialect == "sqlite" and url.split("://", 1)[1].lstrip("/").split("?", 1)[0] in ("", ":memory:"):
        return ("an in-memory SQLite database is lost when the command ends",
                "give a file, e.g. --db frontwatch.db (or unset FRONTWATCH_DB for ./frontwatch.db)")
    return None
