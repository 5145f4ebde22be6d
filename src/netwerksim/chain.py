"""The netwerkdip's causal chain (003 L4614-4672, R37a-i) as one registry: what the narration may name.

Each :class:`Link` is one step of the chain the source describes, with the state variable it writes
(so a counterfactual can hold it at a snapshot's value), the parameters that switch it off (its
neutral values: the chain without this link), the time-series column that shows it and its source.
The mutation matrix (``tests/test_netwerkdip_patterns.py``, docs/model.md §7.14) switches off each link
in turn and measures how much of the dip is left; a link whose removal does not lower dip share × depth
by at least 30% is not a cause the model may name, and is not listed here. The attribution of a dip
(counterfactual replay) reads the same registry.

State paths are ``"<part>.<field>"`` of :class:`netwerksim.state.State` (``"network.hierarchy"``,
``"orgs.ownership"``); :func:`read` and :func:`write` get and set them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from .state import State


@dataclass(frozen=True)
class Link:
    """One link of the chain: its name, labels, source, the state it writes and how to switch it off."""

    name: str
    label_nl: str
    label_en: str
    source: str                       # seed text and lines, rule of the extraction
    state: tuple[str, ...]            # the state variables this link writes ("network.turbulence")
    neutral: dict[str, float] = field(default_factory=dict)   # parameter -> value that switches the link off
    indicator: str = ""               # the time-series column that shows it (observers/indicators.py)
    mechanism: str = ""               # the module and function that computes it

    def label(self, lang: str) -> str:
        return self.label_nl if lang == "nl" else self.label_en


CHAIN: tuple[Link, ...] = (
    Link("turbulence", "een onrustige context", "a turbulent context",
         "003 L4626-4628 (R37a)", ("network.turbulence",), {"context.change_rate": 0.0}, "turbulence",
         "mechanisms/context.py: context_changes, update_context"),
    Link("complexity", "groeiende complexiteit en meer overleg", "growing complexity and more consultation",
         "003 L4628-4630 (R37b); L2341-2357 (R44)", ("network.complexity",),
         {"meeting.complexity_growth": 0.0, "structure.complexity": 0.0}, "complexity",
         "mechanisms/context.py: update_context; mechanisms/meetings.py: meetings_this_week"),
    Link("strain", "capaciteits- en financieringszorgen", "capacity and finance strain",
         "003 L4632-4634 (R37c)", ("network.uncertainty",), {"accountability.uncertainty": 0.0}, "uncertainty",
         "mechanisms/accountability.py: update_accountability"),
    Link("accountability", "groeiende verantwoordingsdruk", "growing accountability pressure",
         "003 L4636-4646 (R37e)", ("network.accountability", "network.invested"),
         {"meeting.accountability_share": 0.0, "structure.accountability": 0.0}, "accountability",
         "mechanisms/accountability.py: update_accountability"),
    Link("regression", "de terugval naar hiërarchie", "the fall back to hierarchy",
         "003 L4646-4656 (R37f-g)", ("network.hierarchy",), {"leadership.regression_rate": 0.0}, "hierarchy",
         "mechanisms/leadership.py: next_hierarchy"),
    Link("lean_back", "partners die achterover leunen", "partners leaning back",
         "003 L4656-4658 (R37h), L4732-4734 (R41)", ("orgs.ownership",),
         {"leadership.lean_back": 0.0, "leadership.utility_shift": 0.0}, "ownership",
         "mechanisms/leadership.py: update_leadership, motive_weights"),
)
"""The links in the order of the source's text (003 L4626-4672)."""

LINKS: dict[str, Link] = {link.name: link for link in CHAIN}

BESIDES: tuple[Link, ...] = (
    Link("setbacks", "de tegenslag van mislukte experimenten", "the setbacks of failed experiments",
         "002 L653-656 (R17), V2 (L405-408), V6 (L361-364)", (),
         {"innovation.setback_energy": 0.0, "innovation.setback_negativity": 0.0}, "failures",
         "mechanisms/innovation.py: update_innovation"),
    Link("casework", "werkdruk die het netwerkwerk verdringt", "casework crowding out network work",
         "001 L326-367", (), {"contribution.workload_crowding": 0.0, "energy.contribution_drain": 0.0}, "",
         "mechanisms/contribution.py: decide_contributions; mechanisms/energy.py: energy_change"),
)
"""Causes outside the source's chain that the model's dip leans on as much as on a link (docs/model.md 7.20:
without either, zorgnetwerk's dip without events loses about 70% of its share x depth). They are not links: the
source does not name them in the chain, and the attribution switches them off from the snapshot on (their
``neutral`` parameters) instead of holding a state, and names them apart."""


def switched_off(name: str) -> dict[str, float]:
    """The parameter overrides that switch off link ``name`` (the chain without it)."""
    return dict(LINKS[name].neutral)


def read(st: "State", path: str) -> Any:
    """The value of a state variable by its path (``"network.hierarchy"``); arrays are copied."""
    part, name = path.split(".", 1)
    value = getattr(getattr(st, part), name)
    return value.copy() if isinstance(value, np.ndarray) else value


def write(st: "State", path: str, value: Any) -> None:
    """Set a state variable by its path (an array in place, so views on it stay valid)."""
    part, name = path.split(".", 1)
    target = getattr(st, part)
    current = getattr(target, name)
    if isinstance(current, np.ndarray):
        current[...] = value
    else:
        setattr(target, name, type(current)(value))
