"""Analysing a finished sweep: Morris screening and Sobol indices (SALib), outcome plots and a table.

Morris (Campolongo et al. 2007): per parameter the mean absolute elementary effect mu* with its
bootstrap interval and the spread sigma (large sigma: interactions or non-linearity). Sobol
(Saltelli 2002, 2010): first-order S1 and total ST indices with bootstrap 95% intervals; ST - S1
is the share through interactions. Stochastic runs are averaged over the replications of a design
point before the indices are computed (anchors_mesa.md §5.2-5.3); the unit coordinates of the
design are what SALib sampled, so indices of categorical axes are indices of their split of [0, 1].
Every design gets plots of an outcome over one parameter and a heat map over two.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .extras import require
from .i18n import t
from .metrics import METRICS
from .storage import check_out, result_folder
from .sweeps import Store, SweepError, salib_problem

INDEX_COLUMNS = {"morris": ["mu", "mu_star", "mu_star_conf", "sigma"], "sobol": ["S1", "S1_conf", "ST", "ST_conf"]}
FLAGGED = {"morris": ["mu_star"], "sobol": ["S1", "ST"]}   # indices whose interval is checked


def uncertain(index: pd.Series, conf: pd.Series) -> pd.Series:
    """True where the 95% interval ``index +- conf`` includes 0 or is wider than the index, or the index is
    negative (impossible for these indices: sampling error): too few runs to tell."""
    return (index - conf <= 0) | (conf > index.abs())


@dataclass
class Analysis:
    """A sweep's sensitivity indices (tidy: metric x parameter), point means, skipped metrics, figures."""

    folder: Path
    manifest: dict
    means: pd.DataFrame                       # one row per design point: parameters and mean metrics
    indices: pd.DataFrame                     # morris or sobol columns; empty for other designs
    second_order: pd.DataFrame = field(default_factory=pd.DataFrame)
    skipped: dict[str, str] = field(default_factory=dict)   # metric -> why no indices
    figures: list[str] = field(default_factory=list)
    out: Path | None = None

    @property
    def method(self) -> str | None:
        return self.manifest["design"] if self.manifest["design"] in INDEX_COLUMNS else None


def load(folder: str | Path) -> tuple[dict, pd.DataFrame, pd.DataFrame]:
    """(manifest, every run, design) of a complete sweep folder; a clear error for an unfinished one."""
    store = Store(folder)
    manifest = store.manifest()
    if manifest is None or manifest.get("kind") != "netwerksim sweep":
        raise SweepError(f"{folder}: not a sweep results folder (no manifest.json of `netwerksim sweep`)")
    runs = store.read()
    if len(runs) != manifest["runs"]:
        raise SweepError(f"{folder}: {len(runs)} of {manifest['runs']} runs saved; finish the sweep first with "
                         f"`netwerksim sweep {manifest['source']} --out {folder} --resume`")
    return manifest, runs, pd.read_parquet(store.out / "design.parquet")


def analyse(folder: str | Path, *, metrics: list[str] | None = None, pair: tuple[str, str] | None = None,
            lang: str = "nl", plots: bool = True, out: str | Path | None = None,
            num_resamples: int = 1000) -> Analysis:
    """Analyse a complete sweep folder and write ``analysis/`` in it (or ``out``): tables, plots, report."""
    manifest, runs, design = load(folder)
    target = check_out(out if out is not None else Path(folder) / "analysis", "analysis")
    names = [d["name"] for d in manifest["space"]]
    metrics = list(metrics) if metrics is not None else manifest["metrics"]
    if not metrics:
        raise SweepError(f"--metrics: no metric named; allowed: {manifest['metrics']}")
    unknown = [m for m in metrics if m not in runs.columns]
    if unknown:
        raise SweepError(f"--metrics: {unknown} not kept by this sweep; allowed: {manifest['metrics']}")
    for p in pair or ():
        if p not in names:
            raise SweepError(f"--pair: value {p!r} is not an axis of this sweep; allowed: {names}")
    means = design.join(runs.groupby("point")[metrics].mean(), on="point")
    result = Analysis(Path(folder), manifest, means, pd.DataFrame())
    if result.method is not None:
        _indices(result, design[[f"u:{n}" for n in names]].to_numpy(), names, metrics, num_resamples)
    if pair is None and len(names) >= 2:
        pair = _most_influential(result, names, metrics)
    with result_folder(target, "analysis") as tmp:
        if not result.indices.empty:
            result.indices.to_csv(tmp / f"{result.method}.csv", index=False)
        if not result.second_order.empty:
            result.second_order.to_csv(tmp / "sobol_second_order.csv", index=False)
        means.to_csv(tmp / "point_means.csv", index=False)
        if plots:
            result.figures = _plots(result, tmp, names, metrics, pair, lang)
        (tmp / "analysis.md").write_text("\n".join(_report(result, names, metrics, lang)) + "\n", encoding="utf-8")
    result.out = target
    return result


def _indices(result: Analysis, unit: np.ndarray, names: list[str], metrics: list[str], num_resamples: int) -> None:
    require("sweep", "SALib")
    from SALib.analyze import morris, sobol  # noqa: PLC0415

    manifest = result.manifest
    problem = salib_problem(names)
    rows, pairs = [], []
    for m in metrics:
        y = result.means[m].to_numpy(dtype=float)
        if np.isnan(y).any():
            result.skipped[m] = "undefined_points"
            continue
        if np.ptp(y) == 0:
            result.skipped[m] = "constant"
            continue
        if manifest["design"] == "morris":
            si = morris.analyze(problem, unit, y, num_resamples=num_resamples, num_levels=manifest["sweep"]["levels"],
                                seed=manifest["base_seed"])
        else:
            si = sobol.analyze(problem, y, calc_second_order=manifest["sweep"]["second_order"],
                               num_resamples=num_resamples, seed=manifest["base_seed"])
            if manifest["sweep"]["second_order"]:
                pairs += [{"metric": m, "parameter_1": names[i], "parameter_2": names[j], "S2": si["S2"][i, j],
                           "S2_conf": si["S2_conf"][i, j]} for i in range(len(names)) for j in range(i + 1, len(names))]
        for i, n in enumerate(names):
            rows.append({"metric": m, "parameter": n, **{c: float(si[c][i]) for c in INDEX_COLUMNS[manifest["design"]]}})
    result.indices = pd.DataFrame(rows, columns=["metric", "parameter", *INDEX_COLUMNS[manifest["design"]]])
    for c in FLAGGED[manifest["design"]]:
        result.indices[f"{c}_uncertain"] = uncertain(result.indices[c], result.indices[f"{c}_conf"])
    result.second_order = pd.DataFrame(pairs)


def _most_influential(result: Analysis, names: list[str], metrics: list[str]) -> tuple[str, str]:
    """The two parameters with the largest index (ST or mu*) for the first analysed metric; else the first two."""
    key = {"morris": "mu_star", "sobol": "ST"}.get(result.manifest["design"])
    if key and not result.indices.empty:
        first = result.indices[result.indices["metric"] == result.indices["metric"].iloc[0]]
        top = first.sort_values(key, ascending=False)["parameter"].tolist()
        return top[0], top[1]
    return names[0], names[1]


# --- plots ---------------------------------------------------------------------------------------------
def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "_", text).strip("_")


def _plots(result: Analysis, folder: Path, names: list[str], metrics: list[str], pair, lang: str) -> list[str]:
    import matplotlib  # noqa: PLC0415 (matplotlib only when plotting)

    matplotlib.use("Agg")
    figures = []
    labels = {m: _metric_label(m, lang) for m in metrics}
    for m in metrics:
        rows = result.indices[result.indices["metric"] == m] if not result.indices.empty else result.indices
        if len(rows):
            fig = index_figure(rows, result.method, labels[m], lang)
            figures.append(_save(fig, folder, f"{result.method}_{_slug(m)}.png"))
        figures.append(_outcome_1d(result.means, names, m, labels[m], folder, lang))
        if pair is not None:
            figures.append(_outcome_2d(result.means, pair, m, labels[m], folder, lang))
    return figures


def index_figure(rows: pd.DataFrame, method: str, label: str, lang: str):
    """The Sobol bars or the Morris mu*-sigma plot of one metric; uncertain indices hatched or hollow."""
    import matplotlib.pyplot as plt  # noqa: PLC0415
    from matplotlib.patches import Patch  # noqa: PLC0415

    fig, ax = plt.subplots(figsize=(7, 0.45 * len(rows) + 2.2))
    if method == "sobol":
        y = np.arange(len(rows))
        colours = (("S1", "#2980b9"), ("ST", "#e67e22"))
        for shift, (c, colour) in zip((-0.2, 0.2), colours):
            bars = ax.barh(y + shift, rows[c], 0.4, xerr=rows[f"{c}_conf"], label=c, color=colour, capsize=3)
            for bar, flag in zip(bars, rows[f"{c}_uncertain"]):
                if flag:
                    bar.set_alpha(0.35)
                    bar.set_hatch("//")
        ax.set_yticks(y, rows["parameter"])
        ax.axvline(0, color="#7f8c8d", lw=0.8)
        ax.set_xlabel(t("sweep.sobol_axis", lang))
        ax.legend(handles=[Patch(color=colour, label=c) for c, colour in colours], loc="lower right")
    else:
        sure = ~rows["mu_star_uncertain"]
        ax.errorbar(rows["mu_star"], rows["sigma"], xerr=rows["mu_star_conf"], fmt="none", ecolor="#2c3e50", capsize=3)
        ax.scatter(rows["mu_star"][sure], rows["sigma"][sure], color="#2c3e50", zorder=3)
        ax.scatter(rows["mu_star"][~sure], rows["sigma"][~sure], facecolors="white", edgecolors="#2c3e50", zorder=3)
        ax.set_xlabel("mu*")
        ax.set_ylabel("sigma")
        place_labels(fig, ax, rows["mu_star"].to_numpy(float), rows["sigma"].to_numpy(float), list(rows["parameter"]))
    ax.set_title(t(f"sweep.{method}_title", lang, metric=label))
    if rows[[f"{c}_uncertain" for c in FLAGGED[method]]].to_numpy().any():
        fig.text(0.01, 0.01, t("sweep.uncertain_short", lang), fontsize=8, color="#c0392b", va="bottom")
        fig.tight_layout(rect=(0, 0.05, 1, 1))
    else:
        fig.tight_layout()
    return fig


def place_labels(fig, ax, x: np.ndarray, y: np.ndarray, labels: list[str], pad: float = 2.0) -> list:
    """Annotate points without two labels overlapping: each label, from the lowest up, is moved up just
    past any label already placed that it would overlap (measured on the drawn text boxes)."""
    texts = [ax.annotate(text, (xi, yi), fontsize=8, xytext=(4, 3), textcoords="offset points", annotation_clip=False)
             for xi, yi, text in zip(x, y, labels)]
    renderer = fig.canvas.get_renderer()
    placed: list = []
    for i in np.lexsort((x, y)):
        text = texts[i]
        for _ in range(len(texts) + 1):
            box = text.get_window_extent(renderer)
            hits = [b for b in placed if b.overlaps(box)]
            if not hits:
                break
            lift = max(b.y1 for b in hits) - box.y0 + pad   # pixels
            dx, dy = text.xyann   # offset in points
            text.xyann = (dx, dy + lift * 72 / fig.dpi)
        placed.append(text.get_window_extent(renderer))
    return texts


def _metric_label(metric: str, lang: str) -> str:
    return METRICS[metric].label(lang) if metric in METRICS else metric


def _save(fig, folder: Path, name: str) -> str:
    import matplotlib.pyplot as plt  # noqa: PLC0415

    fig.savefig(folder / name, dpi=110)
    plt.close(fig)
    return name


def _axis(values: pd.Series) -> tuple[np.ndarray, list[str] | None]:
    """Numbers to plot a parameter on, and tick labels for a categorical one."""
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return values.to_numpy(dtype=float), None
    categories = list(dict.fromkeys(values.astype(str)))
    return values.astype(str).map({c: i for i, c in enumerate(categories)}).to_numpy(dtype=float), categories


def _outcome_1d(means: pd.DataFrame, names: list[str], metric: str, label: str, folder: Path, lang: str) -> str:
    import matplotlib.pyplot as plt  # noqa: PLC0415

    cols = min(3, len(names))
    rows = math.ceil(len(names) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(4.2 * cols, 3.2 * rows), squeeze=False, sharey=True)
    for ax, name in zip(axes.flat, names):
        x, categories = _axis(means[name])
        y = means[metric].to_numpy(dtype=float)
        ax.scatter(x, y, s=12, alpha=0.5, color="#2980b9")
        bins = np.unique(x) if categories is not None or len(np.unique(x)) <= 12 else np.quantile(x, np.linspace(0, 1, 9))
        centres, level = _binned(x, y, bins, exact=categories is not None or len(np.unique(x)) <= 12)
        ax.plot(centres, level, color="#c0392b", lw=2, marker="o", ms=3, label=t("sweep.binned_mean", lang))
        if categories is not None:
            ax.set_xticks(range(len(categories)), categories, rotation=20)
        ax.set_xlabel(name, fontsize=9)
    for ax in axes.flat[len(names):]:
        ax.set_visible(False)
    axes[0, 0].set_ylabel(label)
    axes[0, 0].legend(fontsize=8)
    fig.suptitle(t("sweep.outcome_title", lang, metric=label))
    fig.tight_layout()
    return _save(fig, folder, f"outcome_{_slug(metric)}.png")


def _binned(x: np.ndarray, y: np.ndarray, bins: np.ndarray, *, exact: bool) -> tuple[np.ndarray, np.ndarray]:
    """Mean of ``y`` per distinct ``x`` (exact) or per quantile bin of ``x``; NaN outcomes left out."""
    if exact:
        return bins, np.array([np.nanmean(y[x == b]) if np.any(~np.isnan(y[x == b])) else np.nan for b in bins])
    which = np.clip(np.searchsorted(bins, x, side="right") - 1, 0, len(bins) - 2)
    centres = (bins[:-1] + bins[1:]) / 2
    level = np.array([np.nanmean(y[which == i]) if np.any(~np.isnan(y[which == i])) else np.nan
                      for i in range(len(centres))])
    return centres, level


def _outcome_2d(means: pd.DataFrame, pair: tuple[str, str], metric: str, label: str, folder: Path, lang: str) -> str:
    import matplotlib.pyplot as plt  # noqa: PLC0415

    (x, xcat), (y, ycat) = _axis(means[pair[0]]), _axis(means[pair[1]])
    xb, yb = _edges(x, xcat), _edges(y, ycat)
    z = means[metric].to_numpy(dtype=float)
    grid = np.full((len(yb) - 1, len(xb) - 1), np.nan)
    ix = np.clip(np.searchsorted(xb, x, side="right") - 1, 0, len(xb) - 2)
    iy = np.clip(np.searchsorted(yb, y, side="right") - 1, 0, len(yb) - 2)
    for i in range(grid.shape[0]):
        for j in range(grid.shape[1]):
            cell = z[(iy == i) & (ix == j)]
            if np.any(~np.isnan(cell)):
                grid[i, j] = np.nanmean(cell)
    fig, ax = plt.subplots(figsize=(6.4, 5))
    mesh = ax.pcolormesh(xb, yb, np.ma.masked_invalid(grid), cmap="viridis", shading="flat")
    fig.colorbar(mesh, ax=ax, label=label)
    for edges, cat, setter in ((xb, xcat, ax.set_xticks), (yb, ycat, ax.set_yticks)):
        if cat is not None:
            setter((edges[:-1] + edges[1:]) / 2, cat)
    ax.set_xlabel(pair[0])
    ax.set_ylabel(pair[1])
    ax.set_title(t("sweep.outcome2_title", lang, metric=label))
    fig.tight_layout()
    return _save(fig, folder, f"outcome2_{_slug(metric)}.png")


def _edges(values: np.ndarray, categories: list[str] | None, bins: int = 8) -> np.ndarray:
    """Cell edges: one cell per value when there are few (or categories), else ``bins`` equal cells."""
    distinct = np.unique(values)
    if categories is not None or len(distinct) <= bins:
        if len(distinct) == 1:
            return np.array([distinct[0] - 0.5, distinct[0] + 0.5])
        mids = (distinct[:-1] + distinct[1:]) / 2
        return np.concatenate([[distinct[0] - (mids[0] - distinct[0])], mids, [distinct[-1] + (distinct[-1] - mids[-1])]])
    return np.linspace(distinct[0], distinct[-1], bins + 1)


# --- the report -----------------------------------------------------------------------------------------
def _report(result: Analysis, names: list[str], metrics: list[str], lang: str) -> list[str]:
    m = result.manifest
    lines = [f"# {t('sweep.report_title', lang)}: {m['name_' + lang]}", "",
             t("sweep.report_setup", lang, design=m["design"], points=m["points"], replications=m["replications"],
               runs=m["runs"], steps=m["steps"], scenario=m.get(f"scenario_{lang}", m["scenario"])), "",
             f"{t('sweep.space', lang)}: " + ", ".join(f"`{n}`" for n in names), ""]
    if result.method == "morris":
        lines += ["## Morris: mu*, sigma", "", t("sweep.morris_note", lang), ""]
    elif result.method == "sobol":
        lines += ["## Sobol: S1, ST", "", t("sweep.sobol_note", lang), ""]
    else:
        lines += [t("sweep.no_indices", lang, design=m["design"]), ""]
    if result.method is not None and not result.indices.empty:
        cols = INDEX_COLUMNS[result.method]
        flagged = FLAGGED[result.method]
        for metric in metrics:
            rows = result.indices[result.indices["metric"] == metric]
            if rows.empty:
                continue
            key = cols[1] if result.method == "morris" else "ST"
            rows = rows.sort_values(key, ascending=False)
            lines += [f"### {_metric_label(metric, lang)} (`{metric}`)", "",
                      "| parameter | " + " | ".join(cols) + " |", "|---|" + "---:|" * len(cols)]
            lines += ["| `" + r["parameter"] + "` | " + " | ".join(
                f"{r[c]:.3f}" + (" (?)" if c in flagged and r[f"{c}_uncertain"] else "") for c in cols) + " |"
                for _, r in rows.iterrows()]
            lines.append("")
        if result.indices[[f"{c}_uncertain" for c in flagged]].to_numpy().any():
            samples = m["sweep"].get("samples")
            lines += [t("sweep.uncertain", lang, samples=samples, suggest=4 * samples if samples else "?"), ""]
    for metric, why in result.skipped.items():
        lines.append(f"- `{metric}`: {t('sweep.skipped_' + why, lang)}")
    if result.figures:
        lines += ["", f"## {t('sweep.figures', lang)}", ""] + [f"![{f}]({f})" for f in result.figures]
    lines += ["", f"{t('sweep.provenance', lang)}: `manifest.json` (sweep SHA-256 {m['sweep_sha256'][:12]}…, "
                  f"{json.dumps(m['versions'])})"]
    return lines
