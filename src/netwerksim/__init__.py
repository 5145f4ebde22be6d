"""netwerksim: agent-based simulation of collaboration in networks of organisations and professionals.

The public API: ``NetwerkModel``, ``load_scenario``, ``run`` and ``RunResult``; ``compare`` (the
advisor's comparison of options, returning a ``ComparisonResult``) and ``run_summary`` (one run's
metrics, the picklable worker for comparisons and sweeps); ``sweep`` (a researcher's parameter sweep,
returning a DataFrame with one row per run; ``netwerksim.sweeps``) and ``analyse`` (Morris or Sobol
indices of a finished sweep; ``netwerksim.sensitivity``); ``generate_network`` and ``ensemble`` (random
networks as scenario dicts, ``netwerksim.generator``) and ``national_network`` (the Dutch care and welfare sector
in regions); ``attribute`` (why each netwerkdip of a stepped model
happened, by counterfactual replay, ``netwerksim.explain``).

Names are imported when first used (PEP 562 ``__getattr__``): ``import netwerksim`` and the command's
``--help`` load neither numpy nor Mesa.
"""

import sys
from importlib import import_module
from types import ModuleType

_WHERE = {
    "ComparisonError": "compare", "ComparisonResult": "compare", "compare": "compare", "load_comparison": "compare",
    "RunSpec": "experiment", "run_summary": "experiment",
    "attribute": "explain",
    "NetwerkModel": "model",
    "RunResult": "runner", "load_result": "runner", "run": "runner",
    "Scenario": "scenario", "ScenarioError": "scenario", "load_scenario": "scenario",
    "ensemble": "generator", "generate_network": "generator", "national_network": "generator",
    "analyse": "sensitivity",
    "SweepError": "sweeps", "load_sweep": "sweeps", "run_point": "sweeps", "sweep": "sweeps",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module 'netwerksim' has no attribute {name!r}")
    value = getattr(import_module(f".{_WHERE[name]}", __name__), name)
    globals()[name] = value   # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])


class _Package(ModuleType):
    """``netwerksim.compare`` stays the function: importing the submodule of that name must not replace it."""

    def __setattr__(self, name: str, value) -> None:
        if name in _WHERE and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
