"""The resource guard: sizes counted before anything is built, refusals before memory is spent (issue 12)."""

from __future__ import annotations

import copy
import importlib
import os

import pytest

from netwerksim import resources
from netwerksim.cli import main
from netwerksim.model import NetwerkModel
from netwerksim.resources import ResourceError, parse_size, sizes
from netwerksim.scenario import load_scenario

TOML_HEAD = """
[meta]
name_nl = "Groot"
name_en = "Large"

[[issues]]
id = "a"
name_nl = "A"
name_en = "A"
"""


def _refuse(*args, **kwargs):
    raise AssertionError("arrays were built for work that should have been refused")


@pytest.fixture
def nothing_is_built(monkeypatch):
    """Any attempt to build a model's arrays fails the test."""
    monkeypatch.setattr("netwerksim.model.build_state", _refuse)


@pytest.fixture
def no_design(monkeypatch):
    """Any attempt to build a sweep's design fails the test (its scenario may run one week to list its series)."""
    monkeypatch.setattr("netwerksim.sweeps.spec.make_design", _refuse)


def test_sizes_count_exactly_what_build_state_allocates(small):
    small["organisations"][0]["professionals"] = 2          # fewer than the table's 3 delegates
    small["organisation_groups"] = [{"name": "Wijk", "kind": "welfare", "count": 4, "professionals": 5}]
    small["forums"].append({"id": "w", "name_nl": "W", "name_en": "W", "members": ["kind:welfare", "Zorg"],
                            "delegates": 2})
    small["meta"]["record_every"] = 4
    scenario = load_scenario(small)
    state = NetwerkModel(scenario).state
    counted = sizes(scenario)
    assert counted.organisations == len(state.orgs.name) == 7
    assert counted.professionals == len(state.profs.org)
    assert counted.forums == len(state.forums.id)
    assert counted.memberships == len(state.forums.member_prof)
    assert counted.incidences == len(state.ties.meets_a) >= len(state.ties.src)
    assert counted.records == 7 * (52 // 4 + 1)


def test_generated_forums_and_drawn_professionals_are_counted_by_their_expectation(small):
    small["organisation_groups"] = [{"name": "Wijk", "kind": "welfare", "count": 2000,
                                     "professionals": {"dist": "normal", "mean": 6, "sd": 4}}]
    small["forum_groups"] = [{"name": "F", "count": 3000, "organisations_per_forum": 5, "delegates": 3}]
    small["forums"] = []
    scenario = load_scenario(small)
    state = NetwerkModel(scenario).state
    counted = sizes(scenario)
    assert len(state.profs.org) <= counted.professionals < 1.05 * len(state.profs.org)   # mean + 3 standard errors
    assert counted.memberships == pytest.approx(len(state.forums.member_prof), rel=0.05)  # E[min(3, drawn)]
    assert counted.incidences == pytest.approx(len(state.ties.meets_a), rel=0.05)


@pytest.mark.parametrize("body, words", [
    # 10^9 professionals: 10,000 generated organisations of 100,000
    ('[[organisation_groups]]\nname = "G"\nkind = "welfare"\ncount = 10000\nprofessionals = 100000\n',
     "1e+09 professionals"),
    # a million organisations with a million forums
    ('[[organisation_groups]]\nname = "G"\nkind = "welfare"\ncount = 1000000\nprofessionals = 2\n'
     '[[forum_groups]]\nname = "F"\ncount = 1000000\n', "1e+06 organisations"),
    # ten listed organisations of 100,000 around one table that seats 1,000 of each
    ("".join(f'[[organisations]]\nname = "O{j}"\nkind = "hospital"\nprofessionals = 100000\n' for j in range(10))
     + '[[forums]]\nid = "t"\nname_nl = "T"\nname_en = "T"\ndelegates = 1000\n', "9e+07 pairs meeting"),
])
@pytest.mark.parametrize("command", ["validate", "run"])
def test_a_network_too_large_for_the_limit_is_refused_before_anything_is_built(
        tmp_path, capsys, nothing_is_built, body, words, command):
    path = tmp_path / "large.toml"
    path.write_text(TOML_HEAD + body, encoding="utf-8")
    out = tmp_path / "out"
    assert main([command, str(path), "--max-memory", "2G", *(["--out", str(out)] if command == "run" else [])]) == 2
    err = capsys.readouterr().err
    assert f"{path}: a run needs about" in err and words in err
    assert "more than the limit of 2 GB (--max-memory" in err and "make it smaller" in err
    assert "Traceback" not in err and not out.exists()


def test_the_limit_is_the_memory_available_unless_given(monkeypatch, small, capsys, tmp_path):
    monkeypatch.delenv(resources.LIMIT_VARIABLE, raising=False)
    monkeypatch.setattr(resources, "available_memory", lambda: 10 * 2**20)
    with pytest.raises(ResourceError, match=r"more than the limit of 10 MB \(the memory available now\)"):
        NetwerkModel(load_scenario(small))
    path = tmp_path / "small.toml"
    path.write_text(TOML_HEAD + '[[organisations]]\nname = "Zorg"\nkind = "welfare"\nprofessionals = 3\n',
                    encoding="utf-8")
    assert main(["validate", str(path), "--max-memory", "4G"]) == 0
    printed = capsys.readouterr().out
    assert "a run needs about" in printed and "memory limit 4 GB (--max-memory" in printed
    assert resources.LIMIT_VARIABLE not in os.environ    # the command's limit does not linger


@pytest.mark.parametrize("text, size", [("8G", 8 * 2**30), ("512M", 512 * 2**20), ("1.5GB", int(1.5 * 2**30)),
                                        ("2gib", 2 * 2**30), ("1000", 1000), ("64 K", 64 * 1024)])
def test_sizes_on_the_command_line(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "8Q", "-1G", "0", "lots", "1e9", "nan"])
def test_a_bad_max_memory_exits_2_saying_what_is_allowed(text, capsys):
    assert main(["validate", "zorgnetwerk", f"--max-memory={text}"]) == 2
    err = capsys.readouterr().err
    assert f"--max-memory: value {text!r} is not allowed; a size such as 8G" in err


def test_a_comparison_that_does_not_fit_is_refused_before_any_run(tmp_path, capsys, monkeypatch):
    def no_runs(*args, **kwargs):
        raise AssertionError("a run started")
    monkeypatch.setattr(importlib.import_module("netwerksim.compare.running"), "run_many", no_runs)
    out = tmp_path / "out"
    code = main(["compare", "zorgnetwerk_governance", "--workers", "2", "--replications", "3", "--max-memory", "25M",
                 "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and "runs, 2 at a time, need about" in err and "more than the limit of 25 MB" in err   # one run fits, two at once do not
    assert not out.exists()


@pytest.mark.parametrize("header, space, words", [
    ('design = "morris"\nsamples = 10000000', ["trust.forgetting", "trust.negative_weight"],
     "field sweep.samples: the morris design has 30,000,000 points"),
    ('design = "grid"\nlevels = 1000', ["trust.forgetting", "trust.negative_weight", "meeting.fatigue"],
     "field sweep.levels: the grid design has 1,000,000,000 points"),
])
def test_a_sweep_too_large_is_refused_before_its_design_is_built(tmp_path, capsys, no_design, header, space, words):
    path = tmp_path / "sweep.toml"
    path.write_text(f'[sweep]\nscenario = "zorgnetwerk"\n{header}\n' + "".join(f'[space."{p}"]\n' for p in space),
                    encoding="utf-8")
    assert main(["sweep", str(path), "--workers", "1", "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert f"{path}: {words}" in err and "at most 10,000,000 allowed" in err and "Traceback" not in err


def test_a_sweep_over_a_groups_size_is_sized_at_its_largest_value(tmp_path, small):
    import tomli_w  # noqa: PLC0415

    data = copy.deepcopy(small)
    data["organisation_groups"] = [{"name": "Wijk", "kind": "welfare", "count": 10, "professionals": 5}]
    (tmp_path / "small.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    path = tmp_path / "sweep.toml"
    path.write_text('[sweep]\nscenario = "small.toml"\ndesign = "grid"\n'
                    '[space."organisation_groups[Wijk].count"]\nvalues = [10, 500000]\n', encoding="utf-8")
    from netwerksim.sweeps import load_sweep  # noqa: PLC0415

    with pytest.raises(ResourceError, match=r'field space."organisation_groups\[Wijk\].count": a run needs about .*\(500,003 organisations.*this machine has .* in all'):
        with pytest.MonkeyPatch.context() as m:
            m.setenv(resources.LIMIT_VARIABLE, "200M")
            load_sweep(path)


def test_the_estimate_of_an_explained_run_follows_explain_py():
    """`netwerksim run` attributes each dip by replaying the run and branching from the replay (explain.py)."""
    from netwerksim import explain  # noqa: PLC0415
    from netwerksim.chain import BESIDES  # noqa: PLC0415

    assert resources.EXPLAIN_WEEKS == 1 + explain.BUDGET + len(BESIDES)
    scenario = load_scenario("zorgnetwerk")
    plain, explained = resources.estimate(scenario), resources.estimate(scenario, explain=True)
    assert explained.bytes - resources.BYTES["base"] == pytest.approx(3 * (plain.bytes - resources.BYTES["base"]))
    assert explained.seconds > 3 * plain.seconds


def test_the_estimate_of_a_week_grows_with_the_issues_at_least_as_the_recorded_rows_do():
    """Four columns per issue in every week's row (issue 17's per-issue outcomes): a network with 300 issues
    records far more a week than one with 3; the estimate grows by at least what the rows really hold (their
    dicts and numbers, measured with sys.getsizeof over 20 weeks: 53 kB a week more), and not wildly more."""
    import sys

    from netwerksim.scenario import validate

    def scenario(k: int):
        data = load_scenario("wijkteam").model_dump(mode="json", exclude_none=True)
        data["issues"] = [{"id": f"i{j}", "name_nl": f"O{j}", "name_en": f"I{j}"} for j in range(k)]
        for o in data["organisations"]:
            o["interests"] = {"i0": 1.0}
        for f in data["forums"]:
            f["issues"] = [i for i in f.get("issues", []) if i == "i0"]
        data["meta"] = {**data["meta"], "steps": 20}
        return validate(data, "t")

    def rows_bytes(k: int) -> float:
        m = NetwerkModel(scenario(k), rng=1, mesa_data=False)
        for _ in range(20):
            m.step()
        return sum(sys.getsizeof(r) + sum(sys.getsizeof(v) for v in r.values()) for r in m.rows) / len(m.rows)

    measured = rows_bytes(300) - rows_bytes(3)
    estimated = (resources.estimate(scenario(300)).bytes - resources.estimate(scenario(3)).bytes) / 21
    assert measured > 10_000 and measured <= estimated <= 3 * measured
