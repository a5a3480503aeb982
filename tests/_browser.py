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
    return driver


def quit_driver(driver) -> None:
    """Quit the browser and remove its profile folder."""
    profile = getattr(driver, "_geozones_profile", None)
    try:
        driver.quit()
    finally:
        if profile:
            shutil.rmtree(profile, ignore_errors=True)


def open_map(driver, path: str | Path, timeout: float = 20.0) -> None:
    """Open a map file and wait until the time control (or the map) has been drawn."""
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


def failed_requests(driver) -> list[str]:
    """URLs whose load failed (from the performance log) since the last call."""
    import json

    failed = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.loadingFailed":
            failed.append(str(message.get("params", {}).get("errorText")))
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if not url.startswith(("file:", "data:", "about:", "blob:")):
                failed.append(url)
    return failed


def screenshot(html: str | Path, png: str | Path, width: int = 1400, height: int = 900) -> Path:
    """Save a PNG screenshot of a rendered map taken with headless Chromium, offline."""
    driver = make_driver(width, height)
    try:
        open_map(driver, html)
        time.sleep(0.5)
        out = Path(png)
        out.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(out))
        return out
    finally:
        quit_driver(driver)


if __name__ == "__main__":  # pragma: no cover
    if len(sys.argv) < 3:
        sys.exit("usage: python tests/_browser.py MAP.html OUT.png [WIDTH HEIGHT]")
    size = [int(v) for v in sys.argv[3:5]] or [1400, 900]
    print(screenshot(sys.argv[1], sys.argv[2], *size))
