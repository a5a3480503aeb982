"""Spec text is data in the map: never Jinja template source, never script (issue #12, item 1).

Every text field of a timeline (and every option that carries text) is given
template syntax and ``</script>`` payloads. In Python the rendered page must hold
the literal text and no payload may run (it would create a file); in Chromium
no payload may run a script (``window.pwned``, ``document.title``) and the text
shows literally.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from _browser import browser_available, make_driver, open_map, quit_driver, synthetic_timeline

from geozones.maps import js_json, map_html, render_map
from geozones.maps._elements import SafeMacro, _walk, check_safe


def _payloads(marker: Path) -> dict[str, str]:
    """Template and script payloads; each would create ``marker`` or set window.pwned if run."""
    run = (
        "{{ this.__init__.__globals__['__builtins__']['__import__']('os')"
        f".system('touch {marker}') }}}}"
    )
    return {
        "math": "{{ 7*7 }}",
        "exec": run,
        "cycler": f"{{{{ cycler.__init__.__globals__.os.system('touch {marker}') }}}}",
        "block": "{% for x in range(3) %}L{% endfor %}{# c #}",
        "script": "</script><script>window.pwned=1;document.title='PWNED'</script>",
        "jinja-script": "{{ '<' }}/script><script>window.pwned=2</script>",
        "raw": "{% raw %}{{ 1+1 }}{% endraw %}",
    }


def _hostile_timeline(payloads: dict[str, str]):
    """The synthetic timeline with a payload in every text field of every feature and agreement."""
    tl = synthetic_timeline()
    frame = tl.features.copy()
    texts = list(payloads.values())
    for i in range(len(frame)):
        p = texts[i % len(texts)]
        q = texts[(i + 1) % len(texts)]
        frame.loc[frame.index[i], "name"] = f"name {p}"
        frame.loc[frame.index[i], "notes"] = f"notes {q}"
        frame.loc[frame.index[i], "agreement_name"] = f"agreement {p}"
        frame.at[frame.index[i], "sources"] = [
            {"url": f"https://example.org/{i}?q={q}", "title": f"title {p}", "quote": f"quote {q}"},
            {"url": f"not a url {p}", "title": "", "quote": ""},
        ]
    # an unknown kind and confidence reach the layer control and the legend as spec text
    frame.loc[frame.index[0], "kind"] = f"kind {payloads['math']} {payloads['script']}"
    frame.loc[frame.index[1], "confidence"] = f"conf {payloads['exec']}"
    tl.features = frame
    tl.name = f"timeline {payloads['exec']} {payloads['script']}"
    tl.description = f"description {payloads['cycler']} {payloads['block']}"
    for j, ag in enumerate(tl.agreements):
        ag["name"] = f"agreement {texts[j % len(texts)]}"
        ag["parties"] = [f"party {payloads['math']}", f"party {payloads['script']}"]
    return tl


def _strings(obj) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in _strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in _strings(v)]
    return []


def _embedded_strings(page: str) -> list[str]:
    """Every string of every JSON object (``{"…``) written in the page's scripts."""
    decoder = json.JSONDecoder()
    out: list[str] = []
    at = page.find('{"')
    while at >= 0:
        try:
            obj, end = decoder.raw_decode(page, at)
        except json.JSONDecodeError:
            end = at + 1
        else:
            out.extend(_strings(obj))
        at = page.find('{"', end)
    return out


@pytest.fixture()
def marker(tmp_path):
    return tmp_path / "PWNED"


@pytest.mark.parametrize("basemap", [False, True])
def test_no_text_field_is_rendered_as_a_template(marker, basemap):
    payloads = _payloads(marker)
    tl = _hostile_timeline(payloads)
    page = map_html(tl, basemap=basemap, title=f"title option {payloads['exec']}")
    assert not marker.exists()
    strings = _embedded_strings(page)
    for name, payload in payloads.items():
        assert any(payload in s for s in strings), f"{name} payload not kept as text"
    assert any(f"title option {payloads['exec']}" == s for s in strings)
    # nothing evaluated: no 49 next to the words that carried {{ 7*7 }}, no LLL
    assert not re.search(r"(name|notes|agreement|party|kind) 49", page)
    assert "LLL" not in page
    # no payload can close the script: every <script> opened is closed once
    assert page.count("<script") == page.count("</script>")
    assert "window.pwned" not in page.replace("window.pwned=", "")  # only inside JSON strings
    assert "<script>window.pwned" not in page


def test_title_option_and_kind_names_are_text(marker):
    payloads = _payloads(marker)
    page = map_html(
        _hostile_timeline(payloads), basemap=False, title="{{ 6*7 }} {% if 1 %}yes{% endif %}"
    )
    assert "<title>{{ 6*7 }} {% if 1 %}yes{% endif %} — geozones map</title>" in page
    assert "42" not in re.search(r"<title>(.*?)</title>", page).group(1)
    kinds = [s for s in _embedded_strings(page) if s.startswith("kind ")]
    assert "kind {{ 7*7 }} </script><script>window.pwned=1;document.title='PWNED'</script>" in kinds


def test_cli_map_of_a_hostile_spec_runs_nothing(tmp_path):
    marker = tmp_path / "PWNED"
    payload = (
        "{{ this.__init__.__globals__['__builtins__']['__import__']('os')"
        f".system('touch {marker}') }}}}"
    )
    spec = tmp_path / "hostile.yaml"
    spec.write_text(
        f"""timeline:
  id: hostile
  name: "{payload}"
agreements:
  - id: a1
    name: "{payload}"
    signed: 2020-03-05
    parties: ["{{{{ 7*7 }}}}"]
    sources:
      - url: "https://example.org/a"
        title: "{payload}"
        quote: "{{{{ 7*7 }}}}"
    features:
      - id: f1
        name: "{payload}"
        kind: zone
        start: 2020-03-06
        confidence: schematic
        notes: "{{{{ 7*7 }}}} </script><script>window.pwned=1</script>"
        geometry:
          buffer: {{of: {{place: Idlib}}, distance: 5 km}}
""",
        encoding="utf-8",
    )
    out = tmp_path / "h.html"
    res = subprocess.run(
        [sys.executable, "-m", "geozones", "map", str(spec), "--out", str(out), "--title", payload],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 0, res.stderr
    assert not marker.exists()
    page = out.read_text(encoding="utf-8")
    strings = _embedded_strings(page)
    assert any(s.startswith("{{ 7*7 }} </script><script>window.pwned=1</script>") for s in strings)
    assert payload in strings
    assert page.count("<script") == page.count("</script>")


def test_every_macro_element_of_a_map_is_safe(marker):
    import folium

    from geozones.maps._render import _build_map

    fmap = _build_map(
        _hostile_timeline(_payloads(marker)),
        day=None,
        providers=[],
        title=None,
        simplify_m=20,
        basemap=True,
    )
    elements = _walk(fmap.get_root())
    macros = [e for e in elements if isinstance(e, folium.map.MacroElement)]
    assert len(macros) > 8 and all(isinstance(e, SafeMacro) for e in macros)
    folium.Marker([35, 36]).add_to(fmap)  # an unsafe folium element is refused
    with pytest.raises(RuntimeError, match="template source"):
        check_safe(fmap.get_root())


def test_js_json_writes_braces_in_strings_as_escapes():
    text = js_json({"a": "{{ x }}", "b": ["{%", "%}"], "c": {"d": "{#"}})
    assert "{{" not in text and "{%" not in text and "{#" not in text
    assert json.loads(text) == {"a": "{{ x }}", "b": ["{%", "%}"], "c": {"d": "{#"}}
    assert js_json({"k": {"n": 1}}) == '{"k":{"n":1}}'  # structure keeps its braces


# --------------------------------------------------------------------------- Chromium


@pytest.mark.browser
@pytest.mark.skipif(not browser_available(), reason="needs /usr/bin/chromium and chromedriver")
def test_no_payload_runs_in_the_browser_and_text_shows_literally(tmp_path):
    marker = tmp_path / "PWNED"
    payloads = _payloads(marker)
    tl = _hostile_timeline(payloads)
    path = render_map(tl, tmp_path / "hostile.html", title=f"T {payloads['script']}")
    driver = make_driver()
    try:
        open_map(driver, path)
        scripts = driver.execute_script("return document.scripts.length")
        shown = []
        for d in [s.isoformat() for s in tl.slices()]:
            driver.execute_script("location.hash = arguments[0];", d)
            shown += driver.execute_script(
                "var out = [];"
                "geozones.layers.forEach(function (g) { g.eachLayer(function (f) {"
                "  var t = f._gzTarget; t.openTooltip(); t.openPopup();"
                "  out.push(t.getPopup().getElement().textContent);"
                "  out.push(t.getTooltip().getElement().textContent); }); });"
                "return out;"
            )
        assert driver.execute_script("return window.pwned === undefined")
        assert driver.title == f"T {payloads['script']} — geozones map"  # text, not a script
        assert driver.execute_script("return document.scripts.length") == scripts
        shown = " | ".join(shown)
        assert "name {{ 7*7 }}" in shown and "49" not in shown
        assert f"name {payloads['script']}" in shown
        assert driver.execute_script(
            "return document.querySelector('.gz-title h1').textContent"
        ) == (f"T {payloads['script']}")
        assert not marker.exists()
    finally:
        quit_driver(driver)
