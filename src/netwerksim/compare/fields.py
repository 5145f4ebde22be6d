"""Scenario fields by path, for options of comparisons and the factors of sweeps.

``organisations[GGZ Midden].mandate``, ``forums[stuurgroep].frequency``, ``organisations[*].workload``,
``organisations[kind:municipality].mandate``: a dotted path whose list elements are chosen by name or
id, all (``*``) or by kind; an empty value restores a field's default.
"""

from __future__ import annotations

import re
from typing import Any

SETTABLE = ("governance", "organisations", "organisation_groups", "issues", "forums", "forum_groups", "funders")
_PART = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]]+)\])?$")


def split_path(path: str) -> list[str]:
    """``organisations[GGZ Midden].mandate`` -> ["organisations[GGZ Midden]", "mandate"] (dots inside [] kept)."""
    parts, depth, current = [], 0, ""
    for ch in path:
        depth += (ch == "[") - (ch == "]")
        if ch == "." and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [*parts, current]


def _select(items: list, selector: str) -> list[dict]:
    if selector == "*":
        return [i for i in items if isinstance(i, dict)]
    if selector.startswith("kind:"):
        return [i for i in items if isinstance(i, dict) and i.get("kind") == selector.removeprefix("kind:")]
    return [i for i in items if isinstance(i, dict) and selector in (i.get("name"), i.get("id"))]


def set_field(data: dict, path: str, value: Any) -> None:
    """Set a scenario field by path; list elements by [name or id], [*] or [kind:<kind>]; "" restores the default."""
    parts = split_path(path)
    nodes = [data]
    for depth, part in enumerate(parts):
        m = _PART.match(part)
        if not m:
            raise ValueError(f"cannot read {part!r}; write fields as group.field and list elements as "
                             "list[name], list[*] or list[kind:<kind>]")
        key, selector = m.groups()
        last = depth == len(parts) - 1
        following = []
        for node in nodes:
            if key not in node and (selector is not None or not last):
                raise ValueError(f"unknown field {key!r}; allowed here: {sorted(node)}")
            if selector is not None:
                if not isinstance(node[key], list):
                    raise ValueError(f"{key!r} is not a list; [...] chooses elements of a list")
                chosen = _select(node[key], selector)
                names = [i.get("name", i.get("id")) for i in node[key] if isinstance(i, dict)]
                if not chosen:
                    raise ValueError(f"no element of {key!r} matches [{selector}]; allowed: {names}, '*' or 'kind:<kind>'")
                if last:
                    raise ValueError(f"say which field of {key}[{selector}] to set, e.g. {key}[{selector}].<field>")
                following += chosen
            elif last:
                if value == "":
                    node.pop(key, None)
                else:
                    node[key] = value
            elif isinstance(node[key], list):
                raise ValueError(f"{key!r} is a list: choose elements with {key}[name], {key}[*] or {key}[kind:<kind>]")
            elif not isinstance(node[key], dict):
                raise ValueError(f"{key!r} is a value, not a group of fields")
            else:
                following.append(node[key])
        nodes = following
