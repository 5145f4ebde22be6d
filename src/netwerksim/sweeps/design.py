"""Designs of a sweep in unit coordinates: grid, random, and SALib's Latin hypercube, Sobol and Morris."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

import numpy as np

from ..extras import require

if TYPE_CHECKING:
    from .spec import Dimension


def salib_problem(names: list[str]) -> dict[str, Any]:
    """SALib's problem: the space in unit coordinates; values are scaled (or categories split) per axis."""
    return {"num_vars": len(names), "names": list(names), "bounds": [[0.0, 1.0]] * len(names)}


def make_design(design: str, dims: tuple[Dimension, ...], *, samples: int | None, levels: int,
                second_order: bool, seed: int) -> np.ndarray:
    """The design matrix in unit coordinates (points x dimensions), in the order SALib's analysers expect."""
    d = len(dims)
    if d == 0:
        return np.zeros((0, 0))
    problem = salib_problem([x.name for x in dims])
    # the design's own random stream, apart from the runs' seeds (SeedSequence(seed).spawn)
    design_seed = int(np.random.SeedSequence([seed, 0x5EED]).generate_state(1)[0])
    if design == "grid":
        axes = [x.grid(levels) for x in dims]
        return np.array(list(itertools.product(*axes)), dtype=float)
    if design == "random":
        return np.random.default_rng(design_seed).random((samples, d))
    require("sweep", "SALib")   # the designs below are SALib's
    if design == "lhs":
        from SALib.sample import latin  # noqa: PLC0415 (SALib only when a design needs it)
        return latin.sample(problem, samples, seed=design_seed)
    if design == "sobol":
        from SALib.sample import sobol  # noqa: PLC0415
        return sobol.sample(problem, samples, calc_second_order=second_order, seed=design_seed)
    from SALib.sample import morris  # noqa: PLC0415
    return morris.sample(problem, samples, num_levels=levels, seed=design_seed)
