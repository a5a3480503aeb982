"""folium elements of a geozones map: inlined assets, time-sliced layers, controls.

Each element is a small folium ``MacroElement`` (or ``Layer``) with its own
Jinja template that calls the runtime in ``geozones/templates/geozones.js``
(inlined once in the page by :class:`~geozones.maps._assets.InlineAssets`). Data reach the page only
through :func:`js_json`, which escapes everything an HTML parser could read as
markup; spec and data text is turned into DOM text nodes by the runtime.

Data are never template source. branca's ``MacroElement.render`` wraps each
macro's output in an ``Element`` and renders it as a Jinja template a second
time, so text such as ``{{ 7*7 }}`` in a spec would be evaluated. Every macro
element of a geozones map is a :class:`SafeMacro`, whose output goes into the
page through :class:`RawText` (``render()`` returns the text as is), and
:func:`js_json` also writes ``{`` and ``}`` inside strings as ``\\u007b`` and
``\\u007d``; :func:`check_safe` refuses a tree that holds any other macro element.

Examples
--------
>>> js_json({"name": "</script><img src=x>"})
'{"name":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x\\\\u003e"}'
"""

from __future__ import annotations

import json
import re
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from folium.map import Layer
from folium.template import Template

from ._geometry import encode_collection

_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "{": "\\u007b",
    "}": "\\u007d",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_ESCAPE_RE = re.compile("[<>&{}\u2028\u2029]")
#: A JSON string literal (json.dumps output: every quote inside is escaped).
_JSON_STRING_RE = re.compile(r'"(?:[^"\\]|\\.)*"')


def js_json(obj: Any) -> str:
    """Serialize ``obj`` as JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` (and the JavaScript line separators) are written as
    ``\\uXXXX`` escapes, so no data can close the script or open a comment;
    ``{`` and ``}`` inside strings too, so no data can read as Jinja syntax.

    Examples
    --------
    >>> js_json(["a<b"])
    '["a\\\\u003cb"]'
    >>> js_json({"n": "{{ 7*7 }}"})
    '{"n":"\\\\u007b\\\\u007b 7*7 \\\\u007d\\\\u007d"}'
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_STRING_RE.sub(_escape_string, text)


def _escape_string(match: re.Match[str]) -> str:
    return _JSON_ESCAPE_RE.sub(lambda m: _JSON_ESCAPES[m.group(0)], match.group(0))


class RawText(Element):
    """Text that goes into the page exactly as given: never read as a template.

    Examples
    --------
    >>> RawText("{{ 7*7 }}").render()
    '{{ 7*7 }}'
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "RawText"
        self.text = str(text)

    def render(self, **kwargs: Any) -> str:
        return self.text


class SafeMacro(MacroElement):
    """A macro element whose rendered macros are put in the page as :class:`RawText`.

    branca's ``MacroElement.render`` wraps the output of each macro (which
    holds data) in an ``Element`` whose template *is* that output, so the
    data would be rendered as Jinja source a second time. This render does
    the same work without that second pass. Subclass it last, after any
    folium class (``class X(folium.map.Layer, SafeMacro)``), so that
    folium's own ``render`` steps run and end here.
    """

    def render(self, **kwargs: Any) -> None:  # type: ignore[override]  # as branca's: no text
        figure = self.get_root()
        if not isinstance(figure, Figure):  # pragma: no cover - a programming fault
            raise RuntimeError(f"{type(self).__name__} is not in a Figure")
        module = self._template.module.__dict__
        for part in ("header", "html", "script"):
            macro = module.get(part)
            if macro is not None:
                target = getattr(figure, part)
                target.add_child(RawText(str(macro(self, kwargs))), name=self.get_name())
        for element in list(self._children.values()):
            element.render(**kwargs)


class SafeMap(folium.Map, SafeMacro):
    """``folium.Map`` rendered without the second template pass (:class:`SafeMacro`)."""


class SafeLayerControl(folium.LayerControl, SafeMacro):
    """folium's layer control (layer names may be spec text) without the second pass."""


class SafeTileLayer(folium.TileLayer, SafeMacro):
    """An optional web tile base layer without the second pass."""


class SafeFeatureGroup(folium.FeatureGroup, SafeMacro):
    """An empty base layer (the offline choice) without the second pass."""


def check_safe(root: Element) -> None:
    """Refuse to render a tree holding a macro element that re-renders its output.

    Raises
    ------
    RuntimeError
        Naming the first element that is a ``MacroElement`` but not a :class:`SafeMacro`.

    Examples
    --------
    >>> check_safe(SafeMap(tiles=None).get_root())
    >>> check_safe(folium.Map(tiles=None).get_root())
    Traceback (most recent call last):
    ...
    RuntimeError: Map would render its data as template source; make it a SafeMacro
    """
    for element in _walk(root):
        if isinstance(element, MacroElement) and not isinstance(element, SafeMacro):
            raise RuntimeError(
                f"{type(element).__name__} would render its data as template source; "
                "make it a SafeMacro"
            )


def _walk(root: Element) -> list[Element]:
    """Every element of the tree under ``root``, breadth first (the figure's parts too)."""
    out: list[Element] = []
    stack = [root]
    while stack:
        element = stack.pop(0)
        out.append(element)
        children = list(element._children.values())
        for part in ("header", "html", "script"):
            sub = getattr(element, part, None)
            if isinstance(sub, Element):
                children.append(sub)
        stack.extend(children)
    return out


#: Decimals of the features' coordinates in the page (5 ≈ 1 m, far below the 20 m the
#: geometry is simplified within); exports keep ``settings.coordinate_precision``.
PAGE_DECIMALS = 5


class FeatureData(SafeMacro):
    """The timeline's features, embedded once (``start``/``end`` properties).

    The coordinates are delta-encoded (:func:`~geozones.maps._geometry.encode_collection`)
    and decoded to plain GeoJSON by the runtime before anything is drawn.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = {{ this.data }};
        geozones.decode({{ this.get_name() }});
        var {{ this.get_name() }}_meta = {{ this.meta }};
        {% endmacro %}
        """
    )

    def __init__(self, collection: dict[str, Any], meta: dict[str, Any]) -> None:

        super().__init__()
        self._name = "gz_features"
        self.data = js_json(encode_collection(collection, PAGE_DECIMALS))
        self.meta = js_json(meta)


class KindLayer(Layer, SafeMacro):
    """One layer of the layer control: the features of some kinds, shown by day in JS.

    ``index`` is the layer's place in the drawing order (and the legend's): each
    layer draws in panes of its own, so switching a layer off and on keeps the order.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = geozones.kindLayer({{ this._parent.get_name() }},
            {{ this.source.get_name() }}, {{ this.kinds }}, {{ this.source.get_name() }}_meta,
            {{ this.index }}, {{ this.label }});
        {% endmacro %}
        """
    )

    def __init__(
        self, source: FeatureData, kinds: list[str], name: str, index: int, show: bool = True
    ) -> None:
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "gz_kind_layer"
        self.source = source
        self.kinds = js_json(list(kinds))
        self.index = int(index)
        self.label = js_json(name)


class BasemapLayer(Layer, SafeMacro):
    """A vector basemap layer (areas, water or roads) from bundled data."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = geozones.basemapLayer({{ this._parent.get_name() }},
            {{ this.role }}, {{ this.data }}, {{ this.style }}, {{ this.pane }}, {{ this.label }});
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
        self.role = js_json(role)
        self.style = js_json(style or {})
        self.pane = js_json(pane)
        self.label = js_json(name)


class PlacesLayer(Layer, SafeMacro):
    """Every place of the basemap, labelled on a canvas where labels do not collide."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = geozones.placesLayer({{ this._parent.get_name() }},
            {{ this.data }}, {{ this.label }});
        {% endmacro %}
        """
    )

    def __init__(self, places: dict[str, Any], name: str, show: bool = True) -> None:
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "gz_places"
        self.data = js_json(places)
        self.label = js_json(name)


class ControlData(SafeMacro):
    """The timeline's control model (areas by party, contact lines, changes, chart)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = {{ this.data }};
        ["areas", "lines", "changes"].forEach(function (k) {
            geozones.decode({{ this.get_name() }}[k]); });
        {% endmacro %}
        """
    )

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__()
        self._name = "gz_control"
        self.data = js_json(data)


class ControlLayer(Layer, SafeMacro):
    """One control layer of the layer control: ``areas``, ``lines`` or ``changes``."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = geozones.controlLayer({{ this._parent.get_name() }},
            {{ this.source.get_name() }}, {{ this.role }}, {{ this.label }});
        {% endmacro %}
        """
    )

    def __init__(self, source: ControlData, role: str, name: str, show: bool = True) -> None:
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "gz_control_layer"
        self.source = source
        self.role = js_json(role)
        self.label = js_json(name)


class TimeControl(SafeMacro):
    """The calendar time axis (date field, steps, play, chart) or one fixed date."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = geozones.timeControl(
            {{ this._parent.get_name() }}, {{ this.config }}, {{ this.source.get_name() }}_meta,
            {{ this.control.get_name() if this.control is not none else "null" }});
        {% endmacro %}
        """
    )

    def __init__(
        self, source: FeatureData, config: dict[str, Any], control: ControlData | None = None
    ) -> None:
        super().__init__()
        self._name = "gz_time"
        self.source = source
        self.config = js_json(config)
        self.control = control


class Search(SafeMacro):
    """A search box over the basemap's places (every spelling) and the features."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geozones.search({{ this._parent.get_name() }}, {{ this.source.get_name() }},
            {{ this.source.get_name() }}_meta);
        {% endmacro %}
        """
    )

    def __init__(self, source: FeatureData) -> None:
        super().__init__()
        self._name = "gz_search"
        self.source = source


class Legend(SafeMacro):
    """Kinds (swatches by geometry), parties, and confidence styles (dash patterns)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geozones.legend({{ this._parent.get_name() }}, {{ this.source.get_name() }}_meta,
            {{ this.control.get_name() if this.control is not none else "null" }});
        geozones.credit({{ this._parent.get_name() }}, {{ this.source.get_name() }}_meta.credit);
        {% endmacro %}
        """
    )

    def __init__(self, source: FeatureData, control: ControlData | None = None) -> None:
        super().__init__()
        self._name = "gz_legend"
        self.source = source
        self.control = control


class TitlePanel(SafeMacro):
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


class TileAware(SafeMacro):
    """Clear the country fills while a web tile layer is the base layer."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geozones.tileAware({{ this._parent.get_name() }}, {{ this.countries.get_name() }},
            {{ this.offline_name }});
        {% endmacro %}
        """
    )

    def __init__(self, countries: BasemapLayer, offline_name: str) -> None:
        super().__init__()
        self._name = "gz_tile_aware"
        self.countries = countries
        self.offline_name = js_json(offline_name)


class FitView(SafeMacro):
    """Fit the map to ``bounds``, leaving room for the panels on wide screens."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geozones.fitView({{ this._parent.get_name() }}, {{ this.bounds }});
        {% endmacro %}
        """
    )

    def __init__(self, bounds: list[list[float]]) -> None:
        super().__init__()
        self._name = "gz_fit"
        self.bounds = js_json(bounds)


class Startup(SafeMacro):
    """Last script of the page: restore date, view and layers from the address."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geozones.start({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "gz_start"


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
    for counter, element in enumerate(_walk(root)):
        element._id = str(counter)
