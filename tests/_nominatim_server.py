"""A stand-in for Nominatim's /search API on 127.0.0.1, for the online geocoder tests.

It answers ``format=json`` / ``jsonv2`` searches from a few real places (real
names and coordinates; the OSM ids are illustrative), honours ``countrycodes``
(a filter), ``viewbox`` (a bias: answers inside come first unless
``bounded=1``), ``limit``, ``addressdetails``, ``extratags`` and
``namedetails``, and answers ``[]`` when nothing matches. Tests queue
misbehaviour for the next requests with :meth:`NominatimStandIn.then`: a
status with headers (429 + Retry-After, 500 …) or a delay (a slow answer).
Every request is recorded with its arrival time.

Usage::

    with NominatimStandIn() as server:
        server.then(status=429, headers={"Retry-After": "1"})
        ...  # point geopy at domain=server.domain, scheme="http"
        assert server.count == 2
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

LICENCE = "Data © OpenStreetMap contributors, ODbL 1.0. https://osm.org/copyright"

#: name variants (case-folded) -> answer, in Nominatim's format=json shape.
PLACES: list[dict[str, Any]] = [
    {
        "names": ["sochi", "сочи"],
        "place_id": 1001,
        "osm_type": "relation",
        "osm_id": 1478916,
        "lat": "43.5854823",
        "lon": "39.723109",
        "class": "boundary",
        "type": "administrative",
        "place_rank": 16,
        "addresstype": "city",
        "importance": 0.6581,
        "name": "Sochi",
        "display_name": "Sochi, Sochi Urban Okrug, Krasnodar Krai, Southern Federal District, "
        "Russia",
        "boundingbox": ["43.3870", "43.9999", "39.1476", "40.0103"],
        "address": {
            "city": "Sochi",
            "county": "Sochi Urban Okrug",
            "state": "Krasnodar Krai",
            "region": "Southern Federal District",
            "country": "Russia",
            "country_code": "ru",
        },
        "extratags": {"population": "466078", "wikidata": "Q132416"},
        "namedetails": {"name": "Сочи", "name:en": "Sochi", "name:ar": "سوتشي"},
    },
    {
        "names": ["tripoli", "طرابلس"],
        "place_id": 1002,
        "osm_type": "node",
        "osm_id": 3398245,
        "lat": "32.896672",
        "lon": "13.1777923",
        "class": "place",
        "type": "city",
        "place_rank": 16,
        "addresstype": "city",
        "importance": 0.7012,
        "name": "Tripoli",
        "display_name": "Tripoli, Tripoli District, Libya",
        "boundingbox": ["32.7366", "33.0566", "13.0177", "13.3377"],
        "address": {
            "city": "Tripoli",
            "state": "Tripoli District",
            "country": "Libya",
            "country_code": "ly",
        },
        "extratags": {"population": "1165000"},
        "namedetails": {"name": "طرابلس", "name:en": "Tripoli", "name:ar": "طرابلس"},
    },
    {
        "names": ["tripoli", "طرابلس"],
        "place_id": 1003,
        "osm_type": "node",
        "osm_id": 2346112,
        "lat": "34.4367",
        "lon": "35.8497",
        "class": "place",
        "type": "city",
        "place_rank": 16,
        "addresstype": "city",
        "importance": 0.5321,
        "name": "Tripoli",
        "display_name": "Tripoli, Tripoli District, North Governorate, Lebanon",
        "boundingbox": ["34.2767", "34.5967", "35.6897", "36.0097"],
        "address": {
            "city": "Tripoli",
            "county": "Tripoli District",
            "state": "North Governorate",
            "country": "Lebanon",
            "country_code": "lb",
        },
        "extratags": {"population": "229398"},
        "namedetails": {"name": "طرابلس", "name:en": "Tripoli"},
    },
    {
        "names": ["idlib governorate", "idlib", "محافظة إدلب"],
        "place_id": 1004,
        "osm_type": "relation",
        "osm_id": 2060612,
        "lat": "35.7947",
        "lon": "36.6322",
        "class": "boundary",
        "type": "administrative",
        "place_rank": 8,
        "addresstype": "state",
        "importance": 0.5012,
        "name": "Idlib Governorate",
        "display_name": "Idlib Governorate, Syria",
        "boundingbox": ["35.1528", "36.3325", "36.0830", "37.1220"],
        "address": {"state": "Idlib Governorate", "country": "Syria", "country_code": "sy"},
        "extratags": {},
        "namedetails": {"name": "محافظة إدلب", "name:en": "Idlib Governorate"},
    },
    {
        "names": ["bab al-hawa border crossing", "bab al-hawa", "cilvegözü"],
        "place_id": 1005,
        "osm_type": "node",
        "osm_id": 4912003311,
        "lat": "36.2327",
        "lon": "36.6706",
        "class": "barrier",
        "type": "border_control",
        "place_rank": 30,
        "addresstype": "barrier",
        "importance": 0.2101,
        "name": "Bab al-Hawa Border Crossing",
        "display_name": "Bab al-Hawa Border Crossing, Harem District, Idlib Governorate, Syria",
        "boundingbox": ["36.2326", "36.2328", "36.6705", "36.6707"],
        "address": {
            "county": "Harem District",
            "state": "Idlib Governorate",
            "country": "Syria",
            "country_code": "sy",
        },
        "extratags": {},
        "namedetails": {"name": "معبر باب الهوى", "name:en": "Bab al-Hawa Border Crossing"},
    },
    {
        "names": ["m4", "m4 highway", "m 4"],
        "place_id": 1006,
        "osm_type": "way",
        "osm_id": 28377013,
        "lat": "35.8306",
        "lon": "36.4271",
        "class": "highway",
        "type": "trunk",
        "place_rank": 26,
        "addresstype": "road",
        "importance": 0.1,
        "name": "M4",
        "display_name": "M4, Jisr al-Shughur District, Idlib Governorate, Syria",
        "boundingbox": ["35.8215", "35.8401", "36.3523", "36.4985"],
        "address": {
            "road": "M4",
            "county": "Jisr al-Shughur District",
            "state": "Idlib Governorate",
            "country": "Syria",
            "country_code": "sy",
        },
        "extratags": {"ref": "M4"},
        "namedetails": {"name": "M4", "ref": "M4"},
    },
    {
        "names": ["qornet es saouda", "qurnat as sawda'", "القرنة السوداء"],
        "place_id": 1008,
        "osm_type": "node",
        "osm_id": 410186203,
        "lat": "34.2985",
        "lon": "36.1178",
        "class": "natural",
        "type": "peak",
        "place_rank": 18,
        "addresstype": "peak",
        "importance": 0.3,
        "name": "Qornet es Saouda",
        "display_name": "Qornet es Saouda, Bsharri District, North Governorate, Lebanon",
        "boundingbox": ["34.2485", "34.3485", "36.0678", "36.1678"],
        "address": {
            "peak": "Qornet es Saouda",
            "county": "Bsharri District",
            "state": "North Governorate",
            "country": "Lebanon",
            "country_code": "lb",
        },
        "extratags": {"ele": "3088"},
        "namedetails": {"name": "القرنة السوداء", "name:en": "Qornet es Saouda"},
    },
    {
        "names": ["syria", "سوريا"],
        "place_id": 1007,
        "osm_type": "relation",
        "osm_id": 184840,
        "lat": "34.6401861",
        "lon": "39.0494106",
        "class": "boundary",
        "type": "administrative",
        "place_rank": 4,
        "addresstype": "country",
        "importance": 0.8592,
        "name": "Syria",
        "display_name": "Syria",
        "boundingbox": ["32.3106", "37.3205", "35.7272", "42.3745"],
        "address": {"country": "Syria", "country_code": "sy"},
        "extratags": {"population": "21563800"},
        "namedetails": {"name": "سوريا", "name:en": "Syria"},
    },
]


@dataclass
class Request:
    """One request the stand-in received."""

    time: float
    path: str
    params: dict[str, str]
    headers: dict[str, str]


@dataclass
class Action:
    """What to do with one coming request instead of (or before) answering it."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    #: Raw answer body instead of the search results (JSON-encoded unless bytes).
    body: Any = None
    #: Seconds between bytes: the whole response (status line included) trickles out.
    trickle: float = 0.0
    #: Bytes of filler to stream after the headers, with no Content-Length (a huge answer).
    stream: int = 0
    #: Content-Length to declare instead of the real one.
    declared_length: int | None = None


class NominatimStandIn:
    """A threaded HTTP server on 127.0.0.1 (a free port) speaking Nominatim's /search."""

    def __init__(self, places: list[dict[str, Any]] | None = None) -> None:
        self.places = PLACES if places is None else places
        self.requests: list[Request] = []
        self.streamed = 0  # bytes of filler sent by stream= answers
        self._plan: deque[Action] = deque()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # -- life cycle
    def start(self) -> NominatimStandIn:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> NominatimStandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- for the tests
    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def domain(self) -> str:
        """``127.0.0.1:PORT``, geopy's ``domain`` option."""
        return f"127.0.0.1:{self.port}"

    @property
    def count(self) -> int:
        """How many requests arrived."""
        return len(self.requests)

    @property
    def times(self) -> list[float]:
        return [r.time for r in self.requests]

    def then(
        self,
        status: int = 200,
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
        **how: Any,
    ) -> NominatimStandIn:
        """Queue one misbehaviour for the next request that has none queued.

        ``how``: ``body=`` (an answer of our own), ``trickle=`` (seconds per byte),
        ``stream=`` (bytes of filler, no length), ``declared_length=``.
        """
        with self._lock:
            self._plan.append(Action(status, dict(headers or {}), delay, **how))
        return self

    # -- the service
    def _next_action(self) -> Action:
        with self._lock:
            return self._plan.popleft() if self._plan else Action()

    def search(self, params: dict[str, str]) -> list[dict[str, Any]]:
        """The answers to a /search query, in the requested format."""
        q = " ".join(params.get("q", "").split()).casefold()
        found = [p for p in self.places if q and q in p["names"]]
        codes = [c for c in params.get("countrycodes", "").lower().split(",") if c]
        if codes:
            found = [p for p in found if p["address"]["country_code"] in codes]
        if params.get("viewbox"):
            inside = [p for p in found if _inside(p, params["viewbox"])]
            if params.get("bounded") == "1":
                found = inside
            else:
                found = inside + [p for p in found if p not in inside]
        found = found[: int(params.get("limit", "10"))]
        return [_shape(p, params) for p in found]


def _inside(place: dict[str, Any], viewbox: str) -> bool:
    x1, y1, x2, y2 = (float(v) for v in viewbox.split(","))
    lon, lat = float(place["lon"]), float(place["lat"])
    return min(x1, x2) <= lon <= max(x1, x2) and min(y1, y2) <= lat <= max(y1, y2)


def _shape(place: dict[str, Any], params: dict[str, str]) -> dict[str, Any]:
    out = {
        k: v for k, v in place.items() if k not in ("names", "address", "extratags", "namedetails")
    }
    out["licence"] = LICENCE
    if params.get("format") == "jsonv2":
        out["category"] = out.pop("class")
    if params.get("addressdetails") == "1":
        out["address"] = place["address"]
    if params.get("extratags") in ("1", "True", "true"):
        out["extratags"] = place["extratags"]
    if params.get("namedetails") == "1":
        out["namedetails"] = place["namedetails"]
    return out


def _handler_for(server: NominatimStandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out at once, no 40 ms stall

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            url = urlsplit(self.path)
            params = {k: v[-1] for k, v in parse_qs(url.query).items()}
            with server._lock:
                server.requests.append(
                    Request(time.monotonic(), url.path, params, dict(self.headers.items()))
                )
            action = server._next_action()
            if action.delay:
                time.sleep(action.delay)
            if action.trickle or action.stream or action.body is not None:
                return self._misbehave(action)
            if action.status != 200:
                return self._send(
                    action.status,
                    {"error": {"code": action.status, "message": "stand-in refusal"}},
                    action.headers,
                )
            if url.path.rstrip("/") not in ("/search", "/search.php"):
                return self._send(404, {"error": "not found"})
            if params.get("format") not in ("json", "jsonv2"):
                return self._send(400, {"error": "format must be json or jsonv2 here"})
            return self._send(200, server.search(params))

        def _send(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

        def _misbehave(self, action: Action) -> None:
            """A trickling, huge, or hand-written answer."""
            body = action.body if action.body is not None else []
            data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
            head = [f"HTTP/1.1 {action.status} OK", "Content-Type: application/json"]
            if action.stream:
                head.append("Connection: close")
                self.close_connection = True
            else:
                length = action.declared_length if action.declared_length is not None else len(data)
                head.append(f"Content-Length: {length}")
            raw = ("\r\n".join(head) + "\r\n\r\n").encode() + (b"" if action.stream else data)
            try:
                if action.trickle:
                    for i in range(len(raw)):
                        self.wfile.write(raw[i : i + 1])
                        self.wfile.flush()
                        time.sleep(action.trickle)
                    return
                self.wfile.write(raw)
                if action.stream:
                    self.wfile.write(b"[")
                    filler = b'{"display_name": "x", "lat": "1", "lon": "2"},' * 1400
                    for _ in range(action.stream // len(filler) + 1):
                        self.wfile.write(filler)
                        server.streamed += len(filler)
            except (BrokenPipeError, ConnectionResetError, OSError):
                pass  # the client gave up: what it must do

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

    return Handler
