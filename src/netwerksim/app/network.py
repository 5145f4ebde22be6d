"""The network picture: organisations as groups of professionals, ties drawn by trust, conflict and contact.

The layout is computed once per model (:func:`compute_layout`, a few milliseconds even at thousands of
professionals): organisations sit on a circle, ordered by kind so that kinds form neighbouring groups;
each organisation's professionals fill a small sunflower disc, its delegates to the tables on the side
facing the centre so that ties cross the middle. No force-directed layout is computed per frame.

The page draws it in the browser (``network_view.vue``): :func:`view_layout` gives positions, colours and
names once per run, :func:`view_frame` the numbers of one week. What falls in a netwerkdip shows: a dot
(professional) is larger with more energy and fuller the more of its network hours it works on the issues
(its contribution); a tie is thicker with more trust, coloured by the conflict level between the two
organisations, and fades when the two have not met at a table lately (:func:`contact`); a dormant or
departed organisation turns grey. :func:`draw_network` draws the same as a matplotlib figure (the PNG
download).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgba_array
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
CONTACT_MEMORY = 0.8          # per week: a tie's contact is the decaying share of recent weeks its two people met
NAMED_ORGANISATIONS = 16      # names stay readable up to about this many organisations


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


def draw_network(layout: Layout, st: State, snap, lang: str, *, size: tuple[float, float] = (10.5, 6.8)) -> Figure:
    """The network of one week (``snap``: a session.Snapshot) as a matplotlib figure: the browser view's
    picture for a download."""
    orgs, profs = st.orgs, st.profs
    fig = Figure(figsize=size)
    ax = fig.add_axes((0.0, 0.0, 0.72, 1.0))
    ax.set_axis_off()
    ax.set_aspect("equal")
    reach = np.abs(layout.xy).max() if len(profs.org) else 1.0
    points_per_unit = 0.72 * size[0] * 72 / (3.2 * reach)

    active = snap.status == Status.ACTIVE
    mean_trust, lvl = edge_values(layout, snap.trust, snap.heat)
    alive = active[profs.org[layout.edge_a]] & active[profs.org[layout.edge_b]]
    if alive.any():
        segments = np.stack([layout.xy[layout.edge_a[alive]], layout.xy[layout.edge_b[alive]]], axis=1)
        colours = to_rgba_array(np.array(LEVEL_COLOURS)[lvl[alive]])
        colours[:, 3] = tie_opacity(snap.contact[alive])
        ax.add_collection(LineCollection(segments, linewidths=tie_width(mean_trust[alive]) * points_per_unit,
                                         colors=colours, zorder=1))

    kind_colour = to_rgba_array(np.where(active[profs.org], np.array(KIND_COLOURS)[orgs.kind[profs.org]], GONE_COLOUR))
    fill = kind_colour.copy()
    fill[:, 3] = np.where(active[profs.org], snap.fill, 0.5)
    ax.scatter(layout.xy[:, 0], layout.xy[:, 1], s=(2 * dot_radius(snap.energy) * points_per_unit) ** 2, c=fill,
               edgecolors=kind_colour, linewidths=0.8, zorder=2)

    if len(orgs.name) <= NAMED_ORGANISATIONS:
        at, align, rise = _name_places(layout)
        for o, label in enumerate(org_labels(orgs.name, snap.status, lang)):
            vertical = {1: "bottom", -1: "top", 0: "center"}[rise[o]]
            ax.text(*at[o], label, ha=align[o], va=vertical, fontsize=13, color="#222" if active[o] else "#888")
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


def contact(layout: Layout, previous: np.ndarray, met_index: np.ndarray) -> np.ndarray:
    """Per undirected tie: how often its two professionals met at a table lately (0-1), updated with this
    week's meetings (``ties.met_index``, either direction): an exponential memory of ``CONTACT_MEMORY``."""
    met = np.zeros(len(layout.edge_a), dtype=np.float32)
    met[layout.edge_of_tie[met_index]] = 1.0
    return CONTACT_MEMORY * previous + (1 - CONTACT_MEMORY) * met


def scheduled_contact(layout: Layout, st: State) -> np.ndarray:
    """Per undirected tie, before anyone met: the share of weeks its two professionals' first shared table is
    planned to meet (1 / its interval), the contact the network starts from."""
    T = st.ties
    rate = 1.0 / np.maximum(st.forums.frequency[T.meets_forum[:len(T.src)]], 1.0)
    out = np.zeros(len(layout.edge_a), dtype=np.float32)
    np.maximum.at(out, layout.edge_of_tie, rate)
    return out


def dot_radius(energy: np.ndarray) -> np.ndarray:
    """A professional's dot radius in layout units (neighbours in a disc sit about 1.8 apart): by energy."""
    return 0.22 + 0.4 * np.clip(energy, 0.0, 1.2)


def dot_fill(st: State, started: bool) -> np.ndarray:
    """How full a professional's dot is (0-1): the share of its network hours it worked on the issues this
    week; before the first week, the share its organisation promised (``orgs.pledge``)."""
    share = st.profs.effort / np.maximum(st.profs.hours, 1e-9) if started else st.orgs.pledge[st.profs.org]
    return 0.15 + 0.85 * np.clip(share, 0.0, 1.0)


def tie_opacity(contact_now: np.ndarray) -> np.ndarray:
    """A tie fades when its two professionals no longer meet: faint without contact, solid meeting every week."""
    return 0.06 + 0.94 * np.sqrt(np.clip(contact_now, 0.0, 1.0))


def tie_width(trust: np.ndarray) -> np.ndarray:
    """A tie's width in layout units: thin at neutral trust (0.5) and below, thick near full trust."""
    return 0.05 + 0.45 * np.clip((trust - 0.4) / 0.6, 0.0, 1.0) ** 1.5


def _name_places(layout: Layout) -> tuple[np.ndarray, list[str], list[int]]:
    """Where each organisation's name goes: just outside its disc, growing away from it (``rise`` +1: the
    name grows upwards, -1 downwards, 0 centred)."""
    c, r = layout.centres, layout.radius
    out = c / np.maximum(np.hypot(c[:, 0], c[:, 1]), 1e-9)[:, None]
    at = c + out * (r + 0.8)[:, None]
    align = ["left" if u > 0.35 else "right" if u < -0.35 else "center" for u in out[:, 0]]
    rise = [1 if u > 0.35 else -1 if u < -0.35 else 0 for u in out[:, 1]]
    return at, align, rise


def org_labels(names: list[str], status: np.ndarray, lang: str) -> list[str]:
    """Each organisation's name on two lines at most, with its status once it is dormant or has left."""
    return [two_lines(n) if status[o] == Status.ACTIVE else f"{two_lines(n)}\n({t(f'status.{int(status[o])}', lang)})"
            for o, n in enumerate(names)]


def view_layout(layout: Layout, st: State) -> dict:
    """What the browser view keeps for a whole run: positions (layout units, y downwards as on a screen), ties,
    colours and, up to NAMED_ORGANISATIONS, where the organisations' names go. The view scales it to fit."""
    orgs, profs = st.orgs, st.profs
    named = len(orgs.name) <= NAMED_ORGANISATIONS
    at, align, rise = _name_places(layout)
    r2 = lambda v: np.round(v, 2).tolist()   # noqa: E731
    return {
        "x": r2(layout.xy[:, 0]), "y": r2(-layout.xy[:, 1]),
        "a": layout.edge_a.tolist(), "b": layout.edge_b.tolist(),
        "org": profs.org.tolist(), "kind": orgs.kind[profs.org].tolist(),
        "kind_colours": list(KIND_COLOURS), "level_colours": list(LEVEL_COLOURS), "gone_colour": GONE_COLOUR,
        "name_x": r2(at[:, 0]) if named else [], "name_y": r2(-at[:, 1]) if named else [],
        "name_align": align if named else [], "name_dy": [-r for r in rise] if named else [],
    }


def view_frame(layout: Layout, st: State, snap, lang: str, week: int) -> dict:
    """The numbers of one week (``snap``: a session.Snapshot) for the browser view, as small integers:
    radius and widths in hundredths of a layout unit, fill and opacity in percent, conflict level 0-3."""
    orgs = st.orgs
    active = snap.status == Status.ACTIVE
    mean_trust, lvl = edge_values(layout, snap.trust, snap.heat)
    both_active = active[st.profs.org[layout.edge_a]] & active[st.profs.org[layout.edge_b]]
    opacity = np.where(both_active, tie_opacity(snap.contact), 0.0)
    names = org_labels(orgs.name, snap.status, lang) if len(orgs.name) <= NAMED_ORGANISATIONS else []
    pct = lambda v: np.rint(100 * v).astype(int).tolist()   # noqa: E731
    return {
        "week": week,
        "radius": pct(dot_radius(snap.energy)), "fill": pct(snap.fill),
        "active": active.astype(int).tolist(), "names": names,
        "width": pct(tie_width(mean_trust)), "level": lvl.astype(int).tolist(), "opacity": pct(opacity),
    }
