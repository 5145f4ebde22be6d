"""The fourteen vastloopsituaties (002 L345-408, L3227-3299): state-based detectors and doorbraken.

Each stuck situation is a condition on the state, per issue (or for the whole network where the
source describes the group as a whole). It counts once it has held for ``stuck.persist`` weeks and
ends once it has been gone as long; a stuck situation that ends within a few weeks of an experiment's
success or a jump in progress is a *doorbraak* (002 L331-337). The detector keeps its own memory of
the past weeks (starts, failures, energy, the hours each party gave, proposals sent back to the home
organisations: V8 and V12 read these over the window) and never writes state. The definitions follow the
candidates of shared/research/seed_002.md §4 and are documented in docs/model.md.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from .. import kernels
from ..mechanisms.innovation import EXPERIMENT, FAILURE, IMPLEMENTATION, SUCCESS, issue_energy
from ..numeric import RecentRows, bincount, summed, where
from ..params import Params
from ..state import State


@dataclass(frozen=True)
class Situation:
    """One vastloopsituatie: its id, names, a one-line explanation and its source lines; what its detector reads
    (``reads``, "part.field" of the state, tested by spying on the detector) and the registry entries the
    sources link to it as remedies (``remedies``; tests/test_remedies.py compares their writes with ``reads``)."""

    id: str
    name_nl: str
    name_en: str
    explain_nl: str
    explain_en: str
    source: str
    reads: tuple[str, ...] = ()
    remedies: tuple[str, ...] = ()


SITUATIONS = {s.id: s for s in [
    Situation("V1", "Er gebeurt maar niets", "Nothing happens",
              "Er wordt vergaderd en iedereen vindt het belangrijk, maar er start geen experiment.",
              "People meet and find it important, but no experiment gets started.", "002 L398-403, L3250-3253",
              ("issues.experiments", "issues.experiment_left", "issues.phase", "issues.talk", "issues.convergence", "issues.ideas",
               "orgs.met", "orgs.for_standstill", "forums.member_active", "orgs.joined"),
              ("small_experiment", "change_of_thinking", "change_in_time", "check_in")),
    Situation("V2", "Na een tegenslag lukt het niet de lijn en energie vast te houden",
              "Energy and direction are lost after a setback",
              "Een mislukt experiment heeft de energie doen dalen en die komt niet terug.",
              "A failed experiment drained energy and it does not come back.", "002 L405-408, L3237-3239",
              ("issues.outcome", "profs.energy", "orgs.focus", "orgs.active"),
              ("small_experiment", "near_miss_framing", "reflection")),
    Situation("V3", "Klaar om te beginnen, maar de vaardigheden ontbreken", "Ready to start, but skills are lacking",
              "Er wordt echt iets gevraagd, maar niet alle benodigde competenties zitten aan tafel.",
              "Something is really asked now, but not every competence needed is at the table.", "002 L376-379, L3241-3243",
              ("issues.phase", "issues.covered"),
              ("invite_partner",)),
    Situation("V4", "Er is één dominante eigenaar", "One dominant owner",
              "Eén partij beslist; de anderen nemen geen leiding meer en leunen achterover.",
              "One party decides; the others stop taking the lead and lean back.", "002 L345-348, L3245-3248",
              ("issues.experiments", "issues.say_ratio"),
              ("change_of_persons", "shared_leadership_team")),
    Situation("V5", "We komen niet tot de volgende stap", "No step from analysis to design",
              "Er is veel input verzameld, vooral inzicht in waarom het misgaat, maar niemand kiest en begint.",
              "Much input has been gathered, mostly insight into why things fail, but nobody chooses and starts.",
              "002 L355-359, L3255-3258",
              ("issues.experiments", "issues.experiment_left", "issues.phase", "issues.talk", "issues.options_raised",
               "issues.insights_raised"),
              ("small_experiment", "change_in_time")),
    Situation("V6", "Er is negatieve energie", "Negative energy",
              "Aan tafel overheersen kritiek en cynisme: wie er komt, ziet steeds de negatieve kanten.",
              "Criticism and cynicism prevail at the table: those who come keep seeing the downsides.",
              "002 L361-364, L3234-3235",
              ("issues.voiced", "issues.talk"),
              ("change_of_context", "near_miss_framing")),
    Situation("V7", "We komen niet verder dan creatieve ideeën", "Stuck in creative ideas",
              "Er komen steeds nieuwe ideeën bij, maar de groep focust niet.",
              "New ideas keep coming, but the group does not focus.", "002 L366-368, L3292-3294",
              ("issues.experiments", "issues.experiment_left", "issues.phase", "issues.ideas", "issues.convergence"),
              ("change_of_thinking", "small_experiment")),
    Situation("V8", "Het blijft te vrijblijvend, niemand stapt in", "Non-committal: nobody steps in",
              "De groep wil iets proberen, maar de voorstellen gaan steeds terug naar de eigen organisaties en er start niets.",
              "The group wants to try something, but proposals keep going back to the home organisations and nothing starts.",
              "002 L370-374, L3270-3273",
              ("issues.sent_back", "issues.experiments", "issues.experiment_left", "issues.phase"),
              ("mandate",)),
    Situation("V9", "Iets bereikt, maar we weten niet wat of waarom", "Achieved, but not understood",
              "Een experiment is gelukt, maar niemand heeft onderzocht waarom en de groep durft nog niet verder.",
              "An experiment succeeded, but nobody has looked into why and the group does not yet dare go on.",
              "002 L381-385, L3296-3299",
              ("issues.outcome", "issues.experiments", "issues.reflected", "issues.phase"),
              ("reflection",)),
    Situation("V10", "Mensen verschuilen zich achter hun organisatiebelang", "Hiding behind organisational interest",
              "Deelnemers zitten aan tafel als vertegenwoordiger: wat de anderen zeggen, verandert hun standpunt niet.",
              "Participants sit at the table as representatives: what the others say does not move their position.",
              "002 L350-353, L3283-3285",
              ("orgs.met", "orgs.held_line", "forums.member_active", "orgs.joined"),
              ("check_in", "trust_dialogue")),
    Situation("V11", "Belang bij stilstand en geen perspectief", "Status-quo interests and no perspective",
              "Aan tafel pleiten partijen ervoor het te laten zoals het is; er komt geen voorstel en er start niets.",
              "Parties at the table argue for leaving things as they are; no proposal comes and nothing starts.",
              "002 L3260-3263",
              ("orgs.met", "orgs.for_standstill", "forums.member_active", "orgs.joined", "issues.sent_back",
               "issues.experiments", "issues.experiment_left", "issues.phase"),
              ("change_of_thinking",)),
    Situation("V12", "Het enthousiasme slaat niet over", "Enthusiasm does not transfer",
              "Eén partij zet zich vol in, de anderen gaan niet mee.",
              "One party is fully committed, the others do not follow.", "002 L3265-3268",
              ("forums.member_active", "orgs.joined", "orgs.focus", "orgs.contribution"),
              ("small_experiment",)),
    Situation("V13", "De formele eigenaar neemt geen verantwoordelijkheid", "The formal owner takes no responsibility",
              "Het resultaat moet worden overgenomen, maar de formele eigenaar pakt het niet op.",
              "The result should be taken over, but the formal owner does not pick it up.", "002 L3275-3281",
              ("issues.phase", "issues.handed_over", "issues.weeks_in_phase"),
              ("mandate",)),
    Situation("V14", "Onderhandelen leidt tot een onwerkbaar compromis", "Unworkable compromise",
              "Er is te weinig tijd en geld over om het plan nog uitvoerbaar te maken.",
              "Too little time and money is left for the plan to be workable.", "002 L3287-3290",
              ("issues.phase", "issues.handed_over", "issues.effort_share"),
              ("flexible_budget",)),
]}


# Records of what agents did (this week's conduct, or counts of it since the start), written by the mechanisms:
# a detector that reads only these, and structure, reads behaviour and no scenario field, parameter or lever
# (issue 14 item 1; tests/test_remedies.py checks the situations listed in FROM_BEHAVIOUR against it).
BEHAVIOUR = frozenset({
    "issues.experiments",      # experiments started (mechanism 10)
    "issues.experiment_left",  # an experiment running
    "issues.phase",            # the first experiment started, enough succeeded (mechanism 10)
    "issues.outcome",          # this week's finished experiment: success, failure, near miss
    "issues.say_ratio",        # who decided an experiment that started: the say of the one who had most over the others' (002 V4)
    "issues.sent_back",        # a proposal taken back to the home organisations instead of started (002 V8)
    "issues.reflected",        # the issue's table members came together to examine how and why it worked (002 L2613-2672)
    "issues.handed_over",      # the formal owner decided to take the result over (mechanism 10; 002 V13)
    "issues.weeks_in_phase",   # weeks since the phase last changed: a clock on the record above (phase)
    "issues.talk",             # attendance at the issue's tables this week
    "issues.options_raised",   # options to try the talk at its tables brought up this week (mechanism 10)
    "issues.insights_raised",  # ... and insights into why things fail it brought up instead (002 V5, L1183-1190)
    "issues.voiced",           # the negativity those present brought to the issue's tables this week (002 V6)
    "orgs.contribution",       # the share of its pledge an organisation gave this week
    "orgs.met",                # its delegates met partners at a table this week (mechanism 3)
    "orgs.held_line",          # ... and argued a position closer to their own organisation than to the partners (002 V10)
    "orgs.for_standstill",     # ... and argued that the network leave an issue alone (002 V11)
    "orgs.joined",             # who joined and has not left (joining, going dormant, leaving are things agents do)
    "forums.member_active",    # who still sits at which table (a membership ends when a party leaves a table)
})
FROM_BEHAVIOUR = ("V4", "V5", "V6", "V8", "V9", "V10", "V11", "V13")   # situations whose detector reads behaviour only (the others: docs/model.md 7.15)
STANDSTILL_SHARE = 0.3         # V11: share of the delegations' meetings at an issue's tables arguing to leave it alone


ISSUE_COUNTS = ("starts", "decided_by_one", "failures", "successes", "sent_back")   # per issue, each week
ORGANISATION_COUNTS = ("met", "held_line")                                             # per organisation, each week


class Memory:
    """What the detector remembers of past weeks, per issue. The weekly counts are kept as rows of one array per
    shape (per issue: ``ISSUE_COUNTS``; per organisation: ``ORGANISATION_COUNTS``; per organisation and issue: the
    arguments for standstill), each with its total over the window; they are whole numbers, so the totals are exact."""

    def __init__(self, window: int, K: int, dominance: float):
        self.dominance = dominance
        self.window = window
        self.issue_counts = deque(maxlen=window)     # (ISSUE_COUNTS, K): experiments started, ... whose say lay with one
                                                     # partner (V4), failures, successes, proposals sent back (V8)
        self.org_counts = deque(maxlen=window)       # (ORGANISATION_COUNTS, O): its delegates met partners, ... and
                                                     # argued their organisation's line (V10)
        self.for_standstill = deque(maxlen=window)   # per organisation and issue: ... and argued to leave it alone
        self.energy = deque(maxlen=window)
        self.talk = RecentRows(window)          # per issue: attendance at its tables each week
        self.voiced = RecentRows(window)        # per issue: (negativity voiced at its tables, 1) in weeks someone came
        self.lead_gap = RecentRows(window)      # per issue: (top contribution, its lead over the others) each week
        self.raised = RecentRows(window)        # per issue: (options, insights) the talk at its tables brought up (V5)
        self.last_experiments = np.zeros(K, np.int64)
        self.unexamined = np.zeros(K, bool)     # V9: a success since which nobody examined why and nothing was started
        self._in_window = {"issue_counts": np.zeros((len(ISSUE_COUNTS), K), np.int64)}   # the window's total of each
                                                                                        # deque of counts
        self._table_key: tuple | None = None
        self._table: np.ndarray | None = None

    @property
    def full(self) -> bool:
        """Has the detector seen a whole window of weeks?"""
        return len(self.issue_counts) == self.window

    def remember(self, st: State, energy: np.ndarray, lead_gap: np.ndarray, unexamined: np.ndarray | None = None) -> None:
        """Add this week (``unexamined``: this week's :meth:`not_examined`, computed here if not given)."""
        I, orgs = st.issues, st.orgs
        self.unexamined = self.not_examined(st) if unexamined is None else unexamined
        self._count("issue_counts", np.array((I.experiments - self.last_experiments, I.say_ratio >= self.dominance,
                                              I.outcome == FAILURE, I.outcome == SUCCESS, I.sent_back),
                                             np.int64))
        self.last_experiments = I.experiments.copy()
        self._count("org_counts", np.array((orgs.met, orgs.held_line), np.int64))
        self._count("for_standstill", orgs.for_standstill)
        self.energy.append(energy)
        self.talk.append(I.talk)
        self.voiced.append(voiced_row(st))
        self.lead_gap.append(lead_gap)
        self.raised.append(np.array((I.options_raised, I.insights_raised)))

    def not_examined(self, st: State) -> np.ndarray:
        """Per issue, this week: a success since which nobody came together to examine why it worked and no next
        experiment was started (002 V9: 'it works, but one does not yet dare go for it', L381-385, L3296-3299)."""
        I = st.issues
        return ((self.unexamined | (I.outcome == SUCCESS)) & ~I.reflected
                & (I.experiments == self.last_experiments))

    def _count(self, name: str, value: np.ndarray) -> None:
        """Remember ``value`` and keep the window's total of it in step (what leaves the window goes off)."""
        past = getattr(self, name)
        total = self._in_window.get(name)
        if total is None:
            total = self._in_window[name] = np.zeros(np.shape(value), np.int64)
        if len(past) == past.maxlen:
            total -= past[0]
        past.append(value)
        total += value

    def at_table(self, st: State) -> np.ndarray:
        """:func:`_at_table`, computed again only when membership, status or the tables' issues change."""
        F = st.forums
        key = (st.orgs.status.tobytes(), F.member_active.tobytes(), F.covers.tobytes())
        if key != self._table_key:
            self._table_key, self._table = key, _at_table(st)
        return self._table

    @property
    def issue_totals(self) -> np.ndarray:
        """(ISSUE_COUNTS, K): how often each happened in the window, per issue."""
        return self._in_window["issue_counts"]

    def count(self, name: str) -> np.ndarray:
        """Per issue (a name in ``ISSUE_COUNTS``): how often it happened in the window."""
        return self.issue_totals[ISSUE_COUNTS.index(name)]

    def any(self, name: str) -> np.ndarray:
        """Per issue: did it happen at all in the window?"""
        return self.count(name) > 0

    def at_tables(self, name: str, at_table: np.ndarray) -> np.ndarray:
        """Per issue: how often it happened in the window among the organisations at the issue's tables (O, K)
        (``name``: one of ``ORGANISATION_COUNTS`` or "for_standstill")."""
        if name == "for_standstill":
            return summed(self._in_window[name] * at_table, 0)
        return self._in_window["org_counts"][ORGANISATION_COUNTS.index(name)] @ at_table

    def meetings_and_held_line(self, at_table: np.ndarray) -> np.ndarray:
        """(2, K): :meth:`at_tables` of "met" and of "held_line" in one matrix product (whole numbers: exact)."""
        return self._in_window["org_counts"] @ at_table


def voiced_row(st: State) -> np.ndarray:
    """(2, K): this week's negativity voiced at each issue's tables and whether anyone came (1) or not (0, and 0)."""
    came = (st.issues.talk > 0).astype(float)
    return np.array((st.issues.voiced * came, came))


def lead_gap(st: State, at_table: np.ndarray) -> np.ndarray:
    """(2, K): per issue, the highest share of its pledge given this week by an organisation at the issue's tables
    that cares about it (-1 if none), and how far the others who care stay below it (0 with fewer than two)."""
    orgs = st.orgs
    committed = at_table & (orgs.focus > 0.05)                           # at the table and caring about the issue
    n_committed = summed(committed, 0)
    top = np.maximum.reduce(where(committed.T.copy(), orgs.contribution, -1.0), 1)  # per issue, along contiguous rows
    others = (orgs.contribution @ committed - top) / np.maximum(n_committed - 1, 1)
    return np.array((top, where(n_committed >= 2, top - others, 0.0)))


def analysis_without_design(mem: Memory, talk: np.ndarray, ideas_needed: float) -> np.ndarray:
    """V5 over the window, per issue: the group met and came (mean attendance ``talk`` above 0.15, as V1), gathered
    as much input as a start needs (``ideas_needed``), and most of it was insight into why things fail, not options
    to try: 'much input gathered, insights and content, but no getting from analysis to design' (002 L355-359,
    L1183-1190). With the window's "nothing started" this is the situation; it reads what the talk brought up,
    never the scenario's approach."""
    if not mem.full:
        return np.zeros(len(talk), bool)
    options, insights = mem.raised.total()          # raised over the window
    return (talk > 0.15) & (options + insights >= ideas_needed) & (insights > options)


def window_numbers(st: State, mem: Memory, energy: np.ndarray, gap: np.ndarray, at_table: np.ndarray | None = None
                   ) -> tuple[np.ndarray, ...]:
    """What :func:`conditions` reads of the window, per issue: the counts (``ISSUE_COUNTS``, K), the mean attendance
    (zeros until the window is full), the negativity voiced at the issue's tables over the window's weeks and this one
    (the mean over the weeks someone came; V6), the delegations' meetings at the issue's tables, how often they
    held their own line and argued to leave the issue alone (V10, V11), energy a window ago, and V12's top
    contribution and lead over the others (the window's means with this week's ``gap``)."""
    K = len(st.issues.id)
    full = mem.full
    talk = mem.talk.mean() if full else np.zeros(K)
    said, weeks_heard = mem.voiced.total_with(voiced_row(st))
    negativity = said / np.maximum(weeks_heard, 1.0)      # V6: what those at the table kept voicing (002 L361-364)
    if at_table is None:
        at_table = mem.at_table(st)                                      # (O, K)
    # V10, V11 over the window: the delegations' meetings at the issue's tables, how often they argued their own
    # organisation's line rather than moving with the partners, how often they argued to leave the issue alone
    meetings, held_line = mem.meetings_and_held_line(at_table) if full else (np.zeros(K), np.zeros(K))
    standstill = mem.at_tables("for_standstill", at_table) if full else np.zeros(K)
    energy_then = mem.energy[0] if mem.energy else energy
    # V12 over the window: one party gave (nearly) all it promised, week after week, and the others did not follow
    top, behind = mem.lead_gap.mean_with(gap) if full else (np.zeros(K), np.zeros(K))
    return mem.issue_totals, talk, negativity, meetings, held_line, standstill, energy_then, top, behind


def conditions(st: State, mem: Memory, p: Params, energy: np.ndarray, gap: np.ndarray,
               at_table: np.ndarray | None = None, unexamined: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Each situation's condition this week, per issue (bool arrays of length K); ``energy`` per issue now,
    ``gap`` this week's :func:`lead_gap`; ``at_table`` and ``unexamined`` this week's :meth:`Memory.at_table` and
    :meth:`Memory.not_examined` (computed here if not given). The numpy reference of the fused kernel
    ``stuck_week`` (:mod:`..kernels`)."""
    I = st.issues
    s, q = p.stuck, p.innovation
    full = mem.full
    counts, talk, negativity, meetings, held_line, standstill, energy_then, top, behind = window_numbers(
        st, mem, energy, gap, at_table)                                 # counts: (ISSUE_COUNTS, K) over the window
    started, _, failed, succeeded, sent_back = counts > 0
    quiet = full & ~started & (I.experiment_left == 0)                   # nothing started in the window
    talking = full & (talk > 0.15)
    not_done = I.phase < IMPLEMENTATION
    # V4 over the window: people moved (experiments started), but each of those decisions was one partner's: it
    # keeps cutting the knots, so the others do not take the lead (002 L345-348)
    one_decides = full & started & (counts[1] == counts[0])             # all decided by one
    # parts several conditions share, each computed once
    quiet_open = quiet & not_done
    ideas_enough, scattered = I.ideas >= q.ideas_needed, I.convergence < 0.3
    trying, not_taken_over, met = I.phase >= EXPERIMENT, ~I.handed_over, meetings > 0
    return {
        # V1: 'everyone finds it very important, but nobody does anything' (002 L398-403): nobody at the issue's tables
        # argued over the window that the network leave it alone (what V11 reads), yet nothing starts
        "V1": quiet_open & talking & scattered & (I.ideas < q.ideas_needed) & (standstill == 0),
        "V2": failed & (energy < energy_then - s.energy_drop) & ~succeeded,
        "V3": trying & (I.covered < 1.0),
        "V4": one_decides,
        "V5": quiet_open & analysis_without_design(mem, talk, q.ideas_needed),
        "V6": negativity >= s.negativity,
        "V7": quiet_open & ideas_enough & scattered,
        "V8": quiet_open & sent_back,
        "V9": (mem.not_examined(st) if unexamined is None else unexamined) & not_done,
        "V10": met & (held_line >= s.representation * meetings),
        "V11": quiet_open & ~sent_back & met & (standstill >= STANDSTILL_SHARE * meetings),
        "V12": full & (top >= s.committed) & (behind >= s.spread),
        "V13": (I.phase == IMPLEMENTATION) & not_taken_over & (I.weeks_in_phase >= s.persist),
        "V14": trying & not_taken_over & (I.effort_share < 0.6 * q.effort_needed),
    }


def fused_week(st: State, mem: Memory, p: Params, energy: np.ndarray, gap: np.ndarray, at_table: np.ndarray,
               unexamined: np.ndarray, streak: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(holds (situation, issue), the new streaks): :func:`conditions` and the streaks' update in one kernel
    (``stuck_week``, :mod:`..kernels`), from the same :func:`window_numbers`."""
    I = st.issues
    s, q = p.stuck, p.innovation
    counts, talk, negativity, meetings, held_line, standstill, energy_then, top, behind = window_numbers(
        st, mem, energy, gap, at_table)
    return kernels.compiled().stuck_week(
        streak, mem.full, counts, I.experiment_left, talk, I.phase, I.ideas, float(q.ideas_needed), I.convergence,
        negativity, meetings, held_line, standstill, energy, energy_then, top, behind, I.covered, I.handed_over,
        I.weeks_in_phase, I.effort_share, unexamined, analysis_without_design(mem, talk, q.ideas_needed),
        float(s.energy_drop), float(s.negativity),
        float(s.representation), float(s.committed), float(s.spread), float(s.persist), float(q.effort_needed),
        STANDSTILL_SHARE, int(EXPERIMENT), int(IMPLEMENTATION))


def clear_jump(delta: np.ndarray, difficulty: np.ndarray, breakthrough: float) -> np.ndarray:
    """Progress of at least half an experiment's breakthrough in one week (a roll-out by the formal owner,
    a lucky break): a jump even without a successful experiment (002 L331-337)."""
    return delta >= 0.5 * breakthrough / difficulty


def jumped(st: State, p: Params) -> np.ndarray:
    """Per issue: a jump in progress this week: a successful experiment or a clear jump."""
    I = st.issues
    return (I.outcome == SUCCESS) | clear_jump(I.delta, I.difficulty, p.innovation.breakthrough)


def _at_table(st: State) -> np.ndarray:
    """(O, K) bool: organisations with an active member at a table that talks about the issue."""
    F, orgs = st.forums, st.orgs
    O, K = len(orgs.name), F.covers.shape[1]
    live = np.zeros(len(F.block_forum), bool)            # delegations with a member still there
    live[F.member_block[F.member_active & orgs.joined[F.member_org]]] = True   # dormant members still sit at the table
    org, covers = F.block_org[live], F.covers[F.block_forum[live]]
    return np.stack([bincount(org, weights=covers[:, k], minlength=O) for k in range(K)], axis=1) > 0


_IDS = tuple(SITUATIONS)    # the situations' ids in the order of the detector's rows


class StuckDetector:
    """Online detector of the fourteen situations; call :meth:`observe` every week."""

    def __init__(self):
        self.memory: Memory | None = None
        self.streak: np.ndarray | None = None    # (situation, issue): weeks held (> 0) or not held (< 0) in a row
        self.open: dict[tuple[str, int], dict[str, Any]] = {}
        self.jumps: deque | None = None

    def observe(self, st: State, p: Params, week: int, issue_label: Callable[[int, str], str]) -> list[dict]:
        K = len(st.issues.id)
        window, persist = int(p.stuck.window), int(p.stuck.persist)
        if self.memory is None:
            self.memory = Memory(window, K, p.stuck.dominance)
            self.jumps = deque(maxlen=persist + 2)
            self.streak = np.zeros((len(SITUATIONS), K), np.int64)
        at_table, unexamined = self.memory.at_table(st), self.memory.not_examined(st)
        energy, gap = issue_energy(st), lead_gap(st, at_table)
        if kernels.wanted(0):     # a fixed cost per issue, not per tie: fused where the kernels are on anyway
            self.streak = streak = fused_week(st, self.memory, p, energy, gap, at_table, unexamined, self.streak)[1]
        else:
            now = conditions(st, self.memory, p, energy, gap, at_table, unexamined)
            holds = np.array([now[sid] for sid in SITUATIONS])
            streak = self.streak
            self.streak = streak = where(holds, np.maximum(streak, 0) + 1, np.minimum(streak, 0) - 1)
        self.memory.remember(st, energy, gap, unexamined)
        self.jumps.append(jumped(st, p))
        events = []
        for i, k in zip(*(np.abs(streak) == persist).nonzero()):      # only where something can change
            key = (_IDS[i], int(k))
            if key not in self.open and streak[i, k] == persist:
                events.append(self._start(*key, week - persist + 1, week, issue_label))
            elif key in self.open and streak[i, k] == -persist:
                recent_jump = any(bool(jump[k]) for jump in self.jumps)   # a jump in the last persist + 2 weeks
                events += self._end(key, week, persist, recent_jump, issue_label)
        return events

    def _start(self, sid: str, k: int, start: int, week: int, issue_label) -> dict:
        s = SITUATIONS[sid]
        event = {"step": week, "type": "vastloop", "id": sid, "issue": k, "start": start, "end": None,
                 "label_nl": f"{s.id} {s.name_nl} ({issue_label(k, 'nl')}): {s.explain_nl}",
                 "label_en": f"{s.id} {s.name_en} ({issue_label(k, 'en')}): {s.explain_en}",
                 "source": s.source}
        self.open[(sid, k)] = event
        return event

    def _end(self, key, week: int, persist: int, jumped: bool, issue_label) -> list[dict]:
        event = self.open.pop(key)
        event["end"] = week - persist + 1     # the first week the condition no longer held
        if not jumped:
            return []
        s, k = SITUATIONS[key[0]], key[1]
        return [{"step": week, "type": "doorbraak", "id": s.id, "issue": k, "start": event["start"],
                 "label_nl": f"Doorbraak ({issue_label(k, 'nl')}): '{s.name_nl}' is doorbroken met een sprong vooruit.",
                 "label_en": f"Breakthrough ({issue_label(k, 'en')}): '{s.name_en}' ends with a jump forward."}]

    def active(self) -> list[tuple[str, int]]:
        """(situation id, issue index) of the stuck situations open now."""
        return sorted(self.open)
