"""One settings object, read from the environment (prefix FRONTWATCH_) and overridden by CLI flags."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path


def _default_data_dir() -> Path:
    # The shared data folder sits beside the checkout on the project's machines; elsewhere set FRONTWATCH_DATA.
    for candidate in (Path.cwd() / "../shared/data", Path(__file__).resolve().parents[2] / "shared/data"):
        if candidate.is_dir():
            return candidate.resolve()
    return Path.cwd() / "data"


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

    def __post_init__(self) -> None:
        # A cap of 0 bytes would reject every input, and a timeout of 0 every URL, without saying why.
        from frontwatch.errors import ConfigError

        if not 0 < self.max_bytes < float("inf"):
            raise ConfigError(f"the input size cap must be a positive number of bytes, not {self.max_bytes}",
                              hint="set FRONTWATCH_MAX_BYTES (or --max-bytes) to e.g. 10000000, or unset it for "
                              "the default")
        if not 0 < self.url_timeout < float("inf"):
            raise ConfigError(f"the URL timeout must be a positive number of seconds, not {self.url_timeout}",
                              hint="set FRONTWATCH_URL_TIMEOUT to e.g. 20, or unset it for the default")

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        home = Path(env.get("FRONTWATCH_HOME", "var"))
        return cls(
            db_url=normalize_db_url(env.get("FRONTWATCH_DB", "sqlite:///frontwatch.db")),
            data_dir=Path(env["FRONTWATCH_DATA"]) if "FRONTWATCH_DATA" in env else _default_data_dir(),
            home=home,
            gazetteer_path=Path(env.get("FRONTWATCH_GAZETTEER", home / "gazetteer.sqlite")),
            classifier_path=Path(env.get("FRONTWATCH_CLASSIFIER", home / "event-classifier.pkl")),
            actors_path=Path(env["FRONTWATCH_ACTORS"]) if "FRONTWATCH_ACTORS" in env else None,
            max_bytes=int(env.get("FRONTWATCH_MAX_BYTES", 10_000_000)),
            url_timeout=float(env.get("FRONTWATCH_URL_TIMEOUT", 20.0)),
        )

    def with_(self, **changes: object) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})  # type: ignore[arg-type]


def normalize_db_url(url: str) -> str:
    """Accept a bare file path or a postgresql:// URL; SQLAlchemy needs the psycopg 3 driver named."""
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url
