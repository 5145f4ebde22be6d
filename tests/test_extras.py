"""Optional parts (issue 18 items 1 and 5): a missing extra is one line naming it; --help starts light."""

from __future__ import annotations

import subprocess
import sys

import pytest

from netwerksim.extras import EXTRAS, MissingExtra, extra_for, require


def cli_without(modules: list[str], *args: str) -> subprocess.CompletedProcess:
    """The command line in a process where ``modules`` cannot be imported (as if their extra were not installed)."""
    code = (f"import sys\nfor m in {modules!r}:\n    sys.modules[m] = None\n"
            f"from netwerksim.cli import main\nsys.exit(main({list(args)!r}))")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("args, modules, extra, lang", [
    (["sweep", "sweep_zorgnetwerk_morris"], ["SALib"], "sweep", "nl"),
    (["app", "--port", "0"], ["solara"], "app", "nl"),
])
def test_missing_extra_is_one_line(args, modules, extra, lang):
    done = cli_without(modules, *args)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
    assert f"installeer netwerksim[{extra}]" in done.stderr and modules[0] in done.stderr


def test_missing_extra_in_english_and_from_the_api(tmp_path):
    done = cli_without(["distributed"], "sweep", "sweep_zorgnetwerk_morris", "--dask-local", "1",
                       "--out", str(tmp_path / "x"))
    assert done.returncode == 2 and "installeer netwerksim[sweep]" in done.stderr
    assert not (tmp_path / "x").exists()
    with pytest.raises(MissingExtra, match=r"install netwerksim\[ema\]"):
        require("ema", "a_module_that_is_not_there")


def test_every_extra_module_maps_back_to_its_extra():
    for extra, modules in EXTRAS.items():
        for m in modules:
            assert extra_for(m) in EXTRAS and m in EXTRAS[extra_for(m)]
    assert extra_for("SALib.sample.morris") == "sweep" and extra_for("numpy") is None


def test_help_imports_neither_numpy_nor_mesa():
    """`netwerksim --help` loads argparse and the package, not the model (the CPU figure: bench_startup.py)."""
    code = ("import sys\nfrom netwerksim.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('numpy', 'pandas', 'mesa', 'pydantic', 'tqdm') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip().splitlines()[-1] == "[]"
    code = ("import sys\nfrom netwerksim.cli import main\nmain(['validate', 'zorgnetwerk'])\n"
            "print(sorted(m for m in ('pandas', 'mesa', 'matplotlib', 'pyarrow') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout


def test_lazy_package_attributes():
    code = ("import sys, netwerksim\nassert 'numpy' not in sys.modules\nimport netwerksim.sweeps\n"
            "from netwerksim import compare, NetwerkModel\nprint(callable(compare) and compare.__module__, "
            "NetwerkModel.__name__, sorted(netwerksim.__all__) == netwerksim.__all__)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["netwerksim.compare", "NetwerkModel", "True"], done.stderr
