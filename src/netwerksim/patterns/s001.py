"""Patterns of source 001 (room to learn and develop in wijkteams)."""

from __future__ import annotations

from .core import Pattern, arm, register
from .measures import experiments_first_year


# --- 001-2 (001 L326-367): reserved learning time is consumed by casework ----------------------------------
NORMAL_CASEWORK = {"organisations[*].workload": 0.4}

register(
    Pattern(
        id="001-casework-crowds-out-learning", facts=("001-2",), source="001 L326-367",
        claim_nl="Werkdruk slokt de tijd voor leren op: hetzelfde wijkteam met een normale caseload probeert in een "
                 "jaar veel meer uit.",
        claim_en="Casework swallows the time for learning: the same wijkteam with a normal caseload tries out much "
                 "more in a year.",
        measure=experiments_first_year, reads=("timeseries:experiments",),
        arm=arm("wijkteam", fields=NORMAL_CASEWORK), contrast=arm("wijkteam"),
        effect="ratio", direction="higher", threshold=1.5, links=("casework_pressure",), fast=True,
        measured="30 seeds: x1.88 [1.63, 2.20] (experiments in year one, workload 0.4 against 0.6-0.8); with "
                 "casework crowding nothing out x1.00; with only the crowding of learning off still x1.48 (12 seeds): "
                 "casework takes the time for meetings and network work as well as for reflection"),
)
