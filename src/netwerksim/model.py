"""NetwerkModel: the Mesa model that owns the state, runs the mechanisms in order and records data.

Step order (MODEL.md §4; one step is one week): environment (timeline events, queued
interventions, organisations joining, turbulence and complexity) -> forums meet (1) -> interactions:
trust (2) and ambition alignment (3) -> contribution decisions (4) -> production (5) -> innovation
process (10) -> accountability and demand for structure (6) -> leadership (7) -> perceived value,
fairness and exit (8) -> conflict temperature (11) -> energy and negativity (9) -> observers
(indicators, the netwerkdip detector, stuck situations, the thermometer). Every mechanism acts on all agents at once from the
state left by the previous one (synchronous within a mechanism, sequential between mechanisms), so
no result depends on an agent activation order (anchors_peers SF10).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
from mesa import DataCollector, Model
from mesa.experimental.scenarios import Scenario as MesaScenario

from . import i18n
from .agents import Organisation, Professional
from .chain import read, write
from .choices import STANCES, Choice, Chosen
from .interventions import REGISTRY
from .mechanisms.accountability import update_accountability
from .mechanisms.alignment import update_alignment
from .mechanisms.context import arrivals, table_changes, update_context
from .mechanisms.conflict import update_conflict
from .mechanisms.contribution import decide_contributions
from .mechanisms.innovation import update_innovation
from .mechanisms.leadership import update_leadership
from .mechanisms.energy import update_energy
from .mechanisms.meetings import hold_meetings
from .mechanisms.production import given_hours, produce
from .mechanisms.trust import update_trust
from .mechanisms.value import update_value
from .observers.dip import DipDetector
from .observers.indicators import (ORGANISATION_COLUMNS, chosen_organisations, network_indicators,
                                  organisation_indicators, trust_between)
from .observers.stuck import StuckDetector
from .observers.thermometer import Thermometer
from .params import PARAMETERS, Params, from_keywords, keyword
from .resources import guard
from .scenario import Event, Scenario, load_scenario
from .state import State, Status, build_state
from .streams import Streams
from .timeline import Timeline


SPIN_UP = 1   # extra stream key of the weeks before week 0 (an existing network's spin-up)


def periodic_reflections(spec: Scenario) -> list[Event]:
    """The scenario's reflection frequency as timeline entries: a joint stock-taking every
    ``governance.reflection_every`` weeks (003 L160-168, L2448-2462; 002 L2613-2672)."""
    every = spec.governance.reflection_every
    if every <= 0:
        return []
    return [Event(at=w, type="reflection", depth=spec.governance.reflection_depth)
            for w in range(every, spec.meta.steps + 1, every)]


def _latest(column: str, model: "NetwerkModel") -> float:
    """A DataCollector model reporter: this week's value of a time-series column, from the fast record."""
    return model.rows[-1][column]


_STATUS_NAMES = {int(s): s.name.lower() for s in Status}


def _organisation_value(column: str, agent: Organisation) -> Any:
    """A DataCollector reporter per organisation: this week's value of an organisation indicator, from
    :func:`_organisation_values` (made once a week for all organisations)."""
    return agent.model.organisation_values[column][agent.index]


def _organisation_values(now: dict[str, np.ndarray]) -> dict[str, list]:
    """The organisation indicators as Python values (``tolist`` gives what ``.item()`` gives, element by element),
    the status by name."""
    values = {column: v.tolist() for column, v in now.items()}
    values["status"] = [_STATUS_NAMES[s] for s in values["status"]]
    return values


class NetwerkScenario(MesaScenario):
    """Mesa's record of one NetwerkModel experiment (``mesa.experimental.scenarios.Scenario``): ``network``,
    the netwerksim scenario (a bundled name or a file), ``rng``, ``steps`` (weeks) and model parameters
    under their keyword names (``meeting__base_attendance``). ``NetwerkModel(scenario=NetwerkScenario(...))``
    is how Mesa's SolaraViz re-creates a model; ``model.scenario`` is always one of these."""

    network: str = "zorgnetwerk"


_HOLDING: dict[type, type] = {}


def _drop_held(obj: Any, name: str, value: Any) -> None:
    """``__setattr__`` of a part of the state that holds some of its fields: assignments to those are dropped."""
    if name not in obj._holds:
        object.__setattr__(obj, name, value)


def _hold_field(obj: Any, name: str, value: Any) -> None:
    """Set ``obj.name`` to ``value`` and drop every later assignment to it (``obj`` becomes an instance of a
    subclass of its dataclass that only differs in :func:`_drop_held`)."""
    cls = type(obj)
    if "_holds" not in obj.__dict__:
        if cls not in _HOLDING:
            _HOLDING[cls] = type(f"Held{cls.__name__}", (cls,), {"__setattr__": _drop_held})
        obj.__class__ = _HOLDING[cls]
        object.__setattr__(obj, "_holds", set())
    object.__setattr__(obj, name, value)
    obj._holds.add(name)


class _AgentsByType(Mapping):
    """``model.agents_by_type`` of a :class:`NetwerkModel`: Mesa's, the professionals made when first looked up."""

    def __init__(self, model: "NetwerkModel"):
        self._model = model

    def __getitem__(self, kind: type):
        if kind is Professional:
            self._model.professionals
        return self._model._agents_by_type[kind]

    def __iter__(self):
        return iter(self._model.agent_types)

    def __len__(self) -> int:
        return len(self._model.agent_types)


class NetwerkModel(Model):
    """A network of organisations and professionals collaborating on shared issues.

    ``scenario``: a bundled scenario's name, a scenario file or a validated netwerksim ``Scenario`` (or a
    :class:`NetwerkScenario`, Mesa's way); ``rng``: the seed (default: the scenario's); ``steps``: weeks
    (default: the scenario's), after which ``running`` turns False; model parameters by dotted name in
    ``params`` or as keywords with ``__`` for the dot (``meeting__base_attendance=0.7``,
    :func:`params.keyword`), so Mesa's ``batch_run`` and SolaraViz can vary them.

    Names: ``model.spec`` is netwerksim's validated Scenario (who, interests, forums, timeline);
    ``model.scenario`` is Mesa's :class:`NetwerkScenario` of the run (network, rng, parameters).
    ``datacollector`` is a Mesa DataCollector of every time-series column and, per organisation, the
    organisation indicators; ``rows`` holds the same time series recorded without Mesa (the fast path).
    ``mesa_data=False`` leaves the DataCollector out (``run`` does: the array-backed record is all it needs).
    ``trust_pairs`` (``"A->B"``, each side a name, ``kind:<kind>`` or ``*``) adds a column ``trust[A->B]`` to the
    time series: how much A's professionals trust B's (:func:`~.observers.indicators.trust_between`); only the
    pairs asked for are recorded.
    """

    def __init__(
        self,
        scenario: Scenario | str | Path | NetwerkScenario = "zorgnetwerk",
        *,
        rng: int | np.random.SeedSequence | np.random.Generator | str | None = None,
        params: Mapping[str, float] | None = None,
        steps: int | None = None,
        mesa_data: bool = True,
        trust_pairs: Iterable[str] = (),
        **parameters: float,
    ):
        if isinstance(scenario, MesaScenario):   # Mesa's way: everything in the scenario object
            fields = dict(scenario)
            given_rng = fields.pop("rng", None)
            rng = given_rng if rng is None else rng
            scenario = fields.pop("network", "zorgnetwerk")
            steps = fields.pop("steps", None) if steps is None else steps
            parameters = {**fields, **parameters}
        spec = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
        self.spec = spec if steps is None else spec.with_changes(steps=int(steps))
        if isinstance(rng, str):  # seeds typed in a text field arrive as strings (mesa#3516)
            rng = int(rng)
        self.seed = self.spec.meta.seed if rng is None else rng
        overrides = {**(params or {}), **from_keywords(parameters)}
        network = str(scenario) if isinstance(scenario, (str, Path)) else self.spec.meta.name_en
        super().__init__(scenario=NetwerkScenario(rng=self.seed, network=network, steps=self.spec.meta.steps,
                                                  **{keyword(k): v for k, v in overrides.items()}))
        # drawn before anything else, so the streams of two variants of a scenario stay paired
        self.streams = Streams(int(self.rng.integers(2**63)))
        self.params = Params({**self.spec.parameters, **overrides})
        self.initial_params = self.params.as_dict()   # set_parameter events may change them later
        guard(self.spec, mesa_data=mesa_data)   # a network that would not fit is refused before any array exists
        self.state = build_state(self.spec, self.rng, self.params)
        self._trust_pairs = {pair: tuple(chosen_organisations(side, self.state.orgs) for side in pair.split("->"))
                             for pair in trust_pairs}
        self._held: dict[str, np.ndarray] = {}   # held arrays, set back after every phase (:meth:`hold`)
        if self.spec.history.start == "existing":
            self.spin_up()
        self.organisations = [Organisation(self, i) for i in range(len(self.state.orgs.name))]
        self._professionals: list[Professional] | None = None    # made on first use (:attr:`professionals`)
        self.week = 0
        self._draws = 0
        self.events: list[dict[str, Any]] = []
        self.rows: list[dict[str, float]] = []
        self.organisation_rows: list[tuple[int, dict[str, np.ndarray]]] = []
        self.timeline = Timeline([*self.spec.events, *periodic_reflections(self.spec)], self.spec.meta.steps)
        self._queued: list[tuple[str, dict[str, Any]]] = []
        self.pressed: list[tuple[int, str, dict[str, Any]]] = []   # (week, name, params) of every queued intervention applied
        self.dip_detector = DipDetector(existing=self.spec.history.start == "existing")
        self.stuck_detector = StuckDetector()
        self.thermometer = Thermometer()
        self._mesa_data = mesa_data
        self.datacollector: DataCollector | None = None   # made by the first record, which names the columns
        self._record()

    # --- Mesa's agents -----------------------------------------------------------------------------
    @property
    def professionals(self) -> list[Professional]:
        """The professionals as Mesa agents, made (and registered with Mesa, after the organisations) when first
        asked for: the mechanisms work on the state's arrays, and a million agent objects cost seconds that a run
        which never looks at them need not pay. ``agents``, ``agents_by_type`` and ``agent_types`` include them."""
        if self._professionals is None:
            self._professionals = [Professional(self, i) for i in range(len(self.state.profs.org))]
        return self._professionals

    @property
    def agents(self):
        """Mesa's set of all agents: the organisations and the professionals."""
        self.professionals
        return super().agents

    @property
    def agent_types(self) -> list[type]:
        """Mesa's agent types; the professionals' before they are made too."""
        types = super().agent_types
        return types + [Professional] if self._professionals is None and len(self.state.profs.org) else types

    @property
    def agents_by_type(self) -> Mapping[type, Any]:
        """Mesa's agent sets by type; the professionals' is made when it is asked for."""
        return _AgentsByType(self)

    # --- interventions -----------------------------------------------------------------------------
    def intervene(self, name: str, **params: Any) -> None:
        """Queue a registry entry; it takes effect at the start of the next step."""
        if name not in REGISTRY:
            raise KeyError(f"unknown intervention {name!r}; allowed: {sorted(REGISTRY)}")
        REGISTRY[name].check_params(params, self.spec)
        self._queued.append((name, params))

    def stream(self, purpose: str) -> np.random.Generator:
        """A fresh random stream for ``purpose`` this week (an intervention's draws; see :mod:`.streams`)."""
        self._draws += 1
        return self.streams(purpose, self.week, self._draws)

    def snapshot(self) -> "NetwerkModel":
        """An independent copy of the whole model — state, detectors, records, timeline, queue and both of
        Mesa's generators — that continues exactly as this one would (:meth:`branch` it to step on)."""
        return copy.deepcopy(self)

    def branch(self) -> "NetwerkModel":
        """A copy of this model (or snapshot) to step on; the original stays as it is."""
        return copy.deepcopy(self)

    # --- choices from outside (the game, issue 19; :mod:`.choices`) ---------------------------------
    def organisation_index(self, org: int | str) -> int:
        """An organisation's index from its index or name (KeyError naming the organisations allowed)."""
        names = self.state.orgs.name
        if isinstance(org, str):
            if org not in names:
                raise KeyError(f"unknown organisation {org!r}; allowed: {names}")
            return names.index(org)
        if not 0 <= int(org) < len(names):
            raise KeyError(f"no organisation {org!r}; allowed: 0-{len(names) - 1}")
        return int(org)

    def choose(self, org: int | str, choice: Choice | None) -> None:
        """From the next week on, ``org`` decides as ``choice`` says instead of by the model's rules, until
        it is chosen again (``None``: the model decides everything again). Hours above the organisation's
        pledged capacity or tables it does not sit at are refused (ValueError)."""
        i = self.check_choice(org, choice)
        st = self.state
        if st.choices is None:
            if choice is None:
                return
            st.choices = Chosen.none(st)
        st.choices.set(st, i, choice)
        if st.choices.empty():
            st.choices = None      # nobody chooses anything: the mechanisms' plain path

    def check_choice(self, org: int | str, choice: Choice | None) -> int:
        """``org``'s index when :meth:`choose` would take ``choice``; a ValueError naming what is allowed."""
        i = self.organisation_index(org)
        st = self.state
        if choice is not None:
            capacity = float(st.orgs.hours[i] * st.orgs.pledge[i])
            if choice.hours is not None and choice.hours > capacity + 1e-9:
                raise ValueError(f"hours {choice.hours} for {st.orgs.name[i]}; allowed: 0-{capacity:.1f}")
            unknown = set(choice.tables or ()) - set(self.tables_of(i))
            if unknown:
                raise ValueError(f"tables {sorted(unknown)} for {st.orgs.name[i]}; allowed: {self.tables_of(i)}")
        return i

    def tables_of(self, org: int | str) -> list[str]:
        """The ids of the open tables ``org`` has people at."""
        i, F = self.organisation_index(org), self.state.forums
        return [F.id[f] for f in np.unique(F.member_forum[(F.member_org == i) & F.member_active]) if F.active[f]]

    def own_choices(self) -> dict[str, Choice]:
        """Per organisation, what the model's rules decide in the coming week, everyone else as chosen: a
        branch steps one week with that organisation's choice dropped (one branch when nobody chose)."""
        names, chosen = self.state.orgs.name, self.state.choices
        if chosen is None:
            return self._decided(names, self.branch())
        return {name: self._decided([name], self._without_choice(name))[name] for name in names}

    def own_choice(self, org: int | str) -> Choice:
        """What the model's rules would have ``org`` do in the coming week (the others as chosen)."""
        name = self.state.orgs.name[self.organisation_index(org)]
        return self._decided([name], self._without_choice(name))[name]

    def _without_choice(self, name: str) -> "NetwerkModel":
        branch = self.branch()
        if branch.state.choices is not None:
            branch.choose(name, None)
        return branch

    def _decided(self, names: list[str], branch: "NetwerkModel") -> dict[str, Choice]:
        """Step ``branch`` one week and read what the named organisations did there (:meth:`decisions`)."""
        branch.step()
        return self.decisions(names, branch.state)

    def decisions(self, names: list[str], state: State | None = None) -> dict[str, Choice]:
        """What the named organisations did in the week just stepped (in ``state``, a branch's; by default this
        model's): the hours they gave, the tables they sit at (the model skips none; who of them attends is
        chance), open (the model never holds back by choice; conflict shares less either way) and their status
        as a stance."""
        st, stance = state or self.state, {int(v): k for k, v in STANCES.items()}
        hours = given_hours(st)
        decided = {}
        for name in names:
            i = st.orgs.name.index(name)
            status = int(st.orgs.status[i])
            decided[name] = Choice(hours=float(hours[i]), tables=tuple(self.tables_of(i)), open=True,
                                   stance=stance.get(status))
        return decided

    def hold(self, paths: Iterable[str], values: Mapping[str, Any] | None = None) -> None:
        """Hold state variables (paths as in :mod:`.chain`, ``"network.hierarchy"``) from now on at their present
        value, or at ``values[path]``, whatever writes them: an assignment to a held variable is dropped (so
        even the mechanism that computes it reads the held value right after), and a held array changed in
        place is set back after every phase of the step (the events, then each mechanism). For counterfactual
        branches (:mod:`.explain`); a model that holds nothing runs exactly as before."""
        for path in paths:
            value = copy.deepcopy(values[path] if values and path in values else read(self.state, path))
            part, name = path.split(".", 1)
            if isinstance(value, np.ndarray):
                self._held[path] = value                     # the field gets a copy: it may be changed in place
                _hold_field(getattr(self.state, part), name, value.copy())
            else:
                _hold_field(getattr(self.state, part), name, value)

    def _reapply(self) -> None:
        for path, value in self._held.items():
            write(self.state, path, value)

    def _apply(self, name: str, params: dict[str, Any]) -> None:
        entry = REGISTRY[name]
        resolved = entry.resolve(params, self.spec)
        entry.apply(self, resolved)
        self.state.network.turbulence += resolved.get("turbulence", 0.0)
        self.log(entry.kind, name=name, label_nl=entry.label_nl, label_en=entry.label_en,
                 description_nl=entry.description_nl, description_en=entry.description_en,
                 source=entry.source, mechanisms=list(entry.mechanisms), params=resolved)

    def log(self, type: str, **fields: Any) -> None:
        """Add an event to the run's log for this week."""
        self.events.append({"step": self.week, "type": type, **fields})

    # --- the step ----------------------------------------------------------------------------------
    def step(self) -> None:
        self.week = int(self.time)
        self._draws = 0
        status_before = self.state.orgs.status.copy()   # shocks such as a bankruptcy change status too
        first = len(self.events)
        for name, params in self.timeline.pop(self.week, self.streams):
            self._apply(name, params)
        for name, params in self._queued:
            self._apply(name, params)
            self.pressed.append((self.week, name, params))
        self._queued.clear()
        if self._held:
            self._reapply()

        self._mechanisms(self.week)
        st = self.state
        self._log_status_changes(status_before)
        self._record()
        self.events += self.stuck_detector.observe(st, self.params, self.week, self._issue_name)
        self.events += self.thermometer.observe(st.network.heat, self.week)
        self.timeline.observe(self.events[first:], self.rows, self.week)   # every event logged now is this week's
        self.running = self.week < self.spec.meta.steps

    def _mechanisms(self, week: int, *key: int, settle: bool = False) -> None:
        """One week of the mechanisms in the order of the module docstring; held state is set back after each.

        ``key`` extends the streams' keys. ``settle``: a week of an existing network's history
        (:meth:`spin_up`): nobody joins and the issues' innovation state stays as the scenario describes it."""
        st, p = self.state, self.params

        def stream(purpose: str) -> np.random.Generator:
            return self.streams(purpose, week, *key)

        mechanisms = (
            *(() if settle else (partial(arrivals, st, p, week), partial(table_changes, st, week))),
            partial(update_context, st, p, stream("context")),
            partial(hold_meetings, st, p, stream("meetings")),
            partial(update_trust, st, p, stream("trust")),
            partial(update_alignment, st, p),
            partial(decide_contributions, st, p),
            partial(produce, st, p, stream("production")),
            *(() if settle else (partial(update_innovation, st, p, stream("innovation"), week),)),
            partial(update_accountability, st, p),
            partial(update_leadership, st, p),
            partial(update_value, st, p),
            partial(update_conflict, st, p),
            partial(update_energy, st, p),
        )
        for mechanism in mechanisms:
            mechanism()
            if self._held:
                self._reapply()

    def spin_up(self) -> None:
        """Let an existing network settle for ``history.spin_up`` weeks before week 0 (issue 13 item 1).

        The mechanisms run from the history's contribution and trust, in the scenario's context (which
        keeps changing), so week 0 shows the network as its own dynamics hold it, not a maximum the
        starting values put there. The partners stay members (the scenario says who is in now), the
        issues keep the phase, ideas and direction the scenario gives them, and progress counts from
        week 0. Streams are keyed apart from the run's weeks."""
        st, run_params = self.state, self.params
        members = st.orgs.status.copy()
        self.params = run_params.with_overrides({"value.patience": PARAMETERS["value.patience"].high,
                                                 "value.exit_patience": PARAMETERS["value.exit_patience"].high})
        try:
            for w in range(int(run_params.history.spin_up)):
                self._mechanisms(w, SPIN_UP, settle=True)
                st.orgs.status = members.copy()
        finally:
            self.params = run_params
        st.orgs.weeks_below[:] = 0
        st.issues.progress = np.zeros_like(st.issues.progress)
        st.network.economic_capital = 0.0

    def _issue_name(self, k: int, lang: str) -> str:
        issues = self.state.issues
        return issues.name_nl[k] if lang == "nl" else issues.name_en[k]

    def _log_status_changes(self, before: np.ndarray) -> None:
        orgs = self.state.orgs
        for i in (orgs.status != before).nonzero()[0]:     # np.flatnonzero without its wrappers
            new = Status(int(orgs.status[i]))
            key = {Status.DORMANT: "status.dormant", Status.EXITED: "status.exited",
                   Status.ACTIVE: "status.joined" if before[i] == Status.PENDING else "status.returned"}[new]
            name = "joined" if before[i] == Status.PENDING else new.name.lower()
            self.log("status", name=name, organisation=orgs.name[i],
                     **i18n.both(key, org=orgs.name[i], weeks=int(orgs.weeks_below[i])))

    def _record(self) -> None:
        row = {"week": self.week, **network_indicators(self.state, self.params),
               **{f"trust[{pair}]": trust_between(self.state.ties, *sides) for pair, sides in self._trust_pairs.items()}}
        self.rows.append(row)
        for event in self.dip_detector.observe(self.rows, self.params):
            self.events.append(event)
        recorded = self.week % self.spec.meta.record_every == 0
        if recorded or self._mesa_data:
            self.organisations_now = organisation_indicators(self.state)
        if recorded:
            self.organisation_rows.append((self.week, self.organisations_now))
        if not self._mesa_data:
            return
        self.organisation_values = _organisation_values(self.organisations_now)
        if self.datacollector is None:
            self.datacollector = DataCollector(
                model_reporters={c: partial(_latest, c) for c in row if c != "week"},
                agenttype_reporters={Organisation: {c: partial(_organisation_value, c) for c in ORGANISATION_COLUMNS}})
        self.datacollector.collect(self)
