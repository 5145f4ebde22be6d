"""Every fused kernel (:mod:`netwerksim.kernels`) leaves the state bit for bit as its numpy reference does, after a
step on generated networks of 10 to 10,000 professionals, and whole runs are the same with and without kernels."""

from __future__ import annotations

import copy
import dataclasses

import numpy as np
import pytest

from netwerksim import kernels
from netwerksim.generator import sized_network
from netwerksim.mechanisms import trust
from netwerksim.model import NetwerkModel
from netwerksim.runner import run
from netwerksim.scenario import load_scenario

pytest.importorskip("numba")
SIZES = (10, 100, 1_000, 10_000)


def _model(professionals: int) -> NetwerkModel:
    """A generated network stepped for five weeks and on to a week its tables met."""
    model = NetwerkModel(load_scenario(sized_network(professionals, steps=20)), mesa_data=False)
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


def test_a_whole_run_is_the_same_with_kernels_and_without(monkeypatch):
    results = {}
    for switch in ("0", "1"):
        monkeypatch.setenv("NETWERKSIM_KERNELS", switch)
        results[switch] = run(load_scenario(sized_network(1_000, steps=40)), seed=3).manifest["fingerprint"]
    assert results["0"] == results["1"]


def test_the_switch_and_the_size_decide(monkeypatch):
    monkeypatch.delenv("NETWERKSIM_KERNELS", raising=False)
    assert not kernels.wanted(kernels.MIN_TIES - 1) and kernels.wanted(kernels.MIN_TIES)
    monkeypatch.setenv("NETWERKSIM_KERNELS", "0")
    assert not kernels.wanted(10 * kernels.MIN_TIES)
    monkeypatch.setenv("NETWERKSIM_KERNELS", "1")
    assert kernels.wanted(1)
