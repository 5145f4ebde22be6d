"""Patterns of source 000 (Het 5V onderzoek: trust, learning and room in teams)."""

from __future__ import annotations

from .core import Pattern, arm, register
from .measures import progress_end


register(
    Pattern(
        id="000-craft-islands", facts=("000-4",), source="000 L396-402 (A-R23); 001 L683-685",
        claim_nl="Partners alle ruimte geven (loslaten) levert minder op dan veel maar begrensde ruimte: ambities "
                 "drijven weg naar eigen eilandjes.",
        claim_en="Giving partners all room (letting go) achieves less than much but bounded room: ambitions drift "
                 "to craft islands.",
        measure=progress_end, reads=("timeseries:progress",),
        arm=arm("schoolbesturen", fields={"governance.room": 0.7}),
        contrast=arm("schoolbesturen", fields={"governance.room": 1.0}),
        effect="ratio", direction="higher", threshold=1.05, links=("island_pull",),
        measured="30 seeds: x1.11 [1.09, 1.14] progress at week 156; with island_pull off x0.91"),
    Pattern(
        id="000-tight-steering", facts=("000-4",), source="000 L404-416 (A-R24); 004 L746-750",
        claim_nl="Strak sturen (weinig ruimte) levert veel minder op dan veel ruimte: verantwoordelijkheid groeit "
                 "alleen als niemand haar overneemt.",
        claim_en="Tight steering (little room) achieves much less than much room: responsibility only grows when "
                 "nobody takes it over.",
        measure=progress_end, reads=("timeseries:progress",),
        arm=arm("schoolbesturen", fields={"governance.room": 0.7}),
        contrast=arm("schoolbesturen", fields={"governance.room": 0.1}),
        effect="ratio", direction="higher", threshold=1.3, links=("steering_loss",),
        measured="30 seeds: x1.71 [1.65, 1.77] progress at week 156; with steering_loss off x0.89"),
)
