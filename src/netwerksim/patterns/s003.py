"""Patterns of source 003 (Kansrijk samenwerken: the five conditions, the netwerkdip, governance).

The netwerkdip (SF1; tests/test_netwerkdip_patterns.py, issue 13), the success trap (SF7;
tests/test_governance_patterns.py) and dropping out after conflict (SF16; tests/test_conflict_patterns.py,
issue 14) and the doorstart (SF2; tests/test_netwerkdip_patterns.py) are registered here too, and the unequal
balance (SF15, 7 Dec: it holds, but penvoerder's disagreement survives unfairness_heat off, so its cause is not
earned). Not reproduced and therefore not registered (facts.py says why): SF14 (no impasse without reflection).
"""

from __future__ import annotations

import numpy as np

from ..mechanisms.conflict import level
from .core import Pattern, arm, register
from .measures import first_event, has_event, highest_level, mean_of, progress_end


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


# --- SF1 (003 L4614-4672): after an energetic start some networks slide into a netwerkdip -----------------
def has_dip(result) -> float:
    """1 if the netwerkdip detector reported a dip in the run (it reads what the partners did)."""
    return has_event(result, "netwerkdip")


# --- SF7 (003 L2497-2565): after the win the unspoken competition heats the alliance -------------------------
THREAT_KEPT = {"drop": ("existential_threat",), "events": [{"at": 0, "type": "existential_threat", "strength": 0.8}]}


def heat_weeks_91_to_104(result) -> float:
    """Mean network heat in weeks 91-104, some 18 months after the win in week 13."""
    return mean_of(result, "heat", 91, 104)


# --- SF16 (003 L1323-1462): escalation ends in partners dropping out ----------------------------------------
DEPENDENT = {f"organisations[{name}].outside_option": value for name, value in (
    ("Welzijn Centraal", -0.5), ("Jongerenwerk Oost", -0.9), ("Schuldhulp Stad", -0.9), ("GGZ Wijkteam", -0.8),
    ("Bibliotheek De Wijk", -0.75))}   # penvoerder's partners bound to the programme (tests/test_conflict_patterns.py)


def drops_out_after_conflict(result) -> float:
    """1 if a member goes dormant or leaves after the thermometer first reached conflict (level 3), else 0."""
    hot = np.flatnonzero(level(result.timeseries["heat"].to_numpy()) >= 3)
    if not len(hot):
        return 0.0
    week = int(result.timeseries["week"].iloc[hot[0]])
    return float(any(e["type"] == "status" and e["name"] in ("dormant", "exited") and e["step"] > week
                     for e in result.events))


# --- SF22 (003 L2886-2898): necessity unites -----------------------------------------------------------
def alignment_after_threat(result) -> float:
    """Shared ambition over weeks 53-156 (the threat comes in week 52 in schoolbesturen)."""
    return mean_of(result, "alignment", 53)


# --- SF2 (003 L4805-4935): with four ingredients a doorstart after the dip is possible ----------------------
FOLLOW_UP = 52   # weeks after the report: a year, the longest of the source's stock-taking rhythms (003 L2448-2452)
INGREDIENTS = ("joint_fact_finding", "building_blocks", "sub_coalitions", "shared_leadership_team")
AT_THE_REPORT = [{"when": "netwerkdip", "type": name} for name in INGREDIENTS]
DIP_RUN = {"drop": ("staff_shortage", "funding_ends"), "steps": 156 + FOLLOW_UP}


def doorstart_within_a_year(result) -> float:
    """1 if a netwerkdip was reported by week 156 and a doorstart followed within FOLLOW_UP weeks, else 0
    (every dipping run followed equally long, as in tests/test_netwerkdip_patterns.py)."""
    dip = first_event(result, "netwerkdip")
    if dip is None or dip["step"] > 156:
        return 0.0
    return float(any(e["type"] == "doorstart" and dip["step"] < e["step"] <= dip["step"] + FOLLOW_UP
                     for e in result.events))


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
        effect="difference", direction="lower", threshold=-0.1, links=("meeting_fatigue",),
        measured="30 seeds: -0.28 [-0.30, -0.25] attendance; without meeting fatigue -0.03 [-0.05, -0.02]"),
    Pattern(
        id="003-netwerkdip", facts=("003-SF1",), source="003 L4614-4672",
        claim_nl="Na een energieke start belandt een deel van de netwerken in een netwerkdip, door de keten van "
                 "onrust, complexiteit, zorgen, verantwoording, terugval naar hiërarchie en achteroverleunen.",
        claim_en="After an energetic start part of the networks slide into a netwerkdip, through the chain of "
                 "turbulence, complexity, strain, accountability, the fall back to hierarchy and leaning back.",
        measure=has_dip, reads=("events:netwerkdip",), arm=arm("zorgnetwerk", drop=("staff_shortage", "funding_ends")),
        effect="share", direction="higher", threshold=0.3,
        links=("turbulence", "complexity", "strain", "accountability", "regression", "lean_back"),
        owner="issue 13", measured=("30 seeds (zorgnetwerk without its staff shortage and funding cut): a dip in 70% [52%, 83%] of "
                           "the runs; with each link of the chain off: turbulence 3%, complexity 3%, strain 20%, "
                           "accountability 3%, regression 10%, lean_back 27% [14%, 44%] (just under the threshold)")),
    Pattern(
        id="003-success-trap", facts=("003-SF7",), source="003 L2497-2565, L2591-2609, L2886-2898",
        claim_nl="De succesval: na de gewonnen subsidie is de dreiging die de partners bijeen hield weg, en de "
                 "onbenoemde concurrentie verhit de alliantie; blijft de dreiging, dan blijft het vriendelijk.",
        claim_en="The success trap: after the subsidy is won the threat that held the partners together is gone and "
                 "the unspoken competition heats the alliance; when the threat stays, it stays friendly.",
        measure=heat_weeks_91_to_104, reads=("timeseries:heat",),
        arm=arm("subsidiealliantie", steps=120), contrast=arm("subsidiealliantie", steps=120, **THREAT_KEPT),
        effect="difference", direction="higher", threshold=0.2, links=("hidden_rivalry", "threat_mutes_rivalry"),
        owner="issue 14", measured=("30 seeds: +0.32 [0.31, 0.32] mean heat in weeks 91-104 (threat lifted at the win against "
                           "kept); without hidden rivalry +0.04, without the threat muting rivalry +0.04; with the "
                           "threat's cohesion, unity, outside drop and urgency off still +0.28: the threat holds the "
                           "alliance together by muting the rivalry"),
        not_reproduced_nl="het verval tot onenigheid en conflict binnen ongeveer anderhalf jaar (onenigheid in 2 van 30 "
                          "runs; de hitte blijft bij waakzaam)",
        not_reproduced_en="the decay into disagreement and conflict within about 18 months (disagreement in 2 of 30 "
                          "runs; the heat stays at vigilant)"),
    Pattern(
        id="003-conflict-drives-out", facts=("003-SF16",), source="003 L1323-1462",
        claim_nl="Escalatie eindigt in afhaken: als het netwerk tot conflict is opgelopen, gaan partners die niet weg "
                 "kunnen daarna toch slapend of vertrekken.",
        claim_en="Escalation ends in dropping out: once the network has heated to conflict, partners who cannot easily "
                 "leave still go dormant or leave afterwards.",
        measure=drops_out_after_conflict, reads=("timeseries:heat", "events:status"),
        arm=arm("penvoerder", fields=DEPENDENT),
        effect="share", direction="higher", threshold=0.8, links=("conflict_exit",), owner="issue 14",
        measured=("30 seeds: a member goes dormant or leaves after conflict in 100% [89%, 100%] of "
                           "the runs; without the heat's exit push 0% [0%, 11%]")),
    Pattern(
        id="003-necessity-unites", facts=("003-SF22",), source="003 L2886-2898",
        claim_nl="Een bestaansbedreiging trekt partners naar elkaar toe: de gedeelde ambitie stijgt.",
        claim_en="An existential threat pulls partners together: their shared ambition rises.",
        measure=alignment_after_threat, reads=("timeseries:alignment",),
        arm=arm("schoolbesturen"), contrast=arm("schoolbesturen", drop=("existential_threat",)),
        effect="difference", direction="higher", threshold=0.05, links=("threat_cohesion",),
        measured="30 seeds: +0.08 [0.07, 0.09] shared ambition over weeks 53-156; with threat_cohesion off -0.01 "
                 "(re-measured on main after issue 13's changes: +0.047 on the issue-13 branch, not registered then)"),
    Pattern(
        id="003-doorstart", facts=("003-SF2",), source="003 L4805-4935",
        claim_nl="Met vier ingrediënten (samen feiten verzamelen, bouwstenen en spelregels, subcoalities en een team voor "
                 "gedeeld leiderschap) komt een netwerk binnen een jaar na de dip tot een doorstart; zonder niet.",
        claim_en="With four ingredients (joint fact finding, building blocks and rules, sub-coalitions and a team for "
                 "shared leadership) a network makes a doorstart within a year of the dip; without them it does not.",
        measure=doorstart_within_a_year, reads=("events:netwerkdip", "events:doorstart"),
        arm=arm("zorgnetwerk", events=AT_THE_REPORT, **DIP_RUN), contrast=arm("zorgnetwerk", **DIP_RUN),
        effect="difference", direction="higher", threshold=0.3,
        links=("shared_picture", "streamlining", "team_flattening", "team_spreads_leadership", "added_absorption"),
        survives=("shared_picture", "streamlining", "team_flattening", "team_spreads_leadership", "added_absorption"),
        owner="issue 13",
        not_reproduced_nl="dat elk ingrediënt nodig is: zonder één van de genoemde mechanismen blijft de doorstart (+0,33 "
                          "tot +0,40), pas samen uitgeschakeld verdwijnt hij",
        not_reproduced_en="that each ingredient is needed: without any one of the named mechanisms the doorstart remains "
                          "(+0.33 to +0.40); only switched off together does it go",
        measured="30 seeds (6 Dec, stated beforehand: at least +0.3, as the issue-13 test asks of the runs that dip): "
                 "+0.43 [0.25, 0.62] share of runs with a dip by week 156 and a doorstart within 52 weeks, the four "
                 "at the report against nothing. No named link kills it alone: shared_picture off +0.40 [0.21, "
                 "0.59], streamlining off +0.33 [0.15, 0.51], team_flattening off +0.33 [0.15, 0.51], "
                 "team_spreads_leadership off +0.33 [0.15, 0.51], added_absorption off +0.40 [0.21, 0.59]; together: "
                 "the first four +0.13 [0.00, 0.26], the team's three (flattening, spreading, absorption) +0.10 "
                 "[-0.01, 0.21], all five +0.03 [-0.03, 0.10]: the ingredients' mechanisms stand in for each other"),
    Pattern(
        id="003-unfair-balance", facts=("003-SF15",), source="003 L2423-2440 (R10)",
        claim_nl="Een scheve balans wordt geaccepteerd tot ze oneerlijk voelt: als de penvoerder het programma rond zijn "
                 "eigen agenda schrijft terwijl de partners de meeste uren leveren, loopt het netwerk op tot onenigheid.",
        claim_en="An unequal balance is accepted until it feels unfair: when the lead contractor writes the programme "
                 "around its own agenda while the partners deliver most of the hours, the network heats to disagreement.",
        measure=reaches_disagreement, reads=("timeseries:heat",), arm=arm("penvoerder"),
        effect="share", direction="higher", threshold=0.5, links=("unfairness_heat",),
        survives=("unfairness_heat",), owner="issue 15",
        not_reproduced_nl="dat de oneerlijkheid het netwerk tot onenigheid brengt: met conflict.unfairness uit komt het "
                          "er nog in 57% [39%; 73%] van de runs (vooraf gesteld: minder dan 50%); de onuitgesproken "
                          "belangen en de rivaliteit brengen het er ook",
        not_reproduced_en="that the unfairness brings the network to disagreement: with conflict.unfairness off it still "
                          "gets there in 57% [39%, 73%] of the runs (stated beforehand: under 50%); the unvoiced interests "
                          "and the rivalry take it there too",
        measured="30 seeds (7 Dec; the 50% stated beforehand by issue 14's owner, 6 Dec): disagreement in 100% [89%, "
                 "100%] of the runs; with unfairness_heat off 57% [39%, 73%] (survived), the same as on 6 Dec"),
)
