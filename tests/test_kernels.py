"""Every fused kernel (:mod:`netwerksim.kernels`) leaves the state bit for bit as its numpy reference does, after a
step on generated networks of 10 to 10,000 professionals, and whole runs are the same with and without kernels."""

from __future__ import annotations

import copy
import dataclasses

import numpy as np
import pytest

from netwerksim import kernels
from netwerksim.generator import generate_network, sized_network
from netwerksim.mechanisms import trust
from netwerksim.observers import stuck
from netwerksim.params import PARAMETERS
from netwerksim.model import NetwerkModel
from netwerksim.runner import run
from netwerksim.scenario import load_scenario

pytest.importorskip("numba")
SIZES = (10, 100, 1_000, 10_000)


SHAPES = (*SIZES, 0)    # 0: a generated network of 14 organisations around one issue (numpy sums a column pairwise)


def _model(professionals: int) -> NetwerkModel:
    """A generated network stepped for five weeks and on to a week its tables met (0: one around a single issue)."""
    from netwerksim.generator import generate_network  # noqa: PLC0415

    network = sized_network(professionals, steps=20) if professionals else generate_network(0)
    model = NetwerkModel(load_scenario(network), mesa_data=False)
    for _ in range(5):
        model.step()
    while not len(model.state.ties.met_index):
        model.step()
    return model


def assert_same_state(a, b) -> None:
    for part in dataclasses.fields(a):
        x, y = getattr(a, part.name), getattr(b, part.name)
        if not dataclasses.is_dataclass(x):
            continue
        for f in dataclasses.fields(x):
            u, v = getattr(x, f.name), getattr(y, f.name)
            if isinstance(u, np.ndarray):
                assert u.dtype == v.dtype and u.tobytes() == v.tobytes(), f"{part.name}.{f.name}"
            else:
                assert u == v or (u != u and v != v), f"{part.name}.{f.name}"


@pytest.mark.parametrize("professionals", SIZES)
def test_the_trust_kernel_is_the_numpy_trust_update_bit_for_bit(professionals, monkeypatch):
    model = _model(professionals)
    reference, fused = copy.deepcopy(model.state), copy.deepcopy(model.state)
    for state, switch in ((reference, "0"), (fused, "1")):
        monkeypatch.setenv("NETWERKSIM_KERNELS", switch)
        trust.update_trust(state, model.params, model.streams("trust", 99))
    assert not np.array_equal(reference.ties.r, model.state.ties.r)      # something was learned
    assert_same_state(reference, fused)


@pytest.mark.parametrize("professionals", SIZES)
def test_the_pair_trust_kernel_is_the_numpy_refresh_bit_for_bit(professionals, monkeypatch):
    """Pair trust and per-organisation trust (``trust.refresh_pairs``), fused, after a week of learning; also with
    organisations without ties (0.5) and pairs whose ties do not all trust alike."""
    model = _model(professionals)
    monkeypatch.setenv("NETWERKSIM_KERNELS", "0")
    trust.update_trust(model.state, model.params, model.streams("trust", 99))
    reference, fused = copy.deepcopy(model.state), copy.deepcopy(model.state)
    n = len(model.state.orgs.name)
    for state, switch in ((reference, "0"), (fused, "1")):
        monkeypatch.setenv("NETWERKSIM_KERNELS", switch)
        state.ties.pair_trust = state.ties.org_given = state.ties.org_received = None
        trust.refresh_pairs(state.ties, n)
    assert len(np.unique(reference.ties.pair_trust)) > 1
    assert_same_state(reference, fused)
    assert_same_state(reference, model.state)


def test_a_whole_run_is_the_same_with_kernels_and_without(monkeypatch):
    results = {}
    for switch in ("0", "1"):
        monkeypatch.setenv("NETWERKSIM_KERNELS", switch)
        results[switch] = run(load_scenario(sized_network(1_000, steps=40)), seed=3).manifest["fingerprint"]
    assert results["0"] == results["1"]


def test_the_switch_and_the_size_decide(monkeypatch):
    monkeypatch.delenv("NETWERKSIM_KERNELS", raising=False)
    monkeypatch.setattr(kernels, "_runs", 0)     # as a process that has made no runs through the engines
    assert not kernels.wanted(kernels.MIN_TIES - 1) and kernels.wanted(kernels.MIN_TIES)
    monkeypatch.setenv("NETWERKSIM_KERNELS", "0")
    assert not kernels.wanted(10 * kernels.MIN_TIES)
    monkeypatch.setenv("NETWERKSIM_KERNELS", "1")
    assert kernels.wanted(1)


def test_a_process_making_many_runs_through_the_engines_uses_the_kernels_on_small_networks(monkeypatch):
    """``run_summary`` (sweeps, comparisons, patterns) counts its runs; from ``MANY_RUNS`` on the kernels run at every
    size, and a run gives the same numbers before and after."""
    from netwerksim.experiment import RunSpec, run_summary  # noqa: PLC0415

    monkeypatch.delenv("NETWERKSIM_KERNELS", raising=False)
    monkeypatch.setattr(kernels, "_runs", 0)
    monkeypatch.setattr(kernels, "MANY_RUNS", 3)
    spec = RunSpec("zorgnetwerk", seed=4, steps=12, measures=(_trust_now,))
    first = repr(run_summary(spec))       # repr: NaN metrics compare equal
    assert not kernels.wanted(10)
    assert repr(run_summary(spec)) == first
    assert not kernels.wanted(10)
    calls = []
    real = kernels.compiled

    def spy():
        calls.append(1)
        return real()
    monkeypatch.setattr(kernels, "compiled", spy)
    assert repr(run_summary(spec)) == first and calls    # the third run: kernels, the same numbers
    assert kernels.wanted(10)
    monkeypatch.setenv("NETWERKSIM_KERNELS", "0")
    assert not kernels.wanted(10)


def _trust_now(result) -> float:
    return float(result.timeseries["mean_trust"].iloc[-1])


@pytest.mark.parametrize("professionals", SIZES)
def test_the_stuck_kernel_is_the_numpy_conditions_and_streaks_bit_for_bit(professionals, monkeypatch):
    """Every week of a run (the window filling, then full) the fused conditions and streaks of the stuck detector
    equal the numpy reference's: ``conditions`` stacked in the order of ``SITUATIONS`` and the streaks' update."""
    monkeypatch.setenv("NETWERKSIM_KERNELS", "0")
    model = NetwerkModel(load_scenario(sized_network(professionals, steps=40)), mesa_data=False)
    detector = model.stuck_detector
    real = stuck.conditions
    checked = []

    def both(st, mem, p, energy, gap, at_table, unexamined):
        now = real(st, mem, p, energy, gap, at_table, unexamined)
        holds = np.array([now[sid] for sid in stuck.SITUATIONS])
        streak = detector.streak
        expected = np.where(holds, np.maximum(streak, 0) + 1, np.minimum(streak, 0) - 1)
        fused_holds, fused_streak = stuck.fused_week(st, mem, p, energy, gap, at_table, unexamined, streak.copy())
        assert fused_holds.tobytes() == holds.tobytes() and fused_streak.tobytes() == expected.tobytes()
        assert fused_streak.dtype == expected.dtype
        checked.append(holds.any())
        return now
    monkeypatch.setattr(stuck, "conditions", both)
    for _ in range(40):
        model.step()
    assert len(checked) == 40 and any(checked)          # some situation held: the conditions are not all False


def test_a_run_with_the_stuck_kernel_finds_the_same_situations(monkeypatch):
    """The bundled scenario with the most stuck situations, every event (starts, ends, doorbraken) the same."""
    events = {}
    for switch in ("0", "1"):
        monkeypatch.setenv("NETWERKSIM_KERNELS", switch)
        events[switch] = [e for e in run("roermond_actietafels", seed=2).events if e["type"] in ("vastloop", "doorbraak")]
    assert events["0"] and events["0"] == events["1"]


@pytest.mark.parametrize("professionals", SIZES)
def test_the_energy_kernel_is_the_numpy_energy_update_bit_for_bit(professionals, monkeypatch):
    """Negativity spreading along the ties that met, conflict's heat, the drain on energy and energy's change: after
    a step's mechanisms up to energy, with negativity and heat spread over their ranges so every branch is taken
    (some below, some above the neighbours they heard; workloads and meeting hours above and below the thresholds)."""
    from netwerksim.mechanisms import energy  # noqa: PLC0415

    model = _model(professionals)
    rng = np.random.default_rng(professionals)
    st = model.state
    st.profs.negativity = rng.random(len(st.profs.org)) * rng.integers(0, 2, len(st.profs.org))
    st.orgs.heat = rng.random(len(st.orgs.name)) * 0.5
    st.profs.meeting_hours = rng.random(len(st.profs.org)) * 2 * model.params.meeting.fatigue_threshold
    reference, fused = copy.deepcopy(st), copy.deepcopy(st)
    for state, switch in ((reference, "0"), (fused, "1")):
        monkeypatch.setenv("NETWERKSIM_KERNELS", switch)
        energy.update_energy(state, model.params)
    assert not np.array_equal(reference.profs.energy, st.profs.energy)
    assert not np.array_equal(reference.profs.negativity, st.profs.negativity)
    assert_same_state(reference, fused)


def test_the_kernels_sum_as_numpy_sums():
    """The kernels' sum is numpy's pairwise summation: the same bits for every length up to 1,100 and beyond the
    block of 128 and the buffer of 8,192, with values of mixed sign and magnitude (a sequential sum differs)."""
    rng = np.random.default_rng(5)
    total = kernels.compiled().total
    differs_from_sequential = 0
    for n in [*range(1_101), 8_191, 8_192, 8_193, 100_003]:
        x = rng.standard_normal(n) * 10.0 ** rng.integers(-6, 6, n)
        assert np.float64(total(x)).tobytes() == np.add.reduce(x).tobytes(), n
        differs_from_sequential += float(np.cumsum(x)[-1]) != float(np.add.reduce(x)) if n else 0
    assert differs_from_sequential > 100


@pytest.mark.parametrize("professionals", SIZES)
def test_the_indicator_kernel_gives_the_numpy_row_bit_for_bit(professionals, monkeypatch):
    """Every week of a run the recorded row (means of trust, energy, hours, value ... over their members) is the same
    with the kernel and without: the same keys in the same order, every number's bits."""
    from netwerksim.observers import indicators  # noqa: PLC0415

    monkeypatch.setenv("NETWERKSIM_KERNELS", "0")
    model = NetwerkModel(load_scenario(sized_network(professionals, steps=30)), mesa_data=False)
    fused_rows = 0
    for _ in range(30):
        model.step()
        monkeypatch.setenv("NETWERKSIM_KERNELS", "0")
        reference = indicators.network_indicators(model.state, model.params)
        monkeypatch.setenv("NETWERKSIM_KERNELS", "1")
        calls = []
        real = kernels.compiled
        monkeypatch.setattr(kernels, "compiled", lambda: calls.append(1) or real())
        fused = indicators.network_indicators(model.state, model.params)
        monkeypatch.setattr(kernels, "compiled", real)
        fused_rows += bool(calls)
        assert list(fused) == list(reference)
        assert [np.float64(v).tobytes() for v in fused.values()] == [np.float64(v).tobytes() for v in reference.values()]
        assert [type(v) for v in fused.values()] == [type(v) for v in reference.values()]
    assert fused_rows == 30


def test_the_kernels_load_from_numbas_cache_in_a_fresh_process(tmp_path):
    """What every worker of the engines does: compile and cache the kernels in one process, load them from the cache
    in the next; both runs give the numpy reference's fingerprint (a kernel calling a recursive function crashed the
    process that loaded it from the cache)."""
    import os  # noqa: PLC0415
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    code = ("from netwerksim.runner import run; "
            "print(run('zorgnetwerk', steps=30, seed=5).manifest['fingerprint'])")
    env = {**os.environ, "NUMBA_CACHE_DIR": str(tmp_path), "NETWERKSIM_KERNELS": "1"}
    prints = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=600)
              for _ in ("compile", "from the cache")]
    assert [p.returncode for p in prints] == [0, 0], [p.stderr[-2000:] for p in prints]
    assert any(tmp_path.rglob("*.nbc"))
    reference = run("zorgnetwerk", steps=30, seed=5).manifest["fingerprint"]
    assert [p.stdout.strip() for p in prints] == [reference, reference]


def _both_ways(model: NetwerkModel, mechanism, monkeypatch, purpose: str | None = None) -> tuple:
    """The state after ``mechanism`` with the numpy reference and with the kernel, from copies of the same state (and
    the same random stream for ``purpose``); the kernel must have been called."""
    reference, fused = copy.deepcopy(model.state), copy.deepcopy(model.state)
    calls = []
    real = kernels.compiled
    for state, switch in ((reference, "0"), (fused, "1")):
        monkeypatch.setenv("NETWERKSIM_KERNELS", switch)
        monkeypatch.setattr(kernels, "compiled", lambda: calls.append(switch) or real())
        mechanism(state, model.params, *((model.streams(purpose, 99),) if purpose else ()))
    monkeypatch.setattr(kernels, "compiled", real)
    assert calls and set(calls) == {"1"}
    return reference, fused


def _unsettled(model: NetwerkModel, seed: int) -> None:
    """Spread the organisations' state over its range so that every branch of a mechanism is taken: some dormant,
    exited or not yet joined, weeks below around the patience, conflict from cool to open, value and contribution
    above and below, a threat, uneven progress."""
    st, rng = model.state, np.random.default_rng(seed)
    O = len(st.orgs.name)
    st.orgs.status = rng.choice(np.array([0, 0, 0, 1, 1, 2, 3], np.int8), O)
    st.orgs.status[:2] = 0
    patience = int(model.params.value.patience)
    st.orgs.weeks_below = rng.integers(0, int(model.params.value.exit_patience) + 2, O).astype(st.orgs.weeks_below.dtype)
    st.orgs.heat = rng.random(O)
    st.orgs.perceived_value = rng.standard_normal(O)
    st.orgs.perceived_value[0], st.orgs.weeks_below[0] = -5.0, patience      # goes quiet now
    st.orgs.contribution = rng.random(O)
    st.orgs.motives = rng.random((O, 3))
    st.orgs.motives[0] = (1.0, 0.0, 0.0)
    st.network.threat = 0.4
    st.network.hierarchy = 0.3
    st.issues.delta = 0.02 * rng.random(len(st.issues.id)) * rng.integers(0, 2, len(st.issues.id))


def _unsettled_model(professionals: int, seed: int) -> tuple:
    """A :func:`_model` :func:`_unsettled` (its state, and a generator for the test's own spreading)."""
    model = _model(professionals)
    _unsettled(model, professionals + seed)
    return model, model.state, np.random.default_rng(professionals + seed + 1)


@pytest.mark.parametrize("professionals", SHAPES)
def test_the_value_kernel_is_the_numpy_value_update_bit_for_bit(professionals, monkeypatch):
    """Perceived value, unfairness, the weeks below and the next status (some going dormant, leaving, coming back),
    fused after the matrix product, equal the reference's; also in a quiet week (nobody dormant or below long)."""
    from netwerksim.mechanisms import value  # noqa: PLC0415

    model = _model(professionals)
    quiet = copy.deepcopy(model)
    _unsettled(model, professionals)
    reference, fused = _both_ways(model, value.update_value, monkeypatch)
    assert not np.array_equal(reference.orgs.status, model.state.orgs.status)     # some status changed
    assert not np.array_equal(reference.orgs.perceived_value, model.state.orgs.perceived_value)
    assert_same_state(reference, fused)
    assert_same_state(*_both_ways(quiet, value.update_value, monkeypatch))


def test_the_kernels_utility_is_the_numpy_utility_bit_for_bit():
    """The motive-weighted utility (:func:`contribution.utility` of :func:`leadership.motive_weights`) over 10,000
    random organisations: the same bits (the weights' row sum in another order differs)."""
    from netwerksim.mechanisms import contribution, leadership  # noqa: PLC0415
    from netwerksim.params import Params  # noqa: PLC0415

    rng, p = np.random.default_rng(7), Params({})
    n = 10_000
    margin, trust, cw, motives = rng.standard_normal(n), rng.random(n), rng.random(n), rng.random((n, 3))
    hierarchy = 0.37
    reference = -2.5 * contribution.utility(margin, trust, cw, leadership.motive_weights(motives, hierarchy, p), p)
    fused = kernels.compiled().utilities(margin, trust, cw, motives, p.leadership.utility_shift * hierarchy,
                                         p.contribution.value_gain, -2.5)
    assert fused.tobytes() == reference.tobytes()


@pytest.mark.parametrize("professionals", SHAPES)
def test_the_contribution_kernel_is_the_numpy_contribution_decision_bit_for_bit(professionals, monkeypatch):
    """Contributions after willingness, reciprocity, separate agreements, mandate and casework room, fused around the
    exponential, equal the reference's; with separate agreements and workloads above the normal, and without ties."""
    from netwerksim.mechanisms import contribution  # noqa: PLC0415

    model = _model(professionals)
    _unsettled(model, professionals + 1)
    st, rng = model.state, np.random.default_rng(professionals)
    st.orgs.separate_agreements = rng.integers(0, 2, len(st.orgs.name)).astype(float)
    st.orgs.ambition = rng.dirichlet(np.ones(len(st.issues.id)), len(st.orgs.name))
    st.orgs.ownership = rng.random(len(st.orgs.name))
    st.profs.workload = rng.random(len(st.profs.org))
    reference, fused = _both_ways(model, contribution.decide_contributions, monkeypatch)
    assert not np.array_equal(reference.orgs.contribution, st.orgs.contribution)
    assert_same_state(reference, fused)
    lonely = copy.deepcopy(model)
    T = lonely.state.ties
    for name in ("src", "dst", "trust", "pair_trust", "pair_count"):
        setattr(T, name, getattr(T, name)[:0])
    T.pairs = T.pairs[:0]
    assert_same_state(*_both_ways(lonely, contribution.decide_contributions, monkeypatch))


@pytest.mark.parametrize("professionals", SHAPES)
@pytest.mark.parametrize("nao", [0.0, 3.0])
def test_the_meetings_kernel_is_the_numpy_meetings_bit_for_bit(professionals, nao, monkeypatch):
    """Meeting clocks, who is present, attendance, talk, the negativity voiced, meeting hours (preparation,
    reporting, check-ins, the NAO's relief), the ties that met and met in person and the coordination load, fused
    around the exponential, the draws and the reporting hours, equal the reference's; with tables of every level,
    closed and virtual tables, members who left, conflict cancelling meetings and tired professionals."""
    from netwerksim.mechanisms import meetings  # noqa: PLC0415

    model, st, rng = _unsettled_model(professionals, 2)
    F, n = st.forums, len(st.forums.id)
    F.level = rng.integers(0, 3, n).astype(F.level.dtype)
    F.physical = rng.random(n) < 0.7
    F.active = rng.random(n) < 0.9
    F.active[0], F.phase = True, np.where(rng.random(n) < 0.8, 0.999, F.phase)       # most tables meet this week
    F.member_active = rng.random(len(F.member_prof)) < 0.95
    st.ties.co_located = rng.random(len(st.ties.src)) < 0.3
    st.profs.meeting_hours = rng.random(len(st.profs.org)) * 2 * model.params.meeting.fatigue_threshold
    st.profs.negativity = rng.random(len(st.profs.org)) * 0.5       # what those present voice (issues.voiced, 002 V6)
    st.network.nao_hours, st.network.check_in_weeks = nao, 4
    reference, fused = _both_ways(model, meetings.hold_meetings, monkeypatch, "meetings")
    assert reference.issues.voiced.any()
    assert not np.array_equal(reference.profs.meeting_hours, st.profs.meeting_hours) and len(reference.ties.met_index)
    assert_same_state(reference, fused)


@pytest.mark.parametrize("professionals", SHAPES)
def test_the_production_kernels_are_the_numpy_production_bit_for_bit(professionals, monkeypatch):
    """Effort, coordination, coverage, diversity, the progress rate with noise and breakthroughs, expectation,
    progress, output and learning, fused around the matrix product, the power and the draws, equal the reference's;
    with issues handed over, uneven ambitions and energy, and breakthroughs made likely."""
    from netwerksim.mechanisms import production  # noqa: PLC0415

    model, st, rng = _unsettled_model(professionals, 4)
    K, O = len(st.issues.id), len(st.orgs.name)
    st.orgs.ambition = rng.dirichlet(np.ones(K), O)
    st.profs.energy = rng.random(len(st.profs.org))
    st.issues.handed_over = rng.random(K) < 0.5
    st.issues.expected = rng.random(K) * 0.02
    model.params = model.params.with_overrides({"production.breakthrough_chance": 0.5})
    reference, fused = _both_ways(model, production.produce, monkeypatch, "production")
    assert not professionals or not np.array_equal(reference.issues.progress, st.issues.progress)
    assert not professionals or reference.network.cultural_capital != st.network.cultural_capital
    assert_same_state(reference, fused)


@pytest.mark.parametrize("professionals", SHAPES)
@pytest.mark.parametrize("governance", ["plain", "room and picture"])
def test_the_alignment_kernels_are_the_numpy_alignment_bit_for_bit(professionals, governance, monkeypatch):
    """Ambitions after the positions argued, the Deffuant round (pairs within and beyond the bound, some in conflict),
    the pulls to own interests, the room given and the shared picture, the positions on issues left alone and the
    alignment index, fused around the matrix products, equal the reference's."""
    from netwerksim.mechanisms import alignment  # noqa: PLC0415

    model, st, rng = _unsettled_model(professionals, 6)
    K, O = len(st.issues.id), len(st.orgs.name)
    st.orgs.ambition = rng.dirichlet(np.ones(K) * 0.5, O) * (1.0 + 1e-3 * rng.standard_normal((O, 1)))  # inexact sums
    st.ties.pair_heat = rng.random(len(st.ties.pairs)) * 0.7
    st.ties.pair_trust = rng.random(len(st.ties.pairs))
    st.issues.phase = rng.integers(0, 3, K).astype(st.issues.phase.dtype)
    st.orgs.representation = rng.random(O)
    if governance != "plain":
        st.network.room, st.network.shared_picture, st.network.turbulence = 0.6, 0.8, 0.3
    reference, fused = _both_ways(model, alignment.update_alignment, monkeypatch)
    assert not professionals or not np.array_equal(reference.orgs.ambition, st.orgs.ambition)
    assert not professionals or reference.orgs.held_line.any() or O < 10
    assert_same_state(reference, fused)


def test_the_kernels_column_sums_are_numpys():
    """``np.add.reduce(a, 0)`` adds the rows one after the other, except for a single column, which it sums pairwise:
    the kernels' column sums give the same bits for both (one issue is a network the generator makes)."""
    rng = np.random.default_rng(11)
    sums = kernels.compiled()._column_sums
    differs = 0
    for n in (0, 1, 2, 7, 8, 9, 17, 100, 129, 300):
        for K in (1, 2, 3, 7, 12):
            a = rng.standard_normal((n, K)) * 10.0 ** rng.integers(-6, 6, (n, K))
            assert sums(a).tobytes() == np.add.reduce(a, 0).tobytes(), (n, K)
            differs += K == 1 and n > 8 and float(np.cumsum(a[:, 0])[-1]) != float(np.add.reduce(a, 0)[0])
    assert differs


@pytest.mark.parametrize("professionals", SHAPES)
@pytest.mark.parametrize("rivals", [False, True])
def test_the_conflict_kernels_are_the_numpy_conflict_update_bit_for_bit(professionals, rivals, monkeypatch):
    """Pair, organisation and network temperatures after suppressed interests, unfairness, distrust and hidden rivalry,
    fused around the matrix products, equal the reference's; with and without rivals and unspoken competition."""
    from netwerksim.mechanisms import conflict  # noqa: PLC0415

    model, st, rng = _unsettled_model(professionals, 8)
    K, O, n = len(st.issues.id), len(st.orgs.name), len(st.ties.pairs)
    st.orgs.ambition = rng.dirichlet(np.ones(K) * 0.5, O) * (1.0 + 1e-3 * rng.standard_normal((O, 1)))
    st.orgs.unfairness = rng.random(O) * rng.integers(0, 2, O)
    st.orgs.representation = rng.random(O)
    st.ties.pair_trust = rng.random(n)
    st.ties.pair_heat = rng.random(n) * 0.8
    st.ties.pair_rival = (rng.random(n) < 0.3) if rivals else np.zeros(n, bool)
    st.network.competition, st.network.interests_voiced = (0.7, 0.4) if rivals else (0.0, 0.0)
    reference, fused = _both_ways(model, conflict.update_conflict, monkeypatch)
    assert not np.array_equal(reference.ties.pair_heat, st.ties.pair_heat)
    assert_same_state(reference, fused)


@pytest.mark.parametrize("professionals", SHAPES)
def test_the_context_kernel_is_the_numpy_context_update_bit_for_bit(professionals, monkeypatch):
    """Turbulence from the environment's and the partners' changes and complexity from the pairs at open tables,
    fused after the draws, equal the reference's; with a context that changes often, closed tables and members who
    left the table."""
    from netwerksim.mechanisms import context  # noqa: PLC0415

    model, st, rng = _unsettled_model(professionals, 10)
    F = st.forums
    F.active = rng.random(len(F.id)) < 0.8
    F.member_active = rng.random(len(F.member_prof)) < 0.9
    st.network.context, st.network.turbulence = 15.0, 0.0      # a change three weeks in four
    st.orgs.promised = rng.random(len(st.orgs.name)) * 10
    reference, fused = _both_ways(model, context.update_context, monkeypatch, "context")
    assert reference.network.turbulence > 0          # some change happened
    assert_same_state(reference, fused)


@pytest.mark.parametrize("professionals", SHAPES)
def test_the_trust_evidence_kernel_is_the_numpy_evidence_bit_for_bit(professionals, monkeypatch):
    """Trust after the evidence of a week (kept or broken words, remote or in person, between rivals under unspoken
    competition, less shared in conflict, more with drives shared), fused after the draws, equals the reference's."""
    model, st, rng = _unsettled_model(professionals, 12)
    T = st.ties
    T.rival = rng.random(len(T.src)) < 0.3
    T.physical = rng.random(len(T.src)) < 0.6
    T.pair_heat = rng.random(len(T.pairs)) * 0.9
    st.profs.energy = rng.random(len(st.profs.org))
    st.network.competition, st.network.competition_voiced, st.network.drives_shared = 0.8, 0.1, 0.5
    model.params = model.params.with_overrides({"trust.rivalry_suspicion": 0.5})
    reference, fused = _both_ways(model, trust.update_trust, monkeypatch, "trust")
    assert not np.array_equal(reference.ties.r, st.ties.r)
    assert_same_state(reference, fused)


@pytest.mark.parametrize("professionals", SHAPES)
@pytest.mark.parametrize("demands", ["one", "several"])
def test_the_accountability_kernels_are_the_numpy_accountability_bit_for_bit(professionals, demands, monkeypatch):
    """Accountability, uncertainty, invested stakes and demand for structure after a week, with one demand everywhere
    and with funders asking differently and separate agreements; the reporting hours each partner's demand sets too;
    fused (``demand_numbers``, ``delivered_numbers``) or not, the same bits."""
    from netwerksim.mechanisms import accountability, meetings  # noqa: PLC0415
    from netwerksim.numeric import weighted_mean  # noqa: PLC0415

    model, st, rng = _unsettled_model(professionals, 14)
    O = len(st.orgs.name)
    if demands == "several":
        st.orgs.accountability_demand = 0.5 + rng.random(O)
        st.orgs.separate_agreements = rng.integers(0, 2, O).astype(float)
    st.orgs.pledge = rng.random(O)
    reference, fused = _both_ways(model, accountability.update_accountability, monkeypatch)
    assert reference.network.accountability != st.network.accountability
    assert_same_state(reference, fused)
    hours, asked = {}, {}
    for switch in "01":
        monkeypatch.setenv("NETWERKSIM_KERNELS", switch)
        hours[switch] = meetings.reporting_hours(st, model.params)
        asked[switch], own = accountability.demand(st.orgs, model.params)
        asked[switch] = (np.float64(asked[switch]).tobytes(), None if own is None else own.tobytes())
    assert hours["0"].tobytes() == hours["1"].tobytes() and asked["0"] == asked["1"]
    orgs, active = st.orgs, st.orgs.active      # the weighted means themselves (a last bit may not reach the state)
    weights = (orgs.hours * orgs.pledge)[active]
    means = [weighted_mean(orgs.contribution[active], weights),
             weighted_mean(orgs.pledge[active] * orgs.contribution[active], weights)]
    fused = kernels.compiled().delivered_numbers(orgs.status, orgs.hours, orgs.pledge, orgs.contribution)[1:]
    assert np.array(fused).tobytes() == np.array(means).tobytes()


def test_the_demand_kernel_is_numpys_over_many_partners(monkeypatch):
    """The network's accountability demand over 2,000 partners asked differently (the weighted sum's order shows)."""
    import types  # noqa: PLC0415

    from netwerksim.mechanisms import accountability  # noqa: PLC0415
    from netwerksim.params import Params  # noqa: PLC0415

    rng, n = np.random.default_rng(15), 2_000
    status = rng.choice(np.array([0, 0, 1, 3], np.int8), n)
    orgs = types.SimpleNamespace(accountability_demand=rng.random(n) * 3, separate_agreements=rng.random(n) < 0.3,
                                 status=status, active=status == 0, hours=rng.random(n) * 40, pledge=rng.random(n))
    answers = []
    for switch in "01":
        monkeypatch.setenv("NETWERKSIM_KERNELS", switch)
        asked, own = accountability.demand(orgs, Params({}))
        answers.append((np.float64(asked).tobytes(), own.tobytes()))
    assert answers[0] == answers[1]


def _moved(param) -> float:
    """A value of ``param`` a quarter of the way from its default to the far end of its range (0 stays in range)."""
    up = param.high - param.default >= param.default - param.low
    return param.default + 0.25 * ((param.high - param.default) if up else (param.low - param.default))


@pytest.mark.parametrize("name", sorted(PARAMETERS))
def test_every_parameter_means_the_same_with_and_without_the_kernels(name, monkeypatch):
    """A kernel written before a parameter was added (or one that forgets it) would ignore it: the default runs,
    which the fingerprints compare, cannot see that. Each parameter moved a quarter of the way to the end of its
    range, 26 weeks of a generated network with a lead, separate agreements and joiners: the frames are
    the same with the kernels forced on and off (found on 7 Dec: production.coverage_dependence, added beside the
    production kernel, was ignored where the kernels ran)."""
    spec = load_scenario(generate_network(7, organisations=8, issues=3, governance="lead_organisation",
                                          agreements="separate", growth=0.25, steps=26))
    prints = {}
    for switch in ("0", "1"):
        monkeypatch.setenv("NETWERKSIM_KERNELS", switch)
        prints[switch] = run(spec, seed=5, params={name: _moved(PARAMETERS[name])}).manifest["fingerprint"]
    assert prints["0"] == prints["1"], name


@pytest.mark.parametrize("path", ["profs.negativity", "profs.energy"])
def test_a_held_field_is_held_alike_with_and_without_the_kernels(path, monkeypatch):
    """Counterfactual branches hold a field (model.hold, explain.py): the energy mechanism's reference reads
    negativity back after assigning it, so it reads the held value; its kernel must then stand aside."""
    states = {}
    for switch in ("0", "1"):
        monkeypatch.setenv("NETWERKSIM_KERNELS", switch)
        model = NetwerkModel("lelytalent", rng=3, mesa_data=False)
        for _ in range(10):
            model.step()
        model.hold([path], {path: np.full_like(model.state.profs.negativity, 0.4)})
        for _ in range(20):
            model.step()
        states[switch] = model.state
    assert_same_state(states["0"], states["1"])
