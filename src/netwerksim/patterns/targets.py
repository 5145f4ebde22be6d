"""The numbers the sources give, as targets with tolerances where the model has a corresponding quantity.

Most facts in the sources are qualitative; a few give numbers (issue 15 item 4). Each is listed
here with its line. Where the model has a quantity that corresponds to it, the number is a target
with a tolerance stated beforehand, measured over seeds and reported beside the patterns; where
the number is an input of a scenario or a parameter, or the model has nothing that corresponds, the
report says so, and why. No parameter is tuned to these targets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from ..mechanisms.conflict import level
from .core import Arm, Pattern, arm

CONFLICT_AFTER_WIN = 13     # subsidiealliantie: the subsidy is won in week 13 (its timeline)


@dataclass(frozen=True)
class Target:
    """A number from a source: what it says, the model's corresponding quantity (or why there is none)."""

    id: str
    source: str
    says_nl: str
    says_en: str
    target: float | None = None          # None: no corresponding quantity, or an input (see ``why``)
    tolerance: float = 0.0
    unit: str = ""
    measure: Callable[[Any], float] | None = None
    arm: Arm | None = None
    seeds: int = 30
    why_nl: str = ""
    why_en: str = ""

    @property
    def measured(self) -> bool:
        return self.target is not None and self.measure is not None

    def says(self, lang: str) -> str:
        return self.says_nl if lang == "nl" else self.says_en

    def why(self, lang: str) -> str:
        return self.why_nl if lang == "nl" else self.why_en

    def as_pattern(self) -> Pattern:
        """A pattern-shaped request for the runs (never registered: a target names no cause)."""
        return Pattern(id=f"target:{self.id}", facts=(), source=self.source, claim_nl=self.says_nl, claim_en=self.says_en,
                       measure=self.measure, arm=self.arm, effect="mean", direction="higher",
                       threshold=self.target - self.tolerance, links=(), reads=(), seeds=self.seeds)

    def within(self, value: float) -> bool:
        return abs(value - self.target) <= self.tolerance


def weeks_to_disagreement_after_win(result) -> float:
    """Weeks from the subsidy's win (week 13) to the first week the network's thermometer reads disagreement."""
    heat = result.timeseries["heat"].to_numpy()
    hot = np.flatnonzero(level(heat) >= 2)
    return float(hot[0] - CONFLICT_AFTER_WIN) if len(hot) else float("nan")


def share_crowded_out(result) -> float:
    """Share of the team's organisations whose casework is above the normal load (contribution.workload_normal,
    0.5), i.e. where casework crowds out network work and learning, in the first week."""
    orgs = result.organisations
    first = orgs[orgs["week"] == orgs["week"].min()]
    return float((first["workload"] > 0.5).mean())


TARGETS: tuple[Target, ...] = (
    Target("room-to-learn", "001 L312-318",
           "Bijna de helft (49%) van 116 wijkteammedewerkers ervaart onvoldoende ontwikkelingsruimte, vooral door "
           "tijdgebrek (26 van 36 toelichtingen, L326-336).",
           "Almost half (49%) of 116 wijkteam workers experience too little room to develop, mostly for lack of time "
           "(26 of 36 explanations, L326-336).",
           target=0.49, tolerance=0.15, unit="share", measure=share_crowded_out, arm=arm("wijkteam", steps=1), seeds=30,
           why_nl="Het model kent geen ervaren ruimte; het dichtst erbij komt het aandeel organisaties van het wijkteam "
                  "waarvan het casuswerk boven de normale belasting ligt (contribution.workload_normal): daar verdringt "
                  "het netwerkwerk en leren. Dat is een invoer van het scenario, geen uitkomst van het model.",
           why_en="The model has no experienced room; the closest is the share of the wijkteam's organisations whose "
                  "casework is above the normal load (contribution.workload_normal): there it crowds out network work "
                  "and learning. That is an input of the scenario, not an outcome of the model."),
    Target("informal-learning", "001 L250-260",
           "Samenwerken met collega's en experimenteren in het eigen werk helpen 84% en 79% (zeer) veel; e-learning, "
           "loopbaanbudget en leergemeenschappen 22-32%.",
           "Collaborating with colleagues and experimenting in one's own work help 84% and 79% (very) much; e-learning, "
           "career budgets and learning communities 22-32%.",
           why_nl="Het model kent geen leervormen van individuele professionals: leren is ideeën en begrip per opgave.",
           why_en="The model has no learning modes of individual professionals: learning is ideas and understanding "
                  "per issue."),
    Target("forty-days", "002 L3131-3134",
           "Houd een experiment 40 dagen vol.", "Keep an experiment going for 40 days.",
           why_nl="Een invoer, geen uitkomst: een experiment duurt innovation.duration = 6 weken (42 dagen), met deze "
                  "regel als bron.",
           why_en="An input, not an outcome: an experiment lasts innovation.duration = 6 weeks (42 days), citing this "
                  "line."),
    Target("eighteen-months", "003 L2497-2513, L2569-2572",
           "Anderhalf jaar na het binnenhalen van de subsidie was er niets over van de eensgezindheid; de initiatiefnemer "
           "had ruzie met iedereen.",
           "Eighteen months after winning the subsidy nothing was left of the unity; the initiator had quarrels with "
           "everyone.",
           target=78.0, tolerance=26.0, unit="weeks", measure=weeks_to_disagreement_after_win, arm=arm("subsidiealliantie"),
           why_nl="Gemeten als weken van de winst (week 13) tot de conflictthermometer op onenigheid staat, in "
                  "subsidiealliantie; tolerantie een half jaar. Sinds issue 14 (geen parametersprong meer bij de "
                  "winst) bereikt die onenigheid in 2 van 30 runs: niet gereproduceerd.",
           why_en="Measured as weeks from the win (week 13) until the conflict thermometer reads disagreement, in "
                  "subsidiealliantie; tolerance half a year. Since issue 14 (no parameter jump at the win) it "
                  "reaches disagreement in 2 of 30 runs: not reproduced."),
    Target("dip-timing", "003 L4614-4618",
           "Na een aanvankelijk energieke start stagneert de netwerkontwikkeling 'in de loop van de tijd'.",
           "After an initially energetic start network development stagnates 'in the course of time'.",
           why_nl="De bron noemt geen termijn (geen 'na het eerste jaar of twee': die woorden staan niet in de bronnen); "
                  "er is dus geen getal om op te toetsen.",
           why_en="The source gives no period (no 'after the first year or two': those words are not in the sources); "
                  "so there is no number to test against."),
)
