"""Reading a user's files safely: one size cap, one nesting limit, strict finite numbers, clear messages.

Scenario, comparison and sweep files all pass through :func:`read_toml` (at most
:data:`MAX_FILE_BYTES`, read with that cap so ``/dev/zero`` or a huge file costs nothing; a UTF-8
byte-order mark accepted; nesting at most :data:`MAX_DEPTH` levels) and are validated by models
derived from :class:`StrictModel`: no unknown fields, no ``true`` or ``"1e3"`` where a number
belongs (an integer where a real number belongs is fine), no ``inf`` or ``nan``, and every numeric
field with bounds. :func:`describe` turns a validation error into the line a person can act on:
file, field, value and what is allowed. Numbers that arrive outside a model (parameter overrides,
event parameters, sweep values) are checked by :func:`is_bounded_number`.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

MAX_FILE_BYTES = 10 * 2**20   # 10 MiB: a listed network of thousands of organisations fits; larger ones use groups
MAX_DEPTH = 32                # tables and arrays inside each other; the schemas need at most 5
BOM = b"\xef\xbb\xbf"


class StrictModel(BaseModel):
    """Base of every file schema: unknown fields, numbers as text or booleans, inf and nan are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)


def is_bounded_number(value: Any, low: float, high: float) -> bool:
    """True for a real number (not a bool, not text) that is finite and lies in [low, high]."""
    return (not isinstance(value, bool) and isinstance(value, (int, float)) and math.isfinite(value)
            and low <= value <= high)


def read_toml(path: str | Path, error: type[Exception], kind: str = "file") -> tuple[bytes, dict[str, Any]]:
    """The bytes of a TOML file and its contents, read with the size cap; ``error`` names what is wrong.

    A missing file, a folder, a file that is not UTF-8, larger than :data:`MAX_FILE_BYTES`, not
    TOML or nested deeper than :data:`MAX_DEPTH` raises ``error("<path>: ...")``.
    """
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise error(f"{path}: file not found") from None
    except (IsADirectoryError, PermissionError, OSError) as exc:
        raise error(f"{path}: cannot be read ({exc.__class__.__name__}: {exc.strerror or exc}); "
                    f"give a {kind} (a TOML text file)") from None
    if len(raw) > MAX_FILE_BYTES:
        special = "" if path.is_file() else " (not a regular file)"
        raise error(f"{path}: larger than {MAX_FILE_BYTES // 2**20} MiB{special}; a {kind} holds at most "
                    f"{MAX_FILE_BYTES // 2**20} MiB (large networks: use [[organisation_groups]] and [[forum_groups]])")
    try:
        text = raw.removeprefix(BOM).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not a UTF-8 text file (byte {exc.start}); save it as UTF-8") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path}: not valid TOML: {exc}") from None
    except RecursionError:
        raise error(f"{path}: tables or arrays nested too deeply to read; at most {MAX_DEPTH} levels are allowed") from None
    where = too_deep(data)
    if where is not None:
        raise error(f"{path}: field {where}: nested more than {MAX_DEPTH} levels deep; at most {MAX_DEPTH} allowed")
    return raw, data


def too_deep(data: Any, limit: int = MAX_DEPTH) -> str | None:
    """The path of the first value nested more than ``limit`` tables or arrays deep, or None."""
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, dict):
            children = [(v, f"{path}.{k}" if path else str(k)) for k, v in value.items()]
        elif isinstance(value, list):
            children = [(v, f"{path}[{i}]") for i, v in enumerate(value)]
        else:
            continue
        if depth >= limit:
            return path or "(top level)"
        stack.extend((v, p, depth + 1) for v, p in children)
    return None


# pydantic names the branch of a union in an error's location ("constrained-float", "Distribution", ...)
_BRANCH = re.compile(r"^(none|float|int|str|bool|constrained-\w+|(list|dict|literal|function-\w+)\[.*\])$")
_SHAPE = {"float_type", "int_type", "string_type", "bool_type", "list_type", "dict_type", "model_type",
          "model_attributes_type", "literal_error", "none_required"}   # the value has another type than this branch's
_ALLOWED = {
    "float_type": "a number is required (true/false and text in quotes are not numbers)",
    "int_type": "a whole number is required (no decimals, no true/false, no text in quotes)",
    "finite_number": "a finite number is required (not inf or nan)",
    "bool_type": "true or false is required",
    "string_type": "a text in quotes is required",
    "list_type": "a list [...] is required",
    "dict_type": "a table is required",
    "model_type": "a table is required",
    "model_attributes_type": "a table is required",
}


_BARE = re.compile(r"^[A-Za-z0-9_-]+$")   # a key TOML writes without quotes


def _is_branch(part: Any) -> bool:
    return isinstance(part, str) and (bool(_BRANCH.match(part)) or part in _model_names())


def _model_names() -> set[str]:
    names, todo = set(), [StrictModel]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return names


def field_name(loc: tuple) -> str:
    """``("organisations", 0, "constrained-float", "mandate")`` -> ``organisations[0].mandate``; a key that is no
    plain name is quoted as in TOML (``parameters."trust.forgetting"``, ``space."\\r"``)."""
    parts = [p for p in loc if not _is_branch(p)]
    name = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" if _BARE.match(str(p)) else f".{json.dumps(str(p))}"
                   for p in parts)
    return name.lstrip(".") or "(top level)"


def _relevant(errors: list[dict]) -> list[dict]:
    """Of a union's errors, those of the branches the value has the shape of (a number, a table, ...).

    A value that fits no branch's shape keeps every branch's complaint, so the message lists what each allows.
    """
    def shape_only(err: dict) -> bool:
        return err["type"] in _SHAPE and bool(err["loc"]) and _is_branch(err["loc"][-1])

    by_union: dict[tuple, list[dict]] = {}
    for err in errors:
        cut = next((i for i, p in enumerate(err["loc"]) if _is_branch(p)), len(err["loc"]))
        by_union.setdefault(tuple(err["loc"][:cut]), []).append(err)
    kept = []
    for errs in by_union.values():
        real = [e for e in errs if not shape_only(e)]
        kept += real or errs
    return kept


def describe(where: str, errors: list[dict], guide: str = "docs/model.md") -> str:
    """One line per field: ``<where>: field <name>: value <v> is not allowed: <what is allowed>``.

    A value that fits no branch of a union (a number or a distribution table) gets one line that
    lists what each branch allows.
    """
    by_field: dict[str, list[dict]] = {}
    for err in _relevant(errors):
        by_field.setdefault(field_name(err["loc"]), []).append(err)
    lines = []
    for name, errs in by_field.items():
        kind, value = errs[0]["type"], errs[0].get("input")
        if kind == "extra_forbidden":
            lines.append(f"{where}: field {name}: unknown field (value {_short(value)}); check the spelling against {guide}")
        elif kind == "missing":
            lines.append(f"{where}: field {name}: required but missing")
        else:
            allowed = "; or ".join(dict.fromkeys(_allowed(e) for e in errs))
            sep = "; " if allowed.startswith("allowed") else ": "
            lines.append(f"{where}: field {name}: value {_short(value)} is not allowed{sep}{allowed}")
    return "\n".join(lines)


def _allowed(err: dict) -> str:
    if err["type"] == "literal_error":
        return f"allowed: {err.get('ctx', {}).get('expected', '')}"
    return _ALLOWED.get(err["type"], err["msg"].removeprefix("Value error, "))


def _short(value: Any, limit: int = 200) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"
