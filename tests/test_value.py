"""Mechanism 8: perceived value, fairness and exit (003 R2, R10, R11)."""

import numpy as np

from netwerksim import run
from netwerksim.mechanisms.value import imbalance, next_status
from netwerksim.params import Params
from netwerksim.state import Status


def test_an_organisation_whose_value_stays_below_its_outside_option_leaves(small):
    small["organisations"][2]["outside_option"] = 3.0
    weeks = int(Params().value.exit_patience) + 10
    result = run(small, seed=1, steps=weeks)
    last = result.organisations[result.organisations.week == weeks].set_index("organisation")["status"]
    assert last["Gemeente"] == "exited"
    assert (last.drop("Gemeente") == "active").all()
    exits = [e for e in result.events if e["type"] == "status"]
    assert [(e["name"], e["organisation"]) for e in exits] == [("dormant", "Gemeente"), ("exited", "Gemeente")]
    p = Params()
    dormant_week, exit_week = (e["step"] for e in exits)
    assert exit_week - dormant_week == p.value.exit_patience - p.value.patience


def test_a_dormant_member_returns_when_value_recovers():
    p = Params()
    status = np.array([Status.DORMANT, Status.DORMANT], np.int8)
    new = next_status(status, np.array([0, 0]), np.array([0.5, 0.0]), p)
    assert list(new) == [Status.ACTIVE, Status.DORMANT]


def test_imbalance_is_zero_when_give_and_take_match_and_signed_otherwise():
    active = np.ones(3, bool)
    assert np.allclose(imbalance(np.array([1.0, 1, 1]), np.array([2.0, 2, 2]), active), 0)
    skew = imbalance(np.array([2.0, 1, 1]), np.array([1.0, 1, 2]), active)
    assert skew[0] > 0 > skew[2]
