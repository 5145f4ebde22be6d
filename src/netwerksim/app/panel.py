"""The intervention panel's contents, generated from the registry (interventions.REGISTRY).

Groups for the trainer: the four restart ingredients (003 L4805-4935) and the five pattern breakers
(002 L615-649) by name; every other entry by its registry kind (intervention, governance, shock).
A new registry entry appears in the panel by itself. ``set_parameter`` is left out: it is a modeller's
tool (a dotted parameter name and a number), not a workshop button.
"""

from __future__ import annotations

from ..interventions import REGISTRY, TARGET, Entry

RESTART = ("joint_fact_finding", "building_blocks", "sub_coalitions", "shared_leadership_team")
PATTERN_BREAKERS = ("change_of_persons", "change_of_context", "change_of_thinking", "change_of_doing", "change_in_time")
NOT_IN_PANEL = ("set_parameter",)
GROUPS = ("restart", "pattern", "relational", "governance", "shock")   # i18n keys app.group.<group>


def group_of(entry: Entry) -> str:
    if entry.name in RESTART:
        return "restart"
    if entry.name in PATTERN_BREAKERS:
        return "pattern"
    return {"intervention": "relational", "governance": "governance", "shock": "shock"}[entry.kind]


def panel_groups() -> dict[str, list[Entry]]:
    """Group -> entries, in the registry's order."""
    groups: dict[str, list[Entry]] = {g: [] for g in GROUPS}
    for entry in REGISTRY.values():
        if entry.name not in NOT_IN_PANEL:
            groups[group_of(entry)].append(entry)
    return groups


def needs_target(entry: Entry) -> str | None:
    """The option naming an organisation that the trainer must choose (no default), if any."""
    return next((k for k, o in entry.options.items() if o.choices == TARGET and o.default is None), None)
