"""netwerksim: agent-based simulation of collaboration in networks of organisations and professionals.

The public API: ``NetwerkModel``, ``load_scenario``, ``run`` and ``RunResult``; ``compare`` (the
advisor's comparison of options, returning a ``ComparisonResult``) and ``run_summary`` (one run's
metrics, the picklable worker for comparisons and sweeps).
"""

from .compare import ComparisonError, ComparisonResult, compare, load_comparison
from .experiment import RunSpec, run_summary
from .model import NetwerkModel
from .runner import RunResult, load_result, run
from .scenario import Scenario, ScenarioError, load_scenario

__all__ = ["ComparisonError", "ComparisonResult", "NetwerkModel", "RunResult", "RunSpec", "Scenario", "ScenarioError",
           "compare", "load_comparison", "load_result", "load_scenario", "run", "run_summary"]
