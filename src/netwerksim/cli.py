"""The `netwerksim` command: run, validate, generate and list scenarios, and show the parameters.

Each command imports what it needs when it runs, so ``netwerksim --help`` starts without numpy, pandas
or Mesa and ``validate`` with pydantic only (benchmarks/bench_startup.py).
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from contextlib import contextmanager
from pathlib import Path

MAX_WORKERS = 4 * (os.cpu_count() or 1)   # more processes than cores only cost memory (~130 MB each)


def _scenario_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("scenario", help="a scenario file, or the name of a bundled scenario (see `netwerksim list`)")
    _max_memory_arg(p)


def _max_memory_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-memory", metavar="SIZE", help="refuse work whose estimated memory exceeds SIZE, e.g. 8G "
                                                        "(default: the memory available now; also NETWERKSIM_MAX_MEMORY)")


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="netwerksim", description="Simulate collaboration in networks of organisations.")
    sub = ap.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="run a scenario and write a results folder")
    _scenario_arg(r)
    r.add_argument("--seed", type=int, help="random seed (default: the scenario's)")
    r.add_argument("--steps", type=int, help="weeks to simulate (default: the scenario's)")
    r.add_argument("--out", type=Path, help="results folder (default: results/<scenario>)")
    r.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the report and plots")
    r.add_argument("--no-plots", action="store_true", help="skip the PNG plots")
    r.add_argument("--no-explain", action="store_true",
                   help="skip why each netwerkdip happened (the counterfactual replay: up to about 1.5 times the "
                        "run's time per dip)")
    x = sub.add_parser("explain", help="why a netwerkdip of a run happened: replay it with each link of the chain held")
    x.add_argument("folder", type=Path, help="a results folder written by `netwerksim run`")
    x.add_argument("--event", type=int, metavar="N", help="which netwerkdip of the run, counted from 1 (default: all)")
    x.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the explanation")
    x.add_argument("--shapley", action="store_true",
                   help="exact Shapley values over every combination of links instead of one link at a time "
                        "(2^k - 1 branches instead of k + 1: for the 5 links today 4-5 times the default's cost)")
    v = sub.add_parser("validate", help="check a scenario file and say what is wrong")
    _scenario_arg(v)
    c = sub.add_parser("compare", help="compare options for a network with paired replications; write a report")
    c.add_argument("source", help="a comparison file (*.toml, or a bundled one's name), or a scenario "
                                  "compared as it is with the --option's")
    c.add_argument("--option", action="append", default=[], metavar="'NAME[Label]: a.b=value, intervention@week(k=v)'",
                   help="an option: parameters or scenario fields set, and interventions from a week (repeatable); "
                        "the label in [...] is what the report calls it")
    c.add_argument("--question", help="the client's question, the report's first line (default: the file's)")
    c.add_argument("--relevant", metavar="X | OUTCOME=X,...",
                   help="the smallest difference that matters, in each outcome's unit (a share: 0.05 = 5 points), for "
                        "every outcome or per outcome ('dip=0.05, vitality@52-104=0.02'): a difference reads "
                        "'verwaarloosbaar', 'relevant' or 'onzeker' against it")
    c.add_argument("--baseline", help="the option the others are compared with (default: the file's, or 'basis')")
    c.add_argument("--replications", type=int, help="runs per option (default: the file's, or 20)")
    c.add_argument("--seed", type=int, help="base seed; every option gets the same seeds from it (default: the file's)")
    c.add_argument("--steps", type=int, help="weeks per run (default: the file's, or the scenario's)")
    c.add_argument("--metrics", help="comma-separated metrics to report (default: the file's, or a standard set)")
    c.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help="processes running in parallel (default: one per core; 1: serial, in this process)")
    c.add_argument("--out", type=Path, help="results folder (default: results/compare-<name>)")
    c.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the report and charts")
    c.add_argument("--no-plots", action="store_true", help="skip the fan charts")
    c.add_argument("--pdf", action="store_true", help="also write report.pdf beside report.html (netwerksim[pdf])")
    _max_memory_arg(c)
    sw = sub.add_parser("sweep", help="run a parameter sweep (grid, random, LHS, Sobol, Morris); resumable Parquet results")
    sw.add_argument("experiment", help="a sweep file (*.toml, or a bundled one's name)")
    _engine_args(sw)
    sw.add_argument("--out", type=Path, help="results folder (default: results/sweep-<name>)")
    sw.add_argument("--resume", action="store_true", help="finish a sweep in --out that was interrupted or killed")
    sw.add_argument("--chunk", type=int, default=100, help="runs per saved Parquet part (default 100; also saved every 10 s)")
    sw.add_argument("--replications", type=int, help="replications per design point (default: the file's)")
    sw.add_argument("--steps", type=int, help="weeks per run (default: the file's, or the scenario's)")
    _max_memory_arg(sw)
    an = sub.add_parser("analyse", help="Morris or Sobol indices (SALib), outcome plots and a report of a finished sweep")
    an.add_argument("folder", type=Path, help="a sweep's results folder (written by `netwerksim sweep`)")
    an.add_argument("--metrics", help="comma-separated metrics to analyse (default: those the sweep kept)")
    an.add_argument("--pair", help="two parameters for the heat maps, 'a,b' (default: the two most influential)")
    an.add_argument("--out", type=Path, help="folder for the analysis (default: FOLDER/analysis)")
    an.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the report and plots")
    an.add_argument("--no-plots", action="store_true", help="tables and report only")
    nw = sub.add_parser("new", help="a scenario from a spreadsheet of the network (organisations, tables, issues, "
                                    "interests), or a template spreadsheet to fill in")
    what = nw.add_mutually_exclusive_group(required=True)
    what.add_argument("--from", dest="sheet", type=Path, metavar="FILE",
                      help="the spreadsheet: .xlsx, .ods, or a folder of .csv files named after the sheets (or one of them)")
    what.add_argument("--template", type=Path, nargs="?", const=Path("netwerk.xlsx"), metavar="FILE",
                      help="write a filled-in example with an explanation sheet (default netwerk.xlsx; .ods, or a "
                           "folder name for .csv files)")
    nw.add_argument("--out", type=Path, help="the scenario file to write (default: beside the spreadsheet, .toml); "
                                             "an existing file is never replaced")
    g = sub.add_parser("generate", help="write a random network (a scenario file) for testing the model on unseen networks")
    g.add_argument("--seed", type=int, default=0, help="which network: the same seed gives the same network (default 0)")
    g.add_argument("--out", type=Path, help="the scenario file to write (default: print it); an existing file is never replaced")
    g.add_argument("--organisations", type=int, help="number of organisations, 3-40 (default: drawn)")
    g.add_argument("--issues", type=int, help="number of shared issues, 1-10 (default: drawn)")
    g.add_argument("--governance", help="shared, lead_organisation or nao (default: drawn)")
    g.add_argument("--agreements", help="funders' performance agreements: joint or separate (default: drawn)")
    g.add_argument("--national", action="store_true",
                   help="the Dutch care and welfare sector instead: about 1.4 million professionals in regions of "
                        "organisation groups with few ties between them (large: run it with netwerksim run)")
    g.add_argument("--scale", type=float, help="with --national: a share of the 1.4 million, 0.00001-10 (default 1)")
    g.add_argument("--regions", type=int, help="with --national: the number of regions, 1-100 (default 25)")
    pt = sub.add_parser("patterns", help="validate the model against the sources' patterns: effects, the mutation "
                                         "matrix, robustness and the all-patterns region; writes validation.md")
    pt.add_argument("ids", nargs="*", metavar="ID", help="patterns to run (default: all; see --list)")
    pt.add_argument("--source", choices=("000", "001", "002", "003", "004"), help="only the patterns of one source")
    pt.add_argument("--list", action="store_true", help="list the registered patterns and stop")
    _engine_args(pt)
    pt.add_argument("--no-mutations", action="store_true", help="skip the mutation matrix (named causes switched off)")
    pt.add_argument("--robustness", type=int, default=0, metavar="POINTS",
                    help="Latin hypercube points per pattern over the parameters it does not name (default 0: skip; "
                         "at least 64 for the report)")
    pt.add_argument("--robust-seeds", type=int, default=10, metavar="N", help="seeds per hypercube point (default 10)")
    pt.add_argument("--calibration", type=int, default=0, metavar="POINTS",
                    help="points of the sweep over the Morris parameters where all patterns must hold (default 0: skip)")
    pt.add_argument("--calibration-seeds", type=int, default=10, metavar="N", help="seeds per pattern and point (default 10)")
    pt.add_argument("--ensemble", type=int, default=0, metavar="NETWORKS",
                    help="generated networks over which the chance of a dip is regressed on the sources' drivers "
                         "(default 0: skip; at least 200 for the report)")
    pt.add_argument("--out", type=Path, default=Path("results/validation"),
                    help="results folder (default: results/validation)")
    pt.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the report")
    sub.add_parser("list", help="the bundled scenarios with their descriptions")
    pa = sub.add_parser("params", help="every model parameter with default, unit, range and source")
    pa.add_argument("--interventions", action="store_true", help="list the intervention registry instead")
    a = sub.add_parser("app", help="start the workshop app (Solara) in the browser, Dutch by default")
    a.add_argument("--port", type=int, default=8765, help="port to listen on (default 8765)")
    a.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    sp = sub.add_parser("spel", help="start the game (Solara): participants play the organisations from their phones, "
                                     "the trainer's projector shows the network")
    sp.add_argument("scenario", nargs="?",
                    help="a scenario file, or the name of a bundled scenario (see `netwerksim list`)")
    sp.add_argument("--resume", type=Path, metavar="DIR",
                    help="carry on with the game in DIR after the server stopped: the same code, trainer's address, "
                         "participants and rounds (instead of a SCENARIO)")
    sp.add_argument("--host", default="127.0.0.1",
                    help="address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 lets phones on the "
                         "same Wi-Fi in: see the README)")
    sp.add_argument("--port", type=int, default=8765, help="port to listen on (default 8765)")
    sp.add_argument("--round-weeks", type=int, default=4, help="weeks played per round (default 4: a month)")
    sp.add_argument("--countdown", type=float, default=60, help="seconds to decide per round (default 60)")
    sp.add_argument("--seed", type=int, help="random seed (default: the scenario's)")
    sp.add_argument("--assignment", choices=("turn", "choice"), default="turn",
                    help="organisations given in turn (default) or chosen by the participants while free")
    sp.add_argument("--out", type=Path, help="a new folder for the game's log (default: results/spel-<scenario>-<time>)")
    return ap


def _engine_args(p: argparse.ArgumentParser) -> None:
    """--workers, --dask-local, --scheduler and --connect-timeout: the engines of sweeps and patterns."""
    engines = p.add_mutually_exclusive_group()
    engines.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                         help="processes in a local pool, the default engine (default: one per core; 1: serial)")
    engines.add_argument("--dask-local", type=int, metavar="N", help="run on a Dask LocalCluster of N worker processes")
    engines.add_argument("--scheduler", metavar="ADDRESS",
                         help="run on an existing Dask scheduler, e.g. tcp://10.0.0.5:8786 (started with `dask scheduler`)")
    p.add_argument("--connect-timeout", type=float, default=20.0, metavar="SECONDS",
                   help="how long to wait for the Dask scheduler and its first worker (default 20)")


def _check_engine_args(args) -> None:
    for option, value in (("--workers", args.workers), ("--dask-local", args.dask_local)):
        _in_range(option, value, 1, MAX_WORKERS, f"a whole number of worker processes in [1, {MAX_WORKERS}] "
                  "(at most four per core)")
    _in_range("--connect-timeout", args.connect_timeout, 0.1, 86400, "a number of seconds in [0.1, 86400]")


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    from .extras import MissingExtra  # noqa: PLC0415 (after parsing: --help needs none of these)
    from .params import ParameterError  # noqa: PLC0415
    from .scenario import ScenarioError  # noqa: PLC0415
    from .storage import OutputError  # noqa: PLC0415

    try:
        with _memory_limit(getattr(args, "max_memory", None)):
            if args.command == "compare":
                return _compare(args)
            if args.command in ("sweep", "analyse", "patterns"):
                return {"sweep": _sweep, "analyse": _analyse, "patterns": _patterns}[args.command](args)
            return {"run": _run, "explain": _explain, "validate": _validate, "generate": _generate, "new": _new, "list": _list,
                    "params": _params, "app": _app, "spel": _spel}[args.command](args)
    except (ScenarioError, ParameterError, OutputError) as exc:
        print(f"netwerksim: {exc}", file=sys.stderr)
        return 2
    except MissingExtra as exc:   # one line naming the extra, in the command's language
        from .i18n import t  # noqa: PLC0415

        print(f"netwerksim: {t('extra.missing', getattr(args, 'lang', 'nl'), module=exc.module, extra=exc.extra)}",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("netwerksim: interrupted; nothing was written", file=sys.stderr)
        return 130
    except BrokenPipeError:   # output piped into `head` and the like
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


@contextmanager
def _memory_limit(given: str | None):
    """``--max-memory`` as the limit for this command and the worker processes it starts (they inherit it)."""
    from .resources import LIMIT_VARIABLE, parse_size  # noqa: PLC0415

    if given is None:
        yield
        return
    parse_size(given)   # a clear error for a bad value
    before = os.environ.get(LIMIT_VARIABLE)
    os.environ[LIMIT_VARIABLE] = given
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(LIMIT_VARIABLE, None)
        else:
            os.environ[LIMIT_VARIABLE] = before


def _run(args) -> int:
    from .progress import Progress  # noqa: PLC0415
    from .resources import guard  # noqa: PLC0415
    from .runner import run  # noqa: PLC0415 (keeps `netwerksim list` fast)
    from .scenario import load_scenario, resolve_path  # noqa: PLC0415
    from .storage import check_out  # noqa: PLC0415

    _in_range("--steps", args.steps, 1, 5200, "a whole number of weeks in [1, 5200]")
    _in_range("--seed", args.seed, 0, math.inf, "a whole number >= 0")
    scenario = load_scenario(args.scenario)
    guard(scenario, args.steps, str(resolve_path(args.scenario)), explain=not args.no_explain)
    out = check_out(args.out or _default_out(resolve_path(args.scenario)), "run")
    steps = args.steps or scenario.meta.steps
    _warn_unreached(scenario, steps)
    with Progress(steps, scenario.meta.name_nl if args.lang == "nl" else scenario.meta.name_en, "week") as bar:
        result = run(scenario, seed=args.seed, steps=args.steps, on_step=lambda done, n: bar.update(1),
                     explain=not args.no_explain)
    folder = result.save(out, lang=args.lang, plots=not args.no_plots)
    _print_summary(result, folder, args.lang)
    return 0


def _explain(args) -> int:
    from .explain import attribute  # noqa: PLC0415 (keeps `netwerksim list` fast)
    from .i18n import decimal, t  # noqa: PLC0415
    from .report import attribution_rows  # noqa: PLC0415
    from .runner import load_result, rerun  # noqa: PLC0415
    from .storage import OutputError, kind_of  # noqa: PLC0415

    if kind_of(args.folder) != "run":
        raise OutputError(f"{args.folder}: not a results folder of `netwerksim run` (it has no marker of a run's "
                          "results); give the folder a run wrote, e.g. results/zorgnetwerk")
    result = load_result(args.folder)
    n_dips = sum(e["type"] == "netwerkdip" for e in result.events)
    lang = args.lang
    if n_dips == 0:
        print(t("why.no_dip", lang))
        return 0
    _in_range("--event", args.event, 1, n_dips, f"the number of a netwerkdip of this run, 1 to {n_dips}")
    model = rerun(result)
    chosen = [args.event - 1] if args.event else range(n_dips)
    dips = attribute(model, dips=chosen, method="shapley" if args.shapley else "drop_one")
    for n, dip in zip((k + 1 for k in chosen), dips, strict=True):
        a = dip["attribution"]
        print(t("why.head", lang, n=n, start=dip["start"], detected=dip["detected"]))
        print(f"  {dip['label_' + lang]}")
        method = t(f"why.method_{a['method']}", lang, t0=a["snapshot_week"], lead=a["lead"], week=a["measured_week"],
                   fall=decimal(a["fall"], lang))
        print(f"  {method}")
        print(f"    {t('why.link', lang):<44} {t('why.saved', lang):>15} {t('why.share', lang):>17}")
        for what, saved, share in attribution_rows(a, lang):
            print(f"    {what:<44} {decimal(saved, lang, '.3f'):>15} {decimal(share, lang, '.0%'):>17}")
    return 0


def _in_range(option: str, value, low: float, high: float, allowed: str) -> None:
    """A command-line number outside [low, high] (or not a number at all, NaN) is an error naming the option."""
    from .scenario import ScenarioError  # noqa: PLC0415

    if value is not None and not low <= value <= high:
        raise ScenarioError(f"{option}: value {value} is not allowed; {allowed}")


def _default_out(source: Path, prefix: str = "") -> Path:
    """``results/<prefix><file name without extension>``; ``results/<prefix>result`` for names like ``..toml``."""
    stem = source.stem if source.stem not in ("", ".", "..") else "result"
    return Path("results") / f"{prefix}{stem}"


def _warn_unreached(scenario, steps: int) -> None:
    """Say on stderr which scheduled events a run of ``steps`` weeks never reaches; the run goes on."""
    late = scenario.unreached(steps)
    if late:
        print(f"netwerksim: warning: the simulation ends at week {steps}, before {len(late)} event(s) of the scenario's "
              f"timeline, which will not happen: {', '.join(late)}", file=sys.stderr)


def _print_summary(result, folder: Path, lang: str) -> None:
    from .i18n import t  # noqa: PLC0415
    from .report import summary_table  # noqa: PLC0415

    ts = result.timeseries
    last = ts.iloc[-1]
    meta = result.scenario.meta
    name = meta.name_nl if lang == "nl" else meta.name_en
    weeks = "weken" if lang == "nl" else "weeks"
    print(f"{name}: {result.manifest['steps']} {weeks}, seed {result.manifest['seed']}")
    for label, start, end, lo, hi in summary_table(result, lang):
        print(f"  {label:<32} {start:7.2f} -> {end:7.2f}   (min {lo:.2f}, max {hi:.2f})")
    print(f"  {'progress' if lang == 'en' else 'voortgang':<32} {last['progress']:7.2f}")
    print(f"  {'events' if lang == 'en' else 'gebeurtenissen':<32} {len(result.events):7d}")
    dips = 0
    for e in result.events:
        if e["type"] == "netwerkdip":
            dips += 1
            print(f"  {f'netwerkdip {dips}':<32} {t('week', lang)} {e['step']}: {e['label_' + lang]} "
                  f"({t('why.more_detail', lang, folder=folder, n=dips)})")
        elif e["type"] == "doorstart":
            print(f"  {e['type']:<32} {t('week', lang)} {e['step']}: {e['label_' + lang]}")
    stuck = sorted({e["id"] for e in result.events if e["type"] == "vastloop"}, key=lambda i: int(i[1:]))
    print(f"  {t('report.stuck', lang):<32} {', '.join(stuck) or '-'}")
    print(f"results: {folder}/ (report.md, timeseries.parquet, organisations.parquet, events.jsonl, manifest.json)")


def _compare(args) -> int:
    from .compare import comparison_for, run_comparison  # noqa: PLC0415 (keeps `netwerksim list` fast)
    from .compare.command_line import parse_relevant  # noqa: PLC0415
    from .compare.report import answers  # noqa: PLC0415
    from .extras import require  # noqa: PLC0415
    from .storage import check_out  # noqa: PLC0415

    _in_range("--workers", args.workers, 1, MAX_WORKERS, f"a whole number in [1, {MAX_WORKERS}] (1: serial; at "
              "most four per core)")
    if args.pdf:
        require("pdf", lang=args.lang)       # before anything runs
    metrics = [m.strip() for m in args.metrics.split(",") if m.strip()] if args.metrics is not None else None
    comparison = comparison_for(args.source, options=args.option, baseline=args.baseline,
                                replications=args.replications, seed=args.seed, steps=args.steps, metrics=metrics,
                                question=args.question, relevant=parse_relevant(args.relevant))
    out = check_out(args.out or _default_out(Path(args.source), "compare-"), "compare")
    _warn_unreached(comparison.scenario, comparison.steps)
    result = run_comparison(comparison, workers=args.workers, progress=None)
    folder = result.save(out, lang=args.lang, plots=not args.no_plots, pdf=args.pdf)
    c, lang = result.comparison, args.lang
    print(f"{c.text('name', lang)}: {len(c.options)} x {c.replications} runs, {c.steps} "
          f"{'weken' if lang == 'nl' else 'weeks'}, {result.seconds:.1f} s ({args.workers} worker(s))")
    for line in answers(result, lang):
        print(f"  {line}")
    print(f"results: {folder}/ (report.md, report.html{', report.pdf' if args.pdf else ''}, summary.csv, "
          "results.parquet, results.csv, fan_*.png, comparison.json)")
    return 0


def _sweep(args) -> int:
    from .resources import human_seconds  # noqa: PLC0415
    from .sweeps import check_target, engine, load_sweep, run_sweep  # noqa: PLC0415 (keeps `netwerksim list` fast)

    _check_engine_args(args)
    _in_range("--chunk", args.chunk, 1, math.inf, "a whole number of runs >= 1")
    sweep = load_sweep(args.experiment, replications=args.replications, steps=args.steps)
    out = check_target(args.out or _default_out(Path(args.experiment), "sweep-"), args.resume)
    _warn_unreached(sweep.scenario, sweep.steps)
    with engine(workers=args.workers, dask_local=args.dask_local, scheduler=args.scheduler,
                connect_timeout=args.connect_timeout) as (executor, slots, label):
        hours = f"; about {human_seconds(sweep.runs * sweep.per_run.seconds / slots)}" if sweep.per_run else ""
        print(f"{sweep.text('name', 'nl')}: {sweep.design}, {sweep.points} points x {sweep.replications} replications = "
              f"{sweep.runs} runs of {sweep.steps} weeks; {label}{hours}", file=sys.stderr, flush=True)
        try:
            done = run_sweep(sweep, out, resume=args.resume, workers=slots, executor=executor, engine=label,
                             chunk=args.chunk, progress=None)
        except KeyboardInterrupt:
            print(f"netwerksim: interrupted; the finished runs are saved in {out}/runs; `netwerksim sweep "
                  f"{args.experiment} --out {out} --resume` finishes the sweep", file=sys.stderr)
            return 130
    rate = done.new_runs / done.seconds * 60 if done.seconds > 0 else float("nan")
    print(f"{done.new_runs} new runs in {done.seconds:.1f} s ({rate:.0f} runs/min); {len(done.table)} of {sweep.runs} "
          f"runs saved")
    print(f"results: {done.out}/ (results.parquet, design.parquet, plan.parquet, manifest.json); "
          f"next: netwerksim analyse {done.out}")
    return 0


def _analyse(args) -> int:
    from .sensitivity import analyse  # noqa: PLC0415 (SALib and matplotlib only when analysing)
    from .sweeps import SweepError  # noqa: PLC0415

    metrics = [m.strip() for m in args.metrics.split(",") if m.strip()] if args.metrics is not None else None
    pair = None
    if args.pair is not None:
        pair = tuple(p.strip() for p in args.pair.split(","))
        if len(pair) != 2:
            raise SweepError(f"--pair: value {args.pair!r} is not allowed; two parameters of the sweep, 'a,b'")
    result = analyse(args.folder, metrics=metrics, pair=pair, lang=args.lang, plots=not args.no_plots, out=args.out)
    print(f"{result.manifest['name_' + args.lang]}: {result.manifest['design']}, {result.manifest['runs']} runs")
    key = {"morris": "mu_star", "sobol": "ST"}.get(result.manifest["design"])
    if key is not None:
        for metric, rows in result.indices.groupby("metric", sort=False):
            top = rows.sort_values(key, ascending=False).head(3)
            print(f"  {metric:<24} " + ", ".join(f"{r['parameter']} {key}={r[key]:.3f}" for _, r in top.iterrows()))
    for metric, why in result.skipped.items():
        print(f"  {metric:<24} ({why})")
    print(f"analysis: {result.out}/ (analysis.md, {result.method or 'point_means'}.csv, {len(result.figures)} figures)")
    return 0


def _patterns(args) -> int:
    from .extras import require  # noqa: PLC0415
    from .scenario import ScenarioError  # noqa: PLC0415
    from .storage import check_out  # noqa: PLC0415

    require("sweep", "scipy", lang=args.lang)
    from .patterns import evaluate, load_all, region_summary  # noqa: PLC0415 (scipy only when validating)
    from .patterns.report import write  # noqa: PLC0415
    from .sweeps import engine  # noqa: PLC0415

    registry = load_all()
    if args.list:
        for p in registry.values():
            print(f"{p.id:<36} {', '.join(p.facts):<14} {p.claim(args.lang)}")
        return 0
    unknown = [i for i in args.ids if i not in registry]
    if unknown:
        raise ScenarioError(f"ID: value(s) {unknown} are no registered pattern; allowed: {sorted(registry)} "
                            "(netwerksim patterns --list)")
    chosen = [registry[i] for i in args.ids] if args.ids else list(registry.values())
    if args.source:
        chosen = [p for p in chosen if p.seed_file == args.source]
    if not chosen:
        raise ScenarioError(f"--source {args.source}: no registered pattern of this source among those chosen")
    _check_engine_args(args)
    for option, value, low in (("--robustness", args.robustness, 0), ("--robust-seeds", args.robust_seeds, 2),
                               ("--calibration", args.calibration, 0), ("--calibration-seeds", args.calibration_seeds, 2),
                              ("--ensemble", args.ensemble, 0)):
        _in_range(option, value, low, 100_000, f"a whole number in [{low}, 100000]")
    out = check_out(args.out, "validation")
    with engine(workers=args.workers, dask_local=args.dask_local, scheduler=args.scheduler,
                connect_timeout=args.connect_timeout) as (executor, slots, label):
        print(f"{len(chosen)} pattern(s); {label}", file=sys.stderr, flush=True)
        validation = evaluate(chosen, mutations=not args.no_mutations, robustness=args.robustness,
                              robust_seeds=args.robust_seeds, calibration=args.calibration,
                              calibration_seeds=args.calibration_seeds, targets=not (args.ids or args.source),
                              workers=slots, executor=executor)
        if args.ensemble:
            from .patterns.ensemble import fit, run_ensemble  # noqa: PLC0415

            validation.ensemble = run_ensemble(args.ensemble, workers=slots, executor=executor)
            validation.ensemble_fit = fit(validation.ensemble)
    folder = write(validation, out, lang=args.lang, engine=label)
    for r in validation.results:
        flags = "".join([" SURVIVED: " + ",".join(r.survivors) if r.survivors else "", " fragile" if r.fragile else ""])
        print(f"  {'ok  ' if r.baseline.holds else 'FAIL'} {r.pattern.id:<36} {r.baseline.text()}{flags}")
    print(f"{sum(r.baseline.holds for r in validation.results)} of {len(validation.results)} patterns hold; "
          f"mutations killed {validation.mutations_killed} of {validation.mutations_run}; {validation.runs} runs in "
          f"{validation.seconds:.0f} s")
    region = region_summary(validation)
    if region:
        print(f"all-patterns region: {region['accepted']} of {region['points']} points; defaults inside: "
              f"{'yes' if region['defaults_inside'] else 'no'}")
    if validation.ensemble_fit is not None:
        for row in validation.ensemble_fit.itertuples():
            if row.sign:
                print(f"  {'ok  ' if row.supported else 'FAIL'} dip ~ {row.driver:<22} {row.coef:+.2f} "
                      f"[{row.low:+.2f}, {row.high:+.2f}] (source: {'+' if row.sign > 0 else '-'})")
    print(f"results: {folder}/ (validation.md, bronnen.md, patterns.csv, manifest.json"
          f"{', calibration.csv' if validation.calibration is not None else ''})")
    return 0


def _validate(args) -> int:
    from .resources import estimate, guard, human_bytes, human_seconds, memory_limit  # noqa: PLC0415
    from .scenario import load_scenario, resolve_path  # noqa: PLC0415

    s = load_scenario(args.scenario)
    where = resolve_path(args.scenario)
    need = guard(s, None, str(where))   # one that does not fit is refused with the estimate
    explained = estimate(s, explain=True)
    limit, source = memory_limit()
    n_orgs = len(s.organisations) + sum(g.count for g in s.organisation_groups)
    print(f"{where}: valid ({s.meta.name_en}; {n_orgs} organisations, {len(s.issues)} issues, "
          f"{len(s.forums) + sum(g.count for g in s.forum_groups)} forums, {len(s.events)} events, {s.meta.steps} weeks)")
    print(f"  a run needs {need.text()}; with the attribution of its dips (`netwerksim run` without --no-explain) "
          f"up to {human_bytes(explained.bytes)} and {human_seconds(explained.seconds)}; memory limit "
          f"{human_bytes(limit) if limit else 'unknown'} ({source})")
    return 0


def _new(args) -> int:
    from .scenario import load_scenario  # noqa: PLC0415
    from .spreadsheet import convert, write_template  # noqa: PLC0415

    if args.template is not None:
        written = write_template(args.template)
        print(f"{written}: an example network to fill in (sheets netwerk, organisaties, opgaven, belangen, tafels, "
              f"relaties, financiers; 'uitleg' explains every column). Then: netwerksim new --from {written}")
        return 0
    written = convert(args.sheet, args.out)
    s = load_scenario(written)
    print(f"{written}: {s.meta.name_nl} ({len(s.organisations)} organisations: {', '.join(o.name for o in s.organisations)}; "
          f"{len(s.issues)} issues, {len(s.forums)} tables). Then: netwerksim validate {written}; netwerksim compare "
          f"{written} --option 'NAME[Label]: field=value'")
    return 0


def _generate(args) -> int:
    from .generator import GeneratorError, generate_network, national_network, to_toml  # noqa: PLC0415
    from .scenario import ScenarioError, load_scenario  # noqa: PLC0415
    from .storage import write_new  # noqa: PLC0415

    _in_range("--seed", args.seed, 0, math.inf, "a whole number >= 0")
    fixed = {k: getattr(args, k) for k in ("organisations", "issues", "governance", "agreements")
             if getattr(args, k) is not None}
    national = {k: getattr(args, k) for k in ("scale", "regions") if getattr(args, k) is not None}
    if national and not args.national:
        raise ScenarioError(f"--{next(iter(national))}: only with --national")
    if args.national and fixed:
        raise ScenarioError(f"--{next(iter(fixed))}: not with --national (its organisations come from its regions)")
    try:
        if args.national:
            command = " ".join(["netwerksim generate --national --seed", str(args.seed),
                                *(f"--{k} {v}" for k, v in national.items())])
            text = to_toml(national_network(args.seed, **national), command)
        else:
            command = " ".join(["netwerksim generate --seed", str(args.seed), *(f"--{k} {v}" for k, v in fixed.items())])
            text = to_toml(generate_network(args.seed, **fixed), command)
    except GeneratorError as exc:
        raise ScenarioError(f"--{exc.field}: {exc}") from None
    if args.out is None:
        print(text, end="")
        return 0
    write_new(args.out, text, ScenarioError, "netwerksim generate", "--out: ")
    print(f"{args.out}: {load_scenario(args.out).meta.description_en}")
    return 0


def _list(args) -> int:
    from .scenario import bundled_names, load_scenario  # noqa: PLC0415

    for name in bundled_names():
        s = load_scenario(name)
        print(f"{name}\n  {s.meta.name_nl} / {s.meta.name_en}\n  {s.meta.description_nl}\n")
    return 0


def _params(args) -> int:
    from .interventions import REGISTRY  # noqa: PLC0415
    from .params import PARAMETERS  # noqa: PLC0415

    if args.interventions:
        for e in REGISTRY.values():
            opts = ", ".join(f"{k}={o.default!r}" for k, o in e.options.items())
            print(f"{e.name:<20} {e.kind:<12} {e.label_nl} / {e.label_en}  [{opts}]  ({e.source})")
        return 0
    for p in PARAMETERS.values():
        print(f"{p.name:<36} {p.default:>8g} {p.unit:<16} [{p.low:g}, {p.high:g}]  {p.doc} ({p.source})")
    return 0


# Solara's settings for the workshop app (solara/server/settings.py: Telemetry.mixpanel_enable,
# ThemeSettings.show_banner, Kernel.cull_timeout: a tab whose browser went away without closing it is freed
# after this long instead of 24 h; a browser that comes back within it finds its run) and reacton's renderer that
# skips the unchanged parts of a page (app.page.RENDERER; issue 16 item 2)
APP_SETTINGS = {"SOLARA_TELEMETRY_MIXPANEL_ENABLE": "False", "SOLARA_THEME_SHOW_BANNER": "False",
                "SOLARA_KERNEL_CULL_TIMEOUT": "15m", "REACTON_FAST": "1"}


def app_command(host: str, port: int, page: str = "netwerksim.app.page:Page") -> list[str]:
    """The ``solara run`` command line that serves the workshop app: no look-up of Solara's newest version on
    pypi.org, the plain loading screen (no "Made with Solara"). With :func:`app_environment`."""
    return [sys.executable, "-m", "solara", "run", page, "--host", host, "--port", str(port),
            "--no-open", "--production", "--no-check-version", "--theme-loader", "plain"]


def app_environment() -> dict[str, str]:
    """The environment for :func:`app_command`: offline by default (no telemetry to api.mixpanel.com and
    api.ipify.org; issue 12 item 5), no Solara badge over the page, an abandoned tab freed after 15 minutes,
    reacton's renderer that skips what did not change. A value the user set is kept."""
    return {**APP_SETTINGS, **os.environ}


def _app(args) -> int:
    from .extras import require  # noqa: PLC0415

    require("app", lang=args.lang if hasattr(args, "lang") else "nl")
    _in_range("--port", args.port, 0, 65535, "a port number in [0, 65535] (0: any free port)")
    print(f"netwerksim app: http://{args.host}:{args.port}/ (stop with Ctrl+C)", file=sys.stderr, flush=True)
    command = app_command(args.host, args.port)
    os.execve(command[0], command, app_environment())   # the server takes this process's place: one process to stop



def _spel(args) -> int:
    import secrets  # noqa: PLC0415
    import time  # noqa: PLC0415

    from .extras import require  # noqa: PLC0415
    from .scenario import load_scenario, resolve_path  # noqa: PLC0415
    from .storage import OutputError, check_out  # noqa: PLC0415

    require("app", lang="nl")
    _in_range("--port", args.port, 0, 65535, "a port number in [0, 65535] (0: any free port)")
    _in_range("--round-weeks", args.round_weeks, 1, 52, "a whole number of weeks in [1, 52]")
    _in_range("--countdown", args.countdown, 5, 3600, "a number of seconds in [5, 3600]")
    _in_range("--seed", args.seed, 0, 2**32 - 1, "a whole number in [0, 4294967295]")
    from .app.game_host import ENV, participants_url  # noqa: PLC0415

    local = "127.0.0.1" if args.host in ("0.0.0.0", "::", "") else args.host
    if (args.scenario is None) == (args.resume is None):
        raise OutputError("netwerksim spel: give a SCENARIO for a new game or --resume DIR for a stopped one "
                          "(not both, not neither)")
    if args.resume is not None:
        env = {ENV["resume"]: str(args.resume.absolute()), ENV["trainer"]: _stored_trainer(args.resume),
               ENV["url"]: participants_url(args.host, args.port)}
        return _serve_game(args, env, local, args.resume)
    source = resolve_path(args.scenario)
    scenario = load_scenario(args.scenario)
    if args.round_weeks > scenario.meta.steps:
        _in_range("--round-weeks", args.round_weeks, 1, scenario.meta.steps,
                  f"at most the scenario's {scenario.meta.steps} weeks")
    out = args.out or Path("results") / f"spel-{source.stem}-{time.strftime('%Y%m%d-%H%M%S')}"
    check_out(out, "game")
    if out.exists() and any(out.iterdir()):
        raise OutputError(f"--out {out}: already holds a game or other files; a game's log is never replaced: "
                          "choose a new folder")
    trainer = secrets.token_urlsafe(16)
    env = {ENV["scenario"]: str(source.absolute()), ENV["out"]: str(out.absolute()), ENV["trainer"]: trainer,
           ENV["weeks"]: str(args.round_weeks), ENV["countdown"]: str(args.countdown),
           ENV["seed"]: "" if args.seed is None else str(args.seed), ENV["assignment"]: args.assignment,
           ENV["url"]: participants_url(args.host, args.port)}
    return _serve_game(args, env, local, out)


def _stored_trainer(folder: Path) -> str:
    """The trainer's token of the game stored in ``folder`` (an OutputError when it holds no game)."""
    import sqlite3  # noqa: PLC0415

    from .storage import OutputError, kind_of  # noqa: PLC0415

    if kind_of(folder) != "game" or not (folder / "game.sqlite").is_file():
        raise OutputError(f"--resume {folder}: holds no game of netwerksim spel (no marker of a game, or no "
                          "game.sqlite); give the folder a game wrote, e.g. results/spel-zorgnetwerk-20261206-0930")
    try:
        with sqlite3.connect(f"file:{folder / 'game.sqlite'}?mode=ro", uri=True) as db:
            return db.execute("SELECT value FROM meta WHERE key = 'trainer_token'").fetchone()[0]
    except (sqlite3.Error, TypeError):
        raise OutputError(f"--resume {folder}: game.sqlite cannot be read as a game's log") from None


def _serve_game(args, env: dict[str, str], local: str, out: Path) -> int:
    """Print the two addresses and the game's folder, then become the Solara server of the game's pages."""
    from .app.game_host import ENV  # noqa: PLC0415

    print(f"netwerksim spel: projector (spelleider): http://{local}:{args.port}/?spelleider={env[ENV['trainer']]}\n"
          f"netwerksim spel: participants (deelnemers): {env[ENV['url']]}\n"
          f"netwerksim spel: the game's log: {out} (stop with Ctrl+C)", file=sys.stderr, flush=True)
    command = app_command(args.host, args.port, "netwerksim.app.game_page:Page")
    # a phone that sleeps through a long debrief keeps its page for 2 hours (unless the user set another time)
    os.execve(command[0], command, {**APP_SETTINGS, "SOLARA_KERNEL_CULL_TIMEOUT": "2h", **os.environ, **env})
    return 0   # (execve does not return; a test that replaces it does)


if __name__ == "__main__":
    sys.exit(main())
