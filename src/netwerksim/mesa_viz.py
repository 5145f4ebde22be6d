"""NetwerkModel in Mesa's own SolaraViz (``pip install netwerksim[mesa-viz]``), for researchers who know Mesa.

The workshop app (``netwerksim app``) is the trainers' interface; this is the plain Mesa one:

    from netwerksim.mesa_viz import viz
    page = viz("zorgnetwerk")             # in a notebook, or `solara run` a file that sets ``page``

:func:`model_params` gives SolaraViz's inputs: the scenario (a bundled name, as ``network``), the seed, the weeks and
sliders for model parameters under their keyword names (``meeting__base_attendance``; see
``params.keyword``), each with its range and default from ``params.py``.
"""

from __future__ import annotations

from typing import Any, Iterable

from .extras import require
from .params import PARAMETERS, keyword

# a handful of levers the sources discuss most (the full list: `netwerksim params`)
DEFAULT_PARAMETERS = ("meeting.base_attendance", "trust.forgetting", "meeting.accountability_share",
                      "context.turbulence_decay")
DEFAULT_MEASURES = ("vitality", "mean_trust", "joint_contribution", "mean_energy")


def model_params(scenario: str = "zorgnetwerk", parameters: Iterable[str] = DEFAULT_PARAMETERS,
                 seed: int | None = None) -> dict[str, Any]:
    """SolaraViz's ``model_params`` for :class:`~netwerksim.model.NetwerkModel`: scenario, seed, weeks, sliders."""
    from .scenario import bundled_names, load_scenario  # noqa: PLC0415

    spec = load_scenario(scenario)
    out: dict[str, Any] = {
        # "network", not "scenario": SolaraViz's Reset passes ``scenario=`` a Mesa Scenario (model.NetwerkScenario)
        "network": {"type": "Select", "value": scenario, "values": bundled_names(), "label": "scenario"},
        "rng": {"type": "InputText", "value": str(spec.meta.seed if seed is None else seed), "label": "seed"},
        "steps": {"type": "SliderInt", "value": spec.meta.steps, "min": 1, "max": max(520, spec.meta.steps),
                  "step": 1, "label": "weeks"},
    }
    for name in parameters:
        p = PARAMETERS[name]
        value = float(spec.parameters.get(name, p.default))
        out[keyword(name)] = {"type": "SliderFloat", "value": value, "min": p.low, "max": p.high,
                              "step": (p.high - p.low) / 100, "label": f"{name} ({p.unit})"}
    return out


def components(measures: Iterable[str] = DEFAULT_MEASURES) -> list:
    """Line charts of time-series columns (read from the model's DataCollector) for SolaraViz."""
    from mesa.visualization import make_plot_component  # noqa: PLC0415

    return [make_plot_component(m) for m in measures]


def viz(scenario: str = "zorgnetwerk", *, parameters: Iterable[str] = DEFAULT_PARAMETERS,
        measures: Iterable[str] = DEFAULT_MEASURES, seed: int | None = None):
    """A SolaraViz page of a NetwerkModel of ``scenario``, with :func:`model_params` and :func:`components`."""
    require("mesa-viz")
    from mesa.visualization import SolaraViz  # noqa: PLC0415

    from .model import NetwerkModel  # noqa: PLC0415

    params = model_params(scenario, parameters, seed)
    model = NetwerkModel(scenario, rng=int(params["rng"]["value"]))
    return SolaraViz(model, components=components(measures), model_params=params, name="netwerksim")
