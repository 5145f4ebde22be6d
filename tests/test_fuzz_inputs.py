"""Property-based fuzzing of the three kinds of input file with Hypothesis (issue 12; validation_methods.md §6).

Hypothesis generates scenario, comparison and sweep files, valid and broken (a field set to junk,
deleted or misspelt; a byte-order mark, a cut-off or non-UTF-8 file), writes them with ``tomli_w``
and hands them to the real command line, :func:`netwerksim.cli.main`:

* a scenario file ``netwerksim validate`` accepts runs 5 weeks (``netwerksim run --steps 5``) with exit 0;
* a comparison or sweep file the loader accepts runs (``netwerksim compare`` / ``sweep``) with exit 0;
* every file that is refused exits 2 with a message that names the file and the field (or, for a
  file that is not TOML at all, the reason); no exception ever leaves ``main`` (no traceback).

Profiles: ``fast`` (100 examples per property, in ``make test`` and ``make test-fast``) and ``thorough``
(1,000, marked slow and validate: in ``make validate``); both derandomised, so CI is reproducible.
``NETWERKSIM_FUZZ=explore`` makes the slow tests randomised instead, to hunt for new counterexamples.
Counts (files tried, accepted, rejected, tracebacks) are printed (``pytest -s``) and, when
``NETWERKSIM_FUZZ_COUNTS`` names a file, appended to it as JSON lines (``scripts/fuzz_counts.sh`` prints them).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netwerksim.cli import main
from netwerksim.compare import REPORTED, ComparisonError, load_comparison
from netwerksim.interventions import ISSUE, REGISTRY, TARGET
from netwerksim.params import PARAMETERS
from netwerksim.scenario import KINDS
from netwerksim.sweeps import SweepError, load_sweep

_COMMON = dict(deadline=None, database=None, print_blob=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
settings.register_profile("fast", max_examples=100, derandomize=True, **_COMMON)
settings.register_profile("thorough", max_examples=1000, derandomize=True, **_COMMON)
settings.register_profile("explore", max_examples=int(os.environ.get("NETWERKSIM_FUZZ_EXAMPLES", "2000")),
                          derandomize=False, **_COMMON)
PROFILES = ["fast", pytest.param(os.environ.get("NETWERKSIM_FUZZ", "thorough"),
                                 marks=[pytest.mark.slow, pytest.mark.validate])]   # 1,000 examples: make validate

ISSUES = ["a", "b", "c"]
NAMES = ["Zorg", "Welzijn", "Gemeente", "GGZ"]
GROUPS = ["Wijk", "Huisarts"]
FILE_LEVEL = ("not valid TOML", "not a UTF-8 text file", "nested too deeply", "larger than")


# --- values ------------------------------------------------------------------------------------------------
def real(low: float, high: float) -> st.SearchStrategy[float]:
    return st.floats(low, high, allow_nan=False, allow_infinity=False)


fraction = real(0, 1)
leaf = (st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.floats() | st.text(max_size=6)
        | st.sampled_from(["1e3", "true", "0.5", "", "all", "nan", "a", "Zorg", "kind:welfare"]))
junk = st.recursive(leaf, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                    max_leaves=12)
strange_numbers = st.sampled_from([float("inf"), float("-inf"), float("nan"), 1e-320, 1e308, -1, 0, 10**12, True])


def maybe(fields: dict[str, st.SearchStrategy]) -> st.SearchStrategy[dict]:
    return st.fixed_dictionaries({}, optional=fields)


def distribution(low: float, high: float) -> st.SearchStrategy[dict]:
    """A distribution whose support keeps to [low, high] (a beta one only where that holds [0, 1])."""
    def uniform(pair):
        return {"dist": "uniform", "low": min(pair), "high": max(pair)}
    beta = st.fixed_dictionaries({"dist": st.just("beta"), "a": real(0.01, 1000), "b": real(0.01, 1000)})
    return st.one_of(
        st.tuples(real(low, high), real(low, high)).map(uniform),
        st.fixed_dictionaries({"dist": st.just("normal"), "mean": real(low, high), "sd": real(0, high - low)}),
        *([beta] if low <= 0 and high >= 1 else []))


def drawn(low: float, high: float) -> st.SearchStrategy:
    return real(low, high) | distribution(low, high)


# --- scenario files ----------------------------------------------------------------------------------------
TRAITS = {"hours_per_professional": real(0, 40), "collective_weight": fraction, "autonomy_ceded": fraction,
          "mandate": fraction, "pledge": fraction, "outside_option": real(-10, 10), "workload": fraction,
          "drive": fraction, "culture_control": fraction, "representation": fraction}
motives = maybe({m: real(0, 10) for m in ("instrumental", "affective", "moral")})


def weights(ids: list[str]) -> st.SearchStrategy[dict]:
    return st.dictionaries(st.sampled_from(ids), real(0, 100), max_size=3)


@st.composite
def event(draw, steps: int, orgs: list[str]) -> dict:
    name = draw(st.sampled_from(sorted(REGISTRY)))
    entry = REGISTRY[name]
    params = {}
    for key, opt in entry.options.items():
        if opt.default is not None and draw(st.booleans()):
            continue
        if opt.choices == TARGET:
            params[key] = draw(st.sampled_from(["all", "kind:welfare", "kind:municipality", *orgs]))
        elif opt.choices == ISSUE:
            params[key] = draw(st.sampled_from(["all", *ISSUES]))
        elif opt.choices is not None:
            params[key] = draw(st.sampled_from(opt.choices))
        elif isinstance(opt.default, int):
            params[key] = draw(st.integers(int(opt.low), int(opt.high)))
        else:
            params[key] = draw(real(opt.low, opt.high))
    if name == "set_parameter":
        p = PARAMETERS[draw(st.sampled_from(sorted(PARAMETERS)))]
        params = {"name": p.name, "value": draw(real(p.low, p.high))}
    return {"at": draw(st.integers(0, steps)), "type": name, **params}


@st.composite
def scenario_dicts(draw) -> dict:
    """A scenario within every documented range (small, so 5 weeks run in milliseconds); may still break
    a cross-reference rule, which validation then has to catch."""
    steps = draw(st.integers(1, 12))
    issues = [{"id": i, "name_nl": i.upper(), "name_en": i.upper(),
               **draw(maybe({"difficulty": real(0.01, 100), "ideas": real(0, 1000), "convergence": fraction,
                             "phase": st.sampled_from(["pioneer", "experiment", "implementation"]),
                             "required_kinds": st.lists(st.sampled_from(KINDS), max_size=2)}))}
              for i in ISSUES[:draw(st.integers(1, 3))]]
    ids = [i["id"] for i in issues]
    interests = weights(ids)
    names = NAMES[:draw(st.integers(0, 4))]
    orgs = [{"name": n, "kind": draw(st.sampled_from(KINDS)), "professionals": draw(st.integers(1, 12)),
             **draw(maybe({**TRAITS, "motives": motives, "interests": interests, "joins_at": st.integers(0, steps),
                           "roles": st.lists(st.sampled_from(["initiator", "lead", "funder", "nao"]), max_size=2),
                           "rivals": st.lists(st.sampled_from([m for m in names if m != n] or ["-"]), max_size=1)
                           if len(names) > 1 else st.just([])}))} for n in names]
    groups = [{"name": g, "kind": draw(st.sampled_from(KINDS)), "count": draw(st.integers(1, 6)),
               **draw(maybe({**{k: drawn(*r) for k, r in (("hours_per_professional", (0, 40)), ("outside_option", (-10, 10)))},
                             **{k: drawn(0, 1) for k in TRAITS if k not in ("hours_per_professional", "outside_option")},
                             "professionals": st.integers(1, 12) | distribution(1, 12), "motives": motives,
                             "interests": interests | st.just("random"), "issues_per_organisation": st.integers(1, 4),
                             "joins_at": st.integers(0, steps)}))}
              for g in GROUPS[:draw(st.integers(0 if names else 1, 2))]]
    members = st.lists(st.sampled_from(["all", *names, "kind:welfare", "kind:care_provider"]), min_size=1, max_size=3)
    forums = [{"id": f"t{j}", "name_nl": f"Tafel {j}", "name_en": f"Table {j}",
               **draw(maybe({"members": members, "delegates": st.integers(1, 4), "frequency": st.integers(1, 52),
                             "hours": real(0.01, 40), "physical": st.booleans(),
                             "issues": st.lists(st.sampled_from(ids), max_size=2),
                             "level": st.sampled_from(["mixed", "administrative", "frontline"])}))}
              for j in range(draw(st.integers(0, 2)))]
    forum_groups = [{"name": f"Wijktafel{j}", "count": draw(st.integers(1, 3)),
                     **draw(maybe({"organisations_per_forum": st.integers(2, 5), "delegates": st.integers(1, 3),
                                   "frequency": st.integers(1, 52), "hours": real(0.01, 40), "physical_share": fraction}))}
                    for j in range(draw(st.integers(0, 1)))]
    mode = draw(st.sampled_from(["shared", "lead_organisation", "nao"] if names else ["shared", "nao"]))
    governance = {"mode": mode, **draw(maybe({
        **({"lead": st.sampled_from(names), "accountable": st.sampled_from(names)} if names else {}),
        "decision_rule": st.sampled_from(["consensus", "majority"]), "agreements": st.sampled_from(["joint", "separate"]),
        "competition_incentive": st.booleans(), "competition_acknowledged": st.booleans(),
        "reflection_every": st.integers(0, 6), "reflection_depth": fraction, "room": fraction,
        "shared_ambition": interests, **({"nao_hours": real(0, 100_000)} if mode == "nao" else {})}))}
    if mode == "lead_organisation":
        governance.setdefault("lead", names[0])
    parameters = draw(st.dictionaries(st.sampled_from(sorted(PARAMETERS)), st.just(0.0), max_size=3))
    parameters = {k: draw(real(PARAMETERS[k].low, PARAMETERS[k].high)) for k in parameters}
    targets = [*names, *(f"{g['name']} 1" for g in groups)]
    return {"meta": {"name_nl": "Fuzz", "name_en": "Fuzz", "steps": steps, "seed": draw(st.integers(0, 2**63 - 1)),
                     **draw(maybe({"record_every": st.integers(1, 4)}))},
            "issues": issues, "organisations": orgs, "organisation_groups": groups, "forums": forums,
            "forum_groups": forum_groups, "governance": governance, "parameters": parameters,
            "events": draw(st.lists(event(steps, targets), max_size=3))}


# --- breaking a file ---------------------------------------------------------------------------------------
def _slots(data, path=()):
    """Every (container, key, path) in nested dicts and lists."""
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        yield data, key, (*path, key)
        yield from _slots(value, (*path, key))


@st.composite
def broken(draw, data: dict) -> dict:
    """``data`` with 1-3 faults: a value replaced by junk or a strange number, a field deleted, an unknown field."""
    for _ in range(draw(st.integers(1, 3))):
        slots = list(_slots(data))
        if not slots:
            break
        container, key, _ = slots[draw(st.integers(0, len(slots) - 1))]
        action = draw(st.sampled_from(["junk", "number", "delete", "unknown"]))
        if action == "junk":
            container[key] = draw(junk)
        elif action == "number":
            container[key] = draw(strange_numbers)
        elif action == "delete":
            container.pop(key)
        elif isinstance(container, dict):
            container[draw(st.sampled_from(["colour", "professionalz", "stepz", "x"]))] = draw(leaf)
    return data


@st.composite
def file_bytes(draw, data: dict) -> bytes:
    """The TOML text of ``data``, sometimes with a byte-order mark, cut off, or with bytes that are not UTF-8."""
    text = tomli_w.dumps(data).encode()
    fault = draw(st.sampled_from(["none"] * 6 + ["bom", "bom", "cut", "latin1"]))
    if fault == "bom":
        return b"\xef\xbb\xbf" + text
    if fault == "cut":
        return text[:draw(st.integers(0, max(0, len(text) - 1)))]
    if fault == "latin1":
        return text + "\n# café\n".encode("latin-1")
    return text


def maybe_broken(valid: st.SearchStrategy[dict]) -> st.SearchStrategy[bytes]:
    """Half the files valid as generated, half with faults in their data; then file-level faults."""
    return st.tuples(valid, st.booleans()).flatmap(
        lambda pair: (broken(pair[0]) if pair[1] else st.just(pair[0])).flatmap(file_bytes))


# --- the property --------------------------------------------------------------------------------------------
def cli(*args: str) -> tuple[int, str]:
    """``netwerksim ARGS`` in this process: (exit status, stderr). An exception escaping main fails the test."""
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:   # argparse
            code = exc.code
    return code, err.getvalue()


def names_file_and_field(message: str, path: Path) -> bool:
    """The message names the file and a field (or, for a file that is no TOML, why not)."""
    if str(path) not in message or "Traceback" in message:
        return False
    return bool(re.search(r"field [^\n]+?: ", message)) or any(w in message for w in FILE_LEVEL)


class Tally:
    """Files tried, accepted, rejected, tracebacks: printed and optionally saved for the report."""

    def __init__(self, kind: str, profile: str):
        self.kind, self.profile, self.counts = kind, profile, Counter()

    def report(self) -> None:
        c = self.counts
        line = {"kind": self.kind, "profile": self.profile, "tried": c["tried"], "accepted": c["accepted"],
                "rejected": c["rejected"], "tracebacks": c["tracebacks"]}
        print(f"\nfuzz {self.kind} ({self.profile}): {line}")
        if os.environ.get("NETWERKSIM_FUZZ_COUNTS"):
            with open(os.environ["NETWERKSIM_FUZZ_COUNTS"], "a", encoding="utf-8") as fh:
                fh.write(json.dumps(line) + "\n")


def check_file(tally: Tally, raw: bytes, name: str, accepted, command: list[str], extra: dict[str, bytes] | None = None) -> None:
    """Write ``raw`` (and ``extra`` files beside it); ``accepted(path)`` says whether it validates; then
    the command must exit 0 if it did, else 2 naming the file and a field; never an exception."""
    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
    try:
        path = folder / name
        path.write_bytes(raw)
        for other, content in (extra or {}).items():
            (folder / other).write_bytes(content)
        tally.counts["tried"] += 1
        try:
            ok, why = accepted(path)
            code, err = cli(*[str(path) if a == "{path}" else str(folder / "out") if a == "{out}" else a for a in command])
        except BaseException:
            tally.counts["tracebacks"] += 1
            raise
        tally.counts["accepted" if ok else "rejected"] += 1
        if ok:
            assert code == 0, f"accepted, then exit {code}:\n{err}\n{raw.decode(errors='replace')}"
        else:
            assert code == 2, f"refused, but exit {code}:\n{err}"
            assert names_file_and_field(why, path), why
            assert names_file_and_field(err, path), err
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _validated(path: Path) -> tuple[bool, str]:
    code, err = cli("validate", str(path))
    assert code in (0, 2), err
    return code == 0, err


def fuzz(kind: str, profile: str, files: st.SearchStrategy[bytes], name: str, accepted, command: list[str],
         extra: dict[str, bytes] | None = None) -> None:
    """Run the property over ``files`` with a profile; report the counts; no traceback, both outcomes common."""
    tally = Tally(kind, profile)

    @settings(settings.get_profile(profile))
    @given(raw=files)
    def prop(raw: bytes) -> None:
        check_file(tally, raw, name, accepted, command, extra)

    try:
        prop()
    finally:
        tally.report()
    c = tally.counts
    assert c["tracebacks"] == 0
    assert c["accepted"] > c["tried"] / 5 and c["rejected"] > c["tried"] / 5   # both sides really explored


@pytest.mark.parametrize("profile", PROFILES)
def test_every_scenario_file_validate_accepts_runs_and_every_other_exits_2_naming_file_and_field(profile):
    fuzz("scenario", profile, maybe_broken(scenario_dicts()), "scenario.toml", _validated,
         ["run", "{path}", "--steps", "5", "--out", "{out}", "--no-plots"])


# --- comparison and sweep files ---------------------------------------------------------------------------
SMALL = tomli_w.dumps({
    "meta": {"name_nl": "Klein", "name_en": "Small", "steps": 6},
    "issues": [{"id": "a", "name_nl": "A", "name_en": "A"}, {"id": "b", "name_nl": "B", "name_en": "B"}],
    "organisations": [{"name": "Zorg", "kind": "care_provider", "professionals": 4, "interests": {"a": 1.0}},
                      {"name": "Welzijn", "kind": "welfare", "professionals": 3, "interests": {"b": 1.0}}],
    "organisation_groups": [{"name": "Wijk", "kind": "welfare", "count": 2, "professionals": 3}],
    "forums": [{"id": "t", "name_nl": "Tafel", "name_en": "Table", "delegates": 2}],
}).encode()
FIELDS = {   # scenario fields an option or a sweep may set, with values of the right kind
    "organisations[Zorg].mandate": fraction, "organisations[*].workload": fraction,
    "organisation_groups[Wijk].count": st.integers(1, 5), "organisation_groups[*].professionals": st.integers(1, 6),
    "governance.mode": st.sampled_from(["shared", "nao"]), "governance.room": fraction,
    "issues[a].difficulty": real(0.01, 100), "forums[t].frequency": st.integers(1, 52),
    "governance.competition_incentive": st.booleans(),
}
some_params = st.sampled_from(sorted(PARAMETERS))


@st.composite
def comparison_dicts(draw) -> dict:
    option = maybe({
        "label_nl": st.text(max_size=8), "label_en": st.text(max_size=8),
        "set": st.dictionaries(some_params, st.just(0)).flatmap(lambda d: st.fixed_dictionaries(
            {k: real(PARAMETERS[k].low, PARAMETERS[k].high) for k in d})) | st.sampled_from(sorted(FIELDS)).flatmap(
            lambda f: st.fixed_dictionaries({f: FIELDS[f]})),
        "events": st.lists(event(6, ["Zorg", "Wijk 1"]), max_size=2)})
    names = draw(st.lists(st.sampled_from(["basis", "nao", "convenant", "b-2"]), min_size=2, max_size=3, unique=True))
    header = {"scenario": "small.toml", **draw(maybe({
        "name_nl": st.text(max_size=8), "replications": st.integers(2, 3), "seed": st.integers(0, 2**63 - 1),
        "steps": st.integers(1, 6), "baseline": st.sampled_from(names),
        "metrics": st.lists(st.sampled_from(REPORTED), min_size=1, max_size=3, unique=True)}))}
    header.setdefault("replications", 2)
    return {"comparison": header, "options": {n: draw(option) for n in names}}


@st.composite
def sweep_dicts(draw) -> dict:
    design = draw(st.sampled_from(["grid", "random", "lhs", "sobol", "morris"]))
    space = {}
    for _ in range(draw(st.integers(1, 2))):
        if draw(st.booleans()):
            p = PARAMETERS[draw(some_params)]
            low, high = sorted((draw(real(p.low, p.high)), draw(real(p.low, p.high))))
            space[p.name] = draw(st.just({}) | st.just({"low": low, "high": high}) |
                                 st.just({"values": [low, high]}))
        else:
            f = draw(st.sampled_from(sorted(FIELDS)))
            space[f] = {"values": draw(st.lists(FIELDS[f], min_size=2, max_size=3))}
    header = {"scenario": "small.toml", "design": design, "steps": draw(st.integers(1, 5)),
              **draw(maybe({"replications": st.integers(1, 2), "seed": st.integers(0, 2**63 - 1),
                            "levels": st.integers(2, 3), "common_random_numbers": st.booleans(),
                            "metrics": st.lists(st.sampled_from(REPORTED), min_size=1, max_size=2, unique=True)}))}
    if design != "grid":
        header["samples"] = draw(st.sampled_from([1, 2]))
    return {"sweep": header, "space": space}


def _loads(loader, error):
    def accepted(path: Path) -> tuple[bool, str]:
        try:
            loader(path)
        except error as exc:
            return False, str(exc)
        return True, ""
    return accepted


@pytest.mark.parametrize("profile", PROFILES)
def test_every_comparison_file_that_loads_runs_and_every_other_exits_2_naming_file_and_field(profile):
    fuzz("comparison", profile, maybe_broken(comparison_dicts()), "compare.toml", _loads(load_comparison, ComparisonError),
         ["compare", "{path}", "--workers", "1", "--out", "{out}", "--no-plots"], {"small.toml": SMALL})


@pytest.mark.parametrize("profile", PROFILES)
def test_every_sweep_file_that_loads_runs_and_every_other_exits_2_naming_file_and_field(profile):
    fuzz("sweep", profile, maybe_broken(sweep_dicts()), "sweep.toml", _loads(load_sweep, SweepError),
         ["sweep", "{path}", "--workers", "1", "--out", "{out}"], {"small.toml": SMALL})
