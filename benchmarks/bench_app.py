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
Each case first runs ``--warm`` weeks (default 52, so the charts carry a year of history; the explanation of a
netwerkdip detected in them is awaited, not timed), then times
``--frames`` frames each way (default 20) and prints the old way's median and slowest and the new way's mean
over the frames played, and the kilobytes the new way sends per frame.

``--tabs N`` then plays N browser tabs at once against a real ``netwerksim app`` (Debian's chromium through
Playwright, on the same machine, so the browser's work counts too) at ``--speed`` weeks per second and prints
the weeks per second each tab reached over ``--seconds``, the server's CPU share and the browser's (chromium's
processes and Playwright's driver, on the same two cores).

Usage::

    .venv/bin/python benchmarks/bench_app.py [--frames 20] [--warm 52] [--save docs/img] [--tabs 10 --speed 4]
        [--reference main --repeats 2] [--no-old]

``--reference REVISION`` measures that git revision's ``src`` too, side by side in the same run (this frame
benchmark on its ``src`` after this tree's; for the tabs its server and this tree's in turn, ``--repeats``
times). ``--no-old`` leaves the old way out. The last two columns count, over ``--frames`` further frames, the
widgets reacton updates and the properties it sets per frame (:func:`counting_updates`).

``--save`` also writes the old way's last two pictures, to look at.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# the environment as given, for a reference tree's processes: importing the app's page sets defaults in it
# (page.server_defaults, e.g. its renderer) that a reference should choose for itself
GIVEN_ENVIRONMENT = dict(os.environ)

import ipyvuetify as v  # noqa: E402
import reacton.core  # noqa: E402
import solara  # noqa: E402
from bench_core import generated_scenario  # noqa: E402

from netwerksim import load_scenario  # noqa: E402
from netwerksim.app.charts import draw_charts  # noqa: E402
from netwerksim.app.network import draw_network  # noqa: E402
from netwerksim.app.page import Page, png  # noqa: E402
from netwerksim.app.player import MAX_SPEED  # noqa: E402
from netwerksim.app.session import Session  # noqa: E402
from netwerksim.app.widgets import LiveFrame  # noqa: E402


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


@contextlib.contextmanager
def counting_updates():
    """Counts what reacton's reconciliation does while inside: the widgets it updates (``widgets``: each gets
    all its element's arguments again) and the properties it sets on them (``properties``; a property set to
    the value it has sends nothing, but costs the walk and the comparison). How issue 16 item 2 counted the
    page's work per played week (116 widgets and 644 property sets at 98 professionals before)."""
    counts = {"widgets": 0, "properties": 0}
    update, update_prop = reacton.core.Element._update_widget, reacton.core.Element._update_widget_prop

    def counted_update(self, widget, el_prev, kwargs):
        counts["widgets"] += 1
        return update(self, widget, el_prev, kwargs)

    def counted_prop(self, widget, name, value):
        counts["properties"] += 1
        return update_prop(self, widget, name, value)

    reacton.core.Element._update_widget, reacton.core.Element._update_widget_prop = counted_update, counted_prop
    try:
        yield counts
    finally:
        reacton.core.Element._update_widget, reacton.core.Element._update_widget_prop = update, update_prop


def new_frames(session: Session, frames: int, count: bool = False) -> dict[str, float]:
    """CPU and wall time per frame while the page plays ``frames`` weeks at full speed, and bytes per frame;
    ``count``: also the widgets and properties reacton updates per frame (:func:`counting_updates`, which costs
    time of its own: not in the same frames as the times)."""
    box, rc = solara.render(Page(session), handle_error=False)
    rc.find(v.Slider, label="").widget.v_model = MAX_SPEED     # the speed (not the debrief's week)
    start_week = session.week
    with counting_updates() if count else contextlib.nullcontext({}) as counts:
        cpu, wall = time.process_time(), time.perf_counter()
        rc.find(v.Btn, children=["Start"]).widget.click()
        while session.week < start_week + frames:
            time.sleep(0.005)
        rc.find(v.Btn, children=["Pauze"]).widget.click()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    played = session.week - start_week
    sent = rc.find(LiveFrame).widget.frame_json   # the week's message (the chart's whole option: on events)
    rc.close()
    return {"frame": cpu / played, "frame wall": wall / played, "bytes": len(sent),
            **{name: n / played for name, n in counts.items()}}


def tabs_playing(count: int, speed: int, seconds: float, source: Path | None = None, name: str = "this tree") -> None:
    """``count`` tabs playing at ``speed`` against a real server: weeks per second per tab, server CPU (and per
    week shown). ``source``: serve that tree's ``src`` instead (``--reference``)."""
    import re  # noqa: PLC0415
    import socket  # noqa: PLC0415
    import subprocess  # noqa: PLC0415
    import urllib.request  # noqa: PLC0415

    import psutil  # noqa: PLC0415

    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**GIVEN_ENVIRONMENT, "PYTHONPATH": str(source / "src")} if source else None
    server = subprocess.Popen([str(Path(sys.executable).with_name("netwerksim")), "app", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    url = f"http://127.0.0.1:{port}/"

    def cpu() -> float:
        fields = Path(f"/proc/{server.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def browser_cpu() -> float:
        """CPU seconds of the processes this benchmark started other than the server: chromium, Playwright."""
        total = 0.0
        for process in psutil.Process().children(recursive=True):
            if process.pid != server.pid:
                with contextlib.suppress(psutil.NoSuchProcess):
                    total += sum(process.cpu_times()[:2])
        return total

    def week(page) -> int:
        return int(re.search(r"Week (\d+)", page.locator(".nws-week").inner_text()).group(1))

    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(url, timeout=2)
                break
            except OSError:
                time.sleep(0.3)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
            pages = [browser.new_context(viewport={"width": 1280, "height": 720}).new_page() for _ in range(count)]
            for page in pages:
                page.goto(url)
                page.get_by_text("Wat er gebeurde").wait_for(timeout=120_000)
                page.locator(".nws-speed [role=slider]").focus()
                page.keyboard.press("Home")
                for _ in range(speed - 1):
                    page.keyboard.press("ArrowRight")
            for page in pages:
                page.get_by_role("button", name="Start", exact=True).click()
            time.sleep(3.0)                                        # all playing
            before, used, drawing, start = [week(p) for p in pages], cpu(), browser_cpu(), time.perf_counter()
            time.sleep(seconds)
            after, used, spent = [week(p) for p in pages], cpu() - used, time.perf_counter() - start
            drawing = browser_cpu() - drawing
            browser.close()
    finally:
        server.terminate()
        server.wait()
    rates = sorted((a - b) / spent for a, b in zip(after, before))
    weeks = sum(a - b for a, b in zip(after, before))
    print(f"{name}: {count} tabs at {speed} weeks/s for {spent:.0f} s: weeks/s per tab min {rates[0]:.2f}, "
          f"median {statistics.median(rates):.2f}, max {rates[-1]:.2f}; CPU (% of one core): server {100 * used / spent:.0f}%, "
          f"browser {100 * drawing / spent:.0f}%; server CPU per week shown {1000 * used / max(weeks, 1):.0f} ms; "
          f"load average {os.getloadavg()[0]:.2f}", flush=True)


def reference_tree(revision: str) -> Path:
    """``src`` and ``benchmarks`` of a git revision of this repository, in a temporary folder."""
    import atexit  # noqa: PLC0415
    import shutil  # noqa: PLC0415
    import subprocess  # noqa: PLC0415
    import tempfile  # noqa: PLC0415

    root = Path(__file__).resolve().parent.parent
    folder = Path(tempfile.mkdtemp(prefix="bench_app_reference_"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    archive = subprocess.run(["git", "-C", str(root), "archive", revision, "src", "benchmarks"], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def explanations_done() -> None:
    """Wait for the explanations of netwerkdips detected so far (app.session: a thread each, which runs a copy of
    the model on), so that a dip of the warm weeks is not timed in the frames after them (a dip detected in the
    frames played is: the page does that work then)."""
    import threading  # noqa: PLC0415

    for thread in threading.enumerate():
        if thread.name == "netwerksim-explain":
            thread.join()


def reference_commit(revision: str) -> str:
    import subprocess  # noqa: PLC0415

    return subprocess.run(["git", "-C", str(Path(__file__).resolve().parent.parent), "rev-parse", "--short", revision],
                          check=True, capture_output=True, text=True).stdout.strip()


def cell(timings: list[dict[str, float]], key: str) -> str:
    if key not in timings[0]:
        return f"{'-':>13}"
    return f"{1000 * statistics.median(x[key] for x in timings):6.1f} ({1000 * max(x[key] for x in timings):5.1f})"


def frames(args) -> None:
    """The frame benchmark, old way and new way, per case."""
    steps = args.warm + 3 * args.frames + 8
    cases = {"zorgnetwerk": load_scenario("zorgnetwerk"),
             "generated 1000": load_scenario(generated_scenario(1000, steps=steps))}
    print(f"load average {os.getloadavg()[0]:.2f}; {args.warm} weeks of history; CPU ms per frame (wall ms); "
          f"old: median (max) of {args.frames} frames; new: mean over {args.frames} frames played at full speed")
    print(f"{'case':<15} {'prof.':>6} {'ties':>6} | old: {'step':>13} {'network':>13} {'charts':>13} {'frame':>13} "
          f"{'wall':>13} | new: {'frame':>6} {'wall':>6} {'kB':>5} | {'widgets':>7} {'props':>6} a frame")
    for name, spec in cases.items():
        old_times = [{}]
        if args.old:
            old = Session(spec)
            for _ in range(args.warm):
                old.step()
            explanations_done()
            old_frame(old)                                 # warm the font and text caches
            old_times = [old_frame(old) for _ in range(args.frames)]

        new = Session(spec)
        for _ in range(args.warm):
            new.step()
        explanations_done()                                # not timed: the warm weeks' netwerkdip's explanation
        new_frames(new, 3)                                 # warm the page
        played = new_frames(new, args.frames)
        counted = new_frames(new, args.frames, count=True)  # the next frames, counted

        st = new.model.state
        print(f"{name:<15} {len(st.profs.org):>6} {len(st.ties.src):>6} | old: "
              + " ".join(cell(old_times, k) for k in ("step", "network", "charts", "frame", "frame wall"))
              + f" | new: {1000 * played['frame']:6.1f} {1000 * played['frame wall']:6.1f} {played['bytes'] / 1000:5.1f}"
              + f" | {counted['widgets']:7.1f} {counted['properties']:6.1f}")
        if args.save and args.old:
            args.save.mkdir(parents=True, exist_ok=True)
            stem = name.replace(" ", "_")
            (args.save / f"bench_{stem}_network.png").write_bytes(old.last_pictures[0])
            (args.save / f"bench_{stem}_charts.png").write_bytes(old.last_pictures[1])
    print(f"load average {os.getloadavg()[0]:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--frames", type=int, default=20, help="frames timed each way (0: skip the frame benchmark)")
    ap.add_argument("--warm", type=int, default=52)
    ap.add_argument("--save", type=Path, help="folder for the old way's last pictures")
    ap.add_argument("--no-old", dest="old", action="store_false",
                    help="time the new way only (the old way's matplotlib frames take most of the run)")
    ap.add_argument("--tabs", type=int, default=0, help="then play this many browser tabs at once (chromium)")
    ap.add_argument("--speed", type=int, default=4, help="the tabs' speed, weeks per second")
    ap.add_argument("--seconds", type=float, default=20.0, help="how long the tabs are timed")
    ap.add_argument("--reference", metavar="REVISION",
                    help="also measure this git revision (e.g. main), side by side in the same run: its frame "
                         "benchmark right after this tree's, its tabs alternating with this tree's")
    ap.add_argument("--name", default="this tree", help=argparse.SUPPRESS)   # a reference's run, named
    ap.add_argument("--repeats", type=int, default=1, help="tab measurements of each tree (alternating)")
    args = ap.parse_args()
    reference = reference_tree(args.reference) if args.reference else None
    if args.frames:
        print(f"{args.name}:", flush=True)
        frames(args)
        if reference:
            import subprocess  # noqa: PLC0415

            # this benchmark (the same measurement and counts) on the reference's src
            subprocess.run([sys.executable, __file__, "--frames", str(args.frames), "--warm", str(args.warm),
                            "--name", f"reference {args.reference} ({reference_commit(args.reference)})"]
                           + ([] if args.old else ["--no-old"]),
                           env={**GIVEN_ENVIRONMENT, "PYTHONPATH": str(reference / "src")}, check=True)
    for _ in range(args.repeats if args.tabs else 0):
        if reference:
            tabs_playing(args.tabs, args.speed, args.seconds, reference, f"reference {args.reference}")
        tabs_playing(args.tabs, args.speed, args.seconds)


if __name__ == "__main__":
    main()
