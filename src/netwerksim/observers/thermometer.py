"""The network's conflict thermometer as events: each change of level is a ``"conflict"`` event.

The level is that of the mean temperature of the ties between active members (003 L1127-1464);
the signature of each level is in mechanisms/conflict.py.
"""

from __future__ import annotations

from ..mechanisms.conflict import LEVELS, level

LEVEL_NAMES = {
    "friendly": ("vriendelijk", "friendly"),
    "vigilant": ("waakzaam", "vigilant"),
    "disagreement": ("onenigheid", "disagreement"),
    "conflict": ("conflict", "conflict"),
}
SIGNATURES = {
    "friendly": ("informatie wordt volledig gedeeld", "information is shared fully"),
    "vigilant": ("minder informatie gedeeld, onderwerpen worden vermeden", "less information shared, topics avoided"),
    "disagreement": ("afspraken worden afgezegd, men praat in posities", "appointments cancelled, people talk in positions"),
    "conflict": ("de interactie valt stil, partners haken af", "interaction breaks down, partners drop out"),
}


class Thermometer:
    """Reports the network's level whenever it changes."""

    def __init__(self):
        self.level = 0

    def observe(self, heat: float, week: int) -> list[dict]:
        new = int(level(heat))
        if new == self.level:
            return []
        old, self.level = self.level, new
        name = LEVELS[new]
        nl, en = LEVEL_NAMES[name]
        sig_nl, sig_en = SIGNATURES[name]
        direction = ("loopt op", "rises") if new > old else ("daalt", "falls")
        return [{"step": week, "type": "conflict", "level": new, "name": name, "heat": heat, "previous": old,
                 "label_nl": f"Conflictthermometer {direction[0]} naar '{nl}': {sig_nl}.",
                 "label_en": f"Conflict thermometer {direction[1]} to '{en}': {sig_en}."}]
