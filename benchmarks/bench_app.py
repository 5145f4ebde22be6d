"""App frame benchmark: the server's time for one frame of the workshop app, the old way and the new way side
by side, at 98 and at about 1,000 professionals.

A frame is what the app does for every week it shows. Old (until issue 16): a model step, then the network
(``app.network.draw_network``) and the charts (``app.charts.draw_charts``) drawn with matplotlib and encoded as
PNG (``app.page.png``). New: the page itself (``app.page.Page``, rendered with ``solara.render`` as the server
does) playing at full speed: its play loop (``app.player``) steps the model and the page renders the week,
with the network's numbers (``network.view_frame``) and the chart's ECharts option (``charts.chart_option``)
as JSON for the browser, which draws them. The time is the process's CPU time (all threads) per frame, so
that other work on a busy machine does not count; wall-clock times are printed too. The cases: the bundled
``zorgnetwerk`` (98 professionals) and a generated network of about 1,000 (``bench_core.generated_scenario``).
Each case first runs ``--warm`` weeks (default 52, so the charts carry a year of history), then times
``--frames`` frames each way (default 20) and prints the old way's median and slowest and the new way's mean
over the frames played, and the kilobytes the new way sends per frame.

Usage::

    .venv/bin/python benchmarks/bench_app.py [--frames 10] [--warm 52] [--save docs/img]

``--save`` also writes the old way's last two pictures, to look at.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ipyvuetify as v  # noqa: E402
import solara  # noqa: E402
from bench_core import generated_scenario  # noqa: E402

from netwerksim import load_scenario  # noqa: E402
from netwerksim.app.charts import chart_option, draw_charts  # noqa: E402
from netwerksim.app.network import draw_network, view_frame  # noqa: E402
from netwerksim.app.page import Page, png  # noqa: E402
from netwerksim.app.player import MAX_SPEED  # noqa: E402
from netwerksim.app.session import Session  # noqa: E402


def old_frame(session: Session) -> dict[str, float]:
    times = {}
    for part, draw in (("step", session.step),
                       ("network", lambda: png(draw_network(session.layout, session.model.state,
                                                            session.snapshots[-1], "nl"))),
                       ("charts", lambda: png(draw_charts(session.record(), session.horizon, "nl")))):
        cpu, wall = time.process_time(), time.perf_counter()
        session.last_pictures = getattr(session, "last_pictures", ()) + (draw(),)
        times[part], times[part + " wall"] = time.process_time() - cpu, time.perf_counter() - wall
    times["frame"] = times["step"] + times["network"] + times["charts"]
    times["frame wall"] = times["step wall"] + times["network wall"] + times["charts wall"]
    session.last_pictures = session.last_pictures[-2:]
    return times


def new_frames(session: Session, frames: int) -> dict[str, float]:
    """CPU and wall time per frame while the page plays ``frames`` weeks at full speed, and bytes per frame."""
    box, rc = solara.render(Page(session), handle_error=False)
    rc.find(v.Slider).widgets[0].v_model = MAX_SPEED
    start_week = session.week
    cpu, wall = time.process_time(), time.perf_counter()
    rc.find(v.Btn, children=["Start"]).widget.click()
    while session.week < start_week + frames:
        time.sleep(0.005)
    rc.find(v.Btn, children=["Pauze"]).widget.click()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    played = session.week - start_week
    sent = json.dumps(view_frame(session.layout, session.model.state, session.snapshots[-1], "nl", session.week))
    sent += json.dumps(chart_option(session.model.rows, session.model.events, session.horizon, "nl"))
    rc.close()
    return {"frame": cpu / played, "frame wall": wall / played, "bytes": len(sent)}


def cell(timings: list[dict[str, float]], key: str) -> str:
    return f"{1000 * statistics.median(x[key] for x in timings):6.1f} ({1000 * max(x[key] for x in timings):5.1f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--frames", type=int, default=20)
    ap.add_argument("--warm", type=int, default=52)
    ap.add_argument("--save", type=Path, help="folder for the old way's last pictures")
    args = ap.parse_args()
    steps = args.warm + 2 * args.frames + 4
    cases = {"zorgnetwerk": load_scenario("zorgnetwerk"),
             "generated 1000": load_scenario(generated_scenario(1000, steps=steps))}
    print(f"load average {os.getloadavg()[0]:.2f}; {args.warm} weeks of history; CPU ms per frame (wall ms); "
          f"old: median (max) of {args.frames} frames; new: mean over {args.frames} frames played at full speed")
    print(f"{'case':<15} {'prof.':>6} {'ties':>6} | old: {'step':>13} {'network':>13} {'charts':>13} {'frame':>13} "
          f"{'wall':>13} | new: {'frame':>6} {'wall':>6} {'kB':>5}")
    for name, spec in cases.items():
        old = Session(spec)
        for _ in range(args.warm):
            old.step()
        old_frame(old)                                     # warm the font and text caches
        old_times = [old_frame(old) for _ in range(args.frames)]

        new = Session(spec)
        for _ in range(args.warm):
            new.step()
        new_frames(new, 3)                                 # warm the page
        played = new_frames(new, args.frames)

        st = old.model.state
        print(f"{name:<15} {len(st.profs.org):>6} {len(st.ties.src):>6} | old: "
              + " ".join(cell(old_times, k) for k in ("step", "network", "charts", "frame", "frame wall"))
              + f" | new: {1000 * played['frame']:6.1f} {1000 * played['frame wall']:6.1f} {played['bytes'] / 1000:5.1f}")
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            stem = name.replace(" ", "_")
            (args.save / f"bench_{stem}_network.png").write_bytes(old.last_pictures[0])
            (args.save / f"bench_{stem}_charts.png").write_bytes(old.last_pictures[1])
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
