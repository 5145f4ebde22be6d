"""docs/model.md stays in line with the code: its parameter table and its list of interventions."""

from __future__ import annotations

import contextlib
import io
import re
import runpy
from pathlib import Path

from netwerksim.interventions import REGISTRY
from netwerksim.params import markdown_table

ROOT = Path(__file__).resolve().parents[1]
MODEL_MD = ROOT / "docs" / "model.md"
START, END = "<!-- params:start -->", "<!-- params:end -->"


def _between_markers(text: str) -> str:
    assert text.count(START) == 1 and text.count(END) == 1, f"docs/model.md needs exactly one {START} and one {END}"
    return text.split(START, 1)[1].split(END, 1)[0]


def test_parameter_table_in_model_md_matches_params():
    documented = _between_markers(MODEL_MD.read_text(encoding="utf-8"))
    assert documented.strip() == markdown_table().strip(), (
        "the parameter table in docs/model.md is out of date: run "
        "`.venv/bin/python scripts/param_table.py` and paste its output between the params markers")


def test_param_table_script_prints_the_table():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(ROOT / "scripts" / "param_table.py"), run_name="__main__")
    assert out.getvalue() == markdown_table()


def test_every_registry_entry_is_described_in_model_md():
    text = MODEL_MD.read_text(encoding="utf-8")
    missing = [name for name in REGISTRY if not re.search(rf"`{re.escape(name)}`", text)]
    assert not missing, f"registry entries not described in docs/model.md: {missing}"
