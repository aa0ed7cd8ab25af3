"""Commands: fuse, report, control, sources, export events / control."""

from __future__ import annotations

import sys
from collections import Counter
from contextlib import nullcontext
from datetime import date
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich import box
from rich.table import Table

from frontwatch.cli.app import (
    DbOption,
    ForceOption,
    QuietOption,
    app,
    check_output,
    console,
    err_console,
    export_app,
    fail,
    open_store,
    plain,
    settings,
    warn_undated,
)


def _store(db: str | None):
    # These commands read the claims (or only rewrite the fused layer): a missing database is an error, not a
    # new empty one.
    return open_store(settings(db))


def _day(value: str | None, flag: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError as exc:
        raise fail(f"bad {flag} date: {value}", hint="use YYYY-MM-DD, e.g. 2021-08-21") from exc


@app.command()
def fuse(
    db: DbOption = None,
    unit: Annotated[list[str] | None, typer.Option(
        "--unit", help="Re-fuse only this admin2/admin1 code (repeatable), keeping source reliability as it is.")
    ] = None,
    quiet: QuietOption = False,
) -> None:
    """Fuse stored claims into events, district control and source reliability (`frontwatch run` does it for you).

    Without --unit the whole corpus is fused and source reliability re-estimated; with --unit only those units'
    events and control are rebuilt.

    Example:

        frontwatch fuse --db frontwatch.db
        frontwatch fuse --unit AF.03.1302 --unit AF.03.1312
    """
    from frontwatch.fuse import ControlRules, fuse_store

    cfg = settings(db)
    store = open_store(cfg)
    with err_console.status("fusing claims…", spinner="dots") if not quiet else nullcontext():
        result = fuse_store(store, units=set(unit) if unit else None, rules=ControlRules.from_settings(cfg))
    if not quiet:
        by_status = Counter(str(e.status) for e in result.events)
        err_console.print(f"{len(result.events)} events ({', '.join(f'{n} {s}' for s, n in sorted(by_status.items()))}"
                          f"), {len(result.control)} control states"
                          + ("" if unit else f", {len(result.reliability)} sources"))
        if result.undated:
            warn_undated(result.undated)
        elif not result.events and not unit:
            err_console.print("  [yellow]hint:[/] no event claims with a place stored yet: "
                              "`frontwatch run <reports>` reads, extracts and fuses in one go")
    store.close()


@app.command()
def report(
    db: DbOption = None,
    as_of: Annotated[str | None, typer.Option(help="Day of the report (default: latest event).")] = None,
) -> None:
    """Print the situation report: control by district, latest events, disputed claims with their sources.

    Example:

        frontwatch report --as-of 2021-08-21
    """
    from frontwatch.publish.report import situation_report

    store = _store(db)
    console.print(situation_report(store, _day(as_of, "--as-of")))
    store.close()


@app.command()
def control(
    as_of: Annotated[str | None, typer.Option(help="Day (YYYY-MM-DD); default: latest known state.")] = None,
    admin1: Annotated[str | None, typer.Option(help="Only districts of this province / admin1 unit.")] = None,
    db: DbOption = None,
) -> None:
    """Who holds each district on a day, according to whom, how sure.

    Example:

        frontwatch control --as-of 2021-08-21 --admin1 Baghlan
    """
    store = _store(db)
    states = sorted(store.control(_day(as_of, "--as-of"), admin1), key=lambda s: s.unit_code)
    show_until = any(s.until for s in states)
    provinces = sorted({s.admin1 or "" for s in states})
    day = _day(as_of, "--as-of")
    title = plain(f"Control {'on ' + day.isoformat() if day else '(latest known)'}" + (
        f" — {provinces[0]}" if len(provinces) == 1 and provinces[0] else ""))
    cols = ["unit", "district", *(["province"] if len(provinces) > 1 else []), "holder", "status", "since",
            *(["until"] if show_until else []), "conf.", "claims"]
    t = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for col in cols:
        # Codes and days whole; names fold rather than lose their ends in a narrow terminal.
        t.add_column(col, no_wrap=col in ("unit", "since", "until", "conf.", "claims"), overflow="fold")
    for s in states:
        cells = {
            "unit": s.unit_code,
            "district": s.unit_name if s.level == 2 else f"{s.unit_name} (province)",
            "province": s.admin1 or "",
            "holder": s.holder.name if s.holder else "—",
            "status": f"{s.status} ({s.evidence})" if s.status == "held" and s.evidence else str(s.status),
            "since": s.since.isoformat(),
            "until": s.until.isoformat() if s.until else "",
            "conf.": f"{s.confidence:.2f}",
            # supporting claims, and those against after a minus: "4 −1"
            "claims": f"{len(s.claim_ids)}" + (f" −{len(s.contradicting_claim_ids)}" if s.contradicting_claim_ids
                                                else ""),
        }
        t.add_row(*(plain(cells[c]) for c in cols))
    if not states:
        err_console.print("No control states on that day: no territory claims up to it, or `frontwatch fuse` not run.")
    console.print(t)
    store.close()


@app.command()
def sources(db: DbOption = None) -> None:
    """Sources with their reliability (estimated by truth discovery across the corpus) and claim counts.

    Example:

        frontwatch sources
    """
    store = _store(db)
    t = Table("source", "kind", "reliability", "claims")
    t.columns[0].overflow = "fold"
    for r in store.reliability():
        t.add_row(*map(plain, (r.name, r.kind, f"{r.reliability:.2f}", r.claims)))
    console.print(t)
    store.close()


@export_app.command("events")
def export_events_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv (ACLED columns) or geojson.")] = "jsonl",
    out: Annotated[Path | None, typer.Option(help="File to write (default: stdout).")] = None,
    force: ForceOption = False,
    db: DbOption = None,
) -> None:
    """Export events: JSON lines, CSV with ACLED's columns in ACLED's order (Frontwatch's own columns after them), or
    GeoJSON points. Country names, ACLED's numeric `iso` and region come from the data directory when it is there.
    In the CSV, a text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` so a
    spreadsheet shows it as text, never runs it as a formula; numbers (latitude, longitude) are left as they are.
    An existing --out file is only overwritten with --force.

    Example:

        frontwatch export events --format csv --out events.csv
    """
    from frontwatch.publish.exports import export_events, load_countries

    if fmt not in ("jsonl", "csv", "geojson"):
        raise fail(f"unknown format {fmt!r}", hint="use --format jsonl, csv or geojson")
    if out:
        check_output(out, force, f"events.{fmt}")
    store = _store(db)
    events = sorted(store.events(), key=lambda e: (e.event_date, e.event_id))
    countries = load_countries(settings(db).data_dir)
    with _open_out(out, newline="") as fp:
        n = export_events(events, fmt, fp, countries)
    if out:
        err_console.print(plain(f"{n} events written to {out}"))
    store.close()


@export_app.command("control")
def export_control_cmd(
    as_of: Annotated[str | None, typer.Option(help="Day (YYYY-MM-DD); default: latest known state.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json.")] = "json",
    out: Annotated[Path | None, typer.Option(help="File to write (default: stdout).")] = None,
    force: ForceOption = False,
    db: DbOption = None,
) -> None:
    """Export district control on a day as JSON: a list of {unit_code, unit_name, admin1, level, holder, status,
    evidence, since, until, confidence, claim_ids, contradicting_claim_ids}. `status` is held / contested / unknown;
    `evidence` is how the holding is known (the status of the territory event behind it: confirmed / reported).

    Example:

        frontwatch export control --as-of 2021-08-21 --format json
    """
    from frontwatch.publish.exports import export_control

    if fmt != "json":
        raise fail(f"unknown format {fmt!r}", hint="control exports as --format json")
    day = _day(as_of, "--as-of")
    if out:
        check_output(out, force, "control.json")
    store = _store(db)
    states = sorted(store.control(day), key=lambda s: s.unit_code)
    with _open_out(out) as fp:
        export_control(states, fp)
    store.close()


def _open_out(out: Path | None, newline: str | None = None) -> TextIO | _stdout:
    """The --out file (checked beforehand by `check_output`), or stdout."""
    if out is None:
        return _stdout()
    try:
        return open(out, "w", encoding="utf-8", newline=newline)
    except OSError as exc:  # e.g. no permission to write there
        raise fail(f"cannot write --out {out}: {exc.strerror or exc}", hint="choose a path you can write to") from exc


class _stdout:
    def __enter__(self) -> TextIO:
        return sys.stdout

    def __exit__(self, *_: object) -> None:
        sys.stdout.flush()
