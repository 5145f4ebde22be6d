"""Memory and time estimate (``netwerksim.resources``) against the real peak RSS and run time.

What it measures
----------------
Each case is a generated scenario of a family and a size (below), run like ``netwerksim run`` does
(load the file, build, step, save the results folder with plots) in its own fresh subprocess. Before
the case the subprocess imports everything and runs a tiny scenario once (so imports and caches are
not counted), then resets the peak RSS (``/proc/self/clear_refs``) and notes its RSS; the measured
memory is the peak RSS (``VmHWM``) during the case minus that RSS: what the scenario itself costs,
the quantity ``resources.estimate`` predicts. Time is the CPU time (one core, BLAS on one thread) of
load + build + steps, without saving: on an idle machine the wall time is the same, on a busy one
longer. Saving the results folder with plots costs another 1-6 CPU seconds (``save_seconds``).

Families that vary one size at a time (the coefficients are fitted on these, ``FIT``):

* ``orgs``: n organisations of one professional, nothing else, 2 weeks;
* ``profs``: 100 organisations of n professionals;
* ``pairs``: one table of 10 organisations x n delegates (the pairs meeting there grow as (10 n)^2), 5 weeks;
* ``weeks`` / ``sparse``: 2,000 organisations for n weeks (``sparse``: ``record_every = 10``);
* ``span``: 10 organisations of 10 for n weeks (the weekly rows);
* ``forums``: n generated forums of two organisations, one delegate each;
* ``issues``: 2,000 organisations, 400 forums and n issues.

Families that mix them, to check the estimate out of sample:

* ``table``: 10 listed organisations of n professionals around one table that seats them all;
* ``groups``: n generated organisations of 4-16 professionals and n/5 generated forums of 6
  organisations with 2 delegates each (large sparse networks);
* ``long``: 200 listed organisations, each at two tables with a neighbour, for n weeks;
* ``staff``: 20 organisations of n professionals, one table of 3 delegates each (many professionals, few ties).

Output: per case the sizes, the estimate and the measured memory and time, and their ratio; then the
ratios' range per quantity. ``--fit`` prints non-negative least-squares coefficients (relative error)
for ``resources.BYTES`` (on the ``FIT`` cases) and ``resources.SECONDS`` (on all); the module's
coefficients are those times a margin (see ``resources.py``).

Usage::

    .venv/bin/python benchmarks/bench_memory.py            # all cases, 15-40 minutes, peaks up to ~3 GB
    .venv/bin/python benchmarks/bench_memory.py --quick    # the smaller half
    .venv/bin/python benchmarks/bench_memory.py --fit      # also fit the coefficients
    .venv/bin/python benchmarks/bench_memory.py --json rows.json     # keep the measurements
    .venv/bin/python benchmarks/bench_memory.py --load rows.json --fit   # new coefficients, nothing measured again
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import json, sys, tempfile, time
from pathlib import Path
from netwerksim.model import NetwerkModel
from netwerksim.resources import estimate
from netwerksim.runner import run
from netwerksim.scenario import load_scenario

def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key):
            return int(line.split()[1]) * 1024

path, steps, explain = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
with tempfile.TemporaryDirectory() as out:
    run("zorgnetwerk", steps=3, explain=True).save(Path(out) / "warm", plots=True)   # imports, fonts, caches
    open("/proc/self/clear_refs", "w").write("5")                                     # reset the peak (VmHWM)
    base = status("VmRSS:")
    start, wall = time.process_time(), time.perf_counter()
    scenario = load_scenario(path)
    result = run(scenario, steps=steps, explain=explain)       # what `netwerksim run` does
    seconds, wall = time.process_time() - start, time.perf_counter() - wall
    result.save(Path(out) / "case", plots=True)
    save_seconds = time.process_time() - start - seconds
    peak = status("VmHWM:")
st = NetwerkModel(scenario.with_changes(steps=steps), mesa_data=False).state   # its sizes, after the peak
e = estimate(scenario, steps, explain=explain)
print(json.dumps({"measured_bytes": peak - base, "measured_seconds": seconds, "wall_seconds": wall,
                  "save_seconds": save_seconds, "explain": explain,
                  "dips": sum(ev["type"] == "netwerkdip" for ev in result.events),
                  "organisations": len(st.orgs.name), "professionals": len(st.profs.org),
                  "forums": len(st.forums.id), "memberships": len(st.forums.member_prof),
                  "incidences": len(st.ties.meets_a), "ties": len(st.ties.src), "records": len(result.organisations),
                  "issues": len(st.issues.id), "weeks": steps,
                  "estimate_bytes": e.bytes, "estimate_seconds": e.seconds,
                  "estimate_sizes": e.sizes.__dict__}))
"""
ISSUES = [{"id": f"i{k}", "name_nl": f"Opgave {k}", "name_en": f"Issue {k}"} for k in range(3)]


def scenario(family: str, size: int) -> tuple[dict, int]:
    """(scenario dict, weeks) of a family at a size."""
    meta = {"name_nl": f"{family} {size}", "name_en": f"{family} {size}", "steps": 52}
    one_each = {"name": "G", "kind": "welfare", "count": size, "professionals": 1, "interests": {"i0": 1.0}}
    if family == "orgs":       # organisations of one professional, nothing else, two weeks
        meta["steps"] = 2
        return {"meta": meta, "issues": ISSUES, "organisation_groups": [one_each]}, 2
    if family == "profs":      # professionals, nothing else
        meta["steps"] = 2
        orgs = [{"name": f"O{j}", "kind": "school", "professionals": size} for j in range(100)]
        return {"meta": meta, "issues": ISSUES, "organisations": orgs}, 2
    if family == "pairs":      # one table of 10 organisations x size delegates
        meta["steps"] = 5
        orgs = [{"name": f"O{j}", "kind": "care_provider", "professionals": size} for j in range(10)]
        forums = [{"id": "t", "name_nl": "Tafel", "name_en": "Table", "members": ["all"], "delegates": size}]
        return {"meta": meta, "issues": ISSUES, "organisations": orgs, "forums": forums}, 5
    if family == "weeks":      # 2,000 organisations recorded for size weeks
        meta["steps"] = size
        return {"meta": meta, "issues": ISSUES, "organisation_groups": [{**one_each, "count": 2000}]}, size
    if family == "sparse":     # as weeks, organisation frames only every 10th week
        meta.update(steps=size, record_every=10)
        return {"meta": meta, "issues": ISSUES, "organisation_groups": [{**one_each, "count": 2000}]}, size
    if family == "span":       # 10 organisations of 10 for size weeks (weekly records and rows)
        meta["steps"] = size
        return {"meta": meta, "issues": ISSUES, "organisation_groups": [{**one_each, "count": 10, "professionals": 10}]}, size
    if family == "forums":     # size forums of two organisations, one delegate each
        meta["steps"] = 2
        return {"meta": meta, "issues": ISSUES, "organisation_groups": [{**one_each, "count": 1000}],
                "forum_groups": [{"name": "F", "count": size, "organisations_per_forum": 2}]}, 2
    if family == "zorg":       # the bundled zorgnetwerk with n times the professionals and delegates: it dips
        from netwerksim.scenario import load_scenario  # noqa: PLC0415

        base = load_scenario("zorgnetwerk").model_dump(mode="json", exclude_none=True)
        return {**base, "organisations": [{**o, "professionals": o["professionals"] * size} for o in base["organisations"]],
                "forums": [{**f, "delegates": f["delegates"] * size} for f in base["forums"]]}, base["meta"]["steps"]
    if family == "table":
        orgs = [{"name": f"O{j}", "kind": "care_provider", "professionals": size, "interests": {"i0": 1.0}}
                for j in range(10)]
        forums = [{"id": "t", "name_nl": "Tafel", "name_en": "Table", "members": ["all"], "delegates": size}]
        return {"meta": meta, "issues": ISSUES, "organisations": orgs, "forums": forums}, 52
    if family == "groups":
        groups = [{"name": "G", "kind": "welfare", "count": size,
                   "professionals": {"dist": "uniform", "low": 4, "high": 16}}]
        forum_groups = [{"name": "F", "count": max(1, size // 5), "organisations_per_forum": 6, "delegates": 2}]
        return {"meta": meta, "issues": ISSUES, "organisation_groups": groups, "forum_groups": forum_groups}, 52
    if family == "long":
        orgs = [{"name": f"O{j}", "kind": "welfare", "professionals": 10, "interests": {"i0": 1.0}} for j in range(200)]
        forums = [{"id": f"t{j}", "name_nl": "T", "name_en": "T", "members": [f"O{j}", f"O{(j + 1) % 200}"],
                   "delegates": 2} for j in range(200)]
        meta["steps"] = size
        return {"meta": meta, "issues": ISSUES, "organisations": orgs, "forums": forums}, size
    if family == "staff":
        orgs = [{"name": f"O{j}", "kind": "school", "professionals": size, "interests": {"i0": 1.0}} for j in range(20)]
        forums = [{"id": "t", "name_nl": "T", "name_en": "T", "members": ["all"], "delegates": 3}]
        return {"meta": meta, "issues": ISSUES, "organisations": orgs, "forums": forums}, 52
    if family == "issues":
        issues = [{"id": f"i{k}", "name_nl": f"O{k}", "name_en": f"I{k}"} for k in range(size)]
        groups = [{"name": "G", "kind": "welfare", "count": 2000, "professionals": 5, "issues_per_organisation": 3}]
        forum_groups = [{"name": "F", "count": 400, "organisations_per_forum": 5}]
        return {"meta": meta, "issues": issues, "organisation_groups": groups, "forum_groups": forum_groups}, 52
    raise ValueError(family)


FIT = [("orgs", 1000), ("orgs", 20_000), ("orgs", 100_000), ("profs", 100), ("profs", 1000),
       ("pairs", 50), ("pairs", 300), ("weeks", 10), ("weeks", 300), ("sparse", 300), ("span", 3000), ("forums", 2000), ("forums", 50_000),
       ("issues", 20), ("issues", 300)]
CASES = [*FIT, ("table", 10), ("table", 150), ("table", 400),
         ("groups", 200), ("groups", 2000), ("groups", 10_000), ("groups", 40_000),
         ("long", 52), ("long", 520), ("long", 2600), ("staff", 500), ("staff", 5000)]
QUICK = [c for c in CASES if c not in {("table", 400), ("groups", 40_000), ("long", 2600), ("staff", 5000)}]
EXPLAINED = [("zorg", 1), ("zorg", 10), ("zorg", 40), ("zorg", 80)]   # runs that dip, with and without explaining


def measure(family: str, size: int, explain: bool = False) -> dict:
    import tomli_w  # noqa: PLC0415 (a test dependency)

    data, weeks = scenario(family, size)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "case.toml"
        path.write_text(tomli_w.dumps(data), encoding="utf-8")
        proc = subprocess.run([sys.executable, "-c", CHILD, str(path), str(weeks), str(int(explain))],
                              capture_output=True, text=True,
                              env={**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"})
    if proc.returncode:
        raise RuntimeError(proc.stderr)
    return {"family": family, "size": size, **json.loads(proc.stdout.strip().splitlines()[-1])}


def reestimate(row: dict) -> dict:
    """A saved measurement with the estimate of the current ``resources`` coefficients."""
    from netwerksim.resources import estimate  # noqa: PLC0415
    from netwerksim.scenario import load_scenario  # noqa: PLC0415

    data, weeks = scenario(row["family"], row["size"])
    e = estimate(load_scenario(data), weeks, explain=row.get("explain", False))
    return {**row, "estimate_bytes": e.bytes, "estimate_seconds": e.seconds, "estimate_sizes": e.sizes.__dict__}


def fit(rows: list[dict]) -> None:
    """Non-negative least squares on relative errors over the FIT cases: coefficients for resources.BYTES and
    SECONDS (the other cases check them out of sample)."""
    import numpy as np  # noqa: PLC0415
    from scipy.optimize import nnls  # noqa: PLC0415

    def show(name: str, features: dict[str, list[float]], measured: list[float]) -> None:
        x, y = np.array(list(features.values()), float).T, np.array(measured, float)
        coef, _ = nnls(x / y[:, None], np.ones(len(y)))
        print(f"{name} =", {n: float(f"{c:.3g}") for n, c in zip(features, coef)})
        print("  fitted / measured:", np.round(x @ coef / y, 2).tolist())

    fit_rows = [r for r in rows if (r["family"], r["size"]) in FIT]
    show("BYTES", {   # the names of resources.BYTES; the build's share of a pair is split off by hand
        "base": [1.0] * len(fit_rows), "organisations": [r["organisations"] for r in fit_rows],
        "professionals": [r["professionals"] for r in fit_rows], "forums": [r["forums"] for r in fit_rows],
        "memberships": [r["memberships"] for r in fit_rows], "incidences": [r["incidences"] for r in fit_rows],
        "organisation_issues": [r["organisations"] * r["issues"] for r in fit_rows],
        "records": [r["records"] for r in fit_rows],
        "organisation_weeks": [r["organisations"] * (r["weeks"] + 1) for r in fit_rows],
        "weeks": [r["weeks"] for r in fit_rows]}, [r["measured_bytes"] for r in fit_rows])
    show("SECONDS", {   # the names of resources.SECONDS
        "base": [1.0] * len(rows), "organisations": [r["organisations"] for r in rows],
        "professionals": [r["professionals"] for r in rows], "forums": [r["forums"] for r in rows],
        "incidences": [r["incidences"] for r in rows], "weeks": [r["weeks"] for r in rows],
        "weekly_organisations": [r["weeks"] * r["organisations"] for r in rows],
        "weekly_incidences": [r["weeks"] * r["incidences"] for r in rows],
        "weekly_forums": [r["weeks"] * r["forums"] for r in rows],
        "weekly_organisation_issues": [r["weeks"] * r["organisations"] * r["issues"] for r in rows]},
        [r["measured_seconds"] for r in rows])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="the smaller cases only")
    ap.add_argument("--fit", action="store_true", help="fit the coefficients of resources.py")
    ap.add_argument("--json", type=Path, help="also write the rows to this file, after each case (cases already "
                                              "in it are not measured again)")
    ap.add_argument("--load", type=Path, help="measure nothing: estimate again for the rows saved with --json")
    args = ap.parse_args()
    source = args.load or (args.json if args.json and args.json.exists() else None)
    saved = ({(r["family"], r["size"], r.get("explain", False)): r for r in json.loads(source.read_text())}
             if source else {})
    rows = []
    print(f"{'case':<20} {'orgs':>8} {'profs':>9} {'seats':>9} {'pairs':>11} {'ties':>11} {'weeks':>5} "
          f"{'est MB':>8} {'meas MB':>8} {'ratio':>6} {'est s':>7} {'meas s':>7} {'ratio':>6}", flush=True)
    cases = [(c, False) for c in (QUICK if args.quick else CASES)] + [(c, x) for c in EXPLAINED for x in (False, True)]
    for (family, size), explain in cases:
        if args.load and (family, size, explain) not in saved:
            continue
        known = saved.get((family, size, explain))
        r = reestimate(known) if known else measure(family, size, explain)
        rows.append(r)
        if args.json:
            args.json.write_text(json.dumps(rows, indent=1))
        mb = 2**20
        print(f"{family + ' ' + str(size) + (' explained' if explain else ''):<20} {r['organisations']:>8,} {r['professionals']:>9,} {r['memberships']:>9,} "
              f"{r['incidences']:>11,} {r['ties']:>11,} {r['weeks']:>5} {r['estimate_bytes'] / mb:>8.0f} "
              f"{r['measured_bytes'] / mb:>8.0f} {r['estimate_bytes'] / r['measured_bytes']:>6.2f} "
              f"{r['estimate_seconds']:>7.1f} {r['measured_seconds']:>7.1f} "
              f"{r['estimate_seconds'] / r['measured_seconds']:>6.2f}", flush=True)
    memory = [r["estimate_bytes"] / r["measured_bytes"] for r in rows]
    time = [r["estimate_seconds"] / r["measured_seconds"] for r in rows]
    print(f"\nestimate / measured: memory {min(memory):.2f} - {max(memory):.2f} (median "
          f"{sorted(memory)[len(memory) // 2]:.2f}); time {min(time):.2f} - {max(time):.2f} "
          f"(median {sorted(time)[len(time) // 2]:.2f})")
    if args.fit:
        fit(rows)


if __name__ == "__main__":
    main()
