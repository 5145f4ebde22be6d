"""The keyed streams (:mod:`netwerksim.streams`) give numpy's ``default_rng([key, purpose, week, *more])`` number for
number, however they are made: the seeds keep meaning what they meant."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from netwerksim.streams import BLOCK, Streams, purpose_id, seed_words


def reference(key: int, purpose: str, week: int, *more: int) -> np.random.Generator:
    return np.random.default_rng([key, purpose_id(purpose), week, *more])


@settings(max_examples=200, deadline=None)
@given(key=st.integers(0, 2**64 - 1), purpose=st.text(max_size=12), week=st.integers(0, 3 * BLOCK),
       more=st.lists(st.integers(0, 2**70), max_size=3))
def test_a_stream_draws_what_numpys_seed_sequence_gives(key, purpose, week, more):
    streams = Streams(key)
    for w in (week, week + 1, week):      # the block's first use and the cached words give the same
        assert np.array_equal(streams(purpose, w, *more).random(4), reference(key, purpose, w, *more).random(4))


def test_seed_words_are_seed_sequence_state_for_short_and_long_entropy():
    rng = np.random.default_rng(0)
    for length in (1, 2, 3, 4, 5, 8):
        rows = rng.integers(0, 2**32, (6, length), dtype=np.uint64).astype(np.uint32)
        want = np.array([np.random.SeedSequence([int(x) for x in row]).generate_state(4, np.uint64) for row in rows])
        assert np.array_equal(seed_words(rows), want)


def test_keys_numpy_refuses_are_refused_as_numpy_does():
    import pytest  # noqa: PLC0415

    with pytest.raises(ValueError):
        Streams(1)("trust", -1)
