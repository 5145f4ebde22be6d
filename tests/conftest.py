"""Shared fixtures: a small scenario as a dict, easy to vary per test; `netwerksim validate` in a fresh process."""

from __future__ import annotations

import copy
import subprocess
import sys

import pytest

from netwerksim.scenario import SCENARIO_DIR

SMALL = {
    "meta": {"name_nl": "Klein netwerk", "name_en": "Small network", "steps": 52, "seed": 3},
    "issues": [
        {"id": "a", "name_nl": "Opgave A", "name_en": "Issue A"},
        {"id": "b", "name_nl": "Opgave B", "name_en": "Issue B", "required_kinds": ["welfare"]},
    ],
    "organisations": [
        {"name": "Zorg", "kind": "care_provider", "professionals": 8, "interests": {"a": 1.0}},
        {"name": "Welzijn", "kind": "welfare", "professionals": 6, "interests": {"a": 0.5, "b": 0.5}},
        {"name": "Gemeente", "kind": "municipality", "professionals": 5, "interests": {"b": 1.0}},
    ],
    "forums": [
        {"id": "tafel", "name_nl": "Tafel", "name_en": "Table", "members": ["all"], "delegates": 3, "frequency": 1},
    ],
}


@pytest.fixture
def small() -> dict:
    """A fresh deep copy of a three-organisation scenario."""
    return copy.deepcopy(SMALL)


@pytest.fixture
def validate_zorgnetwerk_with(tmp_path):
    """``netwerksim validate`` run as a user runs it (a fresh process) on the bundled zorgnetwerk with ``extra``
    TOML appended; returns the finished process (exit status, stdout, stderr)."""
    def validate(extra: str) -> subprocess.CompletedProcess:
        path = tmp_path / "net.toml"
        path.write_text((SCENARIO_DIR / "zorgnetwerk.toml").read_text(encoding="utf-8") + extra, encoding="utf-8")
        return subprocess.run([sys.executable, "-m", "netwerksim.cli", "validate", str(path)], capture_output=True,
                              text=True)
    return validate
