"""Every named causal link of the model, each switched off by setting parameters to their neutral value.

A *link* is one cause-and-effect step a source names ("more complexity needs more consultation",
003 L4628-4630): the mechanism that carries it and the parameter overrides that take exactly that
step out, upstream of anything a detector or a pattern measures. The type is :class:`chain.Link`
(one concept, one place); the netwerkdip's chain (:data:`chain.CHAIN`) registers its links here too,
so patterns (:mod:`netwerksim.patterns`), the mutation matrix and the attribution of a dip name the same
links. Switching a pattern's named link off must make it fail.

A link's ``neutral`` values must lie in each parameter's range (checked when registered): neutral is the
value at which the mechanism does nothing (a rate or weight of 0, a factor of 1), never a value chosen
to make a pattern fail.
"""

from __future__ import annotations

from typing import Mapping

from .chain import CHAIN, Link
from .params import check

LINKS: dict[str, Link] = {}


def register(*links: Link) -> None:
    """Add links to :data:`LINKS`; a name is registered once, and every neutral value is a valid parameter value."""
    for link in links:
        if link.name in LINKS and LINKS[link.name] != link:
            raise ValueError(f"link {link.name!r} is registered twice with different contents")
        if not link.neutral:
            raise ValueError(f"link {link.name!r} switches nothing off")
        for name, value in link.neutral.items():
            check(name, value)
    for link in links:
        LINKS[link.name] = link


def parameters_of(names: tuple[str, ...] | list[str]) -> set[str]:
    """The parameters the named links switch off."""
    return {p for n in names for p in LINKS[n].neutral}


def _L(name: str, neutral: Mapping[str, float], source: str, label_nl: str, label_en: str) -> Link:
    return Link(name, label_nl, label_en, source, (), dict(neutral))


register(*CHAIN)
register(
    # --- meetings and context (003 L4626-4646, R37a-e; the chain's own links are in chain.py) ----------
    _L("consultation_load", {"meeting.complexity_growth": 0.0, "meeting.accountability_share": 0.0},
       "003 L4628-4630, L4636-4646 (R37b, R37e)",
       "meer complexiteit en verantwoording vragen meer overleg- en verantwoordingsuren",
       "more complexity and accountability call for more consultation and reporting hours"),
    _L("meeting_fatigue", {"meeting.fatigue": 0.0, "energy.meeting_drain": 0.0}, "003 L2341-2357 (R44)",
       "vergaderuren boven de drempel kosten opkomst en energie",
       "meeting hours above the threshold cost attendance and energy"),
    _L("dyad_cost", {"meeting.dyad_cost": 0.0, "context.per_pair": 0.0}, "003 L4628-4630 (R37b); anchors_peers SF6",
       "elk extra paar organisaties aan tafel kost voorbereiding en voegt complexiteit toe",
       "every extra pair of organisations at the table costs preparation and adds complexity"),
    # --- trust (003 L1052-1058, L1434-1455; anchors_peers 1.1) -------------------------------------------
    _L("trust_from_meeting", {"trust.evidence_rate": 0.0}, "003 L1434-1436 (R14)",
       "samen vergaderen levert bewijs voor vertrouwen", "meeting together yields evidence for trust"),
    _L("co_presence", {"trust.remote_factor": 1.0}, "003 L1052-1058 (R15)",
       "fysiek samenzijn bouwt meer vertrouwen dan contact op afstand",
       "physical co-presence builds more trust than remote contact"),
    _L("negativity_bias_trust", {"trust.negative_weight": 1.0}, "003 L1451-1455; anchors_peers SF2",
       "een gebroken belofte weegt zwaarder dan een nagekomen", "a broken promise weighs more than a kept one"),
    _L("forgetting", {"trust.forgetting": 1.0}, "anchors_peers 1.1 (Josang & Ismail 2002)",
       "oud bewijs voor vertrouwen vervaagt", "old trust evidence fades"),
    _L("rival_reticence", {"trust.rival_sharing": 1.0}, "003 L904-912 (R29)",
       "tussen concurrenten wordt minder gedeeld, dus groeit vertrouwen trager",
       "rivals share less, so trust between them grows more slowly"),
    _L("reciprocity", {"contribution.reciprocity_floor": 1.0}, "002 R1 (L2058-2066); 003 L4571-4577",
       "wie partners minder ziet leveren, geeft zelf ook minder (wederkerigheid)",
       "who sees partners deliver less gives less too (reciprocity)"),
    # --- workload and learning (001 L326-367) ------------------------------------------------------------
    _L("casework_pressure", {"innovation.learning_crowding": 0.0, "contribution.workload_crowding": 0.0,
                             "meeting.workload_absence": 0.0, "energy.contribution_drain": 0.0}, "001 L326-367",
       "casuswerk verdringt de tijd voor het netwerk: voor overleg, netwerkwerk, reflectie en leren",
       "casework crowds out the time for the network: for meetings, network work, reflection and learning"),
    _L("learning_crowding", {"innovation.learning_crowding": 0.0}, "001 L326-367",
       "werkdruk verdringt reflectie en leren (ideeën en begrip)",
       "casework pressure crowds out reflection and learning (ideas and understanding)"),
    _L("workload_crowding", {"contribution.workload_crowding": 0.0}, "001 L326-367",
       "werkdruk verdringt netwerkwerk", "casework pressure crowds out network work"),
    _L("workload_absence", {"meeting.workload_absence": 0.0}, "001 L326-367",
       "werkdruk houdt mensen weg van overleg", "casework pressure keeps people from meetings"),
    # --- ambitions (002 L1022-1035, L4643-4657, R36) -----------------------------------------------------
    _L("concreteness", {"alignment.concreteness": 0.0}, "002 L1022-1035, L4643-4657 (R36)",
       "als plannen concreet worden, trekken de eigen belangen de ambities terug",
       "when plans turn concrete, own interests pull the ambitions back"),
    # --- governance levers (Provan & Kenis; 003 L4469-4482, L2886-2898; 000 L396-416) ---------------------
    _L("separate_agreements", {"governance.separate_pull": 0.0, "governance.separate_representation": 0.0,
                               "accountability.separate": 0.0},
       "003 L4469-4482 (R13)",
       "eigen prestatieafspraken trekken naar de eigen belangen en naar onderhandelen voor de eigen organisatie",
       "separate performance agreements pull towards own interests and towards negotiating for the own organisation"),
    _L("threat_cohesion", {"threat.cohesion": 0.0, "threat.unity": 0.0, "threat.outside_drop": 0.0,
                           "threat.urgency": 0.0}, "003 L2886-2898 (R31)",
       "een bestaansbedreiging maakt partners tot een gemeenschap van lotgenoten",
       "an existential threat turns partners into a community of fate"),
    _L("threat_mutes_rivalry", {"threat.muting": 0.0}, "003 L2886-2898 (R31), L2537-2565",
       "zolang een bestaansbedreiging hen bindt, laten concurrenten hun rivaliteit rusten",
       "while an existential threat binds them, rivals let their rivalry rest"),
    _L("island_pull", {"governance.island_pull": 0.0}, "000 L396-402 (A-R23); 001 L683-685",
       "veel ruimte laat ambities wegdrijven naar eigen eilandjes", "much room lets ambitions drift to craft islands"),
    _L("steering_loss", {"governance.steering_loss": 0.0}, "000 L404-416 (A-R24); 004 L746-750",
       "strak sturen kost eigenaarschap", "tight steering costs ownership"),
    _L("hidden_rivalry", {"conflict.hidden_rivalry": 0.0}, "003 L2591-2609, L904-912",
       "onbenoemde concurrentie verhit de band tussen rivalen", "unspoken competition heats the tie between rivals"),
    _L("unfairness_heat", {"conflict.unfairness": 0.0}, "003 L2428-2440 (R10)",
       "een oneerlijke verdeling van geven en nemen verhit de banden",
       "an unfair division of give and take heats the ties"),
    _L("distrust_heat", {"conflict.distrust": 0.0}, "003 L1420-1436",
       "wantrouwen verhit de banden", "distrust heats the ties"),
    _L("conflict_exit", {"conflict.exit_push": 0.0}, "003 L1323-1462 (level 4: dropping out)",
       "in een conflict duwt de hitte partners de deur uit", "in a conflict the heat pushes partners out"),
    _L("fairness_value", {"value.fairness_penalty": 0.0}, "003 L2428-2440 (R10)",
       "een oneerlijke verdeling kost ervaren waarde", "an unfair division costs perceived value"),
    # --- the restart's ingredients (003 L4805-4935; issue 13 item 4) -------------------------------------
    _L("shared_picture", {"alignment.picture_pull": 0.0, "structure.picture": 0.0}, "003 L4817-4852 (ingredient 1, R38)",
       "een samen gemaakt beeld van de regio trekt de ambities bijeen en geeft houvast",
       "a picture of the region made together pulls the ambitions together and gives grip"),
    _L("streamlining", {"accountability.streamlining": 0.0}, "003 L4856-4894 (ingredient 2, R39)",
       "lichte gedeelde spelregels stroomlijnen de verantwoording", "light shared rules streamline accountability"),
    _L("team_flattening", {"leadership.team_flattening": 0.0}, "003 L4711-4756 (ingredient 4, R41)",
       "een team voor gedeeld leiderschap maakt de leiding minder hiërarchisch",
       "a team for shared leadership makes leadership less hierarchical"),
    _L("team_spreads_leadership", {"leadership.concentration_shared": 1.0}, "003 L4711-4756 (ingredient 4, R41)",
       "in een team voor gedeeld leiderschap ligt de leiding niet langer bij één of twee mensen",
       "in a team for shared leadership, leadership no longer rests with one or two people"),
    _L("added_absorption", {"leadership.added_absorption": 0.0}, "003 L4711-4756, L4854-4894 (ingredients 2 and 4)",
       "bouwstenen en een team voor gedeeld leiderschap vangen de vraag naar structuur op",
       "building blocks and a team for shared leadership absorb the demand for structure"),
    # --- innovation and energy (002 §2.1, R13, R19-R20, V6) ----------------------------------------------
    _L("progress_energy", {"energy.progress_gain": 0.0, "innovation.success_energy": 0.0}, "002 R20 (progress principle)",
       "vooruitgang geeft energie", "progress gives energy"),
    _L("setback_energy", {"energy.setback_loss": 0.0, "innovation.setback_energy": 0.0}, "002 R19, V2 (L405-408)",
       "een tegenvaller kost energie", "a setback costs energy"),
    _L("breakthrough_jumps", {"innovation.breakthrough": 0.0, "production.breakthrough_chance": 0.0,
                              "innovation.scaling": 0.0}, "002 L300-343 (R13)",
       "een geslaagd experiment of een gelukkige doorbraak is een sprong vooruit",
       "a successful experiment or a lucky break is a jump forward"),
    _L("setback_cynicism", {"innovation.setback_negativity": 0.0}, "002 V6 (L361-364), L653-656",
       "een mislukt experiment kweekt cynisme", "a failed experiment breeds cynicism"),
    _L("skills_needed", {"innovation.skill_dependence": 0.0}, "002 V3 (L376-379), L4147-4165",
       "een experiment slaagt alleen als de benodigde competenties (en de toegang die ze geven) aan tafel zitten",
       "an experiment succeeds only when the competences it needs (and the access they give) are at the table"),
    _L("competence_at_work", {"production.coverage_dependence": 0.0}, "002 V3 (L376-379), L4147-4152",
       "het werk vordert alleen als de competenties en de toegang die de opgave vraagt aan het werk zijn (zonder "
       "netwerk geen doelgroep)", "the work moves only when the competences and the access the issue needs are at "
       "work (without a network no target group)"),
    _L("owner_mandate", {"innovation.owner_reluctance": 0.0}, "002 V13 (L3275-3281), L848-865",
       "de formele eigenaar neemt een resultaat later over naarmate eigenaarschap en mandaat ontbreken",
       "the formal owner takes a result over the later, the more ownership and mandate it lacks"),
    _L("one_accountable", {"governance.accountable_relief": 0.0}, "002 L5240-5256 (R51)",
       "één partij die voor het geheel aanspreekbaar is en alles in beeld houdt, neemt de anderen verantwoording uit "
       "handen", "one party answerable for the whole, keeping everything in view, takes reporting off the others' hands"),
    _L("negativity_contagion", {"negativity.spread": 0.0}, "002 V6 (L361-364)",
       "negativiteit verspreidt zich langs wie elkaar ontmoeten", "negativity spreads among those who meet"),
    _L("cynicism_damps_ideas", {"negativity.idea_damping": 0.0}, "002 V6 (L361-364)",
       "cynisme dempt nieuwe ideeën", "cynicism damps new ideas"),
    _L("facilitation", {"innovation.facilitation_drive": 0.0, "innovation.facilitation_reflection": 0.0},
       "004 L2622-2690; 002 L1675-2039",
       "een externe begeleider houdt de experimenteerdrang en de reflectie op gang",
       "an external facilitator keeps the drive to experiment and reflection going"),
    _L("lever_relax", {"innovation.lever_relax": 0.0}, "002 L3064-3137",
       "wat een interventie aan focus en drang brengt, ebt weg", "the focus and drive an intervention brings fade"),
    _L("drives_sharing", {"innovation.drives_trust": 0.0, "innovation.drives_representation": 0.0,
                          "innovation.drives_ideas": 0.0, "innovation.drives_focus": 0.0},
       "002 L2058-2084, L2504-2516",
       "wie elkaars drijfveren kent, vertrouwt meer, bedenkt meer en komt sneller tot de kern",
       "who knows each other's drives trusts more, thinks up more and gets to the core faster"),
    _L("diversity_ideas", {"innovation.diversity_ideas": 0.0}, "000 L305-312, L336-347; 001 L1796-1800",
       "partners van verschillende soort brengen meer invalshoeken en ideeën, voor zover een gedeelde basis het toelaat",
       "partners of different kinds bring more angles and ideas, as far as a shared base lets them"),
    _L("diversity_friction", {"innovation.diversity_friction": 0.0}, "000 L318-334, L349-351; 001 L768-772",
       "verschillen zonder gedeelde basis geven wrijving: de groep komt trager tot de kern",
       "differences without a shared base give friction: the group gets to the core more slowly"),
    _L("positive_theme", {"innovation.positive_theme": 0.0}, "002 L2105-2123",
       "een positief doel levert bij hetzelfde gesprek meer ideeën op dan een op te lossen probleem",
       "a positive goal yields more ideas from the same talk than a problem to solve"),
    _L("group_drive", {"innovation.drive_response": 0.0}, "002 L643-649, L4006-4010, L5400-5406",
       "als er iets op het spel staat (een deadline, wind mee van buiten), zet de groep de schouders eronder en "
       "start ze experimenten", "when something is at stake (a deadline, wind in the back) the group puts its "
       "shoulders to it and starts experiments"),
)
