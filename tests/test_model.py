"""The model as a whole: reproducibility, memory, interventions, agents as views."""

import gc
import weakref

import numpy as np
import pandas as pd
import pytest

from netwerksim import NetwerkModel, load_scenario, run


def test_same_scenario_and_seed_give_identical_frames():
    a, b = run("zorgnetwerk", seed=5, steps=60), run("zorgnetwerk", seed=5, steps=60)
    pd.testing.assert_frame_equal(a.timeseries, b.timeseries)
    pd.testing.assert_frame_equal(a.organisations, b.organisations)
    assert a.events == b.events


def test_different_seeds_differ():
    a, b = run("zorgnetwerk", seed=5, steps=60), run("zorgnetwerk", seed=6, steps=60)
    assert not a.timeseries["mean_trust"].equals(b.timeseries["mean_trust"])


def _rows(model) -> pd.DataFrame:
    return pd.DataFrame(model.rows)


def test_continuing_from_a_snapshot_is_bit_identical():
    """A snapshot at week 40, stepped on, gives exactly the run that never stopped (rows, events, organisations)."""
    straight = NetwerkModel("zorgnetwerk", rng=11)
    for _ in range(80):
        straight.step()
    paused = NetwerkModel("zorgnetwerk", rng=11)
    for _ in range(40):
        paused.step()
    snap = paused.snapshot()
    for _ in range(7):        # the original goes its own way; the snapshot is not touched by it
        paused.step()
    branch = snap.branch()
    for _ in range(40):
        branch.step()
    pd.testing.assert_frame_equal(_rows(branch), _rows(straight))
    assert branch.events == straight.events
    assert snap.week == 40 and len(snap.rows) == 41
    for (wa, a), (wb, b) in zip(branch.organisation_rows, straight.organisation_rows, strict=True):
        assert wa == wb and all(np.array_equal(a[c], b[c]) for c in a)


def test_draws_for_one_purpose_leave_every_other_stream_as_it_was():
    """Keyed streams: extra draws (by an intervention, a probe, or Mesa's own generator) shift nothing else,
    so two branches of a seed share their random numbers purpose by purpose (validation_methods.md §2.2)."""
    plain = NetwerkModel("zorgnetwerk", rng=4)
    probed = NetwerkModel("zorgnetwerk", rng=4)
    for week in range(30):
        if week in (3, 10):
            probed.stream("probe").random(1000)
            probed.rng.random(1000)
            probed.random.random()
        plain.step()
        probed.step()
    pd.testing.assert_frame_equal(_rows(probed), _rows(plain))


def test_a_finished_model_can_be_garbage_collected():
    model = NetwerkModel("zorgnetwerk", rng=1)
    for _ in range(5):
        model.step()
    ref = weakref.ref(model)
    del model
    gc.collect()
    assert ref() is None


def test_agents_are_views_on_the_state():
    m = NetwerkModel("zorgnetwerk", rng=1)
    hospital = m.organisations[0]
    assert hospital.name == "Ziekenhuis Rivierland" and hospital.kind == "hospital"
    assert len(hospital.professionals) == 24
    assert all(p.organisation is hospital for p in hospital.professionals)
    m.state.orgs.contribution[0] = 0.123
    assert hospital.contribution == 0.123
    assert len(m.agents) == len(m.organisations) + len(m.professionals)


def test_an_intervention_takes_effect_from_the_next_step_and_is_logged(small):
    m = NetwerkModel(load_scenario(small), rng=1)
    m.step()
    before = m.state.profs.workload.copy()
    m.intervene("staff_shortage", amount=0.3, target="Zorg")
    assert np.array_equal(m.state.profs.workload, before)
    m.step()
    hit = m.state.profs.org == 0
    assert np.allclose(m.state.profs.workload[hit], np.clip(before[hit] + 0.3, 0, 1))
    assert np.array_equal(m.state.profs.workload[~hit], before[~hit])
    logged = [e for e in m.events if e["type"] == "shock"]
    assert logged and logged[0]["step"] == 2 and logged[0]["name"] == "staff_shortage"


def test_unknown_intervention_is_refused(small):
    m = NetwerkModel(load_scenario(small), rng=1)
    with pytest.raises(KeyError, match="unknown intervention"):
        m.intervene("magic")


def test_seed_typed_as_text_is_accepted(small):
    a = NetwerkModel(load_scenario(small), rng="7")
    b = NetwerkModel(load_scenario(small), rng=7)
    a.step()
    b.step()
    assert np.array_equal(a.state.ties.r, b.state.ties.r)


def test_co_location_builds_trust_faster_than_remote_tables_over_many_seeds(small):
    """Counterfactual over 20 seeds: the same remote table, with and without co-location."""
    small["forums"][0]["physical"] = False
    def trust(extra):
        return np.array([run(small, seed=s, steps=30, interventions=extra).timeseries["mean_trust"].iloc[-1]
                         for s in range(20)])
    remote, together = trust([]), trust([(1, "co_location", {})])
    assert (together - remote).mean() > 0.03
    assert (together > remote).mean() >= 0.9


def test_professionals_are_made_when_first_asked_for_and_mesa_sees_them():
    """The professionals' agent objects are made lazily; Mesa's agents, agent_types and agents_by_type still list
    them, with the ids they had when they were made with the model (after the organisations)."""
    from netwerksim.agents import Organisation, Professional  # noqa: PLC0415

    m = NetwerkModel("zorgnetwerk", rng=1)
    m.step()
    assert m._professionals is None
    assert m.agent_types == [Organisation, Professional]
    assert len(m.agents_by_type[Organisation]) == 7 and m._professionals is None
    assert len(m.agents_by_type[Professional]) == 98
    assert [a.unique_id for a in m.professionals] == list(range(8, 8 + 98))
    fresh = NetwerkModel("zorgnetwerk", rng=1)
    assert len(fresh.agents) == 7 + 98 and set(fresh.agents) >= set(fresh.professionals)
