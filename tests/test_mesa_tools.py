"""Mesa's own tools on NetwerkModel (issue 18 item 2): DataCollector, batch_run, SolaraViz, running."""

from __future__ import annotations

import multiprocessing

import numpy as np
import pandas as pd
import pytest

from netwerksim.agents import Organisation
from netwerksim.model import NetwerkModel, NetwerkScenario
from netwerksim.runner import collect, run


def test_datacollector_agrees_with_the_fast_record():
    """Every time-series column and every organisation indicator, week by week, equal in both records."""
    model = NetwerkModel("zorgnetwerk", rng=4, steps=30)
    model.run_model()
    fast = collect(model)
    mesa_rows = model.datacollector.get_model_vars_dataframe()
    assert len(mesa_rows) == len(fast.timeseries) == 31
    expected = fast.timeseries.drop(columns="week")
    pd.testing.assert_frame_equal(mesa_rows[expected.columns].reset_index(drop=True), expected, check_dtype=False)
    agents = model.datacollector.get_agenttype_vars_dataframe(Organisation).reset_index()
    agents["week"] = agents["Step"].astype(int)
    agents["organisation"] = [model.organisations[i - 1].name for i in agents["AgentID"]]
    both = fast.organisations.merge(agents, on=["week", "organisation"], suffixes=("", "_mesa"))
    assert len(both) == len(fast.organisations) > 0
    for column in ("status", "contribution", "perceived_value", "trust_given", "energy", "meeting_hours"):
        assert (both[column] == both[f"{column}_mesa"]).all(), column


def test_running_turns_false_at_the_last_week():
    model = NetwerkModel("zorgnetwerk", rng=1, steps=5)
    seen = []
    while model.running:
        model.step()
        seen.append(model.running)
    assert seen == [True, True, True, True, False] and model.week == 5


@pytest.fixture
def restore_start_method():
    """batch_run sets multiprocessing's start method for the whole process; put the old one back."""
    before = multiprocessing.get_start_method(allow_none=True)
    yield
    multiprocessing.set_start_method(before, force=True)


def test_batch_run_varies_scenario_and_parameters_by_keyword(restore_start_method):
    """`mesa.batch_run(NetwerkModel, parameters=...)` with scenario, weeks and a dotted parameter as
    ``meeting__base_attendance``: every run ends where `netwerksim.run` with the same values ends."""
    import mesa

    rows = pd.DataFrame(mesa.batch_run(
        NetwerkModel, parameters={"scenario": ["zorgnetwerk", "wijkteam"], "steps": 12,
                                  "meeting__base_attendance": [0.4, 0.95]},
        rng=[3, 8], max_steps=10_000, display_progress=False))
    runs = rows.drop_duplicates("RunId")
    assert len(runs) == 8 and set(runs["Step"]) == {12.0}   # stopped by model.running, not by max_steps
    for _, r in runs.iterrows():
        alone = run(r["scenario"], seed=int(r["rng"]), steps=12,
                    params={"meeting.base_attendance": r["meeting__base_attendance"]}).timeseries.iloc[-1]
        assert r["vitality"] == pytest.approx(alone["vitality"], abs=0)
        assert r["mean_trust"] == pytest.approx(alone["mean_trust"], abs=0)
    # organisation rows (agent-type reporters) come with each run
    assert {"AgentID", "contribution", "status"} <= set(rows.columns)
    assert rows.groupby("RunId").size().min() > 1


def test_unknown_keyword_parameter_is_named():
    from netwerksim.params import ParameterError

    with pytest.raises(ParameterError, match="meeting.base_attendence"):
        NetwerkModel("zorgnetwerk", meeting__base_attendence=0.5)


def test_model_scenario_is_mesas_record_of_the_run():
    """``model.spec`` is netwerksim's scenario; ``model.scenario`` Mesa's Scenario naming network, rng, weeks and
    parameters; a model made from that record is the same run."""
    a = NetwerkModel("wijkteam", rng=6, steps=10, trust__forgetting=0.9)
    assert isinstance(a.scenario, NetwerkScenario)
    assert (a.scenario.network, a.scenario.rng, a.scenario.steps, a.scenario.trust__forgetting) == ("wijkteam", 6, 10, 0.9)
    b = NetwerkModel(scenario=NetwerkScenario(**dict(a.scenario)))
    a.run_model()
    b.run_model()
    assert b.params.trust.forgetting == 0.9 and b.week == 10
    assert [r["vitality"] for r in a.rows] == [r["vitality"] for r in b.rows]


def test_solaraviz_renders_and_its_controls_step_and_reset():
    """Mesa's SolaraViz with ``netwerksim.mesa_viz``: the page renders; Step advances a week; Reset makes the
    model the inputs describe (another network, seed, weeks and a parameter slider)."""
    solara = pytest.importorskip("solara")
    import ipyvuetify as v
    from mesa.visualization.solara_viz import ModelController, UserInputs

    from netwerksim.mesa_viz import components, model_params, viz

    solara.render(viz("zorgnetwerk"), handle_error=False)
    params = model_params("zorgnetwerk")
    slider = params["meeting__base_attendance"]
    assert (slider["min"], slider["max"], slider["value"]) == (0, 1, 0.9)

    _, rc = solara.render(UserInputs({k: v_ for k, v_ in params.items() if k != "rng"}, on_change=lambda *a: None),
                          handle_error=False)
    labels = {s.label for s in rc.find(v.Slider).widgets}
    assert any(label.startswith("meeting.base_attendance") for label in labels)

    model = solara.reactive(NetwerkModel("zorgnetwerk", rng=5))
    chosen = solara.reactive({"network": "wijkteam", "rng": "9", "steps": 30, "meeting__base_attendance": 0.5})
    _, rc = solara.render(ModelController(model, model_parameters=chosen, render_interval=solara.reactive(1),
                                          play_interval=solara.reactive(100), use_threads=solara.reactive(False)),
                          handle_error=False)
    buttons = {b.children[0]: b for b in rc.find(v.Btn).widgets}
    buttons["Step"].click()
    buttons["Step"].click()
    assert model.value.week == 2
    buttons["Reset"].click()
    m = model.value
    assert (m.week, m.scenario.network, m.seed, m.spec.meta.steps, m.params.meeting.base_attendance) == \
        (0, "wijkteam", 9, 30, 0.5)
    # the plot components read the DataCollector
    plot, _page = components(["vitality"])[0]
    m.step()
    solara.render(plot(m), handle_error=False)
    assert np.isfinite(m.datacollector.get_model_vars_dataframe()["vitality"]).all()
