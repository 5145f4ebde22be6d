"""netwerksim: agent-based simulation of collaboration in networks of organisations and professionals.

The public API: ``NetwerkModel``, ``load_scenario``, ``run`` and ``RunResult``.
"""

from .model import NetwerkModel
from .runner import RunResult, load_result, run
from .scenario import Scenario, ScenarioError, load_scenario

__all__ = ["NetwerkModel", "RunResult", "Scenario", "ScenarioError", "load_result", "load_scenario", "run"]
