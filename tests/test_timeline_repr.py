"""A Timeline shows its map inline in Jupyter (``_repr_html_``)."""

import html
import re

import geozones
from geozones.maps import map_html


def test_repr_html_is_the_escaped_self_contained_map_in_a_sandboxed_iframe():
    tl = geozones.load_timeline()
    out = tl._repr_html_()
    m = re.fullmatch(
        r'<iframe title="([^"]*)" srcdoc="([^"]*)" style="[^"]*" sandbox="([^"]*)"></iframe>', out
    )
    assert m, out[:200]
    assert html.unescape(m.group(1)) == tl.name
    assert "allow-scripts" in m.group(3) and "allow-same-origin" not in m.group(3)
    # the document is escaped into the attribute: no raw tag of it leaks into the notebook
    assert "<script" not in m.group(2)
    assert html.unescape(m.group(2)) == map_html(tl)
