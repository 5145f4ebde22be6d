"""A client's network from a spreadsheet (issue 17 item 2): template, filled in, scenario, comparison."""

from __future__ import annotations

import csv
import tomllib

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netwerksim.cli import main
from netwerksim.scenario import load_scenario
from netwerksim.spreadsheet import SpreadsheetError, convert, write_template


def _rows(path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter=";"))


def _write(path, rows) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)


@pytest.mark.parametrize("suffix", [".xlsx", ".ods", ""])
def test_the_template_in_every_format_becomes_the_same_valid_scenario(tmp_path, suffix):
    sheet = write_template(tmp_path / f"netwerk{suffix}")
    scenario = convert(sheet if suffix else sheet / "organisaties.csv", tmp_path / "netwerk.toml")
    s = load_scenario(scenario)
    assert s.meta.name_nl == "Wijknetwerk Zuidoost" and s.governance.mode == "shared"
    orgs = {o.name: o for o in s.organisations}
    assert orgs["Gemeente Zuidoost"].kind == "municipality" and orgs["Gemeente Zuidoost"].mandate == 0.7   # "0,7"
    assert orgs["Gemeente Zuidoost"].roles == ["funder", "initiator"]                 # "financier, initiatiefnemer"
    assert orgs["Wijkverpleging Thuis"].rivals == ["Zorg Dichtbij"] and orgs["Woonstichting Oost"].joins_at == 26
    assert orgs["Welzijn Zuidoost"].outside_option == -0.2                              # "-0,2"
    assert orgs["Welzijn Zuidoost"].interests == {"eenzaam": 0.7, "thuis": 0.3}
    forums = {f.id: f for f in s.forums}
    assert forums["wijktafel"].members == ["all"] and forums["eenzaamheid"].physical is False
    assert forums["stuurgroep"].members == ["Gemeente Zuidoost", "Welzijn Zuidoost", "Woonstichting Oost"]
    text = scenario.read_text(encoding="utf-8")
    assert text.startswith("# Wijknetwerk Zuidoost: written by `netwerksim new --from") and "# a partner" in text


def test_filled_in_by_an_advisor_then_compared_end_to_end(tmp_path, capsys):
    folder = tmp_path / "klant"
    assert main(["new", "--template", str(folder)]) == 0
    organisations = _rows(folder / "organisaties.csv")
    organisations.append(["Bibliotheek Oost", "bibliotheek", "4", "2", "0,5", "0,5", "0,4", "0,7", "0", "", "", "0"])
    _write(folder / "organisaties.csv", organisations)
    _write(folder / "belangen.csv", [*_rows(folder / "belangen.csv"), ["Bibliotheek Oost", "eenzaam", "1"]])
    scenario = tmp_path / "klant.toml"
    assert main(["new", "--from", str(folder / "organisaties.csv"), "--out", str(scenario)]) == 0
    assert "Bibliotheek Oost" in capsys.readouterr().out
    assert {o.name: o.interests for o in load_scenario(scenario).organisations}["Bibliotheek Oost"] == {"eenzaam": 1.0}
    out = tmp_path / "rapport"
    assert main(["compare", str(scenario), "--option", "trekker[Welzijn trekt]: governance.mode=lead_organisation, "
                 "governance.lead=Welzijn Zuidoost", "--question", "Helpt het als Welzijn trekt?", "--replications",
                 "2", "--steps", "20", "--workers", "1", "--no-plots", "--out", str(out)]) == 0
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "Wijknetwerk Zuidoost" in report and "Helpt het als Welzijn trekt?" in report and "Welzijn trekt" in report


@pytest.mark.parametrize("sheet, row, column, value, says", [
    ("organisaties", 1, 4, "1,5", "sheet 'organisaties', row 2, column 'mandaat': value '1,5'"),
    ("organisaties", 2, 1, "dokters", "sheet 'organisaties', row 3, column 'soort': value 'dokters'"),
    ("organisaties", 3, 2, "veel", "sheet 'organisaties', row 4, column 'professionals': value 'veel'"),
    ("organisaties", 1, 0, "", "sheet 'organisaties', row 2, column 'naam': empty; required"),
    ("belangen", 1, 0, "Gemeente West", "sheet 'belangen', row 2, column 'organisatie': value 'Gemeente West' is not"),
    ("belangen", 1, 2, "-1", "sheet 'belangen', row 2, column 'gewicht': value '-1': a number in [0, 100]"),
    ("tafels", 1, 3, "Gemeente Zuidoost, Welzijn Zuid", "sheet 'tafels', row 2, column 'leden': value 'Welzijn Zuid'"),
    ("tafels", 2, 7, "thuis, oud", "sheet 'tafels', row 3, column 'opgaven': value 'oud' is not allowed"),
    ("opgaven", 1, 4, "Niemand", "sheet 'opgaven', row 2, column 'eigenaar': value 'Niemand' is not allowed"),
    ("netwerk", 5, 1, "anarchie", "governance.mode"),
])
def test_a_bad_cell_is_named_by_sheet_row_and_column_and_nothing_is_written(tmp_path, capsys, sheet, row, column,
                                                                           value, says):
    folder = write_template(tmp_path / "netwerk")
    rows = _rows(folder / f"{sheet}.csv")
    rows[row][column] = value
    _write(folder / f"{sheet}.csv", rows)
    with pytest.raises(SpreadsheetError) as raised:
        convert(folder)
    assert says in str(raised.value)
    assert main(["new", "--from", str(folder)]) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err and not (tmp_path / "netwerk.toml").exists()


def test_an_unknown_column_or_a_missing_sheet_says_what_is_allowed(tmp_path):
    folder = write_template(tmp_path / "netwerk")
    rows = _rows(folder / "opgaven.csv")
    rows[0][3] = "moeilijk"
    _write(folder / "opgaven.csv", rows)
    with pytest.raises(SpreadsheetError, match=r"sheet 'opgaven', column 'moeilijk': not a column of this sheet; "
                                               r"allowed: 'id', 'naam', 'naam engels', 'moeilijkheid'"):
        convert(folder)
    (folder / "organisaties.csv").unlink()
    with pytest.raises(SpreadsheetError, match="no sheet 'organisaties'"):
        convert(folder)


def test_english_sheet_and_column_names_are_read_too(tmp_path):
    path = tmp_path / "network.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"name": ["A", "B"], "kind": ["municipality", "welfare"], "professionals": [3, 5]}).to_excel(
            writer, sheet_name="Organisations", index=False)
        pd.DataFrame({"id": ["x"], "name": ["Issue X"]}).to_excel(writer, sheet_name="Issues", index=False)
        pd.DataFrame({"organisation": ["A", "B"], "issue": ["x", "x"], "weight": [1, 2]}).to_excel(
            writer, sheet_name="Interests", index=False)
    s = load_scenario(convert(path))
    assert [o.interests for o in s.organisations] == [{"x": 1.0}, {"x": 2.0}] and s.meta.name_nl == "network"
    assert len(s.forums) == 1 and s.forums[0].members == ["all"]        # no tables: one network meeting


def test_an_existing_scenario_or_template_is_never_written_over(tmp_path):
    sheet = write_template(tmp_path / "netwerk.xlsx")
    before = sheet.read_bytes()
    with pytest.raises(SpreadsheetError, match="already exists"):
        write_template(sheet)
    target = tmp_path / "netwerk.toml"
    target.write_text("# mine", encoding="utf-8")
    with pytest.raises(SpreadsheetError, match="already exists; netwerksim new never replaces a file"):
        convert(sheet)
    assert target.read_text(encoding="utf-8") == "# mine" and sheet.read_bytes() == before


def test_a_file_that_is_no_spreadsheet_is_refused_clearly(tmp_path):
    bad = tmp_path / "netwerk.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(SpreadsheetError, match=r"netwerk.xlsx: cannot be read as a .xlsx spreadsheet"):
        convert(bad)
    with pytest.raises(SpreadsheetError, match=r"value '.txt' is not a spreadsheet this reads; allowed: .xlsx, .ods"):
        convert(tmp_path / "netwerk.txt")


def test_the_scenario_written_reads_back_to_the_same_data(tmp_path):
    from netwerksim.spreadsheet import scenario_data  # noqa: PLC0415
    sheet = write_template(tmp_path / "netwerk.ods")
    data = scenario_data(sheet)
    written = tomllib.loads(convert(sheet).read_text(encoding="utf-8"))
    assert written == data


# --- fuzzing: any cell text gives a scenario or a clear refusal, never a traceback ---------------------------
CELLS = st.sampled_from(["", " ", "x", "0", "-0,5", "1,5", "1e400", "nan", "inf", "ja", "nee", "alle", "soort:gemeente",
                         "soort:xyz", ",,,", "a, b", "Gemeente Zuidoost", "thuis", "12", "100001", "3.5", "=1+1", "é" * 300,
                         "\"quoted\"", "kind:welfare"])


@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(changes=st.lists(st.tuples(st.sampled_from(["organisaties", "opgaven", "belangen", "tafels", "netwerk"]),
                                  st.integers(0, 12), st.integers(0, 12), CELLS), min_size=1, max_size=4))
def test_any_cell_text_gives_a_valid_scenario_or_a_refusal_naming_the_sheet(tmp_path_factory, changes):
    folder = write_template(tmp_path_factory.mktemp("fuzz") / "netwerk")
    for sheet, row, column, text in changes:
        rows = _rows(folder / f"{sheet}.csv")
        r = rows[row % len(rows)]
        r[column % len(r)] = text
        _write(folder / f"{sheet}.csv", rows)
    try:
        written = convert(folder)
    except SpreadsheetError as exc:
        said = str(exc)
        assert str(folder) in said and any(w in said for w in ("sheet '", "field ", "cannot be read")), said
        assert all(line.startswith(str(folder)) for line in said.splitlines()), said
    else:
        load_scenario(written)                          # what was written is a valid scenario
