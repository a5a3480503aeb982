"""Leaflet and the geozones runtime, inlined in the page: a map loads nothing from anywhere."""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from branca.element import Element

#: The package that ships Leaflet (pinned in pyproject.toml) and its folder of assets.
LEAFLET_PACKAGE = "js_lib_leaflet"
LEAFLET_DIR = ("static", "js_lib_leaflet")

#: The geozones runtime, in load order (``geozones/templates/``).
RUNTIME = ("geozones.js", "geozones-time.js", "geozones-base.js")


def _leaflet_file(name: str) -> bytes:
    return resources.files(LEAFLET_PACKAGE).joinpath(*LEAFLET_DIR, *name.split("/")).read_bytes()


def _own_file(name: str) -> str:
    return resources.files("geozones").joinpath("templates", name).read_text(encoding="utf-8")


def _data_uri(match: re.Match[str]) -> str:
    name = match.group(1)
    payload = base64.b64encode(_leaflet_file("images/" + name)).decode("ascii")
    return f'url("data:image/png;base64,{payload}")'


@lru_cache(maxsize=1)
def inline_assets_html() -> str:
    """``<style>`` and ``<script>`` elements with Leaflet and the geozones runtime.

    Leaflet's images become ``data:`` URIs, its IE-only VML behaviour and its
    source-map comment are dropped, so the page loads nothing from anywhere.

    Examples
    --------
    >>> "L.version" in inline_assets_html() or "1.9.4" in inline_assets_html()
    True
    """
    css = _leaflet_file("leaflet.css").decode("utf-8").replace("\r\n", "\n")
    css = re.sub(r"\s*behavior:\s*url\(#default#VML\);", "", css)
    css = re.sub(r"url\(\s*['\"]?images/([\w.-]+\.png)['\"]?\s*\)", _data_uri, css)
    js = _leaflet_file("leaflet.js").decode("utf-8").replace("\r\n", "\n")
    js = re.sub(r"\n//# sourceMappingURL=\S*\s*$", "\n", js)
    own_js = "\n".join(_own_file(name) for name in RUNTIME)
    own_css = _own_file("geozones.css")
    for name, text in (("leaflet.js", js), ("geozones runtime", own_js)):
        if re.search(r"</script|<!--", text, re.IGNORECASE):  # pragma: no cover - a packaging fault
            raise RuntimeError(f"{name} cannot be inlined in a <script> element")
    if "url(" in re.sub(r"url\(\"data:", "", css + own_css):  # pragma: no cover - a packaging fault
        raise RuntimeError("a stylesheet still references an external url(...)")
    return (
        f"<style>\n{css}\n</style>\n<style>\n{own_css}</style>\n"
        f"<script>\n{js}</script>\n<script>\n{own_js}</script>"
    )


class InlineAssets(Element):
    """Leaflet's CSS/JS and the geozones runtime, inlined in the page header."""

    def __init__(self) -> None:
        super().__init__()
        self._name = "InlineAssets"

    def render(self, **kwargs: Any) -> str:
        return inline_assets_html()


class NoScript(Element):
    """A message for browsers with JavaScript switched off."""

    def __init__(self) -> None:
        super().__init__()
        self._name = "NoScript"

    def render(self, **kwargs: Any) -> str:
        return (
            '<noscript><p style="font: 15px sans-serif; padding: 1em">This map needs '
            "JavaScript: allow it for this file (nothing is loaded from the network).</p>"
            "</noscript>"
        )
