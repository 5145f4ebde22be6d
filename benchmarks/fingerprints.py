"""Whole-run fingerprints of every bundled scenario (3 seeds) and of generated networks (5 seeds and one of organisation and forum groups), to prove
that a speed-up changes no result: save them on one checkout, check them on another.

Each entry hashes a run's time series and organisation frames (:func:`netwerksim.runner.fingerprint`) and its
event log, and the model's full state after the last week (every array of every part). Also the Mesa path
(``NetwerkModel`` with the DataCollector) for the default scenario.

Usage::

    .venv/bin/python benchmarks/fingerprints.py --save /tmp/fp_main.json   # on the reference checkout
    .venv/bin/python benchmarks/fingerprints.py --check /tmp/fp_main.json  # after the change: exit 1 on a difference
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from importlib import resources

import numpy as np

SEEDS = (0, 1, 2)
GENERATED = range(5)
GENERATED_STEPS = 104


def state_hash(state) -> str:
    """A hash of every array and number in the model's state parts."""
    h = hashlib.sha256()
    for part in dataclasses.fields(state):
        value = getattr(state, part.name)
        if not dataclasses.is_dataclass(value):
            h.update(repr(value).encode())
            continue
        for f in dataclasses.fields(value):
            x = getattr(value, f.name)
            h.update(f.name.encode())
            h.update(np.ascontiguousarray(x).tobytes() if isinstance(x, np.ndarray) else repr(x).encode())
    return h.hexdigest()[:16]


def one(scenario, seed: int, steps: int | None = None) -> dict[str, str]:
    from netwerksim.model import NetwerkModel  # noqa: PLC0415
    from netwerksim.runner import collect  # noqa: PLC0415
    from netwerksim.scenario import load_scenario  # noqa: PLC0415

    sc = load_scenario(scenario).with_changes(seed=seed, steps=steps)
    model = NetwerkModel(sc, mesa_data=False)
    for _ in range(sc.meta.steps):
        model.step()
    result = collect(model)
    events = hashlib.sha256(json.dumps(result.events, sort_keys=True, default=str).encode()).hexdigest()[:16]
    return {"frames": result.manifest["fingerprint"], "events": events, "state": state_hash(model.state)}


def mesa_path() -> str:
    from netwerksim.model import NetwerkModel  # noqa: PLC0415

    model = NetwerkModel("zorgnetwerk", rng=3, steps=30)
    for _ in range(30):
        model.step()
    frame = model.datacollector.get_agenttype_vars_dataframe(type(model.organisations[0]))
    data = model.datacollector.get_model_vars_dataframe().to_csv() + frame.to_csv()
    return hashlib.sha256(data.encode()).hexdigest()[:16]


def all_fingerprints() -> dict[str, object]:
    from netwerksim.generator import generate_network, sized_network  # noqa: PLC0415

    out: dict[str, object] = {}
    names = sorted(p.name.removesuffix(".toml") for p in resources.files("netwerksim.scenarios").iterdir()
                   if p.name.endswith(".toml"))
    for name in names:
        for seed in SEEDS:
            out[f"{name}/{seed}"] = one(name, seed)
    for g in GENERATED:
        out[f"generated{g}"] = one(generate_network(g), g, GENERATED_STEPS)
    out["sized 3000"] = one(sized_network(3000), 1)    # generated organisation and forum groups
    out["mesa zorgnetwerk/3"] = mesa_path()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", metavar="FILE")
    group.add_argument("--check", metavar="FILE")
    args = parser.parse_args()
    now = all_fingerprints()
    if args.save:
        with open(args.save, "w", encoding="utf-8") as fh:
            json.dump(now, fh, indent=1, sort_keys=True)
        print(f"{len(now)} fingerprints saved to {args.save}")
        return 0
    with open(args.check, encoding="utf-8") as fh:
        saved = json.load(fh)
    differ = [k for k in saved if now.get(k) != saved[k]]
    for k in differ:
        print(f"DIFFERS {k}: {now.get(k)} (saved {saved[k]})")
    print(f"{len(saved) - len(differ)} of {len(saved)} fingerprints identical")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
