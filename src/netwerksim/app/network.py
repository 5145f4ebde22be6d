"""The network picture: organisations as groups of professionals, ties drawn by trust and conflict level.

The layout is computed once per model (:func:`compute_layout`, a few milliseconds even at thousands of
professionals): organisations sit on a circle, ordered by kind so that kinds form neighbouring groups;
each organisation's professionals fill a small sunflower disc, its delegates to the tables on the side
facing the centre so that ties cross the middle. No force-directed layout is computed per frame.
A frame (:func:`draw_network`) is one matplotlib figure with one LineCollection for all ties (width by
trust, colour by the conflict level of the tie between the two organisations) and one scatter for the
professionals (colour by kind of organisation, size by energy, grey once the organisation is dormant or
has left).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ..i18n import t
from ..mechanisms.conflict import LEVELS, level
from ..observers.thermometer import LEVEL_NAMES
from ..scenario import KINDS
from ..state import State, Status

GOLDEN_ANGLE = np.pi * (3 - np.sqrt(5))
KIND_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
                "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173")
LEVEL_COLOURS = ("#2e8b57", "#e6b800", "#e67e22", "#c0392b")   # friendly, vigilant, disagreement, conflict
GONE_COLOUR = "#c8c8c8"


@dataclass(frozen=True)
class Layout:
    """Fixed positions and the undirected edge list, computed once per model."""

    xy: np.ndarray            # (P, 2) professional positions
    centres: np.ndarray       # (O, 2) organisation positions
    radius: np.ndarray        # (O,) disc radius of each organisation
    edge_a: np.ndarray        # undirected ties between professionals: endpoints
    edge_b: np.ndarray
    edge_of_tie: np.ndarray   # directed tie -> undirected edge
    edge_pair: np.ndarray     # undirected edge -> one of its organisation pairs (ties.org_pair)


def compute_layout(st: State) -> Layout:
    orgs, profs, T = st.orgs, st.profs, st.ties
    O, P = len(orgs.name), len(profs.org)
    order = np.lexsort((np.arange(O), orgs.kind))             # neighbours on the circle share a kind
    angle = np.empty(O)
    angle[order] = 2 * np.pi * np.arange(O) / max(O, 1)
    size = np.bincount(profs.org, minlength=O).astype(float)
    radius = np.sqrt(np.maximum(size, 1.0))
    ring = max(1.0, 1.6 * radius.sum() / np.pi) * (1.0 if O > 1 else 0.0)   # discs side by side, with room between
    centres = ring * np.column_stack([np.cos(angle), np.sin(angle)])

    ties_of = np.bincount(T.src, minlength=P) + np.bincount(T.dst, minlength=P)
    xy = np.zeros((P, 2))
    for o in range(O):
        mine = np.flatnonzero(profs.org == o)
        n = len(mine)
        k = np.arange(n)
        spots = 0.9 * np.sqrt((k + 0.5) / max(n, 1))[:, None] * radius[o] * np.column_stack(
            [np.cos(k * GOLDEN_ANGLE), np.sin(k * GOLDEN_ANGLE)])
        spots += centres[o]
        # the most connected professionals take the spots nearest the middle of the picture
        nearest = np.argsort(np.hypot(*spots.T), kind="stable")
        busiest = mine[np.argsort(-ties_of[mine], kind="stable")]
        xy[busiest] = spots[nearest]

    lo, hi = np.minimum(T.src, T.dst), np.maximum(T.src, T.dst)
    keys, first, edge_of_tie = np.unique(lo * P + hi, return_index=True, return_inverse=True)
    return Layout(xy=xy, centres=centres, radius=radius, edge_a=keys // P, edge_b=keys % P,
                  edge_of_tie=edge_of_tie.ravel(), edge_pair=T.org_pair[first])


def edge_values(layout: Layout, trust: np.ndarray, heat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per undirected edge: mean trust of its two directions, and its conflict level (0-3)."""
    n = len(layout.edge_a)
    counts = np.bincount(layout.edge_of_tie, minlength=n)
    mean_trust = np.bincount(layout.edge_of_tie, weights=trust, minlength=n) / np.maximum(counts, 1)
    return mean_trust, level(heat[layout.edge_pair]) if n else np.zeros(0, int)


def two_lines(name: str, longest: int = 14) -> str:
    """A long name broken at the space nearest its middle, so that it fits beside its group."""
    if len(name) <= longest or " " not in name:
        return name
    spaces = [i for i, c in enumerate(name) if c == " "]
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return name[:cut] + "\n" + name[cut + 1:]


def trust_width(trust: np.ndarray) -> np.ndarray:
    """Line width of a tie: thin at neutral trust (0.5) and below, thick near full trust."""
    return 0.3 + 5.0 * np.clip((trust - 0.4) / 0.6, 0.0, 1.0) ** 1.5


def draw_network(layout: Layout, st: State, trust: np.ndarray, heat: np.ndarray, status: np.ndarray,
                 energy: np.ndarray, lang: str, *, size: tuple[float, float] = (10.5, 6.8)) -> Figure:
    """The network of one week as a matplotlib figure (arrays as in ``session.Snapshot``)."""
    orgs, profs = st.orgs, st.profs
    fig = Figure(figsize=size)
    ax = fig.add_axes((0.0, 0.0, 0.72, 1.0))
    ax.set_axis_off()
    ax.set_aspect("equal")

    active = status == Status.ACTIVE
    mean_trust, lvl = edge_values(layout, trust, heat)
    alive = active[profs.org[layout.edge_a]] & active[profs.org[layout.edge_b]]
    if alive.any():
        segments = np.stack([layout.xy[layout.edge_a[alive]], layout.xy[layout.edge_b[alive]]], axis=1)
        widths = trust_width(mean_trust[alive])
        colours = np.array(LEVEL_COLOURS)[lvl[alive]]
        n = int(alive.sum())
        ax.add_collection(LineCollection(segments, linewidths=widths, colors=colours,
                                         alpha=float(np.clip(9 / np.sqrt(n), 0.2, 0.6)), zorder=1))

    kind = orgs.kind[profs.org]
    colour = np.where(active[profs.org], np.array(KIND_COLOURS)[kind], GONE_COLOUR)
    n_prof = len(profs.org)
    base = float(np.clip(6000 / max(n_prof, 1), 15, 120))
    ax.scatter(layout.xy[:, 0], layout.xy[:, 1], s=base * (0.35 + energy), c=colour,
               edgecolors="white", linewidths=0.5, zorder=2)

    if len(orgs.name) <= 16:   # names stay readable up to about this many organisations
        for o, name in enumerate(orgs.name):
            c, r = layout.centres[o], layout.radius[o]
            out = c / max(np.hypot(*c), 1e-9)
            x, y = c + out * (r + 0.8)
            side = "left" if out[0] > 0.35 else "right" if out[0] < -0.35 else "center"
            vertical = "bottom" if out[1] > 0.35 else "top" if out[1] < -0.35 else "center"   # grow away from the disc
            label = two_lines(name) if active[o] else f"{two_lines(name)}\n({t(f'status.{int(status[o])}', lang)})"
            ax.text(x, y, label, ha=side, va=vertical, fontsize=13, color="#222" if active[o] else "#888")

    reach = np.abs(layout.xy).max() if n_prof else 1.0
    ax.set_xlim(-1.6 * reach, 1.6 * reach)    # room for the names left and right of the circle
    ax.set_ylim(-1.12 * reach, 1.12 * reach)

    kinds = sorted(set(orgs.kind.tolist()))
    handles = [Line2D([], [], ls="", marker="o", ms=11, color=KIND_COLOURS[k], label=t(f"kind.{KINDS[k]}", lang))
               for k in kinds]
    handles.append(Line2D([], [], ls="", marker="o", ms=11, color=GONE_COLOUR, label=t("app.network_gone", lang)))
    handles += [Line2D([], [], lw=4, color=c, label=LEVEL_NAMES[name][0 if lang == "nl" else 1])
                for c, name in zip(LEVEL_COLOURS, LEVELS)]
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.74, 0.98), fontsize=13, frameon=False)
    return fig
