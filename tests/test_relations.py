"""Prior trust and rivalry per pair of organisations (issue 17, scenario ``[[relations]]``): validated
strictly, acting only through the trust mechanism's starting evidence."""

from __future__ import annotations

import numpy as np
import pytest

from netwerksim.mechanisms.trust import expected_trust, prior_evidence
from netwerksim.model import NetwerkModel
from netwerksim.params import Params
from netwerksim.runner import run
from netwerksim.scenario import ScenarioError, load_scenario, validate
from netwerksim.spreadsheet import SpreadsheetError, scenario_data, write_template

CITY, HOSPITAL, GGZ, HOMECARE = "Gemeente Rivierstad", "Ziekenhuis Rivierland", "GGZ Midden", "Thuiszorg Samen"


def _with(relations: list[dict], **changes) -> dict:
    data = load_scenario("zorgnetwerk").model_dump()
    return {**data, "relations": relations, **changes}


def _ties(model: NetwerkModel, first: str, second: str) -> np.ndarray:
    T, names = model.state.ties, model.state.orgs.name
    return (T.src_org == names.index(first)) & (T.dst_org == names.index(second))


@pytest.mark.parametrize("trust", [0.1, 0.35, 0.5, 0.9])
@pytest.mark.parametrize("overrides", [{}, {"trust.forgetting": 0.5}, {"trust.forgetting": 1.0, "trust.evidence_rate": 5}])
def test_prior_evidence_holds_the_trust_asked_for_with_no_negative_evidence(trust, overrides):
    r, s = prior_evidence(trust, Params(overrides))
    assert r >= 0 and s >= 0
    assert expected_trust(np.array([r]), np.array([s]))[0] == pytest.approx(trust, abs=1e-12)


def test_a_pair_starts_with_the_trust_stated_both_ways_and_nothing_else_changes():
    model = NetwerkModel(validate(_with([{"between": [CITY, HOSPITAL], "trust": 0.3, "trust_back": 0.7}]), "t"),
                         rng=2, mesa_data=False)
    plain = NetwerkModel("zorgnetwerk", rng=2, mesa_data=False)
    T = model.state.ties
    there, back = _ties(model, CITY, HOSPITAL), _ties(model, HOSPITAL, CITY)
    assert there.sum() > 0 and back.sum() > 0
    assert np.allclose(T.trust[there], 0.3) and np.allclose(T.trust[back], 0.7)
    others = ~(there | back)
    assert np.array_equal(T.trust[others], plain.state.ties.trust[others]) and np.all(T.trust[others] == 0.5)
    assert np.all(T.pair_heat == 0) and not model.events          # no detected outcome is set
    assert model.rows[0]["heat"] == plain.rows[0]["heat"]
    names = model.state.orgs.name
    assert model.state.ties.org_given[names.index(CITY)] < plain.state.ties.org_given[names.index(CITY)]


def test_a_relation_between_kinds_covers_every_pair_of_them_and_a_named_pair_overrides_it():
    kinds = [{"between": ["kind:municipality", "kind:care_provider"], "trust": 0.3},
             {"between": ["kind:care_provider", "kind:care_provider"], "trust": 0.7, "rivals": True}]
    named = [{"between": [CITY, HOMECARE], "trust": 0.8}]
    data = _with(named + kinds)   # GGZ Midden counted as a care provider too: two of that kind
    data["organisations"] = [{**o, "kind": "care_provider"} if o["name"] == GGZ else o for o in data["organisations"]]
    model = NetwerkModel(validate(data, "t"), rng=2, mesa_data=False)
    T = model.state.ties
    assert np.allclose(T.trust[_ties(model, CITY, GGZ)], 0.3) and np.allclose(T.trust[_ties(model, GGZ, CITY)], 0.3)
    assert np.allclose(T.trust[_ties(model, CITY, HOMECARE)], 0.8)     # the named pair, though listed first
    among = _ties(model, GGZ, HOMECARE) | _ties(model, HOMECARE, GGZ)
    assert among.any() and np.allclose(T.trust[among], 0.7) and T.rival[among].all()
    assert not T.rival[_ties(model, CITY, HOMECARE)].any()
    untouched = ~(_ties(model, CITY, GGZ) | _ties(model, GGZ, CITY) | _ties(model, CITY, HOMECARE)
                  | _ties(model, HOMECARE, CITY) | among)
    assert np.all(T.trust[untouched] == 0.5)


def test_rivals_in_relations_are_the_same_rivalry_as_an_organisations_rivals():
    listed = load_scenario("zorgnetwerk").model_dump()
    listed["organisations"] = [{**o, "rivals": [GGZ]} if o["name"] == HOMECARE else o for o in listed["organisations"]]
    by_relation = NetwerkModel(validate(_with([{"between": [GGZ, HOMECARE], "rivals": True}]), "t"), rng=1,
                               mesa_data=False)
    by_list = NetwerkModel(validate(listed, "t"), rng=1, mesa_data=False)
    assert by_relation.state.ties.rival.any()
    assert np.array_equal(by_relation.state.ties.rival, by_list.state.ties.rival)
    assert np.array_equal(by_relation.state.ties.pair_rival, by_list.state.ties.pair_rival)


def test_a_low_prior_trust_wears_off_through_the_evidence_of_meeting():
    """The mechanism, not a written outcome: a stated distrust shows at first and fades as the partners meet
    and forget (5 seeds; the gap at week 10 is larger than at week 150 in every one)."""
    pair = f"{CITY}->{HOSPITAL}"
    distrust = validate(_with([{"between": [CITY, HOSPITAL], "trust": 0.2}]), "t")
    for seed in range(5):
        low = run(distrust, seed=seed, trust_pairs=(pair,)).timeseries.set_index("week")[f"trust[{pair}]"]
        base = run(load_scenario("zorgnetwerk"), seed=seed, trust_pairs=(pair,)).timeseries.set_index("week")[f"trust[{pair}]"]
        early, late = base[10] - low[10], base[150] - low[150]
        assert early > 0.15 and 0 <= late < early / 3


@pytest.mark.parametrize("relations, field, says", [
    ([{"between": [CITY, "Gemeente Rivierstat"], "trust": 0.4}], "relations[0].between",
     f"value 'Gemeente Rivierstat' is not an organisation; allowed: ['{HOSPITAL}'"),
    ([{"between": [CITY, CITY], "trust": 0.4}], "relations[0].between", "names one organisation twice"),
    ([{"between": [CITY, GGZ], "trust": 0.4}, {"between": [GGZ, CITY], "rivals": True}], "relations[1].between",
     "this pair is already described in relations[0]"),
    ([{"between": [CITY, GGZ]}], "relations[0]", "says nothing about the pair"),
    ([{"between": [CITY, GGZ], "trust_back": 0.4}], "relations[0].trust_back", "needs trust"),
    ([{"between": [CITY, GGZ], "trust": 0.95}], "relations[0].trust", "value 0.95 is not allowed: Input should be less than or equal to 0.9"),
    ([{"between": [CITY, GGZ], "trust": "0.4"}], "relations[0].trust", "'0.4'"),
    ([{"between": [CITY, GGZ], "rivals": "ja"}], "relations[0].rivals", "'ja'"),
    ([{"between": [CITY], "trust": 0.4}], "relations[0].between", "at least 2"),
    ([{"between": [CITY, "kind:school"], "trust": 0.4}], "relations[0].between",
     "value 'kind:school' names no organisation of this scenario; kinds present: ['kind:"),
    ([{"between": [CITY, GGZ], "trust": 0.4, "history": 3}], "relations[0].history", "history"),
])
def test_a_wrong_relation_is_named_by_field_and_value(relations, field, says):
    with pytest.raises(ScenarioError) as err:
        validate(_with(relations), "klant.toml")
    message = str(err.value)
    assert "klant.toml" in message and field in message and says in message


def test_the_template_states_relations_and_a_bad_cell_names_sheet_row_and_column(tmp_path):
    write_template(tmp_path / "t")
    data = scenario_data(tmp_path / "t")
    assert {"between": ["Wijkverpleging Thuis", "Zorg Dichtbij"], "trust": 0.35, "trust_back": 0.4,
            "rivals": True} in data["relations"]
    sheet = tmp_path / "t" / "relaties.csv"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("0,35", "1,5").replace("Zorg Dichtbij;", "Zorg Ver;"),
                     encoding="utf-8")
    with pytest.raises(SpreadsheetError) as err:
        scenario_data(tmp_path / "t")
    message = str(err.value)
    assert "sheet 'relaties', row 3, column 'vertrouwen': value '1,5'" in message
