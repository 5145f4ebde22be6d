"""App frame benchmark: the time to compute and render one frame at about 100 and 400 professionals.

A frame is what the workshop app does for every week it shows: one model step, then the network picture
(``app.network.draw_network``) and the charts (``app.charts.draw_charts``) each drawn and encoded as
PNG (``app.page.png``), as the page sends them to the browser. The cases: the bundled ``zorgnetwerk``
(98 professionals) and a generated network of about 400 (``bench_core.generated_scenario``). Each case
first runs ``--warm`` weeks (default 52, so the charts carry a year of history), then times ``--frames``
frames (default 10) and prints the median and the slowest of each part, and the layout's one-off cost.

Usage::

    .venv/bin/python benchmarks/bench_app.py [--frames 10] [--warm 52] [--save docs/img]

``--save`` also writes the last frame's two pictures, to look at.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_core import generated_scenario  # noqa: E402

from netwerksim import load_scenario  # noqa: E402
from netwerksim.app.charts import draw_charts  # noqa: E402
from netwerksim.app.network import compute_layout, draw_network  # noqa: E402
from netwerksim.app.page import png  # noqa: E402
from netwerksim.app.session import Session  # noqa: E402


def frame(session: Session) -> dict[str, float]:
    times = {}
    start = time.perf_counter()
    session.step()
    times["step"] = time.perf_counter() - start
    snap = session.snapshots[-1]
    start = time.perf_counter()
    network = png(draw_network(session.layout, session.model.state, snap.trust, snap.heat, snap.status, snap.energy, "nl"))
    times["network"] = time.perf_counter() - start
    start = time.perf_counter()
    charts = png(draw_charts(session.record(), session.horizon, "nl"))
    times["charts"] = time.perf_counter() - start
    times["frame"] = times["step"] + times["network"] + times["charts"]
    session.last_pictures = (network, charts)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--frames", type=int, default=10)
    ap.add_argument("--warm", type=int, default=52)
    ap.add_argument("--save", type=Path, help="folder for the last frame's pictures")
    args = ap.parse_args()
    cases = {"zorgnetwerk": load_scenario("zorgnetwerk"),
             "generated 400": load_scenario(generated_scenario(400, steps=args.warm + args.frames + 1))}
    print(f"load average {os.getloadavg()[0]:.2f}; {args.warm} weeks of history, median (max) of {args.frames} frames, ms")
    print(f"{'case':<15} {'prof.':>6} {'ties':>6} {'layout':>7} {'step':>12} {'network':>12} {'charts':>12} {'frame':>12}")
    for name, spec in cases.items():
        session = Session(spec)
        started = time.perf_counter()
        compute_layout(session.model.state)     # what Session did once on reset
        layout_ms = 1000 * (time.perf_counter() - started)
        for _ in range(args.warm):
            session.step()
        frame(session)                                 # warm the font and text caches
        timings = [frame(session) for _ in range(args.frames)]
        st = session.model.state
        cells = " ".join(f"{1000 * statistics.median(x[k] for x in timings):6.0f} ({1000 * max(x[k] for x in timings):4.0f})"
                         for k in ("step", "network", "charts", "frame"))
        print(f"{name:<15} {len(st.profs.org):>6} {len(st.ties.src):>6} {layout_ms:7.1f} {cells}")
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            stem = name.replace(" ", "_")
            (args.save / f"bench_{stem}_network.png").write_bytes(session.last_pictures[0])
            (args.save / f"bench_{stem}_charts.png").write_bytes(session.last_pictures[1])
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
