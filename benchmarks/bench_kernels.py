"""The fused kernels against their numpy reference, side by side in one run, and what numba costs a fresh process.

For each kernel and size: CPU milliseconds per call of the numpy reference and of the kernel on the same inputs
(median of ``--repeat`` calls; the kernel compiled and warm), and their ratio. Then, in a fresh process, the CPU
seconds of importing numba and loading the cached kernels: what a run must earn back before a kernel pays
(:data:`netwerksim.kernels.MIN_TIES`). The trust update's inputs are those of a generated network's week scaled
up: a third of the ties met, 70 % of promises kept.

Usage::

    .venv/bin/python benchmarks/bench_kernels.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

import numpy as np

SIZES = (40_000, 400_000, 4_000_000)     # ties of about 10,000, 100,000 and 1,000,000 professionals


def trust_case(n: int):
    from types import SimpleNamespace  # noqa: PLC0415

    from netwerksim import kernels  # noqa: PLC0415
    from netwerksim.params import Params  # noqa: PLC0415

    rng = np.random.default_rng(n)
    p = Params({})
    met = np.sort(rng.choice(n, n // 3, replace=False))
    weight, kept = rng.random(len(met)), rng.random(len(met)) < 0.7
    r, s = rng.random(n) * 5, rng.random(n) * 5
    T = SimpleNamespace(r=r, s=s, trust=np.empty(n))

    def reference():
        positive = weight * kept
        from netwerksim.mechanisms.trust import add_evidence, expected_trust  # noqa: PLC0415

        add_evidence(T.r, T.s, positive, weight - positive, p, at=met)
        expected_trust(T.r, T.s, out=T.trust)

    def fused():
        kernels.compiled().learn_trust(T.r, T.s, T.trust, met, weight, kept, p.trust.forgetting, p.trust.negative_weight)
    return reference, fused


def cpu_ms(fn, repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        c = time.process_time()
        fn()
        times.append(time.process_time() - c)
    return statistics.median(times) * 1000


def startup() -> str:
    code = ("import time; c = time.process_time(); import numba; i = time.process_time() - c; "
            "from netwerksim import kernels; import numpy as np; k = kernels.compiled(); "
            "n = np.ones(3); k.learn_trust(n, n.copy(), n.copy(), np.arange(1), n[:1], np.ones(1, bool), 0.9, 2.0); "
            "print(f'{i:.2f} {time.process_time() - c - i:.2f}')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return f"import numba {out[0]} s CPU, then loading the cached kernels and a first call {out[1]} s CPU"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f}; OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', '-')}")
    print(f"{'kernel':<14}{'ties':>11}{'numpy ms':>11}{'kernel ms':>11}{'ratio':>8}")
    for n in SIZES:
        reference, fused = trust_case(n)
        a, b = cpu_ms(reference, args.repeat), cpu_ms(fused, args.repeat)
        print(f"{'trust':<14}{n:>11,}{a:>11.2f}{b:>11.2f}{a / b:>7.1f}x")
    print("a fresh process: " + startup())
    print(f"load average {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
