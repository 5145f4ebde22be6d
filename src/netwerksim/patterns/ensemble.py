"""Generalisation: does the chance of a netwerkdip follow the sources' drivers across generated networks?

The bundled scenarios are examples; the claim of 003 L4612-4672 is about networks in general. This
module draws an ensemble of networks nobody wrote (:func:`netwerksim.generator.ensemble`), runs each
once through the sweep engine and fits a logistic regression of "a netwerkdip occurred" on the
networks' design values (statsmodels ``Logit``; coefficients per standard deviation of a driver, 95%
Wald intervals), among the networks that got going: the source speaks of a dip after an energetic start
("na een aanvankelijke energieke start", 003 L4604-4606), so a network that never rose cannot show one. Each :data:`DRIVERS` entry states the direction the source gives; a driver is
*supported* when its whole interval lies on that side of zero. Controls are in the fit without a
claimed direction. Issue 13 item 7.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any, Callable, Mapping

import numpy as np
import pandas as pd

from ..experiment import RunSpec, run_stream
from ..generator import draw_design, generate_network


@dataclass(frozen=True)
class Driver:
    """A design value of a generated network as a regressor, with the direction the source claims."""

    name: str
    nl: str
    en: str
    value: Callable[[Mapping[str, Any]], float]
    sign: int           # +1 raises the chance of a dip, -1 protects, 0 a control without a claim
    source: str = ""


DRIVERS: tuple[Driver, ...] = (
    Driver("size", "omvang (log aantal organisaties)", "size (log number of organisations)",
           lambda d: float(np.log(d["organisations"])), +1, "003 L4628-4630 (R37b: complexity and number of parties)"),
    Driver("accountability", "verantwoordingsvraag financiers", "funders' accountability demand",
           lambda d: float(d["accountability_demand"]), +1, "003 L4636-4646 (R37e)"),
    Driver("turbulence", "veranderende context", "changing context",
           lambda d: float(d["turbulence"]), +1, "003 L4626-4628 (R37a)"),
    Driver("lead_organisation", "trekkende organisatie (t.o.v. gedeeld leiderschap)",
           "lead organisation (vs shared leadership)",
           lambda d: float(d["governance"] == "lead_organisation"), +1, "003 L4652-4656 (R37g), L4724-4728"),
    Driver("separate_agreements", "aparte prestatieafspraken", "separate performance agreements",
           lambda d: float(d["agreements"] == "separate"), +1, "003 L4660-4672 (R37i: accountability not streamlined)"),
    Driver("routines", "verankerde lichte routines (bestaand netwerk)", "anchored light routines (existing network)",
           lambda d: float(d["routines"]) * (d["start"] == "existing"), -1,
           "003 L2591-2611 (agreements anchored in existing structures, not personal relations only), L4856-4894"),
    Driver("nao", "netwerkorganisatie (t.o.v. gedeeld leiderschap)", "network organisation (vs shared leadership)",
           lambda d: float(d["governance"] == "nao"), 0),
    Driver("existing", "bestaand netwerk", "existing network", lambda d: float(d["start"] == "existing"), 0),
    Driver("growth", "groei door toetreders", "growth by joiners", lambda d: float(d["growth"]), 0),
    Driver("workload", "werkdruk casuïstiek", "casework pressure", lambda d: float(d["workload"]), 0),
    Driver("mandate", "mandaat afgevaardigden", "delegates' mandate", lambda d: float(d["mandate"]), 0),
    Driver("everyone_everywhere", "iedereen aan elke tafel", "everyone at every table",
           lambda d: float(d["everyone_everywhere"]), 0),
)


def designs(n: int, seed: int = 0) -> pd.DataFrame:
    """The design values of networks ``seed .. seed + n - 1`` and the drivers computed from them."""
    rows = []
    for s in range(seed, seed + n):
        d = draw_design(s)
        rows.append({"network": s, **{k: d[k] for k in ("organisations", "governance", "agreements", "start")},
                     **{x.name: x.value(d) for x in DRIVERS}})
    return pd.DataFrame(rows)


def got_going(result) -> float:
    """1 when the run had an energetic start: it dipped, or its smoothed vitality (the dip detector's trailing
    mean of ``dip.window`` weeks) rose at least ``dip.rise`` above where it started; else 0."""
    if any(e["type"] == "netwerkdip" for e in result.events):
        return 1.0
    parameters = result.manifest["parameters"]
    smoothed = result.timeseries["vitality"].rolling(int(parameters["dip.window"]), min_periods=1).mean().to_numpy()
    return float(smoothed.max() >= smoothed[0] * (1 + parameters["dip.rise"]))


def run_ensemble(n: int = 200, seed: int = 0, *, run_seed: int = 1, workers: int = 1, executor=None) -> pd.DataFrame:
    """Generate ``n`` networks, run each once (``run_seed``) and return designs with the outcomes.

    Columns: the design (:func:`designs`), ``dip`` (a netwerkdip occurred), ``never_gets_going``,
    ``dip_depth`` and ``got_going`` (:func:`got_going`). Runs go through
    :func:`netwerksim.experiment.run_stream` (serial, pool or Dask)."""
    frame = designs(n, seed).set_index("network")
    jobs = ((s, RunSpec(generate_network(s), seed=run_seed, measures=(got_going,))) for s in frame.index)
    outcomes = {key: {**{m: float(r[m]) for m in ("dip", "never_gets_going", "dip_depth")},
                      "got_going": float(r["measures"][0])}
                for key, r in run_stream(jobs, workers=workers, executor=executor)}
    return frame.join(pd.DataFrame.from_dict(outcomes, orient="index")).reset_index()


def fit(frame: pd.DataFrame, outcome: str = "dip", confidence: float = 0.95, among: str | None = "got_going"
        ) -> pd.DataFrame:
    """Logistic regression of ``outcome`` on every driver, standardised (a coefficient per SD), over the networks
    where the column ``among`` is set (default: those that got going; None: all).

    One row per driver: coefficient, interval, odds ratio per SD, the claimed sign and whether the
    interval lies wholly on that side (``supported``); controls have ``sign`` 0 and ``supported`` NaN. Too few
    networks to estimate (no convergence, or an outcome a driver predicts perfectly): every coefficient NaN and
    nothing supported."""
    import statsmodels.api as sm  # noqa: PLC0415 (only the validation needs it)

    if among is not None:
        frame = frame[frame[among] > 0]
    names = [d.name for d in DRIVERS if frame[d.name].std() > 0]
    x = frame[names]
    x = (x - x.mean()) / x.std()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            model = sm.Logit(frame[outcome].astype(float), sm.add_constant(x)).fit(disp=0, maxiter=200)
            identified = bool(model.mle_retvals["converged"])
        except (np.linalg.LinAlgError, ValueError):     # e.g. every network alike in the outcome
            identified = False
    identified = identified and not any("separation" in str(w.message).lower() for w in caught)
    if identified:
        params, ci = model.params, model.conf_int(alpha=1 - confidence)
    rows = []
    for d in DRIVERS:
        if d.name not in names:
            continue
        coef, low, high = ((float(params[d.name]), float(ci.loc[d.name, 0]), float(ci.loc[d.name, 1]))
                           if identified else (np.nan, np.nan, np.nan))
        supported = bool(low > 0 if d.sign > 0 else high < 0) if d.sign else np.nan
        rows.append({"driver": d.name, "nl": d.nl, "en": d.en, "sign": d.sign, "coef": coef, "low": low,
                     "high": high, "odds_ratio": float(np.exp(coef)), "supported": supported, "source": d.source})
    return pd.DataFrame(rows)
