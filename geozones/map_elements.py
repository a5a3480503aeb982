"""folium elements of a geozones map: inlined assets, time-sliced layers, controls.

Each element is a small folium ``MacroElement`` (or ``Layer``) with its own
Jinja template that calls the runtime in ``geozones/templates/geozones.js``
(inlined once in the page by :class:`InlineAssets`). Data reach the page only
through :func:`js_json`, which escapes everything an HTML parser could read as
markup; spec and data text is turned into DOM text nodes by the runtime.

Examples
--------
>>> js_json({"name": "</script><img src=x>"})
'{"name":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x\\\\u003e"}'
"""

from __future__ import annotations

import base64
import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from branca.element import Element, MacroElement
from folium.map import Layer
from folium.template import Template

#: The package that ships Leaflet (pinned in pyproject.toml) and its folder of assets.
LEAFLET_PACKAGE = "js_lib_leaflet"
LEAFLET_DIR = ("static", "js_lib_leaflet")

_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")


def js_json(obj: Any) -> str:
    """Serialize ``obj`` as JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` (and the JavaScript line separators) are written as
    ``\\uXXXX`` escapes, so no data can close the script or open a comment.

    Examples
    --------
    >>> js_json(["a<b"])
    '["a\\\\u003cb"]'
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_ESCAPE_RE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


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
    own_js = _own_file("geozones.js")
    own_css = _own_file("geozones.css")
    for name, text in (("leaflet.js", js), ("geozones.js", own_js)):
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


class FeatureData(MacroElement):
    """The timeline's features, embedded once as GeoJSON (``start``/``end`` properties)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = {{ this.data }};
        var {{ this.get_name() }}_meta = {{ this.meta }};
        {% endmacro %}
        """
    )

    def __init__(self, collection: dict[str, Any], meta: dict[str, Any]) -> None:
        super().__init__()
        self._name = "gz_features"
        self.data = js_json(collection)
        self.meta = js_json(meta)


class KindLayer(Layer):
    """One layer of the layer control: the features of some kinds, filtered by date in JS."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = geozones.kindLayer(
            {{ this.source.get_name() }}, {{ this.kinds|tojson }},
            {{ this.source.get_name() }}_meta);
        {% endmacro %}
        """
    )

    def __init__(self, source: FeatureData, kinds: list[str], name: str, show: bool = True) -> None:
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "gz_kind_layer"
        self.source = source
        self.kinds = list(kinds)


class BasemapLayer(Layer):
    """A vector basemap layer (areas, roads or towns) from bundled data."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {%- if this.role == "area" %}
        var {{ this.get_name() }} = geozones.areaLayer(
            {{ this._parent.get_name() }}, {{ this.data }}, {{ this.style|tojson }},
            {{ this.pane|tojson }});
        {%- elif this.role == "road" %}
        var {{ this.get_name() }} = geozones.roadLayer(
            {{ this._parent.get_name() }}, {{ this.data }}, {{ this.style|tojson }});
        {%- else %}
        var {{ this.get_name() }} = geozones.townLayer(
            {{ this._parent.get_name() }}, {{ this.data }});
        {%- endif %}
        {% endmacro %}
        """
    )

    def __init__(
        self,
        collection: dict[str, Any],
        name: str,
        *,
        role: str = "area",
        style: dict[str, Any] | None = None,
        pane: str = "gz-base",
        show: bool = True,
    ) -> None:
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "gz_basemap"
        self.data = js_json(collection)
        self.role = role
        self.style = style or {}
        self.pane = pane


class TimeControl(MacroElement):
    """The date caption with a slider and a play button over the slices, or one fixed date."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = geozones.timeControl(
            {{ this._parent.get_name() }},
            [{% for layer in this.layers -%}
                {{ layer.get_name() }}{{ "," if not loop.last }}
            {%- endfor %}],
            {{ this.config }}, {{ this.source.get_name() }}_meta);
        {% endmacro %}
        """
    )

    def __init__(
        self, source: FeatureData, layers: list[KindLayer], config: dict[str, Any]
    ) -> None:
        super().__init__()
        self._name = "gz_time"
        self.source = source
        self.layers = list(layers)
        self.config = js_json(config)


class Legend(MacroElement):
    """Kinds (colour swatches) and confidence styles (dash patterns)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geozones.legend({{ this._parent.get_name() }}, {{ this.source.get_name() }}_meta);
        geozones.credit({{ this._parent.get_name() }}, {{ this.source.get_name() }}_meta.credit);
        {% endmacro %}
        """
    )

    def __init__(self, source: FeatureData) -> None:
        super().__init__()
        self._name = "gz_legend"
        self.source = source


class TitlePanel(MacroElement):
    """The title, description and signed agreements of the timeline."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geozones.titlePanel({{ this._parent.get_name() }}, {{ this.info }});
        {% endmacro %}
        """
    )

    def __init__(self, info: dict[str, Any]) -> None:
        super().__init__()
        self._name = "gz_title"
        self.info = js_json(info)


class TileAware(MacroElement):
    """Clear the country fills while a web tile layer is the base layer."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geozones.tileAware({{ this._parent.get_name() }}, {{ this.countries.get_name() }},
            {{ this.offline_name|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, countries: BasemapLayer, offline_name: str) -> None:
        super().__init__()
        self._name = "gz_tile_aware"
        self.countries = countries
        self.offline_name = offline_name


class FitView(MacroElement):
    """Fit the map to ``bounds``, leaving room for the panels on wide screens."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geozones.fitView({{ this._parent.get_name() }}, {{ this.bounds|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, bounds: list[list[float]]) -> None:
        super().__init__()
        self._name = "gz_fit"
        self.bounds = bounds


def number_ids(root: Element) -> None:
    """Replace the random ids folium gives elements by their order in the tree.

    Makes the rendered HTML the same, byte for byte, for the same input.

    Examples
    --------
    >>> import folium
    >>> m = folium.Map(tiles=None)
    >>> number_ids(m.get_root())
    >>> m.get_name()
    'map_1'
    """
    counter = 0
    stack = [root]
    while stack:
        element = stack.pop(0)
        element._id = str(counter)
        counter += 1
        children = list(element._children.values())
        for part in ("header", "html", "script"):
            sub = getattr(element, part, None)
            if isinstance(sub, Element):
                children.append(sub)
        stack.extend(children)
