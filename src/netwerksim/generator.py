"""Generated networks: random but plausible scenarios for testing the model on networks nobody wrote.

The bundled scenarios are examples; the model's claims must hold on networks the developers have not
seen (issue 13 item 7). :func:`generate_network` draws one network from a seed: 3-40 organisations of
random kinds, 1-5 shared issues, a plenary table and issue tables (sub-coalitions of the interested,
or everyone at every table), a governance mode, decision rule and performance agreements, mandates,
casework, rivals, sometimes growth by joiners, its history (new, or existing with prior trust,
contribution and the light routines in place) and its context (turbulence, funders' accountability demand). It returns a scenario as a plain dict that
:func:`netwerksim.load_scenario` validates; :func:`to_toml` writes it as a commented TOML file
(``netwerksim generate``). Every choice the generator makes is a *design* value that can be fixed by
a keyword (``generate_network(3, organisations=12, governance="shared")``); :func:`ensemble` gives
``n`` networks of consecutive seeds. Nothing here schedules an event: whatever happens in a generated
network comes from its description.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

import numpy as np

from .scenario import KINDS

# Dutch and English names of the organisations of each kind (a generated network's partners)
KIND_NAMES: dict[str, tuple[str, str]] = {
    "hospital": ("Ziekenhuis", "Hospital"), "gp_coop": ("Huisartsen", "GP cooperative"),
    "care_provider": ("Thuiszorg", "Home care"), "mental_health": ("GGZ", "Mental health care"),
    "municipality": ("Gemeente", "Municipality"), "insurer": ("Zorgverzekeraar", "Health insurer"),
    "school": ("School", "School"), "school_board": ("Schoolbestuur", "School board"),
    "housing": ("Woningcorporatie", "Housing association"), "employer": ("Werkgever", "Employer"),
    "library": ("Bibliotheek", "Library"), "welfare": ("Welzijn", "Welfare"),
    "youth_work": ("Jongerenwerk", "Youth work"), "education": ("Opleiding", "Vocational school"),
    "other": ("Partner", "Partner"),
}
FUNDER_KINDS = ("municipality", "insurer")

# (id, Dutch name, English name) of the issues a generated network can work on
ISSUES = (
    ("ouderen", "Ouderen langer thuis", "Older people at home for longer"),
    ("ggz", "Mentale gezondheid in de wijk", "Mental health in the neighbourhood"),
    ("jeugd", "Jeugdhulp dichtbij", "Youth care close to home"),
    ("armoede", "Schulden en armoede", "Debt and poverty"),
    ("eenzaamheid", "Minder eenzaamheid", "Less loneliness"),
    ("werk", "Aan het werk", "Into work"),
    ("wonen", "Prettig thuis wonen", "Living well at home"),
    ("preventie", "Preventie en gezond leven", "Prevention and healthy living"),
    ("acuut", "Acute zorg in de keten", "Acute care across the chain"),
    ("school", "Thuiszitters terug naar school", "Back to school"),
)

DESIGN = ("organisations", "issues", "governance", "decision_rule", "agreements", "everyone_everywhere", "growth",
          "workload", "mandate", "physical", "start", "prior_trust", "prior_contribution", "turbulence", "accountability_demand",
          "routines", "steps")
"""The design values a caller can fix; the rest of the network is drawn around them."""

MODES = ("shared", "lead_organisation", "nao")
RULES = ("consensus", "majority", "lead_decides")


class GeneratorError(ValueError):
    """A design value the generator cannot use; ``field`` names it, the message says what is allowed."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def _rng(seed: int, part: str) -> np.random.Generator:
    """The generator's own stream for one part (the design, the network around it) of network ``seed``."""
    return np.random.default_rng([int(seed), zlib.crc32(f"generator-{part}".encode())])


def draw_design(seed: int, **overrides: Any) -> dict[str, Any]:
    """The network's design values drawn from ``seed``; ``overrides`` fix some of them (names in :data:`DESIGN`)."""
    unknown = sorted(set(overrides) - set(DESIGN))
    if unknown:
        raise GeneratorError(unknown[0], f"unknown design value(s) {unknown}; allowed: {list(DESIGN)}")
    rng = _rng(seed, "design")
    drawn = {
        # size: mostly small and medium networks, some large (log-uniform over 3-40)
        "organisations": int(np.clip(round(float(np.exp(rng.uniform(np.log(3), np.log(40))))), 3, 40)),
        "issues": int(rng.integers(1, 6)),
        "governance": str(rng.choice(MODES, p=[0.4, 0.4, 0.2])),
        "decision_rule": str(rng.choice(RULES, p=[0.6, 0.25, 0.15])),
        "agreements": str(rng.choice(("joint", "separate"))),
        "everyone_everywhere": bool(rng.random() < 0.3),
        "growth": float(rng.choice([0.0, rng.uniform(0.2, 0.5)], p=[0.65, 0.35])),
        "workload": float(rng.uniform(0.4, 0.65)),
        "mandate": float(rng.uniform(0.6, 0.95)),
        "physical": float(rng.uniform(0.0, 1.0)),
        "start": str(rng.choice(("new", "existing"))),
        "prior_trust": float(rng.uniform(0.5, 0.8)),   # how well the partners' people know each other
        "prior_contribution": float(rng.uniform(0.7, 1.0)),
        "turbulence": float(rng.uniform(0.5, 1.5)),
        "accountability_demand": float(rng.uniform(0.5, 1.5)),
        # an existing network: how far it already rests on agreed light routines (003 L4856-4894, L2591-2611);
        # drawn for every network (and last) so the other values stay what they were, used only when existing
        "routines": float(rng.uniform(0.0, 1.0)),
        "steps": 156,
    }
    design = {**drawn, **overrides}
    _check_design(design)
    return design


def _check_design(d: dict[str, Any]) -> None:
    def need(ok: bool, name: str, allowed: str) -> None:
        if not ok:
            raise GeneratorError(name, f"design value {name} = {d[name]!r} is not allowed; {allowed}")

    def whole(name: str, low: int, high: int) -> None:
        v = d[name]
        need(isinstance(v, (int, np.integer)) and not isinstance(v, bool) and low <= v <= high, name,
             f"a whole number in [{low}, {high}]")

    def share(name: str) -> None:
        v = d[name]
        need(isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1, name, "a number in [0, 1]")

    whole("organisations", 3, 40)
    whole("issues", 1, len(ISSUES))
    whole("steps", 1, 5200)
    need(d["governance"] in MODES, "governance", f"one of {list(MODES)}")
    need(d["decision_rule"] in RULES, "decision_rule", f"one of {list(RULES)}")
    need(d["agreements"] in ("joint", "separate"), "agreements", "'joint' or 'separate'")
    need(isinstance(d["everyone_everywhere"], bool), "everyone_everywhere", "true or false")
    need(d["start"] in ("new", "existing"), "start", "'new' or 'existing'")
    for name in ("growth", "workload", "mandate", "physical", "prior_contribution", "routines"):
        share(name)
    for name, low, high in (("prior_trust", 0.1, 0.9), ("turbulence", 0, 3), ("accountability_demand", 0, 3)):
        v = d[name]
        need(isinstance(v, (int, float)) and not isinstance(v, bool) and low <= v <= high, name,
             f"a number in [{low}, {high}]")


def generate_network(seed: int, **overrides: Any) -> dict[str, Any]:
    """A random network as a scenario dict (validates with :func:`netwerksim.load_scenario`).

    The same seed and overrides give the same network. ``overrides`` fix design values (:data:`DESIGN`):
    ``organisations`` (3-40), ``issues`` (1-10), ``governance`` (shared, lead_organisation, nao),
    ``decision_rule``, ``agreements`` (joint, separate), ``everyone_everywhere`` (every partner at every
    issue table instead of sub-coalitions of the interested), ``growth`` (share of the partners that
    join later), ``workload`` and ``mandate`` (the partners' typical casework pressure and mandate),
    ``routines`` (an existing network's agreed light routines in place, 0-1) and ``steps``.
    """
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise GeneratorError("seed", f"seed {seed!r} is not allowed; a whole number >= 0")
    d = draw_design(seed, **overrides)
    rng = _rng(seed, "network")
    issues = _issues(d, rng)
    orgs = _organisations(d, issues, rng)
    forums = _forums(d, issues, orgs, rng)
    governance = _governance(d, orgs, rng)
    mode = {"shared": "gedeeld leiderschap", "lead_organisation": "een trekkende organisatie",
            "nao": "een netwerkorganisatie"}[d["governance"]]
    late = sum(o.get("joins_at", 0) > 0 for o in orgs)
    return {
        "meta": {
            "name_nl": f"Gegenereerd netwerk {seed}", "name_en": f"Generated network {seed}",
            "description_nl": (f"{len(orgs)} organisaties ({late} later), {len(issues)} opgave(n), {mode}, "
                               f"{'aparte' if d['agreements'] == 'separate' else 'gezamenlijke'} prestatieafspraken."),
            "description_en": (f"{len(orgs)} organisations ({late} joining later), {len(issues)} issue(s), "
                               f"{d['governance'].replace('_', ' ')} governance, {d['agreements']} performance agreements."),
            "steps": d["steps"], "seed": int(seed),
        },
        "issues": issues,
        "organisations": orgs,
        "forums": forums,
        "governance": governance,
        "history": ({"start": "new", "trust": _r(d["prior_trust"])} if d["start"] == "new" else
                    {"start": "existing", "trust": _r(d["prior_trust"]), "contribution": _r(d["prior_contribution"]),
                     "structure": _r(d["routines"])}),
        "context": {"turbulence": _r(d["turbulence"]), "accountability_demand": _r(d["accountability_demand"])},
    }


def ensemble(n: int, seed: int = 0, **overrides: Any) -> list[dict[str, Any]]:
    """``n`` generated networks with seeds ``seed, seed + 1, ...`` (each can be regenerated on its own)."""
    return [generate_network(seed + i, **overrides) for i in range(n)]


# --- the parts --------------------------------------------------------------------------------------
def _r(x: float) -> float:
    return round(float(x), 3)


def _issues(d, rng) -> list[dict[str, Any]]:
    picks = rng.choice(len(ISSUES), size=d["issues"], replace=False)
    return [{"id": ISSUES[k][0], "name_nl": ISSUES[k][1], "name_en": ISSUES[k][2],
             "difficulty": _r(rng.uniform(0.8, 1.6))} for k in sorted(picks)]


def _organisations(d, issues, rng) -> list[dict[str, Any]]:
    n, K = d["organisations"], len(issues)
    kinds = rng.choice(KINDS, size=n)
    if not set(kinds) & set(FUNDER_KINDS):          # a network of this kind has a funder at the table
        kinds[-1] = rng.choice(FUNDER_KINDS)
    initiators = max(1, min(n - 1, int(rng.integers(2, 5))))
    counts: dict[str, int] = {}
    orgs = []
    for i, kind in enumerate(kinds):
        counts[kind] = counts.get(kind, 0) + 1
        k = min(K, int(rng.integers(1, 4)))
        chosen = rng.choice(K, size=k, replace=False)
        weights = rng.dirichlet(np.ones(k))
        roles = ["initiator"] if i < initiators else []
        if kind in FUNDER_KINDS:
            roles.append("funder")
        o = {
            "name": f"{KIND_NAMES[kind][0]} {chr(ord('A') + counts[kind] - 1) if counts[kind] <= 26 else counts[kind]}",
            "kind": str(kind),
            "roles": roles,
            "professionals": int(np.clip(round(float(rng.lognormal(np.log(8), 0.5))), 3, 30)),   # people in the network
            "hours_per_professional": _r(rng.uniform(3.0, 6.0)),
            "interests": {issues[c]["id"]: _r(max(w, 0.05)) for c, w in zip(chosen, weights)},
            "collective_weight": _r(rng.beta(4, 4)),
            "motives": {"instrumental": _r(rng.uniform(0.8, 1.3)), "affective": _r(rng.uniform(0.3, 0.7)),
                        "moral": _r(rng.uniform(0.3, 0.8))},
            "autonomy_ceded": _r(rng.uniform(0.05, 0.35)),
            "mandate": _r(np.clip(d["mandate"] + rng.normal(0, 0.08), 0.05, 1.0)),
            "pledge": _r(rng.uniform(0.55, 0.85)),
            "outside_option": _r(rng.uniform(-0.2, 0.05)),
            "workload": _r(np.clip(d["workload"] + rng.normal(0, 0.08), 0.0, 1.0)),
            "drive": _r(rng.uniform(0.6, 0.85)),
            "culture_control": _r(rng.uniform(0.2, 0.8)),
            "representation": _r(rng.uniform(0.0, 0.3)),
        }
        if i >= initiators and rng.random() < d["growth"]:   # joins once the network is under way
            o["joins_at"] = int(rng.integers(8, 79))
        orgs.append(o)
    names = [o["name"] for o in orgs]
    for i, j in _rival_pairs(kinds, rng):
        orgs[i].setdefault("rivals", []).append(names[j])
    return orgs


def _rival_pairs(kinds, rng) -> list[tuple[int, int]]:
    """Organisations of the same kind (care providers for the same clients) are rivals half of the time."""
    pairs = []
    for i in range(len(kinds)):
        for j in range(i + 1, len(kinds)):
            if kinds[i] == kinds[j] and kinds[i] not in FUNDER_KINDS and rng.random() < 0.5:
                pairs.append((i, j))
    return pairs


def _forums(d, issues, orgs, rng) -> list[dict[str, Any]]:
    n = len(orgs)
    forums = [{"id": "plenair", "name_nl": "Netwerkoverleg", "name_en": "Network meeting", "members": ["all"],
               "delegates": 1, "frequency": int(rng.integers(4, 9)), "hours": _r(rng.uniform(1.5, 3.0)),
               "physical": bool(rng.random() < d["physical"])}]
    for issue in issues:
        interest = np.array([o["interests"].get(issue["id"], 0.0) for o in orgs])
        if d["everyone_everywhere"]:
            members = list(range(n))
        else:                                       # a sub-coalition of the interested
            members = [i for i in np.argsort(-interest, kind="stable") if interest[i] >= 0.2]
            members = members if len(members) >= 2 else list(np.argsort(-interest, kind="stable")[:2])
        # the most interested: an issue needs kinds its members care about, or nobody could ever cover it
        core = [i for i in np.argsort(-interest, kind="stable") if i in set(members) and interest[i] > 0][:4]
        core = core or [int(members[0])]                                      # an issue nobody drew an interest in
        kinds_at = sorted({orgs[i]["kind"] for i in core})
        need = int(rng.integers(1, min(3, len(kinds_at)) + 1))
        issue["required_kinds"] = sorted(rng.choice(kinds_at, size=need, replace=False).tolist())
        if rng.random() < 0.25:  # a formal owner who must embed what works
            issue["owner"] = orgs[int(members[0])]["name"]
        forums.append({"id": f"tafel_{issue['id']}", "name_nl": f"Tafel {issue['name_nl'].lower()}",
                       "name_en": f"Table: {issue['name_en'].lower()}",
                       "members": [orgs[int(i)]["name"] for i in sorted(members)],
                       "delegates": int(rng.integers(1, 3)), "frequency": int(rng.integers(2, 5)),
                       "hours": _r(rng.uniform(1.5, 3.0)), "physical": bool(rng.random() < d["physical"]),
                       "issues": [issue["id"]],
                       "level": str(rng.choice(("mixed", "administrative", "frontline"), p=[0.7, 0.15, 0.15]))})
    return forums


def _governance(d, orgs, rng) -> dict[str, Any]:
    g: dict[str, Any] = {"mode": d["governance"], "agreements": d["agreements"]}
    starters = [o for o in orgs if "initiator" in o["roles"]]
    lead = max(starters, key=lambda o: o["professionals"] * o["hours_per_professional"])["name"]
    if d["governance"] == "lead_organisation":
        g["lead"] = lead
        next(o for o in orgs if o["name"] == lead)["roles"].append("lead")
    if d["governance"] == "nao":
        g["nao_hours"] = _r(rng.uniform(4, 24))
    rule = d["decision_rule"]
    g["decision_rule"] = "consensus" if rule == "lead_decides" and d["governance"] == "shared" else rule
    if rng.random() < 0.3:
        g["reflection_every"] = int(rng.choice((13, 26)))
    return g


# --- writing ----------------------------------------------------------------------------------------
def _value(v: Any) -> str:
    """A TOML value: strings as JSON strings (their escapes are TOML's), numbers, booleans, arrays, inline tables."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(x)}" for k, x in v.items()) + " }"
    raise TypeError(f"cannot write {type(v).__name__} as TOML")


def _key(k: str) -> str:
    return k if k.replace("_", "").replace("-", "").isalnum() and k.isascii() else json.dumps(k, ensure_ascii=False)


def _table(header: str, body: dict[str, Any], comment: str = "") -> str:
    lines = [f"# {comment}"] if comment else []
    lines.append(header)
    lines += [f"{_key(k)} = {_value(v)}" for k, v in body.items()]
    return "\n".join(lines) + "\n"


NOTES = {
    "issues": "a shared issue (opgave)",
    "organisations": "a partner; joins_at: the week it joins a network under way",
    "forums": "the tables (forums) and who sits there",
    "organisation_groups": "generated organisations of one kind; numbers may be distributions",
    "forum_groups": "generated tables of random organisations; among: the organisation groups they draw from (a region)",
    "governance": "how the network is governed",
    "history": "a new initiative, or an existing collaboration, how it has gone and the light routines it rests on",
    "context": "how quickly the surroundings change and how much accountability funders ask (1 = typical)",
}
"""The comment above each part of a written scenario."""


def to_toml(scenario: dict[str, Any], command: str | None = None) -> str:
    """The scenario dict as a commented TOML file that ``netwerksim validate`` accepts; ``command``: how it was made."""
    meta = scenario["meta"]
    command = command or f"netwerksim generate --seed {meta['seed']}"
    parts = [f"# {meta['name_en']}: written by `{command}` (netwerksim.generator).\n"
             f"# {meta['description_en']}\n# Edit freely; `netwerksim validate FILE` checks it.\n",
             _table("[meta]", meta)]
    for key, body in scenario.items():
        if isinstance(body, list):
            parts += [_table(f"[[{key}]]", row, NOTES.get(key, "") if k == 0 else "") for k, row in enumerate(body)]
        elif key != "meta":
            parts.append(_table(f"[{key}]", body, NOTES.get(key, "")))
    return "\n".join(parts)


SECTOR_ISSUES = (
    {"id": "ouderen", "name_nl": "Ouderen thuis", "name_en": "Older people at home",
     "required_kinds": ["care_provider", "gp_coop", "municipality"]},
    {"id": "acuut", "name_nl": "Acute zorg", "name_en": "Acute care", "required_kinds": ["gp_coop"]},
    {"id": "ggz", "name_nl": "Mentale gezondheid", "name_en": "Mental health", "difficulty": 1.5},
    {"id": "jeugd", "name_nl": "Jeugd", "name_en": "Youth"},
    {"id": "wonen", "name_nl": "Wonen en zorg", "name_en": "Housing and care"},
    {"id": "preventie", "name_nl": "Preventie", "name_en": "Prevention", "difficulty": 1.2},
)
"""The issues of :func:`sized_network` and :func:`national_network`: what care and welfare work on together."""


def sized_network(professionals: int, *, steps: int = 52, seed: int = 1) -> dict[str, Any]:
    """A scenario dict of about ``professionals`` professionals, for ``netwerksim.load_scenario`` (benchmarks and the
    kernels' tests: any size, always the same shape).

    Organisations of 5-15 professionals (10 on average) over three kinds (half care providers, a quarter
    each municipalities and GP cooperatives); one forum per three organisations, each gathering six
    random organisations with two delegates each and meeting every other week; six issues.
    """
    n_orgs = max(3, round(professionals / 10))
    kinds = (("Zorg", "care_provider", 0.50), ("Gemeente", "municipality", 0.25), ("Huisartsen", "gp_coop", 0.25))
    counts = [max(1, round(n_orgs * share)) for _, _, share in kinds]
    counts[0] += n_orgs - sum(counts)
    size = {"dist": "uniform", "low": 5, "high": 15}
    return {
        "meta": {"name_nl": f"Gegenereerd netwerk ({professionals})", "name_en": f"Generated network ({professionals})",
                 "steps": steps, "seed": seed, "record_every": 4},
        "issues": [dict(i) for i in SECTOR_ISSUES],
        "organisation_groups": [
            {"name": name, "kind": kind, "count": count, "professionals": size}
            for (name, kind, _), count in zip(kinds, counts)
        ],
        "forum_groups": [
            {"name": "Tafel", "count": max(1, n_orgs // 3), "organisations_per_forum": 6, "delegates": 2, "frequency": 2},
        ],
    }


NATIONAL_PROFESSIONALS = 1_400_000
"""About the people working in Dutch care and welfare (zorg en welzijn), the size :func:`national_network` aims at."""

# per kind: the share of a region's professionals and the organisations' size range (uniform; a region too small for
# two organisations of a kind at these sizes gets smaller ones)
SECTOR = (("hospital", 0.20, 500, 5000), ("care_provider", 0.40, 20, 600), ("mental_health", 0.08, 50, 1500),
          ("gp_coop", 0.06, 20, 200), ("welfare", 0.08, 10, 300), ("youth_work", 0.06, 10, 300),
          ("municipality", 0.10, 20, 800), ("insurer", 0.02, 50, 300))


def national_network(seed: int = 1, *, scale: float = 1.0, regions: int = 25, steps: int = 52) -> dict[str, Any]:
    """The Dutch care and welfare sector as one generated network: about ``scale`` x 1.4 million professionals in
    ``regions`` regions (``netwerksim generate --national``).

    Each region is a sub-network: organisation groups of the kinds of :data:`SECTOR` (the region's professionals
    split by kind, organisations of the kind's size range) and one table per organisation of the region
    (``forum_groups`` drawn ``among`` the region's groups: eight organisations, three delegates each, every other
    week). A national table per region gathers eight organisations from anywhere, the only ties between regions
    (about 1 % of all). Region sizes vary (log-normal shares, sigma 0.35, from ``seed``); the organisations' traits
    are drawn around the model's defaults. Nothing is scheduled: the network is described, not its course.
    """
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise GeneratorError("seed", f"seed {seed!r} is not allowed; a whole number >= 0")
    if not (isinstance(scale, (int, float)) and 1e-5 <= scale <= 10):
        raise GeneratorError("scale", f"scale {scale!r} is not allowed; a number in [0.00001, 10]")
    if isinstance(regions, bool) or not isinstance(regions, (int, np.integer)) or not 1 <= regions <= 100:
        raise GeneratorError("regions", f"regions {regions!r} is not allowed; a whole number in [1, 100]")
    rng = _rng(seed, "national")
    shares = rng.lognormal(0.0, 0.35, regions)
    people = NATIONAL_PROFESSIONALS * scale * shares / shares.sum()
    groups, tables = [], []
    for r, region_people in enumerate(people, start=1):
        region = []
        for kind, share, low, high in SECTOR:
            fit = min(1.0, share * region_people / 2 / ((low + high) / 2))   # at least two organisations
            low_r, high_r = max(1, round(low * fit)), max(1, round(high * fit))
            name = f"Regio {r} {KIND_NAMES[kind][0]}"
            region.append(name)
            groups.append({
                "name": name, "kind": kind, "count": max(1, round(share * region_people / ((low_r + high_r) / 2))),
                "professionals": {"dist": "uniform", "low": low_r, "high": high_r},
                "workload": {"dist": "uniform", "low": 0.4, "high": 0.7},
                "mandate": {"dist": "uniform", "low": 0.6, "high": 0.95},
                "pledge": {"dist": "uniform", "low": 0.55, "high": 0.85},
                "collective_weight": {"dist": "beta", "a": 4, "b": 4},
            })
        count = sum(g["count"] for g in groups[-len(SECTOR):])
        tables.append({"name": f"Regio {r} tafel", "count": count, "organisations_per_forum": 8, "delegates": 3,
                       "frequency": 2, "among": region})
    tables.append({"name": "Landelijke tafel", "count": regions, "organisations_per_forum": 8, "delegates": 3,
                   "frequency": 4})
    total = round(NATIONAL_PROFESSIONALS * scale)
    return {
        "meta": {"name_nl": f"Zorg en welzijn in Nederland ({regions} regio's)",
                 "name_en": f"Dutch care and welfare ({regions} regions)",
                 "description_nl": f"Ongeveer {total:,} professionals".replace(",", ".") +
                                   f" in {regions} regio's; weinig banden tussen de regio's.",
                 "description_en": f"About {total:,} professionals in {regions} regions; few ties between regions.",
                 "steps": steps, "seed": int(seed)},
        "issues": [dict(i) for i in SECTOR_ISSUES],
        "organisation_groups": groups,
        "forum_groups": tables,
    }
