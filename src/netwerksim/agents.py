"""Organisation and Professional: the Mesa agents people see, each a view on one row of the state.

The model's mechanisms work on whole arrays at once (DESIGN.md); these agents give the app, the
reports and users a familiar object per organisation and per professional (MODEL.md §3).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from mesa import Agent

from .scenario import KINDS
from .state import Role, Status

if TYPE_CHECKING:
    from .model import NetwerkModel


class Organisation(Agent):
    """An organisation in the network: its interests, motives, autonomy, contribution and status."""

    def __init__(self, model: "NetwerkModel", index: int):
        super().__init__(model)
        self.index = index

    @property
    def _o(self):
        return self.model.state.orgs

    @property
    def name(self) -> str:
        return self._o.name[self.index]

    @property
    def kind(self) -> str:
        return KINDS[self._o.kind[self.index]]

    @property
    def status(self) -> Status:
        return Status(int(self._o.status[self.index]))

    @property
    def contribution(self) -> float:
        return float(self._o.contribution[self.index])

    @property
    def perceived_value(self) -> float:
        return float(self._o.perceived_value[self.index])

    @property
    def interests(self) -> dict[str, float]:
        return dict(zip(self.model.state.issues.id, self._o.interests[self.index].tolist()))

    @property
    def professionals(self) -> list["Professional"]:
        first = int(np.searchsorted(self.model.state.profs.org, self.index))
        n = int(self._o.n_professionals[self.index])
        return self.model.professionals[first:first + n]

    def __repr__(self) -> str:
        return f"Organisation({self.name!r}, {self.kind}, {self.status.name.lower()})"


class Professional(Agent):
    """A professional, member of one organisation: energy, workload and ties of trust."""

    def __init__(self, model: "NetwerkModel", index: int):
        super().__init__(model)
        self.index = index

    @property
    def _p(self):
        return self.model.state.profs

    @property
    def organisation(self) -> Organisation:
        return self.model.organisations[int(self._p.org[self.index])]

    @property
    def role(self) -> Role:
        return Role(int(self._p.role[self.index]))

    @property
    def energy(self) -> float:
        return float(self._p.energy[self.index])

    @property
    def workload(self) -> float:
        return float(self._p.workload[self.index])

    def trust_in(self, other: "Professional") -> float | None:
        """Trust this professional holds in ``other``, or None when they share no forum."""
        T = self.model.state.ties
        hit = np.flatnonzero((T.src == self.index) & (T.dst == other.index))
        return float(T.trust[hit[0]]) if len(hit) else None

    def __repr__(self) -> str:
        return f"Professional({self.index}, {self.organisation.name!r}, {self.role.name.lower()})"
