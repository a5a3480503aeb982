"""Checks of a source: an article's web address, no private paths, a date when published."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit


def url_problem(url: str) -> str | None:
    """What is wrong with a source address (None: an article's address).

    A source must be an http(s) address with a path beyond the domain: a site's
    home page does not say where the fact is.

    Examples
    --------
    >>> url_problem("https://www.mfa.gov.tr/")
    'is a home page, not an article: cite the page that states the fact'
    >>> url_problem("https://www.syriahr.com/en/139035/") is None
    True
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return "is not a web address"
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in text:
        return "is not a web address (http:// or https://)"
    if parts.path.strip("/") == "" and not parts.query:
        return "is a home page, not an article: cite the page that states the fact"
    return None


def shared_problem(fields: dict[str, Any]) -> str | None:
    """Whether a source cites the project's private ``../shared`` folder (None: it does not).

    Examples
    --------
    >>> shared_problem({"url": "../shared/data/AGREEMENTS-FACTS.md"})
    "cites '../shared', which a clone of the project does not have"
    """
    for value in fields.values():
        if isinstance(value, str) and re.search(r"(^|[\s/(])\.\./shared\b", value):
            return "cites '../shared', which a clone of the project does not have"
    return None


def source_problem(src: dict[str, Any]) -> str | None:
    """What is wrong with a checked source (None: fine): a home page, ``../shared``,
    or a ``published`` that is not a date.

    Examples
    --------
    >>> source_problem({"url": "https://english.alarabiya.net/", "quote": "x"})[:40]
    "url 'https://english.alarabiya.net/' is "
    """
    problem = shared_problem(src)
    if problem:
        return problem
    url = src.get("url") or ""
    if url:
        problem = url_problem(url)
        if problem and "home page" in problem:
            return f"url {url[:60]!r} {problem}"
    published = src.get("published") or ""
    if published and not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", published):
        return f"has published {published[:20]!r}, not a date (YYYY-MM-DD or YYYY-MM)"
    return None
