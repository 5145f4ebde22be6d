"""The pattern registry: every stylised fact of the sources as a pre-registered pattern with its causes.

One module per source (:mod:`.s000` ... :mod:`.s004`) registers its patterns (:class:`Pattern`,
:func:`register`); :func:`evaluate` runs them at the defaults, with each named link switched off (the
mutation matrix), over a Latin hypercube (robustness) and over the Morris parameters (the
all-patterns region); :mod:`.report` writes ``validation.md``, ``patterns.csv`` and the coverage
ledger ``docs/bronnen.md``. ``netwerksim patterns`` is the command; docs/onderzoekersgids.md says how
to register a pattern.
"""

from __future__ import annotations

import importlib

from .core import PATTERNS, Arm, Pattern, arm, register, select
from .engine import PatternResult, Validation, evaluate, region_summary
from .stats import Estimate, estimate

SOURCES = ("s000", "s001", "s002", "s003", "s004")


def load_all() -> dict[str, Pattern]:
    """Import every source module (each registers its patterns once) and return the registry."""
    for name in SOURCES:
        importlib.import_module(f"{__name__}.{name}")
    return PATTERNS


__all__ = ["PATTERNS", "Arm", "Estimate", "Pattern", "PatternResult", "Validation", "arm", "estimate", "evaluate",
           "load_all", "region_summary", "register", "select"]
