"""Roads: named lines, schematic through towns or loaded from a file GDAL reads."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .._text import name_key
from ..errors import InputError
from ..place import Place
from ._files import local_file
from ._index import _file_digest, _Index


class _Roads(_Index):
    """Road methods of :class:`~geozones.gazetteer.Gazetteer`."""

    def road_geometry(self, index: int) -> Any:
        """The LineString of road entry ``index`` (a loaded line if any, else schematic).

        Examples
        --------
        >>> from geozones import Gazetteer
        >>> gz = Gazetteer.default()
        >>> gz.road_geometry(gz.find_id("M4", "roads")).geom_type
        'LineString'
        """
        import shapely  # lazy: the geocode path needs no geometry

        if index in self._roads:
            return self._roads[index]
        coords = self._extra_of(index).get("coords")
        if not coords:
            return shapely.Point(self._lon[index], self._lat[index])
        return shapely.LineString(coords)

    def load_road(
        self,
        path: str | Path,
        name: str,
        aliases: Iterable[str] = (),
        layer: str | int | None = None,
        *,
        online: bool | None = None,
    ) -> Place:
        """Replace (or add) a named road with a line from any file GDAL reads.

        Parameters
        ----------
        path : str or Path
            GeoJSON, GeoPackage, Shapefile, FlatGeobuf, KML …
        name : str
            The road's name. If it resolves to a bundled road ("M4"), that road's
            schematic line is replaced; otherwise a new road is added.
        aliases : iterable of str
            More names for the road.
        layer : str or int, optional
            Layer of a multi-layer file.
        online : bool, optional
            Allow VRT and ``/vsi*`` content (default ``settings.online_files``);
            otherwise the file is checked like a spec's ``file:``
            (:func:`geozones.boundaries.check_local_file`) before GDAL opens it.

        Returns
        -------
        Place
            The road, ``precision="surveyed"``.

        Raises
        ------
        InputError
            When the file cannot be read or holds no line.

        Examples
        --------
        >>> from geozones import Gazetteer
        >>> gz = Gazetteer.default()
        >>> gz.load_road("m4.geojson", "M4")               # doctest: +SKIP
        """
        geom = _read_line(path, layer, online)
        idx = self._road_entry(name, geom, path)
        aliases = list(aliases)
        self._add_variants([(idx, a, "c") for a in aliases])
        self._roads[idx] = geom
        self._loaded.append(f"road:{name}:{_file_digest(Path(path))}:{list(aliases)}")
        self._memo.clear()
        return self.place(idx, matched=name)

    def _road_entry(self, name: str, geom: Any, path: str | Path) -> int:
        """The entry of the road named ``name`` (a new one if none), placed at ``geom``'s middle."""
        import shapely  # lazy: the geocode path needs no geometry

        idx = None
        for vi in self._vids_key(name_key(name)):
            e = self._v_entry[vi]
            if self._kind[e] == "road":
                idx = e
                break
        mid = geom.interpolate(0.5, normalized=True) if geom.length > 0 else shapely.centroid(geom)
        if idx is not None:
            self._lat[idx], self._lon[idx] = mid.y, mid.x
            self._precision[idx] = "surveyed"
            self._extra[idx] = {**self._extra_of(idx), "path": str(path)}
            return idx
        idx = self._add_entry(
            name=name,
            lat=mid.y,
            lon=mid.x,
            kind="road",
            admin=(),
            source="file",
            source_id=name,
            country="",
            level=None,
            precision="surveyed",
            population=0,
            importance=6.0,
            extra={"path": str(path)},
        )
        self._add_variant(idx, name, "p")
        return idx


def _read_line(path: str | Path, layer: str | int | None, online: bool | None) -> Any:
    import shapely  # lazy: the geocode path needs no geometry

    from ..boundaries import check_local_file  # lazy: keeps the geocode path's start-up

    p = local_file(path, "road file")
    check_local_file(p, online=online)  # sniffs the content: no VRT, FIFO or oversized file
    try:
        import pyogrio  # lazy: GDAL only for a road file

        gdf = pyogrio.read_dataframe(p, layer=layer)
    except Exception as exc:  # pyogrio raises its own DataSourceError / DataLayerError
        raise InputError(f"cannot read road file {str(path)!r}: {exc}") from None
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    geoms = [g for g in gdf.geometry if g is not None and not g.is_empty]
    lines = [g for g in geoms if g.geom_type in ("LineString", "MultiLineString")]
    if not lines:
        kinds = sorted({g.geom_type for g in geoms}) or ["nothing"]
        raise InputError(
            f"road file {str(path)!r} holds no line ({', '.join(kinds)}); give a file with "
            "LineString features (and layer= for a multi-layer file)"
        )
    merged = shapely.line_merge(shapely.union_all(lines))
    return merged
