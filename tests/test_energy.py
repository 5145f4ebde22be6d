"""Mechanism 9: energy (002 R19, R20; 003 R44)."""

import numpy as np

from netwerksim.mechanisms.energy import energy_change
from netwerksim.params import Params


def step(progress=0.0, expected=0.0, meeting_hours=0.0, energy=0.5, drive=0.5, p=None):
    a = lambda x: np.array([x], float)  # noqa: E731
    return float(energy_change(a(energy), a(drive), a(progress), a(expected), a(meeting_hours), a(0.5), a(0), p or Params())[0])


def test_visible_progress_raises_energy():
    assert step(progress=0.02) > step()


def test_a_setback_costs_more_than_an_equal_win_brings():
    p = Params({"energy.setback_loss": Params().energy.progress_gain})
    gain = step(progress=0.02, expected=0.0, p=p) - 0.5
    loss = 0.5 - step(progress=0.0, expected=0.02, p=p)
    assert loss > 2 * gain


def test_meeting_overload_drains_energy():
    assert step(meeting_hours=10) < step(meeting_hours=1) == step()


def test_without_events_energy_returns_to_drive():
    e = 0.1
    for _ in range(200):
        e = step(energy=e, drive=0.7)
    assert abs(e - 0.7) < 0.01
