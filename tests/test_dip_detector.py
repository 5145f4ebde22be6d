"""The netwerkdip detector on hand-made vitality series: it reads rows only (003 L4612-4672)."""

import math

from netwerksim.observers.dip import DipDetector
from netwerksim.params import Params


def feed(series, existing=False, **extra):
    detector, rows, events = DipDetector(existing), [], []
    for week, v in enumerate(series):
        rows.append({"week": week, "vitality": v, **{k: f(week) for k, f in extra.items()}})
        events += detector.observe(rows, Params())
    detector.finish(len(series) - 1)
    return events


def rise_fall_recover():
    up = [0.6 + 0.01 * w for w in range(20)]            # energetic start to 0.79
    down = [0.79 - 0.005 * w for w in range(1, 61)]     # slides to 0.49
    back = [0.49 + 0.01 * w for w in range(1, 31)]      # restarts to 0.79
    return up + down + back


def test_a_fall_from_the_peak_is_a_netwerkdip_with_start_trough_depth_and_a_doorstart():
    events = feed(rise_fall_recover())
    dip, door = events
    assert dip["type"] == "netwerkdip" and door["type"] == "doorstart"
    assert 19 <= dip["start"] <= 23                      # the smoothed peak
    assert 75 <= dip["trough_week"] <= 84
    assert math.isclose(dip["depth"], (dip["peak"] - dip["trough"]) / dip["peak"])
    assert 0.3 < dip["depth"] < 0.4
    assert dip["end"] == door["step"] and dip["duration"] == dip["end"] - dip["start"]
    assert door["step"] > dip["trough_week"]


def test_no_dip_in_a_steady_or_mildly_wavering_network():
    steady = [0.7 + 0.03 * math.sin(w / 5) for w in range(150)]
    assert feed(steady) == []


def test_a_dip_without_recovery_lasts_to_the_end_of_the_run():
    series = [0.7 + 0.005 * w for w in range(20)] + [0.8 - 0.01 * w for w in range(1, 41)]
    (dip,) = feed(series)
    assert dip["type"] == "netwerkdip"
    assert dip["end"] is None and dip["duration"] == len(series) - 1 - dip["start"]


def test_a_network_that_falls_from_the_start_never_gets_going_and_is_no_dip():
    """No energetic start: the fall is its own event, once, with its own narration (issue 13 item 5)."""
    series = [0.8] * 12 + [0.8 - 0.01 * w for w in range(1, 60)]
    (failed,) = feed(series)
    assert failed["type"] == "never_gets_going" and failed["start"] == 0
    assert 0.15 <= failed["depth"] < 0.2
    assert failed["label_nl"].startswith("Komt niet op gang") and failed["label_en"].startswith("Never gets going")


def test_an_existing_network_that_falls_from_the_start_wears_down_rather_than_never_getting_going():
    """The same fall in a network whose history says it existed before week 0: the same event (counted apart from a
    dip), worded as a network that wears down from where it stood, not as a start that never came."""
    series = [0.8] * 12 + [0.8 - 0.01 * w for w in range(1, 60)]
    (new,), (existing,) = feed(series), feed(series, existing=True)
    assert existing["type"] == new["type"] == "never_gets_going"
    assert {k: v for k, v in existing.items() if not k.startswith("label")} == \
        {k: v for k, v in new.items() if not k.startswith("label")}
    assert existing["label_nl"].startswith("Bestaand netwerk zakt weg") and "zonder eerst te stijgen" in existing["label_nl"]
    assert existing["label_en"].startswith("An existing network wears down")


def test_a_small_rise_is_no_energetic_start_but_a_real_one_is():
    flat_then_down = [0.8 + 0.001 * w for w in range(20)] + [0.82 - 0.01 * w for w in range(1, 40)]
    assert [e["type"] for e in feed(flat_then_down)] == ["never_gets_going"]
    up_then_down = [0.8 + 0.003 * w for w in range(20)] + [0.857 - 0.01 * w for w in range(1, 40)]
    assert [e["type"] for e in feed(up_then_down)] == ["netwerkdip"]


def test_a_network_that_gets_going_after_a_failed_start_can_still_dip():
    series = [0.8 - 0.01 * w for w in range(30)] + [0.51 + 0.01 * w for w in range(1, 25)] + [0.75 - 0.01 * w for w in range(1, 40)]
    assert [e["type"] for e in feed(series)] == ["never_gets_going", "netwerkdip"]


def test_a_fall_and_recovery_within_the_warm_up_is_not_a_dip():
    assert feed([0.9, 0.9, 0.5, 0.5, 0.5] + [0.9] * 25) == []
    assert feed([0.9] * 12 + [0.5] * 3 + [0.9] * 25) != []   # the same fall after the warm-up is


def test_the_indicator_changes_from_peak_to_detection_are_kept_as_data_not_as_the_why():
    series = rise_fall_recover()[:70]
    quiet = feed(series)[0]
    busy = feed(series, hierarchy=lambda w: 0.1 + 0.01 * max(0, w - 20),
                meeting_hours=lambda w: 1.0 + 0.05 * max(0, w - 20))[0]
    assert "hierarchy" not in quiet["indicator_changes"]
    assert busy["indicator_changes"]["hierarchy"] > 0.2 and busy["indicator_changes"]["meeting_hours"] > 1.5
    assert busy["label_en"] == quiet["label_en"].replace(f"{quiet['depth']:.0%}", f"{busy['depth']:.0%}")
    assert "hierarch" not in busy["label_en"]     # why it fell comes from the replay (test_explain.py)


def test_the_doorstart_says_its_numbers_with_a_dutch_decimal_comma():
    _, door = feed(rise_fall_recover())
    assert f"herstelt tot {door['level']:.2f}".replace(".", ",") in door["label_nl"]
    assert f"recovers to {door['level']:.2f} after a trough of {door['trough']:.2f}" in door["label_en"]
