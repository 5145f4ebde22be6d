"""Keyed random streams: one generator per purpose and week, whatever any other purpose drew before.

With a single generator for the whole run, a counterfactual that changes one mechanism (fewer people at
a table, one draw more or less) shifts every later draw of every mechanism, so two branches of the same
seed diverge from the first week and their difference is noise, not the mechanism's effect
(shared/research/validation_methods.md §2.2; Buffalo, Pearson & Klein 2026, event-keyed common random
numbers). Here each mechanism asks for the stream of (run key, purpose, week): the same numbers serve the
same purpose in every branch, a snapshot needs nothing but the run key to continue exactly, and a
paired comparison of options shares its randomness purpose by purpose. Draws are of a fixed size (one
number per tie or membership, used or not), so what one purpose uses never depends on another's state.
"""

from __future__ import annotations

import zlib

import numpy as np


def purpose_id(purpose: str) -> int:
    """A stable number for a purpose's name (the same in every process and Python version)."""
    return zlib.crc32(purpose.encode("utf-8"))


class Streams:
    """The run's random streams, keyed by ``key`` (drawn once from the model's seed)."""

    def __init__(self, key: int):
        self.key = int(key)

    def __call__(self, purpose: str, week: int, *more: int) -> np.random.Generator:
        """The generator for ``purpose`` in ``week`` (``more``: further keys, e.g. the n-th press that week)."""
        return np.random.default_rng([self.key, purpose_id(purpose), int(week), *map(int, more)])
