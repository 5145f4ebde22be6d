"""Mechanism 9: professionals' energy rises with visible progress and drains with setbacks and load.

Visible progress on the work one cares about raises energy (progress principle, 002 R20); progress
that falls short of what people came to expect, meeting hours above the fatigue threshold (003 R44)
and network work on top of a heavy caseload (001 L326-367) drain it, losses weighing more than gains
(negativity bias, 002 R19). Negativity drains energy too, and it is contagious: it spreads along the
ties that met, pulling others up but never down (002 V6, L361-364), and fades slowly. Without any of
these, energy drifts back to the person's own drive. Conflict breeds negativity (003 L1323-1462).
"""

from __future__ import annotations

import numpy as np

from .. import kernels
from ..numeric import bincount, clip
from ..params import Params
from ..state import State


def energy_change(energy, drive, progress, expected, meeting_hours, workload, working, p: Params) -> np.ndarray:
    """Next energy level, clipped to [0, 1]."""
    e, m = p.energy, p.meeting
    gain = e.progress_gain * progress
    loss = (e.setback_loss * np.maximum(0.0, expected - progress)
            + e.meeting_drain * np.maximum(0.0, meeting_hours - m.fatigue_threshold)
            + e.contribution_drain * workload * working)
    return clip(energy + e.recovery * (drive - energy) + gain - e.loss_aversion * loss, 0.0, 1.0)


def spread_negativity(negativity, src, dst, met, p: Params) -> np.ndarray:
    """Negativity is contagious along the ties ``met`` (indices): it pulls others up, never down (002 V6, R19); it fades."""
    q = p.negativity
    listener = src[met]
    n_met = bincount(listener, minlength=len(negativity))
    heard = bincount(listener, weights=negativity[dst[met]], minlength=len(negativity)) / np.maximum(n_met, 1)
    pulled = negativity + q.spread * np.maximum(0.0, heard - negativity) * (n_met > 0)
    return clip(pulled * (1 - q.decay), 0.0, 1.0)


def update_energy(st: State, p: Params) -> None:
    """Negativity spreads and is heated by conflict, it drains energy, and energy changes (fused after the two
    matrix products where :mod:`..kernels` says: ``energy_week``)."""
    orgs, profs, I, T = st.orgs, st.profs, st.issues, st.ties
    # the reference reads negativity back after assigning it: with a held field it reads the held value (kernels.unheld)
    if kernels.wanted(len(T.src)) and kernels.unheld(profs):
        e, q = p.energy, p.negativity
        profs.negativity, profs.energy = kernels.compiled().energy_week(
            profs.negativity, profs.energy, T.src, T.dst, T.met_index, profs.org, orgs.heat, profs.drive,
            (orgs.focus @ I.delta)[profs.org], (orgs.focus @ I.expected)[profs.org], profs.meeting_hours,
            profs.workload, profs.effort, float(q.spread), float(q.decay), float(q.from_heat), float(q.energy_drain),
            float(e.progress_gain), float(e.setback_loss), float(e.meeting_drain), float(p.meeting.fatigue_threshold),
            float(e.contribution_drain), float(e.recovery), float(e.loss_aversion))
        return
    profs.negativity = spread_negativity(profs.negativity, T.src, T.dst, T.met_index, p)
    profs.negativity = clip(profs.negativity + p.negativity.from_heat * orgs.heat[profs.org], 0.0, 1.0)
    profs.energy = clip(profs.energy - p.negativity.energy_drain * profs.negativity, 0.0, 1.0)
    profs.energy = energy_change(profs.energy, profs.drive, (orgs.focus @ I.delta)[profs.org],
                                 (orgs.focus @ I.expected)[profs.org],
                                 profs.meeting_hours, profs.workload, profs.effort > 0, p)
