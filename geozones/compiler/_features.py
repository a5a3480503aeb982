"""Features: each feature's geometry (references, cycles, cleaning) and the features table."""

from __future__ import annotations

from typing import Any

import shapely

from .. import settings
from ..errors import GeozonesError, SpecError
from ..spec import Spec
from ..timeline import FEATURE_COLUMNS
from ._context import Geometry, _Context
from ._control import periods, start_control
from ._declared import default_gazetteer, prepare
from ._evaluator import evaluate


def _feature_geometry(ctx: _Context, fid: str, line: int | None = None) -> Geometry:
    # a feature that follows control has geometries of the day being built
    done = ctx.day_done if fid in ctx.dynamic else ctx.done
    if fid in done:
        return done[fid]
    if fid in ctx.stack:
        members = ctx.stack[ctx.stack.index(fid) :]
        ctx.in_cycle.update(members)
        cycle = " → ".join([*members, fid])
        raise ctx.error(
            f"reference cycle: {cycle}",
            line,
            "a feature cannot be built from itself; break the cycle",
        )
    f = ctx.features[fid]
    ctx.stack.append(fid)
    outer_notes, ctx.notes = ctx.notes, []
    outer_near, ctx.near = ctx.near, None  # a referenced feature resolves its own names
    try:
        if f.geometry is None:
            raise ctx.error(f"feature {fid!r} has no geometry", f.line, "add 'geometry: ...'")
        geom = _clean(evaluate(f.geometry, ctx, f.line))
    except (SpecError, KeyboardInterrupt):
        raise
    except GeozonesError as exc:
        raise ctx.error(f"feature {fid!r}: {exc}", f.line) from None
    except Exception as exc:  # a GEOS, GDAL or pyproj failure on odd input: still one line
        raise ctx.error(
            f"cannot build the geometry of feature {fid!r}: {type(exc).__name__}: {exc}",
            f.line,
            "simplify the expression or check its inputs",
        ) from None
    finally:
        ctx.stack.pop()
        ctx.feature_notes[fid], ctx.notes = ctx.notes, outer_notes
        ctx.near = outer_near
    if geom is None or geom.is_empty:
        raise ctx.error(
            f"the geometry of feature {fid!r} comes out empty",
            f.line,
            "check that the areas overlap (intersection) or that a difference "
            "does not remove everything",
        )
    done[fid] = geom
    return geom


def _clean(geom: Geometry) -> Geometry:
    """Valid geometry of one dimension: the polygons of a mixed collection, etc.

    The result is snapped to the grid of the written coordinates
    (``settings.coordinate_precision`` decimals, 0.1 m at 6): unions of admin areas
    from two sources leave zero-width spikes and near-touching vertices, which
    would turn invalid once the exports and maps round the coordinates. GEOS's
    precision reducer removes them and keeps the output valid; areas change by
    less than 1e-5 of their size.
    """
    geom = shapely.make_valid(geom)
    geom = shapely.set_precision(geom, 10.0**-settings.coordinate_precision)
    if geom.geom_type != "GeometryCollection":
        return geom
    parts = shapely.get_parts(geom)
    dims = shapely.get_dimensions(parts)
    if len(parts) == 0:
        return geom
    keep = parts[dims == dims.max()]
    return shapely.union_all(keep) if len(keep) > 1 else keep[0]


def compile_spec(
    spec: Spec,
    *,
    collect: bool = False,
    online: bool | None = None,
    gazetteer: Any = None,
    out: dict[str, Any] | None = None,
) -> tuple[Any, list, list[SpecError]]:
    """Compile a checked :class:`~geozones.spec.Spec` into a features GeoDataFrame.

    Parameters
    ----------
    spec : Spec
        From :func:`geozones.spec.read_spec`.
    collect : bool
        Collect every error instead of raising the first.
    online : bool, optional
        Let ``file:`` open VRT and ``/vsi*`` network paths (default
        ``settings.online_files``).
    gazetteer : Gazetteer, optional
        Where names are looked up; default the bundled one
        (:meth:`geozones.Gazetteer.default`). Places, countries, roads and admin
        areas the spec declares (``gazetteer:``, ``boundaries:``, ``roads:``) are
        added to it first.
    out : dict, optional
        Receives ``"control"``: the compiled control table (``geozones.control.Control``)
        or None.

    Returns
    -------
    (GeoDataFrame, list of Place, list of SpecError)

    Examples
    --------
    >>> from geozones.spec import bundled_path, read_spec
    >>> spec, _ = read_spec(bundled_path())
    >>> gdf, places, errors = compile_spec(spec)
    >>> errors, "m4-corridor" in set(gdf["id"])
    ([], True)
    """
    errors = list(spec.errors)
    if errors and not collect:
        raise _first(errors)
    online = settings.online_files if online is None else online
    ctx = _Context(
        spec=spec,
        features={f.id: f for f in spec.features},
        online=online,
        gazetteer=gazetteer if gazetteer is not None else default_gazetteer(),
    )
    try:
        prepare(ctx)
    except SpecError as exc:
        if not collect:
            raise
        errors.append(exc)
        return _frame([]), [], errors
    seen: set[tuple] = {(e.line, e.message) for e in errors}
    try:
        start_control(ctx)
    except SpecError as exc:
        if not collect:
            raise
        errors.append(exc)
    if out is not None:
        out["control"] = ctx.control
    rows = _feature_rows(ctx, collect, errors, seen)
    places = list({id(p): p for p in ctx.places.values()}.values())
    return _frame(rows), places, errors


def _feature_rows(ctx: _Context, collect: bool, errors: list, seen: set[tuple]) -> list[dict]:
    """The rows of every feature (one per period for features that follow control);
    with ``collect`` the errors are appended to ``errors``, each once."""
    rows = []
    for f in ctx.spec.features:
        if f.id in ctx.in_cycle:  # its cycle is reported already
            continue
        try:
            if f.id in ctx.dynamic:  # one row per period of unchanged geometry
                for start, end, geom in periods(ctx, f, _feature_geometry):
                    rows.append(_period_row(f, _notes(ctx, f, start, end), geom, start, end))
                continue
            geom = _feature_geometry(ctx, f.id, f.line)
        except SpecError as exc:
            if not collect:
                raise
            if (exc.line, exc.message) not in seen:  # a broken ref'd feature: report once
                seen.add((exc.line, exc.message))
                errors.append(exc)
            continue
        rows.append(_row(f, _notes(ctx, f), geom))
    return rows


def _notes(ctx: _Context, f: Any, start: Any = None, end: Any = None) -> list[str]:
    """A feature's notes, with what month-only dates mean (for a period: its own ends)."""
    notes = [f.notes] if f.notes else []
    notes += ctx.feature_notes.get(f.id, [])
    if f.start_precision == "month" and start in (None, f.start):
        notes.append(f"start known to the month only: drawn from {f.start}")
    if f.end and f.end_precision == "month" and end in (None, f.end):
        notes.append(f"end known to the month only: drawn up to {f.end}")
    return notes


def _period_row(f: Any, notes: list[str], geom: Geometry, start: Any, end: Any) -> dict:
    """The row of one period of a feature that follows control: id ends with its start."""
    row = _row(f, notes, geom)
    row.update(id=f"{f.id}-{start.isoformat()}", start_date=start, end_date=end)
    return row


def _row(f: Any, notes: list[str], geom: Geometry) -> dict[str, Any]:
    return {
        "id": f.id,
        "name": f.name,
        "kind": f.kind,
        "agreement": f.agreement,
        "agreement_name": f.agreement_name,
        "start_date": f.start,
        "end_date": f.end,
        "confidence": f.confidence,
        "notes": " ".join(n.rstrip(".") + "." for n in notes),
        "sources": f.sources,
        "geometry": geom,
    }


def _frame(rows: list[dict[str, Any]]) -> Any:
    """The features GeoDataFrame (EPSG:4326, dates as datetime64) of compiled rows."""
    import geopandas as gpd  # heavy: imported when a spec is compiled
    import pandas as pd  # heavy, with geopandas above

    frame = pd.DataFrame(rows, columns=FEATURE_COLUMNS)
    for col in ("start_date", "end_date"):
        frame[col] = pd.to_datetime(frame[col]).astype("datetime64[ns]")
    return gpd.GeoDataFrame(frame, geometry="geometry", crs="EPSG:4326")


def _first(errors: list[SpecError]) -> SpecError:
    first = errors[0]
    if len(errors) == 1:
        return first
    more = f"(and {len(errors) - 1} more problem(s): run 'geozones validate {first.path}')"
    hint = f"{first.hint} {more}" if first.hint else more
    return SpecError(first.message, path=first.path, line=first.line, hint=hint)
