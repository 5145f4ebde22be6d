"""The validation report: ``validation.md`` for people, ``patterns.csv`` and ``calibration.csv`` for code.

Per pattern: the measured effect with its 95% interval and whether it holds; the mutation matrix
(each named link switched off: the effect then, killed or survived; a survivor flags the pattern);
the share of the robustness hypercube where it holds (fragile under half). Then the all-patterns
region of the Morris parameters with its size and ranges, the sources' numeric targets, and the
parameters no killing mutation depends on (untested). ``docs/validatie.md`` is this report for the
bundled model (``make validate``).
"""

from __future__ import annotations

import json
import math
from importlib.metadata import version
from pathlib import Path

import pandas as pd

from ..i18n import number, t
from ..links import LINKS
from ..params import PARAMETERS
from ..storage import result_folder
from .engine import FRAGILE, PatternResult, Validation, region_summary


def table(validation: Validation) -> pd.DataFrame:
    """One row per pattern and variant (baseline, off:<link>, robustness): the numbers of the report."""
    rows = []
    for r in validation.results:
        p = r.pattern
        common = {"pattern": p.id, "facts": " ".join(p.facts), "effect": p.effect, "direction": p.direction,
                  "threshold": p.threshold, "seeds": p.seeds}
        for variant, e in [("baseline", r.baseline), *((f"off:{n}", e) for n, e in r.mutations.items())]:
            rows.append({**common, "variant": variant, "estimate": e.estimate, "low": e.low, "high": e.high,
                         "n": e.n, "holds": e.holds})
        if r.robustness:
            rows.append({**common, "variant": "robustness", "estimate": r.robust_share, "low": math.nan,
                         "high": math.nan, "n": len(r.robustness), "holds": not r.fragile})
    return pd.DataFrame(rows)


def _fmt(p) -> str:
    return ".0%" if p.effect == "share" else ".2f"


def _effect(e, p, lang: str) -> str:
    if e.n == 0 or e.estimate != e.estimate:
        return "–"
    f = _fmt(p)
    return f"{number(e.estimate, f, lang)} [{_bound(e.low, f, lang)}; {_bound(e.high, f, lang)}]"


def _bound(value: float, f: str, lang: str) -> str:
    """An interval bound; a ratio's bootstrap can reach infinity when resampled seeds left the contrast at 0."""
    return ("∞" if value > 0 else "−∞") if math.isinf(value) else number(value, f, lang)


def _threshold(p, lang: str) -> str:
    sign = "≥" if p.direction == "higher" else "≤"
    return f"{sign} {number(p.threshold, _fmt(p), lang)}"


def _verdict(holds: bool, lang: str) -> str:
    return t("patterns.holds" if holds else "patterns.fails", lang)


def _mutations(r: PatternResult, lang: str) -> str:
    if not r.mutations:
        return "–"
    cells = []
    for name, e in r.mutations.items():
        word = t("patterns.survived" if e.holds else "patterns.killed", lang)
        cells.append(f"`{name}` → {_effect(e, r.pattern, lang)} ({word})")
    return "<br>".join(cells)


def _robust(r: PatternResult, lang: str) -> str:
    if not r.robustness:
        return "–"
    text = number(r.robust_share, ".0%", lang)
    if r.robust_reference is not None:
        text += f"; {t('patterns.at_defaults', lang)}: {t('patterns.yes' if r.robust_reference.reaches else 'patterns.no', lang)}"
    return text + (f" ({t('patterns.fragile', lang)})" if r.fragile else "")


def markdown(validation: Validation, lang: str = "nl", *, engine: str = "") -> str:
    """The validation report as Markdown."""
    v, s = validation, validation.settings
    passed = sum(r.baseline.holds for r in v.results)
    flagged = [r for r in v.results if r.survivors]
    fragile = [r for r in v.results if r.fragile]
    lines = [f"# {t('patterns.title', lang)}", "", t("patterns.intro", lang), "",
             f"## {t('patterns.summary', lang)}", "",
             "- " + t("patterns.count", lang, n=len(v.results), passed=passed),
             "- " + t("patterns.mutation_count", lang, killed=v.mutations_killed, run=v.mutations_run),
             "- " + t("patterns.flagged_count", lang, n=len(flagged),
                      ids=", ".join(f"`{r.pattern.id}`" for r in flagged) or "–")]
    if s.get("robustness_points"):
        lines.append("- " + t("patterns.fragile_count", lang, n=len(fragile), points=s["robustness_points"],
                              seeds=s["robustness_seeds"], share=number(FRAGILE, ".0%", lang),
                              ids=", ".join(f"`{r.pattern.id}`" for r in fragile) or "–"))
    region = region_summary(v)
    if region:
        lo, hi = region["interval"]
        lines.append("- " + t("patterns.region_count", lang, k=region["accepted"], n=region["points"],
                              share=number(region["share"], ".0%", lang), low=number(lo, ".0%", lang),
                              high=number(hi, ".0%", lang),
                              inside=t("patterns.yes" if region["defaults_inside"] else "patterns.no", lang)))
    lines += ["- " + t("patterns.setup", lang, runs=v.runs, minutes=number(v.seconds / 60, ".1f", lang),
                       engine=engine or s.get("workers", ""), version=version("netwerksim")), "",
              f"## {t('patterns.table', lang)}", "",
              "| " + " | ".join(t(f"patterns.col_{c}", lang) for c in
                                ("pattern", "claim", "effect", "threshold", "verdict", "mutations", "robust")) + " |",
              "|---|---|---|---|---|---|---|"]
    for r in v.results:
        p = r.pattern
        lines.append(f"| `{p.id}`<br>{', '.join(p.facts)} | {p.claim(lang)} | {_effect(r.baseline, p, lang)} "
                     f"({p.effect}, n = {r.baseline.n}) | {_threshold(p, lang)} | {_verdict(r.baseline.holds, lang)} | "
                     f"{_mutations(r, lang)} | {_robust(r, lang)} |")
    if region:
        lines += ["", f"## {t('patterns.region', lang)}", "",
                  t("patterns.region_note", lang, points=region["points"], seeds=s["calibration_seeds"]), "",
                  "| " + " | ".join(t(f"patterns.col_{c}", lang) for c in ("parameter", "default", "space", "accepted",
                                                                             "inside")) + " |",
                  "|---|---:|---|---|---|"]
        for name, (lo, hi) in region["space"].items():
            a_lo, a_hi = region["ranges"][name]
            lines.append(f"| `{name}` | {number(PARAMETERS[name].default, 'g', lang)} | "
                         f"[{number(lo, 'g', lang)}; {number(hi, 'g', lang)}] | "
                         f"[{number(a_lo, '.3g', lang)}; {number(a_hi, '.3g', lang)}] | "
                         f"{t('patterns.yes' if region['inside'][name] else 'patterns.no', lang)} |")
    if v.targets:
        lines += ["", f"## {t('patterns.targets', lang)}", "", t("patterns.targets_note", lang), "",
                  "| " + " | ".join(t(f"patterns.col_{c}", lang) for c in ("says", "target", "model", "verdict")) + " |",
                  "|---|---|---|---|"]
        for target, e in v.targets:
            if e is None:
                model, verdict = target.why(lang), t("patterns.no_target", lang)
                goal = "–"
            else:
                f = ".0%" if target.unit == "share" else ".0f"
                goal = f"{number(target.target, f, lang)} ± {number(target.tolerance, f, lang)} {target.unit}"
                model = (f"{number(e.estimate, f, lang)} [{_bound(e.low, f, lang)}; {_bound(e.high, f, lang)}] "
                         f"(n = {e.n}). {target.why(lang)}")
                verdict = t("patterns.within" if target.within(e.estimate) else "patterns.outside", lang)
            lines.append(f"| {target.source}: {target.says(lang)} | {goal} | {model} | {verdict} |")
    lines += ensemble_section(v, lang)
    untested = v.untested()
    lines += ["", f"## {t('patterns.untested', lang)}", "", t("patterns.untested_note", lang, n=len(untested)), "",
              ", ".join(f"`{n}`" for n in untested) or "–", "",
              f"## {t('patterns.details', lang)}", ""]
    for r in v.results:
        p = r.pattern
        lines += [f"### `{p.id}`", "", f"- {t('patterns.source', lang)}: {p.source} ({', '.join(p.facts)})",
                  f"- {t('patterns.claim', lang)}: {p.claim(lang)}",
                  f"- {t('patterns.runs', lang)}: " + "; ".join(
                      f"{a.describe()} — `{m.__name__}`: {(m.__doc__ or '').strip().splitlines()[0]}"
                      for a, m in p.arms()),
                  f"- {t('patterns.causes', lang)}: " + "; ".join(
                      f"`{n}` ({LINKS[n].label(lang)}, {LINKS[n].source}: "
                      + ", ".join(f"{k} = {val:g}" for k, val in LINKS[n].neutral.items()) + ")" for n in p.links),
                  f"- {t('patterns.reads', lang)}: " + ", ".join(f"`{x}`" for x in p.reads)]
        if p.measured:
            lines.append(f"- {t('patterns.when_written', lang)}: {p.measured}")
        lines.append("")
    return "\n".join(lines) + "\n"


def write(validation: Validation, out: str | Path, *, lang: str = "nl", engine: str = "") -> Path:
    """Write ``validation.md``, ``bronnen.md`` (the ledger), ``patterns.csv``, ``calibration.csv`` (with a sweep) and
    ``manifest.json``
    into a validation result folder (``storage.result_folder``: only over a validation result)."""
    with result_folder(out, "validation") as tmp:
        (tmp / "validation.md").write_text(markdown(validation, lang, engine=engine), encoding="utf-8")
        (tmp / "bronnen.md").write_text(ledger(validation, lang), encoding="utf-8")
        table(validation).to_csv(tmp / "patterns.csv", index=False)
        if validation.calibration is not None:
            validation.calibration.to_csv(tmp / "calibration.csv", index=False)
        if validation.ensemble is not None:
            validation.ensemble.to_csv(tmp / "ensemble.csv", index=False)
            validation.ensemble_fit.to_csv(tmp / "ensemble_fit.csv", index=False)
        manifest = {"kind": "netwerksim validation", "settings": validation.settings, "runs": validation.runs,
                    "seconds": validation.seconds, "engine": engine, "package_version": version("netwerksim"),
                    "declarations": [r.pattern.declaration() for r in validation.results]}
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    return Path(out)


def ensemble_section(v: Validation, lang: str) -> list[str]:
    """Generalisation (issue 13 item 7): the chance of a dip across generated networks, per driver."""
    if v.ensemble_fit is None:
        return []
    e = v.ensemble
    lines = ["", f"## {t('patterns.ensemble', lang)}", "",
             t("patterns.ensemble_note", lang, n=len(e), dips=int(e["dip"].sum()),
               never=int(e["never_gets_going"].sum()), going=int(e["got_going"].sum())), "",
             *([t("patterns.ensemble_unidentified", lang), ""] if v.ensemble_fit["coef"].isna().all() else []),
             "| " + " | ".join(t(f"patterns.ensemble_{c}", lang) for c in ("driver", "claim", "coef", "odds", "verdict"))
             + " |", "|---|---|---|---:|---|"]
    for row in v.ensemble_fit.itertuples():
        claim = {1: "+", -1: "−", 0: "–"}[row.sign]
        verdict = ("–" if row.sign == 0 else t("patterns.yes" if row.supported else "patterns.no", lang))
        source = f" ({row.source})" if row.source else ""
        estimate = ("–" if math.isnan(row.coef) else f"{number(row.coef, '+.2f', lang)} "
                    f"[{number(row.low, '+.2f', lang)}; {number(row.high, '+.2f', lang)}]")
        odds = "–" if math.isnan(row.coef) else number(row.odds_ratio, ".2f", lang)
        lines.append(f"| {row.nl if lang == 'nl' else row.en}{source} | {claim} | {estimate} | {odds} | {verdict} |")
    return lines


# --- the coverage ledger (docs/bronnen.md) ----------------------------------------------------------------
STATUSES = ("covered", "partly", "fails", "unmeasured", "elsewhere", "mechanism", "absent")


def fact_status(fact_id: str, validation: Validation) -> tuple[str, list[PatternResult]]:
    """A fact's status: ``covered`` when it has registered patterns that all hold and whose every named cause,
    switched off, kills them, and none of them leaves a part of the fact out as not reproduced; ``partly`` when
    some do (or one leaves a part out); ``fails`` when its patterns do not hold; otherwise the kind in the facts
    table (a test elsewhere, a mechanism only, not modelled)."""
    from .facts import FACTS  # noqa: PLC0415

    results = [r for r in validation.results if fact_id in r.pattern.facts]
    if results:
        if all(r.covered for r in results) and not any(r.pattern.not_reproduced('en') for r in results):
            return "covered", results
        if any(r.covered for r in results) or any(r.baseline.holds for r in results):
            return "partly", results
        return "fails", results
    from .core import PATTERNS  # noqa: PLC0415

    if any(fact_id in p.facts for p in PATTERNS.values()):
        return "unmeasured", []
    kind = FACTS[fact_id].kind
    if not kind:
        raise ValueError(f"fact {fact_id} has neither a registered pattern nor a status in patterns/facts.py")
    return kind, []


def ledger(validation: Validation, lang: str = "nl") -> str:
    """docs/bronnen.md: all 85 facts with their status, generated from the registry and the facts table."""
    from .facts import FACTS  # noqa: PLC0415

    statuses = {fid: fact_status(fid, validation) for fid in FACTS}
    counts = {s: sum(1 for st, _ in statuses.values() if st == s) for s in STATUSES}
    lines = [f"# {t('ledger.title', lang)}", "", t("ledger.intro", lang), "",
             "| " + " | ".join(t(f"ledger.status_{s}", lang) for s in STATUSES) + " | " + t("ledger.total", lang) + " |",
             "|" + "---:|" * (len(STATUSES) + 1),
             "| " + " | ".join(str(counts[s]) for s in STATUSES) + f" | {len(FACTS)} |", ""]
    source = None
    for fid, fact in FACTS.items():
        if fid.split("-")[0] != source:
            source = fid.split("-")[0]
            lines += ["", f"## {t('ledger.source', lang)} {source}", "",
                      "| " + " | ".join(t(f"ledger.col_{c}", lang) for c in ("fact", "claim", "status", "how")) + " |",
                      "|---|---|---|---|"]
        status, results = statuses[fid]
        if results:
            how = "<br>".join(f"`{r.pattern.id}`: {_effect(r.baseline, r.pattern, lang)} "
                              f"({_verdict(r.baseline.holds, lang)}; "
                              + (", ".join(f"`{n}` {t('patterns.survived' if e.holds else 'patterns.killed', lang)}"
                                           for n, e in r.mutations.items()) or "–") + ")"
                              + (f"; {t('ledger.not_reproduced', lang)}: {r.pattern.not_reproduced(lang)}"
                                 if r.pattern.not_reproduced(lang) else "") for r in results)
        else:
            how = fact.note(lang) if status != "unmeasured" else ""
        lines.append(f"| {fid} ({fact.source}) | {fact.claim(lang)} | {t(f'ledger.status_{status}', lang)} | {how} |")
    return "\n".join(lines) + "\n"
