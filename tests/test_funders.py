"""Performance agreements and accountability demand per funder (issue 17, scenario ``[[funders]]``; 003 L4469-4482,
R13; L4636-4672, R37e/R37i): each partner answers to what its own funders ask, through the mechanisms that read
agreements and demand (contribution, representation, accountability pressure, reporting hours)."""

from __future__ import annotations


import numpy as np
import pytest

from netwerksim.compare import set_field
from netwerksim.interventions import REGISTRY
from netwerksim.mechanisms.accountability import demand
from netwerksim.mechanisms.meetings import reporting_hours
from netwerksim.model import NetwerkModel
from netwerksim.runner import run
from netwerksim.scenario import ScenarioError, load_scenario, validate
from netwerksim.spreadsheet import SpreadsheetError, scenario_data, write_template

CITY, HOSPITAL, GGZ, HOMECARE, GPS = ("Gemeente Rivierstad", "Ziekenhuis Rivierland", "GGZ Midden", "Thuiszorg Samen",
                                      "Huisartsencoöperatie Regio")


def _with(funders: list[dict], **changes) -> dict:
    return {**load_scenario("zorgnetwerk").model_dump(), "funders": funders, **changes}


def _model(funders: list[dict], seed: int = 0, **changes) -> NetwerkModel:
    return NetwerkModel(validate(_with(funders, **changes), "t"), rng=seed, mesa_data=False)


def test_each_partner_answers_to_its_own_funders_and_the_rest_to_the_network_wide_defaults():
    funders = [{"name": "Zorgverzekeraar", "funds": [HOSPITAL, "kind:care_provider"], "agreements": "separate",
                "accountability_demand": 2.0},
               {"name": "Gemeente", "funds": [HOMECARE, GGZ], "agreements": "joint", "accountability_demand": 2.5}]
    orgs = _model(funders, context={"turbulence": 1.0, "accountability_demand": 0.7}).state.orgs
    got = dict(zip(orgs.name, zip(orgs.separate_agreements, orgs.accountability_demand)))
    assert got[HOSPITAL] == (1.0, 2.0)
    assert got[HOMECARE] == (1.0, 2.5)       # funded by both: its own agreement with one, the larger demand
    assert got[GGZ] == (0.0, 2.5)
    assert got[CITY] == (0.0, 0.7) and got[GPS] == (0.0, 0.7)   # no funder named: the network-wide defaults


def test_a_funder_repeating_the_network_wide_defaults_changes_no_number_of_a_run():
    plain = run(validate(_with([], governance={**load_scenario("zorgnetwerk").governance.model_dump(),
                                                "agreements": "separate"}), "t"), seed=3, steps=60)
    same = run(validate(_with([{"name": "Iedereen", "funds": ["all"], "agreements": "separate",
                                "accountability_demand": 1.0}],
                              governance={**load_scenario("zorgnetwerk").governance.model_dump(),
                                          "agreements": "separate"}), "t"), seed=3, steps=60)
    assert same.manifest["fingerprint"] == plain.manifest["fingerprint"]


def test_the_networks_demand_is_the_partners_weighted_as_what_they_put_in():
    model = _model([{"name": "Zorgverzekeraar", "funds": [HOSPITAL], "agreements": "separate",
                     "accountability_demand": 2.0}])
    for _ in range(5):
        model.step()
    orgs, p = model.state.orgs, model.params
    asked, own = demand(orgs, p)
    assert own[orgs.name.index(HOSPITAL)] == pytest.approx(2.0 * (1 + p.accountability.separate))
    assert np.allclose(np.delete(own, orgs.name.index(HOSPITAL)), 1.0)
    active = orgs.active
    assert asked == pytest.approx(np.average(own[active], weights=(orgs.hours * orgs.pledge)[active]))
    assert 1.0 < asked < own.max()
    assert demand(_model([]).state.orgs, p) == (1.0, None)      # one demand everywhere: it, no partner's of its own


def test_partners_whose_funder_asks_more_report_more_of_the_hours_they_give():
    model = _model([{"name": "Zorgverzekeraar", "funds": [HOSPITAL], "accountability_demand": 2.5}])
    for _ in range(20):
        model.step()
    st = model.state
    given_share = reporting_hours(st, model.params) / np.maximum(st.profs.hours * st.orgs.pledge[st.profs.org]
                                                                 * st.orgs.contribution[st.profs.org], 1e-12)
    hospital = st.profs.org == st.orgs.name.index(HOSPITAL)
    city = st.profs.org == st.orgs.name.index(CITY)
    assert given_share[hospital].mean() > given_share[city].mean() + 0.05


def test_separate_agreements_with_one_partner_pull_that_partner_and_not_the_others():
    """Paired over 10 seeds (same streams), weeks 1-52: the hospital held to its own agreement argues more for its
    own organisation (representation, 003 R13) and gives less of its promise than in the same run without; the
    municipality, which no funder names, moves far less. Measured (6 Dec): hospital representation +0.306 to
    +0.309 (mean +0.308), municipality +0.008 to +0.015 (+0.012), the hospital's contribution -0.091 to -0.113."""
    hospital_rep, city_rep, hospital_gave = [], [], []
    for seed in range(10):
        base, held = _model([], seed), _model([{"name": "Zorgverzekeraar", "funds": [HOSPITAL],
                                                 "agreements": "separate"}], seed)
        h, c = base.state.orgs.name.index(HOSPITAL), base.state.orgs.name.index(CITY)
        rep = {id(base): [], id(held): []}
        gave = {id(base): [], id(held): []}
        for _ in range(52):
            for m in (base, held):
                m.step()
                rep[id(m)].append(m.state.orgs.representation[[h, c]].copy())
                gave[id(m)].append(m.state.orgs.contribution[h])
        diff = np.mean(rep[id(held)], axis=0) - np.mean(rep[id(base)], axis=0)
        hospital_rep.append(diff[0])
        city_rep.append(diff[1])
        hospital_gave.append(np.mean(gave[id(held)]) - np.mean(gave[id(base)]))
    assert min(hospital_rep) > 0 and np.mean(hospital_rep) > 0.1
    assert abs(np.mean(city_rep)) < np.mean(hospital_rep) / 5
    assert max(hospital_gave) < 0


def test_the_intervention_changes_the_agreements_of_the_partners_named_only():
    model = _model([], 0, governance={**load_scenario("zorgnetwerk").governance.model_dump(), "agreements": "separate"})
    REGISTRY["performance_agreements"].apply(model, {"mode": "joint", "target": HOSPITAL})
    orgs = model.state.orgs
    assert orgs.separate_agreements[orgs.name.index(HOSPITAL)] == 0.0
    assert all(orgs.separate_agreements[i] == 1.0 for i, n in enumerate(orgs.name) if n != HOSPITAL)
    REGISTRY["performance_agreements"].apply(model, {"mode": "joint", "target": "all"})
    assert not orgs.separate_agreements.any()


@pytest.mark.parametrize("funders, field, says", [
    ([{"name": "A", "funds": ["Ziekenhuis Nergens"]}], "funders[0].funds", "'Ziekenhuis Nergens' is not an organisation"),
    ([{"name": "A", "funds": ["kind:school"]}], "funders[0].funds", "names no organisation of this scenario"),
    ([{"name": "A", "funds": ["all"]}, {"name": "A", "funds": [CITY]}], "funders[1].name", "already a funder"),
    ([{"name": "A", "funds": ["all"], "accountability_demand": 4}], "funders[0].accountability_demand", "less than or equal to 3"),
    ([{"name": "A", "funds": ["all"], "agreements": "los"}], "funders[0].agreements", "joint"),
])
def test_a_wrong_funder_is_named_by_field_and_value(funders, field, says):
    with pytest.raises(ScenarioError) as err:
        validate(_with(funders), "t")
    assert field in str(err.value) and says in str(err.value)


def test_the_cli_refuses_a_wrong_funder_with_status_2_and_no_traceback(validate_zorgnetwerk_with):
    proc = validate_zorgnetwerk_with('\n[[funders]]\nname = "Zorgkantoor"\nfunds = ["Thuiszorg Elders"]\n')
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "funders[0].funds" in proc.stderr and "'Thuiszorg Elders'" in proc.stderr


def test_a_comparison_option_can_change_one_funders_agreements():
    data = _with([{"name": "Zorgverzekeraar", "funds": [HOSPITAL, HOMECARE], "agreements": "separate"}])
    set_field(data, "funders[Zorgverzekeraar].agreements", "joint")
    orgs = NetwerkModel(validate(data, "t"), rng=0, mesa_data=False).state.orgs
    assert not orgs.separate_agreements.any()


def test_the_template_states_funders_and_a_bad_cell_names_sheet_row_and_column(tmp_path):
    write_template(tmp_path / "t")
    data = scenario_data(tmp_path / "t")
    assert {"name": "Zorgverzekeraar Zuid", "funds": ["Wijkverpleging Thuis", "Zorg Dichtbij"],
            "agreements": "separate", "accountability_demand": 1.5} in data["funders"]
    orgs = NetwerkModel(validate(data, "t"), rng=0, mesa_data=False).state.orgs
    assert orgs.separate_agreements[orgs.name.index("Zorg Dichtbij")] == 1.0
    assert orgs.separate_agreements[orgs.name.index("Welzijn Zuidoost")] == 0.0
    sheet = tmp_path / "t" / "financiers.csv"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("apart", "soms").replace("Woonstichting Oost", "Woonstichting Ver"),
                     encoding="utf-8")
    with pytest.raises(SpreadsheetError) as err:
        scenario_data(tmp_path / "t")
    message = str(err.value)
    assert "sheet 'financiers', row 3, column 'afspraken': value 'soms'" in message
    assert "row 2, column 'financiert': value 'Woonstichting Ver' is not allowed" in message


