"""Scenario files: every bundled one validates, and bad input gets one clear message."""

import subprocess
import sys

import pytest

from netwerksim import ScenarioError, load_scenario
from netwerksim.inputs import MAX_FILE_BYTES
from netwerksim.scenario import bundled, bundled_names

GOOD = """
[meta]
name_nl = "Test"
name_en = "Test"
steps = 10

[[issues]]
id = "a"
name_nl = "A"
name_en = "A"

[[organisations]]
name = "Zorg"
kind = "care_provider"
professionals = 4
interests = { a = 1.0 }
"""


def test_bundled_scenarios_validate_and_describe_themselves_in_both_languages():
    assert "zorgnetwerk" in bundled_names()
    for name, s in bundled().items():
        assert s.meta.description_nl and s.meta.description_en, name


def test_generated_groups_and_distributions_are_accepted(small):
    small["organisation_groups"] = [{"name": "Huisarts", "kind": "gp_coop", "count": 30,
                                     "professionals": {"dist": "uniform", "low": 2, "high": 9},
                                     "workload": {"dist": "beta", "a": 2, "b": 3}}]
    small["forum_groups"] = [{"name": "Wijktafel", "count": 5}]
    s = load_scenario(small)
    assert s.organisation_groups[0].count == 30


GROUP = """
[[organisation_groups]]
name = "Wijk"
kind = "welfare"
count = 3
{}
"""


@pytest.mark.parametrize("edit, field, words", [
    (lambda t: t.replace('professionals = 4', 'professionals = 4\ncolour = "red"'), "organisations[0].colour", "unknown field"),
    (lambda t: t.replace('professionals = 4', 'professionals = "four"'), "organisations[0].professionals", "'four'"),
    (lambda t: t.replace('professionals = 4', 'professionals = 4\nmandate = 1.5'), "organisations[0].mandate", "1.5"),
    (lambda t: t.replace('kind = "care_provider"', 'kind = "castle"'), "organisations[0].kind", "allowed: 'hospital'"),
    (lambda t: t.replace('a = 1.0', 'z = 1.0'), "organisations[0].interests", "'z' is not an issue"),
    (lambda t: t + '\n[[events]]\nat = 3\ntype = "meteor"\n', "events[0].type", "'meteor' is not allowed"),
    (lambda t: t + '\n[[events]]\nat = 3\ntype = "staff_shortage"\namount = 7\n', "events[0].amount", "[0.0, 1.0]"),
    (lambda t: t + '\n[[events]]\nat = 30\ntype = "staff_shortage"\n', "events[0].at", "after the last step"),
    (lambda t: t + '\n[parameters]\n"trust.forgetting" = 2\n', "parameters.trust.forgetting", "outside its range"),
    (lambda t: t.replace('steps = 10', ''), None, None),
    # strict, finite, bounded numbers (issue 12): no bool or text as a number, no inf or nan
    (lambda t: t.replace('professionals = 4', 'professionals = true'), "organisations[0].professionals", "whole number"),
    (lambda t: t.replace('steps = 10', 'steps = "1e3"'), "meta.steps", "'1e3'"),
    (lambda t: t.replace('a = 1.0', 'a = inf'), "organisations[0].interests.a", "finite number"),
    (lambda t: t.replace('a = 1.0', 'a = 1.0 }\nmotives = { moral = nan'), "organisations[0].motives.moral", "finite"),
    (lambda t: t.replace('name_en = "A"', 'name_en = "A"\ndifficulty = 1e-320'), "issues[0].difficulty", "0.01"),
    (lambda t: t + GROUP.format('professionals = { dist = "uniform", low = 1, high = 1e12 }'),
     "organisation_groups[0].professionals", "outside the field's range [1, 100000]"),
    (lambda t: t + GROUP.format('professionals = -5'), "organisation_groups[0].professionals", "[1, 100000]"),
    (lambda t: t + GROUP.format('workload = 5'), "organisation_groups[0].workload", "[0, 1]"),
    (lambda t: t + GROUP.format('mandate = nan'), "organisation_groups[0].mandate", "finite"),
    (lambda t: t + GROUP.format('drive = { dist = "normal", mean = 2, sd = 0.1 }'), "organisation_groups[0].drive",
     "mean 2 lies outside"),
    (lambda t: t + GROUP.format('professionals = { dist = "beta", a = 2, b = 2 }'),
     "organisation_groups[0].professionals", "beta distribution draws in [0, 1]"),
    (lambda t: t + '\n[[events]]\nat = 3\ntype = "staff_shortage"\namount = true\n', "events[0].amount", "[0.0, 1.0]"),
    (lambda t: t + '\n[[events]]\nat = 3\ntype = "x"\ny = ' + "[" * 40 + "]" * 40, "events[0].y[0]", "32 levels"),
])
def test_a_broken_file_names_file_field_and_value(tmp_path, edit, field, words):
    path = tmp_path / "broken.toml"
    path.write_text(edit(GOOD), encoding="utf-8")
    if field is None:  # a default fills a missing optional field
        assert load_scenario(path).meta.steps == 156
        return
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    message = str(err.value)
    assert str(path) in message and f"field {field}" in message and words in message


def test_a_byte_order_mark_is_accepted_and_deep_nesting_or_a_huge_file_are_refused(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert load_scenario(path).organisations[0].professionals == 4
    deep = tmp_path / "deep.toml"
    deep.write_text(GOOD + "\n[[events]]\nat = 1\ntype = 'x'\ny = " + "[" * 500 + "]" * 500, encoding="utf-8")
    with pytest.raises(ScenarioError, match=f"{deep}: tables or arrays nested too deeply.*at most 32 levels"):
        load_scenario(deep)
    huge = tmp_path / "huge.toml"
    huge.write_text(GOOD + "#" * MAX_FILE_BYTES, encoding="utf-8")
    with pytest.raises(ScenarioError, match=f"{huge}: larger than 10 MiB; a scenario file holds at most 10 MiB"):
        load_scenario(huge)
    with pytest.raises(ScenarioError, match=r"/dev/zero: larger than 10 MiB \(not a regular file\)"):
        load_scenario("/dev/zero")


def test_a_groups_draws_keep_to_the_fields_range(small):
    """A normal distribution is clipped to the range of the same field of a listed organisation."""
    from netwerksim.model import NetwerkModel  # noqa: PLC0415

    small["organisation_groups"] = [{"name": "G", "kind": "welfare", "count": 200,
                                     "professionals": {"dist": "normal", "mean": 2, "sd": 3},
                                     "mandate": {"dist": "normal", "mean": 0.95, "sd": 0.5}}]
    orgs = NetwerkModel(load_scenario(small)).state.orgs
    drawn, mandate = orgs.n_professionals[3:], orgs.mandate[3:]
    assert len(drawn) == 200 and drawn.dtype.kind == "i"
    assert drawn.min() == 1 and 0.25 < (drawn == 1).mean() < 0.5       # P(N(2, 3) < 1.5) = 0.43
    assert mandate.max() == 1.0 and 0.4 < (mandate == 1.0).mean() < 0.6  # P(N(0.95, 0.5) > 1) = 0.46


def test_toml_syntax_error_and_missing_file(tmp_path):
    bad = tmp_path / "syntax.toml"
    bad.write_text("[meta\nname_nl = ", encoding="utf-8")
    with pytest.raises(ScenarioError, match="not valid TOML"):
        load_scenario(bad)
    with pytest.raises(ScenarioError, match="file not found"):
        load_scenario(tmp_path / "nope.toml")


@pytest.mark.parametrize("command", ["run", "validate"])
def test_cli_rejects_bad_input_with_status_2_one_message_and_no_results(tmp_path, command):
    path = tmp_path / "broken.toml"
    path.write_text(GOOD.replace("professionals = 4", "professionals = -1"), encoding="utf-8")
    out = tmp_path / "out"
    args = [sys.executable, "-m", "netwerksim.cli", command, str(path)] + (["--out", str(out)] if command == "run" else [])
    proc = subprocess.run(args, capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "organisations[0].professionals" in proc.stderr and "-1" in proc.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == [path]
