"""Patterns of source 001 (room to learn and develop in wijkteams)."""

from __future__ import annotations

from .core import Pattern, arm, register
from .measures import experiments_first_year, mean_of


# --- 001-2 (001 L326-367): reserved learning time is consumed by casework ----------------------------------
NORMAL_CASEWORK = {"organisations[*].workload": 0.4}

# --- 001-6 (001 L683-685, L1214-1222): too much freedom scatters learning -------------------------------------
def alignment_mean(result) -> float:
    """Mean shared ambition (how far the partners pull the same way) over the run."""
    return mean_of(result, "alignment")


register(
    Pattern(
        id="001-casework-crowds-out-learning", facts=("001-2",), source="001 L326-367",
        claim_nl="Werkdruk slokt de tijd voor leren op: hetzelfde wijkteam met een normale caseload probeert in een "
                 "jaar veel meer uit.",
        claim_en="Casework swallows the time for learning: the same wijkteam with a normal caseload tries out much "
                 "more in a year.",
        measure=experiments_first_year, reads=("timeseries:experiments",),
        arm=arm("wijkteam", fields=NORMAL_CASEWORK), contrast=arm("wijkteam"),
        effect="ratio", direction="higher", threshold=1.5, links=("casework_pressure",),
        measured="30 seeds: x1.88 [1.63, 2.20] (experiments in year one, workload 0.4 against 0.6-0.8); with "
                 "casework crowding nothing out x1.00; with only the crowding of learning off still x1.48 (12 seeds): "
                 "casework takes the time for meetings and network work as well as for reflection"),
    Pattern(
        id="001-freedom-scatters", facts=("001-6",), source="001 L683-685, L1214-1222; 000 L396-402",
        claim_nl="Te veel vrijheid verspreidt het leren: met alle ruimte trekken de partners minder dezelfde kant op "
                 "dan met veel maar begrensde ruimte (het terugslaan naar sturen is niet gemodelleerd).",
        claim_en="Too much freedom scatters learning: with all room the partners pull less the same way than with "
                 "much but bounded room (the swing back to steering is not modelled).",
        measure=alignment_mean, reads=("timeseries:alignment",),
        arm=arm("schoolbesturen", fields={"governance.room": 1.0}),
        contrast=arm("schoolbesturen", fields={"governance.room": 0.7}),
        effect="difference", direction="lower", threshold=-0.03, links=("island_pull",),
        measured="30 seeds: -0.16 [-0.16, -0.15] mean shared ambition over 156 weeks (room 1.0 against 0.7); "
                 "with island_pull off +0.04 [0.03, 0.05]"),
)
