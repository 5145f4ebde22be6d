"""One trainer's run in the app: the model, its recorded history and what can be done with it.

A Session holds no Solara state: the page keeps one per browser session (``solara.use_memo``), so two
browsers never share a model. Everything goes through the public API (``NetwerkModel``,
``model.intervene``, ``runner.collect``); the per-week snapshots kept here (tie trust, conflict heat,
organisation status, energy) are what the network picture needs to scroll back through the run.
For the log it also keeps what each applied entry did here (app/effects.py) and has each netwerkdip
explained by counterfactual replay (``explain.attribute``, on a copy, in a thread of its own) once it is
reported; ``on_change`` is called when such an explanation arrives.
"""

from __future__ import annotations

import io
import tempfile
import threading
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Callable

import numpy as np
import pandas as pd

from ..explain import attribute
from ..model import NetwerkModel
from ..observers.dip import label as dip_label
from ..runner import collect
from ..scenario import Scenario, bundled
from .effects import Effect, effects, has_lever
from .network import Layout, compute_layout, contact, dot_fill, scheduled_contact
from .situation import APPLIED

DEFAULT_SCENARIO = "zorgnetwerk"
SEED_HIGH = 2**32 - 1


class SeedError(ValueError):
    """A seed typed by hand that is not a whole number in [0, SEED_HIGH]."""


def parse_seed(text: str | int) -> int:
    """The seed a person typed, or SeedError: whole numbers from 0 to SEED_HIGH, spaces allowed around."""
    value = str(text).strip()
    if not value.isdigit() or int(value) > SEED_HIGH:   # isdigit also refuses '-1', '1.5', '', '1e3'
        raise SeedError(value)
    return int(value)


@cache
def scenarios() -> dict[str, Scenario]:
    """The bundled scenarios by file stem, read once per process."""
    return bundled()


@dataclass(frozen=True)
class Snapshot:
    """What the network picture shows of one week (network.py: view_frame, draw_network)."""

    trust: np.ndarray    # per directed tie
    heat: np.ndarray     # per organisation pair (ties.pair_heat)
    status: np.ndarray   # per organisation
    energy: np.ndarray   # per professional
    fill: np.ndarray     # per professional: share of its network hours worked on the issues (network.dot_fill)
    contact: np.ndarray  # per undirected tie: how often its two people met lately (network.contact)


def snapshot(model: NetwerkModel, layout: Layout, previous: Snapshot | None) -> Snapshot:
    """This week's picture; ``previous`` (None in week 0) carries the ties' memory of meetings."""
    st = model.state
    met = scheduled_contact(layout, st) if previous is None else contact(layout, previous.contact, st.ties.met_index)
    return Snapshot(st.ties.trust.astype(np.float32), st.ties.pair_heat.astype(np.float32),
                    st.orgs.status.astype(np.int8), st.profs.energy.astype(np.float32),
                    dot_fill(st, previous is not None).astype(np.float32), met.astype(np.float32))


class Session:
    """A model of one bundled scenario and seed, stepped, intervened in and reset by one trainer."""

    def __init__(self, scenario: str | Scenario = DEFAULT_SCENARIO, seed: int | None = None):
        self.lock = threading.RLock()   # the play thread and button presses share the model
        self.generation = 0             # counts resets: a new model, layout and history
        self.on_change: Callable[[], None] = lambda: None   # something arrived from a thread (an explanation)
        self.reset(scenario, seed)

    def reset(self, scenario: str | Scenario | None = None, seed: int | None = None) -> None:
        """A fresh model of ``scenario`` (a bundled name or a Scenario; default: the current one) with
        ``seed`` (default: the scenario's)."""
        if scenario is None:
            name, spec = self.scenario_name, self.spec
        elif isinstance(scenario, Scenario):
            name, spec = "custom", scenario
        elif scenario in scenarios():
            name, spec = scenario, scenarios()[scenario]
        else:
            raise KeyError(f"unknown scenario {scenario!r}; bundled: {sorted(scenarios())}")
        if spec.meta.record_every != 1:   # the page shows every week
            spec = spec.model_copy(update={"meta": spec.meta.model_copy(update={"record_every": 1})})
        with self.lock:
            self.scenario_name = name
            self.spec = spec
            self.seed = spec.meta.seed if seed is None else seed
            self.model = NetwerkModel(spec, rng=self.seed)
            self.layout: Layout = compute_layout(self.model.state)   # once per scenario and seed, then kept
            self.snapshots = [snapshot(self.model, self.layout, None)]
            self.pressed: list[tuple[str, dict]] = []   # pressed this week, applied at the next step
            self.effects: dict[int, Effect] = {}         # index in model.events -> what that entry did
            self.generation += 1

    # --- running ----------------------------------------------------------------------------------
    @property
    def week(self) -> int:
        """The last week fully stepped and recorded (the model's own counter moves at the start of a step,
        while the play thread may still be stepping)."""
        return len(self.snapshots) - 1

    @property
    def horizon(self) -> int:
        return self.spec.meta.steps

    @property
    def finished(self) -> bool:
        return self.week >= self.horizon

    @property
    def pending(self) -> list[str]:
        """The registry names pressed this week."""
        return [name for name, _ in self.pressed]

    def step(self) -> bool:
        """One week on; False (and nothing happens) once the scenario's horizon is reached."""
        with self.lock:
            if self.finished:
                return False
            model, week = self.model, self.week + 1
            due = model.timeline.due(week, model.streams)
            due += self.pressed   # as the model's step applies them: the timeline, then what was pressed
            done = effects(model, due) if due else []
            first = len(model.events)
            model.step()
            applied = [i for i in range(first, len(model.events)) if model.events[i]["type"] in APPLIED]
            self.effects.update(zip(applied, done))
            self.snapshots.append(snapshot(model, self.layout, self.snapshots[-1]))
            self.pressed.clear()
            for n, event in enumerate(e for e in model.events if e["type"] == "netwerkdip"):
                if event["step"] == week:
                    threading.Thread(target=self._explain, args=(n, self.generation), name="netwerksim-explain",
                                     daemon=True).start()
            return True

    def _explain(self, n: int, generation: int) -> None:
        """Attribute the ``n``-th netwerkdip on a copy and give the live event its explanation. The copy is run
        on to the horizon first: explain's budget of replayed weeks grows with the run's length, so the live
        page then measures as far as the report of the whole run (``netwerksim run``) does, and both give the
        same numbers as long as nothing else is pressed. (The explanation itself only reads the weeks up to the
        detection.)"""
        with self.lock:
            if generation != self.generation:
                return
            copy = self.model.branch()
        while copy.week < self.horizon:
            copy.step()
        explained = attribute(copy, dips=[n])[0]
        with self.lock:
            if generation != self.generation:
                return
            live = [e for e in self.model.events if e["type"] == "netwerkdip"][n]
            live["attribution"] = explained["attribution"]
            for lang in ("nl", "en"):   # its own depth (the copy's dip went on deepening), the copy's why
                live[f"label_{lang}"] = dip_label(live, lang)
        self.on_change()

    def intervene(self, name: str, **params) -> Callable[[], bool]:
        """Queue a registry entry through the public API; it changes the model from the next step. Returns a
        check whether the press changes anything the room can see (effects.has_lever, on a copy from before
        the press): it takes a while, so call it outside the page's render."""
        with self.lock:
            before = self.model.branch()
            self.model.intervene(name, **params)
            self.pressed.append((name, params))
        return lambda: has_lever(before, name, params)

    # --- reading ----------------------------------------------------------------------------------
    def timeseries(self, until: int | None = None) -> pd.DataFrame:
        """One row per recorded week up to ``until`` (default: all), every network indicator."""
        rows = self.model.rows
        return pd.DataFrame(rows if until is None else rows[:until + 1])

    def record(self, until: int | None = None) -> SimpleNamespace:
        """The time series and events up to week ``until`` (default: all) in the shape report.py's plot helpers
        read (``timeseries``, ``events``)."""
        with self.lock:
            events = [e for e in self.model.events if until is None or e["step"] <= until]
            return SimpleNamespace(timeseries=self.timeseries(until), events=events, scenario=self.spec)

    def organisation_names(self) -> list[str]:
        return list(self.model.state.orgs.name)

    # --- downloads --------------------------------------------------------------------------------
    def data_zip(self, lang: str = "nl") -> bytes:
        """The run so far as a zip: the CLI's results folder (Parquet, events.jsonl, report, plots) plus CSVs."""
        with self.lock:
            result = collect(self.model)
        buffer = io.BytesIO()
        with tempfile.TemporaryDirectory() as tmp:
            folder = result.save(Path(tmp) / "run", lang=lang)
            result.timeseries.to_csv(folder / "timeseries.csv", index=False)
            events_table(result.events).to_csv(folder / "events.csv", index=False)
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
                for path in sorted(folder.iterdir()):
                    zf.write(path, path.name)
        return buffer.getvalue()

    def file_stem(self) -> str:
        return f"netwerksim_{self.scenario_name}_seed{self.seed}_week{self.week}"


EVENT_COLUMNS = ("step", "type", "name", "id", "label_nl", "label_en")


def events_table(events: list[dict]) -> pd.DataFrame:
    """Events as a flat table for CSV: week, type, registry name or situation id, and both labels."""
    return pd.DataFrame([{c: e.get(c) for c in EVENT_COLUMNS} for e in events], columns=list(EVENT_COLUMNS))
