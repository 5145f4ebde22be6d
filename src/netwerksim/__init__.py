"""netwerksim: agent-based simulation of collaboration in networks of organisations and professionals.

The public API: ``NetwerkModel``, ``load_scenario``, ``run`` and ``RunResult``; ``compare`` (the
advisor's comparison of options, returning a ``ComparisonResult``) and ``run_summary`` (one run's
metrics, the picklable worker for comparisons and sweeps); ``sweep`` (a researcher's parameter sweep,
returning a DataFrame with one row per run; ``netwerksim.sweeps``) and ``analyse`` (Morris or Sobol
indices of a finished sweep; ``netwerksim.sensitivity``); ``generate_network`` and ``ensemble`` (random
networks as scenario dicts, ``netwerksim.generator``).
"""

from .compare import ComparisonError, ComparisonResult, compare, load_comparison
from .experiment import RunSpec, run_summary
from .generator import ensemble, generate_network
from .model import NetwerkModel
from .runner import RunResult, load_result, run
from .scenario import Scenario, ScenarioError, load_scenario
from .sensitivity import analyse
from .sweeps import SweepError, load_sweep, run_point, sweep

__all__ = ["ComparisonError", "ComparisonResult", "NetwerkModel", "RunResult", "RunSpec", "Scenario", "ScenarioError",
           "SweepError", "analyse", "compare", "ensemble", "generate_network", "load_comparison", "load_result",
           "load_scenario", "load_sweep", "run", "run_point", "run_summary", "sweep"]
