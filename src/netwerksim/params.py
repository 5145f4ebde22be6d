"""Every model parameter in one place: default, unit, allowed range, source and meaning.

Mechanisms read parameters through a :class:`Params` object (``p.trust.forgetting``); scenarios and
sweeps override them by dotted name (``"trust.forgetting" = 0.97``). Sources cite the seed texts in
``shared/seeds`` by file and line (e.g. ``003 L1052``) or the peer models in
``shared/research/anchors_peers.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from typing import Mapping


@dataclass(frozen=True)
class Param:
    """One model parameter: its default, unit, inclusive range, source and one-line meaning."""

    name: str
    default: float
    unit: str
    low: float
    high: float
    source: str
    doc: str


_P = Param
PARAMETERS: dict[str, Param] = {
    p.name: p
    for p in [
        # --- 1. meetings and attendance (003 R37b, R44 L2341-2357) -----------------------------------
        _P("meeting.base_attendance", 0.9, "probability", 0, 1, "003 L2341-2357",
           "chance a member attends a meeting of a forum when nothing holds them back"),
        _P("meeting.workload_absence", 0.3, "1", 0, 1, "001 L326-367",
           "how strongly casework pressure keeps people from meetings"),
        _P("meeting.value_absence", 0.5, "1", 0, 1, "003 L2418-2420",
           "how strongly a low perceived value of the network keeps people away"),
        _P("meeting.fatigue", 0.15, "1/hour", 0, 2, "003 L2341-2357 (R44)",
           "drop in attendance per weekly meeting hour above the fatigue threshold"),
        _P("meeting.fatigue_threshold", 3.0, "hours/week", 0, 40, "003 L2341-2357 (R44)",
           "weekly meeting hours a professional accepts before meeting fatigue sets in"),
        _P("meeting.dyad_cost", 0.002, "hours/dyad", 0, 0.1, "003 L4628-4630 (R37b); anchors_peers SF6",
           "extra preparation and follow-up per attended meeting for every pair of organisations at the table"),
        # --- 2. trust: beta evidence with forgetting (anchors_peers 1.1, Josang) ------------------------
        _P("trust.forgetting", 0.98, "1/week", 0.5, 1, "anchors_peers 1.1 (Josang & Ismail 2002)",
           "share of trust evidence kept each week (lambda)"),
        _P("trust.negative_weight", 2.5, "1", 1, 6, "003 L1451-1455; anchors_peers SF2 (Slovic 1993)",
           "weight of a broken promise relative to a kept one: trust is destroyed faster than built"),
        _P("trust.evidence_rate", 0.5, "evidence/meeting", 0, 5, "003 L1434-1436 (R14)",
           "evidence one meeting between two professionals adds"),
        _P("trust.remote_factor", 0.4, "1", 0, 1, "003 L1052-1058 (R15)",
           "evidence from remote contact relative to physical co-presence"),
        _P("trust.rival_sharing", 0.6, "1", 0, 1, "003 L904-912 (R29)",
           "share of the usual evidence rate between professionals of rival organisations"),
        _P("trust.attribution_grace", 0.5, "1", 0, 1, "anchors_peers 1.1 (Castelfranchi & Falcone)",
           "share of a partner's shortfall put down to circumstance rather than unwillingness"),
        _P("trust.energy_weight", 0.4, "1", 0, 1, "002 V6; 003 L1434-1436",
           "how much a partner professional's low energy makes a meeting a disappointment"),
        # --- 4. contribution decision (003 R1, R4, R27; 002 R1, V8) ------------------------------------
        _P("contribution.adaptation", 0.15, "1/week", 0, 1, "003 L232-250 (R4)",
           "how fast an organisation moves its contribution towards what it now wants to give"),
        _P("contribution.steepness", 6.0, "1", 0.1, 20, "anchors_peers 1.4",
           "steepness of the logistic response of the willingness to contribute to its utility"),
        _P("contribution.cost", 0.3, "value/unit", 0, 5, "003 L1647-1652",
           "perceived cost of contributing one unit of capacity to the network"),
        _P("contribution.autonomy_cost", 0.4, "value/unit", 0, 5, "003 L753-755 (R27)",
           "perceived cost of autonomy ceded to the network"),
        _P("contribution.reciprocity_floor", 0.3, "1", 0, 1, "002 R1 (L2058-2066); 003 L4571-4577",
           "share of its willingness an organisation keeps when partners deliver nothing (it matches the rest)"),
        _P("contribution.reciprocity_tolerance", 0.1, "share", 0, 1, "002 R1; 003 L4571-4577 (give before you receive)",
           "how far partners may fall behind one's own contribution before one matches them"),
        _P("contribution.workload_crowding", 0.7, "1", 0, 1, "001 L326-367",
           "how strongly casework pressure crowds out network work"),
        _P("contribution.workload_normal", 0.5, "0-1", 0, 1, "001 L326-367",
           "casework pressure up to which network work is not crowded out"),
        _P("contribution.value_gain", 3.0, "1/value", 0, 20, "003 L270-276 (R1)",
           "weight of the expected own return (perceived value) in the instrumental motive"),
        # --- 5. production (002 R13; 003 L4758-4797) ---------------------------------------------------
        _P("production.rate", 0.012, "progress/week", 0, 0.2, "calibration: full effort for 3 years moves an issue of difficulty 1 about 1.9",
           "progress per week on an issue of difficulty 1 when everyone interested in it works at full effort"),
        _P("production.elasticity", 0.8, "1", 0.1, 2, "diminishing returns to effort (assumption)",
           "exponent of effort in the progress rate"),
        _P("production.breakthrough_chance", 0.01, "1/week", 0, 0.5, "002 L300-343 (R13)",
           "weekly chance of a breakthrough on an issue at full effort"),
        _P("production.breakthrough_size", 0.08, "progress", 0, 1, "002 L300-343 (R13)",
           "progress a breakthrough adds at once"),
        _P("production.noise", 0.3, "1", 0, 1, "assumption",
           "relative week-to-week variation of progress"),
        _P("production.coordination_floor", 0.5, "1", 0, 1, "003 L4628-4630 (R37b)",
           "share of its effectiveness an issue keeps when none of its tables is attended"),
        _P("production.expectation_smoothing", 0.1, "1/week", 0.01, 1, "002 R19",
           "weight of this week in what people expect of progress and of coordination"),
        _P("production.learning_rate", 0.02, "1/week", 0, 1, "003 L4758-4797",
           "how fast shared knowledge (cultural capital) grows from attended meetings in trust"),
        _P("production.learning_decay", 0.005, "1/week", 0, 1, "003 L2418-2420",
           "weekly erosion of cultural capital"),
        # --- 8. perceived value, fairness and exit (003 R2, R10, R11) ----------------------------------
        _P("value.smoothing", 0.1, "1/week", 0, 1, "003 L2418-2446 (R11)",
           "weight of this week's realised benefit in perceived value"),
        _P("value.benefit_scale", 80.0, "value/progress", 0, 500, "calibration",
           "value an organisation attaches to one unit of progress on issues it cares about"),
        _P("value.fairness_tolerance", 0.15, "share", 0, 1, "003 L2428-2440 (R10)",
           "give/take imbalance an organisation tolerates before it feels treated unfairly"),
        _P("value.fairness_penalty", 1.0, "value/share", 0, 10, "003 L2428-2440 (R10)",
           "value lost per share of imbalance above the tolerance"),
        _P("value.patience", 8.0, "weeks", 1, 104, "003 L219-222 (R2)",
           "weeks below the outside option before an organisation goes dormant"),
        _P("value.exit_patience", 26.0, "weeks", 1, 208, "003 L219-222 (R2)",
           "weeks below the outside option before an organisation leaves for good"),
        _P("value.return_margin", 0.05, "value", 0, 1, "assumption",
           "how far perceived value must rise above the outside option before a dormant member returns"),
        # --- 9. energy and affect (002 R19, R20) -------------------------------------------------------
        _P("energy.progress_gain", 3.0, "energy/progress", 0, 100, "002 R20 (progress principle)",
           "energy gained per unit of progress on the issues a professional works on"),
        _P("energy.recovery", 0.03, "1/week", 0, 1, "assumption",
           "weekly pull of energy back to the professional's own drive"),
        _P("energy.meeting_drain", 0.03, "energy/hour", 0, 1, "003 L2341-2357 (R44)",
           "energy lost per weekly meeting hour above the fatigue threshold"),
        _P("energy.setback_loss", 0.5, "energy/progress", 0, 20, "002 R19",
           "energy lost per unit of missed expected progress"),
        _P("energy.loss_aversion", 2.25, "1", 1, 5, "002 R19; Tversky & Kahneman 1992",
           "how much more a loss weighs than an equal gain"),
        _P("energy.contribution_drain", 0.004, "energy/week", 0, 1, "001 L326-367",
           "weekly energy cost of network work on top of a full caseload"),
    ]
}


def _nest(values: Mapping[str, float]) -> SimpleNamespace:
    groups: dict[str, dict[str, float]] = {}
    for name, value in values.items():
        group, field = name.split(".", 1)
        groups.setdefault(group, {})[field] = value
    return SimpleNamespace(**{g: SimpleNamespace(**f) for g, f in groups.items()})


class ParameterError(ValueError):
    """An unknown parameter name or a value outside its range."""


class Params:
    """Resolved parameter values: defaults overlaid with overrides, readable as ``p.group.name``."""

    def __init__(self, overrides: Mapping[str, float] | None = None):
        values = {name: p.default for name, p in PARAMETERS.items()}
        for name, value in (overrides or {}).items():
            values[name] = check(name, value)
        self._values = values
        self.__dict__.update(vars(_nest(values)))

    def as_dict(self) -> dict[str, float]:
        """All values by dotted name (for manifests and sweeps)."""
        return dict(self._values)

    def with_overrides(self, overrides: Mapping[str, float]) -> "Params":
        return Params({**self._values, **overrides})


def check(name: str, value: object) -> float:
    """Return ``value`` as a float if ``name`` is a parameter and the value lies in its range."""
    if name not in PARAMETERS:
        close = [n for n in PARAMETERS if n.split(".")[-1] == name.split(".")[-1]]
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise ParameterError(f"unknown parameter {name!r}.{hint} See `netwerksim params` for the list.")
    p = PARAMETERS[name]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ParameterError(f"parameter {name!r} must be a number, got {value!r}")
    if not p.low <= value <= p.high:
        raise ParameterError(f"parameter {name!r} = {value!r} is outside its range [{p.low}, {p.high}] ({p.unit})")
    return float(value)
