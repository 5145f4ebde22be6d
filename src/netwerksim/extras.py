"""Optional parts and the extra that installs each: a missing one is one clear line, never a traceback.

``pip install netwerksim`` gives the model, single runs, comparisons and grid or random sweeps.
The extras add what a part imports (pyproject.toml ``[project.optional-dependencies]``):
``[sweep]`` SALib designs and analysis, Dask engines and statsmodels (the ensemble regression), ``[ema]``
EMA workbench, ``[app]`` the Solara workshop app, ``[mesa-viz]`` Mesa's own SolaraViz, ``[pdf]`` the comparison
report as PDF (fpdf2), ``[fast]`` numba for the fused kernels of national-scale networks (:mod:`.kernels`; without it
the numpy reference gives the same results), ``[all]`` everything.
"""

from __future__ import annotations

from importlib.util import find_spec

# the modules each extra brings, as imported (the first missing one is named in the message)
EXTRAS = {
    "sweep": ("SALib", "dask", "distributed", "statsmodels"),
    "ema": ("ema_workbench",),
    "app": ("solara", "reacton", "ipyvue", "ipyvuetify", "segno"),
    "mesa-viz": ("solara", "altair"),
    "pdf": ("fpdf",),
    "fast": ("numba",),
}


class MissingExtra(ImportError):
    """An optional part whose packages are not installed; the message says which extra installs them."""

    def __init__(self, extra: str, module: str, lang: str = "en"):
        self.extra, self.module = extra, module
        from .i18n import t  # noqa: PLC0415

        super().__init__(t("extra.missing", lang, module=module, extra=extra), name=module)


def missing(extra: str, modules: tuple[str, ...] | None = None) -> str | None:
    """The first of ``modules`` (default: all of ``extra``'s) that cannot be imported here, or None."""
    for module in modules or EXTRAS[extra]:
        if find_spec(module) is None:
            return module
    return None


def require(extra: str, *modules: str, lang: str = "en") -> None:
    """Raise :class:`MissingExtra` unless ``modules`` (default: all of ``extra``'s) are installed; nothing is imported."""
    module = missing(extra, modules or None)
    if module is not None:
        raise MissingExtra(extra, module, lang)


def extra_for(module: str | None) -> str | None:
    """The extra that installs ``module`` (a top-level or dotted module name), or None if no extra does."""
    root = (module or "").split(".")[0]
    return next((extra for extra, modules in EXTRAS.items() if root in modules), None)
