"""Drive Debian's system Chromium with selenium, network off (for the map tests and screenshots).

Selenium Manager never runs: the browser and driver paths are given explicitly.
Run as a script to take a screenshot of a rendered map::

    python tests/_browser.py maps/north-west-syria.html maps/north-west-syria.png
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-features=Translate,OptimizationHints,MediaRouter",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--allow-file-access-from-files",
)


def browser_available() -> bool:
    """Whether the system Chromium and chromedriver are installed."""
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()


def make_driver(width: int = 1400, height: int = 900):
    """A headless Chromium webdriver with a fresh profile and the network switched off.

    The profile folder is removed by :func:`quit_driver`.
    """
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="geozones-chromium-")
    options = Options()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver._geozones_profile = profile  # type: ignore[attr-defined]
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0},
    )
    driver.set_window_size(width, height)
    driver.get("about:blank")
    driver.get_log("performance")
    return driver


def quit_driver(driver) -> None:
    """Quit the browser and remove its profile folder."""
    profile = getattr(driver, "_geozones_profile", None)
    try:
        driver.quit()
    finally:
        if profile:
            shutil.rmtree(profile, ignore_errors=True)


def open_map(driver, path: str | Path, timeout: float = 20.0, reload: bool = True) -> None:
    """Open a map file (unless ``reload=False``) and wait until its controls are drawn."""
    if reload:
        driver.get("about:blank")  # leave the previous page, and forget its requests and logs
        driver.get_log("performance")
        driver.get_log("browser")
        driver.get(Path(path).resolve().as_uri())
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready = driver.execute_script(
            "return document.readyState === 'complete'"
            " && !!document.querySelector('.leaflet-container')"
            " && document.querySelectorAll('.leaflet-control-layers').length > 0;"
        )
        if ready:
            return
        time.sleep(0.05)
    raise TimeoutError(f"map {path} did not render within {timeout} s")


def wait_for(driver, script: str, timeout: float = 5.0):
    """The first truthy value ``script`` returns within ``timeout`` seconds (else its last)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.05)
    return driver.execute_script(script)


def failed_requests(driver) -> list[str]:
    """Failed or external loads made by file:// pages since the last call.

    Reads the performance log; requests of the browser's own pages (chrome://)
    are ignored. Every URL that is not file:, data:, about: or blob: counts as a
    failure (the page must load nothing from a network), and so does every
    load that failed.
    """
    import json

    ours: dict[str, str] = {}
    failed = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message.get("method") == "Network.requestWillBeSent":
            if not str(params.get("documentURL", "")).startswith("file:"):
                continue
            url = params["request"]["url"]
            ours[params["requestId"]] = url
            if not url.startswith(("file:", "data:", "about:", "blob:")):
                failed.append(url)
        elif message.get("method") == "Network.loadingFailed" and params.get("requestId") in ours:
            failed.append(f"{ours[params['requestId']]}: {params.get('errorText')}")
    return failed


def screenshot(
    html: str | Path, png: str | Path, width: int = 1400, height: int = 900, address: str = ""
) -> Path:
    """Save a PNG screenshot of a rendered map taken with headless Chromium, offline.

    ``address`` is the map's state after ``#`` (e.g. ``date=2020-03-15``).
    """
    driver = make_driver(width, height)
    try:
        if address:
            driver.get(Path(html).resolve().as_uri() + "#" + address)
            open_map(driver, html, reload=False)
        else:
            open_map(driver, html)
        time.sleep(0.8)
        out = Path(png)
        out.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(out))
        return out
    finally:
        quit_driver(driver)


if __name__ == "__main__":  # pragma: no cover
    if len(sys.argv) < 3:
        sys.exit("usage: python tests/_browser.py MAP.html OUT.png [WIDTH HEIGHT [ADDRESS]]")
    size = [int(v) for v in sys.argv[3:5]] or [1400, 900]
    address = sys.argv[5] if len(sys.argv) > 5 else ""
    print(screenshot(sys.argv[1], sys.argv[2], *size, address=address))


# --------------------------------------------------------------------------- test data

HOSTILE = "<img src=x onerror=alert(1)>"


def synthetic_timeline():
    """A small Timeline with areas, a line and points, open and closed intervals, hostile text.

    Geometry is real (north-west Syria, around Idlib and Saraqib), built in a metric CRS.
    """
    import geopandas as gpd
    import pandas as pd
    import shapely

    from geozones.timeline import Timeline

    utm = "EPSG:32637"
    idlib = gpd.GeoSeries([shapely.Point(36.63, 35.93)], crs=4326).to_crs(utm).iloc[0]
    saraqib = gpd.GeoSeries([shapely.Point(36.80, 35.86)], crs=4326).to_crs(utm).iloc[0]
    zone = idlib.buffer(30_000, quad_segs=32)
    dmz = zone.buffer(15_000, quad_segs=32).difference(zone.buffer(-5_000))
    road = shapely.LineString([(36.30, 35.80), (36.63, 35.87), (36.80, 35.86), (37.10, 35.95)])
    corridor = gpd.GeoSeries([road], crs=4326).to_crs(utm).buffer(6_000).to_crs(4326).iloc[0]
    rows = [
        dict(
            id="zone",
            name=f"Idlib zone {HOSTILE}",
            kind="zone",
            agreement="astana",
            agreement_name="Astana memorandum <b>4</b>",
            start_date="2017-05-06",
            end_date=None,
            confidence="approximate",
            notes=f"Notes with {HOSTILE} and <script>alert(2)</script>",
            sources=[
                {
                    "url": "https://example.org/report?a=1&b=2",
                    "title": f"Report {HOSTILE}",
                    "quote": "four de-escalation zones",
                },
                {"url": "javascript:alert(3)", "title": "not a link", "quote": ""},
                {"url": "http://example.net/x", "title": "", "quote": "<i>quoted</i>"},
            ],
            geometry=gpd.GeoSeries([zone], crs=utm).to_crs(4326).iloc[0],
        ),
        dict(
            id="dmz",
            name="Sochi demilitarized zone",
            kind="demilitarized-zone",
            agreement="sochi",
            agreement_name="Sochi memorandum",
            start_date="2018-09-17",
            end_date="2020-03-05",
            confidence="schematic",
            notes="",
            sources=[],
            geometry=gpd.GeoSeries([dmz], crs=utm).to_crs(4326).iloc[0],
        ),
        dict(
            id="m4-corridor",
            name="M4 security corridor",
            kind="security-corridor",
            agreement="moscow",
            agreement_name="Moscow protocol",
            start_date="2020-03-06",
            end_date=None,
            confidence="approximate",
            notes="6 km each side of the M4",
            sources=[
                {
                    "url": "https://example.org/moscow",
                    "title": "Moscow protocol",
                    "quote": "6 km deep",
                }
            ],
            geometry=corridor,
        ),
        dict(
            id="m4-patrol",
            name="M4 joint patrol",
            kind="patrol-route",
            agreement="moscow",
            agreement_name="Moscow protocol",
            start_date="2020-03-15",
            end_date=None,
            confidence="surveyed",
            notes="",
            sources=[],
            geometry=road,
        ),
        dict(
            id="op-1",
            name="Observation post Saraqib",
            kind="observation-post",
            agreement="astana",
            agreement_name="Astana memorandum <b>4</b>",
            start_date="2017-10-12",
            end_date="2020-02-05",
            confidence="surveyed",
            notes="",
            sources=[{"url": "https://example.org/op", "title": "OP list", "quote": ""}],
            geometry=gpd.GeoSeries([saraqib], crs=utm).to_crs(4326).iloc[0],
        ),
        dict(
            id="op-pair",
            name="Observation posts (pair)",
            kind="observation-post",
            agreement="sochi",
            agreement_name="Sochi memorandum",
            start_date="2018-05-16",
            end_date=None,
            confidence="approximate",
            notes="two posts, one feature",
            sources=[],
            geometry=shapely.MultiPoint([(36.55, 35.70), (36.95, 36.05)]),
        ),
    ]
    frame = gpd.GeoDataFrame(rows, crs=4326)
    frame["start_date"] = pd.to_datetime(frame["start_date"])
    frame["end_date"] = pd.to_datetime(frame["end_date"])
    agreements = [
        {
            "id": "astana",
            "name": "Astana memorandum <b>4</b>",
            "signed": "2017-05-04",
            "parties": ["Russia", "Turkey", "Iran"],
        },
        {"id": "sochi", "name": "Sochi memorandum", "signed": "2018-09-17"},
        {"id": "moscow", "name": f"Moscow protocol {HOSTILE}", "signed": "2020-03-05"},
    ]
    return Timeline(
        frame,
        name=f"Synthetic {HOSTILE}",
        id="synthetic",
        description="Test timeline",
        agreements=agreements,
    )


def synthetic_control_timeline():
    """:func:`synthetic_timeline` with a control model (the contract of ``Timeline.control``).

    Two parties split a box around Idlib along a meridian that moves east on
    2018-01-01 and west on 2020-03-01; the contact line is that meridian.
    """
    import geopandas as gpd
    import pandas as pd
    import shapely

    from geozones.timeline import Timeline

    class ControlTimeline(Timeline):
        """A Timeline whose control model is given (the real one comes from a spec)."""

        parties = property(lambda self: self._gz_parties)
        control = property(lambda self: self._gz_control)
        contact_lines = property(lambda self: self._gz_contact)

    base = synthetic_timeline()
    tl = ControlTimeline(
        base.features,
        name=base.name,
        id="synthetic-control",
        description=base.description,
        agreements=base.agreements,
    )
    west, east, south, north = 36.0, 37.4, 35.4, 36.4
    periods = [("2016-08-24", "2017-12-31", 36.5), ("2018-01-01", "2020-02-29", 36.9)]
    periods.append(("2020-03-01", None, 36.7))
    rows, lines = [], []
    for start, end, x in periods:
        rows.append(("government", start, end, shapely.box(x, south, east, north)))
        rows.append(("opposition <b>", start, end, shapely.box(west, south, x, north)))
        lines.append((start, end, shapely.LineString([(x, south), (x, north)])))
    control = gpd.GeoDataFrame(
        {
            "party": [r[0] for r in rows],
            "start_date": pd.to_datetime([r[1] for r in rows]),
            "end_date": pd.to_datetime([r[2] for r in rows]),
        },
        geometry=[r[3] for r in rows],
        crs=4326,
    )
    contact = gpd.GeoDataFrame(
        {
            "start_date": pd.to_datetime([r[0] for r in lines]),
            "end_date": pd.to_datetime([r[1] for r in lines]),
        },
        geometry=[r[2] for r in lines],
        crs=4326,
    )
    tl._gz_parties = {
        "government": {"colour": "#d62728", "label": "Government"},
        "opposition <b>": {"colour": "#2ca02c", "label": f"Opposition {HOSTILE}"},
    }
    tl._gz_control = control
    tl._gz_contact = contact
    return tl
