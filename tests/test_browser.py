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
    synthetic_control_timeline,
    synthetic_timeline,
    wait_for,
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


def _set_day(driver, day: str) -> str:
    """Type ``day`` into the date field (as a user's change event) and return the shown day."""
    return driver.execute_script(
        "var f = document.querySelector('.gz-date-field'); f.value = arguments[0];"
        "f.dispatchEvent(new Event('change', {bubbles: true}));"
        "return document.documentElement.getAttribute('data-gz-date');",
        day,
    )


def _set_slider(driver, day: str) -> str:
    """Move the slider to ``day`` (its value is days since the axis' start)."""
    return driver.execute_script(
        "var s = document.querySelector('.gz-slider');"
        "s.value = String(geozones.dayNum(arguments[0]) - geozones.dayNum(geozones.axis[0]));"
        "s.dispatchEvent(new Event('input', {bubbles: true}));"
        "return document.documentElement.getAttribute('data-gz-date');",
        day,
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


def _toggle(driver, label_text: str) -> None:
    labels = driver.find_elements("css selector", ".leaflet-control-layers-overlays label")
    label = next(lbl for lbl in labels if lbl.get_attribute("textContent").strip() == label_text)
    driver.execute_script("arguments[0].click();", label.find_element("css selector", "input"))


def test_renders_offline_with_every_layer_and_no_failed_load(driver, map_file, timeline):
    open_map(driver, map_file)
    assert driver.execute_script("return typeof L === 'object' && L.version") == "1.9.4"
    labels = _overlay_labels(driver)
    for layer in ("Zones", "Demilitarized zone", "Corridors", "Patrol routes", "Observation posts"):
        assert layer in labels
    items = driver.execute_script("return document.querySelectorAll('.gz-legend-item').length")
    assert items == 5 + 3  # the kinds on the map and the three confidence levels
    date = driver.execute_script("return document.documentElement.getAttribute('data-gz-date')")
    assert _drawn_ids(driver) == sorted(timeline.at(date)["id"])
    assert failed_requests(driver) == []
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def _typed_days(timeline) -> list[str]:
    """Change days, the day before each, days between, and days before/after all changes."""
    import datetime as dt

    days = timeline.slices()
    out = {d.isoformat() for d in days}
    out |= {(d - dt.timedelta(days=1)).isoformat() for d in days}
    out |= {(a + (b - a) / 3).isoformat() for a, b in zip(days, days[1:], strict=False)}
    out |= {"1999-12-31", "2016-02-29", "2024-02-29", "2031-07-04"}
    return sorted(out)


def test_any_typed_date_shows_exactly_the_timeline_on_that_day(page, timeline):
    seen = set()
    for day in _typed_days(timeline):
        assert _set_day(page, day) == day
        drawn = _drawn_ids(page)
        assert drawn == sorted(timeline.at(day)["id"]), day
        seen.add(tuple(drawn))
        shown = page.find_element("css selector", ".gz-caption .gz-date").text
        y, m, d = day.split("-")
        assert shown.startswith(str(int(d)) + " ") and shown.endswith(y), (day, shown)
        count = page.find_element("css selector", ".gz-caption .gz-active").text
        assert count.startswith(f"{len(drawn)} feature"), (day, count)
    assert len(seen) >= 4  # typing really changes what is drawn
    parts = "return document.querySelectorAll('[data-gz-id=\"op-pair\"]').length"
    assert page.execute_script(parts) == 2  # a MultiPoint: both posts drawn and tagged


def test_before_the_first_and_after_the_last_change_the_state_is_said(page, timeline):
    first, last = timeline.slices()[0], timeline.slices()[-1]
    _set_day(page, "2015-01-01")
    assert _drawn_ids(page) == []
    note = page.find_element("css selector", ".gz-note").get_attribute("textContent")
    assert "Before the first recorded change" in note and first.strftime("%Y") in note
    _set_day(page, "2031-07-04")
    note = page.find_element("css selector", ".gz-note").get_attribute("textContent")
    assert "No change recorded after" in note and str(last.year) in note
    assert _drawn_ids(page) == sorted(timeline.at("2031-07-04")["id"])


def test_the_axis_is_proportional_to_time_with_labelled_ticks(page, timeline):
    ticks = page.execute_script(
        "return Array.from(document.querySelectorAll('.gz-tick-label-year'))"
        ".map(function (t) { return [t.textContent, parseFloat(t.style.left)]; });"
    )
    years = [int(t) for t, _ in ticks]
    assert years == list(range(years[0], years[0] + len(years))) and 2018 in years
    left = dict(ticks)
    # equal spans of time take equal widths
    assert abs((left["2019"] - left["2018"]) - (left["2020"] - left["2019"])) < 0.2
    marks = page.execute_script(
        "return Array.from(document.querySelectorAll('.gz-change-mark'))"
        ".map(function (m) { return m.getAttribute('data-gz-day'); });"
    )
    assert marks == [d.isoformat() for d in timeline.change_days()]
    # the slider moves by days: a position between two changes shows that very day
    assert _set_slider(page, "2019-01-01") == "2019-01-01"
    assert _drawn_ids(page) == sorted(timeline.at("2019-01-01")["id"])


def test_slider_announces_the_date(page):
    _set_day(page, "2019-06-15")
    slider = page.find_element("css selector", ".gz-slider")
    assert slider.get_attribute("aria-valuetext") == "15 Jun 2019"
    assert slider.get_attribute("aria-label") == "Date"
    live = page.find_element("css selector", ".gz-caption [role=status]")
    assert live.get_attribute("aria-live") == "polite" and live.text == "15 Jun 2019"


def test_steps_and_play_by_change_day_day_week_and_month(page, timeline):
    _set_day(page, "2019-01-01")
    page.find_element("css selector", ".gz-next").click()
    after = [d.isoformat() for d in timeline.slices() if d.isoformat() > "2019-01-01"][0]
    assert page.execute_script("return geozones.day") == after
    page.find_element("css selector", ".gz-prev").click()
    before = [d.isoformat() for d in timeline.slices() if d.isoformat() < after][-1]
    assert page.execute_script("return geozones.day") == before
    for unit, expected in (("day", "2019-01-02"), ("week", "2019-01-08"), ("month", "2019-02-01")):
        _set_day(page, "2019-01-01")
        page.execute_script("document.querySelector('.gz-step').value = arguments[0];", unit)
        page.find_element("css selector", ".gz-next").click()
        assert page.execute_script("return geozones.day") == expected, unit
    page.execute_script("document.querySelector('.gz-step').value = 'month';")
    _set_day(page, "2019-01-31")
    page.find_element("css selector", ".gz-play").click()
    time.sleep(2.2)
    page.find_element("css selector", ".gz-play").click()  # pause
    day = page.execute_script("return geozones.day")
    assert day in ("2019-02-28", "2019-03-28", "2019-04-28")  # a short month keeps its end


def _stack_at(driver, points) -> list[str]:
    """The id of the topmost feature drawn at each (lat, lon)."""
    return driver.execute_script(
        "var map = geozones.map; return arguments[0].map(function (p) {"
        "  var c = map.latLngToContainerPoint(p), r = map.getContainer().getBoundingClientRect();"
        "  var n = document.elementFromPoint(r.left + c.x, r.top + c.y);"
        "  if (n && n.closest('.leaflet-control')) return 'panel';"
        "  while (n && !n.getAttribute('data-gz-id') && n !== document.body) n = n.parentNode;"
        "  return n && n.getAttribute ? n.getAttribute('data-gz-id') : null; });",
        points,
    )


def test_toggling_layers_keeps_the_legend_drawing_order(page, timeline):
    import numpy as np
    import shapely

    _set_day(page, "2019-01-01")  # zone and demilitarized zone overlap
    page.execute_script("geozones.map.setView([35.93, 36.63], 9, {animate: false});")
    g = timeline.features.set_index("id").geometry
    band = shapely.intersection(g["dmz"], g["zone"])
    rng = np.random.default_rng(1)
    x0, y0, x1, y1 = band.bounds
    pts = []
    while len(pts) < 60:
        x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
        if band.buffer(-0.01).contains(shapely.Point(x, y)):
            pts.append([y, x])
    legend = page.execute_script(
        "return Array.from(document.querySelectorAll('.gz-legend-item[data-gz-kind]'))"
        ".map(function (i) { return i.getAttribute('data-gz-kind'); });"
    )
    assert legend.index("demilitarized-zone") < legend.index("zone")  # listed above: on top

    def tops():
        hits = [t for t in _stack_at(page, pts) if t not in ("panel", "op-pair", "op-1")]
        assert len(hits) >= 40  # most sample points are clear of the panels
        return set(hits)

    assert tops() == {"dmz"}
    for name in ("Zones", "Demilitarized zone"):
        _toggle(page, name)
        _toggle(page, name)
        assert tops() == {"dmz"}, name
    _toggle(page, "Demilitarized zone")
    assert tops() == {"zone"}
    _toggle(page, "Demilitarized zone")


def test_the_count_leaves_out_hidden_layers(page, timeline):
    _set_day(page, "2019-01-01")
    n = len(timeline.at("2019-01-01"))
    count = page.find_element("css selector", ".gz-active")
    assert count.text == f"{n} features in force"
    _toggle(page, "Demilitarized zone")
    assert count.text == f"{n - 1} features in force (and 1 in hidden layers)"
    _toggle(page, "Demilitarized zone")
    assert count.text == f"{n} features in force"


def test_an_event_in_the_caption_shows_its_feature(page, timeline):
    _set_day(page, "2020-03-06")
    events = page.find_element("css selector", ".gz-events").text
    assert "M4 security corridor comes into force" in events
    assert "Sochi demilitarized zone no longer in force" in events
    link = page.find_element("css selector", ".gz-event-link")
    assert link.text == "M4 security corridor"
    link.click()
    popup = _visible(page, ".leaflet-popup-content .gz-popup")
    assert popup.find_element("css selector", ".gz-popup-title").text == "M4 security corridor"


def test_each_feature_in_force_says_from_when_until_when(page):
    _set_day(page, "2019-01-01")
    page.find_element("css selector", ".gz-in-force summary").click()
    items = page.find_element("css selector", ".gz-in-force-list").text
    assert "Sochi demilitarized zone — in force from 17 Sep 2018 until 5 Mar 2020" in items
    assert "until further notice (no end date)" in items


def test_layer_control_toggles_a_layer(page):
    _set_day(page, "2018-09-17")
    assert "dmz" in _drawn_ids(page)
    _toggle(page, "Demilitarized zone")
    assert "dmz" not in _drawn_ids(page) and "zone" in _drawn_ids(page)
    _toggle(page, "Demilitarized zone")
    assert "dmz" in _drawn_ids(page)


def test_popup_opens_on_click_and_cites_its_sources(page):
    _set_day(page, "2017-10-12")  # the observation post is in force
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
    assert "example.org" in popup.find_element("css selector", ".gz-source-pub").text
    # no focus rectangle stays on the clicked shape
    outline = page.execute_script(
        "var n = document.activeElement; return n && n.tagName.toLowerCase() === 'path'"
        " ? getComputedStyle(n).outlineStyle : 'none';"
    )
    assert outline == "none"


def test_sources_name_their_publisher_and_say_when_only_a_home_page_is_given(driver, tmp_path):
    tl = synthetic_timeline()
    i = tl.features.index[tl.features["id"] == "op-1"][0]
    tl.features.at[i, "sources"] = [{"url": "https://www.isw.example/", "title": "", "quote": ""}]
    path = render_map(tl, tmp_path / "home.html", basemap=False)
    open_map(driver, path)
    _set_day(driver, "2018-01-01")
    driver.execute_script("geozones.focus(geozones.map, 'op-1');")
    popup = _visible(driver, ".leaflet-popup-content .gz-popup")
    source = popup.find_element("css selector", ".gz-source").text
    assert source.startswith("isw.example") and "site home page; no article link given" in source


def test_hostile_text_stays_text_in_every_popup_and_tooltip(page, timeline):
    scripts_before = page.execute_script("return document.scripts.length")
    for day in _typed_days(timeline):
        _set_day(page, day)
        page.execute_script(
            "geozones.layers.forEach(function (g) { g.eachLayer(function (f) {"
            "  var t = f._gzTarget; t.openTooltip(); t.openPopup(); t.closePopup(); t.openPopup();"
            "}); });"
        )
    _set_day(page, "2020-03-15")
    page.execute_script(
        "var z = geozones.features['zone'].layer._gzTarget; z.openPopup(); z.openTooltip();"
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


def test_a_link_with_date_view_and_layers_restores_them(driver, map_file, timeline):
    url = map_file.resolve().as_uri()
    driver.get("about:blank")
    driver.get(url + "#date=2019-01-01&view=35.8800,36.7000,10&layers=zones,observation-posts")
    open_map(driver, map_file, reload=False)
    state = driver.execute_script(
        "var m = geozones.map, c = m.getCenter();"
        "return [geozones.day, c.lat, c.lng, m.getZoom(),"
        " Object.keys(geozones.overlays).filter(function (s) {"
        "   return m.hasLayer(geozones.overlays[s].layer); })];"
    )
    day, lat, lon, zoom, layers = state
    assert day == "2019-01-01"
    assert abs(lat - 35.88) < 1e-3 and abs(lon - 36.70) < 1e-3 and zoom == 10
    assert layers == ["zones", "observation-posts"]
    expected = timeline.at("2019-01-01")
    drawn = expected.loc[expected["kind"].isin(["zone", "observation-post"]), "id"]
    assert _drawn_ids(driver) == sorted(drawn)
    # and what the reader does goes back into the address
    _set_day(driver, "2017-05-06")
    _toggle(driver, "Corridors")
    driver.execute_script("geozones.map.setView([35.9, 36.6], 9, {animate: false});")
    hash_ = driver.execute_script("return window.location.hash")
    assert (
        hash_ == "#date=2017-05-06&view=35.9000,36.6000,9&layers=zones,corridors,observation-posts"
    )
    # the old form of a date link still works
    driver.get("about:blank")
    driver.get(url + "#2019-01-01")
    open_map(driver, map_file, reload=False)
    assert driver.execute_script("return geozones.day") == "2019-01-01"


def test_esc_closes_a_popup_wherever_the_focus_is(page):
    _set_day(page, "2020-03-15")
    page.execute_script("geozones.focus(geozones.map, 'm4-corridor');")
    _visible(page, ".leaflet-popup-content .gz-popup")
    field = page.find_element("css selector", ".gz-search-input")
    field.click()
    from selenium.webdriver.common.keys import Keys

    field.send_keys(Keys.ESCAPE)
    time.sleep(0.4)
    assert page.find_elements("css selector", ".leaflet-popup") == []


def test_tab_order_reaches_the_controls_through_named_elements_only(page):
    names = page.execute_script(
        "var out = [], seen = 0;"
        "document.querySelector('.gz-search-input').blur(); document.body.focus();"
        "var all = Array.from(document.querySelectorAll("
        "  'a[href], button, input, select, summary, [tabindex]'));"
        "all = all.filter(function (n) { return n.tabIndex >= 0 && !n.disabled"
        "  && n.getClientRects().length; });"
        "for (var i = 0; i < all.length; i++) {"
        "  var n = all[i]; if (n.classList.contains('gz-slider')) break;"
        "  var label = n.closest('label');"
        "  out.push([n.tagName, (n.getAttribute('aria-label') || n.textContent || n.title"
        "    || n.placeholder || (label ? label.textContent : '') || '').trim()]); }"
        "return out;"
    )
    assert names, "nothing focusable before the slider"
    unnamed = [n for n in names if not n[1] and n[0] != "DIV"]  # the map itself is the DIV
    assert unnamed == []
    assert not any(tag.lower() in ("path", "svg", "g") for tag, _ in names)


def test_popups_never_open_under_the_title_panel(page):
    _set_day(page, "2020-03-15")
    # put the patrol route's west end right under the title panel, then open its popup
    page.execute_script(
        "var m = geozones.map, t = document.querySelector('.gz-title').getBoundingClientRect();"
        "var r = m.getContainer().getBoundingClientRect();"
        "var target = m.containerPointToLatLng([t.left - r.left + 60, t.bottom - r.top - 10]);"
        "var at = L.latLng(35.80, 36.30);"
        "m.panBy(m.latLngToContainerPoint(at).subtract(m.latLngToContainerPoint(target)),"
        "  {animate: false});"
        "geozones.features['m4-patrol'].layer._gzTarget.openPopup(at);"
    )
    popup = _visible(page, ".leaflet-popup")
    time.sleep(0.3)
    overlap = page.execute_script(
        "var a = arguments[0].getBoundingClientRect();"
        "return Array.from(document.querySelectorAll('.leaflet-top .leaflet-control'))"
        ".filter(function (c) { var b = c.getBoundingClientRect();"
        "  return b.width && a.left < b.right && b.left < a.right && a.top < b.bottom"
        "   && b.top < a.bottom; }).map(function (c) { return c.className; });",
        popup,
    )
    assert overlap == []


def test_search_finds_features_by_name(page):
    field = page.find_element("css selector", ".gz-search-input")
    field.clear()
    field.send_keys("sochi demil")
    results = page.find_elements("css selector", ".gz-search-result")
    assert results and results[0].text.startswith("Sochi demilitarized zone")
    _set_day(page, "2016-01-01")
    results[0].click()  # a feature not in force on the shown day: the map goes to its start
    assert page.execute_script("return geozones.day") == "2018-09-17"
    popup = _visible(page, ".leaflet-popup-content .gz-popup")
    assert "Sochi demilitarized zone" in popup.text


def test_print_keeps_title_date_legend_scale_and_attribution(driver, map_file):
    open_map(driver, map_file)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = driver.execute_script(
            "function on(s) { var n = document.querySelector(s);"
            "  return !!n && getComputedStyle(n).display !== 'none'; }"
            "return ['.gz-title h1', '.gz-caption .gz-date', '.gz-legend', "
            " '.leaflet-control-scale', '.leaflet-control-attribution', '.leaflet-control-zoom',"
            " '.leaflet-control-layers', '.gz-search', '.gz-bar', '.gz-slider'].map(on);"
        )
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert shown == [True] * 5 + [False] * 5


def _panel_shares(driver) -> dict[str, float]:
    """Each panel's share of the map's area."""
    return driver.execute_script(
        "var m = document.querySelector('.leaflet-container').getBoundingClientRect();"
        "var out = {}; document.querySelectorAll('.leaflet-control').forEach(function (c, i) {"
        "  var b = c.getBoundingClientRect();"
        "  var w = Math.max(0, Math.min(b.right, m.right) - Math.max(b.left, m.left));"
        "  var h = Math.max(0, Math.min(b.bottom, m.bottom) - Math.max(b.top, m.top));"
        "  out[c.className.split(' ').filter(function (k) { return k.indexOf('gz-') === 0"
        "    || k.indexOf('leaflet-control-') === 0; }).join(' ') || String(i)] ="
        "    w * h / (m.width * m.height); });"
        "return out;"
    )


def test_phone_layout_panels_stay_small_and_popups_fit(map_file, timeline):
    drv = make_driver(390, 844)
    try:
        drv.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True},
        )
        open_map(drv, map_file)
        viewport = drv.execute_script(
            "return document.querySelector('meta[name=viewport]').getAttribute('content')"
        )
        assert "user-scalable=no" not in viewport and "maximum-scale" not in viewport
        control = drv.find_element("css selector", ".leaflet-control-layers")
        assert "leaflet-control-layers-expanded" not in control.get_attribute("class")
        assert drv.execute_script("return document.querySelector('.gz-legend-box').open") is False
        shares = _panel_shares(drv)
        assert shares and max(shares.values()) <= 0.20, shares
        for day in ("2019-01-01", "2020-03-15"):
            _set_day(drv, day)
            for fid in timeline.at(day)["id"]:
                drv.execute_script(
                    "geozones.map.closePopup(); geozones.focus(geozones.map, arguments[0]);", fid
                )
                _visible(drv, ".leaflet-popup")
                time.sleep(0.35)
                fit = drv.execute_script(
                    "var box = document.querySelectorAll('.leaflet-popup');"
                    "box = box[box.length - 1]; var p = box.getBoundingClientRect();"
                    "var m = document.querySelector('.leaflet-container').getBoundingClientRect();"
                    "var x = box.querySelector('.leaflet-popup-close-button');"
                    "var c = x.getBoundingClientRect();"
                    "var t = document.elementFromPoint(c.left + c.width / 2,"
                    "  c.top + c.height / 2);"
                    "return [p.left >= m.left, p.right <= m.right, p.width,"
                    "  t === x || x.contains(t)];"
                )
                assert fit[0] and fit[1] and fit[2] <= 390, (fid, fit)
                assert fit[3], f"the close button of {fid} is covered"
    finally:
        quit_driver(drv)


def test_web_tiles_are_an_optional_base_layer(driver, timeline, tmp_path):
    path = render_map(timeline, tmp_path / "tiles.html", tiles="OpenStreetMap.Mapnik")
    open_map(driver, path)
    assert driver.execute_script("return document.querySelectorAll('.leaflet-tile').length") == 0
    assert failed_requests(driver) == []  # nothing is fetched until tiles are picked
    radios = driver.find_elements("css selector", ".leaflet-control-layers-base label")
    assert [r.get_attribute("textContent").strip() for r in radios] == [
        "No tiles (offline vector basemap)",
        "OpenStreetMap.Mapnik",
    ]
    driver.execute_script("arguments[0].click();", radios[1].find_element("css selector", "input"))
    container = driver.find_element("css selector", ".leaflet-container")
    assert "gz-with-tiles" in container.get_attribute("class")
    assert driver.execute_script("return document.querySelectorAll('.leaflet-tile').length") > 0
    driver.execute_script("arguments[0].click();", radios[0].find_element("css selector", "input"))
    assert "gz-with-tiles" not in container.get_attribute("class")


def test_one_date_map_has_no_slider(driver, timeline, tmp_path):
    path = render_map(timeline, tmp_path / "day.html", date="2020-03-15", basemap=False)
    open_map(driver, path)
    assert driver.find_elements("css selector", ".gz-slider") == []
    assert _drawn_ids(driver) == sorted(timeline.at("2020-03-15")["id"])
    assert "15 Mar 2020" in driver.find_element("css selector", ".gz-caption").text


# --------------------------------------------------------------------------- control layers


def test_control_layers_draw_who_held_what_on_the_day(driver, tmp_path):
    tl = synthetic_control_timeline()
    path = render_map(tl, tmp_path / "control.html")
    open_map(driver, path)
    labels = _overlay_labels(driver)
    for name in ("Control: areas by party", "Control: contact line"):
        assert name in labels
    assert "Control: changed since the previous change day" in labels

    def drawn(role):
        return driver.execute_script(
            "var g = geozones.control.groups[arguments[0]], out = [];"
            "g._gzItems.forEach(function (item) { if (!item.shown) return;"
            " item.layer.eachLayer(function (p) {"
            "  if (p.getElement().style.display === 'none') return;"
            "  out.push([p.options.fillColor || p.options.color,"
            "            JSON.stringify(p.feature.geometry.coordinates).slice(0, 60)]); }); });"
            "return out;",
            role,
        )

    _set_day(driver, "2019-06-01")
    areas = drawn("areas")
    assert sorted(c for c, _ in areas) == ["#2ca02c", "#d62728"]  # the spec's colours
    line = drawn("lines")
    assert len(line) == 1 and "36.9" in line[0][1]  # the contact line of that day
    _set_day(driver, "2018-01-01")  # a change day: the line moved east, the opposition's gain
    changes = drawn("changes")
    assert [c for c, _ in changes] == ["#2ca02c"]
    _set_day(driver, "2018-01-02")
    assert [c for c, _ in drawn("changes")] == ["#2ca02c"]  # until the next change day
    _set_day(driver, "2018-05-16")  # the next change day (a feature): no control change since
    assert drawn("changes") == []
    _set_day(driver, "2015-06-01")
    assert drawn("areas") == [] and drawn("lines") == []  # before the first change: nothing
    legend = driver.find_element("css selector", ".gz-legend").text
    assert f"Opposition {HOSTILE}" in legend and "Government" in legend
    # the chart of area per party: a point jumps to its day
    point = driver.find_element("css selector", '.gz-chart-point[data-gz-day="2020-03-01"]')
    driver.execute_script("arguments[0].click();", point)
    assert driver.execute_script("return geozones.day") == "2020-03-01"
    assert "36.7" in drawn("lines")[0][1]
    # ... and the keyboard reaches every point: one tab stop, arrows move, Enter jumps
    from selenium.webdriver.common.keys import Keys

    box = driver.find_element("css selector", ".gz-chart")
    assert box.get_attribute("tabindex") == "0"
    days = driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('.gz-chart-point'),"
        " function (p) { return p.getAttribute('data-gz-day'); });"
    )
    box.send_keys(Keys.HOME)
    active = driver.switch_to.active_element
    assert active == box
    first = driver.find_element("id", box.get_attribute("aria-activedescendant"))
    assert first.get_attribute("data-gz-day") == min(days)
    assert "km²" in first.get_attribute("aria-label")
    box.send_keys(Keys.ARROW_RIGHT, Keys.ENTER)
    second = sorted(set(days))[1]
    assert driver.execute_script("return geozones.day") == second
    box.send_keys(Keys.END, Keys.SPACE)
    assert driver.execute_script("return geozones.day") == max(days)
    assert (
        driver.execute_script("return document.querySelectorAll('img[src=\"x\"], b').length") == 0
    )


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
    for layer in layers | {"Country borders", "Governorates", "Districts", "Rivers and lakes"}:
        assert layer in labels
    assert any(label.startswith("Places (5,") for label in labels)
    paths = driver.execute_script("return document.querySelectorAll('.leaflet-pane path').length")
    assert paths > 80
    drawn = wait_for(driver, "return geozones.placesDrawn")  # drawn after the first frame
    assert "Aleppo" in drawn and "Idlib" in drawn  # written as the timeline writes it
    assert failed_requests(driver) == []
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def test_bundled_places_are_labelled_without_collisions_at_every_zoom(driver, bundled_file):
    open_map(driver, bundled_file)
    for zoom in (6, 8, 10, 12, 14):
        driver.execute_script(
            "geozones.map.setView([35.80, 36.60], arguments[0], {animate: false});", zoom
        )
        boxes = driver.execute_script("return geozones.placesBoxes")
        assert boxes, zoom
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), zoom
    # from zoom 14 on, every community in view has its label
    drawn = set(driver.execute_script("return geozones.placesDrawn"))
    visible = driver.execute_script(
        "var p = geozones.places, b = geozones.map.getBounds().pad(-0.1), out = [];"
        "for (var i = 0; i < p.name.length; i++)"
        "  if (b.contains([p.lat[i], p.lon[i]])) out.push(p.name[i]);"
        "return out;"
    )
    assert len(visible) > 5 and set(visible) <= drawn


def test_bundled_search_finds_a_village_by_any_of_its_spellings(driver, bundled_file):
    open_map(driver, bundled_file)
    cases = {
        "Morek": ["Morek", "Murak", "مورك"],
        "Jisr-Ash-Shugur": ["Jisr ash-Shughur", "jisr al shughur", "جسر الشغور"],
        "Saraqib": ["Saraqab", "Saraqeb", "Serakib", "سراقب"],
    }
    for name, spellings in cases.items():
        for spelling in spellings:
            found = driver.execute_script(
                "return geozones.searchFor(arguments[0], 5).map(function (r) { return r.label; });",
                spelling,
            )
            if not found:  # the index is built on the first keystroke in the box
                field = driver.find_element("css selector", ".gz-search-input")
                field.clear()
                field.send_keys(spelling)
                found = [r.text for r in driver.find_elements("css selector", ".gz-search-name")]
            assert name in found, (spelling, found)


def test_bundled_any_typed_date_shows_exactly_the_timeline(driver, bundled, bundled_file):
    open_map(driver, bundled_file)
    counts = set()
    for day in _typed_days(bundled):
        assert _set_day(driver, day) == day
        drawn = _drawn_ids(driver)
        assert drawn == sorted(bundled.at(day)["id"]), day
        counts.add(len(drawn))
    assert len(counts) > 3


def _href(url: str) -> str:
    """``url`` as a browser writes it back (no default port)."""
    return (
        url.strip()
        .replace("https://www.trtworld.com:443/", "https://www.trtworld.com/")
        .replace(":443/", "/")
    )


def test_bundled_popups_cite_their_sources(driver, bundled, bundled_file):
    open_map(driver, bundled_file)
    found = driver.execute_script(
        "var out = {};"
        "geozones.layers.forEach(function (g) { g.eachLayer(function (f) {"
        "  var l = f._gzTarget; l.openPopup();"
        "  var box = l.getPopup().getElement().querySelector('.gz-popup');"
        "  var id = box.querySelector('td:last-child') ? null : null;"
        "  out[l.getLayers()[0].feature.properties.id] = {"
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
        urls = [
            _href(s["url"])
            for s in active.loc[fid, "sources"]
            if s.get("url", "").startswith("http")
        ]
        assert popup["links"] == urls, fid
        assert all(link.startswith(("http://", "https://")) for link in popup["links"])
