"""A chart of the counts of :func:`geozones.events.summarize` over time (matplotlib, Agg)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._io import atomic_path
from ..errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from ..timeline import Timeline


def plot_summary(
    summary: pd.DataFrame,
    timeline: Timeline | None,
    path: str | Path,
    *,
    top: int = 8,
    title: str | None = None,
) -> Path:
    """Chart the counts of :func:`summarize` over time, agreements' signed dates marked.

    One colour per feature (the ``top`` features with most events; the rest
    are summed as "other features"): certain matches solid, certain plus
    possible dashed. Drawn with matplotlib's Agg canvas (no pyplot, no
    display needed) and written atomically (PNG, SVG or PDF by the suffix).

    Examples
    --------
    >>> plot_summary(summarize(joined), load_timeline(), "counts.png")   # doctest: +SKIP
    PosixPath('counts.png')
    """
    from matplotlib.figure import Figure  # lazy: matplotlib is slow to import

    need = {"feature_id", "period", "certain", "possible"}
    if not need <= set(summary.columns):
        raise InputError(
            f"plot_summary needs the output of summarize; missing "
            f"{sorted(need - set(summary.columns))}"
        )
    fig = Figure(figsize=(12, 6), dpi=110)  # no pyplot: no global state, no GUI backend
    ax = fig.add_subplot()
    _draw_lines(ax, _series(summary, top))
    _mark_agreements(ax, timeline)
    ax.set_ylabel("events per period")
    ax.set_ylim(bottom=0)
    default = f"Events inside the features of {timeline.name}" if timeline else None
    fig.suptitle(_plain(title or default or "Events inside timeline features"), fontsize=11)
    ax.grid(alpha=0.3)
    _legend(ax)
    fig.autofmt_xdate()
    fig.tight_layout()
    target = Path(path)
    with atomic_path(target) as tmp:
        fig.savefig(tmp, format=(target.suffix.lstrip(".") or "png").lower())
    return target


def _series(summary: pd.DataFrame, top: int) -> list[tuple[str, pd.DataFrame]]:
    """(label, rows) per feature drawn: the ``top`` busiest, the rest summed."""
    totals = summary.groupby("feature_id", observed=True)[["certain", "possible"]].sum()
    keep = list(totals.sum(axis=1).sort_values(ascending=False).index[:top])
    names = summary.drop_duplicates("feature_id").set_index("feature_id")
    lines = [
        (
            str(names["feature_name"].get(fid, fid)) if "feature_name" in names else str(fid),
            summary.loc[summary["feature_id"] == fid],
        )
        for fid in keep
    ]
    rest = summary.loc[~summary["feature_id"].isin(keep)]
    if len(rest):
        summed = rest.groupby("period", as_index=False)[["certain", "possible"]].sum()
        lines.append((f"{rest['feature_id'].nunique()} other features", summed))
    return lines


def _draw_lines(ax: Any, lines: list[tuple[str, pd.DataFrame]]) -> None:
    """Certain matches solid, certain plus possible dashed, one colour a feature."""
    import matplotlib  # lazy: matplotlib is slow to import

    palette = matplotlib.colormaps["tab10"]
    for i, (name, frame) in enumerate(lines):
        frame = frame.sort_values("period")
        colour = palette(i % 10)
        ax.plot(frame["period"], frame["certain"], color=colour, lw=1.8, label=_plain(name))
        total = frame["certain"] + frame["possible"]
        ax.plot(frame["period"], total, color=colour, lw=1.0, ls="--", alpha=0.8)


def _legend(ax: Any) -> None:
    """The features' legend, with what solid and dashed mean."""
    from matplotlib.lines import Line2D  # lazy: matplotlib is slow to import

    handles, labels = ax.get_legend_handles_labels()
    handles += [Line2D([], [], color="0.2", lw=1.8), Line2D([], [], color="0.2", lw=1.0, ls="--")]
    labels += ["certain (solid)", "certain + possible (dashed)"]
    ax.legend(
        handles, labels, fontsize=7.5, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False
    )


def _mark_agreements(ax: Any, timeline: Timeline | None) -> None:
    """Dotted vertical lines at the agreements' signed dates, labelled above the axes."""

    for ag in timeline.agreements if timeline is not None else []:
        signed = pd.to_datetime(str(ag.get("signed") or ""), errors="coerce")
        if pd.isna(signed):
            continue
        ax.axvline(signed, color="0.35", lw=0.8, ls=":")
        label = str(ag.get("name") or ag.get("id"))
        label = _plain(label if len(label) <= 34 else label[:33] + "…")
        ax.annotate(
            label,
            (signed, 1.01),
            xycoords=("data", "axes fraction"),
            rotation=90,
            fontsize=6.5,
            va="bottom",
            ha="center",
            color="0.25",
            annotation_clip=False,
        )


def _plain(text: str) -> str:
    """Text from specs shown literally by matplotlib (no ``$…$`` mathtext)."""
    return str(text).replace("$", r"\$")
