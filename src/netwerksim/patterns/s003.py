"""Patterns of source 003 (Kansrijk samenwerken: the five conditions, the netwerkdip, governance).

The netwerkdip and the doorstart (SF1, SF2) are registered by their owner (issue 13); the success trap
(SF7) and the escalation signatures (SF16) by the owner of issue 14, whose tests/test_conflict_patterns.py
also covers SF15. Not reproduced on issue 13's model and therefore not registered (facts.py says why):
SF15 as a pattern (penvoerder's conflict survives unfairness_heat off) and SF22 (necessity unites).
"""

from __future__ import annotations

from .core import Pattern, arm, register
from .measures import highest_level, mean_of, progress_end


# --- SF17 (003 L4469-4482): separate performance agreements lower joint contribution ----------------
def joint_contribution(result) -> float:
    """Mean joint contribution (network hours given as a share of those pledged) over the run."""
    return mean_of(result, "joint_contribution")


# --- SF10 (003 L904-912, L1106-1122): competition heats ---------------------------------------------------
def reaches_disagreement(result) -> float:
    """1 if the network's thermometer reached disagreement (level 2) or higher in the run."""
    return float(highest_level(result) >= 2)


# --- SF12 (003 L862-874, L1042-1058): trust follows co-presence ------------------------------------------
def trust_mean(result) -> float:
    """Mean trust between the members' professionals over the run."""
    return mean_of(result, "mean_trust")


# --- SF23 (003 L2341-2351): meeting fatigue ----------------------------------------------------------------
def attendance_mean(result) -> float:
    """Mean share of members present at the meetings held, over the run."""
    return mean_of(result, "attendance")


# --- SF5 (003 L4711-4734): partners lean back under concentrated leadership ----------------------------
def ownership_mean(result) -> float:
    """Mean felt ownership of the active members over the run."""
    return mean_of(result, "ownership")


register(
    Pattern(
        id="003-separate-agreements", facts=("003-SF17",), source="003 L4469-4482",
        claim_nl="Aparte prestatieafspraken per partner zetten partijen in de onderhandelstand: de gezamenlijke "
                 "inzet ligt lager dan met gezamenlijke afspraken.",
        claim_en="Separate performance agreements per partner put parties in negotiation mode: joint contribution "
                 "is lower than under joint agreements.",
        measure=joint_contribution, reads=("timeseries:joint_contribution",),
        arm=arm("ziekenhuisalliantie", steps=104),
        contrast=arm("ziekenhuisalliantie", fields={"governance.agreements": "joint"}, steps=104),
        effect="ratio", direction="lower", threshold=0.95, links=("separate_agreements",),
        measured="30 seeds: x0.90 [0.89, 0.91]; with separate_agreements off x1.00"),
    Pattern(
        id="003-all-inclusive-paralysis", facts=("003-SF6",), source="003 L4908-4910",
        claim_nl="Iedereen overal aan tafel verlamt; subcoalities van wie het aangaat boeken meer voortgang.",
        claim_en="Everyone at every table paralyses; sub-coalitions of those concerned make more progress.",
        measure=progress_end, reads=("timeseries:progress",),
        arm=arm("zorgnetwerk", fields={"forums[*].members": ["all"]}, events=[{"at": 0, "type": "sub_coalitions"}],
                steps=104),
        contrast=arm("zorgnetwerk", fields={"forums[*].members": ["all"]}, steps=104),
        effect="ratio", direction="higher", threshold=1.2, links=("consultation_load",),
        measured="30 seeds: x1.49 [1.42, 1.57]; without the growth of consultation and reporting hours x1.11, "
                 "without the cost per pair at the table (dyad_cost) still x1.30: the paralysis runs through the "
                 "hours each member spends on consultation and reporting"),
    Pattern(
        id="003-competition-heats", facts=("003-SF10",), source="003 L904-912, L1106-1122, L2591-2609",
        claim_nl="Een financiering die concurrentie beloont houdt de rivaliteit levend: zonder die prikkel blijft "
                 "het netwerk vriendelijk, met die prikkel loopt het op tot onenigheid.",
        claim_en="Finance that rewards competition keeps rivalry alive: without the incentive the network stays "
                 "friendly, with it it heats to disagreement.",
        measure=reaches_disagreement, reads=("timeseries:heat",),
        arm=arm("ziekenhuisalliantie", steps=104),
        contrast=arm("ziekenhuisalliantie", fields={"governance.competition_incentive": False}, steps=104),
        effect="difference", direction="higher", threshold=0.5, links=("hidden_rivalry",),
        measured="30 seeds: +0.87 [0.74, 1.00] (share of runs reaching disagreement); with hidden_rivalry off 0"),
    Pattern(
        id="003-lean-back", facts=("003-SF5",), source="003 L4711-4734 (R41)",
        claim_nl="Geconcentreerd leiderschap door een trekkende organisatie laat de anderen achterover leunen: "
                 "hun eigenaarschap ligt lager dan bij gedeeld leiderschap.",
        claim_en="Concentrated leadership by a lead organisation makes the others lean back: their ownership is "
                 "lower than under shared leadership.",
        measure=ownership_mean, reads=("timeseries:ownership",),
        arm=arm("zorgnetwerk", steps=104),
        contrast=arm("zorgnetwerk", fields={"governance.mode": "shared", "governance.lead": None}, steps=104),
        effect="difference", direction="lower", threshold=-0.05, links=("lean_back",),
        measured="30 seeds: -0.09 [-0.09, -0.09] mean ownership over 104 weeks; with lean_back off 0.00"),
    Pattern(
        id="003-co-presence", facts=("003-SF12",), source="003 L862-874, L1042-1058",
        claim_nl="Vertrouwen volgt fysiek samenzijn: dezelfde rivalen vertrouwen elkaar meer als ze hun tafels samen "
                 "in één ruimte houden in plaats van op afstand.",
        claim_en="Trust follows co-presence: the same rivals trust each other more when they hold their tables in one "
                 "room rather than remotely.",
        measure=trust_mean, reads=("timeseries:mean_trust",),
        arm=arm("ziekenhuisalliantie", fields={"forums[*].physical": True}, steps=104),
        contrast=arm("ziekenhuisalliantie", steps=104),
        effect="difference", direction="higher", threshold=0.01, links=("co_presence",),
        measured="30 seeds: +0.04 [0.04, 0.04] mean trust over 104 weeks; without the co-presence factor 0.00"),
    Pattern(
        id="003-meeting-fatigue", facts=("003-SF23",), source="003 L2341-2351 (R44)",
        claim_nl="Vergadermoeheid: een team dat drie keer zo lang vergadert, komt minder opdagen.",
        claim_en="Meeting fatigue: a team that meets three times as long turns up less.",
        measure=attendance_mean, reads=("timeseries:attendance",),
        arm=arm("wijkteam", fields={"forums[teamoverleg].hours": 4.5}), contrast=arm("wijkteam"),
        effect="difference", direction="lower", threshold=-0.1, links=("meeting_fatigue",), fast=True,
        measured="30 seeds: -0.28 [-0.30, -0.25] attendance; without meeting fatigue -0.03 [-0.05, -0.02]"),
)
