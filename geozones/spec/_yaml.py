"""YAML with line numbers, bounded before any object is built (size, aliases, depth)."""

from __future__ import annotations

from typing import Any

import yaml

from .. import settings
from ..errors import SpecError


class LineDict(dict):
    """A dict from YAML that remembers the line of itself and of each key."""

    line: int | None = None
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int | None:
        """Line of ``key`` (1-based), or of the mapping itself."""
        return getattr(self, "key_lines", {}).get(key, self.line)


class LineList(list):
    """A list from YAML that remembers the line of itself and of each item."""

    line: int | None = None
    item_lines: list[int]

    def line_of(self, index: int) -> int | None:
        """Line of item ``index`` (1-based), or of the list itself."""
        lines = getattr(self, "item_lines", [])
        return lines[index] if 0 <= index < len(lines) else self.line


def line_of(node: Any, key: Any = None) -> int | None:
    """Line (1-based) of ``key`` in a YAML mapping/list from :func:`load_yaml`, or of the node.

    ``None`` for plain Python values (no line known).

    Examples
    --------
    >>> line_of(load_yaml("a: 1\\nb: [x, y]\\n"), "b")
    2
    >>> line_of({"a": 1}, "a") is None
    True
    """
    if isinstance(node, (LineDict, LineList)):
        return node.line_of(key) if key is not None else node.line
    return None


def _make_loader() -> type:
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built with it

    class _Loader(base):  # type: ignore[valid-type,misc]
        pass

    # dates stay strings: we check them ourselves, with the line and a hint
    _Loader.yaml_implicit_resolvers = {
        ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(loader: Any, node: Any) -> LineDict:
        own = {id(k) for k, _ in node.value if k.tag != "tag:yaml.org,2002:merge"}
        loader.flatten_mapping(node)  # '<<: *anchor' entries first, so own keys override
        out = LineDict()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        seen: set = set()
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise SpecError("a key must be a plain word", line=line)
            if id(key_node) in own:
                if key in seen:
                    raise SpecError(
                        f"key {key!r} appears twice in the same mapping",
                        line=line,
                        hint=f"first at line {out.key_lines[key]}; keep one",
                    )
                seen.add(key)
            out[key] = loader.construct_object(value_node, deep=True)
            out.key_lines[key] = line
        return out

    def construct_sequence(loader: Any, node: Any) -> LineList:
        out = LineList(loader.construct_object(child, deep=True) for child in node.value)
        out.line = node.start_mark.line + 1
        out.item_lines = [child.start_mark.line + 1 for child in node.value]
        return out

    _Loader.add_constructor("tag:yaml.org,2002:map", construct_mapping)
    _Loader.add_constructor("tag:yaml.org,2002:seq", construct_sequence)
    return _Loader


_LOADER: type | None = None


def load_yaml(text: str, path: str | None = None) -> Any:
    """Parse YAML text into :class:`LineDict`/:class:`LineList` with line numbers.

    The text is bounded before any Python object is built: at most
    ``settings.max_spec_bytes`` characters, and once aliases (``*name``) are
    expanded at most ``settings.max_spec_nodes`` nodes, ``settings.max_spec_chars``
    characters of text and ``settings.max_spec_depth`` levels of nesting. An alias
    is built once and shared, so a small spec cannot grow into gigabytes.

    Raises
    ------
    SpecError
        On a YAML syntax error, a duplicate key or a spec beyond the bounds, with the line.

    Examples
    --------
    >>> d = load_yaml("a: 1\\nb:\\n  - x\\n")
    >>> d.line_of("b"), d["b"].line_of(0)
    (2, 3)
    """
    global _LOADER
    if _LOADER is None:
        _LOADER = _make_loader()
    if len(text) > settings.max_spec_bytes:
        raise SpecError(
            f"the spec is longer than settings.max_spec_bytes ({settings.max_spec_bytes:,})",
            path=path,
            hint="split it into several timelines",
        )
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_bounds(node, path)
        return loader.construct_document(node)
    except SpecError as exc:
        raise SpecError(exc.message, path=path, line=exc.line, hint=exc.hint) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = " ".join(str(exc.problem or exc.context or "syntax error").split())
        raise SpecError(
            f"YAML syntax error: {problem}",
            path=path,
            line=line,
            hint="check the indentation and quote text containing ': ' or '#'",
        ) from None
    except yaml.YAMLError as exc:
        raise SpecError(f"YAML error: {' '.join(str(exc).split())}", path=path) from None
    finally:
        loader.dispose()


def _children(node: Any) -> list:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_bounds(root: Any, path: str | None) -> None:
    """Refuse a YAML node graph too big or too deep once its aliases are expanded.

    Walks each distinct node once (iteratively, so depth cannot exhaust the stack) and
    adds up, per node, the nodes, characters and depth of its expanded subtree.
    """

    limits = (settings.max_spec_nodes, settings.max_spec_chars, settings.max_spec_depth)
    memo: dict[int, tuple[int, int, int]] = {}
    on_path: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        nid = id(node)
        kids = _children(node)
        if finished:
            sizes = [memo[id(k)] for k in kids]
            own = len(node.value) if isinstance(node.value, str) else 0
            total = (
                1 + sum(s[0] for s in sizes),
                own + sum(s[1] for s in sizes),
                1 + max((s[2] for s in sizes), default=0),
            )
            on_path.discard(nid)
            memo[nid] = total
            _refuse_beyond(total, limits, node, path)
            continue
        if nid in memo:
            continue
        if nid in on_path:
            raise SpecError(
                "an alias refers to the mapping or list that contains it",
                path=path,
                line=node.start_mark.line + 1,
                hint="a spec cannot contain itself; copy the part you need",
            )
        on_path.add(nid)
        stack.append((node, True))
        stack.extend((k, False) for k in kids if id(k) not in memo)


def _refuse_beyond(total: tuple, limits: tuple, node: Any, path: str | None) -> None:
    nodes, chars, depth = total
    max_nodes, max_chars, max_depth = limits
    line = node.start_mark.line + 1
    if depth > max_depth:
        raise SpecError(
            f"the spec nests mappings and lists more than {max_depth} levels deep",
            path=path,
            line=line,
            hint="write a flatter expression (union takes a list of any length)",
        )
    if nodes > max_nodes or chars > max_chars:
        what = f"{nodes:,} values" if nodes > max_nodes else f"{chars:,} characters"
        raise SpecError(
            f"the spec expands to {what} once its aliases (*name) are repeated",
            path=path,
            line=line,
            hint=f"the limits are {max_nodes:,} values and {max_chars:,} characters "
            "(settings.max_spec_nodes, settings.max_spec_chars); use fewer aliases",
        )
