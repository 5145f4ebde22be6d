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


def test_a_partner_below_its_outside_option_stays_while_trust_and_the_shared_cause_carry_it(small):
    """003 L232-250: more than instrumental interests keep a partner in; with only the instrumental motive it goes quiet."""
    small["organisations"][2]["outside_option"] = 0.8   # the value never reaches it
    weeks = int(Params().value.patience) + 20
    def status(motives):
        small["organisations"][2]["motives"] = motives
        small["organisations"][2]["collective_weight"] = 0.9
        r = run(small, seed=1, steps=weeks)
        return r.organisations[r.organisations.week == weeks].set_index("organisation")["status"]["Gemeente"]
    assert status({"instrumental": 1.0, "affective": 0.0, "moral": 0.0}) == "dormant"
    assert status({"instrumental": 1.0, "affective": 2.0, "moral": 4.0}) == "active"


def test_imbalance_is_zero_when_give_and_take_match_and_signed_otherwise():
    active = np.ones(3, bool)
    assert np.allclose(imbalance(np.array([1.0, 1, 1]), np.array([2.0, 2, 2]), active), 0)
    skew = imbalance(np.array([2.0, 1, 1]), np.array([1.0, 1, 2]), active)
    assert skew[0] > 0 > skew[2]
