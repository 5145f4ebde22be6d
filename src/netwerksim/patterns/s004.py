"""Patterns of source 004 (team reflection with an external facilitator in wijkteams)."""

from __future__ import annotations

from .core import Pattern, arm, register
from .measures import at_week


# --- 004-2, 004-4 (004 L2296-2302, L2622-2690): momentum depends on the external driver ------------------
def experiments_first_half_year(result) -> float:
    """Experiments started in weeks 1-26 (the facilitator's half year in wijkteam)."""
    return at_week(result, "experiments", 26) - at_week(result, "experiments", 0)


def experiments_second_year_half(result) -> float:
    """Experiments started in weeks 53-78, the half year after the drive the facilitator left has worn off."""
    return at_week(result, "experiments", 78) - at_week(result, "experiments", 52)


register(
    Pattern(
        id="004-momentum-fades", facts=("004-2",), source="004 L1843-1847, L2622-2628",
        claim_nl="Betrokkenheid stijgt met de externe begeleider en zakt weer als die vertrekt: in zijn halfjaar "
                 "starten veel meer experimenten dan in het halfjaar nadat zijn aanjagen is uitgewerkt.",
        claim_en="Engagement rises with the external facilitator and falls when the facilitator leaves: far more "
                 "experiments start in the facilitator's half year than in the half year after the drive wore off.",
        measure=experiments_first_half_year, contrast_measure=experiments_second_year_half,
        reads=("timeseries:experiments",), arm=arm("wijkteam"),
        effect="ratio", direction="higher", threshold=2.0, links=("facilitation",), fast=True,
        measured="30 seeds: x2.20 [1.38, 4.40]; without what the facilitator brings x0.38"),
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
