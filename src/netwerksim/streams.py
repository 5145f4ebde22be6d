"""Keyed random streams: one generator per purpose and week, whatever any other purpose drew before.

With a single generator for the whole run, a counterfactual that changes one mechanism (fewer people at
a table, one draw more or less) shifts every later draw of every mechanism, so two branches of the same
seed diverge from the first week and their difference is noise, not the mechanism's effect
(shared/research/validation_methods.md §2.2; Buffalo, Pearson & Klein 2026, event-keyed common random
numbers). Here each mechanism asks for the stream of (run key, purpose, week): the same numbers serve the
same purpose in every branch, a snapshot needs nothing but the run key to continue exactly, and a
paired comparison of options shares its randomness purpose by purpose. Draws are of a fixed size (one
number per tie or membership, used or not), so what one purpose uses never depends on another's state.

The stream of a key is ``np.random.default_rng([run key, purpose id, week, *more])``, number for number.
Making one that way costs about 14 µs, mostly numpy's SeedSequence hashing the key in Python; here the
hashing (:func:`seed_words`, numpy's algorithm) is done for a block of weeks at once in arrays and the
generator is built from the hashed words (about 1 µs): a test compares both for many keys.
"""

from __future__ import annotations

import zlib

import numpy as np

BLOCK = 64          # weeks hashed at once per purpose

# numpy's SeedSequence constants (numpy/random/bit_generator.pyx; Melissa O'Neill's seed_seq_fe)
_INIT_A, _MULT_A, _INIT_B, _MULT_B = 0x43B0D7E5, 0x931E8875, 0x8B51F9DD, 0x58F38DED
_MIX_L, _MIX_R, _SHIFT, _POOL = np.uint32(0xCA01F9DD), np.uint32(0x4973F715), np.uint32(16), 4
_M32 = 0xFFFFFFFF


def purpose_id(purpose: str) -> int:
    """A stable number for a purpose's name (the same in every process and Python version)."""
    return zlib.crc32(purpose.encode("utf-8"))


def uint32_words(n: int) -> list[int]:
    """A non-negative integer as SeedSequence reads it: 32-bit words, least significant first ([0] for 0)."""
    words = [n & _M32]
    n >>= 32
    while n:
        words.append(n & _M32)
        n >>= 32
    return words


def seed_words(entropy: np.ndarray) -> np.ndarray:
    """Per row of ``entropy`` ((n, L) uint32), ``SeedSequence(row).generate_state(4, np.uint64)`` ((n, 4) uint64):
    the pool mixed from the entropy, then four 64-bit words drawn from it, for all rows at once."""
    n, length = entropy.shape
    const = _INIT_A

    def hashmix(value: np.ndarray) -> np.ndarray:
        nonlocal const
        value = value ^ np.uint32(const)
        const = (const * _MULT_A) & _M32
        value = value * np.uint32(const)
        return value ^ (value >> _SHIFT)

    def mix(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        result = _MIX_L * x - _MIX_R * y
        return result ^ (result >> _SHIFT)

    zero = np.zeros(n, np.uint32)
    pool = [hashmix(entropy[:, i] if i < length else zero) for i in range(_POOL)]
    for src in range(_POOL):
        for dst in range(_POOL):
            if src != dst:
                pool[dst] = mix(pool[dst], hashmix(pool[src]))
    for src in range(_POOL, length):
        for dst in range(_POOL):
            pool[dst] = mix(pool[dst], hashmix(entropy[:, src]))
    out = np.empty((n, 8), np.uint64)
    const = _INIT_B
    for i in range(8):
        value = pool[i % _POOL] ^ np.uint32(const)
        const = (const * _MULT_B) & _M32
        value = value * np.uint32(const)
        out[:, i] = value ^ (value >> _SHIFT)
    return out[:, 0::2] | (out[:, 1::2] << np.uint64(32))


class _Hashed(np.random.bit_generator.ISeedSequence):
    """A key already hashed: what a bit generator asks of a SeedSequence, the words :func:`seed_words` made."""

    def __init__(self, words: np.ndarray):
        self.words = words

    def generate_state(self, n_words: int, dtype=np.uint32) -> np.ndarray:
        """PCG64's seed: 4 words of 64 bits (the only request a :class:`Streams` generator makes)."""
        return self.words


class Streams:
    """The run's random streams, keyed by ``key`` (drawn once from the model's seed)."""

    def __init__(self, key: int):
        self.key = int(key)
        self._hashed: dict[tuple, np.ndarray] = {}     # (purpose, *more, block) -> (BLOCK, 4) words

    def __call__(self, purpose: str, week: int, *more: int) -> np.random.Generator:
        """The generator for ``purpose`` in ``week`` (``more``: further keys, e.g. the n-th press that week)."""
        if not more and type(week) is int and 0 <= week < 2**32:     # a mechanism's weekly stream, its block hashed
            words = self._hashed.get((purpose, week // BLOCK))
            if words is not None:
                return np.random.Generator(np.random.PCG64(_Hashed(words[week % BLOCK])))
        week, more = int(week), tuple(map(int, more))
        if self.key < 0 or week < 0 or week >= 2**32 or min(more, default=0) < 0:
            return np.random.default_rng([self.key, purpose_id(purpose), week, *more])   # numpy says what is wrong
        block, row = divmod(week, BLOCK)
        words = self._hashed.get((purpose, *more, block))
        if words is None:
            before = uint32_words(self.key) + uint32_words(purpose_id(purpose))
            after = [w for m in more for w in uint32_words(m)]
            weeks = np.arange(block * BLOCK, (block + 1) * BLOCK, dtype=np.uint32)[:, None]
            entropy = np.hstack([np.broadcast_to(np.array(before, np.uint32), (BLOCK, len(before))), weeks,
                                 np.broadcast_to(np.array(after, np.uint32), (BLOCK, len(after)))])
            words = self._hashed[(purpose, *more, block)] = seed_words(entropy)
        return np.random.Generator(np.random.PCG64(_Hashed(words[row])))
