"""Patterns of source 004 (team reflection with an external facilitator in wijkteams)."""

from __future__ import annotations

from .core import Pattern, arm, register
from .measures import at_week


# --- 004-2, 004-4 (004 L2296-2302, L2622-2690): momentum depends on the external driver ------------------
def experiments_first_half_year(result) -> float:
    """Experiments started in weeks 1-26 (the facilitator's half year in wijkteam)."""
    return at_week(result, "experiments", 26) - at_week(result, "experiments", 0)


register(
    Pattern(
        id="004-external-driver", facts=("004-4",), source="004 L2296-2302, L2622-2632, L2680-2690",
        claim_nl="Het momentum hangt af van een externe aanjager: met begeleider starten in het eerste halfjaar meer "
                 "experimenten dan in hetzelfde team zonder; zelfsturing wordt overschat.",
        claim_en="Momentum depends on an external driver: with a facilitator more experiments start in the first half "
                 "year than in the same team without one; self-steering is overestimated.",
        measure=experiments_first_half_year, reads=("timeseries:experiments",),
        arm=arm("wijkteam"), contrast=arm("wijkteam", drop=("external_facilitator",)),
        effect="ratio", direction="higher", threshold=1.5, links=("facilitation",), fast=True,
        measured="30 seeds: x4.40 [2.50, 13.0]; without what the facilitator brings x1.00"),
)
