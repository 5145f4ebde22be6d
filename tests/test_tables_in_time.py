"""Tables that start, split or merge during the run (issue 17 item 1: forums[].starts_at / ends_at)."""

from __future__ import annotations

import numpy as np
import pytest

from netwerksim.model import NetwerkModel
from netwerksim.runner import fingerprint, run
from netwerksim.scenario import ScenarioError, load_scenario, validate


def _zorgnetwerk(**forums) -> dict:
    """zorgnetwerk with forum fields changed by id, and extra forums appended (key 'extra')."""
    data = load_scenario("zorgnetwerk").model_dump(mode="json", exclude_none=True)
    extra = forums.pop("extra", [])
    data["forums"] = [{**f, **forums.get(f["id"], {})} for f in data["forums"]] + extra
    return data


def _met(data: dict, weeks: int, seed: int = 1) -> tuple[list[str], np.ndarray]:
    m = NetwerkModel(validate(data, "t"), rng=seed, mesa_data=False)
    met = []
    for _ in range(weeks):
        m.step()
        met.append(m.state.forums.met.copy())
    return m.state.forums.id, np.array(met)


def test_a_split_table_stops_in_the_week_its_sub_tables_start_and_only_the_open_ones_meet():
    split = _zorgnetwerk(tafel_ouderen={"ends_at": 40}, extra=[
        {"id": "ouderen_wijk", "name_nl": "Ouderen: wijk", "name_en": "Older people: district", "starts_at": 40,
         "members": ["Thuiszorg Samen", "Gemeente Rivierstad", "Welzijn Rivierland"], "issues": ["ouderen"]},
        {"id": "ouderen_zorg", "name_nl": "Ouderen: zorg", "name_en": "Older people: care", "starts_at": 40,
         "members": ["Thuiszorg Samen", "Huisartsencoöperatie Regio", "Ziekenhuis Rivierland"], "issues": ["ouderen"]}])
    ids, met = _met(split, 80)
    old, subs = ids.index("tafel_ouderen"), [ids.index("ouderen_wijk"), ids.index("ouderen_zorg")]
    week = np.arange(1, 81)
    assert met[week < 40, old].any() and not met[week >= 40, old].any()
    for s in subs:
        assert not met[week < 40, s].any() and met[week >= 40, s].any()


def test_a_network_without_a_schedule_runs_as_before_and_a_table_that_never_opens_changes_nothing_else():
    base = run(load_scenario("zorgnetwerk"), seed=2)
    same = run(validate(_zorgnetwerk(), "t"), seed=2)
    assert fingerprint(base.timeseries, base.organisations) == fingerprint(same.timeseries, same.organisations)
    ids, met = _met(_zorgnetwerk(tafel_ggz={"starts_at": 157}), 156)
    assert not met[:, ids.index("tafel_ggz")].any() and met[:, ids.index("tafel_acuut")].any()


def test_a_table_that_has_not_started_builds_no_trust_between_those_who_meet_only_there():
    """Ties whose professionals share only the mental-health table keep their prior until it starts."""
    data = _zorgnetwerk(tafel_ggz={"starts_at": 60})
    m = NetwerkModel(validate(data, "t"), rng=3, mesa_data=False)
    T, f = m.state.ties, m.state.forums.id.index("tafel_ggz")
    elsewhere = np.zeros(len(T.src), bool)
    elsewhere[T.meets_tie[T.meets_forum != f]] = True
    ggz = ~elsewhere
    for _ in range(59):
        m.step()
    assert ggz.any() and np.all(T.r[ggz] == 0) and np.all(T.s[ggz] == 0)
    for _ in range(20):
        m.step()
    assert (T.r[ggz] + T.s[ggz]).sum() > 0


def test_a_table_that_ends_before_it_starts_is_refused_by_field():
    with pytest.raises(ScenarioError, match=r"forums\[3\]\.ends_at: value 10 is not allowed; a week after starts_at \(20\)"):
        validate(_zorgnetwerk(tafel_ggz={"starts_at": 20, "ends_at": 10}), "klant.toml")


def test_a_spreadsheet_gives_a_tables_weeks_and_relations_by_kind(tmp_path):
    import openpyxl

    from netwerksim.spreadsheet import SpreadsheetError, scenario_data, write_template

    path = write_template(tmp_path / "netwerk.xlsx")
    book = openpyxl.load_workbook(path)
    tables = book["tafels"]
    header = [c.value for c in tables[1]]
    tables.cell(4, header.index("vanaf week") + 1).value = 10
    tables.cell(4, header.index("tot week") + 1).value = 60
    book["relaties"].append(["soort:zorgaanbieder", "soort:zorgaanbieder", "", "", "ja"])
    book.save(path)
    data = scenario_data(path)
    assert [(f["id"], f.get("starts_at"), f.get("ends_at")) for f in data["forums"]][2] == ("eenzaamheid", 10, 60)
    assert data["relations"][-1] == {"between": ["kind:care_provider", "kind:care_provider"], "rivals": True}
    validate(data, str(path))
    tables.cell(4, header.index("tot week") + 1).value = "zestig"
    book.save(path)
    with pytest.raises(SpreadsheetError, match="sheet 'tafels', row 4, column 'tot week': value 'zestig'"):
        scenario_data(path)
