"""Mechanism 9: professionals' energy rises with visible progress and drains with setbacks and load.

Visible progress on the work one cares about raises energy (progress principle, 002 R20); progress
that falls short of what people came to expect, meeting hours above the fatigue threshold (003 R44)
and network work on top of a heavy caseload (001 L326-367) drain it, losses weighing more than gains
(negativity bias, 002 R19). Without either, energy drifts back to the person's own drive.
"""

from __future__ import annotations

import numpy as np

from ..params import Params
from ..state import State


def energy_change(energy, drive, progress, expected, meeting_hours, workload, working, p: Params) -> np.ndarray:
    """Next energy level, clipped to [0, 1]."""
    e, m = p.energy, p.meeting
    gain = e.progress_gain * progress
    loss = (e.setback_loss * np.maximum(0.0, expected - progress)
            + e.meeting_drain * np.maximum(0.0, meeting_hours - m.fatigue_threshold)
            + e.contribution_drain * workload * working)
    return np.clip(energy + e.recovery * (drive - energy) + gain - e.loss_aversion * loss, 0.0, 1.0)


def update_energy(st: State, p: Params) -> None:
    orgs, profs, I = st.orgs, st.profs, st.issues
    profs.energy = energy_change(profs.energy, profs.drive, (orgs.focus @ I.delta)[profs.org],
                                 (orgs.focus @ I.expected)[profs.org],
                                 profs.meeting_hours, profs.workload, profs.effort > 0, p)
