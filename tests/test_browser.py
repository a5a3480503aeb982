"""The map in a real browser: Debian's headless Chromium, driven by selenium, network off."""

from __future__ import annotations

import time

import pytest
from _browser import (
    HOSTILE,
    browser_available,
    failed_requests,
    make_driver,
    open_map,
    quit_driver,
    synthetic_timeline,
)

from geozones.maps import render_map

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not browser_available(), reason="needs /usr/bin/chromium and chromedriver"),
]


@pytest.fixture(scope="module")
def driver():
    drv = make_driver()
    yield drv
    quit_driver(drv)


@pytest.fixture(scope="module")
def timeline():
    return synthetic_timeline()


@pytest.fixture(scope="module")
def map_file(timeline, tmp_path_factory):
    return render_map(timeline, tmp_path_factory.mktemp("browser") / "synthetic.html")


@pytest.fixture()
def page(driver, map_file):
    """The synthetic map, freshly loaded, with alert() and injected elements watched."""
    open_map(driver, map_file)
    failed_requests(driver)  # drop the load's log; each test checks its own actions
    driver.execute_script(
        "window.__alerts = [];"
        "window.alert = window.confirm = window.prompt ="
        " function (m) { __alerts.push(String(m)); };"
    )
    return driver


def _drawn_ids(driver) -> list[str]:
    """Ids of the features drawn (once each, even when drawn in several parts)."""
    ids = driver.execute_script(
        "return Array.from(document.querySelectorAll('[data-gz-id]'))"
        ".map(function (n) { return n.getAttribute('data-gz-id'); });"
    )
    return sorted(set(ids))


def _set_slider(driver, index: int) -> str:
    return driver.execute_script(
        "var s = document.querySelector('.gz-slider'); s.value = String(arguments[0]);"
        "s.dispatchEvent(new Event('input', {bubbles: true}));"
        "return document.documentElement.getAttribute('data-gz-date');",
        index,
    )


def _visible(driver, selector: str, timeout: float = 3.0):
    """The element once it has faded in (Leaflet animates popups)."""
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(
        ec.visibility_of_element_located(("css selector", selector))
    )


def _overlay_labels(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('.leaflet-control-layers-overlays label'))"
        ".map(function (l) { return l.textContent.trim(); });"
    )


def test_renders_offline_with_every_layer_and_no_failed_load(driver, map_file, timeline):
    open_map(driver, map_file)
    assert driver.execute_script("return typeof L === 'object' && L.version") == "1.9.4"
    labels = _overlay_labels(driver)
    for layer in ("Zones", "Demilitarized zone", "Corridors", "Patrol routes", "Observation posts"):
        assert layer in labels
    items = driver.execute_script("return document.querySelectorAll('.gz-legend-item').length")
    assert items == 5 + 3  # the kinds on the map and the three confidence levels
    # the initial date shows exactly the features in force on it
    date = driver.execute_script("return document.documentElement.getAttribute('data-gz-date')")
    assert _drawn_ids(driver) == sorted(timeline.at(date)["id"])
    assert failed_requests(driver) == []
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def test_slider_shows_exactly_the_features_in_force(page, timeline):
    slices = [d.isoformat() for d in timeline.slices()]
    seen = set()
    for i, day in enumerate(slices):
        assert _set_slider(page, i) == day
        drawn = _drawn_ids(page)
        assert drawn == sorted(timeline.at(day)["id"]), day
        seen.add(tuple(drawn))
        caption = page.find_element("css selector", ".gz-caption .gz-date").text
        assert caption.endswith(day[:4])
    assert len(seen) >= 4  # moving the slider really changes what is drawn
    parts = "return document.querySelectorAll('[data-gz-id=\"op-pair\"]').length"
    assert page.execute_script(parts) == 2  # a MultiPoint: both posts drawn and tagged
    _set_slider(page, slices.index("2020-03-06"))
    events = page.find_element("css selector", ".gz-events").text
    assert "M4 security corridor comes into force" in events
    assert "Sochi demilitarized zone no longer in force" in events
    assert f"Moscow protocol {HOSTILE} signed on 5 Mar 2020" in events


def _stack(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('.leaflet-overlay-pane [data-gz-id]'))"
        ".map(function (n) { return n.getAttribute('data-gz-id'); });"
    )


def test_small_features_stay_on_top_whatever_the_slider_did(page, timeline):
    last = len(timeline.slices()) - 1
    _set_slider(page, 0)  # only the zone
    _set_slider(page, last)
    first = _stack(page)
    _set_slider(page, 3)  # 2018-09-17: the posts are drawn before the corridor and patrol
    _set_slider(page, last)
    assert _stack(page) == first
    assert first.index("zone") < first.index("m4-corridor") < first.index("m4-patrol")
    assert first[-2:] == ["op-pair", "op-pair"]  # points above every area and line


def test_an_event_in_the_caption_shows_its_feature(page, timeline):
    _set_slider(page, [d.isoformat() for d in timeline.slices()].index("2020-03-06"))
    link = page.find_element("css selector", ".gz-event-link")
    assert link.text == "M4 security corridor"
    link.click()
    popup = _visible(page, ".leaflet-popup-content .gz-popup")
    assert popup.find_element("css selector", ".gz-popup-title").text == "M4 security corridor"
    # hovering a feature thickens its outline, leaving restores it
    page.execute_script("geozones.features['zone'].layer.fire('mouseover');")
    assert page.execute_script("return geozones.features['zone'].layer.options.weight") == 5
    page.execute_script("geozones.features['zone'].layer.fire('mouseout');")
    assert page.execute_script("return geozones.features['zone'].layer.options.weight") == 3


def test_play_button_steps_through_the_dates(page):
    _set_slider(page, 0)
    page.find_element("css selector", ".gz-play").click()
    time.sleep(1.5)
    index = int(page.find_element("css selector", ".gz-slider").get_attribute("value"))
    assert index >= 1
    page.find_element("css selector", ".gz-play").click()  # pause


def test_layer_control_toggles_a_layer(page):
    _set_slider(page, 3)  # 2018-09-17: zone, dmz and the observation posts
    assert "dmz" in _drawn_ids(page)
    labels = page.find_elements("css selector", ".leaflet-control-layers-overlays label")
    label = next(lbl for lbl in labels if lbl.text.strip() == "Demilitarized zone")
    label.find_element("css selector", "input").click()
    assert "dmz" not in _drawn_ids(page) and "zone" in _drawn_ids(page)
    label.find_element("css selector", "input").click()
    assert "dmz" in _drawn_ids(page)


def test_popup_opens_on_click_and_cites_its_sources(page):
    _set_slider(page, 1)  # 2017-10-12: the observation post is in force
    from selenium.webdriver.common.action_chains import ActionChains

    post = page.find_element("css selector", '[data-gz-id="op-1"]')
    ActionChains(page).move_to_element(post).click().perform()
    popup = _visible(page, ".leaflet-popup-content .gz-popup")
    assert "Observation post Saraqib" in popup.text
    assert "12 Oct 2017 – 5 Feb 2020" in popup.text
    assert "Signed 4 May 2017" in popup.text and "Parties Russia, Turkey, Iran" in popup.text
    link = popup.find_element("css selector", ".gz-popup-sources a")
    assert link.get_attribute("href") == "https://example.org/op"
    assert link.text == "OP list"


def test_hostile_text_stays_text_in_every_popup_and_tooltip(page, timeline):
    scripts_before = page.execute_script("return document.scripts.length")
    for i in range(len(timeline.slices())):
        _set_slider(page, i)
        page.execute_script(
            "geozones.layers.forEach(function (g) { g.eachLayer(function (l) {"
            "  l.openTooltip(); l.openPopup(); l.closePopup(); l.openPopup(); }); });"
        )
    page.execute_script(
        "var z = geozones.layers[0].getLayers()[0]; z.openPopup(); z.openTooltip();"
    )
    time.sleep(0.3)
    assert page.execute_script("return window.__alerts") == []
    injected = "return document.querySelectorAll('img[src=\"x\"], b, i').length"
    assert page.execute_script(injected) == 0
    assert page.execute_script("return document.scripts.length") == scripts_before
    popup = _visible(page, ".leaflet-popup-content .gz-popup")
    assert f"Idlib zone {HOSTILE}" in popup.text
    assert "<script>alert(2)</script>" in popup.text
    hrefs = [a.get_attribute("href") for a in popup.find_elements("css selector", "a")]
    assert hrefs == ["https://example.org/report?a=1&b=2", "http://example.net/x"]
    assert "not a link (javascript:alert(3))" in popup.text
    tooltips = page.execute_script(
        "return Array.from(document.querySelectorAll('.leaflet-tooltip'))"
        ".map(function (t) { return t.textContent; });"
    )
    assert f"Idlib zone {HOSTILE}" in tooltips
    title = page.find_element("css selector", ".gz-title h1").text
    assert title == f"Synthetic {HOSTILE}"
    assert page.title.startswith(f"Synthetic {HOSTILE}")
    assert failed_requests(page) == []


def test_date_link_opens_on_that_date_and_the_slider_updates_it(driver, map_file, timeline):
    driver.get(map_file.resolve().as_uri() + "#2019-01-01")  # between two slices
    open_map(driver, map_file, reload=False)
    assert driver.execute_script(
        "return document.documentElement.getAttribute('data-gz-date')"
    ) == ("2018-09-17")
    assert _drawn_ids(driver) == sorted(timeline.at("2019-01-01")["id"])
    _set_slider(driver, 0)
    assert driver.execute_script("return window.location.hash") == "#2017-05-06"


def test_phone_sized_window_collapses_the_layer_control_and_legend(driver, map_file):
    size = driver.get_window_size()
    try:
        driver.set_window_size(420, 800)
        open_map(driver, map_file)
        control = driver.find_element("css selector", ".leaflet-control-layers")
        assert "leaflet-control-layers-expanded" not in control.get_attribute("class")
        assert (
            driver.execute_script("return document.querySelector('.gz-legend-box').open") is False
        )
        assert driver.find_element("css selector", ".gz-slider").is_displayed()
    finally:
        driver.set_window_size(size["width"], size["height"])


def test_web_tiles_are_an_optional_base_layer(driver, timeline, tmp_path):
    path = render_map(timeline, tmp_path / "tiles.html", tiles="OpenStreetMap.Mapnik")
    open_map(driver, path)
    assert driver.execute_script("return document.querySelectorAll('.leaflet-tile').length") == 0
    assert failed_requests(driver) == []  # nothing is fetched until tiles are picked
    radios = driver.find_elements("css selector", ".leaflet-control-layers-base label")
    assert [r.text.strip() for r in radios] == [
        "No tiles (offline vector basemap)",
        "OpenStreetMap.Mapnik",
    ]
    radios[1].find_element("css selector", "input").click()
    container = driver.find_element("css selector", ".leaflet-container")
    assert "gz-with-tiles" in container.get_attribute("class")
    assert driver.execute_script("return document.querySelectorAll('.leaflet-tile').length") > 0
    radios[0].find_element("css selector", "input").click()
    assert "gz-with-tiles" not in container.get_attribute("class")


def test_one_date_map_has_no_slider(driver, timeline, tmp_path):
    path = render_map(timeline, tmp_path / "day.html", date="2020-03-15", basemap=False)
    open_map(driver, path)
    assert driver.find_elements("css selector", ".gz-slider") == []
    assert _drawn_ids(driver) == sorted(timeline.at("2020-03-15")["id"])
    assert "15 Mar 2020" in driver.find_element("css selector", ".gz-caption").text


# --------------------------------------------------------------------------- the bundled map


@pytest.fixture(scope="module")
def bundled():
    import geozones

    return geozones.load_timeline()


@pytest.fixture(scope="module")
def bundled_file(bundled, tmp_path_factory):
    return render_map(bundled, tmp_path_factory.mktemp("bundled") / "north-west-syria.html")


def test_bundled_map_renders_offline_with_all_layers(driver, bundled, bundled_file):
    from geozones.kinds import KINDS

    open_map(driver, bundled_file)
    labels = _overlay_labels(driver)
    layers = {KINDS[k].layer for k in bundled.features["kind"]}
    for layer in layers | {"Country borders", "Governorates", "Districts", "Main towns"}:
        assert layer in labels
    # the basemap is drawn: borders, districts and labelled towns
    paths = driver.execute_script("return document.querySelectorAll('.leaflet-pane path').length")
    assert paths > 80
    towns = driver.execute_script(
        "return Array.from(document.querySelectorAll('.gz-town-label-1'))"
        ".map(function (t) { return t.textContent; });"
    )
    assert "Aleppo" in towns and "Idleb" in towns
    assert failed_requests(driver) == []
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def test_bundled_slider_changes_the_drawn_features(driver, bundled, bundled_file):
    open_map(driver, bundled_file)
    slices = [d.isoformat() for d in bundled.slices()]
    counts = set()
    for i, day in enumerate(slices):
        assert _set_slider(driver, i) == day
        drawn = _drawn_ids(driver)
        assert drawn == sorted(bundled.at(day)["id"]), day
        counts.add(len(drawn))
    assert len(counts) > 3


def test_bundled_popups_cite_their_sources(driver, bundled, bundled_file):
    open_map(driver, bundled_file)
    found = driver.execute_script(
        "var out = {};"
        "geozones.layers.forEach(function (g) { g.eachLayer(function (l) {"
        "  l.openPopup();"
        "  var box = l.getPopup().getElement().querySelector('.gz-popup');"
        "  out[l.feature.properties.id] = {"
        "    links: Array.from(box.querySelectorAll('a')).map(function (a) { return a.href; }),"
        "    text: box.textContent };"
        "  l.closePopup(); }); });"
        "return out;"
    )
    date = driver.execute_script("return document.documentElement.getAttribute('data-gz-date')")
    active = bundled.at(date).set_index("id")
    assert sorted(found) == sorted(active.index)
    for fid, popup in found.items():
        assert active.loc[fid, "name"] in popup["text"]
        urls = [s["url"] for s in active.loc[fid, "sources"] if s.get("url", "").startswith("http")]
        assert popup["links"] == urls, fid
        assert all(link.startswith(("http://", "https://")) for link in popup["links"])
