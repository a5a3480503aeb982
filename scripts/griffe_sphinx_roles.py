"""A griffe extension for the docs build: show Sphinx roles in docstrings as code.

geozones' numpy-style docstrings use Sphinx roles (``:func:`geocode```,
``:class:`~geozones.place.Place```), which mkdocstrings would print literally. This extension,
named in mkdocs.yml, rewrites each role to inline code before the docstring is rendered:
``:class:`~geozones.place.Place``` becomes ```Place```, ``:func:`geozones.geocode``` stays
```geozones.geocode```, and ``:meth:`title <target>``` becomes ```title```. It never creates
links, so a role naming an object that is not documented cannot break the strict build.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(
    r":(?:py:)?(?:class|func|meth|attr|mod|data|exc|obj|const|term|ref|any):`(?P<body>[^`]+)`"
)


def rewrite_roles(text: str) -> str:
    """Replace every Sphinx role in ``text`` with inline code.

    Examples
    --------
    >>> rewrite_roles("a :class:`~geozones.place.Place` and :func:`geocode`")
    'a `Place` and `geocode`'
    >>> rewrite_roles(":meth:`the method <Gazetteer.variants>`")
    '`the method`'
    """

    def code(match: re.Match[str]) -> str:
        body = match["body"].strip()
        titled = re.fullmatch(r"(?P<title>.+?)\s*<[^>]+>", body)
        if titled:
            return f"`{titled['title']}`"
        if body.startswith("~"):
            body = body[1:].rsplit(".", 1)[-1]
        return f"`{body}`"

    return _ROLE.sub(code, text)


class SphinxRolesAsCode(griffe.Extension):
    """Rewrite Sphinx roles to inline code in every docstring griffe loads."""

    def on_instance(self, *, obj: Any, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = rewrite_roles(obj.docstring.value)
