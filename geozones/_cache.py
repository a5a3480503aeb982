"""A persistent on-disk cache of online geocoder answers (SQLite).

One SQLite file under ``settings.cache_dir`` holds every answer the opt-in
online geocoder got, keyed by a hash of (service, query, options), including
"not found" (an empty answer). The database runs in WAL mode with a busy
timeout, so several processes can read and write it at the same time. Entries
older than ``settings.online_cache_days`` are ignored (and replaced on the
next answer).

Only :mod:`geozones.online` and ``geozones cache`` use this module.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from . import settings
from .errors import OnlineGeocodingError

#: File name of the answer cache inside ``settings.cache_dir``.
DB_NAME = "online-answers.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    key      TEXT PRIMARY KEY,
    service  TEXT NOT NULL,
    query    TEXT NOT NULL,
    options  TEXT NOT NULL,
    answer   TEXT NOT NULL,
    created  REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS answers_created ON answers (created);
CREATE TABLE IF NOT EXISTS slots (
    server   TEXT PRIMARY KEY,
    last     REAL NOT NULL
);
"""
_DAY = 86400.0
#: Open connections of this thread: (path, pid) -> (connection, inode of the file).
_LOCAL = threading.local()


def db_path() -> Path:
    """Path of the answer cache file.

    Examples
    --------
    >>> db_path().name
    'online-answers.sqlite'
    """
    return Path(settings.cache_dir) / DB_NAME


def make_key(service: str, query: str, options: Mapping[str, Any]) -> str:
    """The cache key of a question: a hash of service, query and options.

    Examples
    --------
    >>> make_key("nominatim", "azaz", {"limit": 5}) == make_key("nominatim", "azaz", {"limit": 5})
    True
    >>> make_key("nominatim", "azaz", {}) == make_key("nominatim", "azaz", {"limit": 5})
    False
    """
    text = json.dumps([service, query, dict(options)], sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def get(key: str, *, max_age_days: float | None = None) -> tuple[list[Any], float] | None:
    """The cached answer of ``key`` and when it was stored, or None if absent or expired.

    An empty list is a cached "not found".

    Examples
    --------
    >>> get("no-such-key") is None                       # doctest: +SKIP
    True
    """
    if max_age_days is None:
        max_age_days = settings.online_cache_days
    if not db_path().exists():
        return None
    with _connect() as con:
        row = con.execute("SELECT answer, created FROM answers WHERE key = ?", (key,)).fetchone()
    if row is None or time.time() - row[1] > max_age_days * _DAY:
        return None
    return json.loads(row[0]), row[1]


def put(key: str, service: str, query: str, options: Mapping[str, Any], answer: list[Any]) -> float:
    """Store ``answer`` (a JSON-ready list; ``[]`` = not found) under ``key``; return the time.

    Expired entries are dropped at the same time.

    Examples
    --------
    >>> put(make_key("nominatim", "x", {}), "nominatim", "x", {}, [])   # doctest: +SKIP
    1795840000.0
    """
    now = time.time()
    row = (
        key,
        service,
        query,
        json.dumps(dict(options), sort_keys=True, default=str),
        json.dumps(answer, ensure_ascii=False),
        now,
    )
    with _connect() as con:
        con.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?, ?)", row)
        con.execute(
            "DELETE FROM answers WHERE created < ?", (now - settings.online_cache_days * _DAY,)
        )
    return now


def take_request_slot(server: str, min_delay: float) -> float:
    """Wait until ``min_delay`` s have passed since any process's last request to ``server``.

    The time of the last request per server is kept in the cache file, so
    processes running side by side share one rate limit. The slot is claimed
    before returning; the seconds waited are returned.

    Examples
    --------
    >>> take_request_slot("Nominatim:https://nominatim.openstreetmap.org", 1.0)  # doctest: +SKIP
    0.0
    """
    waited = 0.0
    while True:
        with _connect() as con:
            con.execute("BEGIN IMMEDIATE")
            row = con.execute("SELECT last FROM slots WHERE server = ?", (server,)).fetchone()
            now = time.time()
            wait = 0.0 if row is None else row[0] + min_delay - now
            if wait <= 0 or wait > min_delay:  # free, or the clock went back: take it
                con.execute("INSERT OR REPLACE INTO slots VALUES (?, ?)", (server, now))
            con.execute("COMMIT")
        if wait <= 0 or wait > min_delay:
            return waited
        time.sleep(wait)
        waited += wait


def end_request(server: str) -> None:
    """Record that a request to ``server`` just ended: the next slot counts from now.

    Examples
    --------
    >>> end_request("Nominatim:https://nominatim.openstreetmap.org")  # doctest: +SKIP
    """
    with _connect() as con:
        con.execute("UPDATE slots SET last = max(last, ?) WHERE server = ?", (time.time(), server))


def info() -> dict[str, Any]:
    """Figures about the answer cache: path, size, entries, not-found and expired entries.

    Examples
    --------
    >>> sorted(info())                                   # doctest: +SKIP
    ['bytes', 'entries', 'expired', 'newest', 'not_found', 'oldest', 'path', 'services']
    """
    path = db_path()
    out: dict[str, Any] = {
        "path": str(path),
        "bytes": 0,
        "entries": 0,
        "not_found": 0,
        "expired": 0,
        "services": {},
        "oldest": None,
        "newest": None,
    }
    if not path.exists():
        return out
    out["bytes"] = sum(p.stat().st_size for p in _files(path) if p.exists())
    limit = time.time() - settings.online_cache_days * _DAY
    with _connect() as con:
        n, not_found, expired, oldest, newest = con.execute(
            "SELECT count(*), sum(answer = '[]'), sum(created < ?), min(created), max(created) "
            "FROM answers",
            (limit,),
        ).fetchone()
        services = dict(con.execute("SELECT service, count(*) FROM answers GROUP BY service"))
    out.update(
        entries=n,
        not_found=not_found or 0,
        expired=expired or 0,
        services=services,
        oldest=_iso(oldest),
        newest=_iso(newest),
    )
    return out


def clear() -> int:
    """Forget every cached online answer; return how many there were.

    A damaged cache file is deleted outright.

    Examples
    --------
    >>> clear()                                          # doctest: +SKIP
    12
    """
    path = db_path()
    if not path.exists():
        return 0
    try:
        with _connect() as con:
            n = con.execute("DELETE FROM answers").rowcount
        with _connect() as con:
            con.execute("VACUUM")
        return n
    except OnlineGeocodingError as exc:
        _forget(path)
        try:
            for p in _files(path):
                p.unlink(missing_ok=True)
        except OSError:
            raise exc from None
        return 0


@contextlib.contextmanager
def _connect() -> Iterator[sqlite3.Connection]:
    """The process's open connection to the cache file, inside one ``with con`` block.

    The connection stays open (one per thread and file): closing the last
    connection of a WAL database checkpoints and deletes the log, which would
    cost a few fsyncs on every question.
    """
    path = db_path()
    try:
        con = _open(path)
        with con:  # commit on success, roll back on error
            yield con
    except sqlite3.Error as exc:
        _forget(path)
        raise _cache_error(path, exc) from None


def _open(path: Path) -> sqlite3.Connection:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        existed = path.exists()
        stat = path.stat() if existed else None
    except OSError as exc:
        raise _cache_error(path, exc) from None
    key = (str(path), os.getpid())
    cons: dict[tuple[str, int], tuple[sqlite3.Connection, int]] = _LOCAL.__dict__.setdefault(
        "cons", {}
    )
    if key in cons:
        con, inode = cons[key]
        if stat is not None and stat.st_ino == inode:
            return con
        _forget(path)  # the file was deleted or replaced meanwhile
    con = sqlite3.connect(path, timeout=30.0, isolation_level=None, check_same_thread=True)
    try:
        _prepare(con)
    except BaseException:
        con.close()
        raise
    cons[key] = (con, path.stat().st_ino)
    return con


def _forget(path: Path) -> None:
    """Close this thread's connection to ``path``, if any."""
    cons = _LOCAL.__dict__.get("cons", {})
    entry = cons.pop((str(path), os.getpid()), None)
    if entry is not None:
        with contextlib.suppress(sqlite3.Error):
            entry[0].close()


def _prepare(con: sqlite3.Connection) -> None:
    """WAL mode and the tables; tolerant of another process doing the same at once.

    Switching to WAL needs a moment alone with the file and SQLite does not wait
    for that on its own, so a busy answer there is retried for a while.
    """
    con.execute("PRAGMA busy_timeout = 30000")
    con.execute("PRAGMA synchronous = NORMAL")
    deadline = time.monotonic() + 30.0
    while True:
        try:
            if con.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                con.execute("PRAGMA journal_mode = WAL")
            tables = con.execute(
                "SELECT count(*) FROM sqlite_master WHERE name IN ('answers', 'slots')"
            ).fetchone()[0]
            if tables < 2:
                con.executescript(_SCHEMA)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _cache_error(path: Path, exc: Exception) -> OnlineGeocodingError:
    return OnlineGeocodingError(
        f"cannot use the online answer cache {path}: {exc}; set settings.cache_dir "
        "(or GEOZONES_CACHE_DIR) to a writable folder, or run 'geozones cache clear --online'"
    )


def _files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _iso(t: float | None) -> str | None:
    if t is None:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))
