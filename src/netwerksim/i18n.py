"""Dutch and English texts for everything a person reads: indicators, events, reports."""

from __future__ import annotations

from typing import Literal

Lang = Literal["nl", "en"]

TEXT: dict[str, tuple[str, str]] = {
    # indicators (time-series columns)
    "week": ("week", "week"),
    "active_organisations": ("actieve organisaties", "active organisations"),
    "dormant_organisations": ("slapende organisaties", "dormant organisations"),
    "exited_organisations": ("afgehaakte organisaties", "organisations that left"),
    "mean_trust": ("vertrouwen", "trust"),
    "mean_energy": ("energie", "energy"),
    "joint_contribution": ("gezamenlijke inzet", "joint contribution"),
    "attendance": ("opkomst bij overleg", "meeting attendance"),
    "meeting_hours": ("overleg- en verantwoordingsuren", "consultation and reporting hours"),
    "coordination_load": ("overleglast", "coordination load"),
    "perceived_value": ("ervaren waarde", "perceived value"),
    "output": ("voortgang deze week", "progress this week"),
    "progress": ("voortgang opgaven", "progress on issues"),
    "economic_capital": ("economisch kapitaal", "economic capital"),
    "social_capital": ("sociaal kapitaal", "social capital"),
    "cultural_capital": ("cultureel kapitaal", "cultural capital"),
    # status changes
    "status.dormant": ("{org} wordt een slapend lid: de ervaren waarde ligt al {weeks} weken onder het alternatief.",
                       "{org} goes dormant: its perceived value has been below its outside option for {weeks} weeks."),
    "status.exited": ("{org} haakt af en verlaat het netwerk.", "{org} drops out and leaves the network."),
    "status.returned": ("{org} doet weer actief mee: het netwerk levert weer genoeg op.",
                        "{org} takes part again: the network is worth it once more."),
    "status.joined": ("{org} sluit aan bij het netwerk.", "{org} joins the network."),
    "event.applied": ("{label}: {description}", "{label}: {description}"),
    # report
    "report.title": ("Verslag van de simulatie", "Simulation report"),
    "report.scenario": ("Scenario", "Scenario"),
    "report.seed": ("seed", "seed"),
    "report.weeks": ("weken", "weeks"),
    "report.summary": ("Samenvatting", "Summary"),
    "report.start": ("start", "start"),
    "report.end": ("eind", "end"),
    "report.min": ("laagste", "lowest"),
    "report.max": ("hoogste", "highest"),
    "report.events": ("Gebeurtenissen", "Events"),
    "report.no_events": ("Geen gebeurtenissen.", "No events."),
    "report.organisations": ("Organisaties aan het eind", "Organisations at the end"),
    "report.plots": ("Grafieken", "Plots"),
    "report.files": ("Bestanden", "Files"),
    "report.issues": ("Voortgang per opgave", "Progress per issue"),
    "plot.vitality": ("Vitaliteit van het netwerk (oranje: netwerkdip)", "Vitality of the network (orange: netwerkdip)"),
    "plot.conditions": ("Vijf condities voor samenwerking", "Five conditions for collaboration"),
    "condition_organising": ("organiseren", "organising"),
    "condition_sense_making": ("zingevingsproces", "sense-making process"),
    "condition_relations": ("relaties", "relations"),
    "condition_interests": ("belangen", "interests"),
    "condition_ambition": ("gedeelde ambitie", "shared ambition"),
    "report.stuck": ("Vastloopsituaties in deze run", "Stuck situations in this run"),
    "report.doorbraken": ("doorbraken", "breakthroughs"),
    "plot.chain": ("De keten van de netwerkdip", "The netwerkdip's causal chain"),
    "report.story": ("Verloop", "What happened"),
    "story.start": ("Het netwerk start met een vitaliteit van {v0:.2f} en bereikt {peak:.2f} in week {week}.",
                    "The network starts with a vitality of {v0:.2f} and reaches {peak:.2f} in week {week}."),
    "story.dip": ("Week {week}: {text} Het dal: {trough:.2f} in week {trough_week}.",
                  "Week {week}: {text} The trough: {trough:.2f} in week {trough_week}."),
    "story.doorstart": ("Week {week}: {text}", "Week {week}: {text}"),
    "story.no_dip": ("Er treedt geen netwerkdip op.", "No netwerkdip occurs."),
    "story.end": ("In week {week} is de vitaliteit {v:.2f}; {active} van de {total} organisaties doen actief mee, "
                  "de hiërarchie in het leiderschap staat op {hierarchy:.2f} en de gedeelde ambitie op {alignment:.2f}.",
                  "In week {week} vitality is {v:.2f}; {active} of the {total} organisations take an active part, "
                  "hierarchy in leadership stands at {hierarchy:.2f} and the shared ambition at {alignment:.2f}."),
    "plot.indicators": ("Verloop van het netwerk", "Course of the network"),
    "plot.progress": ("Voortgang en kapitaal", "Progress and capital"),
    "plot.organisations": ("Deelname van organisaties", "Participation of organisations"),
    "status.0": ("actief", "active"),
    "status.1": ("slapend", "dormant"),
    "status.2": ("afgehaakt", "left"),
    "status.3": ("nog niet aangesloten", "not yet joined"),
    "vitality": ("vitaliteit", "vitality"),
    "org.contribution": ("inzet (deel van de toezegging)", "contribution (share of the pledge)"),
    "org.trust_given": ("vertrouwen in partners", "trust in partners"),
    "alignment": ("gedeelde ambitie", "shared ambition"),
    "hierarchy": ("hiërarchie in leiderschap", "hierarchy in leadership"),
    "accountability": ("verantwoordingsdruk", "accountability pressure"),
    "complexity": ("complexiteit", "complexity"),
    "structure_demand": ("vraag naar structuur", "demand for structure"),
    "uncertainty": ("onzekerheid", "uncertainty"),
    "ownership": ("eigenaarschap", "ownership"),
    "existential_questions": ("partners met bestaansvragen", "partners with existential questions"),
    "dip.label": ("Netwerkdip: de vitaliteit zakt {depth:.0%} onder de piek van week {start}.",
                  "Netwerkdip: vitality falls {depth:.0%} below its peak of week {start}."),
    "dip.drivers": ("In de aanloop: {drivers}.", "In the run-up: {drivers}."),
    "dip.none": ("geen duidelijke drijvende kracht gemeten", "no clear driver measured"),
    "dip.ratio": ("{name} ×{value:.1f}", "{name} ×{value:.1f}"),
    "dip.up": ("{name} +{value:.2f}", "{name} +{value:.2f}"),
    "dip.down": ("{name} −{value:.2f}", "{name} −{value:.2f}"),
    "doorstart.label": ("Doorstart: de vitaliteit herstelt tot {level:.2f} na een dal van {trough:.2f} in week {trough_week}.",
                        "Doorstart: vitality recovers to {level:.2f} after a trough of {trough:.2f} in week {trough_week}."),
}


def t(key: str, lang: Lang = "nl", **fmt) -> str:
    """The text for ``key`` in ``lang``, formatted with ``fmt``."""
    nl, en = TEXT[key]
    return (nl if lang == "nl" else en).format(**fmt)


def both(key: str, **fmt) -> dict[str, str]:
    """``{"label_nl": ..., "label_en": ...}`` for an event record."""
    return {"label_nl": t(key, "nl", **fmt), "label_en": t(key, "en", **fmt)}
