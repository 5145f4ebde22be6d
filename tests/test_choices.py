"""The seam of the game (issue 19): an organisation's decisions taken from outside the model (:mod:`netwerksim.choices`)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from netwerksim.choices import Choice, Chosen
from netwerksim.mechanisms.production import given_hours
from netwerksim.model import NetwerkModel
from netwerksim.state import Status

SCENARIO = "zorgnetwerk"


def _model(weeks: int = 12, seed: int = 3) -> NetwerkModel:
    model = NetwerkModel(SCENARIO, rng=seed, mesa_data=False)
    for _ in range(weeks):
        model.step()
    return model


def _arrays(model: NetwerkModel) -> dict[str, object]:
    """Every array and number of the state except the choices, by dotted path."""
    out = {}
    for part in dataclasses.fields(model.state):
        if part.name == "choices":
            continue
        obj = getattr(model.state, part.name)
        for f in dataclasses.fields(obj):
            out[f"{part.name}.{f.name}"] = getattr(obj, f.name)
    return out


def _assert_same(a: NetwerkModel, b: NetwerkModel) -> None:
    assert a.rows == b.rows
    assert a.events == b.events
    for path, value in _arrays(a).items():
        other = _arrays(b)[path]
        if isinstance(value, np.ndarray):
            assert np.array_equal(value, other, equal_nan=value.dtype.kind == "f"), path
        else:
            assert value == other, path


def test_no_choice_and_choices_all_left_to_the_model_run_bit_identically():
    plain = _model()
    seamed = plain.branch()
    seamed.state.choices = Chosen.none(seamed.state)   # every decision left to the model, through the seam
    seamed.choose(0, Choice())
    assert seamed.state.choices is None                 # an empty choice leaves the plain path
    seamed.state.choices = Chosen.none(seamed.state)
    for _ in range(20):
        plain.step()
        seamed.step()
    _assert_same(plain, seamed)


def test_chosen_hours_are_the_hours_given_that_week_and_the_others_stay_the_models():
    model = _model()
    name = model.state.orgs.name[1]
    capacity = float(model.state.orgs.hours[1] * model.state.orgs.pledge[1])
    h = round(0.37 * capacity, 2)
    own = model.own_choices()
    model.choose(name, Choice(hours=h))
    model.step()
    given = given_hours(model.state)
    assert given[1] == pytest.approx(h, rel=1e-12)
    assert abs(own[name].hours - h) > 0.05 * capacity      # the model would have given something else
    with pytest.raises(ValueError, match="allowed: 0-"):
        model.choose(name, Choice(hours=capacity * 1.5))


def test_stance_leave_makes_the_organisation_leave_and_it_cannot_come_back():
    model = _model()
    name = model.state.orgs.name[2]
    assert model.state.orgs.status[2] == Status.ACTIVE
    model.choose(name, Choice(stance="leave"))
    model.step()
    assert model.state.orgs.status[2] == Status.EXITED
    assert given_hours(model.state)[2] == 0
    assert any(e["type"] == "status" and e.get("organisation") == name and e["name"] == "exited" for e in model.events)
    model.choose(name, Choice(stance="stay"))
    model.step()
    assert model.state.orgs.status[2] == Status.EXITED


def _ties_meeting_only_at(model: NetwerkModel, tables: list[str], org: int) -> np.ndarray:
    """Ties of ``org``'s professionals whose every shared table is one of ``tables``."""
    T, F, profs = model.state.ties, model.state.forums, model.state.profs
    E = len(T.src)
    tie = np.concatenate([np.arange(E), T.meets_tie[E:]])
    elsewhere = np.bincount(tie, weights=~np.isin(np.array(F.id)[T.meets_forum], tables), minlength=E)
    mine = (profs.org[T.src] == org) | (profs.org[T.dst] == org)
    return np.flatnonzero(mine & (elsewhere == 0))


def test_a_table_not_chosen_is_not_attended_by_that_organisation():
    """Ties of A that can only meet at the tables A skips never meet; without the choice they do."""
    model = _model()
    tables = model.tables_of(0)
    assert len(tables) >= 2
    skipped = tables[1:]
    only_there = _ties_meeting_only_at(model, skipped, 0)
    assert len(only_there) > 0
    plain = model.branch()
    model.choose(0, Choice(tables=tables[:1]))
    met_chosen, met_plain = 0, 0
    for _ in range(12):
        model.step()
        plain.step()
        met_chosen += np.isin(model.state.ties.met_index, only_there).sum()
        met_plain += np.isin(plain.state.ties.met_index, only_there).sum()
    assert met_chosen == 0
    assert met_plain > 0
    with pytest.raises(ValueError, match="allowed"):
        model.choose(0, Choice(tables=("no such table",)))


def test_choosing_what_the_model_would_choose_gives_the_same_week():
    """The seam does not disturb the random streams: the model's own choice, chosen, is the run without a choice."""
    plain = _model(weeks=30)
    own = plain.own_choices()
    chosen = plain.branch()
    for name, choice in own.items():
        if choice.stance != "leave" or plain.state.orgs.status[plain.state.orgs.name.index(name)] != Status.EXITED:
            chosen.choose(name, choice)
    plain.step()
    chosen.step()
    assert chosen.rows[-1] == pytest.approx(plain.rows[-1], rel=1e-9, abs=1e-12)
    np.testing.assert_allclose(chosen.state.orgs.contribution, plain.state.orgs.contribution, rtol=1e-12)
    assert np.array_equal(chosen.state.orgs.status, plain.state.orgs.status)
    assert np.array_equal(chosen.state.ties.met_index, plain.state.ties.met_index)


def test_own_choice_does_not_move_the_model():
    model = _model()
    before = model.branch()
    model.own_choice(0)
    model.own_choices()
    _assert_same(model, before)


def test_stance_dormant_rests_the_organisation_and_stay_brings_it_back():
    model = _model()
    model.choose(3, Choice(stance="dormant"))
    model.step()
    assert model.state.orgs.status[3] == Status.DORMANT and given_hours(model.state)[3] == 0
    model.choose(3, Choice(stance="stay"))
    model.step()
    assert model.state.orgs.status[3] == Status.ACTIVE


def test_holding_information_back_leaves_partners_less_evidence_about_its_people():
    """open=False: the trust evidence partners gather about A's people grows slower than in the same weeks without."""
    model = _model()
    T, profs = model.state.ties, model.state.profs
    about_a = profs.org[T.dst] == 0
    plain = model.branch()
    model.choose(0, Choice(open=False))
    start = (T.r + T.s)[about_a].sum()
    for _ in range(12):
        model.step()
        plain.step()
    gained = (model.state.ties.r + model.state.ties.s)[about_a].sum() - start
    gained_plain = (plain.state.ties.r + plain.state.ties.s)[about_a].sum() - start
    assert np.array_equal(model.state.ties.met_index, plain.state.ties.met_index)   # the same meetings
    assert gained < gained_plain
