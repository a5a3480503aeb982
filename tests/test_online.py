"""The opt-in online geocoder, against a real HTTP server on 127.0.0.1 speaking Nominatim.

The stand-in (tests/_nominatim_server.py) records every request with its arrival
time, so these tests check what really goes over the wire: the user agent, the
spacing of requests, the retries, and that nothing at all is sent unless asked.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path

import pytest
from _nominatim_server import NominatimStandIn

from geozones import _cache, settings
from geozones.cli import main
from geozones.errors import (
    GeozonesError,
    InputError,
    OnlineServiceError,
    UnknownPlaceError,
    UserAgentNotSetError,
)
from geozones.online import _query_kwargs, _to_place, geocode_online
from geozones.place import Place

pytestmark = pytest.mark.online

AGENT = "geozones-tests/1.0 (tests@example.org)"
#: A place the stand-in knows and the offline gazetteer does not (Lebanon's highest peak).
PEAK = "Qornet es Saouda"
#: Arrival times on the server may come a little closer than the client spaced them
#: (the first request also opens the connection).
JITTER = 0.02

HAS_GAZETTEER = importlib.util.find_spec("geozones.gazetteer") is not None
needs_gazetteer = pytest.mark.skipif(not HAS_GAZETTEER, reason="geozones.gazetteer not written yet")


@pytest.fixture
def server():
    with NominatimStandIn() as s:
        yield s


@pytest.fixture
def online(server, monkeypatch, tmp_path):
    """Settings pointing geopy's Nominatim at the stand-in, with a fresh cache folder."""
    options = {"domain": server.domain, "scheme": "http", "proxies": {}}
    for name, value in {
        "online_service": "Nominatim",
        "online_options": options,
        "online_user_agent": AGENT,
        "online_min_delay": 0.3,
        "online_timeout": 5.0,
        "online_max_retries": 3,
        "online_cache_days": 30.0,
        "cache_dir": tmp_path / "cache",
    }.items():
        monkeypatch.setattr(settings, name, value)
    monkeypatch.delenv("GEOZONES_USER_AGENT", raising=False)
    monkeypatch.delenv("GEOZONES_ONLINE_OPTIONS", raising=False)
    return server


def _env(server: NominatimStandIn, cache_dir: Path, agent: str | None = AGENT) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOZONES_")}
    env["GEOZONES_CACHE_DIR"] = str(cache_dir)
    env["GEOZONES_ONLINE_OPTIONS"] = json.dumps(
        {"domain": server.domain, "scheme": "http", "proxies": {}}
    )
    if agent:
        env["GEOZONES_USER_AGENT"] = agent
    return env


def _gaps(server: NominatimStandIn) -> list[float]:
    t = server.times
    return [b - a for a, b in zip(t, t[1:], strict=False)]


# --- answers ----------------------------------------------------------------------------


def test_answer_is_a_place_marked_online_with_the_services_id(online):
    place = geocode_online("Sochi")
    assert isinstance(place, Place)
    assert place.source == "online:nominatim"
    assert place.source_id == "relation/1478916"
    assert place.precision == "approximate"
    assert place.kind == "populated place"  # boundary relation whose address type is a city
    assert place.country == "RU"
    assert place.admin[0] == "Russia" and "Krasnodar Krai" in place.admin
    assert (round(place.lat, 3), round(place.lon, 3)) == (43.585, 39.723)
    assert place.population == 466078
    assert place.extra["name_ar"] == "سوتشي"
    assert place.matched == "Sochi"
    assert place.score == 1.0  # match quality, folded as offline
    assert place.extra["importance"] == 0.6581  # the service's own ranking is kept aside
    assert geocode_online("Bab al-Hawa").score < 1.0  # the answer's name is longer
    # what went over the wire
    req = online.requests[0]
    assert req.path == "/search"
    assert req.headers["User-Agent"] == AGENT
    assert req.params["q"] == "Sochi" and req.params["format"] in ("json", "jsonv2")
    assert req.params["addressdetails"] == "1" and req.params["accept-language"] == "en"


@pytest.mark.parametrize(
    "query, kind, level, source_id",
    [
        ("Idlib Governorate", "admin area", 1, "relation/2060612"),
        ("M4", "road", None, "way/28377013"),
        ("Syria", "country", None, "relation/184840"),
        ("Bab al-Hawa", "populated place", None, "node/4912003311"),
    ],
)
def test_kind_comes_from_the_services_class_and_type(online, query, kind, level, source_id):
    place = geocode_online(query)
    assert (place.kind, place.level, place.source_id) == (kind, level, source_id)


def test_top_returns_a_list_and_near_biases_with_a_viewbox(online):
    places = geocode_online("Tripoli", top=3, near=(34.44, 35.85))
    assert [p.country for p in places] == ["LB", "LY"]
    assert all(p.source == "online:nominatim" for p in places)
    params = online.requests[-1].params
    west, south, east, north = (float(v) for v in params["viewbox"].split(","))
    assert west < 35.85 < east and south < 34.44 < north
    assert params.get("bounded", "0") != "1"  # a bias, not a filter


def test_country_becomes_countrycodes(online):
    assert geocode_online("Tripoli").country == "LY"  # the service's first answer
    lebanon = geocode_online("Tripoli", country="LB")
    assert lebanon.country == "LB" and lebanon.admin[0] == "Lebanon"
    assert online.requests[-1].params["countrycodes"] == "lb"
    assert online.count == 2  # another context is another question


def test_bad_country_and_near_are_refused_before_sending(online):
    with pytest.raises(InputError, match="ISO 3166-1"):
        geocode_online("Tripoli", country="Lebanon")
    with pytest.raises(InputError, match="near"):
        geocode_online("Tripoli", near="somewhere")
    with pytest.raises(InputError, match="non-empty"):
        geocode_online("   ")
    assert online.count == 0


def test_jsonv2_answers_read_like_json_answers(online):
    url = f"http://{online.domain}/search?q=Idlib&format=jsonv2&addressdetails=1"
    with urllib.request.urlopen(url, timeout=5) as resp:
        raw = json.load(resp)[0]
    assert "category" in raw and "class" not in raw
    item = {
        "lat": float(raw["lat"]),
        "lon": float(raw["lon"]),
        "address": raw["display_name"],
        "raw": raw,
    }
    place = _to_place(item, "nominatim", "Idlib", time.time())
    assert (place.kind, place.level, place.country) == ("admin area", 1, "SY")


def test_other_geopy_geocoders_get_the_parameters_they_take():
    from geopy.geocoders import Photon

    kwargs = _query_kwargs(Photon, top=2, country="SY", near=(36.0, 36.6))
    assert kwargs["location_bias"] == [36.0, 36.6]  # Photon's focus point
    assert "viewbox" not in kwargs and "bbox" not in kwargs  # never a hard bound
    assert kwargs["limit"] >= 2 and kwargs["language"] == "en"
    photon_raw = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [36.6706, 36.2327]},
        "properties": {
            "osm_type": "N",
            "osm_id": 4912003311,
            "osm_key": "barrier",
            "osm_value": "border_control",
            "name": "Bab al-Hawa",
            "countrycode": "SY",
        },
    }
    item = {"lat": 36.2327, "lon": 36.6706, "address": "Bab al-Hawa", "raw": photon_raw}
    place = _to_place(item, "photon", "Bab al-Hawa", time.time())
    assert (place.source, place.source_id, place.country) == (
        "online:photon",
        "node/4912003311",
        "SY",
    )


# --- politeness: user agent, rate limit, retries, timeout -------------------------------


def test_missing_user_agent_is_a_clear_error_and_nothing_is_sent(online, monkeypatch):
    monkeypatch.setattr(settings, "online_user_agent", None)
    with pytest.raises(UserAgentNotSetError) as err:
        geocode_online("Sochi")
    assert "settings.online_user_agent" in str(err.value)
    assert "GEOZONES_USER_AGENT" in str(err.value)
    monkeypatch.setattr(settings, "online_user_agent", "geopy/2.5.0")  # geopy's stock agent
    with pytest.raises(UserAgentNotSetError, match="stock"):
        geocode_online("Sochi")
    assert online.count == 0
    monkeypatch.setenv("GEOZONES_USER_AGENT", "another-project/2.0 (x@example.org)")
    monkeypatch.setattr(settings, "online_user_agent", None)
    assert geocode_online("Sochi").country == "RU"
    assert online.requests[0].headers["User-Agent"] == "another-project/2.0 (x@example.org)"


def test_requests_are_spaced_by_the_minimum_delay(online):
    for name in ("Sochi", "Syria", "M4", "Idlib"):
        geocode_online(name)
    assert online.count == 4
    assert min(_gaps(online)) >= 0.3 - JITTER


def test_the_real_default_delay_is_one_second(online, monkeypatch):
    monkeypatch.setattr(settings, "online_min_delay", 1.0)
    geocode_online("Sochi")
    geocode_online("Syria")
    (gap,) = _gaps(online)
    assert gap >= 1.0 - JITTER


def test_processes_side_by_side_share_the_rate_limit(online, tmp_path):
    code = textwrap.dedent(
        """
        import sys, time
        from geozones import settings
        from geozones.online import geocode_online
        settings.online_min_delay = 0.4
        time.sleep(max(0.0, float(sys.argv[2]) - time.time()))  # start together
        for name in sys.argv[1].split(","):
            geocode_online(name)
        """
    )
    env = _env(online, tmp_path / "shared-cache")
    start = str(time.time() + 2.0)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, names, start], env=env, stderr=subprocess.PIPE, text=True
        )
        for names in ("Sochi,Syria", "M4,Idlib")
    ]
    for p in procs:
        assert p.wait(timeout=60) == 0, p.stderr.read()
    assert online.count == 4
    assert min(_gaps(online)) >= 0.4 - JITTER


def test_the_public_nominatim_is_never_asked_faster_than_once_a_second(online):
    from geopy.geocoders import Nominatim

    from geozones.online import _min_delay

    public = Nominatim(user_agent=AGENT)  # no request is made
    assert _min_delay(public) == 1.0  # settings say 0.3 here
    assert _min_delay(Nominatim(user_agent=AGENT, domain=online.domain, scheme="http")) == 0.3


def test_cache_hits_neither_sleep_nor_count_against_the_rate_limit(online):
    from geozones import online as online_module

    geocode_online("Sochi")
    (limiter,) = [v for k, v in online_module._LIMITERS.items() if k.endswith(online.domain)]
    last_request = limiter._last_call
    t0 = time.monotonic()
    for _ in range(5):
        assert geocode_online("  sochi ").country == "RU"  # folded query: same question
    assert time.monotonic() - t0 < 0.25  # five hits in well under one 0.3 s slot
    assert limiter._last_call == last_request  # the hits took no request slot
    geocode_online("Syria")  # a miss: spaced from "Sochi" only
    assert online.count == 2
    assert _gaps(online)[0] >= 0.3 - JITTER


def test_429_waits_for_retry_after_then_succeeds(online):
    online.then(status=429, headers={"Retry-After": "1"})
    assert geocode_online("Sochi").country == "RU"
    assert online.count == 2
    assert _gaps(online)[0] >= 1.0 - JITTER


def test_429_asking_for_a_long_wait_gives_up_with_a_clear_message(online):
    online.then(status=429, headers={"Retry-After": "3600"})
    with pytest.raises(OnlineServiceError, match="3600 s"):
        geocode_online("Sochi")
    assert online.count == 1


def test_500_is_retried_with_back_off(online, monkeypatch):
    online.then(status=500)
    assert geocode_online("Sochi").country == "RU"
    assert online.count == 2
    monkeypatch.setattr(settings, "online_max_retries", 2)
    for _ in range(3):
        online.then(status=500)
    with pytest.raises(OnlineServiceError, match=r"HTTP 500 to 3 attempt"):
        geocode_online("Syria")
    assert online.count == 5
    gaps = _gaps(online)[-2:]  # 0.3 s, then doubled
    assert gaps[0] >= 0.3 - JITTER and gaps[1] >= 0.6 - JITTER
    assert not _cache.info()["not_found"]  # a failure is not cached as "not found"


def test_other_http_errors_are_not_retried(online):
    online.then(status=403)
    with pytest.raises(OnlineServiceError, match="HTTP 403"):
        geocode_online("Sochi")
    assert online.count == 1


def test_timeout_is_a_clear_error_and_is_not_retried(online, monkeypatch):
    monkeypatch.setattr(settings, "online_timeout", 0.5)
    online.then(delay=1.5)
    t0 = time.monotonic()
    with pytest.raises(OnlineServiceError, match=r"did not answer within 0\.5 s") as err:
        geocode_online("Sochi")
    assert time.monotonic() - t0 < 1.4
    assert "settings.online_timeout" in str(err.value)
    assert online.count == 1  # neither geozones nor urllib3 retried behind our back


def test_an_unreachable_server_is_a_clear_error(online, monkeypatch):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setattr(
        settings, "online_options", {"domain": f"127.0.0.1:{port}", "scheme": "http", "proxies": {}}
    )
    with pytest.raises(OnlineServiceError, match=r"cannot reach Nominatim at .*Connection refused"):
        geocode_online("Sochi")
    assert _cache.info()["entries"] == 0  # a failure is not cached as "not found"


def test_unknown_service_and_options_are_clear_errors(online, monkeypatch):
    monkeypatch.setattr(settings, "online_service", "NoSuchGeocoder")
    with pytest.raises(InputError, match="Nominatim"):
        geocode_online("Sochi")
    monkeypatch.setattr(settings, "online_service", "AzureMaps")  # a class name, not a key
    with pytest.raises(InputError, match="AzureMaps.*subscription_key"):
        geocode_online("Sochi")  # known geocoder; its required key is missing
    monkeypatch.setattr(settings, "online_service", "Nominatim")
    monkeypatch.setattr(settings, "online_options", {"domian": online.domain})
    with pytest.raises(InputError, match="domian"):
        geocode_online("Sochi")
    assert online.count == 0


# --- the cache ------------------------------------------------------------------------------


def test_not_found_is_cached(online):
    for _ in range(2):
        with pytest.raises(UnknownPlaceError, match="found nothing"):
            geocode_online("Kafr Nowhere")
    assert online.count == 1
    assert _cache.info()["not_found"] == 1


def test_expired_answers_are_asked_again(online, monkeypatch):
    geocode_online("Sochi")
    with sqlite3.connect(_cache.db_path()) as con:  # make the answer 31 days old
        con.execute("UPDATE answers SET created = created - 31 * 86400")
    monkeypatch.setattr(settings, "online_cache_days", 60.0)
    geocode_online("Sochi")
    assert online.count == 1  # still fresh under a 60-day expiry
    monkeypatch.setattr(settings, "online_cache_days", 30.0)
    assert _cache.info()["expired"] == 1
    geocode_online("Sochi")
    assert online.count == 2
    assert _cache.info()["entries"] == 1 and _cache.info()["expired"] == 0


def test_cache_info_and_clear_commands(online, capsys):
    geocode_online("Sochi")
    with pytest.raises(UnknownPlaceError):
        geocode_online("Kafr Nowhere")
    timelines = Path(settings.cache_dir) / "timelines" / "abc123"
    timelines.mkdir(parents=True)
    (timelines / "features.parquet").write_bytes(b"x" * 10)

    assert main(["cache", "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["online"]["entries"] == 2 and info["online"]["not_found"] == 1
    assert info["online"]["services"] == {"nominatim": 2}
    assert info["timelines"]["entries"] == 1
    assert main(["cache", "info"]) == 0
    assert "online answers: 2 (1 not found" in capsys.readouterr().out

    assert main(["cache", "clear", "--online"]) == 0
    assert "removed 2 online answer(s)" in capsys.readouterr().out
    assert timelines.exists()  # --online leaves compiled timelines alone
    geocode_online("Sochi")
    assert online.count == 3  # asked again after the clear

    assert main(["cache", "clear"]) == 0
    assert "1 compiled timeline(s)" in capsys.readouterr().out
    assert not timelines.exists() and _cache.info()["entries"] == 0


def test_a_damaged_cache_file_is_a_clear_error_and_clear_repairs_it(online, capsys):
    path = _cache.db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(GeozonesError, match="cache clear --online"):
        geocode_online("Sochi")
    assert main(["cache", "clear", "--online"]) == 0
    assert geocode_online("Sochi").country == "RU"


def test_cache_is_shared_across_processes(online, tmp_path):
    code = textwrap.dedent(
        """
        from geozones.online import geocode_online
        p = geocode_online("Sochi")
        print(p.source, p.source_id)
        """
    )
    env = _env(online, tmp_path / "shared-cache")
    outs = [
        subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
        )
        for _ in range(2)
    ]
    for out in outs:
        assert out.returncode == 0, out.stderr
        assert out.stdout.split() == ["online:nominatim", "relation/1478916"]
    assert online.count == 1


def test_concurrent_processes_can_write_the_cache(online, tmp_path):
    code = textwrap.dedent(
        """
        import sys, time
        from geozones import _cache
        time.sleep(max(0.0, float(sys.argv[2]) - time.time()))  # start together
        for i in range(40):
            q = f"{sys.argv[1]}-{i}"
            _cache.put(_cache.make_key("nominatim", q, {}), "nominatim", q, {}, [])
            assert _cache.get(_cache.make_key("nominatim", q, {})) is not None
        """
    )
    env = _env(online, tmp_path / "busy-cache")
    start = str(time.time() + 2.0)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, tag, start], env=env, stderr=subprocess.PIPE, text=True
        )
        for tag in "abc"
    ]
    for p in procs:
        assert p.wait(timeout=60) == 0, p.stderr.read()
    with sqlite3.connect(tmp_path / "busy-cache" / _cache.DB_NAME) as con:
        assert con.execute("SELECT count(*) FROM answers").fetchone()[0] == 120
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# --- offline stays offline; the CLI -----------------------------------------------------------


def _offline(name: str, **kw) -> Place | None:
    """The offline gazetteer's answer, or None when it raises UnknownPlaceError."""
    import geozones

    try:
        return geozones.geocode(name, **kw)
    except UnknownPlaceError:
        return None


@needs_gazetteer
def test_nothing_is_sent_without_online_true(online):
    assert _offline("Azaz").source != "online:nominatim"  # known offline
    for name in (PEAK, "Xqzv Wqkl", "Kafr Nowhere Qqq"):  # unknown offline
        place = _offline(name)
        assert place is None or not place.source.startswith("online:")
    assert online.count == 0
    # online=True with a good offline match still asks nobody
    assert not _offline("Azaz", online=True).source.startswith("online:")
    assert online.count == 0


@needs_gazetteer
def test_online_true_falls_back_to_the_service(online):
    offline = _offline(PEAK)  # a Lebanese mountain top: no good offline match
    assert offline is None or offline.source_id != "node/410186203"
    place = _offline(PEAK, online=True)
    assert (place.source, place.source_id, place.country) == (
        "online:nominatim",
        "node/410186203",
        "LB",
    )
    assert online.count == 1
    assert _offline(PEAK, online=True, top=2)[0].source == "online:nominatim"
    assert online.count == 1  # top=1..5 share one cached answer
    point = place.geometry  # the gazetteer's geometry hook copes with online places
    assert (point.geom_type, round(point.x, 4), round(point.y, 4)) == ("Point", 36.1178, 34.2985)


@needs_gazetteer
def test_cli_online_marks_the_source_and_uses_the_cache_across_runs(online, tmp_path):
    env = _env(online, tmp_path / "cli-cache")
    cmd = [sys.executable, "-m", "geozones", "geocode", PEAK]

    offline = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
    assert offline.returncode in (0, 1, 2) and "Traceback" not in offline.stderr
    assert "online:" not in offline.stdout
    assert online.count == 0  # the CLI without --online sends nothing

    runs = [
        subprocess.run([*cmd, "--online"], env=env, capture_output=True, text=True, timeout=60)
        for _ in range(2)
    ]
    for run in runs:
        assert run.returncode == 0, run.stderr
        assert "online:nominatim" in run.stdout  # plain output marks online answers
    assert online.count == 1  # the second run was a cache hit in another process

    js = subprocess.run(
        [*cmd, "--online", "--json"], env=env, capture_output=True, text=True, timeout=60
    )
    (data,) = json.loads(js.stdout)
    data = data.get("results", [data])[0]  # [{"query": NAME, "results": [place, ...]}]
    assert data["source"] == "online:nominatim" and data["source_id"] == "node/410186203"

    no_agent = subprocess.run(
        [*cmd, "--online"],
        env=_env(online, tmp_path / "c2", agent=None),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert no_agent.returncode == 2
    (error,) = [line for line in no_agent.stderr.splitlines() if "error:" in line]
    assert "GEOZONES_USER_AGENT" in error and "Traceback" not in no_agent.stderr
    assert online.count == 1


# --- bounded answers (issue #12, item 7) -------------------------------------------------


def test_a_trickling_server_cannot_hold_a_request_past_its_deadline(online, monkeypatch):
    from geozones.online import OnlineTimeoutError

    monkeypatch.setattr(settings, "online_timeout", 1.0)
    # one byte every 0.3 s: each socket read succeeds, the whole answer would take a minute
    online.then(trickle=0.3, body=[{"display_name": "Sochi", "lat": "43.6", "lon": "39.7"}])
    t0 = time.monotonic()
    with pytest.raises(OnlineTimeoutError, match=r"did not answer within 1 s"):
        geocode_online("Sochi")
    assert time.monotonic() - t0 < 1.8  # the deadline bounds the request, not each read
    assert online.count == 1
    assert geocode_online("Sochi").source_id == "relation/1478916"  # nothing was cached
    assert online.count == 2


def test_a_huge_answer_is_refused_without_reading_it(online, monkeypatch):
    from geozones.online import OnlineAnswerTooLargeError

    monkeypatch.setattr(settings, "online_max_bytes", 1_000_000)
    online.then(body=b"[]", declared_length=300_000_000)  # says 300 MB
    with pytest.raises(OnlineAnswerTooLargeError, match="online_max_bytes"):
        geocode_online("Sochi")
    online.then(stream=50_000_000)  # 50 MB with no length: reading stops at the cap
    with pytest.raises(OnlineAnswerTooLargeError, match=r"more than 1,0\d\d,\d\d\d bytes"):
        geocode_online("Sochi")
    time.sleep(0.3)
    assert online.streamed < 20_000_000  # the server was cut off long before 50 MB
    assert geocode_online("Sochi").country == "RU"  # and nothing was cached
    assert online.count == 3


def test_results_without_coordinates_are_refused_never_zero_zero_never_cached(online):
    from geozones.online import OnlineBadAnswerError

    bare = {"display_name": "Nowhere", "osm_type": "node", "osm_id": 1, "class": "place"}
    online.then(body=[bare, {**bare, "osm_id": 3}])  # geopy would make them (0, 0)
    with pytest.raises(OnlineBadAnswerError, match="no valid coordinates"):
        geocode_online("Sochi")
    online.then(body=[{**bare, "lat": "95", "lon": "1"}])  # outside the world
    with pytest.raises(OnlineBadAnswerError):
        geocode_online("Sochi")
    assert geocode_online("Sochi").lat == pytest.approx(43.5853, abs=0.01)  # asked again
    assert online.count == 3
    good = {**bare, "display_name": "Somewhere", "lat": "34.5", "lon": "36.1", "osm_id": 2}
    online.then(body=[bare, good])
    (place,) = geocode_online("Qqq Somewhere", top=5)  # the bad result dropped, not (0, 0)
    assert (place.lat, place.lon, place.source_id) == (34.5, 36.1, "node/2")


def test_an_error_answer_is_not_cached_as_not_found(online):
    from geozones.online import OnlineBadAnswerError

    online.then(body={"error": {"code": 503, "message": "database busy"}})
    with pytest.raises(OnlineBadAnswerError, match="database busy"):
        geocode_online("Sochi")
    assert geocode_online("Sochi").country == "RU"  # not "not found" for 30 days
    online.then(body=b"<html>proxy error</html>")
    with pytest.raises(OnlineBadAnswerError, match="not a list of places"):
        geocode_online("Tripoli")
    assert geocode_online("Tripoli").country == "LY"
    assert online.count == 4


def test_results_are_capped(online, monkeypatch):
    monkeypatch.setattr(settings, "online_max_results", 2)
    many = [
        {"display_name": f"P{i}", "lat": str(30 + i), "lon": "36", "osm_type": "node", "osm_id": i}
        for i in range(40)
    ]
    online.then(body=many)
    assert len(geocode_online("Qqq Many", top=10)) == 2


def test_the_errors_form_one_hierarchy():
    from geozones import errors, online

    assert issubclass(online.OnlineTimeoutError, errors.OnlineServiceError)
    assert issubclass(online.OnlineAnswerTooLargeError, online.OnlineBadAnswerError)
    assert issubclass(online.OnlineRateLimitedError, errors.OnlineGeocodingError)
    assert type(online.service_for("Nominatim")).__name__ == "NominatimService"
    assert isinstance(online.service_for("photon"), online.OnlineService)
