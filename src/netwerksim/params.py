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

from .inputs import is_bounded_number


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
        _P("meeting.value_slope", 4.0, "1/value", 0.1, 50, "003 L2418-2420",
           "steepness with which attendance follows the perceived value margin"),
        _P("meeting.fatigue", 0.15, "1/hour", 0, 2, "003 L2341-2357 (R44)",
           "drop in attendance per weekly meeting hour above the fatigue threshold"),
        _P("meeting.fatigue_threshold", 3.0, "hours/week", 0, 40, "003 L2341-2357 (R44)",
           "weekly meeting hours a professional accepts before meeting fatigue sets in"),
        _P("meeting.dyad_cost", 0.002, "hours/dyad", 0, 0.1, "003 L4628-4630 (R37b); anchors_peers SF6",
           "extra preparation and follow-up per attended meeting for every pair of organisations at the table"),
        _P("meeting.complexity_growth", 1.0, "1/complexity", 0, 10, "003 L4628-4630 (R37b)",
           "extra meetings per unit of complexity: at 1, a complexity of 1 doubles how often tables meet"),
        _P("meeting.accountability_share", 0.34, "share", 0, 1, "003 L4636-4646 (R37e: account for the capacity put in)",
           "share of the network hours a professional gives that goes to reporting and justification at accountability pressure 1 (0.34: what 1.5 hours per table member came to in zorgnetwerk); each unit of pressure takes this share of the hours not yet spent on reporting, so reporting never takes all of them"),
        # --- context: turbulence and complexity (003 L4626-4630, R37a-b) ------------------------------
        _P("context.turbulence_decay", 0.04, "1/week", 0, 1, "003 L4626-4628 (R37a)",
           "share of context turbulence that settles each week"),
        _P("context.per_pair", 0.04, "complexity/pair", 0, 1, "003 L4628-4630 (R37b); anchors_peers SF6",
           "complexity added per pair of organisations that meet weekly, per active party"),
        _P("context.change_rate", 0.05, "1/week", 0, 1, "003 L4626-4628 (R37a: the context changes quickly)",
           "weekly chance, at the scenario's typical context turbulence (1), that the environment changes, and for each partner that its own situation changes"),
        _P("context.change_size", 0.2, "turbulence", 0, 5, "003 L4626-4628 (R37a)",
           "mean turbulence a change of the environment leaves (exponentially distributed); the partners' changes together leave as much on average, each weighted by its share of the capacity"),
        _P("context.exit_turbulence", 0.1, "complexity", 0, 2, "003 L4626-4628 (R37a: the state of the parties changes)",
           "turbulence when a partner leaves, goes dormant or joins"),
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
        _P("trust.rivalry_suspicion", 0.0, "share", 0, 1, "003 L2605-2609; assumption (size, 7.11)",
           "share of a rival's kept promises read as broken while the competition is unspoken and no threat mutes it; "
           "0 (off) until the conflict tests and guides are re-measured with it (7.11)"),
        _P("trust.attribution_grace", 0.5, "1", 0, 1, "anchors_peers 1.1 (Castelfranchi & Falcone)",
           "share of a partner's shortfall put down to circumstance rather than unwillingness"),
        _P("trust.energy_weight", 0.4, "1", 0, 1, "002 V6; 003 L1434-1436",
           "how much a partner professional's low energy makes a meeting a disappointment"),
        # --- 4. contribution decision (003 R1, R4, R27; 002 R1, V8) ------------------------------------
        _P("contribution.adaptation", 0.15, "1/week", 0, 1, "003 L232-250 (R4)",
           "how fast an organisation moves its contribution towards what it now wants to give"),
        _P("contribution.steepness", 5.0, "1", 0.1, 20, "anchors_peers 1.4",
           "steepness of the logistic response of the willingness to contribute to its utility"),
        _P("contribution.reciprocity_floor", 0.3, "1", 0, 1, "002 R1 (L2058-2066); 003 L4571-4577",
           "share of its willingness an organisation keeps when partners deliver nothing (it matches the rest)"),
        _P("contribution.reciprocity_tolerance", 0.1, "share", 0, 1, "002 R1; 003 L4571-4577 (give before you receive)",
           "how far partners may fall behind one's own contribution before one matches them"),
        _P("contribution.workload_crowding", 0.7, "1", 0, 1, "001 L326-367",
           "how strongly casework pressure crowds out network work"),
        _P("contribution.workload_normal", 0.5, "0-1", 0, 1, "001 L326-367",
           "casework pressure up to which network work is not crowded out"),
        _P("contribution.value_gain", 2.0, "1/value", 0, 20, "003 L270-276 (R1)",
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
        _P("production.coverage_dependence", 1.0, "exponent", 0, 3, "002 V3 (L376-379), L4147-4152",
           "how much progress needs the competences (and the access they give) the issue requires at work: the rate "
           "scales with the share of required kinds at work to this power (0: it does not matter who works on it)"),
        _P("production.coordination_floor", 0.5, "1", 0, 1, "003 L4628-4630 (R37b)",
           "share of its effectiveness an issue keeps when none of its tables is attended"),
        _P("production.expectation_smoothing", 0.1, "1/week", 0.01, 1, "002 R19",
           "weight of the latest week in what people expect of progress and in the smoothed coordination"),
        _P("production.learning_rate", 0.02, "1/week", 0, 1, "003 L4758-4797",
           "how fast shared knowledge (cultural capital) grows from attended meetings in trust"),
        _P("production.learning_decay", 0.005, "1/week", 0, 1, "003 L2418-2420",
           "weekly erosion of cultural capital"),
        # --- 3. ambition alignment: bounded confidence with a trust-coupled bound (anchors_peers 1.5) ----
        _P("alignment.bound", 0.5, "distance", 0, 1, "anchors_peers 1.5 (Deffuant); 003 L4660-4672 (R37i)",
           "largest ambition distance two organisations still bridge, at full trust (the bound is this times trust)"),
        _P("alignment.rate", 0.1, "1/week", 0, 0.5, "anchors_peers 1.5 (Deffuant mu)",
           "how far ambitions move towards each other in a week of meeting within the bound"),
        _P("alignment.own_pull", 0.08, "1/week", 0, 1, "003 L4656-4658 (R37h); 002 V10",
           "weekly pull of an organisation's ambition towards its own interests, times its representative weight"),
        _P("alignment.concreteness", 2.0, "1", 0, 20, "002 L1022-1035, L4643-4657 (R36)",
           "extra pull to own interests, as a multiple, while an issue's experiments make the plans concrete"),
        _P("alignment.start_own", 0.15, "share", 0, 1, "003 L4614-4622 (shared ambition at the start)",
           "share of its own interests in an organisation's ambition at the start; the rest is the shared ambition"),
        _P("alignment.picture_pull", 0.2, "1/week", 0, 1, "003 L4817-4852 (ingredient 1: a shared picture gives grip and direction)",
           "weekly pull of every ambition towards the shared one while a picture the partners made together is fresh"),
        _P("alignment.picture_staling", 0.1, "1/turbulence", 0, 5, "003 L4817-4852, L4626-4628 (the context keeps changing)",
           "how fast a shared picture goes stale: the share lost per week per unit of context turbulence, exponentially"),
        _P("structure.picture", 0.5, "share", 0, 1, "003 L4817-4852 ('biedt veel houvast')",
           "share of the demand for structure a fresh shared picture of the region takes away: it gives grip"),
        _P("alignment.floor", 0.4, "1", 0, 1, "003 L4634-4636 (R37d: trouble over the goals)",
           "effectiveness of joint work when ambitions are fully split"),
        _P("alignment.coverage_threshold", 0.1, "share", 0, 1, "002 V3",
           "ambition weight on an issue above which an organisation counts as working on it"),
        # --- 6. accountability pressure and demand for structure (003 R37e-f) ---------------------------
        _P("accountability.adaptation", 0.08, "1/week", 0, 1, "003 L4636-4646 (R37e)",
           "how fast accountability pressure follows its drivers"),
        _P("accountability.stakes", 0.8, "1", 0, 5, "003 L4636-4646 (R37e)",
           "weight of resources at stake (share of capacity put in)"),
        _P("accountability.stakes_rate", 0.04, "1/week", 0.001, 1, "003 L4636-4646 (R37e: account for what was put in)",
           "weekly share by which the resources at stake catch up with what partners put in now: they build up over half a year to a year"),
        _P("accountability.uncertainty", 0.4, "1", 0, 5, "003 L4632-4634 (R37c)",
           "weight of uncertainty (turbulence and capacity strain)"),
        _P("accountability.funder_demand", 0.1, "pressure", 0, 1, "003 L4636-4646; L4469-4482 (R13)",
           "accountability funders demand regardless of the network's state"),
        _P("accountability.gap", 0.5, "1", 0, 5, "003 L4636-4646; L3208-3214 (R25)",
           "weight of the promise-delivery gap"),
        _P("accountability.separate", 0.5, "share", 0, 5, "003 L4469-4482 (R13), L4660-4672 (R37i: 'niet gestroomlijnde uitvraag')",
           "extra accountability pressure, as a share, when funders hold each partner to its own performance agreement: the demand is not streamlined"),
        _P("accountability.streamlining", 0.5, "share", 0, 1, "003 L4856-4894 (rules of the game)",
           "share of accountability pressure that agreed, light shared rules take away at full structure"),
        _P("structure.complexity", 0.4, "1", 0, 5, "003 L4646-4652 (R37f)",
           "demand for structure per unit of complexity"),
        _P("structure.accountability", 0.5, "1", 0, 5, "003 L4646-4652 (R37f)",
           "demand for structure per unit of accountability pressure"),
        # --- 7. leadership regression (003 R37g-h, L4711-4756) -----------------------------------------
        _P("leadership.start_hierarchy", 0.1, "0-1", 0, 1, "003 L4711-4728",
           "hierarchy of leadership at the start, times how concentrated leadership is"),
        _P("leadership.regression_rate", 0.08, "1/week", 0, 1, "003 L4652-4656 (R37g)",
           "how fast leadership drifts to hierarchy per unit of unabsorbed demand for structure"),
        _P("leadership.grip", 1.0, "demand", 0, 5, "003 L4646-4656 (R37f-g: the need for steering, clear goals and certainty)",
           "demand for structure that hierarchical steering itself meets, per unit of hierarchy"),
        _P("leadership.relax_rate", 0.02, "1/week", 0, 1, "003 L4724-4728",
           "how fast leadership drifts back to network style when demand is absorbed"),
        _P("leadership.lean_back", 0.5, "1", 0, 1, "003 L4732-4734 (R41)",
           "loss of ownership of the other parties under fully hierarchical, concentrated leadership"),
        _P("leadership.ownership_rate", 0.1, "1/week", 0, 1, "003 L4732-4734",
           "how fast felt ownership follows leadership"),
        _P("leadership.utility_shift", 0.6, "1", 0, 1, "003 L4656-4658 (R37h)",
           "under full hierarchy, the share of affective and moral motive weight that moves to the instrumental"),
        _P("leadership.autonomy_loss", 0.5, "1", 0, 1, "003 L753-755, L1488-1492 (R33)",
           "under full hierarchy, the share of its remaining autonomy an organisation feels it has lost"),
        _P("leadership.representation", 0.6, "1", 0, 1, "002 V10; 003 L4455-4466 (R12)",
           "representative weight (acting for the own organisation) added under full hierarchy"),
        _P("leadership.absorption_shared", 0.5, "demand", 0, 2, "Provan & Kenis 2008 (anchors_peers 1.3)",
           "demand for structure shared governance absorbs without regression"),
        _P("leadership.absorption_lead", 0.4, "demand", 0, 2, "Provan & Kenis 2008; 003 L4711-4728",
           "demand for structure a lead organisation absorbs without regression"),
        _P("leadership.absorption_nao", 0.6, "demand", 0, 2, "Provan & Kenis 2008",
           "demand for structure a network administrative organisation absorbs without regression"),
        _P("leadership.concentration_shared", 0.3, "1", 0, 1, "003 L4711-4756",
           "how concentrated leadership is under shared governance (1: one or two people)"),
        _P("leadership.concentration_lead", 1.0, "1", 0, 1, "003 L4728-4734",
           "how concentrated leadership is under a lead organisation"),
        _P("leadership.concentration_nao", 0.6, "1", 0, 1, "Provan & Kenis 2008",
           "how concentrated leadership is under a network administrative organisation"),
        _P("leadership.team_flattening", 1.0, "1", 0, 2, "003 L4711-4756 (ingredient 4, R41)",
           "how far a team for shared leadership undoes hierarchy, as a multiple of its strength (0: it leaves hierarchy as it was)"),
        _P("leadership.added_absorption", 1.0, "1", 0, 2, "003 L4711-4756, L4854-4894 (ingredients 2 and 4)",
           "demand for structure that building blocks and a team for shared leadership absorb, as a multiple of what each brings (0: none)"),
        # --- governance levers (MODEL.md §6; Provan & Kenis, anchors_peers 1.3) --------------------------
        _P("governance.majority_speed", 1.5, "1", 1, 10, "anchors_peers 1.3 (Choi & Robertson 2014); 003 L5296-5302 (R75)",
           "how much sooner a table that decides by majority starts an experiment than one that waits for consensus"),
        _P("governance.lead_speed", 2.5, "1", 1, 10, "002 R52 (L4395-4426); 003 L4728-4734",
           "how much sooner a network where the lead decides starts an experiment than one that waits for consensus"),
        _P("governance.majority_ownership_loss", 0.1, "ownership", 0, 1, "anchors_peers 1.3 (Choi & Robertson 2014: outvoted parties)",
           "felt ownership the parties lose when they can be outvoted"),
        _P("governance.lead_ownership_loss", 0.3, "ownership", 0, 1, "003 L4732-4734 (R41); 002 V4 (L345-348)",
           "felt ownership the other parties lose when the lead (or the NAO) decides for them"),
        _P("governance.accountable_relief", 0.7, "share", 0, 1, "002 L5242-5256 (R51)",
           "share of their reporting hours the other parties save when one party is accountable for the whole"),
        _P("governance.separate_pull", 0.6, "share", 0, 1, "003 L4469-4482 (R13)",
           "under separate performance agreements, willingness lost per unit of distance between the network's agenda (its ambition) and the own interests"),
        _P("governance.separate_representation", 0.3, "1", 0, 1, "003 L4469-4482 (R13: negotiation mode); 002 V10",
           "representative weight (acting for the own organisation) separate performance agreements add"),
        _P("governance.steering_loss", 0.6, "ownership", 0, 1, "000 L404-416 (A-R24); 004 L746-750",
           "ownership lost under the tightest steering (room 0): responsibility only grows when nobody takes it over"),
        _P("governance.island_pull", 0.2, "1/week", 0, 1, "000 L396-402 (A-R23); 001 L683-685",
           "weekly pull of an organisation's ambition towards the course its room leaves: the shared ambition under tight steering, its own interests at full room (craft islands)"),
        _P("forum.administrative_hours", 1.5, "1", 1, 5, "002 L3872-3881 (R53)",
           "length of an administrative table's meetings relative to the hours set: administrators talk cases out"),
        _P("forum.administrative_ideas", 0.5, "1", 0, 5, "002 L3872-3881 (R53)",
           "ideas an administrative table, far from the work, produces relative to a mixed one"),
        _P("forum.frontline_ideas", 1.5, "1", 0, 5, "002 L3872-3892 (R53-R54)",
           "ideas a frontline table, close to the work, produces relative to a mixed one"),
        _P("forum.frontline_mandate", 0.5, "1", 0, 1, "002 L3872-3892 (R53-R54); V8",
           "mandate a frontline table has to start an experiment, relative to a mixed one"),
        _P("threat.cohesion", 0.8, "share", 0, 1, "003 L2886-2898 (R31), L2537-2543",
           "share of the distance to a full collective weight an existential threat of strength 1 closes"),
        _P("threat.outside_drop", 0.3, "value", 0, 5, "003 L2886-2898 ('individually we would lose our position')",
           "fall of every organisation's outside option under an existential threat of strength 1"),
        _P("threat.unity", 0.3, "1", 0, 1, "003 L2886-2898 (R31: necessity helps leaders take people along)",
           "representative weight (acting for the own organisation) an existential threat of strength 1 takes away"),
        _P("threat.urgency", 1.0, "1", 0, 10, "003 L2886-2898; 002 L5395-5405 (something is at stake)",
           "extra experiment drive under an existential threat of strength 1"),
        _P("threat.muting", 1.0, "share", 0, 1, "003 L2886-2898 (R31), L2537-2565",
           "share of the unspoken rivalry between partners an existential threat of strength 1 mutes (together or not at all)"),
        _P("covenant.tolerance", 0.3, "share", 0, 1, "003 L2591-2611, L2428-2440 (R10); 002 L4017-4022",
           "extra give/take imbalance partners accept once shares are agreed on paper rather than left to personal relations"),
        # --- 8. perceived value, fairness and exit (003 R2, R10, R11) ----------------------------------
        _P("value.smoothing", 0.1, "1/week", 0, 1, "003 L2418-2446 (R11)",
           "weight of this week's realised benefit in perceived value"),
        _P("value.benefit_scale", 150.0, "value/progress", 0, 500, "calibration",
           "value an organisation attaches to one unit of progress on issues it cares about"),
        _P("value.contribution_cost", 0.3, "value/unit", 0, 5, "003 L1647-1652",
           "perceived cost of contributing one unit of capacity to the network"),
        _P("value.autonomy_cost", 0.4, "value/unit", 0, 5, "003 L753-755 (R27)",
           "perceived cost of autonomy ceded to the network"),
        _P("value.fairness_tolerance", 0.15, "share", 0, 1, "003 L2428-2440 (R10)",
           "give/take imbalance an organisation tolerates before it feels treated unfairly"),
        _P("value.fairness_penalty", 1.0, "value/share", 0, 10, "003 L2428-2440 (R10)",
           "value lost per share of imbalance above the tolerance"),
        _P("value.start_optimism", 0.5, "value", 0, 5, "003 L4614-4622 (an energetic start)",
           "perceived value above the outside option that organisations start with"),
        _P("value.patience", 12.0, "weeks", 1, 104, "003 L219-222 (R2)",
           "weeks below the outside option before an organisation goes dormant"),
        _P("value.exit_patience", 52.0, "weeks", 1, 208, "003 L219-222 (R2)",
           "weeks below the outside option before an organisation leaves for good"),
        _P("value.existential_band", 0.1, "value", 0, 2, "003 L4660-4672 (R37i)",
           "margin over the outside option under which an organisation starts asking whether the network is still worth it"),
        _P("value.return_margin", 0.05, "utility", 0, 1, "assumption",
           "how far the motive-weighted utility of taking part must rise above zero before a dormant member returns"),
        # --- 9. energy and affect (002 R19, R20) -------------------------------------------------------
        _P("energy.effort_floor", 0.5, "share", 0, 1, "001 L326-367 (assumption)",
           "share of their attendance and effort that professionals keep at zero energy"),
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
        # --- 10. innovation process per issue (002 §2.1, L300-408, L536-717) -----------------------------
        _P("innovation.idea_rate", 1.0, "ideas/week", 0, 20, "002 L1096-1547, L2112-2123",
           "ideas a fully attended, fully energetic week of talk at an issue's tables adds"),
        _P("innovation.idea_decay", 0.05, "1/week", 0, 1, "002 L1183-1190",
           "share of the idea pool forgotten each week"),
        _P("innovation.diversity_ideas", 1.0, "1", 0, 5, "000 L305-312, L336-347; 001 L1796-1800; assumption (size)",
           "extra ideas from partners of different kinds at an issue, times their diversity and shared base (trust x ambition); "
           "0 switches it off (docs/model.md §1 item 6)"),
        _P("innovation.diversity_friction", 0.5, "1", 0, 1, "000 L318-334, L349-351; 001 L768-772; assumption (size)",
           "how much diversity without a shared base slows convergence (friction, unhelpful cliques); 0 switches it off"),
        _P("innovation.ideas_needed", 6.0, "ideas", 0.1, 100, "002 L536-572",
           "ideas in the pool for an experiment to be fully within reach"),
        _P("innovation.direction_needed", 1.0, "convergence", 0.01, 1, "002 L1437-1447, L1924-1934",
           "convergence at which an experiment is fully within reach (1: in proportion to convergence); with an "
           "experimenting mindset a step need not be 'finished' first (002 L1924-1934): 0.3, the level V1, V5 and V7 call "
           "a direction, is the candidate, off until the guides are re-measured with it (docs/model.md 7.15)"),
        _P("innovation.ideas_used", 0.5, "share", 0, 1, "002 L536-572",
           "share of the idea pool an experiment takes up"),
        _P("innovation.convergence_rate", 0.08, "1/week", 0, 1, "002 L1437-1447",
           "how fast ideas converge towards what trust, shared ambition and focus allow"),
        _P("innovation.dilution", 0.5, "1", 0, 5, "002 V7 (L366-368)",
           "how much a week's fresh ideas, relative to the pool, scatter the direction again"),
        _P("innovation.focus", 0.8, "0-1", 0, 1, "002 L1437-1447",
           "how strongly a group normally narrows its ideas down to a choice"),
        _P("innovation.start_rate", 0.25, "1/week", 0, 1, "002 L536-572 (R15)",
           "weekly chance to start an experiment when ideas, convergence, ownership, mandate and energy are all full"),
        _P("innovation.duration", 6.0, "weeks", 1, 52, "002 L3133-3134 (40 days)",
           "weeks an experiment runs"),
        _P("innovation.success_base", 0.7, "probability", 0, 1, "002 L569-570",
           "chance an experiment succeeds with every competence present, enough effort and full energy"),
        _P("innovation.skill_dependence", 3.0, "exponent", 0, 10, "002 V3 (L376-379)",
           "how much an experiment needs every required competence: success scales with coverage to this power"),
        _P("innovation.effort_needed", 0.4, "share", 0.01, 1, "002 V14 (L3287-3290)",
           "effort share (of the issue's potential) an experiment needs to have its full chance"),
        _P("innovation.breakthrough", 0.12, "progress", 0, 2, "002 L331-337 (R13)",
           "jump in progress a successful experiment brings on an issue of difficulty 1"),
        _P("innovation.successes_needed", 3.0, "experiments", 1, 20, "002 L743-759",
           "successful experiments before an issue moves on to implementation"),
        _P("innovation.handover_rate", 0.25, "1/week", 0, 1, "002 L743-759, V13 (L3275-3281); R15 (as start_rate)",
           "weekly chance that a formal owner with full ownership and mandate takes a result over (a decision to act, "
           "as likely as starting an experiment when all is ready)"),
        _P("innovation.owner_reluctance", 1.0, "1", 0, 1, "002 V13 (L3275-3281)",
           "how far a formal owner's lack of ownership x mandate holds its take-over back (0: not at all)"),
        _P("innovation.embedding", 0.5, "1", 0, 5, "002 L743-759",
           "extra progress rate, as a share, once the formal owner has taken over"),
        _P("innovation.scaling", 0.12, "progress", 0, 2, "002 L743-759, L3275-3281 (V13)",
           "jump in progress when the formal owner takes the result over and rolls it out"),
        _P("innovation.hesitation", 0.8, "share", 0, 1, "002 V9 (L381-385)",
           "how much less often a next experiment starts while the last success is not understood"),
        _P("innovation.understood_after_success", 0.2, "0-1", 0, 1, "002 V9 (L381-385)",
           "how well a group understands a fresh success before reflecting on it"),
        _P("innovation.understanding_rate", 0.01, "1/week", 0, 1, "002 L2613-2672",
           "weekly growth of understanding from ordinary talk"),
        _P("innovation.near_miss_learning", 0.2, "convergence", 0, 1, "002 L657-670 (R18)",
           "convergence a group gains from a failure framed as a near miss"),
        _P("innovation.failure_idea_loss", 0.5, "share", 0, 1, "002 L653-656 (R17)",
           "share of the idea pool abandoned after a failure"),
        _P("innovation.setback_energy", 0.15, "energy", 0, 1, "002 V2 (L405-408)",
           "energy lost by those who care about an issue when its experiment fails"),
        _P("innovation.setback_negativity", 0.25, "negativity", 0, 1, "002 V6 (L361-364)",
           "negativity a failed experiment adds to those who care about the issue"),
        _P("innovation.setback_safety", 0.0, "share", 0, 1, "001 L794, L1309-1310; 002 L676-683; 000 L235-238; assumption (size)",
           "share of a failure's sting (energy, negativity) that trust above neutral at the issue takes away: a group safe enough to "
           "admit mistakes carries a failure together; 0 (off) until the guides are re-measured with it (docs/model.md 7.15)"),
        _P("innovation.reflection_relief", 0.0, "share", 0, 1, "002 L2673-2700 (grumpy moments); assumption (size)",
           "share of the negativity of those who care about an issue that a joint reflection at full depth and attendance "
           "lets go; 0 (off) like innovation.setback_safety"),
        _P("innovation.success_energy", 0.1, "energy", 0, 1, "002 R20",
           "energy a successful experiment gives those who care about the issue"),
        _P("innovation.drives_trust", 1.0, "1", 0, 5, "002 L2058-2066 (R29), L2504-2516",
           "extra trust evidence per meeting, as a share, when partners know each other's drives"),
        _P("innovation.drives_representation", 0.5, "1", 0, 1, "002 V10; L1751-1773",
           "representative weight taken away when partners know each other's drives"),
        _P("innovation.drives_ideas", 0.5, "1", 0, 10, "002 L2078-2084",
           "extra ideas from talk, as a share, when partners know each other's drives (hearing the other side's story)"),
        _P("innovation.drives_focus", 3.0, "1", 0, 10, "002 L2504-2516, L474-484",
           "extra speed of convergence, as a share, when partners know each other's drives (to the core faster)"),
        _P("innovation.check_in_hours", 1.0, "hours/week", 0, 10, "002 L2504-2516 (a check-in takes time)",
           "meeting hours per table member that talking about drives takes while it is going on"),
        _P("innovation.facilitation_drive", 3.0, "1", 0, 5, "004 L2622-2690; 002 L1675-2039",
           "extra experiment drive an external facilitator brings while present"),
        _P("innovation.facilitation_reflection", 0.04, "1/week", 0, 1, "004 L2622-2690",
           "weekly growth of understanding an external facilitator brings about by organising reflection"),
        _P("innovation.learning_crowding", 0.8, "1", 0, 1, "001 L326-367",
           "how strongly casework pressure crowds out reflection and learning (understanding, new ideas)"),
        _P("innovation.analysis_insight", 0.75, "share", 0, 1, "002 L139-144, L1183-1190; assumption (size)",
           "share of what the talk brings up that is insight into why things fail rather than an option to try, at an "
           "issue its partners work on by mapping its bottlenecks (issue approach 'bottleneck_analysis'; a fresh positive "
           "theme turns the talk to where people want to go); 0 switches it off"),
        _P("innovation.analysis_discouragement", 0.015, "energy/insight", 0, 1, "002 L1186-1190; assumption (size)",
           "energy an insight into why things fail costs those who care about the issue ('will we ever solve this?'): "
           "a tenth of what a failed experiment costs (innovation.setback_energy); 0 switches it off"),
        _P("innovation.positive_theme", 1.0, "1", 0, 5, "002 L2105-2123",
           "extra ideas the same talk yields under a fresh positive theme, as a share of the theme's freshness "
           "(a positive goal brings structurally more ideas than a problem to solve; 1 = twice as many, an assumption)"),
        _P("innovation.drive_response", 1.0, "1", 0, 3, "002 L643-649, L4006-4010, L5400-5406",
           "elasticity of starting experiments to the group's drive (a deadline, momentum from outside, a facilitator, "
           "urgency: something at stake makes people put their shoulders to it); 0: the drive changes nothing"),
        _P("innovation.lever_relax", 0.05, "1/week", 0, 1, "002 L3064-3137",
           "weekly relaxation of focus, experiment drive and shared drives back to normal"),
        # --- 9b. negativity spreads along ties (002 V6; R19) -----------------------------------------------
        _P("negativity.spread", 0.3, "1/week", 0, 1, "002 V6 (L361-364)",
           "weekly pull of a professional's negativity towards that of those they met"),
        _P("negativity.decay", 0.03, "1/week", 0, 1, "002 L2673-2740",
           "weekly fading of negativity"),
        _P("negativity.from_heat", 0.005, "1/week", 0, 1, "002 V6; 003 L1323-1462",
           "weekly negativity a professional picks up at full conflict temperature of the own organisation's ties"),
        _P("negativity.idea_damping", 0.8, "share", 0, 1, "002 V6 (L361-364)",
           "share of new ideas lost when everyone who cares about an issue is fully negative"),
        _P("negativity.energy_drain", 0.05, "energy/week", 0, 1, "002 V6",
           "weekly energy lost at full negativity"),
        # --- 11. conflict thermometer (003 §2.3, L1127-1464) -------------------------------------------
        _P("conflict.rate", 0.05, "1/week", 0, 1, "003 L1127-1464",
           "how fast a tie's temperature follows its drivers"),
        _P("conflict.distrust", 0.8, "heat", 0, 3, "003 L1420-1436",
           "heat from distrust: at trust 0 the driver adds this much, at neutral trust (0.5) or more nothing"),
        _P("conflict.unfairness", 0.6, "heat/share", 0, 5, "003 L2428-2440 (R10)",
           "heat per unit of the own organisation's give/take imbalance above its tolerance"),
        _P("conflict.suppressed", 0.6, "heat", 0, 5, "003 L1451-1455 (R22)",
           "heat from interests not voiced: representative weight times ambition distance to the partner"),
        _P("conflict.voiced_fading", 0.05, "1/week", 0, 1, "assumption (as innovation.lever_relax); 003 L1380-1395",
           "weekly share of the interests a mediator put on the table that is unvoiced again as positions keep moving"),
        _P("conflict.hidden_rivalry", 0.35, "heat", 0, 3, "003 L2591-2609 (not daring to admit competition), L904-912 (R29)",
           "heat between rivals while the competition incentive is in place and nobody names it"),
        _P("conflict.sharing_loss", 0.6, "share", 0, 1, "003 L1323-1462 (vigilant: less information shared)",
           "share of trust evidence lost at the hottest level"),
        _P("conflict.cancelled", 0.5, "share", 0, 1, "003 L1323-1462 (disagreement: appointments cancelled)",
           "share of attendance lost at the hottest level"),
        _P("conflict.exit_push", 0.3, "value", 0, 5, "003 L1330-1333 (conflict: dropping out)",
           "perceived value lost at the hottest level"),
        # --- set-up: where the network comes from (issue 13 item 1; 003 L4586-4612) ---------------------
        _P("history.new_contribution", 0.2, "share", 0, 1, "003 L4586-4612 (a few parties take the initiative)",
           "in a new network, the share of its pledge a partner that did not take the initiative gives in the first week (initiators give theirs in full)"),
        _P("history.spin_up", 52.0, "weeks", 0, 260, "issue 13 item 1 (an honest start)",
           "weeks an existing network runs its mechanisms before week 0, so that its indicators start where its dynamics hold them"),
        # --- set-up: individual differences drawn once (assumption) -------------------------------------
        _P("setup.spread", 0.1, "sd", 0, 0.5, "assumption",
           "standard deviation of a professional's drive and workload around the organisation's"),
        _P("setup.team_leader_share", 0.15, "share", 0, 1, "assumption",
           "share of an organisation's professionals (after its board member and manager) who lead a team"),
        # --- observers: stuck situations (002 L345-408, L3227-3299) ---------------------------------------
        _P("stuck.window", 12.0, "weeks", 2, 104, "002 L3229, L3335-3337",
           "weeks a detector looks back over (e.g. 'no experiment started in the last ... weeks')"),
        _P("stuck.persist", 3.0, "weeks", 1, 52, "assumption",
           "weeks a condition must hold before it counts as a stuck situation, and be gone before it ends"),
        _P("stuck.low", 0.5, "0-1", 0, 1, "assumption",
           "level under which mandate, contribution, understanding or convergence counts as low"),
        _P("stuck.negativity", 0.2, "0-1", 0, 1, "002 V6",
           "negativity of those who care about an issue above which the group has negative energy"),
        _P("stuck.representation", 0.5, "share", 0, 1, "002 V10; assumption (more often than not)",
           "share of the delegations' meetings at an issue's tables (over the window) in which they argued a position "
           "closer to their own organisation than to the partners they met: they hide behind its interest"),
        _P("stuck.energy_drop", 0.05, "energy", 0, 1, "002 V2",
           "fall of energy since a recent failure that counts as losing the line"),
        _P("stuck.committed", 0.6, "contribution", 0, 1, "002 V12",
           "contribution (share of the pledge) from which a partner counts as fully committed"),
        _P("stuck.spread", 0.25, "contribution", 0, 1, "002 V12",
           "gap between the most committed partner and the mean of the others on an issue"),
        _P("stuck.dominance", 2.0, "ratio", 1, 100, "002 V4 (L345-348); assumption (the others have at most half the say)",
           "say of the partner who decides over the mean say of the others from which a decision counts as one party's"),
        # --- observers: the netwerkdip detector (003 L4612-4672, L4805-4815) ---------------------------
        _P("dip.window", 6.0, "weeks", 1, 52, "smoothing (assumption)",
           "weeks of vitality averaged before the detector compares levels"),
        _P("dip.warmup", 10.0, "weeks", 0, 104, "003 L4614-4622 (an energetic start comes first)",
           "weeks before a fall can count as a netwerkdip"),
        _P("dip.rise", 0.05, "share", 0, 1, "003 L4614-4622 (after an initially energetic start)",
           "rise of smoothed vitality above where it started, as a share of that level, before a fall counts as a netwerkdip; a fall without it is a start that never got going"),
        _P("dip.drop", 0.15, "share", 0.01, 0.9, "003 L4614-4622",
           "fall of smoothed vitality below its peak, as a share of the peak, that makes a netwerkdip"),
        _P("dip.recovery", 0.5, "share", 0.05, 1, "003 L4805-4815 (doorstart)",
           "share of the fall regained that counts as a doorstart"),
    ]
}


def markdown_table() -> str:
    """The parameter table of docs/model.md: name, default, range, unit, source and meaning, one row each."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = ["| Parameter | Default | Range | Unit | Source | Meaning |", "|---|---|---|---|---|---|"]
    for p in PARAMETERS.values():
        lines.append(f"| `{p.name}` | {p.default:g} | [{p.low:g}, {p.high:g}] | {cell(p.unit)} | {cell(p.source)} | {cell(p.doc)} |")
    return "\n".join(lines) + "\n"


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
    if not is_bounded_number(value, p.low, p.high):
        raise ParameterError(f"parameter {name!r} = {value!r} is outside its range [{p.low}, {p.high}] ({p.unit})")
    return float(value)


def keyword(name: str) -> str:
    """A parameter's dotted name as a Python keyword: ``meeting.base_attendance`` -> ``meeting__base_attendance``.

    Mesa's ``batch_run`` and SolaraViz and EMA workbench pass parameters as keyword arguments, and a
    keyword cannot hold a dot; no parameter name holds a double underscore, so the mapping is one to one.
    """
    return name.replace(".", "__")


def from_keywords(values: Mapping[str, object]) -> dict[str, float]:
    """Keyword arguments (``meeting__base_attendance=0.7``) as checked values by dotted name."""
    return {name: check(name, value) for name, value in ((k.replace("__", "."), v) for k, v in values.items())}
