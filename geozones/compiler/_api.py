"""The public entry points: load a timeline (cached), validate a spec, compile one expression."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import settings
from ..errors import SpecError
from ..spec import Spec, bundled_path, load_yaml, read_spec
from ..timeline import Timeline
from ._cache import TimelineCache, cache_key
from ._context import Geometry, _Context
from ._control import LazyControl, build_control, control_aliases
from ._declared import declared_of, default_gazetteer, prepare
from ._evaluator import evaluate
from ._features import _clean, compile_spec

#: The cache of compiled timelines (``geozones cache info|clear``).
timeline_cache = TimelineCache()


def load_timeline(
    path: str | Path | None = None,
    *,
    use_cache: bool | None = None,
    gazetteer: Any = None,
    online: bool | None = None,
) -> Timeline:
    """Load and compile a timeline spec (YAML) into a :class:`~geozones.timeline.Timeline`.

    Parameters
    ----------
    path : str or Path, optional
        The spec, or the name of a bundled timeline (``"north-west-syria"``).
        ``None``: the bundled ``data/timelines/north-west-syria.yaml``.
    use_cache : bool, optional
        Reuse (and store) the compiled result under ``settings.cache_dir``, keyed by
        the spec's bytes and files, the bundled data, the gazetteer's state and the
        code. Default: ``settings.use_cache``.
    gazetteer : Gazetteer, optional
        Where names are looked up (default :meth:`geozones.Gazetteer.default`, with
        any road loaded by :func:`geozones.gazetteer.load_road`).
    online : bool, optional
        Let ``file:`` open VRT and ``/vsi*`` network paths (default
        ``settings.online_files``).

    Returns
    -------
    Timeline

    Raises
    ------
    SpecError
        The first problem, with file, line and what to write instead.

    Examples
    --------
    >>> import geozones
    >>> tl = geozones.load_timeline()
    >>> "m4-corridor" in set(tl.at("2020-03-15")["id"])
    True
    """
    path = _spec_path(path)
    use_cache = settings.use_cache if use_cache is None else use_cache
    spec, raw = read_spec(path)
    gz = gazetteer if gazetteer is not None else default_gazetteer()
    key = None
    if use_cache and not spec.errors:
        prepare(_Context(spec=spec, features={}, gazetteer=gz))  # declared data is in the key
        key = cache_key(raw, spec, gz)
        cached = timeline_cache.load(key, path)
        if cached is not None:
            cached.declared = declared_of(spec)
            if spec.parties is not None or spec.control is not None:  # rebuilt when first used
                cached._control = LazyControl(
                    lambda: _control_only(spec, gz), alias=control_aliases(spec)
                )
            return cached
    out: dict[str, Any] = {}
    gdf, places, _ = compile_spec(spec, online=online, gazetteer=gz, out=out)
    tl = Timeline(
        gdf,
        name=spec.name,
        id=spec.id,
        description=spec.description,
        agreements=spec.agreements,
        places=places,
        path=path,
        control=out.get("control"),
        declared=declared_of(spec),
    )
    if key is not None:
        timeline_cache.store(key, tl)
    return tl


def _control_only(spec: Spec, gazetteer: Any) -> Any:
    """The compiled control table of a spec alone (for a timeline loaded from the cache)."""
    ctx = _Context(spec=spec, features={f.id: f for f in spec.features}, gazetteer=gazetteer)
    prepare(ctx)
    return build_control(ctx)


def compile_timeline(path: str | Path | None = None, use_cache: bool | None = None) -> Timeline:
    """The former name of :func:`load_timeline` (kept for scripts that use it).

    Examples
    --------
    >>> compile_timeline().id
    'north-west-syria'
    """
    return load_timeline(path, use_cache=use_cache)


def _spec_path(path: str | Path | None) -> Path:
    """The spec file: a path, or the name of a bundled timeline (``north-west-syria``)."""
    if path is None:
        return bundled_path()
    p = Path(path)
    if not p.exists() and not p.suffix and p.name == str(path):
        bundled = bundled_path(str(path))
        if bundled.exists():
            return bundled
    return p


def validate(
    path: str | Path, *, online: bool | None = None, gazetteer: Any = None
) -> tuple[Spec | None, Any, list[SpecError]]:
    """Check and compile a spec, collecting every problem.

    ``online=True`` lets ``file:`` open VRT and network paths (default
    ``settings.online_files``); ``gazetteer`` as in :func:`compile_spec`.

    Returns
    -------
    (Spec or None, GeoDataFrame or None, list of SpecError)

    Examples
    --------
    >>> from geozones.spec import bundled_path
    >>> spec, gdf, errors = validate(bundled_path())
    >>> errors
    []
    """
    try:
        spec, _ = read_spec(_spec_path(path))
    except SpecError as exc:
        return None, None, [exc]
    gdf, _, errors = compile_spec(spec, collect=True, online=online, gazetteer=gazetteer)
    return spec, gdf, errors


def compile_expression(expr: Any, *, country: str | None = None, gazetteer: Any = None) -> Geometry:
    """Build the geometry of one expression, outside any spec.

    Parameters
    ----------
    expr : str or dict
        YAML text (``"corridor: {road: M4, from: Trumba, to: Ain al-Havr, width: 6 km}"``)
        or the parsed mapping. ``ref`` is not available (there are no features).
    country : str, optional
        ISO alpha-2 code the place names are looked up in.
    gazetteer : Gazetteer, optional
        Default :meth:`geozones.Gazetteer.default`.

    Returns
    -------
    shapely geometry in EPSG:4326, valid.

    Raises
    ------
    SpecError
        With the line in the text and what to write instead.

    Examples
    --------
    >>> from geozones.projection import area_m2
    >>> g = compile_expression("buffer: {of: {point: {lat: 35.8, lon: 36.6}}, distance: 1 km}")
    >>> round(area_m2(g) / 1e6, 2)
    3.14
    """
    if isinstance(expr, str):
        expr = load_yaml(expr, "<expression>")
    spec = Spec("<expression>", "expression", "expression", "", country, [], [])
    gz = gazetteer if gazetteer is not None else default_gazetteer()
    ctx = _Context(spec=spec, features={}, gazetteer=gz)
    geom = _clean(evaluate(expr, ctx, 1))
    if geom.is_empty:
        raise ctx.error("the expression comes out empty", 1)
    return geom
