"""The Python API: what `frontwatch run` does, for a notebook or a script (the CLI's `run` calls it too).

    import frontwatch

    with frontwatch.open("frontwatch.db") as fw:
        result = fw.run(["examples/"])          # ingest → annotate → geocode → extract → store → fuse
        result.summary.stored, result.events, result.control

`open` gives a handle on one database (`StoredData` reads it, `Frontwatch` adds running and fusing); the models
(spaCy, gazetteer, classifier) load on the first run and stay loaded for the next. Results are frozen dataclasses:
`RunResult` and `RunSummary` here, `Event`, `ControlState`, `Claim`, ... of `frontwatch.model`, in tuples and lists
whose `.to_pandas()` makes a DataFrame (when pandas is installed). Heavy modules are imported when first used, so
`import frontwatch` stays quick.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from frontwatch.config import Settings, normalize_db_url
from frontwatch.errors import ExtraMissing, OutputExists
from frontwatch.model import Claim, ControlState, Document, Event, Reject, SourceReliability, to_dict

if TYPE_CHECKING:
    import pandas
    from rich.console import Group

    from frontwatch.fuse import Fusion
    from frontwatch.ingest import Overrides
    from frontwatch.pipeline import ItemOutcome, Pipeline, RunReport
    from frontwatch.store import Store


T = TypeVar("T")


def to_pandas(rows: Iterable[Any]) -> pandas.DataFrame:
    """Frozen dataclasses (events, claims, control states, ...) as a pandas DataFrame, one row each; nested fields
    become dotted columns (`place.lat`, `actor1.name`), lists stay lists. Needs pandas, which Frontwatch does not
    install: `pip install pandas`."""
    try:
        import pandas
    except ImportError as exc:  # an optional third-party package, not one of the project's modules
        raise ExtraMissing("to_pandas() needs pandas, which is not installed",
                           hint="pip install pandas (Frontwatch itself does not need it)") from exc
    return pandas.json_normalize([to_dict(r) for r in rows])


class Rows(tuple[T, ...]):
    """A tuple of results that can become a DataFrame: `result.events.to_pandas()`."""

    def to_pandas(self) -> pandas.DataFrame:
        return to_pandas(self)


class RowList(list[T]):
    """A list of results that can become a DataFrame: `fw.events(status="contested").to_pandas()`."""

    def to_pandas(self) -> pandas.DataFrame:
        return to_pandas(self)


NO_ROWS: Rows[Any] = Rows()


@dataclass(frozen=True)
class RunSummary:
    """What a run did with its inputs."""

    stored: int  # documents stored (extracted, or flagged "not extracted" for a language without a path)
    duplicates: int  # inputs already stored: skipped
    claims: int
    not_extracted: int
    rejects: tuple[Reject, ...]  # unreadable inputs, each with its reason and hint (also kept in the store)
    seconds: float

    @property
    def exit_code(self) -> int:
        """The CLI's exit code for this run: 1 when some inputs were rejected, else 0."""
        return 1 if self.rejects else 0

    @classmethod
    def of(cls, report: RunReport) -> RunSummary:
        return cls(report.stored, report.duplicates, report.claims, report.not_extracted, tuple(report.rejects),
                   report.seconds)


@dataclass(frozen=True)
class RunResult:
    """A run's summary and, when it fused, the fused layer of the whole database after it."""

    summary: RunSummary
    events: Rows[Event] = NO_ROWS  # every fused event, by event id (empty when the run did not fuse)
    control: Rows[ControlState] = NO_ROWS  # every unit's control timeline, state by state
    reliability: Rows[SourceReliability] = NO_ROWS  # each source's estimated reliability
    report: Group | None = None  # the situation report (a rich renderable), when asked for
    map_path: Path | None = None  # the map page, when asked for
    undated: int = 0  # event claims fusion left out: no date in their text and none on their report


class StoredData:
    """What is stored in one database, read as frozen dataclasses (each list has `.to_pandas()`)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def documents(self, limit: int | None = None) -> RowList[Document]:
        return RowList(self.store.documents(limit))

    def claims(self, document_id: str | None = None) -> RowList[Claim]:
        return RowList(self.store.claims(document_id))

    def events(self, limit: int | None = None, offset: int = 0, **filters: Any) -> RowList[Event]:
        """Fused events, newest first; `filters` are the fields of `frontwatch.store.EventFilter` (bbox, date_from,
        event_type, status, actor, ...)."""
        from frontwatch.store import EventFilter

        return RowList(self.store.events(EventFilter(**filters), limit, offset))

    def control(self, as_of: date | None = None) -> RowList[ControlState]:
        """The control state of each unit on `as_of` (default: the latest known)."""
        return RowList(self.store.control(as_of))

    def reliability(self) -> RowList[SourceReliability]:
        return RowList(self.store.reliability())

    def rejects(self) -> RowList[Reject]:
        return RowList(self.store.rejects())

    def close(self) -> None:
        self.store.close()


class Frontwatch(StoredData):
    """A handle on one database and the models that fill it. Close it (or use it in a `with` block) when done."""

    def __init__(self, settings: Settings, store: Store, pipeline: Pipeline | None = None) -> None:
        super().__init__(store)
        self.settings = settings
        self._pipeline = pipeline

    @property
    def pipeline(self) -> Pipeline:
        """spaCy, the gazetteer and the extractors, loaded once on first use."""
        if self._pipeline is None:
            from frontwatch.pipeline import Pipeline

            self._pipeline = Pipeline.from_settings(self.settings)
        return self._pipeline

    def run(
        self,
        paths: str | Path | Sequence[str | Path],
        overrides: Overrides | None = None,
        *,
        fuse: bool = True,
        report: bool = False,
        as_of: date | None = None,
        map_out: str | Path | None = None,
        force: bool = False,
        cluster: str | None = None,
        workers: int | None = None,
        allow_private: bool = False,
        on_item: Callable[[ItemOutcome], None] | None = None,
        on_stage: Callable[[str], None] | None = None,
    ) -> RunResult:
        """Read `paths` (files, directories, feeds, JSON lines, http(s) URLs), extract and store each report, then
        fuse the whole database (`fuse=False`: leave that for later), build the situation report as of `as_of`
        (`report=True`; default day: the latest event's) and write the map page to `map_out`: a file there that is not a
        map page Frontwatch wrote is refused before any work (`OutputExists`) unless `force=True`, as `frontwatch run
        --map` and `frontwatch map` do.

        `overrides` (`frontwatch.ingest.Overrides`) fills in the date, publisher, title or language of inputs that
        lack them. `cluster` (a Dask scheduler address) or `workers` (a local cluster of N processes) spread the
        reading and extraction. `on_item` hears of each input ("stored" / "duplicate" / "rejected", the document or
        reject, its claim count); `on_stage` of each step after reading ("fusing claims", ...)."""
        from frontwatch.pipeline import run as run_pipeline

        if map_out:
            _check_map_out(Path(map_out), force)  # before any work, as the CLI does
        stage = on_stage or (lambda _stage: None)
        inputs = [str(paths)] if isinstance(paths, str | Path) else [str(p) for p in paths]
        if cluster or workers:
            from frontwatch.distributed import run_distributed

            done = run_distributed(inputs, self.settings, self.store, overrides, address=cluster, workers=workers,
                                   allow_private=allow_private, on_item=on_item)
        else:
            done = run_pipeline(inputs, self.settings, self.store, self.pipeline, overrides,
                                allow_private=allow_private, on_item=on_item)
        fused = rendered = map_path = None
        if fuse:
            stage("fusing claims")
            fused = self.fuse()
        if report:
            stage("building the situation report")
            rendered = self.report(as_of)
        if map_out:
            stage("writing the map page")
            map_path = self.write_map(map_out, force=force)
        if fused is None:
            return RunResult(RunSummary.of(done), report=rendered, map_path=map_path)
        return RunResult(RunSummary.of(done), Rows(fused.events), Rows(fused.control), Rows(fused.reliability),
                         rendered, map_path, fused.undated)

    def fuse(self, units: Sequence[str] | None = None) -> Fusion:
        """Fuse the stored claims into events, control and source reliability (only `units`' when given) and save
        them; returns the `frontwatch.fuse.Fusion`."""
        from frontwatch.fuse import ControlRules, fuse_store

        return fuse_store(self.store, units, rules=ControlRules.from_settings(self.settings))

    def report(self, as_of: date | None = None) -> Group:
        """The situation report as of `as_of` (default: the latest event's day), for `rich.print` or a notebook."""
        from frontwatch.publish.report import situation_report

        return situation_report(self.store, as_of)

    def write_map(self, out: str | Path, *, force: bool = False) -> Path:
        """Write the static map page (HTML, with its data and assets beside it); returns its path. An existing file
        is rewritten when it is a map page Frontwatch wrote, any other only with `force=True` (else `OutputExists`)."""
        from frontwatch.geocode import Gazetteer
        from frontwatch.publish.map import write_map

        _check_map_out(Path(out), force)

        return write_map(self.store, Gazetteer.open(self.settings.gazetteer_path), out)

    def __enter__(self) -> Frontwatch:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()



def _check_map_out(out: Path, force: bool) -> None:
    """The CLI's rule for the map page (`frontwatch map OUT`): never overwrite a file Frontwatch did not write."""
    from frontwatch.publish.map import is_own_page

    if out.is_dir():
        raise OutputExists(f"{out} is a folder", hint=f"name a file in it, e.g. {out / 'index.html'}")
    if out.exists() and not force and not is_own_page(out):
        raise OutputExists(f"{out} exists and is not a map page Frontwatch wrote; it was left as it is",
                           hint="choose another file name, or pass force=True to overwrite it")


def open(  # shadows the builtin here only: `frontwatch.open(db)` reads as opening a file does
    db: str | Path | None = None,
    *,
    gazetteer: str | Path | None = None,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
) -> Frontwatch:
    """Open (creating and migrating as needed) the database `db`: a SQLite file or a postgresql:// URL; default
    `FRONTWATCH_DB`, else ./frontwatch.db. `gazetteer` overrides the gazetteer index's path, `settings` the
    environment's settings; `pipeline` reuses models already loaded."""
    from frontwatch.store import Store

    cfg = (settings or Settings.from_env()).with_(
        db_url=normalize_db_url(str(db)) if db is not None else None,
        gazetteer_path=Path(gazetteer) if gazetteer is not None else None,
    )
    return Frontwatch(cfg, Store(cfg.db_url), pipeline)
