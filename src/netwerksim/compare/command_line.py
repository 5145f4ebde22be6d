"""Options typed on the command line: ``--option "NAME[Label]: a.b=value, intervention@week(key=value)"``."""

from __future__ import annotations

import re
import tomllib
from typing import Any

from .spec import ComparisonError

OPTION_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]*$")
_HEAD = re.compile(r"^\s*([^\[:]*?)\s*(?:\[([^\]]*)\])?\s*$")
_EVENT = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)@([^()]+?)\s*(?:\((.*)\))?$")


def split_top(text: str, sep: str = ",") -> list[str]:
    """Split on ``sep`` outside brackets and parentheses."""
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += (ch in "[(") - (ch in "])")
        if ch == sep and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [p.strip() for p in [*parts, current] if p.strip()]


def value(text: str) -> Any:
    """A command-line value read as TOML (0.9, true, "x", [..]); anything else is a string."""
    try:
        return tomllib.loads(f"v = {text}")["v"]
    except (tomllib.TOMLDecodeError, RecursionError):
        return text


def parse_relevant(text: str | None) -> float | dict[str, float] | None:
    """``--relevant``: one number for every outcome (``0.05``), or one per outcome (``dip=0.05,
    vitality@52-104=0.02``; outcomes not named get none). Pairs separated by ';' may use decimal commas."""
    if text is None:
        return None
    try:
        if "=" not in text:
            return float(text.replace(",", "."))
        pairs = split_top(text, ";") if ";" in text else split_top(text)
        return {name.strip(): float(number.strip().replace(",", "."))
                for name, _, number in (pair.rpartition("=") for pair in pairs)}
    except ValueError:
        raise ComparisonError(f"--relevant: value {text!r} is not allowed; one number (0.05: the same for every "
                              "outcome, in its own unit) or OUTCOME=NUMBER pairs separated by ',' or ';'") from None


def parse_option(text: str) -> dict[str, Any]:
    """``"NAME[Label]: a.b=value, intervention@week(key=value, ...)"`` -> an option as in a comparison file.

    The label in square brackets is optional and is what the report calls the option (in both languages).
    Items are separated by commas; ``dotted.name=value`` sets a parameter or a scenario field, and
    ``intervention@week`` adds a registry entry to the timeline, with its parameters in parentheses;
    ``intervention@netwerkdip`` (or another report: ``V4``, ``conflict``, ...) is the partners' response to a
    report (``after=2``, ``repeat=true`` in the parentheses) or to a crossing (``@vitality < 0.6``),
    ``shock@0.02`` or ``shock@2/jaar`` a shock process (``between=[52, 156]``, ``cut=[0.1, 0.4]``)
    (:mod:`..timeline`).
    """
    head, colon, body = _split_head(text)
    m = _HEAD.match(head)
    name, label = (m.group(1), m.group(2)) if m else ("", None)
    if not colon or not OPTION_NAME.match(name or ""):
        raise ComparisonError(f"--option {text!r}: start with a name and a colon, e.g. "
                              "'gedeeld[Gedeelde regie]: governance.mode=shared, governance.lead=' (names: letters, "
                              "digits, '_', '-'; the label in [...] is optional)")
    option: dict[str, Any] = {"name": name, "set": {}, "events": []}
    if label is not None:
        if not label.strip():
            raise ComparisonError(f"--option {text!r}: the label between [ and ] is empty; write the option's name "
                                  "for the report there, e.g. gedeeld[Gedeelde regie]")
        option["label_nl"] = option["label_en"] = label.strip()
    for item in split_top(body):
        if m := _EVENT.match(item):
            kind, timing, inner = m.groups()
            event = {**_timing(timing), "type": kind}
            for pair in split_top(inner or ""):
                key, eq, val = pair.partition("=")
                if not eq:
                    raise ComparisonError(f"--option {text!r}: {pair!r} in {item!r} is not key=value")
                event[key.strip()] = value(val.strip())
            option["events"].append(event)
        else:
            key, eq, val = item.partition("=")
            if not eq or not key.strip():
                raise ComparisonError(f"--option {text!r}: {item!r} is neither name=value nor intervention@week")
            option["set"][key.strip()] = value(val.strip()) if val.strip() else ""
    return option


def _timing(token: str) -> dict[str, Any]:
    """``26`` -> at week 26, ``0.02`` -> a chance of 0.02 per week, ``2/jaar`` (or ``2/year``) -> twice a year
    on average, ``netwerkdip`` or ``vitality < 0.6`` -> in response to that report or crossing."""
    if token.isdigit():
        return {"at": int(token)}
    if re.fullmatch(r"\d*\.\d+", token):
        return {"rate": float(token)}
    if m := re.fullmatch(r"(\d*\.?\d+)\s*/\s*(?:jaar|year)", token):
        return {"per_year": float(m.group(1))}
    return {"when": token}


def _split_head(text: str) -> tuple[str, str, str]:
    """The part before the first colon outside the label's brackets, the colon, and the rest."""
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch == "[") - (ch == "]")
        if ch == ":" and depth == 0:
            return text[:i], ":", text[i + 1:]
    return text, "", ""
